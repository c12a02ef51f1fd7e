/* dist.h - probability distributions for random quantities (times in days, units).
 *
 * A struct dist is a plain value: it can be copied with `=` and needs no freeing; a
 * zeroed one (no family) is the constant 0. A discrete one points at its table
 * (struct dist_table), which is immutable and owned by whoever made it, so copies share it.
 * Parameters are given the way a scenario writes them (a mean and an sd, not GSL's
 * shape and scale); dist_init validates them and derives what the sampler needs,
 * because GSL's samplers do not validate anything themselves.
 * Families are rows of a const table looked up by name (dist_type_find).
 */
#ifndef SIM_DIST_H
#define SIM_DIST_H

#include "rng.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum { DIST_MAX_PARAMS = 3, DIST_MAX_VALUES = 64 };

struct dist;

/* A discrete distribution's table: k values, their weights as written and the cumulative
 * normalised weights. Never changed once made, so any number of dists (and threads) may
 * share one. Whoever makes a table (dist_table_new) owns it and frees it after the last
 * dist that points at it; the reader keeps its tables for the whole process
 * (reader/value.c). */
struct dist_table {
    size_t k;
    const double *values, *weights, *cum; /* k each, stored in data */
    double data[];
};

struct dist_type {
    const char *name;      /* "exponential" */
    const char *signature; /* "exponential(mean)", for messages and `servlab keys` */
    int nparams;           /* fixed count, or -1 for discrete's value:weight list */
    /* Check parameters and derive sampler state; on error write a message into err
     * and return -1. */
    int (*prepare)(struct dist *d, char *err, size_t errlen);
    double (*sample)(const struct dist *d, gsl_rng *r);
    double (*mean)(const struct dist *d);
    double (*variance)(const struct dist *d);
    double (*lowest)(const struct dist *d); /* smallest value a draw can take */
    /* A draw from the equilibrium (residual-life) distribution, or NULL where the family
       has none here (see dist_sample_residual). */
    double (*residual)(const struct dist *d, gsl_rng *r);
    /* The largest value a draw can take, or NULL where draws are unbounded above. */
    double (*highest)(const struct dist *d);
};

struct dist {
    const struct dist_type *type;
    double p[DIST_MAX_PARAMS];      /* as written, e.g. (mean, sd) */
    double a, b;                    /* derived: shape/scale, zeta/sigma, ... */
    const struct dist_table *table; /* discrete: its values and weights; NULL otherwise */
};

/* The family called `name`, or NULL. */
const struct dist_type *dist_type_find(const char *name);

/* All families, NULL-terminated (for listings and did-you-mean). */
extern const struct dist_type *const dist_types[];

/* Initialise d as family t with n parameters. Returns 0, or -1 with a message such as
 * "gamma(mean, sd): sd must be > 0, got 0" in err. Discrete is refused here: its values
 * live in a table (dist_table_new, dist_discrete). */
int dist_init(struct dist *d, const struct dist_type *t, const double *params, size_t n, char *err, size_t errlen);

/* A new table from params v1, w1, v2, w2, ... (n is twice the number of values, at most
 * DIST_MAX_VALUES values), checked as dist_init checks a family's parameters: NULL with a
 * message such as "discrete(value:weight, ...): weights must be >= 0, got -1" in err.
 * A table it returns always makes a valid distribution. Free with dist_table_free. */
struct dist_table *dist_table_new(const double *params, size_t n, char *err, size_t errlen);
void dist_table_free(struct dist_table *t);

/* True if a and b hold the same values and weights, bit for bit (for sharing tables). */
bool dist_table_same(const struct dist_table *a, const struct dist_table *b);

/* Initialise d as the discrete distribution of table t, which must outlive d and its copies. */
void dist_discrete(struct dist *d, const struct dist_table *t);

/* A constant distribution at v. */
void dist_constant(struct dist *d, double v);

/* The families the inline functions below recognise without a call: constant,
 * exponential (order gaps, service times), triangular (the default model's delivery)
 * and geometric (its units per order), each drawn per order (dist_sample_per_order). */
extern const struct dist_type dist_type_constant, dist_type_exponential, dist_type_triangular, dist_type_geometric;

/* A draw from triangular(min, mode, max) d (the family's sample function; d->a is the
 * share of draws below the mode). Both roots are computed and the one that applies is
 * chosen after, by a mask on their bits: which one applies is random, and a branch on it
 * would be mispredicted a third of the time (GCC compiles `u < d->a ? rising : falling`
 * to such a branch). Either argument is at least 0 for any u, and the numbers are those
 * of one root computed alone. */
static inline __attribute__((always_inline)) double dist_triangular_at(const struct dist *d, double u)
{
    double a = d->p[0], c = d->p[1], b = d->p[2];
    if (b == a) return a;
    double rising = a + sqrt(u * (b - a) * (c - a)), falling = b - sqrt((1 - u) * (b - a) * (b - c));
    uint64_t rise, fall, rising_mask = 0 - (uint64_t)(u < d->a);
    memcpy(&rise, &rising, sizeof rise);
    memcpy(&fall, &falling, sizeof fall);
    uint64_t bits = (rise & rising_mask) | (fall & ~rising_mask);
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

/* The triangular draw for the next uniform of r (dist_triangular_at). */
static inline __attribute__((always_inline)) double dist_triangular_sample(const struct dist *d, gsl_rng *r)
{
    return dist_triangular_at(d, rng_uniform(r));
}

/* dist_triangular_sample of the generator whose MT19937 state is s. */
static inline __attribute__((always_inline)) double dist_triangular_sample_mt(const struct dist *d, struct rng_mt *s)
{
    return dist_triangular_at(d, rng_mt_uniform(s));
}

/* A draw from geometric(mean) d (the family's sample function; d->a = 1 / mean, d->b =
 * log(1 - d->a)): gsl_ran_geometric(r, p) (GSL 2.7's randist/geometric.c: k = log(u) /
 * log(1 - p) + 1 for u = gsl_rng_uniform_pos(r)) with log(1 - p) computed once, when d
 * was made: the same numbers, bit for bit, for one log a draw instead of two, taken from
 * a batch computed ahead (rng_log_uniform). From the MT19937 state s, or r when s is NULL
 * (a constant in each caller, so the other way folds away). */
static inline __attribute__((always_inline)) double dist_geometric_from(const struct dist *d, gsl_rng *r,
                                                                        struct rng_mt *s)
{
    if (d->a >= 1) return 1;
    double log_u;
    do log_u = s ? rng_mt_log_uniform(s) : rng_log_uniform(r);
    while (log_u == -INFINITY); /* u = 0: gsl_rng_uniform_pos draws again */
    return (unsigned)(log_u / d->b + 1);
}

static inline __attribute__((always_inline)) double dist_geometric_sample(const struct dist *d, gsl_rng *r)
{
    return dist_geometric_from(d, r, NULL);
}

/* A draw from d using r. A constant costs no call and no random number; an
 * exponential (order gaps, service times) no call. */
static inline double dist_sample(const struct dist *d, gsl_rng *r)
{
    const struct dist_type *t = d->type;
    if (t == &dist_type_exponential) return d->p[0] * rng_exponential1(r);
    if (t == &dist_type_constant) return d->p[0];
    if (!t) return 0; /* a zeroed dist is the constant 0 */
    return t->sample(d, r);
}

/* dist_sample_per_order for d of family t = d->type, not the exponential: for a caller
 * that tested the exponential itself, before a call the compiler cannot see through
 * (which would make it read and test d->type again). */
static inline __attribute__((always_inline)) double dist_sample_per_order_of(const struct dist *d,
                                                                             const struct dist_type *t, gsl_rng *r)
{
    if (t == &dist_type_triangular) return dist_triangular_sample(d, r);
    if (t == &dist_type_geometric) return dist_geometric_sample(d, r);
    if (t == &dist_type_constant) return d->p[0];
    if (!t) return 0;
    return t->sample(d, r);
}

/* As dist_sample, the same numbers, with a triangular or a geometric drawn without a
 * call too: for the draws made for every order (the stages, the units), where the
 * larger code pays for itself. */
static inline __attribute__((always_inline)) double dist_sample_per_order(const struct dist *d, gsl_rng *r)
{
    const struct dist_type *t = d->type;
    if (t == &dist_type_exponential) return d->p[0] * rng_exponential1(r);
    return dist_sample_per_order_of(d, t, r);
}

/* The equilibrium (residual-life) distribution of gaps d: the time from an arbitrary
 * moment to the next event of a stationary renewal process whose gaps follow d, with
 * density P(gap > x) / mean. A renewal process whose first gap is drawn from it is
 * stationary from time 0 and has exactly t / mean events in [0, t] on average. Drawn as
 * a length-biased gap (density x f(x) / mean) times an independent uniform fraction.
 * dist_has_residual says whether the family has it: constant, exponential, gamma,
 * erlang, lognormal and lognormal_log do (every family a history's fit chooses). */
bool dist_has_residual(const struct dist *d);
double dist_sample_residual(const struct dist *d, gsl_rng *r);

double dist_mean(const struct dist *d);
double dist_variance(const struct dist *d);
double dist_sd(const struct dist *d);
double dist_lowest(const struct dist *d);
/* The largest value a draw can take (INFINITY for a family unbounded above). */
double dist_highest(const struct dist *d);

/* True for a constant distribution; its value is then dist_mean(). */
static inline bool dist_is_constant(const struct dist *d)
{
    return !d->type || d->type == &dist_type_constant; /* a zeroed dist is the constant 0 */
}

/* dist_is_zero for d of family t = d->type, which the caller has read already. */
static inline bool dist_is_zero_of(const struct dist *d, const struct dist_type *t)
{
    return !t || (t == &dist_type_constant && d->p[0] == 0);
}

/* True for a constant 0: a stage that takes no time and need not draw. */
static inline bool dist_is_zero(const struct dist *d)
{
    return dist_is_zero_of(d, d->type);
}

/* Canonical text that dist_parse reads back to the same distribution, e.g.
 * "gamma(5, 1.5)" or "3". Returns buf. */
char *dist_format(const struct dist *d, char *buf, size_t n);

/* As dist_format, each number written by `number` (num_derived: a value servlab derived,
 * rounded as check shows such values). */
char *dist_format_with(const struct dist *d, char *(*number)(double, char *, size_t), char *buf, size_t n);

#endif
