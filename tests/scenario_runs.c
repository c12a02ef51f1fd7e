/* scenario_runs.c - see scenario_runs.h. */
#include "scenario_runs.h"

#include "cli/simulate.h"
#include "models/metrics.h"

#include <stdlib.h>

struct scenario *runs_load(const char *path, const char *set, const char *set2)
{
    static struct scenario sc;
    struct scenario_override o[2] = {{.assignment = set}, {.assignment = set2}};
    size_t n = set2 ? 2 : set ? 1 : 0;
    return scenario_load(&sc, path, n ? o : NULL, n, stderr) == 0 ? &sc : NULL;
}

size_t runs_all(const struct model_config *cfg, struct summary *s)
{
    unsigned reps = cfg->run.replications;
    size_t nm = metric_count(cfg);
    double *rows = malloc((size_t)reps * nm * sizeof *rows);
    if (!rows) abort();
    struct simulate_opts o = {.threads = 2};
    size_t missing = simulate(&cfg, 1, reps, &o, rows);
    simulate_summarise(rows, reps, nm, s);
    free(rows);
    return missing;
}

bool runs_metric(const struct model_config *cfg, const struct summary *s, const char *name, double *mean, double *hw)
{
    long i = metric_lookup(cfg, name);
    if (i < 0) return false;
    *mean = s[i].mean;
    *hw = summary_halfwidth(&s[i], 0.95);
    return true;
}
