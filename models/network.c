/* network.c - see network.h. */
#include "network.h"

int network_nearest_open(const struct model_config *c, int from, const bool *open)
{
    const double *days = c->locations[from].transfer_days;
    int best = -1;
    for (int j = 0; j < (int)c->nlocations; j++)
        if (open[j] && (best < 0 || days[j] < days[best])) best = j;
    return best;
}

unsigned network_open_at(const struct network_config *nw, double t)
{
    unsigned n = nw->open_count[0];
    for (size_t k = 1; k < nw->nchanges && nw->change_days[k] <= t; k++) n = nw->open_count[k];
    return n;
}
