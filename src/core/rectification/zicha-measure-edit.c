/* zicha-measure-edit.c — rectification measures (整改措施): making, changing, linking,
 * deleting them, and their demands to certified organizations (责令整改)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each public function is one transaction that writes the change history: the measure's row
 * before and after (entity "measure"), each link made or taken away (entity
 * "measure_problem", key the measure's id, {"measure":…,"problem":…}). A deleted measure
 * keeps its row (deleted_at), so that undoing the deletion brings back exactly what was
 * there, links and evidence included. After anything that may change the state of a problem
 * (a measure added, linked, deleted or restored), close-outs that no longer hold are cleared
 * (_zicha_rect_clear_stale_closeouts). Transitions are in zicha-measure-status.c. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-error.h"
#include "zicha-json.h"
#include "zicha-rectification-private.h"

/* Checks @draft; the responsible person's row id and name go to @out_person and @out_name. */
static gboolean
check_draft (ZichaDb                  *db,
             const ZichaMeasureDraft  *draft,
             gint64                   *out_person,
             char                    **out_name,
             GError                  **error)
{
  g_autofree char *text = _zicha_rect_norm (draft->text);

  if (zicha_measure_kind_to_string (draft->kind) == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Unknown kind of measure: use correction, corrective or extension"));
      return FALSE;
    }
  if (text == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A measure needs a text saying what is done"));
      return FALSE;
    }
  return _zicha_rect_check_date (_("The deadline"), draft->deadline, error)
         && _zicha_rect_resolve_person (db, draft->responsible_person_id, draft->responsible,
                                        out_person, out_name, error);
}

/* The problem @problem_id, which must exist and not be withdrawn. */
static gboolean
check_problem (ZichaDb *db, gint64 problem_id, GError **error)
{
  g_autoptr(ZichaProblem) problem = zicha_problems_get (db, problem_id, error);

  if (problem == NULL)
    return FALSE;
  if (problem->state == ZICHA_PROBLEM_WITHDRAWN)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s is a problem's number (ZC-2026-001) */
                   _("The problem %s is withdrawn: it takes no measures"), problem->number);
      return FALSE;
    }
  return TRUE;
}

gboolean
_zicha_rect_check_live (const ZichaMeasure  *measure,
                        GError             **error)
{
  g_autofree char *name = NULL;

  if (measure->deleted_at == NULL)
    return TRUE;
  name = _zicha_rect_measure_name (measure);
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
               /* Translators: %s names a measure: its number and the start of its text */
               _("The measure %s is deleted"), name);
  return FALSE;
}

static gboolean
log_link (ZichaDb *db, gint64 measure_id, gint64 problem_id, ZichaChangeAction action,
          const char *user_name, GError **error)
{
  ZichaJson *json = zicha_json_begin ();
  g_autofree char *text = NULL;
  g_autofree char *key = _zicha_rect_key (measure_id);

  zicha_json_add_int (json, "measure", measure_id);
  zicha_json_add_int (json, "problem", problem_id);
  text = zicha_json_end (json);
  return zicha_change_log_append (db, user_name, "measure_problem", key, action,
                                  action == ZICHA_CHANGE_DELETE ? text : NULL,
                                  action == ZICHA_CHANGE_DELETE ? NULL : text, error);
}

static gboolean
insert_link (ZichaDb *db, gint64 measure_id, gint64 problem_id, const char *user_name,
             GError **error)
{
  char now[20];

  zicha_now (now);
  return _zicha_rect_exec (db, error,
                           "INSERT INTO measure_problems (measure, problem, linked_at, linked_by)"
                           " VALUES (?, ?, ?, ?)", "iiss", measure_id, problem_id, now,
                           user_name != NULL && *user_name != '\0' ? user_name : "?") >= 0
         && log_link (db, measure_id, problem_id, ZICHA_CHANGE_CREATE, user_name, error);
}

gint64
zicha_measures_add (ZichaDb                  *db,
                    const gint64             *problem_ids,
                    guint                     n_problems,
                    const ZichaMeasureDraft  *draft,
                    const char               *user_name,
                    GError                  **error)
{
  g_autofree char *responsible = NULL;
  g_autofree char *text = NULL;
  g_autofree char *department = NULL;
  gint64 person = 0, id = 0;
  char now[20];
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (problem_ids != NULL || n_problems == 0, 0);

  if (n_problems == 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A measure serves at least one problem"));
      return 0;
    }
  if (!_zicha_rect_begin (db, error))
    return 0;
  ok = check_draft (db, draft, &person, &responsible, error);
  for (guint i = 0; ok && i < n_problems; i++)
    ok = check_problem (db, problem_ids[i], error);
  if (ok)
    {
      text = _zicha_rect_norm (draft->text);
      department = _zicha_rect_norm (draft->department);
      zicha_now (now);
      ok = _zicha_rect_exec (db, error,
                             "INSERT INTO measures (kind, text, department, responsible_person,"
                             " responsible, deadline, created_at, created_by)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "sssnssss",
                             zicha_measure_kind_to_string (draft->kind), text, department,
                             person, responsible, draft->deadline, now,
                             user_name != NULL && *user_name != '\0' ? user_name : "?") >= 0;
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (zicha_db_get_handle (db));
      ok = _zicha_rect_log_row (db, user_name, "measure", "measures", id,
                                      ZICHA_CHANGE_CREATE, NULL, error);
    }
  for (guint i = 0; ok && i < n_problems; i++)
    {
      gint64 n = _zicha_rect_query_int (db, error, 0,
                                        "SELECT count (*) FROM measure_problems"
                                        " WHERE measure = ? AND problem = ?", "ii", id,
                                        problem_ids[i]);

      ok = n == 0 ? insert_link (db, id, problem_ids[i], user_name, error) : n > 0;
    }
  ok = ok && _zicha_rect_clear_stale_closeouts (db, user_name, error);
  if (!_zicha_rect_end (db, ok, error))
    return 0;
  return id;
}

gboolean
zicha_measures_update (ZichaDb                  *db,
                       gint64                    measure_id,
                       const ZichaMeasureDraft  *draft,
                       const char               *user_name,
                       GError                  **error)
{
  g_autoptr(ZichaMeasure) measure = NULL;
  g_autofree char *responsible = NULL, *text = NULL, *department = NULL, *before = NULL;
  gint64 person = 0;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  ok = _zicha_rect_check_live (measure, error)
       && check_draft (db, draft, &person, &responsible, error);
  if (ok)
    {
      text = _zicha_rect_norm (draft->text);
      department = _zicha_rect_norm (draft->department);
      before = zicha_change_log_row_json (db, "measures", measure_id);
      ok = _zicha_rect_exec (db, error,
                             "UPDATE measures SET kind = ?, text = ?, department = ?,"
                             " responsible_person = ?, responsible = ?, deadline = ?"
                             " WHERE id = ?", "sssnssi",
                             zicha_measure_kind_to_string (draft->kind), text, department,
                             person, responsible, draft->deadline, measure_id) >= 0
           && _zicha_rect_log_row (db, user_name, "measure", "measures", measure_id,
                                   ZICHA_CHANGE_UPDATE, before, error);
    }
  return _zicha_rect_end (db, ok, error);
}

/* Links ------------------------------------------------------------------------------------- */

gboolean
zicha_measures_link_problem (ZichaDb     *db,
                             gint64       measure_id,
                             gint64       problem_id,
                             const char  *user_name,
                             GError     **error)
{
  g_autoptr(ZichaMeasure) measure = NULL;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  ok = _zicha_rect_check_live (measure, error) && check_problem (db, problem_id, error);
  for (guint i = 0; ok && i < measure->problem_ids->len; i++)
    if (g_array_index (measure->problem_ids, gint64, i) == problem_id)
      {
        g_autofree char *name = _zicha_rect_measure_name (measure);

        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                     /* Translators: %1$s names a measure, %2$s is a problem's number */
                     _("The measure %1$s serves the problem %2$s already"), name,
                     measure->problem_numbers[i]);
        ok = FALSE;
      }
  ok = ok && insert_link (db, measure_id, problem_id, user_name, error)
       && _zicha_rect_clear_stale_closeouts (db, user_name, error);
  return _zicha_rect_end (db, ok, error);
}

gboolean
zicha_measures_unlink_problem (ZichaDb     *db,
                               gint64       measure_id,
                               gint64       problem_id,
                               const char  *user_name,
                               GError     **error)
{
  g_autoptr(ZichaMeasure) measure = NULL;
  g_autofree char *name = NULL;
  gboolean linked = FALSE;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  name = _zicha_rect_measure_name (measure);
  for (guint i = 0; i < measure->problem_ids->len; i++)
    linked |= g_array_index (measure->problem_ids, gint64, i) == problem_id;
  ok = _zicha_rect_check_live (measure, error);
  if (ok && !linked)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s names a measure: its number and the start of its text */
                   _("The measure %s does not serve that problem"), name);
      ok = FALSE;
    }
  else if (ok && measure->problem_ids->len == 1)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s names a measure: its number and the start of its text */
                   _("The measure %s serves no other problem: delete it instead"), name);
      ok = FALSE;
    }
  ok = ok && _zicha_rect_exec (db, error,
                               "DELETE FROM measure_problems WHERE measure = ? AND problem = ?",
                               "ii", measure_id, problem_id) >= 0
       && log_link (db, measure_id, problem_id, ZICHA_CHANGE_DELETE, user_name, error)
       && _zicha_rect_clear_stale_closeouts (db, user_name, error);
  return _zicha_rect_end (db, ok, error);
}

/* Deletion ---------------------------------------------------------------------------------- */

gboolean
zicha_measures_delete (ZichaDb     *db,
                       gint64       measure_id,
                       const char  *user_name,
                       GError     **error)
{
  g_autoptr(ZichaMeasure) measure = NULL;
  g_autofree char *before = NULL;
  char now[20];
  gint64 actions;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  ok = _zicha_rect_check_live (measure, error);
  actions = ok ? _zicha_rect_query_int (db, error, 0,
                                        "SELECT count (*) FROM certificate_actions"
                                        " WHERE measure = ?", "i", measure_id) : 0;
  if (actions < 0)
    ok = FALSE;
  else if (actions > 0)
    {
      g_autofree char *name = _zicha_rect_measure_name (measure);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s names a measure: its number and the start of its text */
                   _("The measure %s cannot be deleted: certificates were handled with it; "
                     "undo the handling first"), name);
      ok = FALSE;
    }
  zicha_now (now);
  before = zicha_change_log_row_json (db, "measures", measure_id);
  ok = ok && _zicha_rect_exec (db, error,
                               "UPDATE measures SET deleted_at = ?, deleted_by = ? WHERE id = ?",
                               "ssi", now, user_name != NULL && *user_name != '\0'
                                           ? user_name : "?", measure_id) >= 0
       && _zicha_rect_log_row (db, user_name, "measure", "measures", measure_id,
                               ZICHA_CHANGE_UPDATE, before, error)
       && _zicha_rect_clear_stale_closeouts (db, user_name, error);
  return _zicha_rect_end (db, ok, error);
}

gboolean
zicha_measures_undo_delete (ZichaDb     *db,
                            gint64       measure_id,
                            const char  *user_name,
                            GError     **error)
{
  g_autoptr(ZichaMeasure) measure = NULL;
  g_autofree char *before = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  if (measure->deleted_at == NULL)
    {
      g_autofree char *name = _zicha_rect_measure_name (measure);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s names a measure: its number and the start of its text */
                   _("The measure %s is not deleted"), name);
      ok = FALSE;
    }
  before = zicha_change_log_row_json (db, "measures", measure_id);
  ok = ok && _zicha_rect_exec (db, error,
                               "UPDATE measures SET deleted_at = NULL, deleted_by = NULL"
                               " WHERE id = ?", "i", measure_id) >= 0
       && _zicha_rect_log_row (db, user_name, "measure", "measures", measure_id,
                               ZICHA_CHANGE_UPDATE, before, error)
       && _zicha_rect_clear_stale_closeouts (db, user_name, error);
  return _zicha_rect_end (db, ok, error);
}

/* 责令整改 ---------------------------------------------------------------------------------- */

gboolean
zicha_measures_set_org_demand (ZichaDb               *db,
                               gint64                 measure_id,
                               const ZichaOrgDemand  *demand,
                               const char            *user_name,
                               GError               **error)
{
  g_autoptr(ZichaMeasure) measure = NULL;
  g_autofree char *org_key = demand != NULL ? _zicha_rect_norm (demand->org_id) : NULL;
  g_autofree char *notice_no = NULL, *text = NULL, *before = NULL;
  gint64 org = 0;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (org_key != NULL
      && (!_zicha_rect_check_date (_("The date of the notice"), demand->notice_on, error)
          || !_zicha_rect_check_date (_("The organization’s deadline"), demand->deadline,
                                      error)))
    return FALSE;
  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  ok = _zicha_rect_check_live (measure, error);
  if (ok && org_key != NULL)
    {
      org = _zicha_rect_query_int (db, error, 0, "SELECT id FROM organizations WHERE org_id = ?",
                                   "s", org_key);
      if (org == 0)
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                     /* Translators: %s is an organization's id (org_id) */
                     _("There is no organization “%s” in the records"), org_key);
      ok = org > 0;
    }
  if (ok)
    {
      before = zicha_change_log_row_json (db, "measures", measure_id);
      if (org_key != NULL)
        {
          notice_no = _zicha_rect_norm (demand->notice_no);
          text = _zicha_rect_norm (demand->demand);
          ok = _zicha_rect_exec (db, error,
                                 "UPDATE measures SET org = ?, notice_no = ?, notice_on = ?,"
                                 " org_demand = ?, org_deadline = ? WHERE id = ?", "issssi",
                                 org, notice_no, demand->notice_on, text, demand->deadline,
                                 measure_id) >= 0;
        }
      else
        ok = _zicha_rect_exec (db, error,
                               "UPDATE measures SET org = NULL, notice_no = NULL,"
                               " notice_on = NULL, org_demand = NULL, org_deadline = NULL,"
                               " org_response = NULL, org_response_on = NULL,"
                               " org_evidence = NULL, follow_up = NULL, follow_up_on = NULL,"
                               " follow_up_conclusion = NULL, follow_up_questions = NULL"
                               " WHERE id = ?", "i", measure_id) >= 0;
      ok = ok && _zicha_rect_log_row (db, user_name, "measure", "measures", measure_id,
                                      ZICHA_CHANGE_UPDATE, before, error);
    }
  return _zicha_rect_end (db, ok, error);
}

gboolean
_zicha_rect_check_addressed (const ZichaMeasure  *measure,
                             GError             **error)
{
  g_autofree char *name = NULL;

  if (!_zicha_rect_check_live (measure, error))
    return FALSE;
  if (measure->org_id != NULL)
    return TRUE;
  name = _zicha_rect_measure_name (measure);
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
               /* Translators: %s names a measure: its number and the start of its text */
               _("The measure %s is not addressed to a certified organization"), name);
  return FALSE;
}

gboolean
zicha_measures_set_org_response (ZichaDb     *db,
                                 gint64       measure_id,
                                 const char  *text,
                                 const char  *on,
                                 const char  *evidence,
                                 const char  *user_name,
                                 GError     **error)
{
  g_autoptr(ZichaMeasure) measure = NULL;
  g_autofree char *response = _zicha_rect_norm (text);
  g_autofree char *received = _zicha_rect_norm (evidence);
  g_autofree char *before = NULL;
  char day[11];
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (response == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the organization’s response"));
      return FALSE;
    }
  if (!_zicha_rect_date_or_today (db, _("The date of the response"), on, day, error))
    return FALSE;
  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  before = zicha_change_log_row_json (db, "measures", measure_id);
  ok = _zicha_rect_check_addressed (measure, error)
       && _zicha_rect_exec (db, error,
                            "UPDATE measures SET org_response = ?, org_response_on = ?,"
                            " org_evidence = ? WHERE id = ?", "sssi", response, day, received,
                            measure_id) >= 0
       && _zicha_rect_log_row (db, user_name, "measure", "measures", measure_id,
                               ZICHA_CHANGE_UPDATE, before, error);
  return _zicha_rect_end (db, ok, error);
}
