/* scenario_runs.h - what the tests of whole scenarios share (tests/test_network.c,
 * tests/test_capacity.c): load a file with up to two --set assignments, run all its
 * replications, and read one metric's mean and 95% half-width from the summaries. */
#ifndef TESTS_SCENARIO_RUNS_H
#define TESTS_SCENARIO_RUNS_H

#include "models/model.h"
#include "reader/scenario.h"
#include "sim/runner.h"

#include <stdbool.h>
#include <stddef.h>

/* path with up to two assignments (NULL for none); the scenario is static, one at a
 * time. NULL if it does not load (the reader's message is on stderr). */
struct scenario *runs_load(const char *path, const char *set, const char *set2);

/* Run all of cfg's replications on two threads; their summaries into s (sized by
 * metric_count). Returns how many replications did not run (0 when all did). */
size_t runs_all(const struct model_config *cfg, struct summary *s);

/* The mean of metric name and its 95% half-width; false if cfg has no such metric. */
bool runs_metric(const struct model_config *cfg, const struct summary *s, const char *name, double *mean, double *hw);

#endif
