/*
 * diff.h - what a change does to the monthly cost and to the checklist:
 * the engine behind `tfsight diff` (pull-request comments) and the
 * report's "since last month".
 *
 *	tfs_diff *d = tfs_diff_build(&base, &head, &opt);
 *	... d->base_total, d->head_total, d->groups, d->resources,
 *	    d->new_failures, d->fixed ...
 *	tfs_diff_free(d);
 *
 * A side is what one state says: its cost estimate and, optionally, its
 * checks (both over the same model).  Resources are matched by address,
 * or by a plan's previous_address when one was moved.  A resource whose
 * planned values are not known until apply is counted with what is known
 * and flagged, never guessed.
 *
 * Ownership: the diff borrows both sides (they must outlive it) and owns
 * its arrays.
 */
#ifndef TFSIGHT_DIFF_H
#define TFSIGHT_DIFF_H

#include "tfsight/check.h"
#include "tfsight/cost.h"

/* One resource of a side, whatever it was read from. */
typedef struct tfs_diff_item {
	const char *address;
	const char *previous_address; /* plans: moved from, or NULL */
	const char *type;
	const char *environment, *project, *owner; /* TFS_UNTAGGED when none */
	double usd;
	size_t missing_prices;
	const struct json_t *attributes; /* NULL: not known (a saved estimate) */
	bool unknown_after_apply;
	const char *not_priced;          /* outside sa-east-1 or not AWS:
	                                    why it has no cost, else NULL */
	bool not_aws;                    /* which of the two */
	const tfs_instance *inst;        /* its instance, or NULL (a saved
	                                    estimate): sensitive paths, the
	                                    plan's action */
	const char *priced_from;         /* the resource whose values its
	                                    estimate reads (the estimate's
	                                    parent), or NULL */
} tfs_diff_item;

typedef struct tfs_diff_side {
	const tfs_cost *cost;        /* the estimate of a state, or NULL and */
	const tfs_diff_item *items;  /* the resources of a saved estimate */
	size_t nitems;
	const tfs_checks *checks;    /* NULL: no checklist comparison */
} tfs_diff_side;

typedef struct tfs_diff_options {
	const char *project_tag; /* tag key of the project column: "Project" */
	const char *owner_tag;   /* "Owner" */
} tfs_diff_options;

/* A saved estimate: last month's cost.json (`tfsight cost --format json`
 * or a report's), as a side of a diff. */
typedef struct tfs_diff_saved {
	const char *source;
	tfs_diff_item *items;
	size_t count;
	struct json_t *root;
	tfs_arena arena;
} tfs_diff_saved;

/* Whether the JSON document is a saved estimate (Infracost's layout). */
bool tfs_diff_is_estimate(const struct json_t *root);
/* Read a saved estimate from a parsed document (taken over on success and
 * on failure).  Returns 0, or -1 with err set (exit 3, the JSON path). */
int tfs_diff_saved_read(tfs_diff_saved **out, const char *name,
                        struct json_t *root, const char *project_tag,
                        const char *owner_tag, tfs_error *err);
void tfs_diff_saved_free(tfs_diff_saved *s);

typedef enum tfs_change {
	TFS_CHANGE_ADDED,
	TFS_CHANGE_REMOVED,
	TFS_CHANGE_CHANGED,   /* attributes or cost differ */
	TFS_CHANGE_UNCHANGED,
} tfs_change;

typedef struct tfs_diff_resource {
	tfs_change change;
	/* what the plan does to it (create, update, replace, delete, no-op);
	 * between two states or estimates, what the difference amounts to:
	 * create, delete, update (a value differs) or no-op */
	tfs_action action;
	const char *address;          /* the head's; the base's when removed */
	const char *previous_address; /* moved from, or NULL */
	const char *type;
	double base_usd, head_usd;    /* unrounded monthly cost */
	bool unknown_after_apply;     /* the plan leaves values unknown */
	size_t missing_prices;        /* on either side */
	const char *environment, *project, *owner, *service; /* the head's,
	                                 the base's when removed */
	const char **changed_keys;    /* the top-level names of the changes
	                                 below, listed or counted, sorted */
	size_t nchanged_keys;
	/* what changed, leaf by leaf, in path order (at most
	 * TFS_DIFF_MAX_ATTRS; nattrs_more counts the rest) */
	const struct tfs_diff_attr *attrs;
	size_t nattrs, nattrs_more;
	/* a changed resource with no value to show: why it reads changed
	 * ("only sensitive values", "the same values: usage or prices
	 * differ", "priced from ADDRESS, which changes NAME"); NULL
	 * otherwise */
	const char *reason;
	const char *not_priced;       /* the head's (the base's when removed):
	                                 outside sa-east-1 or not AWS, why */
} tfs_diff_resource;

enum { TFS_DIFF_MAX_ATTRS = 64 };

/* The after of a value the plan leaves unknown. */
#define TFS_DIFF_UNKNOWN "(known after apply)"

/* One changed value.  Values are shown short (scalars as JSON, cut at 60
 * characters; containers, and JSON documents kept in a string, by size),
 * "(sensitive)" for anything the input marks or names secret or holds in
 * a sealed document, "(absent)" when one side lacks it; a document on
 * both sides is compared inside, and one that is not valid JSON is never
 * quoted.  A replacement also lists the sensitive values it sets, before
 * and after "(sensitive)": what hides them hides whether they differ. */
typedef struct tfs_diff_attr {
	const char *path;   /* "instance_class", "container_definitions[0].image" */
	const char *before;
	const char *after;
} tfs_diff_attr;

/* One line of the compact table: a project in an environment. */
typedef struct tfs_diff_group {
	const char *project;     /* the tag's value, or TFS_UNTAGGED */
	const char *environment; /* or TFS_UNTAGGED */
	double base_usd, head_usd;
} tfs_diff_group;

typedef struct tfs_diff {
	double base_total, head_total;
	tfs_diff_group *groups;       /* by project, then environment */
	size_t ngroups;
	tfs_diff_resource *resources; /* every changed, added or removed one:
	                                 largest change first, then address */
	size_t nresources;
	size_t added, removed, changed, unchanged;
	size_t unknown_after_apply;   /* resources flagged so */
	size_t head_other_region, head_not_aws; /* the head's resources left
	                                 out of its total */
	/* findings: new unwaived failures of head (worst first, then
	 * catalogue order, then address), and base failures head fixed */
	const tfs_finding **new_failures;
	size_t nnew_failures;
	const tfs_finding **fixed;
	size_t nfixed;
	bool has_checks;
	tfs_arena arena;
} tfs_diff;

void tfs_diff_options_init(tfs_diff_options *o);
tfs_diff *tfs_diff_build(const tfs_diff_side *base, const tfs_diff_side *head,
                         const tfs_diff_options *o);
void tfs_diff_free(tfs_diff *d);

const char *tfs_change_name(tfs_change c); /* "added", ... */

/* The worst severity among new failures, or -1. */
int tfs_diff_worst_new(const tfs_diff *d);

#endif
