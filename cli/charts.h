/* charts.h - the charts servlab draws from its results: data from cli/ results, drawing
 * by plots/. Each is written after the CSV it is drawn from. */
#ifndef CLI_CHARTS_H
#define CLI_CHARTS_H

#include "cli/batch.h"
#include "cli/sweep.h"
#include "models/model.h"
#include "reader/scenario.h"

#include <stdio.h>

#include <stddef.h>

/* The service curve: revenue and cost (top), profit with its peak marked (bottom),
 * against the achieved service level. Returns 0 or -1 (message printed). */
int charts_service_curve(const char *path, const struct sweep_result *r);

/* Cost by kind against the service level. */
int charts_cost_breakdown(const char *path, const struct sweep_result *r);

/* The marginal cost of one more point of service against the service level. */
int charts_marginal_cost(const char *path, const struct sweep_result *r);

/* The order-cycle time histogram of a traced replication: bins shared by the CSV
 * and the chart, with the mean, the 95th percentile and the promise. */
struct cycle_histogram {
    double edges[81], counts[80];
    size_t nbins;
    size_t beyond; /* orders longer than the last edge (the far tail) */
    double mean, p95, total;
};

void charts_cycle_histogram(const struct model_trace *t, struct cycle_histogram *h);
void charts_cycle_csv(FILE *out, const struct cycle_histogram *h);
int charts_order_cycle(const char *path, const struct scenario *sc, const struct cycle_histogram *h);

/* The stock trajectory of a traced replication, over at most the first 365 days of
 * the statistics window. */
void charts_trajectory_csv(FILE *out, const struct scenario *sc, const struct model_trace *t);
int charts_stock_trajectory(const char *path, const struct scenario *sc, const struct model_trace *t);

/* Several scenarios' profit curves on one chart, each with its profit-maximising point
 * (a diamond) and where the scenario as written stands (a dot: own_service, own_profit):
 * sweeps[0..n), labels naming them. At most 7 are drawn. */
int charts_compare(const char *path, const struct sweep_result *const *sweeps, const char *const *labels,
                   const double *own_service, const double *own_profit, size_t n);

/* Active customers over time in a traced replication (with a customer base). */
void charts_customers_csv(FILE *out, const struct model_trace *t);
int charts_customers(const char *path, const struct scenario *sc, const struct model_trace *t);

/* batch --sweep: each row's recommended service level against its margin on the price,
 * the rows grouped by the variability of their daily demand (three colours). */
int charts_batch(const char *path, const struct batch_result *r);

#endif
