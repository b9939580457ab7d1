/* zicha-plan-lists.c — the staff (工作人员) and the milestones of a plan
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two ordered lists of a plan, each row with a dense position (zicha-plans-util.c moves and
 * removes rows for both). A staff row is a person of the body, by personnel id, whose name is
 * copied in when added, or a free name; the person's person_id is read through the join, so
 * a row whose person a later import removed keeps its name and loses only the link.
 */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-error.h"
#include "zicha-plans-private.h"

/* Staff ------------------------------------------------------------------------------------- */

void
zicha_plan_staff_free (ZichaPlanStaff *staff)
{
  if (staff == NULL)
    return;
  g_free (staff->person_id);
  g_free (staff->name);
  g_free (staff->duty);
  g_free (staff);
}

static const char *
staff_not_found (void)
{
  return _("There is no such member of the plan's staff");
}

gint64
zicha_plans_add_staff (ZichaDb     *db,
                       gint64       plan_id,
                       const char  *person_id,
                       const char  *name,
                       const char  *duty,
                       const char  *user_name,
                       GError     **error)
{
  g_autofree char *staff_name = NULL;
  g_autofree char *staff_duty = _zicha_plans_norm (duty);
  sqlite3 *handle;
  gint64 person = 0, id;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);

  if (!_zicha_plans_begin (db, error))
    return 0;
  if (!_zicha_plans_check_plan (db, plan_id, error)
      || !_zicha_plans_resolve_person (db, person_id, name, &person, &staff_name, error))
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  if (staff_name == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give a person of the body or a name"));
      _zicha_plans_fail (db, error);
      return 0;
    }
  handle = zicha_db_get_handle (db);
  if (_zicha_plans_exec (handle,
                         "INSERT INTO plan_staff (plan, position, person, name, duty)"
                         " VALUES (?1, (SELECT count (*) FROM plan_staff WHERE plan = ?1),"
                         " ?2, ?3, ?4)",
                         "irss", plan_id, person, staff_name, staff_duty) != 1)
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (handle);
  if (!_zicha_plans_log (db, user_name, "plan_staff", "plan_staff", id, ZICHA_CHANGE_CREATE,
                         NULL, error)
      || !_zicha_plans_commit (db, error))
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  return id;
}

GPtrArray *
zicha_plans_list_staff (ZichaDb  *db,
                        gint64    plan_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) staff =
    g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_plan_staff_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (!_zicha_plans_check_plan (db, plan_id, error))
    return NULL;
  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT s.id, s.plan, s.position, p.person_id, s.name, s.duty"
                               " FROM plan_staff AS s LEFT JOIN personnel AS p ON p.id = s.person"
                               " WHERE s.plan = ? ORDER BY s.position, s.id", "i", plan_id);
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaPlanStaff *row = g_new0 (ZichaPlanStaff, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->plan = sqlite3_column_int64 (stmt, 1);
      row->position = (guint) sqlite3_column_int64 (stmt, 2);
      row->person_id = _zicha_plans_dup_column (stmt, 3);
      row->name = _zicha_plans_dup_column (stmt, 4);
      row->duty = _zicha_plans_dup_column (stmt, 5);
      g_ptr_array_add (staff, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&staff);
}

gboolean
zicha_plans_move_staff (ZichaDb     *db,
                        gint64       staff_id,
                        guint        position,
                        const char  *user_name,
                        GError     **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if (!_zicha_plans_move_row (db, "plan_staff", "plan_staff", staff_id, position,
                              staff_not_found (), user_name, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

gboolean
zicha_plans_remove_staff (ZichaDb     *db,
                          gint64       staff_id,
                          const char  *user_name,
                          GError     **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if (!_zicha_plans_delete_row (db, "plan_staff", "plan_staff", staff_id, staff_not_found (),
                                user_name, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

/* Milestones -------------------------------------------------------------------------------- */

void
zicha_plan_milestone_free (ZichaPlanMilestone *milestone)
{
  if (milestone == NULL)
    return;
  g_free (milestone->title);
  g_free (milestone->due_on);
  g_free (milestone->done_on);
  g_free (milestone);
}

static const char *
milestone_not_found (void)
{
  return _("There is no such milestone");
}

static gboolean
check_milestone (const char  *title,
                 const char  *due_on,
                 const char  *done_on,
                 GError     **error)
{
  if (title == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("A milestone needs a title"));
      return FALSE;
    }
  return _zicha_plans_check_date (due_on, _("The due date"), error)
         && _zicha_plans_check_date (done_on, _("The date done"), error);
}

gint64
zicha_plans_add_milestone (ZichaDb     *db,
                           gint64       plan_id,
                           const char  *title,
                           const char  *due_on,
                           const char  *user_name,
                           GError     **error)
{
  g_autofree char *text = _zicha_plans_norm (title);
  g_autofree char *due = _zicha_plans_norm (due_on);
  sqlite3 *handle;
  gint64 id;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);

  if (!check_milestone (text, due, NULL, error) || !_zicha_plans_begin (db, error))
    return 0;
  handle = zicha_db_get_handle (db);
  if (!_zicha_plans_check_plan (db, plan_id, error)
      || _zicha_plans_exec (handle,
                            "INSERT INTO plan_milestones (plan, position, title, due_on)"
                            " VALUES (?1, (SELECT count (*) FROM plan_milestones WHERE plan = ?1),"
                            " ?2, ?3)", "iss", plan_id, text, due) != 1)
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (handle);
  if (!_zicha_plans_log (db, user_name, "plan_milestone", "plan_milestones", id,
                         ZICHA_CHANGE_CREATE, NULL, error)
      || !_zicha_plans_commit (db, error))
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  return id;
}

gboolean
zicha_plans_update_milestone (ZichaDb     *db,
                              gint64       milestone_id,
                              const char  *title,
                              const char  *due_on,
                              const char  *done_on,
                              const char  *user_name,
                              GError     **error)
{
  g_autofree char *text = _zicha_plans_norm (title);
  g_autofree char *due = _zicha_plans_norm (due_on);
  g_autofree char *done = _zicha_plans_norm (done_on);
  g_autofree char *before = NULL;
  gint64 changed;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!check_milestone (text, due, done, error) || !_zicha_plans_begin (db, error))
    return FALSE;
  before = zicha_change_log_row_json (db, "plan_milestones", milestone_id);
  changed = _zicha_plans_exec (zicha_db_get_handle (db),
                               "UPDATE plan_milestones SET title = ?, due_on = ?, done_on = ?"
                               " WHERE id = ?", "sssi", text, due, done, milestone_id);
  if (changed == 0)
    g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND, milestone_not_found ());
  if (changed != 1
      || !_zicha_plans_log (db, user_name, "plan_milestone", "plan_milestones", milestone_id,
                            ZICHA_CHANGE_UPDATE, before, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

GPtrArray *
zicha_plans_list_milestones (ZichaDb  *db,
                             gint64    plan_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_plan_milestone_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (!_zicha_plans_check_plan (db, plan_id, error))
    return NULL;
  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT id, plan, position, title, due_on, done_on"
                               " FROM plan_milestones WHERE plan = ? ORDER BY position, id",
                               "i", plan_id);
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaPlanMilestone *row = g_new0 (ZichaPlanMilestone, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->plan = sqlite3_column_int64 (stmt, 1);
      row->position = (guint) sqlite3_column_int64 (stmt, 2);
      row->title = _zicha_plans_dup_column (stmt, 3);
      row->due_on = _zicha_plans_dup_column (stmt, 4);
      row->done_on = _zicha_plans_dup_column (stmt, 5);
      g_ptr_array_add (list, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
zicha_plans_move_milestone (ZichaDb     *db,
                            gint64       milestone_id,
                            guint        position,
                            const char  *user_name,
                            GError     **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if (!_zicha_plans_move_row (db, "plan_milestones", "plan_milestone", milestone_id, position,
                              milestone_not_found (), user_name, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

gboolean
zicha_plans_remove_milestone (ZichaDb     *db,
                              gint64       milestone_id,
                              const char  *user_name,
                              GError     **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if (!_zicha_plans_delete_row (db, "plan_milestones", "plan_milestone", milestone_id,
                                milestone_not_found (), user_name, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}
