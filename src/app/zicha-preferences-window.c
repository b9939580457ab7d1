/* zicha-preferences-window.c — the Preferences window
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-preferences-window.h"

struct _ZichaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwPreferencesGroup  *history_group;
  AdwEntryRow          *user_name_row;
};

G_DEFINE_FINAL_TYPE (ZichaPreferencesWindow, zicha_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
zicha_preferences_window_dispose (GObject *object)
{
  ZichaPreferencesWindow *self = ZICHA_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zicha_preferences_window_parent_class)->dispose (object);
}

static void
zicha_preferences_window_class_init (ZichaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/"
                                               "zicha-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaPreferencesWindow, history_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaPreferencesWindow, user_name_row);
}

static void
zicha_preferences_window_init (ZichaPreferencesWindow *self)
{
  g_autofree char *default_name = zicha_application_get_default_user_name ();
  g_autofree char *description = NULL;
  GtkEditable *text;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: %s is the user's name as the system knows it. */
  description = g_strdup_printf (_("Your name is recorded in the change history with every "
                                   "change you make. Leave it empty to use “%s”."),
                                 default_name);
  adw_preferences_group_set_description (self->history_group, description);

  /* The row's text field shows the name used while the setting is empty. */
  text = gtk_editable_get_delegate (GTK_EDITABLE (self->user_name_row));
  if (GTK_IS_TEXT (text))
    gtk_text_set_placeholder_text (GTK_TEXT (text), default_name);
}

ZichaPreferencesWindow *
zicha_preferences_window_new (ZichaApplication *application)
{
  ZichaPreferencesWindow *self;

  g_return_val_if_fail (ZICHA_IS_APPLICATION (application), NULL);

  self = g_object_new (ZICHA_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (zicha_application_get_settings (application));
  g_settings_bind (self->settings, "user-name", self->user_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
