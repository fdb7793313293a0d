/* arena.c - bump allocator released in one call. */
#define _DEFAULT_SOURCE /* madvise */
#include "tfsight/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum {
	BLOCK_SIZE = 64 * 1024,
	LARGE_BLOCK = 2 * 1024 * 1024, /* an x86-64 huge page */
	ALIGN = 16
};

struct tfs_arena_block {
	struct tfs_arena_block *next;
	size_t used;
	size_t size;
	_Alignas(16) unsigned char data[];
};

/* A block of a large arena: LARGE_BLOCK bytes, aligned to them, marked
 * for huge pages where the kernel offers them (Linux's madvise mode). */
static struct tfs_arena_block *S_large_block(void)
{
	void *p = aligned_alloc(LARGE_BLOCK, LARGE_BLOCK);
	if (!p)
		return xmalloc(LARGE_BLOCK); /* aborts when memory is out */
#ifdef MADV_HUGEPAGE
	(void)madvise(p, LARGE_BLOCK, MADV_HUGEPAGE); /* a hint */
#endif
	return p;
}

void *tfs_arena_alloc(tfs_arena *a, size_t size)
{
	struct tfs_arena_block *b = a->head;
	size_t need = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	size_t block = a->large ? LARGE_BLOCK - sizeof(*b) : BLOCK_SIZE;
	void *p;

	if (need < size)
		need = tfs_mul_size(size, 2); /* aborts: size near SIZE_MAX */
	if (!b || b->size - b->used < need) {
		size_t bsize = need > block / 4 ? need : block;
		if (bsize == block && a->large)
			b = S_large_block();
		else
			b = xmalloc(sizeof(*b) + bsize);
		b->size = bsize;
		b->used = 0;
		if (need > block / 4 && a->head) {
			/* A large object gets its own block behind the current
			 * one, so the current block keeps serving small ones. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += need;
	return p;
}

char *tfs_arena_strndup(tfs_arena *a, const char *s, size_t n)
{
	char *p = tfs_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *tfs_arena_strdup(tfs_arena *a, const char *s)
{
	return tfs_arena_strndup(a, s, strlen(s));
}

char *tfs_arena_vstrfmt(tfs_arena *a, const char *fmt, va_list ap)
{
	char stack[256];
	va_list cp;
	tfs_buf b;
	char *p;
	int n;

	/* most results are short: format once on the stack */
	va_copy(cp, ap);
	n = vsnprintf(stack, sizeof(stack), fmt, cp);
	va_end(cp);
	if (n >= 0 && (size_t)n < sizeof(stack))
		return tfs_arena_strndup(a, stack, (size_t)n);
	tfs_buf_init(&b);
	tfs_buf_vaddf(&b, fmt, ap);
	p = tfs_arena_strndup(a, b.data, b.len);
	tfs_buf_release(&b);
	return p;
}

char *tfs_arena_strfmt(tfs_arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = tfs_arena_vstrfmt(a, fmt, ap);
	va_end(ap);
	return p;
}

void tfs_arena_adopt(tfs_arena *a, tfs_arena *from)
{
	struct tfs_arena_block *tail = from->head;

	if (!tail)
		return;
	while (tail->next)
		tail = tail->next;
	/* behind a's current block, which keeps serving allocations */
	if (a->head) {
		tail->next = a->head->next;
		a->head->next = from->head;
	} else {
		a->head = from->head;
	}
	from->head = NULL;
}

void tfs_arena_release(tfs_arena *a)
{
	struct tfs_arena_block *b = a->head;
	while (b) {
		struct tfs_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}
