/* progress.h - a progress bar on stderr for long runs, shown only when stderr is a
 * terminal and the run has lasted long enough to be worth a bar. It advances within
 * a replication too (done may be fractional), so a single long replication never
 * looks like a hang. Not thread-safe: callers serialise the calls. */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/* What the bar counts: the replications of one scenario, or the runs of several. */
enum progress_count { PROGRESS_REPLICATIONS, PROGRESS_RUNS };

struct progress {
    bool enabled;
    bool drawn;
    enum progress_count what;
    double started; /* monotonic seconds */
    double last_draw;
    double shown; /* the largest `done` drawn: the bar never goes back */
};

void progress_init(struct progress *p, bool enabled, enum progress_count what);

/* A runner_progress_fn: ctx is the struct progress; done of total jobs finished. */
void progress_update(void *ctx, size_t done, size_t total);

/* Redraw (at most ten times a second) with done jobs of total, done fractional:
 * 2.4 is two finished and 40% of others' simulated time. */
void progress_draw(struct progress *p, double done, size_t total);

/* Clear the bar if one was drawn. */
void progress_finish(struct progress *p);

/* A duration for people: "42 s", "6 min", "2 h 10 min", "3.5 days", in the language of
 * lang/lang.h. Returns buf. */
const char *progress_duration(double seconds, char *buf, size_t n);

#endif
