/* progress.c - a one-line bar redrawn with '\r' at most ten times a second. */
#include "progress.h"
#include "lang/lang.h"

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void progress_init(struct progress *p, bool enabled, enum progress_count what)
{
    *p = (struct progress){.enabled = enabled && isatty(STDERR_FILENO), .what = what};
    p->started = seconds();
}

const char *progress_duration(double s, char *buf, size_t n)
{
    if (!(s < 1e12)) s = 1e12;
    if (s < 90)
        snprintf(buf, n, _("%.0f s"), ceil(s));
    else if (s < 3600)
        snprintf(buf, n, _("%.0f min"), ceil(s / 60));
    else if (s < 86400 * 2)
        snprintf(buf, n, _("%.0f h %02.0f min"), floor(s / 3600), floor(fmod(s, 3600) / 60));
    else
        snprintf(buf, n, _("%.1f days"), s / 86400);
    return buf;
}

void progress_draw(struct progress *p, double done, size_t total)
{
    if (!p->enabled || total == 0) return;
    if (done < p->shown) done = p->shown; /* a job's share moves to `done` a moment late */
    if (done > (double)total) done = (double)total;
    double now = seconds(), elapsed = now - p->started;
    bool finished = done >= (double)total;
    if (elapsed < 0.5 || (now - p->last_draw < 0.1 && !finished)) return;
    p->last_draw = now;
    p->shown = done;
    enum { WIDTH = 30 };
    double share = done / (double)total;
    size_t filled = (size_t)(share * WIDTH);
    char bar[WIDTH + 1], left[40] = "";
    for (size_t i = 0; i < WIDTH; i++) bar[i] = i < filled ? '#' : '.';
    bar[WIDTH] = '\0';
    if (done > 0) progress_duration(elapsed * ((double)total - done) / done, left, sizeof left);
    fputc('\r', stderr);
    fprintf(stderr,
            p->what == PROGRESS_RUNS ? P_("[%s] %3.0f%% of %zu run", "[%s] %3.0f%% of %zu runs", total)
                                     : P_("[%s] %3.0f%% of %zu replication", "[%s] %3.0f%% of %zu replications", total),
            bar, 100 * share, total);
    if (*left) fprintf(stderr, _(", %s left"), left);
    fputs("      ", stderr);
    fflush(stderr);
    p->drawn = true;
}

void progress_update(void *ctx, size_t done, size_t total)
{
    progress_draw(ctx, (double)done, total);
}

void progress_finish(struct progress *p)
{
    if (!p->drawn) return;
    fprintf(stderr, "\r%79s\r", "");
    fflush(stderr);
    p->drawn = false;
}
