/* zicha-interchange.h — interchange format v1 (docs INTERCHANGE.md) as data tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of the format, its columns (English name, Chinese label, value type, whether
 * required, the database column it fills), keys and ordered pairs, plus the value parsers
 * the importer uses. The tables here are the single description of the format in the code. */
#pragma once

#include <glib.h>

#include "zicha-records.h"

G_BEGIN_DECLS

/* The largest value, in characters, a cell may hold. */
#define ZICHA_INTERCHANGE_MAX_VALUE_CHARS 65535

typedef enum
{
  ZICHA_VALUE_TEXT,         /* free text */
  ZICHA_VALUE_KEY,          /* the file's own key: no '/' nor control characters */
  ZICHA_VALUE_DATE,         /* stored 'YYYY-MM-DD' */
  ZICHA_VALUE_TIMESTAMP,    /* stored 'YYYY-MM-DD HH:MM:SS' */
  ZICHA_VALUE_COUNT,        /* whole number ≥ 0, INTEGER */
  ZICHA_VALUE_HUNDREDTHS,   /* ≥ 0, at most two decimals, INTEGER hundredths */
  ZICHA_VALUE_DECIMAL,      /* ≥ 0, any decimals, normalised TEXT */
  ZICHA_VALUE_ENUM,         /* one of the column's values */
  ZICHA_VALUE_SCHEME,       /* scheme code (DOMAIN.md section 2) */
  ZICHA_VALUE_SCOPE_CODE,   /* dot-separated numeric segments */
  ZICHA_VALUE_SCOPE_CODES,  /* list of scope codes, stored ';'-joined */
  ZICHA_VALUE_USCC,         /* unified social credit code, check character verified */
  ZICHA_VALUE_REFERENCE,    /* key of another record kind, stored as its row id */
} ZichaValueType;

typedef struct
{
  const char *value;        /* English value as stored */
  const char *labels[3];    /* accepted Chinese labels, NULL-terminated */
} ZichaEnumValue;

typedef struct
{
  const char           *name;        /* English header */
  const char           *label;       /* Chinese label in this file's table, or NULL */
  ZichaValueType        type;
  gboolean              required;
  const char           *db_column;
  ZichaRecordKind       references;  /* for ZICHA_VALUE_REFERENCE */
  const ZichaEnumValue *values;      /* for ZICHA_VALUE_ENUM, terminated by { NULL } */
} ZichaColumn;

/* @earlier must not be after @later (or must be before it when @strict). */
typedef struct
{
  const char *earlier;
  const char *later;
  gboolean    strict;
} ZichaOrderedPair;

typedef struct
{
  ZichaRecordKind          kind;
  const char              *file_name;     /* "certificates.csv" */
  const char              *table;
  const ZichaColumn       *columns;
  guint                    n_columns;
  /* English names of the key columns, NULL-terminated; empty for body.csv. */
  const char              *key[5];
  const ZichaOrderedPair  *pairs;
  guint                    n_pairs;
} ZichaFileFormat;

/* In the order of INTERCHANGE.md (the order of ZichaRecordKind). */
const ZichaFileFormat *zicha_interchange_get_file      (ZichaRecordKind        kind);
const ZichaFileFormat *zicha_interchange_find_file     (const char            *file_name);
int                    zicha_interchange_column_index  (const ZichaFileFormat *file,
                                                        const char            *name);

/* The column of @file a header cell names: the English name without regard to ASCII case,
 * or a Chinese label given for a column of that name anywhere in the format. NULL if none. */
const ZichaColumn     *zicha_interchange_match_header  (const ZichaFileFormat *file,
                                                        const char            *header);
/* The Chinese label of @column: its own, else one given for the same name elsewhere. */
const char            *zicha_interchange_column_label  (const ZichaFileFormat *file,
                                                        const ZichaColumn     *column);

/* Writes every file of the format with its Chinese headers and no rows (导入模板),
 * UTF-8 with a BOM, creating @dir when needed. */
gboolean               zicha_interchange_write_templates (const char          *dir,
                                                          GError             **error);

/* Value parsers. Input is trimmed text; full-width digits and points must already be
 * normalised (zicha_interchange_normalize_digits). All return FALSE on a bad value. */
char                  *zicha_interchange_normalize_digits (const char *text);
gboolean               zicha_interchange_parse_date    (const char *text,
                                                        char        out[11]);
gboolean               zicha_interchange_parse_timestamp (const char *text,
                                                          char        out[20]);
gboolean               zicha_interchange_is_scope_code (const char *text);
/* Canonical scheme code ("QMS", "EnMS", other codes upper-cased), or NULL. */
char                  *zicha_interchange_normalize_scheme (const char *text);
/* The enum value @text names (English without regard to case, or a Chinese label). */
const char            *zicha_interchange_match_enum    (const ZichaEnumValue *values,
                                                        const char           *text);

/* GB 32100-2015 unified social credit code: the check character for the first 17
 * characters (0 when they are not from the code set), and full validation. */
char                   zicha_uscc_check_char           (const char *first17);
gboolean               zicha_uscc_is_valid             (const char *code);

G_END_DECLS
