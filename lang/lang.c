/* lang.c - choosing the language, finding the catalogue, and text widths. */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include "lang.h"
#include "zh_terms.h"

#include <limits.h>
#include <pthread.h>
#include <ctype.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdarg.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#ifndef SERVLAB_LOCALEDIR
#define SERVLAB_LOCALEDIR "/usr/local/share/locale"
#endif

static const char domain[] = "servlab";
static enum lang current = LANG_EN;

enum lang lang_current(void)
{
    return current;
}

const char *lang_code(void)
{
    return current == LANG_ZH ? "zh" : "en";
}

/* Codeset name in, folded into out (n bytes) for comparing: lower case, no '-' or '_'
 * ("UTF-8" and "utf8" are "utf8", "Big5-HKSCS" is "big5hkscs"). */
static void fold_codeset(const char *in, char *out, size_t n)
{
    size_t k = 0;
    for (const char *p = in; *p && k + 1 < n; p++)
        if (*p != '-' && *p != '_') out[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    out[k] = '\0';
}

/* The codeset that locale name v ("zh_CN.GBK", "zh_TW.Big5@x") names, as a note names it
 * (its usual spelling: GBK, Big5, GB18030; else as written), into out (n bytes); false
 * when v names none or names UTF-8. servlab writes UTF-8 only, which a terminal in any
 * other codeset shows as garbage. */
static bool other_codeset(const char *v, char *out, size_t n)
{
    static const char *const usual[] = {"GBK", "GB2312", "GB18030", "Big5", "Big5-HKSCS", "EUC-CN", "EUC-TW"};
    const char *dot = strchr(v, '.');
    if (!dot) return false;
    char codeset[32], folded[32], u[32];
    snprintf(codeset, sizeof codeset, "%.*s", (int)strcspn(dot + 1, "@"), dot + 1);
    fold_codeset(codeset, folded, sizeof folded);
    if (strcmp(folded, "utf8") == 0) return false;
    snprintf(out, n, "%s", codeset);
    for (size_t i = 0; i < sizeof usual / sizeof usual[0]; i++) {
        fold_codeset(usual[i], u, sizeof u);
        if (strcmp(u, folded) == 0) snprintf(out, n, "%s", usual[i]);
    }
    return true;
}

/* Does locale name v choose no language: "C", "POSIX", "C.UTF-8" (and its spellings)? */
static bool no_language(const char *v)
{
    return strcmp(v, "POSIX") == 0 || (v[0] == 'C' && (v[1] == '\0' || v[1] == '.' || v[1] == '@'));
}

/* The first entry of LANGUAGE's colon list ("fr:zh_CN:en") that servlab speaks, an
 * entry beginning with "zh" or "en"; -1 when it names none or is not set. */
static int from_language_list(void)
{
    const char *list = getenv("LANGUAGE");
    for (const char *p = list; p && *p; p += strcspn(p, ":"), p += *p == ':') {
        if (strncmp(p, "zh", 2) == 0) return LANG_ZH;
        if (strncmp(p, "en", 2) == 0) return LANG_EN;
    }
    return -1;
}

static const char *find_catalogue(const char *argv0, char *buf, size_t n);
static void vprint_lines(FILE *out, int max, bool fill, const char *fmt, va_list args)
    __attribute__((format(printf, 4, 0)));

/* msgid's Chinese from the catalogue, whatever language servlab goes on in; NULL where the
 * catalogue or C.UTF-8 is missing. LC_MESSAGES and LANGUAGE are put back as they were:
 * lang_init sets them for the language chosen. */
static const char *in_chinese(const char *argv0, const char *msgid) __attribute__((format_arg(2)));
static const char *in_chinese(const char *argv0, const char *msgid)
{
    char dir[PATH_MAX];
    if (!find_catalogue(argv0, dir, sizeof dir) || !setlocale(LC_MESSAGES, "C.UTF-8")) return NULL;
    const char *now = getenv("LANGUAGE");
    char *before = now ? strdup(now) : NULL;
    setenv("LANGUAGE", "zh_CN", 1);
    bindtextdomain(domain, dir);
    bind_textdomain_codeset(domain, "UTF-8");
    const char *text = dgettext(domain, msgid); /* in the catalogue, which stays loaded */
    if (before)
        setenv("LANGUAGE", before, 1);
    else
        unsetenv("LANGUAGE");
    free(before);
    setlocale(LC_MESSAGES, "C");
    return text == msgid ? NULL : text;
}

/* printf's text for fmt (NULL: nothing) filled as lang_printf_filled fills it, written to
 * stderr in codeset (NULL: UTF-8, as written), or not at all where it cannot be. */
static void filled_in_codeset(const char *codeset, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void filled_in_codeset(const char *codeset, const char *fmt, ...)
{
    if (!fmt) return;
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);
    if (!mem) return;
    va_list args;
    va_start(args, fmt);
    vprint_lines(mem, LANG_LINE_MAX, true, fmt, args);
    va_end(args);
    if (fclose(mem) != 0) {
        free(text);
        return;
    }
    iconv_t cd = codeset ? iconv_open(codeset, "UTF-8") : (iconv_t)-1;
    char *out = codeset ? malloc(4 * size + 1) : NULL;
    if (!codeset) {
        fputs(text, stderr);
    } else if (cd != (iconv_t)-1 && out) {
        char *in = text, *at = out;
        size_t in_left = size, out_left = 4 * size;
        if (iconv(cd, &in, &in_left, &at, &out_left) != (size_t)-1) fwrite(out, 1, (size_t)(at - out), stderr);
    }
    if (cd != (iconv_t)-1) iconv_close(cd);
    free(out);
    free(text);
}

/* The notes of a locale named without a codeset (no_codeset): on a terminal in that
 * locale's codeset, and where the C library found no such locale. */
#define NOTE_LOCALE_CODESET                                                                                            \
    /* TRANSLATORS: LANG, zh_CN, zh_CN, GB2312, GB2312, LANG; printed in GB2312 */                                     \
    N_("servlab: %s=%s names no codeset, so it is this system's %s locale, in %s; servlab writes Chinese in UTF-8 "    \
       "only (a terminal in %s would show it garbled), so it goes on in English. For Chinese, use a UTF-8 terminal "   \
       "(%s=zh_CN.UTF-8) or --lang zh\n")
#define NOTE_NO_LOCALE                                                                                                 \
    /* TRANSLATORS: LANG, zh_CN, zh_CN, LANG */                                                                        \
    N_("servlab: %s=%s names no codeset and this system has no %s locale, so the C library takes the C locale "        \
       "(ASCII); servlab writes its Chinese in UTF-8 all the same: if it shows garbled, use a UTF-8 terminal with "    \
       "%s=zh_CN.UTF-8, or --lang en\n")

/* Chinese asked for by a locale name without a codeset (LANG=zh_CN): the C library takes
 * the locale of that name, which on Debian is in GB2312 (/usr/share/i18n/SUPPORTED: "zh_CN
 * GB2312") where it was generated; where it was not (a fresh Debian has C, C.UTF-8 and
 * POSIX only), setlocale fails and the program stays in the C locale, ASCII. In a codeset
 * other than UTF-8: English, as for zh_CN.GBK, with the note in English and again in Chinese
 * in that codeset, which such a terminal shows. No such locale: Chinese in UTF-8 (servlab
 * reads its catalogue through C.UTF-8 whatever the locale), with the note in English and in
 * Chinese, saying what to set if the terminal shows it garbled. A locale of that name in
 * UTF-8 needs no note. Returns the language to go on in. */
static enum lang no_codeset(const char *var, const char *locale, const char *argv0)
{
    locale_t named = newlocale(LC_CTYPE_MASK, locale, (locale_t)0);
    if (named) {
        char codeset[32], folded[32];
        snprintf(codeset, sizeof codeset, "%s", nl_langinfo_l(CODESET, named));
        freelocale(named);
        fold_codeset(codeset, folded, sizeof folded);
        if (strcmp(folded, "utf8") == 0) return LANG_ZH;
        lang_printf_filled(stderr, LANG_LINE_MAX, NOTE_LOCALE_CODESET, var, locale, locale, codeset, codeset, var);
        filled_in_codeset(codeset, in_chinese(argv0, NOTE_LOCALE_CODESET), var, locale, locale, codeset, codeset, var);
        return LANG_EN;
    }
    lang_printf_filled(stderr, LANG_LINE_MAX, NOTE_NO_LOCALE, var, locale, locale, var);
    filled_in_codeset(NULL, in_chinese(argv0, NOTE_NO_LOCALE), var, locale, locale, var);
    return LANG_ZH;
}

/* The language the environment asks for, as GNU programs choose it. LANGUAGE's first
 * entry that servlab speaks comes first; then the first of LC_ALL, LC_MESSAGES, LANG that
 * is set and not empty, as POSIX orders them; English when none chooses (unset, or C,
 * POSIX, C.UTF-8). gettext itself ignores LANGUAGE in the C locale, but servlab reads
 * its catalogue through C.UTF-8 whatever the locale (lang_init), so LANGUAGE=zh_CN alone
 * is Chinese too. Chinese under a locale of another codeset (zh_CN.GBK) is English, with
 * a note in ASCII, which such a terminal shows, naming the locale's codeset; under a locale
 * named without a codeset (zh_CN), what the C library makes of that name (no_codeset). */
static enum lang from_environment(const char *argv0)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    const char *var = NULL, *locale = NULL; /* the first of vars that is set */
    for (size_t i = 0; i < sizeof vars / sizeof vars[0] && !locale; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) var = vars[i], locale = v;
    }
    bool named = locale && !no_language(locale);
    int listed = from_language_list();
    enum lang want = listed >= 0 ? (enum lang)listed : named && strncmp(locale, "zh", 2) == 0 ? LANG_ZH : LANG_EN;
    char codeset[32];
    if (want == LANG_ZH && named && other_codeset(locale, codeset, sizeof codeset)) {
        /* a paragraph, filled to the width: wrapped as a message, it broke after its first
           clause ("servlab: LANG=zh_CN.GBK is not UTF-8,", 37 columns) */
        lang_printf_filled(stderr, LANG_LINE_MAX,
                           "servlab: %s=%s is not UTF-8, and servlab writes Chinese in UTF-8 only (a terminal in %s "
                           "would show it garbled); going on in English. For Chinese, use a UTF-8 terminal "
                           "(%s=zh_CN.UTF-8) or --lang zh\n",
                           var, locale, codeset, var);
        return LANG_EN;
    }
    if (want == LANG_ZH && named && !strchr(locale, '.')) return no_codeset(var, locale, argv0);
    return want;
}

static bool has_catalogue(const char *dir)
{
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/zh_CN/LC_MESSAGES/%s.mo", dir, domain);
    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* Where the catalogue is: SERVLAB_LOCALEDIR in the environment (tests), next to the
 * program (build/locale beside ./servlab, or locale beside build/servlab), else the
 * installed directory. Writes into buf (n bytes); returns NULL when none has it. */
static const char *find_catalogue(const char *argv0, char *buf, size_t n)
{
    const char *env = getenv("SERVLAB_LOCALEDIR");
    if (env && *env) {
        snprintf(buf, n, "%s", env);
        return has_catalogue(buf) ? buf : NULL;
    }
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
    } else if (argv0 && strchr(argv0, '/')) {
        snprintf(exe, sizeof exe, "%s", argv0);
    } else {
        exe[0] = '\0';
    }
    char *slash = strrchr(exe, '/');
    if (slash) {
        *slash = '\0';
        static const char *const beside[] = {"build/locale", "locale"};
        for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
            int len_dir = snprintf(buf, n, "%s/%s", exe, beside[i]);
            if (len_dir > 0 && (size_t)len_dir < n && has_catalogue(buf)) return buf;
        }
    }
    snprintf(buf, n, "%s", SERVLAB_LOCALEDIR);
    return has_catalogue(buf) ? buf : NULL;
}

const char *lang_in_context(const char *context, const char *text)
{
    /* gettext's form of a message in a context: context EOT text; on the heap when it
       is longer than the short words most contexts hold (a paragraph of the man page's
       OPTIONS, msgctxt "man") */
    char small[256];
    size_t lc = strlen(context), lt = strlen(text);
    char *key = lc + 1 + lt + 1 <= sizeof small ? small : malloc(lc + 1 + lt + 1);
    if (!key) return text;
    memcpy(key, context, lc);
    key[lc] = '\004';
    memcpy(key + lc + 1, text, lt + 1);
    const char *t = gettext(key);
    const char *found = t == key ? text : t;
    if (key != small) free(key);
    return found;
}

int lang_init(const char *code, const char *argv0)
{
    /* LANGUAGE as the environment gave it, not as an earlier call set it for Chinese */
    static bool set_here;
    static char *given;
    const char *now = getenv("LANGUAGE");
    if (set_here && now && strcmp(now, "zh_CN") == 0) {
        if (given)
            setenv("LANGUAGE", given, 1);
        else
            unsetenv("LANGUAGE");
    }
    set_here = false;
    enum lang want;
    if (!code)
        want = from_environment(argv0);
    else if (strcmp(code, "en") == 0)
        want = LANG_EN;
    else if (strcmp(code, "zh") == 0)
        want = LANG_ZH;
    else
        return -1;
    current = LANG_EN;
    setlocale(LC_MESSAGES, "C"); /* in the C locale gettext hands back the English text */
    if (want == LANG_EN) return 0;
    char dir[PATH_MAX];
    if (!find_catalogue(argv0, dir, sizeof dir)) {
        fprintf(stderr,
                "servlab: the Chinese message catalogue (%s.mo) was not found; build it with 'make', "
                "or install servlab; going on in English\n",
                domain);
        return 0;
    }
    /* C.UTF-8 is built into glibc: no Chinese locale needs to be generated. Only
       LC_MESSAGES changes, so numbers keep their decimal point. */
    if (!setlocale(LC_MESSAGES, "C.UTF-8")) return 0;
    const char *before = getenv("LANGUAGE");
    free(given);
    given = before ? strdup(before) : NULL;
    setenv("LANGUAGE", "zh_CN", 1);
    set_here = true;
    bindtextdomain(domain, dir);
    bind_textdomain_codeset(domain, "UTF-8");
    bind_textdomain_codeset("libc", "UTF-8"); /* strerror's text inside our messages, else '?' for each character */
    textdomain(domain);
    current = LANG_ZH;
    return 0;
}

/* ---- widths ---- */

/* C.UTF-8's character classes, for wcwidth: made once, used by a thread only while it
 * measures (uselocale), so the process's own locale never changes. Decoding needs no
 * locale (utf8_next), and a machine without C.UTF-8 measures by fallback_width. */
static locale_t utf8;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void make_utf8(void)
{
    utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* Use C.UTF-8's character classes in this thread (while wcwidth measures); returns the
 * locale to put back with utf8_end. */
static locale_t utf8_begin(void)
{
    pthread_once(&utf8_once, make_utf8);
    return utf8 ? uselocale(utf8) : (locale_t)0;
}

static void utf8_end(locale_t old)
{
    if (utf8) uselocale(old);
}

/* The one decoder of this file, whatever the locale (LANG=C or none): the character that
 * begins at p, of the `left` bytes there (left > 0): its code point into *c and its
 * length in bytes. A byte that begins no whole UTF-8 character (not UTF-8, cut short, an
 * overlong form or a surrogate) is one character of its own, *c = -1. */
static size_t utf8_next(const char *p, size_t left, long *c)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t n = lang_char_bytes(u[0]);
    *c = -1;
    if (n == 1) {
        if (u[0] < 0x80) *c = u[0];
        return 1;
    }
    if (n > left || u[0] < 0xC2 || u[0] > 0xF4) return 1;
    long v = u[0] & (0x7F >> n);
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80) return 1;
        v = v << 6 | (u[k] & 0x3F);
    }
    static const long least[5] = {0, 0, 0x80, 0x800, 0x10000}; /* shorter forms are overlong */
    if (v < least[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 1;
    *c = v;
    return n;
}

/* A character's columns where C.UTF-8 is missing: 2 for the East Asian wide and
 * full-width ranges (CJK, kana, hangul, full-width forms), 0 for the common combining
 * marks, else 1 (as wcwidth gives them). */
static int fallback_width(long c)
{
    static const long wide[][2] = {{0x1100, 0x115F},  {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
                                   {0x4E00, 0x9FFF},  {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
                                   {0xFE30, 0xFE4F},  {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x20000, 0x2FFFD},
                                   {0x30000, 0x3FFFD}},
                      zero[][2] = {{0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
                                   {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}};
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (c >= wide[i][0] && c <= wide[i][1]) return 2;
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (c >= zero[i][0] && c <= zero[i][1]) return 0;
    return 1;
}

/* The columns of code point c (utf8_next's: -1 for a byte that is not UTF-8, one column),
 * between utf8_begin and utf8_end: C.UTF-8's wcwidth, or fallback_width where that
 * locale is missing; a character wcwidth does not know (-1) takes one. */
static int char_width(long c)
{
    int w = c < 0 ? 1 : utf8 ? wcwidth((wchar_t)c) : fallback_width(c);
    return w < 0 ? 1 : w;
}

size_t lang_width(const char *text)
{
    locale_t old = utf8_begin();
    size_t width = 0;
    for (size_t left = strlen(text), n; left > 0; text += n, left -= n) {
        long c;
        n = utf8_next(text, left, &c);
        width += (size_t)char_width(c);
    }
    utf8_end(old);
    return width;
}

size_t lang_char_bytes(unsigned char lead)
{
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 1;
}

char *lang_tidy_cut(char *text)
{
    size_t n = strlen(text), start = n;
    while (start > 0 && ((unsigned char)text[start - 1] & 0xC0) == 0x80) start--; /* continuation bytes */
    if (start == 0) return text;
    if (n - (start - 1) < lang_char_bytes((unsigned char)text[start - 1])) text[start - 1] = '\0';
    return text;
}

/* Whether the n bytes at c are one wide (CJK) character. */
static bool wide_char(const char *c, size_t n)
{
    char one[8];
    if (n == 0 || n >= sizeof one) return false;
    memcpy(one, c, n), one[n] = '\0';
    return lang_width(one) == 2;
}

char *lang_tidy_blanks(char *text)
{
    size_t out = 0, prev = 0, prev_n = 0; /* the last character written: where, and its bytes */
    for (size_t i = 0; text[i];) {
        size_t n = lang_char_bytes((unsigned char)text[i]);
        if (strnlen(text + i, n) < n) n = strnlen(text + i, n); /* a character cut short */
        if (text[i] == ' ' && prev_n && wide_char(text + prev, prev_n)) {
            size_t next = lang_char_bytes((unsigned char)text[i + 1]);
            if (text[i + 1] && strnlen(text + i + 1, next) == next && wide_char(text + i + 1, next)) {
                i++; /* "与 第" is "与第" */
                continue;
            }
        }
        memmove(text + out, text + i, n);
        prev = out, prev_n = n;
        out += n, i += n;
    }
    text[out] = '\0';
    return text;
}

int lang_pad(FILE *out, const char *text, int width, bool right_align)
{
    size_t w = lang_width(text);
    int pad = width > 0 && (size_t)width > w ? width - (int)w : 0;
    return right_align ? fprintf(out, "%*s%s", pad, "", text) : fprintf(out, "%s%*s", text, pad, "");
}

/* Whether the character at c (n bytes) is a clause mark a line may break after: 2 for
 * a semicolon (full-width ； or "; "), 1 for a comma or colon (，： or ", " ": "), else
 * 0; `next` is the byte after it ('\0' at the end). A mark in quotes is the character a
 * message names ("full-width '；' (U+FF1B)"), not the end of a clause. */
static int clause_mark(const char *c, size_t n, char next)
{
    if (next == '\'') return 0;
    if (n == 3 && !memcmp(c, "\xef\xbc\x9b", 3)) return 2;                             /* ； */
    if (n == 3) return !memcmp(c, "\xef\xbc\x8c", 3) || !memcmp(c, "\xef\xbc\x9a", 3); /* ，： */
    if (n != 1 || next != ' ') return 0;
    return *c == ';' ? 2 : *c == ',' || *c == ':';
}

/* Whether a line may break between two characters, prev and c (each one character's
 * bytes, NUL-terminated), where one of them is Chinese (wide): Chinese text breaks
 * between any two characters, except before a closing mark (，。）…) or after an
 * opening one (（《…), not beside a blank or ASCII punctuation (but after the 、 between
 * the items of a list, whatever begins the next: "[run]、[demand]"), and not between a
 * number and the Chinese after it, its unit (12345天). */
static bool wide_break(const char *prev, const char *c)
{
    static const char closing[] = "，。、；：？！）》」』〉％", opening[] = "（《「『〈";
    bool prev_wide = lang_width(prev) == 2, c_wide = lang_width(c) == 2;
    if (!strcmp(prev, "\xe3\x80\x81") && *c != ' ') return !(c_wide && strstr(closing, c)); /* 、 */
    if (!prev_wide && !c_wide) return false;
    if (!c_wide && !isalnum((unsigned char)*c)) return false;
    if (!prev_wide && !isalpha((unsigned char)*prev)) return false;
    return !(c_wide && strstr(closing, c)) && !(prev_wide && strstr(opening, prev));
}

/* Whether the comma ending line[0..i) stands between two numbers ("e.g. 1.3, 1.2"): a
 * list's item, not the end of a clause. */
static bool comma_in_numbers(const char *line, size_t len, size_t i)
{
    return i >= 2 && line[i - 1] == ',' && isdigit((unsigned char)line[i - 2]) && i + 1 < len &&
           isdigit((unsigned char)line[i + 1]);
}

/* Whether the blank at line[i] stands between a number (its last character a digit, %
 * or ×) and the Chinese after it: a number binds to the character that follows it, its
 * measure word or unit (2556 个, 95% 置信区间), and the blank does not part them. */
static bool number_blank(const char *line, size_t len, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && line[a - 1] == ' ') a--;
    while (b < len && line[b] == ' ') b++;
    if (a == 0 || b == len) return false;
    bool number = isdigit((unsigned char)line[a - 1]) || line[a - 1] == '%' ||
                  (a >= 2 && !memcmp(line + a - 2, "\xc3\x97", 2)); /* × */
    size_t n = lang_char_bytes((unsigned char)line[b]);
    char next[5] = {0};
    memcpy(next, line + b, n > len - b ? len - b : n);
    return number && lang_width(next) == 2;
}

/* Chinese words of two characters that a line does not part, beside the glossary's
 * terms: function words that say where or when (之间 "between", 以上 "and more"), which
 * read as nonsense split (之 / 间). Six bytes each. */
static const char zh_words[][7] = {"之一", "之内", "之前", "之后", "之外", "之间",
                                   "以上", "以下", "以内", "以及", "以外", "其中"};

/* Bytes of the glossary's term or the word of zh_words that text[0..n) begins with (the
 * longer), or 0. */
static size_t zh_word_at(const char *text, size_t n)
{
    size_t term = zh_term_at(text, n);
    for (size_t k = 0; term < 6 && n >= 6 && k < sizeof zh_words / sizeof zh_words[0]; k++)
        if (!memcmp(text, zh_words[k], 6)) return 6;
    return term;
}

/* How far the terms and words (zh_word_at) that begin at line[i] reach: i plus the longest
 * one's bytes, or reach as it was when that is further (a break before a byte short of
 * the reach would part a term). */
static size_t term_reach(const char *line, size_t len, size_t i, size_t reach)
{
    size_t end = i + zh_word_at(line + i, len - i);
    return end > reach ? end : reach;
}

/* Whether w[0..n) is an item of a list of short English items: a word of at most 20
 * ASCII letters, digits or -_.[]%, not "and" nor "or"; the last item may carry the
 * sentence's punctuation after it ("steps,"). */
static bool item_word(const char *w, size_t n, bool last)
{
    while (last && n > 0 && strchr(",.;:)", w[n - 1])) n--;
    if (n == 0 || n > 20 || (n == 3 && !memcmp(w, "and", 3)) || (n == 2 && !memcmp(w, "or", 2))) return false;
    for (size_t k = 0; k < n; k++)
        if (!isalnum((unsigned char)w[k]) && !strchr("-_.[]%", w[k])) return false;
    return true;
}

static bool joining_word(const char *w, size_t n)
{
    return (n == 3 && !memcmp(w, "and", 3)) || (n == 2 && !memcmp(w, "or", 2));
}

/* The lists of short items in line[0..len), one phrase each: "--from, --to and --steps",
 * "from, to and steps", "a, b, and c" (two items or more, item_word, a comma after each
 * but the last two, which "and" or "or" join; not an idiom's "on and on"). Each list's
 * first byte and last byte + 1 go into span[k][0] and span[k][1], at most `most` lists;
 * returns how many. A list's blanks are kept, as a number's (a break there gives way as
 * a term's does), and its commas end no clause: "give --from," / "--to and --steps"
 * parts the phrase. */
static size_t list_spans(const char *line, size_t len, size_t (*span)[2], size_t most)
{
    enum { WORDS = 24 }; /* words looked at from a list's first item */
    size_t found = 0;
    for (size_t a = 0; a < len && found < most;) { /* a: the word that may begin a list */
        while (a < len && line[a] == ' ') a++;
        size_t first = a;
        while (first < len && line[first] != ' ') first++;
        if (first - a < 2 || line[first - 1] != ',') { /* no list begins with a word without a comma */
            a = first;
            continue;
        }
        size_t start[WORDS], n[WORDS], k = 0;
        for (size_t b = a; k < WORDS && b < len; k++) { /* the words from a on */
            start[k] = b;
            while (b < len && line[b] != ' ') b++;
            n[k] = b - start[k];
            while (b < len && line[b] == ' ') b++;
        }
        size_t j = 0; /* the items with a comma after them */
        while (j < k && n[j] >= 2 && line[start[j] + n[j] - 1] == ',' && item_word(line + start[j], n[j] - 1, false))
            j++;
        size_t end = 0; /* the last item's end, when the words from a are a list */
        if (j >= 2 && j + 1 < k && joining_word(line + start[j], n[j]) &&
            item_word(line + start[j + 1], n[j + 1], true)) /* "a, b, and c" */
            end = start[j + 1] + n[j + 1];
        else if (j >= 1 && j + 2 < k && item_word(line + start[j], n[j], false) &&
                 joining_word(line + start[j + 1], n[j + 1]) && item_word(line + start[j + 2], n[j + 2], true) &&
                 (n[j] > n[j + 2] || memcmp(line + start[j], line + start[j + 2], n[j]) != 0))
            end = start[j + 2] + n[j + 2]; /* "a, b and c", but not "b and b" ("here, on and on") */
        if (end) {
            while (strchr(",.;:)", line[end - 1])) end--;
            span[found][0] = a, span[found][1] = end, found++;
            a = end;
        } else
            a = first;
    }
    return found;
}

/* The commands in line[0..len) that a message gives for the user to copy and run: from an
 * opening parenthesis, ( or （, right before the name of a program the messages suggest
 * ("(iconv -f CP949 -t UTF-8 a.csv > a_utf8.csv)", reader/csv.c), to the parenthesis
 * that closes it (one inside a quoted path aside), or the line's end. Each command's first
 * byte and last byte + 1 go into span[k][0] and span[k][1], at most `most`; returns how
 * many. A command is never broken: a line breaks before it, and one longer than the
 * width stands whole on a line of its own, past the width (docs/conventions.md rule 11). */
static size_t command_spans(const char *line, size_t len, size_t (*span)[2], size_t most)
{
    static const char *const programs[] = {"iconv "};
    size_t found = 0;
    for (size_t i = 0; i < len && found < most; i++) {
        size_t open = line[i] == '(' ? 1 : len - i >= 3 && !memcmp(line + i, "\xef\xbc\x88", 3) ? 3 : 0; /* （ */
        if (!open) continue;
        bool program = false;
        for (size_t k = 0; k < sizeof programs / sizeof programs[0]; k++) {
            size_t n = strlen(programs[k]);
            program |= len - i - open >= n && !memcmp(line + i + open, programs[k], n);
        }
        if (!program) continue;
        size_t end = i + open;
        bool quoted = false;
        while (end < len && (quoted || (line[end] != ')' && (len - end < 3 || memcmp(line + end, "\xef\xbc\x89", 3)))))
            quoted ^= line[end++] == '\'';
        end += end == len ? 0 : line[end] == ')' ? 1 : 3;
        span[found][0] = i, span[found][1] = end, found++;
        i = end - 1;
    }
    return found;
}

enum { COMMANDS_MOST = 4 }; /* the commands of a line kept whole */

/* Whether byte i lies inside one of the lists (list_spans): not its first byte. */
static bool in_spans(size_t (*span)[2], size_t n, size_t i)
{
    for (size_t k = 0; k < n; k++)
        if (i > span[k][0] && i < span[k][1]) return true;
    return false;
}

enum { LISTS_MOST = 16 }; /* the lists of a line kept whole; further ones break as other text does */

/* The distributions' signatures and short calls in line[0..len), "uniform(min, max)",
 * "triangular(0.9, 0.95, 1)", and a call with calls in it, "max(uniform(1, 2), 3)", as one:
 * a name of ASCII letters, digits and '_' right before '(', up to the ')' that closes it,
 * CALL_BYTES_MOST bytes at most in all (a long discrete() table breaks as other text does,
 * and a long call with a short one in it keeps only the short one whole). Each one's first
 * byte and last byte + 1 go into span[k][0] and span[k][1], at most `most`; returns how
 * many. No line breaks inside one: "uniform(min," / "max)" reads as two things (a long place
 * before it puts the text under the place instead, reader/scenario.c's
 * scenario_print_problem). */
enum { CALL_BYTES_MOST = 40 };
static size_t call_spans(const char *line, size_t len, size_t (*span)[2], size_t most)
{
    size_t found = 0;
    for (size_t i = 1; i < len && found < most; i++) {
        if (line[i] != '(' || !(isalnum((unsigned char)line[i - 1]) || line[i - 1] == '_')) continue;
        size_t a = i;
        while (a > 0 && (isalnum((unsigned char)line[a - 1]) || line[a - 1] == '_')) a--;
        size_t b = i, depth = 0; /* the parentheses open at b */
        for (; b < len && b - a < CALL_BYTES_MOST; b++)
            if (line[b] == '(')
                depth++;
            else if (line[b] == ')' && --depth == 0)
                break;
        if (b < len && b - a < CALL_BYTES_MOST && line[b] == ')' && isalpha((unsigned char)line[a])) {
            span[found][0] = a, span[found][1] = b + 1, found++;
            i = b;
        } /* else a call too long, or not closed: the calls inside it are looked for */
    }
    return found;
}

/* Where a line too long for any break within its width breaks anyway: after the first
 * clause mark, before the first blank (not one that binds a number to its unit) or at
 * the first break between Chinese characters (wide_break, not inside a term) from byte
 * `from` on (a character's first byte); len when there is none, and the line stays
 * whole. These are the places print_wrapped_line breaks at, taken past the width. */
static size_t first_break_after(const char *line, size_t len, size_t from)
{
    size_t lists[LISTS_MOST][2], nlists = list_spans(line, len, lists, LISTS_MOST);
    size_t cmds[COMMANDS_MOST][2], ncmds = command_spans(line, len, cmds, COMMANDS_MOST);
    size_t calls[LISTS_MOST][2], ncalls = call_spans(line, len, calls, LISTS_MOST);
    char prev[5] = {0};
    size_t reach = 0;
    for (size_t i = 0; i < len;) {
        size_t n = lang_char_bytes((unsigned char)line[i]);
        if (n > len - i) n = len - i;
        char one[5] = {0};
        memcpy(one, line + i, n);
        if (i >= from && !in_spans(cmds, ncmds, i) && !in_spans(cmds, ncmds, i + n)) {
            if (line[i] == ' ' && !number_blank(line, len, i) && !in_spans(lists, nlists, i) &&
                !in_spans(calls, ncalls, i))
                return i;
            if (i > from && i >= reach && wide_break(prev, one)) return i;
            if (clause_mark(line + i, n, i + n < len ? line[i + n] : '\0') && !in_spans(lists, nlists, i + n) &&
                !in_spans(calls, ncalls, i + n)) /* not the comma of "uniform(1, 2)" */
                return i + n;
        }
        if (lang_width(one) == 2) reach = term_reach(line, len, i, reach);
        memcpy(prev, one, sizeof prev);
        i += n;
    }
    return len;
}

/* One line of lang_print_wrapped: line[0..len), without its '\n'. It breaks nowhere in
 * its first `keep` bytes (nor in its indentation); a continuation begins with cont, or
 * when cont is NULL with the line's indentation and two blanks. A clause mark ends a
 * line only when the line's text (after its indentation or head) fills a third of the
 * room it has; with fill (a paragraph: lang_print_filled) half, and a blank inside
 * parentheses may take the break. */
static void print_wrapped_line(FILE *out, const char *line, size_t len, int max, size_t keep, const char *cont,
                               bool fill)
{
    const char *head = line; /* its indentation: blanks, and a comment's ';' or '#' */
    size_t lead = strspn(line, " ;#");
    if (lead > len) lead = len;
    int more = -1; /* the columns before a continuation's text (its head, two blanks), once there is one */
    for (size_t skip = keep > lead ? keep : lead;;
         skip = 0) { /* skip: the bytes at the start where it does not break */
        size_t clause[3] = {0}, space_out = 0, space_in = 0, wide = 0, wide_before = 0, i = 0; /* clause[2]: ; */
        size_t reach = 0, bound = 0, bound_before = 0; /* the terms' reach; the last breaks a term or number forbade */
        size_t blank_bound = 0;                        /* the last blank a number or a list kept (not inside a word) */
        int blank_bound_width = 0;
        int width = more < 0 ? 0 : more, depth = 0, clause_width[3] = {0};
        int space_out_width = 0, space_in_width = 0, wide_width = 0, wide_before_width = 0; /* the line's, cut there */
        int base = width; /* the columns before the text that may break: indentation, head */
        char prev[5] = {0};
        size_t lists[LISTS_MOST][2], nlists = list_spans(line, len, lists, LISTS_MOST);
        size_t cmds[COMMANDS_MOST][2], ncmds = command_spans(line, len, cmds, COMMANDS_MOST);
        size_t calls[LISTS_MOST][2], ncalls = call_spans(line, len, calls, LISTS_MOST);
        while (i < len) {
            const char *c = line + i;
            size_t n = lang_char_bytes((unsigned char)*c);
            if (n > len - i) n = len - i;
            char one[5] = {0};
            memcpy(one, c, n);
            if (i > skip && wide_break(prev, one) && !in_spans(cmds, ncmds, i)) { /* unless inside a term */
                if (i >= reach)
                    wide_before = wide, wide_before_width = wide_width, wide = i, wide_width = width;
                else
                    bound_before = bound, bound = i;
            }
            if (lang_width(one) == 2) reach = term_reach(line, len, i, reach);
            width += (int)lang_width(one);
            if (width > max) break;
            memcpy(prev, one, sizeof prev);
            i += n;
            if (*c == '(' || !memcmp(one, "\xef\xbc\x88", 4)) /* （ */
                depth++;
            else if ((*c == ')' || !memcmp(one, "\xef\xbc\x89", 4)) && depth > 0) /* ） */
                depth--;
            if (i <= skip) {
                base = width;
                continue;
            }
            int mark = depth == 0 ? clause_mark(c, n, i < len ? line[i] : '\0') : 0;
            if (mark == 1 && (comma_in_numbers(line, len, i) || in_spans(lists, nlists, i))) mark = 0;
            if (in_spans(cmds, ncmds, i)) continue; /* a command breaks nowhere */
            if (mark) clause[mark] = i, clause_width[mark] = width;
            /* a blank, but not the one after the article "a": "+0.11 a" / "day" parts what belongs together */
            bool after_a = i >= 3 && line[i - 2] == 'a' && line[i - 3] == ' ';
            if (*c == ' ' && in_spans(calls, ncalls, i - 1))
                ; /* inside "uniform(min, max)": no break at all */
            else if (*c == ' ' && !after_a && (number_blank(line, len, i - 1) || in_spans(lists, nlists, i - 1)))
                bound_before = bound, bound = i - 1, blank_bound = i - 1, blank_bound_width = width - 1;
            else if (*c == ' ' && !after_a && depth == 0)
                space_out = i - 1, space_out_width = width - 1;
            else if (*c == ' ' && !after_a)
                space_in = i - 1, space_in_width = width - 1;
        }
        /* the last blank outside parentheses (filling: or in them), or between Chinese
           characters, but not one that would leave at most three of them alone on the
           last line (a widow) when there is an earlier one */
        if (wide && len - wide <= 9 && wide_before) wide = wide_before, wide_width = wide_before_width;
        if (bound && len - bound <= 9 && bound_before) bound = bound_before;
        size_t blank = fill && space_in > space_out ? space_in : space_out;
        int blank_width = blank == space_in ? space_in_width : space_out_width;
        if (wide > blank) blank = wide, blank_width = wide_width;
        /* a term or a number kept whole gives way when it would leave the line less than a
           third full: a term longer than the room, a line of little else; but first a blank
           inside parentheses that fills a third takes the break ("之间" / "5 个点" in a
           parenthesis stay whole), then a blank after a number or in a list that does
           ("16.1234" / "之间": a word is parted last) */
        if (bound > blank && 3 * (blank_width - base) < max - base) {
            if (space_in > blank && 3 * (space_in_width - base) >= max - base)
                blank = space_in;
            else if (blank_bound > blank && 3 * (blank_bound_width - base) >= max - base)
                blank = blank_bound; /* a number's or a list's blank rather than inside a word */
            else
                blank = bound;
        }
        int enough = base + (max - base) / (fill ? 2 : 3);
        size_t cut = i == len                                 ? len
                     : clause[2] && clause_width[2] >= enough ? clause[2]
                     : clause[1] && clause_width[1] >= enough ? clause[1]
                     : blank                                  ? blank
                     : clause[2]                              ? clause[2]
                     : clause[1]                              ? clause[1]
                                                              : space_in;
        while (cut < len && cut > skip + 1 && line[cut - 1] == ' ') cut--; /* no blank at the line's end */
        if (!cut) cut = bound; /* a term longer than the room, or a number with no other break: part it */
        while (cut < len && cut > skip + 1 && line[cut - 1] == ' ') cut--;
        if (!cut) cut = first_break_after(line, len, i > skip ? i : skip); /* nowhere within max */
        if (more >= 0 && cont)
            fputs(cont, out);
        else if (more >= 0)
            fprintf(out, "%.*s  ", (int)lead, head);
        fprintf(out, "%.*s\n", (int)cut, line);
        if (cut == len) return;
        while (cut < len && line[cut] == ' ') cut++;
        line += cut, len -= cut;
        if (more < 0) more = cont ? (int)lang_width(cont) : (int)lead + 2; /* the head is ASCII: a column a byte */
    }
}

static void print_lines(FILE *out, const char *text, int max, bool fill)
{
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        print_wrapped_line(out, text, len, max, 0, NULL, fill);
        text += len + (nl != NULL);
    }
}

void lang_print_wrapped(FILE *out, const char *text, int max)
{
    print_lines(out, text, max, false);
}

void lang_print_filled(FILE *out, const char *text, int max)
{
    print_lines(out, text, max, true);
}

/* printf's text for fmt and args, however long, printed by print_lines. */
static void vprint_lines(FILE *out, int max, bool fill, const char *fmt, va_list args)
{
    va_list again;
    va_copy(again, args);
    int n = vsnprintf(NULL, 0, fmt, args);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (text) {
        vsnprintf(text, (size_t)n + 1, fmt, again);
        print_lines(out, text, max, fill);
        free(text);
    }
    va_end(again);
}

void lang_printf_wrapped(FILE *out, int max, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vprint_lines(out, max, false, fmt, args);
    va_end(args);
}

void lang_printf_filled(FILE *out, int max, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vprint_lines(out, max, true, fmt, args);
    va_end(args);
}

void lang_print_hanging(FILE *out, const char *head, const char *text, const char *cont, int max)
{
    for (;;) { /* each line of text: the first after head, the others after cont */
        size_t nhead = strlen(head), ntext = strcspn(text, "\n");
        char *line = malloc(nhead + ntext + 1);
        if (!line) return;
        memcpy(line, head, nhead);
        memcpy(line + nhead, text, ntext);
        line[nhead + ntext] = '\0';
        print_wrapped_line(out, line, nhead + ntext, max, nhead, cont, false);
        free(line);
        if (text[ntext] != '\n' || !text[ntext + 1]) return;
        text += ntext + 1, head = cont;
    }
}

bool lang_widow(const char *line)
{
    size_t halves = 0; /* two for each run of other non-blank characters, one a CJK ideograph */
    bool in_word = false;
    for (size_t left = strlen(line), n; left > 0; line += n, left -= n) {
        long c;
        n = utf8_next(line, left, &c);
        bool ideograph = (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
        bool wide_mark = (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
        if (c == ' ' || c == '\t' || ideograph || wide_mark)
            in_word = false;
        else if (!in_word)
            in_word = true, halves += 2;
        halves += ideograph;
    }
    return halves <= 4;
}

/* The text lang_print_hanging prints for these, in a malloc'd string (NULL when out of
 * memory), and its number of lines. */
static char *hanging_text(const char *head, const char *text, const char *cont, int max, size_t *lines)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    if (!mem) return NULL;
    lang_print_hanging(mem, head, text, cont, max);
    if (fclose(mem) != 0) {
        free(buf);
        return NULL;
    }
    *lines = 0;
    for (const char *c = buf; *c; c++) *lines += *c == '\n';
    return buf;
}

/* Whether the last of text's lines (each ending in '\n'), one of several, is a widow. */
static bool ends_in_widow(const char *text, size_t lines)
{
    if (lines < 2) return false;
    size_t len = strlen(text);
    const char *last = text + len - 1; /* its '\n' */
    while (last > text && last[-1] != '\n') last--;
    char *copy = strndup(last, (size_t)(text + len - 1 - last));
    if (!copy) return false;
    bool widow = lang_widow(copy);
    free(copy);
    return widow;
}

void lang_print_hanging_balanced(FILE *out, const char *head, const char *text, const char *cont, int max)
{
    size_t lines = 0;
    char *wrapped = hanging_text(head, text, cont, max, &lines);
    if (!wrapped) {
        lang_print_hanging(out, head, text, cont, max);
        return;
    }
    for (int narrower = max - 1; ends_in_widow(wrapped, lines) && narrower >= max * 2 / 3; narrower--) {
        size_t n = 0;
        char *again = hanging_text(head, text, cont, narrower, &n);
        if (again && n == lines && !ends_in_widow(again, n)) {
            free(wrapped);
            wrapped = again;
        } else
            free(again);
    }
    fputs(wrapped, out);
    free(wrapped);
}

/* ---- a column head on two lines ---- */

/* How well a head parts before a character, best first (lang_head_break). */
enum head_part { PART_BRACKET, PART_WORD, PART_UNDERSCORE, PART_INNER_TERM, PART_WEAK, PART_INSIDE, PART_NONE };

/* Whether c is a CJK ideograph (as lang_widow counts them). */
static bool ideograph(long c)
{
    return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/* Whether the Chinese character at text (n bytes left) stands alone as a word: 1 for 与
 * 和 或 及, 2 for 的 时 率, which end the word before them; 0 for others, and where it
 * begins a word of two of its own (时间, 及时, ...). */
static int zh_single(const char *text, size_t n)
{
    static const char *const joins = "与和或及", *const ends = "的时率";
    static const char *const pairs[] = {"时间", "时期", "时段", "时候", "时效", "及时", "或者", "和谐", "率先", "与其"};
    if (n < 3) return 0;
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        if (n >= 6 && !memcmp(text, pairs[k], 6)) return 0;
    for (const char *p = joins; *p; p += 3)
        if (!memcmp(text, p, 3)) return 1;
    for (const char *p = ends; *p; p += 3)
        if (!memcmp(text, p, 3)) return 2;
    return 0;
}

/* Whether a line may not begin with the character c (its bytes, NUL-terminated): an
 * ASCII closing mark or separator, or a full-width closing mark. */
static bool closing_mark(const char *c)
{
    if (!c[1]) return strchr(")]},.;:!?\\/%", *c) != NULL;
    return strstr("，。、；：？！）》」』〉％", c) != NULL;
}

int lang_head_columns(const char *head, size_t upper, size_t lower)
{
    if (!upper) return (int)lang_width(head);
    char line[200];
    snprintf(line, sizeof line, "%.*s", (int)upper, head);
    int a = (int)lang_width(line), b = (int)lang_width(head + lower);
    return a > b ? a : b;
}

size_t lang_head_break(const char *head, int width, size_t *lower)
{
    *lower = 0;
    size_t len = strlen(head);
    if ((int)lang_width(head) <= width || len < 2) return 0;
    struct hchar {
        size_t at, n; /* its bytes */
        long c;
        int from;            /* the columns before it */
        enum head_part part; /* how well the head parts before it, when it is Chinese */
    } *ch = malloc((len + 1) * sizeof *ch);
    if (!ch) return 0;
    size_t nch = 0;
    locale_t old = utf8_begin();
    int columns = 0;
    for (size_t at = 0, n; at < len; at += n) {
        long c;
        n = utf8_next(head + at, len - at, &c);
        ch[nch++] = (struct hchar){at, n, c, columns, PART_WORD};
        columns += char_width(c); /* as lang_width measures */
    }
    utf8_end(old);
    ch[nch] = (struct hchar){len, 0, 0, columns, PART_WORD};
    /* the opening bracket of a parenthesis that ends the head ("(paired)", （配对）), if any */
    size_t bracket = nch;
    for (size_t i = 0; i < nch; i++)
        if (ch[i].c == '(' || ch[i].c == 0xff08) bracket = i;
    if (nch && ch[nch - 1].c != ')' && ch[nch - 1].c != 0xff09) bracket = nch;
    /* the Chinese words: the glossary's terms, the characters that stand alone, the
       others two at a time */
    size_t reach = 0, term_from = 0; /* the characters a term covers, from term_from to reach */
    bool second = false;             /* the second character of a word of two */
    for (size_t i = 0; i < nch; i++) {
        if (!ideograph(ch[i].c)) {
            second = false;
            continue;
        }
        size_t t = zh_term_at(head + ch[i].at, len - ch[i].at), end = i;
        while (end < nch && ch[end].at < ch[i].at + t) end++;
        if (i < reach) { /* inside a term */
            ch[i].part = t ? PART_INNER_TERM : (i - term_from) % 2 == 0 ? PART_WEAK : PART_INSIDE;
            if (end > reach) reach = end;
            continue;
        }
        int single = zh_single(head + ch[i].at, len - ch[i].at);
        if (t)
            reach = end, term_from = i, second = false;
        else if (single)
            ch[i].part = single == 2 ? PART_WEAK : PART_WORD, second = false;
        else
            ch[i].part = second ? PART_INSIDE : PART_WORD, second = !second;
    }
    size_t best = 0, best_lower = 0;
    enum head_part best_part = PART_NONE;
    int best_width = 0;
    for (size_t i = 1; i < nch; i++) {
        char prev[5] = {0}, one[5] = {0};
        memcpy(prev, head + ch[i - 1].at, ch[i - 1].n < 4 ? ch[i - 1].n : 4);
        memcpy(one, head + ch[i].at, ch[i].n < 4 ? ch[i].n : 4);
        size_t b = i; /* where the lower line begins */
        enum head_part part = PART_NONE;
        if (*one == ' ' && *prev != ' ') { /* a run of blanks, not at the head's end nor before a closing mark */
            while (b < nch && head[ch[b].at] == ' ') b++;
            char next[5] = {0};
            if (b < nch) memcpy(next, head + ch[b].at, ch[b].n < 4 ? ch[b].n : 4);
            if (b < nch && !closing_mark(next)) part = PART_WORD;
        } else if (*prev == '_' && *one != ' ')
            part = PART_UNDERSCORE;
        else if (*one != ' ' && *prev != ' ' && wide_break(prev, one))
            part = ideograph(ch[i].c) ? ch[i].part : PART_WORD;
        if (part == PART_NONE) continue;
        if (b == bracket) part = PART_BRACKET;
        int upper = ch[i].from, rest = columns - ch[b].from, wider = upper > rest ? upper : rest;
        if (part < best_part || (part == best_part && wider < best_width))
            best = ch[i].at, best_lower = ch[b].at, best_part = part, best_width = wider;
    }
    free(ch);
    if (best) *lower = best_lower;
    return best;
}
