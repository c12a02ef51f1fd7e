/* check.h - the test programs' tiny harness: one line per failed check, and a last
 * line "NAME: N passed, M failed" that tests/run_all.sh adds up. Set VERBOSE=1 in
 * the environment to see passing checks too. Include once per test program. */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed, check_failed;

/* Record one check. name is a printf format saying what is being checked. */
__attribute__((format(printf, 2, 3))) static int check(int ok, const char *name, ...)
{
    static int verbose = -1;
    if (verbose < 0) verbose = getenv("VERBOSE") != NULL;
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
    printf("%s: %d passed, %d failed\n", program, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
