/* curve.c - the optimum is refined by the parabola through the best grid point and
 * its two neighbours. Because the middle point is the highest of the three, that
 * parabola is concave, its vertex lies between the neighbours, and the profit it
 * predicts there is never below the best grid point's (a least-squares fit through
 * more points could put the "refined" peak below the best point actually measured). */
#include "curve.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

static double mean_profit(const double *profit, size_t i, size_t reps)
{
    double s = 0;
    for (size_t r = 0; r < reps; r++) s += profit[i * reps + r];
    return s / (double)reps;
}

bool curve_significantly_below(const double *profit, size_t p, size_t best, size_t reps, size_t stride)
{
    if (p == best) return false;
    if (reps < 2) return true;
    double mean = 0, m2 = 0;
    for (size_t r = 0; r < reps; r++) {
        double d = profit[(best * reps + r) * stride] - profit[(p * reps + r) * stride];
        double delta = d - mean;
        mean += delta / (double)(r + 1);
        m2 += delta * (d - mean);
    }
    double sd = sqrt(m2 / (double)(reps - 1));
    double half = gsl_cdf_tdist_Pinv(0.975, (double)(reps - 1)) * sd / sqrt((double)reps);
    return mean - half > 0;
}

/* Fit y = a + b t + c t^2 (t = x - x0) by least squares (through three points: the
 * parabola through them); returns false if singular. */
static bool fit_parabola(const double *x, const double *y, size_t lo, size_t hi, double x0, double *a, double *b,
                         double *c)
{
    double s[5] = {0}, r[3] = {0};
    for (size_t i = lo; i <= hi; i++) {
        double t = x[i] - x0, p = 1;
        for (int k = 0; k < 5; k++, p *= t) {
            s[k] += p;
            if (k < 3) r[k] += p * y[i];
        }
    }
    /* normal equations [s0 s1 s2; s1 s2 s3; s2 s3 s4] [a b c]' = r, by Cramer's rule */
    double m[3][3] = {{s[0], s[1], s[2]}, {s[1], s[2], s[3]}, {s[2], s[3], s[4]}};
    double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                 m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (fabs(det) < 1e-300) return false;
    double coef[3];
    for (int col = 0; col < 3; col++) {
        double q[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) q[i][j] = j == col ? r[i] : m[i][j];
        coef[col] =
            (q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) - q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0]) +
             q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0])) /
            det;
    }
    *a = coef[0], *b = coef[1], *c = coef[2];
    return true;
}

static void refine(const double *x, const double *service, const double *means, size_t n, struct curve_optimum *out);

void curve_optimum(const double *x, const double *service, const double *profit, size_t n, size_t reps,
                   struct curve_optimum *out)
{
    double *means = malloc(n * sizeof *means);
    if (!means) abort();
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        means[i] = mean_profit(profit, i, reps);
        if (means[i] > means[best]) best = i;
    }
    *out = (struct curve_optimum){.best = best, .x = x[best], .service = service[best], .profit = means[best]};
    out->at_lower_edge = best == 0;
    out->at_upper_edge = best == n - 1;
    out->tie_first = out->tie_last = best;
    while (out->tie_first > 0 && !curve_significantly_below(profit, out->tie_first - 1, best, reps, 1))
        out->tie_first--;
    while (out->tie_last + 1 < n && !curve_significantly_below(profit, out->tie_last + 1, best, reps, 1))
        out->tie_last++;

    refine(x, service, means, n, out);
    free(means);
}

/* Neighbours farther apart on one side than this many times the other: no refinement.
 * On such a grid (values = 0.95, 0.99, 0.995) the far point's noise and the curve's
 * bend over the wide gap place the vertex, and a planner's run found the "refined"
 * peak less profitable, simulated, than the best grid point. */
static const double REFINE_SPACING_RATIO = 2;

/* The parabola's vertex, if it is a maximum inside the points used. */
static void refine(const double *x, const double *service, const double *means, size_t n, struct curve_optimum *out)
{
    size_t best = out->best;
    if (out->at_lower_edge || out->at_upper_edge || n < 3) return;
    size_t lo = best - 1, hi = best + 1;
    double left = fabs(x[best] - x[lo]), right = fabs(x[hi] - x[best]);
    if (fmax(left, right) > REFINE_SPACING_RATIO * fmin(left, right)) return;
    double a, b, c;
    if (!fit_parabola(x, means, lo, hi, x[best], &a, &b, &c) || !(c < 0)) return;
    double t = -b / (2 * c), xv = x[best] + t;
    if (xv < fmin(x[lo], x[hi]) || xv > fmax(x[lo], x[hi])) return;
    /* service at the vertex: linear between the two grid points around it */
    size_t j = lo;
    while (j + 1 < hi && !((x[j] <= xv && xv <= x[j + 1]) || (x[j] >= xv && xv >= x[j + 1]))) j++;
    double w = (xv - x[j]) / (x[j + 1] - x[j]);
    out->refined = true;
    out->x = xv;
    out->service = service[j] + w * (service[j + 1] - service[j]);
    out->profit = a + b * t + c * t * t;
}

double curve_cost_per_point(const double *service, const double *cost, size_t from, size_t to)
{
    return (cost[to] - cost[from]) / (100 * (service[to] - service[from]));
}

void curve_marginal_cost(const double *service, const double *cost, size_t n, double *out)
{
    for (size_t i = 0; i < n; i++) {
        double ds = i ? service[i] - service[i - 1] : 0;
        out[i] = ds > 1e-9 ? curve_cost_per_point(service, cost, i - 1, i) : NAN;
    }
}
