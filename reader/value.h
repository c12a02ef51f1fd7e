/* value.h - reading the value of a scenario key: numbers and distributions.
 * Problems come back as text for the message "file:line: [section] key: PROBLEM",
 * with a hint when the mistake is a common one (a comma as decimal mark, a letter O
 * for a zero, a percent sign, a unit after the number, a '#' comment). */
#ifndef READER_VALUE_H
#define READER_VALUE_H

#include "sim/dist.h"

#include <stdbool.h>
#include <stddef.h>

/* A finite decimal number. Returns 0, or -1 with the problem in err. */
int value_number(const char *text, double *out, char *err, size_t errlen);

/* The hint value_number adds to its problem for a number with a unit after it ("3 days",
 * "3天"): " (write just the number: the unit is in the key's name)", translated. For
 * callers whose numbers are not a key's (a CSV cell, --require), to find and replace. */
const char *value_unit_hint(void);

/* The hint value_number adds to its problem for a word where a number goes ("high",
 * "高", "三"): " (write the number in digits)", translated. The reader puts the key's own
 * range in its place (reader/scenario.c). */
const char *value_word_hint(void);

/* "97.5%" (also "+97.5%", "-5%", "97.5 %" or "9.75e1%"), a share written as a percentage:
 * into out (n bytes) the decimal it means, "0.975", its digits moved two places so that
 * nothing is rounded (it reads as the decimal written out would); with an exponent, the
 * digits as written and the exponent two less ("9.75e-1"). False, out untouched, for any
 * other text, and for an exponent past what a double holds ("1e400%": value_number then
 * says it is too large, quoting it as written). The one reading of a percentage for
 * share keys, sweep and optimise bounds, batch cells and --require: text trimmed, then
 * sim/num.h's num_percent_share, which [contract] targets read too. */
bool value_percent_share(const char *text, char *out, size_t n);
/* Bytes enough for out, whatever text the reader takes as a value. */
enum { VALUE_PERCENT_SHARE_MAX = 184 };

/* The number text means with a comma for its decimal mark or between groups of thousands
 * ("0,8": "0.8"; "1,200": "1200"; "1.000,5": "1000.5"), as value_number's hint writes it
 * back, into out (n bytes); false for any other text (one with no comma, or a list of
 * numbers, "150,300"). For a full-width '，' in a number (reader/fullwidth.h): the number
 * to write, not the ',' the character stands for. */
bool value_comma_fixed(const char *text, char *out, size_t n);

/* The hint after "must be at most 1, got 98" for a share written as a percentage without
 * its sign (1 < x <= 100): " (write a share as 0.98 or 98%)" into buf (n bytes), or a
 * hint without the number below 2 (1.5 is hardly meant as 1.5%); else "". */
const char *value_share_hint(double x, char *buf, size_t n);

/* A distribution in the syntax of docs/contract.md §2 ("3", "exponential(2)", "discrete(1:0.5,
 * 2:0.5)"), with its parameters validated. Returns 0, or -1 with the problem.
 * A discrete one points at a table this module keeps for the whole process, one per
 * distinct content, so equal distributions are equal bit for bit and copies of
 * configurations may share tables. Safe to call from several threads. */
int value_dist(const char *text, struct dist *out, char *err, size_t errlen);

/* value_dist for a key whose draws are rounded to whole numbers (lines_per_order,
 * KEY_DRAWS_ROUNDED in reader/keys.h): the same, but a range of whole numbers written as a
 * number ("1-3", "1~3") is answered with discrete(1:1, 2:1, 3:1), which gives each whole
 * number as often, where value_dist answers uniform(1, 3), which rounded would not. Only
 * for a range within min to max, the key's bounds on its draws: a range that begins below
 * min is answered from min, and one that goes above max is told the bound, with no
 * uniform() that the key would refuse. */
int value_dist_rounded(const char *text, double min, double max, struct dist *out, char *err, size_t errlen);

/* value_dist for a key with bounds on its draws: each at least min, and each at most max
 * where draws_at_most (supply_yield, a share), else the mean at most max. A range written
 * as a number ("0.8-1.2") that goes past max is told that bound, not a uniform() that the
 * key would refuse; one within them is answered uniform(), as value_dist answers. Where
 * share (its draws are shares, which it takes as decimals only), a pair written as
 * percentages is read as the shares they are ("90%-100%": uniform(0.9, 1)), a percentage
 * past its bounds is told them ("150%"), and no hint offers it a '%'. */
int value_dist_within(const char *text, double min, double max, bool draws_at_most, bool share, struct dist *out,
                      char *err, size_t errlen);

/* Free every table value_dist has made. Only for fuzz harnesses, which read millions of
 * values in one process, and only when no distribution that value_dist returned is in use. */
void value_forget_tables(void);

#endif
