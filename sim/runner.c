/* runner.c - a pool of pthreads taking job numbers from an atomic counter, or from the
 * caller's take (jobs dealt across MPI ranks, cli/mpi_grid.c). */
#include "runner.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef __GLIBC__ /* defined by the headers above */
#include <malloc.h>
#endif

struct pool {
    const struct runner *r;
    double *results;
    atomic_size_t next;
    size_t done, failed;
    pthread_mutex_t lock;
};

static void fill_nan(double *row, size_t n)
{
    for (size_t i = 0; i < n; i++) row[i] = NAN;
}

static void *worker(void *arg)
{
    struct pool *p = arg;
    const struct runner *r = p->r;
    for (;;) {
        if (r->stop && atomic_load(r->stop)) break;
        size_t job = r->take ? r->take(r->deal_ctx) : atomic_fetch_add(&p->next, 1);
        if (job >= r->njobs) break; /* SIZE_MAX included */
        double *row = p->results + job * r->nmetrics;
        int rc = r->job(r->ctx, job, row);
        if (rc != 0) fill_nan(row, r->nmetrics);
        pthread_mutex_lock(&p->lock);
        p->done++;
        if (rc != 0) p->failed++;
        /* jobs that failed (a run interrupted part-way) are not progress: an interrupted
           bar must not jump to 100 % */
        if (r->progress && rc == 0) r->progress(r->progress_ctx, p->done - p->failed, r->njobs);
        pthread_mutex_unlock(&p->lock);
    }
    return NULL;
}

void runner_keep_freed_memory(void)
{
#ifdef __GLIBC__
    /* Fixing the thresholds also turns off glibc's own adjustment of them. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

size_t runner_run(const struct runner *r, double *results)
{
    struct pool p = {.r = r, .results = results};
    atomic_init(&p.next, 0);
    pthread_mutex_init(&p.lock, NULL);
    for (size_t i = 0; i < r->njobs; i++) fill_nan(results + i * r->nmetrics, r->nmetrics);

    unsigned nthreads = r->threads > 1 ? r->threads : 1;
    if (nthreads > r->njobs) nthreads = r->njobs ? (unsigned)r->njobs : 1;
    bool spawn = nthreads > 1 || r->meanwhile; /* with meanwhile, the calling thread runs no job */
    pthread_t *tids = spawn ? calloc(nthreads, sizeof *tids) : NULL;
    unsigned started = 0;
    if (tids)
        for (; started < nthreads; started++)
            if (pthread_create(&tids[started], NULL, worker, &p) != 0) break;
    if (r->meanwhile)
        r->meanwhile(r->deal_ctx, started);
    else if (started == 0) /* one thread, or threads unavailable: run here */
        worker(&p);
    for (unsigned i = 0; i < started; i++) pthread_join(tids[i], NULL);
    free(tids);
    pthread_mutex_destroy(&p.lock);
    return (r->njobs - p.done) + p.failed;
}

unsigned runner_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

struct summary summary_of(const double *values, size_t count, size_t stride)
{
    struct summary s = {.mean = NAN, .sd = NAN, .ci95 = NAN, .n = 0};
    double mean = 0, m2 = 0;
    for (size_t i = 0; i < count; i++) {
        double x = values[i * stride];
        if (isnan(x)) continue;
        s.n++;
        double d = x - mean;
        mean += d / (double)s.n;
        m2 += d * (x - mean);
    }
    if (s.n == 0) return s;
    s.mean = mean;
    if (s.n > 1) {
        s.sd = sqrt(m2 / (double)(s.n - 1));
        s.ci95 = summary_halfwidth(&s, 0.95);
    }
    return s;
}

double summary_halfwidth(const struct summary *s, double level)
{
    if (s->n < 2) return NAN;
    double t = gsl_cdf_tdist_Pinv(0.5 + level / 2, (double)(s->n - 1));
    return t * s->sd / sqrt((double)s->n);
}
