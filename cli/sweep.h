/* sweep.h - `servlab sweep`: vary one key over a grid, every point on the same random
 * numbers, and read the service curve: service, cost, revenue and profit per point,
 * the marginal cost of service, and the profit-maximising point. */
#ifndef CLI_SWEEP_H
#define CLI_SWEEP_H

#include "cli/simulate.h"
#include "models/curve.h"
#include "models/metrics.h"
#include "models/surface.h"
#include "reader/scenario.h"
#include "sim/runner.h"

#include <stdio.h>

/* the bytes of a warning that holds at some points: "at KEY = V (and maybe others): " and
 * a scenario warning */
enum { SWEEP_POINT_WARNING_MAX = SCENARIO_WARNING_MAX + 160 };

struct sweep_result {
    struct scenario base; /* the scenario as loaded, with its [sweep] section */
    size_t n;             /* grid points */
    unsigned reps;
    size_t nm;             /* metrics per replication: metric_count of the scenario */
    double *x;             /* n lever values */
    double *rows;          /* n * reps * nm, point-major; sweep_at summarises them */
    int service;           /* the service metric on the x-axis */
    double *service_level; /* n: mean of the service metric */
    double *service_cost;  /* n: every cost but purchases, shortages and winning customers, per day */
    double *marginal;      /* n: extra service cost per point of service, from the row above, or
                              over the noise rows just above it from the last row that is not
                              one (sweep_span_start); NaN at point 0, where service did not rise
                              from the row above and at rise_in_noise */
    /* n: did service rise from the row above, yet by less than its noise since the last row
       that is not a noise row (the paired 95% interval of the rise over the replications
       reaches 0; below SWEEP_REPS_FOR_INTERVAL replications, a rise below
       SWEEP_RISE_SHOWN)? There marginal is NaN: a cost divided by a rise that may be 0 is
       not a cost per point, and the next row is measured over the whole span
       (sweep_noise_steps counts them). */
    bool *rise_in_noise;
    struct curve_optimum opt;
    /* change against the point with the lowest service, paired over replications (the
       same random numbers make these far sharper than the levels themselves) */
    size_t baseline;
    struct summary *delta_revenue, *delta_cost, *delta_profit; /* n each; cost as profit charges it
                                                                   (total cost - increase in stock value) */
    char point_warnings[4][SWEEP_POINT_WARNING_MAX];           /* warnings that hold at some points only */
    size_t npoint_warnings;
    /* two levers ([sweep] parameter2, a second --param): a grid of n = n1 * n2 points,
       point i at row i / n2 (x[i], the first lever) and column i % n2 (x2[i]); on the
       same random numbers like any sweep. One lever: n1 = n, n2 = 1, x2 and near NULL,
       and grid unset. With two, opt.best is grid.best and the curve's other readings
       (marginal, opt's refinement and ties) are not made (cli/grid.h reads the grid). */
    size_t n1, n2;
    double *x2;
    bool *near; /* n: profit not significantly below the best point's (paired 95%) */
    struct surface_optimum grid;
};

/* The smallest rise in service the table shows: 0.001 points, its last decimal (a share). */
static const double SWEEP_RISE_SHOWN = 1e-5;

/* From how many replications the paired 95% interval of a rise tells a rise from noise:
 * with fewer, the t quantile (12.71 at 2, 4.30 at 3, 3.18 at 4; t(4) = 2.78 at 5) makes
 * the interval so wide that nearly every rise would read as noise, fewer figures than one
 * replication gives. Below it, the one-replication rule (SWEEP_RISE_SHOWN) holds. */
enum { SWEEP_REPS_FOR_INTERVAL = 5 };

/* Is r a grid of two levers? */
static inline bool sweep_is_grid(const struct sweep_result *r)
{
    return r->x2 != NULL;
}

/* Lever k (0, or 1 of a grid): its values (n1 or n2 of them, into out, which must hold
 * them), in the order of the sweep's points. */
size_t sweep_lever_values(const struct sweep_result *r, int k, double *out);

/* The significant digits, 6 or more, that write every value of lever k (0, or 1 of a
 * grid) apart from the others: what the tables, the notes and the page write it with. */
int sweep_lever_digits(const struct sweep_result *r, int k);

/* A value x of a lever as the tables, the notes and the page write it
 * (into v, 40 bytes): a whole number whole ("1000000", not "1e+06"), else with `digits`
 * significant digits as sweep_lever_digits gives them ("0.949091", not
 * 0.9490909090909091) but never fewer than its whole digits, and never with an exponent
 * from 1e-9 to 1e15 ("1333333", "0.00001"). Within 1e-4 to 10^digits it is %.*g's text. */
const char *sweep_lever_text(double x, int digits, char v[40]);

/* x as a student typed it, written as sweep_lever_text writes a lever's value (into v,
 * 40 bytes): the fewest significant digits that read back as x, with no exponent from
 * 1e-9 to 1e15 ("0.0000005", not "5e-07"). For a value that is no point of a sweep's
 * table: an option's --to or --step. */
const char *sweep_number_text(double x, char v[40]);

/* Load `path` with the overrides, build every point and simulate them. Problems go
 * to err. Returns 0 (free r with sweep_free), 2 (bad scenario or sweep: nothing
 * simulated) or 1 (interrupted or failed); after 2 or 1, r holds nothing. */
int sweep_run(const char *path, const struct scenario_override *sets, size_t nsets, const struct simulate_opts *o,
              struct sweep_result *out, FILE *err);

void sweep_free(struct sweep_result *r);

/* Does an override of sets give another service lever of the section whose lever
 * parameter ("inventory.safety_factor") varies, or the level that lever sets there
 * (reorder_point under sQ, order_up_to under base_stock, by base's policy)? The reader
 * would refuse each point, and blame the point. If so writes into err (n bytes) the
 * option, what varies and where it was given (source: "[sweep] parameter on line 48",
 * "--param inventory.safety_factor"), and what to do: drop the option or vary its key
 * (optimise: said of optimise, else of the sweep); returns -1. Else 0. */
int sweep_lever_clash(const struct scenario *base, const char *parameter, const char *source,
                      const struct scenario_override *sets, size_t nsets, bool optimise, char *err, size_t n);

/* For servlab check: load path with sets, and, when it has a [sweep], each point of it
 * (without simulating), as sweep_run loads them. Returns 0, or 2 with the first point's
 * problems on err as sweep_run writes them (a lever swept into values that make the
 * scenario invalid: "inventory.reorder_point = 908.929 (point 26 of 29 ...) gives an
 * invalid scenario"). */
int sweep_check_points(const char *path, const struct scenario_override *sets, size_t nsets, FILE *err);

/* The paired changes of revenue, cost (as profit charges it) and profit at every point
 * against point base, into n summaries each: delta_* are these against baseline; a
 * chart drawn along the lever measures against its first point instead (cli/charts.c). */
void sweep_changes(const struct sweep_result *r, size_t base, struct summary *revenue, struct summary *cost,
                   struct summary *profit);

/* Load path with sets[0..nsets) and then the lever assignments levers[0..nlevers)
 * ("SECTION.KEY=VALUE", every digit of the value; lever l named labels[l] in messages:
 * "LABEL: [section] key: ...", and its value quoted there as shown[l], the digits the
 * label gives it: "got 10.1333", not "got 10.133333333333333"): one point of a sweep or
 * of the optimiser's search. The reader's messages come back in *msgs (malloc'd, the
 * caller frees it; NULL when they could not be kept). Returns scenario_load's status. */
int sweep_load_levers(struct scenario *sc, const char *path, const struct scenario_override *sets, size_t nsets,
                      const char *const *levers, const char *const *labels, const char *const *shown, size_t nlevers,
                      char **msgs);

/* Say once that a point gives no valid scenario: place ("servlab: " when NULL; batch:
 * "TABLE:LINE (row ID): ") and head, what to change ("--from -100 for
 * inventory.order_quantity gives an invalid scenario:"), a head too long for a line going
 * on under its first word, past place (4 blanks in past a place over 40 columns), then
 * each of the reader's problems (msgs) on a line of its own, two blanks in, less the
 * "LABEL: " of the lever that head names (label; NULL: none); all within a terminal's
 * width. */
void sweep_refuse_point(FILE *err, const char *place, const char *head, const char *label, const char *msgs);

/* Metric m at point i, summarised over the replications. Computed from the rows on each
 * call rather than kept: a point's summaries would take more memory than its rows
 * (bench/README.md, the sweep's peak RSS). */
struct summary sweep_at(const struct sweep_result *r, size_t i, int m);

/* How many of the n - 1 steps raise the service level from the row above, within its
 * noise or beyond it. */
size_t sweep_rising_steps(const struct sweep_result *r);

/* How many steps rose within their noise (rise_in_noise): the rows whose "—" the
 * notes and the chart's subtitle explain. */
size_t sweep_noise_steps(const struct sweep_result *r);

/* How many rows show a cost of 1 pt (marginal not NaN). */
size_t sweep_marginal_figures(const struct sweep_result *r);

/* Where row i (i >= 1) is measured from: the last row before it that is not a noise
 * row (rise_in_noise), so the row above unless noise rows lie between. */
size_t sweep_span_start(const struct sweep_result *r, size_t i);

/* Does the cost of one more point of service mean something here: does the service
 * level rise from the row above (sweep_rising_steps) at half the steps or more? When it
 * does not (a lever that moves demand or costs rather than buying service), the table
 * leaves the cost of 1 pt out and says why; curve.csv keeps the column. */
bool sweep_marginal_meaningful(const struct sweep_result *r);

/* Is no point of a one-lever sweep significantly less profitable than the best (paired
 * 95% intervals, r->opt's tie covering every point)? Then the best point being at an
 * end of the range says nothing about profit beyond it, and the notes and the chart's
 * title do not ask for a wider range. */
bool sweep_profit_flat(const struct sweep_result *r);

/* Is the mean profit of a one-lever sweep exactly the same at every point (a lever
 * that changes no cost or revenue, such as the promise without a price on lateness)? */
bool sweep_profit_same(const struct sweep_result *r);

/* Is the swept key a whole number (servers, locations): its values are counts? */
bool sweep_lever_is_count(const struct sweep_result *r);

/* The readable table, the optimum and the notes. */
void sweep_table(FILE *out, const struct sweep_result *r);

/* The table's text after its rows: what the service cost is made of, the cost of a
 * point and the optimum (the table then lists the warnings). */
void sweep_notes(FILE *out, const struct sweep_result *r);

/* docs/contract.md §6: the swept key, then M and M_ci95 for every metric, then is_profit_max. */
void sweep_csv(FILE *out, const struct sweep_result *r);

/* The data behind the charts: lever, service, service cost, the marginal cost, and
 * cost, revenue and profit with their 95% half-widths. */
void sweep_curve_csv(FILE *out, const struct sweep_result *r);

/* Lines for summary.txt: the sweep and its optimum. */
void sweep_summary(FILE *out, const struct sweep_result *r);

#endif
