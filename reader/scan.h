/* scan.h - a line-by-line check of a scenario file's text before inih parses it.
 *
 * inih mis-reads several mistakes silently (see docs/conventions.md): it cuts long lines and
 * reads the rest as a new line, truncates long names, takes an indented line as more
 * of the previous value, accepts ':' for '=', and hands duplicate keys over twice. The
 * scanner finds all of these first, with their line numbers, and lists the section
 * headers and key lines in file order so that each inih callback can be matched to
 * its line. When the scan reports no problem, inih's reading is unambiguous.
 * It also finds what a Chinese input method in full-width mode types for ASCII
 * (reader/fullwidth.h) everywhere but in comments and the path of [demand] history.
 */
#ifndef READER_SCAN_H
#define READER_SCAN_H

#include <stdbool.h>
#include <stddef.h>

enum {
    SCAN_NAME_MAX = 49,  /* longest section or key name inih keeps whole */
    SCAN_LINE_MAX = 196, /* longest line, in bytes, inih reads whole (CR LF and NUL fit) */
};

struct scan_entry {
    int line;
    int is_section;                  /* a [section] header, else a key = value line */
    char section[SCAN_NAME_MAX + 1]; /* the header's name, or the key's section */
    char key[SCAN_NAME_MAX + 1];     /* key lines only */
};

struct scan {
    struct scan_entry *entries;
    size_t n, cap;
    /* lines whose problem is theirs alone (a full-width character on a key line, a
       duplicate key): left out of entries, so that the rest of the file can still be
       read and its values checked with those lines taken as comments */
    int *skipped;
    size_t nskipped, skipped_cap;
    bool lines_only; /* every problem found is on such a line */
    /* lines longer than inih reads whole only for their comment: inih is to read the
       first `keep` bytes of each (scan_cut_comments); in line order */
    struct scan_cut {
        int line;
        size_t keep;
    } * cuts;
    size_t ncuts, cuts_cap;
};

/* Called once per problem, with the line it is on and, when the problem is one
 * character, its column (in characters, 1-based; else 0); section and key are "" when
 * the problem is not inside one. */
typedef void (*scan_report_fn)(void *ctx, int line, int column, const char *section, const char *key,
                               const char *problem);

/* The English section a section named in the course's Chinese stands for ("库存":
 * "inventory", "客户层次.关键": "tier.NAME"), or NULL (reader/scan.c says which names). */
const char *scan_chinese_section(const char *name);

/* Scan text (len bytes, a UTF-8 BOM already removed). Fills out (free it with
 * scan_fini) and returns the number of problems reported. */
size_t scan_text(const char *text, size_t len, struct scan *out, scan_report_fn report, void *ctx);

/* Drop the comments of s's cuts from text (len bytes, as scanned; modified in place),
 * keeping every line break, so line numbers stand. Returns the new length. */
size_t scan_cut_comments(const struct scan *s, char *text, size_t len);

/* Do texts a and b (na and nb bytes, a UTF-8 BOM allowed) read the same but for their
 * comments: the same lines, each the same before its comment (as the scanner cuts
 * comments), so that they give the same scenario on the same line numbers? */
bool scan_same_but_comments(const char *a, size_t na, const char *b, size_t nb);

/* Is text (n bytes) valid UTF-8? */
bool scan_is_utf8(const char *text, size_t n);

/* Could text (n bytes, not UTF-8) be GBK (GB2312, GB18030's two-byte part: what Windows
 * saves as 'ANSI' on a Chinese system)? Every byte past ASCII is a lead byte 0x81-0xFE
 * with a trail byte 0x40-0xFE after it (not 0x7F), or one of GB18030's four-byte
 * characters (0x81-0xFE, 0x30-0x39, 0x81-0xFE, 0x30-0x39); two pairs at least are in GB2312's
 * core (both bytes 0xA1-0xFE), which Latin-1 text ("crème") is not; and they outnumber
 * the text's UTF-8 characters more than twice, or those are fewer than its bytes that are
 * not UTF-8 (not a UTF-8 file with a stray byte). */
bool scan_gbk_like(const char *text, size_t n);

/* Is text (n bytes of UTF-8) what a Chinese table holds: outside ASCII only Chinese
 * characters, Chinese and full-width punctuation and the common symbols of GB2312? A file
 * read as GB18030 must decode so; Big5, EUC-KR or Latin-1 bytes decode to other scripts. */
bool scan_chinese_text(const char *text, size_t n);

/* Is text (n bytes of UTF-8) Korean: outside ASCII only Hangul (syllables and compatibility
 * jamo), and at least one syllable? GB18030 decodes a Korean file's Hangul (EUC-KR, CP949) to
 * Chinese characters; decoded as CP949, a Chinese file's characters are Hanja or Hangul. */
bool scan_korean_text(const char *text, size_t n);

/* Is text (n bytes of UTF-8) Japanese: outside ASCII only kana (full- or half-width),
 * ideographs and Japanese or full-width punctuation (not the half-width), and at least one
 * kana? GB18030 decodes
 * Shift-JIS half-width kana (one byte each, A1-DF) two by two to Chinese characters. */
bool scan_japanese_text(const char *text, size_t n);

/* The share of the Hangul syllables of text (n bytes of UTF-8) that are among the commonest
 * (reader/scan.c's table: nearly all of a Korean text's), or 0 when it has none. A file that
 * reads as Hangul only (scan_korean_text) and is not Korean reads mostly as rare ones. */
double scan_korean_common(const char *text, size_t n);

/* The share of the half-width kana of text (n bytes of UTF-8) that stand where Japanese puts
 * them: after the kana before them in the word (or first in it) as Japanese words have
 * them (reader/scan.c's table, and the pairs its spelling always allows: ｯ after any
 * syllable, ﾞ ﾟ after the kana that take them, ｰ after any), or 1 when it has none. Korean or Chinese text decoded as
 * CP932 makes one pair in three or so that Japanese has not. */
double scan_japanese_pairs(const char *text, size_t n);

void scan_fini(struct scan *s);

#endif
