/* fullwidth.c - finding full-width characters (fullwidth.h). */
#include "fullwidth.h"

#include "lang/lang.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

enum fullwidth_kind { FORM, SPACE, PUNCTUATION, BRACKET, LOOKALIKE, INVISIBLE };

/* The characters, by ranges of code points: the first's ASCII twin, the rest follow it. */
static const struct range {
    unsigned first, last;
    char ascii;
    enum fullwidth_kind kind;
} ranges[] = {
    {0xFF01, 0xFF5E, '!', FORM},        /* '！' ... '～': U+FF01 + i is ASCII 0x21 + i */
    {0x3000, 0x3000, ' ', SPACE},       /* the ideographic space */
    {0x3001, 0x3001, ',', PUNCTUATION}, /* '、', the enumeration comma */
    {0x3002, 0x3002, '.', PUNCTUATION}, /* '。', the full stop */
    /* what a Chinese input method types for '[' and ']': found only where a header
       opens (fullwidth_bracket_at) and in a header with no ']' (fullwidth_closing_bracket),
       since names and item ids may hold '【】' ("【促销】") */
    {0x3010, 0x3010, '[', BRACKET},
    {0x3011, 0x3011, ']', BRACKET},
    /* what a copy from a web page or a word processor brings along: look-alikes of
       '-' and invisible characters (to type: a space, or nothing) */
    {0x2212, 0x2212, '-', LOOKALIKE},  /* the minus sign */
    {0x2013, 0x2013, '-', LOOKALIKE},  /* the en dash */
    {0x00A0, 0x00A0, ' ', INVISIBLE},  /* the no-break space */
    {0x200B, 0x200D, '\0', INVISIBLE}, /* zero-width space, non-joiner, joiner */
    {0x2060, 0x2060, '\0', INVISIBLE}, /* the word joiner */
    {0xFEFF, 0xFEFF, '\0', INVISIBLE}, /* a byte-order mark inside the text */
};

/* The code point of the 2- or 3-byte UTF-8 sequence at p (n bytes left), or 0: every
 * character of the table takes 2 or 3 bytes (fullwidth_bytes). */
static unsigned three_byte(const unsigned char *p, size_t n)
{
    if (n >= 2 && (p[0] & 0xe0) == 0xc0 && (p[1] & 0xc0) == 0x80)
        return ((unsigned)(p[0] & 0x1f) << 6) | (unsigned)(p[1] & 0x3f);
    if (n < 3 || (p[0] & 0xf0) != 0xe0 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80) return 0;
    return ((unsigned)(p[0] & 0x0f) << 12) | ((unsigned)(p[1] & 0x3f) << 6) | (unsigned)(p[2] & 0x3f);
}

size_t fullwidth_bytes(const struct fullwidth *hit)
{
    return hit->code < 0x800 ? 2 : 3;
}

/* *hit for the character of range r with code `code` at text (offset and column as
 * fullwidth.h says). */
static void fill_hit(struct fullwidth *hit, const struct range *r, unsigned code, const char *text, size_t offset,
                     int column)
{
    memset(hit, 0, sizeof *hit);
    hit->code = code;
    memcpy(hit->text, text, code < 0x800 ? 2 : 3);
    hit->ascii = (char)(r->ascii + (int)(code - r->first));
    hit->offset = offset;
    hit->column = column;
}

static const struct range *range_of(unsigned code)
{
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (code >= ranges[i].first && code <= ranges[i].last) return &ranges[i];
    return NULL;
}

/* Bytes the character at p takes (at least 1, at most n): a lead byte's length when
 * its continuation bytes follow, else 1. */
static size_t char_len(const unsigned char *p, size_t n)
{
    size_t len = 1;
    if ((p[0] & 0xe0) == 0xc0)
        len = 2;
    else if ((p[0] & 0xf0) == 0xe0)
        len = 3;
    else if ((p[0] & 0xf8) == 0xf0)
        len = 4;
    if (len > n) return 1;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xc0) != 0x80) return 1;
    return len;
}

/* The first character of text (len bytes) whose range `wanted` accepts: 1 and *hit, else 0. */
static int find_first(const char *text, size_t len, bool (*wanted)(const struct range *), struct fullwidth *hit)
{
    const unsigned char *p = (const unsigned char *)text;
    int column = 1;
    for (size_t i = 0; i < len; column++) {
        unsigned code = three_byte(p + i, len - i);
        const struct range *r = code ? range_of(code) : NULL;
        if (r && wanted(r)) {
            fill_hit(hit, r, code, text + i, i, column);
            size_t next = i + fullwidth_bytes(hit);
            while (next < len && (p[next] == ' ' || p[next] == '\t')) next++;
            unsigned after = next < len ? three_byte(p + next, len - next) : 0;
            hit->before_number =
                next < len && ((p[next] >= '0' && p[next] <= '9') || (after >= 0xFF10 && after <= 0xFF19));
            hit->before_target = false;
            for (size_t k = next; k < len && !hit->before_target; k++) {
                unsigned c = three_byte(p + k, len - k);
                hit->before_target =
                    p[k] == '>' || p[k] == '<' || c == 0x2265 || c == 0x2264 || c == 0xFF1E || c == 0xFF1C;
            }
            return 1;
        }
        i += char_len(p + i, len - i);
    }
    return 0;
}

/* Every character of the table but the brackets, which are text outside a header. */
static bool not_bracket(const struct range *r)
{
    return r->kind != BRACKET;
}

static bool closing_bracket(const struct range *r)
{
    return r->kind == BRACKET && r->ascii == ']';
}

int fullwidth_find(const char *text, size_t len, struct fullwidth *hit)
{
    return find_first(text, len, not_bracket, hit);
}

void fullwidth_problem(const struct fullwidth *hit, bool percent_ok, bool share, char *buf, size_t n)
{
    const struct range *r = range_of(hit->code);
    if (r && r->kind == LOOKALIKE) {
        /* TRANSLATORS: %s is a character such as '−' (the minus sign), %04X its code, %c the ASCII '-' */
        snprintf(buf, n,
                 _("'%s' (U+%04X) looks like '%c' but is another character (copied from a document?); type '%c'"),
                 hit->text, hit->code, hit->ascii, hit->ascii);
    } else if (r && r->kind == INVISIBLE && hit->ascii) {
        /* TRANSLATORS: %04X is the code of the no-break space */
        snprintf(buf, n, _("a no-break space (U+%04X), copied from a web page or a document; type a plain space"),
                 hit->code);
    } else if (r && r->kind == INVISIBLE) {
        /* TRANSLATORS: %04X is the code of a character that takes no room on screen */
        snprintf(buf, n, _("an invisible character (U+%04X), copied from a web page or a document; delete it"),
                 hit->code);
    } else if (r && r->kind == SPACE) {
        /* TRANSLATORS: %s is the character itself (a wide blank), %04X its code, %c a space */
        snprintf(buf, n, _("full-width space '%s' (U+%04X); type a space '%c' (switch the input method to half-width)"),
                 hit->text, hit->code, hit->ascii);
    } else if (r && (r->kind == PUNCTUATION || r->kind == BRACKET)) {
        /* TRANSLATORS: %s is '、', '。', '【' or '】', %04X its code, %c the ASCII ',', '.', '[' or ']' to type */
        snprintf(buf, n, _("Chinese punctuation '%s' (U+%04X); type '%c' (switch the input method to half-width)"),
                 hit->text, hit->code, hit->ascii);
    } else if (hit->code == 0xFF05 && !percent_ok && !share) { /* '３％' in a key of days or units */
        /* TRANSLATORS: %s is '％', %04X its code */
        snprintf(buf, n, _("full-width '%s' (U+%04X); write just the number, with no percent sign"), hit->text,
                 hit->code);
    } else if (hit->code == 0xFF05 &&
               !percent_ok) { /* '％': the half-width '%' is refused next, so say what to write */
        /* TRANSLATORS: %s is '％', %04X its code */
        snprintf(buf, n, _("full-width '%s' (U+%04X); write a share as a decimal, with no percent sign: 0.95 for 95%%"),
                 hit->text, hit->code);
    } else if (hit->code == 0xFF1B && hit->before_number) { /* "150；300": a list's separator */
        /* TRANSLATORS: %s is '；', %04X its code; a list of values ("150；300；450") is
           written with half-width commas */
        snprintf(buf, n, _("full-width '%s' (U+%04X) between numbers; separate a list's values with a half-width ','"),
                 hit->text, hit->code);
    } else if (hit->code == 0xFF1B && percent_ok && hit->before_target) { /* "98%；on_time_rate >= 95%" */
        /* TRANSLATORS: %s is '；', %04X its code; [contract] targets are separated with
           half-width commas (docs/contract.md). The example is in parentheses, which a
           wrapped line parts last (lang/lang.h): its comma is not a clause's end */
        snprintf(buf, n,
                 _("full-width '%s' (U+%04X) between targets; separate targets with a half-width ',' (as in "
                   "fill_rate >= 98%%, on_time_rate >= 95%%)"),
                 hit->text, hit->code);
    } else if (hit->code == 0xFF1B) { /* '；': a comment after a value needs the blank too */
        /* TRANSLATORS: %s is '；', %04X its code */
        snprintf(buf, n,
                 _("full-width '%s' (U+%04X); a comment after a value starts with a space and a half-width "
                   "';': ' ; comment'"),
                 hit->text, hit->code);
    } else {
        /* TRANSLATORS: %s is a full-width character such as '＝', %04X its code, %c the ASCII one to type */
        snprintf(buf, n, _("full-width '%s' (U+%04X); type '%c' (switch the input method to half-width)"), hit->text,
                 hit->code, hit->ascii);
    }
}

bool fullwidth_number_problem(const struct fullwidth *hit, const char *number, char *buf, size_t n)
{
    const struct range *r = range_of(hit->code);
    if (!r || (r->kind != FORM && r->kind != PUNCTUATION)) return false; /* a look-alike minus: its own message */
    if (r->kind == PUNCTUATION)
        /* TRANSLATORS: %s is '、' or '。', %04X its code, then the number to write, with a dot
           as its decimal mark ("0.8") */
        snprintf(buf, n, _("Chinese punctuation '%s' (U+%04X) in a number; write %s"), hit->text, hit->code, number);
    else
        /* TRANSLATORS: %s is a full-width character such as '，', %04X its code, then the number
           to write, with a dot as its decimal mark ("0.8") */
        snprintf(buf, n, _("full-width '%s' (U+%04X) in a number; write %s"), hit->text, hit->code, number);
    return true;
}

void fullwidth_cell_problem(const struct fullwidth *hit, bool percent_ok, bool share, bool list_ok, char *buf, size_t n)
{
    if (hit->code == 0xFF1B && !(list_ok && (hit->before_number || (percent_ok && hit->before_target)))) {
        /* TRANSLATORS: %s is '；', %04X its code; a CSV file has no comments */
        snprintf(buf, n, _("full-width semicolon '%s' (U+%04X); separate columns with a half-width ',' or ';'"),
                 hit->text, hit->code);
        return;
    }
    fullwidth_problem(hit, percent_ok, share, buf, n);
}

int fullwidth_bracket_at(const char *text, size_t len, int column, struct fullwidth *hit)
{
    unsigned code = three_byte((const unsigned char *)text, len);
    const struct range *r = code ? range_of(code) : NULL;
    if (!r || r->kind != BRACKET || r->ascii != '[') return 0;
    fill_hit(hit, r, code, text, 0, column);
    return 1;
}

int fullwidth_closing_bracket(const char *text, size_t len, struct fullwidth *hit)
{
    return find_first(text, len, closing_bracket, hit);
}

void fullwidth_fold(const char *text, char *out, size_t n)
{
    size_t len = strlen(text), used = 0;
    struct fullwidth hit;
    while (len && fullwidth_find(text, len, &hit)) {
        size_t keep = hit.offset < n - 1 - used ? hit.offset : n - 1 - used;
        memcpy(out + used, text, keep);
        used += keep;
        if (used < n - 1 && hit.ascii) out[used++] = hit.ascii;
        text += hit.offset + fullwidth_bytes(&hit), len -= hit.offset + fullwidth_bytes(&hit);
    }
    size_t keep = len < n - 1 - used ? len : n - 1 - used;
    memcpy(out + used, text, keep);
    out[used + keep] = '\0';
}
