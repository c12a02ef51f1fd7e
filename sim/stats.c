/* stats.c - tallies and time averages. */
#include "stats.h"

#include <assert.h>
#include <math.h>

void tally_reset(struct tally *t)
{
    *t = (struct tally){0};
}

double tally_mean(const struct tally *t)
{
    return t->n ? t->mean : NAN;
}

double tally_variance(const struct tally *t)
{
    return t->n > 1 ? t->m2 / (double)(t->n - 1) : NAN;
}

double tally_sd(const struct tally *t)
{
    return sqrt(tally_variance(t));
}

void timeavg_init(struct timeavg *a, double t, double level)
{
    *a = (struct timeavg){.start = t, .last = t, .level = level, .area = 0};
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
