/* zicha-checklist-item-dialog.c — a checklist item in full: add or edit it
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of a checklist item (ZichaChecklistChange): its focus area and text — built-in
 * items, in the notice's wording, may be edited too and keep their template key — who checks
 * it (a person of the body or a free name, ZichaPersonRow), by when, its status, its
 * conclusion (符合 / 不符合 / 不适用) and notes. An item of the user's own is added at the end
 * of its focus area. An item edited lists the problems raised from it, raises another
 * (ZichaProblemDialog) and can be deleted. Core's translated messages say what is wrong
 * (a date that is not one, an empty text) in a toast; the dialog stays with what was typed. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-checklist-item-dialog.h"
#include "zicha-plans-ui-private.h"
#include "zicha-problem-dialog.h"

struct _ZichaChecklistItemDialog
{
  AdwWindow            parent_instance;

  ZichaPlansPage      *page;        /* weak */
  ZichaDb             *db;
  gint64               plan_id;
  gint64               item_id;     /* 0 until a new item is added */
  GPtrArray           *problem_rows;
  ZichaPersonRow      *assignee_row;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwComboRow         *area_row;
  GtkTextView         *text_view;
  AdwPreferencesGroup *check_group;
  AdwEntryRow         *due_row;
  AdwComboRow         *status_row;
  AdwComboRow         *conclusion_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *problems_group;
  GtkWidget           *raise_button;
  GtkWidget           *delete_group;
};

G_DEFINE_FINAL_TYPE (ZichaChecklistItemDialog, zicha_checklist_item_dialog, ADW_TYPE_WINDOW)

static void
show_error (ZichaChecklistItemDialog *self,
            const char               *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_text_changed_cb (ZichaChecklistItemDialog *self)
{
  g_autofree char *text = _zicha_plans_ui_text_view_get (self->text_view);

  gtk_widget_set_sensitive (self->save_button, *text != '\0');
}

static void
show_problems (ZichaChecklistItemDialog *self)
{
  ZichaProblemFilter filter = { 0 };
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group,
                                  g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);
  if (self->item_id == 0)
    return;

  filter.checklist_item = self->item_id;
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
                                     _("No problem has been raised from this item"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
}

static void
on_problem_raised_cb (ZichaProblemDialog       *dialog,
                      gint64                    problem_id,
                      ZichaChecklistItemDialog *self)
{
  show_problems (self);
}

static void
on_raise_clicked_cb (ZichaChecklistItemDialog *self)
{
  ZichaProblemDialog *dialog;

  if (self->page == NULL || self->item_id == 0)
    return;
  dialog = zicha_problem_dialog_new_for_checklist (self->page, self->item_id);
  if (dialog == NULL)
    return;
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "raised", G_CALLBACK (on_problem_raised_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_confirmed (gpointer data)
{
  ZichaChecklistItemDialog *self = data;
  g_autofree char *user_name = _zicha_plans_ui_user_name (self->page);
  g_autoptr(GError) error = NULL;

  if (!zicha_checklist_delete (self->db, self->item_id, user_name, &error))
    {
      show_error (self, error->message);
      return;
    }
  _zicha_plans_ui_changed (self->page, ZICHA_CHANGE_PLANS);
  _zicha_plans_ui_toast (self->page, _("Checklist item deleted"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked_cb (ZichaChecklistItemDialog *self)
{
  g_autofree char *text = _zicha_plans_ui_text_view_get (self->text_view);

  if (self->item_id != 0)
    _zicha_plans_ui_confirm (GTK_WIDGET (self), _("Delete Checklist Item?"), text,
                             _("_Delete"), delete_confirmed, g_object_ref (self),
                             g_object_unref);
}

static void
on_save_clicked_cb (ZichaChecklistItemDialog *self)
{
  zicha_checklist_item_dialog_save (self);
}

static gboolean
fill (ZichaChecklistItemDialog *self)
{
  g_autoptr(ZichaChecklistItem) item = NULL;
  g_autoptr(GError) error = NULL;

  item = zicha_checklist_get (self->db, self->item_id, &error);
  if (item == NULL || item->plan != self->plan_id)
    return FALSE;
  adw_combo_row_set_selected (self->area_row, item->area);
  _zicha_plans_ui_text_view_set (self->text_view, item->text);
  zicha_person_row_set_person (self->assignee_row, item->assignee_person_id, item->assignee);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), item->due_on != NULL ? item->due_on : "");
  adw_combo_row_set_selected (self->status_row, item->status);
  adw_combo_row_set_selected (self->conclusion_row, item->conclusion);
  _zicha_plans_ui_text_view_set (self->notes_view, item->notes);
  return TRUE;
}

/* Where a new item of @area goes: after the last item of its area, or after the last of an
 * area before it (the checklist is ordered by area), or first. */
static gint
position_for_area (ZichaChecklistItemDialog *self,
                   ZichaRuleArea             area)
{
  g_autoptr(GPtrArray) items = zicha_checklist_list (self->db, self->plan_id, NULL);
  gint after_area = -1, after_before = -1;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ZichaChecklistItem *item = g_ptr_array_index (items, i);

      if (item->area == area)
        after_area = i + 1;
      else if (item->area < area)
        after_before = i + 1;
    }
  if (after_area >= 0)
    return after_area;
  return after_before >= 0 ? after_before : 0;
}

static void
zicha_checklist_item_dialog_dispose (GObject *object)
{
  ZichaChecklistItemDialog *self = ZICHA_CHECKLIST_ITEM_DIALOG (object);

  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_CHECKLIST_ITEM_DIALOG);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (zicha_checklist_item_dialog_parent_class)->dispose (object);
}

static void
zicha_checklist_item_dialog_class_init (ZichaChecklistItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_checklist_item_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/"
                                               "zicha-checklist-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, check_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog,
                                        conclusion_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog,
                                        problems_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, raise_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistItemDialog, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_raise_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zicha_checklist_item_dialog_init (ZichaChecklistItemDialog *self)
{
  g_autoptr(GtkStringList) areas = _zicha_plans_ui_area_model ();
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) conclusions = _zicha_plans_ui_conclusion_model (TRUE);
  GtkWidget *after[] = { GTK_WIDGET (NULL), NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->problem_rows = g_ptr_array_new ();

  for (ZichaChecklistStatus s = ZICHA_CHECKLIST_TODO; s <= ZICHA_CHECKLIST_DONE; s++)
    gtk_string_list_append (statuses, zicha_checklist_status_get_label (s));
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->conclusion_row, G_LIST_MODEL (conclusions));
  _zicha_plans_ui_add_calendar (self->due_row);

  /* the assignee first in its group: the rows of the template go after it */
  self->assignee_row = ZICHA_PERSON_ROW (zicha_person_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->assignee_row),
                                 _("Assign_ee (name or person ID)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->assignee_row), TRUE);
  after[0] = GTK_WIDGET (self->due_row);
  after[1] = GTK_WIDGET (self->status_row);
  after[2] = GTK_WIDGET (self->conclusion_row);
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      g_object_ref (after[i]);
      adw_preferences_group_remove (self->check_group, after[i]);
    }
  adw_preferences_group_add (self->check_group, GTK_WIDGET (self->assignee_row));
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      adw_preferences_group_add (self->check_group, after[i]);
      g_object_unref (after[i]);
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_text_changed_cb), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

/* Public API ------------------------------------------------------------------------------ */

ZichaChecklistItemDialog *
zicha_checklist_item_dialog_new (ZichaPlansPage *page,
                                 gint64          plan_id,
                                 gint64          item_id)
{
  ZichaChecklistItemDialog *self;
  ZichaDb *db;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (page), NULL);

  db = zicha_plans_page_get_db (page);
  if (db == NULL || zicha_plans_page_get_read_only (page) || plan_id == 0)
    return NULL;

  self = g_object_new (ZICHA_TYPE_CHECKLIST_ITEM_DIALOG,
                       "transient-for", _zicha_plans_ui_window (GTK_WIDGET (page)),
                       NULL);
  g_set_weak_pointer (&self->page, page);
  self->db = g_object_ref (db);
  self->plan_id = plan_id;
  self->item_id = item_id;
  zicha_person_row_set_db (self->assignee_row, db);
  if (item_id != 0)
    {
      if (!fill (self))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      adw_window_title_set_title (self->window_title, _("Checklist Item"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Checklist Item"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), item_id != 0);
  gtk_widget_set_visible (self->delete_group, item_id != 0);
  show_problems (self);
  on_text_changed_cb (self);
  return self;
}

gint64
zicha_checklist_item_dialog_save (ZichaChecklistItemDialog *self)
{
  ZichaChecklistChange change = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *person_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *due = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;
  gboolean added = FALSE;

  g_return_val_if_fail (ZICHA_IS_CHECKLIST_ITEM_DIALOG (self), 0);

  text = _zicha_plans_ui_text_view_get (self->text_view);
  zicha_person_row_get_person (self->assignee_row, &person_id, &name);
  due = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->due_row));
  notes = _zicha_plans_ui_text_view_get (self->notes_view);
  change.area = adw_combo_row_get_selected (self->area_row);
  change.text = text;
  change.assignee_person_id = person_id;
  change.assignee = name;
  change.due_on = due;
  change.status = adw_combo_row_get_selected (self->status_row);
  change.conclusion = adw_combo_row_get_selected (self->conclusion_row);
  change.notes = notes;
  if (change.area > ZICHA_RULE_AREA_CAPABILITY || change.status > ZICHA_CHECKLIST_DONE
      || change.conclusion > ZICHA_CHECK_NOT_APPLICABLE)
    return 0;

  user_name = _zicha_plans_ui_user_name (self->page);
  if (self->item_id == 0)
    {
      self->item_id = zicha_checklist_add (self->db, self->plan_id, change.area, text,
                                           position_for_area (self, change.area), user_name,
                                           &error);
      if (self->item_id == 0)
        {
          show_error (self, error->message);
          return 0;
        }
      added = TRUE;
    }
  if (!zicha_checklist_update (self->db, self->item_id, &change,
                               ZICHA_CHECKLIST_FIELD_AREA | ZICHA_CHECKLIST_FIELD_TEXT
                               | ZICHA_CHECKLIST_FIELD_ASSIGNEE | ZICHA_CHECKLIST_FIELD_DUE_ON
                               | ZICHA_CHECKLIST_FIELD_STATUS
                               | ZICHA_CHECKLIST_FIELD_CONCLUSION | ZICHA_CHECKLIST_FIELD_NOTES,
                               user_name, &error))
    {
      show_error (self, error->message);
      /* a new item is there already: the next Save edits it */
      if (added)
        {
          _zicha_plans_ui_changed (self->page, ZICHA_CHANGE_PLANS);
          adw_window_title_set_title (self->window_title, _("Checklist Item"));
          gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
        }
      return 0;
    }

  _zicha_plans_ui_changed (self->page, ZICHA_CHANGE_PLANS);
  if (added)
    _zicha_plans_ui_toast (self->page, _("Checklist item added"));
  {
    gint64 id = self->item_id;

    gtk_window_destroy (GTK_WINDOW (self));
    return id;
  }
}

AdwComboRow *
zicha_checklist_item_dialog_get_area_row (ZichaChecklistItemDialog *self)
{
  return self->area_row;
}

GtkTextView *
zicha_checklist_item_dialog_get_text_view (ZichaChecklistItemDialog *self)
{
  return self->text_view;
}

ZichaPersonRow *
zicha_checklist_item_dialog_get_assignee_row (ZichaChecklistItemDialog *self)
{
  return self->assignee_row;
}

GtkEditable *
zicha_checklist_item_dialog_get_due_entry (ZichaChecklistItemDialog *self)
{
  return GTK_EDITABLE (self->due_row);
}

AdwComboRow *
zicha_checklist_item_dialog_get_status_row (ZichaChecklistItemDialog *self)
{
  return self->status_row;
}

AdwComboRow *
zicha_checklist_item_dialog_get_conclusion_row (ZichaChecklistItemDialog *self)
{
  return self->conclusion_row;
}

GtkTextView *
zicha_checklist_item_dialog_get_notes_view (ZichaChecklistItemDialog *self)
{
  return self->notes_view;
}
