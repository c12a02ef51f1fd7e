/* options.c - the option table and what is made from it: the parser's checks, the
 * option part of --help and the OPTIONS section of servlab.1. */
#include "options.h"

#include "lang/lang.h"
#include "reader/keys.h"
#include "reader/suggest.h"

#include <stdbool.h>
#include <ctype.h>
#include <string.h>
#include <unistd.h>

enum {
    ALL = CMD_RUN | CMD_SWEEP | CMD_COMPARE | CMD_BATCH | CMD_IPA | CMD_OPTIMISE,
    HELP_COLUMN = 25, /* the width of the name column after the two-space indent */
};

/* Man-page text is roff: \- is a minus (--), .B bold, .BR bold then roman, \fI italic. It is
 * translated (msgctxt "man"): servlab --lang zh --help-man writes man/zh_CN/servlab.1's OPTIONS. */
const struct option_row option_rows[] = {
    {OPT_SET, "--set", "SECTION.KEY=VALUE", ALL | CMD_SERVE | CMD_CHECK, GROUP_GENERAL, KEY_NONE,
     N_("override one key, validated like the file (repeatable)"),
     /* TRANSLATORS: a paragraph of the man page's OPTIONS section (servlab --help-man,
        man/zh_CN/servlab.1), in roff: a line that starts with a dot keeps its macro and
        names; keep each Chinese sentence on one line (a line break between two Chinese
        characters prints as a space) */
     NC_("man", "Override one key; the value is validated exactly like the file. Repeatable. The key is\n"
                "what follows the last dot.\n")},
    {OPT_REPS, "--reps", "N", ALL | CMD_SERVE | CMD_CHECK, GROUP_GENERAL, K_RUN_REPLICATIONS,
     N_("replications (same as --set run.replications=N)"), NC_("man", "Replications.\n")},
    {OPT_SEED, "--seed", "N", ALL | CMD_SERVE | CMD_CHECK, GROUP_GENERAL, K_RUN_SEED,
     N_("master seed (same as --set run.seed=N)"), NC_("man", "Master seed.\n")},
    {OPT_THREADS, "--threads", "N", ALL | CMD_SERVE, GROUP_GENERAL, KEY_NONE,
     N_("worker threads (default: every core); results do not depend on N"),
     NC_("man", "Worker threads; the default is every core (shared among the MPI ranks on one machine,\n"
                "see\n"
                ".BR MPI ).\n"
                "Results do not depend on N.\n")},
    {OPT_FORMAT, "--format", "table|csv", ALL, GROUP_GENERAL, KEY_NONE, N_("what goes to stdout (default: table)"),
     NC_("man", "What goes to standard output. CSV has the header\n"
                ".B metric,mean,ci95,sd,n\n"
                "and one row per metric; fields with no value are empty.\n")},
    {OPT_OUT, "--out", "DIR", CMD_RUN | CMD_SWEEP | CMD_COMPARE | CMD_IPA | CMD_OPTIMISE, GROUP_GENERAL, KEY_NONE,
     N_("also write CSV files, charts, the page report.html and, but for compare, summary.txt into DIR"),
     NC_("man", "Also write the command's CSV file\n"
                ".RI ( DIR/run.csv ,\n"
                ".IR sweep.csv ,\n"
                ".IR compare.csv ,\n"
                ".IR ipa.csv ,\n"
                ".IR optimise.csv ),\n"
                ".I DIR/summary.txt\n"
                "(scenario, seed, generator, replications, warnings; not compare), the charts, and\n"
                ".IR DIR/report.html ,\n"
                "the debrief page: one self-contained file with every table and chart, to project or\n"
                "print. Files appear whole or not at all:\n"
                "each is written under a temporary name and renamed when complete. The directory is\n"
                "checked before anything is simulated; temporary files left in it by a run that was\n"
                "killed outright are removed.\n")},
    {OPT_PLOT, "--plot", "FILE", CMD_RUN | CMD_SWEEP | CMD_IPA, GROUP_GENERAL, KEY_NONE,
     N_("write the main chart; .png, .svg or .pdf"),
     NC_("man", "Write the main chart; the extension picks .png, .svg or .pdf. The file is checked\n"
                "before anything is simulated. With\n"
                ".BR compare ,\n"
                "sweep every scenario and draw their profit curves together; with\n"
                ".BR \"batch \\-\\-sweep\" ,\n"
                "draw each row's recommended service against its margin.\n")},
    {OPT_QUIET, "--quiet", NULL, ALL, GROUP_GENERAL, KEY_NONE,
     N_("no progress bar (it is shown on stderr only when that is a terminal)"),
     NC_("man", "No progress bar (it is drawn on standard error only when that is a terminal, and\n"
                "advances within a replication).\n")},
    {OPT_LANG, "--lang", "en|zh", ALL | CMD_SERVE | CMD_CHECK | CMD_KEYS, GROUP_GENERAL, KEY_NONE,
     N_("the language of what servlab prints (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)"),
     NC_("man", "The language of everything servlab prints for a person to read: reports, tables,\n"
                "charts, warnings and errors, in English or Simplified Chinese. Without it, the\n"
                "first entry of\n"
                ".BR LANGUAGE 's\n"
                "list that servlab speaks decides, as for GNU programs:\n"
                ".B LANGUAGE=zh_CN\n"
                "means Chinese. When it names neither, a\n"
                ".B LC_ALL\n"
                "(or else\n"
                ".BR LC_MESSAGES ,\n"
                "or else\n"
                ".BR LANG )\n"
                "beginning with\n"
                ".B zh\n"
                "means Chinese. CSV files and the names of metrics, sections, keys and options\n"
                "stay English in both.\n")},
    {OPT_METRICS, "--metrics", "M1,M2,...", CMD_RUN, GROUP_GENERAL, KEY_NONE,
     N_("run: report only these metrics, in this order (names as in --format csv)"),
     NC_("man", ".BR run :\n"
                "report only these metrics, in this order (names as in the CSV, including\n"
                ".IB product .NAME. metric ,\n"
                ".IB tier .NAME. metric ,\n"
                ".IB location .NAME. metric\n"
                "and\n"
                ".IB region .NAME. metric ).\n")},

    /* [sweep] keys on the command line: check and compare read [sweep] too */
    {OPT_PARAM, "--param", "SECTION.KEY", CMD_SWEEP | CMD_CHECK | CMD_COMPARE, GROUP_SWEEP, K_SWEEP_PARAMETER,
     N_("the key to vary, e.g. inventory.safety_factor"),
     NC_("man", ".BR sweep :\n"
                "the key to vary. Given twice, each followed by its own range options, the sweep runs\n"
                "every pair of values (a grid of two levers, the first as rows); a third is refused.\n")},
    {OPT_FROM, "--from", "A", CMD_SWEEP | CMD_CHECK | CMD_COMPARE, GROUP_SWEEP, K_SWEEP_FROM, NULL, NULL},
    {OPT_TO, "--to", "B", CMD_SWEEP | CMD_CHECK | CMD_COMPARE, GROUP_SWEEP, K_SWEEP_TO, NULL, NULL},
    {OPT_STEPS, "--steps", "N", CMD_SWEEP | CMD_CHECK | CMD_COMPARE, GROUP_SWEEP, K_SWEEP_STEPS,
     N_("N equally spaced values from A to B"),
     NC_("man", ".BR sweep :\n"
                "N equally spaced values from A to B.\n")},
    {OPT_VALUES, "--values", "V1,V2,...", CMD_SWEEP | CMD_CHECK | CMD_COMPARE, GROUP_SWEEP, K_SWEEP_VALUES,
     N_("or exactly these values"),
     NC_("man", ".BR sweep :\n"
                "the values, one by one (instead of\n"
                ".BR \\-\\-from/\\-\\-to/\\-\\-steps ).\n")},
    {OPT_SERVICE, "--service", "METRIC", CMD_SWEEP | CMD_CHECK | CMD_COMPARE, GROUP_SWEEP, K_SWEEP_SERVICE,
     N_("the service rate on the curve (default fill_rate)"),
     NC_("man", ".BR sweep :\n"
                "the service rate on the curve (default fill_rate).\n")},
    {OPT_X_AXIS, "--x-axis", "auto|service|shortfall|lever", CMD_SWEEP | CMD_CHECK | CMD_COMPARE, GROUP_SWEEP,
     K_SWEEP_X_AXIS, /* xgettext:no-c-format */
     N_("the charts' x axis; auto: the shortfall, on a log scale, when points crowd near 100%; the lever when service "
        "does not move, rises at fewer than half the steps or 3 points reach 100%"),
     /* xgettext:no-c-format */
     NC_("man", ".BR sweep :\n"
                "what the sweep charts draw along x:\n"
                ".B service\n"
                "(the service level achieved),\n"
                ".B shortfall\n"
                "(100% less the service level on a log scale, its ticks labelled as service levels:\n"
                "90, 99, 99.9),\n"
                ".B lever\n"
                "(the swept key's own values), or\n"
                ".B auto\n"
                "(the default): the lever when the service level is the same at every point (within\n"
                "0.01 points: a lever that buys something else), when it rises at fewer than half\n"
                "the steps (the curves would run back and forth) or when 3 points or more reach\n"
                "exactly 100% (they would stand on one x), else the shortfall when the points\n"
                "crowd near 100% (at least 4 points, more than a third of them in the last twentieth\n"
                "of the axis from the lowest to 100%), else the service level; the subtitle says\n"
                "which. The charts of\n"
                ".B compare\n"
                "keep the service level.\n")},

    {OPT_SWEEP, "--sweep", NULL, CMD_BATCH, GROUP_BATCH, KEY_NONE,
     N_("run each row's sweep and report its most profitable point"),
     /* xgettext:no-c-format */
     NC_("man", ".BR batch :\n"
                "run each row's sweep (the base file's\n"
                ".B [sweep]\n"
                "section) and report its most profitable lever value, with the gain over the row as\n"
                "written and its 95% interval paired over the replications (the row and its sweep run\n"
                "on the same random numbers). A gain is material when that interval lies above 0 and\n"
                "the gain is at least\n"
                ".B \\-\\-material\n"
                "(0.5% of the row's profit a day as written, and 0.01): on the same random numbers\n"
                "nearly every gain is significant, and a smaller one is not worth a change. The rows\n"
                "that gain most are listed, with 2 decimals, those whose interval holds 0 as\n"
                "\\(lqno significant gain\\(rq, those below the threshold as \\(lqno material gain: keep\n"
                "the current setting\\(rq; the chart labels every item of a table of up to 15 rows,\n"
                "else the 10 with the largest material gains, and gives a gain only to a material one.\n")},
    {OPT_MATERIAL, "--material", "PCT", CMD_BATCH, GROUP_BATCH, KEY_NONE,
     /* xgettext:no-c-format */
     N_("(with --sweep) the least material gain, % of a row's profit (0.5)"),
     /* xgettext:no-c-format */
     NC_("man", ".BR batch :\n"
                "(with\n"
                ".BR \\-\\-sweep )\n"
                "the least gain a day worth changing a row's setting for, as a per cent of the row's\n"
                "profit a day as written (default 0.5; 0 counts every significant gain of at least\n"
                "0.01). A significant gain below it is reported as \\(lqno material gain: keep the\n"
                "current setting\\(rq.\n")},
    {OPT_PLOT, "--plot", "FILE", CMD_BATCH, GROUP_BATCH, KEY_NONE,
     N_("(with --sweep) each row's recommended service against its margin"), NULL},
    {OPT_OUT, "--out", "DIR", CMD_BATCH, GROUP_BATCH, KEY_NONE,
     N_("batch.csv, summary.txt, report.html (and batch_service.png with --sweep)"), NULL},

    {OPT_BASE, "--base", "BASE.ini", CMD_COMPARE, GROUP_COMPARE, KEY_NONE,
     N_("the file students started from; its [locks] must be kept"),
     NC_("man", ".BR compare :\n"
                "the file the students started from; a file that changed a key its\n"
                ".B [locks]\n"
                "section fixes is refused.\n"
                ".BR serve :\n"
                "the scenario the class starts from: every submission runs with its seed and\n"
                "replications, under the same rule.\n")},
    {OPT_PLOT, "--plot", "FILE", CMD_COMPARE, GROUP_COMPARE, KEY_NONE,
     N_("sweep every scenario and draw their profit curves together"), NULL},

    {OPT_AGAINST, "--against", "RIVAL.ini", CMD_IPA, GROUP_IPA, KEY_NONE,
     N_("the targets are what this competitor scenario achieves"),
     NC_("man", ".BR ipa :\n"
                "judge performance against what this competitor scenario achieves (run with the same\n"
                "replications and seed) instead of the targets of the file's\n"
                ".B [ipa]\n"
                "section.\n")},

    /* optimise: up to two levers, each --param followed by its range */
    {OPT_PARAM, "--param", "SECTION.KEY", CMD_OPTIMISE, GROUP_OPTIMISE, KEY_NONE, NULL, NULL},
    {OPT_FROM, "--from", "A", CMD_OPTIMISE, GROUP_OPTIMISE, KEY_NONE, NULL, NULL},
    {OPT_TO, "--to", "B", CMD_OPTIMISE, GROUP_OPTIMISE, KEY_NONE,
     N_("a lever and its range; a second --param adds a second lever"), NULL},
    {OPT_STEP, "--step", "D", CMD_OPTIMISE, GROUP_OPTIMISE, KEY_NONE,
     N_("the lever's grid step (default 1 for a whole-number key, else (B - A) / 20)"),
     NC_("man", ".BR optimise :\n"
                "the grid step of the lever named by the last\n"
                ".BR \\-\\-param ,\n"
                "whose range\n"
                ".B \\-\\-from\n"
                "and\n"
                ".B \\-\\-to\n"
                "give (default 1 for a whole-number key, else a twentieth of the range). A second\n"
                ".B \\-\\-param\n"
                "with its own range adds a second lever; a third is an error.\n")},
    {OPT_MAXIMISE, "--maximise", "METRIC", CMD_OPTIMISE, GROUP_OPTIMISE, KEY_NONE,
     N_("the metric to maximise (default profit_per_day)"),
     NC_("man", ".BR optimise :\n"
                "the metric to maximise (default\n"
                ".BR profit_per_day ).\n")},
    {OPT_MINIMISE, "--minimise", "METRIC", CMD_OPTIMISE, GROUP_OPTIMISE, KEY_NONE,
     N_("or the metric to minimise, e.g. cost_total_per_day"),
     NC_("man", ".BR optimise :\n"
                "or the metric to minimise, e.g.\n"
                ".BR cost_total_per_day .\n"
                "When every point the search tries has the same mean of the metric (no units lost at any\n"
                "reorder point), the output says so, and that the point it shows is only the first the search\n"
                "tried; to choose among them by profit, maximise\n"
                ".B profit_per_day\n"
                "with the tied level as a\n"
                ".BR \\-\\-require .\n")},
    {OPT_REQUIRE, "--require", "METRIC>=X", CMD_OPTIMISE, GROUP_OPTIMISE, KEY_NONE,
     N_("only points whose mean METRIC is >= X (or <= X), e.g. 'fill_rate>=0.99' or 'fill_rate>=99%' (in quotes: "
        "the shell reads > as a redirection)"),
     /* xgettext:no-c-format */
     NC_("man", ".BR optimise :\n"
                "consider only points whose mean\n"
                ".I METRIC\n"
                "is at least (>=) or at most (<=)\n"
                ".IR X ,\n"
                "e.g. \\(aqfill_rate>=0.99\\(aq or \\(aqfill_rate>=99%\\(aq (in quotes: the shell reads > as a "
                "redirection).\n")},
    {OPT_DELTA, "--delta", "D", CMD_OPTIMISE, GROUP_OPTIMISE, KEY_NONE,
     N_("the indifference zone of the final selection (default: from the search's noise)"),
     /* xgettext:no-c-format */
     NC_("man", ".BR optimise :\n"
                "the indifference zone of the final selection, in the metric's unit: the chosen point\n"
                "is the best with probability at least 95% when the best is ahead by this much or more\n"
                "(default: half the 95% half-width of the search's best point).\n")},

    /* serve: a class session on the network (cli/serve.h) */
    {OPT_BASE, "--base", "BASE.ini", CMD_SERVE, GROUP_SERVE, KEY_NONE,
     N_("the class's scenario: students edit it; its [locks] must be kept"), NULL},
    {OPT_BIND, "--bind", "ADDRESS", CMD_SERVE, GROUP_SERVE, KEY_NONE,
     N_("the address to listen on (default 127.0.0.1; 0.0.0.0 for the class network)"),
     NC_("man", ".BR serve :\n"
                "the IPv4 or IPv6 address to listen on. The default, 127.0.0.1, serves this computer\n"
                "only; give the address of the class network's interface, or 0.0.0.0 for every one.\n"
                "With 0.0.0.0 the server lists this computer's network addresses, the ones students\n"
                "type, then the class code and the leaderboard's address for the projector; beyond\n"
                "loopback without\n"
                ".B \\-\\-code\n"
                "it warns that anyone on the network can submit.\n")},
    {OPT_PORT, "--port", "N", CMD_SERVE, GROUP_SERVE, KEY_NONE, N_("the TCP port (default 8080; 0: any free one)"),
     NC_("man", ".BR serve :\n"
                "the TCP port (default 8080); 0 takes any free port, which the first line printed names.\n")},
    {OPT_DIR, "--dir", "STATE_DIR", CMD_SERVE, GROUP_SERVE, KEY_NONE,
     N_("where submissions and results are kept (default servlab-class)"),
     NC_("man", ".BR serve :\n"
                "where the submissions, their results and\n"
                ".I history.csv\n"
                "are kept (default\n"
                ".IR servlab-class ),\n"
                "each file written whole; a restart with the same directory reloads them.\n")},
    {OPT_CODE, "--code", "CLASS_CODE", CMD_SERVE, GROUP_SERVE, KEY_NONE, N_("students must give this code to submit"),
     NC_("man", ".BR serve :\n"
                "a code students must give with each submission (write it on the board). Its ASCII\n"
                "letters may be typed in either case (a phone capitalises the first one).\n")},
    {OPT_RATE, "--rate", "N", CMD_SERVE, GROUP_SERVE, KEY_NONE,
     N_("submissions a minute from one computer (default 10; 0: no limit)"),
     NC_("man", ".BR serve :\n"
                "submissions a minute accepted from one address (default 10): a burst of up to N,\n"
                "then one more every 60/N seconds; beyond that the answer is 429. 0 sets no limit.\n")},

    /* taken before the command line is parsed (--help anywhere on it, --version alone) */
    {OPT_HELP, "--help", NULL, 0, GROUP_HIDDEN, KEY_NONE, NULL, NULL},
    {OPT_VERSION, "--version", NULL, 0, GROUP_HIDDEN, KEY_NONE, NULL, NULL},
};
const size_t option_nrows = sizeof option_rows / sizeof option_rows[0];

static const char *const group_headings[] = {
    [GROUP_GENERAL] = N_("Options:"),
    [GROUP_SWEEP] = N_("Sweep options:"),
    [GROUP_BATCH] = N_("Batch options:"),
    [GROUP_COMPARE] = N_("Compare options:"),
    [GROUP_IPA] = N_("Importance-performance options:"),
    [GROUP_OPTIMISE] = N_("Optimise options:"),
    [GROUP_SERVE] = N_("Serve options:"),
};

/* The key an unknown option names, as a student who saw --reps tries --horizon or
 * --reorder-point: "run.horizon_days" (the key itself, or with _days after it, '-' read
 * as '_', of one plain section), else NULL. */
static const char *key_of_option(const char *name)
{
    char bare[64];
    snprintf(bare, sizeof bare, "%s", name + 2);
    for (char *p = bare; *p; p++)
        if (*p == '-') *p = '_';
    const char *key = key_full_name_of_bare(bare);
    if (key) return key;
    char days[sizeof bare + 8];
    snprintf(days, sizeof days, "%s_days", bare);
    return key_full_name_of_bare(days);
}

/* The option that sets the key of this full name ("--reps" for run.replications), or
 * NULL: --replications is then answered with --reps, not with --set. */
static const char *option_setting(const char *full_name)
{
    const char *dot = strrchr(full_name, '.');
    if (!dot) return NULL;
    char section[64];
    snprintf(section, sizeof section, "%.*s", (int)(dot - full_name), full_name);
    for (size_t k = 0; k < option_nrows; k++)
        if (option_rows[k].key != KEY_NONE && strcmp(key_defs[option_rows[k].key].section, section) == 0 &&
            strcmp(key_defs[option_rows[k].key].name, dot + 1) == 0)
            return option_rows[k].name;
    return NULL;
}

/* Is word an option of servlab's ("--out", "--out=x"), of any command? */
static bool is_option_name(const char *word)
{
    if (strncmp(word, "--", 2) != 0) return false;
    size_t len = strcspn(word, "=");
    for (size_t k = 0; k < option_nrows; k++)
        if (strlen(option_rows[k].name) == len && strncmp(option_rows[k].name, word, len) == 0) return true;
    return false;
}

int options_next(int argc, char **argv, int *i, unsigned command, const char *command_name, struct option_arg *arg,
                 char *err, size_t errlen)
{
    const char *word = argv[*i];
    /* "—reps": a word processor's or an input method's dash for "--" (a command copied
       from a document, or typed with the Chinese input method's '——') */
    static const char *const dashes[] = {"\u2014", "\u2013", "\uFF0D"}; /* em dash, en dash, full-width '-' */
    for (size_t d = 0; d < sizeof dashes / sizeof dashes[0]; d++) {
        size_t len = strlen(dashes[d]);
        if (strncmp(word, dashes[d], len) != 0) continue;
        char shown[48]; /* the word as quoted, twice, in a message of 200 bytes: never half a character */
        snprintf(shown, sizeof shown, "%.40s", word);
        lang_tidy_cut(shown);
        const char *rest = shown;
        for (bool more = true; more;) {
            more = false;
            for (size_t e = 0; e < sizeof dashes / sizeof dashes[0]; e++)
                if (strncmp(rest, dashes[e], strlen(dashes[e])) == 0) rest += strlen(dashes[e]), more = true;
            if (*rest == '-') rest++, more = true;
        }
        if (!*rest || !isalpha((unsigned char)*rest)) break;
        /* a file of that name ("—notes.ini") is a file, not an option: unless the word after
           the dash is an option's name, which a file named so hardly stands for */
        char option[64];
        snprintf(option, sizeof option, "--%s", rest);
        if (access(word, F_OK) == 0 && !is_option_name(option)) break;
        /* TRANSLATORS: the word as typed, the dash it begins with, then the option with two hyphens */
        snprintf(err, errlen, _("'%s' begins with '%s', not two hyphens (copied from a document?); type --%s"), shown,
                 dashes[d], rest);
        return -1;
    }
    if (strncmp(word, "--", 2) != 0 || strcmp(word, "--") == 0) {
        *arg = (struct option_arg){.id = OPT_FILE, .row = NULL, .value = word};
        return 0;
    }
    char name[64];
    const char *eq = strchr(word, '=');
    snprintf(name, sizeof name, "%.*s", (int)(eq ? (size_t)(eq - word) : strlen(word)), word);
    lang_tidy_cut(name); /* quoted in messages: never half a character */
    const struct option_row *known = NULL, *applies = NULL;
    /* every option's name, and the command's options': at most one a row */
    const char *names[sizeof option_rows / sizeof option_rows[0]], *mine[sizeof option_rows / sizeof option_rows[0]];
    size_t nnames = 0, nmine = 0;
    for (size_t k = 0; k < option_nrows; k++) {
        const struct option_row *r = &option_rows[k];
        bool seen = false, mine_seen = false;
        for (size_t j = 0; j < nnames; j++) seen |= strcmp(names[j], r->name) == 0;
        if (!seen) names[nnames++] = r->name;
        for (size_t j = 0; j < nmine; j++) mine_seen |= strcmp(mine[j], r->name) == 0;
        if (!mine_seen && (r->commands & command)) mine[nmine++] = r->name;
        if (strcmp(r->name, name) != 0) continue;
        if (!known) known = r;
        if (!applies && (r->commands & command)) applies = r;
    }
    if (!known) {
        /* the command's own options first ("compare --sort" is told '--set', not '--port',
           which serve takes), then any ("run --stesp": '--steps', which sweep takes) */
        const char *near = suggest_nearest(name, mine, nmine);
        if (!near) near = suggest_nearest(name, names, nnames);
        const char *key = near ? NULL : key_of_option(name), *setter = key ? option_setting(key) : NULL;
        if (near)
            snprintf(err, errlen, _("unknown option '%s'; did you mean '%s'?"), name, near);
        else if (setter)
            snprintf(err, errlen, _("unknown option '%s'; did you mean '%s'? (it sets %s)"), name, setter, key);
        else if (key)
            snprintf(err, errlen, _("unknown option '%s'; a scenario's key is set with --set %s=VALUE"), name, key);
        else
            snprintf(err, errlen, _("unknown option '%s'"), name);
        return -1;
    }
    if (!applies) {
        /* the command's own option of a name one letter off ("optimise --steps": its --step),
           with what it takes, which differs ("--step D", a gap, where --steps counts points),
           on a line of its own indented as a wrapped message's, its --help text left out
           where the line would pass a terminal's width */
        const char *near = suggest_nearest(name, mine, nmine);
        const struct option_row *own = NULL;
        for (size_t k = 0; near && suggest_distance(name, near) <= 1 && k < option_nrows && !own; k++)
            if (strcmp(option_rows[k].name, near) == 0 && (option_rows[k].commands & command) && option_rows[k].help &&
                option_rows[k].metavar)
                own = &option_rows[k];
        int used = snprintf(err, errlen, _("%s does not apply to 'servlab %s'"), name, command_name);
        if (own && used > 0 && (size_t)used < errlen) {
            char line[400];
            /* TRANSLATORS: the command's own option, what it takes ("D"), then its --help text */
            snprintf(line, sizeof line, _("it takes %s %s: %s"), own->name, own->metavar, _(own->help));
            if (2 + lang_width(line) >
                LANG_LINE_MAX) /* TRANSLATORS: the command's own option, then what it takes ("D") */
                snprintf(line, sizeof line, _("it takes %s %s"), own->name, own->metavar);
            /* TRANSLATORS: ends a clause, before a line break; Chinese writes '；' */
            snprintf(err + used, errlen - (size_t)used, "%s\n  %s", C_("clause", ";"), line);
        }
        return -1;
    }
    const char *value = "";
    if (applies->metavar) {
        if (eq)
            value = eq + 1;
        else if (*i + 1 < argc && is_option_name(argv[*i + 1])) {
            /* "--steps --out x": the value was left out, and the next option is not it
               (else --out became the value, and x a second file) */
            snprintf(err, errlen, _("%s needs a value: '%s' after it is the next option"), name, argv[*i + 1]);
            return -1;
        } else if (*i + 1 < argc)
            value = argv[++*i];
        else {
            snprintf(err, errlen, _("%s needs a value"), name);
            return -1;
        }
    } else if (eq) {
        snprintf(err, errlen, _("%s takes no value"), name);
        return -1;
    }
    *arg = (struct option_arg){.id = applies->id, .row = applies, .value = value};
    return 0;
}

void options_help(FILE *fp)
{
    char cont[2 + HELP_COLUMN + 1];
    snprintf(cont, sizeof cont, "%*s", 2 + HELP_COLUMN, "");
    for (size_t g = GROUP_GENERAL; g < GROUP_HIDDEN; g++) {
        fprintf(fp, "\n%s\n", _(group_headings[g]));
        char line[200] = "";
        for (size_t k = 0; k < option_nrows; k++) {
            const struct option_row *r = &option_rows[k];
            if (r->group != g) continue;
            size_t used = strlen(line);
            snprintf(line + used, sizeof line - used, "%s%s%s%s", used ? " " : "", r->name, r->metavar ? " " : "",
                     r->metavar ? r->metavar : "");
            if (!r->help) continue; /* the next row's text ends this line */
            /* the text wrapped within a terminal's width, every continuation in the text's
               column (also after a name wider than the column, as the commands above are) */
            char head[sizeof line + 8];
            if (strlen(line) < HELP_COLUMN)
                snprintf(head, sizeof head, "  %-*s", HELP_COLUMN, line);
            else
                snprintf(head, sizeof head, "  %s   ", line);
            lang_print_hanging_balanced(fp, head, _(r->help), cont, LANG_LINE_MAX);
            line[0] = '\0';
        }
    }
}

/* s with each '-' written as roff's minus, \- */
static void man_text(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (*s == '-') fputc('\\', fp);
        fputc(*s, fp);
    }
}

/* The paragraph's heading: the rows first..last (one --help line) with their metavars. */
static void man_heading(FILE *fp, size_t first, size_t last)
{
    bool value = false, literal = false;
    for (size_t k = first; k <= last; k++) {
        value |= option_rows[k].metavar != NULL;
        literal |= option_rows[k].metavar && strchr(option_rows[k].metavar, '|');
    }
    fputs(!value ? ".B " : literal ? ".BR " : ".BI ", fp);
    for (size_t k = first; k <= last; k++) {
        const struct option_row *r = &option_rows[k];
        man_text(fp, r->name);
        if (!r->metavar) continue;
        fputs(" \" ", fp);
        man_text(fp, r->metavar);
        fputs(k < last ? " \" " : "\"", fp);
    }
    fputc('\n', fp);
}

/* "The same as --set KEY=V ..." for the rows first..last that stand for keys. */
static void man_same_as(FILE *fp, size_t first, size_t last)
{
    size_t n = 0;
    for (size_t k = first; k <= last; k++) n += option_rows[k].key != KEY_NONE;
    if (!n) return;
    /* TRANSLATORS: in the man page, before "--set run.seed=N" */
    fprintf(fp, "%s\n.BR", C_("man", "The same as"));
    size_t done = 0;
    for (size_t k = first; k <= last; k++) {
        const struct option_row *r = &option_rows[k];
        if (r->key == KEY_NONE) continue;
        fputs(done ? " \" " : " \"", fp);
        man_text(fp, "--set ");
        man_text(fp, key_full_name(r->key));
        fputs("=\" \\fI", fp);
        man_text(fp, r->metavar);
        bool dots = r->metavar[strlen(r->metavar) - 1] == '.'; /* "V1,V2,..." ends the sentence */
        if (++done < n)
            fputs("\\fR", fp);
        else /* TRANSLATORS: ends the man page's sentence "The same as --set KEY=V" */
            fprintf(fp, "\\fR%s\n", dots ? "" : C_("man", "."));
    }
}

void options_man(FILE *fp)
{
    /* TRANSLATORS: the heading of the man page's section on options */
    fprintf(fp, ".SH %s\n", C_("man", "OPTIONS"));
    size_t first = 0;
    for (size_t k = 0; k < option_nrows; k++) {
        const struct option_row *r = &option_rows[k];
        if (!r->help && r->group != GROUP_HIDDEN) continue; /* on the next row's line */
        if (r->man) {
            fputs(".TP\n", fp);
            man_heading(fp, first, k);
            fputs(C_("man", r->man), fp);
            man_same_as(fp, first, k);
        }
        first = k + 1;
    }
}
