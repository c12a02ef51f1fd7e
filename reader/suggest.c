/* suggest.c - edit distance on short names (keys, sections, distributions). */
#include "suggest.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

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
