/* shape.h - how the rate of orders varies with time: a weekday profile (day 0 is a
 * Monday) times a piecewise-linear curve over the days (a product life cycle, a
 * season). Peak days are weekdays whose multiplier is above 1. Pure functions of the
 * demand configuration; times in days. */
#ifndef MODELS_SHAPE_H
#define MODELS_SHAPE_H

#include "config.h"

#include <stdbool.h>

/* Is any shaping configured? */
bool shape_active(const struct demand_config *d);

/* The rate multiplier at time t (1 without shaping). */
double shape_factor(const struct demand_config *d, double t);

/* An upper bound of shape_factor over all times (for thinning). */
double shape_max(const struct demand_config *d);

/* Is t on a peak weekday? */
bool shape_is_peak(const struct demand_config *d, double t);

/* The same time of day on the next weekday that is not a peak. */
double shape_next_offpeak(const struct demand_config *d, double t);

#endif
