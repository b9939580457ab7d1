/* zicha-day.c — days as numbers, calendar arithmetic and "now"
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules compare dates by the million; day numbers make that integer arithmetic. (The demo
 * generator keeps its own copy of the calendar on purpose: it is the rules' independent
 * oracle.)
 */
#define G_LOG_DOMAIN "zicha-day"

#include "config.h"

#include <string.h>

#include "zicha-day.h"

/* Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static gint
days_from_civil (gint y, gint m, gint d)
{
  gint era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint z, gint *y, gint *m, gint *d)
{
  gint era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  *y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y += *m <= 2;
}

static gint
days_in_month (gint y, gint m)
{
  static const gint dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

  return m == 2 && leap ? 29 : dim[m - 1];
}

static gboolean
parse_date (const char *s, gint *y, gint *m, gint *d)
{
  gint i;

  if (s == NULL || strlen (s) < 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  *m = (s[5] - '0') * 10 + (s[6] - '0');
  *d = (s[8] - '0') * 10 + (s[9] - '0');
  return *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in_month (*y, *m);
}

gint
zicha_day_from_string (const char *date)
{
  gint y, m, d;

  if (!parse_date (date, &y, &m, &d))
    return G_MININT;
  return days_from_civil (y, m, d);
}

void
zicha_day_to_string (gint day, char out[11])
{
  gint y, m, d;

  civil_from_days (day, &y, &m, &d);
  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
}

gint
zicha_day_from_ymd (gint y, gint m, gint d)
{
  return days_from_civil (y, m, d);
}

void
zicha_day_to_ymd (gint day, gint *y, gint *m, gint *d)
{
  civil_from_days (day, y, m, d);
}

gint
zicha_days_in_month (gint y, gint m)
{
  return days_in_month (y, m);
}

gboolean
zicha_date_add_months_buf (const char *date,
                            gint        months,
                            char        out[11])
{
  gint y, m, d, total;

  if (!parse_date (date, &y, &m, &d))
    return FALSE;
  total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  d = MIN (d, days_in_month (y, m));
  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
  return TRUE;
}

char *
zicha_date_add_months (const char *date,
                       gint        months)
{
  char buf[11];

  if (!zicha_date_add_months_buf (date, months, buf))
    return NULL;
  return g_strdup (buf);
}

char *
zicha_date_add_days (const char *date,
                     gint        days)
{
  char buf[11];
  gint day = zicha_day_from_string (date);

  if (day == G_MININT)
    return NULL;
  zicha_day_to_string (day + days, buf);
  return g_strdup (buf);
}

char *
zicha_now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

void
zicha_now (char out[20])
{
  g_autofree char *text = zicha_now_text ();

  g_strlcpy (out, text, 20);
}

void
zicha_today (char out[11])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (now),
              g_date_time_get_month (now), g_date_time_get_day_of_month (now));
}
