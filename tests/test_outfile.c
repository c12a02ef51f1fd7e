/* test_outfile.c - cli/outfile.c: a file appears whole under its name or not at all,
 * and a failure is reported with an errno that says what failed. */
#include "check.h"
#include "cli/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) fputs(text, f), fclose(f);
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
    int committed = outfile_commit(&o), why = errno;
    check(indicator && committed == -1 && why == EIO && access(o.path, F_OK) != 0 && access(o.tmp, F_OK) != 0,
          "outfile-1.3 a stream that failed: not committed, EIO (not an unrelated errno), no file left (errno %d)",
          why);

    /* a full disk (/dev/full under the stream): the close's own error, or the earlier
       flush's, when it left nothing to write */
    int full = open("/dev/full", O_WRONLY);
    if (full >= 0) {
        f = outfile_open(&o, dir, "e.csv");
        dup2(full, fileno(f));
        fputs("to a full disk", f);
        committed = outfile_commit(&o), why = errno;
        check(committed == -1 && why == ENOSPC && access(o.path, F_OK) != 0 && access(o.tmp, F_OK) != 0,
              "outfile-1.6 a full disk at the close: ENOSPC, no file left (errno %d)", why);
        f = outfile_open(&o, dir, "f.csv");
        dup2(full, fileno(f));
        fputs("to a full disk", f);
        (void)fflush(f);
        committed = outfile_commit(&o), why = errno;
        check(committed == -1 && why == ENOSPC && access(o.path, F_OK) != 0 && access(o.tmp, F_OK) != 0,
              "outfile-1.7 a full disk at an earlier flush: still ENOSPC, no file left (errno %d)", why);
        close(full);
    } else {
        check(0, "outfile-1.6b /dev/full cannot be opened here");
    }

    /* the final name taken by a directory: the rename's error */
    char taken[sizeof dir + 16];
    snprintf(taken, sizeof taken, "%s/g.csv", dir);
    mkdir(taken, 0700);
    f = outfile_open(&o, dir, "g.csv");
    fputs("x", f);
    committed = outfile_commit(&o), why = errno;
    check(committed == -1 && why == EISDIR && access(o.tmp, F_OK) != 0,
          "outfile-1.8 a directory under the final name: the rename's EISDIR, no temporary file left (errno %d)", why);
    rmdir(taken);

    f = outfile_open(&o, dir, "c.csv");
    fputs("abandoned", f);
    outfile_abandon(&o);
    check(access(o.path, F_OK) != 0 && access(o.tmp, F_OK) != 0, "outfile-1.4 abandoned: no file left");

    char missing[sizeof dir + 16];
    snprintf(missing, sizeof missing, "%s/none", dir);
    check(outfile_open(&o, missing, "d.csv") == NULL && errno == ENOENT,
          "outfile-1.5 a directory that does not exist: no stream, ENOENT");

    /* the directories a command made for --out go when it fails before writing: the
       ones it made, while empty; what was there before, and anything with a file, stays,
       whatever '..' the path takes */
    char deep[sizeof dir + 32], file[sizeof dir + 32], reason[300] = "";
    struct outfile_made made;
    snprintf(deep, sizeof deep, "%s/new/er/", dir);
    check(outfile_prepare_dir(deep, NULL, &made, reason, sizeof reason) == 0 && made.n == 2,
          "outfile-2.1 DIR/new/er/ prepared: 2 directories made (%zu): %s", made.n, reason);
    outfile_remove_made_dirs(deep, &made);
    snprintf(file, sizeof file, "%s/new", dir);
    check(access(file, F_OK) != 0 && access(dir, F_OK) == 0, "outfile-2.2 new/er and new are gone, DIR stays");
    outfile_prepare_dir(deep, NULL, &made, reason, sizeof reason);
    snprintf(file, sizeof file, "%s/new/keep.txt", dir);
    FILE *kept = fopen(file, "w");
    if (kept) fclose(kept);
    outfile_remove_made_dirs(deep, &made);
    snprintf(deep, sizeof deep, "%s/new/er", dir);
    check(access(deep, F_OK) != 0 && access(file, F_OK) == 0, "outfile-2.3 with a file in new: er goes, new stays");
    unlink(file);
    snprintf(file, sizeof file, "%s/new", dir);
    rmdir(file);
    /* DIR/old existed (empty); DIR/made/../old reaches it through a directory made now */
    char old[sizeof dir + 32];
    snprintf(old, sizeof old, "%s/old", dir);
    mkdir(old, 0777);
    snprintf(deep, sizeof deep, "%s/made/../old", dir);
    check(outfile_prepare_dir(deep, NULL, &made, reason, sizeof reason) == 0 && made.n == 1,
          "outfile-2.4 DIR/made/../old: one directory made, 'made' (%zu): %s", made.n, reason);
    outfile_remove_made_dirs(deep, &made);
    snprintf(file, sizeof file, "%s/made", dir);
    check(access(old, F_OK) == 0 && access(file, F_OK) != 0,
          "outfile-2.5 ... the empty DIR/old that was there stays; DIR/made goes");
    rmdir(old);

    /* a file's path from a folder: DIR/a/b to DIR/a/bc/f.ini, DIR/x/f.ini, DIR/a/b/f.ini */
    char a[sizeof dir + 8], b[sizeof dir + 8], bc[sizeof dir + 8], x[sizeof dir + 8], rel[200];
    char f1[sizeof dir + 16], f2[sizeof dir + 16], f3[sizeof dir + 16];
    snprintf(a, sizeof a, "%s/a", dir), snprintf(b, sizeof b, "%s/a/b", dir);
    snprintf(bc, sizeof bc, "%s/a/bc", dir), snprintf(x, sizeof x, "%s/x", dir);
    snprintf(f1, sizeof f1, "%s/f.ini", bc), snprintf(f2, sizeof f2, "%s/f.ini", x),
        snprintf(f3, sizeof f3, "%s/f.ini", b);
    mkdir(a, 0777), mkdir(b, 0777), mkdir(bc, 0777), mkdir(x, 0777);
    fclose(fopen(f1, "w")), fclose(fopen(f2, "w")), fclose(fopen(f3, "w"));
    check(outfile_path_from(b, f1, rel, sizeof rel) == 0 && strcmp(rel, "../bc/f.ini") == 0,
          "outfile-3.1 a/b to a/bc/f.ini: ../bc/f.ini (a name's prefix is not a common folder), got %s", rel);
    check(outfile_path_from(b, f2, rel, sizeof rel) == 0 && strcmp(rel, "../../x/f.ini") == 0,
          "outfile-3.2 a/b to x/f.ini: ../../x/f.ini, got %s", rel);
    check(outfile_path_from(b, f3, rel, sizeof rel) == 0 && strcmp(rel, "f.ini") == 0,
          "outfile-3.3 a/b to a/b/f.ini: f.ini, got %s", rel);
    snprintf(deep, sizeof deep, "%s/x/../a/./b", dir); /* spelt another way: the same folder */
    check(outfile_path_from(deep, f2, rel, sizeof rel) == 0 && strcmp(rel, "../../x/f.ini") == 0,
          "outfile-3.4 x/../a/./b to x/f.ini: ../../x/f.ini, got %s", rel);
    /* DIR/a/b/out to DIR/a/b.ini: a folder b beside a file b.ini share only a */
    char out[sizeof dir + 16], bini[sizeof dir + 16];
    snprintf(out, sizeof out, "%s/out", b), snprintf(bini, sizeof bini, "%s/b.ini", a);
    mkdir(out, 0777), fclose(fopen(bini, "w"));
    check(outfile_path_from(out, bini, rel, sizeof rel) == 0 && strcmp(rel, "../../b.ini") == 0,
          "outfile-3.4b a/b/out to a/b.ini: ../../b.ini (a file's name beside a folder's is no common folder), got %s",
          rel);
    unlink(bini), rmdir(out);
    check(outfile_path_from(b, f1, rel, 5) == -1, "outfile-3.5 a path that does not fit: -1");
    snprintf(file, sizeof file, "%s/none.ini", x);
    check(outfile_path_from(b, file, rel, sizeof rel) == -1, "outfile-3.6 a file that does not exist: -1");
    unlink(f1), unlink(f2), unlink(f3), rmdir(bc), rmdir(b), rmdir(x), rmdir(a);

    /* ---- moving a marked file aside: only the file marked (servlab.c marks an earlier
       command's file before simulating and moves it after; the user may save over it
       in between) ---- */
    char name[sizeof dir + 32], aside[sizeof dir + 32], other[sizeof dir + 32];
    snprintf(name, sizeof name, "%s/c.csv", dir), snprintf(aside, sizeof aside, "%s/c.earlier.csv", dir);
    snprintf(other, sizeof other, "%s/c.csv.new", dir);
    struct outfile_mark mark;
    struct stat st;
    write_text(name, "old\n");
    lstat(name, &st), outfile_mark(&mark, &st);
    check(outfile_move_aside(name, aside, &mark) == OUTFILE_MOVED && access(name, F_OK) != 0 &&
              strcmp(text_of(aside, buf, sizeof buf), "old\n") == 0,
          "outfile-4.1 the file as marked is moved aside");
    unlink(aside);
    write_text(name, "old\n");
    lstat(name, &st), outfile_mark(&mark, &st);
    write_text(other, "saved by the user\n"); /* saved as a spreadsheet saves: a new file renamed over it */
    rename(other, name);
    check(outfile_move_aside(name, aside, &mark) == OUTFILE_CHANGED && access(aside, F_OK) != 0 &&
              strcmp(text_of(name, buf, sizeof buf), "saved by the user\n") == 0,
          "outfile-4.2 a file put in its place since (another inode) stays, nothing moved");
    lstat(name, &st), outfile_mark(&mark, &st);
    /* rewritten in place, to the same size, a second later (set: a clock's tick may be
       coarser than the test's pace) */
    FILE *same = fopen(name, "r+");
    if (same) {
        fputs("SAVED BY THE USER\n", same), fflush(same);
        struct timespec later[2] = {{.tv_nsec = UTIME_OMIT}, {.tv_sec = st.st_mtim.tv_sec + 1}};
        futimens(fileno(same), later);
        fclose(same);
    }
    check(same && outfile_move_aside(name, aside, &mark) == OUTFILE_CHANGED && access(aside, F_OK) != 0 &&
              strcmp(text_of(name, buf, sizeof buf), "SAVED BY THE USER\n") == 0,
          "outfile-4.3 a file saved over in place (same inode, same size) stays, nothing moved");
    lstat(name, &st), outfile_mark(&mark, &st);
    write_text(aside, "an earlier one\n");
    check(outfile_move_aside(name, aside, &mark) == OUTFILE_NOT_MOVED &&
              strcmp(text_of(aside, buf, sizeof buf), "an earlier one\n") == 0 &&
              strcmp(text_of(name, buf, sizeof buf), "SAVED BY THE USER\n") == 0,
          "outfile-4.4 an aside name already taken is never replaced: both stay");
    unlink(aside), unlink(name);
    check(outfile_move_aside(name, aside, &mark) == OUTFILE_CHANGED && access(aside, F_OK) != 0,
          "outfile-4.5 a file gone since: nothing moved");

    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/a.csv", dir);
    unlink(path);
    rmdir(dir);
    return check_done("test_outfile");
}
