/* zicha-rules-util.c — day arithmetic, JSON, money and scope codes for the rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers the rules and the engine share: day numbers and calendar arithmetic, the JSON
 * writer of hit details, yuan from fen and the prefixes of scope codes. Not about rules as such:
 * they will move to the shared util folder. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "zicha-rules-private.h"

/* Dates ---------------------------------------------------------------------------------- */

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
_zicha_date_add_months_buf (const char *date,
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

  if (!_zicha_date_add_months_buf (date, months, buf))
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

/* Scope codes ---------------------------------------------------------------------------- */

gboolean
zicha_scope_code_covers (const char *a,
                         const char *b)
{
  size_t la;

  if (a == NULL || b == NULL || *a == '\0')
    return FALSE;
  la = strlen (a);
  /* DOMAIN.md section 2: "17" covers "17.06.01"; "17.06" does not cover "17.6" or "17.061". */
  return strncmp (a, b, la) == 0 && (b[la] == '\0' || b[la] == '.');
}

gboolean
zicha_scope_code_foreach_prefix (const char *code,
                                 gboolean  (*func) (const char *code, gsize len, gpointer data),
                                 gpointer    data)
{
  gsize i;

  for (i = 0; code[i] != '\0'; i++)
    if (code[i] == '.' && i > 0 && func (code, i, data))
      return TRUE;
  return i > 0 && func (code, i, data);
}

/* JSON ----------------------------------------------------------------------------------- */

GString *
zicha_json_begin (void)
{
  return g_string_new ("{");
}

static void
json_key (GString *json, const char *key)
{
  if (json->len > 1)
    g_string_append_c (json, ',');
  g_string_append_printf (json, "\"%s\":", key);
}

static void
json_escape (GString *json, const char *value)
{
  const char *p;

  g_string_append_c (json, '"');
  for (p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, (char) c);
    }
  g_string_append_c (json, '"');
}

void
zicha_json_add_string (GString *json, const char *key, const char *value)
{
  json_key (json, key);
  if (value == NULL)
    g_string_append (json, "null");
  else
    json_escape (json, value);
}

void
zicha_json_add_int (GString *json, const char *key, gint64 value)
{
  json_key (json, key);
  g_string_append_printf (json, "%" PRId64, value);
}

void
zicha_json_add_raw (GString *json, const char *key, const char *raw)
{
  json_key (json, key);
  g_string_append (json, raw != NULL && *raw != '\0' ? raw : "null");
}

char *
zicha_json_end (GString *json)
{
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* Money ---------------------------------------------------------------------------------- */

char *
zicha_format_money (gint64 fen)
{
  return g_strdup_printf ("%" PRId64 ".%02d", fen / 100, (int) (ABS (fen) % 100));
}
