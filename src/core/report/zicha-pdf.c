/* zicha-pdf.c — a 公文 as GB/T 9704-2012 lays it out, written with libharu
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions are in points from the page's bottom left, as in PDF. The layout keeps one
 * cursor, the top of the free space on the current page; body lines take slots of the grid's
 * pitch (22 lines in the 225 mm of the text area), tables and charts take what they need, and
 * whatever does not fit below the cursor goes to a new page, which gets its page number at
 * once. The body font is set with a character spacing that makes 28 full-width characters
 * fill the 156 mm line exactly.
 */
#define G_LOG_DOMAIN "zicha-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <hpdf.h>

#include "zicha-error.h"
#include "zicha-line-break.h"
#include "zicha-pdf.h"

#define MM(x)           ((x) * 72.0 / 25.4)
#define PAGE_W          MM (210.0)
#define PAGE_H          MM (297.0)
#define MARGIN_TOP      MM (37.0)
#define MARGIN_BOTTOM   MM (35.0)
#define MARGIN_LEFT     MM (28.0)
#define MARGIN_RIGHT    MM (26.0)
#define TEXT_W          (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)
#define TEXT_H          (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM)
#define TEXT_TOP        (PAGE_H - MARGIN_TOP)
#define TEXT_BOTTOM     MARGIN_BOTTOM
#define GRID_LINES      22
#define GRID_CHARS      28
#define PITCH           (TEXT_H / GRID_LINES)
#define SIZE_TITLE      22.0   /* 2号 */
#define SIZE_BODY       16.0   /* 3号 */
#define SIZE_PAGE_NO    14.0   /* 4号 */
#define SIZE_TABLE      12.0   /* 小四 */
#define CHAR_W          (TEXT_W / GRID_CHARS)

#define FONT_HEI        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define FONT_KAI        "/usr/share/fonts/truetype/arphic/ukai.ttc"
#define FONT_SONG       "/usr/share/fonts/truetype/arphic/uming.ttc"

struct _ZichaPdf
{
  HPDF_Doc   doc;
  HPDF_Page  page;
  guint      n_pages;
  HPDF_Font  hei;
  HPDF_Font  kai;
  HPDF_Font  song;
  HPDF_Font  body;       /* song, or the FangSong the user chose */
  double     cursor;     /* top of the free space on the current page */
  char      *error;      /* the first error libharu reported */
};

typedef struct
{
  HPDF_Font font;
  double    size;
  double    char_space;
} Style;

static void
on_hpdf_error (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  ZichaPdf *self = user_data;

  if (self->error == NULL)
    self->error = g_strdup_printf ("libharu error 0x%04X (detail %u)", (guint) error_no,
                                   (guint) detail_no);
  g_debug ("libharu error 0x%04X (detail %u)", (guint) error_no, (guint) detail_no);
}

static HPDF_Font
load_font (ZichaPdf    *self,
           const char  *path,
           guint        index,
           GError     **error)
{
  const char *name;
  HPDF_Font font;

  if (g_str_has_suffix (path, ".ttc") || g_str_has_suffix (path, ".TTC"))
    name = HPDF_LoadTTFontFromFile2 (self->doc, path, index, HPDF_TRUE);
  else
    name = HPDF_LoadTTFontFromFile (self->doc, path, HPDF_TRUE);
  font = name != NULL ? HPDF_GetFont (self->doc, name, "UTF-8") : NULL;
  if (font == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s is a font file */
                   _("Could not load the font %s for the report: install it (Debian packages "
                     "fonts-wqy-zenhei, fonts-arphic-ukai, fonts-arphic-uming) or choose "
                     "another one in Preferences"), display);
      return NULL;
    }
  return font;
}

/* Measuring ------------------------------------------------------------------------------- */

static double
text_width (const Style *style,
            const char  *text,
            gsize        len)
{
  g_autofree char *copy = g_strndup (text, len);
  HPDF_TextWidth tw = HPDF_Font_TextWidth (style->font, (const HPDF_BYTE *) copy, (guint) len);
  glong n = g_utf8_strlen (copy, -1);

  return tw.width * style->size / 1000.0 + (double) n * style->char_space;
}

static double
measure_cb (const char *text,
            gsize       len,
            gpointer    data)
{
  return text_width (data, text, len);
}

static Style
body_style (ZichaPdf  *self,
            HPDF_Font  font)
{
  /* full-width characters at the grid's pitch: 28 to a line */
  Style style = { font, SIZE_BODY, CHAR_W - SIZE_BODY };

  return style;
}

static Style
plain_style (HPDF_Font font,
             double    size)
{
  Style style = { font, size, 0 };

  return style;
}

/* Pages ------------------------------------------------------------------------------------ */

static void
draw_text (ZichaPdf    *self,
           const Style *style,
           double       x,
           double       baseline,
           const char  *text)
{
  if (*text == '\0')
    return;
  HPDF_Page_BeginText (self->page);
  HPDF_Page_SetFontAndSize (self->page, style->font, (HPDF_REAL) style->size);
  HPDF_Page_SetCharSpace (self->page, (HPDF_REAL) style->char_space);
  HPDF_Page_TextOut (self->page, (HPDF_REAL) x, (HPDF_REAL) baseline, text);
  HPDF_Page_EndText (self->page);
}

static void
draw_page_number (ZichaPdf *self)
{
  Style style = plain_style (self->song, SIZE_PAGE_NO);
  g_autofree char *text = g_strdup_printf ("— %u —", self->n_pages);
  double w = text_width (&style, text, strlen (text));
  /* the rule's top 7 mm below the text area; one character in from the outer side */
  double baseline = TEXT_BOTTOM - MM (7.0) - SIZE_PAGE_NO * 0.8;
  double x = self->n_pages % 2 == 1 ? PAGE_W - MARGIN_RIGHT - SIZE_PAGE_NO - w
                                    : MARGIN_LEFT + SIZE_PAGE_NO;

  draw_text (self, &style, x, baseline, text);
}

static void
new_page (ZichaPdf *self)
{
  self->page = HPDF_AddPage (self->doc);
  HPDF_Page_SetSize (self->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  self->n_pages++;
  self->cursor = TEXT_TOP;
  draw_page_number (self);
}

/* Makes room for @height below the cursor, on a new page when the current one is full; the
 * top of that room. */
static double
take (ZichaPdf *self,
      double    height)
{
  double top;

  if (self->page == NULL || self->cursor - height < TEXT_BOTTOM - 0.01)
    new_page (self);
  top = self->cursor;
  self->cursor -= height;
  return top;
}

/* The baseline of @size text in a slot of @slot height whose top is @top. */
static double
baseline_in (double top,
             double slot,
             double size)
{
  return top - (slot - size) / 2.0 - size * 0.86;
}

/* Lines of text -------------------------------------------------------------------------------- */

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTER,
  ALIGN_RIGHT,
} Align;

/* Sets @text in grid lines of @style, the first indented by @first_indent, the others by
 * @indent, within @width. */
static void
set_lines (ZichaPdf    *self,
           const Style *style,
           const char  *text,
           double       first_indent,
           double       indent,
           Align        align)
{
  g_auto(GStrv) lines = NULL;
  double slot = MAX (PITCH, style->size * 1.3);

  /* the first line is shorter by its indent: break once for it, then for the rest */
  lines = zicha_line_break (text, TEXT_W - first_indent, measure_cb, (gpointer) style);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double x0 = MARGIN_LEFT + (i == 0 ? first_indent : indent);
      double avail = TEXT_W - (i == 0 ? first_indent : indent);
      double top;

      if (i == 1 && indent != first_indent)
        {
          /* the rest again, at the full width */
          g_autoptr(GString) rest = g_string_new (NULL);

          for (guint j = 1; lines[j] != NULL; j++)
            g_string_append (rest, lines[j]);
          set_lines (self, style, rest->str, indent, indent, align);
          return;
        }
      top = take (self, slot);
      if (align == ALIGN_CENTER)
        x0 += (avail - text_width (style, lines[i], strlen (lines[i]))) / 2.0;
      else if (align == ALIGN_RIGHT)
        x0 += avail - text_width (style, lines[i], strlen (lines[i]));
      draw_text (self, style, x0, baseline_in (top, slot, style->size), lines[i]);
    }
}

/* Public API ----------------------------------------------------------------------------------- */

ZichaPdf *
zicha_pdf_new (const ZichaPdfOptions  *options,
               GError                **error)
{
  g_autoptr(ZichaPdf) self = g_new0 (ZichaPdf, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *created = options != NULL && options->created != NULL ? options->created : now;
  HPDF_Date date = { 0 };

  self->doc = HPDF_New (on_hpdf_error, self);
  if (self->doc == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                           _("Could not start the PDF document"));
      return NULL;
    }
  HPDF_SetCompressionMode (self->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (self->doc);
  HPDF_SetCurrentEncoder (self->doc, "UTF-8");

  /* index 0 of each collection is its simplified-Chinese face (CN) */
  self->hei = load_font (self, FONT_HEI, 0, error);
  if (self->hei == NULL)
    return NULL;
  self->kai = load_font (self, FONT_KAI, 0, error);
  if (self->kai == NULL)
    return NULL;
  self->song = load_font (self, FONT_SONG, 0, error);
  if (self->song == NULL)
    return NULL;
  self->body = self->song;
  if (options != NULL && options->fangsong_path != NULL && *options->fangsong_path != '\0')
    {
      self->body = load_font (self, options->fangsong_path, 0, error);
      if (self->body == NULL)
        return NULL;
    }

  if (options != NULL && options->title != NULL)
    HPDF_SetInfoAttr (self->doc, HPDF_INFO_TITLE, options->title);
  if (options != NULL && options->author != NULL)
    HPDF_SetInfoAttr (self->doc, HPDF_INFO_AUTHOR, options->author);
  HPDF_SetInfoAttr (self->doc, HPDF_INFO_CREATOR, "Zicha " PACKAGE_VERSION);
  date.year = g_date_time_get_year (created);
  date.month = g_date_time_get_month (created);
  date.day = g_date_time_get_day_of_month (created);
  date.hour = g_date_time_get_hour (created);
  date.minutes = g_date_time_get_minute (created);
  date.seconds = g_date_time_get_second (created);
  {
    gint64 offset = g_date_time_get_utc_offset (created) / G_TIME_SPAN_MINUTE;

    date.ind = offset > 0 ? '+' : offset < 0 ? '-' : 'Z';
    date.off_hour = (HPDF_INT) (ABS (offset) / 60);
    date.off_minutes = (HPDF_INT) (ABS (offset) % 60);
  }
  HPDF_SetInfoDateAttr (self->doc, HPDF_INFO_CREATION_DATE, date);
  return g_steal_pointer (&self);
}

void
zicha_pdf_free (ZichaPdf *self)
{
  if (self == NULL)
    return;
  if (self->doc != NULL)
    HPDF_Free (self->doc);
  g_free (self->error);
  g_free (self);
}

guint
zicha_pdf_get_n_pages (ZichaPdf *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

void
zicha_pdf_new_page (ZichaPdf *self)
{
  g_return_if_fail (self != NULL);
  new_page (self);
}

void
zicha_pdf_blank_line (ZichaPdf *self)
{
  g_return_if_fail (self != NULL);
  take (self, PITCH);
}

void
zicha_pdf_header (ZichaPdf   *self,
                  const char *issuer_mark,
                  const char *number,
                  const char *signer)
{
  Style mark = plain_style (self->hei, 26.0);
  Style body = body_style (self, self->body);
  Style name = body_style (self, self->kai);
  g_autofree char *signer_label = g_strdup (_("Signed by: "));
  double top, baseline, line_y;

  g_return_if_fail (self != NULL);

  if (self->page == NULL)
    new_page (self);
  /* the issuer's mark, red, centered */
  HPDF_Page_SetRGBFill (self->page, 0.85f, 0.0f, 0.0f);
  set_lines (self, &mark, issuer_mark != NULL ? issuer_mark : "", 0, 0, ALIGN_CENTER);
  HPDF_Page_SetRGBFill (self->page, 0.0f, 0.0f, 0.0f);
  take (self, PITCH);

  /* 发文字号 one character in from the left, 签发人 one character in from the right */
  top = take (self, PITCH);
  baseline = baseline_in (top, PITCH, SIZE_BODY);
  if (number != NULL)
    draw_text (self, &body, MARGIN_LEFT + CHAR_W, baseline, number);
  if (signer != NULL)
    {
      double w_name = text_width (&name, signer, strlen (signer));
      double w_label = text_width (&body, signer_label, strlen (signer_label));
      double x = PAGE_W - MARGIN_RIGHT - CHAR_W - w_name;

      draw_text (self, &name, x, baseline, signer);
      draw_text (self, &body, x - w_label, baseline, signer_label);
    }

  /* the red separator line, 4 mm below the number */
  line_y = baseline - MM (4.0);
  HPDF_Page_SetRGBStroke (self->page, 0.85f, 0.0f, 0.0f);
  HPDF_Page_SetLineWidth (self->page, 1.0f);
  HPDF_Page_MoveTo (self->page, (HPDF_REAL) MARGIN_LEFT, (HPDF_REAL) line_y);
  HPDF_Page_LineTo (self->page, (HPDF_REAL) (PAGE_W - MARGIN_RIGHT), (HPDF_REAL) line_y);
  HPDF_Page_Stroke (self->page);
  HPDF_Page_SetRGBStroke (self->page, 0.0f, 0.0f, 0.0f);
  take (self, PITCH);
}

void
zicha_pdf_title (ZichaPdf   *self,
                 const char *text)
{
  Style style = plain_style (self->hei, SIZE_TITLE);

  g_return_if_fail (self != NULL);
  set_lines (self, &style, text, 0, 0, ALIGN_CENTER);
  take (self, PITCH);
}

void
zicha_pdf_addressee (ZichaPdf   *self,
                     const char *text)
{
  Style style = body_style (self, self->body);
  g_autofree char *line = g_strconcat (text, "：", NULL);

  g_return_if_fail (self != NULL);
  set_lines (self, &style, line, 0, 0, ALIGN_LEFT);
}

void
zicha_pdf_heading1 (ZichaPdf   *self,
                    const char *text)
{
  Style style = body_style (self, self->hei);

  g_return_if_fail (self != NULL);
  set_lines (self, &style, text, 2 * CHAR_W, 0, ALIGN_LEFT);
}

void
zicha_pdf_heading2 (ZichaPdf   *self,
                    const char *text)
{
  Style style = body_style (self, self->kai);

  g_return_if_fail (self != NULL);
  set_lines (self, &style, text, 2 * CHAR_W, 0, ALIGN_LEFT);
}

void
zicha_pdf_paragraph (ZichaPdf   *self,
                     const char *text)
{
  Style style = body_style (self, self->body);
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);

  g_return_if_fail (self != NULL);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      set_lines (self, &style, paragraphs[i], 2 * CHAR_W, 0, ALIGN_LEFT);
    }
}

/* Tables ----------------------------------------------------------------------------------- */

#define CELL_PAD    3.0
#define TABLE_LH    (SIZE_TABLE * 1.45)

/* The lines of each cell of a row, and the row's height. */
static double
wrap_row (const Style         *style,
          guint                n_columns,
          const double        *col_w,
          const char * const  *cells,
          GStrv               *out_lines)
{
  guint max_lines = 1;

  for (guint c = 0; c < n_columns; c++)
    {
      out_lines[c] = zicha_line_break (cells[c] != NULL ? cells[c] : "", col_w[c] - 2 * CELL_PAD,
                                       measure_cb, (gpointer) style);
      max_lines = MAX (max_lines, g_strv_length (out_lines[c]));
    }
  return max_lines * TABLE_LH + 2 * CELL_PAD;
}

static void
draw_row (ZichaPdf     *self,
          const Style  *style,
          guint         n_columns,
          const double *col_w,
          GStrv        *lines,
          double        top,
          double        height,
          gboolean      header)
{
  double x = MARGIN_LEFT;

  if (header)
    {
      HPDF_Page_SetRGBFill (self->page, 0.92f, 0.92f, 0.92f);
      HPDF_Page_Rectangle (self->page, (HPDF_REAL) MARGIN_LEFT, (HPDF_REAL) (top - height),
                           (HPDF_REAL) TEXT_W, (HPDF_REAL) height);
      HPDF_Page_Fill (self->page);
      HPDF_Page_SetRGBFill (self->page, 0.0f, 0.0f, 0.0f);
    }
  HPDF_Page_SetLineWidth (self->page, 0.5f);
  for (guint c = 0; c < n_columns; c++)
    {
      HPDF_Page_Rectangle (self->page, (HPDF_REAL) x, (HPDF_REAL) (top - height),
                           (HPDF_REAL) col_w[c], (HPDF_REAL) height);
      HPDF_Page_Stroke (self->page);
      for (guint l = 0; lines[c][l] != NULL; l++)
        draw_text (self, style, x + CELL_PAD,
                   baseline_in (top - CELL_PAD - l * TABLE_LH, TABLE_LH, SIZE_TABLE),
                   lines[c][l]);
      x += col_w[c];
    }
}

void
zicha_pdf_table (ZichaPdf           *self,
                 guint               n_columns,
                 const char * const *titles,
                 const double       *widths,
                 guint               n_rows,
                 const char * const *cells)
{
  Style head_style = plain_style (self->hei, SIZE_TABLE);
  Style cell_style = plain_style (self->song, SIZE_TABLE);
  g_autofree double *col_w = g_new0 (double, n_columns);
  g_autofree GStrv *head_lines = g_new0 (GStrv, n_columns);
  double total = 0, head_h;

  g_return_if_fail (self != NULL && n_columns > 0);

  for (guint c = 0; c < n_columns; c++)
    total += widths != NULL ? widths[c] : 1.0;
  for (guint c = 0; c < n_columns; c++)
    col_w[c] = TEXT_W * (widths != NULL ? widths[c] : 1.0) / total;
  head_h = wrap_row (&head_style, n_columns, col_w, titles, head_lines);

  /* the header, with at least the first row below it */
  {
    g_autofree GStrv *first = g_new0 (GStrv, n_columns);
    double first_h = n_rows > 0 ? wrap_row (&cell_style, n_columns, col_w, cells, first) : 0;
    double top;

    for (guint c = 0; c < n_columns && n_rows > 0; c++)
      g_strfreev (first[c]);
    if (self->page == NULL || self->cursor - head_h - first_h < TEXT_BOTTOM)
      new_page (self);
    top = take (self, head_h);
    draw_row (self, &head_style, n_columns, col_w, head_lines, top, head_h, TRUE);
  }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree GStrv *lines = g_new0 (GStrv, n_columns);
      double h = wrap_row (&cell_style, n_columns, col_w, cells + (gsize) r * n_columns, lines);
      double top;

      if (self->cursor - h < TEXT_BOTTOM)
        {
          /* a new page, and the header again */
          new_page (self);
          top = take (self, head_h);
          draw_row (self, &head_style, n_columns, col_w, head_lines, top, head_h, TRUE);
        }
      top = take (self, h);
      draw_row (self, &cell_style, n_columns, col_w, lines, top, h, FALSE);
      for (guint c = 0; c < n_columns; c++)
        g_strfreev (lines[c]);
    }
  for (guint c = 0; c < n_columns; c++)
    g_strfreev (head_lines[c]);
  /* a little air below */
  take (self, MIN (PITCH / 2, self->cursor - TEXT_BOTTOM));
}

/* Charts ----------------------------------------------------------------------------------- */

void
zicha_pdf_bar_chart (ZichaPdf           *self,
                     const char         *title,
                     guint               n,
                     const char * const *labels,
                     const gint64       *values,
                     double              height_mm)
{
  Style title_style = plain_style (self->hei, SIZE_TABLE + 2);
  Style label_style = plain_style (self->song, SIZE_TABLE);
  double chart_h = MM (height_mm);
  double label_h = SIZE_TABLE * 1.6;
  double top, base, slot;
  gint64 max = 1;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < n; i++)
    max = MAX (max, values[i]);
  if (title != NULL)
    set_lines (self, &title_style, title, 0, 0, ALIGN_CENTER);
  top = take (self, chart_h + 2 * label_h);
  base = top - label_h - chart_h;
  slot = TEXT_W / MAX (n, 1);

  HPDF_Page_SetLineWidth (self->page, 0.8f);
  HPDF_Page_MoveTo (self->page, (HPDF_REAL) MARGIN_LEFT, (HPDF_REAL) base);
  HPDF_Page_LineTo (self->page, (HPDF_REAL) (MARGIN_LEFT + TEXT_W), (HPDF_REAL) base);
  HPDF_Page_Stroke (self->page);
  for (guint i = 0; i < n; i++)
    {
      double bar_w = slot * 0.5;
      double x = MARGIN_LEFT + slot * i + (slot - bar_w) / 2;
      double h = chart_h * (double) values[i] / (double) max;
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, values[i]);
      double vw = text_width (&label_style, value, strlen (value));
      double lw = text_width (&label_style, labels[i], strlen (labels[i]));

      HPDF_Page_SetRGBFill (self->page, 0.20f, 0.40f, 0.65f);
      HPDF_Page_Rectangle (self->page, (HPDF_REAL) x, (HPDF_REAL) base, (HPDF_REAL) bar_w,
                           (HPDF_REAL) h);
      HPDF_Page_Fill (self->page);
      HPDF_Page_SetRGBFill (self->page, 0.0f, 0.0f, 0.0f);
      draw_text (self, &label_style, x + (bar_w - vw) / 2, base + h + 3, value);
      draw_text (self, &label_style, MARGIN_LEFT + slot * i + (slot - lw) / 2,
                 base - SIZE_TABLE - 2, labels[i]);
    }
}

/* Signature, seal and colophon --------------------------------------------------------------- */

void
zicha_pdf_signature (ZichaPdf   *self,
                     const char *issuer,
                     const char *date)
{
  Style body = body_style (self, self->body);
  Style seal_style = plain_style (self->song, 10.5);
  double date_w = text_width (&body, date, strlen (date));
  double issuer_w = text_width (&body, issuer, strlen (issuer));
  /* the date four characters in from the right; the name centered over it */
  double date_x = PAGE_W - MARGIN_RIGHT - 4 * CHAR_W - date_w;
  double center = date_x + date_w / 2;
  double issuer_x = center - issuer_w / 2;
  double top_name, top_date, seal_y;
  const char *seal_text = _("(Seal)");
  double seal_w = text_width (&seal_style, seal_text, strlen (seal_text));

  g_return_if_fail (self != NULL);

  /* the block stays together: two blank lines, the name and the date on one page */
  if (self->page == NULL || self->cursor - 4 * PITCH < TEXT_BOTTOM)
    new_page (self);
  take (self, 2 * PITCH);
  top_name = take (self, PITCH);
  top_date = take (self, PITCH);
  draw_text (self, &body, MAX (issuer_x, MARGIN_LEFT), baseline_in (top_name, PITCH, SIZE_BODY),
             issuer);
  draw_text (self, &body, date_x, baseline_in (top_date, PITCH, SIZE_BODY), date);

  /* the seal (印章): a red circle of 42 mm pressing on the name and the date */
  seal_y = top_name - PITCH;
  HPDF_Page_SetRGBStroke (self->page, 0.85f, 0.0f, 0.0f);
  HPDF_Page_SetRGBFill (self->page, 0.85f, 0.0f, 0.0f);
  HPDF_Page_SetLineWidth (self->page, 1.2f);
  {
    const HPDF_UINT16 dash[] = { 4, 3 };

    HPDF_Page_SetDash (self->page, dash, 2, 0);
  }
  HPDF_Page_Circle (self->page, (HPDF_REAL) center, (HPDF_REAL) seal_y, (HPDF_REAL) MM (21.0));
  HPDF_Page_Stroke (self->page);
  HPDF_Page_SetDash (self->page, NULL, 0, 0);
  draw_text (self, &seal_style, center - seal_w / 2, seal_y + MM (21.0) - 16, seal_text);
  HPDF_Page_SetRGBStroke (self->page, 0.0f, 0.0f, 0.0f);
  HPDF_Page_SetRGBFill (self->page, 0.0f, 0.0f, 0.0f);
}

void
zicha_pdf_colophon (ZichaPdf   *self,
                    const char *copies_to,
                    const char *printer,
                    const char *print_date)
{
  Style style = body_style (self, self->body);
  double line_h = PITCH;
  double need = (copies_to != NULL ? 2 : 1) * line_h + 4;
  double y;
  g_autofree char *copies = NULL;
  g_autofree char *date = NULL;

  g_return_if_fail (self != NULL);

  style.font = self->body;
  style.size = SIZE_PAGE_NO;
  style.char_space = 0;
  if (self->page == NULL || self->cursor - need < TEXT_BOTTOM)
    new_page (self);
  /* at the foot of the page: the last line on the text area's bottom edge */
  y = TEXT_BOTTOM;
  HPDF_Page_SetLineWidth (self->page, 1.0f);    /* the first and last rules thick */
  HPDF_Page_MoveTo (self->page, (HPDF_REAL) MARGIN_LEFT, (HPDF_REAL) y);
  HPDF_Page_LineTo (self->page, (HPDF_REAL) (PAGE_W - MARGIN_RIGHT), (HPDF_REAL) y);
  HPDF_Page_Stroke (self->page);
  draw_text (self, &style, MARGIN_LEFT + SIZE_PAGE_NO, baseline_in (y + line_h, line_h,
                                                                   SIZE_PAGE_NO),
             printer != NULL ? printer : "");
  date = g_strdup_printf (_("Printed on %s"), print_date != NULL ? print_date : "");
  draw_text (self, &style,
             PAGE_W - MARGIN_RIGHT - SIZE_PAGE_NO - text_width (&style, date, strlen (date)),
             baseline_in (y + line_h, line_h, SIZE_PAGE_NO), date);
  y += line_h;
  if (copies_to != NULL)
    {
      HPDF_Page_SetLineWidth (self->page, 0.7f);
      HPDF_Page_MoveTo (self->page, (HPDF_REAL) MARGIN_LEFT, (HPDF_REAL) y);
      HPDF_Page_LineTo (self->page, (HPDF_REAL) (PAGE_W - MARGIN_RIGHT), (HPDF_REAL) y);
      HPDF_Page_Stroke (self->page);
      copies = g_strdup_printf (_("Copies to: %s."), copies_to);
      draw_text (self, &style, MARGIN_LEFT + SIZE_PAGE_NO,
                 baseline_in (y + line_h, line_h, SIZE_PAGE_NO), copies);
      y += line_h;
    }
  HPDF_Page_SetLineWidth (self->page, 1.0f);
  HPDF_Page_MoveTo (self->page, (HPDF_REAL) MARGIN_LEFT, (HPDF_REAL) y);
  HPDF_Page_LineTo (self->page, (HPDF_REAL) (PAGE_W - MARGIN_RIGHT), (HPDF_REAL) y);
  HPDF_Page_Stroke (self->page);
  self->cursor = TEXT_BOTTOM;
}

GBytes *
zicha_pdf_finish (ZichaPdf  *self,
                  GError   **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  if (self->page == NULL)
    new_page (self);
  if (self->error == NULL)
    HPDF_SaveToStream (self->doc);
  if (self->error == NULL)
    {
      HPDF_UINT32 size = HPDF_GetStreamSize (self->doc);
      HPDF_UINT32 done = 0;

      HPDF_ResetStream (self->doc);
      g_byte_array_set_size (bytes, size);
      while (done < size && self->error == NULL)
        {
          HPDF_UINT32 n = size - done;

          HPDF_ReadFromStream (self->doc, bytes->data + done, &n);
          if (n == 0)
            break;
          done += n;
        }
      g_byte_array_set_size (bytes, done);
    }
  if (self->error != NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("Could not write the PDF document (%s)"), self->error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
