/* bare_inventory.c - the reference model: bench/inventory.ini as one hand-written C
 * loop, with no event list, no order records and no statistics beyond the two
 * figures. It draws the same random numbers as servlab (stream 0, the order gaps, of
 * seed 1 and the replication asked for) and does the same arithmetic, so its fill
 * rate and mean on hand must equal servlab's to the last digit: a check of servlab,
 * and the floor that shows how much servlab's generality costs.
 *
 *   bare_inventory [--first R] [--reps N]
 * prints rep,seconds,events,orders,fill_rate,mean_on_hand like `bench time`.
 */
#include "sim/num.h"
#include "sim/rng.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* bench/inventory.ini */
static const double RATE = 100, S = 120, Q = 300, LEAD = 1, HORIZON = 10000, UNITS = 1, DUST = 1e-6;
enum { SEED = 1, MAX_PENDING = 64 };

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct result {
    double fill_rate, mean_on_hand;
    unsigned long events, orders;
};

static struct result run(unsigned long rep)
{
    gsl_rng *r = rng_stream_new(SEED, rep, 0);
    const double mean_gap = 1 / RATE;
    double on_hand = S + Q, on_order = 0, area = 0, last = 0, demanded = 0, filled = 0;
    double due[MAX_PENDING], amount[MAX_PENDING]; /* replenishments in arrival order */
    size_t head = 0, n = 0;
    unsigned long events = 0, orders = 0;
    double next = mean_gap * rng_exponential1(r);
    for (;;) {
        double receipt = n ? due[head] : INFINITY;
        if (receipt <= next) { /* receipts first at equal times */
            if (!(receipt < HORIZON)) break;
            area += on_hand * (receipt - last);
            last = receipt;
            on_hand += amount[head];
            on_order -= amount[head];
            head = (head + 1) % MAX_PENDING;
            n--;
            events++;
            continue;
        }
        if (!(next < HORIZON)) break;
        double now = next;
        next = now + mean_gap * rng_exponential1(r);
        events++;
        orders++;
        demanded += UNITS;
        double take = on_hand < UNITS ? on_hand : UNITS; /* the rest is lost */
        if (UNITS - take <= DUST) take = UNITS;
        filled += take;
        area += on_hand * (now - last);
        last = now;
        on_hand -= take;
        double position = on_hand + on_order;
        if (position <= S + DUST) {
            double q = (floor((S - position) / Q) + 1) * Q;
            if (n == MAX_PENDING) abort();
            on_order += q;
            due[(head + n) % MAX_PENDING] = now + LEAD;
            amount[(head + n) % MAX_PENDING] = q;
            n++;
        }
    }
    gsl_rng_free(r);
    return (struct result){filled / demanded, (area + on_hand * (HORIZON - last)) / HORIZON, events, orders};
}

int main(int argc, char **argv)
{
    unsigned long first = 0, reps = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--first") == 0)
            first = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--reps") == 0)
            reps = strtoul(argv[i + 1], NULL, 10);
    }
    puts("rep,seconds,events,orders,fill_rate,mean_on_hand,order_cycle_days_mean");
    for (unsigned long rep = first; rep < first + reps; rep++) {
        double t0 = seconds();
        struct result x = run(rep);
        double dt = seconds() - t0;
        char a[40], b[40];
        printf("%lu,%.6f,%lu,%lu,%s,%s,0\n", rep, dt, x.events, x.orders, num_format(x.fill_rate, a, sizeof a),
               num_format(x.mean_on_hand, b, sizeof b));
    }
    return 0;
}
