/*
 * jalloc.c - parsed documents live in their state's arena.
 *
 * A large state is millions of small jansson values.  Allocated one by one
 * with malloc they cost a chunk header each, and freeing them at the end
 * took a sixth of a run.  Once tfs_state_use_arena() has been called, a
 * state's document is allocated from the state's own arena while it is
 * being read, and released with that arena in one pass.
 *
 * jansson's allocator hooks are process-wide, so the choice of allocator is
 * per thread: S_bound names the arena of the state the calling thread is
 * reading, and is set and cleared by the same function (tfs_json_bind()).
 * With nothing bound the hooks are plain malloc and free, which is why they
 * can be installed while jansson values made with malloc are alive.
 *
 * The rule that keeps this sound: a value allocated while an arena is bound
 * is never freed on its own.  Frees while bound are no-ops (the value goes
 * with the arena), and a state's document is never released with
 * json_decref (tfs_state_free).  Code that holds a reference to a value of
 * the document (json_incref) must drop it before the state is freed, as it
 * must in any case.
 */
#include <stdlib.h>

#include "load.h"
#include "tfsight/state.h"

static _Thread_local tfs_arena *S_bound;

static void *S_malloc(size_t size)
{
	tfs_arena *a = S_bound;
	return a ? tfs_arena_alloc(a, size) : malloc(size);
}

static void S_free(void *p)
{
	if (!S_bound)
		free(p);
}

void tfs_state_use_arena(void)
{
	json_set_alloc_funcs(S_malloc, S_free);
}

bool tfs_json_bind(tfs_arena *a)
{
	json_malloc_t m;
	json_free_t f;

	S_bound = a;
	if (!a)
		return false;
	json_get_alloc_funcs(&m, &f);
	if (m != S_malloc) {
		S_bound = NULL;
		return false;
	}
	return true;
}
