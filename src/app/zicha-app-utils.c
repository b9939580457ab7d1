/* zicha-app-utils.c — formatting helpers of the app's pages and dialogs
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers, dates and times as the app shows them, written once for every page and dialog:
 * counts with the locale's thousands separators, stored times to the minute, dates as
 * YYYY-MM-DD. */
#define G_LOG_DOMAIN "zicha-app-utils"

#include "config.h"

#include <string.h>

#include "zicha-app-utils-private.h"

char *
_zicha_app_format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

char *
_zicha_app_format_time (const char *stored)
{
  if (stored == NULL)
    return g_strdup ("");
  if (strlen (stored) == strlen ("YYYY-MM-DD HH:MM:SS"))
    return g_strndup (stored, strlen ("YYYY-MM-DD HH:MM"));
  return g_strdup (stored);
}

char *
_zicha_app_format_date (const GDate *date)
{
  char buf[16];

  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}
