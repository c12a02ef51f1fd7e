/* stats.c - tallies and time averages. */
#include "stats.h"

#include <assert.h>
#include <math.h>

void tally_reset(struct tally *t)
{
    *t = (struct tally){0};
}

void tally_add(struct tally *t, double x)
{
    t->n++;
    if (t->n == 1) {
        t->min = t->max = t->mean = x;
        t->m2 = 0;
        return;
    }
    double d = x - t->mean;
    t->mean += d / (double)t->n;
    t->m2 += d * (x - t->mean);
    if (x < t->min) t->min = x;
    if (x > t->max) t->max = x;
}

double tally_mean(const struct tally *t)
{
    return t->n ? t->mean : NAN;
}

double tally_sd(const struct tally *t)
{
    return t->n > 1 ? sqrt(t->m2 / (double)(t->n - 1)) : NAN;
}

void timeavg_init(struct timeavg *a, double t, double level)
{
    *a = (struct timeavg){.start = t, .last = t, .level = level, .area = 0};
}

void timeavg_set(struct timeavg *a, double t, double level)
{
    assert(t >= a->last);
    a->area += a->level * (t - a->last);
    a->last = t;
    a->level = level;
}

void timeavg_restart(struct timeavg *a, double t)
{
    timeavg_init(a, t, a->level);
}

double timeavg_mean(const struct timeavg *a, double t)
{
    assert(t >= a->last);
    double span = t - a->start;
    if (!(span > 0)) return NAN;
    return (a->area + a->level * (t - a->last)) / span;
}
