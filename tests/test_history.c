/* test_history.c - demand from a history file (README: Planner's kit): replay reproduces the
 * history's demand exactly, bootstrap its mean daily demand within a confidence
 * interval, and fit recovers the parameters of histories generated from known
 * distributions within the fit's own confidence intervals. Histories are written to a
 * temporary directory and read through the scenario reader, the way a planner runs
 * them; reading errors name file, row and column. */
#include "check.h"
#include "cli/simulate.h"
#include "models/metrics.h"
#include "models/model.h"
#include "models/theory.h"
#include "reader/csv.h"
#include "reader/history.h"
#include "reader/scenario.h"
#include "sim/fit.h"
#include "sim/rng.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char dir[256];

/* name's text, in this program's scratch directory */
static void write_file(const char *name, const char *text)
{
    check_write_file(dir, name, text);
}

/* A scenario reading history `csv` of kind `kind` in mode `mode`, plus `extra` lines. */
static void write_scenario(const char *name, const char *csv, const char *kind, const char *mode, const char *extra)
{
    char text[2000];
    snprintf(text, sizeof text,
             "[run]\n%s\n\n[demand]\nhistory = %s\nhistory_kind = %s\nhistory_mode = %s\n\n"
             "[inventory]\npolicy = sQ\nreorder_point = 60\norder_quantity = 150\nlead_time_days = 2\n\n"
             "[costs]\nholding_per_unit_day = 0.1\norder_per_unit = 5\n\n[revenue]\nprice_per_unit = 8\n",
             extra, csv, kind, mode);
    write_file(name, text);
}

static struct scenario sc;
static char messages[4000];

/* Load dir/name; the problems go to messages. */
static int load(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    memset(messages, 0, sizeof messages);
    FILE *err = fmemopen(messages, sizeof messages, "w");
    int rc = scenario_load(&sc, path, NULL, 0, err);
    fclose(err);
    return rc;
}

/* Run the loaded scenario; rows gets reps x nm values, s the summaries. */
static void run(double **rows, struct summary **s)
{
    size_t nm = metric_count(&sc.cfg);
    unsigned reps = sc.cfg.run.replications;
    *rows = malloc(reps * nm * sizeof **rows);
    *s = malloc(nm * sizeof **s);
    const struct model_config *cfg = &sc.cfg;
    struct simulate_opts so = {.threads = 2};
    if (simulate(&cfg, 1, reps, &so, *rows) != 0) abort();
    simulate_summarise(*rows, reps, nm, *s);
}

/* ---- 1. replay ---- */

static double daily_total; /* of daily.csv */

static void make_daily(void)
{
    /* 200 days of made-up sales, some days without any; a header row; dates */
    gsl_rng *r = rng_stream_new(7, 0, 0);
    char *text = malloc(20000);
    size_t used = (size_t)sprintf(text, "date,units_sold\n");
    daily_total = 0;
    for (int k = 0; k < 200; k++) {
        unsigned q = gsl_ran_poisson(r, k % 7 == 3 ? 0.5 : 12);
        if (k % 11 == 5) continue;          /* a missing day: no demand */
        int m = 1 + k / 28, d = 1 + k % 28; /* 28 days a month is enough for dates */
        used += (size_t)sprintf(text + used, "2023-%02d-%02d,%u\n", m, d, q);
        daily_total += q;
    }
    gsl_rng_free(r);
    write_file("daily.csv", text);
    free(text);
}

static void test_replay(void)
{
    make_daily();
    write_scenario("replay.ini", "daily.csv", "daily", "replay", "horizon_days = 200\nreplications = 3");
    if (!check(load("replay.ini") == 0, "history-1.1 a daily history with dates loads (%s)", messages)) return;
    const struct history_info *hi = sc.history_info;
    /* the dates skip the 29th-31st of each month: days without a row have no demand */
    check(hi->h.ndays > 200 && hi->h.total_units == daily_total, "history-1.2 %zu days, %g units (want %g)",
          hi->h.ndays, hi->h.total_units, daily_total);
    double span = (double)hi->h.ndays;
    char horizon[100];
    snprintf(horizon, sizeof horizon, "horizon_days = %g\nreplications = 3", span);
    write_scenario("replay.ini", "daily.csv", "daily", "replay", horizon);
    load("replay.ini");
    double *rows;
    struct summary *s;
    run(&rows, &s);
    double got = s[M_UNITS_PER_DAY].mean * span;
    check(fabs(got - daily_total) < 1e-9 * daily_total && s[M_UNITS_PER_DAY].sd == 0,
          "history-1.3 replay over one pass reproduces the total demand exactly: %.10g units (history %g), the same in "
          "every replication",
          got, daily_total);
    check(fabs(s[M_ORDERS_PER_DAY].mean * span - (double)hi->h.norders) < 1e-9,
          "history-1.4 ... one order per day with demand: %g orders (history %zu)", s[M_ORDERS_PER_DAY].mean * span,
          hi->h.norders);
    free(rows), free(s);

    /* a warm-up plays the end of the history; the window still sees one exact pass */
    snprintf(horizon, sizeof horizon, "horizon_days = %g\nwarmup_days = 45\nreplications = 2", span);
    write_scenario("replay_warm.ini", "daily.csv", "daily", "replay", horizon);
    load("replay_warm.ini");
    run(&rows, &s);
    got = s[M_UNITS_PER_DAY].mean * span;
    check(fabs(got - daily_total) < 1e-9 * daily_total, "history-1.5 with a 45-day warm-up: %.10g units in the window",
          got);
    free(rows), free(s);

    /* longer than the history: it repeats */
    snprintf(horizon, sizeof horizon, "horizon_days = %g\nreplications = 1", 2.5 * span);
    write_scenario("replay_long.ini", "daily.csv", "daily", "replay", horizon);
    load("replay_long.ini");
    run(&rows, &s);
    double half = 0;
    for (size_t k = 0; k < (size_t)(span / 2); k++)
        for (size_t i = hi->h.first[k]; i < hi->h.first[k + 1]; i++) half += hi->h.units[i];
    got = s[M_UNITS_PER_DAY].mean * 2.5 * span;
    check(fabs(got - (2 * daily_total + half)) < 1e-9 * daily_total,
          "history-1.6 over 2.5 passes: %.10g units (want 2 x %g + %g)", got, daily_total, half);
    free(rows), free(s);

    /* orders with times of day: each replayed at its time */
    write_file("orders.csv", "day,qty\n0.25,3\n0.75,2\n1.5,4\n1.5,1\n3.1,6\n");
    write_scenario("orders.ini", "orders.csv", "orders", "replay", "horizon_days = 4\nreplications = 1");
    if (check(load("orders.ini") == 0, "history-1.7 an order history with times of day loads (%s)", messages)) {
        run(&rows, &s);
        check(fabs(s[M_UNITS_PER_DAY].mean * 4 - 16) < 1e-12 && fabs(s[M_ORDERS_PER_DAY].mean * 4 - 5) < 1e-12,
              "history-1.8 ... 5 orders, 16 units replayed (got %g, %g)", s[M_ORDERS_PER_DAY].mean * 4,
              s[M_UNITS_PER_DAY].mean * 4);
        check(sc.history_info->h.ndays == 4 && sc.history_info->h.at[0] == 0.25 && sc.history_info->h.at[4] == 3.1 - 3,
              "history-1.9 ... 4 days, times of day kept");
        free(rows), free(s);
    }
}

/* ---- 2. bootstrap ---- */

static void test_bootstrap(void)
{
    write_scenario("boot.ini", "daily.csv", "daily", "bootstrap", "horizon_days = 365\nreplications = 60");
    if (!check(load("boot.ini") == 0, "history-2.1 bootstrap loads (%s)", messages)) return;
    double mean = sc.history_info->h.total_units / (double)sc.history_info->h.ndays;
    double *rows;
    struct summary *s;
    run(&rows, &s);
    const struct summary *u = &s[M_UNITS_PER_DAY];
    double hw99 = summary_halfwidth(u, 0.99);
    check(fabs(u->mean - mean) <= hw99,
          "history-2.2 bootstrap's mean daily demand %.4f ± %.4f (99%%, 60 replications of a year) holds the "
          "history's %.4f",
          u->mean, hw99, mean);
    /* the sd over replications of a year's mean: the days' sd / sqrt(365) */
    double expect_sd = sc.history_info->sd_per_day *
                       sqrt((double)(sc.history_info->h.ndays - 1) / (double)sc.history_info->h.ndays) / sqrt(365.0);
    check(u->sd > 0.7 * expect_sd && u->sd < 1.3 * expect_sd,
          "history-2.3 replications differ: sd of the yearly mean %.4f (resampling theory %.4f)", u->sd, expect_sd);
    free(rows), free(s);
}

/* ---- 3. fit ---- */

/* Write an order history of n orders with gaps from `gaps` and sizes from `sizes`
 * (decimal day numbers: exact times), load it with history_mode = fit. */
static int fit_history(const char *name, const struct dist *gaps, const struct dist *sizes, size_t n, bool whole_sizes)
{
    gsl_rng *r = rng_stream_new(11, 0, 0);
    char *text = malloc(n * 60 + 100);
    size_t used = (size_t)sprintf(text, "time_days,units\n");
    double t = 0;
    for (size_t i = 0; i < n; i++) {
        t += dist_sample(gaps, r);
        double u = dist_sample(sizes, r);
        if (whole_sizes) u = fmax(1, round(u));
        used += (size_t)sprintf(text + used, "%.9f,%.9g\n", t, u);
    }
    gsl_rng_free(r);
    char csv[80], ini[80];
    snprintf(csv, sizeof csv, "%s.csv", name);
    snprintf(ini, sizeof ini, "%s.ini", name);
    write_file(csv, text);
    free(text);
    write_scenario(ini, csv, "orders", "fit", "horizon_days = 365\nreplications = 20");
    return load(ini);
}

/* The true value lies within the fit's 99% interval (its 95% half-width x 2.576/1.96). */
static void within(const char *id, const char *what, double fitted, double ci95, double truth)
{
    double hw99 = ci95 * 2.5758293035489 / 1.959963984540054;
    check(fabs(fitted - truth) <= hw99, "%s fit recovers %s: %.5g ± %.2g (99%%), true %.5g", id, what, fitted, hw99,
          truth);
}

static void test_fit(void)
{
    struct dist g, l, e, c;
    char err[200];
    dist_init(&g, dist_type_find("gamma"), (double[]){0.2, 0.15}, 2, err, sizeof err);
    dist_init(&l, dist_type_find("lognormal"), (double[]){6, 3}, 2, err, sizeof err);
    if (!check(fit_history("fit_gl", &g, &l, 4000, false) == 0, "history-3.1 a gamma/lognormal history loads (%s)",
               messages))
        return;
    const struct history_info *hi = sc.history_info;
    check(strcmp(hi->gaps.family, "gamma") == 0 && strcmp(hi->units.family, "lognormal") == 0,
          "history-3.2 AIC picks gamma gaps (%s) and lognormal sizes (%s)", hi->gaps.family, hi->units.family);
    within("history-3.3", "the gaps' mean", hi->gaps.mean, hi->gaps.mean_ci95, 0.2);
    within("history-3.4", "the gaps' sd", hi->gaps.sd, hi->gaps.sd_ci95, 0.15);
    within("history-3.5", "the sizes' mean", hi->units.mean, hi->units.mean_ci95, 6);
    within("history-3.6", "the sizes' sd", hi->units.sd, hi->units.sd_ci95, 3);
    check(hi->gaps.ks_p > 0.01 && hi->units.ks_p > 0.01,
          "history-3.7 KS does not reject the true families: D = %.4f "
          "(p %.2g), D = %.4f (p %.2g)",
          hi->gaps.ks_d, hi->gaps.ks_p, hi->units.ks_d, hi->units.ks_p);
    /* simulating from the fit: orders arrive at 1 / mean gap a day */
    double *rows;
    struct summary *s;
    run(&rows, &s);
    double rate = 1 / hi->gaps.mean;
    check(fabs(s[M_ORDERS_PER_DAY].mean - rate) <= summary_halfwidth(&s[M_ORDERS_PER_DAY], 0.99),
          "history-3.8 the fit is simulated: %.4f ± %.4f orders a day, the fit's rate %.4f", s[M_ORDERS_PER_DAY].mean,
          summary_halfwidth(&s[M_ORDERS_PER_DAY], 0.99), rate);
    free(rows), free(s);

    /* exponential gaps (a Poisson process) and gamma sizes */
    dist_init(&e, dist_type_find("exponential"), (double[]){0.05}, 1, err, sizeof err);
    dist_init(&g, dist_type_find("gamma"), (double[]){20, 8}, 2, err, sizeof err);
    if (check(fit_history("fit_eg", &e, &g, 5000, false) == 0, "history-3.9 an exponential/gamma history loads")) {
        hi = sc.history_info;
        within("history-3.10", "the exponential gaps' mean", hi->gaps.mean, hi->gaps.mean_ci95, 0.05);
        within("history-3.11", "the exponential gaps' sd", hi->gaps.sd, hi->gaps.sd_ci95, 0.05);
        within("history-3.12", "the gamma sizes' mean", hi->units.mean, hi->units.mean_ci95, 20);
        within("history-3.13", "the gamma sizes' sd", hi->units.sd, hi->units.sd_ci95, 8);
        check(strcmp(hi->units.family, "gamma") == 0, "history-3.14 ... sizes fitted as gamma (%s)", hi->units.family);
    }
    /* whole-number sizes: KS against the rounded fit does not reject a good one */
    dist_init(&l, dist_type_find("lognormal"), (double[]){12, 5}, 2, err, sizeof err);
    dist_init(&g, dist_type_find("gamma"), (double[]){0.2, 0.15}, 2, err, sizeof err);
    if (check(fit_history("fit_int", &g, &l, 3000, true) == 0, "history-3.15 whole-number sizes load"))
        check(sc.history_info->units.integer && sc.history_info->units.ks_p > 0.01,
              "history-3.16 whole-number sizes are compared with the rounded fit: D = %.4f, p = %.2g",
              sc.history_info->units.ks_d, sc.history_info->units.ks_p);
    /* constant data gives a constant */
    dist_constant(&c, 1);
    dist_init(&l, dist_type_find("lognormal"), (double[]){5, 1}, 2, err, sizeof err);
    if (check(fit_history("fit_const", &c, &l, 50, false) == 0, "history-3.17 constant gaps load"))
        check(strcmp(sc.history_info->gaps.family, "constant") == 0 && sc.history_info->gaps.mean == 1,
              "history-3.18 constant gaps fit as a constant 1");
    /* the fitting code on its own: too few values */
    struct fit f;
    check(fit_values((double[]){1, 2, 3}, 3, NULL, &f, err, sizeof err) != 0 && strstr(err, "too few"),
          "history-3.19 three values are too few to fit: %s", err);
}

/* ---- 8. fit mode starts its renewal process in equilibrium ---- */

/* A stationary renewal process has exactly T / mean orders in [0, T] on average; one
 * started one gap after 0 has about (cv^2 - 1) / 2 fewer, half an order with these
 * regular gaps (cv 0.3). Fit mode must give the former: the history it was fitted to was
 * observed in mid-stream. */
static void test_fit_equilibrium(void)
{
    struct dist g, l;
    char err[200];
    dist_init(&g, dist_type_find("gamma"), (double[]){1, 0.3}, 2, err, sizeof err);
    dist_init(&l, dist_type_find("lognormal"), (double[]){5, 2}, 2, err, sizeof err);
    if (!check(fit_history("fit_eq", &g, &l, 2000, false) == 0, "history-8.1 a history of regular gaps loads (%s)",
               messages))
        return;
    const double horizon = 5;
    write_scenario("fit_eq.ini", "fit_eq.csv", "orders", "fit", "horizon_days = 5\nreplications = 4000");
    if (!check(load("fit_eq.ini") == 0, "history-8.2 ... in fit mode over 5 days (%s)", messages)) return;
    const struct dist *gaps = &sc.cfg.demand.interarrival_days;
    double want = horizon / dist_mean(gaps), cv = dist_sd(gaps) / dist_mean(gaps);
    double *rows;
    struct summary *s;
    run(&rows, &s);
    double got = s[M_ORDERS_PER_DAY].mean * horizon, hw = summary_halfwidth(&s[M_ORDERS_PER_DAY], 0.999) * horizon;
    check(fabs(got - want) <= hw,
          "history-8.3 fit mode (%s gaps, cv %.2f) has T / mean = %.4f orders in a %g-day window: %.4f ± %.4f (99.9%%)"
          "; one gap after 0 would give about %.4f",
          sc.history_info->gaps.family, cv, want, horizon, got, hw, want + (cv * cv - 1) / 2);
    free(rows), free(s);
}

/* ---- 4. reading errors name file, row and column ---- */

static void refused(const char *id, const char *csv_text, const char *kind, const char *mode, const char *want)
{
    write_file("bad.csv", csv_text);
    write_scenario("bad.ini", "bad.csv", kind, mode, "horizon_days = 10");
    int rc = load("bad.ini");
    char expect[600];
    snprintf(expect, sizeof expect, "%s%s", dir, want); /* want starts after the directory */
    check(rc == 2 && strncmp(messages, expect, strlen(expect)) == 0, "%s refused: %s     got: %s", id, expect,
          messages);
}

static void test_errors(void)
{
    refused("history-4.1", "date,sold\n2024-01-01,4\n2024-01-02,4x\n", "daily", "replay",
            "/bad.csv:3:2: column 'sold': ");
    refused("history-4.2", "2024-01-01,4\n2024-02-30,4\n", "daily", "replay",
            "/bad.csv:2:1: column 'day': '2024-02-30': February 2024 has 29 days\n");
    refused("history-4.3", "day,q\n1,4\n3,4\n2,5\n", "daily", "replay",
            "/bad.csv:4:1: column 'day': 2 comes before the day of row 3, but rows 2 to 3 go oldest first; rows must "
            "be in date order throughout, oldest first or newest first\n");
    refused("history-4.4", "day,q\n1,4\n1,4\n", "daily", "replay",
            "/bad.csv:3:1: column 'day': 1 appears again (row 2 has it too)");
    refused("history-4.5", "day,q\n1,4\n2,-3\n", "daily", "replay", "/bad.csv:3:2: column 'q': -3 is negative");
    refused("history-4.6", "day,q\n1,4\n\n2,3\n", "daily", "replay", "/bad.csv:3: empty row");
    refused("history-4.7", "day,q\n1,4,7\n", "daily", "replay", "/bad.csv:2: 3 fields; a history row has 2");
    refused("history-4.8", "day,q\n1,4\n2,1\n", "daily", "fit", "/bad.ini:7: [demand] history_mode: cannot fit");
    refused("history-4.9", "day,q\n1.5,4\n", "daily", "replay",
            "/bad.csv:2:1: column 'day': day 1.5 is not a whole number");
    refused("history-4.10", "day,q\n2024-01-01,4\n5,3\n", "orders", "replay",
            "/bad.csv:3:1: column 'day': '5' is a day number, but row 2 has a date");
    refused("history-4.11", "day,q\n1,\"4\n", "orders", "replay", "/bad.csv:2:2: a quoted field is not closed");
    write_scenario("missing.ini", "nothere.csv", "daily", "replay", "horizon_days = 10");
    load("missing.ini");
    char want[600];
    snprintf(want, sizeof want, "%s/missing.ini:5: [demand] history: %s/nothere.csv: cannot open: No such file", dir,
             dir);
    check(strncmp(messages, want, strlen(want)) == 0, "history-4.12 a missing file: %s", messages);
    /* a history excludes the keys that would give demand another way */
    write_file("excl.ini", "[demand]\norders_per_day = 4\nhistory = daily.csv\nhistory_kind = daily\n");
    load("excl.ini");
    snprintf(want, sizeof want, "%s/excl.ini:2: [demand] orders_per_day: not used with a history (line 3)", dir);
    check(strncmp(messages, want, strlen(want)) == 0, "history-4.13 orders_per_day with a history: %s", messages);
    write_file("nokind.ini", "[demand]\nhistory = daily.csv\n");
    load("nokind.ini");
    snprintf(want, sizeof want, "%s/nokind.ini:2: [demand] history_kind: missing", dir);
    check(strncmp(messages, want, strlen(want)) == 0, "history-4.14 history_kind is required: %s", messages);
}

/* ---- 9. characters typed in full-width mode are refused where they stand for syntax
 * or numbers, and named with the one to type; a header and a file name may hold them ---- */

static void test_fullwidth(void)
{
    refused("history-9.1", "日期,数量（件）\n2024-01-01,4\n2024-01-02,４\n", "daily", "replay",
            "/bad.csv:3:2: column '数量（件）': full-width '４' (U+FF14); type '4' (switch the input method to "
            "half-width)\n");
    refused("history-9.2", "day,q\n1,4\n2，5\n", "daily", "replay",
            "/bad.csv:3:1: column 'day': full-width '，' (U+FF0C); type ',' (switch the input method to half-width)\n");
    refused("history-9.3", "2024－01－01,4\n", "daily", "replay",
            "/bad.csv:1:1: column 'day': full-width '－' (U+FF0D); type '-' (switch the input method to half-width)\n");
    /* a first row of full-width numbers is data typed in full-width mode, not a header */
    refused("history-9.4", "１,4\n2,4\n", "daily", "replay",
            "/bad.csv:1:1: column 'day': full-width '１' (U+FF11); type '1' (switch the input method to half-width)\n");
    refused("history-9.5", "day,q\n1,4\n2.5,4。5\n", "orders", "replay",
            "/bad.csv:3:2: column 'q': Chinese punctuation '。' (U+3002); type '.' (switch the input method to "
            "half-width)\n");
    refused("history-9.6", "day,q\n1,4\n2,5、\n", "daily", "replay",
            "/bad.csv:3:2: column 'q': Chinese punctuation '、' (U+3001); type ',' (switch the input method to "
            "half-width)\n");
    refused("history-9.7", "day,q\n1,\"　4\"\n", "daily", "replay",
            "/bad.csv:2:2: column 'q': full-width space '　' (U+3000); type a space ' ' (switch the input "
            "method to half-width)\n");
    /* a full-width separator: a first row of one cell names no column, a CSV has no
       comments, and a first row of several cells names its cell as written */
    refused("history-9.9", "日期；销量\n2024-01-01；5\n", "daily", "replay",
            "/bad.csv:1: full-width semicolon '；' (U+FF1B); separate columns with a half-width ',' or ';'\n");
    refused("history-9.10", "日期，销量\n2024-01-01，5\n", "daily", "replay",
            "/bad.csv:1: full-width '，' (U+FF0C); type ',' (switch the input method to half-width)\n");
    refused("history-9.11", "日期,销量；备注,金额\n2024-01-01,5,6\n", "daily", "replay",
            "/bad.csv:1:2: column '销量；备注': full-width semicolon '；' (U+FF1B); separate columns with a "
            "half-width ',' or ';'\n");
    refused("history-9.12", "日期,销量\n2024-01-01,5\n2024-01-02；5\n", "daily", "replay",
            "/bad.csv:3:1: column '日期': full-width semicolon '；' (U+FF1B); separate columns with a half-width "
            "',' or ';'\n");
    /* a header may say anything, and a file name hold any character */
    write_file("销量（2024）.csv", "\"日期（天）\",\"数量，件\"\n1,4\n2,5\n");
    write_scenario("zh.ini", "销量（2024）.csv", "daily", "replay", "horizon_days = 10");
    int rc = load("zh.ini");
    check(rc == 0 && sc.history_info && sc.history_info->rows == 2,
          "history-9.8 a file named 销量（2024）.csv with the header \"日期（天）\",\"数量，件\" is read: %s",
          messages);
}

/* ---- 7. a history of decimal quantities totals what it adds up to on paper ---- */

static void test_decimal_total(void)
{
    /* 366 days of 94.3 units (and one of 0.1): summed one by one in doubles, the total
       drifts off 34514.9 in its last digits, and check printed the drift */
    char *text = malloc(20000);
    size_t used = (size_t)sprintf(text, "day,units\n");
    double naive = 0;
    for (int k = 0; k < 366; k++) {
        double q = k == 100 ? 0.1 : 94.3;
        used += (size_t)sprintf(text + used, "%d,%s\n", k, k == 100 ? "0.1" : "94.3");
        naive += q;
    }
    write_file("decimal.csv", text);
    free(text);
    double paper = 365 * 943 / 10.0 + 0.1; /* 34419.6: 94.3 x 365 is exact in tenths */
    check(naive != paper,
          "history-7.1 the naive sum of the rows drifts (%.17g, on paper %.17g): the test means "
          "something",
          naive, paper);
    write_scenario("decimal.ini", "decimal.csv", "daily", "replay", "horizon_days = 10");
    if (!check(load("decimal.ini") == 0, "history-7.2 a history of decimals loads (%s)", messages)) return;
    check(sc.history_info->h.total_units == paper, "history-7.3 ... its total is the sum on paper: %.17g (want %.17g)",
          sc.history_info->h.total_units, paper);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    scenario_write(&sc, f);
    fclose(f);
    /* " 34419.6": after "; " on the line, or at a continuation when the line is wrapped (the
       temporary folder's name makes it long) */
    check(strstr(out, " 34419.6 units in 366 orders") != NULL, "history-7.4 ... and check prints it so: %.*s",
          (int)strcspn(strstr(out, "Demand history") ? strstr(out, "Demand history") : out, "\n"),
          strstr(out, "Demand history") ? strstr(out, "Demand history") : out);
    free(out);
}

/* ---- 5. --set: a history replaces the file's rate, and back ---- */

static void test_overrides(void)
{
    write_file("rate.ini", "[demand]\norders_per_day = 4\n[inventory]\npolicy = none\n");
    char path[512], set[600];
    snprintf(path, sizeof path, "%s/rate.ini", dir);
    snprintf(set, sizeof set, "demand.history=daily.csv");
    struct scenario_override o[2] = {{.assignment = set, .dir = dir}, {.assignment = "demand.history_kind=daily"}};
    memset(messages, 0, sizeof messages);
    FILE *err = fmemopen(messages, sizeof messages, "w");
    int rc = scenario_load(&sc, path, o, 2, err);
    fclose(err);
    check(rc == 0 && sc.history_info && sc.cfg.demand.history_mode == HISTORY_REPLAY,
          "history-5.1 --set demand.history replaces the file's orders_per_day (%s)", messages);
    write_scenario("hist.ini", "daily.csv", "daily", "bootstrap", "horizon_days = 10");
    snprintf(path, sizeof path, "%s/hist.ini", dir);
    struct scenario_override r = {.assignment = "demand.orders_per_day=7"};
    memset(messages, 0, sizeof messages);
    err = fmemopen(messages, sizeof messages, "w");
    rc = scenario_load(&sc, path, &r, 1, err);
    fclose(err);
    check(rc == 0 && !sc.history_info && sc.cfg.demand.history_mode == HISTORY_OFF,
          "history-5.2 --set demand.orders_per_day replaces the file's history (%s)", messages);
}

/* ---- 6. what check writes loads again, to the same demand ---- */

static void test_check_round_trip(void)
{
    const char *modes[] = {"replay", "bootstrap", "fit"};
    for (size_t i = 0; i < 3; i++) {
        write_scenario("trip.ini", "daily.csv", "daily", modes[i], "horizon_days = 10");
        if (load("trip.ini") != 0) continue;
        char *text = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&text, &len);
        scenario_write(&sc, out);
        fclose(out);
        const struct demand_history *h = sc.cfg.demand.history;
        enum history_mode mode = sc.cfg.demand.history_mode;
        char name[512];
        snprintf(name, sizeof name, "%s/resolved.ini", dir);
        memset(messages, 0, sizeof messages);
        FILE *err = fmemopen(messages, sizeof messages, "w");
        int rc = scenario_load_text(&sc, name, text, len, NULL, 0, err);
        fclose(err);
        check(rc == 0 && sc.cfg.demand.history == h && sc.cfg.demand.history_mode == mode,
              "history-6.%zu check's output of a %s scenario loads again, to the same history (%s)", i + 1, modes[i],
              messages);
        free(text);
    }
}

/* ---- 10. exports as they come: each form gives the same demand as the plain file ---- */

/* A daily scenario reading `csv` with `keys` (lines of [demand]); loads it. */
static int load_export(const char *name, const char *csv, const char *keys)
{
    char text[2000], ini[300];
    snprintf(text, sizeof text,
             "[run]\nhorizon_days = 10\n\n[demand]\nhistory = %s\n%s%s\n"
             "[inventory]\npolicy = sQ\nreorder_point = 60\norder_quantity = 150\nlead_time_days = 2\n",
             csv, strstr(keys, "history_kind") ? "" : "history_kind = daily\n", keys);
    snprintf(ini, sizeof ini, "%s.ini", name);
    write_file(ini, text);
    return load(ini);
}

/* The per-day totals of h (ndays of them; the caller frees). */
static double *day_totals(const struct demand_history *h)
{
    double *t = calloc(h->ndays, sizeof *t);
    if (!t) abort();
    for (size_t k = 0; k < h->ndays; k++)
        for (size_t i = h->first[k]; i < h->first[k + 1]; i++) t[k] += h->units[i];
    return t;
}

/* Export `text` read with `keys` gives the demand of the plain file `plain`: the same
 * days from the same first day, the same total on each. */
static void same_demand(const char *id, const char *what, const char *text, const char *keys, const char *plain)
{
    write_file("plain.csv", plain);
    if (!check(load_export("plain", "plain.csv", "") == 0, "%s the plain file loads (%s)", id, messages)) return;
    struct history_info want = *sc.history_info;
    double *wt = day_totals(&want.h);
    char name[40];
    snprintf(name, sizeof name, "export_%s.csv", id);
    write_file(name, text);
    int rc = load_export("export", name, keys);
    if (check(rc == 0, "%s %s loads (%s)", id, what, messages)) {
        const struct history_info *got = sc.history_info;
        bool same = got->h.ndays == want.h.ndays && got->first_day == want.first_day &&
                    got->h.total_units == want.h.total_units;
        size_t k = 0;
        double *gt = day_totals(&got->h);
        for (; same && k < want.h.ndays; k++) same = gt[k] == wt[k];
        check(same,
              "%s %s gives the plain file's demand: %zu days from day %.0f, total %.17g (want %zu days from %.0f, "
              "total %.17g; first differing day %zu: %g, want %g)",
              id, what, got->h.ndays, got->first_day, got->h.total_units, want.h.ndays, want.first_day,
              want.h.total_units, k ? k - 1 : 0, same ? 0 : gt[k ? k - 1 : 0], same ? 0 : wt[k ? k - 1 : 0]);
        free(gt);
    }
    free(wt);
}

static void test_exports(void)
{
    /* four days of one item, with a gap, a decimal and a quantity in the thousands */
    const char *plain = "date,units\n2024-03-04,24\n2024-03-05,3.5\n2024-03-07,2400\n2024-03-10,7.25\n";
    same_demand("history-10.1", "a semicolon export with decimal commas, D.M.YYYY, a BOM and CRLF",
                "\xef\xbb\xbf"
                "Datum;Menge\r\n04.03.2024;24,0\r\n05.03.2024;3,5\r\n07.03.2024;2400\r\n10.03.2024;7,25\r\n",
                "", plain);
    same_demand("history-10.21", "empty columns after the two, as Excel saves them",
                "日期,销量,,\n2024-03-04,24,,\n2024-03-05,3.5,,\n2024-03-07,2400,,\n2024-03-10,7.25,,\n", "", plain);
    same_demand("history-10.22", "dates YYYY.M.D",
                "日期,销量\n2024.3.4,24\n2024.3.5,3.5\n2024.3.7,2400\n2024.03.10,7.25\n", "", plain);
    same_demand("history-10.23", "an ERP export whose note cell holds a line break (quoted, over two lines)",
                "单据日期,商品编码,数量,备注\r\n2024-03-04,A,24,\"加急,\r\n周一送\"\r\n2024-03-05,A,3.5,\r\n"
                "2024-03-07,A,2400,\"\"\r\n2024-03-10,A,7.25,\"x\ny\nz\"\r\n",
                "history_date_column = 单据日期\nhistory_quantity_column = 数量\nhistory_item_column = 商品编码\n"
                "history_item = A\n",
                plain);
    same_demand("history-10.24", "lines ended by a lone CR (Excel's 'CSV (Macintosh)')",
                "date,units\r2024-03-04,24\r2024-03-05,3.5\r2024-03-07,2400\r2024-03-10,7.25\r", "", plain);
    same_demand("history-10.2", "a tab-separated export",
                "date\tunits\n2024-03-04\t24\n2024-03-05\t3.5\n2024-03-07\t2400\n2024-03-10\t7.25\n", "", plain);
    same_demand("history-10.3", "quoted thousands with history_thousands = ,",
                "date,units\n2024-03-04,24\n2024-03-05,3.5\n2024-03-07,\"2,400\"\n2024-03-10,7.25\n",
                "history_thousands = ,\n", plain);
    same_demand("history-10.4", "thousands dots and decimal commas (history_thousands = .)",
                "date;units\n2024-03-04;24\n2024-03-05;3,5\n2024-03-07;2.400\n2024-03-10;7,25\n",
                "history_thousands = .\n", plain);
    same_demand("history-10.4b", "'2.400' with a decimal dot elsewhere ('3.5') is 2.4; '0.250' is never thousands",
                "date,units\n2024-03-04,24\n2024-03-05,3.5\n2024-03-07,2.400\n2024-03-10,0.250\n", "",
                "date,units\n2024-03-04,24\n2024-03-05,3.5\n2024-03-07,2.4\n2024-03-10,0.25\n");
    same_demand("history-10.4c", "'0.250' and '1250.500' cannot group thousands: decimals",
                "date,units\n2024-03-04,0.250\n2024-03-05,1250.500\n", "",
                "date,units\n2024-03-04,0.25\n2024-03-05,1250.5\n");
    same_demand("history-10.4e", "a no-break space grouping thousands (history_thousands = space)",
                "date;units\n2024-03-04;24\n2024-03-05;3,5\n2024-03-07;2\xc2\xa0"
                "400\n2024-03-10;7,25\n",
                "history_thousands = space\n", plain);
    same_demand("history-10.4d", "rows of separators only at the end, as a spreadsheet saves them",
                "date;units\n2024-03-04;24\n2024-03-05;3,5\n2024-03-07;2400\n2024-03-10;7,25\n;\n ; \n", "", plain);
    same_demand("history-10.5", "Chinese Excel's 2024/3/4 with a Chinese header",
                "日期,销量\n2024/3/4,24\n2024/3/5,3.5\n2024/3/7,2400\n2024/3/10,7.25\n", "", plain);
    same_demand("history-10.5b", "Chinese Excel's long dates, 2024年3月4日",
                "日期,销量\n2024年3月4日,24\n2024年3月5日,3.5\n2024年3月7日,2400\n2024年3月10日,7.25\n", "", plain);
    same_demand("history-10.5c", "a header that gives the quantity first (销量（件）,日期)",
                "销量（件）,日期\n24,2024/3/4\n3.5,2024/3/5\n2400,2024/3/7\n7.25,2024/3/10\n", "", plain);
    same_demand("history-10.5d", "Qty,Day with day numbers: read by the header, not by position",
                "Qty,Day\n24,1\n3.5,2\n2400,4\n7.25,7\n", "", "day,units\n1,24\n2,3.5\n4,2400\n7,7.25\n");
    /* the common words for a count, English and Chinese, with day numbers: position order
       would read the counts as days (out of order) */
    static const char *const count_first[] = {"orders,day",  "count,day",    "pcs,date",    "units,date",
                                              "Pieces,Date", "销量,日期",    "订单数,日期", "出库量,日期",
                                              "单量,日期",   "发货件数,日期"};
    for (size_t i = 0; i < sizeof count_first / sizeof count_first[0]; i++) {
        char text[200], what[80];
        snprintf(text, sizeof text, "%s\n24,1\n3.5,2\n2400,4\n7.25,7\n", count_first[i]);
        snprintf(what, sizeof what, "%s with day numbers, read by its header", count_first[i]);
        same_demand("history-10.5e", what, text, "", "day,units\n1,24\n2,3.5\n4,2400\n7,7.25\n");
    }
    /* a date column named for what it dates keeps its place: order_date, 订单日期 */
    same_demand("history-10.5f", "qty,order_date: the order's date is a date, read by the header",
                "qty,order_date\n24,1\n3.5,2\n2400,4\n7.25,7\n", "", "day,units\n1,24\n2,3.5\n4,2400\n7,7.25\n");
    same_demand("history-10.5g", "订单日期,订单数: the date first, as written",
                "订单日期,订单数\n1,24\n2,3.5\n4,2400\n7,7.25\n", "", "day,units\n1,24\n2,3.5\n4,2400\n7,7.25\n");
    same_demand("history-10.5h", "orders_per_day,count: a first cell with a date word stays the date, as before",
                "orders_per_day,count\n1,24\n2,3.5\n4,2400\n7,7.25\n", "", "day,units\n1,24\n2,3.5\n4,2400\n7,7.25\n");
    same_demand("history-10.6", "4/3/2024 with history_date_format = DMY",
                "date,units\n4/3/2024,24\n5/3/2024,3.5\n7/3/2024,2400\n10/3/2024,7.25\n", "history_date_format = DMY\n",
                plain);
    same_demand("history-10.7", "3/4/2024 with history_date_format = MDY",
                "date,units\n3/4/2024,24\n3/5/2024,3.5\n3/7/2024,2400\n3/10/2024,7.25\n", "history_date_format = MDY\n",
                plain);
    same_demand("history-10.8", "M/D/YYYY proved by a date past the 12th",
                "date,units\n3/4/2024,24\n3/5/2024,3.5\n3/7/2024,2400\n3/13/2024,0\n", "",
                "date,units\n2024-03-04,24\n2024-03-05,3.5\n2024-03-07,2400\n2024-03-13,0\n");
    same_demand("history-10.9", "D.M.YYYY in a comma file",
                "date,units\n4.3.2024,24\n5.3.2024,3.5\n7.3.2024,2400\n10.3.2024,7.25\n", "", plain);
    same_demand("history-10.10", "datetimes (the date part counts in a daily history)",
                "time,units\n2024-03-04 00:00:00,24\n2024-03-05 13:30:00,3.5\n2024-03-07 23:59:59,2400\n"
                "2024-03-10T08:15,7.25\n",
                "", plain);
    const char *erp = "sku,date,units,revenue\nA-100,2024-03-04,24,96\nB-200,2024-03-02,5,20\n"
                      "A-100,2024-03-05,3.5,14\nB-200,2024-03-05,1,4\nA-100,2024-03-07,2400,9600\n"
                      "C-300,2024-01-01,9,36\nA-100,2024-03-10,7.25,29\n";
    /* an item runs over the file's days (2024-01-01 to 2024-03-10), not from its first row to
       its last: its own file with days of no demand at both ends */
    char a_plain[400];
    snprintf(a_plain, sizeof a_plain, "date,units\n2024-01-01,0\n%s", strchr(plain, '\n') + 1);
    same_demand("history-10.11", "columns by name, one item of a long file", erp,
                "history_date_column = date\nhistory_quantity_column = units\nhistory_item_column = sku\n"
                "history_item = A-100\n",
                a_plain);
    same_demand("history-10.12", "columns by number, one item of a long file", erp,
                "history_date_column = 2\nhistory_quantity_column = 3\nhistory_item_column = 1\nhistory_item = A-100\n",
                a_plain);
    same_demand("history-10.13", "another item of the same file, over the file's days", erp,
                "history_date_column = Date\nhistory_quantity_column = UNITS\nhistory_item_column = sku\n"
                "history_item = B-200\n",
                "d,u\n2024-01-01,0\n2024-03-02,5\n2024-03-05,1\n2024-03-10,0\n");
    /* weeks and months: each total spread evenly over its days */
    char week_plain[2000], month_plain[4000];
    size_t used = (size_t)snprintf(week_plain, sizeof week_plain, "date,units\n");
    for (int d = 4; d <= 10; d++)
        used += (size_t)snprintf(week_plain + used, sizeof week_plain - used, "2024-03-%02d,10\n", d);
    for (int d = 18; d <= 24; d++)
        used += (size_t)snprintf(week_plain + used, sizeof week_plain - used, "2024-03-%02d,0.5\n", d);
    same_demand("history-10.14", "weekly totals (history_period = week)", "week,units\n2024-03-04,70\n2024-03-18,3.5\n",
                "history_period = week\n", week_plain);
    same_demand("history-10.15", "week numbers (history_period = week)", "week,units\n0,70\n1,0\n2,3.5\n",
                "history_period = week\n",
                "day,units\n0,10\n1,10\n2,10\n3,10\n4,10\n5,10\n6,10\n14,0.5\n15,0.5\n16,0.5\n17,0.5\n18,0.5\n19,0.5\n"
                "20,0.5\n");
    used = (size_t)snprintf(month_plain, sizeof month_plain, "date,units\n");
    for (int d = 1; d <= 31; d++)
        used += (size_t)snprintf(month_plain + used, sizeof month_plain - used, "1949-01-%02d,4\n", d);
    for (int d = 1; d <= 28; d++)
        used += (size_t)snprintf(month_plain + used, sizeof month_plain - used, "1949-02-%02d,4.5\n", d);
    for (int d = 1; d <= 30; d++)
        used += (size_t)snprintf(month_plain + used, sizeof month_plain - used, "1949-04-%02d,4\n", d);
    same_demand("history-10.16", "monthly totals YYYY-MM (history_period = month)",
                "Month,Passengers\n1949-01,124\n1949-02,126\n1949-04,120\n", "history_period = month\n", month_plain);
    same_demand("history-10.17", "monthly totals dated on any day of the month",
                "m;q\n15.01.1949;124\n01.02.1949;126\n30.04.1949;120\n", "history_period = month\n", month_plain);
    /* weekly and monthly long files: an item runs over the file's periods too, with
       periods of no demand where it has no rows, and bootstrap draws all of them */
    char a_weeks[1000];
    used = (size_t)snprintf(a_weeks, sizeof a_weeks, "date,units\n2024-03-04,0\n");
    for (int d = 11; d <= 17; d++)
        used += (size_t)snprintf(a_weeks + used, sizeof a_weeks - used, "2024-03-%02d,10\n", d);
    snprintf(a_weeks + used, sizeof a_weeks - used, "2024-03-31,0\n");
    const char *weekly_erp = "sku,week,units\nB,2024-03-04,7\nA,2024-03-11,70\nB,2024-03-25,14\n";
    const char *item_a = "history_item_column = sku\nhistory_item = A\nhistory_date_column = week\n"
                         "history_quantity_column = units\n";
    char keys[300];
    snprintf(keys, sizeof keys, "%shistory_period = week\n", item_a);
    same_demand("history-10.17b", "one item of a weekly long file, over the file's four weeks", weekly_erp, keys,
                a_weeks);
    check(sc.history_info && sc.history_info->h.nperiods == 4, "history-10.17f ... as 4 weeks (%zu)",
          sc.history_info ? sc.history_info->h.nperiods : 0);
    same_demand("history-10.17c", "week numbers of a long file", "sku,week,units\nB,0,7\nA,1,70\nB,3,14\n", keys,
                "day,units\n0,0\n7,10\n8,10\n9,10\n10,10\n11,10\n12,10\n13,10\n27,0\n");
    /* an item whose weeks start on another weekday than the file's: its own weeks that start
       within the file's days (2024-01-01 to the last week's end, 2024-02-04) */
    same_demand("history-10.17e", "a weekly item on Wednesdays in a file of Mondays: 5 weeks, not 4",
                "sku,week,units\nA,2024-01-01,70\nA,2024-01-08,70\nA,2024-01-15,70\nA,2024-01-22,70\n"
                "A,2024-01-29,70\nB,2024-01-03,70\n",
                "history_item_column = sku\nhistory_item = B\nhistory_date_column = week\n"
                "history_quantity_column = units\nhistory_period = week\n",
                "date,units\n2024-01-03,10\n2024-01-04,10\n2024-01-05,10\n2024-01-06,10\n2024-01-07,10\n"
                "2024-01-08,10\n2024-01-09,10\n2024-02-06,0\n");
    char a_months[2000];
    used = (size_t)snprintf(a_months, sizeof a_months, "date,units\n1949-01-01,0\n");
    for (int d = 1; d <= 28; d++)
        used += (size_t)snprintf(a_months + used, sizeof a_months - used, "1949-02-%02d,4.5\n", d);
    snprintf(a_months + used, sizeof a_months - used, "1949-04-30,0\n");
    snprintf(keys, sizeof keys, "%shistory_period = month\n", item_a);
    same_demand("history-10.17d", "one item of a monthly long file, over the file's four months (dates in the month)",
                "sku,week,units\nB,1949-01-20,5\nA,1949-02,126\nB,1949-04-15,9\n", keys, a_months);
    check(sc.history_info && sc.history_info->h.nperiods == 4, "history-10.17g ... as 4 months (%zu)",
          sc.history_info ? sc.history_info->h.nperiods : 0);
    /* a monthly history's days are alike within each month: the weekly pattern and the
       autocorrelation are not tested (they would be the spreading's), and no mode is warned
       about them; the same days written out one by one are autocorrelated */
    char months[2000] = "Month,Units\n", days[40000] = "date,units\n";
    for (int i = 0; i < 24; i++) {
        int y = 1949 + i / 12, mo = 1 + i % 12, total = i % 2 ? 840 : 280;
        size_t at = strlen(months);
        snprintf(months + at, sizeof months - at, "%d-%02d,%d\n", y, mo, total);
        for (int d = 1; d <= 28; d++) { /* 10 or 30 a day; the dates skip the 29th-31st */
            at = strlen(days);
            snprintf(days + at, sizeof days - at, "%d-%02d-%02d,%d\n", y, mo, d, total / 28);
        }
    }
    write_file("months.csv", months);
    load_export("months", "months.csv", "history_period = month\nhistory_mode = bootstrap\n");
    const struct history_info *mh = sc.history_info;
    char *text = NULL;
    size_t tlen = 0;
    FILE *out = open_memstream(&text, &tlen);
    if (mh) history_describe(out, mh, HISTORY_BOOTSTRAP, "");
    fclose(out);
    check(mh && !mh->structure.autocorrelated && !mh->structure.weekly && strstr(text, "not tested") &&
              !strstr(text, "Warning"),
          "history-10.19 monthly totals: weekly pattern and autocorrelation not tested, no warning:\n%s", text);
    free(text);
    write_file("month_days.csv", days);
    load_export("month_days", "month_days.csv", "");
    check(sc.history_info && sc.history_info->structure.autocorrelated,
          "history-10.20 ... the same months written day by day are autocorrelated (lag 1 %.2f)",
          sc.history_info ? sc.history_info->structure.acf[1] : NAN);
    /* an ERP export read as orders, its dates without times: the description says once
       that each day's orders are spread evenly over it (assumed); one with times does not */
    const char *orders_files[] = {"date,qty\n2026-01-01,5\n2026-01-01,3\n2026-01-02,7\n",
                                  "date,qty\n2026-01-01 09:30,5\n2026-01-01 14:00,3\n2026-01-02 11:15,7\n"};
    for (int k = 0; k < 2; k++) {
        char name[32];
        snprintf(name, sizeof name, "orders_timed%d.csv", k);
        write_file(name, orders_files[k]);
        load_export(k ? "orders_timed1" : "orders_timed0", name, "history_kind = orders\n");
        text = NULL, tlen = 0;
        out = open_memstream(&text, &tlen);
        if (sc.history_info) history_describe(out, sc.history_info, HISTORY_REPLAY, "; ");
        fclose(out);
        const char *said = ";   no time of day in the rows: each day's orders are spread evenly over it (assumed, "
                           "not recorded)\n";
        const char *at = strstr(text, said);
        check(sc.history_info &&
                  (k ? !strstr(text, "no time of day") : at && !strstr(at + strlen(said), "no time of day")),
              "history-10.21%s %s: %s", k ? "b" : "",
              k ? "... orders with times of day: not said"
                : "orders with dates only: said once that the "
                  "timing within a day is assumed",
              text);
        free(text);
    }
    /* the same file read two ways is two histories: the cache keys on the options */
    write_file("twoways.csv", "d;q\n2024-03-04;1,5\n2024-03-11;2,25\n");
    load_export("twoways", "twoways.csv", "history_decimal = comma\n");
    const struct history_info *a = sc.history_info;
    load_export("twoways", "twoways.csv", "history_decimal = comma\nhistory_period = week\n");
    const struct history_info *b = sc.history_info;
    check(a && b && a != b && a->h.ndays == 8 && b->h.ndays == 14,
          "history-10.18 one file read as days and as weeks gives two histories (%zu and %zu days)", a ? a->h.ndays : 0,
          b ? b->h.ndays : 0);
}

/* A bad export: refused with the message want (after the directory), status 2. */
static void refused_export(const char *id, const char *csv_text, const char *keys, const char *want)
{
    write_file("bad.csv", csv_text);
    int rc = load_export("bad", "bad.csv", keys);
    char expect[800];
    snprintf(expect, sizeof expect, "%s%s", dir, want);
    check(rc == 2 && strncmp(messages, expect, strlen(expect)) == 0, "%s refused: %s     got: %s", id, expect,
          messages);
}

static void test_export_errors(void)
{
    refused_export("history-11.1", "date,q\n2024-03-04,\"2,400\"\n", "",
                   "/bad.csv:2:2: column 'q': '2,400' reads as 2400 if ',' separates thousands (set history_thousands "
                   "= ,) or as 2.4 if it is the decimal mark (set history_decimal = comma)\n");
    refused_export("history-11.2", "date;q\n2024-03-04;2.400\n2024-03-05;1,5\n", "",
                   "/bad.csv:2:2: column 'q': '2.400' reads as 2400 if '.' separates thousands (set "
                   "history_thousands = .) or as 2.4 if it is the decimal mark (set history_decimal = dot)\n");
    refused_export("history-11.2b", "Datum;Menge\n05.01.2026;1.234\n06.01.2026;56\n07.01.2026;2.500\n", "",
                   "/bad.csv:2:2: column 'Menge': '1.234' reads as 1234 if '.' separates thousands (set "
                   "history_thousands = .) or as 1.234 if it is the decimal mark (set history_decimal = dot)\n");
    refused_export("history-11.2c", "date,q\n2024-03-04,5\n2024-03-05,\n", "",
                   "/bad.csv:3:2: column 'q': empty; write the quantity (0 for a day without demand)\n");
    refused_export("history-11.2d", "date,q\n2024-03-04,5\n,7\n", "",
                   "/bad.csv:3:1: column 'date': empty; write the row's date or day number\n");
    refused_export("history-11.2e", "date,q\n2024-03-04,5\n,\n2024-03-05,7\n", "", "/bad.csv:3: empty row; remove it");
    refused_export("history-11.2f", "date,q\n2024-03-04,5\n2024-03-05,-3\n2024-03-06,4\n2024-03-07,-1\n2024-03-08,-2\n",
                   "",
                   "/bad.csv:3:2: column 'q': -3 is negative, and so are 2 more rows (lines 5, 6); a history holds "
                   "demand, not returns (net them out or drop the rows)\n");
    refused_export("history-11.2g", "date,q\n20240304,5\n2024-03-05,2\n", "",
                   "/bad.csv:2:1: column 'date': '20240304' looks like a date written YYYYMMDD, but row 3 has "
                   "'2024-03-05': dates YYYYMMDD are read only when every row's date is written so; write the dates "
                   "one way throughout (this one as 2024-03-04)\n");
    refused_export("history-11.3", "date,q\n3/4/2024,1\n4/5/2024,2\n", "",
                   "/bad.csv:2:1: column 'date': '3/4/2024' is 2024-04-03 (day first) or 2024-03-04 (month first), "
                   "and every date of the file fits both; set history_date_format = DMY or MDY\n");
    refused_export("history-11.4", "date,q\n13/4/2024,1\n4/14/2024,2\n", "",
                   "/bad.csv:3:1: column 'date': '4/14/2024' has the month first, but row 2 has '13/4/2024' with the "
                   "day first; use one order throughout\n");
    refused_export("history-11.5", "date,q\n13/4/2024,1\n", "history_date_format = MDY\n",
                   "/bad.csv:2:1: column 'date': '13/4/2024' is not a date (M/D/YYYY (history_date_format = MDY))\n");
    refused_export("history-11.6", "date,q\n2024-03-04,1 200\n", "",
                   "/bad.csv:2:2: column 'q': '1 200' has a space in it; if it separates thousands set "
                   "history_thousands = space\n");
    refused_export("history-11.7", "date,q\n2024-03-04,\"12,00\"\n", "history_thousands = ,\n",
                   "/bad.csv:2:2: column 'q': '12,00': a thousands separator (history_thousands) must stand between "
                   "groups of 3 digits before the decimal mark\n");
    refused_export("history-11.8", "sku,date,q\nA,2024-03-04,1\n",
                   "history_date_column = 2\nhistory_quantity_column = 4\n",
                   "/bad.csv:1: history_quantity_column = 4, but the rows have 3 columns\n");
    refused_export("history-11.9", "sku,date,q\nA,2024-03-04,1\n", "", "/bad.csv:1: 3 fields; a history row has 2");
    refused_export("history-11.10", "sku,date,q\nA,2024-03-04,1\nB,2024-03-04\n",
                   "history_date_column = date\nhistory_quantity_column = q\n",
                   "/bad.csv:3: 2 fields, but row 1 has 3; a value holding the separator must be in double quotes\n");
    refused_export("history-11.11", "m,q\n1949-01,5\n", "history_period = week\n",
                   "/bad.csv:2:1: column 'm': '1949-01' is a month; set history_period = month");
    refused_export("history-11.12", "m,q\n3,5\n", "history_period = month\n",
                   "/bad.csv:2:1: column 'm': '3' is a day number; a monthly history (history_period = month) needs "
                   "dates");
    refused_export(
        "history-11.13", "d,q\n2024-03-04,5\n", "history_period = week\nhistory_kind = orders\n",
        "/bad.ini:6: [demand] history_period: a row that totals a week or a month needs history_kind = daily");
    refused_export("history-11.14", "d,q\n2024-03-04,5\n", "history_thousands = ,\nhistory_decimal = comma\n",
                   "/bad.ini:7: [demand] history_thousands: the same mark as history_decimal");
    refused_export("history-11.15", "d,q\n2024-03-04 25:00,5\n", "",
                   "/bad.csv:2:1: column 'd': '2024-03-04 25:00' is not a date (YYYY-MM-DD)\n");
    refused_export(
        "history-11.16", "sku,d,q\nA,2024-03-04,5\n",
        "history_date_column = d\nhistory_quantity_column = q\nhistory_item_column = sku\nhistory_item = Z\n",
        "/bad.csv:1:1: column 'sku': no row has item 'Z' (history_item); items there include 'A'\n");
    /* a date in the right form whose day the month does not have: the month's length */
    refused_export("history-11.17", "d,q\n2024年2月30日,5\n", "",
                   "/bad.csv:2:1: column 'd': '2024年2月30日': February 2024 has 29 days\n");
    refused_export("history-11.18", "d,q\n30.02.2024,5\n", "",
                   "/bad.csv:2:1: column 'd': '30.02.2024': February 2024 has 29 days\n");
    refused_export("history-11.19", "d,q\n2023-02-29,5\n", "",
                   "/bad.csv:2:1: column 'd': '2023-02-29': February 2023 has 28 days\n");
    refused_export("history-11.20", "d,q\n2024-04-31,5\n", "",
                   "/bad.csv:2:1: column 'd': '2024-04-31': April 2024 has 30 days\n");
    refused_export("history-11.21", "d,q\n2024-13-01,5\n", "",
                   "/bad.csv:2:1: column 'd': '2024-13-01' is not a date (YYYY-MM-DD)\n");
    /* returns and a later bad row: both said, in file order */
    write_file("bad.csv", "date,q\n2024-03-04,5\n2024-03-05,-3\n2024-03-06,-1\n2024-03-07,4\n2024-02-30,1\n");
    int rc = load_export("bad", "bad.csv", "");
    char expect[1200];
    snprintf(expect, sizeof expect,
             "%s/bad.csv:3:2: column 'q': -3 is negative, and so is 1 more row (line 4); a history holds demand, not "
             "returns (net them out or drop the rows)\n%s/bad.csv:6:1: column 'date': '2024-02-30': February 2024 "
             "has 29 days\n",
             dir, dir);
    check(rc == 2 && strcmp(messages, expect) == 0,
          "history-11.22 negative rows and a later bad date: both said: %s"
          "     got: %s",
          expect, messages);
    write_file("bad.csv", "date,q\n2024-03-04,5\n2024-03-05,-3\n2024-03-06,4x\n");
    rc = load_export("bad", "bad.csv", "");
    snprintf(expect, sizeof expect,
             "%s/bad.csv:3:2: column 'q': -3 is negative; a history holds demand, not returns (net them out or drop "
             "the row)\n%s/bad.csv:4:2: column 'q': ",
             dir, dir);
    check(rc == 2 && strncmp(messages, expect, strlen(expect)) == 0,
          "history-11.23 a negative row and a later bad quantity: both said: %s     got: %s", expect, messages);
    refused_export("history-11.31", "日期,销量,,\n2024-01-01,12,,\n2024-01-02,5,x,\n", "",
                   "/bad.csv:3: column 3 holds 'x', but its header is empty; a history row has 2 columns");
    /* a longer export: the keys that read it, with its own header names */
    refused_export("history-11.32", "单据日期,商品编码,商品名称,数量,金额（元）\n2024-01-01,SKU001,螺栓,12,14.8\n", "",
                   "/bad.csv:1: 5 fields; a history row has 2: the day (a date YYYY-MM-DD or a day number) and the "
                   "quantity; to read a longer export, name its columns: here perhaps history_date_column = 单据日期 "
                   "and history_quantity_column = 数量, and for one item's rows history_item_column = 商品编码 with "
                   "history_item\n");
    refused_export("history-11.33", "a,b,c\n2024-01-01,SKU001,12\n", "",
                   "/bad.csv:1: 3 fields; a history row has 2: the day (a date YYYY-MM-DD or a day number) and the "
                   "quantity; to read a longer export, name its columns with history_date_column and "
                   "history_quantity_column (a header name or a column number from 1), and for one item's rows "
                   "history_item_column with history_item\n");
    /* a day's orders in any order: read by their times, as the sorted file */
    write_file("sorted.csv", "t,q\n2024/01/01 10:11,1\n2024/01/01 13:32,4\n2024/01/01 17:23,3\n2024/01/02 8:46,4\n");
    if (check(load_export("sorted", "sorted.csv", "history_kind = orders\n") == 0, "history-11.34 sorted (%s)",
              messages)) {
        struct demand_history want = sc.history_info->h;
        double at[4], units[4];
        memcpy(at, want.at, sizeof at);
        memcpy(units, want.units, sizeof units);
        write_file("unsorted.csv",
                   "t,q\n2024/01/01 17:23,3\n2024/01/01 10:11,1\n2024/01/01 13:32,4\n2024/01/02 8:46,4\n");
        int got = load_export("unsorted", "unsorted.csv", "history_kind = orders\n");
        check(got == 0 && sc.history_info->h.norders == 4 && memcmp(sc.history_info->h.at, at, sizeof at) == 0 &&
                  memcmp(sc.history_info->h.units, units, sizeof units) == 0,
              "history-11.35 orders out of time order within a day read as sorted (%s)", messages);
    }
    refused_export("history-11.36", "t,q\n2024/01/02 17:23,3\n2024/01/01 10:11,1\n2024/01/03 08:00,2\n",
                   "history_kind = orders\n",
                   "/bad.csv:4:1: column 't': 2024/01/03 08:00 comes after the day of row 3, but rows 2 to 3 go "
                   "newest first; rows must be in date order throughout, oldest first or newest first\n");
    /* a report's title rows above the header: said as such, not by their text */
    refused_export("history-11.37", "销售明细报表,\n导出时间：2024-05-01,\n日期,销量\n2024-01-01,12\n", "",
                   "/bad.csv:3: rows 1 to 2 seem to be a title above the table, which starts in row 3; delete them "
                   "(a history's first row is its header or its first day)\n");
    refused_export("history-11.38", "销售明细报表 2024年,\n,\n日期,销量\n2024/1/1,5\n", "",
                   "/bad.csv:3: rows 1 to 2 seem to be a title above the table");
    same_demand("history-11.39b", "a header with one name, above the data (not a title)",
                "date,\n2024-03-04,24\n2024-03-05,3.5\n2024-03-07,2400\n2024-03-10,7.25\n", "",
                "date,units\n2024-03-04,24\n2024-03-05,3.5\n2024-03-07,2400\n2024-03-10,7.25\n");
    refused_export("history-11.40", "d,q,note\n2024-03-04,5,\"a\nb\"\n2024-03-05,\"6\n\",x\n2024-03-06,x,y\n",
                   "history_date_column = d\nhistory_quantity_column = q\n",
                   "/bad.csv:4:2: column 'q': the cell holds a line break (its text goes on to the next line); write "
                   "it on one line");
    refused_export("history-11.41", "d,q\n2024-03-04,5\n2024-03-05,\"6\n2024-03-06,7\n", "",
                   "/bad.csv:3:2: a quoted field is not closed (a quote '\"' is missing)");
    /* text after the closing quote of a field over two lines: said so, with both lines */
    refused_export("history-11.41b", "d,q\n\"2024-03-04\nb\"x,1\n", "",
                   "/bad.csv:2:1: a quoted field begins here and ends at a quote '\"' on line 3, but text follows that "
                   "quote; put the whole field in quotes, or, if the field was to end on line 2, add the quote missing "
                   "there\n");
    refused_export("history-11.42",
                   "d;q\n2024-03-04;1\xc2\xa0"
                   "200\n",
                   "",
                   "/bad.csv:2:2: column 'q': '1\xc2\xa0"
                   "200' has a space in it; if it separates thousands set "
                   "history_thousands = space");
    refused_export("history-11.43",
                   "d;q\n2024-03-04;1\xe2\x80\xaf"
                   "200\n",
                   "",
                   "/bad.csv:2:2: column 'q': '1\xe2\x80\xaf"
                   "200' has a space in it; if it separates thousands set "
                   "history_thousands = space");
    /* an export of several items read by its date and quantity columns alone: a date
       seen again, or earlier, on another item's row names the item column to set */
    const char *erp = "单据日期,商品编码,商品名称,数量\n2024/1/1,A001,螺栓,3\n2024/1/1,B002,螺母,10\n"
                      "2024/1/2,A001,螺栓,4\n2024/1/2,B002,螺母,11\n";
    const char *columns = "history_date_column = 单据日期\nhistory_quantity_column = 数量\n";
    refused_export("history-11.47", erp, columns,
                   "/bad.csv:3:1: column '单据日期': 2024/1/1 appears again (row 2 has it too) with another item: "
                   "column '商品编码' holds 'A001' there and 'B002' here; to read one item's rows, set "
                   "history_item_column = 商品编码 and history_item = A001 (history_kind = orders would add all "
                   "items' rows together)\n");
    refused_export("history-11.48", "date,sku,qty\n2024-01-01,A,3\n2024-01-02,A,4\n2024-01-01,B,5\n2024-01-02,B,6\n",
                   "history_date_column = date\nhistory_quantity_column = qty\n",
                   "/bad.csv:4:1: column 'date': 2024-01-01 comes before the day of row 3 with another item: "
                   "column 'sku' holds 'A' there and 'B' here; to read one item's rows, set history_item_column = "
                   "sku and history_item = A\n");
    /* read as orders, the items' rows are added together: warned */
    write_file("erp.csv", erp);
    char keys[300], expect_items[600];
    snprintf(keys, sizeof keys, "%shistory_kind = orders\n", columns);
    int erp_rc = load_export("erp", "erp.csv", keys);
    snprintf(expect_items, sizeof expect_items,
             "%s/erp.csv: column '商品编码' holds more than one item ('A001' on line 2, 'B002' on line 3): their "
             "rows are added together into one demand; to read one item's rows, set history_item_column = 商品编码 "
             "and history_item = A001",
             dir);
    bool said = false;
    for (size_t w = 0; erp_rc == 0 && w < sc.nwarnings; w++) said |= strcmp(sc.warnings[w], expect_items) == 0;
    check(erp_rc == 0 && said && sc.history_info->h.total_units == 28,
          "history-11.49 several items' rows read as orders: added together (%g units), and warned: %s    got: "
          "%s%s",
          erp_rc == 0 ? sc.history_info->h.total_units : -1.0, expect_items, messages,
          sc.nwarnings ? sc.warnings[0] : "");
    /* one item's export, or the item read with history_item_column: no warning */
    write_file("erp.csv", "单据日期,商品编码,数量\n2024/1/1,A001,3\n2024/1/1,A001,10\n2024/1/2,A001,4\n");
    erp_rc = load_export("erp", "erp.csv", keys);
    check(erp_rc == 0 && sc.nwarnings == 0, "history-11.50 one item's rows as orders: no warning (%s%s)", messages,
          sc.nwarnings ? sc.warnings[0] : "");
    /* one item whose name is longer than 63 bytes (65): still one item */
    write_file("erp.csv", "单据日期,商品编码,数量\n2024/1/1,不锈钢六角头螺栓M8x30镀锌蓝白锌GB5782全螺纹8.8级,3\n"
                          "2024/1/1,不锈钢六角头螺栓M8x30镀锌蓝白锌GB5782全螺纹8.8级,10\n"
                          "2024/1/2,不锈钢六角头螺栓M8x30镀锌蓝白锌GB5782全螺纹8.8级,4\n");
    erp_rc = load_export("erp", "erp.csv", keys);
    check(erp_rc == 0 && sc.nwarnings == 0, "history-11.50b one item of a long name as orders: no warning (%s%s)",
          messages, sc.nwarnings ? sc.warnings[0] : "");
    write_file("erp.csv", erp);
    snprintf(keys, sizeof keys, "%shistory_item_column = 商品编码\nhistory_item = B002\n", columns);
    erp_rc = load_export("erp", "erp.csv", keys);
    check(erp_rc == 0 && sc.nwarnings == 0 && sc.history_info->h.total_units == 21,
          "history-11.51 one item read with history_item_column: its rows, no warning (%s%s)", messages,
          sc.nwarnings ? sc.warnings[0] : "");
    refused_export("history-11.44", "d,q\n2024-03-04,5\n########,6\n", "",
                   "/bad.csv:3:1: column 'd': '########' is how a spreadsheet shows a value too wide for its column, "
                   "and it was saved so; widen the column and save the file again");
    refused_export("history-11.45", "d,q\n2024-03-04,#N/A\n", "",
                   "/bad.csv:2:2: column 'q': '#N/A' is a spreadsheet's error value (a formula that failed); correct "
                   "the cell and save the file again");
    /* a date cell that begins with '#' but is no error value: the error is the quantity's */
    refused_export("history-11.46", "d,q\n#7,#N/A\n", "",
                   "/bad.csv:2:2: column 'q': '#N/A' is a spreadsheet's error value (a formula that failed); correct "
                   "the cell and save the file again");
    refused_export("history-11.39", "Sales report\ndate,qty\n2024-01-01,12\n", "",
                   "/bad.csv:2: row 1 seems to be a title above the table, which starts in row 2; delete it");
    /* cells as spreadsheets write them: what they are and what to write */
    static const struct {
        const char *row, *want;
    } hints[] = {
        {"2024/1/1 周一,5",
         "2:1: column 'd': '2024/1/1 周一' has a weekday after the date; format the column as a date "
         "without it (2024/1/1)\n"},
        {"24/1/1,5", "2:1: column 'd': '24/1/1' has a two-digit year; write the year with four digits"},
        {"1/1/24,5", "2:1: column 'd': '1/1/24' has a two-digit year"},
        {"05.03.24,5", "2:1: column 'd': '05.03.24' has a two-digit year"},
        {"合计,50", "2:1: column 'd': '合计' looks like a totals row; delete it"},
        {"Total,50", "2:1: column 'd': 'Total' looks like a totals row; delete it"},
        {"2024-01-01,12件",
         "2:2: column 'q': '12件': write just the number (12); the unit is in what the column means"},
        {"2024-01-01,-", "2:2: column 'q': '-' is how a spreadsheet's accounting format shows 0; write 0\n"},
        {"2024-01-01,(2)", "2:2: column 'q': '(2)' is the accounting format's -2, a return; a history holds demand"},
        {"2024-01-01,¥20", "2:2: column 'q': '¥20' is money; a history's quantity is the units sold"},
        {"2024-01-01,1 234", "2:2: column 'q': '1 234' has a space in it"},
    };
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        char csv[200], id[40], want[300];
        snprintf(csv, sizeof csv, "d,q\n%s\n", hints[i].row);
        snprintf(id, sizeof id, "history-11.%zu", 40 + i);
        snprintf(want, sizeof want, "/bad.csv:%s", hints[i].want);
        refused_export(id, csv, "", want);
    }
    /* weekly or monthly totals dated by full dates, read as days: refused, with the key */
    const char *weeks = "周开始,销量\n2024-01-01,50\n2024-01-08,33\n2024-01-15,0\n2024-01-22,41\n";
    refused_export("history-11.24", weeks, "",
                   "/bad.csv:2:1: column '周开始': every one of the 4 rows is 7 days after the one before, as weekly "
                   "totals are; if each row is a week's total, set history_period = week; if the days between had no "
                   "demand, set history_period = day\n");
    const char *months = "date,qty\n2024-01-01,300\n2024-02-01,280\n2024-03-01,310\n2024-04-01,290\n";
    refused_export("history-11.25", months, "",
                   "/bad.csv:2:1: column 'date': the 4 rows fall on day 1 of consecutive months, as monthly totals "
                   "do; if each row is a month's total, set history_period = month; if the days between had no "
                   "demand, set history_period = day\n");
    /* history_period = day says the gaps are real: read as days, as before */
    write_file("gaps.csv", weeks);
    check(load_export("gaps", "gaps.csv", "history_period = day\n") == 0 && sc.history_info->h.ndays == 22 &&
              sc.history_info->periodic,
          "history-11.26 rows 7 days apart load as days with history_period = day (%s)", messages);
    /* the loaded file is not reused for a scenario that does not say so */
    check(load_export("gaps", "gaps.csv", "") == 2 && strstr(messages, "history_period = week"),
          "history-11.27 ... and are refused again without it (%s)", messages);
    write_file("gaps.csv", months);
    check(load_export("gaps", "gaps.csv", "history_period = month\n") == 0 && sc.history_info->h.ndays == 121,
          "history-11.28 the monthly file loads with history_period = month (%s)", messages);
    /* three rows, or one gap of another length, are not taken for periods */
    write_file("gaps.csv", "d,q\n2024-01-01,5\n2024-01-08,3\n2024-01-15,4\n");
    check(load_export("gaps", "gaps.csv", "") == 0, "history-11.29 3 rows 7 days apart load (%s)", messages);
    write_file("gaps.csv", "d,q\n2024-01-01,5\n2024-01-08,3\n2024-01-15,4\n2024-01-23,4\n");
    check(load_export("gaps", "gaps.csv", "") == 0, "history-11.30 rows 7, 7 and 8 days apart load (%s)", messages);
}

/* ---- a slow mover: too few orders to fit, and the levers still see its spread ---- */

/* 120 days with 9 sales (fewer than 10 order gaps: no fit). The levers' normal
 * approximation takes the history's mean and its daily spread: demand over the lead time
 * has sd = the daily sd x sqrt(lead time), so each safety factor sets its own reorder
 * point. (It took order sizes as constant, demand with no spread: every safety factor
 * and target gave the same reorder point, and a sweep of them changed nothing.) */
static void test_sparse_levers(void)
{
    static const int sale_day[] = {3, 17, 30, 44, 58, 71, 85, 99, 112}, sale_qty[] = {2, 10, 1, 6, 3, 15, 1, 4, 8};
    char csv[4000] = "day,quantity\n";
    double sum = 0, sum2 = 0;
    for (int day = 0, k = 0; day < 120; day++) {
        int q = k < 9 && sale_day[k] == day ? sale_qty[k++] : 0;
        snprintf(csv + strlen(csv), sizeof csv - strlen(csv), "%d,%d\n", day, q);
        sum += q, sum2 += (double)q * q;
    }
    write_file("slow.csv", csv);
    double mean = sum / 120, var_n = sum2 / 120 - mean * mean, var_n1 = var_n * 120 / 119;
    double reorder[2];
    for (int i = 0; i < 2; i++) {
        char text[1000];
        snprintf(text, sizeof text,
                 "[run]\nhorizon_days = 120\nwarmup_days = 0\nreplications = 2\n\n[demand]\nhistory = slow.csv\n"
                 "history_kind = daily\nhistory_mode = bootstrap\n\n[inventory]\npolicy = sQ\nsafety_factor = %d\n"
                 "order_quantity = 20\nlead_time_days = 7\nshortage = lost_sale\n",
                 2 * i);
        write_file("slow.ini", text);
        if (load("slow.ini") != 0) {
            check(0, "history-12.0 a 9-sale history loads: %s", messages);
            return;
        }
        reorder[i] = sc.cfg.inventory.reorder_point;
        if (i) continue;
        const struct history_info *hi = sc.history_info;
        check(hi && !hi->fitted, "history-12.1 9 sales are too few to fit (fitted: %d)", hi ? hi->fitted : -1);
        struct protection p = theory_protection(&sc.cfg);
        double sd_day = hi->sd_per_day;
        check(fabs(sd_day - sqrt(var_n)) < 1e-9 || fabs(sd_day - sqrt(var_n1)) < 1e-9,
              "history-12.2 the history's daily sd is its days' own: %.12g against %.12g or %.12g", sd_day, sqrt(var_n),
              sqrt(var_n1));
        check(fabs(p.demand_mean - 7 * mean) < 1e-9,
              "history-12.3 the levers' demand over 7 days has the history's mean: %.12g against %.12g", p.demand_mean,
              7 * mean);
        check(sd_day > 0 && fabs(p.demand_sd - sd_day * sqrt(7)) < 1e-9,
              "history-12.4 ... and sd = daily sd x sqrt(7), not 0: %.12g against %.12g", p.demand_sd,
              sd_day * sqrt(7));
    }
    struct protection p = theory_protection(&sc.cfg);
    check(reorder[1] > reorder[0] && fabs((reorder[1] - reorder[0]) - 2 * p.demand_sd) < 1 + 1e-9,
          "history-12.5 safety factor 2 sets the reorder point 2 sd above safety factor 0's: s = %g and %g, sd %g",
          reorder[0], reorder[1], p.demand_sd);
}

/* ---- 14. one long file, many items: read once (reader/history.c's file index) ---- */

/* Do a and b hold the same history, to the last bit? */
static bool same_history(const struct history_info *a, const struct history_info *b)
{
    const struct demand_history *x = &a->h, *y = &b->h;
    if (x->ndays != y->ndays || x->norders != y->norders || x->total_units != y->total_units ||
        x->block_days != y->block_days || x->nperiods != y->nperiods || a->rows != b->rows || a->dated != b->dated ||
        a->periodic != b->periodic || a->first_day != b->first_day || strcmp(a->first_date, b->first_date) != 0 ||
        a->mean_per_day != b->mean_per_day || a->sd_per_day != b->sd_per_day || a->fitted != b->fitted ||
        strcmp(a->fit_problem, b->fit_problem) != 0 || memcmp(&a->options, &b->options, sizeof a->options) != 0)
        return false;
    return memcmp(x->first, y->first, (x->ndays + 1) * sizeof *x->first) == 0 &&
           memcmp(x->at, y->at, x->norders * sizeof *x->at) == 0 &&
           memcmp(x->units, y->units, x->norders * sizeof *x->units) == 0 &&
           (!x->nperiods || memcmp(x->period_first, y->period_first, (x->nperiods + 1) * sizeof *x->period_first) == 0);
}

/* Each of the items (a space-separated list) of the long file `text` (written as `name`),
 * read with history_read over the whole text and with history_load_options (the file's
 * index): the same history or the same message. Returns how many items loaded. */
static int same_items(const char *id, const char *name, const char *text, const char *keys, const char *items)
{
    struct history_options o = {.kind = HISTORY_DAILY};
    snprintf(o.date_column, sizeof o.date_column, "date");
    snprintf(o.quantity_column, sizeof o.quantity_column, "qty");
    snprintf(o.item_column, sizeof o.item_column, "sku");
    if (strstr(keys, "orders")) o.kind = HISTORY_ORDERS;
    if (strstr(keys, "week")) o.period = HISTORY_PERIOD_WEEK, o.period_given = true;
    if (strstr(keys, "noqty")) o.quantity_column[0] = '\0'; /* found by the reader */
    write_file(name, text);
    char path[512], list[200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(list, sizeof list, "%s", items);
    int loaded = 0;
    for (char *save = NULL, *item = strtok_r(list, " ", &save); item; item = strtok_r(NULL, " ", &save)) {
        snprintf(o.item, sizeof o.item, "%s", item);
        char whole_err[2048] = "", indexed_err[2048] = "";
        struct history_info *whole = history_read(path, text, strlen(text), &o, whole_err, sizeof whole_err);
        bool located = false;
        struct csv_encoding read_as;
        const struct history_info *indexed =
            history_load_options(path, &o, &located, &read_as, indexed_err, sizeof indexed_err);
        bool same = whole ? indexed && same_history(whole, indexed) : !indexed && strcmp(whole_err, indexed_err) == 0;
        check(same, "%s item %s: the indexed file reads as the whole file does    whole: %s    indexed: %s", id, item,
              whole ? "(history)" : whole_err, indexed ? "(history)" : indexed_err);
        loaded += whole != NULL;
        history_free(whole);
    }
    return loaded;
}

static void test_long_file_index(void)
{
    /* 5 items over 60 days, one row per item a day, in a shuffled item order each day; D
       sells every 7th day only (its rows look weekly), E never sells */
    size_t cap = 60 * 5 * 40 + 100, used = 0;
    char *text = malloc(cap);
    used += (size_t)snprintf(text + used, cap - used, "date,sku,name,qty\n");
    gsl_rng *r = rng_stream_new(14, 0, 0);
    for (int d = 0; d < 60; d++)
        for (int k = 0; k < 5; k++) {
            char item = (char)('A' + (k + d) % 5);
            int qty = item == 'E' ? 0 : (int)gsl_rng_uniform_int(r, 20);
            if (item == 'D' && d % 7 != 3) continue;
            used += (size_t)snprintf(text + used, cap - used, "2026-%02d-%02d,%c,\"item %c\",%d\n", 1 + d / 28,
                                     1 + d % 28, item, item, qty);
        }
    gsl_rng_free(r);
    const char *all = "A B C D E Z";
    check(same_items("history-14.1", "long1.csv", text, "", all) == 4,
          "history-14.0 A, B, C and D load, read both ways");
    /* a row of B that does not read, a negative row of C, a row of A with a field too many
       after them, a row of B after that */
    char *bad = malloc(cap + 200), *at;
    snprintf(bad, cap + 200, "%s", text);
    at = strstr(bad, "2026-01-10,B,\"item B\",");
    memcpy(at + strlen("2026-01-10,B,\"item B\","), "x", 1);
    at = strstr(bad, "2026-01-12,C,\"item C\",");
    memcpy(at + strlen("2026-01-12,C,\"item C\","), "-", 1);
    same_items("history-14.2", "long2.csv", bad, "", all);
    at = strstr(bad, "2026-01-20,A,\"item A\",");
    memcpy(at + strlen("2026-01-20,A,\"item A\""), ";", 1);
    same_items("history-14.3", "long3.csv", bad, "", all);
    at = strstr(bad, "2026-01-20,A,\"item A\";");
    memcpy(at + strlen("2026-01-20,A,\"item A\""), ",,", 2);
    same_items("history-14.4", "long4.csv", bad, "", all);
    /* a date D/M/YYYY among the others: its order settled by the whole file */
    snprintf(bad, cap + 200, "%s", text);
    at = strstr(bad, "2026-01-15,");
    memcpy(at, "15/01/2026", 10);
    same_items("history-14.5", "long5.csv", bad, "", "A D Z");
    /* as weekly totals; as orders */
    same_items("history-14.6", "long6.csv", text, "week", "A D E Z");
    same_items("history-14.7", "long7.csv", text, "orders", "A B E Z");
    free(bad);
    free(text);
    /* 300 items over 200 days (60,000 rows), every item read: the file is parsed once,
       not once an item (300 passes over it took 6 s of CPU) */
    cap = 300 * 200 * 24 + 100, used = 0;
    text = malloc(cap);
    used += (size_t)snprintf(text + used, cap - used, "date,sku,qty\n");
    for (int d = 0; d < 200; d++)
        for (int k = 0; k < 300; k++)
            used += (size_t)snprintf(text + used, cap - used, "%d,SKU-%03d,%d\n", d, k, (d * 7 + k) % 11);
    write_file("long8.csv", text);
    struct history_options o = {.kind = HISTORY_DAILY};
    snprintf(o.date_column, sizeof o.date_column, "date");
    snprintf(o.quantity_column, sizeof o.quantity_column, "qty");
    snprintf(o.item_column, sizeof o.item_column, "sku");
    char path[512], err[1000] = "";
    snprintf(path, sizeof path, "%s/long8.csv", dir);
    /* measured against one whole read of the file, so that a slow machine, a busy one or
       the sanitizer build (which a bound in seconds fails) fails no more than a fast one:
       a parse an item would take 300 whole reads, the index about 3 */
    snprintf(o.item, sizeof o.item, "SKU-%03d", 299);
    clock_t start = clock();
    for (int k = 0; k < 3; k++) history_free(history_read(path, text, strlen(text), &o, err, sizeof err));
    double one = (double)(clock() - start) / CLOCKS_PER_SEC / 3;
    start = clock();
    int loaded = 0;
    for (int k = 0; k < 300; k++) {
        snprintf(o.item, sizeof o.item, "SKU-%03d", k);
        bool located;
        struct csv_encoding read_as;
        loaded += history_load_options(path, &o, &located, &read_as, err, sizeof err) != NULL;
    }
    double cpu = (double)(clock() - start) / CLOCKS_PER_SEC;
    check(loaded == 300 && cpu < 30 * one,
          "history-14.8 300 items of a 60,000-row file load in less CPU than 30 whole reads of it: %d in %.2f s, "
          "one whole read %.3f s (%s)",
          loaded, cpu, one, err);
    free(text);
    /* six such files, 50 items each, their items read in turn (a batch table whose rows
       take the files in turn): each file is parsed once, as one file is, not once an item
       (the indexes of four files only were kept, and each row read its file again) */
    char *files[6];
    for (int f = 0; f < 6; f++) {
        cap = 50 * 200 * 24 + 100, used = 0;
        files[f] = malloc(cap);
        used += (size_t)snprintf(files[f] + used, cap - used, "date,sku,qty\n");
        for (int d = 0; d < 200; d++)
            for (int k = 0; k < 50; k++)
                used += (size_t)snprintf(files[f] + used, cap - used, "%d,SKU-%03d,%d\n", d, k, (d * 7 + k + f) % 11);
        char name[32];
        snprintf(name, sizeof name, "turn%d.csv", f);
        write_file(name, files[f]);
    }
    snprintf(o.item, sizeof o.item, "SKU-%03d", 49);
    snprintf(path, sizeof path, "%s/turn0.csv", dir);
    start = clock();
    for (int k = 0; k < 3; k++) history_free(history_read(path, files[0], strlen(files[0]), &o, err, sizeof err));
    one = (double)(clock() - start) / CLOCKS_PER_SEC / 3;
    start = clock();
    loaded = 0;
    for (int k = 0; k < 50; k++)
        for (int f = 0; f < 6; f++) {
            snprintf(path, sizeof path, "%s/turn%d.csv", dir, f);
            snprintf(o.item, sizeof o.item, "SKU-%03d", k);
            bool located;
            struct csv_encoding read_as;
            loaded += history_load_options(path, &o, &located, &read_as, err, sizeof err) != NULL;
        }
    cpu = (double)(clock() - start) / CLOCKS_PER_SEC;
    check(loaded == 300 && cpu < 60 * one,
          "history-14.8b 50 items of each of 6 files of 10,000 rows, read in turn, load in less CPU than 60 whole "
          "reads of one (each file indexed once: 300 reads without): %d in %.2f s, one whole read %.3f s (%s)",
          loaded, cpu, one, err);
    for (int f = 0; f < 6; f++) free(files[f]);
    /* two stray quotes in a column not read make rows 3 to 8 one cell: warned, naming the
       line of the opening quote, through the whole file's reading and through the index */
    const char *stray = "date,sku,name,qty\n2026-01-01,A,\"item A\",1\n2026-01-02,A,\"item A,2\n"
                        "2026-01-03,A,item A,3\n2026-01-04,A,item A,4\n2026-01-05,A,item A,5\n2026-01-06,A,item A,6\n"
                        "2026-01-07,A,item A\",7\n2026-01-08,A,item A,8\n";
    const char *want = "/stray.csv:3:3: a quoted cell begins here and runs over 6 lines, to line 8: those lines are "
                       "read as the cell's text, not as rows; if a stray quote '\"' opened it, remove that quote (or "
                       "the one on line 8 that closes it)";
    write_file("stray.csv", stray);
    const char *keys[] = {"history_date_column = date\nhistory_quantity_column = qty\n",
                          "history_date_column = date\nhistory_quantity_column = qty\nhistory_item_column = sku\n"
                          "history_item = A\n"};
    for (int k = 0; k < 2; k++) {
        int rc = load_export("stray", "stray.csv", keys[k]);
        char expect[800];
        snprintf(expect, sizeof expect, "%s%s", dir, want);
        bool said = false;
        for (size_t w = 0; rc == 0 && w < sc.nwarnings; w++) said |= strcmp(sc.warnings[w], expect) == 0;
        check(said, "history-14.9 a quoted cell over 6 lines is warned of (%s): %s    got: %s%s",
              k ? "one item, indexed" : "the whole file", expect, messages, sc.nwarnings ? sc.warnings[0] : "");
    }
    /* a header of two lines (Excel's Alt+Enter) is named with a blank for its line break */
    write_file("twoline.csv", "date,\"units\nsold\",note\n2026-01-01,3,a\n2026-01-02,4,b\n");
    int rc =
        load_export("twoline", "twoline.csv", "history_date_column = date\nhistory_quantity_column = units sold\n");
    check(rc == 0 && sc.history_info && sc.history_info->h.total_units == 7,
          "history-14.10 history_quantity_column = units sold names the header \"units<line break>sold\" (%d): %s", rc,
          messages);
    rc = load_export("twoline", "twoline.csv", "history_date_column = date\nhistory_quantity_column = units\n");
    check(rc == 2 && strstr(messages, "it has 'date', 'units sold', 'note'"),
          "history-14.10b a header of two lines is listed on one line: %s", messages);
    /* GB18030 with a price of ¥ (U+00A5, the 4 bytes 81 30 84 36; GBK has no ¥): read as
       GB18030, as a file with the full-width ￥ is (日期,单价,数量 / 2026-01-0N,¥5,N) */
    write_file("yen.csv", "\xc8\xd5\xc6\xda,\xb5\xa5\xbc\xdb,\xca\xfd\xc1\xbf\n2026-01-01,\x81\x30\x84\x36"
                          "5,3\n2026-01-02,\x81\x30\x84\x36"
                          "5,4\n");
    rc = load_export("yen", "yen.csv", "history_date_column = 日期\nhistory_quantity_column = 数量\n");
    check(rc == 0 && sc.history_info && sc.history_info->h.total_units == 7,
          "history-14.11 a GB18030 file with a yen sign '¥' in a price column is read (%d): %s", rc, messages);
}

/* The description of the loaded history (bootstrap), in a new string (the caller frees). */
static char *described(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (sc.history_info) history_describe(out, sc.history_info, HISTORY_BOOTSTRAP, "; ");
    fclose(out);
    return text;
}

/* A history loaded from csv (written as name) with keys: the same as want's (read from
 * the file want_csv with want_keys), and its description holding said (NULL: saying
 * nothing of newest first, YYYYMMDD or the quantity's column). */
static void reads_as(const char *id, const char *what, const char *name, const char *csv, const char *keys,
                     const char *want_csv, const char *want_keys, const char *said)
{
    write_file("want.csv", want_csv);
    struct history_info want = {0};
    char want_said[2000] = "";
    if (load_export("want", "want.csv", want_keys) == 0) {
        want = *sc.history_info;
        char *text = described();
        snprintf(want_said, sizeof want_said, "%s", text);
        free(text);
    }
    write_file(name, csv);
    int rc = load_export("got", name, keys);
    const struct history_info *hi = rc == 0 ? sc.history_info : NULL;
    char *text = described();
    bool same = hi && want.h.ndays && hi->h.ndays == want.h.ndays && hi->h.norders == want.h.norders &&
                hi->h.total_units == want.h.total_units && hi->first_day == want.first_day &&
                memcmp(hi->h.first, want.h.first, (want.h.ndays + 1) * sizeof *want.h.first) == 0 &&
                memcmp(hi->h.at, want.h.at, want.h.norders * sizeof *want.h.at) == 0 &&
                memcmp(hi->h.units, want.h.units, want.h.norders * sizeof *want.h.units) == 0;
    bool says = said ? strstr(text, said) != NULL
                     : !strstr(text, "newest first") && !strstr(text, "YYYYMMDD") && !strstr(text, "quantity:");
    check(same && says && !strstr(want_said, "newest first") && !strstr(want_said, "YYYYMMDD"),
          "%s %s: the same demand as %s, said: %s    (%s)    got:\n%s", id, what, want_csv, said ? said : "nothing",
          messages, text);
    free(text);
}

/* Three shapes of planners' exports: the quantity's column found when only the item's
 * is named, rows newest first, dates YYYYMMDD. */
static void test_planner_exports(void)
{
    const char *bolt = "2024-01-01,5\n2024-01-02,7\n2024-01-04,2\n";
    /* 1. history_item_column alone: the quantity's column by its header, else the only other
       column of numbers; refused, naming history_quantity_column, when that is not one column */
    reads_as("history-16.1", "item column named, quantity by its header", "q1.csv",
             "日期,物料编码,出库数量\n2024-01-01,螺栓A01,5\n2024-01-01,螺母B02,9\n2024-01-02,螺栓A01,7\n"
             "2024-01-04,螺栓A01,2\n2024-01-04,螺母B02,1\n",
             "history_item_column = 物料编码\nhistory_item = 螺栓A01\n", bolt, "",
             ";   quantity: column 3, '出库数量', by its header's words (history_quantity_column is not set)\n");
    reads_as("history-16.2", "... by its header among other numbers", "q2.csv",
             "日期,物料编码,单价,出库数量\n2024-01-01,A01,1.5,5\n2024-01-02,A01,1.5,7\n2024-01-04,A01,1.6,2\n",
             "history_item_column = 物料编码\nhistory_item = A01\n", bolt, "",
             ";   quantity: column 4, '出库数量', by its header's words (history_quantity_column is not set)\n");
    reads_as("history-16.3", "... the only other column of numbers", "q3.csv",
             "day,code,name,n\n2024-01-01,A01,bolt,5\n2024-01-02,A01,bolt,7\n2024-01-02,B02,nut,3\n"
             "2024-01-04,A01,bolt,2\n",
             "history_item_column = code\nhistory_item = A01\n", bolt, "",
             ";   quantity: column 4, 'n', the only other column of numbers (history_quantity_column is not set)\n");
    reads_as("history-16.4", "... without a header", "q4.csv",
             "2024-01-01,A01,5\n2024-01-02,A01,7\n2024-01-02,B02,3\n2024-01-04,A01,2\n",
             "history_item_column = 2\nhistory_item = A01\n", bolt, "",
             ";   quantity: column 3, the only other column of numbers (history_quantity_column is not set)\n");
    reads_as("history-16.5", "... named: nothing said", "q5.csv",
             "日期,物料编码,出库数量\n2024-01-01,A01,5\n2024-01-02,A01,7\n2024-01-04,A01,2\n",
             "history_item_column = 物料编码\nhistory_item = A01\nhistory_quantity_column = 出库数量\n", bolt, "",
             NULL);
    refused_export("history-16.6", "日期,物料编码,入库,结存\n2024-01-01,A01,5,3\n2024-01-02,A01,7,4\n",
                   "history_item_column = 物料编码\nhistory_item = A01\n",
                   "/bad.csv:1: history_item_column is set but not history_quantity_column, and more than one column "
                   "besides the date's and the item's holds only numbers ('入库', '结存'); set "
                   "history_quantity_column to the quantity's (a header name or a column number from 1)\n");
    refused_export("history-16.7", "日期,物料编码,备注\n2024-01-01,A01,x\n2024-01-02,A01,5\n",
                   "history_item_column = 物料编码\nhistory_item = A01\n",
                   "/bad.csv:1: history_item_column is set but not history_quantity_column, and no column besides the "
                   "date's and the item's holds only numbers ('备注'); set history_quantity_column to the quantity's "
                   "(a header name or a column number from 1)\n");
    refused_export("history-16.8", "日期,物料编码,出库数量,销量\n2024-01-01,A01,5,3\n",
                   "history_item_column = 物料编码\nhistory_item = A01\n",
                   "/bad.csv:1: history_item_column is set but not history_quantity_column, and the headers of "
                   "column 3 ('出库数量') and column 4 ('销量') both name a quantity; set history_quantity_column to "
                   "the one to read\n");
    refused_export("history-16.9", "2024-01-01,A01,5,3\n", "history_item_column = 2\nhistory_item = A01\n",
                   "/bad.csv:1: history_item_column is set but not history_quantity_column, and more than one column "
                   "besides the date's and the item's holds only numbers (3, 4);");
    /* an item (or a quantity) in column 1, where the date is read by default: the date by its header */
    reads_as("history-16.9b", "item column first, the date by its header", "q6.csv",
             "物料编码,日期,出库数量\nA01,2024-01-01,5\nB02,2024-01-02,3\nA01,2024-01-02,7\nA01,2024-01-04,2\n",
             "history_item_column = 物料编码\nhistory_item = A01\n", bolt, "",
             ";   date: column 2, '日期', by its header's words (history_date_column is not set)\n"
             ";   quantity: column 3, '出库数量', by its header's words (history_quantity_column is not set)\n");
    reads_as("history-16.9d", "quantity first, the date by its header", "q7.csv",
             "qty,sku,date\n5,A01,2024-01-01\n7,A01,2024-01-02\n2,A01,2024-01-04\n9,B02,2024-01-04\n",
             "history_item_column = sku\nhistory_item = A01\n", bolt, "",
             ";   date: column 3, 'date', by its header's words (history_date_column is not set)\n"
             ";   quantity: column 1, 'qty', by its header's words (history_quantity_column is not set)\n");
    reads_as("history-16.9e", "item column first, the quantity named", "q8.csv",
             "sku,备注,订单日期,件数\nA01,x,2024-01-01,5\nA01,y,2024-01-02,7\nA01,z,2024-01-04,2\n",
             "history_item_column = sku\nhistory_item = A01\nhistory_quantity_column = 件数\n", bolt, "",
             ";   date: column 3, '订单日期', by its header's words (history_date_column is not set)\n");
    refused_export("history-16.9f", "物料编码,下单日期,发货日期,出库数量\nA01,2024-01-01,2024-01-02,5\n",
                   "history_item_column = 物料编码\nhistory_item = A01\n",
                   "/bad.csv:1: history_date_column is not set, column 1 ('物料编码') is not the date's, and the "
                   "headers of column 2 ('下单日期') and column 3 ('发货日期') both name a date; set "
                   "history_date_column to the one to read\n");
    refused_export("history-16.9k", "sku,date,date,qty\nA01,2024-01-01,2024-01-02,5\n",
                   "history_item_column = sku\nhistory_item = A01\n",
                   "/bad.csv:1: history_date_column is not set, column 1 ('sku') is not the date's, and the "
                   "headers of column 2 ('date') and column 3 ('date') both name a date; set history_date_column "
                   "to the one to read\n");
    refused_export("history-16.9g", "物料编码,备注,出库数量\nA01,x,5\n",
                   "history_item_column = 物料编码\nhistory_item = A01\n",
                   "/bad.csv:1: history_item_column = 物料编码 is column 1, where the date is read when "
                   "history_date_column is not set; set history_date_column to the date's column (a header name or a "
                   "column number from 1)\n");
    refused_export("history-16.9h", "A01,2024-01-01,5\n", "history_item_column = 1\nhistory_item = A01\n",
                   "/bad.csv:1: history_item_column = 1 is column 1, where the date is read when history_date_column "
                   "is not set; set history_date_column to the date's column (a header name or a column number from "
                   "1)\n");
    refused_export("history-16.9c", "日期,物料编码\n2024-01-01,A01\n2024-01-02,A01\n",
                   "history_item_column = 物料编码\nhistory_item = A01\n",
                   "/bad.csv:1: history_item_column = 物料编码 is column 2, where the quantity is read when "
                   "history_quantity_column is not set, and the file has no other column for it; each row needs its "
                   "quantity: export the quantity's column too and set history_quantity_column to it (a header name "
                   "or a column number from 1)\n");
    /* 2. newest first: read reversed, said; a file that goes both ways is refused at the
       first row that breaks the order */
    reads_as("history-16.10", "daily rows newest first", "d1.csv",
             "date,qty\n2024-01-04,2\n2024-01-02,7\n2024-01-01,5\n", "", bolt, "",
             ";   rows newest first (dates descending, as the export lists them): read from the last row up\n");
    reads_as("history-16.11", "orders newest first, a day's in any order of their times", "d2.csv",
             "t,q\n2024/01/02 17:23,3\n2024/01/02 08:46,4\n2024/01/01 10:11,1\n2024/01/01 13:32,4\n",
             "history_kind = orders\n",
             "t,q\n2024/01/01 10:11,1\n2024/01/01 13:32,4\n2024/01/02 08:46,4\n2024/01/02 17:23,3\n",
             "history_kind = orders\n", "newest first");
    reads_as("history-16.12", "weekly rows newest first", "d3.csv",
             "week,qty\n2024-01-15,14\n2024-01-08,7\n2024-01-01,21\n", "history_period = week\n",
             "week,qty\n2024-01-01,21\n2024-01-08,7\n2024-01-15,14\n", "history_period = week\n", "newest first");
    refused_export("history-16.13", "date,qty\n2024-01-05,1\n2024-01-04,2\n2024-01-03,2\n2024-01-06,2\n", "",
                   "/bad.csv:5:1: column 'date': 2024-01-06 comes after the day of row 4, but rows 2 to 4 go newest "
                   "first; rows must be in date order throughout, oldest first or newest first\n");
    refused_export("history-16.14", "date,qty\n2024-01-05,1\n2024-01-04,2\n2024-01-04,2\n", "",
                   "/bad.csv:4:1: column 'date': 2024-01-04 appears again (row 3 has it too)");
    /* 3. YYYYMMDD: read when every row's day is so, said; else refused */
    reads_as("history-16.15", "dates YYYYMMDD", "y1.csv", "date,qty\n20240101,5\n20240102,7\n20240104,2\n", "", bolt,
             "", ";   dates written YYYYMMDD, as every row's is: 20240101 read as 2024-01-01\n");
    reads_as("history-16.16", "dates YYYYMMDD, newest first, of one item", "y2.csv",
             "日期,物料编码,出库数量\n20240104,A01,2\n20240103,B02,1\n20240102,A01,7\n20240101,A01,5\n",
             "history_item_column = 物料编码\nhistory_item = A01\n", bolt, "",
             ";   dates written YYYYMMDD, as every row's is: 20240104 read as 2024-01-04\n");
    reads_as("history-16.17", "monthly rows YYYYMMDD", "y3.csv", "m,qty\n20240105,31\n20240201,58\n",
             "history_period = month\n", "m,qty\n2024-01,31\n2024-02,58\n", "history_period = month\n",
             "20240105 read as 2024-01-05");
    refused_export("history-16.18", "date,qty\n20240101,1\n20240230,2\n", "",
                   "/bad.csv:3:1: column 'date': '20240230': February 2024 has 29 days\n");
    refused_export("history-16.19", "date,qty\n20240101,1\n20241301,2\n", "",
                   "/bad.csv:3:1: column 'date': '20241301' is not a date (YYYYMMDD)\n");
    refused_export("history-16.20", "date,qty\n2024-01-01,1\n20240102,2\n", "",
                   "/bad.csv:3:1: column 'date': '20240102' looks like a date written YYYYMMDD, but row 2 has "
                   "'2024-01-01': dates YYYYMMDD are read only when every row's date is written so; write the dates "
                   "one way throughout (this one as 2024-01-02)\n");
    refused_export("history-16.21", "date,qty\n01022024,1\n02022024,2\n", "",
                   "/bad.csv:2:1: column 'date': '01022024' looks like a date written DDMMYYYY or MMDDYYYY, which is "
                   "not read (the day and the month could be either way round, and dates YYYYMMDD start with the "
                   "year); write the dates as YYYY-MM-DD\n");
    /* one item of a long file, read through the file's index, as the whole file reads it */
    const char *items = "date,sku,name,n\n20240105,A,bolt,3\n20240105,B,nut,2\n20240103,A,bolt,1\n"
                        "20240102,B,nut,4\n20240101,A,bolt,6\n";
    check(same_items("history-16.22", "long_q.csv", items, "noqty", "A B") == 2,
          "history-16.23 a long file newest first, dates YYYYMMDD, its quantity's column found: A and B load");
}

/* A Shift-JIS table of half-width kana reads as GB18030 Chinese too: said to be either,
 * whatever its share of kana bytes (each is 3 bytes of UTF-8: a table with more of them
 * than of ASCII did not fit twice its size, and was said to be Chinese alone). */
static void test_encodings(void)
{
    /* ﾎﾞﾙﾄ (CE DE D9 C4) and ﾈｼﾞｼ (C8 BC DE BC): 48 kana bytes, 42 ASCII */
    const char *bolt = "\xce\xde\xd9\xc4", *screw = "\xc8\xbc\xde\xbc";
    char text[200];
    snprintf(text, sizeof text, "id,revenue.price_per_unit\n%s%s%s,30\n%s%s%s,40\n%s%s%s,35\n%s%s%s,36\n", bolt, bolt,
             bolt, screw, bolt, bolt, bolt, screw, bolt, bolt, bolt, screw);
    write_file("sjis.csv", text);
    char path[300], err[400] = "";
    snprintf(path, sizeof path, "%s/sjis.csv", dir);
    size_t len = 0;
    struct csv_encoding enc;
    char *utf8 = csv_read_table(path, &len, &enc, err, sizeof err);
    check(utf8 && enc.gb18030 && enc.japanese_too &&
              strcmp(enc.as_japanese, "\xef\xbe\x8e\xef\xbe\x9e\xef\xbe\x99"
                                      "\xef\xbe\x84\xef\xbe\x8e\xef\xbe\x9e"
                                      "\xef\xbe\x99\xef\xbe\x84") == 0,
          "history-15.1 a Shift-JIS table with more kana bytes than ASCII ones reads as Japanese too "
          "(gb18030 %d, japanese %d '%s'; %s)",
          utf8 && enc.gb18030, utf8 && enc.japanese_too, utf8 ? enc.as_japanese : "", err);
    free(utf8);
    /* a short word with a pair Japanese always allows though the table of pairs seen
       (reader/scan.c) lacks it: ﾜｯｼｬ (DC AF BC AC, a washer) and ﾜｯｸｽ (DC AF B8 BD, wax),
       whose ﾜｯ made one pair in four unknown, 0.75 */
    const char *const words[] = {"\xdc\xaf\xbc\xac", "\xdc\xaf\xb8\xbd"};
    const char *const as[] = {"\xef\xbe\x9c\xef\xbd\xaf\xef\xbd\xbc\xef\xbd\xac",
                              "\xef\xbe\x9c\xef\xbd\xaf\xef\xbd\xb8\xef\xbd\xbd"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        snprintf(text, sizeof text, "id,revenue.price_per_unit\n%s,30\n", words[w]);
        write_file("sjis_short.csv", text);
        snprintf(path, sizeof path, "%s/sjis_short.csv", dir);
        *err = '\0';
        utf8 = csv_read_table(path, &len, &enc, err, sizeof err);
        check(utf8 && enc.gb18030 && enc.japanese_too && strcmp(enc.as_japanese, as[w]) == 0,
              "history-15.2.%zu a Shift-JIS table of one short half-width kana word whose pairs Japanese always "
              "allows reads as Japanese too (gb18030 %d, japanese %d '%s'; %s)",
              w + 1, utf8 && enc.gb18030, utf8 && enc.japanese_too, utf8 ? enc.as_japanese : "", err);
        free(utf8);
    }
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/servlab-history-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    test_replay();
    test_bootstrap();
    test_fit();
    test_errors();
    test_overrides();
    test_check_round_trip();
    test_decimal_total();
    test_fit_equilibrium();
    test_fullwidth();
    test_exports();
    test_export_errors();
    test_sparse_levers();
    test_long_file_index();
    test_planner_exports();
    test_encodings();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) return 1;
    return check_done("test_history");
}
