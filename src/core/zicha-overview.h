/* zicha-overview.h — how far the self-inspection has come (概览): counts from the database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-hits.h"
#include "zicha-rules.h"

G_BEGIN_DECLS

#define ZICHA_OVERVIEW_N_AREAS (ZICHA_RULE_AREA_CAPABILITY + 1)

/* What the Overview page shows, read in one read transaction. Times are as stored,
 * 'YYYY-MM-DD HH:MM:SS' local time; dates 'YYYY-MM-DD'. */
typedef struct
{
  /* Records (数据) */
  char   *body_name;                  /* NULL before the body is imported */
  char   *body_approval_no;
  gint64  certificates;
  gint64  certificates_valid;
  gint64  certificates_suspended;
  gint64  organizations;
  gint64  personnel;
  gint64  audits;

  /* The last import; import_id is 0 when there was none. */
  gint64  import_id;
  char   *import_finished_at;
  char   *import_user;                /* may be NULL */
  char   *import_folder;
  gint64  import_rows;                /* rows read from its files */
  gint64  import_inserted;
  gint64  import_updated;

  /* The last run of the rules that finished; run_id is 0 when there was none. */
  gint64  run_id;
  char   *run_finished_at;
  char   *run_as_of;
  gint64  run_hits;                   /* hits that run found */

  /* Risk leads (风险线索) by status, and the open ones by focus area. */
  gint64  hits;
  gint64  hits_by_status[ZICHA_HIT_RESOLVED + 1];          /* by ZichaHitStatus */
  gint64  open_by_area[ZICHA_OVERVIEW_N_AREAS];            /* by ZichaRuleArea */

  /* Problems (问题) that are not withdrawn, by their state (the view problem_states,
   * DOMAIN.md §5): open while none of their measures has started, closed when they have
   * measures and all are verified (awaiting close-out or closed out), in rectification
   * otherwise. */
  gint64  problems;
  gint64  problems_from_hits;         /* made by confirming a risk lead */
  gint64  problems_open;
  gint64  problems_in_rectification;
  gint64  problems_closed;
} ZichaOverview;

void           zicha_overview_free         (ZichaOverview        *overview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaOverview, zicha_overview_free)

/* Reads the overview on @db's connection. */
ZichaOverview *zicha_overview_query        (ZichaDb              *db,
                                            GError              **error);

/* The same in a worker thread on a connection of its own to the database at @path; a
 * cancelled query ends with G_IO_ERROR_CANCELLED. */
void           zicha_overview_query_async  (const char           *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
ZichaOverview *zicha_overview_query_finish (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
