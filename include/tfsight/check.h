/*
 * check.h - the seeds' checklist (high availability, security, monitoring,
 * cost management, pre-deployment) decided from the model, each finding
 * with its evidence.
 *
 * Calling sequence:
 *
 *	tfs_check_options opt;
 *	tfs_check_options_init(&opt);
 *	opt.config = config;                (may stay NULL)
 *	tfs_checks *c = tfs_checks_run(model, &opt);
 *	... c->findings, c->summary ...
 *	tfs_checks_free(c);
 *
 * Ownership: the result borrows the model (which must outlive it) and the
 * config; it owns its findings and every string in them (one arena).
 *
 * Statuses.  pass and fail are decided from the state.  unknown means the
 * state cannot decide and the message says what is missing ("CloudTrail is
 * often managed in another account's state").  not-applicable means the
 * check does not apply to that resource (a prod-only check on dev).  An
 * item no state can decide ("database migrations tested") is listed once
 * as not-decidable, so the checklist reads complete.
 *
 * Evidence: every finding names the resource address, the attribute path
 * and the value found.  Values come from the redacted document, so a
 * sensitive value reads "(sensitive)" and never the secret.
 *
 * Adding a check: a row in the table of its category (src/check/ha.c,
 * security_net.c, security_app.c, monitoring.c, cost.c, predeploy.c) with a run function and a
 * unit test with a passing and a failing state; docs/checks.md is generated
 * from the same table (`tfsight check --list --format markdown`).
 */
#ifndef TFSIGHT_CHECK_H
#define TFSIGHT_CHECK_H

#include "tfsight/model.h"

struct tfs_config;

/* In the order of the seeds' "Best Practices Checklist". */
typedef enum tfs_check_category {
	TFS_CHECKCAT_PREDEPLOY,
	TFS_CHECKCAT_SECURITY,
	TFS_CHECKCAT_MONITORING,
	TFS_CHECKCAT_HA,
	TFS_CHECKCAT_COST,
} tfs_check_category;
#define TFS_CHECKCAT_COUNT 5

typedef enum tfs_severity {
	TFS_SEV_INFO,
	TFS_SEV_LOW,
	TFS_SEV_MEDIUM,
	TFS_SEV_HIGH,
	TFS_SEV_CRITICAL,
} tfs_severity;
#define TFS_SEV_COUNT 5

/* Worst first: the order a summary lists them in. */
typedef enum tfs_status {
	TFS_STATUS_FAIL,
	TFS_STATUS_UNKNOWN,
	TFS_STATUS_PASS,
	TFS_STATUS_NA,          /* not applicable */
	TFS_STATUS_UNDECIDABLE, /* no state can decide this checklist item */
} tfs_status;
#define TFS_STATUS_COUNT 5

/* Which environments a check applies to (the model names each node's). */
typedef enum tfs_check_scope {
	TFS_SCOPE_ALL,
	TFS_SCOPE_PROD,    /* production only: Multi-AZ, deletion protection */
	TFS_SCOPE_NONPROD, /* everything else: Fargate Spot */
} tfs_check_scope;

typedef struct tfs_check_ctx tfs_check_ctx;

typedef struct tfs_check_def {
	const char *id;          /* stable: "HA-RDS-MULTIAZ" */
	const char *title;       /* "RDS runs Multi-AZ" */
	tfs_check_category category;
	tfs_severity severity;
	tfs_check_scope scope;
	const char *checklist;   /* the seed line it implements, verbatim */
	const char *refs;        /* "Security Hub RDS.5; Checkov CKV_AWS_157" */
	const char *remediation; /* names the Terraform attribute to set */
	/* NULL for items no state can decide; why is then in `undecidable` */
	void (*run)(tfs_check_ctx *x);
	const char *undecidable;
} tfs_check_def;

/* The catalogue, in category order and then table order:
 * for (i = 0; i < tfs_check_count(); i++) ... tfs_check_at(i) ... */
size_t tfs_check_count(void);
const tfs_check_def *tfs_check_at(size_t i);
const tfs_check_def *tfs_check_find(const char *id);

const char *tfs_check_category_name(tfs_check_category c); /* "ha" */
const char *tfs_check_category_title(tfs_check_category c); /* "High Availability" */
const char *tfs_severity_name(tfs_severity s);              /* "high" */
bool tfs_severity_parse(const char *s, tfs_severity *out);  /* any case */
const char *tfs_status_name(tfs_status s);                  /* "not-applicable" */
const char *tfs_check_scope_name(tfs_check_scope s);        /* "prod" */

typedef struct tfs_finding {
	const tfs_check_def *check;
	tfs_status status;
	tfs_severity severity;   /* the catalogue's, or the config's override */
	size_t node;             /* model node, or TFS_NONE for the stack */
	const char *address;     /* resource address, or NULL for the stack */
	const char *environment; /* the node's, or NULL */
	const char *attribute;   /* "multi_az", "container_definitions[api].user" */
	const char *value;       /* as found: "false", "\"HTTP\"", "(absent)" */
	const char *message;     /* one sentence for a person */
	const char *waiver;      /* the waiver's reason when waived, else NULL */
	/* cost checks: what fixing it would save a month, from the price
	 * tables (USD, unrounded); has_saving false when not priced */
	double monthly_saving;
	bool has_saving;
} tfs_finding;

/* One line per catalogue entry: how the check went over the whole stack. */
typedef struct tfs_check_summary {
	const tfs_check_def *check;
	tfs_severity severity;   /* after overrides */
	tfs_status status;       /* fail if any unwaived fail, else unknown,
	                            else pass, else not-applicable */
	size_t counts[TFS_STATUS_COUNT]; /* waived failures not included */
	size_t waived;           /* failures a waiver covers */
	size_t first, nfindings; /* its findings: findings[first..+n) */
} tfs_check_summary;

typedef struct tfs_checks {
	const tfs_model *model;
	tfs_finding *findings;   /* catalogue order, then node order */
	size_t count;
	tfs_check_summary *summary; /* one per catalogue entry, same order */
	size_t nsummary;
	size_t counts[TFS_STATUS_COUNT];     /* over findings, waived included */
	size_t failed[TFS_SEV_COUNT];        /* unwaived failures per severity */
	size_t waived;
	/* checklist score: checks that pass over checks decided (pass or fail) */
	size_t checks_passed, checks_decided;
	double monthly_saving; /* sum over unwaived failures with a saving */
	tfs_arena arena;
	/* private */
	size_t cap;
} tfs_checks;

struct tfs_cost;
struct tfs_pricing;

typedef struct tfs_check_options {
	const struct tfs_config *config; /* thresholds, waivers, overrides */
	/* for the savings of cost checks; both may be NULL (no savings) */
	const struct tfs_cost *cost;     /* the estimate of the same model */
	const struct tfs_pricing *pricing;
	const char *today;  /* "YYYY-MM-DD" for waiver expiry; NULL: from
	                       SOURCE_DATE_EPOCH, else the clock */
	int jobs;           /* threads to run the checks on (0, 1: this one);
	                       the findings are the same for any number */
} tfs_check_options;

void tfs_check_options_init(tfs_check_options *o);

/* Check config entries that name checks (overrides, waivers) against the
 * catalogue.  Returns 0, or -1 with err at the entry's file:line:column. */
int tfs_check_config_validate(const struct tfs_config *c, tfs_error *err);

tfs_checks *tfs_checks_run(const tfs_model *m, const tfs_check_options *o);
void tfs_checks_free(tfs_checks *c);

/* Unwaived failures per model node: an array of c->model->nnodes counts
 * the caller frees (the diagram's --findings marks). */
unsigned *tfs_checks_failed_per_node(const tfs_checks *c);

/* The worst unwaived failure, or -1 when nothing failed. */
int tfs_checks_worst(const tfs_checks *c);

#endif
