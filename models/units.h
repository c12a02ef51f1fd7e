/* units.h - the one tolerance on quantities of units, for the model, its stock points
 * and the replenishment policies alike.
 *
 * Units are decimals, so sums of them carry floating-point dust: a level within
 * UNITS_DUST of 0 counts as 0, a line short by no more than it is filled, and an order
 * amount below it is no order. One constant, so that the fast path (models/model.c
 * place_instant, models/stock.h stock_sell) and the general path cannot disagree on
 * what "short" means.
 */
#ifndef MODELS_UNITS_H
#define MODELS_UNITS_H

static const double UNITS_DUST = 1e-6;

#endif
