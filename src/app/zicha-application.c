/* zicha-application.c — the GTK application object of Zicha
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-application"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "zicha-core.h"
#include "zicha-app-resources.h"
#include "zicha-application.h"
#include "zicha-session.h"
#include "zicha-preferences-window.h"
#include "zicha-window.h"

struct _ZichaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ZichaApplication, zicha_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database FILE (created when missing)"), N_("FILE") },
  { "new-instance", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Run a separate instance of the application"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static ZichaWindow *
get_or_create_window (ZichaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Dialogs are transient for the main window and belong to the application too. */
  if (window != NULL && !ZICHA_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window == NULL || !ZICHA_IS_WINDOW (window))
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

      window = NULL;
      for (const GList *l = windows; l != NULL; l = l->next)
        {
          if (ZICHA_IS_WINDOW (l->data))
            {
              window = l->data;
              break;
            }
        }
    }

  if (window == NULL)
    window = GTK_WINDOW (zicha_window_new (self));

  return ZICHA_WINDOW (window);
}

/* The database opened when none is named on the command line: the last one
 * when it still exists, else the default one in the user data folder. */
static GFile *
pick_start_database (ZichaApplication *self)
{
  g_autofree char *last = g_settings_get_string (zicha_application_get_settings (self),
                                                "last-database");
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (last);

  path = zicha_db_default_path ();
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_warning ("Could not create %s: %s", folder, g_strerror (errno));
  return g_file_new_for_path (path);
}

static ZichaWindow *
open_window (ZichaApplication *self,
             GFile            *file)
{
  ZichaWindow *window = NULL;
  gboolean fresh;

  window = get_or_create_window (self);
  fresh = zicha_window_get_db (window) == NULL;

  if (file != NULL)
    zicha_window_load_database (window, file, ZICHA_DB_OPEN_CREATE);
  else if (fresh)
    {
      g_autoptr(GFile) start = pick_start_database (self);

      zicha_window_load_database (window, start, ZICHA_DB_OPEN_CREATE);
    }

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ZichaApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (rather than g_application_quit) lets each window save its state. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  ZichaApplication *self = user_data;
  static const char *developers[] = { "The Zicha developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Zicha"),
                        "developer-name", _("The Zicha developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan and run the certification quality "
                                      "self-inspection of a certification body: "
                                      "import its records, follow the risk leads, "
                                      "track the rectification and write the report."),
                        "website", "https://github.com/zicha/zicha",
                        "issue-url", "https://github.com/zicha/zicha/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Zicha developers",
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  ZichaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ZichaPreferencesWindow *prefs = zicha_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  ZichaApplication *self = user_data;
  ZichaWindow *window = get_or_create_window (self);

  /* GtkApplicationWindow builds the shortcuts window from gtk/help-overlay.ui. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
new_database_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  ZichaWindow *window = open_window (user_data, NULL);

  zicha_window_choose_new_database (window);
}

static void
open_database_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  ZichaWindow *window = open_window (user_data, NULL);

  zicha_window_choose_database (window);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "new-database", new_database_activated },
  { "open-database", open_database_activated },
};

static int
zicha_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* Decided before registration, which is when uniqueness is checked. */
  if (g_variant_dict_contains (options, "new-instance"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static int
zicha_application_command_line (GApplication            *app,
                                GApplicationCommandLine *cmdline)
{
  ZichaApplication *self = ZICHA_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  const char *db_arg = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_arg) && db_arg[0] != '\0')
    file = g_application_command_line_create_file_for_arg (cmdline, db_arg);

  open_window (self, file);
  return 0;
}

static void
zicha_application_activate (GApplication *app)
{
  open_window (ZICHA_APPLICATION (app), NULL);
}

static void
zicha_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.new-database", { "<Control>n", NULL } },
    { "app.open-database", { "<Control>o", NULL } },
    { "win.show-help-overlay", { NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  ZichaApplication *self = ZICHA_APPLICATION (app);

  G_APPLICATION_CLASS (zicha_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
zicha_application_dispose (GObject *object)
{
  ZichaApplication *self = ZICHA_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (zicha_application_parent_class)->dispose (object);
}

static void
zicha_application_class_init (ZichaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = zicha_application_dispose;
  app_class->startup = zicha_application_startup;
  app_class->activate = zicha_application_activate;
  app_class->command_line = zicha_application_command_line;
  app_class->handle_local_options = zicha_application_handle_local_options;
}

static void
zicha_application_init (ZichaApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Certification quality self-inspection"));
}

ZichaApplication *
zicha_application_new (GApplicationFlags extra_flags)
{
  static gsize resources_registered = 0;

  /* The resources are linked statically: their constructor may be dropped by
   * the linker, so register them by hand, once per process. */
  if (g_once_init_enter (&resources_registered))
    {
      g_resources_register (zicha_app_get_resource ());
      g_once_init_leave (&resources_registered, 1);
    }

  return g_object_new (ZICHA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/zicha/Zicha",
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | extra_flags,
                       NULL);
}

GSettings *
zicha_application_get_settings (ZichaApplication *self)
{
  g_return_val_if_fail (ZICHA_IS_APPLICATION (self), NULL);

  /* Made on first use, so that --help and --version need no schema. */
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
}

char *
zicha_application_get_default_user_name (void)
{
  return zicha_session_get_default_user_name ();
}

char *
zicha_application_get_user_name (ZichaApplication *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ZICHA_IS_APPLICATION (self), NULL);

  name = g_settings_get_string (zicha_application_get_settings (self), "user-name");
  g_strstrip (name);
  if (name[0] == '\0')
    return zicha_application_get_default_user_name ();
  return g_steal_pointer (&name);
}
