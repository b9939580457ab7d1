/* zicha-problem-list.c — the problem ledger (问题清单) as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are found (zicha_problems_query_ids) and the rows kept by a ZichaPagedModel
 * (zicha-paged-model.h); the problems are read a page of ZICHA_PROBLEM_LIST_PAGE_SIZE at a
 * time (zicha_problems_get_many). The filter and order live here as copies, given to each
 * query's worker thread as a ProblemQuery of its own. */
#define G_LOG_DOMAIN "zicha-problem-list"

#include "config.h"

#include "zicha-problem-list.h"
#include "zicha-problems-private.h"

enum { F_STATE, F_AREA, F_SEVERITY, F_SOURCE, F_TEXT, N_FIELDS };

/* What a query asks for, as given to the worker thread. */
typedef struct
{
  char              *fields[N_FIELDS];
  ZichaProblemOrder  order;
  gboolean           descending;
} ProblemQuery;

static void
problem_query_free (gpointer data)
{
  ProblemQuery *query = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (query->fields[i]);
  g_free (query);
}

struct _ZichaProblemList
{
  ZichaPagedList     parent_instance;

  char              *filter[N_FIELDS];
  ZichaProblemOrder  order;
  gboolean           descending;
};

/* In the worker thread. */
static gboolean
query_ids (ZichaDb        *db,
           gconstpointer   data,
           ZichaPagedIds  *ids,
           GCancellable   *cancellable,
           GError        **error)
{
  const ProblemQuery *query = data;
  ZichaProblemFilter filter = {
    .state = query->fields[F_STATE], .area = query->fields[F_AREA],
    .severity = query->fields[F_SEVERITY], .source = query->fields[F_SOURCE],
    .text = query->fields[F_TEXT],
  };
  g_autoptr(GArray) found = NULL;

  found = zicha_problems_query_ids (db, &filter, query->order, query->descending, cancellable,
                                    error);
  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    zicha_paged_ids_add (ids, g_array_index (found, gint64, i));
  return TRUE;
}

static void
read_items (GObject      *owner,
            ZichaDb      *db,
            const gint64 *ids,
            guint         n_ids,
            GPtrArray    *items)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = zicha_problems_get_many (db, ids, n_ids, &error);
  if (problems == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; i < n_ids; i++)
    {
      ZichaProblem *problem = problems != NULL
                              ? g_steal_pointer (&g_ptr_array_index (problems, i)) : NULL;

      if (problem == NULL)
        {
          /* Gone since the query: an empty row (no number) keeps the positions right. */
          problem = g_new0 (ZichaProblem, 1);
          problem->id = ids[i];
        }
      g_ptr_array_add (items, _zicha_problem_row_new (problem));
    }
}

static const ZichaPagedModelFuncs paged_funcs = {
  .name = "problems",
  .task_name = "[zicha] list problems",
  .page_size = ZICHA_PROBLEM_LIST_PAGE_SIZE,
  .clear_on_error = TRUE,
  .query_ids = query_ids,
  .read_items = read_items,
};

G_DEFINE_FINAL_TYPE (ZichaProblemList, zicha_problem_list, ZICHA_TYPE_PAGED_LIST)

#define PAGED(self) (zicha_paged_list_get_model (ZICHA_PAGED_LIST (self)))

static void
start_query (ZichaProblemList *self)
{
  ProblemQuery *query = g_new0 (ProblemQuery, 1);

  for (guint i = 0; i < N_FIELDS; i++)
    query->fields[i] = g_strdup (self->filter[i]);
  query->order = self->order;
  query->descending = self->descending;
  zicha_paged_model_start (PAGED (self), query, problem_query_free);
}

static void
zicha_problem_list_finalize (GObject *object)
{
  ZichaProblemList *self = ZICHA_PROBLEM_LIST (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->filter[i]);

  G_OBJECT_CLASS (zicha_problem_list_parent_class)->finalize (object);
}

static void
zicha_problem_list_class_init (ZichaProblemListClass *klass)
{
  ZichaPagedListClass *list_class = ZICHA_PAGED_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = zicha_problem_list_finalize;
  list_class->item_type = ZICHA_TYPE_PROBLEM_ROW;
  list_class->funcs = paged_funcs;
}

static void
zicha_problem_list_init (ZichaProblemList *self)
{
  self->order = ZICHA_PROBLEM_ORDER_NUMBER;
}

ZichaProblemList *
zicha_problem_list_new (ZichaDb *db)
{
  ZichaProblemList *self;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  self = g_object_new (ZICHA_TYPE_PROBLEM_LIST, NULL);
  zicha_paged_model_set_db (PAGED (self), db);
  start_query (self);
  return self;
}

void
zicha_problem_list_set_filter (ZichaProblemList         *self,
                               const ZichaProblemFilter *filter)
{
  const char *fields[N_FIELDS] = { NULL, };

  g_return_if_fail (ZICHA_IS_PROBLEM_LIST (self));

  if (filter != NULL)
    {
      fields[F_STATE] = filter->state;
      fields[F_AREA] = filter->area;
      fields[F_SEVERITY] = filter->severity;
      fields[F_SOURCE] = filter->source;
      fields[F_TEXT] = filter->text;
    }
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (self->filter[i]);
      self->filter[i] = fields[i] != NULL && *fields[i] != '\0' ? g_strdup (fields[i]) : NULL;
    }
  if (self->filter[F_TEXT] != NULL)
    g_strstrip (self->filter[F_TEXT]);
  start_query (self);
}

void
zicha_problem_list_set_order (ZichaProblemList  *self,
                              ZichaProblemOrder  order,
                              gboolean           descending)
{
  g_return_if_fail (ZICHA_IS_PROBLEM_LIST (self));

  if (self->order == order && self->descending == descending)
    return;
  self->order = order;
  self->descending = descending;
  start_query (self);
}

void
zicha_problem_list_reload (ZichaProblemList *self)
{
  g_return_if_fail (ZICHA_IS_PROBLEM_LIST (self));
  start_query (self);
}

guint
zicha_problem_list_update_problem (ZichaProblemList *self,
                                   gint64            problem_id)
{
  ZichaProblemRow *row;
  guint position;

  g_return_val_if_fail (ZICHA_IS_PROBLEM_LIST (self), G_MAXUINT);

  position = zicha_paged_list_find (ZICHA_PAGED_LIST (self), problem_id);
  if (position == G_MAXUINT)
    return G_MAXUINT;

  /* A row not read yet will be read afresh anyway. */
  row = zicha_paged_model_peek_item (PAGED (self), position);
  if (row != NULL)
    {
      g_autoptr(GError) error = NULL;
      ZichaProblem *problem = zicha_problems_get (zicha_paged_model_get_db (PAGED (self)),
                                                  problem_id, &error);

      if (problem != NULL)
        _zicha_problem_row_set_problem (row, problem);
      else
        g_warning ("%s", error->message);
    }
  return position;
}
