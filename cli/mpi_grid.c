/* mpi_grid.c - jobs dealt round-robin to ranks (so a sweep's slow and fast points mix
 * on every rank), run on each rank's threads by runner_run, then exchanged with one
 * MPI_Allgatherv. Ranks meet at checkpoints, one MPI_Allreduce each, where every rank
 * says whether it is about to run a grid (and of how many jobs) or is leaving; a grid
 * goes ahead only when every rank is there for the same grid. */
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LEAVING = 0, GRID = 1 };

/* Ranks sharing this machine, found once at start-up (a collective call). */
static unsigned local_ranks = 1;

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
    MPI_Comm node;
    int n = 1;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
    MPI_Comm_size(node, &n);
    MPI_Comm_free(&node);
    local_ranks = n > 0 ? (unsigned)n : 1;
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

/* This rank's share: jobs rank, rank + size, rank + 2 size, ... */
struct share {
    const struct runner *r;
    size_t rank, size, count;
};

static size_t share_count(size_t njobs, size_t rank, size_t size)
{
    return rank < njobs ? (njobs - rank + size - 1) / size : 0;
}

static int share_job(void *ctx, size_t i, double *out)
{
    const struct share *s = ctx;
    return s->r->job(s->r->ctx, s->rank + i * s->size, out);
}

/* The bar shows this rank's progress as an estimate of the whole grid's. */
static void share_progress(void *ctx, size_t done, size_t total)
{
    const struct share *s = ctx;
    (void)total;
    s->r->progress(s->r->progress_ctx, done * s->r->njobs / s->count, s->r->njobs);
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

    struct share s = {r, rank, size, share_count(n, rank, size)};
    struct runner local = *r;
    local.njobs = s.count;
    local.job = share_job;
    local.ctx = &s;
    local.progress = r->progress ? share_progress : NULL;
    local.progress_ctx = &s;
    double *mine = malloc((s.count ? s.count : 1) * m * sizeof *mine);
    double *gathered = malloc(n * m * sizeof *gathered);
    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    if (!mine || !gathered || !counts || !displs) abort();
    long missing = s.count ? (long)runner_run(&local, mine) : 0, total_missing = 0;

    int offset = 0;
    for (size_t q = 0; q < size; q++) {
        counts[q] = (int)(share_count(n, q, size) * m);
        displs[q] = offset;
        offset += counts[q];
    }
    MPI_Allgatherv(mine, counts[rank], MPI_DOUBLE, gathered, counts, displs, MPI_DOUBLE, MPI_COMM_WORLD);
    MPI_Allreduce(&missing, &total_missing, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    for (size_t q = 0; q < size; q++)
        for (size_t i = 0; i < share_count(n, q, size); i++)
            memcpy(results + (q + i * size) * m, gathered + (size_t)displs[q] + i * m, m * sizeof *results);
    free(mine);
    free(gathered);
    free(counts);
    free(displs);
    return (size_t)total_missing;
}

#endif
