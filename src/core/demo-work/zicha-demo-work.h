/* zicha-demo-work.h — the self-inspection a demo body comes with, under way
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo body (zicha-demo.h) whose rules have run gets a self-inspection half done, so that a
 * newcomer sees every page at work: a plan in progress (自查方案) with staff and a timetable,
 * its checklist partly checked (conclusions, notes, items in progress and overdue), a sample of
 * certificates drawn by risk and partly reviewed, risk leads confirmed (several into one
 * problem too) and dismissed, and problems of every source and of the states there are now
 * (open, and withdrawn 不成立), with a cause analysis (原因分析) and 举一反三 of both outcomes.
 *
 * Everything goes through core's public calls as users would make them, so the change
 * history is real; the users are people of the body's personnel (its quality staff). The
 * same demo body and @today give the same work: fixed seeds, and choices made in a stable
 * order (rules, keys, positions). Its texts are written in the language of the process now,
 * as the checklist's are. All or nothing: one enclosing transaction (zicha_db_begin_outer ()). */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"

G_BEGIN_DECLS

/* What the work holds, for a front to say so. */
typedef struct
{
  gint64 plan;
  guint  checklist_done;
  guint  checklist_total;
  guint  checklist_overdue;
  gint64 sample;
  guint  sample_size;
  guint  sample_reviewed;
  guint  hits_confirmed;
  guint  hits_dismissed;
  guint  problems;            /* all, withdrawn ones included */
  guint  problems_withdrawn;
} ZichaDemoWorkResult;

/* Fills @db, a demo body whose risk rules have run, with the self-inspection under way as of
 * @today (YYYY-MM-DD: the demo's today, setting "demo-today"; ZICHA_ERROR_USAGE when it is
 * not a date). A database with a plan or a problem already is ZICHA_ERROR_CONFLICT, one
 * whose rules never ran ZICHA_ERROR_USAGE, one without enough people or risk leads for the
 * work ZICHA_ERROR_NOT_FOUND (translated messages); then nothing changes. @out (may be NULL)
 * says what was made. */
gboolean zicha_demo_work_fill (ZichaDb              *db,
                               const char           *today,
                               ZichaDemoWorkResult  *out,
                               GError              **error);

G_END_DECLS
