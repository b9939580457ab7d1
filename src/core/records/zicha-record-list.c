/* zicha-record-list.c — lists of records read from the database page by page
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are found and the rows kept by a ZichaPagedModel (zicha-paged-model.h): a worker
 * thread runs one query, "SELECT t.id … WHERE <search> ORDER BY <column>, t.id", and shows its
 * first page before the rest; rows are read a page of 256 at a time by their ids (one
 * prepared statement, an index look-up each). A million records cost 4 MB.
 * The SQL is made only from the constant fragments of the tables below; the search text is
 * always a bound parameter. */
#define G_LOG_DOMAIN "zicha-record-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-record-list.h"
#include "zicha-record-query.h"
#include "zicha-record-row.h"

/* ZichaRecordList -------------------------------------------------------------------------- */

/* What a query asks for, as given to the worker thread. */
typedef struct
{
  char *sql;
  char *like;       /* ?1, or NULL */
  char *initials;   /* ?2, or NULL */
} RecordQuery;

static void
record_query_free (gpointer data)
{
  RecordQuery *query = data;

  g_free (query->sql);
  g_free (query->like);
  g_free (query->initials);
  g_free (query);
}

struct _ZichaRecordList
{
  ZichaPagedList   parent_instance;

  ZichaRecordKind  kind;
  guint            sort_column;
  gboolean         descending;
  char            *search;

  sqlite3_stmt    *row_stmt;   /* reads a row by its id */
};

/* In the worker thread: "SELECT t.id … WHERE <search> ORDER BY <column>, t.id". */
static gboolean
query_ids (ZichaDb        *db,
           gconstpointer   data,
           ZichaPagedIds  *ids,
           GCancellable   *cancellable,
           GError        **error)
{
  const RecordQuery *query = data;
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (handle, query->sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, error, _("Could not list the records"));
      return FALSE;
    }
  if (query->like != NULL)
    sqlite3_bind_text (stmt, 1, query->like, -1, SQLITE_STATIC);
  if (query->initials != NULL)
    sqlite3_bind_text (stmt, 2, query->initials, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    zicha_paged_ids_add (ids, sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    zicha_db_set_error (db, error, _("Could not list the records"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* On the main thread, by their ids (one prepared statement, an index look-up each). */
static void
read_items (GObject      *owner,
            ZichaDb      *db,
            const gint64 *ids,
            guint         n_ids,
            GPtrArray    *items)
{
  ZichaRecordList *self = ZICHA_RECORD_LIST (owner);
  sqlite3 *handle = zicha_db_get_handle (db);

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

  for (guint i = 0; i < n_ids; i++)
    {
      ZichaRecordRow *row;

      if (self->row_stmt != NULL)
        {
          sqlite3_reset (self->row_stmt);
          sqlite3_bind_int64 (self->row_stmt, 1, ids[i]);
        }
      /* A row deleted since the query shows empty until the next one. */
      if (self->row_stmt != NULL && sqlite3_step (self->row_stmt) == SQLITE_ROW)
        row = _zicha_record_row_new_from_stmt (self->kind, ids[i], self->row_stmt);
      else
        row = _zicha_record_row_new_from_stmt (self->kind, ids[i], NULL);
      g_ptr_array_add (items, row);
    }
  if (self->row_stmt != NULL)
    sqlite3_reset (self->row_stmt);
}

static const ZichaPagedModelFuncs paged_funcs = {
  .name = "records",
  .task_name = "[zicha] list records",
  .page_size = ZICHA_RECORD_LIST_PAGE_SIZE,
  .early_first_page = TRUE,
  .query_ids = query_ids,
  .read_items = read_items,
};

G_DEFINE_FINAL_TYPE (ZichaRecordList, zicha_record_list, ZICHA_TYPE_PAGED_LIST)

#define PAGED(self) (zicha_paged_list_get_model (ZICHA_PAGED_LIST (self)))

static void
start_query (ZichaRecordList *self)
{
  RecordQuery *query = g_new0 (RecordQuery, 1);

  query->sql = zicha_kind_query_build_ids_sql (zicha_kind_query_get (self->kind),
                                               self->sort_column, self->descending,
                                               self->search != NULL);
  if (self->search != NULL)
    zicha_record_search_params (self->search, &query->like, &query->initials);
  zicha_paged_model_start (PAGED (self), query, record_query_free);
}

static void
zicha_record_list_finalize (GObject *object)
{
  ZichaRecordList *self = ZICHA_RECORD_LIST (object);

  /* Before the database goes with the model. */
  g_clear_pointer (&self->row_stmt, sqlite3_finalize);
  g_free (self->search);

  G_OBJECT_CLASS (zicha_record_list_parent_class)->finalize (object);
}

static void
zicha_record_list_class_init (ZichaRecordListClass *klass)
{
  ZichaPagedListClass *list_class = ZICHA_PAGED_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = zicha_record_list_finalize;
  list_class->item_type = ZICHA_TYPE_RECORD_ROW;
  list_class->funcs = paged_funcs;
}

static void
zicha_record_list_init (ZichaRecordList *self)
{
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
  zicha_paged_model_set_db (PAGED (self), db);
  self->kind = kind;
  self->sort_column = zicha_kind_query_get (kind)->default_sort;
  start_query (self);
  return self;
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
  while (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)) && !added)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_signal_handler_disconnect (list, handler);
  n = MIN (50, g_list_model_get_n_items (G_LIST_MODEL (list)));
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  *out_first = elapsed_ms (start);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
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
                            zicha_paged_list_get_query_ms (ZICHA_PAGED_LIST (list)));
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
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
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
