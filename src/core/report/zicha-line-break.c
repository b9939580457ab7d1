/* zicha-line-break.c — Chinese line breaking for the report's PDF
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is cut into pieces that are never broken inside: one CJK character, a word of
 * Latin letters and digits (with - . / _ : joining them), or a space. Closing punctuation
 * joins the piece before it and opening punctuation the piece after it, so that no line
 * starts or ends with them. Lines are then filled greedily with whole pieces.
 */
#define G_LOG_DOMAIN "zicha-report"

#include "config.h"

#include <string.h>

#include "zicha-line-break.h"

static const char no_start[] = "，。、；：？！）》」』〕】〉…—%,.;:?!)]}”’";
static const char no_end[] = "（《「『〔【〈([{“‘";

gboolean
zicha_line_break_no_start (gunichar c)
{
  char buf[7] = { 0 };

  if (c == 0)
    return FALSE;
  g_unichar_to_utf8 (c, buf);
  return strstr (no_start, buf) != NULL;
}

gboolean
zicha_line_break_no_end (gunichar c)
{
  char buf[7] = { 0 };

  if (c == 0)
    return FALSE;
  g_unichar_to_utf8 (c, buf);
  return strstr (no_end, buf) != NULL;
}

static gboolean
is_word_char (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static gboolean
is_joiner (gunichar c)
{
  return c == '-' || c == '.' || c == '/' || c == '_' || c == ':';
}

typedef struct
{
  const char *start;
  gsize       len;
  gboolean    space;   /* a breakable space: dropped at a line's end */
} Piece;

/* Cuts one paragraph (no '\n') into pieces. */
static GArray *
pieces_of (const char *p,
           const char *end)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (Piece));

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *q = g_utf8_next_char (p);
      Piece piece = { p, 0, FALSE };

      if (c == ' ' || c == '\t')
        piece.space = TRUE;
      else if (is_word_char (c))
        {
          /* letters and digits, joined by - . / _ : when a letter or digit follows */
          while (q < end)
            {
              gunichar d = g_utf8_get_char (q);

              if (is_word_char (d))
                q = g_utf8_next_char (q);
              else if (is_joiner (d) && g_utf8_next_char (q) < end
                       && is_word_char (g_utf8_get_char (g_utf8_next_char (q))))
                q = g_utf8_next_char (q);
              else
                break;
            }
        }
      piece.len = (gsize) (q - p);
      g_array_append_val (pieces, piece);
      p = q;
    }

  /* Closing punctuation to the piece before; opening punctuation to the piece after. */
  for (guint i = 1; i < pieces->len; i++)
    {
      Piece *prev = &g_array_index (pieces, Piece, i - 1);
      Piece *cur = &g_array_index (pieces, Piece, i);
      gunichar first = g_utf8_get_char (cur->start);
      gunichar last_prev = g_utf8_get_char (g_utf8_prev_char (prev->start + prev->len));

      if (!prev->space && !cur->space
          && (zicha_line_break_no_start (first) || zicha_line_break_no_end (last_prev)))
        {
          prev->len += cur->len;
          g_array_remove_index (pieces, i);
          i--;
        }
    }
  return pieces;
}

/* Cuts @piece, wider than @width, between characters into lines of at most @width. */
static void
cut_piece (GPtrArray        *lines,
           GString          *line,
           const Piece      *piece,
           double            width,
           ZichaMeasureFunc  measure,
           gpointer          user_data)
{
  const char *p = piece->start;
  const char *end = piece->start + piece->len;

  while (p < end)
    {
      const char *q = g_utf8_next_char (p);
      double w;

      g_string_append_len (line, p, q - p);
      w = measure (line->str, line->len, user_data);
      if (w > width && g_utf8_strlen (line->str, -1) > 1)
        {
          g_string_truncate (line, line->len - (gsize) (q - p));
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          continue;
        }
      p = q;
    }
}

static void
break_paragraph (GPtrArray        *lines,
                 const char       *p,
                 const char       *end,
                 double            width,
                 ZichaMeasureFunc  measure,
                 gpointer          user_data)
{
  g_autoptr(GArray) pieces = pieces_of (p, end);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      gsize before = line->len;

      if (piece->space && line->len == 0)
        continue;   /* no line starts with a space */
      g_string_append_len (line, piece->start, (gssize) piece->len);
      if (measure (line->str, line->len, user_data) <= width)
        continue;

      /* it does not fit: the line ends before it (without its trailing spaces) */
      g_string_truncate (line, before);
      while (line->len > 0 && (line->str[line->len - 1] == ' ' || line->str[line->len - 1] == '\t'))
        g_string_truncate (line, line->len - 1);
      if (line->len > 0)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
        }
      if (piece->space)
        continue;
      g_string_append_len (line, piece->start, (gssize) piece->len);
      if (measure (line->str, line->len, user_data) > width)
        {
          g_string_truncate (line, 0);
          cut_piece (lines, line, piece, width, measure, user_data);
        }
    }
  while (line->len > 0 && (line->str[line->len - 1] == ' ' || line->str[line->len - 1] == '\t'))
    g_string_truncate (line, line->len - 1);
  if (line->len > 0 || lines->len == 0)
    g_ptr_array_add (lines, g_strdup (line->str));
}

char **
zicha_line_break (const char       *text,
                  double            width,
                  ZichaMeasureFunc  measure,
                  gpointer          user_data)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *p = text != NULL ? text : "";

  g_return_val_if_fail (measure != NULL, NULL);

  for (;;)
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl != NULL ? nl : p + strlen (p);
      guint before = lines->len;

      if (end > p)
        break_paragraph (lines, p, end, width, measure, user_data);
      if (lines->len == before)
        g_ptr_array_add (lines, g_strdup (""));
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}
