/* history_structure.h - what a demand history's days hold beyond their distribution
 * (its trend, weekly pattern and autocorrelation: sim/series.h), said in reports, with
 * a warning when the mode it is played in loses structure that matters; and the
 * variance of demand over several days from the autocovariances, for the theory block.
 */
#ifndef READER_HISTORY_STRUCTURE_H
#define READER_HISTORY_STRUCTURE_H

#include "history.h"

#include <stdio.h>

/* Lines describing hi's structure and, if mode loses any of it that is significant
 * (sim/series.h states the rule), a warning naming the mode that keeps it; each line
 * starting with prefix. */
void history_describe_structure(FILE *out, const struct history_info *hi, enum history_mode mode, const char *prefix);

/* The number of warnings history_describe_structure writes for hi in mode. */
int history_structure_warnings(const struct history_info *hi, enum history_mode mode);

/* The kinds of warning history_describe_structure gives for hi in mode, each as one line
 * without its figures (for a batch, which says each once, naming the rows it holds
 * for): at most max of them into texts[]; returns how many. */
size_t history_warning_lines(const struct history_info *hi, enum history_mode mode, char (*texts)[640], size_t max);

/* The history's daily totals, days 0..ndays-1, in a new array (the caller frees it). */
double *history_daily_totals(const struct demand_history *h);

/* Variance of the history's demand summed over `days` consecutive days, from its
 * autocovariances (sim/series.h: series_sum_variance), linear between whole numbers of
 * days; and, in *independent, the same taking the days as independent (days x g0). */
double history_sum_variance(const struct demand_history *h, double days, double *independent);

#endif
