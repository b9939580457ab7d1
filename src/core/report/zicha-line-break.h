/* zicha-line-break.h — Chinese line breaking for the report's PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libharu's HPDF_Page_TextRect breaks only at spaces and cannot lay out Chinese, so the report
 * breaks its own lines, with the rules Chinese typesetting follows (PLATFORM.md): a line may
 * break between any two CJK characters, but runs of Latin letters and digits, with - . / _
 * and : between them, stay together (CNCA-R-2002-117, 2021, 17.06.01); no line starts with
 * closing punctuation (，。、；：？！）》」』〕】〉…—%,.;:?!)]}) and none ends with opening
 * punctuation (（《「『〔【〈([{). Widths are measured by whole characters, through a function
 * the caller gives (the PDF's font metrics in the report; character counts in tests). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The width of the @len bytes of @text (whole UTF-8 characters) in the caller's units. */
typedef double (*ZichaMeasureFunc) (const char *text,
                                    gsize       len,
                                    gpointer    user_data);

/* Breaks @text (UTF-8) into lines no wider than @width; a '\n' ends a line (an empty line
 * stays). A piece that cannot be broken and is wider than a line is cut between characters.
 * Spaces where a line breaks are dropped. Returns the lines (a NULL-terminated array). */
char    **zicha_line_break        (const char       *text,
                                   double            width,
                                   ZichaMeasureFunc  measure,
                                   gpointer          user_data);

/* TRUE when a line must not start with @c (closing punctuation), or must not end with it. */
gboolean  zicha_line_break_no_start (gunichar c);
gboolean  zicha_line_break_no_end   (gunichar c);

G_END_DECLS
