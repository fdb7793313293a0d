/*
 * inventory.h - what each instance is and where it lives: region, account
 * and tags, resolved the same way for every later stage.
 *
 * Region, first match wins:
 *   1. the instance's own "region" attribute;
 *   2. its ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:...); an ARN with an
 *      empty region field is a global resource (IAM, CloudFront, Route 53);
 *   3. its availability_zone ("sa-east-1a" -> "sa-east-1");
 *   4. the provider's configured region, where the input records one
 *      (plan JSON with a constant region);
 *   5. the default region given by the caller (--region, else sa-east-1).
 * Tags: tags_all when it holds any, else tags; sorted by key.
 *
 * Ownership: the inventory borrows the state (which must outlive it) and
 * owns everything else; tfs_inventory_free() releases it.
 */
#ifndef TFSIGHT_INVENTORY_H
#define TFSIGHT_INVENTORY_H

#include "tfsight/state.h"

#define TFS_DEFAULT_REGION "sa-east-1"

typedef enum tfs_region_source {
	TFS_REGION_ATTRIBUTE,
	TFS_REGION_ARN,
	TFS_REGION_AZ,
	TFS_REGION_PROVIDER,
	TFS_REGION_DEFAULT,
	TFS_REGION_GLOBAL,
} tfs_region_source;

typedef struct tfs_tag {
	const char *key;
	const char *value;
} tfs_tag;

typedef struct tfs_inventory_item {
	const tfs_instance *inst;
	const char *region;           /* "global" for global resources */
	tfs_region_source region_source;
	const char *account;          /* from the ARN, or NULL */
	const tfs_tag *tags;
	size_t ntags;
} tfs_inventory_item;

typedef struct tfs_type_count {
	const char *type;
	size_t count;
} tfs_type_count;

typedef struct tfs_inventory {
	const tfs_state *state;
	tfs_inventory_item *items; /* in the state's order */
	size_t count;
	tfs_type_count *types;     /* sorted by type */
	size_t ntypes;
	size_t managed;            /* instances of managed resources */
	size_t data;               /* data source instances */
	tfs_arena arena;
} tfs_inventory;

tfs_inventory *tfs_inventory_build(const tfs_state *st,
                                   const char *default_region);
void tfs_inventory_free(tfs_inventory *inv);

const char *tfs_region_source_name(tfs_region_source s);

#endif
