/* markov_ss.c - the (s,S) Markov chain of markov_ss.h. The state is the inventory level
 * at a review (nothing is then on order). Within a period, the level at time t is
 * I + Z 1{L <= t} - D(t), with D(t) compound Poisson and L the lead time, independent;
 * its expected costs are integrals over t of smooth functions on each piece between
 * the lead time's bounds, done by Gauss-Legendre quadrature. Customers arrive as a
 * Poisson process, so the level an arrival meets has the level's distribution at that
 * time (PASTA), which gives the units filled from stock. */
#include "markov_ss.h"

#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The functions of the level whose time integrals the chain needs. */
enum { F_ON_HAND, F_BACKORDERS, F_OUT_OF_STOCK, F_FILLED, F_COUNT };

/* The values of those functions at level x; sizes is the normalised size pmf.
 * F_FILLED: units an arriving customer takes from stock, in expectation over sizes. */
static void level_values(long x, const double *sizes, size_t max_size, double out[F_COUNT])
{
    out[F_ON_HAND] = x > 0 ? (double)x : 0;
    out[F_BACKORDERS] = x < 0 ? (double)-x : 0;
    out[F_OUT_OF_STOCK] = x <= 0;
    double filled = 0;
    for (size_t k = 1; k <= max_size; k++) filled += sizes[k] * (double)((long)k < x ? (long)k : (x > 0 ? x : 0));
    out[F_FILLED] = filled;
}

/* g[n] = P(D = n), n = 0..nmax, for compound Poisson demand with `lambda` customers
 * expected and sizes pmf `sizes` (sizes[0] = 0), by Panjer's recursion (all terms
 * positive: numerically stable). */
static void compound_pmf(double lambda, const double *sizes, size_t max_size, double *g, size_t nmax)
{
    g[0] = exp(-lambda);
    for (size_t n = 1; n <= nmax; n++) {
        double acc = 0;
        for (size_t j = 1; j <= max_size && j <= n; j++) acc += (double)j * sizes[j] * g[n - j];
        g[n] = lambda * acc / (double)n;
    }
}

static int fail(const char *why)
{
    fprintf(stderr, "markov_ss: %s\n", why);
    return -1;
}

int markov_ss_solve(const struct markov_ss_model *m, size_t nodes, double tail, struct markov_ss_result *r)
{
    if (m->periods == 0 || !(m->rate > 0) || m->max_size < 1 || m->max_size > MARKOV_SS_MAX_SIZE || m->s > m->S)
        return fail("needs periods > 0, rate > 0, 1 <= max_size <= MARKOV_SS_MAX_SIZE and s <= S");
    if (!(0 <= m->lead_min && m->lead_min < m->lead_max && m->lead_max <= 1))
        return fail("needs 0 <= lead_min < lead_max <= 1 (every order in before the next review)");
    if (nodes < 1 || !(tail > 0 && tail < 1)) return fail("needs nodes >= 1 and 0 < tail < 1");

    double sizes[MARKOV_SS_MAX_SIZE + 1] = {0}, total = 0, mean = 0, second = 0;
    for (size_t k = 1; k <= m->max_size; k++) total += m->size_pmf[k];
    if (!(total > 0)) return fail("the size pmf has no mass on 1..max_size");
    for (size_t k = 1; k <= m->max_size; k++) {
        sizes[k] = m->size_pmf[k] / total;
        mean += (double)k * sizes[k];
        second += (double)(k * k) * sizes[k];
    }

    /* The period's demand, far into its tail (light: fewer than exponential), then the
     * cutoff N where the mass beyond falls below `tail`, summed from the far end so the
     * small tails are accurate. */
    size_t far = (size_t)ceil(m->rate * mean + 40 * sqrt(m->rate * second) + 10 * (double)m->max_size);
    double *g1 = malloc((far + 1) * sizeof *g1);
    compound_pmf(m->rate, sizes, m->max_size, g1, far);
    if (g1[far] > tail * 1e-6) {
        free(g1);
        return fail("the demand tail is too heavy for the cutoff search");
    }
    size_t N = far;
    double beyond = 0;
    while (N > 0 && beyond + g1[N] < tail) beyond += g1[N--];

    long lo = (long)m->s - (long)N, hi = m->S > m->initial ? m->S : m->initial;
    if (m->s > hi) hi = m->s;
    if (m->initial < lo) {
        free(g1);
        return fail("the initial level is below every reachable state");
    }
    size_t ns = (size_t)(hi - lo + 1);
    /* levels seen within a period: from lo - N (a state's demand) up to hi */
    long vlo = lo - (long)N;
    size_t nv = (size_t)(hi - vlo + 1);
    double *val = malloc(nv * F_COUNT * sizeof *val);
    for (size_t v = 0; v < nv; v++) level_values(vlo + (long)v, sizes, m->max_size, &val[v * F_COUNT]);

    double *acc = calloc(ns * F_COUNT, sizeof *acc); /* per state: time integrals over the period */
    double *on_order = calloc(ns, sizeof *on_order);
    double *node_val = malloc(ns * F_COUNT * sizeof *node_val);
    double *g = malloc((N + 1) * sizeof *g);
    gsl_integration_glfixed_table *gl = gsl_integration_glfixed_table_alloc(nodes);
    const double bounds[4] = {0, m->lead_min, m->lead_max, 1};

    for (int piece = 0; piece < 3; piece++) {
        if (!(bounds[piece + 1] > bounds[piece])) continue;
        for (size_t i = 0; i < nodes; i++) {
            double t, w;
            gsl_integration_glfixed_point(bounds[piece], bounds[piece + 1], i, &t, &w, gl);
            double q = t <= m->lead_min   ? 0 /* P(L <= t): the order is in */
                       : t >= m->lead_max ? 1
                                          : (t - m->lead_min) / (m->lead_max - m->lead_min);
            compound_pmf(m->rate * t, sizes, m->max_size, g, N);
            /* node_val[x][f] = E f(x - D(t)) for every state level x */
            for (size_t x = 0; x < ns; x++) {
                double e[F_COUNT] = {0};
                size_t base = x + (size_t)(lo - vlo); /* index of level lo + x in val */
                for (size_t n = 0; n <= N; n++)
                    for (int f = 0; f < F_COUNT; f++) e[f] += g[n] * val[(base - n) * F_COUNT + (size_t)f];
                for (int f = 0; f < F_COUNT; f++) node_val[x * F_COUNT + (size_t)f] = e[f];
            }
            for (size_t x = 0; x < ns; x++) {
                long I = lo + (long)x, Z = I < m->s ? m->S - I : 0;
                size_t y = x + (size_t)Z;
                for (int f = 0; f < F_COUNT; f++)
                    acc[x * F_COUNT + (size_t)f] +=
                        w * ((1 - q) * node_val[x * F_COUNT + (size_t)f] + q * node_val[y * F_COUNT + (size_t)f]);
                on_order[x] += w * (1 - q) * (double)Z;
            }
        }
    }
    gsl_integration_glfixed_table_free(gl);

    /* The state distribution over the reviews, and the expected sums over the horizon. */
    double *p = calloc(ns, sizeof *p), *next = calloc(ns, sizeof *next);
    p[m->initial - lo] = 1;
    double sum[F_COUNT] = {0}, ordering = 0, orders = 0, pipeline = 0;
    for (unsigned k = 0; k < m->periods; k++) {
        for (size_t x = 0; x < ns; x++) next[x] = 0;
        for (size_t x = 0; x < ns; x++) {
            if (p[x] == 0) continue;
            long I = lo + (long)x, Z = I < m->s ? m->S - I : 0;
            if (Z > 0) {
                ordering += p[x] * (m->order_fixed + m->order_per_unit * (double)Z);
                orders += p[x];
            }
            for (int f = 0; f < F_COUNT; f++) sum[f] += p[x] * acc[x * F_COUNT + (size_t)f];
            pipeline += p[x] * on_order[x];
            size_t y = x + (size_t)Z; /* the level after the receipt, before the demand */
            for (size_t n = 0; n <= N && n <= y; n++) next[y - n] += p[x] * g1[n];
        }
        double *swap = p;
        p = next;
        next = swap;
    }
    double mass = 0;
    for (size_t x = 0; x < ns; x++) mass += p[x];

    double per = (double)m->periods;
    r->mean_on_hand = sum[F_ON_HAND] / per;
    r->mean_backorders = sum[F_BACKORDERS] / per;
    r->time_out_of_stock = sum[F_OUT_OF_STOCK] / per;
    r->mean_on_order = pipeline / per;
    r->replenishments = orders / per;
    r->cost_ordering = ordering / per;
    r->cost_holding = m->holding * r->mean_on_hand;
    r->cost_shortage = m->backlog * r->mean_backorders;
    r->cost_total = r->cost_ordering + r->cost_holding + r->cost_shortage;
    r->fill_ratio_of_means = sum[F_FILLED] / (per * mean);
    r->demand_cutoff = N;
    r->lost_mass = 1 - mass;

    free(p);
    free(next);
    free(g);
    free(node_val);
    free(on_order);
    free(acc);
    free(val);
    free(g1);
    return 0;
}
