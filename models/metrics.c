/* metrics.c - the metric tables and the layout of results. Order matters: reports and
 * CSV files list metrics in this order, and golden outputs depend on it. */
#include "metrics.h"
#include "policy.h"
#include "supplier.h"

#include "lang/lang.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The tables keep one entry a line, as written. */
/* clang-format off */
const char *const metric_group_titles[GROUP_COUNT] = {
    [GROUP_SERVICE] = N_("Service"),
    [GROUP_ORDER_CYCLE] = N_("Order cycle"),
    [GROUP_INVENTORY] = N_("Inventory"),
    [GROUP_DEMAND] = N_("Demand"),
    [GROUP_CUSTOMERS] = N_("Customers"),
    [GROUP_MONEY] = N_("Cost and profit (per day)"),
};

#define S GROUP_SERVICE
#define O GROUP_ORDER_CYCLE
#define I GROUP_INVENTORY
#define D GROUP_DEMAND
#define C GROUP_CUSTOMERS
#define M GROUP_MONEY

const struct metric_def metric_defs[METRIC_COUNT] = {
    [M_FILL_RATE] = {"fill_rate", N_("Fill rate (units from stock)"), S, KIND_RATE, 0},
    [M_ORDER_FILL_RATE] = {"order_fill_rate", N_("Orders filled complete from stock"), S, KIND_RATE, 0},
    [M_STOCKOUT_RATE] = {"stockout_rate", N_("Orders that met a stockout"), S, KIND_RATE, 0},
    [M_CYCLE_SERVICE_LEVEL] = {"cycle_service_level", N_("Cycle service level"), S, KIND_RATE, 0},
    [M_LOST_SALES_RATE] = {"lost_sales_rate", N_("Units lost"), S, KIND_RATE, 0},
    [M_ON_TIME_RATE] = {"on_time_rate", N_("Orders delivered on time"), S, KIND_RATE, 0},
    [M_PERFECT_ORDER_RATE] = {"perfect_order_rate", N_("Perfect orders"), S, KIND_RATE, 0},
    [M_LINE_FILL_RATE] = {"line_fill_rate", N_("Order lines filled complete"), S, KIND_RATE, FEATURE_LINES},
    /* the on-time part of perfect_order_product: over the orders that ended, an order never
       delivered counting as late (on_time_rate counts delivered orders only) */
    [M_ON_TIME_ALL_ORDERS_RATE] = {"on_time_of_all_orders_rate", N_("  on time, undelivered count as late"), S,
                                   KIND_RATE, FEATURE_UNDELIVERED},
    [M_IN_FULL_RATE] = {"in_full_rate", N_("  in full"), S, KIND_RATE, FEATURE_QUALITY},
    [M_DAMAGE_FREE_RATE] = {"damage_free_rate", N_("  undamaged"), S, KIND_RATE, FEATURE_QUALITY},
    [M_ACCURATE_RATE] = {"accurate_rate", N_("  right goods and documents"), S, KIND_RATE, FEATURE_QUALITY},
    [M_PERFECT_ORDER_PRODUCT] = {"perfect_order_product", N_("  product of the four parts"), S, KIND_RATE,
                                 FEATURE_QUALITY},
    [M_OTIF_RATE] = {"otif_rate", N_("On time in full (OTIF)"), S, KIND_RATE, FEATURE_QUALITY},
    [M_SUBSTITUTION_RATE] = {"substitution_rate", N_("Units met by a substitute"), S, KIND_RATE, FEATURE_REACTIONS},
    [M_REACT_ELSEWHERE] = {"reaction_elsewhere", N_("Short lines: bought elsewhere"), S, KIND_RATE, FEATURE_REACTIONS},
    [M_REACT_SUBSTITUTE] = {"reaction_substitute", N_("Short lines: took a substitute"), S, KIND_RATE,
                            FEATURE_REACTIONS},
    [M_REACT_WAIT] = {"reaction_wait", N_("Short lines: waited"), S, KIND_RATE, FEATURE_REACTIONS},
    [M_REACT_CANCEL] = {"reaction_cancel", N_("Short lines: did not buy"), S, KIND_RATE, FEATURE_REACTIONS},
    [M_FILLED_ELSEWHERE_RATE] = {"filled_elsewhere_rate", N_("Units sent by another location"), S, KIND_RATE,
                                 FEATURE_LOCATIONS},
    [M_CONTRACT_PERIODS_MISSED_SHARE] = {"contract_periods_missed_share", N_("Contract periods that missed a target"),
                                         S, KIND_RATE, FEATURE_CONTRACT},
    /* the fill rate of the same replication with a supplier always up and delivering in full, less this one's */
    [M_FILL_RATE_LOST_TO_DISRUPTIONS] = {"fill_rate_lost_to_disruptions", N_("Fill rate lost to supply disruptions"),
                                         S, KIND_RATE, FEATURE_DISRUPTIONS},

    [M_ORDER_CYCLE_MEAN] = {"order_cycle_days_mean", N_("Order cycle, mean"), O, KIND_DAYS, 0},
    [M_ORDER_CYCLE_P50] = {"order_cycle_days_p50", N_("Order cycle, median"), O, KIND_DAYS, 0},
    [M_ORDER_CYCLE_P95] = {"order_cycle_days_p95", N_("Order cycle, 95th percentile"), O, KIND_DAYS, 0},
    [M_ORDER_CYCLE_P99] = {"order_cycle_days_p99", N_("Order cycle, 99th percentile"), O, KIND_DAYS, 0},
    [M_CYCLE_TRANSMISSION] = {"cycle_transmission_days", N_("  of which transmission"), O, KIND_DAYS, 0},
    [M_CYCLE_PROCESSING] = {"cycle_processing_days", N_("  of which processing (with queue)"), O, KIND_DAYS, 0},
    [M_CYCLE_STOCK_WAIT] = {"cycle_stock_wait_days", N_("  of which waiting for stock"), O, KIND_DAYS, 0},
    [M_CYCLE_PICKING] = {"cycle_picking_days", N_("  of which picking (with queue)"), O, KIND_DAYS, 0},
    [M_CYCLE_DELIVERY] = {"cycle_delivery_days", N_("  of which delivery"), O, KIND_DAYS, 0},
    [M_PROCESSING_UTILISATION] = {"processing_utilisation", N_("Order processing clerks busy"), O, KIND_SHARE, 0},
    [M_PICKING_UTILISATION] = {"picking_utilisation", N_("Pickers busy"), O, KIND_SHARE, 0},
    [M_INQUIRIES_PER_DAY] = {"inquiries_per_day", N_("Calls asking where an order is"), O, KIND_PER_DAY,
                                    FEATURE_INQUIRIES},
    [M_INQUIRY_UTILISATION] = {"inquiry_utilisation", N_("Clerks busy answering those calls"), O, KIND_SHARE,
                               FEATURE_INQUIRIES},
    [M_EXPEDITED_RATE] = {"expedited_rate", N_("Orders sent by express"), O, KIND_RATE, FEATURE_EXPEDITE},
    [M_ORDER_CYCLE_PEAK_MEAN] = {"order_cycle_days_peak_mean", N_("Order cycle, orders placed on peak days"), O,
                                 KIND_DAYS, FEATURE_PEAKS},
    [M_SHIFTED_RATE] = {"shifted_rate", N_("Orders moved off the peak"), O, KIND_RATE, FEATURE_SHIFT},
    [M_REROUTED_RATE] = {"rerouted_rate", N_("Orders rerouted (home closed)"), O, KIND_RATE,
                         FEATURE_LOCATIONS},
    [M_SHIPPED_DIRECT_RATE] = {"shipped_direct_rate", N_("Orders shipped direct from elsewhere"), O, KIND_RATE,
                               FEATURE_LOCATIONS},

    [M_MEAN_ON_HAND] = {"mean_on_hand", N_("On hand, mean"), I, KIND_UNITS, 0},
    [M_MEAN_BACKORDERS] = {"mean_backorders", N_("Backordered, mean"), I, KIND_UNITS, 0},
    [M_MEAN_ON_ORDER] = {"mean_on_order", N_("On order, mean"), I, KIND_UNITS, 0},
    [M_TIME_OUT_OF_STOCK] = {"time_out_of_stock", N_("Time with nothing on hand"), I, KIND_RATE, 0},
    [M_REPLENISHMENTS_PER_DAY] = {"replenishments_per_day", N_("Replenishment orders"), I, KIND_PER_DAY, 0},
    [M_REORDER_UNDERSHOOT] = {"reorder_undershoot_units", N_("Position below s when ordering"), I, KIND_UNITS, 0},
    [M_SUPPLY_AVAILABILITY] = {"supply_availability", N_("Supplier up (supply availability)"), I, KIND_RATE,
                               FEATURE_DISRUPTIONS},
    [M_SUPPLY_YIELD_MEAN] = {"supply_yield_mean", N_("Units ordered that arrived (yield)"), I, KIND_RATE,
                             FEATURE_DISRUPTIONS},
    [M_SUPPLIER_WAIT_DAYS_MEAN] = {"supplier_wait_days_mean", N_("Days an order spends at the supplier"), I, KIND_DAYS,
                                   FEATURE_SUPPLIER},
    [M_LOCATIONS_OPEN_MEAN] = {"locations_open_mean", N_("Locations open, mean"), I, KIND_COUNT_LEVEL,
                               FEATURE_LOCATIONS},
    [M_TRANSSHIPMENTS_PER_DAY] = {"transshipments_per_day", N_("Transshipments between locations"), I, KIND_PER_DAY,
                                  FEATURE_LOCATIONS},
    [M_UNITS_TRANSSHIPPED_PER_DAY] = {"units_transshipped_per_day", N_("Units transshipped"), I, KIND_PER_DAY,
                                      FEATURE_LOCATIONS},
    [M_UNITS_RETURNED_PER_DAY] = {"units_returned_per_day", N_("Units customers sent back"), I, KIND_PER_DAY,
                                  FEATURE_RETURNS},
    [M_UNITS_RESTOCKED_PER_DAY] = {"units_restocked_per_day", N_("  of which back on the shelf"), I, KIND_PER_DAY,
                                   FEATURE_RETURNS},
    [M_UNITS_REFUSED_PER_DAY] = {"units_refused_per_day", N_("Units refused at arrival (no room)"), I, KIND_PER_DAY,
                                 FEATURE_STORAGE},
    [M_OVERFLOW_UNITS_MEAN] = {"overflow_units_mean", N_("Units above storage capacity, mean"), I, KIND_UNITS,
                               FEATURE_STORAGE},

    [M_ORDERS_PER_DAY] = {"orders_per_day", N_("Customer orders"), D, KIND_PER_DAY, 0},
    [M_UNITS_PER_DAY] = {"units_per_day", N_("Units ordered"), D, KIND_PER_DAY, 0},
    [M_ABANDONED_RATE] = {"abandoned_rate", N_("Orders given up while ordering"), D, KIND_RATE, FEATURE_ABANDON},
    [M_QUANTITY_DISCOUNT_RATE] = {"quantity_discount_rate", N_("Orders placed with a quantity discount"), D, KIND_RATE,
                                  FEATURE_QUANTITY},

    [M_CUSTOMERS_MEAN] = {"customers_mean", N_("Active customers, mean"), C, KIND_COUNT_LEVEL, FEATURE_CUSTOMERS},
    [M_CUSTOMERS_END] = {"customers_end", N_("Active customers at the end"), C, KIND_COUNT_LEVEL, FEATURE_CUSTOMERS},
    [M_NEW_CUSTOMERS_PER_DAY] = {"new_customers_per_day", N_("New customers"), C, KIND_PER_DAY, FEATURE_CUSTOMERS},
    [M_LOST_TO_FAILURES_PER_DAY] = {"lost_to_failures_per_day", N_("Customers lost to poor service"), C, KIND_PER_DAY,
                                    FEATURE_CUSTOMERS},
    [M_LOST_TO_CHURN_PER_DAY] = {"lost_to_churn_per_day", N_("Customers lost for other reasons"), C, KIND_PER_DAY,
                                 FEATURE_CUSTOMERS},
    [M_CUSTOMER_LIFETIME_VALUE] = {"customer_lifetime_value", N_("Customer lifetime value"), C, KIND_MONEY,
                                   FEATURE_CUSTOMERS},
    [M_CUSTOMERS_NEW_MEAN] = {"customers_new_mean", N_("  new customers, mean"), C, KIND_COUNT_LEVEL,
                              FEATURE_LOYALTY},
    [M_CUSTOMERS_SATISFIED_MEAN] = {"customers_satisfied_mean", N_("  satisfied customers, mean"), C,
                                    KIND_COUNT_LEVEL, FEATURE_LOYALTY},
    [M_CUSTOMERS_LOYAL_MEAN] = {"customers_loyal_mean", N_("  loyal customers, mean"), C, KIND_COUNT_LEVEL,
                                FEATURE_LOYALTY},
    [M_SATISFIED_SHARE] = {"satisfied_share", N_("Customers satisfied or loyal"), C, KIND_RATE, FEATURE_LOYALTY},
    [M_ABOVE_EXPECTATION_RATE] = {"above_expectation_rate", N_("Orders better than expected"), C, KIND_RATE,
                                  FEATURE_LOYALTY},
    [M_BELOW_EXPECTATION_RATE] = {"below_expectation_rate", N_("Orders worse than expected"), C, KIND_RATE,
                                  FEATURE_LOYALTY},
    [M_REVENUE_NEW] = {"revenue_new_per_day", N_("Revenue from new customers"), C, KIND_MONEY_PER_DAY,
                       FEATURE_LOYALTY},
    [M_REVENUE_SATISFIED] = {"revenue_satisfied_per_day", N_("Revenue from satisfied customers"), C,
                             KIND_MONEY_PER_DAY, FEATURE_LOYALTY},
    [M_REVENUE_LOYAL] = {"revenue_loyal_per_day", N_("Revenue from loyal customers"), C, KIND_MONEY_PER_DAY,
                         FEATURE_LOYALTY},
    [M_COMPLAINTS_PER_DAY] = {"complaints_per_day", N_("Complaints"), C, KIND_PER_DAY, FEATURE_COMPLAINTS},
    [M_COMPLAINTS_HANDLED_RATE] = {"complaints_handled_rate", N_("  handled"), C, KIND_RATE, FEATURE_COMPLAINTS},
    [M_COMPLAINTS_RECOVERED_RATE] = {"complaints_recovered_rate", N_("  won back, of those handled"), C,
                                     KIND_RATE, FEATURE_COMPLAINTS},
    [M_CUSTOMERS_RECOVERED_PER_DAY] = {"customers_recovered_per_day", N_("Customers won back"), C, KIND_PER_DAY,
                                       FEATURE_COMPLAINTS},
    [M_COST_KEEPING_PER_CUSTOMER] = {"cost_keeping_per_customer", N_("Cost of keeping a customer"),
                                     C, KIND_MONEY, FEATURE_COMPLAINTS},
    [M_WIN_TO_KEEP_RATIO] = {"win_to_keep_ratio", N_("Cost to win / cost to keep a customer"), C,
                             KIND_MONEY, FEATURE_COMPLAINTS},

    [M_COST_HOLDING] = {"cost_holding_per_day", N_("Holding cost"), M, KIND_MONEY_PER_DAY, 0},
    [M_COST_OVERFLOW] = {"cost_overflow_per_day", N_("Storage overflow cost"), M, KIND_MONEY_PER_DAY,
                         FEATURE_STORAGE},
    [M_COST_ORDERING] = {"cost_ordering_per_day", N_("Ordering cost (fixed + purchases)"), M, KIND_MONEY_PER_DAY, 0},
    [M_COST_PURCHASE] = {"cost_purchase_per_day", N_("  of which purchases (units bought)"), M, KIND_MONEY_PER_DAY, 0},
    [M_COST_STAFF] = {"cost_staff_per_day", N_("Staff cost (clerks and pickers)"), M, KIND_MONEY_PER_DAY, 0},
    [M_COST_SHORTAGE] = {"cost_shortage_per_day", N_("Shortage cost (backorder + lost sale)"), M, KIND_MONEY_PER_DAY, 0},
    [M_COST_ERRORS] = {"cost_errors_per_day", N_("Wrong and damaged orders"), M, KIND_MONEY_PER_DAY, FEATURE_QUALITY},
    [M_COST_EXPEDITE] = {"cost_expedite_per_day", N_("Express deliveries"), M, KIND_MONEY_PER_DAY, FEATURE_EXPEDITE},
    [M_COST_CHANNELS] = {"cost_channels_per_day", N_("Order channels"), M, KIND_MONEY_PER_DAY, FEATURE_CHANNELS},
    [M_COST_ACQUISITION] = {"cost_acquisition_per_day", N_("Winning new customers"), M, KIND_MONEY_PER_DAY,
                            FEATURE_CUSTOMERS},
    [M_COST_COMPLAINTS] = {"cost_complaints_per_day", N_("Complaints desk (recovery budget)"), M, KIND_MONEY_PER_DAY,
                           FEATURE_COMPLAINTS},
    [M_COST_TRANSFERS] = {"cost_transfers_per_day", N_("Transshipments and direct shipments"), M, KIND_MONEY_PER_DAY,
                          FEATURE_LOCATIONS},
    [M_COST_LOCATIONS] = {"cost_locations_per_day", N_("Keeping locations open"), M, KIND_MONEY_PER_DAY,
                          FEATURE_LOCATIONS},
    [M_COST_RETURNS] = {"cost_returns_per_day", N_("Returns shipped back and handled"), M,
                        KIND_MONEY_PER_DAY, FEATURE_RETURNS},
    [M_CONTRACT_PENALTY] = {"contract_penalty_per_day", N_("Contract penalties"), M, KIND_MONEY_PER_DAY,
                            FEATURE_CONTRACT},
    [M_COST_TOTAL] = {"cost_total_per_day", N_("Total cost"), M, KIND_MONEY_PER_DAY, 0},
    [M_REVENUE] = {"revenue_per_day", N_("Revenue"), M, KIND_MONEY_PER_DAY, 0},
    [M_REVENUE_LOST_LATE] = {"revenue_lost_late_per_day", N_("  price given up for late delivery"), M,
                             KIND_MONEY_PER_DAY, FEATURE_LATE_PRICE},
    [M_DISCOUNTS] = {"discounts_per_day", N_("  discounts for off-peak orders"), M, KIND_MONEY_PER_DAY, FEATURE_SHIFT},
    [M_QUANTITY_DISCOUNTS] = {"quantity_discounts_per_day", N_("  discounts for larger orders"), M, KIND_MONEY_PER_DAY,
                              FEATURE_QUANTITY},
    [M_REFUNDS] = {"refunds_per_day", N_("  refunds, already taken off revenue"), M, KIND_MONEY_PER_DAY, FEATURE_RETURNS},
    [M_STOCK_VALUE_CHANGE] = {"stock_value_change_per_day", N_("Increase in stock value"), M, KIND_MONEY_PER_DAY,
                              FEATURE_STOCK},
    [M_PROFIT] = {"profit_per_day", N_("Profit"), M, KIND_MONEY_PER_DAY, 0},
};

const struct metric_def product_metric_defs[PRODUCT_METRIC_COUNT] = {
    [PM_UNITS_PER_DAY] = {"units_per_day", N_("units ordered"), D, KIND_PER_DAY, 0},
    [PM_FILL_RATE] = {"fill_rate", N_("fill rate"), S, KIND_RATE, 0},
    [PM_LINE_FILL_RATE] = {"line_fill_rate", N_("lines filled complete"), S, KIND_RATE, 0},
    [PM_CYCLE_SERVICE_LEVEL] = {"cycle_service_level", N_("cycle service level"), S, KIND_RATE, 0},
    [PM_LOST_SALES_RATE] = {"lost_sales_rate", N_("units lost"), S, KIND_RATE, 0},
    [PM_SUBSTITUTION_RATE] = {"substitution_rate", N_("units met by a substitute"), S, KIND_RATE, 0},
    [PM_TIME_OUT_OF_STOCK] = {"time_out_of_stock", N_("time out of stock"), I, KIND_RATE, 0},
    [PM_MEAN_ON_HAND] = {"mean_on_hand", N_("on hand"), I, KIND_UNITS, 0},
    [PM_MEAN_BACKORDERS] = {"mean_backorders", N_("backordered"), I, KIND_UNITS, 0},
    [PM_REVENUE] = {"revenue_per_day", N_("revenue per day"), M, KIND_MONEY_PER_DAY, 0},
    [PM_COST_HOLDING] = {"cost_holding_per_day", N_("holding cost per day"), M, KIND_MONEY_PER_DAY, 0},
};

const struct metric_def tier_metric_defs[TIER_METRIC_COUNT] = {
    [TM_ORDERS_PER_DAY] = {"orders_per_day", N_("orders per day"), D, KIND_PER_DAY, 0},
    [TM_FILL_RATE] = {"fill_rate", N_("fill rate"), S, KIND_RATE, 0},
    [TM_ORDER_FILL_RATE] = {"order_fill_rate", N_("orders complete"), S, KIND_RATE, 0},
    [TM_ON_TIME_RATE] = {"on_time_rate", N_("on time"), S, KIND_RATE, 0},
    [TM_PERFECT_ORDER_RATE] = {"perfect_order_rate", N_("perfect orders"), S, KIND_RATE, 0},
    [TM_ORDER_CYCLE_MEAN] = {"order_cycle_days_mean", N_("order cycle"), O, KIND_DAYS, 0},
    [TM_REVENUE] = {"revenue_per_day", N_("revenue per day"), M, KIND_MONEY_PER_DAY, 0},
    [TM_CUSTOMERS_MEAN] = {"customers_mean", N_("customers"), C, KIND_COUNT_LEVEL, FEATURE_CUSTOMERS},
    [TM_LOST_TO_FAILURES_PER_DAY] = {"lost_to_failures_per_day", N_("lost to poor service per day"), C, KIND_PER_DAY,
                                     FEATURE_CUSTOMERS},
};

const struct metric_def location_metric_defs[LOCATION_METRIC_COUNT] = {
    [LM_ORDERS_PER_DAY] = {"orders_per_day", N_("orders served per day"), D, KIND_PER_DAY, 0},
    [LM_FILL_RATE] = {"fill_rate", N_("fill rate from its own stock"), S, KIND_RATE, 0},
    [LM_CYCLE_SERVICE_LEVEL] = {"cycle_service_level", N_("cycle service level"), S, KIND_RATE, 0},
    [LM_TIME_OUT_OF_STOCK] = {"time_out_of_stock", N_("time out of stock"), I, KIND_RATE, 0},
    [LM_MEAN_ON_HAND] = {"mean_on_hand", N_("on hand"), I, KIND_UNITS, 0},
    [LM_MEAN_BACKORDERS] = {"mean_backorders", N_("backordered"), I, KIND_UNITS, 0},
    [LM_UNITS_SENT_PER_DAY] = {"units_sent_per_day", N_("units sent to other locations' orders per day"), I,
                               KIND_PER_DAY, 0},
    [LM_OPEN_SHARE] = {"open_share", N_("time open"), I, KIND_RATE, 0},
    [LM_COST] = {"cost_per_day", N_("holding, ordering and keeping open per day"), M, KIND_MONEY_PER_DAY, 0},
    [LM_DOWNSTREAM_FILL_RATE] = {"downstream_fill_rate", N_("fill rate to the locations it replenishes"), S,
                                 KIND_RATE, FEATURE_ECHELONS},
    [LM_DOWNSTREAM_LEAD_TIME_MEAN] = {"downstream_lead_time_mean", N_("their replenishment lead time"), O, KIND_DAYS,
                                      FEATURE_ECHELONS},
    [LM_DOWNSTREAM_LEAD_TIME_P95] = {"downstream_lead_time_p95", N_("their replenishment lead time, 95th percentile"),
                                     O, KIND_DAYS, FEATURE_ECHELONS},
    [LM_DOWNSTREAM_BACKORDERS_MEAN] = {"downstream_backorders_mean", N_("units owed to the locations it replenishes"),
                                       I, KIND_UNITS, FEATURE_ECHELONS},
    [LM_BULLWHIP_RATIO] = {"bullwhip_ratio", N_("bullwhip ratio (variance of orders / of demand, per day)"), D,
                           KIND_RATIO, FEATURE_ECHELONS},
    [LM_UNITS_ORDERED_PER_DAY] = {"units_ordered_per_day", N_("units it orders per day (from upstream or the outside supplier)"),
                                  I, KIND_PER_DAY, FEATURE_ECHELONS},
    [LM_REPLENISHMENTS_PER_DAY] = {"replenishments_per_day", N_("replenishment orders it places per day"), I,
                                   KIND_PER_DAY, FEATURE_ECHELONS},
    [LM_REORDER_UNDERSHOOT] = {"reorder_undershoot_units", N_("its position below s when ordering"), I, KIND_UNITS,
                               FEATURE_ECHELONS},
    [LM_SUPPLY_AVAILABILITY] = {"supply_availability", N_("time its supplier was up"), I, KIND_RATE, FEATURE_DISRUPTIONS},
    [LM_SUPPLY_YIELD_MEAN] = {"supply_yield_mean", N_("units ordered that arrived"), I, KIND_RATE, FEATURE_DISRUPTIONS},
    [LM_FILL_RATE_LOST_TO_DISRUPTIONS] = {"fill_rate_lost_to_disruptions", N_("fill rate lost to supply disruptions"),
                                          S, KIND_RATE, FEATURE_DISRUPTIONS},
    [LM_SUPPLIER_WAIT_DAYS_MEAN] = {"supplier_wait_days_mean", N_("days an order spends at its supplier"), O, KIND_DAYS,
                                    FEATURE_SUPPLIER},
    [LM_UNITS_REFUSED_PER_DAY] = {"units_refused_per_day", N_("units refused at arrival (no room) per day"), I,
                                  KIND_PER_DAY, FEATURE_STORAGE},
    [LM_OVERFLOW_UNITS_MEAN] = {"overflow_units_mean", N_("units above its storage capacity"), I, KIND_UNITS,
                                FEATURE_STORAGE},
};

const struct metric_def region_metric_defs[REGION_METRIC_COUNT] = {
    [RM_ORDERS_PER_DAY] = {"orders_per_day", N_("orders per day"), D, KIND_PER_DAY, 0},
    [RM_FILL_RATE] = {"fill_rate", N_("fill rate"), S, KIND_RATE, 0},
    [RM_FROM_HOME_RATE] = {"from_home_rate", N_("orders filled by the home location"), S, KIND_RATE, 0},
    [RM_ON_TIME_RATE] = {"on_time_rate", N_("on time"), S, KIND_RATE, 0},
    [RM_ORDER_CYCLE_MEAN] = {"order_cycle_days_mean", N_("order cycle"), O, KIND_DAYS, 0},
};
const struct metric_def contract_metric_defs[CONTRACT_METRIC_COUNT] = {
    [CM_PERIODS_MISSED_SHARE] = {"periods_missed_share", N_("periods below target"), S, KIND_RATE, FEATURE_CONTRACT},
    [CM_PERIOD_MEAN] = {"period_mean", N_("mean over the periods"), S, KIND_RATE, FEATURE_CONTRACT},
    [CM_PERIOD_SD] = {"period_sd", N_("spread over the periods (sd)"), S, KIND_RATE, FEATURE_CONTRACT},
};
/* clang-format on */

#undef S
#undef O
#undef I
#undef D
#undef C
#undef M

int metric_find(const char *name)
{
    for (int i = 0; i < METRIC_COUNT; i++)
        if (strcmp(metric_defs[i].name, name) == 0) return i;
    return -1;
}

bool metric_label_is(const char *label, const char *word)
{
    size_t len = strlen(word);
    if (strncasecmp(label, word, len) != 0) return false;
    return label[len] == '\0' || strncmp(label + len, "\uFF08", strlen("\uFF08")) == 0 ||
           strncmp(label + len, " (", 2) == 0;
}

int metric_find_label(const char *word)
{
    for (int i = 0; i < METRIC_COUNT; i++)
        if (*word && (metric_label_is(_(metric_defs[i].label), word) || metric_label_is(metric_defs[i].label, word)))
            return i;
    return -1;
}

unsigned metric_features(const struct model_config *c)
{
    unsigned f = 0;
    const struct demand_config *d = &c->demand;
    const struct order_cycle_config *oc = &c->order_cycle;
    if (c->nproducts > 1 || (dist_mean(&d->lines_per_order) > 1 && c->nproducts > 0)) f |= FEATURE_LINES;
    if (c->inventory.shortage == SHORTAGE_REACT) f |= FEATURE_REACTIONS;
    for (size_t p = 0; p < c->nproducts; p++)
        if (c->products[p].inventory.shortage == SHORTAGE_REACT) f |= FEATURE_REACTIONS;
    bool entry_errors = false;
    for (size_t ch = 0; ch < c->nchannels; ch++) entry_errors |= c->channels[ch].entry_error_rate > 0;
    if (oc->picking_error_rate > 0 || oc->damage_rate > 0 || entry_errors) f |= FEATURE_QUALITY;
    bool undelivered = c->inventory.shortage != SHORTAGE_BACKORDER;
    for (size_t p = 0; p < c->nproducts; p++) undelivered |= c->products[p].inventory.shortage != SHORTAGE_BACKORDER;
    for (size_t l = 0; l < c->nlocations; l++) undelivered |= c->locations[l].inventory.shortage != SHORTAGE_BACKORDER;
    if ((f & FEATURE_QUALITY) && undelivered) f |= FEATURE_UNDELIVERED;
    bool tier_express = false;
    for (size_t t = 0; t < c->ntiers; t++) tier_express |= c->tiers[t].always_expedite;
    if (oc->expedite != EXPEDITE_NEVER || tier_express) f |= FEATURE_EXPEDITE;
    if (c->nchannels > 0) f |= FEATURE_CHANNELS;
    if (c->customers.on) f |= FEATURE_CUSTOMERS;
    if (c->loyalty.on) f |= FEATURE_LOYALTY;
    if (c->complaints.on) f |= FEATURE_COMPLAINTS;
    if (c->revenue.late_zero_days > 0) f |= FEATURE_LATE_PRICE;
    if (d->has_weekday) f |= FEATURE_PEAKS;
    if (d->peak_shift_share > 0) f |= FEATURE_SHIFT;
    if (c->nlocations > 0) f |= FEATURE_LOCATIONS;
    for (size_t l = 0; l < c->nlocations; l++)
        if (c->locations[l].replenished_from) f |= FEATURE_ECHELONS;
    if (oc->inquiries_per_order_day > 0) f |= FEATURE_INQUIRIES;
    for (size_t ch = 0; ch < c->nchannels; ch++)
        if (c->channels[ch].abandon_rate > 0) f |= FEATURE_ABANDON;
    if (d->quantity_discount_share > 0) f |= FEATURE_QUANTITY;
    if (returns_in_use(c)) f |= FEATURE_RETURNS;
    bool stock = c->inventory.policy->holds_stock;
    for (size_t p = 0; p < c->nproducts; p++) stock |= c->products[p].inventory.policy->holds_stock;
    for (size_t l = 0; l < c->nlocations; l++) stock |= c->locations[l].inventory.policy->holds_stock;
    if (stock) f |= FEATURE_STOCK;
    bool storage = c->inventory.storage_capacity > 0;
    for (size_t p = 0; p < c->nproducts; p++) storage |= c->products[p].inventory.storage_capacity > 0;
    for (size_t l = 0; l < c->nlocations; l++) storage |= c->locations[l].inventory.storage_capacity > 0;
    if (storage) f |= FEATURE_STORAGE;
    if (c->contract.ntargets > 0) f |= FEATURE_CONTRACT;
    if (supplier_in_use(c)) f |= FEATURE_SUPPLIER;
    if (supplier_disruptions_in_use(c)) f |= FEATURE_DISRUPTIONS;
    return f;
}

size_t metric_product_base(const struct model_config *c, size_t product)
{
    (void)c; /* products come first; the parameter keeps the layout calls alike */
    return METRIC_COUNT + product * PRODUCT_METRIC_COUNT;
}

size_t metric_tier_base(const struct model_config *c, size_t tier)
{
    return METRIC_COUNT + c->nproducts * PRODUCT_METRIC_COUNT + tier * TIER_METRIC_COUNT;
}

size_t metric_location_base(const struct model_config *c, size_t location)
{
    return metric_tier_base(c, c->ntiers) + location * LOCATION_METRIC_COUNT;
}

size_t metric_region_base(const struct model_config *c, size_t region)
{
    return metric_location_base(c, c->nlocations) + region * REGION_METRIC_COUNT;
}

size_t metric_contract_base(const struct model_config *c, size_t target)
{
    return metric_region_base(c, c->nregions) + target * CONTRACT_METRIC_COUNT;
}

size_t metric_count(const struct model_config *c)
{
    return metric_contract_base(c, c->contract.ntargets);
}

const struct metric_def *metric_def_at(const struct model_config *c, size_t i)
{
    if (i < METRIC_COUNT) return &metric_defs[i];
    i -= METRIC_COUNT;
    if (i < c->nproducts * PRODUCT_METRIC_COUNT) return &product_metric_defs[i % PRODUCT_METRIC_COUNT];
    i -= c->nproducts * PRODUCT_METRIC_COUNT;
    if (i < c->ntiers * TIER_METRIC_COUNT) return &tier_metric_defs[i % TIER_METRIC_COUNT];
    i -= c->ntiers * TIER_METRIC_COUNT;
    if (i < c->nlocations * LOCATION_METRIC_COUNT) return &location_metric_defs[i % LOCATION_METRIC_COUNT];
    i -= c->nlocations * LOCATION_METRIC_COUNT;
    if (i < c->nregions * REGION_METRIC_COUNT) return &region_metric_defs[i % REGION_METRIC_COUNT];
    i -= c->nregions * REGION_METRIC_COUNT;
    return &contract_metric_defs[i % CONTRACT_METRIC_COUNT];
}

void metric_name_at(const struct model_config *c, size_t i, char *buf, size_t n)
{
    const struct metric_def *d = metric_def_at(c, i);
    if (i < METRIC_COUNT) {
        snprintf(buf, n, "%s", d->name);
        return;
    }
    i -= METRIC_COUNT;
    if (i < c->nproducts * PRODUCT_METRIC_COUNT) {
        snprintf(buf, n, "product.%s.%s", c->products[i / PRODUCT_METRIC_COUNT].name, d->name);
        return;
    }
    i -= c->nproducts * PRODUCT_METRIC_COUNT;
    if (i < c->ntiers * TIER_METRIC_COUNT) {
        snprintf(buf, n, "tier.%s.%s", c->tiers[i / TIER_METRIC_COUNT].name, d->name);
        return;
    }
    i -= c->ntiers * TIER_METRIC_COUNT;
    if (i < c->nlocations * LOCATION_METRIC_COUNT) {
        snprintf(buf, n, "location.%s.%s", c->locations[i / LOCATION_METRIC_COUNT].name, d->name);
        return;
    }
    i -= c->nlocations * LOCATION_METRIC_COUNT;
    if (i < c->nregions * REGION_METRIC_COUNT) {
        snprintf(buf, n, "region.%s.%s", c->regions[i / REGION_METRIC_COUNT].name, d->name);
        return;
    }
    i -= c->nregions * REGION_METRIC_COUNT;
    snprintf(buf, n, "contract.%s.%s", metric_defs[c->contract.targets[i / CONTRACT_METRIC_COUNT].metric].name,
             d->name);
}

bool metric_shown(const struct model_config *c, size_t i)
{
    unsigned f = metric_def_at(c, i)->feature;
    return f == FEATURE_CORE || (metric_features(c) & f) != 0;
}

long metric_lookup(const struct model_config *c, const char *name)
{
    char buf[160];
    size_t n = metric_count(c);
    for (size_t i = 0; i < n; i++) {
        metric_name_at(c, i, buf, sizeof buf);
        if (strcmp(buf, name) == 0) return (long)i;
    }
    return -1;
}
