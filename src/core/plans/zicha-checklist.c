/* zicha-checklist.c — the checklist items of a plan (自查事项)
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items are rows of checklist_items with a dense position in their plan. A new plan gets the
 * template's points (zicha-checklist-template.c) in the language of the moment, each with its
 * template key; users add their own at any position, edit any field of any item (the fields
 * to set are a mask, so one static UPDATE with bound values serves every edit), move items
 * and delete them. Every change is one transaction with its history entry.
 */
#define G_LOG_DOMAIN "zicha-checklist"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-error.h"
#include "zicha-plans-private.h"

#define ITEM_COLUMNS                                                                      \
  "c.id, c.plan, c.position, c.area, c.text, c.template_key, p.person_id, c.assignee,"     \
  " c.due_on, c.status, c.conclusion, c.notes"
#define ITEM_FROM \
  " FROM checklist_items AS c LEFT JOIN personnel AS p ON p.id = c.assignee_person"

ZichaChecklistItem *
zicha_checklist_item_copy (const ZichaChecklistItem *item)
{
  ZichaChecklistItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_new0 (ZichaChecklistItem, 1);
  *copy = *item;
  copy->text = g_strdup (item->text);
  copy->template_key = g_strdup (item->template_key);
  copy->assignee_person_id = g_strdup (item->assignee_person_id);
  copy->assignee = g_strdup (item->assignee);
  copy->due_on = g_strdup (item->due_on);
  copy->notes = g_strdup (item->notes);
  return copy;
}

void
zicha_checklist_item_free (ZichaChecklistItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item->template_key);
  g_free (item->assignee_person_id);
  g_free (item->assignee);
  g_free (item->due_on);
  g_free (item->notes);
  g_free (item);
}

ZichaChecklistItem *
_zicha_checklist_item_from_row (sqlite3_stmt *stmt)
{
  ZichaChecklistItem *item = g_new0 (ZichaChecklistItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->plan = sqlite3_column_int64 (stmt, 1);
  item->position = (guint) sqlite3_column_int64 (stmt, 2);
  if (!zicha_rule_area_from_string ((const char *) sqlite3_column_text (stmt, 3), &item->area))
    item->area = ZICHA_RULE_AREA_LEGAL;
  item->text = _zicha_plans_dup_column (stmt, 4);
  item->template_key = _zicha_plans_dup_column (stmt, 5);
  item->assignee_person_id = _zicha_plans_dup_column (stmt, 6);
  item->assignee = _zicha_plans_dup_column (stmt, 7);
  item->due_on = _zicha_plans_dup_column (stmt, 8);
  if (!zicha_checklist_status_from_string ((const char *) sqlite3_column_text (stmt, 9),
                                           &item->status))
    item->status = ZICHA_CHECKLIST_TODO;
  if (sqlite3_column_type (stmt, 10) == SQLITE_NULL
      || !zicha_check_conclusion_from_string ((const char *) sqlite3_column_text (stmt, 10),
                                              &item->conclusion))
    item->conclusion = ZICHA_CHECK_NONE;
  item->notes = _zicha_plans_dup_column (stmt, 11);
  return item;
}

static const char *
item_not_found (void)
{
  return _("There is no such checklist item");
}

gboolean
_zicha_checklist_add_template (ZichaDb     *db,
                               gint64       plan_id,
                               const char  *user_name,
                               GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  const ZichaChecklistTemplateItem *items;
  guint n = 0;

  items = zicha_checklist_template_get (&n);
  for (guint i = 0; i < n; i++)
    {
      if (_zicha_plans_exec (handle,
                             "INSERT INTO checklist_items (plan, position, area, text,"
                             " template_key) VALUES (?, ?, ?, ?, ?)", "iisss", plan_id,
                             (gint64) i, zicha_rule_area_to_string (items[i].area),
                             zicha_checklist_template_get_text (&items[i]), items[i].key) != 1)
        {
          zicha_db_set_error (db, error, _("Could not change the self-inspection plan"));
          return FALSE;
        }
      if (!_zicha_plans_log (db, user_name, "checklist_item", "checklist_items",
                             sqlite3_last_insert_rowid (handle), ZICHA_CHANGE_CREATE, NULL,
                             error))
        return FALSE;
    }
  return TRUE;
}

/* Reading ------------------------------------------------------------------------------------ */

static GPtrArray *
query_items (ZichaDb     *db,
             const char  *sql,
             gint64       plan_id,
             const char  *as_of,
             GError     **error)
{
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_checklist_item_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!_zicha_plans_check_plan (db, plan_id, error))
    return NULL;
  stmt = _zicha_plans_prepare (zicha_db_get_handle (db), sql, "is", plan_id, as_of);
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, _zicha_checklist_item_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

GPtrArray *
zicha_checklist_list (ZichaDb  *db,
                      gint64    plan_id,
                      GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  return query_items (db, "SELECT " ITEM_COLUMNS ITEM_FROM " WHERE c.plan = ?1 AND ?2 IS NULL"
                          " ORDER BY c.position, c.id", plan_id, NULL, error);
}

GPtrArray *
zicha_checklist_list_overdue (ZichaDb     *db,
                              gint64       plan_id,
                              const char  *as_of,
                              GError     **error)
{
  char day[11];

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (!_zicha_plans_as_of (as_of, day, error))
    return NULL;
  return query_items (db, "SELECT " ITEM_COLUMNS ITEM_FROM " WHERE c.plan = ?1"
                          " AND c.due_on < ?2 AND c.status <> 'done'"
                          " ORDER BY c.due_on, c.position, c.id", plan_id, day, error);
}

ZichaChecklistItem *
zicha_checklist_get (ZichaDb  *db,
                     gint64    item_id,
                     GError  **error)
{
  ZichaChecklistItem *item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT " ITEM_COLUMNS ITEM_FROM " WHERE c.id = ?", "i", item_id);
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = _zicha_checklist_item_from_row (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND, item_not_found ());
  else if (rc != SQLITE_ROW)
    _zicha_plans_read_failed (db, error);
  return item;
}

/* Changes ------------------------------------------------------------------------------------ */

static gboolean
check_area (ZichaRuleArea   area,
            GError        **error)
{
  if ((guint) area < ZICHA_PLAN_N_AREAS)
    return TRUE;
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("A checklist item belongs to one of the four focus areas"));
  return FALSE;
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text != NULL)
    return TRUE;
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("A checklist item needs a text"));
  return FALSE;
}

gint64
zicha_checklist_add (ZichaDb        *db,
                     gint64          plan_id,
                     ZichaRuleArea   area,
                     const char     *text,
                     gint            position,
                     const char     *user_name,
                     GError        **error)
{
  g_autofree char *value = _zicha_plans_norm (text);
  sqlite3 *handle;
  gint64 n = 0, at, id;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);

  if (!check_area (area, error) || !check_text (value, error) || !_zicha_plans_begin (db, error))
    return 0;
  handle = zicha_db_get_handle (db);
  if (!_zicha_plans_check_plan (db, plan_id, error)
      || !_zicha_plans_query_int (handle, &n,
                                  "SELECT count (*) FROM checklist_items WHERE plan = ?", "i",
                                  plan_id))
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  at = position < 0 || position > n ? n : position;
  if (_zicha_plans_exec (handle,
                         "UPDATE checklist_items SET position = position + 1"
                         " WHERE plan = ? AND position >= ?", "ii", plan_id, at) < 0
      || _zicha_plans_exec (handle,
                            "INSERT INTO checklist_items (plan, position, area, text)"
                            " VALUES (?, ?, ?, ?)", "iiss", plan_id, at,
                            zicha_rule_area_to_string (area), value) != 1)
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (handle);
  if (!_zicha_plans_log (db, user_name, "checklist_item", "checklist_items", id,
                         ZICHA_CHANGE_CREATE, NULL, error)
      || !_zicha_plans_commit (db, error))
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  return id;
}

gboolean
zicha_checklist_update (ZichaDb                     *db,
                        gint64                       item_id,
                        const ZichaChecklistChange  *change,
                        ZichaChecklistField          fields,
                        const char                  *user_name,
                        GError                     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *assignee = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *before = NULL;
  const char *area = NULL, *status = NULL, *conclusion = NULL;
  gint64 person = 0, changed;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (fields & ZICHA_CHECKLIST_FIELD_AREA)
    {
      if (!check_area (change->area, error))
        return FALSE;
      area = zicha_rule_area_to_string (change->area);
    }
  if (fields & ZICHA_CHECKLIST_FIELD_TEXT)
    {
      text = _zicha_plans_norm (change->text);
      if (!check_text (text, error))
        return FALSE;
    }
  if (fields & ZICHA_CHECKLIST_FIELD_DUE_ON)
    {
      due_on = _zicha_plans_norm (change->due_on);
      if (!_zicha_plans_check_date (due_on, _("The due date"), error))
        return FALSE;
    }
  if (fields & ZICHA_CHECKLIST_FIELD_STATUS)
    {
      status = zicha_checklist_status_to_string (change->status);
      g_return_val_if_fail (status != NULL, FALSE);
    }
  if (fields & ZICHA_CHECKLIST_FIELD_CONCLUSION)
    {
      g_return_val_if_fail (zicha_check_conclusion_to_string (change->conclusion) != NULL, FALSE);
      if (change->conclusion != ZICHA_CHECK_NONE)
        conclusion = zicha_check_conclusion_to_string (change->conclusion);
    }
  if (fields & ZICHA_CHECKLIST_FIELD_NOTES)
    notes = _zicha_plans_norm (change->notes);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if ((fields & ZICHA_CHECKLIST_FIELD_ASSIGNEE)
      && !_zicha_plans_resolve_person (db, change->assignee_person_id, change->assignee,
                                       &person, &assignee, error))
    return _zicha_plans_fail (db, error);
  before = zicha_change_log_row_json (db, "checklist_items", item_id);
  changed = _zicha_plans_exec (zicha_db_get_handle (db),
                               "UPDATE checklist_items SET"
                               " area = CASE WHEN ?2 & 1 THEN ?3 ELSE area END,"
                               " text = CASE WHEN ?2 & 2 THEN ?4 ELSE text END,"
                               " assignee_person = CASE WHEN ?2 & 4 THEN ?5 ELSE assignee_person"
                               " END,"
                               " assignee = CASE WHEN ?2 & 4 THEN ?6 ELSE assignee END,"
                               " due_on = CASE WHEN ?2 & 8 THEN ?7 ELSE due_on END,"
                               " status = CASE WHEN ?2 & 16 THEN ?8 ELSE status END,"
                               " conclusion = CASE WHEN ?2 & 32 THEN ?9 ELSE conclusion END,"
                               " notes = CASE WHEN ?2 & 64 THEN ?10 ELSE notes END"
                               " WHERE id = ?1",
                               "iissrsssss", item_id, (gint64) fields, area, text, person,
                               assignee, due_on, status, conclusion, notes);
  if (changed == 0)
    g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND, item_not_found ());
  if (changed != 1
      || !_zicha_plans_log (db, user_name, "checklist_item", "checklist_items", item_id,
                            ZICHA_CHANGE_UPDATE, before, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

gboolean
zicha_checklist_move (ZichaDb     *db,
                      gint64       item_id,
                      guint        position,
                      const char  *user_name,
                      GError     **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if (!_zicha_plans_move_row (db, "checklist_items", "checklist_item", item_id, position,
                              item_not_found (), user_name, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

gboolean
zicha_checklist_delete (ZichaDb     *db,
                        gint64       item_id,
                        const char  *user_name,
                        GError     **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if (!_zicha_plans_delete_row (db, "checklist_items", "checklist_item", item_id,
                                item_not_found (), user_name, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}
