/* test_optimise.c - `servlab optimise` (cli/optimise.h) against exact optima
 * (tests/validation/README.md, ZF and RQ): Zheng and Federgruen's periodic (s,S) with
 * Poisson demand and Poisson (r,Q) under continuous review. Each exact optimum is
 * computed here by enumeration over a formula that shares nothing with the simulator,
 * and the formula is first checked against the published (6,40), 35.022. The optimiser
 * passes an instance when it finds the exact optimum, or a point whose exact cost lies
 * inside the 95% confidence interval of the optimum's simulated cost (the optimum run
 * with as many replications as the chosen point got, on the same seed). Fixed seeds:
 * deterministic. Also: evaluations below the full grid's. */
#include "check.h"
#include "cli/optimise.h"
#include "cli/simulate.h"
#include "models/metrics.h"
#include "reader/scenario.h"
#include "sim/rng_book.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { DMAX = 2000 }; /* demand values kept: the Poisson tail beyond is below 1e-300 here */

static double poisson_pmf[DMAX];

static void poisson_fill(double mean)
{
    poisson_pmf[0] = exp(-mean);
    for (int d = 1; d < DMAX; d++) poisson_pmf[d] = poisson_pmf[d - 1] * mean / d;
}

/* G(y) = h E(y - D)+ + p E(D - y)+ for D ~ the Poisson of poisson_fill, E(D - y)+ taken
 * as mean - y + E(y - D)+. */
static double g_cost(int y, double mean, double h, double p)
{
    double over = 0;
    for (int d = 0; d < y && d < DMAX; d++) over += (y - d) * poisson_pmf[d];
    return h * over + p * (mean - y + over);
}

/* Zheng and Federgruen (1991): periodic review, lead time 0, the cost of an (s,S)
 * policy (order up to S when the position is at or below s) per period is
 * (K + sum_{j=0}^{S-s-1} m(j) G(S - j)) / sum_{j=0}^{S-s-1} m(j), m the renewal function
 * of the period demand: m(0) = 1 / (1 - p0), m(j) = sum_{i=1}^{j} p_i m(j - i) / (1 - p0). */
enum { ZF_SMIN = -10 }; /* the lowest s searched */

struct zf {
    double mean, K, h, p;
    int smax, Smax;
    double *m, *g; /* m[0..Smax - ZF_SMIN] (S - s terms at most), g[y + Smax] for y in -Smax..Smax */
};

static void zf_prepare(struct zf *z)
{
    poisson_fill(z->mean);
    int mmax = z->Smax - ZF_SMIN;
    z->m = calloc((size_t)mmax + 1, sizeof *z->m);
    z->g = calloc(2 * (size_t)z->Smax + 1, sizeof *z->g);
    if (!z->m || !z->g) abort();
    double p0 = poisson_pmf[0];
    z->m[0] = 1 / (1 - p0);
    for (int j = 1; j <= mmax; j++) {
        double t = 0;
        for (int i = 1; i <= j && i < DMAX; i++) t += poisson_pmf[i] * z->m[j - i];
        z->m[j] = t / (1 - p0);
    }
    for (int y = -z->Smax; y <= z->Smax; y++) z->g[y + z->Smax] = g_cost(y, z->mean, z->h, z->p);
}

static double zf_cost(const struct zf *z, int s, int S)
{
    double num = z->K, den = 0;
    for (int j = 0; j < S - s; j++) num += z->m[j] * z->g[S - j + z->Smax], den += z->m[j];
    return num / den;
}

/* The exact optimum over ZF_SMIN <= s < S <= Smax. */
static double zf_optimum(const struct zf *z, int *s_best, int *S_best)
{
    double best = INFINITY;
    for (int s = ZF_SMIN; s <= z->smax; s++)
        for (int S = s + 1; S <= z->Smax; S++) {
            double c = zf_cost(z, s, S);
            if (c < best) best = c, *s_best = s, *S_best = S;
        }
    return best;
}

/* (r,Q), continuous review, unit Poisson demand at rate lambda, constant lead time L:
 * K lambda / Q + (1/Q) sum_{y=r+1}^{r+Q} G(y), D ~ Poisson(lambda L). */
struct rq {
    double lambda, L, K, h, p;
    int rmax, Qmax;
};

static double rq_cost(const struct rq *q, int r, int Q)
{
    double sum = 0;
    for (int y = r + 1; y <= r + Q; y++) sum += g_cost(y, q->lambda * q->L, q->h, q->p);
    return q->K * q->lambda / Q + sum / Q;
}

static double rq_optimum(const struct rq *q, int *r_best, int *Q_best)
{
    poisson_fill(q->lambda * q->L);
    int lo = -10, n = q->rmax + q->Qmax - lo + 2;
    double *pre = calloc((size_t)n + 1, sizeof *pre); /* pre[k]: sum of G(lo .. lo + k - 1) */
    if (!pre) abort();
    for (int k = 0; k < n; k++) pre[k + 1] = pre[k] + g_cost(lo + k, q->lambda * q->L, q->h, q->p);
    double best = INFINITY;
    for (int r = lo; r <= q->rmax; r++)
        for (int Q = 1; Q <= q->Qmax; Q++) {
            double c = q->K * q->lambda / Q + (pre[r + Q - lo + 1] - pre[r + 1 - lo]) / Q;
            if (c < best) best = c, *r_best = r, *Q_best = Q;
        }
    free(pre);
    return best;
}

/* Simulate the file with the overrides and two keys set, `reps` replications: the
 * mean and 95% half-width of metric m. */
static struct summary simulate_at(const char *path, const struct scenario_override *sets, size_t nsets, const char *k1,
                                  int v1, const char *k2, int v2, unsigned reps, int m)
{
    char a1[100], a2[100], a3[100];
    snprintf(a1, sizeof a1, "%s=%d", k1, v1);
    snprintf(a2, sizeof a2, "%s=%d", k2, v2);
    snprintf(a3, sizeof a3, "run.replications=%u", reps);
    struct scenario_override all[8];
    memcpy(all, sets, nsets * sizeof *sets);
    all[nsets] = (struct scenario_override){.assignment = a1};
    all[nsets + 1] = (struct scenario_override){.assignment = a2};
    all[nsets + 2] = (struct scenario_override){.assignment = a3};
    struct scenario *sc = calloc(1, sizeof *sc);
    if (!sc || scenario_load(sc, path, all, nsets + 3, stderr) != 0) abort();
    size_t nm = metric_count(&sc->cfg);
    double *rows = malloc(reps * nm * sizeof *rows);
    if (!rows) abort();
    const struct model_config *cfg = &sc->cfg;
    struct simulate_opts o = {.threads = 2};
    if (simulate(&cfg, 1, reps, &o, rows) != 0) abort();
    struct summary s = summary_of(rows + m, reps, nm);
    free(rows);
    scenario_fini(sc);
    free(sc);
    return s;
}

struct instance {
    const char *id, *file;
    const char *set[2]; /* overrides of the file (NULL: none) */
    const char *k1, *k2;
    double from1, to1, from2, to2;
    int exact1, exact2; /* the exact optimum */
    double exact_cost;
    double chosen_cost; /* the exact cost of the chosen point */
};

/* Run the optimiser on instance t; check it against the exact optimum. */
static void run_instance(struct instance *t, double (*cost)(const void *, int, int), const void *model)
{
    char path[300];
    snprintf(path, sizeof path, "tests/validation/%s", t->file);
    struct scenario_override sets[2];
    size_t nsets = 0;
    for (size_t i = 0; i < 2; i++)
        if (t->set[i]) sets[nsets++] = (struct scenario_override){.assignment = t->set[i]};
    struct optimise_request q = {
        .lever = {{.parameter = t->k1, .from = t->from1, .to = t->to1, .step = 1, .have_from = true, .have_to = true},
                  {.parameter = t->k2, .from = t->from2, .to = t->to2, .step = 1, .have_from = true, .have_to = true}},
        .nlevers = 2,
        .metric = "cost_total_per_day",
        .minimise = true,
    };
    struct simulate_opts o = {.threads = 2};
    struct optimise_result *r = calloc(1, sizeof *r);
    if (!r) abort();
    int rc = optimise_run(path, sets, nsets, &q, &o, r, stderr);
    if (!check(rc == 0, "%s: optimise runs", t->id)) {
        free(r);
        return;
    }
    int c1 = (int)optimise_value(r, 0, r->points[r->best].at[0]),
        c2 = (int)optimise_value(r, 1, r->points[r->best].at[1]);
    t->chosen_cost = cost(model, c1, c2);
    unsigned reps = r->points[r->best].reps;
    struct summary sim_best = summary_of(r->points[r->best].rows + M_COST_TOTAL, reps, r->nm);
    struct summary sim_opt = simulate_at(path, sets, nsets, t->k1, t->exact1, t->k2, t->exact2, reps, M_COST_TOTAL);
    double grid = (double)optimise_grid_points(r) * r->reps;
    printf("%-22s exact (%d,%d) %.4f; chosen (%d,%d) exact %.4f (+%.4f), simulated %.4f ± %.4f; optimum simulated "
           "%.4f ± %.4f (%u reps); delta %.4f; %zu runs of %.0f (%.1f%%)\n",
           t->id, t->exact1, t->exact2, t->exact_cost, c1, c2, t->chosen_cost, t->chosen_cost - t->exact_cost,
           sim_best.mean, sim_best.ci95, sim_opt.mean, sim_opt.ci95, reps, r->delta, r->evaluations, grid,
           100 * (double)r->evaluations / grid);
    bool same = c1 == t->exact1 && c2 == t->exact2;
    check(same || fabs(t->chosen_cost - sim_opt.mean) <= sim_opt.ci95,
          "%s: the chosen (%d,%d) is the optimum (%d,%d), or its exact cost %.4f lies in the optimum's interval "
          "%.4f ± %.4f",
          t->id, c1, c2, t->exact1, t->exact2, t->chosen_cost, sim_opt.mean, sim_opt.ci95);
    check(r->evaluations < grid, "%s: %zu runs, fewer than the full grid's %.0f", t->id, r->evaluations, grid);
    optimise_free(r);
    free(r);
}

/* The optimiser with one book of streams for its whole search (sim/rng_book.h, as
 * `servlab optimise` runs it) records streams and does exactly what it does with a book
 * per call: the same points, runs and rows bit for bit, and the same choice. */
static void check_book_changes_nothing(void)
{
    struct optimise_request q = {
        .lever = {{.parameter = "inventory.reorder_point",
                   .from = 0,
                   .to = 30,
                   .step = 1,
                   .have_from = true,
                   .have_to = true},
                  {.parameter = "inventory.order_quantity",
                   .from = 5,
                   .to = 60,
                   .step = 1,
                   .have_from = true,
                   .have_to = true}},
        .nlevers = 2,
        .metric = "cost_total_per_day",
        .minimise = true,
    };
    struct optimise_result *r[2] = {calloc(1, sizeof *r[0]), calloc(1, sizeof *r[1])};
    if (!r[0] || !r[1]) abort();
    struct rng_book *book = simulate_book();
    if (!book) abort();
    struct simulate_opts o[2] = {{.threads = 2}, {.threads = 2, .book = book}};
    int rc = 0;
    for (int i = 0; i < 2; i++) rc |= optimise_run("tests/validation/rq_poisson.ini", NULL, 0, &q, &o[i], r[i], stderr);
    if (check(rc == 0, "book: both searches run")) {
        bool same =
            r[0]->best == r[1]->best && r[0]->evaluations == r[1]->evaluations && r[0]->npoints == r[1]->npoints;
        for (size_t i = 0; same && i < r[0]->npoints; i++) {
            const struct optimise_point *a = &r[0]->points[i], *b = &r[1]->points[i];
            same = a->reps == b->reps &&
                   (a->reps == 0 || memcmp(a->rows, b->rows, (size_t)a->reps * r[0]->nm * sizeof *a->rows) == 0);
        }
        check(same, "book: one book for the whole search gives the same points, runs, rows and choice (%zu runs)",
              r[0]->evaluations);
        check(rng_book_bytes(book) > 0, "book: the search recorded its streams (%zu bytes)", rng_book_bytes(book));
    }
    rng_book_free(book);
    for (int i = 0; i < 2; i++) optimise_free(r[i]), free(r[i]);
}

/* A lever's grid values are the decimals the user wrote: from + i step counted in the
 * step's own decimals (0 + 12 x 0.15 is 1.8, not 1.7999999999999998); a step with no
 * short decimal form (1/3) is summed as it is. */
static void check_grid_values(void)
{
    struct optimise_result *r = calloc(1, sizeof *r);
    if (!r) abort();
    r->nlevers = 2;
    r->lever[0] = (struct optimise_lever){.from = 0, .step = 0.15};
    r->lever[1] = (struct optimise_lever){.from = -0.5, .step = 0.1};
    size_t off = 0;
    for (size_t i = 0; i <= 20; i++) {
        off += optimise_value(r, 0, i) != (double)(15 * i) / 100;
        off += optimise_value(r, 1, i) != ((double)(10 * i) - 50) / 100;
    }
    check(off == 0,
          "grid values: 0 + i x 0.15 and -0.5 + i x 0.1 are the decimals i x 15 / 100 and (10 i - 50) / "
          "100 exactly (i = 0..20: %zu off; 1.7999999999999998 at i = 12 before)",
          off);
    /* a step of a millionth, and a from with 7 decimals: counted in their own units */
    r->lever[0] = (struct optimise_lever){.from = 1, .step = 1e-6};
    r->lever[1] = (struct optimise_lever){.from = 1.0000005, .step = 0.1};
    off = 0;
    for (size_t i = 0; i <= 20; i++) {
        off += optimise_value(r, 0, i) != (double)(1000000 + i) / 1e6;
        off += optimise_value(r, 1, i) != (double)(10000005 + 1000000 * i) / 1e7;
    }
    check(off == 0 && optimise_value(r, 0, 1) > 1,
          "grid values: 1 + i x 1e-6 and 1.0000005 + i x 0.1, exactly (%zu off; %.17g at i = 1)", off,
          optimise_value(r, 0, 1));
    r->lever[0] = (struct optimise_lever){.from = 1, .step = 1.0 / 3};
    check(optimise_value(r, 0, 7) == 1 + 7 * (1.0 / 3), "grid values: a step of 1/3 is summed as it is: %.17g",
          optimise_value(r, 0, 7));
    free(r);
}

static double zf_cost_cb(const void *m, int s, int S)
{
    return zf_cost(m, s, S);
}
static double rq_cost_cb(const void *m, int r, int Q)
{
    return rq_cost(m, r, Q);
}

int main(void)
{
    /* the formula against the published optimum: mean 10, h 1, p 9, K 64 -> (6,40), 35.022 */
    struct zf pub = {.mean = 10, .K = 64, .h = 1, .p = 9, .smax = 40, .Smax = 150};
    zf_prepare(&pub);
    int ps = 0, pS = 0;
    double pc = zf_optimum(&pub, &ps, &pS);
    check(ps == 6 && pS == 40 && fabs(pc - 35.022) < 0.0005,
          "ZF formula: published optimum (6,40) 35.022; computed (%d,%d) %.6f", ps, pS, pc);
    free(pub.m), free(pub.g);

    static const struct {
        double mean, K;
        const char *units, *fixed;
    } zf_cases[] = {
        {10, 64, NULL, NULL},
        {10, 128, NULL, "costs.order_fixed=128"},
        {5, 64, "demand.units_per_order=poisson(5)", NULL},
        {15, 64, "demand.units_per_order=poisson(15)", NULL},
        {20, 128, "demand.units_per_order=poisson(20)", "costs.order_fixed=128"},
    };
    for (size_t i = 0; i < sizeof zf_cases / sizeof zf_cases[0]; i++) {
        struct zf z = {.mean = zf_cases[i].mean, .K = zf_cases[i].K, .h = 1, .p = 9};
        z.smax = (int)(3 * z.mean) + 10, z.Smax = (int)(8 * z.mean) + 80;
        zf_prepare(&z);
        char id[60];
        snprintf(id, sizeof id, "ZF mean %g K %g", z.mean, z.K);
        struct instance t = {.id = id,
                             .file = "zf_ss.ini",
                             .set = {zf_cases[i].units, zf_cases[i].fixed},
                             .k1 = "inventory.reorder_point",
                             .k2 = "inventory.order_up_to",
                             .from1 = 0,
                             .to1 = 2 * z.mean + 5,
                             .from2 = z.mean,
                             .to2 = 6 * z.mean + 20};
        t.exact_cost = zf_optimum(&z, &t.exact1, &t.exact2);
        run_instance(&t, zf_cost_cb, &z);
        free(z.m), free(z.g);
    }
    static const struct {
        double lambda, L, K, h, p;
        const char *set[2];
    } rq_cases[] = {
        {5, 2, 50, 1, 9, {NULL, NULL}}, {20, 1, 100, 0.5, 4.5, {NULL, NULL}}, /* its own file: rq_poisson_b.ini */
    };
    for (size_t i = 0; i < sizeof rq_cases / sizeof rq_cases[0]; i++) {
        struct rq m = {rq_cases[i].lambda, rq_cases[i].L, rq_cases[i].K, rq_cases[i].h, rq_cases[i].p, 0, 0};
        double mu = m.lambda * m.L;
        m.rmax = (int)(3 * mu) + 10, m.Qmax = (int)(10 * m.lambda) + 60;
        char id[60];
        snprintf(id, sizeof id, "RQ lambda %g L %g", m.lambda, m.L);
        struct instance t = {.id = id,
                             .file = i == 0 ? "rq_poisson.ini" : "rq_poisson_b.ini",
                             .set = {NULL, NULL},
                             .k1 = "inventory.reorder_point",
                             .k2 = "inventory.order_quantity",
                             .from1 = 0,
                             .to1 = 2 * mu + 10,
                             .from2 = 5,
                             .to2 = 8 * m.lambda + 40};
        t.exact_cost = rq_optimum(&m, &t.exact1, &t.exact2);
        run_instance(&t, rq_cost_cb, &m);
    }
    check_book_changes_nothing();
    check_grid_values();
    return check_done("test_optimise");
}
