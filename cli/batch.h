/* batch.h - `servlab batch BASE.ini TABLE.csv`: one variant of the base scenario per
 * row of a table whose columns are keys (SECTION.KEY, the names of --set) and whose
 * cells override the file, e.g. one row per item with its demand, cost, lead time and
 * price. Every row runs as written; with --sweep, every row also runs the base file's
 * sweep and reports its profit-maximising lever value and the gain over the row as
 * written, paired over the replications (the same streams). A row's results are exactly
 * those of `servlab run BASE.ini --set ...` (and `servlab sweep`) with its cells as
 * --set options: the rows run on the runner's threads (and MPI ranks), each on its own
 * configuration and streams.
 */
#ifndef CLI_BATCH_H
#define CLI_BATCH_H

#include "cli/simulate.h"
#include "reader/batch_table.h"
#include "reader/scenario.h"

#include <stdbool.h>
#include <stdio.h>

struct batch_row {
    int line;              /* in the table */
    char id[BATCH_ID_LEN]; /* the id column, or the row's number */
    char **values;         /* one per input column (owned) */
    char **written;        /* the cells as typed, as struct batch_table_row has them (owned) */
    /* as written */
    struct summary service, cost, profit;
    /* with --sweep: the grid point of highest mean profit */
    double best_x, best_service, best_profit, best_profit_ci95;
    double best_x2;     /* the second lever's value there, with two levers */
    int best_digits[2]; /* the significant digits its sweep's table writes each lever's values with */
    bool at_edge[2];    /* the best point is at the first or last value of the lever (the second
                           with two levers): widen that lever's range */
    /* the gain, best_profit - profit: its paired 95% half-width over the replications
       (the row as written and every point of its sweep run on the same streams), and
       whether that interval lies above 0 */
    double gain_ci95;
    bool gain_significant;
    /* the gain is the same in every replication (its paired sd 0 but for rounding): the
       change moved a cost that chance never touched on these runs, such as the holding
       cost of a safety stock never drawn on, or the replications are alike (replay). Its
       interval of width 0 says nothing of chance: it is not counted as significant */
    bool gain_constant;
    /* the gain is material: significant, and at least the batch's material_share of the
       row's profit a day as written (and 0.005, a cent as printed): worth changing the
       setting for (cli/batch.c) */
    bool gain_material;
    double *gain_reps; /* with --sweep, reps values: the gain in each replication (owned) */
    /* for the chart: the margin on the price and the daily demand's variability */
    double margin, demand_cv;
    const struct history_info *history; /* the row's demand history, kept by the reader (reader/history.h), or NULL */
};

struct batch_result {
    char base[SCENARIO_PATH_MAX], table[SCENARIO_PATH_MAX];
    size_t ncols; /* input columns (not the id) */
    char **cols;  /* their headers, SECTION.KEY (owned) */
    bool has_id;  /* the table has an id column */
    size_t n;     /* rows */
    struct batch_row *rows;
    bool swept;
    char parameter[100];  /* the swept key */
    char parameter2[100]; /* the second swept key, or "" with one lever */
    bool values_given[2]; /* each lever's values listed ([sweep] values, values2), not from and to */
    char service[100];    /* the service metric */
    unsigned reps;
    struct summary total_gain; /* with --sweep: the rows' gains summed, paired over the replications */
    size_t significant;        /* with --sweep: rows whose gain is significant */
    size_t material;           /* with --sweep: rows whose gain is material (batch_row's gain_material) */
    double material_share;     /* the least gain that is material, as a share of a row's profit (0.005) */
    unsigned long long seed;
    double horizon_days, warmup_days;
    char changes[sizeof(((struct scenario *)0)->changes)]; /* the --set assignments, as in a run's summary.txt */
    char **warnings; /* the rows' warnings, each once with the rows it came from (owned) */
    size_t nwarnings;
};

/* The default least material gain, as a share of a row's profit a day as written: 0.5%.
 * With common random numbers (the row and its sweep on the same streams) the paired
 * interval of a gain is so narrow that nearly every gain is significant, 0.002 a day on
 * a profit of 214 too: significance says the gain is not chance on this model, not that
 * it is worth acting on. A gain under half a percent of the row's profit is smaller than
 * what its inputs can tell apart (a holding cost or a demand history known to a few per
 * cent), and picked as the best of the grid it is a little optimistic (docs/contract.md):
 * such a row is told to keep its setting. Half a percent rather than 1% so that a large
 * row's gain (0.8% of 10000 a day is 80 a day) is not passed over; --material sets it. */
#define BATCH_MATERIAL_SHARE 0.005

struct batch_opts {
    bool sweep;
    double material_share; /* the least material gain as a share of a row's profit (BATCH_MATERIAL_SHARE) */
    struct simulate_opts sim;
};

/* Read the table, load every row (base + sets + the row's cells) and run them.
 * Problems go to err. Returns 0; 2 for a bad table, base or row (nothing simulated);
 * 1 if interrupted or failed. r is to be freed with batch_free in every case. */
int batch_run(const char *base, const char *table, const struct scenario_override *sets, size_t nsets,
              const struct batch_opts *o, struct batch_result *r, FILE *err);
void batch_free(struct batch_result *r);

/* Row's best value of lever k (0, or 1 of two) as its sweep's table writes it
 * (sweep_lever_text, into v, 40 bytes): "1000000", never "1e+06". */
const char *batch_lever_text(const struct batch_row *row, int k, char v[40]);

/* One CSV row per table row: id, the inputs, then service (named after the metric),
 * its ci95, cost_total_per_day, profit_per_day, its ci95; with --sweep best_KEY
 * (and best_KEY2 with two levers), best_SERVICE, best_profit_per_day, its ci95,
 * profit_gain_per_day and its paired profit_gain_per_day_ci95. */
void batch_csv(FILE *out, const struct batch_result *r);

enum { BATCH_GAINS_SHOWN = 5 };

/* The rows that gain most from a change of lever (with --sweep): the material gains,
 * largest first, then the gains above 0 that are not material, largest first; at
 * most max of them, their indices in idx. Returns how many. */
size_t batch_top_gains(const struct batch_result *r, size_t *idx, size_t max);

/* The verdict on row i's gain, translated: "" when material, "no material gain: keep the
 * current setting" when significant but not material, else "no significant gain", or for
 * a gain that is the same in every replication, that it has no interval. */
const char *batch_gain_verdict(const struct batch_result *r, size_t i);

/* The decimals to print row's gain and its interval with: 2, money's precision (a gain
 * under a cent is no material gain: "+0.00 ± 0.00"), or more for a material gain until
 * its lower end stays above 0 as printed: "+0.228 ± 0.226", never "+0.23 ± 0.23" for a
 * gain called material. At most 8. */
int batch_gain_decimals(const struct batch_row *row);

/* The list after the table: the BATCH_GAINS_SHOWN rows of batch_top_gains with their
 * gains, paired intervals and recommended values (with --sweep; nothing without). */
void batch_gains(FILE *out, const struct batch_result *r);

/* The readable table and the summary. */
void batch_table(FILE *out, const struct batch_result *r);

/* summary.txt's key: value lines (docs/contract.md section 6): the command, seed,
 * generator, replications, horizon_days, warmup_days, set, the warnings, the base and
 * the table as file: lines from dir (report_summary_files), rows, total_profit_per_day and,
 * with --sweep, the levers, the service metric and the totals at the recommended
 * settings. The gains and the totals in words follow them (batch_gains, batch_summary). */
void batch_summary_values(FILE *out, const struct batch_result *r, const char *dir);

/* The summary across rows: total profit at the current settings and, with --sweep,
 * at the recommended ones. */
void batch_summary(FILE *out, const struct batch_result *r);

#endif
