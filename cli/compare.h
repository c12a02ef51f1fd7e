/* compare.h - `servlab compare A.ini B.ini ...`: several scenarios, typically students'
 * edits of one base file, run on the same random numbers and ranked by profit. With a
 * base file, a student file that changed a key the base locks is refused. */
#ifndef CLI_COMPARE_H
#define CLI_COMPARE_H

#include "cli/simulate.h"
#include "reader/scenario.h"
#include "sim/runner.h"

#include <stdbool.h>
#include <stdio.h>

/* At most this many warnings an entry has: its scenario's and whether it settled. */
enum { COMPARE_WARNINGS_MAX = SCENARIO_WARNINGS_MAX + 1 };

struct compare_entry {
    const char *path;
    const char *label;      /* how tables name it: the shortest tail of path that no other entry's path
                               ends with ("a/x.ini" beside "b/x.ini", else "x.ini"); set by compare_rank */
    struct scenario *sc;    /* NULL when it did not load */
    bool refused;           /* did not load, or changed a locked key */
    char reason[400];       /* why it was refused, for the CSV's refused column: in English, but for a file
                               that does not load the loader's message, in the reader's language */
    char reason_shown[400]; /* the same in the reader's language (the table) */
    char *more_shown;       /* a file that does not load: its problems after the first, one a line as
                               the loader said them (the terminal's Refused list shows them); NULL if
                               none. Owned (compare_entry_free) */
    int line;               /* the line of its file that broke a lock, or of its first problem when it does
                               not load; 0 if none or not from the file */
    size_t nm;              /* its metric layout */
    double *rows;           /* reps x nm */
    struct summary *s;      /* nm */
    size_t rank;            /* 1 = most profitable */
    struct summary vs_best; /* profit minus the best's, paired over replications */
    /* The keys it changed from the base (or, without one, from the reference file), in
       the order check lists them: "inventory.safety_factor = 2; processing_servers = 4"
       ("; " apart: values hold ", "). A key that only the base has is "= (missing)", one
       that is unused or unset here but used there "= (unused)"; run.replications and
       run.seed, which compare sets, are left out. changed is in English (the CSV),
       changed_shown in the reader's language (the table); "" when nothing changed,
       NULL when the file did not load. Owned (compare_free). */
    char *changed, *changed_shown;
    size_t nchanged;                      /* how many keys changed */
    struct backlog *backlog;              /* reps entries from compare_entry_run (owned), or NULL when the run came
                                             from elsewhere without them (cli/serve.c's older saved runs) */
    char unsettled[SCENARIO_WARNING_MAX]; /* compare_entry_settle's warning that the backlog grows, or "" */
};

/* The warnings of a loaded and run entry, in the reader's language: its scenario's (an
 * overloaded stage, ...) and then unsettled. Fills list[0..COMPARE_WARNINGS_MAX) with
 * borrowed texts and returns how many. A ranked file with any is marked in the tables. */
size_t compare_entry_warnings(const struct compare_entry *e, const char *list[COMPARE_WARNINGS_MAX]);

/* Judge from e->backlog whether e's run settles (cli/stability.h): e->unsettled. Done
 * by compare_entry_run; a caller that filled e->rows and e->backlog itself calls it. */
void compare_entry_settle(struct compare_entry *e);

/* Where e's refusal points: "NAME:LINE" (name is its path or its file name) when a line
 * of its file broke a lock, else "NAME". Returns buf. */
const char *compare_refused_where(const struct compare_entry *e, const char *name, char *buf, size_t n);

/* Say on err that e was refused: "PATH:LINE: refused: REASON". */
void compare_say_refused(FILE *err, const struct compare_entry *e);

struct compare_result {
    struct compare_entry *e;
    size_t n;
    const char *base;      /* the base file, or NULL */
    const char *reference; /* whose seed and replications everyone uses */
    unsigned reps;
    unsigned long long seed;
    const char *seed_from; /* the option that set the seed ("--seed", "--set"), or NULL: the reference's */
    int service;           /* the service metric shown */
    size_t best;           /* index of the most profitable entry */
    size_t ranked;         /* how many were ranked */
    bool keys_in_csv;      /* compare.csv is written (--out): the table's "changed:" lines may leave
                              keys to it (compare_table), else they list every key */
    bool unlocked;         /* a base was given and its [locks] locks no key: students could change
                              anything (compare_say_unlocked) */
    bool submissions;      /* the entries are a class server's submissions, labelled by their
                              students' names (cli/serve.c): pages and charts say so */
};

/* Load and run files[0..n) (and check them against base when it is not NULL). Problems
 * go to err. Returns 0 (free r with compare_free), 2 (nothing could be compared), or 1
 * (interrupted); after 2 or 1, r holds nothing. */
int compare_run(const char *const *files, size_t n, const char *base, const struct scenario_override *sets,
                size_t nsets, const char *service, const struct simulate_opts *o, struct compare_result *r, FILE *err);

void compare_free(struct compare_result *r);

/* The pieces of compare_run, for a caller that compares files one at a time as they
 * come (cli/serve.h): the reference file loaded with its keys (path, or text[0..len)
 * named path when text is not NULL; NULL when it does not load, its problems on err). */
struct compare_base;
struct compare_base *compare_base_load(const char *path, const char *text, size_t len,
                                       const struct scenario_override *sets, size_t nsets, FILE *err);
void compare_base_free(struct compare_base *b); /* NULL is fine */
const struct scenario *compare_base_scenario(const struct compare_base *b);

/* Does b's [locks] lock at least one key? A base without a [locks] section lets students
 * change anything, the price among them. */
bool compare_base_locked(const struct compare_base *b);

/* Load e->path (or text[0..len) named e->path) with the base's seed and replications,
 * list what it changed and, with locks, check the base's [locks]. Text is a submission
 * from someone else's computer (cli/serve.c): it is loaded sealed, so it cannot name a
 * file here (scenario_load_sealed, reader/scenario.h). Returns 0, or 2 with
 * e->refused and e->reason (the loader's messages go to err). */
int compare_entry_load(struct compare_entry *e, const struct compare_base *b, bool locks, const char *text, size_t len,
                       const struct scenario_override *sets, size_t nsets, FILE *err);

/* Run a loaded entry: e->rows and e->s. Returns 0, or 1 when o->stop interrupted it. */
int compare_entry_run(struct compare_entry *e, const struct simulate_opts *o);

/* Free what compare_entry_load and compare_entry_run gave e (e->path is borrowed). */
void compare_entry_free(struct compare_entry *e);

/* sets[0..nsets) followed by run.replications=reps and run.seed=seed: the overrides of
 * the sweeps behind the class charts, which run on the comparison's random numbers.
 * Free it; reps_text and seed_text hold the texts it points to. */
struct scenario_override *compare_sweep_sets(const struct scenario_override *sets, size_t nsets, unsigned reps,
                                             unsigned long long seed, char reps_text[64], char seed_text[64]);

/* Rank r->e[0..r->n) that were not refused (all run with r->reps replications) by mean
 * profit: best, rank, vs_best, ranked; and name every entry (label). Returns how many
 * were ranked. */
size_t compare_rank(struct compare_result *r);

/* Is a paired difference (vs_best) significant: does its 95% interval exclude 0? */
bool compare_significant(const struct summary *s);

/* The leaderboard. */
/* The service column's head and the on-time column's, into buf and *on_time: the service
 * metric in words and "on time"; when the service is on_time_of_all_orders_rate, beside
 * on_time_rate, each says which orders it counts ("on time (all orders)", "on time
 * (delivered)"). */
void compare_service_heads(const struct compare_result *r, char *buf, size_t n, const char **on_time);

void compare_table(FILE *out, const struct compare_result *r);

/* When the base locks nothing (r->unlocked) and some ranked file changed a key of the
 * market ([demand], [costs] or [revenue], or a family's copy of one: the price, the
 * demand, the costs), a warning on err naming those files and their keys, with the
 * [locks] section that would refuse them; else nothing. */
void compare_say_unlocked(FILE *err, const struct compare_result *r);

/* One CSV row per scenario, in rank order (refused ones after, in the order given, with
 * empty figures); then changed_keys, compare_entry.changed, and last warnings, how many
 * compare_entry_warnings has (empty for a refused file). */
void compare_csv(FILE *out, const struct compare_result *r);

/* text as one CSV field, in double quotes (a quote inside doubled): changed_keys. */
void compare_csv_quoted(FILE *out, const char *text);

#endif
