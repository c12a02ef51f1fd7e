/* num.c - shortest round-trip formatting. servlab never calls setlocale, so printf and
 * strtod use the C locale and a dot as the decimal mark. */
#include "num.h"

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
