/* html.c - see html.h. The stylesheet is made for a projector first (large type, high
 * contrast, tables that fit 1280 pixels) and for print second: A4 pages, no page break
 * inside a table row or a chart, the background colours kept. */
#include "html.h"
#include "lang/lang.h"
#include "plots/chart.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void html_text(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*p, out);
        }
}

void html_name(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        char one[2] = {*p, '\0'};
        html_text(out, one);
        if (strchr("/\\_", *p) && p[1]) fputs("<wbr>", out);
    }
}

/* The text format makes with ap, in new memory (the caller frees it). */
__attribute__((format(printf, 1, 0))) static char *formatted(const char *format, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, format, ap);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!text) abort();
    vsnprintf(text, (size_t)n + 1, format, again);
    va_end(again);
    return text;
}

void html_textf(FILE *out, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *text = formatted(format, ap);
    va_end(ap);
    html_text(out, text);
    free(text);
}

void html_figuresf(FILE *out, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *text = formatted(format, ap);
    va_end(ap);
    html_figures(out, text);
    free(text);
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The character after the one at p (which is not the end of the string). */
static const char *next_char(const char *p)
{
    size_t n = lang_char_bytes((unsigned char)*p);
    while (n-- && *p) p++;
    return p;
}

/* The end of the "± h" at pm (the 2 bytes of U+00B1): the figure after it, as
 * "18.14", "+0.72%" or "15/天" (a '/' and the character after it: the unit), or the
 * word after it ("± the half-width", "± 后是其"), up to the next blank. */
static const char *after_pm(const char *pm)
{
    const char *p = pm + 2;
    while (*p == ' ') p++;
    if (digit(*p) || ((*p == '+' || *p == '-') && digit(p[1]))) {
        p++;
        while (digit(*p) || (*p == '.' && digit(p[1]))) p++;
        if (*p == '%') p++;
        if (*p == '/' && p[1] && p[1] != ' ') p = next_char(p + 1);
        return p;
    }
    while (*p && *p != ' ' && *p != '\n') p++;
    return p;
}

/* The start of the figure "1178.70 " or "98.38% " before the " ± " at pm, or pm when a
 * word or nothing stands before it. */
static const char *before_pm(const char *text, const char *pm)
{
    if (pm - text < 2 || pm[-1] != ' ' || !(digit(pm[-2]) || pm[-2] == '%')) return pm;
    const char *p = pm - 1;
    while (p > text && (digit(p[-1]) || p[-1] == '.' || p[-1] == '%' || p[-1] == '<' || p[-1] == '>')) p--;
    if (p > text && (p[-1] == '+' || p[-1] == '-')) p--;
    return p;
}

/* The end of a short group in parentheses that holds a figure, "(seed 15)" or
 * "（种子 15）", starting at p; NULL when p starts none. */
static const char *short_group(const char *p)
{
    static const char *const open[] = {"(", "（"}, *const close[] = {")", "）"};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(open[k]);
        if (strncmp(p, open[k], n) != 0) continue;
        bool figure = false;
        size_t chars = 0;
        for (const char *q = p + n; *q && *q != '\n' && chars <= 20; chars++) {
            if (strncmp(q, close[k], strlen(close[k])) == 0) return figure && chars > 0 ? q + strlen(close[k]) : NULL;
            if (*q == '(' || strncmp(q, open[1], strlen(open[1])) == 0) return NULL;
            figure |= digit(*q);
            q = next_char(q);
        }
    }
    return NULL;
}

static bool key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '_';
}

/* The end of a key and its value, "inventory.reorder_point = 600" (a SECTION.KEY, " = ",
 * a number, its '%' with it), starting at p (text's start at text); NULL when p starts
 * none: a line would otherwise break after the '=', the value alone on the next. */
static const char *key_value(const char *text, const char *p)
{
    if ((p > text && (key_char(p[-1]) || p[-1] == '.')) || !key_char(*p) || digit(*p)) return NULL;
    const char *q = p;
    bool dotted = false;
    while (key_char(*q) || (*q == '.' && key_char(q[1]))) dotted |= *q++ == '.';
    if (!dotted || strncmp(q, " = ", 3) != 0) return NULL;
    q += 3;
    if (*q == '-' || *q == '+') q++;
    if (!digit(*q)) return NULL;
    while (digit(*q) || (*q == '.' && digit(q[1]))) q++;
    if (*q == '%') q++;
    return q;
}

void html_figures(FILE *out, const char *text)
{
    const char *p = text;
    while (*p) {
        /* the next group to keep whole: a short one in parentheses, else a "± h" */
        const char *start = NULL, *end = NULL;
        for (const char *q = p; *q && !start; q++) {
            if ((end = short_group(q)) || (end = key_value(text, q))) {
                start = q;
            } else if (strncmp(q, "±", 2) == 0) {
                start = before_pm(p, q), end = after_pm(q);
            }
        }
        if (!start) break;
        char *part = strndup(p, (size_t)(start - p));
        if (!part) abort();
        html_text(out, part);
        free(part);
        part = strndup(start, (size_t)(end - start));
        if (!part) abort();
        fputs("<span class=\"nb\">", out);
        html_text(out, part);
        fputs("</span>", out);
        free(part);
        p = end;
    }
    html_text(out, p);
}

/* One line of a note, escaped, with each run of wide (Chinese) characters in a box
 * exactly their columns wide: the report aligns its tables counting a wide character
 * as two columns (lang_width), which no font guarantees (DejaVu Sans Mono's Latin is
 * 0.6 em, a Chinese glyph 1 em). The box's font size is two of the note's Latin "0"s
 * (.note .w: 2ch), so its em is two columns and a Chinese glyph of 1 em fills them, as
 * on a terminal; its width is one em a character, and any spare width goes between
 * its characters. */
static void note_line(FILE *out, const char *line, size_t len)
{
    char one[8];
    size_t i = 0;
    while (i < len) {
        size_t start = i, columns = 0;
        while (i < len) { /* the run of wide characters from i, if any */
            size_t n = lang_char_bytes((unsigned char)line[i]);
            if (n > len - i) break;
            memcpy(one, line + i, n), one[n] = '\0';
            if (lang_width(one) != 2) break;
            columns += 2, i += n;
        }
        if (columns) {
            char *run = strndup(line + start, i - start);
            if (!run) abort();
            fprintf(out, "<span class=\"w\" style=\"width:%zuem\">", columns / 2);
            html_text(out, run);
            fputs("</span>", out);
            free(run);
            continue;
        }
        size_t n = lang_char_bytes((unsigned char)line[i]);
        if (n > len - i) n = len - i;
        memcpy(one, line + i, n), one[n] = '\0';
        html_text(out, one);
        i += n;
    }
}

/* html_lines and html_note: `columns` keeps the text's columns (note_line). */
static void write_lines(FILE *out, const char *cls, const char *text, bool columns)
{
    /* the common indentation of the non-blank lines, and the first and last of them */
    size_t indent = (size_t)-1;
    const char *first = NULL, *last = NULL;
    for (const char *line = text; *line;) {
        size_t len = strcspn(line, "\n"), lead = strspn(line, " ");
        if (lead < len) {
            if (lead < indent) indent = lead;
            if (!first) first = line;
            last = line + len;
        }
        line += len + (line[len] == '\n');
    }
    if (!first) return;
    if (columns) { /* the widest line's columns, for the stylesheet's .note on a narrow screen */
        size_t widest = 0;
        for (const char *line = first; line < last;) {
            size_t len = strcspn(line, "\n");
            if (len > indent) {
                char *copy = strndup(line + indent, len - indent);
                if (!copy) abort();
                size_t w = lang_width(copy);
                if (w > widest) widest = w;
                free(copy);
            }
            line += len + (line[len] == '\n');
        }
        fprintf(out, "<div class=\"%s\" style=\"--cols:%zu\">", cls, widest);
    } else
        fprintf(out, "<div class=\"%s\">", cls);
    for (const char *line = first; line < last;) {
        size_t len = strcspn(line, "\n");
        if (len > indent && columns) {
            note_line(out, line + indent, len - indent);
        } else if (len > indent) {
            char *copy = strndup(line + indent, len - indent);
            if (!copy) abort();
            html_text(out, copy);
            free(copy);
        }
        line += len + (line[len] == '\n');
        if (line < last) fputc('\n', out);
    }
    fputs("</div>\n", out);
}

void html_lines(FILE *out, const char *cls, const char *text)
{
    write_lines(out, cls, text, false);
}

/* The longest name of a flow diagram's box that is never broken (flow_node). */
enum { FLOW_NAME_WHOLE = 16 };

/* Node i of f with the nodes it feeds (html.h's html_flow); depth bounds a loop of
 * `from`s, which a caller's mistake could make. */
static void flow_node(FILE *out, const struct chart_flow *f, size_t i, size_t depth)
{
    const struct chart_flow_node *nd = &f->nodes[i];
    char hex[8];
    /* a name of up to FLOW_NAME_WHOLE bytes ("store_harbour") has no <wbr> after its '_'s,
       so that it is not broken there: on a narrow screen the figures beside it wrap
       instead; a longer one ("northern_regional_warehouse") may break after them
       (html_name's <wbr>). A box that is only a name ("outside supplier") may take two
       lines, broken at its blank (html_flow_style's .fbox.bare). */
    const char *name = nd->name ? nd->name : "";
    fprintf(out, "<div class=\"fn\"><div class=\"fbox%s\" style=\"--c:%s\"><b>",
            nd->lines[0] || nd->below ? "" : " bare", chart_colour_hex(nd->colour, hex));
    if (strlen(name) <= FLOW_NAME_WHOLE)
        html_text(out, name);
    else
        html_name(out, name);
    fputs("</b>", out);
    /* a heading and the lines it heads in one group (span.fg): a narrow screen keeps
       "fill rate: downstream 95.6%" together on a line */
    size_t nlines = 0;
    while (nlines < CHART_FLOW_LINES && nd->lines[nlines]) nlines++;
    size_t group = nd->head > 0 ? (size_t)nd->head + 1 : 0; /* the lines in it */
    if (group > nlines) group = nlines;
    if (nlines || nd->below) fputs("<span class=\"fl\">", out); /* the lines, beside the name on a narrow screen */
    for (size_t k = 0; k < nlines; k++) {
        fputs(k == 0 && group ? "<span class=\"fg\"><span class=\"fh\">" : "<span>", out);
        html_text(out, nd->lines[k]);
        fputs(k + 1 == group ? "</span></span>" : "</span>", out);
    }
    if (nd->below) {
        fputs("<span class=\"below\">", out);
        html_text(out, nd->below);
        fputs("</span>", out);
    }
    if (nlines || nd->below) fputs("</span>", out);
    fputs("</div>\n", out);
    /* the nodes it feeds, top row first */
    size_t kids[CHART_FLOW_NODES], n = 0;
    for (size_t j = 0; j < f->n && depth < CHART_FLOW_NODES; j++) {
        if (f->nodes[j].from != (int)i || j == i) continue;
        size_t at = n++;
        for (; at > 0 && f->nodes[kids[at - 1]].row > f->nodes[j].row; at--) kids[at] = kids[at - 1];
        kids[at] = j;
    }
    /* kids that are all bare boxes feeding none (the customers of a location) can sit on
       its line on a narrow screen (fkids ends) */
    bool ends = n > 0;
    for (size_t k = 0; k < n && ends; k++) {
        const struct chart_flow_node *kid = &f->nodes[kids[k]];
        ends = !kid->lines[0] && !kid->below;
        for (size_t j = 0; j < f->n && ends; j++) ends = f->nodes[j].from != (int)kids[k];
    }
    if (n) fputs(ends ? "<div class=\"fkids ends\">\n" : "<div class=\"fkids\">\n", out);
    for (size_t k = 0; k < n; k++) {
        const struct chart_flow_node *kid = &f->nodes[kids[k]];
        bool leaf = true; /* it feeds none: its arrow takes the row's spare width */
        for (size_t j = 0; j < f->n && leaf; j++) leaf = f->nodes[j].from != (int)kids[k];
        fprintf(out, "<div class=\"fe%s\"><div class=\"fa\">", leaf ? " leaf" : "");
        if (kid->arrow[0]) {
            fputs("<span class=\"up\">", out);
            html_text(out, kid->arrow[0]);
            fputs("</span>", out);
        }
        fputs("<hr>", out);
        if (kid->arrow[1]) {
            fputs("<span class=\"dn\">", out);
            html_text(out, kid->arrow[1]);
            fputs("</span>", out);
        }
        fputs("</div>\n", out);
        flow_node(out, f, kids[k], depth + 1);
        fputs("</div>\n", out);
    }
    if (n) fputs("</div>\n", out);
    fputs("</div>\n", out);
}

/* From this many rows (boxes that feed none: a store's customers share its row) the
 * wide layout's boxes are compact (html_flow_style's .flow.big): in full, rows of 5-line
 * boxes 125 pixels apart, 5 rows and the title are about a screen of 800. */
enum { FLOW_BIG_ROWS = 5 };

void html_flow(FILE *out, const struct chart_flow *f, const char *title, const char *subtitle)
{
    size_t rows = 0;
    for (size_t i = 0; i < f->n; i++) {
        bool feeds = false;
        for (size_t j = 0; j < f->n && !feeds; j++) feeds = j != i && f->nodes[j].from == (int)i;
        rows += !feeds;
    }
    fputs(rows >= FLOW_BIG_ROWS ? "<div class=\"flow big\">\n<p class=\"ftitle\">"
                                : "<div class=\"flow\">\n<p class=\"ftitle\">",
          out);
    html_text(out, title ? title : "");
    fputs("</p>\n", out);
    if (subtitle && *subtitle) {
        fputs("<p class=\"fsub\">", out);
        html_text(out, subtitle);
        fputs("</p>\n", out);
    }
    fputs("<div class=\"ftree\">\n", out);
    for (size_t i = 0; i < f->n; i++)
        if (f->nodes[i].from < 0) flow_node(out, f, i, 0);
    fputs("</div>\n", out);
    if (f->note && *f->note) {
        fputs("<p class=\"fnote\">", out);
        for (const char *p = f->note; *p;) {
            size_t len = strcspn(p, "\n");
            char *line = strndup(p, len);
            if (!line) abort();
            html_text(out, line);
            free(line);
            p += len;
            if (*p == '\n' && *++p) fputs("<br>", out);
        }
        fputs("</p>\n", out);
    }
    fputs("</div>\n", out);
}

static const char stylesheet[] =
    ":root{--ink:#1a1a1a;--muted:#555;--rule:#c8c8c8;--band:#f2f4f7;--accent:#0b5cad;--good:#1b7a3a;"
    "--bad:#b3261e}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;color:var(--ink);background:#fff;font:18px/1.45 'DejaVu Sans','Noto Sans CJK SC',"
    "'WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif}\n"
    "main{max-width:1440px;margin:0 auto;padding:24px 32px 48px;container-type:inline-size}\n"
    "h1{font-size:30px;margin:0 0 4px}\n"
    "h2{font-size:23px;margin:36px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--accent)}\n"
    "h3{font-size:19px;margin:22px 0 8px}\n"
    "details.what summary{cursor:pointer;color:var(--accent)}\n"
    ".what{color:var(--muted);margin:0 0 12px;white-space:pre-line}\n"
    /* a word longer than the line (a class's long file name, "a_rather_long_student_file_name_
       raise_service_cut_cost.ini earns the most") breaks rather than widen the page */
    ".headline{font-size:24px;font-weight:bold;background:var(--band);border-left:6px solid var(--accent);"
    "padding:12px 18px;margin:18px 0;text-wrap:balance;overflow-wrap:anywhere}\n"
    ".headline small{display:block;font-size:17px;font-weight:normal;color:var(--muted)}\n"
    /* a figure and its "± h" (html_figures), on one line however narrow the screen */
    ".nb{white-space:nowrap}\n"
    "table{border-collapse:collapse;margin:8px 0 12px;font-variant-numeric:tabular-nums}\n"
    "th,td{padding:4px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--rule)}\n"
    /* a column head breaks between its words and before a parenthesis, a Chinese one
       between its words only (与最优之差 / （配对）, never inside 配对): keep-all */
    "table{font-size:16px}th{background:var(--band);font-weight:bold;vertical-align:bottom;word-break:keep-all}\n"
    ".wide{overflow-x:auto;max-width:100%}\n"
    /* a heading's name wraps after its '_'s (html_name's <wbr>) only on a narrow screen:
       on a wide one Chromium would break a nowrap heading at them */
    "th wbr{display:none}\n"
    ".prose{white-space:pre-line}\n"
    "ul.settings{columns:2 380px;padding:0;margin:8px 0 12px;list-style:none;font-size:16px}\n"
    "ul.settings li{break-inside:avoid;padding:1px 0}\n"
    "span.key{white-space:nowrap;font-size:15px}\n"
    /* a compare table's keys: a column that fits a projector's 1280 px, a long key cut */
    "div.keys{max-width:14em}div.keys span.key{display:inline-block;max-width:100%;overflow:hidden;"
    "text-overflow:ellipsis;vertical-align:top}\n"
    /* a name wraps after / and _ (html_name), inside a word only when a part is wider than
       the column */
    "td.file{overflow-wrap:anywhere;min-width:10em}th.num.wrap{white-space:normal}"
    "table.ranking th,table.ranking td{padding:4px 6px}\n"
    "ul.settings em{color:var(--accent);font-style:normal;font-size:14px}\n"
    "td.num,th.num{text-align:right;white-space:nowrap}td.sig,td.nsig{white-space:nowrap}\n"
    "td.ci{color:var(--muted);text-align:right;white-space:nowrap}\n"
    "td.name{color:var(--muted);font-family:'DejaVu Sans Mono',monospace;font-size:14px}\n"
    "tr.best td{background:#e7f3ea;font-weight:bold}\n"
    "tr.refused td{color:var(--muted)}\n"
    ".sig{color:var(--bad);font-weight:bold} .nsig{color:var(--muted)} .pm{color:var(--muted);font-size:14px}\n"
    ".note{white-space:pre;font-family:'DejaVu Sans Mono','WenQuanYi Micro Hei Mono',monospace;font-size:15px;"
    "background:var(--band);padding:10px 14px;margin:8px 0 12px;overflow-x:auto}\n"
    ".note .w{display:inline-block;font-size:2ch;line-height:1;text-align-last:justify}\n"
    ".warn{border-left:6px solid #c77700;background:#fff6e5;padding:8px 14px;margin:6px 0}\n"
    ".mark{color:#fff;background:#c77700;font-weight:bold;padding:0 6px;border-radius:3px;cursor:help}\n"
    "figure{margin:16px 0 24px;break-inside:avoid}\n"
    "figure svg{display:block;width:100%;height:auto;max-width:1100px}\n"
    "figcaption{color:var(--muted);font-size:16px;margin-top:4px}\n"
    /* a chart's subtitle: in the chart, or below 1200 pixels under it in the page's type
       (cli/debrief.c's figure_subtitle) */
    "figure p.subtitle{display:none;margin:4px 0 0;font-size:16px}\n"
    "@media (max-width:1200px){figure svg text.subtitle{display:none}figure p.subtitle{display:block}}\n"
    ".stages{display:flex;height:44px;border:1px solid var(--ink);margin:10px 0 6px;max-width:1100px}\n"
    ".stages span{display:block;height:100%;overflow:hidden}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:6px 22px;font-size:16px;margin-bottom:12px}\n"
    ".legend i{display:inline-block;width:14px;height:14px;margin-right:6px;vertical-align:-2px;"
    "border:1px solid var(--ink)}\n"
    ".bar{display:inline-block;height:14px;background:var(--accent);vertical-align:-2px}\n"
    "code{font-family:'DejaVu Sans Mono',monospace;font-size:0.9em}\n"
    "footer{margin-top:40px;padding-top:8px;border-top:1px solid var(--rule);color:var(--muted);font-size:14px}\n"
    /* the command to reproduce a page: wrapped at its spaces as a shell command reads, a
       word longer than the line scrolled rather than cut mid-word */
    "footer p{overflow-x:auto}footer code span{white-space:nowrap}\n"
    "@page{size:A4;margin:14mm 12mm}\n"
    "@media print{body{font-size:11pt}main{max-width:none;padding:0}h1{font-size:18pt}h2{font-size:14pt;"
    "break-after:avoid}.headline{font-size:13pt}.note{font-size:8.5pt;white-space:pre-wrap}"
    "tr,figure,.stages{break-inside:avoid}figure svg{max-width:100%}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}th,td{padding:2px 6px}}\n";

/* The rules of a flow diagram (html_flow), in a page that draws one (html.h's
   html_flow_style). From 1201 pixels: boxes left to right, each box's arrows from a line
   (the bus) its children share. Up to 1200 pixels and in print, an outline: a box a line
   (its name, then its lines side by side, wrapped when long), its children under it, each
   on a line of its own, slightly indented, the arrow into each from a line hanging from
   the parent, its two texts one above the other; a box's customers (fkids ends) on its
   line. Sizes there are whole pixels (text in 18- and 16-pixel lines, each box and arrow
   rounded up to a pixel: calc-size), so that no box's border falls between two pixels. */
const char html_flow_style[] =
    ".flow{max-width:1376px}.flow p{margin:0;text-align:center}.flow .ftitle{font-weight:bold}"
    ".flow .fnote{color:var(--muted);text-wrap:balance}\n"
    ".fbox{border:2px solid var(--c);background:#fff}.fbox b{background:var(--c);color:#fff;font-weight:normal}"
    ".fe,.fa{position:relative}.fe::before{content:'';position:absolute;left:0;top:0;bottom:0;"
    "border-left:2px solid var(--ink)}.fe:only-child::before{display:none}\n"
    ".fa{display:grid;grid-template-rows:1fr auto 1fr;min-width:48px}.fa .up,.fa .dn{padding:0 12px 0 6px}"
    ".fa .up{grid-row:1;align-self:end}.fa .dn{grid-row:3;align-self:start}"
    ".fa hr{grid-row:2;border:0;height:2px;margin:3px 0;background:var(--ink);overflow:visible;position:relative}"
    ".fa hr::after{content:'';position:absolute;right:0;top:-5px;border-style:solid;border-width:6px 0 6px 13px;"
    "border-color:transparent transparent transparent var(--ink)}\n"
    "@media screen and (width>1200px){.flow .ftitle{font-size:21px}.flow .fsub{font-size:16px;margin-top:2px}"
    ".flow .fnote{font-size:15px;margin-top:12px}"
    ".ftree{display:flex;justify-content:safe center;margin-top:14px;font-size:15px;line-height:1.3;"
    "text-align:center;overflow-x:auto}.fn{display:flex;align-items:center}"
    ".fbox{flex:none;white-space:nowrap}.fbox b{display:block;padding:2px 7px}.fbox.bare{max-width:7em;"
    "white-space:normal}.fbox span{display:block;padding:0 7px}.fbox .fl,.fbox "
    ".fg{display:contents}.fl>span:last-child{"
    "padding-bottom:3px}.fbox .below{border-top:1px solid var(--rule);padding-top:2px}"
    ".fkids{display:flex;flex-direction:column;position:relative;padding-left:12px}"
    ".fkids::before{content:'';position:absolute;left:0;top:50%;width:12px;border-top:2px solid var(--ink);"
    "margin-top:-1px}.fe{display:flex;align-items:center;padding:7px 0}"
    /* the spare width of a row goes to the arrow into its last box: the boxes of one
       level start together, the last ones end together */
    ".fe>.fn,.fn>.fkids,.fe.leaf>.fa{flex-grow:1}.fe.leaf>.fn{flex-grow:0}"
    ".fe:first-child::before{top:50%}.fe:last-child::before{bottom:50%}.fa{font-size:0.94em}}\n"
    "@media screen and (min-width:1500px){.ftree{font-size:17px}}\n"
    "@media print,screen and (max-width:1200px){"
    ".flow .ftitle{font-size:18px;line-height:22px}.flow .fsub{font-size:14px;line-height:18px}"
    ".flow .fnote{font-size:13px;line-height:16px;margin-top:4px}.ftree{margin-top:4px;font-size:14px;line-height:18px}"
    ".fbox{display:inline-flex;max-width:100%;width:calc-size(fit-content,round(up,size,1px))}"
    ".fbox b{padding:1px 8px}.fbox.bare{white-space:nowrap}.fbox.bare b{flex:auto}"
    /* a box's lines side by side, a dot between two on a line (the dot before one that
       starts a line falls outside .fl, which hides it); "fill rate: downstream 95.6%"
       kept together (.fg) */
    ".fl,.fg{display:flex;flex-wrap:wrap;column-gap:16px}.fg{flex-shrink:0;max-width:100%}.fl{overflow:hidden;margin:0 "
    "8px;padding:1px 0}"
    ".fl{min-width:min-content}.fl span{position:relative;white-space:nowrap}.fl "
    "span::before{content:'\\00b7';position:absolute;left:-11px;color:var(--muted)}"
    ".fh::after{content:':'}:lang(zh) .fh::after{content:'\\ff1a'}.fh{margin-right:-10px}"
    ":lang(zh) .fh{margin-right:-14px}.fh::before,.fh+span::before{content:none}"
    ".fkids{display:grid;grid-template-columns:auto minmax(0,max-content) auto 1fr;margin-left:12px}"
    ".fe{grid-column:1/-1;display:grid;grid-template-columns:subgrid;align-items:center;padding:4px 0 0 12px}"
    ".fe>.fn{display:contents}.fe>.fn>.fkids{grid-column:1/-1}.fe>.fn>.ends{grid-column:3;margin:0;"
    "grid-template-columns:1fr auto}"
    ".fe:last-child::before,.ends>.fe::before,.ends .fa::before{display:none}.ends>.fe{padding:0 0 0 4px}"
    ".fa{align-self:stretch;min-width:calc-size(max-content,round(up,size,1px));font-size:13px;line-height:16px;"
    "white-space:nowrap}.fa hr{margin:1px 0}"
    ".fa::before{content:'';position:absolute;left:-12px;top:-4px;bottom:50%;width:12px;margin-bottom:-1px;"
    "border:solid var(--ink);border-width:0 0 2px 2px}.fe:not(:last-child)>.fa::before{border-left:0}"
    /* an arrow with one text: the text on the arrow's line, before it */
    ".fa:not(:has(.dn)){grid-template:none/auto "
    "1fr;align-items:center}.fa:not(:has(.dn))>*{grid-row:1;align-self:center}"
    ".fa:not(:has(.dn)) .up{padding-right:6px}.fa:not(:has(.dn)) hr{min-width:30px}}\n"
    "@media print{.ftree{font-size:9.5pt}.flow .ftitle{font-size:13pt}.flow .fsub,.flow .fnote{font-size:9.5pt}}\n";

/* html_flow_style's rules for a big network (one string is at most 4095 characters): */
static const char flow_big_style[] =
    /* a big network (html_flow's FLOW_BIG_ROWS: rows of boxes more than a screen of 800
       holds) from 1201 pixels: compact boxes, each box's lines side by side and wrapped as
       in the outline (a dot between two on a line; "fill rate: customers 100.0%" kept
       together), in lines of at most 14.4em ("on hand 25.8 · bullwhip 26.6"), a bare box's name
       ("outside supplier") in two lines; the rows closer, the arrows' texts wrapped */
    "@media screen and (width>1200px){.flow.big .ftree{font-size:14px;line-height:1.25}.flow.big .fe{padding:3px 0}"
    ".flow.big .fbox{white-space:normal}.flow.big .fbox .fl,.flow.big .fbox .fg{display:flex;flex-wrap:wrap;"
    "column-gap:12px}.flow.big .fbox .fl{max-width:14.4em;overflow:hidden;margin:0 7px;padding:1px 0 "
    "2px;text-align:left}"
    ".flow.big .fbox .fl .fg{display:flex;flex-shrink:0;max-width:100%}.flow.big .fbox .fl "
    "span{display:block;padding:0;position:relative;"
    "white-space:nowrap}.flow.big .fl span::before{content:'\\00b7';position:absolute;left:-8px;color:var(--muted)}"
    ".flow.big .fh::after{content:':'}:lang(zh) .flow.big .fh::after{content:'\\ff1a'}.flow.big .fh{margin-right:-7px}"
    ":lang(zh) .flow.big .fh{margin-right:-10px}.flow.big .fh::before,.flow.big .fh+span::before,.flow.big "
    ".fg::before{content:none}.flow.big .fbox .below{border-top:0;padding:0}.flow.big .fbox.bare{max-width:6em}"
    ".flow.big .fbox.bare b{padding:2px 5px}.flow.big .fa{font-size:13px;"
    "line-height:1.2}.flow.big .fa .up,.flow.big .fa .dn{padding:0 6px 0 3px;max-width:5.6em}"
    ":lang(zh) .flow.big .fa .up{max-width:6.6em}:lang(zh) .flow.big .fa{word-break:keep-all}}\n"
    "@media screen and (min-width:1500px){.flow.big .ftree{font-size:15px}.flow.big .fa .up,.flow.big .fa "
    ".dn{max-width:none}}\n";

/* The stylesheet's rules for a narrow screen (one string is at most 4095 characters),
 * after one for every screen that the first string has no room for. */
static const char narrow_stylesheet[] =
    /* a line under the one above (cli/debrief.c's metric_table), indented as the terminal
       indents it, on every screen and in print (its selector outweighs th,td's padding) */
    "tr.sub td:first-child{padding-left:2.2em}\n"
    /* Below 1200 pixels (a projector of 1024 or 800, half a laptop's screen) a table keeps
       every column in view: tighter cells, a heading wrapped between its words (as on a
       wide screen, a Chinese one between its words only) and after a name's '_'s, "± 95%" kept whole (th.nb),
       an interval's half-width in smaller type; a note of the terminal's text (whose
       widest line is --cols columns, html_note) in type small enough to show that line,
       down to 12 pixels. Below 900 the page's margins are narrower, and a table of many
       columns (table.many: batch --sweep's, a grid of 8 columns or more) in 14 px type. */
    "@media screen and (max-width:1200px){table{font-size:15px}th,td{padding:4px 5px}th wbr{display:inline}"
    "th.num{white-space:normal}th.nb{white-space:nowrap}td.ci{font-size:14px}"
    ".note{font-size:clamp(12px,calc((100cqi - 28px) / (var(--cols,1) * 0.61)),15px)}}\n"
    "@media screen and (max-width:900px){main{padding:16px 16px 40px}table.many{font-size:14px}"
    "table.many th,table.many td{padding:4px 4px}}\n";

void html_begin(FILE *out, const char *title)
{
    html_begin_styled(out, title, "");
}

static void begin(FILE *out, const char *title, const char *style, const char *more);

void html_begin_styled(FILE *out, const char *title, const char *style)
{
    begin(out, title, style, "");
}

void html_begin_flow(FILE *out, const char *title)
{
    begin(out, title, html_flow_style, flow_big_style);
}

static void begin(FILE *out, const char *title, const char *style, const char *more)
{
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
            lang_current() == LANG_ZH ? "zh-CN" : "en");
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", out);
    html_text(out, title);
    fprintf(out, "</title>\n<style>\n%s%s%s%s</style>\n</head>\n<body>\n<main>\n", stylesheet, narrow_stylesheet, style,
            more);
}

void html_end(FILE *out)
{
    fputs("</main>\n</body>\n</html>\n", out);
}

void html_note(FILE *out, const char *text)
{
    write_lines(out, "note", text, true);
}
