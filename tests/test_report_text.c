/* test_report_text.c - cli/report.h's text of a share: report_percent never shows a
 * share below 1 as 100.00 %, nor one above 0 as 0.00 %, and otherwise writes what
 * "%.*f" writes; sim/num.h's num_fixed, the tables' fixed decimals, never "-0.00",
 * and num_count, a large count in words in English and in Chinese; and cli/sweep.h's
 * sweep_lever_text, a lever's value in a sweep's table, notes and page, never "1e+06";
 * and sim/num.h's num_percent_share, the one reading of a percentage. */
#include "check.h"
#include "cli/report.h"
#include "cli/sweep.h"
#include "lang/lang.h"
#include "sim/num.h"

#include <math.h>

/* Does report_percent(share, decimals) write `want`? */
static void percent_is(double share, int decimals, const char *want, const char *why)
{
    char buf[40];
    report_percent(share, decimals, buf, sizeof buf);
    check(strcmp(buf, want) == 0, "text-1 %s: %.9g with %d decimals reads \"%s\" (got \"%s\")", why, share, decimals,
          want, buf);
}

/* Does num_fixed(x, decimals) write `want`? */
static void fixed_is(double x, int decimals, const char *want, const char *why)
{
    char buf[40];
    num_fixed(x, decimals, buf, sizeof buf);
    check(strcmp(buf, want) == 0, "text-2 %s: %.9g with %d decimals reads \"%s\" (got \"%s\")", why, x, decimals, want,
          buf);
}

/* Does num_about(x, 3) write `want`? */
static void about_is(double x, const char *want, const char *why)
{
    char buf[40];
    num_about(x, 3, buf, sizeof buf);
    check(strcmp(buf, want) == 0, "text-3 %s: %.9g to 3 digits reads \"%s\" (got \"%s\")", why, x, want, buf);
}

/* Does sweep_lever_text(x, digits) write `want`? */
static void lever_is(double x, int digits, const char *want, const char *why)
{
    char buf[40];
    sweep_lever_text(x, digits, buf);
    check(strcmp(buf, want) == 0, "text-6 %s: %.17g with %d digits reads \"%s\" (got \"%s\")", why, x, digits, want,
          buf);
}

/* Does report_cell(text, width) print `want`? */
static void cell_is(const char *text, int width, const char *want, const char *why)
{
    char buf[200] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    report_cell(f, text, width, false);
    fclose(f);
    check(strcmp(buf, want) == 0, "text-5 %s: '%s' in %d columns prints '%s' (got '%s')", why, text, width, want, buf);
}

/* Does num_percent_share(text) write `want` (NULL: refuse it, out untouched)? */
static void share_is(const char *text, const char *want, const char *why)
{
    char buf[NUM_PERCENT_SHARE_MAX] = "untouched";
    bool read = num_percent_share(text, buf, sizeof buf);
    check(want ? read && strcmp(buf, want) == 0 : !read && strcmp(buf, "untouched") == 0,
          "text-7 %s: '%s' reads \"%s\" (got %s \"%s\")", why, text, want ? want : "(refused)", read ? "" : "refused,",
          buf);
}

/* Does num_count(x, digits) write `want` in the language chosen? */
static void count_is(double x, int digits, const char *want, const char *why)
{
    char buf[40];
    num_count(x, digits, buf, sizeof buf);
    check(strcmp(buf, want) == 0, "text-4 %s (%s): %.9g to %d digits reads \"%s\" (got \"%s\")", why, lang_code(), x,
          digits, want, buf);
}

int main(int argc, char **argv)
{
    (void)argc;
    check_use_build_catalogue(argv[0]);
    share_is("97.5%", "0.975", "a percentage: its digits moved two places");
    share_is("5%", "0.05", "one digit");
    share_is("100%", "1.00", "three digits");
    share_is("99.9 %", "0.999", "a blank before the sign");
    share_is("+98%", "0.98", "a plus sign");
    share_is("-5%", "-0.05", "a minus sign, for the caller to refuse");
    share_is("9.75e1%", "9.75e-1", "an exponent, two less");
    share_is("1.5E+1\t%", "1.5e-1", "an exponent with its sign, a tab before the sign");
    share_is("98", NULL, "no percent sign");
    share_is(".5%", NULL, "no digit before the point");
    share_is("5.%", NULL, "no digit after it");
    share_is("0x10%", NULL, "hexadecimal");
    share_is("98%%", NULL, "two signs");
    share_is(" 98%", NULL, "a blank before it (value_percent_share trims)");
    share_is("1e400%", NULL, "past what a double holds");
    share_is("1e-400%", NULL, "below it");
    char longest[NUM_PERCENT_TEXT_MAX + 1];
    memset(longest, '9', NUM_PERCENT_TEXT_MAX - 1);
    longest[NUM_PERCENT_TEXT_MAX - 1] = '%', longest[NUM_PERCENT_TEXT_MAX] = '\0';
    share_is(longest, NULL, "NUM_PERCENT_TEXT_MAX bytes");
    longest[NUM_PERCENT_TEXT_MAX - 2] = '%', longest[NUM_PERCENT_TEXT_MAX - 1] = '\0';
    char want[NUM_PERCENT_SHARE_MAX];
    snprintf(want, sizeof want, "%.*s.99", NUM_PERCENT_TEXT_MAX - 4, longest);
    share_is(longest, want, "one byte fewer");
    about_is(3944.2, "3940", "thousands: no exponent (%.3g wrote 3.94e+03)");
    about_is(8123.4, "8120", "Little's law's count");
    about_is(203.4, "203", "three whole digits");
    about_is(38.33, "38.3", "one decimal");
    about_is(0.012345, "0.0123", "a small share");
    about_is(-0.0004, "-0.0004", "a small negative value keeps its sign and digits");
    about_is(0, "0", "zero");
    about_is(999.96, "1000", "rounding up to the next power of ten");
    about_is(1.58e9, "1580000000", "a billion, in full");
    about_is(1e-30, "1e-30", "below a billionth: %g, not 32 decimals or 0");
    fixed_is(-0.004, 2, "0.00", "a small negative value that rounds to zero has no sign");
    fixed_is(-0.0, 1, "0.0", "-0");
    fixed_is(-0.4, 0, "0", "no decimals");
    fixed_is(-0.006, 2, "-0.01", "a negative value that does not round to zero keeps its sign");
    fixed_is(-1.5, 1, "-1.5", "a negative value");
    fixed_is(-10, 0, "-10", "a negative whole number");
    fixed_is(2907.664, 2, "2907.66", "a positive value, as %.2f");
    percent_is(0.99996, 2, ">99.99", "a share below 1 that rounds to 100.00");
    percent_is(1, 2, "100.00", "1 itself");
    percent_is(0.99994, 2, "99.99", "a share that rounds down stays as it is");
    percent_is(0.99995, 2, ">99.99", "the halfway share below 1");
    percent_is(0.00004, 2, "<0.01", "a share above 0 that rounds to 0.00");
    percent_is(0, 2, "0.00", "0 itself");
    percent_is(-0.0, 2, "0.00", "-0 (no minus sign)");
    percent_is(0.5, 2, "50.00", "a share in the middle");
    percent_is(0.9999996, 3, ">99.999", "three decimals, below 1");
    percent_is(0.99998, 3, "99.998", "three decimals, shown as it is");
    percent_is(0.0000004, 3, "<0.001", "three decimals, above 0");
    percent_is(NAN, 2, "n/a", "nothing to show");
    percent_is(-0.00001, 2, "0.00", "a small negative difference that rounds to 0 has no sign");
    cell_is("s1.ini", 10, "s1.ini    ", "a short name is padded");
    cell_is("a_very_long_student_filename_version2.ini", 20, "a_very_long_stude...",
            "a long name is cut with '...', not read as another name");
    cell_is("一个很长的文件名.ini", 12, "一个很长... ", "Chinese: whole characters, two columns each, then '...'");
    cell_is("abcdefgh", 8, "abcdefgh", "a name that fits exactly is not cut");
    cell_is("abcdef", 4, "abcd", "a field under 8 columns is cut without the mark");
    count_is(3.6e11, 2, "360 billion", "billions (%.2g wrote 3.6e+11)");
    count_is(2e10, 2, "20 billion", "the long-run warning's count");
    count_is(9e6, 4, "9 million", "a horizon in days");
    count_is(999999, 2, "1 million", "rounded before the word is chosen: not '1000 thousand'");
    count_is(1.25e13, 3, "12.5 trillion", "trillions");
    count_is(90030, 4, "90030", "below a million: plain");
    count_is(40, 4, "40", "a small count");
    count_is(1e17, 2, "1e+17", "past the largest word: %g");
    lever_is(1e6, 6, "1000000", "a million, whole: not 1e+06");
    lever_is(4e6 / 3, 6, "1333333", "a million and more with a fraction: every whole digit, not 1.33333e+06");
    lever_is(12345.678, 4, "12346", "four digits of a number with five whole ones: no exponent");
    lever_is(0.00001, 6, "0.00001", "a small value: not 1e-05");
    lever_is(-2.5e-7, 6, "-0.00000025", "a small negative value keeps its sign and digits");
    lever_is(0.1, 6, "0.1", "a decimal step, as %g writes it");
    lever_is(0.30000000000000004, 6, "0.3", "0.1 + 0.2, as %g writes it");
    lever_is(3, 6, "3", "a whole number");
    lever_is(-0.0, 6, "0", "-0");
    lever_is(300 + 600.0 / 33, 6, "318.182", "a step of an uneven range, six digits");
    lever_is(300 + 600.0 / 33, 4, "318.2", "the same, four digits (a chart's title)");
    lever_is(0.9490909090909091, 7, "0.9490909", "more digits when the lever needs them");
    lever_is(2e15, 6, "2e+15", "past what plain decimals write: %g");
    if (lang_init("zh", NULL) == 0) {
        count_is(3.6e11, 2, "3600 亿", "亿 counts hundred millions");
        count_is(9e6, 4, "900 万", "万 counts ten thousands");
        count_is(90030, 4, "9.003 万", "万 with decimals");
        count_is(99995, 4, "10 万", "rounded before the word");
        count_is(1.25e13, 3, "12.5 万亿", "万亿");
        count_is(9999, 4, "9999 ", "below 万: plain, with the space before its measure word");
    } else
        check(0, "text-4b Chinese is chosen by lang_init");
    return check_done("test_report_text");
}
