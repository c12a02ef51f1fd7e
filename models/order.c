/* order.c - orders are carved from chunks of ORDERS_PER_CHUNK and recycled.
 *
 * A chunk is handed out from its start, one order at a time, never linked up whole: a
 * chunk is 320 KB, and a replication that needs a few replenishment orders then touches
 * a few of its pages, not all 78. Linking it whole made every replication of the planner
 * scenarios (scenarios/planner/) fault in the full chunk, most of their time. */
#include "order.h"

#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum { ORDERS_PER_CHUNK = 256 };

struct order_chunk {
    struct order_chunk *next;
    struct order orders[ORDERS_PER_CHUNK];
};

void order_pool_init(struct order_pool *p)
{
    memset(p, 0, sizeof *p);
}

void order_pool_fini(struct order_pool *p)
{
    struct order_chunk *c = p->chunks;
    while (c) {
        struct order_chunk *next = c->next;
        free(c);
        c = next;
    }
    memset(p, 0, sizeof *p);
}

struct order *order_new(struct order_pool *p)
{
    struct order *o = p->free;
    if (o) {
        p->free = o->next;
    } else {
        if (p->unused == 0) {
            struct order_chunk *c = malloc(sizeof *c);
            if (!c) abort();
            c->next = p->chunks;
            p->chunks = c;
            p->unused = ORDERS_PER_CHUNK;
        }
        o = &p->chunks->orders[ORDERS_PER_CHUNK - p->unused--];
    }
    /* every field before the lines zeroed (lines are set as they are added), copied from
       a zeroed order: GCC makes a memset of this size a `rep stos`, whose start-up cost
       made order_new 5% of default.ini's time; the copy is a few vector moves */
    static const struct order zeroed;
    memcpy(o, &zeroed, offsetof(struct order, lines));
    o->customer = UINT32_MAX;
    if (++p->in_use > p->peak) p->peak = p->in_use;
    return o;
}

void order_free(struct order_pool *p, struct order *o)
{
    o->next = p->free;
    p->free = o;
    p->in_use--;
}
