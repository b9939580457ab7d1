/* zicha-day.h — days as numbers, calendar arithmetic and "now"
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day is the number of days since 1970-01-01 (proleptic Gregorian), so that periods and
 * distances are integer arithmetic; dates travel as YYYY-MM-DD text. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* YYYY-MM-DD → day number; G_MININT when @date is not a valid date. */
gint      zicha_day_from_string      (const char  *date);
void      zicha_day_to_string        (gint         day,
                                      char         out[11]);
gint      zicha_day_from_ymd         (gint         y,
                                      gint         m,
                                      gint         d);
void      zicha_day_to_ymd           (gint         day,
                                      gint        *y,
                                      gint        *m,
                                      gint        *d);
gint      zicha_days_in_month        (gint         y,
                                      gint         m);

/* "+N months" of DOMAIN.md: calendar arithmetic clamping to the month's end
 * (2024-01-31 + 1 = 2024-02-29). @date is YYYY-MM-DD; NULL when it is not a valid date. */
char     *zicha_date_add_months      (const char  *date,
                                      gint         months);
/* The same into @out; FALSE when @date is not a date. */
gboolean  zicha_date_add_months_buf  (const char  *date,
                                      gint         months,
                                      char         out[11]);
char     *zicha_date_add_days        (const char  *date,
                                      gint         days);

/* The local time now as "YYYY-MM-DD HH:MM:SS" (what the database stores for "when"). */
char     *zicha_now_text             (void);
/* The same into @out. */
void      zicha_now                  (char         out[20]);
/* Today's local date as YYYY-MM-DD. */
void      zicha_today                (char         out[11]);

G_END_DECLS
