/* curve.h - reading a service curve: where profit peaks, how sure we are, and what
 * each extra point of service costs (the law of diminishing returns).
 *
 * Input is a sweep: n grid points (x = the lever, ascending as given), each with the
 * per-replication profits of `reps` replications run on common random numbers, and
 * the mean service level and service cost per point. Knows no file formats.
 */
#ifndef MODELS_CURVE_H
#define MODELS_CURVE_H

#include <stdbool.h>
#include <stddef.h>

struct curve_optimum {
    size_t best; /* grid point with the highest mean profit */
    bool at_lower_edge, at_upper_edge;
    bool refined;               /* the parabola through the best point and its neighbours put
                                   the peak between grid points (profit >= the best point's) */
    double x, service, profit;  /* the refined peak (or the best grid point if not refined) */
    size_t tie_first, tie_last; /* grid points whose profit is not significantly below the best
                                   (paired 95% confidence interval of the difference) */
};

/* Is point p's profit significantly below point best's: does the paired 95% interval of
 * (best - p) over the replications lie above 0? profit[(p * reps + r) * stride] is point
 * p's profit in replication r. With one replication every other point counts as below. */
bool curve_significantly_below(const double *profit, size_t p, size_t best, size_t reps, size_t stride);

/* profit[i * reps + r] is point i's profit in replication r; x and service have n
 * entries. */
void curve_optimum(const double *x, const double *service, const double *profit, size_t n, size_t reps,
                   struct curve_optimum *out);

/* (cost[to] - cost[from]) / (100 * (service[to] - service[from])): the extra cost of
 * one more percentage point of service between two points of a curve. */
double curve_cost_per_point(const double *service, const double *cost, size_t from, size_t to);

/* out[i] = curve_cost_per_point(service, cost, i - 1, i): the extra cost of one more
 * percentage point of service on the way to point i. NaN for point 0 and where service
 * did not rise. */
void curve_marginal_cost(const double *service, const double *cost, size_t n, double *out);

#endif
