/* zicha-sampling-store.c — samples as stored: reading, reviewing, deleting
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sample is a row of samples with its strata (sample_strata) and items (sample_items); the
 * items are read with their certificate's number, scheme and organization, so a list needs no
 * other query. The review of an item (assignee, date checked, conclusion, notes) is set with
 * a mask of fields through one static UPDATE, like the checklist's; deleting a sample takes
 * its items and strata with it, the sample and each item with a history entry.
 */
#define G_LOG_DOMAIN "zicha-sampling"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-error.h"
#include "zicha-sampling-private.h"

#define SAMPLE_COLUMNS                                                                       \
  "id, plan, purpose, method, seed, valid_on, frame_schemes, frame_lead_auditors,"            \
  " frame_years, stratify, key_items, frame_size, requested_size, drawn_size, created_at,"    \
  " created_by"

#define SAMPLE_ITEM_COLUMNS                                                                   \
  "i.id, i.sample, i.position, i.cert, c.cert_no, c.scheme, o.name, i.stratum, i.reason,"     \
  " i.risk_score, i.hits, p.person_id, i.assignee, i.checked_on, i.conclusion, i.notes"       \
  " FROM sample_items AS i JOIN certificates AS c ON c.id = i.cert"                           \
  " LEFT JOIN organizations AS o ON o.id = c.org"                                             \
  " LEFT JOIN personnel AS p ON p.id = i.assignee_person"

void
_zicha_sample_stratum_free (ZichaSampleStratum *stratum)
{
  g_free (stratum->stratum);
  g_free (stratum);
}

void
zicha_sample_free (ZichaSample *sample)
{
  if (sample == NULL)
    return;
  g_free (sample->valid_on);
  g_strfreev (sample->schemes);
  g_strfreev (sample->lead_auditors);
  g_strfreev (sample->years);
  g_clear_pointer (&sample->strata, g_ptr_array_unref);
  g_free (sample->created_at);
  g_free (sample->created_by);
  g_free (sample);
}

void
zicha_sample_item_free (ZichaSampleItem *item)
{
  if (item == NULL)
    return;
  g_free (item->cert_no);
  g_free (item->scheme);
  g_free (item->org_name);
  g_free (item->stratum);
  g_free (item->assignee_person_id);
  g_free (item->assignee);
  g_free (item->checked_on);
  g_free (item->notes);
  g_free (item);
}

static int
enum_value (GType       type,
            const char *nick)
{
  int value = 0;

  zicha_enum_from_nick (type, nick, FALSE, &value);
  return value;
}

static ZichaSample *
sample_from_row (sqlite3_stmt *stmt)
{
  ZichaSample *sample = g_new0 (ZichaSample, 1);

  sample->id = sqlite3_column_int64 (stmt, 0);
  sample->plan = sqlite3_column_int64 (stmt, 1);
  sample->purpose = enum_value (ZICHA_TYPE_SAMPLE_PURPOSE,
                                (const char *) sqlite3_column_text (stmt, 2));
  sample->method = enum_value (ZICHA_TYPE_SAMPLE_METHOD,
                               (const char *) sqlite3_column_text (stmt, 3));
  sample->seed = (guint64) sqlite3_column_int64 (stmt, 4);
  sample->valid_on = _zicha_plans_dup_column (stmt, 5);
  sample->schemes = _zicha_plans_split_column (stmt, 6);
  sample->lead_auditors = _zicha_plans_split_column (stmt, 7);
  sample->years = _zicha_plans_split_column (stmt, 8);
  sample->stratify = enum_value (ZICHA_TYPE_SAMPLE_STRATIFY,
                                 (const char *) sqlite3_column_text (stmt, 9));
  sample->key_items = sqlite3_column_int (stmt, 10) != 0;
  sample->frame_size = (guint) sqlite3_column_int64 (stmt, 11);
  sample->requested_size = (guint) sqlite3_column_int64 (stmt, 12);
  sample->drawn_size = (guint) sqlite3_column_int64 (stmt, 13);
  sample->created_at = _zicha_plans_dup_column (stmt, 14);
  sample->created_by = _zicha_plans_dup_column (stmt, 15);
  sample->strata =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _zicha_sample_stratum_free);
  return sample;
}

static gboolean
read_strata (ZichaDb      *db,
             ZichaSample  *sample)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT stratum, frame_size, requested_size, key_items,"
                               " drawn_size FROM sample_strata WHERE sample = ?"
                               " ORDER BY position", "i", sample->id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaSampleStratum *stratum = g_new0 (ZichaSampleStratum, 1);

      stratum->stratum = _zicha_plans_dup_column (stmt, 0);
      stratum->frame_size = (guint) sqlite3_column_int64 (stmt, 1);
      stratum->requested_size = (guint) sqlite3_column_int64 (stmt, 2);
      stratum->key_items = (guint) sqlite3_column_int64 (stmt, 3);
      stratum->drawn_size = (guint) sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (sample->strata, stratum);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static GPtrArray *
query_samples (ZichaDb     *db,
               const char  *where,
               gint64       id,
               GError     **error)
{
  g_autoptr(GPtrArray) samples =
    g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_sample_free);
  g_autofree char *sql = g_strconcat ("SELECT " SAMPLE_COLUMNS " FROM samples WHERE ", where,
                                      " ORDER BY id", NULL);
  sqlite3_stmt *stmt = _zicha_plans_prepare (zicha_db_get_handle (db), sql, "i", id);
  int rc;

  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (samples, sample_from_row (stmt));
  sqlite3_finalize (stmt);
  for (guint i = 0; rc == SQLITE_DONE && i < samples->len; i++)
    if (!read_strata (db, g_ptr_array_index (samples, i)))
      rc = SQLITE_ERROR;
  if (rc != SQLITE_DONE)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&samples);
}

ZichaSample *
zicha_sampling_get (ZichaDb  *db,
                    gint64    sample_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) samples = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  samples = query_samples (db, "id = ?", sample_id, error);
  if (samples == NULL)
    return NULL;
  if (samples->len == 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %lld is a sample's number */
                   _("There is no sample %lld"), (long long) sample_id);
      return NULL;
    }
  return g_ptr_array_steal_index (samples, 0);
}

GPtrArray *
zicha_sampling_list (ZichaDb  *db,
                     gint64    plan_id,
                     GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (!_zicha_plans_check_plan (db, plan_id, error))
    return NULL;
  return query_samples (db, "plan = ?", plan_id, error);
}

/* Items --------------------------------------------------------------------------------- */

static ZichaSampleItem *
item_from_row (sqlite3_stmt *stmt)
{
  ZichaSampleItem *item = g_new0 (ZichaSampleItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->sample = sqlite3_column_int64 (stmt, 1);
  item->position = (guint) sqlite3_column_int64 (stmt, 2);
  item->cert = sqlite3_column_int64 (stmt, 3);
  item->cert_no = _zicha_plans_dup_column (stmt, 4);
  item->scheme = _zicha_plans_dup_column (stmt, 5);
  item->org_name = _zicha_plans_dup_column (stmt, 6);
  item->stratum = _zicha_plans_dup_column (stmt, 7);
  item->reason = enum_value (ZICHA_TYPE_SAMPLE_REASON,
                             (const char *) sqlite3_column_text (stmt, 8));
  item->risk_score = sqlite3_column_int64 (stmt, 9);
  item->hits = (guint) sqlite3_column_int64 (stmt, 10);
  item->assignee_person_id = _zicha_plans_dup_column (stmt, 11);
  item->assignee = _zicha_plans_dup_column (stmt, 12);
  item->checked_on = _zicha_plans_dup_column (stmt, 13);
  if (sqlite3_column_type (stmt, 14) == SQLITE_NULL
      || !zicha_check_conclusion_from_string ((const char *) sqlite3_column_text (stmt, 14),
                                              &item->conclusion))
    item->conclusion = ZICHA_CHECK_NONE;
  item->notes = _zicha_plans_dup_column (stmt, 15);
  return item;
}

GPtrArray *
zicha_sampling_list_items (ZichaDb  *db,
                           gint64    sample_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_sample_item_free);
  g_autoptr(ZichaSample) sample = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if ((sample = zicha_sampling_get (db, sample_id, error)) == NULL)
    return NULL;
  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT " SAMPLE_ITEM_COLUMNS " WHERE i.sample = ?"
                               " ORDER BY i.position, i.id", "i", sample_id);
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

static const char *
item_not_found (void)
{
  return _("There is no such sample item");
}

ZichaSampleItem *
zicha_sampling_get_item (ZichaDb  *db,
                         gint64    item_id,
                         GError  **error)
{
  ZichaSampleItem *item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT " SAMPLE_ITEM_COLUMNS " WHERE i.id = ?", "i", item_id);
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND, item_not_found ());
  else if (rc != SQLITE_ROW)
    _zicha_plans_read_failed (db, error);
  return item;
}

gboolean
zicha_sampling_review_item (ZichaDb                  *db,
                            gint64                    item_id,
                            const ZichaSampleReview  *review,
                            ZichaSampleItemField      fields,
                            const char               *user_name,
                            GError                  **error)
{
  g_autofree char *assignee = NULL;
  g_autofree char *checked_on = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *before = NULL;
  const char *conclusion = NULL;
  gint64 person = 0, changed;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (fields & ZICHA_SAMPLE_ITEM_FIELD_CHECKED_ON)
    {
      checked_on = _zicha_plans_norm (review->checked_on);
      if (!_zicha_plans_check_date (checked_on, _("The date checked"), error))
        return FALSE;
    }
  if (fields & ZICHA_SAMPLE_ITEM_FIELD_CONCLUSION)
    {
      if (review->conclusion != ZICHA_CHECK_NONE && review->conclusion != ZICHA_CHECK_CONFORMING
          && review->conclusion != ZICHA_CHECK_NONCONFORMING)
        {
          g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                               _("A sampled certificate is conforming or nonconforming"));
          return FALSE;
        }
      if (review->conclusion != ZICHA_CHECK_NONE)
        conclusion = zicha_check_conclusion_to_string (review->conclusion);
    }
  if (fields & ZICHA_SAMPLE_ITEM_FIELD_NOTES)
    notes = _zicha_plans_norm (review->notes);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if ((fields & ZICHA_SAMPLE_ITEM_FIELD_ASSIGNEE)
      && !_zicha_plans_resolve_person (db, review->assignee_person_id, review->assignee,
                                       &person, &assignee, error))
    return _zicha_plans_fail (db, error);
  before = zicha_change_log_row_json (db, "sample_items", item_id);
  changed = _zicha_plans_exec (zicha_db_get_handle (db),
                               "UPDATE sample_items SET"
                               " assignee_person = CASE WHEN ?2 & 1 THEN ?3 ELSE assignee_person"
                               " END,"
                               " assignee = CASE WHEN ?2 & 1 THEN ?4 ELSE assignee END,"
                               " checked_on = CASE WHEN ?2 & 2 THEN ?5 ELSE checked_on END,"
                               " conclusion = CASE WHEN ?2 & 4 THEN ?6 ELSE conclusion END,"
                               " notes = CASE WHEN ?2 & 8 THEN ?7 ELSE notes END"
                               " WHERE id = ?1",
                               "iirssss", item_id, (gint64) fields, person, assignee, checked_on,
                               conclusion, notes);
  if (changed == 0)
    g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND, item_not_found ());
  if (changed != 1
      || !_zicha_plans_log (db, user_name, "sample_item", "sample_items", item_id,
                            ZICHA_CHANGE_UPDATE, before, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}

/* Deleting ------------------------------------------------------------------------------ */

/* Deletes sample @sample_id, its strata and items, in the caller's transaction. */
static gboolean
delete_sample (ZichaDb     *db,
               gint64       sample_id,
               const char  *user_name,
               GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _zicha_plans_prepare (handle, "SELECT id FROM sample_items WHERE sample = ?"
                                       " ORDER BY position", "i", sample_id);
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
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *item = zicha_change_log_row_json (db, "sample_items", id);

      if (_zicha_plans_exec (handle, "DELETE FROM sample_items WHERE id = ?", "i", id) != 1
          || !_zicha_plans_log (db, user_name, "sample_item", "sample_items", id,
                                ZICHA_CHANGE_DELETE, item, error))
        return FALSE;
    }
  before = zicha_change_log_row_json (db, "samples", sample_id);
  return _zicha_plans_exec (handle, "DELETE FROM sample_strata WHERE sample = ?", "i",
                            sample_id) >= 0
         && _zicha_plans_exec (handle, "DELETE FROM samples WHERE id = ?", "i", sample_id) == 1
         && _zicha_plans_log (db, user_name, "sample", "samples", sample_id, ZICHA_CHANGE_DELETE,
                              before, error);
}

gboolean
_zicha_sampling_delete_plan_samples (ZichaDb     *db,
                                     gint64       plan_id,
                                     const char  *user_name,
                                     GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _zicha_plans_prepare (zicha_db_get_handle (db),
                               "SELECT id FROM samples WHERE plan = ? ORDER BY id", "i", plan_id);
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
  for (guint i = 0; i < ids->len; i++)
    if (!delete_sample (db, g_array_index (ids, gint64, i), user_name, error))
      return FALSE;
  return TRUE;
}

gboolean
zicha_sampling_delete (ZichaDb     *db,
                       gint64       sample_id,
                       const char  *user_name,
                       GError     **error)
{
  gint64 n = 0;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_plans_begin (db, error))
    return FALSE;
  if (!_zicha_plans_query_int (zicha_db_get_handle (db), &n,
                               "SELECT count (*) FROM samples WHERE id = ?", "i", sample_id))
    return _zicha_plans_fail (db, error);
  if (n == 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   _("There is no sample %lld"), (long long) sample_id);
      return _zicha_plans_fail (db, error);
    }
  if (!delete_sample (db, sample_id, user_name, error))
    return _zicha_plans_fail (db, error);
  return _zicha_plans_commit (db, error);
}
