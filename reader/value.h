/* value.h - reading the value of a scenario key: numbers and distributions.
 * Problems come back as text for the message "file:line: [section] key: PROBLEM",
 * with a hint when the mistake is a common one (a comma as decimal mark, a letter O
 * for a zero, a percent sign, a unit after the number, a '#' comment). */
#ifndef READER_VALUE_H
#define READER_VALUE_H

#include "sim/dist.h"

#include <stddef.h>

/* A finite decimal number. Returns 0, or -1 with the problem in err. */
int value_number(const char *text, double *out, char *err, size_t errlen);

/* A distribution in the syntax of docs/contract.md §2 ("3", "exponential(2)", "discrete(1:0.5,
 * 2:0.5)"), with its parameters validated. Returns 0, or -1 with the problem.
 * A discrete one points at a table this module keeps for the whole process, one per
 * distinct content, so equal distributions are equal bit for bit and copies of
 * configurations may share tables. Safe to call from several threads. */
int value_dist(const char *text, struct dist *out, char *err, size_t errlen);

/* Free every table value_dist has made. Only for fuzz harnesses, which read millions of
 * values in one process, and only when no distribution that value_dist returned is in use. */
void value_forget_tables(void);

#endif
