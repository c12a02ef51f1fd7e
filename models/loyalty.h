/* loyalty.h - what customers expect, how satisfied they are, the loyalty ladder, and
 * their complaints and the recovery of them (the [loyalty] and [complaints] sections,
 * docs/contract.md).
 *
 * Judgement. Each order a customer hears the outcome of is compared with the customer's
 * expectation E (days from order to delivery: its channel's expectation_days if that
 * channel gives one, else the tier's, else [loyalty]'s, else the promise) with
 * tolerance T:
 *   worse (x = -1):       short, damaged or wrong, dropped with nothing delivered, or
 *                          delivered after E + T;
 *   as expected (x = 0):  complete, undamaged and correct, delivered within [E - T, E + T];
 *   better (x = +1):      complete, undamaged and correct, delivered before E - T.
 * Satisfaction. A score s in [-1, 1], 0 for a new customer, moves after each order:
 * s <- (1 - w) s + w x (w: satisfaction_weight). Then, if s > climb_above the customer
 * climbs one stage (new -> satisfied -> loyal); if s < fall_below they fall one stage.
 * With w = 1 the score is the last order's x: a better order is a step up, a worse one
 * a step down.
 * Complaints. A customer whose order was worse complains with probability `share`. The
 * complaints desk costs budget_per_day, spent in full; within each day (from time 0) it
 * handles complaints while the day's budget lasts, cost_per_complaint each (0: all);
 * the others go unhandled, and their customer leaves at once with probability
 * unhandled_defect_share. A handled complaint takes recovery_days, then wins the
 * customer back with probability recovery_share: the score returns to what it was
 * before the order (if it is lower now), and the customer stands one stage above the
 * stage they held then (if lower now): a complaint handled well can end in loyalty. */
#ifndef MODELS_LOYALTY_H
#define MODELS_LOYALTY_H

#include "config.h"

#include <stdbool.h>
#include <stdint.h>

struct model;

/* The judgement x of one order: -1 worse, 0 as expected, +1 better (above). flawless:
 * complete, undamaged and correct; cycle: days from order to delivery. */
int loyalty_judge(bool flawless, double cycle, double expectation, double tolerance);

/* The stage after an order left the score at `score`, from `stage`. */
int loyalty_next_stage(const struct loyalty_config *ly, int stage, double score);

/* What tier `tier`'s customers expect of an order placed through channel `channel`
 * (-1: no channels), in days. */
double loyalty_expectation(const struct model *m, int tier, int channel);

/* Customer `who` (active) of tier `tier` hears how an order placed through `channel`
 * went: the judgement, the score and the stage, and perhaps a complaint. */
void loyalty_hear(struct model *m, uint32_t who, int tier, int channel, bool flawless, double cycle);

/* Free what pending recoveries hold (at the end of a run). */
void loyalty_fini(struct model *m);

#endif
