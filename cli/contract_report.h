/* contract_report.h - a service contract in the run report ([contract], models/contract.h):
 * per target, the long-run value beside the distribution of its per-period values over
 * every period of every replication, the share of periods below target, and the
 * penalties per period. Per-period service varies far more than the long-run average,
 * and that is what a contract bites on. The terminal report (cli/report.h) and the
 * debrief page (cli/debrief.h) print the same text; --out writes the values as
 * contract_periods.csv. */
#ifndef CLI_CONTRACT_REPORT_H
#define CLI_CONTRACT_REPORT_H

#include "reader/scenario.h"
#include "sim/runner.h"

#include <stddef.h>
#include <stdio.h>

/* The per-period values of one run (cli/simulate.h, simulate_opts.contract_periods):
 * reps rows of nperiods * ntargets values, period-major; NaN where a period had
 * nothing to count. Borrowed. */
struct contract_periods {
    const double *values;
    unsigned reps;
    size_t nperiods, ntargets;
};

/* One target's per-period values over every period of every replication. */
struct contract_target_stats {
    size_t n;     /* periods with a value */
    double mean;  /* their mean */
    double q[5];  /* their 5th, 25th, 50th, 75th and 95th percentiles */
    double below; /* share of all periods that missed this target */
};

void contract_target_stats(const struct model_config *c, const struct contract_periods *p, size_t target,
                           struct contract_target_stats *out);

/* The penalties of every period: mean, median, 95th percentile, largest; and the share
 * of periods that missed any target. */
struct contract_penalty_stats {
    size_t n;
    double mean, p50, p95, max, missed;
};

void contract_penalty_stats(const struct model_config *c, const struct contract_periods *p,
                            struct contract_penalty_stats *out);

/* Target `target`'s per-period values with a value, over every period of every
 * replication, into out (room for reps * nperiods); returns how many. */
size_t contract_target_values(const struct contract_periods *p, size_t target, double *out);

/* The report's contract part (after the service group): nothing without targets. */
void report_contract(FILE *out, const struct scenario *sc, const struct summary *s, const struct contract_periods *p);

/* contract_periods.csv: replication,period,start_day,METRIC... (one column per target),
 * missed,penalty; one row per period (empty cells: nothing counted). */
void contract_periods_csv(FILE *out, const struct scenario *sc, const struct contract_periods *p);

#endif
