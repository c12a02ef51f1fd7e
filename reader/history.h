/* history.h - a planner's demand history read from a CSV file: one row per day (its
 * total) or per order, each a date or a day number and a quantity, in date order, with
 * an optional header row. Days with no row had no demand. Whole day numbers or dates
 * spread a day's orders evenly over it; decimal day numbers or times of day give each
 * order's time.
 *
 * Exports as they come (struct history_options, the [demand] history_* keys): the
 * separator (comma, semicolon, tab) and decimal mark are detected when unambiguous;
 * quoted fields; thousands separators when declared; dates YYYY-MM-DD, YYYY/M/D,
 * D.M.YYYY, YYYY-MM-DD HH:MM:SS, YYYY-MM, and D/M/YYYY or M/D/YYYY as
 * history_date_format says (or as the file proves); columns by header name or number;
 * one item's rows of a long file; rows that are weekly or monthly totals, each spread
 * evenly over its days. Distributions of the order gaps and sizes are fitted at once
 * (sim/fit.h) for the `fit` mode and for the reports.
 *
 * Histories are read once per process and kept: every sweep point, batch row and
 * configuration copy shares the same immutable data (models/config.h borrows it).
 */
#ifndef READER_HISTORY_H
#define READER_HISTORY_H

#include "models/config.h"
#include "reader/csv.h"
#include "sim/fit.h"
#include "sim/series.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum history_kind { HISTORY_DAILY, HISTORY_ORDERS }; /* the words "daily", "orders" */

enum { HISTORY_MAX_DAYS = 100000, HISTORY_PATH_MAX = 1024, HISTORY_NAME_LEN = 256 };

/* How to read a file: the words of the [demand] history_* keys, in order (reader/keys.c).
 * Each AUTO detects what the file shows and refuses a file that fits two readings. */
enum history_separator { HISTORY_SEP_AUTO, HISTORY_SEP_COMMA, HISTORY_SEP_SEMICOLON, HISTORY_SEP_TAB };
enum history_decimal { HISTORY_DECIMAL_AUTO, HISTORY_DECIMAL_DOT, HISTORY_DECIMAL_COMMA };
enum history_thousands {
    HISTORY_THOUSANDS_NONE,
    HISTORY_THOUSANDS_COMMA,
    HISTORY_THOUSANDS_DOT,
    HISTORY_THOUSANDS_SPACE
};
enum history_date_format { HISTORY_DATES_AUTO, HISTORY_DATES_DMY, HISTORY_DATES_MDY };
enum history_period { HISTORY_PERIOD_DAY, HISTORY_PERIOD_WEEK, HISTORY_PERIOD_MONTH };

/* How the quantity's column was found: named (history_quantity_column, or the second of
 * two), or, with history_item_column alone, by its header's words or as the only column of
 * numbers besides the date's and the item's. */
enum history_quantity_how { HISTORY_QUANTITY_NAMED, HISTORY_QUANTITY_BY_HEADER, HISTORY_QUANTITY_BY_NUMBERS };

struct history_options {
    enum history_kind kind;
    enum history_separator separator;
    enum history_decimal decimal;
    enum history_thousands thousands;
    enum history_date_format date_format; /* the order of D/M/YYYY-like dates (the year last) */
    enum history_period period;           /* week, month: each row is the period's total (daily kind) */
    bool period_given; /* history_period is set (to day too): rows 7 days or a month apart are then what it says */
    /* a header name or a 1-based number; "" for the default (the first two columns, no item) */
    char date_column[HISTORY_NAME_LEN], quantity_column[HISTORY_NAME_LEN], item_column[HISTORY_NAME_LEN];
    char item[HISTORY_NAME_LEN]; /* the item whose rows are read, with item_column */
};

struct history_info {
    char path[HISTORY_PATH_MAX]; /* as opened */
    enum history_kind kind;
    struct history_options options; /* as read (the separator, decimal mark, date order as given) */
    struct demand_history h;        /* what the model plays */
    size_t rows;                    /* data rows read (orders kind: orders, with 0 quantities; week, month: periods) */
    bool dated;                     /* the day column holds dates */
    bool timed;          /* orders kind: the rows give each order's time (decimal day numbers, times of day); else each
                            day's orders are spread evenly over it */
    bool periodic;       /* daily rows all 7 days or a month apart, read so as history_period = day said */
    char first_date[40]; /* the first day's date, if dated */
    double first_day;    /* the first day's number (days since 1970-01-01 if dated) */
    double mean_per_day, sd_per_day; /* daily totals over every day, zeros included */
    size_t days_with_demand;
    bool fitted;            /* gaps and units below hold fits; else fit_problem says why */
    struct fit gaps, units; /* order gaps (days) and order sizes (units) */
    char fit_problem[400];
    char warning[600];                 /* what the reading saw that the planner should know ("" if nothing): a quoted
                                          cell over many lines, whose rows are read as its text */
    struct series_structure structure; /* of the daily totals (sim/series.h) */
    /* how the file was read where it took a choice the description says */
    bool newest_first;      /* the rows were newest first: read from the last up */
    bool compact_dates;     /* the dates were written YYYYMMDD (20240105) */
    char compact_first[16]; /* then the file's first, as written */
    enum history_quantity_how quantity_how;
    int quantity_column;                  /* the quantity's column, from 1 */
    char quantity_name[HISTORY_NAME_LEN]; /* its header, or "quantity" */
    bool date_by_header; /* history_date_column not set and column 1 not the date's: the date's column found by its
                            header's words */
    int date_column;     /* the date's column, from 1 */
    char date_name[HISTORY_NAME_LEN]; /* its header */
};

/* Read (or find already read) the history at path of the given kind. Returns it
 * (shared, never freed), or NULL with the problem in err: "cannot open: ..." and
 * *located = false for a file that cannot be read at all, or "PATH:ROW:COL: column
 * 'quantity': ..." (or "PATH:ROW: ...") and *located = true for its contents; negative
 * rows (returns) and a later row's problem are two such lines, '\n' apart, in file order. */
const struct history_info *history_load(const char *path, enum history_kind kind, bool *located, char *err,
                                        size_t errlen);

/* The same, read as options say; the kept histories are told apart by every option. A
 * file that is not UTF-8 but GB18030 (GBK) is read as such (reader/csv.h's
 * csv_read_table), its contents refused or not: *read_as is filled (its gb18030 set) the
 * first time the process reads that path so, for the caller to say so once
 * (csv_note_gb18030); else zeroed. */
const struct history_info *history_load_options(const char *path, const struct history_options *options, bool *located,
                                                struct csv_encoding *read_as, char *err, size_t errlen);

/* Check the long export at path read as options say (history_item_column set) for every
 * item, before any is chosen (a batch whose table gives each row its history_item): the
 * file is read and indexed as history_load_options reads it for an item (the index kept
 * for the items to come), and what it would refuse of the file, not of one item's rows, is
 * said as it says it. Returns 0, or -1 with *located and err as history_load_options sets
 * them; *read_as too. */
int history_check_file(const char *path, const struct history_options *options, bool *located,
                       struct csv_encoding *read_as, char *err, size_t errlen);

/* Read a history from text (len bytes, need not be NUL-terminated), named name in
 * messages. Returns it (the caller's: history_free), or NULL with the problem in err.
 * For the fuzz harness and tests; history_load keeps what it reads. */
struct history_info *history_read(const char *name, const char *text, size_t len, const struct history_options *options,
                                  char *err, size_t errlen);
void history_free(struct history_info *hi);

/* The path to open for `given`, written in a file in directory dir ("" or NULL: the
 * current directory): given itself if absolute, else dir/given. Returns 0, or -1 if
 * it does not fit in n. */
int history_resolve(const char *given, const char *dir, char *out, size_t n);

/* The days (weeks, months: hi's history_period) of a daily history that have no row, read
 * as without demand; their number of all in *periods. 0 for an orders history. */
size_t history_missing(const struct history_info *hi, size_t *periods);

/* Describe hi played in `mode` (what it holds, its daily mean and sd, the fits with
 * their 95% half-widths and Kolmogorov-Smirnov figures), each line starting with
 * prefix: for the run report ("  ") and check's resolved file ("; "). */
void history_describe(FILE *out, const struct history_info *hi, enum history_mode mode, const char *prefix);

/* Describe the file that the n histories his (one path: the file whole, or items of a long
 * export, history_item) were read from, once for a batch's rows: its rows, days and orders
 * as history_describe's first line counts them (a long export's items named, their rows,
 * orders and units added up, the days of the longest), and how it was read where the keys
 * left it open (the date's and the quantity's columns, newest first, YYYYMMDD). */
void history_describe_file(FILE *out, const struct history_info *const *his, size_t n, const char *prefix);

#endif
