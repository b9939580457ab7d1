/* test-ui-overview.c — the Overview page of the Zicha window under Xvfb
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview of the records of tests/data/ui-import (imported into the database before the
 * application starts, as /ui/import/folder would), the rules run from there and a focus-area
 * card that opens its leads; then a new database, where the overview asks for records first.
 */
#define G_LOG_DOMAIN "zicha-test-ui"

#include "config.h"

#include <glib/gstdio.h>

#include "zicha-overview-page.h"
#include "zicha-risk-leads-page-private.h"
#include "zicha-ui-test.h"

static gboolean
overview_loaded (gpointer data)
{
  return !zicha_overview_page_get_loading (data) && zicha_overview_page_get_overview (data) != NULL;
}

static ZichaOverviewPage *
show_overview (void)
{
  g_autoptr(GPtrArray) pages = find_widgets (GTK_WIDGET (window), ZICHA_TYPE_OVERVIEW_PAGE);
  ZichaOverviewPage *page;

  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "overview"));
  g_assert_true (wait_mapped (GTK_WIDGET (page), 10000));
  g_assert_true (zicha_overview_page_get_db (page) == zicha_window_get_db (window));
  g_assert_true (wait_until (overview_loaded, page, 10000));
  return page;
}

/* The main database holds the 5 certificates of tests/data/ui-import (import_records ()) and
 * no run of the rules. */
static void
test_overview (void)
{
  ZichaRiskLeadsPage *risk_page = zicha_window_get_risk_leads_page (window);
  ZichaOverviewPage *page;
  const ZichaOverview *overview;
  g_autoptr(GPtrArray) cards = NULL;
  gint64 counts[ZICHA_N_RECORD_KINDS];
  GtkWidget *run_button;
  GtkWidget *legal_card = NULL;
  ZichaHitList *list;

  g_assert_true (zicha_db_count_records (zicha_window_get_db (window), counts, NULL));
  g_assert_cmpint (counts[ZICHA_RECORD_CERTIFICATES], ==, 5);

  page = show_overview ();
  overview = zicha_overview_page_get_overview (page);
  g_assert_cmpint (overview->certificates, ==, 5);
  g_assert_cmpint (overview->audits, ==, counts[ZICHA_RECORD_AUDITS]);
  g_assert_cmpint (overview->import_id, >, 0);
  g_assert_cmpint (overview->run_id, ==, 0);
  /* On screen: the imported count; the rules have not run. */
  g_assert_true (shows_label (GTK_WIDGET (page), "5"));
  g_assert_true (shows_label (GTK_WIDGET (page), zicha_record_kind_get_label (
                                ZICHA_RECORD_CERTIFICATES)));
  g_assert_true (shows_label (GTK_WIDGET (page),
                              g_dgettext (GETTEXT_PACKAGE, "The Risk Rules Have Not Run Yet")));
  g_assert_false (label_shown (&(LabelWait) { GTK_WIDGET (page),
                                 g_dgettext (GETTEXT_PACKAGE, "No Records Imported Yet") }));

  /* Run Risk Rules goes to the Risk leads page and runs them there. */
  run_button = find_button (GTK_WIDGET (page), "_Run Risk Rules");
  g_assert_nonnull (run_button);
  g_assert_true (gtk_widget_get_sensitive (run_button));
  g_signal_emit_by_name (run_button, "clicked");
  flush_main_loop ();
  g_assert_cmpstr (zicha_window_get_visible_page (window), ==, "risk-leads");
  g_assert_true (wait_until (risk_run_over, risk_page, 120000));
  g_assert_nonnull (zicha_risk_leads_page_get_last_result (risk_page));

  /* Back on the overview: the run and its leads. */
  page = show_overview ();
  overview = zicha_overview_page_get_overview (page);
  g_assert_cmpint (overview->run_id, ==,
                   zicha_risk_leads_page_get_last_result (risk_page)->run_id);
  g_assert_cmpint (overview->run_hits, ==,
                   zicha_risk_leads_page_get_last_result (risk_page)->total_hits);
  g_assert_cmpint (overview->hits_by_status[ZICHA_HIT_OPEN], ==,
                   zicha_hits_count (zicha_window_get_db (window),
                                     &(ZichaHitFilter) { .status = "open" }, NULL));
  g_assert_false (label_shown (&(LabelWait) { GTK_WIDGET (page),
                                 g_dgettext (GETTEXT_PACKAGE,
                                             "The Risk Rules Have Not Run Yet") }));

  /* A focus-area card opens the open risk leads of its area. */
  cards = find_widgets (GTK_WIDGET (page), GTK_TYPE_BUTTON);
  for (guint i = 0; i < cards->len && legal_card == NULL; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (cards, i), "zicha-area-card"))
      legal_card = g_ptr_array_index (cards, i);
  g_assert_nonnull (legal_card);
  g_signal_emit_by_name (legal_card, "clicked");
  flush_main_loop ();
  g_assert_cmpstr (zicha_window_get_visible_page (window), ==, "risk-leads");
  list = zicha_risk_leads_page_get_list (risk_page);
  g_assert_true (wait_until (hit_list_ready, list, 10000));
  /* (Some of the open leads are of another area: the list is narrowed.) */
  g_assert_cmpint (overview->open_by_area[ZICHA_RULE_AREA_LEGAL], >, 0);
  g_assert_cmpint (overview->open_by_area[ZICHA_RULE_AREA_LEGAL], <,
                   overview->hits_by_status[ZICHA_HIT_OPEN]);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                   overview->open_by_area[ZICHA_RULE_AREA_LEGAL]);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(ZichaHitRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (zicha_hit_row_get_hit (row)->area, ==, "legal");
      g_assert_cmpint (zicha_hit_row_get_hit (row)->status, ==, ZICHA_HIT_OPEN);
    }
  zicha_risk_leads_page_set_filter (risk_page, NULL, NULL, NULL, NULL);
  g_assert_true (wait_until (hit_list_ready, list, 10000));
}

/* A new database: the overview asks for records first. */
static void
test_overview_empty (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "overview-empty.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) main_db = g_file_new_for_path (db_path);
  ZichaOverviewPage *page;
  GtkWidget *button;

  g_assert_true (zicha_window_load_database (window, file, ZICHA_DB_OPEN_CREATE));
  page = show_overview ();
  g_assert_cmpint (zicha_overview_page_get_overview (page)->certificates, ==, 0);
  g_assert_true (shows_label (GTK_WIDGET (page),
                              g_dgettext (GETTEXT_PACKAGE, "No Records Imported Yet")));
  button = find_button (GTK_WIDGET (page), "_Import Folder…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import");
  /* Nothing to run the rules on yet. */
  button = find_button (GTK_WIDGET (page), "_Run Risk Rules");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));

  g_assert_true (zicha_window_open_database (window, main_db));
  flush_main_loop ();
  g_unlink (path);
}

/* The 5 certificates of tests/data/ui-import, imported by the core (no run of the rules). */
static void
import_records (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "ui-import", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (db_path, ZICHA_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  zicha_test_import (db, folder);
}

int
main (int   argc,
      char *argv[])
{
  zicha_ui_test_init (&argc, &argv, "ui-overview");
  import_records ();

  g_test_add_func ("/ui/overview/counts", test_overview);
  g_test_add_func ("/ui/overview/empty", test_overview_empty);

  return zicha_ui_test_run ();
}
