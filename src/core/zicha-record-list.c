/* zicha-record-list.c — lists of records read from the database page by page
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a list of a million rows stays light:
 *  - a worker thread with its own connection runs one query, "SELECT t.id … WHERE <search>
 *    ORDER BY <column>, t.id", and keeps the ids in an array of 32-bit integers (64-bit
 *    only if a row id needs it): 4 MB for a million records;
 *  - rows are read on the main thread when the view asks for them, a page of 256 at a time
 *    by their ids (one prepared statement, an index look-up each), and only the last few
 *    pages are kept;
 *  - a new sort or search cancels the query still running (a progress handler interrupts
 *    SQLite) and the view keeps its rows until the new ids are there.
 * The SQL is made only from the constant fragments of the tables below; the search text is
 * always a bound parameter. */
#define G_LOG_DOMAIN "zicha-record-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-record-list.h"
#include "zicha-record-query.h"

/* Pages of rows kept. */
#define N_CACHED_PAGES 8

/* ZichaRecordRow --------------------------------------------------------------------------- */

struct _ZichaRecordRow
{
  GObject          parent_instance;

  ZichaRecordKind  kind;
  gint64           id;
  char           **values;
  guint            n_values;
  char            *title;
};

G_DEFINE_FINAL_TYPE (ZichaRecordRow, zicha_record_row, G_TYPE_OBJECT)

static void
zicha_record_row_finalize (GObject *object)
{
  ZichaRecordRow *self = ZICHA_RECORD_ROW (object);

  g_strfreev (self->values);
  g_free (self->title);

  G_OBJECT_CLASS (zicha_record_row_parent_class)->finalize (object);
}

static void
zicha_record_row_class_init (ZichaRecordRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zicha_record_row_finalize;
}

static void
zicha_record_row_init (ZichaRecordRow *self)
{
}

ZichaRecordKind
zicha_record_row_get_kind (ZichaRecordRow *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_ROW (self), ZICHA_N_RECORD_KINDS);
  return self->kind;
}

gint64
zicha_record_row_get_id (ZichaRecordRow *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_ROW (self), 0);
  return self->id;
}

const char *
zicha_record_row_get_value (ZichaRecordRow *self,
                            guint           column)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_ROW (self), NULL);

  if (column >= self->n_values || self->values[column] == NULL)
    return "";
  return self->values[column];
}

const char *
zicha_record_row_get_title (ZichaRecordRow *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_ROW (self), NULL);
  return self->title != NULL ? self->title : "";
}

/* A row from a statement whose column 0 is the id and 1… the columns of the kind. */
static ZichaRecordRow *
row_new_from_stmt (ZichaRecordKind  kind,
                   gint64           id,
                   sqlite3_stmt    *stmt)
{
  const ZichaKindQuery *info = zicha_kind_query_get (kind);
  ZichaRecordRow *row = g_object_new (ZICHA_TYPE_RECORD_ROW, NULL);

  row->kind = kind;
  row->id = id;
  row->n_values = info->n_columns;
  row->values = g_new0 (char *, info->n_columns + 1);

  for (guint i = 0; i < info->n_columns; i++)
    {
      if (stmt != NULL)
        row->values[i] = zicha_record_format_value (&info->columns[i].fmt, stmt, (int) i + 1);
      else
        row->values[i] = g_strdup ("");
    }

  if (info->title_columns[1] >= 0
      && row->values[info->title_columns[1]][0] != '\0')
    row->title = g_strdup_printf ("%s %s", row->values[info->title_columns[0]],
                                  row->values[info->title_columns[1]]);
  else
    row->title = g_strdup (row->values[info->title_columns[0]]);

  return row;
}

/* Id arrays -------------------------------------------------------------------------------- */

typedef struct
{
  GArray   *ids;      /* guint32, or gint64 when wide */
  gboolean  wide;
  double    ms;       /* time the query took */
} IdList;

static void
id_list_free (gpointer data)
{
  IdList *list = data;

  if (list != NULL)
    {
      g_clear_pointer (&list->ids, g_array_unref);
      g_free (list);
    }
}

static void
id_list_append (IdList *list,
                gint64  id)
{
  if (!list->wide && (id < 0 || id > G_MAXUINT32))
    {
      GArray *wide = g_array_sized_new (FALSE, FALSE, sizeof (gint64), list->ids->len + 1024);

      for (guint i = 0; i < list->ids->len; i++)
        {
          gint64 v = g_array_index (list->ids, guint32, i);

          g_array_append_val (wide, v);
        }
      g_array_unref (list->ids);
      list->ids = wide;
      list->wide = TRUE;
    }

  if (list->wide)
    g_array_append_val (list->ids, id);
  else
    {
      guint32 v = (guint32) id;

      g_array_append_val (list->ids, v);
    }
}

static inline gint64
id_list_get (const IdList *list,
             guint         position)
{
  if (list->wide)
    return g_array_index (list->ids, gint64, position);
  return g_array_index (list->ids, guint32, position);
}

/* Queries in a thread ---------------------------------------------------------------------- */

typedef struct
{
  char             *path;
  char             *sql;
  char             *like;       /* ?1, or NULL */
  char             *initials;   /* ?2, or NULL */
  ZichaRecordList  *list;       /* for the first page; owned */
  guint             generation;
} QueryData;

static void deliver_first_page (ZichaRecordList *self,
                                guint            generation,
                                IdList          *ids);

typedef struct
{
  ZichaRecordList *list;
  guint            generation;
  IdList          *ids;
} FirstPage;

static gboolean
on_first_page_cb (gpointer data)
{
  FirstPage *fp = data;

  deliver_first_page (fp->list, fp->generation, g_steal_pointer (&fp->ids));
  return G_SOURCE_REMOVE;
}

static void
first_page_free (gpointer data)
{
  FirstPage *fp = data;

  g_object_unref (fp->list);
  id_list_free (fp->ids);
  g_free (fp);
}

static void
query_data_free (gpointer data)
{
  QueryData *qd = data;

  g_clear_object (&qd->list);
  g_free (qd->path);
  g_free (qd->sql);
  g_free (qd->like);
  g_free (qd->initials);
  g_free (qd);
}

static int
on_progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
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
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  IdList *list;
  gint64 start = g_get_monotonic_time ();
  int rc;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = zicha_db_open (qd->path, ZICHA_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  handle = zicha_db_get_handle (db);
  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 2000, on_progress_cb, cancellable);

  if (sqlite3_prepare_v2 (handle, qd->sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, &error, _("Could not list the records"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (qd->like != NULL)
    sqlite3_bind_text (stmt, 1, qd->like, -1, SQLITE_STATIC);
  if (qd->initials != NULL)
    sqlite3_bind_text (stmt, 2, qd->initials, -1, SQLITE_STATIC);

  list = g_new0 (IdList, 1);
  list->ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 4096);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id_list_append (list, sqlite3_column_int64 (stmt, 0));

      /* The first page goes to the view at once: with an index on the order it comes
       * long before the rest. */
      if (list->ids->len == ZICHA_RECORD_LIST_PAGE_SIZE)
        {
          FirstPage *fp = g_new0 (FirstPage, 1);

          fp->list = g_object_ref (qd->list);
          fp->generation = qd->generation;
          fp->ids = g_new0 (IdList, 1);
          fp->ids->wide = list->wide;
          fp->ids->ids = g_array_copy (list->ids);
          fp->ids->ms = (g_get_monotonic_time () - start) / 1000.0;
          g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                                      on_first_page_cb, fp, first_page_free);
        }
    }

  if (rc != SQLITE_DONE)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The query was cancelled"));
      else
        zicha_db_set_error (db, &error, _("Could not list the records"));
      sqlite3_finalize (stmt);
      id_list_free (list);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sqlite3_finalize (stmt);

  list->ms = (g_get_monotonic_time () - start) / 1000.0;
  g_task_return_pointer (task, list, id_list_free);
}

/* ZichaRecordList -------------------------------------------------------------------------- */

typedef struct
{
  guint      page;      /* G_MAXUINT: unused */
  guint64    stamp;
  GPtrArray *rows;      /* ZichaRecordRow, or NULL where not read */
} CachedPage;

struct _ZichaRecordList
{
  GObject          parent_instance;

  ZichaDb         *db;
  ZichaRecordKind  kind;
  guint            sort_column;
  gboolean         descending;
  char            *search;

  IdList          *ids;
  GCancellable    *cancellable;
  guint            generation;
  gboolean         loading;
  GError          *error;
  double           query_ms;
  double           first_page_ms;

  sqlite3_stmt    *row_stmt;
  CachedPage       pages[N_CACHED_PAGES];
  guint64          stamp;
};

static void zicha_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZichaRecordList, zicha_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      zicha_record_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_cache (ZichaRecordList *self)
{
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    {
      self->pages[i].page = G_MAXUINT;
      g_clear_pointer (&self->pages[i].rows, g_ptr_array_unref);
    }
}

static guint
get_n_items (ZichaRecordList *self)
{
  return self->ids != NULL ? self->ids->ids->len : 0;
}

static void
set_loading (ZichaRecordList *self,
             gboolean         loading)
{
  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

/* The first rows of a query still running: shown until all its ids are there. */
static void
deliver_first_page (ZichaRecordList *self,
                    guint            generation,
                    IdList          *ids)
{
  guint old_n;

  if (generation != self->generation || !self->loading)
    {
      id_list_free (ids);
      return;
    }

  old_n = get_n_items (self);
  clear_cache (self);
  g_clear_pointer (&self->ids, id_list_free);
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  self->ids = ids;
  self->first_page_ms = ids->ms;
  if (get_n_items (self) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, get_n_items (self));
  if (old_n != get_n_items (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_query_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ZichaRecordList) self = user_data;
  g_autoptr(GError) error = NULL;
  IdList *list;
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "generation"));
  guint old_n;

  list = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer query replaced this one: drop its answer. */
  if (generation != self->generation)
    {
      id_list_free (list);
      return;
    }

  g_clear_object (&self->cancellable);

  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not list %s: %s", zicha_record_kind_get_id (self->kind),
                     error->message);
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
        }
      set_loading (self, FALSE);
      return;
    }

  g_clear_error (&self->error);
  self->query_ms = list->ms;

  /* Removal and addition as two changes: a selection model looking for its selected item
   * among the added ones would otherwise read every row. */
  old_n = get_n_items (self);
  clear_cache (self);
  g_clear_pointer (&self->ids, id_list_free);
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  self->ids = list;
  if (get_n_items (self) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, get_n_items (self));
  if (old_n != get_n_items (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  /* Last, so that whoever waits for it finds the new rows. */
  set_loading (self, FALSE);
}

static void
start_query (ZichaRecordList *self)
{
  const ZichaKindQuery *info = zicha_kind_query_get (self->kind);
  g_autoptr(GTask) task = NULL;
  QueryData *qd;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;

  if (self->db == NULL)
    return;

  self->cancellable = g_cancellable_new ();

  qd = g_new0 (QueryData, 1);
  qd->path = g_strdup (zicha_db_get_path (self->db));
  qd->sql = zicha_kind_query_build_ids_sql (info, self->sort_column, self->descending,
                                            self->search != NULL);
  if (self->search != NULL)
    zicha_record_search_params (self->search, &qd->like, &qd->initials);

  task = g_task_new (NULL, self->cancellable, on_query_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_query);
  g_task_set_name (task, "[zicha] list records");
  qd->list = g_object_ref (self);
  qd->generation = self->generation;
  g_task_set_task_data (task, qd, query_data_free);
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (self->generation));
  set_loading (self, TRUE);
  g_task_run_in_thread (task, query_thread);
}

/* Reads the rows of page @page into @cached. */
static void
read_page (ZichaRecordList *self,
           guint            page,
           CachedPage      *cached)
{
  guint first = page * ZICHA_RECORD_LIST_PAGE_SIZE;
  guint last = MIN (first + ZICHA_RECORD_LIST_PAGE_SIZE, get_n_items (self));
  sqlite3 *handle = zicha_db_get_handle (self->db);

  if (self->row_stmt == NULL)
    {
      g_autofree char *sql = zicha_kind_query_build_row_sql (zicha_kind_query_get (self->kind));

      if (sqlite3_prepare_v2 (handle, sql, -1, &self->row_stmt, NULL) != SQLITE_OK)
        {
          g_warning ("Could not read %s: %s", zicha_record_kind_get_id (self->kind),
                     sqlite3_errmsg (handle));
          self->row_stmt = NULL;
        }
    }

  cached->page = page;
  cached->rows = g_ptr_array_new_full (last - first, g_object_unref);
  for (guint i = first; i < last; i++)
    {
      gint64 id = id_list_get (self->ids, i);
      ZichaRecordRow *row;

      if (self->row_stmt != NULL)
        {
          sqlite3_reset (self->row_stmt);
          sqlite3_bind_int64 (self->row_stmt, 1, id);
        }
      /* A row deleted since the query shows empty until the next one. */
      if (self->row_stmt != NULL && sqlite3_step (self->row_stmt) == SQLITE_ROW)
        row = row_new_from_stmt (self->kind, id, self->row_stmt);
      else
        row = row_new_from_stmt (self->kind, id, NULL);
      g_ptr_array_add (cached->rows, row);
    }
  if (self->row_stmt != NULL)
    sqlite3_reset (self->row_stmt);
}

static GType
zicha_record_list_get_item_type (GListModel *model)
{
  return ZICHA_TYPE_RECORD_ROW;
}

static guint
zicha_record_list_get_n_items (GListModel *model)
{
  return get_n_items (ZICHA_RECORD_LIST (model));
}

static gpointer
zicha_record_list_get_item (GListModel *model,
                            guint       position)
{
  ZichaRecordList *self = ZICHA_RECORD_LIST (model);
  guint page = position / ZICHA_RECORD_LIST_PAGE_SIZE;
  CachedPage *oldest = NULL;

  if (position >= get_n_items (self))
    return NULL;

  for (guint i = 0; i < N_CACHED_PAGES; i++)
    {
      CachedPage *cached = &self->pages[i];

      if (cached->page == page && cached->rows != NULL)
        {
          cached->stamp = ++self->stamp;
          return g_object_ref (g_ptr_array_index (cached->rows,
                                                  position % ZICHA_RECORD_LIST_PAGE_SIZE));
        }
      if (oldest == NULL || cached->rows == NULL
          || (oldest->rows != NULL && cached->stamp < oldest->stamp))
        oldest = cached;
    }

  g_clear_pointer (&oldest->rows, g_ptr_array_unref);
  read_page (self, page, oldest);
  oldest->stamp = ++self->stamp;
  return g_object_ref (g_ptr_array_index (oldest->rows, position % ZICHA_RECORD_LIST_PAGE_SIZE));
}

static void
zicha_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = zicha_record_list_get_item_type;
  iface->get_n_items = zicha_record_list_get_n_items;
  iface->get_item = zicha_record_list_get_item;
}

static void
zicha_record_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZichaRecordList *self = ZICHA_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, get_n_items (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_record_list_dispose (GObject *object)
{
  ZichaRecordList *self = ZICHA_RECORD_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_cache (self);
  g_clear_pointer (&self->row_stmt, sqlite3_finalize);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (zicha_record_list_parent_class)->dispose (object);
}

static void
zicha_record_list_finalize (GObject *object)
{
  ZichaRecordList *self = ZICHA_RECORD_LIST (object);

  g_clear_pointer (&self->ids, id_list_free);
  g_clear_error (&self->error);
  g_free (self->search);

  G_OBJECT_CLASS (zicha_record_list_parent_class)->finalize (object);
}

static void
zicha_record_list_class_init (ZichaRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zicha_record_list_get_property;
  object_class->dispose = zicha_record_list_dispose;
  object_class->finalize = zicha_record_list_finalize;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zicha_record_list_init (ZichaRecordList *self)
{
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    self->pages[i].page = G_MAXUINT;
}

/* Public API ------------------------------------------------------------------------------- */

gboolean
zicha_record_list_kind_supported (ZichaRecordKind kind)
{
  return kind < ZICHA_N_RECORD_KINDS && zicha_kind_query_get (kind) != NULL;
}

guint
zicha_record_kind_get_n_columns (ZichaRecordKind kind)
{
  g_return_val_if_fail (zicha_record_list_kind_supported (kind), 0);
  return zicha_kind_query_get (kind)->n_columns;
}

const char *
zicha_record_kind_get_column_id (ZichaRecordKind kind,
                                 guint           column)
{
  g_return_val_if_fail (zicha_record_list_kind_supported (kind), NULL);
  g_return_val_if_fail (column < zicha_kind_query_get (kind)->n_columns, NULL);
  return zicha_kind_query_get (kind)->columns[column].id;
}

const char *
zicha_record_kind_get_column_title (ZichaRecordKind kind,
                                    guint           column)
{
  g_return_val_if_fail (zicha_record_list_kind_supported (kind), NULL);
  g_return_val_if_fail (column < zicha_kind_query_get (kind)->n_columns, NULL);
  return _(zicha_kind_query_get (kind)->columns[column].title);
}

gboolean
zicha_record_kind_get_column_numeric (ZichaRecordKind kind,
                                      guint           column)
{
  const ZichaColumnQuery *col;

  g_return_val_if_fail (zicha_record_list_kind_supported (kind), FALSE);
  g_return_val_if_fail (column < zicha_kind_query_get (kind)->n_columns, FALSE);
  col = &zicha_kind_query_get (kind)->columns[column];
  return col->fmt.format == ZICHA_FORMAT_COUNT
         || col->fmt.format == ZICHA_FORMAT_HUNDREDTHS
         || col->fmt.format == ZICHA_FORMAT_AMOUNT
         || col->fmt.format == ZICHA_FORMAT_NUMBER_TEXT;
}

gboolean
zicha_record_kind_get_column_detail_only (ZichaRecordKind kind,
                                          guint           column)
{
  g_return_val_if_fail (zicha_record_list_kind_supported (kind), FALSE);
  g_return_val_if_fail (column < zicha_kind_query_get (kind)->n_columns, FALSE);
  return zicha_kind_query_get (kind)->columns[column].detail_only;
}

int
zicha_record_kind_find_column (ZichaRecordKind  kind,
                               const char      *id)
{
  const ZichaKindQuery *info;

  g_return_val_if_fail (zicha_record_list_kind_supported (kind), -1);
  g_return_val_if_fail (id != NULL, -1);

  info = zicha_kind_query_get (kind);
  for (guint i = 0; i < info->n_columns; i++)
    if (g_str_equal (info->columns[i].id, id))
      return (int) i;
  return -1;
}

ZichaRecordList *
zicha_record_list_new (ZichaDb         *db,
                       ZichaRecordKind  kind)
{
  ZichaRecordList *self;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (zicha_record_list_kind_supported (kind), NULL);

  self = g_object_new (ZICHA_TYPE_RECORD_LIST, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;
  self->sort_column = zicha_kind_query_get (kind)->default_sort;
  start_query (self);
  return self;
}

ZichaDb *
zicha_record_list_get_db (ZichaRecordList *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), NULL);
  return self->db;
}

ZichaRecordKind
zicha_record_list_get_kind (ZichaRecordList *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), ZICHA_N_RECORD_KINDS);
  return self->kind;
}

void
zicha_record_list_set_sort (ZichaRecordList *self,
                            guint            column,
                            gboolean         descending)
{
  g_return_if_fail (ZICHA_IS_RECORD_LIST (self));
  g_return_if_fail (column < zicha_kind_query_get (self->kind)->n_columns);

  descending = !!descending;
  if (self->sort_column == column && self->descending == descending)
    return;
  self->sort_column = column;
  self->descending = descending;
  start_query (self);
}

guint
zicha_record_list_get_sort_column (ZichaRecordList *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), 0);
  return self->sort_column;
}

gboolean
zicha_record_list_get_sort_descending (ZichaRecordList *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), FALSE);
  return self->descending;
}

void
zicha_record_list_set_search (ZichaRecordList *self,
                              const char      *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (ZICHA_IS_RECORD_LIST (self));

  if (text != NULL)
    {
      stripped = g_strstrip (g_strdup (text));
      if (stripped[0] == '\0')
        g_clear_pointer (&stripped, g_free);
    }
  if (g_strcmp0 (stripped, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  start_query (self);
}

const char *
zicha_record_list_get_search (ZichaRecordList *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), NULL);
  return self->search;
}

void
zicha_record_list_reload (ZichaRecordList *self)
{
  g_return_if_fail (ZICHA_IS_RECORD_LIST (self));

  /* The statement may hold a read snapshot: start afresh. */
  g_clear_pointer (&self->row_stmt, sqlite3_finalize);
  start_query (self);
}

gboolean
zicha_record_list_get_loading (ZichaRecordList *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), FALSE);
  return self->loading;
}

const GError *
zicha_record_list_get_error (ZichaRecordList *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), NULL);
  return self->error;
}

double
zicha_record_list_get_query_ms (ZichaRecordList *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), 0);
  return self->query_ms;
}

guint
zicha_record_list_find (ZichaRecordList *self,
                        gint64           id)
{
  guint n;

  g_return_val_if_fail (ZICHA_IS_RECORD_LIST (self), G_MAXUINT);

  n = get_n_items (self);
  if (self->ids == NULL)
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
    if (id_list_get (self->ids, i) == id)
      return i;
  return G_MAXUINT;
}

void
zicha_record_list_wait (ZichaRecordList *self)
{
  g_return_if_fail (ZICHA_IS_RECORD_LIST (self));

  while (self->loading)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
}

/* Benchmark -------------------------------------------------------------------------------- */

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
on_bench_items_changed_cb (GListModel *model,
                           guint       position,
                           guint       removed,
                           guint       added,
                           gpointer    user_data)
{
  if (added > 0)
    *(gboolean *) user_data = TRUE;
}

/* Time for a list to give its first 50 rows (*out_first, ms) and to load (returned). */
static double
time_rows (ZichaRecordList *list,
           double          *out_first)
{
  gint64 start = g_get_monotonic_time ();
  gboolean added = FALSE;
  gulong handler;
  guint n;

  handler = g_signal_connect (list, "items-changed", G_CALLBACK (on_bench_items_changed_cb),
                              &added);
  while (zicha_record_list_get_loading (list) && !added)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_signal_handler_disconnect (list, handler);
  n = MIN (50, g_list_model_get_n_items (G_LIST_MODEL (list)));
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  *out_first = elapsed_ms (start);
  zicha_record_list_wait (list);
  return elapsed_ms (start);
}

gboolean
zicha_record_list_bench (const char       *path,
                         ZichaRecordKind   kind,
                         const char       *search,
                         GString          *out,
                         GError          **error)
{
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaRecordList) list = NULL;
  const ZichaKindQuery *info;
  gint64 start;
  double ms;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (zicha_record_list_kind_supported (kind), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  info = zicha_kind_query_get (kind);
  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  list = zicha_record_list_new (db, kind);
  {
    double first;

    /* The first page arrives before the whole list when the list is long. */
    time_rows (list, &first);
    ms = elapsed_ms (start);
    g_string_append_printf (out, "%s: first rows %.0f ms, whole list %.0f ms "
                            "(%u records, query %.0f ms)\n",
                            zicha_record_kind_get_id (kind), first, ms,
                            g_list_model_get_n_items (G_LIST_MODEL (list)),
                            zicha_record_list_get_query_ms (list));
  }

  /* Scrolling to the middle and the end: a page each. */
  start = g_get_monotonic_time ();
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

    if (n > 0)
      {
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), n / 2));
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), n - 1));
      }
  }
  g_string_append_printf (out, "%s: two pages far down %.1f ms\n",
                          zicha_record_kind_get_id (kind), elapsed_ms (start));

  for (guint c = 0; c < info->n_columns; c++)
    {
      if (info->columns[c].detail_only)
        continue;
      for (int desc = 0; desc <= 1; desc++)
        {
          double first;

          zicha_record_list_set_sort (list, c, desc);
          ms = time_rows (list, &first);
          g_string_append_printf (out, "%s: sort by %s%s: first rows %.0f ms, whole %.0f ms\n",
                                  zicha_record_kind_get_id (kind), info->columns[c].id,
                                  desc ? " (descending)" : "", first, ms);
        }
    }

  zicha_record_list_set_sort (list, info->default_sort, FALSE);
  zicha_record_list_wait (list);
  if (search != NULL)
    {
      g_auto(GStrv) terms = g_strsplit (search, ",", -1);

      for (guint i = 0; terms[i] != NULL; i++)
        {
          double first;

          zicha_record_list_set_search (list, terms[i]);
          ms = time_rows (list, &first);
          g_string_append_printf (out, "%s: search “%s”: first rows %.0f ms, whole %.0f ms "
                                  "(%u found)\n",
                                  zicha_record_kind_get_id (kind), terms[i], first, ms,
                                  g_list_model_get_n_items (G_LIST_MODEL (list)));
        }
    }
  return TRUE;
}
