/* outfile.c - temp-and-rename writing; rename within one directory is atomic. */
#include "outfile.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
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

int outfile_commit(struct outfile *o)
{
    int failed = ferror(o->f);
    if (fclose(o->f) != 0) failed = 1;
    o->f = NULL;
    if (!failed && rename(o->tmp, o->path) == 0) return 0;
    int saved = errno;
    unlink(o->tmp);
    errno = saved ? saved : EIO;
    return -1;
}

void outfile_abandon(struct outfile *o)
{
    if (o->f) fclose(o->f);
    o->f = NULL;
    unlink(o->tmp);
}

static int make_dirs(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(path, 0777) != 0 && errno != EEXIST) return -1;
    return 0;
}

int outfile_prepare_dir(const char *dir, char *err, size_t errlen)
{
    struct stat st;
    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: exists and is not a directory", dir);
        return -1;
    }
    if (make_dirs(dir) != 0) {
        snprintf(err, errlen, "%s: cannot create the output directory: %s", dir, strerror(errno));
        return -1;
    }
    struct outfile probe;
    if (!outfile_open(&probe, dir, ".servlab-probe")) {
        snprintf(err, errlen, "%s: cannot write into the output directory: %s", dir, strerror(errno));
        return -1;
    }
    outfile_abandon(&probe);
    return 0;
}
