/*
 * estimate_compute.c - estimators for compute and databases: EC2 and EBS,
 * Lambda, ElastiCache and Aurora.
 */
#include <math.h>
#include <string.h>

#include "cost/estimate_int.h"


/* ---- EC2 and EBS ------------------------------------------------------------- */

/* One EBS volume: what = "" for an aws_ebs_volume, else the block's name
 * ("Root volume", "Volume /dev/sdf"). */
static void S_ebs(tfs_est_ctx *c, const char *what, const char *type,
                  double gb, double iops, double tput, bool standard_io)
{
	const char *pre = *what ? tfs_est_key(c, "%s: ", what) : "";

	if (!type || !*type)
		type = "gp2";
	tfs_est_fixed(c, tfs_est_key(c, "%sStorage (%s)", pre, type), "GB-months",
	              gb, tfs_est_key(c, "ebs.%s.gb_month", type));
	if (strcmp(type, "io1") == 0 || strcmp(type, "io2") == 0)
		tfs_est_fixed(c, tfs_est_key(c, "%sProvisioned IOPS (%s)", pre, type),
		              "IOPS-months", iops,
		              tfs_est_key(c, "ebs.%s.iops_month", type));
	if (strcmp(type, "gp3") == 0) {
		/* gp3 includes 3,000 IOPS and 125 MiB/s */
		if (iops > 3000)
			tfs_est_fixed(c, tfs_est_key(c, "%sProvisioned IOPS above 3000",
			                             pre),
			              "IOPS-months", iops - 3000, "ebs.gp3.iops_month");
		if (tput > 125)
			tfs_est_fixed(c, tfs_est_key(c, "%sThroughput above 125 MiB/s",
			                             pre),
			              "MiBps-months", tput - 125, "ebs.gp3.mibps_month");
	}
	if (standard_io && strcmp(type, "standard") == 0)
		tfs_est_usage(c, tfs_est_key(c, "%sI/O requests", pre), "requests",
		              "monthly_standard_io_requests", 1,
		              "ebs.standard.io_request");
}

static void S_block_device(tfs_est_ctx *c, const json_t *d, const char *what)
{
	S_ebs(c, what, tfs_attr_str(d, "volume_type"),
	      tfs_est_num(d, "volume_size", 8), tfs_est_num(d, "iops", 0),
	      tfs_est_num(d, "throughput", 0), false);
}

void tfs_est_instance(tfs_est_ctx *c)
{
	const char *type = tfs_attr_str(c->a, "instance_type");
	const char *ip = tfs_attr_str(c->a, "public_ip");
	const char *tenancy = tfs_attr_str(c->a, "tenancy");
	const json_t *ebs = json_object_get(c->a, "ebs_block_device"), *d;
	size_t i;
	const char *name = tfs_est_key(c, "Instance usage (Linux, on-demand, %s)",
	                               type ? type : "?");
	const char *key = tfs_est_key(c, "ec2.linux.%s.hour",
	                              type ? type : "unknown");
	double hrs;
	const char *src;

	/* Infracost's monthly_hrs: the hours it runs, when not all month */
	if (tfs_est_usage_get(c, "monthly_hrs", &hrs, &src))
		tfs_est_usage(c, name, "hours", "monthly_hrs", 1, key);
	else
		tfs_est_fixed(c, name, "hours", TFS_HOURS_PER_MONTH, key);
	if ((d = tfs_attr_block(c->a, "root_block_device")))
		S_block_device(c, d, "Root volume");
	json_array_foreach(ebs, i, d) {
		const char *vol = tfs_attr_str(d, "volume_id");
		const char *dev = tfs_attr_str(d, "device_name");
		/* a volume the state also holds as aws_ebs_volume is priced there */
		if (vol && tfs_map_get(&c->ebs_volumes, vol, NULL))
			continue;
		S_block_device(c, d, tfs_est_key(c, "Volume %s", dev ? dev : "?"));
	}
	/* its public IPv4, unless it is an Elastic IP (priced on the aws_eip) */
	if (ip && *ip && !tfs_map_get(&c->eip_addresses, ip, NULL))
		tfs_est_public_ipv4(c, 1);
	c->res->note = tenancy && strcmp(tenancy, "default") != 0
	                       ? "priced as Linux on shared tenancy; the state "
	                         "says otherwise"
	                       : "priced as Linux (the state does not record the "
	                         "image's licence)";
}

void tfs_est_ebs_volume(tfs_est_ctx *c)
{
	S_ebs(c, "", tfs_attr_str(c->a, "type"), tfs_est_num(c->a, "size", 8),
	      tfs_est_num(c->a, "iops", 0), tfs_est_num(c->a, "throughput", 0),
	      true);
}

/* ---- Lambda ------------------------------------------------------------------- */

static const double LAMBDA_X86_BANDS[] = {6e9, 15e9};
static const char *const LAMBDA_X86_LABELS[] = {
	"first 6B", "next 9B", "over 15B"};
static const double LAMBDA_ARM_BANDS[] = {7.5e9, 18.75e9};
static const char *const LAMBDA_ARM_LABELS[] = {
	"first 7.5B", "next 11.25B", "over 18.75B"};

/* SnapStart on published versions: the snapshot's cache (the function's
 * memory, for as long as the version is active) and each restore of it.
 * Java's SnapStart has no charge. */
static void S_snapstart(tfs_est_ctx *c, double mem_gb)
{
	const char *on = tfs_attr_str(tfs_attr_block(c->a, "snap_start"),
	                              "apply_on");
	const char *runtime = tfs_attr_str(c->a, "runtime");
	tfs_cost_component *k;

	if (!on || strcmp(on, "PublishedVersions") != 0)
		return;
	if (runtime && strncmp(runtime, "java", 4) == 0) {
		c->res->note = "SnapStart for Java has no charge";
		return;
	}
	tfs_est_fixed(c, "SnapStart cache", "GB-seconds",
	              mem_gb * TFS_HOURS_PER_MONTH * 3600,
	              "lambda.snapstart.cache.gb_second");
	k = tfs_est_last(c);
	k->note = "assumed: one published version cached all month";
	tfs_est_usage(c, "SnapStart restores", "GB", "monthly_snapstart_restores",
	              mem_gb, "lambda.snapstart.restore.gb");
}

void tfs_est_lambda(tfs_est_ctx *c)
{
	const json_t *archs = json_object_get(c->a, "architectures");
	const char *a0 = NULL;
	bool arm = false;
	const char *arch;
	double mem = tfs_est_num(c->a, "memory_size", 128) / 1024.0;
	double eph = tfs_est_num(tfs_attr_block(c->a, "ephemeral_storage"), "size",
	                         512);
	double n = 0, ms = 0, gbs = 0;
	const char *src = NULL, *ms_src = NULL;
	bool has;

	if (json_is_string(json_array_get(archs, 0)))
		a0 = json_string_value(json_array_get(archs, 0));
	arm = a0 && strcmp(a0, "arm64") == 0;
	arch = arm ? "arm" : "x86";
	tfs_est_usage(c, "Requests", "requests", "monthly_requests", 1,
	              tfs_est_key(c, "lambda.%s.request", arch));
	has = tfs_est_usage_get(c, "monthly_requests", &n, &src) &&
	      tfs_est_usage_get(c, "request_duration_ms", &ms, &ms_src);
	/* billed by the millisecond, rounded up */
	if (has)
		gbs = n * ceil(ms) / 1000.0 * mem;
	tfs_est_tiered(c, arm ? "Duration (Arm)" : "Duration (x86)", "GB-seconds",
	               gbs, has, ms_src, arm ? LAMBDA_ARM_BANDS : LAMBDA_X86_BANDS,
	               arm ? LAMBDA_ARM_LABELS : LAMBDA_X86_LABELS,
	               TFS_EST_N(LAMBDA_X86_LABELS),
	               tfs_est_key(c, "lambda.%s.duration", arch), "gb_second");
	/* the first 512 MB of ephemeral storage come with every function */
	if (eph > 512) {
		tfs_cost_component *k = tfs_est_component(
			c, "Ephemeral storage above 512 MB", "GB-seconds",
			tfs_est_key(c, "lambda.%s.ephemeral_storage.gb_second", arch));
		k->usage_based = true;
		if (has) {
			k->usage_source = ms_src;
			tfs_est_set_quantity(k, n * ceil(ms) / 1000.0 *
			                                (eph - 512) / 1024.0);
		} else {
			c->res->pending_usage++;
		}
	}
	S_snapstart(c, mem);
	/* the free tier is the account's, so it is named, not subtracted */
	c->res->components[0].note = "free tier: the account's first 1M "
	                             "requests a month may be free (not "
	                             "subtracted)";
	if (c->res->ncomponents > 1)
		c->res->components[1].note = "free tier: the account's first "
		                             "400,000 GB-seconds a month may be "
		                             "free (not subtracted)";
}

/* ---- ElastiCache ---------------------------------------------------------------- */

static const char *S_cache_engine(const json_t *a)
{
	const char *e = tfs_attr_str(a, "engine");
	return e && *e ? e : "redis";
}

static void S_cache_nodes(tfs_est_ctx *c, const char *engine, double nodes)
{
	const char *type = tfs_attr_str(c->a, "node_type");
	double keep = tfs_est_num(c->a, "snapshot_retention_limit", 0);

	tfs_est_fixed(c, tfs_est_key(c, "ElastiCache (on-demand, %s, %s)", engine,
	                             type ? type : "?"),
	              "node-hours", nodes * TFS_HOURS_PER_MONTH,
	              tfs_est_key(c, "elasticache.%s.%s.hour", engine,
	                          type ? type : "unknown"));
	/* as Infracost: one snapshot is free, the others are charged */
	if (keep > 1 && strcmp(engine, "memcached") != 0)
		tfs_est_usage(c, "Backup storage", "GB-months",
		              "snapshot_storage_size_gb", keep - 1,
		              tfs_est_key(c, "elasticache.%s.backup.gb_month", engine));
}

void tfs_est_elasticache_cluster(tfs_est_ctx *c)
{
	const char *rg = tfs_attr_str(c->a, "replication_group_id");

	if (rg && *rg) {
		c->res->status = TFS_COST_FREE;
		c->res->note = "a member of a replication group, priced there";
		return;
	}
	S_cache_nodes(c, S_cache_engine(c->a),
	              tfs_est_num(c->a, "num_cache_nodes", 1));
}

void tfs_est_elasticache_replication_group(tfs_est_ctx *c)
{
	double groups = tfs_est_num(c->a, "num_node_groups", 0);
	double replicas = tfs_est_num(c->a, "replicas_per_node_group", 0);
	double clusters = tfs_est_num(c->a, "num_cache_clusters",
	                              tfs_est_num(c->a, "number_cache_clusters", 0));
	const json_t *cm = tfs_attr_block(c->a, "cluster_mode");
	double nodes;

	if (groups <= 0 && cm) {
		groups = tfs_est_num(cm, "num_node_groups", 0);
		replicas = tfs_est_num(cm, "replicas_per_node_group", 0);
	}
	nodes = groups > 0 ? groups * (replicas + 1) : 0;
	/* cluster mode disabled: one shard of num_cache_clusters nodes */
	if (groups <= 1 && clusters > nodes)
		nodes = clusters;
	if (nodes <= 0)
		nodes = 1;
	S_cache_nodes(c, S_cache_engine(c->a), nodes);
}

/* ---- Aurora -------------------------------------------------------------------- */

/* "postgres" or "mysql" from aurora, aurora-mysql, aurora-postgresql. */
static const char *S_aurora_engine(const char *engine)
{
	if (engine && strstr(engine, "postgres"))
		return "postgres";
	return "mysql";
}

static bool S_io_optimized(const json_t *cluster)
{
	const char *st = tfs_attr_str(cluster, "storage_type");
	return st && strcmp(st, "aurora-iopt1") == 0;
}

void tfs_est_rds_cluster(tfs_est_ctx *c)
{
	const char *engine = S_aurora_engine(tfs_attr_str(c->a, "engine"));
	const char *mode = tfs_attr_str(c->a, "engine_mode");
	bool iopt = S_io_optimized(c->a);
	double keep = tfs_est_num(c->a, "backup_retention_period", 1);
	double r = 0, w = 0;
	const char *rs = NULL, *ws = NULL;
	bool hr, hw;

	tfs_est_usage(c, iopt ? "Storage (I/O-Optimized)" : "Storage", "GB-months",
	              "storage_gb", 1,
	              iopt ? "aurora.storage.io_optimized.gb_month"
	                   : "aurora.storage.standard.gb_month");
	if (!iopt) {
		/* I/O: read and write requests per second, over the month */
		tfs_cost_component *k = tfs_est_component(
			c, "I/O requests", "requests", "aurora.storage.standard.io_request");
		k->usage_based = true;
		hr = tfs_est_usage_get(c, "read_requests_per_sec", &r, &rs);
		hw = tfs_est_usage_get(c, "write_requests_per_sec", &w, &ws);
		if (hr || hw) {
			k->usage_source = hr ? rs : ws;
			tfs_est_set_quantity(k, (r + w) * TFS_HOURS_PER_MONTH * 3600);
		} else {
			c->res->pending_usage++;
		}
	}
	/* as Infracost: a snapshot a day, the first one free */
	if (keep > 1)
		tfs_est_usage(c, "Backup storage", "GB-months", "backup_snapshot_size_gb",
		              keep - 1,
		              tfs_est_key(c, "aurora.%s.backup.gb_month", engine));
	/* an occasional charge: shown only when the usage file names it */
	tfs_est_optional_usage(c, "Snapshot export to S3", "GB",
	                       "snapshot_export_size_gb",
	                       tfs_est_key(c, "aurora.%s.snapshot_export.gb",
	                                   engine));
	if (mode && strcmp(mode, "serverless") == 0)
		c->res->note = "Aurora Serverless v1 capacity is not priced";
	else
		c->res->note = "its instances are priced as aws_rds_cluster_instance";
}

void tfs_est_rds_cluster_instance(tfs_est_ctx *c)
{
	const char *engine = S_aurora_engine(tfs_attr_str(c->a, "engine"));
	const char *cls = tfs_attr_str(c->a, "instance_class");
	const char *cid = tfs_attr_str(c->a, "cluster_identifier");
	const char *config = "standard";
	size_t cl;

	if (cid && tfs_map_get(&c->rds_clusters, cid, &cl)) {
		if (S_io_optimized(c->m->nodes[cl].item->inst->attributes))
			config = "io_optimized";
	} else {
		c->res->note = "its cluster is not in this input: Aurora Standard "
		               "assumed";
	}
	if (cls && strcmp(cls, "db.serverless") == 0) {
		tfs_est_usage(c, tfs_est_key(c, "Aurora Serverless v2 (%s)",
		                             strcmp(config, "standard") == 0
		                                     ? "Standard"
		                                     : "I/O-Optimized"),
		              "ACU-hours", "capacity_units_per_hr", TFS_HOURS_PER_MONTH,
		              tfs_est_key(c, "aurora.%s.serverless_v2.%s.acu_hour",
		                          engine, config));
		return;
	}
	tfs_est_fixed(c, tfs_est_key(c, "Database instance (%s, %s)",
	                             cls ? cls : "?",
	                             strcmp(config, "standard") == 0
	                                     ? "Aurora Standard"
	                                     : "Aurora I/O-Optimized"),
	              "hours", TFS_HOURS_PER_MONTH,
	              tfs_est_key(c, "aurora.%s.%s.%s.hour", engine,
	                          cls ? cls : "unknown", config));
}
