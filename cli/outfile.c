/* outfile.c - temp-and-rename writing; rename within one directory is atomic. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "outfile.h"
#include "lang/lang.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

FILE *outfile_open(struct outfile *o, const char *dir, const char *name)
{
    if (dir)
        snprintf(o->path, sizeof o->path, "%s/%s", dir, name);
    else
        snprintf(o->path, sizeof o->path, "%s", name);
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp%ld", o->path, (long)getpid());
    o->f = fopen(o->tmp, "w");
    return o->f;
}

/* The errnos a failed write of a regular file gives, which a stream's error indicator
 * set earlier most likely stands for (a full disk above all). */
static const int WRITE_ERRNOS[] = {ENOSPC, EDQUOT, EFBIG, EIO};

/* Why the stream's earlier write failed: errno, if it is one a write gives (nothing
 * since changed it, as is usual), else EIO rather than the unrelated error of a call
 * made since. */
static int earlier_write_errno(void)
{
    for (size_t i = 0; i < sizeof WRITE_ERRNOS / sizeof WRITE_ERRNOS[0]; i++)
        if (errno == WRITE_ERRNOS[i]) return errno;
    return EIO;
}

int outfile_commit(struct outfile *o)
{
    bool write_failed = ferror(o->f);
    int earlier = write_failed ? earlier_write_errno() : 0; /* before fclose changes errno */
    bool closed = fclose(o->f) == 0;
    o->f = NULL;
    int why = !closed ? (errno ? errno : EIO) : earlier;
    if (!why && rename(o->tmp, o->path) == 0) return 0;
    if (!why) why = errno ? errno : EIO; /* the rename's */
    unlink(o->tmp);
    errno = why;
    return -1;
}

int outfile_commit_durable(struct outfile *o)
{
    /* a file system that cannot sync (EINVAL, ENOTSUP) still gets the file, its
       durability unknown, rather than a failure */
    if (fflush(o->f) != 0 || (fsync(fileno(o->f)) != 0 && errno != EINVAL && errno != ENOTSUP)) {
        int saved = errno;
        outfile_abandon(o);
        errno = saved;
        return -1;
    }
    if (outfile_commit(o) != 0) return -1;
    /* the rename is in the directory's data: sync it too */
    char dir[sizeof o->path];
    snprintf(dir, sizeof dir, "%s", o->path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0'; /* "/name" is in "/" */
    else
        *slash = '\0';
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0) return 0; /* the file is whole and in place; only its durability is unknown */
    fsync(fd);
    close(fd);
    return 0;
}

void outfile_abandon(struct outfile *o)
{
    if (o->f) fclose(o->f);
    o->f = NULL;
    unlink(o->tmp);
}

/* mkdir dir and its missing parents; each one this call creates goes into *made (if not
 * NULL and not full) as the length of its prefix of dir. */
static int make_dirs(const char *dir, struct outfile_made *made)
{
    char path[1024];
    snprintf(path, sizeof path, "%s", dir);
    size_t len = strlen(path);
    for (size_t i = 1; i <= len; i++) {
        if (i < len && path[i] != '/') continue;
        char at = path[i];
        path[i] = '\0';
        if (mkdir(path, 0777) == 0) {
            if (made && made->n < sizeof made->len / sizeof made->len[0]) made->len[made->n++] = i;
        } else if (errno != EEXIST) {
            return -1;
        }
        path[i] = at;
    }
    return 0;
}

/* Is name a temporary file servlab wrote (NAME.tmpPID, see outfile_open) whose
 * process is gone? */
static bool stale_temporary(const char *name)
{
    const char *tmp = strstr(name, ".tmp");
    if (!tmp) return false;
    while (strstr(tmp + 1, ".tmp")) tmp = strstr(tmp + 1, ".tmp");
    const char *digits = tmp + 4;
    if (!*digits || strspn(digits, "0123456789") != strlen(digits) || strlen(digits) > 9) return false;
    /* every kind of file servlab writes: outputs, the debrief page, and the class server's
       submissions (cli/serve.c) */
    static const char *const kinds[] = {".csv", ".txt", ".png", ".svg", ".pdf", ".html", ".ini"};
    size_t stem = (size_t)(tmp - name);
    bool ours = stem == strlen(".servlab-probe") && strncmp(name, ".servlab-probe", stem) == 0;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && !ours; i++) {
        size_t k = strlen(kinds[i]);
        ours = stem > k && strncasecmp(tmp - k, kinds[i], k) == 0; /* x.PNG too */
    }
    long pid = strtol(digits, NULL, 10);
    return ours && pid > 0 && pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

static size_t remove_stale(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    size_t removed = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!stale_temporary(e->d_name)) continue;
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && unlink(path) == 0) removed++;
    }
    closedir(d);
    return removed;
}

int outfile_prepare_dir(const char *dir, size_t *removed, struct outfile_made *made, char *err, size_t errlen)
{
    struct stat st;
    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, _("%s: exists and is not a directory"), dir);
        return -1;
    }
    if (made) made->n = 0;
    if (make_dirs(dir, made) != 0) {
        snprintf(err, errlen, _("%s: cannot create the output directory: %s"), dir, strerror(errno));
        return -1;
    }
    struct outfile probe;
    if (!outfile_open(&probe, dir, ".servlab-probe")) {
        snprintf(err, errlen, _("%s: cannot write into the output directory: %s"), dir, strerror(errno));
        return -1;
    }
    outfile_abandon(&probe);
    size_t n = remove_stale(dir);
    if (removed) *removed = n;
    return 0;
}

void outfile_remove_made_dirs(const char *dir, const struct outfile_made *made)
{
    char path[1024];
    for (size_t k = made->n; k-- > 0;) {
        snprintf(path, sizeof path, "%.*s", (int)made->len[k], dir);
        if (rmdir(path) != 0) return; /* not empty: it holds something, and so do its parents */
    }
}

int outfile_check_path(const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, _("%s: is a directory"), path);
        return -1;
    }
    struct outfile probe;
    if (!outfile_open(&probe, NULL, path)) {
        snprintf(err, errlen, _("%s: cannot be written: %s"), path, strerror(errno));
        return -1;
    }
    outfile_abandon(&probe);
    return 0;
}

int outfile_path_from(const char *dir, const char *path, char *out, size_t n)
{
    char *from = realpath(dir, NULL), *to = realpath(path, NULL);
    int rc = -1;
    if (from && to && strcmp(from, "/") == 0) {
        rc = snprintf(out, n, "%s", to) < (int)n ? 0 : -1;
    } else if (from && to) {
        /* the longest common prefix of whole names: up to a '/' of both, or all of from */
        size_t common = 0, i = 0;
        while (from[i] && from[i] == to[i]) {
            i++;
            /* a boundary of both: a/b/out and a/b.ini share a, not a/b */
            if ((from[i] == '/' || from[i] == '\0') && (to[i] == '/' || to[i] == '\0')) common = i;
        }
        size_t ups = 0; /* one '..' for each name of from below the common prefix */
        for (const char *c = from + common; *c; c++) ups += *c == '/';
        const char *rest = to + common + (to[common] == '/');
        size_t used = 0;
        out[0] = '\0';
        for (size_t k = 0; k < ups && used < n; k++)
            used += (size_t)snprintf(out + used, n - used, "%s..", k ? "/" : "");
        if (used < n)
            used +=
                (size_t)snprintf(out + used, n - used, "%s%s", used && *rest ? "/" : "", used || *rest ? rest : ".");
        rc = used < n ? 0 : -1;
    }
    free(from), free(to);
    return rc;
}

void outfile_mark(struct outfile_mark *m, const struct stat *st)
{
    *m = (struct outfile_mark){
        .dev = st->st_dev, .ino = st->st_ino, .size = st->st_size, .mtime = st->st_mtim, .ctime = st->st_ctim};
}

/* Is the lstat st a plain file, the file m marked, unchanged? */
static bool still_marked(const struct outfile_mark *m, const struct stat *st)
{
    return S_ISREG(st->st_mode) && st->st_dev == m->dev && st->st_ino == m->ino && st->st_size == m->size &&
           st->st_mtim.tv_sec == m->mtime.tv_sec && st->st_mtim.tv_nsec == m->mtime.tv_nsec &&
           st->st_ctim.tv_sec == m->ctime.tv_sec && st->st_ctim.tv_nsec == m->ctime.tv_nsec;
}

enum outfile_aside outfile_move_aside(const char *path, const char *aside, const struct outfile_mark *m)
{
    struct stat st, linked;
    if (lstat(path, &st) != 0 || !still_marked(m, &st)) return OUTFILE_CHANGED;
    if (link(path, aside) != 0) return OUTFILE_NOT_MOVED;
    /* the link raised the link count, and so the change time: from here on the file is
       known by its device and inode, both names' */
    bool same = lstat(aside, &linked) == 0 && linked.st_dev == m->dev && linked.st_ino == m->ino &&
                lstat(path, &st) == 0 && st.st_dev == m->dev && st.st_ino == m->ino;
    if (same && unlink(path) == 0) return OUTFILE_MOVED;
    int saved = errno;
    unlink(aside); /* the file (or the one now at path) keeps its name */
    errno = saved;
    return same ? OUTFILE_NOT_MOVED : OUTFILE_CHANGED;
}
