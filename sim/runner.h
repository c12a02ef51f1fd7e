/* runner.h - run independent jobs (replications, sweep points x replications) on
 * worker threads, and summarise their results with Student-t confidence intervals.
 *
 * Each job writes its own row of results, so the outcome never depends on how many
 * threads ran or in which order the jobs finished. NaN in a result means "no value in
 * this job" (a rate with nothing to count); summaries skip it and report n.
 */
#ifndef SIM_RUNNER_H
#define SIM_RUNNER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* Run job number `job`, writing nmetrics values into out. Return 0 on success. Called
 * from several threads at once: it may only touch its own state and out. */
typedef int (*runner_job_fn)(void *ctx, size_t job, double *out);

/* Progress report: `done` of `total` jobs finished and succeeded (a failed job, such
 * as one interrupted, is not reported). Called with a lock held, from whichever thread
 * finished a job; keep it short. */
typedef void (*runner_progress_fn)(void *ctx, size_t done, size_t total);

struct runner {
    size_t njobs, nmetrics;
    unsigned threads; /* 0 or 1: run in the calling thread */
    runner_job_fn job;
    void *ctx;                   /* borrowed, passed to job */
    runner_progress_fn progress; /* optional */
    void *progress_ctx;
    const atomic_int *stop; /* optional: when it becomes non-zero, no new job starts */
    /* Optional, for jobs dealt from elsewhere (cli/mpi_grid.c): take returns the next job
     * for a worker (it may wait), or SIZE_MAX when there are no more; the default takes
     * 0, 1, ..., njobs - 1 in turn. With meanwhile set, `threads` workers (at least one,
     * at most njobs) run the jobs while the calling thread runs meanwhile(deal_ctx,
     * workers started), which must return once take has returned SIZE_MAX to every
     * worker or will; then runner_run waits for them. With no worker started (the system refused threads)
     * meanwhile is called with 0, and no job runs here. */
    size_t (*take)(void *ctx);
    void (*meanwhile)(void *ctx, unsigned workers);
    void *deal_ctx; /* borrowed, passed to take and meanwhile */
};

/* Run every job; results has njobs * nmetrics doubles, job i in row i. Returns 0 when
 * every job ran and succeeded; otherwise the number of jobs not run or failed (their
 * rows are NaN). With take set, the jobs it did not hand out count as not run: the
 * return is njobs less the jobs that ran here and succeeded. */
size_t runner_run(const struct runner *r, double *results);

/* Ask the C library to keep memory that replications free for the next ones (call once,
 * at the start of the program). Each replication allocates and frees the same few
 * hundred KB (its model is 197 KB); by default glibc hands such blocks back to the
 * kernel and the next replication faults them in again page by page, which took most of
 * the time of small models run on one thread (bench/README.md). Blocks under 32 MB come
 * from the heap, and each heap keeps up to 64 MB free before returning any; results are
 * unchanged. Does nothing outside glibc. */
void runner_keep_freed_memory(void);

/* The number of online processors (at least 1). */
unsigned runner_cores(void);

struct summary {
    double mean, sd; /* over jobs with a value; sd is NaN with fewer than 2 */
    double ci95;     /* Student-t 95% half-width; NaN with fewer than 2 */
    size_t n;        /* jobs with a value */
};

/* Summarise count values spaced `stride` doubles apart, skipping NaN. */
struct summary summary_of(const double *values, size_t count, size_t stride);

/* The half-width of a two-sided confidence interval at `level` (e.g. 0.99). */
double summary_halfwidth(const struct summary *s, double level);

#endif
