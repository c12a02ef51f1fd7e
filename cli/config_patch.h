/* config_patch.h - one configuration as the words in which it differs from another.
 *
 * A sweep's points differ from each other in one lever and what it sets (a reorder
 * point, an interarrival distribution); the rest of the configuration is the same. A
 * sweep therefore keeps one reference configuration and, per point, a patch: the
 * 8-byte words that differ, with their places. A job builds its point from the
 * reference and the patch, so memory grows with the points by a few words each, not
 * by a whole configuration.
 *
 * Exact by construction: the built point has every byte of the point's configuration,
 * in struct model_config and in each of its owned arrays (models/config.h). An array
 * whose length differs from the reference's is kept whole. The words that hold the
 * arrays' addresses and lengths are not compared: each configuration has its own
 * arrays, and the patch keeps each array's length apart. Every other
 * pointer is to an immutable table or history shared by all configurations, so it
 * compares as a word like any other.
 */
#ifndef CLI_CONFIG_PATCH_H
#define CLI_CONFIG_PATCH_H

#include "models/config.h"

#include <stddef.h>
#include <stdint.h>

/* Words that differ in one block of memory. */
struct word_diff {
    size_t n;       /* words that differ */
    size_t *at;     /* their indexes in the block, as an array of uint64_t */
    uint64_t *word; /* the point's value of each */
};

struct config_patch {
    struct word_diff top;                   /* struct model_config, its array addresses aside */
    struct word_diff arrays[CONFIG_ARRAYS]; /* each array's words, when its length is the reference's */
    void *whole[CONFIG_ARRAYS];             /* the point's array, when its length is not (else NULL) */
    size_t length[CONFIG_ARRAYS];           /* each array's length in the point */
    size_t whole_words;                     /* the words of the whole arrays kept */
};

/* The patch that turns ref into c (both borrowed). Free it with config_patch_free. */
void config_patch_make(struct config_patch *p, const struct model_config *ref, const struct model_config *c);

/* Build the point into *c, which holds nothing (zeroed or released): a deep copy of ref
 * with the patch applied. Release it with model_config_fini. */
void config_patch_build(const struct config_patch *p, const struct model_config *ref, struct model_config *c);

/* How many words the patch keeps (a whole array counts all its words). */
size_t config_patch_words(const struct config_patch *p);

void config_patch_free(struct config_patch *p);

/* a and b are the same configuration byte for byte, arrays by content. */
int config_patch_same(const struct model_config *a, const struct model_config *b);

#endif
