/* network.h - which stocking location serves whom: the plain rules over a scenario's
 * locations (models/config.h), shared by the model and the scenario reader. (network.c
 * also holds the model's own location logic, declared in models/model_internal.h.)
 *
 * Distances are the transfer times between locations: "nearest" means the fewest
 * transfer days, the lower index (file order) on a tie. */
#ifndef MODELS_NETWORK_H
#define MODELS_NETWORK_H

#include "config.h"

#include <stdbool.h>

/* The open location nearest to location `from` (itself if open), or -1 if none is. */
int network_nearest_open(const struct model_config *c, int from, const bool *open);

/* The location that replenishes location `l` ([location.NAME] replenished_from), or -1
 * for the outside supplier. */
static inline int location_upstream(const struct model_config *c, size_t l)
{
    return c->locations[l].replenished_from - 1;
}

/* Does some location take its replenishments from location `l`? */
bool location_supplies(const struct model_config *c, size_t l);

/* Do customers buy from location `l`: does some region call it home, or does it supply
 * no other location (in a network without echelons every location serves customers,
 * its own or those sent on to it)? A location that only replenishes others does not. */
bool location_faces_customers(const struct model_config *c, size_t l);

/* How many locations are open at time t (the first ones in file order). */
unsigned network_open_at(const struct network_config *nw, double t);

#endif
