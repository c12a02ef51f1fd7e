/* debrief.h - the debrief page: `--out DIR` writes DIR/report.html for run, sweep,
 * compare and batch. One self-contained HTML5 file (cli/html.h): the scenario and what
 * it models, the settings that differ from the defaults, the headline, every section of
 * the report as a table with its 95% intervals, the charts as inline SVG with their
 * text as text, the warnings, and a footer that says how to reproduce the run. Every
 * string goes through the catalogue (lang/lang.h), so the page is in the reader's
 * language.
 *
 * The charts are collected while the command draws its PNG files: each chart is drawn
 * a second time into the stream debrief_figure_begin returns (cli/charts.h, struct
 * chart_target), and the page is written last. */
#ifndef CLI_DEBRIEF_H
#define CLI_DEBRIEF_H

#include "cli/batch.h"
#include "cli/compare.h"
#include "cli/ipa.h"
#include "cli/optimise.h"
#include "cli/sweep.h"
#include "reader/scenario.h"
#include "sim/runner.h"

#include <stdbool.h>
#include <stdio.h>

struct debrief_figure {
    char *caption; /* in the reader's language */
    char *file;    /* the PNG drawn beside the page, e.g. "order_cycle.png" */
    char *svg;     /* the chart as an <svg> element, or the supply chain as HTML (html_flow) */
};

struct contract_periods; /* cli/contract_report.h */

struct debrief {
    const char *command_line;                /* as typed, for the footer (borrowed) */
    const struct contract_periods *contract; /* run: a contract's per-period values, or NULL (borrowed) */
    const char *described; /* compare: the file whose leading comment describes the base, when not the base
                              itself (the class server's Chinese twin: cli/serve.c), or NULL (borrowed) */
    struct debrief_figure *figs;
    size_t nfigs;
    FILE *open; /* the figure being drawn, or NULL */
    char *buf;
    size_t len;
};

/* A stream for the next chart's inline SVG (cli/charts.h: chart_target.svg; the supply chain
 * writes HTML there, cli/html.h's html_flow). */
FILE *debrief_figure_begin(struct debrief *d);

/* The chart drawn into that stream is complete: keep it under caption and the name of
 * its file in the folder ("" for a page with no files: the caption alone; both copied),
 * or drop it when it was not drawn. */
void debrief_figure_end(struct debrief *d, const char *caption, const char *file, bool drawn);

/* Free the figures; d is left zeroed but for command_line. */
void debrief_fini(struct debrief *d);

/* The pages. s has metric_count(&sc->cfg) summaries. */
void debrief_run(FILE *out, const struct debrief *d, const struct scenario *sc, const struct summary *s);
void debrief_sweep(FILE *out, const struct debrief *d, const struct sweep_result *r);
void debrief_compare(FILE *out, const struct debrief *d, const struct compare_result *r);
void debrief_batch(FILE *out, const struct debrief *d, const struct batch_result *r);
void debrief_ipa(FILE *out, const struct debrief *d, const struct ipa_result *r);
void debrief_optimise(FILE *out, const struct debrief *d, const struct optimise_result *r);

/* A two-lever sweep (cli/grid.h): the profit and service tables, the notes, the charts. */
void debrief_grid(FILE *out, const struct debrief *d, const struct sweep_result *r);

#endif
