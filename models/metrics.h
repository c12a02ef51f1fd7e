/* metrics.h - every metric a replication reports.
 *
 * Base metrics are one const table: name (fixed by docs/contract.md §5, used in CSV files and on
 * the command line), label, report group, kind, and the feature that makes the metric
 * meaningful. A scenario reports the base metrics of the features it uses (so a
 * scenario without tiers or reactions has exactly the outputs it always had), then,
 * for named products, tiers, locations and regions, a block of metrics each, named
 * "product.NAME.metric", "tier.NAME.metric", "location.NAME.metric" and
 * "region.NAME.metric". A replication yields one double per
 * metric of the layout; NaN means "no value" (nothing to count).
 */
#ifndef MODELS_METRICS_H
#define MODELS_METRICS_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>

enum metric {
    /* service */
    M_FILL_RATE,
    M_ORDER_FILL_RATE,
    M_STOCKOUT_RATE,
    M_CYCLE_SERVICE_LEVEL,
    M_LOST_SALES_RATE,
    M_ON_TIME_RATE,
    M_PERFECT_ORDER_RATE,
    M_LINE_FILL_RATE,
    M_ON_TIME_ALL_ORDERS_RATE,
    M_IN_FULL_RATE,
    M_DAMAGE_FREE_RATE,
    M_ACCURATE_RATE,
    M_PERFECT_ORDER_PRODUCT,
    M_OTIF_RATE,
    M_SUBSTITUTION_RATE,
    M_REACT_ELSEWHERE,
    M_REACT_SUBSTITUTE,
    M_REACT_WAIT,
    M_REACT_CANCEL,
    M_FILLED_ELSEWHERE_RATE,
    M_CONTRACT_PERIODS_MISSED_SHARE,
    M_FILL_RATE_LOST_TO_DISRUPTIONS, /* the outside supplier (FEATURE_DISRUPTIONS, models/supplier.h) */
    /* order cycle */
    M_ORDER_CYCLE_MEAN,
    M_ORDER_CYCLE_P50,
    M_ORDER_CYCLE_P95,
    M_ORDER_CYCLE_P99,
    M_CYCLE_TRANSMISSION,
    M_CYCLE_PROCESSING,
    M_CYCLE_STOCK_WAIT,
    M_CYCLE_PICKING,
    M_CYCLE_DELIVERY,
    M_PROCESSING_UTILISATION,
    M_PICKING_UTILISATION,
    M_INQUIRIES_PER_DAY,
    M_INQUIRY_UTILISATION,
    M_EXPEDITED_RATE,
    M_ORDER_CYCLE_PEAK_MEAN,
    M_SHIFTED_RATE,
    M_REROUTED_RATE,
    M_SHIPPED_DIRECT_RATE,
    /* inventory */
    M_MEAN_ON_HAND,
    M_MEAN_BACKORDERS,
    M_MEAN_ON_ORDER,
    M_TIME_OUT_OF_STOCK,
    M_REPLENISHMENTS_PER_DAY,
    M_REORDER_UNDERSHOOT,
    M_LOCATIONS_OPEN_MEAN,
    M_TRANSSHIPMENTS_PER_DAY,
    M_UNITS_TRANSSHIPPED_PER_DAY,
    M_UNITS_RETURNED_PER_DAY,
    M_UNITS_RESTOCKED_PER_DAY,
    M_SUPPLY_AVAILABILITY, /* the outside supplier (FEATURE_DISRUPTIONS, FEATURE_SUPPLIER) */
    M_SUPPLY_YIELD_MEAN,
    M_SUPPLIER_WAIT_DAYS_MEAN,
    M_UNITS_REFUSED_PER_DAY, /* storage capacity (FEATURE_STORAGE) */
    M_OVERFLOW_UNITS_MEAN,
    /* demand */
    M_ORDERS_PER_DAY,
    M_UNITS_PER_DAY,
    M_ABANDONED_RATE,
    M_QUANTITY_DISCOUNT_RATE,
    /* customers */
    M_CUSTOMERS_MEAN,
    M_CUSTOMERS_NEW_MEAN, /* the loyalty ladder (FEATURE_LOYALTY) */
    M_CUSTOMERS_SATISFIED_MEAN,
    M_CUSTOMERS_LOYAL_MEAN,
    M_SATISFIED_SHARE,
    M_CUSTOMERS_END,
    M_NEW_CUSTOMERS_PER_DAY,
    M_LOST_TO_FAILURES_PER_DAY,
    M_LOST_TO_CHURN_PER_DAY,
    M_CUSTOMER_LIFETIME_VALUE,
    M_ABOVE_EXPECTATION_RATE,
    M_BELOW_EXPECTATION_RATE,
    M_REVENUE_NEW,
    M_REVENUE_SATISFIED,
    M_REVENUE_LOYAL,
    M_COMPLAINTS_PER_DAY, /* complaints (FEATURE_COMPLAINTS) */
    M_COMPLAINTS_HANDLED_RATE,
    M_COMPLAINTS_RECOVERED_RATE,
    M_CUSTOMERS_RECOVERED_PER_DAY,
    M_COST_KEEPING_PER_CUSTOMER,
    M_WIN_TO_KEEP_RATIO,
    /* money */
    M_COST_HOLDING,
    M_COST_OVERFLOW,
    M_COST_ORDERING,
    M_COST_PURCHASE,
    M_COST_STAFF,
    M_COST_SHORTAGE,
    M_COST_ERRORS,
    M_COST_EXPEDITE,
    M_COST_CHANNELS,
    M_COST_ACQUISITION,
    M_COST_COMPLAINTS,
    M_COST_TRANSFERS,
    M_COST_LOCATIONS,
    M_COST_RETURNS,
    M_CONTRACT_PENALTY,
    M_COST_TOTAL,
    M_REVENUE,
    M_REVENUE_LOST_LATE,
    M_DISCOUNTS,
    M_QUANTITY_DISCOUNTS,
    M_REFUNDS,
    M_STOCK_VALUE_CHANGE,
    M_PROFIT,
    METRIC_COUNT
};

enum metric_group {
    GROUP_SERVICE,
    GROUP_ORDER_CYCLE,
    GROUP_INVENTORY,
    GROUP_DEMAND,
    GROUP_CUSTOMERS,
    GROUP_MONEY,
    GROUP_COUNT
};

enum metric_kind {
    KIND_RATE,  /* a share in [0, 1], shown as a percentage */
    KIND_DAYS,  /* a time in days */
    KIND_SHARE, /* a utilisation in [0, 1], shown as a percentage */
    KIND_UNITS, /* a level in units */
    KIND_PER_DAY,
    KIND_MONEY_PER_DAY,
    KIND_COUNT_LEVEL, /* a number of customers */
    KIND_MONEY,       /* money, not per day */
    KIND_RATIO,       /* a plain ratio of two quantities (the bullwhip ratio) */
};

/* What a scenario uses; a metric is reported when its feature is in use. */
enum metric_feature {
    FEATURE_CORE = 0,
    FEATURE_LINES = 1 << 0,     /* several products on an order */
    FEATURE_REACTIONS = 1 << 1, /* stockout reactions */
    FEATURE_QUALITY = 1 << 2,   /* errors or damage: the perfect order's parts */
    FEATURE_EXPEDITE = 1 << 3,
    FEATURE_CHANNELS = 1 << 4,
    FEATURE_CUSTOMERS = 1 << 5,
    FEATURE_LATE_PRICE = 1 << 6,
    FEATURE_PEAKS = 1 << 7,        /* a weekday profile */
    FEATURE_SHIFT = 1 << 8,        /* peak smoothing */
    FEATURE_LOCATIONS = 1 << 9,    /* [location.*] sections */
    FEATURE_STOCK = 1 << 10,       /* some stock point holds stock (its policy is not none) */
    FEATURE_INQUIRIES = 1 << 11,   /* customers call to ask about their orders */
    FEATURE_ABANDON = 1 << 12,     /* an ordering channel loses orders */
    FEATURE_QUANTITY = 1 << 13,    /* quantity discounts */
    FEATURE_UNDELIVERED = 1 << 14, /* the perfect order's parts, and orders that can end with nothing
                                      delivered (a shortage rule other than backorder) */
    FEATURE_RETURNS = 1 << 15,     /* customer returns ([returns] share > 0) */
    FEATURE_CONTRACT = 1 << 16,    /* a service contract: [contract] targets */
    FEATURE_LOYALTY = 1 << 17,     /* a [loyalty] ladder */
    FEATURE_COMPLAINTS = 1 << 18,  /* a [complaints] section */
    FEATURE_ECHELONS = 1 << 19,    /* a location replenished by another ([location.NAME] replenished_from) */
    FEATURE_SUPPLIER = 1 << 20, /* an outside supplier modelled: capacity, disruptions or yield (models/supplier.h) */
    FEATURE_DISRUPTIONS = 1 << 21, /* ... that goes down or delivers short */
    FEATURE_STORAGE = 1 << 22,     /* a stock point with a storage_capacity */
};

struct metric_def {
    const char *name;  /* fill_rate */
    const char *label; /* "Fill rate (units from stock)" */
    enum metric_group group;
    enum metric_kind kind;
    unsigned feature;
};

extern const struct metric_def metric_defs[METRIC_COUNT];
extern const char *const metric_group_titles[GROUP_COUNT];

/* Per named product and per named tier. */
enum product_metric {
    PM_UNITS_PER_DAY,
    PM_FILL_RATE,
    PM_LINE_FILL_RATE,
    PM_CYCLE_SERVICE_LEVEL,
    PM_LOST_SALES_RATE,
    PM_SUBSTITUTION_RATE,
    PM_TIME_OUT_OF_STOCK,
    PM_MEAN_ON_HAND,
    PM_MEAN_BACKORDERS,
    PM_REVENUE,
    PM_COST_HOLDING,
    PRODUCT_METRIC_COUNT
};

enum tier_metric {
    TM_ORDERS_PER_DAY,
    TM_FILL_RATE,
    TM_ORDER_FILL_RATE,
    TM_ON_TIME_RATE,
    TM_PERFECT_ORDER_RATE,
    TM_ORDER_CYCLE_MEAN,
    TM_REVENUE,
    TM_CUSTOMERS_MEAN,
    TM_LOST_TO_FAILURES_PER_DAY,
    TIER_METRIC_COUNT
};

/* Per location and per region (with [location.*] sections). */
enum location_metric {
    LM_ORDERS_PER_DAY,
    LM_FILL_RATE,
    LM_CYCLE_SERVICE_LEVEL,
    LM_TIME_OUT_OF_STOCK,
    LM_MEAN_ON_HAND,
    LM_MEAN_BACKORDERS,
    LM_UNITS_SENT_PER_DAY,
    LM_OPEN_SHARE,
    LM_COST,
    /* echelons (FEATURE_ECHELONS): what a location gives the locations it replenishes
       (NaN at a location that replenishes none), and every location's bullwhip ratio */
    LM_DOWNSTREAM_FILL_RATE,       /* their ordered units shipped at once / units they ordered */
    LM_DOWNSTREAM_LEAD_TIME_MEAN,  /* their orders' realised lead time, placing to last unit received */
    LM_DOWNSTREAM_LEAD_TIME_P95,   /* ... its 95th percentile */
    LM_DOWNSTREAM_BACKORDERS_MEAN, /* units owed to them, time average */
    LM_BULLWHIP_RATIO,             /* variance of the units it orders per day / of the units demanded of it per day */
    LM_UNITS_ORDERED_PER_DAY,      /* units it orders per day from whoever replenishes it: the flow into it */
    LM_REPLENISHMENTS_PER_DAY,     /* the replenishment orders it places per day */
    LM_REORDER_UNDERSHOOT,         /* how far below its s its position was when ordering (NaN without an s) */
    /* the outside supplier (models/supplier.h; NaN at a location without one modelled) */
    LM_SUPPLY_AVAILABILITY,           /* share of the window its supplier was up (FEATURE_DISRUPTIONS) */
    LM_SUPPLY_YIELD_MEAN,             /* units that arrived / units of the orders that arrived */
    LM_FILL_RATE_LOST_TO_DISRUPTIONS, /* its fill rate with a supplier always up and delivering in full, less its own */
    LM_SUPPLIER_WAIT_DAYS_MEAN,       /* days from placing an order to its leaving the supplier (FEATURE_SUPPLIER) */
    /* storage capacity (FEATURE_STORAGE): 0 at a location without a capacity */
    LM_UNITS_REFUSED_PER_DAY, /* replenishment units refused at arrival, per day */
    LM_OVERFLOW_UNITS_MEAN,   /* on hand above its storage_capacity, time average */
    LOCATION_METRIC_COUNT
};

enum region_metric {
    RM_ORDERS_PER_DAY,
    RM_FILL_RATE,
    RM_FROM_HOME_RATE,
    RM_ON_TIME_RATE,
    RM_ORDER_CYCLE_MEAN,
    REGION_METRIC_COUNT
};

/* Per target of a service contract ([contract] targets, in the order given), named
 * "contract.METRIC.name" by the targeted metric: over the replication's periods. */
enum contract_metric {
    CM_PERIODS_MISSED_SHARE, /* periods that missed this target / periods */
    CM_PERIOD_MEAN,          /* mean of the periods' values (periods with a value) */
    CM_PERIOD_SD,            /* their standard deviation */
    CONTRACT_METRIC_COUNT
};

extern const struct metric_def product_metric_defs[PRODUCT_METRIC_COUNT];
extern const struct metric_def tier_metric_defs[TIER_METRIC_COUNT];
extern const struct metric_def location_metric_defs[LOCATION_METRIC_COUNT];
extern const struct metric_def region_metric_defs[REGION_METRIC_COUNT];
extern const struct metric_def contract_metric_defs[CONTRACT_METRIC_COUNT];

/* The base metric called `name`, or -1. */
int metric_find(const char *name);

/* Whether label (a report's label) is word, the whole label or the part before its
 * parenthesis, ASCII letters in either case ("fill rate" for "Fill rate (units from stock)"). */
bool metric_label_is(const char *label, const char *word);

/* The base metric whose report label is word (metric_label_is), in the user's language or
 * in English (a student working in Chinese may copy an English report), or -1: "--maximise
 * profit" or "--service profit" names profit_per_day by its label. */
int metric_find_label(const char *word);

/* The features cfg uses. */
unsigned metric_features(const struct model_config *cfg);

/* The layout of one replication's results for cfg: the METRIC_COUNT base metrics,
 * then PRODUCT_METRIC_COUNT per named product, TIER_METRIC_COUNT per named tier,
 * LOCATION_METRIC_COUNT per location, REGION_METRIC_COUNT per region and
 * CONTRACT_METRIC_COUNT per contract target. */
size_t metric_count(const struct model_config *cfg);
size_t metric_product_base(const struct model_config *cfg, size_t product);
size_t metric_tier_base(const struct model_config *cfg, size_t tier);
size_t metric_location_base(const struct model_config *cfg, size_t location);
size_t metric_region_base(const struct model_config *cfg, size_t region);
size_t metric_contract_base(const struct model_config *cfg, size_t target);

/* Definition and full name of metric i of cfg's layout. */
const struct metric_def *metric_def_at(const struct model_config *cfg, size_t i);
void metric_name_at(const struct model_config *cfg, size_t i, char *buf, size_t n);

/* Is metric i of cfg's layout reported (its feature is in use)? */
bool metric_shown(const struct model_config *cfg, size_t i);

/* The index in cfg's layout of the metric with this full name, or -1. */
long metric_lookup(const struct model_config *cfg, const char *name);

#endif
