/* order.c - orders are carved from chunks of ORDERS_PER_CHUNK and recycled.
 *
 * A chunk is handed out from its start, one order at a time, never linked up whole: a
 * chunk is up to 320 KB (orders with room for MAX_LINES lines), and a replication that needs a few replenishment orders
 * then touches a few of its pages, not all 78. Linking it whole made every replication of the planner scenarios
 * (scenarios/planner/) fault in the full chunk, most of their time. */
#include "order.h"

#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum { ORDERS_PER_CHUNK = 256 };

/* A chunk: this header, then ORDERS_PER_CHUNK orders of the pool's stride. */
struct order_chunk {
    struct order_chunk *next;
};
_Static_assert(sizeof(struct order_chunk) % _Alignof(struct order) == 0 &&
                   sizeof(struct order) % _Alignof(struct order) == 0 &&
                   sizeof(struct order_line) % _Alignof(struct order) == 0,
               "every order of a chunk is aligned");

/* Order i of chunk c. */
static struct order *chunk_order(const struct order_pool *p, struct order_chunk *c, size_t i)
{
    return (struct order *)(void *)((char *)(c + 1) + i * p->stride);
}

void order_pool_init(struct order_pool *p, size_t room)
{
    assert(room <= MAX_LINES);
    memset(p, 0, sizeof *p);
    p->stride = order_bytes(room);
    p->room = (uint16_t)room;
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

struct order *order_carve(struct order_pool *p)
{
    if (p->unused == 0) {
        struct order_chunk *c = malloc(sizeof *c + ORDERS_PER_CHUNK * p->stride);
        if (!c) abort();
        c->next = p->chunks;
        p->chunks = c;
        p->unused = ORDERS_PER_CHUNK;
    }
    assert(order_pool_in_use(p) == p->peak && "an order is carved only when none is free");
    p->peak++;
    return chunk_order(p, p->chunks, ORDERS_PER_CHUNK - p->unused--);
}

size_t order_pool_in_use(const struct order_pool *p)
{
    size_t free = 0;
    for (const struct order *o = p->free; o; o = o->next) free++;
    assert(free <= p->peak);
    return p->peak - free;
}
