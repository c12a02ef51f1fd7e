/* history_play.h - which recorded day of a history each simulated day plays, in the
 * modes that play days (models/config.h: enum history_mode). Kept apart from the event
 * handlers (models/demand.c) so that tests can draw the sequence of days a run plays.
 *
 * Simulated day j (day 0 starts the statistics window; the warm-up plays days j < 0)
 * plays recorded day k:
 *   replay             k = j mod n (no random number);
 *   bootstrap          k drawn uniformly from 0..n-1; for a weekly or monthly history,
 *                      a period drawn uniformly and its days played in order, then
 *                      the next period drawn;
 *   block_bootstrap    runs of b consecutive days k0, k0+1, ..., k0+b-1, each k0 drawn
 *                      uniformly from 0..n-b (b: history_block_days, else the history's
 *                      automatic block_days; at most n);
 *   weekday_bootstrap  k drawn uniformly from the recorded days with k = j (mod 7): the
 *                      weekday replay gives day j, as long as j < n.
 * Random draws come from the one generator given (the run's SRC_HISTORY stream); a
 * bootstrap draws exactly as it always did. */
#ifndef MODELS_HISTORY_PLAY_H
#define MODELS_HISTORY_PLAY_H

#include "config.h"

#include <gsl/gsl_rng.h>

struct history_play {
    long long day;                 /* the next simulated day */
    size_t block_next, block_left; /* block_bootstrap, and bootstrap by periods: the next day of the run,
                                      days left in it */
};

/* Start at simulated day `first` (negative in a warm-up). */
void history_play_start(struct history_play *p, long long first);

/* The recorded day that simulated day p->day plays (then the next day). r may be NULL
 * for replay. */
size_t history_play_next(struct history_play *p, const struct demand_config *d, gsl_rng *r);

/* The block length block_bootstrap uses for d (1 .. ndays). */
size_t history_play_block_days(const struct demand_config *d);

#endif
