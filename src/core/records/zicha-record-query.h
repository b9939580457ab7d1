/* zicha-record-query.h — the SQL of the record lists, as data (core-internal)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zicha-db-private.h"

#include "zicha-record-row.h"
#include "zicha-records.h"

G_BEGIN_DECLS

typedef enum
{
  ZICHA_FORMAT_TEXT,
  ZICHA_FORMAT_COUNT,         /* INTEGER as is */
  ZICHA_FORMAT_HUNDREDTHS,    /* 489 → "4.89", 150 → "1.5", 500 → "5" */
  ZICHA_FORMAT_AMOUNT,        /* fen: 1250 → "12.50" */
  ZICHA_FORMAT_NUMBER_TEXT,   /* a decimal stored as text, right-aligned */
  ZICHA_FORMAT_ENUM,          /* English value → translated label */
} ZichaFormat;

typedef struct
{
  const char *value;
  const char *context;        /* msgctxt */
  const char *label;          /* msgid */
} ZichaEnumLabel;

typedef struct
{
  ZichaFormat           format;
  const ZichaEnumLabel *labels;   /* ZICHA_FORMAT_ENUM, terminated by { NULL } */
} ZichaFormatSpec;

typedef struct
{
  const char      *id;
  const char      *title;         /* N_() */
  const char      *expr;          /* SQL expression over the kind's FROM clause */
  const char      *order;         /* ORDER BY expression; NULL: expr */
  ZichaFormatSpec  fmt;
  gboolean         needs_join;    /* expr or order reads a joined table */
  gboolean         detail_only;
} ZichaColumnQuery;

typedef struct
{
  ZichaRecordKind          kind;
  const char              *from;        /* the table as t, with its joins */
  const char              *from_plain;  /* the table alone, as t */
  const char              *search;      /* WHERE over from: ?1 LIKE pattern, ?2 initials */
  const char              *key_column;  /* the record's own key in t, or NULL */
  const ZichaColumnQuery  *columns;
  guint                    n_columns;
  guint                    default_sort;
  int                      title_columns[2];  /* shown as the record's title; -1: none */
} ZichaKindQuery;

/* NULL for the kinds without a list. */
const ZichaKindQuery *zicha_kind_query_get            (ZichaRecordKind        kind);

/* "SELECT t.id FROM … [WHERE search] ORDER BY …, t.id" */
char                 *zicha_kind_query_build_ids_sql  (const ZichaKindQuery  *info,
                                                       guint                  sort_column,
                                                       gboolean               descending,
                                                       gboolean               search);
/* "SELECT t.id, <columns> FROM … WHERE t.id = ?1" */
char                 *zicha_kind_query_build_row_sql  (const ZichaKindQuery  *info);

/* Column @index of @stmt formatted for display (never NULL). */
char                 *zicha_record_format_value       (const ZichaFormatSpec *fmt,
                                                       sqlite3_stmt          *stmt,
                                                       int                    index);

/* The bound parameters of a search for @text: a LIKE pattern (escaped with '\') and, for
 * text of ASCII letters and digits, the lower-case initials; else NULL. */
void                  zicha_record_search_params      (const char            *text,
                                                       char                 **out_like,
                                                       char                 **out_initials);

/* zicha-record-row.c: a row of @kind from a statement whose column 0 is the id and 1… the
 * columns of the kind (all "" with a NULL @stmt: a record gone since the query). */
ZichaRecordRow *_zicha_record_row_new_from_stmt (ZichaRecordKind  kind,
                                                 gint64           id,
                                                 sqlite3_stmt    *stmt);

G_END_DECLS
