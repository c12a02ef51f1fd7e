/* chart.h - line, step and bar charts drawn with PLplot's cairo drivers, made to be
 * projected in a classroom: white background, dark axes, large labels, a legend, and
 * units in the axis titles. One chart per file; the file extension picks the device
 * (.png -> pngcairo, .svg -> svgcairo, .pdf -> pdfcairo).
 *
 * The only module that includes <plplot.h>. PLplot keeps global state, so charts are
 * drawn from one thread, one at a time. The file appears whole or not at all.
 */
#ifndef PLOTS_CHART_H
#define PLOTS_CHART_H

#include <stdbool.h>
#include <stddef.h>

/* Series: a compare chart draws up to 7 scenarios with 3 series each (curve, best
 * point, own point), cli/charts.c. */
enum { CHART_MAX_SERIES = 24, CHART_MAX_PANELS = 2, CHART_MAX_MARKS = 3 };

enum chart_colour {
    COLOUR_BLUE,
    COLOUR_VERMILLION,
    COLOUR_GREEN,
    COLOUR_ORANGE,
    COLOUR_SKY,
    COLOUR_PURPLE,
    COLOUR_GREY,
    COLOUR_BLACK,
    COLOUR_BROWN,
    COLOUR_NAVY
};

enum chart_style {
    STYLE_LINE,   /* points joined by straight lines, with a dot at each point */
    STYLE_STEPS,  /* a level that holds until the next point (inventory over time) */
    STYLE_BARS,   /* a histogram: x holds n + 1 bin edges, y the n bar heights */
    STYLE_POINTS, /* large diamonds only (a highlighted point) */
    STYLE_DOTS,   /* large round markers only */
};

struct chart_series {
    const char *label; /* in the legend; NULL for none */
    const double *x, *y;
    const double *err; /* optional: ± half-widths, drawn as whiskers */
    size_t n;
    enum chart_colour colour;
    enum chart_style style;
    bool dashed;
    const char *const *point_labels; /* optional: one label per point (NULL entries allowed), drawn beside it; labels
                                        that would collide are moved apart, coinciding points share one label */
};

/* A highlighted x position: a dashed vertical line, a marker at (x, y) and a label. */
struct chart_mark {
    double x, y;
    const char *label;
    enum chart_colour colour;
    int row; /* label row from the top of the panel (0, 1, 2), so labels do not collide */
};

struct chart_panel {
    const char *ylabel;
    struct chart_series series[CHART_MAX_SERIES];
    size_t nseries;
    struct chart_mark marks[CHART_MAX_MARKS];
    size_t nmarks;
    bool y_from_zero;   /* include 0 on the y axis */
    bool legend_on_top; /* one row across the top, above the data, instead of bottom left */
};

struct chart {
    const char *title, *subtitle, *xlabel;
    struct chart_panel panels[CHART_MAX_PANELS]; /* stacked top to bottom, sharing x */
    size_t npanels;
};

/* Is `path`'s extension one we can draw (.png, .svg, .pdf)? If not, a message in err. */
bool chart_path_ok(const char *path, char *err, size_t errlen);

/* Draw c into path. Returns 0, or -1 with a message in err (no file is left behind). */
int chart_write(const char *path, const struct chart *c, char *err, size_t errlen);

#endif
