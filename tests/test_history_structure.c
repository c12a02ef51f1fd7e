/* test_history_structure.c - structure in a demand history (sim/series.h,
 * reader/history_structure.h, models/history_play.h) on synthetic series of known
 * structure, fixed seeds:
 *   1. the tests flag a trend, a weekly pattern and autocorrelation when the series has
 *      them (in at least 19 of 20 series) and not when it has not (at most 2 of 20: at
 *      the 1% level the chance of 3 or more false flags in 20 is about 0.1%);
 *   2. the report's warning fires when, and only when, the mode loses structure that
 *      is there; the theory block speaks of autocorrelation only when it is there;
 *   3. block_bootstrap plays runs of consecutive days and keeps the lag-1
 *      autocorrelation within the history's own 95% interval (bootstrap does not);
 *   4. weekday_bootstrap plays each day from the recorded days of replay's weekday and
 *      keeps every weekday's mean within its interval (bootstrap does not);
 *   5. Var(sum of L days) from autocovariances; the automatic block length;
 *      the new modes run end to end and keep the mean demand;
 *   6. a monthly history's bootstrap plays whole months, and its 30-day demand varies
 *      as the months did (a bootstrap of days one by one did not); fit is warned.
 * The days a run plays are drawn through history_play_next, the function the model's
 * day handler calls (models/demand.c), with a SRC_HISTORY-like stream of its own. */
#include "check.h"
#include "cli/report.h"
#include "cli/simulate.h"
#include "models/history_play.h"
#include "models/metrics.h"
#include "reader/history.h"
#include "reader/history_structure.h"
#include "reader/scenario.h"
#include "sim/rng.h"
#include "sim/series.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char dir[256];

enum kind { IID, AR, TREND, WEEKLY, KINDS };
static const char *const kind_names[KINDS] = {"independent", "AR(1) phi 0.8", "linear trend", "weekly pattern"};
enum { N = 365 };

/* Day t of a series of kind k: 100 plus normal noise of sd 10, and its structure:
 * AR(1) noise with phi 0.8; a trend of +0.05 units a day (18 units over the year,
 * 1.8 sd); weekend days (t mod 7 = 5, 6) 8 below the mean, other days 3 above. */
static void make_series(enum kind k, unsigned seed, double *x)
{
    gsl_rng *r = rng_stream_new(seed, 0, 0);
    double a = 0;
    for (size_t t = 0; t < N; t++) {
        double z = gsl_ran_gaussian(r, 10);
        a = k == AR ? 0.8 * a + z : z;
        x[t] = 100 + a + (k == TREND ? 0.05 * (double)t : 0) + (k == WEEKLY ? (t % 7 >= 5 ? -8 : 3) : 0);
    }
    gsl_rng_free(r);
}

/* name's text, in this program's scratch directory */
static void write_file(const char *name, const char *text)
{
    check_write_file(dir, name, text);
}

/* A history file NAME.csv of series kind k (seed 1) and a scenario NAME.ini playing it
 * in `mode` with `extra` lines in [demand]. */
static void write_history(const char *name, enum kind k, const char *mode, const char *extra)
{
    double x[N];
    make_series(k, 1, x);
    char *text = malloc(N * 40 + 100), path[600];
    size_t used = (size_t)sprintf(text, "day,units\n");
    for (size_t t = 0; t < N; t++) used += (size_t)sprintf(text + used, "%zu,%.3f\n", t, x[t]);
    snprintf(path, sizeof path, "%s.csv", name);
    write_file(path, text);
    snprintf(text, 2000,
             "[run]\nhorizon_days = 365\nreplications = 20\nseed = 3\n\n[demand]\nhistory = %s.csv\n"
             "history_kind = daily\nhistory_mode = %s\n%s\n\n[inventory]\npolicy = sQ\nsafety_factor = 1\n"
             "order_quantity = 700\nlead_time_days = 7\n\n[costs]\nholding_per_unit_day = 0.01\n\n"
             "[revenue]\nprice_per_unit = 2\n",
             name, mode, extra);
    snprintf(path, sizeof path, "%s.ini", name);
    write_file(path, text);
    free(text);
}

static struct scenario sc;

static int load_quietly(const char *name, bool quiet)
{
    char path[512], messages[2000] = "";
    snprintf(path, sizeof path, "%s/%s.ini", dir, name);
    FILE *err = fmemopen(messages, sizeof messages, "w");
    int rc = scenario_load(&sc, path, NULL, 0, err);
    fclose(err);
    if (rc != 0 && !quiet) printf("%s: %s\n", name, messages);
    return rc;
}

static int load(const char *name)
{
    return load_quietly(name, false);
}

static double lag1(const double *x, size_t n)
{
    double g[2];
    series_autocovariances(x, n, 1, g);
    return g[1] / g[0];
}

/* ---- 1. the tests' flags over 20 series of each kind ---- */

static void test_flags(void)
{
    for (int k = 0; k < KINDS; k++) {
        int flagged[3] = {0}; /* trend, weekly, autocorrelated */
        for (unsigned seed = 1; seed <= 20; seed++) {
            double x[N];
            make_series((enum kind)k, seed, x);
            struct series_structure s;
            series_analyse(x, N, &s);
            flagged[0] += s.trend, flagged[1] += s.weekly, flagged[2] += s.autocorrelated;
        }
        static const char *const what[3] = {"a trend", "a weekly pattern", "autocorrelation"};
        static const enum kind has[3] = {TREND, WEEKLY, AR};
        for (int f = 0; f < 3; f++) {
            if (has[f] == (enum kind)k)
                check(flagged[f] >= 19, "structure-1.%d %s series: %s flagged in %d of 20 (want at least 19)", k,
                      kind_names[k], what[f], flagged[f]);
            else
                check(flagged[f] <= 2, "structure-1.%db %s series: %s flagged in %d of 20 (want at most 2)", k,
                      kind_names[k], what[f], flagged[f]);
        }
    }
}

/* ---- 2. the report's warnings and theory note ---- */

/* history_describe's text for the loaded scenario. */
static void describe(char *buf, size_t n)
{
    memset(buf, 0, n);
    FILE *f = fmemopen(buf, n, "w");
    history_describe(f, sc.history_info, sc.cfg.demand.history_mode, "  ");
    fclose(f);
}

static void test_warnings(void)
{
    static const char *const modes[] = {"replay", "bootstrap", "block_bootstrap", "weekday_bootstrap", "fit"};
    /* which warnings each kind should give in each mode: the structure it has, unless
       the mode keeps it (replay all; block_bootstrap autocorrelation; weekday_bootstrap
       the weekly pattern) */
    static const char *const warning[KINDS] = {NULL, "loses the autocorrelation", "loses the trend",
                                               "loses the weekly pattern"};
    static const bool keeps[KINDS][5] = {
        [IID] = {true, true, true, true, true},
        [AR] = {true, false, true, false, false},
        [TREND] = {true, false, false, false, false},
        [WEEKLY] = {true, false, false, true, false},
    };
    char buf[8000];
    for (int k = 0; k < KINDS; k++)
        for (int m = 0; m < 5; m++) {
            char name[80];
            snprintf(name, sizeof name, "warn_%d_%d", k, m);
            write_history(name, (enum kind)k, modes[m], "");
            if (load(name) != 0) {
                check(0, "structure-2 %s in %s loads", kind_names[k], modes[m]);
                continue;
            }
            describe(buf, sizeof buf);
            int warnings = 0;
            for (const char *p = buf; (p = strstr(p, "Warning:")); p++) warnings++;
            int want = keeps[k][m] ? 0 : 1;
            bool right = warnings == want && (want == 0 || strstr(buf, warning[k]));
            check(right && history_structure_warnings(sc.history_info, sc.cfg.demand.history_mode) == want,
                  "structure-2.%d.%d %s history in %s: %d warning(s), want %d%s%s", k, m, kind_names[k], modes[m],
                  warnings, want, want ? " saying " : "", want ? warning[k] : "");
            if (m == 0 && warnings) printf("%s\n", buf);
        }
}

/* The theory block mentions the autocorrelation for the AR(1) history, not for the
 * independent one. */
static void test_theory_note(void)
{
    for (int k = IID; k <= AR; k++) {
        char name[40];
        snprintf(name, sizeof name, "theory_%d", k);
        write_history(name, (enum kind)k, "replay", "");
        if (load(name) != 0) continue;
        size_t nm = metric_count(&sc.cfg);
        double *rows = malloc(sc.cfg.run.replications * nm * sizeof *rows);
        struct summary *s = malloc(nm * sizeof *s);
        const struct model_config *cfg = &sc.cfg;
        struct simulate_opts so = {.threads = 2};
        if (simulate(&cfg, 1, sc.cfg.run.replications, &so, rows) != 0) abort();
        simulate_summarise(rows, sc.cfg.run.replications, nm, s);
        char *buf = calloc(1, 60000);
        FILE *f = fmemopen(buf, 60000, "w");
        report_table(f, &sc, s);
        fclose(f);
        bool said = strstr(buf, "this history's days are autocorrelated") != NULL;
        check(said == (k == AR), "structure-2.%d the theory block %s the autocorrelation of the %s history", 6 + k,
              said ? "mentions" : "does not mention", kind_names[k]);
        free(buf), free(rows), free(s);
    }
}

/* ---- 3. block bootstrap ---- */

/* Play `days` simulated days from day `first` of the loaded history in its mode, into
 * x (daily totals) and k (the recorded days); seed for the stream. */
static void play(long long first, size_t days, uint64_t seed, double *x, size_t *k)
{
    const struct demand_config *d = &sc.cfg.demand;
    const struct demand_history *h = d->history;
    gsl_rng *r = rng_stream_new(seed, 0, 99);
    struct history_play p;
    history_play_start(&p, first);
    for (size_t j = 0; j < days; j++) {
        size_t day = history_play_next(&p, d, r);
        if (k) k[j] = day;
        x[j] = 0;
        for (size_t i = h->first[day]; i < h->first[day + 1]; i++) x[j] += h->units[i];
    }
    gsl_rng_free(r);
}

static void test_block_bootstrap(void)
{
    write_history("block", AR, "block_bootstrap", "");
    if (load("block") != 0) return;
    double *hist = history_daily_totals(sc.cfg.demand.history);
    double r_hist = lag1(hist, N);
    /* the history's lag-1 autocorrelation, +- 1.96 sd of its estimate for AR(1) data
       (Bartlett: (1 - r^2) / n) */
    double hw_hist = 1.96 * sqrt((1 - r_hist * r_hist) / N);
    size_t b = history_play_block_days(&sc.cfg.demand);
    check(b > 1 && b < N, "structure-3.1 the AR(1) history's automatic block length is %zu days", b);

    /* runs of b consecutive recorded days */
    size_t k[N];
    double x[N];
    play(-30, N, 1, x, k);
    bool runs = true;
    for (size_t j = 1; j < N; j++)
        if (j % b != 0 && k[j] != k[j - 1] + 1) runs = false;
    check(runs, "structure-3.2 block_bootstrap plays runs of %zu consecutive recorded days", b);

    for (int mode = 0; mode < 2; mode++) {
        sc.cfg.demand.history_mode = mode ? HISTORY_BOOTSTRAP : HISTORY_BLOCK_BOOTSTRAP;
        double sum = 0, ss = 0;
        enum { REPS = 100 };
        for (unsigned rep = 0; rep < REPS; rep++) {
            play(0, N, 100 + rep, x, NULL);
            double r = lag1(x, N);
            sum += r, ss += r * r;
        }
        double mean = sum / REPS, sd = sqrt((ss - REPS * mean * mean) / (REPS - 1)), hw = 1.96 * sd / sqrt(REPS);
        bool inside = mean - hw >= r_hist - hw_hist && mean + hw <= r_hist + hw_hist;
        check(mode ? !inside && fabs(mean) < 3 * sd : inside,
              "structure-3.%d %s: lag-1 autocorrelation of the played days %.3f ± %.3f (100 years), history's %.3f "
              "± %.3f: %s",
              3 + mode, mode ? "bootstrap" : "block_bootstrap", mean, hw, r_hist, hw_hist,
              mode ? "lost (want outside, near 0)" : "kept (want inside)");
    }
    sc.cfg.demand.history_mode = HISTORY_BLOCK_BOOTSTRAP;

    /* history_block_days sets the length */
    write_history("block5", AR, "block_bootstrap", "history_block_days = 5");
    if (load("block5") == 0) {
        play(0, N, 2, x, k);
        bool five = history_play_block_days(&sc.cfg.demand) == 5;
        for (size_t j = 1; j < N; j++)
            if (j % 5 != 0 && k[j] != k[j - 1] + 1) five = false;
        check(five, "structure-3.5 history_block_days = 5 plays runs of 5 days");
    }
    free(hist);
}

/* ---- 4. weekday bootstrap ---- */

static void test_weekday_bootstrap(void)
{
    write_history("weekday", WEEKLY, "weekday_bootstrap", "");
    if (load("weekday") != 0) return;
    double *hist = history_daily_totals(sc.cfg.demand.history);
    /* the weekday replay gives simulated day j (j < n) is j mod 7; a warm-up starts at -30 */
    size_t k[400];
    double x[400];
    play(-30, 400, 1, x, k);
    bool same = true;
    for (long long j = -30; j < 370; j++)
        if ((long long)(k[j + 30] % 7) != ((j % 7) + 7) % 7) same = false;
    check(same, "structure-4.1 weekday_bootstrap plays simulated day j from recorded days k = j (mod 7), as replay "
                "does (from day -30 of a warm-up)");

    /* each weekday's mean of the played days, over 100 years, against the history's */
    enum { REPS = 100, DAYS = 364 };
    double hmean[7] = {0}, hn[7] = {0};
    for (size_t t = 0; t < N; t++) hmean[t % 7] += hist[t], hn[t % 7]++;
    for (int c = 0; c < 7; c++) hmean[c] /= hn[c];
    for (int mode = 0; mode < 2; mode++) {
        sc.cfg.demand.history_mode = mode ? HISTORY_BOOTSTRAP : HISTORY_WEEKDAY_BOOTSTRAP;
        double sum[7] = {0}, ss[7] = {0};
        for (unsigned rep = 0; rep < REPS; rep++) {
            double y[DAYS];
            play(0, DAYS, 200 + rep, y, NULL);
            double m[7] = {0};
            for (size_t j = 0; j < DAYS; j++) m[j % 7] += y[j] / (DAYS / 7);
            for (int c = 0; c < 7; c++) sum[c] += m[c], ss[c] += m[c] * m[c];
        }
        int inside = 0;
        char text[400] = "";
        for (int c = 0; c < 7; c++) {
            double mean = sum[c] / REPS, sd = sqrt((ss[c] - REPS * mean * mean) / (REPS - 1));
            /* 7 intervals at once: 99.3% each (z 2.69), so all hold together 95% of the time */
            double hw = 2.69 * sd / sqrt(REPS);
            inside += fabs(mean - hmean[c]) <= hw;
            size_t used = strlen(text);
            snprintf(text + used, sizeof text - used, " %.1f±%.1f (%.1f)", mean, hw, hmean[c]);
        }
        check(mode ? inside < 7 : inside == 7,
              "structure-4.%d %s: weekday means of the played days, 100 years (history's):%s; %d of 7 within", 2 + mode,
              mode ? "bootstrap loses them" : "weekday_bootstrap keeps them", text, inside);
    }
    free(hist);

    /* fewer than 7 days: refused */
    write_file("short.csv", "day,units\n0,5\n1,6\n2,7\n");
    write_file("short.ini", "[demand]\nhistory = short.csv\nhistory_kind = daily\nhistory_mode = weekday_bootstrap\n"
                            "[inventory]\npolicy = sQ\nreorder_point = 5\norder_quantity = 20\n");
    check(load_quietly("short", true) != 0, "structure-4.4 weekday_bootstrap refuses a history of 3 days");
}

/* ---- 5. sums, block length, whole runs ---- */

static void test_sums_and_runs(void)
{
    double g[] = {1, 0.5, 0.25, 0};
    check(series_sum_variance(g, 3) == 3 * 1 + 2 * (2 * 0.5 + 1 * 0.25) && series_sum_variance(g, 1) == 1,
          "structure-5.1 Var(3 days) = 3 g0 + 2 (2 g1 + g2) = %g", series_sum_variance(g, 3));
    /* Politis & White for AR(1) with phi: b = (3/2 (2 phi / (1 - phi^2))^2)^(1/3) n^(1/3),
       about 22 days for phi 0.8 and n 365; 1 for independent days */
    double x[N];
    make_series(AR, 1, x);
    size_t bar = series_block_length(x, N);
    make_series(IID, 1, x);
    size_t biid = series_block_length(x, N);
    double theory = cbrt(1.5 * pow(1.6 / 0.36, 2)) * cbrt(N);
    check(bar > theory / 2 && bar < theory * 2 && biid <= 2,
          "structure-5.2 automatic block length: AR(1) %zu days (theory %.0f, want within a factor 2), "
          "independent %zu (want at most 2)",
          bar, theory, biid);
    /* the new modes run and keep the mean daily demand (within the 99% interval) */
    static const char *const modes[] = {"block_bootstrap", "weekday_bootstrap"};
    for (int m = 0; m < 2; m++) {
        char name[40];
        snprintf(name, sizeof name, "run_%d", m);
        write_history(name, m ? WEEKLY : AR, modes[m], "");
        if (load(name) != 0) continue;
        size_t nm = metric_count(&sc.cfg);
        unsigned reps = sc.cfg.run.replications;
        double *rows = malloc(reps * nm * sizeof *rows);
        struct summary *s = malloc(nm * sizeof *s);
        const struct model_config *cfg = &sc.cfg;
        struct simulate_opts so = {.threads = 2};
        if (simulate(&cfg, 1, reps, &so, rows) != 0) abort();
        simulate_summarise(rows, reps, nm, s);
        double want = sc.history_info->mean_per_day, hw = summary_halfwidth(&s[M_UNITS_PER_DAY], 0.99);
        check(fabs(s[M_UNITS_PER_DAY].mean - want) <= hw && s[M_UNITS_PER_DAY].sd > 0,
              "structure-5.%d %s runs: %.2f ± %.2f units a day (99%%), history %.2f", 3 + m, modes[m],
              s[M_UNITS_PER_DAY].mean, hw, want);
        free(rows), free(s);
    }
}

/* ---- 6. weekly and monthly histories ---- */

static void test_periods(void)
{
    /* 36 months of normal totals, mean 3000, sd 600 */
    enum { MONTHS = 36 };
    gsl_rng *g = rng_stream_new(7, 0, 0);
    char text[MONTHS * 40 + 40];
    size_t used = (size_t)sprintf(text, "month,units\n");
    double totals[MONTHS], tsum = 0, tss = 0;
    for (int m = 0; m < MONTHS; m++) {
        totals[m] = round(3000 + gsl_ran_gaussian(g, 600));
        tsum += totals[m], tss += totals[m] * totals[m];
        used += (size_t)sprintf(text + used, "%d-%02d,%.0f\n", 2023 + m / 12, m % 12 + 1, totals[m]);
    }
    gsl_rng_free(g);
    double tmean = tsum / MONTHS, tsd = sqrt((tss - MONTHS * tmean * tmean) / (MONTHS - 1));
    write_file("monthly.csv", text);
    write_file("monthly.ini", "[demand]\nhistory = monthly.csv\nhistory_kind = daily\nhistory_period = month\n"
                              "history_mode = bootstrap\n[inventory]\npolicy = base_stock\norder_up_to = 4000\n"
                              "lead_time_days = 30\n");
    if (load("monthly") != 0) return;
    const struct demand_history *h = sc.cfg.demand.history;
    check(h->nperiods == MONTHS && h->period_first[0] == 0 && h->period_first[1] == 31 && h->period_first[2] == 59 &&
              h->period_first[MONTHS] == h->ndays,
          "structure-6.1 36 months from 2023-01: %zu periods, starting at days 0, %zu, %zu (31, 59), %zu days",
          h->nperiods, h->period_first[1], h->period_first[2], h->ndays);

    /* every played run is a whole month, its days in order */
    enum { DAYS = 3650 };
    static size_t k[DAYS];
    static double x[DAYS];
    play(0, DAYS, 11, x, k);
    bool whole = true;
    double msum = 0, mss = 0; /* the played months' totals */
    size_t months = 0;
    for (size_t j = 0; j < DAYS && whole;) {
        size_t p = 0;
        while (p < h->nperiods && h->period_first[p] != k[j]) p++;
        if (p == h->nperiods) {
            whole = false;
            break;
        }
        size_t len = h->period_first[p + 1] - h->period_first[p];
        for (size_t i = 1; i < len && j + i < DAYS; i++) whole = whole && k[j + i] == k[j] + i;
        if (j + len <= DAYS) {
            double t = 0;
            for (size_t i = 0; i < len; i++) t += x[j + i];
            msum += t, mss += t * t, months++;
        }
        j += len;
    }
    check(whole, "structure-6.2 bootstrap of a monthly history plays whole months from their first day");
    double pmean = msum / (double)months, psd = sqrt((mss - (double)months * pmean * pmean) / (double)(months - 1));
    /* the sd of ~120 draws from the 36 totals is within 15% of theirs (its own sd is about 7%) */
    check(fabs(psd - tsd) < 0.15 * tsd, "structure-6.3 the played months vary as the history's: sd %.0f over %zu, %.0f",
          psd, months, tsd);

    /* 30 days drawn one by one: the sd of their sum is a third of the months' or less
       (1/sqrt(30) of it for even months) */
    {
        struct demand_history one_by_one = *h;
        one_by_one.nperiods = 0, one_by_one.period_first = NULL;
        struct demand_config d = sc.cfg.demand;
        d.history = &one_by_one;
        gsl_rng *r = rng_stream_new(13, 0, 99);
        struct history_play p;
        history_play_start(&p, 0);
        double sum = 0, ss = 0;
        enum { WINDOWS = 2000, LEN = 30 };
        for (int w = 0; w < WINDOWS; w++) {
            double s = 0;
            for (int j = 0; j < LEN; j++) {
                size_t day = history_play_next(&p, &d, r);
                for (size_t i = h->first[day]; i < h->first[day + 1]; i++) s += h->units[i];
            }
            sum += s, ss += s * s;
        }
        gsl_rng_free(r);
        double mean = sum / WINDOWS, sd = sqrt((ss - WINDOWS * mean * mean) / (WINDOWS - 1));
        check(sd < tsd / 3,
              "structure-6.4 days drawn one by one lose the months' variation: 30-day sd %.0f, months %.0f", sd, tsd);
    }

    /* fit draws days one by one: warned; bootstrap keeps the months: not */
    check(history_structure_warnings(sc.history_info, HISTORY_BOOTSTRAP) == 0 &&
              history_structure_warnings(sc.history_info, HISTORY_FIT) == 1 &&
              history_structure_warnings(sc.history_info, HISTORY_WEEKDAY_BOOTSTRAP) == 1,
          "structure-6.5 the months' variation is warned for fit and weekday_bootstrap, not bootstrap");
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/servlab-structure-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    test_flags();
    test_warnings();
    test_theory_note();
    test_block_bootstrap();
    test_weekday_bootstrap();
    test_sums_and_runs();
    test_periods();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) return 1;
    return check_done("test_history_structure");
}
