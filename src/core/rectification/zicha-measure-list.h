/* zicha-measure-list.h — rectification measures as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaMeasureList is a GListModel of ZichaMeasureRow for the app's measure views (every
 * measure, the measures of a problem, the overdue ones…). A worker thread with its own
 * connection finds the ids of the measures that match the filter, in the order asked for
 * (zicha_measures_query_ids ()); measures are read when asked for,
 * ZICHA_MEASURE_LIST_PAGE_SIZE at a time. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-measure-row.h"
#include "zicha-measures.h"
#include "zicha-paged-list.h"

G_BEGIN_DECLS

#define ZICHA_MEASURE_LIST_PAGE_SIZE 128

#define ZICHA_TYPE_MEASURE_LIST (zicha_measure_list_get_type ())
G_DECLARE_FINAL_TYPE (ZichaMeasureList, zicha_measure_list, ZICHA, MEASURE_LIST, ZichaPagedList)

/* Every measure (not deleted) by deadline. The first query starts at once. */
ZichaMeasureList *zicha_measure_list_new            (ZichaDb                  *db);
/* Keeps the measures matching @filter (copied; NULL: all) and starts a new query. */
void              zicha_measure_list_set_filter     (ZichaMeasureList         *self,
                                                     const ZichaMeasureFilter *filter);
void              zicha_measure_list_set_order      (ZichaMeasureList         *self,
                                                     ZichaMeasureOrder         order,
                                                     gboolean                  descending);
void              zicha_measure_list_reload         (ZichaMeasureList         *self);
/* Reads measure @measure_id again, if it is in the list, and notifies its row. Returns its
 * position or G_MAXUINT. */
guint             zicha_measure_list_update_measure (ZichaMeasureList         *self,
                                                     gint64                    measure_id);

G_END_DECLS
