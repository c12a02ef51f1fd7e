/* surface.c - the peak is refined by the least-squares quadratic
 * z = a + b1 u + b2 v + c11 u^2 + c12 u v + c22 v^2 through the 3 x 3 points around the
 * best one (u, v: the levers, centred on the best point and scaled by the grid's
 * spacing there, so that the normal equations are well conditioned). The fit is kept
 * only when it is concave, its vertex lies inside the 3 x 3 block, and the profit it
 * predicts there is not below the best point's: a least-squares fit through nine
 * points could otherwise put a "refined" peak below the best point measured. */
#include "surface.h"
#include "curve.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

static double profit_at(const double *profit, size_t p, size_t r, size_t reps, size_t stride)
{
    return profit[(p * reps + r) * stride];
}

/* Solve the k x k system a x = b (a row-major, both overwritten) by Gaussian elimination
 * with partial pivoting; false if singular. */
static bool solve(double *a, double *b, size_t k)
{
    for (size_t c = 0; c < k; c++) {
        size_t piv = c;
        for (size_t r = c + 1; r < k; r++)
            if (fabs(a[r * k + c]) > fabs(a[piv * k + c])) piv = r;
        if (fabs(a[piv * k + c]) < 1e-12) return false;
        if (piv != c) {
            for (size_t j = 0; j < k; j++) {
                double t = a[c * k + j];
                a[c * k + j] = a[piv * k + j], a[piv * k + j] = t;
            }
            double t = b[c];
            b[c] = b[piv], b[piv] = t;
        }
        for (size_t r = c + 1; r < k; r++) {
            double f = a[r * k + c] / a[c * k + c];
            for (size_t j = c; j < k; j++) a[r * k + j] -= f * a[c * k + j];
            b[r] -= f * b[c];
        }
    }
    for (size_t c = k; c-- > 0;) {
        for (size_t j = c + 1; j < k; j++) b[c] -= a[c * k + j] * b[j];
        b[c] /= a[c * k + c];
    }
    return true;
}

/* The quadratic's vertex, if it is a maximum inside the 3 x 3 block around the best. */
static void refine(const double *x1, size_t n1, const double *x2, size_t n2, const double *means,
                   struct surface_optimum *out)
{
    size_t bi = out->best1, bj = out->best2;
    if (out->at_edge1 || out->at_edge2 || n1 < 3 || n2 < 3) return;
    double h1 = (x1[bi + 1] - x1[bi - 1]) / 2, h2 = (x2[bj + 1] - x2[bj - 1]) / 2;
    double ata[36] = {0}, atb[6] = {0};
    for (size_t i = bi - 1; i <= bi + 1; i++)
        for (size_t j = bj - 1; j <= bj + 1; j++) {
            double u = (x1[i] - x1[bi]) / h1, v = (x2[j] - x2[bj]) / h2;
            double f[6] = {1, u, v, u * u, u * v, v * v}, z = means[i * n2 + j];
            for (size_t a = 0; a < 6; a++) {
                atb[a] += f[a] * z;
                for (size_t b = 0; b < 6; b++) ata[a * 6 + b] += f[a] * f[b];
            }
        }
    if (!solve(ata, atb, 6)) return;
    double a0 = atb[0], b1 = atb[1], b2 = atb[2], c11 = atb[3], c12 = atb[4], c22 = atb[5];
    /* gradient 0: [2c11 c12; c12 2c22] [u v]' = -[b1 b2]'; a maximum when negative definite */
    double det = 4 * c11 * c22 - c12 * c12;
    if (!(c11 < 0) || !(det > 0)) return;
    double u = (-b1 * 2 * c22 + b2 * c12) / det, v = (-b2 * 2 * c11 + b1 * c12) / det;
    double lo1 = (x1[bi - 1] - x1[bi]) / h1, hi1 = (x1[bi + 1] - x1[bi]) / h1;
    double lo2 = (x2[bj - 1] - x2[bj]) / h2, hi2 = (x2[bj + 1] - x2[bj]) / h2;
    if (u < fmin(lo1, hi1) || u > fmax(lo1, hi1) || v < fmin(lo2, hi2) || v > fmax(lo2, hi2)) return;
    double z = a0 + b1 * u + b2 * v + c11 * u * u + c12 * u * v + c22 * v * v;
    if (!(z >= means[out->best])) return;
    out->refined = true;
    out->x1 = x1[bi] + u * h1;
    out->x2 = x2[bj] + v * h2;
    out->profit = z;
}

void surface_optimum(const double *x1, size_t n1, const double *x2, size_t n2, const double *profit, size_t reps,
                     size_t stride, bool *near, struct surface_optimum *out)
{
    size_t n = n1 * n2;
    double *means = malloc(n * sizeof *means);
    if (!means) abort();
    size_t best = 0;
    for (size_t p = 0; p < n; p++) {
        double s = 0;
        for (size_t r = 0; r < reps; r++) s += profit_at(profit, p, r, reps, stride);
        means[p] = s / (double)reps;
        if (means[p] > means[best]) best = p;
    }
    size_t bi = best / n2, bj = best % n2;
    *out = (struct surface_optimum){.best = best,
                                    .best1 = bi,
                                    .best2 = bj,
                                    .at_edge1 = bi == 0 || bi == n1 - 1,
                                    .at_edge2 = bj == 0 || bj == n2 - 1,
                                    .x1 = x1[bi],
                                    .x2 = x2[bj],
                                    .profit = means[best]};
    for (size_t p = 0; p < n; p++) {
        near[p] = !curve_significantly_below(profit, p, best, reps, stride);
        out->near += near[p];
    }
    refine(x1, n1, x2, n2, means, out);
    free(means);
}
