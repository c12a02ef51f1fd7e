/* suggest.h - "did you mean ...?": the nearest known name to a misspelt one, and the
 * nearest file to a missing one. */
#ifndef READER_SUGGEST_H
#define READER_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

/* Restricted Damerau-Levenshtein distance (a swap of two neighbours counts 1),
 * ignoring case. */
size_t suggest_distance(const char *a, const char *b);

/* The candidate closest to `word` if it is close enough to be a plausible typo
 * (or one is a prefix of the other), else NULL. candidates has n entries. */
const char *suggest_nearest(const char *word, const char *const *candidates, size_t n);

/* The candidate that holds every '_'-separated word of `word` (two words at least), in
 * order, with words of its own between or around them ("damage_rate" in
 * "damage_free_rate", "orders_per_day" in "orders_per_customer_day"), ignoring case: a
 * name a student shortened, too far off for suggest_nearest. NULL when none does, or
 * when more than one does (no guess between them). */
const char *suggest_words(const char *word, const char *const *candidates, size_t n);

/* The file nearest in name to path, a file that does not exist, written as path writes
 * its directory, into out (n bytes): a regular file whose name ends in ext (".ini",
 * ".csv") other than path itself, in path's own directory ("scenarios/defualt.ini" or
 * "scenarios/default" for scenarios/default.ini), then, for a folder of the scenario
 * library, in its twin (scenarios/planner/items.csv for scenarios/zh/planner/items.csv,
 * where the Chinese folder has no table), and for a name without a directory also in
 * scenarios/ and its Chinese twin scenarios/zh/ below the current directory (in Chinese,
 * the twin first): "default.ini" typed at the repository's root is scenarios/default.ini.
 * The files are taken directory by directory, each sorted by name, so a tie has the same
 * answer whatever order the directories list their files in: the first directory's, then
 * the first by name. Returns false when none is near enough (suggest_nearest). */
bool suggest_file(const char *path, const char *ext, char *out, size_t n);

#endif
