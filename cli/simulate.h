/* simulate.h - run the replications of one or more scenario variants on threads, on
 * common random numbers: replication r of every variant uses the same streams. */
#ifndef CLI_SIMULATE_H
#define CLI_SIMULATE_H

#include "cli/stability.h"
#include "models/config.h"
#include "models/metrics.h"
#include "sim/runner.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct rng_book; /* sim/rng_book.h */

struct simulate_opts {
    unsigned threads;
    bool progress;              /* draw a progress bar if stderr is a terminal */
    const atomic_int *stop;     /* optional interrupt flag */
    struct backlog *backlog;    /* optional: n * reps entries (variant-major), for stability_check */
    unsigned first_replication; /* run replications first..first + reps - 1 (default 0): more
                                   of the same streams later, as cli/optimise.c's selection does */
    /* optional, with [contract] targets: n * reps rows (variant-major) of
       simulate_contract_values(cfg) doubles, each replication's per-period value of each
       target (models/model.h, model_watch.contract_periods) */
    double *contract_periods;
    /* optional: the book of streams (sim/rng_book.h) the jobs record into and replay from,
       kept by a caller that runs the same replications again across calls (optimise:
       simulate_book); NULL: one for the call when it has more than one variant */
    struct rng_book *book;
    /* optional: called with starting_ctx on the calling thread as each call begins, before
       its first replication runs (after every check its caller makes, before the wait):
       servlab.c says there what the user should know before a long run */
    void (*starting)(void *ctx);
    void *starting_ctx;
    /* optional: what a refused point's message begins with in place of "servlab: "
       (sweep_refuse_point): batch --sweep's "TABLE:LINE (row ID): "; NULL: "servlab: " */
    const char *place;
};

/* A new book for simulate_opts.book, with the budget of the one a call makes; free it
 * with rng_book_free once no call uses it. NULL when out of memory (then none is used). */
struct rng_book *simulate_book(void);

/* How many per-period values one replication of cfg gives: whole periods * targets. */
size_t simulate_contract_values(const struct model_config *cfg);

/* Run cfgs[0..n) with reps replications each; every variant must have the same metric
 * layout (metric_count). results receives n * reps rows of metric_count(cfgs[0])
 * values (variant-major). Returns the number of replications that did not finish (0
 * on success). */
size_t simulate(const struct model_config *const *cfgs, size_t n, unsigned reps, const struct simulate_opts *o,
                double *results);

struct config_patch; /* cli/config_patch.h */

/* simulate for variants given as patches[0..n) of ref (all borrowed): each job builds its
 * own copy of its variant, so memory does not grow with n by whole configurations.
 * The results are those simulate gives for the patched configurations, bit for bit. */
size_t simulate_patched(const struct model_config *ref, const struct config_patch *patches, size_t n, unsigned reps,
                        const struct simulate_opts *o, double *results);

/* Summaries of one variant's rows of nmetrics values: out has nmetrics entries. */
void simulate_summarise(const double *rows, unsigned reps, size_t nmetrics, struct summary *out);

#endif
