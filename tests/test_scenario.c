/* test_scenario.c - the scenario reader (reader/): defaults, unknown names and their
 * did-you-mean, numbers and distributions, cross-field checks, the inih pitfalls of
 * docs/conventions.md, --set overrides, many problems at once, the scenario_write round trip,
 * the key table, and value/suggest on their own. Each scenario text is written to a
 * temporary directory and loaded the way servlab loads it; the first error line is
 * compared exactly, with the file's path replaced by "PATH". Usage:
 * test_scenario [DEFAULT_INI] (default scenarios/default.ini, run from the repo root). */
#include "check.h"
#include "models/policy.h"
#include "reader/keys.h"
#include "reader/scenario.h"
#include "reader/suggest.h"
#include "reader/value.h"
#include "sim/dist.h"
#include "sim/num.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[64];    /* made by mkdtemp, removed at the end */
static char ini_path[128]; /* tmpdir/shop.ini: every scenario text is written here */
static char big_path[128]; /* tmpdir/big.ini: a sparse file over the size limit */
static struct scenario sc; /* the last scenario loaded */

/* What the last load reported: its status, its messages with the path replaced by
 * "PATH", their first line and how many lines there were. */
static struct {
    int rc;
    char text[16384];
    char first[1024];
    size_t lines;
} out;

/* ---- helpers ---- */

static void write_bytes(const char *path, const char *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(bytes, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

/* The whole file at path, NUL-terminated (free it); *len receives its length. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    if (!f || !m) {
        perror(path);
        exit(1);
    }
    int c;
    while ((c = getc(f)) != EOF) putc(c, m);
    fclose(f);
    fclose(m);
    *len = n;
    return buf;
}

/* Copy in to out.text with every occurrence of path replaced by "PATH". */
static void keep_messages(const char *in, const char *path)
{
    size_t plen = strlen(path), used = 0;
    while (*in && used + 5 < sizeof out.text) {
        if (strncmp(in, path, plen) == 0) {
            memcpy(out.text + used, "PATH", 4);
            used += 4;
            in += plen;
        } else {
            out.text[used++] = *in++;
        }
    }
    out.text[used] = '\0';
    out.lines = 0;
    for (const char *p = out.text; *p; p++) out.lines += *p == '\n';
    size_t first = strcspn(out.text, "\n");
    snprintf(out.first, sizeof out.first, "%.*s", (int)first, out.text);
}

static void load_path(const char *path, const struct scenario_override *sets, size_t nsets)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&buf, &len);
    if (!err) abort();
    out.rc = scenario_load(&sc, path, sets, nsets, err);
    fclose(err);
    keep_messages(buf, path);
    free(buf);
}

static void load_bytes(const char *bytes, size_t len, const struct scenario_override *sets, size_t nsets)
{
    write_bytes(ini_path, bytes, len);
    load_path(ini_path, sets, nsets);
}

static void load_text(const char *text)
{
    load_bytes(text, strlen(text), NULL, 0);
}

/* One check: the last load returned rc_want and its first message line is want. */
static void check_outcome(const char *name, int rc_want, const char *want)
{
    bool ok = out.rc == rc_want && strcmp(out.first, want) == 0;
    if (!check(ok, "%s", name)) printf("     got  %d: %s\n     want %d: %s\n", out.rc, out.first, rc_want, want);
}

static void expect_ok(const char *name, const char *text)
{
    load_text(text);
    check_outcome(name, 0, "");
}

static void expect_error(const char *name, const char *text, const char *want)
{
    load_text(text);
    check_outcome(name, 2, want);
}

static void expect_error_bytes(const char *name, const char *bytes, size_t len, const char *want)
{
    load_bytes(bytes, len, NULL, 0);
    check_outcome(name, 2, want);
}

/* A file with [demand] orders_per_day = 5 and then [section] key = value; the key's
 * line must give `problem`. */
static void expect_value_error(const char *name, const char *section, const char *key, const char *value,
                               const char *problem)
{
    char text[1024], want[1024];
    bool demand = strcmp(section, "demand") == 0;
    snprintf(text, sizeof text, "[demand]\norders_per_day = 5\n%s%s%s%s = %s\n", demand ? "" : "[",
             demand ? "" : section, demand ? "" : "]\n", key, value);
    snprintf(want, sizeof want, "PATH:%d: [%s] %s: %s", demand ? 3 : 4, section, key, problem);
    expect_error(name, text, want);
}

static void expect_set_error(const char *name, const char *text, const char *assignment, const char *label,
                             const char *want)
{
    struct scenario_override set = {.assignment = assignment, .label = label};
    load_bytes(text, strlen(text), &set, 1);
    check_outcome(name, 2, want);
}

static const struct key_origin *origin_of(const char *section, const char *name)
{
    return &sc.origin[key_index(section, name)];
}

static const char *fmt(const struct dist *d)
{
    static char buf[4][200];
    static int next;
    next = (next + 1) % 4;
    return dist_format(d, buf[next], sizeof buf[next]);
}

/* The name of the first field where a and b differ, or NULL. Distributions are
 * compared by their canonical text. */
static const char *config_difference(const struct model_config *a, const struct model_config *b)
{
#define SAME_NUMBER(field)                                                                                             \
    do {                                                                                                               \
        if ((double)a->field != (double)b->field) return #field;                                                       \
    } while (0)
#define SAME_DIST(field)                                                                                               \
    do {                                                                                                               \
        if (strcmp(fmt(&a->field), fmt(&b->field)) != 0) return #field;                                                \
    } while (0)
    SAME_NUMBER(run.horizon_days);
    SAME_NUMBER(run.warmup_days);
    SAME_NUMBER(run.replications);
    SAME_NUMBER(run.seed);
    SAME_DIST(demand.interarrival_days);
    SAME_NUMBER(demand.has_first_order);
    SAME_NUMBER(demand.first_order_days);
    SAME_DIST(demand.units_per_order);
    SAME_DIST(order_cycle.transmission_days);
    SAME_DIST(order_cycle.processing.days);
    SAME_NUMBER(order_cycle.processing.servers);
    SAME_DIST(order_cycle.picking.days);
    SAME_NUMBER(order_cycle.picking.servers);
    SAME_DIST(order_cycle.delivery_days);
    SAME_NUMBER(order_cycle.has_promise);
    SAME_NUMBER(order_cycle.promise_days);
    SAME_NUMBER(inventory.review_days);
    SAME_NUMBER(inventory.reorder_point);
    SAME_NUMBER(inventory.order_quantity);
    SAME_NUMBER(inventory.order_up_to);
    SAME_DIST(inventory.lead_time_days);
    SAME_NUMBER(inventory.initial_on_hand);
    SAME_NUMBER(inventory.shortage);
    SAME_NUMBER(costs.holding_per_unit_day);
    SAME_NUMBER(costs.order_fixed);
    SAME_NUMBER(costs.order_per_unit);
    SAME_NUMBER(costs.backorder_per_unit_day);
    SAME_NUMBER(costs.backorder_per_unit);
    SAME_NUMBER(costs.lost_sale_per_unit);
    SAME_NUMBER(costs.processing_per_server_day);
    SAME_NUMBER(costs.picking_per_server_day);
    SAME_NUMBER(revenue.price_per_unit);
#undef SAME_NUMBER
#undef SAME_DIST
    if (a->inventory.policy != b->inventory.policy) return "inventory.policy";
    return NULL;
}

/* scenario_write's text for the last scenario loaded (free it). */
static char *written(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) abort();
    scenario_write(&sc, f);
    fclose(f);
    return buf;
}

static const char *after_first_line(const char *text)
{
    const char *nl = strchr(text, '\n');
    return nl ? nl + 1 : "";
}

/* ---- 1. a minimal file and the defaults ---- */

static void test_minimal(void)
{
    expect_ok("scen-1.1 a file with only [demand] orders_per_day = 5 loads", "[demand]\norders_per_day = 5\n");
    const struct model_config *c = &sc.cfg;
    check(c->run.replications == 10, "scen-1.2 replications defaults to 10 (got %u)", c->run.replications);
    check(c->run.seed == 1, "scen-1.3 seed defaults to 1");
    check(c->run.horizon_days == 365, "scen-1.4 horizon_days defaults to 365 (got %g)", c->run.horizon_days);
    check(c->run.warmup_days == 0, "scen-1.5 warmup_days defaults to 0");
    check(c->inventory.policy == policy_find("none"), "scen-1.6 policy defaults to none");
    check(dist_is_constant(&c->demand.units_per_order) && dist_mean(&c->demand.units_per_order) == 1,
          "scen-1.7 units_per_order defaults to constant 1 (got %s)", fmt(&c->demand.units_per_order));
    check(strcmp(fmt(&c->demand.interarrival_days), "exponential(0.2)") == 0 &&
              dist_mean(&c->demand.interarrival_days) == 0.2,
          "scen-1.8 orders_per_day = 5 becomes exponential gaps of mean 0.2 (got %s)",
          fmt(&c->demand.interarrival_days));
    check(!c->demand.has_first_order && !c->order_cycle.has_promise, "scen-1.9 no first order time, no promise");
    check(dist_is_zero(&c->order_cycle.transmission_days) && dist_is_zero(&c->order_cycle.processing.days) &&
              dist_is_zero(&c->order_cycle.picking.days) && dist_is_zero(&c->order_cycle.delivery_days) &&
              c->order_cycle.processing.servers == 0 && c->order_cycle.picking.servers == 0,
          "scen-1.10 the order cycle defaults to no time and unlimited servers");
    check(c->inventory.shortage == SHORTAGE_BACKORDER, "scen-1.11 shortage defaults to backorder");
    check(origin_of("demand", "orders_per_day")->from == FROM_FILE && origin_of("demand", "orders_per_day")->line == 2,
          "scen-1.12 orders_per_day's origin is the file, line 2");
    check(origin_of("run", "seed")->from == FROM_DEFAULT, "scen-1.13 seed's origin is the default");
    check(sc.nwarnings == 0, "scen-1.14 no warnings (got %zu)", sc.nwarnings);
    expect_ok("scen-1.15 a file without a final newline loads", "[demand]\norders_per_day = 5");
    expect_ok("scen-1.16 interarrival_days alone loads", "[demand]\ninterarrival_days = uniform(0.1, 0.3)\n");
    check(strcmp(fmt(&sc.cfg.demand.interarrival_days), "uniform(0.1, 0.3)") == 0,
          "scen-1.17 interarrival_days is used as written (got %s)", fmt(&sc.cfg.demand.interarrival_days));
    expect_ok("scen-1.18 policy sS with s and S loads",
              "[demand]\norders_per_day = 5\n[inventory]\npolicy = sS\nreorder_point = 10\norder_up_to = 30\n");
    check(sc.cfg.inventory.initial_on_hand == 30, "scen-1.19 sS starts with order_up_to on hand (got %g)",
          sc.cfg.inventory.initial_on_hand);
    expect_ok("scen-1.20 policy sQ with s and Q loads",
              "[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_point = 10\norder_quantity = 25\n");
    check(sc.cfg.inventory.initial_on_hand == 35, "scen-1.21 sQ starts with s + Q on hand (got %g)",
          sc.cfg.inventory.initial_on_hand);
}

/* ---- 2. unknown names ---- */

static void test_names(void)
{
    expect_error("scen-2.1 misspelt key suggests reorder_point",
                 "[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_piont = 5\n",
                 "PATH:5: [inventory] reorder_piont: unknown key; did you mean 'reorder_point'?");
    expect_error("scen-2.2 a key in the wrong section says where it belongs",
                 "[demand]\norders_per_day = 5\nreorder_point = 3\n[inventory]\npolicy = none\n",
                 "PATH:3: [demand] reorder_point: unknown key in [demand]; 'reorder_point' belongs in [inventory]");
    expect_error("scen-2.3 misspelt section suggests [demand]", "[demnad]\norders_per_day = 5\n",
                 "PATH:1: [demnad] unknown section; did you mean [demand]?");
    expect_error("scen-2.4 an unknown key with no near match points to servlab keys",
                 "[demand]\norders_per_day = 5\ncolour = red\n",
                 "PATH:3: [demand] colour: unknown key; 'servlab keys demand' lists the keys of [demand]");
    expect_error("scen-2.5 an unknown section with no near match lists the sections",
                 "[demand]\norders_per_day = 5\n[shipping]\ncarrier = post\n",
                 "PATH:3: [shipping] unknown section; the sections are [run], [demand], [order_cycle], "
                 "[inventory], [reactions], [customers], [loyalty], [complaints], [costs], [revenue], [returns], "
                 "[contract], [sweep], [locks], [locations], [ipa], [product.NAME], [tier.NAME], [channel.NAME], "
                 "[location.NAME], [region.NAME]");
    expect_error("scen-2.6 a swapped pair of letters is suggested", "[demand]\norders_per_dya = 5\n",
                 "PATH:2: [demand] orders_per_dya: unknown key; did you mean 'orders_per_day'?");
    expect_error("scen-2.7 a key cut short is suggested by prefix",
                 "[demand]\norders_per_day = 5\n[inventory]\nlead_time = 2\n",
                 "PATH:4: [inventory] lead_time: unknown key; did you mean 'lead_time_days'?");
}

/* ---- 3. values ---- */

static void test_values(void)
{
    /* distributions (delivery_days: draws >= 0) */
    expect_value_error("scen-3.1 a negative lead time is refused", "inventory", "lead_time_days", "-2",
                       "must be >= 0, got -2");
    expect_value_error("scen-3.2 a lead time that can draw below 0 is refused", "inventory", "lead_time_days",
                       "uniform(-1, 3)", "draws must be >= 0, but uniform(-1, 3) can draw -1");
    expect_value_error("scen-3.3 misspelt family suggests exponential", "order_cycle", "delivery_days",
                       "exponentail(2)", "unknown distribution 'exponentail'; did you mean 'exponential'?");
    expect_value_error("scen-3.4 normal with one parameter", "order_cycle", "delivery_days", "normal(5)",
                       "normal(mean, sd) takes 2 parameters, got 1");
    expect_value_error("scen-3.5 gamma with sd 0", "order_cycle", "delivery_days", "gamma(5, 0)",
                       "gamma(mean, sd): sd must be > 0, got 0");
    expect_value_error("scen-3.5b parameters with a blank for a comma", "order_cycle", "delivery_days",
                       "triangular(1 1.5, 3)",
                       "triangular(min, mode, max): parameters are separated by commas: write '1, 1.5', not '1 1.5'");
    expect_value_error("scen-3.5c ... but not when commas would make too many parameters", "order_cycle",
                       "delivery_days", "gamma(5, 1.5 2)",
                       "gamma(mean, sd): '1.5 2' is not a number (one number only, with no blanks inside it)");
    expect_value_error("scen-3.6 discrete with a bare value", "order_cycle", "delivery_days", "discrete(1:0.5, 2)",
                       "discrete(value:weight, ...): '2' should be a value:weight pair");
    expect_value_error("scen-3.7 a missing ')'", "order_cycle", "delivery_days", "exponential(2",
                       "exponential(mean): missing ')' at the end");
    expect_value_error("scen-3.8 parameters without parentheses", "order_cycle", "delivery_days", "exponential 3",
                       "write exponential(mean) with its parameters in parentheses");
    expect_value_error("scen-3.9 a trailing comma in a distribution is refused", "order_cycle", "delivery_days",
                       "exponential(2,)",
                       "exponential(mean): a parameter is missing (two commas in a row, or one at the end?)");
    expect_value_error("scen-3.10 an unknown word with no near family", "order_cycle", "delivery_days", "fast",
                       "unknown distribution 'fast'; use a number or one of constant, exponential, uniform, "
                       "triangular, normal, lognormal, lognormal_log, gamma, erlang, poisson, geometric, discrete");
    expect_ok("scen-3.55 lognormal_log(mu, sigma) loads, with a negative mu",
              "[demand]\norders_per_day = 5\nunits_per_order = lognormal_log(-0.5, 1.2)\n");
    expect_value_error("scen-3.56 lognormal_log with sigma 0", "order_cycle", "delivery_days", "lognormal_log(0.4, 0)",
                       "lognormal_log(mu, sigma): sigma must be > 0 (for no spread, write the value exp(mu) alone), "
                       "got 0");
    expect_value_error("scen-3.57 a misspelt lognormal_log", "order_cycle", "delivery_days", "lognormal_lg(1, 1)",
                       "unknown distribution 'lognormal_lg'; did you mean 'lognormal_log'?");
    expect_value_error("scen-3.61 a range of whole numbers from below lines_per_order's least draw is answered "
                       "from it, saying why",
                       "demand", "lines_per_order", "0-3",
                       "'0-3' is not a number; draws must be >= 1, so for each whole number from 1 to 3 equally "
                       "often, write discrete(1:1, 2:1, 3:1) (draws are rounded, so uniform(1, 3) would give 1 and "
                       "3 half as often as each number between)");
    expect_value_error("scen-3.62 ... over 6 numbers, listed with an ellipsis", "demand", "lines_per_order", "0~10",
                       "'0~10' is not a number; draws must be >= 1, so for each whole number from 1 to 10 equally "
                       "often, write discrete(1:1, 2:1, ..., 10:1) with all 10 listed (draws are rounded, so "
                       "uniform(1, 10) would give 1 and 10 half as often as each number between)");
    expect_value_error("scen-3.63 ... leaving one number, it is the answer", "demand", "lines_per_order", "0-1",
                       "'0-1' is not a number; draws must be >= 1, so of '0-1' only 1 can be drawn: write 1");
    expect_value_error("scen-3.64 ... past the key's greatest value too: its bounds, no uniform() that draws above "
                       "16 would cut short",
                       "demand", "lines_per_order", "0-20",
                       "'0-20' is not a number, and this key's values run from 1 to 16 (a draw above 16 counts as "
                       "16); write a number or a distribution within them");
    expect_value_error("scen-3.65 a range within the bounds is answered as before", "demand", "lines_per_order", "2-3",
                       "'2-3' is not a number; for each whole number from 2 to 3 equally often, write "
                       "discrete(2:1, 3:1)");
    expect_value_error("scen-3.66 a key whose draws are not rounded keeps uniform() from 0", "demand",
                       "units_per_order", "0-3",
                       "'0-3' is not a number; for a value anywhere from 0 to 3, write uniform(0, 3)");
    expect_value_error("scen-3.11 a mean of 0 for units_per_order", "demand", "units_per_order", "0",
                       "the mean must be > 0, but 0 has mean 0");
    expect_value_error("scen-3.12 text after ')'", "order_cycle", "delivery_days", "normal(5, 2) days",
                       "normal(mean, sd): unexpected text after ')': ' days'");
    expect_value_error("scen-3.12b a unit in Chinese after ')' is no number to write in digits", "order_cycle",
                       "delivery_days", "normal(5, 2)天", "normal(mean, sd): unexpected text after ')': '天'");
    expect_value_error("scen-3.13 a parameter that is not a number", "order_cycle", "delivery_days", "exponential(1O)",
                       "exponential(mean): '1O' is not a number (is the letter O meant to be a zero?)");
    expect_value_error("scen-3.14 an empty distribution", "order_cycle", "delivery_days", "",
                       "no value; write a number or a distribution such as exponential(2)");

    /* numbers (horizon_days: > 0) */
    expect_value_error("scen-3.20 letter O for a zero", "run", "horizon_days", "12O",
                       "'12O' is not a number (is the letter O meant to be a zero?)");
    expect_value_error("scen-3.21 1e999 is too large", "run", "horizon_days", "1e999",
                       "'1e999' is too large to be a useful number");
    expect_value_error("scen-3.58 an English word where a number goes gets the key's unit, bounds and section", "run",
                       "horizon_days", "long",
                       "'long' is not a number (write a number in digits, in days, > 0; see 'servlab keys run')");
    expect_value_error("scen-3.59 English words for a whole number get its bounds, as a Chinese word does", "run",
                       "replications", "ten times",
                       "'ten times' is not a number (write a whole number in digits, 1 to 100000; see 'servlab keys "
                       "run')");
    expect_value_error("scen-3.60 a word for a share gets the share's hint", "inventory", "target_fill_rate", "high",
                       "'high' is not a number (write a share in digits, such as 0.95 or 95%, > 0 and < 1; see "
                       "'servlab keys inventory')");
    expect_value_error("scen-3.22 nan is not a number", "run", "horizon_days", "nan", "'nan' is not a number");
    expect_value_error("scen-3.23 inf is not a number", "run", "horizon_days", "inf", "'inf' is not a number");
    expect_value_error("scen-3.24 an empty value", "run", "horizon_days", "", "no value; write a number after '='");
    expect_value_error("scen-3.25 a decimal comma", "run", "horizon_days", "0,5",
                       "'0,5' is not a number (use a dot as the decimal mark: 0.5, not 0,5)");
    /* a percentage where no share goes: a key with a unit says it is no share; one without
       (a lift, a factor) or a rate a day is told the percentage's decimal */
    expect_value_error("scen-3.26 a percent sign", "run", "horizon_days", "95%",
                       "'95%' is not a number (write just the number, in days: this key is not a share, so it takes "
                       "no '%')");
    expect_value_error("scen-3.26r ... also for a distribution in days", "inventory", "lead_time_days", "20%",
                       "'20%' is not a number (write just the number, in days: this key is not a share, so it takes "
                       "no '%')");
    expect_value_error(
        "scen-3.26s ... a lift, of no unit, is told the decimal", "returns", "demand_lift", "50%",
        "'50%' is not a number (write just the number, without '%'; if it is a share, as a decimal: 0.5 for 50%)");
    expect_value_error(
        "scen-3.26t ... as is a rate a day", "customers", "churn_per_day", "1%",
        "'1%' is not a number (write just the number, without '%'; if it is a share, as a decimal: 0.01 for 1%)");
    /* a safety factor counts standard deviations: a percentage is a cycle service level */
    expect_value_error("scen-3.26u a safety factor as a percentage: the k it means, and the key that takes it",
                       "inventory", "safety_factor", "95%",
                       "'95%' is not a number of standard deviations: safety_factor counts them (k = 1.645 gives a "
                       "95% cycle service level); to aim at that level, write target_cycle_service_level = 0.95 "
                       "instead");
    expect_value_error("scen-3.26v ... 99.5%: k = 2.576", "inventory", "safety_factor", "99.5%",
                       "'99.5%' is not a number of standard deviations: safety_factor counts them (k = 2.576 gives a "
                       "99.5% cycle service level); to aim at that level, write target_cycle_service_level = 0.995 "
                       "instead");
    expect_value_error("scen-3.26w ... 150%, no service level: the key named", "inventory", "safety_factor", "150%",
                       "'150%' is not a number of standard deviations: safety_factor counts them (k = 1.645 gives a "
                       "95% cycle service level); a service level is set with target_cycle_service_level, a share "
                       "such as 0.95");
    expect_value_error("scen-3.26b a thousands separator", "run", "horizon_days", "1,000",
                       "'1,000' is not a number (write it without thousands separators: 1000, not 1,000)");
    expect_value_error("scen-3.26c grouped thousands with decimals", "run", "horizon_days", "12,345.5",
                       "'12,345.5' is not a number (write it without thousands separators: 12345.5, not 12,345.5)");
    expect_value_error("scen-3.26d a decimal comma before three digits", "run", "horizon_days", "0,015",
                       "'0,015' is not a number (use a dot as the decimal mark: 0.015, not 0,015)");
    expect_value_error("scen-3.26e two commas are separators, not decimal marks", "run", "horizon_days", "1,000,00",
                       "'1,000,00' is not a number (write it without thousands separators: 100000, not 1,000,00)");
    expect_value_error("scen-3.26f a dot for thousands and a comma for decimals", "run", "horizon_days", "1.000,5",
                       "'1.000,5' is not a number (write it with a dot as the decimal mark and no thousands separator: "
                       "1000.5, not 1.000,5)");
    expect_value_error("scen-3.26g dots between groups of three digits", "run", "horizon_days", "1.000.000",
                       "'1.000.000' is not a number (write it without thousands separators: 1000000, not 1.000.000)");
    expect_value_error("scen-3.26h numbers with dots between commas are a list: one number only", "run", "horizon_days",
                       "0.5,0.7",
                       "'0.5,0.7' is not a number (one number only; to try several values, use servlab sweep: "
                       "[sweep] values, or --values)");
    expect_value_error("scen-3.26i ... as are numbers after a comma and a blank", "run", "horizon_days", "1, 2, 3",
                       "'1, 2, 3' is not a number (one number only; to try several values, use servlab sweep: "
                       "[sweep] values, or --values)");
    static const char *const lists[] = {"1,2,3", "-1,-2", "1e3,2", "0.5,"};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        char id[80], want[200];
        snprintf(id, sizeof id, "scen-3.26j%zu '%s' is a list too", i, lists[i]);
        snprintf(want, sizeof want,
                 "'%s' is not a number (one number only; to try several values, use servlab sweep: [sweep] "
                 "values, or --values)",
                 lists[i]);
        expect_value_error(id, "run", "horizon_days", lists[i], want);
    }
    expect_value_error("scen-3.26k digits grouped in twos and threes stay a thousands mistake", "run", "horizon_days",
                       "1,00,000",
                       "'1,00,000' is not a number (write it without thousands separators: 100000, not 1,00,000)");
    /* the student's number is written back only when it is all digits and marks, and short:
       else the hint's example, so that no hint is cut (inside a character) */
    expect_value_error("scen-3.26l a decimal comma before a unit gets the example", "run", "horizon_days", "3,5天",
                       "'3,5天' is not a number (use a dot as the decimal mark: 0.5, not 0,5)");
    {
        char value[200] = "3,5", want[400];
        for (int i = 0; i < 45; i++) strcat(value, "天");
        snprintf(want, sizeof want, "'%s' is not a number (use a dot as the decimal mark: 0.5, not 0,5)", value);
        expect_value_error("scen-3.26m a long value with a comma and Chinese: the hint whole", "run", "horizon_days",
                           value, want);
    }
    expect_value_error("scen-3.26n a long grouped number gets the example", "run", "horizon_days",
                       "1,000,000,000,000,000,000,000,000,000,000,000",
                       "'1,000,000,000,000,000,000,000,000,000,000,000' is not a number (write it without thousands "
                       "separators: 1000, not 1,000)");
    {
        /* a target too long for the message's copy of it is cut before a character, not inside one */
        char value[200] = "fill_rate \u2265 98%", want[400], kept[200];
        for (int i = 0; i < 50; i++) strcat(value, "\u5929");
        snprintf(kept, sizeof kept, "%.125s", value); /* 17 bytes, then 36 of the 50 three-byte characters */
        snprintf(want, sizeof want,
                 "'%s' is not a target; write '>=' for '\u2265' and '<=' for '\u2264', as in fill_rate >= 98%%", kept);
        expect_value_error("scen-3.26o a long target with Chinese is quoted in whole characters", "contract", "targets",
                           value, want);
    }
    {
        /* a number too long: its first 20 bytes quoted, cut before a character (here the 7th) */
        char value[200] = "3,5";
        for (int i = 0; i < 55; i++) strcat(value, "\u5929");
        expect_value_error("scen-3.26p a long value's quoted start ends at a whole character", "run", "horizon_days",
                           value,
                           "'3,5\u5929\u5929\u5929\u5929\u5929...' is too long for a number (at most 159 "
                           "characters)");
    }
    expect_value_error("scen-3.26q a Chinese term with 率 after it: the metric's name without it", "contract",
                       "targets", "\u51c6\u786e\u7387 >= 99%",
                       "'\u51c6\u786e\u7387 >= 99%' is not a target; a metric's name is written in English: "
                       "accurate_rate >= 99%");
    expect_value_error("scen-3.27 a unit after the number", "run", "horizon_days", "10 days",
                       "'10 days' is not a number (write just the number: the unit is in the key's name)");
    expect_value_error("scen-3.28 '#' after a value is not a comment", "run", "horizon_days", "5 # comment",
                       "'5 # comment' is not a number ('#' starts a comment only at the start of a line; "
                       "after a value write ' ; comment')");
    expect_value_error("scen-3.29 ';' without a space before it is not a comment", "run", "horizon_days", "5;x",
                       "'5;x' is not a number (a comment after a value needs a space before the ';')");
    expect_value_error("scen-3.30 a distribution where a number is needed gets the distribution hint, not the "
                       "letter-O hint",
                       "run", "horizon_days", "exponential(3)",
                       "'exponential(3)' is not a number (a distribution is not allowed here; give one number)");
    expect_value_error("scen-3.31 a hexadecimal number", "run", "horizon_days", "0x10",
                       "'0x10' is not a number (write it in decimal; hexadecimal is not read)");
    expect_value_error("scen-3.31b hexadecimal ending in a letter gets the hexadecimal hint, not the unit hint", "run",
                       "seed", "0x2A", "'0x2A' is not a number (write it in decimal; hexadecimal is not read)");
    expect_value_error("scen-3.31c two numbers", "run", "horizon_days", "40 50",
                       "'40 50' is not a number (one number only, with no blanks inside it)");
    expect_value_error("scen-3.31d a blank as thousands separator", "run", "horizon_days", "1 000",
                       "'1 000' is not a number (one number only, with no blanks inside it)");
    expect_value_error("scen-3.32 a unit containing an 'o' gets the unit hint, not the letter-O hint", "run",
                       "horizon_days", "2 hours",
                       "'2 hours' is not a number (write just the number: the unit is in the key's name)");

    /* values longer than the reader's buffers are refused, never cut short: cut, the
       leading zeros below would read as 0 */
    char zeros[200], want[300];
    memset(zeros, '0', 160);
    snprintf(zeros + 160, sizeof zeros - 160, "30");
    expect_value_error("scen-3.33 a number of 162 characters is refused, not cut to 0", "run", "warmup_days", zeros,
                       "'00000000000000000000...' is too long for a number (at most 159 characters)");
    snprintf(want, sizeof want, "uniform(%s, 40)", zeros);
    expect_value_error("scen-3.34 a distribution parameter of 162 characters is refused", "order_cycle",
                       "delivery_days", want,
                       "uniform(min, max): '00000000000000000000...' is too long for a parameter (at most 159 "
                       "characters)");
    expect_value_error("scen-3.35 a choice padded to 75 characters is refused, not cut to sQ", "inventory", "policy",
                       "sQ                                                                        x",
                       "'sQ                  ...' is too long for a choice");

    /* bounds */
    expect_value_error("scen-3.40 replications = 0", "run", "replications", "0", "must be >= 1, got 0");
    expect_value_error("scen-3.41 replications = 2.5", "run", "replications", "2.5", "must be a whole number, got 2.5");
    expect_value_error("scen-3.42 horizon_days = 0", "run", "horizon_days", "0", "must be > 0, got 0");
    expect_value_error("scen-3.43 replications over the maximum", "run", "replications", "100001",
                       "must be at most 100000, got 100001");
    expect_value_error("scen-3.44 seed over 2^53 - 1", "run", "seed", "9007199254740992",
                       "must be at most 9007199254740991, got 9007199254740992");
    expect_value_error("scen-3.45 a negative seed", "run", "seed", "-1", "must be >= 0, got -1");
    expect_value_error("scen-3.46 order_quantity = 0", "inventory", "order_quantity", "0", "must be > 0, got 0");

    /* choices */
    expect_value_error("scen-3.50 policy = sq suggests sQ", "inventory", "policy", "sq",
                       "unknown choice 'sq'; did you mean 'sQ'? (one of none | sQ | sS | base_stock)");
    expect_value_error("scen-3.51 policy = base-stock suggests base_stock", "inventory", "policy", "base-stock",
                       "unknown choice 'base-stock'; did you mean 'base_stock'? (one of none | sQ | sS | base_stock)");
    expect_value_error("scen-3.52 an unknown policy with no near match", "inventory", "policy", "minmax",
                       "unknown choice 'minmax'; choose one of none | sQ | sS | base_stock");
    expect_value_error("scen-3.52b status_visible = 1 suggests yes, not no", "order_cycle", "status_visible", "1",
                       "unknown choice '1'; did you mean 'yes'? (one of no | yes)");
    expect_value_error("scen-3.52c status_visible = 否 suggests no", "order_cycle", "status_visible", "否",
                       "unknown choice '否'; did you mean 'no'? (one of no | yes)");
    expect_value_error("scen-3.52d a choice in Chinese quotes", "inventory", "shortage", "“backorder”",
                       "write the choice without quotes: backorder (one of backorder | lost_sale | react)");
    expect_value_error("scen-3.53 an empty policy", "inventory", "policy", "",
                       "no value; choose one of none | sQ | sS | base_stock");
    expect_value_error("scen-3.54 shortage = lost_sales suggests lost_sale", "inventory", "shortage", "lost_sales",
                       "unknown choice 'lost_sales'; did you mean 'lost_sale'? (one of backorder | lost_sale | react)");
}

/* ---- 4. keys that contradict each other ---- */

static void test_cross_field(void)
{
    expect_error("scen-4.1 orders_per_day and interarrival_days both given",
                 "[demand]\norders_per_day = 5\nunits_per_order = 2\ninterarrival_days = exponential(0.2)\n",
                 "PATH:4: [demand] interarrival_days: give orders_per_day or interarrival_days, not both "
                 "(the other is on line 2)");
    expect_error("scen-4.2 neither orders_per_day nor interarrival_days", "[demand]\nunits_per_order = 2\n",
                 "PATH: [demand] orders_per_day: missing; say how often orders arrive with orders_per_day "
                 "(a rate) or interarrival_days (a distribution)");
    expect_error("scen-4.3 sS with order_up_to below reorder_point",
                 "[demand]\norders_per_day = 5\n[inventory]\npolicy = sS\nreorder_point = 10\norder_up_to = 8\n",
                 "PATH:6: [inventory] order_up_to: S = 8 must be above reorder_point s = 10 (line 5)");
    expect_error("scen-4.4 sS with order_up_to equal to reorder_point",
                 "[demand]\norders_per_day = 5\n[inventory]\npolicy = sS\nreorder_point = 10\norder_up_to = 10\n",
                 "PATH:6: [inventory] order_up_to: S = 10 must be above reorder_point s = 10 (line 5)");
    expect_error("scen-4.5 sQ without order_quantity",
                 "[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_point = 10\n",
                 "PATH:4: [inventory] order_quantity: missing; policy sQ needs it");
    expect_error("scen-4.6 order_up_to given with policy sQ",
                 "[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_point = 10\n"
                 "order_quantity = 20\norder_up_to = 40\n",
                 "PATH:7: [inventory] order_up_to: not used by policy sQ; remove it or choose a policy that uses it");
    expect_error("scen-4.7 lost_sale with a negative reorder point",
                 "[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_point = -1\n"
                 "order_quantity = 20\nshortage = lost_sale\n",
                 "PATH:5: [inventory] reorder_point: is negative, but with shortage = lost_sale the inventory "
                 "position never falls below 0, so no order would ever be placed");
    expect_error("scen-4.8 lead_time_days with policy none",
                 "[demand]\norders_per_day = 5\n[inventory]\npolicy = none\nlead_time_days = 2\n",
                 "PATH:5: [inventory] lead_time_days: not used by policy none (stock never runs out); "
                 "remove it or choose a policy");
    /* no policy line: the default none was never written, so the problem is the missing
       line, once, with the policies the keys given are for */
    expect_error("scen-4.9 reorder_point without a policy (the default none)",
                 "[demand]\norders_per_day = 5\n[inventory]\nreorder_point = 2\n",
                 "PATH:4: [inventory] policy: missing: without it the policy is none (stock never runs out), "
                 "which does not use reorder_point; add a policy line: policy = sQ or sS");
    expect_error("scen-4.10 base_stock without order_up_to",
                 "[demand]\norders_per_day = 5\n[inventory]\npolicy = base_stock\n",
                 "PATH:4: [inventory] order_up_to: missing; policy base_stock needs it");
    expect_ok("scen-4.11 lost_sale with reorder_point 0 is fine",
              "[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_point = 0\norder_quantity = 20\n"
              "shortage = lost_sale\n");
    check(sc.cfg.inventory.shortage == SHORTAGE_LOST_SALE, "scen-4.12 shortage = lost_sale is read");

    expect_ok("scen-4.13 a stage with more load than servers loads, with a warning",
              "[demand]\norders_per_day = 5\n[order_cycle]\nprocessing_days = 0.5\nprocessing_servers = 1\n");
    check(sc.nwarnings == 1 &&
              strcmp(sc.warnings[0], "order processing is overloaded: orders arrive at 5 a day but 1 server can "
                                     "handle at most 2 a day; the queue grows without bound and cycle times "
                                     "depend on the horizon") == 0,
          "scen-4.14 the overload warning says rate and capacity: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.15 units_per_order that can draw 0 loads, with a warning",
              "[demand]\norders_per_day = 5\nunits_per_order = poisson(2)\n");
    check(sc.nwarnings == 1 &&
              strstr(sc.warnings[0], "units_per_order draws 0 or less about 14% of the time") == sc.warnings[0],
          "scen-4.16 the zero-units warning gives the share of such draws (poisson(2): e^-2 = 13.5%%): '%s'",
          sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.17 a normal order size that draws 0 once in millions loads without a warning",
              "[demand]\norders_per_day = 5\nunits_per_order = normal(200, 40)\n");
    check(sc.nwarnings == 0, "scen-4.17b ... no warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");

    /* a holding cost that looks annual: a year on the shelf costs over 10 times the unit */
    expect_ok("scen-4.18 an annual holding cost (25% of 20 = 5) typed as daily loads, with a warning",
              "[demand]\norders_per_day = 5\n[costs]\nholding_per_unit_day = 5\norder_per_unit = 20\n"
              "[revenue]\nprice_per_unit = 35\n");
    check(sc.nwarnings == 1 &&
              strcmp(sc.warnings[0],
                     "[costs] holding_per_unit_day = 5 (line 4): a year on the shelf costs 1825 a unit, "
                     "over 10 times what it is worth (purchase cost 20, price 35); an annual figure? "
                     "The daily one is the annual / 365") == 0,
          "scen-4.19 ... naming the key and its line, the year's cost and the unit's value: '%s'",
          sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.20 the same rate as a daily figure (5 / 365) loads without a warning",
              "[demand]\norders_per_day = 5\n[costs]\nholding_per_unit_day = 0.0137\norder_per_unit = 20\n"
              "[revenue]\nprice_per_unit = 35\n");
    check(sc.nwarnings == 0, "scen-4.20b ... no warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.21 dear storage, a year at 3 times the price (basket.ini's figures), loads without a warning",
              "[demand]\norders_per_day = 5\n[costs]\nholding_per_unit_day = 0.05\norder_per_unit = 6\n"
              "[revenue]\nprice_per_unit = 10\n");
    check(sc.nwarnings == 0, "scen-4.21b ... no warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.22 a tiny handling fee as order_per_unit: the price is the unit's value, no warning",
              "[demand]\norders_per_day = 5\n[costs]\nholding_per_unit_day = 0.1\norder_per_unit = 0.01\n"
              "[revenue]\nprice_per_unit = 35\n");
    check(sc.nwarnings == 0, "scen-4.22d ... no warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.22b a price below the purchase cost loads, with a warning",
              "[demand]\norders_per_day = 5\n[costs]\norder_per_unit = 20\n[revenue]\nprice_per_unit = 15\n");
    check(sc.nwarnings == 1 && strcmp(sc.warnings[0], "[revenue] price_per_unit = 15 (line 6) is below [costs] "
                                                      "order_per_unit = 20 (line 4): every unit sold loses money; "
                                                      "are the two swapped?") == 0,
          "scen-4.22c ... naming both keys and their lines: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.23 with only a price, an annual figure is still caught",
              "[demand]\norders_per_day = 5\n[costs]\nholding_per_unit_day = 9\n[revenue]\nprice_per_unit = 35\n");
    check(sc.nwarnings == 1 && strstr(sc.warnings[0], "(line 4): a year on the shelf costs 3285 a unit, over 10 times "
                                                      "what it is worth (price 35)"),
          "scen-4.23b ... valued at its price: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.24 a product's own holding cost is checked against its own price",
              "[demand]\norders_per_day = 5\n[inventory]\npolicy = none\n[costs]\nholding_per_unit_day = 0.01\n"
              "[revenue]\nprice_per_unit = 35\n[product.tea]\nshare = 0.5\nholding_per_unit_day = 2\n"
              "price_per_unit = 12\n[product.cup]\nshare = 0.5\n");
    check(sc.nwarnings == 1 && strstr(sc.warnings[0], "[product.tea] holding_per_unit_day = 2 (line 11): a year on the "
                                                      "shelf costs 730 a unit") == sc.warnings[0],
          "scen-4.24b ... named with its section and line: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    struct scenario_override set = {.assignment = "costs.holding_per_unit_day=6"};
    const char *text = "[demand]\norders_per_day = 5\n[costs]\norder_per_unit = 20\n";
    load_bytes(text, strlen(text), &set, 1);
    check(sc.nwarnings == 1 && strstr(sc.warnings[0], "[costs] holding_per_unit_day = 6 (--set): ") == sc.warnings[0],
          "scen-4.25 ... and one from --set says so: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    /* an override with a source (a batch table's cell, cli/batch.c) is named by it, each
       value by its own override: the price by its source, the cost by the file's line */
    struct scenario_override cells[] = {{.assignment = "costs.holding_per_unit_day=6"},
                                        {.assignment = "revenue.price_per_unit=3", .source = "table column P"},
                                        {.assignment = "costs.holding_per_unit_day=7", .source = "table column H"}};
    load_bytes(text, strlen(text), cells, 3);
    check(sc.nwarnings == 2 &&
              strcmp(sc.warnings[0], "[revenue] price_per_unit = 3 (table column P) is below [costs] order_per_unit = "
                                     "20 (line 4): every unit sold loses money; are the two swapped?") == 0 &&
              strstr(sc.warnings[1], "[costs] holding_per_unit_day = 7 (table column H): ") == sc.warnings[1],
          "scen-4.25b ... and one from an override with a source names the source: '%s' '%s'",
          sc.nwarnings ? sc.warnings[0] : "", sc.nwarnings > 1 ? sc.warnings[1] : "");
    load_bytes(text, strlen(text), cells, 2);
    check(sc.nwarnings == 2 && strstr(sc.warnings[1], "[costs] holding_per_unit_day = 6 (--set): ") == sc.warnings[1],
          "scen-4.25c ... the override that gave the value, not the last one with a source: '%s'",
          sc.nwarnings > 1 ? sc.warnings[1] : "");

    /* continuous base stock with a random yield: every short delivery starts another order */
    const char *chain = "[demand]\norders_per_day = 2\n[inventory]\npolicy = base_stock\norder_up_to = 5\n"
                        "supply_yield = uniform(0.5, 1)\n";
    load_bytes(chain, strlen(chain), NULL, 0);
    check(sc.nwarnings == 1 && strstr(sc.warnings[0], "[inventory]: policy = base_stock with a supply_yield reorders "
                                                      "what each delivery lacks at once") == sc.warnings[0],
          "scen-4.26 base_stock with a supply_yield warns of its chains of orders: '%s'",
          sc.nwarnings ? sc.warnings[0] : "");
    struct scenario_override periodic = {.assignment = "inventory.review_days=1"};
    load_bytes(chain, strlen(chain), &periodic, 1);
    check(sc.nwarnings == 0, "scen-4.27 ... not with a periodic review: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    const char *sq_chain = "[demand]\norders_per_day = 2\n[inventory]\npolicy = sQ\nreorder_point = 2\n"
                           "order_quantity = 5\nsupply_yield = uniform(0.5, 1)\n";
    load_bytes(sq_chain, strlen(sq_chain), NULL, 0);
    check(sc.nwarnings == 0, "scen-4.28 ... nor with sQ: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    const char *product = "[demand]\norders_per_day = 2\n[inventory]\npolicy = sQ\nreorder_point = 2\n"
                          "order_quantity = 5\n[product.tea]\nshare = 0.5\npolicy = base_stock\norder_up_to = 5\n"
                          "supply_yield = 0.8\n[product.cup]\nshare = 0.5\n";
    load_bytes(product, strlen(product), NULL, 0);
    check(sc.nwarnings == 1 && strstr(sc.warnings[0], "[product.tea]: policy = base_stock") == sc.warnings[0],
          "scen-4.29 ... and a product's own policy is named with its section: '%s'",
          sc.nwarnings ? sc.warnings[0] : "");
    const char *two = "[demand]\norders_per_day = 2\n[inventory]\npolicy = sQ\nreorder_point = 2\n"
                      "order_quantity = 5\n[product.tea]\nshare = 0.5\npolicy = base_stock\norder_up_to = 5\n"
                      "supply_yield = 0.8\n[product.cup]\nshare = 0.5\npolicy = base_stock\norder_up_to = 5\n"
                      "supply_yield = 0.8\n";
    load_bytes(two, strlen(two), NULL, 0);
    check(sc.nwarnings == 1 &&
              strstr(sc.warnings[0], "[product.tea] [product.cup]: policy = base_stock") == sc.warnings[0],
          "scen-4.30 ... every stock point whose orders chain is named, once: '%s'",
          sc.nwarnings ? sc.warnings[0] : "");
    char six[1200] = "[demand]\norders_per_day = 2\n[inventory]\npolicy = base_stock\norder_up_to = 5\n"
                     "supply_yield = 0.8\n";
    for (int i = 1; i <= 6; i++)
        snprintf(six + strlen(six), sizeof six - strlen(six), "[product.p%d]\nshare = %s\n", i, i < 6 ? "0.1" : "0.5");
    load_bytes(six, strlen(six), NULL, 0);
    check(sc.nwarnings == 1 &&
              strstr(sc.warnings[0], "[product.p1] [product.p2] [product.p3] [product.p4] …: policy") == sc.warnings[0],
          "scen-4.31 ... the first four of six, then '…': '%s'", sc.nwarnings ? sc.warnings[0] : "");

    /* a rate or a lift written as a whole-number percentage (keys.def: whole_percent_from) */
    static const char customers[] = "[customers]\ninitial = 500\norders_per_customer_day = 0.1\n";
    char pct[400];
    snprintf(pct, sizeof pct, "%schurn_per_day = 1\n", customers);
    expect_ok("scen-4.32 churn_per_day = 1 (1% meant) loads, with a warning", pct);
    check(sc.nwarnings == 1 && strcmp(sc.warnings[0], "[customers] churn_per_day = 1 (line 4) reads as 100%; if 1% "
                                                      "was meant, write 0.01") == 0,
          "scen-4.33 ... saying what it reads as and what 1%% is: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    snprintf(pct, sizeof pct, "%schurn_per_day = 0.01\n", customers);
    expect_ok("scen-4.34 churn_per_day = 0.01 loads", pct);
    check(sc.nwarnings == 0, "scen-4.34b ... without a warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    snprintf(pct, sizeof pct, "%s[tier.key]\nshare = 0.2\nchurn_per_day = 1\n[tier.other]\nshare = 0.8\n", customers);
    expect_ok("scen-4.35 a tier's own churn_per_day = 1 loads, with a warning", pct);
    check(sc.nwarnings == 1 && strcmp(sc.warnings[0], "[tier.key] churn_per_day = 1 (line 6) reads as 100%; if 1% "
                                                      "was meant, write 0.01") == 0,
          "scen-4.35b ... named with its section: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    static const char returns[] = "[demand]\norders_per_day = 5\n[returns]\nshare = 0.1\ndays = 3\n";
    snprintf(pct, sizeof pct, "%sdemand_lift = 50\n", returns);
    expect_ok("scen-4.36 demand_lift = 50 (50% meant) loads, with a warning", pct);
    check(sc.nwarnings == 1 && strcmp(sc.warnings[0], "[returns] demand_lift = 50 (line 6) reads as 5000%; if 50% "
                                                      "was meant, write 0.5") == 0,
          "scen-4.36b ... '%s'", sc.nwarnings ? sc.warnings[0] : "");
    snprintf(pct, sizeof pct, "%sdemand_lift = 1.5\n", returns);
    expect_ok("scen-4.37 demand_lift = 1.5 (returns.ini's) loads", pct);
    check(sc.nwarnings == 0, "scen-4.37b ... without a warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    snprintf(pct, sizeof pct, "%sdemand_lift = 2\n", returns);
    expect_ok("scen-4.38 a whole demand_lift below 5 (2: orders tripled at a full refund) loads", pct);
    check(sc.nwarnings == 0, "scen-4.38b ... without a warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    struct scenario_override lift = {.assignment = "returns.demand_lift=20"};
    snprintf(pct, sizeof pct, "%s", returns);
    load_bytes(pct, strlen(pct), &lift, 1);
    check(sc.nwarnings == 1 &&
              strstr(sc.warnings[0], "[returns] demand_lift = 20 (--set) reads as 2000%") == sc.warnings[0],
          "scen-4.39 ... and one from --set says so: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    /* past its bounds, an error that says the decimal, as churn_per_day takes no '%' */
    expect_value_error("scen-4.40 churn_per_day = 2 (2% meant) is refused, with its decimal", "customers",
                       "churn_per_day", "2", "must be at most 1, got 2 (if 2% was meant, write 0.02)");
    /* a loyalty factor written as a percentage: 80 for 0.8 (a multiple of a new customer's) */
    static const char loyal[] = "[order_cycle]\npromise_days = 3\n[customers]\ninitial = 500\n"
                                "orders_per_customer_day = 0.1\n[loyalty]\n";
    snprintf(pct, sizeof pct, "%sloyal_churn_factor = 80\n", loyal);
    expect_ok("scen-4.40b loyal_churn_factor = 80 (80% meant) loads, with a warning", pct);
    check(sc.nwarnings == 1 && strcmp(sc.warnings[0], "[loyalty] loyal_churn_factor = 80 (line 7) reads as 8000%; if "
                                                      "80% was meant, write 0.8") == 0,
          "scen-4.40c ... saying what 80%% is: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    snprintf(pct, sizeof pct, "%sloyal_orders_factor = 3\nsatisfied_churn_factor = 0.5\n", loyal);
    expect_ok("scen-4.40d a whole loyal_orders_factor below 10 (3: three times as often) loads", pct);
    check(sc.nwarnings == 0, "scen-4.40e ... without a warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    snprintf(pct, sizeof pct, "%sloyal_orders_factor = 120\n", loyal);
    expect_error("scen-4.40j loyal_orders_factor = 120 (120% meant) is refused, with its decimal", pct,
                 "PATH:7: [loyalty] loyal_orders_factor: must be at most 100, got 120 (if 120% was meant, write 1.2)");
    /* damage_rate = 1: every order damaged, which a comment calls 1% */
    static const char damaged[] = "[demand]\norders_per_day = 5\n[order_cycle]\n";
    snprintf(pct, sizeof pct, "%sdamage_rate = 1\n", damaged);
    expect_ok("scen-4.40f damage_rate = 1 (1% meant) loads, with a warning", pct);
    check(sc.nwarnings == 1 && strcmp(sc.warnings[0], "[order_cycle] damage_rate = 1 (line 4) reads as 100%; if 1% "
                                                      "was meant, write 0.01") == 0,
          "scen-4.40g ... saying what 1%% is: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    snprintf(pct, sizeof pct, "%sdamage_rate = 100%%\n", damaged);
    expect_ok("scen-4.40h damage_rate = 100% (written with its '%') loads", pct);
    check(sc.nwarnings == 0, "scen-4.40i ... without a warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    snprintf(pct, sizeof pct, "%spicking_error_rate = 1\n", damaged);
    expect_ok("scen-4.40k picking_error_rate = 1 loads, with a warning", pct);
    check(sc.nwarnings == 1 &&
              strstr(sc.warnings[0], "[order_cycle] picking_error_rate = 1 (line 4) reads as 100%") == sc.warnings[0],
          "scen-4.40l ... as damage_rate's: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    /* a supply_yield of 1% or less: a percentage divided by 100 once too often, as "0.98%" is */
    expect_ok("scen-4.41 supply_yield = 0.0098 (a yield under 1%) loads, with a warning",
              "[demand]\norders_per_day = 5\n[inventory]\npolicy = sS\nreorder_point = 1\norder_up_to = 5\n"
              "supply_yield = 0.0098\n");
    check(sc.nwarnings == 1 && strcmp(sc.warnings[0], "[inventory] supply_yield = 0.0098 (line 7): only 0.98% of each "
                                                      "order would arrive, a yield under 1%; for 98%, write 0.98") == 0,
          "scen-4.41b ... naming the share as a percentage and the yield likely meant: '%s'",
          sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.42 a product's uniform(0.005, 0.01) loads, with a warning",
              "[demand]\norders_per_day = 5\n[inventory]\npolicy = sS\nreorder_point = 1\norder_up_to = 5\n"
              "[product.tea]\nshare = 1\nsupply_yield = uniform(0.005, 0.01)\n");
    check(sc.nwarnings == 1 &&
              strcmp(sc.warnings[0], "[product.tea] supply_yield = uniform(0.005, 0.01) (line 9): only 0.5% to 1% of "
                                     "each order would arrive, a yield of 1% or less; for 50% to 100%, write "
                                     "uniform(0.5, 1)") == 0,
          "scen-4.42b ... with the distribution of the percentages meant: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.43 supply_yield = 0.01 and uniform(0.005, 0.5) load without this warning",
              "[demand]\norders_per_day = 5\n[inventory]\npolicy = sS\nreorder_point = 1\norder_up_to = 5\n"
              "supply_yield = 0.01\n[product.tea]\nshare = 1\nsupply_yield = uniform(0.005, 0.5)\n");
    check(sc.nwarnings == 0, "scen-4.43b ... no warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    /* normal(mean, sd) whose draws below 0 count as 0 (docs/contract.md): said from 5% of them */
    expect_ok("scen-4.70 delivery_days = normal(1, 2) loads, with a warning",
              "[demand]\norders_per_day = 5\n[order_cycle]\ndelivery_days = normal(1, 2)\n");
    check(sc.nwarnings == 1 &&
              strcmp(sc.warnings[0], "[order_cycle] delivery_days = normal(1, 2) (line 4): 31% of its draws fall "
                                     "below 0 and count as 0, so its mean is 1.4, not 1; for a quantity that "
                                     "cannot be negative write gamma(1, 2) or lognormal(1, 2): the same mean and sd, "
                                     "no draw below 0") == 0,
          "scen-4.70b ... the share clipped, the mean it makes and what to write: '%s'",
          sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.71 normal(5, 2) (0.6% below 0) and a product's normal(1, 0.5) (2.3%) load",
              "[demand]\norders_per_day = 5\n[order_cycle]\ndelivery_days = normal(5, 2)\n"
              "[inventory]\npolicy = sQ\nreorder_point = 5\norder_quantity = 10\n"
              "[product.tea]\nshare = 1\nlead_time_days = normal(1, 0.5)\n");
    check(sc.nwarnings == 0, "scen-4.71b ... without this warning: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.72 a product's own lead_time_days = normal(2, 2) loads, with a warning",
              "[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_point = 5\norder_quantity = 10\n"
              "[product.tea]\nshare = 1\nlead_time_days = normal(2, 2)\n");
    check(sc.nwarnings == 1 &&
              strstr(sc.warnings[0], "[product.tea] lead_time_days = normal(2, 2) (line 9): 16% of") == sc.warnings[0],
          "scen-4.72b ... named with its section: '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.73 normal(0, 1): a warning that names no gamma(0, 1), which the reader refuses",
              "[demand]\norders_per_day = 5\n[order_cycle]\ndelivery_days = normal(0, 1)\n");
    check(sc.nwarnings == 1 &&
              strcmp(sc.warnings[0], "[order_cycle] delivery_days = normal(0, 1) (line 4): 50% of its draws fall "
                                     "below 0 and count as 0, so its mean is 0.399, not 0") == 0,
          "scen-4.73b ... '%s'", sc.nwarnings ? sc.warnings[0] : "");
    expect_ok("scen-4.74 normal(100000, 400000)'s mean is written without an exponent",
              "[demand]\norders_per_day = 5\n[order_cycle]\ndelivery_days = normal(100000, 400000)\n");
    check(sc.nwarnings == 1 && strstr(sc.warnings[0], "so its mean is 214538, not 100000") &&
              !strstr(sc.warnings[0], "e+"),
          "scen-4.74b ... '%s'", sc.nwarnings ? sc.warnings[0] : "");
}

/* ---- 5. what inih would mis-read ---- */

/* "[demand]\n" then an orders_per_day = 5 line padded with blanks before the value to
 * `width` bytes, ended by `eol`. */
static void long_line_file(char *buf, size_t n, size_t width, const char *eol)
{
    char line[400];
    memset(line, ' ', sizeof line);
    memcpy(line, "orders_per_day =", 16);
    line[width - 1] = '5';
    line[width] = '\0';
    snprintf(buf, n, "[demand]%s%s%s", eol, line, eol);
}

static void test_inih_pitfalls(void)
{
    char text[1024], want[512];
    long_line_file(text, sizeof text, 196, "\n");
    expect_ok("scen-5.1 a line of 196 bytes loads", text);
    check(sc.orders_per_day == 5, "scen-5.2 ... and its value is read");
    long_line_file(text, sizeof text, 196, "\r\n");
    expect_ok("scen-5.3 a line of 196 bytes with CRLF loads", text);
    long_line_file(text, sizeof text, 197, "\n");
    expect_error("scen-5.4 a line of 197 bytes is an error", text,
                 "PATH:2: [demand] orders_per_day: the setting is 197 bytes long; at most 196 are read (a Chinese "
                 "character takes 3); shorten it (a comment after it may be longer)");
    /* comments of any length: inih is given the line without them */
    char note[1200] = "", notes[5200];
    for (int i = 0; i < 40; i++) strcat(note, "订单处理的说明，");
    snprintf(notes, sizeof notes, "; %s\n[demand] ; %s\norders_per_day = 7 ; %s\r\n  ;%s\nunits_per_order = 2\n", note,
             note, note, note);
    expect_ok("scen-5.4b lines long only for their comment (whole-line, after a header, after a value) load", notes);
    check(sc.orders_per_day == 7 && dist_mean(&sc.cfg.demand.units_per_order) == 2,
          "scen-5.4c ... and the values around them are read (%g, %g)", sc.orders_per_day,
          dist_mean(&sc.cfg.demand.units_per_order));
    char values[400] = "values = 0.5";
    for (int i = 0; i < 40; i++) strcat(values, ", 0.99");
    snprintf(notes, sizeof notes,
             "[demand]\norders_per_day = 7\n[sweep]\nparameter = inventory.safety_factor\n%s ; %s\n", values, note);
    char too_long[300];
    snprintf(too_long, sizeof too_long,
             "PATH:5: [sweep] values: the setting is %zu bytes long; at most 196 are read (a Chinese character "
             "takes 3); shorten it (a comment after it may be longer)",
             strlen(values));
    expect_error("scen-5.4e a setting too long counts its own bytes, not its comment's", notes, too_long);
    snprintf(notes, sizeof notes, "[demand]\norders_per_day = 7 ; %s\nunits_per_order = 2\nbogus_key = 1 ; %s\n", note,
             note);
    expect_error("scen-5.4d ... and a problem after one names its own line", notes,
                 "PATH:4: [demand] bogus_key: unknown key; 'servlab keys demand' lists the keys of [demand]");

    char name[60];
    memset(name, 'k', 49);
    name[49] = '\0';
    snprintf(text, sizeof text, "[demand]\norders_per_day = 5\n%s = 1\n", name);
    snprintf(want, sizeof want, "PATH:3: [demand] %s: unknown key; 'servlab keys demand' lists the keys of [demand]",
             name);
    expect_error("scen-5.5 a key name of 49 characters is read whole", text, want);
    snprintf(text, sizeof text, "[demand]\norders_per_day = 5\n%sk = 1\n", name);
    expect_error("scen-5.6 a key name of 50 characters is an error", text,
                 "PATH:3: [demand] key name is 50 characters long; at most 49 are read");
    snprintf(text, sizeof text, "[%ss]\n", name);
    expect_error("scen-5.7 a section name of 50 characters is an error", text,
                 "PATH:1: section name is 50 characters long; at most 49 are read");

    expect_error("scen-5.8 an indented key line is an error", "[demand]\norders_per_day = 5\n  units_per_order = 2\n",
                 "PATH:3: [demand] line is indented; start it at the first column (an indented line would be "
                 "read as more of the previous value)");
    expect_ok("scen-5.9 an indented comment is fine", "[demand]\n  ; a comment\n\t# another\norders_per_day = 5\n");
    expect_ok("scen-5.10 a blank line of spaces is fine", "[demand]\norders_per_day = 5\n   \n\t\n");
    expect_error("scen-5.11 a duplicate key names the first line",
                 "[demand]\norders_per_day = 5\n\norders_per_day = 6\n",
                 "PATH:4: [demand] orders_per_day: duplicate key (first set on line 2); keep one");
    expect_error("scen-5.12 a duplicate section names the first line",
                 "[demand]\norders_per_day = 5\n[run]\nseed = 2\n[demand]\nunits_per_order = 2\n",
                 "PATH:5: [demand] section appears twice (first on line 1); put all its keys under one header");
    expect_error("scen-5.13 a line with no '='", "[demand]\norders_per_day 5\n",
                 "PATH:2: [demand] expected 'key = value', a [section] header or a comment; found 'orders_per_day 5'");
    expect_error("scen-5.14 'key: value' with a colon", "[demand]\norders_per_day: 5\n",
                 "PATH:2: [demand] write 'key = value' with '=' (':' is not accepted here)");
    expect_error("scen-5.15 an unterminated section header", "[demand\norders_per_day = 5\n",
                 "PATH:1: section header is missing its closing ']'");
    expect_error("scen-5.16 a key before any section", "orders_per_day = 5\n[demand]\n",
                 "PATH:1: orders_per_day: key outside any section; put it under its header, [demand]");
    expect_error("scen-5.16b ... a key of [run] is sent to [run]", "horizon_days = 5\n[demand]\norders_per_day = 5\n",
                 "PATH:1: horizon_days: key outside any section; put it under its header, [run]");
    expect_error("scen-5.16d --set's SECTION.KEY written in a file is told the file's way",
                 "[demand]\norders_per_day = 5\ninventory.reorder_point = 5\n",
                 "PATH:3: [demand] 'inventory.reorder_point' is how --set names a key; in a file write "
                 "'reorder_point = ...' under the header [inventory]");
    expect_error("scen-5.16c ... a name that is no key gets the example", "horizon = 5\n[demand]\norders_per_day = 5\n",
                 "PATH:1: horizon: key outside any section; put it under a header such as [demand]");
    expect_error("scen-5.17 text after ']'", "[demand] rates\norders_per_day = 5\n",
                 "PATH:1: unexpected text after the section header's ']'");
    expect_ok("scen-5.18 a comment after ']' is fine", "[demand] ; customer orders\norders_per_day = 5\n");
    expect_error("scen-5.19 spaces inside the brackets, at both ends: dropped", "[ demand ]\norders_per_day = 5\n",
                 "PATH:1: '[ demand ]' is not a section name (no spaces inside the brackets); did you mean [demand]?");
    expect_error("scen-5.19b a blank before the ']' only, as one after the '['", "[demand ]\norders_per_day = 5\n",
                 "PATH:1: '[demand ]' is not a section name (no spaces inside the brackets); did you mean [demand]?");
    expect_error("scen-5.19c a blank beside a dot is dropped, not made an '_'",
                 "[demand]\norders_per_day = 5\n[location .dc]\n",
                 "PATH:3: '[location .dc]' is not a section name (no spaces inside the brackets); did you mean "
                 "[location.dc]?");
    expect_error("scen-5.19d ... nor doubled beside an '_'", "[order _cycle]\n",
                 "PATH:1: '[order _cycle]' is not a section name (no spaces inside the brackets); did you mean "
                 "[order_cycle]?");
    expect_error("scen-5.20 a value without a key", "[demand]\norders_per_day = 5\n= 3\n",
                 "PATH:3: [demand] a value without a key name before '='");

    static const char nul[] = "[demand]\norders_per_day = 5\0\n";
    expect_error_bytes("scen-5.21 a NUL byte is an error", nul, sizeof nul - 1,
                       "PATH:2: contains a NUL byte; is this a text file?");
    expect_error("scen-5.22 a Latin-1 byte is an error", "[demand]\norders_per_day = 5 ; caf\xe9\n",
                 "PATH:2: contains bytes that are not UTF-8 text; save the file as UTF-8");
    expect_error("scen-5.23 an overlong UTF-8 sequence is an error", "[demand]\n; \xc0\xaf\norders_per_day = 5\n",
                 "PATH:2: contains bytes that are not UTF-8 text; save the file as UTF-8");
    expect_ok("scen-5.24 UTF-8 text in comments is fine",
              "; caf\xc3\xa9 \xe8\x8c\xb6\n[demand]\norders_per_day = 5 ; \xe2\x82\xac\n");
    expect_ok("scen-5.25 a UTF-8 BOM at the start simply works", "\xef\xbb\xbf[demand]\norders_per_day = 5\n");
    check(sc.orders_per_day == 5, "scen-5.26 ... and the first section is read after the BOM");
    expect_error("scen-5.27 a lone CR (old Mac line ends) is an error", "[demand]\rorders_per_day = 5\r",
                 "PATH:1: a carriage return inside the line (old Mac line ends?); save with LF line ends");
    static const char utf16[] = "\xff\xfe[\0d\0e\0m\0a\0n\0d\0]\0\n\0";
    expect_error_bytes("scen-5.27b a UTF-16 file (Windows 'Unicode') is named as such", utf16, sizeof utf16 - 1,
                       "PATH:1: is saved as UTF-16 (Windows 'Unicode'); save it as UTF-8");
    expect_error("scen-5.28 an empty file", "",
                 "PATH: has no settings; a scenario needs at least [demand] orders_per_day (see 'servlab keys')");
    expect_error("scen-5.29 a file of only comments and headers", "; nothing yet\n[demand]\n",
                 "PATH: has no settings; a scenario needs at least [demand] orders_per_day (see 'servlab keys')");

    load_path(tmpdir, NULL, 0);
    check_outcome("scen-5.30 a directory as the path", 2, "PATH: is a directory, not a scenario file");
    snprintf(text, sizeof text, "%s/nosuch.ini", tmpdir);
    load_path(text, NULL, 0);
    check_outcome("scen-5.31 a missing file", 2, "PATH: cannot open: No such file or directory");
    load_path("/dev/null", NULL, 0);
    check_outcome("scen-5.32 a device as the path", 2, "PATH: is not a regular file");
    FILE *big = fopen(big_path, "wb");
    if (!big || ftruncate(fileno(big), 2 << 20) != 0) abort();
    fclose(big);
    load_path(big_path, NULL, 0);
    check_outcome("scen-5.33 a file over 1 MiB", 2, "PATH: is 2097152 bytes; a scenario file may be at most 1048576");

    expect_ok("scen-5.34 inline ' ;' comments after values work",
              "[demand]\norders_per_day = 5 ; five a day\nunits_per_order = geometric(2)\t; mean 2\n"
              "[inventory]\npolicy = sQ ; fixed quantity\nreorder_point = 5 ;s\norder_quantity = 10 ; Q\n");
    check(sc.orders_per_day == 5 && sc.cfg.inventory.policy == policy_find("sQ") &&
              sc.cfg.inventory.reorder_point == 5 && sc.cfg.inventory.order_quantity == 10 &&
              strcmp(fmt(&sc.cfg.demand.units_per_order), "geometric(2)") == 0,
          "scen-5.35 ... and the values before the comments are read");
    expect_value_error("scen-5.36 a value that is only a ' ;' comment is empty", "order_cycle", "delivery_days",
                       "; none yet", "no value; write a number or a distribution such as exponential(2)");
}

/* default.ini with CRLF line ends loads to the same configuration as with LF. */
static void test_crlf(const char *default_ini)
{
    load_path(default_ini, NULL, 0);
    check_outcome("scen-5.40 the default scenario loads", 0, "");
    if (out.rc != 0) return;      /* run from the repo root, or pass the path */
    struct model_config lf = {0}; /* sc is loaded again below: a copy of its own */
    model_config_copy(&lf, &sc.cfg);
    size_t len;
    char *text = read_all(default_ini, &len);
    char *crlf = malloc(2 * len + 1);
    if (!crlf) abort();
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') crlf[n++] = '\r';
        crlf[n++] = text[i];
    }
    load_bytes(crlf, n, NULL, 0);
    check_outcome("scen-5.41 the default scenario with CRLF line ends loads", 0, "");
    const char *diff = config_difference(&lf, &sc.cfg);
    check(!diff, "scen-5.42 CRLF gives the same configuration as LF (first difference: %s)", diff ? diff : "none");
    model_config_fini(&lf);
    free(crlf);
    free(text);
}

/* ---- 6. --set overrides ---- */

static void test_overrides(void)
{
    const char *minimal = "[demand]\norders_per_day = 5\n";
    struct scenario_override set = {.assignment = "run.replications=3"};
    load_bytes(minimal, strlen(minimal), &set, 1);
    check_outcome("scen-6.1 --set run.replications=3 loads", 0, "");
    check(sc.cfg.run.replications == 3, "scen-6.2 --set changes the value (got %u)", sc.cfg.run.replications);
    check(origin_of("run", "replications")->from == FROM_COMMAND_LINE,
          "scen-6.3 the value's origin is the command line");
    char *text = written();
    const char *line = strstr(text, "\nreplications = 3 ");
    size_t len = line ? strcspn(line + 1, "\n") : 0;
    check(line && len > 7 && strncmp(line + 1 + len - 7, "; --set", 7) == 0,
          "scen-6.4 scenario_write notes that the value came from --set");
    free(text);

    /* a full-width comma in a number: the number to write, as value_number's hint writes it */
    expect_set_error("scen-6.34 a full-width decimal comma: write 0.8", minimal, "costs.order_fixed=0\uFF0C8", NULL,
                     "--set costs.order_fixed=0\uFF0C8: [costs] order_fixed: full-width '\uFF0C' (U+FF0C) in a number; "
                     "write 0.8");
    expect_set_error("scen-6.34b ... between groups of thousands: write 1200", minimal, "costs.order_fixed=1\uFF0C200",
                     NULL,
                     "--set costs.order_fixed=1\uFF0C200: [costs] order_fixed: full-width '\uFF0C' (U+FF0C) in a "
                     "number; write 1200");
    expect_set_error("scen-6.34c ... '\u3001' too, named as Chinese punctuation", minimal, "costs.order_fixed=0\u30018",
                     NULL,
                     "--set costs.order_fixed=0\u30018: [costs] order_fixed: Chinese punctuation '\u3001' (U+3001) in "
                     "a number; write 0.8");
    expect_set_error("scen-6.34d ... but a list of numbers is told the ','", minimal,
                     "costs.order_fixed=1\uFF0C2\uFF0C3", NULL,
                     "--set costs.order_fixed=1\uFF0C2\uFF0C3: [costs] order_fixed: full-width '\uFF0C' (U+FF0C); type "
                     "',' (switch the input method to half-width)");
    expect_set_error("scen-6.34e ... as is a list key's", minimal, "sweep.values=1\uFF0C2", NULL,
                     "--set sweep.values=1\uFF0C2: [sweep] values: full-width '\uFF0C' (U+FF0C); type ',' (switch the "
                     "input method to half-width)");
    expect_set_error("scen-6.34f ... and a comma after a number, as a sentence ends", minimal,
                     "costs.order_fixed=40\uFF0C", NULL,
                     "--set costs.order_fixed=40\uFF0C: [costs] order_fixed: full-width '\uFF0C' (U+FF0C); type ',' "
                     "(switch the input method to half-width)");

    expect_set_error("scen-6.5 --set with a misspelt key suggests reorder_point", minimal, "inventory.reorder_piont=5",
                     NULL,
                     "--set inventory.reorder_piont=5: [inventory] reorder_piont: unknown key; did you mean "
                     "'reorder_point'?");
    {
        /* a long Chinese --set: its place (300 bytes) and the key (64) are cut before a character */
        char assignment[400] = "inventory.", want[800] = "--set inventory.";
        for (int i = 0; i < 100; i++) strcat(assignment, "\u5929");
        strcat(assignment, "=5");
        for (int i = 0; i < 94; i++) strcat(want, "\u5929");
        strcat(want, ": [inventory] ");
        for (int i = 0; i < 21; i++) strcat(want, "\u5929");
        strcat(want, ": unknown key; 'servlab keys inventory' lists the keys of [inventory]");
        expect_set_error("scen-6.5b a long Chinese --set is quoted in whole characters", minimal, assignment, NULL,
                         want);
    }
    expect_set_error("scen-6.6 --set without '='", minimal, "run.replications", NULL,
                     "--set run.replications: write --set SECTION.KEY=VALUE, for example --set "
                     "inventory.reorder_point=150");
    expect_set_error("scen-6.7 --set without a section dot: the one key of that name, whole", minimal, "replications=3",
                     NULL, "--set replications=3: name the section too: --set run.replications=3");
    expect_set_error("scen-6.7b --set of a name several sections have: the general form", minimal, "share=1", NULL,
                     "--set share=1: write --set SECTION.KEY=VALUE, for example --set inventory.reorder_point=150");
    expect_set_error("scen-6.8 --set with a misspelt section", minimal, "invntory.policy=sQ", NULL,
                     "--set invntory.policy=sQ: [invntory] unknown section; did you mean [inventory]?");
    expect_set_error("scen-6.9 --set with a bad value", minimal, "inventory.policy=sq", NULL,
                     "--set inventory.policy=sq: [inventory] policy: unknown choice 'sq'; did you mean 'sQ'? "
                     "(one of none | sQ | sS | base_stock)");
    expect_set_error("scen-6.10 a label names the option in messages", minimal, "run.replications=0", "--reps 0",
                     "--reps 0: [run] replications: must be >= 1, got 0");

    const char *gaps = "[demand]\ninterarrival_days = uniform(0.1, 0.3)\n";
    set = (struct scenario_override){.assignment = "demand.orders_per_day=8", .label = NULL};
    load_bytes(gaps, strlen(gaps), &set, 1);
    check_outcome("scen-6.11 --set orders_per_day replaces interarrival_days from the file (no 'both')", 0, "");
    check(strcmp(fmt(&sc.cfg.demand.interarrival_days), "exponential(0.125)") == 0,
          "scen-6.12 ... and the gaps are exponential with mean 1/8 (got %s)", fmt(&sc.cfg.demand.interarrival_days));
    set = (struct scenario_override){.assignment = "demand.interarrival_days=2", .label = NULL};
    load_bytes(minimal, strlen(minimal), &set, 1);
    check_outcome("scen-6.13 --set interarrival_days replaces orders_per_day from the file", 0, "");
    check(strcmp(fmt(&sc.cfg.demand.interarrival_days), "2") == 0, "scen-6.14 ... and the gaps are constant 2 (got %s)",
          fmt(&sc.cfg.demand.interarrival_days));

    struct scenario_override two[] = {{.assignment = "inventory.policy=sQ"},
                                      {.assignment = "inventory.order_quantity=30"}};
    const char *with_s = "[demand]\norders_per_day = 5\n[inventory]\nreorder_point = 10\n";
    load_bytes(with_s, strlen(with_s), two, 2);
    check_outcome("scen-6.15 two --set options complete a policy started in the file", 0, "");
    check(sc.cfg.inventory.initial_on_hand == 40, "scen-6.16 ... and s + Q is on hand at the start (got %g)",
          sc.cfg.inventory.initial_on_hand);

    /* the file syntax allows blanks around '=' and values; --set should read the same */
    set = (struct scenario_override){.assignment = "run.replications = 3", .label = NULL};
    load_bytes(minimal, strlen(minimal), &set, 1);
    check_outcome("scen-6.17 --set 'run.replications = 3' (blanks around '=') works as in a file", 0, "");
    set = (struct scenario_override){.assignment = "inventory.policy= none", .label = NULL};
    load_bytes(minimal, strlen(minimal), &set, 1);
    check_outcome("scen-6.18 --set 'inventory.policy= none' (a blank before a choice) reads none, as numbers do", 0,
                  "");

    /* --set has no line-length limit: the reader's buffers must refuse, never cut */
    char assignment[1200];
    size_t used = (size_t)snprintf(assignment, sizeof assignment, "sweep.values=1, 2, ");
    memset(assignment + used, '0', 150);
    snprintf(assignment + used + 150, sizeof assignment - used - 150, "3");
    expect_set_error("scen-6.19 a sweep value of 151 characters is refused, not cut", minimal, assignment, "--values",
                     "--values: [sweep] values: item 3 is too long (at most 119 characters)");
    used = (size_t)snprintf(assignment, sizeof assignment, "demand.units_per_order=discrete(");
    for (int i = 0; i < 60; i++)
        used += (size_t)snprintf(assignment + used, sizeof assignment - used, "%d.000000:1, ", i + 1);
    snprintf(assignment + used, sizeof assignment - used, "61:1)");
    expect_set_error("scen-6.20 a distribution of 840 characters is refused, not cut", minimal, assignment, "--set",
                     "--set: [demand] units_per_order: 'discrete(1.000000:1,...' is too long for a distribution (at "
                     "most 639 characters)");
}

/* ---- 6b. the service measure of a sweep must have a value ---- */

static void test_sweep_service(void)
{
    const char *no_promise = "[demand]\norders_per_day = 5\n[sweep]\nparameter = run.horizon_days\n"
                             "values = 10, 20\nservice = on_time_rate\n";
    expect_error("scen-6.30 on_time_rate without promise_days", no_promise,
                 "PATH:6: [sweep] service: on_time_rate has no value in this scenario: set [order_cycle] "
                 "promise_days, the promise it is measured against");
    expect_error("scen-6.31 cycle_service_level without stock",
                 "[demand]\norders_per_day = 5\n[sweep]\nparameter = run.horizon_days\nvalues = 10, 20\n"
                 "service = cycle_service_level\n",
                 "PATH:6: [sweep] service: cycle_service_level has no value in this scenario: policy none holds no "
                 "stock, so there are no replenishment cycles");
    expect_error("scen-6.32 processing_utilisation with unlimited clerks",
                 "[demand]\norders_per_day = 5\n[sweep]\nparameter = run.horizon_days\nvalues = 10, 20\n"
                 "service = processing_utilisation\n",
                 "PATH:6: [sweep] service: processing_utilisation has no value in this scenario: "
                 "processing_servers = 0 is an unlimited pure delay, never busy");
    expect_ok("scen-6.33 on_time_rate with a promise is fine",
              "[demand]\norders_per_day = 5\n[order_cycle]\npromise_days = 2\n[sweep]\n"
              "parameter = run.horizon_days\nvalues = 10, 20\nservice = on_time_rate\n");
}

/* ---- 7. many problems at once ---- */

static void test_many_problems(void)
{
    expect_error("scen-7.1 several value problems are all reported, in line order",
                 "[run]\nreplications = 0\nseed = -1\n[demand]\norders_per_dya = 5\nunits_per_order = exponentail(2)\n"
                 "[inventory]\npolicy = sq\n[shiping]\ncarrier = post\n",
                 "PATH:2: [run] replications: must be >= 1, got 0");
    check(strstr(out.text, "PATH:8: [inventory] policy: ") < strstr(out.text, "PATH:9: [shiping] unknown section"),
          "scen-7.1b ... the unknown section on line 9 comes after line 8's problem");
    check(out.lines == 6, "scen-7.2 ... six lines, one per problem (got %zu)", out.lines);
    check(strstr(out.text, "PATH:2: [run] replications: ") && strstr(out.text, "PATH:3: [run] seed: ") &&
              strstr(out.text, "PATH:5: [demand] orders_per_dya: ") &&
              strstr(out.text, "PATH:6: [demand] units_per_order: ") &&
              strstr(out.text, "PATH:8: [inventory] policy: "),
          "scen-7.3 ... each naming its line, section and key");

    expect_error("scen-7.4 several line problems are all reported",
                 "[demand]\n  orders_per_day = 5\nunits_per_order: 2\n[demand]\n",
                 "PATH:2: [demand] line is indented; start it at the first column (an indented line would be read "
                 "as more of the previous value)");
    check(out.lines == 3, "scen-7.5 ... three lines (got %zu)", out.lines);

    char text[2048] = "[demand]\norders_per_day = 5\n";
    for (int i = 0; i < 25; i++) {
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "zz%d = 1\n", i);
    }
    expect_error("scen-7.6 25 unknown keys", text,
                 "PATH:3: [demand] zz0: unknown key; 'servlab keys demand' lists the keys of [demand]");
    check(out.lines == 21, "scen-7.7 ... 20 are reported and one line counts the rest (got %zu lines)", out.lines);
    check(strstr(out.text, "\nPATH: ... and 5 more problems\n") != NULL, "scen-7.8 ... 'and 5 more problems'");
}

/* ---- 8. scenario_write reads back to the same scenario ---- */

/* text without its first line, each line cut before its " ;" comment (the origin notes
 * name lines of the file that was read, so they change from one generation to the
 * next) (free it). */
static char *assignments(const char *text)
{
    char *copy = strdup(after_first_line(text)), *to = copy;
    for (const char *line = after_first_line(text); *line;) {
        size_t len = strcspn(line, "\n");
        const char *comment = strstr(line, " ;");
        size_t keep = comment && (size_t)(comment - line) < len ? (size_t)(comment - line) : len;
        while (keep && line[keep - 1] == ' ') keep--;
        memcpy(to, line, keep);
        to += keep;
        *to++ = '\n';
        line += len + (line[len] == '\n');
    }
    *to = '\0';
    return copy;
}

/* Write text to path, load it and return scenario_write's text for it (free it), or
 * NULL if it does not load. */
static char *rewrite(const char *text, const char *path)
{
    write_bytes(path, text, strlen(text));
    load_path(path, NULL, 0);
    return out.rc == 0 ? written() : NULL;
}

/* Load path (with sets), write it, read that back, write again, and again. */
static void round_trip(int group, const char *label, const char *path, const struct scenario_override *sets,
                       size_t nsets)
{
    char name[200], again[160];
    snprintf(again, sizeof again, "%s/resolved.ini", tmpdir);
    load_path(path, sets, nsets);
    snprintf(name, sizeof name, "scen-8.%d.1 %s loads", group, label);
    check_outcome(name, 0, "");
    if (out.rc != 0) return; /* scenario_write needs a resolved scenario */
    struct model_config first = {0};
    model_config_copy(&first, &sc.cfg);
    char *a = written();
    char *b = rewrite(a, again);
    snprintf(name, sizeof name, "scen-8.%d.2 %s: scenario_write's output loads again", group, label);
    check_outcome(name, 0, "");
    if (b) {
        const char *diff = config_difference(&first, &sc.cfg);
        check(!diff, "scen-8.%d.3 %s: ... to the same configuration (first difference: %s)", group, label,
              diff ? diff : "none");
        char *keys_a = assignments(a), *keys_b = assignments(b);
        check(strcmp(keys_a, keys_b) == 0, "scen-8.%d.4 %s: ... and writes the same assignments again", group, label);
        char *c = rewrite(b, again);
        check(c && strcmp(after_first_line(b), after_first_line(c)) == 0,
              "scen-8.%d.5 %s: the second and third writes are byte-identical after the first line", group, label);
        free(c);
        free(keys_a);
        free(keys_b);
    }
    unlink(again);
    model_config_fini(&first);
    free(a);
    free(b);
}

static void test_round_trip(const char *default_ini)
{
    round_trip(1, "default.ini", default_ini, NULL, 0);
    check(strcmp(fmt(&sc.cfg.inventory.lead_time_days), "gamma(5, 1.5)") == 0 &&
              sc.cfg.inventory.initial_on_hand == 1700,
          "scen-8.1.6 default.ini: lead time and the derived initial stock survive (%s, %g)",
          fmt(&sc.cfg.inventory.lead_time_days), sc.cfg.inventory.initial_on_hand);

    const char *rich = "[run]\nhorizon_days = 100.5\nwarmup_days = 7.25\nreplications = 3\nseed = 12345678901\n"
                       "[demand]\ninterarrival_days = discrete(0.1:1, 0.25:2, 1:0.5)\n"
                       "first_order_days = 0.3333333333333333\nunits_per_order = poisson(2.5)\n"
                       "[order_cycle]\ntransmission_days = lognormal(0.5, 0.2)\nprocessing_days = erlang(3, 0.05)\n"
                       "processing_servers = 2\npicking_days = normal(0.1, 0.05)\npicking_servers = 3\n"
                       "delivery_days = uniform(1, 2)\npromise_days = 2.5\n"
                       "[inventory]\npolicy = sS\nreview_days = 7\nreorder_point = -5\norder_up_to = 60\n"
                       "lead_time_days = triangular(1, 2, 6)\ninitial_on_hand = 12\nshortage = backorder\n"
                       "[costs]\nholding_per_unit_day = 0.01\norder_fixed = 40\norder_per_unit = 3.5\n"
                       "backorder_per_unit_day = 0.2\nbackorder_per_unit = 1e-3\nlost_sale_per_unit = 0\n"
                       "[revenue]\nprice_per_unit = 19.99\n";
    write_bytes(ini_path, rich, strlen(rich));
    struct scenario_override set = {.assignment = "costs.order_fixed=75"};
    round_trip(2, "every family and optional key, one --set", ini_path, &set, 1);
    check(sc.cfg.costs.order_fixed == 75 && sc.cfg.demand.has_first_order && sc.cfg.order_cycle.has_promise &&
              strcmp(fmt(&sc.cfg.demand.interarrival_days), "discrete(0.1:1, 0.25:2, 1:0.5)") == 0,
          "scen-8.2.6 the --set value, the optional keys and discrete weights survive (%s)",
          fmt(&sc.cfg.demand.interarrival_days));
}

/* ---- 9. the key table ---- */

/* True if key d's value at v is its default, parsed on its own. */
static bool holds_default(const struct key_def *d, const void *v)
{
    char err[200];
    double x;
    struct dist want;
    switch (d->type) {
    case KEY_NUMBER: return value_number(d->fallback, &x, err, sizeof err) == 0 && *(const double *)v == x;
    case KEY_COUNT: return value_number(d->fallback, &x, err, sizeof err) == 0 && *(const unsigned *)v == (unsigned)x;
    case KEY_SEED: return value_number(d->fallback, &x, err, sizeof err) == 0 && *(const uint64_t *)v == (uint64_t)x;
    case KEY_DIST: return value_dist(d->fallback, &want, err, sizeof err) == 0 && strcmp(fmt(v), fmt(&want)) == 0;
    case KEY_CHOICE: return strcmp(d->choice((size_t)d->choice_get(v)), d->fallback) == 0;
    case KEY_TEXT: return strcmp((const char *)v, d->fallback) == 0;
    case KEY_LIST: return false; /* lists have no default */
    }
    return false;
}

/* The ids and the family copies of reader/keys.def, and the fuzz dictionary made from them. */
static void test_key_ids(void)
{
    check(key_count == KEY_IDS && strcmp(key_defs[K_INVENTORY_REORDER_POINT].name, "reorder_point") == 0 &&
              key_find("product.x", "reorder_point") == K_PRODUCT_REORDER_POINT,
          "scen-9.15 ids index the table: K_INVENTORY_REORDER_POINT, K_PRODUCT_REORDER_POINT");
    size_t copies = 0;
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k], *g = d->inherit;
        size_t words = 0;
        while (d->type == KEY_CHOICE && d->choice(words)) words++;
        check(words <= KEY_CHOICES_MAX, "scen-9.16 [%s] %s has at most KEY_CHOICES_MAX words", d->section, d->name);
        if (!g) {
            check(key_root(k) == k, "scen-9.17 [%s] %s is its own root", d->section, d->name);
            continue;
        }
        copies++;
        check(!g->family && d->family && key_root(k) == (size_t)(g - key_defs) &&
                  key_copy(d->family, key_root(k)) == (int)k,
              "scen-9.18 [%s.NAME] %s copies [%s] %s (key_root, key_copy)", d->section, d->name, g->section, g->name);
        /* a COPY_AS row names its copy: a different name that ends with the global one */
        bool named = d->name == g->name || (strcmp(d->name, g->name) != 0 && strstr(d->name, g->name));
        check(named && d->type == g->type && d->unit == g->unit && d->min == g->min && d->max == g->max &&
                  (d->flags & ~(unsigned)KEY_IN_ENTRY) == g->flags && d->choice == g->choice &&
                  d->check_text == g->check_text && d->applies == g->applies && !d->fallback,
              "scen-9.19 [%s.NAME] %s has the type, unit, bounds, flags and applies of [%s] %s", d->section, d->name,
              g->section, g->name);
    }
    check(copies >= 40, "scen-9.20 the family copies inherit (%zu COPY rows)", copies);
    for (size_t k = 0; k < key_count; k++) { /* key_full_name: what --set and the sweep write */
        const struct key_def *d = &key_defs[k];
        const char *full = key_full_name((enum key_id)k), *dot = strrchr(full, '.');
        char section[80] = "", want[160];
        if (dot) snprintf(section, sizeof section, "%.*s", (int)(dot - full), full);
        snprintf(want, sizeof want, "%s.NAME.%s", d->section, d->name);
        check(d->family ? strcmp(full, want) == 0 : dot && key_find(section, dot + 1) == (int)k,
              "scen-9.35 key_full_name(%zu) = '%s' names [%s] %s", k, full, d->section, d->name);
    }
    check(strcmp(key_full_name(K_RUN_REPLICATIONS), "run.replications") == 0 &&
              strcmp(key_full_name(K_PRODUCT_REORDER_POINT), "product.NAME.reorder_point") == 0,
          "scen-9.36 key_full_name: run.replications, product.NAME.reorder_point");
    /* the committed fuzz dictionary is the one the table writes */
    char *dict = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&dict, &len);
    if (!f) abort();
    keys_write_dict(f);
    fclose(f);
    FILE *in = fopen("fuzz/scenario.dict", "r");
    char file[65536];
    size_t got = in ? fread(file, 1, sizeof file - 1, in) : 0;
    if (in) fclose(in);
    file[got] = '\0';
    check(got == len && memcmp(file, dict, len) == 0,
          "scen-9.21 fuzz/scenario.dict is current (if the key table changed, run: make fuzz-dict)");
    check(strstr(dict, "\"reorder_point = \"") && strstr(dict, "\"[product.a]\"") && strstr(dict, "\"base_stock\"") &&
              strstr(dict, "\"fill_rate\"") && strstr(dict, "\"exponential(\""),
          "scen-9.22 the dictionary has keys, sections, choices, metrics and distributions");
    free(dict);
}

/* What `servlab check` writes for key `name` ("demand.orders_per_day") of the last
 * scenario loaded: its value, or "(why it is unset)" (scenario_value). */
static const char *value_of(const char *name)
{
    static char buf[300];
    if (scenario_value(&sc, name, buf, sizeof buf) != 0) snprintf(buf, sizeof buf, "(no such key)");
    return buf;
}

/* The key table's .applies, EITHER and KEY_OFF_AT_ZERO give check's reasons for unused
 * keys (reader/scenario.c why_unset), for every key that has them. */
static void test_unused_reasons(void)
{
    size_t pairs = 0;
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        if (!d->either) continue;
        pairs++;
        check(!d->family && d->either->either == d && d->either != d,
              "scen-9.23 [%s] %s and %s name each other as an either-or pair", d->section, d->name, d->either->name);
    }
    check(pairs == 2, "scen-9.24 one either-or pair (orders_per_day, interarrival_days): %zu keys", pairs);
    char name[160], want[200];
    const char *texts[] = {"[demand]\norders_per_day = 5\n[inventory]\npolicy = base_stock\norder_up_to = 10\n",
                           "[demand]\ninterarrival_days = exponential(0.2)\n"};
    for (size_t i = 0; i < 2; i++) {
        load_text(texts[i]);
        check_outcome("scen-9.25 a scenario with one of the pair loads", 0, "");
        for (size_t k = 0; k < key_count; k++) {
            const struct key_def *d = &key_defs[k];
            if (!d->either) continue;
            bool is_given = origin_of(d->section, d->name)->from != FROM_DEFAULT;
            snprintf(name, sizeof name, "%s.%s", d->section, d->name);
            snprintf(want, sizeof want, "(not used: %s is given)", d->either->name);
            check(is_given != (strcmp(value_of(name), want) == 0), "scen-9.26 %s: '%s' (given: %d)", name,
                  value_of(name), is_given);
        }
    }
    for (size_t k = 0; k < key_count; k++) { /* the last scenario has one product and no stock */
        const struct key_def *d = &key_defs[k];
        snprintf(name, sizeof name, "%s.%s", d->section, d->name);
        if (!d->family && d->applies == APPLIES_PRODUCTS)
            check(strcmp(value_of(name), "(not used: one product)") == 0, "scen-9.27 %s with one product: %s", name,
                  value_of(name));
    }
    load_text(texts[0]);
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        snprintf(name, sizeof name, "%s.%s", d->section, d->name);
        if (!d->family && (d->flags & KEY_OFF_AT_ZERO))
            check(strcmp(value_of(name), "(not set)") == 0, "scen-9.28 %s = 0 is written as not set: %s", name,
                  value_of(name));
    }
    struct scenario_override three = {.assignment = "inventory.catalog_items=3"};
    load_bytes(texts[0], strlen(texts[0]), &three, 1);
    check(strcmp(value_of("inventory.catalog_items"), "3") == 0, "scen-9.29 catalog_items = 3 is written: %s",
          value_of("inventory.catalog_items"));
    check(strcmp(value_of("demand.lines_per_order"), "1") == 0,
          "scen-9.30 lines_per_order is used with three products: %s", value_of("demand.lines_per_order"));
    load_text("[customers]\ninitial = 100\norders_per_customer_day = 0.1\n");
    check_outcome("scen-9.31 a customer base loads", 0, "");
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        snprintf(name, sizeof name, "%s.%s", d->section, d->name);
        if (!d->family && d->applies == APPLIES_ARRIVALS)
            check(strcmp(value_of(name), "(not used: orders come from [customers])") == 0,
                  "scen-9.32 %s with a customer base: %s", name, value_of(name));
    }
    char cwd[512], text[800];
    if (!getcwd(cwd, sizeof cwd)) abort();
    for (int fit = 0; fit <= 1; fit++) {
        snprintf(text, sizeof text,
                 "[demand]\nhistory = %s/scenarios/planner/history/bolt_01.csv\nhistory_kind = daily\n"
                 "history_mode = %s\n",
                 cwd, fit ? "fit" : "replay");
        load_text(text);
        check_outcome("scen-9.33 a history loads", 0, "");
        for (size_t k = 0; k < key_count; k++) {
            const struct key_def *d = &key_defs[k];
            if (d->family || (d->applies != APPLIES_ARRIVALS && d->applies != APPLIES_OWN_DEMAND)) continue;
            snprintf(name, sizeof name, "%s.%s", d->section, d->name);
            /* the history's order gaps and sizes stay in the two keys for the levers' theory */
            bool derived = k == K_DEMAND_INTERARRIVAL_DAYS || k == K_DEMAND_UNITS_PER_ORDER;
            const char *v = value_of(name);
            check(derived && fit ? strncmp(v, "(fitted to the history: ", 24) == 0
                  : derived ? strcmp(v, "(from the history, for the service levers' theory only: the history gives "
                                        "the orders)") == 0
                            : strcmp(v, "(not used: the history gives the orders)") == 0,
                  "scen-9.34 %s with a history (%s): %s", name, fit ? "fit" : "replay", v);
        }
    }
}

/* ---- 12. scenario_each_key: every key with its canonical value and origin ---- */

struct listed {
    char names[400][160];
    char values[400][300];
    enum key_from from[400];
    bool not_set[400];
    size_t n;
    bool overflow;
};

static void list_key(void *ctx, const char *full_name, const char *value, enum key_from from, bool not_set)
{
    struct listed *l = ctx;
    if (l->n == sizeof l->names / sizeof l->names[0]) {
        l->overflow = true;
        return;
    }
    snprintf(l->names[l->n], sizeof l->names[0], "%s", full_name);
    snprintf(l->values[l->n], sizeof l->values[0], "%s", value);
    l->not_set[l->n] = not_set;
    l->from[l->n++] = from;
}

static const struct listed *listed_find(const struct listed *l, const char *name, size_t *at)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->names[i], name) == 0) {
            *at = i;
            return l;
        }
    return NULL;
}

static void test_each_key(void)
{
    load_text("[demand]\norders_per_day = 5\n[inventory]\npolicy = base_stock\norder_up_to = 10\n"
              "[revenue]\nprice_per_unit = 35\n[product.tea]\nshare = 0.5\nprice_per_unit = 12\n"
              "[product.cup]\nshare = 0.5\n");
    check_outcome("scen-12.1 a scenario with two products loads", 0, "");
    static struct listed l;
    memset(&l, 0, sizeof l);
    scenario_each_key(&sc, list_key, &l);
    check(!l.overflow && l.n > 50, "scen-12.2 scenario_each_key lists the keys (%zu)", l.n);
    size_t bad = 0, dup = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (strcmp(value_of(l.names[i]), l.values[i]) != 0) bad++;
        for (size_t j = 0; j < i; j++) dup += strcmp(l.names[i], l.names[j]) == 0;
    }
    check(bad == 0, "scen-12.3 every value listed is what scenario_value gives (%zu differ)", bad);
    check(dup == 0, "scen-12.4 no key is listed twice (%zu are)", dup);
    size_t at = 0;
    check(listed_find(&l, "product.tea.price_per_unit", &at) && strcmp(l.values[at], "12") == 0 &&
              l.from[at] == FROM_FILE,
          "scen-12.5 product.tea.price_per_unit = 12 from the file (%s)", l.values[at]);
    check(listed_find(&l, "product.cup.price_per_unit", &at) && strcmp(l.values[at], "35") == 0 &&
              l.from[at] == FROM_INHERITED,
          "scen-12.6 product.cup.price_per_unit = 35 inherited from [revenue] (%s)", l.values[at]);
    check(listed_find(&l, "run.seed", &at) && strcmp(l.values[at], "1") == 0 && l.from[at] == FROM_DEFAULT,
          "scen-12.7 run.seed = 1 by default");
    check(listed_find(&l, "product.tea.reorder_point", &at) &&
              strcmp(l.values[at], "(not used by policy base_stock)") == 0,
          "scen-12.8 an unused key is listed with why: %s", l.values[at]);
    size_t nnot_set = 0, unlike = 0;
    for (size_t i = 0; i < l.n; i++) {
        nnot_set += l.not_set[i];
        unlike += l.not_set[i] != (strcmp(l.values[i], "(not set)") == 0);
    }
    check(nnot_set > 0 && unlike == 0 && listed_find(&l, "product.tea.reorder_point", &at) && !l.not_set[at],
          "scen-12.8b not_set is given with exactly the keys listed as (not set) (%zu; %zu unlike), not the unused",
          nnot_set, unlike);
    check(!listed_find(&l, "location.a.share", &at) && !listed_find(&l, "locations.transfer_days", &at),
          "scen-12.9 sections the scenario does not have are not listed");
    /* the same keys, section by section, as check writes them */
    char *text = written(), section[80] = "", first[160] = "";
    size_t lines = 0, missing = 0;
    for (char *save = NULL, *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char key[80];
        int end = 0; /* set only when " =" follows the name (sscanf counts the name alone) */
        if (sscanf(line, "[%79[^]]]", section) == 1) continue;
        if (!(sscanf(line, "; %79[a-z_0-9] =%n", key, &end) == 1 && end) &&
            !(sscanf(line, "%79[a-z_0-9] =%n", key, &end) == 1 && end))
            continue;
        char name[160];
        snprintf(name, sizeof name, "%s.%s", section, key);
        lines++;
        if (!listed_find(&l, name, &at) && !missing++) snprintf(first, sizeof first, "%s", name);
    }
    free(text);
    check(lines == l.n && missing == 0,
          "scen-12.10 check writes the same keys: %zu key lines, %zu listed, %zu written but not listed (%s)", lines,
          l.n, missing, first);
    struct scenario_override set = {.assignment = "product.tea.price_per_unit=9"};
    const char *two = "[demand]\norders_per_day = 5\n[product.tea]\nshare = 0.5\n[product.cup]\nshare = 0.5\n";
    load_bytes(two, strlen(two), &set, 1);
    memset(&l, 0, sizeof l);
    scenario_each_key(&sc, list_key, &l);
    check(listed_find(&l, "product.tea.price_per_unit", &at) && strcmp(l.values[at], "9") == 0 &&
              l.from[at] == FROM_COMMAND_LINE,
          "scen-12.11 a --set value is listed as from the command line (%s)", l.values[at]);
}

static void test_key_table(void)
{
    expect_ok("scen-9.1 the minimal file loads", "[demand]\norders_per_day = 5\n");
    char *listing = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&listing, &len);
    if (!f) abort();
    check(keys_print(f, NULL) == 0, "scen-9.2 keys_print(NULL) prints every section");
    fclose(f);
    const char *section = "";
    size_t section_index = 0;
    bool contiguous = true;
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        char sec[64];
        snprintf(sec, sizeof sec, "%s%s", d->section, d->family ? ".x" : ""); /* a named section for families */
        if (d->fallback && !d->family)
            check(sc.origin[k].from == FROM_DEFAULT && holds_default(d, (const char *)&sc + d->offset),
                  "scen-9.3 [%s] %s loads its default '%s'", d->section, d->name, d->fallback);
        check(d->meaning && *d->meaning, "scen-9.4 [%s] %s has a meaning", d->section, d->name);
        check(key_section_known(sec), "scen-9.5 [%s] %s: its section is known", sec, d->name);
        check(key_find(sec, d->name) == (int)k, "scen-9.6 key_find finds [%s] %s", sec, d->name);
        check(strlen(d->name) <= 49, "scen-9.7 [%s] %s fits inih's 49-character names", d->section, d->name);
        char word[80];
        snprintf(word, sizeof word, "  %s ", d->name);
        check(strstr(listing, word) != NULL, "scen-9.8 keys_print mentions [%s] %s", d->section, d->name);
        if (!d->family && strcmp(d->section, section) != 0) {
            while (key_sections[section_index] && strcmp(key_sections[section_index], d->section) != 0) section_index++;
            contiguous = contiguous && key_sections[section_index] != NULL;
            section = d->section;
        }
    }
    /* family keys with a default hold it in a freshly opened section */
    expect_ok("scen-9.13 a file with a tier, a channel and a location (and so a region) loads",
              "[demand]\norders_per_day = 5\n[tier.t]\n[channel.c]\n[location.l]\n");
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        if (!d->family || !d->fallback) continue;
        const struct entry *e = d->family == FAMILY_TIER       ? &sc.tiers[0]
                                : d->family == FAMILY_CHANNEL  ? &sc.channels[0]
                                : d->family == FAMILY_LOCATION ? &sc.locations[0]
                                : d->family == FAMILY_REGION   ? &sc.regions[0]
                                                               : NULL;
        const void *base = d->flags & KEY_IN_ENTRY        ? (const void *)e
                           : d->family == FAMILY_TIER     ? (const void *)&sc.cfg.tiers[0]
                           : d->family == FAMILY_CHANNEL  ? (const void *)&sc.cfg.channels[0]
                           : d->family == FAMILY_LOCATION ? (const void *)&sc.cfg.locations[0]
                           : d->family == FAMILY_REGION   ? (const void *)&sc.cfg.regions[0]
                                                          : NULL;
        check(base && holds_default(d, (const char *)base + d->offset), "scen-9.14 [%s.NAME] %s holds its default '%s'",
              d->section, d->name, d->fallback);
    }
    check(contiguous, "scen-9.9 each section's keys are together, in key_sections order (scenario_write relies on it)");
    free(listing);
    f = open_memstream(&listing, &len);
    if (!f) abort();
    check(keys_print(f, "nosuch") == -1, "scen-9.10 keys_print of an unknown section returns -1");
    check(keys_print(f, "inventory") == 0, "scen-9.11 keys_print of one section returns 0");
    fclose(f);
    check(strstr(listing, "base_stock") && !strstr(listing, "horizon_days"),
          "scen-9.12 ... and prints that section only");
    free(listing);
    test_key_ids();
    test_unused_reasons();
}

/* ---- 10. value_number, value_dist, suggest_nearest on their own ---- */

static void test_value_functions(void)
{
    char err[300] = "";
    double x = -1;
    check(value_number("1e-999", &x, err, sizeof err) == -1 &&
              strcmp(err, "'1e-999' is too close to 0 to be represented; write 0") == 0,
          "scen-10.1 1e-999 is refused: '%s'", err);
    check(value_number("+3", &x, err, sizeof err) == 0 && x == 3, "scen-10.2 +3 is 3");
    check(value_number(" \t2.5 ", &x, err, sizeof err) == 0 && x == 2.5, "scen-10.3 blanks around a number are fine");
    check(value_number(".5", &x, err, sizeof err) == 0 && x == 0.5, "scen-10.4 .5 is 0.5");
    check(value_number("1e5", &x, err, sizeof err) == 0 && x == 1e5, "scen-10.5 1e5 is 100000");
    check(value_number("-", &x, err, sizeof err) == -1 && strcmp(err, "'-' is not a number") == 0,
          "scen-10.6 a lone '-' is refused: '%s'", err);
    check(value_number("1e", &x, err, sizeof err) == -1, "scen-10.7 '1e' is refused");
    check(value_number("1.2.3", &x, err, sizeof err) == -1, "scen-10.8 '1.2.3' is refused");
    check(value_number("1e308", &x, err, sizeof err) == 0 && x == 1e308, "scen-10.9 1e308 is accepted");

    struct dist d;
    check(value_dist("discrete(1:1)", &d, err, sizeof err) == 0 && dist_mean(&d) == 1,
          "scen-10.10 discrete(1:1) is accepted");
    check(value_dist("constant(3)", &d, err, sizeof err) == 0 && dist_is_constant(&d) && dist_mean(&d) == 3,
          "scen-10.11 constant(3) is the constant 3");
    check(value_dist(" exponential( 2 ) ", &d, err, sizeof err) == 0 && strcmp(fmt(&d), "exponential(2)") == 0,
          "scen-10.12 blanks inside and around a distribution are fine");
    check(value_dist("discrete(1:0.25, 3:0.75)", &d, err, sizeof err) == 0 && dist_mean(&d) == 2.5,
          "scen-10.13 discrete weights give the mean");
    struct dist again, other;
    check(value_dist("discrete(1:0.25,3:0.75)", &again, err, sizeof err) == 0 && again.table == d.table &&
              value_dist("discrete(1:0.25, 3:0.5)", &other, err, sizeof err) == 0 && other.table != d.table,
          "scen-10.25 the reader keeps one table per distinct discrete distribution");
    check(value_dist("exponential()", &d, err, sizeof err) == -1 &&
              strcmp(err, "exponential(mean) takes 1 parameter, got 0") == 0,
          "scen-10.14 exponential() is refused: '%s'", err);
    check(value_dist("-exponential(2)", &d, err, sizeof err) == -1 &&
              strcmp(err, "'-exponential(2)' is neither a number nor a distribution") == 0,
          "scen-10.15 a sign before a distribution is refused: '%s'", err);
    check(value_dist("exponential(2))", &d, err, sizeof err) == -1, "scen-10.16 an extra ')' is refused: '%s'", err);
    check(value_dist("uniform(1:2, 3)", &d, err, sizeof err) == -1 &&
              strcmp(err, "uniform(min, max): ':' belongs only in discrete(value:weight, ...)") == 0,
          "scen-10.17 ':' outside discrete is refused: '%s'", err);

    const char *names[SCENARIO_KEYS_MAX];
    size_t n = 0;
    for (size_t k = 0; k < key_count && n < SCENARIO_KEYS_MAX; k++) names[n++] = key_defs[k].name;
    const char *near = suggest_nearest("lead_time", names, n);
    check(near && strcmp(near, "lead_time_days") == 0, "scen-10.20 lead_time suggests lead_time_days (got %s)",
          near ? near : "nothing");
    near = suggest_nearest("reorder_piont", names, n);
    check(near && strcmp(near, "reorder_point") == 0, "scen-10.21 reorder_piont suggests reorder_point");
    check(suggest_nearest("xyz", names, n) == NULL, "scen-10.22 xyz suggests nothing");
    check(suggest_distance("ab", "ba") == 1, "scen-10.23 a swap of neighbours counts 1");
    check(suggest_distance("SEED", "seed") == 0, "scen-10.24 the distance ignores case");
}

/* ---- 11. scenario_load_text: the same reader on text in memory ---- */

/* Load bytes through scenario_load_text under the name "MEM" into out (like load_path). */
static void load_memory(const char *bytes, size_t len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *err = open_memstream(&buf, &n);
    if (!err) abort();
    out.rc = scenario_load_text(&sc, "MEM", bytes, len, NULL, 0, err);
    fclose(err);
    keep_messages(buf, "MEM");
    free(buf);
}

static void test_load_text(const char *default_ini)
{
    size_t len;
    char *text = read_all(default_ini, &len);
    load_path(default_ini, NULL, 0);
    struct model_config from_file = {0};
    model_config_copy(&from_file, &sc.cfg);
    load_memory(text, len);
    check_outcome("scen-11.1 the default scenario loads from memory", 0, "");
    const char *diff = config_difference(&from_file, &sc.cfg);
    check(!diff, "scen-11.2 ... to the same configuration as from its file (first difference: %s)",
          diff ? diff : "none");
    check(strcmp(sc.path, "MEM") == 0, "scen-11.3 ... and the name stands for the path");
    model_config_fini(&from_file);
    free(text);

    static const char unterminated[] = "[demand]\norders_per_day = 5\nunits_per_order = 2XYZ";
    load_memory(unterminated, sizeof unterminated - 4); /* ends after "= 2": not NUL-terminated */
    check_outcome("scen-11.4 text without a NUL at its end is read to its length only", 0, "");
    check(dist_mean(&sc.cfg.demand.units_per_order) == 2, "scen-11.5 ... units_per_order is 2 (got %g)",
          dist_mean(&sc.cfg.demand.units_per_order));
    const char *misplaced = "[demand]\norders_per_day = 5\nreorder_point = 3\n[inventory]\npolicy = none\n";
    load_memory(misplaced, strlen(misplaced));
    check_outcome("scen-11.6 errors name the line as for a file", 2,
                  "PATH:3: [demand] reorder_point: unknown key in [demand]; 'reorder_point' belongs in [inventory]");
    load_memory("", 0);
    check_outcome("scen-11.7 empty text has no settings", 2,
                  "PATH: has no settings; a scenario needs at least [demand] orders_per_day (see 'servlab keys')");
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--write-fuzz-dict") == 0) { /* make fuzz-dict */
        keys_write_dict(stdout);
        return 0;
    }
    const char *default_ini = argc > 1 ? argv[1] : "scenarios/default.ini";
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_scenario.XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(ini_path, sizeof ini_path, "%s/shop.ini", tmpdir);
    snprintf(big_path, sizeof big_path, "%s/big.ini", tmpdir);

    test_minimal();
    test_names();
    test_values();
    test_cross_field();
    test_inih_pitfalls();
    test_crlf(default_ini);
    test_overrides();
    test_sweep_service();
    test_many_problems();
    test_round_trip(default_ini);
    test_key_table();
    test_value_functions();
    test_load_text(default_ini);
    test_each_key();

    unlink(ini_path);
    unlink(big_path);
    rmdir(tmpdir);
    return check_done("test_scenario");
}
