/* zicha-filter-dropdown.c — a GtkDropDown that picks one filter value, or all
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The filters above a list (focus area, rule, severity, status): a GtkDropDown over a string
 * list whose first entry stands for "all" and whose other entries each stand for an id kept
 * on the dropdown, with list item factories that label the button and the list. */
#define G_LOG_DOMAIN "zicha-filter-dropdown"

#include "config.h"

#include "zicha-filter-dropdown.h"

#define IDS_KEY "zicha-ids"

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

void
zicha_filter_dropdown_setup (GtkDropDown *dropdown,
                             const char  *all_label,
                             GStrv        labels,
                             GStrv        ids)
{
  g_autoptr(GtkStringList) model = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (labels != NULL && ids != NULL);

  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, all_label);
  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (model, labels[i]);
  g_object_set_data_full (G_OBJECT (dropdown), IDS_KEY, ids, (GDestroyNotify) g_strfreev);
  g_strfreev (labels);

  factory = gtk_signal_list_item_factory_new ();
  list_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
}

const char *
zicha_filter_dropdown_get_id (GtkDropDown *dropdown)
{
  guint selected;
  const char * const *ids;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);

  selected = gtk_drop_down_get_selected (dropdown);
  ids = g_object_get_data (G_OBJECT (dropdown), IDS_KEY);
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || ids == NULL)
    return NULL;
  return ids[selected - 1];
}

void
zicha_filter_dropdown_select_id (GtkDropDown *dropdown,
                                 const char  *id)
{
  const char * const *ids;
  guint position = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  ids = g_object_get_data (G_OBJECT (dropdown), IDS_KEY);
  for (guint i = 0; id != NULL && ids != NULL && ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      position = i + 1;
  gtk_drop_down_set_selected (dropdown, position);
}
