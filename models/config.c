/* config.c - the owned arrays of a model configuration: growing, copying, releasing.
 * One table says where each array and its count live, so every operation treats the
 * five alike (models/config.h). */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct array_place {
    size_t data_at, count_at, size; /* offsets in struct model_config; element size */
};

#define PLACE(array, count)                                                                                            \
    {                                                                                                                  \
        offsetof(struct model_config, array), offsetof(struct model_config, count),                                    \
            sizeof(*((struct model_config *)0)->array)                                                                 \
    }

/* clang-format off */
static const struct array_place places[CONFIG_ARRAYS] = {
    [CONFIG_PRODUCTS]  = PLACE(products, nproducts),
    [CONFIG_TIERS]     = PLACE(tiers, ntiers),
    [CONFIG_CHANNELS]  = PLACE(channels, nchannels),
    [CONFIG_LOCATIONS] = PLACE(locations, nlocations),
    [CONFIG_REGIONS]   = PLACE(regions, nregions),
};
/* clang-format on */

static void **data_of(const struct model_config *c, enum config_array a)
{
    return (void **)((char *)c + places[a].data_at);
}

static size_t *count_of(const struct model_config *c, enum config_array a)
{
    return (size_t *)((char *)c + places[a].count_at);
}

struct config_array_view model_config_array(const struct model_config *c, enum config_array a)
{
    return (struct config_array_view){.data = *data_of(c, a), .n = *count_of(c, a), .size = places[a].size};
}

void model_config_resize(struct model_config *c, enum config_array a, size_t n)
{
    void **data = data_of(c, a);
    size_t *count = count_of(c, a), size = places[a].size;
    if (n == 0) {
        free(*data);
        *data = NULL;
    } else {
        char *grown = realloc(*data, n * size);
        if (!grown) abort();
        if (n > *count) memset(grown + *count * size, 0, (n - *count) * size);
        *data = grown;
    }
    *count = n;
}

void model_config_copy(struct model_config *dst, const struct model_config *src)
{
    memcpy(dst, src, sizeof *dst); /* bytes, padding included: a copy compares equal word by word */
    for (int a = 0; a < CONFIG_ARRAYS; a++) {
        struct config_array_view v = model_config_array(src, (enum config_array)a);
        void *copy = NULL;
        if (v.n) {
            copy = malloc(v.n * v.size);
            if (!copy) abort();
            memcpy(copy, v.data, v.n * v.size);
        }
        *data_of(dst, (enum config_array)a) = copy;
    }
}

void model_config_detach(struct model_config *c)
{
    for (int a = 0; a < CONFIG_ARRAYS; a++) {
        *data_of(c, (enum config_array)a) = NULL;
        *count_of(c, (enum config_array)a) = 0;
    }
}

void model_config_fini(struct model_config *c)
{
    for (int a = 0; a < CONFIG_ARRAYS; a++) model_config_resize(c, (enum config_array)a, 0);
}
