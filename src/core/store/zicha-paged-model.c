/* zicha-paged-model.c — the machinery of the lists read from the database page by page
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See zicha-paged-model.h for how it works. */
#define G_LOG_DOMAIN "zicha-paged-model"

#include "config.h"

#include "zicha-db-private.h"
#include "zicha-paged-model.h"

/* Pages of rows kept. */
#define N_CACHED_PAGES 8

static GQuark
model_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("zicha-paged-model");
  return quark;
}

/* The model of @owner: its qdata. */
static inline ZichaPagedModel *
model_of (gpointer owner)
{
  return g_object_get_qdata (owner, model_quark ());
}

/* Id arrays -------------------------------------------------------------------------------- */

typedef struct _QueryData QueryData;

struct _ZichaPagedIds
{
  GArray    *ids;      /* guint32, or gint64 when wide */
  gboolean   wide;
  double     ms;       /* time the query took */
  QueryData *query;    /* while the query runs, for its first page; not owned */
};

static ZichaPagedIds *
ids_new (guint reserved)
{
  ZichaPagedIds *ids = g_new0 (ZichaPagedIds, 1);

  ids->ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), reserved);
  return ids;
}

static void
ids_free (gpointer data)
{
  ZichaPagedIds *ids = data;

  if (ids != NULL)
    {
      g_clear_pointer (&ids->ids, g_array_unref);
      g_free (ids);
    }
}

static ZichaPagedIds *
ids_copy (const ZichaPagedIds *ids)
{
  ZichaPagedIds *copy = g_new0 (ZichaPagedIds, 1);

  copy->ids = g_array_copy (ids->ids);
  copy->wide = ids->wide;
  copy->ms = ids->ms;
  return copy;
}

static inline gint64
ids_get (const ZichaPagedIds *ids,
         guint                position)
{
  if (ids->wide)
    return g_array_index (ids->ids, gint64, position);
  return g_array_index (ids->ids, guint32, position);
}

static void post_first_page (ZichaPagedIds *ids);

void
zicha_paged_ids_add (ZichaPagedIds *ids,
                     gint64         id)
{
  if (!ids->wide && (id < 0 || id > G_MAXUINT32))
    {
      GArray *wide = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->ids->len + 1024);

      for (guint i = 0; i < ids->ids->len; i++)
        {
          gint64 v = g_array_index (ids->ids, guint32, i);

          g_array_append_val (wide, v);
        }
      g_array_unref (ids->ids);
      ids->ids = wide;
      ids->wide = TRUE;
    }

  if (ids->wide)
    g_array_append_val (ids->ids, id);
  else
    {
      guint32 v = (guint32) id;

      g_array_append_val (ids->ids, v);
    }

  if (ids->query != NULL)
    post_first_page (ids);
}

/* Queries in a thread ---------------------------------------------------------------------- */

struct _QueryData
{
  const ZichaPagedModelFuncs *funcs;
  char                       *path;
  gpointer                    query;
  GDestroyNotify              query_free;
  /* For the first page. Not a reference: the task's callback holds one until the task is done,
   * and the last one must not go in the worker thread. */
  GObject                    *owner;
  GMainContext               *context;      /* of the owner */
  guint                       generation;
  gint64                      start;        /* monotonic time */
};

static void
query_data_free (gpointer data)
{
  QueryData *qd = data;

  if (qd->query_free != NULL)
    qd->query_free (qd->query);
  g_free (qd->path);
  g_main_context_unref (qd->context);
  g_free (qd);
}

typedef struct
{
  GObject       *owner;
  guint          generation;
  ZichaPagedIds *ids;
} FirstPage;

static void deliver_first_page (ZichaPagedModel *self,
                                guint            generation,
                                ZichaPagedIds   *ids);

static gboolean
on_first_page_cb (gpointer data)
{
  FirstPage *fp = data;
  ZichaPagedModel *self = model_of (fp->owner);

  if (self != NULL)
    deliver_first_page (self, fp->generation, g_steal_pointer (&fp->ids));
  return G_SOURCE_REMOVE;
}

static void
first_page_free (gpointer data)
{
  FirstPage *fp = data;

  g_object_unref (fp->owner);
  ids_free (fp->ids);
  g_free (fp);
}

/* The first page goes to the view at once: with an index on the order it comes long before
 * the rest. */
static void
post_first_page (ZichaPagedIds *ids)
{
  QueryData *qd = ids->query;
  FirstPage *fp;

  if (ids->ids->len != qd->funcs->page_size)
    return;

  fp = g_new0 (FirstPage, 1);
  fp->owner = g_object_ref (qd->owner);
  fp->generation = qd->generation;
  fp->ids = ids_copy (ids);
  fp->ids->ms = (g_get_monotonic_time () - qd->start) / 1000.0;
  g_main_context_invoke_full (qd->context, G_PRIORITY_DEFAULT, on_first_page_cb, fp,
                              first_page_free);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *qd = task_data;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  ZichaPagedIds *ids;

  if (g_task_return_error_if_cancelled (task))
    return;

  qd->start = g_get_monotonic_time ();
  db = zicha_db_open (qd->path, ZICHA_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (cancellable != NULL)
    zicha_db_watch_cancellable (zicha_db_get_handle (db), cancellable, 2000);

  ids = ids_new (4096);
  ids->query = qd->funcs->early_first_page ? qd : NULL;
  if (!qd->funcs->query_ids (db, qd->query, ids, cancellable, &error))
    {
      ids_free (ids);
      /* Interrupted by a newer query. */
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (&error);
          g_cancellable_set_error_if_cancelled (cancellable, &error);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ids->query = NULL;
  ids->ms = (g_get_monotonic_time () - qd->start) / 1000.0;
  g_task_return_pointer (task, ids, ids_free);
}

/* ZichaPagedModel -------------------------------------------------------------------------- */

typedef struct
{
  guint      page;      /* G_MAXUINT: unused */
  guint64    stamp;
  GPtrArray *items;     /* or NULL where not read */
} CachedPage;

struct _ZichaPagedModel
{
  GObject                    *owner;   /* owns this */
  GType                       item_type;
  const ZichaPagedModelFuncs *funcs;
  ZichaDb                    *db;
  GParamSpec                 *loading_pspec;
  GParamSpec                 *n_items_pspec;

  ZichaPagedIds              *ids;
  GCancellable               *cancellable;
  guint                       generation;
  gboolean                    loading;
  GError                     *error;
  double                      query_ms;

  CachedPage                  pages[N_CACHED_PAGES];
  guint64                     stamp;
};

static void
clear_cache (ZichaPagedModel *self)
{
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    {
      self->pages[i].page = G_MAXUINT;
      self->pages[i].stamp = 0;
      g_clear_pointer (&self->pages[i].items, g_ptr_array_unref);
    }
}

static void
model_free (gpointer data)
{
  ZichaPagedModel *self = data;

  clear_cache (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_pointer (&self->ids, ids_free);
  g_clear_error (&self->error);
  g_free (self);
}

static void
set_loading (ZichaPagedModel *self,
             gboolean         loading)
{
  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (self->owner, self->loading_pspec);
    }
}

/* Replaces the ids (taken; NULL: none) and with them the rows. */
static void
replace_ids (ZichaPagedModel *self,
             ZichaPagedIds   *ids)
{
  guint old_n = zicha_paged_model_get_n_items (self);
  guint new_n;

  clear_cache (self);
  g_clear_pointer (&self->ids, ids_free);
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->owner), 0, old_n, 0);
  self->ids = ids;
  new_n = zicha_paged_model_get_n_items (self);
  if (new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->owner), 0, 0, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (self->owner, self->n_items_pspec);
}

/* The first rows of a query still running: shown until all its ids are there. */
static void
deliver_first_page (ZichaPagedModel *self,
                    guint            generation,
                    ZichaPagedIds   *ids)
{
  if (generation != self->generation || !self->loading)
    {
      ids_free (ids);
      return;
    }
  replace_ids (self, ids);
}

static void
on_query_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GObject) owner = user_data;
  ZichaPagedModel *self = model_of (owner);
  QueryData *qd = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  ZichaPagedIds *ids;

  ids = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer query replaced this one: drop its answer. */
  if (qd->generation != self->generation)
    {
      ids_free (ids);
      return;
    }

  g_clear_object (&self->cancellable);

  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not list %s: %s", self->funcs->name, error->message);
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          if (self->funcs->clear_on_error)
            replace_ids (self, NULL);
        }
      set_loading (self, FALSE);
      return;
    }

  g_clear_error (&self->error);
  self->query_ms = ids->ms;
  replace_ids (self, ids);
  /* Last, so that whoever waits for it finds the new rows. */
  set_loading (self, FALSE);
}

ZichaPagedModel *
zicha_paged_model_new (GObject                    *owner,
                       GType                       item_type,
                       const ZichaPagedModelFuncs *funcs)
{
  GObjectClass *klass;
  ZichaPagedModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (owner), NULL);
  g_return_val_if_fail (funcs != NULL && funcs->page_size > 0, NULL);
  g_return_val_if_fail (funcs->query_ids != NULL && funcs->read_items != NULL, NULL);

  klass = G_OBJECT_GET_CLASS (owner);
  self = g_new0 (ZichaPagedModel, 1);
  self->owner = owner;
  self->item_type = item_type;
  self->funcs = funcs;
  self->loading_pspec = g_object_class_find_property (klass, "loading");
  self->n_items_pspec = g_object_class_find_property (klass, "n-items");
  g_return_val_if_fail (self->loading_pspec != NULL && self->n_items_pspec != NULL, NULL);
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    self->pages[i].page = G_MAXUINT;
  g_object_set_qdata_full (owner, model_quark (), self, model_free);
  return self;
}

void
zicha_paged_model_set_db (ZichaPagedModel *self,
                          ZichaDb         *db)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ZICHA_IS_DB (db));
  g_set_object (&self->db, db);
}

ZichaDb *
zicha_paged_model_get_db (ZichaPagedModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->db;
}

void
zicha_paged_model_start (ZichaPagedModel *self,
                         gpointer         query,
                         GDestroyNotify   query_free)
{
  g_autoptr(GTask) task = NULL;
  QueryData *qd;

  g_return_if_fail (self != NULL);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;

  if (self->db == NULL)
    {
      if (query_free != NULL)
        query_free (query);
      g_return_if_reached ();
    }

  self->cancellable = g_cancellable_new ();

  qd = g_new0 (QueryData, 1);
  qd->funcs = self->funcs;
  qd->path = g_strdup (zicha_db_get_path (self->db));
  qd->query = query;
  qd->query_free = query_free;
  qd->owner = self->owner;
  qd->context = g_main_context_ref_thread_default ();
  qd->generation = self->generation;

  task = g_task_new (NULL, self->cancellable, on_query_done_cb, g_object_ref (self->owner));
  g_task_set_source_tag (task, zicha_paged_model_start);
  g_task_set_name (task, self->funcs->task_name);
  g_task_set_task_data (task, qd, query_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, query_thread);
}

guint
zicha_paged_model_get_n_items (ZichaPagedModel *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ids != NULL ? self->ids->ids->len : 0;
}

/* Reads the items of page @page into @cached. */
static void
read_page (ZichaPagedModel *self,
           guint            page,
           CachedPage      *cached)
{
  guint first = page * self->funcs->page_size;
  guint n = MIN (self->funcs->page_size, zicha_paged_model_get_n_items (self) - first);
  g_autofree gint64 *ids = g_new (gint64, n);

  for (guint i = 0; i < n; i++)
    ids[i] = ids_get (self->ids, first + i);
  cached->page = page;
  cached->items = g_ptr_array_new_full (n, g_object_unref);
  self->funcs->read_items (self->owner, self->db, ids, n, cached->items);
  g_warn_if_fail (cached->items->len == n);
}

/* The kept page @page, or NULL. */
static CachedPage *
find_page (ZichaPagedModel *self,
           guint            page)
{
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    if (self->pages[i].page == page && self->pages[i].items != NULL)
      return &self->pages[i];
  return NULL;
}

static gpointer
get_item (ZichaPagedModel *self,
          guint            position)
{
  guint page = position / self->funcs->page_size;
  guint index = position % self->funcs->page_size;
  CachedPage *cached;

  if (position >= zicha_paged_model_get_n_items (self))
    return NULL;

  cached = find_page (self, page);
  if (cached == NULL)
    {
      /* The least recently used page makes room. */
      cached = &self->pages[0];
      for (guint i = 1; i < N_CACHED_PAGES && cached->items != NULL; i++)
        if (self->pages[i].items == NULL || self->pages[i].stamp < cached->stamp)
          cached = &self->pages[i];
      g_clear_pointer (&cached->items, g_ptr_array_unref);
      read_page (self, page, cached);
    }
  cached->stamp = ++self->stamp;
  if (index >= cached->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (cached->items, index));
}

gpointer
zicha_paged_model_peek_item (ZichaPagedModel *self,
                             guint            position)
{
  CachedPage *cached;
  guint index;

  g_return_val_if_fail (self != NULL, NULL);

  if (position >= zicha_paged_model_get_n_items (self))
    return NULL;
  cached = find_page (self, position / self->funcs->page_size);
  index = position % self->funcs->page_size;
  if (cached == NULL || index >= cached->items->len)
    return NULL;
  return g_ptr_array_index (cached->items, index);
}

guint
zicha_paged_model_find (ZichaPagedModel *self,
                        gint64           id)
{
  guint n;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  n = zicha_paged_model_get_n_items (self);
  if (n == 0)
    return G_MAXUINT;
  if (!self->ids->wide)
    {
      const guint32 *ids = (const guint32 *) (gpointer) self->ids->ids->data;

      if (id < 0 || id > G_MAXUINT32)
        return G_MAXUINT;
      for (guint i = 0; i < n; i++)
        if (ids[i] == (guint32) id)
          return i;
      return G_MAXUINT;
    }
  for (guint i = 0; i < n; i++)
    if (ids_get (self->ids, i) == id)
      return i;
  return G_MAXUINT;
}

gboolean
zicha_paged_model_get_loading (ZichaPagedModel *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->loading;
}

const GError *
zicha_paged_model_get_error (ZichaPagedModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->error;
}

double
zicha_paged_model_get_query_ms (ZichaPagedModel *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->query_ms;
}

void
zicha_paged_model_wait (ZichaPagedModel *self)
{
  g_return_if_fail (self != NULL);

  while (self->loading)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
}

/* The owner's GObject and GListModel -------------------------------------------------------- */

enum
{
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
};

static void
owner_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  ZichaPagedModel *self = model_of (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, zicha_paged_model_get_n_items (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
zicha_paged_model_class_init (GObjectClass *klass)
{
  klass->get_property = owner_get_property;
  g_object_class_install_property (klass, PROP_LOADING,
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (klass, PROP_N_ITEMS,
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GType
list_get_item_type (GListModel *list)
{
  return model_of (list)->item_type;
}

static guint
list_get_n_items (GListModel *list)
{
  ZichaPagedModel *self = model_of (list);

  return self != NULL ? zicha_paged_model_get_n_items (self) : 0;
}

static gpointer
list_get_item (GListModel *list,
               guint       position)
{
  ZichaPagedModel *self = model_of (list);

  return self != NULL ? get_item (self, position) : NULL;
}

void
zicha_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}
