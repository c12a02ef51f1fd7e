/* metrics.c - the metric table. Order matters: reports and CSV files list metrics in
 * this order, and golden outputs depend on it. Add new metrics at the end of a group. */
#include "metrics.h"

#include <string.h>

const char *const metric_group_titles[GROUP_COUNT] = {
    [GROUP_SERVICE] = "Service",
    [GROUP_ORDER_CYCLE] = "Order cycle",
    [GROUP_INVENTORY] = "Inventory",
    [GROUP_DEMAND] = "Demand",
    [GROUP_MONEY] = "Cost and profit (per day)",
};

const struct metric_def metric_defs[METRIC_COUNT] = {
    [M_FILL_RATE] = {"fill_rate", "Fill rate (units from stock)", GROUP_SERVICE, KIND_RATE},
    [M_ORDER_FILL_RATE] = {"order_fill_rate", "Orders filled complete from stock", GROUP_SERVICE, KIND_RATE},
    [M_STOCKOUT_RATE] = {"stockout_rate", "Orders that met a stockout", GROUP_SERVICE, KIND_RATE},
    [M_CYCLE_SERVICE_LEVEL] = {"cycle_service_level", "Cycle service level", GROUP_SERVICE, KIND_RATE},
    [M_LOST_SALES_RATE] = {"lost_sales_rate", "Units lost", GROUP_SERVICE, KIND_RATE},
    [M_ON_TIME_RATE] = {"on_time_rate", "Orders delivered on time", GROUP_SERVICE, KIND_RATE},
    [M_PERFECT_ORDER_RATE] = {"perfect_order_rate", "Perfect orders", GROUP_SERVICE, KIND_RATE},

    [M_ORDER_CYCLE_MEAN] = {"order_cycle_days_mean", "Order cycle, mean", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_ORDER_CYCLE_P50] = {"order_cycle_days_p50", "Order cycle, median", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_ORDER_CYCLE_P95] = {"order_cycle_days_p95", "Order cycle, 95th percentile", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_ORDER_CYCLE_P99] = {"order_cycle_days_p99", "Order cycle, 99th percentile", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_CYCLE_TRANSMISSION] = {"cycle_transmission_days", "  of which transmission", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_CYCLE_PROCESSING] = {"cycle_processing_days", "  of which processing (with queue)", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_CYCLE_STOCK_WAIT] = {"cycle_stock_wait_days", "  of which waiting for stock", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_CYCLE_PICKING] = {"cycle_picking_days", "  of which picking (with queue)", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_CYCLE_DELIVERY] = {"cycle_delivery_days", "  of which delivery", GROUP_ORDER_CYCLE, KIND_DAYS},
    [M_PROCESSING_UTILISATION] = {"processing_utilisation", "Order processing clerks busy", GROUP_ORDER_CYCLE, KIND_SHARE},
    [M_PICKING_UTILISATION] = {"picking_utilisation", "Pickers busy", GROUP_ORDER_CYCLE, KIND_SHARE},

    [M_MEAN_ON_HAND] = {"mean_on_hand", "On hand, mean", GROUP_INVENTORY, KIND_UNITS},
    [M_MEAN_BACKORDERS] = {"mean_backorders", "Backordered, mean", GROUP_INVENTORY, KIND_UNITS},
    [M_MEAN_ON_ORDER] = {"mean_on_order", "On order, mean", GROUP_INVENTORY, KIND_UNITS},
    [M_TIME_OUT_OF_STOCK] = {"time_out_of_stock", "Time with nothing on hand", GROUP_INVENTORY, KIND_RATE},
    [M_REPLENISHMENTS_PER_DAY] = {"replenishments_per_day", "Replenishment orders", GROUP_INVENTORY, KIND_PER_DAY},
    [M_REORDER_UNDERSHOOT] = {"reorder_undershoot_units", "Position below s when ordering", GROUP_INVENTORY, KIND_UNITS},

    [M_ORDERS_PER_DAY] = {"orders_per_day", "Customer orders", GROUP_DEMAND, KIND_PER_DAY},
    [M_UNITS_PER_DAY] = {"units_per_day", "Units ordered", GROUP_DEMAND, KIND_PER_DAY},

    [M_COST_HOLDING] = {"cost_holding_per_day", "Holding cost", GROUP_MONEY, KIND_MONEY_PER_DAY},
    [M_COST_ORDERING] = {"cost_ordering_per_day", "Ordering cost (fixed + per unit)", GROUP_MONEY, KIND_MONEY_PER_DAY},
    [M_COST_PURCHASE] = {"cost_purchase_per_day", "  of which purchases (per unit)", GROUP_MONEY, KIND_MONEY_PER_DAY},
    [M_COST_STAFF] = {"cost_staff_per_day", "Staff cost (clerks and pickers)", GROUP_MONEY, KIND_MONEY_PER_DAY},
    [M_COST_SHORTAGE] = {"cost_shortage_per_day", "Shortage cost (backorder + lost sale)", GROUP_MONEY, KIND_MONEY_PER_DAY},
    [M_COST_TOTAL] = {"cost_total_per_day", "Total cost", GROUP_MONEY, KIND_MONEY_PER_DAY},
    [M_REVENUE] = {"revenue_per_day", "Revenue", GROUP_MONEY, KIND_MONEY_PER_DAY},
    [M_PROFIT] = {"profit_per_day", "Profit", GROUP_MONEY, KIND_MONEY_PER_DAY},
};

int metric_find(const char *name)
{
    for (int i = 0; i < METRIC_COUNT; i++)
        if (strcmp(metric_defs[i].name, name) == 0) return i;
    return -1;
}
