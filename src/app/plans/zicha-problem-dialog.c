/* zicha-problem-dialog.c — raising a problem from a checklist item or a sampled certificate
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Problems come from the checklist and from the review of sampled certificates as well as
 * from risk leads (DOMAIN.md section 5). This dialog asks for the title, severity, focus area
 * and description and calls zicha_problems_create () with the source and the item: a
 * checklist item gives its area and its text as the clause; a sampled certificate becomes the
 * problem's record. Core numbers the problem (ZC-YYYY-NNN) and writes the history; the page
 * then says the number in a toast whose button opens it in the problem list. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-problem-dialog.h"
#include "zicha-plans-ui-private.h"

struct _ZichaProblemDialog
{
  AdwWindow           parent_instance;

  ZichaPlansPage     *page;        /* weak */
  ZichaDb            *db;
  ZichaProblemSource  source;
  gint64              item_id;
  char               *clause;
  char               *cert_no;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwActionRow       *source_row;
  AdwEntryRow        *title_row;
  AdwComboRow        *severity_row;
  AdwComboRow        *area_row;
  GtkTextView        *description_view;
  GtkWidget          *raise_button;
};

G_DEFINE_FINAL_TYPE (ZichaProblemDialog, zicha_problem_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RAISED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_title_changed_cb (ZichaProblemDialog *self)
{
  g_autofree char *title = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->title_row));

  gtk_widget_set_sensitive (self->raise_button, title != NULL);
}

static void
on_raise_clicked_cb (ZichaProblemDialog *self)
{
  zicha_problem_dialog_raise (self);
}

static void
zicha_problem_dialog_dispose (GObject *object)
{
  ZichaProblemDialog *self = ZICHA_PROBLEM_DIALOG (object);

  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_PROBLEM_DIALOG);

  G_OBJECT_CLASS (zicha_problem_dialog_parent_class)->dispose (object);
}

static void
zicha_problem_dialog_finalize (GObject *object)
{
  ZichaProblemDialog *self = ZICHA_PROBLEM_DIALOG (object);

  g_free (self->clause);
  g_free (self->cert_no);

  G_OBJECT_CLASS (zicha_problem_dialog_parent_class)->finalize (object);
}

static void
zicha_problem_dialog_class_init (ZichaProblemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_problem_dialog_dispose;
  object_class->finalize = zicha_problem_dialog_finalize;

  /* A problem was raised: its id. */
  signals[SIGNAL_RAISED] = g_signal_new ("raised", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-problem-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaProblemDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZichaProblemDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaProblemDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaProblemDialog, severity_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaProblemDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaProblemDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, ZichaProblemDialog, raise_button);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_raise_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zicha_problem_dialog_init (ZichaProblemDialog *self)
{
  g_autoptr(GtkStringList) areas = _zicha_plans_ui_area_model ();
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (ZichaRuleSeverity s = ZICHA_RULE_SEVERITY_HIGH; s <= ZICHA_RULE_SEVERITY_LOW; s++)
    gtk_string_list_append (severities, zicha_rule_severity_get_label (s));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));
  adw_combo_row_set_selected (self->severity_row, ZICHA_RULE_SEVERITY_MEDIUM);
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->source_row), FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->raise_button);
  on_title_changed_cb (self);
}

static ZichaProblemDialog *
dialog_new (ZichaPlansPage     *page,
            ZichaProblemSource  source,
            gint64              item_id)
{
  ZichaProblemDialog *self;

  if (zicha_plans_page_get_read_only (page))
    return NULL;
  self = g_object_new (ZICHA_TYPE_PROBLEM_DIALOG,
                       "transient-for", _zicha_plans_ui_window (GTK_WIDGET (page)),
                       NULL);
  g_set_weak_pointer (&self->page, page);
  self->db = g_object_ref (zicha_plans_page_get_db (page));
  self->source = source;
  self->item_id = item_id;
  return self;
}

/* Public API ------------------------------------------------------------------------------ */

ZichaProblemDialog *
zicha_problem_dialog_new_for_checklist (ZichaPlansPage *page,
                                        gint64          item_id)
{
  g_autoptr(ZichaChecklistItem) item = NULL;
  ZichaProblemDialog *self;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (page), NULL);

  if (zicha_plans_page_get_db (page) == NULL
      || (item = zicha_checklist_get (zicha_plans_page_get_db (page), item_id, NULL)) == NULL
      || (self = dialog_new (page, ZICHA_PROBLEM_SOURCE_CHECKLIST, item_id)) == NULL)
    return NULL;
  self->clause = g_strdup (item->text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), item->text);
  /* Translators: where a problem was found: a checklist item of a focus area */
  adw_action_row_set_subtitle (self->source_row, zicha_rule_area_get_label (item->area));
  adw_combo_row_set_selected (self->area_row, item->area);
  _zicha_plans_ui_text_view_set (self->description_view, item->notes);
  return self;
}

ZichaProblemDialog *
zicha_problem_dialog_new_for_sample (ZichaPlansPage *page,
                                     gint64          item_id)
{
  g_autoptr(ZichaSampleItem) item = NULL;
  g_autofree char *title = NULL;
  ZichaProblemDialog *self;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (page), NULL);

  if (zicha_plans_page_get_db (page) == NULL
      || (item = zicha_sampling_get_item (zicha_plans_page_get_db (page), item_id, NULL)) == NULL
      || (self = dialog_new (page, ZICHA_PROBLEM_SOURCE_SAMPLE, item_id)) == NULL)
    return NULL;
  self->cert_no = g_strdup (item->cert_no);
  /* Translators: a sampled certificate: %1$s its number, %2$s the certified organization */
  title = g_strdup_printf (_("Certificate %1$s, %2$s"), item->cert_no,
                           item->org_name != NULL ? item->org_name : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), title);
  adw_action_row_set_subtitle (self->source_row, _("Review of a sampled certificate"));
  _zicha_plans_ui_text_view_set (self->description_view, item->notes);
  return self;
}

gint64
zicha_problem_dialog_raise (ZichaProblemDialog *self)
{
  ZichaProblemDraft draft = { 0 };
  ZichaProblemRecord record = { (char *) "certificates", NULL, 0 };
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;
  ZichaRuleSeverity severity = adw_combo_row_get_selected (self->severity_row);
  ZichaRuleArea area = adw_combo_row_get_selected (self->area_row);
  gint64 id = 0;

  g_return_val_if_fail (ZICHA_IS_PROBLEM_DIALOG (self), 0);

  title = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->title_row));
  description = _zicha_plans_ui_text_view_get (self->description_view);
  user_name = _zicha_plans_ui_user_name (self->page);
  draft.area = zicha_rule_area_to_string (area);
  draft.severity = zicha_rule_severity_to_string (severity);
  draft.title = title;
  draft.description = description;
  draft.source = self->source;
  draft.found_by = user_name;
  if (self->source == ZICHA_PROBLEM_SOURCE_CHECKLIST)
    {
      draft.checklist_item = self->item_id;
      draft.clause = self->clause;
    }
  else
    {
      draft.sample_item = self->item_id;
      record.record_key = self->cert_no;
    }
  if (!zicha_problems_create (self->db, &draft, record.record_key != NULL ? &record : NULL,
                              record.record_key != NULL ? 1 : 0, user_name, &id, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return 0;
    }

  if (self->page != NULL)
    {
      g_autoptr(ZichaProblem) problem = zicha_problems_get (self->db, id, NULL);
      g_autofree char *text = NULL;
      AdwToast *toast;

      _zicha_plans_ui_changed (self->page, ZICHA_CHANGE_PROBLEMS | ZICHA_CHANGE_PLANS);
      /* Translators: %s is the number of the problem raised (ZC-2026-001) */
      text = g_strdup_printf (_("Problem %s is in the problem list"),
                              problem != NULL ? problem->number : "");
      toast = _zicha_plans_ui_toast (self->page, text);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
      adw_toast_set_action_name (toast, "win.show-problem");
    }
  g_signal_emit (self, signals[SIGNAL_RAISED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return id;
}

GtkEditable *
zicha_problem_dialog_get_title_entry (ZichaProblemDialog *self)
{
  return GTK_EDITABLE (self->title_row);
}

AdwComboRow *
zicha_problem_dialog_get_severity_row (ZichaProblemDialog *self)
{
  return self->severity_row;
}

AdwComboRow *
zicha_problem_dialog_get_area_row (ZichaProblemDialog *self)
{
  return self->area_row;
}

GtkTextView *
zicha_problem_dialog_get_description (ZichaProblemDialog *self)
{
  return self->description_view;
}
