/* scan.c - the pre-parse check. Lines are split on LF; a CR before the LF is a
 * Windows line end and is fine. */
#include "scan.h"
#include "fullwidth.h"
#include "keys.h"
#include "lang/lang.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct scanner {
    struct scan *out;
    scan_report_fn report;
    void *ctx;
    size_t problems;
    char section[SCAN_NAME_MAX + 1];
    int seen_header; /* a [section] line came before, valid or not */
};

static void problem(struct scanner *sc, int line, const char *section, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void problem(struct scanner *sc, int line, const char *section, const char *key, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sc->problems++;
    sc->report(sc->ctx, line, 0, section, key, msg);
}

/* Two GBK characters at least before a file is said to be GBK: one byte pair fits GBK by
 * chance (an overlong UTF-8 sequence such as C0 AF does); a Chinese word has two. */
enum { GBK_PAIRS_MIN = 2 };

/* Length of a valid UTF-8 sequence at p (at most n bytes), or 0. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    size_t len;
    unsigned min;
    if (p[0] < 0x80) return 1;
    if ((p[0] & 0xe0) == 0xc0)
        len = 2, min = 0x80;
    else if ((p[0] & 0xf0) == 0xe0)
        len = 3, min = 0x800;
    else if ((p[0] & 0xf8) == 0xf0)
        len = 4, min = 0x10000;
    else
        return 0;
    if (len > n) return 0;
    unsigned cp = p[0] & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return len;
}

/* The English section a section named in the course's Chinese stands for (docs/glossary.md
 * and `servlab keys --lang zh`): "库存" is inventory, "客户层次.关键" tier.NAME. Exact
 * names, with or without 节 after them; NULL for any other name. Each name is a term of the
 * glossary's table naming that section, or in its list of the other words the reader
 * understands (tests/test_docs.sh checks). */
const char *scan_chinese_section(const char *name)
{
    static const struct {
        const char *chinese, *section;
    } sections[] = {{"运行", "run"},
                    {"仿真", "run"},
                    {"模拟", "run"},
                    {"需求", "demand"},
                    {"订单周期", "order_cycle"},
                    {"库存", "inventory"},
                    {"缺货反应", "reactions"},
                    {"客户", "customers"},
                    {"顾客", "customers"},
                    {"客户群", "customers"},
                    {"顾客忠诚", "loyalty"},
                    {"忠诚", "loyalty"},
                    {"抱怨", "complaints"},
                    {"投诉", "complaints"},
                    {"成本", "costs"},
                    {"收入", "revenue"},
                    {"退货", "returns"},
                    {"顾客退货", "returns"},
                    {"逆向物流", "returns"},
                    {"顾客抱怨", "complaints"},
                    {"服务合同", "contract"},
                    {"合同", "contract"},
                    {"参数扫描", "sweep"},
                    {"扫描", "sweep"},
                    {"产品", "product.NAME"},
                    {"客户层次", "tier.NAME"},
                    {"订货渠道", "channel.NAME"},
                    {"渠道", "channel.NAME"},
                    {"仓库", "location.NAME"},
                    {"库存点", "location.NAME"},
                    {"区域", "region.NAME"}};
    size_t len = strcspn(name, ".");
    if (len >= strlen("节") && strncmp(name + len - strlen("节"), "节", strlen("节")) == 0) len -= strlen("节");
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        if (strlen(sections[i].chinese) == len && strncmp(name, sections[i].chinese, len) == 0)
            return sections[i].section;
    return NULL;
}

static int name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* inih is to read only the first `keep` bytes of `line` (struct scan's cuts). */
static void cut_line(struct scanner *sc, int line, size_t keep)
{
    struct scan *s = sc->out;
    if (s->ncuts == s->cuts_cap) {
        s->cuts_cap = s->cuts_cap ? 2 * s->cuts_cap : 16;
        s->cuts = realloc(s->cuts, s->cuts_cap * sizeof *s->cuts);
        if (!s->cuts) abort();
    }
    s->cuts[s->ncuts++] = (struct scan_cut){line, keep};
}

/* The bytes of line s (n of them) before its comment, trailing blanks left out: a line
 * that starts with ';' or '#' (after blanks) is all comment; a header's comment starts
 * at a ';' or '#' after its ']'; a key line's at a ';' after a blank (as scan_pair and
 * inih read them). */
static size_t before_comment(const char *s, size_t n)
{
    size_t lead = 0, end = n;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t')) lead++;
    if (lead < n && (s[lead] == ';' || s[lead] == '#')) return 0;
    const char *close = lead < n && s[lead] == '[' ? memchr(s, ']', n) : NULL;
    for (size_t i = close ? (size_t)(close - s) + 1 : lead + 1; i < n; i++)
        if (close ? s[i] == ';' || s[i] == '#' : s[i] == ';' && isspace((unsigned char)s[i - 1])) {
            end = i;
            break;
        }
    while (end > 0 && isspace((unsigned char)s[end - 1])) end--;
    return end;
}

/* The key of the key line s (n bytes) into key, if it has a readable one: a name
 * before '=', not too long. */
static bool key_of_line(const char *s, size_t n, char key[SCAN_NAME_MAX + 1])
{
    size_t k = 0;
    while (k < n && k <= SCAN_NAME_MAX && name_char(s[k])) k++;
    size_t after = k;
    while (after < n && (s[after] == ' ' || s[after] == '\t')) after++;
    if (k == 0 || k > SCAN_NAME_MAX || after == n || s[after] != '=') return false;
    memcpy(key, s, k);
    key[k] = '\0';
    return true;
}

/* Whether name's first len bytes name a family of sections ("tier" of [tier.key]), so
 * that only the member's name after the dot is at fault. */
static bool is_family_prefix(const char *name, size_t len)
{
    char member[SCAN_NAME_MAX + 8];
    snprintf(member, sizeof member, "%.*s.x", (int)(len < SCAN_NAME_MAX ? len : SCAN_NAME_MAX), name);
    return key_section_known(member);
}

/* The problem just reported on `line` is that line's alone (struct scan's skipped). */
static void skip_line(struct scanner *sc, int line)
{
    struct scan *s = sc->out;
    if (s->nskipped == s->skipped_cap) {
        s->skipped_cap = s->skipped_cap ? 2 * s->skipped_cap : 16;
        s->skipped = realloc(s->skipped, s->skipped_cap * sizeof *s->skipped);
        if (!s->skipped) abort();
    }
    s->skipped[s->nskipped++] = line;
}

static void add_entry(struct scanner *sc, int line, int is_section, const char *key)
{
    struct scan *s = sc->out;
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->entries = realloc(s->entries, s->cap * sizeof *s->entries);
        if (!s->entries) abort();
    }
    struct scan_entry *e = &s->entries[s->n++];
    memset(e, 0, sizeof *e);
    e->line = line;
    e->is_section = is_section;
    snprintf(e->section, sizeof e->section, "%s", sc->section);
    if (key) snprintf(e->key, sizeof e->key, "%s", key);
}

static const struct scan_entry *find_earlier(const struct scan *s, int is_section, const char *section, const char *key)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct scan_entry *e = &s->entries[i];
        if (e->is_section == is_section && strcmp(e->section, section) == 0 && (is_section || strcmp(e->key, key) == 0))
            return e;
    }
    return NULL;
}

static void scan_section(struct scanner *sc, int line, const char *s, size_t len)
{
    const char *close = memchr(s, ']', len);
    sc->seen_header = 1;
    sc->section[0] = '\0';
    if (!close) {
        struct fullwidth bracket; /* "[inventory】": the ']' typed in Chinese mode */
        if (fullwidth_closing_bracket(s, len, &bracket)) {
            char msg[300];
            fullwidth_problem(&bracket, false, true, msg, sizeof msg);
            sc->problems++;
            sc->report(sc->ctx, line, bracket.column, "", "", msg);
        } else {
            problem(sc, line, "", "", _("section header is missing its closing ']'"));
        }
        return;
    }
    size_t n = (size_t)(close - s - 1);
    for (const char *p = close + 1; p < s + len; p++) {
        if (*p == ';' || *p == '#') break;
        if (!isspace((unsigned char)*p)) {
            problem(sc, line, "", "", _("unexpected text after the section header's ']'"));
            return;
        }
    }
    if (n == 0) {
        problem(sc, line, "", "", _("empty section name '[]'"));
        return;
    }
    char name[SCAN_LINE_MAX + 1];
    memcpy(name, s + 1, n);
    name[n] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (!name_char(name[i]) && name[i] != '.') {
            /* "order cycle" -> "order_cycle"; blanks at either end or beside a dot are
               dropped ("[ order_cycle ]", "[location. dc]" -> [location.dc]: an '_' there
               would name another section than the one meant) */
            char joined[SCAN_LINE_MAX + 1];
            size_t k = 0;
            for (size_t j = 0; j < n; j++) {
                if (!isspace((unsigned char)name[j])) {
                    joined[k++] = name[j];
                    continue;
                }
                size_t next = j;
                while (next < n && isspace((unsigned char)name[next])) next++;
                if (k > 0 && next < n && !strchr("._", joined[k - 1]) && !strchr("._", name[next])) joined[k++] = '_';
                j = next - 1;
            }
            joined[k] = '\0';
            if (isspace((unsigned char)name[i]) && key_section_known(joined))
                problem(sc, line, "", "",
                        _("'[%s]' is not a section name (no spaces inside the brackets); did you mean [%s]?"), name,
                        joined);
            else if (isspace((unsigned char)name[i]))
                problem(sc, line, "", "",
                        _("'[%s]' is not a section name (letters, digits, '_' and '.' only; no spaces inside the "
                          "brackets)"),
                        name);
            else if ((unsigned char)name[i] >= 0x80 && strchr(name, '.') && (size_t)(strchr(name, '.') - name) < i &&
                     !scan_chinese_section(name) && is_family_prefix(name, (size_t)(strchr(name, '.') - name)))
                /* [tier.关键客户]: the family is right, the Chinese name after the dot is not */
                problem(sc, line, "", "",
                        _("'[%s]': the name after the dot takes letters, digits and '_' only; put the Chinese in a "
                          "comment: "
                          "[%.*s.NAME] ; %s"),
                        name, (int)(strchr(name, '.') - name), name, strchr(name, '.') + 1);
            else if (scan_chinese_section(name))
                problem(sc, line, "", "",
                        _("'[%s]' is not a section name: sections are named in English; this one is [%s]"), name,
                        scan_chinese_section(name));
            else
                problem(sc, line, "", "", _("'[%s]' is not a section name (letters, digits, '_' and '.' only)"), name);
            return;
        }
    }
    if (n > SCAN_NAME_MAX) {
        problem(sc, line, "", "", _("section name is %zu characters long; at most %d are read"), n, SCAN_NAME_MAX);
        return;
    }
    const struct scan_entry *dup = find_earlier(sc->out, 1, name, NULL);
    if (dup) {
        problem(sc, line, name, "", _("section appears twice (first on line %d); put all its keys under one header"),
                dup->line);
        return;
    }
    memcpy(sc->section, name, n + 1);
    add_entry(sc, line, 1, NULL);
}

static void scan_pair(struct scanner *sc, int line, const char *s, size_t len)
{
    size_t body = before_comment(s, len); /* the part before an inline comment: ';' after a blank */
    const char *eq = memchr(s, '=', body);
    if (!eq) {
        char word[SCAN_NAME_MAX + 1];
        snprintf(word, sizeof word, "%.*s", (int)(body < SCAN_NAME_MAX ? body : SCAN_NAME_MAX), s);
        if (memchr(s, ':', body))
            problem(sc, line, sc->section, "", _("write 'key = value' with '=' (':' is not accepted here)"));
        else if (body <= SCAN_NAME_MAX && key_section_known(word))
            problem(sc, line, sc->section, "", _("a section header is written in brackets: [%s]"), word);
        else
            problem(sc, line, sc->section, "",
                    _("expected 'key = value', a [section] header or a comment; found '%.*s'"),
                    (int)(body > 40 ? 40 : body), s);
        return;
    }
    size_t klen = (size_t)(eq - s);
    while (klen && isspace((unsigned char)s[klen - 1])) klen--;
    char key[SCAN_LINE_MAX + 1];
    memcpy(key, s, klen);
    key[klen] = '\0';
    if (klen == 0) {
        problem(sc, line, sc->section, "", _("a value without a key name before '='"));
        return;
    }
    const char *dot = strrchr(key, '.');
    if (dot && dot - key < (ptrdiff_t)SCAN_NAME_MAX) { /* --set's SECTION.KEY written in the file */
        char section[SCAN_NAME_MAX + 1];
        snprintf(section, sizeof section, "%.*s", (int)(dot - key), key);
        if (key_section_known(section) && key_find(section, dot + 1) >= 0) {
            problem(sc, line, sc->section, "",
                    _("'%s' is how --set names a key; in a file write '%s = ...' under the header [%s]"), key, dot + 1,
                    section);
            return;
        }
    }
    for (size_t i = 0; i < klen; i++) {
        if (!name_char(key[i])) {
            if ((unsigned char)key[i] >= 0x80 && sc->section[0] && key_section_known(sc->section))
                /* 种子 = 1: a key named in Chinese, under a section `servlab keys` lists */
                problem(sc, line, sc->section, "",
                        _("'%s' is not a key name: keys are named in English, as 'servlab keys %.*s' lists them"), key,
                        (int)strcspn(sc->section, "."), sc->section);
            else if ((unsigned char)key[i] >= 0x80 && !sc->section[0]) /* 种子 = 1 before any [section] */
                problem(sc, line, sc->section, "",
                        _("'%s' is not a key name: keys are named in English, each under its [section] header, "
                          "as 'servlab keys' lists them"),
                        key);
            else
                problem(sc, line, sc->section, "", _("'%s' is not a key name (letters, digits and '_' only)"), key);
            return;
        }
    }
    if (klen > SCAN_NAME_MAX) {
        problem(sc, line, sc->section, "", _("key name is %zu characters long; at most %d are read"), klen,
                SCAN_NAME_MAX);
        return;
    }
    if (!sc->section[0]) {
        const char *full = key_full_name_of_bare(key); /* "run.horizon_days": its own section */
        if (!sc->seen_header && full)
            problem(sc, line, "", key, _("key outside any section; put it under its header, [%.*s]"),
                    (int)(strchr(full, '.') - full), full);
        else if (!sc->seen_header)
            problem(sc, line, "", key, _("key outside any section; put it under a header such as [demand]"));
        return; /* keys under a broken header: the header was reported */
    }
    const struct scan_entry *dup = find_earlier(sc->out, 0, sc->section, key);
    if (dup) {
        problem(sc, line, sc->section, key, _("duplicate key (first set on line %d); keep one"), dup->line);
        skip_line(sc, line);
        return;
    }
    add_entry(sc, line, 0, key);
}

/* Where s (n bytes) first has ASCII c or its full-width twin: the offset, or n; *width
 * gets the bytes that one takes (1 or 3). */
static size_t find_either(const char *s, size_t n, char c, size_t *width)
{
    struct fullwidth hit;
    for (size_t i = 0; i < n; i++) {
        *width = 1;
        if (s[i] == c) return i;
        if (fullwidth_find(s + i, n - i < 3 ? n - i : 3, &hit) && hit.ascii == c) {
            *width = 3;
            return i;
        }
    }
    return n;
}

/* A character typed in full-width mode on a line that is not a comment (s, n bytes, from
 * the first column; lead blanks first): reports the first, at its column, and returns 1
 * on a key line, 2 on a header; else 0. What is checked is what inih reads: a header
 * ('[' or '［' first) up to a ';' or '#' after its ']', another line up to a ';' after
 * a blank; of [demand] history only the key and the '=', since a file name may hold any
 * character. On a key line the message names the key, as a problem with its value
 * would; a broken header leaves no section open, as scan_section does. A line that
 * opens with '【' is a header typed in Chinese mode ('【】' elsewhere are text). */
static int scan_fullwidth(struct scanner *sc, int line, const char *s, size_t n, size_t lead)
{
    struct fullwidth bracket;
    if (fullwidth_bracket_at(s + lead, n - lead, (int)lead + 1, &bracket)) { /* "【demand】" */
        char msg[300];
        fullwidth_problem(&bracket, false, true, msg, sizeof msg);
        sc->problems++;
        sc->seen_header = 1;
        sc->section[0] = '\0';
        sc->report(sc->ctx, line, bracket.column, "", "", msg);
        return 2;
    }
    size_t w, sep_w = 1;
    int header = find_either(s + lead, n - lead, '[', &w) == 0;
    size_t close = header ? find_either(s, n, ']', &w) : n, body = n;
    for (size_t i = close < n ? close : 1; i < n; i++)
        if ((close < n && (s[i] == ';' || s[i] == '#')) || (s[i] == ';' && isspace((unsigned char)s[i - 1]))) {
            body = i;
            break;
        }
    char key[SCAN_NAME_MAX + 1] = "";
    size_t sep = header ? body : find_either(s, body, '=', &sep_w);
    if (!header && sep == body) sep = find_either(s, body, ':', &sep_w); /* 'key：value' */
    if (!header && sep < body) {
        size_t end = sep, k = 0;
        for (;;) { /* blanks before the separator, full-width ones too */
            if (end > lead && (s[end - 1] == ' ' || s[end - 1] == '\t'))
                end--;
            else if (end >= lead + 3 && memcmp(s + end - 3, "\xe3\x80\x80", 3) == 0)
                end -= 3;
            else
                break;
        }
        while (lead + k < end && k < SCAN_NAME_MAX && name_char(s[lead + k])) k++;
        if (k && lead + k == end) memcpy(key, s + lead, k), key[k] = '\0';
        if (key[0] && sc->section[0] && key_find(sc->section, key) == K_DEMAND_HISTORY) body = sep + sep_w;
    }
    struct fullwidth hit;
    if (!fullwidth_find(s, body, &hit)) return 0;
    if (!header && hit.offset == sep && hit.ascii == ':') hit.ascii = '='; /* it stands where '=' goes */
    if (header) {
        sc->seen_header = 1;
        sc->section[0] = '\0';
    }
    char msg[300];
    /* "0，8": the number to write, 0.8, where "type ','" would lead to "0,8", refused next */
    if (header || hit.offset <= sep || sep >= body ||
        !key_fullwidth_number(sc->section, key, &hit, s + sep + sep_w, body - sep - sep_w, msg, sizeof msg))
        fullwidth_problem(&hit, key_takes_percent(sc->section, key), key_is_share(sc->section, key), msg, sizeof msg);
    sc->problems++;
    sc->report(sc->ctx, line, hit.column, header ? "" : sc->section, key, msg);
    return header ? 2 : 1;
}

bool scan_is_utf8(const char *s, size_t n)
{
    for (size_t i = 0, l; i < n; i += l)
        if (!(l = utf8_len((const unsigned char *)s + i, n - i))) return false;
    return true;
}

static bool ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The two-byte characters of s (n bytes) read as GBK in GB2312's core, lead and trail
 * byte both 0xA1-0xFE (where Chinese characters are), or 0 when a byte past ASCII is
 * not part of a GBK pair at all (lead 0x81-0xFE, trail 0x40-0xFE but 0x7F) nor of one of
 * GB18030's four-byte characters (0x81-0xFE, 0x30-0x39, 0x81-0xFE, 0x30-0x39). A Latin-1
 * letter before an ASCII one ("crème") makes a GBK pair, but not one of the core. */
static size_t gbk_pairs(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t core = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x80) continue;
        if (p[i] != 0x80 && p[i] != 0xff && i + 3 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39 && p[i + 2] >= 0x81 &&
            p[i + 2] != 0xff && p[i + 3] >= 0x30 && p[i + 3] <= 0x39) {
            i += 3; /* GB18030's four bytes: a rarer character, not of the core */
            continue;
        }
        if (p[i] == 0x80 || p[i] == 0xff || i + 1 == n || p[i + 1] < 0x40 || p[i + 1] == 0x7f || p[i + 1] == 0xff)
            return 0;
        /* a pair inside a Latin word is two accented letters side by side (Größe: F6 DF),
           which is a core pair too; one Chinese character between two Latin letters is
           rare enough that such a file is not taken for GBK */
        if (i > 0 && ascii_letter(p[i - 1]) && i + 2 < n && ascii_letter(p[i + 2])) return 0;
        core += p[i] >= 0xa1 && p[i + 1] >= 0xa1;
        i++;
    }
    return core;
}

/* The characters of s (n bytes) that are valid UTF-8 of two bytes or more; the bytes
 * where no valid UTF-8 character starts (each skipped alone) in *invalid. */
static size_t utf8_multibyte(const char *s, size_t n, size_t *invalid)
{
    size_t k = 0;
    *invalid = 0;
    for (size_t i = 0, l; i < n; i += l ? l : 1) {
        l = utf8_len((const unsigned char *)s + i, n - i);
        k += l >= 2;
        *invalid += l == 0;
    }
    return k;
}

/* Do `core` GBK pairs against `utf8` UTF-8 characters and `invalid` bytes that are not
 * UTF-8 read as GBK? Two pairs at least (one fits by chance: an overlong UTF-8 sequence
 * such as C0 AF), and more than twice the UTF-8 characters or fewer UTF-8 characters than
 * bytes that are not: a UTF-8 Chinese file with one stray byte has many characters and
 * one such byte; in a GBK file, one pair in six or so reads as a UTF-8 character by
 * chance (螺栓 螺母 has two: CB A8 and C4 B8), and most others leave a byte that is not. */
static bool reads_as_gbk(size_t core, size_t utf8, size_t invalid)
{
    return core >= GBK_PAIRS_MIN && (core > 2 * utf8 || invalid > utf8);
}

/* The characters outside ASCII that a Chinese table holds: ideographs, Chinese and
 * full-width punctuation, and the symbols of GB2312's first rows that tables use (× ·
 * ° ± “” — … ℃ № ① → ■ ★), and the yen and yuan sign ¥ (U+00A5), which GBK lacks and
 * GB18030 writes in 4 bytes (81 30 84 36), as a price column of a Chinese export has it
 * beside the full-width ￥ (U+FFE5). GB18030 also decodes Big5, EUC-KR and Latin-1 bytes, to
 * kana, Greek, Cyrillic, box drawing, accented Latin or the private-use area: a file
 * that decodes to any of those was not written in GB18030. */
static const struct {
    unsigned long from, to;
} chinese_text[] = {
    {0x00a5, 0x00a5}, {0x00b0, 0x00b1}, {0x00b7, 0x00b7}, {0x00d7, 0x00d7},   {0x00f7, 0x00f7},
    {0x2010, 0x2030}, {0x2100, 0x2199}, {0x2200, 0x22ff}, {0x2460, 0x249b},   {0x25a0, 0x25ff},
    {0x2600, 0x26ff}, {0x3000, 0x301f}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff},   {0xf900, 0xfaff},
    {0xfe30, 0xfe4f}, {0xff01, 0xff5e}, {0xffe0, 0xffe5}, {0x20000, 0x2ffff},
};

/* The character at p[i] (of n bytes) as a code point in *c and its length in bytes;
 * 0 when the bytes there are not UTF-8. */
static size_t code_point_at(const unsigned char *p, size_t n, size_t i, unsigned long *c)
{
    size_t l = utf8_len(p + i, n - i);
    if (!l) return 0;
    *c = l == 1 ? p[i] : p[i] & (0xffu >> (l + 1));
    for (size_t k = 1; k < l; k++) *c = *c << 6 | (p[i + k] & 0x3fu);
    return l;
}

bool scan_chinese_text(const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0, l; i < n; i += l) {
        unsigned long c;
        if (!(l = code_point_at(p, n, i, &c))) return false;
        if (l == 1) continue;
        size_t r = 0, nr = sizeof chinese_text / sizeof *chinese_text;
        while (r < nr && !(c >= chinese_text[r].from && c <= chinese_text[r].to)) r++;
        if (r == nr) return false;
    }
    return true;
}

bool scan_korean_text(const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    bool syllable = false;
    for (size_t i = 0, l; i < n; i += l) {
        unsigned long c;
        if (!(l = code_point_at(p, n, i, &c))) return false;
        if (l == 1) continue;
        bool hangul = c >= 0xac00 && c <= 0xd7a3; /* the syllables */
        syllable |= hangul;
        if (!hangul && !(c >= 0x3131 && c <= 0x318e)) return false; /* nor compatibility jamo (ㄱ ㅏ) */
    }
    return syllable;
}

bool scan_japanese_text(const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    bool kana = false;
    for (size_t i = 0, l; i < n; i += l) {
        unsigned long c;
        if (!(l = code_point_at(p, n, i, &c))) return false;
        if (l == 1) continue;
        bool is_kana = (c >= 0x3041 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f); /* and half-width */
        kana |= is_kana;
        /* not the half-width punctuation (U+FF61-FF65), which random bytes A1-A5 make */
        if (!is_kana && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0x4e00 && c <= 0x9fff) && !(c >= 0xff01 && c <= 0xff60))
            return false;
    }
    return kana;
}

/* The commonest Hangul syllables: the 500 that most often stand in the Korean translations
 * of a Debian system's programs (341,693 syllables, of which these are 98.7%), and those of
 * the words of a planner's table (날짜, 판매량, 재고, 단가, 볼트, 와셔, 창고 ...), in
 * code point order. Korean text is made of them nearly all; Chinese text decoded as CP949
 * mostly of the other 1,850 of EUC-KR (日期 reads 휑퍅, 出库量 놔욋좆). */
static const unsigned short common_hangul[] = {
    0xac00, 0xac01, 0xac04, 0xac08, 0xac10, 0xac11, 0xac12, 0xac15, 0xac19, 0xac1c, 0xac1d, 0xac2f, 0xac70, 0xac74,
    0xac80, 0xac83, 0xac8c, 0xac9f, 0xaca9, 0xacac, 0xacb0, 0xacbd, 0xacc4, 0xace0, 0xace8, 0xacf5, 0xacfc, 0xad00,
    0xad04, 0xad11, 0xad50, 0xad6c, 0xad6d, 0xad8c, 0xadc0, 0xaddc, 0xadf8, 0xadfc, 0xae00, 0xae08, 0xae09, 0xae30,
    0xae34, 0xae38, 0xae41, 0xae43, 0xae45, 0xae4c, 0xaed8, 0xaf34, 0xafb8, 0xafc0, 0xafc8, 0xb04a, 0xb05d, 0xb098,
    0xb09c, 0xb0a0, 0xb0a8, 0xb0a9, 0xb0ac, 0xb0b4, 0xb0bc, 0xb0c5, 0xb108, 0xb110, 0xb118, 0xb123, 0xb124, 0xb144,
    0xb178, 0xb17c, 0xb192, 0xb204, 0xb20c, 0xb274, 0xb294, 0xb298, 0xb2a5, 0xb2c8, 0xb2cc, 0xb2d8, 0xb2d9, 0xb2e4,
    0xb2e8, 0xb2eb, 0xb2ec, 0xb2f4, 0xb2f5, 0xb2f9, 0xb300, 0xb354, 0xb364, 0xb36e, 0xb370, 0xb371, 0xb374, 0xb378,
    0xb3c4, 0xb3c5, 0xb3cc, 0xb3d9, 0xb418, 0xb41c, 0xb420, 0xb428, 0xb429, 0xb450, 0xb4a4, 0xb4c8, 0xb4dc, 0xb4e0,
    0xb4e4, 0xb4ed, 0xb4f1, 0xb514, 0xb529, 0xb530, 0xb54c, 0xb5a4, 0xb610, 0xb700, 0xb77c, 0xb77d, 0xb780, 0xb78c,
    0xb78d, 0xb791, 0xb798, 0xb79c, 0xb7a8, 0xb7b5, 0xb7c9, 0xb7ec, 0xb7ed, 0xb7f0, 0xb7fc, 0xb808, 0xb809, 0xb80c,
    0xb824, 0xb825, 0xb828, 0xb82c, 0xb839, 0xb85c, 0xb85d, 0xb860, 0xb864, 0xb86c, 0xb86d, 0xb86f, 0xb8cc, 0xb8e8,
    0xb8f0, 0xb8f9, 0xb958, 0xb960, 0xb968, 0xb974, 0xb978, 0xb97c, 0xb984, 0xb985, 0xb9ac, 0xb9ad, 0xb9b0, 0xb9b4,
    0xb9bc, 0xb9bd, 0xb9bf, 0xb9c1, 0xb9c8, 0xb9c9, 0xb9cc, 0xb9ce, 0xb9d0, 0xb9dd, 0xb9de, 0xb9e4, 0xb9e5, 0xb9e8,
    0xb9f5, 0xba38, 0xba3c, 0xba40, 0xba48, 0xba54, 0xba64, 0xba74, 0xba85, 0xbaa8, 0xbaa9, 0xbabb, 0xbb34, 0xbb36,
    0xbb38, 0xbb3c, 0xbbc0, 0xbbf8, 0xbbfc, 0xbc00, 0xbc0b, 0xbc0d, 0xbc0f, 0xbc14, 0xbc15, 0xbc18, 0xbc1b, 0xbc1c,
    0xbc29, 0xbc30, 0xbc31, 0xbc38, 0xbc84, 0xbc88, 0xbc94, 0xbc95, 0xbc97, 0xbca0, 0xbca4, 0xbca8, 0xbcc0, 0xbcc4,
    0xbcd1, 0xbcf4, 0xbcf5, 0xbcf8, 0xbcfc, 0xbd09, 0xbd80, 0xbd81, 0xbd84, 0xbd88, 0xbd99, 0xbdf0, 0xbe0c, 0xbe14,
    0xbe44, 0xbe48, 0xbe4c, 0xbe60, 0xbe68, 0xc0ac, 0xc0ad, 0xc0b0, 0xc0b4, 0xc0c1, 0xc0c8, 0xc0c9, 0xc0dd, 0xc11c,
    0xc11d, 0xc120, 0xc124, 0xc12c, 0xc131, 0xc138, 0xc139, 0xc13c, 0xc140, 0xc14b, 0xc154, 0xc158, 0xc178, 0xc18c,
    0xc18d, 0xc190, 0xc1a1, 0xc1c4, 0xc218, 0xc21c, 0xc220, 0xc22b, 0xc288, 0xc2a4, 0xc2ac, 0xc2b5, 0xc2dc, 0xc2dd,
    0xc2e0, 0xc2e4, 0xc2ec, 0xc2ed, 0xc2f1, 0xc36c, 0xc4f0, 0xc4f8, 0xc501, 0xc544, 0xc548, 0xc54a, 0xc54c, 0xc554,
    0xc555, 0xc558, 0xc55e, 0xc560, 0xc561, 0xc57c, 0xc57d, 0xc591, 0xc5b4, 0xc5b8, 0xc5c5, 0xc5c6, 0xc5c8, 0xc5d0,
    0xc5d4, 0xc5d8, 0xc5ec, 0xc5ed, 0xc5f0, 0xc5f4, 0xc601, 0xc608, 0xc624, 0xc628, 0xc62c, 0xc62e, 0xc634, 0xc635,
    0xc640, 0xc644, 0xc678, 0xc67c, 0xc694, 0xc6a9, 0xc6b0, 0xc6b4, 0xc6b8, 0xc6c0, 0xc6cc, 0xc6d0, 0xc6d4, 0xc6e8,
    0xc704, 0xc708, 0xc720, 0xc728, 0xc73c, 0xc740, 0xc744, 0xc74c, 0xc751, 0xc758, 0xc774, 0xc778, 0xc77c, 0xc77d,
    0xc784, 0xc785, 0xc788, 0xc790, 0xc791, 0xc798, 0xc7a0, 0xc7a1, 0xc7a5, 0xc7ac, 0xc7ad, 0xc800, 0xc801, 0xc804,
    0xc808, 0xc810, 0xc811, 0xc815, 0xc81c, 0xc81d, 0xc82f, 0xc838, 0xc84c, 0xc870, 0xc871, 0xc874, 0xc885, 0xc8fc,
    0xc900, 0xc904, 0xc90c, 0xc911, 0xc988, 0xc99d, 0xc9c0, 0xc9c1, 0xc9c4, 0xc9c8, 0xc9d0, 0xc9d1, 0xc9dc, 0xc9f8,
    0xcabd, 0xcc28, 0xcc29, 0xcc38, 0xcc3d, 0xcc3e, 0xcc44, 0xcc45, 0xcc98, 0xcc9c, 0xccab, 0xccad, 0xccb4, 0xcd08,
    0xcd5c, 0xcd94, 0xcd95, 0xcd9c, 0xcda4, 0xcda9, 0xcde8, 0xce58, 0xce59, 0xce60, 0xce68, 0xce6d, 0xce74, 0xce78,
    0xce7c, 0xce90, 0xce98, 0xcee4, 0xcee8, 0xceec, 0xcef4, 0xcf00, 0xcf13, 0xcf54, 0xcf58, 0xcf5c, 0xcfe0, 0xcffc,
    0xd000, 0xd06c, 0xd070, 0xd074, 0xd07d, 0xd0a4, 0xd0a8, 0xd0c0, 0xd0c4, 0xd0c8, 0xd0d0, 0xd0dc, 0xd0dd, 0xd0ec,
    0xd0ed, 0xd130, 0xd134, 0xd14c, 0xd14d, 0xd15c, 0xd1a0, 0xd1a1, 0xd1b5, 0xd22c, 0xd29c, 0xd2b8, 0xd2b9, 0xd2c0,
    0xd2f0, 0xd2f4, 0xd305, 0xd30c, 0xd310, 0xd314, 0xd328, 0xd37c, 0xd38c, 0xd398, 0xd3b8, 0xd3ec, 0xd3ed, 0xd3f4,
    0xd45c, 0xd478, 0xd488, 0xd504, 0xd50c, 0xd53c, 0xd53d, 0xd540, 0xd544, 0xd551, 0xd558, 0xd55c, 0xd560, 0xd568,
    0xd569, 0xd56d, 0xd574, 0xd578, 0xd588, 0xd589, 0xd5a5, 0xd5c8, 0xd5e4, 0xd604, 0xd615, 0xd638, 0xd639, 0xd648,
    0xd654, 0xd655, 0xd658, 0xd65c, 0xd68c, 0xd68d, 0xd6a8, 0xd6c4, 0xd734, 0xd770, 0xd788, 0xd78c,
};

/* Which half-width kana (U+FF61-FF9F, bit c - 0xFF61) follow each in Japanese words: row
 * c - 0xFF61, and row 63 for a word's first kana. Each pair stands twice at least in the
 * katakana of the Japanese translations of a Debian system's programs (208,595 kana, read
 * as half-width: ボ is ﾎﾞ). Half-width kana words (ﾎﾞﾙﾄ, ﾜｯｼｬ) are made of such pairs; a
 * Korean file decoded as CP932 gives one pair in three or so of the others (볼트 reads
 * ｺｼﾆｮ: its ﾆｮ is none). */
static const unsigned long long kana_after[64] = {
    0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x07d6ff9dbfff0000u,
    0x0000000000000000u, 0x17d0ba1cd862c000u, 0x1fdcffbdbbfdc000u, 0x11c96c18119d8000u, 0x1dc38fb59adfc000u,
    0x1740280c0283c000u, 0x1fc55fbf9ebec000u, 0x1fc3cebcbeef8010u, 0x15a0283c4a86c000u, 0x02c01e0fffe00000u,
    0x1fffffffffff0010u, 0x1fcf7fbffef7c010u, 0x1fdfff7ffefdc210u, 0x37c37e3fbcabc690u, 0x17c7ef5d3be7c000u,
    0x1febfe9dbee3c010u, 0x37dbfffdfd3fc010u, 0x35812a1dde89d800u, 0x3fdffebdfcffc450u, 0x37c01ca8dc93c000u,
    0x378fef9dfac7c010u, 0x3fcdfedd3fb6c000u, 0x3dc0df3fdffffa10u, 0x3fdf7f3fbfff8010u, 0x37c1dfac3fe5c000u,
    0x3f856f388380c000u, 0x37c5ff35ffffc010u, 0x18c35f5d9479fa10u, 0x0a804a08022486c0u, 0x37c15c9c1ae3d080u,
    0x3fd7fe3dffffc110u, 0x1feffe5d9ffec010u, 0x100a4a0dbefdfa00u, 0x15800e1c1eab8000u, 0x1d810e8f5ab7c000u,
    0x1141a20418afc000u, 0x7bc1711c982fc000u, 0x71e8210d1001d000u, 0x7fe69e9cbcabc6d0u, 0x7341181409004000u,
    0x7340420c3403c000u, 0x1ff91bfdffffc010u, 0x13c814bbdfc1d800u, 0x17d27e9ffeffc010u, 0x17c4102cc8e7c010u,
    0x17e00b7c1f8dc000u, 0x1fc1480458b4c010u, 0x1000042881208000u, 0x150114001000c000u, 0x1febff3fdfbfc010u,
    0x17cfffbffffdd810u, 0x1fdfffbfffffc010u, 0x15d37e1efbffc010u, 0x17c5feadbfefc010u, 0x1de0067f18e38400u,
    0x0fde7effffff0010u, 0x1fffffffffffffd0u, 0x1fce7ffdffffd010u, 0x1fffffffffff0090u,
};

double scan_korean_common(const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t syllables = 0, common = 0, count = sizeof common_hangul / sizeof *common_hangul;
    for (size_t i = 0, l; i < n; i += l ? l : 1) {
        unsigned long c;
        l = code_point_at(p, n, i, &c);
        if (!l || c < 0xac00 || c > 0xd7a3) continue;
        syllables++;
        size_t lo = 0, hi = count; /* a binary search of the table */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (common_hangul[mid] < c)
                lo = mid + 1;
            else
                hi = mid;
        }
        common += lo < count && common_hangul[lo] == c;
    }
    return syllables ? (double)common / (double)syllables : 0;
}

/* Half-width kana (c - 0xFF61) by what they are: the small ones (ｧ to ｮ, then ｯ), ｰ, the
 * full-size ones (ｱ to ﾜ, then ﾝ), the voiced marks ﾞ ﾟ; and the ranges of the unvoiced
 * ones a doubled consonant or ﾞ takes (ｶ to ﾄ, ﾊ to ﾎ). */
enum {
    KANA_SMALL_A = 0x06,  /* ｧ */
    KANA_SMALL_YO = 0x0d, /* ｮ */
    KANA_TSU = 0x0e,      /* ｯ */
    KANA_LONG = 0x0f,     /* ｰ */
    KANA_A = 0x10,        /* ｱ */
    KANA_U = 0x12,        /* ｳ */
    KANA_KA = 0x15,       /* ｶ */
    KANA_TO = 0x23,       /* ﾄ */
    KANA_HA = 0x29,       /* ﾊ */
    KANA_HO = 0x2d,       /* ﾎ */
    KANA_WA = 0x3b,       /* ﾜ */
    KANA_VOICED = 0x3d,   /* ﾞ */
    KANA_SEMI = 0x3e,     /* ﾟ */
};

/* Pairs Japanese spelling always allows, whether or not the table saw them twice: ｯ after
 * any syllable (ﾜｯｼｬ, ｼｭｯ), before a consonant it doubles (ｶ to ﾄ, ﾊ to ﾎ); ﾞ after a kana
 * that takes it (ｳ, ｶ to ﾄ, ﾊ to ﾎ), ﾟ after ﾊ to ﾎ; ｰ after any syllable or mark (ﾍｰ). */
static bool kana_rule(int prev, int k)
{
    bool syllable = (prev >= KANA_SMALL_A && prev <= KANA_SMALL_YO) || (prev >= KANA_A && prev <= KANA_WA);
    bool unvoiced = (k >= KANA_KA && k <= KANA_TO) || (k >= KANA_HA && k <= KANA_HO);
    bool takes_mark = (prev >= KANA_KA && prev <= KANA_TO) || (prev >= KANA_HA && prev <= KANA_HO) || prev == KANA_U;
    if (k == KANA_TSU) return syllable;
    if (prev == KANA_TSU) return unvoiced;
    if (k == KANA_VOICED) return takes_mark;
    if (k == KANA_SEMI) return prev >= KANA_HA && prev <= KANA_HO;
    if (k == KANA_LONG) return syllable || prev == KANA_VOICED || prev == KANA_SEMI;
    return false;
}

double scan_japanese_pairs(const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t pairs = 0, known = 0;
    int prev = 63; /* a word's start */
    for (size_t i = 0, l; i < n; i += l ? l : 1) {
        unsigned long c;
        l = code_point_at(p, n, i, &c);
        if (!l || c < 0xff61 || c > 0xff9f) {
            prev = 63;
            continue;
        }
        int k = (int)(c - 0xff61);
        pairs++;
        known += ((kana_after[prev] >> k) & 1) || kana_rule(prev, k);
        prev = k;
    }
    return pairs ? (double)known / (double)pairs : 1;
}

bool scan_gbk_like(const char *s, size_t n)
{
    size_t invalid = 0, utf8 = utf8_multibyte(s, n, &invalid);
    return reads_as_gbk(gbk_pairs(s, n), utf8, invalid);
}

/* The lines that are not UTF-8: how many, and whether together they read as GBK. */
static size_t lines_not_utf8(const char *text, size_t len, bool *gbk)
{
    size_t bad = 0, pairs = 0, utf8 = 0, invalid = 0;
    bool all_pairs = true;
    for (size_t pos = 0; pos < len;) {
        const char *start = text + pos, *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        if (memchr(start, '\0', n) || scan_is_utf8(start, n)) continue;
        bad++;
        size_t k = gbk_pairs(start, n);
        all_pairs &= k > 0;
        pairs += k;
        size_t line_invalid = 0;
        utf8 += utf8_multibyte(start, n, &line_invalid);
        invalid += line_invalid;
    }
    *gbk = all_pairs && reads_as_gbk(pairs, utf8, invalid);
    return bad;
}

size_t scan_text(const char *text, size_t len, struct scan *out, scan_report_fn report, void *ctx)
{
    /* a file saved in another encoding is one problem, said once, at its first line */
    bool gbk;
    size_t not_utf8 = lines_not_utf8(text, len, &gbk), not_utf8_said = 0;
    struct scanner sc = {.out = out, .report = report, .ctx = ctx};
    memset(out, 0, sizeof *out);
    int line = 0;
    size_t pos = 0;
    while (pos < len) {
        line++;
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        size_t content = n;
        if (content && start[content - 1] == '\r') content--;

        if (memchr(start, '\0', n)) {
            problem(&sc, line, "", "", _("contains a NUL byte; is this a text file?"));
            continue;
        }
        if (!scan_is_utf8(start, content)) {
            if (not_utf8_said++) continue; /* said at the first such line */
            if (gbk)
                problem(&sc, line, "", "",
                        P_("is not UTF-8 text: it looks saved as GBK (Windows' 'ANSI' for Chinese), in %zu line; "
                           "save the file as UTF-8",
                           "is not UTF-8 text: it looks saved as GBK (Windows' 'ANSI' for Chinese), in %zu lines; "
                           "save the file as UTF-8",
                           not_utf8),
                        not_utf8);
            else if (not_utf8 > 1)
                problem(&sc, line, "", "",
                        P_("contains bytes that are not UTF-8 text, as does %zu more line; save the file as UTF-8",
                           "contains bytes that are not UTF-8 text, as do %zu more lines; save the file as UTF-8",
                           not_utf8 - 1),
                        not_utf8 - 1);
            else
                problem(&sc, line, "", "", _("contains bytes that are not UTF-8 text; save the file as UTF-8"));
            continue;
        }
        if (memchr(start, '\r', content)) {
            problem(&sc, line, "", "",
                    _("a carriage return inside the line (old Mac line ends?); save with LF line ends"));
            continue;
        }
        if (content > SCAN_LINE_MAX && before_comment(start, content) <= SCAN_LINE_MAX) {
            /* long only for its comment: any length of note, in Chinese too, is fine */
            content = before_comment(start, content);
            cut_line(&sc, line, content);
        }
        if (content > SCAN_LINE_MAX) {
            char key[SCAN_NAME_MAX + 1];
            if (sc.section[0] && key_of_line(start, content, key))
                problem(&sc, line, sc.section, key,
                        _("the setting is %zu bytes long; at most %d are read (a Chinese character takes 3); "
                          "shorten it (a comment after it may be longer)"),
                        before_comment(start, content), SCAN_LINE_MAX);
            else
                problem(&sc, line, "", "",
                        _("line is %zu bytes long; at most %d are read (a Chinese character takes 3); split it"),
                        content, SCAN_LINE_MAX);
            continue;
        }
        size_t lead = 0;
        while (lead < content && (start[lead] == ' ' || start[lead] == '\t')) lead++;
        if (lead == content) continue; /* blank */
        const char *s = start + lead;
        size_t slen = content - lead;
        if (*s == ';' || *s == '#') continue; /* comment, indented or not */
        int fullwidth = scan_fullwidth(&sc, line, start, content, lead);
        if (fullwidth == 1) skip_line(&sc, line); /* on a key line; one on a header (2) leaves no section */
        if (fullwidth) continue;
        if (lead) {
            problem(&sc, line, sc.section, "",
                    _("line is indented; start it at the first column (an indented line would be "
                      "read as more of the previous value)"));
            continue; /* not a line of its own: the one above may be cut short, so reading stops */
        }
        if (*s == '[')
            scan_section(&sc, line, s, slen);
        else
            scan_pair(&sc, line, s, slen);
    }
    out->lines_only = sc.problems == out->nskipped;
    return sc.problems;
}

/* The next line of text (from *at, before end): its start and length without the line
 * break; *at moves past it. */
static const char *next_line(const char **at, const char *end, size_t *n)
{
    const char *start = *at, *nl = memchr(start, '\n', (size_t)(end - start));
    *n = (size_t)((nl ? nl : end) - start);
    *at = nl ? nl + 1 : end;
    return start;
}

bool scan_same_but_comments(const char *a, size_t na, const char *b, size_t nb)
{
    static const char bom[] = "\xEF\xBB\xBF";
    if (na >= 3 && memcmp(a, bom, 3) == 0) a += 3, na -= 3;
    if (nb >= 3 && memcmp(b, bom, 3) == 0) b += 3, nb -= 3;
    const char *pa = a, *ea = a + na, *pb = b, *eb = b + nb;
    while (pa < ea || pb < eb) {
        if (pa >= ea || pb >= eb) return false; /* one has more lines */
        size_t la, lb;
        const char *sa = next_line(&pa, ea, &la), *sb = next_line(&pb, eb, &lb);
        size_t ka = before_comment(sa, la), kb = before_comment(sb, lb);
        if (ka != kb || memcmp(sa, sb, ka) != 0) return false;
    }
    return true;
}

size_t scan_cut_comments(const struct scan *s, char *text, size_t len)
{
    size_t w = 0, k = 0;
    int line = 1;
    for (size_t r = 0; r < len;) {
        const char *nl = memchr(text + r, '\n', len - r);
        size_t n = nl ? (size_t)(nl - (text + r)) : len - r;
        while (k < s->ncuts && s->cuts[k].line < line) k++;
        size_t keep = k < s->ncuts && s->cuts[k].line == line ? s->cuts[k].keep : n;
        memmove(text + w, text + r, keep);
        w += keep;
        r += n;
        if (nl) text[w++] = '\n', r++;
        line++;
    }
    return w;
}

void scan_fini(struct scan *s)
{
    free(s->entries);
    free(s->skipped);
    free(s->cuts);
    memset(s, 0, sizeof *s);
}
