/* serve.c - see serve.h. One lock (struct server.lock) guards the submissions, the runs
 * and the queue; the HTTP handlers run on libmicrohttpd's one polling thread, the runs
 * on the worker threads. A run's entry is written by its worker while it runs and never
 * changes once done, so pages read done entries outside the lock. */
#include "serve.h"

#include "cli/charts.h"
#include "cli/compare.h"
#include "cli/debrief.h"
#include "cli/html.h"
#include "cli/outfile.h"
#include "cli/report.h"
#include "cli/simulate.h"
#include "cli/workload.h"
#include "lang/lang.h"
#include "models/metrics.h"
#include "reader/csv.h"
#include "reader/scan.h"
#include "cli/sweep.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <limits.h>
#include <math.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* net/if.h's interface flags, hidden by -D_POSIX_C_SOURCE alone (Linux's values) */
#ifndef IFF_UP
#define IFF_UP 0x1
#endif
#ifndef IFF_LOOPBACK
#define IFF_LOOPBACK 0x8
#endif

enum {
    NAME_MAX_CHARS = 40,                 /* a student's name, in characters, as the form's maxlength counts */
    NAME_MAX_BYTES = 4 * NAME_MAX_CHARS, /* ... and so at most this many bytes of UTF-8 */
    CODE_MAX_BYTES = 100,                /* the class code field */
    CLIENTS_TRACKED = 512,               /* for the rate limit; the oldest is forgotten beyond */
    RETRY_AFTER_SECONDS = 30,
    OWNER_BYTES = 16,                  /* the owner cookie: 128 random bits */
    OWNER_MAX_AGE = 30 * 24 * 60 * 60, /* seconds the browser keeps it */
    REFUSAL_WHY_BYTES = 240,           /* a refusal's first message, as kept (a CSV field of reader/csv.h) */
    REFUSALS_KEPT = 5000,              /* refusals listed; the later ones are counted only */
};

/* The cookie that makes a name a browser's: set on its first accepted submission. */
#define OWNER_COOKIE "servlab_owner"

/* ---- what the server holds ---- */

/* RUN_DROPPED: taken off the queue, no current submission using it (add_submission);
 * queued again when its text comes back. */
enum run_state { RUN_QUEUED, RUN_RUNNING, RUN_DONE, RUN_STOPPED, RUN_DROPPED };

/* One distinct scenario text (with the base it was checked against), run once: the
 * cache by content. */
struct run {
    uint64_t hash;
    char *text;
    size_t len;
    char path[NAME_MAX_BYTES + 8]; /* "NAME.ini" of its first submitter: e.path */
    struct compare_entry e;
    enum run_state state;
    struct run *next_queued;
};

struct submission {
    char id[17]; /* 16 hex digits, random: the page's address */
    unsigned long seq;
    char name[NAME_MAX_BYTES + 1];
    char client[64];
    long long when; /* Unix time */
    struct run *run;
    struct submission *replaced_by; /* a newer submission under the same name, or NULL */
    char owner[17]; /* the hash of the browser's owner cookie (16 hex digits); "": anyone's (older state) */
};

/* A submission refused for what the student sent (400, 403, 409, 422; not the server's own
 * refusals, 429, 500, 503): kept for the instructor, who can then walk over to the
 * student (history.csv's rows of state "refused", /history). */
struct refusal {
    long long when;                /* Unix time */
    char name[NAME_MAX_BYTES + 1]; /* "" when the name itself was refused */
    char client[64];
    char why[REFUSAL_WHY_BYTES]; /* the first message */
    unsigned long next_seq;      /* came after every submission numbered below this */
};

struct client {
    char addr[64];
    double tokens; /* submissions it may make now */
    double last;   /* when tokens was counted (seconds, monotonic) */
};

struct server {
    const struct serve_opts *o;
    struct compare_base *base;
    char *base_text;
    size_t base_len;
    uint64_t base_hash;
    const char *base_name;      /* its file name */
    char *described;            /* the base's Chinese twin, described on the zh leaderboard, or NULL */
    int service;                /* the base's service metric */
    struct sweep_result *curve; /* the base's service curve, or NULL */
    struct run *base_run;       /* the base's own text, run as a submission (one of runs): "today", the
                                   reference a student's result is set against; NULL if it does not load */
    pthread_mutex_t lock;
    pthread_cond_t work;
    struct submission **subs;
    size_t nsubs, cap_subs;
    struct run **runs;
    size_t nruns, cap_runs;
    struct refusal *refusals;
    size_t nrefusals, cap_refusals;
    size_t refusals_dropped; /* past REFUSALS_KEPT */
    struct run *queue_head, *queue_tail;
    size_t queued;
    unsigned long next_seq;
    unsigned long board_version; /* grows when the leaderboard may change */
    atomic_int stopping;
    struct client clients[CLIENTS_TRACKED];
    FILE *random;
    /* the leaderboard page, kept until the board changes (the polling thread only) */
    char *board_page;
    size_t board_len;
    unsigned long board_page_version;
};

static uint64_t fnv1a(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

static long long now(void)
{
    return (long long)time(NULL);
}

static struct submission *find_submission(struct server *s, const char *id)
{
    for (size_t i = 0; i < s->nsubs; i++)
        if (strcmp(s->subs[i]->id, id) == 0) return s->subs[i];
    return NULL;
}

static struct run *find_run(struct server *s, uint64_t hash, const char *text, size_t len)
{
    for (size_t i = 0; i < s->nruns; i++) {
        struct run *r = s->runs[i];
        if (r->hash == hash && r->len == len && memcmp(r->text, text, len) == 0) return r;
    }
    return NULL;
}

/* The newest submission under name, or NULL. */
static struct submission *current_of(struct server *s, const char *name)
{
    for (size_t i = s->nsubs; i-- > 0;)
        if (strcmp(s->subs[i]->name, name) == 0) return s->subs[i];
    return NULL;
}

/* ---- state on disk: every file whole or absent (cli/outfile.h), submissions synced ---- */

/* durable: synced to disk (a submission, and history.csv once it lists a refusal: what
 * a restart cannot make again); from the submissions a lost run is run again and a
 * history.csv without refusals written anew at the next change, so those are not worth
 * a sync while the server's lock is held */
static int write_file(const char *dir, const char *name, const char *data, size_t len, bool durable)
{
    struct outfile f;
    FILE *fp = outfile_open(&f, dir, name);
    if (!fp) return -1;
    fwrite(data, 1, len, fp);
    return durable ? outfile_commit_durable(&f) : outfile_commit(&f);
}

static void state_path(const struct server *s, const char *sub, char *buf, size_t n)
{
    snprintf(buf, n, "%s/%s", s->o->dir, sub);
}

static void save_run(struct server *s, const struct run *r)
{
    char dir[1100], name[64], *buf = NULL;
    size_t len = 0;
    state_path(s, "runs", dir, sizeof dir);
    snprintf(name, sizeof name, "%016llx.csv", (unsigned long long)r->hash);
    FILE *m = open_memstream(&buf, &len);
    if (!m) abort();
    unsigned reps = r->e.sc->cfg.run.replications;
    fprintf(m, "%u,%zu\n", reps, r->e.nm);
    for (unsigned k = 0; k < reps; k++)
        for (size_t j = 0; j < r->e.nm; j++)
            fprintf(m, "%.17g%c", r->e.rows[k * r->e.nm + j], j + 1 < r->e.nm ? ',' : '\n');
    if (r->e.backlog) { /* for the warning that the run does not settle, after a restart too */
        fputs("backlog\n", m);
        for (unsigned k = 0; k < reps; k++) {
            const struct backlog *b = &r->e.backlog[k];
            fprintf(m, "%.17g,%.17g,%.17g,%.17g\n", b->orders_mid, b->orders_end, b->backordered_mid,
                    b->backordered_end);
        }
    }
    fclose(m);
    if (write_file(dir, name, buf, len, false) != 0)
        lang_printf_wrapped(stderr, LANG_LINE_MAX, _("servlab: cannot write %s/%s: %s\n"), dir, name, strerror(errno));
    free(buf);
}

/* Read a run's rows back; 0 when they are there and fit its scenario. */
static int load_run(struct server *s, struct run *r)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/runs/%016llx.csv", s->o->dir, (unsigned long long)r->hash);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    unsigned reps = 0;
    size_t nm = 0;
    int ok = fscanf(f, "%u,%zu", &reps, &nm) == 2 && reps == r->e.sc->cfg.run.replications &&
             nm == metric_count(&r->e.sc->cfg);
    if (ok) {
        r->e.nm = nm;
        r->e.rows = malloc(reps * nm * sizeof *r->e.rows);
        r->e.s = malloc(nm * sizeof *r->e.s);
        if (!r->e.rows || !r->e.s) abort();
        for (size_t i = 0; ok && i < reps * nm; i++) ok = fscanf(f, " %lg%*[,]", &r->e.rows[i]) == 1;
        if (ok) simulate_summarise(r->e.rows, reps, nm, r->e.s);
        char word[8];
        if (ok && fscanf(f, " %7[a-z]", word) == 1 && strcmp(word, "backlog") == 0) { /* absent in older runs */
            r->e.backlog = malloc(reps * sizeof *r->e.backlog);
            if (!r->e.backlog) abort();
            bool whole = true;
            for (unsigned k = 0; whole && k < reps; k++) {
                struct backlog *b = &r->e.backlog[k];
                whole = fscanf(f, " %lg,%lg,%lg,%lg", &b->orders_mid, &b->orders_end, &b->backordered_mid,
                               &b->backordered_end) == 4;
            }
            if (!whole) free(r->e.backlog), r->e.backlog = NULL;
        }
        if (ok) compare_entry_settle(&r->e);
    }
    fclose(f);
    if (!ok) {
        free(r->e.rows), free(r->e.s), free(r->e.backlog);
        r->e.rows = NULL, r->e.s = NULL, r->e.backlog = NULL;
        return -1;
    }
    return 0;
}

/* A submission's state, in English (history.csv; N_: the history page translates it). */
static const char *state_name(const struct submission *u)
{
    if (u->replaced_by) return N_("replaced");
    switch (u->run->state) {
    case RUN_QUEUED: return N_("queued");
    case RUN_RUNNING: return N_("running");
    case RUN_DONE: return N_("done");
    case RUN_DROPPED: return N_("replaced");
    case RUN_STOPPED: break;
    }
    return N_("stopped");
}

/* A time (Unix seconds, as a submission's file or history.csv gives it: hand-edited, it
 * may be anything): with utc, history.csv's "2026-12-07T09:30:00Z"; else the time of day
 * in this computer's zone, as the pages show it; into buf (n bytes). "?" for one the C
 * library cannot convert (a year past what struct tm holds), never a crash. */
static const char *clock_text(long long when, bool utc, char *buf, size_t n)
{
    struct tm tm;
    time_t t = (time_t)when;
    bool ok = (long long)t == when && (utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm));
    if (!ok || !(utc ? strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm) : strftime(buf, n, "%H:%M:%S", &tm)))
        snprintf(buf, n, "?");
    return buf;
}

/* history.csv: every submission in order, for the instructor. */
static void save_history(struct server *s)
{
    char *buf = NULL, dir[1100];
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) abort();
    fputs(OUTFILE_CSV_BOM "seq,id,time_utc,name,client,content_hash,state,profit_per_day,changed_keys,refusal\n", m);
    /* the submissions and the refusals, each list in time order, merged: a refusal after
       the submissions numbered below its next_seq */
    for (size_t i = 0, k = 0; i < s->nsubs || k < s->nrefusals;) {
        bool refused = k < s->nrefusals && (i == s->nsubs || s->refusals[k].next_seq <= s->subs[i]->seq);
        char when[32];
        clock_text(refused ? s->refusals[k].when : s->subs[i]->when, true, when, sizeof when);
        if (refused) { /* no seq, id or run: only who, when and why */
            const struct refusal *f = &s->refusals[k++];
            fprintf(m, ",,%s,%s,%s,,refused,,,", when, f->name, f->client);
            compare_csv_quoted(m, f->why);
            fputc('\n', m);
            continue;
        }
        const struct submission *u = s->subs[i++];
        fprintf(m, "%lu,%s,%s,%s,%s,%016llx,%s,", u->seq, u->id, when, u->name, u->client,
                (unsigned long long)u->run->hash, state_name(u));
        if (u->run->state == RUN_DONE) fprintf(m, "%.6g", u->run->e.s[M_PROFIT].mean);
        fputc(',', m);
        compare_csv_quoted(m, u->run->e.changed ? u->run->e.changed : "");
        fputs(",\n", m);
    }
    fclose(m);
    snprintf(dir, sizeof dir, "%s", s->o->dir);
    if (write_file(dir, "history.csv", buf, len, s->nrefusals > 0) != 0)
        lang_printf_wrapped(stderr, LANG_LINE_MAX, _("servlab: cannot write %s/%s: %s\n"), dir, "history.csv",
                            strerror(errno));
    free(buf);
}

static int save_submission(struct server *s, const struct submission *u)
{
    char dir[1100], name[64], meta[400];
    state_path(s, "submissions", dir, sizeof dir);
    snprintf(name, sizeof name, "%s.ini", u->id);
    if (write_file(dir, name, u->run->text, u->run->len, true) != 0) return -1;
    int n = snprintf(meta, sizeof meta, "seq=%lu\nname=%s\nclient=%s\ntime=%lld\nhash=%016llx\nowner=%s\n", u->seq,
                     u->name, u->client, u->when, (unsigned long long)u->run->hash, u->owner);
    snprintf(name, sizeof name, "%s.txt", u->id); /* last: a submission is there when its .txt is */
    if (write_file(dir, name, meta, (size_t)n, true) == 0) return 0;
    int why = errno;
    snprintf(name, sizeof name, "%s.ini", u->id); /* no text left without its submission */
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
    errno = why;
    return -1;
}

/* ---- the queue and the workers ---- */

static void *worker(void *arg)
{
    struct server *s = arg;
    struct simulate_opts so = {.threads = 1, .stop = &s->stopping};
    pthread_mutex_lock(&s->lock);
    for (;;) {
        while (!s->queue_head && !atomic_load(&s->stopping)) pthread_cond_wait(&s->work, &s->lock);
        if (atomic_load(&s->stopping)) break;
        struct run *r = s->queue_head;
        s->queue_head = r->next_queued;
        if (!s->queue_head) s->queue_tail = NULL;
        s->queued--;
        r->state = RUN_RUNNING;
        pthread_mutex_unlock(&s->lock);
        int rc = compare_entry_run(&r->e, &so);
        pthread_mutex_lock(&s->lock);
        if (rc != 0) { /* stopped: the submission's text is saved, a restart runs it again */
            r->state = RUN_STOPPED;
            break;
        }
        r->state = RUN_DONE;
        save_run(s, r);
        save_history(s);
        s->board_version++;
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

/* Queue r (under the lock). */
static void enqueue(struct server *s, struct run *r)
{
    r->state = RUN_QUEUED;
    r->next_queued = NULL;
    if (s->queue_tail)
        s->queue_tail->next_queued = r;
    else
        s->queue_head = r;
    s->queue_tail = r;
    s->queued++;
    pthread_cond_signal(&s->work);
}

/* Take r off the queue (under the lock): nobody waits for it any more. */
static void dequeue(struct server *s, struct run *r)
{
    if (r->state != RUN_QUEUED) return;
    for (struct run **at = &s->queue_head, *prev = NULL; *at; prev = *at, at = &(*at)->next_queued) {
        if (*at != r) continue;
        *at = r->next_queued;
        if (s->queue_tail == r) s->queue_tail = prev;
        r->next_queued = NULL;
        r->state = RUN_DROPPED;
        s->queued--;
        return;
    }
}

/* Whether a current submission (not replaced) uses r (under the lock). */
static bool run_used(const struct server *s, const struct run *r)
{
    for (size_t i = 0; i < s->nsubs; i++)
        if (!s->subs[i]->replaced_by && s->subs[i]->run == r) return true;
    return false;
}

/* r's place in the queue, 1 first (under the lock); 0 when it is not waiting. */
static size_t queue_place(const struct server *s, const struct run *r)
{
    size_t k = 1;
    for (const struct run *q = s->queue_head; q; q = q->next_queued, k++)
        if (q == r) return k;
    return 0;
}

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap) return p;
    *cap = *cap ? 2 * *cap : 64;
    p = realloc(p, *cap * size);
    if (!p) abort();
    return p;
}

/* A new run of text, checked against the base: NULL with the messages on err when it is
 * refused (it does not load, changes a locked key, or asks for too much). */
static struct run *new_run(struct server *s, const char *name, const char *text, size_t len, uint64_t hash, FILE *err)
{
    struct run *r = calloc(1, sizeof *r);
    if (!r) abort();
    snprintf(r->path, sizeof r->path, "%s.ini", name);
    r->e.path = r->path;
    if (compare_entry_load(&r->e, s->base, true, text, len, s->o->sets, s->o->nsets, err) != 0) {
        char where[600];
        if (r->e.sc) /* a lock: the loader said nothing; to a terminal wrapped as the loader's problems */
            lang_printf_wrapped(err, err == stderr ? LANG_LINE_MAX : INT_MAX, "%s: %s\n",
                                compare_refused_where(&r->e, r->path, where, sizeof where), r->e.reason_shown);
        compare_entry_free(&r->e);
        free(r);
        return NULL;
    }
    struct workload w;
    const struct model_config *cfg = &r->e.sc->cfg;
    workload_estimate(&cfg, 1, 1, &w);
    if (workload_check_limit(&w, r->path, SERVE_CPU_SECONDS, false, err) != 0) {
        compare_entry_free(&r->e);
        free(r);
        return NULL;
    }
    r->hash = hash;
    r->text = malloc(len + 1);
    if (!r->text) abort();
    memcpy(r->text, text, len);
    r->text[len] = '\0';
    r->len = len;
    return r;
}

static void add_run(struct server *s, struct run *r)
{
    s->runs = grow(s->runs, &s->cap_runs, s->nruns, sizeof *s->runs);
    s->runs[s->nruns++] = r;
}

/* A submission of run r, not yet in the server's list (add_submission puts it there). */
static struct submission *new_submission(const char *id, unsigned long seq, const char *name, const char *client,
                                         long long when, struct run *r, const char *owner)
{
    struct submission *u = calloc(1, sizeof *u);
    if (!u) abort();
    snprintf(u->id, sizeof u->id, "%s", id);
    snprintf(u->owner, sizeof u->owner, "%s", owner);
    u->seq = seq;
    snprintf(u->name, sizeof u->name, "%s", name);
    snprintf(u->client, sizeof u->client, "%s", client);
    u->when = when;
    u->run = r;
    return u;
}

/* Put u in the list (under the lock): it replaces its name's current submission. */
static void add_submission(struct server *s, struct submission *u)
{
    const char *name = u->name;
    unsigned long seq = u->seq;
    struct run *r = u->run;
    struct submission *old = current_of(s, name);
    if (old) {
        old->replaced_by = u;
        if (old->run != r && !run_used(s, old->run)) dequeue(s, old->run); /* a run nobody will look at */
    }
    s->subs = grow(s->subs, &s->cap_subs, s->nsubs, sizeof *s->subs);
    s->subs[s->nsubs++] = u;
    if (seq >= s->next_seq) s->next_seq = seq + 1;
    s->board_version++;
}

static void new_id(struct server *s, char id[17])
{
    do {
        unsigned char b[8] = {0};
        if (!s->random || fread(b, 1, sizeof b, s->random) != sizeof b) { /* no /dev/urandom: still unique */
            uint64_t x = fnv1a(s->base_hash, (const char *)&s->next_seq, sizeof s->next_seq) ^ (uint64_t)clock();
            memcpy(b, &x, sizeof b);
        }
        for (int i = 0; i < 8; i++) snprintf(id + 2 * i, 3, "%02x", b[i]);
    } while (find_submission(s, id));
}

/* A new owner cookie: OWNER_BYTES from the IDs' random source, in hex; -1 without one
 * (then no cookie is set: a guessable one would protect nothing). */
static int new_owner_cookie(struct server *s, char cookie[2 * OWNER_BYTES + 1])
{
    unsigned char b[OWNER_BYTES];
    if (!s->random || fread(b, 1, sizeof b, s->random) != sizeof b) return -1;
    for (int i = 0; i < OWNER_BYTES; i++) snprintf(cookie + 2 * i, 3, "%02x", b[i]);
    return 0;
}

/* What the server keeps of an owner cookie: its hash, in hex (the cookie itself is never
 * written, so the state dir does not hand it out). */
static void owner_hash(const char *cookie, char hash[17])
{
    snprintf(hash, 17, "%016llx", (unsigned long long)fnv1a(14695981039346656037ull, cookie, strlen(cookie)));
}

/* Whether a browser whose cookie hashes to owner may submit under name (under the lock):
 * the name is new, or its newest submission is that browser's (or from before owners). */
static bool owner_ok(struct server *s, const char *name, const char *owner)
{
    const struct submission *cur = current_of(s, name);
    return !cur || !cur->owner[0] || strcmp(cur->owner, owner) == 0;
}

/* ---- reloading the state dir ---- */

/* A file of at most max bytes (reader/csv.h: a regular file, no NUL byte), or NULL. */
static char *read_whole(const char *path, size_t max, size_t *len)
{
    char why[300];
    char *text = csv_read_file(path, len, why, sizeof why);
    if (text && *len > max) free(text), text = NULL;
    return text;
}

static int by_seq(const void *a, const void *b)
{
    const struct submission *x = *(struct submission *const *)a, *y = *(struct submission *const *)b;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The lines of ID.txt (save_submission writes them) and where they go in a submission;
 * hash= is not read (the text is hashed again), an unknown key is ignored. */
enum meta_kind { META_ULONG, META_LLONG, META_TEXT, META_HEX16 };

#define SUB_FIELD(member) offsetof(struct submission, member), sizeof((struct submission *)0)->member

static const struct {
    const char *key;
    size_t offset, size;
    enum meta_kind kind;
} meta_keys[] = {
    {"seq", SUB_FIELD(seq), META_ULONG},      {"name", SUB_FIELD(name), META_TEXT},
    {"client", SUB_FIELD(client), META_TEXT}, {"time", SUB_FIELD(when), META_LLONG},
    {"owner", SUB_FIELD(owner), META_HEX16},
};

static void meta_set(struct submission *u, const char *key, const char *v)
{
    for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++) {
        if (strcmp(key, meta_keys[i].key) != 0) continue;
        char *at = (char *)u + meta_keys[i].offset;
        switch (meta_keys[i].kind) {
        case META_ULONG: *(unsigned long *)(void *)at = strtoul(v, NULL, 10); break;
        case META_LLONG: *(long long *)(void *)at = strtoll(v, NULL, 10); break;
        case META_HEX16: /* an owner's hash, or nothing (anyone's) */
            if (strlen(v) != 16 || strspn(v, "0123456789abcdef") != 16) break;
            /* fall through */
        case META_TEXT: snprintf(at, meta_keys[i].size, "%s", v); break;
        }
        return;
    }
}

static bool name_ok(char *name);

/* Unix time of a UTC date and time (history.csv's time_utc): days from 1970-01-01 by the
 * civil calendar's rule (March-based years), as timegm, which POSIX lacks. */
static long long utc_seconds(int y, int mo, int d, int h, int mi, int sec)
{
    y -= mo <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400, doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    return days * 86400 + h * 3600 + mi * 60 + sec;
}

/* The refusals history.csv lists (its rows of state "refused"; a file from before they
 * were kept has none): they are nowhere else. */
static void reload_refusals(struct server *s, FILE *err)
{
    char path[1200], why[300], aside[1300];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/history.csv", s->o->dir);
    snprintf(aside, sizeof aside, "%s/history.csv.unread", s->o->dir);
    if (access(path, F_OK) != 0) return;
    char *text = csv_read_file(path, &len, why, sizeof why);
    if (!text) { /* the next save would write it anew without its refusals: kept aside */
        if (rename(path, aside) == 0)
            fprintf(err,
                    _("servlab: %s cannot be read (%s): the refused submissions it lists are not shown; it is "
                      "kept as %s\n"),
                    path, why, aside);
        else
            fprintf(err, _("servlab: %s cannot be read (%s): the refused submissions it lists are not shown\n"), path,
                    why);
        return;
    }
    struct csv c;
    struct csv_record *r = malloc(sizeof *r);
    if (!r) abort();
    csv_init(&c, text, len);
    unsigned long next_seq = 0; /* the file's order: a refusal came after the rows above it */
    size_t unread = 0;          /* rows the reader refuses (a field over 255 bytes: a submission's many
                                   changed keys) or whose refusal has no usable time: skipped, and the
                                   file kept aside below, not stopped at */
    int got;
    while ((got = csv_next(&c, r, why, sizeof why)) != 0 && s->nrefusals < REFUSALS_KEPT) {
        int y, mo, d, h, mi, sec;
        char *end;
        if (got < 0) {
            unread++;
            continue;
        }
        unsigned long seq = strtoul(r->field[0], &end, 10);
        if (r->n && r->field[0][0] >= '0' && r->field[0][0] <= '9' && !*end && seq >= next_seq) next_seq = seq + 1;
        if (r->n < 10 || strcmp(r->field[6], "refused") != 0) continue;
        if (sscanf(r->field[2], "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &sec) != 6 || y < 1970 || y > 9999 ||
            mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) {
            unread++;
            continue;
        }
        struct refusal f = {.when = utc_seconds(y, mo, d, h, mi, sec), .next_seq = next_seq};
        if (strlen(r->field[3]) < sizeof f.name) memcpy(f.name, r->field[3], strlen(r->field[3]) + 1);
        if (f.name[0] && !name_ok(f.name)) f.name[0] = '\0';
        /* an address as the server writes it (digits, hex, '.' and ':'): a hand-edited one
           could hold the separator and shift the columns when written back */
        const char *client = r->field[4];
        if (strlen(client) < sizeof f.client && strspn(client, "0123456789abcdefABCDEF.:") == strlen(client))
            memcpy(f.client, client, strlen(client) + 1);
        size_t at = 0, n = strlen(r->field[9]);
        while (at < n) { /* whole characters only, none past the text's end */
            size_t w = lang_char_bytes((unsigned char)r->field[9][at]);
            if (at + w > n || at + w >= sizeof f.why) break;
            at += w;
        }
        memcpy(f.why, r->field[9], at);
        s->refusals = grow(s->refusals, &s->cap_refusals, s->nrefusals, sizeof *s->refusals);
        s->refusals[s->nrefusals++] = f;
    }
    free(r);
    if (unread) { /* a copy as it was read, whole and synced, so that the next save loses nothing */
        bool kept = write_file(s->o->dir, "history.csv.unread", text, len, true) == 0;
        if (kept)
            fprintf(err,
                    P_("servlab: %s: %zu row could not be read and is not shown; the file is kept as %s\n",
                       "servlab: %s: %zu rows could not be read and are not shown; the file is kept as %s\n", unread),
                    path, unread, aside);
        else
            fprintf(err,
                    P_("servlab: %s: %zu row could not be read and is not shown\n",
                       "servlab: %s: %zu rows could not be read and are not shown\n", unread),
                    path, unread);
    }
    free(text);
}

/* The submissions saved under dir/submissions, in their order; runs from dir/runs, or
 * queued again. */
static void reload(struct server *s, FILE *err)
{
    char dir[1100];
    state_path(s, "submissions", dir, sizeof dir);
    DIR *d = opendir(dir);
    if (!d) return;
    struct submission **found = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (len != 20 || strcmp(de->d_name + 16, ".txt") != 0 || strspn(de->d_name, "0123456789abcdef") != 16) continue;
        char path[1200], *meta;
        size_t mlen;
        snprintf(path, sizeof path, "%s/%.20s", dir, de->d_name); /* the name is 20 bytes (checked above) */
        if (!(meta = read_whole(path, 1000, &mlen))) continue;
        struct submission *u = calloc(1, sizeof *u);
        if (!u) abort();
        snprintf(u->id, sizeof u->id, "%.16s", de->d_name);
        for (char *line = strtok(meta, "\n"); line; line = strtok(NULL, "\n")) {
            char *eq = strchr(line, '=');
            if (!eq) continue;
            *eq = '\0';
            meta_set(u, line, eq + 1);
        }
        free(meta);
        found = grow(found, &cap, n, sizeof *found);
        found[n++] = u;
    }
    closedir(d);
    if (n) qsort(found, n, sizeof *found, by_seq);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        struct submission *u = found[i];
        char path[1200], *text;
        size_t len;
        snprintf(path, sizeof path, "%s/%s.ini", dir, u->id);
        text = u->name[0] ? read_whole(path, SERVE_UPLOAD_MAX, &len) : NULL;
        if (text) {
            uint64_t hash = fnv1a(s->base_hash, text, len);
            struct run *r = find_run(s, hash, text, len);
            if (!r && (r = new_run(s, u->name, text, len, hash, err))) {
                add_run(s, r);
                if (load_run(s, r) == 0)
                    r->state = RUN_DONE;
                else
                    enqueue(s, r);
            }
            if (r && r->state == RUN_DROPPED) enqueue(s, r); /* dropped for an older one, wanted here */
            if (r) {
                add_submission(s, new_submission(u->id, u->seq, u->name, u->client, u->when, r, u->owner));
                kept++;
            }
            free(text);
        }
        free(u);
    }
    free(found);
    if (n)
        lang_printf_wrapped(err, LANG_LINE_MAX,
                            P_("servlab: %zu submission reloaded from %s (%zu could not be)\n",
                               "servlab: %zu submissions reloaded from %s (%zu could not be)\n", kept),
                            kept, dir, n - kept);
    /* most of a class refused at a restart: the folder is most likely another class's, or
       the base's locks changed since (a class's own files loaded before) */
    if (n && 2 * (n - kept) > n)
        lang_printf_wrapped(err, LANG_LINE_MAX,
                            _("servlab: warning: most of the submissions in %s do not load against %s: is the folder "
                              "another class's? Give --dir a new folder for a new class\n"),
                            s->o->dir, s->base_name);
}

/* ---- the pages ---- */

static struct MHD_Response *page_response(char *buf, size_t len)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, buf, MHD_RESPMEM_MUST_FREE);
    if (!resp) abort();
    return resp;
}

/* retry_after: seconds for the Retry-After of a 429 or 503 (0: RETRY_AFTER_SECONDS). */
static enum MHD_Result send_page_cookie(struct MHD_Connection *c, unsigned status, char *buf, size_t len,
                                        const char *type, const char *refresh, const char *set_cookie, int retry_after)
{
    struct MHD_Response *resp = page_response(buf, len);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (refresh) MHD_add_response_header(resp, "Refresh", refresh);
    if (set_cookie) MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, set_cookie);
    if (status == MHD_HTTP_SERVICE_UNAVAILABLE || status == MHD_HTTP_TOO_MANY_REQUESTS) {
        char after[16];
        snprintf(after, sizeof after, "%d", retry_after > 0 ? retry_after : RETRY_AFTER_SECONDS);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, after);
    }
    enum MHD_Result ok = MHD_queue_response(c, status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result send_page(struct MHD_Connection *c, unsigned status, char *buf, size_t len, const char *type,
                                 const char *refresh)
{
    return send_page_cookie(c, status, buf, len, type, refresh, NULL, 0);
}

struct page {
    char *buf;
    size_t len;
    FILE *out;
    int retry_after; /* send_page_cookie's */
};

/* A page with its own rules (CSS, html_begin_styled's), "" for none. */
static FILE *page_begin_styled(struct page *p, const char *title, const char *style)
{
    p->buf = NULL;
    p->retry_after = 0;
    p->out = open_memstream(&p->buf, &p->len);
    if (!p->out) abort();
    html_begin_styled(p->out, title, style);
    return p->out;
}

static FILE *page_begin(struct page *p, const char *title)
{
    return page_begin_styled(p, title, "");
}

/* A refusal page's rules. Its messages (html_note: one a line, a path and a line quoted
 * in them; 117 columns for a full-width '=') wrap where a line is too long for the
 * screen, in their own type, rather than scroll sideways at 800 pixels. Its lines of what
 * was sent (sent_lines): each line a block, a long one (a comment) wrapped under its own
 * text, past its number (--ln: the number's width and two blanks), wherever it must (a
 * long word too), so that the excerpt never scrolls sideways either; the character at the
 * failing column stays in view. */
static const char sent_style[] =
    ".note{white-space:pre-wrap;overflow-wrap:anywhere;font-size:15px}"
    "pre.sent{white-space:normal;background:var(--band);padding:8px 14px;font-size:15px}"
    "pre.sent>span,pre.sent>mark{display:block;white-space:pre-wrap;overflow-wrap:anywhere;"
    "padding-left:var(--ln);text-indent:calc(-1 * var(--ln))}pre.sent>span{color:var(--muted)}\n";

static void nav(FILE *out)
{
    fprintf(out, "<p><a href=\"/\">%s</a> · <a href=\"/leaderboard\">%s</a></p>\n", _("Submit a scenario"),
            _("Leaderboard"));
}

static enum MHD_Result page_send_cookie(struct MHD_Connection *c, struct page *p, unsigned status, const char *refresh,
                                        const char *set_cookie)
{
    nav(p->out);
    html_end(p->out);
    fclose(p->out);
    return send_page_cookie(c, status, p->buf, p->len, "text/html; charset=utf-8", refresh, set_cookie, p->retry_after);
}

static enum MHD_Result page_send(struct MHD_Connection *c, struct page *p, unsigned status, const char *refresh)
{
    return page_send_cookie(c, p, status, refresh, NULL);
}

/* A refusal's page to its end: why (the command line's messages, as lines) and what to do. */
static FILE *refusal_begin(struct page *p, const char *headline, const char *messages)
{
    FILE *out = page_begin_styled(p, _("servlab: submission refused"), sent_style);
    fprintf(out, "<h1>%s</h1>\n<p class=\"headline\">", _("Submission refused"));
    html_text(out, headline);
    fputs("</p>\n", out);
    if (messages && *messages) html_note(out, messages);
    return out;
}

/* A refusal; retry_after as send_page_cookie's. */
static enum MHD_Result refusal_page(struct MHD_Connection *c, unsigned status, const char *headline,
                                    const char *messages, int retry_after)
{
    struct page p;
    refusal_begin(&p, headline, messages);
    p.retry_after = retry_after;
    return page_send(c, &p, status, NULL);
}

static enum MHD_Result error_page(struct MHD_Connection *c, unsigned status, const char *headline, const char *messages)
{
    return refusal_page(c, status, headline, messages, 0);
}

struct lock_rows {
    FILE *out;
    const struct scenario *base;
    size_t n;
};

static void lock_row(void *ctx, const char *name)
{
    struct lock_rows *l = ctx;
    char value[300];
    size_t len;
    if (scenario_value(l->base, name, value, sizeof value) != 0) return;
    len = strlen(value);
    if (len >= 2 && value[0] == '(' && value[len - 1] == ')') return; /* unset or unused: nothing to keep */
    fputs("<tr><td>", l->out);
    html_text(l->out, name);
    fputs("</td><td>", l->out);
    html_text(l->out, value);
    fputs("</td></tr>\n", l->out);
    l->n++;
}

/* The form that posts to /submit under its heading and lead (a paragraph; NULL: none),
 * its fields filled: name and code as given (NULL: empty), the text area with text (the
 * base's, or what the student sent, escaped). */
static void submit_form(FILE *out, const struct server *s, const char *lead, const char *name, const char *code,
                        const char *text)
{
    fprintf(out, "<h2>%s</h2>\n", _("Your scenario"));
    if (lead) {
        fputs("<p>", out);
        html_text(out, lead);
        fputs("</p>\n", out);
    }
    fputs("<form method=\"post\" action=\"/submit\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\">\n", out);
    /* no capital, correction or completion a phone would add: a name is as typed */
    fprintf(out,
            "<p><label>%s <input name=\"name\" maxlength=\"%d\" required autocapitalize=\"off\" "
            "autocorrect=\"off\" style=\"font-size:1em\"",
            _("Your name"), NAME_MAX_CHARS);
    if (name && *name) {
        fputs(" value=\"", out);
        html_text(out, name);
        fputs("\"", out);
    }
    fputs("></label></p>\n", out);
    if (s->o->code) {
        fprintf(out,
                "<p><label>%s <input name=\"code\" required autocapitalize=\"off\" autocomplete=\"off\" "
                "autocorrect=\"off\" spellcheck=\"false\" style=\"font-size:1em\"",
                _("Class code"));
        if (code && *code) {
            fputs(" value=\"", out);
            html_text(out, code);
            fputs("\"", out);
        }
        fputs("></label></p>\n", out);
    }
    /* the newline after the tag is the parser's to drop: a text that starts with a blank
       line keeps it */
    fprintf(out,
            "<p><label>%s<br><textarea name=\"scenario\" rows=\"24\" spellcheck=\"false\" "
            "style=\"width:100%%;font-family:monospace\">\n",
            _("Scenario (the base file; edit the open keys)"));
    html_text(out, text);
    fprintf(out,
            "</textarea></label></p>\n<p><label>%s <input type=\"file\" name=\"file\" accept=\".ini,text/plain\">"
            "</label></p>\n<p><button type=\"submit\" style=\"font-size:1.2em;padding:6px "
            "24px\">%s</button></p>\n</form>\n",
            _("or upload an .ini file instead:"), _("Submit"));
}

static enum MHD_Result student_page(struct MHD_Connection *c, struct server *s)
{
    struct page p;
    FILE *out = page_begin(&p, _("servlab class session"));
    fputs("<h1>", out);
    html_textf(out, _("Class session on %s"), s->base_name);
    fputs("</h1>\n<p>", out);
    html_text(out, _("Edit the scenario below (or upload your .ini file), give your name and submit. Every "
                     "submission runs on the same random numbers as the base; your newest submission replaces your "
                     "older ones on the leaderboard."));
    fputs("</p>\n<p>", out); /* a paragraph of its own: Chinese puts no space between sentences */
    html_text(out, _("Submit again from the same browser: your first submission keeps your name for it, and "
                     "another browser cannot use that name."));
    fputs("</p>\n", out);
    submit_form(out, s, NULL, NULL, NULL, s->base_text);
    /* the keys the class must keep, under the form: the form is what a student came for */
    fprintf(out, "<h2>%s</h2>\n<p>", _("Locked keys"));
    html_text(out, _("The instructor fixed these keys: a scenario that changes them is refused."));
    fprintf(out, "</p>\n<table>\n<tr><th>%s</th><th>%s</th></tr>\n", _("key"), _("value"));
    struct lock_rows l = {out, compare_base_scenario(s->base), 0};
    scenario_locked_keys(l.base, lock_row, &l);
    if (!l.n) fprintf(out, "<tr><td colspan=\"2\">%s</td></tr>\n", _("(none: every key is open)"));
    fputs("</table>\n", out);
    return page_send(c, &p, MHD_HTTP_OK, NULL);
}

/* Shallow copies of the entries of the newest done submission of every name, named by
 * the student, ranked (under the lock). Free r->e only. */
static void current_board(struct server *s, struct compare_result *r)
{
    memset(r, 0, sizeof *r);
    r->e = calloc(s->nsubs + 1, sizeof *r->e);
    if (!r->e) abort();
    for (size_t i = 0; i < s->nsubs; i++) {
        const struct submission *u = s->subs[i];
        if (u->replaced_by || u->run->state != RUN_DONE) continue;
        r->e[r->n] = u->run->e;
        r->e[r->n].path = u->name;
        r->n++;
    }
    const struct scenario *b = compare_base_scenario(s->base);
    r->base = b->path;
    r->reference = b->path;
    r->reps = b->cfg.run.replications;
    r->seed = (unsigned long long)b->cfg.run.seed;
    r->service = s->service;
    r->submissions = true;
    compare_rank(r);
}

static void figure(struct debrief *d, const char *caption,
                   int (*draw)(FILE *svg, const struct server *s, const struct compare_result *r),
                   const struct server *s, const struct compare_result *r)
{
    FILE *svg = debrief_figure_begin(d);
    /* the server's charts are drawn into the page, not into a file: no file name (both
       once said "leaderboard.csv") */
    debrief_figure_end(d, caption, "", svg && draw(svg, s, r) == 0);
}

static int draw_share(FILE *svg, const struct server *s, const struct compare_result *r)
{
    (void)s;
    return charts_compare_share(&(struct chart_target){.svg = svg}, r);
}

static int draw_class(FILE *svg, const struct server *s, const struct compare_result *r)
{
    return charts_class(&(struct chart_target){.svg = svg}, s->curve, r);
}

/* The paired difference of run r's profit to the base's, over their replications (the
 * same random numbers); false when the base's run is not done. */
static bool vs_base_entry(const struct server *s, const struct compare_entry *e, struct summary *d)
{
    const struct run *b = s->base_run;
    if (!b || b->state != RUN_DONE || !e->rows || e->rows == b->e.rows) return false;
    unsigned reps = b->e.sc->cfg.run.replications;
    if (e->sc->cfg.run.replications != reps || !reps) return false;
    double *x = malloc(reps * sizeof *x);
    if (!x) abort();
    for (unsigned k = 0; k < reps; k++) x[k] = e->rows[k * e->nm + M_PROFIT] - b->e.rows[k * b->e.nm + M_PROFIT];
    simulate_summarise(x, reps, 1, d);
    free(x);
    return true;
}

static bool vs_base(const struct server *s, const struct run *r, struct summary *d)
{
    return r->state == RUN_DONE && vs_base_entry(s, &r->e, d);
}

/* Under the leaderboard's headline (in page *buf, *len bytes), the base as it is today:
 * its profit and service, on the same random numbers as the board r, and how many
 * submissions beat it, paired (nothing when its run is not there). */
static void base_line(const struct server *s, const struct compare_result *r, char **buf, size_t *len)
{
    const struct run *b = s->base_run;
    char *head = strstr(*buf, "<p class=\"headline\">");
    char *at = head ? strstr(head, "</p>\n") : NULL;
    if (!b || b->state != RUN_DONE || !at) return;
    at += 5;
    size_t better = 0, worse = 0;
    for (size_t i = 0; i < r->n; i++) {
        struct summary d;
        if (r->e[i].refused || !vs_base_entry(s, &r->e[i], &d) || !compare_significant(&d)) continue;
        if (d.mean > 0)
            better++;
        else
            worse++;
    }
    char *more = NULL, words[100], v[40];
    size_t mlen = 0;
    FILE *m = open_memstream(&more, &mlen);
    if (!m) abort();
    fwrite(*buf, 1, (size_t)(at - *buf), m);
    const struct summary *p = &b->e.s[M_PROFIT], *sv = &b->e.s[s->service];
    fputs("<p class=\"base-today\" style=\"border-left:6px solid var(--muted);padding:4px 14px\"><strong>", m);
    html_textf(m, _("The base as it is today (%s):"), s->base_name);
    fputs(lang_current() == LANG_ZH ? "</strong>" : "</strong> ", m); /* Chinese: no space after '：' */
    html_figuresf(m, _("profit %.2f ± %.2f a day"), p->mean, p->ci95);
    if (isfinite(sv->mean)) { /* a middle dot: no language's punctuation */
        fputs(" · ", m);
        html_text(m, report_metric_words(metric_defs[s->service].name, words, sizeof words));
        fputc(' ', m);
        html_figuresf(m, "%s%% ± %.2f", report_percent(sv->mean, 2, v, sizeof v), 100 * sv->ci95);
    }
    fputs("<br>", m);
    html_textf(m, _("Submissions significantly better than the base (paired): %zu of %zu; significantly worse: %zu."),
               better, r->ranked, worse);
    fputs("</p>\n", m);
    fputs(at, m);
    fclose(m);
    free(*buf);
    *buf = more, *len = mlen;
}

static enum MHD_Result leaderboard(struct MHD_Connection *c, struct server *s, bool csv)
{
    char refresh[16];
    snprintf(refresh, sizeof refresh, "%d", SERVE_LEADERBOARD_REFRESH);
    pthread_mutex_lock(&s->lock);
    struct compare_result r;
    current_board(s, &r);
    unsigned long version = s->board_version;
    size_t waiting = s->queued;
    pthread_mutex_unlock(&s->lock);
    char *buf = NULL;
    size_t len = 0;
    if (csv) {
        FILE *out = open_memstream(&buf, &len);
        if (!out) abort();
        fputs(OUTFILE_CSV_BOM, out); /* a download, opened in a spreadsheet */
        compare_csv(out, &r);
        fclose(out);
        free(r.e);
        return send_page(c, MHD_HTTP_OK, buf, len, "text/csv; charset=utf-8", NULL);
    }
    if (s->board_page && s->board_page_version == version) { /* nothing changed: the page drawn last */
        free(r.e);
        buf = malloc(s->board_len);
        if (!buf) abort();
        memcpy(buf, s->board_page, s->board_len);
        return send_page(c, MHD_HTTP_OK, buf, s->board_len, "text/html; charset=utf-8", refresh);
    }
    FILE *out = open_memstream(&buf, &len);
    if (!out) abort();
    if (!r.ranked) {
        html_begin(out, _("servlab class comparison"));
        fprintf(out, "<h1>%s</h1>\n<p class=\"headline\">", _("Leaderboard"));
        html_text(out, _("No result yet: the leaderboard fills as submissions finish."));
        fputs("</p>\n", out);
        nav(out);
        html_end(out);
    } else {
        /* a page of the moment: nothing reproduces it */
        struct debrief page = {.command_line = NULL, .described = s->described};
        figure(&page, _("Each submission's profit as a share of the best"), draw_share, s, &r);
        if (s->curve)
            figure(&page, _("Every submission on the base's service curve, numbered by rank"), draw_class, s, &r);
        debrief_compare(out, &page, &r);
        debrief_fini(&page);
    }
    fclose(out);
    if (r.ranked) base_line(s, &r, &buf, &len);
    free(r.e);
    char *at = r.ranked ? strstr(buf, "</main>") : NULL;
    if (at) { /* compare's page, with the queue and the way back before its end */
        char *more = NULL;
        size_t mlen = 0;
        FILE *m = open_memstream(&more, &mlen);
        if (!m) abort();
        fwrite(buf, 1, (size_t)(at - buf), m);
        if (waiting) {
            fputs("<p>", m);
            html_textf(m, P_("%zu submission waiting to run.", "%zu submissions waiting to run.", waiting), waiting);
            fputs("</p>\n", m);
        }
        nav(m);
        fputs(at, m);
        fclose(m);
        free(buf);
        buf = more, len = mlen;
    }
    free(s->board_page);
    s->board_page = malloc(len);
    if (!s->board_page) abort();
    memcpy(s->board_page, buf, len);
    s->board_len = len;
    s->board_page_version = version;
    return send_page(c, MHD_HTTP_OK, buf, len, "text/html; charset=utf-8", refresh);
}

/* Every submission, newest first, for the instructor (history.csv has the same, and
 * the clients' addresses, which a page on the class network does not show). Each is
 * numbered by its history.csv seq, from 0, so a row of the page is found in the file. */
static enum MHD_Result history_page(struct MHD_Connection *c, struct server *s)
{
    struct page p;
    FILE *out = page_begin(&p, _("servlab: every submission"));
    /* the server's local time, as the class's clocks read (history.csv keeps UTC) */
    char zone[16] = "", time_head[64];
    time_t now = time(NULL);
    struct tm local;
    if (localtime_r(&now, &local)) strftime(zone, sizeof zone, "%Z", &local);
    snprintf(time_head, sizeof time_head, _("time (%s)"), zone[0] ? zone : "UTC");
    fputs("<h1>", out);
    html_text(out, _("Every submission"));
    fputs("</h1>\n<p>", out);
    html_text(out, _("Numbered as in history.csv's seq column: the first submission is 0. A refused submission has "
                     "no number: it is listed with the first reason the student was given."));
    fputs("</p>\n<div class=\"wide\"><table>\n<tr><th class=\"num\">seq</th><th>", out);
    html_text(out, time_head);
    fprintf(out, "</th><th>%s</th><th>%s</th><th class=\"num\">%s</th><th>%s</th></tr>\n", _("name"), _("state"),
            _("profit"), _("keys changed, or why it was refused"));
    pthread_mutex_lock(&s->lock);
    /* newest first: the submissions and the refusals merged (save_history) */
    for (size_t i = s->nsubs, k = s->nrefusals; i > 0 || k > 0;) {
        if (k > 0 && (i == 0 || s->refusals[k - 1].next_seq > s->subs[i - 1]->seq)) {
            const struct refusal *f = &s->refusals[--k];
            char when[32];
            clock_text(f->when, false, when, sizeof when);
            fprintf(out, "<tr class=\"refused\"><td class=\"num\"></td><td>%s</td><td>", when);
            html_text(out, f->name[0] ? f->name : _("(no valid name)"));
            fputs("</td><td><strong>", out);
            html_text(out, _("refused"));
            fputs("</strong></td><td class=\"num\"></td><td>", out);
            html_text(out, f->why);
            fputs("</td></tr>\n", out);
            continue;
        }
        const struct submission *u = s->subs[--i];
        char when[32];
        clock_text(u->when, false, when, sizeof when);
        fprintf(out, "<tr><td class=\"num\"><a href=\"/result/%s\">%lu</a></td><td>%s</td><td>", u->id, u->seq, when);
        html_text(out, u->name);
        fputs("</td><td>", out);
        html_text(out, _(state_name(u)));
        fputs("</td><td class=\"num\">", out);
        if (u->run->state == RUN_DONE) fprintf(out, "%.2f", u->run->e.s[M_PROFIT].mean);
        fputs("</td><td>", out);
        html_text(out, u->run->e.changed_shown ? u->run->e.changed_shown : "");
        fputs("</td></tr>\n", out);
    }
    size_t dropped = s->refusals_dropped;
    pthread_mutex_unlock(&s->lock);
    fputs("</table></div>\n", out);
    if (dropped) {
        fputs("<p>", out);
        html_textf(out, P_("%zu more refusal is not listed.", "%zu more refusals are not listed.", dropped), dropped);
        fputs("</p>\n", out);
    }
    return page_send(c, &p, MHD_HTTP_OK, NULL);
}

/* The keys a run changed, one to a line. */
static void changes_list(FILE *out, const struct compare_entry *e)
{
    if (!e->nchanged) {
        fprintf(out, "<p>%s</p>\n", _("You changed nothing: this is the base as it is."));
        return;
    }
    fputs("<ul>\n", out);
    const char *p = e->changed_shown;
    while (*p) {
        const char *sep = strstr(p, "; ");
        size_t n = sep ? (size_t)(sep - p) : strlen(p);
        char *one = strndup(p, n);
        if (!one) abort();
        fputs("<li>", out);
        html_text(out, one);
        fputs("</li>\n", out);
        free(one);
        p += n + (sep ? 2 : 0);
    }
    fputs("</ul>\n", out);
}

/* The page of submission id; set_cookie, when not NULL, is a Set-Cookie header's value. */
static enum MHD_Result result_page(struct MHD_Connection *c, struct server *s, const char *id, const char *set_cookie)
{
    pthread_mutex_lock(&s->lock);
    struct submission *u = strlen(id) == 16 ? find_submission(s, id) : NULL;
    if (!u) {
        pthread_mutex_unlock(&s->lock);
        return error_page(c, MHD_HTTP_NOT_FOUND, _("No submission has this address."), NULL);
    }
    struct run *r = u->run;
    enum run_state state = r->state;
    size_t place = queue_place(s, r), waiting = s->queued;
    const struct submission *newer = u->replaced_by;
    while (newer && newer->replaced_by) newer = newer->replaced_by;
    char name[sizeof u->name], newer_id[17] = "";
    snprintf(name, sizeof name, "%s", u->name);
    if (newer) snprintf(newer_id, sizeof newer_id, "%s", newer->id);
    struct compare_result board;
    current_board(s, &board);
    size_t rank = 0;
    struct summary vs_best = {0};
    for (size_t i = 0; i < board.n; i++)
        if (strcmp(board.e[i].path, name) == 0 && !newer) rank = board.e[i].rank, vs_best = board.e[i].vs_best;
    size_t ranked = board.ranked;
    free(board.e);
    pthread_mutex_unlock(&s->lock);

    struct page p;
    FILE *out = page_begin(&p, _("servlab: your result"));
    fputs("<h1>", out);
    html_textf(out, _("%s's submission"), name);
    fputs("</h1>\n<p class=\"headline\">", out);
    char refresh[64] = "";
    if (newer) {
        html_text(out, _("A newer submission under this name replaced this one on the leaderboard."));
        fprintf(out, " <a href=\"/result/%s\">%s</a>", newer_id, _("See the newer one"));
    } else if (state == RUN_QUEUED) {
        html_textf(out, _("Waiting to run: place %zu of %zu in the queue. This page refreshes itself."), place,
                   waiting);
        snprintf(refresh, sizeof refresh, "2; url=/result/%s", id);
    } else if (state == RUN_RUNNING) {
        html_text(out, _("Running now. This page refreshes itself."));
        snprintf(refresh, sizeof refresh, "2; url=/result/%s", id);
    } else if (state == RUN_STOPPED || state == RUN_DROPPED) { /* dropped: only a replaced one (above) */
        html_text(out, _("The server stopped before this run finished; it runs again when the server restarts."));
    } else {
        const struct summary *pr = &r->e.s[M_PROFIT];
        html_figuresf(out, _("Profit %.2f ± %.2f a day: rank %zu of %zu."), pr->mean, pr->ci95, rank, ranked);
        fputs("<small>", out);
        if (rank == 1)
            html_text(out, _("the best"));
        else if (rank)
            html_figuresf(out, "%s %+.2f ± %.2f %s", _("against the best (paired)"), vs_best.mean, vs_best.ci95,
                          compare_significant(&vs_best) ? _("(significantly lower)") : _("(not significantly lower)"));
        fputs("</small>", out);
        struct summary d;
        if (vs_base(s, r, &d)) { /* today's business: did the stance beat it? */
            fputs("<small>", out);
            html_figuresf(out, "%s %+.2f ± %.2f %s", _("against the base as it is today (paired)"), d.mean, d.ci95,
                          !compare_significant(&d) ? _("(not significantly different)")
                          : d.mean > 0             ? _("(significantly higher)")
                                                   : _("(significantly lower)"));
            fputs("</small>", out);
        }
    }
    fputs("</p>\n", out);
    if (state == RUN_DONE) {
        const struct summary *sv = &r->e.s[s->service], *ot = &r->e.s[M_ON_TIME_RATE];
        fprintf(out, "<table>\n<tr><th>%s</th><th class=\"num\">%s</th></tr>\n", _("measure"), _("value"));
        char words[100], v[40]; /* report_percent may write "<0.01": escaped */
        fputs("<tr><td>", out);
        html_text(out, report_metric_words(metric_defs[s->service].name, words, sizeof words));
        fputs("</td><td class=\"num\">", out);
        if (isfinite(sv->mean))
            html_textf(out, "%s%% ± %.2f", report_percent(sv->mean, 2, v, sizeof v), 100 * sv->ci95);
        else /* no data (reaction_elsewhere where no order met a stockout): as the leaderboard's cell */
            html_text(out, _("n/a"));
        fputs("</td></tr>\n", out);
        if (s->service != M_ON_TIME_RATE && ot->n && isfinite(ot->mean)) {
            fprintf(out, "<tr><td>%s</td><td class=\"num\">", _("on time"));
            html_textf(out, "%s%%", report_percent(ot->mean, 2, v, sizeof v));
            fputs("</td></tr>\n", out);
        }
        fprintf(out, "<tr><td>%s</td><td class=\"num\">%.2f</td></tr>\n</table>\n", _("cost"),
                r->e.s[M_COST_TOTAL].mean);
        const char *warned[COMPARE_WARNINGS_MAX];
        size_t nw = compare_entry_warnings(&r->e, warned);
        if (nw) { /* as the command line's report lists them; the leaderboard marks the row */
            fprintf(out, "<h2>%s</h2>\n<p>", _("Warnings"));
            html_text(out, _("Read these before you trust the figures above and your rank."));
            fputs("</p>\n", out);
            for (size_t k = 0; k < nw; k++) {
                fputs("<div class=\"warn\">", out);
                html_text(out, warned[k]);
                fputs("</div>\n", out);
            }
        }
    }
    fprintf(out, "<h2>%s</h2>\n", _("What you changed from the base"));
    changes_list(out, &r->e);
    return page_send_cookie(c, &p, MHD_HTTP_OK, refresh[0] ? refresh : NULL, set_cookie);
}

/* ---- POST /submit ---- */

struct field {
    char *data;
    size_t len, max;
    bool too_long;
};

static void field_add(struct field *f, const char *data, size_t n)
{
    if (f->too_long) return;
    if (f->len + n > f->max) {
        f->too_long = true;
        return;
    }
    char *p = realloc(f->data, f->len + n + 1);
    if (!p) abort();
    memcpy(p + f->len, data, n);
    f->data = p;
    f->len += n;
    f->data[f->len] = '\0';
}

struct request {
    struct MHD_PostProcessor *pp;
    size_t body;
    bool too_large, bad_form;
    struct field name, code, scenario, file;
};

static enum MHD_Result on_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                const char *content_type, const char *transfer_encoding, const char *data, uint64_t off,
                                size_t size)
{
    (void)kind, (void)filename, (void)content_type, (void)transfer_encoding, (void)off;
    struct request *q = cls;
    static const struct {
        const char *key;
        size_t offset;
    } fields[] = {
        {"name", offsetof(struct request, name)},
        {"code", offsetof(struct request, code)},
        {"scenario", offsetof(struct request, scenario)},
        {"file", offsetof(struct request, file)},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strcmp(key, fields[i].key) == 0) field_add((struct field *)((char *)q + fields[i].offset), data, size);
    return MHD_YES;
}

static void request_free(struct request *q)
{
    if (q->pp) MHD_destroy_post_processor(q->pp);
    free(q->name.data), free(q->code.data), free(q->scenario.data), free(q->file.data);
    free(q);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls, (void)c, (void)toe;
    if (*con_cls) request_free(*con_cls);
    *con_cls = NULL;
}

/* Code points a name may not hold although they are not ASCII: C1 controls, zero-width
 * characters, bidi overrides and isolates (they make a name look like another's, or
 * reorder the leaderboard's text around it). */
static const struct {
    uint32_t first, last;
} name_refused[] = {
    {0x80, 0x9F},     /* C1 controls */
    {0x200B, 0x200D}, /* zero-width space, non-joiner, joiner */
    {0x202A, 0x202E}, /* bidi embeddings and overrides */
    {0x2060, 0x2060}, /* word joiner */
    {0x2066, 0x2069}, /* bidi isolates */
    {0xFEFF, 0xFEFF}, /* zero-width no-break space (BOM) */
};

/* A name is letters (any other non-ASCII UTF-8 counts as one), digits, spaces, '-', '_'
 * and '.', not starting with '.', '-' or a space (nor '+', '=', '@', refused anywhere: a
 * spreadsheet reads a cell starting with one of these as a formula): safe in a page, a
 * CSV and a file name, and still what the student typed (a name is refused, not silently
 * changed). Trailing spaces go. */
static bool name_ok(char *name)
{
    size_t n = strlen(name);
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\r' || name[n - 1] == '\n')) name[--n] = '\0';
    if (!n || strchr(".- +=@", name[0])) return false;
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (++chars > NAME_MAX_CHARS) return false;
        if (*p >= 0x80) { /* a UTF-8 sequence: a lead byte and its continuation bytes */
            int more = *p >= 0xF0 && *p < 0xF5 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC2 && *p < 0xE0 ? 1 : -1;
            if (more < 0 || *p >= 0xF5) return false;
            uint32_t cp = *p & (0x3Fu >> more);
            for (int k = 1; k <= more; k++) {
                if ((p[k] & 0xC0) != 0x80) return false;
                cp = cp << 6 | (p[k] & 0x3Fu);
            }
            if ((more == 2 && cp < 0x800) || (more == 3 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF))
                return false; /* an overlong encoding or a surrogate: not UTF-8 */
            for (size_t i = 0; i < sizeof name_refused / sizeof name_refused[0]; i++)
                if (cp >= name_refused[i].first && cp <= name_refused[i].last) return false;
            p += more;
            continue;
        }
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == ' ' ||
              *p == '-' || *p == '_' || *p == '.'))
            return false;
    }
    return strstr(name, "..") == NULL;
}

/* The client's address, as text. */
static void client_of(struct MHD_Connection *c, char *buf, size_t n)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(buf, n, "?");
    if (!ci || !ci->client_addr) return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, buf, (socklen_t)n);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, buf, (socklen_t)n);
}

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Count a submission of client: false when it is over the limit, with *wait the whole
 * seconds until it may submit again. A bucket of `rate` submissions per client,
 * refilled at rate a minute: bursts of up to rate, and no minute boundary to game (or
 * to make a test flaky). */
static bool rate_ok(struct server *s, const char *client, int *wait)
{
    if (!s->o->rate) return true;
    double t = seconds_now(), rate = s->o->rate;
    struct client *slot = NULL, *oldest = &s->clients[0];
    for (size_t i = 0; i < CLIENTS_TRACKED; i++) {
        struct client *k = &s->clients[i];
        if (strcmp(k->addr, client) == 0) {
            slot = k;
            break;
        }
        if (k->last < oldest->last) oldest = k;
    }
    if (!slot) {
        slot = oldest;
        snprintf(slot->addr, sizeof slot->addr, "%s", client);
        slot->tokens = rate;
        slot->last = t;
    }
    slot->tokens += (t - slot->last) * rate / 60;
    if (slot->tokens > rate) slot->tokens = rate;
    slot->last = t;
    if (slot->tokens < 1) {
        *wait = (int)ceil((1 - slot->tokens) * 60 / rate);
        if (*wait < 1) *wait = 1;
        return false;
    }
    slot->tokens -= 1;
    return true;
}

/* Give back the submission rate_ok counted for client: the server turned it away for a
 * reason of its own (a full queue, a disk that would not save it) and told the student
 * to submit again, which must not then be refused as too many. Like rate_ok, called on
 * libmicrohttpd's one thread. */
static void rate_refund(struct server *s, const char *client)
{
    if (!s->o->rate) return;
    for (size_t i = 0; i < CLIENTS_TRACKED; i++) {
        struct client *k = &s->clients[i];
        if (strcmp(k->addr, client) == 0) {
            k->tokens = k->tokens + 1 < s->o->rate ? k->tokens + 1 : s->o->rate;
            return;
        }
    }
}

/* The lines of what was sent (text, len bytes) that the reader's messages name, as
 * "ann.ini:42:15: ..." (path: the name the submission was read under): each named line
 * once, in the messages' order, at most SENT_LINES_SHOWN; its column too (0: none).
 * Returns how many. */
enum { SENT_LINES_SHOWN = 3 };
static size_t named_lines(const char *messages, const char *path, size_t text_lines, unsigned *line, unsigned *column)
{
    size_t n = 0, plen = strlen(path);
    for (const char *m = messages; m && *m && n < SENT_LINES_SHOWN;) {
        size_t len = strcspn(m, "\n");
        const char *at = m;
        while ((at = strstr(at, path)) && at < m + len && at[plen] != ':') at++;
        if (at && at < m + len && at[plen] == ':') {
            char *end;
            unsigned long l = strtoul(at + plen + 1, &end, 10), col = 0;
            if (end > at + plen + 1 && *end == ':' && end[1] >= '0' && end[1] <= '9') col = strtoul(end + 1, &end, 10);
            bool seen = false;
            for (size_t k = 0; k < n; k++) seen |= line[k] == l;
            if (l > 0 && l <= text_lines && *end == ':' && !seen) line[n] = (unsigned)l, column[n++] = (unsigned)col;
        }
        m += len + (m[len] == '\n');
    }
    return n;
}

/* Under a refusal's messages, each line of what was sent that they name (named_lines),
 * with the line before and after it, numbered as the messages number them, the line
 * itself marked and the character at its column in bold: where to look in the form's
 * text area below, which no page without a script can scroll to a line. */
static void sent_lines(FILE *out, const char *messages, const char *path, const char *text, size_t len)
{
    size_t total = 0;
    for (size_t i = 0; i < len; i++) total += text[i] == '\n';
    if (len && text[len - 1] != '\n') total++;
    unsigned line[SENT_LINES_SHOWN], column[SENT_LINES_SHOWN];
    size_t n = named_lines(messages, path, total, line, column);
    for (size_t k = 0; k < n; k++) {
        fputs("<p>", out);
        html_textf(out, _("Line %u of what you sent (in the text area below):"), line[k]);
        unsigned first = line[k] > 1 ? line[k] - 1 : 1, last = line[k] + 1 <= total ? line[k] + 1 : line[k];
        int digits = snprintf(NULL, 0, "%u", last);
        /* the newlines between the lines' blocks are not shown (sent_style) */
        fprintf(out, "</p>\n<pre class=\"sent\" style=\"--ln:%dch\">\n", digits + 2);
        const char *p = text;
        for (unsigned l = 1; l <= last && p < text + len; l++) {
            size_t n_bytes = strcspn(p, "\n");
            if (p + n_bytes > text + len) n_bytes = (size_t)(text + len - p);
            size_t shown = n_bytes && p[n_bytes - 1] == '\r' ? n_bytes - 1 : n_bytes; /* a pasted text's CRLF */
            if (l >= first) {
                bool marked = l == line[k];
                fprintf(out, "%s%*u  ", marked ? "<mark>" : "<span>", digits, l);
                /* the character at the column (counted in characters from 1) in bold */
                size_t at = 0, col = 1;
                while (marked && column[k] && col < column[k] && at < shown)
                    at += lang_char_bytes((unsigned char)p[at]), col++;
                char *part = strndup(p, marked && column[k] && at < shown ? at : shown);
                if (!part) abort();
                html_text(out, part);
                free(part);
                if (marked && column[k] && at < shown) {
                    size_t w = lang_char_bytes((unsigned char)p[at]);
                    if (at + w > shown) w = shown - at;
                    part = strndup(p + at, w);
                    if (!part) abort();
                    fputs("<strong style=\"text-decoration:underline\">", out);
                    html_text(out, part);
                    fputs("</strong>", out);
                    free(part);
                    part = strndup(p + at + w, shown - at - w);
                    if (!part) abort();
                    html_text(out, part);
                    free(part);
                }
                fputs(marked ? "</mark>" : "</span>", out);
                if (l < last) fputc('\n', out);
            }
            p += n_bytes + 1;
        }
        fputs("</pre>\n", out);
    }
}

/* Whether the request's class code is the server's, ASCII letters in either case: a
 * phone capitalises the first letter of a field, and "Tulip" for "tulip" is no guess. */
static bool code_right(const struct server *s, const struct request *q)
{
    const char *a = q->code.data, *b = s->o->code;
    if (!a || !b) return false;
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (unsigned char)(y - 'A' + 'a');
        if (x != y) return false;
    }
    return *a == *b;
}

/* Keep a refusal of what a student sent (refusal), its first message from why (its
 * "servlab: " left out, cut to REFUSAL_WHY_BYTES at a character's end), and write
 * history.csv again. */
static void record_refusal(struct server *s, const struct request *q, const char *client, const char *why)
{
    struct refusal f = {.when = now()};
    if (q->name.data && !q->name.too_long && strlen(q->name.data) < sizeof f.name) {
        memcpy(f.name, q->name.data, strlen(q->name.data) + 1);
        if (!name_ok(f.name)) f.name[0] = '\0'; /* nothing a page or a spreadsheet should show */
    }
    snprintf(f.client, sizeof f.client, "%s", client);
    if (strncmp(why, "servlab: ", 9) == 0) why += 9;
    size_t n = strcspn(why, "\n"), at = 0;
    while (at < n) { /* whole characters only, none past the message's end */
        size_t w = lang_char_bytes((unsigned char)why[at]);
        if (at + w > n || at + w >= sizeof f.why) break;
        at += w;
    }
    memcpy(f.why, why, at);
    f.why[at] = '\0';
    pthread_mutex_lock(&s->lock);
    f.next_seq = s->next_seq;
    if (s->nrefusals < REFUSALS_KEPT) {
        s->refusals = grow(s->refusals, &s->cap_refusals, s->nrefusals, sizeof *s->refusals);
        s->refusals[s->nrefusals++] = f;
        save_history(s);
    } else
        s->refusals_dropped++;
    pthread_mutex_unlock(&s->lock);
}

/* A refusal of what a student sent, with the form under it filled with what was sent
 * (the text pasted or the file uploaded; the name when keep_name and name_ok takes it;
 * the code when it is right), to correct and submit again: a refused submission loses
 * no edit. A text that is not text (a NUL, not UTF-8), or too large to have been read
 * whole (refused for the rate before its size), comes back as the base's. */
static enum MHD_Result refused_form(struct MHD_Connection *c, struct server *s, const struct request *q,
                                    unsigned status, const char *headline, const char *messages, int retry_after,
                                    bool keep_name)
{
    /* the student's mistakes, for the instructor; not the server's own refusals (a full
       queue, too many at once, a disk that would not save) */
    if (status == MHD_HTTP_BAD_REQUEST || status == MHD_HTTP_FORBIDDEN || status == MHD_HTTP_CONFLICT ||
        status == MHD_HTTP_UNPROCESSABLE_CONTENT) {
        char client[64];
        client_of(c, client, sizeof client);
        record_refusal(s, q, client, messages && *messages ? messages : headline);
    }
    struct page p;
    FILE *out = refusal_begin(&p, headline, messages);
    p.retry_after = retry_after;
    const struct field *f = q->file.len ? &q->file : &q->scenario;
    /* a field past its limit, or a body past its own (read no further), holds only the
       beginning of what was sent: neither shown as what was sent nor called not text */
    bool whole = !q->too_large && !f->too_long;
    bool text = f->len && whole && !memchr(f->data, '\0', f->len) && scan_is_utf8(f->data, f->len);
    bool code_ok = code_right(s, q);
    char name[NAME_MAX_BYTES + 1] = ""; /* the name when name_ok takes it (trimmed), else none */
    if (keep_name && q->name.data && !q->name.too_long && strlen(q->name.data) < sizeof name) {
        memcpy(name, q->name.data, strlen(q->name.data) + 1);
        if (!name_ok(name)) name[0] = '\0';
    }
    /* a text saved in GBK (Notepad's "ANSI" on a Chinese Windows): the student's edit,
       converted, not the base; the reader's message above says how to save it */
    size_t glen = 0;
    char *gbk =
        !text && f->len && whole && !memchr(f->data, '\0', f->len) ? csv_gb18030_text(f->data, f->len, &glen) : NULL;
    const char *lead = text              ? _("Below is what you sent: correct it and submit again.")
                       : gbk             ? _("Below is what you sent, converted from GBK to UTF-8: check it and "
                                                         "submit it again from this page.")
                       : f->len && whole ? _("What you sent is not a text file: below is the base scenario again.")
                                         : _("Below is the base scenario: edit it and submit.");
    if ((text || gbk) && messages && q->name.data) {
        char path[NAME_MAX_BYTES + 16];
        snprintf(path, sizeof path, "%s.ini", q->name.data); /* as new_run reads it */
        sent_lines(out, messages, path, gbk ? gbk : f->data, gbk ? glen : f->len);
    }
    submit_form(out, s, lead, name, code_ok ? q->code.data : NULL, text ? f->data : gbk ? gbk : s->base_text);
    free(gbk);
    return page_send(c, &p, status, NULL);
}

/* 409: the name is another browser's (owner_ok). */
static enum MHD_Result name_taken(struct MHD_Connection *c, struct server *s, const struct request *q)
{
    return refused_form(c, s, q, MHD_HTTP_CONFLICT,
                        _("This name is taken on this leaderboard by another computer; choose another name, or "
                          "submit from the browser you used first."),
                        NULL, 0, false);
}

static enum MHD_Result submit(struct MHD_Connection *c, struct server *s, struct request *q)
{
    char client[64];
    client_of(c, client, sizeof client);
    int wait = 0;
    if (!rate_ok(s, client, &wait)) {
        char why[300]; /* the wait is Retry-After's */
        snprintf(why, sizeof why,
                 P_("Too many submissions: at most %u a minute from one computer. Wait %d second and submit "
                    "again.",
                    "Too many submissions: at most %u a minute from one computer. Wait %d seconds and submit "
                    "again.",
                    wait),
                 s->o->rate, wait);
        return refused_form(c, s, q, MHD_HTTP_TOO_MANY_REQUESTS, why, NULL, wait, true);
    }
    if (q->too_large || q->scenario.too_long || q->file.too_long) {
        char why[200];
        snprintf(why, sizeof why, _("The scenario is too large: at most %d KiB."), SERVE_UPLOAD_MAX / 1024);
        return error_page(c, MHD_HTTP_CONTENT_TOO_LARGE, why, NULL);
    }
    if (q->bad_form) return error_page(c, MHD_HTTP_BAD_REQUEST, _("Send the form of the student page."), NULL);
    if (s->o->code && !code_right(s, q))
        return refused_form(c, s, q, MHD_HTTP_FORBIDDEN, _("Wrong class code: ask the instructor for it."), NULL, 0,
                            true);
    if (!q->name.data || q->name.too_long || !name_ok(q->name.data)) {
        char why[300];
        snprintf(why, sizeof why,
                 _("Give your name: at most %d characters: letters, digits, spaces, '-', '_' and '.', not "
                   "starting with '.' or '-'."),
                 NAME_MAX_CHARS);
        return refused_form(c, s, q, MHD_HTTP_BAD_REQUEST, why, NULL, 0, false);
    }
    const struct field *f = q->file.len ? &q->file : &q->scenario;
    if (!f->len)
        return refused_form(c, s, q, MHD_HTTP_BAD_REQUEST, _("Paste your scenario or choose its file."), NULL, 0, true);
    /* the browser's owner cookie, or a new one for it; a name is its first browser's */
    char cookie[2 * OWNER_BYTES + 1] = "", owner[17] = "", set_cookie[200] = "";
    const char *sent = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, OWNER_COOKIE);
    if (sent && strlen(sent) == 2 * OWNER_BYTES && strspn(sent, "0123456789abcdef") == 2 * OWNER_BYTES)
        snprintf(cookie, sizeof cookie, "%s", sent);
    else if (new_owner_cookie(s, cookie) == 0)
        snprintf(set_cookie, sizeof set_cookie, "%s=%s; HttpOnly; SameSite=Strict; Path=/; Max-Age=%d", OWNER_COOKIE,
                 cookie, OWNER_MAX_AGE);
    if (cookie[0]) owner_hash(cookie, owner);
    pthread_mutex_lock(&s->lock);
    bool mine = owner_ok(s, q->name.data, owner);
    pthread_mutex_unlock(&s->lock);
    if (!mine) return name_taken(c, s, q);
    /* stored and hashed as sent: a pasted text (the textarea sends CRLF) and the same file uploaded
       (LF) are two texts, each run once */
    uint64_t hash = fnv1a(s->base_hash, f->data, f->len);
    pthread_mutex_lock(&s->lock);
    struct run *r = find_run(s, hash, f->data, f->len);
    bool full = (!r || r->state == RUN_DROPPED) && s->queued >= SERVE_QUEUE_MAX;
    pthread_mutex_unlock(&s->lock);
    if (full) {
        rate_refund(s, client);
        return refused_form(c, s, q, MHD_HTTP_SERVICE_UNAVAILABLE,
                            _("The queue is full: submit again in half a minute."), NULL, 0, true);
    }
    if (!r) { /* checked outside the lock: the base is only read */
        char *msgs = NULL;
        size_t mlen = 0;
        FILE *err = open_memstream(&msgs, &mlen);
        if (!err) abort();
        r = new_run(s, q->name.data, f->data, f->len, hash, err);
        fclose(err);
        if (!r) {
            enum MHD_Result ok = refused_form(
                c, s, q, MHD_HTTP_UNPROCESSABLE_CONTENT,
                _("The scenario was refused; correct what these lines say and submit again."), msgs, 0, true);
            free(msgs);
            return ok;
        }
        free(msgs);
        pthread_mutex_lock(&s->lock);
        struct run *same = find_run(s, hash, f->data, f->len); /* the same text came meanwhile */
        if (same) {
            compare_entry_free(&r->e);
            free(r->text), free(r);
            r = same;
        } else {
            add_run(s, r);
            enqueue(s, r);
        }
    } else
        pthread_mutex_lock(&s->lock);
    if (!owner_ok(s, q->name.data, owner)) { /* another browser took the name meanwhile */
        if (!run_used(s, r)) dequeue(s, r);
        pthread_mutex_unlock(&s->lock);
        return name_taken(c, s, q);
    }
    if (r->state == RUN_DROPPED) enqueue(s, r); /* taken off the queue once; wanted again */
    char id[17];
    new_id(s, id);
    /* saved before it is taken: a submission the server could not keep would vanish at
       its next start, so the student is told now and nothing changes */
    struct submission *u = new_submission(id, s->next_seq, q->name.data, client, now(), r, owner);
    if (save_submission(s, u) != 0) {
        int why = errno;
        free(u);
        if (!run_used(s, r)) dequeue(s, r);
        pthread_mutex_unlock(&s->lock);
        lang_printf_wrapped(stderr, LANG_LINE_MAX, _("servlab: cannot save submission %s in %s: %s\n"), id, s->o->dir,
                            strerror(why));
        rate_refund(s, client);
        return refused_form(c, s, q, MHD_HTTP_INTERNAL_SERVER_ERROR,
                            _("The server could not save your submission, so it was not taken: tell the "
                              "instructor, then submit again."),
                            NULL, 0, true);
    }
    add_submission(s, u);
    save_history(s);
    pthread_mutex_unlock(&s->lock);
    return result_page(c, s, id, set_cookie[0] ? set_cookie : NULL);
}

/* ---- the router: GET and HEAD pages by address (POST /submit is handle's) ---- */

static enum MHD_Result route_student(struct MHD_Connection *c, struct server *s, const char *rest)
{
    (void)rest;
    return student_page(c, s);
}

static enum MHD_Result route_board(struct MHD_Connection *c, struct server *s, const char *rest)
{
    (void)rest;
    return leaderboard(c, s, false);
}

static enum MHD_Result route_board_csv(struct MHD_Connection *c, struct server *s, const char *rest)
{
    (void)rest;
    return leaderboard(c, s, true);
}

static enum MHD_Result route_history(struct MHD_Connection *c, struct server *s, const char *rest)
{
    (void)rest;
    return history_page(c, s);
}

static enum MHD_Result route_result(struct MHD_Connection *c, struct server *s, const char *id)
{
    return result_page(c, s, id, NULL);
}

static const struct {
    const char *url;
    bool prefix; /* the rest of the address is the page's argument */
    enum MHD_Result (*page)(struct MHD_Connection *c, struct server *s, const char *rest);
} routes[] = {
    {"/", false, route_student},
    {"/leaderboard", false, route_board},
    {"/leaderboard.csv", false, route_board_csv},
    {"/history", false, route_history},
    {"/result/", true, route_result},
};

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
    (void)version;
    struct server *s = cls;
    bool get = strcmp(method, MHD_HTTP_METHOD_GET) == 0 || strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    bool post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
    if (strcmp(url, "/submit") == 0 && post) {
        struct request *q = *con_cls;
        if (!q) { /* the headers: refuse a body announced too large before it comes */
            const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (length && strtoull(length, NULL, 10) > SERVE_BODY_MAX) {
                char why[200];
                snprintf(why, sizeof why, _("The scenario is too large: at most %d KiB."), SERVE_UPLOAD_MAX / 1024);
                return error_page(c, MHD_HTTP_CONTENT_TOO_LARGE, why, NULL);
            }
            if (!(q = calloc(1, sizeof *q))) abort();
            q->name.max = NAME_MAX_BYTES + 8; /* name_ok counts its characters; trailing blanks go */
            q->code.max = CODE_MAX_BYTES;
            q->scenario.max = q->file.max = SERVE_UPLOAD_MAX;
            q->pp = MHD_create_post_processor(c, 16 * 1024, on_field, q);
            if (!q->pp) q->bad_form = true; /* neither urlencoded nor multipart */
            *con_cls = q;
            return MHD_YES;
        }
        if (*upload_data_size) {
            q->body += *upload_data_size;
            if (q->body > SERVE_BODY_MAX) q->too_large = true;
            if (q->body > SERVE_DRAIN_MAX) return MHD_NO; /* no answer is owed to an endless body */
            if (q->pp && !q->too_large && !q->bad_form &&
                MHD_post_process(q->pp, upload_data, *upload_data_size) != MHD_YES)
                q->bad_form = true;
            *upload_data_size = 0; /* taken (or dropped, beyond the limit) */
            return MHD_YES;
        }
        return submit(c, s, q);
    }
    if (*upload_data_size) { /* a body where none belongs: dropped */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (strcmp(url, "/submit") == 0)
        return error_page(c, MHD_HTTP_METHOD_NOT_ALLOWED, _("Submit the form of the student page."), NULL);
    if (!get) return error_page(c, MHD_HTTP_METHOD_NOT_ALLOWED, _("This server answers GET and POST only."), NULL);
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        size_t n = strlen(routes[i].url);
        if (routes[i].prefix ? strncmp(url, routes[i].url, n) == 0 : strcmp(url, routes[i].url) == 0)
            return routes[i].page(c, s, url + n);
    }
    return error_page(c, MHD_HTTP_NOT_FOUND, _("No such page: start from the student page."), NULL);
}

/* ---- starting and stopping ---- */

static int make_dirs(const struct serve_opts *o, FILE *err)
{
    const char *subs[] = {"", "/submissions", "/runs"};
    for (size_t i = 0; i < 3; i++) {
        char dir[1100], why[300];
        snprintf(dir, sizeof dir, "%s%s", o->dir, subs[i]);
        if (outfile_prepare_dir(dir, NULL, NULL, why, sizeof why) != 0) {
            lang_printf_wrapped(err, LANG_LINE_MAX, "servlab: %s\n", why);
            return -1;
        }
    }
    return 0;
}

/* The Chinese twin of the base, whose leading comment describes it on the Chinese
 * leaderboard: scenarios/zh/ and course-notes/zh/ hold a twin of each classroom scenario
 * at the same place below them, the same file but for its comments, in Chinese
 * (tests/test_zh_scenarios.sh). The twin is the base's full path with "zh/" after its
 * last "scenarios/" or "course-notes/" folder, taken only when it reads the same as the
 * base but for comments (text, len): a base the instructor has changed keeps its own
 * words. NULL when there is none (else free it). */
static char *zh_twin(const char *base, const char *text, size_t len)
{
    static const char *const homes[] = {"/scenarios/", "/course-notes/"};
    char cwd[4096] = "";
    size_t n = sizeof cwd + strlen(base) + 2;
    char *real = malloc(n);
    if (!real) abort();
    if (base[0] != '/' && getcwd(cwd, sizeof cwd)) /* a relative path: from here */
        snprintf(real, n, "%s/%s", cwd, base);
    else
        snprintf(real, n, "%s", base);
    size_t cut = 0;
    for (size_t h = 0; h < sizeof homes / sizeof *homes; h++)
        for (const char *at = strstr(real, homes[h]); at; at = strstr(at + 1, homes[h]))
            if ((size_t)(at - real) + strlen(homes[h]) > cut) cut = (size_t)(at - real) + strlen(homes[h]);
    char *twin = NULL;
    if (cut && strncmp(real + cut, "zh/", 3) != 0) { /* a twin has none of its own */
        size_t tn = strlen(real) + 4;
        if (!(twin = malloc(tn))) abort();
        snprintf(twin, tn, "%.*szh/%s", (int)cut, real, real + cut);
        char why[300];
        size_t tlen = 0;
        char *ttext = access(twin, R_OK) == 0 ? csv_read_file(twin, &tlen, why, sizeof why) : NULL;
        if (!ttext || !scan_same_but_comments(text, len, ttext, tlen)) free(twin), twin = NULL;
        free(ttext);
    }
    free(real);
    return twin;
}

/* The base's service curve for the class chart, when its [sweep] has one lever. */
static void base_curve(struct server *s, FILE *err)
{
    const struct scenario *b = compare_base_scenario(s->base);
    if (!b->sweep.active || b->sweep.parameter2[0]) return;
    char reps[64], seed[64];
    size_t n = s->o->nsets;
    struct scenario_override *sets =
        compare_sweep_sets(s->o->sets, n, b->cfg.run.replications, (unsigned long long)b->cfg.run.seed, reps, seed);
    struct simulate_opts so = {.threads = s->o->workers, .stop = s->o->stop};
    if (!(s->curve = calloc(1, sizeof *s->curve))) abort();
    int rc = sweep_run(s->o->base, sets, n + 2, &so, s->curve, err);
    free(sets);
    if (rc != 0 || sweep_is_grid(s->curve)) {
        if (rc == 0) sweep_free(s->curve);
        free(s->curve);
        s->curve = NULL;
    }
}

bool serve_beyond_loopback(const char *bind)
{
    struct in_addr a4;
    struct in6_addr a6;
    if (inet_pton(AF_INET, bind, &a4) == 1) return (ntohl(a4.s_addr) >> 24) != 127;
    if (inet_pton(AF_INET6, bind, &a6) == 1) return !IN6_IS_ADDR_LOOPBACK(&a6);
    return true;
}

void serve_say_where(FILE *out, FILE *err, const char *base_name, const char *bind, unsigned port, const char *code,
                     const struct ifaddrs *ifs)
{
    bool v6 = strchr(bind, ':') != NULL;
    struct in6_addr a6;
    bool every =
        strcmp(bind, "0.0.0.0") == 0 || (v6 && inet_pton(AF_INET6, bind, &a6) == 1 && IN6_IS_ADDR_UNSPECIFIED(&a6));
    if (!serve_beyond_loopback(bind)) { /* this computer only: as before */
        fprintf(out,
                v6 ? _("servlab: serving %s on http://[%s]:%u/ (leaderboard: /leaderboard); Ctrl-C stops\n")
                   : _("servlab: serving %s on http://%s:%u/ (leaderboard: /leaderboard); Ctrl-C stops\n"),
                base_name, bind, port);
        return;
    }
    if (!every) {
        fprintf(out,
                v6 ? _("servlab: serving %s on http://[%s]:%u/ (leaderboard: /leaderboard); Ctrl-C stops\n")
                   : _("servlab: serving %s on http://%s:%u/ (leaderboard: /leaderboard); Ctrl-C stops\n"),
                base_name, bind, port);
    } else {
        /* 0.0.0.0 is no address to type: the addresses this computer has on its networks */
        fprintf(out, _("servlab: serving %s on every network of this computer, port %u; Ctrl-C stops\n"), base_name,
                port);
        size_t shown = 0;
        for (const struct ifaddrs *i = ifs; i; i = i->ifa_next) {
            if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || (i->ifa_flags & IFF_LOOPBACK) ||
                !(i->ifa_flags & IFF_UP))
                continue;
            char a[INET_ADDRSTRLEN];
            if (!inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)i->ifa_addr)->sin_addr, a, sizeof a))
                continue;
            /* TRANSLATORS: the address students type (write it on the board), then the network's name */
            fprintf(out, _("  students open: http://%s:%u/ (network %s)\n"), a, port, i->ifa_name);
            shown++;
        }
        if (!shown)
            fputs(_("  this computer has no network address besides its own (127.0.0.1): connect it to the class "
                    "network, then start the server again\n"),
                  out);
    }
    if (code) fprintf(out, _("  class code: %s\n"), code);
    fprintf(out, _("  the leaderboard, for the projector (on this computer): http://localhost:%u/leaderboard\n"), port);
    if (!code)
        lang_printf_wrapped(err, LANG_LINE_MAX,
                            _("servlab: warning: no --code: anyone on the network who opens the address can submit, "
                              "under any name; give the class a code to type (--code WORD)\n"));
}

/* Whether the base b reads a file (its [demand] history), said on err: a scenario sent to
 * the server may not (reader/scenario.c refuses it), so every student's copy of the base
 * would be refused. The same history given by --set is applied to every submission, and
 * the students' copies then name no file: that is what the instructor is told to do, with
 * the path as seen from here (the file's own is relative to the base's folder). */
/* The line of text (len bytes, a scenario file) that gives [demand] history, or 0: what a
 * student's unchanged copy holds, whatever --set gave the server. */
static int history_line_in(const char *text, size_t len)
{
    bool demand = false;
    int line = 1;
    for (size_t at = 0; at < len; line++) {
        size_t end = at;
        while (end < len && text[end] != '\n') end++;
        size_t p = at;
        while (p < end && (text[p] == ' ' || text[p] == '\t')) p++;
        if (p < end && text[p] == '[') {
            size_t q = p + 1;
            while (q < end && text[q] == ' ') q++;
            demand = end - q >= 6 && strncmp(text + q, "demand", 6) == 0 && strspn(text + q + 6, " ") + q + 6 < end &&
                     text[q + 6 + strspn(text + q + 6, " ")] == ']';
        } else if (demand && end - p >= 7 && strncmp(text + p, "history", 7) == 0) {
            size_t q = p + 7;
            while (q < end && (text[q] == ' ' || text[q] == '\t')) q++;
            if (q < end && text[q] == '=') return line;
        }
        at = end + 1;
    }
    return 0;
}

static bool base_reads_file(const struct serve_opts *o, const struct scenario *b, const char *text, size_t len,
                            FILE *err)
{
    int line = scenario_line(b, "demand.history");
    const char *slash = strrchr(o->base, '/');
    char path[HISTORY_PATH_MAX + 1100];
    if (b->history[0] && line > 0 && b->history[0] != '/' && slash) /* the file's own: from its folder */
        snprintf(path, sizeof path, "%.*s/%s", (int)(slash - o->base), o->base, b->history);
    else /* from here: absolute, or given by --set */
        snprintf(path, sizeof path, "%s", b->history);
    /* given by --set, the students' copies still hold the file's line, and are refused */
    if (line <= 0) line = history_line_in(text, len);
    if (!b->history[0] || line <= 0) return false;
    lang_printf_wrapped(err, LANG_LINE_MAX,
                        _("servlab: %s:%d: [demand] history: a class base cannot read a file: the server refuses a "
                          "submitted scenario that names one, so every student's copy of this base would be "
                          "refused.\n"
                          "  Remove the line from %s and give the history on the command line instead (it then holds "
                          "for every submission), as in:\n"),
                        o->base, line, slash ? slash + 1 : o->base);
    /* a command to copy: not wrapped */
    fprintf(err, "    servlab serve --base %s --set demand.history=%s\n", o->base, path);
    return true;
}

/* The base's text as a submission's (as a student uploading it unchanged sends it: the same
 * run, shared), run at start as its service curve is, before the server listens, on the
 * same random numbers as every submission: "today", which a result is set against. */
static void base_run(struct server *s, FILE *err)
{
    uint64_t hash = fnv1a(s->base_hash, s->base_text, s->base_len);
    struct run *r = new_run(s, "base", s->base_text, s->base_len, hash, err);
    if (!r) return;
    snprintf(r->path, sizeof r->path, "%s", s->base_name);
    add_run(s, r);
    s->base_run = r;
    struct simulate_opts so = {.threads = s->o->workers ? s->o->workers : 1, .stop = s->o->stop};
    if (load_run(s, r) == 0)
        r->state = RUN_DONE;
    else if (compare_entry_run(&r->e, &so) == 0) {
        r->state = RUN_DONE;
        save_run(s, r);
    } else
        r->state = RUN_STOPPED; /* stopped at start: the server does not listen anyway */
}

int serve_run(const struct serve_opts *o, FILE *out, FILE *err)
{
    static struct server srv; /* large (the client table): not on the stack */
    struct server *s = &srv;
    memset(s, 0, sizeof *s);
    s->o = o;
    union {
        struct sockaddr_in v4;
        struct sockaddr_in6 v6;
    } addr;
    memset(&addr, 0, sizeof addr);
    const char *bind = o->bind ? o->bind : "127.0.0.1";
    bool v6 = false;
    if (inet_pton(AF_INET, bind, &addr.v4.sin_addr) == 1) {
        addr.v4.sin_family = AF_INET;
        addr.v4.sin_port = htons((uint16_t)o->port);
    } else if (inet_pton(AF_INET6, bind, &addr.v6.sin6_addr) == 1) {
        addr.v6.sin6_family = AF_INET6;
        addr.v6.sin6_port = htons((uint16_t)o->port);
        v6 = true;
    } else {
        lang_printf_wrapped(
            err, LANG_LINE_MAX,
            _("servlab: --bind %s: not an IPv4 or IPv6 address (e.g. 127.0.0.1, or 0.0.0.0 for every network)\n"),
            bind);
        return 2;
    }
    char why[300];
    if (!(s->base_text = csv_read_file(o->base, &s->base_len, why, sizeof why))) {
        lang_printf_wrapped(err, LANG_LINE_MAX, "servlab: %s: %s\n", o->base, why);
        return 2;
    }
    if (s->base_len > SERVE_UPLOAD_MAX) { /* students could not submit it back */
        lang_printf_wrapped(err, LANG_LINE_MAX, _("servlab: %s: over %d KiB, the most a submission may be\n"), o->base,
                            SERVE_UPLOAD_MAX / 1024);
        free(s->base_text);
        return 2;
    }
    if (!(s->base = compare_base_load(o->base, NULL, 0, o->sets, o->nsets, err))) {
        lang_printf_wrapped(err, LANG_LINE_MAX,
                            _("servlab: the base file %s must load before students' files can be checked\n"), o->base);
        free(s->base_text);
        return 2;
    }
    const struct scenario *b = compare_base_scenario(s->base);
    s->base_name = strrchr(o->base, '/') ? strrchr(o->base, '/') + 1 : o->base;
    if (base_reads_file(o, b, s->base_text, s->base_len, err)) {
        compare_base_free(s->base);
        free(s->base_text);
        return 2;
    }
    /* said first, before the base's curve is drawn: the instructor can stop and fix it */
    if (!compare_base_locked(s->base))
        lang_printf_wrapped(err, LANG_LINE_MAX,
                            _("servlab: warning: %s has no [locks]: students may change anything, the price, the "
                              "demand and the costs among them, and a higher price alone can top the leaderboard.\n"
                              "  To keep them from changing these, stop the server (Ctrl-C), add to %s:\n"
                              "    [locks]\n"
                              "    sections = run, demand, costs, revenue\n"
                              "  then start it again (servlab keys locks says what [locks] takes)\n"),
                            s->base_name, o->base);
    if (lang_current() == LANG_ZH) s->described = zh_twin(o->base, s->base_text, s->base_len);
    s->service = metric_find(b->sweep.service[0] ? b->sweep.service : "fill_rate");
    if (s->service < 0) s->service = M_FILL_RATE;
    s->base_hash = fnv1a(fnv1a(14695981039346656037ull, s->base_text, s->base_len), "\n", 1);
    for (size_t i = 0; i < o->nsets; i++)
        s->base_hash = fnv1a(s->base_hash, o->sets[i].assignment, strlen(o->sets[i].assignment));
    int rc = 1;
    struct MHD_Daemon *d = NULL;
    pthread_t *workers = NULL;
    unsigned started = 0;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->work, NULL);
    s->random = fopen("/dev/urandom", "rb");
    if (make_dirs(o, err) != 0) goto done;
    base_curve(s, err);
    base_run(s, err);
    reload_refusals(s, err);
    reload(s, err);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned nworkers = o->workers ? o->workers : 1;
    if (cores > 0 && nworkers > (unsigned)cores) nworkers = (unsigned)cores; /* no more threads than cores */
    if (!(workers = calloc(nworkers, sizeof *workers))) abort();
    for (; started < nworkers; started++)
        if (pthread_create(&workers[started], NULL, worker, s) != 0) break;
    /* no MHD_USE_ERROR_LOG: libmicrohttpd's own messages are English and unprefixed; what
       fails is said by servlab's own message below, in the class's language */
    /* "::", every network: IPv4 too (a dual stack), as its listing of the computer's IPv4
       addresses for the students (serve_say_where) promises */
    struct in6_addr any6;
    bool dual = v6 && inet_pton(AF_INET6, bind, &any6) == 1 && IN6_IS_ADDR_UNSPECIFIED(&any6);
    d = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC |
                             (dual ? MHD_USE_DUAL_STACK
                              : v6 ? MHD_USE_IPv6
                                   : 0),
                         (uint16_t)o->port, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                         MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                         MHD_OPTION_CONNECTION_LIMIT, (unsigned)500, MHD_OPTION_END);
    if (!d) {
        lang_printf_wrapped(err, LANG_LINE_MAX,
                            _("servlab: cannot listen on %s port %u: %s (is another server on it? try --port)\n"), bind,
                            o->port, strerror(errno));
        goto done;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info ? info->port : o->port;
    struct ifaddrs *ifs = NULL;
    if (serve_beyond_loopback(bind) && getifaddrs(&ifs) != 0) ifs = NULL;
    serve_say_where(out, err, s->base_name, bind, port, o->code, ifs);
    if (ifs) freeifaddrs(ifs);
    fflush(out);
    while (!atomic_load(o->stop)) {
        struct timespec tick = {0, 50 * 1000 * 1000};
        nanosleep(&tick, NULL);
    }
    rc = 0;
done:
    if (d) MHD_stop_daemon(d); /* no request in progress after this */
    pthread_mutex_lock(&s->lock);
    atomic_store(&s->stopping, 1); /* runs in progress stop; their texts are saved */
    pthread_cond_broadcast(&s->work);
    pthread_mutex_unlock(&s->lock);
    for (unsigned i = 0; i < started; i++) pthread_join(workers[i], NULL);
    free(workers);
    if (rc == 0) {
        size_t done_runs = 0;
        for (size_t i = 0; i < s->nruns; i++) done_runs += s->runs[i]->state == RUN_DONE;
        lang_printf_wrapped(err, LANG_LINE_MAX,
                            P_("servlab: stopped; %zu submission (runs done: %zu), kept in %s\n",
                               "servlab: stopped; %zu submissions (runs done: %zu), kept in %s\n", s->nsubs),
                            s->nsubs, done_runs, o->dir);
    }
    for (size_t i = 0; i < s->nsubs; i++) free(s->subs[i]);
    for (size_t i = 0; i < s->nruns; i++) {
        compare_entry_free(&s->runs[i]->e);
        free(s->runs[i]->text);
        free(s->runs[i]);
    }
    free(s->subs), free(s->runs), free(s->board_page), free(s->refusals);
    if (s->curve) sweep_free(s->curve), free(s->curve);
    if (s->random) fclose(s->random);
    compare_base_free(s->base);
    free(s->base_text), free(s->described);
    pthread_cond_destroy(&s->work);
    pthread_mutex_destroy(&s->lock);
    return rc;
}
