/* value.c - strict number and distribution parsing. strtod alone would accept "inf",
 * "nan", "0x1p3" and "1e999", and stop silently at "12O"; everything here is checked. */
#include "value.h"
#include "lang/lang.h"
#include "sim/num.h"
#include "suggest.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TOKEN_MAX = 160 };

/* Copy text without surrounding blanks into buf (size n). Returns 0, or -1 when it
 * does not fit (buf then holds as much as fits): a value is never silently cut, since
 * "0000...0030" cut short reads as 0. */
static int trim_into(const char *text, size_t len, char *buf, size_t n)
{
    while (len && isspace((unsigned char)*text)) text++, len--;
    while (len && isspace((unsigned char)text[len - 1])) len--;
    int fits = len < n;
    if (!fits) len = n - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    return fits ? 0 : -1;
}

/* What a too-long token was meant to be: each gets its own whole message. */
enum token_kind { TOKEN_NUMBER, TOKEN_DIST, TOKEN_PARAM };

static int too_long(const char *text, enum token_kind what, size_t max, char *err, size_t errlen)
{
    char s[21]; /* the first 20 bytes, as the messages quote it, never half a character */
    snprintf(s, sizeof s, "%.20s", text);
    lang_tidy_cut(s);
    if (what == TOKEN_NUMBER)
        snprintf(err, errlen, _("'%.20s...' is too long for a number (at most %zu characters)"), s, max);
    else if (what == TOKEN_DIST)
        snprintf(err, errlen, _("'%.20s...' is too long for a distribution (at most %zu characters)"), s, max);
    else
        snprintf(err, errlen, _("'%.20s...' is too long for a parameter (at most %zu characters)"), s, max);
    return -1;
}

/* True if s reads as a number once every `from` letter is replaced by `to` ("12O"). */
static int number_if_swapped(const char *s, const char *from, char to)
{
    char t[TOKEN_MAX];
    int swapped = 0;
    size_t i = 0;
    for (; s[i] && i + 1 < sizeof t; i++) {
        t[i] = s[i];
        if (strchr(from, s[i])) {
            t[i] = to;
            swapped = 1;
        }
        if (!isdigit((unsigned char)t[i]) && !strchr("+-.eE", t[i])) return 0;
    }
    t[i] = '\0';
    char *end;
    strtod(t, &end);
    return swapped && end != t && !*end;
}

/* Is s digits grouped in threes by `sep` ("1,000", "12.345.678"; the first group of one
 * to three digits, not "0": "0,015" is a decimal comma), then nothing ('\0') or the other
 * mark and digits ("12,500.5" returns '.', "1.000,5" ','); -1 if not. */
static int grouped_by(const char *s, char sep)
{
    const char *p = s + (*s == '+' || *s == '-');
    size_t lead = strspn(p, "0123456789");
    if (lead == 0 || lead > 3 || p[0] == '0' || p[lead] != sep) return -1;
    for (p += lead; *p == sep && strspn(p + 1, "0123456789") == 3; p += 4) {}
    char other = sep == '.' ? ',' : '.';
    if (*p == '\0') return '\0';
    if (*p == other && strspn(p + 1, "0123456789") == strlen(p + 1)) return other;
    return -1;
}

/* Is s a list of numbers ("0.5,0.7", "1, 2, 3", "1,2,3", "-1,-2")? Pieces between
 * commas (a last one may be empty: "0.5,") that are each a number, and one sign that
 * they are not one number with a decimal comma or grouped digits: a dot or exponent
 * in a piece, a blank beside a comma, a later piece with a sign, or three pieces or
 * more, one of them after the first not two or three digits ("1,00,000" and
 * "1,000,00" are digits grouped). "0,5" and "40,5" are decimal commas. */
static bool is_number_list(const char *s)
{
    bool list = false;
    size_t pieces = 0, odd_group = 0;
    for (const char *p = s;;) {
        size_t len = strcspn(p, ",");
        char piece[TOKEN_MAX];
        if (len >= sizeof piece || (len == 0 && (pieces == 0 || p[len]))) return false;
        if (len == 0) break; /* a trailing comma */
        memcpy(piece, p, len), piece[len] = '\0';
        const char *start = piece + strspn(piece, " \t");
        char *end;
        strtod(start, &end);
        if (end == start || end[strspn(end, " \t")] != '\0' ||
            strspn(start, "0123456789+-.eE") != (size_t)(end - start))
            return false;
        list |= strpbrk(piece, ".eE") != NULL || piece[0] == ' ' || piece[0] == '\t' || piece[len - 1] == ' ' ||
                piece[len - 1] == '\t' || (pieces > 0 && (*start == '-' || *start == '+'));
        size_t d = strspn(start, "0123456789");
        odd_group += pieces > 0 && (d != (size_t)(end - start) || d < 2 || d > 3);
        pieces++;
        if (!p[len]) break;
        p += len + 1;
    }
    return list || (pieces >= 3 && odd_group > 0);
}

/* Is s two plain numbers (digits with at most one dot, no sign) with one character of seps
 * between them and blanks allowed around it, as "1/20" or "1 - 3"? Then they go into a
 * and b. */
static bool number_pair(const char *s, const char *seps, double *a, double *b)
{
    const char *p = s;
    for (int i = 0;; i++) {
        size_t whole = strspn(p, "0123456789"), frac = 0;
        if (p[whole] == '.') frac = strspn(p + whole + 1, "0123456789");
        if (whole + frac == 0) return false;
        *(i ? b : a) = strtod(p, NULL);
        p += whole + (p[whole] == '.' ? 1 + frac : 0);
        if (i == 1) return *p == '\0';
        p += strspn(p, " \t");
        if (!*p || !strchr(seps, *p)) return false;
        p++;
        p += strspn(p, " \t");
    }
}

/* The length of s's first len bytes without a unit after the number: letters, Chinese,
 * blanks and '/' ("天", " days", "件/天"). */
static size_t without_unit(const char *s, size_t len)
{
    while (len > 0 && (isalpha((unsigned char)s[len - 1]) || (unsigned char)s[len - 1] >= 0x80 || s[len - 1] == ' ' ||
                       s[len - 1] == '\t' || s[len - 1] == '/'))
        len--;
    return len;
}

/* A range "3-5", "3~5", "3到5" or "3至5", low < high, perhaps with a unit after it ("3-5天",
 * "1-3 days"): its ends into *low and *high. */
static bool value_range(const char *s, double *low, double *high)
{
    char copy[80];
    size_t len = strlen(s), used = 0;
    if (len >= sizeof copy) return false;
    len = without_unit(s, len);
    for (size_t i = 0; i < len;) {
        if (strncmp(s + i, "到", strlen("到")) == 0 || strncmp(s + i, "至", strlen("至")) == 0) {
            copy[used++] = '-';
            i += strlen("到");
        } else
            copy[used++] = s[i++];
    }
    copy[used] = '\0';
    return number_pair(copy, "-~", low, high) && *low < *high;
}

/* A mean and a spread, "5±1.5", "5 +- 1.5" or "5+/-1.5", perhaps with a unit after it
 * ("5±1.5天"): the two numbers into *mean and *sd. */
static bool value_plus_minus(const char *s, double *mean, double *sd)
{
    static const char *const signs[] = {"±", "+/-", "+-"};
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
        const char *at = strstr(s, signs[i]);
        if (!at || at == s) continue;
        char copy[80];
        size_t len = strlen(s);
        if (len >= sizeof copy) return false;
        memcpy(copy, s, len + 1);
        memset(copy + (at - s), ' ', strlen(signs[i]));
        copy[at - s] = '~';
        copy[without_unit(copy, len)] = '\0'; /* "5 ~ 1.5天" read as the pair "5 ~ 1.5", as value_range reads */
        return number_pair(copy, "~", mean, sd);
    }
    return false;
}

/* s with every `drop` left out and `decimal` written as '.', into out (n bytes): "1,200"
 * without ',' is "1200"; "0,015" with ',' as the decimal mark is "0.015". Returns out. */
static const char *rewritten(const char *s, char drop, char decimal, char *out, size_t n)
{
    size_t k = 0;
    for (; *s && k + 1 < n; s++)
        if (*s != drop || !drop) out[k++] = decimal && *s == decimal ? '.' : *s;
    out[k] = '\0';
    return out;
}

/* "98" for "98%" or "98 %": the number before a closing percent sign, or NULL. */
static const char *percent_number(const char *s, char *buf, size_t n)
{
    const char *sign = strchr(s, '%');
    if (!sign || sign[1 + strspn(sign + 1, " \t")] != '\0') return NULL;
    size_t len = (size_t)(sign - s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    if (len == 0 || len >= n) return NULL;
    memcpy(buf, s, len), buf[len] = '\0';
    char *end;
    strtod(buf, &end);
    return *end == '\0' && strspn(buf, "0123456789+-.eE") == len ? buf : NULL;
}

/* The hint for a value with a '%' that is no percentage of one number ("90%-100%",
 * "95%±2%"), for a key that takes a number: read_dist puts another in its place for a
 * key that takes a distribution of shares, which takes no '%'. */
static const char *percent_hint(void)
{
    return _(" (write one number: a share as 0.95 or 95%, any other figure without '%')");
}

bool value_comma_fixed(const char *text, char *out, size_t n)
{
    char s[TOKEN_MAX];
    if (trim_into(text, strlen(text), s, sizeof s) != 0) return false;
    const char *comma = strchr(s, ',');
    /* as number_hint reads the same text, branch by branch, for the value it writes back */
    if (!comma || strlen(s) >= 40 || strspn(s, "0123456789+-.,") != strlen(s)) return false;
    for (const char *c = comma; c; c = strchr(c + 1, ',')) /* each between digits: "40，" ends a sentence */
        if (c == s || !isdigit((unsigned char)c[-1]) || !isdigit((unsigned char)c[1])) return false;
    char fixed[80];
    bool grouped = grouped_by(s, ',') != -1 || grouped_by(s, '.') == '\0';
    if (grouped_by(s, '.') == ',')
        rewritten(s, '.', ',', fixed, sizeof fixed);
    else if (!grouped && is_number_list(s)) /* "1,2,3": one number only, not 123 */
        return false;
    else if (grouped || strchr(comma + 1, ','))
        rewritten(s, grouped_by(s, '.') == '\0' ? '.' : ',', '\0', fixed, sizeof fixed);
    else
        rewritten(s, '\0', ',', fixed, sizeof fixed);
    double x;
    char err[200];
    if (value_number(fixed, &x, err, sizeof err) != 0) return false;
    snprintf(out, n, "%s", fixed);
    return true;
}

/* A hint for a value that is not a number, in parentheses after the message, or "".
 * Each hint is a whole message of its own, with its leading space; one that quotes the
 * value is written into buf (n bytes). */
static const char *number_hint(const char *s, char *buf, size_t n)
{
    int digits = 0;
    bool past_ascii = false, letter = false;
    for (const char *p = s; *p; p++) {
        digits += isdigit((unsigned char)*p) != 0;
        past_ascii |= (unsigned char)*p >= 0x80;
        letter |= isalpha((unsigned char)*p) != 0;
    }
    if (strchr(s, '#'))
        return _(" ('#' starts a comment only at the start of a line; after a value write ' ; comment')");
    if (strchr(s, ';')) return _(" (a comment after a value needs a space before the ';')");
    if (strchr(s, '(')) return _(" (a distribution is not allowed here; give one number)");
    char percent[40];
    if (percent_number(s, percent, sizeof percent)) {
        /* the decimal only where it reads plainly (num_about's range): 1e-3% is 0.00001, but a
           share of 1e-14 or 1e+298 helps no one (value_number refuses the overflowing ones) */
        double share = strtod(percent, NULL) / 100;
        if (share != 0 && (fabs(share) < 1e-9 || fabs(share) >= 1e15))
            return _(" (write just the number, without '%')");
        char decimal[40];
        /* TRANSLATORS: the share as a decimal, then the percentage as written: "0.98 for 98%" */
        snprintf(buf, n, _(" (write just the number, without '%%'; if it is a share, as a decimal: %s for %s%%)"),
                 num_about(share, 10, decimal, sizeof decimal), percent);
        return buf;
    }
    if (strchr(s, '%')) return percent_hint();
    const char *comma = strchr(s, ',');
    /* a number has one decimal mark at most: more commas, or dots between groups of three
       digits ("1.000,5", "1.000.000"), separate the groups; the hints write the student's
       own number as it should be ("1200, not 1,200") */
    char fixed[80];
    /* only a short value of digits and marks is written back: "3,5天" is not the number
       3.5天, and a longer one would be cut in fixed or buf, perhaps inside a character;
       those are given the hint's example */
    bool own = strlen(s) < 40 && strspn(s, "0123456789+-.,") == strlen(s);
    if (grouped_by(s, '.') == ',') {
        /* TRANSLATORS: the number as it should be, then as written: "1000.5, not 1.000,5" */
        snprintf(buf, n, _(" (write it with a dot as the decimal mark and no thousands separator: %s, not %s)"),
                 own ? rewritten(s, '.', ',', fixed, sizeof fixed) : "1000.5", own ? s : "1.000,5");
        return buf;
    }
    /* the Swiss thousands separator, an apostrophe, as typed or as a word processor
       curls it ("1'200", "1’200.50"): the same hint as the comma's */
    char swiss[80];
    if (strlen(s) < sizeof swiss && (strchr(s, '\'') || strstr(s, "\u2019"))) {
        size_t k = 0;
        for (const char *p = s; *p; p++) {
            if (strncmp(p, "\u2019", strlen("\u2019")) == 0)
                p += strlen("\u2019") - 1, swiss[k++] = '\'';
            else
                swiss[k++] = *p;
        }
        swiss[k] = '\0';
        int after = grouped_by(swiss, '\''); /* a dot after the groups: the decimal mark */
        if (after == '\0' || after == '.') {
            snprintf(buf, n, _(" (write it without thousands separators: %s, not %s)"),
                     rewritten(swiss, '\'', '\0', fixed, sizeof fixed), s);
            return buf;
        }
    }
    bool grouped = grouped_by(s, ',') != -1 || grouped_by(s, '.') == '\0';
    if (!grouped && digits && comma && is_number_list(s))
        return _(" (one number only; to try several values, use servlab sweep: [sweep] values, or --values)");
    if (grouped || (digits && comma && strchr(comma + 1, ','))) {
        /* TRANSLATORS: the number as it should be, then as written: "1200, not 1,200" */
        snprintf(buf, n, _(" (write it without thousands separators: %s, not %s)"),
                 own ? rewritten(s, grouped_by(s, '.') == '\0' ? '.' : ',', '\0', fixed, sizeof fixed) : "1000",
                 own ? s : "1,000");
        return buf;
    }
    if (digits && comma) {
        /* TRANSLATORS: the number as it should be, then as written: "0.015, not 0,015" */
        snprintf(buf, n, _(" (use a dot as the decimal mark: %s, not %s)"),
                 own ? rewritten(s, '\0', ',', fixed, sizeof fixed) : "0.5", own ? s : "0,5");
        return buf;
    }
    /* a share as a fraction ("1/3" for three equal tiers): 10 digits, so that the decimals
       still sum to 1 as the reader checks shares (within 1e-6) */
    double numerator, denominator;
    if (number_pair(s, "/", &numerator, &denominator) && denominator != 0) {
        char decimal[40];
        /* TRANSLATORS: the fraction as a decimal, then as written: " (write it as a decimal: 0.05 for 1/20)" */
        snprintf(buf, n, _(" (write it as a decimal: %s for %s)"),
                 num_about(numerator / denominator, 10, decimal, sizeof decimal), s);
        return buf;
    }
    double low, high;
    if (value_range(s, &low, &high)) return _(" (write one number, not a range)");
    if (value_plus_minus(s, &low, &high)) return _(" (write one number, without the spread after it)");
    const char *unsigned_part = s + (s[0] == '+' || s[0] == '-');
    if (unsigned_part[0] == '0' && (unsigned_part[1] == 'x' || unsigned_part[1] == 'X'))
        return _(" (write it in decimal; hexadecimal is not read)");
    if (digits && strspn(s, "0123456789+-.eE \t") == strlen(s) && strpbrk(s, " \t"))
        return _(" (one number only, with no blanks inside it)");
    if (number_if_swapped(s, "Oo", '0')) return _(" (is the letter O meant to be a zero?)");
    if (number_if_swapped(s, "lI", '1')) return _(" (is the letter l meant to be a one?)");
    /* a count in Chinese ten-thousands: "1.2万" is 12000 */
    static const struct {
        const char *word;
        double size;
    } chinese_counts[] = {{"万", 1e4}, {"亿", 1e8}, {"千", 1e3}};
    size_t len = strlen(s);
    for (size_t i = 0; i < sizeof chinese_counts / sizeof chinese_counts[0]; i++) {
        size_t w = strlen(chinese_counts[i].word), numeral = len - w;
        char number[40];
        if (len <= w || strcmp(s + numeral, chinese_counts[i].word) != 0 || numeral >= sizeof number) continue;
        memcpy(number, s, numeral), number[numeral] = '\0';
        char *end;
        double x = strtod(number, &end);
        if (end == number || *end || !isfinite(x)) continue;
        /* TRANSLATORS: the number in digits, then the value as written: "12000 for 1.2万" */
        snprintf(buf, n, _(" (write it in digits: %.10g for %s)"), x * chinese_counts[i].size, s);
        return buf;
    }
    /* a unit after the number: a letter ("3 days") or a character past ASCII ("3天") */
    unsigned char last = (unsigned char)s[strlen(s) - 1];
    if (digits && isdigit((unsigned char)s[0]) && (isalpha(last) || last >= 0x80)) return value_unit_hint();
    /* a word where a number goes ("high" or "高" for a priority): no digit, and a letter or
       a character past ASCII; not "inf" or "nan", which strtod reads as numbers (value_number
       refuses them as numbers, and a hint to write digits would not say why) */
    char *end;
    strtod(s, &end);
    if (!digits && (letter || past_ascii) && !(end != s && *end == '\0')) return value_word_hint();
    return "";
}

const char *value_word_hint(void)
{
    return _(" (write the number in digits)");
}

const char *value_unit_hint(void)
{
    return _(" (write just the number: the unit is in the key's name)");
}

/* Is x, strtod's reading of s (erange: it set ERANGE), past what a double holds? Then the
 * problem is in err. */
static bool out_of_range(const char *s, double x, bool erange, char *err, size_t errlen)
{
    if (!isfinite(x) || (erange && fabs(x) > 1))
        snprintf(err, errlen, _("'%s' is too large to be a useful number"), s);
    else if (erange && fabs(x) < DBL_MIN) /* 0, or a subnormal number: no useful value either */
        snprintf(err, errlen, _("'%s' is too close to 0 to be represented; write 0"), s);
    else
        return false;
    return true;
}

int value_number(const char *text, double *out, char *err, size_t errlen)
{
    char s[TOKEN_MAX];
    if (trim_into(text, strlen(text), s, sizeof s) != 0) return too_long(s, TOKEN_NUMBER, sizeof s - 1, err, errlen);
    if (!*s) {
        snprintf(err, errlen, _("no value; write a number after '='"));
        return -1;
    }
    /* only a plain decimal: sign, digits, one dot, an exponent */
    int ok = 1;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p) && !strchr("+-.eE", *p)) ok = 0;
    char *end = NULL;
    errno = 0;
    double x = ok ? strtod(s, &end) : 0;
    if (!ok || end == s || *end) {
        /* "1e400%": refused as the number itself would be, with no share worked out of it */
        char percent[40];
        if (percent_number(s, percent, sizeof percent)) {
            errno = 0;
            double share = strtod(percent, NULL) / 100; /* judged as the share it stands for */
            bool erange = errno == ERANGE || (share != 0 && fabs(share) < DBL_MIN);
            if (out_of_range(s, share, erange, err, errlen)) return -1;
        }
        char hint[200];
        snprintf(err, errlen, _("'%s' is not a number%s"), s, number_hint(s, hint, sizeof hint));
        return -1;
    }
    if (out_of_range(s, x, errno == ERANGE, err, errlen)) return -1;
    *out = x;
    return 0;
}

/* One reading of a percentage for the reader and for [contract] targets (models/, which
   may not call the reader): it lives in sim/num.c, under both */
_Static_assert((int)TOKEN_MAX <= (int)NUM_PERCENT_TEXT_MAX &&
                   (int)NUM_PERCENT_SHARE_MAX <= (int)VALUE_PERCENT_SHARE_MAX,
               "num_percent_share reads any value trimmed here, and out holds any share it makes");

bool value_percent_share(const char *text, char *out, size_t n)
{
    char s[TOKEN_MAX];
    if (trim_into(text, strlen(text), s, sizeof s) != 0) return false;
    return num_percent_share(s, out, n);
}

const char *value_share_hint(double x, char *buf, size_t n)
{
    if (!(x > 1 && x <= 100)) return "";
    /* 1.5 is hardly 1.5%: the student's own number only where it reads as a percentage */
    if (x < 2) return _(" (write a share as a decimal or a percentage: 0.95 or 95%)");
    /* TRANSLATORS: the share as a decimal, then as a percentage: " (write a share as 0.98 or 98%)" */
    snprintf(buf, n, _(" (write a share as %.10g or %.10g%%)"), x / 100, x);
    return buf;
}

static int unknown_family(const char *name, char *err, size_t errlen)
{
    const char *family_names[32] = {0};
    size_t n = 0;
    for (; dist_types[n] && n < 32; n++) family_names[n] = dist_types[n]->name;
    const char *near = suggest_nearest(name, family_names, n);
    if (near) {
        snprintf(err, errlen, _("unknown distribution '%s'; did you mean '%s'?"), name, near);
        return -1;
    }
    char all[400] = "";
    size_t used = 0;
    for (size_t i = 0; i < n && used < sizeof all; i++)
        used += (size_t)snprintf(all + used, sizeof all - used, "%s%s", i ? ", " : "", family_names[i]);
    snprintf(err, errlen, _("unknown distribution '%s'; use a number or one of %s"), name, all);
    return -1;
}

/* A distribution named in Chinese, as the course names them (docs/glossary.md, its table
 * or its list of the other words the reader understands; tests/test_docs.sh checks), with
 * or without 分布: "三角分布(1, 1.5, 3)" is triangular(1, 1.5, 3). Is s one? Then the
 * problem, with the value written in English, is in err. */
static bool chinese_family(const char *s, char *err, size_t errlen)
{
    static const struct {
        const char *chinese, *name;
    } families[] = {{"指数", "exponential"},   {"均匀", "uniform"},   {"三角", "triangular"}, {"正态", "normal"},
                    {"对数正态", "lognormal"}, {"伽马", "gamma"},     {"伽玛", "gamma"},      {"爱尔朗", "erlang"},
                    {"泊松", "poisson"},       {"几何", "geometric"}, {"离散", "discrete"},   {"常数", "constant"}};
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        size_t len = strlen(families[i].chinese);
        if (strncmp(s, families[i].chinese, len) != 0) continue;
        const char *rest = s + len;
        if (strncmp(rest, "分布", strlen("分布")) == 0) rest += strlen("分布");
        rest += strspn(rest, " \t");
        const struct dist_type *t = dist_type_find(families[i].name);
        char english[TOKEN_MAX * 4 + 40];
        if (*rest == '(')
            snprintf(english, sizeof english, "%s%s", families[i].name, rest);
        else
            snprintf(english, sizeof english, "%s", t ? t->signature : families[i].name);
        snprintf(err, errlen, _("'%s': a distribution's name is written in English: %s"), s, english);
        return true;
    }
    return false;
}

/* The discrete tables read so far, kept for the whole process (as reader/history.c keeps
 * history files): loading is where they are made, and a configuration copied into sweep
 * points or threads shares them. Equal tables are one, so equal dists are equal words. */
static pthread_mutex_t tables_lock = PTHREAD_MUTEX_INITIALIZER;
static struct dist_table **tables;
static size_t ntables, captables;

static const struct dist_table *intern_table(struct dist_table *fresh)
{
    pthread_mutex_lock(&tables_lock);
    for (size_t i = 0; i < ntables; i++) {
        if (dist_table_same(tables[i], fresh)) {
            const struct dist_table *known = tables[i];
            pthread_mutex_unlock(&tables_lock);
            dist_table_free(fresh);
            return known;
        }
    }
    if (ntables == captables) {
        captables = captables ? 2 * captables : 16;
        tables = realloc(tables, captables * sizeof *tables);
        if (!tables) abort();
    }
    tables[ntables++] = fresh;
    pthread_mutex_unlock(&tables_lock);
    return fresh;
}

void value_forget_tables(void)
{
    pthread_mutex_lock(&tables_lock);
    for (size_t i = 0; i < ntables; i++) dist_table_free(tables[i]);
    free(tables);
    tables = NULL;
    ntables = captables = 0;
    pthread_mutex_unlock(&tables_lock);
}

/* How many numbers arg holds when it is two or more with blanks between them ("5 1.5"),
 * out (n bytes) getting the same list with commas ("5, 1.5"); else 0. */
static size_t blank_separated(const char *arg, char *out, size_t n)
{
    char copy[TOKEN_MAX];
    snprintf(copy, sizeof copy, "%s", arg);
    size_t used = 0, count = 0;
    out[0] = '\0';
    for (char *save = NULL, *tok = strtok_r(copy, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        char *end;
        strtod(tok, &end);
        if (end == tok || *end || strspn(tok, "0123456789+-.eE") != strlen(tok)) return 0;
        int w = snprintf(out + used, n - used, "%s%s", count ? ", " : "", tok);
        if (w < 0 || (size_t)w >= n - used) return 0;
        used += (size_t)w, count++;
    }
    return count >= 2 ? count : 0;
}

/* A distribution key's bounds, as reader/scenario.c checks them: at[0] the least draw, at[1]
 * the greatest mean, or the greatest draw where draws_at_most (supply_yield); rounded: the
 * model rounds each draw, and takes one above at[1] as at[1] (lines_per_order). */
struct dist_bounds {
    double at[2];
    bool rounded, draws_at_most, share; /* share: its draws are shares (supply_yield), written as decimals */
};

/* s, two numbers written as percentages ("90%-100%", "95%±2%", or "90-100%" with the sign
 * after the last only), without its percent signs and the blanks before them, into out
 * (n bytes): "90-100", which value_range and value_plus_minus read, in percent. False for
 * any other s: one that does not end in '%', or with a '%' after anything but a digit or
 * a dot, or with three of them. */
static bool percent_pair(const char *s, char *out, size_t n)
{
    size_t len = strlen(s), used = 0, signs = 0;
    if (len == 0 || len >= n || s[len - 1] != '%') return false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '%') {
            out[used++] = s[i];
            continue;
        }
        while (used > 0 && (out[used - 1] == ' ' || out[used - 1] == '\t')) used--;
        if (used == 0 || !(isdigit((unsigned char)out[used - 1]) || out[used - 1] == '.') || ++signs > 2) return false;
    }
    out[used] = '\0';
    return true;
}

/* A range "low-high" of whole numbers (low < high) for a key whose draws are rounded:
 * uniform(low, high) would give each end half as often as each number between (rounding
 * gives an end only the half of its unit around it that lies in the range), so the answer
 * is discrete() with each whole number once, written out for up to 6 of them, with an
 * ellipsis up to the most a table holds (DIST_MAX_VALUES). False for any other range,
 * and for one outside the key's bounds on its draws, bounds[0] to bounds[1] (the key's own
 * message then says what it allows). s is the value as written; clipped: the range begins
 * at the key's least draw, bounds[0], because s began below it ("0-3" for lines_per_order,
 * answered from 1), and the answer says so. */
static bool whole_range_problem(const char *s, double low, double high, const double bounds[2], bool clipped, char *err,
                                size_t errlen)
{
    enum { WRITTEN_OUT = 6 };
    double count = high - low + 1;
    if (low != floor(low) || high != floor(high) || low < bounds[0] || high > bounds[1] || count > DIST_MAX_VALUES)
        return false;
    char table[200], a[40], b[40], least[40];
    num_about(low, 10, a, sizeof a);
    num_about(high, 10, b, sizeof b);
    num_about(bounds[0], 10, least, sizeof least);
    size_t used = 0;
    for (double v = low; v <= high && used < sizeof table; v++) {
        if (count > WRITTEN_OUT && v == low + 2) { /* "discrete(1:1, 2:1, ..., 16:1)" */
            used += (size_t)snprintf(table + used, sizeof table - used, ", ...");
            v = high - 1;
            continue;
        }
        used += (size_t)snprintf(table + used, sizeof table - used, "%s%.10g:1", v == low ? "" : ", ", v);
    }
    char why[200] = "";
    if (count >= 3) /* TRANSLATORS: after the discrete() to write: uniform(low, high), then low and high */
        snprintf(why, sizeof why,
                 _(" (draws are rounded, so uniform(%s, %s) would give %s and %s half as often as "
                   "each number between)"),
                 a, b, a, b);
    if (clipped && count > WRITTEN_OUT)
        /* TRANSLATORS: the value as written, the key's least draw, the range's ends from it,
           the discrete() to write, how many numbers it lists, then why */
        snprintf(err, errlen,
                 _("'%s' is not a number; draws must be >= %s, so for each whole number from %s to %s "
                   "equally often, write discrete(%s) with all %.0f listed%s"),
                 s, least, a, b, table, count, why);
    else if (clipped)
        /* TRANSLATORS: the value as written, the key's least draw, the range's ends from it,
           the discrete() to write, then why */
        snprintf(err, errlen,
                 _("'%s' is not a number; draws must be >= %s, so for each whole number from %s to %s "
                   "equally often, write discrete(%s)%s"),
                 s, least, a, b, table, why);
    else if (count > WRITTEN_OUT)
        /* TRANSLATORS: the value as written, the range's ends, the discrete() to write, how many
           numbers it lists, then why */
        snprintf(err, errlen,
                 _("'%s' is not a number; for each whole number from %s to %s equally often, write "
                   "discrete(%s) with all %.0f listed%s"),
                 s, a, b, table, count, why);
    else
        /* TRANSLATORS: the value as written, the range's ends, the discrete() to write, then why */
        snprintf(err, errlen,
                 _("'%s' is not a number; for each whole number from %s to %s equally often, write "
                   "discrete(%s)%s"),
                 s, a, b, table, why);
    return true;
}

/* The problem with s, a range "low-high" (low < high) written where a number or a
 * distribution goes: "1-3" days are uniform(1, 3); for a key whose draws are rounded
 * (rounded: the bounds on its draws, else NULL), "1-3" products are discrete() with each
 * whole number once (whole_range_problem). A range that begins below such a key's least
 * draw, and reaches it, is answered from that draw, saying why ("0-3" for lines_per_order:
 * draws must be >= 1), not with an answer the key's bound would then refuse. A range that
 * goes above such a key's greatest value ("20-30", "1-20") is told that bound, and no
 * answer: every uniform() or discrete() of it is refused or cut short. */
static void range_problem(const char *s, double low, double high, const struct dist_bounds *key, char *err,
                          size_t errlen)
{
    const double *rounded = key && key->rounded ? key->at : NULL;
    if (key && !key->rounded && (key->draws_at_most ? high > key->at[1] : (low + high) / 2 > key->at[1])) {
        /* "0.8-1.2" for supply_yield, whose draws must be at most 1: the key's bound, not a
           uniform() that it would refuse (as for a rounded key above its greatest value) */
        char least[40], most[40];
        num_about(key->at[0], 10, least, sizeof least);
        num_about(key->at[1], 10, most, sizeof most);
        if (key->draws_at_most)
            /* TRANSLATORS: the value as written, the key's least and greatest draws: "'0.8-1.2' is
               not a number, and every draw of this key must be from 0 to 1" */
            snprintf(err, errlen, _("'%s' is not a number, and every draw of this key must be from %s to %s"), s, least,
                     most);
        else
            /* TRANSLATORS: the value as written, then the key's greatest mean */
            snprintf(err, errlen, _("'%s' is not a number, and this key's mean must be at most %s"), s, most);
        return;
    }
    bool clipped = rounded && low < rounded[0] && high >= rounded[0];
    if (clipped) low = rounded[0];
    if (rounded && high > rounded[1]) {
        /* "20-30" products where an order has at most 16 (models/demand.c takes a larger draw
           as 16, and scenario.c refuses a mean above it): the key's bound, not a uniform() that
           it would refuse or cut short */
        char least[40], most[40];
        num_about(rounded[0], 10, least, sizeof least);
        num_about(rounded[1], 10, most, sizeof most);
        /* TRANSLATORS: the value as written, the key's least and greatest values, then the
           greatest twice: "'20-30' is not a number, and this key's values run from 1 to 16 (a
           draw above 16 counts as 16); write a number or a distribution within them" */
        snprintf(err, errlen,
                 _("'%s' is not a number, and this key's values run from %s to %s (a draw above %s counts as %s); "
                   "write a number or a distribution within them"),
                 s, least, most, most, most);
        return;
    }
    if (rounded && low < high && whole_range_problem(s, low, high, rounded, clipped, err, errlen)) return;
    char a[40], b[40], least[40];
    num_about(low, 10, a, sizeof a);
    num_about(high, 10, b, sizeof b);
    if (clipped && low == high)
        /* TRANSLATORS: the value as written, the key's least draw, then the one value it leaves,
           which is also the least draw: "'0-1' ... draws must be >= 1, so of '0-1' only 1 can be
           drawn: write 1" */
        snprintf(err, errlen, _("'%s' is not a number; draws must be >= %s, so of '%s' only %s can be drawn: write %s"),
                 s, num_about(rounded[0], 10, least, sizeof least), s, a, a);
    else if (clipped)
        /* TRANSLATORS: the value as written, the key's least draw, the range's ends from it, twice */
        snprintf(err, errlen,
                 _("'%s' is not a number; draws must be >= %s, so for a value anywhere from %s to %s, write "
                   "uniform(%s, %s)"),
                 s, num_about(rounded[0], 10, least, sizeof least), a, b, a, b);
    else
        snprintf(err, errlen, _("'%s' is not a number; for a value anywhere from %s to %s, write uniform(%s, %s)"), s,
                 a, b, a, b);
}

/* The problem with s, a mean and a standard deviation ("5±1.5", sd > 0) written where a
 * number or a distribution goes, for a key with bounds key (or NULL). */
static void spread_problem(const char *s, double mean, double sd, const struct dist_bounds *key, char *err,
                           size_t errlen)
{
    if (key && !key->rounded && (key->draws_at_most || mean > key->at[1])) {
        /* "0.9±0.05" for supply_yield: gamma() and normal() draw above any bound, so
           the key's bound, not an answer it would refuse */
        char least[40], most[40];
        num_about(key->at[0], 10, least, sizeof least);
        num_about(key->at[1], 10, most, sizeof most);
        if (key->draws_at_most)
            /* TRANSLATORS: the value as written, the key's least and greatest draws, then
               the greatest again */
            snprintf(err, errlen,
                     _("'%s' is not a number, and every draw of this key must be from %s to %s: write a "
                       "distribution that stays within them, such as uniform(min, max) or "
                       "triangular(min, mode, max), not gamma() or normal(), which can draw above %s"),
                     s, least, most, most);
        else
            snprintf(err, errlen, _("'%s' is not a number, and this key's mean must be at most %s"), s, most);
        return;
    }
    /* "5±1.5" days: a mean and a standard deviation, as the course's distributions
       take them (course-notes/00-reading-a-scenario.md) */
    char a[40], b[40];
    snprintf(err, errlen,
             _("'%s' is not a number; for a mean of %s with a standard deviation of %s, write "
               "gamma(%s, %s) or normal(%s, %s)"),
             s, num_about(mean, 10, a, sizeof a), num_about(sd, 10, b, sizeof b), a, b, a, b);
}

/* The problem with s, the value of a key whose draws are shares (key->share) that is not a
 * number, into err (value_number's, with its hint, on entry): a pair of percentages is read
 * as a range or a mean and spread of shares ("90%-100%": uniform(0.9, 1), as "0.9-1"); a
 * percentage beyond the bounds on the key's draws is told them ("150%"), and any other '%'
 * the decimal to write, not value_number's "0.95 or 95%". Returns false, err untouched,
 * for an s without a '%'. */
static bool share_problem(const char *s, const struct dist_bounds *key, char *err, size_t errlen)
{
    if (!strchr(s, '%')) return false;
    char pair[TOKEN_MAX], decimal[VALUE_PERCENT_SHARE_MAX];
    double low, high;
    bool paired = percent_pair(s, pair, sizeof pair);
    if (paired && value_plus_minus(pair, &low, &high) && high > 0)
        spread_problem(s, low / 100, high / 100, key, err, errlen);
    else if (paired && value_range(pair, &low, &high))
        range_problem(s, low / 100, high / 100, key, err, errlen); /* 90 / 100 is the double 0.9 is */
    else if (key->draws_at_most && num_percent_share(s, decimal, sizeof decimal) &&
             !(strtod(decimal, NULL) >= key->at[0] && strtod(decimal, NULL) <= key->at[1])) {
        /* "150%": past the key's bounds, not the decimal 1.5 that they would refuse (one within
           them is the scenario reader's to answer, with the decimal to write) */
        char least[40], most[40];
        num_about(key->at[0], 10, least, sizeof least);
        num_about(key->at[1], 10, most, sizeof most);
        snprintf(err, errlen, _("'%s' is not a number, and every draw of this key must be from %s to %s"), s, least,
                 most);
    } else {
        const char *hint = percent_hint();
        size_t at = strlen(err), h = strlen(hint);
        if (at >= h && strcmp(err + at - h, hint) == 0) /* value_number's "0.95 or 95%": this key takes no '%' */
            snprintf(err + at - h, errlen - (at - h), "%s",
                     _(" (write the share as a decimal, such as 0.95: a distribution takes no '%')"));
    }
    return true;
}

/* s (n bytes) trimmed, as a share key reads it: its percentage as the decimal it means
 * ("90%": "0.9", "100%": "1"), any other text as it is; into out (size bytes). */
static void share_written(const char *s, size_t n, char *out, size_t size)
{
    char piece[TOKEN_MAX], decimal[VALUE_PERCENT_SHARE_MAX];
    if (trim_into(s, n, piece, sizeof piece) != 0) piece[0] = '\0';
    if (num_percent_share(piece, decimal, sizeof decimal))
        num_plain(strtod(decimal, NULL), out, size);
    else
        snprintf(out, size, "%s", piece);
}

static int read_dist(const char *text, const struct dist_bounds *key, struct dist *out, char *err, size_t errlen);

/* The problem with bad, a parameter of distribution t written as a percentage ("90%") for
 * a key whose draws are shares (key->share), into err: the distribution with every
 * parameter between from and to (its parentheses' inside) that is a percentage written as
 * the decimal it means, "uniform(0.9, 1)", where the key takes that; else the decimal of
 * bad. False, err untouched, when bad is no percentage. */
static bool share_params_problem(const struct dist_type *t, const char *from, const char *to, const char *bad,
                                 const struct dist_bounds *key, char *err, size_t errlen)
{
    char decimal[VALUE_PERCENT_SHARE_MAX], written[TOKEN_MAX * 4], one[TOKEN_MAX * 2];
    char bare[TOKEN_MAX * 4]; /* the same with each value's '%' dropped: "uniform(0.5, 1)" of "uniform(0.5%, 1%)" */
    if (!value_percent_share(bad, decimal, sizeof decimal)) return false;
    int used = snprintf(written, sizeof written, "%s(", t->name),
        bare_used = snprintf(bare, sizeof bare, "%s(", t->name);
    bool all_percent = true; /* every value (not weight) written as a percentage */
    for (const char *p = from; p < to && used > 0 && (size_t)used < sizeof written;) {
        const char *comma = memchr(p, ',', (size_t)(to - p)), *end = comma ? comma : to;
        const char *colon = memchr(p, ':', (size_t)(end - p));
        char value[TOKEN_MAX], piece[TOKEN_MAX], weight[TOKEN_MAX] = "";
        share_written(p, (size_t)((colon ? colon : end) - p), value, sizeof value);
        if (trim_into(p, (size_t)((colon ? colon : end) - p), piece, sizeof piece) != 0) piece[0] = '\0';
        size_t plen = strlen(piece);
        all_percent &= plen > 1 && piece[plen - 1] == '%';
        if (plen > 0 && piece[plen - 1] == '%') piece[--plen] = '\0';
        while (plen > 0 && (piece[plen - 1] == ' ' || piece[plen - 1] == '\t')) piece[--plen] = '\0';
        if (colon) { /* discrete's value:weight, each read so */
            share_written(colon + 1, (size_t)(end - colon - 1), weight, sizeof weight);
            snprintf(one, sizeof one, "%s:%s", value, weight);
        } else
            snprintf(one, sizeof one, "%s", value);
        used += snprintf(written + used, sizeof written - (size_t)used, "%s%s", p == from ? "" : ", ", one);
        if (bare_used > 0 && (size_t)bare_used < sizeof bare)
            bare_used += snprintf(bare + bare_used, sizeof bare - (size_t)bare_used, "%s%s%s%s", p == from ? "" : ", ",
                                  piece, colon ? ":" : "", weight);
        p = comma ? comma + 1 : to;
    }
    if (used > 0 && (size_t)used < sizeof written) snprintf(written + used, sizeof written - (size_t)used, ")");
    if (bare_used > 0 && (size_t)bare_used < sizeof bare)
        snprintf(bare + bare_used, sizeof bare - (size_t)bare_used, ")");
    struct dist d;
    char problem[400], typed[TOKEN_MAX], plain[40];
    if (trim_into(bad, strlen(bad), typed, sizeof typed) != 0) typed[0] = '\0';
    bool takes = used > 0 && (size_t)used + 1 < sizeof written &&
                 read_dist(written, key, &d, problem, sizeof problem) == 0 && dist_lowest(&d) >= key->at[0] &&
                 (key->draws_at_most ? dist_highest(&d) <= key->at[1] : dist_mean(&d) <= key->at[1]) &&
                 dist_mean(&d) > 0;
    double share = strtod(decimal, NULL);
    char low[40], high[40];
    struct dist meant;
    if (takes && all_percent && dist_highest(&d) <= 0.01 && dist_lowest(&d) < dist_highest(&d) &&
        read_dist(bare, key, &meant, problem, sizeof problem) == 0 && dist_lowest(&meant) >= key->at[0] &&
        dist_highest(&meant) <= key->at[1]) {
        /* "uniform(0.5%, 1%)" for supply_yield: shares of 1% at most, as "0.98%" alone is a
           share under 1% (reader/scenario.c): the shares its numbers are, not uniform(0.005,
           0.01), a yield that loses nearly every unit */
        /* TRANSLATORS: the distribution's name and parameters, the parameter as written ("0.5%"),
           the range meant in percent ("50", "100"), then the distribution to write: "uniform(0.5, 1)" */
        snprintf(err, errlen,
                 _("%s: '%s' is not a number, and as percentages its values are all 1%% or less: for %s%% to %s%%, "
                   "write %s (a distribution takes no '%%')"),
                 t->signature, typed, num_about(100 * dist_lowest(&meant), 10, low, sizeof low),
                 num_about(100 * dist_highest(&meant), 10, high, sizeof high), bare);
        return true;
    }
    if (!takes && !(share >= key->at[0] && share <= key->at[1]))
        /* a decimal the key would refuse in turn ("-5%" is -0.05): its bounds instead */
        /* TRANSLATORS: the distribution's name and parameters, the parameter as written ("-5%"),
           then the key's bounds ("0", "1") */
        snprintf(err, errlen,
                 _("%s: '%s' is not a number (a distribution takes no '%%': write its shares as decimals from %s "
                   "to %s)"),
                 t->signature, typed, num_plain(key->at[0], low, sizeof low), num_plain(key->at[1], high, sizeof high));
    else if (takes)
        /* TRANSLATORS: the distribution's name and parameters, the parameter as written ("90%"),
           then the distribution with its shares as decimals: "uniform(0.9, 1)" */
        snprintf(err, errlen, _("%s: '%s' is not a number (a distribution takes no '%%': write %s)"), t->signature,
                 typed, written);
    else /* TRANSLATORS: the distribution's name and parameters, the parameter as written ("90%"), then
            its decimal ("0.9") */
        snprintf(err, errlen, _("%s: '%s' is not a number (a distribution takes no '%%': write the share as %s)"),
                 t->signature, typed, num_plain(share, plain, sizeof plain));
    return true;
}

/* key: NULL, or the key's bounds (value_dist_rounded, value_dist_within) */
static int read_dist(const char *text, const struct dist_bounds *key, struct dist *out, char *err, size_t errlen)
{
    char s[TOKEN_MAX * 4];
    if (trim_into(text, strlen(text), s, sizeof s) != 0) return too_long(s, TOKEN_DIST, sizeof s - 1, err, errlen);
    if (!*s) {
        snprintf(err, errlen, _("no value; write a number or a distribution such as exponential(2)"));
        return -1;
    }
    /* a plain number is a constant */
    if (isdigit((unsigned char)s[0]) || s[0] == '.' || s[0] == '-' || s[0] == '+') {
        double x;
        if (strchr(s, '(') || value_number(s, &x, err, errlen) != 0) {
            double low, high;
            if (strchr(s, '('))
                snprintf(err, errlen, _("'%s' is neither a number nor a distribution"), s);
            else if (key && key->share && share_problem(s, key, err, errlen))
                ; /* "90%-100%" for supply_yield: as "0.9-1" */
            else if (value_plus_minus(s, &low, &high) && high > 0)
                spread_problem(s, low, high, key, err, errlen);
            else if (value_range(s, &low, &high)) /* "1-3", "1-3天", "1到3" */
                range_problem(s, low, high, key, err, errlen);
            return -1;
        }
        dist_constant(out, x);
        return 0;
    }
    size_t name_len = 0;
    while (isalpha((unsigned char)s[name_len]) || s[name_len] == '_') name_len++;
    char name[40];
    trim_into(s, name_len < sizeof name ? name_len : sizeof name - 1, name, sizeof name);
    const char *rest = s + name_len;
    while (isspace((unsigned char)*rest)) rest++;
    const struct dist_type *t = dist_type_find(name);
    if (!name_len || (!t && *rest != '(' && !*rest)) {
        if (name_len && !*rest) return unknown_family(name, err, errlen);
        if (!name_len && chinese_family(s, err, errlen)) return -1;
        snprintf(err, errlen, _("'%s' is neither a number nor a distribution such as exponential(2)"), s);
        return -1;
    }
    if (!t) return unknown_family(name, err, errlen);
    if (*rest != '(') {
        snprintf(err, errlen, _("write %s with its parameters in parentheses"), t->signature);
        return -1;
    }
    const char *close = strrchr(rest, ')');
    if (!close) {
        snprintf(err, errlen, _("%s: missing ')' at the end"), t->signature);
        return -1;
    }
    for (const char *p = close + 1; *p; p++) {
        if (!isspace((unsigned char)*p)) {
            /* a word after it (" days", "天") is no number to write in digits */
            char hint[200];
            const char *why = number_hint(close + 1, hint, sizeof hint);
            snprintf(err, errlen, _("%s: unexpected text after ')': '%s'%s"), t->signature, close + 1,
                     strcmp(why, value_word_hint()) == 0 ? "" : why);
            return -1;
        }
    }
    /* split the arguments on commas; discrete's are value:weight pairs */
    double params[2 * DIST_MAX_VALUES + 2];
    size_t np = 0;
    const char *p = rest + 1;
    int discrete = t->nparams < 0;
    while (p < close) {
        const char *comma = memchr(p, ',', (size_t)(close - p));
        const char *arg_end = comma ? comma : close;
        char arg[TOKEN_MAX];
        if (trim_into(p, (size_t)(arg_end - p), arg, sizeof arg) != 0) {
            char problem[400];
            too_long(arg, TOKEN_PARAM, sizeof arg - 1, problem, sizeof problem);
            snprintf(err, errlen, _("%s: %s"), t->signature, problem); /* the distribution, then its problem */
            return -1;
        }
        if (!*arg && !comma && np == 0) break; /* empty list: "exponential()" */
        if (!*arg) {
            snprintf(err, errlen, _("%s: a parameter is missing (two commas in a row, or one at the end?)"),
                     t->signature);
            return -1;
        }
        if (np + 2 > sizeof params / sizeof params[0]) {
            snprintf(err, errlen, _("%s: too many parameters"), t->signature);
            return -1;
        }
        char problem[400];
        char *colon = strchr(arg, ':');
        if (discrete) {
            if (!colon) {
                snprintf(err, errlen, _("%s: '%s' should be a value:weight pair"), t->signature, arg);
                return -1;
            }
            *colon = '\0';
            bool value_bad = value_number(arg, &params[np], problem, sizeof problem) != 0;
            if (value_bad || value_number(colon + 1, &params[np + 1], problem, sizeof problem) != 0) {
                if (!key || !key->share ||
                    !share_params_problem(t, rest + 1, close, value_bad ? arg : colon + 1, key, err, errlen))
                    snprintf(err, errlen, _("%s: %s"), t->signature, problem); /* the distribution, then its problem */
                return -1;
            }
            np += 2;
        } else {
            if (colon) {
                snprintf(err, errlen, _("%s: ':' belongs only in discrete(value:weight, ...)"), t->signature);
                return -1;
            }
            if (value_number(arg, &params[np], problem, sizeof problem) != 0) {
                char listed[TOKEN_MAX];
                size_t count = blank_separated(arg, listed, sizeof listed), after = 0;
                for (const char *q = arg_end; q < close; q++) after += *q == ','; /* parameters after it */
                if (key && key->share && share_params_problem(t, rest + 1, close, arg, key, err, errlen))
                    ; /* "uniform(90%, 100%)" for supply_yield: uniform(0.9, 1) */
                else if (count && np + count + after == (size_t)t->nparams) /* the commas are all that is missing */
                    /* TRANSLATORS: the distribution, then the parameters as written and with commas */
                    snprintf(err, errlen, _("%s: parameters are separated by commas: write '%s', not '%s'"),
                             t->signature, listed, arg);
                else
                    snprintf(err, errlen, _("%s: %s"), t->signature, problem); /* the distribution, then its problem */
                return -1;
            }
            np++;
        }
        p = comma ? comma + 1 : close;
        if (comma && p == close) {
            snprintf(err, errlen, _("%s: a parameter is missing (two commas in a row, or one at the end?)"),
                     t->signature);
            return -1;
        }
    }
    if (discrete) {
        struct dist_table *fresh = dist_table_new(params, np, err, errlen);
        if (!fresh) return -1;
        dist_discrete(out, intern_table(fresh));
        return 0;
    }
    return dist_init(out, t, params, np, err, errlen);
}

int value_dist(const char *text, struct dist *out, char *err, size_t errlen)
{
    return read_dist(text, NULL, out, err, errlen);
}

int value_dist_rounded(const char *text, double min, double max, struct dist *out, char *err, size_t errlen)
{
    const struct dist_bounds b = {{min, max}, true, false, false};
    return read_dist(text, &b, out, err, errlen);
}

int value_dist_within(const char *text, double min, double max, bool draws_at_most, bool share, struct dist *out,
                      char *err, size_t errlen)
{
    const struct dist_bounds b = {{min, max}, false, draws_at_most, share};
    return read_dist(text, &b, out, err, errlen);
}
