/* outfile.h - output files that appear whole or not at all: written under a temporary
 * name in the same directory and renamed into place when complete. */
#ifndef CLI_OUTFILE_H
#define CLI_OUTFILE_H

#include <stdio.h>

struct outfile {
    char path[1100]; /* final name */
    char tmp[1120];  /* temporary name while writing */
    FILE *f;
};

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

#endif
