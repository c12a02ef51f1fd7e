/* debrief.c - see debrief.h. The page reuses the terminal report's words: the tables
 * are built here from the results, and every note (theory next to simulation, the
 * per-product tables, the sweep's notes) is the text cli/report.c and cli/sweep.c
 * print, kept in lines (html_note). So the page never says something the terminal
 * does not, in either language. */
#include "debrief.h"
#include "contract_report.h"
#include "grid.h"
#include "html.h"
#include "report.h"
#include "sweep.h"
#include "lang/lang.h"
#include "models/metrics.h"
#include "sim/num.h"
#include "sim/rng.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- figures ---- */

FILE *debrief_figure_begin(struct debrief *d)
{
    d->buf = NULL, d->len = 0;
    d->open = open_memstream(&d->buf, &d->len);
    if (!d->open) abort();
    return d->open;
}

static char *copy(const char *text)
{
    char *c = strdup(text);
    if (!c) abort();
    return c;
}

void debrief_figure_end(struct debrief *d, const char *caption, const char *file, bool drawn)
{
    fclose(d->open);
    d->open = NULL;
    if (!drawn || d->len == 0) {
        free(d->buf);
        d->buf = NULL;
        return;
    }
    struct debrief_figure *grown = realloc(d->figs, (d->nfigs + 1) * sizeof *grown);
    if (!grown) abort();
    d->figs = grown;
    d->figs[d->nfigs++] = (struct debrief_figure){.caption = copy(caption), .file = copy(file), .svg = d->buf};
    d->buf = NULL;
}

void debrief_fini(struct debrief *d)
{
    for (size_t i = 0; i < d->nfigs; i++) free(d->figs[i].caption), free(d->figs[i].file), free(d->figs[i].svg);
    free(d->figs);
    const char *line = d->command_line;
    *d = (struct debrief){.command_line = line};
}

/* ---- pieces every page has ---- */

/* Text written by fn-like calls into a memory stream, then shown as a note. */
struct note {
    char *text;
    size_t len;
    FILE *f;
};

static FILE *note_begin(struct note *n)
{
    n->text = NULL, n->len = 0;
    n->f = open_memstream(&n->text, &n->len);
    if (!n->f) abort();
    return n->f;
}

static void note_end(FILE *out, struct note *n)
{
    fclose(n->f);
    html_note(out, n->text);
    free(n->text);
}

static const char *file_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The scenario file's leading comment: what it models, in its author's words. The
 * comment markers (';' or '#') and one space after them are dropped; the comment ends
 * at the first line that is not one. A UTF-8 byte-order mark before it (Notepad saves
 * one) is skipped, as the reader skips it (reader/scenario.c). */
/* Whether a comment line is laid out by hand, so that it keeps a line of its own on the
 * page: indented, a list item ("- ", "* ", "1. "), or two blanks in a row inside it (a
 * table's row, a command beside its label). Other lines are filled prose. */
static bool laid_out(const char *line)
{
    if (*line == ' ' || *line == '\t') return true;
    if ((line[0] == '-' || line[0] == '*') && line[1] == ' ') return true;
    const char *q = line;
    while (isdigit((unsigned char)*q)) q++;
    if (q > line && (*q == '.' || *q == ')') && q[1] == ' ') return true;
    size_t end = strcspn(line, "\r\n");
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) end--;
    for (size_t i = 0; i + 1 < end; i++)
        if (line[i] == ' ' && line[i + 1] == ' ') return true;
    return false;
}

/* What goes between two comment lines of a paragraph on the page (which keeps line
 * breaks, .what in cli/html.c): filled prose is joined, so that the browser fills it to
 * the page's width (a file's 88-column lines, broken again at 800 px, left single words
 * on a line of their own) — by nothing between two Chinese characters, by a blank
 * otherwise (café / über keeps its blank); a line laid out by hand, or one after a line ending in ':' (which in English
 * introduces what follows; a Chinese '：' is as often inside a sentence), keeps its
 * break. prev is the previous line without its end of line. */
static const char *between_lines(const char *prev, const char *line)
{
    size_t n = strlen(prev);
    if ((n && prev[n - 1] == ':') || laid_out(prev) || laid_out(line)) return "\n";
    /* the last character of prev and the first of line, each measured alone */
    size_t last = n;
    while (last > 0 && ((unsigned char)prev[last - 1] & 0xC0) == 0x80) last--;
    if (last > 0) last--;
    char a[5] = "", b[5] = "";
    snprintf(a, sizeof a, "%.*s", (int)(n - last), prev + last);
    snprintf(b, sizeof b, "%.*s", (int)lang_char_bytes((unsigned char)line[0]), line);
    return n && lang_width(a) == 2 && lang_width(b) == 2 ? "" : " "; /* two wide (CJK) characters */
}

static void what_it_models(FILE *out, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return;
    char *line = NULL, *prev = NULL; /* whole lines, however long (a 1,250-byte comment line ended it) */
    size_t room = 0;
    enum { NONE, FIRST, MORE } part = NONE; /* its first paragraph is shown, the rest folded */
    bool open = false;                      /* a line of the paragraph was printed */
    for (bool first = true; getline(&line, &room, f) >= 0; first = false) {
        char *p = line + (first && strncmp(line, "\xef\xbb\xbf", 3) == 0 ? 3 : 0);
        p += strspn(p, " \t");
        if (*p != ';' && *p != '#') break;
        p++;
        if (*p == ' ') p++;
        size_t end = strcspn(p, "\r\n"); /* and the blanks at its end, which a join would double */
        while (end > 0 && (p[end - 1] == ' ' || p[end - 1] == '\t')) end--;
        p[end] = '\0';
        bool blank = p[strspn(p, " \t")] == '\0';
        if (part == NONE && blank) continue;
        if (part == NONE) fputs("<p class=\"what\">", out), part = FIRST;
        if (part == FIRST && blank) {
            fprintf(out, "\n</p>\n<details class=\"what\"><summary>%s</summary>", _("More about this scenario"));
            part = MORE, open = false;
            continue;
        }
        if (blank) { /* a paragraph's end inside the folded part */
            if (open) fputs("\n", out);
            fputs("\n", out);
            open = false;
            continue;
        }
        if (open) fputs(between_lines(prev, p), out);
        html_text(out, p);
        free(prev);
        if (!(prev = strdup(p))) abort();
        open = true;
    }
    free(line);
    free(prev);
    if (open) fputs("\n", out);
    if (part == FIRST) fputs("</p>\n", out);
    if (part == MORE) fputs("</details>\n", out);
    fclose(f);
}

/* The settings that differ from the defaults: every key the file or the command line
 * gave (reader/scenario.h, scenario_each_key). */
struct settings {
    FILE *out;
    const struct scenario *defaults; /* an empty scenario file: every default */
    const struct scenario *sc;       /* the page's: its service lever may replace a written level */
    size_t n;
    bool no_sweep;                        /* leave out the [sweep] keys: a command that does not read them (optimise) */
    const struct optimise_result *levers; /* optimise's: the keys it searched, marked (NULL: none) */
};

/* value (a key's canonical text: a number, a list, a distribution) with each number the
 * canonical text writes with an exponent written out in plain decimals, every digit that
 * reads it back (sweep_number_text: "0.0000005", not "5e-07"; "exponential(0.0000005)"),
 * into buf (n bytes): as a student typed it, not as a program reads it. A number below
 * 1e-9 or from 1e15 keeps its exponent, which its digits would drown. Returns buf. */
static const char *plain_numbers(const char *value, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (const char *p = value; *p && used + 1 < n;) {
        /* a number begins a token: not inside a word ("e" of "exponential", a name's digits) */
        bool starts = (isdigit((unsigned char)*p) || *p == '-' || *p == '.') &&
                      (p == value || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.'));
        char *end = (char *)p;
        double x = starts ? strtod(p, &end) : 0;
        size_t len = (size_t)(end - p);
        char v[40];
        if (len && memchr(p, 'e', len) && isfinite(x)) {
            used += (size_t)snprintf(buf + used, n - used, "%s", sweep_number_text(x, v));
            p = end;
        } else {
            size_t copy = len ? len : 1;
            used += (size_t)snprintf(buf + used, n - used, "%.*s", (int)copy, p);
            p += copy;
        }
    }
    return buf;
}

static void setting_row(void *ctx, const char *name, const char *value, enum key_from from, bool not_set)
{
    (void)not_set; /* a key the file or the command line gave is set */
    struct settings *s = ctx;
    if (from != FROM_FILE && from != FROM_COMMAND_LINE) return;
    if (s->no_sweep && strncmp(name, "sweep.", 6) == 0) return;
    /* the same as the default: the key's documented default, or what a scenario that
       gives nothing but its orders per day has (a key of a named section inherits) */
    const char *dot = strrchr(name, '.');
    char section[120], least[400];
    snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
    int k = key_find(section, dot + 1);
    if (k >= 0 && key_defs[k].fallback && strcmp(key_defs[k].fallback, value) == 0) return;
    if (k != K_DEMAND_ORDERS_PER_DAY && scenario_value(s->defaults, name, least, sizeof least) == 0 &&
        strcmp(least, value) == 0)
        return;
    if (s->n++ == 0) fputs("<ul class=\"settings\">\n", s->out);
    fputs("<li><code>", s->out);
    html_text(s->out, name);
    fputs("</code> = ", s->out);
    /* a number, a list or a distribution: its numbers as typed (a name or a path is as given) */
    enum key_type type = k >= 0 ? key_defs[k].type : KEY_TEXT;
    char plain[6000];
    html_text(s->out, type == KEY_NUMBER || type == KEY_LIST || type == KEY_DIST
                          ? plain_numbers(value, plain, sizeof plain)
                          : value);
    if (from == FROM_COMMAND_LINE) fprintf(s->out, " <em>%s</em>", _("(command line)"));
    for (size_t l = 0; s->levers && l < s->levers->nlevers; l++) /* the file's value, which no point used */
        if (strcmp(name, s->levers->lever[l].parameter) == 0) {
            fputs(" <em>", s->out);
            html_textf(s->out, "%s", _("(not used: the search sets it at each point)"));
            fputs("</em>", s->out);
        }
    /* the level a service lever sets in its place (the sweep's table says so too) */
    const struct lever *lv = &s->sc->lever;
    if (lv->key && lv->replaced[0] && lv->level_key && strncmp(name, "inventory.", 10) == 0 &&
        strcmp(name + 10, lv->level_key) == 0) {
        fputs(" <em>", s->out);
        html_textf(s->out, _("(not used: %s sets it)"), lv->key);
        fputs("</em>", s->out);
    }
    fputs("</li>\n", s->out);
}

/* The section, with or without the [sweep] keys (no_sweep: a command that does not read
 * them, optimise, which has its own levers), and with optimise's levers (levers, or NULL)
 * marked as not used at the file's value */
static void settings_listed(FILE *out, const struct scenario *sc, bool no_sweep, const struct optimise_result *levers)
{
    fprintf(out, "<h2>%s</h2>\n", _("Settings that differ from the defaults"));
    struct scenario *defaults = scenario_new();
    /* the least a scenario must say: its orders per day, which has no default (always shown) */
    static const char least[] = "[demand]\norders_per_day = 1\n";
    if (scenario_load_text(defaults, "defaults", least, sizeof least - 1, NULL, 0, stderr) != 0) abort();
    struct settings s = {out, defaults, sc, 0, no_sweep, levers};
    scenario_each_key(sc, setting_row, &s);
    scenario_free(defaults);
    if (s.n)
        fputs("</ul>\n", out);
    else
        fprintf(out, "<p>%s</p>\n", _("None: every key has its default value."));
}

static void settings_section(FILE *out, const struct scenario *sc)
{
    settings_listed(out, sc, false, NULL);
}

/* The chart's subtitle (plots/chart.h's <text class="subtitle">, or two of them when
 * it is long: plots/chart.c's page_titles) again, as a paragraph under the chart: on a
 * screen narrower than 1200 pixels, where the chart is drawn smaller than 1200 of its
 * 1280 units, its subtitle (drawn at 17 to 19 units, smaller when long, to fit the
 * chart's width) would be under 12 pixels tall, 8 or 9 at 800 pixels: cli/html.c's
 * stylesheet then hides the chart's own and shows this one, in the page's type and
 * wrapped to the screen. Two lines are joined with a blank, as they were parted, unless
 * both sides of the join are Chinese (not ASCII). The text is the SVG's, already escaped. */
static void figure_subtitle(FILE *out, const char *svg)
{
    const char *at = strstr(svg, "<text class=\"subtitle\"");
    if (!at || !strstr(at, "</text>")) return;
    fputs("<p class=\"subtitle\">", out);
    int last = -1; /* the last byte written */
    for (const char *end; at && (end = strstr(at, "</text>")); at = strstr(end, "<text class=\"subtitle\"")) {
        bool join = last >= 0;
        for (bool tag = false; at < end; at++) {
            if (*at == '<' || *at == '>') {
                tag = *at == '<';
            } else if (!tag && *at != '\n') {
                if (join && (last < 0x80 || (unsigned char)*at < 0x80)) fputc(' ', out);
                join = false;
                fputc(*at, out);
                last = (unsigned char)*at;
            }
        }
    }
    fputs("</p>\n", out);
}

static void figures(FILE *out, const struct debrief *d)
{
    if (!d->nfigs) return;
    fprintf(out, "<h2>%s</h2>\n", _("Charts"));
    for (size_t i = 0; i < d->nfigs; i++) {
        fputs("<figure>\n", out);
        fputs(d->figs[i].svg, out);
        figure_subtitle(out, d->figs[i].svg);
        fputs("<figcaption>", out);
        if (*d->figs[i].file)
            html_textf(out, "%s (%s)", d->figs[i].caption, d->figs[i].file);
        else /* a chart of a page with no files (the class server's) */
            html_textf(out, "%s", d->figs[i].caption);
        fputs("</figcaption>\n</figure>\n", out);
    }
}

/* One warning of a page's Warnings section. */
static void warning_div(FILE *out, const char *text)
{
    fputs("<div class=\"warn\">", out);
    html_text(out, text);
    fputs("</div>\n", out);
}

static void warnings(FILE *out, const char (*list)[SCENARIO_WARNING_MAX], size_t n,
                     const char (*more)[SWEEP_POINT_WARNING_MAX], size_t nmore)
{
    if (!n && !nmore) return;
    fprintf(out, "<h2>%s</h2>\n", _("Warnings"));
    for (size_t i = 0; i < n; i++) warning_div(out, list[i]);
    for (size_t i = 0; i < nmore; i++) warning_div(out, more[i]);
}

/* How to get this page again: version, seed, generator, replications and the command. */
static void footer(FILE *out, const struct debrief *d, unsigned long long seed, unsigned reps)
{
    fputs("<footer>\n<p>", out);
    html_textf(out, _("servlab %s · seed %llu · generator %s · %u replications"), SERVLAB_VERSION, seed,
               rng_generator_name(), reps);
    fputs("</p>\n", out);
    if (d->command_line) {
        fprintf(out, "<p>%s <code>", _("To reproduce this page:"));
        /* each word unbroken (not at a path's '-' either: cli/html.c's footer styles), the
           line wrapped only at the spaces between them */
        for (const char *w = d->command_line; *w;) {
            size_t len = strcspn(w, " ");
            if (len) {
                char *word = strndup(w, len);
                if (!word) abort();
                fputs("<span>", out);
                html_text(out, word);
                fputs("</span>", out);
                free(word);
            }
            w += len;
            if (*w) fputc(*w++, out);
        }
        fputs("</code></p>\n", out);
    }
    fputs("</footer>\n", out);
}

/* A table cell with a number (num_fixed: never "-0.00"), or "n/a". */
static void num_cell(FILE *out, const char *cls, double x, int decimals, const char *suffix)
{
    char v[48];
    if (isfinite(x))
        fprintf(out, "<td class=\"%s\">%s%s</td>", cls, num_fixed(x, decimals, v, sizeof v), suffix);
    else
        fprintf(out, "<td class=\"%s\">%s</td>", cls, _("n/a"));
}

/* A share as a percentage (report_percent: never 100.00 below 1), or "n/a" in the
 * reader's language. */
static void percent_cell(FILE *out, const char *cls, double share, int decimals)
{
    char v[40];
    fprintf(out, "<td class=\"%s\">", cls);
    html_text(out, isfinite(share) ? report_percent(share, decimals, v, sizeof v) : _("n/a"));
    fputs(isfinite(share) ? "%</td>" : "</td>", out);
}

/* "1178.70 ± 9.04", or the mean alone with one replication (no interval). */
static void mean_and_interval(const struct summary *s, char *buf, size_t n)
{
    char mean[48];
    num_fixed(s->mean, 2, mean, sizeof mean);
    if (isfinite(s->ci95))
        snprintf(buf, n, "%s ± %.2f", mean, s->ci95);
    else
        snprintf(buf, n, "%s", mean);
}

/* ---- run ---- */

static void metric_table(FILE *out, const struct scenario *sc, const struct summary *s, int g)
{
    fprintf(out, "<table>\n<tr><th>%s</th><th class=\"num\">%s</th><th class=\"num nb\">± 95%%</th><th>%s</th></tr>\n",
            _("measure"), _("mean"), _("metric"));
    for (int m = 0; m < METRIC_COUNT; m++) {
        if (metric_defs[m].group != (enum metric_group)g || !report_metric_shown(sc, s, m)) continue;
        char value[40], ci[40];
        const char *unit;
        /* a line the terminal indents under the one above ("  of which purchases", "  refunds,
           already taken off revenue") is indented on the page by its class, as a browser
           collapses leading blanks: without it such a line reads as one of its own */
        const char *label = _(metric_defs[m].label);
        size_t lead = strspn(label, " ");
        fputs(lead ? "<tr class=\"sub\"><td>" : "<tr><td>", out);
        html_text(out, label + lead);
        if (report_figure(&metric_defs[m], &s[m], value, ci, &unit)) {
            fputs("</td><td class=\"num\">", out);
            /* a percent sign after its figure, a word after a blank (docs/conventions.md) */
            html_textf(out, "%s%s%s", value, *unit && *unit != '%' ? " " : "", unit);
            fputs("</td><td class=\"ci\">", out);
            html_text(out, ci);
        } else {
            fprintf(out, "</td><td class=\"num\">%s</td><td class=\"ci\">", _("n/a"));
            if (m == M_ON_TIME_RATE) html_text(out, _("(no promise: set [order_cycle] promise_days)"));
        }
        fprintf(out, "</td><td class=\"name\">%s</td></tr>\n", metric_defs[m].name);
    }
    fputs("</table>\n", out);
}

/* The order cycle as one bar of its stages, each as wide as its mean share of the
 * cycle, with a legend that gives the days. A stage is named by itself, not by the
 * report's indented "of which ..." line. */
static void cycle_bar(FILE *out, const struct summary *s)
{
    static const struct {
        int metric;
        const char *colour, *name;
    } stages[] = {{M_CYCLE_TRANSMISSION, "#56b4e9", NC_("stage", "Transmission")},
                  {M_CYCLE_PROCESSING, "#0072b2", NC_("stage", "Processing (with queue)")},
                  {M_CYCLE_STOCK_WAIT, "#d55e00", NC_("stage", "Waiting for stock")},
                  {M_CYCLE_PICKING, "#e69f00", NC_("stage", "Picking (with queue)")},
                  {M_CYCLE_DELIVERY, "#009e73", NC_("stage", "Delivery")}};
    enum { NSTAGES = sizeof stages / sizeof stages[0] };
    double total = 0;
    for (size_t k = 0; k < NSTAGES; k++)
        if (s[stages[k].metric].n && s[stages[k].metric].mean > 0) total += s[stages[k].metric].mean;
    if (!(total > 0)) return;
    fprintf(out, "<h3>%s</h3>\n<div class=\"stages\" role=\"img\" aria-label=\"%s\">",
            _("The order cycle, stage by stage"), _("The order cycle, stage by stage"));
    for (size_t k = 0; k < NSTAGES; k++) {
        const struct summary *v = &s[stages[k].metric];
        if (!v->n || !(v->mean > 0)) continue;
        fprintf(out, "<span style=\"width:%.2f%%;background:%s\" title=\"", 100 * v->mean / total, stages[k].colour);
        html_text(out, C_("stage", stages[k].name));
        fputs("\"></span>", out);
    }
    fputs("</div>\n<div class=\"legend\">", out);
    for (size_t k = 0; k < NSTAGES; k++) {
        const struct summary *v = &s[stages[k].metric];
        if (!v->n || !(v->mean > 0)) continue;
        fprintf(out, "<span><i style=\"background:%s\"></i>", stages[k].colour);
        html_text(out, C_("stage", stages[k].name));
        html_textf(out, _(": %.3f days (%.0f%%)"), v->mean, 100 * v->mean / total);
        fputs("</span>", out);
    }
    fputs("</div>\n", out);
}

/* "Fill rate 98.36% ± 1.52 · on time 97.31% · profit 1170.60 ± 13.82 a day" */
static void run_headline(FILE *out, const struct scenario *sc, const struct summary *s)
{
    fputs("<p class=\"headline\">", out);
    static const int shown[] = {M_FILL_RATE, M_ON_TIME_RATE, M_PROFIT};
    bool first = true;
    for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++) {
        char value[40], ci[40];
        const char *unit;
        int m = shown[k];
        if (!metric_shown(&sc->cfg, (size_t)m) || !report_figure(&metric_defs[m], &s[m], value, ci, &unit)) continue;
        if (!first) fputs(" · ", out);
        first = false;
        /* the figure, its "± h" and its unit in one text: html_figures keeps them on a line */
        html_figuresf(out, "%s %s%s%s%s%s", _(metric_defs[m].label), value, *unit == '%' ? "%" : unit, *ci ? " ± " : "",
                      ci, metric_defs[m].kind == KIND_MONEY_PER_DAY ? _(" a day") : "");
    }
    fputs("<small>", out);
    html_figures(out, sc->cfg.run.replications == 1
                          ? _("Each figure comes from the one replication; a confidence interval needs two or more "
                              "(--reps).")
                          /* xgettext:no-c-format */
                          : _("Each figure is the mean over the replications, ± the half-width of its 95% confidence "
                              "interval."));
    fputs("</small></p>\n", out);
}

void debrief_run(FILE *out, const struct debrief *d, const struct scenario *sc, const struct summary *s)
{
    char title[300];
    snprintf(title, sizeof title, _("servlab debrief: %s"), file_name(sc->path));
    /* the supply chain's diagram (html_flow) brings its rules; a page without one does not */
    bool flow = false;
    for (size_t i = 0; i < d->nfigs; i++) flow |= strncmp(d->figs[i].svg, "<div class=\"flow", 16) == 0;
    if (flow)
        html_begin_flow(out, title);
    else
        html_begin(out, title);
    fputs("<h1>", out);
    html_text(out, file_name(sc->path));
    fputs("</h1>\n", out);
    what_it_models(out, sc->path);
    run_headline(out, sc, s);
    struct note n;
    report_preamble(note_begin(&n), sc, s);
    note_end(out, &n);
    settings_section(out, sc);
    for (int g = 0; g < GROUP_COUNT; g++) {
        bool any = false;
        for (int m = 0; m < METRIC_COUNT; m++)
            if (metric_defs[m].group == (enum metric_group)g && report_metric_shown(sc, s, m)) any = true;
        if (!any) continue;
        fputs("<h2>", out);
        html_text(out, _(metric_group_titles[g]));
        fputs("</h2>\n", out);
        metric_table(out, sc, s, g);
        if (g == GROUP_ORDER_CYCLE) cycle_bar(out, s);
        report_group_notes(note_begin(&n), sc, s, g);
        note_end(out, &n);
        if (g == GROUP_SERVICE && d->contract) {
            report_contract(note_begin(&n), sc, s, d->contract);
            note_end(out, &n);
        }
    }
    report_policy_note(note_begin(&n), sc);
    note_end(out, &n);
    figures(out, d);
    warnings(out, sc->warnings, sc->nwarnings, NULL, 0);
    footer(out, d, (unsigned long long)sc->cfg.run.seed, sc->cfg.run.replications);
    html_end(out);
}

/* ---- sweep ---- */

void debrief_sweep(FILE *out, const struct debrief *d, const struct sweep_result *r)
{
    const struct scenario *b = &r->base;
    const char *key = b->sweep.parameter, *service = _(metric_defs[r->service].label);
    char title[300];
    snprintf(title, sizeof title, _("servlab service curve: %s"), file_name(b->path));
    html_begin(out, title);
    fputs("<h1>", out);
    html_textf(out, _("Service curve: %s"), file_name(b->path));
    fputs("</h1>\n", out);
    what_it_models(out, b->path);
    const struct curve_optimum *o = &r->opt;
    struct summary best = sweep_at(r, o->best, M_PROFIT);
    fputs("<p class=\"headline\">", out);
    char profit[80];
    mean_and_interval(&best, profit, sizeof profit);
    /* TRANSLATORS: e.g. Profit peaks at inventory.safety_factor = 1.7: fill rate (units from stock) 99.70%, profit
       1234.56 ± 2.45 a day (the level has its '%', or is "n/a" where the service has no data) */
    char sv[40], at[40], from[40], to[40];
    int digits = sweep_lever_digits(r, 0); /* the values as the terminal's table writes them */
    if (sweep_profit_same(r))              /* no peak: the lever changes no cost or revenue */
        html_figuresf(out, _("The same profit at every value of %s: %s a day"), key, profit);
    else
        html_figuresf(out, _("Profit peaks at %s = %s: %s %s, profit %s a day"), key,
                      sweep_lever_text(r->x[o->best], digits, at), service,
                      report_percent_or(r->service_level[o->best], 2, _("n/a"), sv, sizeof sv), profit);
    fputs("<small>", out);
    html_textf(out, _("%zu points from %s to %s, %u replications each on the same random numbers."), r->n,
               sweep_lever_text(r->x[0], digits, from), sweep_lever_text(r->x[r->n - 1], digits, to), r->reps);
    fputs("</small></p>\n", out);
    settings_section(out, b);

    fprintf(out, "<h2>%s</h2>\n", _("The points"));
    bool marginal = sweep_marginal_meaningful(r);
    fputs("<div class=\"wide\"><table>\n<tr><th class=\"num\">", out);
    /* names wrap after their '_'s on a narrow screen (cli/html.c's th wbr) */
    html_name(out, strrchr(key, '.') ? strrchr(key, '.') + 1 : key);
    fputs("</th><th class=\"num\">", out);
    char shown[100]; /* 满足率 in Chinese, as the terminal's table (report_metric_prose) */
    html_name(out, report_metric_prose(metric_defs[r->service].name, shown, sizeof shown));
    fprintf(out, "</th><th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>", _("service cost"),
            _("total cost"), _("revenue"));
    fprintf(out, "<th class=\"num\">%s</th><th class=\"num nb\">± 95%%</th>", _("profit"));
    if (marginal) fprintf(out, "<th class=\"num\">%s</th>", _("cost of 1 pt"));
    fputs("</tr>\n", out);
    for (size_t i = 0; i < r->n; i++) {
        /* the best row bold on green, and marked * as the notes below say (the terminal's mark) */
        char x[40];
        fprintf(out, "<tr%s><td class=\"num\">%s%s</td>", i == o->best ? " class=\"best\"" : "",
                i == o->best ? "* " : "", sweep_lever_text(r->x[i], digits, x));
        percent_cell(out, "num", r->service_level[i], 3);
        num_cell(out, "num", r->service_cost[i], 2, "");
        num_cell(out, "num", sweep_at(r, i, M_COST_TOTAL).mean, 2, "");
        num_cell(out, "num", sweep_at(r, i, M_REVENUE).mean, 2, "");
        num_cell(out, "num", sweep_at(r, i, M_PROFIT).mean, 2, "");
        num_cell(out, "ci", sweep_at(r, i, M_PROFIT).ci95, 2, "");
        if (marginal && isnan(r->marginal[i])) /* as the terminal's table: the notes say why */
            fputs("<td class=\"num\">—</td>", out);
        else if (marginal)
            num_cell(out, "num", r->marginal[i], 2, "");
        fputs("</tr>\n", out);
    }
    fputs("</table></div>\n", out);
    struct note n;
    sweep_notes(note_begin(&n), r);
    note_end(out, &n);
    figures(out, d);
    warnings(out, b->warnings, b->nwarnings, r->point_warnings, r->npoint_warnings);
    footer(out, d, (unsigned long long)b->cfg.run.seed, r->reps);
    html_end(out);
}

/* ---- compare ---- */

/* "order_cycle.processing_servers = 2; inventory.safety_factor = 1.5" as
 * "processing_servers = 2; safety_factor = 1.5": the table is projected, compare.csv has
 * the full names. Only the section goes: a named section's key keeps its name
 * ("channel.web.share" is "web.share"), so that the channels' shares stay apart. An
 * item's key is what precedes its " = "; values may hold dots. */
static void short_keys(FILE *out, const char *list)
{
    char *items = strdup(list);
    if (!items) abort();
    for (char *item = items, *next; item; item = next) {
        next = strstr(item, "; ");
        if (next) *next = '\0', next += 2;
        char *equals = strstr(item, " = ");
        if (equals) *equals = '\0';
        const char *key = strchr(item, '.') ? strchr(item, '.') + 1 : item;
        fputs("<span class=\"key\">", out);
        html_text(out, key); /* whole: on a narrow screen the keys have a line of their own (compare_style) */
        if (equals) html_textf(out, " = %s", equals + 3);
        fputs(next ? ";</span> " : "</span>", out);
    }
    free(items);
}

static void compare_row(FILE *out, const struct compare_result *r, size_t i)
{
    const struct compare_entry *e = &r->e[i];
    const struct summary *p = &e->s[M_PROFIT];
    double best = r->e[r->best].s[M_PROFIT].mean, share = best > 0 ? 100 * p->mean / best : NAN;
    fprintf(out, "<tr%s><td class=\"num\">%zu</td><td class=\"file\">", i == r->best ? " class=\"best\"" : "", e->rank);
    html_name(out, e->label);
    const char *warned[COMPARE_WARNINGS_MAX];
    size_t nw = compare_entry_warnings(e, warned);
    if (nw) { /* the mark, its warnings in its title and under the table */
        fputs(" <span class=\"mark\" title=\"", out);
        for (size_t k = 0; k < nw; k++) html_textf(out, "%s%s", k ? "\n" : "", warned[k]);
        fputs("\">!</span>", out);
    }
    fputs("</td>", out);
    fprintf(out, "<td class=\"num\">%.2f <span class=\"pm\">± %.2f</span></td>", p->mean, p->ci95);
    if (isfinite(share))
        fprintf(out, "<td class=\"num\"><span class=\"bar\" style=\"width:%.0fpx\"></span> %.1f%%</td>",
                fmax(0, fmin(100, share)) * 0.6, share);
    else
        fprintf(out, "<td class=\"num\">%s</td>", _("n/a"));
    if (i == r->best)
        fprintf(out, "<td>%s</td>", _("the best"));
    else /* red when significantly lower: the note under the table says so */
        fprintf(out, "<td class=\"num %s\">%+.2f <span class=\"half\">± %.2f</span></td>",
                compare_significant(&e->vs_best) ? "sig" : "nsig", e->vs_best.mean, e->vs_best.ci95);
    percent_cell(out, "num", e->s[r->service].mean, 2);
    if (r->service != M_ON_TIME_RATE) percent_cell(out, "num", e->s[M_ON_TIME_RATE].mean, 2);
    num_cell(out, "num", e->s[M_COST_TOTAL].mean, 2, "");
    fputs("<td>", out);
    if (e->nchanged) { /* cut to the column's width (cli/html.c: div.keys); the whole list in its title */
        fputs("<div class=\"keys\" title=\"", out);
        html_text(out, e->changed_shown);
        fputs("\">", out);
        short_keys(out, e->changed_shown);
        fputs("</div>", out);
    } else
        html_text(out, "—");
    fputs("</td></tr>\n", out);
}

/* The ranking on a screen narrower than its one-line rows (a projector of 800 pixels,
 * half a laptop's screen): every column stays in view, each row taller instead. An
 * interval's "± h" goes under its mean, the bar over its percentage, a heading wraps
 * between its words (a Chinese one between its words only: cli/html.c's th, keep-all), a metric's name
 * also after its '_'s (html_name's <wbr>, hidden on a wide screen, where Chromium would
 * break a nowrap cell at them), a file name only at its <wbr>s (after '/' and '_': the
 * column widens to the longest part, "student42.ini" bold in the best row). The changed
 * keys, the last column, leave the row for a line of their own under it, from the file
 * name's column to the right edge, each "key = value" whole: the table is a grid of 8
 * columns (rank to cost; without a service column of its own the 8th stays empty, of no
 * width), each row a subgrid of it, so that the columns stay aligned as a table's and
 * the headings at their foot. In a 12em column the keys broke inside their names and a
 * row was six lines tall, a screen of 800 x 720 showing a row and a half; it shows about
 * eight now. 1200 px: the widest page of one-line rows (cli/html.c's stylesheet) needs
 * about 1160. The grid is only for a browser that has subgrid (Chromium 117 and later):
 * an older one, which would drop the rows' columns and stack every cell, keeps the table
 * with its taller rows. */
static const char compare_style[] =
    "table.ranking th wbr{display:none}table.ranking .half{white-space:nowrap}\n"
    "@media (max-width:1200px){table.ranking{font-size:15px}table.ranking th,table.ranking td{padding:4px 3px}"
    "table.ranking th wbr{display:inline}"
    "table.ranking th.num{white-space:normal}table.ranking td.file{min-width:7em;"
    "overflow-wrap:normal}"
    "table.ranking .pm,table.ranking .half{display:block}table.ranking .bar{display:block;margin:5px 0 3px auto}\n"
    "@supports (grid-template-columns:subgrid){"
    "table.ranking{display:grid;grid-template-columns:repeat(8,auto);justify-content:start}"
    "table.ranking>tbody{display:contents}"
    "table.ranking tr{display:grid;grid-column:1/-1;grid-template-columns:subgrid;border-bottom:1px solid var(--rule);"
    "break-inside:avoid}"
    "table.ranking th,table.ranking td{border-bottom:none}table.ranking th{align-self:end}"
    "table.ranking tr:first-child{background:var(--band)}"
    "table.ranking tr.best{background:#e7f3ea}table.ranking tr>:last-child{grid-column:2/-1;padding-top:0}"
    "table.ranking div.keys{max-width:none}}}\n";

void debrief_compare(FILE *out, const struct debrief *d, const struct compare_result *r)
{
    html_begin_styled(out, _("servlab class comparison"), compare_style);
    fputs("<h1>", out);
    if (r->base)
        html_textf(out, _("Class comparison on %s"), file_name(r->base));
    else
        html_text(out, _("Comparison"));
    fputs("</h1>\n", out);
    if (r->base) what_it_models(out, d->described ? d->described : r->base);
    const struct compare_entry *top = &r->e[r->best];
    fputs("<p class=\"headline\">", out);
    if (r->ranked > 1)
        html_figuresf(out, _("%s earns the most: %.2f ± %.2f a day"), top->label, top->s[M_PROFIT].mean,
                      top->s[M_PROFIT].ci95);
    else /* TRANSLATORS: the only ranked file or submission: nothing to be "the most" of */
        html_figuresf(out, _("%s earns %.2f ± %.2f a day"), top->label, top->s[M_PROFIT].mean, top->s[M_PROFIT].ci95);
    fputs("<small>", out);
    if (r->submissions) /* TRANSLATORS: the number of students' submissions ranked */
        html_figuresf(
            out,
            P_("%zu submission ranked by profit, %u replications on the same random numbers (seed %llu).",
               "%zu submissions ranked by profit, %u replications each on the same random numbers (seed %llu).",
               r->ranked),
            r->ranked, r->reps, r->seed);
    else
        html_figuresf(out,
                      _("%zu files ranked by profit, %u replications each on the same random numbers (seed %llu)."),
                      r->ranked, r->reps, r->seed);
    fputs("</small></p>\n", out);

    fprintf(out, "<h2>%s</h2>\n", _("Ranking"));
    fprintf(out,
            "<div class=\"wide\"><table class=\"ranking\">\n<tr><th class=\"num\">%s</th><th>%s</th><th "
            "class=\"num\">%s <span class=\"half\">± 95%%</span></th>"
            "<th class=\"num\">%s</th><th class=\"num wrap\">%s</th><th class=\"num\">",
            /* TRANSLATORS: the column of who submitted (the class server) or of the file (compare) */
            _("rank"), r->submissions ? C_("column", "name") : _("file"), _("profit"), _("of best"),
            _("against the best (paired)"));
    /* the service in words (满足率 in Chinese, as report_metric_prose); beside the on-time
       column, an on-time service and it say which orders each counts, as the terminal's
       table does (compare_service_heads) */
    char shown[100], heads[100];
    const char *on_time;
    compare_service_heads(r, heads, sizeof heads, &on_time);
    html_name(out, r->service == M_ON_TIME_ALL_ORDERS_RATE
                       ? heads
                       : report_metric_prose(metric_defs[r->service].name, shown, sizeof shown));
    fputs("</th>", out);
    if (r->service != M_ON_TIME_RATE) fprintf(out, "<th class=\"num\">%s</th>", on_time);
    fprintf(out, "<th class=\"num\">%s</th><th>%s</th></tr>\n", _("cost"), _("keys changed"));
    for (size_t rank = 1; rank <= r->ranked; rank++)
        for (size_t i = 0; i < r->n; i++)
            if (!r->e[i].refused && r->e[i].rank == rank) compare_row(out, r, i);
    fputs("</table></div>\n", out);
    bool any = false;
    for (size_t i = 0; i < r->n; i++) {
        if (!r->e[i].refused) continue;
        if (!any) fprintf(out, "<h3>%s</h3>\n<ul>\n", _("Refused"));
        any = true;
        fputs("<li>", out);
        char where[600];
        html_textf(out, "%s: %s", compare_refused_where(&r->e[i], r->e[i].label, where, sizeof where),
                   r->e[i].reason_shown);
        fputs("</li>\n", out);
    }
    if (any) fputs("</ul>\n", out);
    any = false;
    for (size_t rank = 1; rank <= r->ranked; rank++) /* the marked files' warnings, in the table's order */
        for (size_t i = 0; i < r->n; i++) {
            const char *warned[COMPARE_WARNINGS_MAX];
            if (r->e[i].refused || r->e[i].rank != rank) continue;
            size_t nw = compare_entry_warnings(&r->e[i], warned);
            if (nw && !any) {
                fprintf(out, "<h3>%s</h3>\n<p>", _("Warnings"));
                html_text(out, _("The files marked ! in the table: read these before you trust their rank."));
                fputs("</p>\n", out);
            }
            any |= nw > 0;
            for (size_t k = 0; k < nw; k++) {
                fputs("<div class=\"warn\">", out);
                html_textf(out, "%s: %s", r->e[i].label, warned[k]);
                fputs("</div>\n", out);
            }
        }
    /* the colour explained only when a row shows it; significance only when there is a
       difference to judge (one ranked entry has none) */
    bool red = false;
    for (size_t i = 0; i < r->n; i++) red |= !r->e[i].refused && i != r->best && compare_significant(&r->e[i].vs_best);
    if (r->ranked > 1) {
        fputs("<p>", out);
        if (red) fprintf(out, "<span class=\"sig\">%s</span> ", _("Red: significantly lower than the best."));
        /* xgettext:no-c-format */
        html_figures(out, _("A difference is significant when the paired 95% interval of (profit - best profit) over "
                            "the replications excludes 0. The same random numbers usually make these intervals far "
                            "narrower than the ± of each profit alone."));
        fputs("</p>\n", out);
    }
    figures(out, d);
    footer(out, d, r->seed, r->reps);
    html_end(out);
}

/* ---- batch ---- */

/* The rows that gain most (cli/batch.h's batch_top_gains, as the terminal lists them),
 * with their paired intervals and the verdict where the gain is not material. */
static void gains_html(FILE *out, const struct batch_result *r)
{
    char keys[220];
    snprintf(keys, sizeof keys, "%s", strrchr(r->parameter, '.') ? strrchr(r->parameter, '.') + 1 : r->parameter);
    if (r->parameter2[0])
        snprintf(keys + strlen(keys), sizeof keys - strlen(keys), ", %s",
                 strrchr(r->parameter2, '.') ? strrchr(r->parameter2, '.') + 1 : r->parameter2);
    fprintf(out, "<h2>%s</h2>\n<p>", _("The rows that gain most"));
    struct note n;
    batch_gains(note_begin(&n), r); /* the terminal's list, as prose: its first line */
    fclose(n.f);
    size_t idx[BATCH_GAINS_SHOWN];
    size_t k = batch_top_gains(r, idx, BATCH_GAINS_SHOWN);
    /* xgettext:no-c-format */
    html_text(out, k ? _("Gain per day over the row as written, with its 95% interval paired over the replications "
                         "(the same random numbers as written and as recommended).")
                     : n.text);
    free(n.text);
    fputs("</p>\n", out);
    if (!k) return;
    fputs("<div class=\"wide\"><table>\n<tr><th>id</th><th class=\"num\">", out);
    html_textf(out, "%s ", _("best"));
    html_name(out, keys);
    fputs("</th><th class=\"num\">", out);
    html_name(out, _("gain/day"));
    fputs("</th><th class=\"num nb\">± 95%</th><th></th></tr>\n", out);
    for (size_t j = 0; j < k; j++) {
        const struct batch_row *row = &r->rows[idx[j]];
        fputs("<tr><td>", out);
        html_text(out, row->id);
        char v[2][40]; /* as the terminal's list writes them */
        if (r->parameter2[0])
            fprintf(out, "</td><td class=\"num\">%s, %s</td>", batch_lever_text(row, 0, v[0]),
                    batch_lever_text(row, 1, v[1]));
        else
            fprintf(out, "</td><td class=\"num\">%s</td>", batch_lever_text(row, 0, v[0]));
        num_cell(out, "num", row->best_profit - row->profit.mean, batch_gain_decimals(row), "");
        num_cell(out, "ci", row->gain_ci95, batch_gain_decimals(row), "");
        fputs("<td>", out);
        html_text(out, batch_gain_verdict(r, idx[j]));
        fputs("</td></tr>\n", out);
    }
    fputs("</table></div>\n", out);
    size_t shown = 0;
    for (size_t j = 0; j < k; j++) shown += r->rows[idx[j]].gain_material;
    if (r->material > shown) {
        fputs("<p>", out);
        html_textf(out,
                   P_("%zu more row gains materially; batch.csv beside this page has every row's gain and "
                      "interval.",
                      "%zu more rows gain materially; batch.csv beside this page has every row's gain and "
                      "interval.",
                      r->material - shown),
                   r->material - shown);
        fputs("</p>\n", out);
    }
}

/* text's lines joined into one paragraph: a line break (and the blanks that indent a
 * wrapped line's continuation, lang_print_wrapped) becomes a space after an ASCII
 * character and nothing after a Chinese one (the terminal wrapped them, a page wraps
 * by itself). Owned by the caller. */
static char *joined_lines(const char *text, size_t len)
{
    char *out = malloc(len + 1);
    if (!out) abort();
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '\n')
            out[k++] = text[i];
        else {
            if (k > 0 && i + 1 < len && (unsigned char)out[k - 1] < 0x80) out[k++] = ' ';
            while (i + 1 < len && text[i + 1] == ' ') i++;
        }
    }
    out[k] = '\0';
    return out;
}

/* The headline box: its sentence, and under it in smaller type the rest (none if ""). */
static void headline_box(FILE *out, const char *head, const char *small)
{
    fputs("<p class=\"headline\">", out);
    html_figures(out, head);
    if (*small) {
        fputs("<small>", out);
        html_figures(out, small);
        fputs("</small>", out);
    }
    fputs("</p>\n", out);
}

/* A headline from a report's words (batch_summary's): its first sentence, to the first
 * line that ends one, in bold; the rest under it in small type; each as a paragraph. */
static void prose_headline(FILE *out, const char *text)
{
    size_t first = strlen(text);
    for (const char *nl = strchr(text, '\n'); nl; nl = strchr(nl + 1, '\n')) {
        bool ascii_stop = nl > text && nl[-1] == '.';
        bool chinese_stop = nl - text >= 3 && memcmp(nl - 3, "。", 3) == 0;
        if (ascii_stop || chinese_stop) {
            first = (size_t)(nl - text) + 1;
            break;
        }
    }
    char *head = joined_lines(text, first), *rest = joined_lines(text + first, strlen(text + first));
    headline_box(out, head, rest);
    free(head), free(rest);
}

void debrief_batch(FILE *out, const struct debrief *d, const struct batch_result *r)
{
    char title[300];
    snprintf(title, sizeof title, _("servlab batch: %s"), file_name(r->table));
    html_begin(out, title);
    fputs("<h1>", out);
    html_textf(out, _("Batch: %s on %s"), file_name(r->table), file_name(r->base));
    fputs("</h1>\n", out);
    what_it_models(out, r->base);
    struct note n;
    batch_summary(note_begin(&n), r);
    fclose(n.f);
    prose_headline(out, n.text);
    free(n.text);

    const char *key = strrchr(r->parameter, '.') ? strrchr(r->parameter, '.') + 1 : r->parameter;
    fprintf(out, "<h2>%s</h2>\n<p>", _("The rows"));
    html_textf(out, _("Each row's inputs (%zu columns) are in batch.csv beside this page."), r->ncols);
    /* ten or eleven columns when swept: on a narrow screen in smaller type (cli/html.c's table.many) */
    fprintf(out, "</p>\n<div class=\"wide\"><table%s>\n<tr><th>id</th><th class=\"num\">",
            r->swept ? " class=\"many\"" : "");
    char shown[100]; /* 满足率 in Chinese (report_metric_prose) */
    report_metric_prose(r->service, shown, sizeof shown);
    html_name(out, shown); /* names wrap after their '_'s on a narrow screen (cli/html.c's th wbr) */
    fprintf(out, "</th><th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num nb\">± 95%%</th>", _("cost"),
            _("profit"));
    if (r->swept) {
        fputs("<th class=\"num\">", out);
        html_textf(out, "%s ", _("best"));
        html_name(out, key);
        if (r->parameter2[0]) {
            fputs("</th><th class=\"num\">", out);
            html_textf(out, "%s ", _("best"));
            html_name(out, strrchr(r->parameter2, '.') ? strrchr(r->parameter2, '.') + 1 : r->parameter2);
        }
        fputs("</th><th class=\"num\">", out);
        html_name(out, shown);
        fprintf(out, "</th><th class=\"num\">%s</th><th class=\"num\">", _("profit"));
        html_name(out, _("gain/day"));
        fputs("</th><th class=\"num nb\">± 95%</th>", out);
    }
    fputs("</tr>\n", out);
    for (size_t i = 0; i < r->n; i++) {
        const struct batch_row *row = &r->rows[i];
        fputs("<tr><td>", out);
        html_text(out, row->id);
        fputs("</td>", out);
        percent_cell(out, "num", row->service.mean, 2);
        num_cell(out, "num", row->cost.mean, 2, "");
        num_cell(out, "num", row->profit.mean, 2, "");
        num_cell(out, "ci", row->profit.ci95, 2, "");
        if (r->swept) {
            char v[2][40]; /* as the terminal's table writes them */
            if (r->parameter2[0])
                fprintf(out, "<td class=\"num\">%s%s</td><td class=\"num\">%s%s</td>", batch_lever_text(row, 0, v[0]),
                        row->at_edge[0] ? " &lt;" : "", batch_lever_text(row, 1, v[1]), row->at_edge[1] ? " &lt;" : "");
            else
                fprintf(out, "<td class=\"num\">%s%s</td>", batch_lever_text(row, 0, v[0]),
                        row->at_edge[0] ? " &lt;" : "");
            percent_cell(out, "num", row->best_service, 2);
            num_cell(out, "num", row->best_profit, 2, "");
            num_cell(out, "num", row->best_profit - row->profit.mean, batch_gain_decimals(row), "");
            num_cell(out, "ci", row->gain_ci95, batch_gain_decimals(row), "");
        }
        fputs("</tr>\n", out);
    }
    fputs("</table></div>\n", out);
    if (r->swept) gains_html(out, r);
    figures(out, d);
    if (r->nwarnings) { /* what batch said on stderr, each once with its rows (cli/batch.c) */
        fprintf(out, "<h2>%s</h2>\n", _("Warnings"));
        for (size_t i = 0; i < r->nwarnings; i++) warning_div(out, r->warnings[i]);
    }
    footer(out, d, r->seed, r->reps);
    html_end(out);
}

/* ---- sweep with two levers ---- */

/* One grid table: rows the first lever, columns the second; the best cell bold on
 * green and marked * (the notes below the tables name it so), the cells not
 * significantly lower on pale green (inline: the stylesheet is shared by every page). */
static void grid_html_table(FILE *out, const struct sweep_result *r, int metric, bool share, const char *suffix)
{
    const struct sweep_config *sw = &r->base.sweep;
    /* eight columns of figures or more: on a narrow screen in smaller type (cli/html.c's table.many) */
    fprintf(out, "<div class=\"wide\"><table%s>\n<tr><th>", r->n2 >= 8 ? " class=\"many\"" : "");
    html_name(out, strrchr(sw->parameter, '.') + 1); /* wrapped after '_' on a narrow screen (cli/html.c) */
    fputs(" \\ ", out);
    html_name(out, strrchr(sw->parameter2, '.') + 1);
    fputs("</th>", out);
    int d1 = sweep_lever_digits(r, 0), d2 = sweep_lever_digits(r, 1); /* as the text table (cli/grid.c) */
    char lever[40];
    for (size_t j = 0; j < r->n2; j++) fprintf(out, "<th class=\"num\">%s</th>", sweep_lever_text(r->x2[j], d2, lever));
    fputs("</tr>\n", out);
    for (size_t a = 0; a < r->n1; a++) {
        fprintf(out, "<tr><th class=\"num\">%s</th>", sweep_lever_text(r->x[a * r->n2], d1, lever));
        for (size_t b = 0; b < r->n2; b++) {
            size_t i = a * r->n2 + b;
            double x = sweep_at(r, i, metric).mean;
            const char *style = i == r->grid.best ? " style=\"background:#9fd4ae;font-weight:bold\""
                                : r->near[i]      ? " style=\"background:#e7f3ea\""
                                                  : "";
            char v[40];
            fprintf(out, "<td class=\"num\"%s>%s", style, i == r->grid.best ? "* " : ""); /* the notes' mark */
            if (!isfinite(x))
                html_text(out, _("n/a"));
            else if (share) /* as the text table writes it (cli/grid.c) */
                html_text(out, report_percent(x, 3, v, sizeof v));
            else
                fputs(num_fixed(x, 2, v, sizeof v), out);
            fprintf(out, "%s</td>", isfinite(x) ? suffix : "");
        }
        fputs("</tr>\n", out);
    }
    fputs("</table></div>\n", out);
}

void debrief_grid(FILE *out, const struct debrief *d, const struct sweep_result *r)
{
    const struct scenario *b = &r->base;
    const struct sweep_config *sw = &b->sweep;
    const char *service = _(metric_defs[r->service].label);
    char title[300];
    snprintf(title, sizeof title, _("servlab profit surface: %s"), file_name(b->path));
    html_begin(out, title);
    fputs("<h1>", out);
    html_textf(out, _("Two levers: %s"), file_name(b->path));
    fputs("</h1>\n", out);
    what_it_models(out, b->path);
    const struct surface_optimum *o = &r->grid;
    struct summary best = sweep_at(r, o->best, M_PROFIT);
    fputs("<p class=\"headline\">", out);
    char profit[80];
    mean_and_interval(&best, profit, sizeof profit);
    /* TRANSLATORS: e.g. Profit peaks at inventory.reorder_point = 600, inventory.order_quantity = 1200: fill rate
       99.63%, profit 1178.68 ± 9.06 a day (the level has its '%', or is "n/a" where the service has no data) */
    char sv[40];
    char at1[40], at2[40]; /* as the tables write the levers (cli/grid.h) */
    html_figuresf(out, _("Profit peaks at %s = %s, %s = %s: %s %s, profit %s a day"), sw->parameter,
                  sweep_lever_text(r->x[o->best], sweep_lever_digits(r, 0), at1), sw->parameter2,
                  sweep_lever_text(r->x2[o->best], sweep_lever_digits(r, 1), at2), service,
                  report_percent_or(r->service_level[o->best], 2, _("n/a"), sv, sizeof sv), profit);
    fputs("<small>", out);
    html_textf(out, _("A grid of %zu x %zu points, %u replications each on the same random numbers."), r->n1, r->n2,
               r->reps);
    fputs("</small></p>\n", out);
    settings_section(out, b);
    fprintf(out, "<h2>%s</h2>\n<p>", _("Profit per day"));
    html_textf(out, _("Rows: %s; columns: %s. Bold: the highest; shaded: not significantly lower (paired 95%%)."),
               sw->parameter, sw->parameter2);
    fputs("</p>\n", out);
    grid_html_table(out, r, M_PROFIT, false, "");
    fputs("<h2>", out);
    html_textf(out, "%s (%%)", service); /* the cells without " %": the table then fits the page */
    fputs("</h2>\n", out);
    grid_html_table(out, r, r->service, true, "");
    struct note n;
    grid_notes(note_begin(&n), r);
    note_end(out, &n);
    figures(out, d);
    warnings(out, b->warnings, b->nwarnings, r->point_warnings, r->npoint_warnings);
    footer(out, d, (unsigned long long)b->cfg.run.seed, r->reps);
    html_end(out);
}

/* ---- ipa and optimise: the terminal's table as the page ---- */

void debrief_ipa(FILE *out, const struct debrief *d, const struct ipa_result *r)
{
    char title[300];
    snprintf(title, sizeof title, _("servlab ipa: %s"), file_name(r->base.path));
    html_begin(out, title);
    fputs("<h1>", out);
    html_textf(out, _("Importance-performance matrix: %s"), file_name(r->base.path));
    fputs("</h1>\n", out);
    what_it_models(out, r->base.path);
    char head[600], small[1600];
    ipa_headline(r, head, sizeof head, small, sizeof small);
    headline_box(out, head, small);
    /* the result first, the matrix under it, then the settings that made them */
    fprintf(out, "<h2>%s</h2>\n", _("The elements"));
    struct note table;
    ipa_table(note_begin(&table), r); /* the terminal's table and notes, as they are printed */
    note_end(out, &table);
    figures(out, d);
    settings_section(out, &r->base);
    footer(out, d, r->base.cfg.run.seed, r->reps);
    html_end(out);
}

void debrief_optimise(FILE *out, const struct debrief *d, const struct optimise_result *r)
{
    char title[300];
    snprintf(title, sizeof title, _("servlab optimise: %s"), file_name(r->base.path));
    html_begin(out, title);
    fputs("<h1>", out);
    html_textf(out, _("The best settings: %s"), file_name(r->base.path));
    fputs("</h1>\n", out);
    what_it_models(out, r->base.path);
    char head[600], small[400];
    optimise_headline(r, head, sizeof head, small, sizeof small);
    headline_box(out, head, small);
    /* the result, the search's chart, the search as the terminal prints it, then the
       settings (those optimise reads: no [sweep] keys) */
    figures(out, d);
    fprintf(out, "<h2>%s</h2>\n", _("The search and its choice"));
    struct note table;
    optimise_table(note_begin(&table), r); /* the terminal's table and notes, as they are printed */
    note_end(out, &table);
    settings_listed(out, &r->base, true, r);
    footer(out, d, r->base.cfg.run.seed, r->reps);
    html_end(out);
}
