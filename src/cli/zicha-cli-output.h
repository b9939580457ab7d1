/* zicha-cli-output.h — tables for people, CSV and JSON for machines
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ZICHA_OUTPUT_TABLE,  /* aligned columns with translated titles, for people */
  ZICHA_OUTPUT_CSV,    /* RFC 4180, UTF-8 without BOM, English header keys */
  ZICHA_OUTPUT_JSON,   /* an array of objects keyed by the English column keys */
} ZichaOutputFormat;

typedef enum
{
  ZICHA_COLUMN_TEXT   = 0,
  /* Right-aligned for people; a bare JSON number when the value is one. */
  ZICHA_COLUMN_NUMBER = 1 << 0,
} ZichaColumnFlags;

/* "table", "csv", "json" (any case). */
gboolean    zicha_output_format_from_string (const char        *str,
                                             ZichaOutputFormat *out);
const char *zicha_output_format_to_string   (ZichaOutputFormat  format);

/* Columns a terminal needs for @str: wide (CJK) characters count 2, combining marks 0,
 * everything else 1. Invalid UTF-8 counts one column per byte. */
gsize       zicha_utf8_width                (const char        *str);

typedef struct _ZichaTable ZichaTable;

ZichaTable *zicha_table_new                 (void);
void        zicha_table_free                (ZichaTable        *self);

/* @key is the English name machines see (CSV header, JSON key); @title is the translated
 * header people see. Returns the column's index. Add every column before the first row. */
guint       zicha_table_add_column          (ZichaTable        *self,
                                             const char        *key,
                                             const char        *title,
                                             ZichaColumnFlags   flags);
/* Starts a new row; its cells are NULL (empty for people and CSV, null in JSON). */
void        zicha_table_add_row             (ZichaTable        *self);
/* Sets a cell of the last row: @value for machines (English enum values, ISO dates) and
 * people alike. */
void        zicha_table_set                 (ZichaTable        *self,
                                             guint              column,
                                             const char        *value);
/* Sets a cell of the last row with a different text for people (e.g. a translated enum
 * value); @display NULL shows @value. */
void        zicha_table_set_display         (ZichaTable        *self,
                                             guint              column,
                                             const char        *value,
                                             const char        *display);
guint       zicha_table_get_n_rows          (ZichaTable        *self);
guint       zicha_table_get_n_columns       (ZichaTable        *self);

/* The whole output in @format, always valid UTF-8 ending with a line end. */
char       *zicha_table_format              (ZichaTable        *self,
                                             ZichaOutputFormat  format);
/* Writes zicha_table_format() to @stream; FALSE with errno set when writing failed. */
gboolean    zicha_table_write               (ZichaTable        *self,
                                             ZichaOutputFormat  format,
                                             FILE              *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaTable, zicha_table_free)

G_END_DECLS
