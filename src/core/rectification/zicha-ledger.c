/* zicha-ledger.c — the rectification ledger (整改台账): one row per problem
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are found by one statement over problems and the view problem_states, with the
 * filters as EXISTS over the measures linked to each problem; a row is then put together from
 * the problem, its cause analysis, its measures (zicha_measures_get_many), the names of its
 * evidence and its certificates handled — a few indexed statements per problem, for the page
 * of rows a list shows. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-certificate-actions.h"
#include "zicha-error.h"
#include "zicha-ledger.h"
#include "zicha-rectification-private.h"

#define TEXTS(X)                                                                               \
  X (area_label) X (source_label) X (description) X (cause) X (measures) X (departments)     \
  X (responsible) X (deadline) X (done_on) X (progress) X (evidence) X (verifiers)           \
  X (conclusions) X (certificates) X (closeout)

ZichaLedgerEntry *
zicha_ledger_entry_copy (const ZichaLedgerEntry *entry)
{
  ZichaLedgerEntry *copy = g_new0 (ZichaLedgerEntry, 1);

  *copy = *entry;
  copy->problem = entry->problem != NULL ? zicha_problem_copy (entry->problem) : NULL;
#define COPY(f) copy->f = g_strdup (entry->f);
  TEXTS (COPY)
#undef COPY
  return copy;
}

void
zicha_ledger_entry_free (ZichaLedgerEntry *entry)
{
  if (entry == NULL)
    return;
  zicha_problem_free (entry->problem);
#define FREE(f) g_free (entry->f);
  TEXTS (FREE)
#undef FREE
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (ZichaLedgerEntry, zicha_ledger_entry, zicha_ledger_entry_copy,
                     zicha_ledger_entry_free)

/* Finding the problems ------------------------------------------------------------------- */

#define LIVE_MEASURE                                                                           \
  "EXISTS (SELECT 1 FROM measure_problems AS mp JOIN measures AS m ON m.id = mp.measure"      \
  " LEFT JOIN personnel AS rp ON rp.id = m.responsible_person"                                 \
  " WHERE mp.problem = p.id AND m.deleted_at IS NULL AND "

static gboolean
filter_sql (ZichaDb                  *db,
            const ZichaLedgerFilter  *filter,
            GString                  *sql,
            GPtrArray                *values,
            GError                  **error)
{
  const ZichaLedgerFilter none = { 0 };
  char today[11], until[11];

#define PARAM(value) (g_ptr_array_add (values, (value)), values->len)
  if (filter == NULL)
    filter = &none;
  g_string_append (sql, " WHERE 1");
  if (filter->states != 0)
    {
      const char *sep = "";

      g_string_append (sql, " AND s.state IN (");
      for (guint s = 0; s <= ZICHA_PROBLEM_WITHDRAWN; s++)
        if (filter->states & (1u << s))
          {
            g_string_append_printf (sql, "%s'%s'", sep, zicha_problem_state_to_string (s));
            sep = ", ";
          }
      g_string_append (sql, *sep == '\0' ? "NULL)" : ")");
    }
  if (filter->area != NULL && *filter->area != '\0')
    g_string_append_printf (sql, " AND p.area = ?%u", PARAM (g_strdup (filter->area)));
  if (filter->department != NULL && *filter->department != '\0')
    {
      guint n = PARAM (g_strdup (filter->department));

      g_string_append_printf (sql, " AND (p.department = ?%u OR " LIVE_MEASURE
                                   "m.department = ?%u))", n, n);
    }
  if (filter->person != NULL && *filter->person != '\0')
    {
      guint n = PARAM (g_strdup (filter->person));

      g_string_append_printf (sql, " AND (p.responsible = ?%u OR " LIVE_MEASURE
                                   "(m.responsible = ?%u OR rp.person_id = ?%u)))", n, n, n);
    }
  if (filter->due != ZICHA_DUE_ANY)
    {
      if (!_zicha_rect_filter_days (db, filter->today, filter->due_within_days, today, until,
                                    error))
        return FALSE;
      if (filter->due == ZICHA_DUE_OVERDUE)
        g_string_append_printf (sql, " AND " LIVE_MEASURE "m.status IN ('open', 'in_progress')"
                                     " AND m.deadline < ?%u)", PARAM (g_strdup (today)));
      else
        {
          guint from = PARAM (g_strdup (today));
          guint to = PARAM (g_strdup (until));

          g_string_append_printf (sql, " AND " LIVE_MEASURE "m.status IN ('open', 'in_progress')"
                                       " AND m.deadline BETWEEN ?%u AND ?%u)", from, to);
        }
    }
  if (filter->closed_from != NULL || filter->closed_to != NULL)
    g_string_append (sql, " AND s.state = 'closed'");
  if (filter->closed_from != NULL)
    g_string_append_printf (sql, " AND p.closed_at >= ?%u", PARAM (g_strdup (filter->closed_from)));
  if (filter->closed_to != NULL)
    g_string_append_printf (sql, " AND p.closed_at <= ?%u", PARAM (g_strdup (filter->closed_to)));
  if (filter->text != NULL && *filter->text != '\0')
    {
      GString *pattern = g_string_new ("%");
      guint n;

      for (const char *c = filter->text; *c != '\0'; c++)
        {
          if (*c == '%' || *c == '_' || *c == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *c);
        }
      g_string_append_c (pattern, '%');
      n = PARAM (g_string_free (pattern, FALSE));
      g_string_append_printf (sql, " AND (p.number LIKE ?%u ESCAPE '\\' OR p.title LIKE ?%u"
                                   " ESCAPE '\\' OR p.description LIKE ?%u ESCAPE '\\')", n, n, n);
    }
#undef PARAM
  return TRUE;
}

static void
order_sql (GString *sql, ZichaLedgerOrder order, gboolean descending)
{
  const char *dir = descending ? "DESC" : "ASC";
  const char *first;

  switch (order)
    {
    case ZICHA_LEDGER_ORDER_STATE:
      first = "CASE s.state WHEN 'open' THEN 0 WHEN 'in_rectification' THEN 1"
              " WHEN 'awaiting_closeout' THEN 2 WHEN 'closed' THEN 3 ELSE 4 END";
      break;
    case ZICHA_LEDGER_ORDER_AREA:
      first = "CASE p.area WHEN 'legal' THEN 0 WHEN 'conduct' THEN 1 WHEN 'practice' THEN 2"
              " ELSE 3 END";
      break;
    case ZICHA_LEDGER_ORDER_SEVERITY:
      first = "CASE p.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END";
      break;
    case ZICHA_LEDGER_ORDER_DEADLINE:
      first = "(SELECT max (m.deadline) FROM measure_problems AS mp"
              " JOIN measures AS m ON m.id = mp.measure"
              " WHERE mp.problem = p.id AND m.deleted_at IS NULL) IS NULL,"
              " (SELECT max (m.deadline) FROM measure_problems AS mp"
              " JOIN measures AS m ON m.id = mp.measure"
              " WHERE mp.problem = p.id AND m.deleted_at IS NULL)";
      break;
    case ZICHA_LEDGER_ORDER_CLOSED_ON:
      first = "p.closed_at IS NULL, p.closed_at";
      break;
    case ZICHA_LEDGER_ORDER_NUMBER:
    default:
      g_string_append_printf (sql, " ORDER BY p.year %s, p.seq %s", dir, dir);
      return;
    }
  g_string_append_printf (sql, " ORDER BY %s %s, p.year %s, p.seq %s", first, dir, dir, dir);
}

static sqlite3_stmt *
prepare_ledger (ZichaDb                  *db,
                const char               *select,
                const ZichaLedgerFilter  *filter,
                gboolean                  ordered,
                ZichaLedgerOrder          order,
                gboolean                  descending,
                GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_string_append (sql, " FROM problems AS p JOIN problem_states AS s ON s.problem = p.id");
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
zicha_ledger_query_ids (ZichaDb                  *db,
                        const ZichaLedgerFilter  *filter,
                        ZichaLedgerOrder          order,
                        gboolean                  descending,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *handle;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = prepare_ledger (db, "SELECT p.id", filter, TRUE, order, descending, error);
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

gint64
zicha_ledger_count (ZichaDb                  *db,
                    const ZichaLedgerFilter  *filter,
                    GError                  **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (ZICHA_IS_DB (db), -1);

  stmt = prepare_ledger (db, "SELECT count (*)", filter, FALSE, 0, FALSE, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _zicha_rect_read_error (db, error);
  sqlite3_finalize (stmt);
  return n;
}

/* Putting a row together ------------------------------------------------------------------- */

/* Appends @text to @list unless it is there already. */
static void
add_once (GPtrArray *list, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  for (guint i = 0; i < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), text) == 0)
      return;
  g_ptr_array_add (list, g_strdup (text));
}

/* @list joined with the translated list separator ("、"), or @fallback. */
static char *
join_list (GPtrArray *list, const char *fallback)
{
  /* Translators: what separates the items of a list in a cell of the ledger (、) */
  const char *sep = C_("list separator", ", ");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        g_string_append (out, sep);
      g_string_append (out, g_ptr_array_index (list, i));
    }
  if (out->len == 0 && fallback != NULL)
    g_string_append (out, fallback);
  return g_string_free (out, FALSE);
}

static char *
cause_text (ZichaDb *db, gint64 problem_id)
{
  g_autoptr(ZichaCauseAnalysis) analysis = zicha_problems_get_cause_analysis (db, problem_id,
                                                                              NULL);
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  if (analysis == NULL)
    return g_string_free (out, FALSE);
  for (guint i = 0; analysis->categories[i] != NULL; i++)
    add_once (categories, zicha_problem_cause_category_get_label (analysis->categories[i]));
  if (categories->len > 0)
    {
      g_autofree char *joined = join_list (categories, NULL);

      g_string_append (out, joined);
    }
  for (guint i = 0; i < analysis->whys->len; i++)
    {
      const ZichaProblemWhy *why = g_ptr_array_index (analysis->whys, i);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a step of the 5-why analysis in the ledger: %1$s the question, %2$s the
       * answer */
      g_string_append_printf (out, _("%1$s — %2$s"), why->why, why->because);
    }
  if (analysis->text != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", analysis->text);
  return g_string_free (out, FALSE);
}

/* The ids of the measures of @problem_id that are not deleted, in the order they were made. */
static GArray *
measure_ids (ZichaDb *db, gint64 problem_id, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _zicha_rect_prepare (db, error,
                              "SELECT m.id FROM measure_problems AS mp"
                              " JOIN measures AS m ON m.id = mp.measure"
                              " WHERE mp.problem = ? AND m.deleted_at IS NULL ORDER BY m.id",
                              "i", problem_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_rect_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
set_measures (ZichaLedgerEntry *entry, GPtrArray *measures)
{
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GString) conclusions = g_string_new (NULL);
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) verifiers = g_ptr_array_new_with_free_func (g_free);
  const char *deadline = NULL, *done_on = NULL;

  entry->days_left = G_MININT;
  for (guint i = 0; i < measures->len; i++)
    {
      const ZichaMeasure *m = g_ptr_array_index (measures, i);

      entry->n_measures++;
      if (m->status == ZICHA_MEASURE_DONE || m->status == ZICHA_MEASURE_VERIFIED)
        entry->n_done++;
      if (m->status == ZICHA_MEASURE_VERIFIED)
        entry->n_verified++;
      entry->overdue |= m->overdue;
      entry->due_soon |= m->due_soon;
      if ((m->overdue || m->due_soon)
          && (entry->days_left == G_MININT || m->days_left < entry->days_left))
        entry->days_left = m->days_left;
      if (texts->len > 0)
        g_string_append_c (texts, '\n');
      /* Translators: a measure in the ledger: %1$u its position, %2$s its kind (纠正…),
       * %3$s its text */
      g_string_append_printf (texts, _("%1$u. [%2$s] %3$s"), i + 1,
                              zicha_measure_kind_get_label (m->kind), m->text);
      add_once (departments, m->department);
      add_once (people, m->responsible);
      add_once (verifiers, m->verifier);
      if (m->deadline != NULL && (deadline == NULL || strcmp (m->deadline, deadline) > 0))
        deadline = m->deadline;
      if (m->done_on != NULL && (done_on == NULL || strcmp (m->done_on, done_on) > 0))
        done_on = m->done_on;
      if (m->conclusion != ZICHA_CONCLUSION_NONE)
        {
          if (conclusions->len > 0)
            g_string_append_c (conclusions, '\n');
          if (measures->len > 1)
            g_string_append_printf (conclusions, "%u. ", i + 1);
          g_string_append (conclusions, zicha_conclusion_get_label (m->conclusion));
          if (m->conclusion == ZICHA_CONCLUSION_NOT_EFFECTIVE && m->return_reason != NULL)
            /* Translators: a conclusion and why, e.g. 无效（…） */
            g_string_append_printf (conclusions, _(" (%s)"), m->return_reason);
        }
    }
  entry->measures = g_strdup (texts->str);
  entry->departments = join_list (departments, entry->problem->department);
  entry->responsible = join_list (people, entry->problem->responsible);
  entry->verifiers = join_list (verifiers, NULL);
  entry->conclusions = g_strdup (conclusions->str);
  entry->deadline = g_strdup (deadline != NULL ? deadline : "");
  entry->done_on = g_strdup (entry->n_measures > 0 && entry->n_done == entry->n_measures
                             && done_on != NULL ? done_on : "");
  if (entry->n_measures == 0)
    entry->progress = g_strdup (_("No measures yet"));
  else
    /* Translators: the progress of a problem's measures in the ledger */
    entry->progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%1$u of %2$u measure done",
                                                    "%1$u of %2$u measures done",
                                                    entry->n_measures),
                                       entry->n_done, entry->n_measures);
}

/* The names of the files of the problem and of its live measures. */
static char *
evidence_names (ZichaDb *db, ZichaLedgerEntry *entry)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = _zicha_rect_prepare (db, NULL,
                              "SELECT e.file_name FROM evidence AS e"
                              " WHERE e.removed_at IS NULL AND (e.problem = ?1 OR e.measure IN"
                              " (SELECT m.id FROM measure_problems AS mp"
                              " JOIN measures AS m ON m.id = mp.measure"
                              " WHERE mp.problem = ?1 AND m.deleted_at IS NULL)) ORDER BY e.id",
                              "i", entry->problem->id);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      entry->n_evidence++;
    }
  sqlite3_finalize (stmt);
  return join_list (names, NULL);
}

/* The certificates handled for the problem or with one of its measures, a line each. */
static char *
certificate_lines (ZichaDb *db, gint64 problem_id)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = _zicha_rect_prepare (db, NULL,
                              "SELECT a.action, c.cert_no, a.on_date FROM certificate_actions AS a"
                              " JOIN certificates AS c ON c.id = a.cert"
                              " WHERE a.problem = ?1 OR a.measure IN"
                              " (SELECT measure FROM measure_problems WHERE problem = ?1)"
                              " ORDER BY a.id", "i", problem_id);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      ZichaCertAction action;

      if (!zicha_cert_action_from_string ((const char *) sqlite3_column_text (stmt, 0), &action))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a certificate handled, in the ledger: %1$s the handling (暂停…), %2$s
       * the certificate number, %3$s the date */
      g_string_append_printf (out, _("%1$s %2$s (%3$s)"), zicha_cert_action_get_label (action),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static ZichaLedgerEntry *
empty_entry (gint64 id)
{
  ZichaLedgerEntry *entry = g_new0 (ZichaLedgerEntry, 1);

  entry->problem = g_new0 (ZichaProblem, 1);
  entry->problem->id = id;
#define EMPTY(f) entry->f = g_strdup ("");
  TEXTS (EMPTY)
#undef EMPTY
  entry->days_left = G_MININT;
  return entry;
}

static ZichaLedgerEntry *
make_entry (ZichaDb *db, ZichaProblem *problem, GError **error)
{
  g_autoptr(ZichaLedgerEntry) entry = g_new0 (ZichaLedgerEntry, 1);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  const ZichaProblem *p = problem;

  entry->problem = problem;
  entry->area_label = g_strdup (zicha_problem_area_get_label (p->area));
  entry->source_label = g_strdup (zicha_problem_source_get_label (p->source));
  entry->description = p->description != NULL
                       ? g_strdup_printf ("%s\n%s", p->title, p->description)
                       : g_strdup (p->title != NULL ? p->title : "");
  entry->cause = cause_text (db, p->id);
  ids = measure_ids (db, p->id, error);
  if (ids == NULL)
    return NULL;
  measures = zicha_measures_get_many (db, (const gint64 *) (gpointer) ids->data, ids->len,
                                      error);
  if (measures == NULL)
    return NULL;
  set_measures (entry, measures);
  entry->evidence = evidence_names (db, entry);
  entry->certificates = certificate_lines (db, p->id);
  if (p->state == ZICHA_PROBLEM_CLOSED && p->closed_at != NULL)
    /* Translators: the close-out in the ledger: %1$s 已销号, %2$s its date, %3$s by whom */
    entry->closeout = g_strdup_printf (_("%1$s (%2$s, %3$s)"),
                                       zicha_problem_state_get_label (p->state), p->closed_at,
                                       p->closed_by != NULL ? p->closed_by : "");
  else
    entry->closeout = g_strdup (zicha_problem_state_get_label (p->state));
  return g_steal_pointer (&entry);
}

GPtrArray *
zicha_ledger_get_many (ZichaDb       *db,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  problems = zicha_problems_get_many (db, ids, n_ids, error);
  if (problems == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_ledger_entry_free);
  for (guint i = 0; i < n_ids; i++)
    {
      ZichaProblem *problem = g_steal_pointer (&g_ptr_array_index (problems, i));
      ZichaLedgerEntry *entry;

      if (problem == NULL)
        {
          g_ptr_array_add (entries, NULL);
          continue;
        }
      entry = make_entry (db, problem, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
zicha_ledger_query (ZichaDb                  *db,
                    const ZichaLedgerFilter  *filter,
                    ZichaLedgerOrder          order,
                    gboolean                  descending,
                    GError                  **error)
{
  g_autoptr(GArray) ids = zicha_ledger_query_ids (db, filter, order, descending, NULL, error);
  g_autoptr(GPtrArray) entries = NULL;

  if (ids == NULL)
    return NULL;
  entries = zicha_ledger_get_many (db, (const gint64 *) (gpointer) ids->data, ids->len, error);
  if (entries == NULL)
    return NULL;
  for (guint i = entries->len; i-- > 0;)
    if (g_ptr_array_index (entries, i) == NULL)
      g_ptr_array_remove_index (entries, i);
  return g_steal_pointer (&entries);
}

/* For zicha-ledger-list.c: a row for a problem gone since the query. */
ZichaLedgerEntry *
_zicha_ledger_entry_new_empty (gint64 id)
{
  return empty_entry (id);
}
