/* num.h - locale-independent number text: the shortest decimal that reads back as the
 * same double, used wherever servlab writes a number that may be read again; fixed
 * decimals for tables, without a "-0.00"; rounded figures for messages; and a share
 * written as a percentage, read without rounding. */
#ifndef SIM_NUM_H
#define SIM_NUM_H

#include <stdbool.h>
#include <stddef.h>

/* Write x into buf (size n) as the shortest of %.15g..%.17g that round-trips, with a
 * dot as the decimal mark. Returns buf. Non-finite x are written as "nan"/"inf". */
char *num_format(double x, char *buf, size_t n);

/* Write x into buf (size n) with `decimals` decimals (printf's %.*f), without the sign
 * of a value that rounds to zero: -0.001 at 2 decimals is "0.00", not "-0.00" (which a
 * reader takes for a real, if small, loss). Returns buf. */
char *num_fixed(double x, int decimals, char *buf, size_t n);

/* Write x into buf (size n) rounded to `digits` significant digits, in plain decimals,
 * never an exponent: 3944.2 at 3 digits is "3940", 0.012345 is "0.0123", 8123.4 is
 * "8120" (where %.3g writes 3.94e+03), with no trailing zeros (1.50 is "1.5"). For a
 * size or a count quoted "about". Beyond
 * 1e15, below 1e-9 in size, or not finite, it falls back to %.*g. Returns buf. */
char *num_about(double x, int digits, char *buf, size_t n);

/* x as num_format writes it where that has no exponent; else the fewest significant
 * digits that read back as x, in plain decimals (num_about): -0.00001, not -1e-05. For a
 * value a student typed, quoted back in a message. Beyond num_about's plain range (1e15,
 * a billionth) the exponent stays. Returns buf. */
char *num_plain(double x, char *buf, size_t n);

/* A value servlab worked out (a reorder point from a service target), to be read, not
 * typed back: 4 significant digits, but never fewer than its whole part's (515.4166 is
 * "515.4", 12345.6 is "12346"). Returns buf. */
char *num_derived(double x, char *buf, size_t n);

/* A large count for a message, rounded to `digits` significant digits in the words of the
 * language chosen (lang/lang.h): 3.6e11 is "360 billion" in English and "3600 亿" in
 * Chinese, 9e6 is "9 million" and "900 万"; below the first word (a million, 万) it is
 * num_about's plain number. In Chinese the count is always followed by its measure word,
 * which joins 万 with no space but is spaced from digits ("1000 万个订单", "40 个订单"),
 * so a plain number there ends in that space ("40 ") and the Chinese messages write
 * "%s个订单". Returns buf. */
char *num_count(double x, int digits, char *buf, size_t n);

/* "97.5%" (also "+97.5%", "-5%", "97.5 %" or "9.75e1%"; no blanks around it), a share
 * written as a percentage: into out (n bytes) the decimal it means, "0.975", its digits
 * moved two places so that nothing is rounded (it reads as the decimal written out would:
 * 99.9% is 0.999, where 99.9 / 100 is a hair above it); with an exponent, the digits as
 * written and the exponent two less ("9.75e-1"). False, out untouched, for any other text
 * (".5%", "5.%", "0x1p3%"), for one of NUM_PERCENT_TEXT_MAX bytes or more, and for an
 * exponent past what a double holds ("1e400%"). The one reading of a percentage: the
 * reader's (reader/value.h's value_percent_share, for share keys, lever bounds, batch
 * cells and --require) and [contract] targets' (models/contract.c). */
bool num_percent_share(const char *s, char *out, size_t n);
/* The longest text num_percent_share reads, and bytes enough for out whatever it reads. */
enum { NUM_PERCENT_TEXT_MAX = 160, NUM_PERCENT_SHARE_MAX = NUM_PERCENT_TEXT_MAX + 24 };

#endif
