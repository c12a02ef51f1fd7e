/* test_config_patch.c - cli/config_patch.h: a sweep keeps each point as the words in
 * which its configuration differs from the first point's. Every point rebuilt from its
 * patch must be the point loaded on its own, byte for byte, and run to the same metrics;
 * a lever's patch must be a few words, not a configuration. Usage: test_config_patch
 * [DEFAULT_INI] (default scenarios/default.ini, run from the repo root). */
#include "check.h"
#include "cli/config_patch.h"
#include "models/metrics.h"
#include "models/model.h"
#include "reader/scenario.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* path loaded with one override (NULL: none) into a fresh heap scenario, or NULL. */
static struct scenario *load(const char *path, const char *set)
{
    struct scenario *sc = malloc(sizeof *sc);
    if (!sc) abort();
    struct scenario_override o = {.assignment = set, .label = NULL};
    if (scenario_load(sc, path, set ? &o : NULL, set ? 1 : 0, stderr) != 0) {
        free(sc);
        return NULL;
    }
    return sc;
}

/* Metrics of replication 0 of c equal bit for bit (NaN equal to NaN). */
static int same_run(const struct model_config *a, const struct model_config *b)
{
    size_t nm = metric_count(a);
    double *ra = malloc(nm * sizeof *ra), *rb = malloc(nm * sizeof *rb);
    if (!ra || !rb) abort();
    int ok = model_run(a, 0, ra, NULL, NULL) == 0 && model_run(b, 0, rb, NULL, NULL) == 0 && metric_count(b) == nm;
    for (size_t m = 0; ok && m < nm; m++) ok = memcmp(&ra[m], &rb[m], sizeof ra[m]) == 0;
    free(ra), free(rb);
    return ok;
}

static void test_points(const char *path, const char *key, const char *const *values, size_t n, size_t max_words)
{
    char set[200];
    snprintf(set, sizeof set, "%s=%s", key, values[0]);
    struct scenario *ref = load(path, set);
    if (!check(ref != NULL, "patch: %s with %s loads", path, set)) return;
    struct model_config *built = malloc(sizeof *built);
    if (!built) abort();
    for (size_t i = 0; i < n; i++) {
        snprintf(set, sizeof set, "%s=%s", key, values[i]);
        struct scenario *point = load(path, set);
        if (!check(point != NULL, "patch: %s with %s loads", path, set)) continue;
        struct config_patch p;
        config_patch_make(&p, &ref->cfg, &point->cfg);
        if (i == 0)
            check(p.n == 0, "patch-1 %s: the reference's own patch is empty (got %zu words)", set, p.n);
        else
            check(p.n > 0, "patch-2 %s: a point that differs has a non-empty patch", set);
        check(p.n <= max_words, "patch-3 %s: the patch is %zu words, at most %zu", set, p.n, max_words);
        config_patch_build(&p, &ref->cfg, built);
        check(memcmp(built, &point->cfg, sizeof *built) == 0,
              "patch-4 %s: the point rebuilt from its patch is byte-identical to the point loaded", set);
        check(same_run(built, &point->cfg), "patch-5 %s: and runs to the same metrics, bit for bit", set);
        config_patch_free(&p);
        check(p.n == 0 && !p.at && !p.word, "patch-6 config_patch_free leaves an empty patch");
        free(point);
    }
    free(built);
    free(ref);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "scenarios/default.ini";
    const char *factors[] = {"0", "0.5", "1.75", "3"};
    test_points(path, "inventory.safety_factor", factors, 4, 16);
    const char *rates[] = {"20", "35", "80"};
    test_points(path, "demand.orders_per_day", rates, 3, 64);
    const char *days[] = {"100", "365.5"};
    test_points(path, "run.horizon_days", days, 2, 4);
    return check_done("test_config_patch");
}
