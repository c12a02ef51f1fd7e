/* batch_table.c - the batch table reader of batch_table.h. The header is checked whole
 * first (every column a known key, or "id"), then every row (its number of fields, its
 * cells not empty, its id unique); at most MAX_ROW_REPORTS problems are reported. */
#include "batch_table.h"
#include "csv.h"
#include "fullwidth.h"
#include "keys.h"
#include "suggest.h"
#include "value.h"
#include "lang/lang.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum { MAX_ROW_REPORTS = 10 };

static char *copy_text(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (!c) abort();
    memcpy(c, s, n);
    return c;
}

/* Check a header cell: "id", or SECTION.KEY of a known key. Returns 0, or -1 with the
 * problem (and a suggestion) in err. */
static int check_column(const char *name, char *err, size_t errlen)
{
    const char *dot = strrchr(name, '.');
    char section[120];
    if (dot) snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
    int key = dot && key_section_known(section) ? key_find(section, dot + 1) : -1;
    if (key >= 0) {
        if (key == K_RUN_REPLICATIONS) {
            snprintf(err, errlen, _("'run.replications' cannot vary by row; give every row the same with --reps"));
            return -1;
        }
        return 0;
    }
    /* the nearest SECTION.KEY of a plain section, or the key of that name */
    const char *names[KEY_IDS];
    size_t n = 0;
    for (size_t k = 0; k < key_count; k++)
        if (!key_defs[k].family) names[n++] = key_full_name((enum key_id)k);
    const char *near = suggest_nearest(name, names, n);
    if (!near && !dot)
        for (size_t i = 0; i < n; i++)
            if (strcmp(strrchr(names[i], '.') + 1, name) == 0) near = names[i];
    if (!dot && !near)
        snprintf(err, errlen,
                 /* TRANSLATORS: the column's name twice; '#NAME' is the note column it could be */
                 _("unknown column '%s'; name a key as SECTION.KEY, as --set does (servlab keys lists them), "
                   "call the row's name 'id', or start a note's name with '#' (#%s) to keep it unread"),
                 name, name);
    else if (near)
        snprintf(err, errlen, _("unknown column '%s'; did you mean '%s'?"), name, near);
    else
        snprintf(err, errlen, _("unknown column '%s'; 'servlab keys' lists the keys"), name);
    return -1;
}

/* The key column (an index into r->cols) at the table's field i, or -1: the id or a note. */
static int key_at(const struct batch_table *r, size_t i)
{
    for (size_t k = 0; k < r->ncols; k++)
        if (r->table_col[k] == i + 1) return (int)k;
    return -1;
}

/* A cell such as "1,5" or "97,5%" of a number key in a table separated by semicolons
 * or tabs, as a spreadsheet set to decimal commas saves it: the comma becomes a dot in
 * place, and 0 is returned. Only a single comma between digits is read so; anything
 * else is left to the scenario reader's message. A mark before exactly three digits
 * after one to three that do not start with 0 could group thousands: "2,188" (an English
 * spreadsheet's tab-separated table groups so) and "2.188" (a decimal-comma spreadsheet
 * groups so; the history reader refuses it too) read as 2188 or 2.188: the mark is
 * returned, the cell untouched. */
static int decimal_comma_cell(char *v, const char *col)
{
    const char *dot = strrchr(col, '.');
    char section[120];
    snprintf(section, sizeof section, "%.*s", (int)(dot - col), col);
    int key = key_find(section, dot + 1);
    if (key < 0 || (key_defs[key].type != KEY_NUMBER && key_defs[key].type != KEY_COUNT)) return 0;
    char *p = v + (*v == '-' || *v == '+');
    size_t whole = strspn(p, "0123456789");
    if (whole == 0 || (p[whole] != ',' && p[whole] != '.')) return 0;
    size_t frac = strspn(p + whole + 1, "0123456789");
    const char *rest = p + whole + 1 + frac;
    if (frac == 0 || (*rest && strcmp(rest, "%") != 0)) return 0;
    if (frac == 3 && whole <= 3 && p[0] != '0') return p[whole];
    p[whole] = '.';
    return 0;
}

/* A cell such as "97.5%" or "97.50%" (as a spreadsheet saves a cell formatted as a
 * percentage) of a key that is a share, at most 1 (target_fill_rate, returns.share): the
 * cell becomes the share it means, "0.975" (value_percent_share), so that batch.csv
 * writes it so. Any other cell, a percentage outside 0% to 100% or a service target under
 * 1% (the reader's message quotes it as typed: key_percent_too_small) and a percentage of a key that is no share (a
 * holding cost of "2.5%" a year is not 0.025 a day) are left to the scenario reader. Run after decimal_comma_cell:
 * "97,5%" of a semicolon table is "97.5%" by then. */
static void percent_cell(char *v, size_t size, const char *col)
{
    const char *dot = strrchr(col, '.');
    char section[120];
    snprintf(section, sizeof section, "%.*s", (int)(dot - col), col);
    int key = key_find(section, dot + 1);
    if (key < 0 || !key_def_takes_percent(&key_defs[key])) return;
    char share[CSV_FIELD_LEN];
    if (value_percent_share(v, share, sizeof share) && strtod(share, NULL) >= 0 && strtod(share, NULL) <= 1 &&
        !key_percent_too_small(&key_defs[key], strtod(share, NULL)) && strlen(share) < size)
        memcpy(v, share, strlen(share) + 1);
}

/* The index in key_defs of col, a table's column (SECTION.KEY, a key the header check
 * found: check_column). */
static int column_key(const char *col)
{
    const char *dot = strrchr(col, '.');
    char section[120];
    snprintf(section, sizeof section, "%.*s", (int)(dot - col), col);
    return key_find(section, dot + 1);
}

/* A character typed in full-width mode (reader/fullwidth.h) in record rec: the first is
 * reported as TABLE:ROW:COL (COL the field, as in every message of the table) with its
 * cell's [section] key, and 1 returned; else 0. The header names keys and is checked
 * whole (is_header: rec is it); in a row the id and a history file name may hold any text
 * ("螺栓（M8）"), unless the row has not the header's ncells fields: a full-width comma
 * may be why. */
static int table_fullwidth(const char *path, const struct csv_record *rec, const struct batch_table *r, bool is_header,
                           size_t ncells, FILE *err)
{
    for (size_t i = 0; i < rec->n; i++) {
        int k = is_header ? -1 : key_at(r, i);
        const char *col = k >= 0 ? r->cols[k] : NULL; /* the cell's key as SECTION.KEY */
        bool text = !is_header && (!col || strcmp(col, key_full_name(K_DEMAND_HISTORY)) == 0);
        if (is_header && rec->field[i][0] == '#') continue; /* a note's name: any text, 规格（mm） too */
        struct fullwidth hit;
        if ((!is_header && text && rec->n == ncells) || !fullwidth_find(rec->field[i], strlen(rec->field[i]), &hit))
            continue;
        const char *dot = col ? strrchr(col, '.') : NULL;
        char section[100] = "";
        if (dot) snprintf(section, sizeof section, "%.*s", (int)(dot - col), col);
        char problem[300];
        /* no comments in a table: a '；' separates columns, or in a cell of the header's
           length a list's values or a distribution's parameters ("150；300") */
        int key = dot && rec->n == ncells ? column_key(col) : -1;
        bool list = key >= 0 && (key_defs[key].type == KEY_LIST || key_defs[key].type == KEY_DIST ||
                                 (key_defs[key].flags & KEY_TAKES_PERCENT));
        fullwidth_cell_problem(&hit, dot && key_takes_percent(section, dot + 1), !dot || key_is_share(section, dot + 1),
                               list, problem, sizeof problem);
        if (dot)
            fprintf(err, "%s:%d:%zu: [%.*s] %s: %s\n", path, rec->line, i + 1, (int)(dot - col), col, dot + 1, problem);
        else
            fprintf(err, "%s:%d:%zu: %s\n", path, rec->line, i + 1, problem);
        return 1;
    }
    return 0;
}

int batch_table_read_text(struct batch_table *r, const char *path, const char *text, size_t len, FILE *err)
{
    memset(r, 0, sizeof *r);
    char problem[400];
    struct csv c;
    csv_init(&c, text, len);
    /* a table saved by a spreadsheet set to decimal commas separates its cells with
       semicolons (or tabs): the header, which names keys, says which */
    int both_line = 0;
    char sep = csv_detect_separator(text, len, &both_line);
    if (!sep) {
        fprintf(err, _("%s:%d: the header has both tabs and semicolons; save the table with one separator\n"), path,
                both_line);
        return 2;
    }
    c.sep = sep;
    struct csv_record *rec = malloc(sizeof *rec);
    if (!rec) abort();
    int rc = 0, id_col = -1, blank_line = 0;
    size_t ncells = 0, named = 0, cap = 0, problems = 0;
    bool header = false;
    for (;;) {
        int got = csv_next(&c, rec, problem, sizeof problem);
        if (got == 0) break;
        if (got < 0) {
            fprintf(err, "%s:%s\n", path, problem);
            rc = 2;
            break;
        }
        if (!*r->warning) csv_long_cell(rec, path, r->warning, sizeof r->warning);
        if (rec->blank) {
            if (!blank_line) blank_line = rec->line;
            continue;
        }
        if (blank_line) {
            fprintf(err, _("%s:%d: empty row; remove it (every row is a variant to run)\n"), path, blank_line);
            rc = 2;
            break;
        }
        if (table_fullwidth(path, rec, r, !header, ncells, err)) {
            if (++problems == MAX_ROW_REPORTS || !header) break;
            continue;
        }
        if (!header) { /* the header: id and keys */
            header = true;
            ncells = rec->n;
            /* empty columns after the last name (an empty header and, below, empty cells),
               as a spreadsheet saves columns it once used, are no columns */
            named = rec->n;
            while (named > 0 && !*rec->field[named - 1]) named--;
            r->cols = calloc(rec->n, sizeof *r->cols);
            r->table_col = calloc(rec->n, sizeof *r->table_col);
            if (!r->cols || !r->table_col) abort();
            for (size_t i = 0; i < named && problems < MAX_ROW_REPORTS; i++) {
                const char *name = rec->field[i];
                bool dup = false; /* notes are never read: two '#note' columns are no conflict */
                for (size_t j = 0; j < i && name[0] != '#'; j++)
                    dup |= strcmp(rec->field[j], name) == 0 ||
                           (strcasecmp(rec->field[j], "id") == 0 && strcasecmp(name, "id") == 0);
                if (!*name) {
                    fprintf(err,
                            _("%s:%d:%zu: a column without a name; the header names a key (SECTION.KEY) per "
                              "column\n"),
                            path, rec->line, i + 1);
                    problems++;
                } else if (dup) {
                    fprintf(err, _("%s:%d:%zu: column '%s' appears twice\n"), path, rec->line, i + 1, name);
                    problems++;
                } else if (strcasecmp(name, "id") == 0) {
                    id_col = (int)i;
                    r->has_id = true;
                } else if (name[0] == '#') { /* a note: descriptions, SKUs, comments */
                    continue;
                } else if (check_column(name, problem, sizeof problem) != 0) {
                    fprintf(err, "%s:%d:%zu: %s\n", path, rec->line, i + 1, problem);
                    problems++;
                } else {
                    r->table_col[r->ncols] = i + 1;
                    r->cols[r->ncols++] = copy_text(name);
                }
            }
            if (problems) {
                rc = 2;
                break;
            }
            if (r->ncols == 0) {
                fprintf(err,
                        _("%s:%d: no key columns; the header names the keys each row sets, e.g. "
                          "id,demand.orders_per_day,revenue.price_per_unit\n"),
                        path, rec->line);
                rc = 2;
                break;
            }
            continue;
        }
        /* a row has the header's named columns, and may have its empty ones after them,
           some or all (a hand-edited row without its trailing commas) */
        if (rec->n < named || rec->n > ncells) {
            fprintf(err,
                    P_("%s:%d: %zu field, but the header has %zu columns\n",
                       "%s:%d: %zu fields, but the header has %zu columns\n", rec->n),
                    path, rec->line, rec->n, rec->n < named ? named : ncells);
            if (++problems == MAX_ROW_REPORTS) break;
            continue;
        }
        if (r->n == cap) {
            cap = cap ? 2 * cap : 64;
            r->rows = realloc(r->rows, cap * sizeof *r->rows);
            if (!r->rows) abort();
        }
        struct batch_table_row *row = &r->rows[r->n++];
        memset(row, 0, sizeof *row);
        row->line = rec->line;
        row->values = calloc(r->ncols, sizeof *row->values);
        row->written = calloc(r->ncols, sizeof *row->written);
        if (!row->values || !row->written) abort();
        for (size_t i = 0; i < rec->n; i++) {
            char *v = rec->field[i];
            if (i >= named) { /* a column after the header's last name: empty, or a name is missing */
                if (*v) {
                    fprintf(err,
                            _("%s:%d:%zu: '%s' is in a column without a name; name the column in the header "
                              "(SECTION.KEY, or '#' and a note's name) or clear the cell\n"),
                            path, rec->line, i + 1, v);
                    problems++;
                }
                continue;
            }
            if (key_at(r, i) >= 0 || (int)i == id_col) { /* a note may be of several lines; a value is one */
                if (strchr(v, '\n')) {
                    fprintf(err,
                            _("%s:%d:%zu: the cell holds a line break (its text goes on to the next line); write "
                              "it on one line\n"),
                            path, rec->line, i + 1);
                    problems++;
                    continue;
                }
            }
            if ((int)i == id_col) {
                if (!*v || strlen(v) >= BATCH_ID_LEN) {
                    fprintf(err, _("%s:%d:%zu: column 'id': %s\n"), path, rec->line, i + 1,
                            *v ? _("too long (at most 63 characters)") : _("empty; give every row a name"));
                    problems++;
                }
                snprintf(row->id, sizeof row->id, "%s", v);
                for (size_t j = 0; *v && j + 1 < r->n; j++)
                    if (strcmp(r->rows[j].id, v) == 0) {
                        fprintf(err, _("%s:%d:%zu: column 'id': '%s' is the id of row %d too\n"), path, rec->line,
                                i + 1, v, r->rows[j].line);
                        problems++;
                    }
                continue;
            }
            int k = key_at(r, i);
            if (k < 0) continue;                   /* a note */
            char spreadsheet[CSV_FIELD_LEN + 300]; /* the cell, quoted whole, and what it is */
            if (csv_spreadsheet_error(v, spreadsheet, sizeof spreadsheet)) {
                const char *dot = strrchr(r->cols[k], '.');
                fprintf(err, "%s:%d:%zu: [%.*s] %s: %s\n", path, rec->line, i + 1, (int)(dot - r->cols[k]), r->cols[k],
                        dot + 1, spreadsheet);
                problems++;
                continue;
            }
            int key = column_key(r->cols[k]);
            if (strchr(v, '#') && (key < 0 || key_defs[key].type != KEY_TEXT)) {
                /* "3 # x": a scenario's comment, which a table has not (a column named '#...'
                   is its note); a text key's cell, a file's name, may hold a '#' */
                const char *dot = strrchr(r->cols[k], '.');
                /* TRANSLATORS: a table's place, the cell's section and key, then the cell as
                   written; a note's column is named '#' and a name, such as #note */
                fprintf(err,
                        _("%s:%d:%zu: [%.*s] %s: '%s': '#' starts no comment in a table; write the value alone, and a "
                          "note in a column whose name begins with '#' (such as #note)\n"),
                        path, rec->line, i + 1, (int)(dot - r->cols[k]), r->cols[k], dot + 1, v);
                problems++;
                continue;
            }
            char typed[CSV_FIELD_LEN];
            snprintf(typed, sizeof typed, "%s", v);
            int mark = c.sep != ',' ? decimal_comma_cell(v, r->cols[k]) : 0;
            if (mark) {
                const char *dot = strrchr(r->cols[k], '.');
                char thousands[CSV_FIELD_LEN], decimal[CSV_FIELD_LEN];
                size_t at = strcspn(v, ",.");
                snprintf(thousands, sizeof thousands, "%.*s%s", (int)at, v, v + at + 1);
                snprintf(decimal, sizeof decimal, "%.*s.%s", (int)at, v, v + at + 1);
                fprintf(err,
                        _("%s:%d:%zu: [%.*s] %s: '%s' reads as %s if '%c' separates thousands or as %s if it is the "
                          "decimal mark; write the number meant\n"),
                        path, rec->line, i + 1, (int)(dot - r->cols[k]), r->cols[k], dot + 1, v, thousands, mark,
                        decimal);
                problems++;
            }
            if (!mark) percent_cell(v, CSV_FIELD_LEN, r->cols[k]);
            if (!*v) {
                const char *dot = strrchr(r->cols[k], '.');
                fprintf(err,
                        _("%s:%d:%zu: [%.*s] %s: empty; write a value (an empty cell does not mean the base "
                          "file's value)\n"),
                        path, rec->line, i + 1, (int)(dot - r->cols[k]), r->cols[k], dot + 1);
                problems++;
            }
            row->values[k] = copy_text(v);
            if (strcmp(typed, v) != 0) row->written[k] = copy_text(typed);
        }
        if (!r->has_id) snprintf(row->id, sizeof row->id, "%zu", r->n);
        if (problems >= MAX_ROW_REPORTS) break;
    }
    free(rec);
    if (rc == 0 && problems) rc = 2;
    if (rc == 0 && !header) {
        fprintf(err,
                _("%s: the table is empty; its first row names the keys (SECTION.KEY), each further row is a "
                  "variant\n"),
                path);
        rc = 2;
    }
    if (rc == 0 && r->n == 0) {
        fprintf(err, _("%s: no rows below the header: nothing to run\n"), path);
        rc = 2;
    }
    return rc;
}

int batch_table_read(struct batch_table *t, const char *path, FILE *err)
{
    memset(t, 0, sizeof *t);
    char problem[400];
    size_t len = 0;
    struct csv_encoding read_as;
    char *text = csv_read_table(path, &len, &read_as, problem, sizeof problem);
    if (!text) {
        char near[PATH_MAX];
        if (access(path, F_OK) != 0 && errno == ENOENT && suggest_file(path, ".csv", near, sizeof near)) {
            fprintf(err, "%s: ", path); /* as a missing scenario file is answered (reader/scenario.c) */
            fprintf(err, _("cannot open: %s; did you mean '%s'?"), strerror(ENOENT), near);
            fputc('\n', err);
        } else
            fprintf(err, "%s: %s\n", path, problem);
        return 2;
    }
    if (read_as.gb18030) csv_note_gb18030(err, path, &read_as);
    int rc = batch_table_read_text(t, path, text, len, err);
    free(text);
    return rc;
}

void batch_table_fini(struct batch_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        for (size_t k = 0; t->rows[i].values && k < t->ncols; k++) free(t->rows[i].values[k]);
        for (size_t k = 0; t->rows[i].written && k < t->ncols; k++) free(t->rows[i].written[k]);
        free(t->rows[i].values);
        free(t->rows[i].written);
    }
    for (size_t k = 0; k < t->ncols; k++) free(t->cols[k]);
    free(t->cols);
    free(t->table_col);
    free(t->rows);
    memset(t, 0, sizeof *t);
}
