/* zicha-paged-model.h — the machinery of the lists read from the database page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal: ZichaRecordList and ZichaHitList are GListModels whose rows are kept by a
 * ZichaPagedModel. How a list of a million rows stays light:
 *  - a worker thread with its own connection runs the list's query, which gives the ids of
 *    the rows in order; they are kept in an array of 32-bit integers (64-bit only if an id
 *    needs it): 4 MB for a million rows;
 *  - rows are read on the main thread when the view asks for them, a page at a time by their
 *    ids, and only the last few pages are kept;
 *  - a new query cancels the one still running (a progress handler interrupts SQLite) and the
 *    answer of a query that was replaced is dropped; the view keeps its rows until the new
 *    ids are there, then they are replaced by two changes, removal and addition (a selection
 *    model looking for its selected item among the added ones would otherwise read every
 *    row).
 * What differs from list to list is given by a ZichaPagedModelFuncs: how the ids are found,
 * how the items of a page are read. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"

G_BEGIN_DECLS

typedef struct _ZichaPagedModel ZichaPagedModel;

/* The ids a query finds, in order. */
typedef struct _ZichaPagedIds ZichaPagedIds;

void             zicha_paged_ids_add                 (ZichaPagedIds       *ids,
                                                      gint64               id);

typedef struct
{
  /* What the rows are, for warnings, e.g. "hits"; the name of the query tasks. */
  const char  *name;
  const char  *task_name;
  guint        page_size;
  /* TRUE: the first page of ids is shown while the query still finds the rest. */
  gboolean     early_first_page;
  /* TRUE: a query that fails empties the list; FALSE: the list keeps its rows. */
  gboolean     clear_on_error;

  /* In the worker thread, with its own connection @db: adds the ids of the rows to @ids with
   * zicha_paged_ids_add, in order. @query is what was given to zicha_paged_model_start.
   * SQLite is interrupted when @cancellable is cancelled (the model sees to that). */
  gboolean   (*query_ids)  (ZichaDb             *db,
                            gconstpointer        query,
                            ZichaPagedIds       *ids,
                            GCancellable        *cancellable,
                            GError             **error);
  /* On the main thread: appends to @items a new item (of the model's item type) for each of
   * @ids, in order; one gone since the query gets an empty item, to keep the positions. */
  void       (*read_items) (GObject             *owner,
                            ZichaDb             *db,
                            const gint64        *ids,
                            guint                n_ids,
                            GPtrArray           *items);
} ZichaPagedModelFuncs;

/* The model of @owner, a list of @item_type, made in its instance init (see
 * ZICHA_DEFINE_PAGED_LIST_TYPE); it belongs to @owner and goes with it, when the last reference
 * goes (a query holds one while it runs). Empty until the first query is done. */
ZichaPagedModel *zicha_paged_model_new               (GObject                    *owner,
                                                      GType                       item_type,
                                                      const ZichaPagedModelFuncs *funcs);
/* The database the rows come from: its connection reads the pages, the queries open their
 * own on its file. */
void             zicha_paged_model_set_db            (ZichaPagedModel     *self,
                                                      ZichaDb             *db);
ZichaDb         *zicha_paged_model_get_db            (ZichaPagedModel     *self);

/* Runs a new query; a query still running is cancelled. Takes @query (freed with
 * @query_free). */
void             zicha_paged_model_start             (ZichaPagedModel     *self,
                                                      gpointer             query,
                                                      GDestroyNotify       query_free);

guint            zicha_paged_model_get_n_items       (ZichaPagedModel     *self);
/* The item at @position if its page is kept (not a new reference), else NULL. */
gpointer         zicha_paged_model_peek_item         (ZichaPagedModel     *self,
                                                      guint                position);
/* Position of @id, or G_MAXUINT. */
guint            zicha_paged_model_find              (ZichaPagedModel     *self,
                                                      gint64               id);
gboolean         zicha_paged_model_get_loading       (ZichaPagedModel     *self);
/* The error of the last query, or NULL. */
const GError    *zicha_paged_model_get_error         (ZichaPagedModel     *self);
/* Milliseconds the last finished query took in its thread. */
double           zicha_paged_model_get_query_ms      (ZichaPagedModel     *self);
/* Blocks until the running query, if any, is done (iterating the thread-default main
 * context). */
void             zicha_paged_model_wait              (ZichaPagedModel     *self);

/* For ZICHA_DEFINE_PAGED_LIST_TYPE. */
void             zicha_paged_model_class_init        (GObjectClass        *klass);
void             zicha_paged_model_list_model_init   (GListModelInterface *iface);

/* Defines a list type kept by a ZichaPagedModel, as G_DEFINE_FINAL_TYPE does (parent
 * GObject), with:
 *  - the GListModel interface, of @item_type;
 *  - the properties "loading" (gboolean, TRUE while a query runs) and "n-items" (guint);
 *  - type_name_class_init and type_name_init, which makes the model in the field
 *    "ZichaPagedModel *paged" of the instance struct, with @funcs;
 *  - the public functions type_name_get_db, _get_loading, _get_error, _find and _wait.
 * The file defines the instance struct, @funcs and type_name_finalize (which chains up). */
#define ZICHA_DEFINE_PAGED_LIST_TYPE(TypeName, type_name, item_type, funcs)                 \
  G_DEFINE_FINAL_TYPE_WITH_CODE (TypeName, type_name, G_TYPE_OBJECT,                         \
                                 G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,                   \
                                                        zicha_paged_model_list_model_init)) \
                                                                                             \
  static void type_name##_finalize (GObject *object);                                        \
                                                                                             \
  static void                                                                                \
  type_name##_class_init (TypeName##Class *klass)                                            \
  {                                                                                          \
    zicha_paged_model_class_init (G_OBJECT_CLASS (klass));                                   \
    G_OBJECT_CLASS (klass)->finalize = type_name##_finalize;                                 \
  }                                                                                          \
                                                                                             \
  static void                                                                                \
  type_name##_init (TypeName *self)                                                          \
  {                                                                                          \
    self->paged = zicha_paged_model_new (G_OBJECT (self), (item_type), (funcs));             \
  }                                                                                          \
                                                                                             \
  ZichaDb *                                                                                  \
  type_name##_get_db (TypeName *self)                                                        \
  {                                                                                          \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), NULL); \
    return zicha_paged_model_get_db (self->paged);                                           \
  }                                                                                          \
                                                                                             \
  gboolean                                                                                   \
  type_name##_get_loading (TypeName *self)                                                   \
  {                                                                                          \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), FALSE);\
    return zicha_paged_model_get_loading (self->paged);                                      \
  }                                                                                          \
                                                                                             \
  const GError *                                                                             \
  type_name##_get_error (TypeName *self)                                                     \
  {                                                                                          \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), NULL); \
    return zicha_paged_model_get_error (self->paged);                                        \
  }                                                                                          \
                                                                                             \
  guint                                                                                      \
  type_name##_find (TypeName *self,                                                          \
                    gint64    id)                                                            \
  {                                                                                          \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()),        \
                          G_MAXUINT);                                                        \
    return zicha_paged_model_find (self->paged, id);                                         \
  }                                                                                          \
                                                                                             \
  void                                                                                       \
  type_name##_wait (TypeName *self)                                                          \
  {                                                                                          \
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()));           \
    zicha_paged_model_wait (self->paged);                                                    \
  }

G_END_DECLS
