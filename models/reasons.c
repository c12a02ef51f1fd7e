/* reasons.c - the table of reasons why simulation and formula differ. Each reason has a
 * fixed direction or measures it: a measured reason asks the formula itself what it
 * would have predicted with the demand the run really saw (another mean or sd of
 * demand over the protection interval), and takes the sign of the change.
 *
 * Figures each reason leaves in struct reason's figure[]:
 *   undershoot      [0] mean units below s, [1] 1 if periodic review
 *   even_gaps       [0] days between orders, [1] lead time, [2] orders covered,
 *                   [3] orders the formula assumes
 *   lumpy           [0] orders over the protection interval, [1] its days
 *   reserve         [0] units held back
 *   customer_base   [0] customers at the start, [1] mean over the run, [2] 1 if the mean moved
 *   history_fit     [0] days, [1] [2] the formula's mean and sd, [3] [4] the history's
 *   history_pattern [0] days, [1] sd of the history's demand over that many days in a row,
 *                   [2] its sd if the days were independent, [3] 0 for a replay, 1 for a
 *                   weekly or monthly history's bootstrap (whole periods), 2 for its
 *                   block_bootstrap
 *   returns         [0] share of the units delivered that come back onto the shelf
 *   supplier        [0] mean days an order spends at the supplier, [1] share of the time
 *                   it was up, [2] share of the units ordered that arrived
 *   capacity        [0] max_order_units (0: none), [1] storage_capacity that refuses (0: none)
 *   lead_time_shape [0] the lead time's sd (days), [1] its share of the variance of demand
 *                   over the protection interval
 *   noise           [0] 1 if there is only one replication (no confidence interval),
 *                   [1] 1 if a measure was judged by the exact bound (reasons_exact_halfwidth)
 */
#include "reasons.h"
#include "metrics.h"
#include "policy.h"
#include "supplier.h"

#include <math.h>
#include <stdlib.h>

/* ---- measuring with the formula ---- */

/* Which way measure m's prediction moved, by `change`, given the gap it is to explain:
 * a change under a tenth of the gap (or under 0.05 percentage points) does not count. */
static enum reason_direction way(const struct reasons_input *in, int m, double change)
{
    double predicted = m == REASON_CSL ? in->formula.cycle_service_level : in->formula.fill_rate;
    double gap = isfinite(in->sim[m]) && isfinite(predicted) ? fabs(in->sim[m] - predicted) : 0;
    if (!(fabs(change) >= fmax(0.1 * gap, 0.0005))) return REASON_NONE;
    return change > 0 ? REASON_RAISES : REASON_LOWERS;
}

/* The directions in which the prediction moves when demand over the protection interval
 * has (mean, sd) = `to` in place of `from`. */
static void moves(const struct reasons_input *in, double from_mean, double from_sd, double to_mean, double to_sd,
                  struct reason *r)
{
    struct protection a = in->protection, b = in->protection;
    a.demand_mean = from_mean, a.demand_sd = from_sd;
    b.demand_mean = to_mean, b.demand_sd = to_sd;
    struct prediction pa = theory_predict(&a, in->level), pb = theory_predict(&b, in->level);
    r->direction[REASON_CSL] = way(in, REASON_CSL, pb.cycle_service_level - pa.cycle_service_level);
    r->direction[REASON_FILL] = way(in, REASON_FILL, pb.fill_rate - pa.fill_rate);
}

/* ---- the history's own demand over the protection interval ---- */

struct history_demand {
    double mean;     /* units over `days` */
    double var_days; /* variance of the sum of `days` independent recorded days */
    double pattern;  /* variance over `days` days in a row / that of independent days */
};

/* Demand over `days` days of history h: each day's total; windows of floor(days) whole
 * days and a fraction of the next, starting on every recorded day, the history taken
 * as a circle (a replay repeats it). */
static struct history_demand history_demand(const struct demand_history *h, double days)
{
    struct history_demand r = {0, 0, 1};
    size_t n = h->ndays;
    double *x = malloc(n * sizeof *x);
    if (!x) abort();
    double *before = malloc((n + 1) * sizeof *before); /* before[k]: units on days 0 .. k-1 */
    if (!before) abort();
    before[0] = 0;
    for (size_t k = 0; k < n; k++) {
        x[k] = 0;
        for (size_t i = h->first[k]; i < h->first[k + 1]; i++) x[k] += h->units[i];
        before[k + 1] = before[k] + x[k];
    }
    double sum = before[n];
    double mean = sum / (double)n, var = 0;
    for (size_t k = 0; k < n; k++) var += (x[k] - mean) * (x[k] - mean);
    var /= (double)n;
    r.mean = mean * days;
    r.var_days = var * days;
    size_t whole = (size_t)floor(days);
    double part = days - (double)whole;
    if (var > 0 && n > 1) {
        double wsum = 0, wss = 0;
        for (size_t t = 0; t < n; t++) {
            /* whole days from t around the circle: full turns, then the rest */
            size_t rest = whole % n, end = t + rest;
            double w = (double)(whole / n) * sum +
                       (end <= n ? before[end] - before[t] : before[n] - before[t] + before[end - n]);
            w += part * x[(t + whole) % n];
            wsum += w, wss += w * w;
        }
        double wmean = wsum / (double)n, wvar = wss / (double)n - wmean * wmean;
        double independent = var * ((double)whole + part * part);
        r.pattern = wvar > 0 ? wvar / independent : 0;
    }
    free(x), free(before);
    return r;
}

/* The history's sd over the protection interval, for a variance of `var_days` from
 * demand and a random lead time (independent of demand). */
static double with_lead_time(const struct reasons_input *in, double mean, double var_days)
{
    const struct dist *lead = &in->cfg->inventory.lead_time_days;
    double rate = mean / in->protection.days;
    return sqrt(var_days + rate * rate * dist_variance(lead));
}

/* ---- the reasons ---- */

static bool undershoot(const struct reasons_input *in, struct reason *r)
{
    const struct inventory_config *inv = &in->cfg->inventory;
    if (!inv->policy->uses_reorder_point || !(in->undershoot > 0.02 * in->protection.demand_sd)) return false;
    r->figure[0] = in->undershoot, r->figure[1] = inv->review_days > 0;
    return true;
}

/* Constant gaps and lead time under continuous review: an order placed right after a
 * demand arrives in time for all but the demands within the lead time. */
static bool even_gaps(const struct reasons_input *in, struct reason *r)
{
    const struct inventory_config *inv = &in->cfg->inventory;
    const struct dist *gap = &in->cfg->demand.interarrival_days, *lead = &inv->lead_time_days;
    if (!dist_is_constant(gap) || !dist_is_constant(lead) || inv->review_days != 0 || !inv->policy->uses_reorder_point)
        return false;
    double every = dist_mean(gap), days = dist_mean(lead);
    double covered = ceil(days / every - 1e-9) - 1; /* receipts come first at equal times */
    if (!(fabs(covered - days / every) > 0.05)) return false;
    r->figure[0] = every, r->figure[1] = days, r->figure[2] = covered, r->figure[3] = days / every;
    r->direction[REASON_CSL] = r->direction[REASON_FILL] = covered < days / every ? REASON_RAISES : REASON_LOWERS;
    return true;
}

static bool lumpy(const struct reasons_input *in, struct reason *r)
{
    double units_mean, units_var;
    theory_units_per_order(in->cfg, &units_mean, &units_var);
    double orders = in->protection.demand_mean / units_mean;
    if (!(orders < 30)) return false;
    r->figure[0] = orders, r->figure[1] = in->protection.days;
    return true;
}

static bool reserve(const struct reasons_input *in, struct reason *r)
{
    if (!(in->cfg->inventory.reserve_units > 0) || in->cfg->ntiers < 2) return false;
    r->figure[0] = in->cfg->inventory.reserve_units;
    return true;
}

/* The formula knows no cap: an order cut to max_order_units, or a delivery cut by a
 * shelf that refuses what does not fit, leaves the position below the policy's level. */
static bool capacity(const struct reasons_input *in, struct reason *r)
{
    const struct inventory_config *inv = &in->cfg->inventory;
    bool refuses = inv->storage_capacity > 0 && inv->storage_overflow == STORAGE_REFUSE;
    if (!(inv->max_order_units > 0) && !refuses) return false;
    r->figure[0] = inv->max_order_units, r->figure[1] = refuses ? inv->storage_capacity : 0;
    return true;
}

/* The formula takes the rate of the customers at the start. A base whose mean moved
 * scales demand (mean and, as for compound Poisson demand, variance); one that only
 * wanders makes demand more variable. */
static bool customer_base(const struct reasons_input *in, struct reason *r)
{
    if (!in->cfg->customers.on || !isfinite(in->customers_mean)) return false;
    double start = in->cfg->customers.initial, mean = in->customers_mean;
    const struct protection *p = &in->protection;
    r->figure[0] = start, r->figure[1] = mean, r->figure[2] = fabs(mean - start) > 0.05 * start;
    if (r->figure[2] != 0 && start > 0) {
        double ratio = mean / start;
        moves(in, p->demand_mean, p->demand_sd, p->demand_mean * ratio, p->demand_sd * sqrt(ratio), r);
    } else {
        moves(in, p->demand_mean, p->demand_sd, p->demand_mean, p->demand_sd * 1.25, r);
    }
    return true;
}

/* Lost demand takes no stock: a replenishment fills no backlog, so the next cycle
 * starts higher than the backorder formula expects. */
static bool lost_sales(const struct reasons_input *in, struct reason *r)
{
    (void)r;
    return in->cfg->inventory.shortage == SHORTAGE_LOST_SALE;
}

/* With a mode that plays the recorded days, the formula uses the distributions fitted to the history
 * (reader/scenario.c sets them as the demand), but the run plays the recorded days.
 * In fit mode the run draws from the fit too, so this is no reason there. */
static bool history_fit(const struct reasons_input *in, struct reason *r)
{
    const struct demand_config *d = &in->cfg->demand;
    if (!d->history || !history_plays_days(d->history_mode)) return false;
    const struct protection *p = &in->protection;
    struct history_demand h = history_demand(d->history, p->days);
    double sd = with_lead_time(in, h.mean, h.var_days);
    moves(in, p->demand_mean, p->demand_sd, h.mean, sd, r);
    r->figure[0] = p->days, r->figure[1] = p->demand_mean, r->figure[2] = p->demand_sd;
    r->figure[3] = h.mean, r->figure[4] = sd;
    return r->direction[REASON_CSL] != REASON_NONE || r->direction[REASON_FILL] != REASON_NONE;
}

/* A replay plays the days in their order: a weekday pattern or busy days that follow
 * busy days change the sd of demand over several days from that of independent days,
 * which the formula (and a bootstrap of days) assume. A bootstrap of a weekly or monthly
 * history plays each period's days together, which are alike. */
static bool history_pattern(const struct reasons_input *in, struct reason *r)
{
    const struct demand_config *d = &in->cfg->demand;
    bool periods = d->history && d->history->nperiods &&
                   (d->history_mode == HISTORY_BOOTSTRAP || d->history_mode == HISTORY_BLOCK_BOOTSTRAP);
    if (!d->history || (d->history_mode != HISTORY_REPLAY && !periods)) return false;
    const struct protection *p = &in->protection;
    struct history_demand h = history_demand(d->history, p->days);
    double independent = with_lead_time(in, h.mean, h.var_days);
    double observed = with_lead_time(in, h.mean, h.var_days * h.pattern);
    moves(in, h.mean, independent, h.mean, observed, r);
    r->figure[0] = p->days, r->figure[1] = observed, r->figure[2] = independent,
    r->figure[3] = !periods                               ? 0
                   : d->history_mode == HISTORY_BOOTSTRAP ? 1
                                                          : 2;
    return r->direction[REASON_CSL] != REASON_NONE || r->direction[REASON_FILL] != REASON_NONE;
}

/* Customer returns put restocked units on the shelf as stock the formula never counts
 * (it covers the demand over the protection interval with what replenishment brings):
 * measured as the formula with the demand net of them, share x restock_share of it. */
static bool returns(const struct reasons_input *in, struct reason *r)
{
    const struct returns_config *rc = &in->cfg->returns;
    double back = (rc->share + rc->share_lift * rc->refund_share) * rc->restock_share;
    if (!returns_in_use(in->cfg) || !(back > 0)) return false;
    const struct protection *p = &in->protection;
    r->figure[0] = back;
    moves(in, p->demand_mean, p->demand_sd, p->demand_mean * (1 - back), p->demand_sd, r);
    return r->direction[REASON_CSL] != REASON_NONE || r->direction[REASON_FILL] != REASON_NONE;
}

/* The outside supplier (models/supplier.h) adds its own wait to lead_time_days, which
 * is all the formula counts as the replenishment time, and a short order leaves a hole
 * the formula never sees: both lower service. */
static bool supplier(const struct reasons_input *in, struct reason *r)
{
    if (!supplier_in_use(in->cfg)) return false;
    r->figure[0] = isfinite(in->supplier_wait) ? in->supplier_wait : 0;
    r->figure[1] = isfinite(in->supply_availability) ? in->supply_availability : 1;
    r->figure[2] = isfinite(in->supply_yield) ? in->supply_yield : 1;
    return r->figure[0] > 0 || r->figure[2] < 1;
}

/* A random lead time that carries most of the variance of demand over it: that demand
 * then takes the lead time's own shape (a gamma or lognormal lead time is skewed), not
 * the normal curve of the formula, whose tails it misses; either way, by the level. */
static bool lead_time_shape(const struct reasons_input *in, struct reason *r)
{
    const struct dist *lead = &in->cfg->inventory.lead_time_days;
    double var = dist_variance(lead), sd = in->protection.demand_sd;
    if (!(var > 0) || !(sd > 0)) return false;
    double rate = in->protection.demand_mean / in->protection.days, share = rate * rate * var / (sd * sd);
    if (!(share >= 0.5)) return false;
    r->figure[0] = sqrt(var), r->figure[1] = share;
    return true;
}

/* The difference measure m is judged by (*d, the simulated figure less the formula's)
 * and the half-width it must exceed to be a gap (NAN: one replication, no interval):
 * reasons_gap's rule. *exact: whether that is reasons_exact_halfwidth's bound. */
static double judged_by(const struct reasons_input *in, int m, double *d, bool *exact_used)
{
    const double predicted[REASON_MEASURES] = {in->formula.cycle_service_level, in->formula.fill_rate};
    double exact = reasons_exact_halfwidth(in);
    bool no_stockout_seen = isfinite(exact) && in->sim[REASON_CSL] == 1;
    *exact_used =
        isfinite(exact) &&
        (m == REASON_CSL || (no_stockout_seen && in->sim[m] == 1 && (in->ci95[m] == 0 || isnan(in->ci95[m]))));
    if (*exact_used) {
        *d = in->sim[REASON_CSL] - predicted[REASON_CSL];
        return fmax(exact, REASONS_SHOWN);
    }
    *d = in->sim[m] - predicted[m];
    return isnan(in->ci95[m]) ? NAN : fmax(in->ci95[m], REASONS_SHOWN);
}

/* With 95% intervals, a correct formula falls outside one in 20 times; a gap within
 * twice the half-width is within what chance gives. */
static bool noise(const struct reasons_input *in, struct reason *r)
{
    int gap[REASON_MEASURES];
    reasons_gap(in, gap);
    bool any = false;
    for (int m = 0; m < REASON_MEASURES; m++) {
        if (!gap[m]) continue;
        any = true;
        double d;
        bool exact;
        double half = judged_by(in, m, &d, &exact);
        if (isnan(half))
            r->figure[0] = 1;
        else if (fabs(d) > 2 * half)
            return false;
        if (exact) r->figure[1] = 1;
    }
    return any;
}

/* The table: a fixed direction, or REASON_NONE for a reason whose measure sets it. */
static const struct reason_def {
    const char *name;
    enum reason_direction direction;
    bool (*applies)(const struct reasons_input *, struct reason *);
} reason_defs[REASON_COUNT] = {
    [REASON_UNDERSHOOT] = {"undershoot", REASON_LOWERS, undershoot},
    [REASON_EVEN_GAPS] = {"even_gaps", REASON_NONE, even_gaps},
    [REASON_LUMPY] = {"lumpy", REASON_EITHER, lumpy},
    [REASON_RESERVE] = {"reserve", REASON_LOWERS, reserve},
    [REASON_CUSTOMER_BASE] = {"customer_base", REASON_NONE, customer_base},
    [REASON_LOST_SALES] = {"lost_sales", REASON_RAISES, lost_sales},
    [REASON_HISTORY_FIT] = {"history_fit", REASON_NONE, history_fit},
    [REASON_HISTORY_PATTERN] = {"history_pattern", REASON_NONE, history_pattern},
    [REASON_RETURNS] = {"returns", REASON_NONE, returns},
    [REASON_SUPPLIER] = {"supplier", REASON_LOWERS, supplier},
    [REASON_CAPACITY] = {"capacity", REASON_LOWERS, capacity},
    [REASON_LEAD_TIME_SHAPE] = {"lead_time_shape", REASON_EITHER, lead_time_shape},
    [REASON_NOISE] = {"noise", REASON_EITHER, noise},
};

const char *reasons_name(enum reason_id id)
{
    return reason_defs[id].name;
}

struct reasons_input reasons_input_of(const struct model_config *cfg, const struct summary *s)
{
    const struct inventory_config *inv = &cfg->inventory;
    struct reasons_input in = {.cfg = cfg, .protection = theory_protection(cfg)};
    in.level = inv->policy->uses_reorder_point ? inv->reorder_point : inv->order_up_to;
    in.formula = theory_predict(&in.protection, in.level);
    const struct summary *csl = &s[M_CYCLE_SERVICE_LEVEL], *fill = &s[M_FILL_RATE];
    in.sim[REASON_CSL] = csl->n ? csl->mean : NAN, in.ci95[REASON_CSL] = csl->ci95;
    in.sim[REASON_FILL] = fill->n ? fill->mean : NAN, in.ci95[REASON_FILL] = fill->ci95;
    const struct summary *orders = &s[M_REPLENISHMENTS_PER_DAY];
    in.cycles = orders->n ? orders->mean * cfg->run.horizon_days * (double)orders->n : NAN;
    in.undershoot = s[M_REORDER_UNDERSHOOT].n ? s[M_REORDER_UNDERSHOOT].mean : NAN;
    in.customers_mean = s[M_CUSTOMERS_MEAN].n ? s[M_CUSTOMERS_MEAN].mean : NAN;
    in.supplier_wait = s[M_SUPPLIER_WAIT_DAYS_MEAN].n ? s[M_SUPPLIER_WAIT_DAYS_MEAN].mean : NAN;
    in.supply_availability = s[M_SUPPLY_AVAILABILITY].n ? s[M_SUPPLY_AVAILABILITY].mean : NAN;
    in.supply_yield = s[M_SUPPLY_YIELD_MEAN].n ? s[M_SUPPLY_YIELD_MEAN].mean : NAN;
    return in;
}

double reasons_exact_halfwidth(const struct reasons_input *in)
{
    /* no width: every replication 0 or 1, or one replication (no interval) at 0 or 1 */
    double csl = in->sim[REASON_CSL], ci = in->ci95[REASON_CSL];
    if (!((ci == 0 || isnan(ci)) && (csl == 0 || csl == 1) && in->cycles >= 1)) return NAN;
    return 1 - pow(0.025, 1 / in->cycles);
}

void reasons_gap(const struct reasons_input *in, int gap[REASON_MEASURES])
{
    for (int m = 0; m < REASON_MEASURES; m++) {
        double d;
        bool exact;
        double half = judged_by(in, m, &d, &exact);
        bool outside = isfinite(d) && fabs(d) > REASONS_SHOWN && (isnan(half) || fabs(d) > half);
        gap[m] = !outside || d == 0 ? 0 : d > 0 ? 1 : -1;
    }
}

size_t reasons_explain(const struct reasons_input *in, struct reason *out)
{
    int gap[REASON_MEASURES];
    reasons_gap(in, gap);
    size_t n = 0;
    for (int id = 0; id < REASON_COUNT; id++) {
        const struct reason_def *def = &reason_defs[id];
        struct reason r = {.id = (enum reason_id)id, .direction = {def->direction, def->direction}};
        if (!def->applies(in, &r)) continue;
        for (int m = 0; m < REASON_MEASURES; m++) {
            enum reason_direction w = r.direction[m];
            if (gap[m] &&
                (w == REASON_EITHER || (w == REASON_RAISES && gap[m] > 0) || (w == REASON_LOWERS && gap[m] < 0)))
                r.agrees = true;
        }
        out[n++] = r;
    }
    return n;
}
