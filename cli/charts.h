/* charts.h - the charts servlab draws from its results: data from cli/ results, drawing
 * by plots/. Each is written after the CSV it is drawn from. */
#ifndef CLI_CHARTS_H
#define CLI_CHARTS_H

#include "cli/batch.h"
#include "cli/compare.h"
#include "cli/ipa.h"
#include "cli/optimise.h"
#include "cli/sweep.h"
#include "models/model.h"
#include "reader/scenario.h"

#include <stdio.h>

#include <stddef.h>

/* Where a chart goes: a file, whose extension picks the device (plots/chart.h), and/or
 * a stream that receives it as an inline <svg> element with its text as text, for the
 * debrief page (cli/debrief.h). Either may be NULL. Every charts_ function below
 * returns 0, or -1 with the message printed. */
struct chart_target {
    const char *path;
    FILE *svg;
};

/* The service curve: revenue and cost (top), profit with its peak marked (bottom),
 * against the achieved service level. Returns 0 or -1 (message printed). */
int charts_service_curve(const struct chart_target *to, const struct sweep_result *r);

/* Cost by kind against the service level. */
int charts_cost_breakdown(const struct chart_target *to, const struct sweep_result *r);

/* The marginal cost of one more point of service against the service level; only for a
 * sweep whose lever raises service (sweep_marginal_meaningful): servlab leaves the chart
 * out otherwise. */
int charts_marginal_cost(const struct chart_target *to, const struct sweep_result *r);

/* The order-cycle time histogram of a traced replication: bins shared by the CSV
 * and the chart, with the mean, the 95th percentile and the promise. */
struct cycle_histogram {
    double edges[81], counts[80];
    size_t nbins;
    size_t beyond; /* orders longer than the last edge (the far tail) */
    double mean, p95, total;
};

void charts_cycle_histogram(const struct model_trace *t, struct cycle_histogram *h);

struct contract_periods; /* cli/contract_report.h */

/* A service contract's per-period service: for each of its first two targets a
 * histogram of the per-period values over every period of every replication (in %),
 * with the target and the long-run value marked. s: the run's summaries. */
int charts_contract(const struct chart_target *to, const struct scenario *sc, const struct summary *s,
                    const struct contract_periods *p);
void charts_cycle_csv(FILE *out, const struct cycle_histogram *h);
int charts_order_cycle(const struct chart_target *to, const struct scenario *sc, const struct cycle_histogram *h);

/* The stock point a traced replication follows (struct model_trace's stock): the first
 * product's; else the first location that serves customers (location_faces_customers,
 * models/network.h: in a supply chain a store, not the factory at its head), which
 * without echelons is the first location; else the one stock's. charts_traced_index is
 * its index among the products or the locations (0 for the one stock). */
size_t charts_traced_index(const struct scenario *sc);
const struct inventory_config *charts_traced_stock(const struct scenario *sc);

/* The stock trajectory of a traced replication: the CSV over at most the first 365 days
 * of the statistics window, whatever the chart draws; the chart over all of it (thinned on
 * a long run), or over its first 40 deliveries when it holds more than 150 (cli/charts.c,
 * trajectory_window). */
void charts_trajectory_csv(FILE *out, const struct scenario *sc, const struct model_trace *t);
int charts_stock_trajectory(const struct chart_target *to, const struct scenario *sc, const struct model_trace *t);

/* Several scenarios' profit curves on one chart, each with its profit-maximising point
 * (a diamond) and where the scenario as written stands (a dot: own_service, own_profit):
 * sweeps[0..n), labels naming them. At most CHARTS_COMPARE_MOST are drawn: beyond that
 * the curves cannot be told apart (charts_class shows a whole class). */
enum { CHARTS_COMPARE_MOST = 7 };
int charts_compare(const struct chart_target *to, const struct sweep_result *const *sweeps, const char *const *labels,
                   const double *own_service, const double *own_profit, size_t n);

/* compare: every ranked file's profit as a percentage of the best file's, one dot per
 * file in rank order (x is the rank: the table and compare.csv name the files) with the
 * paired 95% interval of its difference to the best as whiskers, on a y axis that fits
 * them, a line at 100 %; the best in its own colour, then the other files not significantly
 * below it in another, the rest in grey; the title counts only the files other than the best.
 * When the best profit is not above 0 a share says nothing: bars from 0 show the profit
 * itself, and the subtitle says so. */
int charts_compare_share(const struct chart_target *to, const struct compare_result *r);

/* compare: the service curve of curve's scenario (the base, or the reference file; its
 * [sweep] swept with the compare's seed and replications) as a line, and every ranked
 * file as written as a dot at its own service level and profit, labelled with its rank
 * (files at the same point share one label, "3 ×2"). The x axis is the shortfall's log
 * scale when the files crowd near 100 % (as a sweep's x_axis = auto decides). */
int charts_class(const struct chart_target *to, const struct sweep_result *curve, const struct compare_result *r);

/* Active customers over time in a traced replication (with a customer base). */
void charts_customers_csv(FILE *out, const struct model_trace *t);
int charts_customers(const struct chart_target *to, const struct scenario *sc, const struct model_trace *t);

/* Customers per stage of the loyalty ladder over time in a traced replication (with
 * [loyalty]): customer_stages.csv, day,new,satisfied,loyal. */
void charts_customer_stages_csv(FILE *out, const struct model_trace *t);
int charts_customer_stages(const struct chart_target *to, const struct scenario *sc, const struct model_trace *t);

/* With echelons (FEATURE_ECHELONS): the supply chain as a diagram, from the outside
 * supplier at the left through each level of locations to their customers at the
 * right; each location's fill rates (to the locations below it, to its customers), mean
 * on hand and bullwhip ratio; on each link the units ordered a day along it and (between
 * two locations) the upstream location's realised lead time. s: the run's summaries.
 * supply_chain.csv: one row per location, the numbers drawn (docs/contract.md). The
 * page (to->svg) gets the same diagram as HTML, cli/html.h's html_flow, not an <svg>. */
void charts_supply_chain_csv(FILE *out, const struct scenario *sc, const struct summary *s);
int charts_supply_chain(const struct chart_target *to, const struct scenario *sc, const struct summary *s);

/* batch --sweep: each row's recommended service level against its margin on the price,
 * the rows grouped by the variability of their daily demand (three colours). Points
 * carry their ids (placed by plots/chart.h's rule), with "+gain" (2 decimals) where the
 * gain is material (cli/batch.h): every row of a table of at most BATCH_CHART_LABEL_ALL
 * rows; of a larger one, the BATCH_CHART_LABELS rows with the largest material gains (the subtitle
 * says which are labelled). */
enum { BATCH_CHART_LABEL_ALL = 15, BATCH_CHART_LABELS = 10 };
int charts_batch(const struct chart_target *to, const struct batch_result *r);
/* How many of r's rows charts_batch draws: those with a recommended service and a margin
 * (a service with no data, reaction_elsewhere where no order met a stockout, has none).
 * With none, there is no chart to draw. */
size_t charts_batch_points(const struct batch_result *r);

/* A two-lever sweep (cli/grid.h): the profit surface in filled contours with labelled
 * profit lines, the optimum (a diamond) and its quadratic refinement, the region not
 * significantly lower outlined, and the service contours at grid_targets overlaid, each
 * with its most profitable point (a dot): the cheapest way to reach it. */
int charts_profit_surface(const struct chart_target *to, const struct sweep_result *r);

/* ipa: the importance-performance matrix: each placed element at (performance against
 * its target, importance) with its 95% whiskers and its name, the quadrant lines (the
 * target, the mean importance) and the four quadrants named. */
int charts_ipa(const struct chart_target *to, const struct ipa_result *r);

/* optimise: the points the search tried. Two levers: each point at (lever 1, lever 2),
 * those that meet --require coloured by the objective in three equal bands (the best
 * darkest), those that miss it grey, the chosen point a diamond. One lever: the
 * objective against the lever with 95% whiskers, the points that miss --require grey,
 * the chosen one a diamond; with --require, its metric in a panel beneath, the bound a
 * dashed line. */
int charts_optimise(const struct chart_target *to, const struct optimise_result *r);

#endif
