/* mpi_grid.h - spread the (point, replication) grid of one servlab command over the
 * ranks of an MPI job, and gather every result on every rank in job order.
 *
 * Built with MPI only when the Makefile is run with MPI=1 (which defines SERVLAB_MPI
 * and compiles with mpicc); otherwise every function here is a one-process stand-in,
 * so the rest of servlab calls them unconditionally. Job j is rank (j mod size)'s,
 * unless that rank falls behind and another takes it; it runs on the rank's own
 * threads. Because a job's result depends on its index alone, the gathered rows, and
 * so every report, are byte-identical to a single-process run.
 * Only rank 0 writes: the others send stdout and stderr to /dev/null.
 * Every rank must make the same sequence of mpi_grid_run calls; a rank that fails
 * before its grid (say it cannot read the scenario) is noticed by the others, which
 * then give up that grid instead of waiting for it forever.
 */
#ifndef CLI_MPI_GRID_H
#define CLI_MPI_GRID_H

#include "sim/runner.h"

#include <stdbool.h>
#include <stddef.h>

/* Start MPI (a no-op without SERVLAB_MPI). Call first thing in main. */
void mpi_grid_init(int *argc, char ***argv);

/* Leave MPI with this rank's exit status rc; returns the status to exit with. */
int mpi_grid_finish(int rc);

/* True on rank 0 (always, without MPI): the rank that prints and writes files. */
bool mpi_grid_is_root(void);

/* The default worker threads: the cores of this machine shared among the ranks
 * running on it. */
unsigned mpi_grid_default_threads(void);

/* runner_run over every rank: rank 0 deals the jobs (each rank's share first, then help
 * for the rank with the most left), this rank runs those it gets on r->threads worker
 * threads while its main thread deals or asks, then every rank receives every row in
 * job order. Returns the number of jobs not run or failed over all ranks (every job,
 * when a rank dropped out). */
size_t mpi_grid_run(const struct runner *r, double *results);

#endif
