/* test-ui-risk-leads.c — the Risk leads (风险线索) page of the Zicha window under Xvfb
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page on a new database, then on a demo database: the as-of date, a run of the rules,
 * confirming, dismissing and undoing leads by key and by action, the filters, and a record of
 * a lead opened in the Records page. Each case opens its own database and goes back to the
 * one the window opened first.
 */
#define G_LOG_DOMAIN "zicha-test-ui"

#include "config.h"

#include <glib/gstdio.h>

#include "zicha-problems.h"
#include "zicha-risk-leads-page-private.h"
#include "zicha-ui-test.h"

/* The total a search must narrow the list below (hit_list_narrowed). */
static guint narrow_below;

/* The search entry reports its text only after its delay: wait for the narrowed list, not
 * for any list that has finished loading (the previous one has, too). */
static gboolean
hit_list_narrowed (gpointer data)
{
  return !zicha_paged_list_get_loading (ZICHA_PAGED_LIST (data)) &&
         g_list_model_get_n_items (G_LIST_MODEL (data)) < narrow_below;
}

static void
test_risk_leads_empty (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "risk-empty.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) main_db = g_file_new_for_path (db_path);
  ZichaRiskLeadsPage *page;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const GDate *as_of;

  g_assert_true (zicha_window_load_database (window, file, ZICHA_DB_OPEN_CREATE));
  page = show_risk_leads ();

  /* No run yet: the empty state, and the as-of date is today. */
  g_assert_cmpstr (zicha_risk_leads_page_get_state (page), ==, "empty");
  g_assert_true (shows_label (GTK_WIDGET (page), g_dgettext (GETTEXT_PACKAGE, "No Risk Leads")));
  as_of = zicha_risk_leads_page_get_as_of (page);
  g_assert_cmpint (g_date_get_year (as_of), ==, g_date_time_get_year (now));
  g_assert_cmpint (g_date_get_month (as_of), ==, g_date_time_get_month (now));
  g_assert_cmpint (g_date_get_day (as_of), ==, g_date_time_get_day_of_month (now));
  g_assert_null (zicha_risk_leads_page_get_last_result (page));

  g_assert_true (zicha_window_open_database (window, main_db));
  flush_main_loop ();
  g_unlink (path);
}

static void
test_risk_leads_run_and_triage (void)
{
  g_autofree char *path = make_demo_database ("risk-demo.db");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) main_db = g_file_new_for_path (db_path);
  g_autofree char *user_name = zicha_application_get_user_name (app);
  g_autofree char *as_of_label = NULL;
  const ZichaRuleRunResult *result;
  ZichaRiskLeadsPage *page;
  ZichaHitList *list;
  AdwMessageDialog *dialog;
  ZichaConfirmDialog *confirm_dialog;
  g_autoptr(GPtrArray) entries = NULL;
  ZichaDb *db;
  gint64 confirmed_id, dismissed_id;

  g_assert_true (zicha_window_open_database (window, file));
  db = zicha_window_get_db (window);
  page = show_risk_leads ();
  g_assert_cmpstr (zicha_risk_leads_page_get_state (page), ==, "empty");

  /* The as-of date comes from the database's demo-today. */
  g_assert_cmpint (g_date_get_year (zicha_risk_leads_page_get_as_of (page)), ==, 2026);
  g_assert_cmpint (g_date_get_month (zicha_risk_leads_page_get_as_of (page)), ==, 6);
  g_assert_cmpint (g_date_get_day (zicha_risk_leads_page_get_as_of (page)), ==, 30);
  {
    /* …and the as-of button shows it (without the mnemonic's underscore). */
    g_autofree char *label = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "_As of %s"),
                                              "2026-06-30");
    g_auto(GStrv) parts = g_strsplit (label, "_", -1);

    as_of_label = g_strjoinv ("", parts);
    g_assert_true (shows_label (GTK_WIDGET (page), as_of_label));
  }
  {
    /* A day picked in the calendar becomes the as-of date. */
    g_autoptr(GPtrArray) calendars = find_widgets (GTK_WIDGET (page), GTK_TYPE_CALENDAR);
    g_autoptr(GDateTime) may = g_date_time_new_local (2026, 5, 31, 0, 0, 0);
    g_autoptr(GDateTime) june = g_date_time_new_local (2026, 6, 30, 0, 0, 0);

    g_assert_cmpuint (calendars->len, ==, 1);
    gtk_calendar_select_day (g_ptr_array_index (calendars, 0), may);
    g_assert_cmpint (g_date_get_month (zicha_risk_leads_page_get_as_of (page)), ==, 5);
    g_assert_cmpint (g_date_get_day (zicha_risk_leads_page_get_as_of (page)), ==, 31);
    gtk_calendar_select_day (g_ptr_array_index (calendars, 0), june);
    g_assert_cmpint (g_date_get_month (zicha_risk_leads_page_get_as_of (page)), ==, 6);
  }

  /* Run the rules through the page's action, as the button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.run", NULL));
  g_assert_true (zicha_risk_leads_page_get_running (page));
  g_assert_false (zicha_risk_leads_page_run (page));   /* one run at a time */
  g_assert_true (wait_until (risk_run_over, page, 120000));
  result = zicha_risk_leads_page_get_last_result (page);
  g_assert_nonnull (result);
  g_assert_cmpstr (result->as_of, ==, "2026-06-30");
  g_assert_cmpuint (result->total_hits, >, 0);
  g_assert_cmpuint (result->new_hits, ==, result->total_hits);
  g_assert_cmpstr (zicha_risk_leads_page_get_state (page), ==, "leads");

  /* Every hit is listed. */
  list = zicha_risk_leads_page_get_list (page);
  g_assert_true (wait_until (hit_list_ready, list, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, result->total_hits);
  g_assert_cmpint (zicha_hits_count (db, NULL, NULL), ==, result->total_hits);
  {
    /* The count label says how many. */
    g_autofree char *number = g_strdup_printf ("%'u", result->total_hits);
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s lead",
                                                           "%s leads", result->total_hits),
                                              number);

    g_assert_true (shows_label (GTK_WIDGET (page), count));
  }

  /* Confirm the first one with Ctrl+Return (risk.confirm, as the button and the menu). */
  zicha_risk_leads_page_select (page, 0);
  confirmed_id = zicha_risk_leads_page_get_selected_id (page);
  g_assert_cmpint (confirmed_id, >, 0);
  g_assert_true (activate_binding (GTK_WIDGET (page), GDK_KEY_Return, GDK_CONTROL_MASK));
  /* …which asks how, in the confirm dialog: a new problem, as the lead makes it */
  confirm_dialog = ZICHA_CONFIRM_DIALOG (wait_toplevel (ZICHA_TYPE_CONFIRM_DIALOG));
  g_assert_nonnull (confirm_dialog);
  g_assert_true (zicha_confirm_dialog_accept (confirm_dialog));
  flush_main_loop ();
  {
    g_autoptr(ZichaHit) hit = zicha_hits_get (db, confirmed_id, NULL);

    g_assert_nonnull (hit);
    g_assert_cmpint (hit->status, ==, ZICHA_HIT_CONFIRMED);
    g_assert_cmpstr (hit->triaged_by, ==, user_name);
    g_assert_nonnull (hit->triaged_at);
    g_assert_cmpint (zicha_problems_find_by_hit (db, hit->id, NULL), >, 0);
  }
  /* The row and the details say so. */
  g_assert_true (shows_label (zicha_risk_leads_page_get_details (page),
                              zicha_hit_status_get_label (ZICHA_HIT_CONFIRMED)));

  /* Dismiss the second one: the dialog wants a reason. */
  zicha_risk_leads_page_select (page, 1);
  dismissed_id = zicha_risk_leads_page_get_selected_id (page);
  g_assert_cmpint (dismissed_id, >, 0);
  g_assert_cmpint (dismissed_id, !=, confirmed_id);
  g_assert_true (activate_binding (GTK_WIDGET (page), GDK_KEY_Delete, 0));
  dialog = ADW_MESSAGE_DIALOG (wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "dismiss"));
  entries = find_widgets (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "dismiss"));
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)),
                         "现场核实：审核员当日在两地均有签到记录");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "dismiss"));
  adw_message_dialog_response (dialog, "dismiss");
  flush_main_loop ();
  {
    g_autoptr(ZichaHit) hit = zicha_hits_get (db, dismissed_id, NULL);

    g_assert_cmpint (hit->status, ==, ZICHA_HIT_DISMISSED);
    g_assert_cmpstr (hit->dismiss_reason, ==, "现场核实：审核员当日在两地均有签到记录");
    g_assert_cmpstr (hit->triaged_by, ==, user_name);
  }
  /* The toast says so at once (it replaces the one of the confirmation). */
  g_assert_true (shows_label (GTK_WIDGET (page),
                              g_dgettext (GETTEXT_PACKAGE, "Risk lead dismissed")));
  /* A dismissed lead is not confirmed by the shortcut: only undone. */
  gtk_widget_activate_action (GTK_WIDGET (page), "risk.confirm", NULL);
  flush_main_loop ();
  {
    g_autoptr(ZichaHit) hit = zicha_hits_get (db, dismissed_id, NULL);

    g_assert_cmpint (hit->status, ==, ZICHA_HIT_DISMISSED);
  }

  /* Ctrl+Z undoes the confirmation of the selected lead; the toast's Undo does it again. */
  zicha_risk_leads_page_select (page,
                                zicha_paged_list_find (ZICHA_PAGED_LIST (list), confirmed_id));
  g_assert_true (activate_binding (GTK_WIDGET (page), GDK_KEY_z, GDK_CONTROL_MASK));
  {
    g_autoptr(ZichaHit) hit = zicha_hits_get (db, confirmed_id, NULL);

    g_assert_cmpint (hit->status, ==, ZICHA_HIT_OPEN);
    g_assert_cmpint (zicha_problems_find_by_hit (db, hit->id, NULL), ==, 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.confirm", NULL));
  confirm_dialog = ZICHA_CONFIRM_DIALOG (wait_toplevel (ZICHA_TYPE_CONFIRM_DIALOG));
  g_assert_true (zicha_confirm_dialog_accept (confirm_dialog));
  flush_main_loop ();

  /* Undo the dismissal from the toast's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.undo-triage", "x",
                                             dismissed_id));
  flush_main_loop ();
  {
    g_autoptr(ZichaHit) dismissed = zicha_hits_get (db, dismissed_id, NULL);
    g_autoptr(ZichaHit) confirmed = zicha_hits_get (db, confirmed_id, NULL);

    g_assert_cmpint (dismissed->status, ==, ZICHA_HIT_OPEN);
    g_assert_null (dismissed->dismiss_reason);
    g_assert_null (dismissed->triaged_by);
    g_assert_cmpint (confirmed->status, ==, ZICHA_HIT_CONFIRMED);
  }

  /* Filters run in SQL: the confirmed one alone. */
  zicha_risk_leads_page_set_filter (page, NULL, NULL, NULL, "confirmed");
  g_assert_true (wait_until (hit_list_ready, list, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(ZichaHitRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpint (zicha_hit_row_get_id (row), ==, confirmed_id);
  }
  /* By text: its object's key finds it. */
  zicha_risk_leads_page_set_filter (page, NULL, NULL, NULL, NULL);
  {
    g_autoptr(ZichaHit) hit = zicha_hits_get (db, confirmed_id, NULL);
    guint n;

    gtk_editable_set_text (zicha_risk_leads_page_get_search_entry (page), hit->entity_key);
    narrow_below = result->total_hits;
    g_assert_true (wait_until (hit_list_narrowed, list, 10000));
    n = g_list_model_get_n_items (G_LIST_MODEL (list));
    g_assert_cmpuint (n, >=, 1);
    g_assert_cmpuint (n, <, result->total_hits);
    g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), confirmed_id), !=, G_MAXUINT);
    gtk_editable_set_text (zicha_risk_leads_page_get_search_entry (page), "");
  }
  /* By focus area. */
  zicha_risk_leads_page_set_filter (page, "conduct", NULL, NULL, NULL);
  g_assert_true (wait_until (hit_list_ready, list, 10000));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(ZichaHitRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (zicha_hit_row_get_hit (row)->area, ==, "conduct");
    }
  zicha_risk_leads_page_set_filter (page, NULL, NULL, NULL, NULL);
  g_assert_true (wait_until (hit_list_ready, list, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, result->total_hits);

  /* A record of a hit opens in the Records page. */
  {
    g_autoptr(GPtrArray) records = zicha_hits_get_records (db, confirmed_id, NULL);
    ZichaHitRecord *record;

    g_assert_nonnull (records);
    g_assert_cmpuint (records->len, >, 0);
    record = g_ptr_array_index (records, records->len - 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.show-record", "(ss)",
                                               record->record_type, record->record_key));
    flush_main_loop ();
    g_assert_cmpstr (zicha_window_get_visible_page (window), ==, "records");
  }

  g_assert_true (zicha_window_open_database (window, main_db));
  flush_main_loop ();
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  zicha_ui_test_init (&argc, &argv, "ui-risk-leads");

  g_test_add_func ("/ui/risk-leads/empty", test_risk_leads_empty);
  g_test_add_func ("/ui/risk-leads/run-and-triage", test_risk_leads_run_and_triage);

  return zicha_ui_test_run ();
}
