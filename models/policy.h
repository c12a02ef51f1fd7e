/* policy.h - inventory replenishment policies, as a const table looked up by name.
 * A policy only answers "how much to order, given the inventory position"; when it
 * is asked (after every allocation, or at review times) is the stock's business. */
#ifndef MODELS_POLICY_H
#define MODELS_POLICY_H

#include "config.h"

#include <stdbool.h>

struct policy_type {
    const char *name;    /* as written in a scenario: "sQ" */
    const char *meaning; /* one line for `servlab keys`, English (N_): _(meaning) prints it */
    const char *reading; /* its name in a chart's title, English (N_), "base-stock policy": the
                            key value stays as written where it is typed, a title reads it */
    bool holds_stock;    /* false for none: stock never runs out */
    bool uses_reorder_point, uses_order_quantity, uses_order_up_to;
    /* Units to order now when the inventory position is ip (0: none). */
    double (*order_amount)(const struct inventory_config *c, double ip);
    /* order_amount is 0 whenever ip is above this level, so a stock need not ask */
    double (*order_threshold)(const struct inventory_config *c);
};

/* Every policy, NULL-terminated. */
extern const struct policy_type *const policy_types[];

/* The policy called `name` (exact spelling), or NULL. */
const struct policy_type *policy_find(const char *name);

/* The policy called `name` ignoring case, or NULL (for "did you mean"). */
const struct policy_type *policy_find_nocase(const char *name);

#endif
