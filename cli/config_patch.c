/* config_patch.c - word-by-word differences between two configurations. */
#include "config_patch.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(struct model_config) % sizeof(uint64_t) == 0, "a configuration is whole words");
_Static_assert(sizeof(struct product_config) % sizeof(uint64_t) == 0 &&
                   sizeof(struct tier_config) % sizeof(uint64_t) == 0 &&
                   sizeof(struct channel_config) % sizeof(uint64_t) == 0 &&
                   sizeof(struct location_config) % sizeof(uint64_t) == 0 &&
                   sizeof(struct region_config) % sizeof(uint64_t) == 0,
               "each array element is whole words");

static uint64_t word_at(const void *block, size_t i)
{
    uint64_t w;
    memcpy(&w, (const unsigned char *)block + i * sizeof w, sizeof w);
    return w;
}

/* The words of c (nwords of them) that differ from ref's. */
static void diff_words(struct word_diff *d, const void *ref, const void *c, size_t nwords)
{
    *d = (struct word_diff){0};
    size_t cap = 0;
    for (size_t i = 0; i < nwords; i++) {
        uint64_t w = word_at(c, i);
        if (w == word_at(ref, i)) continue;
        if (d->n == cap) {
            cap = cap ? 2 * cap : 8;
            d->at = realloc(d->at, cap * sizeof *d->at);
            d->word = realloc(d->word, cap * sizeof *d->word);
            if (!d->at || !d->word) abort();
        }
        d->at[d->n] = i;
        d->word[d->n++] = w;
    }
}

static void apply_words(const struct word_diff *d, void *block)
{
    for (size_t k = 0; k < d->n; k++)
        memcpy((unsigned char *)block + d->at[k] * sizeof d->word[k], &d->word[k], sizeof d->word[k]);
}

/* c's top-level struct without its arrays (addresses and lengths zeroed): what is
 * compared word by word there. */
static struct model_config without_arrays(const struct model_config *c)
{
    struct model_config top;
    memcpy(&top, c, sizeof top);
    model_config_detach(&top);
    return top;
}

void config_patch_make(struct config_patch *p, const struct model_config *ref, const struct model_config *c)
{
    *p = (struct config_patch){0};
    struct model_config ref_top = without_arrays(ref), c_top = without_arrays(c);
    diff_words(&p->top, &ref_top, &c_top, sizeof c_top / sizeof(uint64_t));
    for (int a = 0; a < CONFIG_ARRAYS; a++) {
        struct config_array_view r = model_config_array(ref, (enum config_array)a),
                                 v = model_config_array(c, (enum config_array)a);
        p->length[a] = v.n;
        if (v.n == r.n) {
            diff_words(&p->arrays[a], r.data, v.data, v.n * v.size / sizeof(uint64_t));
        } else if (v.n) {
            p->whole[a] = malloc(v.n * v.size);
            if (!p->whole[a]) abort();
            memcpy(p->whole[a], v.data, v.n * v.size);
            p->whole_words += v.n * v.size / sizeof(uint64_t);
        }
    }
}

void config_patch_build(const struct config_patch *p, const struct model_config *ref, struct model_config *c)
{
    model_config_copy(c, ref);
    apply_words(&p->top, c); /* never an array's address or length: zeroed on both sides */
    for (int a = 0; a < CONFIG_ARRAYS; a++) {
        struct config_array_view v = model_config_array(c, (enum config_array)a);
        if (p->length[a] != v.n) {
            model_config_resize(c, (enum config_array)a, p->length[a]);
            v = model_config_array(c, (enum config_array)a);
            if (v.n) memcpy(v.data, p->whole[a], v.n * v.size);
        } else {
            apply_words(&p->arrays[a], v.data);
        }
    }
}

size_t config_patch_words(const struct config_patch *p)
{
    size_t n = p->top.n;
    for (int a = 0; a < CONFIG_ARRAYS; a++) n += p->arrays[a].n;
    return n + p->whole_words;
}

static void free_words(struct word_diff *d)
{
    free(d->at);
    free(d->word);
    *d = (struct word_diff){0};
}

void config_patch_free(struct config_patch *p)
{
    free_words(&p->top);
    for (int a = 0; a < CONFIG_ARRAYS; a++) {
        free_words(&p->arrays[a]);
        free(p->whole[a]);
    }
    *p = (struct config_patch){0};
}

int config_patch_same(const struct model_config *a, const struct model_config *b)
{
    struct model_config a_top = without_arrays(a), b_top = without_arrays(b);
    if (memcmp(&a_top, &b_top, sizeof a_top) != 0) return 0;
    for (int k = 0; k < CONFIG_ARRAYS; k++) {
        struct config_array_view x = model_config_array(a, (enum config_array)k),
                                 y = model_config_array(b, (enum config_array)k);
        if (x.n != y.n || (x.n && memcmp(x.data, y.data, x.n * x.size) != 0)) return 0;
    }
    return 1;
}
