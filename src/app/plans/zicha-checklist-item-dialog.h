/* zicha-checklist-item-dialog.h — a checklist item in full: add or edit it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-plans-page.h"
#include "zicha-person-row.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_CHECKLIST_ITEM_DIALOG (zicha_checklist_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZichaChecklistItemDialog, zicha_checklist_item_dialog, ZICHA,
                      CHECKLIST_ITEM_DIALOG, AdwWindow)

/* A dialog over @page's window that edits item @item_id of plan @plan_id, or (@item_id 0)
 * adds the user's own item to it: its focus area, text, assignee, due date, status,
 * conclusion and notes; an item edited also lists the problems raised from it, raises one
 * and deletes it. NULL when the database is read-only or there is no such item. */
ZichaChecklistItemDialog *
            zicha_checklist_item_dialog_new      (ZichaPlansPage           *page,
                                                  gint64                    plan_id,
                                                  gint64                    item_id);
/* Saves as the Add/Save button does; the item's id, 0 when core refused (the dialog says
 * why and stays). */
gint64      zicha_checklist_item_dialog_save     (ZichaChecklistItemDialog *self);

/* Test hooks. */
AdwComboRow    *zicha_checklist_item_dialog_get_area_row       (ZichaChecklistItemDialog *self);
GtkTextView    *zicha_checklist_item_dialog_get_text_view      (ZichaChecklistItemDialog *self);
ZichaPersonRow *zicha_checklist_item_dialog_get_assignee_row   (ZichaChecklistItemDialog *self);
GtkEditable    *zicha_checklist_item_dialog_get_due_entry      (ZichaChecklistItemDialog *self);
AdwComboRow    *zicha_checklist_item_dialog_get_status_row     (ZichaChecklistItemDialog *self);
AdwComboRow    *zicha_checklist_item_dialog_get_conclusion_row (ZichaChecklistItemDialog *self);
GtkTextView    *zicha_checklist_item_dialog_get_notes_view     (ZichaChecklistItemDialog *self);

G_END_DECLS
