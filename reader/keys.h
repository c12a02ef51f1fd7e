/* keys.h - the one typed table of scenario keys (section, name, type, unit, default,
 * bounds, meaning, where the value goes, when it applies), made from the one list in
 * reader/keys.def. The reader, `servlab keys`, `servlab check`, the did-you-mean
 * suggestions and the fuzz dictionary all read it; nothing else lists keys.
 *
 * Some sections repeat with a name: [product.NAME], [tier.NAME], [channel.NAME],
 * [location.NAME], [region.NAME]. Their
 * keys form a family; a family key may inherit its default from a global key (a
 * product's reorder_point from [inventory] reorder_point), so a scenario states once
 * what most products share and only the differences per product.
 */
#ifndef READER_KEYS_H
#define READER_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum key_type {
    KEY_NUMBER, /* a double */
    KEY_COUNT,  /* a whole number stored as unsigned */
    KEY_SEED,   /* a whole number stored as uint64_t */
    KEY_DIST,   /* a struct dist */
    KEY_CHOICE, /* one word from a list, stored through choice_set */
    KEY_TEXT,   /* a word, stored as char[text_size], checked by check_text */
    KEY_LIST,   /* numbers separated by commas (or a:b pairs), stored as struct number_list */
};

enum key_flags {
    KEY_MIN_EXCLUSIVE = 1 << 0,   /* value must be > min, not >= */
    KEY_MEAN_POSITIVE = 1 << 1,   /* distributions: the mean must be > 0 */
    KEY_MAX_EXCLUSIVE = 1 << 2,   /* value must be < max, not <= */
    KEY_IN_ENTRY = 1 << 3,        /* family keys: stored in the reader's entry, not the model's config */
    KEY_PAIRS = 1 << 4,           /* lists: items are a:b pairs */
    KEY_DERIVED = 1 << 5,         /* no default: when not given, the reader works it out (shares, initial_on_hand) */
    KEY_OFF_AT_ZERO = 1 << 6,     /* counts: 0 asks for nothing (catalog_items): `servlab check` writes 0 as "not set",
                                     and giving the key where it is not used is no error */
    KEY_DRAWS_AT_MOST = 1 << 7,   /* distributions: every draw must be <= max (else only the mean) */
    KEY_LIMIT = 1 << 8,           /* a capacity or largest size: left out it is no limit, and 0 (which would stop
                                     everything) is refused saying so */
    KEY_TAKES_PERCENT = 1 << 9,   /* text whose shares may end in '%' ([contract] targets): a full-width '％' is
                                     told to type '%', not to write a decimal */
    KEY_SERVICE_TARGET = 1 << 10, /* a service level aimed at (target_fill_rate): a percentage under 1
                                     ("0.98%") mixes the two ways of writing a share, and is refused */
    KEY_LEVER_BOUND = 1 << 11,    /* a lever's bound or value ([sweep] from, to, values): a percentage is read as
                                     a share, for the lever's key to take or refuse (key_bound_problem) */
    KEY_DRAWS_ROUNDED = 1 << 12,  /* distributions: the model rounds each draw to a whole number (lines_per_order,
                                     models/demand.c), so a range "1-3" is answered with discrete(), not uniform() */
};

/* When a key is used (keys.def: .applies). Where it is not, `servlab check` writes why
 * instead of its value ("not used: ..."), and giving it is an error (or a note, when a
 * choice made with --set left it unused). Family copies apply as their global key does. */
enum key_applies {
    APPLIES_ALWAYS,
    APPLIES_OWN_DEMAND,      /* orders drawn by servlab: no history ("the history gives the orders") */
    APPLIES_ARRIVALS,        /* orders arriving at a rate or with gaps: own demand and no [customers] base */
    APPLIES_PRODUCTS,        /* several products ([product.NAME] sections or catalog_items) */
    APPLIES_REORDER_POINT,   /* a policy that orders at a reorder point s (sQ, sS) */
    APPLIES_ORDER_QUANTITY,  /* a policy that orders multiples of Q (sQ) */
    APPLIES_ORDER_UP_TO,     /* a policy that orders up to S (sS, base_stock) */
    APPLIES_STOCK,           /* a policy that holds stock (not none) */
    APPLIES_PERIODIC_REVIEW, /* a policy that holds stock, reviewed periodically (review_days > 0) */
    APPLIES_REACT,           /* shortage = react, in [inventory] or a product */
    APPLIES_CUSTOMERS,       /* a [customers] base */
    APPLIES_HISTORY,         /* demand from a history */
    APPLIES_RETURNS,         /* customer returns: some [returns] share above 0 */
    APPLIES_CONTRACT,        /* [contract] targets */
    APPLIES_LOYALTY,         /* a [loyalty] ladder */
    APPLIES_COMPLAINTS,      /* a [complaints] section */
};

enum key_family {
    FAMILY_NONE,
    FAMILY_PRODUCT,
    FAMILY_TIER,
    FAMILY_CHANNEL,
    FAMILY_LOCATION,
    FAMILY_REGION,
    FAMILY_COUNT
};

/* The keys by id, in table order (reader/keys.def): key_defs[K_INVENTORY_REORDER_POINT]
 * is [inventory] reorder_point, key_defs[K_PRODUCT_REORDER_POINT] its [product.NAME]
 * copy. Code names a key by its id, never by a string. */
enum key_id {
#define KEY(id, ...) id,
#define FKEY(id, ...) id,
#define COPY(id, ...) id,
#define COPY_AS(id, ...) id,
#include "keys.def"
#undef KEY
#undef FKEY
#undef COPY
#undef COPY_AS
    KEY_IDS,           /* how many keys there are */
    KEY_NONE = KEY_IDS /* no key (an option that stands for none) */
};

struct key_def {
    const char *section; /* "inventory"; for a family its prefix: "product" */
    const char *name;
    enum key_type type;
    const char *unit;     /* "days", "units", "money/unit/day", ... ("" for none); English, _() to print */
    const char *fallback; /* default as text; NULL: none (optional, conditional or inherited) */
    double min, max;      /* bounds on the value, or on a distribution's lowest draw */
    unsigned flags;
    const char *meaning; /* one line, English: _(meaning) prints it translated */
    /* a service lever's name in the course's words (docs/glossary.md), as a chart's axis
       names it: "reorder point s"; English, C_("lever", term) prints it; NULL: the key's
       own name stands */
    const char *term;
    size_t offset;            /* where the value lives: struct scenario, or a family's config element
                                 (struct product_config ...), or its entry with KEY_IN_ENTRY */
    size_t given_offset;      /* optional keys: a bool beside the value set when given; 0: none */
    enum key_applies applies; /* when the key is used */
    /* a rate, a lift or a factor whose whole numbers from this one up most likely are
       percentages written without their '%' (churn_per_day = 1 for 1%, demand_lift = 50 for
       50%, loyal_churn_factor = 80 for 80%; a share of 1, damage_rate = 1, for 1%): the
       reader warns of such a value (keys.def: .whole_percent_from); 0: never */
    double whole_percent_from;
    /* the other key of an either-or pair (orders_per_day or interarrival_days: keys.def
       EITHER(id)), or NULL; of a pair one is given, and check writes the other as "not
       used: OTHER is given". Global keys only. */
    const struct key_def *either;
    enum key_family family;
    /* family keys: the global key whose copy this is (COPY in keys.def), or NULL; a copy
       has the global key's name, type, unit, bounds, flags and choices, and takes its
       value when a section does not give one */
    const struct key_def *inherit;
    /* KEY_CHOICE: the i-th allowed word (NULL past the end), and reading/writing the value */
    const char *(*choice)(size_t i);
    int (*choice_get)(const void *slot);
    void (*choice_set)(void *slot, int i);
    /* KEY_TEXT: 0 if text is acceptable, else -1 with the problem in err; and its room */
    int (*check_text)(const char *text, char *err, size_t errlen);
    size_t text_size;
};

enum { KEY_CHOICES_MAX = 16 }; /* words a choice key may have */

/* The table, indexed by enum key_id; key_count == KEY_IDS. */
extern const struct key_def *const key_defs;
extern const size_t key_count;

/* The global key a family key copies, or the key itself: key_root(K_PRODUCT_REORDER_POINT)
 * == K_INVENTORY_REORDER_POINT. */
enum key_id key_root(size_t k);

/* The copy of global key g in family f (key_copy(FAMILY_PRODUCT, K_INVENTORY_POLICY) ==
 * K_PRODUCT_POLICY), g itself for FAMILY_NONE, or -1 if f has no copy of it. */
int key_copy(enum key_family f, enum key_id g);

/* The family a section name belongs to ("product.tea" -> FAMILY_PRODUCT), with the
 * instance name after the dot in *name (NULL for FAMILY_NONE). */
enum key_family key_family_of(const char *section, const char **name);

/* The full name of key k as --set and a sweep write it: "run.replications" for a key of
 * a plain section, "product.NAME.reorder_point" for a family key. Code that needs a
 * key's name as text (an option that stands for a key, the replications and seed that
 * compare passes on) takes it from here, never from a string of its own. */
const char *key_full_name(enum key_id k);

/* The full name of the one key of a plain section called `name` ("safety_factor" ->
 * "inventory.safety_factor"), for a name written without its section; NULL when no key
 * or more than one has that name. */
const char *key_full_name_of_bare(const char *name);

/* The prefix of a family ("product"). */
const char *key_family_prefix(enum key_family f);

/* Index of `name` in `section` (a plain section or "product.NAME"), or -1. */
int key_find(const char *section, const char *name);

/* Does key d take a share written as a percentage, 98% for 0.98: a number key that is a
 * share (from 0 to at most 1), or a text of shares (KEY_TAKES_PERCENT, [contract] targets)? */
bool key_def_takes_percent(const struct key_def *d);

/* Is share, written as a percentage, one that key d refuses: a service target under 1%
 * ("0.98%" mixes the two ways of writing a share; KEY_SERVICE_TARGET)? The scenario reader
 * says why; a batch cell is left as typed for it. */
bool key_percent_too_small(const struct key_def *d, double share);
/* Why: "'0.98%' aims at 0.98%, under 1%; for 98% write 0.98 or 98%" into err (n bytes), the
 * value quoted as `written`. Under 0.01% the percentage it might have meant is under 1% too,
 * so the message says what a service target is instead. Returns err. */
const char *key_percent_too_small_problem(const char *written, double share, char *err, size_t n);

/* What key_bound_problem checks of a lever's number. */
enum key_bound {
    BOUND_STEP,     /* optimise's --step: a percentage only for a share */
    BOUND_VALUE,    /* also no service target under 1% ("0.98%") */
    BOUND_IN_RANGE, /* a sweep's from, to or value, optimise's --from and --to: also within a
                       share's range, said of the bound ("--to 99", where 0.99 or 99% was
                       meant) rather than at a point */
};

/* Why key d (named parameter, SECTION.KEY) refuses x as a lever's number (what: which
 * checks), written into err (n bytes); NULL when it takes it. percent: x was written as a
 * percentage ("90%", 0.9), which only a share takes, as the key itself does
 * (reader/scenario.c). Other keys' values out of range are the reader's to refuse at
 * each point. */
const char *key_bound_problem(const struct key_def *d, const char *parameter, double x, bool percent,
                              enum key_bound what, char *err, size_t n);

/* Does key `name` of `section` exist and take shares ending in '%' (key_def_takes_percent)? */
bool key_takes_percent(const char *section, const char *name);

/* Is key `name` of `section` a share, at most 1 (a '95%' typed there is 0.95)? Also true
 * for a key that is not known, whose message cannot say better. */
bool key_is_share(const char *section, const char *name);

/* Does key `name` of `section` take one number (a number, a count or a seed; not a
 * distribution or a list, whose commas separate numbers)? False for no such key. */
bool key_takes_number(const char *section, const char *name);

/* hit, a full-width character in value (len bytes), the value of key `name` of `section`:
 * where the key takes one number (key_takes_number) and the value typed in half-width
 * (fullwidth_fold) is a number written with a comma (value_comma_fixed: "0，8"), the
 * problem that says which number to write, "... in a number; write 0.8"
 * (fullwidth_number_problem), into buf (n bytes), and true; else false. */
struct fullwidth;
bool key_fullwidth_number(const char *section, const char *name, const struct fullwidth *hit, const char *value,
                          size_t len, char *buf, size_t n);

/* Is the key of this full name ("order_cycle.processing_servers",
 * "location.north.open") a whole number (KEY_COUNT)? False for no such key. */
bool key_is_count(const char *full_name);

/* The index of the global key "section.name" (which must exist). */
size_t key_index(const char *section, const char *name);

/* True if `section` is a known section name or a family section with a name. */
int key_section_known(const char *section);

/* The known plain section names, NULL-terminated. */
enum { KEY_SECTIONS = 16 };
extern const char *const key_sections[KEY_SECTIONS + 1];

/* Print the key reference: every key of `section` (a plain section, or a family prefix
 * such as "product"; NULL: all) with type, unit, default, range and meaning, in the
 * language of lang/lang.h (names of sections, keys and choices stay English). Returns
 * 0, or -1 if the section is unknown. */
int keys_print(FILE *out, const char *section);

/* Write the fuzz dictionary of scenario files (fuzz/scenario.dict, libFuzzer's format):
 * every section, "key = " of every key, every choice word, the sweepable SECTION.KEY
 * names, the rate metrics, the distributions and a few bits of syntax, all from the
 * tables. `make fuzz-dict` writes it; test_scenario checks the committed one is current. */
void keys_write_dict(FILE *out);

/* Describe a key's allowed values, e.g. ">= 0", "1 to 100000", "none | sQ | sS", in the
 * language of lang/lang.h (choice words stay as written in files). */
void key_range_text(const struct key_def *k, char *buf, size_t n);

/* "default: ..." for a key, in the language of lang/lang.h: its default value, the key
 * it takes its default from, or none. Like key_range_text, text too long for buf (n
 * bytes) is cut at a whole character, never inside one. */
void key_default_text(const struct key_def *k, char *buf, size_t n);

/* Can `name` ("section.key") be swept? It must name a number key of a plain section or
 * of a named family section ("product.tea.reorder_point"), not the seed. Returns its
 * index, or -1 with the problem (and a suggestion) in err. */
int key_sweepable(const char *name, char *err, size_t errlen);

#endif
