/* zicha-hit-list.h — the hits of the risk rules (风险线索) as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaHitList is a GListModel of ZichaHitRow. A worker thread with its own connection finds
 * the ids of the hits that match the filter, in the order asked for (both done by SQLite);
 * hits are read when asked for, ZICHA_HIT_LIST_PAGE_SIZE at a time, and only a few such pages
 * are kept. A million hits cost 4 bytes a hit in memory (their ids). */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-paged-list.h"
#include "zicha-hit-row.h"
#include "zicha-hits.h"
#include "zicha-rules.h"

G_BEGIN_DECLS

#define ZICHA_HIT_LIST_PAGE_SIZE 128

#define ZICHA_TYPE_HIT_LIST (zicha_hit_list_get_type ())
G_DECLARE_FINAL_TYPE (ZichaHitList, zicha_hit_list, ZICHA, HIT_LIST, ZichaPagedList)

/* A list of all hits in the default order. The first query starts at once; the list is
 * empty until it is done (see the "loading" property). */
ZichaHitList    *zicha_hit_list_new           (ZichaDb              *db);

/* Keeps the hits matching @filter (copied; NULL: all). Starts a new query; a query still
 * running is cancelled. */
void             zicha_hit_list_set_filter    (ZichaHitList         *self,
                                               const ZichaHitFilter *filter);
void             zicha_hit_list_set_order     (ZichaHitList         *self,
                                               ZichaHitOrder         order,
                                               gboolean              descending);
/* Runs the query again, e.g. after a run of the rules. */
void             zicha_hit_list_reload        (ZichaHitList         *self);
/* Reads hit @hit_id again, if it is in the list, and notifies its row; it stays at its
 * place even when it no longer matches the filter. Returns its position or G_MAXUINT. */
guint            zicha_hit_list_update_hit    (ZichaHitList         *self,
                                               gint64                hit_id);


/* Counts of the hits of one rule by status. */
typedef struct
{
  const ZichaRule *rule;      /* NULL for hits of a rule no longer in the catalogue */
  char            *rule_id;
  char            *area;
  guint            by_status[ZICHA_HIT_RESOLVED + 1];   /* indexed by ZichaHitStatus */
} ZichaHitRuleCount;

void             zicha_hit_rule_count_free    (ZichaHitRuleCount    *count);

/* One ZichaHitRuleCount per rule of the catalogue (in catalogue order, zeros included), then
 * one per unknown rule id that has hits. */
GPtrArray       *zicha_hits_count_by_rule     (ZichaDb              *db,
                                               GError              **error);

/* The last finished run of the rules: TRUE and its as-of date and finish time (both may be
 * NULL), FALSE when the rules never ran to the end. */
gboolean         zicha_hits_get_last_run      (ZichaDb              *db,
                                               char                **out_as_of,
                                               char                **out_finished_at,
                                               GError              **error);

G_END_DECLS
