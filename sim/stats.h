/* stats.h - the two accumulators a simulation needs.
 *
 * A tally collects observations (an order's cycle time): count, mean, sd, min, max,
 * with Welford's update so long runs do not lose precision.
 * A time average integrates a level over time (units on hand): call timeavg_set at
 * every change; the mean over [start, t] is the area divided by the elapsed time.
 * Both are plain structs, zero-initialisable, with no hidden state.
 */
#ifndef SIM_STATS_H
#define SIM_STATS_H

#include <assert.h>
#include <stdint.h>

struct tally {
    uint64_t n;
    double mean, m2, min, max;
};

void tally_reset(struct tally *t);

/* Add one observation (inline: models call it for every order). */
static inline void tally_add(struct tally *t, double x)
{
    t->n++;
    if (t->n == 1) {
        t->min = t->max = t->mean = x;
        t->m2 = 0;
        return;
    }
    double d = x - t->mean;
    t->mean += d / (double)(int64_t)t->n; /* the same value; signed converts in one instruction */
    t->m2 += d * (x - t->mean);
    if (x < t->min) t->min = x;
    if (x > t->max) t->max = x;
}

double tally_mean(const struct tally *t);     /* NaN when empty */
double tally_variance(const struct tally *t); /* sample variance; NaN with fewer than 2 */
double tally_sd(const struct tally *t);       /* sample sd; NaN with fewer than 2 */

struct timeavg {
    double start; /* when collection began */
    double last;  /* time of the last change */
    double level; /* current level */
    double area;  /* integral of the level over [start, last] */
};

/* Start collecting at time t with the current level. */
void timeavg_init(struct timeavg *a, double t, double level);
/* The level changes to `level` at time t (t >= last). Inline: called at every change. */
static inline void timeavg_set(struct timeavg *a, double t, double level)
{
    assert(t >= a->last);
    a->area += a->level * (t - a->last);
    a->last = t;
    a->level = level;
}
/* Restart collection at time t, keeping the current level (the warm-up reset). */
void timeavg_restart(struct timeavg *a, double t);
/* Mean level over [start, t]; the level since the last change counts up to t. */
double timeavg_mean(const struct timeavg *a, double t);

#endif
