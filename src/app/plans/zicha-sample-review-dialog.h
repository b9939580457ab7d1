/* zicha-sample-review-dialog.h — the review of a sampled certificate
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-person-row.h"
#include "zicha-plans-page.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_SAMPLE_REVIEW_DIALOG (zicha_sample_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZichaSampleReviewDialog, zicha_sample_review_dialog, ZICHA,
                      SAMPLE_REVIEW_DIALOG, AdwWindow)

/* A dialog over @page's window that reviews sample item @item_id: who checks it, when, the
 * conclusion (符合 / 不符合) and notes, and the problems raised from it (it raises one too).
 * NULL when the database is read-only or there is no such item. */
ZichaSampleReviewDialog *
            zicha_sample_review_dialog_new   (ZichaPlansPage          *page,
                                              gint64                   item_id);
/* Saves as the Save button does (the dialog closes); FALSE when core refused (the dialog
 * says why and stays). */
gboolean    zicha_sample_review_dialog_save  (ZichaSampleReviewDialog *self);

/* Test hooks. */
ZichaPersonRow *zicha_sample_review_dialog_get_assignee_row   (ZichaSampleReviewDialog *self);
GtkEditable    *zicha_sample_review_dialog_get_checked_entry  (ZichaSampleReviewDialog *self);
AdwComboRow    *zicha_sample_review_dialog_get_conclusion_row (ZichaSampleReviewDialog *self);
GtkTextView    *zicha_sample_review_dialog_get_notes_view     (ZichaSampleReviewDialog *self);

G_END_DECLS
