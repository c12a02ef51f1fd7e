/* test_chart.c - plots/chart.h: the inline SVG for an HTML page (one <svg> element with
 * a viewBox, text as UTF-8 <text>, nothing that is not HTML, nothing written on failure),
 * point labels (each drawn once, coinciding points in one label) and the placement rule
 * of point labels, tested as the pure functions it is (no two labels overlap, none on
 * another point's marker; a crowd in a band laid out in a staircase, its leaders short,
 * straight down and crossing neither a label nor each other), legends (their text inside their box, the box where it
 * hides no data), a surface's contour labels (on their line, inside the frame, clear of marked points), the flow
 * diagram's layout (columns, rows, a long name making the text smaller), quadrant names broken into lines rather
 * than shrunk in the SVG, and a long subtitle on two lines rather than shrunk below 17 units. */
#include "check.h"
#include "plots/chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many times needle occurs in hay. */
static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

/* c as inline SVG, in a new string (NULL on failure, with err filled). */
static char *svg_of(const struct chart *c, char *err, size_t errlen, size_t *written)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int rc = chart_write_svg_text(f, c, err, errlen);
    fclose(f);
    *written = len;
    if (rc != 0) return free(buf), NULL;
    return buf;
}

static double X[60], Y[60];

static struct chart line_chart(const char *title, const char *xlabel, const char *legend)
{
    for (size_t i = 0; i < 10; i++) X[i] = (double)i, Y[i] = 10 * sqrt((double)i);
    struct chart c = {.title = title, .subtitle = "default.ini, seed 1", .xlabel = xlabel, .npanels = 1};
    c.panels[0] = (struct chart_panel){.ylabel = "fill rate (%)", .y_from_zero = true};
    c.panels[0].series[0] = (struct chart_series){legend, X, Y, NULL, 10, COLOUR_BLUE, STYLE_LINE, false};
    c.panels[0].nseries = 1;
    c.panels[0].marks[0] = (struct chart_mark){4, Y[4], "best 4", COLOUR_BLACK, 0};
    c.panels[0].nmarks = 1;
    return c;
}

static void inline_svg(void)
{
    char err[300] = "";
    size_t len;
    struct chart c = line_chart("Service curve QXZ", "order-cycle time (days)", "a <b> & c");
    char *s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-1.0 the SVG is drawn (%s)", err)) return;
    check(strncmp(s, "<svg ", 5) == 0, "chart-1.1 it begins with <svg (got '%.20s')", s);
    check(len > 7 && strcmp(s + len - 7, "</svg>\n") == 0, "chart-1.2 it ends with </svg>");
    check(count(s, "<svg") == 1 && count(s, "</svg>") == 1, "chart-1.3 one <svg> element, not nested");
    check(strstr(s, "viewBox=\"0 0 1280 860\"") && strstr(s, "width=\"100%\""),
          "chart-1.4 a viewBox of the PNG's size, and width 100%% to scale to its container");
    check(!strstr(s, "<?xml") && !strstr(s, "<!DOCTYPE") && !strstr(s, "<!--"),
          "chart-1.5 no XML declaration, DOCTYPE or comment");
    check(count(s, "<text") >= 10, "chart-1.6 the text is <text> elements (%zu)", count(s, "<text"));
    check(strstr(s, ">Service curve QXZ</tspan></text>") != NULL, "chart-1.7 the title is a <text> element's text");
    check(strstr(s, "<title>Service curve QXZ</title>") != NULL, "chart-1.8 and the element's <title>");
    check(strstr(s, ">a &#x3c;b&#x3e; &#x26; c</tspan>") != NULL && !strstr(s, "<b>"),
          "chart-1.9 < > & in a label stay escaped");
    check(!strstr(s, "font-family=\"sans-serif\"") && strstr(s, "'WenQuanYi Micro Hei'") != NULL,
          "chart-1.10 the fonts fall back to a CJK font (PLplot's bare sans-serif is gone)");
    size_t refs = count(s, "&#x"), escapes = count(s, "&#x3c;") + count(s, "&#x3e;") + count(s, "&#x26;");
    check(refs == escapes && escapes == 3, "chart-1.11 only < > & are numeric references (%zu of %zu)", escapes, refs);

    struct chart zh = line_chart("服务曲线", "订单周期时间（天）", "张伟.ini");
    char *z = svg_of(&zh, err, sizeof err, &len);
    if (check(z != NULL, "chart-2.0 the Chinese SVG is drawn (%s)", err)) {
        check(strstr(z, ">订单周期时间（天）</tspan>") != NULL,
              "chart-2.1 Chinese text is in a <text> element as UTF-8");
        check(strstr(z, ">张伟.ini</tspan>") && strstr(z, ">服务曲线</tspan>"),
              "chart-2.2 ... the legend's and title's too");
        check(!strstr(z, "&#x8ba2;") && !strstr(z, "&#x"), "chart-2.3 no Chinese character is a numeric reference");
        /* ids: two charts on one page must not share one */
        const char *id = strstr(s, " id=\"");
        char first[64] = "";
        if (id) sscanf(id + 5, "%63[^\"]", first);
        check(first[0] && strstr(z, first) == NULL, "chart-2.4 ids differ between two charts ('%s')", first);
        check(count(s, "url(#") > 0 && count(s, "url(#chart") == count(s, "url(#"), "chart-2.5 references use the ids");
    }
    free(z);
    free(s);

    /* failure: nothing written, a message */
    const char *old = getenv("TMPDIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TMPDIR", "/nonexistent/servlab-test", 1);
    err[0] = '\0';
    char *f = svg_of(&c, err, sizeof err, &len);
    check(f == NULL && len == 0 && err[0],
          "chart-3.1 a temporary file that cannot be made: -1, a message, nothing "
          "written (%zu bytes; '%s')",
          len, err);
    free(f);
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    free(saved);
}

static char names[60][16];
static const char *labels[60];

static void labelled_points(void)
{
    char err[300] = "";
    size_t len;
    struct chart c = line_chart("Class", "safety factor", "students");
    struct chart_panel *p = &c.panels[0];
    static double sx[12], sy[12];
    for (size_t i = 0; i < 12; i++) {
        sx[i] = 1 + 0.6 * (double)(i % 6), sy[i] = 5 + 3 * (double)(i / 6);
        snprintf(names[i], sizeof names[i], "Lb%cq", (char)('A' + i));
        labels[i] = names[i];
    }
    sx[7] = sx[3], sy[7] = sy[3]; /* 4 and 8 coincide: one label "LbDq, LbHq" */
    sx[9] = sx[3], sy[9] = sy[3]; /* and 10 */
    sx[11] = 1.02, sy[11] = 5.05; /* near 1, not on it: a label of its own */
    labels[5] = NULL;
    p->series[1] = (struct chart_series){"points", sx, sy, NULL, 12, COLOUR_VERMILLION, STYLE_DOTS, false};
    p->nseries = 2;
    p->point_labels[1] = labels;
    char *s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-4.0 the labelled chart is drawn (%s)", err)) return;
    for (size_t i = 0; i < 12; i++) {
        if (i == 5) continue;
        check(count(s, names[i]) == 1, "chart-4.1 label %s is drawn once (%zu)", names[i], count(s, names[i]));
    }
    check(count(s, names[5]) == 0, "chart-4.2 a NULL label draws nothing");
    check(strstr(s, ">LbDq, LbHq, LbJq</tspan>") != NULL, "chart-4.3 coinciding points share one label, in order");
    check(strstr(s, ">LbAq</tspan>") && strstr(s, ">LbLq</tspan>"), "chart-4.4 near but not coinciding: two labels");
    free(s);

    /* PNG: drawn, and the labels change it; without labels it is the chart as before */
    char a[] = "/tmp/servlab-test-chart-XXXXXX";
    if (!check(mkdtemp(a) != NULL, "chart-4.5 a temporary directory")) return;
    char with[200], without[200], nulls[200];
    snprintf(with, sizeof with, "%s/with.png", a);
    snprintf(without, sizeof without, "%s/without.png", a);
    snprintf(nulls, sizeof nulls, "%s/nulls.png", a);
    int r1 = chart_write(with, &c, err, sizeof err);
    static const char *none[12];
    p->point_labels[1] = none;
    int r2 = chart_write(nulls, &c, err, sizeof err);
    p->point_labels[1] = NULL;
    int r3 = chart_write(without, &c, err, sizeof err);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "cmp -s %s %s", with, without);
    int differ = system(cmd) != 0;
    snprintf(cmd, sizeof cmd, "cmp -s %s %s", nulls, without);
    int same = system(cmd) == 0;
    check(r1 == 0 && r2 == 0 && r3 == 0 && differ, "chart-4.6 the PNG with labels is drawn and differs from without");
    check(same, "chart-4.7 all-NULL labels draw the PNG byte for byte as no labels");
    remove(with), remove(without), remove(nulls), remove(a);
}

/* Do two placed labels overlap? */
static bool overlap(const struct chart_label *a, const struct chart_label *b)
{
    return fabs(a->x - b->x) < (a->w + b->w) / 2 && fabs(a->y - b->y) < (a->h + b->h) / 2;
}

/* A deterministic stream of numbers in [0, 1). */
static double lcg(unsigned long *state)
{
    *state = (*state * 6364136223846793005UL + 1442695040888963407UL) & 0xFFFFFFFFFFFFFFFFUL;
    return (double)(*state >> 11) / 9007199254740992.0;
}

/* Place n labels around points (x, y) spread by spread mm; count overlapping pairs and
 * labels outside the area. */
static void place(size_t n, double cx, double cy, double spread, const struct chart_label_area *area, size_t *overlaps,
                  size_t *outside, size_t *leaders, struct chart_label *l)
{
    unsigned long st = 42;
    for (size_t i = 0; i < n; i++) {
        l[i] = (struct chart_label){
            .px = cx + spread * lcg(&st), .py = cy + spread * lcg(&st), .w = 4 + 8 * lcg(&st), .h = 4};
        if (i % 10 == 0) l[i].px = cx, l[i].py = cy; /* some coincide exactly */
    }
    chart_label_place(l, n, area);
    *overlaps = *outside = *leaders = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) *overlaps += overlap(&l[i], &l[j]);
        *outside += l[i].x - l[i].w / 2 < area->x0 || l[i].x + l[i].w / 2 > area->x1 ||
                    l[i].y - l[i].h / 2 < area->y0 || l[i].y + l[i].h / 2 > area->y1;
        *leaders += l[i].leader;
    }
}

/* Does the segment (ax, ay)-(bx, by) cross the inside of box b (shrunk by a hair, so a
 * leader along its edge does not count)? Sampled finely: a test, not the placer's own
 * clipping. */
static bool crosses(double ax, double ay, double bx, double by, const struct chart_box *b)
{
    for (int k = 0; k <= 1000; k++) {
        double t = k / 1000.0, x = ax + t * (bx - ax), y = ay + t * (by - ay);
        if (fabs(x - b->x) < b->w / 2 - 1e-6 && fabs(y - b->y) < b->h / 2 - 1e-6) return true;
    }
    return false;
}

/* A crowd of n labels at one x (a batch chart's items sharing a margin): how many places
 * the placer weighed (chart_label_area's tries), and overlapping pairs. */
static size_t crowd_tries(size_t n, size_t *overlaps)
{
    size_t tries = 0;
    struct chart_label_area area = {.x0 = 5, .x1 = 375, .y0 = 4, .y1 = 228, .gap = 4, .marker = 4.5, .tries = &tries};
    struct chart_label *l = calloc(n, sizeof *l);
    if (!l) abort();
    unsigned long st = 3;
    for (size_t i = 0; i < n; i++)
        l[i] = (struct chart_label){.px = 200, .py = 20 + 200 * lcg(&st), .w = 30 + 20 * lcg(&st), .h = 6.8};
    chart_label_place(l, n, &area);
    *overlaps = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) *overlaps += overlap(&l[i], &l[j]);
    free(l);
    return tries;
}

/* Rules 2 to 4 on a crowd at one x weigh a bounded number of places: 40 labels weighed
 * 28 million (2 to 15 s) when every order was placed 3 times a label, 200 would take
 * hours. Counted, not timed (make bench times the charts). */
static void crowd_at_one_x(void)
{
    size_t o40, o200, t40 = crowd_tries(40, &o40), t200 = crowd_tries(200, &o200);
    check(t40 <= 1500000 && t200 <= 3000000,
          "chart-5.21 labels crowded at one x: 40 weigh %zu places (at most 1.5 million), 200 weigh %zu (at most 3 "
          "million)",
          t40, t200);
    check(o40 == 0 && o200 == 0, "chart-5.22 ... and no two of them overlap (%zu and %zu pairs)", o40, o200);
}

/* Three items of three classes at one point (a batch chart): each colour's dot drawn
 * smaller than the one under it, so all three show (a bullseye); a dot alone, and two
 * of one colour at one place, at the full size. */
static void nested_dots(void)
{
    static double x0[2] = {50, 40}, y0[2] = {100, 99}, x1[1] = {50}, y1[1] = {100}, x2[2] = {50, 50},
                  y2[2] = {100, 100};
    struct chart c = {.title = "nested", .subtitle = "dots", .xlabel = "margin (%)", .npanels = 1, .x_min_span = 10};
    c.panels[0] = (struct chart_panel){.ylabel = "service (%)", .y_min_span = 1};
    c.panels[0].series[0] = (struct chart_series){"steady", x0, y0, NULL, 2, COLOUR_BLUE, STYLE_DOTS, false};
    c.panels[0].series[1] = (struct chart_series){"middle", x1, y1, NULL, 1, COLOUR_ORANGE, STYLE_DOTS, false};
    c.panels[0].series[2] = (struct chart_series){"erratic", x2, y2, NULL, 2, COLOUR_VERMILLION, STYLE_DOTS, false};
    c.panels[0].nseries = 3;
    char err[300] = "";
    size_t len;
    char *s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-4.8 the nested dots are drawn (%s)", err)) return;
    /* the dots' font sizes, in drawing order (the legend's come after, larger) */
    double size[8];
    size_t n = 0;
    for (const char *p = s; n < 8 && (p = strstr(p, "<text ")); p++) {
        const char *end = strchr(p, '\n'), *dot = strstr(p, ">\u25cf<"), *fs = strstr(p, "font-size=\"");
        if (dot && fs && end && dot < end && fs < end) size[n++] = atof(fs + 11);
    }
    /* blue at 50 and at 40 (full), orange at 50 (smaller), two vermillion at 50 (smaller still) */
    check(n >= 5 && size[0] == size[1] && size[2] < size[0] && size[3] < size[2] && size[4] == size[3],
          "chart-4.8b three colours at one point: each dot smaller than the one under it (%zu dots: %g %g %g %g %g)", n,
          n > 0 ? size[0] : 0, n > 1 ? size[1] : 0, n > 2 ? size[2] : 0, n > 3 ? size[3] : 0, n > 4 ? size[4] : 0);
    free(s);
}

/* Labels of a crowd of points just above the legend, with little room above it: the ones
 * away from their points go beside or above, their leaders never through the legend. */
static void leaders_off_legend(void)
{
    struct chart_box legend = {150, 170, 100, 40}; /* x 100 to 200, y 150 to 190 */
    struct chart_label_area area = {.x1 = 300, .y1 = 200, .gap = 2, .marker = 6, .blocked = &legend, .nblocked = 1};
    struct chart_label l[30];
    unsigned long st = 7;
    for (size_t i = 0; i < 30; i++)
        l[i] = (struct chart_label){.px = 140 + 20 * lcg(&st), .py = 194, .w = 8 + 8 * lcg(&st), .h = 4};
    chart_label_place(l, 30, &area);
    size_t through = 0, leaders = 0;
    for (size_t i = 0; i < 30; i++) {
        if (!l[i].leader) continue;
        leaders++;
        double ex = fmax(l[i].x - l[i].w / 2, fmin(l[i].px, l[i].x + l[i].w / 2));
        double ey = fmax(l[i].y - l[i].h / 2, fmin(l[i].py, l[i].y + l[i].h / 2));
        through += crosses(l[i].px, l[i].py, ex, ey, &legend);
    }
    check(leaders > 5 && through == 0,
          "chart-5.14 30 labels crowded above the legend: %zu have leaders, none runs through the legend (%zu do)",
          leaders, through);
}

/* What a reader sees of n placed labels: pairs that overlap, leaders through another
 * label's text, pairs of leaders that cross, the longest leader and the longest stretch a
 * leader runs across (along x), all measured here, not by the placer. */
struct label_geometry {
    size_t overlaps, through, across, leaders;
    double longest, sideways;
};

static struct label_geometry label_geometry(const struct chart_label *l, size_t n)
{
    struct label_geometry g = {0, 0, 0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) g.overlaps += overlap(&l[i], &l[j]);
        if (!l[i].leader) continue;
        g.leaders++;
        double ex = fmax(l[i].x - l[i].w / 2, fmin(l[i].px, l[i].x + l[i].w / 2));
        double ey = fmax(l[i].y - l[i].h / 2, fmin(l[i].py, l[i].y + l[i].h / 2));
        g.longest = fmax(g.longest, hypot(ex - l[i].px, ey - l[i].py));
        g.sideways = fmax(g.sideways, fabs(ex - l[i].px));
        for (size_t j = 0; j < n; j++) {
            struct chart_box box = {l[j].x, l[j].y, l[j].w, l[j].h};
            if (j != i) g.through += crosses(l[i].px, l[i].py, ex, ey, &box);
            if (j <= i || !l[j].leader) continue;
            double fx = fmax(l[j].x - l[j].w / 2, fmin(l[j].px, l[j].x + l[j].w / 2));
            double fy = fmax(l[j].y - l[j].h / 2, fmin(l[j].py, l[j].y + l[j].h / 2));
            /* each leader's ends on either side of the other's line */
            double d1 = (ex - l[i].px) * (l[j].py - l[i].py) - (ey - l[i].py) * (l[j].px - l[i].px);
            double d2 = (ex - l[i].px) * (fy - l[i].py) - (ey - l[i].py) * (fx - l[i].px);
            double d3 = (fx - l[j].px) * (l[i].py - l[j].py) - (fy - l[j].py) * (l[i].px - l[j].px);
            double d4 = (fx - l[j].px) * (ey - l[j].py) - (fy - l[j].py) * (ex - l[j].px);
            g.across += d1 * d2 < 0 && d3 * d4 < 0;
        }
    }
    return g;
}

/* The labels of a batch chart's ten best items, crowded in a band under the 100% line
 * among forty dots without a label (as scenarios/planner/items.csv's batch_service.png
 * drew them): no leader runs through another label's text, so each label reads as its
 * own marker's. */
static void leaders_off_labels(void)
{
    static const double pt[10][3] = {
        {354.6, 211.6, 42.4}, {330.9, 198.2, 45.7}, {332.4, 204.9, 39.1}, {283.0, 222.8, 39.1}, {272.9, 204.3, 48.9},
        {357.4, 223.8, 42.4}, {288.9, 213.1, 45.7}, {337.8, 209.3, 39.1}, {304.4, 204.8, 45.7}, {297.5, 223.2, 39.1}};
    double ox[40], oy[40];
    unsigned long st = 11;
    for (size_t i = 0; i < 40; i++) ox[i] = 60 + 310 * lcg(&st), oy[i] = 205 + 22 * lcg(&st);
    struct chart_label_area area = {
        .x0 = 5, .x1 = 375, .y0 = 4, .y1 = 228, .gap = 4, .marker = 4.5, .other_x = ox, .other_y = oy, .nothers = 40};
    struct chart_label l[10];
    for (size_t i = 0; i < 10; i++)
        l[i] = (struct chart_label){.px = pt[i][0], .py = pt[i][1], .w = pt[i][2], .h = 6.8};
    chart_label_place(l, 10, &area);
    struct label_geometry g = label_geometry(l, 10);
    check(g.overlaps == 0 && g.leaders > 3 && g.through == 0,
          "chart-5.15 ten labels crowded in a band among dots: %zu have leaders, none runs through another label "
          "(%zu do), none overlap (%zu pairs)",
          g.leaders, g.through, g.overlaps);
    /* rule 5: laid out together in a staircase under the band, each leader straight down
       from its point, none across another; before, one ran 36 label heights along the band */
    check(g.across == 0, "chart-5.16 ... no two leaders cross (%zu pairs do)", g.across);
    check(g.sideways <= 2 * 6.8 && g.longest <= 20 * 6.8,
          "chart-5.17 ... no leader runs across the band (longest stretch along x %.1f mm, at most 2 label heights) "
          "nor far (longest %.1f mm, at most 20 label heights)",
          g.sideways, g.longest);
}

/* Thirty crowds of 6 to 14 labels in a band under the top of the frame, among forty dots
 * without a label (batch charts of other catalogues): each reads as its own point's (rule
 * 5's staircase where the labels crowd). Before it, 18 of the 30 had leaders that crossed,
 * and leaders ran up to 39 label heights along the band. */
static void crowded_bands(void)
{
    size_t overlaps = 0, outside = 0, through = 0, across = 0, crowds = 0;
    double sideways = 0, longest = 0;
    for (unsigned long seed = 1; seed <= 30; seed++) {
        unsigned long st = seed;
        double ox[40], oy[40];
        for (size_t i = 0; i < 40; i++) ox[i] = 60 + 310 * lcg(&st), oy[i] = 205 + 22 * lcg(&st);
        struct chart_label_area area = {.x0 = 5,
                                        .x1 = 375,
                                        .y0 = 4,
                                        .y1 = 228,
                                        .gap = 4,
                                        .marker = 4.5,
                                        .other_x = ox,
                                        .other_y = oy,
                                        .nothers = 40};
        size_t n = 6 + (size_t)(9 * lcg(&st));
        struct chart_label l[14];
        for (size_t i = 0; i < n; i++)
            l[i] = (struct chart_label){
                .px = 200 + 170 * lcg(&st), .py = 200 + 26 * lcg(&st), .w = 30 + 20 * lcg(&st), .h = 6.8};
        chart_label_place(l, n, &area);
        struct label_geometry g = label_geometry(l, n);
        for (size_t i = 0; i < n; i++)
            outside += l[i].x - l[i].w / 2 < area.x0 || l[i].x + l[i].w / 2 > area.x1 ||
                       l[i].y - l[i].h / 2 < area.y0 || l[i].y + l[i].h / 2 > area.y1;
        overlaps += g.overlaps, through += g.through, across += g.across, crowds += g.leaders > 3;
        sideways = fmax(sideways, g.sideways), longest = fmax(longest, g.longest);
    }
    check(crowds > 20 && overlaps == 0 && outside == 0 && through == 0,
          "chart-5.18 30 crowded bands (%zu with more than 3 leaders): no two labels overlap (%zu pairs), none "
          "outside the area (%zu), no leader through another label (%zu)",
          crowds, overlaps, outside, through);
    check(across == 0, "chart-5.19 ... no two leaders cross (%zu pairs do)", across);
    check(sideways <= 2 * 6.8 && longest <= 25 * 6.8,
          "chart-5.20 ... no leader runs more than 2 label heights along x (%.1f mm) or 25 in all (%.1f mm)", sideways,
          longest);
}

static void placement(void)
{
    struct chart_label one = {.px = 50, .py = 50, .w = 10, .h = 4};
    struct chart_label_area area = {.x1 = 300, .y1 = 200, .gap = 2, .marker = 6};
    chart_label_place(&one, 1, &area);
    check(fabs(one.x - (50 + 3 + 2 + 5)) < 1e-9 && one.y == 50 && !one.leader,
          "chart-5.1 a lone label sits right of its marker, no leader (x %.2f)", one.x);
    struct chart_label edge = {.px = 298, .py = 50, .w = 10, .h = 4};
    chart_label_place(&edge, 1, &area);
    check(edge.x + edge.w / 2 <= 298 - 3 && !edge.leader, "chart-5.2 at the right edge it goes left (x %.2f)", edge.x);

    struct chart_label l[60];
    size_t overlaps, outside, leaders;
    place(60, 150, 100, 10, &area, &overlaps, &outside, &leaders, l);
    check(overlaps == 0, "chart-5.3 60 labels of points within 10 mm: no two overlap (%zu pairs do)", overlaps);
    check(outside == 0, "chart-5.4 ... all inside the area (%zu outside)", outside);
    check(leaders > 0 && leaders < 60, "chart-5.5 ... those that cannot touch their point have a leader (%zu)",
          leaders);
    place(60, 150, 100, 0, &area, &overlaps, &outside, &leaders, l);
    check(overlaps == 0 && outside == 0, "chart-5.6 60 labels of one point: no overlap (%zu), inside (%zu out)",
          overlaps, outside);
    struct chart_label_area tiny = {.x1 = 30, .y1 = 20, .gap = 1, .marker = 3};
    place(60, 10, 10, 5, &tiny, &overlaps, &outside, &leaders, l);
    check(overlaps == 0, "chart-5.7 60 labels in an area with room for a few: still no overlap (%zu pairs)", overlaps);
    check(outside > 0, "chart-5.8 ... the ones with no room are stacked outside it (%zu)", outside);

    /* an unlabelled point's marker right of the point: the label goes to the left */
    double dot_x = 60, dot_y = 50;
    struct chart_label_area dotted = area;
    dotted.other_x = &dot_x, dotted.other_y = &dot_y, dotted.nothers = 1;
    struct chart_label beside = {.px = 50, .py = 50, .w = 10, .h = 4};
    chart_label_place(&beside, 1, &dotted);
    check(beside.x + beside.w / 2 <= 50 - 3 && !beside.leader,
          "chart-5.10 a label keeps off the marker of a point without a label: it goes left (x %.2f)", beside.x);

    /* a blocked box (the legend) right of the point: never under it, whatever is free */
    struct chart_box legend = {70, 50, 30, 20};
    struct chart_label_area boxed = area;
    boxed.blocked = &legend, boxed.nblocked = 1;
    struct chart_label under = {.px = 50, .py = 50, .w = 10, .h = 4};
    chart_label_place(&under, 1, &boxed);
    check(under.x + under.w / 2 <= legend.x - legend.w / 2 || under.y - under.h / 2 >= legend.y + legend.h / 2 ||
              under.y + under.h / 2 <= legend.y - legend.h / 2,
          "chart-5.11 a label keeps off a blocked box, the legend (at %.1f, %.1f)", under.x, under.y);
    /* a line leaving the point to the right, level with it: the label goes where no line
       crosses it (left, touching its marker) */
    double seg_x[2] = {50, 150}, seg_y[2] = {50, 51};
    struct chart_label_area lined = area;
    lined.seg_x = seg_x, lined.seg_y = seg_y, lined.nsegments = 1;
    struct chart_label on_line = {.px = 50, .py = 50, .w = 10, .h = 4};
    chart_label_place(&on_line, 1, &lined);
    check(on_line.x + on_line.w / 2 <= 50 - 3 && fabs(on_line.y - 50) < 1e-9 && !on_line.leader,
          "chart-5.12 a label keeps off a line through the place right of its point: it goes left (x %.2f)", on_line.x);
    /* lines every way but up-left, within reach: the label goes up there, with a leader */
    double fan_x[6] = {50, 150, 50, 50, 50, 0}, fan_y[6] = {50, 50, 50, 0, 50, 50};
    lined.seg_x = fan_x, lined.seg_y = fan_y, lined.nsegments = 3;
    struct chart_label fan = {.px = 50, .py = 50, .w = 10, .h = 4};
    chart_label_place(&fan, 1, &lined);
    bool crossed = false;
    for (size_t k = 0; k < 3; k++)
        crossed |= fan_y[2 * k + 1] == 50 ? fabs(fan.y - 50) < fan.h / 2
                                          : fabs(fan.x - 50) < fan.w / 2 && fan.y - fan.h / 2 < 50;
    check(!crossed, "chart-5.13 lines right, left and down: the label crosses none (at %.1f, %.1f)", fan.x, fan.y);

    double px[6] = {0, 0.3, 5, 0.2, 5.4, 20}, py[6] = {0, 0.2, 5, 0, 5, 0};
    size_t g[6];
    chart_label_groups(px, py, 6, 0.5, g);
    check(g[0] == 0 && g[1] == 0 && g[2] == 2 && g[3] == 0 && g[4] == 2 && g[5] == 5,
          "chart-5.9 groups: points within 0.5 of a group's first point join it (%zu %zu %zu %zu %zu %zu)", g[0], g[1],
          g[2], g[3], g[4], g[5]);
}

/* The crowding rule and the ticks of the shortfall and log scales (plots/chart.h). */
static void scales(void)
{
    /* default.ini's 31 fill rates run from 95.3 to 99.99 %: 13 of them lie above
       100 - 4.7 / 20 = 99.77 %, more than a third */
    double sweep[31];
    for (int i = 0; i < 31; i++) sweep[i] = 100 - 4.66 * exp(-0.2 * i);
    check(chart_crowds_near_100(sweep, 31), "chart-6.1 points piling up near 100 %% crowd");
    double even[5] = {40, 55, 70, 85, 99.9}; /* one in five near 100 */
    check(!chart_crowds_near_100(even, 5), "chart-6.2 evenly spread points do not crowd");
    /* the boundary: 3 of 9 (a third) is not more than a third; 4 of 9 is */
    double third[9] = {50, 60, 70, 80, 90, 95, 97.6, 98, 99}, more[9] = {50, 60, 70, 80, 90, 97.6, 97.7, 98, 99};
    check(!chart_crowds_near_100(third, 9) && chart_crowds_near_100(more, 9),
          "chart-6.3 more than a third in the last twentieth (3 of 9: no, 4 of 9: yes)");
    double few[3] = {99.9, 99.95, 99.99}, all[4] = {100, 100, 100, 100};
    check(!chart_crowds_near_100(few, 3) && !chart_crowds_near_100(all, 4),
          "chart-6.4 fewer than 4 points, or all at 100 %%, do not crowd");

    /* the shortfall: 99 % is one step right of 90 %, 99.99 % two right of 99 %; 100 % sits at the floor */
    check(fabs(chart_scale_at(CHART_SHORTFALL, 99) - chart_scale_at(CHART_SHORTFALL, 90) - 1) < 1e-9 &&
              fabs(chart_scale_at(CHART_SHORTFALL, 99.99) - 2) < 1e-9,
          "chart-6.5 each power of ten less shortfall is one step right");
    check(chart_scale_at(CHART_SHORTFALL, 100) == -log10(CHART_SHORTFALL_FLOOR) &&
              chart_scale_at(CHART_SHORTFALL, 100.5) == chart_scale_at(CHART_SHORTFALL, 100),
          "chart-6.6 100 %% (and above) sits at the floor");
    check(isnan(chart_scale_at(CHART_LOG, 0)) && isnan(chart_scale_at(CHART_LOG, -1)) &&
              chart_scale_at(CHART_LOG, 1000) == 3 && chart_scale_at(CHART_LINEAR, 42.5) == 42.5,
          "chart-6.7 log10 of positive values only; linear leaves them");

    struct chart_tick t[64];
    char seen[400] = "";
    /* 90 % to 99.99 %: four powers of ten, so only the powers are labelled */
    size_t n = chart_scale_ticks(CHART_SHORTFALL, chart_scale_at(CHART_SHORTFALL, 90),
                                 chart_scale_at(CHART_SHORTFALL, 99.99), t, 64);
    bool sorted = true;
    for (size_t i = 0; i < n; i++) {
        if (t[i].label[0]) strcat(seen, t[i].label), strcat(seen, " ");
        if (i && t[i].at <= t[i - 1].at) sorted = false;
    }
    check(strcmp(seen, "90 99 99.9 99.99 ") == 0 && n == 28 && sorted,
          "chart-6.8 shortfall ticks read as service levels, in order (labels '%s', %zu ticks)", seen, n);
    /* 50 % to 99.9 %: under three powers of ten, so 2 and 5 times are labelled too */
    seen[0] = '\0';
    n = chart_scale_ticks(CHART_SHORTFALL, chart_scale_at(CHART_SHORTFALL, 50), chart_scale_at(CHART_SHORTFALL, 99.9),
                          t, 64);
    for (size_t i = 0; i < n; i++)
        if (t[i].label[0]) strcat(seen, t[i].label), strcat(seen, " ");
    check(strcmp(seen, "50 80 90 95 98 99 99.5 99.8 99.9 ") == 0,
          "chart-6.9 a short axis labels 2 and 5 times the powers too ('%s')", seen);
    /* the floor is labelled 100 */
    n = chart_scale_ticks(CHART_SHORTFALL, 2.5, -log10(CHART_SHORTFALL_FLOOR), t, 64);
    check(n > 0 && strcmp(t[n - 1].label, "100") == 0 && t[n - 1].major, "chart-6.10 the floor's tick reads 100");
    /* a log axis from 0.3 to 50: 0.5 1 2 5 10 20 50 */
    seen[0] = '\0';
    n = chart_scale_ticks(CHART_LOG, log10(0.3), log10(50), t, 64);
    for (size_t i = 0; i < n; i++)
        if (t[i].label[0]) strcat(seen, t[i].label), strcat(seen, " ");
    check(strcmp(seen, "0.5 1 2 5 10 20 50 ") == 0, "chart-6.11 log ticks read as the values ('%s')", seen);
    /* a bare start: a file at 61.46 % left of the "90" tick gets a label to read it by */
    double from = chart_scale_at(CHART_SHORTFALL, 61.46), to = chart_scale_at(CHART_SHORTFALL, 100);
    from -= 0.02 * (to - from);
    seen[0] = '\0';
    n = chart_scale_ticks(CHART_SHORTFALL, from, to, t, 64);
    for (size_t i = 0; i < n; i++)
        if (t[i].label[0]) strcat(seen, t[i].label), strcat(seen, " ");
    check(strcmp(seen, "60 90 99 99.9 99.99 100 ") == 0,
          "chart-6.13 an axis starting well before its first power of ten labels its first tick ('%s')", seen);
    /* as the sweep of stockouts_vs_inventory.ini: from 80.34 % */
    from = chart_scale_at(CHART_SHORTFALL, 80.34), to = chart_scale_at(CHART_SHORTFALL, 99.999);
    from -= 0.02 * (to - from);
    n = chart_scale_ticks(CHART_SHORTFALL, from, to, t, 64);
    check(n > 0 && strcmp(t[0].label, "80") == 0, "chart-6.14 from 80.34 %%: the first tick reads 80 ('%s')",
          n ? t[0].label : "");
    n = chart_scale_ticks(CHART_LOG, log10(0.2), log10(2e5), t, 64);
    check(n > 0 && strcmp(t[0].label, "0.2") == 0, "chart-6.15 so does a log axis: 0.2 below 1 ('%s')",
          n ? t[0].label : "");
    n = chart_scale_ticks(CHART_LOG, log10(0.6), log10(2e5), t, 64);
    check(n > 0 && !t[0].label[0] && strcmp(t[1].label, "") == 0,
          "chart-6.16 but not on an axis starting less than a quarter power of ten before it (0.6 before 1: '%s')",
          t[0].label);
    /* 100 % is apart from the scale: a break between 99.99 and the floor, no tick in it */
    double brk = chart_scale_break(CHART_SHORTFALL, 1, to);
    n = chart_scale_ticks(CHART_SHORTFALL, 1, to, t, 64);
    size_t inside = 0;
    for (size_t i = 0; i < n; i++) inside += t[i].at > brk && t[i].at < to - 1e-9;
    check(brk > 2 && brk < to && inside == 0 && strcmp(t[n - 1].label, "100") == 0,
          "chart-6.17 an axis reaching 100 %% is broken before it (at %.2f), no tick between (%zu)", brk, inside);
    check(isnan(chart_scale_break(CHART_SHORTFALL, 1, 2.5)) && isnan(chart_scale_break(CHART_LOG, 0, 3)) &&
              isnan(chart_scale_break(CHART_LINEAR, 0, 3)),
          "chart-6.18 no break on an axis that ends before 100 %%, nor on another scale");
    check(chart_scale_ticks(CHART_LINEAR, 0, 1, t, 64) == 0 && chart_scale_ticks(CHART_LOG, 1, 1, t, 64) == 0 &&
              chart_scale_ticks(CHART_LOG, 0, 3, t, 5) == 5,
          "chart-6.12 no ticks for a linear or empty axis; never more than asked");
}

/* ---- the flow diagram (struct chart_flow) ---- */

/* Where the <text> holding exactly `text` is placed (its transform's translation, in
 * the SVG's user units; y as PLplot writes it) and its font size; false if it is not
 * there once. */
static bool text_at(const char *svg, const char *text, double *x, double *y, double *size)
{
    char needle[300];
    snprintf(needle, sizeof needle, ">%s</tspan>", text);
    const char *hit = strstr(svg, needle);
    if (!hit || strstr(hit + 1, needle)) return false;
    const char *open = hit;
    while (open > svg && strncmp(open, "<text", 5) != 0) open--;
    const char *m = strstr(open, "matrix("), *fs = strstr(open, "font-size=\"");
    double a, b, c, d;
    return m && m < hit && fs && fs < hit && sscanf(m, "matrix(%lf %lf %lf %lf %lf %lf)", &a, &b, &c, &d, x, y) == 6 &&
           sscanf(fs, "font-size=\"%lf", size) == 1;
}

/* A dc feeding two stores, each selling to its customers; name_dc names the dc. */
static struct chart_flow tree_flow(const char *name_dc)
{
    struct chart_flow f = {.n = 6, .note = "arrows: units a day\nsecond line"};
    f.nodes[0] = (struct chart_flow_node){.name = "supplier QX", .row = 0.5, .colour = COLOUR_GREY, .from = -1};
    f.nodes[1] = (struct chart_flow_node){.name = name_dc,
                                          .lines = {"fill rate", "downstream 91.0 %", "on hand 3.2"},
                                          .below = "bullwhip 1.50",
                                          .column = 1,
                                          .row = 0.5,
                                          .colour = COLOUR_BLUE,
                                          .from = 0,
                                          .arrow = {"4.00 units/day", NULL}};
    const char *store[2] = {"store_a", "store_b"}, *flow[2] = {"2.10 units/day", "1.90 units/day"};
    const char *lead[2] = {"lead 1.25 days", "lead 1.26 days"}, *sells[2] = {"2.1 orders/day", "1.9 orders/day"};
    for (int s = 0; s < 2; s++) {
        f.nodes[2 + s] = (struct chart_flow_node){.name = store[s],
                                                  .lines = {"fill rate", "customers 97.0 %", "on hand 2.0"},
                                                  .below = "bullwhip 1.00",
                                                  .column = 2,
                                                  .row = s,
                                                  .colour = COLOUR_BLUE,
                                                  .from = 1,
                                                  .arrow = {flow[s], lead[s]}};
        f.nodes[4 + s] = (struct chart_flow_node){.name = s ? "customers b" : "customers a",
                                                  .column = 3,
                                                  .row = s,
                                                  .colour = COLOUR_GREY,
                                                  .from = 2 + s,
                                                  .arrow = {sells[s], NULL}};
    }
    return f;
}

static void flow_diagram(void)
{
    char err[300] = "";
    size_t len;
    struct chart_flow f = tree_flow("dc");
    struct chart c = {.title = "The supply chain QX", .subtitle = "tree.ini", .flow = &f};
    char *s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-9.0 the flow diagram is drawn as SVG (%s)", err)) return;
    static const char *const texts[] = {"supplier QX",
                                        "dc",
                                        "store_a",
                                        "store_b",
                                        "customers a",
                                        "customers b",
                                        "downstream 91.0 %",
                                        "bullwhip 1.50",
                                        "4.00 units/day",
                                        "2.10 units/day",
                                        "lead 1.26 days",
                                        "1.9 orders/day",
                                        "arrows: units a day",
                                        "second line"};
    size_t found = 0;
    double x[14], y[14], size[14];
    for (size_t k = 0; k < 14; k++) found += text_at(s, texts[k], &x[k], &y[k], &size[k]);
    check(found == 14, "chart-9.1 every name, line, arrow text and note line is one <text> (%zu of 14)", found);
    if (found == 14) {
        check(x[0] < x[1] && x[1] < x[2] && x[2] < x[4], "chart-9.2 supplier, dc, stores, customers left to right");
        check(fabs(x[2] - x[3]) < 0.01 && fabs(x[4] - x[5]) < 0.01, "chart-9.3 a column's boxes share their centre");
        check(fabs(y[1] - (y[2] + y[3]) / 2) < 0.5 && y[7] < y[0] && y[0] < y[1],
              "chart-9.4 the dc is midway between its stores, the supplier level with the dc's box");
        check(y[4] < y[2] && y[4] > y[2] - 3 * size[2] && fabs(y[2] - y[3]) > 6 * size[2],
              "chart-9.5 a store's customers level with its box; the stores' rows apart by more than 6 lines");
        check(x[9] > x[1] && x[9] < x[2], "chart-9.6 a store's arrow texts between the dc and the store");
        bool inside = true;
        for (size_t k = 0; k < 14; k++) inside &= x[k] > 0 && x[k] < 1280 && y[k] > 0 && y[k] < 860;
        check(inside, "chart-9.7 all of it on the page");
    }
    /* a very long name: the text shrinks so that the boxes still fit the page */
    struct chart_flow g = tree_flow("a distribution centre with a very long name indeed, longer than any");
    c.flow = &g;
    char *l = svg_of(&c, err, sizeof err, &len);
    double lx, ly, lsize, sx, sy, ssize;
    if (check(l != NULL, "chart-9.8 the long-named diagram is drawn (%s)", err) && found == 14)
        check(text_at(l, "store_a", &lx, &ly, &lsize) && text_at(s, "store_a", &sx, &sy, &ssize) && lsize < ssize &&
                  lx < 1280,
              "chart-9.9 with a long name the text is smaller (%g < %g) and still on the page", lsize, ssize);
    free(l);
    free(s);
}

/* ---- legends ---- */

/* The x extent of the last filled white box drawn before position `before` in svg (the
 * legend's background: PLplot writes a fill as a <polyline ... fill="#FFFFFF" points=...>);
 * returns where it is drawn, or NULL. */
static const char *white_box_before(const char *svg, const char *before, double *x0, double *x1)
{
    const char *box = NULL;
    for (const char *p = svg; (p = strstr(p, "fill=\"#FFFFFF\" fill-rule")) && p < before; p++) box = p;
    const char *pts = box ? strstr(box, "points=\"") : NULL;
    if (!pts) return NULL;
    *x0 = INFINITY, *x1 = -INFINITY;
    double x, y;
    int used;
    for (pts += 8; sscanf(pts, "%lf,%lf %n", &x, &y, &used) == 2; pts += used) *x0 = fmin(*x0, x), *x1 = fmax(*x1, x);
    return *x1 > *x0 ? box : NULL;
}

/* A width of text at font size `size` in a browser, with room to spare: a Chinese
 * character an em, anything else 0.55 em (DejaVu Sans averages under 0.5 on these
 * labels). */
static double browser_width(const char *text, double size)
{
    double w = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        if (*c < 0x80)
            w += 0.55 * size;
        else if (*c >= 0xC0)
            w += 1.0 * size; /* a lead byte: one character of the CJK block, here */
    return w;
}

/* The extent of the frame in svg before position `before`: the grid lines (drawn first)
 * run across it both ways. */
static void frame_before(const char *svg, const char *before, double *x0, double *x1, double *y0, double *y1)
{
    double gx, gy;
    int used;
    *x0 = *y0 = INFINITY, *x1 = *y1 = -INFINITY;
    for (const char *g = svg; (g = strstr(g, "stroke=\"#D7D7D7\"")) && g < before; g++) {
        const char *pts = strstr(g, "points=\"");
        for (pts = pts ? pts + 8 : NULL; pts && sscanf(pts, "%lf,%lf %n", &gx, &gy, &used) == 2; pts += used)
            *x0 = fmin(*x0, gx), *x1 = fmax(*x1, gx), *y0 = fmin(*y0, gy), *y1 = fmax(*y1, gy);
    }
}

/* The legend inside the frame goes where it hides no data: here every corner has lines
 * through it and only the middle of the right side is clear. */
static void legend_place(void)
{
    static double lx[2] = {0, 10}, ly[6][2];
    static const double level[6] = {0.05, 0.15, 0.25, 0.75, 0.85, 0.95};
    struct chart c = {.title = "Legend place", .subtitle = "", .xlabel = "x", .npanels = 1};
    c.panels[0] = (struct chart_panel){.ylabel = "y", .y_from_zero = true};
    for (int k = 0; k < 6; k++) {
        ly[k][0] = ly[k][1] = level[k];
        c.panels[0].series[k] = (struct chart_series){k < 3 ? (const char *[]){"low", "middle", "high"}[k] : NULL,
                                                      lx,
                                                      ly[k],
                                                      NULL,
                                                      2,
                                                      COLOUR_BLUE,
                                                      STYLE_LINE,
                                                      false};
    }
    c.panels[0].nseries = 6;
    char err[300] = "";
    size_t len;
    char *s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-10.3 drawn (%s)", err)) return;
    const char *text = strstr(s, ">middle<");
    double b0 = NAN, b1 = NAN, f0, f1, fy0, fy1;
    const char *box = text ? white_box_before(s, text, &b0, &b1) : NULL;
    double top = INFINITY, bottom = -INFINITY, x, y;
    int used;
    const char *pts = box ? strstr(box, "points=\"") : NULL;
    for (pts = pts ? pts + 8 : NULL; pts && sscanf(pts, "%lf,%lf %n", &x, &y, &used) == 2; pts += used)
        top = fmin(top, y), bottom = fmax(bottom, y);
    frame_before(s, box ? box : s, &f0, &f1, &fy0, &fy1);
    /* the data's range is 0 to 0.95 plus 8 % headroom: 0.3..0.7 is the clear band */
    double range = 0.95 * 1.08, clear_top = fy1 - 0.7 / range * (fy1 - fy0),
           clear_bottom = fy1 - 0.3 / range * (fy1 - fy0);
    check(box && top > clear_top && bottom < clear_bottom && b0 > (f0 + f1) / 2 && b1 <= f1,
          "chart-10.3b a legend no corner has room for sits in the clear middle of the right side (box x %.0f..%.0f, "
          "y %.0f..%.0f; clear y %.0f..%.0f; frame x %.0f..%.0f)",
          b0, b1, top, bottom, clear_top, clear_bottom, f0, f1);
    free(s);
}

/* ">text</tspan>", the way the SVG holds a text (in a static buffer). */
static const char *needle_last(const char *text)
{
    static char buf[300];
    snprintf(buf, sizeof buf, ">%s</tspan>", text);
    return buf;
}

/* Is a line of colour `hex` ("#0072B2") drawn between `from` and `to` in svg with all
 * its points within x0..x1 (a legend's mark inside its box)? */
static bool mark_between(const char *from, const char *to, const char *hex, double x0, double x1)
{
    char needle[40];
    snprintf(needle, sizeof needle, "stroke=\"%s\"", hex);
    for (const char *g = from; (g = strstr(g, needle)) && g < to; g++) {
        const char *pts = strstr(g, "points=\"");
        double x, y, lo = INFINITY, hi = -INFINITY;
        int used;
        for (pts = pts ? pts + 8 : NULL; pts && sscanf(pts, "%lf,%lf %n", &x, &y, &used) == 2; pts += used)
            lo = fmin(lo, x), hi = fmax(hi, x);
        if (hi > lo && lo >= x0 && hi <= x1) return true;
    }
    return false;
}

/* The SVG's legend (drawn by plots/chart.c, not pllegend: its "svg" device measured text
 * with the Hershey fonts) holds its text, in Chinese as in English. */
static void legends(void)
{
    static const char *const texts[3] = {"收入与成本：张伟的文件", "cost (total, less stock kept)",
                                         "利润 = 收入 - 成本"};
    struct chart c = line_chart("Legend QX", "day", texts[0]);
    for (int k = 1; k < 3; k++) {
        c.panels[0].series[k] = c.panels[0].series[0];
        c.panels[0].series[k].label = texts[k];
        c.panels[0].series[k].colour = k == 1 ? COLOUR_VERMILLION : COLOUR_GREEN;
    }
    c.panels[0].nseries = 3;
    for (int on_top = 0; on_top < 2; on_top++) {
        c.panels[0].legend_on_top = on_top;
        char err[300] = "";
        size_t len;
        char *s = svg_of(&c, err, sizeof err, &len);
        if (!check(s != NULL, "chart-10.0 drawn (%s)", err)) continue;
        /* the frame's right edge: where the grid lines (drawn before the legend's box) end */
        double frame = 0, gx, gy, l0, l1;
        int used;
        const char *first = strstr(s, ">收入与成本"), *legend = first ? white_box_before(s, first, &l0, &l1) : NULL;
        for (const char *g = s; (g = strstr(g, "stroke=\"#D7D7D7\"")) && legend && g < legend; g++) {
            const char *pts = strstr(g, "points=\"");
            for (pts = pts ? pts + 8 : NULL; pts && sscanf(pts, "%lf,%lf %n", &gx, &gy, &used) == 2; pts += used)
                frame = fmax(frame, gx);
        }
        size_t held = 0;
        for (int k = 0; k < 3; k++) {
            double x = NAN, y, size = NAN, b0 = NAN, b1 = NAN;
            char needle[300];
            snprintf(needle, sizeof needle, ">%s</tspan>", texts[k]);
            const char *at = strstr(s, needle);
            if (at && text_at(s, texts[k], &x, &y, &size) && white_box_before(s, at, &b0, &b1) && x > b0 &&
                x + browser_width(texts[k], size) < b1 && b1 <= frame + 0.5)
                held++;
            else
                fprintf(stderr, "legend text '%s' at %g (size %g): its box %g..%g, the frame's right %g\n", texts[k], x,
                        size, b0, b1, frame);
        }
        check(held == 3,
              "chart-10.%d %s: the legend's box holds each of its texts, Chinese and English, inside the frame (%zu "
              "of 3)",
              on_top + 1, on_top ? "on top, two rows" : "in a corner, one column", held);
        /* each entry's mark: a line of its series' colour, drawn inside the box after it */
        static const char *const hex[3] = {"#0072B2", "#D55E00", "#009E73"};
        const char *end = legend ? strstr(legend, needle_last(texts[2])) : NULL;
        size_t marks = 0;
        for (int k = 0; legend && end && k < 3; k++) marks += mark_between(legend, end, hex[k], l0, l1);
        check(marks == 3, "chart-10.%db ... and draws each entry's mark, in its series' colour, inside it (%zu of 3)",
              on_top + 1, marks);
        free(s);
    }
}

/* Contour labels: the points of a level's line, and one label placed on it. */
static void contour_labels(void)
{
    /* z = x on a 5 x 4 grid: the line z = 2.5 is x = 2.5, crossing 4 horizontal edges
       and, in 3 cells, passing through their middles */
    double gx[5] = {0, 1, 2, 3, 4}, gy[4] = {0, 1, 2, 3}, z[20];
    for (size_t i = 0; i < 5; i++)
        for (size_t j = 0; j < 4; j++) z[i * 4 + j] = gx[i];
    struct chart_contour_points t = {0};
    chart_contour_points(gx, gy, 5, 4, z, 2.5, &t);
    bool on_line = t.n > 0;
    for (size_t i = 0; i < t.n; i++) on_line &= fabs(t.x[i] - 2.5) < 1e-12 && t.y[i] >= 0 && t.y[i] <= 3;
    check(on_line && t.n == 3 * (2 + 1), "chart-11.1 the points of z = 2.5 on z = x all lie on x = 2.5 (%zu points)",
          t.n);
    free(t.x), free(t.y);
    t = (struct chart_contour_points){0};
    chart_contour_points(gx, gy, 5, 4, z, 9, &t);
    check(t.n == 0, "chart-11.2 a level the surface never reaches has no points (%zu)", t.n);

    /* a line along y = 50 from x = 0 to 100 in a 100 x 100 area; a label 10 x 4 */
    double lx[101], ly[101];
    for (int i = 0; i <= 100; i++) lx[i] = i, ly[i] = 50;
    struct chart_box b = {0};
    bool placed = chart_contour_label_place(lx, ly, 101, 10, 4, 100, 100, 1, NULL, 0, &b);
    check(placed && b.x - b.w / 2 >= 1 && b.x + b.w / 2 <= 99 && b.y == 50,
          "chart-11.3 alone, the label lies on its line inside the frame, its margin kept (x %.1f)", b.x);
    struct chart_box marker = {20, 50, 6, 6};
    placed = chart_contour_label_place(lx, ly, 101, 10, 4, 100, 100, 1, &marker, 1, &b);
    check(placed && b.x + b.w / 2 == 99,
          "chart-11.4 with a marked point at x = 20 it goes as far from it as it can (x %.1f)", b.x);
    /* another line crossing at x = 50, its points as boxes of no size: the label's box
       contains none of them */
    struct chart_box crossing[21];
    for (int i = 0; i <= 20; i++) crossing[i] = (struct chart_box){50, 5.0 * i, 0, 0};
    placed = chart_contour_label_place(lx, ly, 101, 10, 4, 100, 100, 1, crossing, 21, &b);
    check(placed && fabs(b.x - 50) > b.w / 2, "chart-11.6 a label keeps off a line it must not cover (x %.1f)", b.x);
    double edge_x[3] = {2, 98, 50}, edge_y[3] = {50, 50, 99};
    check(!chart_contour_label_place(edge_x, edge_y, 3, 10, 4, 100, 100, 1, NULL, 0, &b),
          "chart-11.7 a line only along the frame's edges gets no label, rather than a clipped one");
}

/* A surface point's tag: beside its marker, off the lines that matter, never nearer to
 * another marker nor between its own and another, inside the frame (chart_tag_place); the
 * lines as pieces. */
static void tag_places(void)
{
    double gx[5] = {0, 1, 2, 3, 4}, gy[4] = {0, 1, 2, 3}, z[20];
    for (size_t i = 0; i < 5; i++)
        for (size_t j = 0; j < 4; j++) z[i * 4 + j] = gx[i];
    struct chart_contour_points t = {0};
    chart_contour_pieces(gx, gy, 5, 4, z, 2.5, &t);
    bool pieces = t.n == 2 * 3;
    for (size_t i = 0; pieces && i < t.n; i += 2)
        pieces = t.x[i] == 2.5 && t.x[i + 1] == 2.5 && fabs(fabs(t.y[i + 1] - t.y[i]) - 1) < 1e-12;
    check(pieces,
          "chart-11.8 the line z = 2.5 on z = x is 3 pieces, one a cell, each from y to y + 1 on x = 2.5 (%zu points)",
          t.n);
    free(t.x), free(t.y);

    /* a marker at (50, 50) of half-width 3 in a 100 x 100 frame; a tag of 16 x 5 */
    struct chart_box own = {50, 50, 6, 6}, b = chart_tag_place(50, 50, 3, 16, 5, 100, 100, NULL, NULL, &own, 1, 1);
    check(b.x - b.w / 2 >= 53 - 1e-9 && b.x - b.w / 2 < 54 && b.y < 50 && b.y + b.h / 2 < 50,
          "chart-11.9 alone, the tag goes right of its marker and below its middle, next to it (%.1f, %.1f)", b.x, b.y);
    /* a service target's line down x = 60, through the places on the right */
    struct chart_contour_points line = {0};
    double lx[2] = {60, 60}, ly[2] = {0, 100};
    line.x = lx, line.y = ly, line.n = line.cap = 2;
    b = chart_tag_place(50, 50, 3, 16, 5, 100, 100, &line, NULL, &own, 1, 1);
    check(b.x + b.w / 2 < 50,
          "chart-11.10 a line through the places on its right: the tag goes left of its marker (x %.1f)", b.x);
    /* ... and another marker (the best point's diamond) on the left: the tag stays its
       own marker's, below or above it, still off the line */
    struct chart_box markers[2] = {own, {35, 50, 6, 6}};
    b = chart_tag_place(50, 50, 3, 16, 5, 100, 100, &line, NULL, markers, 2, 2);
    check(b.x + b.w / 2 < 60 && b.x - b.w / 2 > 38 && fabs(b.y - 50) > 3,
          "chart-11.11 ... with another marker on the left: below or above its own, off both (%.1f, %.1f)", b.x, b.y);
    /* at the frame's right edge: moved inside it */
    struct chart_box edge = {98, 50, 6, 6};
    b = chart_tag_place(98, 50, 3, 16, 5, 100, 100, NULL, NULL, &edge, 1, 1);
    check(b.x + b.w / 2 <= 100 && b.x - b.w / 2 >= 0 && b.y + b.h / 2 <= 100 && b.y - b.h / 2 >= 0,
          "chart-11.12 a marker at the frame's edge: its tag stays inside the frame (%.1f, %.1f)", b.x, b.y);
    /* back to the marker at (50, 50) with the line on its right, the other marker farther
       left, at 25: the places on the left fit between the two without touching either, and
       nearer to their own (as the best pair's diamond and the 99.9% circle of a 7 x 5
       surface of scenarios/default.ini); the tag keeps out of the space between them, from
       x = 28 to 47 and y = 47 to 53: below or above its own */
    markers[1].x = 25;
    b = chart_tag_place(50, 50, 3, 16, 5, 100, 100, &line, NULL, markers, 2, 2);
    check(!(b.x - b.w / 2 < 47 && b.x + b.w / 2 > 28 && b.y - b.h / 2 < 53 && b.y + b.h / 2 > 47) &&
              b.x + b.w / 2 < 60 && fabs(b.y - 50) > 3,
          "chart-11.13 ... with another marker farther left: not in the space between the two (%.1f, %.1f)", b.x, b.y);
    /* that rule is the markers' (taken[0..nmarkers)): a tag placed before, there, is only kept off */
    struct chart_box marker_and_tag[2] = {own, {21, 50, 16, 5}};
    b = chart_tag_place(50, 50, 3, 16, 5, 100, 100, &line, NULL, marker_and_tag, 2, 1);
    check(b.x + b.w / 2 < 47 + 1e-9 && b.x - b.w / 2 > 29 && b.y < 50,
          "chart-11.14 ... but a tag placed there before is not a marker: the tag goes left of its own (%.1f, %.1f)",
          b.x, b.y);
    /* a place that only touches its own marker does not overlap it, whatever the rounding:
       at 54.74 + (1.74 + 15.14 / 2), the tag's left edge is 1.74 from the marker's middle
       to the last bit, but the centres' distance, 9.309999999999995, is under the half
       widths' sum, 9.31; counted as an overlap, it cost 100 and the tag went left */
    struct chart_box odd = {54.74, 50, 2 * 1.74, 2 * 1.74};
    b = chart_tag_place(54.74, 50, 1.74, 15.14, 5, 100, 100, NULL, NULL, &odd, 1, 1);
    check(b.x > 54.74 && fabs(b.x - b.w / 2 - (54.74 + 1.74)) < 1e-9 && b.y < 50,
          "chart-11.15 a place that only touches its marker (a rounding's width apart) is not an overlap: right "
          "and below, next to it (%.3f, %.1f)",
          b.x - b.w / 2, b.y);
}

/* The y axis's title clears its tick labels however wide they are, and fits the frame's
 * height however long it is. */
static void y_titles(void)
{
    static double ty[2][2] = {{0, 3}, {0, 6}}; /* log10: 1 .. 1000, 1 .. 1000000 */
    static double tx[2] = {0, 1};
    double x[3] = {0}, y[3] = {0}, size[3] = {0};
    const char *titles[3] = {"cost QXZ", "cost QXZ",
                             "cost QXZ per day of one more point of complaints handled rate, "
                             "long enough to run past the frame's top edge"};
    bool found = true;
    for (int k = 0; k < 3; k++) {
        struct chart c = {.title = "y titles", .xlabel = "x", .npanels = 1};
        c.panels[0] = (struct chart_panel){.ylabel = titles[k], .nseries = 1, .y_scale = CHART_LOG};
        c.panels[0].series[0] =
            (struct chart_series){NULL, tx, ty[k == 0 ? 0 : 1], NULL, 2, COLOUR_BLUE, STYLE_LINE, false};
        char err[300] = "";
        size_t len;
        char *s = svg_of(&c, err, sizeof err, &len);
        found &= s && text_at(s, titles[k], &x[k], &y[k], &size[k]);
        free(s);
    }
    if (!check(found, "chart-13.0 the y titles are drawn")) return;
    /* seven digits against four: the title moves out by about three digits' width */
    check(x[1] < x[0] - size[0], "chart-13.1 labels of 7 digits push the y title out (x %.0f, with 4 digits %.0f)",
          x[1], x[0]);
    check(x[1] > 0, "chart-13.2 ... but not off the page (x %.0f)", x[1]);
    check(size[2] < size[1], "chart-13.3 a y title longer than the frame is high is drawn smaller (%.1f < %.1f)",
          size[2], size[1]);
}

/* The axes (chart_axes): a minimum span makes nearly equal values look equal, a ceiling
 * keeps a share or a service level from being drawn above 100 % when no point is, and
 * dots keep their half width inside the frame. */
static void axes(void)
{
    static double mx[3] = {30.00, 30.01, 30.03}, sy[3] = {99.2, 99.9, 99.95};
    struct chart c = {.title = "axes", .xlabel = "margin", .npanels = 1, .x_min_span = 10};
    c.panels[0] = (struct chart_panel){
        .ylabel = "service", .nseries = 1, .y_min_span = 1, .y_ceiling_on = true, .y_ceiling = 100};
    c.panels[0].series[0] = (struct chart_series){NULL, mx, sy, NULL, 3, COLOUR_BLUE, STYLE_DOTS, false};
    double x0, x1, y0, y1;
    chart_axes(&c, 0, &x0, &x1, &y0, &y1);
    check(x1 - x0 >= 10 && x0 < 25.1 && x1 > 34.9,
          "chart-14.1 margins 30.00 to 30.03 %% on an axis at least 10 points wide, around them: %.2f to %.2f", x0, x1);
    check(y1 > 99.95 && y1 < 100.1,
          "chart-14.2 service up to 99.95 %%: the axis ends just above it, not beyond 100.1 (%.3f)", y1);
    check(y1 - y0 >= 1, "chart-14.3 ... and spans at least 1 point (%.3f to %.3f)", y0, y1);
    /* the dots nearest the frame keep a dot's room: 3 % of the axis on each side */
    static double wx[2] = {13.3, 61.2}, wy[2] = {98.5, 99.9};
    c.panels[0].series[0] = (struct chart_series){NULL, wx, wy, NULL, 2, COLOUR_BLUE, STYLE_DOTS, false};
    chart_axes(&c, 0, &x0, &x1, &y0, &y1);
    double dx = x1 - x0, dy = y1 - y0;
    check(wx[0] - x0 > 0.03 * dx && x1 - wx[1] > 0.03 * dx,
          "chart-14.4 the leftmost and rightmost dots sit more than 3 %% of the axis inside the frame (%.2f .. %.2f)",
          x0, x1);
    check(wy[0] - y0 > 0.05 * dy, "chart-14.5 the lowest dot sits more than 5 %% of the axis above the frame (%.3f)",
          y0);
    /* one point at 100 % (one submission): a span under the ceiling, not 94.5 to 108 */
    static double one_x[1] = {1}, one_y[1] = {100}, line_x[2] = {0.5, 1.5}, line_y[2] = {100, 100};
    struct chart s = {.title = "share", .xlabel = "rank", .npanels = 1};
    s.panels[0] = (struct chart_panel){.ylabel = "share",
                                       .nseries = 2,
                                       .legend_on_top = true,
                                       .y_min_span = 10,
                                       .y_ceiling_on = true,
                                       .y_ceiling = 100};
    s.panels[0].series[0] = (struct chart_series){NULL, line_x, line_y, NULL, 2, COLOUR_BLACK, STYLE_LINE, true};
    s.panels[0].series[1] = (struct chart_series){"near", one_x, one_y, NULL, 1, COLOUR_BLUE, STYLE_DOTS, false};
    chart_axes(&s, 0, &x0, &x1, &y0, &y1);
    check(y1 < 101 && y0 >= 89 && y0 <= 91, "chart-14.6 one share of 100 %%: the axis runs 90 to 100 (%.2f to %.2f)",
          y0, y1);
    /* a point above the ceiling is shown: the axis goes past it */
    static double hi_y[1] = {104};
    s.panels[0].series[1].y = hi_y;
    chart_axes(&s, 0, &x0, &x1, &y0, &y1);
    check(y1 > 104, "chart-14.7 a point at 104 %% above the ceiling stays on the axis (top %.2f)", y1);
    /* a whisker just over 100 %: the axis ends just above it, with no legend's headroom */
    static double five_x[2] = {1, 2}, five_y[2] = {100, 99.7}, five_e[2] = {0, 0.36};
    s.panels[0].series[1] = (struct chart_series){"near", five_x, five_y, five_e, 2, COLOUR_BLUE, STYLE_DOTS, false};
    chart_axes(&s, 0, &x0, &x1, &y0, &y1);
    check(y1 > 100.06 && y1 < 100.5, "chart-14.8 a whisker to 100.06 %%: the axis ends at %.2f, not 102 or 120", y1);
}

/* The <text> holding exactly `text`: its x (the transform's translation) and anchor
 * (start, end or middle); false if it is not there once. */
static bool text_anchor_at(const char *svg, const char *text, double *x, char anchor[8])
{
    double y, size;
    if (!text_at(svg, text, x, &y, &size)) return false;
    const char *hit = strstr(svg, needle_last(text)), *open = hit;
    while (open > svg && strncmp(open, "<text", 5) != 0) open--;
    const char *a = strstr(open, "text-anchor=\"");
    if (!a || a > hit || sscanf(a, "text-anchor=\"%7[a-z]", anchor) != 1) snprintf(anchor, 8, "start");
    return true;
}

/* A mark's label (the peak's, beside its dashed line) keeps the gap it keeps from its
 * line from the frame too, on whichever side it is drawn: marks swept across the panel,
 * a short label and one nearly half the frame wide. A label's width is plots/chart.c's
 * own estimate (text_mm: the same width for every Latin character), measured off a label
 * too long for either side, which is centred on its line. */
static void mark_labels(void)
{
    static const char *const texts[2] = {"peak QX 42", "profit is highest here QX: 1396 a day, 99.93 %"};
    static const char wide[] = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    size_t drawn = 0, touching = 0;
    double worst = INFINITY, per_char = NAN;
    char worst_at[160] = "";
    {
        struct chart c = line_chart("Mark QX", "x", "series");
        c.panels[0].marks[0] = (struct chart_mark){4.5, NAN, wide, COLOUR_BLACK, 0};
        double ax0, ax1, ay0, ay1, f0, f1, fy0, fy1, tx;
        chart_axes(&c, 0, &ax0, &ax1, &ay0, &ay1);
        char err[300] = "", anchor[8];
        size_t len;
        char *s = svg_of(&c, err, sizeof err, &len);
        if (s && text_anchor_at(s, wide, &tx, anchor)) {
            frame_before(s, strstr(s, needle_last(wide)), &f0, &f1, &fy0, &fy1);
            double mark = f0 + (4.5 - ax0) / (ax1 - ax0) * (f1 - f0);
            per_char = 2 * (mark - tx) / (double)strlen(wide);
        }
        free(s);
    }
    if (!check(per_char > 5 && per_char < 20, "chart-15.0 a Latin character of a mark's label is %.2f px wide",
               per_char))
        return;
    for (int t = 0; t < 2; t++) {
        for (double mx = 0; mx <= 9.0001; mx += 0.02) {
            struct chart c = line_chart("Mark QX", "x", "series");
            c.panels[0].marks[0] = (struct chart_mark){mx, NAN, texts[t], COLOUR_BLACK, 0};
            double ax0, ax1, ay0, ay1, f0, f1, fy0, fy1, tx;
            chart_axes(&c, 0, &ax0, &ax1, &ay0, &ay1);
            char err[300] = "", anchor[8];
            size_t len;
            char *s = svg_of(&c, err, sizeof err, &len);
            if (!s || !text_anchor_at(s, texts[t], &tx, anchor)) {
                free(s);
                continue;
            }
            frame_before(s, strstr(s, needle_last(texts[t])), &f0, &f1, &fy0, &fy1);
            free(s);
            drawn++;
            double w = per_char * (double)strlen(texts[t]), gap = 0.008 * (f1 - f0);
            double left = strcmp(anchor, "end") == 0 ? tx - w : strcmp(anchor, "middle") == 0 ? tx - w / 2 : tx;
            double room = fmin(left - f0, f1 - (left + w));
            if (room < gap - 0.5) touching++;
            if (room - gap < worst)
                worst = room - gap, snprintf(worst_at, sizeof worst_at,
                                             "\"%s\" at x %.2f: %s-anchored at %.1f, %.1f px wide, frame %.1f..%.1f",
                                             texts[t], mx, anchor, tx, w, f0, f1);
        }
    }
    check(drawn > 800, "chart-15.1 the marks' labels are drawn (%zu)", drawn);
    check(touching == 0,
          "chart-15.2 a mark's label keeps the gap from the frame it keeps from its line: %zu too close, the closest "
          "%.1f px short of the gap (%s)",
          touching, -worst, worst_at);
}

/* The importance-performance matrix's quadrant names in a page's SVG: a name too long for
 * its corner at the least label size (21 of 1280 units, the axes' numbers) is broken into
 * lines of that size, each word drawn, rather than made smaller; every label of the
 * chart is at least that size (tests/html_check.py's chart-text reads it in a browser). */
static void quadrant_names(void)
{
    for (size_t i = 0; i < 6; i++) X[i] = -12 + 2.5 * (double)i, Y[i] = (double)(5 * i);
    struct chart c = {.title = "Importance-performance matrix", .xlabel = "performance", .npanels = 1};
    c.panels[0] = (struct chart_panel){.ylabel = "importance", .quadrants = true, .quadrant_x = 0, .quadrant_y = 10};
    c.panels[0].quadrant_names[0] = "Concentrate here";
    c.panels[0].quadrant_names[1] = "Keep up the good work";
    c.panels[0].quadrant_names[2] = "Low priority";
    c.panels[0].quadrant_names[3] = "Possible overkill";
    c.panels[0].series[0] = (struct chart_series){"elements", X, Y, NULL, 6, COLOUR_BLUE, STYLE_POINTS, false};
    c.panels[0].nseries = 1;
    char err[300] = "";
    size_t len;
    char *s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-16.0 the matrix is drawn (%s)", err)) return;
    check(strstr(s, ">Concentrate here</tspan>") && strstr(s, ">Low priority</tspan>"),
          "chart-16.1 a name that fits its corner is one line");
    /* the points all left of the line but one, at 0.5 of a range of 12.5: the x range is
       widened right of the line until the names fit there at their full size (before,
       "Keep up the good work" was broken into three lines of 21 units, in a PNG drawn in
       11) */
    double size[4] = {0, 0, 0, 0};
    const char *name[4] = {">Concentrate here</tspan>", ">Keep up the good work</tspan>", ">Low priority</tspan>",
                           ">Possible overkill</tspan>"};
    for (int q = 0; q < 4; q++) {
        const char *at = strstr(s, name[q]), *fs = NULL;
        for (const char *p = s; at && (p = strstr(p, "font-size=\"")) && p < at; p++) fs = p;
        if (fs) size[q] = atof(fs + 11);
    }
    check(size[0] > 21 && size[1] == size[0] && size[2] == size[0] && size[3] == size[0],
          "chart-16.2 with the points left of the line, every name is one line at the same size, right of it too "
          "(%g, %g, %g, %g units)",
          size[0], size[1], size[2], size[3]);
    size_t small = 0;
    for (const char *p = s; (p = strstr(p, "font-size=\"")); p++) small += atoi(p + 11) < 21;
    check(small == 0, "chart-16.3 no text under 21 units (%zu)", small);
    free(s);
    /* names too long to share the frame's width: each side gets its share, and in the
       page's SVG a name too long for it is broken into lines, every word drawn */
    c.panels[0].quadrant_names[0] = "Concentrate here, where customers care and the firm falls short";
    c.panels[0].quadrant_names[1] = "Keep up the good work where customers care and the firm does well";
    s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-16.4 the matrix with long names is drawn (%s)", err)) return;
    check(!strstr(s, ">Keep up the good work where customers care and the firm does well</tspan>") &&
              strstr(s, ">Keep up") && strstr(s, "does well</tspan>") && strstr(s, ">Concentrate here") &&
              strstr(s, "falls short</tspan>") && strstr(s, ">Possible overkill</tspan>"),
          "chart-16.5 names too long for the frame's width are broken into lines, every word drawn");
    small = 0;
    for (const char *p = s; (p = strstr(p, "font-size=\"")); p++) small += atoi(p + 11) < 21;
    check(small == 0, "chart-16.6 ... no text under 21 units (%zu)", small);
    free(s);
}

/* The subtitle's <text>s in s (class="subtitle"): how many, their texts joined by '|'
 * into out, and the least font size among them. */
static size_t subtitle_texts(const char *s, char *out, size_t n, double *least)
{
    size_t lines = 0, j = 0;
    *least = INFINITY;
    out[0] = '\0';
    for (const char *at = s; (at = strstr(at, "<text class=\"subtitle\"")); at++, lines++) {
        const char *fs = strstr(at, "font-size=\""), *end = strstr(at, "</text>");
        if (fs && end && fs < end) *least = fmin(*least, atof(fs + 11));
        if (lines && j + 1 < n) out[j++] = '|';
        for (bool tag = false; end && at < end; at++)
            if (*at == '<' || *at == '>')
                tag = *at == '<';
            else if (!tag && *at != '\n' && j + 1 < n)
                out[j++] = *at;
        out[j] = '\0';
    }
    return lines;
}

/* A subtitle that would be shrunk below a point's label's size (17 of 1280 units) to fit
 * the page's width takes two lines, parted after a clause mark or between words (in
 * Chinese never inside a glossary term), each at least that size; one that fits, or
 * shrinks less, is one line as before. */
static void subtitle_wrap(void)
{
    char err[300] = "", text[1200];
    size_t len;
    double least;
    struct chart c = line_chart("Service curve", "order-cycle time (days)", "profit");
    char *s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-17.0 the chart is drawn (%s)", err)) return;
    size_t lines = subtitle_texts(s, text, sizeof text, &least);
    check(lines == 1 && strcmp(text, "default.ini, seed 1") == 0 && least == 19,
          "chart-17.1 a short subtitle is one line at its full size, as before (%zu lines, '%s', %g units)", lines,
          text, least);
    free(s);
    /* 125 characters: shrunk, to 18 units, not below the floor: one line */
    c.subtitle = "stockouts_vs_inventory.ini: reorder_point at 15 values x 10 replications, same random numbers; "
                 "whiskers: 95% CI; x: log scale";
    s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-17.2 the chart is drawn (%s)", err)) return;
    lines = subtitle_texts(s, text, sizeof text, &least);
    check(lines == 1 && least >= 17 && least < 19,
          "chart-17.3 a subtitle shrunk no further than 17 units stays one line (%zu lines, %g units)", lines, least);
    free(s);
    /* the course notes' service curve's: drawn in 13 units on one line */
    c.subtitle = "stockouts_vs_inventory.ini: reorder_point at 15 values x 10 replications, same random numbers; "
                 "whiskers: 95% CI; x: log scale, as points crowd near 100%";
    s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-17.4 the chart is drawn (%s)", err)) return;
    lines = subtitle_texts(s, text, sizeof text, &least);
    check(lines == 2 && least >= 17, "chart-17.5 a long subtitle takes two lines of at least 17 units (%zu, %g)", lines,
          least);
    check(strcmp(text, "stockouts_vs_inventory.ini: reorder_point at 15 values x 10 replications, same random "
                       "numbers;|whiskers: 95% CI; x: log scale, as points crowd near 100%") == 0,
          "chart-17.6 ... parted after a semicolon, the lines' texts the subtitle's ('%s')", text);
    free(s);
    /* no clause mark: between words, the wider line as narrow as can be; Chinese: between
       words, never inside a term (满足率, 订单周期时间) */
    c.subtitle = "default.ini 服务水平目标与订单周期时间之间的权衡以及满足率和库存持有成本在不同再订货点下的变化情况与"
                 "每个网格点的利润比较和置信区间说明以及订单周期时间的分布情况";
    s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-17.7 the Chinese chart is drawn (%s)", err)) return;
    lines = subtitle_texts(s, text, sizeof text, &least);
    const char *bar = strchr(text, '|');
    char joined[1200];
    snprintf(joined, sizeof joined, "%.*s%s", bar ? (int)(bar - text) : 0, text, bar ? bar + 1 : "");
    check(lines == 2 && least >= 17 && bar && strcmp(joined, c.subtitle) == 0 && strstr(text, "满足率") &&
              strstr(text, "再订货点") && count(text, "订单周期时间") == 2,
          "chart-17.8 a long Chinese subtitle takes two lines of at least 17 units, parted between words ('%s', %g)",
          text, least);
    free(s); /* no clause mark, a parenthesis at the end: parted between words near the middle, not
    before "(paired)" (two lines at 13 units) */
    c.subtitle = "default.ini every file against the best of the class on the same random numbers with the "
                 "difference to the best and its interval drawn as a whisker near the top (paired)";
    s = svg_of(&c, err, sizeof err, &len);
    if (!check(s != NULL, "chart-17.9 the chart is drawn (%s)", err)) return;
    lines = subtitle_texts(s, text, sizeof text, &least);
    check(lines == 2 && least >= 17 && !strstr(text, "|(paired)"),
          "chart-17.10 no clause mark and a parenthesis at its end: parted near the middle, at least 17 units ('%s', "
          "%g)",
          text, least);
    free(s);
}

int main(void)
{
    axes();
    inline_svg();
    legends();
    legend_place();
    contour_labels();
    tag_places();
    labelled_points();
    placement();
    leaders_off_legend();
    leaders_off_labels();
    crowded_bands();
    crowd_at_one_x();
    nested_dots();
    scales();
    y_titles();
    flow_diagram();
    mark_labels();
    quadrant_names();
    subtitle_wrap();
    return check_done("test_chart");
}
