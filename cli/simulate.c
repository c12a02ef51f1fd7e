/* simulate.c - (variant, replication) pairs are the runner's jobs; with MPI they are
 * spread over the ranks of the job (cli/mpi_grid.h). */
#include "simulate.h"
#include "mpi_grid.h"
#include "progress.h"
#include "models/model.h"

struct jobs {
    const struct model_config *const *cfgs;
    unsigned reps;
    const atomic_int *stop;
};

static int run_job(void *ctx, size_t job, double *out)
{
    const struct jobs *j = ctx;
    return model_run(j->cfgs[job / j->reps], job % j->reps, out, NULL, j->stop);
}

size_t simulate(const struct model_config *const *cfgs, size_t n, unsigned reps,
                const struct simulate_opts *o, double *results)
{
    struct jobs j = {cfgs, reps, o->stop};
    struct progress bar;
    progress_init(&bar, o->progress, n > 1 ? "runs" : "replications");
    struct runner r = {
        .njobs = n * reps,
        .nmetrics = metric_count(cfgs[0]),
        .threads = o->threads,
        .job = run_job,
        .ctx = &j,
        .progress = progress_update,
        .progress_ctx = &bar,
        .stop = o->stop,
    };
    size_t missing = mpi_grid_run(&r, results); /* runner_run, over every rank with MPI */
    progress_finish(&bar);
    return missing;
}

void simulate_summarise(const double *rows, unsigned reps, size_t nmetrics, struct summary *out)
{
    for (size_t m = 0; m < nmetrics; m++) out[m] = summary_of(rows + m, reps, nmetrics);
}
