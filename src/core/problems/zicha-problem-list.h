/* zicha-problem-list.h — the problem ledger (问题清单) as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaProblemList is a GListModel of ZichaProblemRow for the app's problem page. A worker
 * thread with its own connection finds the ids of the problems that match the filter, in the
 * order asked for (both done by SQLite, the state through the view problem_states); problems
 * are read when asked for, ZICHA_PROBLEM_LIST_PAGE_SIZE at a time. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-paged-list.h"
#include "zicha-problem-row.h"
#include "zicha-problems.h"

G_BEGIN_DECLS

#define ZICHA_PROBLEM_LIST_PAGE_SIZE 128

#define ZICHA_TYPE_PROBLEM_LIST (zicha_problem_list_get_type ())
G_DECLARE_FINAL_TYPE (ZichaProblemList, zicha_problem_list, ZICHA, PROBLEM_LIST, ZichaPagedList)

/* A list of all problems in the ledger's order (by number). The first query starts at once;
 * the list is empty until it is done (see the "loading" property). */
ZichaProblemList *zicha_problem_list_new            (ZichaDb                  *db);

/* Keeps the problems matching @filter (copied, its text trimmed; NULL: all). Starts a new
 * query; a query still running is cancelled. */
void              zicha_problem_list_set_filter     (ZichaProblemList         *self,
                                                     const ZichaProblemFilter *filter);
/* Sorts by @order (a new query when it changes). */
void              zicha_problem_list_set_order      (ZichaProblemList         *self,
                                                     ZichaProblemOrder         order,
                                                     gboolean                  descending);
/* Runs the query again, e.g. after problems were made or deleted. */
void              zicha_problem_list_reload         (ZichaProblemList         *self);
/* Reads problem @problem_id again, if it is in the list, and notifies its row; it stays at
 * its place even when it no longer matches the filter. Returns its position or G_MAXUINT. */
guint             zicha_problem_list_update_problem (ZichaProblemList         *self,
                                                     gint64                    problem_id);

G_END_DECLS
