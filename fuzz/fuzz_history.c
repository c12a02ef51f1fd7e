/* fuzz_history.c - libFuzzer harness for the demand-history reader (reader/history.h).
 *
 * An input is two bytes of options, then the text of a CSV file. The options byte 0
 * chooses the separator (bits 0-1), the decimal mark (bits 2-3, modulo 3) and the
 * thousands separator (bits 4-5); byte 1 the date format (bits 0-1, modulo 3), the
 * period (bits 2-3, modulo 3), the kind (bit 4) and the columns (bits 5-7: the default
 * two, numbers, header names, and each with an item column and item "A" or "B-200").
 * Whatever the bytes, history_read must return a history or NULL with a message,
 * without a crash, a leak or undefined behaviour. A history it returns must be sane:
 * at least one day and at most HISTORY_MAX_DAYS, day k's orders first[k] .. first[k+1]
 * - 1 in order, every order's units finite and > 0 and its time of day in [0, 1), the
 * total the sum of the units (to rounding) and finite daily statistics.
 */
#include "reader/history.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int ok, const char *what)
{
    if (ok) return;
    fprintf(stderr, "fuzz_history: invariant broken: %s\n", what);
    abort();
}

/* The columns of bits 5-7 of byte 1: date, quantity, item column, item. */
static const char *const columns[8][4] = {
    {"", "", "", ""},          {"1", "2", "", ""},
    {"date", "units", "", ""}, {"Datum", "Menge", "", ""},
    {"2", "3", "1", "A"},      {"date", "units", "sku", "A"},
    {"2", "3", "1", "B-200"},  {"Datum", "Menge", "Artikel", "B-200"},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    struct history_options o = {
        .separator = (enum history_separator)(data[0] & 3),
        .decimal = (enum history_decimal)(((data[0] >> 2) & 3) % 3),
        .thousands = (enum history_thousands)((data[0] >> 4) & 3),
        .date_format = (enum history_date_format)((data[1] & 3) % 3),
        .period = (enum history_period)(((data[1] >> 2) & 3) % 3),
        .kind = (data[1] >> 4) & 1 ? HISTORY_ORDERS : HISTORY_DAILY,
    };
    const char *const *c = columns[data[1] >> 5];
    snprintf(o.date_column, sizeof o.date_column, "%s", c[0]);
    snprintf(o.quantity_column, sizeof o.quantity_column, "%s", c[1]);
    snprintf(o.item_column, sizeof o.item_column, "%s", c[2]);
    snprintf(o.item, sizeof o.item, "%s", c[3]);
    char err[800] = "";
    struct history_info *hi = history_read("fuzz.csv", (const char *)data + 2, size - 2, &o, err, sizeof err);
    if (!hi) {
        require(err[0] != '\0', "a history refused says why");
        require(memchr(err, '\0', sizeof err) != NULL, "the message is terminated");
        return 0;
    }
    const struct demand_history *h = &hi->h;
    require(h->ndays >= 1 && h->ndays <= HISTORY_MAX_DAYS + 31, "1 to HISTORY_MAX_DAYS days");
    require(h->norders >= 1 && h->first[0] == 0 && h->first[h->ndays] == h->norders, "first[] spans the orders");
    double sum = 0;
    for (size_t k = 0; k < h->ndays; k++) {
        require(h->first[k] <= h->first[k + 1], "first[] never decreases");
        for (size_t i = h->first[k]; i < h->first[k + 1]; i++) {
            require(isfinite(h->units[i]) && h->units[i] > 0, "units finite and > 0");
            require(h->at[i] >= 0 && h->at[i] < 1, "time of day in [0, 1)");
            require(i == h->first[k] || h->at[i] >= h->at[i - 1], "a day's orders in time order");
            sum += h->units[i];
        }
    }
    require(isfinite(h->total_units) && fabs(h->total_units - sum) <= 1e-9 * sum + 1e-9, "the total is the sum");
    require(isfinite(hi->mean_per_day) && isfinite(hi->sd_per_day) && hi->sd_per_day >= 0, "daily statistics finite");
    require(hi->rows >= 1 && hi->days_with_demand >= 1 && hi->days_with_demand <= h->ndays, "counts consistent");
    history_free(hi);
    return 0;
}
