/* test_service.c - the service elements and customers (README), each against a number
 * worked out by hand or by formula: order lines and the basket effect, tiers with
 * priority and reserved stock, stockout reactions, the customer base with churn and
 * defection (closed form and exact Markov chain), the perfect order and its parts,
 * order channels, express delivery, late prices, the shape of demand. Scenario files
 * come from scenarios/ and tests/service/ and run through the reader like a user's. */
#include "check.h"
#include "cli/simulate.h"
#include "models/contract.h"
#include "models/customers.h"
#include "models/loyalty.h"
#include "models/metrics.h"
#include "models/model.h"
#include "models/shape.h"
#include "reader/scenario.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One scenario's results: per-replication rows and summaries. */
struct result {
    struct scenario sc;
    size_t nm;
    unsigned reps;
    double *rows;
    struct summary *s;
};

static int run(const char *path, const char *const *sets, size_t nsets, struct result *r)
{
    struct scenario_override o[8];
    for (size_t i = 0; i < nsets; i++) o[i] = (struct scenario_override){.assignment = sets[i], .label = NULL};
    memset(r, 0, sizeof *r); /* r may be garbage on the caller's stack */
    if (scenario_load(&r->sc, path, o, nsets, stderr) != 0) return -1;
    r->nm = metric_count(&r->sc.cfg);
    r->reps = r->sc.cfg.run.replications;
    r->rows = malloc(r->reps * r->nm * sizeof *r->rows);
    r->s = malloc(r->nm * sizeof *r->s);
    const struct model_config *cfg = &r->sc.cfg;
    struct simulate_opts so = {.threads = 2};
    size_t missing = simulate(&cfg, 1, r->reps, &so, r->rows);
    simulate_summarise(r->rows, r->reps, r->nm, r->s);
    return missing ? -1 : 0;
}

static void done(struct result *r)
{
    free(r->rows);
    free(r->s);
    scenario_fini(&r->sc);
}

static double value(const struct result *r, unsigned rep, size_t m)
{
    return r->rows[rep * r->nm + m];
}

static const struct summary *metric(const struct result *r, const char *name)
{
    long m = metric_lookup(&r->sc.cfg, name);
    if (m < 0) {
        printf("no metric %s\n", name);
        exit(1);
    }
    return &r->s[m];
}

/* Is `exact` inside the 99% interval of metric `name`? Prints the line for the log. */
static int inside(const char *id, const struct result *r, const char *name, double exact)
{
    const struct summary *s = metric(r, name);
    double hw = s->n > 1 ? summary_halfwidth(s, 0.99) : 0;
    int ok = fabs(s->mean - exact) <= hw + 1e-9 * (1 + fabs(exact));
    printf("%-28s %-28s %12.6g +- %-10.3g exact %.8g %s\n", id, name, s->mean, hw, exact, ok ? "inside" : "OUTSIDE");
    return ok;
}

/* The summary over replications of a - b, paired replication by replication. */
static struct summary paired(const struct result *ra, const char *a, const struct result *rb, const char *b)
{
    long ma = metric_lookup(&ra->sc.cfg, a), mb = metric_lookup(&rb->sc.cfg, b);
    double d[200];
    for (unsigned i = 0; i < ra->reps; i++) d[i] = value(ra, i, (size_t)ma) - value(rb, i, (size_t)mb);
    return summary_of(d, ra->reps, 1);
}

/* ---- order lines and the basket effect ---- */

static void test_basket(void)
{
    struct result r;
    if (check(run("tests/service/basket_split.ini", NULL, 0, &r) == 0, "basket-1.0 basket_split.ini runs")) {
        check(metric(&r, "line_fill_rate")->mean == 0.5 && metric(&r, "order_fill_rate")->mean == 0 &&
                  metric(&r, "in_full_rate")->mean == 0,
              "basket-1.1 one product always there, one never: half the lines, no order complete");
        check(metric(&r, "product.a.fill_rate")->mean == 1 && metric(&r, "product.b.fill_rate")->mean == 0,
              "basket-1.2 ... and the per-product fill rates are 1 and 0");
        done(&r);
    }
    if (check(run("tests/service/basket_identical.ini", NULL, 0, &r) == 0, "basket-2.0 basket_identical.ini runs")) {
        long of = metric_lookup(&r.sc.cfg, "order_fill_rate"), lf = metric_lookup(&r.sc.cfg, "line_fill_rate");
        int same = 1;
        for (unsigned i = 0; i < r.reps; i++) same &= value(&r, i, (size_t)of) == value(&r, i, (size_t)lf);
        check(same && metric(&r, "line_fill_rate")->mean < 1,
              "basket-2.1 items always in the same state: orders complete exactly as often as lines (%.4f)",
              metric(&r, "line_fill_rate")->mean);
        done(&r);
    }
    if (check(run("scenarios/basket.ini", NULL, 0, &r) == 0, "basket-3.0 scenarios/basket.ini runs")) {
        double f = metric(&r, "line_fill_rate")->mean, order = metric(&r, "order_fill_rate")->mean;
        double hw = summary_halfwidth(metric(&r, "order_fill_rate"), 0.99);
        printf("%-28s line fill %.4f, orders complete %.4f +- %.4f, independent items would give %.4f\n", "basket", f,
               order, hw, pow(f, 10));
        check(fabs(f - 0.915) < 0.01, "basket-3.1 items are out of stock about 8.5%% of the time (%.4f)", 1 - f);
        check(order + hw < f && order - hw > pow(f, 10) - 0.01,
              "basket-3.2 a 10-line order is complete far less often than a line (%.4f vs %.4f), near f^10", order, f);
        check(order - hw > pow(f, 10),
              "basket-3.3 ... a little more often than independence says: busy days hit every item at once");
        done(&r);
    }
}

/* ---- tiers: priority and reserved stock ---- */

static void test_tiers(void)
{
    struct result r, open;
    const char *no_reserve[] = {"inventory.reserve_units=0"};
    if (!check(run("scenarios/customer_tiers.ini", NULL, 0, &r) == 0 &&
                   run("scenarios/customer_tiers.ini", no_reserve, 1, &open) == 0,
               "tier-1.0 scenarios/customer_tiers.ini runs, with and without a reserve"))
        return;
    struct summary d = paired(&r, "tier.key.fill_rate", &r, "tier.ordinary.fill_rate");
    check(d.mean - d.ci95 > 0,
          "tier-1.1 key customers get a higher fill rate than ordinary ones when stock is short "
          "(+%.4f +- %.4f)",
          d.mean, d.ci95);
    d = paired(&r, "tier.key.on_time_rate", &r, "tier.ordinary.on_time_rate");
    check(d.mean - d.ci95 > 0, "tier-1.2 ... and more orders on time, being served first (+%.4f +- %.4f)", d.mean,
          d.ci95);
    d = paired(&r, "tier.key.fill_rate", &open, "tier.key.fill_rate");
    check(d.mean - d.ci95 > 0, "tier-1.3 the reserve is what protects their fill rate (+%.4f +- %.4f)", d.mean, d.ci95);
    d = paired(&open, "tier.ordinary.fill_rate", &r, "tier.ordinary.fill_rate");
    check(d.mean - d.ci95 > 0, "tier-1.4 ... at the ordinary customers' expense (+%.4f +- %.4f without it)", d.mean,
          d.ci95);
    check(inside("tier shares", &r, "tier.key.orders_per_day", 40 * 0.05) &&
              inside("tier shares", &r, "tier.ordinary.orders_per_day", 40 * 0.80),
          "tier-1.5 orders come from the tiers in their shares (80/15/5)");
    done(&r);
    done(&open);
}

/* ---- stockout reactions ---- */

static void test_reactions(void)
{
    struct result r;
    if (!check(run("scenarios/stockout_reactions.ini", NULL, 0, &r) == 0, "react-1.0 stockout_reactions.ini runs"))
        return;
    check(inside("reactions (Gruen 2002)", &r, "reaction_elsewhere", 0.31), "react-1.1 31%% buy elsewhere");
    check(inside("reactions (Gruen 2002)", &r, "reaction_substitute", 0.45), "react-1.2 45%% take a substitute");
    check(inside("reactions (Gruen 2002)", &r, "reaction_wait", 0.15), "react-1.3 15%% wait");
    check(inside("reactions (Gruen 2002)", &r, "reaction_cancel", 0.09), "react-1.4 9%% do not buy");
    check(metric(&r, "product.brand.substitution_rate")->mean > 0.03 &&
              metric(&r, "product.house.fill_rate")->mean == 1,
          "react-1.5 the house brand meets part of the brand's demand and never runs short itself");
    struct model_totals t;
    double *x = malloc(r.nm * sizeof *x);
    model_run(&r.sc.cfg, 0, x, &t, NULL);
    check(fabs(t.demanded - (t.filled_now + t.backordered + t.lost + t.substituted)) < 1e-6 * t.demanded,
          "react-1.6 units demanded = filled + backordered + lost + substituted");
    free(x);
    done(&r);
}

/* ---- customers: acquisition, churn and defection ---- */

/* The expected lifetime of a new customer, exactly: a Markov chain over the outcomes
 * it remembers (up to m - 1), solved by value iteration. Orders come at rate lambda,
 * churn at rate c0; an order fails with probability q; the customer leaves when a
 * failure makes k failures among its last m orders. */
static double exact_lifetime(double lambda, double c0, double q, unsigned k, unsigned m)
{
    size_t nstates = (size_t)1 << m; /* histories of length 0..m-1 coded as (1 << len) | bits */
    double *v = calloc(nstates, sizeof *v);
    for (int it = 0; it < 1000000; it++) {
        double diff = 0;
        for (unsigned len = 0; len < m; len++)
            for (unsigned bits = 0; bits < (1u << len); bits++) {
                unsigned next_len = len + 1 < m ? len + 1 : m - 1;
                unsigned keep = next_len ? (1u << next_len) - 1 : 0;
                unsigned ok_state = (1u << next_len) | (((bits << 1) | 0u) & keep);
                unsigned fail_state = (1u << next_len) | (((bits << 1) | 1u) & keep);
                double val = 1 / (lambda + c0) + lambda / (lambda + c0) * (1 - q) * v[ok_state];
                if (!((unsigned)__builtin_popcount(bits) + 1 >= k && k > 0))
                    val += lambda / (lambda + c0) * q * v[fail_state];
                size_t here = ((size_t)1 << len) | bits;
                diff = fmax(diff, fabs(val - v[here]));
                v[here] = val;
            }
        if (diff < 1e-11) break;
    }
    double t = v[1]; /* the empty history */
    free(v);
    return t;
}

static void test_churn(void)
{
    struct result r;
    if (check(run("tests/service/churn_k1.ini", NULL, 0, &r) == 0, "churn-1.0 churn_k1.ini runs")) {
        /* k = 1: h(f) = 1 - f with any memory; N* = a / (c0 + lambda (1 - f)) */
        double closed = 5 / (0.002 + 1 * 0.05);
        check(inside("churn k=1 closed form N*", &r, "customers_mean", closed),
              "churn-1.1 customers settle at N* = a / (c0 + lambda h(f)) = %.4f", closed);
        check(fabs(exact_lifetime(1, 0.002, 0.05, 1, 1) * 5 - closed) < 1e-6,
              "churn-1.2 the exact Markov chain agrees with the closed form when k = 1");
        done(&r);
    }
    if (check(run("tests/service/churn_k2.ini", NULL, 0, &r) == 0, "churn-2.0 churn_k2.ini runs")) {
        double q = 0.1, lambda = 0.5, c0 = 0.0005, a = 2.5;
        double h = q * (1 - pow(1 - q, 2)); /* (1 - f) P[Binomial(2, 1 - f) >= 1] */
        double closed = a / (c0 + lambda * h), exact = a * exact_lifetime(lambda, c0, q, 2, 3);
        printf("%-28s closed form N* = %.4f assumes the failures a customer remembers are independent;\n"
               "%-28s survivors remember fewer (two close failures would have made them leave): exact %.4f\n",
               "churn k=2", closed, "", exact);
        check(inside("churn k=2 exact (Markov)", &r, "customers_mean", exact),
              "churn-2.1 customers settle at the exact Markov-chain value %.4f (closed form %.4f)", exact, closed);
        check(inside("churn k=2 arrivals", &r, "new_customers_per_day", a), "churn-2.2 new customers arrive at rate a");
        const struct summary *left = metric(&r, "lost_to_failures_per_day"),
                             *churned = metric(&r, "lost_to_churn_per_day");
        check(fabs(left->mean + churned->mean - a) <
                  summary_halfwidth(left, 0.99) + summary_halfwidth(churned, 0.99) + 0.05,
              "churn-2.3 in steady state as many leave as arrive (%.3f + %.3f = %.3f)", left->mean, churned->mean, a);
        done(&r);
    }
}

/* ---- the loyalty ladder and complaints (models/loyalty.h) ---- */

/* The expected customers per stage of a ladder whose stages form a continuous-time
 * Markov chain, newcomers arriving at rate a into stage 0: an open network of
 * infinite-server stages, so the means solve the flow balance
 *   N_s (up_s + down_s + out_s) = a [s = 0] + N_{s-1} up_{s-1} + N_{s+1} down_{s+1}
 * (up_2 = down_0 = 0; out_s: the rate of leaving the base), solved here by Gaussian
 * elimination. Shares nothing with the simulator. */
static void ladder_means(double a, const double up[3], const double down[3], const double out[3], double n[3])
{
    double m[3][4] = {{0}};
    for (int s = 0; s < 3; s++) {
        m[s][s] = up[s] + down[s] + out[s];
        if (s > 0) m[s][s - 1] = -up[s - 1];
        if (s < 2) m[s][s + 1] = -down[s + 1];
        m[s][3] = s == 0 ? a : 0;
    }
    for (int i = 0; i < 3; i++) /* the matrix is diagonally dominant: no pivoting needed */
        for (int r = i + 1; r < 3; r++) {
            double f = m[r][i] / m[i][i];
            for (int c = i; c < 4; c++) m[r][c] -= f * m[i][c];
        }
    for (int i = 2; i >= 0; i--) {
        double v = m[i][3];
        for (int c = i + 1; c < 3; c++) v -= m[i][c] * n[c];
        n[i] = v / m[i][i];
    }
}

/* tests/service/loyalty_ladder.ini: orders at 0.5 f_s a day, f = 1, 2, 3; churn 0.05 c_s,
 * c = 1, 0.5, 0.25; an order is worse with probability 0.4 (damage), else better; a = 2.
 * A worse order's customer complains with probability `complain`; a complaint is
 * handled at once and wins them back with probability `recover` (one stage above
 * where they stood), or, unhandled, makes them leave with probability `leave`. */
static void ladder_exact(double complain, double recover, double leave, double n[3], double *complaints, double *lost)
{
    const double a = 2, lambda = 0.5, f[3] = {1, 2, 3}, mu = 0.05, c[3] = {1, 0.5, 0.25}, worse = 0.4;
    double up[3], down[3], out[3];
    for (int s = 0; s < 3; s++) {
        double l = lambda * f[s], back = worse * complain * recover, gone = worse * complain * leave;
        up[s] = s < 2 ? l * (1 - worse + back) : 0;
        down[s] = s > 0 ? l * (worse - back - gone) : 0;
        out[s] = mu * c[s] + l * gone;
    }
    ladder_means(a, up, down, out, n);
    *complaints = *lost = 0;
    for (int s = 0; s < 3; s++) {
        *complaints += n[s] * lambda * f[s] * worse * complain;
        *lost += n[s] * lambda * f[s] * worse * complain * leave;
    }
}

static void test_ladder(void)
{
    check(loyalty_judge(true, 2, 2, 0) == 0 && loyalty_judge(true, 2.4, 2, 0.5) == 0 &&
              loyalty_judge(true, 1.4, 2, 0.5) == 1 && loyalty_judge(true, 2.6, 2, 0.5) == -1 &&
              loyalty_judge(false, 0, 2, 0.5) == -1,
          "ladder-0.1 an order is as expected within the tolerance, better before it, worse after it or flawed");
    static const char *const names[3] = {"customers_new_mean", "customers_satisfied_mean", "customers_loyal_mean"};
    static const char *const revenue[3] = {"revenue_new_per_day", "revenue_satisfied_per_day", "revenue_loyal_per_day"};
    const double price[3] = {10, 11, 12.5}, rate[3] = {0.5, 1, 1.5};
    struct result r;
    double n[3], complaints, lost;
    if (check(run("tests/service/loyalty_ladder.ini", NULL, 0, &r) == 0, "ladder-1.0 loyalty_ladder.ini runs")) {
        ladder_exact(0, 0, 0, n, &complaints, &lost);
        int ok = 1, paid = 1;
        for (int s = 0; s < 3; s++) {
            ok &= inside("ladder stage (CTMC)", &r, names[s], n[s]);
            paid &= inside("ladder revenue by stage", &r, revenue[s], n[s] * rate[s] * price[s]);
        }
        check(ok, "ladder-1.1 customers per stage are the Markov chain's: new %.4f, satisfied %.4f, loyal %.4f", n[0],
              n[1], n[2]);
        check(inside("ladder total", &r, "customers_mean", n[0] + n[1] + n[2]),
              "ladder-1.2 ... and so is the whole base (%.4f)", n[0] + n[1] + n[2]);
        check(paid, "ladder-1.3 revenue by stage = customers x their order rate x their price");
        check(inside("ladder better", &r, "above_expectation_rate", 0.6),
              "ladder-1.4 60%% of the orders are better than expected (undamaged, delivered at once)");
        done(&r);
    }
    /* a worse order's customer complains half the time; the desk handles every complaint
       at once (no cost per complaint) and wins 60% back, one stage up */
    static const char *const recover[] = {"complaints.share=0.5", "complaints.recovery_share=0.6"};
    if (check(run("tests/service/loyalty_ladder.ini", recover, 2, &r) == 0, "ladder-2.0 with complaints runs")) {
        ladder_exact(0.5, 0.6, 0, n, &complaints, &lost);
        int ok = 1;
        for (int s = 0; s < 3; s++) ok &= inside("recovery stage (CTMC)", &r, names[s], n[s]);
        check(ok, "ladder-2.1 with recovery, customers per stage are the chain's: new %.4f, satisfied %.4f, loyal %.4f",
              n[0], n[1], n[2]);
        check(inside("recovery complaints", &r, "complaints_per_day", complaints) &&
                  inside("recovery won back", &r, "customers_recovered_per_day", 0.6 * complaints),
              "ladder-2.2 complaints come at %.4f a day and 60%% of them win the customer back", complaints);
        check(metric(&r, "complaints_handled_rate")->mean == 1,
              "ladder-2.3 with no cost per complaint every complaint is handled");
        done(&r);
    }
    /* no budget for a desk that costs 1 a complaint: none is handled, and 30% of those
       who complain leave at once */
    static const char *const unhandled[] = {"complaints.share=0.5", "complaints.cost_per_complaint=1",
                                            "complaints.unhandled_defect_share=0.3"};
    if (check(run("tests/service/loyalty_ladder.ini", unhandled, 3, &r) == 0, "ladder-3.0 unhandled complaints run")) {
        ladder_exact(0.5, 0, 0.3, n, &complaints, &lost);
        int ok = 1;
        for (int s = 0; s < 3; s++) ok &= inside("unhandled stage (CTMC)", &r, names[s], n[s]);
        check(ok,
              "ladder-3.1 unhandled complaints: customers per stage are the chain's: new %.4f, satisfied %.4f, "
              "loyal %.4f",
              n[0], n[1], n[2]);
        check(inside("unhandled lost", &r, "lost_to_failures_per_day", lost),
              "ladder-3.2 customers lost to unhandled complaints: %.4f a day", lost);
        check(metric(&r, "complaints_handled_rate")->mean == 0, "ladder-3.3 with no budget nothing is handled");
        done(&r);
    }
    /* orders delivered exactly when expected: as expected (x = 0), or worse when damaged,
       so nobody ever climbs */
    static const char *const as_expected[] = {"loyalty.expectation_days=0"};
    if (check(run("tests/service/loyalty_ladder.ini", as_expected, 1, &r) == 0, "ladder-4.0 as expected runs")) {
        check(metric(&r, "customers_satisfied_mean")->mean == 0 && metric(&r, "customers_loyal_mean")->mean == 0 &&
                  metric(&r, "above_expectation_rate")->mean == 0 &&
                  metric(&r, "customers_new_mean")->mean == metric(&r, "customers_mean")->mean,
              "ladder-4.1 orders exactly as expected move nobody up: every customer stays new");
        done(&r);
    }
    /* orders take 1 day; the promise is 2, but web customers expect 0.5: the web's 30%
       of the orders are worse, the rest better */
    if (check(run("tests/service/loyalty_channels.ini", NULL, 0, &r) == 0, "ladder-5.0 loyalty_channels.ini runs")) {
        check(inside("channel expectation", &r, "below_expectation_rate", 0.3) &&
                  inside("channel expectation", &r, "above_expectation_rate", 0.7),
              "ladder-5.1 a channel's own expectation replaces the promise for its orders (30%% worse, 70%% better)");
        done(&r);
    }
}

/* ---- the perfect order, channels, express, late prices ---- */

static void test_perfect_order(void)
{
    struct result r, lost;
    const char *lost_sale[] = {"inventory.shortage=lost_sale"};
    if (!check(run("scenarios/perfect_order.ini", NULL, 0, &r) == 0 &&
                   run("scenarios/perfect_order.ini", lost_sale, 1, &lost) == 0,
               "perfect-1.0 perfect_order.ini runs, with backorders and with lost sales"))
        return;
    struct summary d = paired(&r, "perfect_order_rate", &r, "perfect_order_product");
    double hw = summary_halfwidth(&d, 0.99);
    printf("%-28s perfect %.5f, product of the parts %.5f, paired difference %.5f +- %.5f\n", "perfect order",
           metric(&r, "perfect_order_rate")->mean, metric(&r, "perfect_order_product")->mean, d.mean, hw);
    check(fabs(d.mean) <= hw,
          "perfect-1.1 independent failures: the perfect-order rate equals the product of the "
          "four parts (difference %.5f +- %.5f)",
          d.mean, hw);
    d = paired(&lost, "perfect_order_rate", &lost, "perfect_order_product");
    check(d.mean - summary_halfwidth(&d, 0.99) > 0,
          "perfect-1.2 correlated failures (a dropped order is neither on time nor in full): perfect > product "
          "(+%.4f)",
          d.mean);
    /* the parts the report shows multiply to the product shown, in every replication: with
       lost sales the on-time part counts the orders never delivered as late, on its own line */
    const struct model_config *lc = &lost.sc.cfg;
    long product = metric_lookup(lc, "perfect_order_product"), on_time = metric_lookup(lc, "on_time_rate"),
         on_time_all = metric_lookup(lc, "on_time_of_all_orders_rate"), in_full = metric_lookup(lc, "in_full_rate"),
         undamaged = metric_lookup(lc, "damage_free_rate"), right = metric_lookup(lc, "accurate_rate");
    int multiply = 1, lower = 1, same = 1;
    for (unsigned i = 0; i < lost.reps; i++) {
        double parts = value(&lost, i, (size_t)on_time_all) * value(&lost, i, (size_t)in_full) *
                       value(&lost, i, (size_t)undamaged) * value(&lost, i, (size_t)right);
        multiply &= fabs(parts - value(&lost, i, (size_t)product)) < 1e-12;
        lower &= value(&lost, i, (size_t)on_time_all) < value(&lost, i, (size_t)on_time);
    }
    check(multiply && metric_shown(lc, (size_t)on_time_all),
          "perfect-1.4 lost sales: the report shows on_time_of_all_orders_rate, and it, in_full_rate, "
          "damage_free_rate and accurate_rate multiply to perfect_order_product in every replication");
    check(lower, "perfect-1.5 lost sales: counting the orders never delivered as late lowers the on-time part "
                 "below on_time_rate in every replication");
    for (unsigned i = 0; i < r.reps; i++) same &= value(&r, i, (size_t)on_time_all) == value(&r, i, (size_t)on_time);
    check(same && !metric_shown(&r.sc.cfg, (size_t)on_time_all),
          "perfect-1.6 backorders: no order goes undelivered, the two on-time parts are equal and the report "
          "shows on_time_rate alone");
    check(inside("perfect order parts", &r, "damage_free_rate", 1 - 0.015) &&
              inside("perfect order parts", &r, "accurate_rate", 1 - 0.02),
          "perfect-1.3 damage and picking errors happen at their configured rates");
    done(&r);
    done(&lost);

    struct result ch;
    if (!check(run("scenarios/order_channels.ini", NULL, 0, &ch) == 0, "channel-1.0 order_channels.ini runs")) return;
    double entry = 0.25 * 0.001 + 0.25 * 0.005 + 0.30 * 0.03 + 0.20 * 0.06;
    double accurate = (1 - 0.01) * (1 - entry); /* no picking error and no keying error */
    check(inside("channels", &ch, "accurate_rate", accurate),
          "channel-1.1 accuracy from the channels' keying "
          "errors and picking errors: %.6f",
          accurate);
    double cost = 50 * (0.25 * 0.5 + 0.25 * 1 + 0.30 * 4 + 0.20 * 3);
    check(inside("channels", &ch, "cost_channels_per_day", cost), "channel-1.2 channel costs by share: %.2f a day",
          cost);
    d = paired(&ch, "perfect_order_rate", &ch, "perfect_order_product");
    check(d.mean - summary_halfwidth(&d, 0.99) > 0,
          "channel-1.3 slow channels are also the error-prone ones: perfect > product (+%.4f)", d.mean);
    done(&ch);

    if (check(run("tests/service/late_price.ini", NULL, 0, &r) == 0, "late-1.0 late_price.ini runs")) {
        long earned = metric_lookup(&r.sc.cfg, "revenue_per_day"),
             given_up = metric_lookup(&r.sc.cfg, "revenue_lost_late_per_day");
        int halves = 1;
        for (unsigned i = 0; i < r.reps; i++)
            halves &= value(&r, i, (size_t)earned) > 0 &&
                      fabs(value(&r, i, (size_t)earned) - value(&r, i, (size_t)given_up)) < 1e-9;
        check(halves, "late-1.1 one day late of a two-day margin: exactly half the price earned, half given up");
        done(&r);
    }
    if (check(run("tests/service/expedite_all.ini", NULL, 0, &r) == 0, "express-1.0 expedite_all.ini runs")) {
        check(metric(&r, "expedited_rate")->mean == 1 && metric(&r, "on_time_rate")->mean == 1 &&
                  fabs(metric(&r, "order_cycle_days_mean")->mean - 1) < 1e-9,
              "express-1.1 every order that would be late goes by express, and arrives on time in 1 day");
        check(fabs(metric(&r, "cost_expedite_per_day")->mean - 7 * metric(&r, "orders_per_day")->mean) < 1e-9,
              "express-1.2 each express delivery costs 7");
        done(&r);
    }
}

/* ---- the shape of demand ---- */

static void test_shape(void)
{
    struct demand_config d;
    memset(&d, 0, sizeof d);
    d.has_weekday = true;
    double w[7] = {1.9, 1.4, 1.0, 0.9, 0.9, 0.5, 0.4};
    memcpy(d.weekday, w, sizeof w);
    check(shape_is_peak(&d, 0.5) && shape_is_peak(&d, 8.2) && !shape_is_peak(&d, 2.5),
          "shape-1.1 Monday and Tuesday are peaks, Wednesday is not (day 0 is a Monday)");
    check(shape_next_offpeak(&d, 0.25) == 2.25 && shape_next_offpeak(&d, 7.5) == 9.5,
          "shape-1.2 a shifted order moves to the same hour of the next quiet day");
    d.ncurve = 2;
    d.curve_days[0] = 10, d.curve_factor[0] = 0.5, d.curve_days[1] = 20, d.curve_factor[1] = 1.5;
    /* day 2 is a Wednesday (1.0), day 16 a Wednesday, day 17 a Thursday (0.9) */
    check(fabs(shape_factor(&d, 2.5) - 1.0 * 0.5) < 1e-12 && fabs(shape_factor(&d, 16.5) - 1.0 * 1.15) < 1e-12 &&
              fabs(shape_factor(&d, 17.25) - 0.9 * 1.225) < 1e-12,
          "shape-1.3 the multiplier is weekday x curve, the curve straight between its points");
    check(shape_max(&d) == 1.9 * 1.5, "shape-1.4 the bound for thinning is the largest weekday x curve value");

    struct result r, flat;
    const char *no_shift[] = {"demand.peak_shift_share=0"};
    if (check(run("scenarios/peak_smoothing.ini", NULL, 0, &r) == 0 &&
                  run("scenarios/peak_smoothing.ini", no_shift, 1, &flat) == 0,
              "shape-2.0 peak_smoothing.ini runs, with and without the discount")) {
        check(inside("peak smoothing", &r, "orders_per_day", 40), "shape-2.1 the weekday profile keeps the mean rate");
        check(inside("peak smoothing", &r, "shifted_rate", 0.3 * 3.3 / 7),
              "shape-2.2 30%% of peak-day orders move: 0.3 x (1.9 + 1.4) / 7 of all orders");
        struct summary d1 = paired(&flat, "order_cycle_days_peak_mean", &r, "order_cycle_days_peak_mean");
        struct summary d2 = paired(&flat, "expedited_rate", &r, "expedited_rate");
        check(d1.mean - d1.ci95 > 0 && d2.mean - d2.ci95 > 0,
              "shape-2.3 moving orders off the peak shortens peak-day cycles (-%.3f days) and saves express "
              "deliveries (-%.3f)",
              d1.mean, d2.mean);
        done(&r);
        done(&flat);
    }
    if (check(run("scenarios/life_cycle.ini", NULL, 0, &r) == 0, "shape-3.0 life_cycle.ini runs")) {
        /* the curve 0:0.1, 90:0.1, 180:1, 540:1, 900:0.15 averages
           (0.1 x 90 + 0.55 x 90 + 360 + 0.575 x 360) / 900 */
        double mean = 50 * (0.1 * 90 + 0.55 * 90 + 360 + 0.575 * 360) / 900;
        check(inside("life cycle", &r, "orders_per_day", mean),
              "shape-3.1 orders follow the life-cycle curve: %.3f a day", mean);
        done(&r);
    }
}

/* ---- order information and ease of ordering ---- */

/* The value of metric `name` in replication `rep`. */
static double at(const struct result *r, unsigned rep, const char *name)
{
    long m = metric_lookup(&r->sc.cfg, name);
    if (m < 0) {
        printf("no metric %s\n", name);
        exit(1);
    }
    return value(r, rep, (size_t)m);
}

/* Does the 99% interval over replications of d[] contain 0? Prints the line for the log. */
static int zero_inside(const char *id, const double *d, unsigned n)
{
    struct summary s = summary_of(d, n, 1);
    double hw = summary_halfwidth(&s, 0.99);
    int ok = fabs(s.mean) <= hw;
    printf("%-28s difference %12.6g +- %-10.3g %s\n", id, s.mean, hw, ok ? "contains 0" : "EXCLUDES 0");
    return ok;
}

static void test_order_information(void)
{
    const char *path = "scenarios/order_information.ini";
    const char *tracking[] = {"order_cycle.status_visible=yes"};
    const char *web_tracking[] = {"channel.web.status_visible=yes", "order_cycle.processing_days=0.000001",
                                  "order_cycle.inquiry_days=0.000001"};
    /* a desk that answers at once: no call is ever waiting, so customers call all the
       time their order is on its way */
    const char *instant_desk[] = {"order_cycle.processing_days=0.000001", "order_cycle.inquiry_days=0.000001"};
    struct result r, t, w, q;
    if (!check(run(path, NULL, 0, &r) == 0 && run(path, tracking, 1, &t) == 0 && run(path, web_tracking, 3, &w) == 0 &&
                   run(path, instant_desk, 2, &q) == 0,
               "info-1.0 order_information.ini runs, without tracking, with it, and with a desk that answers at "
               "once: without tracking, and with tracking for web orders only"))
        return;
    /* Little's law: orders on their way = orders a day x days on the way (no order is
       sent twice here, so an order is on its way until it is delivered); a customer
       calls at the configured rate while no call of theirs is waiting */
    double d[200], e[200];
    double rate = r.sc.cfg.order_cycle.inquiries_per_order_day, call = dist_mean(&r.sc.cfg.order_cycle.inquiry_days);
    for (unsigned i = 0; i < q.reps; i++)
        d[i] = at(&q, i, "inquiries_per_day") - rate * at(&q, i, "orders_per_day") * at(&q, i, "order_cycle_days_mean");
    check(zero_inside("calls, Little's law", d, q.reps),
          "info-1.1 calls a day = calls per order-day x orders a day x days on the way (Little's law, desk answering "
          "at once)");
    for (unsigned i = 0; i < r.reps; i++) {
        d[i] = at(&r, i, "inquiries_per_day") - rate * at(&r, i, "orders_per_day") * at(&r, i, "order_cycle_days_mean");
        e[i] = at(&r, i, "inquiry_utilisation") - at(&r, i, "inquiries_per_day") * call;
    }
    struct summary fewer = summary_of(d, r.reps, 1);
    check(fewer.mean + summary_halfwidth(&fewer, 0.99) < 0,
          "info-1.1b a customer whose call is waiting does not call again: fewer calls than Little's law (%.3f a day)",
          fewer.mean);
    check(zero_inside("calls, clerk time", e, r.reps),
          "info-1.2 the clerk's time on calls = calls a day x the mean time of a call (one clerk)");
    struct summary busy = paired(&r, "processing_utilisation", &t, "processing_utilisation");
    struct summary wait = paired(&r, "cycle_processing_days", &t, "cycle_processing_days");
    check(metric(&t, "inquiries_per_day")->mean == 0 && busy.mean - summary_halfwidth(&busy, 0.99) > 0 &&
              wait.mean - summary_halfwidth(&wait, 0.99) > 0,
          "info-1.3 with tracking nobody calls: the clerk is less busy (-%.3f) and orders wait less (-%.4f days)",
          busy.mean, wait.mean);
    /* with tracking for web orders only, the phone customers still call: 60% of the
       orders begun, fewer of them given up */
    double phone = 0.6 * (1 - 0.02) / (0.6 * (1 - 0.02) + 0.4 * (1 - 0.25));
    for (unsigned i = 0; i < w.reps; i++)
        d[i] = at(&w, i, "inquiries_per_day") -
               rate * phone * at(&w, i, "orders_per_day") * at(&w, i, "order_cycle_days_mean");
    check(zero_inside("calls, phone orders only", d, w.reps),
          "info-1.4 tracking in one channel: only the other channel's customers call (%.4f of the orders)", phone);
    /* ease of ordering: each channel loses its share of the orders begun */
    double lost = 0.6 * 0.02 + 0.4 * 0.25;
    check(inside("ease of ordering", &r, "abandoned_rate", lost) &&
              inside("ease of ordering", &r, "orders_per_day", 50 * (1 - lost)),
          "info-2.1 orders given up: 0.6 x 2%% + 0.4 x 25%% = %.3f of the orders begun; the rest arrive", lost);
    double cost = 50 * (0.6 * 0.98 * 3 + 0.4 * 0.75 * 0.5);
    check(inside("ease of ordering", &r, "cost_channels_per_day", cost),
          "info-2.2 an order given up costs its channel nothing: %.2f a day", cost);
    done(&r);
    done(&t);
    done(&w);
    done(&q);
}

/* ---- quantity discounts ---- */

static void test_quantity_discount(void)
{
    const char *path = "scenarios/peak_smoothing.ini";
    const char *sets[] = {"demand.quantity_discount_share=0.5", "demand.quantity_discount_factor=4",
                          "demand.quantity_discount=0.03"};
    struct result base, q;
    if (!check(run(path, NULL, 0, &base) == 0 && run(path, sets, 3, &q) == 0,
               "quantity-1.0 peak_smoothing.ini runs, without and with a quantity discount"))
        return;
    /* 40 orders a day of 2 units; 30% of the peak-day orders (Monday 1.9, Tuesday 1.4 of
       7) move off the peak; half of the others come from customers who put 4 orders
       into one for 3% off */
    double moved = 40 * 0.3 * 3.3 / 7, stay = 40 - moved, gathered = 0.5 * stay;
    double orders = moved + (stay - gathered) + gathered / 4;
    check(inside("quantity discount", &q, "units_per_day", 80),
          "quantity-1.1 the units a day stay the same (40 orders x 2 units)");
    double d[200];
    for (unsigned i = 0; i < q.reps; i++) d[i] = at(&q, i, "units_per_day") - at(&base, i, "units_per_day");
    check(zero_inside("quantity discount, units", d, q.reps),
          "quantity-1.2 the units a day stay the same, paired with the scenario without the discount");
    check(inside("quantity discount", &q, "orders_per_day", orders) &&
              inside("quantity discount", &q, "quantity_discount_rate", gathered / 4 / orders),
          "quantity-1.3 fewer, larger orders: %.3f a day, %.4f of them with the discount", orders,
          gathered / 4 / orders);
    double paid = 0.03 * 30 * 2 * gathered; /* policy none: every unit is delivered */
    check(inside("quantity discount", &q, "quantity_discounts_per_day", paid),
          "quantity-1.4 the discount is 3%% of the price of the units in the larger orders: %.3f a day", paid);
    struct summary peak = paired(&base, "order_cycle_days_peak_mean", &q, "order_cycle_days_peak_mean");
    struct summary busy = paired(&base, "processing_utilisation", &q, "processing_utilisation");
    check(peak.mean - summary_halfwidth(&peak, 0.99) > 0 && busy.mean - summary_halfwidth(&busy, 0.99) > 0,
          "quantity-1.5 fewer orders to enter: the clerk is less busy (-%.3f) and peak-day cycles are shorter "
          "(-%.3f days)",
          busy.mean, peak.mean);
    check(metric(&base, "discounts_per_day")->mean > 0 &&
              fabs(metric(&q, "discounts_per_day")->mean - metric(&base, "discounts_per_day")->mean) < 1e-9,
          "quantity-1.6 the off-peak discounts are counted apart, and the same (orders moved are not gathered)");
    done(&base);
    done(&q);
}

/* ---- the customer base on its own ---- */

static void test_customer_base(void)
{
    static struct customer_base b;
    customers_init(&b, 2);
    uint32_t a = customers_add(&b, 0, 0), c = customers_add(&b, 1, 0), e = customers_add(&b, 0, 1);
    check(customers_active(&b, 0) == 2 && customers_active(&b, 1) == 1 && customers_total(&b) == 3,
          "base-1.1 customers are counted per tier");
    uint32_t gen = b.all[a].gen;
    customers_remove(&b, a, true, 2);
    check(customers_active(&b, 0) == 1 && customers_pick(&b, 0, STAGE_NEW, 0.99) == e && !customers_still(&b, a, gen),
          "base-1.2 a customer who left is gone from its tier and no longer reachable");
    uint32_t f = customers_add(&b, 0, 3);
    check(f == a && !customers_still(&b, a, gen), "base-1.3 a reused slot does not let old orders reach the newcomer");
    check(!customers_record(&b, c, true, 2, 3) && !customers_record(&b, c, false, 2, 3) &&
              customers_record(&b, c, true, 2, 3),
          "base-1.4 k = 2 of m = 3: fail, succeed, fail -> the customer leaves");
    check(!customers_record(&b, f, true, 2, 2) && !customers_record(&b, f, false, 2, 2) &&
              !customers_record(&b, f, true, 2, 2),
          "base-1.6 k = 2 of m = 2: fail, succeed, fail is not two failures in the window");
    check(b.counts.joined == 4 && b.counts.defected == 1, "base-1.7 joins and defections are counted");
    customers_fini(&b);
}

/* ---- customer returns ---- */

static void test_returns(void)
{
    /* order_channels.ini (stock never short, 4 channels of 25/25/30/20% of the orders, 20
       a unit): every line delivered comes back with probability 0.1, the fax channel's
       own 0.5 (a channel's value before the product's, which is [returns]'s); phone
       customers get 20% back, the others the full price */
    const char *path = "scenarios/order_channels.ini";
    const char *sets[] = {"returns.share=0.1", "returns.days=uniform(1, 3)", "channel.fax.returns_share=0.5",
                          "channel.phone.returns_refund_share=0.2", "returns.restock_share=0.5"};
    struct result r;
    if (!check(run(path, sets, 5, &r) == 0, "returns-1.0 order_channels.ini runs with customer returns")) return;
    double share = 0.8 * 0.1 + 0.2 * 0.5, refund = 20 * (0.3 * 0.1 * 0.2 + 0.25 * 0.1 + 0.25 * 0.1 + 0.2 * 0.5) / share;
    double d[200], e[200], g[200];
    for (unsigned i = 0; i < r.reps; i++) {
        d[i] = at(&r, i, "units_returned_per_day") - share * at(&r, i, "units_per_day");
        e[i] = at(&r, i, "refunds_per_day") - refund * at(&r, i, "units_returned_per_day");
        g[i] = at(&r, i, "units_restocked_per_day") - 0.5 * at(&r, i, "units_returned_per_day");
    }
    check(zero_inside("returns by channel", d, r.reps),
          "returns-1.1 units back = (0.8 x 0.1 + 0.2 x the fax channel's own 0.5) x units delivered");
    check(zero_inside("refunds by channel", e, r.reps),
          "returns-1.2 refunds = %.4f a unit returned (phone 20%%, the rest the full price of 20)", refund);
    check(zero_inside("restocked", g, r.reps), "returns-1.3 half the units returned go back on the shelf");
    double profit = at(&r, 0, "revenue_per_day") - at(&r, 0, "cost_total_per_day");
    check(fabs(profit - at(&r, 0, "profit_per_day")) < 1e-9 * (1 + fabs(profit)),
          "returns-1.4 with policy none profit = revenue (net of refunds) - total cost");
    done(&r);

    /* a customer base: each customer's order rate is lifted by 1 + demand_lift x
       refund_share = 1.5, so orders = 1.5 x 0.1 x the time-average number of customers */
    const char *lift[] = {"returns.share=0.05", "returns.days=5", "returns.demand_lift=1", "returns.refund_share=0.5"};
    struct result c;
    if (!check(run("scenarios/customer_churn.ini", lift, 4, &c) == 0,
               "returns-2.0 customer_churn.ini runs with a lifted order rate"))
        return;
    for (unsigned i = 0; i < c.reps; i++) d[i] = at(&c, i, "orders_per_day") - 1.5 * 0.1 * at(&c, i, "customers_mean");
    check(zero_inside("lifted customer orders", d, c.reps),
          "returns-2.1 a customer orders 1.5 x 0.1 a day with demand_lift 1 at refund_share 0.5");
    done(&c);

    /* share_lift alone turns returns on: nothing comes back at no refund, 0.25 of the
       units at a full refund (returns.ini: share_lift 0.25) */
    const char *none[] = {"returns.share=0", "returns.refund_share=0"};
    const char *full[] = {"returns.share=0", "returns.refund_share=1"};
    struct result n0, n1;
    if (!check(run("scenarios/returns.ini", none, 2, &n0) == 0 && run("scenarios/returns.ini", full, 2, &n1) == 0,
               "returns-3.0 returns.ini runs with share 0, at no refund and at a full one"))
        return;
    for (unsigned i = 0; i < n1.reps; i++)
        d[i] = at(&n1, i, "units_returned_per_day") - 0.25 * at(&n1, i, "units_per_day");
    check(
        metric(&n0, "units_returned_per_day")->mean == 0 && zero_inside("share_lift alone", d, n1.reps),
        "returns-3.1 share 0 with share_lift 0.25: nothing back at refund 0, a quarter of the units at a full refund");
    done(&n0);
    done(&n1);
}

/* ---- a service contract ---- */

/* tests/service/contract_late.ini misses every period by a known amount (its comment
 * works the numbers out); the penalty is a cost, so profit falls by it exactly; a window
 * the periods divide closes its last period at the window's end. */
static void test_contract(void)
{
    const char *path = "tests/service/contract_late.ini";
    const char *free_sets[] = {"contract.penalty_per_point=0", "contract.penalty_per_missed_period=0"};
    struct result c, none;
    if (!check(run(path, NULL, 0, &c) == 0 && run(path, free_sets, 2, &none) == 0,
               "contract-1.0 %s runs, with its penalties and with none", path))
        return;
    check(fabs(metric(&c, "contract_penalty_per_day")->mean - 105) < 1e-9 &&
              metric(&c, "contract_periods_missed_share")->mean == 1,
          "contract-1.1 every period misses: (95 points x 10 + 100) x 9 periods / 90 days = 105 a day (got %.10g, "
          "missed %.3g)",
          metric(&c, "contract_penalty_per_day")->mean, metric(&c, "contract_periods_missed_share")->mean);
    double dcost = metric(&c, "cost_total_per_day")->mean - metric(&none, "cost_total_per_day")->mean;
    double dprofit = metric(&c, "profit_per_day")->mean - metric(&none, "profit_per_day")->mean;
    check(fabs(dcost - 105) < 1e-9 && fabs(dprofit + 105) < 1e-9 &&
              metric(&none, "contract_penalty_per_day")->mean == 0,
          "contract-1.2 the penalty is in cost_total_per_day (+%.10g) and profit (%.10g)", dcost, dprofit);
    /* a window of 100 days: the tenth period ends exactly at the window's end */
    const char *whole[] = {"run.horizon_days=100"};
    struct scenario_override o = {.assignment = whole[0]};
    static struct scenario sc;
    if (check(scenario_load(&sc, path, &o, 1, stderr) == 0, "contract-1.3 loads with horizon_days = 100")) {
        const struct model_config *cfg = &sc.cfg;
        size_t nper = simulate_contract_values(cfg), nm = metric_count(cfg);
        double *rows = malloc(nm * sizeof *rows), *per = malloc(nper * sizeof *per);
        struct simulate_opts so = {.threads = 1, .contract_periods = per};
        bool ran = simulate(&cfg, 1, 1, &so, rows) == 0;
        size_t zeros = 0, fulls = 0;
        for (size_t k = 0; k < nper; k += 2) zeros += per[k] == 0, fulls += per[k + 1] == 1;
        check(ran && nper == 20 && zeros == 10 && fulls == 10 && fabs(rows[M_CONTRACT_PENALTY] - 105) < 1e-9,
              "contract-1.4 10 whole periods, the last ending with the window: on time 0 and fill 1 in each "
              "(%zu values, %zu and %zu), 105 a day",
              nper, zeros, fulls);
        free(rows);
        free(per);
        scenario_fini(&sc);
    }
    done(&c);
    done(&none);
    /* a target as a percentage reads as a share key reads it (sim/num.h's num_percent_share):
       99.9% is the double 0.999 is (99.9 / 100 is one step above it), 92.3 % the one 0.923 is */
    struct contract_config cc = {0}; /* its targets are printed in the message also when the parse fails */
    char word[64];
    enum contract_parse r =
        contract_parse_targets("fill_rate >= 99.9%, on_time_rate >= 92.3 %", &cc, word, sizeof word);
    check(r == CONTRACT_OK && cc.ntargets == 2 && cc.targets[0].target == strtod("0.999", NULL) &&
              cc.targets[1].target == strtod("0.923", NULL),
          "contract-1.5 99.9%% and 92.3 %% are the shares 0.999 and 0.923, as written (got %.17g, %.17g)",
          cc.targets[0].target, cc.targets[1].target);
    bool refused = contract_parse_targets("fill_rate >= .5%", &cc, word, sizeof word) == CONTRACT_SYNTAX &&
                   contract_parse_targets("fill_rate >= 5.%", &cc, word, sizeof word) == CONTRACT_SYNTAX;
    check(refused && contract_parse_targets("fill_rate >= 1.5e1%", &cc, word, sizeof word) == CONTRACT_OK &&
              cc.targets[0].target == 0.15 &&
              contract_parse_targets("fill_rate >= .5", &cc, word, sizeof word) == CONTRACT_OK,
          "contract-1.6 .5%% and 5.%% are refused, as a share key refuses them; 1.5e1%% is 0.15, .5 still 0.5");
}

int main(void)
{
    test_customer_base();
    test_basket();
    test_tiers();
    test_reactions();
    test_churn();
    test_ladder();
    test_perfect_order();
    test_shape();
    test_order_information();
    test_quantity_discount();
    test_returns();
    test_contract();
    return check_done("test_service");
}
