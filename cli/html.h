/* html.h - HTML5 written by hand for the debrief page (cli/debrief.h): escaping, and the
 * page's frame with its one inline stylesheet (screen, and print on A4).
 *
 * Every text that comes from input (file names, comments, key values, warnings) goes
 * out through html_text or html_textf, which escape it; markup is written with
 * fputs. The page holds no script and loads nothing: it is one file that opens from a
 * USB stick. */
#ifndef CLI_HTML_H
#define CLI_HTML_H

#include <stdio.h>

/* Write text with & < > " ' escaped (valid in element content and in quoted
 * attributes). */
void html_text(FILE *out, const char *text);

/* A file or person's name as html_text writes it, with a break allowed (<wbr>) after
 * each '/', '\\' and '_': a narrow column wraps "hold_cost_raise_service.ini" between
 * its words, not inside one (a hyphen is a break already; cli/html.c's td.file breaks
 * inside a word only where a part alone is wider than the column). */
void html_name(FILE *out, const char *text);

/* printf, then html_text of the result. */
void html_textf(FILE *out, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* html_text, with each figure and its interval kept on one line: "1178.70 ± 9.04",
 * "98.38% ± 0.72", "± 15/天" (a '/' unit with it) and "± the half-width" (a "±" and the
 * word after it), and each short group in parentheses that holds a figure, "(seed 15)"
 * or "（种子 15）", and each key with its value, "inventory.reorder_point = 600", go inside
 * <span class="nb"> (white-space: nowrap). For a headline
 * and the prose around figures, where a projector's line would otherwise break between
 * "±" and its number; the text a reader sees is the same. */
void html_figures(FILE *out, const char *text);

/* printf, then html_figures of the result. */
void html_figuresf(FILE *out, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Text kept in lines: each line of text (with its common leading indentation removed)
 * escaped, lines joined by newlines, inside <div class="note">...</div>, whose style
 * keeps the lines and the alignment of the report's text tables (monospace). Blank
 * text writes nothing. */
void html_note(FILE *out, const char *text);

/* The same lines as prose: in the page's own font, inside <div class="cls">. */
void html_lines(FILE *out, const char *cls, const char *text);

struct chart_flow;

/* A flow diagram (plots/chart.h's struct chart_flow: the supply chain) in HTML, for a
 * page: its title and subtitle, then each box with its lines and the arrows into it
 * with their texts, then its note. The page's own type, so its text reads on any
 * screen: on a wide one the boxes go left to right as in the chart's PNG (a big
 * network's compact, its figures side by side, so that it fits a screen of 800); below
 * 1200 pixels and in print, an outline: a box a line, its children each on a line
 * under it, a location's customers on its line (at 800 x 720 the supply chain of
 * scenarios/supply_chain.ini takes under half the window). The tree follows each node's
 * `from`, children in the order of their rows. The page begins with html_begin_flow. */
void html_flow(FILE *out, const struct chart_flow *f, const char *title, const char *subtitle);

/* The rules html_flow's diagram needs (CSS; html_begin_flow writes them all): only a
 * page that draws one carries them. */
extern const char html_flow_style[];

/* From <!DOCTYPE html> to the opening <main>: language (lang_code(), lang/lang.h),
 * character set, viewport, title (escaped) and the stylesheet. */
void html_begin(FILE *out, const char *title);

/* html_begin, with a page's own rules (CSS, a literal: not escaped) after the shared
 * stylesheet's; html_begin is html_begin_styled with "". */
void html_begin_styled(FILE *out, const char *title, const char *style);

/* html_begin with the rules of html_flow's diagram (html_flow_style and those of a big
 * network's). */
void html_begin_flow(FILE *out, const char *title);

/* Close what html_begin opened. */
void html_end(FILE *out);

#endif
