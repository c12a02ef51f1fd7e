/* outfile.h - output files that appear whole or not at all: written under a temporary
 * name in the same directory and renamed into place when complete. */
#ifndef CLI_OUTFILE_H
#define CLI_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

struct outfile {
    char path[1100]; /* final name */
    char tmp[1120];  /* temporary name while writing */
    FILE *f;
};

/* The UTF-8 byte-order mark that begins each CSV file servlab writes whose cells hold
 * text people typed, in any language: batch.csv (a table's ids and cells), compare.csv
 * (file names, the keys they changed), the class server's history.csv and
 * /leaderboard.csv (students' names). Chinese Excel opens a UTF-8 file without it as
 * GBK, and that text turns to mojibake. The same CSV on standard output, which scripts
 * read, has none; files of numbers and servlab's own names (ASCII: they read alike in
 * either encoding) need none. servlab's CSV readers skip it (reader/csv.h). */
#define OUTFILE_CSV_BOM "\xef\xbb\xbf"

/* Open dir/name (dir may be NULL: name is a path) for writing under a temporary name.
 * Returns the stream, or NULL with errno set. */
FILE *outfile_open(struct outfile *o, const char *dir, const char *name);

/* Flush, close and rename into place. Returns 0, or -1 with errno set (the temporary
 * file is removed). */
int outfile_commit(struct outfile *o);

/* outfile_commit, first syncing the file's data to disk and then, once it is renamed,
 * its directory (so that the new name is on disk too, where the directory can be
 * synced): for state that must outlive a power cut, such as the class server's
 * submissions. A file system that cannot sync at all still gets the file. */
int outfile_commit_durable(struct outfile *o);

/* Close and remove the temporary file. */
void outfile_abandon(struct outfile *o);

/* The directories outfile_prepare_dir made for dir: the lengths of the prefixes of dir
 * it created with mkdir, outermost first (none that existed; at most 16). */
struct outfile_made {
    size_t n;
    size_t len[16];
};

/* Make sure dir exists (creating it and missing parents) and that files can be
 * created in it, and remove the temporary files that a servlab run killed outright
 * (SIGKILL, a second Ctrl-C) left there: NAME.tmpPID where NAME ends in .csv, .txt,
 * .png, .svg, .pdf, .html or .ini and no process PID is alive (their number goes to *removed, if
 * not NULL). The directories it creates are recorded in *made, if not NULL. Returns 0,
 * or -1 with a reason in err. */
int outfile_prepare_dir(const char *dir, size_t *removed, struct outfile_made *made, char *err, size_t errlen);

/* Remove the directories `made` records (made for dir), innermost first, while they are
 * empty: a command that fails before writing anything leaves no empty directory it made
 * behind, and never one that was there before (a path through '..' included). */
void outfile_remove_made_dirs(const char *dir, const struct outfile_made *made);

/* Check that the file at path can be written (its directory exists and takes new
 * files), leaving nothing behind. Returns 0, or -1 with a reason in err. */
int outfile_check_path(const char *path, char *err, size_t errlen);

/* path as a path from the directory dir: relative, through '..' where needed, worked out
 * on the real paths of both (links resolved; dir "/" gives the absolute path). Written
 * into out (n bytes). Returns 0, or -1 when either does not exist or it does not fit. */
int outfile_path_from(const char *dir, const char *path, char *out, size_t n);

/* A file marked to be moved aside later (outfile_move_aside): what it was when marked, so
 * that a file saved over it or put in its place since is told apart from it. The change
 * time is in it because no user tool sets it: a file rewritten in place within the
 * modification time's tick, to the same size, still differs there. */
struct outfile_mark {
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
};

/* Mark the file whose lstat is st. */
void outfile_mark(struct outfile_mark *m, const struct stat *st);

enum outfile_aside {
    OUTFILE_MOVED,     /* path is now aside */
    OUTFILE_CHANGED,   /* path is gone, or no longer the file marked: nothing was done */
    OUTFILE_NOT_MOVED, /* aside is taken, or the file system has no links (errno): both left */
};

/* Move the file at path, marked by m, to aside, never replacing a file there (link, then
 * unlink: rename would replace one), when it is still the file marked. The last check is
 * made just before the unlink, so only a file put there in between is not told apart. */
enum outfile_aside outfile_move_aside(const char *path, const char *aside, const struct outfile_mark *m);

#endif
