/* history_play.c - which recorded day each simulated day plays (history_play.h). */
#include "history_play.h"

void history_play_start(struct history_play *p, long long first)
{
    *p = (struct history_play){.day = first};
}

size_t history_play_block_days(const struct demand_config *d)
{
    const struct demand_history *h = d->history;
    size_t b = d->history_block_days ? d->history_block_days : h->block_days;
    if (b < 1) b = 1;
    return b > h->ndays ? h->ndays : b;
}

size_t history_play_next(struct history_play *p, const struct demand_config *d, gsl_rng *r)
{
    const struct demand_history *h = d->history;
    long long n = (long long)h->ndays, j = p->day++;
    switch (d->history_mode) {
    case HISTORY_BLOCK_BOOTSTRAP:
        if (p->block_left == 0) {
            size_t b = history_play_block_days(d);
            p->block_next = (size_t)gsl_rng_uniform_int(r, h->ndays - b + 1);
            p->block_left = b;
        }
        p->block_left--;
        return p->block_next++;
    case HISTORY_WEEKDAY_BOOTSTRAP: {
        size_t w = (size_t)(((j % 7) + 7) % 7);
        if (w >= h->ndays) /* fewer than 7 days (the reader refuses them): any day */
            return (size_t)gsl_rng_uniform_int(r, h->ndays);
        size_t count = (h->ndays - 1 - w) / 7 + 1;
        return w + 7 * (size_t)gsl_rng_uniform_int(r, count);
    }
    case HISTORY_BOOTSTRAP:
        if (!h->nperiods) return (size_t)gsl_rng_uniform_int(r, h->ndays);
        if (p->block_left == 0) {
            size_t k = (size_t)gsl_rng_uniform_int(r, h->nperiods);
            p->block_next = h->period_first[k];
            p->block_left = h->period_first[k + 1] - h->period_first[k];
        }
        p->block_left--;
        return p->block_next++;
    default: return (size_t)(((j % n) + n) % n);
    }
}
