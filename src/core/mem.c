/* mem.c - allocation that never returns NULL, and checked size arithmetic. */
#include "tfsight/core.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_out_of_memory(void)
{
	fputs("tfsight: fatal: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		S_out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		S_out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		S_out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

size_t tfs_mul_size(size_t a, size_t b)
{
	if (b && a > SIZE_MAX / b)
		S_out_of_memory();
	return a * b;
}

void tfs_grow(void *ptr_to_array, size_t *cap, size_t need, size_t elem_size)
{
	void **array = ptr_to_array;
	size_t n;

	if (need <= *cap)
		return;
	n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			S_out_of_memory();
		n *= 2;
	}
	*array = xrealloc(*array, tfs_mul_size(n, elem_size));
	*cap = n;
}

void tfs_sort(void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}
