/* csv.h - a small reader of comma-separated files for planners' data: demand
 * histories and batch tables. One record per line (CRLF, LF or a lone CR, as Excel's
 * "CSV (Macintosh)" ends lines; a UTF-8 BOM is skipped); fields separated by commas (or
 * the separator set in struct csv, e.g. the one csv_detect_separator finds), spaces
 * around a field trimmed; a field in double quotes may hold commas ("gamma(5, 1.5)"),
 * doubled quotes and line ends (a spreadsheet cell of two lines: the record goes on to
 * the quote that closes it). Line numbers are the file's, so messages can say
 * FILE:ROW:COL (a record's row is the line where it begins).
 */
#ifndef READER_CSV_H
#define READER_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { CSV_FIELDS_MAX = 64, CSV_FIELD_LEN = 256, CSV_FILE_MAX_BYTES = 64 << 20 };

struct csv {
    const char *text; /* borrowed, len bytes */
    char sep;         /* the field separator: ',' after csv_init; a history may set ';' or '\t' */
    size_t len, pos;
    int line; /* line number of the record last read (1-based; its last line, if it has several) */
};

struct csv_record {
    int line;   /* its (first) line in the file */
    bool blank; /* the line holds nothing but spaces, or separators and spaces (",,,") */
    size_t n;   /* fields */
    char field[CSV_FIELDS_MAX][CSV_FIELD_LEN];
    /* the quoted field with the most line ends in it: their count (0: none), its column
       (1-based) and the line where its opening quote is */
    int breaks, breaks_line;
    size_t breaks_col;
};

/* Start reading text (borrowed; len bytes, need not be NUL-terminated). */
void csv_init(struct csv *c, const char *text, size_t len);

/* Read the next record into r. Returns 1 (a record, possibly blank), 0 at the end, or
 * -1 with "LINE:COL: problem" in err (a field too long, too many fields, a stray or
 * unclosed quote). */
int csv_next(struct csv *c, struct csv_record *r, char *err, size_t errlen);

/* The separator of the first line of text that is not blank, outside quotes (a BOM
 * skipped): a tab or a semicolon if that line has one (not both), else a comma. Returns
 * it, or 0 with that line's number in *line when it has both. */
char csv_detect_separator(const char *text, size_t len, int *line);

/* A quoted cell of this many lines or more is warned of (csv_long_cell): a cell typed with
 * Alt+Enter has a few; many are rows that two stray quotes made one cell's text. */
enum { CSV_CELL_LINES_SAID = 5 };

/* When record r, read from the file named path, holds a quoted cell of CSV_CELL_LINES_SAID
 * lines or more: the warning for it in out (n bytes), "PATH:ROW:COL: a quoted cell begins
 * here and runs over ..." naming the lines of its two quotes, and true; else false, out
 * unchanged. A demand history and a batch table say it alike. */
bool csv_long_cell(const struct csv_record *r, const char *path, char *out, size_t n);

/* Read the file at path into a NUL-terminated buffer (owned by the caller: free()).
 * Refuses what is not a regular file, or is over CSV_FILE_MAX_BYTES, or holds NUL bytes
 * or UTF-16. Returns the buffer, or NULL with the problem in err. */
char *csv_read_file(const char *path, size_t *len, char *err, size_t errlen);

/* How csv_read_table read a file (all zero: as UTF-8). */
struct csv_encoding {
    bool gb18030; /* converted from GB18030 (GBK) */
    /* ... but its bytes are Korean or Japanese text just as well: decoded as CP949 (Korean
       Excel's "CSV", EUC-KR and its extension) they are Hangul only (reader/scan.h's
       scan_korean_text), mostly common syllables (scan_korean_common), or as CP932
       (Japanese Excel's, Shift-JIS) kana and kanji only (scan_japanese_text), the kana in
       pairs Japanese words have (scan_japanese_pairs), and not Korean; its first word
       outside ASCII reads so in Chinese and in each */
    bool korean_too, japanese_too;
    char as_chinese[64], as_korean[64], as_japanese[64];
};

/* The same for a planner's table (a demand history, a batch table): a file that is not
 * UTF-8 but looks like GBK (reader/scan.h's scan_gbk_like) and converts cleanly from
 * GB18030 with iconv, as Excel's "CSV" on a Chinese Windows saves it, is returned
 * converted to UTF-8 (its lines the file's, so messages keep their line numbers and show
 * its Chinese as UTF-8) with enc->gb18030 set, for the caller to say so (csv_note_gb18030).
 * GB18030 decodes Korean (EUC-KR) text and Japanese half-width kana (Shift-JIS) to Chinese
 * characters: when the file's bytes read as Korean or Japanese too, enc->korean_too or
 * enc->japanese_too is set, since which it is cannot be told. A file with a UTF-8 BOM is
 * not converted: the BOM says it is UTF-8. */
char *csv_read_table(const char *path, size_t *len, struct csv_encoding *enc, char *err, size_t errlen);

/* text (n bytes) converted to UTF-8 (NUL-terminated, its length in *len; the caller's to
 * free) when it is not UTF-8 but reads as Chinese in GB18030 (GBK), as csv_read_table
 * tells a table saved so; else NULL. A pasted or uploaded scenario saved by an editor in
 * the Chinese Windows "ANSI" encoding (cli/serve.c gives it back so). */
char *csv_gb18030_text(const char *text, size_t n, size_t *len);

/* When cell is what a spreadsheet writes in place of a value (an error value such as
 * "#N/A" or "#DIV/0!", or the "########" of a column too narrow for a date, which Excel
 * saves as shown), what it is and what to do, in problem (n bytes), and true; else false. */
bool csv_spreadsheet_error(const char *cell, char *problem, size_t n);

/* Say on err, as a note, that the file at path was read as GB18030 (csv_read_table, which
 * filled enc); when it may be Korean or Japanese, its first word in each reading and the
 * command that converts it from each. */
void csv_note_gb18030(FILE *err, const char *path, const struct csv_encoding *enc);

#endif
