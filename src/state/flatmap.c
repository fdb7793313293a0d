/*
 * flatmap.c - expand Terraform's legacy flatmap into nested JSON.
 *
 * A flatmap is one level of string pairs: "tags.%" = "2" marks a map,
 * "subnets.#" = "3" a list or set, "ingress.2214680975.cidr_blocks.0" an
 * element of a set (keyed by hash) inside a list.  Without the provider's
 * schema the leaves stay strings; readers of attributes accept numbers and
 * booleans written as strings.
 *
 * Keys are sorted with '.' ordered before every other byte, so a key and
 * all keys below it ("a", "a.#", "a.0", ...) form one contiguous run; each
 * level is then one pass over its run.
 */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* The value Terraform 0.11 wrote for "not known until apply". */
#define UNKNOWN_VALUE "74D93920-ED26-11E3-AC10-0800200C9A66"

typedef struct {
	const char *key; /* full key */
	const char *value;
} S_pair;

static int S_byte(unsigned char c)
{
	return c == '.' ? 1 : c == 0 ? 0 : c + 1;
}

static int S_pair_cmp(const void *pa, const void *pb)
{
	const unsigned char *a = (const unsigned char *)((const S_pair *)pa)->key;
	const unsigned char *b = (const unsigned char *)((const S_pair *)pb)->key;
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return S_byte(*a) - S_byte(*b);
}

/* Length of the first segment of s (up to '.' or the end). */
static size_t S_seg(const char *s)
{
	const char *dot = strchr(s, '.');
	return dot ? (size_t)(dot - s) : strlen(s);
}

static bool S_is_count_key(const char *rest)
{
	return strcmp(rest, "#") == 0 || strcmp(rest, "%") == 0;
}

static json_t *S_level(tfs_reader *rd, S_pair *p, size_t n, size_t off,
                       int depth);

/* Elements of a list/set: the run p[0..n) at offset off holds "#" and
 * "IDX..." entries.  Elements are ordered by their numeric index (list) or
 * hash (set), so "10" comes after "9". */
typedef struct {
	size_t begin, end;
	unsigned long long num;
	const char *seg;
} S_group;

static int S_group_cmp(const void *pa, const void *pb)
{
	const S_group *a = pa, *b = pb;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return strcmp(a->seg, b->seg);
}

static json_t *S_list(tfs_reader *rd, S_pair *p, size_t n, size_t off,
                      int depth)
{
	json_t *arr = json_array();
	S_group *groups = xmalloc(tfs_mul_size(n, sizeof(*groups)));
	size_t ngroups = 0, i = 0;

	while (i < n) {
		const char *rest = p[i].key + off;
		size_t seg = S_seg(rest), j = i + 1;

		while (j < n && strncmp(p[j].key + off, rest, seg) == 0 &&
		       (p[j].key[off + seg] == '.' || p[j].key[off + seg] == 0))
			j++;
		if (!S_is_count_key(rest)) {
			groups[ngroups].begin = i;
			groups[ngroups].end = j;
			groups[ngroups].num = strtoull(rest, NULL, 10);
			groups[ngroups].seg = rest;
			ngroups++;
		}
		i = j;
	}
	tfs_sort(groups, ngroups, sizeof(*groups), S_group_cmp);
	for (size_t g = 0; g < ngroups; g++) {
		S_pair *q = p + groups[g].begin;
		size_t m = groups[g].end - groups[g].begin;
		const char *rest = q[0].key + off;
		size_t seg = S_seg(rest);
		json_t *elem;

		if (m == 1 && rest[seg] == '\0') {
			elem = strcmp(q[0].value, UNKNOWN_VALUE) == 0
			               ? NULL
			               : json_string(q[0].value);
		} else {
			/* "x.0" beside "x.0.y": the leaf (sorted first) goes, or
			 * the next level would read past its end */
			size_t b = rest[seg] == '\0';
			elem = S_level(rd, q + b, m - b, off + seg + 1, depth + 1);
			if (!elem) {
				free(groups);
				json_decref(arr);
				return NULL;
			}
		}
		if (elem)
			json_array_append_new(arr, elem);
	}
	free(groups);
	return arr;
}

/* A map of strings: "%" and then every remaining key is one entry, dots
 * and all ("tags.kubernetes.io/role" is the key "kubernetes.io/role"),
 * unless the key names a nested collection ("a.b.%" or "a.b.#"). */
static bool S_has_key(S_pair *p, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].key, key) == 0)
			return true;
	return false;
}

static json_t *S_object(tfs_reader *rd, S_pair *p, size_t n, size_t off,
                        int depth, bool is_map)
{
	json_t *obj = json_object();
	size_t i = 0;
	tfs_buf probe;

	tfs_buf_init(&probe);
	while (i < n) {
		const char *rest = p[i].key + off;
		size_t seg = S_seg(rest), j = i + 1;
		bool nested = true;
		json_t *val;
		char *name;

		while (j < n && strncmp(p[j].key + off, rest, seg) == 0 &&
		       (p[j].key[off + seg] == '.' || p[j].key[off + seg] == 0))
			j++;
		if (is_map && S_is_count_key(rest)) {
			i = j;
			continue;
		}
		if (is_map) {
			tfs_buf_truncate(&probe, 0);
			tfs_buf_add(&probe, p[i].key, off + seg);
			tfs_buf_adds(&probe, ".%");
			nested = S_has_key(p + i, j - i, probe.data);
			probe.data[probe.len - 1] = '#';
			nested = nested || S_has_key(p + i, j - i, probe.data);
			if (!nested) {
				/* every key in the run is a leaf of its own */
				for (size_t k = i; k < j; k++)
					if (strcmp(p[k].value, UNKNOWN_VALUE) != 0)
						json_object_set_new(
							obj, p[k].key + off,
							json_string(p[k].value));
				i = j;
				continue;
			}
		}
		name = tfs_arena_strndup(&rd->st->arena, rest, seg);
		if (j == i + 1 && rest[seg] == '\0') {
			val = strcmp(p[i].value, UNKNOWN_VALUE) == 0
			              ? NULL
			              : json_string(p[i].value);
		} else {
			/* "a" beside "a.b" (Terraform never writes both): the
			 * collection wins over the leaf, which sorts first */
			size_t b = i + (rest[seg] == '\0');
			val = S_level(rd, p + b, j - b, off + seg + 1, depth + 1);
			if (!val) {
				tfs_buf_release(&probe);
				json_decref(obj);
				return NULL;
			}
		}
		if (val)
			json_object_set_new(obj, name, val);
		i = j;
	}
	tfs_buf_release(&probe);
	return obj;
}

/* The run p[0..n) shares the prefix p[*].key[0..off); decide what it is. */
static json_t *S_level(tfs_reader *rd, S_pair *p, size_t n, size_t off,
                       int depth)
{
	if (depth > TFS_MAX_NESTING) {
		tfs_rd_fail(rd, "flatmap key \"%.60s...\" is nested more than %d "
		                "levels deep",
		            p[0].key, TFS_MAX_NESTING);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const char *rest = p[i].key + off;
		if (strcmp(rest, "#") == 0)
			return S_list(rd, p, n, off, depth);
		if (strcmp(rest, "%") == 0)
			return S_object(rd, p, n, off, depth, true);
	}
	return S_object(rd, p, n, off, depth, false);
}

json_t *tfs_flatmap_expand(tfs_reader *rd, json_t *flat)
{
	size_t n = json_object_size(flat), i = 0;
	S_pair *pairs;
	const char *key;
	json_t *v, *out;

	pairs = xmalloc(tfs_mul_size(n ? n : 1, sizeof(*pairs)));
	json_object_foreach(flat, key, v) {
		if (!json_is_string(v)) {
			tfs_rd_type_error(rd, key, "string", v);
			free(pairs);
			return NULL;
		}
		pairs[i].key = key;
		pairs[i].value = json_string_value(v);
		i++;
	}
	tfs_sort(pairs, n, sizeof(*pairs), S_pair_cmp);
	out = S_object(rd, pairs, n, 0, 0, false);
	free(pairs);
	/* The expansion copied every value; the flat original would be a second
	 * copy of any secret in it, so it goes. */
	json_object_clear(flat);
	return out ? tfs_rd_own(rd, out) : NULL;
}

json_t *tfs_rd_flat_attributes(tfs_reader *rd, json_t *flat, const char *key)
{
	size_t mark = rd->path.len;
	json_t *out;

	if (!flat)
		return tfs_rd_own(rd, json_object());
	tfs_jpath_key(&rd->path, key);
	out = tfs_flatmap_expand(rd, flat);
	tfs_jpath_reset(&rd->path, mark);
	return out;
}
