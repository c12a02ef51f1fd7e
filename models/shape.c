/* shape.c - weekday and curve multipliers. */
#include "shape.h"

#include <math.h>

bool shape_active(const struct demand_config *d)
{
    return d->has_weekday || d->ncurve > 0;
}

static int weekday_of(double t)
{
    return (int)fmod(floor(t), 7.0);
}

static double curve_at(const struct demand_config *d, double t)
{
    if (d->ncurve == 0) return 1;
    if (t <= d->curve_days[0]) return d->curve_factor[0];
    for (size_t i = 1; i < d->ncurve; i++) {
        if (t <= d->curve_days[i]) {
            double w = (t - d->curve_days[i - 1]) / (d->curve_days[i] - d->curve_days[i - 1]);
            return d->curve_factor[i - 1] + w * (d->curve_factor[i] - d->curve_factor[i - 1]);
        }
    }
    return d->curve_factor[d->ncurve - 1];
}

double shape_factor(const struct demand_config *d, double t)
{
    double f = curve_at(d, t);
    if (d->has_weekday) f *= d->weekday[weekday_of(t)];
    return f;
}

double shape_max(const struct demand_config *d)
{
    double w = 1, c = d->ncurve ? 0 : 1;
    if (d->has_weekday)
        for (int i = 0; i < 7; i++) w = i == 0 || d->weekday[i] > w ? d->weekday[i] : w;
    for (size_t i = 0; i < d->ncurve; i++) c = fmax(c, d->curve_factor[i]);
    return w * c;
}

bool shape_is_peak(const struct demand_config *d, double t)
{
    return d->has_weekday && d->weekday[weekday_of(t)] > 1;
}

double shape_next_offpeak(const struct demand_config *d, double t)
{
    for (int ahead = 1; ahead <= 7; ahead++)
        if (!(d->weekday[weekday_of(t + ahead)] > 1)) return t + ahead;
    return t; /* every day a peak cannot happen: the profile has mean 1 */
}
