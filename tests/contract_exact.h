/* contract_exact.h - the exact distribution of one contract period's fill rate for
 * one-for-one base stock S with Poisson demand (one unit an order), exponential lead
 * times (each unit on order arrives independently) and lost sales: the units on order
 * are the Erlang loss system M/M/S/S, a birth-death chain. Test-side code, sharing
 * nothing with the simulator (tests/validation/README.md, case CT).
 *
 * Method: the chain is augmented by the period's counts (N on order, D demanded, L
 * lost), started from its stationary distribution (the truncated Poisson of Erlang's
 * loss formula) with D = L = 0, and carried over a period of T days by uniformisation:
 * with Lambda = lambda + S mu, the number of jumps in T is Poisson(Lambda T), and each
 * jump is a demand (lambda / Lambda: D + 1, and N + 1 if N < S, else L + 1), an arrival
 * (N mu / Lambda: N - 1), or nothing. The Poisson series is cut where its tail falls
 * below 1e-13; the mass dropped is reported. */
#ifndef TESTS_CONTRACT_EXACT_H
#define TESTS_CONTRACT_EXACT_H

#include <stddef.h>

struct contract_exact_model {
    int S;                    /* order-up-to level */
    double lambda, mu, T;     /* units per day, 1 / mean lead time, period days */
    double target;            /* the fill-rate target, a share */
    double penalty_per_point; /* per percentage point of shortfall */
    double penalty_per_missed_period;
};

struct contract_exact_result {
    double p_missed;                 /* P(period fill rate < target); a period with no demand does not miss */
    double penalty_per_period;       /* expected penalty of one period */
    double mean_fill;                /* E[period fill rate | D > 0] */
    double sd_fill;                  /* its standard deviation */
    double p_no_demand;              /* P(D = 0) */
    double mean_demanded, mean_lost; /* E[D], E[L]: E[L] / E[D] is Erlang's B(S, lambda / mu) */
    double dropped_mass;             /* probability lost by cutting the Poisson series */
    double *cdf_x, *cdf_p;           /* the period fill rate's distribution given D > 0: P(fill <= cdf_x[i]) */
    size_t ncdf;
};

/* Solve m; r's arrays are malloc'd (contract_exact_free). Returns 0, or -1 for a
 * model out of range (with a message on stderr). */
int contract_exact_solve(const struct contract_exact_model *m, struct contract_exact_result *r);
void contract_exact_free(struct contract_exact_result *r);

/* P(period fill rate <= x | D > 0) from r. */
double contract_exact_cdf(const struct contract_exact_result *r, double x);

#endif
