/* fullwidth.h - characters a Chinese input method types in full-width mode where the
 * files servlab reads need ASCII: the full-width forms of ASCII (U+FF01 to U+FF5E,
 * '＝' for '='), the ideographic space U+3000, and the Chinese enumeration comma '、'
 * and full stop '。'; and, where a header opens, the '【' a Chinese input method types
 * for '[' (fullwidth_bracket_at), and in a header with no ']' its '】'
 * (fullwidth_closing_bracket): '【】' elsewhere are text, as in "【促销】". Also what a copy from a web page or a
 * word processor brings: the minus sign and en dash that look like '-', the no-break space, and characters that
 * take no room (zero-width space, word joiner, a byte-order mark inside the text). Each is an error in a scenario file
 * (outside comments), a history file (outside its header) and a batch table (outside ids and file names), named with
 * its code and the half-width character to type instead (docs/contract.md, "Full-width characters"). Chinese characters
 * themselves are none of these. Knows nothing of the files: reader/scan.c, reader/history.c and cli/batch.c decide
 * where the check applies and how a message starts.
 */
#ifndef READER_FULLWIDTH_H
#define READER_FULLWIDTH_H

#include <stdbool.h>
#include <stddef.h>

struct fullwidth {
    unsigned code;      /* the character's code point, 0xFF1D for '＝' */
    char text[5];       /* the character as UTF-8 */
    char ascii;         /* what to type instead: '=' ('\0': nothing, delete it) */
    size_t offset;      /* its first byte, from the start of the text searched */
    int column;         /* its place in characters, 1-based, from the start of the text searched
                           (a tab, a Chinese character and a byte that is not UTF-8 count 1) */
    bool before_number; /* a digit follows it, after any blanks ("150；300": a list's separator) */
    bool before_target; /* a comparison follows it, '>', '<', '≥' or '≤' (full-width or not), later in the
                           text ("98%；on_time_rate >= 95%": a separator between [contract] targets) */
};

/* Find the first such character in text (len bytes). Returns 1 and fills *hit, else 0. */
int fullwidth_find(const char *text, size_t len, struct fullwidth *hit);

/* The bytes hit's character takes in the text: 2 or 3. */
size_t fullwidth_bytes(const struct fullwidth *hit);

/* Is the character at text (len bytes left) '【', the bracket a Chinese input method types
 * for '['? Returns 1 and fills *hit (offset 0, at `column`), else 0. For the start of a
 * line, where a header opens. */
int fullwidth_bracket_at(const char *text, size_t len, int column, struct fullwidth *hit);

/* The first '】' in text (len bytes): what a Chinese input method types for ']', in a
 * header that has no ']'. Returns 1 and fills *hit (column from the start of text), else 0. */
int fullwidth_closing_bracket(const char *text, size_t len, struct fullwidth *hit);

/* The problem, in the user's language (lang/lang.h), for a message's end:
 * "full-width '＝' (U+FF1D); type '=' (switch the input method to half-width)". A '％'
 * is told to write a share as a decimal, unless percent_ok (the value may hold '%'), or
 * to write just the number where the value is no share (days, units). A '；' before a
 * target, in a value that may hold '%' ([contract] targets), is told that targets are
 * separated with commas (docs/contract.md). */
void fullwidth_problem(const struct fullwidth *hit, bool percent_ok, bool share, char *buf, size_t n);

/* The problem for hit's character in a key's one number (folded: "0，8" -> "0,8") that is a
 * number written with a comma (value_comma_fixed: "0.8"): "full-width '，' (U+FF0C) in a
 * number; write 0.8", the number to write, where fullwidth_problem's "type ','" would
 * lead to a comma the reader refuses next. True when written: for a full-width form or
 * Chinese punctuation ('、'), not for a look-alike or an invisible character, whose
 * fullwidth_problem says better what it is. */
bool fullwidth_number_problem(const struct fullwidth *hit, const char *number, char *buf, size_t n);

/* fullwidth_problem for a cell of a CSV file (a history, a batch table), which has no
 * comments: a '；' is told to separate columns with a half-width ',' or ';', unless
 * list_ok and it stands between numbers ("150；300" in a cell of a key that takes a
 * list) or, with percent_ok, before a target. */
void fullwidth_cell_problem(const struct fullwidth *hit, bool percent_ok, bool share, bool list_ok, char *buf,
                            size_t n);

/* Copy text (NUL-terminated) into out (n bytes, n > 0), each such character replaced by
 * its ASCII one: what the text would say typed in half-width mode. */
void fullwidth_fold(const char *text, char *out, size_t n);

#endif
