/* fit.h - fitting a distribution to observed values (order gaps, order sizes) by
 * maximum likelihood, with GSL: exponential, gamma and lognormal, the best chosen by
 * AIC; their mean and sd with 95% confidence half-widths (the delta method on the
 * inverse Fisher information); and a Kolmogorov-Smirnov statistic for the fit.
 * Knows nothing about logistics: values in, a struct dist out.
 */
#ifndef SIM_FIT_H
#define SIM_FIT_H

#include "dist.h"

#include <stdbool.h>
#include <stddef.h>

enum { FIT_MIN_VALUES = 10 };

struct fit {
    struct dist d;                       /* what was fitted: gamma(mean, sd), ..., or a constant */
    const char *family;                  /* "exponential", "gamma", "lognormal", "constant" */
    size_t n;                            /* values fitted */
    double mean, mean_ci95, sd, sd_ci95; /* of the fitted distribution, with 95% half-widths */
    double aic;
    double ks_d;  /* largest gap between the data's and the fit's cumulative distribution */
    double ks_p;  /* its Kolmogorov p-value: approximate, and high, since the parameters
                     came from the same data */
    bool integer; /* every value is a whole number: the fit is compared rounded */
};

/* Fit the family called `family` ("exponential", "gamma", "lognormal") or, with NULL,
 * the best of them by AIC, to x[0..n) (borrowed; n >= FIT_MIN_VALUES, every value >= 0;
 * a zero allows only the exponential). Values that are all equal give a constant.
 * Returns 0, or -1 with the problem in err. */
int fit_values(const double *x, size_t n, const char *family, struct fit *out, char *err, size_t errlen);

/* Kolmogorov's limiting distribution: P(sqrt(n) D > lambda), for a p-value. */
double fit_kolmogorov_q(double lambda);

#endif
