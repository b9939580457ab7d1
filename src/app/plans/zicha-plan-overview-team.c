/* zicha-plan-overview-team.c — the plan summary: its staff and its milestones
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff (工作人员) are persons of the body, picked by name or person id (ZichaPersonRow), or
 * free names, each with a duty; milestones (工作节点) have a title, a due date and a done
 * date. Both are lists in an order users set: each row has Move Up and Move Down buttons
 * (zicha_plans_move_staff/_milestone to the position before or after) and a Remove button; a
 * milestone has a check button that marks it done today (or not done) and an Edit button.
 * Additions and edits go through small message dialogs. Part of ZichaPlanOverview
 * (zicha-plan-overview-private.h). */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-person-row.h"
#include "zicha-plan-overview-private.h"

/* Rows ------------------------------------------------------------------------------------ */

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      id,
             gboolean    enabled)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  /* (an action would make the button sensitive again: a disabled one has none) */
  if (enabled)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  return button;
}

/* Move Up, Move Down and Remove of a row at @position of @n. */
static void
add_order_buttons (AdwActionRow *row,
                   const char   *prefix,
                   gint64        id,
                   guint         position,
                   guint         n,
                   gboolean      writable)
{
  g_autofree char *up = g_strconcat ("overview.", prefix, "-up", NULL);
  g_autofree char *down = g_strconcat ("overview.", prefix, "-down", NULL);
  g_autofree char *remove = g_strconcat ("overview.", prefix, "-remove", NULL);

  adw_action_row_add_suffix (row, icon_button ("go-up-symbolic", _("Move Up"), up, id,
                                               writable && position > 0));
  adw_action_row_add_suffix (row, icon_button ("go-down-symbolic", _("Move Down"), down, id,
                                               writable && position + 1 < n));
  adw_action_row_add_suffix (row, icon_button ("user-trash-symbolic", _("Remove"), remove, id,
                                               writable));
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
on_milestone_done_toggled_cb (GtkCheckButton    *check,
                              ZichaPlanOverview *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "zicha-milestone");
  g_autoptr(GPtrArray) milestones = NULL;
  ZichaPlansPage *page = _zicha_plan_overview_get_page (self);
  g_autofree char *user_name = _zicha_plans_ui_user_name (page);
  g_autoptr(GError) error = NULL;
  char today[11];

  if (self->syncing || !_zicha_plan_overview_writable (self))
    return;
  _zicha_plans_ui_today (self->db, today);
  milestones = zicha_plans_list_milestones (self->db, self->plan_id, &error);
  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      ZichaPlanMilestone *m = g_ptr_array_index (milestones, i);

      if (m->id != *id)
        continue;
      if (!zicha_plans_update_milestone (self->db, m->id, m->title, m->due_on,
                                         gtk_check_button_get_active (check) ? today : NULL,
                                         user_name, &error))
        break;
      _zicha_plans_ui_changed (page, ZICHA_CHANGE_PLANS);
      return;
    }
  if (error != NULL)
    _zicha_plans_ui_toast (page, error->message);
}

void
_zicha_plan_overview_clear_team (ZichaPlanOverview *self)
{
  _zicha_plan_overview_clear_rows (self->staff_group, self->staff_rows);
  _zicha_plan_overview_clear_rows (self->milestones_group, self->milestone_rows);
}

void
_zicha_plan_overview_show_team (ZichaPlanOverview *self)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GError) error = NULL;
  gboolean writable = _zicha_plan_overview_writable (self);
  char today[11];

  _zicha_plan_overview_clear_team (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.add-staff", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.add-milestone", writable);
  _zicha_plans_ui_today (self->db, today);

  staff = zicha_plans_list_staff (self->db, self->plan_id, &error);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      ZichaPlanStaff *s = g_ptr_array_index (staff, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = _zicha_plans_ui_format_person (s->name, s->person_id);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->duty != NULL ? s->duty : "");
      add_order_buttons (ADW_ACTION_ROW (row), "staff", s->id, i, staff->len, writable);
      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }
  if (self->staff_rows->len == 0)
    {
      GtkWidget *row = placeholder_row (_("No staff named yet"));

      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }

  milestones = zicha_plans_list_milestones (self->db, self->plan_id, &error);
  self->syncing = TRUE;
  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      ZichaPlanMilestone *m = g_ptr_array_index (milestones, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autoptr(GString) subtitle = g_string_new (NULL);
      gboolean overdue = m->done_on == NULL && m->due_on != NULL
                         && g_strcmp0 (m->due_on, today) < 0;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->title);
      if (m->done_on != NULL && m->due_on != NULL)
        /* Translators: a milestone's due date and the day it was done */
        g_string_printf (subtitle, _("Due %1$s · done %2$s"), m->due_on, m->done_on);
      else if (m->done_on != NULL)
        /* Translators: the day a milestone was done */
        g_string_printf (subtitle, _("Done %s"), m->done_on);
      else if (overdue)
        /* Translators: a milestone not done by its due date */
        g_string_printf (subtitle, _("Due %s · overdue"), m->due_on);
      else if (m->due_on != NULL)
        /* Translators: when a milestone is due */
        g_string_printf (subtitle, _("Due %s"), m->due_on);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (overdue)
        gtk_widget_add_css_class (row, "zicha-overdue");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), m->done_on != NULL);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (check, writable);
      gtk_widget_set_tooltip_text (check, _("Done"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Done"), -1);
      g_object_set_data_full (G_OBJECT (check), "zicha-milestone",
                              g_memdup2 (&m->id, sizeof m->id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_milestone_done_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-edit-symbolic", _("Edit"),
                                              "overview.milestone-edit", m->id, writable));
      add_order_buttons (ADW_ACTION_ROW (row), "milestone", m->id, i, milestones->len,
                         writable);
      adw_preferences_group_add (self->milestones_group, row);
      g_ptr_array_add (self->milestone_rows, row);
    }
  self->syncing = FALSE;
  if (self->milestone_rows->len == 0)
    {
      GtkWidget *row = placeholder_row (_("No milestones yet"));

      adw_preferences_group_add (self->milestones_group, row);
      g_ptr_array_add (self->milestone_rows, row);
    }
  if (error != NULL)
    g_warning ("%s", error->message);
}

/* Moving and removing --------------------------------------------------------------------- */

typedef enum
{
  STAFF,
  MILESTONE,
} Kind;

/* The position of @id among the staff or milestones, G_MAXUINT when it is not there. */
static guint
position_of (ZichaPlanOverview *self,
             Kind               kind,
             gint64             id)
{
  g_autoptr(GPtrArray) rows = kind == STAFF
                              ? zicha_plans_list_staff (self->db, self->plan_id, NULL)
                              : zicha_plans_list_milestones (self->db, self->plan_id, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if ((kind == STAFF ? ((ZichaPlanStaff *) g_ptr_array_index (rows, i))->id
                       : ((ZichaPlanMilestone *) g_ptr_array_index (rows, i))->id) == id)
      return i;
  return G_MAXUINT;
}

static void
move (ZichaPlanOverview *self,
      Kind               kind,
      gint64             id,
      gint               delta)
{
  ZichaPlansPage *page = _zicha_plan_overview_get_page (self);
  g_autofree char *user_name = _zicha_plans_ui_user_name (page);
  g_autoptr(GError) error = NULL;
  guint position;
  gboolean ok;

  if (!_zicha_plan_overview_writable (self)
      || (position = position_of (self, kind, id)) == G_MAXUINT
      || (delta < 0 && position == 0))
    return;
  ok = kind == STAFF
       ? zicha_plans_move_staff (self->db, id, position + delta, user_name, &error)
       : zicha_plans_move_milestone (self->db, id, position + delta, user_name, &error);
  if (!ok)
    {
      _zicha_plans_ui_toast (page, error->message);
      return;
    }
  _zicha_plans_ui_changed (page, ZICHA_CHANGE_PLANS);
}

static void
staff_up_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  move (ZICHA_PLAN_OVERVIEW (widget), STAFF, g_variant_get_int64 (param), -1);
}

static void
staff_down_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  move (ZICHA_PLAN_OVERVIEW (widget), STAFF, g_variant_get_int64 (param), 1);
}

static void
milestone_up_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  move (ZICHA_PLAN_OVERVIEW (widget), MILESTONE, g_variant_get_int64 (param), -1);
}

static void
milestone_down_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  move (ZICHA_PLAN_OVERVIEW (widget), MILESTONE, g_variant_get_int64 (param), 1);
}

static void
remove_row (ZichaPlanOverview *self,
            Kind               kind,
            gint64             id)
{
  ZichaPlansPage *page = _zicha_plan_overview_get_page (self);
  g_autofree char *user_name = _zicha_plans_ui_user_name (page);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!_zicha_plan_overview_writable (self))
    return;
  ok = kind == STAFF ? zicha_plans_remove_staff (self->db, id, user_name, &error)
                     : zicha_plans_remove_milestone (self->db, id, user_name, &error);
  if (!ok)
    {
      _zicha_plans_ui_toast (page, error->message);
      return;
    }
  _zicha_plans_ui_changed (page, ZICHA_CHANGE_PLANS);
  _zicha_plans_ui_toast (page, kind == STAFF ? _("Removed from the staff")
                                             : _("Milestone removed"));
}

static void
staff_remove_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  remove_row (ZICHA_PLAN_OVERVIEW (widget), STAFF, g_variant_get_int64 (param));
}

static void
milestone_remove_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  remove_row (ZICHA_PLAN_OVERVIEW (widget), MILESTONE, g_variant_get_int64 (param));
}

/* Dialogs --------------------------------------------------------------------------------- */

/* A message dialog over the overview's window with @extra (a boxed list) and the responses
 * Cancel and @ok_label. */
static AdwMessageDialog *
form_dialog (ZichaPlanOverview *self,
             const char        *heading,
             const char        *ok_label,
             GtkWidget         *extra)
{
  GtkWidget *dialog = adw_message_dialog_new (_zicha_plans_ui_window (GTK_WIDGET (self)),
                                              heading, NULL);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", ok_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 460, -1);
  return ADW_MESSAGE_DIALOG (dialog);
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
on_required_changed_cb (GtkEditable      *editable,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = _zicha_plans_ui_editable_get (editable);

  adw_message_dialog_set_response_enabled (dialog, "ok", text != NULL);
}

static void
on_add_staff_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          ZichaPlanOverview *self)
{
  ZichaPersonRow *person = g_object_get_data (G_OBJECT (dialog), "zicha-person");
  GtkEditable *duty_row = g_object_get_data (G_OBJECT (dialog), "zicha-duty");
  ZichaPlansPage *page = _zicha_plan_overview_get_page (self);
  g_autofree char *person_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *duty = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "ok") || !_zicha_plan_overview_writable (self))
    return;
  zicha_person_row_get_person (person, &person_id, &name);
  duty = _zicha_plans_ui_editable_get (duty_row);
  user_name = _zicha_plans_ui_user_name (page);
  if (zicha_plans_add_staff (self->db, self->plan_id, person_id, name, duty, user_name,
                             &error) == 0)
    {
      _zicha_plans_ui_toast (page, error->message);
      return;
    }
  _zicha_plans_ui_changed (page, ZICHA_CHANGE_PLANS);
}

AdwMessageDialog *
zicha_plan_overview_add_staff (ZichaPlanOverview *self)
{
  GtkWidget *list = boxed_list ();
  GtkWidget *person = zicha_person_row_new ();
  GtkWidget *duty;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (ZICHA_IS_PLAN_OVERVIEW (self), NULL);

  if (!_zicha_plan_overview_writable (self))
    return NULL;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (person), _("_Name or person ID"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (person), TRUE);
  zicha_person_row_set_db (ZICHA_PERSON_ROW (person), self->db);
  gtk_list_box_append (GTK_LIST_BOX (list), person);
  /* Translators: what a member of the staff does in the self-inspection (职责) */
  duty = entry_row (list, _("_Duty"), NULL);

  dialog = form_dialog (self, _("Add to the Staff"), _("_Add"), list);
  adw_message_dialog_set_body (dialog, _("Type a name or a person ID: persons of the body are "
                                         "suggested; anyone else is added by name."));
  adw_message_dialog_set_response_enabled (dialog, "ok", FALSE);
  g_signal_connect (person, "changed", G_CALLBACK (on_required_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "zicha-person", person);
  g_object_set_data (G_OBJECT (dialog), "zicha-duty", duty);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_staff_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (person);
  return dialog;
}

static void
on_milestone_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          ZichaPlanOverview *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "zicha-milestone");
  GtkEditable *title_row = g_object_get_data (G_OBJECT (dialog), "zicha-title");
  GtkEditable *due_row = g_object_get_data (G_OBJECT (dialog), "zicha-due");
  GtkEditable *done_row = g_object_get_data (G_OBJECT (dialog), "zicha-done");
  ZichaPlansPage *page = _zicha_plan_overview_get_page (self);
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *done = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "ok") || !_zicha_plan_overview_writable (self))
    return;
  title = _zicha_plans_ui_editable_get (title_row);
  due = _zicha_plans_ui_editable_get (due_row);
  done = done_row != NULL ? _zicha_plans_ui_editable_get (done_row) : NULL;
  user_name = _zicha_plans_ui_user_name (page);
  if (*id == 0)
    ok = zicha_plans_add_milestone (self->db, self->plan_id, title, due, user_name,
                                    &error) != 0;
  else
    ok = zicha_plans_update_milestone (self->db, *id, title, due, done, user_name, &error);
  if (!ok)
    {
      _zicha_plans_ui_toast (page, error->message);
      return;
    }
  _zicha_plans_ui_changed (page, ZICHA_CHANGE_PLANS);
}

AdwMessageDialog *
zicha_plan_overview_edit_milestone (ZichaPlanOverview *self,
                                    gint64             milestone_id)
{
  g_autoptr(GPtrArray) milestones = NULL;
  ZichaPlanMilestone *milestone = NULL;
  GtkWidget *list = boxed_list ();
  GtkWidget *title, *due, *done = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (ZICHA_IS_PLAN_OVERVIEW (self), NULL);

  if (!_zicha_plan_overview_writable (self))
    return NULL;
  milestones = zicha_plans_list_milestones (self->db, self->plan_id, NULL);
  for (guint i = 0; milestone_id != 0 && milestones != NULL && i < milestones->len; i++)
    if (((ZichaPlanMilestone *) g_ptr_array_index (milestones, i))->id == milestone_id)
      milestone = g_ptr_array_index (milestones, i);
  if (milestone_id != 0 && milestone == NULL)
    return NULL;

  title = entry_row (list, _("_Title"), milestone != NULL ? milestone->title : NULL);
  due = entry_row (list, _("_Due date (YYYY-MM-DD)"),
                   milestone != NULL ? milestone->due_on : NULL);
  _zicha_plans_ui_add_calendar (ADW_ENTRY_ROW (due));
  if (milestone != NULL)
    {
      done = entry_row (list, _("D_one on (YYYY-MM-DD)"), milestone->done_on);
      _zicha_plans_ui_add_calendar (ADW_ENTRY_ROW (done));
    }
  dialog = form_dialog (self, milestone != NULL ? _("Edit Milestone") : _("New Milestone"),
                        milestone != NULL ? _("_Save") : _("_Add"), list);
  adw_message_dialog_set_response_enabled (dialog, "ok", milestone != NULL);
  g_signal_connect (title, "changed", G_CALLBACK (on_required_changed_cb), dialog);
  g_object_set_data_full (G_OBJECT (dialog), "zicha-milestone",
                          g_memdup2 (&milestone_id, sizeof milestone_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "zicha-title", title);
  g_object_set_data (G_OBJECT (dialog), "zicha-due", due);
  g_object_set_data (G_OBJECT (dialog), "zicha-done", done);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_milestone_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title);
  return dialog;
}

static void
add_staff_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  zicha_plan_overview_add_staff (ZICHA_PLAN_OVERVIEW (widget));
}

static void
add_milestone_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  zicha_plan_overview_edit_milestone (ZICHA_PLAN_OVERVIEW (widget), 0);
}

static void
milestone_edit_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  zicha_plan_overview_edit_milestone (ZICHA_PLAN_OVERVIEW (widget), g_variant_get_int64 (param));
}

void
_zicha_plan_overview_class_team_init (ZichaPlanOverviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "overview.add-staff", NULL,
                                   add_staff_activated);
  gtk_widget_class_install_action (widget_class, "overview.staff-up", "x", staff_up_activated);
  gtk_widget_class_install_action (widget_class, "overview.staff-down", "x",
                                   staff_down_activated);
  gtk_widget_class_install_action (widget_class, "overview.staff-remove", "x",
                                   staff_remove_activated);
  gtk_widget_class_install_action (widget_class, "overview.add-milestone", NULL,
                                   add_milestone_activated);
  gtk_widget_class_install_action (widget_class, "overview.milestone-edit", "x",
                                   milestone_edit_activated);
  gtk_widget_class_install_action (widget_class, "overview.milestone-up", "x",
                                   milestone_up_activated);
  gtk_widget_class_install_action (widget_class, "overview.milestone-down", "x",
                                   milestone_down_activated);
  gtk_widget_class_install_action (widget_class, "overview.milestone-remove", "x",
                                   milestone_remove_activated);
}
