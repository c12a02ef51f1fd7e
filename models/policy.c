/* policy.c - none, sQ (s, nQ), sS and base stock. Amounts below UNITS_DUST (a millionth
 * of a unit, models/units.h) are floating-point dust from decimal quantities, not orders. */
#include "policy.h"
#include "units.h"
#include "lang/lang.h"

#include <math.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

static double none_amount(const struct inventory_config *c, double ip)
{
    (void)c, (void)ip;
    return 0;
}

/* Order the smallest multiple of Q that lifts the position above s. */
static double sq_amount(const struct inventory_config *c, double ip)
{
    if (ip > c->reorder_point + UNITS_DUST) return 0;
    /* within dust above s counts as at s: floor() of a tiny negative would be -1 */
    double below = c->reorder_point - ip > 0 ? c->reorder_point - ip : 0;
    double n = floor(below / c->order_quantity) + 1;
    return n * c->order_quantity;
}

static double ss_amount(const struct inventory_config *c, double ip)
{
    if (ip > c->reorder_point + UNITS_DUST) return 0;
    return c->order_up_to - ip;
}

static double base_stock_amount(const struct inventory_config *c, double ip)
{
    double q = c->order_up_to - ip;
    return q > UNITS_DUST ? q : 0;
}

static double never(const struct inventory_config *c)
{
    (void)c;
    return -INFINITY;
}

static double at_or_below_s(const struct inventory_config *c)
{
    return c->reorder_point + UNITS_DUST;
}

static double below_s_up_to(const struct inventory_config *c)
{
    return c->order_up_to - UNITS_DUST;
}

/* clang-format off */
static const struct policy_type none = {"none", N_("stock never runs out; no inventory is modelled"),
    N_("no inventory modelled"), false, false, false, false, none_amount, never};
static const struct policy_type sq = {"sQ",
    N_("when the position is at or below s, order the smallest multiple of Q lifting it above s"),
    N_("sQ policy"), true, true, true, false, sq_amount, at_or_below_s};
static const struct policy_type ss = {"sS",
    N_("when the position is at or below s, order up to S"), N_("sS policy"), true, true, false, true, ss_amount, at_or_below_s};
static const struct policy_type base_stock = {"base_stock",
    N_("order up to S whenever the position is below S (one-for-one under continuous review)"),
    N_("base-stock policy"), true, false, false, true, base_stock_amount, below_s_up_to};
/* clang-format on */

const struct policy_type *const policy_types[] = {&none, &sq, &ss, &base_stock, NULL};

const struct policy_type *policy_find(const char *name)
{
    for (size_t i = 0; policy_types[i]; i++)
        if (strcmp(policy_types[i]->name, name) == 0) return policy_types[i];
    return NULL;
}

const struct policy_type *policy_find_nocase(const char *name)
{
    for (size_t i = 0; policy_types[i]; i++)
        if (strcasecmp(policy_types[i]->name, name) == 0) return policy_types[i];
    return NULL;
}
