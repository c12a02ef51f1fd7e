/* markov_ss.h - exact expectations of a periodic-review (s,S) inventory over a finite
 * horizon (Law & Kelton's inventory model, tests/validation/lk_ss.ini), by a Markov
 * chain on the inventory level at review times. Test-side code: it shares nothing with
 * the simulator, so the two are independent computations of the same model. The time
 * unit is the review period; costs and levels are per period. */
#ifndef TESTS_MARKOV_SS_H
#define TESTS_MARKOV_SS_H

#include <stddef.h>

#define MARKOV_SS_MAX_SIZE 16

/* The model. At each review (t = 0, 1, ..., periods - 1) with level I: if I < s, order
 * Z = S - I at order_fixed + order_per_unit * Z; it arrives after a lead time uniform
 * on [lead_min, lead_max] (0 <= lead_min < lead_max <= 1: in before the next review).
 * Customers arrive as a Poisson process, `rate` per period; a customer wants k units
 * with probability size_pmf[k] (k = 1..max_size; size_pmf[0] is ignored and taken as
 * 0); shortages are backlogged. Holding and backlog costs are charged per unit per
 * period on the time-integrated level: I+ and I-. */
struct markov_ss_model {
    int s, S, initial; /* initial: the level at time 0, nothing on order */
    unsigned periods;
    double rate;
    double size_pmf[MARKOV_SS_MAX_SIZE + 1];
    size_t max_size;
    double lead_min, lead_max;
    double order_fixed, order_per_unit, holding, backlog;
};

/* Per-period means over the horizon (expectations, divided by `periods`). */
struct markov_ss_result {
    double cost_ordering, cost_holding, cost_shortage, cost_total;
    double mean_on_hand, mean_backorders, mean_on_order, time_out_of_stock;
    double replenishments; /* orders placed per period */
    /* Expected units filled from stock on arrival / expected units demanded: the ratio
     * of expectations, NOT the expectation of a run's ratio (they differ over a finite
     * horizon). */
    double fill_ratio_of_means;
    size_t demand_cutoff; /* largest period demand kept (tail mass below `tail`) */
    double lost_mass;     /* probability dropped by that truncation over the horizon */
};

/* Solve m with `nodes` Gauss-Legendre nodes on each smooth piece of the period
 * ([0, lead_min], [lead_min, lead_max], [lead_max, 1]) and period demand truncated
 * where its tail mass falls below `tail`. Returns 0, or -1 (with a message on stderr)
 * for a model it cannot solve. */
int markov_ss_solve(const struct markov_ss_model *m, size_t nodes, double tail, struct markov_ss_result *r);

#endif
