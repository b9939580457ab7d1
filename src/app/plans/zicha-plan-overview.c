/* zicha-plan-overview.c — the summary of a self-inspection plan (概况)
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's fields (edited in ZichaPlanDialog through plans.edit) and its status, set here
 * at once; its progress: checklist items done of all, per focus area (the labels the risk
 * leads page shows), milestones done; the checklist items overdue as of today (the demo's
 * day on a demo body), each opening its item; then its staff and milestones
 * (zicha-plan-overview-team.c). Everything is read anew by zicha_plan_overview_set_plan (),
 * which the page calls whenever something changed. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-checklist-item-dialog.h"
#include "zicha-plan-overview-private.h"

G_DEFINE_FINAL_TYPE (ZichaPlanOverview, zicha_plan_overview, GTK_TYPE_WIDGET)

ZichaPlansPage *
_zicha_plan_overview_get_page (ZichaPlanOverview *self)
{
  return _zicha_plans_ui_get_page (GTK_WIDGET (self));
}

gboolean
_zicha_plan_overview_writable (ZichaPlanOverview *self)
{
  return self->db != NULL && self->plan_id != 0 && !zicha_db_get_read_only (self->db);
}

void
_zicha_plan_overview_clear_rows (AdwPreferencesGroup *group,
                                 GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gboolean shown = value != NULL && *value != '\0';

  adw_action_row_set_subtitle (row, shown ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), shown);
}

/* A progress bar and "done/total" at the end of @row (made once, then updated). */
static void
set_progress (AdwActionRow *row,
              guint         done,
              guint         total)
{
  GtkWidget *bar = g_object_get_data (G_OBJECT (row), "zicha-bar");
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "zicha-count");
  g_autofree char *count = NULL;

  if (bar == NULL)
    {
      bar = gtk_progress_bar_new ();
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 160, -1);
      label = gtk_label_new (NULL);
      gtk_label_set_width_chars (GTK_LABEL (label), 7);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (row, bar);
      adw_action_row_add_suffix (row, label);
      g_object_set_data (G_OBJECT (row), "zicha-bar", bar);
      g_object_set_data (G_OBJECT (row), "zicha-count", label);
    }
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), total > 0 ? (double) done / total : 0);
  count = g_strdup_printf (_("%1$u/%2$u"), done, total);
  gtk_label_set_text (GTK_LABEL (label), count);
}

static void
show_fields (ZichaPlanOverview *self,
             const ZichaPlan   *plan)
{
  g_autofree char *period = NULL;
  g_autofree char *schemes = NULL;
  g_autofree char *years = NULL;
  g_autofree char *created = NULL;
  g_autofree char *time = NULL;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->status_row, plan->status);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), _zicha_plan_overview_writable (self));

  if (plan->period_from != NULL || plan->period_to != NULL)
    period = g_strdup_printf (_("%1$s to %2$s"),
                              plan->period_from != NULL ? plan->period_from : "…",
                              plan->period_to != NULL ? plan->period_to : "…");
  set_row (self->period_row, period);
  schemes = _zicha_plans_ui_join_list ((const char * const *) plan->schemes, _(", "));
  set_row (self->schemes_row, *schemes != '\0' ? schemes : _("All schemes"));
  years = _zicha_plans_ui_join_list ((const char * const *) plan->years, _(", "));
  set_row (self->years_row, *years != '\0' ? years : _("All years"));
  set_row (self->department_row, plan->lead_department);
  set_row (self->leader_row, plan->leader);
  set_row (self->description_row, plan->description);
  time = _zicha_app_format_time (plan->created_at);
  /* Translators: who made a plan and when: %1$s a user name, %2$s a date and time */
  created = g_strdup_printf (_("%1$s, %2$s"), plan->created_by != NULL ? plan->created_by : "",
                             time);
  set_row (self->created_row, created);
}

static void
on_overdue_activated_cb (AdwActionRow      *row,
                         ZichaPlanOverview *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "zicha-item");
  ZichaPlansPage *page = _zicha_plan_overview_get_page (self);
  ZichaChecklistItemDialog *dialog;

  if (page == NULL || id == NULL)
    return;
  dialog = zicha_checklist_item_dialog_new (page, self->plan_id, *id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_progress (ZichaPlanOverview *self,
               const char        *today)
{
  ZichaPlanProgress progress = { 0 };
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!zicha_plans_get_progress (self->db, self->plan_id, today, &progress, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  /* Translators: the progress of a checklist: %1$u items done of %2$u */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u item done",
                                       "%1$u of %2$u items done", progress.total),
                          progress.done, progress.total);
  adw_action_row_set_subtitle (self->checklist_row, text);
  set_progress (self->checklist_row, progress.done, progress.total);
  for (guint a = 0; a < ZICHA_PLAN_N_AREAS; a++)
    set_progress (g_ptr_array_index (self->area_rows, a), progress.area_done[a],
                  progress.area_total[a]);
  g_clear_pointer (&text, g_free);
  if (progress.milestones_overdue > 0)
    /* Translators: milestones done of all, and how many are overdue */
    text = g_strdup_printf (_("%1$u of %2$u done, %3$u overdue"),
                            progress.milestones_done, progress.milestones_total,
                            progress.milestones_overdue);
  else
    /* Translators: milestones done of all */
    text = g_strdup_printf (_("%1$u of %2$u done"), progress.milestones_done,
                            progress.milestones_total);
  adw_action_row_set_subtitle (self->milestones_progress_row, text);
  set_progress (self->milestones_progress_row, progress.milestones_done,
                progress.milestones_total);

  _zicha_plan_overview_clear_rows (self->overdue_group, self->overdue_rows);
  overdue = zicha_checklist_list_overdue (self->db, self->plan_id, today, &error);
  for (guint i = 0; overdue != NULL && i < overdue->len; i++)
    {
      ZichaChecklistItem *item = g_ptr_array_index (overdue, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *days = gtk_label_new (NULL);
      g_autofree char *subtitle = NULL;
      g_autofree char *late = NULL;
      gint n = zicha_day_from_string (today) - zicha_day_from_string (item->due_on);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      if (item->assignee != NULL)
        /* Translators: an overdue item: %1$s its due date, %2$s who is to check it */
        subtitle = g_strdup_printf (_("Due %1$s · %2$s"), item->due_on, item->assignee);
      else
        /* Translators: an overdue item: %s its due date */
        subtitle = g_strdup_printf (_("Due %s"), item->due_on);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* Translators: how late an item is */
      late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                           "%d days overdue", n), n);
      gtk_label_set_text (GTK_LABEL (days), late);
      gtk_widget_add_css_class (days, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), days);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "zicha-item",
                              g_memdup2 (&item->id, sizeof item->id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_overdue_activated_cb), self);
      adw_preferences_group_add (self->overdue_group, row);
      g_ptr_array_add (self->overdue_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_group), self->overdue_rows->len > 0);
}

static void
on_status_selected_cb (ZichaPlanOverview *self)
{
  ZichaPlanStatus status = adw_combo_row_get_selected (self->status_row);
  ZichaPlansPage *page = _zicha_plan_overview_get_page (self);
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing || !_zicha_plan_overview_writable (self) || status > ZICHA_PLAN_DONE)
    return;
  user_name = _zicha_plans_ui_user_name (page);
  if (!zicha_plans_set_status (self->db, self->plan_id, status, user_name, &error))
    {
      _zicha_plans_ui_toast (page, error->message);
      return;
    }
  _zicha_plans_ui_changed (page, ZICHA_CHANGE_PLANS);
}

static void
zicha_plan_overview_dispose (GObject *object)
{
  ZichaPlanOverview *self = ZICHA_PLAN_OVERVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_PLAN_OVERVIEW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  g_clear_pointer (&self->overdue_rows, g_ptr_array_unref);
  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);
  g_clear_pointer (&self->milestone_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (zicha_plan_overview_parent_class)->dispose (object);
}

static void
zicha_plan_overview_class_init (ZichaPlanOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_plan_overview_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-plan-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, plan_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, status_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, period_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, schemes_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, years_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, department_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, leader_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, description_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, created_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, progress_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, checklist_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview,
                                        milestones_progress_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, staff_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlanOverview, milestones_group);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);

  _zicha_plan_overview_class_team_init (klass);
}

static void
zicha_plan_overview_init (ZichaPlanOverview *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_rows = g_ptr_array_new ();
  self->overdue_rows = g_ptr_array_new ();
  self->staff_rows = g_ptr_array_new ();
  self->milestone_rows = g_ptr_array_new ();

  for (ZichaPlanStatus s = ZICHA_PLAN_DRAFT; s <= ZICHA_PLAN_DONE; s++)
    gtk_string_list_append (statuses, zicha_plan_status_get_label (s));
  self->syncing = TRUE;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->syncing = FALSE;

  /* one row per focus area, between the checklist's and the milestones' */
  g_object_ref (self->milestones_progress_row);
  adw_preferences_group_remove (self->progress_group,
                                GTK_WIDGET (self->milestones_progress_row));
  for (ZichaRuleArea a = ZICHA_RULE_AREA_LEGAL; a <= ZICHA_RULE_AREA_CAPABILITY; a++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zicha_rule_area_get_label (a));
      gtk_widget_set_margin_start (row, 0);
      gtk_widget_add_css_class (row, "zicha-area-progress");
      adw_preferences_group_add (self->progress_group, row);
      g_ptr_array_add (self->area_rows, row);
    }
  adw_preferences_group_add (self->progress_group, GTK_WIDGET (self->milestones_progress_row));
  g_object_unref (self->milestones_progress_row);
}

/* Public API ------------------------------------------------------------------------------ */

void
zicha_plan_overview_set_plan (ZichaPlanOverview *self,
                              ZichaDb           *db,
                              gint64             plan_id)
{
  g_autoptr(ZichaPlan) plan = NULL;
  char today[11];

  g_return_if_fail (ZICHA_IS_PLAN_OVERVIEW (self));

  if (self->plan_id != plan_id || self->db != db)
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (self->scrolled);

      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
    }
  g_set_object (&self->db, db);
  self->plan_id = plan_id;
  plan = db != NULL && plan_id != 0 ? zicha_plans_get (db, plan_id, NULL) : NULL;
  if (plan == NULL)
    {
      self->plan_id = 0;
      _zicha_plan_overview_clear_rows (self->overdue_group, self->overdue_rows);
      _zicha_plan_overview_clear_team (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.add-staff", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.add-milestone", FALSE);
      return;
    }
  _zicha_plans_ui_today (db, today);
  show_fields (self, plan);
  show_progress (self, today);
  _zicha_plan_overview_show_team (self);
}

AdwComboRow *
zicha_plan_overview_get_status_row (ZichaPlanOverview *self)
{
  g_return_val_if_fail (ZICHA_IS_PLAN_OVERVIEW (self), NULL);
  return self->status_row;
}

const char *
zicha_plan_overview_get_progress_text (ZichaPlanOverview *self)
{
  g_return_val_if_fail (ZICHA_IS_PLAN_OVERVIEW (self), NULL);
  return adw_action_row_get_subtitle (self->checklist_row);
}
