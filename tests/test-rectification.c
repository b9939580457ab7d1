/* test-rectification.c — evidence, the 整改台账 and the figures of the Overview
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a small body written here (organization O1, certificates C1 to C8, person P1, all valid
 * and issued in 2021), imported through the real importer, with the demo's day 2026-03-15 as
 * "today". Measures alone are in test-measures.c and test-measure-lists.c, the handling of
 * certificates in test-certificate-actions.c. */
#define G_LOG_DOMAIN "test-rectification"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "zicha-certificate-actions.h"
#include "zicha-change-log.h"
#include "zicha-db-private.h"
#include "zicha-evidence.h"
#include "zicha-import.h"
#include "zicha-ledger-list.h"
#include "zicha-measures.h"
#include "zicha-problems.h"
#include "zicha-rectification-summary.h"
#include "zicha-report-statistics.h"
#include "zicha-rules.h"
#include "zicha-rect-test.h"

#define TODAY RT_TODAY
#define open_db rt_open_body_db
#define query rt_query
#define handle rt_handle
#define write_folder rt_write_folder

static gint64
new_problem (ZichaDb *db, const char *found_on, const char *area, const char * const *certs)
{
  return rt_problem (db, found_on, area, "证书问题", certs);
}

static gint64
new_measure (ZichaDb *db, gint64 problem, const char *owner, const char *department,
             const char *deadline)
{
  gint64 problems[] = { problem, 0 };

  return rt_measure (db, problems, ZICHA_MEASURE_KIND_CORRECTIVE, "修订证书管理程序", owner,
                     department, deadline);
}

static void
verify (ZichaDb *db, gint64 measure)
{
  g_autoptr(GError) error = NULL;
  ZichaMeasureTransition t = { .verifier = "李四", .on = "2026-03-12" };

  g_assert_true (zicha_measures_set_status (db, measure, ZICHA_MEASURE_IN_PROGRESS, NULL, "t",
                                            &error));
  g_assert_true (zicha_measures_set_status (db, measure, ZICHA_MEASURE_DONE, &t, "t", &error));
  g_assert_true (zicha_measures_set_status (db, measure, ZICHA_MEASURE_VERIFIED, &t, "t",
                                            &error));
  g_assert_no_error (error);
}

/* Evidence ---------------------------------------------------------------------------------- */

static void
test_evidence (void)
{
  g_autoptr(ZichaDb) db = open_db ("evidence.db");
  g_autoptr(GError) error = NULL;
  gint64 problem = new_problem (db, "2026-03-01", "legal", NULL);
  gint64 measure = new_measure (db, problem, "王五", NULL, "2026-04-01");
  static const char pdf[] = "%PDF-1.4\n% a small PDF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(GBytes) back = NULL;
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) pdf,
                                                      sizeof pdf - 1);
  g_autofree char *path = zicha_test_path ("照片.png");
  g_autofree char *out = zicha_test_path ("out.pdf");
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ZichaEvidence) e = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gint64 id, photo;

  id = zicha_evidence_add_bytes (db, measure, 0, FALSE, "/tmp/扫描件.pdf", NULL, bytes,
                                 "整改报告", "王五", &error);
  g_assert_no_error (error);
  e = zicha_evidence_get (db, id, &error);
  g_assert_cmpstr (e->file_name, ==, "扫描件.pdf");
  g_assert_cmpstr (e->mime_type, ==, "application/pdf");
  g_assert_cmpint (e->size, ==, sizeof pdf - 1);
  g_assert_cmpstr (e->sha256, ==, sha);
  g_assert_cmpstr (e->added_by, ==, "王五");
  g_assert_cmpstr (e->note, ==, "整改报告");
  g_assert_cmpint (e->measure, ==, measure);
  /* a file from disk, attached to the problem */
  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n....", 12, NULL));
  photo = zicha_evidence_add_file (db, 0, problem, TRUE, path, NULL, "王五", &error);
  g_assert_no_error (error);
  g_clear_pointer (&e, zicha_evidence_free);
  e = zicha_evidence_get (db, photo, &error);
  g_assert_cmpstr (e->file_name, ==, "照片.png");
  g_assert_cmpstr (e->mime_type, ==, "image/png");
  g_assert_true (e->from_org);
  /* wrong owners */
  g_assert_cmpint (zicha_evidence_add_bytes (db, measure, problem, FALSE, "x", NULL, bytes, NULL,
                                             "t", &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (zicha_evidence_add_bytes (db, 999, 0, FALSE, "x", NULL, bytes, NULL, "t",
                                             &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (zicha_evidence_add_file (db, measure, 0, FALSE, "/no/such/file", NULL, "t",
                                            &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* read back, checked; saved */
  back = zicha_evidence_read (db, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_true (zicha_evidence_save (db, id, out, &error));
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, pdf, sizeof pdf - 1);
  }
  /* one byte changed behind Zicha's back: every read fails, nothing is written */
  g_assert_true (zicha_db_exec (db, "UPDATE evidence SET content = CAST (replace (CAST (content"
                                    " AS TEXT), 'small', 'smell') AS BLOB) WHERE id = 1", &error));
  g_assert_null (zicha_evidence_read (db, id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "扫描件.pdf"));
  g_clear_error (&error);
  g_remove (out);
  g_assert_false (zicha_evidence_save (db, id, out, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* a byte cut off: the size tells too */
  g_assert_true (zicha_db_exec (db, "UPDATE evidence SET content = substr (content, 2)"
                                    " WHERE id = 2", &error));
  g_assert_null (zicha_evidence_read (db, photo, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CORRUPT);
  g_clear_error (&error);

  /* removed, and back */
  list = zicha_evidence_list (db, measure, 0, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (zicha_evidence_remove (db, id, "王五", &error));
  g_assert_false (zicha_evidence_remove (db, id, "王五", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  list = zicha_evidence_list (db, measure, 0, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = zicha_evidence_list (db, measure, 0, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (zicha_evidence_undo_remove (db, id, "王五", &error));
  g_assert_false (zicha_evidence_undo_remove (db, id, "王五", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  /* the history: the row without its bytes */
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  log = zicha_change_log_list (db, "evidence", key, &error);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_nonnull (strstr (((ZichaChangeEntry *) g_ptr_array_index (log, 0))->new_values,
                            sha));
  g_assert_null (strstr (((ZichaChangeEntry *) g_ptr_array_index (log, 0))->new_values,
                         "PDF"));
  g_assert_nonnull (strstr (((ZichaChangeEntry *) g_ptr_array_index (log, 1))->new_values,
                            "\"removed_by\":\"王五\""));
}

/* The ledger ------------------------------------------------------------------------------- */

static void
test_ledger (void)
{
  g_autoptr(ZichaDb) db = open_db ("ledger.db");
  g_autoptr(GError) error = NULL;
  const char *certs[] = { "C1", NULL };
  gint64 first = new_problem (db, "2026-03-01", "legal", certs);
  gint64 second = new_problem (db, "2026-03-02", "practice", NULL);
  gint64 third = new_problem (db, "2026-03-03", "legal", NULL);
  gint64 m1 = new_measure (db, first, "王五", "认证部", "2026-03-20");
  gint64 m2 = new_measure (db, first, "赵六", "审核部", "2026-04-30");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(ZichaLedgerList) list = NULL;
  ZichaLedgerFilter filter = { 0 };
  const ZichaLedgerEntry *e;

  new_measure (db, second, "王五", "认证部", "2026-03-01");   /* overdue */
  verify (db, m1);
  g_assert_cmpint (zicha_evidence_add_bytes (db, m1, 0, FALSE, "记录.pdf", NULL, bytes, NULL,
                                             "t", &error), >, 0);
  g_assert_cmpint (zicha_evidence_add_bytes (db, 0, first, FALSE, "照片.jpg", NULL, bytes, NULL,
                                             "t", &error), >, 0);
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "C1", "2026-03-04", first, &error), >,
                   0);
  {
    const char *whys_categories[] = { "Inadequate procedures", NULL };
    ZichaProblemWhy why = { (char *) "为何未发现", (char *) "未复核" };

    g_assert_true (zicha_problems_set_cause_analysis (db, first, whys_categories, &why, 1,
                                                      "制度不健全", "t", &error));
  }

  entries = zicha_ledger_query (db, NULL, ZICHA_LEDGER_ORDER_NUMBER, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->problem->number, ==, "ZC-2026-001");
  g_assert_cmpstr (e->area_label, ==, "Legality and compliance");
  g_assert_cmpstr (e->source_label, ==, "Entered by hand");
  g_assert_cmpstr (e->description, ==, "证书问题");
  g_assert_cmpstr (e->cause, ==, "Inadequate procedures\n为何未发现 — 未复核\n制度不健全");
  g_assert_cmpstr (e->measures, ==, "1. [Corrective action] 修订证书管理程序\n"
                                    "2. [Corrective action] 修订证书管理程序");
  g_assert_cmpstr (e->departments, ==, "认证部, 审核部");
  g_assert_cmpstr (e->responsible, ==, "王五, 赵六");
  g_assert_cmpstr (e->deadline, ==, "2026-04-30");
  g_assert_cmpstr (e->done_on, ==, "");
  g_assert_cmpstr (e->progress, ==, "1 of 2 measures done");
  g_assert_cmpstr (e->evidence, ==, "记录.pdf, 照片.jpg");
  g_assert_cmpuint (e->n_evidence, ==, 2);
  g_assert_cmpstr (e->verifiers, ==, "李四");
  g_assert_cmpstr (e->conclusions, ==, "1. Effective");
  g_assert_cmpstr (e->certificates, ==, "Suspend C1 (2026-03-04)");
  g_assert_cmpstr (e->closeout, ==, "In rectification");
  g_assert_false (e->overdue);
  e = g_ptr_array_index (entries, 1);
  g_assert_true (e->overdue);
  g_assert_cmpint (e->days_left, ==, -14);
  e = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (e->progress, ==, "No measures yet");
  g_assert_cmpstr (e->departments, ==, "审核部");   /* the problem's own */
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* closed out: the date and who, in the ledger */
  verify (db, m2);
  g_assert_true (zicha_rectification_close_out (db, first, "2026-03-14", NULL, "孙七", &error));
  entries = zicha_ledger_query (db, NULL, ZICHA_LEDGER_ORDER_NUMBER, FALSE, &error);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->closeout, ==, "Closed out (2026-03-14, 孙七)");
  g_assert_cmpstr (e->done_on, ==, "2026-03-12");
  g_assert_cmpstr (e->progress, ==, "2 of 2 measures done");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* filters, each in SQL */
  filter.states = 1u << ZICHA_PROBLEM_CLOSED;
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 1);
  filter.states = (1u << ZICHA_PROBLEM_OPEN) | (1u << ZICHA_PROBLEM_CLOSED);
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 3);
  filter = (ZichaLedgerFilter) { .area = "practice" };
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 1);
  filter = (ZichaLedgerFilter) { .department = "审核部" };
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 3);
  filter = (ZichaLedgerFilter) { .department = "认证部" };
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 2);
  filter = (ZichaLedgerFilter) { .person = "赵六" };
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 1);
  filter = (ZichaLedgerFilter) { .closed_from = "2026-03-09", .closed_to = "2026-03-15" };
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 1);
  filter = (ZichaLedgerFilter) { .closed_from = "2026-03-15" };
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 0);
  filter = (ZichaLedgerFilter) { .text = "ZC-2026-003" };
  g_assert_cmpint (zicha_ledger_count (db, &filter, &error), ==, 1);

  /* the list, page by page; orders */
  list = zicha_ledger_list_new (db);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  zicha_ledger_list_set_order (list, ZICHA_LEDGER_ORDER_DEADLINE, FALSE);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  {
    g_autoptr(ZichaLedgerRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(ZichaLedgerRow) last = g_list_model_get_item (G_LIST_MODEL (list), 2);

    g_assert_cmpint (zicha_ledger_row_get_id (row), ==, second);
    g_assert_cmpint (zicha_ledger_row_get_id (last), ==, third);   /* no deadline: last */
    g_assert_cmpstr (zicha_ledger_row_get_state_label (row), ==, "Not rectified");
    g_assert_true (zicha_problems_withdraw (db, second, "重复", "t", &error));
    g_assert_cmpuint (zicha_ledger_list_update_problem (list, second), ==, 0);
    g_assert_cmpstr (zicha_ledger_row_get_state_label (row), ==, "Withdrawn");
  }
  filter = (ZichaLedgerFilter) { .due = ZICHA_DUE_OVERDUE };
  zicha_ledger_list_set_filter (list, &filter);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  for (int order = ZICHA_LEDGER_ORDER_NUMBER; order <= ZICHA_LEDGER_ORDER_CLOSED_ON; order++)
    {
      entries = zicha_ledger_query (db, NULL, order, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 3);
      g_clear_pointer (&entries, g_ptr_array_unref);
    }
}

/* The figures ------------------------------------------------------------------------------- */

static void
test_summary (void)
{
  g_autoptr(ZichaDb) db = open_db ("summary.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaRectificationSummary) s = NULL;
  const char *c1[] = { "C1", NULL };
  gint64 a = new_problem (db, "2026-03-02", "legal", c1);        /* Monday of its week */
  gint64 b = new_problem (db, "2026-03-03", "conduct", NULL);
  gint64 c = new_problem (db, "2026-03-03", "conduct", NULL);
  gint64 d = new_problem (db, "2026-03-04", "capability", NULL);
  gint64 w = new_problem (db, "2026-03-04", "practice", NULL);
  gint64 ma = new_measure (db, a, "王五", NULL, "2026-03-01");
  gint64 mb = new_measure (db, b, "王五", NULL, "2026-03-20");
  gint64 mc = new_measure (db, c, "王五", NULL, "2026-03-30");
  gint64 md = new_measure (db, d, "王五", NULL, "2026-03-16");
  const ZichaWeekCount *week;

  (void) ma;
  verify (db, mb);
  verify (db, mc);
  verify (db, md);
  g_assert_true (zicha_measures_set_status (db, ma, ZICHA_MEASURE_IN_PROGRESS, NULL, "t",
                                            &error));
  new_measure (db, d, "王五", NULL, "2026-03-25");           /* d back in rectification */
  g_assert_true (zicha_rectification_close_out (db, b, "2026-03-08", NULL, "赵六", &error));
  g_assert_true (zicha_problems_withdraw (db, w, "重复", "t", &error));
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "C1", "2026-03-05", a, &error), >, 0);
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_WITHDRAW, "C2", "2026-03-05", 0, &error), >, 0);
  g_assert_no_error (error);

  s = zicha_rectification_summary_query (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->today, ==, TODAY);
  g_assert_cmpint (s->problems, ==, 4);
  g_assert_cmpint (s->by_state[ZICHA_PROBLEM_IN_RECTIFICATION], ==, 2);
  g_assert_cmpint (s->by_state[ZICHA_PROBLEM_AWAITING_CLOSEOUT], ==, 1);
  g_assert_cmpint (s->by_state[ZICHA_PROBLEM_CLOSED], ==, 1);
  g_assert_cmpint (s->by_state[ZICHA_PROBLEM_WITHDRAWN], ==, 1);
  g_assert_cmpint (s->by_area[0], ==, 1);
  g_assert_cmpint (s->by_area[1], ==, 2);
  g_assert_cmpint (s->by_area[2], ==, 0);
  g_assert_cmpint (s->by_area_state[1][ZICHA_PROBLEM_CLOSED], ==, 1);
  /* 整改完成率 2 of 4, 销号率 1 of 4 */
  g_assert_cmpfloat_with_epsilon (s->completion_rate, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->closeout_rate, 0.25, 1e-9);
  g_assert_cmpint (s->measures, ==, 5);
  g_assert_cmpint (s->measures_by_status[ZICHA_MEASURE_VERIFIED], ==, 3);
  g_assert_cmpint (s->measures_overdue, ==, 1);       /* ma */
  g_assert_cmpint (s->measures_due_soon, ==, 1);      /* the one due on 03-25 */
  g_assert_cmpint (s->certificates_handled, ==, 2);
  g_assert_cmpint (s->actions_by_kind[ZICHA_CERT_ACTION_WITHDRAW], ==, 1);
  g_assert_cmpint (s->clocks_running, ==, 1);          /* C1's suspension */
  g_assert_cmpint (s->clocks_overdue, ==, 0);
  /* weeks from that of 2026-03-02 (a Monday) to that of today, 2026-03-15 (a Sunday) */
  g_assert_cmpuint (s->closed_by_week->len, ==, 2);
  week = &g_array_index (s->closed_by_week, ZichaWeekCount, 0);
  g_assert_cmpstr (week->week, ==, "2026-03-02");
  g_assert_cmpstr (week->week_end, ==, "2026-03-08");
  g_assert_cmpint (week->closed, ==, 1);
  week = &g_array_index (s->closed_by_week, ZichaWeekCount, 1);
  g_assert_cmpstr (week->week, ==, "2026-03-09");
  g_assert_cmpint (week->closed, ==, 0);
  g_assert_cmpint (week->cumulative, ==, 1);
  g_clear_pointer (&s, zicha_rectification_summary_free);

  /* every count opens a list that holds as many */
  {
    ZichaLedgerFilter closed = { .closed_from = "2026-03-02", .closed_to = "2026-03-08" };
    ZichaMeasureFilter overdue = { .due = ZICHA_DUE_OVERDUE };

    g_assert_cmpint (zicha_ledger_count (db, &closed, &error), ==, 1);
    g_assert_cmpint (zicha_measures_count (db, &overdue, &error), ==, 1);
  }
  /* a day on: Monday 2026-03-16 starts a third week; md's deadline has passed */
  s = zicha_rectification_summary_query (db, "2026-03-16", &error);
  g_assert_cmpuint (s->closed_by_week->len, ==, 3);
  g_assert_cmpint (s->measures_overdue, ==, 1);
  g_clear_pointer (&s, zicha_rectification_summary_free);
  g_assert_null (zicha_rectification_summary_query (db, "2026-02-30", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
}

static void
on_summary_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(ZichaRectificationSummary **) data = zicha_rectification_summary_query_finish (result, NULL);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
test_summary_async (void)
{
  g_autoptr(ZichaDb) db = open_db ("async.db");
  ZichaRectificationSummary *s = NULL;

  new_problem (db, "2026-03-02", "legal", NULL);
  zicha_rectification_summary_query_async (zicha_db_get_path (db), NULL, on_summary_cb, &s);
  g_assert_true (zicha_test_wait_until (is_set, &s, 10000));
  g_assert_cmpint (s->problems, ==, 1);
  g_assert_cmpstr (s->today, ==, TODAY);
  zicha_rectification_summary_free (s);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("test-rectification");
  g_test_add_func ("/rectification/evidence", test_evidence);
  g_test_add_func ("/rectification/ledger", test_ledger);
  g_test_add_func ("/rectification/summary", test_summary);
  g_test_add_func ("/rectification/summary/async", test_summary_async);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
