/* zicha-ledger-list.h — the rectification ledger (整改台账) as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaLedgerList is a GListModel of ZichaLedgerRow for the app's 整改台账 page. A worker thread
 * with its own connection finds the ids of the problems that match the filter, in the order
 * asked for (both done by SQLite: zicha_ledger_query_ids ()); rows are put together when asked
 * for, ZICHA_LEDGER_LIST_PAGE_SIZE at a time (zicha_ledger_get_many ()). */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-ledger-row.h"
#include "zicha-ledger.h"
#include "zicha-paged-list.h"

G_BEGIN_DECLS

#define ZICHA_LEDGER_LIST_PAGE_SIZE 64

#define ZICHA_TYPE_LEDGER_LIST (zicha_ledger_list_get_type ())
G_DECLARE_FINAL_TYPE (ZichaLedgerList, zicha_ledger_list, ZICHA, LEDGER_LIST, ZichaPagedList)

/* The whole ledger by number. The first query starts at once; the list is empty until it is
 * done (see the "loading" property). */
ZichaLedgerList *zicha_ledger_list_new            (ZichaDb                 *db);
/* Keeps the problems matching @filter (copied; NULL: all) and starts a new query. */
void             zicha_ledger_list_set_filter     (ZichaLedgerList         *self,
                                                   const ZichaLedgerFilter *filter);
/* Sorts by @order (a new query when it changes). */
void             zicha_ledger_list_set_order      (ZichaLedgerList         *self,
                                                   ZichaLedgerOrder         order,
                                                   gboolean                 descending);
/* Runs the query again, e.g. after measures changed. */
void             zicha_ledger_list_reload         (ZichaLedgerList         *self);
/* Reads the row of problem @problem_id again, if it is in the list, and notifies it; it stays
 * at its place even when it no longer matches. Returns its position or G_MAXUINT. */
guint            zicha_ledger_list_update_problem (ZichaLedgerList         *self,
                                                   gint64                   problem_id);

G_END_DECLS
