/* progress.c - a one-line bar redrawn with '\r' at most ten times a second. */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void progress_init(struct progress *p, bool enabled, const char *what)
{
    *p = (struct progress){.enabled = enabled && isatty(STDERR_FILENO), .what = what};
    p->started = seconds();
}

void progress_update(void *ctx, size_t done, size_t total)
{
    struct progress *p = ctx;
    if (!p->enabled || total == 0) return;
    double now = seconds(), elapsed = now - p->started;
    if (elapsed < 0.5 || (now - p->last_draw < 0.1 && done < total)) return;
    p->last_draw = now;
    enum { WIDTH = 30 };
    size_t filled = done * WIDTH / total;
    char bar[WIDTH + 1];
    for (size_t i = 0; i < WIDTH; i++) bar[i] = i < filled ? '#' : '.';
    bar[WIDTH] = '\0';
    double left = done ? elapsed * (double)(total - done) / (double)done : 0;
    fprintf(stderr, "\r[%s] %zu/%zu %s, %.0f s left   ", bar, done, total, p->what, left);
    fflush(stderr);
    p->drawn = true;
}

void progress_finish(struct progress *p)
{
    if (!p->drawn) return;
    fprintf(stderr, "\r%70s\r", "");
    fflush(stderr);
    p->drawn = false;
}
