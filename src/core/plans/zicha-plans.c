/* zicha-plans.c — self-inspection plans (自查方案): the plan itself and its progress
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan is one row of plans; its lists (staff and milestones in zicha-plan-lists.c, the
 * checklist in zicha-checklist.c, samples in zicha-sampling*.c) are rows that refer to it.
 * Creating a plan writes the plan and the template's checklist in one transaction, deleting
 * it removes every list row first, each with its history entry, so that the history tells
 * what went with it. Progress is counted in SQL per area, with the as-of date bound.
 */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-error.h"
#include "zicha-plans-private.h"

#define PLAN_COLUMNS                                                                     \
  "id, title, period_from, period_to, schemes, years, lead_department, leader, status,"  \
  " description, created_at, created_by"

static const char *status_labels[] = { N_("Draft"), N_("In progress"), N_("Done") };

const char *
zicha_plan_status_to_string (ZichaPlanStatus status)
{
  return zicha_enum_get_nick (ZICHA_TYPE_PLAN_STATUS, status);
}

gboolean
zicha_plan_status_from_string (const char      *str,
                               ZichaPlanStatus *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_PLAN_STATUS, str, FALSE, &value))
    return FALSE;
  *out = (ZichaPlanStatus) value;
  return TRUE;
}

const char *
zicha_plan_status_get_label (ZichaPlanStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, status_labels[status]);
}

void
zicha_plan_free (ZichaPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->title);
  g_free (plan->period_from);
  g_free (plan->period_to);
  g_strfreev (plan->schemes);
  g_strfreev (plan->years);
  g_free (plan->lead_department);
  g_free (plan->leader);
  g_free (plan->description);
  g_free (plan->created_at);
  g_free (plan->created_by);
  g_free (plan);
}

static ZichaPlan *
plan_from_row (sqlite3_stmt *stmt)
{
  ZichaPlan *plan = g_new0 (ZichaPlan, 1);

  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->title = _zicha_plans_dup_column (stmt, 1);
  plan->period_from = _zicha_plans_dup_column (stmt, 2);
  plan->period_to = _zicha_plans_dup_column (stmt, 3);
  plan->schemes = _zicha_plans_split_column (stmt, 4);
  plan->years = _zicha_plans_split_column (stmt, 5);
  plan->lead_department = _zicha_plans_dup_column (stmt, 6);
  plan->leader = _zicha_plans_dup_column (stmt, 7);
  if (!zicha_plan_status_from_string ((const char *) sqlite3_column_text (stmt, 8),
                                      &plan->status))
    plan->status = ZICHA_PLAN_DRAFT;
  plan->description = _zicha_plans_dup_column (stmt, 9);
  plan->created_at = _zicha_plans_dup_column (stmt, 10);
  plan->created_by = _zicha_plans_dup_column (stmt, 11);
  return plan;
}

/* Fields checked and normalised ------------------------------------------------------------- */

typedef struct
{
  char *title;
  char *period_from;
  char *period_to;
  char *schemes;
  char *years;
  char *lead_department;
  char *leader;
  char *description;
} PlanValues;

static void
plan_values_clear (PlanValues *values)
{
  g_free (values->title);
  g_free (values->period_from);
  g_free (values->period_to);
  g_free (values->schemes);
  g_free (values->years);
  g_free (values->lead_department);
  g_free (values->leader);
  g_free (values->description);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanValues, plan_values_clear)

/* A scheme code of DOMAIN.md section 2: 2–16 capital letters, digits or '-'. */
static gboolean
is_scheme_code (const char *code)
{
  gsize len = strlen (code);

  if (len < 2 || len > 16)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_year (const char *year)
{
  return strlen (year) == 4 && g_ascii_isdigit (year[0]) && g_ascii_isdigit (year[1])
         && g_ascii_isdigit (year[2]) && g_ascii_isdigit (year[3]) && year[0] != '0';
}

/* The trimmed (and with @upper upper-cased) values of @list checked with @valid, joined
 * into @out; FALSE with the first bad value in @out_bad. */
static gboolean
join_checked (const char * const  *list,
              gboolean           (*valid) (const char *),
              gboolean             upper,
              char               **out,
              char               **out_bad)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_autofree char *value = _zicha_plans_norm (list[i]);

      if (value == NULL)
        continue;
      if (upper)
        {
          char *up = g_ascii_strup (value, -1);

          g_free (value);
          value = up;
        }
      if (!valid (value))
        {
          *out_bad = g_steal_pointer (&value);
          return FALSE;
        }
      g_ptr_array_add (values, g_steal_pointer (&value));
    }
  g_ptr_array_add (values, NULL);
  *out = _zicha_plans_join_list ((const char * const *) values->pdata);
  return TRUE;
}

static gboolean
check_fields (const ZichaPlanFields  *fields,
              PlanValues             *values,
              GError                **error)
{
  g_autofree char *bad = NULL;

  values->title = _zicha_plans_norm (fields->title);
  if (values->title == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A self-inspection plan needs a title"));
      return FALSE;
    }
  values->period_from = _zicha_plans_norm (fields->period_from);
  values->period_to = _zicha_plans_norm (fields->period_to);
  if (!_zicha_plans_check_date (values->period_from, _("The start of the period"), error)
      || !_zicha_plans_check_date (values->period_to, _("The end of the period"), error))
    return FALSE;
  if (values->period_from != NULL && values->period_to != NULL
      && strcmp (values->period_to, values->period_from) < 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("The period of the plan ends before it starts"));
      return FALSE;
    }
  if (!join_checked (fields->schemes, is_scheme_code, TRUE, &values->schemes, &bad))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what was given as a scheme */
                   _("“%s” is not a scheme code (2 to 16 capital letters, digits or -)"), bad);
      return FALSE;
    }
  if (!join_checked (fields->years, is_year, FALSE, &values->years, &bad))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what was given as a year */
                   _("“%s” is not a year"), bad);
      return FALSE;
    }
  values->lead_department = _zicha_plans_norm (fields->lead_department);
  values->leader = _zicha_plans_norm (fields->leader);
  values->description = _zicha_plans_norm (fields->description);
  return TRUE;
}

/* Plans ------------------------------------------------------------------------------------- */

gint64
zicha_plans_create (ZichaDb                *db,
                    const ZichaPlanFields  *fields,
                    const char             *user_name,
                    GError                **error)
{
  g_auto(PlanValues) values = { 0 };
  sqlite3 *handle;
  char now[20];
  gint64 id;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!check_fields (fields, &values, error) || !_zicha_plans_begin (db, error))
    return 0;
  handle = zicha_db_get_handle (db);
  zicha_now (now);
  if (_zicha_plans_exec (handle,
                         "INSERT INTO plans (title, period_from, period_to, schemes, years,"
                         " lead_department, leader, status, description, created_at,"
                         " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)",
                         "ssssssssss", values.title, values.period_from, values.period_to,
                         values.schemes, values.years, values.lead_department, values.leader,
                         values.description, now,
                         user_name != NULL && *user_name != '\0' ? user_name : "?") != 1)
    return _zicha_plans_fail (db, error);
  id = sqlite3_last_insert_rowid (handle);
  if (!_zicha_plans_log (db, user_name, "plan", "plans", id, ZICHA_CHANGE_CREATE, NULL, error)
      || !_zicha_checklist_add_template (db, id, user_name, error)
      || !_zicha_plans_commit (db, error))
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  return id;
}

ZichaPlan *
zicha_plans_get (ZichaDb  *db,
                 gint64    plan_id,
                 GError  **error)
{
  sqlite3_stmt *stmt;
  ZichaPlan *plan = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT " PLAN_COLUMNS " FROM plans WHERE id = ?", "i", plan_id);
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    plan = plan_from_row (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    _zicha_plans_check_plan (db, plan_id, error);
  else if (rc != SQLITE_ROW)
    _zicha_plans_read_failed (db, error);
  return plan;
}

GPtrArray *
zicha_plans_list (ZichaDb  *db,
                  GError  **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_plan_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT " PLAN_COLUMNS " FROM plans ORDER BY id DESC", "");
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (plans, plan_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&plans);
}

/* Begins, checks the plan and reads it as JSON into @out_before. */
static gboolean
begin_plan_change (ZichaDb  *db,
                   gint64    plan_id,
                   char    **out_before,
                   GError  **error)
{
  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if (!_zicha_plans_check_plan (db, plan_id, error))
    {
      zicha_db_rollback (db);
      return FALSE;
    }
  *out_before = zicha_change_log_row_json (db, "plans", plan_id);
  return TRUE;
}

gboolean
zicha_plans_update (ZichaDb                *db,
                    gint64                  plan_id,
                    const ZichaPlanFields  *fields,
                    const char             *user_name,
                    GError                **error)
{
  g_auto(PlanValues) values = { 0 };
  g_autofree char *before = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!check_fields (fields, &values, error) || !begin_plan_change (db, plan_id, &before, error))
    return FALSE;
  if (_zicha_plans_exec (zicha_db_get_handle (db),
                         "UPDATE plans SET title = ?, period_from = ?, period_to = ?,"
                         " schemes = ?, years = ?, lead_department = ?, leader = ?,"
                         " description = ? WHERE id = ?",
                         "ssssssssi", values.title, values.period_from, values.period_to,
                         values.schemes, values.years, values.lead_department, values.leader,
                         values.description, plan_id) != 1
      || !_zicha_plans_log (db, user_name, "plan", "plans", plan_id, ZICHA_CHANGE_UPDATE,
                            before, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

gboolean
zicha_plans_set_status (ZichaDb          *db,
                        gint64            plan_id,
                        ZichaPlanStatus   status,
                        const char       *user_name,
                        GError          **error)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), FALSE);

  if (!begin_plan_change (db, plan_id, &before, error))
    return FALSE;
  if (_zicha_plans_exec (zicha_db_get_handle (db), "UPDATE plans SET status = ? WHERE id = ?",
                         "si", zicha_plan_status_to_string (status), plan_id) != 1
      || !_zicha_plans_log (db, user_name, "plan", "plans", plan_id, ZICHA_CHANGE_UPDATE,
                            before, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

/* Deletes the rows of @table that belong to the plan, each with its history entry. */
static gboolean
delete_children (ZichaDb     *db,
                 const char  *table,
                 const char  *entity,
                 gint64       plan_id,
                 const char  *user_name,
                 GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  char *sql = sqlite3_mprintf ("SELECT id FROM \"%w\" WHERE plan = ? ORDER BY position", table);
  char *delete_sql;
  sqlite3_stmt *stmt = _zicha_plans_prepare (handle, sql, "i", plan_id);
  gboolean ok = TRUE;
  int rc;

  sqlite3_free (sql);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  delete_sql = sqlite3_mprintf ("DELETE FROM \"%w\" WHERE id = ?", table);
  for (guint i = 0; i < ids->len && ok; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *before = zicha_change_log_row_json (db, table, id);

      ok = _zicha_plans_exec (handle, delete_sql, "i", id) == 1
           && _zicha_plans_log (db, user_name, entity, table, id, ZICHA_CHANGE_DELETE, before,
                                error);
    }
  sqlite3_free (delete_sql);
  return ok;
}

gboolean
zicha_plans_delete (ZichaDb     *db,
                    gint64       plan_id,
                    const char  *user_name,
                    GError     **error)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!begin_plan_change (db, plan_id, &before, error))
    return FALSE;
  if (!_zicha_sampling_delete_plan_samples (db, plan_id, user_name, error)
      || !delete_children (db, "checklist_items", "checklist_item", plan_id, user_name, error)
      || !delete_children (db, "plan_milestones", "plan_milestone", plan_id, user_name, error)
      || !delete_children (db, "plan_staff", "plan_staff", plan_id, user_name, error)
      || _zicha_plans_exec (zicha_db_get_handle (db), "DELETE FROM plans WHERE id = ?", "i",
                            plan_id) != 1
      || !_zicha_plans_log (db, user_name, "plan", "plans", plan_id, ZICHA_CHANGE_DELETE, before,
                            error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

char *
zicha_plans_lookup_person (ZichaDb     *db,
                           const char  *person_id,
                           GError     **error)
{
  g_autofree char *key = _zicha_plans_norm (person_id);
  gint64 person = 0;
  char *name = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (key == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is a person id of the body's personnel, e.g. P0012 */
                   _("There is no person “%s” in the personnel records"), person_id);
      return NULL;
    }
  if (!_zicha_plans_resolve_person (db, key, NULL, &person, &name, error))
    return NULL;
  return name;
}

/* Progress ---------------------------------------------------------------------------------- */

gboolean
zicha_plans_get_progress (ZichaDb            *db,
                          gint64              plan_id,
                          const char         *as_of,
                          ZichaPlanProgress  *out,
                          GError            **error)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt;
  char day[11];
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!_zicha_plans_as_of (as_of, day, error) || !_zicha_plans_check_plan (db, plan_id, error))
    return FALSE;
  handle = zicha_db_get_handle (db);
  stmt = _zicha_plans_prepare (handle,
                               "SELECT area, count (*), total (status = 'done'),"
                               " total (due_on < ?2 AND status <> 'done')"
                               " FROM checklist_items WHERE plan = ?1 GROUP BY area",
                               "is", plan_id, day);
  if (stmt == NULL)
    return _zicha_plans_read_failed (db, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaRuleArea area;
      guint total = (guint) sqlite3_column_int64 (stmt, 1);
      guint done = (guint) sqlite3_column_int64 (stmt, 2);

      out->total += total;
      out->done += done;
      out->overdue += (guint) sqlite3_column_int64 (stmt, 3);
      if (zicha_rule_area_from_string ((const char *) sqlite3_column_text (stmt, 0), &area)
          && (guint) area < ZICHA_PLAN_N_AREAS)
        {
          out->area_total[area] += total;
          out->area_done[area] += done;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _zicha_plans_read_failed (db, error);

  stmt = _zicha_plans_prepare (handle,
                               "SELECT count (*), total (done_on IS NOT NULL),"
                               " total (due_on < ?2 AND done_on IS NULL)"
                               " FROM plan_milestones WHERE plan = ?1", "is", plan_id, day);
  if (stmt == NULL)
    return _zicha_plans_read_failed (db, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->milestones_total = (guint) sqlite3_column_int64 (stmt, 0);
      out->milestones_done = (guint) sqlite3_column_int64 (stmt, 1);
      out->milestones_overdue = (guint) sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _zicha_plans_read_failed (db, error);
  return TRUE;
}
