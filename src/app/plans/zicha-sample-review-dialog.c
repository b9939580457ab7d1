/* zicha-sample-review-dialog.c — the review of a sampled certificate
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What zicha_sampling_review_item () sets — who checks the certificate (a person of the body
 * or a free name), the day it was checked, the conclusion (符合 or 不符合; a certificate's
 * file is never "not applicable") and notes — with the certificate it is about and why it
 * was drawn above, and the problems raised from it below, with Raise Problem
 * (ZichaProblemDialog, source sample, the certificate as its record). */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-plans-ui-private.h"
#include "zicha-problem-dialog.h"
#include "zicha-sample-review-dialog.h"

struct _ZichaSampleReviewDialog
{
  AdwWindow            parent_instance;

  ZichaPlansPage      *page;        /* weak */
  ZichaDb             *db;
  gint64               item_id;
  ZichaPersonRow      *assignee_row;
  GPtrArray           *problem_rows;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwActionRow        *cert_row;
  AdwPreferencesGroup *review_group;
  AdwEntryRow         *checked_row;
  AdwComboRow         *conclusion_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *problems_group;
};

G_DEFINE_FINAL_TYPE (ZichaSampleReviewDialog, zicha_sample_review_dialog, ADW_TYPE_WINDOW)

static void
show_problems (ZichaSampleReviewDialog *self)
{
  ZichaProblemFilter filter = { 0 };
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group,
                                  g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  filter.sample_item = self->item_id;
  problems = zicha_problems_query (self->db, &filter, ZICHA_PROBLEM_ORDER_NUMBER, FALSE, NULL);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      ZichaProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *state = gtk_label_new (zicha_problem_state_get_label (problem->state));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->number);
      gtk_widget_add_css_class (state, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
  if (self->problem_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No problem has been raised from this certificate"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
}

static void
on_problem_raised_cb (ZichaProblemDialog      *dialog,
                      gint64                   problem_id,
                      ZichaSampleReviewDialog *self)
{
  show_problems (self);
}

static void
on_raise_clicked_cb (ZichaSampleReviewDialog *self)
{
  ZichaProblemDialog *dialog;

  if (self->page == NULL)
    return;
  dialog = zicha_problem_dialog_new_for_sample (self->page, self->item_id);
  if (dialog == NULL)
    return;
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "raised", G_CALLBACK (on_problem_raised_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_clicked_cb (ZichaSampleReviewDialog *self)
{
  zicha_sample_review_dialog_save (self);
}

static void
zicha_sample_review_dialog_dispose (GObject *object)
{
  ZichaSampleReviewDialog *self = ZICHA_SAMPLE_REVIEW_DIALOG (object);

  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_SAMPLE_REVIEW_DIALOG);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (zicha_sample_review_dialog_parent_class)->dispose (object);
}

static void
zicha_sample_review_dialog_class_init (ZichaSampleReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_sample_review_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/"
                                               "zicha-sample-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleReviewDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleReviewDialog, cert_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleReviewDialog, review_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleReviewDialog, checked_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleReviewDialog, conclusion_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleReviewDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleReviewDialog, problems_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_raise_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zicha_sample_review_dialog_init (ZichaSampleReviewDialog *self)
{
  g_autoptr(GtkStringList) conclusions = _zicha_plans_ui_conclusion_model (FALSE);
  GtkWidget *after[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->problem_rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->conclusion_row, G_LIST_MODEL (conclusions));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->cert_row), FALSE);
  _zicha_plans_ui_add_calendar (self->checked_row);

  /* the reviewer first in its group */
  self->assignee_row = ZICHA_PERSON_ROW (zicha_person_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->assignee_row),
                                 _("Re_viewer (name or person ID)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->assignee_row), TRUE);
  after[0] = GTK_WIDGET (self->checked_row);
  after[1] = GTK_WIDGET (self->conclusion_row);
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      g_object_ref (after[i]);
      adw_preferences_group_remove (self->review_group, after[i]);
    }
  adw_preferences_group_add (self->review_group, GTK_WIDGET (self->assignee_row));
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      adw_preferences_group_add (self->review_group, after[i]);
      g_object_unref (after[i]);
    }
}

ZichaSampleReviewDialog *
zicha_sample_review_dialog_new (ZichaPlansPage *page,
                                gint64          item_id)
{
  g_autoptr(ZichaSampleItem) item = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  ZichaSampleReviewDialog *self;
  ZichaDb *db;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (page), NULL);

  db = zicha_plans_page_get_db (page);
  if (db == NULL || zicha_plans_page_get_read_only (page)
      || (item = zicha_sampling_get_item (db, item_id, NULL)) == NULL)
    return NULL;

  self = g_object_new (ZICHA_TYPE_SAMPLE_REVIEW_DIALOG,
                       "transient-for", _zicha_plans_ui_window (GTK_WIDGET (page)),
                       NULL);
  g_set_weak_pointer (&self->page, page);
  self->db = g_object_ref (db);
  self->item_id = item_id;
  zicha_person_row_set_db (self->assignee_row, db);

  title = g_strdup_printf (_("Certificate %1$s, %2$s"), item->cert_no,
                           item->org_name != NULL ? item->org_name : "");
  /* Translators: a sampled certificate: %1$s its scheme, %2$s why it was drawn */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), item->scheme != NULL ? item->scheme : "",
                              zicha_sample_reason_get_label (item->reason));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cert_row), title);
  adw_action_row_set_subtitle (self->cert_row, subtitle);
  zicha_person_row_set_person (self->assignee_row, item->assignee_person_id, item->assignee);
  gtk_editable_set_text (GTK_EDITABLE (self->checked_row),
                         item->checked_on != NULL ? item->checked_on : "");
  adw_combo_row_set_selected (self->conclusion_row,
                              item->conclusion <= ZICHA_CHECK_NONCONFORMING
                              ? item->conclusion : ZICHA_CHECK_NONE);
  _zicha_plans_ui_text_view_set (self->notes_view, item->notes);
  show_problems (self);
  return self;
}

gboolean
zicha_sample_review_dialog_save (ZichaSampleReviewDialog *self)
{
  ZichaSampleReview review = { 0 };
  g_autofree char *person_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZICHA_IS_SAMPLE_REVIEW_DIALOG (self), FALSE);

  zicha_person_row_get_person (self->assignee_row, &person_id, &name);
  checked = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->checked_row));
  notes = _zicha_plans_ui_text_view_get (self->notes_view);
  review.assignee_person_id = person_id;
  review.assignee = name;
  review.checked_on = checked;
  review.conclusion = adw_combo_row_get_selected (self->conclusion_row);
  review.notes = notes;
  if (review.conclusion > ZICHA_CHECK_NONCONFORMING)
    return FALSE;

  user_name = _zicha_plans_ui_user_name (self->page);
  if (!zicha_sampling_review_item (self->db, self->item_id, &review,
                                   ZICHA_SAMPLE_ITEM_FIELD_ASSIGNEE
                                   | ZICHA_SAMPLE_ITEM_FIELD_CHECKED_ON
                                   | ZICHA_SAMPLE_ITEM_FIELD_CONCLUSION
                                   | ZICHA_SAMPLE_ITEM_FIELD_NOTES, user_name, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return FALSE;
    }
  _zicha_plans_ui_changed (self->page, ZICHA_CHANGE_PLANS);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

ZichaPersonRow *
zicha_sample_review_dialog_get_assignee_row (ZichaSampleReviewDialog *self)
{
  return self->assignee_row;
}

GtkEditable *
zicha_sample_review_dialog_get_checked_entry (ZichaSampleReviewDialog *self)
{
  return GTK_EDITABLE (self->checked_row);
}

AdwComboRow *
zicha_sample_review_dialog_get_conclusion_row (ZichaSampleReviewDialog *self)
{
  return self->conclusion_row;
}

GtkTextView *
zicha_sample_review_dialog_get_notes_view (ZichaSampleReviewDialog *self)
{
  return self->notes_view;
}
