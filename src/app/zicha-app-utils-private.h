/* zicha-app-utils-private.h — formatting helpers of the app's pages and dialogs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @n with the locale's thousands separators ("1,234"). */
char *_zicha_app_format_count (gint64       n);
/* A time as the database stores it, 'YYYY-MM-DD HH:MM:SS', without the seconds; any other
 * text as it is, "" for NULL. */
char *_zicha_app_format_time  (const char  *stored);
/* @date as YYYY-MM-DD. */
char *_zicha_app_format_date  (const GDate *date);

G_END_DECLS
