/* zh_terms.c - the glossary's Chinese terms and looking one up. */
#include "zh_terms.h"

#include <string.h>

const char *const zh_terms[] = {
#include "zh_terms.inc"
};

const size_t zh_term_count = sizeof zh_terms / sizeof zh_terms[0];

/* The terms that begin with text's first character are one run of the sorted table,
 * found by binary search on its bytes (a Chinese character is three). */
size_t zh_term_at(const char *text, size_t n)
{
    if (n < 3) return 0;
    size_t lo = 0, hi = zh_term_count;
    while (lo < hi) { /* the first term not before text's first character */
        size_t mid = lo + (hi - lo) / 2;
        if (strncmp(zh_terms[mid], text, 3) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t best = 0;
    for (size_t i = lo; i < zh_term_count && strncmp(zh_terms[i], text, 3) == 0; i++) {
        size_t k = strlen(zh_terms[i]);
        if (k <= n && k > best && memcmp(zh_terms[i], text, k) == 0) best = k;
    }
    return best;
}
