/* suggest.c - edit distance on short names (keys, sections, distributions), and the
 * file nearest in name to a missing one. */
#include "suggest.h"
#include "lang/lang.h"

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum { LONGEST = 64 };

/* The distance, or any value above cap once it is sure to exceed cap: when two rows in a
 * row have every entry above cap, every later entry is too (each comes from the row
 * above, the row before that plus 1, or its left neighbour plus 1, and the first column
 * grows with the row). */
static size_t distance_capped(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la >= LONGEST || lb >= LONGEST) return (size_t)-1;
    size_t d[LONGEST + 1][LONGEST + 1];
    for (size_t i = 0; i <= la; i++) d[i][0] = i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = j;
    size_t above_min = 0; /* the smallest entry of the row above (row 0: 0) */
    for (size_t i = 1; i <= la; i++) {
        size_t row_min = i; /* d[i][0] */
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best) best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == tolower((unsigned char)b[j - 1]) && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
            row_min = best < row_min ? best : row_min;
        }
        if (row_min > cap && above_min > cap) return row_min;
        above_min = row_min;
    }
    return d[la][lb];
}

size_t suggest_distance(const char *a, const char *b)
{
    return distance_capped(a, b, (size_t)-1);
}

static int is_prefix(const char *shorter, const char *longer)
{
    size_t n = strlen(shorter);
    return n >= 3 && strncasecmp(shorter, longer, n) == 0;
}

const char *suggest_nearest(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    size_t len = strlen(word);
    size_t limit = len / 3 > 2 ? len / 3 : 2;
    for (size_t i = 0; i < n; i++) {
        /* the distance is at least the difference in length: a candidate further off
           than the limit cannot be the answer, so its table is never filled (the
           answer is the same; a table header of unknown names costs far less) */
        size_t lc = strlen(candidates[i]);
        if ((lc > len ? lc - len : len - lc) > limit) continue;
        size_t d = distance_capped(word, candidates[i], limit);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    if (best && best_d <= limit) return best;
    for (size_t i = 0; i < n; i++)
        if (is_prefix(word, candidates[i]) || is_prefix(candidates[i], word)) return candidates[i];
    return NULL;
}

/* Does name hold the '_'-separated words of word, in order, and more words of its own? */
static bool holds_words(const char *word, const char *name)
{
    const char *w = word, *p = name;
    size_t own = 0;
    while (*w) {
        size_t wl = strcspn(w, "_");
        for (;;) { /* the next word of name that is w's */
            size_t pl = strcspn(p, "_");
            if (!*p) return false;
            bool same = pl == wl && strncasecmp(p, w, wl) == 0;
            own += !same;
            p += pl + (p[pl] == '_');
            if (same) break;
        }
        w += wl + (w[wl] == '_');
    }
    return own > 0 || *p;
}

const char *suggest_words(const char *word, const char *const *candidates, size_t n)
{
    if (!strchr(word, '_') || word[0] == '_' || strstr(word, "__") || word[strlen(word) - 1] == '_') return NULL;
    const char *found = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!holds_words(word, candidates[i])) continue;
        if (found) return NULL;
        found = candidates[i];
    }
    return found;
}

/* ---- files ---- */

/* A file found near a missing one: its directory as the suggestion writes it ("",
 * "scenarios/") and its name. */
struct near_file {
    const char *dir;
    char *name;
};

static int compare_near_files(const void *a, const void *b)
{
    return strcmp(((const struct near_file *)a)->name, ((const struct near_file *)b)->name);
}

/* The most such files one directory may hold for its files to be suggested: all of them
 * are read, so that the answer never depends on the order the directory lists them in,
 * and a directory with more (no student's folder of scenarios) is not searched. */
enum { NEAR_FILES_MAX = 4096 };

/* Add to *list (*count files, room for *cap) the regular files of dir whose names end in
 * ext (dir written as the suggestion writes it; "" is the current directory) but one named
 * `itself` (or none: NULL), sorted by name. None when dir cannot be read or holds more
 * than NEAR_FILES_MAX of them. A symlink counts as its target: a broken one or a
 * directory named x.ini cannot be opened either. */
static void add_near_files(const char *dir, const char *ext, const char *itself, struct near_file **list, size_t *count,
                           size_t *cap)
{
    DIR *d = opendir(*dir ? dir : ".");
    if (!d) return;
    size_t first = *count, elen = strlen(ext);
    struct stat st;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len <= elen || strcmp(e->d_name + len - elen, ext) != 0 || (itself && strcmp(e->d_name, itself) == 0))
            continue;
        if (fstatat(dirfd(d), e->d_name, &st, 0) != 0 || !S_ISREG(st.st_mode)) continue;
        if (*count - first == NEAR_FILES_MAX) { /* too many: none of this directory's */
            while (*count > first) free((*list)[--*count].name);
            break;
        }
        if (*count == *cap) {
            *cap = *cap ? 2 * *cap : 64;
            *list = realloc(*list, *cap * sizeof **list);
            if (!*list) abort();
        }
        char *copy = strdup(e->d_name);
        if (copy) (*list)[(*count)++] = (struct near_file){dir, copy}; /* out of memory: one fewer */
    }
    closedir(d);
    if (*count > first) /* *list is still NULL when no directory had a candidate */
        qsort(*list + first, *count - first, sizeof **list, compare_near_files);
}

bool suggest_file(const char *path, const char *ext, char *out, size_t n)
{
    static const char zh[] = "scenarios/zh/", en[] = "scenarios/";
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0; /* with its '/' */
    char dir[PATH_MAX], twin[PATH_MAX] = "";
    if (dirlen >= sizeof dir) return false;
    memcpy(dir, path, dirlen), dir[dirlen] = '\0';
    /* the twin of a folder of the scenario library: scenarios/zh/planner/ of scenarios/planner/
       and back */
    int w = 0;
    if (strncmp(dir, zh, sizeof zh - 1) == 0)
        w = snprintf(twin, sizeof twin, "%s%s", en, dir + sizeof zh - 1);
    else if (strncmp(dir, en, sizeof en - 1) == 0)
        w = snprintf(twin, sizeof twin, "%s%s", zh, dir + sizeof en - 1);
    if (w < 0 || (size_t)w >= sizeof twin) twin[0] = '\0';
    struct near_file *list = NULL;
    size_t count = 0, cap = 0;
    add_near_files(dir, ext, path + dirlen, &list, &count, &cap);
    if (*twin) add_near_files(twin, ext, NULL, &list, &count, &cap);
    if (dirlen == 0) {
        bool chinese = lang_current() == LANG_ZH;
        add_near_files(chinese ? zh : en, ext, NULL, &list, &count, &cap);
        add_near_files(chinese ? en : zh, ext, NULL, &list, &count, &cap);
    }
    const char **names = malloc((count ? count : 1) * sizeof *names);
    if (!names) abort();
    for (size_t i = 0; i < count; i++) names[i] = list[i].name;
    const char *near = suggest_nearest(path + dirlen, names, count);
    bool found = false;
    for (size_t i = 0; near && i < count; i++)
        if (names[i] == near) {
            found = snprintf(out, n, "%s%s", list[i].dir, near) < (int)n;
            break;
        }
    for (size_t i = 0; i < count; i++) free(list[i].name);
    free(names);
    free(list);
    return found;
}
