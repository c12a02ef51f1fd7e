/* customers.c - dense lists of active customer indices per group (tier and stage) with
 * back-pointers. */
#include "customers.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

static void *grow(void *p, size_t *cap, size_t elem)
{
    size_t ncap = *cap ? 2 * *cap : 256;
    void *q = realloc(p, ncap * elem);
    if (!q) abort();
    *cap = ncap;
    return q;
}

static size_t group(int tier, int stage)
{
    return (size_t)tier * STAGES + (size_t)stage;
}

static void levels_changed(struct customer_base *b, int tier, int stage, double now)
{
    timeavg_set(&b->total_avg, now, (double)customers_total(b));
    timeavg_set(&b->tier_avg[tier], now, (double)b->ntier[tier]);
    timeavg_set(&b->stage_avg[stage], now, (double)b->nstage[stage]);
}

/* Put idx at the end of group g's list. */
static void join_group(struct customer_base *b, uint32_t idx, size_t g)
{
    if (b->nactive[g] == b->cap_active[g]) b->active[g] = grow(b->active[g], &b->cap_active[g], sizeof(uint32_t));
    b->all[idx].position = (uint32_t)b->nactive[g];
    b->active[g][b->nactive[g]++] = idx;
}

/* Take idx out of group g's list: the last one takes its place. */
static void leave_group(struct customer_base *b, uint32_t idx, size_t g)
{
    struct customer *c = &b->all[idx];
    uint32_t last = b->active[g][--b->nactive[g]];
    b->active[g][c->position] = last;
    b->all[last].position = c->position;
}

void customers_init(struct customer_base *b, size_t ntiers)
{
    memset(b, 0, sizeof *b);
    b->ntiers = ntiers;
    timeavg_init(&b->total_avg, 0, 0);
    for (size_t t = 0; t < ntiers; t++) timeavg_init(&b->tier_avg[t], 0, 0);
    for (size_t st = 0; st < STAGES; st++) timeavg_init(&b->stage_avg[st], 0, 0);
}

void customers_fini(struct customer_base *b)
{
    free(b->all);
    free(b->free_slots);
    for (size_t g = 0; g < CUSTOMER_GROUPS; g++) free(b->active[g]);
    memset(b, 0, sizeof *b);
}

uint32_t customers_add(struct customer_base *b, int tier, double now)
{
    uint32_t idx;
    if (b->nfree) {
        idx = b->free_slots[--b->nfree];
    } else {
        if (b->n == b->cap) {
            size_t cap = b->cap;
            b->all = grow(b->all, &cap, sizeof *b->all);
            b->free_slots = realloc(b->free_slots, cap * sizeof *b->free_slots);
            if (!b->free_slots) abort();
            b->cap = cap;
        }
        assert(b->n < UINT32_MAX);
        idx = (uint32_t)b->n++;
        b->all[idx].gen = 0;
    }
    struct customer *c = &b->all[idx];
    size_t t = (size_t)tier;
    *c = (struct customer){.gen = c->gen + 1, .tier = tier, .active = true, .stage = STAGE_NEW};
    join_group(b, idx, group(tier, STAGE_NEW));
    b->ntier[t]++;
    b->nstage[STAGE_NEW]++;
    b->counts.joined++;
    b->tier_counts[t].joined++;
    levels_changed(b, tier, STAGE_NEW, now);
    return idx;
}

void customers_remove(struct customer_base *b, uint32_t idx, bool defected, double now)
{
    struct customer *c = &b->all[idx];
    assert(c->active);
    size_t t = (size_t)c->tier;
    leave_group(b, idx, group(c->tier, c->stage));
    b->ntier[t]--;
    b->nstage[c->stage]--;
    c->active = false;
    b->free_slots[b->nfree++] = idx;
    if (defected) {
        b->counts.defected++;
        b->tier_counts[t].defected++;
    } else {
        b->counts.churned++;
        b->tier_counts[t].churned++;
    }
    levels_changed(b, c->tier, c->stage, now);
}

uint32_t customers_pick(const struct customer_base *b, int tier, int stage, double u)
{
    size_t g = group(tier, stage);
    assert(b->nactive[g] > 0);
    size_t i = (size_t)(u * (double)b->nactive[g]);
    if (i >= b->nactive[g]) i = b->nactive[g] - 1;
    return b->active[g][i];
}

void customers_set_stage(struct customer_base *b, uint32_t idx, int stage, double now)
{
    struct customer *c = &b->all[idx];
    assert(c->active);
    if (c->stage == stage) return;
    int from = c->stage;
    leave_group(b, idx, group(c->tier, from));
    join_group(b, idx, group(c->tier, stage));
    b->nstage[from]--;
    b->nstage[stage]++;
    c->stage = stage;
    timeavg_set(&b->stage_avg[from], now, (double)b->nstage[from]);
    timeavg_set(&b->stage_avg[stage], now, (double)b->nstage[stage]);
}

size_t customers_active(const struct customer_base *b, int tier)
{
    return b->ntier[tier];
}

size_t customers_in(const struct customer_base *b, int tier, int stage)
{
    return b->nactive[group(tier, stage)];
}

size_t customers_total(const struct customer_base *b)
{
    size_t n = 0;
    for (size_t t = 0; t < b->ntiers; t++) n += b->ntier[t];
    return n;
}

bool customers_still(const struct customer_base *b, uint32_t idx, uint32_t gen)
{
    return idx < b->n && b->all[idx].active && b->all[idx].gen == gen;
}

bool customers_record(struct customer_base *b, uint32_t idx, bool failed, unsigned k, unsigned m)
{
    struct customer *c = &b->all[idx];
    assert(m >= 1 && m <= 64);
    uint64_t mask = m == 64 ? ~(uint64_t)0 : (((uint64_t)1 << m) - 1);
    c->window = ((c->window << 1) | (failed ? 1u : 0u)) & mask;
    c->orders++;
    return k > 0 && failed && (unsigned)__builtin_popcountll(c->window) >= k;
}

void customers_restart(struct customer_base *b, double now)
{
    memset(&b->counts, 0, sizeof b->counts);
    memset(b->tier_counts, 0, sizeof b->tier_counts);
    timeavg_restart(&b->total_avg, now);
    for (size_t t = 0; t < b->ntiers; t++) timeavg_restart(&b->tier_avg[t], now);
    for (size_t st = 0; st < STAGES; st++) timeavg_restart(&b->stage_avg[st], now);
}
