/* zicha-certificate-actions.c — handling of problem certificates (暂停 / 恢复 / 撤销 / 注销 /
 * 缩小范围)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction per action: the certificate_events row (origin 'zicha'), the certificate's
 * new status and status_on (and, for a reduced scope, its codes and printed scope with the
 * rows of certificate_scope_codes), the certificate_actions row that remembers what was there
 * before, the records' generation raised, and the change history. Undo takes the last action
 * of a certificate back, if nothing changed the certificate since. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-certificate-actions.h"
#include "zicha-day.h"
#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-error.h"
#include "zicha-json.h"
#include "zicha-rectification-private.h"

static const char * const action_labels[] = {
  /* Translators: handling of a certificate: 暂停, 恢复, 撤销, 注销, 缩小范围 */
  NC_("certificate action", "Suspend"), NC_("certificate action", "Restore"),
  NC_("certificate action", "Withdraw"), NC_("certificate action", "Cancel"),
  NC_("certificate action", "Reduce the scope"),
};

/* The status each action leaves (NULL: unchanged). */
static const char * const status_after[] = {
  "suspended", "valid", "withdrawn", "cancelled", NULL,
};

const char *
zicha_cert_action_to_string (ZichaCertAction action)
{
  return zicha_enum_get_nick (ZICHA_TYPE_CERT_ACTION, action);
}

gboolean
zicha_cert_action_from_string (const char      *str,
                               ZichaCertAction *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_CERT_ACTION, str, FALSE, &value))
    return FALSE;
  *out = (ZichaCertAction) value;
  return TRUE;
}

const char *
zicha_cert_action_get_label (ZichaCertAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_labels), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "certificate action", action_labels[action]);
}

gboolean
zicha_cert_action_allowed (ZichaCertAction  action,
                           const char      *status)
{
  gboolean valid = g_strcmp0 (status, "valid") == 0;
  gboolean suspended = g_strcmp0 (status, "suspended") == 0;

  switch (action)
    {
    case ZICHA_CERT_ACTION_SUSPEND:
      return valid;
    case ZICHA_CERT_ACTION_RESTORE:
      return suspended;
    case ZICHA_CERT_ACTION_WITHDRAW:
    case ZICHA_CERT_ACTION_CANCEL:
    case ZICHA_CERT_ACTION_REDUCE:
      return valid || suspended;
    default:
      return FALSE;
    }
}

const char *
zicha_cert_status_get_label (const char *status)
{
  /* the labels of the records pages (records/zicha-record-query.c), same msgids */
  static const struct { const char *nick; const char *label; } labels[] = {
    { "valid", NC_("certificate status", "Valid") },
    { "suspended", NC_("certificate status", "Suspended") },
    { "withdrawn", NC_("certificate status", "Withdrawn") },
    { "cancelled", NC_("certificate status", "Cancelled") },
    { "expired", NC_("certificate status", "Expired") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (status, labels[i].nick) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "certificate status", labels[i].label);
  return status != NULL ? status : "";
}

void
zicha_cert_action_entry_free (ZichaCertActionEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->cert_no);
  g_free (entry->on_date);
  g_free (entry->reason);
  g_free (entry->problem_number);
  g_free (entry->status_before);
  g_free (entry->status_on_before);
  g_free (entry->status_after);
  g_free (entry->scope_codes_before);
  g_free (entry->scope_codes_after);
  g_free (entry->scope_text_before);
  g_free (entry->scope_text_after);
  g_free (entry->created_at);
  g_free (entry->created_by);
  g_free (entry);
}

/* A certificate as the actions need it. */
typedef struct
{
  gint64  id;
  char   *cert_no;
  char   *status;
  char   *status_on;
  char   *scope_codes;
  char   *scope_text;
} Cert;

static void
cert_clear (Cert *cert)
{
  g_free (cert->cert_no);
  g_free (cert->status);
  g_free (cert->status_on);
  g_free (cert->scope_codes);
  g_free (cert->scope_text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cert, cert_clear)

static gboolean
read_cert (ZichaDb *db, const char *cert_no, Cert *cert, GError **error)
{
  sqlite3_stmt *stmt = _zicha_rect_prepare (db, error,
                                            "SELECT id, cert_no, status, status_on, scope_codes,"
                                            " scope_text FROM certificates WHERE cert_no = ?",
                                            "s", cert_no);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      cert->id = sqlite3_column_int64 (stmt, 0);
      cert->cert_no = _zicha_rect_dup_column (stmt, 1);
      cert->status = _zicha_rect_dup_column (stmt, 2);
      cert->status_on = _zicha_rect_dup_column (stmt, 3);
      cert->scope_codes = _zicha_rect_dup_column (stmt, 4);
      cert->scope_text = _zicha_rect_dup_column (stmt, 5);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _zicha_rect_read_error (db, error);
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
               /* Translators: %s is a certificate number */
               _("There is no certificate “%s” in the records"), cert_no != NULL ? cert_no : "");
  return FALSE;
}

/* The certificate's columns that actions change, as JSON for the history. */
static char *
cert_json (const Cert *cert)
{
  ZichaJson *json = zicha_json_begin ();

  zicha_json_add_string (json, "cert_no", cert->cert_no);
  zicha_json_add_string (json, "status", cert->status);
  zicha_json_add_string (json, "status_on", cert->status_on);
  zicha_json_add_string (json, "scope_codes", cert->scope_codes);
  zicha_json_add_string (json, "scope_text", cert->scope_text);
  return zicha_json_end (json);
}

/* @codes (the ones that remain), checked against the certificate's: a non-empty part of them,
 * fewer; the new ';'-list in the certificate's order into @out. */
static gboolean
reduced_codes (const Cert *cert, const char * const *codes, char **out, GError **error)
{
  g_auto(GStrv) have = g_strsplit (cert->scope_codes != NULL ? cert->scope_codes : "", ";", -1);
  g_autoptr(GString) kept = g_string_new (NULL);
  guint n_have = 0, n_kept = 0;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; have[j] != NULL; j++)
        found |= strcmp (have[j], codes[i]) == 0;
      if (!found)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %1$s is a business scope code, %2$s a certificate */
                       _("The scope code %1$s is not in the scope of the certificate %2$s"),
                       codes[i], cert->cert_no);
          return FALSE;
        }
    }
  for (guint j = 0; have[j] != NULL; j++)
    {
      if (*have[j] == '\0')
        continue;
      n_have++;
      if (g_strv_contains (codes, have[j]))
        {
          g_string_append_printf (kept, "%s%s", n_kept > 0 ? ";" : "", have[j]);
          n_kept++;
        }
    }
  if (n_kept == 0 || n_kept >= n_have)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is a certificate number */
                   _("A reduced scope of the certificate %s keeps some of its scope codes, not "
                     "all of them"), cert->cert_no);
      return FALSE;
    }
  *out = g_string_free (g_steal_pointer (&kept), FALSE);
  return TRUE;
}

/* Sets the certificate's codes to @codes (';'-list), its rows of certificate_scope_codes too. */
static gboolean
set_scope (ZichaDb *db, gint64 cert, const char *codes, const char *text, GError **error)
{
  g_auto(GStrv) list = g_strsplit (codes, ";", -1);

  if (_zicha_rect_exec (db, error,
                        "UPDATE certificates SET scope_codes = ?, scope_text = ? WHERE id = ?",
                        "ssi", codes, text, cert) < 0
      || _zicha_rect_exec (db, error, "DELETE FROM certificate_scope_codes WHERE cert = ?", "i",
                           cert) < 0)
    return FALSE;
  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0'
        && _zicha_rect_exec (db, error,
                             "INSERT OR IGNORE INTO certificate_scope_codes (cert, code)"
                             " VALUES (?, ?)", "is", cert, list[i]) < 0)
      return FALSE;
  return TRUE;
}

static gboolean
log_cert (ZichaDb *db, const char *user_name, const char *cert_no, const char *before,
          GError **error)
{
  g_auto(Cert) now = { 0 };
  g_autofree char *after = NULL;

  if (!read_cert (db, cert_no, &now, error))
    return FALSE;
  after = cert_json (&now);
  return zicha_change_log_append (db, user_name, "certificate", cert_no, ZICHA_CHANGE_UPDATE,
                                  before, after, error);
}

/* The optional problem and measure of an action. */
static gboolean
check_refs (ZichaDb *db, const ZichaCertActionDraft *draft, GError **error)
{
  if (draft->problem_id != 0)
    {
      g_autoptr(ZichaProblem) problem = zicha_problems_get (db, draft->problem_id, error);

      if (problem == NULL)
        return FALSE;
    }
  if (draft->measure_id != 0)
    {
      g_autoptr(ZichaMeasure) measure = zicha_measures_get (db, draft->measure_id, error);

      if (measure == NULL || !_zicha_rect_check_live (measure, error))
        return FALSE;
    }
  return TRUE;
}

gint64
zicha_cert_actions_apply (ZichaDb                     *db,
                          const ZichaCertActionDraft  *draft,
                          const char                  *user_name,
                          GError                     **error)
{
  g_auto(Cert) cert = { 0 };
  g_autofree char *reason = NULL, *codes = NULL, *text = NULL, *before = NULL;
  const char *event, *after;
  gint64 event_id = 0, id = 0, n;
  char day[11], now[20];
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);
  g_return_val_if_fail (draft != NULL, 0);

  event = zicha_cert_action_to_string (draft->action);
  reason = _zicha_rect_norm (draft->reason);
  if (event == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Unknown handling of a certificate: use suspend, restore, withdraw, "
                             "cancel or reduce"));
      return 0;
    }
  if (reason == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A reason is needed to handle a certificate"));
      return 0;
    }
  if (!_zicha_rect_date_or_today (db, _("The date of the handling"), draft->on, day, error)
      || !_zicha_rect_begin (db, error))
    return 0;
  ok = read_cert (db, draft->cert_no, &cert, error) && check_refs (db, draft, error);
  if (ok && !zicha_cert_action_allowed (draft->action, cert.status))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %1$s is a certificate number, %2$s its status (暂停…),
                    * %3$s a handling (撤销…) */
                   _("The certificate %1$s is “%2$s”: it cannot be handled with “%3$s”"),
                   cert.cert_no, zicha_cert_status_get_label (cert.status),
                   zicha_cert_action_get_label (draft->action));
      ok = FALSE;
    }
  if (ok && draft->action == ZICHA_CERT_ACTION_REDUCE && draft->scope_codes != NULL)
    ok = reduced_codes (&cert, draft->scope_codes, &codes, error);
  n = ok ? _zicha_rect_query_int (db, error, 0,
                                  "SELECT count (*) FROM certificate_events"
                                  " WHERE cert = ? AND event = ? AND on_date = ?", "iss",
                                  cert.id, event, day) : 0;
  if (n < 0)
    ok = FALSE;
  else if (n > 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %1$s is a certificate number, %2$s a handling (暂停…),
                    * %3$s a date */
                   _("The certificate %1$s has a “%2$s” event on %3$s already"), cert.cert_no,
                   zicha_cert_action_get_label (draft->action), day);
      ok = FALSE;
    }

  after = status_after[draft->action] != NULL ? status_after[draft->action] : cert.status;
  before = cert_json (&cert);
  text = draft->scope_text != NULL ? _zicha_rect_norm (draft->scope_text)
                                   : g_strdup (cert.scope_text);
  zicha_now (now);
  if (ok)
    {
      ok = _zicha_rect_exec (db, error,
                             "INSERT INTO certificate_events (cert, event, on_date, reason, origin)"
                             " VALUES (?, ?, ?, ?, 'zicha')", "isss", cert.id, event, day,
                             reason) >= 0;
      event_id = sqlite3_last_insert_rowid (zicha_db_get_handle (db));
    }
  if (ok && status_after[draft->action] != NULL)
    ok = _zicha_rect_exec (db, error,
                           "UPDATE certificates SET status = ?, status_on = ? WHERE id = ?",
                           "ssi", after, day, cert.id) >= 0;
  if (ok && draft->action == ZICHA_CERT_ACTION_REDUCE
      && (codes != NULL || draft->scope_text != NULL))
    ok = set_scope (db, cert.id, codes != NULL ? codes : cert.scope_codes, text, error);
  if (ok)
    {
      gboolean scoped = draft->action == ZICHA_CERT_ACTION_REDUCE;

      ok = _zicha_rect_exec (db, error,
                             "INSERT INTO certificate_actions (cert, action, on_date, reason,"
                             " problem, measure, status_before, status_on_before, status_after,"
                             " scope_codes_before, scope_codes_after, scope_text_before,"
                             " scope_text_after, event, created_at, created_by)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             "isssnnsssssssiss", cert.id, event, day, reason, draft->problem_id,
                             draft->measure_id, cert.status, cert.status_on, after,
                             scoped ? cert.scope_codes : NULL,
                             scoped ? (codes != NULL ? codes : cert.scope_codes) : NULL,
                             scoped ? cert.scope_text : NULL, scoped ? text : NULL, event_id,
                             now, user_name != NULL && *user_name != '\0' ? user_name : "?") >= 0;
      id = sqlite3_last_insert_rowid (zicha_db_get_handle (db));
    }
  ok = ok && _zicha_rect_log_row (db, user_name, "certificate_action", "certificate_actions", id,
                                  ZICHA_CHANGE_CREATE, NULL, error)
       && log_cert (db, user_name, cert.cert_no, before, error)
       && zicha_db_bump_records_generation (db, error);
  if (!_zicha_rect_end (db, ok, error))
    return 0;
  return id;
}

gboolean
zicha_cert_actions_undo_last (ZichaDb     *db,
                              const char  *cert_no,
                              const char  *user_name,
                              GError     **error)
{
  g_auto(Cert) cert = { 0 };
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *before = NULL, *action_json = NULL;
  const ZichaCertActionEntry *last = NULL;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_rect_begin (db, error))
    return FALSE;
  ok = read_cert (db, cert_no, &cert, error)
       && (actions = zicha_cert_actions_list (db, cert_no, 0, 0, error)) != NULL;
  if (ok && actions->len == 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s is a certificate number */
                   _("The certificate %s was not handled in Zicha: there is nothing to undo"),
                   cert.cert_no);
      ok = FALSE;
    }
  if (ok)
    {
      last = g_ptr_array_index (actions, actions->len - 1);
      if (g_strcmp0 (cert.status, last->status_after) != 0
          || (last->scope_codes_after != NULL
              && g_strcmp0 (cert.scope_codes, last->scope_codes_after) != 0))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                       /* Translators: %1$s is a certificate number, %2$s a handling (暂停…) */
                       _("The “%2$s” of the certificate %1$s cannot be undone: the certificate "
                         "changed since (by an import?)"), cert.cert_no,
                       zicha_cert_action_get_label (last->action));
          ok = FALSE;
        }
    }
  if (ok)
    {
      before = cert_json (&cert);
      action_json = zicha_change_log_row_json (db, "certificate_actions", last->id);
      ok = _zicha_rect_exec (db, error,
                             "UPDATE certificates SET status = ?, status_on = ? WHERE id = ?",
                             "ssi", last->status_before, last->status_on_before, cert.id) >= 0
           && (last->scope_codes_before == NULL
               || set_scope (db, cert.id, last->scope_codes_before, last->scope_text_before,
                             error))
           && _zicha_rect_exec (db, error, "DELETE FROM certificate_actions WHERE id = ?", "i",
                                last->id) >= 0
           && _zicha_rect_exec (db, error,
                                "DELETE FROM certificate_events WHERE id = ? AND origin = 'zicha'",
                                "i", last->event_id) >= 0;
    }
  if (ok)
    {
      g_autofree char *key = _zicha_rect_key (last->id);

      ok = zicha_change_log_append (db, user_name, "certificate_action", key,
                                    ZICHA_CHANGE_DELETE, action_json, NULL, error)
           && log_cert (db, user_name, cert.cert_no, before, error)
           && zicha_db_bump_records_generation (db, error);
    }
  return _zicha_rect_end (db, ok, error);
}

GPtrArray *
zicha_cert_actions_list (ZichaDb     *db,
                         const char  *cert_no,
                         gint64       problem_id,
                         gint64       measure_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = _zicha_rect_prepare (db, error,
                              "SELECT a.id, c.cert_no, a.action, a.on_date, a.reason, a.problem,"
                              " p.number, a.measure, a.status_before, a.status_on_before,"
                              " a.status_after, a.scope_codes_before, a.scope_codes_after,"
                              " a.scope_text_before, a.scope_text_after, a.event, a.created_at,"
                              " a.created_by"
                              " FROM certificate_actions AS a"
                              " JOIN certificates AS c ON c.id = a.cert"
                              " LEFT JOIN problems AS p ON p.id = a.problem"
                              " WHERE (?1 IS NULL OR c.cert_no = ?1)"
                              " AND (?2 = 0 OR a.problem = ?2) AND (?3 = 0 OR a.measure = ?3)"
                              " ORDER BY a.id", "sii", cert_no, problem_id, measure_id);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_cert_action_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaCertActionEntry *e = g_new0 (ZichaCertActionEntry, 1);
      int c = 0;

      e->id = sqlite3_column_int64 (stmt, c++);
      e->cert_no = _zicha_rect_dup_column (stmt, c++);
      if (!zicha_cert_action_from_string ((const char *) sqlite3_column_text (stmt, c++),
                                          &e->action))
        e->action = ZICHA_CERT_ACTION_SUSPEND;
      e->on_date = _zicha_rect_dup_column (stmt, c++);
      e->reason = _zicha_rect_dup_column (stmt, c++);
      e->problem_id = sqlite3_column_int64 (stmt, c++);
      e->problem_number = _zicha_rect_dup_column (stmt, c++);
      e->measure_id = sqlite3_column_int64 (stmt, c++);
      e->status_before = _zicha_rect_dup_column (stmt, c++);
      e->status_on_before = _zicha_rect_dup_column (stmt, c++);
      e->status_after = _zicha_rect_dup_column (stmt, c++);
      e->scope_codes_before = _zicha_rect_dup_column (stmt, c++);
      e->scope_codes_after = _zicha_rect_dup_column (stmt, c++);
      e->scope_text_before = _zicha_rect_dup_column (stmt, c++);
      e->scope_text_after = _zicha_rect_dup_column (stmt, c++);
      e->event_id = sqlite3_column_int64 (stmt, c++);
      e->created_at = _zicha_rect_dup_column (stmt, c++);
      e->created_by = _zicha_rect_dup_column (stmt, c++);
      g_ptr_array_add (list, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_rect_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
