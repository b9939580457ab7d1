/* zicha-measure-list.c — rectification measures as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are found (zicha_measures_query_ids) and the rows kept by a ZichaPagedModel
 * (zicha-paged-model.h); measures are read a page at a time (zicha_measures_get_many). The
 * filter lives here as a deep copy, and each query's worker thread gets a copy of its own. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include "zicha-measure-list.h"
#include "zicha-rectification-private.h"

/* What a query asks for, as given to the worker thread. */
typedef struct
{
  ZichaMeasureFilter  filter;      /* its strings owned */
  ZichaMeasureOrder   order;
  gboolean           descending;
} MeasureQuery;

#define FILTER_STRINGS(X) \
  X (kind) X (department) X (person) X (text) X (today)

static void
filter_copy (ZichaMeasureFilter *dest, const ZichaMeasureFilter *src)
{
  const ZichaMeasureFilter none = { 0 };

  *dest = src != NULL ? *src : none;
#define COPY(f) dest->f = dest->f != NULL && *dest->f != '\0' ? g_strdup (dest->f) : NULL;
  FILTER_STRINGS (COPY)
#undef COPY
  if (dest->text != NULL)
    g_strstrip ((char *) dest->text);
}

static void
filter_clear (ZichaMeasureFilter *filter)
{
#define FREE(f) g_free ((char *) filter->f);
  FILTER_STRINGS (FREE)
#undef FREE
}

static void
measure_query_free (gpointer data)
{
  MeasureQuery *query = data;

  filter_clear (&query->filter);
  g_free (query);
}

struct _ZichaMeasureList
{
  ZichaPagedList     parent_instance;

  ZichaMeasureFilter  filter;
  ZichaMeasureOrder   order;
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
  const MeasureQuery *query = data;
  g_autoptr(GArray) found = NULL;

  found = zicha_measures_query_ids (db, &query->filter, query->order, query->descending,
                                  cancellable, error);
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
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GError) error = NULL;

  measures = zicha_measures_get_many (db, ids, n_ids, &error);
  if (measures == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; i < n_ids; i++)
    {
      ZichaMeasure *measure = measures != NULL
                              ? g_steal_pointer (&g_ptr_array_index (measures, i)) : NULL;

      /* Gone since the query: an empty row (no text) keeps the positions right. */
      if (measure == NULL)
        {
          measure = g_new0 (ZichaMeasure, 1);
          measure->id = ids[i];
          measure->days_left = G_MININT;
        }
      g_ptr_array_add (items, _zicha_measure_row_new (measure));
    }
}

static const ZichaPagedModelFuncs paged_funcs = {
  .name = "measures",
  .task_name = "[zicha] list measures",
  .page_size = ZICHA_MEASURE_LIST_PAGE_SIZE,
  .clear_on_error = TRUE,
  .query_ids = query_ids,
  .read_items = read_items,
};

G_DEFINE_FINAL_TYPE (ZichaMeasureList, zicha_measure_list, ZICHA_TYPE_PAGED_LIST)

#define PAGED(self) (zicha_paged_list_get_model (ZICHA_PAGED_LIST (self)))

static void
start_query (ZichaMeasureList *self)
{
  MeasureQuery *query = g_new0 (MeasureQuery, 1);

  filter_copy (&query->filter, &self->filter);
  query->order = self->order;
  query->descending = self->descending;
  zicha_paged_model_start (PAGED (self), query, measure_query_free);
}

static void
zicha_measure_list_finalize (GObject *object)
{
  ZichaMeasureList *self = ZICHA_MEASURE_LIST (object);

  filter_clear (&self->filter);
  G_OBJECT_CLASS (zicha_measure_list_parent_class)->finalize (object);
}

static void
zicha_measure_list_class_init (ZichaMeasureListClass *klass)
{
  ZichaPagedListClass *list_class = ZICHA_PAGED_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = zicha_measure_list_finalize;
  list_class->item_type = ZICHA_TYPE_MEASURE_ROW;
  list_class->funcs = paged_funcs;
}

static void
zicha_measure_list_init (ZichaMeasureList *self)
{
  self->order = ZICHA_MEASURE_ORDER_DEADLINE;
}

ZichaMeasureList *
zicha_measure_list_new (ZichaDb *db)
{
  ZichaMeasureList *self;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  self = g_object_new (ZICHA_TYPE_MEASURE_LIST, NULL);
  zicha_paged_model_set_db (PAGED (self), db);
  start_query (self);
  return self;
}

void
zicha_measure_list_set_filter (ZichaMeasureList         *self,
                              const ZichaMeasureFilter *filter)
{
  g_return_if_fail (ZICHA_IS_MEASURE_LIST (self));

  filter_clear (&self->filter);
  filter_copy (&self->filter, filter);
  start_query (self);
}

void
zicha_measure_list_set_order (ZichaMeasureList  *self,
                             ZichaMeasureOrder  order,
                             gboolean          descending)
{
  g_return_if_fail (ZICHA_IS_MEASURE_LIST (self));

  if (self->order == order && self->descending == descending)
    return;
  self->order = order;
  self->descending = descending;
  start_query (self);
}

void
zicha_measure_list_reload (ZichaMeasureList *self)
{
  g_return_if_fail (ZICHA_IS_MEASURE_LIST (self));
  start_query (self);
}

guint
zicha_measure_list_update_measure (ZichaMeasureList *self,
                                   gint64            measure_id)
{
  ZichaMeasureRow *row;
  guint position;

  g_return_val_if_fail (ZICHA_IS_MEASURE_LIST (self), G_MAXUINT);

  position = zicha_paged_list_find (ZICHA_PAGED_LIST (self), measure_id);
  if (position == G_MAXUINT)
    return G_MAXUINT;
  row = zicha_paged_model_peek_item (PAGED (self), position);
  if (row != NULL)
    {
      g_autoptr(GError) error = NULL;
      ZichaMeasure *measure = zicha_measures_get (zicha_paged_model_get_db (PAGED (self)),
                                                  measure_id, &error);

      if (measure != NULL)
        _zicha_measure_row_set_measure (row, measure);
      else
        g_warning ("%s", error->message);
    }
  return position;
}
