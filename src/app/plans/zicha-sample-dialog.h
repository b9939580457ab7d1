/* zicha-sample-dialog.h — drawing a sample of certificates for a plan (抽样)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-plans-page.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_SAMPLE_DIALOG (zicha_sample_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZichaSampleDialog, zicha_sample_dialog, ZICHA, SAMPLE_DIALOG, AdwWindow)

/* A dialog over @page's window that draws a sample for plan @plan_id: purpose, method, key
 * items, the frame (valid on today, the plan's schemes), stratification, the size (proposed:
 * the square root of the frame, rounded up) and sizes per stratum, the seed (a new random
 * one). NULL when the database is read-only. */
ZichaSampleDialog *zicha_sample_dialog_new        (ZichaPlansPage    *page,
                                                   gint64             plan_id);
/* Draws as the Draw button does, in a worker thread; FALSE when it cannot start (nothing in
 * the frame, a seed that is not a number, a draw going on). When it is over the page shows
 * the sample and the dialog closes, or says why it failed and stays. */
gboolean           zicha_sample_dialog_draw       (ZichaSampleDialog *self);
/* TRUE while the frame is counted or a sample is drawn. */
gboolean           zicha_sample_dialog_get_busy   (ZichaSampleDialog *self);
/* The frame's size as last counted, and the number of certificates the draw would take. */
guint              zicha_sample_dialog_get_frame_size (ZichaSampleDialog *self);
guint              zicha_sample_dialog_get_to_draw    (ZichaSampleDialog *self);

/* Test hooks. */
GtkEditable       *zicha_sample_dialog_get_entry  (ZichaSampleDialog *self,
                                                   const char        *field);
GtkSpinButton     *zicha_sample_dialog_get_size   (ZichaSampleDialog *self);
AdwComboRow       *zicha_sample_dialog_get_combo  (ZichaSampleDialog *self,
                                                   const char        *field);
GtkSwitch         *zicha_sample_dialog_get_key_switch (ZichaSampleDialog *self);

G_END_DECLS
