/* test_fastpath.c - the model's short cuts (models/fastpath.h) against its general path.
 *
 * The allow-list is complete: every row is named, and every kind of metric the model
 * reports (models/metrics.h) is accounted for by some feature of the list, so a new
 * feature that brings metrics fails here until it has a row. Then every scenario file in
 * scenarios/ and tests/ (but tests/bad/, which must not load) runs one replication with
 * the short cuts allowed and with the general path forced (struct model_watch
 * general_path): every metric must be the same to the last bit, NaN alike. Run from the
 * repository's top directory (tests/run_all.sh does).
 */
#include "check.h"
#include "both_ways.h"
#include "models/fastpath.h"
#include "models/metrics.h"
#include "models/model.h"
#include "reader/scenario.h"

#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_FILES = 1000, PATH_LEN = 512 };

struct file_list {
    char (*paths)[PATH_LEN];
    size_t n;
};

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* Every .ini under dir, except under skip (NULL: none). */
static void find_ini(const char *dir, const char *skip, struct file_list *out)
{
    if (skip && strcmp(dir, skip) == 0) return;
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[PATH_LEN];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            find_ini(path, skip, out);
        } else if (ends_with(path, ".ini") && out->n < MAX_FILES) {
            memcpy(out->paths[out->n++], path, PATH_LEN);
        }
    }
    closedir(d);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* The table names every feature, and some feature accounts for every kind of metric. */
static void test_table(void)
{
    size_t unnamed = 0;
    for (size_t f = 0; f < FP_COUNT; f++) unnamed += fastpath_rows[f].name == NULL;
    check(unnamed == 0, "fastpath-1.1 every feature of enum fastpath_feature has a row (%zu without)", unnamed);
    unsigned reported = 0, listed = 0;
    for (size_t i = 0; i < METRIC_COUNT; i++) reported |= metric_defs[i].feature;
    for (size_t f = 0; f < FP_COUNT; f++) listed |= fastpath_rows[f].metric_features;
    check((reported & ~listed) == 0,
          "fastpath-1.2 every kind of metric (models/metrics.h) belongs to a feature on the list "
          "(kinds 0x%x are on no row)",
          reported & ~listed);
    size_t plain_not_instant = 0;
    for (size_t f = 0; f < FP_COUNT; f++)
        plain_not_instant += fastpath_rows[f].allowed[FASTPATH_PLAIN] && !fastpath_rows[f].allowed[FASTPATH_INSTANT];
    check(plain_not_instant == 0, "fastpath-1.3 plain arrivals allow nothing the instant path does not");
}

/* One replication of sc both ways; returns true if the short cut was taken. */
static bool same_both_ways(const char *path, struct model_config *c)
{
    struct both_ways b = run_both_ways(c, 1);
    bool allowed = fastpath_allows(c, FASTPATH_INSTANT);
    check(b.differ == 0, "fastpath-2.1 %s: %s, every metric the same bit for bit both ways (%zu differ%s%s)", path,
          allowed ? "short cut allowed" : "general path only", b.differ, b.differ ? ", first " : "", b.first);
    check(b.general.instant_orders == 0 && (allowed || b.fast.instant_orders == 0),
          "fastpath-2.2 %s: the short cut is taken only where allowed (%llu orders of %llu)", path,
          (unsigned long long)b.fast.instant_orders, (unsigned long long)b.fast.placed);
    return b.fast.instant_orders > 0;
}

static void test_scenario_files(void)
{
    struct file_list files = {.paths = malloc(MAX_FILES * sizeof *files.paths)};
    if (!files.paths) abort();
    find_ini("scenarios", NULL, &files);
    find_ini("tests", "tests/bad", &files);
    qsort(files.paths, files.n, sizeof *files.paths, by_name);
    check(files.n >= 50, "fastpath-2.0 the scenario files are found (%zu)", files.n);
    FILE *sink = fopen("/dev/null", "w");
    if (!sink) abort();
    struct scenario *sc = scenario_new();
    size_t loaded = 0, fast = 0;
    for (size_t i = 0; i < files.n; i++) {
        const char *path = files.paths[i];
        if (scenario_load(sc, path, NULL, 0, sink) != 0) {
            check(0, "fastpath-2.0b %s loads", path);
            continue;
        }
        loaded++;
        unsigned unlisted = fastpath_unlisted(&sc->cfg);
        check(unlisted == 0, "fastpath-1.4 %s: every feature in use is on the list (metric kinds 0x%x are not)", path,
              unlisted);
        fast += same_both_ways(path, &sc->cfg);
    }
    /* not vacuous: the short cut is taken in the commonest scenarios */
    check(fast >= 10, "fastpath-2.3 the short cut was taken in %zu of %zu scenario files", fast, loaded);
    scenario_free(sc);
    fclose(sink);
    free(files.paths);
}

/* The lean instances take the streams their draws use as made (models/model.c,
 * make_lean_streams; models/demand.c, demand_start): default.ini, whose orders take
 * them, with a first order at a given time (no gap drawn at the start), constant stages
 * (no stream made) and constant units, each the same both ways; a stream not made would
 * crash the lean run. */
static void test_lean_streams(void)
{
    static const char *const sets[] = {
        "demand.first_order_days = 0.3", "order_cycle.transmission_days = 0", "order_cycle.processing_days = 0.02",
        "order_cycle.delivery_days = 2", "demand.units_per_order = 3",        "order_cycle.picking_days = 0",
    };
    FILE *sink = fopen("/dev/null", "w");
    if (!sink) abort();
    struct scenario *sc = scenario_new();
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        struct scenario_override o = {.assignment = sets[i]};
        int rc = scenario_load(sc, "scenarios/default.ini", &o, 1, sink);
        check(rc == 0, "fastpath-3.1 default.ini with %s loads", sets[i]);
        if (rc != 0) continue;
        sc->cfg.run.horizon_days = 60;
        struct both_ways b = run_both_ways(&sc->cfg, 1);
        check(b.differ == 0 && b.fast.placed > 1000,
              "fastpath-3.2 default.ini with %s: every metric the same both ways (%zu differ%s%s; %llu orders)",
              sets[i], b.differ, b.differ ? ", first " : "", b.first, (unsigned long long)b.fast.placed);
    }
    scenario_free(sc);
    fclose(sink);
}

int main(void)
{
    test_table();
    test_scenario_files();
    test_lean_streams();
    return check_done("test_fastpath");
}
