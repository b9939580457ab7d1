/* zicha-demo-work.c — the self-inspection a demo body comes with, under way
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks that the database is a demo body ready for it (its rules ran, no plan or problem
 * yet), finds the people of the work in its personnel (by person_id: the first full-time
 * person in post is the responsible leader, the next ones the quality staff), and makes the
 * work in one enclosing transaction: the plan and its checklist, triage, the sample, the
 * problems (zicha-demo-work-plan.c, zicha-demo-work-ledger.c). Every step is a core call of
 * its own; a failure of any leaves the database as it was.
 */
#define G_LOG_DOMAIN "zicha-demo-work"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-demo-work-private.h"
#include "zicha-error.h"
#include "zicha-hit-list.h"
#include "zicha-plans.h"
#include "zicha-problems.h"

/* People of the work: the leader, the staff and the responsible person. */
#define N_PEOPLE (DEMO_N_STAFF + 2)

void
_zicha_demo_work_day (DemoWork *work,
                      gint      offset,
                      char      out[11])
{
  zicha_day_to_string (work->today_day + offset, out);
}

/* Full-time people in post as of today who joined a year before, by person_id. */
static gboolean
find_people (DemoWork *work,
             GError  **error)
{
  sqlite3 *handle = zicha_db_get_handle (work->db);
  sqlite3_stmt *stmt = NULL;
  char joined[11];
  guint n = 0;
  int rc;

  _zicha_demo_work_day (work, -365, joined);
  rc = sqlite3_prepare_v2 (handle,
                           "SELECT person_id, name FROM personnel"
                           " WHERE employment = 'full_time'"
                           " AND (joined_on IS NULL OR joined_on <= ?1)"
                           " AND (left_on IS NULL OR left_on > ?2)"
                           " ORDER BY person_id LIMIT ?3", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, joined, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, work->today, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, N_PEOPLE);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          char *id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          char *name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

          if (n == 0)
            {
              work->leader_id = id;
              work->leader = name;
            }
          else if (n <= DEMO_N_STAFF)
            {
              work->staff_id[n - 1] = id;
              work->staff[n - 1] = name;
            }
          else
            {
              g_free (id);
              work->responsible = name;
            }
          n++;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (work->db, error, _("Could not read the personnel"));
      return FALSE;
    }
  if (n < N_PEOPLE)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                           _("The body has too few people in post for the demo’s "
                             "self-inspection"));
      return FALSE;
    }
  return TRUE;
}

/* No plan nor problem yet, and a run of the rules. */
static gboolean
check_database (DemoWork *work,
                GError  **error)
{
  g_autoptr(GPtrArray) plans = zicha_plans_list (work->db, error);
  gint64 problems;

  if (plans == NULL)
    return FALSE;
  problems = zicha_problems_count (work->db, NULL, error);
  if (problems < 0)
    return FALSE;
  if (plans->len > 0 || problems > 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT,
                           _("The database has self-inspection plans or problems already: the "
                             "demo’s self-inspection is only added to a demo body without "
                             "them"));
      return FALSE;
    }
  if (!zicha_hits_get_last_run (work->db, NULL, NULL, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                             _("The risk rules have not run on this database yet: run them "
                               "first, then add the demo’s self-inspection"));
      return FALSE;
    }
  return TRUE;
}

static void
demo_work_clear (DemoWork *work)
{
  g_free (work->leader_id);
  g_free (work->leader);
  for (guint i = 0; i < DEMO_N_STAFF; i++)
    {
      g_free (work->staff_id[i]);
      g_free (work->staff[i]);
    }
  g_free (work->responsible);
}

gboolean
zicha_demo_work_fill (ZichaDb              *db,
                      const char           *today,
                      ZichaDemoWorkResult  *out,
                      GError              **error)
{
  ZichaDemoWorkResult result = { 0 };
  DemoWork work = { 0 };
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (today == NULL || zicha_day_from_string (today) == G_MININT)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what was given as a date */
                   _("“%s” is not a date (YYYY-MM-DD)"), today != NULL ? today : "");
      return FALSE;
    }
  work.db = db;
  work.result = &result;
  g_strlcpy (work.today, today, sizeof work.today);
  work.today_day = zicha_day_from_string (today);
  work.year = (gint) g_ascii_strtoll (today, NULL, 10);

  if (!zicha_db_begin_outer (db, error))
    return FALSE;
  ok = check_database (&work, error)
       && find_people (&work, error)
       && _zicha_demo_work_plan (&work, error)
       && _zicha_demo_work_triage (&work, error)
       && _zicha_demo_work_sample (&work, error)
       && _zicha_demo_work_problems (&work, error);
  demo_work_clear (&work);
  if (!zicha_db_end_outer (db, ok, ok ? error : NULL))
    return FALSE;
  if (out != NULL)
    *out = result;
  return TRUE;
}
