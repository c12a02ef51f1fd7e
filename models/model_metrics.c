/* model_metrics.c - a replication's results, computed once at its end from the counts
 * the model kept (models/model_internal.h, struct flow, and the stock points'): the
 * metrics of models/metrics.h's table, and the bookkeeping totals of struct
 * model_totals (models/model.h). The table itself (names, order, which metrics a
 * scenario reports) is models/metrics.c's; the locations' block is network_metrics's.
 *
 * Contract: reads the model, changes nothing; a metric with nothing to count is NaN;
 * money is per day of the statistics window (horizon_days). The fast path's counts
 * must have been folded in first (fold_instant, models/model.c). */
#include "contract.h"
#include "model_internal.h"
#include "network.h"
#include "policy.h"
#include "supplier.h"

#include <math.h>

/* The metrics of product p's block into x (a product block of the layout): its stock,
 * its service, its revenue and holding cost per day. */
static void product_metrics(const struct model *m, size_t p, double end, double *x)
{
    const struct stock *s = &m->stocks[p];
    const struct stock_counts *sc = &s->counts;
    double days = m->cfg->run.horizon_days;
    x[PM_UNITS_PER_DAY] = sc->demanded / days;
    x[PM_FILL_RATE] = ratio(sc->filled_now, sc->demanded);
    x[PM_LINE_FILL_RATE] = 1 - ratio((double)sc->short_lines, (double)sc->lines);
    x[PM_CYCLE_SERVICE_LEVEL] = s->unlimited ? NAN : ratio((double)sc->cycles_ok, (double)sc->cycles);
    x[PM_LOST_SALES_RATE] = ratio(sc->lost, sc->demanded);
    x[PM_SUBSTITUTION_RATE] = ratio(sc->substituted, sc->demanded);
    x[PM_TIME_OUT_OF_STOCK] = stock_time_empty(s, end);
    x[PM_MEAN_ON_HAND] = stock_mean_on_hand(s, end);
    x[PM_MEAN_BACKORDERS] = stock_mean_backordered(s, end);
    x[PM_REVENUE] = m->products[p].price_per_unit * m->flow.units_at_list[p] / days;
    x[PM_COST_HOLDING] = m->products[p].costs.holding_per_unit_day * (s->unlimited ? 0 : x[PM_MEAN_ON_HAND]);
}

/* The unit cost of stock point p's goods (every location stocks the one product). */
static double unit_cost(const struct model *m, size_t p)
{
    return m->products[m->cfg->nlocations > 0 ? 0 : p].costs.order_per_unit;
}

static void stock_metrics(const struct model *m, double end, double *x)
{
    double days = m->cfg->run.horizon_days;
    double demanded = 0, substituted = 0, cycles = 0, cycles_ok = 0, empty = 0;
    double undershoot = 0, orders_with_s = 0;
    double on_hand = 0, backorders = 0, on_order = 0, replenishments = 0;
    double holding = 0, ordering = 0, purchase = 0, shortage = 0, value_change = 0;
    double refused = 0, overflow = 0, overflow_cost = 0;
    bool unlimited = true, located = m->cfg->nlocations > 0;
    for (size_t p = 0; p < m->nstocks; p++) {
        const struct stock *s = &m->stocks[p];
        const struct stock_counts *sc = &s->counts;
        const struct cost_config *k = &m->products[located ? 0 : p].costs;
        const struct location_config *lc = located ? &m->cfg->locations[p] : NULL;
        demanded += sc->demanded;
        substituted += sc->substituted;
        empty += stock_time_empty(s, end);
        /* purchases are costed when ordered; profit adds back the stock still owned */
        double p_purchase = unit_cost(m, p) * stock_bought(s) / days;
        purchase += p_purchase;
        ordering += p_purchase;
        value_change += unit_cost(m, p) * (stock_owned(s) - s->owned_at_restart) / days;
        if (s->unlimited) continue;
        unlimited = false;
        /* the customers' cycles, and the replenishment orders that start them: those of the
           locations customers buy from, as time_out_of_stock below; a location that only
           replenishes others has its own figures (echelon_metrics, models/echelon.c) */
        if (!located || location_faces_customers(m->cfg, p)) {
            cycles += (double)sc->cycles;
            cycles_ok += (double)sc->cycles_ok;
            replenishments += (double)sc->replenishments;
            if (s->cfg->policy->uses_reorder_point) {
                undershoot += sc->undershoot;
                orders_with_s += (double)sc->replenishments;
            }
        }
        double mean_on_hand = stock_mean_on_hand(s, end), mean_back = stock_mean_backordered(s, end);
        on_hand += mean_on_hand;
        backorders += mean_back;
        on_order += stock_mean_on_order(s, end);
        if (s->cfg->storage_capacity > 0) { /* FEATURE_STORAGE */
            double over = stock_mean_overflow(s, end);
            refused += sc->refused;
            overflow += over;
            overflow_cost += s->cfg->overflow_per_unit_day * over;
        }
        holding += (lc ? lc->holding_per_unit_day : k->holding_per_unit_day) * mean_on_hand;
        ordering += (lc ? lc->order_fixed : k->order_fixed) * (double)sc->replenishments / days;
        shortage += k->backorder_per_unit_day * mean_back +
                    (k->backorder_per_unit * sc->backordered + k->lost_sale_per_unit * sc->lost) / days;
    }
    /* fill_rate and lost_sales_rate: model_service_rate, from the same sums */
    x[M_SUBSTITUTION_RATE] = ratio(substituted, demanded);
    if (located) {
        /* empty time is of open time, at the locations customers buy from: a location
           that only replenishes others has its own figure (network_metrics) */
        double open_time = 0, facing_empty = 0;
        for (size_t l = 0; l < m->nstocks; l++) {
            if (!location_faces_customers(m->cfg, l)) continue;
            open_time += timeavg_mean(&m->open_avg[l], end);
            facing_empty += stock_time_empty(&m->stocks[l], end);
        }
        x[M_FILLED_ELSEWHERE_RATE] = ratio(m->flow.covered, demanded);
        x[M_TIME_OUT_OF_STOCK] = ratio(facing_empty, open_time);
    } else {
        x[M_TIME_OUT_OF_STOCK] = empty / (double)m->nproducts;
    }
    if (!unlimited) {
        x[M_CYCLE_SERVICE_LEVEL] = ratio(cycles_ok, cycles);
        x[M_MEAN_ON_HAND] = on_hand;
        x[M_MEAN_BACKORDERS] = backorders;
        x[M_MEAN_ON_ORDER] = on_order;
        x[M_REPLENISHMENTS_PER_DAY] = replenishments / days;
        if (orders_with_s > 0 || m->products[0].inventory.policy->uses_reorder_point)
            x[M_REORDER_UNDERSHOOT] = ratio(undershoot, orders_with_s);
    }
    x[M_COST_HOLDING] = holding;
    if (metric_features(m->cfg) & FEATURE_STORAGE) {
        x[M_UNITS_REFUSED_PER_DAY] = refused / days;
        x[M_OVERFLOW_UNITS_MEAN] = overflow;
        x[M_COST_OVERFLOW] = overflow_cost;
    }
    if (located) value_change += unit_cost(m, 0) * (m->in_transit - m->in_transit_at_restart) / days;
    x[M_COST_PURCHASE] = purchase;
    x[M_STOCK_VALUE_CHANGE] = value_change;
    x[M_COST_ORDERING] = ordering;
    x[M_COST_SHORTAGE] = shortage;
}

static void customer_metrics(const struct model *m, double end, double *x)
{
    const struct customer_base *b = &m->customers;
    double days = m->cfg->run.horizon_days;
    x[M_CUSTOMERS_MEAN] = timeavg_mean(&b->total_avg, end);
    x[M_CUSTOMERS_END] = (double)customers_total(b);
    x[M_NEW_CUSTOMERS_PER_DAY] = (double)b->counts.joined / days;
    x[M_LOST_TO_FAILURES_PER_DAY] = (double)b->counts.defected / days;
    x[M_LOST_TO_CHURN_PER_DAY] = (double)b->counts.churned / days;
    x[M_COST_ACQUISITION] = m->cfg->customers.acquisition_cost * (double)b->counts.joined / days;
    const struct loyalty_flow *lf = &m->flow.loyalty;
    if (m->cfg->loyalty.on) {
        x[M_CUSTOMERS_NEW_MEAN] = timeavg_mean(&b->stage_avg[STAGE_NEW], end);
        x[M_CUSTOMERS_SATISFIED_MEAN] = timeavg_mean(&b->stage_avg[STAGE_SATISFIED], end);
        x[M_CUSTOMERS_LOYAL_MEAN] = timeavg_mean(&b->stage_avg[STAGE_LOYAL], end);
        x[M_SATISFIED_SHARE] = ratio(x[M_CUSTOMERS_SATISFIED_MEAN] + x[M_CUSTOMERS_LOYAL_MEAN], x[M_CUSTOMERS_MEAN]);
        x[M_ABOVE_EXPECTATION_RATE] = ratio((double)lf->better, (double)lf->judged);
        x[M_BELOW_EXPECTATION_RATE] = ratio((double)lf->worse, (double)lf->judged);
        x[M_REVENUE_NEW] = lf->revenue[STAGE_NEW] / days;
        x[M_REVENUE_SATISFIED] = lf->revenue[STAGE_SATISFIED] / days;
        x[M_REVENUE_LOYAL] = lf->revenue[STAGE_LOYAL] / days;
    }
    if (m->cfg->complaints.on) {
        const struct complaint_config *k = &m->cfg->complaints;
        x[M_COMPLAINTS_PER_DAY] = (double)lf->complaints / days;
        x[M_COMPLAINTS_HANDLED_RATE] = ratio((double)lf->handled, (double)lf->complaints);
        x[M_COMPLAINTS_RECOVERED_RATE] = ratio((double)lf->recovered, (double)lf->handled);
        x[M_CUSTOMERS_RECOVERED_PER_DAY] = (double)lf->recovered / days;
        x[M_COST_COMPLAINTS] = k->budget_per_day;
        /* keeping a customer: what the desk cost for each customer it won back */
        x[M_COST_KEEPING_PER_CUSTOMER] = ratio(k->budget_per_day * days, (double)lf->recovered);
        if (m->cfg->customers.acquisition_cost > 0)
            x[M_WIN_TO_KEEP_RATIO] = ratio(m->cfg->customers.acquisition_cost, x[M_COST_KEEPING_PER_CUSTOMER]);
    }
}

void model_service_counts(const struct model *m, struct service_counts *c)
{
    const struct flow *f = &m->flow;
    *c = (struct service_counts){.allocated = f->allocated,
                                 .short_orders = f->short_orders,
                                 .lines = f->lines,
                                 .short_lines = f->short_lines,
                                 .promised = f->promised,
                                 .on_time = f->on_time,
                                 .delivered = f->delivered,
                                 .dropped = f->dropped,
                                 .perfect = f->perfect,
                                 .in_full = f->in_full,
                                 .undamaged = f->undamaged,
                                 .accurate = f->accurate,
                                 .otif = f->otif};
    for (size_t p = 0; p < m->nstocks; p++) {
        const struct stock_counts *sc = &m->stocks[p].counts;
        c->demanded += sc->demanded;
        c->filled += sc->filled_now;
        c->lost += sc->lost;
    }
    if (m->cfg->nlocations > 0) c->filled += f->covered; /* units other locations sent count as filled */
}

void service_counts_since(struct service_counts *now, const struct service_counts *then)
{
    now->demanded -= then->demanded;
    now->filled -= then->filled;
    now->lost -= then->lost;
    uint64_t *a = &now->allocated;
    const uint64_t *b = &then->allocated;
    /* the integer counts lie side by side, from allocated to otif */
    size_t n = (size_t)(&now->otif - &now->allocated) + 1;
    for (size_t i = 0; i < n; i++) a[i] -= b[i];
}

double model_service_rate(int metric, const struct service_counts *c)
{
    /* the perfect order and its parts, all over the orders that ended (delivered, or
       dropped with nothing to ship: a dropped order is neither on time nor in full) */
    double ended = (double)(c->delivered + c->dropped);
    switch (metric) {
    case M_FILL_RATE: return ratio(c->filled, c->demanded);
    case M_LOST_SALES_RATE: return ratio(c->lost, c->demanded);
    case M_STOCKOUT_RATE: return ratio((double)c->short_orders, (double)c->allocated);
    case M_ORDER_FILL_RATE: return 1 - ratio((double)c->short_orders, (double)c->allocated);
    case M_LINE_FILL_RATE: return 1 - ratio((double)c->short_lines, (double)c->lines);
    case M_ON_TIME_RATE: return ratio((double)c->on_time, (double)c->promised);
    case M_PERFECT_ORDER_RATE: return ratio((double)c->perfect, ended);
    case M_IN_FULL_RATE: return ratio((double)c->in_full, ended);
    case M_DAMAGE_FREE_RATE: return ratio((double)(c->undamaged + c->dropped), ended);
    case M_ACCURATE_RATE: return ratio((double)(c->accurate + c->dropped), ended);
    case M_OTIF_RATE: return ratio((double)c->otif, ended);
    default: return NAN;
    }
}

void model_metrics_compute(const struct model *m, double end, double *x)
{
    const struct model_config *c = m->cfg;
    const struct flow *f = &m->flow;
    const struct cost_config *k = &c->costs;
    double days = c->run.horizon_days;
    size_t total = metric_count(c);
    for (size_t i = 0; i < total; i++) x[i] = NAN;

    stock_metrics(m, end, x);
    struct service_counts counts;
    model_service_counts(m, &counts);
    for (int i = 0; i < METRIC_COUNT; i++)
        if (contract_metric_allowed(i)) x[i] = model_service_rate(i, &counts);
    /* the product's parts are all over the orders that ended, so its on-time part counts a
       dropped order as late (on_time_rate counts delivered orders only); shown on its own line
       where orders can be dropped, so that the parts a report shows multiply to the product */
    x[M_ON_TIME_ALL_ORDERS_RATE] =
        f->promised ? ratio((double)f->on_time, (double)f->promised + (double)f->dropped) : NAN;
    double on_time_part = f->promised ? x[M_ON_TIME_ALL_ORDERS_RATE] : 1; /* no promise: never late */
    x[M_PERFECT_ORDER_PRODUCT] = on_time_part * x[M_IN_FULL_RATE] * x[M_DAMAGE_FREE_RATE] * x[M_ACCURATE_RATE];
    x[M_REACT_ELSEWHERE] = ratio((double)f->reactions[REACT_ELSEWHERE], (double)f->reacted_lines);
    x[M_REACT_SUBSTITUTE] = ratio((double)f->reactions[REACT_SUBSTITUTE], (double)f->reacted_lines);
    x[M_REACT_WAIT] = ratio((double)f->reactions[REACT_WAIT], (double)f->reacted_lines);
    x[M_REACT_CANCEL] = ratio((double)f->reactions[REACT_CANCEL], (double)f->reacted_lines);

    x[M_ORDER_CYCLE_MEAN] = ratio(f->cycle_sum, (double)f->delivered);
    x[M_ORDER_CYCLE_P50] = qsketch_quantile(&m->cycle_quantiles, 0.50);
    x[M_ORDER_CYCLE_P95] = qsketch_quantile(&m->cycle_quantiles, 0.95);
    x[M_ORDER_CYCLE_P99] = qsketch_quantile(&m->cycle_quantiles, 0.99);
    double delivered = (double)f->delivered;
    x[M_CYCLE_TRANSMISSION] = ratio(f->transmission_sum, delivered);
    x[M_CYCLE_PROCESSING] = ratio(f->processing_sum, delivered);
    x[M_CYCLE_STOCK_WAIT] = ratio(f->stock_wait_sum, delivered);
    x[M_CYCLE_PICKING] = ratio(f->picking_sum, delivered);
    x[M_CYCLE_DELIVERY] = ratio(f->delivery_sum, delivered);
    x[M_PROCESSING_UTILISATION] = station_utilisation(&m->processing, end);
    x[M_PICKING_UTILISATION] = station_utilisation(&m->picking, end);
    x[M_EXPEDITED_RATE] = ratio((double)f->expedited, (double)f->delivered);
    x[M_ORDER_CYCLE_PEAK_MEAN] = ratio(f->peak_cycle_sum, (double)f->peak_delivered);
    x[M_SHIFTED_RATE] = ratio((double)f->shifted, (double)f->placed);
    x[M_INQUIRIES_PER_DAY] = (double)f->inquiries / days;
    if (c->order_cycle.processing.servers)
        x[M_INQUIRY_UTILISATION] = f->inquiry_busy / (c->order_cycle.processing.servers * days);
    x[M_ABANDONED_RATE] = ratio((double)f->abandoned, (double)(f->abandoned + f->placed));
    x[M_QUANTITY_DISCOUNT_RATE] = ratio((double)f->quantity_orders, (double)f->placed);

    x[M_ORDERS_PER_DAY] = (double)f->placed / days;
    x[M_UNITS_PER_DAY] = f->units_placed / days;
    if (c->customers.on) customer_metrics(m, end, x);

    x[M_COST_STAFF] = k->processing_per_server_day * c->order_cycle.processing.servers +
                      k->picking_per_server_day * c->order_cycle.picking.servers;
    x[M_COST_ERRORS] = f->errors_cost / days;
    x[M_COST_EXPEDITE] = f->expedite_cost / days;
    x[M_COST_CHANNELS] = f->channel_cost / days;
    x[M_COST_RETURNS] = f->returns_cost / days;
    x[M_UNITS_RETURNED_PER_DAY] = f->units_returned / days;
    x[M_UNITS_RESTOCKED_PER_DAY] = f->units_restocked / days;
    x[M_REFUNDS] = f->refunds / days;
    if (!c->customers.on) x[M_COST_ACQUISITION] = 0;
    x[M_COST_TOTAL] = x[M_COST_HOLDING] + x[M_COST_ORDERING] + x[M_COST_STAFF] + x[M_COST_SHORTAGE] + x[M_COST_ERRORS] +
                      x[M_COST_EXPEDITE] + x[M_COST_CHANNELS] + x[M_COST_ACQUISITION];
    if (m->returns) x[M_COST_TOTAL] += x[M_COST_RETURNS]; /* a term of 0 would still be bit-identical */
    if (metric_features(c) & FEATURE_STORAGE) x[M_COST_TOTAL] += x[M_COST_OVERFLOW];
    if (c->complaints.on) x[M_COST_TOTAL] += x[M_COST_COMPLAINTS];
    if (c->nlocations) {
        network_metrics(m, end, x);
        x[M_COST_TOTAL] += x[M_COST_TRANSFERS] + x[M_COST_LOCATIONS];
    }
    supplier_metrics(m, end, x);
    if (c->contract.ntargets) {
        contract_metrics(m, x);
        x[M_COST_TOTAL] += x[M_CONTRACT_PENALTY];
    }
    double revenue = 0;
    for (size_t p = 0; p < m->nproducts; p++) revenue += m->products[p].price_per_unit * f->units_at_list[p] / days;
    /* refunds come off revenue: the goods that go back on the shelf are credited at cost
       through the stock's value, so profit counts each unit once (docs/architecture.md §5) */
    x[M_REVENUE] = revenue + f->price_adjustment / days;
    if (m->returns) x[M_REVENUE] -= x[M_REFUNDS];
    x[M_REVENUE_LOST_LATE] = f->revenue_lost_late / days;
    x[M_DISCOUNTS] = f->discounts / days;
    x[M_QUANTITY_DISCOUNTS] = f->quantity_discounts / days;
    /* the cost of goods is purchases less the increase in stock value (both at unit cost) */
    x[M_PROFIT] = x[M_REVENUE] - x[M_COST_TOTAL] + x[M_STOCK_VALUE_CHANGE];
    if (c->customers.on) {
        /* a customer-day earns the profit before acquisition, over a lifetime of
           (customers / departures per day) days (Little's law) */
        double leaving = x[M_LOST_TO_FAILURES_PER_DAY] + x[M_LOST_TO_CHURN_PER_DAY];
        double margin = (x[M_PROFIT] + x[M_COST_ACQUISITION]) / x[M_CUSTOMERS_MEAN];
        x[M_CUSTOMER_LIFETIME_VALUE] = margin * ratio(x[M_CUSTOMERS_MEAN], leaving) - c->customers.acquisition_cost;
    }

    for (size_t p = 0; p < c->nproducts; p++) product_metrics(m, p, end, x + metric_product_base(c, p));
    for (size_t t = 0; t < c->ntiers; t++) {
        const struct tier_flow *tf = &f->tiers[t];
        double *y = x + metric_tier_base(c, t);
        y[TM_ORDERS_PER_DAY] = (double)tf->placed / days;
        y[TM_FILL_RATE] = ratio(tf->filled_now, tf->demanded);
        y[TM_ORDER_FILL_RATE] = 1 - ratio((double)tf->short_orders, (double)tf->allocated);
        if (c->tiers[t].has_promise) y[TM_ON_TIME_RATE] = ratio((double)tf->on_time, (double)tf->delivered);
        y[TM_PERFECT_ORDER_RATE] = ratio((double)tf->perfect, (double)(tf->delivered + tf->dropped)); /* ended */
        y[TM_ORDER_CYCLE_MEAN] = ratio(tf->cycle_sum, (double)tf->delivered);
        y[TM_REVENUE] = tf->revenue / days;
        if (c->customers.on) {
            y[TM_CUSTOMERS_MEAN] = timeavg_mean(&m->customers.tier_avg[t], end);
            y[TM_LOST_TO_FAILURES_PER_DAY] = (double)m->customers.tier_counts[t].defected / days;
        }
    }
}

void model_metrics_totals(const struct model *m, struct model_totals *t)
{
    *t = (struct model_totals){.allocations = m->flow.allocated,
                               .delivered = m->flow.delivered,
                               .dropped = m->flow.dropped,
                               .placed = m->flow.placed,
                               .peak_orders_in_flight = m->pool.peak,
                               .events = sim_events_run(m->sim),
                               .instant_orders = m->flow.instant,
                               .units_returned = m->flow.units_returned,
                               .units_restocked = m->flow.units_restocked};
    for (size_t p = 0; p < m->nstocks; p++) {
        const struct stock *s = &m->stocks[p];
        t->demanded += s->counts.demanded;
        t->filled_now += s->counts.filled_now;
        t->backordered += s->counts.backordered;
        t->lost += s->counts.lost;
        t->substituted += s->counts.substituted;
        t->goods_issued_cost += unit_cost(m, p) * (s->counts.issued - s->counts.restocked);
        t->units_issued += s->counts.issued;
        if (!s->supply) t->units_ordered += s->counts.ordered; /* from another location: not bought */
        t->units_never_delivered += s->counts.never_delivered;
        t->stock_never_delivered += s->totals.never_delivered;
        t->stock_initial += s->totals.initial;
        t->stock_ordered += s->totals.ordered;
        t->stock_received += s->totals.received;
        t->stock_issued += s->totals.issued;
        t->stock_restocked += s->totals.restocked;
        t->stock_refused += s->totals.refused;
        t->largest_replenishment = fmax(t->largest_replenishment, s->totals.largest_order);
        t->stock_final += s->on_hand;
        t->on_order_final += s->on_order;
        t->backordered_final += s->backordered;
        for (const struct order_line *l = s->waiting_head; l; l = l->next)
            t->waiting_units_final += l->units - l->filled - l->substituted - l->lost;
    }
}
