/* zicha-person-row.c — a row where a person of the body is picked, or any name typed
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff, assignees and reviewers are people of the body (personnel, by person id) or, for
 * someone not in the records, a free name: core takes either. As the user types, a popover
 * under the row suggests the persons whose id, name or pinyin initials contain the text — a
 * ZichaRecordList of personnel, searched in SQL on its own connection, so a body of many
 * thousand people costs nothing here. Picking one (click, or Down then Enter) shows
 * "name (id)" and remembers the id; typing over it makes it a free name again, unless what
 * is typed is a person id. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-person-row.h"
#include "zicha-plans-ui-private.h"
#include "zicha-record-list.h"

#define MAX_SUGGESTIONS 8

struct _ZichaPersonRow
{
  AdwEntryRow       parent_instance;

  ZichaDb          *db;
  char             *person_id;     /* the person picked, while the text shows them */
  char             *shown;         /* the text shown for them */
  ZichaRecordList  *list;
  gulong            loading_id;
  GtkWidget        *popover;
  GtkListBox       *suggestions;
  int               popover_width;
  gboolean          syncing;
};

G_DEFINE_FINAL_TYPE (ZichaPersonRow, zicha_person_row, ADW_TYPE_ENTRY_ROW)

static void
set_text (ZichaPersonRow *self,
          const char     *text)
{
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->syncing = FALSE;
}

static void
clear_suggestions (ZichaPersonRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions))) != NULL)
    gtk_list_box_remove (self->suggestions, child);
}

static void
pick (ZichaPersonRow *self,
      GtkWidget      *row)
{
  const char *person_id = g_object_get_data (G_OBJECT (row), "zicha-person-id");
  const char *name = g_object_get_data (G_OBJECT (row), "zicha-name");

  zicha_person_row_set_person (self, person_id, name);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
}

static void
on_suggestion_activated_cb (GtkListBox     *box,
                            GtkListBoxRow  *row,
                            ZichaPersonRow *self)
{
  pick (self, GTK_WIDGET (row));
}

static void
show_suggestions (ZichaPersonRow *self)
{
  GListModel *model = G_LIST_MODEL (self->list);
  int id_column = zicha_record_kind_find_column (ZICHA_RECORD_PERSONNEL, "person_id");
  int name_column = zicha_record_kind_find_column (ZICHA_RECORD_PERSONNEL, "name");
  guint n = MIN (g_list_model_get_n_items (model), MAX_SUGGESTIONS);

  clear_suggestions (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZichaRecordRow) record = g_list_model_get_item (model, i);
      const char *person_id = zicha_record_row_get_value (record, id_column);
      const char *name = zicha_record_row_get_value (record, name_column);
      g_autofree char *text = _zicha_plans_ui_format_person (name, person_id);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 18);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "zicha-person-id", g_strdup (person_id), g_free);
      g_object_set_data_full (G_OBJECT (row), "zicha-name", g_strdup (name), g_free);
      gtk_list_box_append (self->suggestions, row);
    }
  if (n > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (self->popover));
  else
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_loading_cb (ZichaRecordList *list,
               GParamSpec      *pspec,
               ZichaPersonRow  *self)
{
  if (!zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)))
    show_suggestions (self);
}

static void
on_changed_cb (ZichaPersonRow *self)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  if (self->person_id != NULL
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->shown) != 0)
    {
      g_clear_pointer (&self->person_id, g_free);
      g_clear_pointer (&self->shown, g_free);
    }

  text = _zicha_plans_ui_editable_get (GTK_EDITABLE (self));
  if (text == NULL || self->db == NULL)
    {
      clear_suggestions (self);
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return;
    }
  if (self->list == NULL)
    {
      self->list = zicha_record_list_new (self->db, ZICHA_RECORD_PERSONNEL);
      self->loading_id = g_signal_connect (self->list, "notify::loading",
                                           G_CALLBACK (on_loading_cb), self);
    }
  zicha_record_list_set_search (self->list, text);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   ZichaPersonRow        *self)
{
  GtkListBoxRow *first;

  if (!gtk_widget_get_visible (self->popover))
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Escape)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return GDK_EVENT_STOP;
    }
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
      && (first = gtk_list_box_get_row_at_index (self->suggestions, 0)) != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (first));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
clear_list (ZichaPersonRow *self)
{
  if (self->list != NULL)
    g_clear_signal_handler (&self->loading_id, self->list);
  g_clear_object (&self->list);
}

static void
zicha_person_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ZichaPersonRow *self = ZICHA_PERSON_ROW (widget);

  GTK_WIDGET_CLASS (zicha_person_row_parent_class)->size_allocate (widget, width, height,
                                                                   baseline);
  if (self->popover != NULL)
    {
      int popover_width = MAX (width / 2, 200);

      /* (only when it changes: a size request queues a resize) */
      if (popover_width != self->popover_width)
        {
          self->popover_width = popover_width;
          gtk_widget_set_size_request (gtk_popover_get_child (GTK_POPOVER (self->popover)),
                                       popover_width, -1);
        }
      gtk_popover_present (GTK_POPOVER (self->popover));
    }
}

static void
zicha_person_row_dispose (GObject *object)
{
  ZichaPersonRow *self = ZICHA_PERSON_ROW (object);

  clear_list (self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (zicha_person_row_parent_class)->dispose (object);
}

static void
zicha_person_row_finalize (GObject *object)
{
  ZichaPersonRow *self = ZICHA_PERSON_ROW (object);

  g_free (self->person_id);
  g_free (self->shown);

  G_OBJECT_CLASS (zicha_person_row_parent_class)->finalize (object);
}

static void
zicha_person_row_class_init (ZichaPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_person_row_dispose;
  object_class->finalize = zicha_person_row_finalize;
  widget_class->size_allocate = zicha_person_row_size_allocate;
}

static void
zicha_person_row_init (ZichaPersonRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->suggestions = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->suggestions, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->suggestions, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->suggestions), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Persons of the body"), -1);
  g_signal_connect (self->suggestions, "row-activated",
                    G_CALLBACK (on_suggestion_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (self->suggestions));

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
}

GtkWidget *
zicha_person_row_new (void)
{
  return g_object_new (ZICHA_TYPE_PERSON_ROW, NULL);
}

void
zicha_person_row_set_db (ZichaPersonRow *self,
                         ZichaDb        *db)
{
  g_return_if_fail (ZICHA_IS_PERSON_ROW (self));

  if (g_set_object (&self->db, db))
    clear_list (self);
}

void
zicha_person_row_set_person (ZichaPersonRow *self,
                             const char     *person_id,
                             const char     *name)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ZICHA_IS_PERSON_ROW (self));

  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->shown, g_free);
  text = _zicha_plans_ui_format_person (name, person_id);
  if (person_id != NULL && *person_id != '\0')
    {
      self->person_id = g_strdup (person_id);
      self->shown = g_strdup (text);
    }
  set_text (self, text);
}

void
zicha_person_row_get_person (ZichaPersonRow  *self,
                             char           **out_person_id,
                             char           **out_name)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (ZICHA_IS_PERSON_ROW (self));
  g_return_if_fail (out_person_id != NULL && out_name != NULL);

  *out_person_id = NULL;
  *out_name = NULL;
  if (self->person_id != NULL)
    {
      *out_person_id = g_strdup (self->person_id);
      return;
    }
  text = _zicha_plans_ui_editable_get (GTK_EDITABLE (self));
  if (text == NULL)
    return;
  /* a person id typed in full is that person */
  if (self->db != NULL && (name = zicha_plans_lookup_person (self->db, text, NULL)) != NULL)
    *out_person_id = g_steal_pointer (&text);
  else
    *out_name = g_steal_pointer (&text);
}

guint
zicha_person_row_get_n_suggestions (ZichaPersonRow *self)
{
  guint n = 0;

  g_return_val_if_fail (ZICHA_IS_PERSON_ROW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

gboolean
zicha_person_row_pick_suggestion (ZichaPersonRow *self,
                                  guint           index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ZICHA_IS_PERSON_ROW (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->suggestions, index);
  if (row == NULL)
    return FALSE;
  pick (self, GTK_WIDGET (row));
  return TRUE;
}
