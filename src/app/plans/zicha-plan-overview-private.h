/* zicha-plan-overview-private.h — what the files of the plan summary share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaPlanOverview is one widget over two files: the fields, the status, the progress and
 * the overdue items (zicha-plan-overview.c), the staff and the milestones with their dialogs
 * (zicha-plan-overview-team.c). */
#pragma once

#include "zicha-plan-overview.h"
#include "zicha-plans-ui-private.h"

G_BEGIN_DECLS

struct _ZichaPlanOverview
{
  GtkWidget             parent_instance;

  ZichaDb              *db;
  gint64                plan_id;
  gboolean              syncing;
  GPtrArray            *area_rows;       /* AdwActionRow, one per focus area */
  GPtrArray            *overdue_rows;    /* rows added to overdue_group */
  GPtrArray            *staff_rows;
  GPtrArray            *milestone_rows;

  /* Template widgets */
  GtkWidget            *scrolled;
  AdwPreferencesGroup  *plan_group;
  AdwComboRow          *status_row;
  AdwActionRow         *period_row;
  AdwActionRow         *schemes_row;
  AdwActionRow         *years_row;
  AdwActionRow         *department_row;
  AdwActionRow         *leader_row;
  AdwActionRow         *description_row;
  AdwActionRow         *created_row;
  AdwPreferencesGroup  *progress_group;
  AdwActionRow         *checklist_row;
  AdwActionRow         *milestones_progress_row;
  AdwPreferencesGroup  *overdue_group;
  AdwPreferencesGroup  *staff_group;
  AdwPreferencesGroup  *milestones_group;
};

/* The page's user name, toasts and "something changed", for the overview's edits. */
ZichaPlansPage *_zicha_plan_overview_get_page      (ZichaPlanOverview      *self);
gboolean        _zicha_plan_overview_writable      (ZichaPlanOverview      *self);

/* zicha-plan-overview-team.c */
void            _zicha_plan_overview_class_team_init (ZichaPlanOverviewClass *klass);
/* Shows the staff and the milestones of the plan anew. */
void            _zicha_plan_overview_show_team     (ZichaPlanOverview      *self);
/* Removes the rows of the staff and milestones. */
void            _zicha_plan_overview_clear_team    (ZichaPlanOverview      *self);

/* Removes the rows of @rows from @group. */
void            _zicha_plan_overview_clear_rows    (AdwPreferencesGroup    *group,
                                                    GPtrArray              *rows);

G_END_DECLS
