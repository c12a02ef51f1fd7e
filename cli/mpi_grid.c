/* mpi_grid.c - jobs dealt by rank 0 as the ranks ask for them, each rank's share first
 * (jobs rank, rank + size, ...: a sweep's slow and fast points mix on every rank), then
 * help for the rank with the most of its share left; run on each rank's threads by
 * runner_run, then exchanged with MPI_Allgatherv. Ranks meet at checkpoints, one
 * MPI_Allreduce each, where every rank says whether it is about to run a grid (and of
 * how many jobs) or is leaving; a grid goes ahead only when every rank is there for the
 * same grid. */
#include "mpi_grid.h"

#ifndef SERVLAB_MPI

void mpi_grid_init(int *argc, char ***argv)
{
    (void)argc, (void)argv;
}

int mpi_grid_finish(int rc)
{
    return rc;
}

bool mpi_grid_is_root(void)
{
    return true;
}

unsigned mpi_grid_default_threads(void)
{
    return runner_cores();
}

size_t mpi_grid_run(const struct runner *r, double *results)
{
    return runner_run(r, results);
}

#else

#include "lang/lang.h"

#include <limits.h>
#include <math.h>
#include <mpi.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { LEAVING = 0, GRID = 1 };

/* Ranks sharing this machine, found once at start-up (a collective call). */
static unsigned local_ranks = 1;

/* A copy of MPI_COMM_WORLD for dealing jobs (mpi_grid_run), so that no other message is
 * ever mistaken for a job or an ask. */
static MPI_Comm deal_comm = MPI_COMM_NULL;

/* Between MPI_Init and MPI_Finalize. Programs that never call mpi_grid_init (the test
 * programs of an MPI build) run as one process. */
static bool mpi_running(void)
{
    int started = 0, finished = 0;
    MPI_Initialized(&started);
    MPI_Finalized(&finished);
    return started && !finished;
}

static int world_rank(void)
{
    int rank = 0;
    if (mpi_running()) MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    return rank;
}

static int world_size(void)
{
    int size = 1;
    if (mpi_running()) MPI_Comm_size(MPI_COMM_WORLD, &size);
    return size;
}

/* The ranks exchange a few kilobytes of results. Open MPI's default point-to-point layer
 * tries UCX first, whose start-up took 0.2 s of every run here (a 3 s sweep on 1 rank:
 * 3.15 s under mpirun, 2.69 s without), longer than any message servlab sends; on one
 * machine ob1 carries them over shared memory. Only on one machine (mpirun's
 * OMPI_COMM_WORLD_LOCAL_SIZE equals OMPI_COMM_WORLD_SIZE, or no mpirun at all): a
 * cluster may need its own transport between nodes, set in a file this would override.
 * A user's OMPI_MCA_pml always wins. */
static void prefer_light_transport(void)
{
#ifdef OPEN_MPI
    const char *size = getenv("OMPI_COMM_WORLD_SIZE"), *local = getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
    if (!size || (local && strcmp(size, local) == 0)) setenv("OMPI_MCA_pml", "ob1", 0);
#endif
}

void mpi_grid_init(int *argc, char ***argv)
{
    prefer_light_transport();
    int provided = 0;
    /* only the main thread calls MPI; the workers never do */
    if (MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
        fputs(_("servlab: MPI could not start\n"), stderr);
        exit(EXIT_FAILURE);
    }
    /* every rank learns the lowest level any rank got (libraries may differ between nodes),
       so all stop together, and rank 0 alone says why */
    int lowest = provided;
    MPI_Allreduce(&provided, &lowest, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (lowest < MPI_THREAD_FUNNELED) {
        if (world_rank() == 0)
            fputs(_("servlab: this MPI library does not allow threads beside MPI calls (MPI_THREAD_FUNNELED), "
                    "which servlab-mpi needs\n"),
                  stderr);
        MPI_Finalize();
        exit(EXIT_FAILURE);
    }
    MPI_Comm node;
    int n = 1;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
    MPI_Comm_size(node, &n);
    MPI_Comm_free(&node);
    local_ranks = n > 0 ? (unsigned)n : 1;
    MPI_Comm_dup(MPI_COMM_WORLD, &deal_comm);
    if (world_rank() != 0) {
        /* one report, from rank 0; the others' copies would only repeat it */
        if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) exit(EXIT_FAILURE);
    }
}

struct meeting {
    long min_state, max_state;
    long min_jobs, max_jobs;
};

/* Every rank calls this with what it is about to do; all learn what all do. */
static struct meeting meet(long state, long jobs)
{
    long mine[4] = {state, -state, jobs, -jobs}, all[4];
    MPI_Allreduce(mine, all, 4, MPI_LONG, MPI_MAX, MPI_COMM_WORLD);
    return (struct meeting){-all[1], all[0], -all[3], all[2]};
}

int mpi_grid_finish(int rc)
{
    if (!mpi_running()) return rc;
    /* keep meeting until every rank is leaving, so none waits for us in vain */
    while (meet(LEAVING, 0).max_state != LEAVING) {}
    if (deal_comm != MPI_COMM_NULL) MPI_Comm_free(&deal_comm);
    MPI_Finalize();
    return rc;
}

bool mpi_grid_is_root(void)
{
    return world_rank() == 0;
}

unsigned mpi_grid_default_threads(void)
{
    unsigned cores = runner_cores() / local_ranks;
    return cores ? cores : 1;
}

/* Jobs are dealt one at a time by rank 0 as workers ask for them. Each rank first gets
 * its own share, as a fixed deal would give it: jobs rank, rank + size, rank + 2 size,
 * ..., which (jobs being variant-major) are the same replications at every variant when
 * the ranks divide the replications, so its book of streams (sim/rng_book.h) records
 * each of them once. A rank whose share is done helps the rank with the most of its
 * share left, from the end of that share, so a rank on a slower or busier CPU runs fewer
 * jobs and the ranks finish within about a job of each other.
 *
 * On every rank the main thread only deals or asks (it alone calls MPI) while `threads`
 * workers run the jobs (runner.take, runner.meanwhile). Rank 0's workers take their jobs
 * directly; another rank's main thread asks rank 0 for them one at a time, keeping up to
 * one more than its workers waiting or asked for, so that a worker seldom waits for an
 * answer (which takes up to three polls). Main threads poll every POLL_NS rather than
 * block in MPI, which would spin on a CPU the workers need. Messages go on deal_comm,
 * apart from any other. */
enum { TAG_ASK = 1, TAG_JOB = 2, TAG_DONE = 3 };
static const long POLL_NS = 1000000; /* 1 ms; a job of the smallest sweeps takes about 4 ms */

struct dealing {
    const struct runner *r;
    size_t n, size;
    pthread_mutex_t lock;
    /* rank 0: share q's jobs not yet dealt are q + i size for front[q] <= i < back[q] */
    size_t *front, *back, dealt, dealt_here; /* dealt: to all ranks; dealt_here: to rank 0 */
    /* another rank: the jobs received and not yet taken, queue[head % cap] on */
    pthread_cond_t ready;
    size_t *queue, head, tail, cap;
    bool closed; /* no more will come */
    bool *ran;   /* ran[j]: job j ran on this rank (whatever its result) */
};

/* runner.job: the job, noted as run here. */
static int run_noted(void *ctx, size_t job, double *out)
{
    struct dealing *d = ctx;
    d->ran[job] = true; /* each job runs once, on one worker: no two write one flag */
    return d->r->job(d->r->ctx, job, out);
}

static size_t share_count(size_t njobs, size_t rank, size_t size)
{
    return rank < njobs ? (njobs - rank + size - 1) / size : 0;
}

static void pause_briefly(void)
{
    struct timespec t = {0, POLL_NS};
    nanosleep(&t, NULL);
}

static bool stopping(const struct runner *r)
{
    return r->stop && atomic_load(r->stop);
}

/* Rank 0: the next job for rank q, or SIZE_MAX when all are dealt or the run is stopping. */
static size_t deal_next(struct dealing *d, size_t q)
{
    if (stopping(d->r)) return SIZE_MAX;
    size_t job = SIZE_MAX;
    pthread_mutex_lock(&d->lock);
    if (d->front[q] < d->back[q]) {
        job = q + d->front[q]++ * d->size;
    } else { /* its share is done: help the one with most left, from its end */
        size_t most = q;
        for (size_t k = 0; k < d->size; k++)
            if (d->back[k] - d->front[k] > d->back[most] - d->front[most]) most = k;
        if (d->front[most] < d->back[most]) job = most + --d->back[most] * d->size;
    }
    if (job != SIZE_MAX) d->dealt++, d->dealt_here += q == 0;
    pthread_mutex_unlock(&d->lock);
    return job;
}

/* runner.take on rank 0 */
static size_t take_dealt(void *ctx)
{
    return deal_next(ctx, 0);
}

/* runner.meanwhile on rank 0: answer every ask until every other rank has said it is done.
 * Without workers of its own its share goes to the others, as help. */
static void deal_to_others(void *ctx, unsigned workers)
{
    struct dealing *d = ctx;
    (void)workers;
    for (size_t done = 0; done + 1 < d->size;) {
        int flag = 0, unused;
        MPI_Status st;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, deal_comm, &flag, &st);
        if (!flag) {
            pause_briefly();
            continue;
        }
        MPI_Recv(&unused, 1, MPI_INT, st.MPI_SOURCE, st.MPI_TAG, deal_comm, MPI_STATUS_IGNORE);
        if (st.MPI_TAG == TAG_DONE) {
            done++;
            continue;
        }
        size_t job = deal_next(d, (size_t)st.MPI_SOURCE);
        long answer = job == SIZE_MAX ? -1 : (long)job;
        MPI_Send(&answer, 1, MPI_LONG, st.MPI_SOURCE, TAG_JOB, deal_comm);
    }
}

/* runner.take on another rank: the next job received, waiting for one if need be. */
static size_t take_received(void *ctx)
{
    struct dealing *d = ctx;
    pthread_mutex_lock(&d->lock);
    while (d->head == d->tail && !d->closed) pthread_cond_wait(&d->ready, &d->lock);
    size_t job = d->head != d->tail && !stopping(d->r) ? d->queue[d->head++ % d->cap] : SIZE_MAX;
    pthread_mutex_unlock(&d->lock);
    return job;
}

/* runner.meanwhile on another rank: ask rank 0 for jobs while workers have few waiting,
 * until it has none left (or the run stops); then let the workers finish and say so.
 * Without workers it asks for nothing. */
static void ask_for_jobs(void *ctx, unsigned workers)
{
    struct dealing *d = ctx;
    size_t asked = 0, limit = (size_t)workers + 1; /* asks not yet answered; most waiting or asked */
    bool no_more = workers == 0;
    for (;;) {
        bool busy = false;
        pthread_mutex_lock(&d->lock);
        size_t waiting = d->tail - d->head;
        pthread_mutex_unlock(&d->lock);
        if (!no_more && !stopping(d->r) && waiting + asked < limit) {
            int ask = 0;
            MPI_Send(&ask, 1, MPI_INT, 0, TAG_ASK, deal_comm);
            asked++;
            busy = true;
        }
        int flag = 0;
        MPI_Iprobe(0, TAG_JOB, deal_comm, &flag, MPI_STATUS_IGNORE);
        if (flag) {
            long answer;
            MPI_Recv(&answer, 1, MPI_LONG, 0, TAG_JOB, deal_comm, MPI_STATUS_IGNORE);
            asked--;
            busy = true;
            pthread_mutex_lock(&d->lock);
            if (answer < 0)
                no_more = true;
            else
                d->queue[d->tail++ % d->cap] = (size_t)answer;
            pthread_cond_signal(&d->ready);
            pthread_mutex_unlock(&d->lock);
        }
        if (asked == 0 && (no_more || stopping(d->r))) break;
        if (!busy) pause_briefly();
    }
    pthread_mutex_lock(&d->lock);
    d->closed = true;
    pthread_cond_broadcast(&d->ready);
    pthread_mutex_unlock(&d->lock);
    int done = 0;
    MPI_Send(&done, 1, MPI_INT, 0, TAG_DONE, deal_comm);
}

/* The bar on rank 0 (the only one shown): the jobs finished here, and at least those
 * dealt elsewhere less what each other rank can hold unfinished (a job running on each
 * of its workers, cap - 1 of them as rank 0 counts, and up to cap waiting or asked for). */
static void dealt_progress(void *ctx, size_t done, size_t total)
{
    struct dealing *d = ctx;
    (void)total;
    pthread_mutex_lock(&d->lock);
    size_t elsewhere = d->dealt - d->dealt_here, held = (d->size - 1) * (2 * d->cap - 1);
    pthread_mutex_unlock(&d->lock);
    size_t finished = done + (elsewhere > held ? elsewhere - held : 0);
    d->r->progress(d->r->progress_ctx, finished < d->n ? finished : d->n, d->n);
}

/* Every rank sends the rows of the jobs it ran (ran_here[j]) to every other, which puts
 * them in place. */
static void exchange_rows(double *results, const bool *ran_here, size_t n, size_t m, size_t size)
{
    int *ran = malloc((n ? n : 1) * sizeof *ran), *counts = malloc(size * sizeof *counts);
    int *displs = malloc(size * sizeof *displs), *row_counts = malloc(size * sizeof *row_counts);
    int *row_displs = malloc(size * sizeof *row_displs);
    if (!ran || !counts || !displs || !row_counts || !row_displs) abort();
    int mine = 0;
    for (size_t k = 0; k < n; k++)
        if (ran_here[k]) ran[mine++] = (int)k;
    double *rows = malloc((mine ? (size_t)mine : 1) * m * sizeof *rows);
    if (!rows) abort();
    for (int i = 0; i < mine; i++) memcpy(rows + (size_t)i * m, results + (size_t)ran[i] * m, m * sizeof *rows);
    MPI_Allgather(&mine, 1, MPI_INT, counts, 1, MPI_INT, MPI_COMM_WORLD);
    int total = 0;
    for (size_t q = 0; q < size; q++) {
        displs[q] = total;
        row_counts[q] = counts[q] * (int)m;
        row_displs[q] = total * (int)m;
        total += counts[q];
    }
    int *jobs = malloc((total ? (size_t)total : 1) * sizeof *jobs);
    double *all = malloc((total ? (size_t)total : 1) * m * sizeof *all);
    if (!jobs || !all) abort();
    MPI_Allgatherv(ran, mine, MPI_INT, jobs, counts, displs, MPI_INT, MPI_COMM_WORLD);
    MPI_Allgatherv(rows, mine * (int)m, MPI_DOUBLE, all, row_counts, row_displs, MPI_DOUBLE, MPI_COMM_WORLD);
    for (int i = 0; i < total; i++) memcpy(results + (size_t)jobs[i] * m, all + (size_t)i * m, m * sizeof *results);
    free(ran), free(counts), free(displs), free(row_counts), free(row_displs), free(rows), free(jobs), free(all);
}

static void fill_nan(double *x, size_t n)
{
    for (size_t i = 0; i < n; i++) x[i] = NAN;
}

size_t mpi_grid_run(const struct runner *r, double *results)
{
    if (!mpi_running()) return runner_run(r, results);
    size_t n = r->njobs, m = r->nmetrics;
    struct meeting all = meet(GRID, (long)n);
    if (all.min_state != GRID || all.min_jobs != all.max_jobs) {
        if (all.min_state != GRID)
            fputs(_("servlab: a rank of this MPI job stopped before simulating (can every node read the "
                    "scenario?); nothing was run\n"),
                  stderr);
        else
            fprintf(stderr,
                    _("servlab: the ranks of this MPI job disagree on the number of runs (%ld to %ld); "
                      "is the scenario the same on every node?\n"),
                    all.min_jobs, all.max_jobs);
        fill_nan(results, n * m);
        return n;
    }
    size_t size = (size_t)world_size(), rank = (size_t)world_rank();
    if (size == 1) return runner_run(r, results);
    if (n * m > INT_MAX) {
        fputs(_("servlab: too many results to exchange between MPI ranks\n"), stderr);
        MPI_Abort(MPI_COMM_WORLD, EXIT_FAILURE);
    }

    unsigned workers = r->threads > 1 ? r->threads : 1;
    struct dealing d = {.r = r, .n = n, .size = size, .cap = (size_t)workers + 1};
    pthread_mutex_init(&d.lock, NULL);
    pthread_cond_init(&d.ready, NULL);
    d.queue = malloc(d.cap * sizeof *d.queue);
    d.front = calloc(size, sizeof *d.front);
    d.back = malloc(size * sizeof *d.back);
    d.ran = calloc(n ? n : 1, sizeof *d.ran);
    if (!d.queue || !d.front || !d.back || !d.ran) abort();
    for (size_t q = 0; q < size; q++) d.back[q] = share_count(n, q, size);
    struct runner local = *r;
    local.threads = workers;
    local.take = rank == 0 ? take_dealt : take_received;
    local.meanwhile = rank == 0 ? deal_to_others : ask_for_jobs;
    local.deal_ctx = &d;
    local.job = run_noted;
    local.ctx = &d;
    local.progress = r->progress && rank == 0 ? dealt_progress : NULL;
    local.progress_ctx = &d;
    /* the jobs that ran here and succeeded (runner_run counts those it never handed out as not run) */
    long succeeded = (long)n - (long)runner_run(&local, results), all_succeeded = 0;
    MPI_Allreduce(&succeeded, &all_succeeded, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    exchange_rows(results, d.ran, n, m, size);
    pthread_cond_destroy(&d.ready);
    pthread_mutex_destroy(&d.lock);
    free(d.queue), free(d.front), free(d.back), free(d.ran);
    return n - (size_t)all_succeeded;
}

#endif
