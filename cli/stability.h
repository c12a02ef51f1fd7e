/* stability.h - does a simulated system settle, or does its backlog grow without
 * bound? Judged after the run from the backlog half-way through the statistics window
 * and at its end, in every replication. A settled system's backlog fluctuates around
 * a level (Little's law: arrivals a day x days in the system); an unstable one (more
 * arrivals than the order cycle can serve, replenishment that cannot keep up) grows
 * roughly linearly, so its end is well above its middle in replication after
 * replication. Complements the reader's load check (scenarios/), which sees only
 * what the means of the distributions imply.
 */
#ifndef CLI_STABILITY_H
#define CLI_STABILITY_H

#include "models/config.h"
#include "models/model.h"

#include <stdbool.h>
#include <stddef.h>

struct backlog {
    double orders_mid, orders_end;           /* orders in the system */
    double backordered_mid, backordered_end; /* units on backorder */
};

/* The backlog of a replication's totals. */
struct backlog stability_backlog(const struct model_totals *t);

/* One variant's replications: backlog[0..reps) and their metric rows (nm doubles
 * each, as simulate() writes them). When the backlog grows, writes a one-line
 * warning with the numbers into warning (n bytes) and returns true. The test: growth
 * between the middle and the end of at least 2% of the arrivals of that time, and,
 * with 2 or more replications, a mean growth more than 3 standard errors above 0; with
 * 1, growth of at least 5% of the arrivals and to more than 1.5 times the middle's
 * backlog + 20 (a near-critical queue, load 0.95, is still flagged in about 1 single
 * replication in 20, with a note to run more). */
bool stability_check(const struct model_config *cfg, const struct backlog *b, const double *rows, size_t nm,
                     unsigned reps, char *warning, size_t n);

#endif
