/* customers.h - a customer base: who is active, in which tier and stage of the loyalty
 * ladder, and how their recent orders went. Customers are picked at random within a
 * group (a tier and a stage) in O(1), leave and change stage in O(1). Each remembers the outcomes of its last m orders
 * (m <= 64) as bits, so the rule "leave after k failed orders among the last m" is a population count. Plain
 * bookkeeping: the events that add, remove and pick customers are the model's.
 */
#ifndef MODELS_CUSTOMERS_H
#define MODELS_CUSTOMERS_H

#include "config.h"
#include "sim/stats.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct customer {
    uint32_t gen; /* changes when the slot is reused, so old orders cannot reach a newcomer */
    int tier;
    bool active;
    uint32_t position; /* in its tier's list of active customers */
    uint64_t window;   /* outcomes of the last orders: bit 0 the newest, 1 = failed */
    uint32_t orders;
    int stage;    /* enum loyalty_stage (models/config.h); STAGE_NEW without a ladder */
    double score; /* satisfaction, in [-1, 1] (models/loyalty.h) */
};

/* The active customers of one tier in one stage are group tier * STAGES + stage. */
#define CUSTOMER_GROUPS (MAX_TIERS * STAGES)

struct customer_counts {
    uint64_t joined, defected, churned; /* since the last restart */
};

struct customer_base {
    struct customer *all;
    size_t n, cap;
    uint32_t *free_slots;
    size_t nfree;
    uint32_t *active[CUSTOMER_GROUPS];
    size_t nactive[CUSTOMER_GROUPS], cap_active[CUSTOMER_GROUPS];
    size_t ntier[MAX_TIERS], nstage[STAGES];
    size_t ntiers;
    struct timeavg total_avg, tier_avg[MAX_TIERS], stage_avg[STAGES];
    struct customer_counts counts, tier_counts[MAX_TIERS];
};

void customers_init(struct customer_base *b, size_t ntiers);
void customers_fini(struct customer_base *b);

/* A new active customer of `tier`, at STAGE_NEW with score 0, at time now; returns its
 * index. */
uint32_t customers_add(struct customer_base *b, int tier, double now);

/* Customer idx leaves at time now (defected: after poor service, else churn). */
void customers_remove(struct customer_base *b, uint32_t idx, bool defected, double now);

/* The u-th (0 <= u < 1) active customer of `tier` at `stage`. The group must have one. */
uint32_t customers_pick(const struct customer_base *b, int tier, int stage, double u);

/* Customer idx moves to `stage` at time now. */
void customers_set_stage(struct customer_base *b, uint32_t idx, int stage, double now);

size_t customers_active(const struct customer_base *b, int tier);
size_t customers_in(const struct customer_base *b, int tier, int stage);
size_t customers_total(const struct customer_base *b);

/* Is (idx, gen) still the same active customer? */
bool customers_still(const struct customer_base *b, uint32_t idx, uint32_t gen);

/* Record an order's outcome for customer idx. Returns true if the customer now has
 * k or more failures among its last m orders and the newest one failed (k > 0). */
bool customers_record(struct customer_base *b, uint32_t idx, bool failed, unsigned k, unsigned m);

/* Restart the counts and time averages at time now (the warm-up reset). */
void customers_restart(struct customer_base *b, double now);

#endif
