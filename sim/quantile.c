/* quantile.c - bins are addressed straight from the IEEE-754 bits of the value:
 * the exponent picks the octave, the top QSKETCH_SUB_BITS of the fraction the bin
 * (qsketch_add, inline in sim/quantile.h, adds to them the same way). */
#include "quantile.h"

#include <assert.h>
#include <math.h>
#include <string.h>

static const uint64_t first_bits = (uint64_t)(QSKETCH_EXP_BIAS + QSKETCH_EXP_MIN) << QSKETCH_FRACTION_BITS;

static double double_of(uint64_t b)
{
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

void qsketch_reset(struct qsketch *q)
{
    memset(q, 0, sizeof *q);
    q->min = INFINITY;
    q->max = -INFINITY;
}

/* The value at the lower edge of a bin. */
static double bin_low(size_t bin)
{
    return double_of(first_bits + ((uint64_t)bin << (QSKETCH_FRACTION_BITS - QSKETCH_SUB_BITS)));
}

void qsketch_add_zeros(struct qsketch *q, uint64_t count)
{
    if (count == 0) return;
    if (0 < q->min) q->min = 0;
    if (0 > q->max) q->max = 0;
    q->n += count;
    q->zeros += count;
}

double qsketch_quantile(const struct qsketch *q, double p)
{
    if (q->n == 0) return NAN;
    if (p <= 0) return q->min;
    if (p >= 1) return q->max;
    uint64_t k = (uint64_t)ceil(p * (double)q->n);
    if (k < 1) k = 1;
    double est;
    if (k <= q->zeros) {
        est = 0;
    } else {
        uint64_t seen = q->zeros;
        size_t bin = 0;
        while (seen + q->counts[bin] < k) seen += q->counts[bin++];
        assert(bin < QSKETCH_BINS);
        double lo = bin_low(bin), hi = bin_low(bin + 1);
        double within = ((double)(k - seen) - 0.5) / (double)q->counts[bin];
        est = lo + within * (hi - lo);
    }
    if (est < q->min) est = q->min;
    if (est > q->max) est = q->max;
    return est;
}

double qsketch_relative_error(void)
{
    return 1.0 / (1 << QSKETCH_SUB_BITS); /* a bin spans at most this share of its low edge */
}
