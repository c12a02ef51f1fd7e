/* order.h - a customer order, its lines, and the pool orders come from.
 *
 * An order has one line per product it asks for. It carries its own stage times and
 * random outcomes, drawn when it is placed, so that every variant of a scenario gives
 * the n-th order the same processing, picking and delivery times (common random
 * numbers), and timestamps of each stage for the cycle-time breakdown. Orders come
 * from a pool with a free list: the hot path never calls malloc once the pool has
 * grown to the number of orders in flight. A replenishment order to the supplier
 * travels as a struct order too (units, placed, home).
 */
#ifndef MODELS_ORDER_H
#define MODELS_ORDER_H

#include "config.h"
#include "sim/sim.h"

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct order;

struct order_line {
    struct order_line *next; /* in a stock's queue of lines waiting for stock */
    struct order *order;
    int product;
    double units;       /* asked for */
    double filled;      /* from the product's stock, at allocation or on receipt */
    double substituted; /* from the substitute product's stock */
    double lost;
    bool short_at_allocation;
    bool waiting; /* in a stock's waiting queue */
};

struct order {
    struct order *next; /* in a station queue or the free list */
    double units;       /* all lines together (replenishment orders: the quantity) */
    double service;     /* service time at the station it is in */
    /* drawn at placement */
    double transmission_days, processing_days, picking_days, delivery_days;
    double expedite_days, return_days;
    bool entry_error, picking_error, damaged;
    /* timestamps */
    double placed, received, processed, allocated, picked, first_delivery;
    int tier, channel, priority;
    int region, location; /* with locations: where it comes from, and the location serving it */
    bool helped;          /* another location sent units for a line (when_short) */
    bool shipped_direct;  /* ... straight to the customer */
    bool stockout;        /* some line met a shortage at allocation */
    bool waited;          /* some line waited for stock */
    bool replacement;     /* being sent again after a wrong or damaged delivery */
    bool expedited, on_peak_day, shifted;
    bool quantity_discount;  /* a larger order placed for a quantity discount */
    bool inquiry;            /* not an order: a customer's call about one, for the clerks */
    uint16_t room;           /* lines it has room for: its pool's (order_pool_init) */
    sim_handle next_inquiry; /* the customer's next call about this order, or 0 */
    struct order *call;      /* an order: its customer's call not yet answered, or NULL */
    struct order *about;     /* a call: the order it asks about, NULL once that order ended */
    bool first_on_time;      /* the first delivery met the promise */
    uint32_t customer;       /* index in the customer base, or UINT32_MAX */
    uint32_t customer_gen;
    int stage;      /* with a loyalty ladder: the customer's stage when ordering */
    size_t pending; /* lines still waiting for stock */
    void *home;     /* replenishment orders: the stock they replenish; a shipment from an
                       upstream location (models/echelon.c): the replenishment order it fills */
    size_t nlines;
    /* room of them: as many as the scenario's orders can have (a one-product scenario's
       order is 288 bytes, not the 1,248 of room for MAX_LINES, and its lines touch fewer
       pages and cache sets) */
    struct order_line lines[];
};

/* The bytes of an order with room for `room` lines. */
static inline size_t order_bytes(size_t room)
{
    return sizeof(struct order) + room * sizeof(struct order_line);
}

struct order_pool {
    struct order *free;         /* orders given back, reused first */
    struct order_chunk *chunks; /* the newest first */
    size_t unused;              /* orders of the newest chunk never handed out */
    /* the most in use at once: the orders carved (order_carve), as one is carved only when
       every one carved before is in use; those in use now are the carved ones not on the
       free list (order_pool_in_use), not counted at every order */
    size_t peak;
    size_t stride; /* order_bytes of the room each order has */
    uint16_t room; /* lines each order has room for */
};

/* A pool of orders with room for `room` lines each (at most MAX_LINES). */
void order_pool_init(struct order_pool *p, size_t room);
void order_pool_fini(struct order_pool *p); /* frees every order, in use or not */

/* The orders handed out and not given back: the carved ones less the free list's. */
size_t order_pool_in_use(const struct order_pool *p);

/* An order never handed out, from the newest chunk (a new chunk when it is used up):
 * order_new's way when no order was given back. Aborts when out of memory. */
struct order *order_carve(struct order_pool *p);

/* An order with every field before `lines` zeroed but its room, no lines, and no
 * customer. Aborts when out of memory. Inline, as order_free: every order of the
 * general path is one. */
static inline struct order *order_new(struct order_pool *p)
{
    struct order *o = p->free;
    if (o)
        p->free = o->next;
    else
        o = order_carve(p);
    /* every field before the lines set (lines are set as they are added): zeroed 16
       bytes at a time, each one store of a zeroed register, then the room and no
       customer. GCC makes one memset of this size a `rep stos`, whose start-up cost made
       order_new 5% of default.ini's time; a copy from a blank order loads every 16 bytes
       before it stores them */
    enum { HEAD = offsetof(struct order, lines) };
    unsigned char *bytes = (unsigned char *)o;
#pragma GCC unroll 32
    for (size_t i = 0; i + 16 <= HEAD; i += 16) memset(bytes + i, 0, 16);
    memset(bytes + HEAD / 16 * 16, 0, HEAD % 16);
    o->room = p->room;
    o->customer = UINT32_MAX;
    return o;
}

static inline void order_free(struct order_pool *p, struct order *o)
{
    o->next = p->free;
    p->free = o;
}

/* The first line of an order just made (order_new: no line yet, 0 units) by a pool with
 * room for one line at least (the caller asserts it once, where it makes the pool:
 * models/model.c, setup), for units > 0 of product `product`: order_add_line's line, with
 * nothing of the order read back. Inline: every order of one product is one such line. */
static inline struct order_line *order_add_first_line(struct order *o, int product, double units)
{
    struct order_line *l = &o->lines[0];
    *l = (struct order_line){.order = o, .product = product, .units = units};
    o->nlines = 1;
    o->units = units; /* 0 + units, as units > 0 */
    return l;
}

/* Append a line for `units` of product `product`. Inline: every order adds its lines. */
static inline struct order_line *order_add_line(struct order *o, int product, double units)
{
    assert(o->nlines < o->room);
    struct order_line *l = &o->lines[o->nlines++];
    *l = (struct order_line){.order = o, .product = product, .units = units};
    o->units += units;
    return l;
}

#endif
