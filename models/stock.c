/* stock.c - inventory bookkeeping. Invariants (asserted): levels are never negative;
 * on hand = initial + received - issued. */
#include "stock.h"
#include "event_class.h"
#include "policy.h"

#include <assert.h>
#include <math.h>

/* Record the levels after any change.
 *
 * Contract: every function of this file that changes on order or owed ends by calling
 * levels_changed (directly, or through shelf_filled), so that between the calls the
 * model makes on order and owed are tidy and on order's time average holds its level.
 * stock_allocated relies on it to record on hand and backordered alone (and asserts
 * it). So the on_filled callbacks, which fill_waiting runs before its caller records the
 * levels (stock_receive has lowered on order by then), must not allocate from this
 * stock: none does (an order filled moves on to picking), and the assert would say so. */
static void levels_changed(struct stock *s, double now)
{
    stock_record_levels(s, now, false, false);
}

void stock_init(struct stock *s, const struct inventory_config *cfg, double reserve, int top_priority,
                gsl_rng *lead_rng, struct order_pool *pool, stock_filled_fn on_filled)
{
    *s = (struct stock){.cfg = cfg,
                        .reserve = reserve,
                        .top_priority = top_priority,
                        .lead_rng = lead_rng,
                        .pool = pool,
                        .on_filled = on_filled};
    s->unlimited = !cfg->policy->holds_stock;
    /* a periodic review orders only at its reviews: no position is at or below -inf */
    s->order_threshold = cfg->review_days == 0 ? cfg->policy->order_threshold(cfg) : -INFINITY;
    s->on_hand = s->unlimited ? 0 : cfg->initial_on_hand;
    if (cfg->storage_capacity > 0 && cfg->storage_overflow == STORAGE_REFUSE) /* the shelf starts at most full */
        s->on_hand = fmin(s->on_hand, cfg->storage_capacity);
    s->totals.initial = s->owned_at_restart = s->on_hand;
    timeavg_init(&s->on_hand_avg, 0, s->on_hand);
    timeavg_init(&s->backorder_avg, 0, 0);
    timeavg_init(&s->on_order_avg, 0, 0);
    timeavg_init(&s->empty_avg, 0, s->on_hand > 0 ? 0 : 1);
    timeavg_init(&s->overflow_avg, 0, cfg->storage_capacity > 0 ? fmax(0, s->on_hand - cfg->storage_capacity) : 0);
}

double stock_judged_position(const struct stock *s)
{
    return s->judged_position ? s->judged_position(s, s->judged_ctx) : stock_position(s);
}

double stock_owned(const struct stock *s)
{
    return s->unlimited ? 0 : s->supply ? s->on_hand : s->on_hand + s->on_order;
}

double stock_bought(const struct stock *s)
{
    if (s->unlimited) return s->counts.issued - s->counts.restocked;
    return (s->supply ? 0 : s->counts.ordered - s->counts.never_delivered - s->counts.refused) + s->counts.opened;
}

static void on_receipt(struct sim *sim, void *ctx);
static double take_off_shelf(struct stock *s, double units);

void stock_review(struct stock *s, struct sim *sim)
{
    if (s->closed) return;
    double position = stock_judged_position(s);
    double amount = s->cfg->policy->order_amount(s->cfg, position);
    if (!(amount > 0)) return;
    /* max_order_units: the rest waits for the next review (the position stays below target) */
    if (s->cfg->max_order_units > 0) amount = fmin(amount, s->cfg->max_order_units);
    if (s->cfg->policy->uses_reorder_point) /* a rounding error above s counts as 0 */
        s->counts.undershoot += s->cfg->reorder_point - position > 0 ? s->cfg->reorder_point - position : 0;
    double now = sim_now(sim);
    struct order *r = order_new(s->pool);
    r->units = amount;
    r->placed = now;
    r->home = s;
    s->on_order += amount;
    s->counts.replenishments++;
    s->counts.ordered += amount;
    s->totals.ordered += amount;
    s->totals.largest_order = fmax(s->totals.largest_order, amount);
    levels_changed(s, now);
    if (s->supply) {
        s->supply(sim, s, r);
        return;
    }
    if (s->outside) {
        s->outside(sim, s, r);
        return;
    }
    double lead = dist_sample(&s->cfg->lead_time_days, s->lead_rng);
    sim_schedule(sim, now + lead, EVENT_RECEIPT, on_receipt, r);
}

static void on_review(struct sim *sim, void *ctx)
{
    struct stock *s = ctx;
    stock_review(s, sim);
    sim_schedule(sim, sim_now(sim) + s->cfg->review_days, EVENT_REVIEW, on_review, s);
}

void stock_start(struct stock *s, struct sim *sim)
{
    s->started = true;
    if (s->unlimited) return;
    if (s->cfg->review_days > 0) /* at first_review_days, or now if that has passed (a location opening late) */
        sim_schedule(sim, fmax(sim_now(sim), s->cfg->first_review_days), EVENT_REVIEW, on_review, s);
    else
        stock_review(s, sim);
}

/* Give waiting lines what they may take, in queue order (priority, then arrival). */
static void fill_waiting(struct stock *s, struct sim *sim)
{
    struct order_line **at = &s->waiting_head, *prev = NULL;
    while (*at && s->on_hand > 0) {
        struct order_line *l = *at;
        double owed = l->units - l->filled - l->substituted - l->lost;
        double give = fmin(stock_available(s, l->order->priority), owed);
        if (give > 0) {
            l->filled += give;
            s->on_hand -= give;
            s->backordered -= give;
            s->totals.issued += give;
            s->counts.issued += give;
        }
        if (owed - give > UNITS_DUST) { /* still short: later lines may be allowed what it is not */
            prev = l;
            at = &l->next;
            continue;
        }
        l->filled = l->units - l->substituted - l->lost;
        l->waiting = false;
        *at = l->next;
        if (!*at) s->waiting_tail = prev;
        s->on_filled(sim, l);
    }
}

/* Units have come onto the shelf: serve the waiting lines, record the levels, and hand a
 * closed point's surplus on. */
static void shelf_filled(struct stock *s, struct sim *sim)
{
    fill_waiting(s, sim);
    levels_changed(s, sim_now(sim));
    if (s->closed && s->on_hand > 0 && s->on_surplus) s->on_surplus(sim, s);
}

/* Units of a receipt of `units` the shelf takes: all of them, unless storage_capacity
 * refuses what would not fit. What the waiting lines and the stock points owed take
 * passes straight through the dock and needs no room (exact without reserve_units:
 * lines wait, or units are owed, only while the shelf is empty). */
static double room_for(const struct stock *s, double units)
{
    const struct inventory_config *c = s->cfg;
    if (!(c->storage_capacity > 0) || c->storage_overflow != STORAGE_REFUSE) return units;
    double room = c->storage_capacity - s->on_hand + s->backordered + s->owed;
    return units - room <= UNITS_DUST ? units : room > 0 ? room : 0;
}

double stock_receive(struct stock *s, struct sim *sim, double units, bool last)
{
    double taken = room_for(s, units), refused = units - taken;
    s->on_hand += taken;
    s->on_order -= units;
    s->totals.received += taken;
    s->totals.refused += refused;
    s->counts.refused += refused;
    /* a receipt ends one replenishment cycle and starts the next */
    if (last) {
        s->counts.cycles++;
        if (!s->cycle_short) s->counts.cycles_ok++;
        s->cycle_short = false;
    }
    shelf_filled(s, sim);
    if (s->on_arrival) s->on_arrival(sim, s);
    return refused;
}

void stock_receive_short(struct stock *s, struct sim *sim, double units, double ordered)
{
    s->on_order -= ordered - units;
    s->counts.never_delivered += ordered - units;
    s->totals.never_delivered += ordered - units;
    stock_receive(s, sim, units, true);
    stock_review_if_due(s, sim, false);
}

/* The outside supplier delivers; units refused go back to it, not bought (stock_bought). */
static void on_receipt(struct sim *sim, void *ctx)
{
    struct order *r = ctx;
    struct stock *s = r->home;
    double units = r->units;
    order_free(s->pool, r);
    stock_receive(s, sim, units, true);
}

double stock_supply(struct stock *s, struct sim *sim, double units)
{
    double take = take_off_shelf(s, units);
    s->sent += take;
    if (units - take > UNITS_DUST) {
        s->owed += units - take;
        s->cycle_short = true;
    }
    /* owed changed: every level recorded (not stock_allocated's on hand and backordered) */
    levels_changed(s, sim_now(sim));
    stock_review_if_due(s, sim, false);
    return take;
}

double stock_ship_owed(struct stock *s, struct sim *sim, double units)
{
    double take = take_off_shelf(s, fmin(units, s->owed));
    if (take <= 0) return 0;
    s->owed -= take;
    s->sent += take;
    levels_changed(s, sim_now(sim));
    return take;
}

void stock_wait(struct stock *s, struct order_line *l, double units)
{
    assert(!s->unlimited && units > 0);
    s->backordered += units;
    s->counts.backordered += units;
    l->waiting = true;
    l->next = NULL;
    int priority = l->order->priority;
    if (!s->waiting_tail || s->waiting_tail->order->priority >= priority) {
        if (s->waiting_tail)
            s->waiting_tail->next = l;
        else
            s->waiting_head = l;
        s->waiting_tail = l;
    } else { /* ahead of every waiting line of lower priority */
        struct order_line **at = &s->waiting_head;
        while ((*at)->order->priority >= priority) at = &(*at)->next;
        l->next = *at;
        *at = l;
    }
}

void stock_lose(struct stock *s, double units)
{
    s->counts.lost += units;
}

void stock_note_substituted(struct stock *s, double units)
{
    s->counts.substituted += units;
}

double stock_substitute(struct stock *s, const struct order_line *l, double units)
{
    double give = s->unlimited ? units : fmin(stock_available(s, l->order->priority), units);
    if (give <= 0) return 0;
    if (!s->unlimited) {
        s->on_hand -= give;
        s->totals.issued += give;
    }
    s->counts.issued += give;
    s->counts.given_as_substitute += give;
    return give;
}

/* Take up to `units` off the shelf (all of them with unlimited stock), whoever gets
 * them; levels are recorded by the caller. Returns the units taken. */
static double take_off_shelf(struct stock *s, double units)
{
    double take = s->unlimited ? units : fmin(s->on_hand, units);
    if (take <= 0) return 0;
    if (!s->unlimited) {
        s->on_hand -= take;
        s->totals.issued += take;
    }
    return take;
}

double stock_take(struct stock *s, double units)
{
    double take = take_off_shelf(s, units);
    s->counts.issued += take;
    s->counts.reissued += take;
    return take;
}

void stock_allocated(struct stock *s, struct sim *sim)
{
    stock_allocated_of(s, sim, false);
}

bool stock_is_lean(const struct stock *s)
{
    return !s->closed && !(s->cfg->storage_capacity > 0) && !s->on_levels && !s->judged_position && !s->shares_with;
}

void stock_restart(struct stock *s, double now)
{
    s->counts = (struct stock_counts){0};
    s->sent = 0;
    s->owned_at_restart = stock_owned(s);
    timeavg_restart(&s->on_hand_avg, now);
    timeavg_restart(&s->backorder_avg, now);
    timeavg_restart(&s->on_order_avg, now);
    timeavg_restart(&s->empty_avg, now);
    timeavg_restart(&s->overflow_avg, now);
}

double stock_mean_on_hand(const struct stock *s, double now)
{
    return s->unlimited ? NAN : timeavg_mean(&s->on_hand_avg, now);
}

double stock_mean_backordered(const struct stock *s, double now)
{
    return s->unlimited ? NAN : timeavg_mean(&s->backorder_avg, now);
}

double stock_mean_on_order(const struct stock *s, double now)
{
    return s->unlimited ? NAN : timeavg_mean(&s->on_order_avg, now);
}

double stock_time_empty(const struct stock *s, double now)
{
    return s->unlimited ? 0 : timeavg_mean(&s->empty_avg, now);
}

double stock_mean_overflow(const struct stock *s, double now)
{
    return s->unlimited ? NAN : s->cfg->storage_capacity > 0 ? timeavg_mean(&s->overflow_avg, now) : 0;
}

void stock_init_closed(struct stock *s)
{
    s->closed = true;
    s->on_hand = s->totals.initial = s->owned_at_restart = 0;
    timeavg_init(&s->on_hand_avg, 0, 0);
    timeavg_init(&s->empty_avg, 0, 0); /* closed: not out of stock */
    timeavg_init(&s->overflow_avg, 0, 0);
}

void stock_open(struct stock *s, struct sim *sim, double units)
{
    s->closed = false;
    if (!s->unlimited && units > 0) {
        s->on_hand += units;
        s->totals.initial += units;
        s->counts.opened += units;
        fill_waiting(s, sim);
        levels_changed(s, sim_now(sim));
    }
    if (!s->started)
        stock_start(s, sim);
    else if (stock_review_due_of(s, false))
        stock_review(s, sim); /* periodic review: the review events never stopped */
}

void stock_close(struct stock *s)
{
    s->closed = true;
}

double stock_send(struct stock *s, struct sim *sim, double units, bool sold)
{
    double take = take_off_shelf(s, units);
    if (take <= 0) return 0;
    if (sold) s->counts.issued += take;
    s->sent += take;
    stock_allocated(s, sim);
    return take;
}

void stock_receive_transfer(struct stock *s, struct sim *sim, double units)
{
    if (s->unlimited) return; /* nothing to keep: every line is filled at once anyway */
    s->on_hand += units;
    s->totals.received += units;
    shelf_filled(s, sim);
    if (s->on_arrival) s->on_arrival(sim, s); /* what it owes the locations below ships now too */
}

void stock_restock(struct stock *s, struct sim *sim, double units)
{
    s->counts.restocked += units;
    if (s->unlimited) return;
    s->on_hand += units;
    s->totals.restocked += units;
    shelf_filled(s, sim);
    if (s->on_arrival) s->on_arrival(sim, s);
}

void stock_hand_over_waiting(struct stock *from, struct stock *to, struct sim *sim,
                             void (*moved)(void *ctx, struct order_line *l), void *ctx)
{
    struct order_line *l = from->waiting_head;
    from->waiting_head = from->waiting_tail = NULL;
    while (l) {
        struct order_line *next = l->next;
        double owed = l->units - l->filled - l->substituted - l->lost;
        from->backordered -= owed;
        if (to->unlimited) { /* filled at once */
            l->filled += owed;
            l->waiting = false;
            to->counts.issued += owed;
            if (moved) moved(ctx, l);
            to->on_filled(sim, l);
            l = next;
            continue;
        }
        double counted = to->counts.backordered;
        stock_wait(to, l, owed);
        to->counts.backordered = counted; /* counted once, where the line first waited */
        if (moved) moved(ctx, l);
        l = next;
    }
    levels_changed(from, sim_now(sim));
    fill_waiting(to, sim);
    levels_changed(to, sim_now(sim));
}

void stock_fini(struct stock *s)
{
    assert(s->unlimited ||
           fabs(s->on_hand - (s->totals.initial + s->totals.received + s->totals.restocked - s->totals.issued)) <
               UNITS_DUST * (1 + s->totals.received + s->totals.restocked));
    s->waiting_head = s->waiting_tail = NULL; /* the lines belong to orders in the pool */
}
