/* history.c - reading demand histories (history.h) and the process-wide list of
 * those read. The list is only ever appended to, under a lock, and its entries are
 * immutable once published. */
#include "history.h"
#include "history_structure.h"
#include "lang/lang.h"
#include "csv.h"
#include "fullwidth.h"
#include "value.h"
#include "sim/num.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

/* The date of day z (days since 1970-01-01): days_from_civil's inverse (H. Hinnant's
 * civil_from_days). */
static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097), yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

static unsigned month_days(long y, unsigned m)
{
    static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : mdays[m - 1];
}

/* The shapes of a date: YYYY-MM-DD (or YYYY/M/D), A/B/YYYY (or A-B-YYYY: day and month
 * in the order history_date_format says), D.M.YYYY, YYYY-MM (a month); any but the
 * month may be followed by a time of day, " HH:MM" or " HH:MM:SS" (or 'T'). */
enum when_shape { WHEN_NONE, WHEN_YEAR_FIRST, WHEN_YEAR_LAST, WHEN_DOTTED, WHEN_MONTH, WHEN_COMPACT };

struct when {
    enum when_shape shape;
    long y;
    unsigned a, b; /* the two numbers besides the year, as written (a month: a) */
    double frac;   /* the time of day, as a share of the day */
    bool bad_time; /* a time such as 25:00 */
};

/* Read up to max digits at s[*i]; returns how many. */
static size_t read_digits(const char *s, size_t *i, unsigned long *v, size_t max)
{
    size_t n = 0;
    *v = 0;
    while (n < max && s[*i] >= '0' && s[*i] <= '9') *v = *v * 10 + (unsigned long)(s[(*i)++] - '0'), n++;
    return n;
}

/* The shape of text (WHEN_NONE: not a date, perhaps a day number). */
static struct when date_shape(const char *s)
{
    struct when w = {WHEN_NONE, 0, 0, 0, 0, false}, none = w;
    size_t i = 0, n1, n2, n3;
    unsigned long v1, v2, v3;
    n1 = read_digits(s, &i, &v1, 4);
    static const char year[] = "\xe5\xb9\xb4", month[] = "\xe6\x9c\x88", day[] = "\xe6\x97\xa5"; /* 年 月 日 */
    if (n1 == 4 && strncmp(s + i, year, 3) == 0) { /* Chinese Excel's long date: 2026年1月5日, 2026年1月 */
        i += 3;
        if ((n2 = read_digits(s, &i, &v2, 2)) == 0 || strncmp(s + i, month, 3) != 0) return none;
        i += 3;
        if (s[i] == '\0') return (struct when){WHEN_MONTH, (long)v1, (unsigned)v2, 1, 0, false};
        if ((n3 = read_digits(s, &i, &v3, 2)) == 0 || strncmp(s + i, day, 3) != 0) return none;
        i += 3;
        w = (struct when){WHEN_YEAR_FIRST, (long)v1, (unsigned)v2, (unsigned)v3, 0, false};
        goto time_of_day;
    }
    char sep = s[i];
    if (n1 == 0 || (sep != '-' && sep != '/' && sep != '.')) return none;
    i++;
    if ((n2 = read_digits(s, &i, &v2, 2)) == 0) return none;
    if (n1 == 4 && sep != '.' && s[i] == '\0') return (struct when){WHEN_MONTH, (long)v1, (unsigned)v2, 1, 0, false};
    if (s[i] != sep) return none;
    i++;
    n3 = read_digits(s, &i, &v3, 4);
    if (n1 == 4 && n3 >= 1 && n3 <= 2) /* 2024-1-5, 2024/1/5, 2024.1.5 (a Chinese export's form) */
        w = (struct when){WHEN_YEAR_FIRST, (long)v1, (unsigned)v2, (unsigned)v3, 0, false};
    else if (n1 <= 2 && n3 == 4)
        w = (struct when){sep == '.' ? WHEN_DOTTED : WHEN_YEAR_LAST, (long)v3, (unsigned)v1, (unsigned)v2, 0, false};
    else
        return none;
time_of_day:
    if (s[i] == ' ' || s[i] == 'T') { /* a time of day */
        unsigned long h, m, sec = 0;
        i++;
        if (read_digits(s, &i, &h, 2) == 0 || s[i++] != ':' || read_digits(s, &i, &m, 2) != 2) return none;
        if (s[i] == ':' && (i++, read_digits(s, &i, &sec, 2) != 2)) return none;
        w.bad_time = h > 23 || m > 59 || sec > 59;
        w.frac = (double)(h * 3600 + m * 60 + sec) / 86400.0;
    }
    return s[i] == '\0' ? w : none;
}

/* Is text 8 digits starting 19 or 20, as SAP and many ERPs write a date YYYYMMDD (20260105)? */
static bool compact_like(const char *text)
{
    return strlen(text) == 8 && strspn(text, "0123456789") == 8 &&
           (strncmp(text, "19", 2) == 0 || strncmp(text, "20", 2) == 0);
}

/* The shape of text as a date YYYYMMDD (WHEN_COMPACT), read so only where every row's day
 * is written so (reader.compact_dates): alone, 20240101 could be a day number. */
static struct when compact_shape(const char *text)
{
    struct when w = {WHEN_NONE, 0, 0, 0, 0, false};
    if (!compact_like(text)) return w;
    w.shape = WHEN_COMPACT;
    w.y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    w.a = (unsigned)((text[4] - '0') * 10 + (text[5] - '0'));
    w.b = (unsigned)((text[6] - '0') * 10 + (text[7] - '0'));
    return w;
}

/* The day (days since 1970-01-01) of a date of shape w, written text, with day and month
 * in the order `order` where the year is last. Returns 0, or -1 with the problem. */
static int date_day(const struct when *w, const char *text, enum history_date_format order, double *day, char *err,
                    size_t errlen)
{
    unsigned m = w->a, d = w->b;
    const char *form = "YYYY-MM-DD";
    if (w->shape == WHEN_YEAR_LAST) {
        form = order == HISTORY_DATES_MDY ? "M/D/YYYY (history_date_format = MDY)"
                                          : "D/M/YYYY (history_date_format = DMY)";
        if (order != HISTORY_DATES_MDY) m = w->b, d = w->a;
    } else if (w->shape == WHEN_DOTTED) {
        form = order == HISTORY_DATES_MDY ? "M.D.YYYY (history_date_format = MDY)" : "D.M.YYYY";
        if (order != HISTORY_DATES_MDY) m = w->b, d = w->a;
    } else if (w->shape == WHEN_MONTH) {
        form = "YYYY-MM";
    } else if (w->shape == WHEN_COMPACT) {
        form = "YYYYMMDD";
    }
    if (m < 1 || m > 12 || d < 1 || w->bad_time) {
        snprintf(err, errlen, _("'%s' is not a date (%s)"), text, form);
        return -1;
    }
    if (d > month_days(w->y, m)) { /* the right form, a day the month does not have */
        /* TRANSLATORS: a month as named before its year ("February 2024"); zh: 2月 */
        static const char *const month_names[] = {N_("January"),   N_("February"), N_("March"),    N_("April"),
                                                  N_("May"),       N_("June"),     N_("July"),     N_("August"),
                                                  N_("September"), N_("October"),  N_("November"), N_("December")};
        /* TRANSLATORS: the date as written, the month's name, the year, its number of days:
           "'2024-02-30': February 2024 has 29 days" */
        snprintf(err, errlen, _("'%s': %s %ld has %u days"), text, _(month_names[m - 1]), w->y, month_days(w->y, m));
        return -1;
    }
    *day = (double)days_from_civil(w->y, m, d);
    return 0;
}

/* ---- reading ---- */

struct row {
    double day; /* as written: a day number, or days since 1970 (the period's first day) */
    double units;
    int line;
};

enum { COL_DATE, COL_QUANTITY, COL_ITEM, COLS };

struct reader {
    const char *path;
    char *err;
    size_t errlen;
    const struct history_options *opt;
    char sep;                        /* the field separator, given or detected */
    size_t nfields;                  /* fields in a row: those of the first */
    int first_line;                  /* the first row's line */
    bool header;                     /* the first row is a header */
    bool keyed;                      /* a column key is given: rows may have any number of fields */
    bool trailing;                   /* a two-column file with empty columns after (empty header and cells) */
    size_t col[COLS];                /* 0-based; col[COL_ITEM] only with an item column */
    char names[COLS][CSV_FIELD_LEN]; /* the columns' headers, or "day", "quantity", "item" */
    bool decimal_comma;              /* settled */
    enum history_date_format order;  /* settled: DMY or MDY (AUTO: no date with the year last) */
    bool span_seen;                  /* a long file (history_item): its first and last day over */
    double span_first, span_last;    /* every item's rows, read or not */
    char warning[600];               /* history_info's warning */
    bool compact_dates;              /* settled: every row's day is 8 digits YYYYMMDD (compact_shape) */
    char compact_first[16];          /* then the file's first day, as written */
    int other_day_line;              /* else the first row whose day is not, its day in other_day */
    char other_day[CSV_FIELD_LEN];
    bool newest_first; /* the item's rows go newest first (own_rows_end reverses them) */
    /* history_item_column without history_quantity_column: the quantity's column found
       (-1 before), how; pending while the first pass looks for the only column of numbers
       among candidates (bits: columns), noting those with a cell that is not a number
       (not_numeric) and those with a cell at all (has_value) */
    int quantity_found;
    enum history_quantity_how quantity_how;
    bool date_by_header; /* history_date_column not set and column 1 not the date's: found by its header (find_date) */
    bool whole_file;     /* the file's index is built for every item, none chosen yet (history_check_file) */
    bool quantity_pending;
    uint64_t candidates, not_numeric, has_value;
    /* without history_item_column: a header cell that names items (item_column_of), -1
       if none, and what the item rows read show of it: the first row's item and the
       first other item, with their lines (several items: said, item_rows_said); whole
       cells, which an item is compared as */
    int item_guess;
    char item_first[CSV_FIELD_LEN], item_other[CSV_FIELD_LEN], item_last[CSV_FIELD_LEN];
    int item_first_line, item_other_line;
};

/* The shape of a day cell as the file's dates are settled: YYYYMMDD where every row's is. */
static struct when day_shape(const struct reader *rd, const char *text)
{
    return rd->compact_dates && compact_like(text) ? compact_shape(text) : date_shape(text);
}

/* Widen the long file's span to the day of record r (another item's row: a date that does
 * not read is that item's problem, not this one's), read as pass reads its own rows: a
 * monthly row at its month's 1st, a week number k at day 7k. */
static void note_span(struct reader *rd, const struct csv_record *r)
{
    const char *dtext = r->field[rd->col[COL_DATE]];
    struct when w = day_shape(rd, dtext);
    double day;
    char problem[200];
    if (w.shape != WHEN_NONE ? date_day(&w, dtext, rd->order, &day, problem, sizeof problem) != 0
                             : value_number(dtext, &day, problem, sizeof problem) != 0)
        return;
    day = floor(day);
    if (rd->opt->period == HISTORY_PERIOD_MONTH && w.shape != WHEN_NONE) {
        long y;
        unsigned m, d;
        civil_from_days((long)day, &y, &m, &d);
        day = (double)days_from_civil(y, m, 1);
    } else if (rd->opt->period == HISTORY_PERIOD_WEEK && w.shape == WHEN_NONE)
        day *= 7;
    if (!rd->span_seen || day < rd->span_first) rd->span_first = day;
    if (!rd->span_seen || day > rd->span_last) rd->span_last = day;
    rd->span_seen = true;
}

/* "PATH:ROW:COL: column 'NAME': ..." for column which (COL_*), "PATH:ROW: ..." for -1 */
static int fail_at(struct reader *rd, int line, int which, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int fail_at(struct reader *rd, int line, int which, const char *fmt, ...)
{
    size_t n = which >= 0 ? (size_t)snprintf(rd->err, rd->errlen, _("%s:%d:%d: column '%s': "), rd->path, line,
                                             (int)rd->col[which] + 1, rd->names[which])
                          : (size_t)snprintf(rd->err, rd->errlen, "%s:%d: ", rd->path, line);
    if (n < rd->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(rd->err + n, rd->errlen - n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* value_number's problem without its hint about units in key names, which a CSV
 * column does not have. */
static const char *plain_problem(char *problem)
{
    char *hint = strstr(problem, value_unit_hint());
    if (hint) *hint = '\0';
    return problem;
}

/* Would text be a number if its marks (',' '.' and spaces) were read one way or another? */
static bool number_like(const char *text)
{
    char plain[CSV_FIELD_LEN], problem[300];
    size_t k = 0;
    for (const char *p = text; *p && k + 1 < sizeof plain; p++)
        if (*p != ',' && *p != '.' && *p != ' ') plain[k++] = *p;
    plain[k] = '\0';
    double x;
    return value_number(plain, &x, problem, sizeof problem) == 0;
}

/* A header cell on one line, in out (n bytes): a line break in it (a quoted header over two
 * lines, as Excel writes Alt+Enter) as a blank, so that history_*_column can name it. */
static const char *one_line(const char *cell, char *out, size_t n)
{
    snprintf(out, n, "%s", cell);
    for (char *p = out; *p; p++)
        if (*p == '\n') *p = ' ';
    return out;
}

/* Column `given` (a header name or a 1-based number; "" for dflt) of the first row r,
 * named by the key `key` in messages. Returns 0, or -1 reported. */
static int find_column(struct reader *rd, const struct csv_record *r, const char *key, const char *given, size_t dflt,
                       size_t *col)
{
    if (!*given) {
        *col = dflt;
        if (dflt < r->n) return 0;
        return fail_at(rd, r->line, -1, _("%zu fields; set %s (a header name or a column number from 1)"), r->n, key);
    }
    size_t digits = strspn(given, "0123456789");
    if (given[digits] == '\0') {
        unsigned long k = strtoul(given, NULL, 10);
        if (k >= 1 && k <= r->n) {
            *col = k - 1;
            return 0;
        }
        return fail_at(rd, r->line, -1, _("%s = %s, but the rows have %zu columns"), key, given, r->n);
    }
    char name[CSV_FIELD_LEN];
    for (size_t i = 0; i < r->n; i++)
        if (strcasecmp(one_line(r->field[i], name, sizeof name), given) == 0) {
            *col = i;
            rd->header = true;
            return 0;
        }
    char have[600] = "";
    size_t used = 0;
    for (size_t i = 0; i < r->n && used < sizeof have; i++)
        used += (size_t)snprintf(have + used, sizeof have - used, "%s'%s'", i ? ", " : "",
                                 one_line(r->field[i], name, sizeof name));
    return fail_at(rd, r->line, -1, _("%s = %s: the first row has no column of that name; it has %s"), key, given,
                   have);
}

/* What a header cell names, by words found anywhere in it (ASCII case ignored), so that
 * a two-column export with its quantity first (`qty,date`, `销量,日期`, `orders,day`) is
 * read by its header, not by position. A cell with words of both kinds (`units_per_day`)
 * names neither, and neither does a header servlab does not recognise. The words of
 * KIND_COUNT name a quantity only in a cell without a date word: they are also what a
 * date column is of (`order_date`, `订单日期`), and such a cell stays the date it was. */
enum column_kind { KIND_UNKNOWN, KIND_DATE, KIND_QUANTITY, KIND_COUNT };

static const struct {
    const char *word;
    enum column_kind kind;
} header_words[] = {
    {"order", KIND_COUNT},     {"count", KIND_COUNT},     {"pcs", KIND_COUNT},      {"piece", KIND_COUNT},
    {"订单", KIND_COUNT},      {"单量", KIND_COUNT},      {"出库", KIND_COUNT},     {"发货", KIND_COUNT},
    {"个数", KIND_COUNT},      {"笔数", KIND_COUNT},      {"date", KIND_DATE},      {"day", KIND_DATE},
    {"week", KIND_DATE},       {"month", KIND_DATE},      {"time", KIND_DATE},      {"period", KIND_DATE},
    {"datum", KIND_DATE},      {"fecha", KIND_DATE},      {"日期", KIND_DATE},      {"时间", KIND_DATE},
    {"周", KIND_DATE},         {"月份", KIND_DATE},       {"qty", KIND_QUANTITY},   {"quantit", KIND_QUANTITY},
    {"unit", KIND_QUANTITY},   {"demand", KIND_QUANTITY}, {"sales", KIND_QUANTITY}, {"sold", KIND_QUANTITY},
    {"amount", KIND_QUANTITY}, {"volume", KIND_QUANTITY}, {"menge", KIND_QUANTITY}, {"cantidad", KIND_QUANTITY},
    {"数量", KIND_QUANTITY},   {"销量", KIND_QUANTITY},   {"需求", KIND_QUANTITY},  {"件", KIND_QUANTITY},
};

static enum column_kind header_kind(const char *cell)
{
    char lower[CSV_FIELD_LEN];
    size_t k = 0;
    for (; cell[k] && k + 1 < sizeof lower; k++)
        lower[k] = (char)(cell[k] >= 'A' && cell[k] <= 'Z' ? cell[k] - 'A' + 'a' : cell[k]);
    lower[k] = '\0';
    bool date = false, quantity = false, count = false;
    for (size_t i = 0; i < sizeof header_words / sizeof header_words[0]; i++)
        if (strstr(lower, header_words[i].word)) {
            date |= header_words[i].kind == KIND_DATE;
            quantity |= header_words[i].kind == KIND_QUANTITY;
            count |= header_words[i].kind == KIND_COUNT;
        }
    if (count && !date) quantity = true;
    return date == quantity ? KIND_UNKNOWN : date ? KIND_DATE : KIND_QUANTITY;
}

/* Words of a header cell that names an item (a code first: it is what history_item matches
 * best; a name column is the next best). */
static const char *const item_words[] = {"编码", "sku",  "code", "物料",    "商品",    "产品",
                                         "货品", "品名", "item", "product", "article", "material"};

/* The column of header r that names items, by item_words (the first word found in any
 * cell that names neither a date nor a quantity), or -1. */
static int item_column_of(const struct csv_record *r)
{
    for (size_t w = 0; w < sizeof item_words / sizeof item_words[0]; w++)
        for (size_t i = 0; i < r->n; i++) {
            char lower[CSV_FIELD_LEN];
            size_t k = 0;
            for (; r->field[i][k] && k + 1 < sizeof lower; k++) lower[k] = (char)tolower((unsigned char)r->field[i][k]);
            lower[k] = '\0';
            if (header_kind(r->field[i]) == KIND_UNKNOWN && strstr(lower, item_words[w])) return (int)i;
        }
    return -1;
}

/* The first two columns of header r outside skip (a bit a column) whose header names kind
 * (header_kind), into *first and *second; -1 where there is none. */
static void columns_named(const struct csv_record *r, enum column_kind kind, uint64_t skip, int *first, int *second)
{
    *first = *second = -1;
    for (size_t i = 0; i < r->n && *second < 0; i++) {
        if ((skip >> i & 1) || header_kind(r->field[i]) != kind) continue;
        if (*first < 0)
            *first = (int)i;
        else
            *second = (int)i;
    }
}

/* With history_item_column but not history_quantity_column, the quantity's column of a
 * first row r of 3 columns or more: the one found by an earlier pass; else the one column
 * besides the date's and the item's whose header names a quantity (header_kind); else left
 * pending, the first such column read meanwhile, for the first pass to find the only one
 * that holds numbers (choose_quantity). Returns 0, or -1 reported: two columns whose
 * headers name a quantity. */
static int find_quantity(struct reader *rd, const struct csv_record *r)
{
    if (rd->quantity_found >= 0) {
        rd->col[COL_QUANTITY] = (size_t)rd->quantity_found;
        return 0;
    }
    size_t date = rd->col[COL_DATE], item = rd->col[COL_ITEM];
    char day[CSV_FIELD_LEN], name[CSV_FIELD_LEN], other[CSV_FIELD_LEN];
    fullwidth_fold(r->field[date], day, sizeof day);
    bool header = rd->header || (!number_like(day) && date_shape(day).shape == WHEN_NONE);
    int first = -1, second = -1, candidate = -1;
    rd->candidates = rd->not_numeric = rd->has_value = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (i == date || i == item) continue;
        rd->candidates |= (uint64_t)1 << i;
        if (candidate < 0) candidate = (int)i;
    }
    if (header) columns_named(r, KIND_QUANTITY, ~rd->candidates, &first, &second);
    if (second >= 0)
        return fail_at(rd, r->line, -1,
                       _("history_item_column is set but not history_quantity_column, and the headers of column %d "
                         "('%s') and column %d ('%s') both name a quantity; set history_quantity_column to the one to "
                         "read"),
                       first + 1, one_line(r->field[first], name, sizeof name), second + 1,
                       one_line(r->field[second], other, sizeof other));
    if (first >= 0) {
        rd->quantity_found = first;
        rd->quantity_how = HISTORY_QUANTITY_BY_HEADER;
        rd->col[COL_QUANTITY] = (size_t)first;
        return 0;
    }
    rd->quantity_pending = true;
    rd->col[COL_QUANTITY] = (size_t)candidate;
    return 0;
}

/* Without history_date_column, the date's column of a header r of 3 columns or more whose
 * first column is not the date's: the item's (history_item_column), or one whose header's
 * words name a quantity (`qty,sku,date`): the one other column whose header names a date
 * (header_kind). Returns 1 if found (rd->col[COL_DATE] set), 0 if none is (the caller
 * says so, or reads column 1 as before), or -1 reported: two columns whose headers name a
 * date. */
static int find_date(struct reader *rd, const struct csv_record *r)
{
    const struct history_options *o = rd->opt;
    char day[CSV_FIELD_LEN], name[CSV_FIELD_LEN], other[CSV_FIELD_LEN];
    fullwidth_fold(r->field[0], day, sizeof day);
    if (r->n <= 2 || number_like(day) || date_shape(day).shape != WHEN_NONE) return 0; /* no header */
    int first, second;
    uint64_t skip = 1; /* column 1, and the item's and the quantity's when named */
    if (*o->item_column && rd->col[COL_ITEM] < 64) skip |= (uint64_t)1 << rd->col[COL_ITEM];
    if (*o->quantity_column && rd->col[COL_QUANTITY] < 64) skip |= (uint64_t)1 << rd->col[COL_QUANTITY];
    columns_named(r, KIND_DATE, skip, &first, &second);
    if (second >= 0)
        return fail_at(rd, r->line, -1,
                       _("history_date_column is not set, column 1 ('%s') is not the date's, and the headers of "
                         "column %d ('%s') and column %d ('%s') both name a date; set history_date_column to the one "
                         "to read"),
                       one_line(r->field[0], day, sizeof day), first + 1, one_line(r->field[first], name, sizeof name),
                       second + 1, one_line(r->field[second], other, sizeof other));
    if (first < 0) return 0;
    rd->col[COL_DATE] = (size_t)first;
    rd->header = true;
    rd->date_by_header = true;
    return 1;
}

/* The candidates for the quantity's column in mask, from the first record of text
 * (len bytes): "'单价', '出库数量'" by their headers, or "3, 4" by number, in out. */
static void column_list(const struct reader *rd, const char *text, size_t len, uint64_t mask, char *out, size_t n)
{
    struct csv c;
    csv_init(&c, text, len);
    c.sep = rd->sep;
    struct csv_record *r = malloc(sizeof *r);
    if (!r) abort();
    char problem[300], name[CSV_FIELD_LEN];
    size_t used = 0;
    *out = '\0';
    while (csv_next(&c, r, problem, sizeof problem) > 0 && r->blank) continue;
    for (size_t i = 0; i < CSV_FIELDS_MAX && used < n; i++)
        if (mask & ((uint64_t)1 << i))
            used += rd->header && i < r->n ? (size_t)snprintf(out + used, n - used, "%s'%s'", used ? ", " : "",
                                                              one_line(r->field[i], name, sizeof name))
                                           : (size_t)snprintf(out + used, n - used, "%s%zu", used ? ", " : "", i + 1);
    free(r);
}

/* After the first pass, the quantity's column left pending by find_quantity: the only
 * candidate whose cells are all numbers. Returns 0, or -1 reported (none, or several). */
static int choose_quantity(struct reader *rd, const char *text, size_t len)
{
    uint64_t numbers = rd->candidates & rd->has_value & ~rd->not_numeric;
    char list[600];
    rd->quantity_pending = false;
    if (numbers && !(numbers & (numbers - 1))) {
        int k = 0;
        while (!(numbers & ((uint64_t)1 << k))) k++;
        rd->quantity_found = k;
        rd->quantity_how = HISTORY_QUANTITY_BY_NUMBERS;
        return 0;
    }
    if (numbers) {
        column_list(rd, text, len, numbers, list, sizeof list);
        return fail_at(rd, rd->first_line, -1,
                       _("history_item_column is set but not history_quantity_column, and more than one column "
                         "besides the date's and the item's holds only numbers (%s); set history_quantity_column to "
                         "the quantity's (a header name or a column number from 1)"),
                       list);
    }
    column_list(rd, text, len, rd->candidates, list, sizeof list);
    return fail_at(rd, rd->first_line, -1,
                   _("history_item_column is set but not history_quantity_column, and no column besides the date's "
                     "and the item's holds only numbers (%s); set history_quantity_column to the quantity's (a "
                     "header name or a column number from 1)"),
                   list);
}

/* The first row r: the separator's columns and whether it is a header. Returns 0 or -1. */
static int first_row(struct reader *rd, const struct csv_record *r)
{
    const struct history_options *o = rd->opt;
    rd->nfields = r->n;
    rd->first_line = r->line;
    rd->keyed = *o->date_column || *o->quantity_column || *o->item_column;
    size_t used = r->n; /* without empty columns at the end, as spreadsheets save them (`date,qty,,`) */
    while (used > 2 && !*r->field[used - 1]) used--;
    rd->trailing = !rd->keyed && used == 2 && r->n > 2;
    if (!rd->keyed && used != 2) return 1; /* the row-length message, with the row */
    if (find_column(rd, r, "history_date_column", o->date_column, 0, &rd->col[COL_DATE]) != 0 ||
        find_column(rd, r, "history_quantity_column", o->quantity_column, 1, &rd->col[COL_QUANTITY]) != 0)
        return -1;
    if (*o->item_column) {
        if (find_column(rd, r, "history_item_column", o->item_column, 0, &rd->col[COL_ITEM]) != 0) return -1;
        if (!*o->item && !rd->whole_file)
            return fail_at(rd, r->line, -1, _("history_item_column is given: set history_item to the item to read"));
        /* 物料编码,日期,出库数量 or qty,sku,date: the date by its header */
        if (!*o->date_column &&
            (rd->col[COL_ITEM] == 0 || (*o->quantity_column && rd->col[COL_QUANTITY] == 0) ||
             header_kind(r->field[0]) == KIND_QUANTITY) &&
            find_date(rd, r) < 0)
            return -1;
        if (!*o->date_column && rd->col[COL_ITEM] == rd->col[COL_DATE]) /* 物料编码,日期,出库数量 */
            return fail_at(rd, r->line, -1,
                           _("history_item_column = %s is column %zu, where the date is read when "
                             "history_date_column is not set; set history_date_column to the date's column (a header "
                             "name or a column number from 1)"),
                           o->item_column, rd->col[COL_DATE] + 1);
        if (!*o->quantity_column && r->n <= 2 && rd->col[COL_ITEM] == rd->col[COL_QUANTITY]) /* 日期,物料编码 */
            return fail_at(rd, r->line, -1,
                           _("history_item_column = %s is column %zu, where the quantity is read when "
                             "history_quantity_column is not set, and the file has no other column for it; each row "
                             "needs its quantity: export the quantity's column too and set history_quantity_column "
                             "to it (a header name or a column number from 1)"),
                           o->item_column, rd->col[COL_QUANTITY] + 1);
        if (!*o->quantity_column && r->n > 2 && find_quantity(rd, r) != 0) return -1;
    }
    if (!rd->header) { /* a first row whose day and quantity are neither dates nor numbers is the header */
        char day[CSV_FIELD_LEN], units[CSV_FIELD_LEN];
        fullwidth_fold(r->field[rd->col[COL_DATE]], day, sizeof day);
        fullwidth_fold(r->field[rd->col[COL_QUANTITY]], units, sizeof units);
        struct when w = date_shape(day);
        rd->header = !number_like(units) && !number_like(day) && w.shape == WHEN_NONE;
    }
    if (rd->header && !rd->keyed && header_kind(r->field[0]) == KIND_QUANTITY &&
        header_kind(r->field[1]) == KIND_DATE) {
        rd->col[COL_DATE] = 1;
        rd->col[COL_QUANTITY] = 0;
    }
    if (rd->header)
        for (int k = 0; k < COLS; k++)
            if (k != COL_ITEM || *o->item_column) one_line(r->field[rd->col[k]], rd->names[k], sizeof rd->names[k]);
    if (rd->header && !*o->item_column) { /* an export of several items, read whole? (item_rows) */
        int i = item_column_of(r);
        if (i >= 0 && (size_t)i != rd->col[COL_DATE] && (size_t)i != rd->col[COL_QUANTITY]) {
            rd->item_guess = i;
            rd->col[COL_ITEM] = (size_t)i;
            one_line(r->field[i], rd->names[COL_ITEM], sizeof rd->names[COL_ITEM]);
        }
    }
    return 0;
}

/* Whether the n bytes at text[at] stand between two digits (1 234). */
static bool between_digits(const char *text, size_t at, size_t n)
{
    return at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9' && text[at + n] >= '0' && text[at + n] <= '9';
}

/* The bytes of a no-break space at p, as French Excel groups thousands (U+00A0, or the
 * narrow U+202F), or 0. */
static size_t nbsp_bytes(const char *p)
{
    return strncmp(p, "\xc2\xa0", 2) == 0 ? 2 : strncmp(p, "\xe2\x80\xaf", 3) == 0 ? 3 : 0;
}

/* A character typed in full-width mode (reader/fullwidth.h) in a data row: the first,
 * in the day or quantity column (item ids may hold any text), or anywhere in a row of
 * the wrong length, since a full-width comma may be why. In the first row of a shape
 * that is no history's (first: first_row's 1, header or not, its columns are not known),
 * a cell of several is named as written, and a row of one cell with no column. Returns -1
 * if reported, else 0. */
static int fullwidth_row(struct reader *rd, const struct csv_record *r, bool first)
{
    char problem[300];
    bool whole = r->n != rd->nfields;
    for (size_t i = 0; i < r->n; i++) {
        int which = i == rd->col[COL_DATE] ? COL_DATE : i == rd->col[COL_QUANTITY] ? COL_QUANTITY : -1;
        if (first) which = i < 2 ? COL_DATE : -1; /* the day's and quantity's cells, were it a history's */
        if (which < 0 && !whole) continue;
        struct fullwidth hit;
        const char *text = r->field[i];
        size_t len = strlen(text), at = 0;
        /* a no-break space groups thousands where history_thousands = space says so
           (read_quantity takes it), as French and Russian Excel write 1 234 */
        bool spaces_group = which == COL_QUANTITY && rd->opt->thousands == HISTORY_THOUSANDS_SPACE;
        /* between digits, it groups them in any case: read_quantity names history_thousands */
        while (fullwidth_find(text + at, len - at, &hit) && which == COL_QUANTITY && hit.code == 0xA0 &&
               (spaces_group || between_digits(text, at + hit.offset, fullwidth_bytes(&hit))))
            at += hit.offset + fullwidth_bytes(&hit);
        if (!fullwidth_find(text + at, len - at, &hit)) continue;
        fullwidth_cell_problem(&hit, false, false, false, problem, sizeof problem);
        if (first && r->n == 1) return fail_at(rd, r->line, -1, "%s", problem);
        if (first) {
            char name[CSV_FIELD_LEN];
            snprintf(rd->err, rd->errlen, _("%s:%d:%d: column '%s': "), rd->path, r->line, (int)i + 1,
                     one_line(text, name, sizeof name));
            size_t used = strlen(rd->err);
            if (used < rd->errlen) snprintf(rd->err + used, rd->errlen - used, "%s", problem);
            return -1;
        }
        return fail_at(rd, r->line, which, "%s", problem);
    }
    return 0;
}

/* What a quantity shows of the decimal mark: nothing, a proof of either mark, or a comma
 * or dot followed by exactly three digits (2,400: 2400 or 2.4). */
enum mark_evidence { MARK_NONE, MARK_DOT, MARK_COMMA, MARK_DOT_OR_THOUSANDS, MARK_COMMA_OR_THOUSANDS };

static enum mark_evidence mark_evidence(const char *text)
{
    const char *last = NULL;
    size_t marks = 0;
    for (const char *p = text; *p; p++)
        if (*p == ',' || *p == '.') last = p, marks++;
    if (!last || !(last > text && last[-1] >= '0' && last[-1] <= '9')) return MARK_NONE;
    size_t after = strspn(last + 1, "0123456789");
    if (after == 0 || last[1 + after] != '\0') return MARK_NONE;
    if (marks == 1 && after == 3) { /* '2.400' groups thousands only after 1 to 3 digits that do not start with 0 */
        const char *whole = text + (*text == '-' || *text == '+');
        size_t digits = strspn(whole, "0123456789");
        if (whole + digits == last && digits >= 1 && digits <= 3 && *whole != '0')
            return *last == ',' ? MARK_COMMA_OR_THOUSANDS : MARK_DOT_OR_THOUSANDS;
    }
    return *last == ',' ? MARK_COMMA : MARK_DOT;
}

/* What the rows show, over every row (every item's: one file, one way of writing). */
struct evidence {
    int dot_line, comma_line, ambiguous_line, dot_ambiguous_line; /* the first row of each */
    char dot[CSV_FIELD_LEN], comma[CSV_FIELD_LEN], ambiguous[CSV_FIELD_LEN], dot_ambiguous[CSV_FIELD_LEN];
    int dmy_line, mdy_line, either_line; /* dates with the year last */
    char dmy[CSV_FIELD_LEN], mdy[CSV_FIELD_LEN], either[CSV_FIELD_LEN];
    int compact_line, other_day_line; /* days written YYYYMMDD (compact_like), and not */
    char compact[CSV_FIELD_LEN], other_day[CSV_FIELD_LEN];
};

static void note(int *line, char *text, int at, const char *what)
{
    if (*line) return;
    *line = at;
    snprintf(text, CSV_FIELD_LEN, "%s", what);
}

static void gather(struct evidence *ev, struct reader *rd, const struct csv_record *r)
{
    char cell[CSV_FIELD_LEN];
    for (size_t i = 0; rd->quantity_pending && i < r->n; i++) { /* find_quantity's candidates */
        uint64_t bit = (uint64_t)1 << i;
        if (!(rd->candidates & bit)) continue;
        fullwidth_fold(r->field[i], cell, sizeof cell);
        if (!*cell) continue;
        rd->has_value |= bit;
        if (!number_like(cell)) rd->not_numeric |= bit;
    }
    if (r->n != rd->nfields) return;
    const char *q = r->field[rd->col[COL_QUANTITY]], *d = r->field[rd->col[COL_DATE]];
    switch (mark_evidence(q)) {
    case MARK_DOT: note(&ev->dot_line, ev->dot, r->line, q); break;
    case MARK_COMMA: note(&ev->comma_line, ev->comma, r->line, q); break;
    case MARK_COMMA_OR_THOUSANDS: note(&ev->ambiguous_line, ev->ambiguous, r->line, q); break;
    case MARK_DOT_OR_THOUSANDS: note(&ev->dot_ambiguous_line, ev->dot_ambiguous, r->line, q); break;
    default: break;
    }
    if (compact_like(d))
        note(&ev->compact_line, ev->compact, r->line, d);
    else if (*d)
        note(&ev->other_day_line, ev->other_day, r->line, d);
    struct when w = date_shape(d);
    if (w.shape != WHEN_YEAR_LAST) return;
    if (w.a > 12 && w.b <= 12) note(&ev->dmy_line, ev->dmy, r->line, d);
    if (w.b > 12 && w.a <= 12) note(&ev->mdy_line, ev->mdy, r->line, d);
    if (w.a <= 12 && w.b <= 12 && w.a != w.b && w.a >= 1 && w.b >= 1) note(&ev->either_line, ev->either, r->line, d);
}

/* text has one `mark` (',' or '.') and no other: when it reads as a number both ways,
 * "'2,400' reads as 2400 if ',' separates thousands ... or as 2.4 if it is the decimal
 * mark ..." in problem (n bytes), and true; else false. */
static bool two_readings(const char *text, char mark, char *problem, size_t n)
{
    char grouped[CSV_FIELD_LEN], decimal[CSV_FIELD_LEN], why[200], shown_t[40], shown_d[40];
    size_t t = 0, d = 0;
    for (const char *p = text; *p && t + 1 < sizeof grouped; p++) {
        if (*p != mark) grouped[t++] = *p;
        decimal[d++] = *p == mark ? '.' : *p;
    }
    grouped[t] = decimal[d] = '\0';
    double x, y;
    if (value_number(decimal, &x, why, sizeof why) != 0 || value_number(grouped, &y, why, sizeof why) != 0)
        return false;
    snprintf(problem, n,
             _("'%s' reads as %s if '%c' separates thousands (set history_thousands = %c) or as %s if "
               "it is the decimal mark (set history_decimal = %s)"),
             text, num_format(y, shown_t, sizeof shown_t), mark, mark, num_format(x, shown_d, sizeof shown_d),
             mark == ',' ? "comma" : "dot");
    return true;
}

/* Settle the decimal mark and the order of day and month from what the rows show,
 * where the options leave them open. Returns 0, or -1 reported. */
static int settle(struct reader *rd, const struct evidence *ev)
{
    const struct history_options *o = rd->opt;
    rd->decimal_comma = o->decimal == HISTORY_DECIMAL_COMMA || o->thousands == HISTORY_THOUSANDS_DOT;
    if (o->decimal == HISTORY_DECIMAL_AUTO && o->thousands != HISTORY_THOUSANDS_COMMA &&
        o->thousands != HISTORY_THOUSANDS_DOT) {
        if (ev->dot_line && ev->comma_line)
            return fail_at(rd, ev->comma_line, COL_QUANTITY,
                           _("'%s' has a decimal comma, but row %d has '%s' with a decimal dot; set "
                             "history_decimal = comma or dot (and history_thousands if the other mark separates "
                             "thousands)"),
                           ev->comma, ev->dot_line, ev->dot);
        rd->decimal_comma = ev->comma_line != 0;
        /* '1.234' in a semicolon file (the European Excel's, where ',' is the decimal mark)
           with no decimal dot elsewhere: as often 1234 as 1.234, so it is not guessed (as
           '2,400' is not). In a comma file the dot is the decimal mark. */
        char problem[500];
        if (!rd->decimal_comma && rd->sep == ';' && !ev->dot_line && ev->dot_ambiguous_line &&
            two_readings(ev->dot_ambiguous, '.', problem, sizeof problem))
            return fail_at(rd, ev->dot_ambiguous_line, COL_QUANTITY, "%s", problem);
    }
    /* 20240105 is read as a date only when every row's day is written so: a column of such
       digits is an ERP's dates; one among dates of another form is refused (own_row) */
    rd->compact_dates = ev->compact_line && !ev->other_day_line;
    snprintf(rd->compact_first, sizeof rd->compact_first, "%.8s", ev->compact);
    rd->other_day_line = ev->other_day_line;
    snprintf(rd->other_day, sizeof rd->other_day, "%s", ev->other_day);
    rd->order = o->date_format;
    if (rd->order == HISTORY_DATES_AUTO) {
        if (ev->dmy_line && ev->mdy_line)
            return fail_at(rd, ev->mdy_line, COL_DATE,
                           _("'%s' has the month first, but row %d has '%s' with the day first; use one order "
                             "throughout"),
                           ev->mdy, ev->dmy_line, ev->dmy);
        if (ev->dmy_line)
            rd->order = HISTORY_DATES_DMY;
        else if (ev->mdy_line)
            rd->order = HISTORY_DATES_MDY;
        else if (ev->either_line) {
            struct when w = date_shape(ev->either);
            return fail_at(rd, ev->either_line, COL_DATE,
                           _("'%s' is %04ld-%02u-%02u (day first) or %04ld-%02u-%02u (month first), and every "
                             "date of the file fits both; set history_date_format = DMY or MDY"),
                           ev->either, w.y, w.b, w.a, w.y, w.a, w.b);
        }
    }
    return 0;
}

/* The quantity text read with the settled decimal mark and the declared thousands
 * separator. Returns 0, or -1 with the problem. */
static int read_quantity(const struct reader *rd, const char *text, double *out, char *problem, size_t n)
{
    static const char *const thousands[] = {NULL, ",", ".", " "};
    const char *th = thousands[rd->opt->thousands];
    char dec = rd->decimal_comma ? ',' : '.', other = rd->decimal_comma ? '.' : ',';
    char plain[CSV_FIELD_LEN];
    size_t k = 0;
    bool after_decimal = false;
    for (size_t i = 0; text[i]; i++) {
        char ch = text[i];
        size_t thl = 0; /* the length of a thousands separator here */
        if (th && ch == *th)
            thl = 1;
        else if (th && *th == ' ')
            thl = nbsp_bytes(text + i);
        if (thl) {
            const char *g = text + i + thl;
            if (after_decimal || i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9') || strspn(g, "0123456789") < 3 ||
                (g[3] >= '0' && g[3] <= '9')) {
                snprintf(problem, n,
                         _("'%s': a thousands separator (history_thousands) must stand between groups of 3 "
                           "digits before the decimal mark"),
                         text);
                return -1;
            }
            i += thl - 1;
            continue;
        }
        size_t nb = nbsp_bytes(text + i);
        bool space = k > 0 && (ch == ' ' || (nb && between_digits(text, i, nb)));
        if (ch == other || space) {
            size_t count = 0;
            for (const char *p = text; *p; p++) count += *p == other;
            if (space)
                snprintf(problem, n,
                         _("'%s' has a space in it; if it separates thousands set history_thousands = space"), text);
            else if (!(count == 1 && !strchr(text, dec) && two_readings(text, other, problem, n)))
                snprintf(problem, n,
                         _("'%s' has a '%c', and the decimal mark is '%c'; if '%c' separates thousands set "
                           "history_thousands = %c"),
                         text, other, dec, other, other);
            return -1;
        }
        if (ch == dec) after_decimal = true;
        if (k + 1 < sizeof plain) plain[k++] = ch == dec ? '.' : ch;
    }
    plain[k] = '\0';
    if (value_number(plain, out, problem, n) != 0) {
        plain_problem(problem);
        return -1;
    }
    return 0;
}

/* Append to rd->err, for a first row r of more than 2 fields, the keys that read such an
 * export, with its own header names as a suggestion when they look like a date, a
 * quantity and an item column. */
static void name_columns(struct reader *rd, const struct csv_record *r)
{
    const char *date = NULL, *quantity = NULL;
    for (size_t i = 0; i < r->n; i++) {
        enum column_kind k = header_kind(r->field[i]);
        if (k == KIND_DATE && !date) date = r->field[i];
        if (k == KIND_QUANTITY && !quantity) quantity = r->field[i];
    }
    int at = item_column_of(r);
    const char *item = at >= 0 ? r->field[at] : NULL;
    size_t used = strlen(rd->err);
    if (used >= rd->errlen) return;
    if (date && quantity && item)
        snprintf(rd->err + used, rd->errlen - used,
                 _("; to read a longer export, name its columns: here perhaps history_date_column = %s and "
                   "history_quantity_column = %s, and for one item's rows history_item_column = %s with "
                   "history_item"),
                 date, quantity, item);
    else if (date && quantity)
        snprintf(rd->err + used, rd->errlen - used,
                 _("; to read a longer export, name its columns: here perhaps history_date_column = %s and "
                   "history_quantity_column = %s"),
                 date, quantity);
    else
        snprintf(rd->err + used, rd->errlen - used,
                 _("; to read a longer export, name its columns with history_date_column and "
                   "history_quantity_column (a header name or a column number from 1), and for one item's rows "
                   "history_item_column with history_item"));
}

/* A row whose number of fields is not the first row's. */
static int wrong_length(struct reader *rd, const struct csv_record *r)
{
    if (!rd->keyed && r->n == 1) /* no separator at all: the export's format is why */
        return fail_at(rd, r->line, -1,
                       _("1 field: the row has no comma, semicolon or tab between its columns; save the export as CSV "
                         "or as tab-separated text (history_separator = comma, semicolon or tab). A history row has "
                         "2 fields: the day (a date YYYY-MM-DD or a day number) and the quantity"));
    if (!rd->keyed && (rd->nfields == 2 || r->line == rd->first_line)) {
        fail_at(rd, r->line, -1,
                P_("%zu field; a history row has 2: the day (a date YYYY-MM-DD or a day number) and the "
                   "quantity",
                   "%zu fields; a history row has 2: the day (a date YYYY-MM-DD or a day number) and the "
                   "quantity",
                   r->n),
                r->n);
        if (r->line == rd->first_line && r->n > 2) name_columns(rd, r);
        return -1;
    }
    return fail_at(rd, r->line, -1,
                   _("%zu fields, but row %d has %zu; a value holding the separator must be in double quotes"), r->n,
                   rd->first_line, rd->nfields);
}

/* A data row of a two-column file with empty columns after: 2 fields or more, the rest
 * empty. Returns 0, or -1 reported. */
static int trailing_cells(struct reader *rd, const struct csv_record *r)
{
    if (r->n < 2) return wrong_length(rd, r);
    for (size_t i = 2; i < r->n; i++)
        if (*r->field[i])
            return fail_at(rd, r->line, -1,
                           _("column %zu holds '%s', but its header is empty; a history row has 2 columns: the day "
                             "and the quantity (name the columns with history_date_column and "
                             "history_quantity_column to read a longer export)"),
                           i + 1, r->field[i]);
    return 0;
}

enum { NEGATIVE_LINES_SHOWN = 5 };

/* Rows of negative quantities (returns): the first, the count, the next few lines. */
struct negatives {
    int first_line;
    char first[CSV_FIELD_LEN], lines[80];
    size_t count;
};

/* Put the negative rows' message in rd->err; with `after` (a later row's problem already
 * there), that problem follows it on the next line, in file order, when both fit whole
 * (else only the first). Returns -1. */
static int say_negatives(struct reader *rd, const struct negatives *neg, bool after)
{
    char later[2048] = "";
    if (after) snprintf(later, sizeof later, "%s", rd->err);
    if (neg->count == 1)
        fail_at(rd, neg->first_line, COL_QUANTITY,
                _("%s is negative; a history holds demand, not returns (net them out or drop the row)"), neg->first);
    else
        /* TRANSLATORS: the first negative quantity, how many more rows, their first lines ("12, 15, 19") */
        fail_at(rd, neg->first_line, COL_QUANTITY,
                P_("%s is negative, and so is %zu more row (line %s%s); a history holds demand, not returns "
                   "(net them out or drop the rows)",
                   "%s is negative, and so are %zu more rows (lines %s%s); a history holds demand, not returns "
                   "(net them out or drop the rows)",
                   neg->count - 1),
                neg->first, neg->count - 1, neg->lines, neg->count - 1 > NEGATIVE_LINES_SHOWN ? ", ..." : "");
    size_t used = strlen(rd->err);
    if (*later && used + 1 + strlen(later) < rd->errlen) snprintf(rd->err + used, rd->errlen - used, "\n%s", later);
    return -1;
}

/* Rows by their time, in file order at the same time (an export lists a day's orders in
 * any order: by customer, by order number). */
static int by_time(const void *a, const void *b)
{
    const struct row *x = a, *y = b;
    if (x->day != y->day) return x->day < y->day ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

/* Does text start with word, ASCII case ignored? */
static bool starts_with(const char *text, const char *word)
{
    return strncasecmp(text, word, strlen(word)) == 0;
}

/* Words of a totals row's first cell, as a report's last row has them. */
static const char *const total_words[] = {"合计", "总计", "小计", "汇总", "total", "sum", "grand total"};

/* Weekdays as an export writes them after a date. */
static const char *const weekday_words[] = {"周", "星期", "礼拜", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* A hint for a day cell that is neither a date servlab reads nor a number, when it is
 * a form spreadsheets write: a weekday after the date, a two-digit year, a totals row.
 * Returns 0, or -1 reported. */
static int day_hint(struct reader *rd, const struct csv_record *r, const char *text)
{
    for (size_t i = 0; i < sizeof total_words / sizeof total_words[0]; i++)
        if (starts_with(text, total_words[i]))
            return fail_at(rd, r->line, COL_DATE,
                           _("'%s' looks like a totals row; delete it (a history has one row per day, not their "
                             "total)"),
                           text);
    const char *space = strchr(text, ' ');
    if (space) {
        char date[CSV_FIELD_LEN];
        snprintf(date, sizeof date, "%.*s", (int)(space - text), text);
        const char *after = space + strspn(space, " ");
        for (size_t i = 0; i < sizeof weekday_words / sizeof weekday_words[0]; i++)
            if (starts_with(after, weekday_words[i]) && date_shape(date).shape != WHEN_NONE)
                return fail_at(rd, r->line, COL_DATE,
                               _("'%s' has a weekday after the date; format the column as a date without it (%s)"),
                               text, date);
    }
    size_t i = 0, groups = 0, longest = 0;
    unsigned long v;
    for (size_t n; (n = read_digits(text, &i, &v, 5)) > 0; groups++) {
        longest = n > longest ? n : longest;
        if (groups < 2 && (text[i] == '/' || text[i] == '.' || text[i] == '-'))
            i++;
        else {
            groups++;
            break;
        }
    }
    if (groups == 3 && longest <= 2 && (text[i] == '\0' || text[i] == ' '))
        return fail_at(rd, r->line, COL_DATE,
                       _("'%s' has a two-digit year; write the year with four digits (format the column as "
                         "YYYY-MM-DD)"),
                       text);
    return 0;
}

/* A hint for a quantity cell that is not a number, when it is a form spreadsheets write:
 * a unit after it, the accounting format's '-' (0) and (2) (-2), money. Returns 0, or -1
 * reported. */
static int quantity_hint(struct reader *rd, const struct csv_record *r, const char *text)
{
    static const char *const money[] = {"¥", "￥", "$", "€", "£", "RMB", "CNY"};
    for (size_t i = 0; i < sizeof money / sizeof money[0]; i++)
        if (starts_with(text, money[i]))
            return fail_at(rd, r->line, COL_QUANTITY,
                           _("'%s' is money; a history's quantity is the units sold, not an amount (set "
                             "history_quantity_column to the column of units)"),
                           text);
    if (strcmp(text, "-") == 0 || strcmp(text, "—") == 0)
        return fail_at(rd, r->line, COL_QUANTITY, _("'%s' is how a spreadsheet's accounting format shows 0; write 0"),
                       text);
    size_t len = strlen(text), digits = strspn(text + (text[0] == '('), "0123456789.,");
    if (len > 2 && text[0] == '(' && text[len - 1] == ')' && digits == len - 2)
        return fail_at(rd, r->line, COL_QUANTITY,
                       _("'%s' is the accounting format's -%.*s, a return; a history holds demand, not returns (net "
                         "them out or drop the row)"),
                       text, (int)(len - 2), text + 1);
    digits = strspn(text, "0123456789.,");
    const char *unit = text + digits + strspn(text + digits, " "); /* no digit after it: not `1 234` */
    if (digits > 0 && *unit && !strpbrk(unit, "0123456789") && !strchr("eE", *unit))
        return fail_at(rd, r->line, COL_QUANTITY,
                       _("'%s': write just the number (%.*s); the unit is in what the column means"), text, (int)digits,
                       text);
    return 0;
}

/* Is text 8 digits that end in a year 19xx or 20xx after a day and a month either way
 * round (01022024: 1 February or 2 January)? Read as a number it would be a day number. */
static bool year_last_digits(const char *text)
{
    if (strlen(text) != 8 || strspn(text, "0123456789") != 8 ||
        (strncmp(text + 4, "19", 2) != 0 && strncmp(text + 4, "20", 2) != 0))
        return false;
    unsigned a = (unsigned)((text[0] - '0') * 10 + (text[1] - '0')),
             b = (unsigned)((text[2] - '0') * 10 + (text[3] - '0'));
    return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

/* What a pass keeps between the rows of the item it reads. */
struct own_rows {
    size_t n, cap;
    int first_data_line;
    bool unsorted;
    int way; /* 1: the rows go oldest first, -1: newest first, 0: not yet seen */
    struct negatives neg;
};

/* Note the item of a row read from a file with an item column but no history_item_column
 * (reader.item_guess): the first, the first other, the last. */
static void item_row(struct reader *rd, const char *item, int line)
{
    if (!rd->item_first_line) {
        snprintf(rd->item_first, sizeof rd->item_first, "%s", item);
        rd->item_first_line = line;
    } else if (!rd->item_other_line && strcmp(item, rd->item_first) != 0) {
        snprintf(rd->item_other, sizeof rd->item_other, "%s", item);
        rd->item_other_line = line;
    }
    snprintf(rd->item_last, sizeof rd->item_last, "%s", item);
}

/* The item's data row r (its number of fields and characters checked) read into rows
 * (grown as needed). Returns 0, or -1 reported. */
static int own_row(struct reader *rd, const struct csv_record *r, struct own_rows *st, struct row **rows, bool *dated,
                   bool *timed)
{
    const struct history_options *o = rd->opt;
    char problem[500];
    const char *dtext = r->field[rd->col[COL_DATE]], *qtext = r->field[rd->col[COL_QUANTITY]];
    double day, units;
    if (strchr(dtext, '\n') || strchr(qtext, '\n')) { /* a quoted cell over two lines (reader/csv.h) */
        return fail_at(rd, r->line, strchr(dtext, '\n') ? COL_DATE : COL_QUANTITY,
                       _("the cell holds a line break (its text goes on to the next line); write it on one line"));
    }
    if (!*dtext || !*qtext) { /* the number reader's "no value" speaks of a key and '=' */
        return fail_at(rd, r->line, *dtext ? COL_QUANTITY : COL_DATE,
                       *dtext ? _("empty; write the quantity (0 for a day without demand)")
                              : _("empty; write the row's date or day number"));
    }
    bool date_error = csv_spreadsheet_error(dtext, problem, sizeof problem);
    if (date_error || csv_spreadsheet_error(qtext, problem, sizeof problem)) {
        return fail_at(rd, r->line, date_error ? COL_DATE : COL_QUANTITY, "%s", problem);
    }
    struct when w = day_shape(rd, dtext);
    bool is_date = w.shape != WHEN_NONE;
    if (is_date && date_day(&w, dtext, rd->order, &day, problem, sizeof problem) != 0) {
        return fail_at(rd, r->line, COL_DATE, "%s", problem);
    }
    if (!is_date && compact_like(dtext)) { /* SAP's 20260105, among days written otherwise */
        if (rd->other_day_line)
            return fail_at(rd, r->line, COL_DATE,
                           /* TRANSLATORS: the cell, the row of another day's form and that day */
                           _("'%s' looks like a date written YYYYMMDD, but row %d has '%s': dates YYYYMMDD are read "
                             "only when every row's date is written so; write the dates one way throughout (this "
                             "one as %.4s-%.2s-%.2s)"),
                           dtext, rd->other_day_line, rd->other_day, dtext, dtext + 4, dtext + 6);
        return fail_at(rd, r->line, COL_DATE,
                       _("'%s' looks like a date written YYYYMMDD, which is not read here; write %.4s-%.2s-%.2s"),
                       dtext, dtext, dtext + 4, dtext + 6);
    }
    if (!is_date && year_last_digits(dtext)) { /* as a day number it would be read, wrongly */
        return fail_at(rd, r->line, COL_DATE,
                       _("'%s' looks like a date written DDMMYYYY or MMDDYYYY, which is not read (the day and the "
                         "month could be either way round, and dates YYYYMMDD start with the year); write the "
                         "dates as YYYY-MM-DD"),
                       dtext);
    }
    if (!is_date && value_number(dtext, &day, problem, sizeof problem) != 0) {
        if (day_hint(rd, r, dtext) != 0) return -1;
        return fail_at(rd, r->line, COL_DATE,
                       _("%s; write a date as YYYY-MM-DD (or YYYY/M/D, D.M.YYYY, D/M/YYYY, M/D/YYYY, YYYY-MM, "
                         "2024年3月4日) or a day number"),
                       plain_problem(problem));
    }
    if (st->n == 0) {
        *dated = is_date;
        st->first_data_line = r->line;
    } else if (is_date != *dated) {
        return fail_at(rd, r->line, COL_DATE,
                       is_date ? _("'%s' is a date, but row %d has a day number; use one or the other throughout")
                               : _("'%s' is a day number, but row %d has a date; use one or the other throughout"),
                       dtext, st->first_data_line);
    }
    if (w.shape == WHEN_MONTH && o->period != HISTORY_PERIOD_MONTH) {
        return fail_at(rd, r->line, COL_DATE,
                       _("'%s' is a month; set history_period = month (each row is then the month's total)"), dtext);
    }
    if (o->period == HISTORY_PERIOD_MONTH) {
        if (!is_date) {
            return fail_at(rd, r->line, COL_DATE,
                           _("'%s' is a day number; a monthly history (history_period = month) needs dates, "
                             "YYYY-MM or a date in the month"),
                           dtext);
        }
        unsigned m = w.shape == WHEN_YEAR_FIRST || w.shape == WHEN_MONTH || w.shape == WHEN_COMPACT ? w.a
                     : rd->order == HISTORY_DATES_MDY                                               ? w.a
                                                                                                    : w.b;
        day = (double)days_from_civil(w.y, m, 1);
    }
    if (!is_date && (day < -1e7 || day > 1e7)) {
        return fail_at(rd, r->line, COL_DATE, _("day %s is out of range (-10000000 to 10000000)"), dtext);
    }
    if (!is_date && o->period == HISTORY_PERIOD_WEEK) {
        if (day != floor(day)) {
            return fail_at(rd, r->line, COL_DATE,
                           _("week %s is not a whole number; a weekly history has one row per week"), dtext);
        }
        day *= 7; /* week k holds days 7k to 7k + 6 */
    }
    if (is_date && o->kind == HISTORY_ORDERS && w.frac > 0) {
        day += w.frac;
        *timed = true;
    }
    if (day != floor(day)) {
        if (o->kind == HISTORY_DAILY) {
            return fail_at(rd, r->line, COL_DATE,
                           _("day %s is not a whole number; a daily history has one row per day "
                             "(history_kind = orders takes times of day)"),
                           dtext);
        }
        *timed = true;
    }
    if (read_quantity(rd, qtext, &units, problem, sizeof problem) != 0) {
        if (quantity_hint(rd, r, qtext) == 0) fail_at(rd, r->line, COL_QUANTITY, "%s", problem);
        return -1;
    }
    if (units < 0) { /* an ERP export's returns: counted, all said at once below */
        if (!st->neg.count) st->neg.first_line = r->line, snprintf(st->neg.first, sizeof st->neg.first, "%s", qtext);
        if (st->neg.count > 0 && st->neg.count <= NEGATIVE_LINES_SHOWN) {
            size_t used = strlen(st->neg.lines);
            snprintf(st->neg.lines + used, sizeof st->neg.lines - used, "%s%d", st->neg.count > 1 ? ", " : "", r->line);
        }
        st->neg.count++;
        return 0;
    }
    if (units > 1e9) {
        return fail_at(rd, r->line, COL_QUANTITY, _("%s is more than 1e9 units"), qtext);
    }
    const char *item = rd->item_guess >= 0 && (size_t)rd->item_guess < r->n ? r->field[rd->item_guess] : NULL;
    if (st->n > 0) {
        const struct row *prev = &(*rows)[st->n - 1];
        /* the rows go oldest first or, as many ERPs export them, newest first (reversed in
           own_rows_end): the first change of day says which, a later one the other way is refused */
        bool same_day = floor(day) == floor(prev->day), again = o->kind == HISTORY_DAILY && day == prev->day;
        int way = same_day ? 0 : day > prev->day ? 1 : -1;
        bool breaks = way != 0 && st->way != 0 && way != st->way;
        if (o->kind == HISTORY_ORDERS && same_day) {
            if (day < prev->day) st->unsorted = true; /* an earlier time on the same day: sorted below */
        } else if (item && strcmp(item, rd->item_last) != 0 && (again || breaks || (way < 0 && !st->way))) {
            /* another item's row: the file is an export of several items */
            return fail_at(
                rd, r->line, COL_DATE,
                /* TRANSLATORS: the date, the row before, the item column's header, the
                   item there, the item here, the header again and the first row's item */
                again     ? _("%s appears again (row %d has it too) with another item: column '%s' holds '%s' "
                                  "there and '%s' here; to read one item's rows, set history_item_column = %s and "
                                  "history_item = %s (history_kind = orders would add all items' rows together)")
                : way < 0 ? _("%s comes before the day of row %d with another item: column '%s' holds '%s' "
                              "there and '%s' here; to read one item's rows, set history_item_column = %s and "
                              "history_item = %s")
                          : _("%s comes after the day of row %d with another item: column '%s' holds '%s' "
                              "there and '%s' here; to read one item's rows, set history_item_column = %s and "
                              "history_item = %s"),
                dtext, prev->line, rd->names[COL_ITEM], rd->item_last, item, rd->names[COL_ITEM], rd->item_first);
        } else if (again) {
            return fail_at(rd, r->line, COL_DATE,
                           _("%s appears again (row %d has it too); a daily history has one row per day (or use "
                             "history_kind = orders)"),
                           dtext, prev->line);
        } else if (breaks) {
            return fail_at(rd, r->line, COL_DATE,
                           /* TRANSLATORS: the date, the row before, and the rows that go the other way */
                           way < 0 ? _("%s comes before the day of row %d, but rows %d to %d go oldest first; rows "
                                       "must be in date order throughout, oldest first or newest first")
                                   : _("%s comes after the day of row %d, but rows %d to %d go newest first; rows "
                                       "must be in date order throughout, oldest first or newest first"),
                           dtext, prev->line, st->first_data_line, prev->line);
        }
        if (!st->way) st->way = way;
        if (fabs(floor(day) - floor((*rows)[0].day)) >= HISTORY_MAX_DAYS) {
            return fail_at(rd, r->line, COL_DATE, _("the history would span more than %d days"), HISTORY_MAX_DAYS);
        }
        if (is_date && o->period == HISTORY_PERIOD_WEEK && fmod(day - (*rows)[0].day, 7) != 0) {
            return fail_at(rd, r->line, COL_DATE,
                           _("'%s' is not a whole number of weeks after the first row's date (row %d); each row "
                             "of a weekly history starts its week"),
                           dtext, (*rows)[0].line);
        }
    }
    if (st->n == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 1024;
        *rows = realloc(*rows, st->cap * sizeof **rows);
        if (!*rows) abort();
    }
    (*rows)[st->n++] = (struct row){day, units, r->line};
    if (*o->item_column) note_span(rd, r);
    if (item) item_row(rd, item, r->line);
    return 0;
}

/* The end of a pass over the item's rows (rc: 0, or -1 with a row's problem reported):
 * its rows sorted by time, the negative rows said, or no row of the item said, the first
 * few `others` of the other items' ids in seen. Returns the count of rows, or -1. */
static long own_rows_end(struct reader *rd, struct own_rows *st, struct row **rows, long rc, size_t others,
                         char (*seen)[64])
{
    const struct history_options *o = rd->opt;
    if ((st->unsorted || st->way < 0) && rc == 0) qsort(*rows, st->n, sizeof **rows, by_time);
    rd->newest_first = st->way < 0;
    if (st->neg.count) rc = say_negatives(rd, &st->neg, rc != 0);
    if (rc == 0 && rd->item_other_line && !*rd->warning) /* several items' rows, read as one demand */
        snprintf(rd->warning, sizeof rd->warning,
                 /* TRANSLATORS: the file, the item column's header, an item and its row, another
                    item and its row, the header again and the first item */
                 _("%s: column '%s' holds more than one item ('%s' on line %d, '%s' on line %d): their rows are "
                   "added together into one demand; to read one item's rows, set history_item_column = %s and "
                   "history_item = %s"),
                 rd->path, rd->names[COL_ITEM], rd->item_first, rd->item_first_line, rd->item_other,
                 rd->item_other_line, rd->names[COL_ITEM], rd->item_first);
    if (rc == 0 && st->n == 0 && *o->item_column && (others > 0)) {
        char ids[400] = "";
        size_t used = 0;
        for (size_t i = 0; i < others && used < sizeof ids; i++)
            used += (size_t)snprintf(ids + used, sizeof ids - used, "%s'%s'", i ? ", " : "", seen[i]);
        snprintf(rd->err, rd->errlen,
                 _("%s:%d:%d: column '%s': no row has item '%s' (history_item); items there include %s"), rd->path,
                 rd->first_line, (int)rd->col[COL_ITEM] + 1, rd->names[COL_ITEM], o->item, ids);
        rc = -1;
    } else if (rc == 0 && st->n == 0) {
        snprintf(rd->err, rd->errlen, _("%s: no data rows; a history has rows of a day and a quantity"), rd->path);
        rc = -1;
    }
    return rc < 0 ? -1 : (long)st->n;
}

/* One pass over the records of text: the first pass (rows == NULL) gathers what the
 * rows show in ev; the second reads the item's data rows into rows (grown as needed).
 * Returns the count of rows read, or -1. */
static long pass(struct reader *rd, const char *text, size_t len, struct evidence *ev, struct row **rows, bool *dated,
                 bool *timed)
{
    const struct history_options *o = rd->opt;
    struct csv c;
    csv_init(&c, text, len);
    c.sep = rd->sep;
    struct csv_record *r = malloc(sizeof *r);
    if (!r) abort();
    size_t others = 0;
    int blank_line = 0;
    char problem[500], seen[5][64];
    long rc = 0;
    bool first = true;
    struct own_rows st = {0};
    for (;;) {
        int got = csv_next(&c, r, problem, sizeof problem);
        if (got == 0) break;
        if (got < 0) {
            snprintf(rd->err, rd->errlen, "%s:%s", rd->path, problem);
            rc = -1;
            break;
        }
        if (r->blank) {
            if (!blank_line) blank_line = r->line;
            continue;
        }
        if (blank_line) {
            rc = fail_at(rd, blank_line, -1,
                         _("empty row; remove it (a day without demand needs no row, or quantity 0)"));
            break;
        }
        if (!rows && !*rd->warning) csv_long_cell(r, rd->path, rd->warning, sizeof rd->warning);
        if (first) {
            first = false;
            int f = first_row(rd, r);
            if (f < 0 || (f > 0 && (fullwidth_row(rd, r, true) != 0 || wrong_length(rd, r) != 0))) {
                rc = -1;
                break;
            }
            if (rd->header) continue;
        }
        if (!rows) {
            gather(ev, rd, r);
            continue;
        }
        if (fullwidth_row(rd, r, false) != 0 || (r->n != rd->nfields && !rd->trailing && wrong_length(rd, r) != 0) ||
            (rd->trailing && trailing_cells(rd, r) != 0)) {
            rc = -1;
            break;
        }
        if (*o->item_column && strcmp(r->field[rd->col[COL_ITEM]], o->item) != 0) {
            bool known = false;
            for (size_t i = 0; i < others && i < 5; i++) known |= strcmp(seen[i], r->field[rd->col[COL_ITEM]]) == 0;
            if (!known && others < 5) snprintf(seen[others++], sizeof seen[0], "%s", r->field[rd->col[COL_ITEM]]);
            note_span(rd, r);
            continue;
        }
        if (own_row(rd, r, &st, rows, dated, timed) != 0) {
            rc = -1;
            break;
        }
    }
    free(r);
    if (!rows) return rc < 0 ? -1 : 0;
    return own_rows_end(rd, &st, rows, rc, others, seen);
}

/* Each row of a weekly or monthly history as its days, each with an even share of the
 * period's total (see history_period in reader/keys.def). Returns the day rows (owned
 * by the caller) and their count in *ndays, or NULL with the problem reported. */
static struct row *spread(struct reader *rd, const struct row *rows, size_t n, size_t *ndays)
{
    size_t cap = 0, k = 0;
    struct row *days = NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned len = 7;
        if (rd->opt->period == HISTORY_PERIOD_MONTH) { /* the month's calendar days */
            long y;
            unsigned m, d;
            civil_from_days((long)rows[i].day, &y, &m, &d);
            len = month_days(y, m);
        }
        if (rows[i].day + len - rows[0].day > HISTORY_MAX_DAYS) {
            free(days);
            fail_at(rd, rows[i].line, COL_DATE, _("the history would span more than %d days"), HISTORY_MAX_DAYS);
            return NULL;
        }
        for (unsigned d = 0; d < len; d++) {
            if (k == cap) {
                cap = cap ? 2 * cap : 1024;
                days = realloc(days, cap * sizeof *days);
                if (!days) abort();
            }
            days[k++] = (struct row){rows[i].day + d, rows[i].units / len, rows[i].line};
        }
    }
    *ndays = k;
    return days;
}

/* The periods of a weekly or monthly history's days (struct demand_history): a week every
 * 7 days from the first, a month at each 1st of a month. Missing periods were filled with
 * days of no demand, and are periods too. */
static void find_periods(struct history_info *hi)
{
    struct demand_history *h = &hi->h;
    size_t *first = malloc((h->ndays + 1) * sizeof *first), n = 0;
    if (!first) abort();
    for (size_t i = 0; i < h->ndays; i++) {
        bool starts = i == 0;
        if (hi->options.period == HISTORY_PERIOD_WEEK)
            starts = i % 7 == 0;
        else if (i > 0) {
            long y;
            unsigned m, d;
            civil_from_days((long)hi->first_day + (long)i, &y, &m, &d);
            starts = d == 1;
        }
        if (starts) first[n++] = i;
    }
    first[n] = h->ndays;
    h->period_first = first;
    h->nperiods = n;
}

enum { TITLE_ROWS_MAX = 8 };

/* A report's title rows above the header (`销售明细报表,` then `导出时间：2024-05-01,`): the
 * file's first rows, blank or of one cell that is neither a date nor a number, followed by a
 * header row of 2 cells or more, none a date or a number. Read as the header, they would give a message about their own
 * text; they are refused saying what they seem to be. Returns 0, or -1 reported. */
static int title_rows(struct reader *rd, const char *text, size_t len)
{
    struct csv c;
    csv_init(&c, text, len);
    c.sep = rd->sep;
    struct csv_record *r = malloc(sizeof *r);
    if (!r) abort();
    char problem[300], cell[CSV_FIELD_LEN];
    int titles = 0, rc = 0;
    for (int k = 0; k <= TITLE_ROWS_MAX && csv_next(&c, r, problem, sizeof problem) > 0; k++) {
        size_t filled = 0, at = 0;
        for (size_t i = 0; i < r->n; i++)
            if (*r->field[i]) filled++, at = i;
        if (filled >= 2) { /* a header, if none of its cells is a date or a number (`date,` above
                              `2024-01-01,5` is a header with one name, not a title) */
            bool header = true;
            for (size_t i = 0; i < r->n && header; i++) {
                fullwidth_fold(r->field[i], cell, sizeof cell);
                header = !*cell || (!number_like(cell) && date_shape(cell).shape == WHEN_NONE);
            }
            if (titles > 0 && header)
                rc = r->line == 2 ? fail_at(rd, r->line, -1,
                                            _("row 1 seems to be a title above the table, which starts in row 2; "
                                              "delete it (a history's first row is its header or its first day)"))
                                  : fail_at(rd, r->line, -1,
                                            _("rows 1 to %d seem to be a title above the table, which starts in "
                                              "row %d; delete them (a history's first row is its header or its "
                                              "first day)"),
                                            r->line - 1, r->line);
            break;
        }
        if (filled == 1) {
            fullwidth_fold(r->field[at], cell, sizeof cell);
            if (number_like(cell) || date_shape(cell).shape != WHEN_NONE) break;
            titles++;
        } else if (!r->blank)
            break;
    }
    free(r);
    return rc;
}

/* What the whole of text settles before its rows are read: the separator, and the first
 * pass's header, columns, decimal mark and order of dates. Returns 0, or -1 reported. */
static int settle_file(struct reader *rd, const char *text, size_t len, bool *dated, bool *timed)
{
    static const char seps[] = {0, ',', ';', '\t'};
    rd->sep = seps[rd->opt->separator];
    if (!rd->sep) {
        int line;
        if (!(rd->sep = csv_detect_separator(text, len, &line)))
            return fail_at(rd, line, -1,
                           _("the row has both tabs and semicolons; set history_separator = tab or semicolon"));
    }
    if (rd->opt->period != HISTORY_PERIOD_DAY && rd->opt->kind != HISTORY_DAILY) {
        snprintf(rd->err, rd->errlen,
                 _("%s: history_period = week or month reads each row as a period's total: it needs history_kind "
                   "= daily"),
                 rd->path);
        return -1;
    }
    if (title_rows(rd, text, len) != 0) return -1;
    snprintf(rd->names[COL_DATE], sizeof rd->names[0], "day");
    snprintf(rd->names[COL_QUANTITY], sizeof rd->names[0], "quantity");
    snprintf(rd->names[COL_ITEM], sizeof rd->names[0], "item");
    rd->item_guess = -1;
    rd->quantity_found = -1;
    struct evidence *ev = calloc(1, sizeof *ev);
    if (!ev) abort();
    long n = pass(rd, text, len, ev, NULL, dated, timed);
    if (n >= 0 && rd->quantity_pending) { /* the quantity's column found: the pass again, with its cells */
        n = choose_quantity(rd, text, len);
        memset(ev, 0, sizeof *ev);
        rd->header = false;
        if (n >= 0) n = pass(rd, text, len, ev, NULL, dated, timed);
    }
    if (n >= 0) n = settle(rd, ev);
    free(ev);
    if (n < 0) return -1;
    rd->header = false;
    return 0;
}

/* Read every data row of text into rows (grown as needed). Returns the count, or -1. */
static long read_rows(struct reader *rd, const char *text, size_t len, struct row **rows, bool *dated, bool *timed)
{
    if (settle_file(rd, text, len, dated, timed) != 0) return -1;
    return pass(rd, text, len, NULL, rows, dated, timed);
}

/* Build the model's days from the rows, and the statistics and fits. */
static int build(struct reader *rd, const struct row *rows, size_t n, bool timed, struct history_info *hi)
{
    double day0 = floor(rows[0].day);
    size_t ndays = (size_t)(floor(rows[n - 1].day) - day0) + 1;
    size_t *first = calloc(ndays + 1, sizeof *first);
    double *at = malloc(n * sizeof *at), *units = malloc(n * sizeof *units), *daily = calloc(ndays, sizeof *daily);
    if (!first || !at || !units || !daily) abort();
    size_t norders = 0;
    /* the total by Neumaier's compensated sum: very nearly the exact sum of the rows, so
       366 rows of decimals such as 94.3 total what they add up to on paper, not
       34496.70000000001 (check and the report print it to the last digit) */
    double total = 0, lost = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(rows[i].units > 0)) continue; /* no order */
        size_t k = (size_t)(floor(rows[i].day) - day0);
        first[k + 1]++;
        at[norders] = timed ? rows[i].day - floor(rows[i].day) : 0;
        units[norders++] = rows[i].units;
        daily[k] += rows[i].units;
        double t = total + rows[i].units;
        lost += fabs(total) >= rows[i].units ? (total - t) + rows[i].units : (rows[i].units - t) + total;
        total = t;
    }
    total += lost;
    if (norders == 0) {
        if (*rd->opt->item)
            snprintf(rd->err, rd->errlen, _("%s: every quantity of item '%s' is 0: there is no demand to play"),
                     rd->path, rd->opt->item);
        else
            snprintf(rd->err, rd->errlen, _("%s: every quantity is 0: there is no demand to play"), rd->path);
        free(first), free(at), free(units), free(daily);
        return -1;
    }
    for (size_t k = 0; k < ndays; k++) first[k + 1] += first[k];
    if (!timed) /* spread each day's orders evenly over it */
        for (size_t k = 0; k < ndays; k++) {
            size_t c = first[k + 1] - first[k];
            for (size_t i = 0; i < c; i++) at[first[k] + i] = ((double)i + 0.5) / (double)c;
        }
    hi->h = (struct demand_history){
        .ndays = ndays, .norders = norders, .first = first, .at = at, .units = units, .total_units = total};
    hi->rows = n;
    hi->first_day = day0;
    double mean = total / (double)ndays, ss = 0;
    for (size_t k = 0; k < ndays; k++) {
        ss += (daily[k] - mean) * (daily[k] - mean);
        hi->days_with_demand += daily[k] > 0;
    }
    hi->mean_per_day = mean;
    hi->sd_per_day = ndays > 1 ? sqrt(ss / (double)(ndays - 1)) : 0;
    series_analyse(daily, ndays, &hi->structure);
    hi->h.block_days = hi->structure.block_days;
    free(daily);
    /* the fits: gaps between successive orders, and order sizes */
    double *gaps = malloc(norders * sizeof *gaps);
    if (!gaps) abort();
    size_t ng = 0;
    double prev = NAN;
    for (size_t k = 0; k < ndays; k++)
        for (size_t i = first[k]; i < first[k + 1]; i++) {
            double t = (double)k + at[i];
            if (!isnan(prev)) gaps[ng++] = t - prev < 1e-12 ? 0 : t - prev;
            prev = t;
        }
    char why[300];
    if (fit_values(gaps, ng, NULL, &hi->gaps, why, sizeof why) != 0)
        snprintf(hi->fit_problem, sizeof hi->fit_problem, _("order gaps: %s"), why);
    else if (fit_values(units, norders, NULL, &hi->units, why, sizeof why) != 0)
        snprintf(hi->fit_problem, sizeof hi->fit_problem, _("order sizes: %s"), why);
    else
        hi->fitted = true;
    free(gaps);
    return 0;
}

/* ---- reading a whole history ---- */

/* One item of a long file runs over the file's days, not from its own first row to its
 * last: an item sold 3 times in a year is 3 sales a year, not 3 in the 61 days between
 * them. Returns a copy of the item's n rows with a row of no demand at the file's first
 * and last day, or NULL when they span it already (or it would be too long). A weekly
 * history adds whole weeks of its own (its rows start their weeks), a monthly one whole
 * months (note_span reads every row at its month's 1st); spread then makes them days. */
static struct row *over_file_span(const struct reader *rd, const struct row *rows, size_t *n)
{
    if (!rd->span_seen) return NULL;
    double first = floor(rows[0].day), last = floor(rows[*n - 1].day);
    double lead = rd->span_first, tail = rd->span_last;
    if (rd->opt->period == HISTORY_PERIOD_WEEK) { /* its own weeks that start within the file's days, the
                                                     last of which is 6 after its last week's start */
        lead = first - 7 * floor((first - lead) / 7);
        tail = last + 7 * floor((tail + 6 - last) / 7);
    }
    double longest_period = rd->opt->period == HISTORY_PERIOD_DAY ? 0 : 31;
    if (!(lead < first || tail > last) || tail - lead + longest_period >= HISTORY_MAX_DAYS) return NULL;
    struct row *out = malloc((*n + 2) * sizeof *out);
    if (!out) abort();
    size_t k = 0;
    if (lead < first) out[k++] = (struct row){lead, 0, rows[0].line};
    memcpy(out + k, rows, *n * sizeof *rows);
    k += *n;
    if (tail > last) out[k++] = (struct row){tail, 0, rows[*n - 1].line};
    *n = k;
    return out;
}

enum { PERIODIC_ROWS_MIN = 4 };

/* A daily history whose dated rows (at least PERIODIC_ROWS_MIN) are all exactly 7 days
 * apart, or all on the same day of consecutive months, is almost surely weekly or monthly
 * totals dated by a full date; played as one day's sales each, it would understate demand
 * 7 or 30 times. Unless history_period is set (day: the gaps are real), it is refused
 * with the key to set. Returns 0, 1 when the rows are so but history_period is set, or -1
 * reported. */
static int periodic_rows(struct reader *rd, const struct row *rows, size_t n, bool dated)
{
    const struct history_options *o = rd->opt;
    if (!dated || o->kind != HISTORY_DAILY || o->period != HISTORY_PERIOD_DAY || n < PERIODIC_ROWS_MIN) return 0;
    bool weekly = true, monthly = true;
    long y0, y;
    unsigned m0, d0, m, d;
    civil_from_days((long)rows[0].day, &y0, &m0, &d0);
    for (size_t i = 1; i < n; i++) {
        weekly &= rows[i].day - rows[i - 1].day == 7;
        civil_from_days((long)rows[i].day, &y, &m, &d);
        monthly &= d == d0 && y * 12 + m == y0 * 12 + m0 + (long)i;
    }
    if ((weekly || monthly) && o->period_given) return 1;
    /* one item of a long file: its rows alone are judged (the others may be daily), so the
       message names it, and says the key is set for it alone where rows differ: a batch
       table's column, "week" in its row and "day" in the others' */
    if (weekly && *o->item)
        return fail_at(rd, rows[0].line, COL_DATE,
                       _("item '%s': every one of its %zu rows is 7 days after the one before, as weekly totals are "
                         "(each item is judged by its own rows); if they are the item's weekly totals, set "
                         "history_period = week for it (in a batch table: a column demand.history_period, week in "
                         "its row, day in the others); if the days between had no demand, set history_period = day"),
                       o->item, n);
    if (monthly && *o->item)
        return fail_at(rd, rows[0].line, COL_DATE,
                       _("item '%s': its %zu rows fall on day %u of consecutive months, as monthly totals do (each "
                         "item is judged by its own rows); if they are the item's monthly totals, set history_period "
                         "= month for it (in a batch table: a column demand.history_period, month in its row, day in "
                         "the others); if the days between had no demand, set history_period = day"),
                       o->item, n, d0);
    if (weekly)
        return fail_at(rd, rows[0].line, COL_DATE,
                       _("every one of the %zu rows is 7 days after the one before, as weekly totals are; if each "
                         "row is a week's total, set history_period = week; if the days between had no demand, set "
                         "history_period = day"),
                       n);
    if (monthly)
        return fail_at(rd, rows[0].line, COL_DATE,
                       _("the %zu rows fall on day %u of consecutive months, as monthly totals do; if each row is a "
                         "month's total, set history_period = month; if the days between had no demand, set "
                         "history_period = day"),
                       n, d0);
    return 0;
}

/* The history of the n rows read by rd (rows: the reader's, freed here; n -1 when their
 * reading failed), or NULL with the problem reported. */
static struct history_info *history_of_rows(struct reader *rd, struct row *rows, long n, bool dated, bool timed)
{
    const char *name = rd->path;
    const struct history_options *options = rd->opt;
    int periodic = n > 0 ? periodic_rows(rd, rows, (size_t)n, dated) : 0;
    if (periodic < 0) n = -1;
    struct history_info *hi = calloc(1, sizeof *hi);
    if (!hi) abort();
    size_t nrows = n > 0 ? (size_t)n : 0, ndays = nrows;
    struct row *spanned = n > 0 ? over_file_span(rd, rows, &ndays) : NULL;
    struct row *days = spanned ? spanned : rows;
    if (n >= 0 && options->period != HISTORY_PERIOD_DAY) { /* the periods' days replace them */
        size_t nperiods = ndays;
        days = spread(rd, days, nperiods, &ndays);
        free(spanned);
        if (!days) n = -1;
    }
    if (n < 0 || build(rd, days, ndays, timed, hi) != 0) {
        if (days != rows) free(days);
        free(rows);
        free(hi);
        return NULL;
    }
    if (days != rows) free(days);
    free(rows);
    hi->rows = nrows;
    snprintf(hi->path, sizeof hi->path, "%s", name);
    hi->kind = options->kind;
    hi->options = *options;
    hi->dated = dated;
    hi->timed = timed;
    hi->periodic = periodic > 0;
    snprintf(hi->warning, sizeof hi->warning, "%s", rd->warning);
    hi->newest_first = rd->newest_first;
    hi->compact_dates = rd->compact_dates && dated;
    snprintf(hi->compact_first, sizeof hi->compact_first, "%s", rd->compact_first);
    hi->quantity_how = rd->quantity_found >= 0 ? rd->quantity_how : HISTORY_QUANTITY_NAMED;
    hi->quantity_column = (int)rd->col[COL_QUANTITY] + 1;
    hi->date_by_header = rd->date_by_header;
    hi->date_column = (int)rd->col[COL_DATE] + 1;
    snprintf(hi->date_name, sizeof hi->date_name, "%s", rd->header ? rd->names[COL_DATE] : "");
    snprintf(hi->quantity_name, sizeof hi->quantity_name, "%s", rd->header ? rd->names[COL_QUANTITY] : "");
    if (hi->options.period != HISTORY_PERIOD_DAY) {
        /* days spread evenly from weekly or monthly totals are alike within a period: their
           weekly pattern and day-to-day autocorrelation are the spreading's, not demand's
           (history_describe_structure says so); the trend across periods is real */
        hi->structure.weekly = false;
        hi->structure.autocorrelated = false;
        find_periods(hi);
    }
    if (dated) { /* the first day back as a date, for reports */
        long y;
        unsigned m, d;
        civil_from_days((long)hi->first_day, &y, &m, &d);
        snprintf(hi->first_date, sizeof hi->first_date, "%04ld-%02u-%02u", y, m, d);
    }
    return hi;
}

struct history_info *history_read(const char *name, const char *text, size_t len, const struct history_options *options,
                                  char *err, size_t errlen)
{
    struct reader rd = {.path = name, .err = err, .errlen = errlen, .opt = options};
    struct row *rows = NULL;
    bool dated = false, timed = false;
    long n = read_rows(&rd, text, len, &rows, &dated, &timed);
    return history_of_rows(&rd, rows, n, dated, timed);
}

void history_free(struct history_info *hi)
{
    if (!hi) return;
    free((void *)hi->h.first), free((void *)hi->h.at), free((void *)hi->h.units);
    free((void *)hi->h.period_first);
    free(hi);
}

/* ---- the list of histories read ---- */

/* A history read, and the file as it was then: a file changed since is read again. */
struct known {
    struct history_info *hi;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct known *known;
static size_t nknown, capknown;

/* Do a and b read a file the same way? */
static bool same_options(const struct history_options *a, const struct history_options *b)
{
    return a->kind == b->kind && a->separator == b->separator && a->decimal == b->decimal &&
           a->thousands == b->thousands && a->date_format == b->date_format && a->period == b->period &&
           strcmp(a->date_column, b->date_column) == 0 && strcmp(a->quantity_column, b->quantity_column) == 0 &&
           strcmp(a->item_column, b->item_column) == 0 && strcmp(a->item, b->item) == 0;
}

/* ---- a long file read once for all its items ---- */

/* A file read with history_item_column is read once and indexed for all of its items
 * (history_load_options): the settling of the whole file (read_rows's first pass), the
 * data rows' number of fields and characters (pass's checks of every row), the days
 * every row spans, and where each item's records start, grouped by item in file order.
 * An item is then read from its own records alone, with pass's code and messages, to
 * the same rows as a pass over the whole file would give: a batch of 500 items from one
 * export parses it once, not 500 times. One index a file, shared; the indexes are kept
 * while their texts take at most INDEXES_BYTES together (the least recently used goes
 * first), however many files: a batch table whose rows name items of five or fifty long
 * files in turn reads each file once, as it reads one (the first cap, four files, read
 * every file again for each row when the rows took five in turn). */
#define INDEXES_BYTES ((size_t)256 << 20) /* four files of CSV_FILE_MAX_BYTES */
enum { NO_RECORD = UINT32_MAX };

struct record_at {
    size_t pos;    /* where csv_next starts it (struct csv's pos) */
    int line;      /* struct csv's line before it */
    uint32_t next; /* the item's next record, or NO_RECORD */
};

struct item_records {
    size_t name;          /* in the index's names */
    uint32_t first, last; /* its records, in file order */
};

struct file_index {
    char path[HISTORY_PATH_MAX];
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    struct history_options options; /* as read, but for the item ("") */
    struct csv_encoding read_as;    /* how it was read (as GB18030?) */
    int refs;                       /* the list's and its readers' (under index_lock) */
    char *text;
    size_t len;
    int status;       /* -1: the file fails for every item, its problem in err */
    bool bad_row;     /* a row fails pass's checks: every item whose rows do not fail first, with err */
    char err[4096];   /* the problem, as pass wrote it */
    struct reader rd; /* settled by settle_file and the first row */
    struct record_at *records;
    size_t nrecords, caprecords;
    struct item_records *items; /* in the order of their first row */
    size_t nitems, capitems;
    uint32_t *slots; /* a hash of items: an item's index + 1, 0 free */
    size_t nslots;
    char *names;
    size_t namelen, capnames;
};

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The item named name in x, or NULL. */
static const struct item_records *index_item(const struct file_index *x, const char *name)
{
    if (!x->nslots) return NULL;
    for (size_t i = name_hash(name) & (x->nslots - 1);; i = (i + 1) & (x->nslots - 1)) {
        if (!x->slots[i]) return NULL;
        const struct item_records *it = &x->items[x->slots[i] - 1];
        if (strcmp(x->names + it->name, name) == 0) return it;
    }
}

/* Put the slot of x's item k in its hash. */
static void index_slot(struct file_index *x, size_t k)
{
    size_t i = name_hash(x->names + x->items[k].name) & (x->nslots - 1);
    while (x->slots[i]) i = (i + 1) & (x->nslots - 1);
    x->slots[i] = (uint32_t)k + 1;
}

/* Add a record at pos (after line `line`) of item name to x. */
static void index_add(struct file_index *x, const char *name, size_t pos, int line)
{
    if (x->nrecords == x->caprecords) {
        x->caprecords = x->caprecords ? 2 * x->caprecords : 4096;
        x->records = realloc(x->records, x->caprecords * sizeof *x->records);
        if (!x->records) abort();
    }
    uint32_t k = (uint32_t)x->nrecords++;
    x->records[k] = (struct record_at){pos, line, NO_RECORD};
    struct item_records *it = (struct item_records *)index_item(x, name);
    if (it) {
        x->records[it->last].next = k;
        it->last = k;
        return;
    }
    if (2 * (x->nitems + 1) > x->nslots) { /* the hash at most half full */
        free(x->slots);
        x->nslots = x->nslots ? 2 * x->nslots : 256;
        x->slots = calloc(x->nslots, sizeof *x->slots);
        if (!x->slots) abort();
        for (size_t i = 0; i < x->nitems; i++) index_slot(x, i);
    }
    if (x->nitems == x->capitems) {
        x->capitems = x->capitems ? 2 * x->capitems : 256;
        x->items = realloc(x->items, x->capitems * sizeof *x->items);
        if (!x->items) abort();
    }
    size_t n = strlen(name) + 1;
    while (x->namelen + n > x->capnames) {
        x->capnames = x->capnames ? 2 * x->capnames : 4096;
        x->names = realloc(x->names, x->capnames);
        if (!x->names) abort();
    }
    memcpy(x->names + x->namelen, name, n);
    x->items[x->nitems] = (struct item_records){x->namelen, k, k};
    x->namelen += n;
    index_slot(x, x->nitems++);
}

/* Index text (len bytes, taken) of the file at path as options read it (its item
 * only said to be given). */
static struct file_index *index_build(const char *path, char *text, size_t len, const struct history_options *options)
{
    struct file_index *x = calloc(1, sizeof *x);
    if (!x) abort();
    snprintf(x->path, sizeof x->path, "%s", path);
    x->options = *options;
    x->options.item[0] = '\0';
    x->text = text, x->len = len;
    struct reader *rd = &x->rd;
    *rd = (struct reader){
        .path = x->path, .err = x->err, .errlen = sizeof x->err, .opt = options, .whole_file = !*options->item};
    bool dated = false, timed = false;
    if (settle_file(rd, text, len, &dated, &timed) != 0) {
        x->status = -1;
        return x;
    }
    struct csv c;
    csv_init(&c, text, len);
    c.sep = rd->sep;
    struct csv_record *r = malloc(sizeof *r);
    if (!r) abort();
    char problem[500];
    bool first = true;
    for (;;) { /* pass's second pass but for the item's own rows */
        size_t pos = c.pos;
        int line = c.line, got = csv_next(&c, r, problem, sizeof problem);
        if (got == 0) break;
        if (got < 0) {
            snprintf(rd->err, rd->errlen, "%s:%s", rd->path, problem);
            x->bad_row = true;
            break;
        }
        if (r->blank) continue; /* blank rows before others failed the first pass */
        if (first) {
            first = false;
            if (first_row(rd, r) != 0) { /* as in the first pass, which passed */
                x->bad_row = true;
                break;
            }
            if (rd->header) continue;
        }
        if (fullwidth_row(rd, r, false) != 0 || (r->n != rd->nfields && !rd->trailing && wrong_length(rd, r) != 0) ||
            (rd->trailing && trailing_cells(rd, r) != 0)) {
            x->bad_row = true;
            break;
        }
        /* every row's day, as pass notes another item's rows and its own read */
        note_span(rd, r);
        index_add(x, r->field[rd->col[COL_ITEM]], pos, line);
    }
    free(r);
    return x;
}

/* The rows of rd's item in x (rd: path, err and options set), as pass would read them
 * from the whole file. Returns their count, or -1 reported. */
static long index_rows(struct reader *rd, const struct file_index *x, struct row **rows, bool *dated, bool *timed)
{
    if (x->status != 0) {
        snprintf(rd->err, rd->errlen, "%s", x->err);
        return -1;
    }
    const struct history_options *o = rd->opt;
    const struct item_records *own = index_item(x, o->item);
    struct csv_record *r = malloc(sizeof *r);
    if (!r) abort();
    struct own_rows st = {0};
    long rc = 0;
    char problem[500];
    for (uint32_t k = own ? own->first : NO_RECORD; k != NO_RECORD; k = x->records[k].next) {
        struct csv c;
        csv_init(&c, x->text, x->len);
        c.sep = rd->sep;
        c.pos = x->records[k].pos;
        c.line = x->records[k].line;
        if (csv_next(&c, r, problem, sizeof problem) != 1 || own_row(rd, r, &st, rows, dated, timed) != 0) {
            rc = -1;
            break;
        }
    }
    free(r);
    if (rc == 0 && x->bad_row) { /* a later row of any item fails */
        snprintf(rd->err, rd->errlen, "%s", x->err);
        rc = -1;
    }
    char seen[5][64];
    size_t others = 0;
    for (size_t i = 0; i < x->nitems && others < 5; i++)
        if (&x->items[i] != own) snprintf(seen[others++], sizeof seen[0], "%s", x->names + x->items[i].name);
    return own_rows_end(rd, &st, rows, rc, others, seen);
}

static void index_free(struct file_index *x)
{
    free(x->text), free(x->records), free(x->items), free(x->slots), free(x->names);
    free(x);
}

/* The indexes kept, the most recently used last, and their texts' bytes (under index_lock). */
static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;
static struct file_index **indexes;
static size_t nindexes, capindexes, index_bytes;

/* Let go of x (under index_lock). */
static void index_release(struct file_index *x)
{
    if (--x->refs == 0) index_free(x);
}

/* The index of the file at path (as st says it is now) for options: kept, or read and
 * kept; NULL with the problem in err when the file cannot be read (*located false). The
 * caller lets go of it with index_done. */
static struct file_index *index_get(const char *path, const struct stat *st, const struct history_options *options,
                                    bool *located, char *err, size_t errlen)
{
    struct history_options key = *options;
    key.item[0] = '\0';
    pthread_mutex_lock(&index_lock);
    for (size_t i = 0; i < nindexes; i++) {
        struct file_index *x = indexes[i];
        if (same_options(&x->options, &key) && x->options.period_given == key.period_given &&
            strcmp(x->path, path) == 0 && x->dev == st->st_dev && x->ino == st->st_ino && x->size == st->st_size &&
            x->mtime.tv_sec == st->st_mtim.tv_sec && x->mtime.tv_nsec == st->st_mtim.tv_nsec) {
            x->refs++;
            memmove(indexes + i, indexes + i + 1, (nindexes - i - 1) * sizeof *indexes); /* now the latest */
            indexes[nindexes - 1] = x;
            pthread_mutex_unlock(&index_lock);
            *located = true;
            return x;
        }
    }
    size_t len = 0;
    struct csv_encoding read_as;
    char *text = csv_read_table(path, &len, &read_as, err, errlen);
    if (!text) {
        pthread_mutex_unlock(&index_lock);
        return NULL;
    }
    *located = true;
    struct file_index *x = index_build(path, text, len, options);
    x->read_as = read_as;
    x->dev = st->st_dev, x->ino = st->st_ino, x->size = st->st_size, x->mtime = st->st_mtim;
    while (nindexes && index_bytes + len > INDEXES_BYTES) { /* the least recently used go */
        index_bytes -= indexes[0]->len;
        index_release(indexes[0]);
        memmove(indexes, indexes + 1, (nindexes - 1) * sizeof *indexes);
        nindexes--;
    }
    if (nindexes == capindexes) {
        capindexes = capindexes ? 2 * capindexes : 8;
        indexes = realloc(indexes, capindexes * sizeof *indexes);
        if (!indexes) abort();
    }
    indexes[nindexes++] = x;
    index_bytes += len;
    x->refs = 2; /* the list's and the caller's */
    pthread_mutex_unlock(&index_lock);
    return x;
}

static void index_done(struct file_index *x)
{
    pthread_mutex_lock(&index_lock);
    index_release(x);
    pthread_mutex_unlock(&index_lock);
}

/* The history of options' item in x, named path, or NULL with the problem in err. */
static struct history_info *index_read(const struct file_index *x, const char *path,
                                       const struct history_options *options, char *err, size_t errlen)
{
    struct reader rd = x->rd;
    rd.path = path, rd.err = err, rd.errlen = errlen, rd.opt = options;
    struct row *rows = NULL;
    bool dated = false, timed = false;
    long n = index_rows(&rd, x, &rows, &dated, &timed);
    return history_of_rows(&rd, rows, n, dated, timed);
}

const struct history_info *history_load(const char *path, enum history_kind kind, bool *located, char *err,
                                        size_t errlen)
{
    struct history_options o = {.kind = kind};
    struct csv_encoding read_as;
    return history_load_options(path, &o, located, &read_as, err, errlen);
}

/* The paths of files read as GB18030 so far (under lock): the first read of each says so. */
static char **gb18030_paths;
static size_t ngb18030;

/* Is path read as GB18030 for the first time? Kept if so (under lock). */
static bool gb18030_first(const char *path)
{
    for (size_t i = 0; i < ngb18030; i++)
        if (strcmp(gb18030_paths[i], path) == 0) return false;
    gb18030_paths = realloc(gb18030_paths, (ngb18030 + 1) * sizeof *gb18030_paths);
    size_t n = strlen(path) + 1;
    if (!gb18030_paths || !(gb18030_paths[ngb18030] = malloc(n))) abort();
    memcpy(gb18030_paths[ngb18030++], path, n);
    return true;
}

const struct history_info *history_load_options(const char *path, const struct history_options *options, bool *located,
                                                struct csv_encoding *read_as, char *err, size_t errlen)
{
    *located = false;
    *read_as = (struct csv_encoding){0};
    struct stat st = {0};
    bool stated = stat(path, &st) == 0;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; stated && i < nknown; i++) {
        const struct known *k = &known[i];
        if (same_options(&k->hi->options, options) && (options->period_given || !k->hi->periodic) &&
            strcmp(k->hi->path, path) == 0 && k->dev == st.st_dev && k->ino == st.st_ino && k->size == st.st_size &&
            k->mtime.tv_sec == st.st_mtim.tv_sec && k->mtime.tv_nsec == st.st_mtim.tv_nsec) {
            const struct history_info *hi = k->hi;
            pthread_mutex_unlock(&lock);
            return hi;
        }
    }
    pthread_mutex_unlock(&lock);
    if (strlen(path) >= HISTORY_PATH_MAX) {
        snprintf(err, errlen, _("the path is too long (at most %d characters)"), HISTORY_PATH_MAX - 1);
        return NULL;
    }
    struct history_info *hi;
    if (*options->item_column && *options->item && stated) { /* one item of a long file: its index */
        struct file_index *x = index_get(path, &st, options, located, err, errlen);
        if (!x) return NULL;
        if (x->read_as.gb18030) {
            pthread_mutex_lock(&lock);
            if (gb18030_first(path)) *read_as = x->read_as;
            pthread_mutex_unlock(&lock);
        }
        hi = index_read(x, path, options, err, errlen);
        index_done(x);
    } else {
        size_t len = 0;
        struct csv_encoding enc;
        char *text = csv_read_table(path, &len, &enc, err, errlen);
        if (!text) return NULL;
        *located = true;
        if (enc.gb18030) {
            pthread_mutex_lock(&lock);
            if (gb18030_first(path)) *read_as = enc;
            pthread_mutex_unlock(&lock);
        }
        hi = history_read(path, text, len, options, err, errlen);
        free(text);
    }
    if (!hi) return NULL;
    pthread_mutex_lock(&lock);
    if (nknown == capknown) {
        capknown = capknown ? 2 * capknown : 16;
        known = realloc(known, capknown * sizeof *known);
        if (!known) abort();
    }
    known[nknown++] =
        (struct known){.hi = hi, .dev = st.st_dev, .ino = st.st_ino, .size = st.st_size, .mtime = st.st_mtim};
    pthread_mutex_unlock(&lock);
    return hi;
}

int history_check_file(const char *path, const struct history_options *options, bool *located,
                       struct csv_encoding *read_as, char *err, size_t errlen)
{
    *located = false;
    *read_as = (struct csv_encoding){0};
    struct stat st = {0};
    if (strlen(path) >= HISTORY_PATH_MAX) {
        snprintf(err, errlen, _("the path is too long (at most %d characters)"), HISTORY_PATH_MAX - 1);
        return -1;
    }
    if (stat(path, &st) != 0) { /* the message csv_read_table gives a file it cannot open */
        size_t len = 0;
        struct csv_encoding enc;
        free(csv_read_table(path, &len, &enc, err, errlen));
        return -1;
    }
    struct history_options whole = *options;
    whole.item[0] = '\0';
    struct file_index *x = index_get(path, &st, &whole, located, err, errlen);
    if (!x) return -1;
    if (x->read_as.gb18030) {
        pthread_mutex_lock(&lock);
        if (gb18030_first(path)) *read_as = x->read_as;
        pthread_mutex_unlock(&lock);
    }
    int rc = 0;
    if (x->status != 0 || x->bad_row) { /* what each item's reading would say first */
        snprintf(err, errlen, "%s", x->err);
        rc = -1;
    }
    index_done(x);
    return rc;
}

int history_resolve(const char *given, const char *dir, char *out, size_t n)
{
    int w = given[0] == '/' || !dir || !*dir ? snprintf(out, n, "%s", given) : snprintf(out, n, "%s/%s", dir, given);
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

/* ---- describing ---- */

/* One fitted distribution: what it describes ("order gaps", in days; "order sizes", in
 * units), whole messages for each, since the words change with the language. */
static void describe_fit(FILE *out, const char *prefix, bool gaps, const struct fit *f)
{
    char m[40], mc[40], sd[40], sdc[40];
    if (strcmp(f->family, "constant") == 0) {
        num_format(f->mean, m, sizeof m);
        if (gaps && f->mean == 1)
            fprintf(out, _("%s  order gaps: all %zu alike, %s day\n"), prefix, f->n, m);
        else if (gaps)
            fprintf(out, _("%s  order gaps: all %zu alike, %s days\n"), prefix, f->n, m);
        else
            fprintf(out, _("%s  order sizes: all %zu alike, %s units\n"), prefix, f->n, m);
        return;
    }
    /* %.4g's and %.2g's digits without their exponent: ± 150, not ± 1.5e+02 */
    num_about(f->mean, 4, m, sizeof m), num_about(f->mean_ci95, 2, mc, sizeof mc);
    num_about(f->sd, 4, sd, sizeof sd), num_about(f->sd_ci95, 2, sdc, sizeof sdc);
    char line[600]; /* the fit, then its test: one line, wrapped at a terminal's width */
    int at;
    if (strcmp(f->family, "exponential") == 0)
        at = snprintf(line, sizeof line,
                      gaps ? _("%s  order gaps: exponential, mean %s ± %s days")
                           : _("%s  order sizes: exponential, mean %s ± %s units"),
                      prefix, m, mc);
    else
        at = snprintf(line, sizeof line,
                      gaps ? _("%s  order gaps: %s, mean %s ± %s, sd %s ± %s days")
                           : _("%s  order sizes: %s, mean %s ± %s, sd %s ± %s units"),
                      prefix, f->family, m, mc, sd, sdc);
    size_t used = at < 0 ? 0 : (size_t)at < sizeof line ? (size_t)at : sizeof line - 1;
    if (f->integer)
        snprintf(line + used, sizeof line - used,
                 _("; KS D = %.3f, p = %.2g (n = %zu, whole numbers: compared with the fit rounded)\n"), f->ks_d,
                 f->ks_p, f->n);
    else
        snprintf(line + used, sizeof line - used, "; KS D = %.3f, p = %.2g (n = %zu)\n", f->ks_d, f->ks_p, f->n);
    lang_print_wrapped(out, lang_tidy_cut(line), LANG_LINE_MAX);
}

size_t history_missing(const struct history_info *hi, size_t *periods)
{
    *periods = hi->options.period == HISTORY_PERIOD_DAY ? hi->h.ndays : hi->h.nperiods;
    return hi->kind == HISTORY_DAILY && *periods > hi->rows ? *periods - hi->rows : 0;
}

/* hi's rows, days and orders, each counted in its own number: "366 daily rows", "366 days
 * from 2024-01-01", "11,482 units in 366 orders" (rows: nr of them; units, orders: as given). */
static void describe_counts(const struct history_info *hi, size_t nr, size_t ndays, const char *first_date,
                            double first_day, double units, size_t norders, char *rows, size_t rn, char *days,
                            size_t dn, char *orders, size_t on)
{
    char total[40], first[60];
    if (hi->dated)
        snprintf(first, sizeof first, _("from %s"), first_date);
    else
        snprintf(first, sizeof first, _("from day %.0f"), first_day);
    num_format(units, total, sizeof total);
    if (hi->options.period == HISTORY_PERIOD_WEEK)
        snprintf(rows, rn,
                 P_("%zu weekly row, spread evenly over its 7 days",
                    "%zu weekly rows, each spread evenly over its 7 days", nr),
                 nr);
    else if (hi->options.period == HISTORY_PERIOD_MONTH)
        snprintf(rows, rn,
                 P_("%zu monthly row, spread evenly over its days",
                    "%zu monthly rows, each spread evenly over its days", nr),
                 nr);
    else if (hi->kind == HISTORY_DAILY)
        snprintf(rows, rn, P_("%zu daily row", "%zu daily rows", nr), nr);
    else
        snprintf(rows, rn, P_("%zu order row", "%zu order rows", nr), nr);
    snprintf(days, dn, P_("%zu day %s", "%zu days %s", ndays), ndays, first);
    snprintf(orders, on, P_("%s units in %zu order", "%s units in %zu orders", norders), total, norders);
}

/* What the reading chose where the keys left it open, for the planner to check: the date's
 * and the quantity's columns found, rows newest first, dates YYYYMMDD. */
static void describe_reading(FILE *out, const struct history_info *hi, const char *prefix)
{
    if (hi->date_by_header)
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            _("%s  date: column %d, '%s', by its header's words (history_date_column is not set)\n"),
                            prefix, hi->date_column, hi->date_name);
    if (hi->quantity_how == HISTORY_QUANTITY_BY_HEADER)
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            _("%s  quantity: column %d, '%s', by its header's words (history_quantity_column is "
                              "not set)\n"),
                            prefix, hi->quantity_column, hi->quantity_name);
    else if (hi->quantity_how == HISTORY_QUANTITY_BY_NUMBERS && *hi->quantity_name)
        lang_printf_wrapped(
            out, LANG_LINE_MAX,
            _("%s  quantity: column %d, '%s', the only other column of numbers (history_quantity_column "
              "is not set)\n"),
            prefix, hi->quantity_column, hi->quantity_name);
    else if (hi->quantity_how == HISTORY_QUANTITY_BY_NUMBERS)
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            _("%s  quantity: column %d, the only other column of numbers (history_quantity_column is "
                              "not set)\n"),
                            prefix, hi->quantity_column);
    if (hi->newest_first)
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            _("%s  rows newest first (dates descending, as the export lists them): read from the "
                              "last row up\n"),
                            prefix);
    if (hi->compact_dates) { /* the file's first date, as written and as read */
        char date[20];
        snprintf(date, sizeof date, "%.4s-%.2s-%.2s", hi->compact_first, hi->compact_first + 4, hi->compact_first + 6);
        lang_printf_wrapped(out, LANG_LINE_MAX, _("%s  dates written YYYYMMDD, as every row's is: %s read as %s\n"),
                            prefix, hi->compact_first, date);
    }
}

void history_describe(FILE *out, const struct history_info *hi, enum history_mode mode, const char *prefix)
{
    const struct demand_history *h = &hi->h;
    /* in three counted pieces, each in its number: "1 daily row, 365 days from ...; 5 units in 1 order" */
    char rows[200], days[120], orders[120];
    describe_counts(hi, hi->rows, h->ndays, hi->first_date, hi->first_day, h->total_units, h->norders, rows,
                    sizeof rows, days, sizeof days, orders, sizeof orders);
    /* wrapped at a terminal's width: a long path */
    /* TRANSLATORS: the prefix, the file, then the rows, the days and the orders as above */
    lang_printf_wrapped(out, LANG_LINE_MAX, _("%sDemand history %s: %s, %s; %s\n"), prefix, hi->path, rows, days,
                        orders);
    if (hi->kind == HISTORY_ORDERS && !hi->timed) /* an ERP's order dates: the times within a day are not known */
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            _("%s  no time of day in the rows: each day's orders are spread evenly over it "
                              "(assumed, not recorded)\n"),
                            prefix);
    if (hi->options.item[0]) /* one item of a long file: say which, so a batch row's report names its own */
        fprintf(out, _("%s  item %s: the rows whose column '%s' holds it (the other items' rows are skipped)\n"),
                prefix, hi->options.item, hi->options.item_column);
    describe_reading(out, hi, prefix);
    char mean[40], sd[40]; /* 12345.6 a day is 12350, not 1.235e+04 */
    fprintf(out, _("%s  per day: mean %s, sd %s units; %zu of %zu days with demand\n"), prefix,
            num_about(hi->mean_per_day, 4, mean, sizeof mean), num_about(hi->sd_per_day, 4, sd, sizeof sd),
            hi->days_with_demand, h->ndays);
    /* days (or periods) without a row are demand of 0, which a planner whose export leaves
       out days without sales expects, and one whose export lost days does not: said */
    size_t periods, missing = history_missing(hi, &periods);
    if (missing && hi->options.period == HISTORY_PERIOD_WEEK)
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            P_("%s  %zu of the %zu weeks has no row: read as a week without demand (0 units), as the "
                               "mean counts it\n",
                               "%s  %zu of the %zu weeks have no row: read as weeks without demand (0 units), as the "
                               "mean counts them\n",
                               missing),
                            prefix, missing, periods);
    else if (missing && hi->options.period == HISTORY_PERIOD_MONTH)
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            P_("%s  %zu of the %zu months has no row: read as a month without demand (0 units), as "
                               "the mean counts it\n",
                               "%s  %zu of the %zu months have no row: read as months without demand (0 units), as "
                               "the mean counts them\n",
                               missing),
                            prefix, missing, periods);
    else if (missing)
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            P_("%s  %zu of the %zu days has no row: read as a day without demand (0 units), as the "
                               "mean counts it\n",
                               "%s  %zu of the %zu days have no row: read as days without demand (0 units), as the "
                               "mean counts them\n",
                               missing),
                            prefix, missing, periods);
    static const char *const how[] = {
        [HISTORY_REPLAY] = N_("replayed in order from its first day (the start of the statistics window), repeated "
                              "if the run is longer"),
        [HISTORY_BOOTSTRAP] = N_("bootstrapped: every simulated day is a recorded day drawn at random"),
        [HISTORY_FIT] = N_("simulated from the distributions fitted below"),
        [HISTORY_BLOCK_BOOTSTRAP] = N_("block-bootstrapped: runs of consecutive recorded days, each from a day "
                                       "drawn at random"),
        [HISTORY_WEEKDAY_BOOTSTRAP] = N_("weekday-bootstrapped: every simulated day is a recorded day of the same "
                                         "weekday drawn at random"),
    };
    if (mode == HISTORY_BOOTSTRAP && hi->h.nperiods) /* models/history_play.h */
        fprintf(out, "%s  %s\n", prefix,
                hi->options.period == HISTORY_PERIOD_MONTH
                    ? _("bootstrapped by months: every simulated month is a recorded month drawn at random, its "
                        "days in order")
                    : _("bootstrapped by weeks: every simulated week is a recorded week drawn at random, its days in "
                        "order"));
    else if ((size_t)mode < sizeof how / sizeof how[0] && how[mode])
        fprintf(out, "%s  %s\n", prefix, _(how[mode]));
    history_describe_structure(out, hi, mode, prefix);
    if (!hi->fitted) {
        fprintf(out, _("%s  no fit: %s\n"), prefix, hi->fit_problem);
        return;
    }
    if (mode == HISTORY_FIT)
        lang_printf_wrapped(
            out, LANG_LINE_MAX,
            _("%s  fitted by maximum likelihood (best of exponential, gamma, lognormal by AIC; ± 95%%):\n"), prefix);
    else
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            _("%s  fitted by maximum likelihood (best of exponential, gamma, lognormal by AIC; "
                              "± 95%%), for the service levers' theory:\n"),
                            prefix);
    describe_fit(out, prefix, true, &hi->gaps);
    describe_fit(out, prefix, false, &hi->units);
}

void history_describe_file(FILE *out, const struct history_info *const *his, size_t n, const char *prefix)
{
    const struct history_info *hi = his[0];
    if (!hi->options.item[0]) { /* the file whole: its first line as run describes it, and how it was read */
        char rows[200], days[120], orders[120];
        describe_counts(hi, hi->rows, hi->h.ndays, hi->first_date, hi->first_day, hi->h.total_units, hi->h.norders,
                        rows, sizeof rows, days, sizeof days, orders, sizeof orders);
        lang_printf_wrapped(out, LANG_LINE_MAX, _("%sDemand history %s: %s, %s; %s\n"), prefix, hi->path, rows, days,
                            orders);
        describe_reading(out, hi, prefix);
        return;
    }
    /* one long export's items: each once (two rows may read the same item), their rows,
       orders and units added up, over the longest of their spans */
    enum { ITEMS_SHOWN = 5 };
    size_t items = 0, nr = 0, norders = 0;
    double units = 0;
    const struct history_info *longest = hi;
    /* room for ITEMS_SHOWN whole names and the count after them (400 bytes cut five long
       Chinese names and "and 2 more") */
    char list[ITEMS_SHOWN * (HISTORY_NAME_LEN + 2) + 64] = "";
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        bool again = false;
        for (size_t k = 0; k < i && !again; k++) again = strcmp(his[k]->options.item, his[i]->options.item) == 0;
        if (again) continue;
        if (items < ITEMS_SHOWN && used < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", items ? ", " : "", his[i]->options.item);
        items++;
        nr += his[i]->rows, norders += his[i]->h.norders, units += his[i]->h.total_units;
        if (his[i]->h.ndays > longest->h.ndays) longest = his[i];
    }
    if (items > ITEMS_SHOWN && used < sizeof list)
        snprintf(list + used, sizeof list - used, C_("items", " and %zu more"), items - ITEMS_SHOWN);
    char what[120], rows[200], days[120], orders[120];
    snprintf(what, sizeof what, P_("%zu item", "%zu items", items), items);
    describe_counts(longest, nr, longest->h.ndays, longest->first_date, longest->first_day, units, norders, rows,
                    sizeof rows, days, sizeof days, orders, sizeof orders);
    /* TRANSLATORS: the prefix, the file, "3 items", the item column's header, the items
       ("bolt_01, hinge_01 and 3 more"), then their rows, days and orders as run's description
       counts them ("1098 daily rows", "366 days from 2024-01-01", "25 units in 9 orders") */
    lang_printf_wrapped(out, LANG_LINE_MAX, _("%sDemand history %s: %s of its column '%s' (%s): %s, %s; %s\n"), prefix,
                        hi->path, what, hi->options.item_column, list, rows, days, orders);
    describe_reading(out, hi, prefix);
}
