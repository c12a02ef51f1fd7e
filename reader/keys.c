/* keys.c - the key table and the `servlab keys` reference printed from it. */
#include "keys.h"
#include "fullwidth.h"
#include "lang/lang.h"
#include "scenario.h"
#include "models/contract.h"
#include "models/metrics.h"
#include "models/policy.h"
#include "suggest.h"
#include "value.h"
#include "sim/dist.h"
#include "sim/num.h"

#include <assert.h>
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
/* clang-format off */
#define ENUM_ACCESSORS(words, type)                                                                         \
    static int words##_get(const void *slot) { return (int)*(const type *)slot; }                          \
    static void words##_set(void *slot, int i) { *(type *)slot = (type)i; }
/* clang-format on */

static const char *const shortage_words[] = {"backorder", "lost_sale", "react"}; /* enum shortage_rule */
_Static_assert(sizeof shortage_words / sizeof shortage_words[0] <= KEY_CHOICES_MAX, "too many words for a choice");
static const char *shortage_word(size_t i)
{
    return i < sizeof shortage_words / sizeof shortage_words[0] ? shortage_words[i] : NULL;
}
ENUM_ACCESSORS(shortage, enum shortage_rule)

/* enum expedite_rule */
static const char *const expedite_words[] = {"never", "backordered", "late", "backordered_or_late"};
_Static_assert(sizeof expedite_words / sizeof expedite_words[0] <= KEY_CHOICES_MAX, "too many words for a choice");
static const char *expedite_word(size_t i)
{
    return i < sizeof expedite_words / sizeof expedite_words[0] ? expedite_words[i] : NULL;
}
ENUM_ACCESSORS(expedite, enum expedite_rule)

static const char *const when_short_words[] = {"wait", "ship_direct", "transship"}; /* enum when_short */
_Static_assert(sizeof when_short_words / sizeof when_short_words[0] <= KEY_CHOICES_MAX, "too many words for a choice");
static const char *when_short_word(size_t i)
{
    return i < sizeof when_short_words / sizeof when_short_words[0] ? when_short_words[i] : NULL;
}
ENUM_ACCESSORS(when_short, enum when_short)

/* enum storage_overflow */
static const char *const storage_overflow_words[] = {"refuse", "cost"};
_Static_assert(sizeof storage_overflow_words / sizeof storage_overflow_words[0] <= KEY_CHOICES_MAX,
               "too many words for a choice");
static const char *storage_overflow_word(size_t i)
{
    return i < sizeof storage_overflow_words / sizeof storage_overflow_words[0] ? storage_overflow_words[i] : NULL;
}
ENUM_ACCESSORS(storage_overflow, enum storage_overflow)

/* [location.NAME] stock_basis, stored as location_config.echelon_basis */
static const char *stock_basis_word(size_t i)
{
    return i == 0 ? "installation" : i == 1 ? "echelon" : NULL;
}
static int stock_basis_get(const void *slot)
{
    return *(const bool *)slot ? 1 : 0;
}
static void stock_basis_set(void *slot, int i)
{
    *(bool *)slot = i == 1;
}

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

static const char *const history_kind_words[] = {"daily", "orders"}; /* enum history_kind */
_Static_assert(sizeof history_kind_words / sizeof history_kind_words[0] <= KEY_CHOICES_MAX,
               "too many words for a choice");
static const char *history_kind_word(size_t i)
{
    return i < sizeof history_kind_words / sizeof history_kind_words[0] ? history_kind_words[i] : NULL;
}
static int history_kind_get(const void *slot)
{
    return (int)*(const enum history_kind *)slot;
}
static void history_kind_set(void *slot, int i)
{
    *(enum history_kind *)slot = (enum history_kind)i;
}

/* the words of the history's reading options (enum history_separator ..., reader/history.h) */
static const char *const history_separator_words[] = {"auto", "comma", "semicolon", "tab"};
static const char *const history_decimal_words[] = {"auto", "dot", "comma"};
static const char *const history_thousands_words[] = {"none", ",", ".", "space"};
static const char *const history_date_format_words[] = {"auto", "DMY", "MDY"};
static const char *const history_period_words[] = {"day", "week", "month"};
/* clang-format off */
#define HISTORY_CHOICE(words, type)                                                                                 \
    _Static_assert(sizeof words##_words / sizeof words##_words[0] <= KEY_CHOICES_MAX, "too many words");          \
    static const char *words##_word(size_t i)                                                                      \
    {                                                                                                              \
        return i < sizeof words##_words / sizeof words##_words[0] ? words##_words[i] : NULL;                       \
    }                                                                                                              \
    ENUM_ACCESSORS(words, type)
HISTORY_CHOICE(history_separator, enum history_separator)
HISTORY_CHOICE(history_decimal, enum history_decimal)
HISTORY_CHOICE(history_thousands, enum history_thousands)
HISTORY_CHOICE(history_date_format, enum history_date_format)
HISTORY_CHOICE(history_period, enum history_period)
/* clang-format on */

static const char *const x_axis_words[] = {"auto", "service", "shortfall", "lever"}; /* enum sweep_x_axis */
_Static_assert(sizeof x_axis_words / sizeof x_axis_words[0] <= KEY_CHOICES_MAX, "too many words for a choice");
static const char *x_axis_word(size_t i)
{
    return i < sizeof x_axis_words / sizeof x_axis_words[0] ? x_axis_words[i] : NULL;
}
static int x_axis_get(const void *slot)
{
    return (int)*(const enum sweep_x_axis *)slot;
}
static void x_axis_set(void *slot, int i)
{
    *(enum sweep_x_axis *)slot = (enum sweep_x_axis)i;
}

static const char *const history_mode_words[] = {"replay", "bootstrap", "fit", "block_bootstrap",
                                                 "weekday_bootstrap"}; /* enum history_mode, from REPLAY */
_Static_assert(sizeof history_mode_words / sizeof history_mode_words[0] <= KEY_CHOICES_MAX,
               "too many words for a choice");
static const char *history_mode_word(size_t i)
{
    return i < sizeof history_mode_words / sizeof history_mode_words[0] ? history_mode_words[i] : NULL;
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
    int labelled = m < 0 ? metric_find_label(text) : -1;
    const char *near = labelled < 0 ? suggest_nearest(text, rates, n) : NULL;
    if (labelled >= 0 && (metric_defs[labelled].kind == KIND_RATE || metric_defs[labelled].kind == KIND_SHARE))
        /* "Fill rate": the report's label, as --maximise is told (cli/report.c) */
        snprintf(err, errlen, _("'%s' is the report's label; the metric's name is %s"), text,
                 metric_defs[labelled].name);
    else if (labelled >= 0)
        snprintf(err, errlen,
                 /* TRANSLATORS: the word as written ("profit"), then the metric it labels in the
                    report ("profit_per_day"), which is not a rate */
                 _("'%s' is the report's label of %s, which is not a service rate; use a service rate (such as "
                   "fill_rate, cycle_service_level or on_time_rate)"),
                 text, metric_defs[labelled].name);
    else if (m >= 0)
        snprintf(err, errlen, _("'%s' is not a rate; use a service rate such as fill_rate or on_time_rate"), text);
    else if (near)
        snprintf(err, errlen, _("unknown metric '%s'; did you mean '%s'?"), text, near);
    else
        snprintf(err, errlen,
                 _("unknown metric '%s'; use a service rate such as fill_rate, cycle_service_level "
                   "or on_time_rate"),
                 text);
    return -1;
}

/* A contract's metric named in the course's Chinese at the start of a target ("满足率 >= 98%"):
 * the English name (docs/glossary.md), and what follows the term into *rest, or NULL. The
 * longest term first: 订单满足率 before 满足率. */
static const char *chinese_metric(const char *target, const char **rest)
{
    static const struct {
        const char *chinese, *metric;
    } metrics[] = {
        {"订单行满足率", "line_fill_rate"}, {"订单满足率", "order_fill_rate"}, {"满足率", "fill_rate"},
        {"准时足量交付", "otif_rate"},      {"准时率", "on_time_rate"},        {"完美订单率", "perfect_order_rate"},
        {"缺货率", "stockout_rate"},        {"失销率", "lost_sales_rate"},     {"足量", "in_full_rate"},
        {"完好无损", "damage_free_rate"},   {"准确", "accurate_rate"}};
    target += strspn(target, " \t");
    for (size_t i = 0; i < sizeof metrics / sizeof metrics[0]; i++)
        if (strncmp(target, metrics[i].chinese, strlen(metrics[i].chinese)) == 0) {
            const char *after = target + strlen(metrics[i].chinese);
            if (strncmp(after, "率", strlen("率")) == 0) after += strlen("率"); /* 准确率, 准时足量交付率 */
            if (rest) *rest = after;
            return metrics[i].metric;
        }
    return NULL;
}

/* [contract] targets: "fill_rate >= 98%, on_time_rate >= 0.95" (models/contract.h). */
static int check_targets(const char *text, char *err, size_t errlen)
{
    struct contract_config c;
    char word[128], allowed[400] = "";
    const char *names[METRIC_COUNT];
    size_t used = 0, nallowed = 0;
    for (; contract_metric_name(nallowed); nallowed++) {
        names[nallowed] = contract_metric_name(nallowed);
        used += (size_t)snprintf(allowed + used, sizeof allowed - used, "%s%s", nallowed ? ", " : "", names[nallowed]);
    }
    enum contract_parse r = contract_parse_targets(text, &c, word, sizeof word);
    const char *near = NULL;
    switch (r) {
    case CONTRACT_OK: return 0;
    case CONTRACT_EMPTY:
        /* TRANSLATORS: the example is in parentheses, which a wrapped line parts last
           (lang/lang.h): its comma is not a clause's end */
        snprintf(err, errlen, _("no target; write targets (such as fill_rate >= 98%%, on_time_rate >= 95%%)"));
        break;
    case CONTRACT_SYNTAX: {
        const char *rest = "", *metric = chinese_metric(word, &rest);
        if (strstr(word, "\u2265") || strstr(word, "\u2264")) /* '≥', '≤' from a word processor or an input method */
            snprintf(err, errlen,
                     _("'%s' is not a target; write '>=' for '%s' and '<=' for '%s', as in fill_rate >= 98%%"), word,
                     "\u2265", "\u2264");
        else if (strchr(word, ';'))
            /* TRANSLATORS: the example is in parentheses, which a wrapped line parts last
               (lang/lang.h): its comma is not a clause's end */
            snprintf(err, errlen,
                     _("'%s' is not a target; separate targets with commas (as in fill_rate >= 98%%, "
                       "on_time_rate >= 95%%)"),
                     word);
        else if (metric)
            /* TRANSLATORS: the target as written, then as it should be: "fill_rate >= 98%" */
            snprintf(err, errlen, _("'%s' is not a target; a metric's name is written in English: %s%s"), word, metric,
                     rest);
        else
            snprintf(err, errlen,
                     _("'%s' is not a target; write METRIC >= SHARE (<= for a rate where less is better), such as "
                       "fill_rate >= 98%%"),
                     word);
        break;
    }
    case CONTRACT_UNKNOWN: {
        const char *every[METRIC_COUNT];
        for (size_t i = 0; i < METRIC_COUNT; i++) every[i] = metric_defs[i].name;
        near = suggest_nearest(word, names, nallowed);
        if (!near) near = suggest_nearest(word, every, METRIC_COUNT);
        if (near)
            snprintf(err, errlen, _("unknown metric '%s'; did you mean '%s'?"), word, near);
        else
            snprintf(err, errlen, _("unknown metric '%s'; a contract may target %s"), word, allowed);
        break;
    }
    case CONTRACT_NOT_PERIODIC:
        snprintf(err, errlen,
                 _("%s cannot be a contract target: only a share of a period's own orders or units can; a contract "
                   "may target %s"),
                 word, allowed);
        break;
    case CONTRACT_DIRECTION:
        if (contract_metric_at_most(metric_find(word)))
            snprintf(err, errlen, _("%s is better when lower, so a contract caps it: write %s <= SHARE"), word, word);
        else
            snprintf(err, errlen, _("%s is better when higher, so a contract sets its floor: write %s >= SHARE"), word,
                     word);
        break;
    case CONTRACT_RANGE: { /* word: the metric, a blank, the share as written (models/contract.h) */
        char hint[80];
        char *number = strchr(word, ' ');
        if (number)
            *number++ = '\0';
        else
            number = word + strlen(word);
        double x = strtod(number, NULL);
        snprintf(err, errlen, _("the target of %s must be a share from 0 to 1, got %s%s"), word, number,
                 strchr(number, '%') ? "" : value_share_hint(x, hint, sizeof hint));
        break;
    }
    case CONTRACT_REPEATED: snprintf(err, errlen, _("%s has two targets; give it one"), word); break;
    case CONTRACT_TOO_MANY:
        snprintf(err, errlen, _("a contract takes at most %d targets"), CONTRACT_TARGETS_MAX);
        break;
    }
    return -1;
}

/* A name of another section (a substitute product, a region's home location): that
 * it exists is checked once every section is read. */
static int check_name(const char *text, char *err, size_t errlen)
{
    for (const char *p = text; *p; p++)
        if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) {
            snprintf(err, errlen, _("'%s' is not a name (letters, digits and '_')"), text);
            return -1;
        }
    return 0;
}

/* A column of a history: a header name (any text) or a number from 1. */
static int check_column(const char *text, char *err, size_t errlen)
{
    if (!*text || (strspn(text, "0123456789") == strlen(text) && strtoul(text, NULL, 10) == 0)) {
        snprintf(err, errlen, _("'%s' is not a column; write a header name or a number from 1"), text);
        return -1;
    }
    return 0;
}

/* An item id of a long history file: any text a cell holds. */
static int check_item(const char *text, char *err, size_t errlen)
{
    if (!*text) {
        snprintf(err, errlen, _("no item id"));
        return -1;
    }
    return 0;
}

/* [location.NAME] transfer_days: "north: 1, south: 2.5" - names and days; that the
 * names are locations is checked once every section is read. */
static int check_transfers(const char *text, char *err, size_t errlen)
{
    char copy[400];
    _Static_assert(sizeof copy >= sizeof(((struct entry *)0)->transfers), "room for all of transfer_days");
    snprintf(copy, sizeof copy, "%s", text);
    for (char *save = NULL, *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char name[NAME_LEN + 1];
        _Static_assert(NAME_LEN == 32, "the %32[ below reads at most NAME_LEN characters");
        double days;
        int used = 0;
        if (sscanf(item, " %32[A-Za-z0-9_] : %lf %n", name, &days, &used) != 2 || item[used] != '\0') {
            snprintf(err, errlen, _("'%s' is not NAME: DAYS (e.g. south: 2, east: 3.5)"), item + strspn(item, " "));
            return -1;
        }
        if (!(days >= 0) || days > 1e4) {
            char typed[64]; /* as written: 12345.678, not %g's 12345.7; 0.00001, not 1e-05 */
            snprintf(err, errlen, _("%s: %s days is not a transfer time (0 to 10000)"), name,
                     num_about(days, 15, typed, sizeof typed));
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
    _Static_assert(sizeof copy >= sizeof(((struct scenario *)0)->lock_sections) &&
                       sizeof copy >= sizeof(((struct scenario *)0)->lock_keys),
                   "room for a whole [locks] list");
    snprintf(copy, sizeof copy, "%s", text);
    for (char *save = NULL, *item = strtok_r(copy, ", ", &save); item; item = strtok_r(NULL, ", ", &save)) {
        const char *dot = strrchr(item, '.');
        if (sections) {
            if (!key_section_known(item) || !strcmp(item, "locks") || !strcmp(item, "sweep")) {
                snprintf(err, errlen, _("'%s' is not a section that can be locked"), item);
                return -1;
            }
            continue;
        }
        char section[80];
        if (!dot) {
            const char *full = key_full_name_of_bare(item);
            if (full)
                snprintf(err, errlen, _("'%s': name the section too: %s"), item, full);
            else
                snprintf(err, errlen, _("'%s': name the section too, as SECTION.KEY"), item);
            return -1;
        }
        snprintf(section, sizeof section, "%.*s", (int)(dot - item), item);
        if (key_find(section, dot + 1) < 0) {
            snprintf(err, errlen, _("'%s' is not a key ('servlab keys' lists them)"), item);
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

/* The rows of reader/keys.def, each at the index of its id. A COPY row says only where
 * its value lives and what it means; the rest comes from its global key when the table
 * is completed (complete_copies, below). */
#define CHOICES(words) .choice = words##_word, .choice_get = words##_get, .choice_set = words##_set
#define EITHER(other) .either = &table[other]

/* clang-format off */
static struct key_def table[KEY_IDS] = {
#define KEY(id, sec, nm, ty, un, def, lo, hi, fl, off, ...)                                                        \
    [id] = {.section = sec, .name = nm, .type = KEY_##ty, .unit = un, .fallback = def, .min = lo, .max = hi,      \
            .flags = fl, .offset = off, .meaning = __VA_ARGS__},
#define FKEY(id, fam, nm, ty, un, def, lo, hi, fl, off, ...)                                                       \
    [id] = {.family = FAMILY_##fam, .name = nm, .type = KEY_##ty, .unit = un, .fallback = def, .min = lo,         \
            .max = hi, .flags = fl, .offset = off, .meaning = __VA_ARGS__},
#define COPY(id, fam, global, off, ...)                                                                             \
    [id] = {.family = FAMILY_##fam, .inherit = &table[global], .offset = off, .meaning = __VA_ARGS__},
#define COPY_AS(id, fam, nm, global, off, ...)                                                                      \
    [id] = {.family = FAMILY_##fam, .name = nm, .inherit = &table[global], .offset = off, .meaning = __VA_ARGS__},
#include "keys.def"
#undef KEY
#undef FKEY
#undef COPY
#undef COPY_AS
    /* clang-format on */
};

const struct key_def *const key_defs = table;
const size_t key_count = KEY_IDS;

const char *const key_sections[KEY_SECTIONS + 1] = {
    "run",     "demand",  "order_cycle", "inventory", "reactions", "customers", "loyalty", "complaints", "costs",
    "revenue", "returns", "contract",    "sweep",     "locks",     "locations", "ipa",     NULL};

static const char *const section_meanings[KEY_SECTIONS] = {
    N_("how long to simulate, how often, with which random numbers"),
    N_("customer orders: when they arrive, how big they are, how their rate varies"),
    N_("the order cycle: transmission -> processing -> allocation from stock -> picking -> delivery"),
    N_("stock and its replenishment (the defaults of every [product.NAME])"),
    N_("what customers do on meeting a stockout (with shortage = react)"),
    N_("a customer base that grows by acquisition and shrinks by churn and poor service"),
    N_("the loyalty ladder: orders judged against the customers' expectation move them new -> satisfied -> loyal "
       "and back"),
    N_("complaints from customers whose order fell below their expectation, and their recovery"),
    N_("what stock, orders, staff, errors and shortages cost"),
    N_("what customers pay"),
    N_("customer returns (reverse logistics): goods a customer sends back, what is restocked, refunded and "
       "what it costs; not the wrong or damaged orders of [order_cycle]"),
    N_("a B2B service contract: targets reviewed every period, and the penalties for missing them"),
    N_("what servlab sweep varies, and the service measure it draws the curve against"),
    N_("what students may not change in a class exercise (servlab compare --base checks it)"),
    N_("rules of a network of stocking locations ([location.NAME], [region.NAME]): shortages, transfers, openings"),
    N_("targets servlab ipa judges each service element's performance against"),
};

static const char *const family_prefixes[FAMILY_COUNT] = {NULL, "product", "tier", "channel", "location", "region"};
static const char *const family_meanings[FAMILY_COUNT] = {
    NULL,
    N_("one product with its own stock; keys not given take the [inventory], [costs] and [revenue] values"),
    N_("a class of customers (e.g. ordinary, potential, key): their share, priority, prices and promise"),
    N_("a way orders reach the supplier (web, phone, fax, EDI): its share, time, errors and cost"),
    N_("a stocking location (warehouse) with its own stock and policy; keys not given take [inventory] and [costs]"),
    N_("where customers are: a share of the orders, the home location that serves them, its delivery time"),
};

static char full_names[KEY_IDS][64]; /* key_full_name's, made with the table */

/* Complete the table once, before main: a family row gets its family's prefix as its
 * section, a COPY row everything but its offset, meaning and given flag from the global
 * key it copies, and every row its full name. Nothing changes the table afterwards (it
 * is read as const through key_defs), so threads may read it freely. */
__attribute__((constructor)) static void complete_copies(void)
{
    for (size_t k = 0; k < KEY_IDS; k++) {
        struct key_def *d = &table[k];
        if (d->family) d->section = family_prefixes[d->family];
        const struct key_def *g = d->inherit;
        if (!g) continue;
        assert(!g->family && !d->unit && "keys.def: a COPY row copies a global key and restates nothing");
        if (!d->name) d->name = g->name; /* COPY_AS names its copy */
        d->type = g->type;
        d->unit = g->unit;
        d->min = g->min;
        d->max = g->max;
        d->flags |= g->flags;
        d->choice = g->choice;
        d->choice_get = g->choice_get;
        d->choice_set = g->choice_set;
        d->check_text = g->check_text;
        d->text_size = g->text_size;
        d->applies = g->applies;
        d->term = g->term;
        d->whole_percent_from = g->whole_percent_from;
        assert(!g->either && "keys.def: an either-or pair is of global keys");
    }
    for (size_t k = 0; k < KEY_IDS; k++) {
        const struct key_def *d = &table[k];
        assert((!d->either || d->either->either == d) && "keys.def: each key of an either-or pair names the other");
        snprintf(full_names[k], sizeof full_names[k], "%s.%s%s", d->section, d->family ? "NAME." : "", d->name);
    }
}

const char *key_full_name(enum key_id k)
{
    return full_names[k];
}

const char *key_full_name_of_bare(const char *name)
{
    const char *found = NULL;
    for (size_t k = 0; k < key_count; k++)
        if (!key_defs[k].family && strcmp(key_defs[k].name, name) == 0) {
            if (found) return NULL;
            found = full_names[k];
        }
    return found;
}

enum key_id key_root(size_t k)
{
    return (enum key_id)(key_defs[k].inherit ? (size_t)(key_defs[k].inherit - key_defs) : k);
}

int key_copy(enum key_family f, enum key_id g)
{
    if (f == FAMILY_NONE) return (int)g;
    for (size_t k = 0; k < KEY_IDS; k++)
        if (key_defs[k].family == f && key_defs[k].inherit == &key_defs[g]) return (int)k;
    return -1;
}

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

bool key_def_takes_percent(const struct key_def *d)
{
    /* a share by its unit, not by its range alone: churn_per_day lies in 0..1 too, but is
       a rate a day, and "5%" of it would be read as a monthly or yearly figure */
    return (d->flags & KEY_TAKES_PERCENT) ||
           (d->type == KEY_NUMBER && d->min >= 0 && d->max <= 1 && strncmp(d->unit, "share", 5) == 0);
}

bool key_percent_too_small(const struct key_def *d, double share)
{
    return (d->flags & KEY_SERVICE_TARGET) && share > 0 && share < 0.01; /* 0% or below: the range check says why */
}

const char *key_percent_too_small_problem(const char *written, double share, char *err, size_t n)
{
    double typed = 100 * share;
    if (typed < 0.01) {
        snprintf(err, n, _("'%s' is under 1%%; a service target is a share such as 0.95 or 95%%"), written);
        return err;
    }
    char aims[40], meant[40];
    num_about(typed, 10, aims, sizeof aims), num_about(100 * typed, 10, meant, sizeof meant);
    /* TRANSLATORS: "'0.98%' aims at 0.98%, under 1%; for 98% write 0.98 or 98%" */
    snprintf(err, n, _("'%s' aims at %s%%, under 1%%; for %s%% write %s or %s%%"), written, aims, meant, aims, meant);
    return err;
}

const char *key_bound_problem(const struct key_def *d, const char *parameter, double x, bool percent,
                              enum key_bound what, char *err, size_t n)
{
    char got[40], lo[40], hi[40];
    if (percent) { /* as written: "got 99%", "0.00001%" (not 1e-05%) */
        num_about(100 * x, 10, got, sizeof got - 1);
        strcat(got, "%");
    } else /* as written, without an exponent: "got -0.00001", not -1e-05 */
        num_plain(x, got, sizeof got);
    bool share = key_def_takes_percent(d);
    if (percent && !share) {
        snprintf(err, n, _("%s is not a share, so it takes no percentage such as '%s'; write just the number"),
                 parameter, got);
        return err;
    }
    if (!share || what == BOUND_STEP) return NULL;
    if (percent && key_percent_too_small(d, x)) /* as the reader says it of the key itself */
        return key_percent_too_small_problem(got, x, err, n);
    if (what != BOUND_IN_RANGE) return NULL;
    if (percent) { /* the bounds in the unit the value was written in: "below 100%, got 150%" */
        snprintf(lo, sizeof lo, "%.10g%%", 100 * d->min);
        snprintf(hi, sizeof hi, "%.10g%%", 100 * d->max);
    } else {
        num_format(d->min, lo, sizeof lo);
        num_format(d->max, hi, sizeof hi);
    }
    char hint[80];
    const char *why = percent ? "" : value_share_hint(x, hint, sizeof hint);
    if (d->flags & KEY_MIN_EXCLUSIVE ? !(x > d->min) : !(x >= d->min))
        snprintf(err, n, _("%s must be %s %s, got %s"), parameter, d->flags & KEY_MIN_EXCLUSIVE ? ">" : ">=", lo, got);
    else if (d->flags & KEY_MAX_EXCLUSIVE ? !(x < d->max) : x > d->max)
        snprintf(err, n,
                 d->flags & KEY_MAX_EXCLUSIVE ? _("%s must be below %s, got %s%s")
                                              : _("%s must be at most %s, got %s%s"),
                 parameter, hi, got, why);
    else
        return NULL;
    return err;
}

bool key_takes_percent(const char *section, const char *name)
{
    int k = section[0] && name[0] ? key_find(section, name) : -1;
    return k >= 0 && key_def_takes_percent(&key_defs[k]);
}

bool key_is_share(const char *section, const char *name)
{
    int k = section[0] && name[0] ? key_find(section, name) : -1;
    return k < 0 || (key_defs[k].type != KEY_CHOICE && key_defs[k].type != KEY_TEXT && key_defs[k].max <= 1 &&
                     key_defs[k].min >= 0);
}

bool key_takes_number(const char *section, const char *name)
{
    int k = section[0] && name[0] ? key_find(section, name) : -1;
    return k >= 0 && (key_defs[k].type == KEY_NUMBER || key_defs[k].type == KEY_COUNT || key_defs[k].type == KEY_SEED);
}

bool key_fullwidth_number(const char *section, const char *name, const struct fullwidth *hit, const char *value,
                          size_t len, char *buf, size_t n)
{
    char typed[200], half[200], number[80];
    if (!key_takes_number(section, name) || len >= sizeof typed) return false;
    memcpy(typed, value, len), typed[len] = '\0';
    fullwidth_fold(typed, half, sizeof half);
    if (!value_comma_fixed(half, number, sizeof number)) return false;
    return fullwidth_number_problem(hit, number, buf, n);
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

/* A key's type as `servlab keys` names it (English: translate where printed). */
static const char *type_name(enum key_type t)
{
    switch (t) {
    case KEY_NUMBER: return N_("number");
    case KEY_COUNT:
    case KEY_SEED: return N_("whole number");
    case KEY_DIST: return N_("distribution");
    case KEY_CHOICE: return N_("choice");
    case KEY_TEXT: return N_("name");
    case KEY_LIST: return N_("list of numbers");
    }
    return "?";
}

int key_sweepable(const char *name, char *err, size_t errlen)
{
    const char *dot = strrchr(name, '.');
    if (!dot) {
        const char *full = key_full_name_of_bare(name);
        if (full)
            snprintf(err, errlen, _("'%s': name the section too: %s"), name, full);
        else
            snprintf(err, errlen, _("'%s': name the section too, as SECTION.KEY (e.g. inventory.reorder_point)"), name);
        return -1;
    }
    char section[80];
    snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
    int k = key_find(section, dot + 1);
    if (k < 0) {
        const char *full[KEY_IDS];
        size_t n = 0;
        for (size_t i = 0; i < key_count; i++)
            if (!key_defs[i].family && (key_defs[i].type == KEY_NUMBER || key_defs[i].type == KEY_COUNT))
                full[n++] = key_full_name((enum key_id)i);
        const char *near = suggest_nearest(name, full, n);
        if (near)
            snprintf(err, errlen, _("'%s' is not a key; did you mean '%s'?"), name, near);
        else
            snprintf(err, errlen, _("'%s' is not a key ('servlab keys' lists them)"), name);
        return -1;
    }
    const struct key_def *d = &key_defs[k];
    if (strcmp(d->section, "sweep") == 0 || d->type == KEY_SEED) {
        snprintf(err, errlen, _("'%s' cannot be swept"), name);
        return -1;
    }
    if (d->type != KEY_NUMBER && d->type != KEY_COUNT) {
        snprintf(err, errlen, _("'%s' is a %s, not a number; sweep a number key such as inventory.reorder_point"), name,
                 _(type_name(d->type)));
        return -1;
    }
    return k;
}

static void range_text(const struct key_def *k, char *buf, size_t n)
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
    case KEY_SEED: snprintf(buf, n, _("whole number, %s to %s"), lo, hi); return;
    case KEY_DIST:
        if (k->flags & KEY_DRAWS_ROUNDED) /* models/demand.c takes a draw above max as max; scenario.c refuses a
                                             mean above it */
            /* TRANSLATORS: a rounded key's bounds: its least draw, then its greatest value three times */
            snprintf(buf, n, _("draws >= %s, above %s count as %s; mean <= %s"), lo, hi, hi, hi);
        else if (k->flags & KEY_DRAWS_AT_MOST)
            snprintf(buf, n, k->flags & KEY_MEAN_POSITIVE ? _("draws %s to %s, mean > 0") : _("draws %s to %s"), lo,
                     hi);
        else
            snprintf(buf, n, k->flags & KEY_MEAN_POSITIVE ? _("draws >= %s, mean > 0") : _("draws >= %s"), lo);
        return;
    case KEY_TEXT:
        snprintf(buf, n, "%s",
                 _(k->check_text == check_service         ? N_("a rate metric")
                   : k->check_text == check_targets       ? N_("METRIC >= SHARE targets, separated by commas")
                   : k->check_text == check_parameter     ? N_("a number key, SECTION.KEY")
                   : k->check_text == check_lock_sections ? N_("section names, separated by commas")
                   : k->check_text == check_lock_keys     ? N_("SECTION.KEY names, separated by commas")
                   : k->check_text == check_transfers     ? N_("NAME: days pairs, separated by commas")
                   : k->family == FAMILY_REGION || k->family == FAMILY_LOCATION ? N_("a location name")
                   : k->check_text == check_name                                ? N_("a product name")
                   : k->check_text == check_column                              ? N_("a header name or a column number")
                   : k->check_text == check_item                                ? N_("an item id")
                                                                                : N_("a file name")));
        return;
    case KEY_LIST:
        snprintf(buf, n, "%s", k->flags & KEY_PAIRS ? _("day:value pairs, days ascending") : _("numbers"));
        return;
    case KEY_NUMBER:
        if (k->min <= -1e9)
            snprintf(buf, n, "%s", _("any number"));
        else if (k->max < 1e6)
            /* TRANSLATORS: a key's bounds, e.g. ">= 0 and <= 1" */
            snprintf(buf, n, _("%s %s and %s %s"), k->flags & KEY_MIN_EXCLUSIVE ? ">" : ">=", lo,
                     k->flags & KEY_MAX_EXCLUSIVE ? "<" : "<=", hi);
        else
            snprintf(buf, n, "%s %s", k->flags & KEY_MIN_EXCLUSIVE ? ">" : ">=", lo);
        return;
    }
}

/* Text in a buffer too small for it is cut at a whole character (lang_tidy_cut): a
 * Chinese character is three bytes, and snprintf cuts at a byte. */
void key_range_text(const struct key_def *k, char *buf, size_t n)
{
    if (!n) return;
    range_text(k, buf, n);
    lang_tidy_cut(buf);
}

void key_default_text(const struct key_def *k, char *buf, size_t n)
{
    if (!n) return;
    char deflt[120];
    if (k->fallback)
        snprintf(deflt, sizeof deflt, "%s", k->fallback);
    else if (k->inherit)
        snprintf(deflt, sizeof deflt, "[%s] %s", k->inherit->section, k->inherit->name);
    else
        snprintf(deflt, sizeof deflt, "%s", _("(none)"));
    snprintf(buf, n, _("default: %s"), lang_tidy_cut(deflt));
    lang_tidy_cut(buf);
}

/* One key: name, type and unit, default; allowed values; meaning (a policy choice also
 * each policy's). The type-and-unit column holds translated text: it is padded by
 * display columns (lang_pad), so that Chinese lines up as English does. */
static void print_key(FILE *out, const struct key_def *k)
{
    char range[160], what[120], said[200]; /* said: "default: ..." */
    key_range_text(k, range, sizeof range);
    if (*k->unit) /* TRANSLATORS: a key's type and unit in `servlab keys`: "number, days" */
        snprintf(what, sizeof what, _("%s, %s"), _(type_name(k->type)), C_("unit", k->unit));
    else
        snprintf(what, sizeof what, "%s", _(type_name(k->type)));
    lang_tidy_cut(what);
    key_default_text(k, said, sizeof said);
    fprintf(out, "  %-26s ", k->name);
    /* the default in its column beside the type, or under the type where the type is
       wider than its 26 columns (the default would stand one blank after it, out of its
       column) or the line would pass a terminal's width */
    if (lang_width(what) <= 26 && 2 + 26 + 1 + 26 + 1 + lang_width(said) <= LANG_LINE_MAX) {
        lang_pad(out, what, 26, false);
        fprintf(out, " %s", said);
    } else {
        fprintf(out, "%s\n  %-26s %s", what, "", said);
    }
    fputc('\n', out);
    /* the allowed values and the meaning (and each policy's) wrapped within a terminal's
       width, every line of one in the column it starts in */
    enum { INDENT = 2 + 26 + 1, POLICY_INDENT = INDENT + 2 + 11 + 1 };
    char indent[INDENT + 1], head[POLICY_INDENT + 40], cont[POLICY_INDENT + 1];
    snprintf(indent, sizeof indent, "%*s", INDENT, "");
    snprintf(head, sizeof head, "%s%s", indent, _("allowed: "));
    snprintf(cont, sizeof cont, "%*s", (int)lang_width(head), "");
    lang_print_hanging(out, head, range, cont, LANG_LINE_MAX);
    lang_print_hanging(out, indent, _(k->meaning), indent, LANG_LINE_MAX);
    snprintf(cont, sizeof cont, "%*s", POLICY_INDENT, ""); /* each policy's meaning in one column */
    if (k->choice == policy_word && !k->family)
        for (size_t p = 0; policy_types[p]; p++) {
            snprintf(head, sizeof head, "%s  %-11.30s ", indent, policy_types[p]->name);
            lang_print_hanging(out, head, _(policy_types[p]->meaning), cont, LANG_LINE_MAX);
        }
    fputc('\n', out);
}

static void print_section(FILE *out, const char *section, const char *meaning, enum key_family f)
{
    /* the meaning wrapped within a terminal's width, in the column it starts in */
    char head[80], cont[80];
    snprintf(head, sizeof head, f ? "[%.60s.NAME]  " : "[%.60s]  ", section);
    snprintf(cont, sizeof cont, "%*s", (int)strlen(head), "");
    lang_print_hanging(out, head, _(meaning), cont, LANG_LINE_MAX);
    fputc('\n', out);
    for (size_t i = 0; i < key_count; i++)
        if (key_defs[i].family == f && strcmp(key_defs[i].section, section) == 0) print_key(out, &key_defs[i]);
}

int keys_print(FILE *out, const char *section)
{
    for (size_t s = 0; key_sections[s]; s++)
        if (!section || strcmp(key_sections[s], section) == 0) {
            if (!section && s == 0) {
                fputs(_("servlab scenario keys. Times are in days, quantities in units, money in one currency.\n"
                        "A distribution is written as a number (a constant) or one of:\n"),
                      out);
                for (size_t i = 0; dist_types[i]; i++) fprintf(out, "  %s\n", dist_types[i]->signature);
                fputs(_("normal draws below 0 become 0; lognormal and gamma take the mean and sd of the quantity\n"
                        "itself, lognormal_log the textbooks' mu and sigma, the mean and sd of its logarithm (its\n"
                        "mean is exp(mu + sigma^2/2)); geometric draws 1, 2, 3, ...; discrete weights are normalised\n"
                        "to sum to 1.\n"
                        "Comments: a line starting with ';' or '#', or the rest of a line after ' ;'.\n"
                        "Sections [product.NAME], [tier.NAME], [channel.NAME], [location.NAME] and [region.NAME]\n"
                        "may appear once per NAME.\n\n"),
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

/* A dictionary entry once: entries seen so far are in seen[0..*n). */
static void dict_entry(FILE *out, const char **seen, size_t *n, size_t cap, const char *text)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(seen[i], text) == 0) return;
    if (*n < cap) seen[(*n)++] = text;
    fprintf(out, "\"%s\"\n", text);
}

void keys_write_dict(FILE *out)
{
    enum { ENTRIES = 1024 };
    static char texts[ENTRIES][80]; /* the made-up entries ("[run]", "seed = ") */
    const char *seen[ENTRIES];
    size_t n = 0, made = 0;
    fputs("# fuzz_scenario dictionary, written by `make fuzz-dict` from the key table (reader/keys.def):\n"
          "# sections, keys, choices, sweepable keys, rate metrics, distributions and syntax. Do not edit.\n",
          out);
    for (size_t s = 0; key_sections[s] && made < ENTRIES; s++) {
        snprintf(texts[made], sizeof texts[made], "[%s]", key_sections[s]);
        dict_entry(out, seen, &n, ENTRIES, texts[made++]);
    }
    for (int f = 1; f < FAMILY_COUNT && made + 2 <= ENTRIES; f++)
        for (char c = 'a'; c <= 'b'; c++) {
            snprintf(texts[made], sizeof texts[made], "[%s.%c]", family_prefixes[f], c);
            dict_entry(out, seen, &n, ENTRIES, texts[made++]);
        }
    for (size_t k = 0; k < key_count && made < ENTRIES; k++) {
        snprintf(texts[made], sizeof texts[made], "%s = ", key_defs[k].name);
        dict_entry(out, seen, &n, ENTRIES, texts[made++]);
    }
    for (size_t k = 0; k < key_count; k++)
        if (key_defs[k].type == KEY_CHOICE)
            for (size_t i = 0; key_defs[k].choice(i); i++) dict_entry(out, seen, &n, ENTRIES, key_defs[k].choice(i));
    for (size_t k = 0; k < key_count; k++)
        if (!key_defs[k].family && (key_defs[k].type == KEY_NUMBER || key_defs[k].type == KEY_COUNT))
            dict_entry(out, seen, &n, ENTRIES, key_full_name((enum key_id)k));
    for (size_t m = 0; m < METRIC_COUNT; m++)
        if (metric_defs[m].kind == KIND_RATE) dict_entry(out, seen, &n, ENTRIES, metric_defs[m].name);
    for (size_t i = 0; dist_types[i] && made < ENTRIES; i++) {
        snprintf(texts[made], sizeof texts[made], "%s(", dist_types[i]->name);
        dict_entry(out, seen, &n, ENTRIES, texts[made++]);
    }
    /* syntax: an override, a comment, CRLF line ends, a UTF-8 byte-order mark, pairs */
    fputs("\"--set \"\n\" ; \"\n\"\\x0d\\x0a\"\n\"\\xef\\xbb\\xbf\"\n\":\"\n\",\"\n", out);
}

bool key_is_count(const char *full_name)
{
    char section[100];
    const char *last = strrchr(full_name, '.');
    if (!last || (size_t)(last - full_name) >= sizeof section) return false;
    snprintf(section, sizeof section, "%.*s", (int)(last - full_name), full_name);
    int k = key_find(section, last + 1);
    return k >= 0 && key_defs[k].type == KEY_COUNT;
}
