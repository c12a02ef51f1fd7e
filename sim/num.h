/* num.h - locale-independent number text: the shortest decimal that reads back as the
 * same double. Used wherever servlab writes a number that may be read again. */
#ifndef SIM_NUM_H
#define SIM_NUM_H

#include <stddef.h>

/* Write x into buf (size n) as the shortest of %.15g..%.17g that round-trips, with a
 * dot as the decimal mark. Returns buf. Non-finite x are written as "nan"/"inf". */
char *num_format(double x, char *buf, size_t n);

#endif
