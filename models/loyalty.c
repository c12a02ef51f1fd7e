/* loyalty.c - the judgement of orders, the ladder and complaints (models/loyalty.h). */
#include "loyalty.h"

#include "event_class.h"
#include "model_internal.h"

#include <math.h>
#include <stdlib.h>

int loyalty_judge(bool flawless, double cycle, double expectation, double tolerance)
{
    if (!flawless || cycle > expectation + tolerance + 1e-9) return -1;
    return cycle < expectation - tolerance - 1e-9 ? 1 : 0;
}

int loyalty_next_stage(const struct loyalty_config *ly, int stage, double score)
{
    if (score > ly->climb_above && stage < STAGE_LOYAL) return stage + 1;
    if (score < ly->fall_below && stage > STAGE_NEW) return stage - 1;
    return stage;
}

double loyalty_expectation(const struct model *m, int tier, int channel)
{
    if (channel >= 0 && m->cfg->channels[channel].has_expectation) return m->cfg->channels[channel].expectation_days;
    const struct tier_config *t = &m->tiers[tier];
    const struct loyalty_config *ly = &m->cfg->loyalty;
    return t->has_expectation ? t->expectation_days : ly->has_expectation ? ly->expectation_days : t->promise_days;
}

/* A pending recovery: whom it is for and where they stood before the order. Kept in a
 * pool on the model (its index is the event's context), so a run that ends with
 * recoveries pending frees them all at once. */
struct recovery {
    uint32_t who, gen;
    int stage;
    double score;
    uint32_t next_free; /* in the free list, or unused */
};

static uint32_t recovery_new(struct model *m)
{
    struct recovery_pool *p = &m->recoveries;
    if (p->free != UINT32_MAX) {
        uint32_t i = p->free;
        p->free = p->all[i].next_free;
        return i;
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 64;
        p->all = realloc(p->all, p->cap * sizeof *p->all);
        if (!p->all) abort();
    }
    return (uint32_t)p->n++;
}

static void move_to(struct model *m, uint32_t who, int stage)
{
    customers_set_stage(&m->customers, who, stage, sim_now(m->sim));
    demand_customers_changed(m); /* the stage's rates of ordering and churn apply now */
}

static void on_recovery(struct sim *sim, void *ctx)
{
    struct model *m = model_of(sim);
    struct recovery_pool *p = &m->recoveries;
    uint32_t i = (uint32_t)(uintptr_t)ctx;
    struct recovery r = p->all[i];
    p->all[i].next_free = p->free;
    p->free = i;
    if (!customers_still(&m->customers, r.who, r.gen)) return; /* they left meanwhile */
    if (!chance(m, m->cfg->complaints.recovery_share, SRC_RECOVERY)) return;
    m->flow.loyalty.recovered++;
    struct customer *c = &m->customers.all[r.who];
    if (c->score < r.score) c->score = r.score;
    int stage = r.stage < STAGE_LOYAL ? r.stage + 1 : STAGE_LOYAL;
    if (c->stage < stage) move_to(m, r.who, stage);
}

/* Customer `who`, who stood at (stage, score) before an order that fell below their
 * expectation, may complain. */
static void complain(struct model *m, uint32_t who, int stage, double score)
{
    const struct complaint_config *k = &m->cfg->complaints;
    struct loyalty_flow *f = &m->flow.loyalty;
    if (!chance(m, k->share, SRC_COMPLAINT)) return;
    f->complaints++;
    double now = sim_now(m->sim), day = floor(now);
    if (day != m->complaint_day) m->complaint_day = day, m->spent_today = 0;
    double cost = k->cost_per_complaint;
    if (cost > 0 && m->spent_today + cost > k->budget_per_day * (1 + 1e-12)) {
        if (chance(m, k->unhandled_defect_share, SRC_COMPLAINT)) {
            f->left_unhandled++;
            customers_remove(&m->customers, who, true, now);
            demand_customers_changed(m);
        }
        return;
    }
    m->spent_today += cost;
    f->handled++;
    uint32_t i = recovery_new(m);
    m->recoveries.all[i] =
        (struct recovery){.who = who, .gen = m->customers.all[who].gen, .stage = stage, .score = score};
    sim_schedule(m->sim, now + draw(m, &k->recovery_days, SRC_RECOVERY_DAYS), EVENT_ORDER, on_recovery,
                 (void *)(uintptr_t)i);
}

void loyalty_hear(struct model *m, uint32_t who, int tier, int channel, bool flawless, double cycle)
{
    const struct loyalty_config *ly = &m->cfg->loyalty;
    struct loyalty_flow *f = &m->flow.loyalty;
    struct customer *c = &m->customers.all[who];
    int x = loyalty_judge(flawless, cycle, loyalty_expectation(m, tier, channel), ly->tolerance_days);
    f->judged++;
    f->better += x > 0;
    f->worse += x < 0;
    int stage = c->stage;
    double score = c->score;
    c->score = ly->weight == 1 ? (double)x : (1 - ly->weight) * c->score + ly->weight * x;
    int next = loyalty_next_stage(ly, stage, c->score);
    if (next != stage) move_to(m, who, next);
    if (x < 0 && m->cfg->complaints.on) complain(m, who, stage, score);
}

void loyalty_fini(struct model *m)
{
    free(m->recoveries.all);
    m->recoveries = (struct recovery_pool){.free = UINT32_MAX};
}
