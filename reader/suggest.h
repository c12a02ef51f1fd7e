/* suggest.h - "did you mean ...?": the nearest known name to a misspelt one. */
#ifndef READER_SUGGEST_H
#define READER_SUGGEST_H

#include <stddef.h>

/* Restricted Damerau-Levenshtein distance (a swap of two neighbours counts 1),
 * ignoring case. */
size_t suggest_distance(const char *a, const char *b);

/* The candidate closest to `word` if it is close enough to be a plausible typo
 * (or one is a prefix of the other), else NULL. candidates has n entries. */
const char *suggest_nearest(const char *word, const char *const *candidates, size_t n);

#endif
