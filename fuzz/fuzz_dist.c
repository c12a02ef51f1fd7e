/* fuzz_dist.c - libFuzzer harness for the number and distribution parser
 * (reader/value.h) and the distributions it builds (sim/dist.h).
 *
 * An input is the text of one value. Whatever it is, parsing must return 0 or -1
 * with a message. A number that parses is finite. A distribution that parses has a
 * finite mean and variance, its lowest value is at most its mean, its canonical text
 * (dist_format, what `servlab check` prints) parses back to the same distribution,
 * and its draws are finite and never below its lowest value.
 */
#include "reader/value.h"
#include "sim/dist.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { TEXT_MAX = 2000, DRAWS = 64 };

static void require(int ok, const char *what, const char *text)
{
    if (ok) return;
    fprintf(stderr, "fuzz_dist: invariant broken for '%s': %s\n", text, what);
    abort();
}

static void check_draws(const struct dist *d, const char *text)
{
    static gsl_rng *r;
    if (!r) r = gsl_rng_alloc(gsl_rng_mt19937);
    require(r != NULL, "gsl_rng_alloc", text);
    gsl_rng_set(r, 12345);
    double lo = dist_lowest(d);
    for (int i = 0; i < DRAWS; i++) {
        double x = dist_sample(d, r);
        require(isfinite(x), "draws are finite", text);
        require(x >= lo - 1e-9 * fabs(lo), "draws are never below the lowest value", text);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > TEXT_MAX) return 0;
    char text[TEXT_MAX + 1];
    memcpy(text, data, size);
    text[size] = '\0';
    if (strlen(text) != size) return 0; /* a value never holds a NUL: the scanner refuses it */
    value_forget_tables();              /* the last input's are done with: memory stays bounded */

    char err[400] = "";
    double x;
    if (value_number(text, &x, err, sizeof err) == 0)
        require(isfinite(x), "a number is finite", text);
    else
        require(err[0] != '\0', "a refused number says why", text);

    struct dist d;
    /* as lines_per_order reads it (a range of whole numbers is answered with discrete()):
       the same distribution or the same refusal, with a message */
    err[0] = '\0';
    int rounded = value_dist_rounded(text, 1, 16, &d, err, sizeof err);
    require(rounded == 0 || err[0] != '\0', "a refused distribution of a rounded key says why", text);
    err[0] = '\0';
    if (value_dist(text, &d, err, sizeof err) != 0) {
        require(rounded != 0, "a key whose draws are rounded refuses what every key refuses", text);
        require(err[0] != '\0', "a refused distribution says why", text);
        return 0;
    }
    double mean = dist_mean(&d), var = dist_variance(&d), lo = dist_lowest(&d);
    require(isfinite(mean) && isfinite(var) && var >= 0, "mean and variance are finite", text);
    require(isfinite(lo) && lo <= mean + 1e-9 * fabs(mean), "the lowest value is finite and at most the mean", text);

    char canon[4096], again_text[4096];
    dist_format(&d, canon, sizeof canon);
    struct dist again;
    require(value_dist(canon, &again, err, sizeof err) == 0, "the canonical text parses back", text);
    dist_format(&again, again_text, sizeof again_text);
    require(strcmp(canon, again_text) == 0, "the canonical text is a fixed point", text);
    check_draws(&d, text);
    return 0;
}
