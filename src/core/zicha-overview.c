/* zicha-overview.c — how far the self-inspection has come (概览): counts from the database
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every count is one indexed query: count(*) of a table walks its smallest index, the
 * certificates by status read the range of certificates_status, the hits by status and area
 * the covering index hits_status. On a body of 1,000,000 certificates the whole overview takes
 * some 80 ms with a warm cache (more from a cold disk), so the page reads it in a worker
 * thread on a connection of its own (zicha_overview_query_async). */
#define G_LOG_DOMAIN "zicha-overview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-overview.h"

/* Single counts, each into one gint64 field of ZichaOverview. */
static const struct
{
  const char *sql;
  gsize       offset;
} count_queries[] = {
  { "SELECT count(*) FROM certificates",
    G_STRUCT_OFFSET (ZichaOverview, certificates) },
  { "SELECT count(*) FROM certificates WHERE status = 'valid'",
    G_STRUCT_OFFSET (ZichaOverview, certificates_valid) },
  { "SELECT count(*) FROM certificates WHERE status = 'suspended'",
    G_STRUCT_OFFSET (ZichaOverview, certificates_suspended) },
  { "SELECT count(*) FROM organizations",
    G_STRUCT_OFFSET (ZichaOverview, organizations) },
  { "SELECT count(*) FROM personnel",
    G_STRUCT_OFFSET (ZichaOverview, personnel) },
  { "SELECT count(*) FROM audits",
    G_STRUCT_OFFSET (ZichaOverview, audits) },
};

static const char body_sql[] =
  "SELECT name, approval_no FROM body WHERE id = 1";

static const char import_sql[] =
  "SELECT id, coalesce (finished_at, started_at), user_name, folder, inserted, updated,"
  "       (SELECT total (rows) FROM import_files WHERE import = imports.id)"
  "  FROM imports ORDER BY id DESC LIMIT 1";

static const char run_sql[] =
  "SELECT id, finished_at, as_of,"
  "       (SELECT total (hits) FROM rule_run_stats WHERE run = rule_runs.id)"
  "  FROM rule_runs WHERE status = 'finished' ORDER BY id DESC LIMIT 1";

static const char hits_sql[] =
  "SELECT status, area, count(*) FROM hits GROUP BY status, area";

/* The problems that stand (withdrawn ones are not problems), by the state the view
 * problem_states derives (migration 007, DOMAIN.md section 5): "closed" here is rectified,
 * awaiting close-out or closed out. */
static const char problems_sql[] =
  "SELECT count(*), total (p.source = 'hit'), total (s.state = 'open'),"
  "       total (s.state IN ('awaiting_closeout', 'closed'))"
  "  FROM problems AS p JOIN problem_states AS s ON s.problem = p.id"
  " WHERE s.state <> 'withdrawn'";

void
zicha_overview_free (ZichaOverview *overview)
{
  if (overview == NULL)
    return;
  g_free (overview->body_name);
  g_free (overview->body_approval_no);
  g_free (overview->import_finished_at);
  g_free (overview->import_user);
  g_free (overview->import_folder);
  g_free (overview->run_finished_at);
  g_free (overview->run_as_of);
  g_free (overview);
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Prepares @sql; steps it with @row_cb for every row. */
static gboolean
read_rows (ZichaDb        *db,
           const char     *sql,
           void          (*row_cb) (sqlite3_stmt  *stmt,
                                    ZichaOverview *overview),
           ZichaOverview  *overview,
           GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (zicha_db_get_handle (db), sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      row_cb (stmt, overview);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (db, error, _("Could not read the overview"));
      return FALSE;
    }
  return TRUE;
}

static void
read_body (sqlite3_stmt  *stmt,
           ZichaOverview *overview)
{
  overview->body_name = column_strdup (stmt, 0);
  overview->body_approval_no = column_strdup (stmt, 1);
}

static void
read_import (sqlite3_stmt  *stmt,
             ZichaOverview *overview)
{
  overview->import_id = sqlite3_column_int64 (stmt, 0);
  overview->import_finished_at = column_strdup (stmt, 1);
  overview->import_user = column_strdup (stmt, 2);
  overview->import_folder = column_strdup (stmt, 3);
  overview->import_inserted = sqlite3_column_int64 (stmt, 4);
  overview->import_updated = sqlite3_column_int64 (stmt, 5);
  overview->import_rows = sqlite3_column_int64 (stmt, 6);
}

static void
read_run (sqlite3_stmt  *stmt,
          ZichaOverview *overview)
{
  overview->run_id = sqlite3_column_int64 (stmt, 0);
  overview->run_finished_at = column_strdup (stmt, 1);
  overview->run_as_of = column_strdup (stmt, 2);
  overview->run_hits = sqlite3_column_int64 (stmt, 3);
}

static void
read_hits (sqlite3_stmt  *stmt,
           ZichaOverview *overview)
{
  const char *status_id = (const char *) sqlite3_column_text (stmt, 0);
  const char *area_id = (const char *) sqlite3_column_text (stmt, 1);
  gint64 n = sqlite3_column_int64 (stmt, 2);
  ZichaHitStatus status;
  ZichaRuleArea area;

  overview->hits += n;
  if (!zicha_hit_status_from_string (status_id, &status))
    return;
  overview->hits_by_status[status] += n;
  if (status == ZICHA_HIT_OPEN && zicha_rule_area_from_string (area_id, &area)
      && (guint) area < ZICHA_OVERVIEW_N_AREAS)
    overview->open_by_area[area] += n;
}

static void
read_problems (sqlite3_stmt  *stmt,
               ZichaOverview *overview)
{
  overview->problems = sqlite3_column_int64 (stmt, 0);
  overview->problems_from_hits = sqlite3_column_int64 (stmt, 1);
  overview->problems_open = sqlite3_column_int64 (stmt, 2);
  overview->problems_closed = sqlite3_column_int64 (stmt, 3);
  overview->problems_in_rectification = overview->problems - overview->problems_open
                                        - overview->problems_closed;
}

static gboolean
read_counts (ZichaDb        *db,
             ZichaOverview  *overview,
             GError        **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);

  for (guint i = 0; i < G_N_ELEMENTS (count_queries); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (handle, count_queries[i].sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        G_STRUCT_MEMBER (gint64, overview, count_queries[i].offset) =
          sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        {
          zicha_db_set_error (db, error, _("Could not read the overview"));
          return FALSE;
        }
    }
  return TRUE;
}

ZichaOverview *
zicha_overview_query (ZichaDb  *db,
                      GError  **error)
{
  g_autoptr(ZichaOverview) overview = NULL;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  overview = g_new0 (ZichaOverview, 1);

  /* One read transaction: the counts belong together (an import or a run that commits
   * meanwhile is either all in or all out). */
  own_transaction = sqlite3_get_autocommit (zicha_db_get_handle (db));
  if (own_transaction && !zicha_db_exec (db, "BEGIN", error))
    return NULL;

  ok = read_counts (db, overview, error)
       && read_rows (db, body_sql, read_body, overview, error)
       && read_rows (db, import_sql, read_import, overview, error)
       && read_rows (db, run_sql, read_run, overview, error)
       && read_rows (db, hits_sql, read_hits, overview, error)
       && read_rows (db, problems_sql, read_problems, overview, error);

  /* Nothing was written: ending the read transaction either way is the same. */
  if (own_transaction)
    zicha_db_rollback (db);

  return ok ? g_steal_pointer (&overview) : NULL;
}

/* Async ----------------------------------------------------------------------------------- */

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  ZichaOverview *overview;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (cancellable != NULL)
    zicha_db_watch_cancellable (zicha_db_get_handle (db), cancellable, 1000);

  overview = zicha_overview_query (db, &error);
  if (g_task_return_error_if_cancelled (task))
    {
      zicha_overview_free (overview);
      return;
    }
  if (overview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, overview, (GDestroyNotify) zicha_overview_free);
}

void
zicha_overview_query_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zicha_overview_query_async);
  g_task_set_name (task, "[zicha] overview");
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, query_thread);
}

ZichaOverview *
zicha_overview_query_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zicha_overview_query_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
