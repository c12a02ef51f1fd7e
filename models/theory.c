/* theory.c - normal-approximation formulas. The fill-rate formula keeps the correction
 * term sd L(k + batch/sd), negligible when batches are large (Chopra & Meindl's
 * ESC/Q) and needed for small ones (one-for-one base stock). */
#include "theory.h"
#include "policy.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>

double theory_loss(double z)
{
    return gsl_ran_ugaussian_pdf(z) - z * gsl_cdf_ugaussian_Q(z);
}

struct protection theory_protection(const struct model_config *cfg)
{
    return theory_protection_for(cfg, &cfg->inventory, 1);
}

void theory_units_per_order(const struct model_config *cfg, double *mean, double *variance)
{
    const struct dist *all = &cfg->demand.units_per_order;
    if (cfg->ntiers == 0) {
        *mean = dist_mean(all), *variance = dist_variance(all);
        return;
    }
    /* a mixture over tiers, each with its own order size or [demand]'s */
    double m1 = 0, m2 = 0, shares = 0;
    for (size_t t = 0; t < cfg->ntiers; t++) {
        const struct tier_config *tc = &cfg->tiers[t];
        const struct dist *d = tc->has_units ? &tc->units_per_order : all;
        double mu = dist_mean(d);
        m1 += tc->share * mu;
        m2 += tc->share * (dist_variance(d) + mu * mu);
        shares += tc->share;
    }
    m1 /= shares, m2 /= shares;
    *mean = m1, *variance = m2 - m1 * m1 > 0 ? m2 - m1 * m1 : 0;
}

struct protection theory_protection_for(const struct model_config *cfg, const struct inventory_config *inv, double q)
{
    const struct dist *gap = &cfg->demand.interarrival_days;
    double m = dist_mean(gap), v = dist_variance(gap);
    double ex, vx;
    theory_units_per_order(cfg, &ex, &vx);
    double rate, var_rate; /* units per day, and the variance of demand per day */
    if (q >= 1) {
        rate = ex / m;
        var_rate = vx / m + ex * ex * v / (m * m * m);
    } else { /* a renewal stream of orders thinned with probability q */
        double lambda = 1 / m, lines = q * lambda;
        rate = ex * lines;
        var_rate = vx * lines + ex * ex * (q * q * lambda * lambda * lambda * v + q * (1 - q) * lambda);
    }
    double lead = dist_mean(&inv->lead_time_days), lead_var = dist_variance(&inv->lead_time_days);
    struct protection p;
    p.days = lead + inv->review_days;
    p.demand_mean = rate * p.days;
    p.demand_sd = sqrt(var_rate * p.days + rate * rate * lead_var);
    if (inv->policy->uses_order_quantity)
        p.batch = inv->order_quantity;
    else if (inv->policy->uses_reorder_point)
        p.batch = inv->order_up_to - inv->reorder_point;
    else if (inv->review_days > 0)
        p.batch = rate * inv->review_days;
    else
        p.batch = ex;
    return p;
}

/* Expected units short per replenishment cycle at safety factor k (sd > 0). */
static double shortage_at(const struct protection *p, double k)
{
    return p->demand_sd * (theory_loss(k) - theory_loss(k + p->batch / p->demand_sd));
}

double theory_order_share(const struct model_config *cfg, size_t p)
{
    double q = dist_mean(&cfg->demand.lines_per_order) * cfg->products[p].share;
    return q < 1 ? q : 1;
}

static double fill_rate_at(const struct protection *p, double k)
{
    return 1 - shortage_at(p, k) / p->batch;
}

struct prediction theory_predict(const struct protection *p, double level)
{
    struct prediction r;
    if (!(p->demand_sd > 0)) {
        /* no variability: service is all or nothing */
        r.safety_factor = level >= p->demand_mean ? INFINITY : -INFINITY;
        r.cycle_service_level = level >= p->demand_mean ? 1 : 0;
        r.shortage_per_cycle = level >= p->demand_mean ? 0 : p->demand_mean - level;
        r.fill_rate = 1 - r.shortage_per_cycle / p->batch;
        return r;
    }
    double k = (level - p->demand_mean) / p->demand_sd;
    r.safety_factor = k;
    r.cycle_service_level = gsl_cdf_ugaussian_P(k);
    r.shortage_per_cycle = shortage_at(p, k);
    r.fill_rate = 1 - r.shortage_per_cycle / p->batch;
    return r;
}

double theory_level_for_safety_factor(const struct protection *p, double k)
{
    return p->demand_mean + k * p->demand_sd;
}

double theory_level_for_cycle_service(const struct protection *p, double csl)
{
    return theory_level_for_safety_factor(p, gsl_cdf_ugaussian_Pinv(csl));
}

/* The fill rate rises with k: bisect on k in [-8, 8]. */
double theory_level_for_fill_rate(const struct protection *p, double fill)
{
    if (!(p->demand_sd > 0)) return p->demand_mean;
    double lo = -8, hi = 8;
    for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
        double mid = 0.5 * (lo + hi);
        if (fill_rate_at(p, mid) < fill)
            lo = mid;
        else
            hi = mid;
    }
    return theory_level_for_safety_factor(p, 0.5 * (lo + hi));
}
