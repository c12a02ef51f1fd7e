/* dist.c - the distribution families of docs/contract.md §2. Each family validates its own
 * parameters (GSL's samplers accept nonsense such as a negative gamma shape) and knows
 * its exact mean and variance, which the service levers use to set reorder points. */
#include "dist.h"
#include "lang/lang.h"
#include "num.h"
#include "rng.h"

#include <assert.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(char *err, size_t n, const struct dist *d, const char *what, double got)
{
    char g[32];
    /* the parameter as the student wrote it, without an exponent: "got -0.00001" */
    snprintf(err, n, _("%s: %s, got %s"), d->type->signature, what, num_plain(got, g, sizeof g));
    return -1;
}

/* ---- constant(v) ---- */
static int constant_prepare(struct dist *d, char *err, size_t n)
{
    (void)err, (void)n, (void)d;
    return 0;
}
static double constant_sample(const struct dist *d, gsl_rng *r)
{
    (void)r;
    return d->p[0];
}
static double constant_mean(const struct dist *d)
{
    return d->p[0];
}
static double zero_variance(const struct dist *d)
{
    (void)d;
    return 0;
}
static double constant_lowest(const struct dist *d)
{
    return d->p[0];
}
static double zero_lowest(const struct dist *d)
{
    (void)d;
    return 0;
}

/* Residual life: length-biased draw times a uniform fraction. A constant c is its own
 * length-biased version: U c. */
static double constant_residual(const struct dist *d, gsl_rng *r)
{
    return d->p[0] * gsl_rng_uniform(r);
}

/* ---- exponential(mean) ---- */
static int exponential_prepare(struct dist *d, char *err, size_t n)
{
    if (!(d->p[0] > 0)) return fail(err, n, d, _("mean must be > 0"), d->p[0]);
    return 0;
}
/* mean * -log(1 - u): inversion, one uniform per draw like gsl_ran_exponential, with
 * log(1 - u) in place of GSL's log1p(-u) (the same value to within an ulp, at a third
 * of the cost; 1 - u is exact for u = k / 2^32). */
static double exponential_sample(const struct dist *d, gsl_rng *r)
{
    return d->p[0] * rng_exponential1(r);
}
static double first_param(const struct dist *d)
{
    return d->p[0];
}
static double exponential_variance(const struct dist *d)
{
    return d->p[0] * d->p[0];
}

/* ---- uniform(min, max) ---- */
static int uniform_prepare(struct dist *d, char *err, size_t n)
{
    if (d->p[1] < d->p[0]) return fail(err, n, d, _("max must be >= min"), d->p[1]);
    return 0;
}
static double uniform_sample(const struct dist *d, gsl_rng *r)
{
    return d->p[0] + (d->p[1] - d->p[0]) * gsl_rng_uniform(r);
}
static double uniform_mean(const struct dist *d)
{
    return 0.5 * (d->p[0] + d->p[1]);
}
static double uniform_variance(const struct dist *d)
{
    double w = d->p[1] - d->p[0];
    return w * w / 12;
}

/* ---- triangular(min, mode, max): inverse-CDF sampling ---- */
static int triangular_prepare(struct dist *d, char *err, size_t n)
{
    if (d->p[1] < d->p[0]) return fail(err, n, d, _("mode must be >= min"), d->p[1]);
    if (d->p[2] < d->p[1]) return fail(err, n, d, _("max must be >= mode"), d->p[2]);
    double a = d->p[0], c = d->p[1], b = d->p[2];
    d->a = b > a ? (c - a) / (b - a) : 0; /* the share of draws below the mode */
    return 0;
}
static double triangular_sample(const struct dist *d, gsl_rng *r)
{
    return dist_triangular_sample(d, r);
}
static double triangular_mean(const struct dist *d)
{
    return (d->p[0] + d->p[1] + d->p[2]) / 3;
}
static double triangular_variance(const struct dist *d)
{
    double a = d->p[0], c = d->p[1], b = d->p[2];
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
}

/* ---- normal(mean, sd), negative draws become 0 ---- */
static int normal_prepare(struct dist *d, char *err, size_t n)
{
    if (!(d->p[0] >= 0)) return fail(err, n, d, _("mean must be >= 0 (draws below 0 become 0)"), d->p[0]);
    if (!(d->p[1] >= 0)) return fail(err, n, d, _("sd must be >= 0"), d->p[1]);
    return 0;
}
static double normal_sample(const struct dist *d, gsl_rng *r)
{
    double x = d->p[0] + gsl_ran_gaussian_ziggurat(r, d->p[1]);
    return x > 0 ? x : 0;
}
/* Moments of max(0, X), X ~ N(m, s): E = m Phi(m/s) + s phi(m/s),
 * E[.^2] = (m^2 + s^2) Phi(m/s) + m s phi(m/s). */
static double normal_mean(const struct dist *d)
{
    double m = d->p[0], s = d->p[1];
    if (s == 0) return m;
    double z = m / s;
    return m * gsl_cdf_ugaussian_P(z) + s * gsl_ran_ugaussian_pdf(z);
}
static double normal_variance(const struct dist *d)
{
    double m = d->p[0], s = d->p[1];
    if (s == 0) return 0;
    double z = m / s, mean = normal_mean(d);
    double second = (m * m + s * s) * gsl_cdf_ugaussian_P(z) + m * s * gsl_ran_ugaussian_pdf(z);
    double v = second - mean * mean;
    if (isnan(v)) return v; /* overflowed (inf - inf): not 0, so dist_init refuses it */
    return v > 0 ? v : 0;
}
static double normal_lowest(const struct dist *d)
{
    return d->p[1] > 0 ? 0 : d->p[0];
}

/* A coefficient of variation above this leaves a gamma or lognormal whose draws are
 * nearly all about 0 and whose mean comes from rare enormous draws (a gamma shape of
 * 1e-4): no sample of a simulation's size shows that mean, so it is refused. */
static const double CV_MAX = 100;

/* ---- lognormal(mean, sd) of the quantity itself ---- */
static int lognormal_prepare(struct dist *d, char *err, size_t n)
{
    if (!(d->p[0] > 0)) return fail(err, n, d, _("mean must be > 0"), d->p[0]);
    if (!(d->p[1] >= 0)) return fail(err, n, d, _("sd must be >= 0"), d->p[1]);
    if (!(d->p[1] <= CV_MAX * d->p[0])) return fail(err, n, d, _("sd must be at most 100 times the mean"), d->p[1]);
    double cv = d->p[1] / d->p[0];
    d->b = sqrt(log1p(cv * cv));             /* sigma of the underlying normal */
    d->a = log(d->p[0]) - 0.5 * d->b * d->b; /* zeta */
    return 0;
}
static double lognormal_sample(const struct dist *d, gsl_rng *r)
{
    return d->b > 0 ? gsl_ran_lognormal(r, d->a, d->b) : d->p[0];
}
/* x f(x) of lognormal(zeta, sigma) is proportional to lognormal(zeta + sigma^2, sigma) */
static double lognormal_residual(const struct dist *d, gsl_rng *r)
{
    if (!(d->b > 0)) return d->p[0] * gsl_rng_uniform(r);
    return gsl_ran_lognormal(r, d->a + d->b * d->b, d->b) * gsl_rng_uniform(r);
}
static double sd_squared(const struct dist *d)
{
    return d->p[1] * d->p[1];
}

/* ---- lognormal_log(mu, sigma): the mean and sd of the quantity's logarithm, as
 * textbooks and GSL's gsl_ran_lognormal write it ---- */
static int lognormal_log_prepare(struct dist *d, char *err, size_t n)
{
    /* sigma = sqrt(log(1 + CV_MAX^2)) is the sigma of lognormal(mean, sd) at sd = CV_MAX x mean */
    if (!(d->p[1] > 0))
        return fail(err, n, d, _("sigma must be > 0 (for no spread, write the value exp(mu) alone)"), d->p[1]);
    if (!(d->p[1] <= sqrt(log1p(CV_MAX * CV_MAX))))
        return fail(err, n, d, _("sigma must be at most 3.03 (an sd of 100 times the mean)"), d->p[1]);
    d->a = d->p[0], d->b = d->p[1];
    return 0;
}
static double lognormal_log_sample(const struct dist *d, gsl_rng *r)
{
    return gsl_ran_lognormal(r, d->a, d->b);
}
/* E X = exp(mu + sigma^2 / 2), Var X = (exp(sigma^2) - 1) exp(2 mu + sigma^2) */
static double lognormal_log_mean(const struct dist *d)
{
    return exp(d->p[0] + 0.5 * d->p[1] * d->p[1]);
}
static double lognormal_log_variance(const struct dist *d)
{
    double s2 = d->p[1] * d->p[1];
    return expm1(s2) * exp(2 * d->p[0] + s2);
}

/* ---- gamma(mean, sd) ---- */
static int gamma_prepare(struct dist *d, char *err, size_t n)
{
    if (!(d->p[0] > 0)) return fail(err, n, d, _("mean must be > 0"), d->p[0]);
    if (!(d->p[1] > 0)) return fail(err, n, d, _("sd must be > 0"), d->p[1]);
    if (!(d->p[1] <= CV_MAX * d->p[0])) return fail(err, n, d, _("sd must be at most 100 times the mean"), d->p[1]);
    if (!(d->p[1] >= 1e-6 * d->p[0]))
        return fail(err, n, d, _("sd must be at least a millionth of the mean (for no spread, write the mean alone)"),
                    d->p[1]);
    d->a = (d->p[0] / d->p[1]) * (d->p[0] / d->p[1]); /* shape */
    d->b = d->p[1] * d->p[1] / d->p[0];               /* scale */
    return 0;
}
static double gamma_sample(const struct dist *d, gsl_rng *r)
{
    return gsl_ran_gamma(r, d->a, d->b);
}
/* x f(x) of gamma(shape k, scale theta) is proportional to gamma(k + 1, theta); erlang too */
static double gamma_residual(const struct dist *d, gsl_rng *r)
{
    return gsl_ran_gamma(r, d->a + 1, d->b) * gsl_rng_uniform(r);
}

/* ---- erlang(k, mean): a sum of k exponential phases ---- */
static int erlang_prepare(struct dist *d, char *err, size_t n)
{
    if (!(d->p[0] >= 1) || d->p[0] != floor(d->p[0]) || d->p[0] > 1e6)
        return fail(err, n, d, _("k must be a whole number >= 1"), d->p[0]);
    if (!(d->p[1] > 0)) return fail(err, n, d, _("mean must be > 0"), d->p[1]);
    d->a = d->p[0];
    d->b = d->p[1] / d->p[0];
    return 0;
}
static double erlang_mean(const struct dist *d)
{
    return d->p[1];
}
static double erlang_variance(const struct dist *d)
{
    return d->p[1] * d->p[1] / d->p[0];
}

/* ---- poisson(mean) ---- */
static int poisson_prepare(struct dist *d, char *err, size_t n)
{
    if (!(d->p[0] > 0)) return fail(err, n, d, _("mean must be > 0"), d->p[0]);
    if (d->p[0] > 1e9) return fail(err, n, d, _("mean must be at most 1e+09"), d->p[0]); /* GSL draws unsigned ints */
    return 0;
}
static double poisson_sample(const struct dist *d, gsl_rng *r)
{
    return gsl_ran_poisson(r, d->p[0]);
}

/* ---- geometric(mean): 1, 2, 3, ... with P(k) = p (1-p)^(k-1), p = 1/mean ---- */
static int geometric_prepare(struct dist *d, char *err, size_t n)
{
    if (!(d->p[0] >= 1)) return fail(err, n, d, _("mean must be >= 1 (draws are 1, 2, 3, ...)"), d->p[0]);
    if (d->p[0] > 1e9) return fail(err, n, d, _("mean must be at most 1e+09"), d->p[0]); /* GSL draws unsigned ints */
    d->a = 1 / d->p[0];
    d->b = log(1 - d->a); /* the divisor gsl_ran_geometric computes at every draw */
    return 0;
}
static double geometric_sample(const struct dist *d, gsl_rng *r)
{
    return dist_geometric_sample(d, r);
}
static double geometric_variance(const struct dist *d)
{
    return (1 - d->a) / (d->a * d->a);
}
static double one_lowest(const struct dist *d)
{
    (void)d;
    return 1;
}

/* ---- discrete(v1:w1, v2:w2, ...): the values are in d->table ---- */
static double discrete_sample(const struct dist *d, gsl_rng *r)
{
    const struct dist_table *t = d->table;
    double u = gsl_rng_uniform(r);
    size_t lo = 0, hi = t->k - 1; /* first i with u < cum[i] */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (u < t->cum[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return t->values[lo];
}
static double weight_of(const struct dist_table *t, size_t i)
{
    return t->cum[i] - (i ? t->cum[i - 1] : 0);
}
static double discrete_mean(const struct dist *d)
{
    const struct dist_table *t = d->table;
    double m = 0;
    for (size_t i = 0; i < t->k; i++) m += weight_of(t, i) * t->values[i];
    return m;
}
static double discrete_variance(const struct dist *d)
{
    const struct dist_table *t = d->table;
    double m = discrete_mean(d), v = 0;
    for (size_t i = 0; i < t->k; i++) v += weight_of(t, i) * (t->values[i] - m) * (t->values[i] - m);
    return v;
}
static double discrete_lowest(const struct dist *d)
{
    const struct dist_table *t = d->table;
    double lo = INFINITY;
    for (size_t i = 0; i < t->k; i++)
        if (weight_of(t, i) > 0 && t->values[i] < lo) lo = t->values[i];
    return lo;
}

static double discrete_highest(const struct dist *d)
{
    const struct dist_table *t = d->table;
    double hi = -INFINITY;
    for (size_t i = 0; i < t->k; i++)
        if (weight_of(t, i) > 0 && t->values[i] > hi) hi = t->values[i];
    return hi;
}
static double second_param(const struct dist *d)
{
    return d->p[1];
}
static double third_param(const struct dist *d)
{
    return d->p[2];
}

/* clang-format off */
const struct dist_type dist_type_constant = {"constant", "constant(value)", 1, constant_prepare,
    constant_sample, constant_mean, zero_variance, constant_lowest, constant_residual, constant_lowest};
const struct dist_type dist_type_exponential = {"exponential", "exponential(mean)", 1,
    exponential_prepare, exponential_sample, first_param, exponential_variance, zero_lowest,
    exponential_sample /* memoryless: the residual life is the same exponential */, NULL /* unbounded above */};
static const struct dist_type uniform_type = {"uniform", "uniform(min, max)", 2, uniform_prepare,
    uniform_sample, uniform_mean, uniform_variance, first_param, NULL, second_param};
const struct dist_type dist_type_triangular = {"triangular", "triangular(min, mode, max)", 3,
    triangular_prepare, triangular_sample, triangular_mean, triangular_variance, first_param, NULL, third_param};
static const struct dist_type normal_type = {"normal", "normal(mean, sd)", 2, normal_prepare,
    normal_sample, normal_mean, normal_variance, normal_lowest, NULL, NULL /* unbounded above */};
static const struct dist_type lognormal_type = {"lognormal", "lognormal(mean, sd)", 2,
    lognormal_prepare, lognormal_sample, first_param, sd_squared, zero_lowest, lognormal_residual, NULL /* unbounded above */};
static const struct dist_type lognormal_log_type = {"lognormal_log", "lognormal_log(mu, sigma)", 2,
    lognormal_log_prepare, lognormal_log_sample, lognormal_log_mean, lognormal_log_variance, zero_lowest,
    lognormal_residual, NULL /* unbounded above */};
static const struct dist_type gamma_type = {"gamma", "gamma(mean, sd)", 2, gamma_prepare,
    gamma_sample, first_param, sd_squared, zero_lowest, gamma_residual, NULL /* unbounded above */};
static const struct dist_type erlang_type = {"erlang", "erlang(k, mean)", 2, erlang_prepare,
    gamma_sample, erlang_mean, erlang_variance, zero_lowest, gamma_residual, NULL /* unbounded above */};
static const struct dist_type poisson_type = {"poisson", "poisson(mean)", 1, poisson_prepare,
    poisson_sample, first_param, first_param, zero_lowest, NULL, NULL /* unbounded above */};
const struct dist_type dist_type_geometric = {"geometric", "geometric(mean)", 1,
    geometric_prepare, geometric_sample, first_param, geometric_variance, one_lowest, NULL, NULL /* unbounded above */};
static const struct dist_type discrete_type = {"discrete", "discrete(value:weight, ...)", -1,
    NULL /* dist_table_new checks a table */, discrete_sample, discrete_mean, discrete_variance, discrete_lowest, NULL,
    discrete_highest};

const struct dist_type *const dist_types[] = {&dist_type_constant, &dist_type_exponential, &uniform_type,
    &dist_type_triangular, &normal_type, &lognormal_type, &lognormal_log_type, &gamma_type, &erlang_type, &poisson_type,
    &dist_type_geometric, &discrete_type, NULL};
/* clang-format on */

const struct dist_type *dist_type_find(const char *name)
{
    for (size_t i = 0; dist_types[i]; i++)
        if (strcmp(dist_types[i]->name, name) == 0) return dist_types[i];
    return NULL;
}

/* Refuse non-finite parameters and moments that overflow: both families and tables. */
static int refuse_non_finite(const struct dist_type *t, const double *params, size_t n, char *err, size_t errlen)
{
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(params[i])) {
            snprintf(err, errlen, _("%s: parameters must be finite numbers"), t->signature);
            return -1;
        }
    }
    return 0;
}
static int refuse_overflow(const struct dist *d, char *err, size_t errlen)
{
    /* parameters near the largest double can overflow the moments (uniform(-1e308,
       1e308) has an infinite variance) and then the draws */
    if (!isfinite(dist_mean(d)) || !isfinite(dist_variance(d)) || !isfinite(dist_lowest(d))) {
        snprintf(err, errlen, _("%s: the parameters are too large (the mean or the variance overflows)"),
                 d->type->signature);
        return -1;
    }
    return 0;
}

int dist_init(struct dist *d, const struct dist_type *t, const double *params, size_t n, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    d->type = t;
    if (t->nparams < 0) {
        snprintf(err, errlen, _("%s: a discrete distribution is made from a table (dist_table_new)"), t->signature);
        return -1;
    }
    if (refuse_non_finite(t, params, n, err, errlen) != 0) return -1;
    if (n != (size_t)t->nparams) {
        snprintf(err, errlen, P_("%s takes %d parameter, got %zu", "%s takes %d parameters, got %zu", t->nparams),
                 t->signature, t->nparams, n);
        return -1;
    }
    for (size_t i = 0; i < n; i++) d->p[i] = params[i];
    if (t->prepare(d, err, errlen) != 0) return -1;
    return refuse_overflow(d, err, errlen);
}

struct dist_table *dist_table_new(const double *params, size_t n, char *err, size_t errlen)
{
    const struct dist_type *t = &discrete_type;
    if (refuse_non_finite(t, params, n, err, errlen) != 0) return NULL;
    if (n == 0 || n % 2 != 0) {
        snprintf(err, errlen, _("%s: give value:weight pairs, e.g. discrete(1:0.5, 2:0.5)"), t->signature);
        return NULL;
    }
    size_t k = n / 2;
    if (k > DIST_MAX_VALUES) {
        snprintf(err, errlen, _("%s: at most %d values, got %zu"), t->signature, DIST_MAX_VALUES, k);
        return NULL;
    }
    struct dist probe = {.type = t}; /* for fail()'s signature and the moments */
    double total = 0;
    for (size_t i = 0; i < k; i++) {
        double w = params[2 * i + 1];
        if (!(w >= 0)) {
            fail(err, errlen, &probe, _("weights must be >= 0"), w);
            return NULL;
        }
        total += w;
    }
    if (!(total > 0)) {
        fail(err, errlen, &probe, _("weights must not all be 0"), total);
        return NULL;
    }
    struct dist_table *tab = malloc(sizeof *tab + 3 * k * sizeof tab->data[0]);
    if (!tab) abort();
    double *values = tab->data, *weights = values + k, *cum = weights + k;
    double run = 0;
    for (size_t i = 0; i < k; i++) {
        values[i] = params[2 * i];
        weights[i] = params[2 * i + 1];
        run += weights[i];
        cum[i] = run / total;
    }
    cum[k - 1] = 1;
    tab->k = k;
    tab->values = values;
    tab->weights = weights;
    tab->cum = cum;
    probe.table = tab;
    if (refuse_overflow(&probe, err, errlen) != 0) {
        free(tab);
        return NULL;
    }
    return tab;
}

void dist_table_free(struct dist_table *t)
{
    free(t);
}

bool dist_table_same(const struct dist_table *a, const struct dist_table *b)
{
    return a->k == b->k && memcmp(a->values, b->values, a->k * sizeof a->values[0]) == 0 &&
           memcmp(a->weights, b->weights, a->k * sizeof a->weights[0]) == 0;
}

void dist_discrete(struct dist *d, const struct dist_table *t)
{
    memset(d, 0, sizeof *d);
    d->type = &discrete_type;
    d->table = t;
}

void dist_constant(struct dist *d, double v)
{
    memset(d, 0, sizeof *d);
    d->type = &dist_type_constant;
    d->p[0] = v;
}

bool dist_has_residual(const struct dist *d)
{
    return !d->type || d->type->residual;
}

double dist_sample_residual(const struct dist *d, gsl_rng *r)
{
    assert(dist_has_residual(d));
    return d->type ? d->type->residual(d, r) : 0;
}

double dist_mean(const struct dist *d)
{
    return d->type ? d->type->mean(d) : 0;
}

double dist_variance(const struct dist *d)
{
    return d->type ? d->type->variance(d) : 0;
}

double dist_sd(const struct dist *d)
{
    return sqrt(dist_variance(d));
}

double dist_lowest(const struct dist *d)
{
    return d->type ? d->type->lowest(d) : 0;
}

double dist_highest(const struct dist *d)
{
    if (!d->type) return 0;
    return d->type->highest ? d->type->highest(d) : INFINITY;
}

char *dist_format_with(const struct dist *d, char *(*number)(double, char *, size_t), char *buf, size_t n)
{
    char num[40];
    size_t used = 0;
    buf[0] = '\0';
    if (!d->type || d->type == &dist_type_constant) return number(d->p[0], buf, n);
    used += (size_t)snprintf(buf, n, "%s(", d->type->name);
    if (d->type->nparams < 0) {
        const struct dist_table *t = d->table;
        for (size_t i = 0; i < t->k && used < n; i++) {
            char w[40];
            used += (size_t)snprintf(buf + used, n - used, "%s%s:%s", i ? ", " : "",
                                     number(t->values[i], num, sizeof num), number(t->weights[i], w, sizeof w));
        }
    } else {
        for (int i = 0; i < d->type->nparams && used < n; i++)
            used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "", number(d->p[i], num, sizeof num));
    }
    if (used < n) snprintf(buf + used, n - used, ")");
    return buf;
}

char *dist_format(const struct dist *d, char *buf, size_t n)
{
    return dist_format_with(d, num_format, buf, n);
}
