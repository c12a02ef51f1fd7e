/* batch.c - the table is read and checked first (its header names keys, every row has
 * every cell), then every row is loaded through the scenario reader with its cells as
 * overrides labelled "TABLE:ROW:COL", so a bad cell gets the message a bad --set gets,
 * at its place in the table. Rows run in chunks (a configuration is large) of one
 * simulate call each; a row's replication r uses the streams of (seed, r, source),
 * as a run of that row alone does. */
#include "batch.h"
#include "report.h"
#include "sweep.h"
#include "models/metrics.h"
#include "models/model.h"
#include "reader/csv.h"
#include "reader/history_structure.h"
#include "reader/keys.h"
#include "reader/scenario.h"
#include "sim/num.h"

#include "lang/lang.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK = 32, MAX_ROW_REPORTS = 10, STORE_PER_CELL = 3 };

/* ---- the table ---- */

/* Read the table (reader/batch_table.h) into r's rows; table_col receives each input
 * column's place in the table (owned by the caller), warning (n bytes) the table's warning
 * ("" if none), said on err after the table's problems, which it may explain. Returns 0
 * or 2. */
static int read_table(const char *path, struct batch_result *r, size_t **table_col, char *warning, size_t n, FILE *err)
{
    struct batch_table t;
    /* to a terminal, a problem wider than it is wrapped after its place, as the reader's
       problems are ("TABLE:3:2: [inventory] order_quantity: " and the problem below) */
    char *msgs = NULL;
    size_t size = 0;
    FILE *buf = open_memstream(&msgs, &size);
    if (!buf) abort();
    int rc = batch_table_read(&t, path, buf);
    if (fclose(buf) != 0) abort();
    if (err == stderr)
        scenario_print_problems(err, msgs, path);
    else
        fputs(msgs, err);
    free(msgs);
    snprintf(warning, n, "%s", t.warning);
    if (*warning) lang_printf_wrapped(err, LANG_LINE_MAX, _("servlab: warning: %s\n"), warning);
    if (rc == 0) {
        r->ncols = t.ncols, r->cols = t.cols, r->has_id = t.has_id, r->n = t.n;
        r->rows = calloc(t.n, sizeof *r->rows);
        if (!r->rows) abort();
        for (size_t i = 0; i < t.n; i++)
            r->rows[i].line = t.rows[i].line, r->rows[i].values = t.rows[i].values,
            r->rows[i].written = t.rows[i].written, memcpy(r->rows[i].id, t.rows[i].id, sizeof r->rows[i].id);
        *table_col = t.table_col;
        free(t.rows); /* the cells and headers are r's now */
        return 0;
    }
    batch_table_fini(&t);
    return rc;
}

/* ---- loading rows ---- */

/* Overrides for row i: sets, then one per cell, labelled TABLE:ROW:COL (table_col:
 * the table column of each input column), whose value a warning says comes from its
 * column ("table column costs.holding_per_unit_day", not "--set"). The strings live in
 * store (3 * ncols entries, freed with free_store by the caller). */
static struct scenario_override *row_overrides(const struct batch_result *r, size_t i,
                                               const struct scenario_override *sets, size_t nsets,
                                               const size_t *table_col, const char *dir, char **store)
{
    struct scenario_override *all = calloc(nsets + r->ncols, sizeof *all);
    if (!all) abort();
    if (nsets) memcpy(all, sets, nsets * sizeof *sets);
    const struct batch_row *row = &r->rows[i];
    for (size_t k = 0; k < r->ncols; k++) {
        size_t nassign = strlen(r->cols[k]) + strlen(row->values[k]) + 2, nlabel = strlen(r->table) + 40;
        /* TRANSLATORS: where a value came from, in a warning: the batch table's column (SECTION.KEY) */
        int nsource = snprintf(NULL, 0, _("table column %s"), r->cols[k]) + 1;
        char **s = &store[STORE_PER_CELL * k];
        s[0] = malloc(nassign), s[1] = malloc(nlabel), s[2] = malloc((size_t)nsource);
        if (!s[0] || !s[1] || !s[2]) abort();
        snprintf(s[0], nassign, "%s=%s", r->cols[k], row->values[k]);
        snprintf(s[1], nlabel, "%s:%d:%zu", r->table, row->line, table_col[k]);
        snprintf(s[2], (size_t)nsource, _("table column %s"), r->cols[k]);
        all[nsets + k] = (struct scenario_override){.assignment = s[0], .label = s[1], .dir = dir, .source = s[2]};
    }
    return all;
}

/* True if a row's cell of column col gives way at the sweep's points to the swept key
 * param: both set the stock level in one section, one as a level (reorder_point,
 * order_up_to) or a service lever, the other as another. A row's cells are command-line
 * values, as a sweep point's is, and the reader refuses two of those for one level; the
 * row as written keeps its cell, its sweep points take the sweep's lever, as `servlab
 * sweep`'s lever replaces a level written in the file. The same key needs no leave: the
 * point's value comes after the cell's and replaces it. */
static bool sweep_replaces(const char *col, const char *param)
{
    static const enum key_id levels[] = {K_INVENTORY_REORDER_POINT, K_INVENTORY_ORDER_UP_TO, K_INVENTORY_SAFETY_FACTOR,
                                         K_INVENTORY_TARGET_FILL_RATE, K_INVENTORY_TARGET_CYCLE_SERVICE_LEVEL};
    const char *cd = strrchr(col, '.'), *pd = strrchr(param, '.');
    if (!*param || !cd || !pd || cd - col != pd - param || strncmp(col, param, (size_t)(cd - col)) != 0 ||
        strcmp(cd, pd) == 0)
        return false;
    bool col_sets = false, param_sets = false;
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        col_sets |= strcmp(cd + 1, key_defs[levels[i]].name) == 0;
        param_sets |= strcmp(pd + 1, key_defs[levels[i]].name) == 0;
    }
    return col_sets && param_sets;
}

static void free_store(char **store, size_t n)
{
    for (size_t i = 0; i < n; i++) free(store[i]);
    free(store);
}

/* The reader's message line (n bytes) in buf, with the cell it is about quoted as the
 * table has it: the reader was given the cell as read ('97.5%' for a cell typed 97,5% in
 * a table of decimal commas) and quotes that, in English '...' and in Chinese “...”. The
 * cell is the one the line's place TABLE:LINE:COL: names (table_col, as row_overrides). */
static void quote_as_written(const struct batch_result *r, size_t i, const size_t *table_col, const char *line, int n,
                             char *buf, size_t size)
{
    snprintf(buf, size, "%.*s", n, line);
    const struct batch_row *row = &r->rows[i];
    for (size_t k = 0; row->written && k < r->ncols; k++) {
        if (!row->written[k]) continue;
        char place[1100];
        snprintf(place, sizeof place, "%s:%d:%zu:", r->table, row->line, table_col[k]);
        if (strncmp(buf, place, strlen(place)) != 0) continue;
        static const char *const quotes[][2] = {{"'", "'"}, {"“", "”"}};
        for (size_t q = 0; q < sizeof quotes / sizeof quotes[0]; q++) {
            char read[CSV_FIELD_LEN + 8], typed[CSV_FIELD_LEN + 8];
            snprintf(read, sizeof read, "%s%s%s", quotes[q][0], row->values[k], quotes[q][1]);
            snprintf(typed, sizeof typed, "%s%s%s", quotes[q][0], row->written[k], quotes[q][1]);
            char *at = strstr(buf + strlen(place), read);
            if (!at) continue;
            size_t before = (size_t)(at - buf), rest = strlen(at + strlen(read));
            if (before + strlen(typed) + rest >= size) continue;
            memmove(at + strlen(typed), at + strlen(read), rest + 1);
            memcpy(at, typed, strlen(typed));
        }
        return;
    }
}

/* Load row i into sc. Returns 0 or 2 (its problems printed to err). A problem that does
 * not name the table (one of the history's, for the item the row chose) is given the
 * row's place first, "TABLE:LINE (row B): HISTORY:1:2: ...", so that a table of 40 items
 * says which one. */
static int load_row(struct batch_result *r, size_t i, const struct scenario_override *sets, size_t nsets,
                    const size_t *table_col, const char *dir, struct scenario *sc, FILE *err)
{
    char **store = calloc(STORE_PER_CELL * r->ncols, sizeof *store);
    if (!store) abort();
    struct scenario_override *all = row_overrides(r, i, sets, nsets, table_col, dir, store);
    char *msgs = NULL;
    size_t len = 0;
    FILE *buf = open_memstream(&msgs, &len);
    int rc = scenario_load(sc, r->base, all, nsets + r->ncols, buf ? buf : err);
    if (buf) fclose(buf);
    size_t tlen = strlen(r->table);
    for (const char *line = msgs; line && *line;) {
        const char *end = strchr(line, '\n');
        int n = end ? (int)(end - line) : (int)strlen(line);
        size_t room = (size_t)n + 2 * CSV_FIELD_LEN + 8; /* the line, a cell longer */
        char *said = malloc(room);
        if (!said) abort();
        quote_as_written(r, i, table_col, line, n, said, room);
        bool note = strncmp(line, "servlab: ", 9) == 0; /* a note (reader/csv.h's), not a problem of the row */
        /* wrapped to a terminal, as the reader wraps its problems (reader/scenario.c) */
        if (rc != 0 && !note && !(strncmp(line, r->table, tlen) == 0 && line[tlen] == ':'))
            /* TRANSLATORS: the table, the row's line in it, its id, then the problem as the reader said it */
            lang_printf_wrapped(err, LANG_LINE_MAX, _("%s:%d (row %s): %.*s\n"), r->table, r->rows[i].line,
                                r->rows[i].id, (int)strlen(said), said);
        else
            lang_printf_wrapped(err, LANG_LINE_MAX, "%s\n", said);
        free(said);
        line = end ? end + 1 : NULL;
    }
    free(msgs);
    free_store(store, STORE_PER_CELL * r->ncols);
    free(all);
    return rc;
}

/* ---- warnings: each text once, with the rows it came from ---- */

/* A warning of the base file comes back from every row that keeps its keys (units_per_order
 * = poisson(m) draws 0 in all 50 rows alike): said once, naming the rows, not once a row. */
struct warning {
    char text[sizeof(((struct scenario *)0)->warnings[0])];
    size_t *rows, nrows; /* indices into the table's rows, in table order */
};
struct warnings {
    struct warning *w;
    size_t n;
};

static void warnings_add(struct warnings *ws, const char *text, size_t row)
{
    struct warning *w = NULL;
    for (size_t i = 0; i < ws->n && !w; i++)
        if (strcmp(ws->w[i].text, text) == 0) w = &ws->w[i];
    if (!w) {
        ws->w = realloc(ws->w, (ws->n + 1) * sizeof *ws->w);
        if (!ws->w) abort();
        w = &ws->w[ws->n++];
        *w = (struct warning){0};
        snprintf(w->text, sizeof w->text, "%s", text);
    }
    if (w->nrows && w->rows[w->nrows - 1] == row) return; /* said twice by one row */
    w->rows = realloc(w->rows, (w->nrows + 1) * sizeof *w->rows);
    if (!w->rows) abort();
    w->rows[w->nrows++] = row;
}

/* Warning w as one line, "TABLE row a: TEXT", "TABLE, all 50 rows: TEXT" or "TABLE, 3 rows
 * (a, b, c): TEXT" (at most five ids, then how many more), in a string the caller frees. */
static char *warning_line(const struct warning *w, const struct batch_result *r)
{
    enum { IDS_SHOWN = 5 };
    char *text = NULL;
    size_t len = 0;
    FILE *line = open_memstream(&text, &len);
    if (!line) abort();
    /* TRANSLATORS: the table, the row's id (a name such as "bolt_01"), its line in the
       table and the warning; "%1$s 第 %3$d 行（%2$s）：%4$s" puts the line first */
    if (w->nrows == 1)
        fprintf(line, _("%s row %s (line %d): %s"), r->table, r->rows[w->rows[0]].id, r->rows[w->rows[0]].line,
                w->text);
    else if (w->nrows == r->n)
        fprintf(line, _("%s, all %zu rows: %s"), r->table, r->n, w->text);
    else {
        /* TRANSLATORS: "TABLE, 3 rows (a, b, c): TEXT" is written in three pieces: this,
           the ids and "): TEXT" */
        fprintf(line, _("%s, %zu rows ("), r->table, w->nrows);
        for (size_t k = 0; k < w->nrows && k < IDS_SHOWN; k++)
            fprintf(line, "%s%s", k ? ", " : "", r->rows[w->rows[k]].id);
        if (w->nrows > IDS_SHOWN) fprintf(line, _(" and %zu more"), w->nrows - IDS_SHOWN);
        fprintf(line, _("): %s"), w->text);
    }
    if (fclose(line) != 0) abort();
    return text;
}

/* Each warning as one line (warning_line): said on err and kept in r->warnings for
 * summary.txt, after the table's own warning (read_table's, said already; "" if none). */
static void warnings_keep(const struct warnings *ws, const char *table_warning, struct batch_result *r, FILE *err)
{
    r->warnings = calloc(ws->n + 1, sizeof *r->warnings);
    if (!r->warnings) abort();
    if (*table_warning) {
        r->warnings[r->nwarnings] = strdup(table_warning);
        if (!r->warnings[r->nwarnings++]) abort();
    }
    for (size_t i = 0; i < ws->n; i++) {
        char **kept = &r->warnings[r->nwarnings];
        *kept = warning_line(&ws->w[i], r);
        r->nwarnings++;
        lang_printf_wrapped(err, LANG_LINE_MAX, _("servlab: warning: %s\n"), *kept); /* at a terminal's width */
    }
}

/* Each note of the rows' scenarios (what a cell replaced in the base file, as run says
 * it of --set: "table column demand.orders_per_day replaces history = ... (line 17)") as
 * one line (warning_line), said on err. */
static void notes_say(const struct warnings *ns, const struct batch_result *r, FILE *err)
{
    for (size_t i = 0; i < ns->n; i++) {
        char *text = warning_line(&ns->w[i], r);
        lang_printf_wrapped(err, LANG_LINE_MAX, _("servlab: note: %s\n"), text); /* at a terminal's width */
        free(text);
    }
}

/* A row whose daily history has days (weeks, months) without a row: how many of how many. */
struct gap {
    size_t row, missing, periods;
    enum history_period period;
};

/* "25 of the 31 days" for g, in out (n bytes). */
static void gap_count(const struct gap *g, char *out, size_t n)
{
    /* TRANSLATORS: how many of a demand history's days have no row, of how many */
    snprintf(out, n,
             g->period == HISTORY_PERIOD_WEEK    ? _("%zu of the %zu weeks")
             : g->period == HISTORY_PERIOD_MONTH ? _("%zu of the %zu months")
                                                 : _("%zu of the %zu days"),
             g->missing, g->periods);
}

/* What run's history description says of days without a row ("25 of the 31 days have no
 * row"), said for a batch as one note, not one a row: the row's count when one row's
 * history has such days, else the rows (warning_line names five at most) and the one with
 * the largest share. */
static void gaps_note(const struct gap *g, size_t n, const struct batch_result *r, struct warnings *notes)
{
    if (!n) return;
    char text[sizeof notes->w->text], count[120];
    const struct gap *most = g;
    for (size_t k = 1; k < n; k++)
        if ((double)g[k].missing / (double)g[k].periods > (double)most->missing / (double)most->periods) most = &g[k];
    gap_count(most, count, sizeof count);
    if (n == 1)
        snprintf(text, sizeof text,
                 _("its demand history has %s without a row: read as no demand (0 units), as the mean counts them"),
                 count);
    else
        /* TRANSLATORS: the row whose history has the largest share without a row (its id), and
           its count ("25 of the 31 days") */
        snprintf(text, sizeof text,
                 _("their demand histories have dates without a row: read as no demand (0 units), as the means "
                   "count them; most in %s: %s"),
                 r->rows[most->row].id, count);
    lang_tidy_cut(text);
    for (size_t k = 0; k < n; k++) warnings_add(notes, text, g[k].row);
}

static void warnings_free(struct warnings *ws)
{
    for (size_t i = 0; i < ws->n; i++) free(ws->w[i].rows);
    free(ws->w);
    *ws = (struct warnings){0};
}

/* The margin on the price and the coefficient of variation of a day's demand. */
static void chart_figures(const struct scenario *sc, struct batch_row *row)
{
    double price = sc->cfg.revenue.price_per_unit, cost = sc->cfg.costs.order_per_unit;
    row->margin = price > 0 ? (price - cost) / price : NAN;
    if (sc->history_info) {
        row->demand_cv = sc->history_info->sd_per_day / sc->history_info->mean_per_day;
        return;
    }
    /* renewal-reward: a day's demand has mean m/g and variance (vs + m^2 vg / g^2) / g */
    const struct demand_config *d = &sc->cfg.demand;
    double g = dist_mean(&d->interarrival_days), vg = dist_variance(&d->interarrival_days);
    double m = dist_mean(&d->units_per_order), vs = dist_variance(&d->units_per_order);
    row->demand_cv = sqrt((vs + m * m * vg / (g * g)) / g) / (m / g);
}

/* Load the base alone into sc, its problems and notes to err; returns scenario_load's
 * status. A base that reads one item of a long export (history_item_column) may leave the
 * item to the table, a column demand.history_item (README: one long export feeds the whole
 * portfolio): loaded so (scenario_load_base), its file is checked whole, and each row is
 * loaded with its own cell, a problem of its item said at its place in the table
 * (load_row). */
static int load_base(struct scenario *sc, const char *base, const char *table, const struct scenario_override *sets,
                     size_t nsets, FILE *err)
{
    struct batch_table t;
    char *quiet = NULL; /* the table's own problems are said when it is read for its rows */
    size_t qlen = 0;
    FILE *q = open_memstream(&quiet, &qlen);
    if (!q) abort();
    int trc = batch_table_read(&t, table, q);
    if (fclose(q) != 0) abort();
    free(quiet);
    /* a table that does not read might name the item: the base is loaded as if it did,
       so that the table's problems, said next by read_table, are not blamed on the base
       (history_item_column without history_item) */
    bool item_from_table = trc != 0;
    for (size_t k = 0; trc == 0 && k < t.ncols; k++)
        item_from_table |= strcmp(t.cols[k], key_full_name(K_DEMAND_HISTORY_ITEM)) == 0;
    batch_table_fini(&t);
    char *msgs = NULL;
    size_t len = 0;
    FILE *buf = open_memstream(&msgs, &len);
    if (!buf) abort();
    int rc = scenario_load_base(sc, base, sets, nsets, item_from_table, buf);
    if (fclose(buf) != 0) abort();
    if (err == stderr) /* to a terminal wrapped, as scenario_load says them there */
        scenario_print_problems(err, msgs, base);
    else
        fputs(msgs, err);
    free(msgs);
    return rc;
}

int batch_run(const char *base, const char *table, const struct scenario_override *sets, size_t nsets,
              const struct batch_opts *o, struct batch_result *r, FILE *err)
{
    memset(r, 0, sizeof *r);
    snprintf(r->base, sizeof r->base, "%s", base);
    snprintf(r->table, sizeof r->table, "%s", table);
    r->swept = o->sweep;
    r->material_share = o->material_share;
    struct scenario *sc = scenario_new();
    int rc = 0;
    /* the base first, alone: its own mistakes are said once, not once per row */
    if (load_base(sc, base, table, sets, nsets, err) != 0) {
        scenario_free(sc);
        return 2;
    }
    if (o->sweep && !sc->sweep.active) {
        fprintf(err,
                _("%s: --sweep needs a sweep: add a [sweep] section (parameter, from, to, steps) to the base file\n"),
                base);
        scenario_free(sc);
        return 2;
    }
    snprintf(r->changes, sizeof r->changes, "%s", sc->changes);
    snprintf(r->service, sizeof r->service, "%s", sc->sweep.service);
    snprintf(r->parameter, sizeof r->parameter, "%s", sc->sweep.parameter);
    snprintf(r->parameter2, sizeof r->parameter2, "%s", sc->sweep.parameter2);
    r->values_given[0] = sc->origin[K_SWEEP_VALUES].from != FROM_DEFAULT;
    r->values_given[1] = sc->origin[K_SWEEP_VALUES2].from != FROM_DEFAULT;
    r->reps = sc->cfg.run.replications;
    r->seed = (unsigned long long)sc->cfg.run.seed;
    r->horizon_days = sc->cfg.run.horizon_days;
    r->warmup_days = sc->cfg.run.warmup_days;
    size_t nm = metric_count(&sc->cfg);
    size_t *table_col = NULL; /* where each input column sits in the table (the id column may be anywhere) */
    char table_warning[sizeof(((struct batch_table *)0)->warning)];
    if ((rc = read_table(table, r, &table_col, table_warning, sizeof table_warning, err)) != 0) {
        scenario_free(sc);
        return rc;
    }
    /* the directory relative history paths in cells start from */
    char dir[SCENARIO_PATH_MAX] = "";
    const char *slash = strrchr(table, '/');
    if (slash) snprintf(dir, sizeof dir, "%.*s", slash == table ? 1 : (int)(slash - table), table);

    int service = metric_find(r->service);
    size_t bad = 0;
    struct warnings warnings = {0}, notes = {0};
    struct gap *gaps = NULL; /* the rows whose daily histories have days without a row */
    size_t ngaps = 0;
    struct model_config *cfgs = malloc(CHUNK * sizeof *cfgs);
    const struct model_config **ptrs = malloc(CHUNK * sizeof *ptrs);
    double *rows = malloc((size_t)CHUNK * r->reps * nm * sizeof *rows);
    struct summary *s = malloc(nm * sizeof *s);
    if (!cfgs || !ptrs || !rows || !s) abort();
    /* every row is checked before anything runs */
    for (size_t i = 0; i < r->n && bad < MAX_ROW_REPORTS; i++) {
        if (load_row(r, i, sets, nsets, table_col, dir, sc, err) != 0) {
            bad++;
            continue;
        }
        if (metric_count(&sc->cfg) != nm) {
            fprintf(err,
                    _("%s:%d: this row changes which metrics the scenario has (products, tiers); a batch needs "
                      "the same for every row\n"),
                    table, r->rows[i].line);
            bad++;
        }
        chart_figures(sc, &r->rows[i]);
        r->rows[i].history = sc->history_info;
        /* a value a cell gave is said to come from its column (row_overrides) */
        for (size_t w = 0; w < sc->nwarnings; w++) warnings_add(&warnings, sc->warnings[w], i);
        for (size_t w = 0; w < sc->nnotes; w++) warnings_add(&notes, sc->notes[w], i);
        if (sc->history_info) { /* what run's history description warns of: the mode loses structure */
            const struct history_info *hi = sc->history_info;
            char lines[4][640];
            size_t n = history_warning_lines(hi, sc->cfg.demand.history_mode, lines, 4);
            for (size_t w = 0; w < n; w++) warnings_add(&warnings, lines[w], i);
            /* and what its description notes: days without a row, order times assumed */
            size_t periods, missing = history_missing(hi, &periods);
            if (missing) {
                gaps = realloc(gaps, (ngaps + 1) * sizeof *gaps);
                if (!gaps) abort();
                gaps[ngaps++] = (struct gap){i, missing, periods, hi->options.period};
            }
            if (hi->kind == HISTORY_ORDERS && !hi->timed)
                warnings_add(&notes,
                             _("no time of day in the demand history: each day's orders are spread evenly over it "
                               "(assumed, not recorded)"),
                             i);
        }
    }
    gaps_note(gaps, ngaps, r, &notes);
    free(gaps);
    /* after a refused row nothing runs: the other rows' warnings would bury its refusal,
       which is then the last thing said */
    if (!bad) notes_say(&notes, r, err);
    if (!bad) warnings_keep(&warnings, table_warning, r, err);
    warnings_free(&warnings);
    warnings_free(&notes);
    if (bad) rc = 2;
    /* the rows as written, CHUNK at a time */
    for (size_t first = 0; rc == 0 && first < r->n; first += CHUNK) {
        size_t n = r->n - first < CHUNK ? r->n - first : CHUNK;
        for (size_t i = 0; i < n; i++) {
            if (load_row(r, first + i, sets, nsets, table_col, dir, sc, err) != 0) abort(); /* it loaded above */
            model_config_copy(&cfgs[i], &sc->cfg); /* sc is loaded again for the next row */
            ptrs[i] = &cfgs[i];
        }
        size_t missing = simulate(ptrs, n, r->reps, &o->sim, rows);
        for (size_t i = 0; i < n; i++) model_config_fini(&cfgs[i]);
        if (missing) {
            fputs(o->sim.stop && *o->sim.stop ? _("servlab: interrupted; nothing was written\n")
                                              : _("servlab: failed; nothing was written\n"),
                  err);
            rc = 1;
            break;
        }
        for (size_t i = 0; i < n; i++) {
            simulate_summarise(rows + i * r->reps * nm, r->reps, nm, s);
            struct batch_row *row = &r->rows[first + i];
            row->service = s[service], row->cost = s[M_COST_TOTAL], row->profit = s[M_PROFIT];
            if (!o->sweep) continue;
            /* each replication's profit as written, to pair with the sweep's best point */
            row->gain_reps = malloc(r->reps * sizeof *row->gain_reps);
            if (!row->gain_reps) abort();
            for (unsigned k = 0; k < r->reps; k++) row->gain_reps[k] = rows[((i * r->reps) + k) * nm + M_PROFIT];
        }
    }
    free(cfgs), free(ptrs), free(rows), free(s);
    /* with --sweep, each row's sweep, exactly as `servlab sweep` runs it */
    for (size_t i = 0; rc == 0 && o->sweep && i < r->n; i++) {
        char **store = calloc(STORE_PER_CELL * r->ncols, sizeof *store);
        if (!store) abort();
        struct scenario_override *all = row_overrides(r, i, sets, nsets, table_col, dir, store);
        size_t nall = nsets; /* the row's cells, less those the sweep's lever replaces */
        for (size_t k = 0; k < r->ncols; k++)
            if (!sweep_replaces(r->cols[k], r->parameter) && !sweep_replaces(r->cols[k], r->parameter2))
                all[nall++] = all[nsets + k];
        struct sweep_result *sw = malloc(sizeof *sw);
        if (!sw) abort();
        struct simulate_opts so = o->sim;
        so.progress = false;
        /* the row's place, "TABLE:LINE (row ID): ", as the message below writes it: a refused
           point's head begins with it, its continuation and problems indented under it */
        char place[SCENARIO_PATH_MAX + 2 * CSV_FIELD_LEN + 40];
        snprintf(place, sizeof place, _("%s:%d (row %s): %.*s\n"), r->table, r->rows[i].line, r->rows[i].id, 0, "");
        place[strcspn(place, "\n")] = '\0';
        so.place = place;
        char *msgs = NULL;
        size_t len = 0;
        FILE *buf = open_memstream(&msgs, &len);
        rc = sweep_run(base, all, nall, &so, sw, buf ? buf : err);
        if (buf) fclose(buf);
        size_t plen = strlen(place);
        for (const char *line = msgs; line && *line;) { /* said of this row: which one */
            const char *end = strchr(line, '\n');
            int n = end ? (int)(end - line) : (int)strlen(line);
            const char *said = line;
            if (strncmp(said, "servlab: ", 9) == 0 && n >= 9) said += 9, n -= 9; /* the row's place leads */
            /* a line of its own (not one indented under the one before, nor a refusal's
               head, which has the place already) */
            if (rc != 0 && line[0] != ' ' && strncmp(line, place, plen) != 0)
                fprintf(err, _("%s:%d (row %s): %.*s\n"), r->table, r->rows[i].line, r->rows[i].id, n, said);
            else
                fprintf(err, "%.*s\n", end ? (int)(end - line) : (int)strlen(line), line);
            line = end ? end + 1 : NULL;
        }
        free(msgs);
        if (rc == 0) {
            struct batch_row *row = &r->rows[i];
            size_t b = sw->opt.best;
            row->best_x = sw->x[b];
            row->best_x2 = sweep_is_grid(sw) ? sw->x2[b] : NAN;
            row->best_digits[0] = sweep_lever_digits(sw, 0);
            row->best_digits[1] = sweep_is_grid(sw) ? sweep_lever_digits(sw, 1) : 6;
            row->best_service = sw->service_level[b];
            struct summary profit = sweep_at(sw, b, M_PROFIT);
            row->best_profit = profit.mean;
            row->best_profit_ci95 = profit.ci95;
            /* a grid's opt says only that one of its levers is at an end (cli/sweep.c) */
            row->at_edge[0] = sweep_is_grid(sw) ? sw->grid.at_edge1 : sw->opt.at_lower_edge || sw->opt.at_upper_edge;
            row->at_edge[1] = sweep_is_grid(sw) && sw->grid.at_edge2;
            /* the gain, replication by replication: replication k of the row as written and
               of every sweep point use the streams of (seed, k, source) (cli/simulate.h) */
            assert(sw->reps == r->reps && sw->nm == nm);
            for (unsigned k = 0; k < r->reps; k++)
                row->gain_reps[k] = sw->rows[(b * sw->reps + k) * sw->nm + M_PROFIT] - row->gain_reps[k];
            struct summary gain = summary_of(row->gain_reps, r->reps, 1);
            row->gain_ci95 = gain.ci95;
            /* a paired sd of 0 (but for rounding, 1e-9 of the gain) is no evidence of certainty:
               nothing random told the two settings apart on these replications (cli/batch.h) */
            row->gain_constant = isfinite(gain.ci95) && r->reps > 1 && gain.ci95 <= 1e-9 * fabs(gain.mean);
            row->gain_significant = isfinite(gain.ci95) && !row->gain_constant && gain.mean - gain.ci95 > 0;
            /* material: significant and at least the share of the row's profit, and never
               under half a cent (it would print as +0.00, money's precision) */
            row->gain_material =
                row->gain_significant && gain.mean >= o->material_share * fabs(row->profit.mean) && gain.mean >= 0.005;
            sweep_free(sw);
        }
        free(sw);
        free_store(store, STORE_PER_CELL * r->ncols);
        free(all);
    }
    if (rc == 0 && o->sweep) { /* the portfolio's gain, paired the same way */
        double *total = calloc(r->reps, sizeof *total);
        if (!total) abort();
        for (size_t i = 0; i < r->n; i++) {
            r->significant += r->rows[i].gain_significant;
            r->material += r->rows[i].gain_material;
            for (unsigned k = 0; k < r->reps; k++) total[k] += r->rows[i].gain_reps[k];
        }
        r->total_gain = summary_of(total, r->reps, 1);
        free(total);
    }
    free(table_col);
    scenario_free(sc);
    return rc;
}

void batch_free(struct batch_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        for (size_t k = 0; r->rows[i].values && k < r->ncols; k++) free(r->rows[i].values[k]);
        for (size_t k = 0; r->rows[i].written && k < r->ncols; k++) free(r->rows[i].written[k]);
        free(r->rows[i].values);
        free(r->rows[i].written);
        free(r->rows[i].gain_reps);
    }
    for (size_t k = 0; k < r->ncols; k++) free(r->cols[k]);
    free(r->cols);
    free(r->rows);
    for (size_t i = 0; i < r->nwarnings; i++) free(r->warnings[i]);
    free(r->warnings);
    memset(r, 0, sizeof *r);
}

/* ---- output ---- */

/* A CSV field, quoted when it holds a comma or a quote. */
static void csv_text(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

void batch_csv(FILE *out, const struct batch_result *r)
{
    fputs("id", out);
    for (size_t k = 0; k < r->ncols; k++) fputc(',', out), csv_text(out, r->cols[k]);
    fprintf(out, ",%s,%s_ci95,cost_total_per_day,profit_per_day,profit_per_day_ci95", r->service, r->service);
    if (r->swept) {
        fprintf(out, ",best_%s", r->parameter);
        if (r->parameter2[0]) fprintf(out, ",best_%s", r->parameter2);
        fprintf(out, ",best_%s,best_profit_per_day,best_profit_per_day_ci95,profit_gain_per_day", r->service);
        fputs(",profit_gain_per_day_ci95", out); /* added later: columns are only ever added at the end */
        fputs(",best_at_edge", out);
        fputs(",material_gain", out); /* added later, at the end */
    }
    fputc('\n', out);
    char a[40], b[40], c[40], d[40], e[40];
    for (size_t i = 0; i < r->n; i++) {
        const struct batch_row *row = &r->rows[i];
        csv_text(out, row->id);
        for (size_t k = 0; k < r->ncols; k++) fputc(',', out), csv_text(out, row->values[k]);
        fprintf(out, ",%s,%s", report_field(row->service.mean, a, sizeof a),
                report_field(row->service.ci95, b, sizeof b));
        fprintf(out, ",%s,%s,%s", report_field(row->cost.mean, a, sizeof a),
                report_field(row->profit.mean, b, sizeof b), report_field(row->profit.ci95, c, sizeof c));
        if (r->swept && r->parameter2[0]) fprintf(out, ",%s", report_field(row->best_x, a, sizeof a));
        if (r->swept)
            fprintf(out, ",%s,%s,%s,%s,%s",
                    r->parameter2[0] ? report_field(row->best_x2, a, sizeof a) : report_field(row->best_x, a, sizeof a),
                    report_field(row->best_service, b, sizeof b), report_field(row->best_profit, c, sizeof c),
                    report_field(row->best_profit_ci95, d, sizeof d),
                    report_field(row->best_profit - row->profit.mean, e, sizeof e));
        if (r->swept) fprintf(out, ",%s", report_field(row->gain_ci95, a, sizeof a));
        if (r->swept) { /* the lever (or levers, a blank apart) whose best value is an end of its range, as '<' marks */
            fputc(',', out);
            if (row->at_edge[0]) csv_text(out, r->parameter);
            if (row->at_edge[0] && row->at_edge[1]) fputc(' ', out);
            if (row->at_edge[1]) csv_text(out, r->parameter2);
            fprintf(out, ",%d", row->gain_material ? 1 : 0);
        }
        fputc('\n', out);
    }
}

/* The swept key's name, or both: "reorder_point + order_quantity" (joiner between them). */
static void lever_names(const struct batch_result *r, const char *joiner, char *out, size_t len)
{
    snprintf(out, len, "%s", strrchr(r->parameter, '.') ? strrchr(r->parameter, '.') + 1 : r->parameter);
    if (r->parameter2[0])
        snprintf(out + strlen(out), len - strlen(out), "%s%s", joiner,
                 strrchr(r->parameter2, '.') ? strrchr(r->parameter2, '.') + 1 : r->parameter2);
}

void batch_summary_values(FILE *out, const struct batch_result *r, const char *dir)
{
    fprintf(out, "servlab %s batch %s %s\n", SERVLAB_VERSION, r->base, r->table);
    report_summary_run_lines(out, r->seed, r->reps, r->horizon_days, r->warmup_days);
    if (r->changes[0]) fprintf(out, "set: %s\n", r->changes);
    for (size_t i = 0; i < r->nwarnings; i++) fprintf(out, "warning: %s\n", r->warnings[i]);
    report_summary_files(out, dir, (const char *const[]){r->base, r->table}, 2);
    double now = 0, best = 0;
    for (size_t i = 0; i < r->n; i++) now += r->rows[i].profit.mean, best += r->rows[i].best_profit;
    fprintf(out, "rows: %zu\ntotal_profit_per_day: %.10g\n", r->n, now);
    if (!r->swept) return;
    fprintf(out, "parameter: %s\n", r->parameter);
    if (r->parameter2[0]) fprintf(out, "parameter2: %s\n", r->parameter2);
    fprintf(out, "service_metric: %s\n", r->service);
    fprintf(out, "total_profit_recommended_per_day: %.10g\ntotal_gain_per_day: %.10g\ntotal_gain_ci95: %.10g\n", best,
            r->total_gain.mean, r->total_gain.ci95);
    fprintf(out, "rows_gaining_significantly: %zu\n", r->significant);
    fprintf(out, "material_gain_share: %.10g\nrows_gaining_materially: %zu\n", r->material_share, r->material);
}

enum { DECIMALS_MAX = 8 };

/* The part of a key after its section ("safety_factor" of "inventory.safety_factor"). */
static const char *key_part(const char *key)
{
    const char *dot = strrchr(key, '.');
    return dot ? dot + 1 : key;
}

/* Lever k's [sweep] keys that set its range, as the advice to widen it names them:
 * "values" (values2) when its values were listed, else "from and to" (from2, to2). */
static void range_keys(const struct batch_result *r, size_t k, char *buf, size_t n)
{
    if (r->values_given[k])
        snprintf(buf, n, "%s", k ? "values2" : "values");
    else
        /* TRANSLATORS: [sweep] keys, not translated themselves: "widen [sweep] from and to" */
        snprintf(buf, n, "%s", k ? C_("sweep keys", "from2 and to2") : C_("sweep keys", "from and to"));
}

/* batch_summary's text, unwrapped. */
static void summary_text(FILE *out, const struct batch_result *r)
{
    double now = 0, best = 0;
    size_t edge[2] = {0, 0};
    for (size_t i = 0; i < r->n; i++) {
        edge[0] += r->rows[i].at_edge[0], edge[1] += r->rows[i].at_edge[1];
        now += r->rows[i].profit.mean;
        best += r->rows[i].best_profit;
    }
    fprintf(out,
            P_("Total profit per day of the %zu row: %.2f at the current settings",
               "Total profit per day over the %zu rows: %.2f at the current settings", r->n),
            r->n, now);
    if (r->swept) {
        char keys[220];
        lever_names(r, " + ", keys, sizeof keys);
        /* money's precision, as the rows: a total under a cent a day is no gain to act on */
        /* TRANSLATORS: the total gain a day, its paired 95% half-width, the gain in per cent,
           the rows whose gain is material (worth a change) and all rows */
        fprintf(out,
                P_(",\n%.2f at the recommended %s\n(%+.2f ± %.2f a day, %+.1f%%; %zu of %zu row gains materially).\n",
                   ",\n%.2f at the recommended %s\n(%+.2f ± %.2f a day, %+.1f%%; %zu of %zu rows gain materially).\n",
                   r->n),
                best, keys, best - now, r->total_gain.ci95, now != 0 ? 100 * (best - now) / fabs(now) : 0.0,
                r->material, r->n);
        /* TRANSLATORS: the threshold in per cent of a row's profit (0.5) */
        fprintf(
            out,
            _("The recommended setting is the sweep's grid point of highest mean profit. A gain is significant when\n"
              "its 95%% interval, paired over the replications (as written and as recommended on the same random\n"
              "numbers), lies above 0, as nearly every gain does on the same random numbers, however small. A\n"
              "gain is material, worth a change, when it is significant and at least %g%% of the row's profit a\n"
              "day as written (and 0.01); rows without a material gain are as good as they are: keep their\n"
              "setting. Picked as the best of the grid on these same replications, a gain is a little\n"
              "optimistic.\n"),
            100 * r->material_share);
        if (r->significant > r->material)
            fprintf(out,
                    /* TRANSLATORS: rows whose gain is significant but below the threshold */
                    P_("%zu row gains significantly but not materially: keep its current setting.\n",
                       "%zu rows gain significantly but not materially: keep their current setting.\n",
                       r->significant - r->material),
                    r->significant - r->material);
        size_t constant = 0;
        for (size_t i = 0; i < r->n; i++)
            constant += r->rows[i].gain_constant && r->rows[i].best_profit > r->rows[i].profit.mean;
        if (constant)
            fprintf(out,
                    P_("%zu row gains the same in every replication: nothing random told its two settings apart\n"
                       "(a safety stock never drawn on, or alike replications), so its interval of width 0 says\n"
                       "nothing of chance and it is not counted as significant.\n",
                       "%zu rows gain the same in every replication: nothing random told their two settings apart\n"
                       "(a safety stock never drawn on, or alike replications), so their intervals of width 0 say\n"
                       "nothing of chance and they are not counted as significant.\n",
                       constant),
                    constant);
        for (size_t k = 0; k < 2; k++) {
            if (!edge[k]) continue;
            char range[100];
            range_keys(r, k, range, sizeof range);
            if (!r->parameter2[0])
                fprintf(out,
                        P_("%zu row peaks at an end of the sweep (marked <): the best value may lie beyond it; "
                           "widen [sweep] %s.\n",
                           "%zu rows peak at an end of the sweep (marked <): the best value may lie beyond it; "
                           "widen [sweep] %s.\n",
                           edge[k]),
                        edge[k], range);
            else /* TRANSLATORS: the rows, the lever (safety_factor), its [sweep] keys ("values2") */
                fprintf(out,
                        P_("%zu row peaks at an end of the range of %s (its value marked <): the best value may lie "
                           "beyond it; widen [sweep] %s.\n",
                           "%zu rows peak at an end of the range of %s (their value marked <): the best value may "
                           "lie beyond it; widen [sweep] %s.\n",
                           edge[k]),
                        edge[k], key_part(k ? r->parameter2 : r->parameter), range);
        }
    } else {
        fputs(_(".\n"), out);
    }
}

/* What write(f, r) writes, wrapped at a terminal's width (a long key or two). */
static void print_wrapped_text(FILE *out, void (*write)(FILE *, const struct batch_result *),
                               const struct batch_result *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) abort();
    write(f, r);
    if (fclose(f) != 0) abort();
    lang_print_wrapped(out, text, LANG_LINE_MAX);
    free(text);
}

void batch_summary(FILE *out, const struct batch_result *r)
{
    print_wrapped_text(out, summary_text, r);
}

/* A row to rank by its gain: material gains first, then the larger gain first, ties in
 * table order. */
struct ranked {
    size_t i;
    bool material;
    double gain;
};

static int by_gain(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    if (x->material != y->material) return x->material ? -1 : 1;
    if (x->gain != y->gain) return x->gain > y->gain ? -1 : 1;
    return x->i < y->i ? -1 : 1;
}

size_t batch_top_gains(const struct batch_result *r, size_t *idx, size_t max)
{
    if (!r->swept) return 0;
    struct ranked *all = malloc((r->n + 1) * sizeof *all);
    if (!all) abort();
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++) {
        const struct batch_row *row = &r->rows[i];
        double gain = row->best_profit - row->profit.mean;
        if (gain > 0) all[n++] = (struct ranked){i, row->gain_material, gain};
    }
    qsort(all, n, sizeof *all, by_gain);
    if (n > max) n = max;
    for (size_t k = 0; k < n; k++) idx[k] = all[k].i;
    free(all);
    return n;
}

const char *batch_gain_verdict(const struct batch_result *r, size_t i)
{
    if (r->rows[i].gain_material) return "";
    if (r->rows[i].gain_significant) return _("no material gain: keep the current setting");
    return r->rows[i].gain_constant ? _("the same in every replication: no interval, not counted as significant")
                                    : _("no significant gain");
}

/* x rounded to d decimals, as printf prints it, in units of the last decimal. */
static double at_decimals(double x, int d)
{
    return floor(x * pow(10, d) + 0.5);
}

int batch_gain_decimals(const struct batch_row *row)
{
    double gain = row->best_profit - row->profit.mean;
    int d = 2;
    while (row->gain_material && d < DECIMALS_MAX && at_decimals(gain, d) - at_decimals(row->gain_ci95, d) <= 0) d++;
    return d;
}

void batch_gains(FILE *out, const struct batch_result *r)
{
    if (!r->swept) return;
    char keys[220];
    lever_names(r, ", ", keys, sizeof keys);
    size_t idx[BATCH_GAINS_SHOWN];
    size_t n = batch_top_gains(r, idx, BATCH_GAINS_SHOWN);
    if (n == 0) {
        fprintf(out, _("No row's profit rises with a change of %s: every row is as good as it is.\n"), keys);
        return;
    }
    /* TRANSLATORS: %s is the swept key (or two keys) */
    fprintf(out, _("The rows that gain most from a change of %s (profit per day, paired 95%% interval):\n"), keys);
    size_t shown_material = 0;
    int gain_width = 0, ci_width = 0; /* the widest gain and half-width shown: the columns align */
    for (size_t k = 0; k < n; k++) {
        const struct batch_row *row = &r->rows[idx[k]];
        int d = batch_gain_decimals(row);
        int g = snprintf(NULL, 0, "%+.*f", d, row->best_profit - row->profit.mean);
        int c = snprintf(NULL, 0, "%.*f", d, row->gain_ci95);
        if (g > gain_width) gain_width = g;
        if (c > ci_width) ci_width = c;
    }
    for (size_t k = 0; k < n; k++) {
        const struct batch_row *row = &r->rows[idx[k]];
        char at[120], v[2][40];
        if (r->parameter2[0])
            snprintf(at, sizeof at, "%s, %s", batch_lever_text(row, 0, v[0]), batch_lever_text(row, 1, v[1]));
        else
            snprintf(at, sizeof at, "%s", batch_lever_text(row, 0, v[0]));
        fputs("  ", out);
        report_cell(out, row->id, 16, false);
        int d = batch_gain_decimals(row);
        fprintf(out, "  %+*.*f ± %-*.*f ", gain_width, d, row->best_profit - row->profit.mean, ci_width, d,
                row->gain_ci95);
        /* TRANSLATORS: where the gain is found: the swept key(s) and the recommended value(s) */
        if (row->gain_material)
            fprintf(out, _("at %s = %s\n"), keys, at), shown_material++;
        else
            /* TRANSLATORS: the swept key(s), the recommended value(s), then "no material gain: keep
               the current setting" or "no significant gain" */
            fprintf(out, _("at %s = %s: %s\n"), keys, at, batch_gain_verdict(r, idx[k]));
    }
    if (r->material > shown_material)
        fprintf(out,
                P_("  and %zu more row gains materially (batch.csv has every row's gain and interval).\n",
                   "  and %zu more rows gain materially (batch.csv has every row's gain and interval).\n",
                   r->material - shown_material),
                r->material - shown_material);
}

/* What follows the table: a blank line, the rows that gain most (with --sweep), the totals. */
static void after_table(FILE *out, const struct batch_result *r)
{
    fputc('\n', out);
    if (r->swept) {
        print_wrapped_text(out, batch_gains, r);
        fputc('\n', out);
    }
    batch_summary(out, r);
}

const char *batch_lever_text(const struct batch_row *row, int k, char v[40])
{
    return sweep_lever_text(k == 0 ? row->best_x : row->best_x2, row->best_digits[k], v);
}

/* The --sweep table's columns: on the left the row as written (service, profit, its ±),
 * on the right at its best grid point (the lever's value or two, service, profit, gain,
 * its ±). */
enum { SWEPT_COLS = 9, COL_LEVER = 3, COL_LEVER2 = 4 };

/* The cells of row i, right-aligned; the lever's has no room for the edge mark. */
static void swept_cells(const struct batch_result *r, size_t i, char cell[SWEPT_COLS][40])
{
    const struct batch_row *row = &r->rows[i];
    int d = batch_gain_decimals(row);
    /* a service without data (reaction_elsewhere where no order met a stockout): "n/a", as sweep's table */
    report_percent_or(row->service.mean, 2, "n/a", cell[0], 40);
    snprintf(cell[1], 40, "%.2f", row->profit.mean);
    snprintf(cell[2], 40, "%.2f", row->profit.ci95);
    batch_lever_text(row, 0, cell[COL_LEVER]);
    if (r->parameter2[0])
        batch_lever_text(row, 1, cell[COL_LEVER2]);
    else
        cell[COL_LEVER2][0] = '\0'; /* not shown: one lever */
    report_percent_or(row->best_service, 2, "n/a", cell[5], 40);
    snprintf(cell[6], 40, "%.2f", row->best_profit);
    snprintf(cell[7], 40, "%.*f", d, row->best_profit - row->profit.mean);
    snprintf(cell[8], 40, "%.*f", d, row->gain_ci95);
}

/* The --sweep table, each column as wide as its head or its widest cell, two blanks
 * apart (one where two would pass a terminal's width), under a head of two lines: what
 * each half is ("as written", "at the best KEY"), then the columns' names; a long name
 * on two lines of its own (lang_head_break: "target_cycle_" above "service_level",
 * 准时足量交付率 above （OTIF）) where the table would still be wider than a terminal,
 * the widest first, the upper lines between the two. */
static void swept_table(FILE *out, const struct batch_result *r, const char *shown)
{
    enum { ID_MAX = 16 }; /* a longer id is cut, with "..." (report_cell) */
    bool two = r->parameter2[0] != '\0';
    const char *key = strrchr(r->parameter, '.') ? strrchr(r->parameter, '.') + 1 : r->parameter;
    const char *key2 = strrchr(r->parameter2, '.') ? strrchr(r->parameter2, '.') + 1 : r->parameter2;
    const char *head[SWEPT_COLS] = {shown, _("profit/day"), "± 95%",       key,    key2,
                                    shown, _("profit/day"), _("gain/day"), "± 95%"};
    int cells[SWEPT_COLS] = {0}, width[SWEPT_COLS], id_width = (int)lang_width("id"); /* cells: the widest */
    /* the columns with room for '<' after the value: the last lever's, and with two levers
       the first's too when a row's best is at an end of its range */
    bool mark[SWEPT_COLS] = {false};
    mark[two ? COL_LEVER2 : COL_LEVER] = true;
    for (size_t i = 0; i < r->n; i++) mark[COL_LEVER] |= r->rows[i].at_edge[0];
    for (size_t i = 0; i < r->n; i++) {
        char cell[SWEPT_COLS][40];
        swept_cells(r, i, cell);
        for (int c = 0; c < SWEPT_COLS; c++)
            if ((int)strlen(cell[c]) > cells[c]) cells[c] = (int)strlen(cell[c]);
        int w = (int)lang_width(r->rows[i].id);
        if (w > id_width) id_width = w > ID_MAX ? ID_MAX : w;
    }
    /* two blanks apart; else one; else also "±" alone over the intervals, as the line
       above the table says what ± is; else a long name on two lines, the widest first
       (the service's two columns together), until none is left to part */
    int gap = 2, line = 0;
    size_t upper[SWEPT_COLS] = {0}, lower[SWEPT_COLS] = {0};
    bool parted = false;
    for (int fit = 0;; fit++) {
        gap = fit ? 1 : 2;
        if (fit == 2) head[2] = head[8] = "±";
        if (fit > 2) { /* the widest head that parts where it is wider than its figures */
            int widest = 0, c0 = -1;
            size_t up = 0, low = 0;
            for (int c = 0; c < SWEPT_COLS; c++) {
                size_t l = 0, u = upper[c] || (c == COL_LEVER2 && !two) ? 0 : lang_head_break(head[c], cells[c], &l);
                if (u && (int)lang_width(head[c]) > widest) widest = (int)lang_width(head[c]), c0 = c, up = u, low = l;
            }
            if (c0 < 0) break; /* nothing left to part */
            for (int c = 0; c < SWEPT_COLS; c++)
                if (c == c0 || (head[c] == head[c0] && c0 != COL_LEVER && c0 != COL_LEVER2)) /* the service twice */
                    upper[c] = up, lower[c] = low;
            parted = true;
        }
        line = id_width; /* the line's width: id, each column after its gap, and "| " */
        for (int c = 0; c < SWEPT_COLS; c++) {
            int h = lang_head_columns(head[c], upper[c], lower[c]);
            width[c] = cells[c] > h ? cells[c] : h;
            width[c] += mark[c]; /* a lever's '<' at an end of its range */
            if (c != COL_LEVER2 || two) line += gap + width[c] + (c == COL_LEVER ? 2 : 0);
        }
        if (line <= LANG_LINE_MAX) break;
    }
    /* the first line of the head: over each half, what it shows */
    char keys[220];
    lever_names(r, ", ", keys, sizeof keys);
    int left = width[0] + width[1] + width[2] + 2 * gap; /* the left half, from its first column */
    fprintf(out, "%*s", id_width + gap, "");
    /* TRANSLATORS: over the left half of batch --sweep's table: each row as the table gives it */
    lang_pad(out, _("as written"), left, false);
    fprintf(out, "%*s| ", gap, "");
    /* TRANSLATORS: over the right half: at the row's best grid point of the swept key(s) */
    fprintf(out, _("at the best %s"), keys);
    fprintf(out, "\n");
    /* the columns' names (a parted name's upper line on a line of its own above them),
       then the rows */
    for (int row = parted; row >= 0; row--) {
        char *text = NULL;
        size_t size = 0;
        FILE *heads = open_memstream(&text, &size);
        if (!heads) abort();
        lang_pad(heads, row ? "" : "id", id_width, false);
        for (int c = 0; c < SWEPT_COLS; c++) {
            if (c == COL_LEVER2 && !two) continue;
            fprintf(heads, "%*s", c == COL_LEVER ? gap + 1 : gap, c == COL_LEVER ? "|" : "");
            if (c == COL_LEVER) fputc(' ', heads);
            bool marked = mark[c]; /* its last column holds the mark */
            char name[200];
            snprintf(name, sizeof name, "%.*s", (int)upper[c], head[c]);
            lang_pad(heads, row ? name : head[c] + lower[c], width[c] - marked, true);
            if (marked) fputc(' ', heads);
        }
        if (fclose(heads) != 0) abort();
        while (row && size > 0 && text[size - 1] == ' ') size--; /* the upper line ends at its last name */
        fprintf(out, "%.*s\n", (int)size, text);
        free(text);
    }
    for (size_t i = 0; i < r->n; i++) {
        const struct batch_row *row = &r->rows[i];
        char cell[SWEPT_COLS][40];
        swept_cells(r, i, cell);
        report_cell(out, row->id, id_width, false);
        for (int c = 0; c < SWEPT_COLS; c++) {
            if (c == COL_LEVER2 && !two) continue;
            fprintf(out, "%*s", c == COL_LEVER ? gap + 1 : gap, c == COL_LEVER ? "|" : "");
            if (c == COL_LEVER) fputc(' ', out);
            fprintf(out, "%*s", width[c] - mark[c], cell[c]);
            if (mark[c]) fputc(row->at_edge[c == COL_LEVER2] ? '<' : ' ', out);
        }
        fputc('\n', out);
    }
}

/* Each demand history file the rows read, described once (not once a row, nor once an item of
 * a long export: history_describe_file), in the order of the rows that first read them; past
 * the first FILES_SHOWN, how many more. Then a blank line, if any was. */
static void histories_say(FILE *out, const struct batch_result *r)
{
    enum { FILES_SHOWN = 5 };
    const struct history_info **his = malloc((r->n + 1) * sizeof *his);
    bool *said = calloc(r->n + 1, sizeof *said);
    if (!his || !said) abort();
    size_t files = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (said[i] || !r->rows[i].history) continue;
        size_t n = 0;
        for (size_t k = i; k < r->n; k++)
            if (!said[k] && r->rows[k].history && strcmp(r->rows[k].history->path, r->rows[i].history->path) == 0)
                his[n++] = r->rows[k].history, said[k] = true;
        if (files++ < FILES_SHOWN) history_describe_file(out, his, n, "");
    }
    if (files > FILES_SHOWN) /* TRANSLATORS: after five files described, how many more the rows read */
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            P_("and %zu more demand history file: servlab run with its row's cells as --set "
                               "describes it\n",
                               "and %zu more demand history files: servlab run with a row's cells as --set "
                               "describes each\n",
                               files - FILES_SHOWN),
                            files - FILES_SHOWN);
    if (files) fputc('\n', out);
    free(his);
    free(said);
}

void batch_table(FILE *out, const struct batch_result *r)
{
    char horizon[40], warmup[40];
    char *said = NULL; /* the two lines above the table, wrapped at a terminal's width (long paths) */
    size_t said_len = 0;
    FILE *head = open_memstream(&said, &said_len);
    if (!head) abort();
    fprintf(head, "servlab %s batch — ", SERVLAB_VERSION);
    fprintf(head, _("%s, one variant per row of %s\n"), r->base, r->table);
    char rows[60], reps[160]; /* each count in its own number: "1 row x 2 replications of 366 days" */
    snprintf(rows, sizeof rows, P_("%zu row", "%zu rows", r->n), r->n);
    snprintf(reps, sizeof reps, P_("%u replication of %s days", "%u replications of %s days", r->reps), r->reps,
             num_format(r->horizon_days, horizon, sizeof horizon));
    /* TRANSLATORS: the rows, then the replications, as above */
    fprintf(head, _("%s x %s"), rows, reps);
    if (r->warmup_days > 0)
        fprintf(head, _(" after a %s-day warm-up"), num_format(r->warmup_days, warmup, sizeof warmup));
    fprintf(head, _("; seed %llu. ± is a 95%% confidence half-width.\n\n"), r->seed);
    if (fclose(head) != 0) abort();
    lang_print_wrapped(out, said, LANG_LINE_MAX);
    free(said);
    histories_say(out, r);
    char shown[100]; /* the service column: 满足率 in Chinese, its CSV name in English (report_metric_prose) */
    report_metric_prose(r->service, shown, sizeof shown);
    if (r->swept) {
        swept_table(out, r, shown);
        after_table(out, r);
        return;
    }
    /* the service's column: 12 wide, or its head's wider line where a long head parts in
       two (lang_head_break: "reaction_" above "elsewhere"), the upper line above it */
    size_t lower, upper = lang_head_break(shown, 12, &lower);
    int service_width = lang_head_columns(shown, upper, lower);
    if (service_width < 12) service_width = 12;
    if (upper) {
        char line[200];
        snprintf(line, sizeof line, "%.*s", (int)upper, shown);
        fprintf(out, "%17s", "");
        lang_pad(out, line, service_width, true);
        fputc('\n', out);
    }
    fprintf(out, "%-16s ", "id"); /* id: the table's column of that name */
    lang_pad(out, shown + lower, service_width, true);
    fputc(' ', out);
    lang_pad(out, _("profit/day"), 12, true);
    fputc(' ', out);
    lang_pad(out, "± 95%", 10, true); /* by display width: ± is two bytes but one column */
    fputc('\n', out);
    for (size_t i = 0; i < r->n; i++) {
        const struct batch_row *row = &r->rows[i];
        report_cell(out, row->id, 16, false);
        char sv[40]; /* "n/a" where the service has no data, as in the --sweep table */
        fprintf(out, " %*s %12.2f %10.2f\n", service_width,
                report_percent_or(row->service.mean, 2, "n/a", sv, sizeof sv), row->profit.mean, row->profit.ci95);
    }
    after_table(out, r);
}
