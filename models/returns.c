/* returns.c - customer returns (reverse logistics): a customer sends back goods of a
 * good order it no longer wants (not the wrong or damaged orders of the perfect-order
 * model, models/model.c's on_returned, which come back to be sent again).
 *
 * When an order is delivered complete and correct, each of its lines comes back with
 * probability share + share_lift x refund_share (stream SRC_RETURN_SHARE), after a
 * draw of days (SRC_RETURN_TRANSIT), to the stock that served it (a product's, or with
 * locations the serving location's; a substitute's units to the substitute's stock).
 * The settings are the line's: its channel's own where the channel gives them, else its
 * product's (which inherits [returns]'s). When the goods are back, restock_share of the
 * units pass inspection and go back on the shelf (a binomial draw over the whole units
 * of a line, and a fraction of a unit with probability restock_share: SRC_RESTOCK), into
 * on hand and the inventory position, so backorders waiting there are served and the
 * policy orders that much less; the rest are scrapped. refund_share of the price paid
 * for the units is refunded (taken off revenue) and cost_per_order is paid for the line.
 * Everything is counted when the goods are back, so a window counts the returns that
 * reach the warehouse inside it.
 */
#include "model_internal.h"
#include "event_class.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

/* One order line on its way back. */
struct customer_return {
    struct customer_return *next; /* in the free list */
    struct stock *stock, *sub_stock;
    double units, sub_units; /* the line's own product's, and its substitute's */
    double restock_share, refund, cost;
    int tier;
};

enum { RETURN_BLOCK = 256 };

struct customer_return_block {
    struct customer_return_block *next;
    struct customer_return r[RETURN_BLOCK];
};

static struct customer_return *return_new(struct model *m)
{
    if (!m->free_returns) {
        struct customer_return_block *b = malloc(sizeof *b);
        if (!b) abort();
        b->next = m->return_blocks;
        m->return_blocks = b;
        for (size_t i = 0; i < RETURN_BLOCK; i++) {
            b->r[i].next = m->free_returns;
            m->free_returns = &b->r[i];
        }
    }
    struct customer_return *r = m->free_returns;
    m->free_returns = r->next;
    return r;
}

void returns_fini(struct model *m)
{
    while (m->return_blocks) {
        struct customer_return_block *next = m->return_blocks->next;
        free(m->return_blocks);
        m->return_blocks = next;
    }
    m->free_returns = NULL;
}

/* The units of `units` that pass inspection: restock_share of them in expectation. */
static double restocked_units(struct model *m, double units, double share)
{
    if (share >= 1) return units;
    if (share <= 0) return 0;
    double whole = floor(units), part = units - whole;
    double back = whole > 0 ? (double)gsl_ran_binomial(rng(m, SRC_RESTOCK), share, (unsigned)whole) : 0;
    if (part > 0 && gsl_rng_uniform(rng(m, SRC_RESTOCK)) < share) back += part;
    return back;
}

static void put_back(struct model *m, struct stock *s, double units, double share)
{
    if (!(units > 0)) return;
    m->flow.units_returned += units;
    double back = restocked_units(m, units, share);
    if (back > 0) {
        m->flow.units_restocked += back;
        stock_restock(s, m->sim, back);
    }
}

static void on_back(struct sim *sim, void *ctx)
{
    struct model *m = model_of(sim);
    struct customer_return *r = ctx;
    put_back(m, r->stock, r->units, r->restock_share);
    put_back(m, r->sub_stock, r->sub_units, r->restock_share);
    m->flow.refunds += r->refund;
    m->flow.tiers[r->tier].revenue -= r->refund;
    m->flow.returns_cost += r->cost;
    r->next = m->free_returns;
    m->free_returns = r;
}

/* The value of one setting for a line through channel `ch` (or none): the channel's own
 * where it gives it (bit), else the product's. */
#define SETTING(field, bit) (ch && (ch->returns_own & (bit)) ? ch->returns.field : pr->field)

void returns_after_delivery(struct model *m, const struct order *o, double paid_share)
{
    const struct model_config *c = m->cfg;
    const struct channel_config *ch = c->nchannels ? &c->channels[o->channel] : NULL;
    double now = sim_now(m->sim);
    for (size_t i = 0; i < o->nlines; i++) {
        const struct order_line *l = &o->lines[i];
        const struct product_config *p = &m->products[l->product];
        const struct returns_config *pr = &p->returns;
        double refund_share = SETTING(refund_share, RETURNS_OWN_REFUND);
        double share = SETTING(share, RETURNS_OWN_SHARE) + c->returns.share_lift * refund_share;
        if (!(l->filled + l->substituted > 0) || !chance(m, share, SRC_RETURN_SHARE)) continue;
        struct customer_return *r = return_new(m);
        r->stock = &m->stocks[c->nlocations ? o->location : l->product];
        r->units = l->filled;
        r->sub_units = l->substituted;
        double list = l->filled * p->price_per_unit;
        if (l->substituted > 0) {
            int sub = p->substitute;
            r->sub_stock = &m->stocks[c->nlocations ? o->location : sub];
            list += l->substituted * m->products[sub].price_per_unit;
        }
        r->restock_share = SETTING(restock_share, RETURNS_OWN_RESTOCK);
        r->refund = refund_share * paid_share * list;
        r->cost = SETTING(cost_per_order, RETURNS_OWN_COST);
        r->tier = o->tier;
        const struct dist *days = ch && (ch->returns_own & RETURNS_OWN_DAYS) ? &ch->returns.days : &pr->days;
        double d = draw(m, days, SRC_RETURN_TRANSIT);
        if (d > 0)
            sim_schedule(m->sim, now + d, EVENT_ORDER, on_back, r);
        else
            on_back(m->sim, r);
    }
}
