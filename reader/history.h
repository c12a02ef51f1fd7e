/* history.h - a planner's demand history read from a CSV file: one row per day (its
 * total) or per order, each a date (YYYY-MM-DD) or a day number and a quantity, in
 * date order, with an optional header row. Days with no row had no demand. Whole day
 * numbers or dates spread a day's orders evenly over it; decimal day numbers give
 * each order's time. Distributions of the order gaps and sizes are fitted at once
 * (sim/fit.h) for the `fit` mode and for the reports.
 *
 * Histories are read once per process and kept: every sweep point, batch row and
 * configuration copy shares the same immutable data (models/config.h borrows it).
 */
#ifndef READER_HISTORY_H
#define READER_HISTORY_H

#include "models/config.h"
#include "sim/fit.h"
#include "sim/series.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum history_kind { HISTORY_DAILY, HISTORY_ORDERS }; /* the words "daily", "orders" */

enum { HISTORY_MAX_DAYS = 100000, HISTORY_PATH_MAX = 1024 };

struct history_info {
    char path[HISTORY_PATH_MAX]; /* as opened */
    enum history_kind kind;
    struct demand_history h;         /* what the model plays */
    size_t rows;                     /* data rows read (orders kind: orders, with 0 quantities) */
    bool dated;                      /* the day column holds dates */
    char first_date[40];             /* the first day's date, if dated */
    double first_day;                /* the first day's number (days since 1970-01-01 if dated) */
    double mean_per_day, sd_per_day; /* daily totals over every day, zeros included */
    size_t days_with_demand;
    bool fitted;            /* gaps and units below hold fits; else fit_problem says why */
    struct fit gaps, units; /* order gaps (days) and order sizes (units) */
    char fit_problem[400];
    struct series_structure structure; /* of the daily totals (sim/series.h) */
};

/* Read (or find already read) the history at path of the given kind. Returns it
 * (shared, never freed), or NULL with the problem in err: "cannot open: ..." and
 * *located = false for a file that cannot be read at all, or "PATH:ROW:COL: column
 * 'quantity': ..." (or "PATH:ROW: ...") and *located = true for its contents. */
const struct history_info *history_load(const char *path, enum history_kind kind, bool *located, char *err,
                                        size_t errlen);

/* The path to open for `given`, written in a file in directory dir ("" or NULL: the
 * current directory): given itself if absolute, else dir/given. Returns 0, or -1 if
 * it does not fit in n. */
int history_resolve(const char *given, const char *dir, char *out, size_t n);

/* Describe hi played in `mode` (what it holds, its daily mean and sd, the fits with
 * their 95% half-widths and Kolmogorov-Smirnov figures), each line starting with
 * prefix: for the run report ("  ") and check's resolved file ("; "). */
void history_describe(FILE *out, const struct history_info *hi, enum history_mode mode, const char *prefix);

#endif
