/* scenario.c - reading a scenario: file -> scan (every inih pitfall, with lines) ->
 * inih (the values) -> the key table (types, bounds) -> --set overrides -> named
 * sections inherit what they do not say -> cross-field checks and resolution ->
 * warnings. All problems are collected and reported in line order, up to
 * MAX_REPORTED, so a student sees every mistake at once. */
#include "scenario.h"
#include "lang/lang.h"
#include "history.h"
#include "csv.h"
#include "fullwidth.h"
#include "keys.h"
#include "scan.h"
#include "suggest.h"
#include "value.h"
#include "models/contract.h"
#include "models/metrics.h"
#include "models/network.h"
#include "models/policy.h"
#include "models/theory.h"
#include "sim/num.h"
#include "sim/rng.h"

#include <assert.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gsl/gsl_cdf.h>
#include <ini.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_REPORTED = 20, FILE_MAX_BYTES = 1 << 20 };

/* A problem waiting to be printed: problems are printed in line order at the end, file
 * before command line, whatever order the checks found them in. */
struct problem {
    int order;   /* file line, or INT_MAX for the command line */
    size_t head; /* the bytes of text that say where: "FILE:LINE: [section] key: " (0: unknown) */
    char *text;  /* malloc'd, as long as it is: a long place (a path of SCENARIO_PATH_MAX bytes) and a
                    long message in Chinese (3 bytes a character) are kept whole; freed once printed */
};

struct loader {
    struct scenario *sc;
    FILE *err;
    const char *where; /* the file's path, or "--set TEXT" */
    size_t problems;
    struct problem kept[MAX_REPORTED];
    struct scan scan;
    size_t next;                          /* next scan entry to match with an inih callback */
    const char *set_dir;                  /* the directory of the override being applied: a batch table's ("": the
                                             current one), or NULL for --set (the current one too) */
    const struct scenario_override *sets; /* the load's overrides (finish_load), for warnings */
    unsigned set;                         /* 1 + the index of the override being applied; 0: none */
    bool sealed;                          /* the text may not name files (scenario_load_sealed) */
    bool item_from_table; /* a batch's base whose table gives each row its history_item (scenario_load_base) */
    /* per lever of [sweep], for its key to take or refuse (resolve_lever): which of from,
       to and the values were written as percentages ("90%", read as 0.9), and where each
       of the three was last given (the file's path, or the option as typed) */
    struct lever_percent {
        bool from, to, values[SWEEP_POINTS_MAX];
        char where[3][320];
    } percent[2];
};

static void report(struct loader *ld, int line, const char *section, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void report_key(struct loader *ld, int line, enum key_id k, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void vreport(struct loader *ld, int line, const char *section, const char *key, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

static void vreport(struct loader *ld, int line, const char *section, const char *key, const char *fmt, va_list ap)
{
    if (ld->problems >= MAX_REPORTED) {
        ld->problems++;
        return;
    }
    struct problem *p = &ld->kept[ld->problems++];
    p->order = ld->where == ld->sc->path ? line : INT_MAX;
    size_t size = 0;
    FILE *text = open_memstream(&p->text, &size);
    if (!text) abort();
    fputs(ld->where, text);
    if (line > 0) fprintf(text, ":%d", line);
    fputs(": ", text);
    if (section && *section) fprintf(text, "[%s] ", section);
    if (key && *key) fprintf(text, "%s: ", key);
    long head = ftell(text);
    vfprintf(text, fmt, ap);
    if (fclose(text) != 0 || !p->text) abort();
    p->head = head > 0 ? (size_t)head : 0;
}

static void report(struct loader *ld, int line, const char *section, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, line, section, key, fmt, ap);
    va_end(ap);
}

/* A problem with key k of a plain section: "[demand] history: ..." */
static void report_key(struct loader *ld, int line, enum key_id k, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, line, key_defs[k].section, key_defs[k].name, fmt, ap);
    va_end(ap);
}

/* A problem whose text is complete (a history file's "FILE:ROW:COL: ..."), printed in
 * the place of line `line` of the scenario; its first `head` bytes say where (0: not known). */
static void report_text(struct loader *ld, int line, const char *text, size_t head)
{
    if (ld->problems >= MAX_REPORTED) {
        ld->problems++;
        return;
    }
    struct problem *p = &ld->kept[ld->problems++];
    p->order = line > 0 ? line : INT_MAX;
    p->text = strdup(text);
    if (!p->text) abort();
    p->head = head < strlen(p->text) ? head : 0;
}

void scenario_print_problem(FILE *out, const char *problem, size_t head)
{
    const char *text = problem + head;
    size_t place = head;
    while (place > 0 && problem[place - 1] == ' ') place--;
    if (lang_width(problem) <= LANG_LINE_MAX)
        fprintf(out, "%s\n", problem);
    else if (place > 0 && 2 + lang_width(text) <= LANG_LINE_MAX && !strchr(text, '\n'))
        fprintf(out, "%.*s\n  %s\n", (int)place, problem, text);
    else {
        char *place_text = strndup(problem, head), *wrapped = NULL;
        size_t size = 0;
        FILE *lines = open_memstream(&wrapped, &size);
        if (!place_text || !lines) abort();
        lang_print_hanging(lines, place_text, text, "  ", LANG_LINE_MAX);
        if (fclose(lines) != 0 || !wrapped) abort();
        /* beside a long place (a deep path), the text's first words may not fit the line
           ("PATH:13: [contract] targets: 'fill_rate" past 100 columns): then the place stands
           alone, whole (a path is never parted), the text wrapped under it, two blanks in */
        char *first_end = strchr(wrapped, '\n');
        if (first_end) *first_end = '\0';
        bool wide = place > 0 && lang_width(wrapped) > LANG_LINE_MAX;
        if (first_end) *first_end = '\n';
        if (wide) {
            fprintf(out, "%.*s\n", (int)place, problem);
            lang_print_hanging(out, "  ", text, "  ", LANG_LINE_MAX);
        } else
            fputs(wrapped, out);
        free(wrapped);
        free(place_text);
    }
}

size_t scenario_problem_place(const char *line, const char *path)
{
    size_t plen = strlen(path);
    if (strncmp(line, path, plen) != 0 || line[plen] != ':') plen = strcspn(line, ":\n");
    if (line[plen] != ':') return 0;
    const char *p = line + plen + 1;
    for (int k = 0; k < 2 && isdigit((unsigned char)*p); k++) { /* its line, then maybe its column */
        const char *q = p;
        while (isdigit((unsigned char)*q)) q++;
        if (*q != ':') break;
        p = q + 1;
    }
    if (*p != ' ') return 0;
    p++;
    const char *q = p;
    if (*p == '[' && (q = strstr(p, "] ")) != NULL) p = q + 2; /* [section] */
    for (q = p; isalnum((unsigned char)*q) || *q == '_';) q++;
    if (q > p && q[0] == ':' && q[1] == ' ') p = q + 2; /* key: */
    return (size_t)(p - line);
}

void scenario_print_problems(FILE *out, const char *msgs, const char *path)
{
    for (const char *line = msgs ? msgs : ""; *line;) {
        size_t n = strcspn(line, "\n");
        char *text = strndup(line, n);
        if (!text) abort();
        scenario_print_problem(out, text, scenario_problem_place(text, path));
        free(text);
        line += n + (line[n] == '\n');
    }
}

/* Print the kept problems in line order (a stable insertion sort: they are few). */
static void print_problems(struct loader *ld)
{
    size_t n = ld->problems < MAX_REPORTED ? ld->problems : MAX_REPORTED;
    size_t order[MAX_REPORTED];
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && ld->kept[order[j - 1]].order > ld->kept[i].order) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    /* to the terminal (stderr) wrapped to its width, "FILE:LINE: [section] key: " kept
       whole at the start and each further line two blanks in: a problem that fits a line
       of its own goes there whole, under its place ("...: [inventory] lead_time_days:" /
       "  gamma(mean, sd) takes 2 parameters, got 1"), a longer one is wrapped after the
       place. Into a command's buffer one line each, which it says its own way
       (sweep_refuse_point, cli/batch.c). */
    for (size_t i = 0; i < n; i++) {
        const struct problem *p = &ld->kept[order[i]];
        if (ld->err != stderr)
            fprintf(ld->err, "%s\n", p->text);
        else
            scenario_print_problem(ld->err, p->text, p->head);
    }
    for (size_t i = 0; i < n; i++) {
        free(ld->kept[i].text);
        ld->kept[i].text = NULL;
    }
    if (ld->problems > MAX_REPORTED)
        fprintf(ld->err, _("%s: ... and %zu more problems\n"), ld->sc->path, ld->problems - MAX_REPORTED);
}

/* A problem of the scan; one at a character gets "FILE:LINE:COLUMN: [section] key: ...". */
static void scan_problem(void *ctx, int line, int column, const char *section, const char *key, const char *problem)
{
    struct loader *ld = ctx;
    if (column <= 0) {
        report(ld, line, section, key, "%s", problem);
        return;
    }
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    if (!f) abort();
    fprintf(f, "%s:%d:%d: %s%s%s%s%s", ld->where, line, column, *section ? "[" : "", section, *section ? "] " : "", key,
            *key ? ": " : "");
    long head = ftell(f);
    fputs(problem, f);
    if (fclose(f) != 0 || !text) abort();
    report_text(ld, line, text, head > 0 ? (size_t)head : 0); /* the place whatever its length: none is lost */
    free(text);
}

/* ---- where values live: global keys, or named sections ---- */

static struct entry **entries_slot(struct scenario *sc, enum key_family f)
{
    switch (f) {
    case FAMILY_PRODUCT: return &sc->products;
    case FAMILY_TIER: return &sc->tiers;
    case FAMILY_CHANNEL: return &sc->channels;
    case FAMILY_LOCATION: return &sc->locations;
    default: return &sc->regions;
    }
}

static struct entry *entries_of(struct scenario *sc, enum key_family f)
{
    return *entries_slot(sc, f);
}

/* The model configuration's array that holds family f's sections. */
static enum config_array array_of(enum key_family f)
{
    switch (f) {
    case FAMILY_PRODUCT: return CONFIG_PRODUCTS;
    case FAMILY_TIER: return CONFIG_TIERS;
    case FAMILY_CHANNEL: return CONFIG_CHANNELS;
    case FAMILY_LOCATION: return CONFIG_LOCATIONS;
    default: return CONFIG_REGIONS;
    }
}

/* How many sections family f has: its array's length in the configuration. */
static size_t count_of(struct scenario *sc, enum key_family f)
{
    return model_config_array(&sc->cfg, array_of(f)).n;
}

static size_t capacity_of(enum key_family f)
{
    switch (f) {
    case FAMILY_PRODUCT: return MAX_PRODUCTS;
    case FAMILY_TIER: return MAX_TIERS;
    case FAMILY_CHANNEL: return MAX_CHANNELS;
    case FAMILY_LOCATION: return MAX_LOCATIONS;
    default: return MAX_REGIONS;
    }
}

static void *config_of(struct scenario *sc, enum key_family f, size_t i)
{
    struct config_array_view v = model_config_array(&sc->cfg, array_of(f));
    return (char *)v.data + i * v.size;
}

/* Every section's configuration element begins with its name. */
_Static_assert(offsetof(struct product_config, name) == 0 && offsetof(struct tier_config, name) == 0 &&
                   offsetof(struct channel_config, name) == 0 && offsetof(struct location_config, name) == 0 &&
                   offsetof(struct region_config, name) == 0,
               "config_of(...) is the section's name");

/* The section a key is being set in: a plain one, or instance i of a family. */
struct target {
    enum key_family family;
    size_t index;
    char label[NAME_LEN + 16]; /* "inventory" or "product.tea" */
};

/* A problem with key k of section t ("[product.tea] substitute: ..."). */
static void report_at(struct loader *ld, int line, const struct target *t, enum key_id k, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void report_at(struct loader *ld, int line, const struct target *t, enum key_id k, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, line, t->label, key_defs[k].name, fmt, ap);
    va_end(ap);
}

static struct target plain_target(const char *section)
{
    struct target t = {.family = FAMILY_NONE};
    snprintf(t.label, sizeof t.label, "%s", section);
    return t;
}

static struct target family_target(struct scenario *sc, enum key_family f, size_t i)
{
    struct target t = {.family = f, .index = i};
    snprintf(t.label, sizeof t.label, "%s.%s", key_family_prefix(f), entries_of(sc, f)[i].name);
    return t;
}

static void *slot(struct scenario *sc, const struct key_def *d, const struct target *t)
{
    if (!d->family) return (char *)sc + d->offset;
    char *base = d->flags & KEY_IN_ENTRY ? (char *)&entries_of(sc, t->family)[t->index]
                                         : (char *)config_of(sc, t->family, t->index);
    return base + d->offset;
}

static bool *given_flag(struct scenario *sc, const struct key_def *d, const struct target *t)
{
    if (!d->given_offset) return NULL;
    char *base = d->family ? (char *)config_of(sc, t->family, t->index) : (char *)sc;
    return (bool *)(base + d->given_offset);
}

static struct key_origin *origin(struct scenario *sc, size_t k, const struct target *t)
{
    return t->family ? &entries_of(sc, t->family)[t->index].origin[k] : &sc->origin[k];
}

/* ---- one value ---- */

/* Parse text as key k's value in target t, check its bounds, store it. Returns 0 or
 * -1 (reported). */
/* Whether a list's item holds two or more numbers apart by blanks ("0 1 2"): a list
 * written without its commas. */
static bool blank_separated_numbers(const char *item, char *joined, size_t joined_size)
{
    char copy[120], *save = NULL, err[200];
    size_t n = 0, used = 0;
    snprintf(copy, sizeof copy, "%s", item);
    joined[0] = '\0';
    for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save), n++) {
        double x;
        if (value_number(w, &x, err, sizeof err) != 0) return false;
        int k = snprintf(joined + used, joined_size - used, "%s%s", n ? ", " : "", w);
        if (k > 0) used = used + (size_t)k < joined_size ? used + (size_t)k : joined_size - 1;
    }
    return n >= 2;
}

/* What a student may write for a yes/no choice, and the choice meant; and the course's
 * Chinese term for a choice (docs/glossary.md: 延期交货 is shortage = backorder), which a
 * student may write for it. A word is meant only for a key that has that choice. */
static const struct {
    const char *word, *choice;
} choice_words[] = {
    {"1", "yes"},          {"true", "yes"},       {"on", "yes"},         {"y", "yes"},    {"是", "yes"},
    {"对", "yes"},         {"开", "yes"},         {"0", "no"},           {"false", "no"}, {"off", "no"},
    {"n", "no"},           {"否", "no"},          {"不", "no"},          {"关", "no"},    {"延期交货", "backorder"},
    {"失销", "lost_sale"}, {"缺货反应", "react"}, {"转运", "transship"},
};

/* The choice meant by word (ASCII case ignored), or NULL. */
static const char *meant_choice(const char *word)
{
    for (size_t i = 0; i < sizeof choice_words / sizeof choice_words[0]; i++)
        if (strcasecmp(word, choice_words[i].word) == 0) return choice_words[i].choice;
    return NULL;
}

/* A word written in quotes, ASCII or Chinese ('"yes"', '“yes”'), into bare without
 * them. Returns whether it was. */
static bool unquoted(const char *word, char *bare, size_t n)
{
    static const char *const quotes[] = {"\"", "'", "\u201c", "\u201d", "\u2018", "\u2019"};
    size_t len = strlen(word), open = 0, close = 0;
    for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++) {
        size_t q = strlen(quotes[i]);
        if (!open && len > q && strncmp(word, quotes[i], q) == 0) open = q;
        if (!close && len > q && strcmp(word + len - q, quotes[i]) == 0) close = q;
    }
    if (!open || !close || open + close >= len) return false;
    snprintf(bare, n, "%.*s", (int)(len - open - close), word + open);
    return true;
}

/* The keys of one lever of [sweep]: the first, or the second of a grid. */
struct lever_keys {
    enum key_id parameter, from, to, steps, values;
};
static const struct lever_keys sweep_levers[2] = {
    {K_SWEEP_PARAMETER, K_SWEEP_FROM, K_SWEEP_TO, K_SWEEP_STEPS, K_SWEEP_VALUES},
    {K_SWEEP_PARAMETER2, K_SWEEP_FROM2, K_SWEEP_TO2, K_SWEEP_STEPS2, K_SWEEP_VALUES2},
};

/* What a lever's steps (a count of points) is, for a number written as if it were the gap
 * between them ("step = 0.1", "steps = 0.1"): into buf (n bytes), with the count that gap
 * makes when the lever's from and to are given and it divides their range ("from 0 to 3
 * by 0.1 is steps = 31"), else the formula. steps is the key the number was meant for:
 * K_SWEEP_STEPS or K_SWEEP_STEPS2. Returns buf. */
static const char *points_hint(const struct scenario *sc, enum key_id steps, const char *written, char *buf, size_t n)
{
    const struct lever_keys *lk = &sweep_levers[steps == K_SWEEP_STEPS2];
    double gap, from = *(const double *)(const void *)((const char *)sc + key_defs[lk->from].offset),
                to = *(const double *)(const void *)((const char *)sc + key_defs[lk->to].offset);
    char err[200], a[40], b[40], g[40];
    bool range = sc->origin[lk->from].from != FROM_DEFAULT && sc->origin[lk->to].from != FROM_DEFAULT;
    if (range && value_number(written, &gap, err, sizeof err) == 0 && gap > 0 && from != to) {
        double points = fabs(to - from) / gap + 1;
        if (fabs(points - round(points)) < 1e-6 * points && round(points) >= 2 && points <= SWEEP_POINTS_MAX) {
            /* TRANSLATORS: the lever's from, to, the gap as written, then the steps key and
               the count: "from 0 to 3 by 0.1 is steps = 31" */
            snprintf(buf, n,
                     _("%s is the number of points, not the gap between them: from %s to %s by %s is %s = %.0f"),
                     key_defs[steps].name, num_format(from, a, sizeof a), num_format(to, b, sizeof b),
                     num_format(gap, g, sizeof g), key_defs[steps].name, round(points));
            return buf;
        }
    }
    /* TRANSLATORS: the steps key, then the same key, the lever's to and from keys */
    snprintf(buf, n, _("%s is the number of points, not the gap between them: %s = (%s - %s) / gap + 1"),
             key_defs[steps].name, key_defs[steps].name, key_defs[lk->to].name, key_defs[lk->from].name);
    return buf;
}

/* Whether key d's name says its unit, as the reader's hint for "7天" or "5 days" claims:
 * "days" in lead_time_days, "orders/day" as orders_per_day (a '/' of the unit is "_per_"
 * in a name). The unit is compared with the name at each place the name could hold it. */
static bool name_says_unit(const struct key_def *d)
{
    if (!d->unit[0]) return false;
    static const char per[] = "_per_";
    for (const char *start = d->name; *start; start++) {
        const char *n = start, *u = d->unit;
        for (; *u; u++) {
            if (*u == '/' && strncmp(n, per, sizeof per - 1) == 0)
                n += sizeof per - 1;
            else if (*u != '/' && *n == *u)
                n++;
            else
                break;
        }
        if (!*u) return true;
    }
    return false;
}

/* value_number's problem for key d: its hint that the unit is in the key's name holds
 * for lead_time_days; for a key whose name does not say its unit (safety_factor, in
 * standard deviations: "1.5倍") it names the unit, and for a key with none it says so. */
static char *problem_for_key(const struct key_def *d, char *problem, size_t size)
{
    char *word = strstr(problem, value_word_hint());
    if (word && d->type != KEY_LIST) { /* "高": the number this key takes, and where its keys are listed */
        size_t room = size - (size_t)(word - problem);
        char lo[40], hi[40], range[160];
        num_format(d->min, lo, sizeof lo);
        num_format(d->max, hi, sizeof hi);
        key_range_text(d, range, sizeof range);
        if (d->type != KEY_NUMBER &&
            d->max < 1e9) /* TRANSLATORS: the key's bounds, then its section for servlab keys */
            snprintf(word, room, _(" (write a whole number in digits, %s to %s; see 'servlab keys %s')"), lo, hi,
                     d->section);
        else if (d->type != KEY_NUMBER) /* a seed: no bound worth naming */
            /* TRANSLATORS: the key's section for servlab keys */
            snprintf(word, room, _(" (write a whole number in digits, such as 1; see 'servlab keys %s')"), d->section);
        else if (strcmp(d->unit, "share") == 0) /* as value_number reads a share */
            /* TRANSLATORS: the key's bounds (">= 0 and <= 1"), then its section for servlab keys */
            snprintf(word, room, _(" (write a share in digits, such as 0.95 or 95%%, %s; see 'servlab keys %s')"),
                     range, d->section);
        else if (d->unit[0]) /* TRANSLATORS: the key's unit, its bounds (">= 0"), its section for servlab keys */
            snprintf(word, room, _(" (write a number in digits, in %s, %s; see 'servlab keys %s')"),
                     C_("unit", d->unit), range, d->section);
        else /* TRANSLATORS: the key's bounds (">= 0 and <= 1"), then its section for servlab keys */
            snprintf(word, room, _(" (write a number in digits, %s; see 'servlab keys %s')"), range, d->section);
        return problem;
    }
    char *hint = strstr(problem, value_unit_hint());
    if (!hint || name_says_unit(d)) return problem;
    size_t room = size - (size_t)(hint - problem);
    if (!d->unit[0])
        snprintf(hint, room, "%s", _(" (write just the number: this key has no unit)"));
    else /* TRANSLATORS: the key's unit, as servlab keys lists it: "sd", "money/unit/day" */
        snprintf(hint, room, _(" (write just the number, in %s)"), C_("unit", d->unit));
    return problem;
}

/* A percentage written for key d, a number, count or distribution that is not a share
 * ("95%"): into problem (n
 * bytes) what the key takes instead, and true; false where value_number's hint ("if it is
 * a share, as a decimal: 0.95 for 95%") stands, for a key of no unit (a lift, a factor)
 * or a rate a day, whose decimal is the percentage's. A safety factor counts standard
 * deviations (its unit, sd): 95% is a cycle service level, k = 1.645, which
 * target_cycle_service_level sets; a key with another unit (days, units, money) takes no
 * share at all. */
static bool percent_for_key(const struct key_def *d, const char *text, char *problem, size_t n)
{
    char decimal[VALUE_PERCENT_SHARE_MAX];
    bool numeric = d->type == KEY_NUMBER || d->type == KEY_COUNT || d->type == KEY_DIST;
    if (!numeric || key_def_takes_percent(d) || !value_percent_share(text, decimal, sizeof decimal)) return false;
    if (!d->unit[0] || strncmp(d->unit, "1/", 2) == 0 || strncmp(d->unit, "share", 5) == 0) return false;
    const char *written = text + strspn(text, " \t");
    int len = (int)strcspn(written, "\n");
    while (len > 0 && (written[len - 1] == ' ' || written[len - 1] == '\t')) len--;
    if (strcmp(d->unit, "sd") != 0) {
        /* TRANSLATORS: the value as written ("20%"), then the key's unit ("money/unit/day") */
        snprintf(problem, n,
                 _("'%.*s' is not a number (write just the number, in %s: this key is not a share, so it "
                   "takes no '%%')"),
                 len, written, C_("unit", d->unit));
        return true;
    }
    const char *target = key_defs[K_INVENTORY_TARGET_CYCLE_SERVICE_LEVEL].name;
    double share = strtod(decimal, NULL);
    char k[40], plain[40], pct[40];
    if (share > 0 && share < 1) {
        /* TRANSLATORS: the value as written ("95%"), the key, the safety factor for that cycle
           service level ("1.645"), the level as a percentage ("95"), then the key that sets a
           cycle service level and its value as a decimal ("0.95") */
        snprintf(problem, n,
                 _("'%.*s' is not a number of standard deviations: %s counts them (k = %s gives a %s%% cycle "
                   "service level); to aim at that level, write %s = %s instead"),
                 len, written, d->name, num_about(gsl_cdf_ugaussian_Pinv(share), 4, k, sizeof k),
                 num_about(100 * share, 10, pct, sizeof pct), target, num_about(share, 10, plain, sizeof plain));
        return true;
    }
    /* TRANSLATORS: the value as written, the key, then the key that sets a cycle service level */
    snprintf(problem, n,
             _("'%.*s' is not a number of standard deviations: %s counts them (k = 1.645 gives a 95%% cycle "
               "service level); a service level is set with %s, a share such as 0.95"),
             len, written, d->name, target);
    return true;
}

/* x, a key's value, as a message quotes it (into buf, n bytes): the shown text of the
 * override that gave it (set: 1 + its index, as struct key_origin keeps it; 0: none) when
 * x is the value that override assigns (a sweep's point as its table writes it, "928.571",
 * not the 928.5714285714286 assigned), else the shortest digits that read back as x (a
 * file's 0.1 stays "0.1"), without an exponent (num_plain: a file's -0.00001 is
 * "-0.00001", not -1e-05). Returns buf. */
static char *shown_value(const struct loader *ld, unsigned set, double x, char *buf, size_t n)
{
    num_format(x, buf, n);
    const struct scenario_override *o = set && ld->sets ? &ld->sets[set - 1] : NULL;
    const char *eq = o && o->shown ? strchr(o->assignment, '=') : NULL;
    if (eq && strcmp(eq + 1, buf) == 0)
        snprintf(buf, n, "%s", o->shown);
    else
        num_plain(x, buf, n);
    return buf;
}

/* Which of key d's rules on a number x breaks, as apply_value checks them in turn: 1 its
 * least value, 2 its greatest, 3 a whole number's; 0 none. */
static int rule_broken(const struct key_def *d, double x)
{
    if (d->flags & KEY_MIN_EXCLUSIVE ? !(x > d->min) : !(x >= d->min)) return 1;
    if (d->flags & KEY_MAX_EXCLUSIVE ? !(x < d->max) : x > d->max) return 2;
    return d->type != KEY_NUMBER && x != floor(x) ? 3 : 0;
}

/* Where key k (a KEY_LEVER_BOUND key: [sweep] from, to, values, and the second lever's)
 * records which of its numbers were written as percentages: the flag of from or to, or
 * the values' first flag. Notes where k is being given. */
static bool *bound_percent(struct loader *ld, size_t k)
{
    for (size_t i = 0; i < 2; i++) {
        const struct lever_keys *lk = &sweep_levers[i];
        struct lever_percent *p = &ld->percent[i];
        size_t which = k == lk->from ? 0 : k == lk->to ? 1 : 2;
        if (which == 2 && k != lk->values) continue;
        snprintf(p->where[which], sizeof p->where[which], "%s", ld->where);
        return which == 0 ? &p->from : which == 1 ? &p->to : p->values;
    }
    assert(!"a lever's bound key");
    return NULL;
}

static int apply_value(struct loader *ld, size_t k, const struct target *t, const char *text, int line,
                       enum key_from from)
{
    const struct key_def *d = &key_defs[k];
    struct scenario *sc = ld->sc;
    const char *sec = t->label;
    char problem[500], lo[40], hi[40], got[40];
    num_format(d->min, lo, sizeof lo);
    num_format(d->max, hi, sizeof hi);
    const char *cmp = d->flags & KEY_MIN_EXCLUSIVE ? ">" : ">=";
    void *at = slot(sc, d, t);
    bool written_percent = false; /* the origin's percent */

    switch (d->type) {
    case KEY_NUMBER:
    case KEY_COUNT:
    case KEY_SEED: {
        double x;
        /* a share may be written as a percentage, as in [contract] targets: 98% is 0.98 */
        char decimal[VALUE_PERCENT_SHARE_MAX];
        bool bound = d->flags & KEY_LEVER_BOUND; /* a percentage for the lever's key to take or refuse */
        bool percent = d->type == KEY_NUMBER && (key_def_takes_percent(d) || bound) &&
                       value_percent_share(text, decimal, sizeof decimal);
        if (bound) *bound_percent(ld, k) = percent;
        written_percent = percent;
        if (value_number(percent ? decimal : text, &x, problem, sizeof problem) != 0) {
            if (!bound && percent_for_key(d, text, problem, sizeof problem)) /* "95%" for safety_factor */
                report(ld, line, sec, d->name, "%s", problem);
            else
                report(ld, line, sec, d->name, "%s", problem_for_key(d, problem, sizeof problem));
            return -1;
        }
        if (percent && key_percent_too_small(d, x)) { /* "0.98%": 0.98 or 98% was meant */
            report(ld, line, sec, d->name, "%s",
                   key_percent_too_small_problem(text + strspn(text, " \t"), x, problem, sizeof problem));
            return -1;
        }
        if (percent) { /* quoted as written, "got 120%", against bounds in the same unit: "below 100%" */
            snprintf(got, sizeof got, "%.*s%%", (int)strcspn(text + strspn(text, " \t"), " \t%"),
                     text + strspn(text, " \t"));
            snprintf(lo, sizeof lo, "%.10g%%", 100 * d->min);
            snprintf(hi, sizeof hi, "%.10g%%", 100 * d->max);
        } else {
            shown_value(ld, from == FROM_COMMAND_LINE ? ld->set : 0, x, got, sizeof got);
            /* a point's shown text rounded onto the bound it breaks ("must be at most 10, got
               10" for 10.000001) tells nothing: then every digit */
            double g;
            if (value_number(got, &g, problem, sizeof problem) != 0 || rule_broken(d, g) != rule_broken(d, x))
                num_plain(x, got, sizeof got);
        }
        bool low = d->flags & KEY_MIN_EXCLUSIVE ? !(x > d->min) : !(x >= d->min);
        if (low && d->flags & KEY_LIMIT && x == 0) {
            report(
                ld, line, sec, d->name,
                _("a limit of 0 would let nothing through; leave the key out for no limit, or give a number above 0"));
            return -1;
        }
        /* "steps = 0.1": a gap between the points, where steps counts them (a whole number
           below 2, "steps = 1", is told the bound alone: one point, more likely than a gap) */
        char points[300];
        bool gap = (k == K_SWEEP_STEPS || k == K_SWEEP_STEPS2) && x > 0 && x != floor(x);
        if (gap) points_hint(sc, (enum key_id)k, text, points, sizeof points);
        if (low && gap) {
            /* TRANSLATORS: the comparison, the bound, the value, then what steps is ("steps is
               the number of points, ...") */
            report(ld, line, sec, d->name, _("must be %s %s, got %s; %s"), cmp, lo, got, points);
            return -1;
        }
        if (low) {
            report(ld, line, sec, d->name, _("must be %s %s, got %s"), cmp, lo, got);
            return -1;
        }
        if (d->flags & KEY_MAX_EXCLUSIVE ? !(x < d->max) : x > d->max) {
            char share_hint[80], a[40];
            const char *hint = "";
            if (key_def_takes_percent(d) && !percent) /* "98" for 0.98 or 98% */
                hint = value_share_hint(x, share_hint, sizeof share_hint);
            else if (d->whole_percent_from > 0 && x == floor(x) &&
                     x / 100 <= d->max) { /* churn_per_day = 2, loyal_orders_factor = 120: no '%' taken */
                /* TRANSLATORS: the value as written ("2"), then its decimal as a percentage ("0.02") */
                snprintf(share_hint, sizeof share_hint, _(" (if %s%% was meant, write %s)"), got,
                         num_format(x / 100, a, sizeof a));
                hint = share_hint;
            }
            if (d->flags & KEY_MAX_EXCLUSIVE)
                report(ld, line, sec, d->name, _("must be below %s, got %s%s"), hi, got, hint);
            else
                report(ld, line, sec, d->name, _("must be at most %s, got %s%s"), hi, got, hint);
            return -1;
        }
        if (d->type != KEY_NUMBER && x != floor(x) && gap) {
            report(ld, line, sec, d->name, _("must be a whole number, got %s; %s"), got, points);
            return -1;
        }
        if (d->type != KEY_NUMBER && x != floor(x)) {
            report(ld, line, sec, d->name, _("must be a whole number, got %s"), got);
            return -1;
        }
        if (d->type == KEY_NUMBER)
            *(double *)at = x;
        else if (d->type == KEY_COUNT)
            *(unsigned *)at = (unsigned)x;
        else
            *(uint64_t *)at = (uint64_t)x;
        break;
    }
    case KEY_DIST: {
        struct dist dist;
        int rc = d->flags & KEY_DRAWS_ROUNDED
                     ? value_dist_rounded(text, d->min, d->max, &dist, problem, sizeof problem)
                     : value_dist_within(text, d->min, d->max, d->flags & KEY_DRAWS_AT_MOST,
                                         strcmp(d->unit, "share") == 0, &dist, problem, sizeof problem);
        char decimal[VALUE_PERCENT_SHARE_MAX];
        double share;
        if (rc != 0 && strcmp(d->unit, "share") == 0 && value_percent_share(text, decimal, sizeof decimal) &&
            (share = strtod(decimal, NULL)) >= d->min && share <= d->max) {
            /* "98%" for supply_yield: the share it means, where a key that takes a percentage takes it
               (keys.c, key_def_takes_percent); past the key's range the general hint (reader/value.c) */
            const char *written = text + strspn(text, " \t");
            size_t len = strcspn(written, "\n");
            while (len > 0 && (written[len - 1] == ' ' || written[len - 1] == '\t')) len--;
            char plain[40], meant[40];
            if (share > 0 && share < 0.01 && 10000 * share >= 1)
                /* "0.98%": a yield under 1%, where 0.98 or 98% was meant, as a service target's
                   (keys.c, key_percent_too_small_problem); the decimal of the percentage meant */
                report(ld, line, sec, d->name,
                       /* TRANSLATORS: the value as written ("0.98%"), then the percentage meant ("98") and
                          its decimal ("0.98") */
                       _("'%.*s' would be a share under 1%%: for %s%%, write %s (a key that takes a distribution "
                         "takes no '%%')"),
                       (int)len, written, num_about(10000 * share, 10, meant, sizeof meant),
                       num_about(100 * share, 10, plain, sizeof plain));
            else
                report(ld, line, sec, d->name,
                       /* TRANSLATORS: the value as written ("98%"), then the share it means ("0.98") */
                       _("'%.*s' is not a number (write the share as a decimal, %s: a key that takes a distribution "
                         "takes no '%%')"),
                       (int)len, written, num_about(share, 10, plain, sizeof plain));
            return -1;
        }
        if (rc != 0) {
            percent_for_key(d, text, problem, sizeof problem); /* "20%" for lead_time_days: what it takes */
            report(ld, line, sec, d->name, "%s", problem);
            return -1;
        }
        char shown[200]; /* as typed numbers are quoted: uniform(-0.00001, 1), not uniform(-1e-05, 1) */
        dist_format_with(&dist, num_plain, shown, sizeof shown);
        if (dist_lowest(&dist) < d->min) {
            num_plain(dist_lowest(&dist), got, sizeof got);
            if (dist_is_constant(&dist))
                report(ld, line, sec, d->name, _("must be >= %s, got %s"), lo, got);
            else
                report(ld, line, sec, d->name, _("draws must be >= %s, but %s can draw %s"), lo, shown, got);
            return -1;
        }
        if (d->flags & KEY_MEAN_POSITIVE && !(dist_mean(&dist) > 0)) {
            report(ld, line, sec, d->name, _("the mean must be > 0, but %s has mean 0"), shown);
            return -1;
        }
        if (d->flags & KEY_DRAWS_AT_MOST && dist_highest(&dist) > d->max) {
            num_plain(dist_highest(&dist), got, sizeof got);
            if (dist_is_constant(&dist))
                report(ld, line, sec, d->name, _("must be at most %s, got %s%s"), hi, got, "");
            else
                report(ld, line, sec, d->name, _("draws must be at most %s, but %s can draw %s"), hi, shown, got);
            return -1;
        }
        if (dist_mean(&dist) > d->max) {
            num_plain(dist_mean(&dist), got, sizeof got);
            report(ld, line, sec, d->name, _("the mean must be at most %s, got %s"), hi, got);
            return -1;
        }
        *(struct dist *)at = dist;
        break;
    }
    case KEY_CHOICE: {
        char word[64];
        while (*text == ' ' || *text == '\t') text++;
        size_t len = strlen(text);
        while (len && (text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
        if (len >= sizeof word) { /* cut short, "sQ    ...    x" would read as sQ */
            report(ld, line, d->section, d->name, _("'%.20s...' is too long for a choice"), text);
            return -1;
        }
        memcpy(word, text, len);
        word[len] = '\0';
        const char *names[KEY_CHOICES_MAX];
        size_t n = 0;
        int found = -1;
        for (; d->choice(n) && n < KEY_CHOICES_MAX; n++) {
            names[n] = d->choice(n);
            if (strcmp(names[n], word) == 0) found = (int)n;
        }
        if (found < 0) {
            char all[120], bare[64];
            key_range_text(d, all, sizeof all);
            const char *near = suggest_nearest(word, names, n), *meant = meant_choice(word);
            for (size_t i = 0; meant && i < n; i++)
                if (strcmp(names[i], meant) == 0) near = meant;
            if (unquoted(word, bare, sizeof bare)) {
                report(ld, line, sec, d->name, _("write the choice without quotes: %s (one of %s)"), bare, all);
                return -1;
            }
            if (!*word)
                report(ld, line, sec, d->name, _("no value; choose one of %s"), all);
            else if (near)
                report(ld, line, sec, d->name, _("unknown choice '%s'; did you mean '%s'? (one of %s)"), word, near,
                       all);
            else
                report(ld, line, sec, d->name, _("unknown choice '%s'; choose one of %s"), word, all);
            return -1;
        }
        d->choice_set(at, found);
        break;
    }
    case KEY_TEXT: {
        char word[HISTORY_PATH_MAX];
        while (*text == ' ' || *text == '\t') text++;
        size_t len = strlen(text);
        while (len && (text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
        if (len == 0 || len >= sizeof word || len >= d->text_size) {
            report(ld, line, sec, d->name, len ? _("is too long") : _("no value"));
            return -1;
        }
        memcpy(word, text, len);
        word[len] = '\0';
        if (d->check_text && d->check_text(word, problem, sizeof problem) != 0) {
            report(ld, line, sec, d->name, "%s", problem);
            return -1;
        }
        memcpy(at, word, len + 1);
        break;
    }
    case KEY_LIST: {
        struct number_list *list = at;
        list->n = 0;
        const char *p = text;
        bool pairs = d->flags & KEY_PAIRS;
        for (size_t item = 1;; item++) {
            const char *comma = strchr(p, ',');
            char text_item[120];
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            if (len >= sizeof text_item) { /* never cut a value short */
                report(ld, line, sec, d->name, _("item %zu is too long (at most %zu characters)"), item,
                       sizeof text_item - 1);
                return -1;
            }
            memcpy(text_item, p, len);
            text_item[len] = '\0';
            if (text_item[strspn(text_item, " \t")] == '\0' && item == 1 &&
                !comma) { /* "values =", "--set sweep.values=" */
                report(ld, line, sec, d->name, _("no value; list the values, separated by commas"));
                return -1;
            }
            if (text_item[strspn(text_item, " \t")] == '\0') { /* "0, 1, 2," or "0,,1" */
                report(ld, line, sec, d->name, _("item %zu is empty: write a number there, or remove the extra comma"),
                       item);
                return -1;
            }
            if (list->n + 2 > SWEEP_POINTS_MAX) {
                report(ld, line, sec, d->name, _("at most %d values"), SWEEP_POINTS_MAX / (pairs ? 2 : 1));
                return -1;
            }
            char *colon = strchr(text_item, ':');
            if (pairs != (colon != NULL)) {
                report(ld, line, sec, d->name,
                       pairs ? _("item %zu: write day:multiplier, e.g. 90:1.5")
                             : _("item %zu: ':' is not allowed here"),
                       item);
                return -1;
            }
            if (colon) *colon = '\0';
            char joined[200]; /* the item's numbers with commas between them, as they should be */
            if (!pairs && blank_separated_numbers(text_item, joined, sizeof joined)) {
                report(ld, line, sec, d->name, _("item %zu: '%s' is several numbers; separate them with commas: %s"),
                       item, text_item + strspn(text_item, " \t"), joined);
                return -1;
            }
            /* a sweep's value as a percentage, for the lever's key to take or refuse */
            char decimal[VALUE_PERCENT_SHARE_MAX];
            bool percent = d->flags & KEY_LEVER_BOUND && value_percent_share(text_item, decimal, sizeof decimal);
            if (d->flags & KEY_LEVER_BOUND) bound_percent(ld, k)[list->n] = percent;
            if (value_number(percent ? decimal : text_item, &list->v[list->n], problem, sizeof problem) != 0 ||
                (colon && value_number(colon + 1, &list->v[list->n + 1], problem, sizeof problem) != 0)) {
                report(ld, line, sec, d->name, _("item %zu: %s"), item, problem_for_key(d, problem, sizeof problem));
                return -1;
            }
            list->n += pairs ? 2 : 1;
            if (!comma) break;
            p = comma + 1;
        }
        break;
    }
    }
    bool *g = given_flag(sc, d, t);
    if (g) *g = true;
    *origin(sc, k, t) = (struct key_origin){
        .from = from, .line = line, .set = from == FROM_COMMAND_LINE ? ld->set : 0, .percent = written_percent};
    return 0;
}

/* ---- names that are not known ---- */

static void report_unknown_section(struct loader *ld, int line, const char *section)
{
    const char *names[32], *families[FAMILY_COUNT];
    _Static_assert((int)KEY_SECTIONS + (int)FAMILY_COUNT <= 32, "names[] holds every section");
    char family_names[FAMILY_COUNT][32];
    size_t n = 0, nf = 0;
    while (key_sections[n]) names[n] = key_sections[n], n++;
    for (int f = 1; f < FAMILY_COUNT; f++) {
        families[nf++] = key_family_prefix((enum key_family)f);
        snprintf(family_names[f], sizeof family_names[f], "%s.NAME", key_family_prefix((enum key_family)f));
        names[n++] = family_names[f];
    }
    char head[64];
    snprintf(head, sizeof head, "%.*s", (int)strcspn(section, "."), section);
    const char *english = scan_chinese_section(section);
    if (english) { /* --set 库存.reorder_point=500 (a file's [库存] is told so by reader/scan.c) */
        report(ld, line, section, "", _("unknown section: sections are named in English; this one is [%s]"), english);
        return;
    }
    const char *near = suggest_nearest(section, names, n);
    if (!near && strchr(section, '.')) { /* a misspelt family: "prodcut.tea" */
        const char *f = suggest_nearest(head, families, nf);
        if (f) {
            report(ld, line, section, "", _("unknown section; did you mean [%s.%s]?"), f, strchr(section, '.') + 1);
            return;
        }
    }
    if (near && strstr(near, ".NAME"))
        report(ld, line, section, "", _("unknown section; did you mean [%s], with a name after the dot?"), near);
    else if (near)
        report(ld, line, section, "", _("unknown section; did you mean [%s]?"), near);
    else { /* every section, from the tables, so the list never goes stale */
        char all[400] = "";
        size_t used = 0;
        /* TRANSLATORS: between the items of a list of names; Chinese writes '、' */
        const char *between = C_("list", ", ");
        for (size_t i = 0; i < n && used < sizeof all; i++)
            used += (size_t)snprintf(all + used, sizeof all - used, "%s[%s]", i ? between : "", names[i]);
        report(ld, line, section, "", _("unknown section; the sections are %s"), all);
    }
}

/* Names a student writes for a key servlab calls otherwise: the course's letters for
 * the policy's levels and a service target named by its metric. section NULL: in any
 * section but [ipa] (its keys are named like the metrics: targets for servlab ipa,
 * which set nothing in a run) and [contract] (whose targets are a list: targets =
 * fill_rate >= 98%). Looked up before the key's other uses. */
static const struct meant_key {
    const char *section, *written; /* where, and as written (case counts: s and S differ) */
    const char *meant_section, *meant;
} meant_keys[] = {
    {NULL, "fill_rate", "inventory", "target_fill_rate"},
    {NULL, "cycle_service_level", "inventory", "target_cycle_service_level"},
    {NULL, "service_level", "inventory", "target_cycle_service_level"},
    {"inventory", "s", "inventory", "reorder_point"},
    {"inventory", "r", "inventory", "reorder_point"},
    {"inventory", "Q", "inventory", "order_quantity"},
    {"inventory", "q", "inventory", "order_quantity"},
    {"inventory", "S", "inventory", "order_up_to"},
    {"inventory", "R", "inventory", "review_days"},
    /* a contract's targets are one list: targets = fill_rate >= 98%, on_time_rate >= 95% */
    {"contract", "fill_rate", "contract", "targets"},
    {"contract", "on_time_rate", "contract", "targets"},
    {"contract", "cycle_service_level", "contract", "targets"},
    {"contract", "perfect_order_rate", "contract", "targets"},
};

/* The key a student meant by `key` in [section] (meant_keys), or NULL. */
static const struct meant_key *meant_key_of(const char *section, const char *key)
{
    for (size_t i = 0; i < sizeof meant_keys / sizeof meant_keys[0]; i++) {
        const struct meant_key *m = &meant_keys[i];
        bool where = m->section ? strcmp(m->section, section) == 0
                                : strcmp(section, "ipa") != 0 && strcmp(section, "contract") != 0;
        if (strcmp(m->written, key) == 0 && where) return m;
    }
    return NULL;
}

/* Does the file being read have a [section] header? */
static bool file_has_section(const struct loader *ld, const char *section)
{
    for (size_t i = 0; i < ld->scan.n; i++)
        if (ld->scan.entries[i].is_section && strcmp(ld->scan.entries[i].section, section) == 0) return true;
    return false;
}

static void report_unknown_key(struct loader *ld, int line, const char *section, const char *key, const char *value)
{
    const struct meant_key *meant = meant_key_of(section, key);
    if (meant && strcmp(meant->meant_section, section) == 0) {
        report(ld, line, section, key, _("unknown key; did you mean '%s'?"), meant->meant);
        return;
    }
    if (meant) {
        report(ld, line, section, key, _("unknown key in [%s]; did you mean [%s] %s?"), section, meant->meant_section,
               meant->meant);
        return;
    }
    enum key_family f = key_family_of(section, NULL);
    const char *plain = f ? key_family_prefix(f) : section;
    const char *names[SCENARIO_KEYS_MAX];
    size_t n = 0;
    for (size_t i = 0; i < key_count; i++)
        if (key_defs[i].family == f && strcmp(key_defs[i].section, plain) == 0) names[n++] = key_defs[i].name;
    /* a key of this section whose name holds the words of the one written: a name
       shortened ("damage_rate" in [ipa] for damage_free_rate), which comes before another
       section's key of that name; one only near in spelling does not ([costs]
       price_per_unit is [revenue]'s, not a misspelt order_per_unit) */
    const char *shortened = suggest_words(key, names, n);
    for (size_t i = 0; i < key_count; i++) {
        if (!key_defs[i].family && strcmp(key_defs[i].name, key) == 0) {
            if (key_defs[i].applies == APPLIES_ARRIVALS && file_has_section(ld, "customers"))
                /* orders_per_day where a [customers] base gives the orders: its own key, not
                   [demand], which refuses it then (resolve_demand) */
                report(ld, line, section, key,
                       _("unknown key in [%s]; with a [customers] section, orders come from the customers: give "
                         "[customers] %s, the orders each customer places a day"),
                       section, key_defs[K_CUSTOMERS_ORDERS_PER_CUSTOMER_DAY].name);
            else if (shortened)
                report(ld, line, section, key, _("unknown key in [%s]; did you mean '%s'? ('%s' is a key of [%s])"),
                       section, shortened, key, key_defs[i].section);
            else if (ld->where == ld->sc->path && !file_has_section(ld, key_defs[i].section) &&
                     strcmp(key_defs[i].section, "ipa") != 0)
                /* the keys of a section whose header was left out fall into the one above */
                report(ld, line, section, key,
                       _("unknown key in [%s]; '%s' belongs in [%s], and this file has no [%s]: write "
                         "the header [%s] above that section's keys"),
                       section, key, key_defs[i].section, key_defs[i].section, key_defs[i].section);
            else if (strcmp(key_defs[i].section, "ipa") == 0) /* a target that sets nothing in a run */
                report(ld, line, section, key,
                       _("unknown key in [%s]; '%s' belongs in [ipa], as a target that servlab ipa judges "
                         "performance against (it sets nothing in a run)"),
                       section, key);
            else
                report(ld, line, section, key, _("unknown key in [%s]; '%s' belongs in [%s]"), section, key,
                       key_defs[i].section);
            return;
        }
    }
    const char *near = suggest_nearest(key, names, n);
    if (!near) near = shortened;
    int near_key = near ? key_find(section, near) : -1;
    char hint[300];
    if (near_key == K_SWEEP_STEPS || near_key == K_SWEEP_STEPS2) /* "step = 0.1": a gap, where steps counts points */
        report(ld, line, section, key, _("unknown key; did you mean '%s'? %s"), near,
               points_hint(ld->sc, (enum key_id)near_key, value, hint, sizeof hint));
    else if (near)
        report(ld, line, section, key, _("unknown key; did you mean '%s'?"), near);
    else
        report(ld, line, section, key, _("unknown key; 'servlab keys %s' lists the keys of [%s]"), plain, section);
}

/* ---- defaults ---- */

/* Give target t the defaults of its keys (a fallback), through the same parser. */
static void apply_defaults(struct loader *ld, const struct target *t)
{
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        if (d->family != t->family) continue;
        if (d->fallback && apply_value(ld, k, t, d->fallback, 0, FROM_DEFAULT) != 0) abort();
        bool *g = given_flag(ld->sc, d, t);
        if (g) *g = false;
        *origin(ld->sc, k, t) = (struct key_origin){.from = FROM_DEFAULT};
    }
}

/* The instance of family f called name, or -1. */
static int find_entry(struct scenario *sc, enum key_family f, const char *name)
{
    for (size_t i = 0; i < count_of(sc, f); i++)
        if (strcmp(entries_of(sc, f)[i].name, name) == 0) return (int)i;
    return -1;
}

/* Open [family.name] at `line`: a new instance with its family's defaults. */
static void open_entry(struct loader *ld, enum key_family f, const char *name, int line)
{
    struct scenario *sc = ld->sc;
    size_t i = count_of(sc, f);
    if (i == capacity_of(f)) {
        report(ld, line, "", "", _("too many [%s.NAME] sections: at most %zu"), key_family_prefix(f), capacity_of(f));
        return;
    }
    if (strlen(name) >= NAME_LEN) {
        report(ld, line, "", "", _("the name '%s' is too long: at most %d characters"), name, NAME_LEN - 1);
        return;
    }
    /* one more section: its entry and its configuration element, both zeroed */
    struct entry *entries = realloc(entries_of(sc, f), (i + 1) * sizeof *entries);
    if (!entries) abort();
    *entries_slot(sc, f) = entries;
    model_config_resize(&sc->cfg, array_of(f), i + 1); /* counts it */
    struct entry *e = &entries[i];
    memset(e, 0, sizeof *e);
    snprintf(e->name, sizeof e->name, "%s", name);
    e->line = line;
    snprintf((char *)config_of(sc, f, i), NAME_LEN, "%s", name);
    if (f == FAMILY_PRODUCT) sc->cfg.products[i].substitute = -1;
    struct target t = {.family = f, .index = i};
    apply_defaults(ld, &t);
}

/* ---- the file ---- */

static bool resolve_target(struct scenario *sc, const char *section, struct target *t)
{
    const char *name;
    enum key_family f = key_family_of(section, &name);
    if (!f) {
        *t = plain_target(section);
        return key_section_known(section);
    }
    int i = find_entry(sc, f, name);
    if (i < 0) return false;
    *t = family_target(sc, f, (size_t)i);
    return true;
}

static int on_pair(void *user, const char *section, const char *name, const char *value)
{
    struct loader *ld = user;
    while (ld->next < ld->scan.n && ld->scan.entries[ld->next].is_section) ld->next++;
    const struct scan_entry *e = ld->next < ld->scan.n ? &ld->scan.entries[ld->next++] : NULL;
    if (!e || strcmp(e->section, section) != 0 || strcmp(e->key, name) != 0) {
        report(ld, e ? e->line : 0, section, name,
               _("internal error: the INI reader and servlab's line check disagree here; please report it"));
        return 1;
    }
    struct target t;
    if (!resolve_target(ld->sc, section, &t)) return 1; /* reported at its header */
    int k = key_find(section, name);
    if (k < 0)
        report_unknown_key(ld, e->line, section, name, value);
    else
        apply_value(ld, (size_t)k, &t, value, e->line, FROM_FILE);
    return 1;
}

/* Read the whole file into a NUL-terminated buffer (owned by the caller). */
static char *read_file(struct loader *ld, const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        int problem = errno;
        char near[PATH_MAX];
        if (problem == ENOENT && suggest_file(path, ".ini", near, sizeof near))
            report(ld, 0, "", "", _("cannot open: %s; did you mean '%s'?"), strerror(problem), near);
        else
            report(ld, 0, "", "", _("cannot open: %s"), strerror(problem));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        report(ld, 0, "", "", "%s",
               S_ISDIR(st.st_mode) ? _("is a directory, not a scenario file") : _("is not a regular file"));
        close(fd);
        return NULL;
    }
    if (st.st_size > FILE_MAX_BYTES) {
        report(ld, 0, "", "", _("is %lld bytes; a scenario file may be at most %d"), (long long)st.st_size,
               FILE_MAX_BYTES);
        close(fd);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf) abort();
    size_t got = 0;
    for (;;) {
        ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            report(ld, 0, "", "", _("cannot read: %s"), strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0) break;
        got += (size_t)r;
        if (got == (size_t)st.st_size) break;
    }
    close(fd);
    buf[got] = '\0';
    *len = got;
    return buf;
}

/* Make lines `lines` (n of them, 1-based, in increasing order, as the scan lists them)
 * of text (len bytes) comments for inih: a ';' in place of each one's first byte. One
 * pass over the text. */
static void comment_out(char *text, size_t len, const int *lines, size_t n)
{
    int line = 1;
    size_t k = 0;
    for (size_t pos = 0; pos < len && k < n; pos++) {
        if (pos > 0 && text[pos - 1] == '\n') line++;
        if (pos > 0 && text[pos - 1] != '\n') continue;
        while (k < n && lines[k] < line) k++;
        if (k < n && lines[k] == line) text[pos] = ';';
    }
}

/* Parse a scenario's text (len bytes; it need not be NUL-terminated). */
static void parse_scenario_text(struct loader *ld, const char *bytes, size_t len)
{
    char *buf = malloc(len + 1); /* inih reads a NUL-terminated string */
    if (!buf) abort();
    memcpy(buf, bytes, len);
    buf[len] = '\0';
    char *text = buf;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) text += 3, len -= 3; /* UTF-8 BOM */
    /* UTF-16 with its byte-order mark (Notepad's "Unicode"), or without one (a file whose
       first two characters are ASCII, each with a NUL byte beside it, as no text is) */
    const unsigned char *u = (const unsigned char *)text;
    bool utf16_no_mark = len >= 4 && ((u[0] && u[0] < 0x80 && !u[1] && u[2] && u[2] < 0x80 && !u[3]) ||
                                      (!u[0] && u[1] && u[1] < 0x80 && !u[2] && u[3] && u[3] < 0x80));
    if (utf16_no_mark || (len >= 2 && (memcmp(text, "\xff\xfe", 2) == 0 || memcmp(text, "\xfe\xff", 2) == 0))) {
        report(ld, 1, "", "", _("is saved as UTF-16 (Windows 'Unicode'); save it as UTF-8"));
        free(buf);
        return;
    }

    /* problems of single lines (a full-width character on a key line, a duplicate key)
       do not stop the reading: the rest of the file is read with those lines as
       comments, so that its values are checked too and every problem is said at once;
       a problem with a header, an indented line (the one above may be cut short) or the
       file's encoding does */
    size_t scanned = scan_text(text, len, &ld->scan, scan_problem, ld);
    bool read_on = scanned == 0 || ld->scan.lines_only;
    if (ld->scan.ncuts) { /* long comments, which inih would cut and read on as lines */
        len = scan_cut_comments(&ld->scan, text, len);
        text[len] = '\0';
    }
    if (scanned && read_on) comment_out(text, len, ld->scan.skipped, ld->scan.nskipped);
    if (read_on) {
        bool any_key = false;
        for (size_t i = 0; i < ld->scan.n; i++) {
            const struct scan_entry *e = &ld->scan.entries[i];
            const char *name;
            enum key_family f = e->is_section ? key_family_of(e->section, &name) : FAMILY_NONE;
            if (e->is_section && f)
                open_entry(ld, f, name, e->line);
            else if (e->is_section && !key_section_known(e->section))
                report_unknown_section(ld, e->line, e->section);
            if (!e->is_section) any_key = true;
        }
        if (!any_key && scanned == 0) { /* (a key line skipped for its problem is not "no settings") */
            report(ld, 0, "", "",
                   _("has no settings; a scenario needs at least [demand] orders_per_day (see 'servlab keys')"));
        } else if (any_key) {
            int rc = ini_parse_string(text, on_pair, ld);
            if (rc != 0 && ld->problems == 0)
                report(ld, rc > 0 ? rc : 0, "", "", _("the INI reader could not read this line"));
        }
    }
    scan_fini(&ld->scan);
    free(buf);
}

/* ---- command-line overrides ---- */

static bool given_at(struct scenario *sc, const struct target *t, size_t k)
{
    return origin(sc, k, t)->from != FROM_DEFAULT && origin(sc, k, t)->from != FROM_INHERITED;
}

static bool given(const struct scenario *sc, enum key_id k)
{
    return sc->origin[k].from != FROM_DEFAULT;
}

static void forget(struct scenario *sc, enum key_id k)
{
    sc->origin[k] = (struct key_origin){.from = FROM_DEFAULT};
}

static void forget_file_value(struct scenario *sc, enum key_id k)
{
    if (sc->origin[k].from == FROM_FILE) forget(sc, k);
}

/* Is a key that applies as `a` one of the demand's own, which a history replaces? */
static bool is_own_demand(enum key_applies a)
{
    return a == APPLIES_OWN_DEMAND || a == APPLIES_ARRIVALS;
}

static void note(struct scenario *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Say that the override `by` (NULL: --set) as key = value replaces was_key = was,
 * written on line `line` of the file: "reorder_point = 400 from the command line replaces
 * safety_factor = 1 (line 23)", or for a batch table's cell by its column, which is the
 * same in every row ("table column inventory.reorder_point replaces ..."), so that batch
 * says it once for the rows it concerns. */
static void note_replaces(struct scenario *sc, const struct scenario_override *by, const char *key, const char *value,
                          const char *was_key, const char *was, int line)
{
    if (by && by->source)
        /* TRANSLATORS: where the value came from ("table column inventory.reorder_point"), then
           the key written in the file that it replaces, its value and its line */
        note(sc, _("%s replaces %s = %s (line %d)"), by->source, was_key, was, line);
    else
        note(sc, _("%s = %s from the command line replaces %s = %s (line %d)"), key, value, was_key, was, line);
}

/* The override numbered set (a key_origin's .set, ld->set), or NULL for 0. */
static const struct scenario_override *override_of(const struct loader *ld, unsigned set)
{
    return set && ld->sets ? &ld->sets[set - 1] : NULL;
}

/* A character typed in full-width mode in text (len bytes) of a --set, reported as the
 * file reader reports it (reader/fullwidth.h). */
static bool set_fullwidth(struct loader *ld, const char *section, const char *key, const char *text, size_t len)
{
    struct fullwidth hit;
    if (!fullwidth_find(text, len, &hit)) return false;
    char problem[300];
    if (!key_fullwidth_number(section, key, &hit, text, len, problem, sizeof problem)) /* "0，8": write 0.8 */
        fullwidth_problem(&hit, key_takes_percent(section, key), key_is_share(section, key), problem, sizeof problem);
    report(ld, 0, section, key, "%s", problem);
    return true;
}

static void apply_assignment(struct loader *ld, const char *text)
{
    const char *eq = strchr(text, '=');
    if (set_fullwidth(ld, "", "", text, eq ? (size_t)(eq - text) : strlen(text))) return; /* '＝' included */
    const char *dot = eq ? memchr(text, '.', (size_t)(eq - text)) : NULL;
    if (!eq || !dot) {
        char bare[64];
        snprintf(bare, sizeof bare, "%.*s", eq ? (int)(eq - text) : (int)strlen(text), text);
        const char *full = eq ? key_full_name_of_bare(bare) : NULL;
        if (full)
            report(ld, 0, "", "", _("name the section too: --set %s=%s"), full, eq + 1);
        else
            report(ld, 0, "", "", _("write --set SECTION.KEY=VALUE, for example --set inventory.reorder_point=150"));
        return;
    }
    const char *last_dot = dot;
    for (const char *p = dot; p < eq; p++)
        if (*p == '.') last_dot = p;
    char section[80], key[64];
    const char *sec_start = text, *key_end = eq;
    while (*sec_start == ' ') sec_start++;
    while (key_end > last_dot + 1 && (key_end[-1] == ' ' || key_end[-1] == '\t')) key_end--;
    snprintf(section, sizeof section, "%.*s", (int)(last_dot - sec_start), sec_start);
    snprintf(key, sizeof key, "%.*s", (int)(key_end - last_dot - 1), last_dot + 1);
    lang_tidy_cut(section), lang_tidy_cut(key); /* quoted in messages: never half a character */
    if (!key_section_known(section)) {
        report_unknown_section(ld, 0, section);
        return;
    }
    struct target t;
    if (!resolve_target(ld->sc, section, &t)) {
        const char *name;
        enum key_family f = key_family_of(section, &name);
        /* the nearest of the family's sections: --set location.DC... for [location.dc] */
        size_t n = count_of(ld->sc, f);
        const char **names = malloc((n ? n : 1) * sizeof *names);
        if (!names) abort();
        for (size_t i = 0; i < n; i++) names[i] = entries_of(ld->sc, f)[i].name;
        const char *near = n ? suggest_nearest(name, names, n) : NULL;
        if (near)
            report(ld, 0, section, "",
                   _("the file has no [%s.%s] section; did you mean [%s.%s]? (--set can change a section, not create "
                     "it)"),
                   key_family_prefix(f), name, key_family_prefix(f), near);
        else
            report(ld, 0, section, "", _("the file has no [%s.%s] section; --set can change it, not create it"),
                   key_family_prefix(f), name);
        free(names);
        return;
    }
    int k = key_find(section, key);
    if (k < 0) {
        report_unknown_key(ld, 0, section, key, eq + 1);
        return;
    }
    /* a file name may hold any character, as in the file */
    if (k != K_DEMAND_HISTORY && set_fullwidth(ld, section, key, eq + 1, strlen(eq + 1))) return;
    if (apply_value(ld, (size_t)k, &t, eq + 1, 0, FROM_COMMAND_LINE) != 0) return;
    /* a sweep defined on the command line replaces the file's range */
    for (size_t l = 0; l < 2; l++) {
        const struct lever_keys *lk = &sweep_levers[l];
        bool param = k == (int)lk->parameter, list = k == (int)lk->values;
        bool range = k == (int)lk->from || k == (int)lk->to || k == (int)lk->steps;
        if (param || list) {
            const enum key_id range_keys[] = {lk->from, lk->to, lk->steps};
            for (size_t i = 0; i < 3; i++) forget_file_value(ld->sc, range_keys[i]);
        }
        if (param || range) forget_file_value(ld->sc, lk->values);
        /* a first lever on the command line replaces the file's whole sweep, its second
           lever too (a second --param then gives one again) */
        if (l == 0 && param) {
            const enum key_id second[] = {K_SWEEP_PARAMETER2, K_SWEEP_FROM2, K_SWEEP_TO2, K_SWEEP_STEPS2,
                                          K_SWEEP_VALUES2};
            for (size_t i = 0; i < 5; i++) forget_file_value(ld->sc, second[i]);
        }
    }
    /* a history on the command line replaces the file's demand, and a rate or gaps on the
       command line replace the file's history; a relative path is relative to the
       override's directory */
    const struct key_def *d = &key_defs[k];
    if (k == K_DEMAND_HISTORY) {
        for (size_t g = 0; g < KEY_IDS; g++)
            if (!key_defs[g].family && is_own_demand(key_defs[g].applies)) forget_file_value(ld->sc, (enum key_id)g);
        snprintf(ld->sc->history_dir, sizeof ld->sc->history_dir, "%s", ld->set_dir ? ld->set_dir : "");
        snprintf(ld->sc->history_where, sizeof ld->sc->history_where, "%s", ld->where);
        ld->sc->history_in_table = ld->set_dir != NULL;
    }
    if (d->applies == APPLIES_ARRIVALS) {
        if (ld->sc->origin[K_DEMAND_HISTORY].from == FROM_FILE) { /* the demand the file's history gave */
            const struct scenario_override *by = override_of(ld, ld->set);
            const char *v = by && by->shown ? by->shown : eq + 1;
            while (*v == ' ' || *v == '\t') v++;
            size_t vlen = strlen(v);
            while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t')) vlen--;
            char value[120];
            snprintf(value, sizeof value, "%.*s", (int)vlen, v);
            lang_tidy_cut(value);
            note_replaces(ld->sc, by, d->name, value, key_defs[K_DEMAND_HISTORY].name, ld->sc->history,
                          ld->sc->origin[K_DEMAND_HISTORY].line);
        }
        forget_file_value(ld->sc, K_DEMAND_HISTORY);
        for (size_t g = 0; g < KEY_IDS; g++)
            if (!key_defs[g].family && key_defs[g].applies == APPLIES_HISTORY)
                forget_file_value(ld->sc, (enum key_id)g);
    }
    /* a rate on the command line replaces a gap distribution in the file, and back */
    if (d->either) forget(ld->sc, (enum key_id)(d->either - key_defs));
}

static void apply_set(struct loader *ld, const struct scenario_override *o)
{
    char where[300];
    if (o->label)
        snprintf(where, sizeof where, "%s", o->label);
    else
        snprintf(where, sizeof where, "--set %s", o->assignment);
    lang_tidy_cut(where); /* the messages' place: never half a character */
    const char *saved = ld->where;
    ld->where = where;
    ld->set_dir = o->dir;
    apply_assignment(ld, o->assignment);
    ld->where = saved;
    ld->set_dir = NULL;
    /* what was changed from the file, for reports and chart subtitles (not the run's
       size or seed, which they state anyway, nor the sweep's own range) */
    struct scenario *sc = ld->sc;
    if (strncmp(o->assignment, "run.", 4) != 0 && strncmp(o->assignment, "sweep.", 6) != 0) {
        size_t used = strlen(sc->changes);
        snprintf(sc->changes + used, sizeof sc->changes - used, "%s%s", used ? ", " : "", o->assignment);
    }
}

/* [inventory] catalog_items = N: N identical products, as if N sections were written. */
static void make_catalog(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    if (!sc->catalog_items) return;
    int line = sc->origin[K_INVENTORY_CATALOG_ITEMS].line;
    if (sc->cfg.nproducts) {
        report_key(ld, line, K_INVENTORY_CATALOG_ITEMS,
                   _("give catalog_items or [product.NAME] sections, not both (the first is on line %d)"),
                   sc->products[0].line);
        return;
    }
    for (unsigned i = 1; i <= sc->catalog_items; i++) {
        char name[NAME_LEN];
        snprintf(name, sizeof name, "item%03u", i);
        open_entry(ld, FAMILY_PRODUCT, name, line);
    }
}

/* ---- named sections take what they do not say from the global keys ---- */

static void inherit(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    for (int f = 1; f < FAMILY_COUNT; f++) {
        for (size_t i = 0; i < count_of(sc, (enum key_family)f); i++) {
            struct target t = family_target(sc, (enum key_family)f, i);
            for (size_t k = 0; k < key_count; k++) {
                const struct key_def *d = &key_defs[k];
                if (d->family != (enum key_family)f || !d->inherit) continue;
                struct key_origin *o = origin(sc, k, &t);
                if (o->from != FROM_DEFAULT) continue;
                size_t gk = key_root(k);
                const struct key_def *g = &key_defs[gk];
                const struct key_origin *go = &sc->origin[gk];
                if (go->from == FROM_DEFAULT && !g->fallback) continue; /* nothing to inherit */
                struct target global = plain_target(g->section);
                const void *from = slot(sc, g, &global);
                void *to = slot(sc, d, &t);
                switch (d->type) {
                case KEY_NUMBER: *(double *)to = *(const double *)from; break;
                case KEY_COUNT: *(unsigned *)to = *(const unsigned *)from; break;
                case KEY_SEED: *(uint64_t *)to = *(const uint64_t *)from; break;
                case KEY_DIST: *(struct dist *)to = *(const struct dist *)from; break;
                case KEY_CHOICE: d->choice_set(to, g->choice_get(from)); break;
                case KEY_TEXT: memcpy(to, from, d->text_size); break;
                case KEY_LIST: memcpy(to, from, sizeof(struct number_list)); break;
                }
                bool *gf = given_flag(sc, g, &global), *tf = given_flag(sc, d, &t);
                if (tf) *tf = gf ? *gf : true;
                *o = (struct key_origin){.from = FROM_INHERITED, .line = go->line};
            }
        }
    }
}

static const char *value_source(const struct loader *ld, const struct key_origin *o, char *buf, size_t n);

/* One share of a set that must sum to 1 ([reactions], or the [product.NAME] sections'), as
 * read: its name in the list (the key, or the section's name), where its value came from,
 * and the value. */
struct share_read {
    const char *name;
    const struct key_origin *from;
    double value;
};

/* The shares as a message lists them, each with its value and where from: "elsewhere = 0.31
 * (line 15), substitute = 0 (--set), wait = 0.15 (line 17), cancel = 0.09 (default)", a new
 * string (to free). *first_line: the first line of the file that gives one (0: none);
 * *set: the share given last on the command line (-1: none), the one the student changed. */
static char *share_list(const struct loader *ld, const struct share_read *read, size_t n, int *first_line, int *set)
{
    char *list = NULL;
    size_t size = 0;
    FILE *text = open_memstream(&list, &size);
    if (!text) abort();
    *first_line = 0, *set = -1;
    for (size_t i = 0; i < n; i++) {
        const struct key_origin *o = read[i].from;
        char v[40], from[100];
        shown_value(ld, o->set, read[i].value, v, sizeof v);
        if (o->from == FROM_FILE || o->from == FROM_INHERITED) {
            snprintf(from, sizeof from, _("line %d"), o->line);
            if (o->line > 0 && (!*first_line || o->line < *first_line)) *first_line = o->line;
        } else if (o->from == FROM_COMMAND_LINE) {
            const struct scenario_override *by = &ld->sets[o->set - 1];
            /* a batch table's column, --set, or an option (a sweep's point, named by the
               message's place) */
            snprintf(from, sizeof from, "%s",
                     by->source || !by->label ? value_source(ld, o, from, sizeof from)
                                              : C_("value from", "the command line"));
            if (*set < 0 || o->set > read[*set].from->set) *set = (int)i;
        } else
            /* TRANSLATORS: where a share's value came from: the key's default */
            snprintf(from, sizeof from, "%s", C_("value from", "default"));
        /* TRANSLATORS: between the shares of the list below, each a key, its value and
           where from: Chinese writes '，' (a line may end after it; not after '、') */
        const char *between = C_("list of shares", ", ");
        /* TRANSLATORS: one share of a list: its key, its value and where the value came
           from ("line 34", "--set", "default"): "substitute = 0.3 (line 34)" */
        fprintf(text, _("%s%s = %s (%s)"), i ? between : "", read[i].name, v, from);
    }
    if (fclose(text) != 0 || !list) abort();
    return list;
}

/* The override that gave origin o (given on the command line), as a message's place: its
 * label (a sweep's point, an option) or "--set ASSIGNMENT", into where (n bytes). */
static const char *override_where(const struct loader *ld, const struct key_origin *o, char *where, size_t n)
{
    const struct scenario_override *by = &ld->sets[o->set - 1];
    if (by->label)
        snprintf(where, n, "%s", by->label);
    else
        snprintf(where, n, "--set %s", by->assignment);
    lang_tidy_cut(where);
    return where;
}

/* A problem with a key whose value came from origin o: at its line of the file, or at the
 * override that gave it ("--set inventory.reorder_point=10: [inventory] reorder_point: ..."),
 * not at the file with no line. */
static void report_given(struct loader *ld, const struct key_origin *o, const char *section, const char *key,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void report_given(struct loader *ld, const struct key_origin *o, const char *section, const char *key,
                         const char *fmt, ...)
{
    char where[300];
    const char *file = ld->where;
    if (o->from == FROM_COMMAND_LINE && o->set && ld->sets) ld->where = override_where(ld, o, where, sizeof where);
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, o->from == FROM_FILE ? o->line : 0, section, key, fmt, ap);
    va_end(ap);
    ld->where = file;
}

/* Whether origin o is an option of the command line other than --set ("--values 1,2",
 * "--param ..."), whose messages name the options rather than [sweep]'s keys. */
static bool by_option(const struct loader *ld, const struct key_origin *o)
{
    const char *label = o->from == FROM_COMMAND_LINE && o->set && ld->sets ? ld->sets[o->set - 1].label : NULL;
    return label && strncmp(label, "--", 2) == 0 && strncmp(label, "--set ", 6) != 0;
}

/* Whether origin o is a --set of the command line ("--set sweep.values=1,2": an override
 * with no label, which override_where names by its assignment), whose hints write a key as
 * --set does rather than as a scenario file's line. */
static bool by_set(const struct loader *ld, const struct key_origin *o)
{
    return o->from == FROM_COMMAND_LINE && o->set && ld->sets && !ld->sets[o->set - 1].label;
}

/* The shares of family f's n sections do not sum to 1 (sum): each as read and where from,
 * and what would make the sum 1, as for [reactions] (report_reaction_sum): a share given
 * on the command line is the one changed, the problem that override's with the value it
 * would need; else the family's, on the line of its first share in the file, where it
 * blamed the last section's share, which the student may not have touched. */
static void report_share_sum(struct loader *ld, enum key_family f, enum key_id k, size_t n, double sum)
{
    struct scenario *sc = ld->sc;
    struct share_read *read = malloc(n * sizeof *read);
    if (!read) abort();
    for (size_t i = 0; i < n; i++) {
        struct target t = family_target(sc, f, i);
        read[i] =
            (struct share_read){entries_of(sc, f)[i].name, origin(sc, k, &t), *(double *)slot(sc, &key_defs[k], &t)};
    }
    int first_line = 0, set = -1;
    char *list = share_list(ld, read, n, &first_line, &set);
    char total[40], need[40];
    num_plain(round(sum * 1e6) / 1e6, total, sizeof total);
    const char *family = key_family_prefix(f);
    if (set >= 0) {
        char where[300];
        struct target t = family_target(sc, f, (size_t)set);
        double others = sum - read[set].value, meant = round((1 - others) * 1e6) / 1e6;
        const char *saved = ld->where;
        ld->where = override_where(ld, read[set].from, where, sizeof where);
        if (meant >= 0)
            report_at(ld, 0, &t, k,
                      /* TRANSLATORS: the count of sections, the family ("product"), the sum, the
                         list of shares ("tea = 0.5 (line 12), ..."), then the share that would
                         make the sum 1 */
                      _("the shares of the %zu [%s.NAME] sections sum to %s, not 1: %s; with the others as they are, "
                        "share = %s makes the sum 1"),
                      n, family, total, list, num_plain(meant, need, sizeof need));
        else
            report_at(ld, 0, &t, k,
                      _("the shares of the %zu [%s.NAME] sections sum to %s, not 1: %s; the others alone sum to more "
                        "than 1: lower them too"),
                      n, family, total, list);
        ld->where = saved;
    } else {
        double gap = round((1 - sum) * 1e6) / 1e6;
        num_plain(fabs(gap), need, sizeof need);
        report(ld, first_line, "", "",
               gap > 0 ? _("the shares of the %zu [%s.NAME] sections sum to %s, not 1: %s; raise one of them by %s "
                           "(or several by %s in all)")
                       : _("the shares of the %zu [%s.NAME] sections sum to %s, not 1: %s; lower one of them by %s "
                           "(or several by %s in all)"),
               n, family, total, list, need, need);
    }
    free(list);
    free(read);
}

/* Shares of a family: none given (all alike), or all given and summing to 1. */
static void resolve_shares(struct loader *ld, enum key_family f)
{
    struct scenario *sc = ld->sc;
    size_t n = count_of(sc, f);
    if (n == 0) return;
    static const int share_of[FAMILY_COUNT] = {-1, K_PRODUCT_SHARE, K_TIER_SHARE, K_CHANNEL_SHARE, -1, K_REGION_SHARE};
    assert(share_of[f] >= 0 && "a family with shares");
    size_t k = (size_t)share_of[f];
    size_t with = 0;
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        struct target t = family_target(sc, f, i);
        if (origin(sc, k, &t)->from != FROM_DEFAULT) with++, sum += *(double *)slot(sc, &key_defs[k], &t);
    }
    for (size_t i = 0; i < n; i++) {
        struct target t = family_target(sc, f, i);
        double *share = slot(sc, &key_defs[k], &t);
        if (with == 0) {
            *share = 1.0 / (double)n;
        } else if (with < n && origin(sc, k, &t)->from == FROM_DEFAULT) {
            report_at(ld, entries_of(sc, f)[i].line, &t, (enum key_id)k,
                      _("missing; give every [%s.NAME] a share, or none for equal shares"), key_family_prefix(f));
            return;
        }
    }
    if (with == n && fabs(sum - 1) > 1e-6) report_share_sum(ld, f, (enum key_id)k, n, sum);
}

/* ---- cross-field checks and resolution ---- */

static int line_of(const struct scenario *sc, enum key_id k)
{
    return sc->origin[k].line;
}

static void warn(struct scenario *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(struct scenario *sc, const char *fmt, ...)
{
    if (sc->nwarnings == SCENARIO_WARNINGS_MAX) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->warnings[sc->nwarnings], sizeof sc->warnings[0], fmt, ap);
    va_end(ap);
    lang_tidy_cut(sc->warnings[sc->nwarnings++]); /* never half a character, if cut */
}

static void note(struct scenario *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(struct scenario *sc, const char *fmt, ...)
{
    if (sc->nnotes == sizeof sc->notes / sizeof sc->notes[0]) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->notes[sc->nnotes], sizeof sc->notes[0], fmt, ap);
    va_end(ap);
    lang_tidy_cut(sc->notes[sc->nnotes++]);
}

/* Is any [customers] key given? Then demand comes from a customer base. */
/* The first key of plain section `section` given (in table order), or KEY_NONE. */
static enum key_id section_key_given(const struct scenario *sc, const char *section)
{
    for (size_t k = 0; k < key_count; k++)
        if (!key_defs[k].family && strcmp(key_defs[k].section, section) == 0 && sc->origin[k].from != FROM_DEFAULT)
            return (enum key_id)k;
    return KEY_NONE;
}

static bool customers_given(struct scenario *sc)
{
    return section_key_given(sc, "customers") != KEY_NONE;
}

/* The demand distributions the levers' normal approximation reads (models/theory.c) for
 * a history too sparse to fit (a slow mover: fewer than 10 order gaps). Gaps are the
 * history's mean gap, constant; order sizes have its mean and the variance that makes
 * the daily demand's variance the history's own (size variance / mean gap = daily
 * variance), drawn as a gamma. Constant sizes would give demand no spread at all, so
 * every safety factor and service target would set the same reorder point. Only the
 * theory reads them: a history that cannot be fitted is replayed or bootstrapped. */
static void history_moments(const struct history_info *hi, struct demand_config *d)
{
    double gap = (double)hi->h.ndays / (double)hi->h.norders, size = hi->h.total_units / (double)hi->h.norders;
    dist_constant(&d->interarrival_days, gap);
    double size_sd = hi->sd_per_day * sqrt(gap);
    char err[200];
    if (!(size_sd > 0) ||
        dist_init(&d->units_per_order, dist_type_find("gamma"), (double[]){size, size_sd}, 2, err, sizeof err) != 0)
        dist_constant(&d->units_per_order, size);
}

/* Demand from a history file: what it excludes, reading it, and what the model and
 * the levers get from it. Returns true when a history gives the demand. */
static bool resolve_history(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    if (!given(sc, K_DEMAND_HISTORY)) {
        for (size_t k = 0; k < KEY_IDS; k++)
            if (!key_defs[k].family && key_defs[k].applies == APPLIES_HISTORY && given(sc, (enum key_id)k))
                report_key(ld, line_of(sc, (enum key_id)k), (enum key_id)k, _("not used: there is no history"));
        return false;
    }
    int line = line_of(sc, K_DEMAND_HISTORY);
    size_t problems = ld->problems;
    static const enum key_id excluded[] = {K_DEMAND_ORDERS_PER_DAY,   K_DEMAND_INTERARRIVAL_DAYS,
                                           K_DEMAND_UNITS_PER_ORDER,  K_DEMAND_FIRST_ORDER_DAYS,
                                           K_DEMAND_WEEKDAY_PROFILE,  K_DEMAND_RATE_CURVE,
                                           K_DEMAND_PEAK_SHIFT_SHARE, K_DEMAND_QUANTITY_DISCOUNT_SHARE};
    for (size_t i = 0; i < sizeof excluded / sizeof excluded[0]; i++)
        if (given(sc, excluded[i]) &&
            (excluded[i] != K_DEMAND_PEAK_SHIFT_SHARE || sc->cfg.demand.peak_shift_share > 0) &&
            (excluded[i] != K_DEMAND_QUANTITY_DISCOUNT_SHARE || sc->cfg.demand.quantity_discount_share > 0))
            report_key(ld, line_of(sc, excluded[i]), excluded[i],
                       _("not used with a history (line %d), which gives the orders; remove it"), line);
    if (sc->cfg.customers.on)
        report_key(ld, line, K_DEMAND_HISTORY, _("a history gives the orders, so there can be no [customers] section"));
    if (sc->catalog_items)
        report_key(ld, line, K_DEMAND_HISTORY,
                   _("a history is the demand for one item: remove %s (servlab batch runs many items, one per row)"),
                   key_defs[K_INVENTORY_CATALOG_ITEMS].name);
    else if (sc->cfg.nproducts)
        report_key(ld, line, K_DEMAND_HISTORY,
                   _("a history is the demand for one item: remove the [product.NAME] sections (servlab batch runs "
                     "many items, one per row)"));
    for (size_t i = 0; i < sc->cfg.ntiers; i++)
        if (sc->cfg.tiers[i].has_units) {
            struct target t = family_target(sc, FAMILY_TIER, i);
            report_at(ld, origin(sc, K_TIER_UNITS_PER_ORDER, &t)->line, &t, K_TIER_UNITS_PER_ORDER,
                      _("not used with a history (line %d), which gives the order sizes; remove it"), line);
        }
    if (!given(sc, K_DEMAND_HISTORY_KIND))
        report_key(ld, line, K_DEMAND_HISTORY_KIND,
                   _("missing; say whether each row of the history is a day's total (daily) or one order (orders)"));
    const struct history_options *o = &sc->history_options;
    sc->history_options.kind = sc->history_kind;
    sc->history_options.period_given = given(sc, K_DEMAND_HISTORY_PERIOD);
    /* a batch's base may leave the item to its table's rows: the file is checked whole here,
       each row's item when the row is loaded */
    bool whole_file = ld->item_from_table && *o->item_column && !*o->item;
    if (*o->item_column && !*o->item && !whole_file)
        report_key(ld, line_of(sc, K_DEMAND_HISTORY_ITEM_COLUMN), K_DEMAND_HISTORY_ITEM_COLUMN,
                   _("needs history_item, the item whose rows to read"));
    if (*o->item && !*o->item_column)
        report_key(ld, line_of(sc, K_DEMAND_HISTORY_ITEM), K_DEMAND_HISTORY_ITEM,
                   _("needs history_item_column, the column that holds the item ids"));
    if (o->period != HISTORY_PERIOD_DAY && sc->history_kind != HISTORY_DAILY)
        report_key(ld, line_of(sc, K_DEMAND_HISTORY_PERIOD), K_DEMAND_HISTORY_PERIOD,
                   _("a row that totals a week or a month needs history_kind = daily"));
    if ((o->thousands == HISTORY_THOUSANDS_COMMA && o->decimal == HISTORY_DECIMAL_COMMA) ||
        (o->thousands == HISTORY_THOUSANDS_DOT && o->decimal == HISTORY_DECIMAL_DOT))
        report_key(ld, line_of(sc, K_DEMAND_HISTORY_THOUSANDS), K_DEMAND_HISTORY_THOUSANDS,
                   _("the same mark as history_decimal; one of them must be the other mark"));
    if (ld->problems > problems) return true;
    bool from_file = sc->origin[K_DEMAND_HISTORY].from == FROM_FILE;
    char dir[HISTORY_PATH_MAX] = "", path[HISTORY_PATH_MAX], err[600];
    if (from_file) {
        const char *slash = strrchr(sc->path, '/');
        if (slash) snprintf(dir, sizeof dir, "%.*s", (int)(slash - sc->path), sc->path);
        if (slash == sc->path) snprintf(dir, sizeof dir, "/");
    } else {
        snprintf(dir, sizeof dir, "%s", sc->history_dir);
    }
    const char *saved = ld->where;
    if (!from_file) ld->where = sc->history_where;
    bool located = false;
    struct csv_encoding read_as = {0};
    const struct history_info *hi = NULL;
    if (history_resolve(sc->history, dir, path, sizeof path) != 0)
        report_key(ld, line, K_DEMAND_HISTORY, _("the path is too long"));
    else if (whole_file
                 ? history_check_file(path, &sc->history_options, &located, &read_as, err, sizeof err) != 0
                 : !(hi = history_load_options(path, &sc->history_options, &located, &read_as, err, sizeof err))) {
        if (located) {
            report_text(ld, line, err, 0);
        } else { /* not read: say the full path tried, and where a relative one starts from
                    when that is why it was not found (not when it is, say, in another encoding) */
            char cwd[PATH_MAX] = "";
            bool relative = sc->history[0] != '/' && access(path, F_OK) != 0;
            if (path[0] != '/' && !getcwd(cwd, sizeof cwd)) cwd[0] = '\0';
            /* a path copied from Windows: '\\' is a character of a file name here, not a folder */
            bool backslash = strchr(sc->history, '\\') && access(path, F_OK) != 0;
            report_key(ld, line, K_DEMAND_HISTORY, "%s%s%s: %s%s%s", cwd, *cwd ? "/" : "", path, err,
                       !relative   ? ""
                       : from_file ? _(" (a relative path in a scenario file starts from the file's directory)")
                       : sc->history_in_table
                           ? _(" (a relative path in a table starts from the table's directory)")
                           : _(" (a relative path given with --set starts from the current directory)"),
                       backslash ? _("; write '/' between folders, not '\\' (as Windows writes paths)") : "");
        }
    }
    if (read_as.gb18030)
        csv_note_gb18030(ld->err, path, &read_as); /* before the file's problems, if any: their text is converted */
    if (hi && *hi->warning) warn(sc, "%s", hi->warning);
    if (hi && sc->history_mode == HISTORY_FIT && !hi->fitted)
        report_key(ld, line_of(sc, K_DEMAND_HISTORY_MODE), K_DEMAND_HISTORY_MODE,
                   _("cannot fit %s: %s; use replay or bootstrap"), path, hi->fit_problem);
    if (hi && sc->history_mode == HISTORY_WEEKDAY_BOOTSTRAP && hi->h.ndays < 7)
        report_key(ld, line_of(sc, K_DEMAND_HISTORY_MODE), K_DEMAND_HISTORY_MODE,
                   _("%s holds %zu days; weekday_bootstrap needs at least 7 (one of each weekday)"), path, hi->h.ndays);
    ld->where = saved;
    if (ld->problems > problems || whole_file) return true; /* whole_file: no item's history, none to play */
    sc->history_info = hi;
    struct demand_config *d = &sc->cfg.demand;
    d->history_mode = sc->history_mode;
    d->history = &hi->h;
    /* the fit's distributions: drawn from in a fit, and the levers' theory in any mode */
    char e[200];
    if (hi->fitted) {
        d->interarrival_days = hi->gaps.d;
        d->units_per_order = hi->units.d;
    } else { /* too few orders to fit: the levers use the history's means and its daily spread */
        history_moments(hi, d);
    }
    (void)e;
    return true;
}

static void resolve_demand(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    if (resolve_history(ld)) return;
    bool rate = given(sc, K_DEMAND_ORDERS_PER_DAY), gaps = given(sc, K_DEMAND_INTERARRIVAL_DAYS);
    if (sc->cfg.customers.on) {
        if (rate || gaps) {
            enum key_id key = rate ? K_DEMAND_ORDERS_PER_DAY : K_DEMAND_INTERARRIVAL_DAYS;
            report_key(ld, line_of(sc, key), key,
                       _("with a [customers] section, orders come from the customers "
                         "(orders_per_customer_day); remove this key"));
        }
        return; /* the order rate for levers is set once the customers are resolved */
    }
    if (rate && gaps) {
        int lr = line_of(sc, K_DEMAND_ORDERS_PER_DAY), lg = line_of(sc, K_DEMAND_INTERARRIVAL_DAYS);
        report_key(ld, lr > lg ? lr : lg, lr > lg ? K_DEMAND_ORDERS_PER_DAY : K_DEMAND_INTERARRIVAL_DAYS,
                   _("give orders_per_day or interarrival_days, not both (the other is on line %d)"),
                   lr > lg ? lg : lr);
    } else if (!rate && !gaps) {
        report_key(ld, 0, K_DEMAND_ORDERS_PER_DAY,
                   _("missing; say how often orders arrive with orders_per_day (a rate) or interarrival_days "
                     "(a distribution)"));
    } else if (rate) {
        char err[200];
        dist_init(&sc->cfg.demand.interarrival_days, dist_type_find("exponential"), (double[]){1 / sc->orders_per_day},
                  1, err, sizeof err);
    }
}

/* The stock settings of one section: [inventory], or a [product.NAME]. */
struct stock_section {
    struct target t;
    struct inventory_config *inv;
    double *levers;
    struct lever *lever;
    double order_share; /* chance an order asks for this product (for the levers' demand) */
};

static const enum key_id lever_keys[LEVERS] = {K_INVENTORY_SAFETY_FACTOR, K_INVENTORY_TARGET_CYCLE_SERVICE_LEVEL,
                                               K_INVENTORY_TARGET_FILL_RATE};

/* Where [inventory] key g (or its copy in a product or location) of a stock section got
 * its value; a key the section does not have (reserve_units of a location) counts as
 * never given. */
static const struct key_origin *stock_origin(struct scenario *sc, const struct stock_section *ss, enum key_id g)
{
    static const struct key_origin absent = {.from = FROM_DEFAULT};
    int k = key_copy(ss->t.family, g);
    return k < 0 ? &absent : origin(sc, (size_t)k, &ss->t);
}

static void forget_at(struct scenario *sc, const struct stock_section *ss, enum key_id g)
{
    int k = key_copy(ss->t.family, g);
    if (k >= 0) *origin(sc, (size_t)k, &ss->t) = (struct key_origin){.from = FROM_DEFAULT};
}

/* How strongly a value was given: explicitly (2), inherited (1), not at all (0). */
static int strength(const struct key_origin *o)
{
    return o->from == FROM_FILE || o->from == FROM_COMMAND_LINE ? 2 : o->from == FROM_INHERITED ? 1 : 0;
}

/* A key the file gives that a choice made with --set has made unused (say
 * --set order_cycle.expedite=never in a file with expedite_delivery_days): a note
 * for the report, not an error, so that "what if" needs no edit of the file. A key
 * unused by the file's own choices stays an error. Returns true if it was noted. */
static bool unused_by_override(const struct loader *ld, const struct key_origin *choice, enum key_id choice_key,
                               const char *label, size_t key, const struct key_origin *unused)
{
    if (choice->from != FROM_COMMAND_LINE || unused->from != FROM_FILE) return false;
    struct scenario *sc = ld->sc;
    const struct scenario_override *by = override_of(ld, choice->set);
    if (by && by->source) { /* a batch table's cell: by its column, the same in every row */
        /* TRANSLATORS: where the choice came from ("table column inventory.policy"), then the
           section, key and line of the file's key it leaves unused */
        note(sc, _("%s leaves [%s] %s (line %d) unused"), by->source, label, key_defs[key].name, unused->line);
        return true;
    }
    note(sc, _("%s from the command line leaves [%s] %s (line %d) unused"), key_defs[choice_key].name, label,
         key_defs[key].name, unused->line);
    return true;
}

/* Decide whether a service lever sets the reorder level. A lever and the level it sets
 * cannot both be written in one section; given on the command line, either one
 * replaces the other written in the file; a value written for a product beats one it
 * inherited. Sets ss->lever->key when a lever is in force. */
static void choose_lever(struct loader *ld, const struct stock_section *ss)
{
    struct scenario *sc = ld->sc;
    const struct policy_type *p = ss->inv->policy;
    int chosen = -1;
    for (int i = 0; i < LEVERS; i++) {
        const struct key_origin *o = stock_origin(sc, ss, lever_keys[i]);
        if (!strength(o)) continue;
        const struct key_origin *co = chosen >= 0 ? stock_origin(sc, ss, lever_keys[chosen]) : NULL;
        if (co && strength(o) == strength(co) && o->from != co->from &&
            (o->from == FROM_COMMAND_LINE || co->from == FROM_COMMAND_LINE)) {
            /* one lever from the command line (--set, --param, a sweep point, a batch cell)
               and another from the file: the command line's replaces it, as it replaces a
               written level, so that "what if I target the fill rate" needs no edit */
            int given = o->from == FROM_COMMAND_LINE ? i : chosen, written = given == i ? chosen : i;
            const struct key_origin *wo = given == i ? co : o;
            char now[40], was[40];
            shown_value(ld, stock_origin(sc, ss, lever_keys[given])->set, ss->levers[given], now, sizeof now);
            shown_value(ld, wo->set, ss->levers[written], was, sizeof was);
            note_replaces(sc, override_of(ld, stock_origin(sc, ss, lever_keys[given])->set),
                          key_defs[lever_keys[given]].name, now, key_defs[lever_keys[written]].name, was, wo->line);
            forget_at(sc, ss, lever_keys[written]);
            chosen = given;
            continue;
        }
        if (co && o->from == FROM_INHERITED && co->from == FROM_INHERITED) {
            /* a product or location inherited both: [inventory] chose first (above), and
               the lever it kept is the one this section inherits */
            struct target inventory = plain_target("inventory");
            bool keep_i = strength(origin(sc, (size_t)lever_keys[i], &inventory)) > 0;
            bool keep_chosen = strength(origin(sc, (size_t)lever_keys[chosen], &inventory)) > 0;
            if (keep_i != keep_chosen) {
                forget_at(sc, ss, lever_keys[keep_i ? chosen : i]);
                if (keep_i) chosen = i;
                continue;
            }
        }
        if (co && strength(o) == strength(co) && co->line > 0) {
            report(ld, o->line, ss->t.label, key_defs[lever_keys[i]].name,
                   _("give one service lever, not both this and %s (line %d)"), key_defs[lever_keys[chosen]].name,
                   co->line);
            return;
        }
        if (co && strength(o) == strength(co)) {
            report(ld, o->line, ss->t.label, key_defs[lever_keys[i]].name,
                   _("give one service lever, not both this and %s"), key_defs[lever_keys[chosen]].name);
            return;
        }
        if (chosen < 0 || strength(o) > strength(stock_origin(sc, ss, lever_keys[chosen]))) chosen = i;
    }
    if (chosen < 0) return;
    enum key_id lever = lever_keys[chosen];
    const char *key = key_defs[lever].name; /* the struct lever's names point into the table */
    const struct key_origin *lo = stock_origin(sc, ss, lever);
    if (!p->holds_stock || (p->uses_reorder_point && !p->uses_order_quantity)) {
        if (strength(lo) < 2) return; /* inherited by a product it does not suit: ignore */
        report(ld, lo->line, ss->t.label, key,
               p->holds_stock ? _("a service lever sets the reorder point of policy sQ or the order-up-to level of "
                                  "base_stock; policy %s needs reorder_point and order_up_to written out")
                              : _("a service lever sets the reorder point of policy sQ or the order-up-to level of "
                                  "base_stock; policy %s holds no stock"),
               p->name);
        return;
    }
    enum key_id level = p->uses_order_quantity ? K_INVENTORY_REORDER_POINT : K_INVENTORY_ORDER_UP_TO;
    const char *level_key = key_defs[level].name;
    const struct key_origin *vo = stock_origin(sc, ss, level);
    char was[40], target[40];
    shown_value(ld, lo->set, ss->levers[chosen], target, sizeof target);
    if (strength(vo)) {
        shown_value(ld, vo->set, p->uses_order_quantity ? ss->inv->reorder_point : ss->inv->order_up_to, was,
                    sizeof was);
        if (strength(vo) > strength(lo)) return; /* a level written for the product beats an inherited lever */
        if (strength(lo) == 2 && strength(vo) == 2) {
            if (lo->from == vo->from && lo->from == FROM_FILE) {
                report(ld, lo->line, ss->t.label, key, _("the file also sets %s on line %d; give one or the other"),
                       level_key, vo->line);
                return;
            }
            if (lo->from == vo->from) {
                report(ld, 0, ss->t.label, key, _("the command line also sets %s; give one or the other"), level_key);
                return;
            }
            if (vo->from == FROM_COMMAND_LINE) { /* the written level wins over the file's lever */
                note_replaces(sc, override_of(ld, vo->set), level_key, was, key, target, lo->line);
                forget_at(sc, ss, lever);
                return;
            }
        }
        if (vo->from == FROM_FILE || vo->from == FROM_INHERITED)
            snprintf(ss->lever->replaced, sizeof ss->lever->replaced, _("%s = %s on line %d"), level_key, was,
                     vo->line);
        forget_at(sc, ss, level);
    }
    ss->lever->key = key;
    ss->lever->target = ss->levers[chosen];
    ss->lever->level_key = level_key;
}

/* Set the level a lever asks for, from the normal approximation. */
static void apply_lever(struct scenario *sc, const struct stock_section *ss)
{
    struct inventory_config *inv = ss->inv;
    struct protection pr = theory_protection_for(&sc->cfg, inv, ss->order_share);
    double level, target = ss->lever->target;
    if (ss->lever->key == key_defs[K_INVENTORY_SAFETY_FACTOR].name)
        level = theory_level_for_safety_factor(&pr, target);
    else if (ss->lever->key == key_defs[K_INVENTORY_TARGET_CYCLE_SERVICE_LEVEL].name)
        level = theory_level_for_cycle_service(&pr, target);
    else
        level = theory_level_for_fill_rate(&pr, target);
    if (inv->policy->uses_order_quantity)
        inv->reorder_point = level;
    else
        inv->order_up_to = level > 0 ? level : 0;
    ss->lever->level = inv->policy->uses_order_quantity ? inv->reorder_point : inv->order_up_to;
}

/* Does policy p use a key that applies as `a` (reorder point, order quantity or
 * order-up-to level, or any stock)? */
static bool policy_uses(const struct policy_type *p, enum key_applies a)
{
    switch (a) {
    case APPLIES_REORDER_POINT: return p->uses_reorder_point;
    case APPLIES_ORDER_QUANTITY: return p->uses_order_quantity;
    case APPLIES_ORDER_UP_TO: return p->uses_order_up_to;
    case APPLIES_STOCK:
    case APPLIES_PERIODIC_REVIEW: return p->holds_stock;
    default: return true;
    }
}

static bool is_policy_parameter(enum key_applies a)
{
    return a == APPLIES_REORDER_POINT || a == APPLIES_ORDER_QUANTITY || a == APPLIES_ORDER_UP_TO;
}

/* Policy parameters, levers, shortage and starting stock of one stock section. */
/* The outside supplier's up and down periods come as a pair. Reported where the one
 * given was written: a section that inherits the lone key is reported with [inventory]. */
static void check_supplier(struct loader *ld, const struct stock_section *ss)
{
    struct scenario *sc = ld->sc;
    const struct inventory_config *inv = ss->inv;
    if (!inv->supplier_up_days.type == !inv->supplier_down_days.type) return;
    enum key_id given = inv->supplier_up_days.type ? K_INVENTORY_SUPPLIER_UP_DAYS : K_INVENTORY_SUPPLIER_DOWN_DAYS;
    enum key_id other =
        given == K_INVENTORY_SUPPLIER_UP_DAYS ? K_INVENTORY_SUPPLIER_DOWN_DAYS : K_INVENTORY_SUPPLIER_UP_DAYS;
    const struct key_origin *o = stock_origin(sc, ss, given);
    if (strength(o) != 2) return;
    report(ld, o->line, ss->t.label, key_defs[given].name,
           _("needs %s too: the supplier alternates between up and down periods, so give both lengths, or "
             "neither for a supplier that is never down"),
           key_defs[other].name);
}

/* names[0..n) as a list into buf (size bytes): "a, b or c", its last two joined by
 * last (" or ", " and ", translated). */
static char *list_of(const char *const *names, size_t n, const char *last, char *buf, size_t size)
{
    /* TRANSLATORS: between the items of a list of names; Chinese writes '、' */
    const char *between = C_("list", ", ");
    *buf = '\0';
    for (size_t i = 0, used = 0; i < n && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i == 0 ? "" : i + 1 == n ? last : between, names[i]);
    return buf;
}

/* A stock section without a policy, the default none, that gives keys of a policy that
 * holds stock (reorder_point, a lever, lead_time_days): one problem, at the first of them,
 * that the policy is missing, with the policy those keys are for (the policies that use
 * every policy parameter given, and that a lever suits), where each key would be
 * refused as one that none does not use. Returns true if it was reported. */
static bool missing_policy(struct loader *ld, const struct stock_section *ss)
{
    struct scenario *sc = ld->sc;
    /* a product or location inherits [inventory]'s policy: missing only if that is too */
    if (strength(stock_origin(sc, ss, K_INVENTORY_POLICY)) == 2 || given(sc, K_INVENTORY_POLICY) ||
        ss->inv->policy->holds_stock)
        return false;
    const char *keys[KEY_IDS], *parameters[KEY_IDS];
    size_t nkeys = 0, nparameters = 0;
    int line = 0;
    const struct key_origin *set = NULL;   /* the first --set of them, when the file gives none */
    bool lever = false, uses[3] = {false}; /* reorder point, order quantity, order-up-to */
    for (size_t g = 0; g < KEY_IDS; g++) {
        const struct key_def *d = &key_defs[g];
        bool is_lever = g == K_INVENTORY_SAFETY_FACTOR || g == K_INVENTORY_TARGET_CYCLE_SERVICE_LEVEL ||
                        g == K_INVENTORY_TARGET_FILL_RATE;
        if (d->family || (d->flags & KEY_OFF_AT_ZERO) ||
            !(is_lever || is_policy_parameter(d->applies) || d->applies == APPLIES_STOCK ||
              d->applies == APPLIES_PERIODIC_REVIEW))
            continue;
        const struct key_origin *o = stock_origin(sc, ss, (enum key_id)g);
        if (strength(o) != 2) continue;
        if (o->from == FROM_FILE && (!line || o->line < line)) line = o->line;
        if (o->from == FROM_COMMAND_LINE && o->set && (!set || o->set < set->set)) set = o;
        keys[nkeys++] = d->name;
        if (is_lever || is_policy_parameter(d->applies)) parameters[nparameters++] = d->name;
        lever |= is_lever;
        uses[0] |= d->applies == APPLIES_REORDER_POINT;
        uses[1] |= d->applies == APPLIES_ORDER_QUANTITY;
        uses[2] |= d->applies == APPLIES_ORDER_UP_TO;
    }
    if (nkeys == 0) return false;
    const char *fits[8];
    size_t nfits = 0;
    for (int pass = 0; pass < 2 && nfits == 0; pass++) /* pass 1: none fits every key; any that holds stock */
        for (size_t i = 0; policy_types[i] && nfits < 8; i++) {
            const struct policy_type *p = policy_types[i];
            if (!p->holds_stock) continue;
            if (pass == 0 &&
                ((uses[0] && !p->uses_reorder_point) || (uses[1] && !p->uses_order_quantity) ||
                 (uses[2] && !p->uses_order_up_to) || (lever && p->uses_reorder_point && !p->uses_order_quantity)))
                continue;
            fits[nfits++] = p->name;
        }
    char given[600], used[400], names[200];
    /* TRANSLATORS: before the last of a list of keys that are all meant: "a, b and c"
       (the keys are ASCII: Chinese keeps the blanks, " 和 ") */
    const char *and = C_("list of names", " and ");
    /* TRANSLATORS: before the last of a list of keys or choices, one of them meant: "a, b or
       c" (the keys are ASCII: Chinese keeps the blanks, " 或 ") */
    const char * or = C_("list of names", " or ");
    list_of(keys, nkeys, or, given, sizeof given);
    /* keys given by --set only: the problem is that override's ("--set
       inventory.reorder_point=10: [inventory] policy: missing ..."), not the file's */
    char where[300];
    const char *file = ld->where;
    if (!line && set) ld->where = override_where(ld, set, where, sizeof where);
    if (nfits == 1 && nparameters)
        report(ld, line, ss->t.label, key_defs[K_INVENTORY_POLICY].name,
               _("missing: without it the policy is none (stock never runs out), which does not use %s; "
                 "add policy = %s, the policy that uses %s"),
               given, fits[0], list_of(parameters, nparameters, and, used, sizeof used));
    else
        report(ld, line, ss->t.label, key_defs[K_INVENTORY_POLICY].name,
               _("missing: without it the policy is none (stock never runs out), which does not use %s; add a "
                 "policy line: policy = %s"),
               given, list_of(fits, nfits, or, names, sizeof names));
    ld->where = file;
    return true;
}

static void resolve_stock(struct loader *ld, struct stock_section *ss)
{
    struct scenario *sc = ld->sc;
    struct inventory_config *inv = ss->inv;
    const struct policy_type *p = inv->policy;
    const char *label = ss->t.label;
    int policy_line = stock_origin(sc, ss, K_INVENTORY_POLICY)->line;
    size_t problems = ld->problems;
    if (missing_policy(ld, ss)) return;
    choose_lever(ld, ss);
    if (ld->problems > problems) return;
    const struct key_origin *policy = stock_origin(sc, ss, K_INVENTORY_POLICY);
    for (size_t g = 0; g < KEY_IDS; g++) { /* the policy's parameters: given where used, only there */
        const struct key_def *d = &key_defs[g];
        if (d->family || !is_policy_parameter(d->applies)) continue;
        bool used = policy_uses(p, d->applies);
        const struct key_origin *o = stock_origin(sc, ss, (enum key_id)g);
        bool is_given = strength(o) || (ss->lever->key && ss->lever->level_key == d->name);
        if (used && !is_given)
            report(ld, policy_line, label, d->name, _("missing; policy %s%s needs it%s"), p->name,
                   policy->from == FROM_COMMAND_LINE ? _(" (from --set)") : "",
                   p->uses_order_quantity && g == K_INVENTORY_REORDER_POINT
                       ? _(" (or a service lever such as target_fill_rate)")
                       : "");
        if (!used && strength(o) == 2 && !unused_by_override(ld, policy, K_INVENTORY_POLICY, label, g, o))
            report_given(ld, o, label, d->name, _("not used by policy %s; remove it or choose a policy that uses it"),
                         p->name);
    }
    /* the other stock keys: unused without stock, or first_review_days with continuous review */
    for (size_t g = 0; g < KEY_IDS; g++) {
        const struct key_def *d = &key_defs[g];
        if (d->family || (d->flags & KEY_OFF_AT_ZERO) ||
            (d->applies != APPLIES_STOCK && d->applies != APPLIES_PERIODIC_REVIEW))
            continue;
        const struct key_origin *o = stock_origin(sc, ss, (enum key_id)g);
        if (strength(o) != 2) continue;
        if (!p->holds_stock) {
            if (!unused_by_override(ld, policy, K_INVENTORY_POLICY, label, g, o))
                report_given(ld, o, label, d->name,
                             _("not used by policy none (stock never runs out); remove it or choose a policy"));
        } else if (d->applies == APPLIES_PERIODIC_REVIEW && inv->review_days == 0 &&
                   !unused_by_override(ld, stock_origin(sc, ss, K_INVENTORY_REVIEW_DAYS), K_INVENTORY_REVIEW_DAYS,
                                       label, g, o)) {
            report(ld, o->line, label, d->name,
                   _("not used with continuous review (review_days = 0); remove it or give review_days"));
        }
    }
    if (!p->holds_stock) return;
    check_supplier(ld, ss);
    if (ld->problems > problems) return;
    if (ss->lever->key) apply_lever(sc, ss);
    char s[40], big_s[40];
    int s_line = stock_origin(sc, ss, K_INVENTORY_REORDER_POINT)->line; /* 0: not from the file */
    if (p->uses_reorder_point && p->uses_order_up_to && !(inv->order_up_to > inv->reorder_point)) {
        shown_value(ld, stock_origin(sc, ss, K_INVENTORY_ORDER_UP_TO)->set, inv->order_up_to, big_s, sizeof big_s);
        shown_value(ld, stock_origin(sc, ss, K_INVENTORY_REORDER_POINT)->set, inv->reorder_point, s, sizeof s);
        if (s_line > 0)
            report(ld, stock_origin(sc, ss, K_INVENTORY_ORDER_UP_TO)->line, label,
                   key_defs[K_INVENTORY_ORDER_UP_TO].name, _("S = %s must be above reorder_point s = %s (line %d)"),
                   big_s, s, s_line);
        else
            report(ld, stock_origin(sc, ss, K_INVENTORY_ORDER_UP_TO)->line, label,
                   key_defs[K_INVENTORY_ORDER_UP_TO].name, _("S = %s must be above reorder_point s = %s"), big_s, s);
    }
    if (p->uses_reorder_point && inv->shortage == SHORTAGE_LOST_SALE && inv->reorder_point < 0)
        report(ld, stock_origin(sc, ss, K_INVENTORY_REORDER_POINT)->line, label,
               key_defs[K_INVENTORY_REORDER_POINT].name,
               _("is negative, but with shortage = lost_sale the inventory position never falls below 0, "
                 "so no order would ever be placed"));
    if (!strength(stock_origin(sc, ss, K_INVENTORY_INITIAL_ON_HAND))) {
        double start = p->uses_order_quantity ? inv->reorder_point + inv->order_quantity : inv->order_up_to;
        inv->initial_on_hand = start > 0 ? start : 0;
    }
}

static void resolve_inventory(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct stock_section global = {.t = plain_target("inventory"),
                                   .inv = &sc->cfg.inventory,
                                   .levers = sc->levers,
                                   .lever = &sc->lever,
                                   .order_share = 1};
    if (sc->cfg.nproducts == 0 && sc->cfg.nlocations == 0) {
        resolve_stock(ld, &global);
        return;
    }
    /* with products or locations, [inventory] gives defaults: only contradictions
       inside it are errors */
    size_t problems = ld->problems;
    choose_lever(ld, &global);
    check_supplier(ld, &global);
    if (ld->problems > problems) return;
    memset(&sc->lever, 0, sizeof sc->lever);
    for (size_t i = 0; i < sc->cfg.nlocations; i++) {
        struct stock_section ss = {.t = family_target(sc, FAMILY_LOCATION, i),
                                   .inv = &sc->cfg.locations[i].inventory,
                                   .levers = sc->locations[i].levers,
                                   .lever = &sc->locations[i].lever,
                                   .order_share = sc->locations[i].order_share};
        resolve_stock(ld, &ss);
    }
    for (size_t i = 0; i < sc->cfg.nproducts; i++) {
        struct stock_section ss = {.t = family_target(sc, FAMILY_PRODUCT, i),
                                   .inv = &sc->cfg.products[i].inventory,
                                   .levers = sc->products[i].levers,
                                   .lever = &sc->products[i].lever,
                                   .order_share = theory_order_share(&sc->cfg, i)};
        resolve_stock(ld, &ss);
    }
}

/* ---- a network of locations ---- */

/* The location called `name`, or -1 with the problem (and a suggestion) reported. */
static int location_named(struct loader *ld, const char *name, int line, const struct target *t, enum key_id key)
{
    struct scenario *sc = ld->sc;
    int j = find_entry(sc, FAMILY_LOCATION, name);
    if (j >= 0) return j;
    const char *names[MAX_LOCATIONS];
    for (size_t n = 0; n < sc->cfg.nlocations; n++) names[n] = sc->locations[n].name;
    const char *near = suggest_nearest(name, names, sc->cfg.nlocations);
    if (near)
        report_at(ld, line, t, key, _("there is no [location.%s]; did you mean '%s'?"), name, near);
    else
        report_at(ld, line, t, key, _("there is no [location.%s]"), name);
    return -1;
}

/* [location.NAME] replenished_from: the location named, as its index + 1 in the
 * configuration; not the location itself, not a location without stock on either end,
 * and no loop (a chain must end at the outside supplier). */
static void resolve_echelons(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct model_config *c = &sc->cfg;
    size_t key = K_LOCATION_REPLENISHED_FROM;
    for (size_t i = 0; i < c->nlocations; i++) {
        const char *name = sc->locations[i].replenished_from;
        if (!name[0]) continue;
        struct target t = family_target(sc, FAMILY_LOCATION, i);
        int line = origin(sc, key, &t)->line;
        int j = location_named(ld, name, line, &t, K_LOCATION_REPLENISHED_FROM);
        if (j < 0) continue;
        if ((size_t)j == i) {
            report_at(ld, line, &t, K_LOCATION_REPLENISHED_FROM, _("names its own location, %s"), name);
            continue;
        }
        if (!c->locations[i].inventory.policy->holds_stock) {
            report_at(ld, line, &t, K_LOCATION_REPLENISHED_FROM,
                      _("this location has policy = none: it keeps no stock and orders none; give it a stocking "
                        "policy, or remove replenished_from"));
            continue;
        }
        if (!c->locations[j].inventory.policy->holds_stock) {
            report_at(ld, line, &t, K_LOCATION_REPLENISHED_FROM,
                      _("[location.%s] has policy = none and keeps no stock to send; give it a stocking policy, or "
                        "remove replenished_from (the outside supplier then replenishes this location)"),
                      name);
            continue;
        }
        c->locations[i].replenished_from = j + 1;
    }
    if (ld->problems) return;
    /* the outside supplier's keys: not at a location another location replenishes */
    static const enum key_id supplier_keys[] = {K_LOCATION_SUPPLIER_CAPACITY_PER_DAY, K_LOCATION_SUPPLIER_UP_DAYS,
                                                K_LOCATION_SUPPLIER_DOWN_DAYS, K_LOCATION_SUPPLY_YIELD};
    for (size_t i = 0; i < c->nlocations; i++) {
        int up = location_upstream(c, i);
        if (up < 0) continue;
        struct target t = family_target(sc, FAMILY_LOCATION, i);
        for (size_t k = 0; k < sizeof supplier_keys / sizeof supplier_keys[0]; k++) {
            const struct key_origin *o = origin(sc, supplier_keys[k], &t);
            if (strength(o) != 2) continue;
            report_at(ld, o->line, &t, supplier_keys[k],
                      _("not used: [location.%s] replenishes this location, not the outside supplier; remove it, or "
                        "give it to [location.%s]"),
                      sc->locations[up].name, sc->locations[up].name);
        }
    }
    if (ld->problems) return;
    /* share_demand: only an upstream location has downstream demand to see */
    for (size_t i = 0; i < c->nlocations; i++) {
        if (!c->locations[i].share_demand || location_supplies(c, i)) continue;
        struct target t = family_target(sc, FAMILY_LOCATION, i);
        report_at(ld, origin(sc, K_LOCATION_SHARE_DEMAND, &t)->line, &t, K_LOCATION_SHARE_DEMAND,
                  _("no location is replenished from this one, so it has no downstream demand to share: name it "
                    "in another location's replenished_from, or remove share_demand"));
    }
    /* stock_basis = echelon: only above other locations, not with share_demand (which
       shifts the echelon position to fit installation levels), and with levels the
       student gives as echelon levels (the service levers size installation levels) */
    for (size_t i = 0; i < c->nlocations; i++) {
        if (!c->locations[i].echelon_basis) continue;
        struct target t = family_target(sc, FAMILY_LOCATION, i);
        int line = origin(sc, K_LOCATION_STOCK_BASIS, &t)->line;
        if (!location_supplies(c, i)) {
            report_at(ld, line, &t, K_LOCATION_STOCK_BASIS,
                      _("echelon stock is this location's stock plus that of the locations it replenishes, and no "
                        "location is replenished from this one: give stock_basis = echelon to the location named "
                        "in another's replenished_from, or remove it here"));
            continue;
        }
        if (c->locations[i].share_demand) {
            report_at(ld, line, &t, K_LOCATION_STOCK_BASIS,
                      _("echelon stock already sees the customers' demand below; share_demand (line %d) is the "
                        "other way to see it, with installation levels: choose one"),
                      origin(sc, K_LOCATION_SHARE_DEMAND, &t)->line);
            continue;
        }
        static const enum key_id levers[] = {K_LOCATION_SAFETY_FACTOR, K_LOCATION_TARGET_CYCLE_SERVICE_LEVEL,
                                             K_LOCATION_TARGET_FILL_RATE};
        for (size_t k = 0; k < sizeof levers / sizeof levers[0]; k++) {
            const struct key_origin *o = origin(sc, levers[k], &t);
            if (!strength(o)) continue;
            report_at(ld, line, &t, K_LOCATION_STOCK_BASIS,
                      _("the service lever %s (line %d) sizes a level on this location's own lead time, not an "
                        "echelon level: with stock_basis = echelon give the policy's levels (order_up_to, "
                        "reorder_point) as echelon levels"),
                      key_defs[levers[k]].name, o->line);
            break;
        }
    }
    /* a loop: following replenished_from from i comes back to i; reported once, at
       the loop's first location in file order */
    for (size_t i = 0; i < c->nlocations; i++) {
        int at = location_upstream(c, i);
        size_t steps = 0;
        while (at >= 0 && (size_t)at != i && steps++ < c->nlocations) at = location_upstream(c, (size_t)at);
        if (at < 0 || (size_t)at != i) continue;
        bool first = true;
        for (int k = location_upstream(c, i); (size_t)k != i; k = location_upstream(c, (size_t)k))
            if ((size_t)k < i) first = false;
        if (!first) continue;
        char chain[MAX_LOCATIONS * (NAME_LEN + 4) + NAME_LEN];
        size_t n = (size_t)snprintf(chain, sizeof chain, "%s", sc->locations[i].name);
        int k = (int)i;
        do {
            k = location_upstream(c, (size_t)k);
            n += (size_t)snprintf(chain + n, sizeof chain - n, " -> %s", sc->locations[k].name);
        } while ((size_t)k != i && n < sizeof chain);
        struct target t = family_target(sc, FAMILY_LOCATION, i);
        report_at(ld, origin(sc, key, &t)->line, &t, K_LOCATION_REPLENISHED_FROM,
                  _("a loop of replenishment: %s; one location in it must be replenished by the outside supplier "
                    "(remove its replenished_from)"),
                  chain);
    }
}

/* Location i's share of the orders for its service levers with echelons: its own
 * regions' share (given) plus that of every location it replenishes, which it sees as
 * their replenishment orders. */
static double echelon_share(const struct scenario *sc, size_t i)
{
    double share = sc->locations[i].order_share;
    for (size_t d = 0; d < sc->cfg.nlocations; d++)
        if (location_upstream(&sc->cfg, d) == (int)i) share += echelon_share(sc, d);
    return share;
}

/* [location.NAME], [region.NAME] and [locations]: homes, the transfer-time matrix,
 * which locations are open when, and the share of orders each location serves at the
 * start (for its service levers). Without locations, none of it may be given. */
static void resolve_network(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct model_config *c = &sc->cfg;
    if (c->nlocations == 0) {
        if (c->nregions > 0)
            report(ld, sc->regions[0].line, "", "", _("[region.%s] needs [location.NAME] sections to serve it"),
                   sc->regions[0].name);
        for (size_t k = 0; k < key_count; k++)
            if (!key_defs[k].family && strcmp(key_defs[k].section, "locations") == 0 &&
                sc->origin[k].from != FROM_DEFAULT)
                report(ld, sc->origin[k].line, "locations", key_defs[k].name,
                       _("not used: there are no [location.NAME] sections"));
        return;
    }
    if (c->nproducts > 0) {
        report(ld, sc->locations[0].line, "", "",
               _("[location.NAME] sections work with one product in this version: remove the [product.NAME] "
                 "sections (or catalog_items), or the locations"));
        return;
    }
    if (c->customers.on) {
        report(ld, sc->locations[0].line, "", "",
               _("[location.NAME] sections do not work with a [customers] base in this version"));
        return;
    }
    /* transfer times: the default, then each location's own list, mirrored unless the
       other location gives its own figure */
    bool set[MAX_LOCATIONS][MAX_LOCATIONS] = {{false}};
    for (size_t i = 0; i < c->nlocations; i++)
        for (size_t j = 0; j < c->nlocations; j++) c->locations[i].transfer_days[j] = i == j ? 0 : sc->transfer_days;
    size_t kt = K_LOCATION_TRANSFER_DAYS;
    for (size_t i = 0; i < c->nlocations; i++) {
        struct target t = family_target(sc, FAMILY_LOCATION, i);
        int line = origin(sc, kt, &t)->line;
        char copy[sizeof sc->locations[i].transfers];
        snprintf(copy, sizeof copy, "%s", sc->locations[i].transfers);
        for (char *save = NULL, *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
            char name[NAME_LEN + 1];
            double days;
            if (sscanf(item, " %32[A-Za-z0-9_] : %lf", name, &days) != 2) continue; /* checked when read */
            int j = location_named(ld, name, line, &t, K_LOCATION_TRANSFER_DAYS);
            if (j < 0) continue;
            if ((size_t)j == i) {
                report_at(ld, line, &t, K_LOCATION_TRANSFER_DAYS, _("names its own location, %s"), name);
                continue;
            }
            c->locations[i].transfer_days[j] = days;
            set[i][j] = true;
            if (!set[j][i]) c->locations[j].transfer_days[i] = days;
        }
    }
    resolve_echelons(ld);
    if (ld->problems) return;
    bool echelons = false;
    for (size_t i = 0; i < c->nlocations; i++) echelons |= location_upstream(c, i) >= 0;
    /* regions: given, or one per location with equal shares (with echelons, one per
       location that replenishes no other: the others see only their orders) */
    if (c->nregions == 0) {
        sc->implicit_regions = true;
        for (size_t i = 0; i < c->nlocations; i++) {
            if (location_supplies(c, i)) continue;
            open_entry(ld, FAMILY_REGION, sc->locations[i].name, sc->locations[i].line);
            snprintf(sc->regions[c->nregions - 1].home, NAME_LEN, "%s", sc->locations[i].name);
        }
        resolve_shares(ld, FAMILY_REGION);
        inherit(ld);
    }
    size_t kh = K_REGION_HOME;
    for (size_t r = 0; r < c->nregions; r++) {
        struct target t = family_target(sc, FAMILY_REGION, r);
        if (!sc->regions[r].home[0]) {
            report_at(ld, sc->regions[r].line, &t, K_REGION_HOME, _("missing; which location serves this region?"));
            continue;
        }
        c->regions[r].home = location_named(ld, sc->regions[r].home, origin(sc, kh, &t)->line, &t, K_REGION_HOME);
    }
    if (ld->problems) return;
    /* how many are open when */
    struct network_config *nw = &c->network;
    size_t ko = K_LOCATIONS_OPEN, ks = K_LOCATIONS_OPEN_SCHEDULE;
    unsigned open0 = sc->open_locations ? sc->open_locations : (unsigned)c->nlocations;
    if (open0 > c->nlocations) {
        report_key(ld, sc->origin[ko].line, K_LOCATIONS_OPEN, _("%u locations open, but there are only %zu"), open0,
                   c->nlocations);
        return;
    }
    nw->nchanges = 1;
    nw->change_days[0] = 0, nw->open_count[0] = open0;
    const struct number_list *sch = &sc->open_schedule;
    int line = sc->origin[ks].line;
    if (sch->n > 2 * MAX_OPEN_CHANGES) {
        report_key(ld, line, K_LOCATIONS_OPEN_SCHEDULE, _("at most %d changes"), MAX_OPEN_CHANGES);
        return;
    }
    for (size_t i = 0; i + 1 < sch->n; i += 2) {
        double day = sch->v[i], count = sch->v[i + 1];
        /* the numbers as written, every digit and no exponent (%g wrote 1.5e+06, 12345.7) */
        char a[64], b[64];
        if (count != floor(count) || count < 1 || count > (double)c->nlocations) {
            report_key(ld, line, K_LOCATIONS_OPEN_SCHEDULE,
                       _("item %zu: %s locations; give a whole number from 1 to %zu"), i / 2 + 1,
                       num_about(count, 15, a, sizeof a), c->nlocations);
            return;
        }
        if (i > 0 && !(day > sch->v[i - 2])) {
            report_key(ld, line, K_LOCATIONS_OPEN_SCHEDULE,
                       _("item %zu: day %s is not after day %s; list days in order"), i / 2 + 1,
                       num_about(day, 15, a, sizeof a), num_about(sch->v[i - 2], 15, b, sizeof b));
            return;
        }
        if (day == 0) {
            nw->open_count[0] = (unsigned)count;
            continue;
        }
        nw->change_days[nw->nchanges] = day;
        nw->open_count[nw->nchanges++] = (unsigned)count;
    }
    if (sch->n && sc->origin[ko].from != FROM_DEFAULT && sch->v[0] == 0)
        report_key(ld, sc->origin[ko].line, K_LOCATIONS_OPEN,
                   _("give open or an open_schedule starting at day 0, not both (open_schedule is on line %d)"), line);
    /* echelons: a location that closes would strand the orders it owes or is owed */
    for (size_t k = 0; echelons && k < nw->nchanges; k++)
        if (nw->open_count[k] < c->nlocations) {
            bool scheduled = sch->n > 0;
            report_key(ld, scheduled ? line : sc->origin[ko].line,
                       scheduled ? K_LOCATIONS_OPEN_SCHEDULE : K_LOCATIONS_OPEN,
                       _("with replenished_from, every location must stay open throughout in this version"));
            return;
        }
    /* a closing location's stock moves to the nearest open one, which must keep it: the
       first open_count locations are open, so the ones that close are those after them */
    for (size_t k = 1; k < nw->nchanges; k++)
        for (size_t j = nw->open_count[k]; j < c->nlocations; j++) {
            if (!c->locations[j].inventory.policy->holds_stock) continue;
            for (size_t i = 0; i < nw->open_count[k]; i++)
                if (!c->locations[i].inventory.policy->holds_stock) {
                    report_key(
                        ld, line, K_LOCATIONS_OPEN_SCHEDULE,
                        _("[location.%s] closes and sends its stock to the nearest open location, which must keep "
                          "it, but [location.%s] has policy = none; give it a stocking policy, or keep the same "
                          "locations open throughout"),
                        c->locations[j].name, c->locations[i].name);
                    return;
                }
        }
    /* each location's share of the orders at the start, for its service levers */
    bool open[MAX_LOCATIONS] = {false};
    for (size_t i = 0; i < nw->open_count[0]; i++) open[i] = true;
    for (size_t i = 0; i < c->nlocations; i++) sc->locations[i].order_share = 0;
    for (size_t r = 0; r < c->nregions; r++) {
        int at = network_nearest_open(c, c->regions[r].home, open);
        sc->locations[at].order_share += c->regions[r].share;
    }
    for (size_t i = 0; i < c->nlocations; i++) /* a location closed at the start: as if it served its own */
        if (sc->locations[i].order_share == 0)
            for (size_t r = 0; r < c->nregions; r++)
                if (c->regions[r].home == (int)i) sc->locations[i].order_share += c->regions[r].share;
    if (echelons) { /* every location open throughout (checked above) */
        double share[MAX_LOCATIONS];
        for (size_t i = 0; i < c->nlocations; i++) share[i] = echelon_share(sc, i);
        for (size_t i = 0; i < c->nlocations; i++) sc->locations[i].order_share = share[i];
    }
    for (size_t i = 0; i < c->nlocations; i++)
        if (sc->locations[i].order_share <= 0) {
            warn(sc, _("no region has [location.%s] as its home: it serves only orders sent on by others"),
                 sc->locations[i].name);
            sc->locations[i].order_share = 1.0 / (double)c->nregions; /* size its stock as for one region */
        } else if (sc->locations[i].order_share > 1) {
            sc->locations[i].order_share = 1;
        }
}

/* Products: substitutes by name; lines per order need products. */
static void resolve_products(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    size_t kl = K_DEMAND_LINES_PER_ORDER;
    if (sc->cfg.nproducts < 2 && sc->origin[kl].from != FROM_DEFAULT)
        report_key(ld, sc->origin[kl].line, K_DEMAND_LINES_PER_ORDER,
                   _("an order can ask for several products only when there are several: add [product.NAME] sections"));
    for (size_t i = 0; i < sc->cfg.nproducts; i++) {
        struct entry *e = &sc->products[i];
        struct target t = family_target(sc, FAMILY_PRODUCT, i);
        const struct key_origin *o = origin(sc, K_PRODUCT_SUBSTITUTE, &t);
        if (!e->substitute[0]) continue;
        int j = find_entry(sc, FAMILY_PRODUCT, e->substitute);
        if (j < 0) {
            const char *names[MAX_PRODUCTS];
            for (size_t n = 0; n < sc->cfg.nproducts; n++) names[n] = sc->products[n].name;
            const char *near = suggest_nearest(e->substitute, names, sc->cfg.nproducts);
            if (near)
                report_at(ld, o->line, &t, K_PRODUCT_SUBSTITUTE, _("there is no [product.%s]; did you mean '%s'?"),
                          e->substitute, near);
            else
                report_at(ld, o->line, &t, K_PRODUCT_SUBSTITUTE, _("there is no [product.%s]"), e->substitute);
        } else if ((size_t)j == i) {
            report_at(ld, o->line, &t, K_PRODUCT_SUBSTITUTE, _("a product cannot be its own substitute"));
        } else if (sc->cfg.products[i].inventory.shortage != SHORTAGE_REACT) {
            report_at(ld, o->line, &t, K_PRODUCT_SUBSTITUTE,
                      _("only customers who react to a stockout take a substitute: set shortage = react"));
        } else {
            sc->cfg.products[i].substitute = j;
        }
    }
}

static bool any_react(const struct scenario *sc)
{
    if (sc->cfg.nproducts == 0) return sc->cfg.inventory.shortage == SHORTAGE_REACT;
    for (size_t i = 0; i < sc->cfg.nproducts; i++)
        if (sc->cfg.products[i].inventory.shortage == SHORTAGE_REACT) return true;
    return false;
}

/* The four [reactions] shares do not sum to 1: each share as read and where from, and
 * what would make the sum 1 (report_share_sum). */
static void report_reaction_sum(struct loader *ld, double sum)
{
    static const enum key_id shares[] = {K_REACTIONS_ELSEWHERE, K_REACTIONS_SUBSTITUTE, K_REACTIONS_WAIT,
                                         K_REACTIONS_CANCEL};
    struct scenario *sc = ld->sc;
    struct share_read read[4] = {{key_defs[shares[0]].name, &sc->origin[shares[0]], sc->cfg.reactions.elsewhere},
                                 {key_defs[shares[1]].name, &sc->origin[shares[1]], sc->cfg.reactions.substitute},
                                 {key_defs[shares[2]].name, &sc->origin[shares[2]], sc->cfg.reactions.wait},
                                 {key_defs[shares[3]].name, &sc->origin[shares[3]], sc->cfg.reactions.cancel}};
    int first_line = 0, set = -1;
    char *list = share_list(ld, read, 4, &first_line, &set);
    char total[40], need[40];
    num_plain(round(sum * 1e6) / 1e6, total, sizeof total);
    if (set >= 0) {
        char where[300];
        double others = sum - read[set].value, meant = round((1 - others) * 1e6) / 1e6;
        const char *saved = ld->where;
        ld->where = override_where(ld, read[set].from, where, sizeof where);
        if (meant >= 0)
            report_key(ld, 0, shares[set],
                       _("the four shares sum to %s, not 1: %s; with the other three as they are, %s = %s makes "
                         "the sum 1"),
                       total, list, key_defs[shares[set]].name, num_plain(meant, need, sizeof need));
        else
            report_key(ld, 0, shares[set],
                       _("the four shares sum to %s, not 1: %s; the other three alone sum to more than 1: lower "
                         "them too"),
                       total, list);
        ld->where = saved;
    } else {
        double gap = round((1 - sum) * 1e6) / 1e6;
        num_plain(fabs(gap), need, sizeof need);
        report(ld, first_line, "reactions", "",
               gap > 0 ? _("the four shares sum to %s, not 1: %s; raise one of them by %s (or several by %s in all)")
                       : _("the four shares sum to %s, not 1: %s; lower one of them by %s (or several by %s in all)"),
               total, list, need, need);
    }
    free(list);
}

static void resolve_reactions(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    const struct reaction_config *r = &sc->cfg.reactions;
    double sum = r->elsewhere + r->substitute + r->wait + r->cancel;
    int line = 0;
    int last = -1; /* the [reactions] key given last in the file */
    for (size_t k = 0; k < KEY_IDS; k++)
        if (!key_defs[k].family && key_defs[k].applies == APPLIES_REACT && given(sc, (enum key_id)k) &&
            line_of(sc, (enum key_id)k) >= line)
            line = line_of(sc, (enum key_id)k), last = (int)k;
    if (!any_react(sc)) {
        if (last >= 0 && !unused_by_override(ld, &sc->origin[K_INVENTORY_SHORTAGE], K_INVENTORY_SHORTAGE,
                                             key_defs[last].section, (size_t)last, &sc->origin[last]))
            report_key(ld, line, (enum key_id)last,
                       _("not used: customers react only where shortage = react ([inventory] or a product)"));
        return;
    }
    if (fabs(sum - 1) > 1e-6) report_reaction_sum(ld, sum);
}

static void resolve_customers(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct customer_config *cc = &sc->cfg.customers;
    if (!cc->on) {
        for (size_t i = 0; i < sc->cfg.ntiers; i++) {
            struct target t = family_target(sc, FAMILY_TIER, i);
            for (size_t k = 0; k < KEY_IDS; k++)
                if (key_defs[k].family == FAMILY_TIER && key_defs[k].applies == APPLIES_CUSTOMERS &&
                    given_at(sc, &t, k))
                    report_at(ld, origin(sc, k, &t)->line, &t, (enum key_id)k,
                              _("only with a customer base: add a [customers] section"));
        }
        return;
    }
    if (cc->initial == 0 && cc->acquisition_per_day == 0)
        report_key(ld, line_of(sc, K_CUSTOMERS_INITIAL), K_CUSTOMERS_INITIAL,
                   _("with no initial customers and no acquisition_per_day nobody ever orders"));
    if (cc->initial == 0 && cc->churn_per_day == 0)
        report_key(ld, line_of(sc, K_CUSTOMERS_INITIAL), K_CUSTOMERS_INITIAL,
                   _("starting with no customers needs churn_per_day > 0, or the base grows without end"));
    size_t n = sc->cfg.ntiers ? sc->cfg.ntiers : 1;
    for (size_t i = 0; i < n; i++) {
        bool named = sc->cfg.ntiers > 0;
        struct target t = named ? family_target(sc, FAMILY_TIER, i) : plain_target("customers");
        double rate = named ? sc->cfg.tiers[i].orders_per_customer_day : cc->orders_per_customer_day;
        unsigned k = named ? sc->cfg.tiers[i].defect_failures : cc->defect_failures;
        unsigned m = named ? sc->cfg.tiers[i].defect_window : cc->defect_window;
        if (!(rate > 0))
            report_at(ld, named ? sc->tiers[i].line : 0, &t,
                      named ? K_TIER_ORDERS_PER_CUSTOMER_DAY : K_CUSTOMERS_ORDERS_PER_CUSTOMER_DAY,
                      _("missing; how many orders does a customer place per day?"));
        if (k > m)
            report_at(ld, named ? sc->tiers[i].line : line_of(sc, K_CUSTOMERS_DEFECT_AFTER_FAILURES), &t,
                      named ? K_TIER_DEFECT_AFTER_FAILURES : K_CUSTOMERS_DEFECT_AFTER_FAILURES,
                      _("k = %u failures cannot fit in a window of m = %u orders (failure_window_orders)"), k, m);
    }
    /* the order rate levers and warnings work with: the initial base, or the base that
       acquisition and churn alone would settle at */
    double per_customer = 0, shares = 0;
    for (size_t i = 0; i < n; i++) {
        double share = sc->cfg.ntiers ? sc->cfg.tiers[i].share : 1;
        per_customer +=
            share * (sc->cfg.ntiers ? sc->cfg.tiers[i].orders_per_customer_day : cc->orders_per_customer_day);
        shares += share;
    }
    double base = cc->initial > 0 ? cc->initial : cc->acquisition_per_day / cc->churn_per_day;
    double rate = base * per_customer / shares;
    if (rate > 0) {
        char err[200];
        dist_init(&sc->cfg.demand.interarrival_days, dist_type_find("exponential"), (double[]){1 / rate}, 1, err,
                  sizeof err);
    }
}

/* The loyalty ladder and complaints (models/loyalty.h): each needs what it builds on,
 * [complaints] the ladder and the ladder a customer base; every tier needs an
 * expectation to judge orders by, its own, [loyalty]'s or a promise. */
static void resolve_loyalty(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct model_config *c = &sc->cfg;
    enum key_id first = section_key_given(sc, "loyalty"), complaint = section_key_given(sc, "complaints");
    if (first != KEY_NONE && !c->customers.on)
        report_key(ld, line_of(sc, first), first,
                   _("only with a customer base: add a [customers] section (its orders_per_customer_day turns it on)"));
    if (complaint != KEY_NONE && first == KEY_NONE)
        report_key(ld, line_of(sc, complaint), complaint,
                   _("complaints come from orders below the customers' expectation: add a [loyalty] section "
                     "(any of its keys turns the ladder on)"));
    if (first == KEY_NONE) {
        for (size_t i = 0; i < c->ntiers; i++) {
            struct target t = family_target(sc, FAMILY_TIER, i);
            if (given_at(sc, &t, K_TIER_EXPECTATION_DAYS))
                report_at(ld, origin(sc, K_TIER_EXPECTATION_DAYS, &t)->line, &t, K_TIER_EXPECTATION_DAYS,
                          _("only with a loyalty ladder: add a [loyalty] section"));
        }
        for (size_t i = 0; i < c->nchannels; i++) {
            struct target t = family_target(sc, FAMILY_CHANNEL, i);
            if (given_at(sc, &t, K_CHANNEL_EXPECTATION_DAYS))
                report_at(ld, origin(sc, K_CHANNEL_EXPECTATION_DAYS, &t)->line, &t, K_CHANNEL_EXPECTATION_DAYS,
                          _("only with a loyalty ladder: add a [loyalty] section"));
        }
        return;
    }
    if (ld->problems) return;
    c->loyalty.on = true;
    c->complaints.on = complaint != KEY_NONE;
    c->loyalty.orders_factor[STAGE_NEW] = c->loyalty.churn_factor[STAGE_NEW] = c->loyalty.price_factor[STAGE_NEW] = 1;
    struct loyalty_config *ly = &c->loyalty;
    if (!(ly->fall_below < ly->climb_above)) {
        /* blame the one given last: on the command line (--set), else the later line */
        bool set_fall = sc->origin[K_LOYALTY_FALL_BELOW].from == FROM_COMMAND_LINE,
             set_climb = sc->origin[K_LOYALTY_CLIMB_ABOVE].from == FROM_COMMAND_LINE;
        bool later =
            set_fall != set_climb ? set_fall : line_of(sc, K_LOYALTY_FALL_BELOW) > line_of(sc, K_LOYALTY_CLIMB_ABOVE);
        enum key_id k = later ? K_LOYALTY_FALL_BELOW : K_LOYALTY_CLIMB_ABOVE;
        char a[40], b[40];
        report_key(ld, line_of(sc, k), k,
                   _("the thresholds are out of order: fall_below (%s) must be below climb_above (%s)"),
                   shown_value(ld, sc->origin[K_LOYALTY_FALL_BELOW].set, ly->fall_below, a, sizeof a),
                   shown_value(ld, sc->origin[K_LOYALTY_CLIMB_ABOVE].set, ly->climb_above, b, sizeof b));
    }
    size_t n = c->ntiers ? c->ntiers : 1;
    for (size_t i = 0; i < n; i++) {
        bool named = c->ntiers > 0;
        bool expectation = named ? c->tiers[i].has_expectation || c->tiers[i].has_promise
                                 : ly->has_expectation || c->order_cycle.has_promise;
        if (!expectation) {
            struct target t = named ? family_target(sc, FAMILY_TIER, i) : plain_target("loyalty");
            report_at(ld, named ? sc->tiers[i].line : line_of(sc, first), &t,
                      named ? K_TIER_EXPECTATION_DAYS : K_LOYALTY_EXPECTATION_DAYS,
                      _("missing; what order cycle do the customers expect? Give expectation_days, or a promise "
                        "(promise_days in [order_cycle])"));
        }
    }
}

/* Weekday profile, rate curve, peak smoothing: thinning a Poisson process. */
static void resolve_shape(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct demand_config *d = &sc->cfg.demand;
    bool weekday = given(sc, K_DEMAND_WEEKDAY_PROFILE), curve = given(sc, K_DEMAND_RATE_CURVE);
    bool shift = d->peak_shift_share > 0;
    int first = weekday ? K_DEMAND_WEEKDAY_PROFILE
                : curve ? K_DEMAND_RATE_CURVE
                : shift ? K_DEMAND_PEAK_SHIFT_SHARE
                        : -1;
    if (first < 0) {
        if (d->peak_discount > 0 &&
            !unused_by_override(ld, &sc->origin[K_DEMAND_PEAK_SHIFT_SHARE], K_DEMAND_PEAK_SHIFT_SHARE,
                                key_defs[K_DEMAND_PEAK_DISCOUNT].section, K_DEMAND_PEAK_DISCOUNT,
                                &sc->origin[K_DEMAND_PEAK_DISCOUNT]))
            report_key(ld, line_of(sc, K_DEMAND_PEAK_DISCOUNT), K_DEMAND_PEAK_DISCOUNT,
                       _("not used: no orders move off the peak (peak_shift_share)"));
        return;
    }
    if (sc->cfg.customers.on || !given(sc, K_DEMAND_ORDERS_PER_DAY)) {
        report_key(ld, line_of(sc, (enum key_id)first), (enum key_id)first, "%s",
                   sc->cfg.customers.on
                       ? _("a varying rate needs orders arriving at random at a rate: give orders_per_day (not a "
                           "[customers] section)")
                       : _("a varying rate needs orders arriving at random at a rate: give orders_per_day (not "
                           "interarrival_days)"));
        return;
    }
    if (weekday) {
        const struct number_list *w = &sc->weekday_profile;
        double sum = 0;
        for (size_t i = 0; i < w->n; i++) sum += w->v[i];
        if (w->n != 7) {
            report_key(ld, line_of(sc, K_DEMAND_WEEKDAY_PROFILE), K_DEMAND_WEEKDAY_PROFILE,
                       _("give 7 multipliers, Monday to Sunday; got %zu"), w->n);
        } else if (!(sum > 0)) {
            report_key(ld, line_of(sc, K_DEMAND_WEEKDAY_PROFILE), K_DEMAND_WEEKDAY_PROFILE,
                       _("the multipliers must not all be 0"));
        } else {
            d->has_weekday = true;
            for (int i = 0; i < 7; i++) d->weekday[i] = 7 * w->v[i] / sum; /* mean 1: the rate stays the mean */
        }
    }
    if (curve) {
        const struct number_list *c = &sc->rate_curve;
        int line = line_of(sc, K_DEMAND_RATE_CURVE);
        if (c->n / 2 > MAX_CURVE_POINTS) {
            report_key(ld, line, K_DEMAND_RATE_CURVE, _("at most %d points"), MAX_CURVE_POINTS);
            return;
        }
        for (size_t i = 0; i < c->n; i += 2) {
            if (i > 0 && !(c->v[i] > c->v[i - 2])) {
                report_key(ld, line, K_DEMAND_RATE_CURVE, _("the days must rise from point to point"));
                return;
            }
            d->curve_days[d->ncurve] = c->v[i];
            d->curve_factor[d->ncurve++] = c->v[i + 1];
        }
    }
    if (shift && !d->has_weekday)
        report_key(ld, line_of(sc, K_DEMAND_PEAK_SHIFT_SHARE), K_DEMAND_PEAK_SHIFT_SHARE,
                   _("peak days come from a weekday_profile: give one"));
}

/* Does the value of key k (a plain section's) ask for something: a number other than
 * 0, a choice other than its first word (no), or any distribution? A value that asks
 * for nothing (what `servlab check` writes for a default) is never "not used". */
static bool asks_for_something(struct scenario *sc, size_t k)
{
    const struct key_def *d = &key_defs[k];
    struct target t = plain_target(d->section);
    const void *v = slot(sc, d, &t);
    if (d->type == KEY_NUMBER) return *(const double *)v != 0;
    if (d->type == KEY_CHOICE) return d->choice_get(v) != 0;
    return true;
}

/* Keys that only mean something when another key is on: each one given with `on`
 * false, and asking for something, is an error, unless a --set of `switch_key` turned
 * it off: then a key from the file is noted (unused_by_override), and one also from
 * the command line is accepted silently (a sweep of the switch from 0, with its
 * companions set alongside). */
static void report_unused(struct loader *ld, bool on, enum key_id switch_key, const enum key_id *keys, size_t nkeys,
                          const char *why)
{
    struct scenario *sc = ld->sc;
    if (on) return;
    const struct key_origin *sw = &sc->origin[switch_key];
    const char *switch_name = key_defs[switch_key].name;
    for (size_t i = 0; i < nkeys; i++) {
        const struct key_origin *o = &sc->origin[keys[i]];
        if (strength(o) < 2 || !asks_for_something(sc, keys[i]) ||
            (sw->from == FROM_COMMAND_LINE && o->from == FROM_COMMAND_LINE))
            continue;
        if (!unused_by_override(ld, sw, switch_key, key_defs[keys[i]].section, keys[i], o))
            report_key(ld, o->line, keys[i], _("not used: %s (%s)"), why, switch_name);
    }
}

/* Quantity discounts gather a customer's orders into larger ones: one product, orders
 * at a rate. */
static void resolve_quantity_discount(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    const struct demand_config *d = &sc->cfg.demand;
    static const enum key_id keys[] = {K_DEMAND_QUANTITY_DISCOUNT_FACTOR, K_DEMAND_QUANTITY_DISCOUNT};
    bool on = d->quantity_discount_share > 0;
    report_unused(ld, on, K_DEMAND_QUANTITY_DISCOUNT_SHARE, keys, 2, _("no customer takes a quantity discount"));
    if (!on) return;
    int line = line_of(sc, K_DEMAND_QUANTITY_DISCOUNT_SHARE);
    if (!given(sc, K_DEMAND_QUANTITY_DISCOUNT_FACTOR))
        report_key(ld, line, K_DEMAND_QUANTITY_DISCOUNT_FACTOR,
                   _("missing; how many orders does a customer who takes the discount put into one (2 or more)?"));
    if (sc->cfg.customers.on)
        report_key(ld, line, K_DEMAND_QUANTITY_DISCOUNT_SHARE,
                   _("quantity discounts need orders arriving at a rate (orders_per_day or interarrival_days), not a "
                     "[customers] section"));
    if (sc->cfg.nproducts && sc->catalog_items)
        report_key(ld, line, K_DEMAND_QUANTITY_DISCOUNT_SHARE,
                   _("quantity discounts work on orders of one product: remove %s"),
                   key_defs[K_INVENTORY_CATALOG_ITEMS].name);
    else if (sc->cfg.nproducts)
        report_key(ld, line, K_DEMAND_QUANTITY_DISCOUNT_SHARE,
                   _("quantity discounts work on orders of one product: remove the [product.NAME] sections"));
}

/* ---- customer returns ---- */

/* The five [returns] keys a product or a channel may give for itself, with the channel's
 * copy and the bit that records it (enum returns_key_bit). */
static const struct returns_key {
    enum key_id global, product, channel;
    unsigned bit;
} returns_keys[] = {
    {K_RETURNS_SHARE, K_PRODUCT_RETURNS_SHARE, K_CHANNEL_RETURNS_SHARE, RETURNS_OWN_SHARE},
    {K_RETURNS_DAYS, K_PRODUCT_RETURNS_DAYS, K_CHANNEL_RETURNS_DAYS, RETURNS_OWN_DAYS},
    {K_RETURNS_RESTOCK_SHARE, K_PRODUCT_RETURNS_RESTOCK_SHARE, K_CHANNEL_RETURNS_RESTOCK_SHARE, RETURNS_OWN_RESTOCK},
    {K_RETURNS_COST_PER_ORDER, K_PRODUCT_RETURNS_COST_PER_ORDER, K_CHANNEL_RETURNS_COST_PER_ORDER, RETURNS_OWN_COST},
    {K_RETURNS_REFUND_SHARE, K_PRODUCT_RETURNS_REFUND_SHARE, K_CHANNEL_RETURNS_REFUND_SHARE, RETURNS_OWN_REFUND},
};
enum { RETURNS_KEYS = sizeof returns_keys / sizeof returns_keys[0] };
static const enum key_family returns_families[2] = {FAMILY_PRODUCT, FAMILY_CHANNEL}; /* that may give them */

/* The return settings of a line of product p (or the global ones, p < 0) ordered
 * through channel ch (or none, ch < 0): the channel's own, else the product's (its own,
 * or inherited from [returns]). As models/model.c resolves them. */
static struct returns_config returns_of(const struct model_config *c, int p, int ch)
{
    struct returns_config r = p >= 0 ? c->products[p].returns : c->returns;
    if (ch < 0) return r;
    const struct channel_config *cc = &c->channels[ch];
    if (cc->returns_own & RETURNS_OWN_SHARE) r.share = cc->returns.share;
    if (cc->returns_own & RETURNS_OWN_DAYS) r.days = cc->returns.days;
    if (cc->returns_own & RETURNS_OWN_RESTOCK) r.restock_share = cc->returns.restock_share;
    if (cc->returns_own & RETURNS_OWN_COST) r.cost_per_order = cc->returns.cost_per_order;
    if (cc->returns_own & RETURNS_OWN_REFUND) r.refund_share = cc->returns.refund_share;
    return r;
}

/* Customer returns: which keys a channel gives itself; keys given while nothing can
 * come back; a return time for whatever can; a return share of at most 1 at the refund
 * given; and the demand lift, applied here to a rate (the model applies it to a
 * customer base's order rate). */
static void resolve_returns(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct model_config *c = &sc->cfg;
    const struct returns_config *r = &c->returns;
    bool on = r->share > 0 || r->share_lift > 0;
    for (size_t p = 0; p < c->nproducts; p++) on |= c->products[p].returns.share > 0;
    for (size_t i = 0; i < c->nchannels; i++) {
        struct target t = family_target(sc, FAMILY_CHANNEL, i);
        c->channels[i].returns_own = 0;
        for (size_t k = 0; k < RETURNS_KEYS; k++)
            if (given_at(sc, &t, returns_keys[k].channel)) c->channels[i].returns_own |= returns_keys[k].bit;
        if (c->channels[i].returns_own & RETURNS_OWN_SHARE) on |= c->channels[i].returns.share > 0;
    }
    const char *why = _("no goods come back; [returns] share (or share_lift) above 0 turns customer returns on");
    static const enum key_id keys[] = {K_RETURNS_DAYS, K_RETURNS_RESTOCK_SHARE, K_RETURNS_COST_PER_ORDER,
                                       K_RETURNS_REFUND_SHARE, K_RETURNS_DEMAND_LIFT};
    report_unused(ld, on, K_RETURNS_SHARE, keys, sizeof keys / sizeof keys[0], why);
    if (!on) {
        for (size_t fi = 0; fi < 2; fi++) {
            enum key_family f = returns_families[fi];
            for (size_t i = 0; i < count_of(sc, f); i++) {
                struct target t = family_target(sc, f, i);
                for (size_t k = 1; k < RETURNS_KEYS; k++) {
                    enum key_id id = f == FAMILY_PRODUCT ? returns_keys[k].product : returns_keys[k].channel;
                    if (given_at(sc, &t, id) && origin(sc, id, &t)->from == FROM_FILE &&
                        sc->origin[K_RETURNS_SHARE].from != FROM_COMMAND_LINE)
                        report_at(ld, origin(sc, id, &t)->line, &t, id, _("not used: %s (%s)"), why,
                                  key_defs[K_RETURNS_SHARE].name);
                }
            }
        }
        return;
    }
    /* every product (or the global settings) through every channel (or none) */
    int np = c->nproducts ? (int)c->nproducts : 1, nc = c->nchannels ? (int)c->nchannels : 1;
    bool days_missing = false, above_one = false;
    double worst = 0;
    for (int p = 0; p < np; p++) {
        int pi = c->nproducts ? p : -1;
        struct target pt = pi >= 0 ? family_target(sc, FAMILY_PRODUCT, (size_t)p) : plain_target("returns");
        bool product_days = given(sc, K_RETURNS_DAYS) || (pi >= 0 && given_at(sc, &pt, K_PRODUCT_RETURNS_DAYS));
        for (int ch = 0; ch < nc; ch++) {
            int ci = c->nchannels ? ch : -1;
            struct returns_config e = returns_of(c, pi, ci);
            double share = e.share + r->share_lift * e.refund_share;
            bool days = product_days || (ci >= 0 && (c->channels[ci].returns_own & RETURNS_OWN_DAYS));
            if ((share > 0 || r->share_lift > 0) && !days) days_missing = true; /* any refund may lift it */
            if (share > 1 + 1e-12 && !above_one) above_one = true, worst = share;
        }
    }
    if (days_missing)
        report_key(ld, line_of(sc, K_RETURNS_SHARE), K_RETURNS_DAYS,
                   _("missing; how many days from delivery until goods sent back are at the warehouse again?"));
    if (above_one)
        report_key(ld, line_of(sc, K_RETURNS_SHARE_LIFT), K_RETURNS_SHARE_LIFT,
                   _("share + share_lift x refund_share is %g, but no more than every line (1) can come back; lower "
                     "share or share_lift"),
                   worst);
    if (!(r->demand_lift > 0)) return;
    int line = line_of(sc, K_RETURNS_DEMAND_LIFT);
    for (size_t fi = 0; fi < 2; fi++) {
        enum key_family f = returns_families[fi];
        enum key_id id = f == FAMILY_PRODUCT ? K_PRODUCT_RETURNS_REFUND_SHARE : K_CHANNEL_RETURNS_REFUND_SHARE;
        for (size_t i = 0; i < count_of(sc, f); i++) {
            struct target t = family_target(sc, f, i);
            if (given_at(sc, &t, id)) {
                report_key(ld, line, K_RETURNS_DEMAND_LIFT,
                           _("demand follows one return policy, [returns] refund_share, but [%s] gives its own "
                             "%s (line %d): remove one"),
                           t.label, key_defs[id].name, origin(sc, id, &t)->line);
                return;
            }
        }
    }
    double factor = 1 + r->demand_lift * r->refund_share;
    if (given(sc, K_DEMAND_HISTORY)) { /* read, or a batch's base's, whose rows read it (scenario_load_base) */
        report_key(ld, line, K_RETURNS_DEMAND_LIFT,
                   _("a history gives the orders, which a return policy cannot lift: demand_lift needs orders at a "
                     "rate (orders_per_day or a [customers] base)"));
    } else if (!c->customers.on && !given(sc, K_DEMAND_ORDERS_PER_DAY)) {
        report_key(ld, line, K_RETURNS_DEMAND_LIFT,
                   _("demand_lift multiplies a rate: give orders_per_day (or a [customers] base), not "
                     "interarrival_days"));
    } else if (dist_mean(&c->demand.interarrival_days) > 0) { /* the rate levers and warnings see */
        char err[200];
        dist_init(&c->demand.interarrival_days, dist_type_find("exponential"),
                  (double[]){dist_mean(&c->demand.interarrival_days) / factor}, 1, err, sizeof err);
    }
}

/* Order information: customers who cannot track an order call the order desk. */
static void resolve_order_information(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    const struct order_cycle_config *oc = &sc->cfg.order_cycle;
    static const enum key_id keys[] = {K_ORDER_CYCLE_INQUIRY_DAYS, K_ORDER_CYCLE_STATUS_VISIBLE};
    bool on = oc->inquiries_per_order_day > 0;
    const char *why = _("no customer calls about an order");
    report_unused(ld, on, K_ORDER_CYCLE_INQUIRIES_PER_ORDER_DAY, keys, 2, why);
    if (!on) {
        const struct key_origin *rate = &sc->origin[K_ORDER_CYCLE_INQUIRIES_PER_ORDER_DAY];
        size_t k = K_CHANNEL_STATUS_VISIBLE;
        for (size_t i = 0; i < sc->cfg.nchannels; i++) {
            struct target t = family_target(sc, FAMILY_CHANNEL, i);
            const struct key_origin *o = origin(sc, k, &t);
            if (strength(o) == 2 && sc->cfg.channels[i].status_visible &&
                !unused_by_override(ld, rate, K_ORDER_CYCLE_INQUIRIES_PER_ORDER_DAY, t.label, k, o))
                report_at(ld, o->line, &t, K_CHANNEL_STATUS_VISIBLE,
                          _("not used: %s ([order_cycle] inquiries_per_order_day)"), why);
        }
        return;
    }
    int line = line_of(sc, K_ORDER_CYCLE_INQUIRIES_PER_ORDER_DAY);
    if (!given(sc, K_ORDER_CYCLE_INQUIRY_DAYS))
        report_key(ld, line, K_ORDER_CYCLE_INQUIRY_DAYS, _("missing; how long does a clerk spend answering one call?"));
    if (oc->processing.servers == 0)
        report_key(ld, line, K_ORDER_CYCLE_INQUIRIES_PER_ORDER_DAY,
                   _("calls are answered by the order-processing clerks, but processing_servers = 0 means "
                     "unlimited clerks, so calls would load no one: set processing_servers"));
}

/* Promises, express delivery and late prices across the order cycle and the tiers. */
/* [contract]: the targets into the configuration (their text was checked when read),
 * and the rules across keys: a contract's other keys need targets, a period must fit in
 * the statistics window, and a target must be on a metric the scenario measures. */
static void resolve_contract(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct contract_config *c = &sc->cfg.contract;
    c->ntargets = 0;
    if (!sc->contract_targets[0]) {
        static const enum key_id needs[] = {K_CONTRACT_PERIOD_DAYS, K_CONTRACT_PENALTY_PER_POINT,
                                            K_CONTRACT_PENALTY_PER_MISSED_PERIOD};
        for (size_t i = 0; i < sizeof needs / sizeof needs[0]; i++)
            if (given(sc, needs[i]))
                report_key(ld, line_of(sc, needs[i]), needs[i],
                           _("a contract needs targets: add targets = METRIC >= SHARE, ... to [contract] "
                             "(for example fill_rate >= 0.98)"));
        return;
    }
    char word[128];
    if (contract_parse_targets(sc->contract_targets, c, word, sizeof word) != CONTRACT_OK) {
        c->ntargets = 0; /* reported when read */
        return;
    }
    char a[40], b[40];
    if (c->period_days > sc->cfg.run.horizon_days)
        report_key(ld, line_of(sc, K_CONTRACT_PERIOD_DAYS), K_CONTRACT_PERIOD_DAYS,
                   _("a period of %s days is longer than the statistics window (horizon_days = %s), so no period "
                     "would be reviewed"),
                   shown_value(ld, sc->origin[K_CONTRACT_PERIOD_DAYS].set, c->period_days, a, sizeof a),
                   shown_value(ld, sc->origin[K_RUN_HORIZON_DAYS].set, sc->cfg.run.horizon_days, b, sizeof b));
    bool any_promise = sc->cfg.order_cycle.has_promise;
    for (size_t i = 0; i < sc->cfg.ntiers; i++) any_promise |= sc->cfg.tiers[i].has_promise;
    unsigned features = metric_features(&sc->cfg);
    for (size_t i = 0; i < c->ntargets; i++) {
        const struct metric_def *d = &metric_defs[c->targets[i].metric];
        if (c->targets[i].metric == M_ON_TIME_RATE && !any_promise)
            report_key(ld, line_of(sc, K_CONTRACT_TARGETS), K_CONTRACT_TARGETS,
                       _("on_time_rate needs a promised delivery time: set [order_cycle] promise_days"));
        else if (d->feature != FEATURE_CORE && !(features & d->feature))
            report_key(ld, line_of(sc, K_CONTRACT_TARGETS), K_CONTRACT_TARGETS,
                       _("%s is not measured in this scenario (servlab run does not report it), so it cannot be a "
                         "target"),
                       d->name);
    }
}

/* A staffed stage paid a wage per server: 0 servers means unlimited servers, a pure
 * delay that no one is paid for, so with a wage it would be the cheapest staffing of all
 * and win every comparison. Refused, on the servers key if the file gives it (the key a
 * student changes), else on the wage. */
static void check_staffed_stages(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    const struct {
        enum key_id servers, wage;
        unsigned count;
        double pay;
        const char *unlimited, *unset;
    } stages[] = {
        {K_ORDER_CYCLE_PROCESSING_SERVERS, K_COSTS_PROCESSING_PER_SERVER_DAY, sc->cfg.order_cycle.processing.servers,
         sc->cfg.costs.processing_per_server_day,
         N_("0 means unlimited clerks (a stage with no queue, and no one to pay), but [costs] "
            "processing_per_server_day pays each clerk: give the number of clerks, 1 or more"),
         N_("pays each order-processing clerk, but processing_servers is not set (0: unlimited clerks, "
            "paid nothing): set [order_cycle] processing_servers")},
        {K_ORDER_CYCLE_PICKING_SERVERS, K_COSTS_PICKING_PER_SERVER_DAY, sc->cfg.order_cycle.picking.servers,
         sc->cfg.costs.picking_per_server_day,
         N_("0 means unlimited pickers (a stage with no queue, and no one to pay), but [costs] "
            "picking_per_server_day pays each picker: give the number of pickers, 1 or more"),
         N_("pays each picker, but picking_servers is not set (0: unlimited pickers, paid nothing): "
            "set [order_cycle] picking_servers")},
    };
    for (size_t i = 0; i < sizeof stages / sizeof *stages; i++) {
        if (stages[i].count != 0 || !(stages[i].pay > 0)) continue;
        if (given(sc, stages[i].servers))
            report_key(ld, line_of(sc, stages[i].servers), stages[i].servers, "%s", _(stages[i].unlimited));
        else
            report_key(ld, line_of(sc, stages[i].wage), stages[i].wage, "%s", _(stages[i].unset));
    }
}

static void resolve_order_cycle(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct order_cycle_config *oc = &sc->cfg.order_cycle;
    bool tier_express = false, any_promise = oc->has_promise;
    for (size_t i = 0; i < sc->cfg.ntiers; i++) {
        tier_express |= sc->cfg.tiers[i].always_expedite;
        any_promise |= sc->cfg.tiers[i].has_promise;
    }
    bool express = oc->expedite != EXPEDITE_NEVER || tier_express;
    if (express && !given(sc, K_ORDER_CYCLE_EXPEDITE_DELIVERY_DAYS))
        report_key(ld, line_of(sc, K_ORDER_CYCLE_EXPEDITE), K_ORDER_CYCLE_EXPEDITE_DELIVERY_DAYS,
                   _("missing; how long does an express delivery take?"));
    if (!express && given(sc, K_ORDER_CYCLE_EXPEDITE_DELIVERY_DAYS) &&
        !unused_by_override(ld, &sc->origin[K_ORDER_CYCLE_EXPEDITE], K_ORDER_CYCLE_EXPEDITE,
                            key_defs[K_ORDER_CYCLE_EXPEDITE_DELIVERY_DAYS].section,
                            K_ORDER_CYCLE_EXPEDITE_DELIVERY_DAYS, &sc->origin[K_ORDER_CYCLE_EXPEDITE_DELIVERY_DAYS]))
        report_key(ld, line_of(sc, K_ORDER_CYCLE_EXPEDITE_DELIVERY_DAYS), K_ORDER_CYCLE_EXPEDITE_DELIVERY_DAYS,
                   _("not used: set expedite (or a tier's expedite = yes)"));
    if ((oc->expedite == EXPEDITE_LATE || oc->expedite == EXPEDITE_BOTH) && !any_promise)
        report_key(ld, line_of(sc, K_ORDER_CYCLE_EXPEDITE), K_ORDER_CYCLE_EXPEDITE,
                   _("'late' needs a promise: set promise_days"));
    if (sc->cfg.revenue.late_zero_days > 0 && !any_promise)
        report_key(ld, line_of(sc, K_REVENUE_LATE_ZERO_DAYS), K_REVENUE_LATE_ZERO_DAYS,
                   _("lateness is measured against a promise: set [order_cycle] promise_days"));
    check_staffed_stages(ld);
}

/* Why the sweep's service metric would have no value at all, or NULL when it has one. */
static const char *service_without_value(const struct scenario *sc)
{
    const char *m = sc->sweep.service;
    const struct model_config *c = &sc->cfg;
    bool promise = c->order_cycle.has_promise, stock = c->inventory.policy->holds_stock;
    for (size_t t = 0; t < c->ntiers; t++) promise |= c->tiers[t].has_promise;
    for (size_t p = 0; p < c->nproducts; p++) stock |= c->products[p].inventory.policy->holds_stock;
    if (strcmp(m, "on_time_rate") == 0 && !promise)
        return _("set [order_cycle] promise_days, the promise it is measured against");
    if (strcmp(m, "cycle_service_level") == 0 && !stock)
        return _("policy none holds no stock, so there are no replenishment cycles");
    if (strcmp(m, "processing_utilisation") == 0 && c->order_cycle.processing.servers == 0)
        return _("processing_servers = 0 is an unlimited pure delay, never busy");
    if (strcmp(m, "picking_utilisation") == 0 && c->order_cycle.picking.servers == 0)
        return _("picking_servers = 0 is an unlimited pure delay, never busy");
    return NULL;
}

/* Sort list's values into increasing order and drop repeats; true if that changed it.
 * (An insertion sort: a list holds at most SWEEP_POINTS_MAX values, once per load.) */
static bool sort_unique(struct number_list *list)
{
    bool changed = false;
    for (size_t i = 1; i < list->n; i++) {
        double x = list->v[i];
        size_t j = i;
        for (; j > 0 && list->v[j - 1] > x; j--) list->v[j] = list->v[j - 1];
        changed |= j != i;
        list->v[j] = x;
    }
    size_t kept = list->n ? 1 : 0;
    for (size_t i = 1; i < list->n; i++)
        if (list->v[i] != list->v[kept - 1]) list->v[kept++] = list->v[i];
    changed |= kept != list->n;
    list->n = kept;
    return changed;
}

/* One lever: its parameter, and values or from/to/steps, into *values. Returns 1 when
 * the lever is given and sound, 0 when none of its keys is given, -1 on a problem
 * (reported). */
static int resolve_lever(struct loader *ld, const struct lever_keys *lk, const char *parameter, double from, double to,
                         unsigned steps_n, struct number_list *values, const struct lever_percent *percent)
{
    struct scenario *sc = ld->sc;
    bool param = given(sc, lk->parameter), list = given(sc, lk->values);
    bool from_g = given(sc, lk->from), to_g = given(sc, lk->to), steps = given(sc, lk->steps);
    if (!param && !list && !from_g && !to_g && !steps) return 0;
    /* a problem with a key given on the command line is that option's ("--values 1,2: ..."),
       not the file's with no line (report_given) */
    const struct key_origin *origin = sc->origin;
    if (!param) {
        const struct key_origin *o = &origin[list ? lk->values : from_g ? lk->from : to_g ? lk->to : lk->steps];
        const char *section = key_defs[lk->parameter].section, *name = key_defs[lk->parameter].name;
        if (by_option(ld, o))
            report_given(ld, o, section, name,
                         _("missing; say which key to vary with --param, e.g. --param inventory.safety_factor"));
        else if (by_set(ld, o)) /* --set sweep.values=1,2: the hint in the form typed */
            report_given(ld, o, section, name,
                         lk->parameter == K_SWEEP_PARAMETER
                             ? _("missing; say which key to vary, e.g. --set sweep.parameter=inventory.safety_factor")
                             : _("missing; say which second key to vary, e.g. --set "
                                 "sweep.parameter2=inventory.order_quantity"));
        else
            report_given(ld, o, section, name,
                         lk->parameter == K_SWEEP_PARAMETER
                             ? _("missing; say which key to vary, e.g. parameter = inventory.safety_factor")
                             : _("missing; say which second key to vary, e.g. parameter2 = inventory.order_quantity"));
        return -1;
    }
    if (list && (from_g || to_g || steps)) {
        const struct key_origin *o = &origin[lk->values];
        report_given(ld, o, key_defs[lk->values].section, key_defs[lk->values].name, "%s",
                     by_option(ld, o) ? _("give --values, or --from, --to and --steps, not both")
                                      : _("give values, or from, to and steps, not both"));
        return -1;
    }
    if (!list) {
        int missing = !from_g ? (int)lk->from : !to_g ? (int)lk->to : !steps ? (int)lk->steps : -1;
        if (missing >= 0) {
            const struct key_origin *o = &origin[lk->parameter];
            bool typed = o->from == FROM_COMMAND_LINE;
            /* the range's option as typed: the second lever's follow the second --param */
            const char *option = missing == (int)lk->from ? "--from" : missing == (int)lk->to ? "--to" : "--steps";
            const char *section = key_defs[missing].section, *name = key_defs[missing].name;
            if (by_option(ld, o) && lk->parameter == K_SWEEP_PARAMETER)
                /* TRANSLATORS: %s is the option not given: --from, --to or --steps */
                report_given(ld, o, "", "",
                             _("no %s: --param replaces the file's [sweep] range, so give --from, --to and --steps "
                               "too (or --values)"),
                             option);
            else if (by_option(ld, o))
                /* TRANSLATORS: %s is the option not given: --from, --to or --steps */
                report_given(ld, o, "", "",
                             _("no %s: a second --param varies a second key over a range of its own, so give "
                               "--from, --to and --steps after it too (or --values)"),
                             option);
            else if (typed && lk->parameter == K_SWEEP_PARAMETER)
                report_given(ld, o, section, name,
                             _("missing; a lever set on the command line replaces the file's range, so set from, to "
                               "and steps too (or values)"));
            else if (typed)
                report_given(ld, o, section, name,
                             _("missing; a second lever set on the command line replaces the file's range, so set "
                               "from2, to2 and steps2 too (or values2)"));
            else if (lk->parameter == K_SWEEP_PARAMETER)
                report_key(ld, line_of(sc, lk->parameter), (enum key_id)missing,
                           _("missing; give from, to and steps (or a list of values)"));
            else /* the second lever's keys by their own names, which from, to and steps are not */
                /* TRANSLATORS: the second lever's keys: from2, to2, steps2, then values2 */
                report_key(ld, line_of(sc, lk->parameter), (enum key_id)missing,
                           _("missing; give %s, %s and %s (or a list of values, %s)"), key_defs[lk->from].name,
                           key_defs[lk->to].name, key_defs[lk->steps].name, key_defs[lk->values].name);
            return -1;
        }
        if (from == to) {
            const struct key_origin *f = &origin[lk->from], *t = &origin[lk->to];
            char where[300];
            if (f->from == FROM_FILE && t->from == FROM_FILE)
                report_key(ld, line_of(sc, lk->to), lk->to, _("equals from; a sweep needs a range"));
            else if (f->from == FROM_COMMAND_LINE && f->set && ld->sets)
                /* TRANSLATORS: %s is the option or --set that gave the range's start, as typed: "--from 5" */
                report_given(ld, t, key_defs[lk->to].section, key_defs[lk->to].name,
                             _("equals the start of the range, %s; a sweep needs a range"),
                             override_where(ld, f, where, sizeof where));
            else
                /* TRANSLATORS: %s is the key that gave the range's start, with its line: "from (line 7)" */
                report_given(
                    ld, t, key_defs[lk->to].section, key_defs[lk->to].name,
                    _("equals the start of the range, %s; a sweep needs a range"),
                    (snprintf(where, sizeof where, _("%s (line %d)"), key_defs[lk->from].name, f->line), where));
            return -1;
        }
    }
    /* the bounds as written, against the lever's key: a percentage only for a share, and a
       share's within its range, said of the bound as given ("--to 99", where 0.99 or 99%
       was meant) rather than of a point between; other keys' values are checked at each
       point (cli/sweep.c) */
    char problem[400];
    int k = key_sweepable(parameter, problem, sizeof problem);
    for (size_t i = 0; k >= 0 && i < (list ? values->n : 2); i++) {
        enum key_id at = list ? lk->values : i == 0 ? lk->from : lk->to;
        double x = list ? values->v[i] : i == 0 ? from : to;
        bool written = list ? percent->values[i] : i == 0 ? percent->from : percent->to;
        if (key_bound_problem(&key_defs[k], parameter, x, written, BOUND_IN_RANGE, problem, sizeof problem)) {
            if (sc->origin[at].from == FROM_FILE) {
                report_key(ld, line_of(sc, at), at, "%s", problem);
            } else { /* named as typed: "--from 90%: ..." */
                const char *file = ld->where;
                ld->where = percent->where[list ? 2 : i];
                report(ld, 0, "", "", "%s", problem);
                ld->where = file;
            }
            return -1;
        }
    }
    if (!list) {
        if (to < from) { /* the table and its cost of 1 pt read from each row to the next one up */
            char f[40], t[40];
            note(sc, _("[sweep] %s = %s is below %s = %s: the sweep runs upwards, from %s"), key_defs[lk->to].name,
                 num_plain(to, t, sizeof t), key_defs[lk->from].name, num_plain(from, f, sizeof f), t);
            double lower = to;
            to = from, from = lower;
        }
        values->n = steps_n;
        for (unsigned i = 0; i < steps_n; i++) {
            double x = from + (to - from) * i / (steps_n - 1);
            /* the last point is `to` as written (0.01 + 5 x 0.19598 is 0.9999000000000001) */
            values->v[i] = i + 1 == steps_n ? to : fabs(x) < 1e-12 * (fabs(from) + fabs(to)) ? 0 : x;
        }
    }
    if (list && sort_unique(values)) /* each row's cost of 1 pt is read from the row above */
        note(sc, _("[sweep] %s: the values are run in increasing order, each once"), key_defs[lk->values].name);
    if (k >= 0 && key_defs[k].type == KEY_COUNT)
        for (size_t i = 0; i < values->n; i++)
            if (values->v[i] != floor(values->v[i])) {
                char v[40];
                enum key_id at = list ? lk->values : lk->steps;
                /* as a typed number is quoted, without an exponent: 0.00005, not 5e-05 */
                report_given(ld, &origin[at], key_defs[at].section, key_defs[at].name,
                             _("%s takes whole numbers, but the sweep reaches %s"), parameter,
                             num_plain(values->v[i], v, sizeof v));
                return -1;
            }
    return 1;
}

/* The [sweep] section: a parameter, and values or from/to/steps; and maybe a second
 * lever (parameter2 ...) for a grid. */
static void resolve_sweep(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct sweep_config *sw = &sc->sweep;
    int first =
        resolve_lever(ld, &sweep_levers[0], sw->parameter, sw->from, sw->to, sw->steps, &sw->values, &ld->percent[0]);
    int second = resolve_lever(ld, &sweep_levers[1], sw->parameter2, sw->from2, sw->to2, sw->steps2, &sw->values2,
                               &ld->percent[1]);
    if (first < 0 || second < 0) return;
    const struct key_origin *second_key = &sc->origin[K_SWEEP_PARAMETER2];
    if (second > 0 && first == 0) {
        report_given(ld, second_key, "sweep", key_defs[K_SWEEP_PARAMETER].name,
                     _("missing; a second lever needs a first, e.g. parameter = inventory.safety_factor"));
        return;
    }
    if (first == 0) return;
    if (second > 0 && strcmp(sw->parameter, sw->parameter2) == 0) {
        report_given(ld, second_key, "sweep", key_defs[K_SWEEP_PARAMETER2].name, "%s",
                     by_option(ld, second_key) ? _("is the same key as the first --param")
                                               : _("is the same key as parameter"));
        return;
    }
    if (second == 0) sw->parameter2[0] = '\0';
    const char *missing = service_without_value(sc);
    if (missing) {
        report_given(ld, &sc->origin[K_SWEEP_SERVICE], "sweep", key_defs[K_SWEEP_SERVICE].name,
                     _("%s has no value in this scenario: %s"), sw->service, missing);
        return;
    }
    sw->active = true;
}

/* Offered load of a stage: busy servers needed on average. */
/* Clerk-days of status calls per order, at the least: customers who cannot track
 * their order call at inquiries_per_order_day while it is on its way, which takes at
 * least the stages' mean times (queues only add to it). */
static double inquiry_work_per_order(const struct model_config *c)
{
    const struct order_cycle_config *oc = &c->order_cycle;
    if (!(oc->inquiries_per_order_day > 0)) return 0;
    double calling = oc->status_visible ? 0 : 1, shares = 0;
    if (c->nchannels) {
        calling = 0;
        for (size_t ch = 0; ch < c->nchannels; ch++) {
            shares += c->channels[ch].share;
            calling += c->channels[ch].status_visible ? 0 : c->channels[ch].share;
        }
        calling = shares > 0 ? calling / shares : 0;
    }
    double on_way = dist_mean(&oc->transmission_days) + dist_mean(&oc->processing.days) + dist_mean(&oc->picking.days) +
                    dist_mean(&oc->delivery_days);
    return calling * oc->inquiries_per_order_day * on_way * dist_mean(&oc->inquiry_days);
}

/* The share of orders begun that reach the firm: those not given up in their channel. */
static double share_reaching(const struct model_config *c)
{
    double shares = 0, kept = 0;
    for (size_t ch = 0; ch < c->nchannels; ch++) {
        shares += c->channels[ch].share;
        kept += c->channels[ch].share * (1 - c->channels[ch].abandon_rate);
    }
    return shares > 0 ? kept / shares : 1;
}

/* extra_days: work per order beyond the stage's own time (status calls at the order desk). */
static void check_stage_load(struct scenario *sc, const char *what, const struct stage_config *st, double extra_days)
{
    double rate = share_reaching(&sc->cfg) / dist_mean(&sc->cfg.demand.interarrival_days);
    double load = rate * (dist_mean(&st->days) + extra_days);
    if (st->servers == 0 || load < st->servers) return;
    if (extra_days > 0 && rate * dist_mean(&st->days) < st->servers) {
        char r[40], orders[40], calls[40], all[40];
        /* the orders alone fit; the calls tip it over: both workloads, so the sum can be checked */
        warn(sc,
             P_("%s is overloaded by status calls: orders arrive at %s a day and take %s clerk-days a day; their "
                "customers' calls add at least %s more, %s clerk-days a day in all, more than %u clerk can do; the "
                "queue grows without bound (let customers track their orders: status_visible = yes, or add clerks)",
                "%s is overloaded by status calls: orders arrive at %s a day and take %s clerk-days a day; their "
                "customers' calls add at least %s more, %s clerk-days a day in all, more than %u clerks can do; the "
                "queue grows without bound (let customers track their orders: status_visible = yes, or add clerks)",
                st->servers),
             what, num_format(round(rate * 100) / 100, r, sizeof r),
             num_format(round(rate * dist_mean(&st->days) * 100) / 100, orders, sizeof orders),
             num_format(round(rate * extra_days * 100) / 100, calls, sizeof calls),
             num_format(round(load * 100) / 100, all, sizeof all), st->servers);
        return;
    }
    char r[40], cap[40];
    warn(sc,
         P_("%s is overloaded: orders arrive at %s a day but %u server can handle at most %s a day; "
            "the queue grows without bound and cycle times depend on the horizon",
            "%s is overloaded: orders arrive at %s a day but %u servers can handle at most %s a day; "
            "the queue grows without bound and cycle times depend on the horizon",
            st->servers),
         what, num_format(round(rate * 100) / 100, r, sizeof r), st->servers,
         num_format(round(st->servers / dist_mean(&st->days) * 100) / 100, cap, sizeof cap));
}

/* The share of draws from d that are 0 or less, estimated from 100000 draws on a fixed
 * stream (so the same file always gets the same answer). */
static double sampled_share_at_most_zero(const struct dist *d)
{
    enum { DRAWS = 100000 };
    gsl_rng *r = rng_stream_new(1, 0, 0);
    unsigned zeros = 0;
    for (unsigned i = 0; i < DRAWS; i++) zeros += !(dist_sample(d, r) > 0);
    gsl_rng_free(r);
    return (double)zeros / DRAWS;
}

/* Whether x and y, neither with a table, are the same distribution: the same family and
 * parameters (what prepare derives from them is then the same too). */
static bool same_dist(const struct dist *x, const struct dist *y)
{
    if (x->type != y->type) return false;
    for (size_t i = 0; i < DIST_MAX_PARAMS; i++)
        if (x->p[i] != y->p[i]) return false;
    return true;
}

/* sampled_share_at_most_zero(d), or 0 if d cannot draw 0. The draws take a few
 * milliseconds, which a batch of items on one base scenario (cli/batch.c) paid at every
 * load, one after the other: the last few answers are kept, per thread (the class server
 * loads on several). Not for a discrete distribution: its table may be freed
 * (value_forget_tables) and its address reused by another. */
static double share_at_most_zero(const struct dist *d)
{
    if (dist_lowest(d) > 0) return 0;
    if (d->table) return sampled_share_at_most_zero(d);
    enum { KEPT = 4 };
    static _Thread_local struct {
        struct dist d;
        double share;
    } kept[KEPT];
    static _Thread_local size_t nkept, next;
    for (size_t i = 0; i < nkept; i++)
        if (same_dist(&kept[i].d, d)) return kept[i].share;
    double share = sampled_share_at_most_zero(d);
    kept[next].d = *d, kept[next].share = share;
    next = (next + 1) % KEPT;
    if (nkept < KEPT) nkept++;
    return share;
}

/* A holding cost that looks like an annual figure typed as a daily one. Typed so, a
 * carrying rate of 15-40% a year makes a year on the shelf cost 55 to 146 times the
 * unit's value; deliberately dear storage in teaching scenarios (pooling_regional.ini:
 * 0.5 a day on a unit bought for 100) costs 1.8 to 3 times it. So the warning comes when
 * a year costs over ANNUAL_HOLDING_LIMIT times the value (any annual rate above 2.8%
 * typed as daily), which a plausible daily figure never reaches. The value is the higher
 * of purchase cost and price, so that a tiny order_per_unit (a handling fee) raises no
 * false alarm and a scenario with only one of the two is still checked. */
static const double ANNUAL_HOLDING_LIMIT = 10;

/* Where the value of origin o came from, for a warning: "line 12" of the file, the
 * override's source (a batch table's column) or "--set". */
static const char *value_source(const struct loader *ld, const struct key_origin *o, char *buf, size_t n)
{
    if (o && o->from == FROM_FILE) {
        snprintf(buf, n, _("line %d"), o->line);
        return buf;
    }
    if (o && o->from == FROM_COMMAND_LINE && o->set && ld->sets[o->set - 1].source) return ld->sets[o->set - 1].source;
    return "--set";
}

static void check_annual_holding(const struct loader *ld, const struct target *t, double holding, double cost,
                                 double price)
{
    struct scenario *sc = ld->sc;
    double value = fmax(cost, price);
    if (!(value > 0) || !(holding * 365 > ANNUAL_HOLDING_LIMIT * value)) return;
    char h[40], year[40], c[40], p[40], worth[120], from[300];
    const struct key_origin *o = origin(sc, (size_t)key_copy(t->family, K_COSTS_HOLDING_PER_UNIT_DAY), t);
    shown_value(ld, o->set, holding, h, sizeof h);
    num_format(round(holding * 365 * 100) / 100, year, sizeof year);
    num_format(cost, c, sizeof c), num_format(price, p, sizeof p);
    if (cost > 0 && price > 0)
        snprintf(worth, sizeof worth, _("purchase cost %s, price %s"), c, p);
    else
        snprintf(worth, sizeof worth, cost > 0 ? _("purchase cost %s") : _("price %s"), cost > 0 ? c : p);
    /* where the value was given (the warnings check only values a section sets itself) */
    warn(sc,
         /* TRANSLATORS: the section, the value, where it was given ("line 12", "--set" or "table
            column costs.holding_per_unit_day"), then the year's cost, the limit and the unit's worth */
         _("[%s] holding_per_unit_day = %s (%s): a year on the shelf costs %s a unit, over %g times what it "
           "is worth (%s); an annual figure? The daily one is the annual / 365"),
         t->label, h, value_source(ld, o, from, sizeof from), year, ANNUAL_HOLDING_LIMIT, worth);
}

/* A price below the purchase cost, both written: every unit sold loses money, most often
 * two numbers typed in each other's place. A warning, not an error: a loss leader is a
 * lesson too. */
static void check_price_below_cost(const struct loader *ld)
{
    struct scenario *sc = ld->sc;
    const struct key_origin *c = &sc->origin[K_COSTS_ORDER_PER_UNIT], *p = &sc->origin[K_REVENUE_PRICE_PER_UNIT];
    double cost = sc->cfg.costs.order_per_unit, price = sc->cfg.revenue.price_per_unit;
    if (c->from == FROM_DEFAULT || p->from == FROM_DEFAULT || !(price > 0) || !(price < cost)) return;
    char cs[40], ps[40], cl[300], pl[300];
    shown_value(ld, c->set, cost, cs, sizeof cs), shown_value(ld, p->set, price, ps, sizeof ps);
    warn(sc,
         _("[revenue] price_per_unit = %s (%s) is below [costs] order_per_unit = %s (%s): every unit sold loses "
           "money; are the two swapped?"),
         ps, value_source(ld, p, pl, sizeof pl), cs, value_source(ld, c, cl, sizeof cl));
}

static void check_annual_costs(const struct loader *ld)
{
    struct scenario *sc = ld->sc;
    check_price_below_cost(ld);
    struct target costs = plain_target("costs");
    if (sc->origin[K_COSTS_HOLDING_PER_UNIT_DAY].from != FROM_DEFAULT)
        check_annual_holding(ld, &costs, sc->cfg.costs.holding_per_unit_day, sc->cfg.costs.order_per_unit,
                             sc->cfg.revenue.price_per_unit);
    for (size_t i = 0; i < sc->cfg.nproducts && !sc->catalog_items; i++) {
        struct target t = family_target(sc, FAMILY_PRODUCT, i);
        const struct product_config *pc = &sc->cfg.products[i];
        if (strength(origin(sc, K_PRODUCT_HOLDING_PER_UNIT_DAY, &t)) == 2)
            check_annual_holding(ld, &t, pc->costs.holding_per_unit_day, pc->costs.order_per_unit, pc->price_per_unit);
    }
    for (size_t i = 0; i < sc->cfg.nlocations; i++) {
        struct target t = family_target(sc, FAMILY_LOCATION, i);
        if (strength(origin(sc, K_LOCATION_HOLDING_PER_UNIT_DAY, &t)) == 2)
            check_annual_holding(ld, &t, sc->cfg.locations[i].holding_per_unit_day, sc->cfg.costs.order_per_unit,
                                 sc->cfg.revenue.price_per_unit);
    }
}

/* A whole number on a rate, a lift or a factor (keys.def: .whole_percent_from) that reads
 * as a percentage written without its '%': churn_per_day = 1, which a comment calls 1%, is
 * every customer gone in a day on average; demand_lift = 50 multiplies the orders by 51;
 * loyal_churn_factor = 80 makes loyal customers leave 80 times as fast; damage_rate = 1
 * damages every order. A warning, not an error: the key's bounds take it, and a lesson may
 * mean it. Only values a section gives itself (a file's line, --set, a batch table's cell),
 * and not one written with its '%' (damage_rate = 100%: meant as written). */
static void check_whole_percent(const struct loader *ld, size_t k, const struct target *t)
{
    struct scenario *sc = ld->sc;
    const struct key_def *d = &key_defs[k];
    const struct key_origin *o = origin(sc, k, t);
    double x = *(const double *)slot(sc, d, t);
    if (strength(o) != 2 || o->percent || !(x >= d->whole_percent_from) || x != floor(x)) return;
    char v[40], as[40], meant[40], from[300];
    shown_value(ld, o->set, x, v, sizeof v);
    warn(sc,
         /* TRANSLATORS: the section, the key, its value, where it was given ("line 12"), the
            value as a percentage ("100"), then the value as written and the decimal for that
            percentage ("1", "0.01"): "churn_per_day = 1 (line 12) reads as 100%; if 1% was
            meant, write 0.01" */
         _("[%s] %s = %s (%s) reads as %s%%; if %s%% was meant, write %s"), t->label, d->name, v,
         value_source(ld, o, from, sizeof from), num_format(100 * x, as, sizeof as), v,
         num_format(x / 100, meant, sizeof meant));
}

static void check_whole_percents(const struct loader *ld)
{
    struct scenario *sc = ld->sc;
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        if (!(d->whole_percent_from > 0) || d->type != KEY_NUMBER) continue;
        if (!d->family) {
            struct target t = plain_target(d->section);
            check_whole_percent(ld, k, &t);
            continue;
        }
        for (size_t i = 0; i < count_of(sc, d->family); i++) {
            struct target t = family_target(sc, d->family, i);
            check_whole_percent(ld, k, &t);
        }
    }
}

/* normal(mean, sd) draws below 0 count as 0 (docs/contract.md), which raises the mean a
 * time or a quantity gets above the mean written: normal(1, 2) for a delivery's days
 * clips 31% of its draws and means 1.4 days. Said when 5% of the draws or more are
 * clipped, for values a section gives itself; units_per_order has its own warning (a
 * draw of 0 is no order). */
static const double CLIPPED_SHARE_SAID = 0.05;
static void check_clipped_normal(const struct loader *ld, size_t k, const struct target *t)
{
    struct scenario *sc = ld->sc;
    const struct key_def *d = &key_defs[k];
    const struct key_origin *o = origin(sc, k, t);
    const struct dist *x = slot(sc, d, t);
    if (strength(o) != 2 || x->type != dist_type_find("normal") || !(x->p[1] > 0)) return;
    double clipped = gsl_cdf_ugaussian_P(-x->p[0] / x->p[1]);
    if (!(clipped >= CLIPPED_SHARE_SAID)) return;
    char shown[120], from[300], mean[40], written[40], sd[40];
    dist_format(x, shown, sizeof shown);
    num_format(x->p[0], written, sizeof written);
    num_format(x->p[1], sd, sizeof sd);
    double m = dist_mean(x); /* 3 significant digits, no exponent below a million */
    snprintf(mean, sizeof mean, m >= 1000 && m < 1e6 ? "%.0f" : "%.3g", m);
    if (!(x->p[0] > 0)) { /* gamma and lognormal need a mean above 0: nothing to name */
        warn(sc,
             /* TRANSLATORS: as the message below, without the distributions to write */
             _("[%s] %s = %s (%s): %.0f%% of its draws fall below 0 and count as 0, so its mean is %s, not %s"),
             t->label, d->name, shown, value_source(ld, o, from, sizeof from), 100 * clipped, mean, written);
        return;
    }
    warn(sc,
         /* TRANSLATORS: the section, the key, the distribution, where it was given ("line 12"),
            the share of draws below 0 as a percentage ("31"), the mean with them counted as 0
            ("1.4"), the mean written ("1"), then the mean and sd again for the suggestions */
         _("[%s] %s = %s (%s): %.0f%% of its draws fall below 0 and count as 0, so its mean is %s, not %s; for a "
           "quantity that cannot be negative write gamma(%s, %s) or lognormal(%s, %s): the same mean and sd, no "
           "draw below 0"),
         t->label, d->name, shown, value_source(ld, o, from, sizeof from), 100 * clipped, mean, written, written, sd,
         written, sd);
}

static void check_clipped_normals(const struct loader *ld)
{
    struct scenario *sc = ld->sc;
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        const struct key_def *units = &key_defs[K_DEMAND_UNITS_PER_ORDER];
        if (d->type != KEY_DIST || d == units || d->inherit == units) continue;
        if (!d->family) {
            struct target t = plain_target(d->section);
            check_clipped_normal(ld, k, &t);
            continue;
        }
        for (size_t i = 0; i < count_of(sc, d->family); i++) {
            struct target t = family_target(sc, d->family, i);
            check_clipped_normal(ld, k, &t);
        }
    }
}

/* A continuous-review policy with no reorder point (base stock: every shortfall below
 * S is ordered) reorders what a short delivery lacks at once, and with a random yield
 * that order comes short too: each sale starts a chain of ever smaller orders (down to
 * UNITS_DUST, models/units.h), each paying order_fixed. */
static bool yield_chains(const struct inventory_config *inv)
{
    const struct policy_type *p = inv->policy;
    return p->uses_order_up_to && !p->uses_reorder_point && inv->review_days == 0 && inv->supply_yield.type &&
           dist_mean(&inv->supply_yield) < 1;
}

/* Add "[SECTION]" to the list in buf (n bytes, used so far), space-separated: at most
 * YIELD_CHAIN_NAMED of them and YIELD_CHAIN_BYTES in all, then " …" once. The bytes
 * keep the whole warning within warnings[][400] (its Chinese text is 296 bytes). */
enum { YIELD_CHAIN_NAMED = 4, YIELD_CHAIN_BYTES = 90 };
static void add_section(char *buf, size_t n, size_t *named, bool *cut, const char *label)
{
    size_t used = strlen(buf);
    if (*cut) return;
    if (*named == YIELD_CHAIN_NAMED || used + strlen(label) + 3 > YIELD_CHAIN_BYTES) {
        snprintf(buf + used, n - used, " …");
        *cut = true;
        return;
    }
    snprintf(buf + used, n - used, "%s[%s]", used ? " " : "", label);
    ++*named;
}

/* The sections ("[product.tea] [product.cup]") of the stock points whose orders chain
 * so, into buf; false if none does. */
static bool yield_chain_sections(struct scenario *sc, char *buf, size_t n)
{
    const struct model_config *c = &sc->cfg;
    size_t named = 0;
    bool cut = false;
    buf[0] = '\0';
    for (size_t p = 0; p < c->nproducts; p++)
        if (yield_chains(&c->products[p].inventory))
            add_section(buf, n, &named, &cut, family_target(sc, FAMILY_PRODUCT, p).label);
    for (size_t l = 0; l < c->nlocations; l++)
        if (!c->locations[l].replenished_from && yield_chains(&c->locations[l].inventory))
            add_section(buf, n, &named, &cut, family_target(sc, FAMILY_LOCATION, l).label);
    if (!c->nproducts && !c->nlocations && yield_chains(&c->inventory)) add_section(buf, n, &named, &cut, "inventory");
    return named > 0;
}

/* x as a percentage of ten digits at most (0.0098: "0.98"), for dist_format_with */
static char *percent_of(double x, char *buf, size_t n)
{
    return num_about(100 * x, 10, buf, n);
}

/* A supply_yield every draw of which is 1% or less ("0.0098", "uniform(0.005, 0.01)"),
 * written by section label itself (origin o): each order would bring almost nothing, most
 * likely a percentage divided by 100 once too often, as "0.98%" is (apply_value refuses
 * that one, the key taking no '%'). A warning, not an error: the key's bounds take it. Its
 * numbers as percentages ("0.98", "uniform(0.5, 1)") are named as the yield meant. A yield
 * under 0.01% is left alone: no percentage of it is a plausible yield either. */
static void check_tiny_yield(const struct loader *ld, const char *label, const struct dist *y,
                             const struct key_origin *o)
{
    struct scenario *sc = ld->sc;
    if (!y->type || !(dist_highest(y) <= 0.01) || !(dist_highest(y) >= 1e-4) || !(dist_mean(y) < 0.01)) return;
    char shown[200], meant[200], from[300], low[40], high[40], low_meant[40], high_meant[40];
    shown_value(ld, o->set, dist_mean(y), shown, sizeof shown);
    if (!dist_is_constant(y)) dist_format_with(y, num_plain, shown, sizeof shown);
    if (y->type->nparams < 0) { /* discrete: its values as percentages, its weights as written */
        int used = snprintf(meant, sizeof meant, "%s(", y->type->name);
        for (size_t i = 0; i < y->table->k && used > 0 && (size_t)used < sizeof meant; i++) {
            char v[40], w[40];
            used +=
                snprintf(meant + used, sizeof meant - (size_t)used, "%s%s:%s", i ? ", " : "",
                         percent_of(y->table->values[i], v, sizeof v), num_plain(y->table->weights[i], w, sizeof w));
        }
        if (used > 0 && (size_t)used < sizeof meant) snprintf(meant + used, sizeof meant - (size_t)used, ")");
    } else
        dist_format_with(y, percent_of, meant, sizeof meant);
    percent_of(dist_lowest(y), low, sizeof low);
    percent_of(dist_highest(y), high, sizeof high);
    percent_of(dist_lowest(y) * 100, low_meant, sizeof low_meant);
    percent_of(dist_highest(y) * 100, high_meant, sizeof high_meant);
    if (dist_is_constant(y))
        warn(sc,
             /* TRANSLATORS: the section, the value, where it was given ("line 12", "--set"), the
                share as a percentage ("0.98"), then the percentage likely meant and its decimal */
             _("[%s] supply_yield = %s (%s): only %s%% of each order would arrive, a yield under 1%%; for %s%%, "
               "write %s"),
             label, shown, value_source(ld, o, from, sizeof from), low, high_meant, meant);
    else
        warn(sc,
             /* TRANSLATORS: the section, the distribution, where it was given, the least and greatest
                shares as percentages ("0.5", "1"), the same times 100 ("50", "100"), then the
                distribution with its numbers as percentages: "uniform(0.5, 1)" */
             _("[%s] supply_yield = %s (%s): only %s%% to %s%% of each order would arrive, a yield of 1%% or "
               "less; for %s%% to %s%%, write %s"),
             label, shown, value_source(ld, o, from, sizeof from), low, high, low_meant, high_meant, meant);
}

/* check_tiny_yield for every stock point whose section writes a supply_yield itself */
static void check_tiny_yields(const struct loader *ld)
{
    struct scenario *sc = ld->sc;
    const struct model_config *c = &sc->cfg;
    if (sc->origin[K_INVENTORY_SUPPLY_YIELD].from != FROM_DEFAULT)
        check_tiny_yield(ld, "inventory", &c->inventory.supply_yield, &sc->origin[K_INVENTORY_SUPPLY_YIELD]);
    for (size_t p = 0; p < c->nproducts; p++) {
        struct target t = family_target(sc, FAMILY_PRODUCT, p);
        const struct key_origin *o = origin(sc, K_PRODUCT_SUPPLY_YIELD, &t);
        if (strength(o) == 2) check_tiny_yield(ld, t.label, &c->products[p].inventory.supply_yield, o);
    }
    for (size_t l = 0; l < c->nlocations; l++) {
        struct target t = family_target(sc, FAMILY_LOCATION, l);
        const struct key_origin *o = origin(sc, K_LOCATION_SUPPLY_YIELD, &t);
        if (strength(o) == 2) check_tiny_yield(ld, t.label, &c->locations[l].inventory.supply_yield, o);
    }
}

static void add_warnings(const struct loader *ld)
{
    struct scenario *sc = ld->sc;
    char where[YIELD_CHAIN_BYTES + 8];
    if (yield_chain_sections(sc, where, sizeof where))
        warn(sc,
             /* TRANSLATORS: %s is one section or more, e.g. [inventory] or [product.tea] [product.cup] */
             _("%s: policy = base_stock with a supply_yield reorders what each delivery lacks at once, and that "
               "order comes short too: every sale starts a chain of ever smaller orders, each paying order_fixed. "
               "A periodic review (review_days) or policy = sS orders less often"),
             where);
    check_annual_costs(ld);
    check_whole_percents(ld);
    check_clipped_normals(ld);
    check_tiny_yields(ld);
    if (!sc->cfg.customers.on) {
        check_stage_load(sc, _("order processing"), &sc->cfg.order_cycle.processing, inquiry_work_per_order(&sc->cfg));
        check_stage_load(sc, _("picking"), &sc->cfg.order_cycle.picking, 0);
    }
    /* a history played by days (every mode but fit) never draws units_per_order: it holds
       the fit for the levers' theory, and sampling it took most of a batch row's load
       (cli/batch.c: thousands of rows on several histories miss share_at_most_zero's few) */
    bool drawn = !history_plays_days(sc->cfg.demand.history_mode); /* as models/demand.c decides */
    double zero_share = drawn ? share_at_most_zero(&sc->cfg.demand.units_per_order) : 0;
    if (zero_share >= 1e-4)
        warn(sc,
             _("units_per_order draws 0 or less about %.2g%% of the time; such draws are not orders, so fewer "
               "orders arrive than the gaps alone imply"),
             100 * zero_share);
    if (sc->cfg.nproducts > 1 && dist_mean(&sc->cfg.demand.lines_per_order) > (double)sc->cfg.nproducts)
        warn(sc, _("lines_per_order averages more lines than there are products; an order asks for each product "
                   "at most once"));
}

struct scenario *scenario_new(void)
{
    struct scenario *sc = calloc(1, sizeof *sc);
    if (!sc) abort();
    return sc;
}

void scenario_fini(struct scenario *sc)
{
    model_config_fini(&sc->cfg);
    for (int f = 1; f < FAMILY_COUNT; f++) free(entries_of(sc, (enum key_family)f));
    memset(sc, 0, sizeof *sc);
}

void scenario_free(struct scenario *sc)
{
    if (!sc) return;
    scenario_fini(sc);
    free(sc);
}

/* Start a load: defaults in, through the same parser as the file. */
static void begin_load(struct loader *ld, struct scenario *sc, const char *path, FILE *err)
{
    scenario_fini(sc);
    snprintf(sc->path, sizeof sc->path, "%s", path);
    *ld = (struct loader){.sc = sc, .err = err, .where = sc->path};
    struct target none = plain_target("");
    apply_defaults(ld, &none);
}

/* Finish a load whose file has been read: overrides, cross-field checks, warnings. */
static int finish_load(struct loader *ld, const struct scenario_override *sets, size_t nsets)
{
    struct scenario *sc = ld->sc;
    /* sealed text names no file: said first, and the problem keeps resolve_history (the
       only reader of files) from running */
    if (ld->sealed && given(sc, K_DEMAND_HISTORY) && sc->origin[K_DEMAND_HISTORY].from == FROM_FILE)
        report_key(ld, line_of(sc, K_DEMAND_HISTORY), K_DEMAND_HISTORY,
                   _("names a file; a scenario sent to the class server may not read files on the server's "
                     "computer: remove this key"));
    ld->sets = sets;
    for (size_t i = 0; i < nsets; i++) ld->set = (unsigned)i + 1, apply_set(ld, &sets[i]);
    ld->set = 0;
    sc->cfg.customers.on = customers_given(sc);
    if (ld->problems == 0) make_catalog(ld);
    if (ld->problems == 0) inherit(ld);
    if (ld->problems == 0) resolve_demand(ld);
    if (ld->problems == 0) {
        resolve_shares(ld, FAMILY_PRODUCT);
        resolve_shares(ld, FAMILY_TIER);
        resolve_shares(ld, FAMILY_CHANNEL);
        resolve_shares(ld, FAMILY_REGION);
    }
    if (ld->problems == 0) resolve_customers(ld);
    if (ld->problems == 0) resolve_returns(ld);
    if (ld->problems == 0) resolve_loyalty(ld);
    if (ld->problems == 0) resolve_network(ld);
    if (ld->problems == 0) resolve_inventory(ld);
    if (ld->problems == 0) resolve_products(ld);
    if (ld->problems == 0) resolve_reactions(ld);
    if (ld->problems == 0) resolve_shape(ld);
    if (ld->problems == 0) resolve_order_cycle(ld);
    if (ld->problems == 0) resolve_order_information(ld);
    if (ld->problems == 0) resolve_quantity_discount(ld);
    if (ld->problems == 0) resolve_contract(ld);
    if (ld->problems == 0) resolve_sweep(ld);
    print_problems(ld);
    if (ld->problems) {
        scenario_fini(sc); /* nothing half-read is kept */
        return 2;
    }
    add_warnings(ld);
    return 0;
}

int scenario_load(struct scenario *sc, const char *path, const struct scenario_override *sets, size_t nsets, FILE *err)
{
    struct loader ld;
    begin_load(&ld, sc, path, err);
    size_t len = 0;
    char *text = read_file(&ld, path, &len);
    if (text) parse_scenario_text(&ld, text, len);
    free(text);
    return finish_load(&ld, sets, nsets);
}

static int load_text(struct scenario *sc, const char *name, const char *text, size_t len,
                     const struct scenario_override *sets, size_t nsets, FILE *err, bool sealed)
{
    struct loader ld;
    begin_load(&ld, sc, name, err);
    ld.sealed = sealed;
    if (len > FILE_MAX_BYTES)
        report(&ld, 0, "", "", _("is %zu bytes; a scenario file may be at most %d"), len, FILE_MAX_BYTES);
    else
        parse_scenario_text(&ld, text, len);
    return finish_load(&ld, sets, nsets);
}

int scenario_load_base(struct scenario *sc, const char *path, const struct scenario_override *sets, size_t nsets,
                       bool item_from_table, FILE *err)
{
    struct loader ld;
    begin_load(&ld, sc, path, err);
    ld.item_from_table = item_from_table;
    size_t len = 0;
    char *text = read_file(&ld, path, &len);
    if (text) parse_scenario_text(&ld, text, len);
    free(text);
    return finish_load(&ld, sets, nsets);
}

int scenario_load_text(struct scenario *sc, const char *name, const char *text, size_t len,
                       const struct scenario_override *sets, size_t nsets, FILE *err)
{
    return load_text(sc, name, text, len, sets, nsets, err, false);
}

int scenario_load_sealed(struct scenario *sc, const char *name, const char *text, size_t len,
                         const struct scenario_override *sets, size_t nsets, FILE *err)
{
    return load_text(sc, name, text, len, sets, nsets, err, true);
}

/* ---- check: write the resolved scenario ---- */

static void value_text(struct scenario *sc, const struct key_def *d, const struct target *t, char *buf, size_t n)
{
    const void *v = slot(sc, d, t);
    switch (d->type) {
    case KEY_NUMBER: num_format(*(const double *)v, buf, n); break;
    case KEY_COUNT: snprintf(buf, n, "%u", *(const unsigned *)v); break;
    case KEY_SEED: snprintf(buf, n, "%llu", (unsigned long long)*(const uint64_t *)v); break;
    case KEY_DIST: dist_format(v, buf, n); break;
    case KEY_CHOICE: snprintf(buf, n, "%s", d->choice((size_t)d->choice_get(v))); break;
    case KEY_TEXT: snprintf(buf, n, "%s", (const char *)v); break;
    case KEY_LIST: {
        const struct number_list *list = v;
        size_t used = 0;
        buf[0] = '\0';
        bool pairs = d->flags & KEY_PAIRS;
        for (size_t i = 0; i < list->n && used < n; i += pairs ? 2 : 1) {
            char x[40], y[40];
            used +=
                (size_t)snprintf(buf + used, n - used, "%s%s%s%s", i ? ", " : "", num_format(list->v[i], x, sizeof x),
                                 pairs ? ":" : "", pairs ? num_format(list->v[i + 1], y, sizeof y) : "");
        }
        break;
    }
    }
}

/* What kind of reason why_unset gives: the resolved file shows the value of a key not
 * used, fitted or inherited, and scenario_value shows a value set by a lever or
 * inherited. Decided by kind, never by the reason's text, which is translated. */
enum unset_kind { UNSET_NOT_USED, UNSET_FITTED, UNSET_LEVER, UNSET_INHERITED, UNSET_NOT_SET };

/* Why key d is not used in section t (its .applies does not hold), or NULL. */
static const char *unused_because(const struct scenario *sc, const struct key_def *d, const struct target *t,
                                  const struct inventory_config *inv, char *buf, size_t n)
{
    const char *by_history = _("not used: the history gives the orders");
    switch (d->applies) {
    case APPLIES_ALWAYS: return NULL;
    case APPLIES_OWN_DEMAND: return sc->history_info ? by_history : NULL;
    case APPLIES_ARRIVALS:
        return sc->history_info       ? by_history
               : sc->cfg.customers.on ? _("not used: orders come from [customers]")
                                      : NULL;
    case APPLIES_PRODUCTS: return sc->cfg.nproducts < 2 ? _("not used: one product") : NULL;
    case APPLIES_HISTORY: return sc->history_info ? NULL : _("not used: no history");
    case APPLIES_RETURNS: return returns_in_use(&sc->cfg) ? NULL : _("not used: no customer returns (share = 0)");
    case APPLIES_REACT: return any_react(sc) ? NULL : _("not used: no shortage = react");
    case APPLIES_CUSTOMERS: return sc->cfg.customers.on ? NULL : _("not used: no customer base");
    case APPLIES_CONTRACT: return sc->contract_targets[0] ? NULL : _("not used: no contract targets");
    case APPLIES_LOYALTY: return sc->cfg.loyalty.on ? NULL : _("not used: no [loyalty] section");
    case APPLIES_COMPLAINTS: return sc->cfg.complaints.on ? NULL : _("not used: no [complaints] section");
    default: break; /* the stock conditions */
    }
    if (!t->family && (sc->cfg.nproducts || sc->cfg.nlocations)) return NULL; /* [inventory] gives defaults only */
    if (!policy_uses(inv->policy, d->applies)) {
        snprintf(buf, n, _("not used by policy %s"), inv->policy->name);
        return buf;
    }
    if (d->applies == APPLIES_PERIODIC_REVIEW && inv->review_days == 0)
        return _("not used: continuous review (review_days = 0)");
    return NULL;
}

/* Why a key is left out of the resolved file (written as a comment), or NULL; *kind
 * says which kind of reason it is. */
static const char *why_unset(struct scenario *sc, const struct key_def *d, const struct target *t, char *buf, size_t n,
                             enum unset_kind *kind)
{
    size_t k = (size_t)(d - key_defs);
    const struct key_origin *o = origin(sc, k, t);
    bool is_given = o->from == FROM_FILE || o->from == FROM_COMMAND_LINE;
    const struct inventory_config *inv = t->family == FAMILY_PRODUCT    ? &sc->cfg.products[t->index].inventory
                                         : t->family == FAMILY_LOCATION ? &sc->cfg.locations[t->index].inventory
                                                                        : &sc->cfg.inventory;
    const struct lever *lever = t->family == FAMILY_PRODUCT    ? &sc->products[t->index].lever
                                : t->family == FAMILY_LOCATION ? &sc->locations[t->index].lever
                                                               : &sc->lever;
    enum key_id root = key_root(k);
    if (lever->key && key_defs[root].name == lever->level_key) {
        char level[40];
        snprintf(buf, n, _("%s sets it to %s"), lever->key, num_derived(lever->level, level, sizeof level));
        *kind = UNSET_LEVER;
        return buf;
    }
    /* A fit to the history sets the two drawn distributions: what is written is where the
       value came from, as for a lever above, not why a key is unused. Which fit belongs
       to which key is the history's knowledge (struct history_info, reader/history.h),
       so the two keys are named here rather than in the table. */
    if (!d->family && sc->history_info && sc->cfg.demand.history_mode == HISTORY_FIT &&
        (k == K_DEMAND_INTERARRIVAL_DAYS || k == K_DEMAND_UNITS_PER_ORDER)) {
        const struct fit *f = k == K_DEMAND_UNITS_PER_ORDER ? &sc->history_info->units : &sc->history_info->gaps;
        if (f->ks_d > 0)
            snprintf(buf, n, _("fitted to the history: KS D = %.3f over %zu values"), f->ks_d, f->n);
        else
            snprintf(buf, n, _("fitted to the history: %zu values, all alike"), f->n);
        *kind = UNSET_FITTED;
        return buf;
    }
    /* replayed or bootstrapped, the history gives the orders; the two keys still hold
       its order gaps and sizes (resolve_history), which the levers' formulas read */
    if (!d->family && sc->history_info && (k == K_DEMAND_INTERARRIVAL_DAYS || k == K_DEMAND_UNITS_PER_ORDER)) {
        snprintf(buf, n, "%s",
                 _("from the history, for the service levers' theory only: the history gives the orders"));
        *kind = UNSET_FITTED;
        return buf;
    }
    *kind = UNSET_NOT_USED;
    const char *unused = unused_because(sc, d, t, inv, buf, n);
    if (unused) return unused;
    if (d->either && !is_given) { /* the other way of saying it is given (the reader insists on one) */
        snprintf(buf, n, _("not used: %s is given"), d->either->name);
        return buf;
    }
    *kind = UNSET_NOT_SET;
    if ((d->flags & KEY_OFF_AT_ZERO) && *(const unsigned *)slot(sc, d, t) == 0) return _("not set");
    if (o->from == FROM_INHERITED) {
        snprintf(buf, n, _("from [%s]"), d->inherit->section);
        *kind = UNSET_INHERITED;
        return buf;
    }
    bool *g = given_flag(sc, d, t);
    if (g && !*g) return _("not set");
    if (!d->fallback && !is_given && !(d->flags & KEY_DERIVED)) return _("not set");
    return NULL;
}

/* A key's unit as a person reads it ("" stays "": gettext("") is the catalogue's header). */
static const char *unit_text(const struct key_def *d)
{
    return *d->unit ? C_("unit", d->unit) : "";
}

/* Pad a key's assignment with spaces to 34 display columns, so that the "%-34s ;" of
 * write_key's formats (which counts bytes) puts its comment in the same column after
 * a Chinese value (3 bytes, 2 columns a character) as after an ASCII one. */
static void pad_assign(char *assign, size_t size)
{
    size_t width = lang_width(assign), len = strlen(assign);
    while (width < 34 && len + 1 < size) assign[len++] = ' ', width++;
    assign[len] = '\0';
}

static void write_key(struct scenario *sc, const struct key_def *d, const struct target *t, FILE *out)
{
    char value[2000], assign[2100], why[300];
    value_text(sc, d, t, value, sizeof value);
    enum unset_kind kind;
    const char *unset = why_unset(sc, d, t, why, sizeof why, &kind);
    const struct key_origin *o = origin(sc, (size_t)(d - key_defs), t);
    if (unset) {
        if (kind == UNSET_FITTED && d->type == KEY_DIST) /* derived: rounded, as a lever's level */
            dist_format_with(slot(sc, d, t), num_derived, value, sizeof value);
        bool show =
            o->from == FROM_INHERITED || kind == UNSET_NOT_USED || kind == UNSET_FITTED ? strlen(value) <= 150 : false;
        snprintf(assign, sizeof assign, "; %s =%s%s", d->name, show ? " " : "", show ? value : "");
        pad_assign(assign, sizeof assign);
        fprintf(out, "%-34s ; %s\n", assign, unset);
        return;
    }
    if (strlen(value) > 150) { /* too long for one line of a scenario file */
        fprintf(out, _("; %s = (%zu characters: too long for one line)\n"), d->name, strlen(value));
        return;
    }
    if (key_root((size_t)(d - key_defs)) == K_INVENTORY_INITIAL_ON_HAND && o->from == FROM_DEFAULT) {
        /* derived from other keys: shown, but as a comment so it follows them when edited,
           and rounded as the lever's level is (num_derived): it is read, not typed back */
        const struct inventory_config *inv = t->family == FAMILY_PRODUCT    ? &sc->cfg.products[t->index].inventory
                                             : t->family == FAMILY_LOCATION ? &sc->cfg.locations[t->index].inventory
                                                                            : &sc->cfg.inventory;
        char derived[40];
        snprintf(assign, sizeof assign, "; %s = %s", d->name,
                 num_derived(inv->initial_on_hand, derived, sizeof derived));
        pad_assign(assign, sizeof assign);
        if (inv->policy->uses_order_quantity)
            fprintf(out, _("%-34s ; %s, default: %s + %s\n"), assign, unit_text(d),
                    key_defs[K_INVENTORY_REORDER_POINT].name, key_defs[K_INVENTORY_ORDER_QUANTITY].name);
        else
            fprintf(out, _("%-34s ; %s, default: %s\n"), assign, unit_text(d), key_defs[K_INVENTORY_ORDER_UP_TO].name);
        return;
    }
    /* where the value came from, after its unit: "units, line 12", "days, default" */
    snprintf(assign, sizeof assign, "%s = %s", d->name, value);
    pad_assign(assign, sizeof assign);
    if (o->from == FROM_FILE && *d->unit)
        fprintf(out, _("%-34s ; %s, line %d\n"), assign, unit_text(d), o->line);
    else if (o->from == FROM_FILE)
        fprintf(out, _("%-34s ; line %d\n"), assign, o->line);
    else if (o->from == FROM_COMMAND_LINE && *d->unit)
        fprintf(out, "%-34s ; %s, --set\n", assign, unit_text(d));
    else if (o->from == FROM_COMMAND_LINE)
        fprintf(out, "%-34s ; --set\n", assign);
    else if (*d->unit)
        fprintf(out, _("%-34s ; %s, default\n"), assign, unit_text(d));
    else
        fprintf(out, _("%-34s ; default\n"), assign);
}

/* Every section the resolved scenario has, in the order check writes them (the plain
 * sections, then each named one), and every key of it: on_section before a section's
 * keys (NULL: not wanted), on_key for each key. Shared by scenario_write and
 * scenario_each_key, so both list exactly the same keys. */
struct key_visit {
    void (*on_section)(struct scenario *sc, const struct target *t, void *ctx);
    void (*on_key)(struct scenario *sc, const struct key_def *d, const struct target *t, void *ctx);
    void *ctx;
};

static void visit_keys(struct scenario *sc, const struct key_visit *v)
{
    for (size_t s = 0; key_sections[s]; s++) {
        if (strcmp(key_sections[s], "locations") == 0 && sc->cfg.nlocations == 0) continue; /* not in use */
        struct target t = plain_target(key_sections[s]);
        if (v->on_section) v->on_section(sc, &t, v->ctx);
        for (size_t k = 0; k < key_count; k++)
            if (!key_defs[k].family && strcmp(key_defs[k].section, key_sections[s]) == 0)
                v->on_key(sc, &key_defs[k], &t, v->ctx);
    }
    for (int f = 1; f < FAMILY_COUNT; f++)
        for (size_t i = 0; i < count_of(sc, (enum key_family)f); i++) {
            if (f == FAMILY_PRODUCT && sc->catalog_items) break;   /* made by catalog_items */
            if (f == FAMILY_REGION && sc->implicit_regions) break; /* one per location, made again on load */
            struct target t = family_target(sc, (enum key_family)f, i);
            if (v->on_section) v->on_section(sc, &t, v->ctx);
            for (size_t k = 0; k < key_count; k++)
                if (key_defs[k].family == (enum key_family)f) v->on_key(sc, &key_defs[k], &t, v->ctx);
        }
}

static void write_section(struct scenario *sc, const struct target *t, void *ctx)
{
    FILE *out = ctx;
    fprintf(out, "\n[%s]\n", t->label);
    if (!t->family && strcmp(t->label, "demand") == 0 && sc->history_info)
        history_describe(out, sc->history_info, sc->cfg.demand.history_mode, "; ");
}

/* The blanks before a key line's "; ": its assignment, padded to 34 columns, and one. */
enum { COMMENT_COLUMN = 35 };

/* A key's line as write_key wrote it (without its '\n'), within a terminal's width: a
 * comment too long for it goes on under itself, each further line a comment of its own
 * ("; " under the first ';'), so that the file still reads as it is. After a value that
 * takes most of the line, the whole comment goes on the next line, at COMMENT_COLUMN. */
static void put_key_line(FILE *out, const char *line, size_t len)
{
    char *text = strndup(line, len);
    if (!text) abort();
    const char *sep = strstr(text, " ; "); /* the comment after the assignment */
    if (lang_width(text) <= LANG_LINE_MAX || !sep) {
        fprintf(out, "%s\n", text);
        free(text);
        return;
    }
    size_t head_len = (size_t)(sep - text) + 3;
    char *head = strndup(text, head_len), cont[LANG_LINE_MAX + 3];
    if (!head) abort();
    head[head_len - 2] = '\0'; /* the assignment and its blank: as wide as the blanks before "; " */
    size_t blanks = lang_width(head);
    if (blanks > LANG_LINE_MAX / 2) {
        /* a long value: a comment hung after it would run a word a line, so the
           assignment stands alone and the comment follows it at the usual column */
        head[head_len - 3] = '\0';
        fprintf(out, "%s\n", head);
        blanks = COMMENT_COLUMN;
        snprintf(cont, sizeof cont, "%*s; ", (int)blanks, "");
        lang_print_hanging(out, cont, text + head_len, cont, LANG_LINE_MAX);
    } else {
        snprintf(cont, sizeof cont, "%*s; ", (int)blanks, "");
        head[head_len - 2] = ';';
        lang_print_hanging(out, head, text + head_len, cont, LANG_LINE_MAX);
    }
    free(head);
    free(text);
}

static void write_one_key(struct scenario *sc, const struct key_def *d, const struct target *t, void *ctx)
{
    FILE *out = ctx;
    char *text = NULL;
    size_t size = 0;
    FILE *lines = open_memstream(&text, &size);
    if (!lines) abort();
    write_key(sc, d, t, lines);
    if (fclose(lines) != 0) abort();
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        put_key_line(out, p, len);
        p += len + (p[len] == '\n');
    }
    free(text);
}

void scenario_write(const struct scenario *csc, FILE *out)
{
    struct scenario *sc = (struct scenario *)csc; /* read only: the helpers take a plain pointer */
    assert(sc->cfg.inventory.policy && "scenario_write needs a scenario that loaded");
    fprintf(out, _("; %s, fully resolved by servlab check.\n"), sc->path);
    fputs(_("; Every key with the value servlab uses; after ';' its unit and where the value came\n"
            "; from. This file can be run again as it is.\n"),
          out);
    visit_keys(sc, &(struct key_visit){write_section, write_one_key, out});
}

/* ---- values by name, and locks ---- */

/* Key d's value in section t as scenario_value gives it: the canonical text check
 * writes, or why it is unset, in parentheses. Returns true when that is "(not set)"
 * (UNSET_NOT_SET), false otherwise. */
static bool key_value(struct scenario *sc, const struct key_def *d, const struct target *t, char *buf, size_t n)
{
    char why[300];
    enum unset_kind kind;
    const char *unset = why_unset(sc, d, t, why, sizeof why, &kind);
    if (unset && kind != UNSET_INHERITED && kind != UNSET_LEVER) {
        snprintf(buf, n, "(%s)", unset);
        return kind == UNSET_NOT_SET;
    }
    value_text(sc, d, t, buf, n);
    return false;
}

/* The key and section a full name ("inventory.reorder_point", "product.tea.price_per_unit")
 * names in sc: the key's index, *t its section; -1 if sc has no such key. */
static int full_name_key(struct scenario *sc, const char *name, struct target *t)
{
    const char *dot = strrchr(name, '.');
    if (!dot) return -1;
    char section[80];
    snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
    int k = key_find(section, dot + 1);
    return k >= 0 && resolve_target(sc, section, t) ? k : -1;
}

int scenario_value(const struct scenario *csc, const char *name, char *buf, size_t n)
{
    struct scenario *sc = (struct scenario *)csc; /* read only */
    struct target t;
    int k = full_name_key(sc, name, &t);
    if (k < 0) return -1;
    key_value(sc, &key_defs[k], &t, buf, n);
    return 0;
}

int scenario_line(const struct scenario *csc, const char *name)
{
    struct scenario *sc = (struct scenario *)csc; /* read only */
    struct target t;
    int k = full_name_key(sc, name, &t);
    if (k < 0) return 0;
    const struct key_origin *o = origin(sc, (size_t)k, &t);
    return o->from == FROM_FILE ? o->line : 0;
}

struct each_key {
    void (*fn)(void *ctx, const char *full_name, const char *value, enum key_from from, bool not_set);
    void *ctx;
};

static void each_key_one(struct scenario *sc, const struct key_def *d, const struct target *t, void *ctx)
{
    const struct each_key *ek = ctx;
    char name[NAME_LEN + 120], value[2000];
    snprintf(name, sizeof name, "%s.%s", t->label, d->name);
    bool not_set = key_value(sc, d, t, value, sizeof value);
    ek->fn(ek->ctx, name, value, origin(sc, (size_t)(d - key_defs), t)->from, not_set);
}

void scenario_each_key(const struct scenario *csc,
                       void (*fn)(void *ctx, const char *full_name, const char *value, enum key_from from,
                                  bool not_set),
                       void *ctx)
{
    struct scenario *sc = (struct scenario *)csc; /* read only */
    assert(sc->cfg.inventory.policy && "scenario_each_key needs a scenario that loaded");
    visit_keys(sc, &(struct key_visit){NULL, each_key_one, &(struct each_key){fn, ctx}});
}

void scenario_locked_keys(const struct scenario *sc, void (*fn)(void *ctx, const char *name), void *ctx)
{
    char copy[256], name[160];
    _Static_assert(sizeof copy >= sizeof sc->lock_sections && sizeof copy >= sizeof sc->lock_keys,
                   "room for a whole [locks] list");
    snprintf(copy, sizeof copy, "%s", sc->lock_sections);
    for (char *save = NULL, *item = strtok_r(copy, ", ", &save); item; item = strtok_r(NULL, ", ", &save)) {
        enum key_family f = key_family_of(item, NULL);
        const char *plain = f ? key_family_prefix(f) : item;
        for (size_t k = 0; k < key_count; k++)
            if (key_defs[k].family == f && strcmp(key_defs[k].section, plain) == 0) {
                snprintf(name, sizeof name, "%s.%s", item, key_defs[k].name);
                fn(ctx, name);
            }
    }
    snprintf(copy, sizeof copy, "%s", sc->lock_keys);
    for (char *save = NULL, *item = strtok_r(copy, ", ", &save); item; item = strtok_r(NULL, ", ", &save))
        fn(ctx, item);
}
