/* quantile.h - a streaming quantile estimate with fixed memory (a log-linear
 * histogram, in the spirit of HdrHistogram and DDSketch).
 *
 * Each positive observation falls in one of 128 equal-width bins per power of two,
 * so any quantile is estimated within 0.8% of its true value (relative), whatever the
 * horizon; adding is O(1) with no allocation. The exact minimum and maximum are kept
 * and every estimate is clamped to them, so a constant stream reports its value
 * exactly. Values from 2^-24 (a twentieth of a second, in days) to 2^40 are binned
 * at full precision; smaller or larger ones fall into the end bins. Zero and negative
 * values count as 0.
 */
#ifndef SIM_QUANTILE_H
#define SIM_QUANTILE_H

#include <assert.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum {
    QSKETCH_SUB_BITS = 7, /* 2^7 = 128 bins per octave */
    QSKETCH_EXP_MIN = -24,
    QSKETCH_EXP_MAX = 40,
    QSKETCH_BINS = (QSKETCH_EXP_MAX - QSKETCH_EXP_MIN) << QSKETCH_SUB_BITS,
    QSKETCH_FRACTION_BITS = 52, /* of an IEEE-754 double */
    QSKETCH_EXP_BIAS = 1023,
};

struct qsketch {
    uint64_t n;      /* observations */
    uint64_t zeros;  /* observations <= 0 */
    double min, max; /* +inf and -inf while empty */
    uint32_t counts[QSKETCH_BINS];
};

/* Empty q: every sketch starts with it (a zeroed one is not empty: its min and max are 0). */
void qsketch_reset(struct qsketch *q);

/* Add observation x (not NaN). Inline: the model adds every order's cycle time. The bin
 * is addressed straight from the IEEE-754 bits of x: the exponent picks the octave, the
 * top QSKETCH_SUB_BITS of the fraction the bin (sim/quantile.c reads bins the same way). */
static inline __attribute__((always_inline)) void qsketch_add(struct qsketch *q, double x)
{
    enum { SHIFT = QSKETCH_FRACTION_BITS - QSKETCH_SUB_BITS };
    const int64_t first_bin = (int64_t)(QSKETCH_EXP_BIAS + QSKETCH_EXP_MIN) << QSKETCH_SUB_BITS;
    /* min and max from +inf and -inf (qsketch_reset): no test of the first. A NaN is not
       at or above the minimum either, so it is asserted against where a new minimum is */
    if (!(x >= q->min)) {
        assert(!isnan(x));
        q->min = x;
    }
    if (x > q->max) q->max = x;
    q->n++;
    if (!(x > 0)) {
        q->zeros++;
        return;
    }
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    /* b's exponent and top fraction bits less the first bin's (whose low SHIFT bits are
       0): below the first octave a negative number, the first bin's; past the last, the
       last bin's */
    int64_t bin = (int64_t)(b >> SHIFT) - first_bin;
    if (bin < 0) bin = 0;
    if (bin > QSKETCH_BINS - 1) bin = QSKETCH_BINS - 1;
    uint32_t count = q->counts[bin] + 1;
    assert(count != 0 && "a bin's count is not past UINT32_MAX");
    q->counts[bin] = count;
}
/* qsketch_add(q, 0) `count` times, at once. */
void qsketch_add_zeros(struct qsketch *q, uint64_t count);
/* The p-quantile (0 <= p <= 1) as the k-th smallest observation, k = ceil(p n),
 * interpolated inside its bin. NaN when empty. */
double qsketch_quantile(const struct qsketch *q, double p);
/* The largest relative error of a quantile estimate inside the binned range. */
double qsketch_relative_error(void);

#endif
