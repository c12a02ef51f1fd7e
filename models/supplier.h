/* supplier.h - the outside supplier of a stock point: its capacity, its disruptions and
 * its yield ([inventory] supplier_capacity_per_day, supplier_up_days, supplier_down_days,
 * supply_yield, and their [product.NAME] and [location.NAME] copies).
 *
 * Each stock point replenished by the outside supplier (not a location replenished from
 * another, models/echelon.c) has a supplier of its own when one of the keys is given;
 * without them nothing here runs and replenishment is stock.c's plain lead time.
 *
 * - Capacity: the supplier makes supplier_capacity_per_day units a day, one order at a
 *   time, first come first served. An order leaves when its last unit is made (whole
 *   orders: no part shipments), then travels lead_time_days. No limit: it leaves at once.
 * - Disruptions: the supplier alternates up and down periods, starting up at time 0, each
 *   drawn from its distribution (stream SRC_SUPPLIER_UP_DOWN + stock point). While down it
 *   makes and ships nothing: orders placed then wait, and the order being made stops
 *   where it is and resumes when the supplier is up again.
 * - Yield: when an order arrives, a share drawn from supply_yield (stream
 *   SRC_SUPPLY_YIELD + stock point) of its units comes; the rest never does and is not
 *   paid for. The order closes short (stock_receive_short): on order falls by the whole
 *   order, so the policy reorders what is missing.
 *
 * What disruptions cost in service is measured by a twin (supplier_twin_metrics): the
 * same replication (same seed, so the same demand: common random numbers) with every
 * supplier always up and delivering in full, capacity kept. The fill rate the twin gets
 * less the fill rate of the replication is fill_rate_lost_to_disruptions; over the
 * replications its confidence interval is that of the paired differences.
 */
#ifndef MODELS_SUPPLIER_H
#define MODELS_SUPPLIER_H

#include "config.h"

#include <stdatomic.h>
#include <stdint.h>

struct model;

/* Give each stock point of m that needs one its supplier (after echelon_setup, so that a
 * location replenished from another keeps its upstream). Nothing without the keys. */
void supplier_setup(struct model *m);

/* The first disruptions (at time 0, after supplier_setup). */
void supplier_start(struct model *m);

/* The warm-up reset: the supplier's statistics restart at `now`. */
void supplier_restart(struct model *m, double now);

/* The supply metrics into x (models/metrics.h: M_SUPPLY_*, M_SUPPLIER_*, and the
 * locations' LM_SUPPLY_*), for the window ending at `end`; NaN where no stock point has
 * a supplier modelled. fill_rate_lost_to_disruptions is supplier_twin_metrics's. */
void supplier_metrics(const struct model *m, double end, double *x);

/* Release what supplier_setup took (the orders are the pool's). */
void supplier_fini(struct model *m);

/* With disruptions (supplier_disrupted at some stock point), run replication `rep` of
 * the twin of cfg, whose suppliers never go down and deliver in full, and write into x
 * (cfg's layout, computed already) the fill rate lost to disruptions: the twin's fill
 * rate less x's, overall and per location. Returns 1 if stopped (x then unchanged). */
int supplier_twin_metrics(const struct model_config *cfg, uint64_t rep, bool general_path, double *x,
                          const atomic_int *stop);

/* True if cfg's stock points have a supplier modelled (some supplier key applies), and
 * with disruptions, for the metric features (models/metrics.c). */
bool supplier_in_use(const struct model_config *cfg);
bool supplier_disruptions_in_use(const struct model_config *cfg);

#endif
