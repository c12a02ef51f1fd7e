/* config_patch.c - word-by-word differences between two configurations. */
#include "config_patch.h"

#include <stdlib.h>
#include <string.h>

enum { WORDS = sizeof(struct model_config) / sizeof(uint64_t) };
_Static_assert(sizeof(struct model_config) % sizeof(uint64_t) == 0, "a configuration is whole words");

static uint64_t word_at(const struct model_config *c, size_t i)
{
    uint64_t w;
    memcpy(&w, (const unsigned char *)c + i * sizeof w, sizeof w);
    return w;
}

void config_patch_make(struct config_patch *p, const struct model_config *ref, const struct model_config *c)
{
    *p = (struct config_patch){0};
    size_t cap = 0;
    for (size_t i = 0; i < WORDS; i++) {
        uint64_t w = word_at(c, i);
        if (w == word_at(ref, i)) continue;
        if (p->n == cap) {
            cap = cap ? 2 * cap : 8;
            p->at = realloc(p->at, cap * sizeof *p->at);
            p->word = realloc(p->word, cap * sizeof *p->word);
            if (!p->at || !p->word) abort();
        }
        p->at[p->n] = i;
        p->word[p->n++] = w;
    }
}

void config_patch_apply(const struct config_patch *p, struct model_config *c)
{
    for (size_t k = 0; k < p->n; k++)
        memcpy((unsigned char *)c + p->at[k] * sizeof p->word[k], &p->word[k], sizeof p->word[k]);
}

void config_patch_build(const struct config_patch *p, const struct model_config *ref, struct model_config *c)
{
    memcpy(c, ref, sizeof *c);
    config_patch_apply(p, c);
}

void config_patch_free(struct config_patch *p)
{
    free(p->at);
    free(p->word);
    *p = (struct config_patch){0};
}
