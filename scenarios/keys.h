/* keys.h - the one typed table of scenario keys (section, name, type, unit, default,
 * bounds, meaning, where the value goes). The reader, `servlab keys`, `servlab check`
 * and the did-you-mean suggestions all read it; nothing else lists keys.
 */
#ifndef SCENARIOS_KEYS_H
#define SCENARIOS_KEYS_H

#include <stddef.h>
#include <stdio.h>

enum key_type {
    KEY_NUMBER, /* a double */
    KEY_COUNT,  /* a whole number stored as unsigned */
    KEY_SEED,   /* a whole number stored as uint64_t */
    KEY_DIST,   /* a struct dist */
    KEY_CHOICE, /* one word from a list, stored as its int index */
    KEY_TEXT,   /* a word, stored as char[KEY_TEXT_MAX], checked by key_def.check_text */
    KEY_LIST,   /* numbers separated by commas, stored as struct number_list */
};

enum { KEY_TEXT_MAX = 100 };

enum key_flags {
    KEY_MIN_EXCLUSIVE = 1 << 0, /* value must be > min, not >= */
    KEY_MEAN_POSITIVE = 1 << 1, /* distributions: the mean must be > 0 */
    KEY_MAX_EXCLUSIVE = 1 << 2, /* value must be < max, not <= */
};

struct key_def {
    const char *section, *name;
    enum key_type type;
    const char *unit;     /* "days", "units", "money/unit/day", ... ("" for none) */
    const char *fallback; /* default as text; NULL: none (optional or conditional) */
    double min, max;      /* bounds on the value, or on a distribution's lowest draw */
    unsigned flags;
    const char *meaning; /* one line */
    size_t offset;       /* where the value lives in struct scenario */
    size_t given_offset; /* optional keys: a bool in struct scenario set when given; 0: none */
    const char *(*choice)(size_t i); /* KEY_CHOICE: the i-th allowed word, NULL past the end */
    /* KEY_TEXT: 0 if text is acceptable, else -1 with the problem in err */
    int (*check_text)(const char *text, char *err, size_t errlen);
};

extern const struct key_def key_defs[];
extern const size_t key_count;

/* Index of [section] name, or -1. */
int key_find(const char *section, const char *name);

/* True if `section` is a known section name. */
int key_section_known(const char *section);

/* The known section names, NULL-terminated. */
extern const char *const key_sections[];

/* Print the key reference: every key of `section` (NULL: all) with type, unit, default,
 * range and meaning. Returns 0, or -1 if the section is unknown. */
int keys_print(FILE *out, const char *section);

/* Describe a key's allowed values, e.g. ">= 0", "1 to 100000", "none | sQ | sS". */
void key_range_text(const struct key_def *k, char *buf, size_t n);

/* Can `name` ("section.key") be swept? It must name a number key (not the seed).
 * Returns its index, or -1 with the problem (and a suggestion) in err. */
int key_sweepable(const char *name, char *err, size_t errlen);

#endif
