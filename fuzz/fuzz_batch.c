/* fuzz_batch.c - libFuzzer harness for the batch table's reader (reader/batch_table.h).
 *
 * An input is the text of a table, as a planner's export might hold it. Whatever the
 * bytes, reading must return 0 or 2 without a crash, a leak or undefined behaviour, and
 * a table refused (2) must say why in at least one message naming the table. A table
 * read (0) must be what cli/batch.c relies on: at least one key column and one row;
 * every column a known key named SECTION.KEY, not twice; its places in the table rising,
 * one per field; every row with a value for every column, none empty; every id
 * non-empty, shorter than BATCH_ID_LEN and unique.
 */
#include "reader/batch_table.h"
#include "reader/csv.h"
#include "reader/keys.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A failed invariant: say which and stop, so libFuzzer records the input. */
static void require(int ok, const char *what)
{
    if (ok) return;
    fprintf(stderr, "fuzz_batch: invariant broken: %s\n", what);
    abort();
}

/* Is name SECTION.KEY of a known key? */
static int known_key(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot) return 0;
    char section[120];
    snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
    return key_section_known(section) && key_find(section, dot + 1) >= 0;
}

static void check_table(const struct batch_table *t)
{
    require(t->ncols >= 1 && t->n >= 1, "a table read has a key column and a row");
    for (size_t k = 0; k < t->ncols; k++) {
        require(known_key(t->cols[k]), "every column is a known SECTION.KEY");
        require(t->table_col[k] >= 1 && (k == 0 || t->table_col[k] > t->table_col[k - 1]),
                "the columns' places in the table rise from 1");
        for (size_t j = 0; j < k; j++) require(strcmp(t->cols[j], t->cols[k]) != 0, "no column twice");
    }
    /* notes ('#...') and empty columns after the last name take places too */
    require(t->table_col[t->ncols - 1] <= CSV_FIELDS_MAX, "the key columns' places are fields of a record");
    for (size_t i = 0; i < t->n; i++) {
        const struct batch_table_row *row = &t->rows[i];
        require(row->line >= 2 && (i == 0 || row->line > t->rows[i - 1].line), "rows are below the header, in order");
        size_t len = strnlen(row->id, BATCH_ID_LEN);
        require(len >= 1 && len < BATCH_ID_LEN, "every id is non-empty and short");
        for (size_t k = 0; k < t->ncols; k++)
            require(row->values[k] != NULL && row->values[k][0] != '\0', "every cell holds a value");
        for (size_t j = 0; t->has_id && j < i; j++) require(strcmp(t->rows[j].id, row->id) != 0, "ids are unique");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *msgs = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&msgs, &len);
    require(err != NULL, "open_memstream");
    struct batch_table t;
    int rc = batch_table_read_text(&t, "fuzz.csv", (const char *)data, size, err);
    fclose(err);
    require(rc == 0 || rc == 2, "batch_table_read_text returns 0 or 2");
    if (rc == 0)
        check_table(&t);
    else
        require(len > 0 && strncmp(msgs, "fuzz.csv", 8) == 0, "a refused table says why, naming the table");
    batch_table_fini(&t);
    free(msgs);
    return 0;
}
