/* zicha-problem-dialog.h — raising a problem from a checklist item or a sampled certificate
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-plans-page.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_PROBLEM_DIALOG (zicha_problem_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZichaProblemDialog, zicha_problem_dialog, ZICHA, PROBLEM_DIALOG, AdwWindow)

/* A dialog over @page's window that raises a problem (source checklist) from checklist item
 * @item_id: its focus area and clause (the item's text) come from the item. NULL when the
 * database is read-only or there is no such item. */
ZichaProblemDialog *zicha_problem_dialog_new_for_checklist (ZichaPlansPage     *page,
                                                            gint64              item_id);
/* The same (source sample) from the review of sample item @item_id; the certificate is the
 * problem's record. */
ZichaProblemDialog *zicha_problem_dialog_new_for_sample    (ZichaPlansPage     *page,
                                                            gint64              item_id);

/* Raises it as the Raise button does (the dialog closes; "raised" is emitted with the new
 * problem's id, and the page says its number); 0 when core refused (the dialog says why). */
gint64              zicha_problem_dialog_raise             (ZichaProblemDialog *self);

/* Test hooks. */
GtkEditable        *zicha_problem_dialog_get_title_entry   (ZichaProblemDialog *self);
AdwComboRow        *zicha_problem_dialog_get_severity_row  (ZichaProblemDialog *self);
AdwComboRow        *zicha_problem_dialog_get_area_row      (ZichaProblemDialog *self);
GtkTextView        *zicha_problem_dialog_get_description   (ZichaProblemDialog *self);

G_END_DECLS
