/* workload.h - how long a run will take and how much memory it needs, estimated
 * before simulating: a long run says so (and shows a progress bar on a terminal), an
 * absurd one is refused with what to change, and nothing appears to hang.
 *
 * Cost model, measured on the development machine (one core of a 2.6 GHz Xeon; see
 * the README): a customer order costs 60 ns, plus 70 ns for each order-cycle stage
 * that takes time and 20 ns when stock is held -- 20 ns in all for an order on the
 * model's fast path (one product, no stage, channel, customer base, location or
 * errors) -- and 100 ns for each replenishment order it triggers, all multiplied by 1 + log2(1 + orders in flight) / 16
 * (+ 0.5 beyond 30000 in flight: the event list and the orders outgrow the caches); a periodic review costs 15 ns and a
 * replication 20 us to set up. On the shipped and validation scenarios and on runs of 1e7 orders it was within 25% of
 * the measured time, except lost-sales cases, which it overestimates by up to 1.8 times.
 */
#ifndef CLI_WORKLOAD_H
#define CLI_WORKLOAD_H

#include "models/config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum {
    WORKLOAD_WARN_SECONDS = 60,      /* a run estimated to take longer gets a warning */
    WORKLOAD_REFUSE_SECONDS = 86400, /* a run needing more CPU time than a day is refused */
};

struct workload {
    size_t variants;        /* sweep points (1 for run) */
    unsigned reps;          /* replications of each */
    double days;            /* warm-up + horizon of one replication (the longest) */
    double orders_a_day;    /* arrivals a day (the highest) */
    double orders;          /* customer orders to simulate, in all */
    double job_seconds;     /* CPU time of the longest replication */
    double cpu_seconds;     /* of all of them */
    double wall_seconds;    /* on the threads given */
    unsigned threads;       /* threads that will work */
    double memory_bytes;    /* results, and queues that grow without bound */
    const char *overloaded; /* a stage whose queue grows without bound, or NULL */
    double backlog_orders;  /* ... the orders in its queue at the end of a replication */
    size_t metrics;         /* per replication (metric_count of the first variant) */
    double backlog_bytes;   /* the largest queue of one replication, in bytes */
};

/* Estimate the work of cfgs[0..n), each run cfgs[i]->run.replications times, on
 * `threads` threads. */
void workload_estimate(const struct model_config *const *cfgs, size_t n, unsigned threads, struct workload *w);

/* The same estimate one variant at a time, for callers that never hold every variant
 * at once (a sweep builds its points one by one): begin with the count and the first
 * variant, add each variant (the first too) in order, then end. */
void workload_begin(struct workload *w, size_t n, const struct model_config *first, unsigned threads);
void workload_add(struct workload *w, const struct model_config *c);
void workload_end(struct workload *w);

/* Refuse (print why on err, naming path, and return 2) a run over a day of CPU time or
 * over 4 GiB of memory; with warn, print a warning with the estimate for one over a
 * minute. Returns 0 otherwise. */
int workload_check(const struct workload *w, const char *path, bool warn, FILE *err);

/* workload_check with another limit of CPU time than a day (cli/serve.h: a class
 * cannot wait a day for one student's run). */
int workload_check_limit(const struct workload *w, const char *path, double max_cpu_seconds, bool warn, FILE *err);

#endif
