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

#include <math.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* A date YYYY-MM-DD: 1 and the day number; 0 if text is not shaped like a date; -1
 * if it is shaped like one but is not a real date (problem in err). */
static int parse_date(const char *text, double *day, char *err, size_t errlen)
{
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !(text[i] >= '0' && text[i] <= '9')) return 0;
    long y = strtol(text, NULL, 10);
    unsigned m = (unsigned)strtoul(text + 5, NULL, 10), d = (unsigned)strtoul(text + 8, NULL, 10);
    static const unsigned mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] || (m == 2 && d == 29 && !leap)) {
        snprintf(err, errlen, _("'%s' is not a date (YYYY-MM-DD)"), text);
        return -1;
    }
    *day = (double)days_from_civil(y, m, d);
    return 1;
}

/* ---- reading ---- */

struct row {
    double day; /* as written: a day number, or days since 1970 */
    double units;
    int line;
};

struct reader {
    const char *path;
    char *err;
    size_t errlen;
    char names[2][CSV_FIELD_LEN]; /* the columns' headers, or "day", "quantity" */
};

static int fail_at(struct reader *rd, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int fail_at(struct reader *rd, int line, int col, const char *fmt, ...)
{
    size_t n = col > 0 ? (size_t)snprintf(rd->err, rd->errlen, _("%s:%d:%d: column '%s': "), rd->path, line, col,
                                          rd->names[col - 1])
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
    char *hint = strstr(problem, _(" (write just the number: the unit is in the key's name)"));
    if (hint) *hint = '\0';
    return problem;
}

/* A character typed in full-width mode (reader/fullwidth.h) in a row that is not the
 * header: the first, reported in its column as every problem of a row is. The header
 * (the first row, 2 fields, neither a date nor a number even read as half-width) may
 * hold any text: "数量（件）". A row of another length is checked whole, since a
 * full-width comma may be why. Returns -1 if reported, else 0. */
static int fullwidth_row(struct reader *rd, const struct csv_record *r, bool may_be_header)
{
    char day[CSV_FIELD_LEN], units[CSV_FIELD_LEN], problem[300];
    double x;
    if (may_be_header && r->n == 2) {
        fullwidth_fold(r->field[0], day, sizeof day);
        fullwidth_fold(r->field[1], units, sizeof units);
        if (value_number(units, &x, problem, sizeof problem) != 0 &&
            value_number(day, &x, problem, sizeof problem) != 0 && parse_date(day, &x, problem, sizeof problem) == 0)
            return 0;
    }
    for (size_t i = 0; i < r->n; i++) {
        struct fullwidth hit;
        if (!fullwidth_find(r->field[i], strlen(r->field[i]), &hit)) continue;
        fullwidth_problem(&hit, problem, sizeof problem);
        return fail_at(rd, r->line, i < 2 ? (int)i + 1 : 0, "%s", problem);
    }
    return 0;
}

/* Read every data row of text into rows (grown as needed). Returns the count, or -1. */
static long read_rows(struct reader *rd, const char *text, size_t len, enum history_kind kind, struct row **rows,
                      bool *dated, bool *timed)
{
    struct csv c;
    csv_init(&c, text, len);
    struct csv_record *r = malloc(sizeof *r);
    if (!r) abort();
    snprintf(rd->names[0], sizeof rd->names[0], "day");
    snprintf(rd->names[1], sizeof rd->names[1], "quantity");
    size_t n = 0, cap = 0;
    int blank_line = 0, first_data_line = 0;
    char problem[500];
    long rc = 0;
    bool header_seen = false;
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
            rc = fail_at(rd, blank_line, 0,
                         _("empty row; remove it (a day without demand needs no row, or quantity 0)"));
            break;
        }
        if (fullwidth_row(rd, r, !header_seen && n == 0) != 0) {
            rc = -1;
            break;
        }
        if (r->n != 2) {
            rc = fail_at(rd, r->line, 0,
                         P_("%zu field; a history row has 2: the day (a date YYYY-MM-DD or a day number) and the "
                            "quantity",
                            "%zu fields; a history row has 2: the day (a date YYYY-MM-DD or a day number) and the "
                            "quantity",
                            r->n),
                         r->n);
            break;
        }
        double day, units;
        bool is_date = false;
        /* a first row whose day and quantity are neither dates nor numbers is the header */
        if (!header_seen && n == 0 && value_number(r->field[1], &units, problem, sizeof problem) != 0 &&
            value_number(r->field[0], &day, problem, sizeof problem) != 0 &&
            parse_date(r->field[0], &day, problem, sizeof problem) == 0) {
            header_seen = true;
            for (int k = 0; k < 2; k++) snprintf(rd->names[k], sizeof rd->names[k], "%s", r->field[k]);
            continue;
        }
        header_seen = true;
        int date = parse_date(r->field[0], &day, problem, sizeof problem);
        if (date < 0) {
            rc = fail_at(rd, r->line, 1, "%s", problem);
            break;
        }
        is_date = date == 1;
        if (!is_date && value_number(r->field[0], &day, problem, sizeof problem) != 0) {
            rc = fail_at(rd, r->line, 1, _("%s; write a date as YYYY-MM-DD or a day number"), plain_problem(problem));
            break;
        }
        if (n == 0) {
            *dated = is_date;
            first_data_line = r->line;
        } else if (is_date != *dated) {
            rc = fail_at(rd, r->line, 1,
                         is_date ? _("'%s' is a date, but row %d has a day number; use one or the other throughout")
                                 : _("'%s' is a day number, but row %d has a date; use one or the other throughout"),
                         r->field[0], first_data_line);
            break;
        }
        if (!is_date && (day < -1e7 || day > 1e7)) {
            rc = fail_at(rd, r->line, 1, _("day %s is out of range (-10000000 to 10000000)"), r->field[0]);
            break;
        }
        if (day != floor(day)) {
            if (kind == HISTORY_DAILY) {
                rc = fail_at(rd, r->line, 1,
                             _("day %s is not a whole number; a daily history has one row per day "
                               "(history_kind = orders takes times of day)"),
                             r->field[0]);
                break;
            }
            *timed = true;
        }
        if (value_number(r->field[1], &units, problem, sizeof problem) != 0) {
            rc = fail_at(rd, r->line, 2, "%s", plain_problem(problem));
            break;
        }
        if (units < 0) {
            rc = fail_at(rd, r->line, 2,
                         _("%s is negative; a history holds demand, not returns (net them out or "
                           "drop the row)"),
                         r->field[1]);
            break;
        }
        if (units > 1e9) {
            rc = fail_at(rd, r->line, 2, _("%s is more than 1e9 units"), r->field[1]);
            break;
        }
        if (n > 0) {
            const struct row *prev = &(*rows)[n - 1];
            if (day < prev->day || (kind == HISTORY_DAILY && day == prev->day)) {
                rc = fail_at(rd, r->line, 1,
                             day == prev->day ? _("%s appears again (row %d has it too); a daily "
                                                  "history has one row per day (or use history_kind = orders)")
                                              : _("%s comes before the day of row %d; rows must be in "
                                                  "date order"),
                             r->field[0], prev->line);
                break;
            }
            if (floor(day) - floor((*rows)[0].day) >= HISTORY_MAX_DAYS) {
                rc = fail_at(rd, r->line, 1, _("the history would span more than %d days"), HISTORY_MAX_DAYS);
                break;
            }
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 1024;
            *rows = realloc(*rows, cap * sizeof **rows);
            if (!*rows) abort();
        }
        (*rows)[n++] = (struct row){day, units, r->line};
    }
    free(r);
    if (rc == 0 && n == 0) {
        snprintf(rd->err, rd->errlen, _("%s: no data rows; a history has rows of a day and a quantity"), rd->path);
        rc = -1;
    }
    return rc < 0 ? -1 : (long)n;
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

const struct history_info *history_load(const char *path, enum history_kind kind, bool *located, char *err,
                                        size_t errlen)
{
    *located = false;
    struct stat st = {0};
    bool stated = stat(path, &st) == 0;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; stated && i < nknown; i++) {
        const struct known *k = &known[i];
        if (k->hi->kind == kind && strcmp(k->hi->path, path) == 0 && k->dev == st.st_dev && k->ino == st.st_ino &&
            k->size == st.st_size && k->mtime.tv_sec == st.st_mtim.tv_sec && k->mtime.tv_nsec == st.st_mtim.tv_nsec) {
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
    size_t len = 0;
    char *text = csv_read_file(path, &len, err, errlen);
    if (!text) return NULL;
    *located = true;
    struct reader rd = {.path = path, .err = err, .errlen = errlen};
    struct row *rows = NULL;
    bool dated = false, timed = false;
    long n = read_rows(&rd, text, len, kind, &rows, &dated, &timed);
    free(text);
    struct history_info *hi = calloc(1, sizeof *hi);
    if (!hi) abort();
    if (n < 0 || build(&rd, rows, (size_t)n, timed, hi) != 0) {
        free(rows);
        free(hi);
        return NULL;
    }
    free(rows);
    snprintf(hi->path, sizeof hi->path, "%s", path);
    hi->kind = kind;
    hi->dated = dated;
    if (dated) { /* the first day back as a date, for reports */
        long z = (long)hi->first_day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
        unsigned doe = (unsigned)(z - era * 146097), yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        unsigned d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
        long y = (long)yoe + era * 400 + (m <= 2);
        snprintf(hi->first_date, sizeof hi->first_date, "%04ld-%02u-%02u", y, m, d);
    }
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
    snprintf(m, sizeof m, "%.4g", f->mean), snprintf(mc, sizeof mc, "%.2g", f->mean_ci95);
    snprintf(sd, sizeof sd, "%.4g", f->sd), snprintf(sdc, sizeof sdc, "%.2g", f->sd_ci95);
    if (strcmp(f->family, "exponential") == 0)
        fprintf(out,
                gaps ? _("%s  order gaps: exponential, mean %s ± %s days")
                     : _("%s  order sizes: exponential, mean %s ± %s units"),
                prefix, m, mc);
    else
        fprintf(out,
                gaps ? _("%s  order gaps: %s, mean %s ± %s, sd %s ± %s days")
                     : _("%s  order sizes: %s, mean %s ± %s, sd %s ± %s units"),
                prefix, f->family, m, mc, sd, sdc);
    if (f->integer)
        fprintf(out, _("; KS D = %.3f, p = %.2g (n = %zu, whole numbers: compared with the fit rounded)\n"), f->ks_d,
                f->ks_p, f->n);
    else
        fprintf(out, "; KS D = %.3f, p = %.2g (n = %zu)\n", f->ks_d, f->ks_p, f->n);
}

void history_describe(FILE *out, const struct history_info *hi, enum history_mode mode, const char *prefix)
{
    const struct demand_history *h = &hi->h;
    char total[40], first[60];
    if (hi->dated)
        snprintf(first, sizeof first, _("from %s"), hi->first_date);
    else
        snprintf(first, sizeof first, _("from day %.0f"), hi->first_day);
    num_format(h->total_units, total, sizeof total);
    if (hi->kind == HISTORY_DAILY)
        fprintf(out, _("%sDemand history %s: %zu daily rows, %zu days %s; %s units in %zu orders\n"), prefix, hi->path,
                hi->rows, h->ndays, first, total, h->norders);
    else
        fprintf(out, _("%sDemand history %s: %zu order rows, %zu days %s; %s units in %zu orders\n"), prefix, hi->path,
                hi->rows, h->ndays, first, total, h->norders);
    fprintf(out, _("%s  per day: mean %.4g, sd %.4g units; %zu of %zu days with demand\n"), prefix, hi->mean_per_day,
            hi->sd_per_day, hi->days_with_demand, h->ndays);
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
    if ((size_t)mode < sizeof how / sizeof how[0] && how[mode]) fprintf(out, "%s  %s\n", prefix, _(how[mode]));
    history_describe_structure(out, hi, mode, prefix);
    if (!hi->fitted) {
        fprintf(out, _("%s  no fit: %s\n"), prefix, hi->fit_problem);
        return;
    }
    if (mode == HISTORY_FIT)
        fprintf(out, _("%s  fitted by maximum likelihood (best of exponential, gamma, lognormal by AIC; ± 95%%):\n"),
                prefix);
    else
        fprintf(out,
                _("%s  fitted by maximum likelihood (best of exponential, gamma, lognormal by AIC; ± 95%%), for the "
                  "service levers' theory:\n"),
                prefix);
    describe_fit(out, prefix, true, &hi->gaps);
    describe_fit(out, prefix, false, &hi->units);
}
