/* zicha-demo-dates.c — civil-calendar arithmetic of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are days since 1970-01-01 (H. Hinnant's civil calendar algorithms), with months added
 * as DOMAIN.md section 4 says (clamped to the month's end) and the deadline of REPORTED_LATE.
 *
 * The rule engine has its own calendar arithmetic (zicha-rules.c). The demo keeps this copy on
 * purpose: it is an independent oracle of the rule engine, so the manifest of planted hits must
 * not share code with what it checks.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include "zicha-demo-private.h"

gint32
demo_days_from_civil (gint y,
                      gint m,
                      gint d)
{
  gint era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void
demo_civil_from_days (gint32  z,
                      gint   *y,
                      gint   *m,
                      gint   *d)
{
  gint era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

static gint
days_in_month (gint y,
               gint m)
{
  static const gint dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return dim[m - 1];
}

/* Calendar arithmetic clamped to the month's end (DOMAIN.md section 4). */
gint32
demo_add_months (gint32 day,
                 gint   months)
{
  gint y, m, d, mi;

  demo_civil_from_days (day, &y, &m, &d);
  mi = y * 12 + (m - 1) + months;
  y = mi / 12;
  m = mi % 12 + 1;
  d = MIN (d, days_in_month (y, m));
  return demo_days_from_civil (y, m, d);
}

gint
demo_year_of (gint32 day)
{
  gint y, m, d;

  demo_civil_from_days (day, &y, &m, &d);
  return y;
}

/* REPORTED_LATE: the 10th of the month after @issued. */
gint32
demo_report_deadline (gint32 issued)
{
  gint y, m, d;

  demo_civil_from_days (issued, &y, &m, &d);
  m++;
  if (m > 12)
    {
      m = 1;
      y++;
    }
  return demo_days_from_civil (y, m, 10);
}
