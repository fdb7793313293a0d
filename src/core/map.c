/* map.c - string-keyed open-addressing hash map (FNV-1a, linear probing).
 * Lookups only: iteration order is never exposed, so nothing downstream can
 * depend on hash order. */
#include <stdlib.h>
#include <string.h>

#include "tfsight/core.h"

static size_t S_hash(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

void tfs_map_init(tfs_map *m)
{
	memset(m, 0, sizeof(*m));
}

static size_t S_slot(const tfs_map *m, const char *key)
{
	size_t mask = m->cap - 1, i = S_hash(key) & mask;
	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & mask;
	return i;
}

static void S_rehash(tfs_map *m)
{
	tfs_map old = *m;
	size_t i;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof(*m->keys));
	m->values = xcalloc(m->cap, sizeof(*m->values));
	m->count = 0;
	for (i = 0; i < old.cap; i++)
		if (old.keys[i]) {
			size_t j = S_slot(m, old.keys[i]);
			m->keys[j] = old.keys[i];
			m->values[j] = old.values[i];
			m->count++;
		}
	free(old.keys);
	free(old.values);
}

static size_t S_prepare(tfs_map *m, const char *key)
{
	if ((m->count + 1) * 4 > m->cap * 3)
		S_rehash(m);
	return S_slot(m, key);
}

void tfs_map_put(tfs_map *m, const char *key, size_t value)
{
	size_t i = S_prepare(m, key);
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->count++;
	}
	m->values[i] = value;
}

bool tfs_map_add(tfs_map *m, const char *key, size_t value)
{
	size_t i = S_prepare(m, key);
	if (m->keys[i])
		return false;
	m->keys[i] = key;
	m->values[i] = value;
	m->count++;
	return true;
}

bool tfs_map_get(const tfs_map *m, const char *key, size_t *value)
{
	size_t i;
	if (!m->cap || !key)
		return false;
	i = S_slot(m, key);
	if (!m->keys[i])
		return false;
	if (value)
		*value = m->values[i];
	return true;
}

void tfs_map_release(tfs_map *m)
{
	free(m->keys);
	free(m->values);
	tfs_map_init(m);
}
