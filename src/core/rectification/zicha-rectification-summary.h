/* zicha-rectification-summary.h — the figures of the rectification, for the Overview and the
 * report
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Definitions (every count over problems leaves withdrawn ones out, unless it says so; only
 * measures that are not deleted count):
 *  - problems by state: the view problem_states (DOMAIN.md section 5), withdrawn included in
 *    by_state[ZICHA_PROBLEM_WITHDRAWN] but not in problems;
 *  - problems by focus area (and by area and state);
 *  - measures by status, overdue and due soon (zicha-measures.h: overdue when the deadline has
 *    passed and it is neither done nor verified; due soon when neither and the deadline is
 *    today or within ZICHA_MEASURE_DUE_SOON_DAYS days);
 *  - certificates handled: certificates with at least one action of certificate_actions; and
 *    the actions by kind;
 *  - clocks: the regulatory clocks of problem certificates (zicha-certificate-actions.h) that
 *    run, are overdue, are due soon;
 *  - 整改完成率 (completion rate) = problems awaiting close-out or closed out / problems not
 *    withdrawn; 销号率 (close-out rate) = problems closed out / problems not withdrawn; both 0
 *    when there is no problem;
 *  - problems closed out per week: weeks from Monday to Sunday, by the close-out date
 *    (problems.closed_at) of the problems closed out now, from the week of the earliest
 *    found_on or close-out to the week of today (or of the latest close-out, if later); every
 *    week is there, with 0 when none was closed out, and the running total.
 * Each count matches a list filter: the ledger's states, area and closed_from/closed_to (a
 * week), the measure list's due filters, the clock list's due filters. */
#pragma once

#include <gio/gio.h>

#include "zicha-certificate-actions.h"
#include "zicha-db.h"
#include "zicha-measures.h"
#include "zicha-problems.h"

G_BEGIN_DECLS

/* The focus areas in the order of the notice; the index of the by_area counts. */
#define ZICHA_RECTIFICATION_N_AREAS 4
extern const char * const zicha_rectification_areas[ZICHA_RECTIFICATION_N_AREAS];

#define ZICHA_N_PROBLEM_STATES (ZICHA_PROBLEM_WITHDRAWN + 1)

typedef struct
{
  char    week[11];     /* its Monday, YYYY-MM-DD */
  char    week_end[11]; /* its Sunday */
  gint64  closed;       /* problems closed out that week */
  gint64  cumulative;   /* closed out up to the end of that week */
} ZichaWeekCount;

typedef struct
{
  char    today[11];
  gint64  problems;                                    /* not withdrawn */
  gint64  by_state[ZICHA_N_PROBLEM_STATES];            /* by ZichaProblemState */
  gint64  by_area[ZICHA_RECTIFICATION_N_AREAS];        /* not withdrawn */
  gint64  by_area_state[ZICHA_RECTIFICATION_N_AREAS][ZICHA_N_PROBLEM_STATES];
  gint64  measures;
  gint64  measures_by_status[ZICHA_N_MEASURE_STATUSES];
  gint64  measures_overdue;
  gint64  measures_due_soon;
  gint64  org_measures;                                /* addressed to an organization */
  gint64  org_awaiting;                                /* … awaiting its response */
  gint64  certificates_handled;
  gint64  actions_by_kind[ZICHA_N_CERT_ACTIONS];
  gint64  clocks_running;
  gint64  clocks_overdue;
  gint64  clocks_due_soon;
  gint64  evidence_files;                              /* not removed */
  double  completion_rate;                             /* 整改完成率, 0 … 1 */
  double  closeout_rate;                               /* 销号率, 0 … 1 */
  GArray *closed_by_week;                              /* ZichaWeekCount, oldest first */
} ZichaRectificationSummary;

void        zicha_rectification_summary_free   (ZichaRectificationSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaRectificationSummary, zicha_rectification_summary_free)

/* Reads the figures on @db's connection in one read transaction, as of @today (NULL:
 * zicha_rectification_today ()). */
ZichaRectificationSummary *
            zicha_rectification_summary_query  (ZichaDb              *db,
                                                const char           *today,
                                                GError              **error);
/* The same in a worker thread on a connection of its own to the database at @path; a
 * cancelled query ends with G_IO_ERROR_CANCELLED. */
void        zicha_rectification_summary_query_async  (const char           *path,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
ZichaRectificationSummary *
            zicha_rectification_summary_query_finish (GAsyncResult       *result,
                                                      GError            **error);

G_END_DECLS
