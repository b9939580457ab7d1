/* zicha-demo-out.c — buffered CSV output of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Out writes one CSV file through a 1 MiB buffer: unsigned numbers, zero-padded numbers,
 * hundredths as short decimals, dates, times and RFC 4180 text fields; it keeps the first
 * write error for demo_out_close. The hottest calls (out_c, out_s, out_mem, out_end, SEP) are
 * inline in zicha-demo-private.h. Meant to move to the shared CSV writer (zicha-csv-writer.c)
 * later.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-demo-private.h"
#include "zicha-error.h"
#include "zicha-files.h"

void
demo_out_flush (Out *o)
{
  if (o->len > 0 && o->file != NULL && o->saved_errno == 0)
    {
      if (fwrite (o->buf, 1, o->len, o->file) != o->len)
        o->saved_errno = errno != 0 ? errno : EIO;
    }
  o->len = 0;
}

void
demo_out_u (Out     *o,
            guint64  v)
{
  char tmp[24];
  int i = sizeof tmp;

  do
    {
      tmp[--i] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);
  out_mem (o, tmp + i, sizeof tmp - (gsize) i);
}

/* Zero-padded to @width digits. */
void
demo_out_u0 (Out     *o,
             guint64  v,
             int      width)
{
  char tmp[24];
  int i = sizeof tmp;

  do
    {
      tmp[--i] = (char) ('0' + v % 10);
      v /= 10;
      width--;
    }
  while (v != 0 || width > 0);
  out_mem (o, tmp + i, sizeof tmp - (gsize) i);
}

/* Hundredths as a short decimal: 700 → "7", 150 → "1.5", 489 → "4.89". */
void
demo_out_hund (Out    *o,
               gint64  h)
{
  gint64 frac = h % 100;

  g_assert (h >= 0);
  demo_out_u (o, (guint64) (h / 100));
  if (frac != 0)
    {
      out_c (o, '.');
      out_c (o, (char) ('0' + frac / 10));
      if (frac % 10 != 0)
        out_c (o, (char) ('0' + frac % 10));
    }
}

void
demo_out_date (Out    *o,
               gint32  day)
{
  gint y, m, d;
  char tmp[11];

  if (day == 0)
    return;
  demo_civil_from_days (day, &y, &m, &d);
  tmp[0] = (char) ('0' + y / 1000);
  tmp[1] = (char) ('0' + y / 100 % 10);
  tmp[2] = (char) ('0' + y / 10 % 10);
  tmp[3] = (char) ('0' + y % 10);
  tmp[4] = '-';
  tmp[5] = (char) ('0' + m / 10);
  tmp[6] = (char) ('0' + m % 10);
  tmp[7] = '-';
  tmp[8] = (char) ('0' + d / 10);
  tmp[9] = (char) ('0' + d % 10);
  out_mem (o, tmp, 10);
}

void
demo_out_time (Out    *o,
               gint32  day,
               gint    minute)
{
  char tmp[6];

  demo_out_date (o, day);
  tmp[0] = ' ';
  tmp[1] = (char) ('0' + minute / 600);
  tmp[2] = (char) ('0' + minute / 60 % 10);
  tmp[3] = ':';
  tmp[4] = (char) ('0' + minute % 60 / 10);
  tmp[5] = (char) ('0' + minute % 10);
  out_mem (o, tmp, 6);
}

/* A text field, quoted by RFC 4180 when it needs it. */
void
demo_out_text (Out        *o,
               const char *s)
{
  const char *p;

  if (s == NULL)
    return;
  if (strpbrk (s, ",\"\r\n") == NULL)
    {
      out_s (o, s);
      return;
    }
  out_c (o, '"');
  for (p = s; *p != '\0'; p++)
    {
      if (*p == '"')
        out_c (o, '"');
      out_c (o, *p);
    }
  out_c (o, '"');
}

gboolean
demo_out_open (Out         *o,
               const char  *path,
               const char  *header,
               GError     **error)
{
  o->path = g_strdup (path);
  /* the demo body's records are made up, but exports of real ones are private: these too */
  o->file = zicha_file_open_private (path, error);
  if (o->file == NULL)
    return FALSE;
  o->buf = g_malloc (OUT_CAP);
  out_s (o, header);
  out_c (o, '\n');
  return TRUE;
}

gboolean
demo_out_close (Out     *o,
                GError **error)
{
  gboolean ok = TRUE;

  if (o->file != NULL)
    {
      demo_out_flush (o);
      if (fclose (o->file) != 0 && o->saved_errno == 0)
        o->saved_errno = errno != 0 ? errno : EIO;
      o->file = NULL;
      if (o->saved_errno != 0)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                         _("Could not write “%s”: %s"), o->path, g_strerror (o->saved_errno));
          ok = FALSE;
        }
    }
  g_clear_pointer (&o->buf, g_free);
  g_clear_pointer (&o->path, g_free);
  return ok;
}
