/* series.c - the structure of a daily series (series.h). */
#include "series.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdlib.h>

void series_autocovariances(const double *x, size_t n, size_t maxlag, double *g)
{
    double mean = 0;
    for (size_t t = 0; t < n; t++) mean += x[t];
    mean /= (double)(n ? n : 1);
    for (size_t k = 0; k <= maxlag; k++) {
        double s = 0;
        for (size_t t = 0; t + k < n; t++) s += (x[t] - mean) * (x[t + k] - mean);
        g[k] = n ? s / (double)n : 0;
    }
}

double series_sum_variance(const double *g, size_t L)
{
    if (L == 0) return 0;
    double v = (double)L * g[0];
    for (size_t k = 1; k < L; k++) v += 2 * (double)(L - k) * g[k];
    return v > 0 ? v : 0;
}

/* Lag-1 autocorrelation of x (mean removed); 0 if x is constant. */
static double lag1(const double *x, size_t n)
{
    double g[2];
    series_autocovariances(x, n, 1, g);
    return g[0] > 0 ? g[1] / g[0] : 0;
}

/* Flat-top lag window of Politis & Romano: 1 up to 1/2, then down to 0 at 1. */
static double flat_top(double t)
{
    t = fabs(t);
    return t <= 0.5 ? 1 : t <= 1 ? 2 * (1 - t) : 0;
}

size_t series_block_length(const double *x, size_t n)
{
    if (n < 4) return 1;
    double sqn = sqrt((double)n), lg = log10((double)n);
    size_t kn = (size_t)fmax(5, ceil(sqrt(lg)));
    size_t mmax = (size_t)ceil(sqn) + kn;
    if (mmax + kn >= n) mmax = n > kn + 1 ? n - kn - 1 : 1;
    double bmax = ceil(fmin(3 * sqn, (double)n / 3));
    double *g = malloc((mmax + kn + 1) * sizeof *g);
    if (!g) abort();
    series_autocovariances(x, n, mmax + kn, g);
    if (!(g[0] > 0)) {
        free(g);
        return 1;
    }
    /* m: the smallest lag after which kn autocorrelations in a row are insignificant
       (|r| < 2 sqrt(log10 n / n)); else the last significant lag */
    double bound = 2 * sqrt(lg / (double)n);
    size_t m = 0, last = 0;
    bool found = false;
    for (size_t k = 1; k <= mmax + kn; k++)
        if (fabs(g[k] / g[0]) >= bound) last = k;
    for (size_t start = 1; start + kn - 1 <= mmax + kn && !found; start++) {
        size_t k = 0;
        while (k < kn && fabs(g[start + k] / g[0]) < bound) k++;
        if (k == kn) m = start - 1, found = true;
    }
    if (!found) m = last;
    size_t big_m = 2 * m > mmax ? mmax : 2 * m;
    double g0 = 0, big_g = 0;
    for (size_t k = 0; k <= big_m; k++) {
        double w = big_m ? flat_top((double)k / (double)big_m) : (k == 0);
        g0 += (k ? 2 : 1) * w * g[k];
        big_g += 2 * w * (double)k * g[k];
    }
    free(g);
    double d = 4.0 / 3.0 * g0 * g0;
    if (!(d > 0)) return 1;
    double b = pow(2 * big_g * big_g / d, 1.0 / 3.0) * pow((double)n, 1.0 / 3.0);
    b = ceil(b);
    if (b > bmax) b = bmax;
    return b < 1 || !isfinite(b) ? 1 : (size_t)b;
}

void series_analyse(const double *x, size_t n, struct series_structure *s)
{
    *s = (struct series_structure){.n = n, .slope_p = 1, .weekly_p = 1, .ljung_box_p = 1, .block_days = 1};
    s->acf[0] = 1;
    for (int c = 0; c < 7; c++) s->weekday_factor[c] = 1;
    if (n == 0) return;
    double mean = 0;
    for (size_t t = 0; t < n; t++) mean += x[t];
    mean /= (double)n;
    s->mean = mean;
    double g[SERIES_LAGS + 1];
    series_autocovariances(x, n, SERIES_LAGS, g);
    for (int k = 1; k <= SERIES_LAGS; k++) s->acf[k] = g[0] > 0 ? g[k] / g[0] : 0;
    s->acf_bound = 1.96 / sqrt((double)n);
    s->block_days = series_block_length(x, n);
    if (n < 21 || !(g[0] > 0)) return;

    /* the trend by least squares; d: the days without it; e: without the weekday means too */
    double *tt = malloc(n * sizeof *tt), *d = malloc(n * sizeof *d), *e = malloc(n * sizeof *e);
    if (!tt || !d || !e) abort();
    for (size_t t = 0; t < n; t++) tt[t] = (double)t;
    double c0, c1, cov00, cov01, cov11, sumsq;
    gsl_fit_linear(tt, 1, x, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
    double wsum[7] = {0}, wn[7] = {0}, xsum[7] = {0};
    for (size_t t = 0; t < n; t++) {
        d[t] = x[t] - (c0 + c1 * (double)t);
        wsum[t % 7] += d[t], xsum[t % 7] += x[t], wn[t % 7]++;
    }
    double ssb = 0, ssw = 0;
    for (size_t t = 0; t < n; t++) e[t] = d[t] - wsum[t % 7] / wn[t % 7];
    for (int c = 0; c < 7; c++) {
        double wm = wsum[c] / wn[c];
        ssb += wn[c] * wm * wm; /* d has mean 0 */
        s->weekday_factor[c] = mean > 0 ? xsum[c] / wn[c] / mean : 1;
    }
    for (size_t t = 0; t < n; t++) ssw += e[t] * e[t];
    double r = lag1(e, n);
    s->resid_lag1 = r;
    double rp = r > 0 ? r : 0;

    /* trend: t with the effective sample size */
    s->slope = c1;
    double neff = (double)n * (1 - rp) / (1 + rp);
    if (cov11 > 0 && neff > 3) {
        double se = sqrt(cov11 * ((double)n - 2) / (neff - 2));
        s->slope_t = c1 / se;
        s->slope_p = 2 * gsl_cdf_tdist_Q(fabs(s->slope_t), neff - 2);
    } else if (!(cov11 > 0)) { /* a perfect line */
        s->slope_t = c1 != 0 ? INFINITY : 0;
        s->slope_p = c1 != 0 ? 0 : 1;
    }
    s->trend = s->slope_p < SERIES_ALPHA;

    /* weekly pattern: F of the weekday means of d, deflated for AR(1) days 7 apart */
    if (ssw > 0) {
        double r7 = pow(rp, 7), inflate = (1 + r7) / (1 - r7);
        s->weekly_f = (ssb / 6) / (ssw / ((double)n - 7)) / inflate;
        s->weekly_p = gsl_cdf_fdist_Q(s->weekly_f, 6, (double)n - 7);
    } else if (ssb > 0) {
        s->weekly_f = INFINITY, s->weekly_p = 0;
    }
    s->weekly = s->weekly_p < SERIES_ALPHA;

    /* autocorrelation: Ljung-Box over lags 1..7 of e */
    double ge[SERIES_LAGS + 1], q = 0;
    series_autocovariances(e, n, SERIES_LAGS, ge);
    if (ge[0] > 0) {
        for (int k = 1; k <= SERIES_LAGS; k++) {
            double rk = ge[k] / ge[0];
            q += rk * rk / (double)(n - (size_t)k);
        }
        q *= (double)n * ((double)n + 2);
        s->ljung_box_q = q;
        s->ljung_box_p = gsl_cdf_chisq_Q(q, SERIES_LAGS);
    }
    s->autocorrelated = s->ljung_box_p < SERIES_ALPHA;
    free(tt), free(d), free(e);
}
