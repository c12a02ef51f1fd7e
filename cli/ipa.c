/* ipa.c - the importance-performance matrix from simulation (cli/ipa.h): the elements'
 * table, the lever each one has in a scenario, the paired differences and the quadrants. */
#include "ipa.h"

#include "cli/report.h"
#include "cli/sweep.h"
#include "cli/workload.h"
#include "lang/lang.h"
#include "models/metrics.h"
#include "models/policy.h"
#include "sim/num.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* The lever chosen for an element: a key, its value in the scenario and in the variant,
 * and its own cost line (added back to profit for the importance), or -1. */
struct lever_choice {
    enum key_id key;
    double from, to;
    bool improving;
    int cost_metric;
};

typedef bool (*lever_fn)(const struct scenario *sc, const struct summary *s, struct lever_choice *c);

struct element_def {
    const char *name, *label;
    int metric;
    bool time; /* a time, shorter is better: the unit is 1% of the scenario's level */
    enum key_id target;
    lever_fn lever;
};

static bool lever_stock(const struct scenario *sc, const struct summary *s, struct lever_choice *c);
static bool lever_servers(const struct scenario *sc, const struct summary *s, struct lever_choice *c);
static bool lever_promise(const struct scenario *sc, const struct summary *s, struct lever_choice *c);
static bool lever_errors(const struct scenario *sc, const struct summary *s, struct lever_choice *c);
static bool lever_damage(const struct scenario *sc, const struct summary *s, struct lever_choice *c);

static const struct element_def elements[IPA_ELEMENTS] = {
    [IPA_AVAILABILITY] = {"availability", N_("Stock availability"), M_FILL_RATE, false, K_IPA_FILL_RATE, lever_stock},
    [IPA_CYCLE_TIME] = {"order_cycle", N_("Order-cycle time"), M_ORDER_CYCLE_MEAN, true, K_IPA_ORDER_CYCLE_DAYS_MEAN,
                        lever_servers},
    [IPA_CONSISTENCY] = {"consistency", N_("Order-cycle consistency"), M_ORDER_CYCLE_P95, true,
                         K_IPA_ORDER_CYCLE_DAYS_P95, lever_servers},
    [IPA_ON_TIME] = {"on_time", N_("On-time delivery"), M_ON_TIME_RATE, false, K_IPA_ON_TIME_RATE, lever_promise},
    [IPA_ACCURACY] = {"accuracy", N_("Order accuracy"), M_ACCURATE_RATE, false, K_IPA_ACCURATE_RATE, lever_errors},
    [IPA_DAMAGE] = {"undamaged", N_("Undamaged delivery"), M_DAMAGE_FREE_RATE, false, K_IPA_DAMAGE_FREE_RATE,
                    lever_damage},
};

static const char *const quadrant_names[] = {
    "concentrate_here", "keep_up_the_good_work", "low_priority", "possible_overkill", "on_par", ""};
/* TRANSLATORS: "On par": performance not distinguishable from its target */
static const char *const quadrant_labels[] = {
    N_("Concentrate here"), N_("Keep up the good work"), N_("Low priority"), N_("Possible overkill"), N_("On par"), ""};

const char *ipa_element_name(enum ipa_element e)
{
    return elements[e].name;
}
const char *ipa_element_label(enum ipa_element e)
{
    return elements[e].label;
}
const char *ipa_quadrant_name(enum ipa_quadrant q)
{
    return quadrant_names[q];
}
const char *ipa_quadrant_label(enum ipa_quadrant q)
{
    return quadrant_labels[q];
}

/* ---- levers: what moves each element in this scenario ---- */

/* Stock: the scenario's service lever (a safety factor a quarter of a sd higher; a
 * target 30% nearer to 1), else its reorder point or order-up-to level, 10% higher. */
static bool lever_stock(const struct scenario *sc, const struct summary *s, struct lever_choice *c)
{
    (void)s;
    const struct inventory_config *inv = &sc->cfg.inventory;
    if (!(metric_features(&sc->cfg) & FEATURE_STOCK) || !inv->policy->holds_stock) return false;
    c->cost_metric = M_COST_HOLDING;
    c->improving = true;
    static const enum key_id levers[LEVERS] = {K_INVENTORY_SAFETY_FACTOR, K_INVENTORY_TARGET_CYCLE_SERVICE_LEVEL,
                                               K_INVENTORY_TARGET_FILL_RATE};
    for (size_t i = 0; i < LEVERS; i++) {
        if (!sc->lever.key || strcmp(sc->lever.key, key_defs[levers[i]].name) != 0) continue;
        c->key = levers[i];
        c->from = sc->levers[i];
        c->to = i == 0 ? c->from + 0.25 : 1 - (1 - c->from) * 0.7;
        if (i == 0 && c->to > key_defs[levers[i]].max) c->to = c->from - 0.25, c->improving = false;
        return true;
    }
    c->key = inv->policy->uses_reorder_point ? K_INVENTORY_REORDER_POINT : K_INVENTORY_ORDER_UP_TO;
    if (!inv->policy->uses_reorder_point && !inv->policy->uses_order_up_to) return false;
    c->from = inv->policy->uses_reorder_point ? inv->reorder_point : inv->order_up_to;
    c->to = c->from + fmax(1, ceil(0.1 * fabs(c->from)));
    return true;
}

/* The order cycle: one more server at the busier stage worked by servers. */
static bool lever_servers(const struct scenario *sc, const struct summary *s, struct lever_choice *c)
{
    const struct order_cycle_config *oc = &sc->cfg.order_cycle;
    double up = oc->processing.servers ? s[M_PROCESSING_UTILISATION].mean : -1;
    double ui = oc->picking.servers ? s[M_PICKING_UTILISATION].mean : -1;
    if (up < 0 && ui < 0) return false;
    bool picking = !(up >= ui) || isnan(up);
    c->key = picking ? K_ORDER_CYCLE_PICKING_SERVERS : K_ORDER_CYCLE_PROCESSING_SERVERS;
    c->from = picking ? oc->picking.servers : oc->processing.servers;
    c->to = c->from + 1;
    c->improving = true;
    c->cost_metric = M_COST_STAFF;
    return true;
}

/* On time: a promise 10% (at least half a day) later. The deliveries stay the same; only
 * what counts as late changes, so the difference is what lateness costs. */
static bool lever_promise(const struct scenario *sc, const struct summary *s, struct lever_choice *c)
{
    (void)s;
    if (!sc->cfg.order_cycle.has_promise) return false;
    c->key = K_ORDER_CYCLE_PROMISE_DAYS;
    c->from = sc->cfg.order_cycle.promise_days;
    c->to = c->from + fmax(0.5, 0.1 * c->from);
    c->improving = true;
    c->cost_metric = -1;
    return true;
}

/* A rate of failures one point lower (to 0 at least); at 0 already, one point higher,
 * and the scenario is the better side. */
static bool lever_rate(enum key_id key, double rate, struct lever_choice *c)
{
    c->key = key;
    c->from = rate;
    c->improving = rate > 0;
    c->to = rate > 0 ? fmax(0, rate - 0.01) : 0.01;
    c->cost_metric = -1;
    return true;
}

static bool lever_errors(const struct scenario *sc, const struct summary *s, struct lever_choice *c)
{
    (void)s;
    if (!(metric_features(&sc->cfg) & FEATURE_QUALITY)) return false;
    return lever_rate(K_ORDER_CYCLE_PICKING_ERROR_RATE, sc->cfg.order_cycle.picking_error_rate, c);
}

static bool lever_damage(const struct scenario *sc, const struct summary *s, struct lever_choice *c)
{
    (void)s;
    if (!(metric_features(&sc->cfg) & FEATURE_QUALITY)) return false;
    return lever_rate(K_ORDER_CYCLE_DAMAGE_RATE, sc->cfg.order_cycle.damage_rate, c);
}

/* Does the scenario have the element at all? */
static bool element_present(const struct scenario *sc, enum ipa_element e, const struct summary *s)
{
    unsigned f = metric_features(&sc->cfg);
    switch (e) {
    case IPA_AVAILABILITY: return (f & FEATURE_STOCK) != 0;
    case IPA_CYCLE_TIME:
    case IPA_CONSISTENCY: return isfinite(s[M_ORDER_CYCLE_MEAN].mean) && s[M_ORDER_CYCLE_MEAN].mean > 0;
    case IPA_ON_TIME: return sc->cfg.order_cycle.has_promise;
    case IPA_ACCURACY:
    case IPA_DAMAGE: return (f & FEATURE_QUALITY) != 0;
    default: return false;
    }
}

/* ---- running ---- */

/* Load path with sets[0..nsets). Its problems are printed as the reader prints them; for a
 * variant (head: what gives it, the last override's label naming its lever in the
 * reader's messages), as a sweep says a point is invalid (sweep_refuse_point): head, then
 * each problem on lines of its own, two blanks in, less the label. */
static int load_quiet(struct scenario *sc, const char *path, const struct scenario_override *sets, size_t nsets,
                      const char *head, FILE *err)
{
    if (!head) return scenario_load(sc, path, sets, nsets, err);
    char *msgs = NULL;
    size_t len = 0;
    FILE *buf = open_memstream(&msgs, &len);
    int rc = scenario_load(sc, path, sets, nsets, buf ? buf : err);
    if (buf) fclose(buf);
    if (rc != 0) sweep_refuse_point(err, NULL, head, sets[nsets - 1].label, msgs);
    free(msgs);
    return rc;
}

static size_t simulate_one(const struct model_config *cfg, unsigned reps, const struct simulate_opts *o, double *rows)
{
    return simulate(&cfg, 1, reps, o, rows);
}

static int failed(const struct simulate_opts *o, size_t missing, size_t total, FILE *err)
{
    fprintf(err,
            o->stop && atomic_load(o->stop) ? _("servlab: interrupted after %zu of %zu runs; nothing was written\n")
                                            : _("servlab: failed after %zu of %zu runs; nothing was written\n"),
            total - missing, total);
    return 1;
}

/* The element's measure in units of improvement on one side: percentage points, or for a
 * time, percent of the scenario's level below it (so that more is better on both). */
static double units(const struct element_def *d, double v, double level)
{
    return d->time ? -v / level * 100 : v * 100;
}

/* Fill row's differences from the scenario's rows (base) and its variant's (var). */
static void paired(struct ipa_result *r, struct ipa_row *row, const struct lever_choice *c, const double *base,
                   const double *var, size_t nm)
{
    const struct element_def *d = &elements[row->element];
    unsigned reps = r->reps;
    double *dm = malloc(reps * sizeof *dm), *dy = malloc(reps * sizeof *dy), *dp = malloc(reps * sizeof *dp);
    double *e = malloc(reps * sizeof *e);
    if (!dm || !dy || !dp || !e) abort();
    size_t n = 0;
    double level = row->achieved.mean;
    for (unsigned k = 0; k < reps; k++) {
        const double *better = (c->improving ? var : base) + (size_t)k * nm;
        const double *worse = (c->improving ? base : var) + (size_t)k * nm;
        double m = units(d, better[d->metric], level) - units(d, worse[d->metric], level);
        double p = better[M_PROFIT] - worse[M_PROFIT];
        double v = p + (c->cost_metric >= 0 ? better[c->cost_metric] - worse[c->cost_metric] : 0);
        double y = r->customers ? better[M_CUSTOMERS_MEAN] - worse[M_CUSTOMERS_MEAN] : v;
        if (!isfinite(m) || !isfinite(y) || !isfinite(p)) continue;
        dm[n] = m, dy[n] = y, dp[n] = p, n++;
    }
    row->moved = summary_of(dm, n, 1);
    row->measurable = n >= 2 && row->moved.mean > 0 && row->moved.mean > row->moved.ci95;
    row->importance = row->importance_ci = row->net = row->net_ci = NAN;
    if (row->measurable) {
        double *ys[2] = {dy, dp}, *out[2] = {&row->importance, &row->net}, *ci[2] = {&row->importance_ci, &row->net_ci};
        for (size_t j = 0; j < 2; j++) {
            struct summary sy = summary_of(ys[j], n, 1);
            double ratio = sy.mean / row->moved.mean;
            for (size_t k = 0; k < n; k++) e[k] = ys[j][k] - ratio * dm[k];
            struct summary se = summary_of(e, n, 1);
            *out[j] = ratio;
            *ci[j] = se.ci95 / row->moved.mean; /* the delta method: sd(y - R m) / (sqrt(n) mean m) */
        }
    }
    free(dm), free(dy), free(dp), free(e);
}

static void place(struct ipa_result *r)
{
    double sum = 0;
    r->placed = 0;
    for (size_t i = 0; i < r->n; i++) {
        struct ipa_row *row = &r->rows[i];
        if (row->has_target && row->measurable) sum += row->importance, r->placed++;
    }
    r->threshold = r->placed ? sum / (double)r->placed : NAN;
    for (size_t i = 0; i < r->n; i++) {
        struct ipa_row *row = &r->rows[i];
        if (!(row->has_target && row->measurable)) {
            row->quadrant = IPA_UNPLACED;
            continue;
        }
        bool high = row->importance >= r->threshold, good = row->gap >= 0;
        row->quadrant = high ? (good ? IPA_KEEP_UP : IPA_CONCENTRATE) : (good ? IPA_OVERKILL : IPA_LOW_PRIORITY);
        if (isfinite(row->gap_ci) && fabs(row->gap) <= row->gap_ci) row->quadrant = IPA_ON_PAR; /* noise */
    }
}

/* The 95% half-width of row's gap (its unit: points, or percent of the target for a time),
 * from the scenario's replications (base, nm metrics a row) and the competitor's (rival, rnm
 * a row; NULL: a fixed target). A rate's gap is a - t, each replication's, paired: replication
 * k of both ran on the same streams. A time's is 1 - A/T of the means, whose half-width by the
 * delta method is that of a - (A/T) t over T (with a fixed target, of a over T). */
static double gap_interval(const struct ipa_row *row, const struct element_def *d, unsigned reps, const double *base,
                           size_t nm, const double *rival, size_t rnm)
{
    double *e = malloc(reps * sizeof *e);
    if (!e) abort();
    double ratio = row->achieved.mean / row->target;
    size_t n = 0;
    for (unsigned k = 0; k < reps; k++) {
        size_t m = (size_t)d->metric;
        double a = base[(size_t)k * nm + m], t = rival ? rival[(size_t)k * rnm + m] : row->target;
        if (!isfinite(a) || !isfinite(t)) continue;
        e[n++] = d->time ? (a - ratio * t) / row->target * 100 : (a - t) * 100;
    }
    double ci = summary_of(e, n, 1).ci95;
    free(e);
    return ci;
}

/* The targets: the competitor's achieved levels (rival: their summaries; rival_rows: its
 * replications, rnm metrics a row), or the [ipa] keys; the gaps and their intervals (base:
 * the scenario's replications, nm metrics a row). */
static void set_targets(struct ipa_result *r, const struct summary *rival, const double *rival_rows, size_t rnm,
                        const double *base, size_t nm)
{
    for (size_t i = 0; i < r->n; i++) {
        struct ipa_row *row = &r->rows[i];
        const struct element_def *d = &elements[row->element];
        row->has_target = false;
        if (rival) {
            row->has_target = isfinite(rival[d->metric].mean);
            row->target = rival[d->metric].mean;
        } else if (r->base.origin[d->target].from != FROM_DEFAULT) {
            row->has_target = true;
            row->target = r->base.ipa_targets[d->target - K_IPA_FILL_RATE];
        }
        row->gap = NAN;
        if (row->has_target && isfinite(row->achieved.mean))
            row->gap = d->time ? (row->target - row->achieved.mean) / row->target * 100
                               : (row->achieved.mean - row->target) * 100;
        if (row->has_target && d->time && !(row->target > 0)) row->has_target = false, row->gap = NAN;
        row->gap_ci =
            isfinite(row->gap) ? gap_interval(row, d, r->reps, base, nm, rival ? rival_rows : NULL, rnm) : NAN;
    }
}

int ipa_run(const char *path, const char *against, const struct scenario_override *sets, size_t nsets,
            const struct simulate_opts *o, struct ipa_result *r, FILE *err)
{
    memset(r, 0, sizeof *r);
    if (load_quiet(&r->base, path, sets, nsets, NULL, err) != 0) return 2;
    r->reps = r->base.cfg.run.replications;
    if (r->reps < 2) { /* an importance is a paired difference with its interval */
        fprintf(err,
                _("servlab: ipa: %s has 1 replication; an element's importance is measured over paired "
                  "replications, with its 95%% interval, which needs at least 2: give --reps 2 or more\n"),
                path);
        ipa_free(r);
        return 2;
    }
    r->customers = r->base.cfg.customers.on;
    snprintf(r->against, sizeof r->against, "%s", against ? against : "");
    size_t nm = metric_count(&r->base.cfg);

    /* the competitor: loaded first, so that a bad file costs no simulation */
    struct scenario *rival = NULL;
    char reps_set[64], seed_set[64];
    snprintf(reps_set, sizeof reps_set, "%s=%u", key_full_name(K_RUN_REPLICATIONS), r->reps);
    snprintf(seed_set, sizeof seed_set, "%s=%llu", key_full_name(K_RUN_SEED), (unsigned long long)r->base.cfg.run.seed);
    if (against) {
        struct scenario_override rs[2] = {{.assignment = reps_set}, {.assignment = seed_set}};
        rival = scenario_new();
        if (load_quiet(rival, against, rs, 2, NULL, err) != 0) {
            scenario_free(rival);
            ipa_free(r);
            return 2;
        }
    }
    struct workload w;
    const struct model_config *cfg0 = &r->base.cfg;
    workload_estimate(&cfg0, 1, o->threads, &w);
    if (workload_check(&w, path, false, err) != 0) {
        scenario_free(rival);
        ipa_free(r);
        return 2;
    }

    /* the scenario as written: what is achieved, and which stage is busier */
    double *base = malloc((size_t)r->reps * nm * sizeof *base);
    struct summary *s = malloc(nm * sizeof *s);
    if (!base || !s) abort();
    int rc = 0;
    size_t missing = simulate_one(&r->base.cfg, r->reps, o, base);
    if (missing) rc = failed(o, missing, r->reps, err);
    struct summary *rs = NULL;
    double *rival_rows = NULL; /* its replications: the gaps' intervals are paired */
    size_t rnm = 0;
    if (rc == 0 && rival) {
        rnm = metric_count(&rival->cfg);
        rival_rows = malloc((size_t)r->reps * rnm * sizeof *rival_rows);
        rs = malloc(rnm * sizeof *rs);
        if (!rival_rows || !rs) abort();
        missing = simulate_one(&rival->cfg, r->reps, o, rival_rows);
        if (missing) rc = failed(o, missing, r->reps, err);
        simulate_summarise(rival_rows, r->reps, rnm, rs);
    }
    if (rc == 0) simulate_summarise(base, r->reps, nm, s);

    /* one variant per element (elements with the same lever share it) */
    struct scenario *variant = scenario_new();
    double *var = malloc((size_t)r->reps * nm * sizeof *var);
    struct scenario_override *all = malloc((nsets + 1) * sizeof *all);
    if (!var || !all) abort();
    if (nsets) memcpy(all, sets, nsets * sizeof *sets);
    struct lever_choice done = {.key = KEY_NONE};
    for (size_t e = 0; e < IPA_ELEMENTS && rc == 0; e++) {
        if (!element_present(&r->base, (enum ipa_element)e, s)) continue;
        struct ipa_row *row = &r->rows[r->n++];
        *row = (struct ipa_row){.element = (enum ipa_element)e, .achieved = s[elements[e].metric]};
        row->importance = row->importance_ci = row->net = row->net_ci = NAN;
        struct lever_choice c = {.key = KEY_NONE, .cost_metric = -1};
        if (!elements[e].lever(&r->base, s, &c)) continue;
        char v[40], assignment[200], label[300];
        snprintf(row->lever, sizeof row->lever, "%s", key_full_name(c.key));
        num_format(c.from, row->from, sizeof row->from);
        num_format(c.to, row->to, sizeof row->to);
        row->from_value = c.from, row->to_value = c.to;
        row->improving = c.improving;
        if (!(done.key == c.key && done.to == c.to)) {
            snprintf(assignment, sizeof assignment, "%s=%s", row->lever, row->to);
            snprintf(label, sizeof label, _("the variant with %s = %s"), row->lever, sweep_number_text(c.to, v));
            all[nsets] = (struct scenario_override){.assignment = assignment, .label = label};
            char head[400]; /* TRANSLATORS: the lever ipa moved and its value; the problems follow */
            snprintf(head, sizeof head, _("ipa: the variant with %s = %s gives an invalid scenario:"), row->lever, v);
            if (load_quiet(variant, path, all, nsets + 1, head, err) != 0) {
                rc = 2;
                break;
            }
            if (metric_count(&variant->cfg) != nm) abort(); /* a lever never adds a named section */
            missing = simulate_one(&variant->cfg, r->reps, o, var);
            if (missing) {
                rc = failed(o, missing, r->reps, err);
                break;
            }
            done = c;
        }
        paired(r, row, &c, base, var, nm);
    }
    if (rc == 0) {
        set_targets(r, rs, rival_rows, rnm, base, nm);
        place(r);
    }
    scenario_free(variant);
    scenario_free(rival);
    free(all), free(var), free(base), free(s), free(rs), free(rival_rows);
    if (rc) ipa_free(r);
    return rc;
}

void ipa_free(struct ipa_result *r)
{
    scenario_fini(&r->base);
    memset(r, 0, sizeof *r);
}

/* ---- output ---- */

/* The element's measure as the report shows it: a percentage or days. */
static void level_text(const struct element_def *d, double v, char *buf, size_t n)
{
    if (!isfinite(v))
        snprintf(buf, n, "-");
    else if (d->time)
        snprintf(buf, n, _("%.2f d"), v);
    else { /* never 100.0% for a share below 1 (report_percent) */
        char share[40];
        snprintf(buf, n, "%s%%", report_percent(v, 1, share, sizeof share));
    }
}

/* The unit after a figure, with its blank before it: a word takes one, a percent sign
 * none (docs/conventions.md), as in Chinese "0.70%（缩短）" next to "0.70 个百分点". */
static const char *unit_text(const struct element_def *d)
{
    /* TRANSLATORS: a unit after a figure, with the blank before it ("2.00 ± 0.50 pt") */
    return d->time ? _(" percent shorter") : _(" pt");
}

/* Whether row's importance is distinguishable from zero: its 95% interval excludes 0. */
static bool importance_clear(const struct ipa_row *row)
{
    return fabs(row->importance) > row->importance_ci;
}

bool ipa_uncertain(const struct ipa_row *row)
{
    return row->quadrant < IPA_ON_PAR && !importance_clear(row);
}

void ipa_table(FILE *out, const struct ipa_result *r)
{
    fprintf(out, _("Importance-performance matrix: %s (%u replications)\n"), r->base.path, r->reps);
    if (*r->against) fprintf(out, _("Targets: what %s achieves on the same random numbers\n"), r->against);
    fputc('\n', out);
    static const char *const heads[] = {N_("Element"),   N_("Achieved"),   N_("Target"),
                                        N_("vs target"), N_("Importance"), N_("Quadrant")};
    enum { COLUMNS = 6, CELL = 80 };
    const char *imp_head = r->customers ? N_("Customers kept") : N_("Importance");
    /* every column as wide as its head or its widest cell, two blanks apart; the last
       (the quadrant) is not padded, so that no line ends in blanks */
    char(*cells)[COLUMNS][CELL] = calloc(r->n ? r->n : 1, sizeof *cells);
    if (!cells) abort();
    int widths[COLUMNS];
    for (size_t k = 0; k < COLUMNS; k++) widths[k] = (int)lang_width(_(k == 4 ? imp_head : heads[k]));
    for (size_t i = 0; i < r->n; i++) {
        const struct ipa_row *row = &r->rows[i];
        const struct element_def *d = &elements[row->element];
        char *c[COLUMNS];
        for (size_t k = 0; k < COLUMNS; k++) c[k] = cells[i][k];
        snprintf(c[0], CELL, "%s", _(d->label));
        level_text(d, row->achieved.mean, c[1], CELL);
        if (row->has_target)
            level_text(d, row->target, c[2], CELL);
        else
            snprintf(c[2], CELL, "-");
        if (isfinite(row->gap))
            snprintf(c[3], CELL, d->time ? "%+.1f%%" : _("%+.1f pt"), row->gap);
        else
            snprintf(c[3], CELL, "-");
        if (row->measurable)
            snprintf(c[4], CELL, "%+.2f ± %.2f", row->importance, row->importance_ci);
        else
            snprintf(c[4], CELL, "%s", *row->lever ? _("not moved") : _("no lever"));
        if (ipa_uncertain(row)) /* TRANSLATORS: a quadrant's name, its importance's interval including 0 */
            snprintf(c[5], CELL, _("%s (uncertain)"), _(quadrant_labels[row->quadrant]));
        else
            snprintf(c[5], CELL, "%s", row->quadrant == IPA_UNPLACED ? "-" : _(quadrant_labels[row->quadrant]));
        for (size_t k = 0; k < COLUMNS; k++) {
            int w = (int)lang_width(lang_tidy_cut(c[k]));
            if (w > widths[k]) widths[k] = w;
        }
    }
    for (size_t i = 0; i <= r->n; i++) { /* the heads, then a line for each element */
        for (size_t k = 0; k < COLUMNS; k++) {
            const char *text = i == 0 ? _(k == 4 ? imp_head : heads[k]) : cells[i - 1][k];
            if (k == COLUMNS - 1)
                fputs(text, out);
            else
                lang_pad(out, text, widths[k], k >= 1 && k <= 4);
            fputs(k < COLUMNS - 1 ? "  " : "\n", out);
        }
    }
    free(cells);
    fputc('\n', out);
    ipa_notes(out, r);
}

/* The labels of the elements in quadrant q, joined ("Order-cycle time, On-time delivery"),
 * into buf; returns how many. clear: only those whose importance is distinguishable
 * from zero (importance_clear), or, when false, only those whose is not; q ANY_QUADRANT: the
 * placed elements in any of the four quadrants; q IPA_ON_PAR: those on par, whatever
 * their importance; q IPA_UNPLACED: all that are not placed. */
enum { ANY_QUADRANT = IPA_UNPLACED + 1 }; /* quadrant_list: the placed elements, in any quadrant */
static size_t quadrant_list(const struct ipa_result *r, int q, bool clear, char *buf, size_t n)
{
    size_t count = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->n; i++) {
        const struct ipa_row *row = &r->rows[i];
        bool placed = row->quadrant != IPA_UNPLACED, on_par = row->quadrant == IPA_ON_PAR;
        if (q == IPA_UNPLACED   ? placed
            : q == IPA_ON_PAR   ? !on_par
            : q == ANY_QUADRANT ? !placed || on_par || importance_clear(row) != clear
                                : (int)row->quadrant != q || importance_clear(row) != clear)
            continue;
        size_t used = strlen(buf);
        snprintf(buf + used, n - used, "%s%s", count ? C_("list", ", ") : "", _(elements[r->rows[i].element].label));
        count++;
    }
    return count;
}

/* The headline names in each quadrant only the elements whose importance is distinguishable
 * from zero (its 95% interval excludes 0): one whose interval includes 0 could as well
 * sit on the other side of the importance line, so the headline names it apart, its
 * quadrant uncertain, and the table keeps its quadrant. An element on par with its target
 * (its gap's interval includes 0) is in no quadrant: named apart, on par. */
void ipa_headline(const struct ipa_result *r, char *head, size_t nhead, char *small, size_t nsmall)
{
    char list[4][400];
    static const enum ipa_quadrant order[4] = {IPA_CONCENTRATE, IPA_OVERKILL, IPA_KEEP_UP, IPA_LOW_PRIORITY};
    size_t count[4];
    for (size_t k = 0; k < 4; k++) count[k] = quadrant_list(r, order[k], true, list[k], sizeof list[k]);
    char vague[400], vague_below[400];
    size_t nvague = quadrant_list(r, ANY_QUADRANT, false, vague, sizeof vague);
    size_t nvague_below = quadrant_list(r, IPA_CONCENTRATE, false, vague_below, sizeof vague_below);
    char par[400];
    size_t npar = quadrant_list(r, IPA_ON_PAR, true, par, sizeof par);
    if (!r->placed)
        snprintf(head, nhead, "%s", _("No element is on the matrix: each needs a target and a lever that moves it"));
    else if (npar == r->placed)
        snprintf(head, nhead, "%s",
                 _("Every element on the matrix is on par with its target: no gap in performance is a reason "
                   "to change priorities"));
    else if (count[0] && count[1])
        /* TRANSLATORS: the quadrants' names (Concentrate here, Possible overkill) and their elements */
        snprintf(head, nhead, _("Concentrate here: %s; possible overkill: %s"), list[0], list[1]);
    else if (count[0])
        snprintf(head, nhead, _("Concentrate here: %s"), list[0]);
    else if (nvague_below && count[1])
        /* TRANSLATORS: below its target, but its importance's interval includes 0 */
        snprintf(head, nhead, _("No element is clearly worth concentrating on; possible overkill: %s"), list[1]);
    else if (nvague_below)
        snprintf(head, nhead, "%s", _("No element is clearly worth concentrating on"));
    else if (count[1])
        snprintf(head, nhead, _("No important element is below its target; possible overkill: %s"), list[1]);
    else
        snprintf(head, nhead, "%s", _("No important element is below its target"));
    /* the other quadrants, then what the words mean: each a sentence with its stop */
    size_t used = 0;
    small[0] = '\0';
    if (count[2]) used += (size_t)snprintf(small + used, nsmall - used, _("Keep up the good work: %s. "), list[2]);
    if (used < nsmall && count[3])
        used += (size_t)snprintf(small + used, nsmall - used, _("Low priority: %s. "), list[3]);
    if (used < nsmall && npar && npar < r->placed) /* TRANSLATORS: elements whose gap's 95% interval includes 0 */
        used += (size_t)snprintf(small + used, nsmall - used,
                                 _("On par with the target (the gap's 95%% interval includes 0), no reason to change "
                                   "priorities: %s. "),
                                 par);
    if (used < nsmall && nvague) /* TRANSLATORS: elements whose importance's 95% interval includes 0 */
        used += (size_t)snprintf(
            small + used, nsmall - used,
            _("Importance not distinguishable from zero (95%% interval includes 0), quadrant uncertain: %s. "), vague);
    char unplaced[400];
    if (used < nsmall && quadrant_list(r, IPA_UNPLACED, true, unplaced, sizeof unplaced))
        used +=
            (size_t)snprintf(small + used, nsmall - used, _("Not on the matrix: %s (the table says why). "), unplaced);
    if (used < nsmall && r->placed) /* none placed: the head says so, the table why */
        snprintf(small + used, nsmall - used,
                 _("Concentrate here: below the target, above the mean importance; possible overkill: above the "
                   "target, below the mean importance. %u replications, each lever's variant on the same random "
                   "numbers."),
                 r->reps);
    for (size_t n = strlen(small); n && small[n - 1] == ' ';) small[--n] = '\0'; /* the last sentence's blank */
}

void ipa_notes(FILE *out, const struct ipa_result *r)
{
    fputs(_("Levers (each element moved by one lever, on the same random numbers):\n"), out);
    for (size_t i = 0; i < r->n; i++) {
        const struct ipa_row *row = &r->rows[i];
        const struct element_def *d = &elements[row->element];
        fputs("  ", out);
        report_cell(out, _(d->label), 26, false);
        if (!*row->lever) {
            fprintf(out, "  %s\n", _("nothing in the scenario moves it"));
            continue;
        }
        /* the lever on the element's line, what it did beneath, under the lever (a line
           each, so that none runs past the report's width) */
        char from[40], to[40]; /* as sweep and optimise write a lever's value: 0.0000005, not 5e-07 */
        fprintf(out, "  %s %s -> %s\n", row->lever, sweep_number_text(row->from_value, from),
                sweep_number_text(row->to_value, to));
        fprintf(out, "  %26s  ", "");
        if (!row->measurable) {
            fprintf(out, _("does not move it significantly: %+.3f ± %.3f%s\n"), row->moved.mean, row->moved.ci95,
                    unit_text(d));
            continue;
        }
        fprintf(out, row->improving ? _("improves it by %.2f ± %.2f%s\n") : _("worsens it by %.2f ± %.2f%s\n"),
                row->moved.mean, row->moved.ci95, unit_text(d));
        fprintf(out, "  %26s  ", "");
        /* TRANSLATORS: the last %s is the unit with its blank before it (" pt") */
        fprintf(out, _("net of the lever's cost: %+.2f ± %.2f a day per%s\n"), row->net, row->net_ci, unit_text(d));
    }
    fputc('\n', out);
    /* The comment stands on the line before each string: xgettext reads it only there. */
    const char *importance_note;
    if (r->customers) /* xgettext:no-c-format */
        importance_note = _("Importance: more active customers on average (customers_mean) per unit of improvement, "
                            "with its\n"
                            "95% interval. Unit: 1 percentage point (pt) of a rate; 1 percent shorter for a time.\n");
    else
        /* xgettext:no-c-format */
        importance_note = _("Importance: profit a day per unit of improvement, with the lever's own cost added back "
                            "(safety\n"
                            "stock's holding cost, an added server's pay): what the improvement is worth. 95% interval "
                            "by the\n"
                            "delta method over paired replications. Unit: 1 percentage point (pt) of a rate; 1 percent "
                            "shorter\n"
                            "for a time.\n");
    fputs(importance_note, out);
    if (r->placed) /* one element placed: its own importance, no mean of one */
        fprintf(out,
                P_("Quadrants: performance against the target (left: below it) and importance against %.2f, the\n"
                   "importance of the %zu element placed (above: important).\n",
                   "Quadrants: performance against the target (left: below it) and importance against %.2f, the\n"
                   "mean importance of the %zu elements placed (above: important).\n",
                   r->placed),
                r->threshold, r->placed);
    bool par = false;
    for (size_t i = 0; i < r->n; i++) par |= r->rows[i].quadrant == IPA_ON_PAR;
    if (par) /* xgettext:no-c-format */
        fputs(_("On par: the gap to the target lies within its 95% interval (with --against, paired over the\n"
                "replications), as noise would put it: not a reason to change priorities.\n"),
              out);
    bool uncertain = false; /* as the page's headline says it (ipa_headline) */
    for (size_t i = 0; i < r->n; i++) uncertain |= ipa_uncertain(&r->rows[i]);
    if (uncertain) /* xgettext:no-c-format */
        fputs(_("Uncertain: the importance's 95% interval includes 0, so the element may as well lie on the other\n"
                "side of the importance line: its quadrant is not settled (more replications may tell).\n"),
              out);
    bool unplaced = false;
    for (size_t i = 0; i < r->n; i++) unplaced |= r->rows[i].measurable && !r->rows[i].has_target;
    if (unplaced)
        fputs(_("An element without a target is not placed: give one in [ipa] (servlab keys ipa) or use --against.\n"),
              out);
}

void ipa_csv(FILE *out, const struct ipa_result *r)
{
    fputs("element,metric,lever,lever_from,lever_to,achieved,achieved_ci95,target,vs_target,unit,importance,"
          "importance_ci95,importance_of,net_profit,net_profit_ci95,moved,moved_ci95,quadrant,vs_target_ci95\n",
          out);
    for (size_t i = 0; i < r->n; i++) {
        const struct ipa_row *row = &r->rows[i];
        const struct element_def *d = &elements[row->element];
        char b[12][40];
        fprintf(out, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", d->name, metric_defs[d->metric].name,
                row->lever, row->from, row->to, report_field(row->achieved.mean, b[0], 40),
                report_field(row->achieved.ci95, b[1], 40), report_field(row->has_target ? row->target : NAN, b[2], 40),
                report_field(row->gap, b[3], 40), d->time ? "percent_shorter" : "percentage_point",
                report_field(row->importance, b[4], 40), report_field(row->importance_ci, b[5], 40),
                r->customers ? "customers_mean" : "profit_per_day", report_field(row->net, b[6], 40),
                report_field(row->net_ci, b[7], 40), report_field(*row->lever ? row->moved.mean : NAN, b[8], 40),
                report_field(*row->lever ? row->moved.ci95 : NAN, b[9], 40), quadrant_names[row->quadrant],
                report_field(row->gap_ci, b[10], 40));
    }
}
