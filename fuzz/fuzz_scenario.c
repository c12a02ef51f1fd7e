/* fuzz_scenario.c - libFuzzer harness for the scenario reader and validator.
 *
 * An input is the text of a scenario file, optionally preceded by lines
 * "--set SECTION.KEY=VALUE" that become command-line overrides. Whatever the bytes,
 * loading must return 0 or 2 without a crash, a leak or undefined behaviour. When it
 * returns 0 the scenario must also be sane: every number finite, and what `servlab
 * check` writes (scenario_write) must load again. A scenario that loads is then run
 * for one replication on a horizon cut short enough to take microseconds, so the
 * model meets every configuration the reader lets through; when that run was small, it
 * runs again on the general path alone (struct model_watch general_path), and every
 * metric must be the same bit for bit (the short cuts of models/fastpath.h).
 */
#include "models/model.h"
#include "reader/scenario.h"
#include "reader/value.h"
#include "sim/dist.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_SETS = 4, SET_MAX = 300, EVENTS_BUDGET = 5000, SMALL_RUN_EVENTS = 50000 };

/* A failed invariant: say which and stop, so libFuzzer records the input. */
static void require(int ok, const char *what)
{
    if (ok) return;
    fprintf(stderr, "fuzz_scenario: invariant broken: %s\n", what);
    abort();
}

static void require_dist(const struct dist *d, const char *what)
{
    require(d->type != NULL, what);
    require(isfinite(dist_mean(d)) && isfinite(dist_variance(d)) && isfinite(dist_lowest(d)), what);
}

static void check_config(const struct model_config *c)
{
    require(isfinite(c->run.horizon_days) && c->run.horizon_days > 0, "horizon_days finite and > 0");
    require(isfinite(c->run.warmup_days) && c->run.warmup_days >= 0, "warmup_days finite and >= 0");
    require(c->run.replications >= 1, "replications >= 1");
    require_dist(&c->demand.interarrival_days, "interarrival_days has finite moments");
    require(dist_mean(&c->demand.interarrival_days) > 0, "interarrival_days has a mean > 0");
    require_dist(&c->demand.units_per_order, "units_per_order has finite moments");
    require_dist(&c->order_cycle.transmission_days, "transmission_days has finite moments");
    require_dist(&c->order_cycle.processing.days, "processing_days has finite moments");
    require_dist(&c->order_cycle.picking.days, "picking_days has finite moments");
    require_dist(&c->order_cycle.delivery_days, "delivery_days has finite moments");
    require(c->inventory.policy != NULL, "a policy is set");
    require_dist(&c->inventory.lead_time_days, "lead_time_days has finite moments");
    require(isfinite(c->inventory.reorder_point) && isfinite(c->inventory.order_up_to) &&
                isfinite(c->inventory.order_quantity) && isfinite(c->inventory.initial_on_hand),
            "inventory levels finite");
}

/* scenario_write's text must load again (unless a value was too long to write). */
static void check_round_trip(const struct scenario *sc, FILE *sink)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    require(f != NULL, "open_memstream");
    scenario_write(sc, f);
    fclose(f);
    static struct scenario again;
    if (!strstr(text, "too long for one line"))
        require(scenario_load_text(&again, "resolved.ini", text, len, NULL, 0, sink) == 0,
                "the scenario check writes loads again");
    free(text);
}

/* Every metric of a and b the same bit for bit, NaN alike. */
static int same_metrics(const double *a, const double *b, size_t n)
{
    for (size_t m = 0; m < n; m++)
        if (memcmp(&a[m], &b[m], sizeof a[m]) != 0 && !(isnan(a[m]) && isnan(b[m]))) return 0;
    return 1;
}

/* One replication on a horizon short enough for about EVENTS_BUDGET orders; if it ran
 * no more than SMALL_RUN_EVENTS events, once more on the general path alone. */
static void run_briefly(const struct scenario *sc)
{
    struct model_config c = {0};
    model_config_copy(&c, &sc->cfg); /* its run is shortened below */
    double rate = 1 / dist_mean(&c.demand.interarrival_days);
    double span = EVENTS_BUDGET / rate;
    if (c.inventory.review_days > 0 && span / c.inventory.review_days > EVENTS_BUDGET)
        span = EVENTS_BUDGET * c.inventory.review_days;
    c.run.warmup_days = fmin(c.run.warmup_days, span / 4);
    c.run.horizon_days = fmin(c.run.horizon_days, span);
    if (!(c.run.horizon_days > 0)) {
        model_config_fini(&c);
        return;
    }
    size_t nm = metric_count(&c);
    double *metrics = malloc(nm * sizeof *metrics);
    if (!metrics) abort();
    struct model_totals t;
    model_run(&c, 0, metrics, &t, NULL);
    for (size_t m = 0; m < nm; m++) require(!isinf(metrics[m]), "no metric is infinite");
    if (t.events <= SMALL_RUN_EVENTS) {
        double *general = malloc(nm * sizeof *general);
        if (!general) abort();
        model_run_watched(&c, 0, general, &(struct model_watch){.general_path = true});
        require(same_metrics(metrics, general, nm), "the general path alone gives every metric bit for bit");
        free(general);
    }
    free(metrics);
    model_config_fini(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink) sink = fopen("/dev/null", "w");
    require(sink != NULL, "/dev/null opens");

    const char *p = (const char *)data;
    size_t n = size;
    struct scenario_override sets[MAX_SETS];
    char assignments[MAX_SETS][SET_MAX];
    size_t nsets = 0;
    while (nsets < MAX_SETS && n > 6 && memcmp(p, "--set ", 6) == 0) {
        const char *nl = memchr(p, '\n', n);
        if (!nl) break;
        size_t len = (size_t)(nl - p) - 6;
        if (len >= SET_MAX || memchr(p + 6, '\0', len)) break;
        memcpy(assignments[nsets], p + 6, len);
        assignments[nsets][len] = '\0';
        sets[nsets] = (struct scenario_override){.assignment = assignments[nsets], .label = NULL};
        nsets++;
        n -= (size_t)(nl + 1 - p);
        p = nl + 1;
    }

    static struct scenario sc;
    int rc = scenario_load_text(&sc, "fuzz.ini", p, n, sets, nsets, sink);
    require(rc == 0 || rc == 2, "scenario_load_text returns 0 or 2");
    if (rc == 0) {
        check_config(&sc.cfg);
        check_round_trip(&sc, sink);
        run_briefly(&sc);
    }
    value_forget_tables(); /* sc is loaded afresh next time; keeps memory bounded */
    return 0;
}
