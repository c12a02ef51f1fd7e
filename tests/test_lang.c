/* test_lang.c - lang/lang.h: display widths and padding by columns, the choice of
 * language from --lang and the environment, and the catalogue found and used. Run from
 * the repository root after make: the catalogue is BUILD/locale, BUILD the directory
 * above this program's (build/tests/test_lang). */
#include "check.h"
#include "lang/lang.h"
#include "lang/zh_terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void widths(void)
{
    check(lang_width("") == 0 && lang_width("fill rate") == 9, "lang-1.1 ASCII is one column a byte");
    check(lang_width("满足率") == 6, "lang-1.2 three CJK characters are six columns (got %zu)", lang_width("满足率"));
    check(lang_width("张伟.ini") == 8, "lang-1.3 a Chinese file name: 2 + 2 + 4 columns (got %zu)",
          lang_width("张伟.ini"));
    check(lang_width("＝（）") == 6, "lang-1.4 full-width forms are two columns each");
    check(lang_width("±") == 1 && lang_width("—") == 1, "lang-1.5 ± and an em dash are one column");
    check(lang_width("\xff\xfe") == 2, "lang-1.6 bytes that are not UTF-8 count one column each");
    /* lang decodes UTF-8 itself (utf8_next): a byte that begins no whole, shortest,
       non-surrogate character up to U+10FFFF is one column of its own */
    check(lang_width("\xc0\xaf") == 2 && lang_width("\xe0\x80\xaf") == 3 && lang_width("\xf0\x80\x80\xaf") == 4,
          "lang-1.6b an overlong form counts a column a byte (got %zu, %zu, %zu)", lang_width("\xc0\xaf"),
          lang_width("\xe0\x80\xaf"), lang_width("\xf0\x80\x80\xaf"));
    check(lang_width("\xed\xa0\x80") == 3 && lang_width("\xf4\x90\x80\x80") == 4,
          "lang-1.6c a surrogate and a code point past U+10FFFF count a column a byte");
    check(lang_width("\xe6\xbb") == 2 &&
              lang_width("\xe6\xbb"
                         "a") == 3 &&
              lang_width("a\xe6") == 2,
          "lang-1.6d a character cut short counts a column a byte, the byte after it its own");
    check(lang_width("e\xcc\x81") == 1 && lang_width("\xf0\xa0\x80\x80") == 2,
          "lang-1.6e a combining mark takes no column, a CJK ideograph of four bytes (U+20000) two");
    char buf[64];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    lang_pad(f, "张伟", 8, false);
    fputc('|', f);
    lang_pad(f, "ab", 5, true);
    fputc('|', f);
    lang_pad(f, "much too long", 3, false);
    fputc('\0', f);
    fclose(f);
    check(strcmp(buf, "张伟    |   ab|much too long") == 0, "lang-1.7 lang_pad pads by columns, not bytes (got '%s')",
          buf);
}

static void choice(const char *build)
{
    check(lang_current() == LANG_EN && strcmp(lang_code(), "en") == 0, "lang-2.1 English before lang_init");
    check(lang_init("fr", NULL) == -1 && lang_current() == LANG_EN, "lang-2.2 --lang fr is refused; English stays");
    unsetenv("LC_ALL"), unsetenv("LC_MESSAGES");
    setenv("LANG", "en_US.UTF-8", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_EN, "lang-2.3 LANG=en_US.UTF-8 is English");
    char dir[600];
    snprintf(dir, sizeof dir, "%s/locale", build);
    setenv("SERVLAB_LOCALEDIR", dir, 1);
    setenv("LANG", "zh_CN.UTF-8", 1);
    setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_EN, "lang-2.4 LC_MESSAGES comes before LANG");
    setenv("LC_ALL", "zh_TW.UTF-8", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_ZH, "lang-2.5 LC_ALL beginning with zh is Chinese");
    const char *msg = "--lang: '%s' is not a language servlab speaks; use en or zh";
    check(strcmp(_(msg), msg) != 0 && strstr(_(msg), "servlab") != NULL,
          "lang-2.6 in Chinese, a message comes from the catalogue (got '%s')", _(msg));
    check(strcmp(_("a sentence no catalogue has"), "a sentence no catalogue has") == 0,
          "lang-2.7 a message the catalogue lacks stays English");
    char number[32];
    snprintf(number, sizeof number, "%.2f", 3.25);
    check(strcmp(number, "3.25") == 0, "lang-2.8 numbers keep the decimal point in Chinese");
    check(lang_init("en", NULL) == 0 && lang_current() == LANG_EN && strcmp(_(msg), msg) == 0,
          "lang-2.9 --lang en overrides a Chinese environment, and messages are English again");
    /* LANGUAGE, as GNU programs take it, where LC_ALL, LC_MESSAGES and LANG choose no
       language: gettext would ignore it in the C locale, servlab reads it itself */
    unsetenv("LC_ALL"), unsetenv("LC_MESSAGES"), unsetenv("LANG");
    setenv("LANGUAGE", "zh_CN", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_ZH && strstr(_(msg), "servlab") &&
              strcmp(_(msg), msg) != 0,
          "lang-2.10 LANGUAGE=zh_CN alone is Chinese, its messages read from the catalogue (got '%s')", _(msg));
    setenv("LANG", "C", 1);
    setenv("LANGUAGE", "fr:zh_TW:en", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_ZH && strcmp(_(msg), msg) != 0,
          "lang-2.11 LANG=C and LANGUAGE=fr:zh_TW:en: the first entry servlab speaks, Chinese");
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("LANGUAGE", "en_GB:zh_CN", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_EN && strcmp(_(msg), msg) == 0,
          "lang-2.12 LC_ALL=C.UTF-8 and LANGUAGE=en_GB:zh_CN: English, its first entry");
    unsetenv("LC_ALL");
    setenv("LANG", "en_US.UTF-8", 1);
    setenv("LANGUAGE", "zh_CN", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_ZH,
          "lang-2.13 LANGUAGE=zh_CN comes before a LANG that names a language (en_US.UTF-8), as for GNU programs");
    setenv("LANG", "zh_CN.UTF-8", 1);
    setenv("LANGUAGE", "en_US:zh_CN", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_EN,
          "lang-2.13b LANGUAGE=en_US:zh_CN under LANG=zh_CN.UTF-8 is English, its first entry");
    setenv("LANGUAGE", "fr", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_ZH,
          "lang-2.13c a LANGUAGE that names no language servlab speaks leaves the choice to LANG=zh_CN.UTF-8");
    setenv("LANGUAGE", "zh_CN", 1);
    setenv("LANG", "zh_CN.GBK", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_EN,
          "lang-2.14 LANG=zh_CN.GBK stays English (a GBK terminal, told so on stderr), though LANGUAGE says zh_CN");
    setenv("LANG", "POSIX", 1);
    setenv("LANGUAGE", "fr:de", 1);
    check(lang_init(NULL, NULL) == 0 && lang_current() == LANG_EN,
          "lang-2.15 a LANGUAGE that names no language servlab speaks is English");
    unsetenv("LANGUAGE");
    check(lang_init("zh", NULL) == 0 && lang_current() == LANG_ZH && lang_init(NULL, NULL) == 0 &&
              lang_current() == LANG_EN && !getenv("LANGUAGE"),
          "lang-2.16 the LANGUAGE that --lang zh sets for gettext is not taken for the user's at the next choice");
}

/* lang_tidy_cut: a buffer that snprintf cut inside a character ends before it. */
static void cuts(void)
{
    const char *text = "ab少得多"; /* 2 bytes, then 3 a character */
    char a[16] = "", b[16] = "";
    memcpy(a, text, 7); /* as snprintf into 8 bytes leaves it: 2 of 得's 3 bytes */
    check(strcmp(lang_tidy_cut(a), "ab少") == 0, "lang-3.1 a character cut in two is dropped: '%s'", a);
    memcpy(b, text, 8);
    check(strcmp(lang_tidy_cut(b), "ab少得") == 0, "lang-3.2 whole characters are kept: '%s'", b);
    char c[] = "plain";
    check(strcmp(lang_tidy_cut(c), "plain") == 0, "lang-3.3 ASCII is left alone");
}

/* lang_tidy_blanks: no blank between two Chinese characters, every other blank kept. */
static void blanks(void)
{
    char a[] = "--from 0 与 第 50 行的 [sweep] to = 16 之间";
    check(strcmp(lang_tidy_blanks(a), "--from 0 与第 50 行的 [sweep] to = 16 之间") == 0,
          "lang-3.4 the blank between 与 and 第 goes, those beside Latin text and digits stay: '%s'", a);
    char b[] = "between --from 0 and [sweep] to = 16 on line 50";
    check(strcmp(lang_tidy_blanks(b), "between --from 0 and [sweep] to = 16 on line 50") == 0,
          "lang-3.5 English is left as it is: '%s'", b);
    char c[] = "与 ";
    check(strcmp(lang_tidy_blanks(c), "与 ") == 0, "lang-3.6 a blank at the end stays: '%s'", c);
}

/* print(f, text, max)'s output (lang_print_wrapped's or lang_print_filled's), into buf. */
static const char *printed(void (*print)(FILE *, const char *, int), const char *text, int max, char *buf, size_t n)
{
    FILE *f = fmemopen(buf, n, "w");
    if (!f) abort();
    print(f, text, max);
    fclose(f);
    return buf;
}

static const char *wrapped(const char *text, int max, char *buf, size_t n)
{
    return printed(lang_print_wrapped, text, max, buf, n);
}

/* lang_print_wrapped: a line wider than a terminal breaks at its last clause that fits. */
static void wraps(void)
{
    char buf[1024];
    check(strcmp(wrapped("  short; fits\nnext\n", 100, buf, sizeof buf), "  short; fits\nnext\n") == 0,
          "lang-4.1 lines that fit are printed as they are: '%s'", buf);
    check(strcmp(wrapped("  a, b (c; d), e f g\n", 16, buf, sizeof buf), "  a, b (c; d),\n    e f g\n") == 0,
          "lang-4.2 ... a wider one after its last comma outside parentheses that fits, the rest indented two "
          "more: '%s'",
          buf);
    check(strcmp(wrapped("  a, b; c, d e\n", 13, buf, sizeof buf), "  a, b;\n    c, d e\n") == 0,
          "lang-4.3 ... after a semicolon rather than a later comma: '%s'", buf);
    check(strcmp(wrapped("  均值 33.19，标准差 6.7 件；KS D = 0.02\n", 34, buf, sizeof buf),
                 "  均值 33.19，标准差 6.7 件；\n    KS D = 0.02\n") == 0,
          "lang-4.4 ... by display width, after a full-width ；: '%s'", buf);
    check(strcmp(wrapped("one two three four\n", 9, buf, sizeof buf), "one two\n  three\n  four\n") == 0,
          "lang-4.5 ... at a space when there is no clause mark, each continuation indented alike: '%s'", buf);
    check(strcmp(wrapped("; a, b c d\n", 9, buf, sizeof buf), "; a,\n;   b c d\n") == 0,
          "lang-4.6 ... and a comment's continuation is a comment too: '%s'", buf);
    check(strcmp(wrapped("abcdefghij\n", 4, buf, sizeof buf), "abcdefghij\n") == 0,
          "lang-4.7 ... and whole when there is nowhere to break: '%s'", buf);
    check(strcmp(wrapped("abcdefghij, kl; mn\n", 4, buf, sizeof buf), "abcdefghij,\n  kl;\n  mn\n") == 0,
          "lang-4.8 ... else at the first break past its width, and on from there: '%s'", buf);
    check(strcmp(wrapped("  abcdefgh，过去；其余\n", 10, buf, sizeof buf), "  abcdefgh，\n    过去；\n    其余\n") == 0,
          "lang-4.9 ... after a full-width mark past its width too: '%s'", buf);
    check(strcmp(wrapped("需求历史给出（订单）\n", 8, buf, sizeof buf), "需求历史\n  给出\n  （订\n  单）\n") == 0,
          "lang-4.9b ... Chinese with no mark between two characters, never before a closing mark nor after an "
          "opening one: '%s'",
          buf);
    check(strcmp(wrapped("历史 abc def（订单）\n", 12, buf, sizeof buf), "历史 abc def\n  （订单）\n") == 0,
          "lang-4.9c ... at the last blank or Chinese break, whichever is later: '%s'", buf);
    check(strcmp(wrapped("节有 [run]、[demand]、[order_cycle]\n", 24, buf, sizeof buf),
                 "节有 [run]、[demand]、\n  [order_cycle]\n") == 0,
          "lang-4.9d ... after the 、 between a list's items, whatever begins the next: '%s'", buf);
    /* a command given to copy and run is never broken: the line breaks before it, and one
       wider than the line stands whole, past the width; a path's Chinese is not parted */
    check(strcmp(wrapped("use the new file (iconv -f CP949 -t UTF-8 a.csv > a_utf8.csv). Then run it\n", 40, buf,
                         sizeof buf),
                 "use the new file\n  (iconv -f CP949 -t UTF-8 a.csv > a_utf8.csv).\n  Then run it\n") == 0,
          "lang-4.9e a command in parentheses (iconv ...) is never broken, whole on a line past the width: '%s'", buf);
    check(
        strcmp(wrapped("请使用新文件（iconv -f CP949 -t UTF-8 '数据 文件.csv' > '数据 文件_utf8.csv'）。然后运行\n", 30,
                       buf, sizeof buf),
               "请使用新文件\n  （iconv -f CP949 -t UTF-8 '数据 文件.csv' > '数据 文件_utf8.csv'）。\n  然后运行\n") ==
            0,
        "lang-4.9f ... in Chinese too, a quoted path with blanks and Chinese in it whole: '%s'", buf);
    char indent[80], text[200], want[400];
    memset(indent, ';', 70), indent[70] = '\0';
    snprintf(text, sizeof text, "%s aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll\n", indent);
    wrapped(text, 100, buf, sizeof buf);
    size_t widest = 0;
    for (const char *line = buf; *line;) {
        size_t n = strcspn(line, "\n");
        if (n > widest) widest = n;
        line += n + (line[n] == '\n');
    }
    snprintf(want, sizeof want, "%s aaaa bbbb cccc dddd eeee\n%s   ffff gggg hhhh iiii jjjj\n%s   kkkk llll\n", indent,
             indent, indent);
    check(widest <= 100 && strcmp(buf, want) == 0,
          "lang-4.10 ... a head of 70 columns counted whole in every continuation (widest %zu): '%s'", widest, buf);
    /* lang_print_hanging: the text breaks, never its head; continuations begin with cont */
    FILE *f = fmemopen(buf, sizeof buf, "w");
    if (!f) abort();
    lang_print_hanging(f, "key = a, b ; ", "from here, on and on: more", "           ; ", 30);
    lang_print_hanging(f, "    ", "short", "    ", 30);
    fclose(f);
    check(strcmp(buf, "key = a, b ; from here,\n           ; on and on: more\n    short\n") == 0,
          "lang-4.11 lang_print_hanging breaks only in the text, each continuation after cont: '%s'", buf);
    /* a widow: two words or fewer, a Chinese character half a word, its marks none */
    check(lang_widow("   redirection)") && lang_widow("重定向）") && lang_widow("有 batch_service.png）") &&
              lang_widow("by profit") && !lang_widow("(also spelt optimize)") && !lang_widow("要加引号，因为") &&
              !lang_widow("--from/--to/--steps 或 --values）"),
          "lang-4.12 lang_widow: two words or fewer, a Chinese character counting half");
    /* lang_print_hanging_balanced: the last line of a wrapped text is no widow */
    f = fmemopen(buf, sizeof buf, "w");
    if (!f) abort();
    lang_print_hanging_balanced(f, "  -x  ", "aaaa bbbb cccc dddd eeee ffff gggg", "      ", 30);
    lang_print_hanging_balanced(f, "  -y  ", "short", "      ", 30);
    fclose(f);
    check(strcmp(buf, "  -x  aaaa bbbb cccc dddd\n      eeee ffff gggg\n  -y  short\n") == 0,
          "lang-4.13 lang_print_hanging_balanced wraps narrower rather than leave 'ffff gggg' alone: '%s'", buf);
    f = fmemopen(buf, sizeof buf, "w");
    if (!f) abort();
    lang_print_hanging_balanced(f, "  -x  ", "（要加引号：shell 会把 > 当作重定向）", "      ", 60);
    fclose(f);
    check(strncmp(buf, "  -x  （要加引号：shell 会把 > 当作重定向）\n", sizeof buf) == 0,
          "lang-4.14 ... and leaves a text of one line as it is: '%s'", buf);
}

static const char *filled(const char *text, int max, char *buf, size_t n)
{
    return printed(lang_print_filled, text, max, buf, n);
}

/* lang_print_filled: a note's lines are filled, not cut at an early clause. */
static void fills(void)
{
    char buf[1024];
    check(strcmp(filled("  a, b c d e f g h\n", 16, buf, sizeof buf), "  a, b c d e f\n    g h\n") == 0,
          "lang-5.1 a comma that would leave the line a quarter full gives way to the last blank: '%s'", buf);
    check(strcmp(filled("  a; b c d e f g h\n", 16, buf, sizeof buf), "  a; b c d e f\n    g h\n") == 0,
          "lang-5.1b ... and so does a semicolon: '%s'", buf);
    check(strcmp(wrapped("  aaaa; b c d e f g h\n", 16, buf, sizeof buf), "  aaaa;\n    b c d e f g\n    h\n") == 0,
          "lang-5.1c ... where lang_print_wrapped breaks after a semicolon that leaves a third: '%s'", buf);
    check(strcmp(wrapped("  a; b c d e f g h\n", 16, buf, sizeof buf), "  a; b c d e f\n    g h\n") == 0,
          "lang-5.1d ... and a semicolon earlier than that gives way to the last blank: '%s'", buf);
    check(strcmp(filled("  aaaaaaaaaa; b c d\n", 16, buf, sizeof buf), "  aaaaaaaaaa;\n    b c d\n") == 0,
          "lang-5.2 a semicolon that leaves the line half full or more is kept: '%s'", buf);
    check(strcmp(filled("  a (b c d e f g h)\n", 16, buf, sizeof buf), "  a (b c d e f\n    g h)\n") == 0,
          "lang-5.3 ... in parentheses too: '%s'", buf);
    check(strcmp(filled("  甲乙丙丁戊己庚辛壬癸\n", 12, buf, sizeof buf), "  甲乙丙丁戊\n    己庚辛\n    壬癸\n") == 0,
          "lang-5.4 Chinese breaks between two characters, never leaving one alone on the last line: '%s'", buf);
    check(strcmp(filled("  甲乙丙丁戊，己庚\n", 12, buf, sizeof buf), "  甲乙丙丁\n    戊，己庚\n") == 0,
          "lang-5.5 ... never before a full-width comma: '%s'", buf);
    check(strcmp(filled("  short, fits\n", 100, buf, sizeof buf), "  short, fits\n") == 0,
          "lang-5.6 a line that fits is printed as it is: '%s'", buf);
    check(strcmp(wrapped("甲乙丙丁戊己\n", 10, buf, sizeof buf), "甲乙丙丁\n  戊己\n") == 0,
          "lang-5.7 a last line of one Chinese character takes one more from the line above: '%s'", buf);
    check(strcmp(wrapped("平均 12345天以上\n", 10, buf, sizeof buf), "平均\n  12345天\n  以上\n") == 0,
          "lang-5.8 a number keeps the Chinese unit after it: '%s'", buf);
    check(strcmp(wrapped("  as, e.g. 1.3, 1.2, 1, 0.9, 0.8\n", 26, buf, sizeof buf),
                 "  as, e.g. 1.3, 1.2, 1,\n    0.9, 0.8\n") == 0,
          "lang-5.9 a comma between two numbers is a list's, not a clause's end: '%s'", buf);
    check(strcmp(wrapped("  aaaa bbbb  cccc dddd\n", 13, buf, sizeof buf), "  aaaa bbbb\n    cccc dddd\n") == 0,
          "lang-5.10 a break in a run of blanks leaves none at the line's end: '%s'", buf);
    check(strcmp(wrapped("  at most 1 a day then\n", 14, buf, sizeof buf), "  at most 1\n    a day then\n") == 0,
          "lang-5.12 no line ends in the article 'a': '%s'", buf);
    check(strcmp(wrapped("  照收超出库容的每件每天\n", 12, buf, sizeof buf),
                 "  照收超出\n    库容的\n    每件每天\n") == 0,
          "lang-5.13 a term of the glossary (库容) is not parted: '%s'", buf);
    check(strcmp(wrapped("电子商务中的物流客户服务\n", 10, buf, sizeof buf), "电子商务中\n  的物流\n  客户服务\n") == 0,
          "lang-5.14 ... unless it is longer than the room, and then never leaving a line under a third full: '%s'",
          buf);
    check(strcmp(wrapped("  平均 2556 个订单\n", 12, buf, sizeof buf), "  平均\n    2556 个\n    订单\n") == 0,
          "lang-5.15 a number keeps the Chinese after it across a blank, its measure word: '%s'", buf);
    check(strcmp(wrapped("abcdefghij过去\n", 8, buf, sizeof buf), "abcdefghij\n  过去\n") == 0,
          "lang-5.16 a line with no break within its width breaks at the first place after it, between Chinese "
          "characters too: '%s'",
          buf);
    check(strcmp(wrapped("  missing; --param replaces the file's range, so give --from, --to and --steps too\n", 66,
                         buf, sizeof buf),
                 "  missing; --param replaces the file's range,\n    so give --from, --to and --steps too\n") == 0,
          "lang-5.17 a list of short items is one phrase: its commas end no clause ('give --from,' / '--to and "
          "--steps' no more): '%s'",
          buf);
    check(strcmp(wrapped("  give from, to and steps\n", 14, buf, sizeof buf),
                 "  give\n    from, to\n    and steps\n") == 0,
          "lang-5.18 ... and keeps its blanks, but gives way when it is longer than the room: '%s'", buf);
    check(strcmp(wrapped("  from here, on and on: more\n", 20, buf, sizeof buf),
                 "  from here,\n    on and on: more\n") == 0,
          "lang-5.19 ... an idiom's 'on and on' is no list: '%s'", buf);
    check(strcmp(wrapped("  （--from 0.1 与 --to 16.1234 之间 5 个点中的第 4 个）\n", 20, buf, sizeof buf),
                 "  （--from 0.1 与\n    --to 16.1234\n    之间 5 个点中的\n    第 4 个）\n") == 0,
          "lang-5.20 a word of two characters (之间) is not parted: a blank after a number takes the break: '%s'", buf);
    check(strcmp(wrapped("  （--from 0.1 与 --to 16.1234 之间 5 个点中的第 4 个）\n", 24, buf, sizeof buf),
                 "  （--from 0.1 与 --to\n    16.1234 之间 5 个点\n    中的第 4 个）\n") == 0,
          "lang-5.21 ... nor a number and its measure word (5 个): a blank inside the parentheses does: '%s'", buf);
    check(strcmp(wrapped("甲乙丙丁之间戊己庚辛\n", 10, buf, sizeof buf), "甲乙丙丁\n  之间戊\n  己庚辛\n") == 0 &&
              strcmp(wrapped("甲乙丙丁以上戊己庚辛\n", 10, buf, sizeof buf), "甲乙丙丁\n  以上戊\n  己庚辛\n") == 0,
          "lang-5.22 ... in Chinese text with no blank either (之间, 以上): '%s'", buf);
    check(strcmp(wrapped("  full-width '；' (U+FF1B) between\n", 28, buf, sizeof buf),
                 "  full-width '；' (U+FF1B)\n    between\n") == 0,
          "lang-5.23 a full-width semicolon in quotes is the character a message names, not a clause's end: '%s'", buf);
    FILE *f = fmemopen(buf, sizeof buf, "w");
    if (!f) abort();
    lang_print_hanging(f, "k = ", "one\ntwo", "    ", 30);
    lang_print_hanging(f, "  key  ", "甲乙丙丁戊己庚辛壬癸子丑", "       ", 20);
    fclose(f);
    check(strcmp(buf, "k = one\n    two\n  key  甲乙丙丁戊己\n       庚辛壬癸子丑\n") == 0,
          "lang-5.11 lang_print_hanging: a second line of text after cont; Chinese in the column: '%s'", buf);
    /* a distribution's signature is never parted, even where a long head leaves room for
       its first half only (reader/scenario.c then puts the head alone on its line) */
    f = fmemopen(buf, sizeof buf, "w");
    if (!f) abort();
    lang_print_hanging(f, "PATH:8: [s] key: ", "uniform(min, max): '-5%' is not a number", "  ", 30);
    fclose(f);
    check(strcmp(buf, "PATH:8: [s] key: uniform(min, max):\n  '-5%' is not a number\n") == 0,
          "lang-5.24 a signature beside a long head stays whole (uniform(min, / max)): '%s'", buf);
    check(strcmp(wrapped("  a b c d e f g h i j triangular(min, mode, max) k\n", 40, buf, sizeof buf),
                 "  a b c d e f g h i j\n    triangular(min, mode, max) k\n") == 0,
          "lang-5.24b ... and a line breaks before it rather than inside it: '%s'", buf);
    check(strcmp(wrapped("  a discrete(0.1:1, 0.2:1, 0.3:1, 0.4:1, 0.5:1, 0.6:1)\n", 30, buf, sizeof buf),
                 "  a discrete(0.1:1, 0.2:1,\n    0.3:1, 0.4:1, 0.5:1,\n    0.6:1)\n") == 0,
          "lang-5.24c ... but a long table (over 40 bytes) breaks inside as before: '%s'", buf);
    f = fmemopen(buf, sizeof buf, "w");
    if (!f) abort();
    lang_print_hanging(f, "PATH:8: [s] key: ", "max(uniform(1, 2), 3): '-5%' is not a number", "  ", 30);
    fclose(f);
    check(strcmp(buf, "PATH:8: [s] key: max(uniform(1, 2), 3):\n  '-5%' is not a number\n") == 0,
          "lang-5.24d ... a call with a call in it too (max(uniform(1, / 2), 3)): '%s'", buf);
    check(strcmp(wrapped("  a b c d e f g all(uniform(1, 2), 0.5:1, 0.6:1, 0.7:1, 0.8:1)\n", 30, buf, sizeof buf),
                 "  a b c d e f g\n    all(uniform(1, 2), 0.5:1,\n    0.6:1, 0.7:1, 0.8:1)\n") == 0,
          "lang-5.24e ... and a short call in a long one still does: '%s'", buf);
}

/* lang/zh_terms.h: the table is sorted by bytes (zh_term_at searches it), each term is two
 * characters or more, and the longest term a text begins with is found. That the table
 * is the glossary's is checked by tests/test_docs.sh. */
static void terms(void)
{
    bool sorted = zh_term_count > 100, long_enough = true;
    for (size_t i = 0; i < zh_term_count; i++) {
        if (i && strcmp(zh_terms[i - 1], zh_terms[i]) >= 0) sorted = false;
        if (lang_width(zh_terms[i]) < 4) long_enough = false;
    }
    check(sorted && long_enough, "lang-6.1 %zu terms, sorted, each two characters or more", zh_term_count);
    const char *text = "订单周期一致性";
    check(zh_term_at(text, strlen(text)) == strlen("订单周期"), "lang-6.2 订单周期 begins 订单周期一致性 (%zu bytes)",
          zh_term_at(text, strlen(text)));
    check(zh_term_at("订单满足率高", strlen("订单满足率高")) == strlen("订单满足率"),
          "lang-6.3 the longest term is found: 订单满足率, not 订单");
    check(zh_term_at("库容", 3) == 0 && zh_term_at("ab", 2) == 0, "lang-6.4 a term cut short, or ASCII, is none");
}

/* The two lines lang_head_break parts head into for a column `width` wide, "upper|lower",
 * or head itself when it stays on one line (into buf). */
static const char *parted(const char *head, int width, char *buf, size_t n)
{
    size_t lower = 99, upper = lang_head_break(head, width, &lower);
    if (!upper)
        snprintf(buf, n, "%s%s", head, lower ? " (lower not 0)" : "");
    else
        snprintf(buf, n, "%.*s|%s", (int)upper, head, head + lower);
    return buf;
}

/* lang_head_break: a table's column head on two lines, at the break that leaves the
 * wider line narrowest among the best kind there is, by display columns. */
static void heads(void)
{
    static const struct {
        const char *head;
        int width;
        const char *want, *what;
    } cases[] = {
        {"fill rate", 8, "fill|rate", "lang-7.1 a head wider than its column parts at a blank"},
        {"perfect order rate", 8, "perfect|order rate", "lang-7.2 ... the one that leaves the wider line narrowest"},
        {"fill rate", 9, "fill rate", "lang-7.3 a head that fits stays whole"},
        {"target_cycle_service_level", 12, "target_cycle_|service_level",
         "lang-7.4 a name without blanks parts after an underscore, kept on the upper line"},
        {"reorder_point \\ order_quantity", 20, "reorder_point \\|order_quantity",
         "lang-7.5 a blank before a closing mark or separator is no break: after the backslash, not before"},
        {"target_cycle_service_level \\ order_quantity", 20, "target_cycle_service_level \\|order_quantity",
         "lang-7.6 ... and a blank is a better break than an underscore, however much narrower that would be"},
        {"准时足量交付率（OTIF）", 12, "准时足量交付率|（OTIF）",
         "lang-7.7 Chinese parts by columns (two a character), before an opening mark, not after it"},
        {"缺货时转向别处购买的比例", 12, "缺货时转向|别处购买的比例",
         "lang-7.8 ... between two words, the characters taken two at a time (not 缺货时转向别 above 处购买的比例)"},
        {"全部订单的准时率", 8, "全部订单的|准时率",
         "lang-7.9 ... 的 ends the word before it: no line begins with it (not 全部订单 above 的准时率)"},
        {"享受数量折扣的订单比例", 8, "享受数量折扣的|订单比例",
         "lang-7.10 ... the glossary's terms are words (数量折扣, 订单比例), whole on their lines"},
        {"订单行满足率", 8, "订单行|满足率", "lang-7.11 a term that must part parts where a shorter term begins"},
        {"满足率", 4, "满足|率", "lang-7.12 ... else two characters from its start (满足 kept, not 满 above 足率)"},
        {"之间的差", 4, "之间的|差", "lang-7.13 ... and two characters of a word are kept together: 之间"},
        {"缺货时间占比", 8, "缺货|时间占比", "lang-7.14 时间 is one word, not 时 alone (缺货时 above 间占比)"},
        {"满足率", 6, "满足率", "lang-7.15 a Chinese head that fits stays whole"},
        {"abcdef", 3, "abcdef", "lang-7.16 a head with nowhere to part stays whole"},
        {"平均 12345天", 4, "平均|12345天", "lang-7.17 a number keeps the Chinese unit after it"},
        {"against the best (paired)", 21, "against the best|(paired)",
         "lang-7.19 a parenthesis that ends the head takes the lower line, though another blank leaves it narrower"},
        {"与最优之差（配对）", 8, "与最优之差|（配对）", "lang-7.20 ... in Chinese too, before its opening mark"},
        {"on time (all orders)", 8, "on time|(all orders)", "lang-7.21 ... where neither line fits"},
        {"cost (a) per day", 8, "cost (a)|per day", "lang-7.22 a parenthesis inside the head is no better a place"},
    };
    char buf[200];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(strcmp(parted(cases[i].head, cases[i].width, buf, sizeof buf), cases[i].want) == 0, "%s: '%s'",
              cases[i].what, buf);
    size_t lower, upper = lang_head_break("准时足量交付率（OTIF）", 12, &lower);
    check(lang_head_columns("准时足量交付率（OTIF）", upper, lower) == 14 &&
              lang_head_columns("fill rate", 0, 0) == 9 &&
              lang_head_columns("target_cycle_service_level", 13, 13) == 13,
          "lang-7.18 a parted head takes its wider line's columns (准时足量交付率: 14), a whole one its own (got %d)",
          lang_head_columns("准时足量交付率（OTIF）", upper, lower));
}

int main(int argc, char **argv)
{
    (void)argc;
    char build[512];
    check_build_dir(argv[0], build, sizeof build);
    widths();
    choice(build);
    cuts();
    blanks();
    wraps();
    fills();
    terms();
    heads();
    return check_done("test_lang");
}
