/* stability.c - the growth test of stability.h. */
#include "stability.h"
#include "report.h"
#include "models/metrics.h"
#include "lang/lang.h"
#include "sim/num.h"

#include <math.h>
#include <stdio.h>

struct backlog stability_backlog(const struct model_totals *t)
{
    return (struct backlog){(double)t->orders_in_system_mid, (double)t->orders_in_system_final, t->backordered_mid,
                            t->backordered_final};
}

/* Mean over replications of metric m, skipping NaN (0 when there is none). */
static double metric_mean(const double *rows, size_t nm, unsigned reps, int m)
{
    double sum = 0;
    unsigned n = 0;
    for (unsigned r = 0; r < reps; r++) {
        double x = rows[(size_t)r * nm + (size_t)m];
        if (!isnan(x)) sum += x, n++;
    }
    return n ? sum / n : 0;
}

/* Does the backlog (units on backorder if `units`, else orders in the system) grow by
 * more than 2% of `per_day` arrivals over `half` days, significantly? Its means over
 * replications go to *mean_mid and *mean_end. */
static bool grows(const struct backlog *b, bool units, unsigned reps, double per_day, double half, double *mean_mid,
                  double *mean_end)
{
    double sum_d = 0, sum_d2 = 0, sum_mid = 0, sum_end = 0;
    for (unsigned r = 0; r < reps; r++) {
        double a = units ? b[r].backordered_mid : b[r].orders_mid;
        double z = units ? b[r].backordered_end : b[r].orders_end, d = z - a;
        sum_mid += a, sum_end += z, sum_d += d, sum_d2 += d * d;
    }
    *mean_mid = sum_mid / reps, *mean_end = sum_end / reps;
    double d = sum_d / reps;
    if (!(d > 0.02 * per_day * half)) return false;
    if (reps == 1) /* no spread to compare with: ask for more */
        return d > 0.05 * per_day * half && *mean_end > 1.5 * *mean_mid + 20;
    double var = (sum_d2 - reps * d * d) / (reps - 1);
    double se = sqrt(var > 0 ? var : 0) / sqrt((double)reps);
    return d > 3 * se;
}

bool stability_check(const struct model_config *cfg, const struct backlog *b, const double *rows, size_t nm,
                     unsigned reps, char *warning, size_t n)
{
    if (reps == 0) return false;
    double half = cfg->run.horizon_days / 2, mid, end;
    double orders_a_day = metric_mean(rows, nm, reps, M_ORDERS_PER_DAY);
    if (grows(b, false, reps, orders_a_day, half, &mid, &end)) {
        double cycle = metric_mean(rows, nm, reps, M_ORDER_CYCLE_MEAN);
        char rise[40], arrive[40], expect[40], days[40]; /* 3 digits, never 8.12e+03 */
        int len = snprintf(warning, n,
                           _("the backlog grows: orders in the system rose from %.0f at mid-window to %.0f at the end "
                             "(+%s a day; %s arrive a day"),
                           mid, end, num_about((end - mid) / half, 3, rise, sizeof rise),
                           num_about(orders_a_day, 3, arrive, sizeof arrive));
        if (cycle > 0 && len > 0 && (size_t)len < n)
            len += snprintf(warning + len, n - (size_t)len, _("; Little's law expects about %s at %s days each"),
                            num_about(orders_a_day * cycle, 3, expect, sizeof expect),
                            num_about(cycle, 3, days, sizeof days));
        if (len > 0 && (size_t)len < n)
            snprintf(warning + len, n - (size_t)len,
                     _("): the system does not settle%s; results depend on the horizon"),
                     reps == 1 ? _(" (1 replication: run more to be sure)") : "");
        lang_tidy_cut(warning);
        return true;
    }
    double units_a_day = metric_mean(rows, nm, reps, M_UNITS_PER_DAY);
    if (grows(b, true, reps, units_a_day, half, &mid, &end)) {
        char rise[40], demanded[40];
        snprintf(warning, n,
                 _("the backlog grows: units on backorder rose from %.0f at mid-window to %.0f at the end (+%s a day; "
                   "%s units demanded a day): replenishment does not keep up%s; results depend on the horizon"),
                 mid, end, num_about((end - mid) / half, 3, rise, sizeof rise),
                 num_about(units_a_day, 3, demanded, sizeof demanded),
                 reps == 1 ? _(" (1 replication: run more to be sure)") : "");
        lang_tidy_cut(warning);
        return true;
    }
    return false;
}
