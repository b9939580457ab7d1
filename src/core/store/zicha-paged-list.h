/* zicha-paged-list.h — the base type of the lists read from the database page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaPagedList is a GListModel whose rows a ZichaPagedModel keeps (zicha-paged-model.h says
 * how a million rows stay light). A list type derives from it, sets its item type and its
 * ZichaPagedModelFuncs (how the ids are found, how the items of a page are read) in its
 * class_init, and starts queries; the base implements GListModel, the properties "loading"
 * and "n-items", and the getters, once for every list. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-paged-model.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_PAGED_LIST (zicha_paged_list_get_type ())
G_DECLARE_DERIVABLE_TYPE (ZichaPagedList, zicha_paged_list, ZICHA, PAGED_LIST, GObject)

struct _ZichaPagedListClass
{
  GObjectClass          parent_class;

  /* Set by each list type in its class_init. */
  GType                 item_type;
  ZichaPagedModelFuncs  funcs;
};

/* The database the rows come from, or NULL. */
ZichaDb         *zicha_paged_list_get_db        (ZichaPagedList  *self);
/* TRUE while a query runs (the "loading" property). */
gboolean         zicha_paged_list_get_loading   (ZichaPagedList  *self);
/* The error of the last query, or NULL. */
const GError    *zicha_paged_list_get_error     (ZichaPagedList  *self);
/* Position of the row with @id, or G_MAXUINT. */
guint            zicha_paged_list_find          (ZichaPagedList  *self,
                                                 gint64           id);
/* Blocks until the running query, if any, is done (iterating the thread-default main
 * context). For tests and benchmarks. */
void             zicha_paged_list_wait          (ZichaPagedList  *self);
/* Milliseconds the last finished query took in its thread. */
double           zicha_paged_list_get_query_ms  (ZichaPagedList  *self);

/* For the list types: the model that keeps the rows. */
ZichaPagedModel *zicha_paged_list_get_model     (ZichaPagedList  *self);

G_END_DECLS
