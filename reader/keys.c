/* keys.c - the key table and the `servlab keys` reference printed from it. */
#include "keys.h"
#include "scenario.h"
#include "models/metrics.h"
#include "models/policy.h"
#include "suggest.h"
#include "sim/dist.h"
#include "sim/num.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* ---- choices: the words, and how the value is stored ---- */

static const char *policy_word(size_t i)
{
    for (size_t k = 0; policy_types[k]; k++)
        if (k == i) return policy_types[k]->name;
    return NULL;
}
static int policy_get(const void *slot)
{
    const struct policy_type *p = *(const struct policy_type *const *)slot;
    for (int k = 0; policy_types[k]; k++)
        if (policy_types[k] == p) return k;
    return 0;
}
static void policy_set(void *slot, int i)
{
    *(const struct policy_type **)slot = policy_types[i];
}

/* choice_get and choice_set for a key stored as the enum `type`: its index is its value */
#define ENUM_ACCESSORS(words, type)                                                                         \
    static int words##_get(const void *slot) { return (int)*(const type *)slot; }                          \
    static void words##_set(void *slot, int i) { *(type *)slot = (type)i; }

static const char *shortage_word(size_t i)
{
    static const char *const names[] = {"backorder", "lost_sale", "react"}; /* enum shortage_rule */
    return i < 3 ? names[i] : NULL;
}
ENUM_ACCESSORS(shortage, enum shortage_rule)

static const char *expedite_word(size_t i)
{
    static const char *const names[] = {"never", "backordered", "late", "backordered_or_late"}; /* enum expedite_rule */
    return i < 4 ? names[i] : NULL;
}
ENUM_ACCESSORS(expedite, enum expedite_rule)

static const char *when_short_word(size_t i)
{
    static const char *const names[] = {"wait", "ship_direct", "transship"}; /* enum when_short */
    return i < 3 ? names[i] : NULL;
}
ENUM_ACCESSORS(when_short, enum when_short)

static const char *yes_no_word(size_t i)
{
    return i == 0 ? "no" : i == 1 ? "yes" : NULL;
}
static int yes_no_get(const void *slot)
{
    return *(const bool *)slot ? 1 : 0;
}
static void yes_no_set(void *slot, int i)
{
    *(bool *)slot = i == 1;
}

static const char *history_kind_word(size_t i)
{
    static const char *const names[] = {"daily", "orders"}; /* enum history_kind */
    return i < 2 ? names[i] : NULL;
}
static int history_kind_get(const void *slot)
{
    return (int)*(const enum history_kind *)slot;
}
static void history_kind_set(void *slot, int i)
{
    *(enum history_kind *)slot = (enum history_kind)i;
}

static const char *history_mode_word(size_t i)
{
    static const char *const names[] = {"replay", "bootstrap", "fit"}; /* enum history_mode, from REPLAY */
    return i < 3 ? names[i] : NULL;
}
static int history_mode_get(const void *slot)
{
    int m = (int)*(const enum history_mode *)slot;
    return m > 0 ? m - 1 : 0;
}
static void history_mode_set(void *slot, int i)
{
    *(enum history_mode *)slot = (enum history_mode)(i + 1);
}

/* ---- text checks ---- */

static int check_parameter(const char *text, char *err, size_t errlen)
{
    return key_sweepable(text, err, errlen) < 0 ? -1 : 0;
}

/* The service measure of a sweep must be a rate, such as fill_rate or on_time_rate. */
static int check_service(const char *text, char *err, size_t errlen)
{
    int m = metric_find(text);
    if (m >= 0 && (metric_defs[m].kind == KIND_RATE || metric_defs[m].kind == KIND_SHARE)) return 0;
    const char *rates[METRIC_COUNT];
    size_t n = 0;
    for (size_t i = 0; i < METRIC_COUNT; i++)
        if (metric_defs[i].kind == KIND_RATE) rates[n++] = metric_defs[i].name;
    const char *near = suggest_nearest(text, rates, n);
    if (m >= 0)
        snprintf(err, errlen, "'%s' is not a rate; use a service rate such as fill_rate or on_time_rate", text);
    else if (near)
        snprintf(err, errlen, "unknown metric '%s'; did you mean '%s'?", text, near);
    else
        snprintf(err, errlen, "unknown metric '%s'; use a service rate such as fill_rate, cycle_service_level "
                              "or on_time_rate", text);
    return -1;
}

/* A name of another section (a substitute product, a region's home location): that
 * it exists is checked once every section is read. */
static int check_name(const char *text, char *err, size_t errlen)
{
    for (const char *p = text; *p; p++)
        if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) {
            snprintf(err, errlen, "'%s' is not a name (letters, digits and '_')", text);
            return -1;
        }
    return 0;
}

/* [location.NAME] transfer_days: "north: 1, south: 2.5" - names and days; that the
 * names are locations is checked once every section is read. */
static int check_transfers(const char *text, char *err, size_t errlen)
{
    char copy[400];
    snprintf(copy, sizeof copy, "%s", text);
    for (char *save = NULL, *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char name[NAME_LEN + 1];
        double days;
        int used = 0;
        if (sscanf(item, " %32[A-Za-z0-9_] : %lf %n", name, &days, &used) != 2 || item[used] != '\0') {
            snprintf(err, errlen, "'%s' is not NAME: DAYS (e.g. south: 2, east: 3.5)", item + strspn(item, " "));
            return -1;
        }
        if (!(days >= 0) || days > 1e4) {
            snprintf(err, errlen, "%s: %g days is not a transfer time (0 to 10000)", name, days);
            return -1;
        }
    }
    return 0;
}

/* A list of names for [locks]: every item a known section (sections) or SECTION.KEY
 * (keys). */
static int check_locks(const char *text, bool sections, char *err, size_t errlen)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", text);
    for (char *save = NULL, *item = strtok_r(copy, ", ", &save); item; item = strtok_r(NULL, ", ", &save)) {
        const char *dot = strrchr(item, '.');
        if (sections) {
            if (!key_section_known(item) || !strcmp(item, "locks") || !strcmp(item, "sweep")) {
                snprintf(err, errlen, "'%s' is not a section that can be locked", item);
                return -1;
            }
            continue;
        }
        char section[80];
        if (!dot) {
            snprintf(err, errlen, "'%s': name the section too, as SECTION.KEY", item);
            return -1;
        }
        snprintf(section, sizeof section, "%.*s", (int)(dot - item), item);
        if (key_find(section, dot + 1) < 0) {
            snprintf(err, errlen, "'%s' is not a key ('servlab keys' lists them)", item);
            return -1;
        }
    }
    return 0;
}
static int check_lock_sections(const char *text, char *err, size_t errlen)
{
    return check_locks(text, true, err, errlen);
}
static int check_lock_keys(const char *text, char *err, size_t errlen)
{
    return check_locks(text, false, err, errlen);
}

/* ---- the table ---- */

#define AT(m) offsetof(struct scenario, m)
#define PR(m) offsetof(struct product_config, m)
#define PE(m) offsetof(struct entry, m)
#define TI(m) offsetof(struct tier_config, m)
#define CH(m) offsetof(struct channel_config, m)
#define LO(m) offsetof(struct location_config, m)
#define RG(m) offsetof(struct region_config, m)
#define BIG 1e12

/* Field lists (..F), then rows made of them. */
#define KEYF(sec, key, ty, un, def, lo, hi, fl, off, mean)                                                    \
    .section = sec, .name = key, .type = ty, .unit = un, .fallback = def, .min = lo, .max = hi, .flags = fl, \
    .offset = off, .meaning = mean
#define NUMF(sec, key, un, def, lo, hi, fl, off, mean) KEYF(sec, key, KEY_NUMBER, un, def, lo, hi, fl, off, mean)
#define DISTF(sec, key, un, def, lo, hi, fl, off, mean) KEYF(sec, key, KEY_DIST, un, def, lo, hi, fl, off, mean)
#define CHOICEF(sec, key, def, off, words, mean)                                                          \
    .section = sec, .name = key, .type = KEY_CHOICE, .unit = "", .fallback = def, .offset = off,          \
    .meaning = mean, .choice = words##_word, .choice_get = words##_get, .choice_set = words##_set
#define KEY(...) {KEYF(__VA_ARGS__)}
#define NUM(...) {NUMF(__VA_ARGS__)}
#define DIST(...) {DISTF(__VA_ARGS__)}
#define CHOICE(...) {CHOICEF(__VA_ARGS__)}
/* a family key: stored in a product, tier or channel, defaulting to a global key */
#define FAM(fam, inh, ...) {__VA_ARGS__, .family = fam, .inherit = inh}

const struct key_def key_defs[] = {
    /* [run] */
    NUM("run", "horizon_days", "days", "365", 0, 1e7, KEY_MIN_EXCLUSIVE, AT(cfg.run.horizon_days),
        "statistics are collected over this many days, after the warm-up"),
    NUM("run", "warmup_days", "days", "0", 0, 1e7, 0, AT(cfg.run.warmup_days),
        "simulated first so the system reaches a typical state; then all statistics are reset"),
    KEY("run", "replications", KEY_COUNT, "", "10", 1, 100000, 0, AT(cfg.run.replications),
        "independent runs; each metric is their mean with a 95% confidence interval"),
    KEY("run", "seed", KEY_SEED, "", "1", 0, 9007199254740991.0, 0, AT(cfg.run.seed),
        "master seed of every random stream; the same seed gives the same results"),

    /* [demand] */
    NUM("demand", "orders_per_day", "orders/day", NULL, 0, 1e7, KEY_MIN_EXCLUSIVE, AT(orders_per_day),
        "orders arrive at random (a Poisson process) at this mean rate; or give interarrival_days"),
    DIST("demand", "interarrival_days", "days", NULL, 0, 1e7, KEY_MEAN_POSITIVE, AT(cfg.demand.interarrival_days),
         "distribution of the gap between one order and the next; or give orders_per_day"),
    {.section = "demand", .name = "first_order_days", .type = KEY_NUMBER, .unit = "days", .min = 0, .max = 1e7,
     .offset = AT(cfg.demand.first_order_days), .given_offset = AT(cfg.demand.has_first_order),
     .meaning = "time of the first order (default: one random gap after time 0)"},
    DIST("demand", "units_per_order", "units", "1", 0, 1e9, KEY_MEAN_POSITIVE, AT(cfg.demand.units_per_order),
         "units of one product on an order (the whole order with one product; a draw of 0 is no order)"),
    DIST("demand", "lines_per_order", "products", "1", 1, MAX_LINES, 0, AT(cfg.demand.lines_per_order),
         "how many different products one order asks for (rounded; needs [product.NAME] sections)"),
    {.section = "demand", .name = "history", .type = KEY_TEXT, .unit = "CSV file", .offset = AT(history),
     .text_size = sizeof(((struct scenario *)0)->history),
     .meaning = "demand from a planner's CSV file (day or YYYY-MM-DD, quantity per row; relative to this file's "
                "directory) instead of orders_per_day"},
    CHOICE("demand", "history_kind", NULL, AT(history_kind), history_kind,
           "each history row is a day's total demand (daily, played as one order) or one order (orders)"),
    CHOICE("demand", "history_mode", "replay", AT(history_mode), history_mode,
           "replay the days in order (repeated if the run is longer), bootstrap them (days drawn at random), or "
           "fit distributions of order gaps and sizes and draw from those"),
    KEY("demand", "weekday_profile", KEY_LIST, "", NULL, 0, 100, 0, AT(weekday_profile),
        "7 rate multipliers, Monday to Sunday (day 0 is a Monday), e.g. 1.3, 1.2, 1, 1, 1.1, 0.8, 0.6; rescaled to "
        "a mean of 1, so the rate stays the weekly mean"),
    KEY("demand", "rate_curve", KEY_LIST, "day:multiplier", NULL, 0, 1e7, KEY_PAIRS, AT(rate_curve),
        "a life cycle or season: multipliers at given days, joined by straight lines, e.g. 0:0.2, 90:1, 700:0.3"),
    NUM("demand", "peak_shift_share", "share", "0", 0, 1, 0, AT(cfg.demand.peak_shift_share),
        "share of the orders placed on a peak weekday that move to the next quiet day for a discount"),
    NUM("demand", "peak_discount", "share of price", "0", 0, 1, KEY_MAX_EXCLUSIVE, AT(cfg.demand.peak_discount),
        "price discount given to the orders that move off the peak"),
    NUM("demand", "quantity_discount_share", "share", "0", 0, 1, 0, AT(cfg.demand.quantity_discount_share),
        "share of the orders from customers who take a quantity discount: they order k times as much, k times "
        "less often, so the units per day stay the same"),
    KEY("demand", "quantity_discount_factor", KEY_COUNT, "orders", NULL, 2, 1000, 0,
        AT(cfg.demand.quantity_discount_factor),
        "k: a customer who takes the quantity discount puts k orders' units into one order (with "
        "quantity_discount_share)"),
    NUM("demand", "quantity_discount", "share of price", "0", 0, 1, KEY_MAX_EXCLUSIVE, AT(cfg.demand.quantity_discount),
        "price reduction on every unit of an order placed for the quantity discount"),

    /* [order_cycle] */
    DIST("order_cycle", "transmission_days", "days", "0", 0, 1e6, 0, AT(cfg.order_cycle.transmission_days),
         "order placed -> order received by the supplier (mail, phone, web, EDI)"),
    DIST("order_cycle", "processing_days", "days", "0", 0, 1e6, 0, AT(cfg.order_cycle.processing.days),
         "order entry and checking, per order"),
    KEY("order_cycle", "processing_servers", KEY_COUNT, "clerks", "0", 0, 1e6, 0,
        AT(cfg.order_cycle.processing.servers),
        "clerks processing orders, key customers first, then first come first served; 0: unlimited"),
    DIST("order_cycle", "picking_days", "days", "0", 0, 1e6, 0, AT(cfg.order_cycle.picking.days),
         "picking and packing, per order, once its stock is allocated"),
    KEY("order_cycle", "picking_servers", KEY_COUNT, "pickers", "0", 0, 1e6, 0, AT(cfg.order_cycle.picking.servers),
        "pickers, key customers first, then first come first served; 0: unlimited (a pure delay)"),
    DIST("order_cycle", "delivery_days", "days", "0", 0, 1e6, 0, AT(cfg.order_cycle.delivery_days),
         "shipped -> received by the customer"),
    {.section = "order_cycle", .name = "promise_days", .type = KEY_NUMBER, .unit = "days", .min = 0, .max = 1e6,
     .offset = AT(cfg.order_cycle.promise_days), .given_offset = AT(cfg.order_cycle.has_promise),
     .meaning = "an order is on time if delivered within this many days of being placed (default: no promise)"},
    NUM("order_cycle", "picking_error_rate", "share", "0", 0, 1, 0, AT(cfg.order_cycle.picking_error_rate),
        "share of orders picked wrong (wrong item or quantity): returned, picked again, sent again"),
    NUM("order_cycle", "damage_rate", "share", "0", 0, 1, 0, AT(cfg.order_cycle.damage_rate),
        "share of orders damaged in transit: written off, replaced from stock, sent again"),
    DIST("order_cycle", "return_days", "days", "2", 0, 1e6, 0, AT(cfg.order_cycle.return_days),
         "a wrong or damaged order: delivery -> back at the supplier, ready to be sent again"),
    CHOICE("order_cycle", "expedite", "never", AT(cfg.order_cycle.expedite), expedite,
           "when to ship by express: never, backordered orders, orders that would be late, or both"),
    DIST("order_cycle", "expedite_delivery_days", "days", NULL, 0, 1e6, 0,
         AT(cfg.order_cycle.expedite_delivery_days), "the express delivery time (when expedite is not never)"),
    NUM("order_cycle", "inquiries_per_order_day", "calls/order/day", "0", 0, 1e4, 0,
        AT(cfg.order_cycle.inquiries_per_order_day),
        "a customer who cannot see the order's status calls to ask where it is, at random at this rate while "
        "it is on its way (placed, not yet delivered); 0: nobody calls"),
    DIST("order_cycle", "inquiry_days", "days", NULL, 0, 1e6, 0, AT(cfg.order_cycle.inquiry_days),
         "an order-processing clerk's time to answer one such call; calls wait in the queue with the orders"),
    CHOICE("order_cycle", "status_visible", "no", AT(cfg.order_cycle.status_visible), yes_no,
           "yes: customers can see their order's status online (tracking), so they do not call about it"),

    /* [inventory] */
    CHOICE("inventory", "policy", "none", AT(cfg.inventory.policy), policy,
           "how stock is replenished; none: stock never runs out"),
    NUM("inventory", "review_days", "days", "0", 0, 1e6, 0, AT(cfg.inventory.review_days),
        "0: continuous review (after every order); R > 0: review at first_review_days, then every R days"),
    NUM("inventory", "first_review_days", "days", "0", 0, 1e7, 0, AT(cfg.inventory.first_review_days),
        "periodic review (review_days = R > 0): time of the first review; reviews at this time, + R, + 2R, ... "
        "(not used with continuous review)"),
    NUM("inventory", "reorder_point", "units", NULL, -1e9, 1e9, 0, AT(cfg.inventory.reorder_point),
        "s: order when the inventory position is at or below s (sQ, sS)"),
    NUM("inventory", "order_quantity", "units", NULL, 0, 1e9, KEY_MIN_EXCLUSIVE, AT(cfg.inventory.order_quantity),
        "Q: order the smallest multiple of Q that lifts the position above s (sQ)"),
    NUM("inventory", "order_up_to", "units", NULL, 0, 1e9, 0, AT(cfg.inventory.order_up_to),
        "S: order S minus the inventory position (sS, base_stock)"),
    DIST("inventory", "lead_time_days", "days", "0", 0, 1e6, 0, AT(cfg.inventory.lead_time_days),
         "replenishment lead time, drawn per order; orders may overtake each other"),
    NUM("inventory", "safety_factor", "sd", NULL, -5, 10, 0, AT(levers[0]),
        "service lever: set s (sQ) or S (base_stock) to mean lead-time demand + k sd"),
    NUM("inventory", "target_cycle_service_level", "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE | KEY_MAX_EXCLUSIVE,
        AT(levers[1]), "service lever: set s or S so the normal approximation gives this cycle service level"),
    NUM("inventory", "target_fill_rate", "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE | KEY_MAX_EXCLUSIVE, AT(levers[2]),
        "service lever: set s or S so the normal approximation gives this fill rate (Chopra & Meindl)"),
    NUM("inventory", "initial_on_hand", "units", NULL, 0, 1e9, 0, AT(cfg.inventory.initial_on_hand),
        "stock at time 0 (default: order_up_to, or reorder_point + order_quantity)"),
    CHOICE("inventory", "shortage", "backorder", AT(cfg.inventory.shortage), shortage,
           "units not in stock: backorder (they wait), lost_sale (they are lost), react (as [reactions] says)"),
    KEY("inventory", "catalog_items", KEY_COUNT, "items", "0", 0, MAX_PRODUCTS, 0, AT(catalog_items),
        "stock this many identical items (item001, item002, ...), each as this section says (0: one product)"),
    NUM("inventory", "reserve_units", "units", "0", 0, 1e9, 0, AT(cfg.inventory.reserve_units),
        "the last units on hand are kept for the highest-priority tier (stock rationing)"),

    /* [reactions] */
    NUM("reactions", "elsewhere", "share", "0.31", 0, 1, 0, AT(cfg.reactions.elsewhere),
        "share of customers who meet a stockout and buy at another shop (Gruen et al. 2002: 31%)"),
    NUM("reactions", "substitute", "share", "0.45", 0, 1, 0, AT(cfg.reactions.substitute),
        "who buy the product's substitute (26% another brand + 19% the same brand, another item)"),
    NUM("reactions", "wait", "share", "0.15", 0, 1, 0, AT(cfg.reactions.wait),
        "who wait for the item to come back (15%: a backorder)"),
    NUM("reactions", "cancel", "share", "0.09", 0, 1, 0, AT(cfg.reactions.cancel),
        "who do not buy at all (9%)"),

    /* [customers] */
    NUM("customers", "initial", "customers", "0", 0, 1e7, 0, AT(cfg.customers.initial),
        "customers at the start"),
    NUM("customers", "acquisition_per_day", "customers/day", "0", 0, 1e6, 0, AT(cfg.customers.acquisition_per_day),
        "new customers won per day, at random"),
    NUM("customers", "acquisition_cost", "money/customer", "0", 0, BIG, 0, AT(cfg.customers.acquisition_cost),
        "what winning one new customer costs (the course: 6 to 8 times what keeping one costs)"),
    NUM("customers", "orders_per_customer_day", "orders/day", NULL, 0, 1e4, KEY_MIN_EXCLUSIVE,
        AT(cfg.customers.orders_per_customer_day), "orders one customer places per day, at random"),
    NUM("customers", "churn_per_day", "1/day", "0", 0, 1, 0, AT(cfg.customers.churn_per_day),
        "rate at which a customer leaves for reasons other than service: lifetimes are exponential with mean "
        "1/rate days (a rate, not a daily chance: 0.01 leaves 1 - e^-0.01 = 0.995% a day)"),
    KEY("customers", "defect_after_failures", KEY_COUNT, "orders", "0", 0, 64, 0, AT(cfg.customers.defect_failures),
        "k: a customer leaves after k failed orders (late, short, damaged or wrong) among the last m; 0: never"),
    KEY("customers", "failure_window_orders", KEY_COUNT, "orders", "1", 1, 64, 0, AT(cfg.customers.defect_window),
        "m: how many recent orders a customer remembers"),

    /* [costs] */
    NUM("costs", "holding_per_unit_day", "money/unit/day", "0", 0, BIG, 0, AT(cfg.costs.holding_per_unit_day),
        "cost of holding one unit in stock for one day (on the time-average on hand)"),
    NUM("costs", "order_fixed", "money/order", "0", 0, BIG, 0, AT(cfg.costs.order_fixed),
        "fixed cost of each replenishment order"),
    NUM("costs", "order_per_unit", "money/unit", "0", 0, BIG, 0, AT(cfg.costs.order_per_unit),
        "purchase cost of each unit, charged when the unit is ordered (in cost_ordering_per_day); profit "
        "adds back the increase in stock value at this cost, so it charges only the goods that left stock"),
    NUM("costs", "backorder_per_unit_day", "money/unit/day", "0", 0, BIG, 0, AT(cfg.costs.backorder_per_unit_day),
        "cost of one unit waiting on backorder for one day (on the time-average backordered)"),
    NUM("costs", "backorder_per_unit", "money/unit", "0", 0, BIG, 0, AT(cfg.costs.backorder_per_unit),
        "cost charged once for each unit that goes on backorder"),
    NUM("costs", "lost_sale_per_unit", "money/unit", "0", 0, BIG, 0, AT(cfg.costs.lost_sale_per_unit),
        "cost charged once for each unit of demand lost (goodwill; lost margin is already lost revenue)"),
    NUM("costs", "processing_per_server_day", "money/clerk/day", "0", 0, BIG, 0,
        AT(cfg.costs.processing_per_server_day), "wage of each order-processing clerk per day (processing_servers)"),
    NUM("costs", "picking_per_server_day", "money/picker/day", "0", 0, BIG, 0, AT(cfg.costs.picking_per_server_day),
        "wage of each picker per day (picking_servers of them)"),
    NUM("costs", "wrong_shipment_per_order", "money/order", "0", 0, BIG, 0, AT(cfg.costs.wrong_shipment_per_order),
        "handling a wrong order: the return, picking again and shipping again"),
    NUM("costs", "damage_per_order", "money/order", "0", 0, BIG, 0, AT(cfg.costs.damage_per_order),
        "handling a damaged order (the goods themselves are written off at order_per_unit)"),
    NUM("costs", "expedite_per_order", "money/order", "0", 0, BIG, 0, AT(cfg.costs.expedite_per_order),
        "extra cost of an express delivery"),

    /* [revenue] */
    NUM("revenue", "price_per_unit", "money/unit", "0", 0, BIG, 0, AT(cfg.revenue.price_per_unit),
        "earned on every unit delivered to a customer"),
    NUM("revenue", "late_zero_days", "days", "0", 0, 1e6, 0, AT(cfg.revenue.late_zero_days),
        "0: lateness costs no price; D > 0: price falls linearly from full at the promise to 0, D days later"),

    /* [sweep] */
    {.section = "sweep", .name = "parameter", .type = KEY_TEXT, .unit = "", .offset = AT(sweep.parameter),
     .check_text = check_parameter, .text_size = sizeof(((struct sweep_config *)0)->parameter),
     .meaning = "the key servlab sweep varies, as SECTION.KEY (e.g. inventory.safety_factor)"},
    NUM("sweep", "from", "", NULL, -1e12, 1e12, 0, AT(sweep.from), "first value of the parameter"),
    NUM("sweep", "to", "", NULL, -1e12, 1e12, 0, AT(sweep.to), "last value of the parameter"),
    KEY("sweep", "steps", KEY_COUNT, "points", NULL, 2, SWEEP_POINTS_MAX, 0, AT(sweep.steps),
        "number of points from `from` to `to`, both included, equally spaced"),
    KEY("sweep", "values", KEY_LIST, "", NULL, -1e12, 1e12, 0, AT(sweep.values),
        "the parameter's values, separated by commas (instead of from, to and steps)"),
    {.section = "sweep", .name = "service", .type = KEY_TEXT, .unit = "", .fallback = "fill_rate",
     .offset = AT(sweep.service), .check_text = check_service,
     .text_size = sizeof(((struct sweep_config *)0)->service),
     .meaning = "the service rate the curve is drawn against (fill_rate, cycle_service_level, on_time_rate, ...)"},

    /* [locks] */
    {.section = "locks", .name = "sections", .type = KEY_TEXT, .unit = "", .offset = AT(lock_sections),
     .check_text = check_lock_sections, .text_size = sizeof(((struct scenario *)0)->lock_sections),
     .meaning = "sections a student may not change, e.g. demand, costs (checked by compare --base)"},
    {.section = "locks", .name = "keys", .type = KEY_TEXT, .unit = "", .offset = AT(lock_keys),
     .check_text = check_lock_keys, .text_size = sizeof(((struct scenario *)0)->lock_keys),
     .meaning = "keys a student may not change, e.g. revenue.price_per_unit, order_cycle.promise_days"},

    /* [locations] */
    CHOICE("locations", "when_short", "wait", AT(cfg.network.when_short), when_short,
           "when a location's stock is short: wait (its [inventory] shortage rule), ship_direct from the "
           "nearest open location that has the units, or transship them from there first"),
    NUM("locations", "transfer_days", "days", "2", 0, 1e4, 0, AT(transfer_days),
        "days to move stock between two locations whose own transfer_days do not name each other"),
    NUM("locations", "transfer_per_unit", "money/unit", "0", 0, BIG, 0, AT(cfg.network.transfer_per_unit),
        "cost of each unit transshipped (or moved when a location closes)"),
    NUM("locations", "ship_direct_per_order", "money/order", "0", 0, BIG, 0, AT(cfg.network.ship_direct_per_order),
        "extra cost of an order shipped from a location that is not its region's home"),
    {.section = "locations", .name = "open", .type = KEY_COUNT, .unit = "locations", .min = 1, .max = MAX_LOCATIONS,
     .offset = AT(open_locations),
     .meaning = "how many locations are open, the first in file order (default: all); sweep it to compare networks"},
    KEY("locations", "open_schedule", KEY_LIST, "", NULL, 0, 1e7, KEY_PAIRS, AT(open_schedule),
        "day:count pairs: from that day on, that many locations are open (e.g. 0:1, 180:3, 720:2)"),

    /* [product.NAME] */
    FAM(FAMILY_PRODUCT, NULL, NUMF("product", "share", "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE, PR(share),
                                  "share of order lines for this product (default: all products alike)")),
    FAM(FAMILY_PRODUCT, NULL,
        .section = "product", .name = "substitute", .type = KEY_TEXT, .unit = "", .flags = KEY_IN_ENTRY,
        .offset = PE(substitute), .check_text = check_name, .text_size = NAME_LEN,
        .meaning = "the product offered when this one is out of stock (shortage = react)"),
    FAM(FAMILY_PRODUCT, "inventory.policy",
        CHOICEF("product", "policy", NULL, PR(inventory.policy), policy, "as [inventory] policy, for this product")),
    FAM(FAMILY_PRODUCT, "inventory.review_days",
        NUMF("product", "review_days", "days", NULL, 0, 1e6, 0, PR(inventory.review_days), "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.first_review_days",
        NUMF("product", "first_review_days", "days", NULL, 0, 1e7, 0, PR(inventory.first_review_days),
            "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.reorder_point",
        NUMF("product", "reorder_point", "units", NULL, -1e9, 1e9, 0, PR(inventory.reorder_point), "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.order_quantity",
        NUMF("product", "order_quantity", "units", NULL, 0, 1e9, KEY_MIN_EXCLUSIVE, PR(inventory.order_quantity),
            "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.order_up_to",
        NUMF("product", "order_up_to", "units", NULL, 0, 1e9, 0, PR(inventory.order_up_to), "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.lead_time_days",
        DISTF("product", "lead_time_days", "days", NULL, 0, 1e6, 0, PR(inventory.lead_time_days), "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.safety_factor",
        NUMF("product", "safety_factor", "sd", NULL, -5, 10, KEY_IN_ENTRY, PE(levers[0]), "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.target_cycle_service_level",
        NUMF("product", "target_cycle_service_level", "share", NULL, 0, 1,
            KEY_MIN_EXCLUSIVE | KEY_MAX_EXCLUSIVE | KEY_IN_ENTRY, PE(levers[1]), "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.target_fill_rate",
        NUMF("product", "target_fill_rate", "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE | KEY_MAX_EXCLUSIVE | KEY_IN_ENTRY,
            PE(levers[2]), "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.initial_on_hand",
        NUMF("product", "initial_on_hand", "units", NULL, 0, 1e9, 0, PR(inventory.initial_on_hand),
            "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.shortage",
        CHOICEF("product", "shortage", NULL, PR(inventory.shortage), shortage, "as [inventory]")),
    FAM(FAMILY_PRODUCT, "inventory.reserve_units",
        NUMF("product", "reserve_units", "units", NULL, 0, 1e9, 0, PR(inventory.reserve_units), "as [inventory]")),
    FAM(FAMILY_PRODUCT, "costs.holding_per_unit_day",
        NUMF("product", "holding_per_unit_day", "money/unit/day", NULL, 0, BIG, 0, PR(costs.holding_per_unit_day),
            "as [costs]")),
    FAM(FAMILY_PRODUCT, "costs.order_fixed",
        NUMF("product", "order_fixed", "money/order", NULL, 0, BIG, 0, PR(costs.order_fixed), "as [costs]")),
    FAM(FAMILY_PRODUCT, "costs.order_per_unit",
        NUMF("product", "order_per_unit", "money/unit", NULL, 0, BIG, 0, PR(costs.order_per_unit), "as [costs]")),
    FAM(FAMILY_PRODUCT, "costs.backorder_per_unit_day",
        NUMF("product", "backorder_per_unit_day", "money/unit/day", NULL, 0, BIG, 0, PR(costs.backorder_per_unit_day),
            "as [costs]")),
    FAM(FAMILY_PRODUCT, "costs.backorder_per_unit",
        NUMF("product", "backorder_per_unit", "money/unit", NULL, 0, BIG, 0, PR(costs.backorder_per_unit),
            "as [costs]")),
    FAM(FAMILY_PRODUCT, "costs.lost_sale_per_unit",
        NUMF("product", "lost_sale_per_unit", "money/unit", NULL, 0, BIG, 0, PR(costs.lost_sale_per_unit),
            "as [costs]")),
    FAM(FAMILY_PRODUCT, "revenue.price_per_unit",
        NUMF("product", "price_per_unit", "money/unit", NULL, 0, BIG, 0, PR(price_per_unit), "as [revenue]")),

    /* [tier.NAME] */
    FAM(FAMILY_TIER, NULL, NUMF("tier", "share", "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE, TI(share),
                               "share of orders from this tier; with [customers], of new customers")),
    FAM(FAMILY_TIER, NULL, KEYF("tier", "priority", KEY_COUNT, "", "0", 0, 100, 0, TI(priority),
                               "higher goes first in the order-processing and picking queues and for scarce stock")),
    FAM(FAMILY_TIER, "demand.units_per_order",
        .section = "tier", .name = "units_per_order", .type = KEY_DIST, .unit = "units", .min = 0, .max = 1e9,
         .flags = KEY_MEAN_POSITIVE, .offset = TI(units_per_order), .given_offset = TI(has_units),
         .meaning = "as [demand]: the size of this tier's order lines"),
    FAM(FAMILY_TIER, NULL, NUMF("tier", "price_factor", "", "1", 0, 10, KEY_MIN_EXCLUSIVE, TI(price_factor),
                               "what this tier pays, as a multiple of the list price (0.9: a 10% discount)")),
    FAM(FAMILY_TIER, "order_cycle.promise_days",
        .section = "tier", .name = "promise_days", .type = KEY_NUMBER, .unit = "days", .min = 0, .max = 1e6,
         .offset = TI(promise_days), .given_offset = TI(has_promise),
         .meaning = "as [order_cycle]: the delivery time promised to this tier"),
    FAM(FAMILY_TIER, NULL, CHOICEF("tier", "expedite", "no", TI(always_expedite), yes_no,
                                  "yes: every order of this tier goes by express")),
    FAM(FAMILY_TIER, "customers.orders_per_customer_day",
        NUMF("tier", "orders_per_customer_day", "orders/day", NULL, 0, 1e4, KEY_MIN_EXCLUSIVE,
            TI(orders_per_customer_day), "as [customers]")),
    FAM(FAMILY_TIER, "customers.churn_per_day",
        NUMF("tier", "churn_per_day", "1/day", NULL, 0, 1, 0, TI(churn_per_day), "as [customers]")),
    FAM(FAMILY_TIER, "customers.defect_after_failures",
        KEYF("tier", "defect_after_failures", KEY_COUNT, "orders", NULL, 0, 64, 0, TI(defect_failures),
            "as [customers]")),
    FAM(FAMILY_TIER, "customers.failure_window_orders",
        KEYF("tier", "failure_window_orders", KEY_COUNT, "orders", NULL, 1, 64, 0, TI(defect_window),
            "as [customers]")),

    /* [channel.NAME] */
    FAM(FAMILY_CHANNEL, NULL, NUMF("channel", "share", "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE, CH(share),
                                  "share of orders that come through this channel")),
    FAM(FAMILY_CHANNEL, "order_cycle.transmission_days",
        DISTF("channel", "transmission_days", "days", NULL, 0, 1e6, 0, CH(transmission_days),
             "order placed -> received, through this channel")),
    FAM(FAMILY_CHANNEL, NULL, NUMF("channel", "entry_error_rate", "share", "0", 0, 1, 0, CH(entry_error_rate),
                                  "share of orders keyed in wrong, and so shipped wrong")),
    FAM(FAMILY_CHANNEL, NULL, NUMF("channel", "cost_per_order", "money/order", "0", 0, BIG, 0, CH(cost_per_order),
                                  "what handling one order through this channel costs")),
    FAM(FAMILY_CHANNEL, NULL, NUMF("channel", "abandon_rate", "share", "0", 0, 1, KEY_MAX_EXCLUSIVE, CH(abandon_rate),
                                  "share of the orders begun in this channel that customers give up before they "
                                  "reach you (a hard way to order): lost demand, no revenue")),
    FAM(FAMILY_CHANNEL, "order_cycle.status_visible",
        CHOICEF("channel", "status_visible", NULL, CH(status_visible), yes_no,
                "as [order_cycle]: customers who order through this channel can track their orders online")),

    /* [location.NAME] */
    FAM(FAMILY_LOCATION, "inventory.policy",
        CHOICEF("location", "policy", NULL, LO(inventory.policy), policy, "as [inventory] policy, at this location")),
    FAM(FAMILY_LOCATION, "inventory.review_days",
        NUMF("location", "review_days", "days", NULL, 0, 1e6, 0, LO(inventory.review_days), "as [inventory]")),
    FAM(FAMILY_LOCATION, "inventory.first_review_days",
        NUMF("location", "first_review_days", "days", NULL, 0, 1e7, 0, LO(inventory.first_review_days),
            "as [inventory]")),
    FAM(FAMILY_LOCATION, "inventory.reorder_point",
        NUMF("location", "reorder_point", "units", NULL, -1e9, 1e9, 0, LO(inventory.reorder_point),
            "as [inventory]")),
    FAM(FAMILY_LOCATION, "inventory.order_quantity",
        NUMF("location", "order_quantity", "units", NULL, 0, 1e9, KEY_MIN_EXCLUSIVE, LO(inventory.order_quantity),
            "as [inventory]")),
    FAM(FAMILY_LOCATION, "inventory.order_up_to",
        NUMF("location", "order_up_to", "units", NULL, 0, 1e9, 0, LO(inventory.order_up_to), "as [inventory]")),
    FAM(FAMILY_LOCATION, "inventory.lead_time_days",
        DISTF("location", "lead_time_days", "days", NULL, 0, 1e6, 0, LO(inventory.lead_time_days),
             "as [inventory]: replenishment from the supplier to this location")),
    FAM(FAMILY_LOCATION, "inventory.safety_factor",
        NUMF("location", "safety_factor", "sd", NULL, -5, 10, KEY_IN_ENTRY, PE(levers[0]),
            "as [inventory], sized on this location's own demand (its regions' share)")),
    FAM(FAMILY_LOCATION, "inventory.target_cycle_service_level",
        NUMF("location", "target_cycle_service_level", "share", NULL, 0, 1,
            KEY_MIN_EXCLUSIVE | KEY_MAX_EXCLUSIVE | KEY_IN_ENTRY, PE(levers[1]), "as [inventory]")),
    FAM(FAMILY_LOCATION, "inventory.target_fill_rate",
        NUMF("location", "target_fill_rate", "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE | KEY_MAX_EXCLUSIVE | KEY_IN_ENTRY,
            PE(levers[2]), "as [inventory]")),
    FAM(FAMILY_LOCATION, "inventory.initial_on_hand",
        NUMF("location", "initial_on_hand", "units", NULL, 0, 1e9, 0, LO(inventory.initial_on_hand),
            "as [inventory]; a location that opens later starts with this stock on its opening day")),
    FAM(FAMILY_LOCATION, "inventory.shortage",
        CHOICEF("location", "shortage", NULL, LO(inventory.shortage), shortage, "as [inventory]")),
    FAM(FAMILY_LOCATION, "costs.holding_per_unit_day",
        NUMF("location", "holding_per_unit_day", "money/unit/day", NULL, 0, BIG, 0, LO(holding_per_unit_day),
            "as [costs]")),
    FAM(FAMILY_LOCATION, "costs.order_fixed",
        NUMF("location", "order_fixed", "money/order", NULL, 0, BIG, 0, LO(order_fixed), "as [costs]")),
    FAM(FAMILY_LOCATION, NULL,
        NUMF("location", "fixed_per_day", "money/day", "0", 0, BIG, 0, LO(fixed_per_day),
            "the cost of keeping this location open (rent, staff), per day open")),
    FAM(FAMILY_LOCATION, NULL,
        .section = "location", .name = "transfer_days", .type = KEY_TEXT, .unit = "", .flags = KEY_IN_ENTRY,
        .offset = PE(transfers), .check_text = check_transfers, .text_size = sizeof(((struct entry *)0)->transfers),
        .meaning = "days to move stock to other locations, e.g. south: 2, east: 3 (the same both ways unless the "
                   "other says otherwise; others: [locations] transfer_days)"),

    /* [region.NAME] */
    FAM(FAMILY_REGION, NULL, NUMF("region", "share", "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE, RG(share),
                                 "share of the orders that come from this region (default: all regions alike)")),
    FAM(FAMILY_REGION, NULL,
        .section = "region", .name = "home", .type = KEY_TEXT, .unit = "", .flags = KEY_IN_ENTRY, .offset = PE(home),
        .check_text = check_name, .text_size = NAME_LEN,
        .meaning = "the location that serves this region; while it is closed, the nearest open one does"),
    FAM(FAMILY_REGION, "order_cycle.delivery_days",
        DISTF("region", "delivery_days", "days", NULL, 0, 1e6, 0, RG(delivery_days),
             "delivery from the home location to this region's customers (from another, plus the transfer "
             "days between the two)")),
};

const size_t key_count = sizeof key_defs / sizeof key_defs[0];

const char *const key_sections[] = {"run",     "demand",  "order_cycle", "inventory", "reactions", "customers",
                                    "costs",   "revenue", "sweep",       "locks",     "locations", NULL};

static const char *const section_meanings[] = {
    "how long to simulate, how often, with which random numbers",
    "customer orders: when they arrive, how big they are, how their rate varies",
    "the order cycle: transmission -> processing -> allocation from stock -> picking -> delivery",
    "stock and its replenishment (the defaults of every [product.NAME])",
    "what customers do on meeting a stockout (with shortage = react)",
    "a customer base that grows by acquisition and shrinks by churn and poor service",
    "what stock, orders, staff, errors and shortages cost",
    "what customers pay",
    "what servlab sweep varies, and the service measure it draws the curve against",
    "what students may not change in a class exercise (servlab compare --base checks it)",
    "rules of a network of stocking locations ([location.NAME], [region.NAME]): shortages, transfers, openings",
};

static const char *const family_prefixes[FAMILY_COUNT] = {NULL, "product", "tier", "channel", "location", "region"};
static const char *const family_meanings[FAMILY_COUNT] = {
    NULL,
    "one product with its own stock; keys not given take the [inventory], [costs] and [revenue] values",
    "a class of customers (e.g. ordinary, potential, key): their share, priority, prices and promise",
    "a way orders reach the supplier (web, phone, fax, EDI): its share, time, errors and cost",
    "a stocking location (warehouse) with its own stock and policy; keys not given take [inventory] and [costs]",
    "where customers are: a share of the orders, the home location that serves them, its delivery time",
};

enum key_family key_family_of(const char *section, const char **name)
{
    for (int f = 1; f < FAMILY_COUNT; f++) {
        size_t n = strlen(family_prefixes[f]);
        if (strncmp(section, family_prefixes[f], n) == 0 && section[n] == '.' && section[n + 1]) {
            if (name) *name = section + n + 1;
            return (enum key_family)f;
        }
    }
    if (name) *name = NULL;
    return FAMILY_NONE;
}

const char *key_family_prefix(enum key_family f)
{
    return family_prefixes[f];
}

int key_find(const char *section, const char *name)
{
    enum key_family f = key_family_of(section, NULL);
    const char *plain = f ? family_prefixes[f] : section;
    for (size_t i = 0; i < key_count; i++)
        if (key_defs[i].family == f && strcmp(key_defs[i].section, plain) == 0 && strcmp(key_defs[i].name, name) == 0)
            return (int)i;
    return -1;
}

size_t key_index(const char *section, const char *name)
{
    for (size_t i = 0; i < key_count; i++)
        if (strcmp(key_defs[i].section, section) == 0 && strcmp(key_defs[i].name, name) == 0) return i;
    abort(); /* only called with names from the table */
}

int key_section_known(const char *section)
{
    if (key_family_of(section, NULL) != FAMILY_NONE) return 1;
    for (size_t i = 0; key_sections[i]; i++)
        if (strcmp(key_sections[i], section) == 0) return 1;
    return 0;
}

static const char *type_name(enum key_type t)
{
    switch (t) {
    case KEY_NUMBER: return "number";
    case KEY_COUNT:
    case KEY_SEED: return "whole number";
    case KEY_DIST: return "distribution";
    case KEY_CHOICE: return "choice";
    case KEY_TEXT: return "name";
    case KEY_LIST: return "list of numbers";
    }
    return "?";
}

int key_sweepable(const char *name, char *err, size_t errlen)
{
    const char *dot = strrchr(name, '.');
    if (!dot) {
        snprintf(err, errlen, "'%s': name the section too, as SECTION.KEY (e.g. inventory.reorder_point)", name);
        return -1;
    }
    char section[80];
    snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
    int k = key_find(section, dot + 1);
    if (k < 0) {
        const char *full[SCENARIO_KEYS_MAX];
        char names[SCENARIO_KEYS_MAX][80];
        size_t n = 0;
        for (size_t i = 0; i < key_count && n < SCENARIO_KEYS_MAX; i++)
            if (!key_defs[i].family && (key_defs[i].type == KEY_NUMBER || key_defs[i].type == KEY_COUNT)) {
                snprintf(names[n], sizeof names[n], "%s.%s", key_defs[i].section, key_defs[i].name);
                full[n] = names[n];
                n++;
            }
        const char *near = suggest_nearest(name, full, n);
        if (near)
            snprintf(err, errlen, "'%s' is not a key; did you mean '%s'?", name, near);
        else
            snprintf(err, errlen, "'%s' is not a key ('servlab keys' lists them)", name);
        return -1;
    }
    const struct key_def *d = &key_defs[k];
    if (strcmp(d->section, "sweep") == 0 || d->type == KEY_SEED) {
        snprintf(err, errlen, "'%s' cannot be swept", name);
        return -1;
    }
    if (d->type != KEY_NUMBER && d->type != KEY_COUNT) {
        snprintf(err, errlen, "'%s' is a %s, not a number; sweep a number key such as inventory.reorder_point", name,
                 type_name(d->type));
        return -1;
    }
    return k;
}

void key_range_text(const struct key_def *k, char *buf, size_t n)
{
    char lo[40], hi[40];
    num_format(k->min, lo, sizeof lo);
    num_format(k->max, hi, sizeof hi);
    switch (k->type) {
    case KEY_CHOICE: {
        size_t used = 0;
        buf[0] = '\0';
        for (size_t i = 0; k->choice(i) && used < n; i++)
            used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? " | " : "", k->choice(i));
        return;
    }
    case KEY_COUNT:
    case KEY_SEED:
        snprintf(buf, n, "whole number, %s to %s", lo, hi);
        return;
    case KEY_DIST:
        snprintf(buf, n, "draws >= %s%s", lo, k->flags & KEY_MEAN_POSITIVE ? ", mean > 0" : "");
        return;
    case KEY_TEXT:
        snprintf(buf, n, "%s",
                 k->check_text == check_service         ? "a rate metric"
                 : k->check_text == check_parameter     ? "a number key, SECTION.KEY"
                 : k->check_text == check_lock_sections ? "section names, separated by commas"
                 : k->check_text == check_lock_keys     ? "SECTION.KEY names, separated by commas"
                 : k->check_text == check_transfers     ? "NAME: days pairs, separated by commas"
                 : strcmp(k->section, "region") == 0    ? "a location name"
                 : k->check_text == check_name          ? "a product name"
                                                        : "a file name");
        return;
    case KEY_LIST:
        snprintf(buf, n, "%s", k->flags & KEY_PAIRS ? "day:value pairs, days ascending" : "numbers");
        return;
    case KEY_NUMBER:
        if (k->min <= -1e9)
            snprintf(buf, n, "any number");
        else if (k->max < 1e6)
            snprintf(buf, n, "%s %s and %s %s", k->flags & KEY_MIN_EXCLUSIVE ? ">" : ">=", lo,
                     k->flags & KEY_MAX_EXCLUSIVE ? "<" : "<=", hi);
        else
            snprintf(buf, n, "%s %s", k->flags & KEY_MIN_EXCLUSIVE ? ">" : ">=", lo);
        return;
    }
}

static void print_key(FILE *out, const struct key_def *k)
{
    char range[120], what[80], deflt[120];
    key_range_text(k, range, sizeof range);
    snprintf(what, sizeof what, "%s%s%s", type_name(k->type), *k->unit ? ", " : "", k->unit);
    if (k->fallback)
        snprintf(deflt, sizeof deflt, "%s", k->fallback);
    else if (k->inherit)
        snprintf(deflt, sizeof deflt, "[%.*s] %s", (int)strcspn(k->inherit, "."), k->inherit,
                 strchr(k->inherit, '.') + 1);
    else
        snprintf(deflt, sizeof deflt, "(none)");
    fprintf(out, "  %-26s %-26s default: %s\n", k->name, what, deflt);
    fprintf(out, "  %-26s allowed: %s\n", "", range);
    fprintf(out, "  %-26s %s\n", "", k->meaning);
    if (k->choice == policy_word && !k->family)
        for (size_t p = 0; policy_types[p]; p++)
            fprintf(out, "  %-26s   %-11s %s\n", "", policy_types[p]->name, policy_types[p]->meaning);
    fputc('\n', out);
}

static void print_section(FILE *out, const char *section, const char *meaning, enum key_family f)
{
    if (f)
        fprintf(out, "[%s.NAME]  %s\n\n", section, meaning);
    else
        fprintf(out, "[%s]  %s\n\n", section, meaning);
    for (size_t i = 0; i < key_count; i++)
        if (key_defs[i].family == f && strcmp(key_defs[i].section, section) == 0) print_key(out, &key_defs[i]);
}

int keys_print(FILE *out, const char *section)
{
    for (size_t s = 0; key_sections[s]; s++)
        if (!section || strcmp(key_sections[s], section) == 0) {
            if (!section && s == 0) {
                fputs("servlab scenario keys. Times are in days, quantities in units, money in one currency.\n"
                      "A distribution is written as a number (a constant) or one of:\n", out);
                for (size_t i = 0; dist_types[i]; i++) fprintf(out, "  %s\n", dist_types[i]->signature);
                fputs("normal draws below 0 become 0; lognormal and gamma take the mean and sd of the quantity\n"
                      "itself, lognormal_log the textbooks' mu and sigma, the mean and sd of its logarithm (its\n"
                      "mean is exp(mu + sigma^2/2)); geometric draws 1, 2, 3, ...; discrete weights are normalised\n"
                      "to sum to 1.\n"
                      "Comments: a line starting with ';' or '#', or the rest of a line after ' ;'.\n"
                      "Sections [product.NAME], [tier.NAME], [channel.NAME], [location.NAME] and [region.NAME]\n"
                      "may appear once per NAME.\n\n",
                      out);
            }
            print_section(out, key_sections[s], section_meanings[s], FAMILY_NONE);
            if (section) return 0;
        }
    for (int f = 1; f < FAMILY_COUNT; f++)
        if (!section || strcmp(family_prefixes[f], section) == 0) {
            print_section(out, family_prefixes[f], family_meanings[f], (enum key_family)f);
            if (section) return 0;
        }
    return section ? -1 : 0;
}
