/* zicha-pdf.h — a 公文 as GB/T 9704-2012 lays it out, written with libharu (core-internal)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report and the 整改通知书 are official documents (公文) sent to the regulator and to
 * certified organizations, so their PDF follows GB/T 9704-2012: A4; margins top 37 mm, bottom
 * 35 mm, left (binding) 28 mm, right 26 mm; a body grid of 22 lines of 28 characters in 3号
 * (16 pt); the title in 2号 (22 pt) in the heaviest CJK face (WQY Zen Hei stands in for
 * 小标宋); 一、 headings in Hei, （一） headings in Kai (AR PL UKai); the body in Song/Ming
 * (AR PL UMing) or in a FangSong font file the user chose; page numbers "— 1 —" in 4号 (14 pt),
 * odd pages right, even pages left; the date set four characters in from the right with the
 * body's name above it and a seal box pressing on both; the colophon (版记) at the foot of the
 * last page. Only fonts that libharu 2.3 embeds correctly are used (PLATFORM.md), each
 * embedded. Lines are broken by zicha-line-break.c.
 *
 * This file and zicha-pdf*.c are the only ones that include <hpdf.h>. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ZichaPdf ZichaPdf;

typedef struct
{
  const char *title;           /* the document's title (metadata) */
  const char *author;          /* the body's name (metadata) */
  const char *fangsong_path;   /* a TrueType FangSong file for the body text, or NULL */
  GDateTime  *created;         /* creation date (metadata); NULL: now */
} ZichaPdfOptions;

/* ZICHA_ERROR_FAILED with a translated message when a font cannot be loaded. */
ZichaPdf  *zicha_pdf_new              (const ZichaPdfOptions *options,
                                       GError               **error);
void       zicha_pdf_free             (ZichaPdf              *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaPdf, zicha_pdf_free)

/* The 版头 of a document to a superior (上行文): the issuer's mark in red, centered; then the
 * document number (发文字号) one character in from the left and "签发人：NAME" one character
 * in from the right on the same line; then the red separator line. Starts the first page. */
void       zicha_pdf_header           (ZichaPdf   *self,
                                       const char *issuer_mark,
                                       const char *number,
                                       const char *signer);
/* The title: 2号, centered, broken over lines as needed, a blank line after. */
void       zicha_pdf_title            (ZichaPdf   *self,
                                       const char *text);
/* 主送机关: flush left, with a full-width colon. */
void       zicha_pdf_addressee        (ZichaPdf   *self,
                                       const char *text);
/* 一、 heading (Hei) and （一） heading (Kai), indented two characters as body text. */
void       zicha_pdf_heading1         (ZichaPdf   *self,
                                       const char *text);
void       zicha_pdf_heading2         (ZichaPdf   *self,
                                       const char *text);
/* A paragraph of body text, its first line indented two characters; '\n' starts a new
 * paragraph. */
void       zicha_pdf_paragraph        (ZichaPdf   *self,
                                       const char *text);
/* A blank body line. */
void       zicha_pdf_blank_line       (ZichaPdf   *self);
/* A table across the text width: @n_columns titles and relative widths, rows of cells
 * (row-major, n_rows × n_columns strings). Cells wrap; the header row repeats on every page
 * the table runs over. Set in 小四 (12 pt). */
void       zicha_pdf_table            (ZichaPdf           *self,
                                       guint               n_columns,
                                       const char * const *titles,
                                       const double       *widths,
                                       guint               n_rows,
                                       const char * const *cells);
/* A bar chart: @n bars of @values labelled @labels, @title above, @height_mm tall. */
void       zicha_pdf_bar_chart        (ZichaPdf           *self,
                                       const char         *title,
                                       guint               n,
                                       const char * const *labels,
                                       const gint64       *values,
                                       double              height_mm);
/* The signature block: the issuer's name and the date (成文日期, "2026年12月6日"), the
 * date four characters in from the right and the name centered above it, with a seal box
 * (印章) pressing on both. */
void       zicha_pdf_signature        (ZichaPdf   *self,
                                       const char *issuer,
                                       const char *date);
/* Starts a new page (for an annex: "附件1" then its title follow). */
void       zicha_pdf_new_page         (ZichaPdf   *self);
/* The colophon (版记) at the foot of the current page: copies to (抄送), and the printing
 * office with the printing date, between thin lines. */
void       zicha_pdf_colophon         (ZichaPdf   *self,
                                       const char *copies_to,
                                       const char *printer,
                                       const char *print_date);
guint      zicha_pdf_get_n_pages      (ZichaPdf   *self);

/* The document; @self cannot be written to afterwards. */
GBytes    *zicha_pdf_finish           (ZichaPdf   *self,
                                       GError    **error);

G_END_DECLS
