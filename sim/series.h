/* series.h - the structure of a daily series (a demand history's daily totals): its
 * linear trend, its weekly pattern, its autocorrelation, and the block length of a
 * moving-block bootstrap. Pure functions on an array of doubles; day t of the series
 * is day t mod 7 of its week (day 0 is the series' first day).
 *
 * What counts as structure that matters (series_analyse sets trend, weekly and
 * autocorrelated): a test significant at the 1% level (SERIES_ALPHA), each test
 * allowing for the other structures, so that one kind of structure does not pass
 * for another:
 *   - trend: the OLS slope's t test, its standard error widened for autocorrelated
 *     residuals by the effective sample size n (1 - r) / (1 + r), r the lag-1
 *     autocorrelation of what is left after the trend and the weekday means (Santer
 *     et al. 2000, "Statistical significance of trends and trend differences in
 *     layer-average atmospheric temperature time series");
 *   - weekly pattern: one-way analysis of variance of the detrended days by weekday
 *     (F test), F divided by (1 + r^7) / (1 - r^7), the variance of a weekday mean of
 *     AR(1) days 7 apart over that of independent days;
 *   - autocorrelation: the Ljung-Box test over lags 1..7 of what is left after the
 *     trend and the weekday means.
 */
#ifndef SIM_SERIES_H
#define SIM_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#define SERIES_ALPHA 0.01
enum { SERIES_LAGS = 7 };

struct series_structure {
    size_t n;
    double mean;
    /* trend: units per day per day, its t statistic (autocorrelation-adjusted) and p */
    double slope, slope_t, slope_p;
    bool trend;
    /* weekly pattern: each weekday's mean over the overall mean (days t mod 7), F, p */
    double weekday_factor[7], weekly_f, weekly_p;
    bool weekly;
    /* autocorrelation of the series as recorded at lags 1..SERIES_LAGS ([0] is 1), the
       95% bound of independent days (1.96 / sqrt n), and the test on what is left after
       trend and weekday means: its lag-1 autocorrelation, Ljung-Box Q and p */
    double acf[SERIES_LAGS + 1], acf_bound;
    double resid_lag1, ljung_box_q, ljung_box_p;
    bool autocorrelated;
    size_t block_days; /* series_block_length */
};

/* Analyse x[0..n-1] (n >= 1; with fewer than 3 weeks nothing is significant). */
void series_analyse(const double *x, size_t n, struct series_structure *s);

/* Autocovariances g[0..maxlag] of x about its mean, divided by n (the estimate that
 * keeps every variance of a sum below non-negative); lags past n - 1 are 0. */
void series_autocovariances(const double *x, size_t n, size_t maxlag, double *g);

/* Var(sum of L consecutive days) = L g0 + 2 sum_{k=1}^{L-1} (L - k) gk, from g[0..L-1];
 * at least 0. */
double series_sum_variance(const double *g, size_t L);

/* The moving-block bootstrap's block length by Politis & White (2004), "Automatic
 * block-length selection for the dependent bootstrap", with the correction of Patton,
 * Politis & White (2009): the circular/moving-block estimate
 * b = (2 G^2 / D)^(1/3) n^(1/3), D = (4/3) g(0)^2, from flat-top lag-window sums of the
 * autocovariances; 1 for n < 4, at most min(3 sqrt n, n / 3). */
size_t series_block_length(const double *x, size_t n);

#endif
