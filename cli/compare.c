/* compare.c - every file runs with the reference file's seed and replications, so
 * replication r of every scenario sees the same demand; differences in profit are
 * then judged replication by replication (paired), which is what makes a small real
 * difference visible through the noise every scenario shares. */
#include "compare.h"
#include "report.h"
#include "models/metrics.h"
#include "reader/keys.h"
#include "sim/num.h"
#include "sim/rng.h"

#include "lang/lang.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *file_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* text in buf (n bytes), cut as snprintf cuts it but never inside a character. Returns buf. */
static const char *whole_characters(char *buf, size_t n, const char *text)
{
    int k = snprintf(buf, n, "%s", text);
    return k >= 0 && (size_t)k >= n ? lang_tidy_cut(buf) : buf;
}

/* ---- locks ---- */

struct lock_check {
    const struct scenario *base, *student;
    struct compare_entry *e;
};

/* A value as a lock refusal shows it: an unset or unused one ("(not set)", as the reader
 * writes it) in the language's brackets, （未设定） in Chinese. Returns buf. */
static const char *lock_value_shown(const char *value, char *buf, size_t n)
{
    size_t len = strlen(value);
    if (len >= 2 && value[0] == '(' && value[len - 1] == ')')
        /* TRANSLATORS: a value that is not one: "not set", "not used by policy sS" */
        snprintf(buf, n, _("(%.*s)"), (int)(len - 2), value + 1);
    else
        snprintf(buf, n, "%s", value);
    return buf;
}

static void check_lock(void *ctx, const char *name)
{
    struct lock_check *lc = ctx;
    if (lc->e->refused) return; /* the first broken lock is reason enough */
    char want[300], got[300], want_shown[310], got_shown[310];
    if (scenario_value(lc->base, name, want, sizeof want) != 0) return; /* not in the base: nothing to keep */
    bool missing = scenario_value(lc->student, name, got, sizeof got) != 0;
    if (missing) snprintf(got, sizeof got, "(missing)");
    if (strcmp(want, got) == 0) return;
    const char *dot = strrchr(name, '.');
    lc->e->refused = true;
    lc->e->line = scenario_line(lc->student, name);
    /* the base's name and the values cut to whole characters before the format's %.80s and
       %.100s (which count bytes) see them: a Chinese name (3 bytes a character) is never
       cut inside a character */
    char base[81], want_cut[101], got_cut[101];
    whole_characters(base, sizeof base, file_name(lc->base->path));
    snprintf(lc->e->reason, sizeof lc->e->reason, "[%.*s] %.60s is locked by %.80s: %.100s in the base, %.100s here",
             (int)(dot - name), name, dot + 1, base, whole_characters(want_cut, sizeof want_cut, want),
             whole_characters(got_cut, sizeof got_cut, got));
    lock_value_shown(want, want_shown, sizeof want_shown);
    if (!missing) lock_value_shown(got, got_shown, sizeof got_shown);
    snprintf(lc->e->reason_shown, sizeof lc->e->reason_shown,
             _("[%.*s] %.60s is locked by %.80s: %.100s in the base, %.100s here"), (int)(dot - name), name, dot + 1,
             base, whole_characters(want_cut, sizeof want_cut, want_shown),
             whole_characters(got_cut, sizeof got_cut, missing ? _("(missing)") : got_shown));
    lang_tidy_cut(lc->e->reason_shown);
    lang_tidy_cut(lc->e->reason);
}

/* ---- what each file changed ---- */

/* A scenario's keys and canonical values, as scenario_each_key lists them. */
struct key_value {
    char *name, *value;
    bool given;   /* written in the file or by --set (not a default, inherited or derived) */
    bool not_set; /* value is "(not set)" (scenario_each_key), not unused by the scenario */
};

struct key_list {
    struct key_value *kv;
    size_t n, cap;
};

static void collect_key(void *ctx, const char *name, const char *value, enum key_from from, bool not_set)
{
    struct key_list *l = ctx;
    if (strcmp(name, key_full_name(K_RUN_REPLICATIONS)) == 0 || strcmp(name, key_full_name(K_RUN_SEED)) == 0)
        return; /* compare sets these for every file */
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 256;
        l->kv = realloc(l->kv, l->cap * sizeof *l->kv);
        if (!l->kv) abort();
    }
    l->kv[l->n].name = strdup(name);
    l->kv[l->n].value = strdup(value);
    l->kv[l->n].given = from == FROM_FILE || from == FROM_COMMAND_LINE;
    l->kv[l->n].not_set = not_set;
    if (!l->kv[l->n].name || !l->kv[l->n].value) abort();
    l->n++;
}

static void key_list_of(const struct scenario *sc, struct key_list *l)
{
    memset(l, 0, sizeof *l);
    scenario_each_key(sc, collect_key, l);
}

static void key_list_free(struct key_list *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->kv[i].name), free(l->kv[i].value);
    free(l->kv);
    memset(l, 0, sizeof *l);
}

/* Is this value the reason a key is unset or unused ("(not used by policy sQ)")? Such a
 * key does nothing in its scenario (scenario_value, reader/scenario.h). */
static bool unused(const char *value)
{
    size_t len = strlen(value);
    return len >= 2 && value[0] == '(' && value[len - 1] == ')';
}

/* Where name is in l, or l->n; lists of files made from one base hold their keys in the
 * same order, so the search starts where the last one ended (*hint). */
static size_t key_at(const struct key_list *l, const char *name, size_t *hint)
{
    for (size_t k = 0; k < l->n; k++) {
        size_t i = (*hint + k) % l->n;
        if (strcmp(l->kv[i].name, name) == 0) {
            *hint = i + 1;
            return i;
        }
    }
    return l->n;
}

/* One changed key: its value as check writes it (compare.csv) and as the tables show it. */
struct change {
    const char *name;
    char value[300], shown[300];
    bool mine; /* written in this file (or by --set): what the student did, shown first */
};

struct change_list {
    struct change *c;
    size_t n, cap;
};

static struct change *add_change(struct change_list *l, const char *name, bool mine)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->c = realloc(l->c, l->cap * sizeof *l->c);
        if (!l->c) abort();
    }
    struct change *c = &l->c[l->n++];
    memset(c, 0, sizeof *c);
    c->name = name;
    c->mine = mine;
    return c;
}

/* A value servlab derived (a reorder point from a target) as the tables show it: a
 * number as num_derived writes it (515.4166156 is 515.4); anything else as it is.
 * compare.csv keeps every digit. */
static void derived_shown(const char *value, char *buf, size_t n)
{
    char *end;
    double x = strtod(value, &end);
    if (end == value || *end || !isfinite(x) || x == 0) {
        snprintf(buf, n, "%s", value);
        return;
    }
    num_derived(x, buf, n);
}

/* An unset or unused value ("(not set)", "(not used by policy sS)") as the tables show
 * it: "(not set)" for a key that is not set (kv->not_set, as the reader lists it), the
 * lock refusal's word, else "(unused)"; in the reader's language with its brackets. */
static const char *unused_shown(const struct key_value *kv)
{
    return kv->not_set ? _("(not set)") : _("(unused)");
}

/* e->changed: the keys whose values differ from the reference's. A key counts when it is
 * used in at least one of the two scenarios (a key only one of them has is unused in the
 * other: a change to a key neither uses changes nothing) and written in at least one of
 * them: a value that follows from others (a reorder point set by safety_factor, a
 * product's price inherited from [revenue], the initial stock) moves with the key that
 * was changed, which is already listed. changed lists them in check's order;
 * changed_shown first those this file wrote, then those that moved with them (a value
 * servlab derived is rounded: derived_shown). The [locks] section's own keys are left
 * out (lock_key): they are the instructor's rules, not a lever, and change no run; the
 * locks kept are the reference's (compare_entry_load), whatever the file's [locks] says. */
static bool lock_key(const char *name)
{
    return strncmp(name, "locks.", 6) == 0;
}

static void find_changes(struct compare_entry *e, const struct key_list *ref)
{
    size_t hint = 0;
    struct change_list l = {0};
    bool *seen = calloc(ref->n + 1, sizeof *seen);
    if (!seen) abort();
    struct key_list mine;
    key_list_of(e->sc, &mine);
    for (size_t i = 0; i < mine.n; i++) {
        const struct key_value *kv = &mine.kv[i];
        size_t at = key_at(ref, kv->name, &hint);
        seen[at] = true;
        const char *was = at < ref->n ? ref->kv[at].value : "()";
        bool given = kv->given || (at < ref->n && ref->kv[at].given);
        if (!given || strcmp(was, kv->value) == 0 || (unused(was) && unused(kv->value)) || lock_key(kv->name)) continue;
        struct change *c = add_change(&l, kv->name, kv->given);
        if (unused(kv->value)) {
            snprintf(c->value, sizeof c->value, "(unused)");
            snprintf(c->shown, sizeof c->shown, "%s", unused_shown(kv));
        } else {
            snprintf(c->value, sizeof c->value, "%s", kv->value);
            if (kv->given)
                snprintf(c->shown, sizeof c->shown, "%s", kv->value);
            else
                derived_shown(kv->value, c->shown, sizeof c->shown);
        }
    }
    for (size_t i = 0; i < ref->n; i++)
        if (!seen[i] && ref->kv[i].given && !unused(ref->kv[i].value) && !lock_key(ref->kv[i].name)) {
            struct change *c = add_change(&l, ref->kv[i].name, true); /* the student took it out */
            snprintf(c->value, sizeof c->value, "(missing)");
            snprintf(c->shown, sizeof c->shown, "%s", _("(missing)"));
        }
    char *en = NULL, *shown = NULL;
    size_t len_en = 0, len_shown = 0;
    FILE *fen = open_memstream(&en, &len_en), *fshown = open_memstream(&shown, &len_shown);
    if (!fen || !fshown) abort();
    for (size_t i = 0; i < l.n; i++) fprintf(fen, "%s%s = %s", i ? "; " : "", l.c[i].name, l.c[i].value);
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++) /* the file's own keys first */
        for (size_t i = 0; i < l.n; i++)
            if (l.c[i].mine == (pass == 0)) fprintf(fshown, "%s%s = %s", k++ ? "; " : "", l.c[i].name, l.c[i].shown);
    fclose(fen);
    fclose(fshown);
    e->changed = en;
    e->changed_shown = shown;
    e->nchanged = l.n;
    free(l.c);
    free(seen);
    key_list_free(&mine);
}

/* ---- running ---- */

struct scenario_override *compare_sweep_sets(const struct scenario_override *sets, size_t nsets, unsigned reps,
                                             unsigned long long seed, char reps_text[64], char seed_text[64])
{
    snprintf(reps_text, 64, "%s=%u", key_full_name(K_RUN_REPLICATIONS), reps);
    snprintf(seed_text, 64, "%s=%llu", key_full_name(K_RUN_SEED), seed);
    struct scenario_override *all = malloc((nsets + 2) * sizeof *all);
    if (!all) abort();
    if (nsets) memcpy(all, sets, nsets * sizeof *sets);
    all[nsets] = (struct scenario_override){.assignment = reps_text, .label = NULL};
    all[nsets + 1] = (struct scenario_override){.assignment = seed_text, .label = NULL};
    return all;
}

/* Is line one of the loader's notes, not a problem: "servlab: note: PATH is not UTF-8 text:
 * read as GB18030 ..." (reader/csv.h's csv_note_gb18030), said of a history whether or not
 * the scenario then loads? */
static bool note_line(const char *line)
{
    static const char english[] = "servlab: note: ";
    const char *own = _("servlab: note: %s\n");
    size_t n = strcspn(own, "%");
    return strncmp(line, english, strlen(english)) == 0 || (n > 0 && strncmp(line, own, n) == 0);
}

/* The lines of msgs (each ending in '\n') that are notes (notes true) or that are not, in
 * a malloc'd string. */
static char *lines_of(const char *msgs, bool notes)
{
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    if (!f) abort();
    for (const char *line = msgs ? msgs : ""; *line;) {
        size_t n = strcspn(line, "\n");
        if (note_line(line) == notes) fprintf(f, "%.*s\n", (int)n, line);
        line += n + (line[n] == '\n');
    }
    if (fclose(f) != 0 || !out) abort();
    return out;
}

/* Why e did not load, from the loader's messages: the first problem of its own file, its line
 * in e->line ("PATH:31:15: [inventory] ..." is line 31, "[inventory] ..."), and how many more
 * there were, so that the table, the page and compare.csv say what to fix, not only the
 * terminal. Without a problem of its own file, the problems are those of the file the first
 * message names (its history: reader/history.c says a row's problem and a later one as
 * two lines of one message), counted alike. The reason is in the reader's language in
 * both fields: the loader wrote it so. */
static void refusal_from_messages(struct compare_entry *e, const char *msgs)
{
    size_t plen = strlen(e->path), problems = 0;
    const char *first = NULL, *file = e->path; /* the problems are the lines that begin "FILE:" */
    for (const char *line = msgs; line && *line && !first;) {
        const char *end = strchr(line, '\n');
        if (strncmp(line, e->path, plen) == 0 && line[plen] == ':') first = line;
        line = end ? end + 1 : NULL;
    }
    if (!first && msgs && *msgs) { /* none of its own: the file the first message names */
        first = msgs;
        file = msgs;
        plen = strcspn(msgs, ":\n");
        if (msgs[plen] != ':') plen = 0;
    }
    size_t more_len = 0;
    FILE *more = first ? open_memstream(&e->more_shown, &more_len) : NULL;
    for (const char *line = first; plen && line && *line;) {
        const char *end = strchr(line, '\n');
        int n = end ? (int)(end - line) : (int)strlen(line);
        if (strncmp(line, file, plen) == 0 && line[plen] == ':') {
            if (problems && more) fprintf(more, "%.*s\n", n, line); /* the first is in reason_shown */
            problems++;
        }
        line = end ? end + 1 : NULL;
    }
    if (!plen && first) problems = 1;
    if (more) fclose(more);
    if (e->more_shown && !*e->more_shown) {
        free(e->more_shown);
        e->more_shown = NULL;
    }
    if (!first) {
        snprintf(e->reason, sizeof e->reason, "does not load");
        snprintf(e->reason_shown, sizeof e->reason_shown, "%s", _("does not load"));
        return;
    }
    const char *text = first;
    if (strncmp(text, e->path, plen) == 0 && text[plen] == ':') {
        text += plen + 1;
        char *after;
        long line = strtol(text, &after, 10);
        if (after != text && *after == ':' && line > 0) { /* "31:" then maybe "15:" */
            e->line = (int)line;
            text = after + 1;
            strtol(text, &after, 10);
            if (after != text && *after == ':') text = after + 1;
        }
        while (*text == ' ') text++;
    }
    /* the problem, cut to whole characters so that the words around it fit (a long path
       or Chinese text must not be cut inside a character, nor lose the count) */
    char problem[sizeof e->reason - 120];
    snprintf(problem, sizeof problem, "%.*s", (int)strcspn(text, "\n"), text);
    lang_tidy_cut(problem);
    if (e->line > 0)
        snprintf(e->reason, sizeof e->reason, "does not load (line %d): %s", e->line, problem);
    else
        snprintf(e->reason, sizeof e->reason, "does not load: %s", problem);
    if (problems > 1)
        snprintf(
            e->reason_shown, sizeof e->reason_shown,
            P_("does not load: %s (and %zu more problem)", "does not load: %s (and %zu more problems)", problems - 1),
            problem, problems - 1);
    else
        snprintf(e->reason_shown, sizeof e->reason_shown, _("does not load: %s"), problem);
    if (problems > 1) {
        size_t used = strlen(e->reason);
        snprintf(e->reason + used, sizeof e->reason - used, " (and %zu more)", problems - 1);
    }
}

/* The loader's problems (one a line, as it writes them into a buffer) said again on err:
 * to a terminal (stderr) as the loader itself says them there (scenario_print_problem),
 * wrapped to LANG_LINE_MAX after their place; elsewhere (a page's text) as they are. */
static void say_problems(FILE *err, const char *msgs, const char *path)
{
    if (err != stderr) {
        fputs(msgs ? msgs : "", err);
        return;
    }
    scenario_print_problems(err, msgs, path);
}

/* Load e->path (or text[0..len) under that name) with the reference's seed and replications on
 * top of the overrides. */
static int load_entry(struct compare_entry *e, const char *text, size_t len, const struct scenario_override *sets,
                      size_t nsets, unsigned reps, unsigned long long seed, FILE *err)
{
    char a[64], b[64];
    struct scenario_override *all = compare_sweep_sets(sets, nsets, reps, seed, a, b);
    all[nsets].label = _("compare (replications of the reference)");
    all[nsets + 1].label = _("compare (seed of the reference)");
    e->sc = scenario_new();
    char *msgs = NULL;
    size_t mlen = 0;
    FILE *buf = open_memstream(&msgs, &mlen);
    int rc = text ? scenario_load_sealed(e->sc, e->path, text, len, all, nsets + 2, buf ? buf : err)
                  : scenario_load(e->sc, e->path, all, nsets + 2, buf ? buf : err);
    if (buf) fclose(buf);
    if (rc != 0) {
        say_problems(err, msgs, e->path);
        e->refused = true;
        /* a note said with the problems (a history read as GB18030) is no reason: the
           reason is the first problem after it, and the note is said as a note */
        char *problems = lines_of(msgs, false);
        refusal_from_messages(e, problems);
        free(problems);
        scenario_free(e->sc);
        e->sc = NULL;
    } else if (msgs && *msgs) /* a loaded file's notes (a history read as GB18030), said as the reference's are */
        say_problems(err, msgs, e->path);
    free(msgs);
    free(all);
    return rc;
}

int compare_entry_run(struct compare_entry *e, const struct simulate_opts *o)
{
    e->nm = metric_count(&e->sc->cfg);
    unsigned reps = e->sc->cfg.run.replications;
    e->rows = malloc(reps * e->nm * sizeof *e->rows);
    e->s = malloc(e->nm * sizeof *e->s);
    e->backlog = malloc((reps ? reps : 1) * sizeof *e->backlog);
    if (!e->rows || !e->s || !e->backlog) abort();
    const struct model_config *cfg = &e->sc->cfg;
    struct simulate_opts so = *o;
    so.backlog = e->backlog;
    if (simulate(&cfg, 1, reps, &so, e->rows) != 0) return 1;
    simulate_summarise(e->rows, reps, e->nm, e->s);
    compare_entry_settle(e);
    return 0;
}

void compare_entry_settle(struct compare_entry *e)
{
    e->unsettled[0] = '\0';
    if (!e->backlog || !e->rows) return;
    char warning[sizeof e->unsettled];
    if (stability_check(&e->sc->cfg, e->backlog, e->rows, e->nm, e->sc->cfg.run.replications, warning, sizeof warning))
        snprintf(e->unsettled, sizeof e->unsettled, "%s", warning);
}

size_t compare_entry_warnings(const struct compare_entry *e, const char *list[COMPARE_WARNINGS_MAX])
{
    size_t n = 0;
    for (size_t i = 0; e->sc && i < e->sc->nwarnings && n < COMPARE_WARNINGS_MAX; i++) list[n++] = e->sc->warnings[i];
    if (e->unsettled[0] && n < COMPARE_WARNINGS_MAX) list[n++] = e->unsettled;
    return n;
}

struct compare_base {
    struct scenario *sc; /* for its seed, replications and locks */
    struct key_list keys;
};

struct compare_base *compare_base_load(const char *path, const char *text, size_t len,
                                       const struct scenario_override *sets, size_t nsets, FILE *err)
{
    struct compare_base *b = calloc(1, sizeof *b);
    if (!b) abort();
    b->sc = scenario_new();
    int rc = text ? scenario_load_text(b->sc, path, text, len, sets, nsets, err)
                  : scenario_load(b->sc, path, sets, nsets, err);
    if (rc != 0) {
        scenario_free(b->sc);
        free(b);
        return NULL;
    }
    key_list_of(b->sc, &b->keys);
    return b;
}

void compare_base_free(struct compare_base *b)
{
    if (!b) return;
    scenario_free(b->sc);
    key_list_free(&b->keys);
    free(b);
}

const struct scenario *compare_base_scenario(const struct compare_base *b)
{
    return b->sc;
}

static void count_lock(void *ctx, const char *name)
{
    (void)name;
    ++*(size_t *)ctx;
}

bool compare_base_locked(const struct compare_base *b)
{
    size_t n = 0;
    scenario_locked_keys(b->sc, count_lock, &n);
    return n > 0;
}

int compare_entry_load(struct compare_entry *e, const struct compare_base *b, bool locks, const char *text, size_t len,
                       const struct scenario_override *sets, size_t nsets, FILE *err)
{
    unsigned reps = b->sc->cfg.run.replications;
    unsigned long long seed = (unsigned long long)b->sc->cfg.run.seed;
    if (load_entry(e, text, len, sets, nsets, reps, seed, err) != 0) return 2;
    find_changes(e, &b->keys);
    if (locks) {
        struct lock_check lc = {b->sc, e->sc, e};
        scenario_locked_keys(b->sc, check_lock, &lc);
    }
    return e->refused ? 2 : 0;
}

const char *compare_refused_where(const struct compare_entry *e, const char *name, char *buf, size_t n)
{
    if (e->line > 0)
        snprintf(buf, n, "%s:%d", name, e->line);
    else
        snprintf(buf, n, "%s", name);
    return buf;
}

void compare_say_refused(FILE *err, const struct compare_entry *e)
{
    char where[600];
    /* wrapped as the reader's problems are (a long path, a long reason) */
    lang_printf_wrapped(err, err == stderr ? LANG_LINE_MAX : INT_MAX, _("%s: refused: %s\n"),
                        compare_refused_where(e, e->path, where, sizeof where), e->reason_shown);
}

void compare_entry_free(struct compare_entry *e)
{
    scenario_free(e->sc);
    free(e->rows);
    free(e->s);
    free(e->changed);
    free(e->changed_shown);
    free(e->more_shown);
    free(e->backlog);
    memset(e, 0, sizeof *e);
}

/* The start of path's last k components ("b/x.ini" of "a/b/x.ini" for 2), or path. */
static const char *path_tail(const char *path, size_t k)
{
    for (const char *p = path + strlen(path); p > path; p--)
        if (p[-1] == '/' && --k == 0) return p;
    return path;
}

/* Each entry's label: the fewest trailing components of its path that no other path
 * ends with (a file given twice keeps its whole path). */
static void name_entries(struct compare_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const char *path = r->e[i].path;
        size_t k = 1;
        for (;;) {
            const char *tail = path_tail(path, k);
            bool clash = false;
            for (size_t j = 0; j < r->n && !clash; j++) clash = j != i && strcmp(path_tail(r->e[j].path, k), tail) == 0;
            if (!clash || tail == path) {
                r->e[i].label = tail;
                break;
            }
            k++;
        }
    }
}

size_t compare_rank(struct compare_result *r)
{
    name_entries(r);
    size_t n = r->n, valid = 0;
    r->best = n;
    for (size_t i = 0; i < n; i++)
        if (!r->e[i].refused) {
            valid++;
            if (r->best == n || r->e[i].s[M_PROFIT].mean > r->e[r->best].s[M_PROFIT].mean) r->best = i;
        }
    r->ranked = valid;
    if (!valid) return 0;
    const struct compare_entry *b = &r->e[r->best];
    double *d = malloc((r->reps ? r->reps : 1) * sizeof *d);
    if (!d) abort();
    for (size_t i = 0; i < n; i++) {
        struct compare_entry *e = &r->e[i];
        if (e->refused) continue;
        for (unsigned rep = 0; rep < r->reps; rep++)
            d[rep] = e->rows[rep * e->nm + M_PROFIT] - b->rows[rep * b->nm + M_PROFIT];
        e->vs_best = summary_of(d, r->reps, 1);
        e->rank = 1;
        for (size_t j = 0; j < n; j++)
            if (!r->e[j].refused && r->e[j].s[M_PROFIT].mean > e->s[M_PROFIT].mean) e->rank++;
    }
    free(d);
    return valid;
}

int compare_run(const char *const *files, size_t n, const char *base, const struct scenario_override *sets,
                size_t nsets, const char *service, const struct simulate_opts *o, struct compare_result *r, FILE *err)
{
    memset(r, 0, sizeof *r);
    r->base = base;
    r->service = metric_find(service ? service : "fill_rate");
    if (r->service < 0) {
        fprintf(err, _("servlab: --service %s: not a metric\n"), service);
        return 2;
    }
    /* a name that is no file is the command line's mistake, not a student's: a folder typed
       wrong leaves the shell's pattern as it was (a '*' in the name), and a folder alone is
       not its files. Said before anything runs, with what to type (exit 2). */
    int missing = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        bool there = stat(files[i], &st) == 0;
        int why = errno;
        if (there && S_ISDIR(st.st_mode)) {
            /* the folder as typed, less the trailing '/' a shell's completion adds: the
               pattern to write names the folder with one slash before its files */
            size_t len = strlen(files[i]);
            while (len > 1 && files[i][len - 1] == '/') len--;
            char folder[1024];
            snprintf(folder, sizeof folder, "%.*s", (int)len, files[i]);
            fprintf(err, _("%s: is a folder; to compare the files in it, write %s/*.ini\n"), files[i], folder);
            missing++;
        } else if (!there) {
            const char *slash = strrchr(files[i], '/');
            char folder[1024] = ".";
            if (slash)
                snprintf(folder, sizeof folder, "%.*s", slash == files[i] ? 1 : (int)(slash - files[i]), files[i]);
            struct stat fs;
            bool folder_there = stat(folder, &fs) == 0 && S_ISDIR(fs.st_mode);
            if (strpbrk(files[i], "*?[") && folder_there)
                fprintf(err, _("%s: no file matches this pattern: %s holds none\n"), files[i], folder);
            else if (strpbrk(files[i], "*?["))
                fprintf(err, _("%s: no file matches this pattern; is the folder's name right?\n"), files[i]);
            else
                fprintf(err, _("%s: cannot open: %s\n"), files[i], strerror(why));
            missing++;
        }
    }
    if (missing) return 2;
    r->reference = base ? base : files[0];
    struct compare_base *ref = compare_base_load(r->reference, NULL, 0, sets, nsets, err);
    if (!ref) {
        if (base) fprintf(err, _("servlab: the base file %s must load before students' files can be checked\n"), base);
        return 2;
    }
    r->reps = ref->sc->cfg.run.replications;
    r->seed = (unsigned long long)ref->sc->cfg.run.seed;
    size_t seed_len = strlen(key_full_name(K_RUN_SEED));
    for (size_t i = 0; i < nsets; i++) /* the last one that sets the seed is the one that holds */
        if (strncmp(sets[i].assignment, key_full_name(K_RUN_SEED), seed_len) == 0 &&
            sets[i].assignment[seed_len] == '=')
            r->seed_from = sets[i].label && strncmp(sets[i].label, "--seed", 6) == 0 ? "--seed" : "--set";
    r->n = n;
    r->e = calloc(n, sizeof *r->e);
    if (!r->e) abort();
    /* a file that does not load is said once: in the table (or, with CSV, by servlab.c
       on stderr), or below when none loads; the loader's messages are not repeated */
    char *msgs = NULL;
    size_t mlen = 0;
    FILE *sink = open_memstream(&msgs, &mlen);
    for (size_t i = 0; i < n; i++) {
        r->e[i].path = files[i];
        long at = sink ? ftell(sink) : -1;
        compare_entry_load(&r->e[i], ref, base != NULL, NULL, 0, sets, nsets, sink ? sink : err);
        /* a file that loads wrote only its notes there (a history read as GB18030, said
           once a file: the reference's first read said its own): said as the reference's are;
           a refused one's notes too, its problems being said by its refusal */
        if (at >= 0 && fflush(sink) == 0 && msgs && mlen > (size_t)at) {
            char *notes = r->e[i].refused ? lines_of(msgs + at, true) : NULL;
            say_problems(err, notes ? notes : msgs + at, files[i]);
            free(notes);
        }
    }
    if (sink) fclose(sink);
    free(msgs);
    r->unlocked = base && !compare_base_locked(ref);
    compare_base_free(ref);
    size_t valid = 0;
    for (size_t i = 0; i < n; i++) {
        struct compare_entry *e = &r->e[i];
        if (e->refused) continue; /* the table lists it; with CSV, servlab.c says so on stderr */
        if (compare_entry_run(e, o) != 0) {
            fputs(_("servlab: interrupted; nothing was written\n"), err);
            compare_free(r);
            return 1;
        }
        valid++;
    }
    if (!valid) {
        /* the table that would list the refusals is not printed: say them here */
        for (size_t i = 0; i < n; i++)
            if (r->e[i].refused) compare_say_refused(err, &r->e[i]);
        fputs(_("servlab: none of the files could be compared\n"), err);
        compare_free(r);
        return 2;
    }
    /* rank by mean profit; judge each against the best, replication by replication */
    compare_rank(r);
    return 0;
}

void compare_free(struct compare_result *r)
{
    for (size_t i = 0; i < r->n; i++) compare_entry_free(&r->e[i]);
    free(r->e);
    memset(r, 0, sizeof *r);
}

/* ---- output ---- */

bool compare_significant(const struct summary *s)
{
    return s->n > 1 && fabs(s->mean) > s->ci95;
}

/* The line under a row of the table: what the file changed. When compare.csv is written
 * (all_keys false), as many whole keys as fit a line of LANG_LINE_MAX with the count of
 * the others after them (compare.csv has them all), so that 60 files stay readable; a
 * first key too long for a line of its own is wrapped (lang_print_wrapped). Else every
 * key, wrapped: there is no compare.csv to find the others in. */
static void changes_line(FILE *out, const struct compare_entry *e, bool all_keys)
{
    if (!e->nchanged) {
        fprintf(out, "      %s\n", _("changed: nothing"));
        return;
    }
    /* the keys joined as the reader's language lists them (；in Chinese, as the
       "；另有 N 个键" after them); changed_shown keeps "; " for compare.csv and the pages */
    /* TRANSLATORS: between two changed keys on compare's "changed:" line */
    const char *joint = C_("list of keys", "; ");
    const char *text = e->changed_shown;
    char *fits = NULL; /* the longest line that fits */
    size_t shown = 0;
    for (const char *p = text; shown < e->nchanged;) { /* whole keys while the line fits; the first always */
        const char *sep = shown + 1 < e->nchanged ? strstr(p, "; ") : NULL;
        const char *stop = sep ? sep : p + strlen(p);
        /* the keys up to stop, joined */
        char *keys = NULL;
        size_t klen = 0;
        FILE *k = open_memstream(&keys, &klen);
        if (!k) abort();
        for (const char *q = text; q < stop;) {
            const char *s = strstr(q, "; ");
            const char *end = s && s < stop ? s : stop;
            fprintf(k, "%s%.*s", q == text ? "" : joint, (int)(end - q), q);
            q = end < stop ? end + 2 : stop;
        }
        fclose(k);
        size_t more = all_keys ? 0 : e->nchanged - (shown + 1);
        char *candidate = NULL;
        size_t clen = 0;
        FILE *c = open_memstream(&candidate, &clen);
        if (!c) abort();
        fputs("      ", c);
        if (more == 0)
            fprintf(c, _("changed: %s"), keys);
        else
            fprintf(c,
                    P_("changed: %s; and %zu more key in compare.csv", "changed: %s; and %zu more keys in compare.csv",
                       more),
                    keys, more);
        fclose(c);
        free(keys);
        if (shown > 0 && !all_keys && lang_width(candidate) > LANG_LINE_MAX) {
            free(candidate);
            break;
        }
        free(fits);
        fits = candidate;
        shown++;
        if (!sep) break;
        p = sep + 2;
    }
    /* every key: the lines after the first begin under its first key, where the format
       ends in the keys ("changed: %s"), so that the keys stand in one column */
    const char *format = _("changed: %s"), *at = strstr(format, "%s");
    size_t head_len = at ? (size_t)(at - format) : 0;
    if (all_keys && e->nchanged > 1 && at && !at[2] && head_len < 60 && strlen(fits) > 6 + head_len) {
        char head[80], cont[80];
        snprintf(head, sizeof head, "      %.*s", (int)head_len, format);
        snprintf(cont, sizeof cont, "%*s", (int)lang_width(head), "");
        lang_print_hanging(out, head, fits + strlen(head), cont, LANG_LINE_MAX);
    } else
        lang_print_wrapped(out, fits, LANG_LINE_MAX);
    free(fits);
}

/* The columns of compare's table after rank and scenario, in their order; the on-time
 * column is left out when the service metric is on_time_rate. */
enum compare_column { COL_PROFIT, COL_CI, COL_SHARE, COL_SERVICE, COL_ON_TIME, COL_COST, COL_VS, COL_COUNT };

/* A column's head, in the reader's language: whole on one line (upper 0), or parted where
 * lang_head_break parts it, its upper line the first `upper` bytes, its lower line from
 * byte `lower` on. */
struct compare_head {
    const char *text;
    size_t upper, lower;
};

/* The head text parted, when it is wider than `width`, as lang_head_break parts it. */
static struct compare_head compare_head_parted(const char *text, int width)
{
    struct compare_head h = {text, 0, 0};
    h.upper = lang_head_break(text, width, &h.lower);
    return h;
}

/* A head's line above (upper) or below, into buf; a one-line head's line above is "". */
static const char *compare_head_line(const struct compare_head *h, bool upper, char *buf, size_t n)
{
    if (!h->upper) return upper ? "" : h->text;
    if (!upper) return h->text + h->lower;
    snprintf(buf, n, "%.*s", (int)h->upper, h->text);
    return lang_tidy_cut(buf);
}

/* One row's cells, as the table prints them: the verdict on the paired difference is a
 * word ("lower", "unclear"), which the note under the table explains. */
struct compare_cells {
    char text[COL_COUNT][120];
};

static void compare_row_cells(const struct compare_result *r, size_t i, struct compare_cells *c)
{
    const struct compare_entry *e = &r->e[i];
    const struct summary *p = &e->s[M_PROFIT], *sv = &e->s[r->service], *ot = &e->s[M_ON_TIME_RATE];
    double best = r->e[r->best].s[M_PROFIT].mean;
    char share[40];
    snprintf(c->text[COL_PROFIT], sizeof c->text[0], "%.2f", p->mean);
    snprintf(c->text[COL_CI], sizeof c->text[0], "%.2f", p->ci95);
    if (best > 0)
        snprintf(c->text[COL_SHARE], sizeof c->text[0], "%.1f%%", 100 * p->mean / best);
    else /* a share of a loss or of nothing says nothing */
        snprintf(c->text[COL_SHARE], sizeof c->text[0], "-");
    if (isfinite(sv->mean))
        snprintf(c->text[COL_SERVICE], sizeof c->text[0], "%s%%", report_percent(sv->mean, 2, share, sizeof share));
    else /* no data (reaction_elsewhere where no order found a stockout): as on time without one */
        snprintf(c->text[COL_SERVICE], sizeof c->text[0], "-");
    if (ot->n && isfinite(ot->mean))
        snprintf(c->text[COL_ON_TIME], sizeof c->text[0], "%s%%", report_percent(ot->mean, 2, share, sizeof share));
    else
        snprintf(c->text[COL_ON_TIME], sizeof c->text[0], "-");
    snprintf(c->text[COL_COST], sizeof c->text[0], "%.2f", e->s[M_COST_TOTAL].mean);
    if (i == r->best)
        snprintf(c->text[COL_VS], sizeof c->text[0], "%s", _("the best"));
    else
        snprintf(c->text[COL_VS], sizeof c->text[0], "%+.2f ± %.2f %s", e->vs_best.mean, e->vs_best.ci95,
                 compare_significant(&e->vs_best)
                     /* TRANSLATORS: compare's verdict after a paired difference: significantly lower */
                     ? C_("paired verdict", "lower")
                     /* TRANSLATORS: compare's verdict after a paired difference: not significantly lower */
                     : C_("paired verdict", "unclear"));
}

/* The metric in words: report_metric_words. When the service is the on-time rate over all
 * orders, the two on-time rates stand side by side, and each head says which orders it
 * counts. */
void compare_service_heads(const struct compare_result *r, char *buf, size_t n, const char **on_time)
{
    *on_time = _("on time");
    if (r->service == M_ON_TIME_ALL_ORDERS_RATE) {
        /* TRANSLATORS: compare's head for on_time_of_all_orders_rate, next to the column
           "on time (delivered)": on time over all the orders that ended, an order never
           delivered counting as late; it parts into two lines, its figures are 7 wide */
        snprintf(buf, n, "%s", _("on time (all orders)"));
        /* TRANSLATORS: compare's head for on_time_rate next to "on time (all orders)": on
           time over the delivered orders only; it parts into two lines, as that one */
        *on_time = _("on time (delivered)");
        return;
    }
    char words[100];
    report_metric_words(metric_defs[r->service].name, words, sizeof words);
    snprintf(buf, n, "%s", words + strspn(words, " ")); /* the blank the Chinese prose puts before a Latin name */
}

void compare_table(FILE *out, const struct compare_result *r)
{
    fprintf(out, "servlab %s compare — ", SERVLAB_VERSION);
    fprintf(out,
            P_("%zu scenario, %u replications each on the same random numbers\n",
               "%zu scenarios, %u replications each on the same random numbers\n", r->n),
            r->n, r->reps);
    lang_printf_wrapped(out, LANG_LINE_MAX,
                        _("seed %llu (from %s), generator %s.\n"
                          "Money is per day; ± is the half-width of the 95%% interval.\n"),
                        r->seed, r->seed_from ? r->seed_from : file_name(r->reference), rng_generator_name());
    bool on_time_column = r->service != M_ON_TIME_RATE; /* else it would show the service column twice */
    char sv_head[100];
    const char *on_time_head;
    compare_service_heads(r, sv_head, sizeof sv_head, &on_time_head);
    const char *texts[COL_COUNT] = {
        _("profit"), "± 95%", _("of best"), sv_head, on_time_head, _("cost"), _("against the best (paired)")};
    /* every column as wide as its head or its widest cell; the scenario column as its
       widest name, narrower when the line would pass LANG_LINE_MAX (a longer name then
       stands on a line of its own above its figures) */
    int widths[COL_COUNT] = {0}, wname = (int)lang_width(_("scenario"));
    struct compare_cells *cells = calloc(r->n ? r->n : 1, sizeof *cells);
    if (!cells) abort();
    for (size_t i = 0; i < r->n; i++) {
        if (r->e[i].refused) continue;
        compare_row_cells(r, i, &cells[i]);
        for (int k = 0; k < COL_COUNT; k++) {
            int len = (int)lang_width(cells[i].text[k]);
            if (len > widths[k]) widths[k] = len;
        }
        int len = (int)lang_width(r->e[i].label);
        if (len > wname) wname = len;
    }
    /* the heads, each whole or on two lines (lang_head_break): the rates' when wider than a
       percentage with a blank before it ("fill" above "rate", "perfect" above "order
       rate", 全部订单 above 准时率), so that their columns are as narrow as their figures;
       against the best's when wider than its widest cell ("against the best" above
       "(paired)") */
    struct compare_head heads[COL_COUNT];
    for (int k = 0; k < COL_COUNT; k++) {
        heads[k] = (struct compare_head){texts[k], 0, 0};
        if (k == COL_SERVICE || k == COL_ON_TIME)
            heads[k] = compare_head_parted(texts[k], 8);
        else if (k == COL_VS)
            heads[k] = compare_head_parted(texts[k], widths[k]);
        int w = lang_head_columns(heads[k].text, heads[k].upper, heads[k].lower);
        if (w > widths[k]) widths[k] = w;
    }
    int rest = 4; /* rank */
    for (int k = 0; k < COL_COUNT; k++)
        if (k != COL_ON_TIME || on_time_column) rest += 2 + widths[k];
    if (2 + wname + rest > LANG_LINE_MAX) {
        wname = LANG_LINE_MAX - 2 - rest;
        int least = (int)lang_width(_("scenario"));
        if (wname < least) wname = least;
    }
    /* the heads: the lines above of two-line heads (when there are any), then the heads */
    char buf[128];
    bool two = false;
    for (int k = 0; k < COL_COUNT; k++) two |= (k != COL_ON_TIME || on_time_column) && heads[k].upper;
    fputc('\n', out);
    for (int upper = two; upper >= 0; upper--) {
        int blanks = 0;
        if (upper)
            blanks = 4 + 2 + wname;
        else {
            lang_pad(out, _("rank"), 4, true);
            fputs("  ", out);
            lang_pad(out, _("scenario"), wname, false);
        }
        for (int k = 0; k < COL_COUNT; k++) {
            if (k == COL_ON_TIME && !on_time_column) continue;
            const char *h = compare_head_line(&heads[k], upper, buf, sizeof buf);
            int hw = (int)lang_width(h);
            if (k == COL_VS) { /* the last column: left-aligned, nothing after it */
                if (*h) fprintf(out, "%*s%s", blanks + 2, "", h);
                break;
            }
            blanks += 2 + widths[k] - hw; /* right-aligned */
            if (!*h) continue;
            fprintf(out, "%*s%s", blanks, "", h);
            blanks = 0;
        }
        fputc('\n', out);
    }
    for (size_t rank = 1; rank <= r->n; rank++)
        for (size_t i = 0; i < r->n; i++) {
            const struct compare_entry *e = &r->e[i];
            if (e->refused || e->rank != rank) continue;
            const char *warned[COMPARE_WARNINGS_MAX];
            if (compare_entry_warnings(e, warned)) /* see the warnings under the table */
                fprintf(out, "%3zu!  ", e->rank);
            else
                fprintf(out, "%4zu  ", e->rank);
            if ((int)lang_width(e->label) > wname) /* a long name on its own line, its figures below */
                fprintf(out, "%s\n%*s", e->label, 6 + wname, "");
            else
                lang_pad(out, e->label, wname, false);
            for (int k = 0; k < COL_COUNT; k++) {
                if (k == COL_ON_TIME && !on_time_column) continue;
                fputs("  ", out);
                if (k == COL_VS)
                    fputs(cells[i].text[k], out);
                else
                    lang_pad(out, cells[i].text[k], widths[k], true);
            }
            fputc('\n', out);
            if (r->base || i != 0) /* without a base, file 0 is what the others changed */
                changes_line(out, e, !r->keys_in_csv);
        }
    free(cells);
    bool any = false;
    for (size_t rank = 1; rank <= r->n; rank++) /* in the table's order */
        for (size_t i = 0; i < r->n; i++) {
            const char *warned[COMPARE_WARNINGS_MAX];
            if (r->e[i].refused || r->e[i].rank != rank) continue;
            size_t nw = compare_entry_warnings(&r->e[i], warned);
            if (nw && !any) fputs(_("\nWarnings on the files marked !\n"), out);
            any |= nw > 0;
            for (size_t k = 0; k < nw; k++)
                lang_printf_filled(out, LANG_LINE_MAX, "  ! %s: %s\n", r->e[i].label, warned[k]);
        }
    any = false;
    for (size_t i = 0; i < r->n; i++)
        if (r->e[i].refused) {
            if (!any) fputs(_("\nRefused\n"), out);
            any = true;
            char where[600];
            lang_printf_wrapped(out, LANG_LINE_MAX, "  %s: %s\n",
                                compare_refused_where(&r->e[i], r->e[i].label, where, sizeof where),
                                r->e[i].reason_shown);
            /* each under the first, its file named by its label as every line of the table
               names it ("s01.ini:3: ...", not the path as given); another file's problems
               (its history) keep their own path */
            size_t plen = strlen(r->e[i].path);
            for (const char *line = r->e[i].more_shown; line && *line;) {
                const char *end = strchr(line, '\n');
                int n = end ? (int)(end - line) : (int)strlen(line);
                if (strncmp(line, r->e[i].path, plen) == 0 && line[plen] == ':')
                    lang_printf_wrapped(out, LANG_LINE_MAX, "    %s%.*s\n", r->e[i].label, n - (int)plen, line + plen);
                else
                    lang_printf_wrapped(out, LANG_LINE_MAX, "    %.*s\n", n, line);
                line = end ? end + 1 : NULL;
            }
        }
    /* xgettext:no-c-format */
    /* the verdicts' words are those of the table's last column (compare_row_cells) */
    /* xgettext:no-c-format */
    fputs(_("\nAgainst the best: profit - best profit and its paired 95% interval over the replications.\n"
            "lower: the interval excludes 0, so the profit is significantly lower than the best.\n"
            "unclear: it includes 0, and the difference may be chance.\n"
            "The same random numbers usually make these intervals far narrower than each profit's ±.\n"),
          out);
    bool stock_change = false;
    for (size_t i = 0; i < r->n; i++)
        if (!r->e[i].refused)
            stock_change |= isfinite(r->e[i].s[M_STOCK_VALUE_CHANGE].mean) && r->e[i].s[M_STOCK_VALUE_CHANGE].mean != 0;
    if (stock_change)
        fputs(_("cost is the total cost, with purchases counted when ordered; profit = revenue - cost + the\n"
                "increase in stock value (stock still owned is added back).\n"),
              out);
}

/* Is name (a full key name: "revenue.price_per_unit", "product.tea.price_per_unit") a key
 * of the market: of [demand], [costs] or [revenue], or a family's copy of one? */
static bool market_key(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot) return false;
    char section[160];
    snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
    int k = key_find(section, dot + 1);
    if (k < 0) return false;
    const char *s = key_defs[key_root((size_t)k)].section;
    return strcmp(s, "demand") == 0 || strcmp(s, "costs") == 0 || strcmp(s, "revenue") == 0;
}

/* The files named in the warning; the others are counted. */
enum { UNLOCKED_NAMED = 4 };

void compare_say_unlocked(FILE *err, const struct compare_result *r)
{
    if (!r->unlocked) return;
    /* TRANSLATORS: between two files, and between two keys, in compare's warning on a base
       without [locks] */
    const char *file_joint = C_("list of files", "; "), *key_joint = C_("list of keys", ", ");
    char *list = NULL;
    size_t len = 0, files = 0;
    FILE *l = open_memstream(&list, &len);
    if (!l) abort();
    for (size_t rank = 1; rank <= r->n; rank++) /* in the table's order */
        for (size_t i = 0; i < r->n; i++) {
            const struct compare_entry *e = &r->e[i];
            if (e->refused || e->rank != rank || !e->changed) continue;
            char keys[600] = "";
            size_t nkeys = 0, used = 0;
            for (const char *p = e->changed; *p;) { /* "name = value; name = value" */
                const char *sep = strstr(p, "; ");
                const char *end = sep ? sep : p + strlen(p);
                const char *eq = strstr(p, " = ");
                char name[160];
                snprintf(name, sizeof name, "%.*s", (int)((eq && eq < end ? eq : end) - p), p);
                if (market_key(name) && used < sizeof keys) {
                    int k = snprintf(keys + used, sizeof keys - used, "%s%s", nkeys ? key_joint : "", name);
                    used += k > 0 ? (size_t)k : 0;
                    nkeys++;
                }
                p = sep ? sep + 2 : end;
            }
            if (!nkeys) continue;
            if (files < UNLOCKED_NAMED) {
                lang_tidy_cut(keys);
                fputs(files ? file_joint : "", l);
                /* TRANSLATORS: a file and the keys of the market it changed, in compare's
                   warning on a base without [locks]: "cheat.ini (revenue.price_per_unit)" */
                fprintf(l, _("%s (%s)"), e->label, keys);
            }
            files++;
        }
    if (files > UNLOCKED_NAMED) /* TRANSLATORS: after the files named in compare's warning on a base without [locks] */
        fprintf(l, P_("; and %zu more file", "; and %zu more files", files - UNLOCKED_NAMED), files - UNLOCKED_NAMED);
    fclose(l);
    if (files)
        lang_printf_wrapped(
            err, LANG_LINE_MAX,
            P_("servlab: warning: %s has no [locks], so students may change anything; %zu file changed the price, "
               "the demand or the costs: %s.\n"
               "  To refuse such files, add to the base:\n"
               "    [locks]\n"
               "    sections = run, demand, costs, revenue\n"
               "  (servlab keys locks says what [locks] takes)\n",
               "servlab: warning: %s has no [locks], so students may change anything; %zu files changed the "
               "price, the demand or the costs: %s.\n"
               "  To refuse such files, add to the base:\n"
               "    [locks]\n"
               "    sections = run, demand, costs, revenue\n"
               "  (servlab keys locks says what [locks] takes)\n",
               files),
            file_name(r->base), files, list);
    free(list);
}

void compare_csv_quoted(FILE *out, const char *text)
{
    fputc('"', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"') fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

/* compare.csv's on_time_rate column, unless the service metric is on_time_rate: its
 * column, with its interval, is already there (docs/contract.md section 6). */
static bool csv_on_time_column(const struct compare_result *r)
{
    return r->service != M_ON_TIME_RATE;
}

static void csv_row(FILE *out, const struct compare_result *r, size_t i)
{
    const struct compare_entry *e = &r->e[i];
    bool on_time = csv_on_time_column(r);
    if (e->refused) {
        fprintf(out, ",%s,,,,,,,,,,%s", e->path, on_time ? "," : "");
        compare_csv_quoted(out, e->reason);
    } else {
        char f[11][40];
        double best = r->e[r->best].s[M_PROFIT].mean;
        fprintf(out, "%zu,%s,%s,%s,%s,%s,%s,", e->rank, e->path, report_field(e->s[M_PROFIT].mean, f[0], 40),
                report_field(e->s[M_PROFIT].ci95, f[1], 40),
                report_field(best > 0 ? 100 * e->s[M_PROFIT].mean / best : NAN, f[2], 40),
                report_field(e->s[r->service].mean, f[3], 40), report_field(e->s[r->service].ci95, f[4], 40));
        if (on_time) fprintf(out, "%s,", report_field(e->s[M_ON_TIME_RATE].mean, f[5], 40));
        fprintf(out, "%s,%s,%s,%d,", report_field(e->s[M_COST_TOTAL].mean, f[6], 40),
                report_field(e->vs_best.mean, f[7], 40), report_field(e->vs_best.ci95, f[8], 40),
                i != r->best && compare_significant(&e->vs_best));
    }
    fputc(',', out);
    compare_csv_quoted(out, e->changed ? e->changed : "");
    const char *warned[COMPARE_WARNINGS_MAX]; /* how many: the table and the page say what */
    if (e->refused)
        fputs(",\n", out);
    else
        fprintf(out, ",%zu\n", compare_entry_warnings(e, warned));
}

void compare_csv(FILE *out, const struct compare_result *r)
{
    const char *sname = metric_defs[r->service].name;
    fprintf(out,
            "rank,scenario,profit_per_day,profit_ci95,percent_of_best,%s,%s_ci95,%s"
            "cost_total_per_day,difference_to_best,difference_ci95,significant,refused,changed_keys,warnings\n",
            sname, sname, csv_on_time_column(r) ? "on_time_rate," : "");
    for (size_t rank = 1; rank <= r->n; rank++) /* rank 1 first; files of equal profit in the order given */
        for (size_t i = 0; i < r->n; i++)
            if (!r->e[i].refused && r->e[i].rank == rank) csv_row(out, r, i);
    for (size_t i = 0; i < r->n; i++)
        if (r->e[i].refused) csv_row(out, r, i);
}
