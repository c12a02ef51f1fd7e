/* test_options.c - cli/options.c: the option table is consistent, the parser accepts
 * exactly the options each command takes and says why it refuses the others, and --help
 * and the man page's OPTIONS section show every option, in Chinese too. (That servlab.1
 * and man/zh_CN/servlab.1 hold the section the table makes is tests/manpage.sh, run by
 * tests/test_cli.sh.) */
#include "check.h"
#include "cli/options.h"
#include "lang/lang.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
    const char *name;
    unsigned bit;
} commands[] = {{"run", CMD_RUN},     {"sweep", CMD_SWEEP},       {"compare", CMD_COMPARE},
                {"batch", CMD_BATCH}, {"check", CMD_CHECK},       {"keys", CMD_KEYS},
                {"ipa", CMD_IPA},     {"optimise", CMD_OPTIMISE}, {"serve", CMD_SERVE}};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

/* Which commands take which option (the rules servlab.c spelt out before the table):
 * r run, s sweep, c compare, b batch, k check, y keys, i ipa, o optimise, v serve. */
static const struct {
    const char *name;
    const char *commands;
} expected[] = {
    /* clang-format off */
    {"--set", "rscbkiov"},  {"--reps", "rscbkiov"}, {"--seed", "rscbkiov"}, {"--threads", "rscbiov"},
    {"--format", "rscbio"}, {"--out", "rscbio"},    {"--plot", "rscbi"},   {"--quiet", "rscbio"},
    {"--metrics", "r"},     {"--param", "scko"},    {"--from", "scko"},    {"--to", "scko"},  {"--material", "b"},
    {"--steps", "sck"},     {"--values", "sck"},    {"--service", "sck"},  {"--x-axis", "sck"}, {"--sweep", "b"},
    {"--base", "cv"},        {"--help", ""},         {"--version", ""},     {"--lang", "rscbkyiov"},
    {"--against", "i"},     {"--step", "o"},        {"--maximise", "o"},   {"--minimise", "o"},
    {"--require", "o"},     {"--delta", "o"},
    {"--bind", "v"},        {"--port", "v"},        {"--dir", "v"},        {"--code", "v"},      {"--rate", "v"},
    /* clang-format on */
};

static bool letter_takes(const char *letters, unsigned bit)
{
    const char *all = "rscbkyiov";
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (commands[i].bit == bit) return strchr(letters, all[i]) != NULL;
    return false;
}

/* Parse one command line (words after the command); returns options_next's status of
 * the first failing word, or 0; the last arg and err are left for the caller. */
static int parse(unsigned command, const char *name, char **words, int n, struct option_arg *a, char *err,
                 size_t errlen)
{
    char *argv[8] = {"servlab", (char *)name};
    for (int i = 0; i < n; i++) argv[2 + i] = words[i];
    err[0] = '\0';
    for (int i = 2; i < 2 + n; i++)
        if (options_next(2 + n, argv, &i, command, name, a, err, errlen) != 0) return -1;
    return 0;
}

static void table(void)
{
    for (size_t i = 0; i < option_nrows; i++) {
        const struct option_row *r = &option_rows[i];
        check(strncmp(r->name, "--", 2) == 0 && strlen(r->name) > 2, "options-1.1 row %zu's name %s starts with --", i,
              r->name);
        for (size_t j = i + 1; j < option_nrows; j++) {
            const struct option_row *q = &option_rows[j];
            if (strcmp(r->name, q->name) != 0) continue;
            check(r->id == q->id, "options-1.2 rows of %s share an id", r->name);
            check(!r->metavar == !q->metavar, "options-1.3 rows of %s agree whether it takes a value", r->name);
            check((r->commands & q->commands) == 0, "options-1.4 rows of %s give each command one meaning", r->name);
            check(r->group != q->group, "options-1.5 rows of %s are under different headings", r->name);
        }
        if (r->group == GROUP_HIDDEN) {
            check(r->commands == 0 && !r->help && !r->man, "options-1.6 hidden %s: no command, no help, no paragraph",
                  r->name);
            continue;
        }
        check(r->commands != 0, "options-1.7 %s applies to a command", r->name);
        bool joined = !r->help;
        check(!joined || (i + 1 < option_nrows && option_rows[i + 1].group == r->group && option_rows[i + 1].metavar &&
                          r->metavar && !r->man),
              "options-1.8 %s without help text shares the next row's line (values both, no paragraph)", r->name);
        check(r->key == KEY_NONE || (r->key < KEY_IDS && !key_defs[r->key].family && r->metavar),
              "options-1.9 %s stands for a key of a plain section and takes a value", r->name);
        const char *same = r->key != KEY_NONE && r->help ? strstr(r->help, "--set ") : NULL;
        check(!same || strncmp(same + 6, key_full_name(r->key), strlen(key_full_name(r->key))) == 0,
              "options-1.13 %s: the help's '--set KEY' names the key it stands for (%s)", r->name,
              r->key != KEY_NONE ? key_full_name(r->key) : "none");
    }
    /* the table against the rules */
    for (size_t e = 0; e < sizeof expected / sizeof expected[0]; e++) {
        unsigned all = 0;
        bool found = false;
        for (size_t i = 0; i < option_nrows; i++)
            if (strcmp(option_rows[i].name, expected[e].name) == 0) all |= option_rows[i].commands, found = true;
        check(found, "options-1.10 %s is in the table", expected[e].name);
        for (size_t c = 0; c < NCOMMANDS; c++)
            check(((all & commands[c].bit) != 0) == letter_takes(expected[e].commands, commands[c].bit),
                  "options-1.11 %s %s by servlab %s", expected[e].name,
                  letter_takes(expected[e].commands, commands[c].bit) ? "is taken" : "is refused", commands[c].name);
    }
    size_t names = 0;
    for (size_t i = 0; i < option_nrows; i++) {
        bool first = true;
        for (size_t j = 0; j < i; j++) first &= strcmp(option_rows[i].name, option_rows[j].name) != 0;
        names += first;
    }
    check(names == sizeof expected / sizeof expected[0], "options-1.12 the table has the %zu expected names, got %zu",
          sizeof expected / sizeof expected[0], names);
}

static void parser(void)
{
    struct option_arg a;
    char err[200];
    int rc = parse(CMD_RUN, "run", (char *[]){"a.ini", "--reps", "7", "--quiet", "--seed=3"}, 5, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_SEED && strcmp(a.value, "3") == 0, "options-2.1 --seed=3 gives the value after =");
    rc = parse(CMD_RUN, "run", (char *[]){"--reps", "7"}, 2, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_REPS && strcmp(a.value, "7") == 0 && a.row->key == K_RUN_REPLICATIONS &&
              strcmp(key_full_name(a.row->key), "run.replications") == 0,
          "options-2.2 --reps 7 takes the next word and stands for run.replications");
    rc = parse(CMD_RUN, "run", (char *[]){"--quiet"}, 1, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_QUIET && strcmp(a.value, "") == 0, "options-2.3 a flag has the value \"\"");
    rc = parse(CMD_RUN, "run", (char *[]){"a.ini"}, 1, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_FILE && !a.row && strcmp(a.value, "a.ini") == 0, "options-2.4 a word is a file");
    rc = parse(CMD_RUN, "run", (char *[]){"--"}, 1, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_FILE, "options-2.5 -- alone is a word, not an option");
    rc = parse(CMD_RUN, "run", (char *[]){"--rep", "3"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "unknown option '--rep'; did you mean '--reps'?") == 0,
          "options-2.6 a misspelt option: did you mean (got '%s')", err);
    rc = parse(CMD_RUN, "run", (char *[]){"--xyz=1"}, 1, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "unknown option '--xyz'") == 0, "options-2.7 an unknown option (got '%s')", err);
    rc = parse(CMD_KEYS, "keys", (char *[]){"--reps", "3"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--reps does not apply to 'servlab keys'") == 0,
          "options-2.8 an option the command does not take (got '%s')", err);
    /* the command's own option one letter off, with what it takes: optimise's --step is a gap,
       sweep's --steps a count */
    rc = parse(CMD_OPTIMISE, "optimise", (char *[]){"--steps", "21"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--steps does not apply to 'servlab optimise';\n  it takes --step D: the lever's "
                                 "grid step (default 1 for a whole-number key, else (B - A) / 20)") == 0,
          "options-2.8b optimise --steps: names its --step and what it takes (got '%s')", err);
    rc = parse(CMD_SWEEP, "sweep", (char *[]){"--step", "0.1"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--step does not apply to 'servlab sweep';\n  it takes --steps N: N equally spaced "
                                 "values from A to B") == 0,
          "options-2.8c ... and sweep --step its --steps (got '%s')", err);
    rc = parse(CMD_RUN, "run", (char *[]){"--steps", "21"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--steps does not apply to 'servlab run'") == 0,
          "options-2.8d ... but no option two letters off (run's --reps) (got '%s')", err);
    rc = parse(CMD_SWEEP, "sweep", (char *[]){"--values"}, 1, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--values needs a value") == 0, "options-2.9 a missing value (got '%s')", err);
    /* a misspelt option: the command's own options are suggested first, then any */
    rc = parse(CMD_COMPARE, "compare", (char *[]){"--sort"}, 1, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "unknown option '--sort'; did you mean '--set'?") == 0,
          "options-2.6b compare's own option before serve's --port (got '%s')", err);
    rc = parse(CMD_RUN, "run", (char *[]){"--stesp", "5"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "unknown option '--stesp'; did you mean '--steps'?") == 0,
          "options-2.6c another command's option when the command has none near (got '%s')", err);
    /* a dash from a document or the input method where "--" goes */
    rc = parse(CMD_RUN, "run", (char *[]){"\u2014reps", "3"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "'\u2014reps' begins with '\u2014', not two hyphens (copied from a document?); "
                                 "type --reps") == 0,
          "options-2.6d an em dash for -- (got '%s')", err);
    rc = parse(CMD_RUN, "run", (char *[]){"\u2014\u2014reps", "3"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "'\u2014\u2014reps' begins with '\u2014', not two hyphens (copied from a document?); "
                                 "type --reps") == 0,
          "options-2.6e the Chinese input method's double dash for -- (got '%s')", err);
    /* a long word is quoted cut before a character, never inside one (the message is 200 bytes) */
    char dashed[400] = "\u2014reps", unknown[400] = "--";
    for (int i = 0; i < 100; i++) strcat(dashed, "\u5929"), strcat(unknown, "\u5929");
    rc = parse(CMD_RUN, "run", (char *[]){dashed, "3"}, 2, &a, err, sizeof err);
    check(rc != 0 &&
              strcmp(err, "'\u2014reps\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929' begins "
                          "with '\u2014', not two hyphens (copied from a document?); type "
                          "--reps\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929") == 0,
          "options-2.6g a long dashed word is quoted by its start, in whole characters (got '%s')", err);
    rc = parse(CMD_RUN, "run", (char *[]){unknown}, 1, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "unknown option '--\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929"
                                 "\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929\u5929'") == 0,
          "options-2.6h a long unknown option is quoted in whole characters (got '%s')", err);
    /* a file whose name begins with a dash ("—notes.ini") is a file, when there is one;
       a word after the dash that is an option's name is still told to type --, file or not */
    char here[4096], dir[] = "/tmp/servlab_options_XXXXXX";
    if (!getcwd(here, sizeof here) || !mkdtemp(dir) || chdir(dir) != 0) abort();
    rc = parse(CMD_CHECK, "check", (char *[]){"\u2014notes.ini"}, 1, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "'\u2014notes.ini' begins with '\u2014', not two hyphens (copied from a document?); "
                                 "type --notes.ini") == 0,
          "options-2.6i a dashed word with no file of that name: type -- (got '%s')", err);
    FILE *made = fopen("\u2014notes.ini", "w"), *made_reps = fopen("\u2014reps", "w");
    if (!made || !made_reps) abort();
    fclose(made), fclose(made_reps);
    rc = parse(CMD_CHECK, "check", (char *[]){"\u2014notes.ini"}, 1, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_FILE && strcmp(a.value, "\u2014notes.ini") == 0,
          "options-2.6j a dashed word that names a file is that file (got %d '%s')", rc, rc ? err : "");
    rc = parse(CMD_RUN, "run", (char *[]){"\u2014reps", "3"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "'\u2014reps' begins with '\u2014', not two hyphens (copied from a document?); "
                                 "type --reps") == 0,
          "options-2.6k ... but not when the word after the dash is an option's name (got '%s')", err);
    if (remove("\u2014notes.ini") != 0 || remove("\u2014reps") != 0 || chdir(here) != 0 || rmdir(dir) != 0) abort();
    rc = parse(CMD_RUN, "run", (char *[]){"\u2013"}, 1, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_FILE, "options-2.6f a dash alone is a word (a file), as before");
    /* the value left out before the next option: that option is not taken as the value */
    rc = parse(CMD_SWEEP, "sweep", (char *[]){"--steps", "--out", "x"}, 3, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--steps needs a value: '--out' after it is the next option") == 0,
          "options-2.9b a value left out before the next option (got '%s')", err);
    rc = parse(CMD_RUN, "run", (char *[]){"--reps", "--quiet"}, 2, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--reps needs a value: '--quiet' after it is the next option") == 0,
          "options-2.9c a value left out before a flag (got '%s')", err);
    rc = parse(CMD_SWEEP, "sweep", (char *[]){"--from", "-100"}, 2, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_FROM && strcmp(a.value, "-100") == 0, "options-2.9d a negative value is a value");
    rc = parse(CMD_BATCH, "batch", (char *[]){"--sweep=yes"}, 1, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--sweep takes no value") == 0, "options-2.10 a flag given a value (got '%s')", err);
    rc = parse(CMD_RUN, "run", (char *[]){"--version"}, 1, &a, err, sizeof err);
    check(rc != 0 && strcmp(err, "--version does not apply to 'servlab run'") == 0,
          "options-2.11 --version after a command (got '%s')", err);
    rc = parse(CMD_COMPARE, "compare", (char *[]){"--plot", "x.png"}, 2, &a, err, sizeof err);
    check(rc == 0 && a.id == OPT_PLOT && a.row->commands & CMD_COMPARE,
          "options-2.12 --plot with compare finds compare's row");
}

/* Reads fp from the start into buf; returns buf. */
static char *slurp(FILE *fp, char *buf, size_t n)
{
    rewind(fp);
    size_t got = fread(buf, 1, n - 1, fp);
    buf[got] = '\0';
    return buf;
}

static void shown(void)
{
    static char help[16384], man[16384];
    FILE *fp = tmpfile();
    if (!fp) abort();
    options_help(fp);
    slurp(fp, help, sizeof help);
    fclose(fp);
    fp = tmpfile();
    if (!fp) abort();
    options_man(fp);
    slurp(fp, man, sizeof man);
    fclose(fp);
    check(strncmp(man, ".SH OPTIONS\n", 12) == 0, "options-3.1 the man text is the OPTIONS section");
    /* the text as one line a row: each continuation (a '\n' and the 27 blanks of the text's
       column) read back as the blank it replaced */
    static char joined[16384];
    char *to = joined;
    for (const char *p = help; *p; p++) {
        if (*p == '\n' && strncmp(p + 1, "                           ", 27) == 0 && p[28] != ' ') {
            *to++ = ' ';
            p += 27;
        } else {
            *to++ = *p;
        }
    }
    *to = '\0';
    /* every line within a terminal of LANG_LINE_MAX columns */
    size_t wide_lines = 0;
    for (const char *line = help; *line; line = strchr(line, '\n') + 1) {
        size_t n = (size_t)(strchr(line, '\n') - line);
        wide_lines += n > LANG_LINE_MAX;
    }
    check(wide_lines == 0, "options-3.5 every --help option line fits %d columns (%zu wider)", LANG_LINE_MAX,
          wide_lines);
    for (size_t i = 0; i < option_nrows; i++) {
        const struct option_row *r = &option_rows[i];
        if (r->group == GROUP_HIDDEN) continue;
        if (r->help) {
            char line[300];
            snprintf(line, sizeof line, "%s\n", r->help);
            check(strstr(joined, line) != NULL, "options-3.2 --help shows %s's text", r->name);
        }
        char escaped[64] = "", *w = escaped;
        for (const char *s = r->name; *s; s++) {
            if (*s == '-') *w++ = '\\';
            *w++ = *s;
        }
        *w = '\0';
        /* the paragraph headings that name it: a line after .TP */
        size_t headings = 0;
        for (const char *p = strstr(man, ".TP\n"); p; p = strstr(p + 1, ".TP\n")) {
            const char *line = p + 4, *end = strchr(line, '\n');
            for (const char *q = strstr(line, escaped); q && q < end; q = strstr(q + 1, escaped)) {
                char after = q[strlen(escaped)];
                headings += after == ' ' || after == '\n' || after == '"';
            }
        }
        bool first = true;
        for (size_t j = 0; j < i; j++) first &= strcmp(option_rows[j].name, r->name) != 0;
        if (first) check(headings == 1, "options-3.3 servlab.1 has one paragraph for %s (got %zu)", r->name, headings);
    }
    /* the layout: two spaces, the name column 25 wide, or three spaces after a wider one */
    size_t bad = 0;
    for (const char *line = help; *line; line = strchr(line, '\n') + 1) {
        const char *end = strchr(line, '\n');
        if (strncmp(line, "  --", 4) != 0) continue;
        const char *text = line + 27;
        bool column = text < end && text[-1] == ' ' && text[0] != ' ' && text[-2] == ' ';
        const char *gap = strstr(line + 2, "   ");
        bool wide = gap && gap < end && gap - line > 26 && gap[3] != ' ';
        bad += !column && !wide;
    }
    check(bad == 0, "options-3.4 every --help option line puts its text at column 27 or after 3 spaces (%zu not)", bad);
}

/* man/zh_CN/servlab.1's OPTIONS (servlab --lang zh --help-man): the catalogue has every
 * paragraph of the table in Chinese, and finds it however long it is (the paragraphs run
 * past the 255 bytes that lang_in_context once looked up, and stayed English). */
static void chinese(const char *argv0)
{
    check_use_build_catalogue(argv0);
    check(lang_init("zh", NULL) == 0 && lang_current() == LANG_ZH, "options-4.1 Chinese is chosen");
    size_t n = 0, longest = 0;
    char missing[512] = "";
    for (size_t k = 0; k < option_nrows; k++) {
        const char *en = option_rows[k].man;
        if (!en) continue;
        n++;
        if (strlen(en) > longest) longest = strlen(en);
        if (strcmp(C_("man", en), en) == 0 && strlen(missing) + strlen(option_rows[k].name) + 2 < sizeof missing)
            strcat(strcat(missing, " "), option_rows[k].name);
    }
    check(n > 20 && longest > 255 && !missing[0],
          "options-4.2 every man paragraph of the table (%zu, the longest %zu bytes) is translated (not:%s)", n,
          longest, missing);
    check(strcmp(C_("man", "OPTIONS"), "OPTIONS") != 0 && strcmp(C_("man", "The same as"), "The same as") != 0,
          "options-4.3 the section's heading and 'The same as' are translated");
    lang_init("en", NULL);
}

int main(int argc, char **argv)
{
    (void)argc;
    table();
    parser();
    shown();
    chinese(argv[0]);
    return check_done("test_options");
}
