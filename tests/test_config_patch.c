/* test_config_patch.c - cli/config_patch.h: a sweep keeps each point as the words in
 * which its configuration differs from the first point's. Every point rebuilt from its
 * patch must be the point loaded on its own, byte for byte, and run to the same metrics;
 * a lever's patch must be a few words, not a configuration, also when it reaches into
 * the products' array or changes its length. Usage: test_config_patch
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
    struct scenario *sc = scenario_new();
    struct scenario_override o = {.assignment = set, .label = NULL};
    if (scenario_load(sc, path, set ? &o : NULL, set ? 1 : 0, stderr) != 0) {
        scenario_free(sc);
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
    for (size_t i = 0; i < n; i++) {
        snprintf(set, sizeof set, "%s=%s", key, values[i]);
        struct scenario *point = load(path, set);
        if (!check(point != NULL, "patch: %s with %s loads", path, set)) continue;
        struct config_patch p;
        config_patch_make(&p, &ref->cfg, &point->cfg);
        size_t words = config_patch_words(&p);
        if (i == 0)
            check(words == 0, "patch-1 %s: the reference's own patch is empty (got %zu words)", set, words);
        else
            check(words > 0, "patch-2 %s: a point that differs has a non-empty patch", set);
        check(words <= max_words, "patch-3 %s: the patch is %zu words, at most %zu", set, words, max_words);
        struct model_config built = {0};
        config_patch_build(&p, &ref->cfg, &built);
        check(config_patch_same(&built, &point->cfg),
              "patch-4 %s: the point rebuilt from its patch is byte-identical to the point loaded (arrays too)", set);
        check(built.products != point->cfg.products || !built.products,
              "patch-4.1 %s: the rebuilt point has arrays of its own", set);
        check(same_run(&built, &point->cfg), "patch-5 %s: and runs to the same metrics, bit for bit", set);
        model_config_fini(&built);
        config_patch_free(&p);
        check(config_patch_words(&p) == 0 && !p.top.at && !p.whole[CONFIG_PRODUCTS],
              "patch-6 config_patch_free leaves an empty patch");
        scenario_free(point);
    }
    scenario_free(ref);
}

/* config_patch_same is not vacuous: it sees a difference inside an array, and in an
 * array's length. */
static void test_same(const char *path)
{
    struct scenario *a = load(path, NULL), *b = load(path, NULL);
    if (!check(a && b && a->cfg.nproducts > 1, "patch-7 %s loads, with products", path)) return;
    check(config_patch_same(&a->cfg, &b->cfg), "patch-7.1 two loads of one file are the same configuration");
    b->cfg.products[1].price_per_unit += 1;
    check(!config_patch_same(&a->cfg, &b->cfg), "patch-7.2 a product's price changed is a different configuration");
    b->cfg.products[1].price_per_unit -= 1;
    b->cfg.nproducts--;
    check(!config_patch_same(&a->cfg, &b->cfg), "patch-7.3 one product fewer is a different configuration");
    b->cfg.nproducts++;
    scenario_free(a);
    scenario_free(b);
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
    /* 200 products: a global key that every product inherits changes a word in each,
       and a different number of products keeps the point's products whole */
    const char *basket = "scenarios/basket.ini";
    const char *points[] = {"13", "15"};
    test_points(basket, "inventory.order_up_to", points, 2, 2 * 200 + 16);
    const char *items[] = {"200", "150"};
    test_points(basket, "inventory.catalog_items", items, 2, 150 * sizeof(struct product_config) / 8 + 16);
    test_same(basket);
    return check_done("test_config_patch");
}
