/* test_reasons.c - models/reasons.c: every reason why simulation and formula differ, both
 * ways. First on made-up figures (the reason applies and points the way of the gap, so it
 * is printed; or it points the other way, or does not apply, so it is not). Then on runs
 * of scenario files (tests/reasons/, tests/validation/, scenarios/) at fixed seeds, read
 * like a user's, where the reason is the cause of a gap outside the confidence interval,
 * or is not. */
#include "check.h"
#include "cli/simulate.h"
#include "models/metrics.h"
#include "models/policy.h"
#include "models/reasons.h"
#include "reader/scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void set_dist(struct dist *d, const char *family, const double *p, size_t n)
{
    char err[200];
    if (dist_init(d, dist_type_find(family), p, n, err, sizeof err) != 0) {
        printf("bad test distribution: %s\n", err);
        exit(1);
    }
}

/* Poisson orders, 10 a day of one unit; lead time 5 days (demand over it: mean 50, sd
 * 7.07); s = 60, Q = 100; backorders. */
static struct model_config cfg;

static void base(void)
{
    model_config_fini(&cfg);
    memset(&cfg, 0, sizeof cfg);
    set_dist(&cfg.demand.interarrival_days, "exponential", (double[]){0.1}, 1);
    dist_constant(&cfg.demand.units_per_order, 1);
    dist_constant(&cfg.inventory.lead_time_days, 5);
    cfg.inventory.policy = policy_find("sQ");
    cfg.inventory.reorder_point = 60;
    cfg.inventory.order_quantity = 100;
}

/* The input for cfg with simulated CSL and fill rate at `csl`, `fill` (± ci each). */
static struct reasons_input input(double csl, double fill, double ci)
{
    struct reasons_input in = {.cfg = &cfg, .protection = theory_protection(&cfg)};
    in.level = cfg.inventory.reorder_point;
    in.formula = theory_predict(&in.protection, in.level);
    in.sim[REASON_CSL] = csl, in.sim[REASON_FILL] = fill;
    in.ci95[REASON_CSL] = in.ci95[REASON_FILL] = ci;
    in.undershoot = 0, in.customers_mean = NAN;
    return in;
}

/* Simulated figures `by` above (or below, by < 0) the formula's, with a CI of 0.005. */
static struct reasons_input off_by(double by)
{
    struct reasons_input in = input(0, 0, 0.005);
    in.sim[REASON_CSL] = in.formula.cycle_service_level + by;
    in.sim[REASON_FILL] = in.formula.fill_rate + by / 10;
    return in;
}

static struct reason found;

/* Does reason id apply to in (its entry in `found`)? */
static bool applies(const struct reasons_input *in, enum reason_id id)
{
    struct reason r[REASON_COUNT];
    size_t n = reasons_explain(in, r);
    for (size_t i = 0; i < n; i++)
        if (r[i].id == id) {
            found = r[i];
            return true;
        }
    return false;
}

/* Is reason id printed for in: it applies and agrees with the gap? */
static bool printed(const struct reasons_input *in, enum reason_id id)
{
    return applies(in, id) && found.agrees;
}

static void test_made_up(void)
{
    base();
    struct reasons_input in = off_by(-0.05);
    in.undershoot = 3;
    check(printed(&in, REASON_UNDERSHOOT) && found.direction[REASON_CSL] == REASON_LOWERS,
          "reasons-1.1 undershoot of 3 units, service below the formula: printed, lowers");
    in = off_by(0.05), in.undershoot = 3;
    check(applies(&in, REASON_UNDERSHOOT) && !printed(&in, REASON_UNDERSHOOT),
          "reasons-1.2 undershoot, service above the formula: it applies but points the other way, not printed");
    in = off_by(-0.05), in.undershoot = 0.1;
    check(!applies(&in, REASON_UNDERSHOOT), "reasons-1.3 undershoot of 0.1 units (under 2%% of the sd): no reason");

    /* one order a day, lead time 2.5 days: stock covers 2 orders where the formula assumes 2.5 */
    dist_constant(&cfg.demand.interarrival_days, 1);
    set_dist(&cfg.demand.units_per_order, "normal", (double[]){20, 6}, 2);
    dist_constant(&cfg.inventory.lead_time_days, 2.5);
    in = off_by(0.05);
    check(printed(&in, REASON_EVEN_GAPS) && found.direction[REASON_FILL] == REASON_RAISES && found.figure[2] == 2,
          "reasons-2.1 even gaps covering 2 orders of 2.5, service above: printed, raises");
    in = off_by(-0.05);
    check(applies(&in, REASON_EVEN_GAPS) && !printed(&in, REASON_EVEN_GAPS),
          "reasons-2.2 even gaps, service below: points the other way, not printed");
    check(printed(&in, REASON_LUMPY) && found.direction[REASON_CSL] == REASON_EITHER,
          "reasons-3.1 2.5 orders over the lead time: lumpy, either way, printed (service below)");
    in = off_by(0.05);
    check(printed(&in, REASON_LUMPY), "reasons-3.2 lumpy, printed with service above too");
    base();
    in = off_by(0.05);
    check(!applies(&in, REASON_LUMPY) && !applies(&in, REASON_EVEN_GAPS),
          "reasons-3.3 50 Poisson orders over the lead time: neither lumpy nor even gaps");

    /* a gamma lead time of mean 5, sd 2: 10 a day x sd 2 is a variance of 400 against the
       demand's 50: 89% of the variance of demand over the lead time */
    set_dist(&cfg.inventory.lead_time_days, "gamma", (double[]){5, 2}, 2);
    in = off_by(-0.05);
    check(printed(&in, REASON_LEAD_TIME_SHAPE) && found.direction[REASON_CSL] == REASON_EITHER &&
              found.figure[0] == 2 && fabs(found.figure[1] - 400.0 / 450) < 1e-9,
          "reasons-3.4 a lead time carrying %.0f%% of the variance: its shape, either way, printed",
          100 * found.figure[1]);
    set_dist(&cfg.inventory.lead_time_days, "gamma", (double[]){5, 0.5}, 2);
    in = off_by(-0.05);
    check(!applies(&in, REASON_LEAD_TIME_SHAPE),
          "reasons-3.5 sd 0.5 days: 25 against 50, a third of the variance: not the lead time's shape");
    base();

    model_config_resize(&cfg, CONFIG_TIERS, 2);
    cfg.tiers[0].share = cfg.tiers[1].share = 0.5;
    cfg.inventory.reserve_units = 5;
    in = off_by(-0.05);
    check(printed(&in, REASON_RESERVE) && found.direction[REASON_CSL] == REASON_LOWERS,
          "reasons-4.1 a reserve for the top tier, service below: printed, lowers");
    in = off_by(0.05);
    check(applies(&in, REASON_RESERVE) && !printed(&in, REASON_RESERVE),
          "reasons-4.2 a reserve, service above: not printed");
    cfg.inventory.reserve_units = 0;
    check(!applies(&in, REASON_RESERVE), "reasons-4.3 no reserve: no reason");
    base();

    cfg.inventory.max_order_units = 4;
    in = off_by(-0.05);
    check(printed(&in, REASON_CAPACITY) && found.direction[REASON_FILL] == REASON_LOWERS && found.figure[0] == 4,
          "reasons-4.4 orders capped at 4 units, service below: printed, lowers");
    in = off_by(0.05);
    check(applies(&in, REASON_CAPACITY) && !printed(&in, REASON_CAPACITY),
          "reasons-4.5 orders capped, service above: not printed");
    cfg.inventory.max_order_units = 0;
    cfg.inventory.storage_capacity = 30, cfg.inventory.storage_overflow = STORAGE_COST;
    check(!applies(&in, REASON_CAPACITY), "reasons-4.6 a capacity whose overflow is kept at a cost: no reason");
    cfg.inventory.storage_overflow = STORAGE_REFUSE;
    check(applies(&in, REASON_CAPACITY) && found.figure[1] == 30, "reasons-4.7 a capacity that refuses: a reason");
    base();

    cfg.customers.on = true, cfg.customers.initial = 100;
    in = off_by(-0.05), in.customers_mean = 130;
    check(printed(&in, REASON_CUSTOMER_BASE) && found.direction[REASON_CSL] == REASON_LOWERS && found.figure[2] != 0,
          "reasons-5.1 the base grew from 100 to 130 customers, service below: printed, lowers");
    in = off_by(0.05), in.customers_mean = 130;
    check(applies(&in, REASON_CUSTOMER_BASE) && !printed(&in, REASON_CUSTOMER_BASE),
          "reasons-5.2 the base grew, service above: not printed");
    in = off_by(0.05), in.customers_mean = 70;
    check(printed(&in, REASON_CUSTOMER_BASE) && found.direction[REASON_FILL] == REASON_RAISES,
          "reasons-5.3 the base shrank to 70, service above: printed, raises");
    in = off_by(-0.05), in.customers_mean = 101;
    check(printed(&in, REASON_CUSTOMER_BASE) && found.direction[REASON_CSL] == REASON_LOWERS && found.figure[2] == 0,
          "reasons-5.4 a base that wanders around 100 (s above the mean), service below: printed, lowers");
    base();
    in = off_by(-0.05), in.customers_mean = 130;
    check(!applies(&in, REASON_CUSTOMER_BASE), "reasons-5.5 no customer base: no reason");

    cfg.inventory.shortage = SHORTAGE_LOST_SALE;
    in = off_by(0.05);
    check(printed(&in, REASON_LOST_SALES) && found.direction[REASON_FILL] == REASON_RAISES,
          "reasons-6.1 lost sales, service above: printed, raises");
    in = off_by(-0.05);
    check(applies(&in, REASON_LOST_SALES) && !printed(&in, REASON_LOST_SALES),
          "reasons-6.2 lost sales, service below: not printed");
    base();
    in = off_by(0.05);
    check(!applies(&in, REASON_LOST_SALES), "reasons-6.3 backorders: no lost-sales reason");
    check(!applies(&in, REASON_HISTORY_FIT) && !applies(&in, REASON_HISTORY_PATTERN),
          "reasons-6.4 no history: neither history reason");

    /* noise: a 95% interval misses a correct formula one time in 20 */
    in = off_by(0.0075);
    check(printed(&in, REASON_NOISE) && found.figure[0] == 0,
          "reasons-7.1 a gap of 1.5 half-widths: inside the noise, printed");
    in = off_by(-0.0075);
    check(printed(&in, REASON_NOISE), "reasons-7.2 ... and so below the formula too");
    in = off_by(0.03);
    check(!applies(&in, REASON_NOISE), "reasons-7.3 a gap of 6 half-widths: not noise");
    in = off_by(0.03), in.ci95[REASON_CSL] = in.ci95[REASON_FILL] = NAN;
    check(printed(&in, REASON_NOISE) && found.figure[0] == 1,
          "reasons-7.4 one replication (no interval): noise, printed, says so");
    in = off_by(0.003);
    int gap[REASON_MEASURES];
    reasons_gap(&in, gap);
    check(gap[0] == 0 && gap[1] == 0 && !applies(&in, REASON_NOISE),
          "reasons-7.5 a gap inside the interval is no gap, and no reason applies");

    /* every replication at 100 %: the t interval has no width; 244 cycles without a
       stockout bound a cycle's chance of one by 1 - 0.025^(1/244) = 1.50 % */
    in = input(1, 1, 0);
    in.cycles = 244;
    double exact = reasons_exact_halfwidth(&in);
    check(fabs(exact - (1 - pow(0.025, 1.0 / 244))) < 1e-15 && exact > 0.0149 && exact < 0.0151,
          "reasons-7.6 no stockout in 244 cycles: the exact bound is 1.50 %% (%.5f)", exact);
    in.formula.cycle_service_level = 0.995, in.formula.fill_rate = 0.9999;
    reasons_gap(&in, gap);
    check(gap[REASON_CSL] == 0 && gap[REASON_FILL] == 0 && !applies(&in, REASON_NOISE),
          "reasons-7.7 ... a formula of 99.5 %% CSL and 99.99 %% fill rate agrees (gaps %d %d)", gap[0], gap[1]);
    in.formula.cycle_service_level = 0.95; /* 0.95^244: no stockout in 244 cycles would be a 4e-6 chance */
    reasons_gap(&in, gap);
    check(gap[REASON_CSL] == 1 && gap[REASON_FILL] == 1,
          "reasons-7.8 ... a formula of 95 %% CSL does not: both measures above it (gaps %d %d)", gap[0], gap[1]);
    in = input(0, 0.7, 0.02);
    in.cycles = 244, in.formula.cycle_service_level = 0.0082, in.formula.fill_rate = 0.71;
    reasons_gap(&in, gap);
    check(gap[REASON_CSL] == 0 && gap[REASON_FILL] == 0,
          "reasons-7.9 every cycle ran out in 244: a formula CSL of 0.82 %% is inside the exact bound (gap %d)",
          gap[0]);
    in.ci95[REASON_CSL] = 0.001, in.cycles = NAN;
    check(isnan(reasons_exact_halfwidth(&in)), "reasons-7.10 the exact bound only where the interval has no width");
    in = input(0.5, 0.9, 0);
    in.cycles = 244, in.formula.cycle_service_level = 0.5, in.formula.fill_rate = 0.9 - 0.00003;
    reasons_gap(&in, gap);
    check(isnan(reasons_exact_halfwidth(&in)) && gap[REASON_FILL] == 0,
          "reasons-7.11 a difference the report's two decimals of a percent cannot show is no gap");
    in.formula.fill_rate = 0.9 - 0.0002;
    reasons_gap(&in, gap);
    check(gap[REASON_FILL] == 1, "reasons-7.12 ... one they can is, with an interval of no width (gap %d)", gap[1]);
    in = input(1, 1, 0);
    in.cycles = 244, in.formula.cycle_service_level = 0.975, in.formula.fill_rate = 0.9999;
    check(printed(&in, REASON_NOISE) && found.figure[1] == 1,
          "reasons-7.13 a gap of 2.5 points against an exact bound of 1.50: noise, and it says which bound");
    /* one replication (no interval) that saw no stockout: the same exact bound applies */
    in = input(1, 1, NAN);
    in.cycles = 24, in.formula.cycle_service_level = 0.99995, in.formula.fill_rate = 0.999999;
    exact = reasons_exact_halfwidth(&in);
    reasons_gap(&in, gap);
    check(fabs(exact - (1 - pow(0.025, 1.0 / 24))) < 1e-15 && gap[REASON_CSL] == 0 && gap[REASON_FILL] == 0 &&
              !applies(&in, REASON_NOISE),
          "reasons-7.14 one replication, no stockout in 24 cycles: the exact bound (%.4f), and a formula of 99.995 "
          "%% agrees (gaps %d %d)",
          exact, gap[0], gap[1]);
    in.formula.cycle_service_level = 0.7; /* 0.7^24: 2e-4 */
    reasons_gap(&in, gap);
    check(gap[REASON_CSL] == 1, "reasons-7.15 ... a formula of 70 %% CSL does not (gap %d)", gap[0]);
    in = input(0.84, 0.987, NAN);
    in.cycles = 24, in.formula.cycle_service_level = 0.84 + 0.00002, in.formula.fill_rate = 0.987 - 0.00003;
    reasons_gap(&in, gap);
    check(isnan(reasons_exact_halfwidth(&in)) && gap[REASON_CSL] == 0 && gap[REASON_FILL] == 0,
          "reasons-7.16 one replication: a difference the report's two decimals cannot show is no gap (gaps %d %d)",
          gap[0], gap[1]);
}

/* ---- on scenario runs ---- */

/* Run the scenario at path with its seed and replications (or `reps` if not 0), and
 * return whether reason id applies to the result (its entry in `found`); the gap too. */
static bool run_applies(const char *path, const char *set, unsigned reps, enum reason_id id, int gap[REASON_MEASURES])
{
    static struct scenario sc;
    struct scenario_override o[2] = {{.assignment = set}, {.assignment = NULL}};
    char rep[40];
    size_t no = set ? 1 : 0;
    if (reps) {
        snprintf(rep, sizeof rep, "run.replications=%u", reps);
        o[no++] = (struct scenario_override){.assignment = rep};
    }
    if (scenario_load(&sc, path, o, no, stderr) != 0) {
        printf("cannot load %s\n", path);
        exit(1);
    }
    size_t nm = metric_count(&sc.cfg);
    unsigned n = sc.cfg.run.replications;
    double *rows = malloc(n * nm * sizeof *rows);
    struct summary *s = malloc(nm * sizeof *s);
    const struct model_config *c = &sc.cfg;
    struct simulate_opts so = {.threads = 2};
    if (!rows || !s || simulate(&c, 1, n, &so, rows) != 0) {
        printf("cannot run %s\n", path);
        exit(1);
    }
    simulate_summarise(rows, n, nm, s);
    struct reasons_input in = reasons_input_of(&sc.cfg, s);
    reasons_gap(&in, gap);
    printf("%-36s %-16s CSL formula %.4f simulated %.4f +- %.4f; fill %.5f, %.5f +- %.5f\n", path, reasons_name(id),
           in.formula.cycle_service_level, in.sim[0], in.ci95[0], in.formula.fill_rate, in.sim[1], in.ci95[1]);
    struct reason r[REASON_COUNT];
    size_t k = reasons_explain(&in, r);
    bool yes = false;
    for (size_t i = 0; i < k; i++)
        if (r[i].id == id) found = r[i], yes = true;
    free(rows), free(s);
    return yes;
}

static void test_runs(void)
{
    int gap[REASON_MEASURES];
    /* Chopra & Meindl's weekly orders of about 2500 units overshoot s by half an order */
    bool a = run_applies("tests/validation/s1_chopra.ini", NULL, 0, REASON_UNDERSHOOT, gap);
    check(a && found.agrees && gap[REASON_CSL] < 0,
          "reasons-run-1.1 S1: service below the formula, undershoot of %.0f units printed", found.figure[0]);
    a = run_applies("tests/reasons/even_gaps.ini", NULL, 0, REASON_EVEN_GAPS, gap);
    check(a && found.agrees && gap[REASON_CSL] > 0 && found.direction[REASON_CSL] == REASON_RAISES,
          "reasons-run-1.2 one order a day, 2.9 days' lead time: service above, even gaps printed, raise");
    a = run_applies("tests/reasons/even_gaps.ini", NULL, 0, REASON_UNDERSHOOT, gap);
    check(a && !found.agrees, "reasons-run-1.3 ... where undershoot (lowers service) is not printed");
    a = run_applies("tests/reasons/busy_spells.ini", NULL, 0, REASON_EVEN_GAPS, gap);
    check(a && !found.agrees && gap[REASON_CSL] < 0,
          "reasons-run-1.4 busy spells replayed (a day apart, 35 days' lead time): service below, even gaps "
          "(raise) not printed");
    a = run_applies("tests/reasons/weekly.ini", NULL, 0, REASON_UNDERSHOOT, gap);
    check(a && !found.agrees && gap[REASON_CSL] > 0,
          "reasons-run-1.5 a replayed weekly pattern: service above, undershoot not printed");

    a = run_applies("tests/validation/i2_lost_sales.ini", NULL, 0, REASON_LOST_SALES, gap);
    check(a && found.agrees && gap[REASON_FILL] > 0,
          "reasons-run-2.1 lost sales: fill rate above the formula, printed");
    a = run_applies("tests/validation/i2_lost_sales.ini", "inventory.shortage=backorder", 0, REASON_LOST_SALES, gap);
    check(!a, "reasons-run-2.2 the same with backorders: no lost-sales reason");

    a = run_applies("scenarios/customer_tiers.ini", NULL, 0, REASON_RESERVE, gap);
    check(a && found.agrees && gap[REASON_CSL] < 0,
          "reasons-run-3.1 a reserve for key accounts: service below, printed");
    a = run_applies("scenarios/customer_tiers.ini", "inventory.reserve_units=0", 0, REASON_RESERVE, gap);
    check(!a, "reasons-run-3.2 the same without the reserve: no reserve reason");

    /* a safety factor of 0: without returns the formula's CSL is 50%; restocked returns
       lift service above it */
    a = run_applies("scenarios/returns.ini", "inventory.safety_factor=0", 0, REASON_RETURNS, gap);
    check(a && found.agrees && gap[REASON_CSL] > 0 && found.direction[REASON_CSL] == REASON_RAISES &&
              fabs(found.figure[0] - 0.225 * 0.8) < 1e-12,
          "reasons-run-3.3 customer returns, 18%% of the units back on the shelf: service above, printed, raises");
    a = run_applies("scenarios/returns.ini", "returns.restock_share=0", 0, REASON_RETURNS, gap);
    check(!a, "reasons-run-3.4 the same with every returned unit scrapped: no returns reason");

    /* the outside supplier: a disrupted supplier with a yield keeps orders and delivers short */
    a = run_applies("scenarios/supplier_disruption.ini", NULL, 0, REASON_SUPPLIER, gap);
    check(a && found.agrees && gap[REASON_FILL] < 0 && found.figure[0] > 0 && found.figure[1] < 1 &&
              found.figure[2] < 1,
          "reasons-run-3.5 a supplier that stops and delivers short: service below, printed (%.2f days there, up "
          "%.3f, %.3f arrived)",
          found.figure[0], found.figure[1], found.figure[2]);
    a = run_applies("tests/validation/i1_base_stock.ini", NULL, 0, REASON_SUPPLIER, gap);
    check(!a, "reasons-run-3.6 a supplier without its keys: no supplier reason");

    /* the case: the formula uses a fit wider than the recorded days */
    a = run_applies("tests/reasons/fit_too_wide.ini", NULL, 0, REASON_HISTORY_FIT, gap);
    check(a && found.agrees && gap[REASON_CSL] > 0 && found.direction[REASON_CSL] == REASON_RAISES &&
              found.figure[2] > 1.4 * found.figure[4],
          "reasons-run-4.1 a fit (sd %.1f) wider than the days (sd %.1f), bootstrapped: service above, printed, raises",
          found.figure[2], found.figure[4]);
    a = run_applies("tests/reasons/fit_too_wide.ini", NULL, 0, REASON_UNDERSHOOT, gap);
    check(a && !found.agrees, "reasons-run-4.2 ... where undershoot (lowers service) applies but is not printed");
    a = run_applies("tests/reasons/fit_too_wide.ini", "demand.history_mode=fit", 0, REASON_HISTORY_FIT, gap);
    check(!a, "reasons-run-4.3 the same history in fit mode (the run draws from the fit too): no fit reason");
    a = run_applies("tests/reasons/weekly.ini", NULL, 0, REASON_HISTORY_FIT, gap);
    check(a && !found.agrees && found.direction[REASON_CSL] == REASON_LOWERS,
          "reasons-run-4.4 a replayed week whose fit is narrower than its days: lowers, against the gap, not printed");

    a = run_applies("tests/reasons/weekly.ini", NULL, 0, REASON_HISTORY_PATTERN, gap);
    check(a && found.agrees && gap[REASON_CSL] > 0 && found.direction[REASON_CSL] == REASON_RAISES &&
              found.figure[1] < 1e-6,
          "reasons-run-5.1 a weekly pattern replayed over 5 weeks (sd %.1f, independent days %.1f): printed, raises",
          found.figure[1], found.figure[2]);
    a = run_applies("tests/reasons/busy_spells.ini", NULL, 0, REASON_HISTORY_PATTERN, gap);
    check(a && found.agrees && gap[REASON_CSL] < 0 && found.direction[REASON_CSL] == REASON_LOWERS,
          "reasons-run-5.2 busy spells replayed (sd %.1f, independent days %.1f): service below, printed, lowers",
          found.figure[1], found.figure[2]);
    a = run_applies("tests/reasons/weekly.ini", "demand.history_mode=bootstrap", 0, REASON_HISTORY_PATTERN, gap);
    check(!a, "reasons-run-5.3 the weekly history bootstrapped (days drawn independently): no pattern reason");

    /* lesson 16's unstable supplier: gamma(3, 1.5) carries 94% of the variance; the run's
       cycle service level falls below the formula's 95 % */
    a = run_applies("scenarios/consistency_customer_wide.ini", NULL, 0, REASON_LEAD_TIME_SHAPE, gap);
    check(a && found.agrees && gap[REASON_CSL] < 0 && found.figure[1] > 0.9,
          "reasons-run-5.4 a wide gamma lead time (%.0f%% of the variance), service below: its shape printed",
          100 * found.figure[1]);

    /* noise: the S1 scenario with too few replications to tell the formula from the run */
    a = run_applies("tests/validation/s1_chopra.ini", "run.horizon_days=2000", 1, REASON_NOISE, gap);
    check(a && found.agrees && found.figure[0] == 1, "reasons-run-6.1 one replication: noise printed");
    a = run_applies("tests/validation/s1_chopra.ini", NULL, 0, REASON_NOISE, gap);
    check(!a, "reasons-run-6.2 S1 with its replications: the gap is well outside the noise");

    /* default.ini with a reorder point far above need: every replication at 100 % */
    a = run_applies("scenarios/default.ini", "inventory.reorder_point=900", 0, REASON_NOISE, gap);
    check(gap[REASON_CSL] == 0 && gap[REASON_FILL] == 0 && !a,
          "reasons-run-7.1 default.ini at s = 900: 100 %% in every replication, the formula's 99.99+ %% agrees");
    a = run_applies("scenarios/default.ini", "inventory.reorder_point=900", 1, REASON_NOISE, gap);
    check(gap[REASON_CSL] == 0 && gap[REASON_FILL] == 0 && !a,
          "reasons-run-7.2 ... and with one replication, by the exact bound (gaps %d %d)", gap[0], gap[1]);
}

int main(void)
{
    test_made_up();
    test_runs();
    return check_done("test_reasons");
}
