/* num.c - shortest round-trip formatting, and the reading of a percentage. servlab never
 * calls setlocale, so printf and strtod use the C locale and a dot as the decimal mark. */
#include "num.h"
#include "lang/lang.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *num_format(double x, char *buf, size_t n)
{
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, n, "%.*g", digits, x);
        if (strtod(buf, NULL) == x) break;
    }
    if (buf[0] == '-' && buf[1] == '0' && buf[2] == '\0') snprintf(buf, n, "0");
    return buf;
}

char *num_fixed(double x, int decimals, char *buf, size_t n)
{
    if (n == 0) return buf;
    snprintf(buf, n, "%.*f", decimals, x);
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1)) memmove(buf, buf + 1, strlen(buf));
    return buf;
}

char *num_about(double x, int digits, char *buf, size_t n)
{
    if (n == 0) return buf;
    if (x == 0) x = 0; /* -0 too */
    /* beyond 1e15 or below a billionth, plain decimals would run past any message */
    if (!isfinite(x) || x == 0 || fabs(x) >= 1e15 || fabs(x) < 1e-9 || digits < 1) {
        snprintf(buf, n, "%.*g", digits, x);
        return buf;
    }
    int e = (int)floor(log10(fabs(x))); /* x is d.ddd x 10^e */
    int decimals = digits - 1 - e > 0 ? digits - 1 - e : 0;
    double scale = pow(10, e - digits + 1), rounded = decimals > 0 ? x : round(x / scale) * scale;
    num_fixed(rounded, decimals, buf, n);
    if (decimals > 0) { /* "0.000400" is "0.0004", "1.50" is "1.5" */
        size_t len = strlen(buf);
        while (len > 0 && buf[len - 1] == '0') buf[--len] = '\0';
        if (len > 0 && buf[len - 1] == '.') buf[--len] = '\0';
    }
    return buf;
}

char *num_plain(double x, char *buf, size_t n)
{
    num_format(x, buf, n);
    if (!strpbrk(buf, "eE") || !isfinite(x) || fabs(x) >= 1e15 || fabs(x) < 1e-9) return buf;
    for (int digits = 1; digits <= 17; digits++)
        if (strtod(num_about(x, digits, buf, n), NULL) == x) return buf;
    return buf;
}

char *num_derived(double x, char *buf, size_t n)
{
    if (!isfinite(x) || x == 0) return num_format(x, buf, n);
    int whole = (int)floor(log10(fabs(x))) + 1;
    return num_about(x, whole > 4 ? whole : 4, buf, n);
}

/* The words for large counts, largest first: English counts in thousands (million,
 * billion, trillion), Chinese in ten-thousands (万, 亿, 万亿). */
struct count_word {
    double size;
    const char *word;
};
static const struct count_word count_words_en[] = {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}, {0, NULL}};
static const struct count_word count_words_zh[] = {{1e12, "万亿"}, {1e8, "亿"}, {1e4, "万"}, {0, NULL}};

char *num_count(double x, int digits, char *buf, size_t n)
{
    const struct count_word *w = lang_current() == LANG_ZH ? count_words_zh : count_words_en;
    /* rounded first, so that 999,999 at 2 digits is "1 million", not "1000 thousand" */
    double rounded = x;
    if (isfinite(x) && x != 0) {
        double scale = pow(10, floor(log10(fabs(x))) - digits + 1);
        rounded = round(x / scale) * scale;
    }
    for (; w->word; w++)
        if (fabs(rounded) >= w->size && fabs(rounded) < 1e4 * w[0].size) {
            char number[40];
            snprintf(buf, n, "%s %s", num_about(rounded / w->size, digits, number, sizeof number), w->word);
            return buf;
        }
    num_about(x, digits, buf, n);
    /* in Chinese the measure word follows with a space after digits, none after 万 */
    if (lang_current() == LANG_ZH && strlen(buf) + 1 < n) strcat(buf, " ");
    return buf;
}

bool num_percent_share(const char *s, char *out, size_t n)
{
    if (strlen(s) >= NUM_PERCENT_TEXT_MAX) return false;
    bool minus = *s == '-'; /* -5% is read; a share key refuses it as below 0, as -0.05 */
    const char *p = s + (*s == '+' || minus);
    size_t whole = strspn(p, "0123456789"), frac = 0;
    if (whole == 0) return false;
    if (p[whole] == '.' && (frac = strspn(p + whole + 1, "0123456789")) == 0) return false;
    const char *pct = p + whole + (frac ? frac + 1 : 0);
    const char *exponent = NULL; /* "1.5e1%", as strtod reads a number: the digits after e or E */
    if ((*pct == 'e' || *pct == 'E') && strspn(pct + 1 + (pct[1] == '+' || pct[1] == '-'), "0123456789") > 0) {
        exponent = pct + 1;
        pct = exponent + (*exponent == '+' || *exponent == '-');
        pct += strspn(pct, "0123456789");
    }
    pct += strspn(pct, " \t");
    if (strcmp(pct, "%") != 0) return false;
    char digits[NUM_PERCENT_TEXT_MAX], share[NUM_PERCENT_SHARE_MAX];
    snprintf(digits, sizeof digits, "%.*s%.*s", (int)whole, p, (int)frac, p + whole + 1);
    if (exponent) { /* 1.5e1% -> 1.5e-1: the exponent two less, the digits as written */
        errno = 0;
        long e = strtol(exponent, NULL, 10);
        if (errno == ERANGE || e < LONG_MIN + 2)
            return false; /* the reader's value_number says it is too large or small */
        snprintf(share, sizeof share, "%s%.*se%ld", minus ? "-" : "", (int)(exponent - 1 - p), p, e - 2);
        errno = 0;
        double x = strtod(share, NULL);
        if (errno == ERANGE || !isfinite(x)) return false;
    } else if (whole > 2) /* 100% -> 1.00 */
        snprintf(share, sizeof share, "%s%.*s.%s", minus ? "-" : "", (int)(whole - 2), digits, digits + whole - 2);
    else /* 97.5% -> 0.975, 5% -> 0.05 */
        snprintf(share, sizeof share, "%s0.%s%s", minus ? "-" : "", whole == 1 ? "0" : "", digits);
    if (strlen(share) >= n) return false;
    memcpy(out, share, strlen(share) + 1);
    return true;
}
