/* fit.c - maximum likelihood fits of fit.h. Gamma: Newton's method on the shape k,
 * solving log k - psi(k) = log(mean) - mean(log x), from Minka's starting value;
 * lognormal: the mean and sd of the logs; exponential: the mean. */
#include "fit.h"
#include "lang/lang.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const double Z95 = 1.959963984540054;

double fit_kolmogorov_q(double lambda)
{
    if (lambda < 0.2) return 1;
    double sum = 0, sign = 1;
    for (int k = 1; k <= 100; k++) {
        double term = sign * exp(-2.0 * k * k * lambda * lambda);
        sum += term;
        if (fabs(term) < 1e-12) break;
        sign = -sign;
    }
    double q = 2 * sum;
    return q < 0 ? 0 : q > 1 ? 1 : q;
}

/* The fitted cumulative distribution at v. */
static double cdf(const struct fit *f, double v)
{
    if (v <= 0) return 0;
    if (strcmp(f->family, "exponential") == 0) return gsl_cdf_exponential_P(v, f->mean);
    if (strcmp(f->family, "gamma") == 0) return gsl_cdf_gamma_P(v, f->d.a, f->d.b);
    return gsl_cdf_lognormal_P(v, f->d.a, f->d.b);
}

/* Kolmogorov-Smirnov distance between sorted x[0..n) and the fit. With whole-number
 * data the fit is compared rounded to whole numbers: its cumulative probability at
 * value v is F(v + 0.5). Ties are a single step of the data's distribution. */
static void ks(const double *sorted, size_t n, struct fit *f)
{
    double half = f->integer ? 0.5 : 0, d = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && sorted[j] == sorted[i]) j++;
        double below = (double)i / (double)n, upto = (double)j / (double)n;
        double lo = fabs(below - cdf(f, sorted[i] - half)), hi = fabs(upto - cdf(f, sorted[i] + half));
        if (lo > d) d = lo;
        if (hi > d) d = hi;
        i = j;
    }
    double rn = sqrt((double)n);
    f->ks_d = d;
    f->ks_p = fit_kolmogorov_q((rn + 0.12 + 0.11 / rn) * d);
}

static int make(struct fit *f, const char *family, const double *params, size_t np, char *err, size_t errlen)
{
    f->family = family;
    return dist_init(&f->d, dist_type_find(family), params, np, err, errlen);
}

static int fit_exponential(const double *x, size_t n, struct fit *f, char *err, size_t errlen)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += x[i];
    double m = sum / (double)n, rn = (double)n;
    if (make(f, "exponential", (double[]){m}, 1, err, errlen) != 0) return -1;
    f->mean = f->sd = m;
    f->mean_ci95 = f->sd_ci95 = Z95 * m / sqrt(rn); /* the MLE of the mean has variance m^2/n */
    f->aic = 2 - 2 * rn * (-log(m) - 1);
    return 0;
}

static int fit_gamma(const double *x, size_t n, struct fit *f, char *err, size_t errlen)
{
    double sum = 0, sumlog = 0, rn = (double)n;
    for (size_t i = 0; i < n; i++) sum += x[i], sumlog += log(x[i]);
    double m = sum / rn, s = log(m) - sumlog / rn;
    if (!(s > 0)) {
        snprintf(err, errlen, _("the values are too alike for a gamma fit"));
        return -1;
    }
    double k = (3 - s + sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
    for (int it = 0; it < 50; it++) {
        double g = log(k) - gsl_sf_psi(k) - s, dg = 1 / k - gsl_sf_psi_1(k);
        double next = k - g / dg;
        if (!(next > 0)) next = k / 2;
        if (fabs(next - k) < 1e-12 * k) {
            k = next;
            break;
        }
        k = next;
    }
    double theta = m / k, sd = sqrt(k) * theta;
    if (make(f, "gamma", (double[]){m, sd}, 2, err, errlen) != 0) return -1;
    /* inverse Fisher information of (k, theta), then the delta method for sd = sqrt(k) theta */
    double psi1 = gsl_sf_psi_1(k), det = rn * (k * psi1 - 1);
    double vk = k / det, vt = theta * theta * psi1 / det, cov = -theta / det;
    double vsd = theta * theta / (4 * k) * vk + k * vt + theta * cov;
    f->mean = m, f->sd = sd;
    f->mean_ci95 = Z95 * sd / sqrt(rn);
    f->sd_ci95 = Z95 * sqrt(vsd > 0 ? vsd : 0);
    double ll = (k - 1) * sumlog - sum / theta - rn * (gsl_sf_lngamma(k) + k * log(theta));
    f->aic = 4 - 2 * ll;
    return 0;
}

static int fit_lognormal(const double *x, size_t n, struct fit *f, char *err, size_t errlen)
{
    double rn = (double)n, mu = 0, ss = 0, sumlog = 0;
    for (size_t i = 0; i < n; i++) sumlog += log(x[i]);
    mu = sumlog / rn;
    for (size_t i = 0; i < n; i++) ss += (log(x[i]) - mu) * (log(x[i]) - mu);
    double sigma = sqrt(ss / rn);
    if (!(sigma > 0)) {
        snprintf(err, errlen, _("the values are too alike for a lognormal fit"));
        return -1;
    }
    double e = exp(sigma * sigma), m = exp(mu + sigma * sigma / 2), sd = m * sqrt(e - 1);
    if (make(f, "lognormal", (double[]){m, sd}, 2, err, errlen) != 0) return -1;
    /* mu and sigma are independent with variances sigma^2/n and sigma^2/(2n) */
    double vmu = sigma * sigma / rn, vsig = sigma * sigma / (2 * rn);
    double dm_dsig = m * sigma, dsd_dsig = sd * sigma + m * sigma * e / sqrt(e - 1);
    f->mean = m, f->sd = sd;
    f->mean_ci95 = Z95 * sqrt(m * m * vmu + dm_dsig * dm_dsig * vsig);
    f->sd_ci95 = Z95 * sqrt(sd * sd * vmu + dsd_dsig * dsd_dsig * vsig);
    double ll = -sumlog - rn * (log(sigma) + 0.5 * log(2 * M_PI)) - ss / (2 * sigma * sigma);
    f->aic = 4 - 2 * ll;
    return 0;
}

int fit_values(const double *x, size_t n, const char *family, struct fit *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (n < FIT_MIN_VALUES) {
        snprintf(err, errlen,
                 P_("%zu value: too few to fit a distribution (at least %d)",
                    "%zu values: too few to fit a distribution (at least %d)", n),
                 n, FIT_MIN_VALUES);
        return -1;
    }
    double *sorted = malloc(n * sizeof *sorted);
    if (!sorted) abort();
    memcpy(sorted, x, n * sizeof *x);
    gsl_sort(sorted, 1, n);
    bool integer = true;
    for (size_t i = 0; i < n; i++) integer &= sorted[i] == floor(sorted[i]);
    int rc = 0;
    if (sorted[0] == sorted[n - 1]) { /* all alike: nothing to fit */
        dist_constant(&out->d, sorted[0]);
        out->family = "constant";
        out->mean = sorted[0];
    } else if (sorted[0] < 0) {
        snprintf(err, errlen, _("negative values cannot be fitted"));
        rc = -1;
    } else {
        int (*const fns[])(const double *, size_t, struct fit *, char *, size_t) = {fit_exponential, fit_gamma,
                                                                                    fit_lognormal};
        const char *names[] = {"exponential", "gamma", "lognormal"};
        bool any = false;
        char why[200] = "";
        for (size_t i = 0; i < 3; i++) {
            if (family && strcmp(family, names[i]) != 0) continue;
            if (i > 0 && sorted[0] == 0) {
                snprintf(why, sizeof why, _("a value of 0 allows only an exponential fit"));
                continue;
            }
            struct fit f = {0};
            if (fns[i](x, n, &f, why, sizeof why) != 0) continue;
            if (!any || f.aic < out->aic) *out = f, any = true;
        }
        if (!any) {
            snprintf(err, errlen, "%s", *why ? why : _("no family fits"));
            rc = -1;
        }
    }
    if (rc == 0) {
        out->n = n;
        out->integer = integer;
        if (strcmp(out->family, "constant") != 0) ks(sorted, n, out);
    }
    free(sorted);
    return rc;
}
