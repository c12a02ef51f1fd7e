/* charts.h - the charts servlab draws from its results: data from cli/ results, drawing
 * by plots/. Each is written after the CSV it is drawn from. */
#ifndef CLI_CHARTS_H
#define CLI_CHARTS_H

#include "cli/sweep.h"

#include <stddef.h>

/* The service curve: revenue and cost (top), profit with its peak marked (bottom),
 * against the achieved service level. Returns 0 or -1 (message printed). */
int charts_service_curve(const char *path, const struct sweep_result *r);

/* Cost by kind against the service level. */
int charts_cost_breakdown(const char *path, const struct sweep_result *r);

/* The marginal cost of one more point of service against the service level. */
int charts_marginal_cost(const char *path, const struct sweep_result *r);

#endif
