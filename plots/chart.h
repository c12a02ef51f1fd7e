/* chart.h - line, step and bar charts (and a flow diagram, the supply chain) drawn with PLplot's cairo drivers, made to
 * be projected in a classroom: white background, dark axes, large labels, a legend, and units in the axis titles. One
 * chart per file; the file extension picks the device
 * (.png -> pngcairo, .svg -> svgcairo, .pdf -> pdfcairo). For an HTML page, the same
 * chart as an inline <svg> with real text (PLplot's "svg" device): chart_write_svg_text.
 *
 * The only module that includes <plplot.h>. PLplot keeps global state, so charts are
 * drawn from one thread, one at a time. The file appears whole or not at all.
 */
#ifndef PLOTS_CHART_H
#define PLOTS_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

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
    STYLE_PEAK,   /* a diamond twice a dot's width on a white outline, drawn over the lines
                     and under the other markers: a marked point (a profit peak) that stays
                     visible with a dot at its place, the dot inside it */
};

struct chart_series {
    const char *label; /* in the legend; NULL for none */
    const double *x, *y;
    const double *err; /* optional: ± half-widths, drawn as whiskers */
    size_t n;
    enum chart_colour colour;
    enum chart_style style;
    bool dashed;
};

/* A highlighted x position: a dashed vertical line, a marker at (x, y) and a label. */
struct chart_mark {
    double x, y;
    const char *label;
    enum chart_colour colour;
    int row; /* label row from the top of the panel (0, 1, 2), so labels do not collide */
};

/* An axis's scale. The data are given in the scale's coordinates (chart_scale_at), so
 * the series, marks and point labels need nothing else; chart.c draws the ticks and
 * their labels (chart_scale_ticks). */
enum chart_scale {
    CHART_LINEAR,    /* PLplot's own ticks */
    CHART_SHORTFALL, /* a service level in %, drawn at -log10(100 - v): each step right
                        is ten times less shortfall; ticks labelled as service levels */
    CHART_LOG,       /* a positive value drawn at log10(v); ticks 0.1, 1, 10, ... */
};

struct chart_panel {
    const char *ylabel;
    struct chart_series series[CHART_MAX_SERIES];
    size_t nseries;
    struct chart_mark marks[CHART_MAX_MARKS];
    size_t nmarks;
    bool y_from_zero;   /* include 0 on the y axis */
    bool legend_on_top; /* one row across the top, above the data, instead of bottom left */
    /* Optional point labels: point_labels[s], when not NULL, holds series[s].n strings
     * (NULL entries for unlabelled points), drawn small beside the points by the rule
     * below (chart_label_groups, chart_label_place). Beside series rather than in
     * struct chart_series, whose positional initialisers would all need one more field. */
    const char *const *point_labels[CHART_MAX_SERIES];
    /* Optional whiskers along x: series_xerr[s], when not NULL, holds series[s].n ± half-widths
       (beside series for the same reason as point_labels) */
    const double *series_xerr[CHART_MAX_SERIES];
    enum chart_scale y_scale; /* CHART_LINEAR (y_from_zero applies) or CHART_LOG */
    /* Optional quadrants (the importance-performance matrix): when quadrants is set, a
     * dashed line at x = quadrant_x and one at y = quadrant_y (both kept in the range),
     * and quadrant_names[0..3] (top left, top right, bottom left, bottom right; NULL for
     * none) in grey in each quadrant's outer corner, clear of the frame's ticks and on a
     * background box (made smaller when one would reach its quadrant's line; in the
     * SVG of chart_write_svg_text broken into lines instead, when smaller would be less
     * than the axes' numbers). */
    bool quadrants;
    double quadrant_x, quadrant_y;
    const char *quadrant_names[4];
    /* Optional limits of a linear y axis. y_min_span (0: none): the axis spans at least
     * this much, centred on the data (kept on the data's side of 0), so that nearly equal
     * values look equal. y_ceiling_on: the axis ends at y_ceiling, or at the highest
     * point or whisker when one lies above it (plus a marker's half width), and the
     * legend goes inside (a share of the best, a service level: no axis above 100 %
     * unless a point is). */
    double y_min_span;
    bool y_ceiling_on;
    double y_ceiling;
};

/* A surface over a grid (a two-lever sweep): z in filled shades with labelled contour
 * lines, another quantity's contours at a few levels overlaid (service targets), a
 * region outlined (the points where an indicator is true), and labelled points. */
enum { CHART_SURFACE_LEVELS = 4, CHART_SURFACE_POINTS = 6 };

struct chart_surface_point {
    double x, y;
    const char *label; /* in the legend, or NULL */
    enum chart_colour colour;
    bool diamond;    /* a large diamond (an optimum), else a round dot */
    const char *tag; /* a short text drawn beside it, where chart_tag_place puts it ("≥ 99.9%"), or NULL */
};

struct chart_surface {
    const char *ylabel;
    const double *x, *y; /* nx and ny grid values, each ascending */
    size_t nx, ny;
    const double *z;     /* nx * ny: z[i * ny + j] at (x[i], y[j]); shaded, with contour lines */
    const char *z_label; /* the legend's name of z's lines ("profit per day, labelled") */
    /* another quantity's contours, each level in its own dash, labelled in the legend */
    const double *z2; /* nx * ny like z, or NULL */
    double levels2[CHART_SURFACE_LEVELS];
    const char *level_labels2[CHART_SURFACE_LEVELS];
    size_t nlevels2;
    enum chart_colour colour2;
    const bool *region;       /* nx * ny, or NULL: the points inside, outlined */
    const char *region_label; /* the legend's name of the outline */
    struct chart_surface_point points[CHART_SURFACE_POINTS];
    size_t npoints;
};

/* A flow diagram (the supply chain): boxes in columns, left to right, each with its name
 * and a few lines of numbers inside and one line under it, joined by arrows that carry
 * up to two lines of text (above and below the arrow). The caller places the boxes: a
 * column (0 at the left) and a row (0 at the top; a box between two rows takes a
 * fraction). An arrow leaves its source's right side, turns down or up in the gap right
 * after the source's column, and runs along its target's row into the target's left
 * side; its texts sit in the gap before the target's column, on that row. So give
 * each target a row of its own where the arrow crosses other columns. chart.c sizes the
 * text so that the widest box, the widest arrow text and the rows fit the page, and
 * draws boxes of one column all the same width. */
enum { CHART_FLOW_NODES = 40, CHART_FLOW_LINES = 4 };

struct chart_flow_node {
    const char *name;                    /* the box's first line, on a band of its colour */
    const char *lines[CHART_FLOW_LINES]; /* lines inside the box under the name; NULL ends */
    const char *below;                   /* one line under the box, or NULL */
    int head;                            /* lines[0] heads this many lines after it ("fill rate"
                                            over its rates): a page keeps them together */
    int column;                          /* 0 .. CHART_FLOW_NODES - 1 */
    double row;
    enum chart_colour colour; /* the name's band and the box's edge */
    int from;                 /* the node the arrow into this one comes from, or -1: none */
    const char *arrow[2];     /* the texts above and below that arrow (NULL: none) */
};

struct chart_flow {
    struct chart_flow_node nodes[CHART_FLOW_NODES];
    size_t n;
    const char *note; /* at the foot of the page (what the numbers are): up to 4 lines,
                         '\n' between them; or NULL */
};

/* The colour c as "#rrggbb" in buf (8 bytes): a page drawing the diagram in HTML
 * (cli/html.c's html_flow) uses the charts' palette. */
const char *chart_colour_hex(enum chart_colour c, char buf[8]);

struct chart {
    const char *title, *subtitle, *xlabel;
    struct chart_panel panels[CHART_MAX_PANELS]; /* stacked top to bottom, sharing x */
    size_t npanels;
    enum chart_scale x_scale;            /* CHART_LINEAR, CHART_SHORTFALL or CHART_LOG */
    double x_tick;                       /* a linear x axis's labelled ticks this far apart, with no
                                            minor ticks (ranks: 1); 0: PLplot chooses */
    double x_min_span;                   /* a linear x axis spans at least this much, as y_min_span */
    const struct chart_surface *surface; /* when set, the chart is this surface (npanels 0) */
    const struct chart_flow *flow;       /* when set, the chart is this diagram (npanels 0) */
};

/* ---- axes on a scale (pure functions) ---- */

/* A service level of 100 % (no shortfall) cannot sit on a log axis: CHART_SHORTFALL
 * draws it at a shortfall of CHART_SHORTFALL_FLOOR %, where the last tick reads
 * "100" (or beyond, where the axis ends). */
#define CHART_SHORTFALL_FLOOR 0.001

/* Where value v goes on scale s: v itself (CHART_LINEAR), -log10(100 - v) with the
 * shortfall floored (CHART_SHORTFALL; v in %), log10(v) (CHART_LOG; NaN for v <= 0). */
double chart_scale_at(enum chart_scale s, double v);

/* Ticks of a CHART_SHORTFALL or CHART_LOG axis between a and b (the scale's
 * coordinates, a < b), in increasing order: a major tick at each power of ten (of the
 * shortfall, or of the value), labelled; minor ticks at 2 to 9 times each, unlabelled,
 * except 2 and 5 times when the axis spans less than three powers of ten (so that
 * each third of the axis has a label). A shortfall tick is labelled with its service level,
 * 100 - shortfall, with the decimals it needs ("90", "99", "99.5", "99.9"), and the floor
 * as "100"; a value tick as the value ("0.1", "1", "20", "1000"). When the axis starts
 * more than CHART_TICK_BARE of a power of ten before its first labelled tick, its first
 * tick is labelled too ("60" left of "90"): every point can then be read between two
 * labels. Returns how many were written (at
 * most max). */
struct chart_tick {
    double at;      /* in the scale's coordinates */
    bool major;     /* longer, with a grid line */
    char label[16]; /* "" when not labelled */
};
size_t chart_scale_ticks(enum chart_scale s, double a, double b, struct chart_tick *ticks, size_t max);
#define CHART_TICK_BARE 0.25

/* Where a CHART_SHORTFALL axis from a to b (a < b) is broken, or NaN when it is not: when
 * it reaches the floor (100 %), between the last decade's tick and the floor, so that "100"
 * reads as apart from the scale, not as the next power of ten (99.999). chart.c draws a
 * break mark there on the frame and no tick between it and the floor. */
double chart_scale_break(enum chart_scale s, double a, double b);

/* Do n service levels (in %) crowd near 100 %: are there at least 4, and more than a
 * third of them in the last twentieth of the axis that runs from the lowest of them to
 * 100 %? On a linear axis such points sit within a few pixels of each other, their
 * whiskers one thick bar: the charts then draw the shortfall (CHART_SHORTFALL). */
bool chart_crowds_near_100(const double *service, size_t n);

/* A box: its centre and size. */
struct chart_box {
    double x, y, w, h;
};

/* Point labels, the rule (both pure functions below; chart.c measures in mm on the page,
 * y upwards, and uses the panel's frame, less its inward ticks, as the area):
 * 1. Points that coincide (within CHART_LABEL_MERGE_MM of a group's first point; a
 *    point joins the first such group in series then point order) share one label,
 *    their texts joined by ", " in that order: "3, 7, 12".
 * 2. Labels are placed one at a time, in that order. A place is free when the label's
 *    box, widened by half the gap on each side, overlaps no label placed before and
 *    lies inside the area. Each label takes the first free place among: the 8 places
 *    touching its point's marker (right, left, above, below, then the four corners,
 *    right ones first); then places further away, nearest first, in columns beside the
 *    point (stacked one label height apart), drawn with a thin leader line from the
 *    point to the box's nearest point. No leader runs through another label's box
 *    (widened by half the gap on each side), the one placed before or the one placed
 *    after, but as the last resort below. The places within 4 label heights of the point are first tried strictly (the
 *    box covers no other point's marker, labelled or not (chart_label_area), nor, for a
 *    place with a leader, comes within half a marker's width of one; its leader crosses
 *    no leader placed before); before them, those within 8 label heights are tried for
 *    one that is also clear of the chart's lines (no line crosses its box:
 *    chart_label_area's segments); then those within 12 label heights, strictly, then
 *    for one that covers no marker (its leader may cross another leader); then all
 *    places, strictly, then for one that covers no marker; then all for one that may
 *    cover a marker; last, all places for a free one, whose leader may run through a
 *    label. No place inside a
 *    blocked box (the legend) is ever free, nor one whose leader runs through it (unless
 *    the point lies under the box).
 * 3. When no place in the area is free, the label is stacked above the highest label
 *    placed so far, with a leader line (outside the area, but on no other label).
 * 4. When a label took a place where its leader may cross another leader, or one of a
 *    later kind, or was placed by rule 3, the labels are placed again in other orders: by
 *    their points, left to right, right to left, bottom to top, top to bottom; after
 *    each, again with the first such label moved first, up to 3 times for each label
 *    (an order that is one tried before is skipped: it would place them as before). The
 *    other orders stop once their placings have weighed CHART_LABEL_TRIES places in all
 *    (a crowd of 40 labels at one x weighed 28 million and took seconds; the charts'
 *    crowds weigh at most thousands). The placing kept has the fewest labels by rule 3 or the last kind, then the
 * fewest on a marker, then the fewest leaders across a leader, then the shortest leaders in all; the first on a tie
 * (their own order first).
 * 5. When two leaders of that placing cross, or (of two or more) one is longer than
 *    CHART_LABEL_LONG label heights, its run along x counted twice (a crowd in a band,
 *    whose labels found room only far off and across it), the labels are laid out
 *    together in a staircase instead: those with leaders (or, tried too, all of them),
 *    in the order of their points along x, each at the nearest free row (rows one label
 *    height and a gap apart, counted from the area's edge) straight below its point, or
 *    above it, or below else above, so that its leader runs straight down or up: the
 *    box's corner nearest the point lies under the point (or up to 1.5 gaps further
 *    out; where later points nearly share its x, far enough out that their leaders pass
 *    half a gap clear of it, a fan). The labels hang left of their points (taken left
 *    to right), or right (right to left), or either (left first). A row is free as in
 *    rule 2, strictly, and clear of the chart's lines within 4 rows; a label that finds
 *    none keeps its place of rule 4 if no label overlaps it there and no leader runs
 *    through it (else that staircase is dropped). A staircase replaces the placing kept
 *    so far (rule 4's, first) when it is no worse in labels outside the area, leaders
 *    through a label, labels on a marker and labels a line crosses, and has fewer
 *    crossing leaders, or as many and a longest leader (counted so) shorter by a
 *    label's height. They are tried below, then above, then below else above; in each,
 *    hanging left, right, either; in each, with the labels with leaders, then with all.
 * So no two labels overlap, whatever the points. */
#define CHART_LABEL_MERGE_MM 0.5
#define CHART_LABEL_LONG 6
/* Rule 4: the places its other orders may weigh in all (chart_label_area's tries counts them) */
#define CHART_LABEL_TRIES 1000000

/* Which group each point belongs to (rule 1): group[i] is the index of the group's
 * first point (i itself when it starts one). px, py: n points; near: the distance. */
void chart_label_groups(const double *px, const double *py, size_t n, double near, size_t *group);

/* One label to place (rule 2): in, the point and the label's box size; out, the box's
 * centre and whether a leader line joins them. Units are the caller's (the same on both
 * axes). */
struct chart_label {
    double px, py, w, h; /* in */
    double x, y;         /* out: the centre of the label's box */
    bool leader;         /* out: the label is away from its point */
};

/* The area labels must stay in, the gap between a marker and its label (and between
 * labels), and the markers' size (a square marker x marker centred on each point). The
 * chart's other markers, those of points without a label, are kept off as the labelled
 * points' are: nothers of them at (other_x[i], other_y[i]) (none when nothers is 0).
 * The lines drawn: nsegments segments, segment k from (seg_x[2k], seg_y[2k]) to
 * (seg_x[2k+1], seg_y[2k+1]). Boxes no label may overlap (the legend): nblocked of
 * them. Either may be none (0). */
struct chart_label_area {
    double x0, x1, y0, y1, gap, marker;
    const double *other_x, *other_y;
    size_t nothers;
    const double *seg_x, *seg_y;
    size_t nsegments;
    const struct chart_box *blocked;
    size_t nblocked;
    /* when not NULL, grows by one for each place rules 2 to 4 weigh for a label (how much
       work the placer did: tests/test_chart.c bounds it) */
    size_t *tries;
};

/* Place n labels by rules 2 to 4. Deterministic; needs no PLplot. */
void chart_label_place(struct chart_label *labels, size_t n, const struct chart_label_area *area);

/* Contour labels on a surface: each level's line gets one label, at one of its points
 * (both pure functions; chart.c measures in mm from the frame's lower left corner). */
struct chart_contour_points {
    double *x, *y; /* malloc'd; the caller frees them */
    size_t n, cap;
};

/* Append to t where the line of z = level crosses the grid's cell edges (linear between
 * the grid points, as plcont draws it) and the middle of each cell's piece of line (a
 * cell the line crosses twice). z[i * ny + j] is at (x[i], y[j]). */
void chart_contour_points(const double *x, const double *y, size_t nx, size_t ny, const double *z, double level,
                          struct chart_contour_points *t);

/* The place for a label of size w x h on a line through the n points (x, y): the point
 * whose box lies inside [0, x1] x [0, y1], `margin` in from its sides, and farthest from
 * every box in taken[0..ntaken) (the labels placed before, the marked points; the first
 * such point on a tie). false, *out untouched, if no point has room. */
bool chart_contour_label_place(const double *x, const double *y, size_t n, double w, double h, double x1, double y1,
                               double margin, const struct chart_box *taken, size_t ntaken, struct chart_box *out);

/* Append to t the pieces of the line of z = level, as plcont draws it: each cell's piece
 * as two points in a row, (t->x[2i], t->y[2i]) to (t->x[2i+1], t->y[2i+1]); a cell the
 * line crosses four times (a saddle) gives two pieces. Arguments as chart_contour_points. */
void chart_contour_pieces(const double *x, const double *y, size_t nx, size_t ny, const double *z, double level,
                          struct chart_contour_points *t);

/* A surface point's tag ("≥ 99.9%"): where its box of w x h goes beside the marker at
 * (px, py), of half-width r, inside [0, x1] x [0, y1] (mm, as above). The places tried:
 * right and below (the first choice), right and above, left and below, left and above,
 * right, left, below, above; then the same twice more, each time farther out. A place
 * that would leave the frame is moved into it. Each costs 10 for every piece of `lines`
 * its box crosses (chart_contour_pieces: the lines the instructor points at, the service
 * targets and the region's outline), 1 for every piece of `faint` (the profit lines),
 * 100 for every box of taken[0..ntaken) it overlaps (the markers, its own among them,
 * and the tags placed before; a box that only touches one, less than a millionth of a mm
 * into it as rounding leaves a place beside its marker, does not), 20 if one of those is nearer to it than its own
 * marker or if it sits in the space between its marker and another of the markers, taken[0..nmarkers) (overlaps the
 * hull of the two markers' boxes: either way it would read as that one's tag), and 3 for each step farther out; the
 * cheapest wins, the first on a tie. Deterministic; needs no PLplot. */
struct chart_box chart_tag_place(double px, double py, double r, double w, double h, double x1, double y1,
                                 const struct chart_contour_points *lines, const struct chart_contour_points *faint,
                                 const struct chart_box *taken, size_t ntaken, size_t nmarkers);

/* The axes panel k (< c->npanels) is drawn on, in the scales' coordinates: the data's
 * range over every panel for x, panel k's for y, each widened as drawn (headroom, the
 * minimum spans, the ceiling; room for a dot's half width and its label at the frame). */
void chart_axes(const struct chart *c, size_t k, double *xmin, double *xmax, double *ymin, double *ymax);

/* Is `path`'s extension one we can draw (.png, .svg, .pdf)? If not, a message in err. */
bool chart_path_ok(const char *path, char *err, size_t errlen);

/* Draw c into path. Returns 0, or -1 with a message in err (no file is left behind). */
int chart_write(const char *path, const struct chart *c, char *err, size_t errlen);

/* Draw c with PLplot's "svg" device, which writes text as text, and write to out one
 * <svg>...</svg> element to inline in a UTF-8 HTML5 page: no XML declaration, DOCTYPE
 * or comment; viewBox 0 0 1280 860 (the PNG's aspect), width 100% and height from the
 * aspect, so it scales to its container; the chart's title as its <title>; every text a
 * <text> element holding UTF-8 (Chinese readable, only < & > as references; the title's
 * of class "title", the subtitle's of class "subtitle", for a page's style) in the PNG's
 * font with CJK fonts to fall back on (DejaVu Sans, WenQuanYi Micro Hei, Noto Sans CJK
 * SC, Microsoft YaHei, PingFang SC, sans-serif); ids prefixed with a hash of the
 * drawing, so several charts share a page. Same colours, widths, legend and marks as
 * the PNG. PLplot draws into a temporary file in $TMPDIR (else /tmp), removed after.
 * Returns 0, or -1 with a message in err and nothing written to out. */
int chart_write_svg_text(FILE *out, const struct chart *c, char *err, size_t errlen);

#endif
