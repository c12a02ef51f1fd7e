/* workload.c - the cost model of workload.h. */
#include "workload.h"
#include "progress.h"
#include "models/metrics.h"
#include "models/model.h"
#include "models/order.h"
#include "models/policy.h"
#include "lang/lang.h"
#include "sim/num.h"

#include <math.h>

static const double MEMORY_MAX = 4.0 * 1024 * 1024 * 1024;

/* Replenishment orders a customer order triggers, on average (at most 1). */
static double replenishments_per_order(const struct inventory_config *inv, double units)
{
    const struct policy_type *p = inv->policy;
    if (!p->holds_stock || inv->review_days > 0) return 0; /* periodic: counted per review */
    double batch = p->uses_order_quantity  ? inv->order_quantity
                   : p->uses_reorder_point ? inv->order_up_to - inv->reorder_point
                                           : 0; /* base stock: one order per order */
    return batch > units ? units / batch : 1;
}

/* Orders piling up a day at a stage with finite servers, or 0. */
static double excess_a_day(double rate, const struct stage_config *st)
{
    double days = dist_mean(&st->days);
    if (st->servers == 0 || !(days > 0)) return 0;
    double capacity = st->servers / days;
    return rate > capacity ? rate - capacity : 0;
}

/* CPU seconds of one replication of c; the orders it simulates in *orders, the bytes
 * of a queue that grows without bound in *backlog_bytes. */
static double job_cost(const struct model_config *c, double *orders, double *backlog_bytes, const char **overloaded)
{
    const struct order_cycle_config *oc = &c->order_cycle;
    const struct inventory_config *inv = &c->inventory;
    double days = c->run.warmup_days + c->run.horizon_days;
    double rate = 1 / dist_mean(&c->demand.interarrival_days);
    *orders = rate * days;

    int stages = !dist_is_zero(&oc->transmission_days) + !dist_is_zero(&oc->delivery_days) +
                 !(oc->processing.servers == 0 && dist_is_zero(&oc->processing.days)) +
                 !(oc->picking.servers == 0 && dist_is_zero(&oc->picking.days));
    double repl = replenishments_per_order(inv, dist_mean(&c->demand.units_per_order));
    double in_flight = rate * (dist_mean(&oc->transmission_days) + dist_mean(&oc->processing.days) +
                               dist_mean(&oc->picking.days) + dist_mean(&oc->delivery_days)) +
                       (inv->policy->holds_stock ? rate * repl * dist_mean(&inv->lead_time_days) : 0);
    double excess = excess_a_day(rate, &oc->processing);
    *overloaded = excess > 0 ? _("order processing") : NULL;
    double picking_excess = excess_a_day(rate, &oc->picking);
    if (picking_excess > excess) excess = picking_excess, *overloaded = _("picking");
    in_flight += excess * days / 2;
    *backlog_bytes = excess * days * (double)order_bytes(model_order_room(c));

    double factor = 1 + log2(1 + in_flight) / 16 + (in_flight > 30000 ? 0.5 : 0);
    /* roughly the conditions of the model's fast path (models/fastpath.h) */
    bool instant = stages == 0 && c->nproducts <= 1 && !c->nchannels && !c->customers.on && !c->nlocations &&
                   !(oc->picking_error_rate > 0) && !(oc->damage_rate > 0);
    double per_order = instant ? 20 : 60 + 70.0 * stages + (inv->policy->holds_stock ? 20 : 0);
    double ns = (per_order + 100 * repl) * factor;
    double reviews = inv->policy->holds_stock && inv->review_days > 0 ? days / inv->review_days : 0;
    return *orders * ns * 1e-9 + reviews * 15e-9 + 20e-6;
}

void workload_begin(struct workload *w, size_t n, const struct model_config *first, unsigned threads)
{
    *w = (struct workload){
        .variants = n, .reps = n ? first->run.replications : 0, .metrics = n ? metric_count(first) : 0};
    size_t jobs = n * w->reps;
    w->threads = threads > 1 ? threads : 1;
    if (w->threads > jobs && jobs > 0) w->threads = (unsigned)jobs;
}

void workload_add(struct workload *w, const struct model_config *c)
{
    double orders, backlog;
    const char *overloaded;
    double seconds = job_cost(c, &orders, &backlog, &overloaded);
    w->orders += orders * c->run.replications;
    w->cpu_seconds += seconds * c->run.replications;
    if (seconds > w->job_seconds) w->job_seconds = seconds;
    double days = c->run.warmup_days + c->run.horizon_days;
    if (days > w->days) w->days = days;
    double rate = 1 / dist_mean(&c->demand.interarrival_days);
    if (rate > w->orders_a_day) w->orders_a_day = rate;
    if (backlog > w->backlog_bytes) {
        w->backlog_bytes = backlog;
        w->backlog_orders = backlog / (double)order_bytes(model_order_room(c)); /* c's orders: room for its lines */
        w->overloaded = overloaded;
    }
}

void workload_end(struct workload *w)
{
    size_t jobs = w->variants * w->reps;
    w->wall_seconds = fmax(w->cpu_seconds / w->threads, w->job_seconds);
    /* the results (and the sweep's analyses of them), plus a growing queue per thread */
    w->memory_bytes = (double)jobs * (double)w->metrics * sizeof(double) * 2 + w->backlog_bytes * w->threads;
}

void workload_estimate(const struct model_config *const *cfgs, size_t n, unsigned threads, struct workload *w)
{
    workload_begin(w, n, n ? cfgs[0] : NULL, threads);
    for (size_t i = 0; i < n; i++) workload_add(w, cfgs[i]);
    workload_end(w);
}

/* "10 replications x 395 days x 40 orders a day" (or "31 points x ..."). */
static void describe(const struct workload *w, char *buf, size_t n)
{
    char points[40] = "", days[40], orders[40];
    if (w->variants > 1) snprintf(points, sizeof points, _("%zu points x "), w->variants);
    num_count(w->days, 4, days, sizeof days);
    num_count(w->orders_a_day, 4, orders, sizeof orders);
    snprintf(buf, n,
             w->orders_a_day == 1 ? P_("%s%u replication x %s days x %s order a day",
                                       "%s%u replications x %s days x %s order a day", w->reps)
                                  : P_("%s%u replication x %s days x %s orders a day",
                                       "%s%u replications x %s days x %s orders a day", w->reps),
             points, w->reps, days, orders);
}

int workload_check(const struct workload *w, const char *path, bool warn, FILE *err)
{
    return workload_check_limit(w, path, WORKLOAD_REFUSE_SECONDS, warn, err);
}

int workload_check_limit(const struct workload *w, const char *path, double max_cpu_seconds, bool warn, FILE *err)
{
    char what[240], cpu[40], wall[40], orders[40];
    describe(w, what, sizeof what);
    num_count(w->orders, 2, orders, sizeof orders);
    if (w->memory_bytes > MEMORY_MAX) {
        char gb[40], backlog[40]; /* 3 digits, never 1.25e+03 */
        num_about(w->memory_bytes / 1e9, 3, gb, sizeof gb);
        num_count(w->backlog_orders, 3, backlog, sizeof backlog);
        if (w->overloaded)
            fprintf(err,
                    _("%s: this run would need about %s GB of memory: %s is overloaded and its queue would grow to "
                      "about %s orders (%s); add servers, or shorten [run] horizon_days\n"),
                    path, gb, w->overloaded, backlog, what);
        else
            fprintf(err,
                    _("%s: this run would need about %s GB of memory for the results of %zu runs (%s); use fewer "
                      "replications (--reps) or fewer sweep points\n"),
                    path, gb, w->variants * w->reps, what);
        return 2;
    }
    if (w->cpu_seconds > max_cpu_seconds) {
        fprintf(err,
                _("%s: this run is too large: about %s customer orders (%s), about %s of CPU time; make it "
                  "smaller: fewer replications (--reps), a shorter [run] horizon_days or warmup_days, fewer sweep "
                  "points\n"),
                path, orders, what, progress_duration(w->cpu_seconds, cpu, sizeof cpu));
        return 2;
    }
    if (warn && w->wall_seconds > WORKLOAD_WARN_SECONDS)
        fprintf(err,
                P_("servlab: warning: %s: about %s customer orders (%s) will take about %s on %u thread; "
                   "Ctrl-C stops the run\n",
                   "servlab: warning: %s: about %s customer orders (%s) will take about %s on %u threads; "
                   "Ctrl-C stops the run\n",
                   w->threads),
                path, orders, what, progress_duration(w->wall_seconds, wall, sizeof wall), w->threads);
    return 0;
}
