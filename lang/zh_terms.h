/* zh_terms.h - the course's Chinese terms (docs/glossary.md), inside which a line of
 * Chinese does not break: 库容 is one word, not 库 and 容. Chinese has no blanks between
 * words and servlab carries no dictionary; the glossary's terms are the words students
 * read in its reports (the metrics, the stages of the order cycle, the keys' meanings).
 * The table is lang/zh_terms.inc, written by lang/zh_terms.sh (make zh-terms). */
#ifndef LANG_ZH_TERMS_H
#define LANG_ZH_TERMS_H

#include <stddef.h>

/* The terms, sorted by bytes, and how many there are. */
extern const char *const zh_terms[];
extern const size_t zh_term_count;

/* Bytes in the longest term that text[0..n) begins with, or 0 when it begins with none. */
size_t zh_term_at(const char *text, size_t n);

#endif
