/* report.h - what `servlab run` prints: the readable report table, the CSV of docs/contract.md §6
 * and the companion summary written next to CSV files. */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include "models/metrics.h"
#include "reader/scenario.h"
#include "sim/runner.h"

#include <stdbool.h>
#include <stdio.h>

/* The report table for one scenario: header (file, replications, horizon, seed,
 * generator), then service, order cycle, inventory, demand, customers, cost and
 * profit, each metric with its 95% half-width; tables per product and per tier; then
 * warnings. s has metric_count(&sc->cfg) entries. */
void report_table(FILE *out, const struct scenario *sc, const struct summary *s);

struct contract_periods; /* cli/contract_report.h */

/* report_table with a service contract's per-period values (NULL: none), reported after
 * the service group (cli/contract_report.h). */
void report_table_contract(FILE *out, const struct scenario *sc, const struct summary *s,
                           const struct contract_periods *periods);

/* The parts of report_table, for other presentations of the same report (the debrief
 * page, cli/debrief.h). The text they write is the table's, in the reader's language. */

/* What comes between the header and the first group: notes on a replayed history and
 * the history's description. */
void report_preamble(FILE *out, const struct scenario *sc, const struct summary *s);

/* Does the report show metric m (a metric of sc's layout below METRIC_COUNT)? */
bool report_metric_shown(const struct scenario *sc, const struct summary *s, int m);

/* A figure as the report shows it: the mean and half-width scaled and rounded alike
 * into value and ci (40 bytes each; ci is "" without an interval) and its unit in the
 * reader's language ("%", "days", "" for money). Returns false when there is no value
 * (n/a). */
bool report_figure(const struct metric_def *d, const struct summary *s, char value[40], char ci[40], const char **unit);

/* What follows the rows of metric group g (enum metric_group): its notes, and after the
 * service group theory next to simulation and the per-product, per-tier and
 * per-location tables. */
void report_group_notes(FILE *out, const struct scenario *sc, const struct summary *s, int g);

/* The note that stock is not modelled (policy = none), when it is not. */
void report_policy_note(FILE *out, const struct scenario *sc);

/* One warning under a report's "Warnings" head: "  ! " and the text, a paragraph
 * within a terminal's width (lang_print_filled), in every command's report alike. */
void report_warning(FILE *out, const char *text);

/* What ends the table: the note on policy = none and the warnings. */
void report_closing_notes(FILE *out, const struct scenario *sc);

/* CSV: header metric,mean,ci95,sd,n and one row per metric the scenario reports, or
 * only those named in `only` (comma-separated; NULL: all). */
void report_csv(FILE *out, const struct model_config *cfg, const struct summary *s, const char *only);

/* The table's header and the rows of the metrics named in `only`, in that order. */
void report_selected(FILE *out, const struct scenario *sc, const struct summary *s, const char *only);

/* Is name a metric (as --format csv names it)? 0, or -1 with the problem, said of option
 * ("--maximise"), in err: the metric whose report label name is ("profit": profit_per_day),
 * or the nearest name ("Profit_per_day", "fillrate"), when there is one. */
int report_check_metric(const char *option, const char *name, char *err, size_t errlen);

/* Check that every name in `only` is a metric of cfg; if not, write the problem (with
 * a suggestion) into err and return -1. */
int report_check_names(const struct model_config *cfg, const char *only, char *err, size_t errlen);

/* Print text in a field `width` terminal columns wide (lang_width: a CJK character is 2),
 * padded with spaces on the right (or on the left when right_align). Text too wide is
 * cut to the whole characters that fit with "..." after them (a field of 8 columns or
 * more), so that a cut name is not read as another real one. */
int report_cell(FILE *out, const char *text, int width, bool right_align);

/* A share as a percentage with `decimals` decimals ("%.*f" of 100 x share), except that
 * a share below 1 that would read 100.00 reads ">99.99" (as many 9s as decimals), and
 * one above 0 that would read 0.00 reads "<0.01": a table never shows perfect service,
 * or none, that the run did not see. "n/a" for NaN. Returns buf. */
const char *report_percent(double share, int decimals, char *buf, size_t n);

/* report_percent with its '%' ("97.50%", ">99.99%"), or `none` where the share has no
 * data (NaN: reaction_elsewhere where no order met a stockout), which has no '%' to
 * follow it: "n/a", "-" or _("n/a") as the table or text around it writes no data.
 * Returns buf. */
const char *report_percent_or(double share, int decimals, const char *none, char *buf, size_t n);

/* A CSV field: empty for NaN, else %.10g (the C locale's dot as decimal mark). */
const char *report_field(double x, char *buf, size_t n);

/* The companion summary of an output directory: what was run, seed, generator,
 * replications, the scenario's warnings, and its file as seen from dir, the directory
 * summary.txt is written into (report_summary_files). `command` is e.g. "run". */
void report_summary_header(FILE *out, const struct scenario *sc, const char *command, const char *dir);

/* summary.txt's `file:` lines: each of paths[0..n) (as typed, from the current
 * directory) as a path from dir, the directory summary.txt is in, so that a reader of
 * the summary finds them from anywhere (servlab.c's --out warning); a file that cannot
 * be resolved gets no line, and then none does. */
void report_summary_files(FILE *out, const char *dir, const char *const *paths, size_t n);

/* "fill rate" for fill_rate: a metric in words, in the user's language (the course's
 * terms in Chinese: docs/glossary.md; every rate or share a sweep or compare takes as its
 * --service has words); a metric not in the table is named with its underscores as
 * spaces, in Chinese after a space that sets it apart from the Chinese before it.
 * Returns buf. */
const char *report_metric_words(const char *metric, char *buf, size_t n);

/* A metric as a sentence names it: in Chinese its words (满足率), in English its name as
 * the tables' columns and the CSV write it (fill_rate). Returns buf. */
const char *report_metric_prose(const char *metric, char *buf, size_t n);

/* "Changed from the file with --set: a=1, b=2." for the --set assignments in changes
 * (struct scenario's), nothing when there are none; no second full stop after a value
 * that ends in one (history_thousands=.). */
void report_changed_line(FILE *out, const char *changes);

/* summary.txt's lines on how the runs were made, after its first line: seed, generator,
 * replications, horizon_days and warmup_days (report_summary_header's, and batch's). */
void report_summary_run_lines(FILE *out, unsigned long long seed, unsigned reps, double horizon_days,
                              double warmup_days);

#endif
