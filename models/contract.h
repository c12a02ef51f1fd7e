/* contract.h - a service contract (B2B, the [contract] section, docs/contract.md): the
 * service metrics a contract may target, reading its targets, and reviewing each period.
 *
 * A contract reviews whole periods of period_days from the start of the statistics
 * window (the warm-up's end); the rest of the window after the last whole period is not
 * reviewed. In each period every target's metric is computed from that period's own
 * counts with the whole-run formula (model_service_rate, models/model_internal.h). A
 * target is missed when its value falls short (a rate where more is better below its
 * target, one where less is better above it); a period with nothing to count for a
 * target (no orders) does not miss it. A period's penalty is penalty_per_point for every
 * percentage point of shortfall of every missed target, plus penalty_per_missed_period
 * once if any target was missed. */
#ifndef MODELS_CONTRACT_H
#define MODELS_CONTRACT_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>

/* Can a contract target base metric `metric` (enum metric)? Only shares computed from a
 * period's own counts can. contract_metric_at_most: is less better (a ceiling, <=)? */
bool contract_metric_allowed(int metric);
bool contract_metric_at_most(int metric);

/* The name of the i-th metric a contract may target (from 0), or NULL past the last. */
const char *contract_metric_name(size_t i);

/* What is wrong with a targets text (contract_parse_targets). */
enum contract_parse {
    CONTRACT_OK,
    CONTRACT_EMPTY,        /* no target */
    CONTRACT_SYNTAX,       /* an item is not "metric >= share" or "metric <= share" */
    CONTRACT_UNKNOWN,      /* no metric of that name */
    CONTRACT_NOT_PERIODIC, /* a metric that is not a share of a period's counts */
    CONTRACT_DIRECTION,    /* >= on a metric where less is better, or <= where more is */
    CONTRACT_RANGE,        /* a share outside [0, 1]; word is the metric, a blank, the share as written */
    CONTRACT_REPEATED,     /* the same metric twice */
    CONTRACT_TOO_MANY,     /* more than CONTRACT_TARGETS_MAX */
};

/* Read "fill_rate >= 98%, on_time_rate >= 0.95" into c's targets (a share is a decimal
 * or a percentage). On a problem returns it, with the item concerned (its metric name,
 * or the whole item for CONTRACT_SYNTAX) in word. */
enum contract_parse contract_parse_targets(const char *text, struct contract_config *c, char *word, size_t wordlen);

/* Whole periods a contract reviews in a statistics window of horizon_days. */
size_t contract_periods(const struct contract_config *c, double horizon_days);

/* A period's penalty, from its values of the targets (NaN: nothing to count, not
 * missed); *missed (may be NULL) says whether it missed any target. */
double contract_period_penalty(const struct contract_config *c, const double *values, bool *missed);

/* The shortfall of value against target t in points (percentage points), 0 when met
 * or NaN. */
double contract_shortfall_points(const struct contract_target *t, double value);

#endif
