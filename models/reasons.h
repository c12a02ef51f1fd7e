/* reasons.h - why the simulated service differs from the normal-approximation formula
 * (theory.h): a table of the usual reasons, each with a test of whether it applies to a
 * scenario and which way it moves service, so that a report names only the reasons that
 * point the way the gap does. Pure: numbers in, a list out; no text layout here
 * (cli/report.c prints the list). Service measures are shares in [0, 1].
 */
#ifndef MODELS_REASONS_H
#define MODELS_REASONS_H

#include "config.h"
#include "sim/runner.h"
#include "theory.h"

#include <stdbool.h>
#include <stddef.h>

/* The reasons, in the order a report lists them. */
enum reason_id {
    REASON_UNDERSHOOT,      /* orders placed below s: in effect a lower reorder point */
    REASON_EVEN_GAPS,       /* constant gaps and lead time: a whole number of orders is covered */
    REASON_LUMPY,           /* few orders over the protection interval: not a normal curve */
    REASON_RESERVE,         /* units held back for the top tier */
    REASON_CUSTOMER_BASE,   /* demand from a customer base whose size moves */
    REASON_LOST_SALES,      /* the position never goes below 0 */
    REASON_HISTORY_FIT,     /* replay/bootstrap: the formula uses the fit, the run plays the days */
    REASON_HISTORY_PATTERN, /* replay: the recorded days are not independent */
    REASON_RETURNS,         /* customer returns put units back on the shelf */
    REASON_SUPPLIER,        /* the outside supplier keeps orders or delivers short (models/supplier.h) */
    REASON_CAPACITY,        /* max_order_units, or a storage_capacity that refuses: the position stays short */
    REASON_LEAD_TIME_SHAPE, /* a random lead time carries most of the variance: not a normal curve */
    REASON_NOISE,           /* the gap is within twice the confidence half-width */
    REASON_COUNT
};

/* Which way a reason moves a service measure, from the formula's figure to the run's. */
enum reason_direction {
    REASON_NONE, /* not at all (or by too little to matter) */
    REASON_LOWERS,
    REASON_RAISES,
    REASON_EITHER /* it can go either way */
};

enum { REASON_CSL, REASON_FILL, REASON_MEASURES }; /* the two measures compared */

/* What the reasons look at. */
struct reasons_input {
    const struct model_config *cfg; /* borrowed */
    struct protection protection;   /* theory_protection(cfg) */
    double level;                   /* s (policies with a reorder point) or S */
    struct prediction formula;      /* theory_predict(&protection, level) */
    /* simulated means and 95% half-widths of the cycle service level and fill rate
       (indexed REASON_CSL, REASON_FILL); a NAN mean: nothing was counted; a NAN
       half-width: one replication */
    double sim[REASON_MEASURES], ci95[REASON_MEASURES];
    /* replenishment cycles in all replications' statistics windows, about (replenishment
       orders a day x horizon_days x replications; NAN: not counted) */
    double cycles;
    double undershoot;     /* mean units below s when ordering (NAN: not counted) */
    double customers_mean; /* mean size of the customer base (NAN: none) */
    /* the outside supplier, with its keys: mean days an order spends there, the share of
       the time it was up and of the units ordered that arrived (NAN: not counted) */
    double supplier_wait, supply_availability, supply_yield;
};

/* A reason that applies. figure[] holds the numbers its message quotes (see reasons.c
 * for each reason's). */
struct reason {
    enum reason_id id;
    enum reason_direction direction[REASON_MEASURES];
    bool agrees; /* it moves at least one measure outside its CI the way of the gap */
    double figure[6];
};

/* The input for cfg's one stock point (no products or locations; a policy that holds
 * stock) from the run's summaries s (indexed by models/metrics.h's M_*; borrowed). */
struct reasons_input reasons_input_of(const struct model_config *cfg, const struct summary *s);

/* A difference the report's figures (percentages with two decimals) cannot show: no
 * gap, whatever the interval. */
#define REASONS_SHOWN 0.00005

/* The exact 95% bound when every replication's cycle service level was 0 or 1 (no
 * cycle stocked out, or every one did), where the t interval has no width (or, with
 * one replication, there is none): over N cycles, a cycle's chance of a stockout is at
 * most 1 - 0.025^(1/N) (Clopper-Pearson; mirrored for "every one"). Returns that
 * half-width, or NAN when it does not apply. */
double reasons_exact_halfwidth(const struct reasons_input *in);

/* The gap per measure: +1 if the simulated figure is above the formula's and outside
 * its confidence interval (or there is only one replication), -1 if below, 0 if inside
 * or nothing to compare. A difference under REASONS_SHOWN is no gap. Where
 * reasons_exact_halfwidth applies, the cycle service level is judged by that bound, and
 * a fill rate of 1 in every replication (no stockout seen) with it: the formula's fill
 * rate is off only if its chance of a stockout is. */
void reasons_gap(const struct reasons_input *in, int gap[REASON_MEASURES]);

/* Every reason that applies to in, in table order, into out (room for REASON_COUNT).
 * Returns how many. Those with agrees = false point against the gap: not an explanation. */
size_t reasons_explain(const struct reasons_input *in, struct reason *out);

/* The reason's name in the table ("undershoot", "history_fit", ...), for tests and logs. */
const char *reasons_name(enum reason_id id);

#endif
