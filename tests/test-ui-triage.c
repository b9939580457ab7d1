/* test-ui-triage.c — triage into the problem ledger from the Risk leads (风险线索) page
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a demo database whose rules the page runs: two leads selected together and confirmed as
 * one new problem through the confirm dialog (title and severity changed there), undone
 * whole and confirmed again; a third lead added to that problem through the dialog's picker,
 * and undone by Ctrl+Z; leads already triaged left out of the dialog; two leads dismissed
 * together with one reason, and undone. Every step is checked in the database through core.
 */
#define G_LOG_DOMAIN "zicha-test-ui"

#include "config.h"

#include <glib/gstdio.h>

#include "zicha-change-log.h"
#include "zicha-confirm-dialog.h"
#include "zicha-problems.h"
#include "zicha-risk-leads-page-private.h"
#include "zicha-ui-test.h"

static GtkSelectionModel *
selection_of (ZichaRiskLeadsPage *page)
{
  return gtk_column_view_get_model (zicha_risk_leads_page_get_column_view (page));
}

static gint64
id_at (ZichaRiskLeadsPage *page,
       guint               position)
{
  g_autoptr(ZichaHitRow) row = g_list_model_get_item (G_LIST_MODEL (selection_of (page)),
                                                      position);

  g_assert_nonnull (row);
  return zicha_hit_row_get_id (row);
}

static ZichaHitStatus
status_of (ZichaDb *db,
           gint64   hit_id)
{
  g_autoptr(ZichaHit) hit = zicha_hits_get (db, hit_id, NULL);

  g_assert_nonnull (hit);
  return hit->status;
}

static guint
n_log (ZichaDb    *db,
       const char *entity,
       gint64      key)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, key);
  g_autoptr(GPtrArray) entries = zicha_change_log_list (db, entity, text, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

/* The entry rows of the confirm dialog: the title, then the note. */
static GtkEditable *
dialog_entry (ZichaConfirmDialog *dialog,
              guint               index)
{
  g_autoptr(GPtrArray) rows = find_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);

  g_assert_cmpuint (rows->len, ==, 2);
  return GTK_EDITABLE (g_ptr_array_index (rows, index));
}

static ZichaConfirmDialog *
open_confirm_dialog (ZichaRiskLeadsPage *page)
{
  ZichaConfirmDialog *dialog;

  g_assert_true (activate_binding (GTK_WIDGET (page), GDK_KEY_Return, GDK_CONTROL_MASK));
  dialog = ZICHA_CONFIRM_DIALOG (wait_toplevel (ZICHA_TYPE_CONFIRM_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (wait_mapped (GTK_WIDGET (dialog), 10000));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return dialog;
}

static void
test_triage_several (void)
{
  g_autofree char *path = make_demo_database ("triage.db");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) main_db = g_file_new_for_path (db_path);
  g_autofree char *user_name = zicha_application_get_user_name (app);
  ZichaRiskLeadsPage *page;
  ZichaConfirmDialog *dialog;
  AdwMessageDialog *dismiss;
  ZichaDb *db;
  gint64 a, b, c, d, e, problem, again;

  g_assert_true (zicha_window_open_database (window, file));
  db = zicha_window_get_db (window);
  page = show_risk_leads ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.run", NULL));
  g_assert_true (wait_until (risk_run_over, page, 120000));
  g_assert_true (wait_until (hit_list_ready, zicha_risk_leads_page_get_list (page), 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection_of (page))), >, 5);

  /* Two leads selected together (as Shift+Down does): the details show the last of them and
   * say that two are selected; the count label too. */
  a = id_at (page, 0);
  b = id_at (page, 1);
  c = id_at (page, 2);
  zicha_risk_leads_page_select (page, 0);
  g_assert_true (gtk_selection_model_select_item (selection_of (page), 1, FALSE));
  flush_main_loop ();
  g_assert_cmpint (zicha_risk_leads_page_get_selected_id (page), ==, b);
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u risk lead selected: Confirm and "
                                                          "Dismiss act on those of them not yet "
                                                          "confirmed or dismissed.",
                                                          "%u risk leads selected: Confirm and "
                                                          "Dismiss act on those of them not yet "
                                                          "confirmed or dismissed.", 2), 2);

    g_assert_true (shows_label (zicha_risk_leads_page_get_details (page), text));
  }

  /* Ctrl+Return: the dialog shows the new problem the leads make. */
  dialog = open_confirm_dialog (page);
  g_assert_cmpuint (zicha_confirm_dialog_get_hit_ids (dialog)->len, ==, 2);
  {
    g_autoptr(ZichaProblem) preview = zicha_problems_preview_hits (
                                        db, (gint64[]) { a, b }, 2, NULL);

    g_assert_nonnull (preview);
    g_assert_cmpstr (gtk_editable_get_text (dialog_entry (dialog, 0)), ==, preview->title);
    g_assert_cmpstr (zicha_confirm_dialog_get_severity (dialog), ==, preview->severity);
  }
  /* An empty title cannot be confirmed. */
  gtk_editable_set_text (dialog_entry (dialog, 0), "  ");
  g_assert_false (zicha_confirm_dialog_accept (dialog));
  gtk_editable_set_text (dialog_entry (dialog, 0), "同一规则的两条线索：一并作为问题处理");
  gtk_editable_set_text (dialog_entry (dialog, 1), "批量确认");
  g_assert_true (zicha_confirm_dialog_accept (dialog));
  flush_main_loop ();
  g_assert_null (find_toplevel (ZICHA_TYPE_CONFIRM_DIALOG));

  /* In core: one problem, open, with both leads, their records, and its history. */
  problem = zicha_problems_find_by_hit (db, a, NULL);
  g_assert_cmpint (problem, >, 0);
  g_assert_cmpint (zicha_problems_find_by_hit (db, b, NULL), ==, problem);
  g_assert_cmpint (zicha_problems_count (db, NULL, NULL), ==, 1);
  {
    g_autoptr(ZichaProblem) p = zicha_problems_get (db, problem, NULL);
    g_autoptr(GPtrArray) hits = zicha_problems_get_hits (db, problem, NULL);
    g_autoptr(GPtrArray) records = zicha_problems_get_records (db, problem, NULL);
    g_autofree char *toast = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                                          "Confirmed as problem %s"), p->number);

    g_assert_cmpstr (p->title, ==, "同一规则的两条线索：一并作为问题处理");
    g_assert_cmpint (p->state, ==, ZICHA_PROBLEM_OPEN);
    g_assert_cmpint (p->source, ==, ZICHA_PROBLEM_SOURCE_HIT);
    g_assert_cmpstr (p->found_by, ==, user_name);
    g_assert_cmpuint (hits->len, ==, 2);
    g_assert_cmpstr (((ZichaProblemHit *) g_ptr_array_index (hits, 0))->note, ==, "批量确认");
    g_assert_cmpuint (records->len, >, 0);
    g_assert_cmpint (status_of (db, a), ==, ZICHA_HIT_CONFIRMED);
    g_assert_cmpint (status_of (db, b), ==, ZICHA_HIT_CONFIRMED);
    g_assert_cmpuint (n_log (db, "problem", problem), ==, 1);
    g_assert_cmpuint (n_log (db, "problem_hit", problem), ==, 2);
    g_assert_cmpuint (n_log (db, "hit", a), ==, 1);
    /* the toast names it and opens it (win.show-problem: none in this window, no harm) */
    g_assert_true (shows_label (GTK_WIDGET (page), toast));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.show-problem", "x",
                                               problem));
    flush_main_loop ();
  }

  /* Undo takes the whole confirmation back: both leads open, the problem gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.undo-last", NULL));
  flush_main_loop ();
  g_assert_cmpint (status_of (db, a), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (status_of (db, b), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (zicha_problems_count (db, NULL, NULL), ==, 0);
  g_assert_cmpuint (n_log (db, "problem", problem), ==, 2);   /* created, deleted */

  /* Again, as the leads make it. */
  dialog = open_confirm_dialog (page);
  g_assert_true (zicha_confirm_dialog_accept (dialog));
  flush_main_loop ();
  again = zicha_problems_find_by_hit (db, b, NULL);
  g_assert_cmpint (again, >, 0);
  g_assert_cmpint (zicha_problems_find_by_hit (db, a, NULL), ==, again);

  /* A third lead joins that problem through the picker. */
  zicha_risk_leads_page_select (page, 2);
  flush_main_loop ();
  g_assert_cmpint (zicha_risk_leads_page_get_selected_id (page), ==, c);
  dialog = open_confirm_dialog (page);
  zicha_confirm_dialog_set_mode (dialog, "existing");
  flush_main_loop ();
  g_assert_false (zicha_confirm_dialog_accept (dialog));   /* nothing picked yet */
  {
    g_autoptr(GArray) listed = zicha_confirm_dialog_list_problems (dialog);

    g_assert_cmpuint (listed->len, ==, 1);
    g_assert_cmpint (g_array_index (listed, gint64, 0), ==, again);
  }
  {
    /* the search finds it by its number, and nothing by another */
    g_autoptr(ZichaProblem) p = zicha_problems_get (db, again, NULL);
    g_autoptr(GPtrArray) searches = find_widgets (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
    g_autoptr(GArray) none = NULL;

    /* (search-changed comes after a delay when typed: at once here) */
    g_assert_cmpuint (searches->len, ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (searches, 0)), "ZC-1999-999");
    g_signal_emit_by_name (g_ptr_array_index (searches, 0), "search-changed");
    none = zicha_confirm_dialog_list_problems (dialog);
    g_assert_cmpuint (none->len, ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (searches, 0)), p->number);
    g_signal_emit_by_name (g_ptr_array_index (searches, 0), "search-changed");
  }
  g_assert_true (zicha_confirm_dialog_pick_problem (dialog, again));
  gtk_editable_set_text (dialog_entry (dialog, 1), "同一证书");
  g_assert_true (zicha_confirm_dialog_accept (dialog));
  flush_main_loop ();
  g_assert_cmpint (zicha_problems_find_by_hit (db, c, NULL), ==, again);
  g_assert_cmpint (status_of (db, c), ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpint (zicha_problems_count (db, NULL, NULL), ==, 1);
  {
    g_autoptr(ZichaProblem) p = zicha_problems_get (db, again, NULL);
    g_autoptr(GPtrArray) hits = zicha_problems_get_hits (db, again, NULL);
    g_autofree char *toast = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Added to problem %s"),
                                              p->number);

    g_assert_cmpuint (hits->len, ==, 3);
    g_assert_cmpstr (((ZichaProblemHit *) g_ptr_array_index (hits, 2))->note, ==, "同一证书");
    g_assert_true (shows_label (GTK_WIDGET (page), toast));
  }

  /* Ctrl+Z on it undoes that last triage: it leaves the problem, which stays. */
  g_assert_true (activate_binding (GTK_WIDGET (page), GDK_KEY_z, GDK_CONTROL_MASK));
  flush_main_loop ();
  g_assert_cmpint (status_of (db, c), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (zicha_problems_find_by_hit (db, c, NULL), ==, 0);
  {
    g_autoptr(GPtrArray) hits = zicha_problems_get_hits (db, again, NULL);

    g_assert_cmpuint (hits->len, ==, 2);
  }

  /* Selected with the confirmed ones, only the open lead goes to the dialog, which says
   * so. */
  g_assert_true (gtk_selection_model_select_range (selection_of (page), 0, 3, TRUE));
  flush_main_loop ();
  dialog = open_confirm_dialog (page);
  g_assert_cmpuint (zicha_confirm_dialog_get_hit_ids (dialog)->len, ==, 1);
  g_assert_cmpint (g_array_index (zicha_confirm_dialog_get_hit_ids (dialog), gint64, 0), ==, c);
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u selected lead is confirmed or "
                                                          "dismissed already and is left out.",
                                                          "%u selected leads are confirmed or "
                                                          "dismissed already and are left out.",
                                                          2), 2);

    g_assert_true (shows_label (GTK_WIDGET (dialog), text));
  }
  /* Escape closes it: nothing done */
  g_assert_true (activate_binding (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  flush_main_loop ();
  g_assert_null (find_toplevel (ZICHA_TYPE_CONFIRM_DIALOG));
  g_assert_cmpint (status_of (db, c), ==, ZICHA_HIT_OPEN);

  /* Two leads dismissed together with one reason, then undone. */
  d = id_at (page, 3);
  e = id_at (page, 4);
  g_assert_true (gtk_selection_model_select_range (selection_of (page), 3, 2, TRUE));
  flush_main_loop ();
  g_assert_true (activate_binding (GTK_WIDGET (page), GDK_KEY_Delete, 0));
  dismiss = ADW_MESSAGE_DIALOG (wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dismiss);
  {
    g_autoptr(GPtrArray) entries = find_widgets (GTK_WIDGET (dismiss), GTK_TYPE_ENTRY);

    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_false (adw_message_dialog_get_response_enabled (dismiss, "dismiss"));
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)),
                           "经核实为数据录入错误，已更正");
  }
  adw_message_dialog_response (dismiss, "dismiss");
  flush_main_loop ();
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ZichaHit) hit = zicha_hits_get (db, i == 0 ? d : e, NULL);

      g_assert_cmpint (hit->status, ==, ZICHA_HIT_DISMISSED);
      g_assert_cmpstr (hit->dismiss_reason, ==, "经核实为数据录入错误，已更正");
      g_assert_cmpstr (hit->triaged_by, ==, user_name);
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u risk lead dismissed",
                                                          "%u risk leads dismissed", 2), 2);

    g_assert_true (shows_label (GTK_WIDGET (page), text));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.undo-last", NULL));
  flush_main_loop ();
  g_assert_cmpint (status_of (db, d), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (status_of (db, e), ==, ZICHA_HIT_OPEN);

  g_assert_true (zicha_window_open_database (window, main_db));
  flush_main_loop ();
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  zicha_ui_test_init (&argc, &argv, "ui-triage");

  g_test_add_func ("/ui/triage/several", test_triage_several);

  return zicha_ui_test_run ();
}
