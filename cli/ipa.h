/* ipa.h - `servlab ipa`: the importance-performance matrix (Martilla and James 1977)
 * from simulation. For each service element a scenario has (stock availability, the
 * order-cycle time and its consistency, on-time delivery, accuracy, undamaged orders):
 *
 * - performance: the level achieved, against a target ([ipa] keys, or what a
 *   competitor scenario achieves, --against), in units of improvement: percentage
 *   points for a rate, percent of the level for a time (shorter is better);
 * - importance: how much profit a day one unit of improvement is worth, with the lever
 *   that moves the element (its own cost added back: safety stock's holding cost,
 *   the staff of an added server), or, with a customer base, how many more customers
 *   stay (customers_mean). A paired finite difference on the lever: the scenario and
 *   one variant with the lever moved, on common random numbers (replication r of both
 *   uses the same streams), importance = mean(change in profit) / mean(change in the
 *   element), its 95% interval by the delta method over the replications.
 *
 * An element whose lever does not move it significantly has no importance (it is
 * listed, not placed). Quadrants split at the target (x = 0) and at the mean
 * importance of the placed elements; an element whose gap to its target is inside its
 * noise (the gap's 95% interval includes 0) is on par, in no quadrant. */
#ifndef CLI_IPA_H
#define CLI_IPA_H

#include "cli/simulate.h"
#include "reader/scenario.h"
#include "sim/runner.h"

#include <stdbool.h>
#include <stdio.h>

enum ipa_element {
    IPA_AVAILABILITY,
    IPA_CYCLE_TIME,
    IPA_CONSISTENCY,
    IPA_ON_TIME,
    IPA_ACCURACY,
    IPA_DAMAGE,
    IPA_ELEMENTS
};

/* IPA_ON_PAR: placed, but its performance gap's 95% interval includes 0: it may as well be on
 * the target's other side, no reason to change priorities (the gap is noise) */
enum ipa_quadrant { IPA_CONCENTRATE, IPA_KEEP_UP, IPA_LOW_PRIORITY, IPA_OVERKILL, IPA_ON_PAR, IPA_UNPLACED };

struct ipa_row {
    enum ipa_element element;
    char lever[100];             /* "inventory.safety_factor"; "" when nothing in the scenario moves it */
    char from[40], to[40];       /* the lever in the scenario and in its variant, as ipa.csv writes them */
    double from_value, to_value; /* the same values: the table writes them with sweep_number_text */
    bool improving;              /* the variant improves the element (else it is the worse side) */
    struct summary achieved;     /* the element's measure in its own unit (a share or days) */
    bool has_target;
    double target;
    double gap;                       /* achieved against target, in units of improvement; > 0 is better */
    double gap_ci;                    /* its 95% half-width: the achieved level's, or with --against the
                                         difference's, paired over the replications (NaN: none) */
    struct summary moved;             /* units of improvement between the worse and the better side */
    bool measurable;                  /* the lever moved the element significantly */
    double importance, importance_ci; /* per unit of improvement: profit a day (value), or customers */
    double net, net_ci;               /* per unit: profit a day with the lever's own cost */
    enum ipa_quadrant quadrant;
};

struct ipa_result {
    struct scenario base;
    char against[SCENARIO_PATH_MAX]; /* the competitor file, or "" */
    unsigned reps;
    bool customers; /* importance in customers kept (a customer base) */
    struct ipa_row rows[IPA_ELEMENTS];
    size_t n;
    size_t placed;    /* rows with a target and an importance */
    double threshold; /* the importance line: mean importance of the placed rows */
};

/* CSV name ("availability") and label (English, N_: print it with _()) of an element,
 * and the names of the quadrants. */
const char *ipa_element_name(enum ipa_element e);
const char *ipa_element_label(enum ipa_element e);
const char *ipa_quadrant_name(enum ipa_quadrant q);  /* CSV: "concentrate_here", "on_par" */
const char *ipa_quadrant_label(enum ipa_quadrant q); /* N_: "Concentrate here", "On par" */

/* Whether row is in one of the four quadrants with an importance whose 95% interval
 * includes 0: it may as well lie on the other side of the importance line, so its
 * quadrant is uncertain (the table, the chart and the page's headline say so). */
bool ipa_uncertain(const struct ipa_row *row);

/* Load path with the overrides (and against, when not NULL, with the same replications
 * and seed), run the scenario and one variant per lever, and fill out. Returns 0 (free
 * with ipa_free), 2 (bad input: nothing simulated) or 1 (interrupted or failed). */
int ipa_run(const char *path, const char *against, const struct scenario_override *sets, size_t nsets,
            const struct simulate_opts *o, struct ipa_result *out, FILE *err);
void ipa_free(struct ipa_result *r);

/* The table with its notes, in the reader's language. */
void ipa_table(FILE *out, const struct ipa_result *r);

/* The notes under the table (units, how importance was measured, the line). */
void ipa_notes(FILE *out, const struct ipa_result *r);

/* The debrief page's headline (cli/debrief.c): into head, the elements to concentrate on
 * and those possibly overdone ("Concentrate here: Order accuracy; possible overkill: Stock
 * availability"); into small, the other quadrants and what the quadrants' names mean.
 * Plain text, in the reader's language. */
void ipa_headline(const struct ipa_result *r, char *head, size_t nhead, char *small, size_t nsmall);

/* docs/contract.md §6: one row per element. */
void ipa_csv(FILE *out, const struct ipa_result *r);

#endif
