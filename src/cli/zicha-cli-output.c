/* zicha-cli-output.c — tables for people, CSV and JSON for machines
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Machine formats never depend on the locale: UTF-8 without BOM, English keys and enum values.
 * CSV follows RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled). People get aligned columns measured in terminal cells (CJK counts two). */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "zicha-cli-output.h"
#include "zicha-csv-writer.h"
#include "zicha-json.h"

typedef struct
{
  char             *key;
  char             *title;
  ZichaColumnFlags  flags;
} Column;

typedef struct
{
  guint   n_cells;
  char  **values;    /* n_cells, each NULL or UTF-8 (not a NULL-terminated array) */
  char  **displays;  /* n_cells, each NULL (show the value) or UTF-8 */
} Row;

struct _ZichaTable
{
  GArray    *columns;  /* of Column */
  GPtrArray *rows;     /* of Row* */
};

static const char *format_names[] = { "table", "csv", "json" };

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->key);
  g_free (column->title);
}

static void
row_free (gpointer data)
{
  Row *row = data;
  guint i;

  /* cells may be NULL anywhere: g_strfreev would stop at the first one */
  for (i = 0; i < row->n_cells; i++)
    {
      g_free (row->values[i]);
      g_free (row->displays[i]);
    }
  g_free (row->values);
  g_free (row->displays);
  g_free (row);
}

/* NULL stays NULL; invalid UTF-8 is repaired so every output is valid UTF-8. */
static char *
dup_valid (const char *str)
{
  if (str == NULL)
    return NULL;
  if (g_utf8_validate (str, -1, NULL))
    return g_strdup (str);
  return g_utf8_make_valid (str, -1);
}

/* One line for people: line breaks, tabs and other control characters become spaces. */
static char *
display_text (const char *str)
{
  g_autofree char *valid = dup_valid (str);
  GString *out = g_string_new (NULL);
  const char *p;

  if (valid == NULL)
    return g_string_free (out, FALSE);

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR
          || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
zicha_output_format_from_string (const char        *str,
                                 ZichaOutputFormat *out)
{
  guint i;

  g_return_val_if_fail (out != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (str, format_names[i]) == 0)
      {
        *out = (ZichaOutputFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
zicha_output_format_to_string (ZichaOutputFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

gsize
zicha_utf8_width (const char *str)
{
  gsize width = 0;
  const char *p = str;

  if (str == NULL)
    return 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          width++;
          p++;
          continue;
        }
      if (g_unichar_iszerowidth (c))
        ;
      else if (g_unichar_iswide (c))
        width += 2;
      else
        width += 1;
      p = g_utf8_next_char (p);
    }
  return width;
}

ZichaTable *
zicha_table_new (void)
{
  ZichaTable *self = g_new0 (ZichaTable, 1);

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  return self;
}

void
zicha_table_free (ZichaTable *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

guint
zicha_table_add_column (ZichaTable       *self,
                        const char       *key,
                        const char       *title,
                        ZichaColumnFlags  flags)
{
  Column column;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);
  g_return_val_if_fail (self->rows->len == 0, 0);

  column.key = dup_valid (key);
  column.title = display_text (title != NULL ? title : key);
  column.flags = flags;
  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

void
zicha_table_add_row (ZichaTable *self)
{
  Row *row;

  g_return_if_fail (self != NULL);

  row = g_new0 (Row, 1);
  row->n_cells = self->columns->len;
  row->values = g_new0 (char *, row->n_cells + 1);
  row->displays = g_new0 (char *, row->n_cells + 1);
  g_ptr_array_add (self->rows, row);
}

void
zicha_table_set_display (ZichaTable *self,
                         guint       column,
                         const char *value,
                         const char *display)
{
  Row *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->rows->len > 0);
  g_return_if_fail (column < self->columns->len);

  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  g_free (row->values[column]);
  row->values[column] = dup_valid (value);
  g_free (row->displays[column]);
  row->displays[column] = dup_valid (display);
}

void
zicha_table_set (ZichaTable *self,
                 guint       column,
                 const char *value)
{
  zicha_table_set_display (self, column, value, NULL);
}

guint
zicha_table_get_n_rows (ZichaTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
zicha_table_get_n_columns (ZichaTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

static void
append_padding (GString *out,
                gsize    n)
{
  while (n-- > 0)
    g_string_append_c (out, ' ');
}

static void
end_line (GString *out)
{
  /* no trailing blanks */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
append_table_line (GString     *out,
                   ZichaTable  *self,
                   const gsize *widths,
                   char       **cells)
{
  guint i;

  for (i = 0; i < self->columns->len; i++)
    {
      const Column *column = &g_array_index (self->columns, Column, i);
      const char *text = cells[i] != NULL ? cells[i] : "";
      gsize pad = widths[i] - zicha_utf8_width (text);

      if (i > 0)
        g_string_append (out, "  ");
      if (column->flags & ZICHA_COLUMN_NUMBER)
        {
          append_padding (out, pad);
          g_string_append (out, text);
        }
      else
        {
          g_string_append (out, text);
          append_padding (out, pad);
        }
    }
  end_line (out);
}

static void
format_table (ZichaTable *self,
              GString    *out)
{
  guint n_columns = self->columns->len;
  g_autofree gsize *widths = g_new0 (gsize, n_columns + 1);
  g_auto(GStrv) titles = g_new0 (char *, n_columns + 1);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint i, r;

  for (i = 0; i < n_columns; i++)
    {
      const Column *column = &g_array_index (self->columns, Column, i);

      titles[i] = g_strdup (column->title);
      widths[i] = zicha_utf8_width (titles[i]);
    }

  for (r = 0; r < self->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (self->rows, r);
      char **cells = g_new0 (char *, n_columns + 1);

      for (i = 0; i < n_columns; i++)
        {
          const char *text = row->displays[i] != NULL ? row->displays[i] : row->values[i];

          cells[i] = display_text (text);
          widths[i] = MAX (widths[i], zicha_utf8_width (cells[i]));
        }
      g_ptr_array_add (lines, cells);
    }

  append_table_line (out, self, widths, titles);
  for (i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append (out, "  ");
      for (r = 0; r < widths[i]; r++)
        g_string_append_c (out, '-');
    }
  end_line (out);
  for (r = 0; r < lines->len; r++)
    append_table_line (out, self, widths, g_ptr_array_index (lines, r));
}

static void
format_csv (ZichaTable *self,
            GString    *out)
{
  guint i, r;

  for (i = 0; i < self->columns->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      zicha_csv_append_field (out, g_array_index (self->columns, Column, i).key, ZICHA_CSV_EXACT);
    }
  g_string_append (out, "\r\n");

  for (r = 0; r < self->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (self->rows, r);

      for (i = 0; i < self->columns->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          zicha_csv_append_field (out, row->values[i], ZICHA_CSV_EXACT);
        }
      g_string_append (out, "\r\n");
    }
}


/* RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
is_json_number (const char *s)
{
  if (*s == '-')
    s++;
  if (*s == '0')
    s++;
  else if (*s >= '1' && *s <= '9')
    while (g_ascii_isdigit (*s))
      s++;
  else
    return FALSE;
  if (*s == '.')
    {
      s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  return *s == '\0';
}

static void
format_json (ZichaTable *self,
             GString    *out)
{
  guint i, r;

  if (self->rows->len == 0)
    {
      g_string_append (out, "[]\n");
      return;
    }

  g_string_append (out, "[\n");
  for (r = 0; r < self->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (self->rows, r);

      g_string_append (out, "  {");
      for (i = 0; i < self->columns->len; i++)
        {
          const Column *column = &g_array_index (self->columns, Column, i);
          const char *value = row->values[i];

          if (i > 0)
            g_string_append (out, ", ");
          zicha_json_append_string (out, column->key);
          g_string_append (out, ": ");
          if (value == NULL)
            g_string_append (out, "null");
          else if ((column->flags & ZICHA_COLUMN_NUMBER) && is_json_number (value))
            g_string_append (out, value);
          else
            zicha_json_append_string (out, value);
        }
      g_string_append (out, r + 1 < self->rows->len ? "},\n" : "}\n");
    }
  g_string_append (out, "]\n");
}

char *
zicha_table_format (ZichaTable        *self,
                    ZichaOutputFormat  format)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  switch (format)
    {
    case ZICHA_OUTPUT_CSV:
      format_csv (self, out);
      break;
    case ZICHA_OUTPUT_JSON:
      format_json (self, out);
      break;
    case ZICHA_OUTPUT_TABLE:
    default:
      format_table (self, out);
      break;
    }
  return g_string_free (out, FALSE);
}

gboolean
zicha_table_write (ZichaTable        *self,
                   ZichaOutputFormat  format,
                   FILE              *stream)
{
  g_autofree char *text = NULL;
  gsize len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stream != NULL, FALSE);

  text = zicha_table_format (self, format);
  len = strlen (text);
  errno = 0;
  if (fwrite (text, 1, len, stream) != len)
    return FALSE;
  return TRUE;
}
