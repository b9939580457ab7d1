/* zicha-checklist-view-rows.c — the checklist view: rows, focus-area headers, drag and drop
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per item in the plan's order: a drag handle, a check button that marks it done,
 * the item's text (the notice's wording for built-in items), a line of who checks it, by
 * when, its status and conclusion (an overdue item says so in red), its notes, the numbers
 * of the problems raised from it (each opens the problem), and a menu. A header starts each
 * run of items of one focus area, with that area's progress. A row is dragged onto another
 * to take its place (zicha_checklist_move to the target's position: the items between shift
 * by one); the keyboard does the same with Alt+Up and Alt+Down (zicha-checklist-view.c).
 *
 * When the items come back the same, in the same order (a tick, an edit), the rows are
 * updated where they are, so the focus and the scrolling stay; otherwise they are made anew
 * and the item that had the focus gets it back. Part of ZichaChecklistView
 * (zicha-checklist-view-private.h). */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-checklist-view-private.h"

/* What a row shows, kept on it to update it in place. */
typedef struct
{
  gint64         id;
  ZichaRuleArea  area;
  GtkWidget     *check;
  GtkWidget     *text;
  GtkWidget     *meta;
  GtkWidget     *overdue;
  GtkWidget     *notes;
  GtkWidget     *problems_box;
  GtkWidget     *menu_button;
} RowData;

static RowData *
row_data (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "zicha-row") : NULL;
}

gint64
_zicha_checklist_view_row_item (GtkListBoxRow *row)
{
  RowData *data = row_data (row);

  return data != NULL ? data->id : 0;
}

GtkListBoxRow *
_zicha_checklist_view_focused_row (ZichaChecklistView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    return NULL;
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus
                                    : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row != NULL && row_data (GTK_LIST_BOX_ROW (row)) != NULL ? GTK_LIST_BOX_ROW (row)
                                                                  : NULL;
}

void
_zicha_checklist_view_focus_item (ZichaChecklistView *self,
                                  gint64              item_id)
{
  GtkListBoxRow *row = zicha_checklist_view_get_row (self, item_id);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The menu of a row ---------------------------------------------------------------------- */

static GMenuModel *
row_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  GMenu *section;
  struct { const char *label; const char *action; } entries[][3] = {
    { { N_("_Edit…"), "checklist.edit" },
      { N_("_Raise Problem…"), "checklist.raise" },
      { NULL, NULL } },
    { { N_("Move _Up"), "checklist.move-up" },
      { N_("Move _Down"), "checklist.move-down" },
      { NULL, NULL } },
    { { N_("De_lete…"), "checklist.delete" },
      { NULL, NULL } },
  };

  for (guint s = 0; s < G_N_ELEMENTS (entries); s++)
    {
      section = g_menu_new ();
      for (guint i = 0; entries[s][i].label != NULL; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[s][i].label), NULL);

          g_menu_item_set_action_and_target_value (item, entries[s][i].action,
                                                   g_variant_new_int64 (id));
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_object_unref (section);
    }
  return G_MENU_MODEL (menu);
}

/* Drag and drop --------------------------------------------------------------------------- */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkListBoxRow *row)
{
  ZichaChecklistView *self = ZICHA_CHECKLIST_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                   ZICHA_TYPE_CHECKLIST_VIEW));

  if (self == NULL || !_zicha_checklist_view_writable (self))
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, _zicha_checklist_view_row_item (row));
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkListBoxRow *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, paintable, 24, 24);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkListBoxRow *row)
{
  ZichaChecklistView *self = ZICHA_CHECKLIST_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                   ZICHA_TYPE_CHECKLIST_VIEW));
  gint64 dragged = g_value_get_int64 (value);
  gint64 onto = _zicha_checklist_view_row_item (row);
  guint from = 0, to = 0;

  if (self == NULL || dragged == onto
      || _zicha_checklist_view_find_item (self, dragged, &from) == NULL
      || _zicha_checklist_view_find_item (self, onto, &to) == NULL)
    return FALSE;
  return zicha_checklist_view_move_item (self, dragged, (gint) to - (gint) from);
}

/* Rows ------------------------------------------------------------------------------------ */

static void
on_check_toggled_cb (GtkCheckButton     *check,
                     ZichaChecklistView *self)
{
  RowData *data = g_object_get_data (G_OBJECT (check), "zicha-row");

  if (!self->syncing)
    zicha_checklist_view_set_done (self, data->id, gtk_check_button_get_active (check));
}

static GtkWidget *
small_label (const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
make_row (ZichaChecklistView       *self,
          const ZichaChecklistItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *meta_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  RowData *data = g_new0 (RowData, 1);
  gboolean writable = _zicha_checklist_view_writable (self);

  data->id = item->id;
  data->area = item->area;
  g_object_set_data_full (G_OBJECT (row), "zicha-row", data, g_free);
  gtk_widget_add_css_class (row, "zicha-checklist-row");

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_set_valign (handle, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder (or Alt+Up and Alt+Down)"));
  gtk_widget_set_visible (handle, writable);
  gtk_box_append (GTK_BOX (box), handle);

  data->check = gtk_check_button_new ();
  gtk_widget_set_valign (data->check, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (data->check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Done"), -1);
  g_object_set_data (G_OBJECT (data->check), "zicha-row", data);
  g_signal_connect (data->check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), data->check);

  gtk_widget_set_hexpand (content, TRUE);
  data->text = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (data->text), 0);
  gtk_label_set_wrap (GTK_LABEL (data->text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (data->text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (content), data->text);
  data->meta = small_label ("dim-label");
  gtk_label_set_wrap (GTK_LABEL (data->meta), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (data->meta), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (data->meta, TRUE);
  data->overdue = small_label ("error");
  gtk_box_append (GTK_BOX (meta_box), data->overdue);
  gtk_box_append (GTK_BOX (meta_box), data->meta);
  gtk_box_append (GTK_BOX (content), meta_box);
  data->notes = small_label (NULL);
  gtk_label_set_lines (GTK_LABEL (data->notes), 3);
  gtk_label_set_ellipsize (GTK_LABEL (data->notes), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (content), data->notes);
  data->problems_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (content), data->problems_box);
  gtk_box_append (GTK_BOX (box), content);

  data->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (data->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (data->menu_button, GTK_ALIGN_START);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (data->menu_button), FALSE);
  gtk_widget_set_tooltip_text (data->menu_button, _("Item Menu"));
  {
    g_autoptr(GMenuModel) menu = row_menu (item->id);

    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (data->menu_button), menu);
  }
  gtk_box_append (GTK_BOX (box), data->menu_button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (writable)
    {
      GtkDragSource *source = gtk_drag_source_new ();
      GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), row);
      g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
      g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
    }
  return row;
}

/* What @row shows of @item (its area and id stay). */
static void
update_row (ZichaChecklistView       *self,
            GtkListBoxRow            *row,
            const ZichaChecklistItem *item)
{
  RowData *data = row_data (row);
  GPtrArray *problems = g_hash_table_lookup (self->problems, &item->id);
  g_autoptr(GString) meta = g_string_new (NULL);
  gboolean overdue = item->status != ZICHA_CHECKLIST_DONE && item->due_on != NULL
                     && g_strcmp0 (item->due_on, self->today) < 0;
  GtkWidget *child;

  self->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (data->check),
                               item->status == ZICHA_CHECKLIST_DONE);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (data->check, _zicha_checklist_view_writable (self));
  gtk_label_set_text (GTK_LABEL (data->text), item->text);
  if (item->status == ZICHA_CHECKLIST_DONE)
    gtk_widget_add_css_class (data->text, "dim-label");
  else
    gtk_widget_remove_css_class (data->text, "dim-label");

  g_string_append (meta, zicha_checklist_status_get_label (item->status));
  if (item->assignee != NULL)
    /* Translators: who checks a checklist item (负责人) */
    g_string_append_printf (meta, _(" · Assignee %s"), item->assignee);
  if (item->due_on != NULL)
    /* Translators: by when a checklist item is due */
    g_string_append_printf (meta, _(" · Due %s"), item->due_on);
  if (item->conclusion != ZICHA_CHECK_NONE)
    /* Translators: the conclusion of a check: 符合, 不符合, 不适用 */
    g_string_append_printf (meta, _(" · Conclusion: %s"),
                            _zicha_plans_ui_conclusion_label (item->conclusion));
  gtk_label_set_text (GTK_LABEL (data->meta), meta->str);
  gtk_label_set_text (GTK_LABEL (data->overdue), overdue ? _("Overdue") : "");
  gtk_widget_set_visible (data->overdue, overdue);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (row), "zicha-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "zicha-overdue");

  gtk_label_set_text (GTK_LABEL (data->notes), item->notes != NULL ? item->notes : "");
  gtk_widget_set_visible (data->notes, item->notes != NULL);

  while ((child = gtk_widget_get_first_child (data->problems_box)) != NULL)
    gtk_box_remove (GTK_BOX (data->problems_box), child);
  if (problems != NULL)
    {
      GtkWidget *label = small_label ("dim-label");

      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      /* Translators: before the numbers of the problems raised from an item */
      gtk_label_set_text (GTK_LABEL (label), _("Problems:"));
      gtk_box_append (GTK_BOX (data->problems_box), label);
      for (guint i = 0; i < problems->len; i++)
        gtk_box_append (GTK_BOX (data->problems_box),
                        _zicha_plans_ui_problem_button (g_ptr_array_index (problems, i)));
    }
  gtk_widget_set_visible (data->problems_box, problems != NULL);
}

/* Headers of the focus areas -------------------------------------------------------------- */

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  ZichaChecklistView *self = user_data;
  RowData *data = row_data (row);
  RowData *previous = row_data (before);
  GtkWidget *header = gtk_list_box_row_get_header (row);
  g_autofree char *count = NULL;
  GtkWidget *title, *label, *bar;
  guint done, total;

  if (data == NULL || (previous != NULL && previous->area == data->area))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (header == NULL)
    {
      header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_add_css_class (header, "zicha-area-header");
      gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_widget_set_margin_start (header, 6);
      gtk_widget_set_margin_end (header, 6);
      title = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      bar = gtk_progress_bar_new ();
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      label = gtk_label_new (NULL);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), bar);
      gtk_box_append (GTK_BOX (header), label);
      gtk_list_box_row_set_header (row, header);
    }
  title = gtk_widget_get_first_child (header);
  bar = gtk_widget_get_next_sibling (title);
  label = gtk_widget_get_next_sibling (bar);
  done = self->progress.area_done[data->area];
  total = self->progress.area_total[data->area];
  gtk_label_set_text (GTK_LABEL (title), zicha_rule_area_get_label (data->area));
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), total > 0 ? (double) done / total : 0);
  /* Translators: items of a focus area done of all */
  count = g_strdup_printf (_("%1$u/%2$u done"), done, total);
  gtk_label_set_text (GTK_LABEL (label), count);
}

void
_zicha_checklist_view_rows_init (ZichaChecklistView *self)
{
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
}

/* Showing the items ----------------------------------------------------------------------- */

/* TRUE when the rows show self->items' ids and areas in their order. */
static gboolean
same_items (ZichaChecklistView *self)
{
  guint i = 0;

  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0); row != NULL;
       row = gtk_list_box_get_row_at_index (self->list, ++i))
    {
      ZichaChecklistItem *item;

      if (i >= self->items->len)
        return FALSE;
      item = g_ptr_array_index (self->items, i);
      if (row_data (row)->id != item->id || row_data (row)->area != item->area)
        return FALSE;
    }
  return i == self->items->len;
}

void
_zicha_checklist_view_show_items (ZichaChecklistView *self)
{
  GtkListBoxRow *focused;
  gint64 focus_item;
  GtkWidget *child;

  if (same_items (self))
    {
      for (guint i = 0; i < self->items->len; i++)
        update_row (self, gtk_list_box_get_row_at_index (self->list, i),
                    g_ptr_array_index (self->items, i));
      gtk_list_box_invalidate_headers (self->list);
      return;
    }

  focused = _zicha_checklist_view_focused_row (self);
  focus_item = _zicha_checklist_view_row_item (focused);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->items->len; i++)
    {
      ZichaChecklistItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *row = make_row (self, item);

      gtk_list_box_append (self->list, row);
      update_row (self, GTK_LIST_BOX_ROW (row), item);
    }
  if (focus_item != 0)
    _zicha_checklist_view_focus_item (self, focus_item);
}

/* Test hooks ------------------------------------------------------------------------------ */

GtkListBoxRow *
zicha_checklist_view_get_row (ZichaChecklistView *self,
                              gint64              item_id)
{
  guint i = 0;

  g_return_val_if_fail (ZICHA_IS_CHECKLIST_VIEW (self), NULL);

  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0); row != NULL;
       row = gtk_list_box_get_row_at_index (self->list, ++i))
    if (_zicha_checklist_view_row_item (row) == item_id)
      return row;
  return NULL;
}

GtkCheckButton *
zicha_checklist_view_get_check (ZichaChecklistView *self,
                                gint64              item_id)
{
  GtkListBoxRow *row = zicha_checklist_view_get_row (self, item_id);

  return row != NULL ? GTK_CHECK_BUTTON (row_data (row)->check) : NULL;
}
