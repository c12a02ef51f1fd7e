/* fastpath.c - see fastpath.h. */
#include "fastpath.h"
#include "metrics.h"
#include "policy.h"
#include "shape.h"
#include "supplier.h"

/* Shorthands for the allowed columns: {instant, plain}. */
/* clang-format off */
#define NEITHER {false, false}
#define INSTANT_ONLY {true, false}
#define BOTH {true, true}
/* clang-format on */

const struct fastpath_row fastpath_rows[FP_COUNT] = {
    [FP_PRODUCTS] = {"several products", NEITHER, FEATURE_LINES},
    [FP_LINES_ONE] = {"lines per order with one product", BOTH, FEATURE_LINES},
    [FP_TIERS] = {"several tiers", INSTANT_ONLY, 0},
    [FP_CHANNELS] = {"ordering channels", NEITHER,
                     FEATURE_CHANNELS | FEATURE_ABANDON | FEATURE_QUALITY | FEATURE_UNDELIVERED},
    [FP_CUSTOMERS] = {"a customer base", NEITHER, FEATURE_CUSTOMERS | FEATURE_LOYALTY | FEATURE_COMPLAINTS},
    [FP_LOCATIONS] = {"stocking locations", NEITHER, FEATURE_LOCATIONS | FEATURE_ECHELONS},
    [FP_TRANSMISSION] = {"a transmission time", NEITHER, 0},
    [FP_PROCESSING] = {"an order-processing stage", NEITHER, 0},
    [FP_PICKING] = {"a picking stage", NEITHER, 0},
    [FP_DELIVERY] = {"a delivery time", NEITHER, 0},
    [FP_QUALITY] = {"picking errors or damage", NEITHER, FEATURE_QUALITY | FEATURE_UNDELIVERED},
    [FP_EXPEDITE] = {"expedited deliveries", NEITHER, FEATURE_EXPEDITE},
    [FP_INQUIRIES] = {"status inquiries", NEITHER, FEATURE_INQUIRIES},
    [FP_SHAPE] = {"a demand shape", INSTANT_ONLY, FEATURE_PEAKS},
    [FP_PEAK_SHIFT] = {"peak smoothing", INSTANT_ONLY, FEATURE_SHIFT},
    [FP_QUANTITY] = {"quantity discounts", INSTANT_ONLY, FEATURE_QUANTITY},
    [FP_HISTORY] = {"demand replayed or bootstrapped", INSTANT_ONLY, 0},
    [FP_REACTIONS] = {"stockout reactions", BOTH, FEATURE_REACTIONS},
    [FP_LATE_PRICE] = {"a price that falls with lateness", BOTH, FEATURE_LATE_PRICE},
    [FP_STOCK] = {"stock held", BOTH, FEATURE_STOCK},
    [FP_RETURNS] = {"customer returns", NEITHER, FEATURE_RETURNS},
    [FP_CONTRACT] = {"a service contract", BOTH, FEATURE_CONTRACT},
    [FP_SUPPLIER] = {"an outside supplier with capacity, disruptions or a yield", BOTH,
                     FEATURE_SUPPLIER | FEATURE_DISRUPTIONS},
    [FP_STORAGE] = {"a storage capacity", BOTH, FEATURE_STORAGE},
};

_Static_assert(FP_COUNT <= 32, "fastpath_in_use returns the features as bits of an unsigned");

static bool stage_in_use(const struct stage_config *s)
{
    return s->servers > 0 || !dist_is_zero(&s->days);
}

static bool any_shortage(const struct model_config *c, enum shortage_rule rule)
{
    bool any = c->inventory.shortage == rule;
    for (size_t p = 0; p < c->nproducts; p++) any |= c->products[p].inventory.shortage == rule;
    return any;
}

static bool any_stock(const struct model_config *c)
{
    bool any = c->inventory.policy->holds_stock;
    for (size_t p = 0; p < c->nproducts; p++) any |= c->products[p].inventory.policy->holds_stock;
    for (size_t l = 0; l < c->nlocations; l++) any |= c->locations[l].inventory.policy->holds_stock;
    return any;
}

static bool any_tier_expedites(const struct model_config *c)
{
    for (size_t t = 0; t < c->ntiers; t++)
        if (c->tiers[t].always_expedite) return true;
    return false;
}

unsigned fastpath_in_use(const struct model_config *c)
{
    const struct demand_config *d = &c->demand;
    const struct order_cycle_config *oc = &c->order_cycle;
    bool in[FP_COUNT] = {
        [FP_PRODUCTS] = c->nproducts > 1,
        [FP_LINES_ONE] = c->nproducts == 1 && dist_mean(&d->lines_per_order) > 1,
        [FP_TIERS] = c->ntiers > 1,
        [FP_CHANNELS] = c->nchannels > 0,
        [FP_CUSTOMERS] = c->customers.on,
        [FP_LOCATIONS] = c->nlocations > 0,
        [FP_TRANSMISSION] = !dist_is_zero(&oc->transmission_days),
        [FP_PROCESSING] = stage_in_use(&oc->processing),
        [FP_PICKING] = stage_in_use(&oc->picking),
        [FP_DELIVERY] = !dist_is_zero(&oc->delivery_days),
        [FP_QUALITY] = oc->picking_error_rate > 0 || oc->damage_rate > 0,
        [FP_EXPEDITE] = oc->expedite != EXPEDITE_NEVER || any_tier_expedites(c),
        [FP_INQUIRIES] = oc->inquiries_per_order_day > 0,
        [FP_SHAPE] = shape_active(d),
        [FP_PEAK_SHIFT] = d->peak_shift_share > 0,
        [FP_QUANTITY] = d->quantity_discount_share > 0,
        [FP_HISTORY] = history_plays_days(d->history_mode),
        [FP_REACTIONS] = any_shortage(c, SHORTAGE_REACT),
        [FP_LATE_PRICE] = c->revenue.late_zero_days > 0,
        [FP_STOCK] = any_stock(c),
        [FP_RETURNS] = returns_in_use(c),
        [FP_CONTRACT] = c->contract.ntargets > 0,
        [FP_SUPPLIER] = supplier_in_use(c),
        [FP_STORAGE] = metric_features(c) & FEATURE_STORAGE,
    };
    unsigned used = 0;
    for (unsigned f = 0; f < FP_COUNT; f++)
        if (in[f]) used |= 1u << f;
    return used;
}

unsigned fastpath_unlisted(const struct model_config *c)
{
    unsigned used = fastpath_in_use(c), listed = 0;
    for (unsigned f = 0; f < FP_COUNT; f++)
        if (used & (1u << f)) listed |= fastpath_rows[f].metric_features;
    return metric_features(c) & ~listed;
}

bool fastpath_allows(const struct model_config *c, enum fastpath_kind kind)
{
    unsigned used = fastpath_in_use(c);
    for (unsigned f = 0; f < FP_COUNT; f++)
        if ((used & (1u << f)) && !fastpath_rows[f].allowed[kind]) return false;
    if (kind == FASTPATH_PLAIN && !fastpath_allows(c, FASTPATH_INSTANT)) return false;
    return fastpath_unlisted(c) == 0;
}
