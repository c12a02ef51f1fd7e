/* simulate.c - (variant, replication) pairs are the runner's jobs; with MPI they are
 * spread over the ranks of the job (cli/mpi_grid.h). The progress bar counts finished
 * jobs plus the share of simulated time of the jobs still running, which each reports
 * every few thousand events, so it advances within a single long replication. Whichever
 * thread reports redraws the bar, under bar_lock. */
#include "simulate.h"
#include "config_patch.h"
#include "mpi_grid.h"
#include "progress.h"
#include "models/contract.h"
#include "models/model.h"
#include "sim/rng_book.h"
#include "lang/lang.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A struct backlog carried as doubles at the end of a result row. */
enum { BACKLOG_DOUBLES = sizeof(struct backlog) / sizeof(double) };
_Static_assert(sizeof(struct backlog) == BACKLOG_DOUBLES * sizeof(double), "struct backlog is doubles only");

enum { PART = 1 << 20 }; /* a running job's progress is counted in 1/PART of a job */

/* The most memory the recorded streams of one set of variants may take (sim/rng_book.h):
 * a year of scenarios/default.ini takes about 1 MB a replication. */
#define BOOK_BUDGET ((size_t)64 << 20)

struct jobs {
    const struct model_config *const *cfgs; /* the variants; or NULL, and: */
    const struct model_config *ref;         /* the reference and each variant's patch */
    const struct config_patch *patches;
    unsigned reps, first; /* replications first..first + reps - 1 of each variant */
    size_t nm;            /* metrics per row; with a backlog wanted, the row carries it after them */
    const atomic_int *stop;
    bool backlog;
    size_t nperiods; /* per-period contract values carried after the metrics (and the backlog) */
    struct progress bar;
    pthread_mutex_t bar_lock;
    size_t done, total;            /* jobs finished (under bar_lock) */
    atomic_uint_least64_t partial; /* the running jobs' progress, in 1/PART units */
    struct rng_book *book;         /* the replications' streams, shared by the variants; or NULL */
};

/* What one running job has reported so far. */
struct job_share {
    struct jobs *j;
    uint64_t reported;
};

static void redraw(struct jobs *j)
{
    progress_draw(&j->bar, (double)j->done + (double)atomic_load(&j->partial) / PART, j->total);
}

/* model_watch.progress: done is the job's share of its simulated time. */
static void on_job_progress(void *ctx, double done)
{
    struct job_share *s = ctx;
    uint64_t now = (uint64_t)(done * PART);
    if (now <= s->reported) return;
    atomic_fetch_add(&s->j->partial, now - s->reported);
    s->reported = now;
    if (pthread_mutex_trylock(&s->j->bar_lock) == 0) { /* busy: another thread is drawing */
        redraw(s->j);
        pthread_mutex_unlock(&s->j->bar_lock);
    }
}

/* runner_progress_fn: a job finished. */
static void on_job_done(void *ctx, size_t done, size_t total)
{
    struct jobs *j = ctx;
    pthread_mutex_lock(&j->bar_lock);
    j->done = done, j->total = total;
    redraw(j);
    pthread_mutex_unlock(&j->bar_lock);
}

static int run_job(void *ctx, size_t job, double *out)
{
    struct jobs *j = ctx;
    struct job_share share = {j, 0};
    struct model_totals totals;
    struct model_watch w = {.stop = j->stop, .totals = &totals};
    if (j->nperiods) w.contract_periods = out + j->nm + (j->backlog ? BACKLOG_DOUBLES : 0);
    if (j->bar.enabled) w.progress = on_job_progress, w.progress_ctx = &share;
    size_t v = job / j->reps;
    struct model_config own = {0}; /* this job's own copy of its variant, released when it ends */
    if (!j->cfgs) config_patch_build(&j->patches[v], j->ref, &own);
    rng_book_use(j->book);
    int rc = model_run_watched(j->cfgs ? j->cfgs[v] : &own, j->first + job % j->reps, out, &w);
    rng_book_use(NULL);
    model_config_fini(&own);
    atomic_fetch_sub(&j->partial, share.reported); /* from now on it counts as done */
    if (j->backlog) {                              /* in the row, so that it travels with it from any MPI rank */
        struct backlog b = stability_backlog(&totals);
        memcpy(out + j->nm, &b, sizeof b);
    }
    return rc;
}

/* simulate and simulate_patched: the jobs j (variants set) of n variants. */
static size_t run_jobs(struct jobs *j, size_t n, unsigned reps, const struct simulate_opts *o, double *results)
{
    const struct model_config *first = j->cfgs ? j->cfgs[0] : j->ref;
    size_t nm = metric_count(first), njobs = n * reps;
    size_t nperiods = o->contract_periods ? simulate_contract_values(first) : 0;
    size_t extra = (o->backlog ? BACKLOG_DOUBLES : 0) + nperiods;
    j->reps = reps, j->first = o->first_replication, j->nm = nm, j->stop = o->stop, j->backlog = o->backlog != NULL,
    j->total = njobs, j->nperiods = nperiods;
    double *rows = extra ? malloc(njobs * (nm + extra) * sizeof *rows) : results;
    if (!rows) abort();
    if (o->starting) o->starting(o->starting_ctx);
    atomic_init(&j->partial, 0);
    pthread_mutex_init(&j->bar_lock, NULL);
    progress_init(&j->bar, o->progress, n > 1 ? PROGRESS_RUNS : PROGRESS_REPLICATIONS);
    struct runner r = {
        .njobs = njobs,
        .nmetrics = nm + extra,
        .threads = o->threads,
        .job = run_job,
        .ctx = j,
        .progress = on_job_done,
        .progress_ctx = j,
        .stop = o->stop,
    };
    /* every variant draws the same streams (common random numbers): record them once */
    bool own_book = !o->book && n > 1;
    j->book = own_book ? simulate_book() : o->book;
    size_t missing = mpi_grid_run(&r, rows); /* runner_run, over every rank with MPI */
    if (own_book) rng_book_free(j->book);
    progress_finish(&j->bar);
    pthread_mutex_destroy(&j->bar_lock);
    if (extra) { /* split each row into its metrics, its backlog and its contract periods */
        for (size_t k = 0; k < njobs; k++) {
            const double *row = rows + k * (nm + extra);
            memcpy(results + k * nm, row, nm * sizeof *rows);
            if (o->backlog) memcpy(&o->backlog[k], row + nm, sizeof o->backlog[k]);
            if (nperiods)
                memcpy(o->contract_periods + k * nperiods, row + nm + (o->backlog ? BACKLOG_DOUBLES : 0),
                       nperiods * sizeof *rows);
        }
        free(rows);
    }
    return missing;
}

struct rng_book *simulate_book(void)
{
    return rng_book_new(BOOK_BUDGET);
}

size_t simulate_contract_values(const struct model_config *cfg)
{
    return contract_periods(&cfg->contract, cfg->run.horizon_days) * cfg->contract.ntargets;
}

size_t simulate(const struct model_config *const *cfgs, size_t n, unsigned reps, const struct simulate_opts *o,
                double *results)
{
    struct jobs j = {.cfgs = cfgs};
    return run_jobs(&j, n, reps, o, results);
}

size_t simulate_patched(const struct model_config *ref, const struct config_patch *patches, size_t n, unsigned reps,
                        const struct simulate_opts *o, double *results)
{
    struct jobs j = {.ref = ref, .patches = patches};
    return run_jobs(&j, n, reps, o, results);
}

void simulate_summarise(const double *rows, unsigned reps, size_t nmetrics, struct summary *out)
{
    for (size_t m = 0; m < nmetrics; m++) out[m] = summary_of(rows + m, reps, nmetrics);
}
