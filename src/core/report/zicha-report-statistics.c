/* zicha-report-statistics.c — the figures of the report's section 1 (DOMAIN.md 6.1)
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each figure is one SQL statement with the as-of date and the period bounds bound as
 * parameters; dates are ISO text, so comparisons are text comparisons. "Records are first seen
 * as of the date" (DOMAIN.md section 4): certificates issued after it are left out, an event
 * after it is in no period, a left_on after it counts as empty (still employed).
 */
#define G_LOG_DOMAIN "zicha-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-json.h"
#include "zicha-report-statistics.h"

const char * const zicha_cert_statuses[ZICHA_N_CERT_STATUSES] = {
  "valid", "suspended", "withdrawn", "cancelled", "expired",
};

static void
scope_free (ZichaStatScope *s)
{
  g_free (s->scheme);
  g_free (s);
}

static void
people_free (ZichaStatSchemePeople *p)
{
  g_free (p->scheme);
  g_free (p);
}

void
zicha_statistics_free (ZichaStatistics *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->scope, g_ptr_array_unref);
  g_clear_pointer (&stats->by_scheme, g_ptr_array_unref);
  g_free (stats);
}

/* Runs @sql with the text parameters @params (NULL-terminated) and returns the integer of its
 * first row; FALSE with @error on failure. */
static gboolean
count (ZichaDb            *db,
       const char         *sql,
       const char * const *params,
       gint64             *out,
       GError            **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out = 0;
  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  for (int i = 0; rc == SQLITE_OK && params[i] != NULL; i++)
    rc = sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      zicha_db_set_error (db, error, _("Could not compute the statistics"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_scope (ZichaDb          *db,
            ZichaStatistics  *stats,
            GError          **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* in force on as of: granted on or before it, and not withdrawn on or before it; schemes
   * in byte order (EMS < EnMS < FSMS): the BINARY collation */
  rc = sqlite3_prepare_v2 (handle,
                           "SELECT scheme, count (*) FROM approved_scope"
                           " WHERE granted_on <= ?1 AND (withdrawn_on IS NULL OR withdrawn_on > ?1)"
                           " GROUP BY scheme ORDER BY scheme COLLATE BINARY", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, stats->as_of, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaStatScope *s = g_new0 (ZichaStatScope, 1);

      s->scheme = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->codes = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (stats->scope, s);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (db, error, _("Could not compute the statistics"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_people_by_scheme (ZichaDb          *db,
                       ZichaStatistics  *stats,
                       GError          **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* For each employed person and scheme with a qualification valid on as of: the highest of
   * lead_auditor > auditor > trainee (rank 3, 2, 1; 0 when only technical_expert), and apart
   * from that whether technical_expert is held. */
  rc = sqlite3_prepare_v2 (handle,
                           "WITH employed AS (SELECT id FROM personnel"
                           "   WHERE (joined_on IS NULL OR joined_on <= ?1)"
                           "   AND (left_on IS NULL OR left_on >= ?1)),"
                           " held AS (SELECT q.person, q.scheme,"
                           "   max (CASE q.grade WHEN 'lead_auditor' THEN 3 WHEN 'auditor' THEN 2"
                           "        WHEN 'trainee' THEN 1 ELSE 0 END) AS rank,"
                           "   max (q.grade = 'technical_expert') AS expert"
                           "   FROM qualifications AS q JOIN employed AS e ON e.id = q.person"
                           "   WHERE q.valid_from <= ?1 AND (q.valid_to IS NULL OR q.valid_to >= ?1)"
                           "   GROUP BY q.person, q.scheme)"
                           " SELECT scheme, sum (rank = 3), sum (rank = 2), sum (rank = 1),"
                           "   sum (expert) FROM held GROUP BY scheme ORDER BY scheme COLLATE BINARY",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, stats->as_of, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaStatSchemePeople *p = g_new0 (ZichaStatSchemePeople, 1);

      p->scheme = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      p->lead_auditor = sqlite3_column_int64 (stmt, 1);
      p->auditor = sqlite3_column_int64 (stmt, 2);
      p->trainee = sqlite3_column_int64 (stmt, 3);
      p->technical_expert = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (stats->by_scheme, p);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (db, error, _("Could not compute the statistics"));
      return FALSE;
    }
  return TRUE;
}

ZichaStatistics *
zicha_statistics_compute (ZichaDb     *db,
                          const char  *as_of,
                          GError     **error)
{
  g_autoptr(ZichaStatistics) stats = NULL;
  const char *a[2];
  int y, m, d;
  guint i;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (as_of == NULL || zicha_day_from_string (as_of) == G_MININT || strlen (as_of) != 10)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   _("The as-of date must be a date as YYYY-MM-DD, not “%s”"),
                   as_of != NULL ? as_of : "");
      return NULL;
    }
  stats = g_new0 (ZichaStatistics, 1);
  g_strlcpy (stats->as_of, as_of, sizeof stats->as_of);
  stats->scope = g_ptr_array_new_with_free_func ((GDestroyNotify) scope_free);
  stats->by_scheme = g_ptr_array_new_with_free_func ((GDestroyNotify) people_free);
  zicha_day_to_ymd (zicha_day_from_string (as_of), &y, &m, &d);
  for (i = 0; i < 3; i++)
    {
      ZichaStatPeriod *p = &stats->periods[i];
      int year = y - 2 + (int) i;

      g_snprintf (p->period, sizeof p->period, "%04d", year);
      g_snprintf (p->from, sizeof p->from, "%04d-01-01", year);
      if (i == 2)
        g_strlcpy (p->to, as_of, sizeof p->to);
      else
        g_snprintf (p->to, sizeof p->to, "%04d-12-31", year);
    }

  a[0] = stats->as_of;
  a[1] = NULL;
  if (!read_scope (db, stats, error)
      || !count (db, "SELECT count (*) FROM certificates WHERE issued_on <= ?1", a,
                 &stats->certificates_total, error)
      || !count (db, "SELECT count (DISTINCT org) FROM certificates"
                     " WHERE issued_on <= ?1 AND status = 'valid'", a,
                 &stats->organizations_certified, error))
    return NULL;
  for (i = 0; i < ZICHA_N_CERT_STATUSES; i++)
    {
      const char *b[] = { stats->as_of, zicha_cert_statuses[i], NULL };

      if (!count (db, "SELECT count (*) FROM certificates WHERE issued_on <= ?1 AND status = ?2",
                  b, &stats->by_status[i], error))
        return NULL;
    }
  for (i = 0; i < 3; i++)
    {
      ZichaStatPeriod *p = &stats->periods[i];
      const char *b[] = { p->from, p->to, NULL };
      static const char *events[] = { "renew", "suspend", "withdraw", "cancel" };
      gint64 *targets[] = { &p->renewed, &p->suspended, &p->withdrawn, &p->cancelled };

      if (!count (db, "SELECT count (*) FROM certificates WHERE issued_on BETWEEN ?1 AND ?2",
                  b, &p->issued, error)
          || !count (db, "SELECT count (*) FROM penalties WHERE decided_on BETWEEN ?1 AND ?2",
                     b, &p->penalties, error))
        return NULL;
      for (guint e = 0; e < G_N_ELEMENTS (events); e++)
        {
          const char *c[] = { p->from, p->to, events[e], NULL };

          if (!count (db, "SELECT count (*) FROM certificate_events"
                          " WHERE on_date BETWEEN ?1 AND ?2 AND event = ?3", c, targets[e],
                      error))
            return NULL;
        }
    }
  {
    const char *employed = "SELECT count (*) FROM personnel"
                           " WHERE (joined_on IS NULL OR joined_on <= ?1)"
                           " AND (left_on IS NULL OR left_on >= ?1)";
    const char *b[] = { stats->as_of, "full_time", NULL };
    const char *c[] = { stats->as_of, "part_time", NULL };
    g_autofree char *by_employment = g_strconcat (employed, " AND employment = ?2", NULL);

    if (!count (db, employed, a, &stats->employed, error)
        || !count (db, by_employment, b, &stats->full_time, error)
        || !count (db, by_employment, c, &stats->part_time, error))
      return NULL;
  }
  if (!read_people_by_scheme (db, stats, error))
    return NULL;
  return g_steal_pointer (&stats);
}

/* Output ---------------------------------------------------------------------------------- */

char *
zicha_statistics_to_json (const ZichaStatistics *stats)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint i;

  g_return_val_if_fail (stats != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "as_of");
  json_builder_add_string_value (b, stats->as_of);
  json_builder_set_member_name (b, "periods");
  json_builder_begin_array (b);
  for (i = 0; i < 3; i++)
    json_builder_add_string_value (b, stats->periods[i].period);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "scope");
  json_builder_begin_array (b);
  for (i = 0; i < stats->scope->len; i++)
    {
      const ZichaStatScope *s = g_ptr_array_index (stats->scope, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "scheme");
      json_builder_add_string_value (b, s->scheme);
      json_builder_set_member_name (b, "codes");
      json_builder_add_int_value (b, s->codes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "certificates");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, stats->certificates_total);
  json_builder_set_member_name (b, "by_status");
  json_builder_begin_object (b);
  for (i = 0; i < ZICHA_N_CERT_STATUSES; i++)
    {
      json_builder_set_member_name (b, zicha_cert_statuses[i]);
      json_builder_add_int_value (b, stats->by_status[i]);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "organizations_certified");
  json_builder_add_int_value (b, stats->organizations_certified);

  json_builder_set_member_name (b, "per_period");
  json_builder_begin_array (b);
  for (i = 0; i < 3; i++)
    {
      const ZichaStatPeriod *p = &stats->periods[i];
      const struct { const char *key; gint64 value; } f[] = {
        { "issued", p->issued }, { "renewed", p->renewed }, { "suspended", p->suspended },
        { "withdrawn", p->withdrawn }, { "cancelled", p->cancelled },
        { "penalties", p->penalties },
      };

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "period");
      json_builder_add_string_value (b, p->period);
      for (guint k = 0; k < G_N_ELEMENTS (f); k++)
        {
          json_builder_set_member_name (b, f[k].key);
          json_builder_add_int_value (b, f[k].value);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "personnel");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "employed");
  json_builder_add_int_value (b, stats->employed);
  json_builder_set_member_name (b, "full_time");
  json_builder_add_int_value (b, stats->full_time);
  json_builder_set_member_name (b, "part_time");
  json_builder_add_int_value (b, stats->part_time);
  json_builder_set_member_name (b, "by_scheme");
  json_builder_begin_array (b);
  for (i = 0; i < stats->by_scheme->len; i++)
    {
      const ZichaStatSchemePeople *p = g_ptr_array_index (stats->by_scheme, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "scheme");
      json_builder_add_string_value (b, p->scheme);
      json_builder_set_member_name (b, "lead_auditor");
      json_builder_add_int_value (b, p->lead_auditor);
      json_builder_set_member_name (b, "auditor");
      json_builder_add_int_value (b, p->auditor);
      json_builder_set_member_name (b, "trainee");
      json_builder_add_int_value (b, p->trainee);
      json_builder_set_member_name (b, "technical_expert");
      json_builder_add_int_value (b, p->technical_expert);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
emit_int (void (*func) (const char *, const char *, const char *, gpointer),
          gpointer    data,
          const char *section,
          const char *key,
          gint64      value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  func (section, key, text, data);
}

void
zicha_statistics_foreach (const ZichaStatistics *stats,
                          void (*func) (const char *section,
                                        const char *key,
                                        const char *value,
                                        gpointer    data),
                          gpointer               data)
{
  g_autofree char *periods = NULL;
  guint i;

  g_return_if_fail (stats != NULL && func != NULL);

  periods = g_strdup_printf ("%s;%s;%s", stats->periods[0].period, stats->periods[1].period,
                             stats->periods[2].period);
  func ("general", "as_of", stats->as_of, data);
  func ("general", "periods", periods, data);
  for (i = 0; i < stats->scope->len; i++)
    {
      const ZichaStatScope *s = g_ptr_array_index (stats->scope, i);
      g_autofree char *key = g_strdup_printf ("%s.codes", s->scheme);

      emit_int (func, data, "scope", key, s->codes);
    }
  emit_int (func, data, "certificates", "total", stats->certificates_total);
  for (i = 0; i < ZICHA_N_CERT_STATUSES; i++)
    {
      g_autofree char *key = g_strdup_printf ("by_status.%s", zicha_cert_statuses[i]);

      emit_int (func, data, "certificates", key, stats->by_status[i]);
    }
  emit_int (func, data, "certificates", "organizations_certified",
            stats->organizations_certified);
  for (i = 0; i < 3; i++)
    {
      const ZichaStatPeriod *p = &stats->periods[i];
      const struct { const char *key; gint64 value; } f[] = {
        { "issued", p->issued }, { "renewed", p->renewed }, { "suspended", p->suspended },
        { "withdrawn", p->withdrawn }, { "cancelled", p->cancelled },
        { "penalties", p->penalties },
      };

      for (guint k = 0; k < G_N_ELEMENTS (f); k++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", p->period, f[k].key);

          emit_int (func, data, "per_period", key, f[k].value);
        }
    }
  emit_int (func, data, "personnel", "employed", stats->employed);
  emit_int (func, data, "personnel", "full_time", stats->full_time);
  emit_int (func, data, "personnel", "part_time", stats->part_time);
  for (i = 0; i < stats->by_scheme->len; i++)
    {
      const ZichaStatSchemePeople *p = g_ptr_array_index (stats->by_scheme, i);
      const struct { const char *grade; gint64 value; } f[] = {
        { "lead_auditor", p->lead_auditor }, { "auditor", p->auditor },
        { "trainee", p->trainee }, { "technical_expert", p->technical_expert },
      };

      for (guint k = 0; k < G_N_ELEMENTS (f); k++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", p->scheme, f[k].grade);

          emit_int (func, data, "personnel", key, f[k].value);
        }
    }
}
