/* zicha-checklist-view.c — the checklist of a self-inspection plan (检查表)
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's items in their order, a header per focus area with its progress (rows, headers
 * and drag and drop: zicha-checklist-view-rows.c), and above them the progress of the whole
 * checklist and the number of overdue items, as of today (the demo's day on a demo body).
 * An item is ticked done in its row; opened (Enter, a click, its menu's Edit) it is edited
 * in full in ZichaChecklistItemDialog; its menu raises a problem from it
 * (ZichaProblemDialog), moves it up or down, or deletes it; Add Item adds the user's own
 * at the end of its focus area. Alt+Up and Alt+Down move the item that has the focus. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-checklist-item-dialog.h"
#include "zicha-checklist-view-private.h"
#include "zicha-problem-dialog.h"

G_DEFINE_FINAL_TYPE (ZichaChecklistView, zicha_checklist_view, GTK_TYPE_WIDGET)

gboolean
_zicha_checklist_view_writable (ZichaChecklistView *self)
{
  return self->db != NULL && self->plan_id != 0 && !zicha_db_get_read_only (self->db);
}

ZichaChecklistItem *
_zicha_checklist_view_find_item (ZichaChecklistView *self,
                                 gint64              item_id,
                                 guint              *out_position)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      ZichaChecklistItem *item = g_ptr_array_index (self->items, i);

      if (item->id == item_id)
        {
          if (out_position != NULL)
            *out_position = i;
          return item;
        }
    }
  return NULL;
}

static ZichaPlansPage *
get_page (ZichaChecklistView *self)
{
  return _zicha_plans_ui_get_page (GTK_WIDGET (self));
}

static void
show_progress (ZichaChecklistView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *overdue = NULL;
  const ZichaPlanProgress *p = &self->progress;

  /* Translators: the progress of the checklist: items done of all */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u item done",
                                       "%1$u of %2$u items done", p->total),
                          p->done, p->total);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, p->total > 0 ? (double) p->done / p->total
                                                                  : 0);
  if (p->overdue > 0)
    /* Translators: checklist items past their due date and not done */
    overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item overdue",
                                            "%u items overdue", p->overdue), p->overdue);
  gtk_label_set_text (self->overdue_label, overdue != NULL ? overdue : "");
}

static void
update_actions (ZichaChecklistView *self)
{
  gboolean writable = _zicha_checklist_view_writable (self);

  /* a read-only database is shown, never changed */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.raise", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.move-up", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.move-down", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.move-focused", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.delete", writable);
}

/* Reads the items, their problems and the progress, and shows them. */
static void
reload (ZichaChecklistView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  memset (&self->progress, 0, sizeof self->progress);
  if (self->db != NULL && self->plan_id != 0)
    {
      _zicha_plans_ui_today (self->db, self->today);
      self->items = zicha_checklist_list (self->db, self->plan_id, &error);
      if (self->items == NULL
          || !zicha_plans_get_progress (self->db, self->plan_id, self->today, &self->progress,
                                        &error))
        g_warning ("%s", error->message);
    }
  if (self->items == NULL)
    self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_checklist_item_free);
  self->problems = _zicha_plans_ui_problems_by_item (self->db, ZICHA_PROBLEM_SOURCE_CHECKLIST);

  show_progress (self);
  _zicha_checklist_view_show_items (self);
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "items" : "none");
  update_actions (self);
}

/* Edits ----------------------------------------------------------------------------------- */

/* After an edit: tells the page (which shows it anew), or says why it failed and shows the
 * items as they are. */
static gboolean
edited (ZichaChecklistView *self,
        gboolean            ok,
        GError             *error)
{
  if (!ok)
    {
      _zicha_plans_ui_toast (get_page (self), error->message);
      reload (self);
      return FALSE;
    }
  _zicha_plans_ui_changed (get_page (self), ZICHA_CHANGE_PLANS);
  return TRUE;
}

static void
open_item (ZichaChecklistView *self,
           gint64              item_id)
{
  ZichaPlansPage *page = get_page (self);
  ZichaChecklistItemDialog *dialog;

  if (page == NULL || self->plan_id == 0)
    return;
  dialog = zicha_checklist_item_dialog_new (page, self->plan_id, item_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated_cb (ZichaChecklistView *self,
                     GtkListBoxRow      *row,
                     GtkListBox         *list)
{
  open_item (self, _zicha_checklist_view_row_item (row));
}

typedef struct
{
  ZichaChecklistView *view;
  gint64              item_id;
} DeleteData;

static void
delete_data_free (gpointer data)
{
  DeleteData *d = data;

  g_object_unref (d->view);
  g_free (d);
}

static void
delete_confirmed (gpointer data)
{
  DeleteData *d = data;
  g_autofree char *user_name = _zicha_plans_ui_user_name (get_page (d->view));
  g_autoptr(GError) error = NULL;

  if (d->view->db == NULL)
    return;
  if (edited (d->view, zicha_checklist_delete (d->view->db, d->item_id, user_name, &error),
              error))
    _zicha_plans_ui_toast (get_page (d->view), _("Checklist item deleted"));
}

/* Actions --------------------------------------------------------------------------------- */

static void
add_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  open_item (ZICHA_CHECKLIST_VIEW (widget), 0);
}

static void
edit_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  open_item (ZICHA_CHECKLIST_VIEW (widget), g_variant_get_int64 (param));
}

static void
raise_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  ZichaPlansPage *page = get_page (ZICHA_CHECKLIST_VIEW (widget));
  ZichaProblemDialog *dialog;

  if (page == NULL)
    return;
  dialog = zicha_problem_dialog_new_for_checklist (page, g_variant_get_int64 (param));
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_up_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  zicha_checklist_view_move_item (ZICHA_CHECKLIST_VIEW (widget), g_variant_get_int64 (param),
                                  -1);
}

static void
move_down_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  zicha_checklist_view_move_item (ZICHA_CHECKLIST_VIEW (widget), g_variant_get_int64 (param),
                                  1);
}

/* Alt+Up and Alt+Down: the item whose row has the focus, which keeps it. */
static void
move_focused_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  ZichaChecklistView *self = ZICHA_CHECKLIST_VIEW (widget);
  gint64 item = _zicha_checklist_view_row_item (_zicha_checklist_view_focused_row (self));

  if (item != 0 && zicha_checklist_view_move_item (self, item, g_variant_get_int32 (param)))
    _zicha_checklist_view_focus_item (self, item);
}

static void
delete_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  ZichaChecklistView *self = ZICHA_CHECKLIST_VIEW (widget);
  ZichaChecklistItem *item = _zicha_checklist_view_find_item (self, g_variant_get_int64 (param),
                                                              NULL);
  DeleteData *d;

  if (item == NULL || !_zicha_checklist_view_writable (self))
    return;
  d = g_new0 (DeleteData, 1);
  d->view = g_object_ref (self);
  d->item_id = item->id;
  _zicha_plans_ui_confirm (widget, _("Delete Checklist Item?"), item->text, _("_Delete"),
                           delete_confirmed, d, delete_data_free);
}

/* GObject --------------------------------------------------------------------------------- */

static void
zicha_checklist_view_dispose (GObject *object)
{
  ZichaChecklistView *self = ZICHA_CHECKLIST_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_CHECKLIST_VIEW);
  /* (the template's root is not bound: it goes here) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->db);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->undone_status, g_hash_table_unref);

  G_OBJECT_CLASS (zicha_checklist_view_parent_class)->dispose (object);
}

static void
zicha_checklist_view_class_init (ZichaChecklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_checklist_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-checklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistView, stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ZichaChecklistView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "checklist.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "checklist.edit", "x", edit_activated);
  gtk_widget_class_install_action (widget_class, "checklist.raise", "x", raise_activated);
  gtk_widget_class_install_action (widget_class, "checklist.move-up", "x", move_up_activated);
  gtk_widget_class_install_action (widget_class, "checklist.move-down", "x",
                                   move_down_activated);
  gtk_widget_class_install_action (widget_class, "checklist.move-focused", "i",
                                   move_focused_activated);
  gtk_widget_class_install_action (widget_class, "checklist.delete", "x", delete_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "checklist.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "checklist.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "checklist.move-focused", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "checklist.move-focused", "i", 1);
}

static void
zicha_checklist_view_init (ZichaChecklistView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->undone_status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  _zicha_checklist_view_rows_init (self);
  reload (self);
}

/* Public API ------------------------------------------------------------------------------ */

void
zicha_checklist_view_set_plan (ZichaChecklistView *self,
                               ZichaDb            *db,
                               gint64              plan_id)
{
  g_return_if_fail (ZICHA_IS_CHECKLIST_VIEW (self));

  if (self->plan_id != plan_id || self->db != db)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
      g_hash_table_remove_all (self->undone_status);
    }
  g_set_object (&self->db, db);
  self->plan_id = plan_id;
  reload (self);
}

gboolean
zicha_checklist_view_move_item (ZichaChecklistView *self,
                                gint64              item_id,
                                gint                delta)
{
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0;
  gint to;

  g_return_val_if_fail (ZICHA_IS_CHECKLIST_VIEW (self), FALSE);

  if (!_zicha_checklist_view_writable (self)
      || _zicha_checklist_view_find_item (self, item_id, &position) == NULL)
    return FALSE;
  to = (gint) position + delta;
  if (delta == 0 || to < 0 || to >= (gint) self->items->len)
    return FALSE;
  user_name = _zicha_plans_ui_user_name (get_page (self));
  return edited (self, zicha_checklist_move (self->db, item_id, to, user_name, &error), error);
}

gboolean
zicha_checklist_view_set_done (ZichaChecklistView *self,
                               gint64              item_id,
                               gboolean            done)
{
  ZichaChecklistItem *item;
  ZichaChecklistChange change = { 0 };
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;
  gpointer before;

  g_return_val_if_fail (ZICHA_IS_CHECKLIST_VIEW (self), FALSE);

  item = _zicha_checklist_view_find_item (self, item_id, NULL);
  if (item == NULL || !_zicha_checklist_view_writable (self)
      || (item->status == ZICHA_CHECKLIST_DONE) == done)
    return FALSE;
  /* unticked, an item goes back to the status it had when it was ticked here */
  if (done)
    {
      change.status = ZICHA_CHECKLIST_DONE;
      g_hash_table_insert (self->undone_status, g_memdup2 (&item_id, sizeof item_id),
                           GINT_TO_POINTER (item->status + 1));
    }
  else if ((before = g_hash_table_lookup (self->undone_status, &item_id)) != NULL)
    change.status = GPOINTER_TO_INT (before) - 1;
  else
    change.status = ZICHA_CHECKLIST_IN_PROGRESS;
  user_name = _zicha_plans_ui_user_name (get_page (self));
  return edited (self, zicha_checklist_update (self->db, item_id, &change,
                                               ZICHA_CHECKLIST_FIELD_STATUS, user_name, &error),
                 error);
}

const char *
zicha_checklist_view_get_progress_text (ZichaChecklistView *self)
{
  g_return_val_if_fail (ZICHA_IS_CHECKLIST_VIEW (self), NULL);
  return gtk_label_get_text (self->progress_label);
}
