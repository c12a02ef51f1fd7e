/* test_outfile.c - cli/outfile.c: a file appears whole under its name or not at all,
 * and a failure is reported with an errno that says what failed. */
#include "check.h"
#include "cli/outfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The text of the file at path (at most n - 1 bytes), or "" if there is none. */
static const char *text_of(const char *path, char *buf, size_t n)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f) return buf;
    size_t got = fread(buf, 1, n - 1, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

int main(void)
{
    char dir[] = "/tmp/servlab_test_outfile.XXXXXX", buf[64];
    if (!mkdtemp(dir)) return 1;
    struct outfile o;

    FILE *f = outfile_open(&o, dir, "a.csv");
    check(f && access(o.path, F_OK) != 0, "outfile-1.1 while being written the file is not under its name");
    fputs("x,y\n1,2\n", f);
    check(outfile_commit(&o) == 0 && strcmp(text_of(o.path, buf, sizeof buf), "x,y\n1,2\n") == 0 &&
              access(o.tmp, F_OK) != 0,
          "outfile-1.2 committed: whole under its name, no temporary file left");

    /* a stream whose error indicator is set (here by reading a stream opened for
       writing) fails to commit, whatever errno unrelated calls left since */
    f = outfile_open(&o, dir, "b.csv");
    fputs("half", f);
    (void)fgetc(f);
    bool indicator = ferror(f) != 0;
    errno = ENOTTY;
    int committed = outfile_commit(&o);
    check(indicator && committed == -1 && errno == EIO && access(o.path, F_OK) != 0 && access(o.tmp, F_OK) != 0,
          "outfile-1.3 a stream that failed: not committed, EIO (not an unrelated errno), no file left (errno %d)",
          errno);

    f = outfile_open(&o, dir, "c.csv");
    fputs("abandoned", f);
    outfile_abandon(&o);
    check(access(o.path, F_OK) != 0 && access(o.tmp, F_OK) != 0, "outfile-1.4 abandoned: no file left");

    char missing[sizeof dir + 16];
    snprintf(missing, sizeof missing, "%s/none", dir);
    check(outfile_open(&o, missing, "d.csv") == NULL && errno == ENOENT,
          "outfile-1.5 a directory that does not exist: no stream, ENOENT");

    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/a.csv", dir);
    unlink(path);
    rmdir(dir);
    return check_done("test_outfile");
}
