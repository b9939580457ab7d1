/* zicha-measures.c — rectification measures (整改措施): their values and reading them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A measure is read with its people (personnel.person_id of the responsible person and the
 * verifier) and its organization joined, then the problems it serves by a second statement.
 * Lists find ids first (zicha_measures_query_ids), filtered and sorted by SQLite, and read the
 * rows by id (zicha_measures_get_many), as the paged list models want; overdue and due soon
 * are the conditions of zicha-measures.h with "today" bound. Changes are in
 * zicha-measure-edit.c and zicha-measure-status.c. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-error.h"
#include "zicha-rectification-private.h"

/* Labels ------------------------------------------------------------------------------------ */

static const char * const kind_labels[] = {
  /* Translators: kinds of rectification measures: 纠正, 纠正措施, 举一反三 */
  NC_("measure kind", "Correction"), NC_("measure kind", "Corrective action"),
  NC_("measure kind", "Extension to similar cases"),
};

static const char * const status_labels[] = {
  /* Translators: states of a rectification measure: 未开始, 整改中, 已完成, 已验证 */
  NC_("measure status", "Not started"), NC_("measure status", "In progress"),
  NC_("measure status", "Done"), NC_("measure status", "Verified"),
};

static const char * const conclusion_labels[] = {
  "",
  /* Translators: the conclusion of a verification: 有效, 无效 */
  NC_("conclusion", "Effective"), NC_("conclusion", "Not effective"),
};

static const char * const org_state_labels[] = {
  /* Translators: where a demand to a certified organization (责令整改) stands */
  NC_("org demand", "Not addressed"), NC_("org demand", "Awaiting the response"),
  NC_("org demand", "Responded"), NC_("org demand", "Found effective"),
};

const char *
zicha_measure_kind_to_string (ZichaMeasureKind kind)
{
  return zicha_enum_get_nick (ZICHA_TYPE_MEASURE_KIND, kind);
}

gboolean
zicha_measure_kind_from_string (const char       *str,
                                ZichaMeasureKind *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_MEASURE_KIND, str, FALSE, &value))
    return FALSE;
  *out = (ZichaMeasureKind) value;
  return TRUE;
}

const char *
zicha_measure_kind_get_label (ZichaMeasureKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_labels), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "measure kind", kind_labels[kind]);
}

const char *
zicha_measure_status_to_string (ZichaMeasureStatus status)
{
  return zicha_enum_get_nick (ZICHA_TYPE_MEASURE_STATUS, status);
}

gboolean
zicha_measure_status_from_string (const char         *str,
                                  ZichaMeasureStatus *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_MEASURE_STATUS, str, FALSE, &value))
    return FALSE;
  *out = (ZichaMeasureStatus) value;
  return TRUE;
}

const char *
zicha_measure_status_get_label (ZichaMeasureStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "measure status", status_labels[status]);
}

const char *
zicha_conclusion_to_string (ZichaConclusion conclusion)
{
  return zicha_enum_get_nick (ZICHA_TYPE_CONCLUSION, conclusion);
}

gboolean
zicha_conclusion_from_string (const char      *str,
                              ZichaConclusion *out)
{
  int value;

  if (g_strcmp0 (str, "not-effective") == 0)
    str = "not_effective";
  if (!zicha_enum_from_nick (ZICHA_TYPE_CONCLUSION, str, FALSE, &value))
    return FALSE;
  *out = (ZichaConclusion) value;
  return TRUE;
}

const char *
zicha_conclusion_get_label (ZichaConclusion conclusion)
{
  g_return_val_if_fail ((guint) conclusion < G_N_ELEMENTS (conclusion_labels), NULL);
  if (conclusion == ZICHA_CONCLUSION_NONE)
    return "";
  return g_dpgettext2 (GETTEXT_PACKAGE, "conclusion", conclusion_labels[conclusion]);
}

const char *
zicha_org_demand_state_to_string (ZichaOrgDemandState state)
{
  return zicha_enum_get_nick (ZICHA_TYPE_ORG_DEMAND_STATE, state);
}

const char *
zicha_org_demand_state_get_label (ZichaOrgDemandState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (org_state_labels), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "org demand", org_state_labels[state]);
}

gboolean
zicha_measure_status_can_follow (ZichaMeasureStatus from,
                                 ZichaMeasureStatus to)
{
  return (from == ZICHA_MEASURE_OPEN && to == ZICHA_MEASURE_IN_PROGRESS)
         || (from == ZICHA_MEASURE_IN_PROGRESS && to == ZICHA_MEASURE_DONE)
         || (from == ZICHA_MEASURE_DONE && to == ZICHA_MEASURE_VERIFIED)
         || (from == ZICHA_MEASURE_DONE && to == ZICHA_MEASURE_IN_PROGRESS);
}

/* The boxed type -------------------------------------------------------------------------- */

#define MEASURE_STRINGS(X)                                                                     \
  X (text) X (department) X (responsible_person_id) X (responsible) X (deadline) X (done_on)   \
  X (done_note) X (verifier_person_id) X (verifier) X (verified_on) X (verification_note)      \
  X (return_reason) X (org_id) X (org_name) X (notice_no) X (notice_on) X (org_demand)        \
  X (org_deadline) X (org_response) X (org_response_on) X (org_evidence) X (follow_up)        \
  X (follow_up_on) X (follow_up_questions) X (created_at) X (created_by) X (deleted_at)

ZichaMeasure *
zicha_measure_copy (const ZichaMeasure *measure)
{
  ZichaMeasure *copy = g_new0 (ZichaMeasure, 1);

  *copy = *measure;
#define COPY(f) copy->f = g_strdup (measure->f);
  MEASURE_STRINGS (COPY)
#undef COPY
  copy->problem_ids = measure->problem_ids != NULL ? g_array_copy (measure->problem_ids) : NULL;
  copy->problem_numbers = g_strdupv (measure->problem_numbers);
  return copy;
}

void
zicha_measure_free (ZichaMeasure *measure)
{
  if (measure == NULL)
    return;
#define FREE(f) g_free (measure->f);
  MEASURE_STRINGS (FREE)
#undef FREE
  g_clear_pointer (&measure->problem_ids, g_array_unref);
  g_strfreev (measure->problem_numbers);
  g_free (measure);
}

G_DEFINE_BOXED_TYPE (ZichaMeasure, zicha_measure, zicha_measure_copy, zicha_measure_free)

/* Reading --------------------------------------------------------------------------------- */

#define MEASURE_COLUMNS                                                                        \
  "m.id, m.kind, m.text, m.department, rp.person_id, m.responsible, m.deadline, m.status,"    \
  " m.done_on, m.done_note, vp.person_id, m.verifier, m.verified_on, m.conclusion,"           \
  " m.verification_note, m.return_reason, o.org_id, o.name, m.notice_no, m.notice_on,"        \
  " m.org_demand, m.org_deadline, m.org_response, m.org_response_on, m.org_evidence,"         \
  " m.follow_up, m.follow_up_on, m.follow_up_conclusion, m.follow_up_questions,"              \
  " m.created_at, m.created_by, m.deleted_at"
#define MEASURE_FROM                                                                           \
  " FROM measures AS m LEFT JOIN personnel AS rp ON rp.id = m.responsible_person"             \
  " LEFT JOIN personnel AS vp ON vp.id = m.verifier_person"                                    \
  " LEFT JOIN organizations AS o ON o.id = m.org"

static ZichaConclusion
conclusion_column (sqlite3_stmt *stmt, int col)
{
  ZichaConclusion value = ZICHA_CONCLUSION_NONE;
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  if (text == NULL || !zicha_conclusion_from_string (text, &value))
    return ZICHA_CONCLUSION_NONE;
  return value;
}

static ZichaMeasure *
measure_from_row (sqlite3_stmt *stmt)
{
  ZichaMeasure *m = g_new0 (ZichaMeasure, 1);
  int c = 0;

#define TEXT(f) m->f = _zicha_rect_dup_column (stmt, c++)
  m->id = sqlite3_column_int64 (stmt, c++);
  if (!zicha_measure_kind_from_string ((const char *) sqlite3_column_text (stmt, c++), &m->kind))
    m->kind = ZICHA_MEASURE_KIND_CORRECTION;
  TEXT (text); TEXT (department); TEXT (responsible_person_id); TEXT (responsible);
  TEXT (deadline);
  if (!zicha_measure_status_from_string ((const char *) sqlite3_column_text (stmt, c++),
                                         &m->status))
    m->status = ZICHA_MEASURE_OPEN;
  TEXT (done_on); TEXT (done_note); TEXT (verifier_person_id); TEXT (verifier);
  TEXT (verified_on);
  m->conclusion = conclusion_column (stmt, c++);
  TEXT (verification_note); TEXT (return_reason); TEXT (org_id); TEXT (org_name);
  TEXT (notice_no); TEXT (notice_on); TEXT (org_demand); TEXT (org_deadline);
  TEXT (org_response); TEXT (org_response_on); TEXT (org_evidence); TEXT (follow_up);
  TEXT (follow_up_on);
  m->follow_up_conclusion = conclusion_column (stmt, c++);
  TEXT (follow_up_questions); TEXT (created_at); TEXT (created_by); TEXT (deleted_at);
#undef TEXT

  if (m->org_id == NULL)
    m->org_state = ZICHA_ORG_DEMAND_NONE;
  else if (m->org_response == NULL)
    m->org_state = ZICHA_ORG_DEMAND_AWAITING;
  else if (m->follow_up_conclusion == ZICHA_CONCLUSION_EFFECTIVE)
    m->org_state = ZICHA_ORG_DEMAND_EFFECTIVE;
  else
    m->org_state = ZICHA_ORG_DEMAND_RESPONDED;
  return m;
}

/* The problems of @measure, by number. */
static gboolean
read_problems (ZichaDb *db, sqlite3_stmt *stmt, ZichaMeasure *measure, GError **error)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  int rc;

  measure->problem_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, measure->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (measure->problem_ids, id);
      g_ptr_array_add (numbers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  g_ptr_array_add (numbers, NULL);
  measure->problem_numbers = (GStrv) g_ptr_array_free (g_steal_pointer (&numbers), FALSE);
  if (rc != SQLITE_DONE)
    return _zicha_rect_read_error (db, error);
  return TRUE;
}

GPtrArray *
zicha_measures_get_many (ZichaDb       *db,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  g_autoptr(GPtrArray) measures = NULL;
  sqlite3_stmt *stmt, *problems;
  char today[11];
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  zicha_rectification_today (db, today);
  stmt = _zicha_rect_prepare (db, error, "SELECT " MEASURE_COLUMNS MEASURE_FROM " WHERE m.id = ?",
                              "");
  problems = _zicha_rect_prepare (db, error,
                                  "SELECT p.id, p.number FROM measure_problems AS mp"
                                  " JOIN problems AS p ON p.id = mp.problem"
                                  " WHERE mp.measure = ? ORDER BY p.year, p.seq", "");
  if (stmt == NULL || problems == NULL)
    {
      sqlite3_finalize (stmt);
      sqlite3_finalize (problems);
      return NULL;
    }
  measures = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_measure_free);
  for (guint i = 0; ok && i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          ZichaMeasure *measure = measure_from_row (stmt);

          g_ptr_array_add (measures, measure);
          ok = read_problems (db, problems, measure, error);
          _zicha_rect_measure_set_days (measure, today);
        }
      else if (rc == SQLITE_DONE)
        g_ptr_array_add (measures, NULL);
      else
        ok = _zicha_rect_read_error (db, error);
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (problems);
  return ok ? g_steal_pointer (&measures) : NULL;
}

ZichaMeasure *
zicha_measures_get (ZichaDb  *db,
                    gint64    measure_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) found = zicha_measures_get_many (db, &measure_id, 1, error);

  if (found == NULL)
    return NULL;
  if (g_ptr_array_index (found, 0) == NULL)
    {
      g_autofree char *key = _zicha_rect_key (measure_id);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is the number of a rectification measure */
                   _("There is no measure %s"), key);
      return NULL;
    }
  return g_steal_pointer (&g_ptr_array_index (found, 0));
}

/* Lists ------------------------------------------------------------------------------------ */

/* The WHERE clause of @filter; values to bind go to @values (strings) in order. */
static gboolean
filter_sql (ZichaDb                   *db,
            const ZichaMeasureFilter  *filter,
            GString                   *sql,
            GPtrArray                 *values,
            GError                   **error)
{
  const ZichaMeasureFilter none = { 0 };
  char today[11], until[11];

#define PARAM(value) (g_ptr_array_add (values, (value)), values->len)
  if (filter == NULL)
    filter = &none;
  g_string_append (sql, " WHERE m.deleted_at IS NULL");
  if (filter->problem_id > 0)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM measure_problems AS f"
                                 " WHERE f.measure = m.id AND f.problem = CAST (?%u AS INTEGER))",
                            PARAM (g_strdup_printf ("%" G_GINT64_FORMAT, filter->problem_id)));
  if (filter->statuses != 0)
    {
      const char *sep = "";

      g_string_append (sql, " AND m.status IN (");
      for (guint s = 0; s < ZICHA_N_MEASURE_STATUSES; s++)
        if (filter->statuses & (1u << s))
          {
            g_string_append_printf (sql, "%s'%s'", sep, zicha_measure_status_to_string (s));
            sep = ", ";
          }
      g_string_append (sql, *sep == '\0' ? "NULL)" : ")");
    }
  if (filter->kind != NULL && *filter->kind != '\0')
    g_string_append_printf (sql, " AND m.kind = ?%u", PARAM (g_strdup (filter->kind)));
  if (filter->department != NULL && *filter->department != '\0')
    g_string_append_printf (sql, " AND m.department = ?%u",
                            PARAM (g_strdup (filter->department)));
  if (filter->person != NULL && *filter->person != '\0')
    {
      guint n = PARAM (g_strdup (filter->person));

      g_string_append_printf (sql, " AND (m.responsible = ?%u OR rp.person_id = ?%u)", n, n);
    }
  if (filter->org_only)
    g_string_append (sql, " AND m.org IS NOT NULL");
  if (filter->due != ZICHA_DUE_ANY)
    {
      if (!_zicha_rect_filter_days (db, filter->today, filter->due_within_days, today, until,
                                    error))
        return FALSE;
      if (filter->due == ZICHA_DUE_OVERDUE)
        g_string_append_printf (sql, " AND m.status IN ('open', 'in_progress')"
                                     " AND m.deadline < ?%u", PARAM (g_strdup (today)));
      else
        {
          guint from = PARAM (g_strdup (today));
          guint to = PARAM (g_strdup (until));

          g_string_append_printf (sql, " AND m.status IN ('open', 'in_progress')"
                                       " AND m.deadline BETWEEN ?%u AND ?%u", from, to);
        }
    }
  if (filter->text != NULL && *filter->text != '\0')
    {
      GString *pattern = g_string_new ("%");

      for (const char *c = filter->text; *c != '\0'; c++)
        {
          if (*c == '%' || *c == '_' || *c == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *c);
        }
      g_string_append_c (pattern, '%');
      g_string_append_printf (sql, " AND m.text LIKE ?%u ESCAPE '\\'",
                              PARAM (g_string_free (pattern, FALSE)));
    }
#undef PARAM
  return TRUE;
}

static void
order_sql (GString *sql, ZichaMeasureOrder order, gboolean descending)
{
  const char *dir = descending ? "DESC" : "ASC";
  const char *first = NULL;

  switch (order)
    {
    case ZICHA_MEASURE_ORDER_STATUS:
      first = "CASE m.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'done' THEN 2"
              " ELSE 3 END";
      break;
    case ZICHA_MEASURE_ORDER_KIND:
      first = "CASE m.kind WHEN 'correction' THEN 0 WHEN 'corrective' THEN 1 ELSE 2 END";
      break;
    case ZICHA_MEASURE_ORDER_DEPARTMENT:
      first = "m.department IS NULL, m.department";
      break;
    case ZICHA_MEASURE_ORDER_RESPONSIBLE:
      first = "m.responsible IS NULL, m.responsible";
      break;
    case ZICHA_MEASURE_ORDER_PROBLEM:
      first = "(SELECT min (p.year * 1000000 + p.seq) FROM measure_problems AS f"
              " JOIN problems AS p ON p.id = f.problem WHERE f.measure = m.id)";
      break;
    case ZICHA_MEASURE_ORDER_ID:
      g_string_append_printf (sql, " ORDER BY m.id %s", dir);
      return;
    case ZICHA_MEASURE_ORDER_DEADLINE:
    default:
      break;
    }
  if (first == NULL)
    g_string_append_printf (sql, " ORDER BY m.deadline IS NULL, m.deadline %s, m.id %s", dir,
                            dir);
  else
    g_string_append_printf (sql, " ORDER BY %s %s, m.deadline IS NULL, m.deadline %s, m.id %s",
                            first, dir, dir, dir);
}

static sqlite3_stmt *
prepare_list (ZichaDb                   *db,
              const char                *select,
              const ZichaMeasureFilter  *filter,
              gboolean                   ordered,
              ZichaMeasureOrder          order,
              gboolean                   descending,
              GError                   **error)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_string_append (sql, MEASURE_FROM);
  if (!filter_sql (db, filter, sql, values, error))
    return NULL;
  if (ordered)
    order_sql (sql, order, descending);
  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s\n%s", sqlite3_errmsg (zicha_db_get_handle (db)), sql->str);
      _zicha_rect_read_error (db, error);
      return NULL;
    }
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i), -1, SQLITE_TRANSIENT);
  return stmt;
}

GArray *
zicha_measures_query_ids (ZichaDb                   *db,
                          const ZichaMeasureFilter  *filter,
                          ZichaMeasureOrder          order,
                          gboolean                   descending,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *handle;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = prepare_list (db, "SELECT m.id", filter, TRUE, order, descending, error);
  if (stmt == NULL)
    return NULL;
  handle = zicha_db_get_handle (db);
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
        _zicha_rect_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
zicha_measures_query (ZichaDb                   *db,
                      const ZichaMeasureFilter  *filter,
                      ZichaMeasureOrder          order,
                      gboolean                   descending,
                      GError                   **error)
{
  g_autoptr(GArray) ids = zicha_measures_query_ids (db, filter, order, descending, NULL, error);
  g_autoptr(GPtrArray) measures = NULL;

  if (ids == NULL)
    return NULL;
  measures = zicha_measures_get_many (db, (const gint64 *) (gpointer) ids->data, ids->len, error);
  if (measures == NULL)
    return NULL;
  for (guint i = measures->len; i-- > 0;)
    if (g_ptr_array_index (measures, i) == NULL)
      g_ptr_array_remove_index (measures, i);
  return g_steal_pointer (&measures);
}

gint64
zicha_measures_count (ZichaDb                   *db,
                      const ZichaMeasureFilter  *filter,
                      GError                   **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (ZICHA_IS_DB (db), -1);

  stmt = prepare_list (db, "SELECT count (*)", filter, FALSE, 0, FALSE, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _zicha_rect_read_error (db, error);
  sqlite3_finalize (stmt);
  return n;
}

static GStrv
distinct_texts (ZichaDb *db, const char *sql, GError **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _zicha_rect_prepare (db, error, sql, "");
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_rect_read_error (db, error);
      return NULL;
    }
  g_ptr_array_add (texts, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&texts), FALSE);
}

GStrv
zicha_measures_list_departments (ZichaDb  *db,
                                 GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  return distinct_texts (db, "SELECT DISTINCT department FROM measures WHERE deleted_at IS NULL"
                             " AND department IS NOT NULL ORDER BY department", error);
}

GStrv
zicha_measures_list_people (ZichaDb  *db,
                            GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  return distinct_texts (db, "SELECT DISTINCT responsible FROM measures WHERE deleted_at IS NULL"
                             " AND responsible IS NOT NULL ORDER BY responsible", error);
}
