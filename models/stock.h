/* stock.h - one stock point: the inventory of one product at one place.
 *
 * Tracks on hand, on order and backordered units, asks its policy how much to order
 * (after every allocation under continuous review, or at review times), receives
 * replenishments after a random lead time (orders may overtake each other), and gives
 * arriving stock to waiting order lines by priority, first come first served among
 * equals. Lines of lower priority may not take the last `reserve` units on hand
 * (stock rationing for the top tier). Counts what the service metrics need since the
 * last restart (the warm-up reset). Units are decimals; levels within UNITS_DUST (a
 * millionth of a unit, models/units.h) of 0 count as 0.
 *
 * Allocating one order line is: stock_allocate (take what is on hand), then for the
 * rest stock_wait or stock_lose (or another product's stock_substitute), then
 * stock_allocated (which lets a continuous-review policy order).
 */
#ifndef MODELS_STOCK_H
#define MODELS_STOCK_H

#include "config.h"
#include "order.h"
#include "units.h"
#include "sim/sim.h"
#include "sim/stats.h"

#include <assert.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>

/* Counts since the last restart. */
struct stock_counts {
    uint64_t lines;             /* customer order lines that reached allocation */
    uint64_t short_lines;       /* of which met a stockout */
    double demanded;            /* units they asked for */
    double filled_now;          /* units filled from stock on hand at allocation */
    double backordered;         /* units put on backorder */
    double lost;                /* units lost */
    double substituted;         /* units of this product's demand met by its substitute */
    double given_as_substitute; /* units given to other products' customers */
    double reissued;            /* units sent again for damaged deliveries */
    double issued;              /* units that left stock for customers, replacements included
                                   (with unlimited stock, every unit sold): the goods whose
                                   cost profit charges */
    double restocked;           /* units customers sent back that went on the shelf again */
    uint64_t replenishments;    /* replenishment orders placed */
    double ordered;             /* units ordered from the supplier: purchases, costed when ordered */
    double opened;              /* first stock of a location that opened: bought when it opened */
    uint64_t cycles, cycles_ok; /* replenishment cycles ended, and those with no stockout */
    double undershoot;          /* sum over orders placed of (s - position) (sQ, sS) */
    double never_delivered;     /* units ordered from the supplier that never came (random yield):
                                   not paid for */
    double refused;             /* replenishment units refused at the dock: no room under storage_capacity */
};

/* Totals since the start, never reset: for the balance checks. */
struct stock_totals {
    double initial, ordered, received, issued, restocked;
    double never_delivered; /* ordered but never to come (random yield, stock_receive_short) */
    double refused;         /* of the units ordered, refused at arrival (never received) */
    double largest_order;   /* the largest replenishment order placed */
};

struct stock;

/* Called when a waiting line has been filled completely by a receipt. */
typedef void (*stock_filled_fn)(struct sim *sim, struct order_line *l);

/* Optional: told every change of level (for a trajectory chart). */
typedef void (*stock_levels_fn)(void *ctx, double t, const struct stock *s);

/* Optional: a closed stock point received stock it has no waiting lines for. */
typedef void (*stock_surplus_fn)(struct sim *sim, struct stock *s);

/* Optional (models/echelon.c): a replenishment order r placed by stock point s goes to
 * another stock point instead of the outside supplier, which then owns r. */
typedef void (*stock_supply_fn)(struct sim *sim, struct stock *s, struct order *r);

/* Optional (models/echelon.c): stock came in and the waiting lines took theirs; what
 * is owed to other stock points may be shipped now. */
typedef void (*stock_arrival_fn)(struct sim *sim, struct stock *s);

struct stock {
    const struct inventory_config *cfg; /* borrowed */
    bool unlimited;                     /* policy none: every line is filled at once */
    double reserve;                     /* kept for lines of top priority */
    int top_priority;
    double on_hand, on_order, backordered;
    struct order_line *waiting_head, *waiting_tail; /* by priority, then first come */
    struct timeavg on_hand_avg, backorder_avg, on_order_avg, empty_avg;
    struct timeavg overflow_avg; /* on hand above storage_capacity (with a capacity) */
    bool cycle_short;            /* a stockout happened in the current replenishment cycle */
    double order_threshold;      /* a continuous review orders nothing while the position is above
                                    this; -inf with a periodic review (stock_init) */
    struct stock_counts counts;
    struct stock_totals totals;
    gsl_rng *lead_rng;       /* borrowed: lead-time draws */
    struct order_pool *pool; /* borrowed: replenishment orders come from it */
    stock_filled_fn on_filled;
    stock_levels_fn on_levels; /* optional, with on_levels_ctx */
    void *on_levels_ctx;
    /* a stocking location that can close (models/network.h) */
    bool closed;                 /* places no replenishment orders */
    bool started;                /* stock_start has run */
    stock_surplus_fn on_surplus; /* optional: called after a receipt while closed */
    double sent;                 /* units sent to other locations or their customers, since the last restart */
    /* echelons (models/echelon.c): a stock point replenished by another, and one that
       replenishes others */
    stock_supply_fn supply;      /* set: replenishment orders go to another stock point */
    stock_arrival_fn on_arrival; /* set: told after stock came in */
    double owed;                 /* units other stock points ordered and this one has not shipped:
                                    their backorders here, subtracted from the position */
    double owned_at_restart;     /* stock_owned when the statistics window started */
    /* the outside supplier's model (models/supplier.c): set, replenishment orders to the
       outside supplier go to it (capacity, disruptions, yield), which then owns r */
    stock_supply_fn outside;
    /* information sharing (models/echelon.c, share_demand): the position a policy judges,
       when it is not stock_position (NULL: it is), and the stock point told when this
       one's position changes, so that it may review (NULL: none) */
    double (*judged_position)(const struct stock *s, const void *ctx);
    const void *judged_ctx;
    struct stock *shares_with;
};

/* Set up a stock point at time 0 with cfg->initial_on_hand on hand. */
void stock_init(struct stock *s, const struct inventory_config *cfg, double reserve, int top_priority,
                gsl_rng *lead_rng, struct order_pool *pool, stock_filled_fn on_filled);

/* Start replenishment: the first review (periodic) or the first look at the
 * position (continuous), at the current time. */
void stock_start(struct stock *s, struct sim *sim);

/* Ask the policy, and place a replenishment order if it says so. */
void stock_review(struct stock *s, struct sim *sim);

/* Units an order line of this priority may take now: on hand, less the reserve for a
 * line below the top priority (INFINITY for unlimited stock). */
static inline double stock_available(const struct stock *s, int priority)
{
    if (s->unlimited) return INFINITY;
    double a = priority >= s->top_priority ? s->on_hand : s->on_hand - s->reserve;
    return a > 0 ? a : 0;
}

/* Issue up to `want` units to a line of the given priority, counting them as demand
 * (or, demand false, as a reissue of damaged goods). Returns the units issued; levels
 * are recorded once the line is settled (stock_allocated). Inline: stock_sell runs it
 * for every order of the fast path. */
static inline double stock_issue(struct stock *s, double want, int priority, bool demand)
{
    if (demand) {
        s->counts.lines++;
        s->counts.demanded += want;
    }
    if (s->unlimited) {
        s->counts.issued += want;
        if (demand) s->counts.filled_now += want;
        return want;
    }
    double a = stock_available(s, priority), filled = a < want ? a : want;
    if (want - filled <= UNITS_DUST) filled = want;
    s->on_hand -= filled;
    s->totals.issued += filled;
    s->counts.issued += filled;
    if (demand) {
        s->counts.filled_now += filled;
    } else {
        s->counts.reissued += filled;
    }
    if (filled < want) {
        s->cycle_short = true;
        if (demand) s->counts.short_lines++;
    }
    return filled;
}

/* Fill what is on hand of line l's outstanding units. demand: the line is customer
 * demand (false for a replacement of damaged goods). Returns the units filled. Inline:
 * the general path allocates every order line with it. */
static inline double stock_allocate(struct stock *s, struct order_line *l, bool demand)
{
    double want = l->units - l->filled - l->substituted - l->lost;
    double filled = stock_issue(s, want, l->order->priority, demand);
    l->filled += filled;
    if (filled < want) l->short_at_allocation = demand;
    return filled;
}

/* stock_allocate(s, l, true) for a line allocated for the first time, of an order of
 * the given priority: nothing filled, substituted or lost yet (as order_add_line leaves
 * a line), so it wants its units. The first allocation of every order line of the
 * general path (models/model.c, allocate). */
static inline double stock_allocate_first(struct stock *s, struct order_line *l, int priority)
{
    double want = l->units;
    double filled = stock_issue(s, want, priority, true);
    l->filled = filled; /* 0 + filled: stock_issue issues no -0 */
    if (filled < want) l->short_at_allocation = true;
    return filled;
}

/* Demand that needs no line, for the fast path: `want` units for an order of the given
 * priority, filled from on hand now, the rest lost (lost sales; with backorders the
 * caller checks stock_available first). One call does what stock_allocate,
 * stock_lose and stock_allocated do for a line, with the same result. Returns the
 * units filled. Inline: it runs for every order of the fast path. */
static inline __attribute__((always_inline)) double stock_sell(struct stock *s, struct sim *sim, double want,
                                                               int priority)
{
    if (s->unlimited) return stock_issue(s, want, priority, true);
    double filled = stock_issue(s, want, priority, true);
    if (filled < want) s->counts.lost += want - filled;
    /* on hand changed alone: on order and backordered were recorded at their last change
       (and nothing is owed to other stock points: the fast path has no locations) */
    if (fabs(s->on_hand) < UNITS_DUST) { /* dust swept off the shelf counts as issued */
        s->totals.issued += s->on_hand;
        s->on_hand = 0;
    }
    assert(s->on_hand >= 0);
    /* a time average is recorded when its level changes (as everywhere in stock.c) */
    double now = sim_now(sim);
    if (s->on_hand != s->on_hand_avg.level) timeavg_set(&s->on_hand_avg, now, s->on_hand);
    double empty = s->on_hand > 0 || s->closed ? 0 : 1;
    if (empty != s->empty_avg.level) timeavg_set(&s->empty_avg, now, empty);
    if (s->cfg->storage_capacity > 0) {
        double over = s->on_hand > s->cfg->storage_capacity ? s->on_hand - s->cfg->storage_capacity : 0;
        if (over != s->overflow_avg.level) timeavg_set(&s->overflow_avg, now, over);
    }
    if (s->on_levels) s->on_levels(s->on_levels_ctx, now, s);
    if (s->on_hand + s->on_order - s->backordered <= s->order_threshold) /* -inf: a periodic review */
        stock_review(s, sim);
    return filled;
}

/* `units` of line l wait for stock (a backorder). */
void stock_wait(struct stock *s, struct order_line *l, double units);

/* `units` of this product's demand are lost. */
void stock_lose(struct stock *s, double units);

/* `units` of this product's demand were met by its substitute. */
void stock_note_substituted(struct stock *s, double units);

/* Give up to `units` from on hand to a line of another product whose customer takes
 * this product instead. Returns the units given. */
double stock_substitute(struct stock *s, const struct order_line *l, double units);

/* Take up to `units` from on hand (all of them with unlimited stock) to replace damaged
 * goods. Returns the units taken. */
double stock_take(struct stock *s, double units);

/* Allocation of a line (or a substitution from this stock) is over: the levels are
 * recorded and a continuous-review policy looks at the position. */
void stock_allocated(struct stock *s, struct sim *sim);

/* ---- the levels after a change (stock.c's, and stock_allocated_lean's inline) ---- */

/* x, or 0 within UNITS_DUST of it. */
static inline double stock_tidy(double x)
{
    return fabs(x) < UNITS_DUST ? 0 : x;
}

/* timeavg_set when the level changes. A level that stays the same adds its area in one
 * piece when it next changes: the same sum with fewer roundings, and a change of one
 * level (on hand, at a sale) need not touch the others. */
static inline void stock_level_set(struct timeavg *a, double now, double level)
{
    if (level != a->level) timeavg_set(a, now, level);
}

/* Tidy the levels and record them, all of them (stock.c's levels_changed) or, with
 * shelf_only, on hand and backordered and what follows from them (after an
 * allocation: stock_allocated_of); inline, so each caller keeps only its part.
 * lean: a constant, the stock point of a lean scenario (stock_allocated_lean). */
static inline __attribute__((always_inline)) void stock_record_levels(struct stock *s, double now, bool shelf_only,
                                                                      bool lean)
{
    /* dust swept off the shelf (or, below 0, issued beyond it) counts as issued, so
       on hand = initial + received - issued holds however often it happens */
    if (fabs(s->on_hand) < UNITS_DUST) { /* else nothing is swept: no 0 added */
        s->totals.issued += s->on_hand;
        s->on_hand = 0;
    }
    s->backordered = stock_tidy(s->backordered);
    if (!shelf_only) s->on_order = stock_tidy(s->on_order), s->owed = stock_tidy(s->owed);
    assert(s->on_hand >= 0 && s->backordered >= 0 && (shelf_only || (s->on_order >= 0 && s->owed >= 0)));
    stock_level_set(&s->on_hand_avg, now, s->on_hand);
    stock_level_set(&s->backorder_avg, now, s->backordered);
    if (!shelf_only) stock_level_set(&s->on_order_avg, now, s->on_order);
    stock_level_set(&s->empty_avg, now, s->on_hand > 0 || (!lean && s->closed) ? 0 : 1); /* closed: not out of stock */
    if (!lean && s->cfg->storage_capacity > 0)
        stock_level_set(&s->overflow_avg, now, fmax(0, s->on_hand - s->cfg->storage_capacity));
    if (!lean && s->on_levels) s->on_levels(s->on_levels_ctx, now, s);
}

/* Inventory position: on hand + on order - backordered - owed to other stock points. */
static inline double stock_position(const struct stock *s)
{
    return s->on_hand + s->on_order - s->backordered - s->owed;
}

/* The position the policy judges: stock_position, or with information sharing the
 * one judged_position gives (models/echelon.c). */
double stock_judged_position(const struct stock *s);

/* A continuous-review policy whose position has fallen to its threshold orders now.
 * lean: a constant, the stock point of a lean scenario (stock_allocated_lean). */
static inline bool stock_review_due_of(const struct stock *s, bool lean)
{
    /* lean: the threshold of a periodic review (-inf) is test enough; the general instance
       tests the review first, so as not to judge the position for nothing */
    return !s->unlimited && (lean || !s->closed) && (lean || s->cfg->review_days == 0) &&
           (lean ? stock_position(s) : stock_judged_position(s)) <= s->order_threshold;
}

/* A continuous-review policy looks at its position (and, with information sharing,
 * so do the stock points told of this one's changes). Inline: stock_allocated runs it
 * for every order line. lean: as stock_review_due_of's. */
static inline __attribute__((always_inline)) void stock_review_if_due(struct stock *s, struct sim *sim, bool lean)
{
    if (stock_review_due_of(s, lean)) stock_review(s, sim);
    if (lean) return;
    for (struct stock *u = s->shares_with; u; u = u->shares_with)
        if (stock_review_due_of(u, false)) stock_review(u, sim);
}

/* stock_allocated's body; lean: as stock_record_levels'. After an allocation only on hand
 * and backordered changed, so on order and owed are as levels_changed left them (its
 * contract, models/stock.c, checked here). */
static inline __attribute__((always_inline)) void stock_allocated_of(struct stock *s, struct sim *sim, bool lean)
{
    if (s->unlimited) return;
    /* on order as recorded, owed tidy (0, or at least UNITS_DUST: it is never below 0) */
    assert(s->on_order == s->on_order_avg.level && !(s->owed > 0 && s->owed < UNITS_DUST) &&
           "on order and owed are recorded where they change (levels_changed)");
    stock_record_levels(s, sim_now(sim), true, lean);
    stock_review_if_due(s, sim, lean);
}

/* stock_allocated for a stock point that stock_is_lean says is lean, from the start of
 * the run to its end (the caller asserts it once): its instance without the tests of
 * what such a point lacks, inline in the lean allocation (models/model.c). */
static inline __attribute__((always_inline)) void stock_allocated_lean(struct stock *s, struct sim *sim)
{
    stock_allocated_of(s, sim, true);
}

/* A lean stock point: open, with no storage capacity, no on_levels hook and no
 * information sharing (judged_position, shares_with): the one stock point of a lean
 * scenario (models/model_internal.h: struct model's lean) is. */
bool stock_is_lean(const struct stock *s);

/* Echelons (models/echelon.c). Another stock point orders `units` from this one: what
 * is on hand is taken off the shelf at once (not sold: it stays the firm's), the rest
 * is owed (s->owed). The position falls by `units` and a continuous-review policy looks
 * at it. Returns the units taken. */
double stock_supply(struct stock *s, struct sim *sim, double units);

/* Take up to `units` of what is owed to other stock points off the shelf (at most
 * what is on hand and what is owed). Returns the units taken. */
double stock_ship_owed(struct stock *s, struct sim *sim, double units);

/* A replenishment of `units` arrives: from the outside supplier, or a shipment from
 * the stock point that supplies this one. last: it completes its replenishment order,
 * which ends a replenishment cycle. With storage_capacity and storage_overflow =
 * refuse, the units that would leave more than the capacity on the shelf, once the
 * waiting lines and the stock points owed have taken theirs, are refused: they leave
 * on order without coming on hand (counts.refused), and the caller decides where they
 * go. Returns the units refused (0 when all fit). */
double stock_receive(struct stock *s, struct sim *sim, double units, bool last);

/* A replenishment order of `ordered` units from the outside supplier closes with only
 * `units` of them delivered (random yield, models/supplier.c): the rest never comes and
 * is not paid for. On order falls by `ordered`, the receipt ends a replenishment cycle,
 * and a continuous-review policy looks at the position (it reorders what is missing). */
void stock_receive_short(struct stock *s, struct sim *sim, double units, double ordered);

/* Units the firm owns here, bought and not yet issued: on hand + on order (0 for
 * unlimited stock, which is bought as it is issued; on hand alone for a stock point
 * supplied by another, whose orders are still the other's stock or in transit). Purchases less the increase in
 * what is owned are the goods issued: the accountant's cost of goods. */
double stock_owned(const struct stock *s);

/* Units bought for this stock point since the last restart: ordered from the supplier
 * (not from another stock point) less those that never came (random yield) or were refused at
 * arrival (storage_capacity), first stock of a location
 * that opened, and with unlimited stock every unit issued. */
double stock_bought(const struct stock *s);

/* Restart statistics at the current time (the warm-up reset). */
void stock_restart(struct stock *s, double now);

/* Time averages since the last restart, up to `now` (NaN for unlimited stock). */
double stock_mean_on_hand(const struct stock *s, double now);
double stock_mean_backordered(const struct stock *s, double now);
double stock_mean_on_order(const struct stock *s, double now);
double stock_time_empty(const struct stock *s, double now);
/* Time average of on hand above storage_capacity (0 without a capacity, NaN for
 * unlimited stock). */
double stock_mean_overflow(const struct stock *s, double now);

/* Locations. A closed stock point places no replenishment orders; what it still has on
 * order arrives as usual (on_surplus is then told). */

/* Start closed and empty (a location not open yet): call right after stock_init. */
void stock_init_closed(struct stock *s);

/* Open with `units` first stock (counted as initial stock) and start replenishment. */
void stock_open(struct stock *s, struct sim *sim, double units);

/* Close: no more replenishment orders. */
void stock_close(struct stock *s);

/* Take up to `units` from on hand for another location or its customer (all of them
 * with unlimited stock). sold: the units go to a customer (costed as goods sold here),
 * not to another location's shelf. Returns the units taken; levels are recorded and a
 * continuous-review policy looks at the position. */
double stock_send(struct stock *s, struct sim *sim, double units, bool sold);

/* Units sent by another location arrive: waiting lines first, then the shelf. */
void stock_receive_transfer(struct stock *s, struct sim *sim, double units);

/* `units` a customer sent back pass inspection: waiting lines first, then the shelf; on
 * hand and the inventory position rise, so the policy orders that much less. With
 * unlimited stock they are only counted (bought as issued, so bought that much less). */
void stock_restock(struct stock *s, struct sim *sim, double units);

/* Move every line waiting at `from` to the queue of `to` (from is closing). The units
 * are not counted again as backordered. Calls moved(ctx, line) for each, before it
 * may be filled. */
void stock_hand_over_waiting(struct stock *from, struct stock *to, struct sim *sim,
                             void (*moved)(void *ctx, struct order_line *l), void *ctx);

/* Check the balances (asserted) at the end of a run. */
void stock_fini(struct stock *s);

#endif
