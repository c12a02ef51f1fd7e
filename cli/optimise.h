/* optimise.h - `servlab optimise`: find the best point of one or two levers on common
 * random numbers with far fewer runs than the full grid. A search narrows in (a coarse
 * grid, then a 3 x 3 neighbourhood around the best point with the stride halved until it
 * is one grid step), and Kim and Nelson's fully sequential procedure picks the best of
 * the search's best points with probability at least 95% whenever it is better than the
 * others by the indifference zone delta or more (the chosen point is then within delta
 * of the best of them). */
#ifndef CLI_OPTIMISE_H
#define CLI_OPTIMISE_H

#include "cli/simulate.h"
#include "reader/scenario.h"

#include <stdbool.h>
#include <stdio.h>

enum { OPTIMISE_LEVERS = 2, OPTIMISE_CANDIDATES = 9 };

struct optimise_lever {
    const char *parameter; /* SECTION.KEY (borrowed) */
    double from, to, step; /* step 0: the default (1 for a whole-number key, else (to - from) / 20) */
    bool have_from, have_to;
    /* each written as a percentage ("90%", read as 0.9), which only a share takes
       (key_bound_problem, reader/keys.h) */
    bool from_percent, to_percent, step_percent;
};

/* What to optimise, from the command line (strings borrowed). */
struct optimise_request {
    struct optimise_lever lever[OPTIMISE_LEVERS];
    size_t nlevers;
    const char *metric; /* NULL: profit_per_day */
    bool minimise;
    const char *require; /* "METRIC>=X" or "METRIC<=X", or NULL */
    double delta;        /* the indifference zone; 0: chosen from the search's noise */
};

/* One evaluated grid point: its grid indexes and its rows (reps x the scenario's metrics,
 * replications 0..reps-1). */
struct optimise_point {
    size_t at[OPTIMISE_LEVERS];
    unsigned reps;
    double *rows;
    bool invalid; /* the reader refuses this combination of values (nothing simulated) */
};

struct optimise_candidate {
    size_t point;    /* index into points */
    unsigned out_at; /* replications when Kim-Nelson eliminated it; 0: it survived */
};

struct optimise_result {
    struct scenario base;
    struct optimise_lever lever[OPTIMISE_LEVERS]; /* with the steps resolved */
    size_t nlevers, n[OPTIMISE_LEVERS];           /* grid points per lever */
    bool whole[OPTIMISE_LEVERS];
    int metric;     /* the objective's index in the metrics */
    double sense;   /* +1 maximise, -1 minimise */
    int req_metric; /* -1: no requirement */
    bool req_at_least;
    double req_value;
    size_t nm;     /* metrics per replication */
    unsigned reps; /* the scenario's replications: the full grid's per point */
    unsigned n0;   /* the search's replications per point, Kim-Nelson's first stage */
    struct optimise_point *points;
    size_t npoints, cap;
    size_t coarse_points, refinements;
    struct optimise_candidate cand[OPTIMISE_CANDIDATES];
    size_t ncand;
    double delta, h2; /* the indifference zone, Kim-Nelson's h^2 */
    bool delta_given;
    size_t best;        /* the chosen point (index into points) */
    size_t evaluations; /* runs: replications summed over the points */
    size_t invalid;     /* combinations the reader refused */
    size_t infeasible;  /* points evaluated that miss the requirement */
    /* the points tried (meeting any requirement) when every one has the same mean of the
       objective at the first stage's replications (0 units lost at every reorder point),
       so that the chosen one is only the first the search tried; else 0 */
    size_t tied;
};

/* Parse "METRIC>=X" / "METRIC<=X" into r; 0, or -1 with the problem in err. */
int optimise_parse_require(const char *text, int *metric, bool *at_least, double *value, char *err, size_t n);

/* Load `path` with the overrides, check the request, search and select. Problems go to
 * err. Returns 0 (free r with optimise_free), 2 (bad scenario or request: nothing
 * simulated), 1 (interrupted or failed, or no point meets the requirement: said). */
int optimise_run(const char *path, const struct scenario_override *sets, size_t nsets, const struct optimise_request *q,
                 const struct simulate_opts *o, struct optimise_result *r, FILE *err);

void optimise_free(struct optimise_result *r);

/* The readable report: the chosen point, the selection and its guarantee, the counts. */
void optimise_table(FILE *out, const struct optimise_result *r);

/* The debrief page's headline (cli/debrief.c), one sentence into head: "Profit is highest
 * at inventory.reorder_point = 675: 1396 ± 15 a day", the figures rounded as the table's;
 * into small, the requirement and the runs used against the full grid's. Plain text. */
void optimise_headline(const struct optimise_result *r, char *head, size_t nhead, char *small, size_t nsmall);

/* One row: a column per lever (SECTION.KEY), then M,M_ci95 for every metric shown, then
 * is_profit_max, as a two-lever sweep's rows (docs/contract.md section 6). */
void optimise_csv(FILE *out, const struct optimise_result *r);

/* Lever k's value at grid index i: from + i step, counted in the decimals that from
 * and step are written in (at most 9), so that 0 + 12 x 0.15 is 1.8 and not
 * 1.7999999999999998; summed in binary when either has no such form (a step of 1/3).
 * A whole-number lever's values are rounded to whole numbers. */
double optimise_value(const struct optimise_result *r, size_t k, size_t i);

/* Point i as the search chart draws it (cli/charts.c): false when nothing was simulated
 * there (the reader refused the combination) or metric m has no value; else its mean of
 * metric m over its replications and the 95% half-width, a share in percent as the report
 * shows it, and whether it meets --require (any point does without one) as the search
 * counted it. */
bool optimise_point_mean(const struct optimise_result *r, size_t i, int m, double *mean, double *ci95, bool *meets);

/* --require as the headline says it, "fill_rate >= 95%" (满足率 >= 95%), into buf. */
const char *optimise_requirement_text(const struct optimise_result *r, char *buf, size_t n);

/* The chosen point i for the chart's legend, "chosen: 600, 1500: 1179 ± 9", into buf. */
const char *optimise_point_text(const struct optimise_result *r, size_t i, char *buf, size_t n);

/* The grid at the final resolution: points, and runs at the scenario's replications. */
size_t optimise_grid_points(const struct optimise_result *r);

#endif
