/* zicha-plans-util.c — what the files of plans/ share
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of plans/ goes the same way: BEGIN IMMEDIATE, read the row as JSON, change it
 * with prepared statements whose values are bound (the only text put into SQL is the name of
 * one of our own tables, quoted with %w), read it again, append the history entry, COMMIT;
 * any failure rolls the whole back, history entry included. The lists of a plan (staff,
 * milestones, checklist items) keep positions 0 … n-1: a move shifts the rows between the
 * old and the new place by one, a deletion closes its gap, so the order is always dense and
 * a position is also an index.
 */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-error.h"
#include "zicha-plans-private.h"

static sqlite3_stmt *
prepare_va (sqlite3    *handle,
            const char *sql,
            const char *types,
            va_list     ap)
{
  sqlite3_stmt *stmt = NULL;
  int i;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s\n%s", sqlite3_errmsg (handle), sql);
      return NULL;
    }
  for (i = 0; types[i] != '\0'; i++)
    {
      switch (types[i])
        {
        case 'i':
          sqlite3_bind_int64 (stmt, i + 1, va_arg (ap, gint64));
          break;
        case 'r':
          {
            gint64 id = va_arg (ap, gint64);

            if (id != 0)
              sqlite3_bind_int64 (stmt, i + 1, id);
            else
              sqlite3_bind_null (stmt, i + 1);
          }
          break;
        case 's':
          sqlite3_bind_text (stmt, i + 1, va_arg (ap, const char *), -1, SQLITE_TRANSIENT);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return stmt;
}

sqlite3_stmt *
_zicha_plans_prepare (sqlite3    *handle,
                      const char *sql,
                      const char *types,
                      ...)
{
  sqlite3_stmt *stmt;
  va_list ap;

  va_start (ap, types);
  stmt = prepare_va (handle, sql, types, ap);
  va_end (ap);
  return stmt;
}

gint64
_zicha_plans_exec (sqlite3    *handle,
                   const char *sql,
                   const char *types,
                   ...)
{
  sqlite3_stmt *stmt;
  va_list ap;
  int rc;

  va_start (ap, types);
  stmt = prepare_va (handle, sql, types, ap);
  va_end (ap);
  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? sqlite3_changes (handle) : -1;
}

gboolean
_zicha_plans_query_int (sqlite3    *handle,
                        gint64     *out,
                        const char *sql,
                        const char *types,
                        ...)
{
  sqlite3_stmt *stmt;
  va_list ap;
  int rc;

  va_start (ap, types);
  stmt = prepare_va (handle, sql, types, ap);
  va_end (ap);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

char *
_zicha_plans_dup_column (sqlite3_stmt *stmt,
                         int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

char **
_zicha_plans_split_column (sqlite3_stmt *stmt,
                           int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, ";", -1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
_zicha_plans_join_list (const char * const *values)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) joined = NULL;
  guint i;

  for (i = 0; values != NULL && values[i] != NULL; i++)
    if (*values[i] != '\0')
      g_ptr_array_add (sorted, (gpointer) values[i]);
  if (sorted->len == 0)
    return NULL;
  g_ptr_array_sort (sorted, compare_strings);
  joined = g_string_new (g_ptr_array_index (sorted, 0));
  for (i = 1; i < sorted->len; i++)
    if (strcmp (g_ptr_array_index (sorted, i), g_ptr_array_index (sorted, i - 1)) != 0)
      g_string_append_printf (joined, ";%s", (const char *) g_ptr_array_index (sorted, i));
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Transactions ---------------------------------------------------------------------------- */

gboolean
_zicha_plans_begin (ZichaDb  *db,
                    GError  **error)
{
  /* through store: a savepoint inside an enclosing transaction (zicha_db_begin_outer ()) */
  if (!zicha_db_begin (db, NULL))
    {
      zicha_db_set_error (db, error, _("Could not change the self-inspection plan"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_zicha_plans_commit (ZichaDb  *db,
                     GError  **error)
{
  if (!zicha_db_commit (db, NULL))
    return _zicha_plans_fail (db, error);
  return TRUE;
}

gboolean
_zicha_plans_fail (ZichaDb  *db,
                   GError  **error)
{
  if (error == NULL || *error == NULL)
    zicha_db_set_error (db, error, _("Could not change the self-inspection plan"));
  zicha_db_rollback (db);
  return FALSE;
}

gboolean
_zicha_plans_read_failed (ZichaDb  *db,
                          GError  **error)
{
  zicha_db_set_error (db, error, _("Could not read the self-inspection plans"));
  return FALSE;
}

gboolean
_zicha_plans_log (ZichaDb           *db,
                  const char        *user_name,
                  const char        *entity,
                  const char        *table,
                  gint64             id,
                  ZichaChangeAction  action,
                  const char        *old_values,
                  GError           **error)
{
  g_autofree char *new_values = NULL;
  char key[24];

  if (action != ZICHA_CHANGE_DELETE)
    new_values = zicha_change_log_row_json (db, table, id);
  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, id);
  return zicha_change_log_append (db, user_name, entity, key, action, old_values, new_values,
                                  error);
}

/* Values as users give them --------------------------------------------------------------- */

char *
_zicha_plans_norm (const char *text)
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
_zicha_plans_check_date (const char  *date,
                         const char  *what,
                         GError     **error)
{
  if (date == NULL || *date == '\0')
    return TRUE;
  if (strlen (date) == 10 && zicha_day_from_string (date) != G_MININT)
    return TRUE;
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
               /* Translators: %1$s names a date ("the due date"), %2$s is what was given */
               _("%1$s must be a date YYYY-MM-DD, not “%2$s”"), what, date);
  return FALSE;
}

gboolean
_zicha_plans_as_of (const char  *as_of,
                    char         out[11],
                    GError     **error)
{
  if (as_of == NULL)
    {
      zicha_today (out);
      return TRUE;
    }
  if (strlen (as_of) != 10 || zicha_day_from_string (as_of) == G_MININT)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what was given for a date */
                   _("“%s” is not a date YYYY-MM-DD"), as_of);
      return FALSE;
    }
  g_strlcpy (out, as_of, 11);
  return TRUE;
}

gboolean
_zicha_plans_resolve_person (ZichaDb     *db,
                             const char  *person_id,
                             const char  *name,
                             gint64      *out_person,
                             char       **out_name,
                             GError     **error)
{
  g_autofree char *key = _zicha_plans_norm (person_id);
  sqlite3_stmt *stmt;
  int rc;

  *out_person = 0;
  *out_name = NULL;
  if (key == NULL)
    {
      *out_name = _zicha_plans_norm (name);
      return TRUE;
    }
  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT id, name FROM personnel WHERE person_id = ?", "s", key);
  if (stmt == NULL)
    return _zicha_plans_read_failed (db, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_person = sqlite3_column_int64 (stmt, 0);
      *out_name = _zicha_plans_dup_column (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _zicha_plans_read_failed (db, error);
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
               /* Translators: %s is a person id of the body's personnel, e.g. P0012 */
               _("There is no person “%s” in the personnel records"), key);
  return FALSE;
}

gboolean
_zicha_plans_check_plan (ZichaDb  *db,
                         gint64    plan_id,
                         GError  **error)
{
  gint64 n = 0;

  if (!_zicha_plans_query_int (zicha_db_get_handle (db), &n,
                               "SELECT count (*) FROM plans WHERE id = ?", "i", plan_id))
    return _zicha_plans_read_failed (db, error);
  if (n == 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %lld is a plan's number */
                   _("There is no self-inspection plan %lld"), (long long) plan_id);
      return FALSE;
    }
  return TRUE;
}

/* Ordered rows ------------------------------------------------------------------------------ */

/* The plan and position of row @id of @table; FALSE with ZICHA_ERROR_NOT_FOUND (@not_found)
 * when there is none. */
static gboolean
row_place (ZichaDb     *db,
           const char  *table,
           gint64       id,
           const char  *not_found,
           gint64      *out_plan,
           gint64      *out_position,
           GError     **error)
{
  char *sql = sqlite3_mprintf ("SELECT plan, position FROM \"%w\" WHERE id = ?", table);
  sqlite3_stmt *stmt = _zicha_plans_prepare (zicha_db_get_handle (db), sql, "i", id);
  int rc;

  sqlite3_free (sql);
  if (stmt == NULL)
    return _zicha_plans_read_failed (db, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_plan = sqlite3_column_int64 (stmt, 0);
      *out_position = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _zicha_plans_read_failed (db, error);
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND, not_found);
  return FALSE;
}

gboolean
_zicha_plans_move_row (ZichaDb     *db,
                       const char  *table,
                       const char  *entity,
                       gint64       id,
                       guint        position,
                       const char  *not_found,
                       const char  *user_name,
                       GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autofree char *before = NULL;
  gint64 plan = 0, old = 0, n = 0, target;
  char *count_sql, *shift_sql, *set_sql;
  gboolean ok;

  if (!row_place (db, table, id, not_found, &plan, &old, error))
    return FALSE;
  count_sql = sqlite3_mprintf ("SELECT count (*) FROM \"%w\" WHERE plan = ?", table);
  ok = _zicha_plans_query_int (handle, &n, count_sql, "i", plan);
  sqlite3_free (count_sql);
  if (!ok)
    return _zicha_plans_read_failed (db, error);
  target = MIN ((gint64) position, n - 1);
  if (target == old)
    return TRUE;

  before = zicha_change_log_row_json (db, table, id);
  if (target < old)
    shift_sql = sqlite3_mprintf ("UPDATE \"%w\" SET position = position + 1"
                                 " WHERE plan = ?1 AND position >= ?2 AND position < ?3", table);
  else
    shift_sql = sqlite3_mprintf ("UPDATE \"%w\" SET position = position - 1"
                                 " WHERE plan = ?1 AND position > ?3 AND position <= ?2", table);
  set_sql = sqlite3_mprintf ("UPDATE \"%w\" SET position = ? WHERE id = ?", table);
  ok = _zicha_plans_exec (handle, shift_sql, "iii", plan, target, old) >= 0
       && _zicha_plans_exec (handle, set_sql, "ii", target, id) == 1;
  sqlite3_free (shift_sql);
  sqlite3_free (set_sql);
  if (!ok)
    {
      zicha_db_set_error (db, error, _("Could not change the self-inspection plan"));
      return FALSE;
    }
  return _zicha_plans_log (db, user_name, entity, table, id, ZICHA_CHANGE_UPDATE, before, error);
}

gboolean
_zicha_plans_delete_row (ZichaDb     *db,
                         const char  *table,
                         const char  *entity,
                         gint64       id,
                         const char  *not_found,
                         const char  *user_name,
                         GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autofree char *before = NULL;
  gint64 plan = 0, old = 0;
  char *delete_sql, *shift_sql;
  gboolean ok;

  if (!row_place (db, table, id, not_found, &plan, &old, error))
    return FALSE;
  before = zicha_change_log_row_json (db, table, id);
  delete_sql = sqlite3_mprintf ("DELETE FROM \"%w\" WHERE id = ?", table);
  shift_sql = sqlite3_mprintf ("UPDATE \"%w\" SET position = position - 1"
                               " WHERE plan = ? AND position > ?", table);
  ok = _zicha_plans_exec (handle, delete_sql, "i", id) == 1
       && _zicha_plans_exec (handle, shift_sql, "ii", plan, old) >= 0;
  sqlite3_free (delete_sql);
  sqlite3_free (shift_sql);
  if (!ok)
    {
      zicha_db_set_error (db, error, _("Could not change the self-inspection plan"));
      return FALSE;
    }
  return _zicha_plans_log (db, user_name, entity, table, id, ZICHA_CHANGE_DELETE, before, error);
}
