/* options.h - servlab's command-line options, in one table: each row gives an option's
 * name, its value (metavar), the commands that accept it, the key it stands for (by its
 * id, K_RUN_SEED), its --help line and its paragraph in servlab.1. The parser, `servlab
 * --help` and the man page's OPTIONS section (`servlab --help-man`, checked against
 * servlab.1 by tests/manpage.sh) all come from it. Knows nothing of what an option does: servlab.c
 * acts on the ids. */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include "reader/keys.h"

#include <stddef.h>
#include <stdio.h>

/* The commands, as bits of option_row.commands. */
enum command {
    CMD_RUN = 1u << 0,
    CMD_SWEEP = 1u << 1,
    CMD_COMPARE = 1u << 2,
    CMD_BATCH = 1u << 3,
    CMD_CHECK = 1u << 4,
    CMD_KEYS = 1u << 5,
    CMD_IPA = 1u << 6,
    CMD_OPTIMISE = 1u << 7,
    CMD_SERVE = 1u << 8,
};

/* What an option does; rows that share a name share the id (--plot means one thing to
 * the parser, and --help says what it draws for each command). */
enum option_id {
    OPT_FILE, /* not an option: a file or another word after the command */
    OPT_SET,
    OPT_REPS,
    OPT_SEED,
    OPT_THREADS,
    OPT_FORMAT,
    OPT_OUT,
    OPT_PLOT,
    OPT_QUIET,
    OPT_LANG,
    OPT_METRICS,
    OPT_PARAM,
    OPT_FROM,
    OPT_TO,
    OPT_STEPS,
    OPT_VALUES,
    OPT_SERVICE,
    OPT_X_AXIS,
    OPT_SWEEP,
    OPT_MATERIAL,
    OPT_BASE,
    OPT_AGAINST,
    OPT_HELP,
    OPT_VERSION,
    OPT_STEP, /* optimise */
    OPT_MAXIMISE,
    OPT_MINIMISE,
    OPT_REQUIRE,
    OPT_DELTA,
    OPT_BIND, /* serve */
    OPT_PORT,
    OPT_DIR,
    OPT_CODE,
    OPT_RATE,
};

/* The headings --help lists the options under, in this order. */
enum option_group {
    GROUP_GENERAL, /* "Options:" */
    GROUP_SWEEP,
    GROUP_BATCH,
    GROUP_COMPARE,
    GROUP_IPA,
    GROUP_OPTIMISE,
    GROUP_SERVE,
    GROUP_HIDDEN, /* --help, --version: the command list names them */
};

struct option_row {
    enum option_id id;
    const char *name;        /* "--reps" */
    const char *metavar;     /* its value in the help, "N"; NULL: it takes no value */
    unsigned commands;       /* CMD_* bits of the commands that accept it; 0: none */
    enum option_group group; /* where --help lists this row */
    enum key_id key;         /* the key it sets, as --set would (K_RUN_SEED); KEY_NONE: none */
    const char *help;        /* --help's text, English (N_: --help prints it translated); NULL:
                                the row shares the next row's line ("--from A --to B --steps N") */
    const char *man;         /* servlab.1's paragraph (roff, English); NULL: another row with
                                the same name (or on the same line) has it */
};

/* The table, in --help's order; a name may have several rows, one per meaning shown. */
extern const struct option_row option_rows[];
extern const size_t option_nrows;

/* One word after the command: an option with its value, or a file (id OPT_FILE, value
 * the word). value points into argv, or is "" for an option without one. */
struct option_arg {
    enum option_id id;
    const struct option_row *row; /* NULL for OPT_FILE */
    const char *value;
};

/* Reads argv[*i] (and argv[*i + 1] when the value follows as a separate word, leaving *i
 * on it) for the command `command` (one CMD_* bit) named command_name. Returns 0 with
 * *arg set, or -1 with the problem written into err, in the language of lang/lang.h:
 * "unknown option '--x'; did you mean '--y'?", "--x does not apply to 'servlab run'",
 * "--x needs a value", "--x takes no value". A word not starting with "--", and "--"
 * itself, is a file. */
int options_next(int argc, char **argv, int *i, unsigned command, const char *command_name, struct option_arg *arg,
                 char *err, size_t errlen);

/* The option part of `servlab --help`, in the language of lang/lang.h: each group's
 * heading and one line per row, the text at column 27 (after three spaces when the name
 * is wider; names and metavars are ASCII, so bytes are columns). Starts with a blank
 * line. The man page (options_man) stays English. */
void options_help(FILE *fp);

/* servlab.1's OPTIONS section, from ".SH OPTIONS" to its last paragraph: each named
 * option's paragraph, a line of rows in one paragraph, and "The same as --set KEY=V"
 * for rows that set a key. A metavar is italic, or roman when it lists literal choices
 * ("table|csv"). */
void options_man(FILE *fp);

#endif
