/* theory.h - the textbook normal approximation of lead-time demand (Chopra & Meindl),
 * for setting reorder points from a service target and for printing the formula's
 * prediction next to the simulated result.
 *
 * Demand is a renewal process of orders (gap mean m, variance v) whose sizes X are
 * independent; over a long span t its total has mean t E[X]/m and variance
 * t (Var X / m + E[X]^2 v / m^3). The protection interval is the lead time L (random,
 * independent of demand), plus the review period R under periodic review. Units and
 * days throughout.
 */
#ifndef MODELS_THEORY_H
#define MODELS_THEORY_H

#include "config.h"

/* Standard normal loss function L(z) = phi(z) - z (1 - Phi(z)): the expected shortfall
 * of a standard normal above z. */
double theory_loss(double z);

/* Demand over the protection interval. */
struct protection {
    double days;        /* mean length: E[L] + R */
    double demand_mean; /* mean demand over it */
    double demand_sd;   /* its standard deviation */
    double batch;       /* units that arrive per replenishment cycle (Q, S - s, demand per
                           review period, or a mean order for one-for-one base stock) */
};

/* The protection interval of cfg's demand, lead time and review period. batch uses
 * the policy's own quantities (order_quantity, order_up_to - reorder_point). */
struct protection theory_protection(const struct model_config *cfg);

/* The same for stock inv whose product appears on a share q of cfg's orders
 * (0 < q <= 1): its demand is the order stream thinned to those orders. */
struct protection theory_protection_for(const struct model_config *cfg, const struct inventory_config *inv, double q);

/* Mean and variance of the units of one order line: [demand] units_per_order, or with
 * tiers the mixture of each tier's order size weighted by its share. */
void theory_units_per_order(const struct model_config *cfg, double *mean, double *variance);

/* The chance that an order asks for product p of cfg's named products: the mean number
 * of lines times p's share, capped at 1 (exact for one line or equal shares). */
double theory_order_share(const struct model_config *cfg, size_t p);

/* Predictions for a reorder level `level` (s for sQ/sS, S for base stock). */
struct prediction {
    double safety_factor;       /* k = (level - mean) / sd */
    double cycle_service_level; /* Phi(k) */
    double shortage_per_cycle;  /* expected units short per cycle: sd [L(k) - L(k + batch/sd)] */
    double fill_rate;           /* 1 - shortage_per_cycle / batch */
};

struct prediction theory_predict(const struct protection *p, double level);

/* The level that meets a target. All return the level (units). */
double theory_level_for_safety_factor(const struct protection *p, double k);
double theory_level_for_cycle_service(const struct protection *p, double csl); /* 0 < csl < 1 */
double theory_level_for_fill_rate(const struct protection *p, double fill);    /* 0 < fill < 1 */

#endif
