/* zicha-rectification-summary.c — the figures of the rectification, for the Overview and the
 * report
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A few grouped counts in one read transaction (the definitions are in the header); the
 * clocks come from zicha_cert_clocks_list () and the weeks are filled in here, so that a
 * chart draws every week, none closed out too. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-error.h"
#include "zicha-rectification-private.h"
#include "zicha-rectification-summary.h"

const char * const zicha_rectification_areas[ZICHA_RECTIFICATION_N_AREAS] = {
  "legal", "conduct", "practice", "capability",
};

void
zicha_rectification_summary_free (ZichaRectificationSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->closed_by_week, g_array_unref);
  g_free (summary);
}

static int
area_index (const char *area)
{
  for (int i = 0; i < ZICHA_RECTIFICATION_N_AREAS; i++)
    if (g_strcmp0 (area, zicha_rectification_areas[i]) == 0)
      return i;
  return -1;
}

static gboolean
read_problems (ZichaDb *db, ZichaRectificationSummary *s, GError **error)
{
  sqlite3_stmt *stmt = _zicha_rect_prepare (db, error,
                                            "SELECT p.area, st.state, count (*)"
                                            " FROM problems AS p"
                                            " JOIN problem_states AS st ON st.problem = p.id"
                                            " GROUP BY p.area, st.state", "");
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int area = area_index ((const char *) sqlite3_column_text (stmt, 0));
      ZichaProblemState state;
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (!zicha_problem_state_from_string ((const char *) sqlite3_column_text (stmt, 1), &state))
        continue;
      s->by_state[state] += n;
      if (state == ZICHA_PROBLEM_WITHDRAWN)
        continue;
      s->problems += n;
      if (area >= 0)
        {
          s->by_area[area] += n;
          s->by_area_state[area][state] += n;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _zicha_rect_read_error (db, error);
  if (s->problems > 0)
    {
      s->completion_rate = (double) (s->by_state[ZICHA_PROBLEM_AWAITING_CLOSEOUT]
                                     + s->by_state[ZICHA_PROBLEM_CLOSED]) / (double) s->problems;
      s->closeout_rate = (double) s->by_state[ZICHA_PROBLEM_CLOSED] / (double) s->problems;
    }
  return TRUE;
}

static gboolean
read_measures (ZichaDb *db, ZichaRectificationSummary *s, GError **error)
{
  char until[11];
  sqlite3_stmt *stmt;
  int rc;

  zicha_day_to_string (zicha_day_from_string (s->today) + ZICHA_MEASURE_DUE_SOON_DAYS, until);
  stmt = _zicha_rect_prepare (db, error,
                              "SELECT status, count (*),"
                              " total (status IN ('open', 'in_progress') AND deadline < ?1),"
                              " total (status IN ('open', 'in_progress')"
                              "        AND deadline BETWEEN ?1 AND ?2),"
                              " total (org IS NOT NULL),"
                              " total (org IS NOT NULL AND org_response IS NULL)"
                              " FROM measures WHERE deleted_at IS NULL GROUP BY status", "ss",
                              s->today, until);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaMeasureStatus status;
      gint64 n = sqlite3_column_int64 (stmt, 1);

      if (!zicha_measure_status_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                             &status))
        continue;
      s->measures += n;
      s->measures_by_status[status] += n;
      s->measures_overdue += sqlite3_column_int64 (stmt, 2);
      s->measures_due_soon += sqlite3_column_int64 (stmt, 3);
      s->org_measures += sqlite3_column_int64 (stmt, 4);
      s->org_awaiting += sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _zicha_rect_read_error (db, error);
  return TRUE;
}

static gboolean
read_certificates (ZichaDb *db, ZichaRectificationSummary *s, GError **error)
{
  ZichaClockFilter filter = { .running = TRUE, .today = s->today };
  g_autoptr(GPtrArray) clocks = NULL;
  sqlite3_stmt *stmt;
  int rc;

  s->certificates_handled = _zicha_rect_query_int (db, error, 0,
                                                   "SELECT count (DISTINCT cert)"
                                                   " FROM certificate_actions", "");
  s->evidence_files = _zicha_rect_query_int (db, error, 0,
                                             "SELECT count (*) FROM evidence"
                                             " WHERE removed_at IS NULL", "");
  if (s->certificates_handled < 0 || s->evidence_files < 0)
    return FALSE;
  stmt = _zicha_rect_prepare (db, error,
                              "SELECT action, count (*) FROM certificate_actions GROUP BY action",
                              "");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaCertAction action;

      if (zicha_cert_action_from_string ((const char *) sqlite3_column_text (stmt, 0), &action))
        s->actions_by_kind[action] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _zicha_rect_read_error (db, error);

  clocks = zicha_cert_clocks_list (db, &filter, error);
  if (clocks == NULL)
    return FALSE;
  for (guint i = 0; i < clocks->len; i++)
    {
      const ZichaCertClock *clock = g_ptr_array_index (clocks, i);

      s->clocks_running++;
      s->clocks_overdue += clock->overdue;
      s->clocks_due_soon += clock->due_soon;
    }
  return TRUE;
}

/* The Monday of the week of @day (day 0, 1970-01-01, was a Thursday). */
static gint
monday_of (gint day)
{
  gint weekday = ((day + 3) % 7 + 7) % 7;   /* 0 = Monday */

  return day - weekday;
}

static gboolean
read_weeks (ZichaDb *db, ZichaRectificationSummary *s, GError **error)
{
  g_autoptr(GHashTable) per_day = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3_stmt *stmt;
  gint first, last, today = zicha_day_from_string (s->today);
  gint64 running = 0;
  int rc;

  s->closed_by_week = g_array_new (FALSE, TRUE, sizeof (ZichaWeekCount));
  first = G_MAXINT;
  last = today;
  stmt = _zicha_rect_prepare (db, error,
                              "SELECT min (p.found_on) FROM problems AS p"
                              " WHERE p.withdrawn_at IS NULL", "");
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    first = zicha_day_from_string ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  stmt = _zicha_rect_prepare (db, error,
                              "SELECT p.closed_at, count (*) FROM problems AS p"
                              " JOIN problem_states AS st ON st.problem = p.id"
                              " WHERE st.state = 'closed' GROUP BY p.closed_at", "");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint day = zicha_day_from_string ((const char *) sqlite3_column_text (stmt, 0));
      gint monday;

      if (day == G_MININT)
        continue;
      monday = monday_of (day);
      g_hash_table_insert (per_day, GINT_TO_POINTER (monday),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (per_day,
                                                                GINT_TO_POINTER (monday)))
                                            + sqlite3_column_int (stmt, 1)));
      first = MIN (first, day);
      last = MAX (last, day);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _zicha_rect_read_error (db, error);
  if (first == G_MAXINT || first == G_MININT || today == G_MININT)
    return TRUE;
  for (gint monday = monday_of (first); monday <= monday_of (last); monday += 7)
    {
      ZichaWeekCount week = { 0 };

      zicha_day_to_string (monday, week.week);
      zicha_day_to_string (monday + 6, week.week_end);
      week.closed = GPOINTER_TO_INT (g_hash_table_lookup (per_day, GINT_TO_POINTER (monday)));
      running += week.closed;
      week.cumulative = running;
      g_array_append_val (s->closed_by_week, week);
    }
  return TRUE;
}

ZichaRectificationSummary *
zicha_rectification_summary_query (ZichaDb     *db,
                                   const char  *today,
                                   GError     **error)
{
  g_autoptr(ZichaRectificationSummary) s = NULL;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  s = g_new0 (ZichaRectificationSummary, 1);
  if (today != NULL)
    {
      if (!_zicha_rect_check_date (_("Today"), today, error))
        return NULL;
      g_strlcpy (s->today, today, sizeof s->today);
    }
  else
    zicha_rectification_today (db, s->today);

  own_transaction = sqlite3_get_autocommit (zicha_db_get_handle (db));
  if (own_transaction && !zicha_db_exec (db, "BEGIN", error))
    return NULL;
  ok = read_problems (db, s, error) && read_measures (db, s, error)
       && read_certificates (db, s, error) && read_weeks (db, s, error);
  if (own_transaction)
    zicha_db_rollback (db);
  return ok ? g_steal_pointer (&s) : NULL;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  ZichaRectificationSummary *summary;

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
  summary = zicha_rectification_summary_query (db, NULL, &error);
  if (g_task_return_error_if_cancelled (task))
    {
      zicha_rectification_summary_free (summary);
      return;
    }
  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) zicha_rectification_summary_free);
}

void
zicha_rectification_summary_query_async (const char          *path,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zicha_rectification_summary_query_async);
  g_task_set_name (task, "[zicha] rectification summary");
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, query_thread);
}

ZichaRectificationSummary *
zicha_rectification_summary_query_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == zicha_rectification_summary_query_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
