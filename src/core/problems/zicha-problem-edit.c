/* zicha-problem-edit.c — the problem ledger (问题清单): changing it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers: a problem is numbered in the year of its found_on, max (seq) + 1 of that year, in
 * the statement that inserts it (inside a BEGIN IMMEDIATE transaction, so no other writer
 * takes the same number). Numbers stay gapless because only the latest-numbered problem of a
 * year may be deleted — its number is then the next one again — and a problem's found_on may
 * not move to another year; any other problem that turns out not to be one is withdrawn
 * (不成立) and keeps its number.
 *
 * History: every change goes to the change history in its own transaction. The key of every
 * entry is the problem's id, so that one problem's history is one lookup: entity "problem"
 * (the row, as JSON of its columns), "problem_record" and "problem_hit" (a record or a risk
 * lead added or taken away) and "cause_analysis" (zicha-problem-causes.c). */
#define G_LOG_DOMAIN "zicha-problems"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-change-log.h"
#include "zicha-day.h"
#include "zicha-error.h"
#include "zicha-json.h"
#include "zicha-problems-private.h"
#include "zicha-records.h"
#include "zicha-rules.h"

/* NULL for NULL or blank text. */
static const char *
text_or_null (const char *text)
{
  if (text == NULL)
    return NULL;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return text;
  return NULL;
}

static gboolean
log_problem (ZichaDb *db, gint64 problem_id, const char *user_name, ZichaChangeAction action,
             const char *before, GError **error)
{
  g_autofree char *after = action == ZICHA_CHANGE_DELETE
                           ? NULL : zicha_change_log_row_json (db, "problems", problem_id);
  g_autofree char *key = _zicha_problems_key (problem_id);

  return zicha_change_log_append (db, user_name, "problem", key, action, before, after, error);
}

static gboolean
check_exists (ZichaDb *db, const char *sql, gint64 id, GError **error)
{
  gint64 n;

  if (id == 0)
    return TRUE;
  n = _zicha_problems_query_int (db, error, 0, sql, "i", id);
  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_autofree char *key = _zicha_problems_key (id);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is the id of a problem, complaint or checklist item */
                   _("What the problem refers to is not in the database (id %s)"), key);
      return FALSE;
    }
  return TRUE;
}

/* Checks @draft; @out_found_on gets its date (today when it has none). */
static gboolean
check_draft (ZichaDb *db, const ZichaProblemDraft *draft, char out_found_on[11], GError **error)
{
  ZichaRuleArea area;
  ZichaRuleSeverity severity;

  if (draft->area == NULL || !zicha_rule_area_from_string (draft->area, &area))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown focus area “%s”: use legal, conduct, practice or capability"),
                   draft->area != NULL ? draft->area : "");
      return FALSE;
    }
  if (draft->severity == NULL || !zicha_rule_severity_from_string (draft->severity, &severity))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown severity “%s”: use high, medium or low"),
                   draft->severity != NULL ? draft->severity : "");
      return FALSE;
    }
  if (text_or_null (draft->title) == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("A problem needs a title"));
      return FALSE;
    }
  if (zicha_problem_source_to_string (draft->source) == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Unknown source of a problem"));
      return FALSE;
    }
  if (draft->found_on == NULL)
    zicha_today (out_found_on);
  else if (zicha_day_from_string (draft->found_on) == G_MININT)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep YYYY-MM-DD */
                   _("The date a problem was found must be given as YYYY-MM-DD, not “%s”"),
                   draft->found_on);
      return FALSE;
    }
  else
    g_strlcpy (out_found_on, draft->found_on, 11);
  return check_exists (db, "SELECT count (*) FROM complaints WHERE id = ?", draft->complaint,
                       error)
         && check_exists (db, "SELECT count (*) FROM checklist_items WHERE id = ?",
                          draft->checklist_item, error)
         && check_exists (db, "SELECT count (*) FROM sample_items WHERE id = ?",
                          draft->sample_item, error)
         && check_exists (db, "SELECT count (*) FROM problems WHERE id = ?",
                          draft->extended_from, error);
}

gboolean
_zicha_problems_insert (ZichaDb                  *db,
                        const ZichaProblemDraft  *draft,
                        const char               *user_name,
                        gint64                   *out_problem_id,
                        GError                  **error)
{
  g_autofree char *title = NULL;
  char found_on[11], now[20];
  gint64 year, id;

  if (!check_draft (db, draft, found_on, error))
    return FALSE;
  title = g_strstrip (g_strdup (draft->title));
  year = g_ascii_strtoll (found_on, NULL, 10);
  zicha_now (now);
  if (_zicha_problems_exec (db, error,
                            "INSERT INTO problems (year, seq, area, source, severity, title,"
                            " description, rule, clause, checklist_item, sample_item, complaint,"
                            " extended_from, found_by, found_on, department, responsible,"
                            " created_at, created_by)"
                            " VALUES (?1, (SELECT coalesce (max (seq), 0) + 1 FROM problems"
                            " WHERE year = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                            " ?13, ?14, ?15, ?16, ?17, ?18)",
                            "isssssssnnnnsssssss", year, draft->area,
                            zicha_problem_source_to_string (draft->source), draft->severity,
                            title, text_or_null (draft->description), text_or_null (draft->rule),
                            text_or_null (draft->clause), draft->checklist_item,
                            draft->sample_item, draft->complaint, draft->extended_from,
                            text_or_null (draft->found_by), found_on,
                            text_or_null (draft->department), text_or_null (draft->responsible),
                            now, text_or_null (user_name)) < 0)
    return FALSE;
  id = sqlite3_last_insert_rowid (zicha_db_get_handle (db));
  if (!log_problem (db, id, user_name, ZICHA_CHANGE_CREATE, NULL, error))
    return FALSE;
  *out_problem_id = id;
  return TRUE;
}

/* Records --------------------------------------------------------------------------------- */

/* The kinds whose records have keys of their own, and how to find one. */
static const struct
{
  const char *kind;
  const char *sql;
} keyed_kinds[] = {
  { "certificates", "SELECT count (*) FROM certificates WHERE cert_no = ?" },
  { "audits", "SELECT count (*) FROM audits WHERE audit_id = ?" },
  { "personnel", "SELECT count (*) FROM personnel WHERE person_id = ?" },
  { "organizations", "SELECT count (*) FROM organizations WHERE org_id = ?" },
  { "expenses", "SELECT count (*) FROM expenses WHERE expense_id = ?" },
  { "complaints", "SELECT count (*) FROM complaints WHERE complaint_id = ?" },
  { "penalties", "SELECT count (*) FROM penalties WHERE penalty_id = ?" },
};

gboolean
_zicha_problems_check_record (ZichaDb     *db,
                              const char  *type,
                              const char  *key,
                              GError     **error)
{
  ZichaRecordKind kind = ZICHA_N_RECORD_KINDS;
  gint64 n = -2;

  for (guint i = 0; type != NULL && i < ZICHA_N_RECORD_KINDS; i++)
    if (g_strcmp0 (type, zicha_record_kind_get_id (i)) == 0)
      kind = i;
  if (kind == ZICHA_N_RECORD_KINDS)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; certificates, audits… are the
                    * names of the interchange files, keep them */
                   _("Unknown kind of record “%s”: use certificates, audits, audit_team, "
                     "personnel, organizations, expenses, complaints…"), type != NULL ? type : "");
      return FALSE;
    }
  if (text_or_null (key) == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A record of a problem needs its key"));
      return FALSE;
    }
  if (kind == ZICHA_RECORD_AUDIT_TEAM)
    {
      /* audit_id/person_id, as the rules write team rows (and the risk score splits them) */
      const char *slash = strchr (key, '/');
      g_autofree char *audit = slash != NULL ? g_strndup (key, (gsize) (slash - key)) : NULL;

      if (slash != NULL)
        n = _zicha_problems_query_int (db, error, 0,
                                       "SELECT count (*) FROM audit_team AS t"
                                       " JOIN audits AS a ON a.id = t.audit"
                                       " JOIN personnel AS p ON p.id = t.person"
                                       " WHERE a.audit_id = ? AND p.person_id = ?", "ss",
                                       audit, slash + 1);
      else
        n = 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keyed_kinds); i++)
    if (strcmp (type, keyed_kinds[i].kind) == 0)
      n = _zicha_problems_query_int (db, error, 0, keyed_kinds[i].sql, "s", key);
  if (n == -1)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a kind of records (证书), %2$s a key (a certificate
                    * number…) */
                   _("There is no “%2$s” among the %1$s"), zicha_record_kind_get_label (kind),
                   key);
      return FALSE;
    }
  return TRUE;
}

static char *
record_json (gint64 problem_id, const char *type, const char *key, gint64 hit)
{
  ZichaJson *json = zicha_json_begin ();

  zicha_json_add_int (json, "problem", problem_id);
  zicha_json_add_string (json, "record_type", type);
  zicha_json_add_string (json, "record_key", key);
  if (hit != 0)
    zicha_json_add_int (json, "hit", hit);
  else
    zicha_json_add_string (json, "hit", NULL);
  return zicha_json_end (json);
}

gboolean
_zicha_problems_add_record (ZichaDb     *db,
                            gint64       problem_id,
                            const char  *type,
                            const char  *key,
                            gint64       hit,
                            const char  *user_name,
                            GError     **error)
{
  g_autofree char *json = NULL;
  g_autofree char *log_key = NULL;
  gint64 added;

  added = _zicha_problems_exec (db, error,
                                "INSERT OR IGNORE INTO problem_records (problem, record_type,"
                                " record_key, hit) VALUES (?, ?, ?, ?)", "issn",
                                problem_id, type, key, hit);
  if (added <= 0)
    return added == 0;
  json = record_json (problem_id, type, key, hit);
  log_key = _zicha_problems_key (problem_id);
  return zicha_change_log_append (db, user_name, "problem_record", log_key, ZICHA_CHANGE_CREATE,
                                  NULL, json, error);
}

gboolean
_zicha_problems_remove_record (ZichaDb     *db,
                               gint64       problem_id,
                               const char  *type,
                               const char  *key,
                               const char  *user_name,
                               GError     **error)
{
  g_autofree char *json = NULL;
  g_autofree char *log_key = NULL;
  gint64 hit, removed;

  hit = _zicha_problems_query_int (db, error, -2,
                                   "SELECT coalesce (hit, 0) FROM problem_records"
                                   " WHERE problem = ? AND record_type = ? AND record_key = ?",
                                   "iss", problem_id, type, key);
  if (hit == -1)
    return FALSE;
  if (hit == -2)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a kind of records (certificates…), %2$s its key */
                   _("The problem has no record %1$s “%2$s”"), type, key);
      return FALSE;
    }
  removed = _zicha_problems_exec (db, error,
                                  "DELETE FROM problem_records WHERE problem = ?"
                                  " AND record_type = ? AND record_key = ?", "iss",
                                  problem_id, type, key);
  if (removed < 0)
    return FALSE;
  json = record_json (problem_id, type, key, hit);
  log_key = _zicha_problems_key (problem_id);
  return zicha_change_log_append (db, user_name, "problem_record", log_key, ZICHA_CHANGE_DELETE,
                                  json, NULL, error);
}

gboolean
_zicha_problems_add_hit (ZichaDb     *db,
                         gint64       problem_id,
                         gint64       hit,
                         const char  *note,
                         const char  *user_name,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *log_key = _zicha_problems_key (problem_id);
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt = NULL;
  ZichaJson *builder;
  char now[20];
  int rc;

  zicha_now (now);
  if (_zicha_problems_exec (db, error,
                            "INSERT INTO problem_hits (problem, hit, note, added_at, added_by)"
                            " VALUES (?, ?, ?, ?, ?)", "iisss", problem_id, hit,
                            text_or_null (note), now, text_or_null (user_name)) < 0)
    return FALSE;
  builder = zicha_json_begin ();
  zicha_json_add_int (builder, "problem", problem_id);
  zicha_json_add_int (builder, "hit", hit);
  zicha_json_add_string (builder, "note", text_or_null (note));
  json = zicha_json_end (builder);
  if (!zicha_change_log_append (db, user_name, "problem_hit", log_key, ZICHA_CHANGE_CREATE, NULL,
                                json, error))
    return FALSE;

  /* "type\tkey" of each record of the hit, read before any is written */
  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT record_type, record_key FROM hit_records WHERE hit = ?"
                          " ORDER BY record_type, record_key", -1, &stmt, NULL) != SQLITE_OK)
    return _zicha_problems_db_error (db, error);
  sqlite3_bind_int64 (stmt, 1, hit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, g_strconcat ((const char *) sqlite3_column_text (stmt, 0), "\t",
                                           (const char *) sqlite3_column_text (stmt, 1), NULL));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _zicha_problems_db_error (db, error);
  for (guint i = 0; i < records->len; i++)
    {
      char *type = g_ptr_array_index (records, i);
      char *tab = strchr (type, '\t');

      *tab = '\0';
      if (!_zicha_problems_add_record (db, problem_id, type, tab + 1, hit, user_name, error))
        return FALSE;
    }
  return TRUE;
}

/* Withdrawal and deletion ----------------------------------------------------------------- */

gboolean
_zicha_problems_set_withdrawn (ZichaDb     *db,
                               gint64       problem_id,
                               const char  *reason,
                               const char  *user_name,
                               GError     **error)
{
  g_autofree char *before = zicha_change_log_row_json (db, "problems", problem_id);
  g_autofree char *trimmed = g_strstrip (g_strdup (reason));
  char now[20];

  zicha_now (now);
  return _zicha_problems_exec (db, error,
                               "UPDATE problems SET withdrawn_at = ?, withdrawn_by = ?,"
                               " withdraw_reason = ? WHERE id = ?", "sssi", now,
                               text_or_null (user_name), trimmed, problem_id) >= 0
         && log_problem (db, problem_id, user_name, ZICHA_CHANGE_UPDATE, before, error);
}

char *
_zicha_problems_why_kept (ZichaDb   *db,
                          gint64     problem_id,
                          gboolean  *out_failed,
                          GError   **error)
{
  static const struct { const char *sql; const char *reason; } refs[] = {
    { "SELECT count (*) FROM problems AS p WHERE p.id = ?1 AND p.seq <"
      " (SELECT max (q.seq) FROM problems AS q WHERE q.year = p.year)",
      N_("only the latest-numbered problem of a year can be deleted, so that numbers stay "
         "without gaps; withdraw it instead") },
    { "SELECT count (*) FROM problem_hits WHERE problem = ?1",
      N_("it gathers risk leads; undo their confirmation instead") },
    { "SELECT count (*) FROM measure_problems AS mp JOIN measures AS m ON m.id = mp.measure"
      " WHERE mp.problem = ?1 AND m.deleted_at IS NULL",
      N_("it has rectification measures") },
    { "SELECT count (*) FROM evidence WHERE problem = ?1 AND removed_at IS NULL",
      N_("evidence is attached to it") },
    { "SELECT count (*) FROM certificate_actions WHERE problem = ?1",
      N_("certificates were handled for it") },
    { "SELECT count (*) FROM problems WHERE extended_from = ?1",
      N_("problems were raised from it for similar cases") },
    { "SELECT count (*) FROM problem_extensions WHERE problem = ?1",
      N_("similar cases were searched for it") },
  };

  *out_failed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      gint64 n = _zicha_problems_query_int (db, error, 0, refs[i].sql, "i", problem_id);

      if (n < 0)
        {
          *out_failed = TRUE;
          return NULL;
        }
      if (n > 0)
        return g_strdup (g_dgettext (GETTEXT_PACKAGE, refs[i].reason));
    }
  return NULL;
}

gboolean
_zicha_problems_delete_row (ZichaDb     *db,
                            gint64       problem_id,
                            const char  *user_name,
                            GError     **error)
{
  g_autoptr(GPtrArray) records = zicha_problems_get_records (db, problem_id, error);
  g_autofree char *before = zicha_change_log_row_json (db, "problems", problem_id);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      ZichaProblemRecord *record = g_ptr_array_index (records, i);

      if (!_zicha_problems_remove_record (db, problem_id, record->record_type,
                                          record->record_key, user_name, error))
        return FALSE;
    }
  /* its cause analysis goes with it (ON DELETE CASCADE), its row is in the history */
  return _zicha_problems_exec (db, error, "DELETE FROM problems WHERE id = ?", "i",
                               problem_id) >= 0
         && log_problem (db, problem_id, user_name, ZICHA_CHANGE_DELETE, before, error);
}

/* Public API ------------------------------------------------------------------------------ */

/* Begins and reads the problem; NULL (rolled back) with @error when it is not there. */
static ZichaProblem *
begin_with_problem (ZichaDb *db, gint64 problem_id, GError **error)
{
  ZichaProblem *problem;

  if (!_zicha_problems_begin (db, error))
    return NULL;
  problem = zicha_problems_get (db, problem_id, error);
  if (problem == NULL)
    zicha_db_rollback (db);
  return problem;
}

gboolean
zicha_problems_create (ZichaDb                   *db,
                       const ZichaProblemDraft   *draft,
                       const ZichaProblemRecord  *records,
                       guint                      n_records,
                       const char                *user_name,
                       gint64                    *out_problem_id,
                       GError                   **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail (records != NULL || n_records == 0, FALSE);

  if (!_zicha_problems_begin (db, error))
    return FALSE;
  ok = _zicha_problems_insert (db, draft, user_name, &id, error);
  for (guint i = 0; ok && i < n_records; i++)
    ok = _zicha_problems_check_record (db, records[i].record_type, records[i].record_key, error)
         && _zicha_problems_add_record (db, id, records[i].record_type, records[i].record_key, 0,
                                        user_name, error);
  if (!_zicha_problems_end (db, ok, error))
    return FALSE;
  if (out_problem_id != NULL)
    *out_problem_id = id;
  return TRUE;
}

gboolean
zicha_problems_update (ZichaDb                  *db,
                       gint64                    problem_id,
                       const ZichaProblemDraft  *draft,
                       const char               *user_name,
                       GError                  **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autofree char *before = NULL;
  g_autofree char *title = NULL;
  ZichaProblemDraft checked;
  char found_on[11];
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  problem = begin_with_problem (db, problem_id, error);
  if (problem == NULL)
    return FALSE;
  /* the source and the problem extended stay as they were made */
  checked = *draft;
  checked.source = problem->source;
  checked.extended_from = 0;
  ok = check_draft (db, &checked, found_on, error);
  if (ok && draft->found_on != NULL && g_ascii_strtoll (found_on, NULL, 10) != problem->year)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %1$s is a problem's number (ZC-2026-001), %2$d its year */
                   _("The problem %1$s is numbered in %2$d: the date it was found must stay in "
                     "that year"), problem->number, problem->year);
      ok = FALSE;
    }
  if (ok)
    {
      before = zicha_change_log_row_json (db, "problems", problem_id);
      title = g_strstrip (g_strdup (draft->title));
      ok = _zicha_problems_exec (db, error,
                                 "UPDATE problems SET area = ?, severity = ?, title = ?,"
                                 " description = ?, rule = ?, clause = ?, checklist_item = ?,"
                                 " sample_item = ?, complaint = ?, found_by = ?,"
                                 " found_on = coalesce (?, found_on), department = ?,"
                                 " responsible = ? WHERE id = ?",
                                 "ssssssnnnssssi", draft->area, draft->severity, title,
                                 text_or_null (draft->description), text_or_null (draft->rule),
                                 text_or_null (draft->clause), draft->checklist_item,
                                 draft->sample_item, draft->complaint,
                                 text_or_null (draft->found_by), draft->found_on,
                                 text_or_null (draft->department),
                                 text_or_null (draft->responsible), problem_id) >= 0
           && log_problem (db, problem_id, user_name, ZICHA_CHANGE_UPDATE, before, error);
    }
  return _zicha_problems_end (db, ok, error);
}

gboolean
zicha_problems_withdraw (ZichaDb     *db,
                         gint64       problem_id,
                         const char  *reason,
                         const char  *user_name,
                         GError     **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (text_or_null (reason) == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A reason is needed to withdraw a problem"));
      return FALSE;
    }
  problem = begin_with_problem (db, problem_id, error);
  if (problem == NULL)
    return FALSE;
  if (problem->state == ZICHA_PROBLEM_WITHDRAWN)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT,
                   /* Translators: %s is a problem's number (ZC-2026-001) */
                   _("The problem %s is already withdrawn"), problem->number);
      ok = FALSE;
    }
  ok = ok && _zicha_problems_set_withdrawn (db, problem_id, reason, user_name, error);
  return _zicha_problems_end (db, ok, error);
}

gboolean
zicha_problems_undo_withdraw (ZichaDb     *db,
                              gint64       problem_id,
                              const char  *user_name,
                              GError     **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autofree char *before = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  problem = begin_with_problem (db, problem_id, error);
  if (problem == NULL)
    return FALSE;
  if (problem->state != ZICHA_PROBLEM_WITHDRAWN)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is a problem's number (ZC-2026-001) */
                   _("The problem %s is not withdrawn"), problem->number);
      ok = FALSE;
    }
  before = zicha_change_log_row_json (db, "problems", problem_id);
  ok = ok && _zicha_problems_exec (db, error,
                                   "UPDATE problems SET withdrawn_at = NULL,"
                                   " withdrawn_by = NULL, withdraw_reason = NULL WHERE id = ?",
                                   "i", problem_id) >= 0
       && log_problem (db, problem_id, user_name, ZICHA_CHANGE_UPDATE, before, error);
  return _zicha_problems_end (db, ok, error);
}

gboolean
zicha_problems_delete (ZichaDb     *db,
                       gint64       problem_id,
                       const char  *user_name,
                       GError     **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autofree char *why = NULL;
  gboolean failed = FALSE;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  problem = begin_with_problem (db, problem_id, error);
  if (problem == NULL)
    return FALSE;
  why = _zicha_problems_why_kept (db, problem_id, &failed, error);
  ok = !failed;
  if (why != NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT,
                   /* Translators: %1$s is a problem's number (ZC-2026-001), %2$s the reason */
                   _("The problem %1$s cannot be deleted: %2$s"), problem->number, why);
      ok = FALSE;
    }
  ok = ok && _zicha_problems_delete_row (db, problem_id, user_name, error);
  return _zicha_problems_end (db, ok, error);
}

gboolean
zicha_problems_add_records (ZichaDb                   *db,
                            gint64                     problem_id,
                            const ZichaProblemRecord  *records,
                            guint                      n_records,
                            const char                *user_name,
                            GError                   **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (records != NULL || n_records == 0, FALSE);

  problem = begin_with_problem (db, problem_id, error);
  if (problem == NULL)
    return FALSE;
  for (guint i = 0; ok && i < n_records; i++)
    ok = _zicha_problems_check_record (db, records[i].record_type, records[i].record_key, error)
         && _zicha_problems_add_record (db, problem_id, records[i].record_type,
                                        records[i].record_key, 0, user_name, error);
  return _zicha_problems_end (db, ok, error);
}

gboolean
zicha_problems_remove_records (ZichaDb                   *db,
                               gint64                     problem_id,
                               const ZichaProblemRecord  *records,
                               guint                      n_records,
                               const char                *user_name,
                               GError                   **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (records != NULL || n_records == 0, FALSE);

  problem = begin_with_problem (db, problem_id, error);
  if (problem == NULL)
    return FALSE;
  for (guint i = 0; ok && i < n_records; i++)
    ok = _zicha_problems_remove_record (db, problem_id, records[i].record_type,
                                        records[i].record_key, user_name, error);
  return _zicha_problems_end (db, ok, error);
}
