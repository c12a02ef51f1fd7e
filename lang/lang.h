/* lang.h - the language servlab speaks to a person: English or Simplified Chinese.
 *
 * Text a person reads goes through gettext (GNU gettext's libintl, in glibc), with the
 * catalogue po/zh_CN.po. What scripts read stays English in every language: CSV output,
 * metric, section, key and option names (docs/contract.md). Mark text with
 *   _("...")            translated where it is used;
 *   N_("...")           in a table: marked for the catalogue, translated by whoever
 *                       prints it, with _(row->text);
 *   P_("%zu file", "%zu files", n)   a plural, by the catalogue's plural forms;
 *   C_("unit", text), NC_("unit", "...")   a word in a context (below).
 * Every layer may include this header; it includes nothing of servlab's.
 *
 * The catalogue is found without installing: next to the program (build/locale, as
 * `make` builds it from po/zh_CN.po), else in the installed locale directory. It does
 * not need a Chinese locale on the machine: messages are looked up through C.UTF-8
 * and the LANGUAGE variable, so a fresh Debian with no locales generated speaks
 * Chinese too. Numbers keep the C locale's decimal point in both languages.
 */
#ifndef LANG_LANG_H
#define LANG_LANG_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define _(text) gettext(text)
#define N_(text) text
#define P_(one, many, n) ngettext(one, many, (unsigned long)(n))
/* A short word whose Chinese depends on where it stands (msgctxt): NC_("unit",
 * "orders/day") marks it in a table, C_("unit", text) translates it where printed.
 * "orders" as a unit is 单, as a chart's axis 订单数. */
#define NC_(context, text) text
#define C_(context, text) lang_in_context(context, text)

enum lang { LANG_EN, LANG_ZH };

/* text's translation in context (msgctxt), or text itself. format_arg: a format
 * string passed through it is checked against the arguments, as with gettext. */
const char *lang_in_context(const char *context, const char *text) __attribute__((format_arg(2)));

/* Choose the language and set gettext up: `code` is "en" or "zh" (from --lang), or
 * NULL to take it from the environment as GNU programs do: the first entry of LANGUAGE
 * ("fr:zh_CN:en") beginning with "zh" or "en"; when it names neither (or is not set),
 * the first of LC_ALL, LC_MESSAGES and LANG that is set, one beginning with "zh" meaning
 * Chinese; else (none set, or C, POSIX, C.UTF-8) English. Chinese under a locale of
 * another codeset (zh_CN.GBK) is English, with a note on stderr. argv0 helps find the
 * catalogue next to the program. Returns 0, or -1 when code names no language servlab speaks
 * (English is then kept). Says on stderr, once, when Chinese was asked for but the
 * catalogue is missing. Call it before any other thread starts. */
int lang_init(const char *code, const char *argv0);

/* The language chosen (LANG_EN before lang_init). */
enum lang lang_current(void);

/* The language's code, "en" or "zh". */
const char *lang_code(void);

/* Columns that UTF-8 text takes on a terminal: 2 for a wide (CJK) character, 0 for a
 * combining mark, 1 for others (invalid bytes count 1 each). Whatever the process's
 * locale (LANG=C, or none): text is decoded by lang itself, and measured by C.UTF-8's
 * wcwidth, or where that locale is missing by lang's own table of the wide ranges. */
size_t lang_width(const char *text);

/* Bytes in the UTF-8 character that begins with byte `lead`: 2 to 4 for a lead byte,
 * else 1 (ASCII, or a stray byte, which lang_width also counts as one column). */
size_t lang_char_bytes(unsigned char lead);

/* Drop the last character of text when snprintf cut it in two (a fixed buffer full of
 * Chinese, 3 bytes a character): the text stays valid UTF-8. Returns text. */
char *lang_tidy_cut(char *text);

/* Drop each blank between two wide (CJK) characters, which a message joined from parts
 * leaves where the translation spaces a part that mostly begins with Latin text ("--to
 * 16") and this one begins with Chinese ("第 50 行的 [sweep] to = 16"): "与 第" becomes
 * "与第". English text has no wide characters and is left as it is. Returns text. */
char *lang_tidy_blanks(char *text);

/* Print text in a field `width` columns wide (by lang_width, not bytes), padded with
 * spaces on the right (left-aligned) or on the left (right_align). Text wider than
 * the field is printed whole. Returns what fprintf returns. */
int lang_pad(FILE *out, const char *text, int width, bool right_align);

/* The widest line servlab prints to a terminal: a terminal of 100 columns. It is the one
 * width of every message wrapped for a person, on stdout and on stderr alike: reports,
 * --help and `servlab keys`, the reader's problems (reader/scenario.c), a sweep's or
 * compare's refusals (cli/sweep.c, cli/compare.c), notes and warnings. A text wrapped by
 * lang_print_hanging_balanced may end its lines sooner, so as to leave no widow. */
#define LANG_LINE_MAX 100

/* Print text (one line or several) to out, each line ending in '\n', breaking a line
 * wider than max columns (lang_width) into lines of at most max where it can: after the
 * last semicolon that fits ("; " or a full-width ；) outside parentheses, else after the
 * last comma or colon (", ", ": ", ，：; not a comma between two numbers) outside them,
 * either only if the line's text then fills a third of its room, else at the last space
 * outside them or between two Chinese characters (as Chinese text breaks: not before a
 * closing mark such as ，or ）, nor after an opening one such as （, nor leaving three
 * characters or fewer alone, nor inside a term of the glossary, lang/zh_terms.h: 库容,
 * 满足率, nor inside a two-character function word such as 之间 or 以上; and after the 、
 * between a list's items, whatever follows: "[run]、[demand]"), but not between a number
 * and the Chinese after it, blank or not (2556 个, 12345天: its measure word or unit), nor
 * inside a list of short English items, which is one phrase ("--from, --to and --steps":
 * its commas are no clause marks and its blanks are kept), else after an early clause
 * mark, else at a space inside parentheses; never leaving a blank at a line's end. A term,
 * a number or a list kept whole gives way when keeping it would leave the line less than a
 * third full, or when nothing else fits (a term longer than the room): to a blank inside
 * parentheses that fills a third of the line, else to a number's or a list's blank that
 * does, else to the last place inside it that fits. A command a message gives to be
 * copied and run, in parentheses ("(iconv -f CP949 -t UTF-8 a.csv > a_utf8.csv)", reader/csv.c),
 * is never broken, whatever its path: the line breaks before it, and one wider than max
 * stands whole on a line of its own, past max.
 * A continuation begins as the line it continues does (its blanks, and the ';' or '#'
 * of a comment: "; " in servlab check's comments), then two blanks; a line with no
 * place to break within max breaks at the first place after it (a blank, a clause mark
 * or a break between Chinese characters, by the same rules), and one with none at all is
 * printed whole. */
void lang_print_wrapped(FILE *out, const char *text, int max);

/* lang_print_wrapped of printf's text for fmt and what follows it, however long. */
void lang_printf_wrapped(FILE *out, int max, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* As lang_print_wrapped, for a paragraph of several clauses (a note under a table): a
 * semicolon, comma or colon gives way to the last blank that fits (in parentheses or
 * not) or to a break between Chinese characters when it would leave the line less than
 * half full, so that the lines are filled rather than cut at an early clause. */
void lang_print_filled(FILE *out, const char *text, int max);

/* lang_print_filled of printf's text for fmt and what follows it, however long. */
void lang_printf_filled(FILE *out, int max, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Print head, then text, as one line wrapped as lang_print_wrapped wraps it, but
 * breaking only within text, and beginning each continuation with cont: a hanging
 * indent (blanks as wide as head put the text of every line in one column; in a
 * scenario file, blanks and "; " keep a continued comment a comment). A further line
 * of text (after a '\n') begins with cont too. */
void lang_print_hanging(FILE *out, const char *head, const char *text, const char *cont, int max);

/* Whether line, its blanks aside, holds two words or fewer, a Chinese character (CJK
 * ideograph) counting as half a word and full-width punctuation as none: "redirection)",
 * "重定向）" or "有 batch_service.png）" left alone as the last line of a wrapped paragraph,
 * a widow. It needs no locale (lang decodes UTF-8 itself). */
bool lang_widow(const char *line);

/* As lang_print_hanging, but a text whose last line would be a widow (lang_widow) is
 * wrapped narrower instead, at the widest of max - 1 down to two thirds of max that
 * leaves no widow in as many lines (the last two lines balanced); when no width does,
 * as lang_print_hanging. For --help, whose entries are read as short paragraphs. */
void lang_print_hanging_balanced(FILE *out, const char *head, const char *text, const char *cont, int max);

/* Where a table's column head parts into two lines to fit a column `width` columns
 * wide (lang_width): the bytes of its upper line, the lower beginning at byte *lower
 * (after the blanks of the break); 0 (and *lower 0) when the head fits, or has no place
 * to part. It parts, best first:
 *   before a parenthesis that ends the head, at a blank or after a Chinese character
 *   ("against the best" above "(paired)");
 *   at a blank, or between two Chinese words: a term of the glossary (lang/zh_terms.h),
 *   one of 的 时 率 与 和 或 及 standing alone (时间, 及时 ... aside), and the other
 *   characters taken two at a time as words of two (缺货时转向 / 别处购买的比例);
 *   after an underscore ("target_cycle_" above "service_level");
 *   inside a term where a shorter term begins (订单行 / 满足率);
 *   inside a term two characters from its start, or before 的, 时 or 率, which end the
 *   word before them (全部订单的 / 准时率, not 全部订单 / 的准时率);
 *   between any two Chinese characters;
 * never before a closing mark (so "k1 \ k2" parts after its backslash, ）or ，) nor after
 * an opening one (（), nor between a number and the Chinese after it, as
 * lang_print_wrapped. Of the places of the best kind the head has, the one that leaves
 * its wider line narrowest (of equals, the first), whether or not that fits width. */
size_t lang_head_break(const char *head, int width, size_t *lower);

/* The columns a head takes on a terminal: its wider line when it parts at `upper` bytes,
 * its lower line beginning at `lower` (lang_head_break's answer), else all of it (upper 0). */
int lang_head_columns(const char *head, size_t upper, size_t lower);

#endif
