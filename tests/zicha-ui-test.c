/* zicha-ui-test.c — what the UI test programs share
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application runs once for each test program: its cases run from an idle callback
 * inside g_application_run (). Helpers to find widgets and wait for them, and the steps
 * (import, demo database, pages) cases of several programs take.
 */
#define G_LOG_DOMAIN "zicha-test-ui"

#include "config.h"

#include "zicha-demo.h"
#include "zicha-import.h"
#include "zicha-ui-test.h"

ZichaApplication *app;
ZichaWindow *window;
const char *tmp_dir;
const char *db_path;

static char *db_path_owned;
static int test_status = 1;

void
zicha_ui_test_init (int         *argc,
                    char      ***argv,
                    const char  *name)
{
  /* Chinese, as the users see it. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  zicha_core_init_i18n ();

  g_test_init (argc, argv, NULL);

  tmp_dir = zicha_test_home_init (name);
  db_path = db_path_owned = zicha_test_path ("test.db");
}

static gboolean
run_tests_cb (gpointer user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (const GList *l = windows; l != NULL; l = l->next)
    if (ZICHA_IS_WINDOW (l->data))
      window = l->data;

  test_status = g_test_run ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

int
zicha_ui_test_run (void)
{
  const char *app_argv[] = { "zicha", "--db", db_path, NULL };
  int status;

  g_assert_nonnull (db_path);

  app = zicha_application_new (G_APPLICATION_NON_UNIQUE);
  g_idle_add (run_tests_cb, NULL);

  status = g_application_run (G_APPLICATION (app), 3, (char **) app_argv);
  g_assert_cmpint (status, ==, 0);
  window = NULL;
  g_clear_object (&app);

  zicha_test_home_remove ();
  tmp_dir = NULL;
  db_path = NULL;
  g_clear_pointer (&db_path_owned, g_free);

  return test_status;
}

gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
flush_main_loop (void)
{
  for (guint i = 0; i < 10000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

gboolean
wait_mapped (GtkWidget *widget,
             guint      ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, on_timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  flush_main_loop ();
  return gtk_widget_get_mapped (widget);
}

gboolean
wait_until (WaitFunc func,
            gpointer data,
            guint    ms)
{
  zicha_test_wait_until (func, data, ms);
  flush_main_loop ();
  return func (data);
}

static void
collect_widgets (GtkWidget  *root,
                 GType       type,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

GPtrArray *
find_widgets (GtkWidget *root,
              GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  return found;
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

GtkWindow *
wait_toplevel (GType type)
{
  GtkWindow *found = NULL;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, on_timeout_cb, &timed_out);

  while ((found = find_toplevel (type)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  flush_main_loop ();
  return found;
}

GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = find_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)),
                   g_dgettext (GETTEXT_PACKAGE, label)) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

gboolean
is_ascii (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

gboolean
label_shown (gpointer data)
{
  LabelWait *w = data;
  g_autoptr(GPtrArray) labels = find_widgets (w->root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), w->text) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  LabelWait w = { root, text };

  return wait_until (label_shown, &w, 5000);
}

void
answer_chooser (const char *folder,
                const char *name,
                int         response)
{
  GtkWindow *dialog = wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  gboolean existed = FALSE;

  g_assert_nonnull (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), dir, NULL));
      /* Only the Save chooser is answered with a name: an Open chooser does not
       * respond to gtk_dialog_response() in GTK 4.8 (it waits for its own button). */
      g_assert_true (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog))
                     == GTK_FILE_CHOOSER_ACTION_SAVE);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
      flush_main_loop ();
    }
  if (folder != NULL && name != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      existed = g_file_test (path, G_FILE_TEST_EXISTS);
    }
  gtk_dialog_response (GTK_DIALOG (dialog), response);
  flush_main_loop ();

  /* Saving over a file: GTK asks first, and the user says Replace. */
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GtkWindow *confirm = NULL;
      gboolean waited = FALSE;
      guint wait_id = g_timeout_add (10000, on_timeout_cb, &waited);

      /* The chooser looks at the file asynchronously before it asks. */
      while ((confirm = find_toplevel (GTK_TYPE_MESSAGE_DIALOG)) == NULL
             && find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL
             && !waited)
        g_main_context_iteration (NULL, TRUE);
      if (!waited)
        g_source_remove (wait_id);

      g_assert_true ((confirm != NULL) == existed);
      if (confirm != NULL)
        {
          gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);
          flush_main_loop ();
        }
    }
}

gboolean
activate_binding (GtkWidget       *widget,
                  guint            keyval,
                  GdkModifierType  mods)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean done = FALSE;

  for (guint i = 0; !done && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; !done && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_object_unref (controllers);
  flush_main_loop ();
  return done;
}

/* Import and the Records page ------------------------------------------------------------- */

gboolean
import_over (gpointer data)
{
  return g_strcmp0 (zicha_import_dialog_get_state (data), "running") != 0;
}

ZichaImportDialog *
import_and_wait (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  ZichaImportDialog *dialog = zicha_window_import_folder (window, folder);

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (wait_until (import_over, dialog, 30000));
  return dialog;
}

gboolean
list_ready (gpointer data)
{
  ZichaRecordList *list = zicha_record_view_get_list (data);

  return list != NULL && !zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list));
}

ZichaRecordView *
show_records (ZichaRecordKind kind)
{
  ZichaRecordsPage *page = zicha_window_get_records_page (window);
  ZichaRecordView *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "records"));
  view = zicha_records_page_show_kind (page, kind);
  g_assert_nonnull (view);
  g_assert_true (wait_mapped (GTK_WIDGET (view), 10000));
  g_assert_true (wait_until (list_ready, view, 10000));
  return view;
}

guint
n_rows (ZichaRecordView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (zicha_record_view_get_list (view)));
}

/* Risk leads (风险线索) --------------------------------------------------------------------- */

gboolean
risk_run_over (gpointer data)
{
  return !zicha_risk_leads_page_get_running (data);
}

gboolean
hit_list_ready (gpointer data)
{
  return !zicha_paged_list_get_loading (ZICHA_PAGED_LIST (data));
}

char *
make_demo_database (const char *name)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "risk-demo", NULL);
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  ZichaDemoOptions opts;

  zicha_demo_options_init (&opts);
  opts.certificates = ZICHA_DEMO_MIN_CERTIFICATES;
  g_date_set_dmy (&opts.today, 30, G_DATE_JUNE, 2026);
  g_assert_true (zicha_demo_generate (&opts, folder, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  zicha_test_import (db, folder);
  g_assert_true (zicha_db_set_setting (db, "demo-today", "2026-06-30", &error));
  g_assert_no_error (error);

  zicha_test_remove_tree (folder);
  return path;
}

ZichaRiskLeadsPage *
show_risk_leads (void)
{
  ZichaRiskLeadsPage *page = zicha_window_get_risk_leads_page (window);

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "risk-leads"));
  g_assert_true (wait_mapped (GTK_WIDGET (page), 10000));
  g_assert_true (zicha_risk_leads_page_get_db (page) == zicha_window_get_db (window));
  return page;
}
