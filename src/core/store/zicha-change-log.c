/* zicha-change-log.c — the change history (操作留痕): one function writes it
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-change-log"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-change-log.h"
#include "zicha-day.h"
#include "zicha-db-private.h"
#include "zicha-json.h"

static const char * const action_names[] = { "create", "update", "delete" };

const char *
zicha_change_action_to_string (ZichaChangeAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_names), NULL);
  return action_names[action];
}

gboolean
zicha_change_log_append (ZichaDb            *db,
                         const char         *user_name,
                         const char         *entity,
                         const char         *key,
                         ZichaChangeAction   action,
                         const char         *old_values,
                         const char         *new_values,
                         GError            **error)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  char now[20];
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (entity != NULL && key != NULL, FALSE);
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_names), FALSE);

  if (action == ZICHA_CHANGE_UPDATE && g_strcmp0 (old_values, new_values) == 0)
    return TRUE;

  handle = zicha_db_get_handle (db);
  zicha_now (now);
  rc = sqlite3_prepare_v2 (handle,
                           "INSERT INTO change_log (at, user_name, entity, entity_key, action,"
                           " old_values, new_values) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, user_name != NULL && *user_name != '\0' ? user_name : "?", -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, action_names[action], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, old_values, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, new_values, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (db, error, _("Could not write the change history"));
      return FALSE;
    }
  return TRUE;
}

char *
zicha_change_log_row_json (ZichaDb    *db,
                           const char *table,
                           gint64      id)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  ZichaJson *json;
  char *sql;
  int n;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  handle = zicha_db_get_handle (db);
  /* An identifier cannot be a bound parameter: %w quotes it (and it is one of ours). */
  sql = sqlite3_mprintf ("SELECT * FROM \"%w\" WHERE id = ?", table);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s: %s", sql, sqlite3_errmsg (handle));
      sqlite3_free (sql);
      return NULL;
    }
  sqlite3_free (sql);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }

  json = zicha_json_begin ();
  n = sqlite3_column_count (stmt);
  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          zicha_json_add_string (json, name, NULL);
          break;
        case SQLITE_INTEGER:
          zicha_json_add_int (json, name, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_BLOB:
          {
            /* (files: their hash and size are in other columns; the bytes are not logged) */
            g_autofree char *size = g_strdup_printf ("<%d bytes>",
                                                     sqlite3_column_bytes (stmt, i));

            zicha_json_add_string (json, name, size);
          }
          break;
        default:
          zicha_json_add_string (json, name, (const char *) sqlite3_column_text (stmt, i));
          break;
        }
    }
  sqlite3_finalize (stmt);
  return zicha_json_end (json);
}

void
zicha_change_entry_free (ZichaChangeEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user_name);
  g_free (entry->entity);
  g_free (entry->entity_key);
  g_free (entry->old_values);
  g_free (entry->new_values);
  g_free (entry);
}

GPtrArray *
zicha_change_log_list (ZichaDb     *db,
                       const char  *entity,
                       const char  *key,
                       GError     **error)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  GPtrArray *entries;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  handle = zicha_db_get_handle (db);
  rc = sqlite3_prepare_v2 (handle,
                           "SELECT id, at, user_name, entity, entity_key, action, old_values,"
                           " new_values FROM change_log"
                           " WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_key = ?2)"
                           " ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      zicha_db_set_error (db, error, _("Could not read the change history"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_change_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaChangeEntry *e = g_new0 (ZichaChangeEntry, 1);
      const char *action = (const char *) sqlite3_column_text (stmt, 5);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->user_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      e->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      e->entity_key = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
        if (g_strcmp0 (action, action_names[i]) == 0)
          e->action = (ZichaChangeAction) i;
      e->old_values = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      e->new_values = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (entries, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (db, error, _("Could not read the change history"));
      g_ptr_array_unref (entries);
      return NULL;
    }
  return entries;
}
