/* csv.c - the CSV reader of csv.h. */
#include "csv.h"
#include "scan.h"
#include "lang/lang.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

void csv_init(struct csv *c, const char *text, size_t len)
{
    *c = (struct csv){.text = text, .len = len, .sep = ','};
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) c->pos = 3; /* UTF-8 BOM */
}

/* A space to trim around a field: a tab too, unless tabs separate the fields. */
static bool is_space(const struct csv *c, char ch)
{
    return ch == ' ' || (ch == '\t' && c->sep != '\t');
}

/* The end of the line starting at p: the first '\n' or '\r' at or after it (a lone CR ends
 * a line too, as Excel's "CSV (Macintosh)" saves them), or len. */
static size_t line_end(const struct csv *c, size_t p)
{
    while (p < c->len && c->text[p] != '\n' && c->text[p] != '\r') p++;
    return p;
}

/* The position after the line end at p (CRLF, LF or CR), or p at the end of the text. */
static size_t after_line_end(const struct csv *c, size_t p)
{
    if (p >= c->len) return p;
    if (c->text[p] == '\r' && p + 1 < c->len && c->text[p + 1] == '\n') return p + 2;
    return p + 1;
}

int csv_next(struct csv *c, struct csv_record *r, char *err, size_t errlen)
{
    if (c->pos >= c->len) return 0;
    c->line++;
    r->line = c->line, r->n = 0, r->blank = true;
    r->breaks = 0, r->breaks_line = 0, r->breaks_col = 0;
    const char *t = c->text;
    size_t stop = line_end(c, c->pos); /* the line without its CR or LF */
    size_t p = c->pos;
    c->pos = after_line_end(c, stop);
    for (size_t q = p; q < stop; q++)
        if (!is_space(c, t[q])) r->blank = false;
    if (r->blank) return 1;
    for (;;) { /* one field per turn */
        size_t col = r->n + 1;
        if (r->n == CSV_FIELDS_MAX) {
            snprintf(err, errlen, _("%d:%zu: more than %d fields"), r->line, col, CSV_FIELDS_MAX);
            return -1;
        }
        char *out = r->field[r->n];
        size_t used = 0;
        while (p < stop && is_space(c, t[p])) p++;
        if (p < stop && t[p] == '"') {
            /* a quoted field may go on over line ends (RFC 4180; a cell where Alt+Enter began
               a new line): it ends at its closing quote, and the record's line is where it
               began; a line end in it is kept as '\n' */
            size_t lines = 0;
            int opened = c->line; /* the line of the opening quote */
            p++;
            for (;;) {
                if (p >= stop && stop >= c->len) {
                    snprintf(err, errlen, _("%d:%zu: a quoted field is not closed (a quote '\"' is missing)"), r->line,
                             col);
                    return -1;
                }
                if (p >= stop) { /* a line end inside the quotes */
                    p = after_line_end(c, stop);
                    stop = line_end(c, p);
                    c->pos = after_line_end(c, stop);
                    lines++;
                    if (used + 1 >= CSV_FIELD_LEN) goto too_long;
                    out[used++] = '\n';
                    continue;
                }
                if (t[p] == '"' && p + 1 < stop && t[p + 1] == '"') {
                    p++; /* a doubled quote is one quote */
                } else if (t[p] == '"') {
                    p++;
                    break;
                }
                if (used + 1 >= CSV_FIELD_LEN) goto too_long;
                out[used++] = t[p++];
            }
            c->line += (int)lines;
            if ((int)lines > r->breaks) r->breaks = (int)lines, r->breaks_line = opened, r->breaks_col = col;
            while (p < stop && is_space(c, t[p])) p++;
            if (p < stop && t[p] != c->sep) {
                /* after a field over several lines: the text after its closing quote, and the
                   quote that may be missing where it began */
                if (lines)
                    snprintf(err, errlen,
                             _("%d:%zu: a quoted field begins here and ends at a quote '\"' on line %d, but text "
                               "follows that quote; put the whole field in quotes, or, if the field was to end on "
                               "line %d, add the quote missing there"),
                             opened, col, c->line, opened);
                else
                    snprintf(err, errlen, _("%d:%zu: text after a quoted field; put the whole field in quotes"),
                             r->line, col);
                return -1;
            }
        } else {
            while (p < stop && t[p] != c->sep) {
                if (t[p] == '"') {
                    snprintf(err, errlen,
                             _("%d:%zu: a quote '\"' inside a field; quote the whole field and double the "
                               "quote"),
                             r->line, col);
                    return -1;
                }
                if (used + 1 >= CSV_FIELD_LEN) goto too_long;
                out[used++] = t[p++];
            }
            while (used && is_space(c, out[used - 1])) used--;
        }
        out[used] = '\0';
        r->n++;
        if (p >= stop) break;
        p++; /* the separator */
    }
    /* a row of separators only (",,,", what a spreadsheet saves for a row it once used) is
       as blank as an empty line */
    bool empty = true;
    for (size_t i = 0; i < r->n && empty; i++) empty = r->field[i][0] == '\0';
    r->blank = empty;
    return 1;
too_long:
    snprintf(err, errlen, _("%d:%zu: the field is too long (at most %d characters)"), r->line, r->n + 1,
             CSV_FIELD_LEN - 1);
    return -1;
}

bool csv_long_cell(const struct csv_record *r, const char *path, char *out, size_t n)
{
    if (r->breaks + 1 < CSV_CELL_LINES_SAID) return false;
    snprintf(out, n,
             _("%s:%d:%zu: a quoted cell begins here and runs over %d lines, to line %d: those lines are "
               "read as the cell's text, not as rows; if a stray quote '\"' opened it, remove that quote "
               "(or the one on line %d that closes it)"),
             path, r->breaks_line, r->breaks_col, r->breaks + 1, r->breaks_line + r->breaks,
             r->breaks_line + r->breaks);
    return true;
}

/* The file's bytes, NUL-terminated, checked as csv_read_file says but for their encoding:
 * the buffer (the caller's) with its length in *len, or NULL with the problem in err. */
static char *read_text(const char *path, size_t *len, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(err, errlen, _("cannot open: %s"), strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s",
                 S_ISDIR(st.st_mode) ? _("is a directory, not a CSV file") : _("is not a regular file"));
        close(fd);
        return NULL;
    }
    if (st.st_size > CSV_FILE_MAX_BYTES) {
        snprintf(err, errlen, _("is %lld bytes; a CSV file may be at most %d"), (long long)st.st_size,
                 CSV_FILE_MAX_BYTES);
        close(fd);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf) abort();
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            snprintf(err, errlen, _("cannot read: %s"), strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0) break;
        got += (size_t)r;
    }
    close(fd);
    buf[got] = '\0';
    if (got >= 2 && (memcmp(buf, "\xff\xfe", 2) == 0 || memcmp(buf, "\xfe\xff", 2) == 0)) {
        snprintf(err, errlen, _("is saved as UTF-16 (Windows 'Unicode'); save it as UTF-8 CSV"));
        free(buf);
        return NULL;
    }
    if (memchr(buf, '\0', got)) {
        snprintf(err, errlen, _("holds NUL bytes: it is not a text (CSV) file"));
        free(buf);
        return NULL;
    }
    *len = got;
    return buf;
}

/* Bytes of a UTF-8 byte-order mark at the start of text (len bytes): 3 or 0. */
static size_t bom_len(const char *text, size_t len)
{
    return len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0; /* Excel's "CSV UTF-8" writes one */
}

/* Why text (len bytes, no BOM), which is not UTF-8, is refused, in err: an export in the
 * system's code page is said to be GBK when it looks so, once for the whole file. */
static void not_utf8(const char *text, size_t len, char *err, size_t errlen)
{
    if (scan_gbk_like(text, len))
        snprintf(err, errlen,
                 _("is not UTF-8 text: it looks saved as GBK (Windows' 'ANSI' for Chinese); save it as UTF-8 CSV "
                   "(Excel: 'CSV UTF-8')"));
    else
        snprintf(err, errlen, _("contains bytes that are not UTF-8 text; save it as UTF-8 CSV"));
}

char *csv_read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    size_t got = 0;
    char *buf = read_text(path, &got, err, errlen);
    if (!buf) return NULL;
    size_t bom = bom_len(buf, got);
    if (!scan_is_utf8(buf + bom, got - bom)) {
        not_utf8(buf + bom, got - bom, err, errlen);
        free(buf);
        return NULL;
    }
    *len = got;
    return buf;
}

/* text (n bytes) converted from the encoding from (iconv's name) to UTF-8, NUL-terminated
 * (the caller's), its length in *len; or NULL when a byte sequence is not of that encoding
 * (iconv stops there). A GB18030 character is 1, 2 or 4 bytes and its UTF-8 at most 1, 3
 * or 4, a CP949 one 1 or 2 bytes and its UTF-8 1 or 3, a CP932 one 1 or 2 bytes and its
 * UTF-8 up to 3 for either (a half-width kana is one byte): twice n fits, three times for
 * CP932. */
static char *to_utf8(const char *from, const char *text, size_t n, size_t *len)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return NULL; /* a C library without the converter: refused (or not said) as before */
    size_t room = (strcmp(from, "CP932") == 0 ? 3 : 2) * n + 1, left = room - 1, inleft = n;
    char *out = malloc(room), *in = (char *)(uintptr_t)text, *at = out;
    if (!out) abort();
    size_t done = iconv(cd, &in, &inleft, &at, &left);
    iconv_close(cd);
    if (done == (size_t)-1 || inleft) {
        free(out);
        return NULL;
    }
    *at = '\0';
    *len = (size_t)(at - out);
    return out;
}

/* The first word of text (UTF-8, n bytes) that is not ASCII: its first run of characters
 * outside ASCII, at most 8 of them, in out (size bytes). */
static void first_word(const char *text, size_t n, char *out, size_t size)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t from = 0, to, chars = 0;
    while (from < n && p[from] < 0x80) from++;
    for (to = from; to < n && p[to] >= 0x80; to++)
        if (p[to] >= 0xc0 && ++chars > 8) break; /* a lead byte: the 9th character starts here */
    snprintf(out, size, "%.*s", (int)(to - from), text + from);
}

/* The shares a reading as Korean or Japanese needs to be offered (reader/scan.h): a Korean
 * table's syllables are common ones 95% and more, a Chinese file's read as Hangul a third
 * or less; a Japanese word's kana pairs are all of Japanese (19 words in 20), a Korean
 * file's read as kana two in three or so. */
#define CSV_KOREAN_COMMON_MIN 0.6
#define CSV_JAPANESE_PAIRS_MIN 0.85

char *csv_gb18030_text(const char *text, size_t n, size_t *len)
{
    if (scan_is_utf8(text, n) || bom_len(text, n) || !scan_gbk_like(text, n)) return NULL;
    char *utf8 = to_utf8("GB18030", text, n, len);
    if (utf8 && !scan_chinese_text(utf8, *len)) free(utf8), utf8 = NULL;
    return utf8;
}

char *csv_read_table(const char *path, size_t *len, struct csv_encoding *enc, char *err, size_t errlen)
{
    *enc = (struct csv_encoding){0};
    size_t got = 0;
    char *buf = read_text(path, &got, err, errlen);
    if (!buf) return NULL;
    size_t bom = bom_len(buf, got), n = 0;
    if (scan_is_utf8(buf + bom, got - bom)) {
        *len = got;
        return buf;
    }
    /* a file marked UTF-8 by its BOM is not read another way: its other bytes were added
       in another encoding, and converting the whole would garble the UTF-8 part */
    char *utf8 = !bom && scan_gbk_like(buf, got) ? to_utf8("GB18030", buf, got, &n) : NULL;
    if (utf8 && scan_chinese_text(utf8, n)) {
        /* Korean (EUC-KR) Hangul lies where GB2312 has its common characters, and so do
           pairs of Shift-JIS half-width kana: a file that reads as Hangul alone, or as kana
           and kanji alone, may be either, and a Chinese one rarely does (one short header
           in three or so, hardly a file of names) */
        size_t kn = 0, jn = 0;
        char *korean = to_utf8("CP949", buf, got, &kn), *japanese = to_utf8("CP932", buf, got, &jn);
        /* a reading is offered only when it is plausible: as Korean, its syllables mostly
           common ones (a Chinese file's read as rare ones: 日期 as 휑퍅); as Japanese, its
           kana in pairs Japanese words have (ｺｼﾆｮ has ﾆｮ, which none has). Bytes that read
           as common Hangul are Korean: half-width kana fall on Hangul's byte pairs only by
           chance (every other kana among the 25 of B0-C8, none of ﾞ ﾟ), so the Japanese
           reading of such a file is not offered beside it */
        enc->korean_too =
            korean && scan_korean_text(korean, kn) && scan_korean_common(korean, kn) >= CSV_KOREAN_COMMON_MIN;
        enc->japanese_too = !enc->korean_too && japanese && scan_japanese_text(japanese, jn) &&
                            scan_japanese_pairs(japanese, jn) >= CSV_JAPANESE_PAIRS_MIN;
        first_word(utf8, n, enc->as_chinese, sizeof enc->as_chinese);
        if (enc->korean_too) first_word(korean, kn, enc->as_korean, sizeof enc->as_korean);
        if (enc->japanese_too) first_word(japanese, jn, enc->as_japanese, sizeof enc->as_japanese);
        free(korean);
        free(japanese);
        free(buf);
        enc->gb18030 = true;
        *len = n;
        return utf8;
    }
    free(utf8);
    not_utf8(buf + bom, got - bom, err, errlen);
    free(buf);
    return NULL;
}

bool csv_spreadsheet_error(const char *cell, char *problem, size_t n)
{
    static const char *const errors[] = {"#N/A",  "#DIV/0!", "#VALUE!", "#REF!",  "#NAME?",
                                         "#NUM!", "#NULL!",  "#SPILL!", "#CALC!", "#GETTING_DATA"};
    if (cell[0] != '#') return false;
    if (strspn(cell, "#") == strlen(cell) && cell[1] == '#') {
        snprintf(problem, n,
                 _("'%s' is how a spreadsheet shows a value too wide for its column, and it was saved so; widen the "
                   "column and save the file again"),
                 cell);
        return true;
    }
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (strcasecmp(cell, errors[i]) == 0) {
            snprintf(problem, n,
                     _("'%s' is a spreadsheet's error value (a formula that failed); correct the cell and save the "
                       "file again"),
                     cell);
            return true;
        }
    return false;
}

/* arg as a shell word, in a malloc'd string, whole however long: as it is when it has only
 * characters no shell reads otherwise, else in single quotes (a quote in it as '\'') */
static char *shell_word(const char *arg)
{
    char *out = malloc(4 * strlen(arg) + 3);
    if (!out) abort();
    if (*arg && strspn(arg, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./-+,:@%") == strlen(arg)) {
        strcpy(out, arg);
        return out;
    }
    size_t k = 0;
    out[k++] = '\'';
    for (const char *p = arg; *p; p++) {
        if (*p == '\'') {
            memcpy(out + k, "'\\''", 4);
            k += 4;
        } else
            out[k++] = *p;
    }
    out[k++] = '\'';
    out[k] = '\0';
    return out;
}

void csv_note_gb18030(FILE *err, const char *path, const struct csv_encoding *enc)
{
    /* to the terminal wrapped to its width, as the reader's problems are (reader/scenario.c,
       print_problems); into a command's buffer one line, which it says its own way */
    int width = err == stderr ? LANG_LINE_MAX : INT_MAX;
    if (!enc->korean_too && !enc->japanese_too) {
        lang_printf_wrapped(err, width,
                            _("servlab: note: %s is not UTF-8 text: read as GB18030 (GBK), the encoding of Excel's "
                              "'CSV' on a Chinese Windows\n"),
                            path);
        return;
    }
    /* the converted file beside it: items.csv gives items_utf8.csv; whole, however long the
       path (a command is kept whole on a line: lang/lang.h) */
    size_t stem = strlen(path);
    char *name = malloc(stem + sizeof "_utf8.csv");
    if (!name) abort();
    if (stem > 4 && strcasecmp(path + stem - 4, ".csv") == 0) stem -= 4;
    sprintf(name, "%.*s_utf8.csv", (int)stem, path);
    char *in = shell_word(path), *out = shell_word(name);
    free(name);
    /* one line of whole sentences: how it was read, then each other reading */
    char *text = NULL;
    size_t size = 0;
    FILE *line = open_memstream(&text, &size);
    if (!line) abort();
    /* TRANSLATORS: the file, and its first word read as Chinese; sentences saying how to
       convert it from Korean or Japanese follow */
    fprintf(line,
            _("servlab: note: %s is not UTF-8 text, and its language cannot be told: it was read as Chinese "
              "(GB18030, GBK), where its first word is '%s'."),
            path, enc->as_chinese);
    /* TRANSLATORS: the file's first word read as Korean, then the iconv command's input and
       output files (a command: not to be translated; in parentheses, so that a line is not
       broken inside it) */
    if (enc->korean_too)
        fprintf(line,
                _(" Read as Korean (EUC-KR) it is '%s'; if it is Korean, convert it and use the new file (iconv -f "
                  "CP949 -t UTF-8 %s > %s)."),
                enc->as_korean, in, out);
    /* TRANSLATORS: the file's first word read as Japanese, then the iconv command's input
       and output files (a command: not to be translated) */
    if (enc->japanese_too)
        fprintf(line,
                _(" Read as Japanese (Shift-JIS) it is '%s'; if it is Japanese, convert it and use the new file "
                  "(iconv -f CP932 -t UTF-8 %s > %s)."),
                enc->as_japanese, in, out);
    if (fclose(line) != 0) abort();
    free(in);
    free(out);
    lang_printf_wrapped(err, width, "%s\n", text);
    free(text);
}

/* The separator of the first line of text that is not blank, outside quotes: a tab or
 * a semicolon if that line has one (not both), else a comma. Returns it, or 0 with the
 * line in *line when it has both. */
char csv_detect_separator(const char *text, size_t len, int *line)
{
    size_t p = len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    *line = 1;
    for (; p < len; (*line)++) {
        size_t tabs = 0, semis = 0, other = 0;
        bool quoted = false;
        for (; p < len && text[p] != '\n' && text[p] != '\r'; p++) {
            char ch = text[p];
            if (ch == '"')
                quoted = !quoted;
            else if (!quoted && ch == '\t')
                tabs++;
            else if (!quoted && ch == ';')
                semis++;
            else if (ch != ' ')
                other++;
        }
        p += p + 1 < len && text[p] == '\r' && text[p + 1] == '\n' ? 2 : 1; /* CRLF, LF or a lone CR */
        if (!other && !semis && !tabs) continue;                            /* blank */
        if (tabs && semis) return 0;
        return tabs ? '\t' : semis ? ';' : ',';
    }
    return ',';
}
