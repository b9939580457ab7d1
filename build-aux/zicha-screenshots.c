/* zicha-screenshots.c — renders every page of the main window to PNG files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used to look at the app as a user would (README, AppStream screenshot) and to
 * review each page in zh_CN. Run it with build-aux/screenshots.sh. Folders named after the
 * database and output folder are imported first through the import dialog, each
 * rendered as import-N.png; then the main lists of the Records page are rendered with
 * their first record selected (records-KIND.png). */
#define G_LOG_DOMAIN "zicha-screenshots"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-core.h"
#include "zicha-application.h"
#include "zicha-import-dialog.h"
#include "zicha-record-list.h"
#include "zicha-record-view.h"
#include "zicha-records-page.h"
#include "zicha-risk-leads-page-private.h"
#include "zicha-window.h"

static const char *pages[] = {
  "overview", "plans", "risk-leads", "problems", "rectification", "records", "report",
};

static ZichaApplication *app;
static const char *out_dir;
static const char *db_path;
static char **import_folders;
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
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

/* Waits until the first cell of @view is on screen (at most 10 s). */
static void
wait_first_row_shown (ZichaRecordView *view)
{
  ZichaRecordList *list = zicha_record_view_get_list (view);
  g_autoptr(ZichaRecordRow) row = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (list == NULL)
    return;
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  if (row == NULL)
    return;
  while (!find_label (GTK_WIDGET (zicha_record_view_get_column_view (view)),
                      zicha_record_row_get_value (row, 0))
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the rules through the page when they never ran (a fresh demo database), then selects
 * the first risk lead so that its details show. */
static void
prepare_risk_leads (ZichaWindow *win)
{
  ZichaRiskLeadsPage *page = zicha_window_get_risk_leads_page (win);
  ZichaHitList *list;

  wait_ms (300);
  if (g_str_equal (zicha_risk_leads_page_get_state (page), "empty")
      && zicha_risk_leads_page_run (page))
    {
      while (zicha_risk_leads_page_get_running (page))
        g_main_context_iteration (NULL, TRUE);
    }
  list = zicha_risk_leads_page_get_list (page);
  if (list == NULL)
    return;
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    zicha_risk_leads_page_select (page, 0);
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
  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 720);

  for (i = 0; import_folders != NULL && import_folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (import_folders[i]);
      ZichaImportDialog *dialog = zicha_window_import_folder (ZICHA_WINDOW (win), folder);
      g_autofree char *name = g_strdup_printf ("import-%u", i + 1);

      if (dialog == NULL)
        continue;
      while (g_strcmp0 (zicha_import_dialog_get_state (dialog), "running") == 0)
        g_main_context_iteration (NULL, TRUE);
      save_window (GTK_WIDGET (dialog), name);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  for (i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (win, "win.show-page", "s", pages[i]);
      if (g_str_equal (pages[i], "risk-leads"))
        prepare_risk_leads (ZICHA_WINDOW (win));
      save_window (win, pages[i]);
    }

  {
    static const ZichaRecordKind kinds[] = {
      ZICHA_RECORD_CERTIFICATES, ZICHA_RECORD_ORGANIZATIONS, ZICHA_RECORD_PERSONNEL,
      ZICHA_RECORD_AUDITS, ZICHA_RECORD_EXPENSES, ZICHA_RECORD_CHECKINS,
    };
    ZichaRecordsPage *page = zicha_window_get_records_page (ZICHA_WINDOW (win));

    gtk_widget_activate_action (win, "win.show-page", "s", "records");
    for (i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        gint64 start = g_get_monotonic_time ();
        ZichaRecordView *view = zicha_records_page_show_kind (page, kinds[i]);
        g_autofree char *name = g_strdup_printf ("records-%s",
                                                 zicha_record_kind_get_id (kinds[i]));
        ZichaRecordList *list;

        wait_first_row_shown (view);
        g_printerr ("%s: first rows shown after %.0f ms\n", name,
                    (g_get_monotonic_time () - start) / 1000.0);
        list = zicha_record_view_get_list (view);
        if (list != NULL)
          {
            zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
            if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
              gtk_selection_model_select_item (
                gtk_column_view_get_model (zicha_record_view_get_column_view (view)), 0, TRUE);
          }
        save_window (win, name);
      }
  }
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  const char *av[4];

  if (argc < 3)
    {
      g_printerr ("usage: %s DATABASE OUTPUT-FOLDER [IMPORT-FOLDER…]\n", argv[0]);
      return 2;
    }
  db_path = argv[1];
  out_dir = argv[2];
  import_folders = argv + 3;
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
