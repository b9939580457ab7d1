/* zicha-problems.c — the problem ledger (问题清单): reading it, and what its files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Problems are read with their state joined from the view problem_states (migration 007),
 * the one place where the state rule of DOMAIN.md section 5 is written: a list filters and
 * sorts by it in SQL like by any column. Lists find ids first (zicha_problems_query_ids) and
 * read the rows by id (zicha_problems_get_many), as the paged list models want. Changes are
 * in zicha-problem-edit.c; the helpers every file of problems/ uses to run statements and
 * transactions are at the end of this file. */
#define G_LOG_DOMAIN "zicha-problems"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-error.h"
#include "zicha-message.h"
#include "zicha-problems-private.h"
#include "zicha-rules.h"

static const char * const source_labels[] = {
  N_("Risk lead"), N_("Checklist item"), N_("Sample review"), N_("Complaint"),
  /* Translators: the source of a problem found by extending another to similar records */
  N_("Extension to similar cases"), N_("Entered by hand"),
};

static const char * const state_labels[] = {
  /* Translators: problem states (DOMAIN.md): 未整改, 整改中, 待销号, 已销号, 不成立 */
  NC_("problem state", "Not rectified"), NC_("problem state", "In rectification"),
  NC_("problem state", "Awaiting close-out"), NC_("problem state", "Closed out"),
  NC_("problem state", "Withdrawn"),
};

const char *
zicha_problem_source_to_string (ZichaProblemSource source)
{
  return zicha_enum_get_nick (ZICHA_TYPE_PROBLEM_SOURCE, source);
}

gboolean
zicha_problem_source_from_string (const char         *str,
                                  ZichaProblemSource *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_PROBLEM_SOURCE, str, FALSE, &value))
    return FALSE;
  *out = (ZichaProblemSource) value;
  return TRUE;
}

const char *
zicha_problem_source_get_label (ZichaProblemSource source)
{
  g_return_val_if_fail ((guint) source < G_N_ELEMENTS (source_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, source_labels[source]);
}

const char *
zicha_problem_state_to_string (ZichaProblemState state)
{
  return zicha_enum_get_nick (ZICHA_TYPE_PROBLEM_STATE, state);
}

gboolean
zicha_problem_state_from_string (const char        *str,
                                 ZichaProblemState *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_PROBLEM_STATE, str, FALSE, &value))
    return FALSE;
  *out = (ZichaProblemState) value;
  return TRUE;
}

const char *
zicha_problem_state_get_label (ZichaProblemState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_labels), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "problem state", state_labels[state]);
}

const char *
zicha_problem_area_get_label (const char *area)
{
  ZichaRuleArea value;

  return zicha_rule_area_from_string (area, &value) ? zicha_rule_area_get_label (value) : "";
}

const char *
zicha_problem_severity_get_label (const char *severity)
{
  ZichaRuleSeverity value;

  return zicha_rule_severity_from_string (severity, &value)
         ? zicha_rule_severity_get_label (value) : "";
}

gboolean
zicha_problem_number_parse (const char *text,
                            gint       *out_year,
                            gint       *out_seq)
{
  guint64 year, seq;
  const char *p;

  if (text == NULL || strncmp (text, "ZC-", 3) != 0 || strlen (text) < 3 + 4 + 1 + 3
      || text[7] != '-')
    return FALSE;
  for (p = text + 3; *p != '\0'; p++)
    if (p != text + 7 && !g_ascii_isdigit (*p))
      return FALSE;
  {
    char year_text[5];

    memcpy (year_text, text + 3, 4);
    year_text[4] = '\0';
    if (!g_ascii_string_to_unsigned (year_text, 10, 1, 9999, &year, NULL)
        || !g_ascii_string_to_unsigned (text + 8, 10, 1, G_MAXINT, &seq, NULL))
      return FALSE;
  }
  *out_year = (gint) year;
  *out_seq = (gint) seq;
  return TRUE;
}

ZichaProblem *
zicha_problem_copy (const ZichaProblem *problem)
{
  ZichaProblem *copy = g_new0 (ZichaProblem, 1);

  *copy = *problem;
  copy->number = g_strdup (problem->number);
  copy->area = g_strdup (problem->area);
  copy->severity = g_strdup (problem->severity);
  copy->title = g_strdup (problem->title);
  copy->description = g_strdup (problem->description);
  copy->rule = g_strdup (problem->rule);
  copy->clause = g_strdup (problem->clause);
  copy->found_by = g_strdup (problem->found_by);
  copy->found_on = g_strdup (problem->found_on);
  copy->department = g_strdup (problem->department);
  copy->responsible = g_strdup (problem->responsible);
  copy->cause_text = g_strdup (problem->cause_text);
  copy->withdrawn_at = g_strdup (problem->withdrawn_at);
  copy->withdrawn_by = g_strdup (problem->withdrawn_by);
  copy->withdraw_reason = g_strdup (problem->withdraw_reason);
  copy->closed_at = g_strdup (problem->closed_at);
  copy->closed_by = g_strdup (problem->closed_by);
  copy->closeout_note = g_strdup (problem->closeout_note);
  copy->created_at = g_strdup (problem->created_at);
  copy->created_by = g_strdup (problem->created_by);
  return copy;
}

void
zicha_problem_free (ZichaProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->number);
  g_free (problem->area);
  g_free (problem->severity);
  g_free (problem->title);
  g_free (problem->description);
  g_free (problem->rule);
  g_free (problem->clause);
  g_free (problem->found_by);
  g_free (problem->found_on);
  g_free (problem->department);
  g_free (problem->responsible);
  g_free (problem->cause_text);
  g_free (problem->withdrawn_at);
  g_free (problem->withdrawn_by);
  g_free (problem->withdraw_reason);
  g_free (problem->closed_at);
  g_free (problem->closed_by);
  g_free (problem->closeout_note);
  g_free (problem->created_at);
  g_free (problem->created_by);
  g_free (problem);
}

G_DEFINE_BOXED_TYPE (ZichaProblem, zicha_problem, zicha_problem_copy, zicha_problem_free)

void
zicha_problem_record_free (ZichaProblemRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->record_type);
  g_free (record->record_key);
  g_free (record);
}

void
zicha_problem_hit_free (ZichaProblemHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->rule);
  g_free (hit->entity_type);
  g_free (hit->entity_key);
  g_free (hit->status);
  g_free (hit->message);
  g_free (hit->note);
  g_free (hit->added_at);
  g_free (hit->added_by);
  g_free (hit);
}

/* Reading --------------------------------------------------------------------------------- */

#define PROBLEM_COLUMNS                                                                        \
  "p.id, p.number, p.year, p.seq, p.area, p.source, p.severity, s.state, p.title,"             \
  " p.description, p.rule, p.clause, p.checklist_item, p.sample_item, p.complaint,"            \
  " p.extended_from, p.found_by, p.found_on, p.department, p.responsible, p.cause_analysis,"   \
  " p.withdrawn_at, p.withdrawn_by, p.withdraw_reason, p.closed_at, p.closed_by,"              \
  " p.closeout_note, p.created_at, p.created_by"
#define PROBLEM_FROM " FROM problems AS p JOIN problem_states AS s ON s.problem = p.id"

static char *
dup_col (sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static ZichaProblem *
problem_from_row (sqlite3_stmt *stmt)
{
  ZichaProblem *p = g_new0 (ZichaProblem, 1);
  int c = 0;

  p->id = sqlite3_column_int64 (stmt, c++);
  p->number = dup_col (stmt, c++);
  p->year = sqlite3_column_int (stmt, c++);
  p->seq = sqlite3_column_int (stmt, c++);
  p->area = dup_col (stmt, c++);
  if (!zicha_problem_source_from_string ((const char *) sqlite3_column_text (stmt, c++),
                                         &p->source))
    p->source = ZICHA_PROBLEM_SOURCE_MANUAL;
  p->severity = dup_col (stmt, c++);
  if (!zicha_problem_state_from_string ((const char *) sqlite3_column_text (stmt, c++),
                                        &p->state))
    p->state = ZICHA_PROBLEM_OPEN;
  p->title = dup_col (stmt, c++);
  p->description = dup_col (stmt, c++);
  p->rule = dup_col (stmt, c++);
  p->clause = dup_col (stmt, c++);
  p->checklist_item = sqlite3_column_int64 (stmt, c++);
  p->sample_item = sqlite3_column_int64 (stmt, c++);
  p->complaint = sqlite3_column_int64 (stmt, c++);
  p->extended_from = sqlite3_column_int64 (stmt, c++);
  p->found_by = dup_col (stmt, c++);
  p->found_on = dup_col (stmt, c++);
  p->department = dup_col (stmt, c++);
  p->responsible = dup_col (stmt, c++);
  p->cause_text = dup_col (stmt, c++);
  p->withdrawn_at = dup_col (stmt, c++);
  p->withdrawn_by = dup_col (stmt, c++);
  p->withdraw_reason = dup_col (stmt, c++);
  p->closed_at = dup_col (stmt, c++);
  p->closed_by = dup_col (stmt, c++);
  p->closeout_note = dup_col (stmt, c++);
  p->created_at = dup_col (stmt, c++);
  p->created_by = dup_col (stmt, c++);
  return p;
}

static void
set_read_error (ZichaDb *db, GError **error)
{
  zicha_db_set_error (db, error, _("Could not read the problem list"));
}

/* Builds " WHERE …" for @filter; the values to bind go to @values in order. */
static void
filter_sql (const ZichaProblemFilter *filter, GString *sql, GPtrArray *values)
{
  static const struct { gsize offset; const char *column; } eq[] = {
    { G_STRUCT_OFFSET (ZichaProblemFilter, state), "s.state" },
    { G_STRUCT_OFFSET (ZichaProblemFilter, area), "p.area" },
    { G_STRUCT_OFFSET (ZichaProblemFilter, severity), "p.severity" },
    { G_STRUCT_OFFSET (ZichaProblemFilter, source), "p.source" },
  };
  const char *sep = " WHERE ";

  if (filter == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (eq); i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, filter, eq[i].offset);

      if (value == NULL || *value == '\0')
        continue;
      g_string_append_printf (sql, "%s%s = ?%u", sep, eq[i].column, values->len + 1);
      g_ptr_array_add (values, g_strdup (value));
      sep = " AND ";
    }
  if (filter->checklist_item > 0)
    {
      g_string_append_printf (sql, "%sp.checklist_item = CAST (?%u AS INTEGER)", sep,
                              values->len + 1);
      g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, filter->checklist_item));
      sep = " AND ";
    }
  if (filter->sample_item > 0)
    {
      g_string_append_printf (sql, "%sp.sample_item = CAST (?%u AS INTEGER)", sep,
                              values->len + 1);
      g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, filter->sample_item));
      sep = " AND ";
    }
  if (filter->text != NULL && *filter->text != '\0')
    {
      GString *pattern = g_string_new ("%");
      guint n = values->len + 1;

      for (const char *c = filter->text; *c != '\0'; c++)
        {
          if (*c == '%' || *c == '_' || *c == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *c);
        }
      g_string_append_c (pattern, '%');
      g_string_append_printf (sql, "%s(p.number LIKE ?%u ESCAPE '\\' OR p.title LIKE ?%u"
                                   " ESCAPE '\\' OR p.description LIKE ?%u ESCAPE '\\')",
                              sep, n, n, n);
      g_ptr_array_add (values, g_string_free (pattern, FALSE));
    }
}

static void
bind_values (sqlite3_stmt *stmt, GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i), -1, SQLITE_STATIC);
}

static void
order_sql (GString *sql, ZichaProblemOrder order, gboolean descending)
{
  const char *dir = descending ? "DESC" : "ASC";
  const char *first;

  switch (order)
    {
    case ZICHA_PROBLEM_ORDER_SEVERITY:
      first = "CASE p.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END";
      break;
    case ZICHA_PROBLEM_ORDER_STATE:
      first = "CASE s.state WHEN 'open' THEN 0 WHEN 'in_rectification' THEN 1"
              " WHEN 'awaiting_closeout' THEN 2 WHEN 'closed' THEN 3 ELSE 4 END";
      break;
    case ZICHA_PROBLEM_ORDER_AREA:
      first = "CASE p.area WHEN 'legal' THEN 0 WHEN 'conduct' THEN 1 WHEN 'practice' THEN 2"
              " ELSE 3 END";
      break;
    case ZICHA_PROBLEM_ORDER_FOUND_ON:
      first = "p.found_on";
      break;
    case ZICHA_PROBLEM_ORDER_TITLE:
      first = "p.title";
      break;
    case ZICHA_PROBLEM_ORDER_NUMBER:
    default:
      g_string_append_printf (sql, " ORDER BY p.year %s, p.seq %s", dir, dir);
      return;
    }
  g_string_append_printf (sql, " ORDER BY %s %s, p.year %s, p.seq %s", first, dir, dir, dir);
}

gint64
zicha_problems_count (ZichaDb                   *db,
                      const ZichaProblemFilter  *filter,
                      GError                   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count (*)" PROBLEM_FROM);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_return_val_if_fail (ZICHA_IS_DB (db), -1);

  filter_sql (filter, sql, values);
  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_read_error (db, error);
      return -1;
    }
  bind_values (stmt, values);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    set_read_error (db, error);
  sqlite3_finalize (stmt);
  return n;
}

GPtrArray *
zicha_problems_query (ZichaDb                   *db,
                      const ZichaProblemFilter  *filter,
                      ZichaProblemOrder          order,
                      gboolean                   descending,
                      GError                   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " PROBLEM_COLUMNS PROBLEM_FROM);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  filter_sql (filter, sql, values);
  order_sql (sql, order, descending);
  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_read_error (db, error);
      return NULL;
    }
  bind_values (stmt, values);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_problem_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems, problem_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&problems);
}

GArray *
zicha_problems_query_ids (ZichaDb                   *db,
                          const ZichaProblemFilter  *filter,
                          ZichaProblemOrder          order,
                          gboolean                   descending,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT p.id" PROBLEM_FROM);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  handle = zicha_db_get_handle (db);
  filter_sql (filter, sql, values);
  order_sql (sql, order, descending);
  if (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_read_error (db, error);
      return NULL;
    }
  bind_values (stmt, values);
  if (cancellable != NULL)
    zicha_db_watch_cancellable (handle, cancellable, 2000);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (cancellable != NULL)
    zicha_db_unwatch_cancellable (handle);
  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        set_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
zicha_problems_get_many (ZichaDb       *db,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT " PROBLEM_COLUMNS PROBLEM_FROM " WHERE p.id = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      set_read_error (db, error);
      return NULL;
    }
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_problem_free);
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (problems, problem_from_row (stmt));
      else if (rc == SQLITE_DONE)
        g_ptr_array_add (problems, NULL);
      else
        {
          sqlite3_finalize (stmt);
          set_read_error (db, error);
          return NULL;
        }
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&problems);
}

ZichaProblem *
zicha_problems_get (ZichaDb  *db,
                    gint64    problem_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) found = zicha_problems_get_many (db, &problem_id, 1, error);

  if (found == NULL)
    return NULL;
  if (g_ptr_array_index (found, 0) == NULL)
    {
      g_autofree char *key = _zicha_problems_key (problem_id);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is what names a problem: a number like ZC-2026-001 or an
                    * id */
                   _("There is no problem “%s”"), key);
      return NULL;
    }
  return g_steal_pointer (&g_ptr_array_index (found, 0));
}

ZichaProblem *
zicha_problems_find (ZichaDb     *db,
                     const char  *text,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 parsed = 0;
  gint64 id = 0;
  gint year, seq;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (zicha_problem_number_parse (trimmed, &year, &seq))
    {
      id = _zicha_problems_query_int (db, error, 0,
                                      "SELECT id FROM problems WHERE year = ? AND seq = ?", "ii",
                                      (gint64) year, (gint64) seq);
      if (id < 0)
        return NULL;
    }
  else if (g_ascii_string_to_unsigned (trimmed, 10, 1, G_MAXINT64, &parsed, NULL))
    id = (gint64) parsed;
  if (id > 0)
    {
      g_autoptr(GPtrArray) found = zicha_problems_get_many (db, &id, 1, error);

      if (found == NULL)
        return NULL;
      if (g_ptr_array_index (found, 0) != NULL)
        return g_steal_pointer (&g_ptr_array_index (found, 0));
    }
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
               /* Translators: %s is what names a problem: a number like ZC-2026-001 or an id */
               _("There is no problem “%s”"), trimmed);
  return NULL;
}

GPtrArray *
zicha_problems_get_records (ZichaDb  *db,
                            gint64    problem_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT record_type, record_key, hit FROM problem_records"
                          " WHERE problem = ? ORDER BY record_type, record_key", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      set_read_error (db, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, problem_id);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_problem_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaProblemRecord *record = g_new0 (ZichaProblemRecord, 1);

      record->record_type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      record->record_key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      record->hit = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (records, record);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

GPtrArray *
zicha_problems_get_hits (ZichaDb  *db,
                         gint64    problem_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT h.id, h.rule, h.entity_type, h.entity_key, h.status,"
                          " h.message, ph.note, ph.added_at, ph.added_by"
                          " FROM problem_hits AS ph JOIN hits AS h ON h.id = ph.hit"
                          " WHERE ph.problem = ? ORDER BY ph.rowid", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      set_read_error (db, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, problem_id);
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_problem_hit_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaProblemHit *hit = g_new0 (ZichaProblemHit, 1);

      hit->hit = sqlite3_column_int64 (stmt, 0);
      hit->rule = dup_col (stmt, 1);
      hit->entity_type = dup_col (stmt, 2);
      hit->entity_key = dup_col (stmt, 3);
      hit->status = dup_col (stmt, 4);
      hit->message = zicha_message_render ((const char *) sqlite3_column_text (stmt, 5));
      hit->note = dup_col (stmt, 6);
      hit->added_at = dup_col (stmt, 7);
      hit->added_by = dup_col (stmt, 8);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}

gint64
zicha_problems_find_by_hit (ZichaDb  *db,
                            gint64    hit_id,
                            GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), -1);

  return _zicha_problems_query_int (db, error, 0, "SELECT problem FROM problem_hits WHERE hit = ?",
                                    "i", hit_id);
}

/* What the files of problems/ share ----------------------------------------------------------- */

gboolean
_zicha_problems_db_error (ZichaDb  *db,
                          GError  **error)
{
  zicha_db_set_error (db, error, _("Could not change the problem list"));
  return FALSE;
}

static sqlite3_stmt *
prepare_va (ZichaDb *db, GError **error, const char *sql, const char *types, va_list ap)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s\n%s", sqlite3_errmsg (zicha_db_get_handle (db)), sql);
      _zicha_problems_db_error (db, error);
      return NULL;
    }
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 's')
        sqlite3_bind_text (stmt, i + 1, va_arg (ap, const char *), -1, SQLITE_TRANSIENT);
      else
        {
          gint64 value = va_arg (ap, gint64);

          if (types[i] == 'n' && value == 0)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_int64 (stmt, i + 1, value);
        }
    }
  return stmt;
}

gint64
_zicha_problems_exec (ZichaDb     *db,
                      GError     **error,
                      const char  *sql,
                      const char  *types,
                      ...)
{
  sqlite3_stmt *stmt;
  va_list ap;
  int rc;

  va_start (ap, types);
  stmt = prepare_va (db, error, sql, types, ap);
  va_end (ap);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _zicha_problems_db_error (db, error);
      return -1;
    }
  return sqlite3_changes (zicha_db_get_handle (db));
}

gint64
_zicha_problems_query_int (ZichaDb     *db,
                           GError     **error,
                           gint64       fallback,
                           const char  *sql,
                           const char  *types,
                           ...)
{
  sqlite3_stmt *stmt;
  gint64 value = fallback;
  va_list ap;
  int rc;

  va_start (ap, types);
  stmt = prepare_va (db, error, sql, types, ap);
  va_end (ap);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_read_error (db, error);
      return -1;
    }
  return value;
}

char *
_zicha_problems_key (gint64 problem_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, problem_id);
}

gboolean
_zicha_problems_begin (ZichaDb  *db,
                       GError  **error)
{
  return zicha_db_begin (db, error);
}

gboolean
_zicha_problems_end (ZichaDb   *db,
                     gboolean   ok,
                     GError   **error)
{
  if (ok && zicha_db_commit (db, error))
    return TRUE;
  zicha_db_rollback (db);
  return FALSE;
}
