/* zicha-problem-causes.c — the cause analysis (原因分析) of a problem
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cause analysis is one or more categories, a 5-why chain (up to five why/because pairs, in
 * order) and free text. The categories come from a list that is a setting: the default list's
 * keys are English msgids (translated where shown), and a body that words its categories
 * otherwise sets "cause-categories" to its own labels separated by ';' — an entry that is one
 * of the defaults, in English or translated, keeps the default's key, so a report groups by
 * the same key whichever way it was written. Categories live in problem_causes, whys in
 * problem_whys, the text in problems.cause_analysis; a change replaces all three at once and
 * is one entry "cause_analysis" of the history, with the analysis before and after as JSON. */
#define G_LOG_DOMAIN "zicha-problems"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-change-log.h"
#include "zicha-error.h"
#include "zicha-json.h"
#include "zicha-problems-private.h"

#define CAUSE_CONTEXT "cause category"

/* 制度缺陷;人员能力;过程控制;监督检查;资源不足;外部因素 */
static const char * const default_categories[] = {
  NC_("cause category", "Inadequate procedures"),
  NC_("cause category", "Staff competence"),
  NC_("cause category", "Process control"),
  NC_("cause category", "Supervision and checks"),
  NC_("cause category", "Insufficient resources"),
  NC_("cause category", "External factors"),
};

static const char *
default_key_of (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_categories); i++)
    if (strcmp (text, default_categories[i]) == 0
        || strcmp (text, g_dpgettext2 (GETTEXT_PACKAGE, CAUSE_CONTEXT,
                                       default_categories[i])) == 0)
      return default_categories[i];
  return NULL;
}

const char *
zicha_problem_cause_category_get_label (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_categories); i++)
    if (strcmp (key, default_categories[i]) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, CAUSE_CONTEXT, default_categories[i]);
  return key;
}

GStrv
zicha_problems_get_cause_categories (ZichaDb *db)
{
  g_autofree char *setting = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  setting = zicha_db_get_setting (db, "cause-categories");
  if (setting != NULL)
    {
      g_autofree char *ascii = NULL;
      GString *text = g_string_new (setting);

      /* a full-width semicolon separates as well */
      g_string_replace (text, "；", ";", 0);
      ascii = g_string_free (text, FALSE);
      parts = g_strsplit (ascii, ";", -1);
    }
  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      const char *entry = g_strstrip (parts[i]);
      const char *key;

      if (*entry == '\0')
        continue;
      key = default_key_of (entry);
      if (key == NULL)
        key = entry;
      if (g_hash_table_add (seen, g_strdup (key)))
        g_strv_builder_add (builder, key);
    }
  if (g_hash_table_size (seen) == 0)
    for (guint i = 0; i < G_N_ELEMENTS (default_categories); i++)
      g_strv_builder_add (builder, default_categories[i]);
  return g_strv_builder_end (builder);
}

void
zicha_cause_analysis_free (ZichaCauseAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  g_strfreev (analysis->categories);
  g_clear_pointer (&analysis->whys, g_ptr_array_unref);
  g_free (analysis->text);
  g_free (analysis);
}

static void
why_free (ZichaProblemWhy *why)
{
  g_free (why->why);
  g_free (why->because);
  g_free (why);
}

/* The analysis of a problem known to exist. */
static ZichaCauseAnalysis *
read_analysis (ZichaDb *db, gint64 problem_id, GError **error)
{
  g_autoptr(ZichaCauseAnalysis) analysis = g_new0 (ZichaCauseAnalysis, 1);
  g_autoptr(GStrvBuilder) categories = g_strv_builder_new ();
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  analysis->whys = g_ptr_array_new_with_free_func ((GDestroyNotify) why_free);
  if (sqlite3_prepare_v2 (handle, "SELECT category FROM problem_causes WHERE problem = ?"
                                  " ORDER BY position", -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, problem_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (categories, (const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    goto failed;
  analysis->categories = g_strv_builder_end (categories);

  if (sqlite3_prepare_v2 (handle, "SELECT why, because FROM problem_whys WHERE problem = ?"
                                  " ORDER BY position", -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, problem_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaProblemWhy *why = g_new0 (ZichaProblemWhy, 1);

      why->why = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      why->because = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (analysis->whys, why);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    goto failed;

  if (sqlite3_prepare_v2 (handle, "SELECT cause_analysis FROM problems WHERE id = ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, problem_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    analysis->text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto failed;
  return g_steal_pointer (&analysis);

failed:
  g_clear_pointer (&stmt, sqlite3_finalize);
  zicha_db_set_error (db, error, _("Could not read the problem list"));
  return NULL;
}

ZichaCauseAnalysis *
zicha_problems_get_cause_analysis (ZichaDb  *db,
                                   gint64    problem_id,
                                   GError  **error)
{
  g_autoptr(ZichaProblem) problem = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  problem = zicha_problems_get (db, problem_id, error);
  if (problem == NULL)
    return NULL;
  return read_analysis (db, problem_id, error);
}

/* The analysis as JSON, for the history. */
static char *
analysis_json (const ZichaCauseAnalysis *analysis)
{
  ZichaJson *json = zicha_json_begin ();

  json_builder_set_member_name (json, "categories");
  json_builder_begin_array (json);
  for (guint i = 0; analysis->categories[i] != NULL; i++)
    json_builder_add_string_value (json, analysis->categories[i]);
  json_builder_end_array (json);
  json_builder_set_member_name (json, "whys");
  json_builder_begin_array (json);
  for (guint i = 0; i < analysis->whys->len; i++)
    {
      const ZichaProblemWhy *why = g_ptr_array_index (analysis->whys, i);

      json_builder_begin_object (json);
      zicha_json_add_string (json, "why", why->why);
      zicha_json_add_string (json, "because", why->because);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  zicha_json_add_string (json, "text", analysis->text);
  return zicha_json_end (json);
}

static gboolean
is_blank (const char *text)
{
  for (const char *c = text != NULL ? text : ""; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return FALSE;
  return TRUE;
}

static gboolean
check_analysis (ZichaDb *db, const ZichaCauseAnalysis *old, const char * const *categories,
                const ZichaProblemWhy *whys, guint n_whys, GError **error)
{
  g_auto(GStrv) allowed = zicha_problems_get_cause_categories (db);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) allowed, categories[i])
        && !g_strv_contains ((const char * const *) old->categories, categories[i]))
      {
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                     /* Translators: %s is a category of causes the user gave */
                     _("“%s” is not one of the categories of causes"), categories[i]);
        return FALSE;
      }
  if (n_whys > ZICHA_PROBLEM_MAX_WHYS)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %d is the largest number of whys (5) */
                   _("A 5-why analysis has at most %d whys"), ZICHA_PROBLEM_MAX_WHYS);
      return FALSE;
    }
  for (guint i = 0; i < n_whys; i++)
    if (is_blank (whys[i].why))
      {
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                     /* Translators: %u is the position of a why in the chain (1 to 5) */
                     _("Why number %u of the analysis is empty"), i + 1);
        return FALSE;
      }
  return TRUE;
}

static gboolean
write_analysis (ZichaDb *db, gint64 problem_id, const char * const *categories,
                const ZichaProblemWhy *whys, guint n_whys, const char *text, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 position = 0;

  if (_zicha_problems_exec (db, error, "DELETE FROM problem_causes WHERE problem = ?", "i",
                            problem_id) < 0
      || _zicha_problems_exec (db, error, "DELETE FROM problem_whys WHERE problem = ?", "i",
                               problem_id) < 0)
    return FALSE;
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      if (!g_hash_table_add (seen, (gpointer) categories[i]))
        continue;
      if (_zicha_problems_exec (db, error, "INSERT INTO problem_causes (problem, position,"
                                " category) VALUES (?, ?, ?)", "iis", problem_id, ++position,
                                categories[i]) < 0)
        return FALSE;
    }
  for (guint i = 0; i < n_whys; i++)
    {
      g_autofree char *why = g_strstrip (g_strdup (whys[i].why));
      g_autofree char *because = g_strstrip (g_strdup (whys[i].because != NULL
                                                       ? whys[i].because : ""));

      if (_zicha_problems_exec (db, error, "INSERT INTO problem_whys (problem, position, why,"
                                " because) VALUES (?, ?, ?, ?)", "iiss", problem_id,
                                (gint64) i + 1, why, because) < 0)
        return FALSE;
    }
  return _zicha_problems_exec (db, error, "UPDATE problems SET cause_analysis = ? WHERE id = ?",
                               "si", *trimmed != '\0' ? trimmed : NULL, problem_id) >= 0;
}

gboolean
zicha_problems_set_cause_analysis (ZichaDb                *db,
                                   gint64                  problem_id,
                                   const char * const     *categories,
                                   const ZichaProblemWhy  *whys,
                                   guint                   n_whys,
                                   const char             *text,
                                   const char             *user_name,
                                   GError                **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autoptr(ZichaCauseAnalysis) old = NULL;
  g_autoptr(ZichaCauseAnalysis) new = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *key = NULL;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (whys != NULL || n_whys == 0, FALSE);

  if (!_zicha_problems_begin (db, error))
    return FALSE;
  problem = zicha_problems_get (db, problem_id, error);
  old = problem != NULL ? read_analysis (db, problem_id, error) : NULL;
  ok = old != NULL
       && check_analysis (db, old, categories, whys, n_whys, error)
       && write_analysis (db, problem_id, categories, whys, n_whys, text, error)
       && (new = read_analysis (db, problem_id, error)) != NULL;
  if (ok)
    {
      before = analysis_json (old);
      after = analysis_json (new);
      key = _zicha_problems_key (problem_id);
      ok = zicha_change_log_append (db, user_name, "cause_analysis", key, ZICHA_CHANGE_UPDATE,
                                    before, after, error);
    }
  return _zicha_problems_end (db, ok, error);
}
