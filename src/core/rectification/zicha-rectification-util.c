/* zicha-rectification-util.c — what the files of rectification/ share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Statements with bound parameters, transactions, the change history of a row, checked dates
 * and people, "today" as the rectification counts it (the demo's day in a demo database), and
 * the sweep that clears close-outs that no longer hold. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-error.h"
#include "zicha-rectification-private.h"

gboolean
_zicha_rect_db_error (ZichaDb  *db,
                      GError  **error)
{
  zicha_db_set_error (db, error, _("Could not change the rectification records"));
  return FALSE;
}

gboolean
_zicha_rect_read_error (ZichaDb  *db,
                        GError  **error)
{
  zicha_db_set_error (db, error, _("Could not read the rectification records"));
  return FALSE;
}

static sqlite3_stmt *
prepare_va (ZichaDb *db, GError **error, const char *sql, const char *types, va_list ap)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s\n%s", sqlite3_errmsg (zicha_db_get_handle (db)), sql);
      _zicha_rect_read_error (db, error);
      return NULL;
    }
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 's')
        sqlite3_bind_text (stmt, i + 1, va_arg (ap, const char *), -1, SQLITE_TRANSIENT);
      else
        {
          gint64 value = va_arg (ap, gint64);

          if (types[i] == 'n' && value == 0)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_int64 (stmt, i + 1, value);
        }
    }
  return stmt;
}

sqlite3_stmt *
_zicha_rect_prepare (ZichaDb     *db,
                     GError     **error,
                     const char  *sql,
                     const char  *types,
                     ...)
{
  sqlite3_stmt *stmt;
  va_list ap;

  va_start (ap, types);
  stmt = prepare_va (db, error, sql, types, ap);
  va_end (ap);
  return stmt;
}

gint64
_zicha_rect_exec (ZichaDb     *db,
                  GError     **error,
                  const char  *sql,
                  const char  *types,
                  ...)
{
  sqlite3_stmt *stmt;
  va_list ap;
  int rc;

  va_start (ap, types);
  stmt = prepare_va (db, error, sql, types, ap);
  va_end (ap);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _zicha_rect_db_error (db, error);
      return -1;
    }
  return sqlite3_changes (zicha_db_get_handle (db));
}

gint64
_zicha_rect_query_int (ZichaDb     *db,
                       GError     **error,
                       gint64       fallback,
                       const char  *sql,
                       const char  *types,
                       ...)
{
  sqlite3_stmt *stmt;
  gint64 value = fallback;
  va_list ap;
  int rc;

  va_start (ap, types);
  stmt = prepare_va (db, error, sql, types, ap);
  va_end (ap);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _zicha_rect_read_error (db, error);
      return -1;
    }
  return value;
}

char *
_zicha_rect_dup_column (sqlite3_stmt *stmt,
                        int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

char *
_zicha_rect_key (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

char *
_zicha_rect_norm (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

gboolean
_zicha_rect_check_date (const char  *what,
                        const char  *date,
                        GError     **error)
{
  if (date == NULL || (strlen (date) == 10 && zicha_day_from_string (date) != G_MININT))
    return TRUE;
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
               /* Translators: %1$s names a date ("The deadline"), %2$s is what was given */
               _("%1$s must be a date YYYY-MM-DD, not “%2$s”"), what, date);
  return FALSE;
}

gboolean
_zicha_rect_date_or_today (ZichaDb     *db,
                           const char  *what,
                           const char  *date,
                           char         out[11],
                           GError     **error)
{
  if (date == NULL)
    {
      zicha_rectification_today (db, out);
      return TRUE;
    }
  if (!_zicha_rect_check_date (what, date, error))
    return FALSE;
  g_strlcpy (out, date, 11);
  return TRUE;
}

gboolean
_zicha_rect_resolve_person (ZichaDb     *db,
                            const char  *person_id,
                            const char  *name,
                            gint64      *out_person,
                            char       **out_name,
                            GError     **error)
{
  g_autofree char *key = _zicha_rect_norm (person_id);
  sqlite3_stmt *stmt;
  int rc;

  *out_person = 0;
  *out_name = NULL;
  if (key == NULL)
    {
      *out_name = _zicha_rect_norm (name);
      return TRUE;
    }
  stmt = _zicha_rect_prepare (db, error, "SELECT id, name FROM personnel WHERE person_id = ?",
                              "s", key);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_person = sqlite3_column_int64 (stmt, 0);
      *out_name = _zicha_rect_dup_column (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _zicha_rect_read_error (db, error);
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
               /* Translators: %s is a person id of the body's personnel, e.g. P0012 */
               _("There is no person “%s” in the personnel records"), key);
  return FALSE;
}

gboolean
_zicha_rect_begin (ZichaDb  *db,
                   GError  **error)
{
  return zicha_db_begin (db, error);
}

gboolean
_zicha_rect_end (ZichaDb   *db,
                 gboolean   ok,
                 GError   **error)
{
  if (ok && zicha_db_commit (db, error))
    return TRUE;
  zicha_db_rollback (db);
  return FALSE;
}

gboolean
_zicha_rect_log_row (ZichaDb            *db,
                     const char         *user_name,
                     const char         *entity,
                     const char         *table,
                     gint64              id,
                     ZichaChangeAction   action,
                     const char         *before,
                     GError            **error)
{
  g_autofree char *after = action == ZICHA_CHANGE_DELETE
                           ? NULL : zicha_change_log_row_json (db, table, id);
  g_autofree char *key = _zicha_rect_key (id);

  return zicha_change_log_append (db, user_name, entity, key, action, before, after, error);
}

gboolean
_zicha_rect_clear_stale_closeouts (ZichaDb     *db,
                                   const char  *user_name,
                                   GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _zicha_rect_prepare (db, error,
                              "SELECT p.id FROM problems AS p"
                              " JOIN problem_states AS s ON s.problem = p.id"
                              " WHERE p.closed_at IS NOT NULL"
                              " AND s.state NOT IN ('closed', 'withdrawn')", "");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _zicha_rect_read_error (db, error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *before = zicha_change_log_row_json (db, "problems", id);

      if (_zicha_rect_exec (db, error,
                            "UPDATE problems SET closed_at = NULL, closed_by = NULL,"
                            " closeout_note = NULL WHERE id = ?", "i", id) < 0
          || !_zicha_rect_log_row (db, user_name, "problem", "problems", id,
                                   ZICHA_CHANGE_UPDATE, before, error))
        return FALSE;
    }
  return TRUE;
}

char *
_zicha_rect_measure_name (const ZichaMeasure *measure)
{
  const char *text = measure->text != NULL ? measure->text : "";
  const char *end = text;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, measure->id);
  g_autofree char *start = NULL;
  int n = 0;

  for (; *end != '\0' && n < 20; n++)
    end = g_utf8_next_char (end);
  start = g_strndup (text, (gsize) (end - text));

  /* Translators: a measure named in a message: %1$s its number, %2$s the start of its text,
   * %3$s "…" when the text was cut, else nothing; e.g. 7（修订审核方案…） */
  return g_strdup_printf (_("%1$s “%2$s%3$s”"), id, start, *end != '\0' ? "…" : "");
}

void
_zicha_rect_measure_set_days (ZichaMeasure *measure,
                              const char   *today)
{
  gint deadline = measure->deadline != NULL ? zicha_day_from_string (measure->deadline)
                                            : G_MININT;
  gint now = zicha_day_from_string (today);
  gboolean unfinished = measure->deleted_at == NULL
                        && (measure->status == ZICHA_MEASURE_OPEN
                            || measure->status == ZICHA_MEASURE_IN_PROGRESS);

  measure->days_left = G_MININT;
  measure->overdue = FALSE;
  measure->due_soon = FALSE;
  if (deadline == G_MININT || now == G_MININT)
    return;
  measure->days_left = deadline - now;
  measure->overdue = unfinished && measure->days_left < 0;
  measure->due_soon = unfinished && measure->days_left >= 0
                      && measure->days_left <= ZICHA_MEASURE_DUE_SOON_DAYS;
}

ZichaMeasure *
_zicha_rect_begin_with_measure (ZichaDb  *db,
                                gint64    measure_id,
                                GError  **error)
{
  ZichaMeasure *measure;

  if (!_zicha_rect_begin (db, error))
    return NULL;
  measure = zicha_measures_get (db, measure_id, error);
  if (measure == NULL)
    zicha_db_rollback (db);
  return measure;
}

gboolean
_zicha_rect_filter_days (ZichaDb     *db,
                         const char  *filter_today,
                         gint         days,
                         char         today[11],
                         char         until[11],
                         GError     **error)
{
  if (filter_today != NULL)
    {
      if (!_zicha_rect_check_date (_("Today"), filter_today, error))
        return FALSE;
      g_strlcpy (today, filter_today, 11);
    }
  else
    zicha_rectification_today (db, today);
  zicha_day_to_string (zicha_day_from_string (today) + MAX (days, 0), until);
  return TRUE;
}

void
zicha_rectification_today (ZichaDb *db,
                           char     out[11])
{
  g_autofree char *demo = db != NULL ? zicha_db_get_setting (db, "demo-today") : NULL;

  if (demo != NULL && strlen (demo) == 10 && zicha_day_from_string (demo) != G_MININT)
    g_strlcpy (out, demo, 11);
  else
    zicha_today (out);
}
