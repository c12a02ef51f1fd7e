/* scenario.h - a scenario file read, validated and resolved into a model configuration.
 *
 * The only module that talks to inih. Every problem is reported as one line,
 * "FILE:LINE: [section] key: problem" (or "--set TEXT: [section] key: problem" for
 * command-line overrides), and loading fails as a whole: nothing half-read is ever
 * simulated. The keys, their types, units, defaults and bounds come from one table
 * (reader/keys.h).
 */
#ifndef READER_SCENARIO_H
#define READER_SCENARIO_H

#include "history.h"
#include "keys.h"
#include "models/config.h"

#include <stdio.h>

/* SCENARIO_WARNING_MAX: the bytes of one warning, room for its Chinese (3 bytes a character) */
enum { SCENARIO_KEYS_MAX = 256, SCENARIO_WARNINGS_MAX = 8, SCENARIO_WARNING_MAX = 640, SCENARIO_PATH_MAX = 1024 };
_Static_assert((int)KEY_IDS <= (int)SCENARIO_KEYS_MAX, "origin[] holds one entry per key: raise SCENARIO_KEYS_MAX");

/* Where a key's value came from. line is the file line (FROM_FILE). FROM_INHERITED:
 * a family key took the value of the global key it defaults to. */
enum key_from { FROM_DEFAULT, FROM_FILE, FROM_COMMAND_LINE, FROM_INHERITED };

struct key_origin {
    enum key_from from;
    int line;
    unsigned set; /* FROM_COMMAND_LINE: 1 + the index of the override that gave it in its load's
                     overrides (a warning names it by its source); else 0 */
    bool percent; /* a number written as a percentage ("100%"), which no whole-percent
                     warning doubts (reader/scenario.c, check_whole_percent) */
};

enum { SWEEP_POINTS_MAX = 1000 };

struct number_list {
    double v[SWEEP_POINTS_MAX];
    size_t n;
};

/* The [sweep] section: which key to vary, over which values, and which service
 * measure the curve is drawn against. */
/* [sweep] x_axis: what the sweep charts draw along x (cli/charts.c); the words "auto",
 * "service", "shortfall", "lever" in this order (reader/keys.c). */
enum sweep_x_axis { SWEEP_X_AUTO, SWEEP_X_SERVICE, SWEEP_X_SHORTFALL, SWEEP_X_LEVER };

struct sweep_config {
    bool active;         /* a parameter and its values were given */
    char parameter[100]; /* "inventory.safety_factor" */
    double from, to;
    unsigned steps;
    struct number_list values; /* given, or from..to in steps points */
    /* a second lever, for a grid of every pair (parameter2[0] == '\0': one lever) */
    char parameter2[100];
    double from2, to2;
    unsigned steps2;
    struct number_list values2;
    char service[100]; /* a rate metric, default fill_rate */
    enum sweep_x_axis x_axis;
};

/* A service lever: a target that sets the reorder point (sQ) or the order-up-to level
 * (base_stock) through the normal approximation (models/theory.h). */
struct lever {
    const char *key;       /* "target_fill_rate", or NULL when no lever is used; key and level_key
                              point into the key table, so key == key_defs[K_...].name compares */
    double target;         /* the value given */
    const char *level_key; /* "reorder_point" or "order_up_to" */
    double level;          /* what it set */
    char replaced[160];    /* "reorder_point = 500 on line 30" when a command-line lever
                              replaced a level written in the file, else "" */
};

enum { LEVERS = 3 }; /* safety_factor, target_cycle_service_level, target_fill_rate */

/* What the reader keeps about one named section ([product.tea]) besides the model's
 * configuration of it. */
struct entry {
    char name[NAME_LEN];
    int line; /* its [header] line */
    struct key_origin origin[SCENARIO_KEYS_MAX];
    double levers[LEVERS];           /* products and locations */
    struct lever lever;              /* products and locations */
    char substitute[NAME_LEN];       /* products: the name given */
    char transfers[200];             /* locations: "south: 2, east: 3" as given */
    char home[NAME_LEN];             /* regions: the location named */
    char replenished_from[NAME_LEN]; /* locations: the upstream location named */
    double order_share;              /* locations: the share of orders it serves at the start */
};

struct scenario {
    char path[SCENARIO_PATH_MAX]; /* as given on the command line */
    struct model_config cfg;      /* what the model runs */
    /* keys whose value needs resolving into cfg */
    double orders_per_day;
    unsigned catalog_items; /* identical products to create, instead of [product.NAME] */
    double levers[LEVERS];
    struct lever lever;
    struct number_list weekday_profile, rate_curve;
    double transfer_days;    /* [locations]: between locations that do not name each other */
    bool implicit_regions;   /* no [region.NAME]: one per location, made by the reader */
    unsigned open_locations; /* [locations] open (0: not given, all) */
    struct number_list open_schedule;
    struct sweep_config sweep;
    char lock_sections[200], lock_keys[200]; /* [locks]: what students may not change */
    double ipa_targets[6];                   /* [ipa]: servlab ipa's targets (cli/ipa.h), in key order */
    /* [demand] history: the path as written, how to read it, and where it was written
       (a relative path is relative to the scenario file's directory, or to history_dir
       when it came from an override) */
    char history[HISTORY_PATH_MAX];
    char contract_targets[400]; /* [contract] targets, as written (models/contract.h reads them) */
    enum history_kind history_kind;
    enum history_mode history_mode;         /* copied into cfg.demand only when a history is used */
    struct history_options history_options; /* how to read it (its kind is history_kind) */
    char history_dir[HISTORY_PATH_MAX];
    char history_where[300];                     /* the override that gave it, for messages */
    bool history_in_table;                       /* that override is a batch table's cell (history_dir is
                                                    the table's directory, "" for the current one) */
    const struct history_info *history_info;     /* read, when a history is used */
    struct key_origin origin[SCENARIO_KEYS_MAX]; /* of the global keys, indexed like key_defs */
    /* one entry per named section, on the heap: as many as cfg.nproducts, cfg.ntiers ... */
    struct entry *products, *tiers, *channels, *locations, *regions;
    char warnings[SCENARIO_WARNINGS_MAX][SCENARIO_WARNING_MAX]; /* things worth saying in the report */
    size_t nwarnings;
    char notes[4][400]; /* what the command line replaced, for the report */
    char changes[300];  /* the --set assignments (not run.* or sweep.*), comma-separated */
    size_t nnotes;
};

/* A command-line override: assignment is "SECTION.KEY=VALUE" (the key is what follows
 * the last dot); label names it in messages ("--reps 0"), or NULL for "--set ...". */
struct scenario_override {
    const char *assignment;
    const char *label;
    const char *dir;    /* a relative file name in the value (demand.history) is relative to
                           this directory, a batch table's ("": the current one); NULL: the
                           current directory, for a value not from a table */
    const char *source; /* where a warning about the value says it came from, in the reader's
                           language ("table column costs.holding_per_unit_day" for a batch
                           table's cell, cli/batch.c); NULL: "--set" */
    const char *shown;  /* the value as the messages write it where they quote it, when that is
                           not the digits assigned: a sweep's point as its table writes it
                           ("928.571", assigned as 928.5714285714286, cli/sweep.c); NULL: the
                           shortest digits that read back as the value */
};

/* A scenario owns heap memory (its named sections, in cfg and in its entries). Make
 * one with scenario_new, load into it as often as needed (each load first releases
 * what the last one held), and free it with scenario_free. A scenario that is a member
 * of another struct starts zeroed and is released with scenario_fini. A scenario's
 * cfg is copied with model_config_copy (models/config.h), never with `=`. */
struct scenario *scenario_new(void);
void scenario_free(struct scenario *sc); /* NULL is fine */
void scenario_fini(struct scenario *sc); /* free what sc holds; sc is left zeroed */

/* Read `path`, then apply the overrides sets[0..nsets). Problems go to err, one per
 * line; to stderr, a terminal's reader, each is wrapped to its width (LANG_LINE_MAX),
 * "FILE:LINE: [section] key: " first and each further line two blanks in. Returns 0
 * when the scenario is ready to run, or 2 (the exit status for bad input). sc is zeroed
 * or was loaded before. */
int scenario_load(struct scenario *sc, const char *path, const struct scenario_override *sets, size_t nsets, FILE *err);

/* scenario_load for a batch's base scenario (cli/batch.c): with item_from_table (the table
 * has a column demand.history_item), a base that reads one item of a long export
 * (history_item_column) without a history_item of its own is not refused for it: its file
 * is checked whole (history_check_file), and each row, loaded with its cell, reads its
 * item. Such a base has no history_info. */
int scenario_load_base(struct scenario *sc, const char *path, const struct scenario_override *sets, size_t nsets,
                       bool item_from_table, FILE *err);

/* Print one problem as scenario_load prints it to stderr: problem is its text (one line,
 * without '\n'), its first `head` bytes the place ("FILE:LINE: [section] key: ", 0 when
 * none is known). A problem that fits LANG_LINE_MAX is printed whole; else one whose text
 * fits a line of its own goes there under the place, two blanks in, and a longer one is
 * wrapped after the place, each further line two blanks in; where that would leave the
 * first line wider than LANG_LINE_MAX (a long path, and no place to break the text
 * before the edge), the place stands alone on it, whole, and the text is wrapped under
 * it. For a command that says the reader's problems again (cli/compare.c). */
void scenario_print_problem(FILE *out, const char *problem, size_t head);

/* The bytes of a problem line that say where it is: "PATH:31:15: [inventory] key: " of
 * "PATH:31:15: [inventory] key: ..." (PATH is path, or the first name before a ':' when
 * the line does not begin with path: a history file's, a table's), the line and column
 * and the section and key each where there is one; 0 when the line has no such place. */
size_t scenario_problem_place(const char *line, const char *path);

/* Each line of msgs (problems one a line, as scenario_load or batch_table_read write them
 * into a buffer; NULL for none) printed by scenario_print_problem after its place
 * (scenario_problem_place): what fits LANG_LINE_MAX as it is, a longer one wrapped. For a
 * command that says to a terminal what it gathered into a buffer (cli/compare.c,
 * cli/batch.c). */
void scenario_print_problems(FILE *out, const char *msgs, const char *path);

/* scenario_load on text in memory (len bytes, not necessarily NUL-terminated, borrowed)
 * instead of a file; name stands for the path in messages. For tests and fuzzing. */
int scenario_load_text(struct scenario *sc, const char *name, const char *text, size_t len,
                       const struct scenario_override *sets, size_t nsets, FILE *err);

/* scenario_load_text for text from someone who may not reach this computer's files (a
 * student's submission to the class server, cli/serve.c): a key in the text that names a
 * file ([demand] history) is refused before anything is opened. The overrides are trusted. */
int scenario_load_sealed(struct scenario *sc, const char *name, const char *text, size_t len,
                         const struct scenario_override *sets, size_t nsets, FILE *err);

/* Write the fully resolved scenario as INI text that servlab can read again, every
 * default filled in and each key's origin noted. */
void scenario_write(const struct scenario *sc, FILE *out);

/* The value scenario sc uses for `name` ("inventory.reorder_point",
 * "product.tea.price_per_unit"), as the canonical text check writes. Returns 0, or -1
 * if there is no such key in sc. */
int scenario_value(const struct scenario *sc, const char *name, char *buf, size_t n);

/* The line of sc's file that gave `name` its value, or 0 when the file did not (a
 * default, --set, an inherited value, no such key). */
int scenario_line(const struct scenario *sc, const char *name);

/* Call fn for every key sc has, in the order check writes them: the plain sections'
 * keys, then every named section's ("product.tea.price_per_unit"), with its full name,
 * the value scenario_value gives (the canonical text, or why it is unset in
 * parentheses, in the reader's language), where the value came from, and not_set: the
 * value is "(not set)", the key being neither given nor defaulted (as against unused by
 * the scenario: "(not used by policy sS)"), told by its kind, never by the translated
 * text. sc must have loaded; name and value are valid during the call only. */
void scenario_each_key(const struct scenario *sc,
                       void (*fn)(void *ctx, const char *full_name, const char *value, enum key_from from,
                                  bool not_set),
                       void *ctx);

/* Call fn for every key that sc's [locks] section locks, with its full name. */
void scenario_locked_keys(const struct scenario *sc, void (*fn)(void *ctx, const char *name), void *ctx);

#endif
