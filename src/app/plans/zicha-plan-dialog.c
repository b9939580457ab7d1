/* zicha-plan-dialog.c — the dialog that creates a self-inspection plan or edits its fields
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A form of the fields a user sets of a plan (ZichaPlanFields). Core checks them (an empty
 * title, a date that is not one, a period ending before it starts, a scheme or year that is
 * not one) and its translated message is shown in a toast of the dialog, which stays open
 * with what was typed. A new plan gets the built-in checklist from core. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-plan-dialog.h"
#include "zicha-plans-ui-private.h"

struct _ZichaPlanDialog
{
  AdwWindow        parent_instance;

  ZichaPlansPage  *page;       /* weak */
  ZichaDb         *db;
  gint64           plan_id;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  AdwEntryRow     *title_row;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
  AdwEntryRow     *schemes_row;
  AdwEntryRow     *years_row;
  AdwEntryRow     *department_row;
  AdwEntryRow     *leader_row;
  GtkTextView     *description_view;
};

G_DEFINE_FINAL_TYPE (ZichaPlanDialog, zicha_plan_dialog, ADW_TYPE_WINDOW)

static void
show_error (ZichaPlanDialog *self,
            const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_title_changed_cb (ZichaPlanDialog *self)
{
  g_autofree char *title = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->title_row));

  gtk_widget_set_sensitive (self->save_button, title != NULL);
}

static void
on_save_clicked_cb (ZichaPlanDialog *self)
{
  zicha_plan_dialog_save (self);
}

static void
fill (ZichaPlanDialog *self)
{
  g_autoptr(ZichaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schemes = NULL;
  g_autofree char *years = NULL;

  plan = zicha_plans_get (self->db, self->plan_id, &error);
  if (plan == NULL)
    {
      show_error (self, error->message);
      return;
    }
  schemes = _zicha_plans_ui_join_list ((const char * const *) plan->schemes, " ");
  years = _zicha_plans_ui_join_list ((const char * const *) plan->years, " ");
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), plan->title);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row),
                         plan->period_from != NULL ? plan->period_from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row),
                         plan->period_to != NULL ? plan->period_to : "");
  gtk_editable_set_text (GTK_EDITABLE (self->schemes_row), schemes);
  gtk_editable_set_text (GTK_EDITABLE (self->years_row), years);
  gtk_editable_set_text (GTK_EDITABLE (self->department_row),
                         plan->lead_department != NULL ? plan->lead_department : "");
  gtk_editable_set_text (GTK_EDITABLE (self->leader_row),
                         plan->leader != NULL ? plan->leader : "");
  _zicha_plans_ui_text_view_set (self->description_view, plan->description);
}

static void
zicha_plan_dialog_dispose (GObject *object)
{
  ZichaPlanDialog *self = ZICHA_PLAN_DIALOG (object);

  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_PLAN_DIALOG);

  G_OBJECT_CLASS (zicha_plan_dialog_parent_class)->dispose (object);
}

static void
zicha_plan_dialog_class_init (ZichaPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_plan_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, schemes_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, years_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, leader_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanDialog, description_view);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zicha_plan_dialog_init (ZichaPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _zicha_plans_ui_add_calendar (self->from_row);
  _zicha_plans_ui_add_calendar (self->to_row);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

ZichaPlanDialog *
zicha_plan_dialog_new (ZichaPlansPage *page,
                       gint64          plan_id)
{
  ZichaPlanDialog *self;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (page), NULL);
  g_return_val_if_fail (zicha_plans_page_get_db (page) != NULL, NULL);

  self = g_object_new (ZICHA_TYPE_PLAN_DIALOG,
                       "transient-for", _zicha_plans_ui_window (GTK_WIDGET (page)),
                       NULL);
  g_set_weak_pointer (&self->page, page);
  self->db = g_object_ref (zicha_plans_page_get_db (page));
  self->plan_id = plan_id;
  if (plan_id != 0)
    {
      adw_window_title_set_title (self->window_title, _("Edit Self-Inspection Plan"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      fill (self);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Self-Inspection Plan"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("C_reate"));
    }
  on_title_changed_cb (self);
  return self;
}

gint64
zicha_plan_dialog_save (ZichaPlanDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *department = NULL;
  g_autofree char *leader = NULL;
  g_autofree char *description = NULL;
  g_autofree char *user_name = NULL;
  g_auto(GStrv) schemes = NULL;
  g_auto(GStrv) years = NULL;
  g_autoptr(GError) error = NULL;
  ZichaPlanFields fields = { 0 };
  gint64 id = self->plan_id;

  g_return_val_if_fail (ZICHA_IS_PLAN_DIALOG (self), 0);

  title = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->title_row));
  from = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->from_row));
  to = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->to_row));
  department = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->department_row));
  leader = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->leader_row));
  description = _zicha_plans_ui_text_view_get (self->description_view);
  schemes = _zicha_plans_ui_split_list (gtk_editable_get_text (GTK_EDITABLE (self->schemes_row)),
                                        TRUE);
  years = _zicha_plans_ui_split_list (gtk_editable_get_text (GTK_EDITABLE (self->years_row)),
                                      FALSE);
  fields.title = title;
  fields.period_from = from;
  fields.period_to = to;
  fields.schemes = (const char * const *) schemes;
  fields.years = (const char * const *) years;
  fields.lead_department = department;
  fields.leader = leader;
  fields.description = description;

  user_name = _zicha_plans_ui_user_name (self->page);
  if (id == 0)
    id = zicha_plans_create (self->db, &fields, user_name, &error);
  else if (!zicha_plans_update (self->db, id, &fields, user_name, &error))
    id = 0;
  if (id == 0)
    {
      show_error (self, error->message);
      return 0;
    }

  if (self->page != NULL)
    {
      ZichaPlansPage *page = self->page;

      _zicha_plans_ui_changed (page, ZICHA_CHANGE_PLANS);
      zicha_plans_page_select_plan (page, id);
      _zicha_plans_ui_toast (page, self->plan_id == 0
                                   ? _("Plan created with the checklist of the notice")
                                   : _("Plan saved"));
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return id;
}

GtkEditable *
zicha_plan_dialog_get_entry (ZichaPlanDialog *self,
                             const char      *field)
{
  const struct { const char *name; gsize offset; } fields[] = {
    { "title", G_STRUCT_OFFSET (ZichaPlanDialog, title_row) },
    { "from", G_STRUCT_OFFSET (ZichaPlanDialog, from_row) },
    { "to", G_STRUCT_OFFSET (ZichaPlanDialog, to_row) },
    { "schemes", G_STRUCT_OFFSET (ZichaPlanDialog, schemes_row) },
    { "years", G_STRUCT_OFFSET (ZichaPlanDialog, years_row) },
    { "department", G_STRUCT_OFFSET (ZichaPlanDialog, department_row) },
    { "leader", G_STRUCT_OFFSET (ZichaPlanDialog, leader_row) },
  };

  g_return_val_if_fail (ZICHA_IS_PLAN_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i].name) == 0)
      return GTK_EDITABLE (G_STRUCT_MEMBER (AdwEntryRow *, self, fields[i].offset));
  return NULL;
}

GtkTextView *
zicha_plan_dialog_get_description (ZichaPlanDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_PLAN_DIALOG (self), NULL);
  return self->description_view;
}
