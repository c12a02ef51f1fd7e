/* contract.c - a service contract: the metrics it may target, reading its targets, and
 * reviewing its periods during a replication (models/contract.h). */
#include "contract.h"
#include "event_class.h"
#include "lang/lang.h"
#include "metrics.h"
#include "model_internal.h"
#include "sim/num.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The metrics a contract may target: shares of a period's own counts (the order cycle's
 * quantiles or a mean of days are not shares, and a per-day figure is not a service
 * promise). less: a rate where less is better, so its target is a ceiling. */
static const struct {
    int metric;
    bool less;
} allowed[] = {
    {M_FILL_RATE, false},        {M_ORDER_FILL_RATE, false},    {M_STOCKOUT_RATE, true},   {M_LOST_SALES_RATE, true},
    {M_ON_TIME_RATE, false},     {M_PERFECT_ORDER_RATE, false}, {M_LINE_FILL_RATE, false}, {M_IN_FULL_RATE, false},
    {M_DAMAGE_FREE_RATE, false}, {M_ACCURATE_RATE, false},      {M_OTIF_RATE, false},
};
enum { NALLOWED = sizeof allowed / sizeof allowed[0] };

const char *contract_metric_name(size_t i)
{
    return i < NALLOWED ? metric_defs[allowed[i].metric].name : NULL;
}

static int allowed_index(int metric)
{
    for (int i = 0; i < NALLOWED; i++)
        if (allowed[i].metric == metric) return i;
    return -1;
}

bool contract_metric_allowed(int metric)
{
    return allowed_index(metric) >= 0;
}

bool contract_metric_at_most(int metric)
{
    int i = allowed_index(metric);
    return i >= 0 && allowed[i].less;
}

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    return s;
}

/* One item "name >= 0.98" (or 98%) of [from, to) into t. */
static enum contract_parse parse_item(const char *from, const char *to, struct contract_target *t, char *word,
                                      size_t wordlen)
{
    from = skip_space(from);
    while (to > from && (to[-1] == ' ' || to[-1] == '\t')) to--;
    snprintf(word, wordlen, "%.*s", (int)(to - from), from);
    lang_tidy_cut(word); /* quoted in messages, and perhaps Chinese: never cut inside a character */
    const char *p = from;
    while (p < to && (isalnum((unsigned char)*p) || *p == '_' || *p == '.')) p++;
    size_t namelen = (size_t)(p - from);
    p = skip_space(p);
    if (namelen == 0 || to - p < 2 || (p[0] != '>' && p[0] != '<') || p[1] != '=') return CONTRACT_SYNTAX;
    bool at_most = p[0] == '<';
    char name[64];
    if (namelen >= sizeof name) return CONTRACT_SYNTAX;
    memcpy(name, from, namelen);
    name[namelen] = '\0';
    char number[64];
    const char *v = skip_space(p + 2);
    if (to - v <= 0 || (size_t)(to - v) >= sizeof number) return CONTRACT_SYNTAX;
    snprintf(number, sizeof number, "%.*s", (int)(to - v), v);
    /* 98% or 98 %, read as a share key reads it (sim/num.h): 99.9% is 0.999, as written */
    char share[NUM_PERCENT_SHARE_MAX];
    const char *digits = num_percent_share(number, share, sizeof share) ? share : number;
    char *end;
    double x = strtod(digits, &end);
    if (end == digits || *skip_space(end) != '\0' || !isfinite(x)) return CONTRACT_SYNTAX;
    snprintf(word, wordlen, "%s", name);
    int metric = metric_find(name);
    if (metric < 0) return CONTRACT_UNKNOWN;
    if (!contract_metric_allowed(metric)) return CONTRACT_NOT_PERIODIC;
    if (at_most != contract_metric_at_most(metric)) return CONTRACT_DIRECTION;
    if (!(x >= 0 && x <= 1)) { /* the metric and the share as written, for the message */
        snprintf(word, wordlen, "%s %s", name, number);
        return CONTRACT_RANGE;
    }
    *t = (struct contract_target){.metric = metric, .at_most = at_most, .target = x};
    return CONTRACT_OK;
}

enum contract_parse contract_parse_targets(const char *text, struct contract_config *c, char *word, size_t wordlen)
{
    c->ntargets = 0;
    snprintf(word, wordlen, "%s", text);
    lang_tidy_cut(word);
    const char *s = text;
    for (;;) {
        const char *comma = strchr(s, ',');
        const char *to = comma ? comma : s + strlen(s);
        if (*skip_space(s) == '\0' || skip_space(s) == to) {
            if (!comma && c->ntargets > 0) break; /* a trailing comma, or the end */
            return c->ntargets ? CONTRACT_SYNTAX : CONTRACT_EMPTY;
        }
        struct contract_target t;
        enum contract_parse r = parse_item(s, to, &t, word, wordlen);
        if (r != CONTRACT_OK) return r;
        for (size_t i = 0; i < c->ntargets; i++)
            if (c->targets[i].metric == t.metric) return CONTRACT_REPEATED;
        if (c->ntargets == CONTRACT_TARGETS_MAX) return CONTRACT_TOO_MANY;
        c->targets[c->ntargets++] = t;
        if (!comma) break;
        s = comma + 1;
    }
    return CONTRACT_OK;
}

size_t contract_periods(const struct contract_config *c, double horizon_days)
{
    if (!(c->period_days > 0)) return 0;
    return (size_t)floor(horizon_days / c->period_days + 1e-9);
}

double contract_shortfall_points(const struct contract_target *t, double value)
{
    if (isnan(value)) return 0;
    double short_by = t->at_most ? value - t->target : t->target - value;
    return short_by > 1e-12 ? 100 * short_by : 0;
}

double contract_period_penalty(const struct contract_config *c, const double *values, bool *missed)
{
    double penalty = 0;
    bool any = false;
    for (size_t i = 0; i < c->ntargets; i++) {
        double points = contract_shortfall_points(&c->targets[i], values[i]);
        if (points > 0) {
            any = true;
            penalty += c->penalty_per_point * points;
        }
    }
    if (any) penalty += c->penalty_per_missed_period;
    if (missed) *missed = any;
    return penalty;
}

/* ---- reviewing the periods of one replication ---- */

/* The end of period k (from 0) of the window. */
static double period_end(const struct model *m, size_t k)
{
    return m->cfg->run.warmup_days + (double)(k + 1) * m->cfg->contract.period_days;
}

/* Close the current period at the present counts: its values, penalty and miss. */
static void close_period(struct model *m)
{
    const struct contract_config *c = &m->cfg->contract;
    struct contract_run *r = &m->contract;
    model_fold_instant(m);
    struct service_counts now;
    model_service_counts(m, &now);
    struct service_counts period = now;
    service_counts_since(&period, &r->start);
    double values[CONTRACT_TARGETS_MAX];
    for (size_t i = 0; i < c->ntargets; i++) {
        double v = model_service_rate(c->targets[i].metric, &period);
        values[i] = v;
        r->target_missed[i] += contract_shortfall_points(&c->targets[i], v) > 0;
        if (isnan(v)) continue;
        r->target_n[i]++;
        r->target_sum[i] += v;
        r->target_sumsq[i] += v * v;
    }
    bool missed;
    r->penalty += contract_period_penalty(c, values, &missed);
    r->missed += missed;
    if (r->values) memcpy(r->values + r->done * c->ntargets, values, c->ntargets * sizeof *values);
    r->start = now;
    r->done++;
}

static void on_period_end(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    close_period(m);
    if (m->contract.done < m->contract.nperiods) {
        double next = period_end(m, m->contract.done);
        if (next < m->cfg->run.warmup_days + m->cfg->run.horizon_days)
            sim_schedule(sim, next, EVENT_RESET, on_period_end, NULL);
    }
}

void contract_start(struct model *m, double *values)
{
    const struct contract_config *c = &m->cfg->contract;
    struct contract_run *r = &m->contract;
    *r = (struct contract_run){.nperiods = contract_periods(c, m->cfg->run.horizon_days), .values = values};
    if (values)
        for (size_t i = 0; i < r->nperiods * c->ntargets; i++) values[i] = NAN;
    /* a period ending exactly at the window's end is closed by contract_finish: the run
       stops before events due then */
    if (r->nperiods > 0 && period_end(m, 0) < m->cfg->run.warmup_days + m->cfg->run.horizon_days)
        sim_schedule(m->sim, period_end(m, 0), EVENT_RESET, on_period_end, NULL);
}

void contract_restart(struct model *m)
{
    m->contract.start = (struct service_counts){0};
}

void contract_finish(struct model *m)
{
    if (m->contract.done + 1 == m->contract.nperiods) close_period(m);
}

void contract_metrics(const struct model *m, double *x)
{
    const struct contract_run *r = &m->contract;
    x[M_CONTRACT_PENALTY] = 0; /* a cost: never NaN, even with no whole period (a run stopped early) */
    if (r->done == 0) return;
    x[M_CONTRACT_PENALTY] = r->penalty / ((double)r->done * m->cfg->contract.period_days);
    x[M_CONTRACT_PERIODS_MISSED_SHARE] = (double)r->missed / (double)r->done;
    for (size_t t = 0; t < m->cfg->contract.ntargets; t++) {
        double *y = x + metric_contract_base(m->cfg, t), n = (double)r->target_n[t];
        y[CM_PERIODS_MISSED_SHARE] = (double)r->target_missed[t] / (double)r->done;
        if (n > 0) y[CM_PERIOD_MEAN] = r->target_sum[t] / n;
        if (n > 1) /* the sample sd; the sums are of shares, so cancellation costs little */
            y[CM_PERIOD_SD] = sqrt(fmax(0, (r->target_sumsq[t] - r->target_sum[t] * r->target_sum[t] / n) / (n - 1)));
    }
}
