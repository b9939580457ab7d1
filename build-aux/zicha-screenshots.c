/* zicha-screenshots.c — renders every page of the main window to PNG files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used to look at the app as a user would (README, AppStream screenshot) and to
 * review each page in zh_CN. Run it with build-aux/screenshots.sh. */
#define G_LOG_DOMAIN "zicha-screenshots"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-core.h"
#include "zicha-application.h"
#include "zicha-window.h"

static const char *pages[] = {
  "overview", "plans", "risk-leads", "problems", "rectification", "records", "report",
};

static ZichaApplication *app;
static const char *out_dir;
static const char *db_path;
static int status;

static gboolean
wake_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wake_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
save_window (GtkWidget  *window,
             const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  wait_ms (600);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  if (node == NULL || renderer == NULL)
    {
      g_printerr ("could not render %s\n", name);
      status = 1;
      return;
    }
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", out_dir, name);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("could not save %s\n", path);
      status = 1;
      return;
    }
  g_print ("%s\n", path);
}

static gboolean
run_cb (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  GtkWidget *win;
  guint i;

  if (windows == NULL)
    {
      status = 1;
      g_application_quit (G_APPLICATION (app));
      return G_SOURCE_REMOVE;
    }
  win = windows->data;
  gtk_window_set_default_size (GTK_WINDOW (win), 1100, 720);
  for (i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (win, "win.show-page", "s", pages[i]);
      save_window (win, pages[i]);
    }
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  const char *av[4];

  if (argc != 3)
    {
      g_printerr ("usage: %s DATABASE OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }
  db_path = argv[1];
  out_dir = argv[2];
  g_mkdir_with_parents (out_dir, 0755);

  zicha_core_init_i18n ();
  app = zicha_application_new (G_APPLICATION_NON_UNIQUE);
  av[0] = "zicha";
  av[1] = "--db";
  av[2] = db_path;
  av[3] = NULL;
  g_idle_add (run_cb, NULL);
  g_application_run (G_APPLICATION (app), 3, (char **) av);
  g_object_unref (app);
  return status;
}
