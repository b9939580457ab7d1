/* zicha-ledger-list.c — the rectification ledger (整改台账) as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are found (zicha_ledger_query_ids) and the rows kept by a ZichaPagedModel
 * (zicha-paged-model.h); rows are put together a page at a time (zicha_ledger_get_many). The
 * filter lives here as a deep copy, and each query's worker thread gets a copy of its own. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include "zicha-ledger-list.h"
#include "zicha-rectification-private.h"

/* What a query asks for, as given to the worker thread. */
typedef struct
{
  ZichaLedgerFilter  filter;      /* its strings owned */
  ZichaLedgerOrder   order;
  gboolean           descending;
} LedgerQuery;

#define FILTER_STRINGS(X) \
  X (area) X (department) X (person) X (closed_from) X (closed_to) X (text) X (today)

static void
filter_copy (ZichaLedgerFilter *dest, const ZichaLedgerFilter *src)
{
  const ZichaLedgerFilter none = { 0 };

  *dest = src != NULL ? *src : none;
#define COPY(f) dest->f = dest->f != NULL && *dest->f != '\0' ? g_strdup (dest->f) : NULL;
  FILTER_STRINGS (COPY)
#undef COPY
  if (dest->text != NULL)
    g_strstrip ((char *) dest->text);
}

static void
filter_clear (ZichaLedgerFilter *filter)
{
#define FREE(f) g_free ((char *) filter->f);
  FILTER_STRINGS (FREE)
#undef FREE
}

static void
ledger_query_free (gpointer data)
{
  LedgerQuery *query = data;

  filter_clear (&query->filter);
  g_free (query);
}

struct _ZichaLedgerList
{
  ZichaPagedList     parent_instance;

  ZichaLedgerFilter  filter;
  ZichaLedgerOrder   order;
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
  const LedgerQuery *query = data;
  g_autoptr(GArray) found = NULL;

  found = zicha_ledger_query_ids (db, &query->filter, query->order, query->descending,
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
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = zicha_ledger_get_many (db, ids, n_ids, &error);
  if (entries == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; i < n_ids; i++)
    {
      ZichaLedgerEntry *entry = entries != NULL
                                ? g_steal_pointer (&g_ptr_array_index (entries, i)) : NULL;

      /* Gone since the query: an empty row keeps the positions right. */
      if (entry == NULL)
        entry = _zicha_ledger_entry_new_empty (ids[i]);
      g_ptr_array_add (items, _zicha_ledger_row_new (entry));
    }
}

static const ZichaPagedModelFuncs paged_funcs = {
  .name = "ledger",
  .task_name = "[zicha] list the rectification ledger",
  .page_size = ZICHA_LEDGER_LIST_PAGE_SIZE,
  .clear_on_error = TRUE,
  .query_ids = query_ids,
  .read_items = read_items,
};

G_DEFINE_FINAL_TYPE (ZichaLedgerList, zicha_ledger_list, ZICHA_TYPE_PAGED_LIST)

#define PAGED(self) (zicha_paged_list_get_model (ZICHA_PAGED_LIST (self)))

static void
start_query (ZichaLedgerList *self)
{
  LedgerQuery *query = g_new0 (LedgerQuery, 1);

  filter_copy (&query->filter, &self->filter);
  query->order = self->order;
  query->descending = self->descending;
  zicha_paged_model_start (PAGED (self), query, ledger_query_free);
}

static void
zicha_ledger_list_finalize (GObject *object)
{
  ZichaLedgerList *self = ZICHA_LEDGER_LIST (object);

  filter_clear (&self->filter);
  G_OBJECT_CLASS (zicha_ledger_list_parent_class)->finalize (object);
}

static void
zicha_ledger_list_class_init (ZichaLedgerListClass *klass)
{
  ZichaPagedListClass *list_class = ZICHA_PAGED_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = zicha_ledger_list_finalize;
  list_class->item_type = ZICHA_TYPE_LEDGER_ROW;
  list_class->funcs = paged_funcs;
}

static void
zicha_ledger_list_init (ZichaLedgerList *self)
{
  self->order = ZICHA_LEDGER_ORDER_NUMBER;
}

ZichaLedgerList *
zicha_ledger_list_new (ZichaDb *db)
{
  ZichaLedgerList *self;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  self = g_object_new (ZICHA_TYPE_LEDGER_LIST, NULL);
  zicha_paged_model_set_db (PAGED (self), db);
  start_query (self);
  return self;
}

void
zicha_ledger_list_set_filter (ZichaLedgerList         *self,
                              const ZichaLedgerFilter *filter)
{
  g_return_if_fail (ZICHA_IS_LEDGER_LIST (self));

  filter_clear (&self->filter);
  filter_copy (&self->filter, filter);
  start_query (self);
}

void
zicha_ledger_list_set_order (ZichaLedgerList  *self,
                             ZichaLedgerOrder  order,
                             gboolean          descending)
{
  g_return_if_fail (ZICHA_IS_LEDGER_LIST (self));

  if (self->order == order && self->descending == descending)
    return;
  self->order = order;
  self->descending = descending;
  start_query (self);
}

void
zicha_ledger_list_reload (ZichaLedgerList *self)
{
  g_return_if_fail (ZICHA_IS_LEDGER_LIST (self));
  start_query (self);
}

guint
zicha_ledger_list_update_problem (ZichaLedgerList *self,
                                  gint64           problem_id)
{
  ZichaLedgerRow *row;
  guint position;

  g_return_val_if_fail (ZICHA_IS_LEDGER_LIST (self), G_MAXUINT);

  position = zicha_paged_list_find (ZICHA_PAGED_LIST (self), problem_id);
  if (position == G_MAXUINT)
    return G_MAXUINT;
  row = zicha_paged_model_peek_item (PAGED (self), position);
  if (row != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = zicha_ledger_get_many (zicha_paged_model_get_db (PAGED (self)),
                                                            &problem_id, 1, &error);

      if (entries == NULL)
        g_warning ("%s", error->message);
      else if (g_ptr_array_index (entries, 0) != NULL)
        _zicha_ledger_row_set_entry (row, g_steal_pointer (&g_ptr_array_index (entries, 0)));
    }
  return position;
}
