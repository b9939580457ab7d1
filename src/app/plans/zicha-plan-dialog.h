/* zicha-plan-dialog.h — the dialog that creates a self-inspection plan or edits its fields
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-plans-page.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_PLAN_DIALOG (zicha_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZichaPlanDialog, zicha_plan_dialog, ZICHA, PLAN_DIALOG, AdwWindow)

/* A dialog over @page's window that creates a plan in the page's database (@plan_id 0) or
 * edits plan @plan_id: title, period, schemes and years covered, lead department,
 * responsible leader and description. */
ZichaPlanDialog *zicha_plan_dialog_new       (ZichaPlansPage  *page,
                                              gint64           plan_id);
/* Saves as the Create/Save button does: on success the page shows the plan and the dialog
 * closes; else the dialog says why and stays. Returns the plan's id, 0 on failure. */
gint64           zicha_plan_dialog_save      (ZichaPlanDialog *self);
/* The entry of a field, for tests: "title", "from", "to", "schemes", "years",
 * "department", "leader"; NULL for another name. */
GtkEditable     *zicha_plan_dialog_get_entry (ZichaPlanDialog *self,
                                              const char      *field);
GtkTextView     *zicha_plan_dialog_get_description (ZichaPlanDialog *self);

G_END_DECLS
