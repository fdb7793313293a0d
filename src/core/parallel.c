/* parallel.c - run independent work items on a few threads.  Each item
 * writes only its own slot, so the result is the same as a serial run,
 * whatever the order the threads take them in. */
#include <pthread.h>
#include <unistd.h>

#include "tfsight/core.h"

typedef struct {
	void (*fn)(void *ctx, size_t i);
	void *ctx;
	size_t n, next;
	pthread_mutex_t lock;
} S_pool;

static void *S_worker(void *arg)
{
	S_pool *p = arg;

	for (;;) {
		size_t i;
		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			return NULL;
		p->fn(p->ctx, i);
	}
}

int tfs_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

void tfs_parallel_for(size_t n, int jobs, void (*fn)(void *ctx, size_t i),
                      void *ctx)
{
	pthread_t threads[64];
	S_pool p;
	int t, started = 0;
	size_t i;

	if (jobs > 64)
		jobs = 64;
	if (jobs <= 1 || n <= 1) {
		for (i = 0; i < n; i++)
			fn(ctx, i);
		return;
	}
	p.fn = fn;
	p.ctx = ctx;
	p.n = n;
	p.next = 0;
	pthread_mutex_init(&p.lock, NULL);
	for (t = 0; t < jobs && (size_t)t < n; t++)
		if (pthread_create(&threads[started], NULL, S_worker, &p) == 0)
			started++;
	if (!started)
		S_worker(&p); /* no thread to be had: do it here */
	for (t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	pthread_mutex_destroy(&p.lock);
}
