/* scenario.c - reading a scenario: file -> scan (every inih pitfall, with lines) ->
 * inih (the values) -> the key table (types, bounds) -> --set overrides -> cross-field
 * checks and resolution -> warnings. All problems are collected and reported, up to
 * MAX_REPORTED, so a student sees every mistake at once. */
#include "scenario.h"
#include "keys.h"
#include "scan.h"
#include "suggest.h"
#include "value.h"
#include "models/policy.h"
#include "models/theory.h"
#include "sim/num.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_REPORTED = 20, FILE_MAX_BYTES = 1 << 20 };

/* A problem waiting to be printed: problems are printed in line order at the end, file
 * before command line, whatever order the checks found them in. */
struct problem {
    int order; /* file line, or INT_MAX for the command line */
    char text[400];
};

struct loader {
    struct scenario *sc;
    FILE *err;
    const char *where; /* the file's path, or "--set TEXT" */
    size_t problems;
    struct problem kept[MAX_REPORTED];
    struct scan scan;
    size_t next; /* next scan entry to match with an inih callback */
};

static void report(struct loader *ld, int line, const char *section, const char *key,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(struct loader *ld, int line, const char *section, const char *key,
                   const char *fmt, ...)
{
    if (ld->problems >= MAX_REPORTED) {
        ld->problems++;
        return;
    }
    struct problem *p = &ld->kept[ld->problems++];
    p->order = ld->where == ld->sc->path ? line : INT_MAX;
    size_t n = (size_t)snprintf(p->text, sizeof p->text, "%s", ld->where);
    if (line > 0 && n < sizeof p->text) n += (size_t)snprintf(p->text + n, sizeof p->text - n, ":%d", line);
    if (n < sizeof p->text) n += (size_t)snprintf(p->text + n, sizeof p->text - n, ": ");
    if (section && *section && n < sizeof p->text)
        n += (size_t)snprintf(p->text + n, sizeof p->text - n, "[%s] ", section);
    if (key && *key && n < sizeof p->text) n += (size_t)snprintf(p->text + n, sizeof p->text - n, "%s: ", key);
    va_list ap;
    va_start(ap, fmt);
    if (n < sizeof p->text) vsnprintf(p->text + n, sizeof p->text - n, fmt, ap);
    va_end(ap);
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
    for (size_t i = 0; i < n; i++) fprintf(ld->err, "%s\n", ld->kept[order[i]].text);
    if (ld->problems > MAX_REPORTED)
        fprintf(ld->err, "%s: ... and %zu more problems\n", ld->sc->path, ld->problems - MAX_REPORTED);
}

static void scan_problem(void *ctx, int line, const char *section, const char *key, const char *problem)
{
    report(ctx, line, section, key, "%s", problem);
}

/* ---- one value ---- */

static void *slot(struct scenario *sc, size_t offset)
{
    return (char *)sc + offset;
}

/* Parse text as key k's value, check its bounds, store it. Returns 0 or -1 (reported). */
static int apply_value(struct loader *ld, size_t k, const char *text, int line, enum key_from from)
{
    const struct key_def *d = &key_defs[k];
    struct scenario *sc = ld->sc;
    char problem[300], lo[40], hi[40], got[40];
    num_format(d->min, lo, sizeof lo);
    num_format(d->max, hi, sizeof hi);
    const char *cmp = d->flags & KEY_MIN_EXCLUSIVE ? ">" : ">=";

    switch (d->type) {
    case KEY_NUMBER:
    case KEY_COUNT:
    case KEY_SEED: {
        double x;
        if (value_number(text, &x, problem, sizeof problem) != 0) {
            report(ld, line, d->section, d->name, "%s", problem);
            return -1;
        }
        num_format(x, got, sizeof got);
        bool low = d->flags & KEY_MIN_EXCLUSIVE ? !(x > d->min) : !(x >= d->min);
        if (low) {
            report(ld, line, d->section, d->name, "must be %s %s, got %s", cmp, lo, got);
            return -1;
        }
        if (d->flags & KEY_MAX_EXCLUSIVE ? !(x < d->max) : x > d->max) {
            report(ld, line, d->section, d->name, "must be %s %s, got %s%s",
                   d->flags & KEY_MAX_EXCLUSIVE ? "below" : "at most", hi, got,
                   d->max == 1 && x > 1 && x <= 100 ? " (write a share as a decimal: 0.95 for 95%)" : "");
            return -1;
        }
        if (d->type != KEY_NUMBER && x != floor(x)) {
            report(ld, line, d->section, d->name, "must be a whole number, got %s", got);
            return -1;
        }
        if (d->type == KEY_NUMBER)
            *(double *)slot(sc, d->offset) = x;
        else if (d->type == KEY_COUNT)
            *(unsigned *)slot(sc, d->offset) = (unsigned)x;
        else
            *(uint64_t *)slot(sc, d->offset) = (uint64_t)x;
        break;
    }
    case KEY_DIST: {
        struct dist dist;
        if (value_dist(text, &dist, problem, sizeof problem) != 0) {
            report(ld, line, d->section, d->name, "%s", problem);
            return -1;
        }
        char shown[200];
        dist_format(&dist, shown, sizeof shown);
        if (dist_lowest(&dist) < d->min) {
            num_format(dist_lowest(&dist), got, sizeof got);
            if (dist_is_constant(&dist))
                report(ld, line, d->section, d->name, "must be >= %s, got %s", lo, got);
            else
                report(ld, line, d->section, d->name, "draws must be >= %s, but %s can draw %s", lo, shown, got);
            return -1;
        }
        if (d->flags & KEY_MEAN_POSITIVE && !(dist_mean(&dist) > 0)) {
            report(ld, line, d->section, d->name, "the mean must be > 0, but %s has mean 0", shown);
            return -1;
        }
        if (dist_mean(&dist) > d->max) {
            num_format(dist_mean(&dist), got, sizeof got);
            report(ld, line, d->section, d->name, "the mean must be at most %s, got %s", hi, got);
            return -1;
        }
        *(struct dist *)slot(sc, d->offset) = dist;
        break;
    }
    case KEY_CHOICE: {
        char word[64];
        while (*text == ' ' || *text == '\t') text++;
        size_t len = strlen(text);
        while (len && (text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
        if (len >= sizeof word) { /* cut short, "sQ    ...    x" would read as sQ */
            report(ld, line, d->section, d->name, "'%.20s...' is too long for a choice", text);
            return -1;
        }
        memcpy(word, text, len);
        word[len] = '\0';
        const char *names[16];
        size_t n = 0;
        int found = -1;
        for (; d->choice(n) && n < 16; n++) {
            names[n] = d->choice(n);
            if (strcmp(names[n], word) == 0) found = (int)n;
        }
        if (found < 0) {
            char all[120];
            key_range_text(d, all, sizeof all);
            const char *near = suggest_nearest(word, names, n);
            if (!*word)
                report(ld, line, d->section, d->name, "no value; choose one of %s", all);
            else if (near)
                report(ld, line, d->section, d->name, "unknown choice '%s'; did you mean '%s'? (one of %s)", word,
                       near, all);
            else
                report(ld, line, d->section, d->name, "unknown choice '%s'; choose one of %s", word, all);
            return -1;
        }
        *(int *)slot(sc, d->offset) = found;
        break;
    }
    case KEY_TEXT: {
        char word[KEY_TEXT_MAX];
        while (*text == ' ' || *text == '\t') text++;
        size_t len = strlen(text);
        while (len && (text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
        if (len == 0 || len >= sizeof word) {
            report(ld, line, d->section, d->name, len ? "is too long" : "no value");
            return -1;
        }
        memcpy(word, text, len);
        word[len] = '\0';
        if (d->check_text && d->check_text(word, problem, sizeof problem) != 0) {
            report(ld, line, d->section, d->name, "%s", problem);
            return -1;
        }
        memcpy(slot(sc, d->offset), word, len + 1);
        break;
    }
    case KEY_LIST: {
        struct number_list *list = slot(sc, d->offset);
        list->n = 0;
        const char *p = text;
        for (;;) {
            const char *comma = strchr(p, ',');
            char item[120];
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            if (len >= sizeof item) { /* never cut a value short */
                report(ld, line, d->section, d->name, "value %zu is too long (at most %zu characters)", list->n + 1,
                       sizeof item - 1);
                return -1;
            }
            memcpy(item, p, len);
            item[len] = '\0';
            if (list->n == SWEEP_POINTS_MAX) {
                report(ld, line, d->section, d->name, "at most %d values", SWEEP_POINTS_MAX);
                return -1;
            }
            if (value_number(item, &list->v[list->n], problem, sizeof problem) != 0) {
                report(ld, line, d->section, d->name, "value %zu: %s", list->n + 1, problem);
                return -1;
            }
            list->n++;
            if (!comma) break;
            p = comma + 1;
        }
        break;
    }
    }
    if (d->given_offset) *(bool *)slot(sc, d->given_offset) = true;
    sc->origin[k] = (struct key_origin){from, line};
    return 0;
}

/* ---- names that are not known ---- */

static void report_unknown_section(struct loader *ld, int line, const char *section)
{
    size_t n = 0;
    while (key_sections[n]) n++;
    const char *near = suggest_nearest(section, (const char *const *)key_sections, n);
    if (near) {
        report(ld, line, section, "", "unknown section; did you mean [%s]?", near);
        return;
    }
    char all[300] = "";
    size_t used = 0;
    for (size_t i = 0; i < n && used < sizeof all; i++)
        used += (size_t)snprintf(all + used, sizeof all - used, "%s[%s]", i == 0 ? "" : i + 1 == n ? " and " : ", ",
                                 key_sections[i]);
    report(ld, line, section, "", "unknown section; the sections are %s", all);
}

static void report_unknown_key(struct loader *ld, int line, const char *section, const char *key)
{
    const char *names[SCENARIO_KEYS_MAX];
    size_t n = 0;
    for (size_t i = 0; i < key_count; i++)
        if (strcmp(key_defs[i].section, section) == 0) names[n++] = key_defs[i].name;
    for (size_t i = 0; i < key_count; i++) {
        if (strcmp(key_defs[i].name, key) == 0) {
            report(ld, line, section, key, "unknown key in [%s]; '%s' belongs in [%s]", section, key,
                   key_defs[i].section);
            return;
        }
    }
    const char *near = suggest_nearest(key, names, n);
    if (near)
        report(ld, line, section, key, "unknown key; did you mean '%s'?", near);
    else
        report(ld, line, section, key, "unknown key; 'servlab keys %s' lists the keys of [%s]", section,
               section);
}

/* ---- the file ---- */

static int on_pair(void *user, const char *section, const char *name, const char *value)
{
    struct loader *ld = user;
    while (ld->next < ld->scan.n && ld->scan.entries[ld->next].is_section) ld->next++;
    const struct scan_entry *e = ld->next < ld->scan.n ? &ld->scan.entries[ld->next++] : NULL;
    if (!e || strcmp(e->section, section) != 0 || strcmp(e->key, name) != 0) {
        report(ld, e ? e->line : 0, section, name,
               "internal error: the INI reader and servlab's line check disagree here; please report it");
        return 1;
    }
    if (!key_section_known(section)) return 1; /* reported at its header */
    int k = key_find(section, name);
    if (k < 0)
        report_unknown_key(ld, e->line, section, name);
    else
        apply_value(ld, (size_t)k, value, e->line, FROM_FILE);
    return 1;
}

/* Read the whole file into a NUL-terminated buffer (owned by the caller). */
static char *read_file(struct loader *ld, const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        report(ld, 0, "", "", "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        report(ld, 0, "", "", "%s", S_ISDIR(st.st_mode) ? "is a directory, not a scenario file"
                                                        : "is not a regular file");
        close(fd);
        return NULL;
    }
    if (st.st_size > FILE_MAX_BYTES) {
        report(ld, 0, "", "", "is %lld bytes; a scenario file may be at most %d", (long long)st.st_size,
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
            report(ld, 0, "", "", "cannot read: %s", strerror(errno));
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

/* Parse a scenario's text (len bytes; it need not be NUL-terminated). */
static void parse_scenario_text(struct loader *ld, const char *bytes, size_t len)
{
    char *buf = malloc(len + 1); /* inih reads a NUL-terminated string */
    if (!buf) abort();
    memcpy(buf, bytes, len);
    buf[len] = '\0';
    char *text = buf;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) text += 3, len -= 3; /* UTF-8 BOM */
    if (len >= 2 && (memcmp(text, "\xff\xfe", 2) == 0 || memcmp(text, "\xfe\xff", 2) == 0)) {
        report(ld, 1, "", "", "is saved as UTF-16 (Windows 'Unicode'); save it as UTF-8");
        free(buf);
        return;
    }

    if (scan_text(text, len, &ld->scan, scan_problem, ld) == 0) {
        bool any_key = false;
        for (size_t i = 0; i < ld->scan.n; i++) {
            const struct scan_entry *e = &ld->scan.entries[i];
            if (e->is_section && !key_section_known(e->section)) report_unknown_section(ld, e->line, e->section);
            if (!e->is_section) any_key = true;
        }
        if (!any_key) {
            report(ld, 0, "", "",
                   "has no settings; a scenario needs at least [demand] orders_per_day (see 'servlab keys')");
        } else {
            int rc = ini_parse_string(text, on_pair, ld);
            if (rc != 0 && ld->problems == 0)
                report(ld, rc > 0 ? rc : 0, "", "", "the INI reader could not read this line");
        }
    }
    scan_fini(&ld->scan);
    free(buf);
}

/* ---- command-line overrides ---- */

static size_t key_index(const char *section, const char *name)
{
    int k = key_find(section, name);
    if (k < 0) abort(); /* only called with names from the table */
    return (size_t)k;
}

static bool given(const struct scenario *sc, const char *section, const char *name)
{
    return sc->origin[key_index(section, name)].from != FROM_DEFAULT;
}

static void forget(struct scenario *sc, const char *section, const char *name)
{
    sc->origin[key_index(section, name)] = (struct key_origin){FROM_DEFAULT, 0};
}

static void forget_file_value(struct scenario *sc, const char *section, const char *name)
{
    if (sc->origin[key_index(section, name)].from == FROM_FILE) forget(sc, section, name);
}

static void apply_assignment(struct loader *ld, const char *text);
static void forget_file_value(struct scenario *sc, const char *section, const char *name);

static void apply_set(struct loader *ld, const struct scenario_override *o)
{
    const char *text = o->assignment;
    char where[300];
    snprintf(where, sizeof where, "%s", o->label ? o->label : "");
    if (!o->label) snprintf(where, sizeof where, "--set %s", text);
    const char *saved = ld->where;
    ld->where = where;
    apply_assignment(ld, text);
    ld->where = saved;
}

static void apply_assignment(struct loader *ld, const char *text)
{
    const char *eq = strchr(text, '=');
    const char *dot = eq ? memchr(text, '.', (size_t)(eq - text)) : NULL;
    if (!eq || !dot) {
        report(ld, 0, "", "", "write --set SECTION.KEY=VALUE, for example --set inventory.reorder_point=150");
        return;
    }
    const char *last_dot = dot;
    for (const char *p = dot; p < eq; p++)
        if (*p == '.') last_dot = p;
    char section[64], key[64];
    const char *sec_start = text, *key_end = eq;
    while (*sec_start == ' ') sec_start++;
    while (key_end > last_dot + 1 && (key_end[-1] == ' ' || key_end[-1] == '\t')) key_end--;
    snprintf(section, sizeof section, "%.*s", (int)(last_dot - sec_start), sec_start);
    snprintf(key, sizeof key, "%.*s", (int)(key_end - last_dot - 1), last_dot + 1);
    if (!key_section_known(section)) {
        report_unknown_section(ld, 0, section);
        return;
    }
    int k = key_find(section, key);
    if (k < 0) {
        report_unknown_key(ld, 0, section, key);
        return;
    }
    if (apply_value(ld, (size_t)k, eq + 1, 0, FROM_COMMAND_LINE) != 0) return;
    /* a sweep defined on the command line replaces the file's range */
    if (strcmp(section, "sweep") == 0) {
        bool param = strcmp(key, "parameter") == 0, list = strcmp(key, "values") == 0;
        bool range = strcmp(key, "from") == 0 || strcmp(key, "to") == 0 || strcmp(key, "steps") == 0;
        const char *range_keys[] = {"from", "to", "steps"};
        for (size_t i = 0; i < 3; i++)
            if (param || list) forget_file_value(ld->sc, "sweep", range_keys[i]);
        if (param || range) forget_file_value(ld->sc, "sweep", "values");
    }
    /* a rate on the command line replaces a gap distribution in the file, and back */
    if (strcmp(section, "demand") == 0 && strcmp(key, "orders_per_day") == 0)
        forget(ld->sc, "demand", "interarrival_days");
    if (strcmp(section, "demand") == 0 && strcmp(key, "interarrival_days") == 0)
        forget(ld->sc, "demand", "orders_per_day");
}

/* ---- cross-field checks and resolution ---- */

static int line_of(const struct scenario *sc, const char *section, const char *name)
{
    return sc->origin[key_index(section, name)].line;
}

static void warn(struct scenario *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(struct scenario *sc, const char *fmt, ...)
{
    if (sc->nwarnings == SCENARIO_WARNINGS_MAX) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->warnings[sc->nwarnings++], sizeof sc->warnings[0], fmt, ap);
    va_end(ap);
}

static void resolve_demand(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    bool rate = given(sc, "demand", "orders_per_day"), gaps = given(sc, "demand", "interarrival_days");
    if (rate && gaps) {
        int lr = line_of(sc, "demand", "orders_per_day"), lg = line_of(sc, "demand", "interarrival_days");
        report(ld, lr > lg ? lr : lg, "demand", lr > lg ? "orders_per_day" : "interarrival_days",
               "give orders_per_day or interarrival_days, not both (the other is on line %d)", lr > lg ? lg : lr);
    } else if (!rate && !gaps) {
        report(ld, 0, "demand", "orders_per_day",
               "missing; say how often orders arrive with orders_per_day (a rate) or interarrival_days "
               "(a distribution)");
    } else if (rate) {
        char err[200];
        dist_init(&sc->cfg.demand.interarrival_days, dist_type_find("exponential"),
                  (double[]){1 / sc->orders_per_day}, 1, err, sizeof err);
    }
}

static void note(struct scenario *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(struct scenario *sc, const char *fmt, ...)
{
    if (sc->nnotes == sizeof sc->notes / sizeof sc->notes[0]) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->notes[sc->nnotes++], sizeof sc->notes[0], fmt, ap);
    va_end(ap);
}

static const char *const lever_keys[] = {"safety_factor", "target_cycle_service_level", "target_fill_rate"};

static double *lever_value(struct scenario *sc, size_t i)
{
    double *values[] = {&sc->safety_factor, &sc->target_cycle_service_level, &sc->target_fill_rate};
    return values[i];
}

/* Decide whether a service lever sets the reorder level. A lever and the level it sets
 * cannot both be written in the file; given on the command line, either one replaces
 * the other written in the file. Sets sc->lever.key when a lever is in force. */
static void choose_lever(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    const struct policy_type *p = sc->cfg.inventory.policy;
    int chosen = -1;
    for (size_t i = 0; i < 3; i++) {
        if (!given(sc, "inventory", lever_keys[i])) continue;
        if (chosen >= 0) {
            report(ld, line_of(sc, "inventory", lever_keys[i]), "inventory", lever_keys[i],
                   "give one service lever, not both this and %s", lever_keys[chosen]);
            return;
        }
        chosen = (int)i;
    }
    if (chosen < 0) return;
    const char *key = lever_keys[chosen];
    const struct key_origin *lo = &sc->origin[key_index("inventory", key)];
    if (!p->holds_stock || (p->uses_reorder_point && !p->uses_order_quantity)) {
        report(ld, lo->line, "inventory", key,
               "a service lever sets the reorder point of policy sQ or the order-up-to level of "
               "base_stock; policy %s %s",
               p->name, p->holds_stock ? "needs reorder_point and order_up_to written out" : "holds no stock");
        return;
    }
    const char *level_key = p->uses_order_quantity ? "reorder_point" : "order_up_to";
    const struct key_origin *vo = &sc->origin[key_index("inventory", level_key)];
    char was[40], target[40];
    num_format(*lever_value(sc, (size_t)chosen), target, sizeof target);
    if (vo->from != FROM_DEFAULT) {
        double level = p->uses_order_quantity ? sc->cfg.inventory.reorder_point : sc->cfg.inventory.order_up_to;
        num_format(level, was, sizeof was);
        if (lo->from == vo->from && lo->from == FROM_FILE) {
            report(ld, lo->line, "inventory", key, "the file also sets %s on line %d; give one or the other",
                   level_key, vo->line);
            return;
        }
        if (lo->from == vo->from) {
            report(ld, 0, "inventory", key, "the command line also sets %s; give one or the other", level_key);
            return;
        }
        if (vo->from == FROM_COMMAND_LINE) { /* the written level wins over the file's lever */
            note(sc, "%s = %s from the command line replaces %s = %s (line %d)", level_key, was, key, target,
                 lo->line);
            forget(sc, "inventory", key);
            return;
        }
        snprintf(sc->lever.replaced, sizeof sc->lever.replaced, "%s = %s on line %d", level_key, was, vo->line);
        forget(sc, "inventory", level_key);
    }
    sc->lever.key = key;
    sc->lever.target = *lever_value(sc, (size_t)chosen);
    sc->lever.level_key = level_key;
}

/* Set the level a lever asks for, from the normal approximation. */
static void apply_lever(struct scenario *sc)
{
    struct inventory_config *inv = &sc->cfg.inventory;
    struct protection pr = theory_protection(&sc->cfg);
    double level;
    if (strcmp(sc->lever.key, "safety_factor") == 0)
        level = theory_level_for_safety_factor(&pr, sc->lever.target);
    else if (strcmp(sc->lever.key, "target_cycle_service_level") == 0)
        level = theory_level_for_cycle_service(&pr, sc->lever.target);
    else
        level = theory_level_for_fill_rate(&pr, sc->lever.target);
    if (inv->policy->uses_order_quantity)
        inv->reorder_point = level;
    else
        inv->order_up_to = level > 0 ? level : 0;
    sc->lever.level = inv->policy->uses_order_quantity ? inv->reorder_point : inv->order_up_to;
}

static void resolve_inventory(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct inventory_config *inv = &sc->cfg.inventory;
    inv->policy = policy_types[sc->policy_choice];
    inv->shortage = sc->shortage_choice == 0 ? SHORTAGE_BACKORDER : SHORTAGE_LOST_SALE;
    const struct policy_type *p = inv->policy;
    int policy_line = line_of(sc, "inventory", "policy");
    struct {
        const char *name;
        bool used;
    } params[] = {{"reorder_point", p->uses_reorder_point},
                  {"order_quantity", p->uses_order_quantity},
                  {"order_up_to", p->uses_order_up_to}};
    choose_lever(ld);
    if (ld->problems) return;
    for (size_t i = 0; i < 3; i++) {
        bool is_given = given(sc, "inventory", params[i].name) ||
                        (sc->lever.key && strcmp(sc->lever.level_key, params[i].name) == 0);
        if (params[i].used && !is_given)
            report(ld, policy_line, "inventory", params[i].name, "missing; policy %s%s needs it%s", p->name,
                   sc->origin[key_index("inventory", "policy")].from == FROM_COMMAND_LINE ? " (from --set)" : "",
                   p->uses_order_quantity && i == 0 ? " (or a service lever such as target_fill_rate)" : "");
        if (!params[i].used && is_given)
            report(ld, line_of(sc, "inventory", params[i].name), "inventory", params[i].name,
                   "not used by policy %s; remove it or choose a policy that uses it", p->name);
    }
    if (!p->holds_stock) {
        const char *unused[] = {"review_days", "lead_time_days", "initial_on_hand", "shortage"};
        for (size_t i = 0; i < 4; i++)
            if (given(sc, "inventory", unused[i]))
                report(ld, line_of(sc, "inventory", unused[i]), "inventory", unused[i],
                       "not used by policy none (stock never runs out); remove it or choose a policy");
        return;
    }
    if (ld->problems) return;
    if (sc->lever.key) apply_lever(sc);
    char s[40], big_s[40];
    if (p->uses_reorder_point && p->uses_order_up_to && !(inv->order_up_to > inv->reorder_point))
        report(ld, line_of(sc, "inventory", "order_up_to"), "inventory", "order_up_to",
               "S = %s must be above reorder_point s = %s (line %d)",
               num_format(inv->order_up_to, big_s, sizeof big_s), num_format(inv->reorder_point, s, sizeof s),
               line_of(sc, "inventory", "reorder_point"));
    if (p->uses_reorder_point && inv->shortage == SHORTAGE_LOST_SALE && inv->reorder_point < 0)
        report(ld, line_of(sc, "inventory", "reorder_point"), "inventory", "reorder_point",
               "is negative, but with shortage = lost_sale the inventory position never falls below 0, "
               "so no order would ever be placed");
    if (!given(sc, "inventory", "initial_on_hand")) {
        double start = p->uses_order_quantity ? inv->reorder_point + inv->order_quantity : inv->order_up_to;
        inv->initial_on_hand = start > 0 ? start : 0;
    }
}

/* Why the sweep's service metric would have no value at all, or NULL when it has one. */
static const char *service_without_value(const struct scenario *sc)
{
    const char *m = sc->sweep.service;
    const struct model_config *c = &sc->cfg;
    if (strcmp(m, "on_time_rate") == 0 && !c->order_cycle.has_promise)
        return "set [order_cycle] promise_days, the promise it is measured against";
    if (strcmp(m, "cycle_service_level") == 0 && !c->inventory.policy->holds_stock)
        return "policy none holds no stock, so there are no replenishment cycles";
    if (strcmp(m, "processing_utilisation") == 0 && c->order_cycle.processing.servers == 0)
        return "processing_servers = 0 is an unlimited pure delay, never busy";
    if (strcmp(m, "picking_utilisation") == 0 && c->order_cycle.picking.servers == 0)
        return "picking_servers = 0 is an unlimited pure delay, never busy";
    return NULL;
}

/* The [sweep] section: a parameter, and values or from/to/steps. */
static void resolve_sweep(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    struct sweep_config *sw = &sc->sweep;
    bool param = given(sc, "sweep", "parameter"), list = given(sc, "sweep", "values");
    bool from = given(sc, "sweep", "from"), to = given(sc, "sweep", "to"), steps = given(sc, "sweep", "steps");
    if (!param && !list && !from && !to && !steps) return;
    if (!param) {
        int line = line_of(sc, "sweep", list ? "values" : from ? "from" : to ? "to" : "steps");
        report(ld, line, "sweep", "parameter", "missing; say which key to vary, e.g. parameter = inventory.safety_factor");
        return;
    }
    if (list && (from || to || steps)) {
        report(ld, line_of(sc, "sweep", "values"), "sweep", "values",
               "give values, or from, to and steps, not both");
        return;
    }
    if (!list) {
        const char *missing = !from ? "from" : !to ? "to" : !steps ? "steps" : NULL;
        if (missing) {
            report(ld, line_of(sc, "sweep", "parameter"), "sweep", missing,
                   "missing; give from, to and steps (or a list of values)");
            return;
        }
        if (sw->from == sw->to) {
            report(ld, line_of(sc, "sweep", "to"), "sweep", "to", "equals from; a sweep needs a range");
            return;
        }
        sw->values.n = sw->steps;
        for (unsigned i = 0; i < sw->steps; i++) {
            double x = sw->from + (sw->to - sw->from) * i / (sw->steps - 1);
            sw->values.v[i] = fabs(x) < 1e-12 * (fabs(sw->from) + fabs(sw->to)) ? 0 : x;
        }
    }
    char problem[200];
    int k = key_sweepable(sw->parameter, problem, sizeof problem);
    if (k >= 0 && key_defs[k].type == KEY_COUNT)
        for (size_t i = 0; i < sw->values.n; i++)
            if (sw->values.v[i] != floor(sw->values.v[i])) {
                char v[40];
                report(ld, line_of(sc, "sweep", list ? "values" : "steps"), "sweep", list ? "values" : "steps",
                       "%s takes whole numbers, but the sweep reaches %s", sw->parameter,
                       num_format(sw->values.v[i], v, sizeof v));
                return;
            }
    const char *missing = service_without_value(sc);
    if (missing) {
        report(ld, line_of(sc, "sweep", "service"), "sweep", "service", "%s has no value in this scenario: %s",
               sw->service, missing);
        return;
    }
    sw->active = true;
}

/* Offered load of a stage: busy servers needed on average. */
static void check_stage_load(struct scenario *sc, const char *what, const struct stage_config *st)
{
    double rate = 1 / dist_mean(&sc->cfg.demand.interarrival_days);
    double load = rate * dist_mean(&st->days);
    if (st->servers == 0 || load < st->servers) return;
    char r[40], cap[40];
    warn(sc,
         "%s is overloaded: orders arrive at %s a day but %u server%s can handle at most %s a day; "
         "the queue grows without bound and cycle times depend on the horizon",
         what, num_format(round(rate * 100) / 100, r, sizeof r), st->servers, st->servers == 1 ? "" : "s",
         num_format(round(st->servers / dist_mean(&st->days) * 100) / 100, cap, sizeof cap));
}

static void add_warnings(struct scenario *sc)
{
    check_stage_load(sc, "order processing", &sc->cfg.order_cycle.processing);
    check_stage_load(sc, "picking", &sc->cfg.order_cycle.picking);
    if (dist_lowest(&sc->cfg.demand.units_per_order) <= 0)
        warn(sc, "units_per_order can draw 0; such draws are not orders, so fewer orders arrive than "
                 "the gaps alone imply");
}

/* Start a load: defaults in, through the same parser as the file. */
static void begin_load(struct loader *ld, struct scenario *sc, const char *path, FILE *err)
{
    memset(sc, 0, sizeof *sc);
    snprintf(sc->path, sizeof sc->path, "%s", path);
    *ld = (struct loader){.sc = sc, .err = err, .where = sc->path};
    for (size_t k = 0; k < key_count; k++) {
        if (key_defs[k].fallback && apply_value(ld, k, key_defs[k].fallback, 0, FROM_DEFAULT) != 0) abort();
        if (key_defs[k].given_offset) *(bool *)slot(sc, key_defs[k].given_offset) = false;
    }
}

/* Finish a load whose file has been read: overrides, cross-field checks, warnings. */
static int finish_load(struct loader *ld, const struct scenario_override *sets, size_t nsets)
{
    for (size_t i = 0; i < nsets; i++) apply_set(ld, &sets[i]);
    if (ld->problems == 0) resolve_demand(ld);
    if (ld->problems == 0) resolve_inventory(ld);
    if (ld->problems == 0) resolve_sweep(ld);
    print_problems(ld);
    if (ld->problems) return 2;
    add_warnings(ld->sc);
    return 0;
}

int scenario_load(struct scenario *sc, const char *path, const struct scenario_override *sets, size_t nsets,
                  FILE *err)
{
    struct loader ld;
    begin_load(&ld, sc, path, err);
    size_t len = 0;
    char *text = read_file(&ld, path, &len);
    if (text) parse_scenario_text(&ld, text, len);
    free(text);
    return finish_load(&ld, sets, nsets);
}

int scenario_load_text(struct scenario *sc, const char *name, const char *text, size_t len,
                       const struct scenario_override *sets, size_t nsets, FILE *err)
{
    struct loader ld;
    begin_load(&ld, sc, name, err);
    if (len > FILE_MAX_BYTES)
        report(&ld, 0, "", "", "is %zu bytes; a scenario file may be at most %d", len, FILE_MAX_BYTES);
    else
        parse_scenario_text(&ld, text, len);
    return finish_load(&ld, sets, nsets);
}

/* ---- check: write the resolved scenario ---- */

static void value_text(const struct scenario *sc, const struct key_def *d, char *buf, size_t n)
{
    const void *v = (const char *)sc + d->offset;
    switch (d->type) {
    case KEY_NUMBER: num_format(*(const double *)v, buf, n); break;
    case KEY_COUNT: snprintf(buf, n, "%u", *(const unsigned *)v); break;
    case KEY_SEED: snprintf(buf, n, "%llu", (unsigned long long)*(const uint64_t *)v); break;
    case KEY_DIST: dist_format(v, buf, n); break;
    case KEY_CHOICE: snprintf(buf, n, "%s", d->choice((size_t)*(const int *)v)); break;
    case KEY_TEXT: snprintf(buf, n, "%s", (const char *)v); break;
    case KEY_LIST: {
        const struct number_list *list = v;
        size_t used = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < list->n && used < n; i++) {
            char x[40];
            used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "", num_format(list->v[i], x, sizeof x));
        }
        break;
    }
    }
}

/* Why a key is left out of the resolved file, or NULL if it is written. */
static const char *why_unset(const struct scenario *sc, const struct key_def *d, char *buf, size_t n)
{
    const struct policy_type *p = sc->cfg.inventory.policy;
    bool is_given = sc->origin[d - key_defs].from != FROM_DEFAULT;
    if (sc->lever.key && strcmp(d->section, "inventory") == 0 && strcmp(d->name, sc->lever.level_key) == 0) {
        char level[40];
        snprintf(buf, n, "%s sets it to %s", sc->lever.key, num_format(sc->lever.level, level, sizeof level));
        return buf;
    }
    if (strcmp(d->section, "demand") == 0) {
        if (strcmp(d->name, "orders_per_day") == 0 && !is_given) return "not used: interarrival_days is given";
        if (strcmp(d->name, "interarrival_days") == 0 && !is_given) return "not used: orders_per_day is given";
    }
    if (strcmp(d->section, "inventory") == 0 && strcmp(d->name, "policy") != 0) {
        bool used = strcmp(d->name, "reorder_point") == 0    ? p->uses_reorder_point
                    : strcmp(d->name, "order_quantity") == 0 ? p->uses_order_quantity
                    : strcmp(d->name, "order_up_to") == 0    ? p->uses_order_up_to
                                                             : p->holds_stock;
        if (!used) {
            snprintf(buf, n, "not used by policy %s", p->name);
            return buf;
        }
    }
    if (d->given_offset && !*(const bool *)((const char *)sc + d->given_offset)) return "not set";
    if (!d->fallback && !is_given && strcmp(d->name, "initial_on_hand") != 0) return "not set";
    return NULL;
}

void scenario_write(const struct scenario *sc, FILE *out)
{
    assert(sc->cfg.inventory.policy && "scenario_write needs a scenario that loaded");
    fprintf(out, "; %s, fully resolved by servlab check.\n", sc->path);
    fputs("; Every key with the value servlab uses; after ';' its unit and where the value came\n"
          "; from. This file can be run again as it is.\n", out);
    const char *section = "";
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        if (strcmp(d->section, section) != 0) {
            section = d->section;
            fprintf(out, "\n[%s]\n", section);
        }
        char value[2000], assign[2100], why[80];
        const char *unset = why_unset(sc, d, why, sizeof why);
        if (unset) {
            snprintf(assign, sizeof assign, "; %s =", d->name);
            fprintf(out, "%-34s ; %s\n", assign, unset);
            continue;
        }
        value_text(sc, d, value, sizeof value);
        if (strlen(value) > 150) { /* too long for one line of a scenario file */
            fprintf(out, "; %s = (%zu characters: too long for one line)\n", d->name, strlen(value));
            continue;
        }
        snprintf(assign, sizeof assign, "%s = %s", d->name, value);
        const struct key_origin *o = &sc->origin[k];
        char from[60];
        if (o->from == FROM_FILE)
            snprintf(from, sizeof from, "line %d", o->line);
        else if (o->from == FROM_COMMAND_LINE)
            snprintf(from, sizeof from, "--set");
        else if (strcmp(d->name, "initial_on_hand") == 0) {
            /* derived from other keys: shown, but as a comment so it follows them when edited */
            snprintf(assign, sizeof assign, "; %s = %s", d->name, value);
            fprintf(out, "%-34s ; %s, default: %s\n", assign, d->unit,
                    sc->cfg.inventory.policy->uses_order_quantity ? "reorder_point + order_quantity" : "order_up_to");
            continue;
        } else
            snprintf(from, sizeof from, "default");
        fprintf(out, "%-34s ; %s%s%s\n", assign, d->unit, *d->unit ? ", " : "", from);
    }
}
