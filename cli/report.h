/* report.h - what `servlab run` prints: the readable report table, the CSV of docs/contract.md §6
 * and the companion summary written next to CSV files. */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include "reader/scenario.h"
#include "sim/runner.h"

#include <stdbool.h>
#include <stdio.h>

/* The report table for one scenario: header (file, replications, horizon, seed,
 * generator), then service, order cycle, inventory, demand, customers, cost and
 * profit, each metric with its 95% half-width; tables per product and per tier; then
 * warnings. s has metric_count(&sc->cfg) entries. */
void report_table(FILE *out, const struct scenario *sc, const struct summary *s);

/* CSV: header metric,mean,ci95,sd,n and one row per metric the scenario reports, or
 * only those named in `only` (comma-separated; NULL: all). */
void report_csv(FILE *out, const struct model_config *cfg, const struct summary *s, const char *only);

/* The table's header and the rows of the metrics named in `only`, in that order. */
void report_selected(FILE *out, const struct scenario *sc, const struct summary *s, const char *only);

/* Check that every name in `only` is a metric of cfg; if not, write the problem (with
 * a suggestion) into err and return -1. */
int report_check_names(const struct model_config *cfg, const char *only, char *err, size_t errlen);

/* Print text in a field `width` terminal columns wide (lang_width: a CJK character is 2),
 * cut to the whole characters that fit, padded with spaces on the right (or on the left
 * when right_align). For ASCII text it prints what "%-*.*s" prints. */
int report_cell(FILE *out, const char *text, int width, bool right_align);

/* Drop the last character of text when snprintf cut it in two (a fixed buffer full of
 * Chinese, 3 bytes a character): the text stays valid UTF-8. Returns text. */
char *report_tidy_cut(char *text);

/* A CSV field: empty for NaN, else %.10g (the C locale's dot as decimal mark). */
const char *report_field(double x, char *buf, size_t n);

/* The companion summary of an output directory: what was run, seed, generator,
 * replications, and the scenario's warnings. `command` is e.g. "run". */
void report_summary_header(FILE *out, const struct scenario *sc, const char *command);

#endif
