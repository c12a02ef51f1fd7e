/* progress.h - a progress bar on stderr for long runs, shown only when stderr is a
 * terminal and the run has lasted long enough to be worth a bar. */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

struct progress {
    bool enabled;
    bool drawn;
    const char *what; /* "replications", "runs" */
    double started;   /* monotonic seconds */
    double last_draw;
};

void progress_init(struct progress *p, bool enabled, const char *what);

/* A runner_progress_fn: ctx is the struct progress. */
void progress_update(void *ctx, size_t done, size_t total);

/* Clear the bar if one was drawn. */
void progress_finish(struct progress *p);

#endif
