/* optimise.c - every point is loaded through the reader with its lever values as
 * command-line overrides (as cli/sweep.c loads its points), kept as a patch of the base
 * configuration (cli/config_patch.h), and simulated on the master seed: replication r of
 * every point sees the same random numbers, so differences between points are real,
 * and Kim-Nelson's variances of differences are small.
 *
 * Kim, S.-H. and Nelson, B. L. (2001), "A fully sequential procedure for
 * indifference-zone selection in simulation", ACM TOMACS 11(3): with k systems, a first
 * stage of n0 replications, eta = ((2 alpha / (k - 1))^(-2 / (n0 - 1)) - 1) / 2 and
 * h^2 = 2 eta (n0 - 1), system i is eliminated at r replications when its mean falls
 * below system l's by more than W = max(0, delta / (2 r) (h^2 S^2 / delta^2 - r)), S^2
 * the first stage's variance of the differences X_i - X_l (common random numbers are
 * allowed: the variance is of the differences). One replication is added to every
 * survivor per stage; when one is left, or every W is 0, the best mean is chosen. */
#include "optimise.h"
#include "config_patch.h"
#include "report.h"
#include "sweep.h"
#include "models/metrics.h"
#include "reader/keys.h"
#include "reader/value.h"
#include "sim/num.h"
#include "sim/rng.h"

#include "lang/lang.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    DEFAULT_STEPS = 20, /* a number key's default step: (to - from) / 20 */
    /* the search's replications per point, Kim and Nelson's first stage: the scenario's
       (--reps) within these; the selection adds more where it must tell points apart, so
       more at every point would buy little (make bench's target: under 10% of the runs
       of a 21 x 21 grid at 20 replications) */
    N0_MIN = 5,
    N0_MAX = 10,
    COARSE_INTERVALS = 4, /* the coarse grid: 5 values per lever */
    KN_MAX_REPS = 2000,   /* a stop for the selection (said if reached) */
    GRID_MAX = 10000000,  /* points in the full grid */
};
static const double KN_ALPHA = 0.05; /* 1 - the probability of correct selection */

/* ---- the request ---- */

int optimise_parse_require(const char *text, int *metric, bool *at_least, double *value, char *err, size_t n)
{
    const char *op = strstr(text, ">=");
    if (!op) op = strstr(text, "<=");
    if (!op) {
        if (metric_find(text) >= 0) /* unquoted, the shell took ">=X" for a redirection */
            snprintf(err, n,
                     _("--require: '%s' has no >=X or <=X. Put the condition in quotes, as in --require "
                       "'fill_rate>=0.95': without them the shell reads > as a redirection (and may have written "
                       "a file whose name starts with '=')"),
                     text);
        else
            snprintf(err, n, _("--require: '%s' is not METRIC>=X or METRIC<=X"), text);
        return -1;
    }
    /* blanks around the metric and the number are the student's spacing, not part of
       either: 'fill_rate >= 0.95' is 'fill_rate>=0.95' */
    const char *start = text + strspn(text, " \t"), *end = op;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t')) end--;
    char name[100], val[100];
    snprintf(name, sizeof name, "%.*s", (int)(end - start), start);
    snprintf(val, sizeof val, "%s", op + 2 + strspn(op + 2, " \t"));
    for (size_t k = strlen(val); k > 0 && (val[k - 1] == ' ' || val[k - 1] == '\t');) val[--k] = '\0';
    if (report_check_metric("--require", name, err, n)) return -1;
    int m = metric_find(name);
    enum metric_kind kind = metric_defs[m].kind;
    bool is_share = kind == KIND_RATE || kind == KIND_SHARE;
    /* read as a share key reads its value ('fill_rate>=99%', as [contract] targets write it;
       1e400% too large, not "not a number") */
    char decimal[VALUE_PERCENT_SHARE_MAX], problem[300];
    bool percent = is_share && value_percent_share(val, decimal, sizeof decimal);
    double v;
    if (*val == '\0') {
        snprintf(err, n, _("--require: '%s' is not a number"), val);
        return -1;
    }
    if (value_number(percent ? decimal : val, &v, problem, sizeof problem) != 0) {
        /* a unit after the number ("95pts"): the reader's hint names a key, here there is none */
        char *unit = strstr(problem, value_unit_hint()), *word = strstr(problem, value_word_hint());
        if (unit)
            snprintf(unit, sizeof problem - (size_t)(unit - problem), "%s",
                     is_share ? _(" (write the share as a number, such as 0.95 or 95%)")
                              : _(" (write just the number, in the metric's own unit)"));
        else if (word && is_share) /* a word ("high", "高"): a share's number, as for a unit */
            snprintf(word, sizeof problem - (size_t)(word - problem), "%s",
                     _(" (write the share as a number, such as 0.95 or 95%)"));
        /* TRANSLATORS: the problem with the number after >= or <=, a whole message of its own */
        snprintf(err, n, _("--require: %s"), problem);
        return -1;
    }
    /* a share written as a percentage would make every point fail, or pass (a share
       can be below 0: fill_rate_lost_to_disruptions is a difference of two) */
    if (is_share && v > 1) {
        char share[40], typed[NUM_PERCENT_TEXT_MAX + 2], decimal_share[NUM_PERCENT_SHARE_MAX];
        /* the share the student's percentage means, with its digits moved (33.3 is 0.333,
           where 33.3 / 100 writes 0.33299999999999996), and no exponent (5e1 is 0.5) */
        snprintf(typed, sizeof typed, "%s%%", val);
        double meant =
            num_percent_share(typed, decimal_share, sizeof decimal_share) ? strtod(decimal_share, NULL) : v / 100;
        if (percent)
            snprintf(err, n, _("--require: %s is a share of at most 100%%, not %s"), name, val);
        else if (v <= 100)
            snprintf(err, n, _("--require: %s is a share of at most 1, not %s: for %s%% write %s or %s%%"), name, val,
                     val, sweep_number_text(meant, share), val);
        else
            snprintf(err, n, _("--require: %s is a share of at most 1, not %s"), name, val);
        return -1;
    }
    *metric = m, *at_least = op[0] == '>', *value = v;
    return 0;
}

static bool is_whole(double x)
{
    return x == floor(x);
}

/* The smallest power of ten, 10^0 .. 10^9, by which x is a whole number k exactly as
 * read: k / 10^d gives x back, bit for bit (0.15: 15 / 100). 0 if none does (1/3, or
 * 1e-12). */
static double decimal_scale(double x)
{
    double scale = 1;
    for (int d = 0; d <= 9; d++, scale *= 10) {
        double k = round(x * scale);
        if (fabs(k) < 0x1p53 && k / scale == x) return scale;
    }
    return 0;
}

/* The default step of a number lever, (to - from) / 20, counted in the decimals that
 * from and to are written in when they have any: from 1 to 1.00001 steps by 5e-07, where
 * the difference in binary would give 5.000000000032756e-07. */
static double default_step(double from, double to)
{
    double a = decimal_scale(from), b = decimal_scale(to), scale = fmax(a, b);
    if (a == 0 || b == 0) return (to - from) / DEFAULT_STEPS;
    return (round(to * scale) - round(from * scale)) / (DEFAULT_STEPS * scale);
}

/* Resolve lever k's step and grid; 0 or 2 (said). */
static int resolve_lever(struct optimise_result *r, size_t k, const struct optimise_lever *l, FILE *err)
{
    char why[400];
    int key = key_sweepable(l->parameter, why, sizeof why);
    if (key < 0) { /* said once, not at every point */
        fprintf(err, _("servlab: optimise: --param %s: %s\n"), l->parameter, why);
        return 2;
    }
    if (!l->have_from || !l->have_to) {
        fprintf(err, _("servlab: optimise: --param %s needs --from A and --to B\n"), l->parameter);
        return 2;
    }
    /* the bounds against the key, as a sweep's are: a percentage only for a share, a
       share within its range ("--to 99" where 0.99 or 99% was meant) */
    const struct {
        const char *option;
        double x;
        bool percent;
        enum key_bound what;
    } bounds[] = {{"--from", l->from, l->from_percent, BOUND_IN_RANGE},
                  {"--to", l->to, l->to_percent, BOUND_IN_RANGE},
                  {"--step", l->step, l->step_percent, BOUND_STEP}};
    for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++)
        if (key_bound_problem(&key_defs[key], l->parameter, bounds[i].x, bounds[i].percent, bounds[i].what, why,
                              sizeof why)) {
            fprintf(err, _("servlab: optimise: %s: %s\n"), bounds[i].option, why);
            return 2;
        }
    if (!(l->to > l->from)) {
        fprintf(err, _("servlab: optimise: --param %s: --to must be above --from\n"), l->parameter);
        return 2;
    }
    bool whole = key_is_count(l->parameter);
    double step = l->step > 0 ? l->step : whole ? 1 : default_step(l->from, l->to);
    if (whole && (!is_whole(l->from) || !is_whole(l->to) || !is_whole(step))) {
        fprintf(err, _("servlab: optimise: %s is a whole number: give whole --from, --to and --step\n"), l->parameter);
        return 2;
    }
    double points = floor((l->to - l->from) / step * (1 + 1e-12)) + 1;
    if (points < 2 || points > GRID_MAX) {
        fprintf(err, _("servlab: optimise: --param %s: the step gives %.0f values; give 2 to %d\n"), l->parameter,
                points, GRID_MAX);
        return 2;
    }
    r->lever[k] = *l;
    r->lever[k].step = step;
    r->n[k] = (size_t)points;
    r->whole[k] = whole;
    return 0;
}

/* from + i step, on the decimal grid that from and step are written on when they have
 * at most 9 decimals: 0 + 12 x 0.15 is 1.8, which the sum in binary would make
 * 1.7999999999999998 (so the report named that point). Counting in whole hundredths,
 * (0 + 12 x 15) / 100, gives the double nearest 1.8, as a sweep's from + (to - from)
 * i / (n - 1) does. */
double optimise_value(const struct optimise_result *r, size_t k, size_t i)
{
    const struct optimise_lever *l = &r->lever[k];
    double x = l->from + (double)i * l->step;
    if (r->whole[k]) return round(x);
    double a = decimal_scale(l->from), b = decimal_scale(l->step), scale = fmax(a, b);
    if (a == 0 || b == 0) return x;
    return (round(l->from * scale) + (double)i * round(l->step * scale)) / scale;
}

size_t optimise_grid_points(const struct optimise_result *r)
{
    size_t g = 1;
    for (size_t k = 0; k < r->nlevers; k++) g *= r->n[k];
    return g;
}

/* ---- points ---- */

/* The significant digits, 6 or more, that write every grid value of lever k apart from
 * its neighbours, as a sweep's table writes its lever (sweep_lever_digits): the grid's
 * values are a step apart, and its ends, the largest, need the most, so digits that
 * tell a step apart at the larger end and part its two pairs of ends part them all. */
static int lever_digits(const struct optimise_result *r, size_t k)
{
    size_t n = r->n[k];
    double ends[4] = {optimise_value(r, k, 0), optimise_value(r, k, 1), optimise_value(r, k, n - 2),
                      optimise_value(r, k, n - 1)};
    double largest = fmax(fabs(ends[0]), fabs(ends[3])), step = r->lever[k].step;
    int whole = largest > 0 ? (int)floor(log10(largest)) + 1 : 1, digits = 6;
    for (bool apart = false; !apart && digits < 17; digits += !apart) {
        char a[40], b[40], c[40], d[40];
        apart = pow(10, whole - digits) <= step &&
                strcmp(sweep_lever_text(ends[0], digits, a), sweep_lever_text(ends[1], digits, b)) != 0 &&
                strcmp(sweep_lever_text(ends[2], digits, c), sweep_lever_text(ends[3], digits, d)) != 0;
    }
    return digits;
}

/* Lever k's value x as the tables and messages write it (into v, 40 bytes): with the
 * lever's digits, and no exponent ("1000000", "0.0000005"). */
static const char *lever_text(const struct optimise_result *r, size_t k, double x, char v[40])
{
    return sweep_lever_text(x, lever_digits(r, k), v);
}

/* Lever k's value x as a message about a point names it (into v): --from or --to as typed,
 * every digit and no exponent (sweep_number_text: "-0.123456789"); a value of the grid
 * between them, which nobody typed, as the tables write it (lever_text). */
static const char *point_text(const struct optimise_result *r, size_t k, double x, char v[40])
{
    const struct optimise_lever *l = &r->lever[k];
    return x == l->from || x == l->to ? sweep_number_text(x, v) : lever_text(r, k, x, v);
}

/* Lever k at value x as the reader's messages name it: "inventory.order_quantity = 0". */
static void lever_label(const struct optimise_result *r, size_t k, double x, char *label, size_t n)
{
    char v[40];
    snprintf(label, n, "%s = %s", r->lever[k].parameter, point_text(r, k, x, v));
}

/* Load the scenario with the levers at values x (nx of them, the first levers); 0 or 2.
 * The reader's messages go to msgs (may be NULL: dropped). */
static int load_at(const struct optimise_result *r, const char *path, const struct scenario_override *sets,
                   size_t nsets, const double *x, size_t nx, struct scenario *sc, FILE *msgs)
{
    char assignment[OPTIMISE_LEVERS][200], label[OPTIMISE_LEVERS][240], text[OPTIMISE_LEVERS][40], v[40];
    const char *levers[OPTIMISE_LEVERS], *labels[OPTIMISE_LEVERS], *shown[OPTIMISE_LEVERS];
    for (size_t k = 0; k < nx; k++) {
        num_format(x[k], v, sizeof v);
        snprintf(assignment[k], sizeof assignment[k], "%s=%s", r->lever[k].parameter, v);
        lever_label(r, k, x[k], label[k], sizeof label[k]); /* each lever its own: the problems say whose value */
        levers[k] = assignment[k], labels[k] = label[k], shown[k] = point_text(r, k, x[k], text[k]);
    }
    char *buf = NULL;
    int rc = sweep_load_levers(sc, path, sets, nsets, levers, labels, shown, nx, &buf);
    if (rc && msgs) fputs(buf ? buf : "", msgs);
    free(buf);
    return rc;
}

struct search {
    struct optimise_result *r;
    const char *path;
    const struct scenario_override *sets;
    size_t nsets;
    const struct simulate_opts *o;
    struct config_patch *patches; /* one per point (cap of them) */
    FILE *err;
    bool noted; /* the base took the first loaded point's notes and lever (point_at) */
};

static size_t find_point(const struct optimise_result *r, const size_t *at)
{
    for (size_t i = 0; i < r->npoints; i++) {
        bool same = true;
        for (size_t k = 0; k < r->nlevers; k++) same &= r->points[i].at[k] == at[k];
        if (same) return i;
    }
    return SIZE_MAX;
}

/* The point at grid indexes `at`, added (loaded, its patch made) if new. */
static size_t point_at(struct search *s, const size_t *at)
{
    struct optimise_result *r = s->r;
    size_t i = find_point(r, at);
    if (i != SIZE_MAX) return i;
    if (r->npoints == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 64;
        r->points = realloc(r->points, r->cap * sizeof *r->points);
        s->patches = realloc(s->patches, r->cap * sizeof *s->patches);
        if (!r->points || !s->patches) abort();
    }
    struct optimise_point *p = &r->points[r->npoints];
    memset(p, 0, sizeof *p);
    memset(&s->patches[r->npoints], 0, sizeof s->patches[0]);
    double x[OPTIMISE_LEVERS];
    for (size_t k = 0; k < r->nlevers; k++) p->at[k] = at[k], x[k] = optimise_value(r, k, at[k]);
    struct scenario *sc = calloc(1, sizeof *sc);
    if (!sc) abort();
    if (load_at(r, s->path, s->sets, s->nsets, x, r->nlevers, sc, NULL) != 0) {
        p->invalid = true; /* a combination the reader refuses (say, S below s): skipped */
        r->invalid++;
    } else {
        config_patch_make(&s->patches[r->npoints], &r->base.cfg, &sc->cfg);
        if (!s->noted) {
            /* what a lever replaced is the same at every point (as cli/sweep.c): the table
               and the page's settings say it once, from the first point loaded */
            r->base.nnotes = sc->nnotes;
            memcpy(r->base.notes, sc->notes, sizeof sc->notes);
            r->base.lever = sc->lever;
            s->noted = true;
        }
        scenario_fini(sc);
    }
    free(sc);
    return r->npoints++;
}

/* Bring every listed point to `upto` replications; 0 or 1 (said). */
static int evaluate(struct search *s, const size_t *list, size_t n, unsigned upto)
{
    struct optimise_result *r = s->r;
    for (;;) { /* one call per group of points with the same replications so far */
        unsigned from = upto;
        for (size_t j = 0; j < n; j++) {
            const struct optimise_point *p = &r->points[list[j]];
            if (!p->invalid && p->reps < from) from = p->reps;
        }
        if (from == upto) return 0;
        size_t m = 0;
        struct config_patch *patches = malloc(n * sizeof *patches);
        size_t *which = malloc(n * sizeof *which);
        if (!patches || !which) abort();
        for (size_t j = 0; j < n; j++) {
            const struct optimise_point *p = &r->points[list[j]];
            bool dup = false;
            for (size_t i = 0; i < m; i++) dup |= which[i] == list[j];
            if (!p->invalid && p->reps == from && !dup) which[m] = list[j], patches[m++] = s->patches[list[j]];
        }
        unsigned add = upto - from;
        double *rows = malloc((size_t)m * add * r->nm * sizeof *rows);
        if (!rows) abort();
        struct simulate_opts o = *s->o;
        o.first_replication = from;
        o.backlog = NULL;
        size_t missing = simulate_patched(&r->base.cfg, patches, m, add, &o, rows);
        if (missing) {
            fprintf(s->err, _("servlab: optimise: %zu runs did not finish; nothing was written\n"), missing);
            free(rows), free(patches), free(which);
            return 1;
        }
        for (size_t i = 0; i < m; i++) {
            struct optimise_point *p = &r->points[which[i]];
            p->rows = realloc(p->rows, (size_t)upto * r->nm * sizeof *p->rows);
            if (!p->rows) abort();
            memcpy(p->rows + (size_t)from * r->nm, rows + i * add * r->nm, (size_t)add * r->nm * sizeof *rows);
            p->reps = upto;
        }
        r->evaluations += m * add;
        free(rows), free(patches), free(which);
    }
}

/* Replication j's objective at point i, as a value to maximise. */
static double objective_rep(const struct optimise_result *r, size_t i, unsigned j)
{
    return r->sense * r->points[i].rows[(size_t)j * r->nm + (size_t)r->metric];
}

static struct summary metric_summary(const struct optimise_result *r, size_t i, int m)
{
    const struct optimise_point *p = &r->points[i];
    return summary_of(p->rows + (size_t)m, p->reps, r->nm);
}

/* Mean objective (to maximise) over the first `reps` replications; NaN if any is. */
static double objective_mean(const struct optimise_result *r, size_t i, unsigned reps)
{
    double sum = 0;
    for (unsigned j = 0; j < reps; j++) sum += objective_rep(r, i, j);
    return sum / reps;
}

/* The chosen point's lead over point i (in the objective's better direction) on the
 * replications both ran: paired differences, as Kim and Nelson compared them. */
static struct summary lead_of_chosen(const struct optimise_result *r, size_t i)
{
    unsigned n = r->points[i].reps < r->points[r->best].reps ? r->points[i].reps : r->points[r->best].reps;
    double *d = malloc((n ? n : 1) * sizeof *d);
    if (!d) abort();
    for (unsigned j = 0; j < n; j++) d[j] = objective_rep(r, r->best, j) - objective_rep(r, i, j);
    struct summary s = summary_of(d, n, 1);
    free(d);
    return s;
}

/* Evaluated, valid, a finite objective, and the requirement met on its mean. */
static bool usable(const struct optimise_result *r, size_t i)
{
    const struct optimise_point *p = &r->points[i];
    if (p->invalid || p->reps < r->n0 || !isfinite(objective_mean(r, i, r->n0))) return false;
    if (r->req_metric < 0) return true;
    double v = metric_summary(r, i, r->req_metric).mean;
    return isfinite(v) && (r->req_at_least ? v >= r->req_value : v <= r->req_value);
}

/* The best usable point at the search's replications, or SIZE_MAX. */
static size_t incumbent(const struct optimise_result *r)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < r->npoints; i++)
        if (usable(r, i) && (best == SIZE_MAX || objective_mean(r, i, r->n0) > objective_mean(r, best, r->n0)))
            best = i;
    return best;
}

/* The neighbourhood of point c at strides st (3 x 3, or 3 with one lever), clipped to the
 * grid, into list; returns how many. */
static size_t neighbourhood(const struct optimise_result *r, size_t c, const size_t *st, size_t *at_list)
{
    size_t n = 0, combos = r->nlevers == 2 ? 9 : 3;
    for (size_t q = 0; q < combos; q++) {
        size_t at[OPTIMISE_LEVERS];
        size_t code = q;
        for (size_t k = 0; k < r->nlevers; k++, code /= 3) {
            size_t here = r->points[c].at[k];
            int off = (int)(code % 3) - 1;
            if (off < 0)
                at[k] = here >= st[k] ? here - st[k] : 0;
            else if (off > 0)
                at[k] = here + st[k] < r->n[k] ? here + st[k] : r->n[k] - 1;
            else
                at[k] = here;
        }
        memcpy(at_list + n * OPTIMISE_LEVERS, at, sizeof at);
        n++;
    }
    return n;
}

static int search(struct search *s)
{
    struct optimise_result *r = s->r;
    size_t st[OPTIMISE_LEVERS] = {1, 1}, nc[OPTIMISE_LEVERS] = {1, 1};
    size_t idx[OPTIMISE_LEVERS][COARSE_INTERVALS + 2];
    for (size_t k = 0; k < r->nlevers; k++) {
        st[k] = (r->n[k] - 1 + COARSE_INTERVALS - 1) / COARSE_INTERVALS;
        if (st[k] < 1) st[k] = 1;
        nc[k] = 0;
        for (size_t i = 0; i < r->n[k] - 1; i += st[k]) idx[k][nc[k]++] = i;
        idx[k][nc[k]++] = r->n[k] - 1;
    }
    size_t ncoarse = nc[0] * (r->nlevers == 2 ? nc[1] : 1);
    size_t *list = malloc(ncoarse * sizeof *list);
    if (!list) abort();
    for (size_t q = 0; q < ncoarse; q++) {
        size_t at[OPTIMISE_LEVERS] = {idx[0][q % nc[0]], r->nlevers == 2 ? idx[1][q / nc[0]] : 0};
        list[q] = point_at(s, at);
    }
    int rc = evaluate(s, list, ncoarse, r->n0);
    free(list);
    if (rc) return rc;
    r->coarse_points = ncoarse;
    size_t best = incumbent(r);
    if (best == SIZE_MAX) return 0;
    size_t at_list[9 * OPTIMISE_LEVERS], near[9];
    for (;;) {
        for (;;) { /* re-centre on the best point until it stays */
            size_t n = neighbourhood(r, best, st, at_list);
            for (size_t j = 0; j < n; j++) near[j] = point_at(s, at_list + j * OPTIMISE_LEVERS);
            if ((rc = evaluate(s, near, n, r->n0))) return rc;
            size_t now = incumbent(r);
            if (now == best) break;
            best = now;
        }
        bool done = true;
        for (size_t k = 0; k < r->nlevers; k++) done &= st[k] == 1;
        if (done) break;
        for (size_t k = 0; k < r->nlevers; k++) st[k] = (st[k] + 1) / 2;
        r->refinements++;
    }
    return 0;
}

/* ---- selection ---- */

static int by_objective_ctx_cmp(const struct optimise_result *r, size_t a, size_t b)
{
    double x = objective_mean(r, a, r->n0), y = objective_mean(r, b, r->n0);
    return x > y ? -1 : x < y ? 1 : a < b ? -1 : a > b;
}

static int select_best(struct search *s)
{
    struct optimise_result *r = s->r;
    size_t want = r->nlevers == 2 ? OPTIMISE_CANDIDATES : 5;
    r->ncand = 0;
    for (size_t i = 0; i < r->npoints; i++) { /* insertion into the best `want` */
        if (!usable(r, i)) continue;
        size_t j = r->ncand < want ? r->ncand++ : want;
        while (j > 0 && by_objective_ctx_cmp(r, i, r->cand[j - 1].point) < 0) {
            if (j < want) r->cand[j] = r->cand[j - 1];
            j--;
        }
        if (j < want) r->cand[j] = (struct optimise_candidate){.point = i, .out_at = 0};
    }
    size_t k = r->ncand;
    if (k == 0) return 0;
    unsigned n0 = r->n0;
    struct summary top = summary_of(NULL, 0, 1);
    {
        double *v = malloc(n0 * sizeof *v);
        if (!v) abort();
        for (unsigned j = 0; j < n0; j++) v[j] = objective_rep(r, r->cand[0].point, j);
        top = summary_of(v, n0, 1);
        free(v);
    }
    if (!r->delta_given) r->delta = isfinite(top.ci95) && top.ci95 > 0 ? top.ci95 / 2 : 1e-9 * fmax(1, fabs(top.mean));
    r->best = r->cand[0].point;
    if (k == 1) return 0;
    double eta = 0.5 * (pow(2 * KN_ALPHA / (double)(k - 1), -2.0 / (n0 - 1)) - 1);
    r->h2 = 2 * eta * (n0 - 1);
    double *s2 = calloc(k * k, sizeof *s2), *sum = calloc(k, sizeof *sum);
    bool *alive = malloc(k * sizeof *alive), *was = malloc(k * sizeof *was);
    size_t *list = malloc(k * sizeof *list);
    if (!s2 || !sum || !alive || !was || !list) abort();
    for (size_t i = 0; i < k; i++) alive[i] = true;
    for (size_t i = 0; i < k; i++)
        for (size_t l = 0; l < k; l++) {
            if (i == l) continue;
            double m = 0, q = 0;
            for (unsigned j = 0; j < n0; j++)
                m += objective_rep(r, r->cand[i].point, j) - objective_rep(r, r->cand[l].point, j);
            m /= n0;
            for (unsigned j = 0; j < n0; j++) {
                double d = objective_rep(r, r->cand[i].point, j) - objective_rep(r, r->cand[l].point, j) - m;
                q += d * d;
            }
            s2[i * k + l] = q / (n0 - 1);
        }
    unsigned reps = n0;
    int rc = 0;
    for (;;) {
        for (size_t i = 0; i < k; i++) sum[i] = alive[i] ? objective_mean(r, r->cand[i].point, reps) : 0;
        memcpy(was, alive, k * sizeof *alive);
        bool open = false; /* some pair still has a positive W */
        for (size_t i = 0; i < k; i++) {
            if (!was[i]) continue;
            for (size_t l = 0; l < k; l++) {
                if (l == i || !was[l]) continue;
                double w = r->delta / (2.0 * reps) * (r->h2 * s2[i * k + l] / (r->delta * r->delta) - reps);
                if (w > 0) open = true;
                if (sum[i] < sum[l] - fmax(0, w)) {
                    alive[i] = false;
                    r->cand[i].out_at = reps;
                    break;
                }
            }
        }
        size_t left = 0, lead = SIZE_MAX;
        for (size_t i = 0; i < k; i++)
            if (alive[i]) {
                left++;
                if (lead == SIZE_MAX || sum[i] > sum[lead]) lead = i;
            }
        if (left == 1 || !open || reps >= KN_MAX_REPS) {
            r->best = r->cand[lead].point;
            break;
        }
        size_t m = 0;
        for (size_t i = 0; i < k; i++)
            if (alive[i]) list[m++] = r->cand[i].point;
        if ((rc = evaluate(s, list, m, reps + 1))) break;
        reps++;
    }
    free(s2), free(sum), free(alive), free(was), free(list);
    return rc;
}

/* How many points were tried, when every usable one has the same mean of the objective
 * (optimise_result.tied); 0 when two differ or fewer than two were tried. */
static size_t all_tied(const struct optimise_result *r)
{
    size_t n = 0;
    double first = 0;
    for (size_t i = 0; i < r->npoints; i++) {
        if (!usable(r, i)) continue;
        double x = objective_mean(r, i, r->n0);
        if (n++ == 0)
            first = x;
        else if (x != first)
            return 0;
    }
    return n >= 2 ? n : 0;
}

/* ---- the command ---- */

/* The levers' values at corner c of the grid: lever k at its --to when bit k of c is
 * set, else at its --from. */
static void corner_values(const struct optimise_result *r, size_t c, double *x)
{
    for (size_t k = 0; k < r->nlevers; k++) x[k] = optimise_value(r, k, (c >> k & 1) ? r->n[k] - 1 : 0);
}

static void say_nearest(const struct optimise_result *r, FILE *err); /* below, with the output */

/* Say, once, that lever k's end e (0: --from, 1: --to) gives no valid scenario, as a
 * sweep says it of its point (sweep_refuse_point): the option and value to change, then
 * the reader's problems at the corner c that shows it (msgs). */
static void refuse_corner(const struct optimise_result *r, size_t k, unsigned e, size_t c, const char *msgs, FILE *err)
{
    double x[OPTIMISE_LEVERS];
    corner_values(r, c, x);
    const struct optimise_lever *l = &r->lever[k];
    char label[240], option[80], v[40], typed[40], head[600];
    lever_label(r, k, x[k], label, sizeof label);
    /* the option as typed: a share written as a percentage ("--to 95%") as such */
    double given = e ? l->to : l->from;
    if (e ? l->to_percent : l->from_percent)
        snprintf(typed, sizeof typed, "%.15g%%", 100 * given);
    else
        sweep_number_text(given, typed);
    snprintf(option, sizeof option, "%s %s", e ? "--to" : "--from", typed);
    /* --from is the grid's first value; --to its last when the step reaches it (the grid's
       value a hair off it: from + n steps in binary). Not their texts compared: the grid
       writes its values with the lever's digits, which may be fewer than the option's */
    bool at_given = e == 0 || fabs(x[k] - given) <= 1e-9 * fabs(l->step);
    if (at_given) /* the same words as a sweep's (cli/sweep.c): "--from -100 for inventory.order_quantity" */
        snprintf(head, sizeof head, _("%s for %s gives an invalid scenario:"), option, l->parameter);
    else { /* a --step that does not divide the range ends the grid below --to */
        char step[40];
        /* TRANSLATORS: the option as typed ("--to 1540"), the lever's key, then the grid's
           last value ("1500"), which the step reaches below it, and the step */
        snprintf(head, sizeof head, _("%s for %s gives an invalid scenario at %s, the grid's last value (step %s):"),
                 option, l->parameter, lever_text(r, k, x[k], v), sweep_number_text(l->step, step));
    }
    sweep_refuse_point(err, NULL, head, label, msgs);
}

void optimise_free(struct optimise_result *r)
{
    for (size_t i = 0; i < r->npoints; i++) free(r->points[i].rows);
    free(r->points);
    r->points = NULL;
    r->npoints = r->cap = 0;
    scenario_fini(&r->base);
}

int optimise_run(const char *path, const struct scenario_override *sets, size_t nsets, const struct optimise_request *q,
                 const struct simulate_opts *o, struct optimise_result *r, FILE *err)
{
    memset(r, 0, sizeof *r);
    if (q->nlevers == 0) {
        fprintf(err, _("servlab: optimise: give a lever: --param SECTION.KEY --from A --to B [--step D]\n"));
        return 2;
    }
    r->nlevers = q->nlevers;
    for (size_t k = 0; k < q->nlevers; k++)
        if (resolve_lever(r, k, &q->lever[k], err)) return 2;
    if (r->nlevers == 2 && strcmp(r->lever[0].parameter, r->lever[1].parameter) == 0) {
        fprintf(err, _("servlab: optimise: the two levers are the same key, %s\n"), r->lever[0].parameter);
        return 2;
    }
    const char *name = q->metric ? q->metric : "profit_per_day";
    r->metric = metric_find(name);
    char problem[400];
    if (report_check_metric(q->minimise ? "--minimise" : "--maximise", name, problem, sizeof problem)) {
        fprintf(err, "servlab: optimise: %s\n", problem);
        return 2;
    }
    r->sense = q->minimise ? -1 : 1;
    r->req_metric = -1;
    if (q->require) {
        char msg[600];
        if (optimise_parse_require(q->require, &r->req_metric, &r->req_at_least, &r->req_value, msg, sizeof msg)) {
            fprintf(err, "servlab: %s\n", msg);
            return 2;
        }
    }
    r->delta = q->delta, r->delta_given = q->delta > 0;
    size_t grid = optimise_grid_points(r);
    if (grid > GRID_MAX) {
        fprintf(err, _("servlab: optimise: the grid has %zu points; give at most %d (a larger --step)\n"), grid,
                GRID_MAX);
        return 2;
    }
    if (scenario_load(&r->base, path, sets, nsets, err) != 0) return 2;
    /* a --set of another service lever of a lever's section: said once, of the --set */
    for (size_t k = 0; k < r->nlevers; k++) {
        char source[200], clash[1200];
        snprintf(source, sizeof source, "--param %s", r->lever[k].parameter);
        if (sweep_lever_clash(&r->base, r->lever[k].parameter, source, sets, nsets, true, clash, sizeof clash)) {
            lang_print_hanging(err, "servlab: ", clash, "  ", LANG_LINE_MAX);
            scenario_fini(&r->base);
            return 2;
        }
    }
    /* each end of each lever's range must load with some end of the other's: a key or value
       the reader refuses is the user's mistake (exit 2), whereas a combination refused
       inside the grid (S below s) is skipped */
    size_t ends = r->nlevers == 2 ? 4 : 2;
    bool loads[4];
    char *msgs[4] = {NULL}; /* each corner's problems */
    for (size_t c = 0; c < ends; c++) {
        double x[OPTIMISE_LEVERS];
        corner_values(r, c, x);
        struct scenario *sc = calloc(1, sizeof *sc);
        if (!sc) abort();
        size_t len = 0;
        FILE *m = open_memstream(&msgs[c], &len);
        loads[c] = load_at(r, path, sets, nsets, x, r->nlevers, sc, m ? m : err) == 0;
        if (m) fclose(m);
        if (loads[c]) scenario_fini(sc);
        free(sc);
    }
    /* the first lever end that loads with neither end of the other lever is said, once */
    bool bad = false;
    for (size_t k = 0; k < r->nlevers && !bad; k++)
        for (unsigned e = 0; e < 2 && !bad; e++) {
            bool any = false;
            for (size_t d = 0; d < ends; d++) any |= (d >> k & 1) == e && loads[d];
            if (!any) bad = true, refuse_corner(r, k, e, (size_t)e << k, msgs[(size_t)e << k], err);
        }
    for (size_t c = 0; c < ends; c++) free(msgs[c]);
    if (bad) {
        scenario_fini(&r->base);
        return 2;
    }
    if (!metric_shown(&r->base.cfg, (size_t)r->metric) ||
        (r->req_metric >= 0 && !metric_shown(&r->base.cfg, (size_t)r->req_metric))) {
        fprintf(
            err, _("servlab: optimise: %s: this scenario does not report %s\n"), path,
            metric_defs[r->metric >= 0 && !metric_shown(&r->base.cfg, (size_t)r->metric) ? r->metric : r->req_metric]
                .name);
        scenario_fini(&r->base);
        return 2;
    }
    r->nm = metric_count(&r->base.cfg);
    r->reps = r->base.cfg.run.replications;
    r->n0 = r->reps < N0_MIN ? N0_MIN : r->reps > N0_MAX ? N0_MAX : r->reps;
    struct search s = {.r = r, .path = path, .sets = sets, .nsets = nsets, .o = o, .err = err};
    int rc = search(&s);
    if (rc == 0) {
        if (incumbent(r) == SIZE_MAX) {
            fprintf(err,
                    r->req_metric >= 0
                        ? _("servlab: optimise: no point of the grid that the search tried meets --require %s\n")
                        : _("servlab: optimise: no point of the grid that the search tried has a value of the "
                            "metric%s\n"),
                    q->require ? q->require : "");
            if (r->req_metric >= 0) say_nearest(r, err);
            rc = 1;
        } else if ((rc = select_best(&s)) == 0)
            r->tied = all_tied(r);
    }
    for (size_t i = 0; i < r->npoints; i++) config_patch_free(&s.patches[i]);
    free(s.patches);
    for (size_t i = 0; i < r->npoints; i++)
        if (usable(r, i) == false && !r->points[i].invalid) r->infeasible++;
    if (rc) optimise_free(r);
    return rc;
}

/* ---- output ---- */

/* x with the decimals that the spread `ci` makes meaningful (two significant digits of
 * ci), into buf of 40 bytes; 4 without a spread (0, or unknown: a single replication). */
static int shown_decimals(double ci)
{
    int d = isfinite(ci) && ci > 0 ? 1 - (int)floor(log10(ci)) : 4;
    return d < 0 ? 0 : d > 8 ? 8 : d;
}

static const char *shown(double x, double ci, char *buf)
{
    return num_fixed(x, shown_decimals(ci), buf, 40); /* never "-0.00" */
}

/* x with shown()'s decimals, rounded down (at_least) or up, so that a requirement
 * ">= it" or "<= it" still holds for x itself */
static const char *shown_bound(double x, double ci, bool at_least, char *buf)
{
    int d = shown_decimals(ci);
    double scale = pow(10, d), bound = (at_least ? floor(x * scale) : ceil(x * scale)) / scale;
    if (at_least ? bound > x : bound < x) bound = (at_least ? floor(x * scale) - 1 : ceil(x * scale) + 1) / scale;
    num_fixed(bound, d, buf, 40);
    if (strchr(buf, '.')) { /* the same number without trailing zeros: "<=0", not "<=0.0000" */
        size_t n = strlen(buf);
        while (buf[n - 1] == '0') buf[--n] = '\0';
        if (buf[n - 1] == '.') buf[--n] = '\0';
    }
    return buf;
}

/* Whether metric m is a share, shown as a percentage as the report shows it. */
static bool is_share_metric(int m)
{
    return metric_defs[m].kind == KIND_RATE || metric_defs[m].kind == KIND_SHARE;
}

/* "1174 ± 16", or a share as a percentage, "99.79 ± 0.48%", as the headline shows it;
 * into buf (n bytes). */
static const char *figure_text(int metric, const struct summary *m, char *buf, size_t n)
{
    double scale = is_share_metric(metric) ? 100 : 1;
    char a[40], b[40];
    snprintf(buf, n, "%s ± %s%s", shown(scale * m->mean, scale * m->ci95, a),
             shown(scale * m->ci95, scale * m->ci95, b), scale == 100 ? "%" : "");
    return buf;
}

/* --require's bound as the student may type it: a share as a percentage ("95%"),
 * anything else as a number; into buf (40 bytes). */
static const char *required_text(const struct optimise_result *r, char *buf)
{
    char share[40];
    sweep_number_text(r->req_value, share); /* no exponent: "0.0000005" */
    if (!is_share_metric(r->req_metric)) return snprintf(buf, 40, "%s", share), buf;
    /* the decimal point moved two places in the text, where 100 x would write
       95.00000000000001: "0.95" is 95, "0.0000005" 0.00005, "1" 100 */
    if (strpbrk(share, "eE")) { /* beyond 1e-9 or 1e15 it keeps its exponent: times 100 */
        char pct[40];
        snprintf(buf, 40, "%s%%", sweep_number_text(100 * r->req_value, pct));
        return buf;
    }
    const char *p = share + (share[0] == '-'); /* a share below 0: a difference of two */
    char digits[48];
    size_t n = 0;
    while (*p && *p != '.') digits[n++] = *p++;
    if (*p == '.') p++;
    for (int i = 0; i < 2; i++) digits[n++] = *p ? *p++ : '0';
    digits[n] = '\0';
    const char *whole = digits;
    while (whole[0] == '0' && whole[1]) whole++;
    char text[100];
    snprintf(text, sizeof text, "%s%s%s%s%%", share[0] == '-' ? "-" : "", whole, *p ? "." : "", p);
    snprintf(buf, 40, "%.39s", text);
    return buf;
}

/* A metric's name as report_metric_prose gives it, to stand between Chinese words: a
 * Latin name (which comes with a space before it) gets its space after it instead, as
 * the sentence's punctuation comes before it and a Chinese word after. */
static const char *metric_between(const char *prose, char *buf, size_t n)
{
    if (prose[0] == ' ')
        snprintf(buf, n, "%s ", prose + 1);
    else
        snprintf(buf, n, "%s", prose);
    return buf;
}

/* "A = a, B = b": point i's lever values, into buf (n bytes). */
static const char *lever_values(const struct optimise_result *r, size_t i, char *buf, size_t n)
{
    *buf = '\0';
    for (size_t k = 0; k < r->nlevers; k++) {
        char v[40];
        size_t used = strlen(buf);
        snprintf(buf + used, n - used, "%s%s = %s", k ? ", " : "", r->lever[k].parameter,
                 lever_text(r, k, optimise_value(r, k, r->points[i].at[k]), v));
    }
    return buf;
}

/* The tried point nearest to meeting --require (the highest mean of its metric for >=,
 * the lowest for <=), said after the requirement's failure with what to change: at the
 * end of a lever's range, that end (--from or --to) could go further; else the
 * requirement asks more than the levers give. Nothing if no point has a value. */
static void say_nearest(const struct optimise_result *r, FILE *err)
{
    size_t near = SIZE_MAX;
    double best = 0;
    for (size_t i = 0; i < r->npoints; i++) {
        if (r->points[i].invalid || r->points[i].reps == 0) continue;
        double v = metric_summary(r, i, r->req_metric).mean * (r->req_at_least ? 1 : -1);
        if (isfinite(v) && (near == SIZE_MAX || v > best)) near = i, best = v;
    }
    if (near == SIZE_MAX) return;
    char at[600], figure[120], name[100], named[110];
    struct summary q = metric_summary(r, near, r->req_metric);
    /* a Latin name among Chinese words (report_metric_words) stands apart on both sides */
    report_metric_prose(metric_defs[r->req_metric].name, name, sizeof name);
    snprintf(named, sizeof named, "%s%s", name, name[0] == ' ' ? " " : "");
    lang_printf_wrapped(err, LANG_LINE_MAX, _("The nearest point tried, %s, has %s %s.\n"),
                        lever_values(r, near, at, sizeof at), named,
                        figure_text(r->req_metric, &q, figure, sizeof figure));
    for (size_t k = 0; k < r->nlevers; k++) {
        size_t i = r->points[near].at[k];
        if (r->n[k] > 1 && (i == 0 || i == r->n[k] - 1)) {
            lang_printf_wrapped(err, LANG_LINE_MAX,
                                /* TRANSLATORS: the lever, then the option that moves its range's end */
                                _("It lies at the end of %s's range: widen the range (%s) or relax the requirement.\n"),
                                r->lever[k].parameter, i == 0 ? "--from" : "--to");
            return;
        }
    }
    lang_printf_wrapped(err, LANG_LINE_MAX,
                        _("It lies inside the levers' ranges: the requirement asks more than these levers give; relax "
                          "it, or search another lever.\n"));
}

void optimise_table(FILE *out, const struct optimise_result *r)
{
    const struct scenario *b = &r->base;
    char v[4][40], metric_shown[100], required[100], profit[100]; /* 每日利润 in Chinese, profit_per_day in English */
    const char *metric = report_metric_prose(metric_defs[r->metric].name, metric_shown, sizeof metric_shown);
    report_metric_prose(metric_defs[r->req_metric >= 0 ? r->req_metric : r->metric].name, required, sizeof required);
    report_metric_prose(metric_defs[M_PROFIT].name, profit, sizeof profit);
    fprintf(out, "servlab %s optimise — %s\n", SERVLAB_VERSION, b->path);
    /* lines that carry a name are wrapped to a terminal (lang_printf_wrapped): a long key
       or metric would carry them past 100 columns */
    fprintf(out, r->sense > 0 ? _("Maximise %s over\n") : _("Minimise %s over\n"), metric);
    for (size_t k = 0; k < r->nlevers; k++)
        lang_printf_wrapped(out, LANG_LINE_MAX, _("  %s from %s to %s, step %s (%zu values)\n"), r->lever[k].parameter,
                            lever_text(r, k, optimise_value(r, k, 0), v[0]),
                            lever_text(r, k, optimise_value(r, k, r->n[k] - 1), v[1]),
                            sweep_number_text(r->lever[k].step, v[2]), r->n[k]);
    if (r->req_metric >= 0) {
        char between[110]; /* 条件：满足率的均值, no blank between Chinese words */
        lang_printf_wrapped(out, LANG_LINE_MAX, _("  where the mean of %s is %s %s\n"),
                            metric_between(required, between, sizeof between),
                            r->req_at_least ? ">=" : "<=", required_text(r, v[0]));
    }
    lang_printf_wrapped(out, LANG_LINE_MAX,
                        _("on common random numbers; seed %llu, generator %s; ± is the half-width of the 95%% "
                          "confidence interval.\n"),
                        (unsigned long long)b->cfg.run.seed, rng_generator_name());
    report_changed_line(out, b->changes);
    for (size_t i = 0; i < b->nnotes; i++) lang_printf_wrapped(out, LANG_LINE_MAX, _("Note: %s.\n"), b->notes[i]);
    if (b->lever.key && b->lever.replaced[0])
        lang_printf_wrapped(out, LANG_LINE_MAX, _("Note: at every point %s sets %s, in place of %s.\n"), b->lever.key,
                            b->lever.level_key, b->lever.replaced);

    struct summary m = metric_summary(r, r->best, r->metric);
    char best_at[600];
    lang_printf_wrapped(out, LANG_LINE_MAX, _("\nBest point: %s\n"), lever_values(r, r->best, best_at, sizeof best_at));
    /* the lines below begin with the name: no space of a Latin name after Chinese */
    char figure[120];
    fprintf(out, _("  %s %s (%u replications)\n"), metric + (metric[0] == ' '),
            figure_text(r->metric, &m, figure, sizeof figure), r->points[r->best].reps);
    if (r->req_metric >= 0) {
        struct summary q = metric_summary(r, r->best, r->req_metric);
        fprintf(out, "  %s %s\n", required + (required[0] == ' '),
                figure_text(r->req_metric, &q, figure, sizeof figure));
    }
    if (r->metric != M_PROFIT) {
        struct summary p = metric_summary(r, r->best, M_PROFIT);
        fprintf(out, "  %s %s\n", profit + (profit[0] == ' '), figure_text(M_PROFIT, &p, figure, sizeof figure));
    }
    if (r->tied) { /* "lowest at 1500" would read as a finding: the search merely began there */
        /* the level as the best point's line shows it; the requirement below rounded the
           way that still holds for every point (down for >=, up for <=) */
        double level = objective_mean(r, r->best, r->n0) * r->sense;
        char between[110];
        lang_printf_filled(/* two sentences: filled, not parted at each comma */
                           out, LANG_LINE_MAX,
                           _("Every one of the %zu points the search tried has the same %s, %s: "
                             "the metric does not tell them apart, and the point shown is only the first "
                             "the search tried (it starts at the low end of each lever's range), not a finding.\n"),
                           r->tied,
                           lang_current() == LANG_ZH ? metric_between(metric, between, sizeof between) : metric,
                           shown(level, m.ci95, v[0]));
        if (r->metric != M_PROFIT && r->req_metric < 0)
            fprintf(out,
                    _("To choose among them by profit, keep this level as a requirement:\n"
                      "  --maximise %s --require '%s%s%s'\n"),
                    metric_defs[M_PROFIT].name, metric_defs[r->metric].name,
                    r->sense > 0 ? ">=" : "<=", shown_bound(level, m.ci95, r->sense > 0, v[1]));
        else
            fputs(_("Choose among them on other grounds.\n"), out);
    }

    fprintf(out,
            _("\nSearch: a coarse grid of %zu points, then the best point's neighbours with the step halved %zu "
              "times\n"
              "down to one grid step; %u replications a point.\n"),
            r->coarse_points, r->refinements, r->n0);
    if (r->reps > r->n0) /* --reps above the first stage: say what it set */
        fprintf(out,
                _("The scenario's %u replications count for the full grid below; the search starts each point at\n"
                  "%u, and the selection adds replications where it must tell points apart.\n"),
                r->reps, r->n0);
    if (r->ncand > 1) {
        fprintf(out,
                _("Selection (Kim and Nelson): among the search's %zu best points, the chosen one is the best with\n"
                  "probability at least 95%% when the best is ahead by the indifference zone delta = %s or more;\n"
                  "otherwise it is within delta of the best of them.\ndelta is %s.\n"),
                r->ncand, shown(r->delta, r->delta, v[0]),
                r->delta_given ? _("as given with --delta")
                               /* xgettext:no-c-format */
                               : _("half the 95% half-width of the search's best point (set it with --delta)"));
        int kw = 10;
        fputs("\n  ", out); /* headings padded by display width (lang_pad): Chinese is two columns a character */
        lang_pad(out, _("point"), kw * (int)r->nlevers + 1, false); /* as wide as the rows' "%-*s" below */
        /* the objective's column, by display width: 每日利润 is 12 bytes but 8 columns */
        int mw = (int)lang_width(metric) > 14 ? (int)lang_width(metric) : 14;
        fputs("  ", out);
        lang_pad(out, metric, mw, true);
        fputs("  ", out);
        lang_pad(out, _("replications"), 12, true);
        fputs("  ", out);
        lang_pad(out, _("eliminated"), 10, false);
        fputs("  ", out);
        lang_pad(out, _("chosen ahead by"), 18, true);
        fputc('\n', out);
        bool uneven = false; /* a finalist ran more or fewer replications than the chosen one */
        for (size_t c = 0; c < r->ncand; c++) {
            size_t i = r->cand[c].point;
            struct summary s = metric_summary(r, i, r->metric);
            char at[120] = "";
            for (size_t k = 0; k < r->nlevers; k++)
                snprintf(at + strlen(at), sizeof at - strlen(at), "%s%s", k ? ", " : "",
                         lever_text(r, k, optimise_value(r, k, r->points[i].at[k]), v[0]));
            char when[60];
            if (r->cand[c].out_at)
                snprintf(when, sizeof when, _("after %u"), r->cand[c].out_at);
            else
                snprintf(when, sizeof when, "%s", i == r->best ? _("chosen") : "—");
            fprintf(out, "%c %-*s  %*s  %12u  ", i == r->best ? '*' : ' ', kw * (int)r->nlevers + 1, at, mw,
                    shown(s.mean, r->delta, v[1]), r->points[i].reps);
            lang_pad(out, when, 10, false);
            char lead[90] = "—";
            if (i != r->best) {
                struct summary d = lead_of_chosen(r, i);
                /* points whose noise cancels in the pairs leave rounding (1e-13) for a spread:
                   none, not 8 decimals of zeros */
                double ci = d.ci95 <= 1e-9 * fmax(fabs(d.mean), r->delta) ? 0 : d.ci95;
                const char *ahead = shown(d.mean, ci, v[1]);
                bool zero = strspn(ahead, "0.") == strlen(ahead); /* shown as 0: no sign */
                snprintf(lead, sizeof lead, "%s%s ± %s", d.mean > 0 && !zero ? "+" : "", ahead, shown(ci, ci, v[2]));
                uneven |= r->points[i].reps != r->points[r->best].reps;
            }
            fputs("  ", out);
            lang_pad(out, lead, 18, true);
            fputc('\n', out);
        }
        /* xgettext:no-c-format */
        fputs(_("Chosen ahead by: how much better the chosen point did than each (higher when maximising, lower\n"
                "when minimising), on the replications both ran: paired, ± the 95% half-width. The selection\n"
                "eliminates by delta, not by this interval.\n"),
              out);
        if (uneven)
            fputs(_("Means over different numbers of replications cannot be compared directly: a point eliminated\n"
                    "early can show a better mean than the chosen one.\n"),
                  out);
        /* delta wider than every gap (at the first stage's replications, which every
           finalist has): the guarantee says nothing about which is best */
        double best = objective_mean(r, r->best, r->n0), widest = 0;
        for (size_t c = 0; c < r->ncand; c++)
            widest = fmax(widest, fabs(objective_mean(r, r->cand[c].point, r->n0) - best));
        if (widest < r->delta && !r->tied) /* every point ties: said above */
            fprintf(
                out,
                /* TRANSLATORS: how many finalists there are besides the chosen one */
                P_("The other point lies within delta of the chosen one: their difference is inside the\n"
                   "indifference zone, so either will do. Choose on other grounds, or set a smaller --delta.\n",
                   "The other %zu points lie within delta of the chosen one: their differences are inside the\n"
                   "indifference zone, so any of them will do. Choose on other grounds, or set a smaller --delta.\n",
                   r->ncand - 1),
                r->ncand - 1);
    }
    size_t grid = optimise_grid_points(r);
    double full = (double)grid * r->reps;
    if ((double)r->evaluations < full)
        fprintf(out,
                _("\nEvaluations: %zu runs (replications x points, %zu points) against %.0f for the full grid\n"
                  "at this resolution (%zu points x %u replications): %.1f%%.\n"),
                r->evaluations, r->npoints - r->invalid, full, grid, r->reps, 100.0 * (double)r->evaluations / full);
    else /* a small grid (as many runs as the full grid, or more): a share of 100 % or above would read as a saving */
        fprintf(
            out,
            _("\nEvaluations: %zu runs (replications x points, %zu points), no fewer than the %.0f of the full grid\n"
              "at this resolution (%zu points x %u replications): on a grid this small the search saves no\n"
              "runs, as it runs %u replications or more at each point it tries, to tell the best apart.\n"),
            r->evaluations, r->npoints - r->invalid, full, grid, r->reps, r->n0);
    if (r->invalid)
        fprintf(out,
                P_("%zu combination was skipped: the scenario reader refuses it.\n",
                   "%zu combinations were skipped: the scenario reader refuses them.\n", r->invalid),
                r->invalid);
    if (r->infeasible && r->req_metric >= 0)
        fprintf(
            out,
            P_("%zu point tried misses the requirement.\n", "%zu points tried miss the requirement.\n", r->infeasible),
            r->infeasible);
    for (size_t i = 0; i < b->nwarnings; i++) report_warning(out, b->warnings[i]);
}

void optimise_headline(const struct optimise_result *r, char *head, size_t nhead, char *small, size_t nsmall)
{
    char at[300] = "", v[2][40], value[40], ci[40];
    for (size_t k = 0; k < r->nlevers; k++)
        snprintf(at + strlen(at), sizeof at - strlen(at), "%s%s = %s", k ? C_("levers", ", ") : "",
                 r->lever[k].parameter, lever_text(r, k, optimise_value(r, k, r->points[r->best].at[k]), v[0]));
    const struct metric_def *d = &metric_defs[r->metric];
    struct summary m = metric_summary(r, r->best, r->metric);
    const char *unit = "";
    report_figure(d, &m, value, ci, &unit); /* the unit in the reader's language */
    double scale = *unit == '%' ? 100 : 1;  /* a share as a percentage, rounded as the table's */
    char figure[120];
    snprintf(figure, sizeof figure, "%s ± %s%s%s%s", shown(scale * m.mean, scale * m.ci95, v[0]),
             shown(scale * m.ci95, scale * m.ci95, v[1]), *unit && *unit != '%' ? " " : "", unit,
             d->kind == KIND_MONEY_PER_DAY ? _(" a day") : "");
    /* the measure named first, so no verb agrees with it ("Units lost", "Profit"); an
       indented row of the report's table ("  of which transmission") is named as the
       command line names it, since alone its words say nothing */
    char measure[100]; /* in Chinese a Latin name stands apart from the 在 after it */
    if (d->label[0] == ' ')
        snprintf(measure, sizeof measure, "%s%s", d->name, lang_current() == LANG_ZH ? " " : "");
    else
        snprintf(measure, sizeof measure, "%s", _(d->label));
    if (r->tied) /* TRANSLATORS: e.g. Units lost: 0 ± 0% at every point tried; shown at ... = 1500, the first ... */
        snprintf(head, nhead, _("%s: %s at every point tried; shown at %s, the first the search tried"), measure,
                 figure, at);
    else
        /* TRANSLATORS: e.g. Profit: highest at inventory.reorder_point = 675, with 1396 ± 15 a day */
        snprintf(head, nhead, r->sense > 0 ? _("%s: highest at %s, with %s") : _("%s: lowest at %s, with %s"), measure,
                 at, figure);
    size_t used = 0;
    if (r->req_metric >= 0) {
        char required[100], between[110];
        report_metric_prose(metric_defs[r->req_metric].name, required, sizeof required);
        int w = snprintf(small, nsmall, _("Among the points where the mean of %s is %s %s. "),
                         metric_between(required, between, sizeof between),
                         r->req_at_least ? ">=" : "<=", required_text(r, v[0]));
        used = w > 0 && (size_t)w < nsmall ? (size_t)w : 0;
    }
    size_t grid = optimise_grid_points(r);
    double full = (double)grid * r->reps;
    if ((double)r->evaluations < full)
        snprintf(small + used, nsmall - used, _("%zu runs on common random numbers, %.1f%% of the full grid's %.0f."),
                 r->evaluations, 100.0 * (double)r->evaluations / full, full);
    else /* as the table's last lines: no share above 100 % */
        snprintf(small + used, nsmall - used,
                 _("%zu runs on common random numbers, no fewer than the full grid's %.0f (%zu points × %u "
                   "replications): on a grid this small the search saves no runs, as it runs %u replications or "
                   "more at each point it tries, to tell the best apart."),
                 r->evaluations, full, grid, r->reps, r->n0);
}

void optimise_csv(FILE *out, const struct optimise_result *r)
{
    const struct model_config *c = &r->base.cfg;
    for (size_t k = 0; k < r->nlevers; k++) fprintf(out, "%s%s", k ? "," : "", r->lever[k].parameter);
    for (size_t m = 0; m < r->nm; m++) {
        if (!metric_shown(c, m)) continue;
        char name[160];
        metric_name_at(c, m, name, sizeof name);
        fprintf(out, ",%s,%s_ci95", name, name);
    }
    fputs(",is_profit_max\n", out);
    char f[40], g[40];
    for (size_t k = 0; k < r->nlevers; k++)
        fprintf(out, "%s%s", k ? "," : "", report_field(optimise_value(r, k, r->points[r->best].at[k]), f, sizeof f));
    for (size_t m = 0; m < r->nm; m++)
        if (metric_shown(c, m)) {
            struct summary s = metric_summary(r, r->best, (int)m);
            fprintf(out, ",%s,%s", report_field(s.mean, f, sizeof f), report_field(s.ci95, g, sizeof g));
        }
    /* the chosen point is the profit maximiser when profit is what was maximised */
    fprintf(out, ",%d\n", r->metric == M_PROFIT && r->sense > 0);
}

/* ---- the chart's figures (cli/charts.c) ---- */

bool optimise_point_mean(const struct optimise_result *r, size_t i, int m, double *mean, double *ci95, bool *meets)
{
    const struct optimise_point *p = &r->points[i];
    if (p->invalid || p->reps == 0) return false;
    struct summary s = metric_summary(r, i, m);
    double scale = is_share_metric(m) ? 100 : 1; /* a share as a percentage, as the report shows it */
    *mean = scale * s.mean, *ci95 = scale * s.ci95, *meets = usable(r, i);
    return isfinite(*mean);
}

const char *optimise_requirement_text(const struct optimise_result *r, char *buf, size_t n)
{
    char required[100], v[40];
    report_metric_prose(metric_defs[r->req_metric].name, required, sizeof required);
    snprintf(buf, n, "%s %s %s", required + (required[0] == ' '), r->req_at_least ? ">=" : "<=", required_text(r, v));
    return buf;
}

const char *optimise_point_text(const struct optimise_result *r, size_t i, char *buf, size_t n)
{
    struct summary m = metric_summary(r, i, r->metric);
    char at[200] = "", v[40], figure[120];
    for (size_t k = 0; k < r->nlevers; k++)
        snprintf(at + strlen(at), sizeof at - strlen(at), "%s%s", k ? C_("levers", ", ") : "",
                 lever_text(r, k, optimise_value(r, k, r->points[i].at[k]), v));
    /* TRANSLATORS: the chosen point's lever values ("600, 1500") and its objective ("1179 ± 9") */
    snprintf(buf, n, _("chosen: %s: %s"), at, figure_text(r->metric, &m, figure, sizeof figure));
    return buf;
}
