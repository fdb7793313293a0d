/* analyse.c - the per-file analyses every command runs (model, estimate,
 * checks), one file per thread: each builds only its own results. */
#include <stdlib.h>

#include "cli.h"
#include "tfsight/check.h"
#include "tfsight/cost.h"

typedef struct {
	tfs_analysis *a;
	const tfs_inputs *in;
	const tfs_analysis_options *o;
} S_job;

static void S_one(void *ctx, size_t i)
{
	const S_job *j = ctx;
	tfs_analysis *a = j->a;

	a->models[i] = tfs_model_build(j->in->states[i], j->in->invs[i],
	                               j->o->model);
	if (j->o->pricing)
		a->costs[i] = tfs_cost_estimate(a->models[i], j->o->pricing,
		                                j->o->usage);
	if (j->o->checks) {
		tfs_check_options c = *j->o->checks;
		c.cost = a->costs[i];
		c.pricing = j->o->pricing;
		/* threads left over by few files run one file's checks */
		c.jobs = j->o->jobs / (int)j->in->count > 1
		                 ? j->o->jobs / (int)j->in->count
		                 : 1;
		a->checks[i] = tfs_checks_run(a->models[i], &c);
	}
}

void tfs_analyse(tfs_analysis *a, const tfs_inputs *in,
                 const tfs_analysis_options *o)
{
	S_job j = {a, in, o};

	a->count = in->count;
	a->models = xcalloc(in->count + 1, sizeof(*a->models));
	a->costs = xcalloc(in->count + 1, sizeof(*a->costs));
	a->checks = xcalloc(in->count + 1, sizeof(*a->checks));
	tfs_parallel_for(in->count, o->jobs, S_one, &j);
}

void tfs_analysis_release(tfs_analysis *a)
{
	for (size_t i = 0; i < a->count; i++) {
		tfs_checks_free(a->checks[i]);
		tfs_cost_free(a->costs[i]);
		tfs_model_free(a->models[i]);
	}
	free(a->checks);
	free(a->costs);
	free(a->models);
	a->count = 0;
}
