/* bench.c - the timing half of `make bench` (bench/run.py is the other half).
 *
 * It loads a scenario through the same reader as servlab and times the simulation
 * only: process start-up, reading the file and printing are outside the clock.
 *
 *   bench time FILE [--first R] [--reps N]
 *       run replications R .. R+N-1 one after another in this thread and print one
 *       CSV row each: rep,seconds,events,orders,fill_rate,mean_on_hand,order_cycle_days_mean,
 *       replenishments_per_day
 *       (seconds is the wall time of model_run alone; events and orders are the
 *       model's own counts, so events per second needs no guessing).
 *   bench threads FILE --reps N --threads T
 *       run N replications through servlab's runner (cli/simulate.c) on T threads and
 *       print "threads,T,seconds,CHECKSUM"; the checksum of every result row shows the
 *       results do not depend on T.
 *
 * Any further --set SECTION.KEY=VALUE is applied like servlab's --set.
 */
#include "cli/simulate.h"
#include "models/model.h"
#include "reader/scenario.h"
#include "sim/num.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_SETS = 16 };

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int usage(void)
{
    fputs("usage: bench time FILE [--first R] [--reps N] [--set S.K=V ...]\n"
          "       bench threads FILE --reps N --threads T [--set S.K=V ...]\n",
          stderr);
    return 2;
}

static int cmd_time(const struct model_config *cfg, unsigned long first, unsigned long reps)
{
    double m[METRIC_COUNT];
    char a[40], b[40], c[40], d[40];
    puts("rep,seconds,events,orders,fill_rate,mean_on_hand,order_cycle_days_mean,replenishments_per_day");
    for (unsigned long rep = first; rep < first + reps; rep++) {
        struct model_totals t;
        double t0 = seconds();
        if (model_run(cfg, rep, m, &t, NULL) != 0) return 1;
        double dt = seconds() - t0;
        printf("%lu,%.6f,%llu,%llu,%s,%s,%s,%s\n", rep, dt, (unsigned long long)t.events, (unsigned long long)t.placed,
               num_format(m[M_FILL_RATE], a, sizeof a), num_format(m[M_MEAN_ON_HAND], b, sizeof b),
               num_format(m[M_ORDER_CYCLE_MEAN], c, sizeof c), num_format(m[M_REPLENISHMENTS_PER_DAY], d, sizeof d));
    }
    return 0;
}

/* FNV-1a over the bytes of every result. */
static uint64_t checksum(const double *x, size_t n)
{
    uint64_t h = 1469598103934665603u;
    const unsigned char *p = (const unsigned char *)x;
    for (size_t i = 0; i < n * sizeof *x; i++) h = (h ^ p[i]) * 1099511628211u;
    return h;
}

static int cmd_threads(const struct model_config *cfg, unsigned long reps, unsigned long threads)
{
    double *rows = malloc(reps * METRIC_COUNT * sizeof *rows);
    if (!rows) return 1;
    struct simulate_opts o = {.threads = (unsigned)threads, .progress = false, .stop = NULL};
    double t0 = seconds();
    size_t missing = simulate(&cfg, 1, (unsigned)reps, &o, rows);
    double dt = seconds() - t0;
    printf("threads,%lu,%.6f,%016llx\n", threads, dt, (unsigned long long)checksum(rows, reps * METRIC_COUNT));
    free(rows);
    return missing ? 1 : 0;
}

int main(int argc, char **argv)
{
    runner_keep_freed_memory(); /* as servlab does */
    if (argc < 3) return usage();
    const char *cmd = argv[1], *path = argv[2];
    unsigned long first = 0, reps = 1, threads = 1;
    struct scenario_override sets[MAX_SETS];
    size_t nsets = 0;
    for (int i = 3; i < argc; i++) {
        if (i + 1 >= argc) return usage();
        const char *v = argv[++i];
        if (strcmp(argv[i - 1], "--first") == 0)
            first = strtoul(v, NULL, 10);
        else if (strcmp(argv[i - 1], "--reps") == 0)
            reps = strtoul(v, NULL, 10);
        else if (strcmp(argv[i - 1], "--threads") == 0)
            threads = strtoul(v, NULL, 10);
        else if (strcmp(argv[i - 1], "--set") == 0 && nsets < MAX_SETS)
            sets[nsets++] = (struct scenario_override){.assignment = v, .label = NULL};
        else
            return usage();
    }
    if (reps == 0 || threads == 0) return usage();
    static struct scenario sc;
    if (scenario_load(&sc, path, sets, nsets, stderr) != 0) return 2;
    int rc;
    if (strcmp(cmd, "time") == 0)
        rc = cmd_time(&sc.cfg, first, reps);
    else if (strcmp(cmd, "threads") == 0)
        rc = cmd_threads(&sc.cfg, reps, threads);
    else
        return usage();
    if (fflush(stdout) != 0) rc = 1;
    return rc;
}
