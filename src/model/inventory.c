/* inventory.c - region, account and tags of every instance, and counts per
 * type. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "attr.h"
#include "tfsight/inventory.h"

const char *tfs_region_source_name(tfs_region_source s)
{
	switch (s) {
	case TFS_REGION_ATTRIBUTE:
		return "attribute";
	case TFS_REGION_ARN:
		return "arn";
	case TFS_REGION_AZ:
		return "availability_zone";
	case TFS_REGION_PROVIDER:
		return "provider";
	case TFS_REGION_DEFAULT:
		return "default";
	case TFS_REGION_GLOBAL:
		return "global";
	}
	return "default";
}

/* Services without a region: their resources are global even where the
 * state records no ARN (aws_route53_record, aws_iam_role_policy_attachment). */
static bool S_global_type(const char *type)
{
	static const char *const PREFIXES[] = {
		"aws_iam_", "aws_cloudfront_", "aws_organizations_",
		"aws_route53_record", "aws_route53_zone", "aws_route53_health_check",
		"aws_route53_delegation_set", "aws_route53_key_signing_key",
		"aws_route53_hosted_zone_dnssec", "aws_route53domains_",
		"aws_budgets_", "aws_ce_", "aws_shield_",
	};
	for (size_t i = 0; i < sizeof(PREFIXES) / sizeof(*PREFIXES); i++)
		if (strncmp(type, PREFIXES[i], strlen(PREFIXES[i])) == 0)
			return true;
	return false;
}

/* "sa-east-1a" -> "sa-east-1"; NULL when az does not end in a zone letter
 * after a digit. */
static const char *S_region_from_az(tfs_arena *a, const char *az)
{
	size_t n = az ? strlen(az) : 0;
	if (n < 3 || !islower((unsigned char)az[n - 1]) ||
	    !isdigit((unsigned char)az[n - 2]))
		return NULL;
	return tfs_arena_strndup(a, az, n - 1);
}

static void S_resolve_region(tfs_inventory *inv, tfs_inventory_item *it)
{
	const json_t *attrs = it->inst->attributes;
	const char *s;
	tfs_arn arn;

	if ((s = tfs_attr_str(attrs, "region")) != NULL) {
		it->region = s;
		it->region_source = TFS_REGION_ATTRIBUTE;
	}
	/* Some resources (aws_ecs_service) keep their ARN only as the id. */
	if (tfs_arn_parse(tfs_attr_str(attrs, "arn"), &arn) ||
	    tfs_arn_parse(tfs_attr_str(attrs, "id"), &arn)) {
		if (arn.account[0])
			it->account = tfs_arena_strdup(&inv->arena, arn.account);
		if (!it->region && arn.region[0]) {
			it->region = tfs_arena_strdup(&inv->arena, arn.region);
			it->region_source = TFS_REGION_ARN;
		} else if (!it->region && strcmp(arn.service, "s3") != 0) {
			/* S3 bucket ARNs carry no region, yet buckets are
			 * regional: fall through to the other sources. */
			it->region = "global";
			it->region_source = TFS_REGION_GLOBAL;
		}
	}
	if (!it->region &&
	    (s = S_region_from_az(&inv->arena,
	                          tfs_attr_str(attrs, "availability_zone")))) {
		it->region = s;
		it->region_source = TFS_REGION_AZ;
	}
	if (!it->region && S_global_type(it->inst->type)) {
		it->region = "global";
		it->region_source = TFS_REGION_GLOBAL;
	}
}

/* Known from the resource itself, and regional. */
static bool S_known(const tfs_inventory_item *it)
{
	return it->region && it->region_source != TFS_REGION_GLOBAL &&
	       it->region_source != TFS_REGION_PROVIDER &&
	       it->region_source != TFS_REGION_DEFAULT;
}

/* One provider configuration's region, as most of its resources record it
 * (ties: the smallest name). */
typedef struct {
	const char *provider;
	const char *alias;
	const char *region;
} S_triple;

static int S_triple_cmp(const void *pa, const void *pb)
{
	const S_triple *a = pa, *b = pb;
	int c = strcmp(a->provider, b->provider);
	if (c == 0)
		c = strcmp(a->alias, b->alias);
	if (c == 0)
		c = strcmp(a->region, b->region);
	return c;
}

static S_triple *S_provider_regions(const tfs_inventory *inv, size_t *count)
{
	S_triple *t = xmalloc(tfs_mul_size(inv->count ? inv->count : 1,
	                                   sizeof(*t)));
	size_t n = 0, i, out = 0;

	for (i = 0; i < inv->count; i++) {
		const tfs_inventory_item *it = &inv->items[i];
		if (!S_known(it))
			continue;
		t[n].provider = it->inst->provider;
		t[n].alias = it->inst->provider_alias ? it->inst->provider_alias : "";
		t[n].region = it->region;
		n++;
	}
	tfs_sort(t, n, sizeof(*t), S_triple_cmp);
	/* Keep, per (provider, alias), the region with the longest run. */
	for (i = 0; i < n;) {
		size_t j = i, best = i, best_len = 0;
		while (j < n && strcmp(t[j].provider, t[i].provider) == 0 &&
		       strcmp(t[j].alias, t[i].alias) == 0) {
			size_t k = j;
			while (k < n && S_triple_cmp(&t[k], &t[j]) == 0)
				k++;
			if (k - j > best_len) {
				best = j;
				best_len = k - j;
			}
			j = k;
		}
		t[out++] = t[best];
		i = j;
	}
	*count = out;
	return t;
}

static const char *S_lookup_provider_region(const S_triple *t, size_t n,
                                            const tfs_instance *in)
{
	size_t lo = 0, hi = n;
	const char *alias = in->provider_alias ? in->provider_alias : "";

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t[mid].provider, in->provider);
		if (c == 0)
			c = strcmp(t[mid].alias, alias);
		if (c == 0)
			return t[mid].region;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Regions the resources do not record themselves: the provider's. */
static void S_fill_regions(tfs_inventory *inv, const char *default_region)
{
	size_t n, i;
	S_triple *t = S_provider_regions(inv, &n);

	for (i = 0; i < inv->count; i++) {
		tfs_inventory_item *it = &inv->items[i];
		const char *r;
		if (it->region)
			continue;
		if (inv->state->default_region && !it->inst->provider_alias)
			r = inv->state->default_region;
		else
			r = S_lookup_provider_region(t, n, it->inst);
		if (r) {
			it->region = r;
			it->region_source = TFS_REGION_PROVIDER;
		} else {
			it->region = default_region;
			it->region_source = TFS_REGION_DEFAULT;
		}
	}
	free(t);
}

static int S_tag_cmp(const void *a, const void *b)
{
	return strcmp(((const tfs_tag *)a)->key, ((const tfs_tag *)b)->key);
}

static void S_resolve_tags(tfs_inventory *inv, tfs_inventory_item *it)
{
	const json_t *attrs = it->inst->attributes;
	json_t *tags = json_object_get(attrs, "tags_all");
	const char *key;
	json_t *v;
	tfs_tag *out;
	size_t n = 0;

	if (!json_is_object(tags) || json_object_size(tags) == 0)
		tags = json_object_get(attrs, "tags");
	if (!json_is_object(tags) || json_object_size(tags) == 0)
		return;
	out = tfs_arena_alloc(&inv->arena,
	                      tfs_mul_size(json_object_size(tags), sizeof(*out)));
	json_object_foreach(tags, key, v) {
		const char *value;
		if (json_is_string(v))
			value = json_string_value(v);
		else if (json_is_integer(v))
			value = tfs_arena_strfmt(&inv->arena, "%" JSON_INTEGER_FORMAT,
			                         json_integer_value(v));
		else if (json_is_real(v))
			value = tfs_arena_strfmt(&inv->arena, "%.17g",
			                         json_real_value(v));
		else if (json_is_boolean(v))
			value = json_is_true(v) ? "true" : "false";
		else
			continue; /* tags are strings; anything else is noise */
		out[n].key = key;
		out[n].value = value;
		n++;
	}
	tfs_sort(out, n, sizeof(*out), S_tag_cmp);
	it->tags = out;
	it->ntags = n;
}

static int S_type_cmp(const void *a, const void *b)
{
	return strcmp(((const tfs_type_count *)a)->type,
	              ((const tfs_type_count *)b)->type);
}

static void S_count_types(tfs_inventory *inv)
{
	const char **types;
	size_t i, n = 0;

	if (inv->count == 0)
		return;
	types = xmalloc(tfs_mul_size(inv->count, sizeof(*types)));
	for (i = 0; i < inv->count; i++) {
		const tfs_instance *in = inv->items[i].inst;
		types[n++] = in->mode == TFS_MODE_MANAGED
		                     ? in->type
		                     : tfs_arena_strfmt(&inv->arena, "data.%s",
		                                        in->type);
	}
	inv->types = tfs_arena_alloc(&inv->arena,
	                             tfs_mul_size(n ? n : 1, sizeof(*inv->types)));
	/* Sort the names, then run-length count them. */
	for (i = 0; i < n; i++) {
		inv->types[i].type = types[i];
		inv->types[i].count = 1;
	}
	tfs_sort(inv->types, n, sizeof(*inv->types), S_type_cmp);
	inv->ntypes = 0;
	for (i = 0; i < n; i++) {
		if (inv->ntypes &&
		    strcmp(inv->types[inv->ntypes - 1].type, inv->types[i].type) == 0)
			inv->types[inv->ntypes - 1].count++;
		else
			inv->types[inv->ntypes++] = inv->types[i];
	}
	free(types);
}

tfs_inventory *tfs_inventory_build(const tfs_state *st,
                                   const char *default_region)
{
	tfs_inventory *inv = xcalloc(1, sizeof(*inv));
	size_t i;

	inv->state = st;
	inv->count = st->resources.count;
	inv->items = xcalloc(inv->count ? inv->count : 1, sizeof(*inv->items));
	for (i = 0; i < inv->count; i++) {
		tfs_inventory_item *it = &inv->items[i];
		it->inst = &st->resources.items[i];
		if (it->inst->mode == TFS_MODE_MANAGED)
			inv->managed++;
		else
			inv->data++;
		S_resolve_region(inv, it);
		S_resolve_tags(inv, it);
	}
	S_fill_regions(inv, default_region);
	S_count_types(inv);
	return inv;
}

void tfs_inventory_free(tfs_inventory *inv)
{
	if (!inv)
		return;
	free(inv->items);
	tfs_arena_release(&inv->arena);
	free(inv);
}
