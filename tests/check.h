/* check.h - the test programs' tiny harness: one line per failed check, and a last
 * line "NAME: N passed, M failed" that tests/run_all.sh adds up, and a failed check
 * more for an id two different checks print. Set VERBOSE=1 in the environment to see
 * passing checks too. Include once per test program. */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed, check_failed;

/* The ids printed so far (a name's first word, PREFIX-N[.N...][letter]), each with the
 * format that printed it first: an id that another format prints is a second check with
 * that id (docs/conventions.md, rule 13), as when a loop's built id (structure-3.%d)
 * reaches one written elsewhere; a format in a loop may print its id again. A format
 * that begins with the id given to it ("%s the plain file loads") is a helper's, whose
 * checks share the id its caller wrote (tests/ids.pl checks those). */
static struct check_id {
    char id[64];
    const char *format;
} * check_ids;
static size_t check_nids, check_ids_room;

static void check_id_seen(const char *name, const char *format)
{
    size_t n = 0;
    if (format[0] == '%' || name[0] < 'a' || name[0] > 'z') return;
    while (name[n] && name[n] != ' ' && name[n] != '-') n++;
    if (name[n] != '-' || name[n + 1] < '0' || name[n + 1] > '9') return;
    n += strcspn(name + n, " ");
    if (n >= sizeof check_ids->id) return;
    for (size_t i = 0; i < check_nids; i++) {
        if (strncmp(check_ids[i].id, name, n) != 0 || check_ids[i].id[n] != '\0') continue;
        if (check_ids[i].format && strcmp(check_ids[i].format, format) != 0) {
            check_failed++;
            printf("FAIL %.*s is the id of two checks: '%s' and '%s'\n", (int)n, name, check_ids[i].format, format);
            check_ids[i].format = NULL; /* said once */
        }
        return;
    }
    if (check_nids == check_ids_room) {
        check_ids_room = check_ids_room ? 2 * check_ids_room : 256;
        check_ids = realloc(check_ids, check_ids_room * sizeof *check_ids);
        if (!check_ids) abort();
    }
    memcpy(check_ids[check_nids].id, name, n);
    check_ids[check_nids].id[n] = '\0';
    check_ids[check_nids++].format = format;
}

/* Record one check. name is a printf format saying what is being checked. */
__attribute__((format(printf, 2, 3))) static int check(int ok, const char *name, ...)
{
    static int verbose = -1;
    if (verbose < 0) verbose = getenv("VERBOSE") != NULL;
    char text[64];
    va_list id;
    va_start(id, name);
    vsnprintf(text, sizeof text, name, id);
    va_end(id);
    check_id_seen(text, name);
    if (ok)
        check_passed++;
    else
        check_failed++;
    if (!ok || verbose) {
        va_list ap;
        va_start(ap, name);
        fputs(ok ? "ok   " : "FAIL ", stdout);
        vprintf(name, ap);
        putchar('\n');
        va_end(ap);
        fflush(stdout);
    }
    return ok;
}

/* The build directory a test program runs from (build/tests/test_x -> build), into buf
 * of n bytes: where make put the program, its catalogue (BUILD/locale) and servlab. */
static __attribute__((unused)) const char *check_build_dir(const char *argv0, char *buf, size_t n)
{
    snprintf(buf, n, "%s", argv0);
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(buf, '/');
        if (slash)
            *slash = '\0';
        else
            snprintf(buf, n, ".");
    }
    return buf;
}

/* Point gettext at the catalogue make built beside the test program (BUILD/locale), so
 * that lang_init("zh") finds it without an installed servlab. */
static __attribute__((unused)) void check_use_build_catalogue(const char *argv0)
{
    char build[512], dir[600];
    check_build_dir(argv0, build, sizeof build);
    snprintf(dir, sizeof dir, "%s/locale", build);
    setenv("SERVLAB_LOCALEDIR", dir, 1);
}

/* Write text to the file dir/name (a test's scratch file); abort if it cannot. */
static __attribute__((unused)) void check_write_file(const char *dir, const char *name, const char *text)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) abort();
    FILE *f = fopen(path, "w");
    if (!f) abort();
    fputs(text, f);
    fclose(f);
}

/* Print the summary line and return the exit status for main. */
static int check_done(const char *program)
{
    free(check_ids);
    check_ids = NULL, check_nids = check_ids_room = 0;
    printf("%s: %d passed, %d failed\n", program, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
