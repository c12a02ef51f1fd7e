/* batch_table.h - the table of `servlab batch` (cli/batch.h): a header of an optional
 * "id" column and keys as SECTION.KEY, then one row per variant with a cell for every
 * column. Only the table's shape and names are checked here (known keys, every cell
 * present, ids unique and short); the cells' values are read later by the scenario
 * reader, as --set values. Knows nothing of scenarios or simulation.
 */
#ifndef READER_BATCH_TABLE_H
#define READER_BATCH_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { BATCH_ID_LEN = 64 };

struct batch_table_row {
    int line;              /* in the table */
    char id[BATCH_ID_LEN]; /* the id column, or the row's number */
    char **values;         /* one per input column (owned) */
    char **written;        /* one per input column: the cell as typed where values holds it
                              otherwise (97,5% read as 97.5%), for messages; else NULL (owned) */
};

struct batch_table {
    size_t ncols;      /* input columns (not the id) */
    char **cols;       /* their headers, SECTION.KEY (owned) */
    size_t *table_col; /* ncols: each input column's place in the table, 1-based (owned) */
    bool has_id;       /* the table has an id column */
    size_t n;          /* rows */
    struct batch_table_row *rows;
    char warning[600]; /* what the reading saw that the planner should know ("" if nothing): a
                          quoted cell over many lines, whose rows are read as its text
                          (reader/csv.h's csv_long_cell) */
};

/* Read the table held in text (len bytes, borrowed; need not end in NUL) into t, which
 * is overwritten. path names the table in messages ("TABLE:ROW:COL: problem", at most
 * ten) written to err. Returns 0, or 2 for a bad table. In both cases t is to be freed
 * with batch_table_fini, and t->warning is set if the reading saw one (for the caller to
 * say: it may explain a problem, or rows that seem missing). */
int batch_table_read_text(struct batch_table *t, const char *path, const char *text, size_t len, FILE *err);

/* The same for the file at path (reader/csv.h's csv_read_table refuses what is not text,
 * and reads a GB18030 (GBK) file, with a note on err). */
int batch_table_read(struct batch_table *t, const char *path, FILE *err);

/* Free what t holds and leave it zeroed. */
void batch_table_fini(struct batch_table *t);

#endif
