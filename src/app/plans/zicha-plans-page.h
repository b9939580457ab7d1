/* zicha-plans-page.h — the self-inspection plans (自查方案): plans, checklists and samples
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_PLANS_PAGE (zicha_plans_page_get_type ())
G_DECLARE_FINAL_TYPE (ZichaPlansPage, zicha_plans_page, ZICHA, PLANS_PAGE, GtkWidget)

GtkWidget   *zicha_plans_page_new                (void);

ZichaDb     *zicha_plans_page_get_db             (ZichaPlansPage *self);
void         zicha_plans_page_set_db             (ZichaPlansPage *self,
                                                  ZichaDb        *db);
/* TRUE without a database or when it is read-only: the page offers no edits then. */
gboolean     zicha_plans_page_get_read_only      (ZichaPlansPage *self);

/* The plan shown (0: none), and showing another (a plan that is not there: none). */
gint64       zicha_plans_page_get_plan           (ZichaPlansPage *self);
void         zicha_plans_page_select_plan        (ZichaPlansPage *self,
                                                  gint64          plan_id);
/* Shows the part @name of the plan: "overview" (概况), "checklist" (检查表) or "samples"
 * (抽样). */
void         zicha_plans_page_show_part          (ZichaPlansPage *self,
                                                  const char     *name);
const char  *zicha_plans_page_get_part           (ZichaPlansPage *self);

/* The dialogs of the plans.new and plans.edit actions (shown); NULL without a database or
 * a plan to edit. */
GtkWindow   *zicha_plans_page_new_plan           (ZichaPlansPage *self);
GtkWindow   *zicha_plans_page_edit_plan          (ZichaPlansPage *self);
/* The confirmation of plans.delete (shown), for the plan shown. */
AdwMessageDialog *
             zicha_plans_page_ask_delete_plan    (ZichaPlansPage *self);

/* A toast with @title over the page; returned (owned by the page) to add a button. */
AdwToast    *zicha_plans_page_show_toast         (ZichaPlansPage *self,
                                                  const char     *title);

G_END_DECLS
