/* keys.c - the key table and the `servlab keys` reference printed from it. */
#include "keys.h"
#include "scenario.h"
#include "models/metrics.h"
#include "models/policy.h"
#include "suggest.h"
#include "sim/dist.h"
#include "sim/num.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

static const char *policy_choice(size_t i)
{
    for (size_t k = 0; policy_types[k]; k++)
        if (k == i) return policy_types[k]->name;
    return NULL;
}

static const char *shortage_choice(size_t i)
{
    static const char *const names[] = {"backorder", "lost_sale"}; /* enum shortage_rule order */
    return i < 2 ? names[i] : NULL;
}

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

#define AT(member) offsetof(struct scenario, member)
#define BIG 1e12

const struct key_def key_defs[] = {
    /* [run] */
    {"run", "horizon_days", KEY_NUMBER, "days", "365", 0, 1e7, KEY_MIN_EXCLUSIVE,
     "statistics are collected over this many days, after the warm-up", AT(cfg.run.horizon_days), 0, NULL, NULL},
    {"run", "warmup_days", KEY_NUMBER, "days", "0", 0, 1e7, 0,
     "simulated first so the system reaches a typical state; then all statistics are reset",
     AT(cfg.run.warmup_days), 0, NULL, NULL},
    {"run", "replications", KEY_COUNT, "", "10", 1, 100000, 0,
     "independent runs; each metric is their mean with a 95% confidence interval",
     AT(cfg.run.replications), 0, NULL, NULL},
    {"run", "seed", KEY_SEED, "", "1", 0, 9007199254740991.0, 0,
     "master seed of every random stream; the same seed gives the same results",
     AT(cfg.run.seed), 0, NULL, NULL},

    /* [demand] */
    {"demand", "orders_per_day", KEY_NUMBER, "orders/day", NULL, 0, 1e7, KEY_MIN_EXCLUSIVE,
     "orders arrive at random (a Poisson process) at this mean rate; or give interarrival_days",
     AT(orders_per_day), 0, NULL, NULL},
    {"demand", "interarrival_days", KEY_DIST, "days", NULL, 0, 1e7, KEY_MEAN_POSITIVE,
     "distribution of the gap between one order and the next; or give orders_per_day",
     AT(cfg.demand.interarrival_days), 0, NULL, NULL},
    {"demand", "first_order_days", KEY_NUMBER, "days", NULL, 0, 1e7, 0,
     "time of the first order (default: one random gap after time 0)",
     AT(cfg.demand.first_order_days), AT(cfg.demand.has_first_order), NULL, NULL},
    {"demand", "units_per_order", KEY_DIST, "units", "1", 0, 1e9, KEY_MEAN_POSITIVE,
     "distribution of the size of one order (a draw of 0 units is no order)",
     AT(cfg.demand.units_per_order), 0, NULL, NULL},

    /* [order_cycle] */
    {"order_cycle", "transmission_days", KEY_DIST, "days", "0", 0, 1e6, 0,
     "order placed -> order received by the supplier (mail, phone, web, EDI)",
     AT(cfg.order_cycle.transmission_days), 0, NULL, NULL},
    {"order_cycle", "processing_days", KEY_DIST, "days", "0", 0, 1e6, 0,
     "order entry and checking, per order", AT(cfg.order_cycle.processing.days), 0, NULL, NULL},
    {"order_cycle", "processing_servers", KEY_COUNT, "clerks", "0", 0, 1e6, 0,
     "clerks processing orders first come first served; 0: unlimited (a pure delay)",
     AT(cfg.order_cycle.processing.servers), 0, NULL, NULL},
    {"order_cycle", "picking_days", KEY_DIST, "days", "0", 0, 1e6, 0,
     "picking and packing, per order, once its stock is allocated", AT(cfg.order_cycle.picking.days), 0, NULL, NULL},
    {"order_cycle", "picking_servers", KEY_COUNT, "pickers", "0", 0, 1e6, 0,
     "pickers working first come first served; 0: unlimited (a pure delay)",
     AT(cfg.order_cycle.picking.servers), 0, NULL, NULL},
    {"order_cycle", "delivery_days", KEY_DIST, "days", "0", 0, 1e6, 0,
     "shipped -> received by the customer", AT(cfg.order_cycle.delivery_days), 0, NULL, NULL},
    {"order_cycle", "promise_days", KEY_NUMBER, "days", NULL, 0, 1e6, 0,
     "an order is on time if delivered within this many days of being placed (default: no promise)",
     AT(cfg.order_cycle.promise_days), AT(cfg.order_cycle.has_promise), NULL, NULL},

    /* [inventory] */
    {"inventory", "policy", KEY_CHOICE, "", "none", 0, 0, 0,
     "how stock is replenished; none: stock never runs out", AT(policy_choice), 0, policy_choice, NULL},
    {"inventory", "review_days", KEY_NUMBER, "days", "0", 0, 1e6, 0,
     "0: continuous review (after every order); R > 0: review at times 0, R, 2R, ...",
     AT(cfg.inventory.review_days), 0, NULL, NULL},
    {"inventory", "reorder_point", KEY_NUMBER, "units", NULL, -1e9, 1e9, 0,
     "s: order when the inventory position is at or below s (sQ, sS)",
     AT(cfg.inventory.reorder_point), 0, NULL, NULL},
    {"inventory", "order_quantity", KEY_NUMBER, "units", NULL, 0, 1e9, KEY_MIN_EXCLUSIVE,
     "Q: order the smallest multiple of Q that lifts the position above s (sQ)",
     AT(cfg.inventory.order_quantity), 0, NULL, NULL},
    {"inventory", "order_up_to", KEY_NUMBER, "units", NULL, 0, 1e9, 0,
     "S: order S minus the inventory position (sS, base_stock)", AT(cfg.inventory.order_up_to), 0, NULL, NULL},
    {"inventory", "lead_time_days", KEY_DIST, "days", "0", 0, 1e6, 0,
     "replenishment lead time, drawn per order; orders may overtake each other",
     AT(cfg.inventory.lead_time_days), 0, NULL, NULL},
    {"inventory", "safety_factor", KEY_NUMBER, "sd", NULL, -5, 10, 0,
     "service lever: set s (sQ) or S (base_stock) to mean lead-time demand + k sd",
     AT(safety_factor), 0, NULL, NULL},
    {"inventory", "target_cycle_service_level", KEY_NUMBER, "share", NULL, 0, 1,
     KEY_MIN_EXCLUSIVE | KEY_MAX_EXCLUSIVE,
     "service lever: set s or S so the normal approximation gives this cycle service level",
     AT(target_cycle_service_level), 0, NULL, NULL},
    {"inventory", "target_fill_rate", KEY_NUMBER, "share", NULL, 0, 1, KEY_MIN_EXCLUSIVE | KEY_MAX_EXCLUSIVE,
     "service lever: set s or S so the normal approximation gives this fill rate (Chopra & Meindl)",
     AT(target_fill_rate), 0, NULL, NULL},
    {"inventory", "initial_on_hand", KEY_NUMBER, "units", NULL, 0, 1e9, 0,
     "stock at time 0 (default: order_up_to, or reorder_point + order_quantity)",
     AT(cfg.inventory.initial_on_hand), 0, NULL, NULL},
    {"inventory", "shortage", KEY_CHOICE, "", "backorder", 0, 0, 0,
     "what happens to units not in stock: backorder (they wait) or lost_sale (they are lost)",
     AT(shortage_choice), 0, shortage_choice, NULL},

    /* [costs] */
    {"costs", "holding_per_unit_day", KEY_NUMBER, "money/unit/day", "0", 0, BIG, 0,
     "cost of holding one unit in stock for one day (on the time-average on hand)",
     AT(cfg.costs.holding_per_unit_day), 0, NULL, NULL},
    {"costs", "order_fixed", KEY_NUMBER, "money/order", "0", 0, BIG, 0,
     "fixed cost of each replenishment order", AT(cfg.costs.order_fixed), 0, NULL, NULL},
    {"costs", "order_per_unit", KEY_NUMBER, "money/unit", "0", 0, BIG, 0,
     "purchase cost of each unit ordered from the supplier", AT(cfg.costs.order_per_unit), 0, NULL, NULL},
    {"costs", "backorder_per_unit_day", KEY_NUMBER, "money/unit/day", "0", 0, BIG, 0,
     "cost of one unit waiting on backorder for one day (on the time-average backordered)",
     AT(cfg.costs.backorder_per_unit_day), 0, NULL, NULL},
    {"costs", "backorder_per_unit", KEY_NUMBER, "money/unit", "0", 0, BIG, 0,
     "cost charged once for each unit that goes on backorder", AT(cfg.costs.backorder_per_unit), 0, NULL, NULL},
    {"costs", "lost_sale_per_unit", KEY_NUMBER, "money/unit", "0", 0, BIG, 0,
     "cost charged once for each unit of demand lost (goodwill; lost margin is already lost revenue)",
     AT(cfg.costs.lost_sale_per_unit), 0, NULL, NULL},
    {"costs", "processing_per_server_day", KEY_NUMBER, "money/clerk/day", "0", 0, BIG, 0,
     "wage of each order-processing clerk per day (processing_servers of them)",
     AT(cfg.costs.processing_per_server_day), 0, NULL, NULL},
    {"costs", "picking_per_server_day", KEY_NUMBER, "money/picker/day", "0", 0, BIG, 0,
     "wage of each picker per day (picking_servers of them)", AT(cfg.costs.picking_per_server_day), 0, NULL, NULL},

    /* [revenue] */
    {"revenue", "price_per_unit", KEY_NUMBER, "money/unit", "0", 0, BIG, 0,
     "earned on every unit delivered to a customer", AT(cfg.revenue.price_per_unit), 0, NULL, NULL},

    /* [sweep] */
    {"sweep", "parameter", KEY_TEXT, "", NULL, 0, 0, 0,
     "the key servlab sweep varies, as SECTION.KEY (e.g. inventory.safety_factor)",
     AT(sweep.parameter), 0, NULL, check_parameter},
    {"sweep", "from", KEY_NUMBER, "", NULL, -1e12, 1e12, 0, "first value of the parameter", AT(sweep.from), 0, NULL, NULL},
    {"sweep", "to", KEY_NUMBER, "", NULL, -1e12, 1e12, 0, "last value of the parameter", AT(sweep.to), 0, NULL, NULL},
    {"sweep", "steps", KEY_COUNT, "points", NULL, 2, SWEEP_POINTS_MAX, 0,
     "number of points from `from` to `to`, both included, equally spaced", AT(sweep.steps), 0, NULL, NULL},
    {"sweep", "values", KEY_LIST, "", NULL, -1e12, 1e12, 0,
     "the parameter's values, separated by commas (instead of from, to and steps)", AT(sweep.values), 0, NULL, NULL},
    {"sweep", "service", KEY_TEXT, "", "fill_rate", 0, 0, 0,
     "the service rate the curve is drawn against (fill_rate, cycle_service_level, on_time_rate, ...)",
     AT(sweep.service), 0, NULL, check_service},
};

const size_t key_count = sizeof key_defs / sizeof key_defs[0];

const char *const key_sections[] = {"run", "demand", "order_cycle", "inventory", "costs", "revenue", "sweep", NULL};

static const char *const section_meanings[] = {
    "how long to simulate, how often, with which random numbers",
    "customer orders: when they arrive and how big they are",
    "the order cycle: transmission -> processing -> allocation from stock -> picking -> delivery",
    "stock and its replenishment",
    "what stock, orders and shortages cost",
    "what customers pay",
    "what servlab sweep varies, and the service measure it draws the curve against",
};

int key_find(const char *section, const char *name)
{
    for (size_t i = 0; i < key_count; i++)
        if (strcmp(key_defs[i].section, section) == 0 && strcmp(key_defs[i].name, name) == 0) return (int)i;
    return -1;
}

static const char *type_name(enum key_type t);

int key_sweepable(const char *name, char *err, size_t errlen)
{
    const char *dot = strrchr(name, '.');
    if (!dot) {
        snprintf(err, errlen, "'%s': name the section too, as SECTION.KEY (e.g. inventory.reorder_point)", name);
        return -1;
    }
    char section[64];
    snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
    int k = key_find(section, dot + 1);
    if (k < 0) {
        const char *full[128];
        char names[128][80];
        size_t n = 0;
        for (size_t i = 0; i < key_count && n < 128; i++)
            if (key_defs[i].type == KEY_NUMBER || key_defs[i].type == KEY_COUNT) {
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

int key_section_known(const char *section)
{
    for (size_t i = 0; key_sections[i]; i++)
        if (strcmp(key_sections[i], section) == 0) return 1;
    return 0;
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
        snprintf(buf, n, "%s", k->check_text == check_service ? "a rate metric" : "a number key, SECTION.KEY");
        return;
    case KEY_LIST:
        snprintf(buf, n, "1 to %d numbers", SWEEP_POINTS_MAX);
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

static void print_section(FILE *out, size_t s)
{
    const char *section = key_sections[s];
    fprintf(out, "[%s]  %s\n\n", section, section_meanings[s]);
    for (size_t i = 0; i < key_count; i++) {
        const struct key_def *k = &key_defs[i];
        if (strcmp(k->section, section) != 0) continue;
        char range[120], what[80];
        key_range_text(k, range, sizeof range);
        snprintf(what, sizeof what, "%s%s%s", type_name(k->type), *k->unit ? ", " : "", k->unit);
        fprintf(out, "  %-22s %-28s default: %s\n", k->name, what, k->fallback ? k->fallback : "(none)");
        fprintf(out, "  %-22s allowed: %s\n", "", range);
        fprintf(out, "  %-22s %s\n", "", k->meaning);
        if (k->choice == policy_choice)
            for (size_t p = 0; policy_types[p]; p++)
                fprintf(out, "  %-22s   %-11s %s\n", "", policy_types[p]->name, policy_types[p]->meaning);
        fputc('\n', out);
    }
}

int keys_print(FILE *out, const char *section)
{
    if (section) {
        for (size_t s = 0; key_sections[s]; s++)
            if (strcmp(key_sections[s], section) == 0) {
                print_section(out, s);
                return 0;
            }
        return -1;
    }
    fputs("servlab scenario keys. Times are in days, quantities in units, money in one currency.\n"
          "A distribution is written as a number (a constant) or one of:\n", out);
    for (size_t i = 0; dist_types[i]; i++) fprintf(out, "  %s\n", dist_types[i]->signature);
    fputs("normal draws below 0 become 0; lognormal and gamma take the mean and sd of the quantity\n"
          "itself; geometric draws 1, 2, 3, ...; discrete weights are normalised to sum to 1.\n"
          "Comments: a line starting with ';' or '#', or the rest of a line after ' ;'.\n\n", out);
    for (size_t s = 0; key_sections[s]; s++) print_section(out, s);
    return 0;
}
