/* zicha-checklist-view.h — the checklist of a self-inspection plan (检查表)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_CHECKLIST_VIEW (zicha_checklist_view_get_type ())
G_DECLARE_FINAL_TYPE (ZichaChecklistView, zicha_checklist_view, ZICHA, CHECKLIST_VIEW, GtkWidget)

/* Shows the checklist of plan @plan_id of @db (0: nothing), read anew each time it is called;
 * rows stay where they are when the items are the same, so focus and scrolling stay. */
void        zicha_checklist_view_set_plan     (ZichaChecklistView *self,
                                               ZichaDb            *db,
                                               gint64              plan_id);

/* Moves item @item_id by @delta places (-1: up), as Alt+Up / Alt+Down and the row menu do;
 * FALSE when it cannot move (the first item up, the last down) or core refuses. */
gboolean    zicha_checklist_view_move_item    (ZichaChecklistView *self,
                                               gint64              item_id,
                                               gint                delta);
/* Marks item @item_id done (or not), as its check button does. */
gboolean    zicha_checklist_view_set_done     (ZichaChecklistView *self,
                                               gint64              item_id,
                                               gboolean            done);

/* Test hooks: the row of an item (NULL when it is not shown), its check button, the text
 * of the progress label ("已完成 5/14 项"). */
GtkListBoxRow  *zicha_checklist_view_get_row        (ZichaChecklistView *self,
                                                     gint64              item_id);
GtkCheckButton *zicha_checklist_view_get_check      (ZichaChecklistView *self,
                                                     gint64              item_id);
const char     *zicha_checklist_view_get_progress_text (ZichaChecklistView *self);

G_END_DECLS
