/* bare_default.c - the reference model for the general path: scenarios/default.ini as
 * one hand-written C loop. Orders arrive (Poisson, 40 a day, geometric(2) units), are
 * transmitted (exponential, unlimited servers), processed by one clerk and picked by
 * one packer (exponential, first come first served), allocated from stock ((s, Q) =
 * (500, 1200), continuous review, gamma(5, 1.5) lead time, backorders) and delivered
 * (triangular(1, 1.5, 3)); a warm-up of 30 days precedes the 365 counted.
 *
 * It draws the same random numbers as servlab: every source has its own stream of seed
 * 1 and the replication (the numbers of enum rng_source in models/model.h: 0 order gaps,
 * 1 units, 2 transmission, 3 processing, 4 picking, 5 delivery, 6 lead time), each
 * order draws its units and its four stage times when it is placed, and a lead time is
 * drawn when a replenishment is ordered. The draws of one stream therefore come in the
 * order of the events that make them, and the events run in servlab's order: by
 * (time, class, sequence number), the classes of models/event_class.h (reset 0, receipt
 * 1, order 3), the sequence number counted at every schedule in the order servlab
 * schedules. This loop schedules exactly the events servlab does, in the same order, so
 * its counter orders ties as servlab's does. It keeps exactly the statistics the four
 * figures need, updated where servlab updates them, so fill rate, mean order cycle,
 * mean on hand and replenishments per day equal servlab's digit for digit (bench/run.py
 * and tests/test_bench.sh check this). It is the floor: what this model costs with
 * nothing general around it.
 *
 *   bare_default [--first R] [--reps N] [--horizon DAYS]
 * prints rep,seconds,events,orders,fill_rate,mean_on_hand,order_cycle_days_mean,
 * replenishments_per_day like `bench time` (orders: placed in the counted window).
 */
#include "sim/num.h"
#include "sim/rng.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* scenarios/default.ini */
static const double ORDERS_PER_DAY = 40, UNITS_MEAN = 2, TRANSMISSION = 0.01, PROCESSING = 0.02, PICKING = 0.015;
static const double DELIVERY_MIN = 1, DELIVERY_MODE = 1.5, DELIVERY_MAX = 3;
static const double REORDER_POINT = 500, ORDER_QUANTITY = 1200, LEAD_MEAN = 5, LEAD_SD = 1.5, WARMUP = 30;
static const double DUST = 1e-6; /* models/units.h: UNITS_DUST */
enum { SEED = 1 };
enum source { GAPS, UNITS, TRANSMIT, PROCESS, PICK, DELIVER, LEAD, SOURCES };
enum class { RESET = 0, RECEIPT = 1, ORDER = 3 };
enum kind { K_RESET, K_ARRIVAL, K_TRANSMITTED, K_PROCESSED, K_PICKED, K_DELIVERED, K_RECEIPT };

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* An event: ordered by (time, key), key = class << 56 | sequence number, as sim/sim.c. */
struct event {
    double time;
    uint64_t key;
    int kind;
    uint32_t who; /* the order; for a receipt, the amount in multiples of Q */
};

struct order {
    double placed, units, owed, transmit, process, pick, deliver;
    uint32_t next; /* in a queue (a stage's or the backorders') */
};

enum { NONE = UINT32_MAX };

/* A FIFO of orders linked through their next field. */
struct queue {
    uint32_t head, tail;
};

/* Events with at most one pending are kept in slots beside the heap: the next arrival,
 * and the end of service at each one-server stage. The deliveries (unlimited servers,
 * times of 1 to 3 days: about 75 on their way, overtaking each other) are kept in a
 * calendar, as servlab keeps them (sim/sim.c, sim_calendar_open): buckets one mean gap
 * between orders wide by time, each sorted latest first. The heap holds the rest: the
 * transmissions, the receipts and the reset. */
enum slot { S_ARRIVAL, S_PROCESSING, S_PICKING, SLOTS };
enum { BUCKETS = 128 }; /* a power of 2 past 3 days / (1/40 day) + 2 */

struct bucket {
    struct event *e;
    uint32_t n, cap;
};

struct world {
    struct event *heap, slot[SLOTS]; /* an empty slot has time INFINITY */
    size_t n, cap;
    struct bucket bucket[BUCKETS];
    uint64_t first_bucket; /* the bucket number of the earliest delivery, while ndeliveries > 0 */
    size_t ndeliveries;
    uint64_t seq, events;
    double now;
    struct order *orders;
    uint32_t nfree, free_head, norders, cap_orders;
    struct queue processing, picking, backorders;
    double on_hand, on_order, backordered;
    double area, last, level, start; /* time average of on hand (sim/stats.h's timeavg) */
    double demanded, filled_now, cycle_sum;
    uint64_t delivered, placed, replenishments;
    gsl_rng *r[SOURCES];
};

static int before(const struct event *a, const struct event *b)
{
    return a->time < b->time || (a->time == b->time && a->key < b->key);
}

static void push(struct world *w, double time, int cls, int kind, uint32_t who)
{
    struct event e = {time, (uint64_t)cls << 56 | w->seq++, kind, who};
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 256;
        w->heap = realloc(w->heap, w->cap * sizeof *w->heap);
        if (!w->heap) abort();
    }
    size_t i = w->n++;
    while (i > 0 && before(&e, &w->heap[(i - 1) / 2])) {
        w->heap[i] = w->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    w->heap[i] = e;
}

static struct event pop(struct world *w)
{
    struct event top = w->heap[0], e = w->heap[--w->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= w->n) break;
        if (c + 1 < w->n && before(&w->heap[c + 1], &w->heap[c])) c++;
        if (!before(&w->heap[c], &e)) break;
        w->heap[i] = w->heap[c];
        i = c;
    }
    if (w->n) w->heap[i] = e;
    return top;
}

/* A delivery at `time` into the calendar: bucket number time / width (width one mean
 * gap, 1 / ORDERS_PER_DAY), every one within BUCKETS of the clock's, so that its index
 * (mod BUCKETS) holds it alone. */
static void deliver(struct world *w, double time, uint32_t o)
{
    struct event e = {time, (uint64_t)ORDER << 56 | w->seq++, K_DELIVERED, o};
    uint64_t b = (uint64_t)(time * ORDERS_PER_DAY);
    struct bucket *k = &w->bucket[b % BUCKETS];
    if (b - (uint64_t)(w->now * ORDERS_PER_DAY) >= BUCKETS) abort(); /* a delivery takes at most 3 days */
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 8;
        k->e = realloc(k->e, k->cap * sizeof *k->e);
        if (!k->e) abort();
    }
    uint32_t i = k->n++;
    for (; i > 0 && before(&k->e[i - 1], &e); i--) k->e[i] = k->e[i - 1];
    k->e[i] = e;
    if (w->ndeliveries++ == 0 || b < w->first_bucket) w->first_bucket = b;
}

/* The earliest delivery, or NULL. */
static const struct event *first_delivery(const struct world *w)
{
    if (!w->ndeliveries) return NULL;
    const struct bucket *k = &w->bucket[w->first_bucket % BUCKETS];
    return &k->e[k->n - 1];
}

static void take_delivery(struct world *w)
{
    w->bucket[w->first_bucket % BUCKETS].n--;
    if (--w->ndeliveries)
        while (w->bucket[w->first_bucket % BUCKETS].n == 0) w->first_bucket++;
}

static uint32_t order_new(struct world *w)
{
    if (w->free_head != NONE) {
        uint32_t o = w->free_head;
        w->free_head = w->orders[o].next;
        return o;
    }
    if (w->norders == w->cap_orders) {
        w->cap_orders = w->cap_orders ? 2 * w->cap_orders : 1024;
        w->orders = realloc(w->orders, w->cap_orders * sizeof *w->orders);
        if (!w->orders) abort();
    }
    return w->norders++;
}

static void order_free(struct world *w, uint32_t o)
{
    w->orders[o].next = w->free_head;
    w->free_head = o;
}

static void enqueue(struct world *w, struct queue *q, uint32_t o)
{
    w->orders[o].next = NONE;
    if (q->tail != NONE)
        w->orders[q->tail].next = o;
    else
        q->head = o;
    q->tail = o;
}

static uint32_t dequeue(struct world *w, struct queue *q)
{
    uint32_t o = q->head;
    q->head = w->orders[o].next;
    if (q->head == NONE) q->tail = NONE;
    return o;
}

/* On hand changed (or may have): its time average, only when the level moves, as
 * models/stock.c's level_set (the same sums with the same roundings). */
static void on_hand_level(struct world *w)
{
    if (w->on_hand == w->level) return;
    w->area += w->level * (w->now - w->last);
    w->last = w->now;
    w->level = w->on_hand;
}

/* Continuous review after an allocation (models/stock.c: stock_allocated, stock_review,
 * models/policy.c: sq_amount): at or below s, order the smallest multiple of Q that
 * lifts the position above s. Quantities here are whole units, so the dust tidying of
 * models/stock.c never changes a level and is left out. */
static void review(struct world *w, double lead_shape, double lead_scale)
{
    double position = w->on_hand + w->on_order - w->backordered;
    if (!(position <= REORDER_POINT + DUST)) return;
    double below = REORDER_POINT - position > 0 ? REORDER_POINT - position : 0;
    double n = floor(below / ORDER_QUANTITY) + 1;
    w->on_order += n * ORDER_QUANTITY;
    w->replenishments++;
    push(w, w->now + gsl_ran_gamma(w->r[LEAD], lead_shape, lead_scale), RECEIPT, K_RECEIPT, (uint32_t)n);
}

/* A stage of one server (its slot holds the end of the service under way): start now,
 * or wait behind the orders already there. */
static void arrive(struct world *w, struct queue *q, enum slot st, uint32_t o, double service, int kind)
{
    if (w->slot[st].time < INFINITY) {
        enqueue(w, q, o);
        return;
    }
    w->slot[st] = (struct event){w->now + service, (uint64_t)ORDER << 56 | w->seq++, kind, o};
}

/* The server of a stage is free (its slot was just taken): it starts the next waiting
 * order, if any. */
static void depart(struct world *w, struct queue *q, enum slot st, int kind)
{
    w->slot[st].time = INFINITY;
    if (q->head == NONE) return;
    uint32_t o = dequeue(w, q);
    arrive(w, q, st, o, kind == K_PROCESSED ? w->orders[o].process : w->orders[o].pick, kind);
}

/* The geometric draw of GSL's gsl_ran_geometric, inline: k = log(u) / log(1 - p) + 1
 * for a uniform u in (0, 1) (gsl_rng_uniform_pos: a draw of 0 is drawn again). */
static unsigned geometric(gsl_rng *r, double log_q)
{
    double u;
    do u = rng_uniform(r);
    while (u == 0);
    return (unsigned)(log(u) / log_q + 1);
}

struct result {
    double fill_rate, mean_on_hand, cycle_mean, replenishments_per_day;
    uint64_t events, orders;
};

static struct result run(unsigned long rep, double horizon)
{
    struct world w = {.free_head = NONE,
                      .processing = {NONE, NONE},
                      .picking = {NONE, NONE},
                      .backorders = {NONE, NONE},
                      .on_hand = REORDER_POINT + ORDER_QUANTITY}; /* reader: initial = s + Q */
    w.level = w.on_hand;
    for (int s = 0; s < SOURCES; s++) w.r[s] = rng_stream_new(SEED, rep, (uint64_t)s);
    /* sim/dist.c: exponential(mean) is mean times a standard draw; gamma(mean, sd) is
       GSL's gamma of shape (mean/sd)^2 and scale sd^2/mean; geometric(mean) has p = 1/mean */
    const double gap = 1 / ORDERS_PER_DAY, log_q = log(1 - 1 / UNITS_MEAN);
    const double lead_shape = (LEAD_MEAN / LEAD_SD) * (LEAD_MEAN / LEAD_SD), lead_scale = LEAD_SD * LEAD_SD / LEAD_MEAN;
    const double end = WARMUP + horizon;
    /* models/model.c: the reset is scheduled first, then demand_start the first arrival */
    push(&w, WARMUP, RESET, K_RESET, 0);
    w.slot[S_ARRIVAL] =
        (struct event){gap * rng_exponential1(w.r[GAPS]), (uint64_t)ORDER << 56 | w.seq++, K_ARRIVAL, 0};
    w.slot[S_PROCESSING].time = w.slot[S_PICKING].time = INFINITY;
    for (;;) {
        int next = S_ARRIVAL; /* the earliest slot, then against the heap's first */
        for (int k = S_PROCESSING; k < SLOTS; k++)
            if (before(&w.slot[k], &w.slot[next])) next = k;
        const struct event *d = first_delivery(&w);
        struct event e;
        if (d && before(d, &w.slot[next]) && !(w.n && before(&w.heap[0], d)))
            e = *d, take_delivery(&w);
        else
            e = w.n && before(&w.heap[0], &w.slot[next]) ? pop(&w) : w.slot[next];
        if (!(e.time < end)) break;
        w.now = e.time;
        w.events++;
        uint32_t o = e.who;
        struct order *x;
        switch (e.kind) {
        case K_ARRIVAL: { /* the next arrival first (its sequence number), then this order's draws */
            w.slot[S_ARRIVAL] = (struct event){w.now + gap * rng_exponential1(w.r[GAPS]),
                                               (uint64_t)ORDER << 56 | w.seq++, K_ARRIVAL, 0};
            o = order_new(&w);
            x = &w.orders[o];
            x->placed = w.now;
            x->units = geometric(w.r[UNITS], log_q);
            x->transmit = TRANSMISSION * rng_exponential1(w.r[TRANSMIT]);
            x->process = PROCESSING * rng_exponential1(w.r[PROCESS]);
            x->pick = PICKING * rng_exponential1(w.r[PICK]);
            double u = gsl_rng_uniform(w.r[DELIVER]); /* sim/dist.c: triangular by its inverse CDF */
            x->deliver =
                u < (DELIVERY_MODE - DELIVERY_MIN) / (DELIVERY_MAX - DELIVERY_MIN)
                    ? DELIVERY_MIN + sqrt(u * (DELIVERY_MAX - DELIVERY_MIN) * (DELIVERY_MODE - DELIVERY_MIN))
                    : DELIVERY_MAX - sqrt((1 - u) * (DELIVERY_MAX - DELIVERY_MIN) * (DELIVERY_MAX - DELIVERY_MODE));
            w.placed++;
            push(&w, w.now + x->transmit, ORDER, K_TRANSMITTED, o);
            break;
        }
        case K_TRANSMITTED: arrive(&w, &w.processing, S_PROCESSING, o, w.orders[o].process, K_PROCESSED); break;
        case K_PROCESSED: { /* the clerk takes the next order before this one is allocated */
            depart(&w, &w.processing, S_PROCESSING, K_PROCESSED);
            x = &w.orders[o];
            double want = x->units, filled = w.on_hand < want ? w.on_hand : want;
            w.demanded += want;
            w.on_hand -= filled;
            w.filled_now += filled;
            x->owed = want - filled;
            if (x->owed > DUST) { /* a backorder: the order waits for a receipt */
                w.backordered += x->owed;
                enqueue(&w, &w.backorders, o);
            }
            on_hand_level(&w);
            review(&w, lead_shape, lead_scale);
            if (!(x->owed > DUST)) arrive(&w, &w.picking, S_PICKING, o, x->pick, K_PICKED);
            break;
        }
        case K_PICKED:
            depart(&w, &w.picking, S_PICKING, K_PICKED);
            deliver(&w, w.now + w.orders[o].deliver, o);
            break;
        case K_DELIVERED: {
            x = &w.orders[o];
            double cycle = w.now - x->placed;
            w.delivered++;
            if (cycle > 0) w.cycle_sum += cycle;
            order_free(&w, o);
            break;
        }
        case K_RECEIPT: { /* waiting orders first, in the order they waited; a partly filled one keeps its place */
            double amount = e.who * ORDER_QUANTITY; /* n * Q, as computed when ordered */
            w.on_hand += amount;
            w.on_order -= amount;
            while (w.backorders.head != NONE && w.on_hand > 0) {
                uint32_t b = w.backorders.head;
                struct order *y = &w.orders[b];
                double give = w.on_hand < y->owed ? w.on_hand : y->owed;
                w.on_hand -= give;
                w.backordered -= give;
                y->owed -= give;
                if (y->owed > DUST) break;
                dequeue(&w, &w.backorders);
                arrive(&w, &w.picking, S_PICKING, b, y->pick, K_PICKED);
            }
            on_hand_level(&w);
            break;
        }
        case K_RESET: /* models/model.c: on_reset; the statistics window starts */
            w.demanded = w.filled_now = w.cycle_sum = 0;
            w.delivered = w.placed = w.replenishments = 0;
            w.area = 0;
            w.start = w.last = w.now;
            break;
        }
    }
    struct result res = {.fill_rate = w.filled_now / w.demanded,
                         .mean_on_hand = (w.area + w.level * (end - w.last)) / (end - w.start),
                         .cycle_mean = w.cycle_sum / (double)w.delivered,
                         .replenishments_per_day = (double)w.replenishments / horizon,
                         .events = w.events,
                         .orders = w.placed};
    for (int s = 0; s < SOURCES; s++) gsl_rng_free(w.r[s]);
    free(w.heap);
    for (int k = 0; k < BUCKETS; k++) free(w.bucket[k].e);
    free(w.orders);
    return res;
}

int main(int argc, char **argv)
{
    unsigned long first = 0, reps = 1;
    double horizon = 365;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--first") == 0)
            first = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--reps") == 0)
            reps = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--horizon") == 0)
            horizon = strtod(argv[i + 1], NULL);
    }
    puts("rep,seconds,events,orders,fill_rate,mean_on_hand,order_cycle_days_mean,replenishments_per_day");
    for (unsigned long rep = first; rep < first + reps; rep++) {
        double t0 = seconds();
        struct result x = run(rep, horizon);
        double dt = seconds() - t0;
        char a[40], b[40], c[40], d[40];
        printf("%lu,%.6f,%llu,%llu,%s,%s,%s,%s\n", rep, dt, (unsigned long long)x.events, (unsigned long long)x.orders,
               num_format(x.fill_rate, a, sizeof a), num_format(x.mean_on_hand, b, sizeof b),
               num_format(x.cycle_mean, c, sizeof c), num_format(x.replenishments_per_day, d, sizeof d));
    }
    return 0;
}
