/* grid.h - `servlab sweep` with two levers: the grid's readings. cli/sweep.h runs it
 * (sweep_run, with [sweep] parameter2 or a second --param) and keeps only the rows;
 * these read them: the profit and service tables with the optimum and the region not
 * significantly worse, the CSV (docs/contract.md section 6) and summary.txt. */
#ifndef CLI_GRID_H
#define CLI_GRID_H

#include "cli/sweep.h"

#include <stdio.h>

/* The service targets whose cheapest reach the table, charts and page show (fractions). */
enum { GRID_TARGETS = 3 };
extern const double grid_targets[GRID_TARGETS];

/* The most profitable point whose mean service level reaches target, or (size_t)-1. */
size_t grid_best_reaching(const struct sweep_result *r, double target);

/* The readable tables (profit, service), the optimum, the region and the notes. */
void grid_table(FILE *out, const struct sweep_result *r);

/* The text after the tables: the optimum, its refinement, the region and the cheapest
 * point reaching each service target. */
void grid_notes(FILE *out, const struct sweep_result *r);

/* Lines for summary.txt. */
void grid_summary(FILE *out, const struct sweep_result *r);

#endif
