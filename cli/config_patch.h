/* config_patch.h - one configuration as the words in which it differs from another.
 *
 * A sweep's points differ from each other in one lever and what it sets (a reorder
 * point, an interarrival distribution); the rest of the configuration is the same. A
 * sweep therefore keeps one reference configuration and, per point, a patch: the
 * 8-byte words of struct model_config that differ, with their offsets. A job copies
 * the reference and applies its point's patch, so memory grows with the points by a
 * few words each, not by a whole configuration.
 *
 * Exact by construction: the patched copy has every byte of the point's configuration.
 * It relies on struct model_config holding no pointer the point owns (its pointers
 * are to const tables and to a history the reader keeps for the life of the process,
 * models/config.h), which is what lets two configurations be compared word by word.
 */
#ifndef CLI_CONFIG_PATCH_H
#define CLI_CONFIG_PATCH_H

#include "models/config.h"

#include <stddef.h>
#include <stdint.h>

struct config_patch {
    size_t n;       /* words that differ */
    size_t *at;     /* their indexes in the configuration, as an array of uint64_t */
    uint64_t *word; /* the point's value of each */
};

/* The patch that turns ref into c (both borrowed). Free it with config_patch_free. */
void config_patch_make(struct config_patch *p, const struct model_config *ref, const struct model_config *c);

/* Turn *c, a byte copy of the patch's reference, into the point. */
void config_patch_apply(const struct config_patch *p, struct model_config *c);

/* Byte copy of ref (padding included) into c, then the patch applied: the point. */
void config_patch_build(const struct config_patch *p, const struct model_config *ref, struct model_config *c);

void config_patch_free(struct config_patch *p);

#endif
