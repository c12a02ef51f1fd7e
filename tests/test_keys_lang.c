/* test_keys_lang.c - the key table and the option table speak Chinese: every
 * key's meaning and unit (reader/keys.def), every policy's meaning, every --help line
 * (cli/options.c) has a Chinese translation in the catalogue; `servlab keys` in Chinese
 * prints no key meaning in English, lines its columns up by display width as the English
 * does by bytes, and uses the course's terms. Run from the repository root after make:
 * the catalogue is BUILD/locale, BUILD the directory above this program's. The goldens
 * of the whole listing are compared by tests/test_keys_lang.sh. */
#include "check.h"
#include "cli/options.h"
#include "lang/lang.h"
#include "models/policy.h"
#include "reader/keys.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does text hold a CJK ideograph (U+4E00 to U+9FFF: UTF-8 lead bytes 0xE4 to 0xE9)? */
static bool has_cjk(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p >= 0xE4 && *p <= 0xE9 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) return true;
    return false;
}

/* The text of keys_print(NULL), in the language chosen. The caller frees it. */
static char *listing(void)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    if (!f) abort();
    keys_print(f, NULL);
    fclose(f);
    return text;
}

static void translated(void)
{
    size_t meanings = 0, units = 0;
    for (size_t k = 0; k < key_count; k++) {
        const struct key_def *d = &key_defs[k];
        const char *zh = _(d->meaning);
        meanings += (size_t)check(zh != d->meaning && strcmp(zh, d->meaning) != 0 && has_cjk(zh),
                                  "kl-1.1 [%s] %s: its meaning is translated ('%s')", d->section, d->name, zh);
        if (*d->unit)
            units += (size_t)check(strcmp(C_("unit", d->unit), d->unit) != 0,
                                   "kl-1.2 [%s] %s: its unit '%s' is translated ('%s')", d->section, d->name, d->unit,
                                   C_("unit", d->unit));
    }
    check(meanings == key_count, "kl-1.3 all %zu meanings are translated (%zu)", key_count, meanings);
    check(units > 20, "kl-1.4 the units are translated (%zu keys with a unit)", units);
    for (size_t p = 0; policy_types[p]; p++)
        check(has_cjk(_(policy_types[p]->meaning)), "kl-1.5 policy %s: its meaning is translated",
              policy_types[p]->name);
    size_t helps = 0;
    for (size_t r = 0; r < option_nrows; r++)
        if (option_rows[r].help)
            helps += (size_t)check(has_cjk(_(option_rows[r].help)), "kl-1.6 %s: its --help line is translated ('%s')",
                                   option_rows[r].name, _(option_rows[r].help));
    check(helps >= 15, "kl-1.7 the --help lines are checked (%zu)", helps);
}

/* No key meaning, section or family description is printed in English. */
static void no_english(const char *zh_text)
{
    size_t leaks = 0;
    for (size_t k = 0; k < key_count; k++)
        if (strstr(zh_text, key_defs[k].meaning) && !has_cjk(key_defs[k].meaning)) {
            check(false, "kl-2.1 [%s] %s: its meaning is printed in English", key_defs[k].section, key_defs[k].name);
            leaks++;
        }
    check(leaks == 0, "kl-2.2 no key meaning is printed in English (%zu are)", leaks);
    /* every section heading, "[run]  ..." or "[product.NAME]  ...", explains itself in Chinese */
    size_t headings = 0;
    for (const char *line = zh_text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        const char *end = strchr(line, '\n'), *close = strstr(line, "]  ");
        if (line[0] != '[' || !close || (end && close > end)) continue; /* "[section]  meaning" */
        char buf[400];
        snprintf(buf, sizeof buf, "%.*s", end ? (int)(end - line) : (int)strlen(line), line);
        headings += (size_t)check(has_cjk(buf), "kl-2.3 the heading '%s' is in Chinese", buf);
    }
    check(headings == KEY_SECTIONS + FAMILY_COUNT - 1, "kl-2.4 every section has a heading (%zu of %d)", headings,
          KEY_SECTIONS + FAMILY_COUNT - 1);
}

/* "  name   type, unit   default: x": the default column starts at display column 56 in
 * both languages (2 + 26 + 1 + 26 + 1), whatever bytes the type and unit take; or, when
 * the default would carry the line past 100 columns or the type is wider than its 26
 * columns, at column 30 of the next line, under the type. */
static size_t default_columns(const char *text, const char *word, size_t *lines)
{
    size_t bad = 0;
    *lines = 0;
    for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        const char *at = strstr(line, word), *end = strchr(line, '\n');
        if (!at || (end && at > end) || line[0] != ' ') continue;
        /* a default too long for its key's first line is under the type, on the next */
        bool under = (size_t)(at - line) == 29 && strspn(line, " ") == 29;
        if (line[2] == ' ' && !under) continue; /* a key's first line only */
        char before[200];
        snprintf(before, sizeof before, "%.*s", (int)(at - line), line);
        ++*lines;
        if (under) continue;
        if (lang_width(before) != 56) bad++; /* a type wider than its column puts the default under it */
    }
    return bad;
}

static void columns(const char *zh_text, const char *en_text)
{
    size_t zh_lines, en_lines;
    size_t zh_bad = default_columns(zh_text, "默认值：", &zh_lines),
           en_bad = default_columns(en_text, "default: ", &en_lines);
    check(zh_lines == key_count && zh_bad == 0,
          "kl-3.1 Chinese: the default column of all %zu keys at column 56 (%zu lines, %zu off)", key_count, zh_lines,
          zh_bad);
    check(en_lines == key_count && en_bad == 0, "kl-3.2 English: the same column (%zu lines, %zu off)", en_lines,
          en_bad);
    /* a type-and-unit wider in bytes than the column, but not in display columns, is padded */
    check(strstr(zh_text, "  holding_per_unit_day       数值，金额/件/天           默认值：0\n") != NULL,
          "kl-3.3 a Chinese type and unit of 26 bytes or more is padded to 26 display columns");
}

/* The course's terms (the brief's list), where a key's meaning names the idea. */
static void terms(void)
{
    static const struct {
        enum key_id key;
        const char *term;
    } uses[] = {
        {K_INVENTORY_TARGET_FILL_RATE, "满足率"},
        {K_INVENTORY_TARGET_CYCLE_SERVICE_LEVEL, "周期服务水平"},
        {K_INVENTORY_SHORTAGE, "延期交货"},
        {K_INVENTORY_SHORTAGE, "失销"},
        {K_INVENTORY_LEAD_TIME_DAYS, "提前期"},
        {K_INVENTORY_INITIAL_ON_HAND, "在库库存"},
        {K_RUN_REPLICATIONS, "置信区间"},
        {K_RUN_HORIZON_DAYS, "预热期"},
        {K_RUN_SEED, "随机种子"},
        {K_ORDER_CYCLE_TRANSMISSION_DAYS, "下单"},
        {K_ORDER_CYCLE_PROMISE_DAYS, "承诺交货期"},
        {K_ORDER_CYCLE_EXPEDITE, "快运"},
        {K_ORDER_CYCLE_PICKING_SERVERS, "拣货"},
        {K_COSTS_ORDER_PER_UNIT, "采购成本"},
        {K_CUSTOMERS_CHURN_PER_DAY, "流失"},
        {K_CUSTOMERS_DEFECT_AFTER_FAILURES, "服务失败"},
        {K_DEMAND_RATE_CURVE, "产品生命周期"},
        {K_DEMAND_QUANTITY_DISCOUNT_SHARE, "数量折扣"},
        {K_DEMAND_PEAK_DISCOUNT, "价格折扣"},
        {K_LOCATIONS_WHEN_SHORT, "转运"},
        {K_TIER_SHARE, "客户层次"},
        {K_CHANNEL_SHARE, "订货渠道"},
        {K_PRODUCT_SUBSTITUTE, "替代"},
    };
    for (size_t i = 0; i < sizeof uses / sizeof uses[0]; i++) {
        const struct key_def *d = &key_defs[uses[i].key];
        check(strstr(_(d->meaning), uses[i].term) != NULL, "kl-4.1 [%s] %s says %s ('%s')", d->section, d->name,
              uses[i].term, _(d->meaning));
    }
}

/* Is text whole UTF-8 characters, none cut short at its end? */
static bool whole_characters(const char *text)
{
    for (size_t i = 0, n = strlen(text); i < n;) {
        size_t k = lang_char_bytes((unsigned char)text[i]);
        if (k > n - i) return false;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)text[i + j] & 0xC0) != 0x80) return false;
        i += k;
    }
    return true;
}

/* key_range_text and key_default_text into a buffer too small cut at a whole character,
 * never inside a Chinese one (3 bytes), in the language chosen. */
static void cuts(void)
{
    size_t cut_inside = 0, tried = 0;
    for (size_t k = 0; k < key_count; k++)
        for (size_t n = 1; n <= 24; n++) {
            char buf[24];
            key_range_text(&key_defs[k], buf, n);
            cut_inside += !whole_characters(buf) || strlen(buf) >= n;
            key_default_text(&key_defs[k], buf, n);
            cut_inside += !whole_characters(buf) || strlen(buf) >= n;
            tried += 2;
        }
    check(cut_inside == 0,
          "kl-3.4 a key's range or default cut short ends at a whole character (%zu of %zu cut inside one)", cut_inside,
          tried);
    char said[200];
    key_default_text(&key_defs[K_INVENTORY_REORDER_POINT], said, sizeof said);
    check(strstr(said, "默认值：") == said, "kl-3.5 key_default_text says the default in Chinese: '%s'", said);
}

int main(int argc, char **argv)
{
    (void)argc;
    check_use_build_catalogue(argv[0]);
    check(lang_init("en", NULL) == 0, "kl-0.1 English is chosen");
    char *en_text = listing();
    /* lines_per_order's bounds as the reader holds them (reader/scenario.c refuses a mean
       above 16, models/demand.c takes a draw above 16 as 16), not just its least draw */
    check(strstr(en_text, "  lines_per_order ") &&
              strstr(strstr(en_text, "  lines_per_order "), "allowed: draws >= 1, above 16 count as 16; mean <= 16\n"),
          "kl-0.4 lines_per_order's allowed values name its greatest, 16");
    check(lang_init("zh", NULL) == 0 && lang_current() == LANG_ZH, "kl-0.2 Chinese is chosen");
    check(strcmp(_("number"), "number") != 0, "kl-0.3 the catalogue is found in %s", getenv("SERVLAB_LOCALEDIR"));
    char *zh_text = listing();
    translated();
    no_english(zh_text);
    columns(zh_text, en_text);
    cuts();
    terms();
    free(en_text);
    free(zh_text);
    return check_done("test_keys_lang");
}
