/* both_ways.h - one replication of a configuration run on the fast path (where the
 * model allows it) and on the general path only, with every metric compared bit for
 * bit (NaN alike). Shared by tests/test_models.c and tests/test_fastpath.c; include
 * once per test program. */
#ifndef TESTS_BOTH_WAYS_H
#define TESTS_BOTH_WAYS_H

#include "models/metrics.h"
#include "models/model.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct both_ways {
    size_t differ;                     /* metrics that differ */
    char first[160];                   /* the first of them by name, or "" */
    struct model_totals fast, general; /* each run's totals (instant_orders: the short cut taken) */
};

static struct both_ways run_both_ways(const struct model_config *c, uint64_t rep)
{
    struct both_ways b = {0};
    size_t n = metric_count(c);
    double *fast = malloc(n * sizeof *fast), *general = malloc(n * sizeof *general);
    if (!fast || !general) abort();
    model_run_watched(c, rep, fast, &(struct model_watch){.totals = &b.fast});
    model_run_watched(c, rep, general, &(struct model_watch){.totals = &b.general, .general_path = true});
    for (size_t m = 0; m < n; m++)
        if (memcmp(&fast[m], &general[m], sizeof fast[m]) != 0 && !(isnan(fast[m]) && isnan(general[m])))
            if (b.differ++ == 0) metric_name_at(c, m, b.first, sizeof b.first);
    free(fast);
    free(general);
    return b;
}

#endif
