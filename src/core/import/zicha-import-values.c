/* zicha-import-values.c — reading the cells of a row
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cells are trimmed, then read as their column's type says: numbers, dates, enumerated
 * values, references to records (looked up in the key maps), scope codes. A bad cell is
 * reported and replaced by a stand-in, so that the row can be written all the same. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "zicha-import-private.h"

static inline gboolean
is_blank_at (const char *p,
             const char *end)
{
  if (*p == ' ' || *p == '\t')
    return TRUE;
  return end - p >= 3 && (guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80;
}

/* Trims spaces, tabs and U+3000 in place; returns the start. */
char *
_zicha_import_trim (char  *text,
                    gsize *len)
{
  char *start = text;
  char *end = text + *len;

  while (start < end && is_blank_at (start, end))
    start += (*start == ' ' || *start == '\t') ? 1 : 3;
  for (;;)
    {
      if (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
      else if (end - start >= 3 && (guchar) end[-3] == 0xE3 && (guchar) end[-2] == 0x80
               && (guchar) end[-1] == 0x80)
        end -= 3;
      else
        break;
    }
  *end = '\0';
  *len = (gsize) (end - start);
  return start;
}

typedef enum
{
  NUM_OK,
  NUM_INVALID,
  NUM_NEGATIVE,
  NUM_NOT_WHOLE,
  NUM_DECIMALS,
  NUM_TOO_LARGE,
} NumStatus;

/* A decimal D+(.D+)? without sign or separators: its integer digits without leading zeros
 * and its fraction digits. */
static NumStatus
split_decimal (const char  *text,
               const char **int_digits,
               gsize       *int_len,
               const char **frac,
               gsize       *frac_len)
{
  const char *p = text;
  gboolean negative = FALSE;
  const char *start;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  start = p;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == start)
    return NUM_INVALID;
  *int_digits = start;
  *int_len = (gsize) (p - start);
  *frac = p;
  *frac_len = 0;
  if (*p == '.')
    {
      const char *f = ++p;

      while (g_ascii_isdigit (*p))
        p++;
      if (p == f)
        return NUM_INVALID;
      *frac = f;
      *frac_len = (gsize) (p - f);
    }
  if (*p != '\0')
    return NUM_INVALID;
  if (negative)
    return NUM_NEGATIVE;
  while (*int_len > 1 && **int_digits == '0')
    {
      (*int_digits)++;
      (*int_len)--;
    }
  return NUM_OK;
}

static gint64
digits_value (const char *p,
              gsize       len)
{
  gint64 v = 0;

  for (gsize i = 0; i < len; i++)
    v = v * 10 + (p[i] - '0');
  return v;
}

static NumStatus
parse_count (const char *text,
             gint64     *out)
{
  const char *ip, *fp;
  gsize il, fl;
  NumStatus st = split_decimal (text, &ip, &il, &fp, &fl);

  if (st != NUM_OK)
    return st;
  if (fl > 0)
    return NUM_NOT_WHOLE;
  if (il > 15)
    return NUM_TOO_LARGE;
  *out = digits_value (ip, il);
  return NUM_OK;
}

static NumStatus
parse_hundredths (const char *text,
                  gint64     *out)
{
  const char *ip, *fp;
  gsize il, fl;
  NumStatus st = split_decimal (text, &ip, &il, &fp, &fl);

  if (st != NUM_OK)
    return st;
  if (fl > 2)
    return NUM_DECIMALS;
  if (il > 15)
    return NUM_TOO_LARGE;
  *out = digits_value (ip, il) * 100;
  if (fl >= 1)
    *out += (fp[0] - '0') * 10;
  if (fl == 2)
    *out += fp[1] - '0';
  return NUM_OK;
}

/* Normalised text (no leading zeros, no trailing fraction zeros) and the ceiling of the value
 * in millionths. */
static NumStatus
parse_decimal (const char *text,
               GString    *normalized,
               gint64     *millionths)
{
  const char *ip, *fp;
  gsize il, fl;
  NumStatus st = split_decimal (text, &ip, &il, &fp, &fl);
  gint64 micro;

  if (st != NUM_OK)
    return st;
  if (il > 12)
    return NUM_TOO_LARGE;
  while (fl > 0 && fp[fl - 1] == '0')
    fl--;
  g_string_truncate (normalized, 0);
  g_string_append_len (normalized, ip, (gssize) il);
  if (fl > 0)
    {
      g_string_append_c (normalized, '.');
      g_string_append_len (normalized, fp, (gssize) fl);
    }
  micro = digits_value (ip, il) * 1000000;
  {
    gint64 place = 100000;

    for (gsize i = 0; i < 6; i++, place /= 10)
      if (i < fl)
        micro += (fp[i] - '0') * place;
    if (fl > 6)
      micro++;   /* trailing zeros are gone: any further digit is non-zero */
  }
  *millionths = micro;
  return NUM_OK;
}

static char *
number_message (NumStatus st)
{
  switch (st)
    {
    case NUM_NEGATIVE:
      return g_strdup (_("must not be negative"));
    case NUM_NOT_WHOLE:
      return g_strdup (_("must be a whole number"));
    case NUM_DECIMALS:
      return g_strdup (_("at most two decimals are allowed"));
    case NUM_TOO_LARGE:
      return g_strdup (_("number too large"));
    case NUM_OK:
    case NUM_INVALID:
    default:
      return g_strdup (_("not a number (digits and at most one “.”, no separators)"));
    }
}

gboolean
_zicha_import_key_is_valid (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

static char *
enum_message (const ZichaEnumValue *values)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (const ZichaEnumValue *v = values; v->value != NULL; v++)
    {
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, v->value);
    }
  /* Translators: %s is a list of the English values, e.g. "full_time, part_time". */
  return g_strdup_printf (_("unknown value; expected one of %s"), list->str);
}

static char *
reference_message (ZichaRecordKind kind)
{
  switch (kind)
    {
    case ZICHA_RECORD_PERSONNEL:
      return g_strdup (_("no such person in the database or in this import"));
    case ZICHA_RECORD_ORGANIZATIONS:
      return g_strdup (_("no such organization in the database or in this import"));
    case ZICHA_RECORD_CERTIFICATES:
      return g_strdup (_("no such certificate in the database or in this import"));
    case ZICHA_RECORD_AUDITS:
      return g_strdup (_("no such audit in the database or in this import"));
    default:
      g_assert_not_reached ();
    }
}

static void
set_text (Col        *col,
          const char *text,
          gsize       len)
{
  col->vtype = V_TEXT;
  col->text = text;
  col->text_len = len;
}

static void
set_scratch (Col        *col,
             const char *text)
{
  g_string_assign (col->scratch, text);
  set_text (col, col->scratch->str, col->scratch->len);
}

/* A stand-in for a bad or missing value, so that the row can be written all the same. */
static void
set_stand_in (Col *col)
{
  const ZichaColumn *def = col->def;

  col->bad = TRUE;
  col->extra = 0;
  if (!def->required)
    {
      col->vtype = V_NULL;
      return;
    }
  switch (def->type)
    {
    case ZICHA_VALUE_COUNT:
    case ZICHA_VALUE_HUNDREDTHS:
    case ZICHA_VALUE_REFERENCE:
      col->vtype = V_INT;
      col->num = 0;
      break;
    case ZICHA_VALUE_ENUM:
      set_text (col, def->values[0].value, strlen (def->values[0].value));
      break;
    case ZICHA_VALUE_SCHEME:
      set_text (col, "QMS", 3);
      break;
    case ZICHA_VALUE_SCOPE_CODE:
    case ZICHA_VALUE_SCOPE_CODES:
    case ZICHA_VALUE_DECIMAL:
      set_text (col, "0", 1);
      break;
    case ZICHA_VALUE_DATE:
      set_text (col, "0000-00-00", 10);
      break;
    case ZICHA_VALUE_TIMESTAMP:
      set_text (col, "0000-00-00 00:00:00", 19);
      break;
    case ZICHA_VALUE_TEXT:
    case ZICHA_VALUE_KEY:
    case ZICHA_VALUE_USCC:
    default:
      set_text (col, "", 0);
      break;
    }
}

static gboolean
is_list_separator (const char *p,
                   gsize      *sep_len)
{
  if (*p == ';')
    {
      *sep_len = 1;
      return TRUE;
    }
  /* ； U+FF1B (EF BC 9B) and 、 U+3001 (E3 80 81) */
  if (((guchar) p[0] == 0xEF && (guchar) p[1] == 0xBC && (guchar) p[2] == 0x9B)
      || ((guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x81))
    {
      *sep_len = 3;
      return TRUE;
    }
  return FALSE;
}

/* Normalised list of scope codes joined by ';', duplicates dropped; NULL when an item is not
 * a scope code. Sets *empty when the list has no items. */
static gboolean
parse_scope_codes (const char *text,
                   GString    *out,
                   gboolean   *empty)
{
  g_autofree char *copy = g_strdup (text);
  char *p = copy;

  g_string_truncate (out, 0);
  *empty = TRUE;
  while (*p != '\0')
    {
      char *item = p;
      gsize sep_len = 0;
      gsize len;

      while (*p != '\0' && !is_list_separator (p, &sep_len))
        p++;
      len = (gsize) (p - item);
      if (*p != '\0')
        {
          *p = '\0';
          p += sep_len;
        }
      item = _zicha_import_trim (item, &len);
      if (len == 0)
        continue;
      if (!zicha_interchange_is_scope_code (item))
        return FALSE;
      {
        /* Drop a code already in the list. */
        gboolean seen = FALSE;
        const char *s = out->str;

        while (!seen && *s != '\0')
          {
            const char *e = strchr (s, ';');
            gsize l = e != NULL ? (gsize) (e - s) : strlen (s);

            seen = l == len && memcmp (s, item, len) == 0;
            s += l + (e != NULL ? 1 : 0);
          }
        if (seen)
          continue;
      }
      if (out->len > 0)
        g_string_append_c (out, ';');
      g_string_append_len (out, item, (gssize) len);
      *empty = FALSE;
    }
  return TRUE;
}

/* Parses @col's cell of the row at @line; reports errors. */
void
_zicha_import_parse_cell (Importer *imp,
                          Col      *col,
                          char     *cell,
                          gsize     len,
                          guint     line)
{
  const ZichaColumn *def = col->def;
  char *text = _zicha_import_trim (cell, &len);
  g_autofree char *norm_alloc = NULL;
  const char *norm = text;
  char *message = NULL;

  col->raw = text;
  col->bad = FALSE;
  col->extra = 0;

  if (len > ZICHA_INTERCHANGE_MAX_VALUE_CHARS
      && g_utf8_strlen (text, (gssize) len) > ZICHA_INTERCHANGE_MAX_VALUE_CHARS)
    {
      _zicha_import_row_error (imp, line, col->header,
                               g_strdup (_("value longer than 65,535 characters")), text);
      set_stand_in (col);
      return;
    }
  if (len == 0)
    {
      col->vtype = V_NULL;
      if (def->required)
        {
          _zicha_import_row_error (imp, line, col->header, g_strdup (_("a value is required")),
                                   text);
          set_stand_in (col);
        }
      return;
    }

  switch (def->type)
    {
    case ZICHA_VALUE_DATE:
    case ZICHA_VALUE_TIMESTAMP:
    case ZICHA_VALUE_COUNT:
    case ZICHA_VALUE_HUNDREDTHS:
    case ZICHA_VALUE_DECIMAL:
    case ZICHA_VALUE_SCOPE_CODE:
    case ZICHA_VALUE_SCOPE_CODES:
      /* Full-width forms start with the byte 0xEF; most cells have none. */
      if (memchr (text, 0xEF, len) != NULL)
        norm = norm_alloc = zicha_interchange_normalize_digits (text);
      break;
    default:
      break;
    }

  switch (def->type)
    {
    case ZICHA_VALUE_TEXT:
      set_text (col, text, len);
      break;

    case ZICHA_VALUE_KEY:
      if (_zicha_import_key_is_valid (text))
        set_text (col, text, len);
      else
        message = g_strdup (_("a key may not contain “/” or control characters"));
      break;

    case ZICHA_VALUE_DATE:
      {
        char out[11];

        if (zicha_interchange_parse_date (norm, out))
          set_scratch (col, out);
        else
          message = g_strdup (_("not a valid date (YYYY-MM-DD)"));
      }
      break;

    case ZICHA_VALUE_TIMESTAMP:
      {
        char out[20];

        if (zicha_interchange_parse_timestamp (norm, out))
          set_scratch (col, out);
        else
          message = g_strdup (_("not a valid time (YYYY-MM-DD HH:MM:SS)"));
      }
      break;

    case ZICHA_VALUE_COUNT:
    case ZICHA_VALUE_HUNDREDTHS:
      {
        NumStatus st = def->type == ZICHA_VALUE_COUNT ? parse_count (norm, &col->num)
                                                      : parse_hundredths (norm, &col->num);

        if (st == NUM_OK)
          col->vtype = V_INT;
        else
          message = number_message (st);
      }
      break;

    case ZICHA_VALUE_DECIMAL:
      {
        NumStatus st = parse_decimal (norm, col->scratch, &col->extra);

        if (st == NUM_OK)
          set_text (col, col->scratch->str, col->scratch->len);
        else
          message = number_message (st);
      }
      break;

    case ZICHA_VALUE_ENUM:
      {
        const char *value = zicha_interchange_match_enum (def->values, text);

        if (value != NULL)
          set_text (col, value, strlen (value));
        else
          message = enum_message (def->values);
      }
      break;

    case ZICHA_VALUE_SCHEME:
      {
        g_autofree char *scheme = zicha_interchange_normalize_scheme (text);

        if (scheme != NULL)
          set_scratch (col, scheme);
        else
          message = g_strdup (_("not a scheme code (2 to 16 capital letters, digits or “-”)"));
      }
      break;

    case ZICHA_VALUE_SCOPE_CODE:
      if (zicha_interchange_is_scope_code (norm))
        set_scratch (col, norm);
      else
        message = g_strdup (_("not a business scope code (numbers separated by “.”)"));
      break;

    case ZICHA_VALUE_SCOPE_CODES:
      {
        gboolean empty;

        if (!parse_scope_codes (norm, col->scratch, &empty))
          message = g_strdup (_("not a list of business scope codes (numbers separated by “.”)"));
        else if (empty)
          {
            col->vtype = V_NULL;
            if (def->required)
              {
                _zicha_import_row_error (imp, line, col->header,
                                         g_strdup (_("a value is required")), text);
                set_stand_in (col);
              }
          }
        else
          set_text (col, col->scratch->str, col->scratch->len);
      }
      break;

    case ZICHA_VALUE_USCC:
      {
        g_autofree char *upper = g_ascii_strup (text, (gssize) len);

        if (strlen (upper) != 18 || zicha_uscc_check_char (upper) == '\0'
            || strchr ("0123456789ABCDEFGHJKLMNPQRTUWXY", upper[17]) == NULL)
          message = g_strdup (_("not a unified social credit code (18 characters)"));
        else if (!zicha_uscc_is_valid (upper))
          message = g_strdup (_("wrong check character of the unified social credit code"));
        else
          set_scratch (col, upper);
      }
      break;

    case ZICHA_VALUE_REFERENCE:
      {
        ZichaKeyMap *map = _zicha_import_get_map (imp, def->references);
        gint64 id;

        if (map == NULL)
          message = g_strdup ("");
        else if (zicha_key_map_lookup (map, text, len, &id))
          {
            col->vtype = V_INT;
            col->num = id;
          }
        else
          message = reference_message (def->references);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (message != NULL)
    {
      _zicha_import_row_error (imp, line, col->header, message, text);
      set_stand_in (col);
    }
}
