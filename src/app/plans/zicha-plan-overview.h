/* zicha-plan-overview.h — the summary of a self-inspection plan (概况)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_PLAN_OVERVIEW (zicha_plan_overview_get_type ())
G_DECLARE_FINAL_TYPE (ZichaPlanOverview, zicha_plan_overview, ZICHA, PLAN_OVERVIEW, GtkWidget)

/* Shows plan @plan_id of @db (0: nothing), read anew each time it is called: its fields and
 * status, its progress per focus area, its overdue items, its staff and milestones. */
void        zicha_plan_overview_set_plan (ZichaPlanOverview *self,
                                          ZichaDb           *db,
                                          gint64             plan_id);

/* Test hooks: the status drop-down, and the text of the checklist's progress row. */
AdwComboRow *zicha_plan_overview_get_status_row       (ZichaPlanOverview *self);
const char  *zicha_plan_overview_get_progress_text    (ZichaPlanOverview *self);
/* The dialogs of overview.add-staff and overview.add-milestone (shown). */
AdwMessageDialog *zicha_plan_overview_add_staff      (ZichaPlanOverview *self);
AdwMessageDialog *zicha_plan_overview_edit_milestone (ZichaPlanOverview *self,
                                                      gint64             milestone_id);

G_END_DECLS
