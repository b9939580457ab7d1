/* zicha-similar.c — 举一反三: a problem extended to the records that share a key with it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind of key is a row of a table: one statement finds the problem's keys of that kind
 * (key, label and the values the second binds as ?2 and ?3), the other the records that share
 * one key, leaving out the problem's own (its records, its leads). Both take the problem's id
 * as ?1 and read problem_records, so a group is what the problem concerns today. Raising
 * linked problems makes one problem per chosen record, each source "extension" with
 * extended_from naming the problem: one problem per record, because each may need its own
 * rectification and close-out, and a record chosen twice under two keys is still one case.
 * Every search that led somewhere is kept in problem_extensions with the group as found, as
 * the evidence the report prints. */
#define G_LOG_DOMAIN "zicha-similar"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-change-log.h"
#include "zicha-day.h"
#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-error.h"
#include "zicha-hits.h"
#include "zicha-json.h"
#include "zicha-problems-private.h"
#include "zicha-rules.h"
#include "zicha-message.h"
#include "zicha-similar.h"

#define OWN(type) \
  "(SELECT record_key FROM problem_records WHERE problem = ?1 AND record_type = '" type "')"

static const struct
{
  const char *label;       /* N_() */
  const char *keys_sql;    /* key, label, ?2, ?3 of each key of the problem */
  const char *members_sql; /* record_type, record_key, hit, label of each record sharing one */
} kinds[] = {
  [ZICHA_SIMILAR_RULE] = {
    N_("Same rule"),
    "SELECT rule, rule, rule, NULL FROM problems WHERE id = ?1 AND rule IS NOT NULL"
    " UNION SELECT h.rule, h.rule, h.rule, NULL FROM problem_hits AS ph"
    " JOIN hits AS h ON h.id = ph.hit WHERE ph.problem = ?1 ORDER BY 1",
    "SELECT 'hit', h.entity_key, h.id, h.message FROM hits AS h WHERE h.rule = ?2"
    " AND h.id NOT IN (SELECT hit FROM problem_hits WHERE problem = ?1) ORDER BY 1, 2",
  },
  [ZICHA_SIMILAR_AUDITOR] = {
    N_("Same auditor"),
    "SELECT DISTINCT p.person_id, p.name, p.person_id, NULL FROM personnel AS p"
    " WHERE p.person_id IN " OWN ("personnel")
    " OR p.id IN (SELECT t.person FROM problem_records AS r"
    "   JOIN audits AS a ON a.audit_id = substr (r.record_key, 1, instr (r.record_key, '/') - 1)"
    "   JOIN personnel AS q ON q.person_id = substr (r.record_key, instr (r.record_key, '/') + 1)"
    "   JOIN audit_team AS t ON t.audit = a.id AND t.person = q.id"
    "   WHERE r.problem = ?1 AND r.record_type = 'audit_team')"
    " OR p.id IN (SELECT t.person FROM audits AS a JOIN audit_team AS t ON t.audit = a.id"
    "   WHERE a.audit_id IN " OWN ("audits") ")"
    " ORDER BY 1",
    "SELECT 'audit_team', a.audit_id || '/' || p.person_id, 0,"
    " t.role || ' ' || a.start_on || '..' || a.end_on"
    " FROM personnel AS p JOIN audit_team AS t ON t.person = p.id"
    " JOIN audits AS a ON a.id = t.audit"
    " WHERE p.person_id = ?2 AND a.audit_id NOT IN " OWN ("audits")
    " AND a.audit_id || '/' || p.person_id NOT IN " OWN ("audit_team")
    " ORDER BY 1, 2",
  },
  [ZICHA_SIMILAR_ORGANIZATION] = {
    N_("Same certified organization"),
    "SELECT DISTINCT o.org_id, o.name, o.org_id, NULL FROM organizations AS o"
    " WHERE o.org_id IN " OWN ("organizations")
    " OR o.id IN (SELECT c.org FROM certificates AS c WHERE c.cert_no IN " OWN ("certificates") ")"
    " OR o.id IN (SELECT a.org FROM audits AS a WHERE a.audit_id IN " OWN ("audits") ")"
    " ORDER BY 1",
    "SELECT 'audits', a.audit_id, 0, a.type || ' ' || a.start_on"
    " FROM organizations AS o JOIN audits AS a ON a.org = o.id"
    " WHERE o.org_id = ?2 AND a.audit_id NOT IN " OWN ("audits")
    " UNION ALL SELECT 'certificates', c.cert_no, 0,"
    " c.scheme || ' ' || c.scope_codes || ' ' || c.status"
    " FROM organizations AS o JOIN certificates AS c ON c.org = o.id"
    " WHERE o.org_id = ?2 AND c.cert_no NOT IN " OWN ("certificates")
    " ORDER BY 1, 2",
  },
  [ZICHA_SIMILAR_SCOPE_CODE] = {
    N_("Same business scope code"),
    "SELECT DISTINCT c.scheme || '/' || s.code, c.scheme || ' ' || s.code, c.scheme, s.code"
    " FROM certificates AS c JOIN certificate_scope_codes AS s ON s.cert = c.id"
    " WHERE c.cert_no IN " OWN ("certificates") " ORDER BY 1",
    "SELECT 'certificates', c.cert_no, 0, c.scheme || ' ' || c.scope_codes"
    " FROM certificate_scope_codes AS s JOIN certificates AS c ON c.id = s.cert"
    " WHERE s.code = ?3 AND c.scheme = ?2 AND c.cert_no NOT IN " OWN ("certificates")
    " ORDER BY 1, 2",
  },
  [ZICHA_SIMILAR_LEADER_YEAR] = {
    N_("Same team leader in the same year"),
    "SELECT DISTINCT p.person_id || '/' || substr (a.start_on, 1, 4),"
    " p.name || ' ' || substr (a.start_on, 1, 4), p.person_id, substr (a.start_on, 1, 4)"
    " FROM audits AS a JOIN audit_team AS t ON t.audit = a.id AND t.role = 'leader'"
    " JOIN personnel AS p ON p.id = t.person"
    " WHERE a.audit_id IN " OWN ("audits") " ORDER BY 1",
    "SELECT DISTINCT 'audits', a.audit_id, 0, a.type || ' ' || a.start_on"
    " FROM personnel AS p JOIN audit_team AS t ON t.person = p.id AND t.role = 'leader'"
    " JOIN audits AS a ON a.id = t.audit"
    " WHERE p.person_id = ?2 AND substr (a.start_on, 1, 4) = ?3"
    " AND a.audit_id NOT IN " OWN ("audits") " ORDER BY 1, 2",
  },
};

static const char * const outcome_labels[] = {
  N_("Linked problems raised"),
  /* Translators: 已排查，无同类问题 */
  N_("Checked, no similar problem"),
};

const char *
zicha_similar_kind_to_string (ZichaSimilarKind kind)
{
  return zicha_enum_get_nick (ZICHA_TYPE_SIMILAR_KIND, kind);
}

gboolean
zicha_similar_kind_from_string (const char       *str,
                                ZichaSimilarKind *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_SIMILAR_KIND, str, FALSE, &value))
    return FALSE;
  *out = (ZichaSimilarKind) value;
  return TRUE;
}

const char *
zicha_similar_kind_get_label (ZichaSimilarKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

const char *
zicha_extension_outcome_to_string (ZichaExtensionOutcome outcome)
{
  return zicha_enum_get_nick (ZICHA_TYPE_EXTENSION_OUTCOME, outcome);
}

const char *
zicha_extension_outcome_get_label (ZichaExtensionOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (outcome_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, outcome_labels[outcome]);
}

void
zicha_similar_record_free (ZichaSimilarRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->record_type);
  g_free (record->record_key);
  g_free (record->label);
  g_free (record);
}

void
zicha_similar_group_free (ZichaSimilarGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->key);
  g_free (group->label);
  g_clear_pointer (&group->records, g_ptr_array_unref);
  g_free (group);
}

void
zicha_problem_extension_free (ZichaProblemExtension *extension)
{
  if (extension == NULL)
    return;
  g_free (extension->key);
  g_free (extension->result);
  g_free (extension->created_at);
  g_free (extension->created_by);
  g_free (extension);
}

/* Finding --------------------------------------------------------------------------------- */

static char *
dup_col (sqlite3_stmt *stmt, int col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static gboolean
read_failed (ZichaDb *db, GError **error)
{
  zicha_db_set_error (db, error, _("Could not look for similar cases"));
  return FALSE;
}

/* Fills @group->records: the records sharing the key whose values are @arg2 and @arg3. */
static gboolean
read_members (ZichaDb *db, gint64 problem_id, ZichaSimilarGroup *group, const char *arg2,
              const char *arg3, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), kinds[group->kind].members_sql, -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      g_critical ("%s", sqlite3_errmsg (zicha_db_get_handle (db)));
      return read_failed (db, error);
    }
  sqlite3_bind_int64 (stmt, 1, problem_id);
  sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, arg3, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaSimilarRecord *record = g_new0 (ZichaSimilarRecord, 1);

      record->record_type = dup_col (stmt, 0);
      record->record_key = dup_col (stmt, 1);
      record->hit = sqlite3_column_int64 (stmt, 2);
      /* (a lead's message is stored as its format and arguments: shown in the reader's
       * language; other labels are plain text, which renders as it is) */
      record->label = zicha_message_render ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (group->records, record);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || read_failed (db, error);
}

/* Appends to @groups the groups of @kind; only the one of @only_key when it is not NULL. */
static gboolean
find_kind (ZichaDb *db, gint64 problem_id, ZichaSimilarKind kind, const char *only_key,
           GPtrArray *groups, GError **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  guint first = groups->len;
  int rc;

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), kinds[kind].keys_sql, -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      g_critical ("%s", sqlite3_errmsg (zicha_db_get_handle (db)));
      return read_failed (db, error);
    }
  sqlite3_bind_int64 (stmt, 1, problem_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaSimilarGroup *group;
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      if (key == NULL || (only_key != NULL && strcmp (key, only_key) != 0))
        continue;
      group = g_new0 (ZichaSimilarGroup, 1);
      group->kind = kind;
      group->key = g_strdup (key);
      group->label = dup_col (stmt, 1);
      group->records = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_similar_record_free);
      if (kind == ZICHA_SIMILAR_RULE && zicha_rules_lookup (key) != NULL)
        {
          g_free (group->label);
          group->label = g_strdup (zicha_rule_get_title (zicha_rules_lookup (key)));
        }
      g_ptr_array_add (groups, group);
      g_ptr_array_add (args, dup_col (stmt, 2));
      g_ptr_array_add (args, dup_col (stmt, 3));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return read_failed (db, error);
  for (guint i = first; i < groups->len; i++)
    if (!read_members (db, problem_id, g_ptr_array_index (groups, i),
                       g_ptr_array_index (args, 2 * (i - first)),
                       g_ptr_array_index (args, 2 * (i - first) + 1), error))
      return FALSE;
  return TRUE;
}

GPtrArray *
zicha_similar_find (ZichaDb  *db,
                    gint64    problem_id,
                    GError  **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  problem = zicha_problems_get (db, problem_id, error);
  if (problem == NULL)
    return NULL;
  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_similar_group_free);
  for (guint kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
    if (!find_kind (db, problem_id, kind, NULL, groups, error))
      return NULL;
  return g_steal_pointer (&groups);
}

ZichaSimilarGroup *
zicha_similar_find_group (ZichaDb           *db,
                          gint64             problem_id,
                          ZichaSimilarKind   kind,
                          const char        *key,
                          GError           **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  problem = zicha_problems_get (db, problem_id, error);
  if (problem == NULL)
    return NULL;
  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_similar_group_free);
  if (!find_kind (db, problem_id, kind, key, groups, error))
    return NULL;
  if (groups->len == 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a problem's number, %2$s what it shares ("Same
                    * auditor"), %3$s the key the user gave */
                   _("The problem %1$s has no key “%3$s” of the kind “%2$s”"), problem->number,
                   zicha_similar_kind_get_label (kind), key);
      return NULL;
    }
  return g_ptr_array_steal_index (groups, 0);
}

static void
add_group_members (ZichaJson *json, const ZichaSimilarGroup *group)
{
  zicha_json_add_string (json, "kind", zicha_similar_kind_to_string (group->kind));
  zicha_json_add_string (json, "key", group->key);
  zicha_json_add_string (json, "label", group->label);
  zicha_json_add_int (json, "count", group->records->len);
  json_builder_set_member_name (json, "records");
  json_builder_begin_array (json);
  for (guint i = 0; i < group->records->len; i++)
    {
      const ZichaSimilarRecord *record = g_ptr_array_index (group->records, i);

      json_builder_begin_object (json);
      zicha_json_add_string (json, "record_type", record->record_type);
      zicha_json_add_string (json, "record_key", record->record_key);
      if (record->hit != 0)
        zicha_json_add_int (json, "hit", record->hit);
      else
        zicha_json_add_string (json, "hit", NULL);
      zicha_json_add_string (json, "label", record->label);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
}

char *
zicha_similar_group_to_json (const ZichaSimilarGroup *group)
{
  ZichaJson *json;

  g_return_val_if_fail (group != NULL, NULL);

  json = zicha_json_begin ();
  add_group_members (json, group);
  return zicha_json_end (json);
}

/* Keeping the evidence -------------------------------------------------------------------- */

static gboolean
insert_extension (ZichaDb *db, gint64 problem_id, const ZichaSimilarGroup *group,
                  const char *result, ZichaExtensionOutcome outcome, const char *user_name,
                  gint64 *out_id, GError **error)
{
  g_autofree char *json = NULL;
  g_autofree char *key = _zicha_problems_key (problem_id);
  char now[20];
  gint64 id;

  zicha_now (now);
  if (_zicha_problems_exec (db, error,
                            "INSERT INTO problem_extensions (problem, key_kind, key_value,"
                            " result, outcome, created_at, created_by)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?)", "issssss", problem_id,
                            zicha_similar_kind_to_string (group->kind), group->key, result,
                            zicha_extension_outcome_to_string (outcome), now,
                            user_name != NULL && *user_name != '\0' ? user_name : NULL) < 0)
    return FALSE;
  id = sqlite3_last_insert_rowid (zicha_db_get_handle (db));
  json = zicha_change_log_row_json (db, "problem_extensions", id);
  if (!zicha_change_log_append (db, user_name, "problem_extension", key, ZICHA_CHANGE_CREATE,
                                NULL, json, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

gboolean
zicha_similar_record_none_found (ZichaDb           *db,
                                 gint64             problem_id,
                                 ZichaSimilarKind   kind,
                                 const char        *key,
                                 const char        *user_name,
                                 gint64            *out_extension_id,
                                 GError           **error)
{
  g_autoptr(ZichaSimilarGroup) group = NULL;
  g_autofree char *result = NULL;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_zicha_problems_begin (db, error))
    return FALSE;
  group = zicha_similar_find_group (db, problem_id, kind, key, error);
  ok = group != NULL;
  if (ok)
    {
      result = zicha_similar_group_to_json (group);
      ok = insert_extension (db, problem_id, group, result, ZICHA_EXTENSION_NONE_FOUND,
                             user_name, out_extension_id, error);
    }
  return _zicha_problems_end (db, ok, error);
}

/* Raising linked problems ----------------------------------------------------------------- */

static const ZichaSimilarRecord *
find_member (const ZichaSimilarGroup *group, const ZichaSimilarRecord *wanted)
{
  for (guint i = 0; i < group->records->len; i++)
    {
      const ZichaSimilarRecord *record = g_ptr_array_index (group->records, i);

      if (g_strcmp0 (record->record_type, wanted->record_type) == 0
          && g_strcmp0 (record->record_key, wanted->record_key) == 0)
        return record;
    }
  return NULL;
}

/* One problem extended from @problem for @record of @group. */
static gboolean
raise_one (ZichaDb *db, const ZichaProblem *problem, const ZichaSimilarGroup *group,
           const ZichaSimilarRecord *record, const char *user_name, gint64 *out_id,
           GError **error)
{
  g_autofree char *description = NULL;
  ZichaProblemDraft draft = { 0 };

  /* Translators: the description of a problem raised by 举一反三; %1$s is the number of the
   * problem extended, %2$s what they share ("Same auditor"), %3$s its key (a name, a rule) */
  description = g_strdup_printf (_("Found by extending problem %1$s to similar cases (%2$s: "
                                   "%3$s)."), problem->number,
                                 zicha_similar_kind_get_label (group->kind), group->label);
  if (record->hit != 0 && record->label != NULL)
    {
      char *with_message = g_strconcat (description, "\n", record->label, NULL);

      g_free (description);
      description = with_message;
    }
  draft.area = problem->area;
  draft.severity = problem->severity;
  draft.title = problem->title;
  draft.description = description;
  draft.source = ZICHA_PROBLEM_SOURCE_EXTENSION;
  draft.rule = problem->rule;
  draft.clause = problem->clause;
  draft.extended_from = problem->id;
  draft.found_by = user_name;
  if (!_zicha_problems_insert (db, &draft, user_name, out_id, error))
    return FALSE;
  if (record->hit != 0)
    return zicha_hits_mark_confirmed (db, record->hit, user_name, error)
           && _zicha_problems_add_hit (db, *out_id, record->hit, NULL, user_name, error);
  return _zicha_problems_check_record (db, record->record_type, record->record_key, error)
         && _zicha_problems_add_record (db, *out_id, record->record_type, record->record_key, 0,
                                        user_name, error);
}

gboolean
zicha_similar_raise (ZichaDb                   *db,
                     gint64                     problem_id,
                     ZichaSimilarKind           kind,
                     const char                *key,
                     const ZichaSimilarRecord  *chosen,
                     guint                      n_chosen,
                     const char                *user_name,
                     GArray                   **out_problem_ids,
                     gint64                    *out_extension_id,
                     GError                   **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autoptr(ZichaSimilarGroup) group = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *result = NULL;
  ZichaJson *json = NULL;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (chosen != NULL || n_chosen == 0, FALSE);

  if (n_chosen == 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Choose the similar records to raise problems for"));
      return FALSE;
    }
  if (!_zicha_problems_begin (db, error))
    return FALSE;
  problem = zicha_problems_get (db, problem_id, error);
  group = problem != NULL ? zicha_similar_find_group (db, problem_id, kind, key, error) : NULL;
  ok = group != NULL;
  if (ok)
    {
      json = zicha_json_begin ();
      add_group_members (json, group);
      json_builder_set_member_name (json, "raised");
      json_builder_begin_array (json);
    }
  for (guint i = 0; ok && i < n_chosen; i++)
    {
      const ZichaSimilarRecord *record = find_member (group, &chosen[i]);
      g_autoptr(ZichaProblem) raised = NULL;
      gint64 id = 0;

      if (record == NULL)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %1$s is a kind of records, %2$s a record's key */
                       _("The record %1$s “%2$s” is not among the similar cases found"),
                       chosen[i].record_type != NULL ? chosen[i].record_type : "",
                       chosen[i].record_key != NULL ? chosen[i].record_key : "");
          ok = FALSE;
          break;
        }
      ok = raise_one (db, problem, group, record, user_name, &id, error)
           && (raised = zicha_problems_get (db, id, error)) != NULL;
      if (!ok)
        break;
      g_array_append_val (ids, id);
      json_builder_begin_object (json);
      zicha_json_add_int (json, "problem", id);
      zicha_json_add_string (json, "number", raised->number);
      zicha_json_add_string (json, "record_type", record->record_type);
      zicha_json_add_string (json, "record_key", record->record_key);
      json_builder_end_object (json);
    }
  if (json != NULL)
    {
      json_builder_end_array (json);
      result = zicha_json_end (json);
    }
  ok = ok && insert_extension (db, problem_id, group, result, ZICHA_EXTENSION_RAISED, user_name,
                               out_extension_id, error);
  if (!_zicha_problems_end (db, ok, error))
    return FALSE;
  if (out_problem_ids != NULL)
    *out_problem_ids = g_steal_pointer (&ids);
  return TRUE;
}

/* The evidence kept ----------------------------------------------------------------------- */

GPtrArray *
zicha_similar_list_extensions (ZichaDb  *db,
                               gint64    problem_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) extensions = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT id, problem, key_kind, key_value, result, outcome, created_at,"
                          " created_by FROM problem_extensions WHERE problem = ? ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      read_failed (db, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, problem_id);
  extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_problem_extension_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaProblemExtension *e = g_new0 (ZichaProblemExtension, 1);
      int value = 0;

      e->id = sqlite3_column_int64 (stmt, 0);
      e->problem = sqlite3_column_int64 (stmt, 1);
      zicha_similar_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &e->kind);
      e->key = dup_col (stmt, 3);
      e->result = dup_col (stmt, 4);
      if (zicha_enum_from_nick (ZICHA_TYPE_EXTENSION_OUTCOME,
                                (const char *) sqlite3_column_text (stmt, 5), FALSE, &value))
        e->outcome = (ZichaExtensionOutcome) value;
      e->created_at = dup_col (stmt, 6);
      e->created_by = dup_col (stmt, 7);
      g_ptr_array_add (extensions, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&extensions);
}
