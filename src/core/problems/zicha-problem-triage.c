/* zicha-problem-triage.c — triage as the door into the ledger: risk leads confirmed as problems
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md section 5: a hit is confirmed as a problem or dismissed with a reason. Dismissing
 * is risk's alone (zicha_hits_dismiss); confirming makes or grows a problem, so it is done
 * here, in one transaction: the problem is made from the leads (or the leads join the one the
 * user picked), each lead's records come with it (problem_records.hit says which), and risk
 * marks each hit confirmed inside the same transaction (zicha_hits_mark_confirmed), which
 * keeps the risk scores right. Risk never learns of problems (src/DESIGN.md).
 *
 * Undoing a confirmation gives the hit back its earlier status and undoes what the confirmation
 * did to the ledger without breaking its numbering: a problem made from that lead alone is
 * deleted when it may be (the latest-numbered of its year, nothing refers to it — its number
 * is then the next one again), else withdrawn with a reason that says so; a lead gathered into
 * a problem with other leads, or into one made otherwise, leaves it with the records it brought
 * (those another lead of the problem also has stay, now as that lead's). */
#define G_LOG_DOMAIN "zicha-problems"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-change-log.h"
#include "zicha-error.h"
#include "zicha-hits.h"
#include "zicha-json.h"
#include "zicha-problems-private.h"
#include "zicha-rules.h"

static gint
severity_rank (const char *severity)
{
  ZichaRuleSeverity value;

  if (!zicha_rule_severity_from_string (severity, &value))
    return G_MAXINT;
  return (gint) value;   /* high 0, medium 1, low 2 */
}

/* The leads @hit_ids (ZichaHit*), each once, in their order; NULL with @error when one is
 * missing or there is none. */
static GPtrArray *
load_hits (ZichaDb *db, const gint64 *hit_ids, guint n_hits, GError **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_hit_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (n_hits == 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("No risk lead to confirm"));
      return NULL;
    }
  for (guint i = 0; i < n_hits; i++)
    {
      ZichaHit *hit;

      if (!g_hash_table_add (seen, (gpointer) &hit_ids[i]))
        continue;
      hit = zicha_hits_get (db, hit_ids[i], error);
      if (hit == NULL)
        return NULL;
      g_ptr_array_add (hits, hit);
    }
  return g_steal_pointer (&hits);
}

/* A new problem's draft from @hits (ZichaHit*, at least one): the area of the first lead, the
 * highest severity, the title of the first lead's rule, their messages (each once) as the
 * description in @description, the first lead's rule; the fields of @overrides (may be NULL)
 * that are not NULL replace them. Its strings point into @hits, @overrides and @description. */
static void
draft_from_hits (GPtrArray *hits, const ZichaProblemDraft *overrides, GString *description,
                 ZichaProblemDraft *draft)
{
  const ZichaHit *first = g_ptr_array_index (hits, 0);
  const ZichaHit *highest = first;
  const ZichaRule *rule = zicha_rules_lookup (first->rule);
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  const ZichaProblemDraft none = { 0 };

  if (overrides == NULL)
    overrides = &none;
  for (guint i = 0; i < hits->len; i++)
    {
      const ZichaHit *hit = g_ptr_array_index (hits, i);

      if (severity_rank (hit->severity) < severity_rank (highest->severity))
        highest = hit;
      if (hit->message != NULL && g_hash_table_add (messages, hit->message))
        {
          if (description->len > 0)
            g_string_append_c (description, '\n');
          g_string_append (description, hit->message);
        }
    }
  *draft = *overrides;
#define OR(field, value) (overrides->field != NULL ? overrides->field : (value))
  draft->area = OR (area, first->area);
  draft->severity = OR (severity, highest->severity);
  draft->title = OR (title, rule != NULL ? zicha_rule_get_title (rule) : first->rule);
  draft->description = OR (description, description->str);
  draft->rule = OR (rule, first->rule);
#undef OR
  draft->source = ZICHA_PROBLEM_SOURCE_HIT;
  draft->checklist_item = 0;
  draft->sample_item = 0;
  draft->complaint = 0;
  draft->extended_from = 0;
}

ZichaProblem *
zicha_problems_preview_hits (ZichaDb        *db,
                             const gint64   *hit_ids,
                             guint           n_hits,
                             GError        **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  ZichaProblemDraft draft;
  ZichaProblem *problem;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (hit_ids != NULL || n_hits == 0, NULL);

  hits = load_hits (db, hit_ids, n_hits, error);
  if (hits == NULL)
    return NULL;
  draft_from_hits (hits, NULL, description, &draft);
  problem = g_new0 (ZichaProblem, 1);
  problem->area = g_strdup (draft.area);
  problem->source = ZICHA_PROBLEM_SOURCE_HIT;
  problem->severity = g_strdup (draft.severity);
  problem->title = g_strdup (draft.title);
  problem->description = description->len > 0 ? g_strdup (description->str) : NULL;
  problem->rule = g_strdup (draft.rule);
  return problem;
}

/* Confirms @hits into @into_problem_id, or into a new problem (0) made from them with
 * @overrides; inside the caller's transaction. */
static gboolean
confirm_in_transaction (ZichaDb *db, GPtrArray *hits, gint64 into_problem_id,
                        const ZichaProblemDraft *overrides, const char *note,
                        const char *user_name, gint64 *out_problem_id, GError **error)
{
  gint64 problem_id = into_problem_id;

  if (into_problem_id == 0)
    {
      g_autoptr(GString) description = g_string_new (NULL);
      ZichaProblemDraft draft;

      draft_from_hits (hits, overrides, description, &draft);
      if (draft.found_by == NULL)
        draft.found_by = user_name;
      if (!_zicha_problems_insert (db, &draft, user_name, &problem_id, error))
        return FALSE;
    }
  else
    {
      g_autoptr(ZichaProblem) problem = zicha_problems_get (db, into_problem_id, error);

      if (problem == NULL)
        return FALSE;
      if (problem->state == ZICHA_PROBLEM_WITHDRAWN)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT,
                       /* Translators: %s is a problem's number (ZC-2026-001) */
                       _("The problem %s is withdrawn: risk leads cannot be added to it"),
                       problem->number);
          return FALSE;
        }
    }
  for (guint i = 0; i < hits->len; i++)
    {
      const ZichaHit *hit = g_ptr_array_index (hits, i);

      if (!zicha_hits_mark_confirmed (db, hit->id, user_name, error)
          || !_zicha_problems_add_hit (db, problem_id, hit->id, note, user_name, error))
        return FALSE;
    }
  *out_problem_id = problem_id;
  return TRUE;
}

static gboolean
confirm (ZichaDb *db, const gint64 *hit_ids, guint n_hits, gint64 into_problem_id,
         const ZichaProblemDraft *overrides, const char *note, const char *user_name,
         gint64 *out_problem_id, GError **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  gint64 problem_id = 0;
  gboolean ok;

  if (n_hits == 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("No risk lead to confirm"));
      return FALSE;
    }
  if (!_zicha_problems_begin (db, error))
    return FALSE;
  hits = load_hits (db, hit_ids, n_hits, error);
  ok = hits != NULL
       && confirm_in_transaction (db, hits, into_problem_id, overrides, note, user_name,
                                  &problem_id, error);
  if (!_zicha_problems_end (db, ok, error))
    return FALSE;
  if (out_problem_id != NULL)
    *out_problem_id = problem_id;
  return TRUE;
}

gboolean
zicha_problems_confirm_hits (ZichaDb       *db,
                             const gint64  *hit_ids,
                             guint          n_hits,
                             gint64         into_problem_id,
                             const char    *note,
                             const char    *user_name,
                             gint64        *out_problem_id,
                             GError       **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (hit_ids != NULL || n_hits == 0, FALSE);

  return confirm (db, hit_ids, n_hits, into_problem_id, NULL, note, user_name, out_problem_id,
                  error);
}

gboolean
zicha_problems_confirm_hits_as (ZichaDb                  *db,
                                const gint64             *hit_ids,
                                guint                     n_hits,
                                const ZichaProblemDraft  *draft,
                                const char               *note,
                                const char               *user_name,
                                gint64                   *out_problem_id,
                                GError                  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (hit_ids != NULL || n_hits == 0, FALSE);

  return confirm (db, hit_ids, n_hits, 0, draft, note, user_name, out_problem_id, error);
}

/* Undoing --------------------------------------------------------------------------------- */

static gboolean
remove_hit_link (ZichaDb *db, gint64 problem_id, gint64 hit_id, const char *user_name,
                 GError **error)
{
  g_autofree char *key = _zicha_problems_key (problem_id);
  g_autofree char *note = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt = NULL;
  ZichaJson *builder;

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT note FROM problem_hits WHERE problem = ? AND hit = ?", -1,
                          &stmt, NULL) != SQLITE_OK)
    return _zicha_problems_db_error (db, error);
  sqlite3_bind_int64 (stmt, 1, problem_id);
  sqlite3_bind_int64 (stmt, 2, hit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    note = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (_zicha_problems_exec (db, error, "DELETE FROM problem_hits WHERE problem = ? AND hit = ?",
                            "ii", problem_id, hit_id) < 0)
    return FALSE;
  builder = zicha_json_begin ();
  zicha_json_add_int (builder, "problem", problem_id);
  zicha_json_add_int (builder, "hit", hit_id);
  zicha_json_add_string (builder, "note", note);
  json = zicha_json_end (builder);
  return zicha_change_log_append (db, user_name, "problem_hit", key, ZICHA_CHANGE_DELETE, json,
                                  NULL, error);
}

/* The records the lead @hit_id brought to the problem leave it, unless another of its leads
 * has them too: those become that lead's. (The lead's link is gone already.) */
static gboolean
remove_hit_records (ZichaDb *db, gint64 problem_id, gint64 hit_id, const char *user_name,
                    GError **error)
{
  g_autoptr(GPtrArray) records = zicha_problems_get_records (db, problem_id, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      ZichaProblemRecord *record = g_ptr_array_index (records, i);
      gint64 other;

      if (record->hit != hit_id)
        continue;
      other = _zicha_problems_query_int (db, error, 0,
                                         "SELECT ph.hit FROM problem_hits AS ph"
                                         " JOIN hit_records AS hr ON hr.hit = ph.hit"
                                         " WHERE ph.problem = ? AND hr.record_type = ?"
                                         " AND hr.record_key = ? ORDER BY ph.rowid LIMIT 1",
                                         "iss", problem_id, record->record_type,
                                         record->record_key);
      if (other < 0)
        return FALSE;
      if (other > 0)
        {
          if (_zicha_problems_exec (db, error,
                                    "UPDATE problem_records SET hit = ? WHERE problem = ?"
                                    " AND record_type = ? AND record_key = ?", "iiss", other,
                                    problem_id, record->record_type, record->record_key) < 0)
            return FALSE;
        }
      else if (!_zicha_problems_remove_record (db, problem_id, record->record_type,
                                               record->record_key, user_name, error))
        return FALSE;
    }
  return TRUE;
}

/* What undoing the confirmation of @hit_id does to its problem @problem_id. */
static gboolean
undo_in_problem (ZichaDb *db, gint64 problem_id, gint64 hit_id, const char *user_name,
                 GError **error)
{
  g_autoptr(ZichaProblem) problem = zicha_problems_get (db, problem_id, error);
  g_autofree char *why = NULL;
  gboolean failed = FALSE;
  gint64 others;

  if (problem == NULL)
    return FALSE;
  others = _zicha_problems_query_int (db, error, 0,
                                      "SELECT count (*) FROM problem_hits"
                                      " WHERE problem = ? AND hit <> ?", "ii", problem_id,
                                      hit_id);
  if (others < 0 || !remove_hit_link (db, problem_id, hit_id, user_name, error))
    return FALSE;
  if (problem->source != ZICHA_PROBLEM_SOURCE_HIT || others > 0)
    return remove_hit_records (db, problem_id, hit_id, user_name, error);

  /* made from this lead alone */
  why = _zicha_problems_why_kept (db, problem_id, &failed, error);
  if (failed)
    return FALSE;
  if (why == NULL)
    return _zicha_problems_delete_row (db, problem_id, user_name, error);
  if (problem->state == ZICHA_PROBLEM_WITHDRAWN)
    return TRUE;
  return _zicha_problems_set_withdrawn (db, problem_id,
                                        _("The confirmation of the risk lead was undone"),
                                        user_name, error);
}

/* Takes the confirmation of @hit_id back, inside the caller's transaction. */
static gboolean
undo_one (ZichaDb *db, gint64 hit_id, const char *user_name, GError **error)
{
  g_autoptr(ZichaHit) hit = zicha_hits_get (db, hit_id, error);
  gint64 problem_id;

  if (hit == NULL)
    return FALSE;
  if (hit->status != ZICHA_HIT_CONFIRMED)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("The hit is not confirmed"));
      return FALSE;
    }
  problem_id = zicha_problems_find_by_hit (db, hit_id, error);
  if (problem_id < 0 || !zicha_hits_unmark_confirmed (db, hit_id, user_name, error))
    return FALSE;
  return problem_id == 0 || undo_in_problem (db, problem_id, hit_id, user_name, error);
}

gboolean
zicha_problems_undo_confirm (ZichaDb     *db,
                             gint64       hit_id,
                             const char  *user_name,
                             GError     **error)
{
  return zicha_problems_undo_confirm_hits (db, &hit_id, 1, user_name, error);
}

gboolean
zicha_problems_undo_confirm_hits (ZichaDb       *db,
                                  const gint64  *hit_ids,
                                  guint          n_hits,
                                  const char    *user_name,
                                  GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (hit_ids != NULL || n_hits == 0, FALSE);

  if (!_zicha_problems_begin (db, error))
    return FALSE;
  /* the last first: a problem made from these leads goes with the first of them, as one
   * made from one lead */
  for (guint i = n_hits; ok && i > 0; i--)
    if (g_hash_table_add (seen, (gpointer) &hit_ids[i - 1]))
      ok = undo_one (db, hit_ids[i - 1], user_name, error);
  return _zicha_problems_end (db, ok, error);
}
