/*
 * model.h - the topology: what each resource is, where it sits (Region ›
 * VPC › AZ › subnet), and how traffic and references flow between
 * resources.  Analyses and renderers read this, never raw JSON.
 *
 * Calling sequence:
 *
 *	tfs_model_options opt;
 *	tfs_model_options_init(&opt);
 *	tfs_model *m = tfs_model_build(state, inventory, &opt);
 *	... m->nodes, m->edges, m->rules ...
 *	tfs_model_free(m);
 *
 * Ownership: the model borrows the state and the inventory (both must
 * outlive it) and owns its arrays; tfs_model_free() releases them.
 *
 * Joins are by value (ARN, ID, name, DNS name) through hash maps, because a
 * state holds resolved values, not references.  A value the state refers to
 * but does not contain (a subnet of another state, say) becomes an external
 * node, so every edge has both ends.
 *
 * Adding a resource type: a row in the kind table of src/model/model.c (kind,
 * category, placement), and, if it sits in subnets or joins others, a case
 * in src/model/place.c or src/model/edges.c with a unit test.
 */
#ifndef TFSIGHT_MODEL_H
#define TFSIGHT_MODEL_H

#include "tfsight/inventory.h"

#define TFS_NONE ((size_t)-1)

typedef enum tfs_kind {
	TFS_KIND_VPC,
	TFS_KIND_SUBNET,
	TFS_KIND_ROUTE_TABLE,
	TFS_KIND_ROUTE_TABLE_ASSOC,
	TFS_KIND_ROUTE,
	TFS_KIND_INTERNET_GATEWAY,
	TFS_KIND_NAT_GATEWAY,
	TFS_KIND_EIP,
	TFS_KIND_SECURITY_GROUP,
	TFS_KIND_SECURITY_GROUP_RULE,
	TFS_KIND_LOAD_BALANCER,
	TFS_KIND_LISTENER,
	TFS_KIND_LISTENER_RULE,
	TFS_KIND_TARGET_GROUP,
	TFS_KIND_ECS_CLUSTER,
	TFS_KIND_ECS_SERVICE,
	TFS_KIND_ECS_TASK_DEFINITION,
	TFS_KIND_RDS_INSTANCE,
	TFS_KIND_RDS_CLUSTER,
	TFS_KIND_RDS_CLUSTER_INSTANCE,
	TFS_KIND_DB_SUBNET_GROUP,
	TFS_KIND_S3_BUCKET,
	TFS_KIND_S3_BUCKET_CONFIG,
	TFS_KIND_CLOUDFRONT,
	TFS_KIND_ROUTE53_ZONE,
	TFS_KIND_ROUTE53_RECORD,
	TFS_KIND_ACM_CERTIFICATE,
	TFS_KIND_WAF_ACL,
	TFS_KIND_WAF_ASSOCIATION,
	TFS_KIND_LOG_GROUP,
	TFS_KIND_ALARM,
	TFS_KIND_DASHBOARD,
	TFS_KIND_SNS_TOPIC,
	TFS_KIND_SECRET,
	TFS_KIND_KMS_KEY,
	TFS_KIND_ECR_REPOSITORY,
	TFS_KIND_AUTOSCALING_TARGET,
	TFS_KIND_AUTOSCALING_POLICY,
	TFS_KIND_LAMBDA,
	TFS_KIND_ELASTICACHE,
	TFS_KIND_EC2_INSTANCE,
	TFS_KIND_VPC_ENDPOINT,
	TFS_KIND_DYNAMODB_TABLE,
	TFS_KIND_IAM,
	TFS_KIND_API,             /* API Gateway REST, HTTP or WebSocket API */
	TFS_KIND_API_ROUTE,       /* v2 route, REST method */
	TFS_KIND_API_INTEGRATION,
	TFS_KIND_API_AUTHORIZER,
	TFS_KIND_API_STAGE,
	TFS_KIND_API_DOMAIN,      /* custom domain name */
	TFS_KIND_SQS_QUEUE,
	TFS_KIND_EVENT_RULE,      /* EventBridge rule */
	TFS_KIND_COGNITO_USER_POOL,
	TFS_KIND_COGNITO_IDENTITY_POOL,
	TFS_KIND_GENERIC,  /* any other managed type */
	TFS_KIND_EXTERNAL, /* referenced, not in this input */
} tfs_kind;

/* Where a node is drawn and listed. */
typedef enum tfs_placement {
	TFS_PLACE_SUBNETS,  /* inside one or more subnets */
	TFS_PLACE_VPC,      /* in a VPC, not in a subnet (IGW, SG, route table) */
	TFS_PLACE_REGIONAL, /* regional service outside any VPC (S3, ECR, ...) */
	TFS_PLACE_EDGE,     /* edge and global (CloudFront, Route 53, ACM, WAF) */
	TFS_PLACE_EXTERNAL, /* outside this state */
} tfs_placement;

/* AWS architecture-icon categories (colours in the diagram). */
typedef enum tfs_category {
	TFS_CAT_COMPUTE,
	TFS_CAT_DATABASE,
	TFS_CAT_STORAGE,
	TFS_CAT_NETWORKING,
	TFS_CAT_MANAGEMENT,
	TFS_CAT_SECURITY,
	TFS_CAT_GENERAL,
} tfs_category;

typedef enum tfs_env_source {
	TFS_ENV_TAG,
	TFS_ENV_ACCOUNT,
	TFS_ENV_FLAG,
	TFS_ENV_UNKNOWN,
} tfs_env_source;

/* A subnet's tier.  Unknown is a subnet the input refers to but does not
 * hold (another state's, a data source's, a hard-coded id): nothing says
 * whether it is public, and nothing that depends on it is decided. */
typedef enum tfs_tier {
	TFS_TIER_PUBLIC,
	TFS_TIER_PRIVATE,
	TFS_TIER_UNKNOWN,
} tfs_tier;

typedef enum tfs_public_source {
	TFS_PUBLIC_ROUTE_TABLE,   /* default route to an internet gateway */
	TFS_PUBLIC_MAP_PUBLIC_IP, /* map_public_ip_on_launch */
	TFS_PUBLIC_TAG,           /* a tag says public/private */
	TFS_PUBLIC_UNKNOWN,       /* nothing tells: treated as private */
	TFS_PUBLIC_NOT_IN_INPUT,  /* not in this input: unknown */
} tfs_public_source;

typedef struct tfs_node {
	tfs_kind kind;
	const tfs_inventory_item *item; /* NULL for external nodes */
	const char *address;            /* instance address, or the value */
	const char *label;              /* Name tag, else the resource name */
	tfs_placement placement;
	const char *environment;
	tfs_env_source env_source;
	size_t vpc;       /* node index of its VPC, or TFS_NONE */
	size_t *subnets;  /* node indices of the subnets it sits in */
	size_t nsubnets;
	const char **azs; /* availability zones, sorted, unique */
	size_t nazs;
	/* subnets (and external nodes standing for one): the tier, and why */
	tfs_tier tier;
	tfs_public_source public_source;
	const char *public_evidence;
	const char *detail; /* short facts for labels: "512 CPU / 1024 MiB" */
	/* ECS services: their task definition and cluster nodes (TFS_NONE when
	 * not in this input) */
	size_t task_definition;
	size_t cluster;
	/* Elastic IPs: the node that uses the address (a NAT gateway, an
	 * aws_eip_association); NAT gateways: their first Elastic IP in this
	 * input.  TFS_NONE when none; see tfs_model_eip_use(). */
	size_t attached;
	const char *attached_evidence; /* "ADDRESS.allocation_id = VALUE" */
	/* What it is a part of (the first TFS_EDGE_PART into it: a
	 * function's provisioned concurrency, an API's stage), or TFS_NONE */
	size_t part_of;
	/* Multi-AZ RDS instances: the AZ its standby is drawn in (AWS picks
	 * one of the subnet group's other AZs), or NULL */
	const char *standby_az;
	/* databases whose availability_zone is not recorded yet (a plan):
	 * AWS picks one of the subnet group's AZs at create */
	bool az_pending;
} tfs_node;

typedef enum tfs_edge_kind {
	TFS_EDGE_DNS_ALIAS,      /* Route 53 alias -> CloudFront / LB */
	TFS_EDGE_CDN_ORIGIN,     /* CloudFront -> S3 / LB / external */
	TFS_EDGE_LB_LISTENER,    /* load balancer -> listener */
	TFS_EDGE_LISTENER_TARGET,/* listener (or rule) -> target group */
	TFS_EDGE_TARGET,         /* target group -> ECS service */
	TFS_EDGE_NETWORK,        /* compute -> data store, allowed by SGs */
	TFS_EDGE_SECRET,         /* ECS service -> Secrets Manager */
	TFS_EDGE_IMAGE,          /* ECS service -> ECR repository */
	TFS_EDGE_LOGS,           /* ECS service -> log group */
	TFS_EDGE_NAT_EGRESS,     /* NAT gateway -> internet gateway */
	TFS_EDGE_ALARM,          /* alarm -> the resource it watches */
	TFS_EDGE_WAF,            /* web ACL -> what it protects */
	TFS_EDGE_PART,           /* API -> its routes, stages, authorizers;
	                            user pool -> its clients, domain; event
	                            bus -> its rules; function -> its aliases,
	                            URL, concurrency and invoke configs */
	TFS_EDGE_API_INTEGRATION,/* route (or method) -> its integration */
	TFS_EDGE_INTEGRATION,    /* integration -> Lambda / LB / VPC link / URL */
	TFS_EDGE_AUTHORIZER,     /* authorizer -> user pool / Lambda */
	TFS_EDGE_API_MAPPING,    /* custom domain -> API (its mapping, stage) */
	TFS_EDGE_EVENT_SOURCE,   /* SQS / stream / Kinesis -> Lambda (mapping) */
	TFS_EDGE_SUBSCRIPTION,   /* SNS topic -> Lambda / SQS / endpoint */
	TFS_EDGE_EVENT_TARGET,   /* EventBridge rule -> target */
	TFS_EDGE_BUCKET_NOTIFICATION, /* S3 bucket -> Lambda / SQS / SNS */
	TFS_EDGE_COGNITO_TRIGGER,/* user pool -> Lambda trigger */
	TFS_EDGE_ON_FAILURE,     /* Lambda / mapping / queue -> DLQ, destination */
	TFS_EDGE_MAY_ACCESS,     /* compute -> what its role's policies grant
	                            (a permission, not traffic) */
	TFS_EDGE_IDENTITY_ROLE,  /* identity pool -> IAM role */
	TFS_EDGE_CERTIFICATE,    /* listener / CloudFront / API domain -> ACM
	                            certificate it serves */
} tfs_edge_kind;

typedef struct tfs_edge {
	size_t from, to;        /* node indices, in the direction of traffic */
	tfs_edge_kind kind;
	const char *evidence;   /* "address.attribute.path = value" */
	const char *label;      /* "tcp/5432", or NULL */
} tfs_edge;

/* One allowed flow of one security group, after deduplication. */
typedef struct tfs_sg_rule {
	size_t sg;              /* node index of the security group */
	bool ingress;
	const char *protocol;   /* "tcp", "udp", "icmp", "-1" (all) */
	long from_port, to_port;
	const char *cidr;       /* one source/destination CIDR, or NULL */
	size_t peer_sg;         /* node index of the peer group, or TFS_NONE */
	const char *peer_sg_id; /* its id, also when external */
	const char *evidence;   /* address that declares it */
} tfs_sg_rule;

/* ---- containment: Cloud › Region › VPC › AZ › subnet ------------------------ */

typedef struct tfs_ids {
	size_t *items; /* node indices, ascending */
	size_t count;
	size_t cap;
} tfs_ids;

typedef struct tfs_subnet_group {
	size_t subnet;   /* node index (a subnet, or an external node) */
	tfs_tier tier;
	tfs_ids members; /* resources placed in it */
	tfs_ids standby; /* Multi-AZ databases whose standby is drawn here */
} tfs_subnet_group;

typedef struct tfs_az_group {
	const char *name; /* "sa-east-1a", or "unknown" */
	tfs_subnet_group *subnets; /* public first, then by node index */
	size_t nsubnets, cap;
} tfs_az_group;

typedef struct tfs_vpc_group {
	size_t vpc;          /* node index, or TFS_NONE when not known */
	tfs_az_group *azs;   /* by name */
	size_t nazs, cap;
	tfs_ids members;     /* in the VPC, in no subnet (IGW, SGs, ...) */
} tfs_vpc_group;

typedef struct tfs_region_group {
	const char *name;
	tfs_vpc_group *vpcs; /* by VPC node index */
	size_t nvpcs, cap;
	tfs_ids regional;    /* regional services outside any VPC */
} tfs_region_group;

typedef struct tfs_tree {
	tfs_ids edge;              /* edge and global services */
	tfs_region_group *regions; /* by name */
	size_t nregions, cap;
	tfs_ids external;          /* referenced, not in this input */
} tfs_tree;

typedef struct tfs_model_options {
	const char *const *env_tag_keys; /* NULL: Environment, environment, env */
	size_t n_env_tag_keys;
	const char *const *account_envs; /* pairs: account id, environment */
	size_t n_account_envs;
	const char *default_env;         /* --environment, or NULL */
} tfs_model_options;

typedef struct tfs_model {
	const tfs_state *state;
	const tfs_inventory *inv;
	tfs_node *nodes; /* managed instances in state order, then externals */
	size_t nnodes;
	size_t nresources; /* nodes[0..nresources) are the state's instances */
	tfs_edge *edges;   /* sorted by from, to, kind */
	size_t nedges;
	tfs_sg_rule *rules; /* sorted by group, direction, protocol, ports */
	size_t nrules;
	size_t ndata; /* data sources (not nodes) */
	tfs_tree tree;
	tfs_arena arena;
	/* private to the model */
	size_t cap_nodes, cap_edges, cap_rules;
} tfs_model;

void tfs_model_options_init(tfs_model_options *opt);
tfs_model *tfs_model_build(const tfs_state *st, const tfs_inventory *inv,
                           const tfs_model_options *opt);
void tfs_model_free(tfs_model *m);

/* Invariants (every edge end exists, every subnet has one VPC, ...);
 * returns NULL or a static description of the first violation. */
const char *tfs_model_check(const tfs_model *m);

/* The environment most resources name (ties: the first in node order), or
 * NULL when none names one: the stack's own. */
const char *tfs_model_main_env(const tfs_model *m);

/* Whether an Elastic IP is in use: the one rule both the estimate's "not
 * associated" note and the idle-address check apply, so they cannot
 * disagree.  In use when its own association_id, instance or
 * network_interface is set, or when a NAT gateway or an
 * aws_eip_association of this input names its allocation; unknown when the
 * input records none of the three (a plan before apply); idle otherwise. */
typedef enum tfs_eip_state {
	TFS_EIP_IN_USE,
	TFS_EIP_IDLE,
	TFS_EIP_UNKNOWN,
} tfs_eip_state;

typedef struct tfs_eip_use {
	tfs_eip_state state;
	const char *attr;  /* the EIP's attribute that decides, e.g.
	                      "association_id", or "allocation_id" when a user
	                      names it */
	const char *value; /* that attribute's value, or NULL */
	size_t by;         /* the node using it, or TFS_NONE */
} tfs_eip_use;

void tfs_model_eip_use(const tfs_model *m, size_t eip, tfs_eip_use *out);

/* The node's non-empty value of tag key (exact key), or NULL. */
const char *tfs_node_tag(const tfs_node *n, const char *key);

/* The node whose environment and tags a node's cost rolls up under: the
 * node itself, or, when it has neither an environment nor either tag (an
 * alias, provisioned concurrency: parts that cannot be tagged), what it is
 * part of.  One rule for the cost's roll-ups and the diff's. */
const tfs_node *tfs_node_tag_owner(const tfs_model *m, const tfs_node *n,
                                   const char *project_tag,
                                   const char *owner_tag);

/* Whether the type -> kind table is in the order its binary search needs
 * (for the tests). */
bool tfs_model_tables_sorted(void);

const char *tfs_kind_name(tfs_kind k);
const char *tfs_edge_kind_name(tfs_edge_kind k);
const char *tfs_placement_name(tfs_placement p);
const char *tfs_category_name(tfs_category c);
tfs_category tfs_kind_category(tfs_kind k);
const char *tfs_env_source_name(tfs_env_source s);
const char *tfs_public_source_name(tfs_public_source s);
const char *tfs_tier_name(tfs_tier t); /* "public", "private", "unknown" */

#endif
