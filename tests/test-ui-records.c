/* test-ui-records.c — the Records page of the Zicha window under Xvfb
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record counts of a new database, then the certificates of tests/data/ui-import
 * (imported through the window by /ui/records/import, as /ui/import/folder does) searched,
 * sorted and shown with their related records.
 */
#define G_LOG_DOMAIN "zicha-test-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-ui-test.h"

static void
test_records_page (void)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "records"));
  flush_main_loop ();

  pages = find_widgets (GTK_WIDGET (window), ZICHA_TYPE_RECORDS_PAGE);
  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (zicha_records_page_get_db (ZICHA_RECORDS_PAGE (page))
                 == zicha_window_get_db (window));

  rows = find_widgets (zicha_records_page_get_summary (ZICHA_RECORDS_PAGE (page)),
                       ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, ZICHA_N_RECORD_KINDS);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) labels = find_widgets (row, GTK_TYPE_LABEL);
      gboolean found_count = FALSE;

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       zicha_record_kind_get_label (i));
      /* The suffix label is the last label of the row. */
      for (guint j = 0; j < labels->len; j++)
        if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, j)), "0") == 0)
          found_count = TRUE;
      g_assert_true (found_count);
    }
}

/* The records the record views show: the folder of /ui/import/folder, through the window. */
static void
test_records_import (void)
{
  ZichaImportDialog *dialog = import_and_wait ("ui-import");
  ZichaRecordView *view;

  g_assert_cmpstr (zicha_import_dialog_get_state (dialog), ==, "done");
  gtk_window_close (GTK_WINDOW (dialog));
  flush_main_loop ();

  view = show_records (ZICHA_RECORD_CERTIFICATES);
  g_assert_cmpuint (n_rows (view), ==, 5);
}

static gboolean
has_n_rows (gpointer data)
{
  ZichaRecordView *view = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return list_ready (view) && n_rows (view) == n;
}

static gboolean
wait_rows (ZichaRecordView *view,
           guint            n)
{
  gpointer data[2] = { view, GUINT_TO_POINTER (n) };

  return wait_until (has_n_rows, data, 10000);
}

static void
test_records_search (void)
{
  ZichaRecordView *view = show_records (ZICHA_RECORD_CERTIFICATES);
  GtkEditable *entry = zicha_record_view_get_search_entry (view);
  GtkWidget *column_view = GTK_WIDGET (zicha_record_view_get_column_view (view));

  g_assert_cmpuint (n_rows (view), ==, 5);

  /* Typed as a user would: the list narrows after the entry's delay. */
  gtk_editable_set_text (entry, "华信");
  g_assert_true (wait_rows (view, 2));
  g_assert_true (shows_label (column_view, "C005"));

  /* Pinyin initials: 张家口中山食品 → zjkzssp. */
  gtk_editable_set_text (entry, "zs");
  g_assert_true (wait_rows (view, 1));
  g_assert_true (shows_label (column_view, "C004"));
  g_assert_false (label_shown (&(LabelWait) { column_view, "C001" }));

  gtk_editable_set_text (entry, "no such thing");
  g_assert_true (wait_rows (view, 0));

  gtk_editable_set_text (entry, "");
  g_assert_true (wait_rows (view, 5));
}

static char *
first_cell (ZichaRecordView *view,
            const char      *column_id)
{
  ZichaRecordList *list = zicha_record_view_get_list (view);
  g_autoptr(ZichaRecordRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  int column = zicha_record_kind_find_column (zicha_record_view_get_kind (view), column_id);

  g_assert_nonnull (row);
  return g_strdup (zicha_record_row_get_value (row, (guint) column));
}

static GtkColumnViewColumn *
find_column (ZichaRecordView *view,
             const char      *column_id)
{
  GtkColumnView *column_view = zicha_record_view_get_column_view (view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  int wanted = zicha_record_kind_find_column (zicha_record_view_get_kind (view), column_id);
  const char *title = zicha_record_kind_get_column_title (zicha_record_view_get_kind (view),
                                                          (guint) wanted);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static void
test_records_sort (void)
{
  ZichaRecordView *view = show_records (ZICHA_RECORD_CERTIFICATES);
  GtkColumnView *column_view = zicha_record_view_get_column_view (view);
  ZichaRecordList *list = zicha_record_view_get_list (view);
  int org = zicha_record_kind_find_column (ZICHA_RECORD_CERTIFICATES, "org");
  int issued = zicha_record_kind_find_column (ZICHA_RECORD_CERTIFICATES, "issued_on");
  g_autofree char *first = NULL;

  /* What a click on a header does: the column view sorts by that column. */
  gtk_column_view_sort_by_column (column_view, find_column (view, "issued_on"),
                                  GTK_SORT_ASCENDING);
  g_assert_true (wait_until (list_ready, view, 10000));
  g_assert_cmpuint (zicha_record_list_get_sort_column (list), ==, (guint) issued);
  g_assert_false (zicha_record_list_get_sort_descending (list));
  first = first_cell (view, "cert_no");
  g_assert_cmpstr (first, ==, "C002");
  g_clear_pointer (&first, g_free);

  gtk_column_view_sort_by_column (column_view, find_column (view, "issued_on"),
                                  GTK_SORT_DESCENDING);
  g_assert_true (wait_until (list_ready, view, 10000));
  g_assert_true (zicha_record_list_get_sort_descending (list));
  first = first_cell (view, "cert_no");
  g_assert_cmpstr (first, ==, "C005");
  g_clear_pointer (&first, g_free);

  /* Names in pinyin order, in SQL. */
  gtk_column_view_sort_by_column (column_view, find_column (view, "org"), GTK_SORT_ASCENDING);
  g_assert_true (wait_until (list_ready, view, 10000));
  g_assert_cmpuint (zicha_record_list_get_sort_column (list), ==, (guint) org);
  first = first_cell (view, "org");
  g_assert_cmpstr (first, ==, "安徽阿里山茶业有限公司");
  g_assert_true (shows_label (GTK_WIDGET (column_view), "安徽阿里山茶业有限公司"));
  g_clear_pointer (&first, g_free);

  gtk_column_view_sort_by_column (column_view, find_column (view, "cert_no"),
                                  GTK_SORT_ASCENDING);
  g_assert_true (wait_until (list_ready, view, 10000));
  first = first_cell (view, "cert_no");
  g_assert_cmpstr (first, ==, "C001");
}

static gboolean
selected_is (gpointer data)
{
  ZichaRecordView *view = ((gpointer *) data)[0];
  gint64 *id = ((gpointer *) data)[1];

  return list_ready (view) && zicha_record_view_get_selected_id (view) == *id;
}

static void
test_records_details (void)
{
  ZichaRecordView *view = show_records (ZICHA_RECORD_CERTIFICATES);
  ZichaDb *db = zicha_window_get_db (window);
  gint64 o001 = zicha_record_find_by_key (db, ZICHA_RECORD_ORGANIZATIONS, "O001");
  GtkSelectionModel *selection =
    gtk_column_view_get_model (zicha_record_view_get_column_view (view));
  g_autoptr(GPtrArray) groups = NULL;
  ZichaRecordView *orgs;
  GtkWidget *org_row = NULL;

  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  flush_main_loop ();
  g_assert_cmpint (zicha_record_view_get_selected_id (view), ==,
                   zicha_record_find_by_key (db, ZICHA_RECORD_CERTIFICATES, "C001"));

  /* Fields, then the related records by section. */
  g_assert_true (shows_label (zicha_record_view_get_details (view), "C001 北京华信科技有限公司"));
  g_assert_true (shows_label (zicha_record_view_get_details (view), "A001"));
  g_assert_true (shows_label (zicha_record_view_get_details (view), "张三"));
  groups = find_widgets (zicha_record_view_get_details (view), ADW_TYPE_PREFERENCES_GROUP);
  for (guint i = 0; i < groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (groups, i);

      if (g_strcmp0 (adw_preferences_group_get_title (group), _("Organization")) == 0)
        {
          g_autoptr(GPtrArray) rows = find_widgets (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW);

          g_assert_cmpuint (rows->len, ==, 1);
          org_row = g_ptr_array_index (rows, 0);
        }
    }
  g_assert_nonnull (org_row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (org_row)));

  /* Activating it shows the organization, selected. */
  g_signal_emit_by_name (org_row, "activated");
  orgs = zicha_records_page_get_view (zicha_window_get_records_page (window),
                                      ZICHA_RECORD_ORGANIZATIONS);
  {
    gpointer data[2] = { orgs, &o001 };

    g_assert_true (wait_until (selected_is, data, 10000));
  }
  g_assert_true (wait_mapped (GTK_WIDGET (orgs), 5000));
  g_assert_true (shows_label (zicha_record_view_get_details (orgs), "C005"));
}

int
main (int   argc,
      char *argv[])
{
  zicha_ui_test_init (&argc, &argv, "ui-records");

  /* On the empty database first; the record views need the imported records. */
  g_test_add_func ("/ui/records/counts", test_records_page);
  g_test_add_func ("/ui/records/import", test_records_import);
  g_test_add_func ("/ui/record-views/search", test_records_search);
  g_test_add_func ("/ui/record-views/sort", test_records_sort);
  g_test_add_func ("/ui/record-views/details", test_records_details);

  return zicha_ui_test_run ();
}
