/* zicha-csv-writer.h — CSV fields for machines and for spreadsheets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* Values exactly as they are (zicha-cli's --format csv, files read by other tools). */
  ZICHA_CSV_EXACT,
  /* For a file a person opens in Excel or WPS: a value that starts with =, +, -, @, a tab or a
   * carriage return gets a leading apostrophe, so that the spreadsheet shows it as text instead
   * of running it as a formula (OWASP, "CSV Injection"). */
  ZICHA_CSV_SPREADSHEET,
} ZichaCsvFlavour;

/* Appends @text (NULL: nothing) to @out as one RFC 4180 field: quoted when it holds a comma, a
 * quote or a line break, with quotes doubled. */
void     zicha_csv_append_field   (GString          *out,
                                   const char       *text,
                                   ZichaCsvFlavour   flavour);

G_END_DECLS
