/* report.c - formatting of results. Rates are shown as percentages with their
 * half-width in percentage points; rows with no value in any replication are left
 * out (a stage that is not modelled, utilisation of unlimited servers), except
 * on-time rate, which says how to get one. */
#include "report.h"
#include "contract_report.h"
#include "outfile.h"
#include "models/metrics.h"
#include "models/network.h"
#include "models/policy.h"
#include "models/reasons.h"
#include "models/theory.h"
#include "sim/num.h"
#include "sim/rng.h"
#include "reader/fullwidth.h"
#include "reader/history.h"
#include "reader/history_structure.h"
#include "reader/suggest.h"

#include "lang/lang.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The bytes of text's whole UTF-8 characters that fit in `width` columns. */
static size_t fitting(const char *text, size_t width)
{
    size_t cut = 0, columns = 0;
    while (text[cut]) {
        size_t len = 1;
        while (text[cut + len] && ((unsigned char)text[cut + len] & 0xC0) == 0x80) len++;
        char one[8] = "";
        if (len < sizeof one) memcpy(one, text + cut, len);
        size_t w = lang_width(one);
        if (columns + w > width) break;
        columns += w, cut += len;
    }
    return cut;
}

int report_cell(FILE *out, const char *text, int width, bool right_align)
{
    enum { MARK = 3, MARK_FROM = 8 }; /* "..." in fields of 8 columns or more */
    size_t cut = fitting(text, width > 0 ? (size_t)width : 0);
    bool marked = text[cut] && width >= MARK_FROM;
    if (marked) cut = fitting(text, (size_t)width - MARK);
    char shown[512];
    snprintf(shown, sizeof shown, "%.*s%s", (int)(cut < sizeof shown - MARK ? cut : sizeof shown - MARK - 1), text,
             marked ? "..." : "");
    return lang_pad(out, shown, width, right_align);
}

const char *report_percent(double share, int decimals, char *buf, size_t n)
{
    if (!isfinite(share)) return snprintf(buf, n, "n/a"), buf;
    num_fixed(100 * share, decimals, buf, n);                    /* no "-0.00" */
    double shown = strtod(buf, NULL), step = pow(10, -decimals); /* the last digit, in points */
    if (share < 1 && shown >= 100)
        snprintf(buf, n, ">%.*f", decimals, 100 - step);
    else if (share > 0 && shown <= 0)
        snprintf(buf, n, "<%.*f", decimals, step);
    return buf;
}

const char *report_percent_or(double share, int decimals, const char *none, char *buf, size_t n)
{
    char v[40];
    if (!isfinite(share)) return snprintf(buf, n, "%s", none), buf;
    snprintf(buf, n, "%s%%", report_percent(share, decimals, v, sizeof v));
    return buf;
}

const char *report_field(double x, char *buf, size_t n)
{
    if (isnan(x) || isinf(x))
        buf[0] = '\0';
    else
        snprintf(buf, n, "%.10g", x == 0 ? 0.0 : x); /* no "-0" */
    return buf;
}

/* How a kind of metric is shown: scale, decimals, unit. Small per-day figures get more
 * decimals; a half-width is always shown with its mean's decimals. */
static void style_of(enum metric_kind kind, double mean, double *scale, int *decimals, const char **unit)
{
    *scale = 1, *decimals = 2, *unit = "";
    switch (kind) {
    case KIND_RATE:
    case KIND_SHARE: *scale = 100, *decimals = 2, *unit = "%"; return;
    case KIND_DAYS: *decimals = 3, *unit = N_("days"); return;
    case KIND_UNITS: *decimals = 1, *unit = N_("units"); return;
    case KIND_PER_DAY: /* small rates need more decimals; none at all is 0.00, as the rows around it */
        *decimals = fabs(mean) < 1 && mean != 0 ? 4 : 2, *unit = N_("/day");
        return;
    case KIND_MONEY_PER_DAY: *decimals = 2, *unit = ""; return;
    case KIND_COUNT_LEVEL: *decimals = 1, *unit = ""; return;
    case KIND_MONEY: *decimals = 2, *unit = ""; return;
    case KIND_RATIO: *decimals = 2, *unit = ""; return;
    }
}

/* Rows that say nothing are left out: no value at all, a stage-breakdown row that is
 * 0 in every replication, and figures that are 0 by construction (lost sales when
 * customers wait, backorders when sales are lost). */
static bool worth_showing(int m, const struct summary *s, const struct scenario *sc)
{
    if (m == M_ON_TIME_RATE) return true;
    if (s->n == 0) return false;
    bool lost_sales = sc->cfg.inventory.shortage == SHORTAGE_LOST_SALE;
    bool holds_stock = sc->cfg.inventory.policy->holds_stock;
    if (m == M_LOST_SALES_RATE && (!lost_sales || !holds_stock)) return false;
    if ((m == M_MEAN_BACKORDERS || m == M_CYCLE_STOCK_WAIT) && (lost_sales || !holds_stock)) return false;
    const struct cost_config *k = &sc->cfg.costs;
    if (m == M_COST_STAFF && k->processing_per_server_day == 0 && k->picking_per_server_day == 0) return false;
    bool breakdown = m >= M_CYCLE_TRANSMISSION && m <= M_CYCLE_DELIVERY;
    return !(breakdown && s->mean == 0 && (s->n < 2 || s->sd == 0));
}

bool report_figure(const struct metric_def *d, const struct summary *s, char value[40], char ci[40], const char **unit)
{
    value[0] = ci[0] = '\0', *unit = "";
    if (s->n == 0) return false;
    double scale;
    int decimals;
    style_of(d->kind, s->mean, &scale, &decimals, unit);
    if (scale == 100) /* a share: never 100.00 % when below 1 */
        report_percent(s->mean, decimals, value, 40);
    else
        num_fixed(scale * s->mean, decimals, value, 40);
    if (!isnan(s->ci95)) num_fixed(scale * s->ci95, decimals, ci, 40);
    if (**unit && **unit != '%') *unit = _(*unit);
    return true;
}

/* One row of the report: `label` (already in the reader's language) padded to 38 columns.
 * A longer label may take the blanks in front of a short figure; one longer still (a
 * location's metric names its location) gets a line of its own, so that the figures
 * always end in the same column. */
/* why: what to say beside "n/a" (NULL: the table's own words, for on_time_rate only) */
static void print_def_row(FILE *out, const char *label, const struct metric_def *d, const char *name,
                          const struct summary *s, int m, const char *why)
{
    enum { LABEL_COLUMNS = 38, FIGURE_COLUMNS = 9 };
    char value[40], ci[40];
    const char *unit;
    bool known = report_figure(d, s, value, ci, &unit);
    int figure = (int)lang_width(known ? value : _("n/a"));
    int over = (int)lang_width(label) - LABEL_COLUMNS;
    fputs("  ", out);
    if (over > FIGURE_COLUMNS - figure) { /* no room even in front of the figure */
        fprintf(out, "%s\n  ", label);
        label = "", over = 0;
    }
    lang_pad(out, label, LABEL_COLUMNS, false);
    int width = FIGURE_COLUMNS - (over > 0 ? over : 0);
    if (!known) {
        const char *said = m == M_ON_TIME_RATE ? _("(no promise: set [order_cycle] promise_days)") : why ? why : "";
        fputc(' ', out);
        lang_pad(out, _("n/a"), width, true);
        /* the reason on a line of its own when it would carry the row past a terminal's 100 */
        bool fits = 2 + LABEL_COLUMNS + 1 + width + 3 + (int)lang_width(said) <= LANG_LINE_MAX;
        if (fits)
            fprintf(out, "   %s\n", said);
        else /* and wrapped there when it is wider still (a long location's name) */
            lang_printf_wrapped(out, LANG_LINE_MAX, "\n    %s\n", said);
        return;
    }
    /* a percent sign follows its figure, a word after a blank (docs/conventions.md): the
       unit's column of 6 holds "%" and five blanks, or a blank and "days" */
    bool percent = strcmp(unit, "%") == 0;
    fprintf(out, " %*s%s", width, value, percent ? "%" : " ");
    lang_pad(out, percent ? "" : unit, 5, false);
    /* the name on a line of its own when it would carry the row past a terminal's 100 */
    int before_name = 2 + LABEL_COLUMNS + 1 + width + 1 + 5 + 3 + (int)lang_width(ci) + 2;
    bool name_fits = before_name + (int)strlen(name) <= LANG_LINE_MAX;
    if (name_fits)
        fprintf(out, " %s %-7s  %s\n", *ci ? "±" : " ", ci, name);
    else
        fprintf(out, " %s %s\n    %s\n", *ci ? "±" : " ", ci, name);
}

static void print_row(FILE *out, int m, const struct summary *s)
{
    print_def_row(out, _(metric_defs[m].label), &metric_defs[m], metric_defs[m].name, s, m, NULL);
}

/* A group table's column head, in the reader's language: whole on one line (upper 0), or
 * parted where lang_head_break parts it, its upper line the first `upper` bytes, its
 * lower line from byte `lower` on. */
struct group_head {
    const char *text;
    size_t upper, lower;
};

/* Into buf: the head's upper line ("" for a head of one line), or its lower one (all of
 * a head of one line). */
static const char *head_line(const struct group_head *h, bool upper, char *buf, size_t n)
{
    if (!h->upper) return upper ? "" : h->text;
    if (!upper) return h->text + h->lower;
    snprintf(buf, n, "%.*s", (int)h->upper, h->text);
    return buf;
}

/* The width of a group table's column under head: 11 columns, or as wide as the head
 * (by display width: "out of stock", 周期服务水平). */
static int head_width(const struct group_head *head)
{
    int w = lang_head_columns(head->text, head->upper, head->lower);
    return w > 11 ? w : 11;
}

/* The width of a column of values only: 8 for a percentage ("100.00%") and 9 for another
 * number ("12345.67"), each with a space before it. */
static int values_width(const struct metric_def *d)
{
    return d->kind == KIND_RATE || d->kind == KIND_SHARE ? 8 : 9;
}

/* The width of a column of the product and location tables (product, location, region,
 * storage, echelon): as wide as its head with `pad` spaces before it, or as its values
 * (values_width); block_table widens it to a wider value. Narrower than head_width's 11,
 * so that the product and location tables' eight columns fit a terminal of 100 columns
 * (block_table). */
static int value_width(const struct group_head *head, const struct metric_def *d, int pad)
{
    int w = lang_head_columns(head->text, head->upper, head->lower) + pad, v = values_width(d);
    return w > v ? w : v;
}

/* The widest line a group table of value_width's columns may print: a terminal's 100. */
#define GROUP_LINE_MAX LANG_LINE_MAX

/* The most columns a group table has after its names. */
#define GROUP_COLUMNS_MAX 8

/* How wide block_table makes its columns: each as wide as its head and at least 11
 * (head_width), or as its values (value_width) with its heads whole, or with a head wider
 * than its values parted on two lines (lang_head_break: "fill" above "rate", 周期 above
 * 服务水平), for the tables of eight columns. */
enum group_widths { WIDTH_HEADS, WIDTH_VALUES, WIDTH_VALUES_PARTED };

/* The heads of a group table, each right-aligned in its column (widths[k]) after a name
 * column of 14; above them a line with the upper lines of the heads parted in two, when
 * there are any. */
static void table_heads(FILE *out, const char *what, const struct group_head *heads, const int *widths, size_t n)
{
    char upper[128];
    bool two = false;
    for (size_t k = 0; k < n; k++) two = two || heads[k].upper;
    fputc('\n', out);
    if (two) {
        int blanks = 2 + 14; /* before the next upper line, so that it ends where its column does */
        for (size_t k = 0; k < n; k++) {
            const char *h = head_line(&heads[k], true, upper, sizeof upper);
            blanks += 1 + widths[k] - (int)lang_width(h);
            if (!*h) continue;
            fprintf(out, "%*s%s", blanks, "", h);
            blanks = 0;
        }
        fputc('\n', out);
    }
    fputs("  ", out);
    lang_pad(out, what, 14, false);
    for (size_t k = 0; k < n; k++) {
        fputc(' ', out);
        lang_pad(out, head_line(&heads[k], false, upper, sizeof upper), widths[k], true);
    }
    fputc('\n', out);
}

/* A mean for a group table, into buf: a percentage, a number, or "-" when there is
 * none; its length. */
static int cell_text(const struct metric_def *d, const struct summary *s, char *buf, size_t n)
{
    if (s->n == 0 || isnan(s->mean)) return snprintf(buf, n, "-");
    double scale;
    int decimals;
    const char *unit;
    style_of(d->kind, s->mean, &scale, &decimals, &unit);
    return snprintf(buf, n, "%.*f%s", decimals, scale * s->mean, *unit == '%' ? "%" : "");
}

/* A mean for a group table (cell_text), right-aligned in width. */
static void cell(FILE *out, const struct metric_def *d, const struct summary *s, int width)
{
    char text[64];
    cell_text(d, s, text, sizeof text);
    fprintf(out, "%*s", width, text);
}

/* A table with one row per named section (product, tier, location, region): `n` names,
 * each with a block of metrics starting at base(c, i); columns cols[0..ncols) of that block
 * (ncols <= GROUP_COLUMNS_MAX) under heads[0..ncols) (msgids), as wide as `how` says: with
 * value_width, a space more before each head (two between heads), unless the line would
 * then be wider than GROUP_LINE_MAX (the location table's eight columns, in Chinese). */
static void block_table(FILE *out, const struct model_config *c, const struct summary *s, const char *what,
                        const char *const *names, size_t n, size_t (*base)(const struct model_config *, size_t),
                        const struct metric_def *defs, const int *cols, const char *const *msgids, size_t ncols,
                        enum group_widths how)
{
    int widths[GROUP_COLUMNS_MAX];
    if (ncols > GROUP_COLUMNS_MAX) abort();
    int widest[GROUP_COLUMNS_MAX] = {0}; /* each column's widest value, with a space before it */
    for (size_t i = 0; how != WIDTH_HEADS && i < n; i++)
        for (size_t k = 0; names[i] && k < ncols; k++) {
            char text[64];
            int w = 1 + cell_text(&defs[cols[k]], &s[base(c, i) + (size_t)cols[k]], text, sizeof text);
            if (w > widest[k]) widest[k] = w;
        }
    struct group_head heads[GROUP_COLUMNS_MAX];
    for (size_t k = 0; k < ncols; k++) {
        heads[k] = (struct group_head){_(msgids[k]), 0, 0};
        int v = values_width(&defs[cols[k]]);
        if (how == WIDTH_VALUES_PARTED)
            heads[k].upper = lang_head_break(heads[k].text, widest[k] > v ? widest[k] : v, &heads[k].lower);
    }
    for (int pad = 1, line = GROUP_LINE_MAX + 1; pad >= 0 && line > GROUP_LINE_MAX; pad--) {
        line = 2 + 14;
        for (size_t k = 0; k < ncols; k++) {
            widths[k] = how != WIDTH_HEADS ? value_width(&heads[k], &defs[cols[k]], pad) : head_width(&heads[k]);
            if (widths[k] < widest[k]) widths[k] = widest[k]; /* a value wider than the usual */
            line += 1 + widths[k];
        }
    }
    table_heads(out, what, heads, widths, ncols);
    for (size_t i = 0; i < n; i++) {
        if (!names[i]) continue; /* a row the caller leaves out */
        fputs("  ", out);
        report_cell(out, names[i], 14, false);
        size_t b = base(c, i);
        for (size_t k = 0; k < ncols; k++) {
            fputc(' ', out);
            cell(out, &defs[cols[k]], &s[b + (size_t)cols[k]], widths[k]);
        }
        fputc('\n', out);
    }
}

/* Where the catalogue's row r (lowest, mean, highest) starts in report_products' spread. */
static size_t spread_base(const struct model_config *c, size_t r)
{
    (void)c;
    return r * PRODUCT_METRIC_COUNT;
}

/* One line per named product: what each item's customers got; for a catalogue of more
 * than 12, the lowest, mean and highest over its products instead. */
static void report_products(FILE *out, const struct model_config *c, const struct summary *s)
{
    static const int cols[] = {PM_UNITS_PER_DAY,   PM_FILL_RATE,         PM_CYCLE_SERVICE_LEVEL, PM_TIME_OUT_OF_STOCK,
                               PM_LOST_SALES_RATE, PM_SUBSTITUTION_RATE, PM_MEAN_ON_HAND,        PM_REVENUE};
    static const char *const heads[] = {N_("units/day"), N_("fill rate"),   N_("CSL"),     N_("out of stock"),
                                        N_("lost"),      N_("substituted"), N_("on hand"), N_("revenue/day")};
    if (c->nproducts > 12) { /* a catalogue: the spread over items, not every item */
        static const char *const rows[] = {N_("lowest"), N_("mean"), N_("highest")};
        const char *names[3];
        struct summary spread[3 * PRODUCT_METRIC_COUNT] = {0};
        for (size_t r = 0; r < 3; r++) {
            names[r] = _(rows[r]);
            for (size_t k = 0; k < 8; k++) {
                double v = r == 1 ? 0 : r == 0 ? INFINITY : -INFINITY;
                for (size_t p = 0; p < c->nproducts; p++) {
                    double x = s[metric_product_base(c, p) + (size_t)cols[k]].mean;
                    v = r == 1 ? v + x / (double)c->nproducts : r == 0 ? fmin(v, x) : fmax(v, x);
                }
                spread[spread_base(c, r) + (size_t)cols[k]] = (struct summary){.mean = v, .n = 1};
            }
        }
        block_table(out, c, spread, _("product"), names, 3, spread_base, product_metric_defs, cols, heads, 8,
                    WIDTH_VALUES_PARTED);
        fprintf(out, _("  (over %zu products; every product's figures are in --format csv)\n"), c->nproducts);
        return;
    }
    const char *names[MAX_PRODUCTS];
    for (size_t p = 0; p < c->nproducts; p++) names[p] = c->products[p].name;
    block_table(out, c, s, _("product"), names, c->nproducts, metric_product_base, product_metric_defs, cols, heads, 8,
                WIDTH_VALUES_PARTED);
    /* one replication: no mean and no interval, as table_header says */
    fputs(c->run.replications == 1 ? _("  (per product; one replication)\n")
                                   : _("  (means per product; their confidence intervals are in --format csv)\n"),
          out);
}

/* One line per named tier: the service each class of customer got. */
static void report_tiers(FILE *out, const struct model_config *c, const struct summary *s)
{
    static const int cols[] = {TM_ORDERS_PER_DAY,     TM_FILL_RATE,        TM_ORDER_FILL_RATE, TM_ON_TIME_RATE,
                               TM_PERFECT_ORDER_RATE, TM_ORDER_CYCLE_MEAN, TM_REVENUE,         TM_CUSTOMERS_MEAN};
    static const char *const heads[] = {N_("orders/day"), N_("fill rate"),  N_("complete"),    N_("on time"),
                                        N_("perfect"),    N_("cycle days"), N_("revenue/day"), N_("customers")};
    const char *names[MAX_TIERS];
    for (size_t t = 0; t < c->ntiers; t++) names[t] = c->tiers[t].name;
    block_table(out, c, s, _("tier"), names, c->ntiers, metric_tier_base, tier_metric_defs, cols, heads,
                c->customers.on ? 8 : 7, WIDTH_HEADS);
    fputs(c->run.replications == 1 ? _("  (per tier; one replication)\n")
                                   : _("  (means per tier; their confidence intervals are in --format csv)\n"),
          out);
}

/* With a storage capacity somewhere: what each location refused and kept above it. */
static void report_storage(FILE *out, const struct model_config *c, const struct summary *s)
{
    if (!(metric_features(c) & FEATURE_STORAGE)) return;
    static const int cols[] = {LM_UNITS_REFUSED_PER_DAY, LM_OVERFLOW_UNITS_MEAN};
    static const char *const heads[] = {N_("refused/day"), N_("overflow")};
    const char *names[MAX_LOCATIONS];
    for (size_t l = 0; l < c->nlocations; l++) names[l] = c->locations[l].name;
    block_table(out, c, s, _("storage"), names, c->nlocations, metric_location_base, location_metric_defs, cols, heads,
                2, WIDTH_VALUES);
    fputs(_("  (refused/day: replenishment units sent back for want of room; overflow: the units on hand\n"
            "  above its storage_capacity, on average)\n"),
          out);
}

/* One line per location (its own stock) and one per region (what its customers got). */
static void report_locations(FILE *out, const struct model_config *c, const struct summary *s)
{
    static const int lcols[] = {LM_ORDERS_PER_DAY, LM_FILL_RATE,          LM_CYCLE_SERVICE_LEVEL, LM_TIME_OUT_OF_STOCK,
                                LM_MEAN_ON_HAND,   LM_UNITS_SENT_PER_DAY, LM_OPEN_SHARE,          LM_COST};
    static const char *const lheads[] = {N_("orders/day"), N_("own fill"), N_("CSL"),  N_("out of stock"),
                                         N_("on hand"),    N_("sent/day"), N_("open"), N_("cost/day")};
    static const int rcols[] = {RM_ORDERS_PER_DAY, RM_FILL_RATE, RM_FROM_HOME_RATE, RM_ON_TIME_RATE,
                                RM_ORDER_CYCLE_MEAN};
    static const char *const rheads[] = {N_("orders/day"), N_("fill rate"), N_("from home"), N_("on time"),
                                         N_("cycle days")};
    const char *names[MAX_REGIONS > MAX_LOCATIONS ? MAX_REGIONS : MAX_LOCATIONS];
    for (size_t l = 0; l < c->nlocations; l++) names[l] = c->locations[l].name;
    block_table(out, c, s, _("location"), names, c->nlocations, metric_location_base, location_metric_defs, lcols,
                lheads, 8, WIDTH_VALUES_PARTED);
    for (size_t r = 0; r < c->nregions; r++) names[r] = c->regions[r].name;
    block_table(out, c, s, _("region"), names, c->nregions, metric_region_base, region_metric_defs, rcols, rheads, 5,
                WIDTH_VALUES);
    fputs(c->run.replications == 1
              ? _("  (per location and region; one replication)\n")
              : _("  (means per location and region; their confidence intervals are in --format csv)\n"),
          out);
    report_storage(out, c, s);
    if (!(metric_features(c) & FEATURE_ECHELONS)) return;
    /* echelons: each location as a supplier of the others, and its bullwhip ratio */
    static const int ecols[] = {LM_DOWNSTREAM_FILL_RATE,
                                LM_DOWNSTREAM_LEAD_TIME_MEAN,
                                LM_DOWNSTREAM_LEAD_TIME_P95,
                                LM_DOWNSTREAM_BACKORDERS_MEAN,
                                LM_REPLENISHMENTS_PER_DAY,
                                LM_REORDER_UNDERSHOOT,
                                LM_BULLWHIP_RATIO};
    static const char *const eheads[] = {N_("fill given"), N_("lead days"), N_("lead p95"), N_("owed"),
                                         N_("placed/day"), N_("below s"),   N_("bullwhip")};
    for (size_t l = 0; l < c->nlocations; l++) names[l] = c->locations[l].name;
    block_table(out, c, s, _("echelon"), names, c->nlocations, metric_location_base, location_metric_defs, ecols,
                eheads, 7, WIDTH_VALUES);
    fputs(_("  (fill given: the share of the units its downstream locations ordered that it shipped at once;\n"
            "  lead days: their realised replenishment lead time, mean and 95th percentile; owed: the units\n"
            "  it owes them, on average; placed/day: the replenishment orders it places per day; below s:\n"
            "  how far below its reorder point its stock position was when it ordered, on average;\n"
            "  bullwhip: the variance of the units it orders per day over the variance of the units\n"
            "  demanded of it per day)\n"),
          out);
}

/* One row of the theory block: target (or blank), formula, simulated with CI. */
static void theory_row(FILE *out, const char *label, double target, double formula, const struct summary *sim)
{
    char t[20] = "", f[20], m[80], v[20];
    if (!isnan(target)) snprintf(t, sizeof t, "%.2f%%", 100 * target);
    if (isfinite(formula))
        snprintf(f, sizeof f, "%10s%%", report_percent(formula, 2, v, sizeof v));
    else
        snprintf(f, sizeof f, "%*s%s", 11 - (int)lang_width(_("n/a")), "", _("n/a"));
    if (isfinite(sim->mean) && isnan(sim->ci95)) /* one replication: no interval, as in the tables above */
        snprintf(m, sizeof m, "%10s%%", report_percent(sim->mean, 2, v, sizeof v));
    else if (isfinite(sim->mean))
        snprintf(m, sizeof m, "%10s%% ± %.2f", report_percent(sim->mean, 2, v, sizeof v), 100 * sim->ci95);
    else
        snprintf(m, sizeof m, "%*s%s %s", 11 - (int)lang_width(_("n/a")), "", _("n/a"), _("(nothing to count)"));
    fputs("  ", out);
    lang_pad(out, label, 26, false);
    fprintf(out, " %9s %s %s\n", t, f, m);
}

/* One stock point of the theory table: a named product or a location. */
struct theory_stock {
    const char *name;
    const struct inventory_config *inv;
    double share;     /* of the orders, for the demand it sees */
    size_t csl, fill; /* indexes of its simulated CSL and fill rate */
    bool echelon;     /* its level is an echelon level (stock_basis = echelon): no formula row */
};

/* The formula's CSL and fill rate next to the simulated ones, per stock point (or over
 * all of them, when there are many). */
static void theory_stock_table(FILE *out, const struct scenario *sc, const struct summary *s, const char *kind,
                               const struct theory_stock *st, size_t n)
{
    const struct model_config *c = &sc->cfg;
    fprintf(out, _("\nTheory next to simulation (normal approximation of each %s's demand over its lead time)\n"),
            kind);
    static const char *const heads[] = {N_("CSL formula"), N_("simulated"), N_("fill formula"), N_("simulated")};
    fputs("  ", out);
    lang_pad(out, kind, 14, false);
    fputc(' ', out);
    lang_pad(out, _("level"), 9, true);
    int w[4]; /* 11 columns; a heading wider than that (周期服务水平公式) and two clear of the last */
    for (size_t k = 0; k < 4; k++) {
        w[k] = (int)lang_width(_(heads[k])) > 11 ? (int)lang_width(_(heads[k])) + 2 : 11;
        fputc(' ', out);
        lang_pad(out, _(heads[k]), w[k], true);
    }
    fputc('\n', out);
    size_t rows = n > 12 ? 1 : n;
    for (size_t r = 0; r < rows; r++) {
        double level = 0, fcsl = 0, scsl = 0, ffill = 0, sfill = 0;
        size_t from = n > 12 ? 0 : r, to = n > 12 ? n : r + 1;
        size_t counted = 0;
        for (size_t p = from; p < to; p++) {
            const struct inventory_config *inv = st[p].inv;
            if (!inv->policy->holds_stock || st[p].echelon) continue;
            struct protection pr = theory_protection_for(c, inv, st[p].share);
            double lv = inv->policy->uses_reorder_point ? inv->reorder_point : inv->order_up_to;
            struct prediction f = theory_predict(&pr, lv);
            level += lv, fcsl += f.cycle_service_level, ffill += f.fill_rate;
            scsl += s[st[p].csl].mean, sfill += s[st[p].fill].mean;
            counted++;
        }
        if (!counted) continue;
        double k = (double)counted;
        fputs("  ", out);
        report_cell(out, n > 12 ? _("(mean)") : st[r].name, 14, false);
        fprintf(out, " %9.1f %*.2f%% %*.2f%% %*.2f%% %*.2f%%\n", level / k, w[0] - 1, 100 * fcsl / k, w[1] - 1,
                100 * scsl / k, w[2] - 1, 100 * ffill / k, w[3] - 1, 100 * sfill / k);
    }
    bool lost = false;
    for (size_t p = 0; p < n; p++) lost |= st[p].inv->shortage != SHORTAGE_BACKORDER;
    if (lost) fputs(_("  (the formulas assume backorders; with lost sales or reactions they are rough)\n"), out);
}

static void report_theory_products(FILE *out, const struct scenario *sc, const struct summary *s)
{
    const struct model_config *c = &sc->cfg;
    struct theory_stock st[MAX_PRODUCTS];
    for (size_t p = 0; p < c->nproducts; p++) {
        size_t base = metric_product_base(c, p);
        st[p] =
            (struct theory_stock){c->products[p].name,           &c->products[p].inventory, theory_order_share(c, p),
                                  base + PM_CYCLE_SERVICE_LEVEL, base + PM_FILL_RATE,       false};
    }
    theory_stock_table(out, sc, s, _("product"), st, c->nproducts);
}

/* Each location's formula sees the demand of the regions it serves at the start. */
static void report_theory_locations(FILE *out, const struct scenario *sc, const struct summary *s)
{
    const struct model_config *c = &sc->cfg;
    if (c->network.nchanges > 1) {
        fputs(_("\nTheory next to simulation: not shown, because locations open and close during the run and\n"
                "each serves a changing share of the demand; the formulas assume one fixed share.\n"),
              out);
        return;
    }
    struct theory_stock st[MAX_LOCATIONS];
    for (size_t l = 0; l < c->nlocations; l++) {
        size_t base = metric_location_base(c, l);
        /* a location that serves no region sees only its downstream locations' orders */
        bool home = false;
        for (size_t r = 0; r < c->nregions; r++) home |= c->regions[r].home == (int)l;
        size_t fill = !home && location_supplies(c, l) ? LM_DOWNSTREAM_FILL_RATE : LM_FILL_RATE;
        st[l] = (struct theory_stock){c->locations[l].name,
                                      &c->locations[l].inventory,
                                      sc->locations[l].order_share,
                                      base + LM_CYCLE_SERVICE_LEVEL,
                                      base + fill,
                                      c->locations[l].echelon_basis};
    }
    theory_stock_table(out, sc, s, _("location"), st, c->nlocations);
    if (c->network.when_short != WHEN_SHORT_WAIT)
        fputs(_("  (a location's simulated fill rate counts only its own stock; the formulas ignore the help\n"
                "  other locations give when it is short)\n"),
              out);
    if (metric_features(c) & FEATURE_ECHELONS)
        fputs(_("  (the formulas take each location's own lead_time_days; a location replenished from another\n"
                "  waits longer when that one is short: its realised lead time is in the echelon table. A\n"
                "  location that serves no region is compared on the fill rate it gives its downstream orders)\n"),
              out);
    for (size_t l = 0; l < c->nlocations; l++)
        if (c->locations[l].echelon_basis)
            fprintf(out,
                    _("  (%s keeps echelon stock: its level counts the stock below it too, which these formulas do\n"
                      "  not cover, so it has no row)\n"),
                    c->locations[l].name);
}

/* ---- why formula and simulation differ: one message per reason of models/reasons.h ---- */

/* "raises service", "lowers the fill rate", "raises the cycle service level and lowers
 * the fill rate": what a reason does to the two measures. */
static const char *effect_words(const struct reason *r, char *buf, size_t n)
{
    static const char *const verb[] = {[REASON_NONE] = "",
                                       [REASON_LOWERS] = N_("lowers"),
                                       [REASON_RAISES] = N_("raises"),
                                       [REASON_EITHER] = N_("can move")};
    enum reason_direction c = r->direction[REASON_CSL], f = r->direction[REASON_FILL];
    if (c == f)
        snprintf(buf, n, _("%s service"), c == REASON_NONE ? "" : _(verb[c]));
    else if (c == REASON_NONE || f == REASON_NONE)
        snprintf(buf, n, _("%s the %s"), _(verb[c == REASON_NONE ? f : c]),
                 c == REASON_NONE ? _("fill rate") : _("cycle service level"));
    else
        snprintf(buf, n, _("%s the cycle service level and %s the fill rate"), _(verb[c]), _(verb[f]));
    return buf;
}

static void say_undershoot(FILE *out, const struct reason *r)
{
    fprintf(out,
            _("  - orders were placed %.1f units below s on average (undershoot: demand comes in orders\n"
              "    of several units%s). The formula assumes ordering exactly at s; in effect the\n"
              "    reorder point is lower, which lowers service.\n"),
            r->figure[0], r->figure[1] != 0 ? _(" and is only seen at reviews") : "");
}

/* The count ngettext takes for a number as shown: the number where it is whole ("1 day"),
 * else 2, for the plural ("0.5 days", "1.5 days"). */
static unsigned long shown_count(const char *shown)
{
    double x = strtod(shown, NULL);
    return x == floor(x) && x >= 0 && x < 1e9 ? (unsigned long)x : 2;
}

static void say_even_gaps(FILE *out, const struct reason *r)
{
    char e[80], every[40], days[40], covered[40], gap[80], lead[80], orders[80];
    /* %g's digits without its exponent: 0.00001 days, 1000000 orders (not 1e-05, 1e+06) */
    num_about(r->figure[0], 6, every, sizeof every), num_about(r->figure[1], 6, days, sizeof days);
    num_about(r->figure[2], 6, covered, sizeof covered);
    /* a singular for a count of 1: "every 1 day", "cover 1 order" */
    snprintf(gap, sizeof gap, P_("every %s day", "every %s days", shown_count(every)), every);
    snprintf(lead, sizeof lead, P_("%s day", "%s days", shown_count(days)), days);
    snprintf(orders, sizeof orders, P_("%s order", "%s orders", shown_count(covered)), covered);
    /* TRANSLATORS: the gap ("every 1 day"), the lead time ("2.9 days") twice, the orders
       covered ("2 orders"), the formula's orders, then what it does to service */
    fprintf(out,
            _("  - orders come %s and replenishment takes %s: one ordered right after an\n"
              "    order arrives in time for all but the orders within the next %s, so stock\n"
              "    must cover %s, where the formula assumes %.2f. This %s.\n"),
            gap, lead, lead, orders, r->figure[3], effect_words(r, e, sizeof e));
}

static void say_lumpy(FILE *out, const struct reason *r)
{
    fprintf(out,
            _("  - only %.1f orders arrive over %.1f days: demand is lumpier than the normal curve the\n"
              "    formula uses. This can move service either way.\n"),
            r->figure[0], r->figure[1]);
}

static void say_lead_time_shape(FILE *out, const struct reason *r)
{
    fprintf(out,
            _("  - the lead time varies (sd %.3g days) and makes %.0f%% of the variance of demand over it:\n"
              "    that demand takes the lead time's shape (skewed, for a gamma), not the normal curve the\n"
              "    formula uses. This can move service either way.\n"),
            r->figure[0], 100 * r->figure[1]);
}

/* The scenario's units (reserve_units, max_order_units, a shelf's capacity) as the file
 * gives them: 12000, not %.4g's 1.2e+04. */
static void say_reserve(FILE *out, const struct reason *r)
{
    char units[40];
    fprintf(out,
            _("  - %s units are held back for the top tier: for the other orders the shelf is empty that\n"
              "    much sooner, so stockouts come earlier than the formula expects.\n"),
            num_about(r->figure[0], 10, units, sizeof units));
}

static void say_capacity(FILE *out, const struct reason *r)
{
    char units[40];
    if (r->figure[0] > 0)
        fprintf(out,
                _("  - no order is larger than %s units (max_order_units): when the policy asks for more, the\n"
                  "    position stays short of its level until the next order, which the formula ignores.\n"),
                num_about(r->figure[0], 10, units, sizeof units));
    if (r->figure[1] > 0)
        fprintf(out,
                _("  - the shelf holds %s units and refuses what does not fit: the position loses what is\n"
                  "    refused, so the stock is lower than the formula expects.\n"),
                num_about(r->figure[1], 10, units, sizeof units));
}

static void say_customer_base(FILE *out, const struct reason *r)
{
    char e[80];
    if (r->figure[2] != 0)
        fprintf(out,
                _("  - demand comes from the customer base: the formula uses the rate of the %.0f customers\n"
                  "    at the start, but the base averaged %.0f over the run, so demand was %s than it\n"
                  "    assumes. This %s.\n"),
                r->figure[0], r->figure[1], r->figure[1] > r->figure[0] ? _("higher") : _("lower"),
                effect_words(r, e, sizeof e));
    else
        fprintf(out,
                _("  - demand comes from a customer base whose size wanders as customers come and go (it\n"
                  "    averaged %.0f): demand varies more than the formula, which takes a fixed rate, assumes.\n"
                  "    This %s.\n"),
                r->figure[1], effect_words(r, e, sizeof e));
}

static void say_lost_sales(FILE *out, const struct reason *r)
{
    (void)r;
    fputs(_("  - with lost sales the position never goes below 0: a delivery refills the shelf instead of\n"
            "    first serving orders that wait, as the formulas assume (backorders). This raises service.\n"),
          out);
}

static void say_history_fit(FILE *out, const struct reason *r)
{
    char e[80];
    fprintf(out,
            _("  - the formula takes demand from the distributions fitted to the history: over %.1f days\n"
              "    they give mean %.1f, sd %.1f units. The run plays the recorded days, which give mean\n"
              "    %.1f, sd %.1f units (taking the days as independent). This %s.\n"),
            r->figure[0], r->figure[1], r->figure[2], r->figure[3], r->figure[4], effect_words(r, e, sizeof e));
}

static void say_history_pattern(FILE *out, const struct reason *r)
{
    char e[80];
    if (r->figure[3])
        fprintf(out,
                r->figure[3] == 1
                    ? _("  - the history's rows are weekly or monthly totals, each spread evenly over its days, and\n"
                        "    bootstrap draws whole periods, so a period's days come together: over %.1f days in a\n"
                        "    row their demand has sd %.1f units, where independent days, as the formula assumes,\n"
                        "    would give %.1f. This %s.\n")
                    : _("  - the history's rows are weekly or monthly totals, each spread evenly over its days, and\n"
                        "    block_bootstrap plays runs of them in order: over %.1f days in a row their demand has\n"
                        "    sd %.1f units, where independent days, as the formula assumes, would give %.1f.\n"
                        "    This %s.\n"),
                r->figure[0], r->figure[1], r->figure[2], effect_words(r, e, sizeof e));
    else
        fprintf(out,
                _("  - the recorded days are not independent (a weekday pattern, or busy days that follow busy\n"
                  "    days), and a replay keeps their order: over %.1f days in a row their demand has sd %.1f\n"
                  "    units, where independent days, as the formula assumes, would give %.1f. This %s.\n"),
                r->figure[0], r->figure[1], r->figure[2], effect_words(r, e, sizeof e));
}

static void say_returns(FILE *out, const struct reason *r)
{
    char e[80];
    fprintf(out,
            _("  - customers send goods back, and %.1f%% of the units delivered return to the shelf: stock\n"
              "    the formula, which counts only what replenishment brings, does not see. This %s.\n"),
            100 * r->figure[0], effect_words(r, e, sizeof e));
}

static void say_supplier(FILE *out, const struct reason *r)
{
    fprintf(out,
            _("  - an order spends %.2f days at the supplier before its lead time starts (waiting its turn,\n"
              "    or while the supplier is stopped: it was up %.1f%% of the time), and %.1f%% of the units\n"
              "    ordered arrive. The formula takes lead_time_days as the whole replenishment time and\n"
              "    every order as complete; this lowers service.\n"),
            r->figure[0], 100 * r->figure[1], 100 * r->figure[2]);
}

static void say_noise(FILE *out, const struct reason *r)
{
    if (r->figure[0] != 0)
        fputs(_("  - with one replication there is no confidence interval: chance alone can make a gap either\n"
                "    way. More replications tell.\n"),
              out);
    else if (r->figure[1] != 0)
        fputs(_("  - the gap is less than twice the exact interval's width: a correct formula falls outside that\n"
                "    interval at most about one time in 40, and on one side only. More replications tell.\n"),
              out);
    else
        /* xgettext:no-c-format */
        fputs(_("  - the gap is less than twice the ± shown: with 95% intervals a correct formula falls outside\n"
                "    about one time in 20, either way. More replications tell.\n"),
              out);
}

static void (*const reason_printers[REASON_COUNT])(FILE *, const struct reason *) = {
    [REASON_UNDERSHOOT] = say_undershoot,
    [REASON_EVEN_GAPS] = say_even_gaps,
    [REASON_LUMPY] = say_lumpy,
    [REASON_RESERVE] = say_reserve,
    [REASON_CUSTOMER_BASE] = say_customer_base,
    [REASON_LOST_SALES] = say_lost_sales,
    [REASON_HISTORY_FIT] = say_history_fit,
    [REASON_HISTORY_PATTERN] = say_history_pattern,
    [REASON_RETURNS] = say_returns,
    [REASON_SUPPLIER] = say_supplier,
    [REASON_CAPACITY] = say_capacity,
    [REASON_LEAD_TIME_SHAPE] = say_lead_time_shape,
    [REASON_NOISE] = say_noise,
};

/* A history whose days are autocorrelated (sim/series.h: significant by Ljung-Box):
 * the formula's sd takes the days as independent. Say so, and give the sd of demand
 * over the protection interval from the history's autocovariances,
 * Var(L days) = L g0 + 2 sum_{k=1}^{L-1} (L - k) gk (reader/history_structure.h), with a
 * random lead time's share added as the formula adds it, and the safety stock it
 * implies at the same safety factor. */
static void report_theory_autocorrelation(FILE *out, const struct scenario *sc, const struct protection *pr, double k,
                                          const char *name)
{
    const struct history_info *hi = sc->history_info;
    if (!hi || !hi->structure.autocorrelated) return;
    const struct inventory_config *inv = &sc->cfg.inventory;
    double independent, v = history_sum_variance(&hi->h, pr->days, &independent);
    double rate = hi->mean_per_day, lead = rate * rate * dist_variance(&inv->lead_time_days);
    double sd = sqrt(v + lead), sd_ind = sqrt(independent + lead), mean = rate * pr->days;
    fprintf(out,
            _("  The sd takes the days as independent, but this history's days are autocorrelated (lag 1 %.2f).\n"
              "  From its autocovariances g0, g1, ..., Var(demand over L days) = L g0 + 2 sum (L - k) gk,\n"
              "  k = 1 .. L - 1: over %.1f days sd %.1f units, where independent days give %.1f. At the same\n"
              "  safety factor %.2f that is a safety stock of %.1f units (%s = %.1f), not %.1f.\n"),
            hi->structure.acf[1], pr->days, sd, sd_ind, k, k * sd, name, mean + k * sd, k * pr->demand_sd);
}

/* The cycle service level was 0 or 1 with an interval of no width (every replication
 * alike) or none (one replication gave it): say so, with the exact 95% bound over the
 * cycles counted (reasons_exact_halfwidth), which the comparison uses instead. reps: the
 * replications run; n: those that ended a cycle. */
static void report_exact_bound(FILE *out, const struct reasons_input *in, double exact, unsigned reps, size_t n)
{
    unsigned long cycles = (unsigned long)round(in->cycles);
    if (in->sim[REASON_CSL] == 1)
        fprintf(
            out,
            reps == 1
                ? /* TRANSLATORS: the number of cycles, then the lower end of an interval in percent */
                P_("  In the one replication every cycle had stock; over about %.0f cycle, the cycle service\n"
                   "  level's exact 95%% interval is %.2f%% to 100%%.\n",
                   "  In the one replication every cycle had stock; over about %.0f cycles, the cycle service\n"
                   "  level's exact 95%% interval is %.2f%% to 100%%.\n",
                   cycles)
                : n == 1 ? /* TRANSLATORS: the number of cycles, then the lower end of an interval in percent */
                      P_("  Only one of the replications ended a cycle, and every cycle in it had stock; over about\n"
                         "  %.0f cycle, the cycle service level's exact 95%% interval is %.2f%% to 100%%.\n",
                         "  Only one of the replications ended a cycle, and every cycle in it had stock; over about\n"
                         "  %.0f cycles, the cycle service level's exact 95%% interval is %.2f%% to 100%%.\n",
                         cycles)
                         : /* TRANSLATORS: the number of cycles, then the lower end of an interval in percent */
                      P_("  In every replication every cycle had stock, so the cycle service level's interval has no\n"
                         "  width; over about %.0f cycle in all, its exact 95%% interval is %.2f%% to 100%%.\n",
                         "  In every replication every cycle had stock, so the cycle service level's interval has no\n"
                         "  width; over about %.0f cycles in all, its exact 95%% interval is %.2f%% to 100%%.\n",
                         cycles),
            in->cycles, 100 * (1 - exact));
    else
        fprintf(
            out,
            reps == 1
                ? /* TRANSLATORS: the number of cycles, then the upper end of an interval in percent */
                P_("  In the one replication every cycle ran out; over about %.0f cycle, the cycle service\n"
                   "  level's exact 95%% interval is 0%% to %.2f%%.\n",
                   "  In the one replication every cycle ran out; over about %.0f cycles, the cycle service\n"
                   "  level's exact 95%% interval is 0%% to %.2f%%.\n",
                   cycles)
                : n == 1 ? /* TRANSLATORS: the number of cycles, then the upper end of an interval in percent */
                      P_("  Only one of the replications ended a cycle, and every cycle in it ran out; over about\n"
                         "  %.0f cycle, the cycle service level's exact 95%% interval is 0%% to %.2f%%.\n",
                         "  Only one of the replications ended a cycle, and every cycle in it ran out; over about\n"
                         "  %.0f cycles, the cycle service level's exact 95%% interval is 0%% to %.2f%%.\n",
                         cycles)
                         : /* TRANSLATORS: the number of cycles, then the upper end of an interval in percent */
                      P_("  In every replication every cycle ran out, so the cycle service level's interval has no\n"
                         "  width; over about %.0f cycle in all, its exact 95%% interval is 0%% to %.2f%%.\n",
                         "  In every replication every cycle ran out, so the cycle service level's interval has no\n"
                         "  width; over about %.0f cycles in all, its exact 95%% interval is 0%% to %.2f%%.\n",
                         cycles),
            in->cycles, 100 * exact);
}

/* The normal approximation's prediction next to the simulated service, with the
 * reasons for any gap that apply to this scenario. */
static void report_theory(FILE *out, const struct scenario *sc, const struct summary *s)
{
    if (sc->cfg.nproducts) {
        report_theory_products(out, sc, s);
        return;
    }
    if (sc->cfg.nlocations) {
        report_theory_locations(out, sc, s);
        return;
    }
    const struct inventory_config *inv = &sc->cfg.inventory;
    const struct policy_type *p = inv->policy;
    if (!p->holds_stock) return;
    struct protection pr = theory_protection(&sc->cfg);
    double level = p->uses_reorder_point ? inv->reorder_point : inv->order_up_to;
    const char *name = p->uses_reorder_point ? "s" : "S";
    struct prediction f = theory_predict(&pr, level);
    char lv[40];
    num_format(round(level * 10) / 10, lv, sizeof lv);

    fputs(_("\nTheory next to simulation (normal approximation of demand over the lead time)\n"), out);
    if (sc->lever.key) {
        char target[40];
        fprintf(out, _("  Service lever %s = %s sets %s = %s%s%s\n"), sc->lever.key,
                num_format(sc->lever.target, target, sizeof target), name, lv,
                sc->lever.replaced[0] ? _(", in place of ") : "", sc->lever.replaced);
    }
    if (!(pr.demand_sd > 0) || !isfinite(f.safety_factor)) { /* a constant: no normal curve to fit */
        fprintf(out,
                _("  Demand over %.1f days%s: %.1f units, always the same; %s = %s. With no variation the\n"
                  "  normal approximation has nothing to add: stock runs out only if %s is below %.1f.\n"),
                pr.days, inv->review_days > 0 ? _(" (lead time + review period)") : _(" (the lead time)"),
                pr.demand_mean, name, lv, name, pr.demand_mean);
        return;
    }
    char demand[400];
    snprintf(demand, sizeof demand,
             _("  Demand over %.1f days%s: mean %.1f, sd %.1f units; %s = %s = mean %s %.2f sd\n"), pr.days,
             inv->review_days > 0 ? _(" (lead time + review period)") : _(" (the lead time)"), pr.demand_mean,
             pr.demand_sd, name, lv, f.safety_factor < 0 ? "-" : "+", fabs(f.safety_factor));
    lang_print_wrapped(out, demand, LANG_LINE_MAX);
    report_theory_autocorrelation(out, sc, &pr, f.safety_factor, name);
    fprintf(out, "  %26s ", "");
    lang_pad(out, sc->lever.key && sc->lever.key[0] == 't' ? _("target") : "", 9, true);
    fputc(' ', out);
    lang_pad(out, _("formula"), 11, true);
    fputc(' ', out);
    lang_pad(out, _("simulated"), 11, true);
    fputc('\n', out);
    bool csl_lever = sc->lever.key == key_defs[K_INVENTORY_TARGET_CYCLE_SERVICE_LEVEL].name;
    bool fill_lever = sc->lever.key == key_defs[K_INVENTORY_TARGET_FILL_RATE].name;
    theory_row(out, _("Cycle service level"), csl_lever ? sc->lever.target : NAN, f.cycle_service_level,
               &s[M_CYCLE_SERVICE_LEVEL]);
    theory_row(out, _("Fill rate"), fill_lever ? sc->lever.target : NAN, f.fill_rate, &s[M_FILL_RATE]);

    if (s[M_CYCLE_SERVICE_LEVEL].n == 0 && s[M_FILL_RATE].n == 0) {
        fputs(_("  No order reached allocation and no replenishment cycle ended in the statistics window:\n"
                "  there is nothing to compare (lengthen horizon_days).\n"),
              out);
        return;
    }
    struct reasons_input in = reasons_input_of(&sc->cfg, s);
    double exact = reasons_exact_halfwidth(&in);
    if (isfinite(exact)) report_exact_bound(out, &in, exact, sc->cfg.run.replications, s[M_CYCLE_SERVICE_LEVEL].n);
    bool one = sc->cfg.run.replications == 1;
    int gap[REASON_MEASURES];
    reasons_gap(&in, gap);
    if (!gap[REASON_CSL] && !gap[REASON_FILL] && one && !isfinite(exact)) {
        /* no interval: no gap only where the figures shown do not differ (REASONS_SHOWN) */
        fputs(_("  Formula and simulation agree to the figures shown (one replication: no interval).\n"), out);
        return;
    }
    if (!gap[REASON_CSL] && !gap[REASON_FILL]) {
        /* xgettext:no-c-format */
        fputs(_("  Formula and simulation agree within the 95% confidence interval.\n"), out);
        return;
    }
    fputs(_("  Why they differ:\n"), out);
    struct reason r[REASON_COUNT];
    size_t n = reasons_explain(&in, r), shown = 0;
    for (size_t i = 0; i < n; i++)
        if (r[i].agrees) {
            reason_printers[r[i].id](out, &r[i]);
            shown++;
        }
    if (!shown)
        fputs(_("  - none of the usual reasons (undershoot, lumpy demand, lost sales, a reserve, a changing\n"
                "    customer base, a history the formula reads differently) explains a gap this way:\n"
                "    the gap is worth a closer look.\n"),
              out);
}

/* A perfect-order rate above 1 - the stockout rate means some orders met a stockout and
 * were still perfect: they waited for stock and arrived on time and complete. Say so,
 * with the share that did both at least (both rates count the same orders). */
static void report_perfect_despite_stockouts(FILE *out, const struct summary *s)
{
    const struct summary *met = &s[M_STOCKOUT_RATE], *perfect = &s[M_PERFECT_ORDER_RATE];
    if (met->n == 0 || perfect->n == 0 || !(met->mean > 0)) return;
    double both = perfect->mean + met->mean - 1;
    if (!(both > 1e-9)) return;
    if (s[M_ON_TIME_RATE].n == 0)
        fprintf(out,
                _("  (An order that met a stockout can still be perfect: it waited for stock and still arrived\n"
                  "  complete, and with no promise every order counts as on time. Here at least %.2f%% of the\n"
                  "  orders did both.)\n"),
                100 * both);
    else
        fprintf(out,
                _("  (An order that met a stockout can still be perfect: it waited for stock and still arrived\n"
                  "  on time and complete. Here at least %.2f%% of the orders did both.)\n"),
                100 * both);
}

/* Where a location only replenishes others, the chain's cycle service level, time out of
 * stock, replenishment orders and undershoot leave it out (models/model_metrics.c): say
 * what the figures cover, and where the rest is. */
static void report_facing_note(FILE *out, const struct model_config *c)
{
    bool left_out = false;
    for (size_t l = 0; l < c->nlocations; l++) left_out |= !location_faces_customers(c, l);
    if (!left_out) return;
    fputs(_("  (Cycle service level, time with nothing on hand, replenishment orders and position below s:\n"
            "  at the locations customers buy from. A location that only replenishes others is left out;\n"
            "  its own figures are in the location table, CSL and out of stock, and in the echelon table,\n"
            "  placed/day and below s.)\n"),
          out);
}

/* The outside supplier (models/supplier.h): per location a line, then what its
 * availability, yield and waiting did and what the disruptions cost in fill rate. */
static void report_supply(FILE *out, const struct model_config *c, const struct summary *s)
{
    unsigned f = metric_features(c);
    if (!(f & FEATURE_SUPPLIER)) return;
    if (c->nlocations) {
        static const int cols[] = {LM_SUPPLY_AVAILABILITY, LM_SUPPLY_YIELD_MEAN, LM_SUPPLIER_WAIT_DAYS_MEAN,
                                   LM_FILL_RATE_LOST_TO_DISRUPTIONS};
        static const char *const heads[] = {N_("supplier up"), N_("arrived"), N_("days there"), N_("fill lost")};
        const char *names[MAX_LOCATIONS];
        for (size_t l = 0; l < c->nlocations; l++) { /* only the locations an outside supplier with these keys serves */
            const struct summary *row = &s[metric_location_base(c, l)];
            bool modelled =
                row[LM_SUPPLY_AVAILABILITY].n || row[LM_SUPPLY_YIELD_MEAN].n || row[LM_SUPPLIER_WAIT_DAYS_MEAN].n;
            names[l] = modelled ? c->locations[l].name : NULL;
        }
        block_table(out, c, s, _("supply"), names, c->nlocations, metric_location_base, location_metric_defs, cols,
                    heads, f & FEATURE_DISRUPTIONS ? 4 : 3, WIDTH_HEADS);
    }
    const struct summary *up = &s[M_SUPPLY_AVAILABILITY], *arrived = &s[M_SUPPLY_YIELD_MEAN],
                         *lost = &s[M_FILL_RATE_LOST_TO_DISRUPTIONS], *wait = &s[M_SUPPLIER_WAIT_DAYS_MEAN];
    if (!(f & FEATURE_DISRUPTIONS)) {
        if (wait->n)
            fprintf(out,
                    _("  Supply: a replenishment order spent %.2f days at the supplier on average (waiting its turn\n"
                      "  and being made) before its lead time began.\n"),
                    wait->mean);
        return;
    }
    if (up->n == 0 || lost->n == 0) return;
    fprintf(out,
            _("  Supply: the supplier was up %.1f%% of the time and %.1f%% of the units ordered arrived; an\n"
              "  order spent %.2f days at the supplier. Against the same days with a supplier that never\n"
              "  stops and delivers in full, the disruptions cost %.2f points of fill rate (± %.2f).\n"),
            100 * up->mean, 100 * (arrived->n ? arrived->mean : 1), wait->n ? wait->mean : 0, 100 * lost->mean,
            100 * (isnan(lost->ci95) ? 0 : lost->ci95));
}

/* A replay plays the same days in every replication: identical replications are worth
 * saying, and so is a ± that leaves demand's own uncertainty out. */
static void report_replay_note(FILE *out, const struct scenario *sc, const struct summary *s)
{
    const struct model_config *c = &sc->cfg;
    if (c->demand.history_mode != HISTORY_REPLAY || c->run.replications < 2) return;
    size_t n = metric_count(c);
    bool identical = true;
    for (size_t m = 0; m < n && identical; m++)
        if (s[m].n > 1 && s[m].sd != 0) identical = false;
    if (identical)
        fprintf(out,
                _("Note: the %u replications are identical: a replay plays the same recorded days in each, and\n"
                  "nothing else in this scenario is random, so every ± is 0. One replication (replications = 1,\n"
                  "or --reps 1) gives the same figures.\n"),
                c->run.replications);
    else
        fputs(_("Note: a replay plays the same recorded days in every replication, so the ± shows only the\n"
                "other random parts of the run, not how demand itself might have turned out.\n"),
              out);
}

static void table_header(FILE *out, const struct scenario *sc)
{
    const struct run_config *run = &sc->cfg.run;
    char horizon[40], warmup[40];
    num_format(run->horizon_days, horizon, sizeof horizon);
    num_format(run->warmup_days, warmup, sizeof warmup);
    fprintf(out, "servlab %s — %s\n", SERVLAB_VERSION, sc->path);
    fprintf(out, P_("%u replication of %s days", "%u replications of %s days", run->replications), run->replications,
            horizon);
    if (run->warmup_days > 0) fprintf(out, _(" after a %s-day warm-up"), warmup);
    fprintf(out, _("; seed %llu, generator %s\n"), (unsigned long long)run->seed, rng_generator_name());
    if (run->replications == 1) /* no mean and no interval: the rows show none */
        fputs(_("Each figure comes from the one replication; a confidence interval needs two or more (--reps).\n"),
              out);
    else
        /* xgettext:no-c-format */
        fputs(_("Each figure is the mean over replications, ± the half-width of its 95% confidence interval.\n"), out);
    report_changed_line(out, sc->changes);
    for (size_t i = 0; i < sc->nnotes; i++) fprintf(out, _("Note: %s.\n"), sc->notes[i]);
}

void report_preamble(FILE *out, const struct scenario *sc, const struct summary *s)
{
    report_replay_note(out, sc, s);
    if (sc->history_info) {
        fputc('\n', out);
        history_describe(out, sc->history_info, sc->cfg.demand.history_mode, "");
    }
}

bool report_metric_shown(const struct scenario *sc, const struct summary *s, int m)
{
    return metric_shown(&sc->cfg, (size_t)m) && worth_showing(m, &s[m], sc);
}

void report_table(FILE *out, const struct scenario *sc, const struct summary *s)
{
    report_table_contract(out, sc, s, NULL);
}

void report_table_contract(FILE *out, const struct scenario *sc, const struct summary *s,
                           const struct contract_periods *periods)
{
    table_header(out, sc);
    report_preamble(out, sc, s);
    for (int g = 0; g < GROUP_COUNT; g++) {
        bool any = false;
        for (int m = 0; m < METRIC_COUNT; m++)
            if (metric_defs[m].group == (enum metric_group)g && report_metric_shown(sc, s, m)) any = true;
        if (!any) continue;
        fprintf(out, "\n%s\n", _(metric_group_titles[g]));
        for (int m = 0; m < METRIC_COUNT; m++)
            if (metric_defs[m].group == (enum metric_group)g && report_metric_shown(sc, s, m)) print_row(out, m, &s[m]);
        report_group_notes(out, sc, s, g);
        if (g == GROUP_SERVICE) report_contract(out, sc, s, periods);
    }
    report_closing_notes(out, sc);
}

void report_group_notes(FILE *out, const struct scenario *sc, const struct summary *s, int g)
{
    const struct model_config *c = &sc->cfg;
    if (g == GROUP_SERVICE && metric_shown(c, M_STOCKOUT_RATE) && metric_shown(c, M_PERFECT_ORDER_RATE))
        report_perfect_despite_stockouts(out, s);
    if (g == GROUP_SERVICE) report_theory(out, sc, s);
    if (g == GROUP_SERVICE && c->nproducts) report_products(out, c, s);
    if (g == GROUP_SERVICE && c->ntiers) report_tiers(out, c, s);
    if (g == GROUP_SERVICE && c->nlocations) report_locations(out, c, s);
    if (g == GROUP_INVENTORY && (metric_shown(c, M_TIME_OUT_OF_STOCK) || metric_shown(c, M_CYCLE_SERVICE_LEVEL)))
        report_facing_note(out, c);
    if (g == GROUP_INVENTORY) report_supply(out, c, s);
    if (g == GROUP_MONEY && metric_shown(c, M_STOCK_VALUE_CHANGE))
        fputs(c->nlocations
                  ? _("  Purchases count when units are ordered. Profit = revenue - total cost + increase in stock\n"
                      "  value (on hand + on order + on the road between locations, at unit cost): it charges\n"
                      "  only the goods that left stock.\n")
                  : _("  Purchases count when units are ordered. Profit = revenue - total cost + increase in stock\n"
                      "  value (on hand + on order, at unit cost): it charges only the goods that left stock.\n"),
              out);
    /* revenue is what customers paid less what was refunded (models/model_metrics.c): the
       refunds line says how much of it went back, and is no cost of its own */
    if (g == GROUP_MONEY && report_metric_shown(sc, s, M_REFUNDS))
        fputs(_("  Refunds are already taken off revenue: subtracting them again would count them twice.\n"), out);
}

void report_policy_note(FILE *out, const struct scenario *sc)
{
    /* no stock point at all holds stock: [inventory]'s own policy may be none while a
       product or location has one */
    if (!(metric_features(&sc->cfg) & FEATURE_STOCK))
        fputs(_("\n(policy = none: stock is not modelled, so it never runs out and costs nothing to hold.)\n"), out);
}

void report_warning(FILE *out, const char *text)
{
    lang_printf_filled(out, LANG_LINE_MAX, "  ! %s\n", text);
}

/* The scenario's warnings under their heading, if it has any. */
static void report_warnings(FILE *out, const struct scenario *sc)
{
    if (sc->nwarnings) {
        fputs(_("\nWarnings\n"), out);
        for (size_t i = 0; i < sc->nwarnings; i++) report_warning(out, sc->warnings[i]);
    }
}

void report_closing_notes(FILE *out, const struct scenario *sc)
{
    report_policy_note(out, sc);
    report_warnings(out, sc);
}

static void csv_row(FILE *out, const char *name, const struct summary *s)
{
    char a[40], b[40], c[40];
    fprintf(out, "%s,%s,%s,%s,%zu\n", name, report_field(s->mean, a, sizeof a), report_field(s->ci95, b, sizeof b),
            report_field(s->sd, c, sizeof c), s->n);
}

void report_csv(FILE *out, const struct model_config *cfg, const struct summary *s, const char *only)
{
    fputs("metric,mean,ci95,sd,n\n", out);
    if (only) {
        char copy[1024];
        snprintf(copy, sizeof copy, "%s", only);
        for (char *save = NULL, *name = strtok_r(copy, ", ", &save); name; name = strtok_r(NULL, ", ", &save))
            csv_row(out, name, &s[metric_lookup(cfg, name)]);
        return;
    }
    size_t n = metric_count(cfg);
    for (size_t m = 0; m < n; m++) {
        if (!metric_shown(cfg, m)) continue;
        char name[160];
        metric_name_at(cfg, m, name, sizeof name);
        csv_row(out, name, &s[m]);
    }
}

/* Why --metrics' metric `name` has no value, said beside its "n/a": a product, tier or
 * location that took no customer orders (a location that only supplies others is judged
 * by its downstream_fill_rate); NULL when the reason is not known here (nothing said
 * rather than a cause that may be false). */
static const char *why_no_value(const struct scenario *sc, const struct summary *s, const char *name, char *buf,
                                size_t size)
{
    const char *last = strrchr(name, '.');
    if (last && last != strchr(name, '.')) { /* KIND.NAME.metric */
        char sibling[200];
        long orders;
        snprintf(sibling, sizeof sibling, "%.*s.orders_per_day", (int)(last - name), name);
        if ((orders = metric_lookup(&sc->cfg, sibling)) >= 0 && s[orders].n && s[orders].mean == 0) {
            snprintf(sibling, sizeof sibling, "%.*s.downstream_fill_rate", (int)(last - name), name);
            const char *who = strchr(name, '.') + 1;
            int len = (int)(last - who);
            if (metric_lookup(&sc->cfg, sibling) >= 0)
                /* TRANSLATORS: a location that supplies other locations only; %s its name, then a metric name */
                snprintf(buf, size, _("(%.*s takes no customer orders; it is judged by %s)"), len, who, sibling);
            else
                snprintf(buf, size, _("(%.*s takes no customer orders)"), len, who);
            return buf;
        }
    }
    return NULL;
}

void report_selected(FILE *out, const struct scenario *sc, const struct summary *s, const char *only)
{
    table_header(out, sc);
    fputc('\n', out);
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", only);
    for (char *save = NULL, *name = strtok_r(copy, ", ", &save); name; name = strtok_r(NULL, ", ", &save)) {
        long m = metric_lookup(&sc->cfg, name);
        const struct metric_def *d = metric_def_at(&sc->cfg, (size_t)m);
        struct metric_def named = *d;
        char label[120];
        if (m >= METRIC_COUNT) { /* product.NAME.x or tier.NAME.x: say whose figure it is */
            const char *dot = strchr(name, '.'), *last = strrchr(name, '.');
            snprintf(label, sizeof label, "%.*s: %s", (int)(last - dot - 1), dot + 1, _(d->label));
            named.label = label;
        } else {
            named.label = _(d->label);
        }
        char why[300];
        print_def_row(out, named.label, &named, name, &s[m], m < METRIC_COUNT ? (int)m : -1,
                      why_no_value(sc, s, name, why, sizeof why));
    }
    report_warnings(out, sc); /* a few figures, but the same run: its warnings still hold */
}

/* Whether `word` is one of the items of list ("a, b, c"). */
static bool in_list(const char *list, const char *word)
{
    size_t len = strlen(word);
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += len)
        if ((p == list || (p >= list + 2 && p[-2] == ',' && p[-1] == ' ')) && (p[len] == '\0' || p[len] == ','))
            return true;
    return false;
}

/* The metric whose report label is word, in the user's language or in English (a student
 * working in Chinese may copy an English report): the whole label or the part before its
 * parenthesis ("满足率" for "满足率（现货满足的件数）", "Fill rate" for "Fill rate (units
 * from stock)"), among the metrics cfg reports; or NULL. */
static const char *metric_of_label(const struct model_config *cfg, const char *word)
{
    for (size_t i = 0; i < METRIC_COUNT; i++)
        if (*word && (metric_label_is(_(metric_defs[i].label), word) || metric_label_is(metric_defs[i].label, word)) &&
            metric_lookup(cfg, metric_defs[i].name) >= 0)
            return metric_defs[i].name;
    return NULL;
}

int report_check_metric(const char *option, const char *name, char *err, size_t errlen)
{
    if (metric_find(name) >= 0) return 0;
    int by_label = metric_find_label(name);
    const char *labelled = by_label >= 0 ? metric_defs[by_label].name : NULL, *names[METRIC_COUNT];
    for (size_t i = 0; i < METRIC_COUNT; i++) names[i] = metric_defs[i].name;
    const char *near = labelled ? NULL : suggest_nearest(name, names, METRIC_COUNT);
    if (labelled) /* "--maximise profit": the report's label, not the metric's name */
        snprintf(err, errlen, _("%s: '%s' is the report's label; the metric's name is %s"), option, name, labelled);
    else if (near)
        snprintf(err, errlen, _("%s: '%s' is not a metric; did you mean '%s'?"), option, name, near);
    else
        snprintf(err, errlen, _("%s: '%s' is not a metric (names as in --format csv)"), option, name);
    return -1;
}

/* text without the blanks at its ends, into out (n bytes). */
static char *trimmed(const char *text, char *out, size_t n)
{
    text += strspn(text, " \t");
    snprintf(out, n, "%s", text);
    size_t len = strlen(out);
    while (len && (out[len - 1] == ' ' || out[len - 1] == '\t')) out[--len] = '\0';
    return out;
}

/* Is name (one word of --metrics) a metric cfg reports? 0, or -1 with the problem in err. */
static int check_name(const struct model_config *cfg, const char *name, char *err, size_t errlen)
{
    if (metric_lookup(cfg, name) >= 0) return 0;
    const char *labelled = metric_of_label(cfg, name);
    if (labelled) { /* "--metrics 满足率": the label the report prints, not the metric's name */
        snprintf(err, errlen, _("--metrics: '%s' is the report's label; the metric's name is %s"), name, labelled);
        return -1;
    }
    /* the nearest of this scenario's own names: location.dc.fillrate is location.dc.fill_rate.
       A KIND.NAME.metric is matched only among NAME's own metrics, so that a suggestion
       never swaps the location or product; a NAME the scenario lacks is said so. */
    size_t n = metric_count(cfg), m = 0;
    char(*text)[160] = malloc(n * sizeof *text);
    const char **names = malloc(n * sizeof *names);
    if (!text || !names) abort();
    const char *first = strchr(name, '.'), *last = strrchr(name, '.');
    size_t prefix = first && last != first ? (size_t)(last - name) + 1 : 0; /* "KIND.NAME." */
    for (size_t i = 0; i < n; i++) {
        metric_name_at(cfg, i, text[i], sizeof text[i]);
        if (!prefix || strncmp(text[i], name, prefix) == 0) names[m++] = text[i];
    }
    if (prefix && m == 0) {
        char known[600] = "";
        for (size_t i = 0; i < n; i++) { /* the kind's names, each once, in the scenario's order */
            const char *dot = strchr(text[i], '.'), *dot2 = dot ? strchr(dot + 1, '.') : NULL;
            if (!dot2 || (size_t)(dot - text[i]) != (size_t)(first - name) ||
                strncmp(text[i], name, (size_t)(first - name)) != 0)
                continue;
            char one[160];
            snprintf(one, sizeof one, "%.*s", (int)(dot2 - dot - 1), dot + 1);
            if (!in_list(known, one))
                snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", *known ? ", " : "", one);
        }
        if (*known)
            snprintf(err, errlen, _("--metrics: '%s': this scenario has no %.*s '%.*s' (it has %s)"), name,
                     (int)(first - name), name, (int)(last - first - 1), first + 1, known);
        else
            snprintf(err, errlen,
                     _("--metrics: '%s' is not a metric of this scenario (see --format csv for the names)"), name);
        free(names), free(text);
        return -1;
    }
    const char *near = suggest_nearest(name, names, m);
    if (near)
        snprintf(err, errlen, _("--metrics: '%s' is not a metric of this scenario; did you mean '%s'?"), name, near);
    else
        snprintf(err, errlen, _("--metrics: '%s' is not a metric of this scenario (see --format csv for the names)"),
                 name);
    free(names), free(text);
    return -1;
}

int report_check_names(const struct model_config *cfg, const char *only, char *err, size_t errlen)
{
    struct fullwidth hit; /* "fill_rate，on_time_rate": typed in full-width mode */
    if (fullwidth_find(only, strlen(only), &hit)) {
        char problem[300];
        fullwidth_problem(&hit, false, true, problem, sizeof problem);
        snprintf(err, errlen, _("--metrics: %s"), problem);
        return -1;
    }
    /* the names are split at commas and blanks, but a label the report prints has blanks,
       and some a comma ("Fill rate", "Order cycle, mean"): the whole list, then each item
       between commas, is first taken as one label */
    char copy[1024], item[1024];
    /* names come first: a list that is all metric names is taken so, whatever label its
       words also spell (a name equal to a label's words before its parenthesis) */
    bool all_names = true;
    snprintf(copy, sizeof copy, "%s", only);
    for (char *save = NULL, *name = strtok_r(copy, ", \t", &save); name && all_names;
         name = strtok_r(NULL, ", \t", &save))
        all_names = metric_lookup(cfg, name) >= 0;
    if (all_names) return 0;
    const char *labelled = metric_of_label(cfg, trimmed(only, item, sizeof item));
    snprintf(copy, sizeof copy, "%s", only);
    for (char *save_item = NULL, *one = strtok_r(copy, ",", &save_item); one && !labelled;
         one = strtok_r(NULL, ",", &save_item)) {
        if (strpbrk(trimmed(one, item, sizeof item), " \t")) labelled = metric_of_label(cfg, item);
        for (char *save = NULL, *name = strtok_r(one, " \t", &save); name && !labelled;
             name = strtok_r(NULL, " \t", &save))
            if (check_name(cfg, name, err, errlen) != 0) return -1;
    }
    if (labelled) {
        snprintf(err, errlen, _("--metrics: '%s' is the report's label; the metric's name is %s"), item, labelled);
        return -1;
    }
    return 0;
}

void report_summary_run_lines(FILE *out, unsigned long long seed, unsigned reps, double horizon_days,
                              double warmup_days)
{
    char horizon[40], warmup[40];
    fprintf(out, "seed: %llu\n", seed);
    fprintf(out, "generator: %s\n", rng_generator_name());
    fprintf(out, "replications: %u\n", reps);
    fprintf(out, "horizon_days: %s\n", num_format(horizon_days, horizon, sizeof horizon));
    fprintf(out, "warmup_days: %s\n", num_format(warmup_days, warmup, sizeof warmup));
}

/* The rates a curve can be drawn against ([sweep] service: reader/keys.c), in words,
 * as the titles and axes name them: the course's terms in Chinese. */
static const struct {
    const char *metric, *words;
} service_names[] = {
    {"fill_rate", N_("fill rate")},
    {"order_fill_rate", N_("order fill rate")},
    {"line_fill_rate", N_("line fill rate")},
    {"stockout_rate", N_("stockout rate")},
    {"cycle_service_level", N_("cycle service level")},
    {"lost_sales_rate", N_("lost sales rate")},
    {"on_time_rate", N_("on-time rate")},
    {"on_time_of_all_orders_rate", N_("on-time of all orders rate")},
    {"perfect_order_rate", N_("perfect order rate")},
    {"in_full_rate", N_("in full rate")},
    {"damage_free_rate", N_("damage free rate")},
    {"accurate_rate", N_("accurate rate")},
    {"perfect_order_product", N_("perfect order product")},
    {"otif_rate", N_("otif rate")},
    {"substitution_rate", N_("substitution rate")},
    {"reaction_elsewhere", N_("reaction elsewhere")},
    {"reaction_substitute", N_("reaction substitute")},
    {"reaction_wait", N_("reaction wait")},
    {"reaction_cancel", N_("reaction cancel")},
    {"filled_elsewhere_rate", N_("filled elsewhere rate")},
    {"processing_utilisation", N_("processing utilisation")},
    {"picking_utilisation", N_("picking utilisation")},
    {"inquiry_utilisation", N_("inquiry utilisation")},
    {"expedited_rate", N_("expedited rate")},
    {"shifted_rate", N_("shifted rate")},
    {"rerouted_rate", N_("rerouted rate")},
    {"shipped_direct_rate", N_("shipped direct rate")},
    {"time_out_of_stock", N_("time out of stock")},
    {"abandoned_rate", N_("abandoned rate")},
    {"quantity_discount_rate", N_("quantity discount rate")},
    {"satisfied_share", N_("satisfied share")},
    {"above_expectation_rate", N_("above expectation rate")},
    {"below_expectation_rate", N_("below expectation rate")},
    {"complaints_handled_rate", N_("complaints handled rate")},
    {"complaints_recovered_rate", N_("complaints recovered rate")},
    {"contract_periods_missed_share", N_("contract periods missed share")},
    {"supply_availability", N_("supply availability")},
    {"supply_yield_mean", N_("supply yield")},
    {"revenue_per_day", N_("revenue per day")},
    {"profit_per_day", N_("profit per day")},
    {"cost_total_per_day", N_("total cost per day")},
};

const char *report_metric_words(const char *metric, char *buf, size_t n)
{
    for (size_t i = 0; i < sizeof service_names / sizeof service_names[0]; i++)
        if (strcmp(service_names[i].metric, metric) == 0) {
            snprintf(buf, n, "%s", _(service_names[i].words));
            return buf;
        }
    /* in Chinese, a Latin name stands apart from the Chinese before it ("实际 x rate（%）",
       not "实际x rate（%）"); what follows it in the messages is full-width punctuation
       or the end, which needs no space */
    snprintf(buf, n, lang_current() == LANG_ZH ? " %s" : "%s", metric);
    for (char *p = buf; *p; p++)
        if (*p == '_') *p = ' ';
    return buf;
}

const char *report_metric_prose(const char *metric, char *buf, size_t n)
{
    if (lang_current() != LANG_ZH) {
        snprintf(buf, n, "%s", metric);
        return buf;
    }
    return report_metric_words(metric, buf, n);
}

void report_changed_line(FILE *out, const char *changes)
{
    if (!changes[0]) return;
    size_t n = strlen(changes);
    /* many --set options make a long line: wrapped after a comma between them */
    if (changes[n - 1] == '.') /* TRANSLATORS: as the line below, for assignments that end in a full stop */
        lang_printf_wrapped(out, LANG_LINE_MAX, _("Changed from the file with --set: %s\n"), changes);
    else
        lang_printf_wrapped(out, LANG_LINE_MAX, _("Changed from the file with --set: %s.\n"), changes);
}

void report_summary_files(FILE *out, const char *dir, const char *const *paths, size_t n)
{
    char from[4][SCENARIO_PATH_MAX * 2];
    if (n > 4) return;
    for (size_t i = 0; i < n; i++)
        if (outfile_path_from(dir, paths[i], from[i], sizeof from[i]) != 0) return;
    for (size_t i = 0; i < n; i++) fprintf(out, "file: %s\n", from[i]);
}

void report_summary_header(FILE *out, const struct scenario *sc, const char *command, const char *dir)
{
    const struct run_config *run = &sc->cfg.run;
    fprintf(out, "servlab %s %s %s\n", SERVLAB_VERSION, command, sc->path);
    report_summary_run_lines(out, (unsigned long long)run->seed, run->replications, run->horizon_days,
                             run->warmup_days);
    if (sc->changes[0]) fprintf(out, "set: %s\n", sc->changes);
    for (size_t i = 0; i < sc->nwarnings; i++) fprintf(out, "warning: %s\n", sc->warnings[i]);
    const char *file = sc->path;
    report_summary_files(out, dir, &file, 1);
}
