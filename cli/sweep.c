/* sweep.c - every point is its own scenario, loaded through the reader with the lever
 * set as a command-line override, so each point is validated exactly like a file a
 * user wrote; it is then kept as the few words in which its configuration differs from
 * the first point's (cli/config_patch.h), and each job builds its own copy. All points share the master seed:
 * replication r of every point sees the same demand, which makes differences between points real, not noise. */
#include "sweep.h"
#include "config_patch.h"
#include "report.h"
#include "stability.h"
#include "workload.h"
#include "models/policy.h"
#include "reader/keys.h"
#include "sim/num.h"
#include "sim/rng.h"

#include "lang/lang.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *key_part(const char *parameter)
{
    const char *dot = strrchr(parameter, '.');
    return dot ? dot + 1 : parameter;
}

const char *sweep_lever_text(double x, int digits, char v[40])
{
    if (x == 0) /* never "-0" */
        snprintf(v, 40, "0");
    else if (!isfinite(x) || fabs(x) >= 1e15 || fabs(x) < 1e-9) /* beyond what plain decimals can write */
        snprintf(v, 40, "%.*g", digits, x);
    else if (x == round(x))
        snprintf(v, 40, "%.0f", x);
    else {
        /* %.*g's decimals, without its exponent: every whole digit is written, so that
           1333333.33 is "1333333", not "1.33333e+06", and 0.00001 is "0.00001" */
        int whole = (int)floor(log10(fabs(x))) + 1, decimals = digits - whole;
        snprintf(v, 40, "%.*f", decimals > 0 ? decimals : 0, x);
        size_t len = strlen(v);
        if (strchr(v, '.')) { /* "0.500000" is "0.5", "2.000" is "2", as %g writes them */
            while (len > 0 && v[len - 1] == '0') v[--len] = '\0';
            if (len > 0 && v[len - 1] == '.') v[--len] = '\0';
        }
    }
    return v;
}

const char *sweep_number_text(double x, char v[40])
{
    for (int digits = 1; digits < 17; digits++)
        if (strtod(sweep_lever_text(x, digits, v), NULL) == x) return v;
    return sweep_lever_text(x, 17, v);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

size_t sweep_lever_values(const struct sweep_result *r, int k, double *out)
{
    size_t n = k == 0 ? r->n1 : r->n2;
    for (size_t i = 0; i < n; i++) out[i] = k == 0 ? r->x[i * r->n2] : r->x2[i];
    return n;
}

int sweep_lever_digits(const struct sweep_result *r, int k)
{
    size_t n = k == 0 ? r->n1 : r->n2;
    double *x = malloc((n ? n : 1) * sizeof *x);
    if (!x) abort();
    sweep_lever_values(r, k, x);
    qsort(x, n, sizeof *x, by_value); /* rounding keeps the order: two values written alike are neighbours */
    int digits = 6;
    for (bool apart = false; !apart && digits < 17; digits += !apart) {
        apart = true;
        for (size_t i = 1; i < n && apart; i++) {
            char a[40], b[40];
            apart = x[i] == x[i - 1] ||
                    strcmp(sweep_lever_text(x[i - 1], digits, a), sweep_lever_text(x[i], digits, b)) != 0;
        }
    }
    free(x);
    return digits;
}

/* Add a warning that holds at some points only (point i), once. */
static void add_point_warning(struct sweep_result *r, const char *text, size_t i)
{
    for (size_t k = 0; k < r->base.nwarnings; k++)
        if (strcmp(r->base.warnings[k], text) == 0) return; /* holds for the base scenario too */
    for (size_t k = 0; k < r->npoint_warnings; k++)
        if (strstr(r->point_warnings[k], text)) return;
    if (r->npoint_warnings == sizeof r->point_warnings / sizeof r->point_warnings[0]) return;
    /* as the table writes it: a point of steps over an uneven range (300 to 900 in 34
       steps: 318.1818181818182) is named for reading, not for typing back */
    char where[160], v[40];
    snprintf(where, sizeof where, "%s = %s", key_part(r->base.sweep.parameter),
             sweep_lever_text(r->x[i], sweep_lever_digits(r, 0), v));
    if (r->x2)
        snprintf(where + strlen(where), sizeof where - strlen(where), ", %s = %s", key_part(r->base.sweep.parameter2),
                 sweep_lever_text(r->x2[i], sweep_lever_digits(r, 1), v));
    snprintf(r->point_warnings[r->npoint_warnings++], sizeof r->point_warnings[0], _("at %s (and maybe others): %s"),
             where, text);
    lang_tidy_cut(r->point_warnings[r->npoint_warnings - 1]);
}

/* Lever k's keys in [sweep], in the order of enum range_key. */
static const enum key_id range_keys[2][4] = {{K_SWEEP_VALUES, K_SWEEP_FROM, K_SWEEP_TO, K_SWEEP_STEPS},
                                             {K_SWEEP_VALUES2, K_SWEEP_FROM2, K_SWEEP_TO2, K_SWEEP_STEPS2}};
enum range_key { RANGE_VALUES, RANGE_FROM, RANGE_TO, RANGE_STEPS };

/* Which of lever k's [sweep] keys gave its value at point i: values, or from (the
 * lever's first value), to (its last) or steps (one between them), the range as written
 * (from 2 to 1 runs from 1: its first value is to's). Its place among the lever's values
 * into *j, their count into *count. */
static enum range_key lever_key(const struct sweep_result *r, size_t i, size_t k, size_t *j, size_t *count)
{
    const struct scenario *b = &r->base;
    *j = k == 0 ? i / r->n2 : i % r->n2;
    *count = k == 0 ? r->n1 : r->n2;
    bool down = k == 0 ? b->sweep.to < b->sweep.from : b->sweep.to2 < b->sweep.from2;
    return b->origin[range_keys[k][RANGE_VALUES]].from != FROM_DEFAULT ? RANGE_VALUES
           : *j == 0                                                   ? (down ? RANGE_TO : RANGE_FROM)
           : *j + 1 == *count                                          ? (down ? RANGE_FROM : RANGE_TO)
                                                                       : RANGE_STEPS;
}

/* The option of sets that set [sweep] key `key` last, or NULL: none did. */
static const struct scenario_override *set_by(const struct scenario_override *sets, size_t nsets, enum key_id key)
{
    char set[80];
    snprintf(set, sizeof set, "%s.%s=", key_defs[key].section, key_defs[key].name);
    const struct scenario_override *by = NULL;
    for (size_t s = 0; s < nsets; s++)
        if (strncmp(sets[s].assignment, set, strlen(set)) == 0) by = &sets[s];
    return by;
}

/* Where [sweep] key `key` was given, as a student finds it to change it (into buf): the
 * option as typed ("--from 0", "--set sweep.from=0"), else the key with its value v
 * (NULL: none) and its line of the file ("[sweep] from = 0 on line 49"). */
static void key_source(const struct scenario *b, const struct scenario_override *sets, size_t nsets, enum key_id key,
                       const char *v, char *buf, size_t n)
{
    const struct key_origin *o = &b->origin[key];
    const struct scenario_override *by = o->from == FROM_COMMAND_LINE ? set_by(sets, nsets, key) : NULL;
    if (by && by->label)
        snprintf(buf, n, "%s", by->label);
    else if (by)
        snprintf(buf, n, "--set %s", by->assignment);
    else if (o->from == FROM_FILE && v)
        /* TRANSLATORS: a key of the [sweep] section, its value and the file's line that gives it */
        snprintf(buf, n, _("[sweep] %s = %s on line %d"), key_defs[key].name, v, o->line);
    else if (o->from == FROM_FILE)
        /* TRANSLATORS: a key of the [sweep] section (a list of values) and the file's line that gives it */
        snprintf(buf, n, _("[sweep] %s on line %d"), key_defs[key].name, o->line);
    else if (v)
        snprintf(buf, n, "[sweep] %s = %s", key_defs[key].name, v);
    else
        snprintf(buf, n, "[sweep] %s", key_defs[key].name);
}

/* Where lever k's value at point i came from when it is [sweep] values', from's or to's
 * (lever_key; not a point between from and to: lever_source says which it is). Into buf:
 * the option as typed when it gives this very value ("--from 50", "--set
 * sweep.from=50"), returning true; else the place that gave it, as a message begins
 * ("FILE:LINE: [sweep] from: ", "--values 5,40: "), returning false. A bound or rule
 * that point i breaks is fixed there. */
static bool lever_origin(const struct sweep_result *r, const struct scenario_override *sets, size_t nsets, size_t i,
                         size_t k, char *buf, size_t n)
{
    const struct scenario *b = &r->base;
    size_t j, count;
    enum range_key which = lever_key(r, i, k, &j, &count);
    enum key_id key = range_keys[k][which];
    bool own_value = which == RANGE_FROM || which == RANGE_TO; /* from and to give the value itself */
    const struct key_origin *o = &b->origin[key];
    if (o->from == FROM_FILE) {
        snprintf(buf, n, "%s:%d: [sweep] %s: ", b->path, o->line, key_defs[key].name);
        return false;
    }
    /* the last option that set it, as typed: "--from 50" (its label), or "--set sweep.from=50" */
    const struct scenario_override *by = o->from == FROM_COMMAND_LINE ? set_by(sets, nsets, key) : NULL;
    if (by) {
        if (by->label)
            snprintf(buf, n, own_value ? "%s" : "%s: ", by->label);
        else
            snprintf(buf, n, own_value ? "--set %s" : "--set %s: ", by->assignment);
        return own_value;
    }
    snprintf(buf, n, "[sweep] %s: ", key_defs[key].name);
    return false;
}

/* Lever k's value at point i as a message names it (into v): a value that a key or
 * option gave (from, to, values) as typed, every digit the student wrote and no
 * exponent (sweep_number_text: "-0.123456789", "0.0000005"); a point between from and to,
 * which nobody typed, as the table writes it (digits: sweep_lever_digits; "318.182",
 * not 318.1818181818182). */
static const char *point_text(const struct sweep_result *r, size_t i, size_t k, int digits, char v[40])
{
    size_t j, count;
    double x = k == 0 ? r->x[i] : r->x2[i];
    return lever_key(r, i, k, &j, &count) == RANGE_STEPS ? sweep_lever_text(x, digits, v) : sweep_number_text(x, v);
}

/* Where lever k's value at point i came from, to follow the value in parentheses (into
 * buf): the option or key that gave it (key_source: "--to 400", "--values 5,40",
 * "[sweep] to = 400 on line 50"), or, for a point between from and to, which point it
 * is and the options or keys of the two ends, lowest first ("point 2 of 3 between --from
 * 0 and --to 1000"): steps only places it between them, and is not at fault. The ends'
 * values as typed (sweep_number_text). */
static void lever_source(const struct sweep_result *r, const struct scenario_override *sets, size_t nsets, size_t i,
                         size_t k, char *buf, size_t n)
{
    const struct scenario *b = &r->base;
    size_t j, count;
    enum range_key which = lever_key(r, i, k, &j, &count);
    char v[40];
    if (which != RANGE_STEPS) {
        double x = k == 0 ? r->x[i] : r->x2[i];
        key_source(b, sets, nsets, range_keys[k][which], which == RANGE_VALUES ? NULL : sweep_number_text(x, v), buf,
                   n);
        return;
    }
    /* the lever's values run upwards: the first is the lowest end's, the last the highest's */
    bool down = k == 0 ? b->sweep.to < b->sweep.from : b->sweep.to2 < b->sweep.from2;
    double lowest = k == 0 ? r->x[0] : r->x2[0], highest = k == 0 ? r->x[r->n - 1] : r->x2[r->n2 - 1];
    char lo[300], hi[300];
    key_source(b, sets, nsets, range_keys[k][down ? RANGE_TO : RANGE_FROM], sweep_number_text(lowest, v), lo,
               sizeof lo);
    key_source(b, sets, nsets, range_keys[k][down ? RANGE_FROM : RANGE_TO], sweep_number_text(highest, v), hi,
               sizeof hi);
    /* TRANSLATORS: which point of a lever's range gave its value, of how many, and the
       options or keys that give the range's two ends ("--from 0", "--to 16") */
    snprintf(buf, n, _("point %zu of %zu between %s and %s"), j + 1, count, lo, hi);
    lang_tidy_blanks(buf); /* an end on a line of the file begins with 第 in Chinese: "与第 50 行" */
}

/* The length of "LABEL: " when line begins with it (a problem with the value of the
 * lever loaded under that label), else 0. */
static size_t label_prefix(const char *line, const char *label)
{
    size_t n = strlen(label);
    return n && strncmp(line, label, n) == 0 && strncmp(line + n, ": ", 2) == 0 ? n + 2 : 0;
}

/* Does a line of the reader's messages (msgs, may be NULL) begin "LABEL: "? */
static bool problem_of(const char *msgs, const char *label)
{
    for (const char *line = msgs ? msgs : ""; *line;) {
        if (label_prefix(line, label)) return true;
        line += strcspn(line, "\n");
        line += *line == '\n';
    }
    return false;
}

/* Load point i's scenario, the levers' values named as point_text names them (digits[k]
 * significant digits, sweep_lever_digits, for a point between from and to) wherever a
 * message names them. Returns 0 or 2 (its problems already printed: what to change, then
 * the reader's problems, sweep_refuse_point, after place). */
static int load_point(struct sweep_result *r, const char *path, const struct scenario_override *sets, size_t nsets,
                      size_t i, const int digits[2], struct scenario *sc, const char *place, FILE *err)
{
    size_t nlevers = r->x2 ? 2 : 1;
    const char *parameter[2] = {r->base.sweep.parameter, r->base.sweep.parameter2};
    const double x[2] = {r->x[i], r->x2 ? r->x2[i] : 0};
    char assignment[2][200], label[2][240], text[2][40], v[40];
    for (size_t k = 0; k < nlevers; k++) {
        snprintf(assignment[k], sizeof assignment[k], "%s=%s", parameter[k], num_format(x[k], v, sizeof v));
        /* each lever its own label, so that the reader's problems say which lever's value
           they are about; the value as the head names it (318.182, not 318.1818181818182),
           there and where the problems quote it */
        snprintf(label[k], sizeof label[k], "%s = %s", parameter[k], point_text(r, i, k, digits[k], text[k]));
    }
    const char *levers[2] = {assignment[0], assignment[1]}, *labels[2] = {label[0], label[1]},
               *shown[2] = {text[0], text[1]};
    char *msgs = NULL;
    int rc = sweep_load_levers(sc, path, sets, nsets, levers, labels, shown, nlevers, &msgs);
    if (rc == 0) {
        free(msgs); /* open_memstream gave a buffer even for no problems */
        return 0;
    }
    /* the lever at fault: a one-lever sweep's, even under a rule between keys (its value is
       all that moved from the file's); a grid's, the one whose label begins a problem, else
       neither (a rule between the two levers' keys), and then the point is both values */
    size_t fault = nlevers == 1 ? 0 : SIZE_MAX;
    for (size_t k = 0; k < nlevers && fault == SIZE_MAX; k++)
        if (problem_of(msgs, label[k])) fault = k;
    char head[1600];
    if (fault == SIZE_MAX) {
        /* both levers, each with the option or key that gave its value: either may be
           the one to change */
        char from[2][700];
        for (size_t k = 0; k < 2; k++) lever_source(r, sets, nsets, i, k, from[k], sizeof from[k]);
        /* TRANSLATORS: each lever's key, its value and where the value came from ("--to
           400", "point 2 of 3 between --from 0 and --to 1000"): a rule between keys that
           this pair of values breaks; the reader's problems follow on lines of their own */
        snprintf(head, sizeof head, _("%s = %s (%s) with %s = %s (%s) gives an invalid scenario:"), parameter[0],
                 text[0], from[0], parameter[1], text[1], from[1]);
    } else {
        size_t j, count;
        char where[1200] = "";
        if (lever_key(r, i, fault, &j, &count) == RANGE_STEPS) {
            lever_source(r, sets, nsets, i, fault, where, sizeof where);
            /* TRANSLATORS: the lever's key, its value, and which point of its range it
               is ("point 4 of 5 between --from 0 and --to 16"); the reader's problems
               follow on lines of their own */
            snprintf(head, sizeof head, _("%s = %s (%s) gives an invalid scenario:"), parameter[fault], text[fault],
                     where);
        } else if (lever_origin(r, sets, nsets, i, fault, where, sizeof where))
            /* TRANSLATORS: the option as typed that gave the lever's value ("--from -100", "--set
               sweep.from=-100"), then the lever's key; the reader's problems follow on lines of their own */
            snprintf(head, sizeof head, _("%s for %s gives an invalid scenario:"), where, parameter[fault]);
        else {
            char point[300];
            snprintf(point, sizeof point, "%s = %s", parameter[fault], text[fault]);
            /* TRANSLATORS: where the point's value was given ("FILE:LINE: [sweep] from: ",
               "--values 5,40: ", or nothing), then the point ("inventory.safety_factor = -6");
               the reader's problems follow on lines of their own */
            snprintf(head, sizeof head, _("%s%s gives an invalid scenario:"), where, point);
        }
    }
    sweep_refuse_point(err, place, head, fault == SIZE_MAX ? NULL : label[fault], msgs);
    free(msgs);
    return rc;
}

void sweep_refuse_point(FILE *err, const char *place, const char *head, const char *label, const char *msgs)
{
    /* the head's own lines under its first word, past place, apart from the problems
       under it, two blanks in */
    if (!place) place = "servlab: ";
    size_t width = lang_width(place);
    char cont[41];
    snprintf(cont, sizeof cont, "%*s", width <= 40 ? (int)width : 4, "");
    lang_print_hanging_balanced(err, place, head, cont, LANG_LINE_MAX);
    for (const char *line = msgs ? msgs : ""; *line;) {
        size_t n = strcspn(line, "\n");
        char *text = strndup(line, n);
        if (!text) abort();
        /* less "LABEL: ": the head names the lever and its value */
        lang_print_hanging(err, "  ", text + (label ? label_prefix(text, label) : 0), "    ", LANG_LINE_MAX);
        free(text);
        line += n + (line[n] == '\n');
    }
}

int sweep_load_levers(struct scenario *sc, const char *path, const struct scenario_override *sets, size_t nsets,
                      const char *const *levers, const char *const *labels, const char *const *shown, size_t nlevers,
                      char **msgs)
{
    struct scenario_override *all = malloc((nsets + nlevers) * sizeof *all);
    if (!all) abort();
    if (nsets) memcpy(all, sets, nsets * sizeof *sets); /* sets may be NULL when nsets is 0 */
    for (size_t l = 0; l < nlevers; l++)
        all[nsets + l] = (struct scenario_override){.assignment = levers[l], .label = labels[l], .shown = shown[l]};
    size_t len = 0;
    *msgs = NULL;
    FILE *buf = open_memstream(msgs, &len);
    int rc = scenario_load(sc, path, all, nsets + nlevers, buf ? buf : stderr);
    if (buf) fclose(buf);
    free(all);
    return rc;
}

/* Metric m of replication rep at point i, less metric `less` unless it is -1. */
static double row_value(const struct sweep_result *r, size_t i, size_t rep, int m, int less)
{
    const double *row = &r->rows[(i * r->reps + rep) * r->nm];
    return row[m] - (less >= 0 ? row[less] : 0);
}

/* out[i] = summary over replications of (metric m - metric less) at point i minus at
 * point base. */
static void paired_change(const struct sweep_result *r, size_t base, int m, int less, struct summary *out)
{
    double *d = malloc(r->reps * sizeof *d);
    if (!d) abort();
    for (size_t i = 0; i < r->n; i++) {
        for (size_t rep = 0; rep < r->reps; rep++)
            d[rep] = row_value(r, i, rep, m, less) - row_value(r, base, rep, m, less);
        out[i] = summary_of(d, r->reps, 1);
    }
    free(d);
}

void sweep_changes(const struct sweep_result *r, size_t base, struct summary *revenue, struct summary *cost,
                   struct summary *profit)
{
    paired_change(r, base, M_REVENUE, -1, revenue);
    /* the cost profit charges: purchases less the stock still owned, so that the three
       changes add up (profit = revenue - cost) */
    paired_change(r, base, M_COST_TOTAL, M_STOCK_VALUE_CHANGE, cost);
    paired_change(r, base, M_PROFIT, -1, profit);
}

/* The change against the lowest service, as for one lever; then the surface. */
static void analyse_changes(struct sweep_result *r)
{
    r->baseline = 0;
    for (size_t i = 1; i < r->n; i++)
        if (r->service_level[i] < r->service_level[r->baseline]) r->baseline = i;
    sweep_changes(r, r->baseline, r->delta_revenue, r->delta_cost, r->delta_profit);
}

/* Two levers: the surface's optimum and the points not significantly below it, read
 * from the rows in place (no copy: memory stays that of the rows). */
static void analyse_grid(struct sweep_result *r)
{
    double *x1 = malloc(r->n1 * sizeof *x1), *x2 = malloc(r->n2 * sizeof *x2);
    if (!x1 || !x2) abort();
    for (size_t i = 0; i < r->n1; i++) x1[i] = r->x[i * r->n2];
    for (size_t j = 0; j < r->n2; j++) x2[j] = r->x2[j];
    for (size_t i = 0; i < r->n; i++) r->marginal[i] = NAN;
    surface_optimum(x1, r->n1, x2, r->n2, r->rows + M_PROFIT, r->reps, r->nm, r->near, &r->grid);
    /* 3.03 locations means nothing */
    if (r->grid.refined && (key_is_count(r->base.sweep.parameter) || key_is_count(r->base.sweep.parameter2))) {
        r->grid.refined = false;
        r->grid.x1 = r->x[r->grid.best];
        r->grid.x2 = r->x2[r->grid.best];
        r->grid.profit = sweep_at(r, r->grid.best, M_PROFIT).mean;
    }
    size_t b = r->grid.best;
    r->opt = (struct curve_optimum){.best = b,
                                    .at_lower_edge = r->grid.at_edge1 || r->grid.at_edge2,
                                    .x = r->x[b],
                                    .service = r->service_level[b],
                                    .profit = sweep_at(r, b, M_PROFIT).mean,
                                    .tie_first = b,
                                    .tie_last = b};
    free(x1);
    free(x2);
    analyse_changes(r);
}

size_t sweep_span_start(const struct sweep_result *r, size_t i)
{
    size_t j = i - 1;
    while (j > 0 && r->rise_in_noise[j]) j--;
    return j;
}

/* Measure the cost of a point over spans: curve_marginal_cost divides by the rise from
 * the row above, and where service nears 100 % each step's rise is within its noise
 * (1730 a point for a rise of 0.001 points), yet the rise over several steps is not. So
 * a row where service rose from the row above is measured from the last row that is not
 * a noise row (`from`; sweep_span_start): every point runs on the same random numbers,
 * so replication by replication the rise from there is paired; where its 95% interval
 * lies above 0 the row gets the cost over the whole span, else "—" (rise_in_noise) and
 * the next row is measured from the same place. Below SWEEP_REPS_FOR_INTERVAL
 * replications the interval is too wide to tell anything: a rise below what the table
 * shows (SWEEP_RISE_SHOWN) is noise. A row where service did not rise from the row above
 * has no figure, as before, and the next row is measured from it: spans only bridge
 * noise rows. */
static void measure_over_spans(struct sweep_result *r)
{
    double *d = malloc(r->reps * sizeof *d);
    if (!d) abort();
    size_t from = 0;
    for (size_t i = 1; i < r->n; i++) {
        if (isnan(r->marginal[i])) { /* service did not rise from the row above */
            from = i;
            continue;
        }
        for (size_t rep = 0; rep < r->reps; rep++)
            d[rep] = row_value(r, i, rep, r->service, -1) - row_value(r, from, rep, r->service, -1);
        struct summary rise = summary_of(d, r->reps, 1);
        bool noise = r->reps >= SWEEP_REPS_FOR_INTERVAL && isfinite(rise.ci95) ? rise.mean - rise.ci95 <= 0
                                                                               : !(rise.mean >= SWEEP_RISE_SHOWN);
        if (noise) {
            r->rise_in_noise[i] = true;
            r->marginal[i] = NAN;
            continue;
        }
        if (from + 1 < i) /* over the span; the row above's is curve_marginal_cost's already */
            r->marginal[i] = curve_cost_per_point(r->service_level, r->service_cost, from, i);
        from = i;
    }
    free(d);
}

/* ---- the service cost ---- */

/* Every term of cost_total_per_day (models/model_metrics.c adds them up): a metric, less
 * another (-1: none), and the word the sweep's note gives it when it is a cost of
 * providing the service, or NULL when it is not: the goods themselves, shortage penalties
 * (a contract's among them) and winning customers (acquisition is a marketing cost, not a
 * service), which come last. The service column is the total less the terms that are not
 * (service_cost_at); the note names those that are (sweep_notes): one table for both, so
 * that the note lists what the column sums, and service_cost_at checks that the named
 * terms add up to it. */
static const struct {
    int metric, less;
    const char *word;
} cost_terms[] = {{M_COST_HOLDING, -1, N_("holding")},
                  {M_COST_ORDERING, M_COST_PURCHASE, N_("fixed ordering")},
                  {M_COST_STAFF, -1, N_("staff")},
                  {M_COST_EXPEDITE, -1, N_("express")},
                  {M_COST_ERRORS, -1, N_("errors")},
                  {M_COST_CHANNELS, -1, N_("channels")},
                  {M_COST_LOCATIONS, -1, N_("locations")},
                  {M_COST_TRANSFERS, -1, N_("transfers")},
                  {M_COST_COMPLAINTS, -1, N_("complaints desk")},
                  {M_COST_RETURNS, -1, N_("returns handling")},
                  {M_COST_OVERFLOW, -1, N_("storage overflow")},
                  {M_COST_PURCHASE, -1, NULL},
                  {M_COST_SHORTAGE, -1, NULL},
                  {M_COST_ACQUISITION, -1, NULL},
                  {M_CONTRACT_PENALTY, -1, NULL}};
enum { NTERMS = sizeof cost_terms / sizeof cost_terms[0] };

/* Term k of the total cost at point i; 0 where the scenario does not have it (NaN). */
static double term_at(const struct sweep_result *r, size_t i, size_t k)
{
    double v = sweep_at(r, i, cost_terms[k].metric).mean;
    if (cost_terms[k].less >= 0) v -= sweep_at(r, i, cost_terms[k].less).mean;
    return isfinite(v) ? v : 0;
}

/* The service cost at point i: the total cost less the terms that are not the service's. */
static double service_cost_at(const struct sweep_result *r, size_t i)
{
    double v = sweep_at(r, i, M_COST_TOTAL).mean;
    for (size_t k = 0; k < NTERMS; k++)
        if (!cost_terms[k].word) v -= term_at(r, i, k);
    /* the named terms add up to it: a cost added to the total and not to cost_terms
       would be in the column and not in its note */
    double named = 0;
    for (size_t k = 0; k < NTERMS; k++)
        if (cost_terms[k].word) named += term_at(r, i, k);
    assert(!isfinite(v) || fabs(named - v) <= 1e-6 * (fabs(sweep_at(r, i, M_COST_TOTAL).mean) + 1));
    return v;
}

static void analyse(struct sweep_result *r)
{
    size_t n = r->n;
    double *profit = malloc(n * r->reps * sizeof *profit);
    if (!profit) abort();
    for (size_t i = 0; i < n; i++) {
        r->service_level[i] = sweep_at(r, i, r->service).mean;
        r->service_cost[i] = service_cost_at(r, i); /* what the firm spends to provide service */
        for (size_t rep = 0; rep < r->reps; rep++)
            profit[i * r->reps + rep] = r->rows[(i * r->reps + rep) * r->nm + M_PROFIT];
    }
    if (r->x2) {
        analyse_grid(r);
        free(profit);
        return;
    }
    curve_marginal_cost(r->service_level, r->service_cost, n, r->marginal);
    measure_over_spans(r);
    curve_optimum(r->x, r->service_level, profit, n, r->reps, &r->opt);
    if (r->opt.refined && key_is_count(r->base.sweep.parameter)) { /* 3.03 locations means nothing */
        r->opt.refined = false;
        r->opt.x = r->x[r->opt.best];
        r->opt.service = r->service_level[r->opt.best];
        r->opt.profit = sweep_at(r, r->opt.best, M_PROFIT).mean;
    }
    free(profit);
    analyse_changes(r);
}

void sweep_free(struct sweep_result *r)
{
    free(r->x);
    free(r->rows);
    free(r->service_level);
    free(r->service_cost);
    free(r->marginal);
    free(r->rise_in_noise);
    r->rise_in_noise = NULL;
    free(r->delta_revenue);
    free(r->delta_cost);
    free(r->delta_profit);
    free(r->x2);
    free(r->near);
    r->x2 = NULL;
    r->near = NULL;
    r->x = r->rows = r->service_level = r->service_cost = r->marginal = NULL;
    r->delta_revenue = r->delta_cost = r->delta_profit = NULL;
    scenario_fini(&r->base);
}

/* The points of r->base's [sweep] (active): their count and each lever's value at each. */
static void lever_points(struct sweep_result *r)
{
    const struct sweep_config *sw = &r->base.sweep;
    r->service = metric_find(sw->service);
    r->n1 = sw->values.n;
    r->n2 = sw->parameter2[0] ? sw->values2.n : 1;
    r->n = r->n1 * r->n2;
    r->reps = r->base.cfg.run.replications;
    r->nm = metric_count(&r->base.cfg);
    r->x = malloc(r->n * sizeof *r->x);
    if (!r->x) abort();
    if (sw->parameter2[0]) { /* row-major: the first lever changes slowest */
        r->x2 = malloc(r->n * sizeof *r->x2);
        r->near = calloc(r->n, sizeof *r->near);
        if (!r->x2 || !r->near) abort();
        for (size_t i = 0; i < r->n; i++) {
            r->x[i] = sw->values.v[i / r->n2];
            r->x2[i] = sw->values2.v[i % r->n2];
        }
    } else
        memcpy(r->x, sw->values.v, r->n * sizeof *r->x);
}

/* The policy of stock section `section` of sc ("inventory", "product.tea",
 * "location.north"), or NULL: no such section. */
static const struct policy_type *section_policy(const struct scenario *sc, const char *section)
{
    if (strcmp(section, "inventory") == 0) return sc->cfg.inventory.policy;
    if (strncmp(section, "product.", 8) == 0)
        for (size_t i = 0; i < sc->cfg.nproducts; i++)
            if (strcmp(sc->products[i].name, section + 8) == 0) return sc->cfg.products[i].inventory.policy;
    if (strncmp(section, "location.", 9) == 0)
        for (size_t i = 0; i < sc->cfg.nlocations; i++)
            if (strcmp(sc->locations[i].name, section + 9) == 0) return sc->cfg.locations[i].inventory.policy;
    return NULL;
}

static bool is_lever_key(const char *key)
{
    return strcmp(key, "safety_factor") == 0 || strcmp(key, "target_cycle_service_level") == 0 ||
           strcmp(key, "target_fill_rate") == 0;
}

int sweep_lever_clash(const struct scenario *base, const char *parameter, const char *source,
                      const struct scenario_override *sets, size_t nsets, bool optimise, char *err, size_t n)
{
    const char *dot = strrchr(parameter, '.');
    if (!dot || !is_lever_key(dot + 1)) return 0;
    size_t section_len = (size_t)(dot - parameter);
    char section[120];
    snprintf(section, sizeof section, "%.*s", (int)section_len, parameter);
    const struct policy_type *p = section_policy(base, section);
    /* the level the lever sets: sQ's reorder point, base_stock's order-up-to level */
    const char *level = !p                                              ? NULL
                        : p->uses_order_quantity                        ? "reorder_point"
                        : p->uses_order_up_to && !p->uses_reorder_point ? "order_up_to"
                                                                        : NULL;
    for (size_t i = 0; i < nsets; i++) {
        const char *a = sets[i].assignment + strspn(sets[i].assignment, " \t");
        size_t name_len = strcspn(a, "= \t");
        const char *key_dot = memchr(a, '.', name_len);
        if (!key_dot || name_len <= section_len + 1 || strncmp(a, parameter, section_len) != 0 || a[section_len] != '.')
            continue;
        char key[80];
        snprintf(key, sizeof key, "%.*s", (int)(name_len - section_len - 1), a + section_len + 1);
        bool lever = is_lever_key(key) && strcmp(key, dot + 1) != 0;
        if (!lever && !(level && strcmp(key, level) == 0)) continue;
        char where[300], instead[200];
        if (sets[i].label)
            snprintf(where, sizeof where, "%s", sets[i].label);
        else
            snprintf(where, sizeof where, "--set %s", sets[i].assignment);
        snprintf(instead, sizeof instead, "%s.%s", section, key);
        if (lever && optimise)
            snprintf(err, n,
                     _("%s: optimise varies %s (%s), another service lever of [%s], and a section takes one lever: "
                       "drop it, or optimise %s instead (--param %s)"),
                     where, dot + 1, source, section, key, instead);
        else if (lever)
            snprintf(err, n,
                     _("%s: the sweep varies %s (%s), another service lever of [%s], and a section takes one lever: "
                       "drop it, or sweep %s instead (--param %s)"),
                     where, dot + 1, source, section, key, instead);
        else if (optimise)
            snprintf(err, n,
                     _("%s: optimise varies %s (%s), which sets %s of [%s] at each point: drop it, or optimise %s "
                       "instead (--param %s)"),
                     where, dot + 1, source, key, section, key, instead);
        else
            snprintf(err, n,
                     _("%s: the sweep varies %s (%s), which sets %s of [%s] at each point: drop it, or sweep %s "
                       "instead (--param %s)"),
                     where, dot + 1, source, key, section, key, instead);
        return -1;
    }
    return 0;
}

/* A --set that clashes with a lever of base's sweep (sweep_lever_clash): said after
 * place ("servlab: "), and 2; else 0. */
static int sweep_clash(const struct scenario *base, const struct scenario_override *sets, size_t nsets,
                       const char *place, FILE *err)
{
    const struct sweep_config *sw = &base->sweep;
    const char *parameter[2] = {sw->parameter, sw->parameter2};
    const enum key_id key[2] = {K_SWEEP_PARAMETER, K_SWEEP_PARAMETER2};
    for (size_t k = 0; k < 2; k++) {
        if (!parameter[k][0]) continue;
        char source[400], problem[1200];
        key_source(base, sets, nsets, key[k], NULL, source, sizeof source);
        if (sweep_lever_clash(base, parameter[k], source, sets, nsets, false, problem, sizeof problem)) {
            lang_print_hanging(err, place ? place : "servlab: ", problem, "  ", LANG_LINE_MAX);
            return 2;
        }
    }
    return 0;
}

int sweep_check_points(const char *path, const struct scenario_override *sets, size_t nsets, FILE *err)
{
    struct sweep_result *r = calloc(1, sizeof *r); /* holds a scenario: on the heap */
    if (!r) abort();
    int rc = scenario_load(&r->base, path, sets, nsets, err) != 0 ? 2 : 0;
    if (rc == 0 && r->base.sweep.active) rc = sweep_clash(&r->base, sets, nsets, NULL, err);
    if (rc == 0 && r->base.sweep.active) {
        lever_points(r);
        const int digits[2] = {sweep_lever_digits(r, 0), r->x2 ? sweep_lever_digits(r, 1) : 0};
        struct scenario *point = scenario_new();
        for (size_t i = 0; i < r->n && rc == 0; i++) rc = load_point(r, path, sets, nsets, i, digits, point, NULL, err);
        scenario_free(point);
    }
    sweep_free(r);
    free(r);
    return rc;
}

int sweep_run(const char *path, const struct scenario_override *sets, size_t nsets, const struct simulate_opts *o,
              struct sweep_result *r, FILE *err)
{
    memset(r, 0, sizeof *r);
    if (scenario_load(&r->base, path, sets, nsets, err) != 0) return 2;
    const struct sweep_config *sw = &r->base.sweep;
    if (!sw->active) {
        /* parted after its first clause, the rest indented as one message's: the path
           may be long, the options are typed as one line */
        fprintf(err,
                _("%s: nothing to sweep:\n"
                  "  add a [sweep] section (parameter, from, to, steps), or give\n"
                  "  --param SECTION.KEY --from A --to B --steps N (or --values V1,V2,...)\n"),
                path);
        sweep_free(r);
        return 2;
    }
    if (sweep_clash(&r->base, sets, nsets, o->place, err)) {
        sweep_free(r);
        return 2;
    }
    lever_points(r);
    /* point 0's configuration is the reference; every point is kept as its patch */
    struct model_config ref = {0};
    struct config_patch *patches = calloc(r->n, sizeof *patches);
    struct scenario *point = scenario_new();
    if (!patches) abort();

    int rc = 0;
    struct workload work = {0};
    /* the levers' values as the table writes them, where a message names them */
    const int digits[2] = {sweep_lever_digits(r, 0), r->x2 ? sweep_lever_digits(r, 1) : 0};
    for (size_t i = 0; i < r->n && rc == 0; i++) {
        rc = load_point(r, path, sets, nsets, i, digits, point, o->place, err);
        if (rc) break;
        if (i == 0) {
            model_config_copy(&ref, &point->cfg);
            workload_begin(&work, r->n, &ref, o->threads);
        }
        config_patch_make(&patches[i], &ref, &point->cfg);
        workload_add(&work, &point->cfg);
        for (size_t w = 0; w < point->nwarnings; w++) add_point_warning(r, point->warnings[w], i);
        if (i == 0) {
            /* what the lever replaced is the same at every point: say it once */
            r->base.nnotes = point->nnotes;
            memcpy(r->base.notes, point->notes, sizeof point->notes);
            r->base.lever = point->lever;
        }
    }
    scenario_free(point);
    if (rc == 0) {
        workload_end(&work);
        rc = workload_check(&work, path, true, err);
    }
    struct backlog *backlog = NULL;
    if (rc == 0) {
        r->rows = malloc(r->n * r->reps * r->nm * sizeof *r->rows);
        r->service_level = malloc(r->n * sizeof(double));
        r->service_cost = malloc(r->n * sizeof(double));
        r->marginal = malloc(r->n * sizeof(double));
        r->rise_in_noise = calloc(r->n, sizeof(bool));
        r->delta_revenue = malloc(r->n * sizeof(struct summary));
        r->delta_cost = malloc(r->n * sizeof(struct summary));
        r->delta_profit = malloc(r->n * sizeof(struct summary));
        backlog = malloc(r->n * r->reps * sizeof *backlog);
        if (!r->rows || !r->service_level || !r->service_cost || !r->marginal || !r->rise_in_noise ||
            !r->delta_revenue || !r->delta_cost || !r->delta_profit || !backlog)
            abort();
        struct simulate_opts so = *o;
        so.backlog = backlog;
        size_t missing = simulate_patched(&ref, patches, r->n, r->reps, &so, r->rows);
        if (missing) {
            fprintf(err,
                    o->stop && atomic_load(o->stop)
                        ? _("servlab: interrupted after %zu of %zu runs; nothing was written\n")
                        : _("servlab: failed after %zu of %zu runs; nothing was written\n"),
                    r->n * r->reps - missing, r->n * r->reps);
            rc = 1;
        }
    }
    if (rc == 0)
        for (size_t i = 0; i < r->n; i++) {
            char warning[SCENARIO_WARNING_MAX];
            struct model_config cfg = {0};
            config_patch_build(&patches[i], &ref, &cfg);
            if (stability_check(&cfg, backlog + i * r->reps, r->rows + i * r->reps * r->nm, r->nm, r->reps, warning,
                                sizeof warning))
                add_point_warning(r, warning, i);
            model_config_fini(&cfg);
        }
    free(backlog);
    for (size_t i = 0; i < r->n; i++) config_patch_free(&patches[i]);
    free(patches);
    model_config_fini(&ref);
    if (rc) {
        sweep_free(r);
        return rc;
    }
    analyse(r);
    return 0;
}

struct summary sweep_at(const struct sweep_result *r, size_t i, int m)
{
    return summary_of(r->rows + i * r->reps * r->nm + (size_t)m, r->reps, r->nm);
}

/* ---- output ---- */

/* A service level for a sentence, "97.50%", or "n/a" where the service has no data
 * (reaction_elsewhere with no stockout), without a '%' (40 bytes in buf). */
static const char *service_words(double share, char *buf)
{
    return report_percent_or(share, 2, _("n/a"), buf, 40);
}

/* A number for the table with `decimals` decimals, or "n/a" (40 bytes in buf). */
static const char *cell(double x, int decimals, char *buf)
{
    if (isfinite(x))
        num_fixed(x, decimals, buf, 40);
    else
        snprintf(buf, 40, "n/a");
    return buf;
}

size_t sweep_rising_steps(const struct sweep_result *r)
{
    size_t k = 0;
    for (size_t i = 1; i < r->n; i++)
        if (!isnan(r->marginal[i]) || r->rise_in_noise[i]) k++;
    return k;
}

size_t sweep_noise_steps(const struct sweep_result *r)
{
    size_t k = 0;
    for (size_t i = 1; i < r->n; i++) k += r->rise_in_noise[i];
    return k;
}

size_t sweep_marginal_figures(const struct sweep_result *r)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++)
        if (!isnan(r->marginal[i])) k++;
    return k;
}

bool sweep_profit_flat(const struct sweep_result *r)
{
    return !r->x2 && r->n > 1 && r->opt.tie_first == 0 && r->opt.tie_last == r->n - 1;
}

bool sweep_profit_same(const struct sweep_result *r)
{
    bool same = !r->x2 && r->n > 1;
    for (size_t i = 1; i < r->n && same; i++) same = sweep_at(r, i, M_PROFIT).mean == sweep_at(r, 0, M_PROFIT).mean;
    return same;
}

/* The first point whose service is 100 % with every point after it, or r->n if none. */
static size_t first_full_point(const struct sweep_result *r)
{
    size_t i = r->n;
    while (i > 0 && r->service_level[i - 1] >= 1) i--;
    return i;
}

bool sweep_marginal_meaningful(const struct sweep_result *r)
{
    return r->n >= 2 && 2 * sweep_rising_steps(r) >= r->n - 1;
}

/* Whether a cost of a point prints below 0 in the table (num_fixed, two decimals): the
 * notes call a figure below 0 only where the reader sees it so, not one shown as 0.00. */
static bool shown_below_zero(double cost_per_point)
{
    char shown[40];
    return !isnan(cost_per_point) && num_fixed(cost_per_point, 2, shown, sizeof shown)[0] == '-';
}

/* Words for the parts of the service cost that fall, summed over the spans where the
 * cost of a point is below 0 ("express", "express and staff"); returns how many. */
static size_t falling_parts(const struct sweep_result *r, char *buf, size_t size)
{
    size_t found[NTERMS], nfound = 0;
    for (size_t k = 0; k < NTERMS && cost_terms[k].word; k++) {
        double change = 0;
        for (size_t i = 1; i < r->n; i++)
            if (shown_below_zero(r->marginal[i])) change += term_at(r, i, k) - term_at(r, sweep_span_start(r, i), k);
        if (change < 0) found[nfound++] = k;
    }
    buf[0] = '\0';
    for (size_t j = 0; j < nfound; j++)
        snprintf(buf + strlen(buf), size - strlen(buf), "%s%s",
                 j == 0            ? ""
                 : j + 1 == nfound ? _(" and ")
                                   : _(", "),
                 _(cost_terms[found[j]].word));
    return nfound;
}

static void sweep_warnings(FILE *out, const struct sweep_result *r);

/* The lever's column: at least `least` wide, and as wide as the widest value the table
 * writes (sweep_lever_text writes every whole digit, so 1e15 - 1 takes 15). */
static int lever_column(const struct sweep_result *r, int least)
{
    int digits = sweep_lever_digits(r, 0), widest = least;
    for (size_t i = 0; i < r->n; i++) {
        char x[40];
        int len = (int)strlen(sweep_lever_text(r->x[i], digits, x));
        if (len > widest) widest = len;
    }
    return widest;
}

void sweep_table(FILE *out, const struct sweep_result *r)
{
    const struct scenario *b = &r->base;
    const struct sweep_config *sw = &b->sweep;
    const char *key = key_part(sw->parameter), *service = metric_defs[r->service].name;
    char first[40], last[40];
    int digits = sweep_lever_digits(r, 0); /* the range as the table writes its values */
    fprintf(out, "servlab %s sweep — %s\n", SERVLAB_VERSION, b->path);
    /* wrapped: a long key's name makes it wider than a terminal */
    lang_printf_wrapped(out, LANG_LINE_MAX,
                        P_("%s from %s to %s, %zu points; %u replication each on the same random numbers\n",
                           "%s from %s to %s, %zu points; %u replications each on the same random numbers\n", r->reps),
                        sw->parameter, sweep_lever_text(r->x[0], digits, first),
                        sweep_lever_text(r->x[r->n - 1], digits, last), r->n, r->reps);
    fprintf(out, _("seed %llu, generator %s. Money is per day; ± is the half-width of the 95%% confidence interval.\n"),
            (unsigned long long)b->cfg.run.seed, rng_generator_name());
    report_changed_line(out, b->changes);
    for (size_t i = 0; i < b->nnotes; i++) fprintf(out, _("Note: %s.\n"), b->notes[i]);
    if (b->lever.key && b->lever.replaced[0])
        fprintf(out, _("Note: at every point %s sets %s, in place of %s.\n"), b->lever.key, b->lever.level_key,
                b->lever.replaced);

    /* the cost of a point of service means something only where the lever raises service */
    bool marginal = sweep_marginal_meaningful(r);
    char service_shown[100]; /* the column is 满足率 in Chinese, fill_rate (the CSV's name) in English */
    report_metric_prose(service, service_shown, sizeof service_shown);
    /* the money columns are as wide as their head or their widest figure, two blanks
       apart, so that the table fits a terminal of 100 columns (it was 106 for
       scenarios/default.ini when each took 12) */
    enum { MONEY_COLUMNS = 5 };
    static const char *const heads[MONEY_COLUMNS] = {N_("service cost"), N_("total cost"), N_("revenue"), N_("profit"),
                                                     "± 95%"};
    char(*money)[MONEY_COLUMNS][40] = calloc(r->n ? r->n : 1, sizeof *money);
    if (!money) abort();
    int mw[MONEY_COLUMNS];
    for (size_t k = 0; k < MONEY_COLUMNS; k++) mw[k] = (int)lang_width(k < 4 ? _(heads[k]) : heads[k]);
    for (size_t i = 0; i < r->n; i++) {
        cell(r->service_cost[i], 2, money[i][0]);
        cell(sweep_at(r, i, M_COST_TOTAL).mean, 2, money[i][1]);
        cell(sweep_at(r, i, M_REVENUE).mean, 2, money[i][2]);
        cell(sweep_at(r, i, M_PROFIT).mean, 2, money[i][3]);
        cell(sweep_at(r, i, M_PROFIT).ci95, 2, money[i][4]);
        for (size_t k = 0; k < MONEY_COLUMNS; k++)
            if ((int)strlen(money[i][k]) > mw[k]) mw[k] = (int)strlen(money[i][k]);
    }
    /* the lever's and the service's heads: a long name takes two lines (lang_head_break:
       "target_cycle_" above "service_level", 缺货时转向 above 别处购买的比例) where the
       table would be wider than a terminal, the wider first, so that a table that fits
       keeps its heads on one line; each column is at least 12 wide (a name no wider stays
       whole), and the service's at least two blanks from the lever's */
    const char *names[2] = {key, service_shown};
    int w[2], least[2] = {lever_column(r, 12), 12};
    size_t at[2] = {0, 0}, lower[2] = {0, 0}, part[2], part_lower[2]; /* part: where each may part */
    for (size_t k = 0; k < 2; k++) part[k] = lang_head_break(names[k], least[k] - (int)k, &part_lower[k]);
    int rest = 1 + (marginal ? 14 : 0); /* the blank between the two, the cost of 1 pt */
    for (size_t k = 0; k < MONEY_COLUMNS; k++) rest += 2 + mw[k];
    for (;;) {
        for (size_t k = 0; k < 2; k++) { /* the service's head a blank more, so that two
                                              full heads do not read as one name */
            int c = lang_head_columns(names[k], at[k], lower[k]) + (int)k;
            w[k] = c > least[k] ? c : least[k];
        }
        if (2 + w[0] + w[1] + rest <= LANG_LINE_MAX) break;
        size_t k = w[1] > w[0] ? 1 : 0; /* the wider head parts first */
        if (at[k] || !part[k]) k = 1 - k;
        if (at[k] || !part[k]) break; /* nothing left to part */
        at[k] = part[k], lower[k] = part_lower[k];
    }
    int kw = w[0], svw = w[1];
    if (at[0] || at[1]) { /* the upper lines, each ending where its column does */
        char upper[200];
        snprintf(upper, sizeof upper, "%.*s", (int)at[0], key);
        fputs("\n  ", out);
        lang_pad(out, upper, kw, true);
        if (at[1]) {
            snprintf(upper, sizeof upper, "%.*s", (int)at[1], service_shown);
            fputc(' ', out);
            lang_pad(out, upper, svw, true);
        }
    }
    fprintf(out, "\n  %*s ", kw, key + lower[0]);
    lang_pad(out, service_shown + lower[1], svw, true);
    for (size_t k = 0; k < MONEY_COLUMNS; k++) {
        fputs("  ", out);
        lang_pad(out, k < 4 ? _(heads[k]) : heads[k], mw[k], true);
    }
    if (marginal) {
        fputs("  ", out);
        lang_pad(out, _("cost of 1 pt"), 12, true);
    }
    fputc('\n', out);
    for (size_t i = 0; i < r->n; i++) {
        char x[40], m[40] = "—", v[40];
        sweep_lever_text(r->x[i], digits, x);
        if (isfinite(r->service_level[i]))
            fprintf(out, "%c %*s %*s%%", i == r->opt.best ? '*' : ' ', kw, x, svw - 1,
                    report_percent(r->service_level[i], 3, v, sizeof v));
        else /* no data: "n/a" as a money cell without one, no '%' */
            fprintf(out, "%c %*s %*s", i == r->opt.best ? '*' : ' ', kw, x, svw, "n/a");
        for (size_t k = 0; k < MONEY_COLUMNS; k++) fprintf(out, "  %*s", mw[k], money[i][k]);
        if (!isnan(r->marginal[i])) num_fixed(r->marginal[i], 2, m, sizeof m);
        if (marginal) /* 12 columns: "—" is three bytes in one */
            fprintf(out, "  %*s", 12 + (int)(strlen(m) - lang_width(m)), m);
        fputc('\n', out);
    }
    free(money);
    sweep_notes(out, r);
    sweep_warnings(out, r);
}

/* With a service contract: at each point, what stock costs and what the contract
 * charges, so the trade-off between inventory and penalties shows row by row. */
static void sweep_contract_notes(FILE *out, const struct sweep_result *r)
{
    if (!r->base.cfg.contract.ntargets) return;
    const char *key = key_part(r->base.sweep.parameter);
    int kw = lever_column(r, (int)strlen(key) > 12 ? (int)strlen(key) : 12);
    fprintf(out, "\n  %s\n", _("The contract at each point (per day; periods: the share that missed a target):"));
    fprintf(out, "  %*s", kw, key);
    static const char *const heads[] = {N_("holding"), N_("penalties"), N_("periods"), N_("profit")};
    for (size_t k = 0; k < 4; k++) {
        fputc(' ', out);
        lang_pad(out, _(heads[k]), 12, true);
    }
    fputc('\n', out);
    int digits = sweep_lever_digits(r, 0);
    for (size_t i = 0; i < r->n; i++) {
        char v[4][40], x[40];
        fprintf(out, "%c %*s %12s %12s %10s%% %12s\n", i == r->opt.best ? '*' : ' ', kw,
                sweep_lever_text(r->x[i], digits, x), cell(sweep_at(r, i, M_COST_HOLDING).mean, 2, v[0]),
                cell(sweep_at(r, i, M_CONTRACT_PENALTY).mean, 2, v[1]),
                cell(100 * sweep_at(r, i, M_CONTRACT_PERIODS_MISSED_SHARE).mean, 1, v[2]),
                cell(sweep_at(r, i, M_PROFIT).mean, 2, v[3]));
    }
}

/* With customer returns: at each point, the orders, the goods sent back (also as a
 * share of the units ordered in the same days) and what was refunded, so that the
 * return policy's trade-off shows row by row, where the service column (a fill rate)
 * need not move with it (scenarios/returns.ini). */
static void sweep_returns_notes(FILE *out, const struct sweep_result *r)
{
    bool any = false;
    for (size_t i = 0; i < r->n; i++) any |= sweep_at(r, i, M_UNITS_RETURNED_PER_DAY).mean > 0;
    if (!any) return;
    const char *key = key_part(r->base.sweep.parameter);
    int kw = lever_column(r, (int)strlen(key) > 12 ? (int)strlen(key) : 12);
    lang_printf_filled(out, LANG_LINE_MAX, "\n  %s\n",
                       _("Customer returns at each point, per day (refunds are already taken off revenue):"));
    static const char *const heads[] = {N_("orders"), N_("sent back"), N_("of units ordered"), N_("refunds")};
    enum { NHEADS = sizeof heads / sizeof heads[0] };
    int w[NHEADS];
    fprintf(out, "  %*s", kw, key);
    for (size_t k = 0; k < NHEADS; k++) {
        int hw = (int)lang_width(_(heads[k]));
        w[k] = hw > 10 ? hw : 10;
        fputs("  ", out);
        lang_pad(out, _(heads[k]), w[k], true);
    }
    fputc('\n', out);
    int digits = sweep_lever_digits(r, 0);
    for (size_t i = 0; i < r->n; i++) {
        char v[4][40], x[40];
        double units = sweep_at(r, i, M_UNITS_PER_DAY).mean, back = sweep_at(r, i, M_UNITS_RETURNED_PER_DAY).mean;
        double share = units > 0 ? 100 * back / units : NAN;
        fprintf(out, "%c %*s  %*s  %*s  %*s%s  %*s\n", i == r->opt.best ? '*' : ' ', kw,
                sweep_lever_text(r->x[i], digits, x), w[0], cell(sweep_at(r, i, M_ORDERS_PER_DAY).mean, 2, v[0]), w[1],
                cell(back, 2, v[1]), w[2] - (isfinite(share) ? 1 : 0), cell(share, 1, v[2]), isfinite(share) ? "%" : "",
                w[3], cell(sweep_at(r, i, M_REFUNDS).mean, 2, v[3]));
    }
}

void sweep_notes(FILE *out, const struct sweep_result *r)
{
    const struct scenario *b = &r->base;
    char service_shown[100]; /* 满足率 in Chinese prose, fill_rate in English */
    const char *key = key_part(b->sweep.parameter),
               *service = report_metric_prose(metric_defs[r->service].name, service_shown, sizeof service_shown);
    bool marginal = sweep_marginal_meaningful(r);
    /* what the service cost is made of in this scenario: holding and fixed ordering always,
       the other parts when some point has them */
    char parts[300] = "";
    for (size_t k = 0; k < NTERMS; k++) {
        if (!cost_terms[k].word) continue;
        bool any = k < 2;
        for (size_t i = 0; i < r->n; i++) any |= term_at(r, i, k) != 0;
        if (any)
            snprintf(parts + strlen(parts), sizeof parts - strlen(parts), "%s%s", k ? " + " : "",
                     _(cost_terms[k].word));
    }
    size_t negative = 0;
    for (size_t i = 0; i < r->n; i++)
        if (shown_below_zero(r->marginal[i])) negative++;
    char falling[200];
    size_t nfalling = falling_parts(r, falling, sizeof falling);
    bool stock_change = false;
    for (size_t i = 0; i < r->n; i++) {
        double v = sweep_at(r, i, M_STOCK_VALUE_CHANGE).mean;
        stock_change |= isfinite(v) && v != 0;
    }
    /* each note is one paragraph, filled to a terminal's width (lang_printf_filled): a
       long key's or service's name moves its line breaks */
    lang_printf_filled(out, LANG_LINE_MAX, _("\n  service cost = %s: what providing the service costs.\n"), parts);
    if (stock_change)
        lang_print_filled(out,
                          _("  profit = revenue - total cost + the increase in stock value: purchases count when "
                            "ordered, and stock still owned is added back.\n"),
                          LANG_LINE_MAX);
    size_t full = first_full_point(r);
    if (!marginal && full > 0 && full < r->n && sweep_rising_steps(r) + (r->n - 1 - full) >= r->n - 1) {
        /* service rose to 100 %, and every step that did not rise started there: nothing
           was left to buy (not a lever that buys no service) */
        char at[40], from[40];
        lang_printf_filled(
            out, LANG_LINE_MAX,
            _("  cost of 1 pt is left out: %s reaches 100%% at %s = %s and cannot rise further, so the steps "
              "after it have nothing left to buy; to see what each point costs, sweep from %s to %s in smaller "
              "steps.\n"),
            service, key, sweep_lever_text(r->x[full], sweep_lever_digits(r, 0), at),
            sweep_lever_text(r->x[0], sweep_lever_digits(r, 0), from), at);
    } else if (!marginal) {
        size_t rising = sweep_rising_steps(r);
        char how[200];
        if (rising)
            snprintf(how, sizeof how, _("rises from the row above at only %zu of the %zu steps"), rising, r->n - 1);
        else
            snprintf(how, sizeof how, _("does not rise from the row above at any of the %zu steps"), r->n - 1);
        lang_printf_filled(
            out, LANG_LINE_MAX,
            _("  cost of 1 pt is left out: %s %s, so this lever does not buy %s, and a cost per point of it "
              "would mean nothing.\n"),
            service, how, service);
    } else {
        size_t noise_steps = sweep_noise_steps(r), flat = 0;
        for (size_t i = 1; i < r->n; i++) flat += isnan(r->marginal[i]) && !r->rise_in_noise[i];
        if (noise_steps)
            lang_printf_filled(
                out, LANG_LINE_MAX,
                _("  cost of 1 pt = the extra service cost per day of each extra point of %s, from the row above "
                  "or over the — rows just above it where it rose within its noise (the law of diminishing "
                  "returns: it grows as service nears 100%%)%s\n"),
                service, negative ? _(";") : _("."));
        else
            lang_printf_filled(
                out, LANG_LINE_MAX,
                _("  cost of 1 pt = the extra service cost per day of each extra point of %s, from the row above "
                  "(the law of diminishing returns: it grows as service nears 100%%)%s\n"),
                service, negative ? _(";") : _("."));
        /* a figure may span several steps (measure_over_spans): count figures, not steps */
        size_t figures = sweep_marginal_figures(r);
        if (negative && nfalling && figures == 1) /* "every figure" of one reads oddly */
            lang_printf_filled(out, LANG_LINE_MAX,
                               P_("  below 0 in its only figure: there better service lowers the service "
                                  "cost, because %s falls by more than the other parts rise.\n",
                                  "  below 0 in its only figure: there better service lowers the service "
                                  "cost, because %s fall by more than the other parts rise.\n",
                                  nfalling),
                               falling);
        else if (negative && nfalling && negative == figures)
            lang_printf_filled(out, LANG_LINE_MAX,
                               P_("  below 0 in every figure: there better service lowers the service cost, "
                                  "because %s falls by more than the other parts rise.\n",
                                  "  below 0 in every figure: there better service lowers the service cost, "
                                  "because %s fall by more than the other parts rise.\n",
                                  nfalling),
                               falling);
        else if (negative && nfalling)
            lang_printf_filled(out, LANG_LINE_MAX,
                               P_("  below 0 in %zu of the %zu figures: there better service lowers the service "
                                  "cost, because %s falls by more than the other parts rise.\n",
                                  "  below 0 in %zu of the %zu figures: there better service lowers the service "
                                  "cost, because %s fall by more than the other parts rise.\n",
                                  nfalling),
                               negative, figures, falling);
        else if (negative)
            fputs(_("  below 0 where better service saves more of the other costs than it adds.\n"), out);
        /* the other "—" of the column: the first row, and rows where service did not rise */
        fputs(_("  — in the first row: there is no row above to compare it with.\n"), out);
        if (flat)
            lang_printf_filled(out, LANG_LINE_MAX,
                               _("  — where %s fell or stayed flat: no point was gained to put a cost on.\n"), service);
        if (noise_steps && r->reps >= SWEEP_REPS_FOR_INTERVAL)
            lang_printf_filled(
                out, LANG_LINE_MAX,
                _("  — where %s rose: its rise since the last row without such a — is within its noise (the "
                  "paired 95%% interval of the rise includes 0); a figure below such a — is measured from that "
                  "row. More replications (--reps) can measure smaller rises.\n"),
                service);
        else if (noise_steps && r->reps == 1)
            lang_printf_filled(
                out, LANG_LINE_MAX,
                _("  — where %s rose: its rise since the last row without such a — is below 0.001 points, the "
                  "least the table shows (one replication gives no interval to tell a rise from noise); a figure "
                  "below such a — is measured from that row.\n"),
                service);
        else if (noise_steps)
            lang_printf_filled(
                out, LANG_LINE_MAX,
                _("  — where %s rose: its rise since the last row without such a — is below 0.001 points, the "
                  "least the table shows (%u replications give too wide an interval to tell a rise from noise); "
                  "a figure below such a — is measured from that row.\n"),
                service, r->reps);
    }

    sweep_contract_notes(out, r);
    sweep_returns_notes(out, r);

    const struct curve_optimum *o = &r->opt;
    char bx[40];
    int digits = sweep_lever_digits(r, 0); /* the values as the table writes them */
    sweep_lever_text(r->x[o->best], digits, bx);
    char sv[40], pv[40], pc[40] = "";
    bool ci = isfinite(sweep_at(r, o->best, M_PROFIT).ci95);
    if (ci) snprintf(pc, sizeof pc, " ± %.2f", sweep_at(r, o->best, M_PROFIT).ci95);
    if (sweep_profit_same(r)) {
        lang_printf_wrapped(out, LANG_LINE_MAX, /* after its colon */
                            _("\nProfit is the same at every point, %s%s a day: %s changes no cost or revenue here.\n"),
                            cell(sweep_at(r, 0, M_PROFIT).mean, 2, pv), pc, key);
        return;
    }
    fputc('\n', out);
    lang_printf_wrapped(out, LANG_LINE_MAX,
                        /* TRANSLATORS: the lever and its value, the service and its level ("97.50%", or "n/a"),
                           the profit, its ±, then a note */
                        _("Profit is highest at %s = %s (marked *): %s %s, profit %s%s a day%s.\n"), key, bx, service,
                        service_words(r->service_level[o->best], sv), cell(sweep_at(r, o->best, M_PROFIT).mean, 2, pv),
                        pc, ci ? "" : _(" (one replication: no interval)"));
    bool flat = sweep_profit_flat(r);
    if ((o->at_lower_edge || o->at_upper_edge) && !flat)
        fputs(o->at_lower_edge
                  ? _("That is the lower end of the range: profit may keep rising beyond it, so widen the range.\n")
                  : _("That is the upper end of the range: profit may keep rising beyond it, so widen the range.\n"),
              out);
    else if (o->refined) {
        char px[40];                            /* four digits: an estimate between the points, not one of them */
        lang_printf_wrapped(out, LANG_LINE_MAX, /* after its colon: the peak on a line of its own */
                            _("A parabola through the points around the best puts the peak between grid points: "
                              "%s = %s (%s %s, profit %.2f a day).\n"),
                            key, sweep_lever_text(o->x, 4, px), service, service_words(o->service, sv), o->profit);
    }
    if (o->tie_first != o->tie_last) {
        char a[40], z[40];
        sweep_lever_text(r->x[o->tie_first], digits, a);
        sweep_lever_text(r->x[o->tie_last], digits, z);
        if (flat)
            lang_printf_filled(
                out, LANG_LINE_MAX,
                _("No point from %s = %s to %s is significantly less profitable than the best (paired 95%% "
                  "intervals): these replications cannot tell the points apart, so there is no peak to read yet.\n"),
                key, a, z);
        else
            lang_printf_filled(out, LANG_LINE_MAX,
                               _("Profit from %s = %s to %s is not significantly lower (paired 95%% intervals): the "
                                 "top of the curve is flat, so the cheaper end of that range costs little.\n"),
                               key, a, z);
    }
}

static void sweep_warnings(FILE *out, const struct sweep_result *r)
{
    const struct scenario *b = &r->base;
    if (b->nwarnings || r->npoint_warnings) {
        fputs(_("\nWarnings\n"), out);
        for (size_t i = 0; i < b->nwarnings; i++) report_warning(out, b->warnings[i]);
        for (size_t i = 0; i < r->npoint_warnings; i++) report_warning(out, r->point_warnings[i]);
    }
}

void sweep_csv(FILE *out, const struct sweep_result *r)
{
    const struct model_config *c = &r->base.cfg;
    fputs(r->base.sweep.parameter, out);
    if (r->x2) fprintf(out, ",%s", r->base.sweep.parameter2); /* two levers: both, in the order given */
    for (size_t m = 0; m < r->nm; m++) {
        if (!metric_shown(c, m)) continue;
        char name[160];
        metric_name_at(c, m, name, sizeof name);
        fprintf(out, ",%s,%s_ci95", name, name);
    }
    fputs(r->x2 ? ",is_profit_max,not_significantly_lower\n" : ",is_profit_max\n", out);
    for (size_t i = 0; i < r->n; i++) {
        char f[40], g[40];
        fputs(report_field(r->x[i], f, sizeof f), out);
        if (r->x2) fprintf(out, ",%s", report_field(r->x2[i], f, sizeof f));
        for (size_t m = 0; m < r->nm; m++)
            if (metric_shown(c, m))
                fprintf(out, ",%s,%s", report_field(sweep_at(r, i, (int)m).mean, f, sizeof f),
                        report_field(sweep_at(r, i, (int)m).ci95, g, sizeof g));
        fprintf(out, ",%d", i == r->opt.best);
        fputs(r->x2 ? (r->near[i] ? ",1\n" : ",0\n") : "\n", out);
    }
}

void sweep_curve_csv(FILE *out, const struct sweep_result *r)
{
    fprintf(out,
            "%s,service,service_cost,marginal_cost_per_point,cost_total_per_day,cost_total_ci95,"
            "revenue_per_day,revenue_ci95,profit_per_day,profit_ci95,"
            "change_revenue,change_revenue_ci95,change_cost,change_cost_ci95,change_profit,change_profit_ci95\n",
            r->base.sweep.parameter);
    for (size_t i = 0; i < r->n; i++) {
        char v[16][40];
        fprintf(out, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", report_field(r->x[i], v[0], 40),
                report_field(r->service_level[i], v[1], 40), report_field(r->service_cost[i], v[2], 40),
                report_field(r->marginal[i], v[3], 40), report_field(sweep_at(r, i, M_COST_TOTAL).mean, v[4], 40),
                report_field(sweep_at(r, i, M_COST_TOTAL).ci95, v[5], 40),
                report_field(sweep_at(r, i, M_REVENUE).mean, v[6], 40),
                report_field(sweep_at(r, i, M_REVENUE).ci95, v[7], 40),
                report_field(sweep_at(r, i, M_PROFIT).mean, v[8], 40),
                report_field(sweep_at(r, i, M_PROFIT).ci95, v[9], 40),
                report_field(r->delta_revenue[i].mean, v[10], 40), report_field(r->delta_revenue[i].ci95, v[11], 40),
                report_field(r->delta_cost[i].mean, v[12], 40), report_field(r->delta_cost[i].ci95, v[13], 40),
                report_field(r->delta_profit[i].mean, v[14], 40), report_field(r->delta_profit[i].ci95, v[15], 40));
    }
}

void sweep_summary(FILE *out, const struct sweep_result *r)
{
    const struct sweep_config *sw = &r->base.sweep;
    const struct curve_optimum *o = &r->opt;
    char v[40];
    fprintf(out, "parameter: %s\n", sw->parameter);
    fprintf(out, "points: %zu\n", r->n);
    fprintf(out, "service_metric: %s\n", metric_defs[r->service].name);
    fprintf(out, "profit_max_%s: %s\n", key_part(sw->parameter), report_field(r->x[o->best], v, sizeof v));
    fprintf(out, "profit_max_service: %s\n", report_field(r->service_level[o->best], v, sizeof v));
    fprintf(out, "profit_max_profit_per_day: %s\n", report_field(sweep_at(r, o->best, M_PROFIT).mean, v, sizeof v));
    fprintf(out, "profit_max_profit_ci95: %s\n", report_field(sweep_at(r, o->best, M_PROFIT).ci95, v, sizeof v));
    fprintf(out, "profit_max_at_edge: %s\n", o->at_lower_edge ? "lower" : o->at_upper_edge ? "upper" : "no");
    if (o->refined) {
        fprintf(out, "refined_%s: %s\n", key_part(sw->parameter), report_field(o->x, v, sizeof v));
        fprintf(out, "refined_service: %s\n", report_field(o->service, v, sizeof v));
        fprintf(out, "refined_profit_per_day: %s\n", report_field(o->profit, v, sizeof v));
    }
}

bool sweep_lever_is_count(const struct sweep_result *r)
{
    return key_is_count(r->base.sweep.parameter);
}
