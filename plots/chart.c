/* chart.c - PLplot drawing. Pitfalls handled here (docs/conventions.md): devices are named in
 * full (plsdev("png") would pick the Qt driver), the file name is always set (else
 * PLplot prompts on stdin), colours are set for a white page, '#' in any text is
 * doubled (it is PLplot's escape character), and the font is named (FONT_FAMILIES). */
#include "chart.h"
#include "lang/lang.h"

#include <errno.h>
#include <math.h>
#include <plplot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum { PAGE_W = 1280, PAGE_H = 860 };
/* Character heights relative to PLplot's default, chosen by looking at the result at
 * 1280 x 860: readable from the back of a classroom, never clipped. */
static const double TEXT_SCALE = 0.75, TITLE_SCALE = 1.0, SUBTITLE_SCALE = 0.68;
/* The least size of a label drawn smaller than TEXT_SCALE (a point's, a contour's, a
 * surface point's tag, a quadrant's name) in the chart being drawn: none in a PNG or PDF,
 * which is shown at its size, TEXT_SCALE in the SVG of an HTML page, which the page shows
 * in its column, narrower than its 1280 units on most screens (768 px on a projector of
 * 800: 21 units are 12.6 px there, 17, LABEL_SCALE's, were 10; tests/html_check.py's
 * chart-text). Set by draw_chart. */
static double text_floor = 0;
/* The least size a subtitle is shrunk to on one line to fit the page's width: a point's
 * label's (LABEL_SCALE, 17 of 1280 units), the smallest text a PNG draws; shrunk further
 * (the profit surface's, in 11) it could not be read when the chart is projected. Below
 * it, the subtitle takes two lines (page_titles). */
static const double SUBTITLE_FLOOR = 0.6;
/* The top of the page's plot area (of the page's height): 0.88, lower when the subtitle
 * takes two lines; and the lines the subtitle was drawn on (svg_inline names them). Set
 * by page_titles. */
static double page_top = 0.88;
static unsigned subtitle_lines = 0;

/* scale, or the drawing's least label size (text_floor) when that is larger. */
static double readable(double scale)
{
    return fmax(scale, text_floor);
}
enum { C_BACKGROUND = 0, C_AXES = 1, C_GRID = 2, C_FIRST_SERIES = 3 };

/* The fonts, for the cairo devices' sans-serif text, through the variable they read at
 * plinit (a list of fontconfig family names, tried in turn for each character; Pango
 * falls back along it). DejaVu Sans first: the Latin text, digits and the markers
 * (◆ ● •) stay as "sans" has always drawn them, so English charts are byte-identical.
 * Then a CJK font for Chinese (Debian's fonts-wqy-microhei, which make deps installs,
 * else fonts-noto-cjk): without one every Chinese character is a box. Named, because
 * fontconfig's own choice for "sans" follows LANG (under zh_CN.UTF-8 it is the CJK
 * font for Latin text too, and the same command draws another PNG). A family the user
 * sets in the variable is kept. */
static const char *const FONT_VARIABLE = "PLPLOT_FREETYPE_SANS_FAMILY";
static const char *const FONT_FAMILIES = "DejaVu Sans,WenQuanYi Micro Hei,Noto Sans CJK SC,sans";

/* Okabe-Ito colours, readable by colour-blind viewers and on a projector. */
static const int palette[][3] = {
    [COLOUR_BLUE] = {0, 114, 178},
    [COLOUR_VERMILLION] = {213, 94, 0},
    [COLOUR_GREEN] = {0, 158, 115},
    [COLOUR_ORANGE] = {230, 159, 0},
    [COLOUR_SKY] = {86, 180, 233},
    [COLOUR_PURPLE] = {204, 121, 167},
    [COLOUR_GREY] = {120, 120, 120},
    [COLOUR_BLACK] = {20, 20, 20},
    /* two more, outside Okabe-Ito, for charts with many series: told apart by lightness */
    [COLOUR_BROWN] = {140, 81, 10},
    [COLOUR_NAVY] = {35, 55, 120},
};

const char *chart_colour_hex(enum chart_colour c, char buf[8])
{
    const int *rgb = palette[(unsigned)c <= COLOUR_NAVY ? c : COLOUR_GREY];
    snprintf(buf, 8, "#%02x%02x%02x", rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff);
    return buf;
}

/* The extension of path's file name ("out.d/chart" has none), or NULL. */
static const char *extension_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return strrchr(slash ? slash : path, '.');
}

/* PLplot's cairo device for each extension, in either case (Windows users type .PNG). */
static const struct {
    const char *extension, *device;
} devices[] = {{".png", "pngcairo"}, {".svg", "svgcairo"}, {".pdf", "pdfcairo"}};

static const char *device_for(const char *path)
{
    const char *dot = extension_of(path);
    for (size_t i = 0; dot && i < sizeof devices / sizeof devices[0]; i++)
        if (strcasecmp(dot, devices[i].extension) == 0) return devices[i].device;
    return NULL;
}

bool chart_path_ok(const char *path, char *err, size_t errlen)
{
    if (device_for(path)) return true;
    const char *dot = extension_of(path);
    if (dot)
        snprintf(err, errlen, _("%s: cannot draw a '%s' chart; name it .png, .svg or .pdf"), path, dot);
    else
        snprintf(err, errlen, _("%s: no extension says the chart's format; name it .png, .svg or .pdf"), path);
    return false;
}

/* Text with PLplot's escape character '#' doubled, cut (if it must be) between
 * characters, never inside one: a broken UTF-8 sequence is not drawn. */
static const char *plain(const char *text, char *buf, size_t n)
{
    size_t j = 0;
    for (size_t i = 0; text && text[i];) {
        size_t len = lang_char_bytes((unsigned char)text[i]); /* '#' is one byte, written twice */
        if (j + len + (text[i] == '#') + 1 > n) break;
        if (text[i] == '#') buf[j++] = '#';
        for (size_t b = 0; b < len && text[i]; b++) buf[j++] = text[i++];
    }
    buf[j] = '\0';
    return buf;
}

static void colour(int index)
{
    plcol0(index);
}

/* Widen [*lo, *hi] to at least `span`, centred on it, but not across 0 when it lies on
 * one side of 0 (a margin of 2 % is not drawn next to negative margins). */
static void min_span(double *lo, double *hi, double span)
{
    double d = span - (*hi - *lo);
    if (!(d > 0)) return;
    bool above = *lo >= 0, below = *hi <= 0;
    *lo -= d / 2, *hi += d / 2;
    if (above && *lo < 0) *hi -= *lo, *lo = 0;
    if (below && *hi > 0) *lo -= *hi, *hi = 0;
}

/* Does the panel draw large markers (whose half width must stay inside the frame)? */
static bool has_markers(const struct chart_panel *p);

/* Where a panel with a ceiling ends its y axis: at the ceiling, or at the highest point
 * or whisker when one lies above it (NaN: no ceiling). */
static double ceiling_top(const struct chart_panel *p)
{
    if (!p->y_ceiling_on || p->y_scale != CHART_LINEAR) return NAN;
    double top = p->y_ceiling;
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        for (size_t i = 0; i < se->n; i++) {
            double e = se->err && isfinite(se->err[i]) ? se->err[i] : 0;
            if (isfinite(se->y[i])) top = fmax(top, se->y[i] + e);
        }
    }
    for (size_t m = 0; m < p->nmarks; m++)
        if (isfinite(p->marks[m].y)) top = fmax(top, p->marks[m].y);
    return top;
}

/* Data range of a panel, over every series (and whiskers), widened by a margin. x is
 * the data's range only (chart_axes pads it, the same for every panel). */
static void panel_range(const struct chart_panel *p, double *xmin, double *xmax, double *ymin, double *ymax)
{
    *xmin = *ymin = INFINITY;
    *xmax = *ymax = -INFINITY;
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        size_t nx = se->style == STYLE_BARS ? se->n + 1 : se->n;
        for (size_t i = 0; i < nx; i++) {
            const double *xerr = p->series_xerr[s];
            double e = xerr && i < se->n && isfinite(xerr[i]) ? xerr[i] : 0;
            if (isfinite(se->x[i])) *xmin = fmin(*xmin, se->x[i] - e), *xmax = fmax(*xmax, se->x[i] + e);
        }
        for (size_t i = 0; i < se->n; i++) {
            if (!isfinite(se->y[i])) continue;
            double e = se->err && isfinite(se->err[i]) ? se->err[i] : 0;
            *ymin = fmin(*ymin, se->y[i] - e);
            *ymax = fmax(*ymax, se->y[i] + e);
        }
    }
    for (size_t m = 0; m < p->nmarks; m++) {
        if (isfinite(p->marks[m].y)) *ymin = fmin(*ymin, p->marks[m].y), *ymax = fmax(*ymax, p->marks[m].y);
    }
    if (p->y_from_zero && p->y_scale == CHART_LINEAR) *ymin = fmin(*ymin, 0), *ymax = fmax(*ymax, 0);
    if (p->quadrants) {
        *xmin = fmin(*xmin, p->quadrant_x), *xmax = fmax(*xmax, p->quadrant_x);
        *ymin = fmin(*ymin, p->quadrant_y), *ymax = fmax(*ymax, p->quadrant_y);
        double qx = *xmax - *xmin, qy = *ymax - *ymin; /* room for the names in the corners */
        *xmin -= 0.08 * qx, *xmax += 0.08 * qx, *ymin -= 0.14 * qy, *ymax += 0.06 * qy;
    }
    if (!isfinite(*xmin)) *xmin = 0, *xmax = 1;
    if (!isfinite(*ymin)) *ymin = 0, *ymax = 1;
    double top = ceiling_top(p);
    bool cap = isfinite(top);
    if (p->y_scale == CHART_LINEAR && p->y_min_span > 0) min_span(ymin, ymax, p->y_min_span);
    if (*xmax == *xmin) *xmin -= 0.5, *xmax += 0.5;
    if (*ymax == *ymin) *ymin -= fabs(*ymin) * 0.05 + 0.5, *ymax += fabs(*ymax) * 0.05 + 0.5;
    if (cap && *ymax > top) { /* the span slides down under the ceiling */
        *ymin -= *ymax - top, *ymax = top;
    }
    double dy = *ymax - *ymin;
    bool markers = has_markers(p);
    /* headroom: for the legend on top, else a little; under a ceiling only a marker's
       half width, so that no tick reads above it */
    *ymax += (cap ? (markers ? 0.035 : 0) : p->legend_on_top ? 0.24 : 0.08) * dy;
    /* headroom above the data for the labels of dashed marks, one band per row */
    int rows = 0;
    for (size_t m = 0; m < p->nmarks; m++)
        if (p->marks[m].label && p->marks[m].row + 1 > rows) rows = p->marks[m].row + 1;
    if (rows) *ymax += (0.02 + 0.07 * rows) * dy;
    if (!(p->y_from_zero && p->y_scale == CHART_LINEAR && *ymin == 0)) *ymin -= (markers ? 0.07 : 0.05) * dy;
}

/* A STYLE_PEAK diamond's size (plschr's scale): larger than a dot (TEXT_SCALE's ●). */
static const double PEAK_SCALE = 1.5;

/* Is a series drawn as large markers only (no line)? */
static bool big_marker(enum chart_style st)
{
    return st == STYLE_POINTS || st == STYLE_DOTS || st == STYLE_PEAK;
}

static bool has_markers(const struct chart_panel *p)
{
    for (size_t s = 0; s < p->nseries; s++)
        if (big_marker(p->series[s].style) && p->series[s].n) return true;
    return false;
}

/* Markers at one place hide each other: a dot or diamond drawn over another series'
 * marker of another colour at its place (within CHART_LABEL_MERGE_MM) is drawn smaller,
 * by NEST_SHRINK for each such colour under it, so each shows as a ring around the next
 * and every colour present stays visible (three items of three classes at one point:
 * a bullseye). depth[i] (p->series[s].n of them): how many such colours lie under point
 * i of series s; the frame is wmm x hmm mm. */
static const double NEST_SHRINK = 0.52;
static void frame_mm(double *vw, double *vh);
static void marker_depths(const struct chart_panel *p, size_t s, double xmin, double xmax, double ymin, double ymax,
                          unsigned *depth)
{
    double wmm, hmm;
    frame_mm(&wmm, &hmm);
    const struct chart_series *se = &p->series[s];
    double per_x = wmm / (xmax - xmin), per_y = hmm / (ymax - ymin);
    for (size_t i = 0; i < se->n; i++) {
        depth[i] = 0;
        bool seen[COLOUR_NAVY + 1] = {false}; /* one per enum chart_colour */
        seen[se->colour] = true;
        for (size_t t = 0; t < s; t++) {
            const struct chart_series *o = &p->series[t];
            if (!big_marker(o->style) || o->style == STYLE_PEAK || seen[o->colour]) continue;
            for (size_t j = 0; j < o->n; j++)
                if (hypot((o->x[j] - se->x[i]) * per_x, (o->y[j] - se->y[i]) * per_y) <= CHART_LABEL_MERGE_MM) {
                    seen[o->colour] = true, depth[i]++;
                    break;
                }
        }
    }
}

/* depth: for dots and diamonds, marker_depths's (NULL: none nested) */
static void draw_series(const struct chart_series *s, const unsigned *depth, const double *xerr)
{
    colour(C_FIRST_SERIES + (int)s->colour);
    plwidth(s->style == STYLE_BARS ? 1.0 : 3.0);
    pllsty(s->dashed ? 2 : 1);
    PLINT n = (PLINT)s->n;
    if (s->style == STYLE_BARS) {
        for (size_t i = 0; i < s->n; i++) {
            double bx[4] = {s->x[i], s->x[i], s->x[i + 1], s->x[i + 1]}, by[4] = {0, s->y[i], s->y[i], 0};
            plfill(4, bx, by);
        }
    } else if (s->style == STYLE_STEPS) {
        double *sx = malloc(2 * s->n * sizeof *sx), *sy = malloc(2 * s->n * sizeof *sy);
        if (!sx || !sy) abort();
        size_t k = 0;
        for (size_t i = 0; i < s->n; i++) {
            if (i > 0) sx[k] = s->x[i], sy[k++] = s->y[i - 1];
            sx[k] = s->x[i], sy[k++] = s->y[i];
        }
        plline((PLINT)k, sx, sy);
        free(sx);
        free(sy);
    } else if (s->style == STYLE_PEAK) {
        /* plstring's glyphs take the text's size: a white diamond a third larger behind
           the coloured one outlines it on any dot or line under it */
        PLFLT def, ht;
        plgchr(&def, &ht);
        colour(C_BACKGROUND);
        plschr(0, 1.33 * PEAK_SCALE);
        plstring(n, s->x, s->y, "◆");
        colour(C_FIRST_SERIES + (int)s->colour);
        plschr(0, PEAK_SCALE);
        plstring(n, s->x, s->y, "◆");
        plschr(0, ht / def);
    } else if (s->style == STYLE_POINTS || s->style == STYLE_DOTS) {
        const char *glyph = s->style == STYLE_POINTS ? "◆" : "●";
        plssym(0, 2.4);
        /* the nested ones smaller: plstring's glyphs take the text's size */
        PLFLT def, ht;
        plgchr(&def, &ht);
        for (size_t i = 0; i < s->n; i++)
            if (depth && depth[i]) {
                plschr(0, ht / def * pow(NEST_SHRINK, depth[i]));
                plstring(1, &s->x[i], &s->y[i], glyph);
            }
        plschr(0, ht / def);
        if (!depth)
            plstring(n, s->x, s->y, glyph);
        else
            for (size_t i = 0; i < s->n; i++)
                if (!depth[i]) plstring(1, &s->x[i], &s->y[i], glyph);
        plssym(0, 1);
    } else {
        plline(n, s->x, s->y);
        if (s->n <= 60 && !s->dashed) plstring(n, s->x, s->y, "•");
    }
    if (s->err) {
        double *lo = malloc(s->n * sizeof *lo), *hi = malloc(s->n * sizeof *hi);
        if (!lo || !hi) abort();
        for (size_t i = 0; i < s->n; i++) {
            double e = isfinite(s->err[i]) ? s->err[i] : 0;
            lo[i] = s->y[i] - e, hi[i] = s->y[i] + e;
        }
        plwidth(1.5);
        pllsty(1);
        plerry(n, s->x, lo, hi);
        free(lo);
        free(hi);
    }
    if (xerr) {
        double *lo = malloc(s->n * sizeof *lo), *hi = malloc(s->n * sizeof *hi);
        if (!lo || !hi) abort();
        for (size_t i = 0; i < s->n; i++) {
            double e = isfinite(xerr[i]) ? xerr[i] : 0;
            lo[i] = s->x[i] - e, hi[i] = s->x[i] + e;
        }
        plwidth(1.5);
        pllsty(1);
        plerrx(n, lo, hi, s->y);
        free(lo);
        free(hi);
    }
    pllsty(1);
}

/* Estimated width of text at the current character size, in mm. PLplot 5.15 exports
 * no string-length call, so: code points times a generous average glyph width (the
 * sans face averages a little under 3/4 of its character height, measured on these
 * charts); a wide character (CJK, two terminal columns) takes a full em of the CJK
 * font, measured at 1.34 character heights in the pngcairo output. */
static const double NARROW_GLYPH = 0.72, WIDE_GLYPH = 1.35;
static double text_mm(const char *text)
{
    PLFLT def, ht;
    plgchr(&def, &ht);
    size_t narrow = 0, wide = 0;
    char one[5];
    for (const char *c = text; *c;) {
        size_t len = lang_char_bytes((unsigned char)*c);
        if (len > 1 && strnlen(c, len) == len) {
            memcpy(one, c, len), one[len] = '\0';
            lang_width(one) == 2 ? wide++ : narrow++;
            c += len;
        } else {
            narrow++, c++;
        }
    }
    return ((double)narrow * NARROW_GLYPH + (double)wide * WIDE_GLYPH) * ht;
}

/* The frame's size in mm, from the current viewport. */
static void frame_mm(double *vw, double *vh)
{
    PLFLT vx0, vx1, vy0, vy1, sx0, sx1, sy0, sy1;
    plgvpd(&vx0, &vx1, &vy0, &vy1);
    plgspa(&sx0, &sx1, &sy0, &sy1);
    *vw = (vx1 - vx0) * (sx1 - sx0), *vh = (vy1 - vy0) * (sy1 - sy0);
}

/* Estimated width of text at the current character size, in world x units. */
static double text_width(const char *text, double xmin, double xmax)
{
    double viewport_mm, unused;
    frame_mm(&viewport_mm, &unused);
    return viewport_mm > 0 ? text_mm(text) / viewport_mm * (xmax - xmin) : 0;
}

/* A title line at the given scale, made smaller if it would not fit the page width. */
static void page_text(double disp, double scale, const char *text)
{
    PLFLT sx0, sx1, sy0, sy1;
    plgspa(&sx0, &sx1, &sy0, &sy1);
    plschr(0, scale);
    double len = text_mm(text), room = 0.96 * (sx1 - sx0);
    if (len > room) plschr(0, scale * room / len);
    /* centred on the page, not on the viewport: the viewport sits right of centre */
    PLFLT vx0, vx1, vy0, vy1;
    plgvpd(&vx0, &vx1, &vy0, &vy1);
    plmtex("t", disp, (0.5 - vx0) / (vx1 - vx0), 0.5, text);
}

/* How many other marks' lines lie inside (lo, hi). */
static size_t lines_crossed(const struct chart_panel *p, size_t self, double lo, double hi)
{
    size_t n = 0;
    for (size_t k = 0; k < p->nmarks; k++) n += k != self && p->marks[k].x > lo && p->marks[k].x < hi;
    return n;
}

/* A mark's dashed line and its marker. Every mark's line is drawn before any label, so a
 * label's box can cover the lines it crosses. */
static void draw_mark_line(const struct chart_mark *m, double ymin, double ymax)
{
    colour(C_FIRST_SERIES + (int)m->colour);
    plwidth(1.5);
    pllsty(2);
    pljoin(m->x, ymin, m->x, ymax);
    pllsty(1);
    if (isfinite(m->y)) {
        plssym(0, 2.4);
        plstring(1, &m->x, &m->y, "◆");
        plssym(0, 1);
    }
}

/* A mark's label at the top of the panel beside its line: on the side where it fits
 * inside the frame, a gap from the line and as much from the frame, crossing the fewest
 * other marks' lines (the right on a tie); where it must cross one, on a box of the
 * background, so the line stops short of the text rather than striking through it (the
 * 95th percentile's label beside the promise). A label too long for either side is
 * centred on its line, moved inside the frame, on such a box. */
static void draw_mark_label(const struct chart_panel *p, size_t k, double ymin, double ymax, double xmin, double xmax)
{
    const struct chart_mark *m = &p->marks[k];
    if (!m->label) return;
    char buf[1200];
    double gap = 0.008 * (xmax - xmin);
    plschr(0, TEXT_SCALE);
    plain(m->label, buf, sizeof buf);
    double w = text_width(buf, xmin, xmax);
    /* the gap from the line on one side, the same gap from the frame on the other */
    bool right_fits = m->x + gap + w + gap <= xmax, left_fits = m->x - gap - w - gap >= xmin;
    size_t right_crosses = lines_crossed(p, k, m->x, m->x + gap + w);
    size_t left_crosses = lines_crossed(p, k, m->x - gap - w, m->x);
    bool left = right_fits && left_fits ? left_crosses < right_crosses : !right_fits;
    double x = m->x + (left ? -gap : gap), y = ymax - (0.05 + 0.065 * m->row) * (ymax - ymin);
    double just = left ? 1.0 : 0.0;
    /* fitting on neither side: across its own line, kept inside the frame, on a box */
    bool across = !right_fits && !left_fits;
    if (across) {
        x = fmax(xmin + gap, fmin(m->x - w / 2, xmax - gap - w));
        left = false, just = 0.0;
    }
    if (across || (left ? left_crosses : right_crosses)) {
        PLFLT def, ht;
        plgchr(&def, &ht);
        double wmm, hmm;
        frame_mm(&wmm, &hmm);
        double half = hmm > 0 ? 0.8 * ht / hmm * (ymax - ymin) : 0; /* half the box's height */
        double x0 = left ? x - w - 0.5 * gap : x - 0.5 * gap, x1 = x0 + w + gap;
        PLFLT bx[4] = {x0, x1, x1, x0}, by[4] = {y - half, y - half, y + half, y + half};
        colour(C_BACKGROUND);
        plfill(4, bx, by);
    }
    colour(C_FIRST_SERIES + (int)m->colour);
    plptex(x, y, 1, 0, just, buf);
}

/* ---- legends ----
 * Drawn here rather than by pllegend, which sizes its box from PLplot's own measure of
 * the text: right for the cairo devices, but the "svg" device (the HTML page's charts)
 * measures with the Hershey fonts, so its boxes came out too wide for Latin text and too
 * narrow for Chinese, the text running out of them. text_mm's estimate is the same on
 * every device. */

enum legend_mark { MARK_LINE, MARK_SYMBOL, MARK_BOX };
enum legend_place {
    PLACE_TOP,
    PLACE_TOP_LEFT,
    PLACE_TOP_RIGHT,
    PLACE_BOTTOM_LEFT,
    PLACE_BOTTOM_RIGHT,
    PLACE_RIGHT_MIDDLE,
    PLACE_LEFT_MIDDLE,
    PLACE_BOTTOM,
    PLACE_RIGHT_OUTSIDE
};

struct legend_entry {
    const char *text; /* plain (plain()) */
    enum legend_mark mark;
    int colour;          /* the mark's colour index */
    int line_style;      /* MARK_LINE: pllsty's */
    double line_width;   /* MARK_LINE */
    const char *symbol;  /* MARK_SYMBOL */
    double symbol_scale; /* MARK_SYMBOL: its size (plschr's scale) */
};

struct legend_style {
    enum legend_place place;
    int columns;         /* filled down each column first */
    double x_off, y_off; /* from the frame, in shares of the viewport's width and height */
    double mark_width;   /* the mark's width, a share of the viewport's width */
    double text_offset;  /* from the mark to the text, in character heights of the text */
    double text_scale;   /* the text's size (plschr's scale) */
    double spacing;      /* rows apart, in character heights of the text */
};

/* The width of column c of a legend of n entries, `rows` a column (filled down each
 * column first): its mark, the gap, its widest text and, but after the last, a space. */
static double legend_column_width(const struct legend_entry *e, int n, int rows, int cols, int c, double mark,
                                  double gap, double ht)
{
    double text = 0;
    for (int r = 0; r < rows && c * rows + r < n; r++) text = fmax(text, text_mm(e[c * rows + r].text));
    return mark + gap + text + (c + 1 < cols ? 1.5 * ht : 0);
}

/* A legend's box, in mm from the frame's lower left corner (vw x vh mm), with the text
 * at its size (plschr(0, st->text_scale) in effect): its left and top edges and size. */
struct legend_box {
    double left, top, width, height;
};

static struct legend_box legend_box_at(const struct legend_entry *e, int n, const struct legend_style *st, double vw,
                                       double vh)
{
    PLFLT def, ht;
    plgchr(&def, &ht);
    int cols = st->columns > 0 ? st->columns : 1, rows = (n + cols - 1) / cols;
    double mark = st->mark_width * vw, gap = st->text_offset * ht, pad = 0.8 * ht;
    struct legend_box b = {.width = 2 * pad, .height = rows * st->spacing * ht + 0.4 * ht};
    for (int c = 0; c < cols; c++) b.width += legend_column_width(e, n, rows, cols, c, mark, gap, ht);
    double x_off = st->x_off * vw, y_off = st->y_off * vh;
    switch (st->place) {
    case PLACE_TOP: b.left = (vw - b.width) / 2, b.top = vh - y_off; break; /* centred, as PLACE_BOTTOM */
    case PLACE_TOP_LEFT: b.left = x_off, b.top = vh - y_off; break;
    case PLACE_TOP_RIGHT: b.left = vw - x_off - b.width, b.top = vh - y_off; break;
    case PLACE_BOTTOM_LEFT: b.left = x_off, b.top = y_off + b.height; break;
    case PLACE_BOTTOM_RIGHT: b.left = vw - x_off - b.width, b.top = y_off + b.height; break;
    case PLACE_RIGHT_MIDDLE: b.left = vw - x_off - b.width, b.top = (vh + b.height) / 2; break;
    case PLACE_LEFT_MIDDLE: b.left = x_off, b.top = (vh + b.height) / 2; break;
    case PLACE_BOTTOM: b.left = (vw - b.width) / 2, b.top = y_off + b.height; break;
    case PLACE_RIGHT_OUTSIDE: /* centred beside the frame */
    default: b.left = vw + x_off, b.top = (vh + b.height) / 2 - y_off; break;
    }
    return b;
}

/* Draw the legend in the current viewport, whose world window is x0..x1, y0..y1 (restored
 * after: the legend is drawn in mm from the viewport's lower left corner). */
static void draw_legend_box(const struct legend_entry *e, int n, const struct legend_style *st, double x0, double x1,
                            double y0, double y1)
{
    if (n <= 0) return;
    PLFLT vx0, vx1, vy0, vy1, sx0, sx1, sy0, sy1, def, ht0;
    plgvpd(&vx0, &vx1, &vy0, &vy1);
    plgspa(&sx0, &sx1, &sy0, &sy1);
    plgchr(&def, &ht0);
    double sw = sx1 - sx0, sh = sy1 - sy0, vw = (vx1 - vx0) * sw, vh = (vy1 - vy0) * sh;
    /* the whole page as the viewport (a legend outside the frame is not clipped), in mm
       from the frame's lower left corner */
    plvpor(0, 1, 0, 1);
    plwind(-vx0 * sw, (1 - vx0) * sw, -vy0 * sh, (1 - vy0) * sh);
    double scale = st->text_scale;
    plschr(0, scale);
    PLFLT ht;
    plgchr(&def, &ht);
    int cols = st->columns > 0 ? st->columns : 1, rows = (n + cols - 1) / cols;
    double mark = st->mark_width * vw, gap = st->text_offset * ht, pad = 0.8 * ht, pitch = st->spacing * ht;
    struct legend_box box = legend_box_at(e, n, st, vw, vh);
    double left = box.left, top = box.top, width = box.width, height = box.height;
    PLFLT bx[5] = {left, left + width, left + width, left, left},
          by[5] = {top - height, top - height, top, top, top - height};
    colour(C_BACKGROUND);
    plfill(4, bx, by);
    colour(C_GRID);
    plwidth(1.0);
    pllsty(1);
    plline(5, bx, by);
    double x = left + pad;
    for (int c = 0; c < cols; c++) {
        for (int r = 0; r < rows && c * rows + r < n; r++) {
            const struct legend_entry *en = &e[c * rows + r];
            double y = top - 0.2 * ht - (r + 0.5) * pitch;
            colour(en->colour);
            if (en->mark == MARK_LINE) {
                plwidth(en->line_width);
                pllsty(en->line_style);
                pljoin(x, y, x + mark, y);
                pllsty(1);
            } else if (en->mark == MARK_BOX) {
                PLFLT kx[4] = {x, x + mark, x + mark, x},
                      ky[4] = {y - 0.4 * ht, y - 0.4 * ht, y + 0.4 * ht, y + 0.4 * ht};
                plfill(4, kx, ky);
            } else {
                plschr(0, en->symbol_scale); /* the size the chart draws its points at */
                plptex(x + mark / 2, y, 1, 0, 0.5, en->symbol);
                plschr(0, scale);
            }
            colour(C_AXES);
            plptex(x + mark + gap, y, 1, 0, 0, en->text);
        }
        x += legend_column_width(e, n, rows, cols, c, mark, gap, ht);
    }
    plwidth(1.0);
    plschr(0, ht0 / def);
    plvpor(vx0, vx1, vy0, vy1);
    plwind(x0, x1, y0, y1);
}

/* ---- point labels (the rule is in chart.h) ---- */

void chart_label_groups(const double *px, const double *py, size_t n, double near, size_t *group)
{
    for (size_t i = 0; i < n; i++) {
        group[i] = i;
        for (size_t j = 0; j < i; j++) {
            if (group[j] == j && hypot(px[i] - px[j], py[i] - py[j]) <= near) {
                group[i] = j;
                break;
            }
        }
    }
}

/* Do boxes (centre, size) a and b overlap, each widened by pad / 2 on every side? */
static bool boxes_overlap(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh,
                          double pad)
{
    return fabs(ax - bx) < (aw + bw) / 2 + pad && fabs(ay - by) < (ah + bh) / 2 + pad;
}

struct place {
    double x, y, cost;
    bool leader;
};

static int by_cost(const void *a, const void *b)
{
    const struct place *p = a, *q = b;
    return (p->cost > q->cost) - (p->cost < q->cost);
}

/* The end of a leader line from (px, py) to the box (centre x, y, size w, h): the
 * box's nearest point. */
static void leader_end(double px, double py, double x, double y, double w, double h, double *ex, double *ey)
{
    *ex = fmax(x - w / 2, fmin(px, x + w / 2));
    *ey = fmax(y - h / 2, fmin(py, y + h / 2));
}

/* Does the segment (ax, ay)-(bx, by) pass through the box (centre x, y, size w, h)?
 * Liang-Barsky clipping. */
static bool segment_crosses(double ax, double ay, double bx, double by, double x, double y, double w, double h)
{
    double t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {ax - (x - w / 2), (x + w / 2) - ax, ay - (y - h / 2), (y + h / 2) - ay};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = fmax(t0, t);
        else
            t1 = fmin(t1, t);
        if (t0 > t1) return false;
    }
    return true;
}

/* Do the segments (ax, ay)-(bx, by) and (cx, cy)-(dx, dy) cross (each passes strictly
 * from one side of the other to the other; segments that only touch, or run along one
 * line, do not)? */
static bool segments_cross(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
{
    double d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax), d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
    double d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx), d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/* How strictly is a box of label l at (x, y) free, up to upto: -3, not at all; -2, it is
 * inside the area and free of the labels placed before it and of the blocked boxes; -1,
 * also no leader line (its own or one placed before) crosses a label, widened by half the
 * gap on each side; 0, its box also covers no other point's marker; 2 (1 and 2 are one),
 * also its leader crosses no leader placed before; 3, also no line of the chart crosses
 * its box. */
static int place_level(const struct chart_label *labels, size_t l, double x, double y, bool leader,
                       const struct chart_label_area *a, int upto, size_t n)
{
    const struct chart_label *me = &labels[l];
    if (x - me->w / 2 < a->x0 || x + me->w / 2 > a->x1 || y - me->h / 2 < a->y0 || y + me->h / 2 > a->y1) return -3;
    double lx = 0, ly = 0; /* the leader's end, on the label's box */
    if (leader) leader_end(me->px, me->py, x, y, me->w, me->h, &lx, &ly);
    for (size_t k = 0; k < a->nblocked; k++) {
        const struct chart_box *b = &a->blocked[k];
        if (boxes_overlap(x, y, me->w, me->h, b->x, b->y, b->w, b->h, a->gap)) return -3;
        /* nor does its leader run through the box (the legend), unless its point lies
           under the box, where every leader does */
        bool under = fabs(me->px - b->x) <= b->w / 2 && fabs(me->py - b->y) <= b->h / 2;
        if (leader && !under && segment_crosses(me->px, me->py, lx, ly, b->x, b->y, b->w, b->h)) return -3;
    }
    for (size_t k = 0; k < l; k++)
        if (boxes_overlap(x, y, me->w, me->h, labels[k].x, labels[k].y, labels[k].w, labels[k].h, a->gap)) return -3;
    if (upto < -1) return -2;
    /* a leader through another label's text, or a label on another's leader, and the
       reader cannot tell which marker is which */
    for (size_t k = 0; k < l; k++) {
        const struct chart_label *o = &labels[k];
        if (leader && segment_crosses(me->px, me->py, lx, ly, o->x, o->y, o->w + a->gap, o->h + a->gap)) return -2;
        if (o->leader) {
            double ox, oy;
            leader_end(o->px, o->py, o->x, o->y, o->w, o->h, &ox, &oy);
            if (segment_crosses(o->px, o->py, ox, oy, x, y, me->w + a->gap, me->h + a->gap)) return -2;
        }
    }
    if (upto < 0) return -1;
    /* a label away from its point keeps off other markers by a marker's width more, so
     * it is not read as theirs */
    double keep_off = leader ? 2 * a->marker : a->marker;
    for (size_t k = 0; k < n; k++)
        if (k != l && boxes_overlap(x, y, me->w, me->h, labels[k].px, labels[k].py, keep_off, keep_off, 0)) return -1;
    for (size_t k = 0; k < a->nothers; k++)
        if (boxes_overlap(x, y, me->w, me->h, a->other_x[k], a->other_y[k], keep_off, keep_off, 0)) return -1;
    if (upto < 1) return 0;
    for (size_t k = 0; k < l && leader; k++) {
        const struct chart_label *o = &labels[k];
        if (!o->leader) continue;
        double ox, oy;
        leader_end(o->px, o->py, o->x, o->y, o->w, o->h, &ox, &oy);
        if (segments_cross(me->px, me->py, lx, ly, o->px, o->py, ox, oy)) return 0;
    }
    if (upto < 3) return 2;
    for (size_t k = 0; k < a->nsegments; k++)
        if (segment_crosses(a->seg_x[2 * k], a->seg_y[2 * k], a->seg_x[2 * k + 1], a->seg_y[2 * k + 1], x, y, me->w,
                            me->h))
            return 2;
    return 3;
}

/* Is a box of label l at (x, y) free at strictness strict (place_level)? */
static bool place_free(const struct chart_label *labels, size_t l, double x, double y, bool leader,
                       const struct chart_label_area *a, int strict, size_t n)
{
    return place_level(labels, l, x, y, leader, a, strict, n) >= strict;
}

/* Label heights: beyond, a long leader is worse than a crossing (of a line: beyond the
   longer reach, as a label over a curve hides the curve where it is read; of another
   leader: beyond the longest, as a leader run far through a crowd is hard to follow) */
enum { STRICT_REACH = 4, LINE_REACH = 8, FAR_REACH = 12 };

/* The places for label l, nearest first: the 8 touching its marker, then columns of
 * places stacked one label height apart beside the point, across the area. Those
 * further than FAR_REACH label heights come after the others but are not sorted yet
 * (*near: how many are): most labels find a place before them. */
static size_t label_places(const struct chart_label *me, const struct chart_label_area *a, struct place **out,
                           size_t *near)
{
    double r = a->marker / 2 + a->gap, c = r * 0.7;
    double step_y = me->h + a->gap, step_x = me->h;
    size_t rows = (size_t)ceil((a->y1 - a->y0) / step_y) + 1, cols = (size_t)ceil((a->x1 - a->x0) / step_x) + 1;
    size_t cap = 8 + 2 * cols * (2 * rows + 1), n = 0;
    struct place *p = malloc(cap * sizeof *p);
    if (!p) abort();
    const double touch[8][2] = {{r + me->w / 2, 0},
                                {-r - me->w / 2, 0},
                                {0, r + me->h / 2},
                                {0, -r - me->h / 2},
                                {c + me->w / 2, c + me->h / 2},
                                {c + me->w / 2, -c - me->h / 2},
                                {-c - me->w / 2, c + me->h / 2},
                                {-c - me->w / 2, -c - me->h / 2}};
    for (size_t k = 0; k < 8; k++) p[n++] = (struct place){me->px + touch[k][0], me->py + touch[k][1], -1, false};
    size_t first_far = n;
    for (size_t col = 0; col < cols; col++) {
        for (int side = 1; side >= -1; side -= 2) {
            double x = me->px + side * (r + me->w / 2 + (double)col * step_x);
            for (size_t row = 0; row <= 2 * rows; row++) {
                double dy = ((double)row - (double)rows) * step_y, y = me->py + dy;
                if (col == 0 && row == rows) continue; /* the touching place to its side */
                p[n++] = (struct place){x, y, hypot(x - me->px, dy), true};
            }
        }
    }
    /* the far ones moved after the near ones, each in its order (as a stable sort of all
       would leave them) */
    struct place *far = malloc((n - first_far + 1) * sizeof *far);
    if (!far) abort();
    size_t m = first_far, nfar = 0;
    for (size_t k = first_far; k < n; k++) {
        if (p[k].cost <= FAR_REACH * me->h)
            p[m++] = p[k];
        else
            far[nfar++] = p[k];
    }
    memcpy(p + m, far, nfar * sizeof *far);
    free(far);
    qsort(p + first_far, m - first_far, sizeof *p, by_cost); /* ties: equal places, either will do */
    *near = m;
    *out = p;
    return n;
}

/* How well a placing went: how many labels took a place of each strictness below 1 (by
 * rule 3, or a leader through a label: [0]; on a marker: [1]; a leader across a leader:
 * [2]), then the leaders' total length. */
struct placing {
    size_t worse[3];
    double length;
};

/* Is placing a better than b? */
static bool placing_better(const struct placing *a, const struct placing *b)
{
    for (int k = 0; k < 3; k++)
        if (a->worse[k] != b->worse[k]) return a->worse[k] < b->worse[k];
    return a->length < b->length;
}

/* Rules 2 and 3, the labels placed in their order; bad[l]: label l's place is wanting. */
/* Each label's places (label_places), made once for all the orders it is placed in;
 * sorted up to near, all once sorted. */
struct places {
    struct place *p;
    size_t n, near;
    bool sorted;
};

static struct placing place_in_order(struct chart_label *labels, size_t n, const struct chart_label_area *area,
                                     struct places *const *places, bool *bad)
{
    enum { UNKNOWN = 127 };
    struct placing how = {{0, 0, 0}, 0};
    size_t most = 0;
    for (size_t l = 0; l < n; l++) most = most > places[l]->n ? most : places[l]->n;
    signed char *level = malloc(most + 1);
    if (!level) abort();
    double top = -INFINITY;
    for (size_t l = 0; l < n; l++) {
        struct chart_label *me = &labels[l];
        const struct place *p = places[l]->p;
        size_t np = places[l]->n;
        /* the passes: how strict, how far (label heights) */
        static const struct {
            int strict;
            double reach;
        } pass[] = {{3, LINE_REACH}, {2, STRICT_REACH}, {2, FAR_REACH}, {0, FAR_REACH},
                    {2, INFINITY},   {0, INFINITY},     {-1, INFINITY}, {-2, INFINITY}};
        int strict = 3;
        bool done = false;
        /* each place's strictness found once (place_level), for all the passes */
        memset(level, UNKNOWN, np * sizeof *level);
        for (size_t q = area->nsegments ? 0 : 1; q < sizeof pass / sizeof *pass && !done; q++) {
            strict = pass[q].strict;
            if (pass[q].reach > FAR_REACH && !places[l]->sorted) {
                qsort(places[l]->p + places[l]->near, np - places[l]->near, sizeof *p, by_cost);
                places[l]->sorted = true;
            }
            for (size_t k = 0; k < np && !done && p[k].cost <= pass[q].reach * me->h; k++) {
                if (level[k] == UNKNOWN) {
                    level[k] = (signed char)place_level(labels, l, p[k].x, p[k].y, p[k].leader, area, 3, n);
                    if (area->tries) ++*area->tries;
                }
                if (level[k] >= strict) me->x = p[k].x, me->y = p[k].y, me->leader = p[k].leader, done = true;
            }
        }
        if (!done) { /* rule 3: above everything placed */
            double highest = fmax(top, fmax(area->y1, me->py));
            me->x = me->px + area->marker / 2 + area->gap + me->w / 2;
            me->y = highest + area->gap + me->h / 2;
            me->leader = true;
        }
        bad[l] = !done || strict < 1;
        if (bad[l]) how.worse[!done || strict == -2 ? 0 : strict == -1 ? 1 : 2]++;
        if (me->leader) {
            double ex, ey;
            leader_end(me->px, me->py, me->x, me->y, me->w, me->h, &ex, &ey);
            how.length += hypot(ex - me->px, ey - me->py);
        }
        top = fmax(top, me->y + me->h / 2);
    }
    free(level);
    return how;
}

static bool wanting(const struct placing *p)
{
    return p->worse[0] || p->worse[1] || p->worse[2];
}

/* Rules 2 to 4: each label beside its point, or near it with a leader. */
static void place_scattered(struct chart_label *labels, size_t n, const struct chart_label_area *area)
{
    bool *bad = malloc((n + 1) * sizeof *bad);
    struct places *places = calloc(n + 1, sizeof *places), **in_order = calloc(n + 1, sizeof *in_order);
    if (!bad || !places || !in_order) abort();
    for (size_t i = 0; i < n; i++) {
        places[i].n = label_places(&labels[i], area, &places[i].p, &places[i].near);
        in_order[i] = &places[i];
    }
    struct placing best = place_in_order(labels, n, area, in_order, bad);
    if (n < 2 || !wanting(&best)) {
        for (size_t i = 0; i < n; i++) free(places[i].p);
        free(places), free(in_order), free(bad);
        return;
    }
    /* some label's place is wanting: placed again in other orders, each then again with
       its first such label first (it goes where the others took its room, and they find
       other places), up to 3 times for each label; the best placing kept (the first on a
       tie) */
    size_t *order = malloc(n * sizeof *order), *starts = malloc(5 * n * sizeof *starts);
    struct chart_label *tried = malloc(n * sizeof *tried), *kept = malloc(n * sizeof *kept);
    if (!order || !starts || !tried || !kept) abort();
    memcpy(kept, labels, n * sizeof *kept);
    size_t tries = 0, *was = area->tries;
    struct chart_label_area counted = *area;
    counted.tries = &tries;
    area = &counted;
    for (int start = 0; start < 5 && wanting(&best) && tries < CHART_LABEL_TRIES; start++) {
        /* the labels' own order, then by their points: left to right, right to left, bottom
           to top, top to bottom (stable) */
        for (size_t i = 0; i < n; i++) {
            size_t j = i;
            if (start) {
                double key = (start <= 2 ? labels[i].px : labels[i].py) * (start % 2 ? 1 : -1);
                for (; j > 0; j--) {
                    const struct chart_label *o = &labels[order[j - 1]];
                    if ((start <= 2 ? o->px : o->py) * (start % 2 ? 1 : -1) <= key) break;
                    order[j] = order[j - 1];
                }
            }
            order[j] = i;
        }
        /* an order tried before (points that share an x or a y) places them as before */
        memcpy(starts + (size_t)start * n, order, n * sizeof *order);
        bool again = false;
        for (int b = 0; b < start && !again; b++) again = !memcmp(starts + (size_t)b * n, order, n * sizeof *order);
        if (again) continue;
        for (size_t i = 0; i < n; i++) tried[i] = labels[order[i]], in_order[i] = &places[order[i]];
        struct placing how = start ? place_in_order(tried, n, area, in_order, bad) : best;
        for (size_t round = 0; round <= 3 * n; round++) {
            if (placing_better(&how, &best)) {
                best = how;
                for (size_t i = 0; i < n; i++) kept[order[i]] = tried[i];
            }
            if (!wanting(&how) || round == 3 * n || tries >= CHART_LABEL_TRIES) break;
            size_t first = 0;
            while (!bad[first]) first++;
            if (first == 0) break; /* it was placed first already */
            size_t moved = order[first];
            struct chart_label t = tried[first];
            memmove(order + 1, order, first * sizeof *order);
            memmove(tried + 1, tried, first * sizeof *tried);
            memmove(in_order + 1, in_order, first * sizeof *in_order);
            order[0] = moved, tried[0] = t, in_order[0] = &places[moved];
            how = place_in_order(tried, n, area, in_order, bad);
        }
    }
    memcpy(labels, kept, n * sizeof *kept);
    if (was) *was += tries;
    for (size_t i = 0; i < n; i++) free(places[i].p);
    free(places), free(in_order), free(order), free(starts), free(tried), free(kept), free(bad);
}

/* ---- crowded labels in a staircase (rule 5 in chart.h) ---- */

/* What a placing of all n labels costs the reader, worst first: labels outside the area
 * (rule 3), leaders through another label's text, labels on another point's marker,
 * leaders that cross each other, labels that a line of the chart crosses; then the
 * longest leader, its run along x counted twice. */
struct layout_cost {
    size_t outside, through, covers, crossings, lined;
    double longest;
};

static struct layout_cost layout_cost(const struct chart_label *l, size_t n, const struct chart_label_area *a)
{
    struct layout_cost c = {0, 0, 0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        c.outside += l[i].x - l[i].w / 2 < a->x0 || l[i].x + l[i].w / 2 > a->x1 || l[i].y - l[i].h / 2 < a->y0 ||
                     l[i].y + l[i].h / 2 > a->y1;
        for (size_t k = 0; k < n; k++)
            c.covers +=
                k != i && boxes_overlap(l[i].x, l[i].y, l[i].w, l[i].h, l[k].px, l[k].py, a->marker, a->marker, 0);
        for (size_t k = 0; k < a->nothers; k++)
            c.covers +=
                boxes_overlap(l[i].x, l[i].y, l[i].w, l[i].h, a->other_x[k], a->other_y[k], a->marker, a->marker, 0);
        for (size_t k = 0; k < a->nsegments; k++)
            c.lined += segment_crosses(a->seg_x[2 * k], a->seg_y[2 * k], a->seg_x[2 * k + 1], a->seg_y[2 * k + 1],
                                       l[i].x, l[i].y, l[i].w, l[i].h);
        if (!l[i].leader) continue;
        double ex, ey;
        leader_end(l[i].px, l[i].py, l[i].x, l[i].y, l[i].w, l[i].h, &ex, &ey);
        /* a run along x counts twice: across a band of points it hides them and is
           hard to follow */
        c.longest = fmax(c.longest, hypot(ex - l[i].px, ey - l[i].py) + fabs(ex - l[i].px));
        for (size_t k = 0; k < n; k++) {
            if (k == i) continue;
            c.through += segment_crosses(l[i].px, l[i].py, ex, ey, l[k].x, l[k].y, l[k].w, l[k].h);
            if (k < i || !l[k].leader) continue;
            double fx, fy;
            leader_end(l[k].px, l[k].py, l[k].x, l[k].y, l[k].w, l[k].h, &fx, &fy);
            c.crossings += segments_cross(l[i].px, l[i].py, ex, ey, l[k].px, l[k].py, fx, fy);
        }
    }
    return c;
}

/* Is a better than b: no worse in any count, and fewer crossings, or as many and a
 * longest leader shorter by a label's height h? */
static bool layout_better(const struct layout_cost *a, const struct layout_cost *b, double h)
{
    if (a->outside > b->outside || a->through > b->through || a->covers > b->covers || a->lined > b->lined)
        return false;
    if (a->crossings != b->crossings) return a->crossings < b->crossings;
    return a->longest < b->longest - h;
}

/* A staircase: the labels with leaders (all: every label) in the order of their points
 * along x (away is the side a label hangs: -1, left of its point, from the leftmost point
 * on; 1, right, from the rightmost; 0, either, left first), each at the nearest free row
 * straight below (down -1) or above (down 1; 0, below, else above) its point, its corner
 * nearest the point under it, so that every leader runs straight down or up, clear of the
 * labels before it. The other labels stay, and so does one that finds no free row, if its
 * place is still free of the others (rule 2's last resort); false when it is not. */
static bool place_staircase(struct chart_label *l, size_t n, const struct chart_label_area *a, int away, int down,
                            bool all, size_t *order)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!all && !l[i].leader) order[m++] = i;
    size_t fixed = m;
    for (size_t i = 0; i < n; i++) {
        if (!all && !l[i].leader) continue;
        size_t j = m++;
        for (; j > fixed && (away > 0 ? l[order[j - 1]].px < l[i].px : l[order[j - 1]].px > l[i].px); j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    /* place_free sees the labels before the one it places: put them in placing order */
    struct chart_label *t = malloc(n * sizeof *t);
    if (!t) abort();
    for (size_t k = 0; k < n; k++) t[k] = l[order[k]];
    /* the corner of each label's box nearest its point: under the point, or as far out
       as keeps it clear of the later labels' leaders, which run past its row (a fan
       where points nearly share an x) */
    double *corner = malloc(n * sizeof *corner);
    if (!corner) abort();
    int lean = away ? away : -1;
    for (size_t k = n; k-- > fixed;) {
        corner[k] = t[k].px;
        if (k + 1 < n)
            corner[k] = lean < 0 ? fmin(corner[k], corner[k + 1] - a->gap / 2 - 1e-6)
                                 : fmax(corner[k], corner[k + 1] + a->gap / 2 + 1e-6);
    }
    double r = a->marker / 2 + a->gap;
    bool ok = true;
    for (size_t k = fixed; k < n && ok; k++) {
        struct chart_label *me = &t[k];
        /* rows one label's height and a gap apart (and a hair, so that two rows do not
           overlap by rounding) from the area's edge, beyond the marker */
        double step = me->h + a->gap + 1e-6;
        size_t rows = (size_t)ceil((a->y1 - a->y0) / step) + 1;
        bool done = false;
        for (int way = down ? down : -1; way <= (down ? down : 1) && !done; way += 2) {
            double edge = way < 0 ? a->y1 - me->h / 2 : a->y0 + me->h / 2;
            double first =
                fmax(0, ceil((way < 0 ? edge - (me->py - r - me->h / 2) : (me->py + r + me->h / 2) - edge) / step));
            /* clear of the chart's lines within a few rows, else anywhere */
            for (int strict = 3; strict >= 2 && !done; strict--) {
                for (size_t row = 0; row <= (strict == 3 ? 4 : rows) && !done; row++) {
                    double y = edge + way * (first + (double)row) * step;
                    for (int shift = 0; shift < 4 && !done; shift++) {
                        for (int side = away ? away : -1; side <= (away ? away : 1) && !done; side += 2) {
                            double x = (side == lean ? corner[k] : me->px) + side * (me->w / 2 + shift * a->gap / 2);
                            if (place_free(t, k, x, y, true, a, strict, n))
                                me->x = x, me->y = y, me->leader = true, done = true;
                        }
                    }
                }
            }
        }
        ok = done || place_free(t, k, me->x, me->y, me->leader, a, -1, n);
    }
    for (size_t k = 0; k < n; k++) l[order[k]] = t[k];
    free(t), free(corner);
    return ok;
}

void chart_label_place(struct chart_label *labels, size_t n, const struct chart_label_area *area)
{
    place_scattered(labels, n, area);
    double h = 0;
    size_t leaders = 0;
    for (size_t i = 0; i < n; i++) h = fmax(h, labels[i].h), leaders += labels[i].leader;
    struct layout_cost best = layout_cost(labels, n, area);
    if (leaders < 2 || (best.crossings == 0 && best.longest <= CHART_LABEL_LONG * h)) return;
    /* rule 5: leaders that cross, or one that runs far: the labels with leaders (or all)
       in a staircase below or above their points, if one reads better */
    size_t *order = malloc(n * sizeof *order);
    struct chart_label *tried = malloc(n * sizeof *tried), *kept = malloc(n * sizeof *kept);
    if (!order || !tried || !kept) abort();
    memcpy(kept, labels, n * sizeof *kept);
    static const int ways[][2] = {{-1, -1}, {1, -1}, {0, -1}, {-1, 1}, {1, 1}, {0, 1}, {-1, 0}, {1, 0}, {0, 0}};
    for (size_t w = 0; w < 2 * sizeof ways / sizeof *ways; w++) {
        memcpy(tried, labels, n * sizeof *tried);
        if (!place_staircase(tried, n, area, ways[w / 2][0], ways[w / 2][1], w % 2, order)) continue;
        struct layout_cost c = layout_cost(tried, n, area);
        if (layout_better(&c, &best, h)) best = c, memcpy(kept, tried, n * sizeof *kept);
    }
    memcpy(labels, kept, n * sizeof *kept);
    free(order), free(tried), free(kept);
}

/* The panel's labelled points, grouped, measured, placed and drawn (rule in chart.h). */
static const double LABEL_SCALE = 0.6;
/* PLplot's inward major ticks, in pixels of the PNG (measured): point labels keep off them */
static const double TICK_PX = 17;
static void draw_point_labels(const struct chart_panel *p, double xmin, double xmax, double ymin, double ymax,
                              const struct legend_box *legend)
{
    size_t n = 0;
    double marker_scale = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        if (!p->point_labels[s]) continue;
        const struct chart_series *se = &p->series[s];
        bool big = big_marker(se->style);
        marker_scale = fmax(marker_scale, big ? 2.4 : 1.0);
        for (size_t i = 0; i < se->n; i++) n += p->point_labels[s][i] && isfinite(se->x[i]) && isfinite(se->y[i]);
    }
    if (n == 0) return;
    /* the viewport in mm, origin at its bottom left */
    PLFLT def, ht;
    double wmm, hmm;
    frame_mm(&wmm, &hmm);
    double *px = calloc(n, sizeof *px),
           *py = calloc(n, sizeof *py); /* zeroed: GCC cannot see that the loop below fills all n */
    const char **text = malloc(n * sizeof *text);
    size_t *group = malloc(n * sizeof *group);
    if (!px || !py || !text || !group) abort();
    n = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        for (size_t i = 0; p->point_labels[s] && i < se->n; i++) {
            if (!p->point_labels[s][i] || !isfinite(se->x[i]) || !isfinite(se->y[i])) continue;
            px[n] = (se->x[i] - xmin) / (xmax - xmin) * wmm, py[n] = (se->y[i] - ymin) / (ymax - ymin) * hmm;
            text[n++] = p->point_labels[s][i];
        }
    }
    chart_label_groups(px, py, n, CHART_LABEL_MERGE_MM, group);
    /* each group's text: its points' texts joined by ", " */
    size_t ngroups = 0;
    for (size_t i = 0; i < n; i++) ngroups += group[i] == i;
    struct chart_label *labels = calloc(ngroups, sizeof *labels);
    char **joined = calloc(ngroups, sizeof *joined);
    if (!labels || !joined) abort();
    plschr(0, readable(LABEL_SCALE));
    plgchr(&def, &ht);
    for (size_t i = 0, g = 0; i < n; i++) {
        if (group[i] != i) continue;
        size_t len = 0;
        for (size_t j = i; j < n; j++) len += group[j] == i ? strlen(text[j]) + 2 : 0;
        char *t = malloc(len + 1), *raw = malloc(len + 1);
        if (!t || !raw) abort();
        raw[0] = '\0';
        for (size_t j = i; j < n; j++) {
            if (group[j] != i) continue;
            if (raw[0]) strcat(raw, ", ");
            strcat(raw, text[j]);
        }
        size_t cap = 2 * len + 1; /* room for every '#' doubled */
        char *esc = realloc(t, cap);
        if (!esc) abort();
        joined[g] = (char *)plain(raw, esc, cap);
        free(raw);
        labels[g] = (struct chart_label){.px = px[i], .py = py[i], .w = text_mm(joined[g]), .h = 1.5 * ht};
        g++;
    }
    /* a marker's width: the large dot and diamond (plssym 2.4) measure about 0.32 of
     * 2.4 default character heights on these charts */
    double marker = 0.32 * marker_scale * def;
    /* a labelled point of a line with whiskers: its marker is as wide as their caps (17
       pixels of the PNG, measured; the line's dot is narrower), so a label beside it does
       not touch them */
    PLFLT sx0, sx1, sy0, sy1;
    plgspa(&sx0, &sx1, &sy0, &sy1);
    for (size_t s = 0; s < p->nseries; s++)
        if (p->point_labels[s] && p->series[s].err && !big_marker(p->series[s].style))
            marker = fmax(marker, 17.0 * (sx1 - sx0) / PAGE_W);
    /* the markers of the points without a label, which labels keep off too */
    size_t nothers = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        if (big_marker(se->style)) nothers += se->n;
    }
    double *ox = malloc((nothers + 1) * sizeof *ox), *oy = malloc((nothers + 1) * sizeof *oy);
    if (!ox || !oy) abort();
    nothers = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        if (!big_marker(se->style)) continue;
        for (size_t i = 0; i < se->n; i++) {
            bool labelled = p->point_labels[s] && p->point_labels[s][i];
            if (labelled || !isfinite(se->x[i]) || !isfinite(se->y[i])) continue;
            ox[nothers] = (se->x[i] - xmin) / (xmax - xmin) * wmm,
            oy[nothers++] = (se->y[i] - ymin) / (ymax - ymin) * hmm;
        }
    }
    /* the lines drawn (joined series), in mm, which labels keep off where they can */
    size_t nseg = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        if ((se->style == STYLE_LINE || se->style == STYLE_STEPS) && se->n > 1) nseg += 2 * (se->n - 1);
        if (p->series_xerr[s]) nseg += se->n; /* whiskers along x, a segment each */
    }
    double *sgx = malloc((2 * nseg + 1) * sizeof *sgx), *sgy = malloc((2 * nseg + 1) * sizeof *sgy);
    if (!sgx || !sgy) abort();
    nseg = 0;
#define SEGMENT(x0, y0, x1, y1)                                                                                        \
    do {                                                                                                               \
        sgx[2 * nseg] = ((x0)-xmin) / (xmax - xmin) * wmm, sgy[2 * nseg] = ((y0)-ymin) / (ymax - ymin) * hmm;          \
        sgx[2 * nseg + 1] = ((x1)-xmin) / (xmax - xmin) * wmm, sgy[2 * nseg + 1] = ((y1)-ymin) / (ymax - ymin) * hmm;  \
        nseg++;                                                                                                        \
    } while (0)
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        for (size_t i = 0; p->series_xerr[s] && i < se->n; i++) {
            double e = p->series_xerr[s][i];
            if (isfinite(e) && e > 0 && isfinite(se->x[i]) && isfinite(se->y[i]))
                SEGMENT(se->x[i] - e, se->y[i], se->x[i] + e, se->y[i]);
        }
        if (se->style != STYLE_LINE && se->style != STYLE_STEPS) continue;
        for (size_t i = 0; i + 1 < se->n; i++) {
            double x0 = se->x[i], y0 = se->y[i], x1 = se->x[i + 1], y1 = se->y[i + 1];
            if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1)) continue;
            if (se->style == STYLE_STEPS) {
                SEGMENT(x0, y0, x1, y0);
                SEGMENT(x1, y0, x1, y1);
            } else {
                SEGMENT(x0, y0, x1, y1);
            }
        }
    }
#undef SEGMENT
    struct chart_box blocked;
    if (legend)
        blocked = (struct chart_box){legend->left + legend->width / 2, legend->top - legend->height / 2, legend->width,
                                     legend->height};
    /* the area: the frame less its inward major ticks on every side (17 pixels of the
       PNG, measured: a label beside a point near the frame ran into them), and a little
       more at the sides, where the text's measured width (text_mm) may fall a pixel or
       two short of the drawn one */
    double tick = TICK_PX * (sx1 - sx0) / PAGE_W, inset = tick + 0.4 * ht;
    struct chart_label_area area = {inset,
                                    wmm - inset,
                                    tick,
                                    hmm - tick,
                                    0.6 * ht,
                                    marker,
                                    ox,
                                    oy,
                                    nothers,
                                    sgx,
                                    sgy,
                                    nseg,
                                    legend ? &blocked : NULL,
                                    legend ? 1 : 0,
                                    NULL};
    chart_label_place(labels, ngroups, &area);
    free(ox), free(oy), free(sgx), free(sgy);
    for (size_t g = 0; g < ngroups; g++) {
        const struct chart_label *l = &labels[g];
        double y = ymin + l->y / hmm * (ymax - ymin);
        if (l->leader) { /* from the marker's edge to the nearest point of the label's box */
            double ex, ey;
            leader_end(l->px, l->py, l->x, l->y, l->w, l->h, &ex, &ey);
            double dx = ex - l->px, dy = ey - l->py, d = hypot(dx, dy);
            double sx = d > 0 ? l->px + dx / d * marker / 2 : l->px, sy = d > 0 ? l->py + dy / d * marker / 2 : l->py;
            colour(C_FIRST_SERIES + (int)COLOUR_GREY);
            plwidth(0.8);
            pljoin(xmin + sx / wmm * (xmax - xmin), ymin + sy / hmm * (ymax - ymin), xmin + ex / wmm * (xmax - xmin),
                   ymin + ey / hmm * (ymax - ymin));
        }
        /* the text starts at the box's side nearer the point: the box is measured
         * generously (text_mm), and the text should sit close to its point */
        double left = l->x - l->w / 2, right = l->x + l->w / 2;
        double just = left >= l->px ? 0 : right <= l->px ? 1 : 0.5;
        double at = just == 0 ? left : just == 1 ? right : l->x;
        colour(C_AXES);
        plptex(xmin + at / wmm * (xmax - xmin), y, 1, 0, just, joined[g]);
        free(joined[g]);
    }
    plschr(0, TEXT_SCALE);
    free(labels), free(joined), free(px), free(py), free(text), free(group);
}

/* ---- where a legend inside the frame goes ---- */

/* Does the segment (ax, ay)-(bx, by), in mm, cross the box b (widened by pad)? */
static bool crosses_box(double ax, double ay, double bx, double by, const struct legend_box *b, double pad)
{
    return segment_crosses(ax, ay, bx, by, b->left + b->width / 2, b->top - b->height / 2, b->width + 2 * pad,
                           b->height + 2 * pad);
}

/* How much of the panel's drawing the box b (mm from the frame's lower left, the frame
 * vw x vh mm) would hide: a count of the points, line segments, bars, error bars and
 * marks' lines it covers. */
static size_t ink_under(const struct chart_panel *p, const struct legend_box *b, double xmin, double xmax, double ymin,
                        double ymax, double vw, double vh)
{
    double per_x = vw / (xmax - xmin), per_y = vh / (ymax - ymin), pad = 1.5; /* mm: a marker's half width */
#define MM_X(v) (((v)-xmin) * per_x)
#define MM_Y(v) (((v)-ymin) * per_y)
    size_t ink = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        for (size_t i = 0; i < se->n; i++) {
            double x = se->x[i], y = se->y[i];
            if (!isfinite(x) || !isfinite(y)) continue;
            if (se->style == STYLE_BARS) {
                double x1 = se->x[i + 1], y0 = fmax(0, ymin), lo = MM_Y(fmin(y0, y)), hi = MM_Y(fmax(y0, y));
                ink += MM_X(x) < b->left + b->width && MM_X(x1) > b->left && lo < b->top && hi > b->top - b->height;
                continue;
            }
            ink += crosses_box(MM_X(x), MM_Y(y), MM_X(x), MM_Y(y), b, pad); /* the point itself */
            if (se->err && isfinite(se->err[i]))
                ink += crosses_box(MM_X(x), MM_Y(y - se->err[i]), MM_X(x), MM_Y(y + se->err[i]), b, 0);
            if (p->series_xerr[s] && isfinite(p->series_xerr[s][i]))
                ink +=
                    crosses_box(MM_X(x - p->series_xerr[s][i]), MM_Y(y), MM_X(x + p->series_xerr[s][i]), MM_Y(y), b, 0);
            bool joined = se->style == STYLE_LINE || se->style == STYLE_STEPS;
            if (!joined || i + 1 >= se->n || !isfinite(se->x[i + 1]) || !isfinite(se->y[i + 1])) continue;
            double x2 = se->x[i + 1], y2 = se->y[i + 1];
            if (se->style == STYLE_STEPS)
                ink += crosses_box(MM_X(x), MM_Y(y), MM_X(x2), MM_Y(y), b, 0) +
                       crosses_box(MM_X(x2), MM_Y(y), MM_X(x2), MM_Y(y2), b, 0);
            else
                ink += crosses_box(MM_X(x), MM_Y(y), MM_X(x2), MM_Y(y2), b, 0);
        }
    }
    for (size_t m = 0; m < p->nmarks; m++)
        ink += isfinite(p->marks[m].x) && crosses_box(MM_X(p->marks[m].x), 0, MM_X(p->marks[m].x), vh, b, 0);
#undef MM_X
#undef MM_Y
    return ink;
}

/* Place a one-column legend inside the frame (st->place and st->y_off): the first of
 * the four corners, then the middles of the sides, that hides the least of the drawing
 * (bottom left first: the usual empty corner of a curve). The top places sit lower,
 * clear of the marks' labels along the top. */
/* The distance in mm from the box b to the nearest labelled point of the panel (the
 * frame vw x vh mm); INFINITY with none. */
static double labelled_clearance(const struct chart_panel *p, const struct legend_box *b, double xmin, double xmax,
                                 double ymin, double ymax, double vw, double vh)
{
    double least = INFINITY;
    for (size_t s = 0; s < p->nseries; s++) {
        const struct chart_series *se = &p->series[s];
        for (size_t i = 0; p->point_labels[s] && i < se->n; i++) {
            if (!p->point_labels[s][i] || !isfinite(se->x[i]) || !isfinite(se->y[i])) continue;
            double x = (se->x[i] - xmin) / (xmax - xmin) * vw, y = (se->y[i] - ymin) / (ymax - ymin) * vh;
            double dx = fmax(0, fmax(b->left - x, x - (b->left + b->width)));
            double dy = fmax(0, fmax((b->top - b->height) - y, y - b->top));
            least = fmin(least, hypot(dx, dy));
        }
    }
    return least;
}

static void legend_place(const struct chart_panel *p, const struct legend_entry *e, int n, struct legend_style *st,
                         double xmin, double xmax, double ymin, double ymax, double vw, double vh)
{
    static const enum legend_place order[] = {PLACE_BOTTOM_LEFT,  PLACE_TOP_LEFT,     PLACE_TOP_RIGHT,
                                              PLACE_BOTTOM_RIGHT, PLACE_RIGHT_MIDDLE, PLACE_LEFT_MIDDLE,
                                              PLACE_BOTTOM,       PLACE_TOP};
    /* with point labels, of the places that cover least, the one farthest from the
       labelled points: their labels and leaders need the room around them (a legend
       beside a crowd of labelled points pushes their labels far away) */
    bool labels = false;
    for (size_t s = 0; s < p->nseries; s++) labels |= p->point_labels[s] != NULL;
    struct legend_style best = *st;
    size_t least = SIZE_MAX;
    double clear_best = -1;
    for (size_t k = 0; k < sizeof order / sizeof *order && (least > 0 || labels); k++) {
        struct legend_style at = *st;
        at.place = order[k];
        bool top = at.place == PLACE_TOP || at.place == PLACE_TOP_LEFT || at.place == PLACE_TOP_RIGHT;
        at.y_off = top ? 0.12 : st->y_off;
        struct legend_box b = legend_box_at(e, n, &at, vw, vh);
        size_t ink = ink_under(p, &b, xmin, xmax, ymin, ymax, vw, vh);
        double clear = labels ? labelled_clearance(p, &b, xmin, xmax, ymin, ymax, vw, vh) : 0;
        if (ink < least || (ink == least && clear > clear_best)) least = ink, clear_best = clear, best = at;
    }
    *st = best;
}

/* A panel's legend, laid out: its entries, their style and place, and its box (mm from
 * the frame's lower left); n is 0 when no series has a label. */
struct panel_legend {
    struct legend_entry e[CHART_MAX_SERIES];
    char texts[CHART_MAX_SERIES][400];
    int n;
    struct legend_style st;
    struct legend_box box;
};

static void legend_layout(const struct chart_panel *p, double xmin, double xmax, double ymin, double ymax,
                          struct panel_legend *L)
{
    L->n = 0;
    for (size_t s = 0; s < p->nseries && L->n < CHART_MAX_SERIES; s++) {
        const struct chart_series *se = &p->series[s];
        if (!se->label) continue;
        /* the series' own mark: a box for bars, its marker for points, else a line */
        bool marker = big_marker(se->style);
        int k = L->n++;
        L->e[k] = (struct legend_entry){.text = plain(se->label, L->texts[k], sizeof L->texts[k]),
                                        .mark = se->style == STYLE_BARS ? MARK_BOX
                                                : marker                ? MARK_SYMBOL
                                                                        : MARK_LINE,
                                        .colour = C_FIRST_SERIES + (int)se->colour,
                                        .line_style = se->dashed ? 2 : 1,
                                        .line_width = 3,
                                        .symbol = se->style == STYLE_DOTS ? "●" : "◆",
                                        .symbol_scale = 1.0};
    }
    if (L->n == 0) return;
    /* on top: two rows across the top; inside: one column, where it covers least (and
       always inside with a ceiling, which leaves no room above the data) */
    bool on_top = p->legend_on_top && !isfinite(ceiling_top(p));
    L->st = (struct legend_style){.place = PLACE_TOP,
                                  .columns = on_top ? (L->n + 1) / 2 : 1,
                                  .x_off = on_top ? 0 : 0.015,
                                  .y_off = 0.03,
                                  .mark_width = 0.06,
                                  .text_offset = 1.0,
                                  .text_scale = TEXT_SCALE,
                                  .spacing = 1.7};
    double vw, vh;
    frame_mm(&vw, &vh);
    plschr(0, L->st.text_scale); /* legend_box_at measures at the legend's size */
    if (!on_top) legend_place(p, L->e, L->n, &L->st, xmin, xmax, ymin, ymax, vw, vh);
    L->box = legend_box_at(L->e, L->n, &L->st, vw, vh);
    plschr(0, TEXT_SCALE);
}

/* ---- axes on a scale (the rule is in chart.h) ---- */

double chart_scale_at(enum chart_scale s, double v)
{
    if (s == CHART_LINEAR || isnan(v)) return v;
    if (s == CHART_LOG) return v > 0 ? log10(v) : NAN;
    double shortfall = 100 - v;
    return -log10(shortfall > CHART_SHORTFALL_FLOOR ? shortfall : CHART_SHORTFALL_FLOOR);
}

static int by_tick(const void *a, const void *b)
{
    const struct chart_tick *p = a, *q = b;
    return (p->at > q->at) - (p->at < q->at);
}

/* The label of the tick at `at` on scale s (CHART_SHORTFALL or CHART_LOG): the service
 * level or the value, with the decimals it needs; the floor reads "100". */
static void tick_label(enum chart_scale s, double at, char *label, size_t n)
{
    bool shortfall = s == CHART_SHORTFALL;
    double v = pow(10, shortfall ? -at : at), k = floor(log10(v) + 1e-9);
    int decimals = k < 0 ? (int)-k : 0;
    if (shortfall && fabs(v - CHART_SHORTFALL_FLOOR) < 1e-9)
        snprintf(label, n, "100");
    else
        snprintf(label, n, "%.*f", decimals, shortfall ? 100 - v : v);
}

size_t chart_scale_ticks(enum chart_scale s, double a, double b, struct chart_tick *ticks, size_t max)
{
    if (s == CHART_LINEAR || !(a < b) || !isfinite(a) || !isfinite(b)) return 0;
    bool shortfall = s == CHART_SHORTFALL, fives = b - a < 3 - 1e-9;
    /* the powers of ten of the value (or the shortfall) that the axis reaches */
    double lo = shortfall ? -b : a, hi = shortfall ? -a : b, eps = 1e-9, brk = chart_scale_break(s, a, b);
    if (isnan(brk)) brk = INFINITY;
    size_t n = 0;
    for (int k = (int)floor(lo) - 1; k <= (int)ceil(hi) && n < max; k++) {
        for (int m = 1; m <= 9 && n < max; m++) {
            double v = m * pow(10, k), at = shortfall ? -log10(v) : log10(v);
            if (at < a - eps || at > b + eps) continue;
            if (shortfall && (v > 100 + eps || v < CHART_SHORTFALL_FLOOR * (1 - eps))) continue;
            if (at > brk + eps && at < b - eps && fabs(v - CHART_SHORTFALL_FLOOR) > eps) continue; /* past the break */
            struct chart_tick *t = &ticks[n++];
            *t = (struct chart_tick){.at = at, .major = m == 1};
            if (m == 1 || (fives && (m == 2 || m == 5))) tick_label(s, at, t->label, sizeof t->label);
        }
    }
    qsort(ticks, n, sizeof *ticks, by_tick);
    /* a bare start: the first tick labelled too, when it stands apart from the first label */
    size_t first = 0;
    while (first < n && !ticks[first].label[0]) first++;
    if (first < n && first > 0 && ticks[first].at - a > CHART_TICK_BARE)
        tick_label(s, ticks[0].at, ticks[0].label, sizeof ticks[0].label);
    return n;
}

double chart_scale_break(enum chart_scale s, double a, double b)
{
    double floor_at = -log10(CHART_SHORTFALL_FLOOR), eps = 1e-9;
    if (s != CHART_SHORTFALL || !(a < b) || b < floor_at - eps || a > floor_at - 1) return NAN;
    return floor_at - 0.2; /* past 2 x the floor's tick (0.3 before it): no tick is left out */
}

bool chart_crowds_near_100(const double *service, size_t n)
{
    double lo = INFINITY;
    size_t finite = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(service[i])) lo = fmin(lo, service[i]), finite++;
    if (finite < 4 || !(lo < 100)) return false;
    double band = 100 - (100 - lo) / 20;
    size_t near = 0;
    for (size_t i = 0; i < n; i++) near += isfinite(service[i]) && service[i] >= band;
    return 3 * near > finite;
}

/* A break mark on both sides of the frame at `at` on the x (or y) axis: a gap in the
 * frame's line between two slanted strokes, as a broken axis is drawn by hand. */
static void break_mark(bool x_axis, double at, double xmin, double xmax, double ymin, double ymax)
{
    enum { GAP_MM = 1, HALF_MM = 2 }; /* half the gap between the strokes; their half height */
    PLFLT vx0, vx1, vy0, vy1, sx0, sx1, sy0, sy1;
    plgvpd(&vx0, &vx1, &vy0, &vy1);
    plgspa(&sx0, &sx1, &sy0, &sy1);
    double sw = sx1 - sx0, sh = sy1 - sy0, vw = (vx1 - vx0) * sw, vh = (vy1 - vy0) * sh;
    if (vw <= 0 || vh <= 0) return;
    /* the whole page as the viewport (nothing clipped at the frame), in mm from the
       frame's lower left corner */
    plvpor(0, 1, 0, 1);
    plwind(-vx0 * sw, (1 - vx0) * sw, -vy0 * sh, (1 - vy0) * sh);
    double along = x_axis ? (at - xmin) / (xmax - xmin) * vw : (at - ymin) / (ymax - ymin) * vh;
    for (int side = 0; side < 2; side++) {
        double across = side ? (x_axis ? vh : vw) : 0, slant = 0.8 * HALF_MM;
        /* the gap, a parallelogram between the strokes; u along the axis, v across it */
        PLFLT u[4] = {along - GAP_MM - slant, along + GAP_MM - slant, along + GAP_MM + slant, along - GAP_MM + slant};
        PLFLT v[4] = {across - HALF_MM, across - HALF_MM, across + HALF_MM, across + HALF_MM};
        colour(C_BACKGROUND);
        plfill(4, x_axis ? u : v, x_axis ? v : u);
        colour(C_AXES);
        plwidth(1.5);
        for (int k = -1; k <= 1; k += 2) {
            double u0 = along + k * GAP_MM - slant, u1 = along + k * GAP_MM + slant;
            if (x_axis)
                pljoin(u0, across - HALF_MM, u1, across + HALF_MM);
            else
                pljoin(across - HALF_MM, u0, across + HALF_MM, u1);
        }
    }
    plvpor(vx0, vx1, vy0, vy1);
    plwind(xmin, xmax, ymin, ymax);
}

/* The grid lines (grid) or the ticks and, with labels, their labels of a scale's axis,
 * drawn by hand: PLplot's own log axis ("l") can neither run backwards (the shortfall)
 * nor label its ticks with the numbers people read. Tick lengths as PLplot's (3 and
 * 1.5 mm), on both sides of the frame, inward. */
static void scale_axis(enum chart_scale s, bool x_axis, bool labels, bool grid, double xmin, double xmax, double ymin,
                       double ymax)
{
    struct chart_tick ticks[64];
    size_t n = x_axis ? chart_scale_ticks(s, xmin, xmax, ticks, 64) : chart_scale_ticks(s, ymin, ymax, ticks, 64);
    double wmm, hmm;
    frame_mm(&wmm, &hmm);
    double per_mm = x_axis ? (ymax - ymin) / hmm : (xmax - xmin) / wmm;
    char buf[64];
    for (size_t i = 0; i < n; i++) {
        const struct chart_tick *t = &ticks[i];
        if (grid) {
            if (!t->major) continue;
            if (x_axis)
                pljoin(t->at, ymin, t->at, ymax);
            else
                pljoin(xmin, t->at, xmax, t->at);
            continue;
        }
        double len = (t->major ? 3.0 : 1.5) * per_mm;
        if (x_axis)
            pljoin(t->at, ymin, t->at, ymin + len), pljoin(t->at, ymax, t->at, ymax - len);
        else
            pljoin(xmin, t->at, xmin + len, t->at), pljoin(xmax, t->at, xmax - len, t->at);
        if (!labels || !t->label[0]) continue;
        if (x_axis)
            plmtex("b", 1.5, (t->at - xmin) / (xmax - xmin), 0.5, plain(t->label, buf, sizeof buf));
        else
            plmtex("lv", 0.5, (t->at - ymin) / (ymax - ymin), 1.0, plain(t->label, buf, sizeof buf));
    }
    double brk = x_axis ? chart_scale_break(s, xmin, xmax) : chart_scale_break(s, ymin, ymax);
    if (!grid && isfinite(brk)) break_mark(x_axis, brk, xmin, xmax, ymin, ymax);
}

/* The quadrant lines and names of a panel (struct chart_panel: quadrants). The names keep
 * a fixed distance from the frame: the inward major ticks (PLplot's default length, 3 mm)
 * and one character height clear beyond them, so a tick never meets a name whatever the
 * range and whatever the language; each is made smaller
 * when it would reach its quadrant's line (in an HTML page's SVG not below text_floor:
 * it breaks into lines there instead), and sits on a background box so grid lines do
 * not run through it (the points, drawn after, stay on top). */
enum { QUADRANT_TICK_MM = 3 };
static const double QUADRANT_NAME_SCALE = 0.9;

/* The x range widened (on one side of the quadrant line) so that each quadrant name fits
 * its corner on one line at its full size, when the two sides' names fit the frame's
 * width together (at most nine tenths of it); else each side gets its share of that
 * width and the names are made smaller as before. The viewport's width must be the
 * frame's. An importance-performance matrix against a rival has all its points left of
 * 0 but one or two: "Keep up the good work" was drawn at half its size in a sliver. */
static void quadrant_room(const struct chart_panel *p, double *xmin, double *xmax)
{
    if (!p->quadrants || !(p->quadrant_x > *xmin && p->quadrant_x < *xmax)) return;
    double wmm, hmm;
    frame_mm(&wmm, &hmm);
    if (wmm <= 0) return;
    PLFLT def, ht;
    plschr(0, QUADRANT_NAME_SCALE);
    plgchr(&def, &ht);
    double need[2] = {0, 0}; /* mm: left of the line, right of it */
    for (int q = 0; q < 4; q++) {
        if (!p->quadrant_names[q]) continue;
        char buf[400];
        /* draw_quadrants' room: the width less the ticks and a character height either side
           (and a hair, against rounding) */
        double w = text_mm(plain(p->quadrant_names[q], buf, sizeof buf)) + QUADRANT_TICK_MM + 2 * ht + 1e-3;
        need[q % 2] = fmax(need[q % 2], w);
    }
    plschr(0, TEXT_SCALE);
    double share[2] = {need[0] / wmm, need[1] / wmm};
    if (share[0] + share[1] > 0.9) {
        double f = 0.9 / (share[0] + share[1]);
        share[0] *= f, share[1] *= f;
    }
    double left = p->quadrant_x - *xmin, right = *xmax - p->quadrant_x; /* at most one is short */
    if (left < share[0] * (left + right))
        *xmin = p->quadrant_x - share[0] * right / (1 - share[0]);
    else if (right < share[1] * (left + right))
        *xmax = p->quadrant_x + share[1] * left / (1 - share[1]);
}

static void draw_quadrants(const struct chart_panel *p, double xmin, double xmax, double ymin, double ymax)
{
    enum { TICK_MM = QUADRANT_TICK_MM };
    static const double NAME_SCALE = QUADRANT_NAME_SCALE;
    char buf[400];
    colour(C_AXES);
    plwidth(1.5);
    pllsty(2);
    pljoin(p->quadrant_x, ymin, p->quadrant_x, ymax);
    pljoin(xmin, p->quadrant_y, xmax, p->quadrant_y);
    pllsty(1);
    PLFLT def, ht;
    double wmm, hmm;
    frame_mm(&wmm, &hmm);
    if (wmm <= 0 || hmm <= 0) return;
    double per_x = (xmax - xmin) / wmm, per_y = (ymax - ymin) / hmm; /* world units per mm */
    plschr(0, NAME_SCALE);
    plgchr(&def, &ht);
    double inset = TICK_MM + ht; /* mm */
    /* the line's distance from the left frame, in mm (it is kept in the range) */
    double line_mm = (p->quadrant_x - xmin) / per_x;
    for (int q = 0; q < 4; q++) {
        if (!p->quadrant_names[q]) continue;
        bool right = q % 2 == 1, top = q < 2;
        const char *name = plain(p->quadrant_names[q], buf, sizeof buf);
        plschr(0, NAME_SCALE);
        double room = (right ? wmm - line_mm : line_mm) - inset - ht, w = text_mm(name);
        /* the name's lines: one, unless making it fit would take it below the least
           label size (text_floor: an HTML page's SVG), when it breaks at its blanks
           into lines of that size, each as wide as the room allows (a word wider than
           the room stands out of it) */
        enum { MAX_LINES = 6 };
        char lines[MAX_LINES][400];
        size_t nlines = 1;
        snprintf(lines[0], sizeof lines[0], "%s", name);
        if (w > room && room > 0 && NAME_SCALE * room / w >= text_floor) {
            plschr(0, NAME_SCALE * room / w), w = room;
        } else if (w > room && room > 0) {
            plschr(0, text_floor);
            nlines = 0, w = 0;
            for (const char *word = name; *word;) {
                size_t len = strcspn(word, " ");
                char trial[sizeof lines[0]];
                if (nlines > 0) /* onto the last line, when it still fits */
                    snprintf(trial, sizeof trial, "%s %.*s", lines[nlines - 1], (int)len, word);
                if (nlines > 0 && (text_mm(trial) <= room || nlines == MAX_LINES))
                    snprintf(lines[nlines - 1], sizeof lines[0], "%s", trial);
                else
                    snprintf(lines[nlines++], sizeof lines[0], "%.*s", (int)len, word);
                w = fmax(w, text_mm(lines[nlines - 1]));
                word += len;
                while (*word == ' ') word++;
            }
        }
        plgchr(&def, &ht);
        /* the box, in mm from the bottom left: a line of text is about 1.2 ht tall */
        double step = 1.5 * ht, tall = 1.2 * ht + step * (double)(nlines - 1);
        double x0 = right ? wmm - inset - w : inset, y0 = top ? hmm - inset - tall : inset;
        double pad = 0.4 * ht;
        PLFLT bx[4] = {xmin + (x0 - pad) * per_x, xmin + (x0 + w + pad) * per_x, xmin + (x0 + w + pad) * per_x,
                       xmin + (x0 - pad) * per_x};
        PLFLT by[4] = {ymin + (y0 - pad) * per_y, ymin + (y0 - pad) * per_y, ymin + (y0 + tall + pad) * per_y,
                       ymin + (y0 + tall + pad) * per_y};
        colour(C_BACKGROUND);
        plfill(4, bx, by);
        colour(C_FIRST_SERIES + (int)COLOUR_GREY);
        /* plptex puts the text's middle on y: half a character height above its line's foot */
        for (size_t i = 0; i < nlines; i++)
            plptex(xmin + (right ? x0 + w : x0) * per_x,
                   ymin + (y0 + step * (double)(nlines - 1 - i) + 0.6 * ht) * per_y, 1, 0, right ? 1.0 : 0.0, lines[i]);
    }
    plschr(0, TEXT_SCALE);
}

/* The width of a y axis's widest tick label, in character heights: a digit is about
 * one character height wide in these charts' sans face (measured), a '.' half of one.
 * A linear axis's labels are PLplot's: its tick step (as its pldtik chooses it: 1, 2 or
 * 5 times a power of ten, 4 to 10 ticks) gives the decimals, the range the digits. */
static double y_tick_width(const struct chart_panel *p, double ymin, double ymax)
{
    static const double DIGIT = 0.95, POINT = 0.5;
    double widest = 0;
    if (p->y_scale != CHART_LINEAR) {
        struct chart_tick t[64];
        size_t n = chart_scale_ticks(p->y_scale, ymin, ymax, t, 64);
        for (size_t i = 0; i < n; i++) {
            double w = 0;
            for (const char *c = t[i].label; *c; c++) w += *c == '.' ? POINT : DIGIT;
            widest = fmax(widest, w);
        }
        return widest;
    }
    double range = ymax - ymin, most = fmax(fabs(ymin), fabs(ymax));
    if (!(range > 0) || !isfinite(most)) return 0;
    double t1 = log10(range), np = floor(t1), f = t1 - np, step;
    if (f > 0.7781512503)
        step = 2 * pow(10, np);
    else if (f > 0.4771212549)
        step = pow(10, np);
    else if (f > 0.1760912591)
        step = 5 * pow(10, np - 1);
    else
        step = 2 * pow(10, np - 1);
    double decimals = fmax(0, -floor(log10(step) + 1e-9));
    double digits = most >= 1 ? floor(log10(most)) + 1 : 1;
    return (digits + decimals + (ymin < 0 ? 1 : 0)) * DIGIT + (decimals > 0 ? POINT : 0);
}

/* The y axis's title, left of the tick labels: 6 character heights out, further when
 * the labels are wider than 5 digits (at most 8.3: the page's edge); made smaller when
 * its estimated length (text_mm: 5 to 10 % long for Latin text) exceeds the frame's
 * height, so that it never reaches the frame's top and bottom. */
static void y_title(const struct chart_panel *p, double ymin, double ymax)
{
    char buf[1200];
    plain(p->ylabel, buf, sizeof buf);
    double disp = fmin(8.3, fmax(6.0, y_tick_width(p, ymin, ymax) + 1.0));
    double wmm, hmm;
    frame_mm(&wmm, &hmm);
    double len = text_mm(buf), room = hmm, shrink = len > room ? room / len : 1;
    plschr(0, TEXT_SCALE * shrink);
    plmtex("l", disp / shrink, 0.5, 0.5, buf); /* disp in the smaller characters' heights */
    plschr(0, TEXT_SCALE);
}

static void draw_panel(const struct chart *c, size_t k, double xmin, double xmax)
{
    const struct chart_panel *p = &c->panels[k];
    char buf[1200];
    double top = page_top, bottom = 0.11, gap = 0.06;
    double h = (top - bottom - gap * (double)(c->npanels - 1)) / (double)c->npanels;
    double y1 = top - (double)k * (h + gap), y0 = y1 - h;
    double pxmin, pxmax, ymin, ymax;
    panel_range(p, &pxmin, &pxmax, &ymin, &ymax);
    plvpor(0.11, 0.96, y0, y1);
    plwind(xmin, xmax, ymin, ymax);
    bool xlin = c->x_scale == CHART_LINEAR, ylin = p->y_scale == CHART_LINEAR;
    colour(C_GRID);
    plwidth(0.8);
    PLINT xsub = c->x_tick > 0 ? 1 : 0;
    plbox(xlin ? "g" : "", c->x_tick, xsub, ylin ? "g" : "", 0, 0);
    if (!xlin) scale_axis(c->x_scale, true, false, true, xmin, xmax, ymin, ymax);
    if (!ylin) scale_axis(p->y_scale, false, false, true, xmin, xmax, ymin, ymax);
    if (p->quadrants) draw_quadrants(p, xmin, xmax, ymin, ymax);
    /* in the series' order; with a peak, the lines first, then the peak, then the dots
       and diamonds: a dot at the peak's place shows inside it */
    bool peak = false;
    for (size_t s = 0; s < p->nseries; s++) peak |= p->series[s].style == STYLE_PEAK;
    size_t most = 0;
    for (size_t s = 0; s < p->nseries; s++) most = p->series[s].n > most ? p->series[s].n : most;
    unsigned *depth = malloc((most + 1) * sizeof *depth);
    if (!depth) abort();
#define DRAW_SERIES(s)                                                                                                 \
    do {                                                                                                               \
        bool nested = p->series[s].style == STYLE_DOTS || p->series[s].style == STYLE_POINTS;                          \
        if (nested) marker_depths(p, s, xmin, xmax, ymin, ymax, depth);                                                \
        draw_series(&p->series[s], nested ? depth : NULL, p->series_xerr[s]);                                          \
    } while (0)
    for (size_t s = 0; s < p->nseries; s++)
        if (!peak || !big_marker(p->series[s].style)) DRAW_SERIES(s);
    for (size_t m = 0; m < p->nmarks; m++) draw_mark_line(&p->marks[m], ymin, ymax);
    for (size_t s = 0; peak && s < p->nseries; s++)
        if (p->series[s].style == STYLE_PEAK) DRAW_SERIES(s);
    for (size_t s = 0; peak && s < p->nseries; s++)
        if (big_marker(p->series[s].style) && p->series[s].style != STYLE_PEAK) DRAW_SERIES(s);
#undef DRAW_SERIES
    free(depth);
    for (size_t m = 0; m < p->nmarks; m++) draw_mark_label(p, m, ymin, ymax, xmin, xmax);
    struct panel_legend legend;
    legend_layout(p, xmin, xmax, ymin, ymax, &legend);
    draw_point_labels(p, xmin, xmax, ymin, ymax, legend.n ? &legend.box : NULL);
    colour(C_AXES);
    plwidth(1.5);
    bool last = k + 1 == c->npanels;
    plbox(xlin ? (last ? "bcnst" : "bcst") : "bc", c->x_tick, xsub, ylin ? "bcnstv" : "bc", 0, 0);
    if (!xlin) scale_axis(c->x_scale, true, last, false, xmin, xmax, ymin, ymax);
    if (!ylin) scale_axis(p->y_scale, false, true, false, xmin, xmax, ymin, ymax);
    y_title(p, ymin, ymax);
    if (last) plmtex("b", 3.2, 0.5, 0.5, plain(c->xlabel, buf, sizeof buf));
    if (legend.n) draw_legend_box(legend.e, legend.n, &legend.st, xmin, xmax, ymin, ymax);
}

/* ---- a surface (chart_surface) ---- */

enum { SHADES = 10 };

/* A surface's markers: each keeps a square this many mm wide clear of the labels and
 * tags. Its tags' text size: a little larger than the contour labels', as they name what
 * the point is (the service target it is the most profitable way to). */
static const double SURFACE_MARKER_MM = 6, TAG_SCALE = 0.7;

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The shade levels: the lowest value, then SHADES levels evenly from the 20th
 * percentile to the highest, so that the shades resolve the top of the surface, where
 * the choice is, rather than a far corner that is much lower. */
static size_t surface_levels(const double *z, size_t n, double *levels)
{
    double *sorted = malloc(n * sizeof *sorted);
    if (!sorted) abort();
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(z[i])) sorted[k++] = z[i];
    if (k == 0) return free(sorted), 0;
    qsort(sorted, k, sizeof *sorted, by_value);
    double lo = sorted[0], q = sorted[k / 5], hi = sorted[k - 1];
    free(sorted);
    if (!(hi > lo)) return 0;
    if (!(hi > q)) q = lo;
    size_t m = 0;
    if (q > lo) levels[m++] = lo;
    for (size_t i = 0; i <= SHADES; i++) levels[m++] = q + (hi - q) * (double)i / SHADES;
    return m;
}

/* The matrix PLplot reads (rows of x), pointing into z. */
static PLFLT **surface_rows(const double *z, size_t nx, size_t ny)
{
    PLFLT **rows = malloc(nx * sizeof *rows);
    if (!rows) abort();
    for (size_t i = 0; i < nx; i++) rows[i] = (PLFLT *)(z + i * ny);
    return rows;
}

/* ---- contour labels ----
 * PLplot's own labels (pl_setcontlabelparam) repeat along each line at a fixed spacing,
 * and those near the frame are clipped, or land on a marked point. Instead each level
 * gets one label, at a point of its line (chart_contour_points) chosen by
 * chart_contour_label_place (plots/chart.h). */
static void trace_add(struct chart_contour_points *t, double x, double y)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 256;
        t->x = realloc(t->x, t->cap * sizeof *t->x), t->y = realloc(t->y, t->cap * sizeof *t->y);
        if (!t->x || !t->y) abort();
    }
    t->x[t->n] = x, t->y[t->n++] = y;
}

/* Where the contour at `level` crosses the edges of cell (i, j) (bottom, right, top, left,
 * corner to corner): into cx, cy; returns how many (0, 2 or 4: a saddle crosses all four). */
static size_t cell_crossings(const double *x, const double *y, size_t ny, const double *z, double level, size_t i,
                             size_t j, double cx[4], double cy[4])
{
    const size_t corner[5][2] = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}, {i, j}};
    size_t k = 0;
    for (size_t e = 0; e < 4; e++) {
        size_t a = corner[e][0] * ny + corner[e][1], b = corner[e + 1][0] * ny + corner[e + 1][1];
        double za = z[a] - level, zb = z[b] - level;
        if (!isfinite(za) || !isfinite(zb) || !((za < 0) != (zb < 0))) continue;
        double f = za / (za - zb);
        cx[k] = x[corner[e][0]] + f * (x[corner[e + 1][0]] - x[corner[e][0]]);
        cy[k] = y[corner[e][1]] + f * (y[corner[e + 1][1]] - y[corner[e][1]]);
        k++;
    }
    return k;
}

void chart_contour_points(const double *x, const double *y, size_t nx, size_t ny, const double *z, double level,
                          struct chart_contour_points *t)
{
    for (size_t i = 0; i + 1 < nx; i++)
        for (size_t j = 0; j + 1 < ny; j++) {
            double cx[4], cy[4];
            size_t k = cell_crossings(x, y, ny, z, level, i, j, cx, cy);
            for (size_t p = 0; p < k; p++) trace_add(t, cx[p], cy[p]);
            if (k == 2) trace_add(t, (cx[0] + cx[1]) / 2, (cy[0] + cy[1]) / 2);
        }
}

/* How far apart two boxes are (0 when they touch or overlap). */
static double box_gap(const struct chart_box *a, const struct chart_box *b)
{
    double dx = fabs(a->x - b->x) - (a->w + b->w) / 2, dy = fabs(a->y - b->y) - (a->h + b->h) / 2;
    return hypot(fmax(dx, 0), fmax(dy, 0));
}

void chart_contour_pieces(const double *x, const double *y, size_t nx, size_t ny, const double *z, double level,
                          struct chart_contour_points *t)
{
    for (size_t i = 0; i + 1 < nx; i++)
        for (size_t j = 0; j + 1 < ny; j++) {
            double cx[4], cy[4];
            size_t k = cell_crossings(x, y, ny, z, level, i, j, cx, cy);
            for (size_t p = 0; p + 1 < k; p += 2) trace_add(t, cx[p], cy[p]), trace_add(t, cx[p + 1], cy[p + 1]);
        }
}

static size_t pieces_crossing(const struct chart_contour_points *t, const struct chart_box *b)
{
    size_t n = 0;
    for (size_t i = 0; t && i + 1 < t->n; i += 2)
        n += segment_crosses(t->x[i], t->y[i], t->x[i + 1], t->y[i + 1], b->x, b->y, b->w, b->h);
    return n;
}

/* A millionth of a mm: two boxes of a tag's placing nearer than this are touching, not
 * overlapping (a place's centre, px + (gap + w / 2), rounds its edge a bit either way). */
static const double TAG_HAIR = 1e-6;

/* Does box b sit in the space between the marker at (px, py) and marker m, both of m's size:
 * does it overlap, more than along an edge, the hull of the two markers' boxes? (That hull is
 * the segment between their middles widened by a marker's box: so b, widened by one, is
 * crossed by that segment; a hair narrower, so a box that only touches the hull is not.) */
static bool between_markers(const struct chart_box *b, double px, double py, const struct chart_box *m)
{
    return segment_crosses(px, py, m->x, m->y, b->x, b->y, b->w + m->w - TAG_HAIR, b->h + m->h - TAG_HAIR);
}

struct chart_box chart_tag_place(double px, double py, double r, double w, double h, double x1, double y1,
                                 const struct chart_contour_points *lines, const struct chart_contour_points *faint,
                                 const struct chart_box *taken, size_t ntaken, size_t nmarkers)
{
    /* each place's centre from the marker: its side (-1, 0, 1) on x and on y; a diagonal
       place has its top (or bottom) edge a little past the marker's middle */
    static const int side[8][2] = {{1, -1}, {1, 1}, {-1, -1}, {-1, 1}, {1, 0}, {-1, 0}, {0, -1}, {0, 1}};
    struct chart_box best = {0}, own = {px, py, 2 * r, 2 * r};
    double least = INFINITY;
    for (int ring = 0; ring < 3; ring++)
        for (int k = 0; k < 8; k++) {
            double gap = r * (1 + 1.5 * ring), sx = side[k][0], sy = side[k][1];
            struct chart_box b = {px + sx * (gap + w / 2), py + sy * (sx != 0 ? 0.3 * gap + h / 2 : gap + h / 2), w, h};
            b.x = fmin(fmax(b.x, w / 2), x1 - w / 2), b.y = fmin(fmax(b.y, h / 2), y1 - h / 2);
            double cost = 10.0 * (double)pieces_crossing(lines, &b) + (double)pieces_crossing(faint, &b) + 3.0 * ring;
            /* nearer to another box than to its own marker, or between its marker and another
               marker: either way the tag would read as that one's */
            bool astray = false;
            for (size_t i = 0; i < ntaken; i++) {
                const struct chart_box *t = &taken[i];
                bool other = t->x != px || t->y != py;
                /* a box that only touches another does not overlap it: less than a hair
                   apart, as the rounding of a place's centre leaves its edge, is touching */
                cost += boxes_overlap(b.x, b.y, w, h, t->x, t->y, t->w, t->h, -TAG_HAIR) ? 100 : 0;
                astray |= other && box_gap(&b, t) < box_gap(&b, &own);
                astray |= other && i < nmarkers && between_markers(&b, px, py, t);
            }
            cost += astray ? 20 : 0;
            if (cost < least) least = cost, best = b;
        }
    return best;
}

bool chart_contour_label_place(const double *x, const double *y, size_t n, double w, double h, double x1, double y1,
                               double margin, const struct chart_box *taken, size_t ntaken, struct chart_box *out)
{
    double best = -1;
    for (size_t i = 0; i < n; i++) {
        struct chart_box b = {x[i], y[i], w, h};
        if (b.x - w / 2 < margin || b.x + w / 2 > x1 - margin || b.y - h / 2 < margin || b.y + h / 2 > y1 - margin)
            continue;
        double clear = INFINITY;
        for (size_t k = 0; k < ntaken; k++) clear = fmin(clear, box_gap(&b, &taken[k]));
        if (clear > best) best = clear, *out = b;
    }
    return best >= 0;
}

/* A level's line to label: its points, the label's text (none: a line the labels only
 * keep off), colour and size, and whether the other labels keep off it. */
struct contour_label {
    struct chart_contour_points at;
    char text[40];
    int colour;
    double scale;
    bool kept_off;
};

/* Point k's marker on a surface, as a box in mm from the frame's lower left corner
 * (per_x, per_y: mm per unit of x and y). */
static struct chart_box marker_box(const struct chart_surface *sf, size_t k, double xmin, double ymin, double per_x,
                                   double per_y)
{
    return (struct chart_box){(sf->points[k].x - xmin) * per_x, (sf->points[k].y - ymin) * per_y, SURFACE_MARKER_MM,
                              SURFACE_MARKER_MM};
}

/* Label each level's line once (chart_contour_label_place): labels[nfirst..n) first
 * (the other quantity's lines: fewer, and the service targets they mark matter most),
 * then labels[0..nfirst), clear of the points, their tags (tags[0..ntags), in mm), the
 * labels placed before and the lines marked kept_off (the service targets, the region's
 * outline: the lines an instructor points at); each on a box of the background, in its
 * line's colour. Frees the points. */
static void draw_contour_labels(const struct chart_surface *sf, const struct chart_box *tags, size_t ntags,
                                struct contour_label *labels, size_t n, size_t nfirst, double xmin, double xmax,
                                double ymin, double ymax)
{
    double vw, vh;
    frame_mm(&vw, &vh);
    double per_x = vw / (xmax - xmin), per_y = vh / (ymax - ymin);
    size_t cap = 2 * CHART_SURFACE_POINTS + n; /* the points, their tags, the labels; then the lines kept off */
    for (size_t l = 0; l < n; l++) {
        struct chart_contour_points *t = &labels[l].at;
        for (size_t i = 0; i < t->n; i++) t->x[i] = (t->x[i] - xmin) * per_x, t->y[i] = (t->y[i] - ymin) * per_y;
        cap += labels[l].kept_off ? t->n : 0;
    }
    struct chart_box *taken = malloc(cap * sizeof *taken);
    if (!taken) abort();
    size_t ntaken = 0;
    PLFLT def, ht;
    for (size_t k = 0; k < sf->npoints; k++) /* the markers */
        taken[ntaken++] = marker_box(sf, k, xmin, ymin, per_x, per_y);
    for (size_t k = 0; k < ntags; k++) taken[ntaken++] = tags[k];
    for (size_t k = 0; k < n; k++) {
        size_t me = (nfirst + k) % n;
        struct contour_label *l = &labels[me];
        if (!l->text[0]) continue;
        /* after the fixed boxes: the points of every line kept off but this one */
        size_t nfixed = ntaken, nall = ntaken;
        for (size_t o = 0; o < n; o++)
            for (size_t i = 0; o != me && labels[o].kept_off && i < labels[o].at.n; i++)
                taken[nall++] = (struct chart_box){labels[o].at.x[i], labels[o].at.y[i], 0, 0};
        plschr(0, readable(l->scale));
        plgchr(&def, &ht);
        struct chart_box b;
        const struct chart_contour_points *t = &l->at;
        if (chart_contour_label_place(t->x, t->y, t->n, text_mm(l->text) + 0.6 * ht, 1.4 * ht, vw, vh, 0.5 * ht, taken,
                                      nall, &b)) {
            taken[nfixed] = b;
            ntaken = nfixed + 1;
            double x0 = xmin + (b.x - b.w / 2) / per_x, x1 = xmin + (b.x + b.w / 2) / per_x;
            double y0 = ymin + (b.y - b.h / 2) / per_y, y1 = ymin + (b.y + b.h / 2) / per_y;
            PLFLT bx[4] = {x0, x1, x1, x0}, by[4] = {y0, y0, y1, y1};
            colour(C_BACKGROUND);
            plfill(4, bx, by);
            colour(l->colour);
            plptex(xmin + b.x / per_x, ymin + b.y / per_y, 1, 0, 0.5, l->text); /* its middle on y */
        }
    }
    for (size_t l = 0; l < n; l++) free(labels[l].at.x), free(labels[l].at.y);
    free(taken);
    plschr(0, TEXT_SCALE);
}

/* Draw each point's tag where chart_tag_place puts it, on a box of the background; the
 * lines' pieces in data coordinates (turned into mm here). The tags' boxes, in mm from
 * the frame's lower left corner, go to tags; returns how many. */
static size_t draw_surface_tags(const struct chart_surface *sf, struct chart_contour_points *strong,
                                struct chart_contour_points *faint, double xmin, double xmax, double ymin, double ymax,
                                struct chart_box *tags)
{
    double vw, vh;
    frame_mm(&vw, &vh);
    double per_x = vw / (xmax - xmin), per_y = vh / (ymax - ymin);
    struct chart_contour_points *both[2] = {strong, faint};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < both[s]->n; i++)
            both[s]->x[i] = (both[s]->x[i] - xmin) * per_x, both[s]->y[i] = (both[s]->y[i] - ymin) * per_y;
    /* the markers, then the tags placed so far: a tag keeps off them all */
    struct chart_box taken[2 * CHART_SURFACE_POINTS];
    size_t ntaken = 0, ntags = 0;
    for (size_t k = 0; k < sf->npoints; k++) taken[ntaken++] = marker_box(sf, k, xmin, ymin, per_x, per_y);
    char buf[200];
    PLFLT def, ht;
    plschr(0, readable(TAG_SCALE));
    plgchr(&def, &ht);
    for (size_t k = 0; k < sf->npoints; k++) {
        const struct chart_surface_point *pt = &sf->points[k];
        if (!pt->tag) continue;
        const char *text = plain(pt->tag, buf, sizeof buf);
        double px = (pt->x - xmin) * per_x, py = (pt->y - ymin) * per_y;
        struct chart_box b = chart_tag_place(px, py, SURFACE_MARKER_MM / 2, text_mm(text) + 0.8 * ht, 1.5 * ht, vw, vh,
                                             strong, faint, taken, ntaken, sf->npoints);
        tags[ntags++] = taken[ntaken++] = b;
        /* a tag moved out from its marker is tied to it by a thin line in its colour, from
           the marker's edge to the box's nearest point */
        double nx = fmin(fmax(px, b.x - b.w / 2), b.x + b.w / 2), ny = fmin(fmax(py, b.y - b.h / 2), b.y + b.h / 2);
        double len = hypot(nx - px, ny - py), edge = SURFACE_MARKER_MM / 2;
        if (len > edge + 1.5) {
            PLFLT lx[2] = {xmin + (px + (nx - px) * edge / len) / per_x, xmin + nx / per_x};
            PLFLT ly[2] = {ymin + (py + (ny - py) * edge / len) / per_y, ymin + ny / per_y};
            plcol0(C_FIRST_SERIES + (PLINT)pt->colour);
            plwidth(1.5);
            plline(2, lx, ly);
        }
        double x0 = xmin + (b.x - b.w / 2) / per_x, x1 = xmin + (b.x + b.w / 2) / per_x;
        double y0 = ymin + (b.y - b.h / 2) / per_y, y1 = ymin + (b.y + b.h / 2) / per_y;
        PLFLT bx[4] = {x0, x1, x1, x0}, by[4] = {y0, y0, y1, y1};
        colour(C_BACKGROUND);
        plfill(4, bx, by);
        colour(C_AXES);
        plptex(xmin + b.x / per_x, ymin + b.y / per_y, 1, 0, 0.5, text); /* its middle on y */
    }
    plschr(0, TEXT_SCALE);
    return ntags;
}

static void draw_surface(const struct chart *c)
{
    const struct chart_surface *sf = c->surface;
    char buf[1200];
    double xmin = sf->x[0], xmax = sf->x[sf->nx - 1], ymin = sf->y[0], ymax = sf->y[sf->ny - 1];
    /* the legend, right of the frame: the lines, then the points */
    enum { MOST = 3 + CHART_SURFACE_LEVELS + CHART_SURFACE_POINTS };
    struct legend_entry e[MOST];
    char texts[MOST][400];
    int m = 0;
#define LEGEND_LINE(label, col, style, width)                                                                          \
    do {                                                                                                               \
        e[m] = (struct legend_entry){.text = plain((label), texts[m], sizeof texts[m]),                                \
                                     .mark = MARK_LINE,                                                                \
                                     .colour = (col),                                                                  \
                                     .line_style = (style),                                                            \
                                     .line_width = (width)};                                                           \
        m++;                                                                                                           \
    } while (0)
    if (sf->z_label) LEGEND_LINE(sf->z_label, C_FIRST_SERIES + COLOUR_GREY, 1, 1.5);
    for (size_t l = 0; sf->z2 && l < sf->nlevels2; l++)
        if (sf->level_labels2[l])
            LEGEND_LINE(sf->level_labels2[l], C_FIRST_SERIES + (PLINT)sf->colour2,
                        (PLINT)(l == 0   ? 1
                                : l == 1 ? 3
                                         : 2),
                        3.0);
    if (sf->region && sf->region_label) LEGEND_LINE(sf->region_label, C_AXES, 1, 3.5);
#undef LEGEND_LINE
    for (size_t k = 0; k < sf->npoints && m < MOST; k++) {
        const struct chart_surface_point *pt = &sf->points[k];
        if (!pt->label) continue;
        e[m] = (struct legend_entry){.text = plain(pt->label, texts[m], sizeof texts[m]),
                                     .mark = MARK_SYMBOL,
                                     .colour = C_FIRST_SERIES + (int)pt->colour,
                                     .symbol = pt->diamond ? "◆" : "●",
                                     .symbol_scale = pt->diamond ? 1.5 : 1.0}; /* as drawn above */
        m++;
    }
    struct legend_style st = {.place = PLACE_RIGHT_OUTSIDE,
                              .columns = 1,
                              .x_off = 0.015,
                              .mark_width = 0.05,
                              .text_offset = 0.68,
                              .text_scale = readable(0.7), /* near the axes' numbers: read from the back of a room */
                              .spacing = 1.9};
    /* the frame takes the page's width but the legend's: a legend of w mm beside a
       frame of vw mm spans x_off * vw + w + mark_width * vw (legend_box_at) */
    PLFLT sx0, sx1, sy0, sy1, def, ht0;
    plgspa(&sx0, &sx1, &sy0, &sy1);
    plgchr(&def, &ht0);
    plschr(0, st.text_scale);
    st.mark_width = 0; /* measures the rest of the legend: text, gaps and padding */
    plvpor(0, 1, 0, 1);
    double page = sx1 - sx0, rest = legend_box_at(e, m, &st, page, 1).width;
    st.mark_width = 0.05;
    plschr(0, ht0 / def);
    double room = 0.97 - 0.09 - rest / page, share = room / (1 + st.x_off + st.mark_width);
    plvpor(0.09, 0.09 + fmax(0.45, fmin(0.72, share)), 0.11, page_top);
    plwind(xmin, xmax, ymin, ymax);
    PLcGrid grid = {.xg = (PLFLT *)sf->x, .yg = (PLFLT *)sf->y, .nx = (PLINT)sf->nx, .ny = (PLINT)sf->ny};
    size_t n = sf->nx * sf->ny;
    /* the lines to label: the profit levels, then the other quantity's */
    struct contour_label
        labels[SHADES + CHART_SURFACE_LEVELS + 1]; /* the profit lines, the service lines, the region */
    size_t nlabels = 0, nprofit;
    double levels[SHADES + 2];
    size_t nlevels = surface_levels(sf->z, n, levels);
    /* the lines' pieces, for the tags to keep off: the profit lines (faint), the service
       targets and the region's outline (strong) */
    struct chart_contour_points faint = {0}, strong = {0};
    PLFLT **rows = surface_rows(sf->z, sf->nx, sf->ny);
    if (nlevels >= 2) {
        /* a light sequential scale, cream to sea green: the lines, their labels and the
           marks stay readable on every shade */
        PLFLT pos[] = {0, 1}, r[] = {0.98, 0.42}, g[] = {0.97, 0.70}, b[] = {0.90, 0.60};
        plscmap1n(256);
        plscmap1l(1, 2, pos, r, g, b, NULL);
        plshades((PLFLT_MATRIX)rows, (PLINT)sf->nx, (PLINT)sf->ny, NULL, xmin, xmax, ymin, ymax, levels, (PLINT)nlevels,
                 1, 0, 0, plfill, 0, pltr1, &grid);
        /* the profit lines, each labelled with its value (below) */
        plcol0(C_FIRST_SERIES + COLOUR_GREY);
        plwidth(1.0);
        /* every level from the 20th percentile up, the highest (a point) aside */
        const double *lines = levels + (nlevels > SHADES + 1);
        plcont((PLFLT_MATRIX)rows, (PLINT)sf->nx, (PLINT)sf->ny, 1, (PLINT)sf->nx, 1, (PLINT)sf->ny, lines, SHADES,
               pltr1, &grid);
        /* as many decimals as tell neighbouring levels apart, and one more where the step
           is not a whole number of the last digit (1.37 apart: 1164.1, 1165.5, not 1164,
           1165, 1167, which seems to skip a level) */
        double step = lines[1] - lines[0];
        int decimals = step > 0 ? (int)fmax(0, -floor(log10(step))) : 0;
        double in_digits = step * pow(10, decimals);
        if (step > 0 && fabs(in_digits - round(in_digits)) > 1e-6 * in_digits) decimals++;
        for (size_t l = 0; l < SHADES; l++) {
            struct contour_label *cl = &labels[nlabels++];
            *cl = (struct contour_label){.colour = C_FIRST_SERIES + COLOUR_GREY, .scale = 0.6};
            chart_contour_points(sf->x, sf->y, sf->nx, sf->ny, sf->z, lines[l], &cl->at);
            chart_contour_pieces(sf->x, sf->y, sf->nx, sf->ny, sf->z, lines[l], &faint);
            snprintf(cl->text, sizeof cl->text, "%.*f", decimals, lines[l]);
        }
    }
    free(rows);
    nprofit = nlabels;
    /* the other quantity's contours (service targets), one dash per level */
    if (sf->z2) {
        PLFLT **rows2 = surface_rows(sf->z2, sf->nx, sf->ny);
        plcol0(C_FIRST_SERIES + (PLINT)sf->colour2);
        plwidth(3.0);
        /* each line labelled with its level too ("99.9"): the dashes alone are hard to
           tell apart on a projector */
        for (size_t l = 0; l < sf->nlevels2; l++) {
            pllsty((PLINT)(l == 0 ? 1 : l == 1 ? 3 : 2));
            plcont((PLFLT_MATRIX)rows2, (PLINT)sf->nx, (PLINT)sf->ny, 1, (PLINT)sf->nx, 1, (PLINT)sf->ny,
                   &sf->levels2[l], 1, pltr1, &grid);
            struct contour_label *cl = &labels[nlabels++];
            *cl = (struct contour_label){.colour = C_FIRST_SERIES + (int)sf->colour2, .scale = 0.65, .kept_off = true};
            chart_contour_points(sf->x, sf->y, sf->nx, sf->ny, sf->z2, sf->levels2[l], &cl->at);
            chart_contour_pieces(sf->x, sf->y, sf->nx, sf->ny, sf->z2, sf->levels2[l], &strong);
            snprintf(cl->text, sizeof cl->text, "%g", sf->levels2[l]);
        }
        pllsty(1);
        free(rows2);
    }
    /* the region: the line halfway between the points inside and those outside */
    if (sf->region) {
        double *ind = malloc(n * sizeof *ind);
        if (!ind) abort();
        for (size_t i = 0; i < n; i++) ind[i] = sf->region[i] ? 1 : 0;
        PLFLT **rows3 = surface_rows(ind, sf->nx, sf->ny);
        PLFLT half = 0.5;
        plcol0(C_AXES);
        plwidth(3.5);
        plcont((PLFLT_MATRIX)rows3, (PLINT)sf->nx, (PLINT)sf->ny, 1, (PLINT)sf->nx, 1, (PLINT)sf->ny, &half, 1, pltr1,
               &grid);
        struct contour_label *outline = &labels[nlabels++]; /* no label: kept off */
        *outline = (struct contour_label){.kept_off = true};
        chart_contour_points(sf->x, sf->y, sf->nx, sf->ny, ind, half, &outline->at);
        chart_contour_pieces(sf->x, sf->y, sf->nx, sf->ny, ind, half, &strong);
        free(rows3);
        free(ind);
    }
    /* the points, then their tags, each on a box of the background beside its marker,
       off the lines where it can be (chart_tag_place) */
    for (size_t k = 0; k < sf->npoints; k++) {
        const struct chart_surface_point *pt = &sf->points[k];
        plcol0(C_FIRST_SERIES + (PLINT)pt->colour);
        plschr(0, pt->diamond ? 1.5 : 1.0); /* plstring's glyphs take the text's size */
        plstring(1, &pt->x, &pt->y, pt->diamond ? "◆" : "●");
    }
    struct chart_box tags[CHART_SURFACE_POINTS];
    size_t ntags = draw_surface_tags(sf, &strong, &faint, xmin, xmax, ymin, ymax, tags);
    free(strong.x), free(strong.y), free(faint.x), free(faint.y);
    draw_contour_labels(sf, tags, ntags, labels, nlabels, nprofit, xmin, xmax, ymin, ymax);
    plcol0(C_AXES);
    plwidth(1.5);
    plbox("bcnst", 0, 0, "bcnstv", 0, 0);
    plmtex("l", 6.0, 0.5, 0.5, plain(sf->ylabel, buf, sizeof buf));
    plmtex("b", 3.2, 0.5, 0.5, plain(c->xlabel, buf, sizeof buf));
    draw_legend_box(e, m, &st, xmin, xmax, ymin, ymax); /* it restores the text's size */
}

/* ---- a flow diagram (chart.h: struct chart_flow) ----
 * Drawn in mm on the whole page (world coordinates = mm from the bottom left), so text
 * is measured in the units it is placed in. */

/* The largest text: a short chain's boxes are read from the back of the room. */
static const double FLOW_SCALE = 0.95;
enum { FLOW_NOTE_LINES = 4 };

/* The sizes at one text scale: column widths and gaps, the row pitch, all in mm. */
struct flow_layout {
    double ht, line, pad;              /* character height, line pitch, padding in a box */
    double colw[CHART_FLOW_NODES + 1]; /* each column's box width */
    double gapw[CHART_FLOW_NODES + 1]; /* the gap before each column (0 before the first) */
    double boxh[CHART_FLOW_NODES];     /* each node's box height */
    double pitch, width, height;       /* row pitch; what the columns and the rows need */
    int ncols;
    double rows; /* rows spanned: the last row + 1 */
};

/* The arrow's head and the turn after its source's box, in character heights. */
static const double FLOW_HEAD = 1.1, FLOW_BUS = 1.0;

static size_t flow_lines(const struct chart_flow_node *nd)
{
    size_t k = 0;
    while (k < CHART_FLOW_LINES && nd->lines[k]) k++;
    return k;
}

/* Measure f at text scale `scale`. */
static void flow_measure(const struct chart_flow *f, double scale, struct flow_layout *L)
{
    char buf[400];
    PLFLT def, ht;
    plschr(0, scale);
    plgchr(&def, &ht);
    memset(L, 0, sizeof *L);
    L->ht = ht, L->line = 1.75 * ht, L->pad = 1.2 * ht;
    double bus = FLOW_BUS * ht, need_row = 0;
    for (size_t i = 0; i < f->n; i++) {
        const struct chart_flow_node *nd = &f->nodes[i];
        int c = nd->column;
        if (c + 1 > L->ncols) L->ncols = c + 1;
        if (nd->row + 1 > L->rows) L->rows = nd->row + 1;
        double w = text_mm(plain(nd->name, buf, sizeof buf));
        size_t nl = flow_lines(nd);
        for (size_t k = 0; k < nl; k++) w = fmax(w, text_mm(plain(nd->lines[k], buf, sizeof buf)));
        w += 2 * L->pad;
        if (nd->below) w = fmax(w, text_mm(plain(nd->below, buf, sizeof buf)) + 0.5 * L->pad);
        L->colw[c] = fmax(L->colw[c], w);
        L->boxh[i] = (double)(1 + nl) * L->line + (nl ? 0.6 * L->pad : 0);
        need_row = fmax(need_row, L->boxh[i] + (nd->below ? L->line : 0));
        if (nd->from < 0) continue;
        double a = 0;
        for (int k = 0; k < 2; k++)
            if (nd->arrow[k]) a = fmax(a, text_mm(plain(nd->arrow[k], buf, sizeof buf)));
        L->gapw[c] = fmax(L->gapw[c], a + bus + 2.4 * ht); /* clear of the boxes; it may stand over the head */
    }
    /* arrow texts of two neighbouring rows in one gap: above one and below the next */
    L->pitch = fmax(need_row + 0.9 * L->line, 2.6 * L->line);
    for (int c = 0; c < L->ncols; c++) L->width += L->colw[c] + (c ? fmax(L->gapw[c], 4 * ht) : 0);
    L->height = L->rows * L->pitch;
}

/* An arrow from the right side of box a to the left side of box b, turning in the gap
 * after a's column at x bus. */
static void flow_arrow(double ax, double ay, double bus, double bx, double by, double head)
{
    plcol0(C_AXES);
    plwidth(2.5);
    double tip = bx - head;
    if (fabs(ay - by) < 1e-9) {
        pljoin(ax, ay, tip, by);
    } else {
        PLFLT x[4] = {ax, bus, bus, tip}, y[4] = {ay, ay, by, by};
        plline(4, x, y);
    }
    PLFLT hx[3] = {bx, tip, tip}, hy[3] = {by, by + 0.45 * head, by - 0.45 * head};
    plfill(3, hx, hy);
}

static void draw_flow(const struct chart *c)
{
    const struct chart_flow *f = c->flow;
    char buf[1200];
    PLFLT sx0, sx1, sy0, sy1;
    plvpor(0, 1, 0, 1);
    plgspa(&sx0, &sx1, &sy0, &sy1);
    double W = sx1 - sx0, H = sy1 - sy0;
    plwind(0, W, 0, H);
    /* the area: below the subtitle, above the note */
    size_t note_lines = f->note && *f->note ? 1 : 0;
    for (const char *p = f->note; p && *p; p++) note_lines += *p == '\n' && p[1];
    if (note_lines > FLOW_NOTE_LINES) note_lines = FLOW_NOTE_LINES;
    PLFLT def, note_h;
    plschr(0, SUBTITLE_SCALE); /* the note's largest size */
    plgchr(&def, &note_h);
    double x0 = 0.015 * W, x1 = 0.985 * W, y0 = 0.02 * H + (1.7 * (double)note_lines + 1) * note_h,
           y1 = (0.865 - (0.88 - page_top)) * H;
    struct flow_layout L;
    double scale = FLOW_SCALE;
    for (;;) {
        flow_measure(f, scale, &L);
        /* a big tree's text gets small rather than overlap (MAX_LOCATIONS, models/config.h,
           keeps it above this floor) */
        if ((L.width <= x1 - x0 && L.height <= y1 - y0) || scale < 0.12) break;
        scale *= 0.93;
    }
    /* spread: the spare width into the gaps (longer arrows), the spare height into the
       rows up to half a pitch more each; the whole centred */
    double spare = x1 - x0 - L.width, gaps = L.ncols - 1;
    double extra_gap = spare > 0 && gaps > 0 ? fmin(spare / gaps, 0.5 * W / gaps) : 0;
    double width = L.width + extra_gap * gaps;
    double pitch = fmax(L.pitch, fmin((y1 - y0) / fmax(L.rows, 1), 1.5 * L.pitch));
    double top = (y0 + y1) / 2 + L.rows * pitch / 2;
    double left[CHART_FLOW_NODES + 1], x = (x0 + x1) / 2 - width / 2;
    for (int k = 0; k < L.ncols; k++) {
        if (k) x += fmax(L.gapw[k], 4 * L.ht) + extra_gap;
        left[k] = x;
        x += L.colw[k];
    }
    double cx[CHART_FLOW_NODES], cy[CHART_FLOW_NODES];
    for (size_t i = 0; i < f->n; i++) {
        cx[i] = left[f->nodes[i].column] + L.colw[f->nodes[i].column] / 2;
        cy[i] = top - (f->nodes[i].row + 0.5) * pitch + 0.5 * L.line; /* with the line under it, centred */
    }
    /* the arrows first, so no line crosses a box's text; then their texts */
    double head = FLOW_HEAD * L.ht, bus = FLOW_BUS * L.ht;
    for (size_t i = 0; i < f->n; i++) {
        const struct chart_flow_node *nd = &f->nodes[i];
        if (nd->from < 0 || (size_t)nd->from >= f->n) continue;
        int a = nd->from;
        double ax = left[f->nodes[a].column] + L.colw[f->nodes[a].column];
        flow_arrow(ax, cy[a], ax + bus, left[nd->column], cy[i], head);
        double g0 = left[nd->column] - fmax(L.gapw[nd->column], 4 * L.ht) - extra_gap;
        if (nd->column - 1 == f->nodes[a].column) g0 += bus; /* right of the turn */
        double tx = (g0 + left[nd->column]) / 2;
        plschr(0, scale);
        plcol0(C_AXES);
        if (nd->arrow[0]) plptex(tx, cy[i] + 1.2 * L.ht, 1, 0, 0.5, plain(nd->arrow[0], buf, sizeof buf));
        if (nd->arrow[1]) plptex(tx, cy[i] - 1.2 * L.ht, 1, 0, 0.5, plain(nd->arrow[1], buf, sizeof buf));
    }
    /* the boxes: a band of the node's colour with its name, its lines on white */
    for (size_t i = 0; i < f->n; i++) {
        const struct chart_flow_node *nd = &f->nodes[i];
        double w = L.colw[nd->column], h = L.boxh[i];
        double bl = cx[i] - w / 2, br = cx[i] + w / 2, bt = cy[i] + h / 2, bb = cy[i] - h / 2;
        double band = flow_lines(nd) ? bt - L.line - 0.3 * L.pad : bb; /* a name alone fills its box */
        PLFLT bx[4] = {bl, br, br, bl}, by[4] = {bb, bb, bt, bt};
        plcol0(C_BACKGROUND);
        plfill(4, bx, by);
        PLFLT nx[4] = {bl, br, br, bl}, ny[4] = {band, band, bt, bt};
        plcol0(C_FIRST_SERIES + (PLINT)nd->colour);
        plfill(4, nx, ny);
        PLFLT ox[5] = {bl, br, br, bl, bl}, oy[5] = {bb, bb, bt, bt, bb};
        plwidth(2.0);
        plline(5, ox, oy);
        plschr(0, scale);
        plcol0(C_BACKGROUND);
        plptex(cx[i], (band + bt) / 2, 1, 0, 0.5, plain(nd->name, buf, sizeof buf));
        plcol0(C_AXES);
        size_t nl = flow_lines(nd);
        for (size_t k = 0; k < nl; k++)
            plptex(cx[i], band - 0.3 * L.pad - ((double)k + 0.5) * L.line, 1, 0, 0.5,
                   plain(nd->lines[k], buf, sizeof buf));
        if (nd->below) plptex(cx[i], bb - 0.75 * L.line, 1, 0, 0.5, plain(nd->below, buf, sizeof buf));
    }
    /* the note: its lines ('\n' between them) at one size, the largest at which each fits */
    if (f->note) {
        char lines[FLOW_NOTE_LINES][400];
        size_t n = 0;
        for (const char *p = f->note; *p && n < FLOW_NOTE_LINES; n++) {
            size_t len = strcspn(p, "\n");
            snprintf(buf, sizeof buf, "%.*s", (int)len, p);
            plain(buf, lines[n], sizeof lines[n]);
            p += len + (p[len] == '\n');
        }
        /* the diagram's size, but no larger than a subtitle nor too small to read */
        double room = 0.96 * W, s0 = fmin(SUBTITLE_SCALE, fmax(scale, 0.5)), s = s0;
        plschr(0, s0);
        for (size_t k = 0; k < n; k++) {
            double len = text_mm(lines[k]);
            if (len > room) s = fmin(s, s0 * room / len);
        }
        plschr(0, s);
        PLFLT h;
        plgchr(&def, &h);
        plcol0(C_FIRST_SERIES + COLOUR_GREY);
        for (size_t k = 0; k < n; k++) plptex(W / 2, 0.02 * H + (double)(n - 1 - k) * 1.7 * h + h, 1, 0, 0.5, lines[k]);
    }
    plschr(0, TEXT_SCALE);
}

/* Where a subtitle that must take two lines parts (at the current character size, its
 * lines room mm wide at most): after a clause mark, a semicolon ("; " or ；) first, else
 * a comma (", " or ，), of those the one that leaves the wider line narrowest, when both
 * lines then fit room; else at the blank that leaves the wider line narrowest when both
 * fit; else where lang_head_break parts a table's head (between Chinese words, never
 * inside a glossary term, lang/zh_terms.h; the wider line as narrow as it can be). Returns the upper line's bytes, the
 * lower beginning at *lower (past the blanks); 0 when it has no place to part. */
static size_t subtitle_break(const char *text, double room, size_t *lower)
{
    static const char *const marks[2][2] = {{"; ", "；"}, {", ", "，"}};
    char line[1200];
    for (int kind = 0; kind < 2; kind++) {
        size_t best = 0, best_lower = 0;
        double best_wider = INFINITY;
        for (const char *c = text; *c; c++)
            for (int m = 0; m < 2; m++) {
                size_t n = strlen(marks[kind][m]);
                if (strncmp(c, marks[kind][m], n) != 0) continue;
                size_t upper = (size_t)(c - text) + (m == 0 ? 1 : n), low = upper;
                while (text[low] == ' ') low++;
                if (!text[low]) continue;
                snprintf(line, sizeof line, "%.*s", (int)upper, text);
                double wider = fmax(text_mm(line), text_mm(text + low));
                if (wider <= room && wider < best_wider) best = upper, best_lower = low, best_wider = wider;
            }
        if (best) {
            *lower = best_lower;
            return best;
        }
    }
    /* no clause mark: at the blank that leaves the wider line narrowest, when both then fit
       (lang_head_break would part before a parenthesis that ends the text, "(paired)",
       however uneven the lines: right for a table's head, not for a subtitle) */
    size_t best = 0, best_lower = 0;
    double best_wider = INFINITY;
    for (const char *c = text; *c; c++) {
        if (*c != ' ' || c == text) continue;
        size_t upper = (size_t)(c - text), low = upper;
        while (text[low] == ' ') low++;
        if (!text[low]) break;
        snprintf(line, sizeof line, "%.*s", (int)upper, text);
        double wider = fmax(text_mm(line), text_mm(text + low));
        if (wider <= room && wider < best_wider) best = upper, best_lower = low, best_wider = wider;
    }
    if (best) {
        *lower = best_lower;
        return best;
    }
    return lang_head_break(text, 0, lower);
}

/* The page's title and subtitle above a viewport from x0 to x1 (of the page's width),
 * then the text scale the drawing starts from. */
static void page_titles(const struct chart *c, double x0, double x1)
{
    char buf[1200];
    page_top = 0.88, subtitle_lines = 0;
    plvpor(x0, x1, 0.11, page_top);
    colour(C_AXES);
    page_text(3.2, TITLE_SCALE, plain(c->title, buf, sizeof buf));
    if (!c->subtitle) {
        plschr(0, TEXT_SCALE);
        return;
    }
    plain(c->subtitle, buf, sizeof buf);
    subtitle_lines = 1;
    PLFLT sx0, sx1, sy0, sy1;
    plgspa(&sx0, &sx1, &sy0, &sy1);
    double room = 0.96 * (sx1 - sx0);
    plschr(0, SUBTITLE_SCALE);
    size_t lower = 0, upper = 0;
    /* a subtitle that would be shrunk below SUBTITLE_FLOOR to fit on one line parts in
       two (subtitle_break) */
    if (text_mm(buf) * SUBTITLE_FLOOR / SUBTITLE_SCALE > room) upper = subtitle_break(buf, room, &lower);
    if (!upper) {
        page_text(2.0, SUBTITLE_SCALE, buf);
        plschr(0, TEXT_SCALE);
        return;
    }
    /* two lines at one size, the largest (up to SUBTITLE_SCALE) at which both fit: the
       first where a one-line subtitle of that size is drawn, the second a line lower,
       and the plot area moved down by that line */
    char first[1200];
    snprintf(first, sizeof first, "%.*s", (int)upper, buf);
    const char *second = buf + lower;
    double wider = fmax(text_mm(first), text_mm(second));
    double scale = wider > room ? SUBTITLE_SCALE * room / wider : SUBTITLE_SCALE;
    page_text(2.0, scale, first);
    PLFLT def, ht;
    plgchr(&def, &ht);
    page_top -= 1.5 * ht / (sy1 - sy0);
    plvpor(x0, x1, 0.11, page_top);
    page_text(2.0, scale, second);
    subtitle_lines = 2;
    plschr(0, TEXT_SCALE);
}
/* Draw c with PLplot's device into file (which must be writable: PLplot cannot fail). */
void chart_axes(const struct chart *c, size_t k, double *xmin, double *xmax, double *ymin, double *ymax)
{
    *xmin = INFINITY, *xmax = -INFINITY;
    bool markers = false;
    for (size_t j = 0; j < c->npanels; j++) {
        double a, b, y0, y1;
        panel_range(&c->panels[j], &a, &b, &y0, &y1);
        *xmin = fmin(*xmin, a), *xmax = fmax(*xmax, b);
        if (j == k) *ymin = y0, *ymax = y1;
        markers |= has_markers(&c->panels[j]);
    }
    if (c->x_scale == CHART_LINEAR && c->x_min_span > 0) min_span(xmin, xmax, c->x_min_span);
    /* a dot's half width and a label beside it stay inside the frame */
    double dx = *xmax - *xmin, pad = markers ? 0.04 : 0.02;
    *xmin -= pad * dx, *xmax += pad * dx;
}

static void draw_chart(const char *device, const char *file, const struct chart *c)
{
    setenv(FONT_VARIABLE, FONT_FAMILIES, 0);
    text_floor = strcmp(device, "svg") == 0 ? TEXT_SCALE : 0;
    plsdev(device);
    plsfnam(file);
    plspage(0, 0, PAGE_W, PAGE_H, 0, 0);
    plscolbg(255, 255, 255);
    plinit();
    plscol0(C_BACKGROUND, 255, 255, 255);
    plscol0(C_AXES, 25, 25, 25);
    plscol0(C_GRID, 215, 215, 215);
    for (int i = 0; i <= (int)COLOUR_NAVY; i++)
        plscol0(C_FIRST_SERIES + i, palette[i][0], palette[i][1], palette[i][2]);
    plsyax(7, 0); /* write 1175 as 1175, not as 1.175 x 10^3 */
    plsxax(7, 0);
    pladv(0);
    plschr(0, TEXT_SCALE);

    if (c->flow) {
        page_titles(c, 0.11, 0.96);
        draw_flow(c);
        plend();
        return;
    }
    if (c->surface) {
        page_titles(c, 0.09, 0.60);
        draw_surface(c);
        plend();
        return;
    }
    double xmin, xmax, y0, y1;
    chart_axes(c, 0, &xmin, &xmax, &y0, &y1);
    page_titles(c, 0.11, 0.96);
    for (size_t k = 0; k < c->npanels; k++) quadrant_room(&c->panels[k], &xmin, &xmax);
    for (size_t k = 0; k < c->npanels; k++) draw_panel(c, k, xmin, xmax);
    plend();
}

int chart_write(const char *path, const struct chart *c, char *err, size_t errlen)
{
    const char *device = device_for(path);
    if (!device) {
        chart_path_ok(path, err, errlen);
        return -1;
    }
    char tmp[1200];
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    /* PLplot cannot fail: on a file it cannot open it prompts for another name and
       then exits the program. So see that the file can be made first. */
    FILE *probe = fopen(tmp, "wb");
    if (!probe) {
        snprintf(err, errlen, _("%s: cannot be written: %s"), path, strerror(errno));
        return -1;
    }
    fclose(probe);
    draw_chart(device, tmp, c);

    struct stat st;
    if (stat(tmp, &st) != 0 || st.st_size == 0) {
        snprintf(err, errlen, _("%s: the chart could not be drawn"), path);
        unlink(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* ---- inline SVG for an HTML page ----
 * PLplot's "svg" device writes a standalone SVG 1.1 file: an XML declaration and a
 * DOCTYPE, a root sized 1280pt x 860pt, every character of text as a numeric reference
 * (&#x670d;) in a <tspan font-family="sans-serif">, clip paths named text-clipping0, 1,
 * ... and each tag's attributes on lines of their own. svg_inline rewrites it into one
 * <svg> element for an HTML5 page: its own root (viewBox, width 100%, height from the
 * aspect), text as UTF-8 (only < & > stay escaped), the font list below, ids made
 * unique to the chart (two charts on a page would share "text-clipping0"), tags on one
 * line each and attributes at their default value dropped. */

/* Fonts for the page's text, tried per character by the browser: the PNG's own
 * (FONT_FAMILIES), then the CJK fonts of Windows and macOS, then the browser's sans. */
static const char *const SVG_FONTS = "'DejaVu Sans', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', "
                                     "'Microsoft YaHei', 'PingFang SC', sans-serif";

/* PLplot's attributes rewritten (from, to); to NULL drops the attribute. */
static const char *const SVG_ATTRIBUTES[][2] = {
    {" font-family=\"sans-serif\"", NULL}, /* the root's font list applies */
    {" fill-opacity=\"1.000000\"", NULL},
    {" stroke-opacity=\"1.000000\"", NULL},
    {" dominant-baseline=\"no-change\"", NULL}, /* not a value SVG 2 knows */
};

/* Append the UTF-8 bytes of code point u to f; < & > (and anything that is not a
 * character) stay numeric references. */
static void put_code_point(FILE *f, unsigned long u)
{
    if (u < 0x20 || u == '<' || u == '&' || u == '>' || u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
        fprintf(f, "&#x%lx;", u);
    else if (u < 0x80)
        putc((int)u, f);
    else if (u < 0x800)
        putc((int)(0xC0 | u >> 6), f), putc((int)(0x80 | (u & 0x3F)), f);
    else if (u < 0x10000)
        putc((int)(0xE0 | u >> 12), f), putc((int)(0x80 | (u >> 6 & 0x3F)), f), putc((int)(0x80 | (u & 0x3F)), f);
    else
        putc((int)(0xF0 | u >> 18), f), putc((int)(0x80 | (u >> 12 & 0x3F)), f), putc((int)(0x80 | (u >> 6 & 0x3F)), f),
            putc((int)(0x80 | (u & 0x3F)), f);
}

/* One tag (from '<' to '>'), whitespace runs made one space, attributes rewritten,
 * ids given the chart's prefix. */
static void put_tag(FILE *f, const char *tag, size_t len, const char *prefix)
{
    char *t = malloc(len + 1);
    if (!t) abort();
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        bool space = tag[i] == ' ' || tag[i] == '\n' || tag[i] == '\t' || tag[i] == '\r';
        if (!space) {
            if ((tag[i] == '>' || (tag[i] == '/' && i + 1 < len && tag[i + 1] == '>')) && n && t[n - 1] == ' ') n--;
            t[n++] = tag[i];
        } else if (n && t[n - 1] != ' ') {
            t[n++] = ' ';
        }
    }
    t[n] = '\0';
    for (size_t a = 0; a < sizeof SVG_ATTRIBUTES / sizeof SVG_ATTRIBUTES[0]; a++) {
        char *at;
        size_t from = strlen(SVG_ATTRIBUTES[a][0]);
        while ((at = strstr(t, SVG_ATTRIBUTES[a][0]))) memmove(at, at + from, strlen(at + from) + 1);
    }
    for (const char *c = t; *c; c++) {
        putc(*c, f);
        if (strncmp(c, "id=\"", 4) == 0 && (c == t || c[-1] == ' '))
            fputs("d=\"", f), fputs(prefix, f), c += 3;
        else if (strncmp(c, "url(#", 5) == 0)
            fputs("rl(#", f), fputs(prefix, f), c += 4;
    }
    free(t);
}

/* 32-bit FNV-1a of the bytes: names the chart's ids, the same for the same drawing. */
static unsigned long fnv1a(const char *s, size_t n)
{
    unsigned long h = 2166136261UL;
    for (size_t i = 0; i < n; i++) h = ((h ^ (unsigned char)s[i]) * 16777619UL) & 0xFFFFFFFFUL;
    return h;
}

/* PLplot's SVG file in svg (len bytes) as one inline <svg> element into f; -1 if it is
 * not an SVG file. title: the chart's title, for the element's <title>. PLplot draws
 * the title first and the subtitle's `subtitles` lines, when the chart has one, next
 * (page_titles): their <text>s get class="title" and class="subtitle", which a page's
 * style can address. */
static int svg_inline(const char *svg, size_t len, const char *title, unsigned subtitles, FILE *f)
{
    const char *end = svg + len, *root = strstr(svg, "<svg");
    const char *body = root ? memchr(root, '>', (size_t)(end - root)) : NULL;
    if (!body) return -1;
    body++;
    char prefix[32];
    snprintf(prefix, sizeof prefix, "chart%08lx-", fnv1a(svg, len));
    fprintf(f,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
            "style=\"display:block;max-width:100%%;height:auto\" font-family=\"%s\" role=\"img\">\n<title>",
            PAGE_W, PAGE_H, SVG_FONTS);
    for (const char *c = title ? title : ""; *c; c++) {
        if (*c == '<' || *c == '&' || *c == '>')
            fprintf(f, "&#x%x;", *c);
        else
            putc(*c, f);
    }
    fputs("</title>\n", f);
    bool in_text = false, written_nl = true;
    size_t texts = 0;
    for (const char *c = body; c < end;) {
        if (*c == '<') {
            const char *close = memchr(c, '>', (size_t)(end - c));
            if (!close) return -1;
            size_t n = (size_t)(close - c) + 1;
            if (strncmp(c, "<text", 5) == 0) in_text = true;
            if (strncmp(c, "</text", 6) == 0) in_text = false;
            if (strncmp(c, "<text", 5) == 0 && strchr(" \n\t\r", c[5]) && ++texts <= 1 + subtitles) {
                const char *named = texts == 1 ? "<text class=\"title\"" : "<text class=\"subtitle\"";
                size_t k = strlen(named);
                char *tag = malloc(k + n - 5);
                if (!tag) abort();
                memcpy(tag, named, k), memcpy(tag + k, c + 5, n - 5);
                put_tag(f, tag, k + n - 5, prefix);
                free(tag);
            } else if (strncmp(c, "<!--", 4) != 0 && strncmp(c, "<?", 2) != 0) {
                put_tag(f, c, n, prefix);
            }
            written_nl = false;
            c = close + 1;
        } else if (*c == '&' && c + 3 < end && c[1] == '#') {
            char *stop;
            bool hex = c[2] == 'x' || c[2] == 'X';
            unsigned long u = strtoul(c + (hex ? 3 : 2), &stop, hex ? 16 : 10);
            if (*stop != ';') return -1;
            put_code_point(f, u);
            c = stop + 1;
        } else if (!in_text && (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r')) {
            if (!written_nl) putc('\n', f), written_nl = true; /* between tags: one line each */
            c++;
        } else {
            putc(*c, f);
            written_nl = false;
            c++;
        }
    }
    if (!written_nl) putc('\n', f);
    return 0;
}

/* The whole of file path in a new buffer (NUL-terminated), its length in *len. */
static char *slurp(const char *path, size_t *len)
{
    FILE *in = fopen(path, "rb");
    if (!in) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, in)) > 0;) {
        n += got;
        if (cap - n - 1 == 0) {
            char *more = realloc(buf, cap *= 2);
            if (!more) free(buf);
            buf = more;
        }
    }
    bool bad = ferror(in);
    fclose(in);
    if (!buf || bad) return free(buf), NULL;
    buf[n] = '\0';
    *len = n;
    return buf;
}

int chart_write_svg_text(FILE *out, const struct chart *c, char *err, size_t errlen)
{
    const char *dir = getenv("TMPDIR");
    char tmp[1200];
    snprintf(tmp, sizeof tmp, "%s/servlab-chart-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errlen, _("%s: cannot be written: %s"), tmp, strerror(errno));
        return -1;
    }
    close(fd);
    draw_chart("svg", tmp, c);
    size_t len = 0;
    char *svg = slurp(tmp, &len);
    unlink(tmp);
    char *html = NULL;
    size_t html_len = 0;
    FILE *mem = svg ? open_memstream(&html, &html_len) : NULL;
    int bad = !mem || svg_inline(svg, len, c->title, c->subtitle && *c->subtitle ? subtitle_lines : 0, mem) != 0;
    if (mem) bad |= fclose(mem) != 0;
    free(svg);
    if (bad) {
        snprintf(err, errlen, _("the chart \"%s\" could not be drawn as SVG"), c->title ? c->title : "");
        free(html);
        return -1;
    }
    bad = fwrite(html, 1, html_len, out) != html_len;
    free(html);
    if (bad) {
        snprintf(err, errlen, _("the chart \"%s\" could not be written: %s"), c->title ? c->title : "",
                 strerror(errno));
        return -1;
    }
    return 0;
}
