/* zicha-csv-writer.c — CSV fields for machines and for spreadsheets
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-csv"

#include "config.h"

#include <string.h>

#include "zicha-csv-writer.h"

void
zicha_csv_append_field (GString         *out,
                        const char      *text,
                        ZichaCsvFlavour  flavour)
{
  gboolean guard;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  guard = flavour == ZICHA_CSV_SPREADSHEET && text[0] != '\0'
          && strchr ("=+-@\t\r", text[0]) != NULL;
  if (!guard && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
