/* zicha-paged-model.h — the machinery of the lists read from the database page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal: the lists (ZichaPagedList and its types ZichaRecordList, ZichaHitList) are
 * GListModels whose rows are kept by a ZichaPagedModel. How a list of a million rows stays light:
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
 * ZichaPagedList); it belongs to @owner and goes with it, when the last reference
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

/* For ZichaPagedList (zicha-paged-list.c). */
void             zicha_paged_model_class_init        (GObjectClass        *klass);
void             zicha_paged_model_list_model_init   (GListModelInterface *iface);

G_END_DECLS
