/* servlab.c - the command-line front end: parse the command line, load scenarios, run
 * them, print reports and write output files. Exit status: 0 success, 2 bad command
 * line or bad scenario (nothing simulated), 1 any other failure. */
#include "cli/batch.h"
#include "cli/charts.h"
#include "cli/compare.h"
#include "cli/contract_report.h"
#include "cli/debrief.h"
#include "cli/ipa.h"
#include "cli/mpi_grid.h"
#include "cli/optimise.h"
#include "cli/options.h"
#include "cli/outfile.h"
#include "cli/report.h"
#include "cli/serve.h"
#include "cli/simulate.h"
#include "cli/stability.h"
#include "cli/workload.h"
#include "lang/lang.h"
#include "models/contract.h"
#include "models/metrics.h"
#include "models/model.h"
#include "models/policy.h"
#include "cli/sweep.h"
#include "cli/grid.h"
#include "reader/keys.h"
#include "reader/scenario.h"
#include "reader/suggest.h"
#include "reader/value.h"
#include "plots/chart.h"
#include "sim/rng.h"
#include "sim/rng_book.h"
#include "sim/runner.h"

#include <errno.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_version.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_BAD_INPUT = 2, MAX_SETS = 64, MAX_FILES = 64 };

/* --help: the commands, then the options (cli/options), then the exit statuses; printed
 * translated (lang/lang.h). */
static const char *const usage_commands =
    N_("usage: servlab COMMAND [options]\n"
       "\n"
       "Commands:\n"
       "  run FILE.ini        simulate the scenario as written; print the service report\n"
       "  sweep FILE.ini      vary one key over a range; print the service curve and the\n"
       "                      profit-maximising point (the key and range come from the file's\n"
       "                      [sweep] section, or from --param and --from/--to/--steps or --values)\n"
       "  compare A.ini B.ini ...   run several scenarios on the same random numbers and rank them\n"
       "                      by profit (--base BASE.ini refuses files that changed a locked key)\n"
       "  batch BASE.ini TABLE.csv   run one variant of BASE.ini per row of TABLE.csv, whose columns\n"
       "                      are keys (SECTION.KEY, as --set) and whose cells override the file; one CSV\n"
       "                      row of results per table row, and the total profit (--sweep: also each\n"
       "                      row's profit-maximising lever value from BASE.ini's [sweep])\n"
       "  ipa FILE.ini        the importance-performance matrix: each service element's performance\n"
       "                      against a target ([ipa] or --against) and its importance, measured by\n"
       "                      moving its lever on the same random numbers\n");

static const char *const usage_serve =
    N_("  serve --base BASE.ini   a class session: students submit their edit of BASE.ini in the\n"
       "                      browser and see where they stand; the leaderboard is at /leaderboard\n");

/* the commands that only read: after the ones that simulate (usage_optimise among them) */
static const char *const usage_readers =
    N_("  check FILE.ini      validate only; print the scenario with every default filled in\n"
       "  keys [SECTION]      every scenario key: type, unit, default, allowed range, meaning\n"
       "  --help, --version\n");

static const char *const usage_optimise =
    N_("  optimise FILE.ini   find the best value of one or two levers (--param A --from a1 --to a2\n"
       "                      [--step d], twice for two) with far fewer runs than the full grid\n"
       "                      (also spelt optimize)\n");

static const char *const usage_end =
    N_("\n"
       "Exit status: 0 success, 2 bad command line or scenario (nothing simulated), 1 other failure\n"
       "(an interrupted run among them: Ctrl-C stops it and leaves only complete files).\n"
       "Start with:  servlab run scenarios/default.ini   and   servlab keys\n");

enum format { FORMAT_TABLE, FORMAT_CSV };

struct options {
    const char *command;
    const char *files[MAX_FILES];
    size_t nfiles;
    struct scenario_override sets[MAX_SETS];
    char labels[MAX_SETS][320]; /* for --reps, --seed and the sweep options, which become --set */
    char assignments[MAX_SETS][300];
    size_t nsets;
    unsigned threads;
    enum format format;
    const char *out_dir;
    const char *plot;
    const char *base;
    const char *metrics; /* run --metrics: comma-separated metric names, or NULL for all */
    bool quiet;
    bool sweep;                          /* batch --sweep */
    const char *material;                /* batch --material PCT, or NULL: BATCH_MATERIAL_SHARE */
    unsigned nparams;                    /* --param options so far: the range options after the second are its own */
    const char *against;                 /* ipa --against */
    const char *bind, *state_dir, *code; /* serve */
    unsigned long port, rate;
    struct optimise_request optimise;
};

static atomic_int interrupted;

static void on_signal(int sig)
{
    atomic_store(&interrupted, 1);
    signal(sig, SIG_DFL); /* a second Ctrl-C ends the program at once */
}

static int fail_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int fail_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("servlab: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs(_("\n(servlab --help lists the commands and options)\n"), stderr);
    return EXIT_BAD_INPUT;
}

/* A command that takes `wanted` files got another number: its usage line and, when
 * there are more, the ones past what it takes. A number there is most often the rest of
 * a list the shell split at a space (--values 0, 1): that is said too. */
static int wrong_file_count(const struct options *o, size_t wanted, const char *usage)
{
    if (o->nfiles <= wanted) return fail_usage("%s", usage);
    char list[400] = "", msg[1200];
    for (size_t i = wanted; i < o->nfiles; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s'%s'", i > wanted ? " " : "", o->files[i]);
    }
    int len = snprintf(msg, sizeof msg, "%s\n", usage);
    len += snprintf(msg + len, sizeof msg - (size_t)len, _("servlab: also given: %s"), list);
    /* '--values 0, 1, 2' leaves '1,' and '2': digits and commas only, a digit among them */
    const char *extra = o->files[wanted];
    if (strspn(extra, "0123456789.,+-eE") == strlen(extra) && strpbrk(extra, "0123456789") && (size_t)len < sizeof msg)
        snprintf(msg + len, sizeof msg - (size_t)len, "\n%s",
                 _("servlab: a list of values is written without spaces, as in --values 0,1,2"));
    return fail_usage("%s", msg);
}

/* ---- command line ---- */

static void print_usage(FILE *fp)
{
    fputs(_(usage_commands), fp);
    fputs(_(usage_optimise), fp);
    fputs(_(usage_serve), fp);
    fputs(_(usage_readers), fp);
    options_help(fp);
    fputs(_(usage_end), fp);
}

/* assignment and label must outlive the options (argv strings do). */
static int add_override(struct options *o, const char *label, const char *assignment)
{
    if (o->nsets == MAX_SETS) return fail_usage(_("too many --set options (at most %d)"), MAX_SETS);
    o->sets[o->nsets++] = (struct scenario_override){.assignment = assignment, .label = label};
    return 0;
}

static int parse_whole(const char *option, const char *text, unsigned long max, unsigned long *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    if (!*text || *end || errno || text[0] == '-' || v > max)
        return fail_usage(_("%s: '%s' is not a whole number from 1 to %lu"), option, text, max);
    *out = v;
    return 0;
}

/* The second lever's key for a first lever's range key (K_SWEEP_FROM: K_SWEEP_FROM2);
 * any other key is itself. */
static enum key_id sweep_second_lever(enum key_id k)
{
    static const enum key_id pairs[][2] = {{K_SWEEP_PARAMETER, K_SWEEP_PARAMETER2},
                                           {K_SWEEP_FROM, K_SWEEP_FROM2},
                                           {K_SWEEP_TO, K_SWEEP_TO2},
                                           {K_SWEEP_STEPS, K_SWEEP_STEPS2},
                                           {K_SWEEP_VALUES, K_SWEEP_VALUES2}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (pairs[i][0] == k) return pairs[i][1];
    return k;
}

/* optimise's options: --param opens a lever (at most two), --from/--to/--step belong to
 * the last one opened. */
static int parse_optimise_option(struct optimise_request *q, enum option_id id, const char *name, const char *value)
{
    if (id == OPT_PARAM) {
        if (q->nlevers == OPTIMISE_LEVERS)
            return fail_usage(_("optimise: at most %d levers (--param); a third is not searched"), OPTIMISE_LEVERS);
        if (!*value) return fail_usage(_("--param: give a key, SECTION.KEY"));
        q->lever[q->nlevers++] = (struct optimise_lever){.parameter = value};
        return 0;
    }
    if (id == OPT_MAXIMISE || id == OPT_MINIMISE) {
        if (q->metric) return fail_usage(_("optimise: give one of --maximise and --minimise, once"));
        if (!*value) return fail_usage(_("%s: give a metric name, e.g. profit_per_day"), name);
        char err[400];
        if (report_check_metric(name, value, err, sizeof err)) return fail_usage("%s", err);
        q->metric = value, q->minimise = id == OPT_MINIMISE;
        return 0;
    }
    if (id == OPT_REQUIRE) {
        int m;
        bool at_least;
        double x;
        char err[300];
        if (optimise_parse_require(value, &m, &at_least, &x, err, sizeof err)) return fail_usage("%s", err);
        q->require = value;
        return 0;
    }
    /* a lever's bound may be a percentage, 90% for 0.9: its key takes it if a share (optimise.c) */
    char decimal[VALUE_PERCENT_SHARE_MAX];
    bool percent = id != OPT_DELTA && value_percent_share(value, decimal, sizeof decimal);
    /* read as the scenario reader reads --from in a sweep, with its hints ("1e400%" too large) */
    double x;
    char problem[300];
    if (!*value) return fail_usage(_("%s: '%s' is not a number"), name, value);
    if (value_number(percent ? decimal : value, &x, problem, sizeof problem) != 0)
        return fail_usage("%s: %s", name, problem);
    if (id == OPT_DELTA) {
        if (x <= 0) return fail_usage(_("--delta: give a number above 0"));
        q->delta = x;
        return 0;
    }
    if (q->nlevers == 0) return fail_usage(_("%s: give --param SECTION.KEY before it"), name);
    struct optimise_lever *l = &q->lever[q->nlevers - 1];
    if (id == OPT_FROM) l->from = x, l->have_from = true, l->from_percent = percent;
    if (id == OPT_TO) l->to = x, l->have_to = true, l->to_percent = percent;
    if (id == OPT_STEP) {
        if (x <= 0) return fail_usage(_("--step: give a number above 0"));
        l->step = x, l->step_percent = percent;
    }
    return 0;
}

/* Whether a word after "--set KEY" reads as the value the user meant for KEY: present,
 * not an option and not a scenario file. */
static bool set_value_follows(const char *next)
{
    if (!next || !*next || (next[0] == '-' && next[1] == '-')) return false;
    size_t n = strlen(next);
    return !(n > 4 && strcmp(next + n - 4, ".ini") == 0) && strlen(next) <= 60;
}

/* a is the option read; next the word after it on the command line (NULL at the end),
 * which "--set KEY VALUE" meant as the value */
static int parse_option(struct options *o, const struct option_arg *a, const char *next)
{
    const char *name = a->row ? a->row->name : "", *value = a->value;
    if (a->row && a->row->key != KEY_NONE) { /* --reps, --seed and the sweep options become --set */
        enum key_id key = a->row->key;
        if (a->id == OPT_PARAM && ++o->nparams > 2)
            return fail_usage(_("--param %s: a sweep varies one or two keys, and this is a third"), value);
        if (o->nparams == 2) key = sweep_second_lever(key); /* --from ... after the second --param */
        size_t i = o->nsets;
        if (i == MAX_SETS) return fail_usage(_("too many --set options (at most %d)"), MAX_SETS);
        if (strlen(value) > 250) return fail_usage(_("%s: the value is too long"), name);
        snprintf(o->labels[i], sizeof o->labels[i], "%s %s", name, value);
        snprintf(o->assignments[i], sizeof o->assignments[i], "%s=%s", key_full_name(key), value);
        return add_override(o, o->labels[i], o->assignments[i]);
    }
    switch (a->id) {
    case OPT_FILE:
        if (o->nfiles == MAX_FILES) return fail_usage(_("too many files (at most %d)"), MAX_FILES);
        o->files[o->nfiles++] = value;
        return 0;
    case OPT_SET:
        /* "--set inventory.reorder_point 150" would leave 150 to be taken for a file (a '＝'
           typed in full-width mode is the loader's to name) */
        if (!strchr(value, '=') && !strstr(value, "\xef\xbc\x9d")) {
            if (set_value_follows(next)) /* quoted for the shell when the value holds a blank or a bracket */
                return fail_usage(strpbrk(next, " \t()*?[]<>|&;$\\\"'")
                                      ? _("--set %s %s: join the key and the value with '=': --set '%s=%s'")
                                      : _("--set %s %s: join the key and the value with '=': --set %s=%s"),
                                  value, next, value, next);
            return fail_usage(_("--set %s: write --set SECTION.KEY=VALUE, the key and the value joined by '=', for "
                                "example --set inventory.reorder_point=150"),
                              value);
        }
        return add_override(o, NULL, value);
    case OPT_THREADS: {
        unsigned long n = 0;
        if (parse_whole(name, value, 1024, &n) != 0) return EXIT_BAD_INPUT;
        if (n == 0) return fail_usage(_("--threads: give at least 1"));
        o->threads = (unsigned)n;
        return 0;
    }
    case OPT_FORMAT:
        if (strcmp(value, "table") == 0)
            o->format = FORMAT_TABLE;
        else if (strcmp(value, "csv") == 0)
            o->format = FORMAT_CSV;
        else
            return fail_usage(_("--format: '%s' is not a format; use table or csv"), value);
        return 0;
    case OPT_OUT:
        if (!*value) return fail_usage(_("--out: give a directory name"));
        o->out_dir = value;
        return 0;
    case OPT_LANG: return 0; /* taken before anything is parsed: servlab_main */
    case OPT_SWEEP: o->sweep = true; return 0;
    case OPT_MATERIAL: o->material = value; return 0;
    case OPT_QUIET: o->quiet = true; return 0;
    case OPT_METRICS:
        if (!*value || strlen(value) > 1000)
            return fail_usage(_("--metrics: give metric names separated by commas, e.g. fill_rate,profit_per_day"));
        o->metrics = value;
        return 0;
    case OPT_AGAINST:
        if (!*value) return fail_usage(_("--against: give the competitor's scenario file"));
        o->against = value;
        return 0;
    case OPT_BASE:
        if (!*value) return fail_usage(_("--base: give the base scenario file"));
        o->base = value;
        return 0;
    case OPT_PLOT: {
        char err[1200];
        if (!chart_path_ok(value, err, sizeof err)) return fail_usage("--plot %s", err);
        o->plot = value;
        return 0;
    }
    case OPT_PARAM:
    case OPT_FROM:
    case OPT_TO:
    case OPT_STEP:
    case OPT_MAXIMISE:
    case OPT_MINIMISE:
    case OPT_REQUIRE:
    case OPT_DELTA: return parse_optimise_option(&o->optimise, a->id, name, value);
    case OPT_BIND: o->bind = value; return 0;
    case OPT_PORT: return parse_whole(name, value, 65535, &o->port) != 0 ? EXIT_BAD_INPUT : 0;
    case OPT_RATE: return parse_whole(name, value, 100000, &o->rate) != 0 ? EXIT_BAD_INPUT : 0;
    case OPT_DIR:
        if (!*value) return fail_usage(_("--dir: give a directory"));
        o->state_dir = value;
        return 0;
    case OPT_CODE:
        if (!*value) return fail_usage(_("--code: give the class code"));
        o->code = value;
        return 0;
    default: return fail_usage(_("internal: option %s not handled"), name);
    }
}

/* argv[2...]: files and options, each checked against the table (cli/options). */
static int parse_args(struct options *o, unsigned command, int argc, char **argv)
{
    o->command = argv[1];
    for (int i = 2; i < argc; i++) {
        struct option_arg a;
        char err[200];
        if (options_next(argc, argv, &i, command, o->command, &a, err, sizeof err) != 0) return fail_usage("%s", err);
        int rc = parse_option(o, &a, i + 1 < argc ? argv[i + 1] : NULL);
        if (rc) return rc;
    }
    return 0;
}

/* ---- output ---- */

/* Finish stdout: a write error (a full disk, a closed pipe) is a failure. */
static int finish_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, _("servlab: cannot write the output: %s\n"), strerror(errno));
        return EXIT_FAILURE;
    }
    return 0;
}

/* Replication 1 again, traced: the same random numbers, so the same replication.
 * Returns 1 if interrupted (the trace is then incomplete). */
static int trace_first_replication(const struct scenario *sc, struct model_trace *t)
{
    double *metrics = malloc(metric_count(&sc->cfg) * sizeof *metrics);
    if (!metrics) abort();
    model_trace_init(t, 5000000);
    t->stock = charts_traced_index(sc); /* the stock point the chart draws */
    int stopped = model_run_traced(&sc->cfg, 0, metrics, NULL, &interrupted, t);
    free(metrics);
    return stopped;
}

/* --out into a folder that holds another command's outputs: this command writes its own
 * files and leaves the others, which then sit beside them as if they were its results (a
 * sweep's charts next to an earlier run's order_cycle.png). Said, not refused: the files
 * are the user's. prepare_outputs finds them before anything is replaced; they are said
 * as the simulation starts (simulate_opts.starting), after every check of the input, so
 * that the user reads it before a long run, while a command refused for bad input, which
 * simulates and writes nothing, says nothing. */
struct earlier_outputs {
    const char *dir;    /* the --out folder */
    char command[4200]; /* the earlier command; empty: nothing to say */
    bool moving;        /* some of its files are marked to be moved aside (find_stale_outputs) */
};
static struct earlier_outputs earlier;

/* The data file each command always writes into --out: while the folder holds another
 * command's, every command into it is warned, not only the first. */
static const struct {
    const char *file, *command;
} command_files[] = {
    {"run.csv", "run"},     {"sweep.csv", "sweep"}, {"compare.csv", "compare"},
    {"batch.csv", "batch"}, {"ipa.csv", "ipa"},     {"optimise.csv", "optimise"},
};

/* Do paths a and b name the same file: the same text, or the same device and inode
 * (base.ini and ./base.ini, a link)? A relative path is taken from the current directory. */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return strcmp(a, b) == 0 ||
           (stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino);
}

/* Does recorded, the files on summary.txt's first line, name this command's files? Two
 * files (batch: the base, the table) are one space apart, and a path may hold spaces:
 * every space is tried as the split. */
static bool same_files(const char *recorded, const struct options *o)
{
    if (o->nfiles == 1) return same_file(recorded, o->files[0]);
    if (o->nfiles != 2) return false;
    char first[4200];
    for (const char *sp = strchr(recorded, ' '); sp; sp = strchr(sp + 1, ' ')) {
        snprintf(first, sizeof first, "%.*s", (int)(sp - recorded), recorded);
        if (same_file(first, o->files[0]) && same_file(sp + 1, o->files[1])) return true;
    }
    return false;
}

/* Do summary.txt's `file:` lines (f read past its first line), paths from the summary's
 * own folder dir (report_summary_files), name this command's files, in order? -1 when it
 * has none: a summary written before them, whose first line alone names the files. */
static int same_listed_files(FILE *f, const char *dir, const struct options *o)
{
    char line[4200], path[8400];
    size_t n = 0;
    bool same = true;
    while (fgets(line, sizeof line, f)) {
        bool listed = strncmp(line, "file: ", 6) == 0;
        if (!listed && n) break; /* one block of them, after the warnings */
        if (!listed) continue;
        line[strcspn(line, "\n")] = '\0';
        if (line[6] == '/')
            snprintf(path, sizeof path, "%s", line + 6);
        else
            snprintf(path, sizeof path, "%s/%s", dir, line + 6);
        same = same && n < o->nfiles && same_file(path, o->files[n]);
        n++;
    }
    return n == 0 ? -1 : same && n == o->nfiles;
}

/* Fill earlier.command with the earlier command ("run scenarios/a.ini", or "compare")
 * whose outputs the --out folder holds: summary.txt's first line, "servlab VERSION
 * COMMAND FILES" (run, sweep, batch, ipa, optimise), when it names another command or other files,
 * else a data file of another command (command_files). The files are those of its
 * `file:` lines, found from the folder; in an older summary without them, those of the
 * first line, as typed where that command ran, are taken from the current directory. */
static void find_earlier_outputs(const struct options *o)
{
    char path[4200], line[4200] = "";
    earlier.dir = o->out_dir;
    earlier.command[0] = '\0';
    snprintf(path, sizeof path, "%s/summary.txt", o->out_dir);
    FILE *f = fopen(path, "r");
    if (f) {
        if (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\n")] = '\0';
            const char *after = strncmp(line, "servlab ", 8) == 0 ? strchr(line + 8, ' ') : NULL;
            if (after) {
                const char *command = after + 1, *files = strchr(command, ' ');
                size_t n = files ? (size_t)(files - command) : strlen(command);
                bool same = n == strlen(o->command) && strncmp(command, o->command, n) == 0 && files;
                int listed = same ? same_listed_files(f, o->out_dir, o) : 0;
                same = same && (listed >= 0 ? listed == 1 : same_files(files + 1, o));
                if (!same) snprintf(earlier.command, sizeof earlier.command, "%s", command);
            }
        }
        fclose(f);
    }
    for (size_t i = 0; !earlier.command[0] && i < sizeof command_files / sizeof command_files[0]; i++) {
        if (strcmp(command_files[i].command, o->command) == 0) continue;
        snprintf(path, sizeof path, "%s/%s", o->out_dir, command_files[i].file);
        if (access(path, F_OK) == 0) snprintf(earlier.command, sizeof earlier.command, "%s", command_files[i].command);
    }
}

/* The files a command writes only sometimes: a run its customers', ladder's, chain's,
 * stock's and contract's files with those features; a sweep of one lever curve.csv and
 * its three charts (marginal_cost.png only where the lever raises service:
 * sweep_marginal_meaningful), of two levers only profit_surface.png. `first` is the
 * file the command writes first, every time. */
struct optional_output {
    const char *command, *first, *file;
};
static const struct optional_output optional_outputs[] = {
    {"run", "run.csv", "customers.csv"},          {"run", "run.csv", "customers.png"},
    {"run", "run.csv", "customer_stages.csv"},    {"run", "run.csv", "customer_stages.png"},
    {"run", "run.csv", "supply_chain.csv"},       {"run", "run.csv", "supply_chain.png"},
    {"run", "run.csv", "stock_trajectory.csv"},   {"run", "run.csv", "stock_trajectory.png"},
    {"run", "run.csv", "contract_periods.csv"},   {"run", "run.csv", "contract_periods.png"},
    {"sweep", "sweep.csv", "curve.csv"},          {"sweep", "sweep.csv", "service_curve.png"},
    {"sweep", "sweep.csv", "cost_breakdown.png"}, {"sweep", "sweep.csv", "marginal_cost.png"},
    {"sweep", "sweep.csv", "profit_surface.png"},
};
enum { OPTIONAL_OUTPUTS = sizeof optional_outputs / sizeof optional_outputs[0] };

/* Which of optional_outputs an earlier run of the same command wrote into the --out
 * folder (find_stale_outputs): one this command leaves out would stay beside its
 * results and be read (projected) as one of them. stale_mark: each one's file as it
 * was then, so that one the user saves over it while this command runs stays. */
static bool stale_output[OPTIONAL_OUTPUTS];
static struct outfile_mark stale_mark[OPTIONAL_OUTPUTS];

/* Strictly before: on a file system with coarse times (a USB stick's 2 s) files written
 * in one tick are not ordered, and a file is then not taken for the earlier command's. */
static bool time_before(struct timespec a, struct timespec b)
{
    return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* Where an earlier run's file NAME.EXT in dir is moved aside to: NAME.earlier.EXT. */
static void aside_path(const char *dir, const char *name, char *aside, size_t n)
{
    const char *ext = strrchr(name, '.');
    snprintf(aside, n, "%s/%.*s.earlier%s", dir, (int)(ext - name), name, ext);
}

/* Before a command replaces anything in the --out folder, mark the optional files there
 * that servlab itself wrote as an earlier run of the same command: summary.txt's first
 * line names the command ("servlab VERSION sweep FILE"), and the file is a plain file
 * (not a link) last changed between the command's first file (run.csv, sweep.csv) and
 * report.html, the order the command writes them in (write_run_files,
 * write_sweep_files). A file put there, replaced or edited since is the user's and is
 * never marked. */
static void find_stale_outputs(const struct options *o)
{
    memset(stale_output, 0, sizeof stale_output);
    earlier.moving = false;
    if (!o->out_dir) return;
    char path[4200], line[200] = "";
    snprintf(path, sizeof path, "%s/summary.txt", o->out_dir);
    struct stat first, page, file;
    FILE *f = fopen(path, "r");
    if (!f) return;
    bool named = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    const char *command = named && strncmp(line, "servlab ", 8) == 0 ? strchr(line + 8, ' ') : NULL;
    size_t len = strlen(o->command);
    if (!command || strncmp(command + 1, o->command, len) != 0 || command[1 + len] != ' ') return;
    snprintf(path, sizeof path, "%s/report.html", o->out_dir);
    if (lstat(path, &page) != 0 || !S_ISREG(page.st_mode)) return;
    for (size_t i = 0; i < OPTIONAL_OUTPUTS; i++) {
        const struct optional_output *out = &optional_outputs[i];
        if (strcmp(out->command, o->command) != 0) continue;
        snprintf(path, sizeof path, "%s/%s", o->out_dir, out->first);
        if (lstat(path, &first) != 0 || !S_ISREG(first.st_mode)) continue;
        snprintf(path, sizeof path, "%s/%s", o->out_dir, out->file);
        stale_output[i] = lstat(path, &file) == 0 && S_ISREG(file.st_mode) &&
                          time_before(first.st_mtim, file.st_mtim) && time_before(file.st_mtim, page.st_mtim);
        if (!stale_output[i]) continue;
        outfile_mark(&stale_mark[i], &file);
        /* the warning promises a move only where one can happen: NAME.earlier.EXT free */
        aside_path(o->out_dir, out->file, path, sizeof path);
        struct stat aside_file; /* NAME.earlier.EXT, if something is there already */
        if (lstat(path, &aside_file) != 0) earlier.moving = true;
    }
}

/* Say what find_earlier_outputs found, once (simulate_opts.starting; ctx: a struct
 * earlier_outputs). */
static void say_earlier_outputs(void *ctx)
{
    struct earlier_outputs *e = ctx;
    if (!e->command[0]) return;
    /* what becomes of the earlier files, as out_move_stale then does (and says) */
    if (e->moving)
        fprintf(stderr,
                _("servlab: warning: %s holds the outputs of an earlier 'servlab %s'; this command writes its own "
                  "files and, at the end, moves aside any earlier one it does not write, which is not its result "
                  "(a line names each): give --out a new folder to keep them apart\n"),
                e->dir, e->command);
    else
        fprintf(stderr,
                _("servlab: warning: %s holds the outputs of an earlier 'servlab %s'; this command writes its own "
                  "files and leaves the others, which are not its results: give --out a new folder to keep them "
                  "apart\n"),
                e->dir, e->command);
    e->command[0] = '\0';
}

/* The simulation options every command gives: its threads, its progress bar, Ctrl-C, and
 * the --out warning as the first simulation starts. */
static struct simulate_opts sim_opts(const struct options *o)
{
    return (struct simulate_opts){.threads = o->threads,
                                  .progress = !o->quiet,
                                  .stop = &interrupted,
                                  .starting = say_earlier_outputs,
                                  .starting_ctx = &earlier};
}

/* Output files, one after another, each complete or absent (cli/outfile). Before each
 * file the interrupt flag is read: once it is set nothing more is started, and
 * out_finish says what was written. A failed chart is said and the rest still drawn. */
struct out {
    const char *dir; /* NULL: names are paths (--plot) */
    struct outfile f;
    char written[600]; /* the names written so far */
    bool failed;       /* a file could not be written (said): nothing more is */
    bool chart_failed; /* a chart could not be drawn (said) */
    bool stopped;      /* interrupted */
};

static bool out_go(struct out *w)
{
    if (!w->failed && !w->stopped && atomic_load(&interrupted)) w->stopped = true;
    return !w->failed && !w->stopped;
}

static void out_done(struct out *w, const char *name)
{
    size_t used = strlen(w->written);
    snprintf(w->written + used, sizeof w->written - used, "%s%s", used ? ", " : "", name);
}

/* The next file, or NULL (interrupted, or it could not be made: said). */
static FILE *out_open(struct out *w, const char *name)
{
    if (!out_go(w)) return NULL;
    FILE *fp = outfile_open(&w->f, w->dir, name);
    if (!fp) {
        fprintf(stderr, _("servlab: cannot write %s into %s: %s\n"), name, w->dir, strerror(errno));
        w->failed = true;
    }
    return fp;
}

static void out_commit(struct out *w, const char *name)
{
    if (outfile_commit(&w->f) == 0) {
        out_done(w, name);
        return;
    }
    fprintf(stderr, _("servlab: cannot write %s into %s: %s\n"), name, w->dir, strerror(errno));
    w->failed = true;
}

/* Where to draw chart `name`, or NULL when nothing more may be written. */
static const char *out_chart(struct out *w, const char *name, char *path, size_t n)
{
    if (!out_go(w)) return NULL;
    if (w->dir)
        snprintf(path, n, "%s/%s", w->dir, name);
    else
        snprintf(path, n, "%s", name);
    return path;
}

static void out_chart_done(struct out *w, const char *name, int rc)
{
    if (rc == 0)
        out_done(w, name);
    else
        w->chart_failed = true; /* the chart said why; the other charts are still drawn */
}

/* Chart `name` goes to the output directory and, for the debrief page, into page (which
 * may be NULL: no page). False when nothing more may be written. */
static bool out_chart_to(struct out *w, struct debrief *page, const char *name, char *path, size_t n,
                         struct chart_target *to)
{
    if (!out_chart(w, name, path, n)) return false;
    *to = (struct chart_target){.path = path, .svg = page ? debrief_figure_begin(page) : NULL};
    return true;
}

static void out_chart_to_done(struct out *w, struct debrief *page, const char *name, const char *caption, int rc)
{
    if (page) debrief_figure_end(page, caption, name, rc == 0);
    out_chart_done(w, name, rc);
}

/* Has this command written `name` (out_done's list, names ", " apart)? */
static bool out_wrote(const struct out *w, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = w->written; (p = strstr(p, name)) != NULL; p += n)
        if ((p == w->written || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0')) return true;
    return false;
}

/* Before the page: every optional file an earlier run of this command wrote into the
 * folder (find_stale_outputs) and this one did not is moved aside, NAME.png to
 * NAME.earlier.png (curve.csv to curve.earlier.csv), and a note says so. Moved, never
 * removed: the times that mark it as servlab's cannot prove that no one put it there.
 * Only the file marked is moved (cli/outfile.h's outfile_move_aside): one the user saved
 * over it while this command ran stays, and a warning says it is not this command's, as
 * one does where the move fails (the NAME.earlier name taken, or a file system with no
 * links). */
static void out_move_stale(struct out *w, const char *command)
{
    for (size_t i = 0; i < OPTIONAL_OUTPUTS; i++) {
        if (!w->dir || !out_go(w)) return;
        if (!stale_output[i]) continue;
        stale_output[i] = false;
        const char *name = optional_outputs[i].file;
        if (out_wrote(w, name)) continue;
        char path[1200], aside[1200];
        snprintf(path, sizeof path, "%s/%s", w->dir, name);
        aside_path(w->dir, name, aside, sizeof aside);
        enum outfile_aside moved = outfile_move_aside(path, aside, &stale_mark[i]);
        if (moved == OUTFILE_MOVED)
            fprintf(stderr,
                    _("servlab: note: moved %s to %s: an earlier 'servlab %s' wrote it into this folder, and this one "
                      "does not, so it would be taken for one of its results\n"),
                    path, aside, command);
        else if (moved == OUTFILE_CHANGED && access(path, F_OK) == 0)
            fprintf(stderr,
                    _("servlab: warning: left %s where it is: it changed while this command ran, so it is no longer "
                      "the file an earlier 'servlab %s' wrote; this one does not write it, so it is not one of its "
                      "results\n"),
                    path, command);
        else if (moved == OUTFILE_NOT_MOVED && access(aside, F_OK) == 0) /* say why: the name is taken */
            fprintf(stderr,
                    _("servlab: warning: left %s where it is: %s already exists, from an earlier move; an earlier "
                      "'servlab %s' wrote it into this folder, and this one does not, so it is not one of its "
                      "results\n"),
                    path, aside, command);
        else if (moved == OUTFILE_NOT_MOVED)
            fprintf(stderr,
                    _("servlab: warning: %s was written into this folder by an earlier 'servlab %s'; this one does "
                      "not write it, so it is not one of its results\n"),
                    path, command);
    }
}

/* The command line as typed, for the page's footer: arguments with spaces or shell
 * characters in single quotes. */
static char command_line[4096];

static void keep_command_line(int argc, char **argv)
{
    size_t used = 0;
    for (int i = 0; i < argc && used < sizeof command_line; i++) {
        const char *a = i == 0 ? "servlab" : argv[i];
        bool quote = !*a || a[strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=,:+%@")];
        used += (size_t)snprintf(command_line + used, sizeof command_line - used, "%s%s%s%s", i ? " " : "",
                                 quote ? "'" : "", a, quote ? "'" : "");
    }
}

static int out_finish(struct out *w)
{
    if (w->stopped && *w->written)
        fprintf(stderr, _("servlab: interrupted while writing the output: wrote %s; nothing else was written\n"),
                w->written);
    else if (w->stopped)
        fputs(_("servlab: interrupted while writing the output: wrote no file; nothing else was written\n"), stderr);
    return w->failed || w->chart_failed || w->stopped ? EXIT_FAILURE : 0;
}

static void write_run_files(struct out *w, const struct scenario *sc, const struct summary *s,
                            const struct model_trace *t, const struct cycle_histogram *h,
                            const struct contract_periods *contract)
{
    FILE *fp;
    if ((fp = out_open(w, "run.csv"))) report_csv(fp, &sc->cfg, s, NULL), out_commit(w, "run.csv");
    if ((fp = out_open(w, "summary.txt"))) report_summary_header(fp, sc, "run", w->dir), out_commit(w, "summary.txt");
    if ((fp = out_open(w, "order_cycle.csv"))) charts_cycle_csv(fp, h), out_commit(w, "order_cycle.csv");
    bool stock = charts_traced_stock(sc)->policy->holds_stock;
    bool customers = sc->cfg.customers.on;
    if (customers && (fp = out_open(w, "customers.csv"))) charts_customers_csv(fp, t), out_commit(w, "customers.csv");
    bool ladder = sc->cfg.loyalty.on;
    if (ladder && (fp = out_open(w, "customer_stages.csv")))
        charts_customer_stages_csv(fp, t), out_commit(w, "customer_stages.csv");
    bool chain = metric_features(&sc->cfg) & FEATURE_ECHELONS;
    if (chain && (fp = out_open(w, "supply_chain.csv")))
        charts_supply_chain_csv(fp, sc, s), out_commit(w, "supply_chain.csv");
    if (stock && (fp = out_open(w, "stock_trajectory.csv")))
        charts_trajectory_csv(fp, sc, t), out_commit(w, "stock_trajectory.csv");
    if (contract && (fp = out_open(w, "contract_periods.csv")))
        contract_periods_csv(fp, sc, contract), out_commit(w, "contract_periods.csv");
    /* charts last: a chart that fails never costs the CSV files; the page after them */
    struct debrief page = {.command_line = command_line, .contract = contract};
    struct chart_target to;
    char path[1200];
    if (out_chart_to(w, &page, "order_cycle.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "order_cycle.png", _("How long an order takes: the order-cycle time"),
                          charts_order_cycle(&to, sc, h));
    if (stock && out_chart_to(w, &page, "stock_trajectory.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "stock_trajectory.png", _("Stock over time in the first replication"),
                          charts_stock_trajectory(&to, sc, t));
    if (customers && out_chart_to(w, &page, "customers.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "customers.png", _("Active customers over time"), charts_customers(&to, sc, t));
    if (contract && out_chart_to(w, &page, "contract_periods.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "contract_periods.png",
                          _("Service per contract period, against the target and the long run"),
                          charts_contract(&to, sc, s, contract));
    if (ladder && out_chart_to(w, &page, "customer_stages.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "customer_stages.png", _("Customers on the loyalty ladder"),
                          charts_customer_stages(&to, sc, t));
    if (chain && out_chart_to(w, &page, "supply_chain.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "supply_chain.png",
                          _("The supply chain: the flows and each stage's fill rate and bullwhip ratio"),
                          charts_supply_chain(&to, sc, s));
    out_move_stale(w, "run");
    if ((fp = out_open(w, "report.html"))) debrief_run(fp, &page, sc, s), out_commit(w, "report.html");
    debrief_fini(&page);
}

/* ---- commands ---- */

/* The directories prepare_outputs made for --out: servlab_main takes them back, while
 * empty, when the command fails (outfile_remove_made_dirs). */
static struct outfile_made out_dir_made;

/* Before simulating: the --out directory exists and takes files (stale temporary
 * files of a killed run are cleared), the --plot file can be written. Returns 0, or
 * EXIT_BAD_INPUT with the reason said. */
static int prepare_outputs(const struct options *o)
{
    if (!mpi_grid_is_root()) return 0; /* with MPI, only rank 0 writes files */
    char err[1200];
    size_t removed = 0;
    if (o->out_dir && outfile_prepare_dir(o->out_dir, &removed, &out_dir_made, err, sizeof err) != 0) {
        fprintf(stderr, "servlab: %s\n", err);
        return EXIT_BAD_INPUT;
    }
    if (o->out_dir && !out_dir_made.n) find_earlier_outputs(o), find_stale_outputs(o);
    if (removed)
        fprintf(stderr,
                P_("servlab: note: removed %zu temporary file left in %s by a run that was killed\n",
                   "servlab: note: removed %zu temporary files left in %s by a run that was killed\n", removed),
                removed, o->out_dir);
    if (o->plot && outfile_check_path(o->plot, err, sizeof err) != 0) {
        fprintf(stderr, "servlab: --plot %s\n", err);
        return EXIT_BAD_INPUT;
    }
    return 0;
}

static int load(struct scenario *sc, const struct options *o, const char *path)
{
    return scenario_load(sc, path, o->sets, o->nsets, stderr);
}

/* Add a warning found while simulating to the scenario's, for the report. */
static void add_warning(struct scenario *sc, const char *text)
{
    if (sc->nwarnings < SCENARIO_WARNINGS_MAX)
        snprintf(sc->warnings[sc->nwarnings++], sizeof sc->warnings[0], "%s", text);
}

/* Refuse an absurd run, warn about a long one. Returns 0 or EXIT_BAD_INPUT. */
static int check_workload(const struct scenario *sc, unsigned threads, bool warn)
{
    const struct model_config *cfg = &sc->cfg;
    struct workload w;
    workload_estimate(&cfg, 1, threads, &w);
    return workload_check(&w, sc->path, warn, stderr) ? EXIT_BAD_INPUT : 0;
}

/* The most per-period contract values a run keeps for its report (8 bytes each). */
enum { CONTRACT_VALUES_MAX = 1 << 24 };

/* cmd_run on the scenario loaded into sc-> */
static int run_loaded(const struct options *o, struct scenario *sc)
{
    char err[1200];
    if (o->metrics && report_check_names(&sc->cfg, o->metrics, err, sizeof err) != 0) return fail_usage("%s", err);
    if (check_workload(sc, o->threads, true) != 0) return EXIT_BAD_INPUT;
    if (prepare_outputs(o) != 0) return EXIT_BAD_INPUT;
    bool root = mpi_grid_is_root(); /* with MPI, only rank 0 writes files */
    unsigned reps = sc->cfg.run.replications;
    size_t nm = metric_count(&sc->cfg);
    double *rows = malloc((size_t)reps * nm * sizeof *rows);
    struct backlog *backlog = malloc((size_t)reps * sizeof *backlog);
    if (!rows || !backlog) abort();
    const struct model_config *cfg = &sc->cfg;
    struct simulate_opts so = sim_opts(o);
    so.backlog = backlog;
    /* a contract's per-period values, for its part of the report (left out, with a
       warning, when there are too many to keep: a long window of short periods) */
    size_t nperiods = simulate_contract_values(cfg);
    if (nperiods && (size_t)reps * nperiods > CONTRACT_VALUES_MAX) {
        char note[240];
        snprintf(note, sizeof note,
                 _("the contract's per-period distribution is left out: %zu periods of %u replications are too many "
                   "to keep; its metrics are reported"),
                 nperiods / cfg->contract.ntargets, reps);
        add_warning(sc, note);
        nperiods = 0;
    }
    double *periods = nperiods ? malloc((size_t)reps * nperiods * sizeof *periods) : NULL;
    if (nperiods && !periods) abort();
    so.contract_periods = periods;
    struct contract_periods contract = {.values = periods,
                                        .reps = reps,
                                        .nperiods = contract_periods(&cfg->contract, cfg->run.horizon_days),
                                        .ntargets = cfg->contract.ntargets};
    size_t missing = simulate(&cfg, 1, reps, &so, rows);
    if (missing) {
        fprintf(stderr,
                atomic_load(&interrupted)
                    ? _("servlab: interrupted after %zu of %u replications; nothing was written\n")
                    : _("servlab: failed after %zu of %u replications; nothing was written\n"),
                (size_t)reps - missing, reps);
        free(rows);
        free(backlog);
        free(periods);
        return EXIT_FAILURE;
    }
    char warning[SCENARIO_WARNING_MAX]; /* it becomes one of the scenario's warnings */
    if (stability_check(cfg, backlog, rows, nm, reps, warning, sizeof warning)) add_warning(sc, warning);
    free(backlog);
    struct summary *s = malloc(nm * sizeof *s);
    if (!s) abort();
    simulate_summarise(rows, reps, nm, s);
    free(rows);
    if (o->format == FORMAT_CSV) /* the table shows them; with CSV on stdout they go to stderr */
        for (size_t i = 0; i < sc->nwarnings; i++)
            lang_printf_wrapped(stderr, LANG_LINE_MAX, _("servlab: warning: %s: %s\n"), sc->path, sc->warnings[i]);
    if (o->format == FORMAT_CSV)
        report_csv(stdout, &sc->cfg, s, o->metrics);
    else if (o->metrics)
        report_selected(stdout, sc, s, o->metrics);
    else
        report_table_contract(stdout, sc, s, periods ? &contract : NULL);
    int rc = finish_stdout();
    if (rc == 0 && (o->out_dir || o->plot) && root) {
        struct model_trace t;
        struct cycle_histogram h;
        struct out w = {.dir = o->out_dir};
        w.stopped = trace_first_replication(sc, &t) != 0; /* an incomplete trace draws nothing */
        charts_cycle_histogram(&t, &h);
        if (o->out_dir) write_run_files(&w, sc, s, &t, &h, periods ? &contract : NULL);
        char path[1200];
        w.dir = NULL;
        if (o->plot && out_chart(&w, o->plot, path, sizeof path))
            out_chart_done(&w, o->plot, charts_order_cycle(&(struct chart_target){.path = path}, sc, &h));
        model_trace_fini(&t);
        rc = out_finish(&w);
    }
    free(s);
    free(periods);
    return rc;
}

static int cmd_run(const struct options *o)
{
    if (o->nfiles != 1)
        return wrong_file_count(o, 1, _("run takes one scenario file, e.g. servlab run scenarios/default.ini"));
    struct scenario *sc = scenario_new();
    int rc = load(sc, o, o->files[0]) != 0 ? EXIT_BAD_INPUT : run_loaded(o, sc);
    scenario_free(sc);
    return rc;
}

static void write_sweep_files(struct out *w, const struct sweep_result *r)
{
    FILE *fp;
    if ((fp = out_open(w, "sweep.csv"))) sweep_csv(fp, r), out_commit(w, "sweep.csv");
    if ((fp = out_open(w, "curve.csv"))) sweep_curve_csv(fp, r), out_commit(w, "curve.csv");
    if ((fp = out_open(w, "summary.txt"))) {
        report_summary_header(fp, &r->base, "sweep", w->dir);
        sweep_summary(fp, r);
        out_commit(w, "summary.txt");
    }
    /* charts last: a chart that fails never costs the CSV files; the page after them */
    struct debrief page = {.command_line = command_line};
    struct chart_target to;
    char path[1200];
    if (out_chart_to(w, &page, "service_curve.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "service_curve.png",
                          _("The service curve: revenue, cost and profit against the service level"),
                          charts_service_curve(&to, r));
    if (out_chart_to(w, &page, "cost_breakdown.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "cost_breakdown.png", _("What the service costs, by kind"),
                          charts_cost_breakdown(&to, r));
    /* no marginal cost chart where the lever seldom raises service: the table leaves the
       column out and says why; a chart would be empty or a meaningless zig-zag. Nor with
       fewer than 2 figures (the rest "—", which the table's notes explain): a lone dot on
       an axis scaled to it shows no trend */
    if (sweep_marginal_meaningful(r) && sweep_marginal_figures(r) >= 2 &&
        out_chart_to(w, &page, "marginal_cost.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "marginal_cost.png", _("The cost of one more point of service"),
                          charts_marginal_cost(&to, r));
    out_move_stale(w, "sweep");
    if ((fp = out_open(w, "report.html"))) debrief_sweep(fp, &page, r), out_commit(w, "report.html");
    debrief_fini(&page);
}

/* A two-lever sweep's files: the grid's CSV, the summary, the profit surface, the page. */
static void write_grid_files(struct out *w, const struct sweep_result *r)
{
    FILE *fp;
    if ((fp = out_open(w, "sweep.csv"))) sweep_csv(fp, r), out_commit(w, "sweep.csv");
    if ((fp = out_open(w, "summary.txt"))) {
        report_summary_header(fp, &r->base, "sweep", w->dir);
        grid_summary(fp, r);
        out_commit(w, "summary.txt");
    }
    struct debrief page = {.command_line = command_line};
    struct chart_target to;
    char path[1200];
    if (out_chart_to(w, &page, "profit_surface.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "profit_surface.png",
                          _("The profit surface: the best pair, the region not significantly lower, service contours"),
                          charts_profit_surface(&to, r));
    out_move_stale(w, "sweep"); /* curve.csv and the one-lever charts */
    if ((fp = out_open(w, "report.html"))) debrief_grid(fp, &page, r), out_commit(w, "report.html");
    debrief_fini(&page);
}

static int cmd_sweep(const struct options *o)
{
    if (o->nfiles != 1)
        return wrong_file_count(o, 1, _("sweep takes one scenario file, e.g. servlab sweep scenarios/default.ini"));
    if (prepare_outputs(o) != 0) return EXIT_BAD_INPUT;
    bool root = mpi_grid_is_root();                /* with MPI, only rank 0 writes files */
    struct sweep_result *r = calloc(1, sizeof *r); /* holds a scenario: on the heap */
    if (!r) abort();
    struct simulate_opts so = sim_opts(o);
    int rc = sweep_run(o->files[0], o->sets, o->nsets, &so, r, stderr);
    if (rc) {
        free(r);
        return rc;
    }
    if (o->format == FORMAT_CSV) { /* the table shows warnings; with CSV on stdout they go to stderr */
        sweep_csv(stdout, r);
        for (size_t i = 0; i < r->base.nwarnings; i++)
            lang_printf_wrapped(stderr, LANG_LINE_MAX, _("servlab: warning: %s: %s\n"), r->base.path,
                                r->base.warnings[i]);
        for (size_t i = 0; i < r->npoint_warnings; i++)
            lang_printf_wrapped(stderr, LANG_LINE_MAX, _("servlab: warning: %s: %s\n"), r->base.path,
                                r->point_warnings[i]);
    } else if (sweep_is_grid(r))
        grid_table(stdout, r);
    else
        sweep_table(stdout, r);
    rc = finish_stdout();
    if (rc == 0 && (o->out_dir || o->plot) && root) {
        struct out w = {.dir = o->out_dir};
        if (o->out_dir) sweep_is_grid(r) ? write_grid_files(&w, r) : write_sweep_files(&w, r);
        char path[1200];
        w.dir = NULL;
        if (o->plot && out_chart(&w, o->plot, path, sizeof path))
            out_chart_done(&w, o->plot,
                           sweep_is_grid(r) ? charts_profit_surface(&(struct chart_target){.path = path}, r)
                                            : charts_service_curve(&(struct chart_target){.path = path}, r));
        rc = out_finish(&w);
    }
    sweep_free(r);
    free(r);
    return rc;
}

/* --set's overrides and the compare's replications and seed (cli/compare.h). */
static struct scenario_override *compare_sweep_sets_of(const struct options *o, const struct compare_result *r,
                                                       char reps[64], char seed[64])
{
    return compare_sweep_sets(o->sets, o->nsets, r->reps, r->seed, reps, seed);
}

/* Each scenario's sweep, for the compare chart (same seed and replications as the run),
 * drawn to --plot and, with --out, onto the page too (page NULL: no page). */
static int compare_chart(const struct options *o, const struct compare_result *r, struct debrief *page)
{
    struct simulate_opts so = sim_opts(o);
    struct sweep_result *sw = calloc(r->n, sizeof *sw);
    const struct sweep_result **ptr = calloc(r->n, sizeof *ptr);
    const char **labels = calloc(r->n, sizeof *labels);
    double *own_service = calloc(r->n, sizeof *own_service), *own_profit = calloc(r->n, sizeof *own_profit);
    if (!sw || !ptr || !labels || !own_service || !own_profit) abort();
    size_t k = 0;
    int rc = 0;
    char reps[64], seed[64];
    struct scenario_override *sets = compare_sweep_sets_of(o, r, reps, seed);
    for (size_t rank = 1; rank <= r->n && rc == 0; rank++) /* most profitable first */
        for (size_t i = 0; i < r->n && rc == 0; i++) {
            if (r->e[i].refused || r->e[i].rank != rank) continue;
            rc = sweep_run(r->e[i].path, sets, o->nsets + 2, &so, &sw[k], stderr);
            if (rc == 0 && sweep_is_grid(&sw[k])) { /* the curves are of one lever */
                fprintf(stderr,
                        _("servlab: %s sweeps two levers; compare draws one lever's curve: its curve is left out\n"),
                        r->e[i].path);
                sweep_free(&sw[k]);
                continue;
            }
            if (rc == 0) {
                ptr[k] = &sw[k];
                labels[k] = r->e[i].label;
                own_service[k] = r->e[i].s[sw[k].service].mean;
                own_profit[k] = r->e[i].s[M_PROFIT].mean;
                k++;
            }
        }
    /* every MPI rank runs the sweeps (they are collective); rank 0 draws */
    if (rc == 0 && mpi_grid_is_root()) {
        struct chart_target to = {.path = o->plot, .svg = page ? debrief_figure_begin(page) : NULL};
        int drawn = charts_compare(&to, ptr, labels, own_service, own_profit, k);
        /* the page names the file from its own folder, as summary.txt names files */
        char from_page[1200];
        if (page && (drawn != 0 || outfile_path_from(o->out_dir, o->plot, from_page, sizeof from_page) != 0))
            snprintf(from_page, sizeof from_page, "%s", o->plot);
        if (page)
            debrief_figure_end(page, _("Each file's profit curve, its own point and its best point"), from_page,
                               drawn == 0);
        if (drawn != 0) rc = EXIT_FAILURE;
    }
    for (size_t i = 0; i < k; i++) sweep_free(&sw[i]);
    free(sw), free(ptr), free(labels), free(sets), free(own_service), free(own_profit);
    return rc;
}

/* compare --out and --plot: compare.csv, then the charts, so that a chart that fails
 * never costs the CSV. The class chart needs a sweep of the base (or of the reference
 * file); every MPI rank runs it (sweeps are collective) and rank 0 writes. --plot draws
 * each file's curve while they stay readable (at most CHARTS_COMPARE_MOST files), else
 * the class chart. */
static int compare_outputs(const struct options *o, const struct compare_result *r, bool root)
{
    struct out w = {.dir = o->out_dir};
    struct debrief page = {.command_line = command_line};
    struct chart_target to;
    char path[1200];
    if (o->out_dir && root) {
        FILE *fp;
        if ((fp = out_open(&w, "compare.csv")))
            fputs(OUTFILE_CSV_BOM, fp), compare_csv(fp, r), out_commit(&w, "compare.csv");
        if (out_chart_to(&w, &page, "profit_share.png", path, sizeof path, &to))
            out_chart_to_done(&w, &page, "profit_share.png", _("Each file's profit as a share of the best"),
                              charts_compare_share(&to, r));
    }
    bool curves = o->plot && r->ranked <= CHARTS_COMPARE_MOST;
    int rc = 0;
    struct sweep_result *curve = NULL;
    if (o->out_dir || (o->plot && !curves)) {
        struct simulate_opts so = sim_opts(o);
        char reps[64], seed[64];
        struct scenario_override *sets = compare_sweep_sets_of(o, r, reps, seed);
        if (!(curve = calloc(1, sizeof *curve))) abort(); /* holds a scenario: on the heap */
        rc = sweep_run(r->reference, sets, o->nsets + 2, &so, curve, stderr);
        free(sets);
        if (rc == 0 && sweep_is_grid(curve)) { /* the class chart is a curve of one lever */
            fprintf(stderr,
                    _("servlab: %s sweeps two levers; compare draws one lever's curve: its curve is left out\n"),
                    r->reference);
            sweep_free(curve), free(curve), curve = NULL;
        } else if (rc)
            free(curve), curve = NULL;
    }
    if (curve && root) {
        if (o->out_dir && out_chart_to(&w, &page, "class_curve.png", path, sizeof path, &to))
            out_chart_to_done(&w, &page, "class_curve.png",
                              _("Every file on the base's service curve, numbered by rank"),
                              charts_class(&to, curve, r));
    }
    /* --plot's curves before the page, which shows them too (the file as typed); every
       MPI rank runs their sweeps */
    int curves_rc = 0;
    if (rc == 0 && curves && out_go(&w)) curves_rc = compare_chart(o, r, o->out_dir && root ? &page : NULL);
    FILE *fp; /* the page last, with the charts drawn (a sweep that failed leaves its chart out) */
    if (o->out_dir && root && (fp = out_open(&w, "report.html")))
        debrief_compare(fp, &page, r), out_commit(&w, "report.html");
    debrief_fini(&page);
    if (curve && root) {
        w.dir = NULL;
        if (o->plot && !curves && out_chart(&w, o->plot, path, sizeof path))
            out_chart_done(&w, o->plot, charts_class(&(struct chart_target){.path = path}, curve, r));
    }
    if (curve) sweep_free(curve), free(curve);
    int done = root ? out_finish(&w) : 0;
    if (rc == 0) rc = curves_rc;
    return rc ? rc : done;
}

/* files: o's files, each once. A file named twice (the same name, or another path to it,
 * as a pattern that takes in the reference again gives) would only tie with itself: it
 * is compared once, and a note on stderr names it. Returns how many are kept. */
static size_t compare_files_once(const struct options *o, const char **files, bool say)
{
    size_t n = 0;
    for (size_t i = 0; i < o->nfiles; i++) {
        struct stat si;
        bool known = stat(o->files[i], &si) == 0 && S_ISREG(si.st_mode);
        size_t j = 0;
        for (; j < n; j++) {
            struct stat sj;
            if (strcmp(files[j], o->files[i]) == 0 ||
                (known && stat(files[j], &sj) == 0 && sj.st_dev == si.st_dev && sj.st_ino == si.st_ino))
                break;
        }
        if (j == n) {
            files[n++] = o->files[i];
        } else if (say) {
            if (strcmp(files[j], o->files[i]) == 0)
                fprintf(stderr, _("servlab: %s is given twice; it is compared once\n"), files[j]);
            else
                fprintf(stderr, _("servlab: %s is the same file as %s; it is compared once\n"), o->files[i], files[j]);
        }
    }
    return n;
}

static int cmd_compare(const struct options *o)
{
    if (o->nfiles < 1) return fail_usage(_("compare takes scenario files, e.g. servlab compare a.ini b.ini c.ini"));
    const char *files[MAX_FILES];
    size_t nfiles = compare_files_once(o, files, mpi_grid_is_root());
    if (nfiles < 2 && !o->base)
        return fail_usage(
            _("compare needs two or more files, or --base BASE.ini; to simulate one, write: servlab run %s"), files[0]);
    if (prepare_outputs(o) != 0) return EXIT_BAD_INPUT;
    bool root = mpi_grid_is_root(); /* with MPI, only rank 0 writes files */
    struct compare_result r = {0};
    struct scenario *ref = scenario_new(); /* for its [sweep] service measure */
    if (scenario_load(ref, o->base ? o->base : o->files[0], o->sets, o->nsets, stderr) != 0) {
        scenario_free(ref);
        return EXIT_BAD_INPUT;
    }
    char service[sizeof ref->sweep.service];
    snprintf(service, sizeof service, "%s", ref->sweep.service);
    scenario_free(ref);
    struct simulate_opts so = sim_opts(o);
    int rc = compare_run(files, nfiles, o->base, o->sets, o->nsets, service, &so, &r, stderr);
    if (rc) return rc;
    if (o->format == FORMAT_CSV) { /* the table lists refusals; with CSV on stdout they go to stderr */
        compare_csv(stdout, &r);
        for (size_t i = 0; i < r.n; i++)
            if (r.e[i].refused) compare_say_refused(stderr, &r.e[i]);
    } else {
        r.keys_in_csv = o->out_dir != NULL;
        compare_table(stdout, &r);
    }
    rc = finish_stdout();
    if (root) compare_say_unlocked(stderr, &r);
    if (rc == 0 && (o->out_dir || o->plot)) rc = compare_outputs(o, &r, root);
    compare_free(&r);
    return rc;
}

static int cmd_batch(const struct options *o)
{
    if (o->nfiles != 2)
        return wrong_file_count(
            o, 2,
            _("batch takes a base scenario and a table, e.g. servlab batch scenarios/planner/base.ini "
              "scenarios/planner/items.csv"));
    if (o->plot && !o->sweep) return fail_usage(_("--plot: the batch chart shows each row's optimum: add --sweep"));
    if (prepare_outputs(o) != 0) return EXIT_BAD_INPUT;
    bool root = mpi_grid_is_root(); /* with MPI, only rank 0 writes files */
    struct batch_result r = {0};
    double material = BATCH_MATERIAL_SHARE;
    if (o->material) { /* a per cent of a row's profit, from 0 to 100, "%" after it or not */
        char *end;
        errno = 0;
        double pct = strtod(o->material, &end);
        if (*end == '%') end++;
        if (end == o->material || *end || errno || !(pct >= 0 && pct <= 100))
            /* TRANSLATORS: %s is what followed --material */
            return fail_usage(_("--material: '%s' is not a per cent from 0 to 100 (0.5 for half a per cent of a row's "
                                "profit)"),
                              o->material);
        material = pct / 100;
    }
    if (o->material && !o->sweep)
        return fail_usage(_("--material: it judges the gains of each row's sweep: add --sweep"));
    struct batch_opts bo = {.sweep = o->sweep, .material_share = material, .sim = sim_opts(o)};
    int rc = batch_run(o->files[0], o->files[1], o->sets, o->nsets, &bo, &r, stderr);
    if (rc) {
        batch_free(&r);
        return rc;
    }
    if (o->format == FORMAT_CSV)
        batch_csv(stdout, &r);
    else
        batch_table(stdout, &r);
    rc = finish_stdout();
    if (rc == 0 && (o->out_dir || o->plot) && root) {
        struct out w = {.dir = o->out_dir};
        FILE *fp;
        char path[1200];
        if (o->out_dir) {
            if ((fp = out_open(&w, "batch.csv")))
                fputs(OUTFILE_CSV_BOM, fp), batch_csv(fp, &r), out_commit(&w, "batch.csv");
            if ((fp = out_open(&w, "summary.txt"))) {
                batch_summary_values(fp, &r, w.dir);
                batch_gains(fp, &r); /* with --sweep: the rows that gain most */
                batch_summary(fp, &r);
                out_commit(&w, "summary.txt");
            }
            struct debrief page = {.command_line = command_line};
            struct chart_target to;
            /* no chart where no row has data for the service (its table says n/a) */
            if (o->sweep && charts_batch_points(&r) &&
                out_chart_to(&w, &page, "batch_service.png", path, sizeof path, &to))
                out_chart_to_done(&w, &page, "batch_service.png", _("Each row's recommended service level"),
                                  charts_batch(&to, &r));
            if ((fp = out_open(&w, "report.html"))) debrief_batch(fp, &page, &r), out_commit(&w, "report.html");
            debrief_fini(&page);
        }
        w.dir = NULL;
        if (o->plot && !charts_batch_points(&r))
            lang_printf_wrapped(stderr, LANG_LINE_MAX, _("servlab: %s is not drawn: no item has data for %s\n"),
                                o->plot, r.service);
        else if (o->plot && out_chart(&w, o->plot, path, sizeof path))
            out_chart_done(&w, o->plot, charts_batch(&(struct chart_target){.path = path}, &r));
        rc = out_finish(&w);
    }
    batch_free(&r);
    return rc;
}

/* ipa --out: ipa.csv, summary.txt (the settings and the table as printed), the matrix,
 * then the page. */
static void write_ipa_files(struct out *w, const struct ipa_result *r)
{
    FILE *fp;
    if ((fp = out_open(w, "ipa.csv"))) ipa_csv(fp, r), out_commit(w, "ipa.csv");
    if ((fp = out_open(w, "summary.txt"))) {
        report_summary_header(fp, &r->base, "ipa", w->dir);
        ipa_table(fp, r);
        out_commit(w, "summary.txt");
    }
    struct debrief page = {.command_line = command_line};
    struct chart_target to;
    char path[1200];
    if (out_chart_to(w, &page, "ipa.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "ipa.png", _("The importance-performance matrix"), charts_ipa(&to, r));
    if ((fp = out_open(w, "report.html"))) debrief_ipa(fp, &page, r), out_commit(w, "report.html");
    debrief_fini(&page);
}

static int cmd_ipa(const struct options *o)
{
    if (o->nfiles != 1)
        return wrong_file_count(
            o, 1, _("ipa takes one scenario file, e.g. servlab ipa scenarios/importance_performance.ini"));
    if (prepare_outputs(o) != 0) return EXIT_BAD_INPUT;
    bool root = mpi_grid_is_root();              /* with MPI, only rank 0 writes files */
    struct ipa_result *r = calloc(1, sizeof *r); /* holds a scenario: on the heap */
    if (!r) abort();
    struct simulate_opts so = sim_opts(o);
    int rc = ipa_run(o->files[0], o->against, o->sets, o->nsets, &so, r, stderr);
    if (rc) {
        free(r);
        return rc;
    }
    if (o->format == FORMAT_CSV)
        ipa_csv(stdout, r);
    else
        ipa_table(stdout, r);
    rc = finish_stdout();
    if (rc == 0 && (o->out_dir || o->plot) && root) {
        struct out w = {.dir = o->out_dir};
        if (o->out_dir) write_ipa_files(&w, r);
        char path[1200];
        w.dir = NULL;
        if (o->plot && out_chart(&w, o->plot, path, sizeof path))
            out_chart_done(&w, o->plot, charts_ipa(&(struct chart_target){.path = path}, r));
        rc = out_finish(&w);
    }
    ipa_free(r);
    free(r);
    return rc;
}

static int cmd_check(const struct options *o)
{
    if (o->nfiles != 1) return wrong_file_count(o, 1, _("check takes one scenario file"));
    struct scenario *sc = scenario_new();
    int rc = load(sc, o, o->files[0]) != 0 || check_workload(sc, o->threads, false) != 0 ? EXIT_BAD_INPUT : 0;
    if (rc == 0) {
        scenario_write(sc, stdout);
        for (size_t i = 0; i < sc->nwarnings; i++)
            lang_printf_wrapped(stderr, LANG_LINE_MAX, _("%s: warning: %s\n"), sc->path, sc->warnings[i]);
        /* a [sweep] whose range makes the scenario invalid at some point: a warning, as
           sweep would refuse it, so that the student hears of it before sweeping; run,
           which leaves [sweep] aside, takes the file */
        char *refusal = NULL;
        size_t size = 0;
        FILE *m = sc->sweep.active ? open_memstream(&refusal, &size) : NULL;
        if (m) {
            int bad = sweep_check_points(o->files[0], o->sets, o->nsets, m);
            fclose(m);
            if (bad) {
                fprintf(stderr, _("%s: warning: servlab sweep would refuse this file:\n"), sc->path);
                fputs(refusal, stderr);
            }
            free(refusal);
        }
        rc = finish_stdout();
    }
    scenario_free(sc);
    return rc;
}

static int cmd_keys(const struct options *o)
{
    if (o->nfiles > 1) return fail_usage(_("keys takes at most one section name"));
    const char *section = o->nfiles ? o->files[0] : NULL;
    if (section && section[0] == '[') {
        static char bare[64];
        snprintf(bare, sizeof bare, "%.*s", (int)strcspn(section + 1, "]"), section + 1);
        section = bare;
    }
    if (keys_print(stdout, section) != 0) {
        size_t n = 0;
        while (key_sections[n]) n++;
        const char *near = suggest_nearest(section, key_sections, n);
        if (near) return fail_usage(_("unknown section '%s'; did you mean '%s'?"), section, near);
        return fail_usage(_("unknown section '%s'"), section);
    }
    return finish_stdout();
}

/* optimise --out: optimise.csv, summary.txt (the settings and the table as printed),
 * the chart of the points tried, then the page. */
static void write_optimise_files(struct out *w, const struct optimise_result *r)
{
    FILE *fp;
    if ((fp = out_open(w, "optimise.csv"))) optimise_csv(fp, r), out_commit(w, "optimise.csv");
    if ((fp = out_open(w, "summary.txt"))) {
        report_summary_header(fp, &r->base, "optimise", w->dir);
        optimise_table(fp, r);
        out_commit(w, "summary.txt");
    }
    struct debrief page = {.command_line = command_line};
    struct chart_target to;
    char path[1200];
    if (out_chart_to(w, &page, "optimise.png", path, sizeof path, &to))
        out_chart_to_done(w, &page, "optimise.png", _("The points the search tried"), charts_optimise(&to, r));
    if ((fp = out_open(w, "report.html"))) debrief_optimise(fp, &page, r), out_commit(w, "report.html");
    debrief_fini(&page);
}

static int cmd_optimise(const struct options *o)
{
    if (o->nfiles != 1)
        return wrong_file_count(
            o, 1,
            _("optimise takes one scenario file, e.g. servlab optimise scenarios/default.ini --param "
              "inventory.reorder_point --from 200 --to 1200"));
    if (prepare_outputs(o) != 0) return EXIT_BAD_INPUT;
    struct optimise_result *r = calloc(1, sizeof *r); /* holds a scenario: on the heap */
    if (!r) abort();
    /* the search evaluates the same replications at point after point: one book for all */
    struct simulate_opts so = sim_opts(o);
    so.book = simulate_book();
    int rc = optimise_run(o->files[0], o->sets, o->nsets, &o->optimise, &so, r, stderr);
    rng_book_free(so.book);
    if (rc) {
        free(r);
        return rc;
    }
    if (o->format == FORMAT_CSV) {
        optimise_csv(stdout, r);
        for (size_t i = 0; i < r->base.nwarnings; i++)
            lang_printf_wrapped(stderr, LANG_LINE_MAX, _("servlab: warning: %s: %s\n"), r->base.path,
                                r->base.warnings[i]);
    } else
        optimise_table(stdout, r);
    rc = finish_stdout();
    if (rc == 0 && o->out_dir && mpi_grid_is_root()) { /* with MPI, only rank 0 writes files */
        struct out w = {.dir = o->out_dir};
        write_optimise_files(&w, r);
        rc = out_finish(&w);
    }
    optimise_free(r);
    free(r);
    return rc;
}

/* serve: until SIGINT or SIGTERM (cli/serve.h). */
static int cmd_serve(const struct options *o)
{
#ifdef SERVLAB_MPI
    if (o) return fail_usage(_("serve runs in the plain build (servlab), not under MPI"));
#endif
    if (!o->base) return fail_usage(_("serve needs the class's scenario: servlab serve --base BASE.ini"));
    if (o->nfiles) return fail_usage(_("serve takes no file but --base's; students submit theirs in the browser"));
    struct serve_opts so = {
        .base = o->base,
        .bind = o->bind,
        .port = (unsigned)o->port,
        .dir = o->state_dir ? o->state_dir : "servlab-class",
        .code = o->code,
        .workers = o->threads,
        .rate = (unsigned)o->rate,
        .sets = o->sets,
        .nsets = o->nsets,
        .command_line = command_line,
        .stop = &interrupted,
    };
    return serve_run(&so, stdout, stderr);
}

static void gsl_failure(const char *reason, const char *file, int line, int gsl_errno)
{
    fprintf(stderr, _("servlab: internal error in GSL (%s:%d): %s [%s]\n"), file, line, reason,
            gsl_strerror(gsl_errno));
    abort();
}

static const struct {
    const char *name;
    unsigned bit; /* as cli/options names the command in its table */
    int (*run)(const struct options *);
} commands[] = {
    {"run", CMD_RUN, cmd_run},
    {"sweep", CMD_SWEEP, cmd_sweep},
    {"compare", CMD_COMPARE, cmd_compare},
    {"check", CMD_CHECK, cmd_check},
    {"keys", CMD_KEYS, cmd_keys},
    {"batch", CMD_BATCH, cmd_batch},
    {"ipa", CMD_IPA, cmd_ipa},
    {"optimise", CMD_OPTIMISE, cmd_optimise},
    {"optimize", CMD_OPTIMISE, cmd_optimise}, /* the American spelling, the same command */
    {"serve", CMD_SERVE, cmd_serve},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

/* Words users try as a command for what every command writes with --out (README: the
 * debrief page and the charts), each with where it is found instead (msgids). */
static const char page_hint[] = N_("the debrief page, report.html, is written by run, sweep, compare, batch, ipa "
                                   "and optimise given --out DIR, for example: servlab run FILE.ini --out DIR");
static const char charts_hint[] = N_("the charts are written by run, sweep, compare, batch --sweep, ipa and optimise "
                                     "given --out DIR, for example: servlab sweep FILE.ini --out DIR");
static const struct {
    const char *word;
    const char *hint;
} output_words[] = {
    {"report", page_hint},  {"html", page_hint},     {"debrief", page_hint},
    {"chart", charts_hint}, {"charts", charts_hint}, {"plot", charts_hint},
};

static int servlab_main(int argc, char **argv)
{
    gsl_set_error_handler(gsl_failure);
    keep_command_line(argc, argv);
    /* the language first, so that every message, --help included, is in it */
    const char *lang = NULL;
    bool lang_missing = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang = argv[i + 1];
        else if (strcmp(argv[i], "--lang") == 0)
            lang_missing = true;
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            lang = argv[i] + 7;
    }
    if (lang_missing) {
        lang_init(NULL, argv[0]);
        return fail_usage(_("--lang: give a language: en or zh"));
    }
    if (lang_init(lang, argv[0]) != 0) {
        lang_init(NULL, argv[0]); /* say so in the language of the environment */
        return fail_usage(_("--lang: '%s' is not a language servlab speaks; use en or zh"), lang);
    }
    /* --lang may also come before the command ("servlab --lang zh keys"): taken above,
     * it is dropped here, so that the command is argv[1] (and "servlab --lang zh" alone
     * asks for the usage, as "servlab" does) */
    int skip = argc > 2 && strcmp(argv[1], "--lang") == 0 ? 2 : argc > 1 && strncmp(argv[1], "--lang=", 7) == 0 ? 1 : 0;
    if (skip) {
        for (int i = 1; i + skip < argc; i++) argv[i] = argv[i + skip];
        argc -= skip;
        argv[argc] = NULL;
    }
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        print_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_BAD_INPUT : finish_stdout();
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("servlab %s (GSL %s, inih, PLplot)\n", SERVLAB_VERSION, GSL_VERSION);
        return finish_stdout();
    }
    if (strcmp(argv[1], "--help-man") == 0) { /* servlab.1's OPTIONS section (tests/manpage.sh) */
        options_man(stdout);
        return finish_stdout();
    }
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0) {
            print_usage(stdout);
            return finish_stdout();
        }
    size_t c = 0;
    while (c < NCOMMANDS && strcmp(argv[1], commands[c].name) != 0) c++;
    if (c == NCOMMANDS) {
        const char *names[NCOMMANDS];
        for (size_t k = 0; k < NCOMMANDS; k++) names[k] = commands[k].name;
        for (size_t k = 0; k < sizeof output_words / sizeof output_words[0]; k++)
            if (strcmp(argv[1], output_words[k].word) == 0)
                return fail_usage(_("unknown command '%s': %s"), argv[1], _(output_words[k].hint));
        const char *near = suggest_nearest(argv[1], names, NCOMMANDS);
        if (near) return fail_usage(_("unknown command '%s'; did you mean '%s'?"), argv[1], near);
        return fail_usage(_("unknown command '%s'"), argv[1]);
    }
    static struct options o;
    o.port = SERVE_PORT_DEFAULT;
    o.rate = SERVE_RATE_DEFAULT;
    o.threads = mpi_grid_default_threads(); /* every core (shared among MPI ranks on one machine) */
    int rc = parse_args(&o, commands[c].bit, argc, argv);
    if (rc) return rc;
    /* from here on the command goes by its own name, as summary.txt records it (optimize
       is optimise): the first entry of the table with its bit */
    for (size_t k = 0; k < c; k++)
        if (commands[k].bit == commands[c].bit) {
            o.command = commands[k].name;
            break;
        }

    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART; /* a write to a pipe or terminal is not cut short by Ctrl-C */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    rc = commands[c].run(&o);
    /* a command refused (bad input, a point that is not a valid scenario) or stopped
       before writing: no empty --out directory of its making stays behind */
    if (rc != 0 && o.out_dir) outfile_remove_made_dirs(o.out_dir, &out_dir_made);
    return rc;
}

/* With MPI (make MPI=1) every rank runs the same command on its share of the runs;
 * rank 0 prints and writes. Without MPI the two calls do nothing. */
int main(int argc, char **argv)
{
    runner_keep_freed_memory();
    mpi_grid_init(&argc, &argv);
    return mpi_grid_finish(servlab_main(argc, argv));
}
