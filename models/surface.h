/* surface.h - reading a profit surface: the best pair of two levers, the peak refined
 * between grid points, and the pairs whose profit is not significantly below the best.
 *
 * Input is a two-lever sweep: n1 x n2 grid points, point p = i * n2 + j at first-lever
 * value x1[i] and second-lever value x2[j] (each ascending or descending as given),
 * each with the profits of `reps` replications run on common random numbers. Knows no
 * file formats; the one-lever reading is models/curve.h.
 */
#ifndef MODELS_SURFACE_H
#define MODELS_SURFACE_H

#include <stdbool.h>
#include <stddef.h>

struct surface_optimum {
    size_t best, best1, best2; /* grid point with the highest mean profit; its row and column */
    bool at_edge1, at_edge2;   /* best1 (best2) is the first or last value of its lever */
    bool refined;              /* the quadratic through the 3 x 3 points around the best has its
                                  maximum inside them, at a profit >= the best point's */
    double x1, x2, profit;     /* the refined peak (or the best grid point if not refined) */
    size_t near;               /* grid points not significantly below the best (it included) */
};

/* profit[(p * reps + r) * stride] is point p's profit in replication r. near (n1 * n2
 * entries) is set true where the point's profit is not significantly below the best's
 * (paired 95% confidence interval of the difference over replications; with one
 * replication only the best). */
void surface_optimum(const double *x1, size_t n1, const double *x2, size_t n2, const double *profit, size_t reps,
                     size_t stride, bool *near, struct surface_optimum *out);

#endif
