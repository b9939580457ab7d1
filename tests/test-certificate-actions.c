/* test-certificate-actions.c — the handling of problem certificates and what sees it (rules,
 * statistics, imports), and the regulatory clocks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a small body written here (organization O1, certificates C1 to C8, person P1, all valid
 * and issued in 2021), imported through the real importer, with the demo's day 2026-03-15 as
 * "today"; the rules are run on tests/data/rules/risk. */
#define G_LOG_DOMAIN "test-certificate-actions"

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
#define CERT_HEADER "cert_no,org_id,scheme,scope_codes,scope_text,issued_on,expires_on,status\n"
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

/* Certificates ------------------------------------------------------------------------------- */

static void
test_certificate_actions (void)
{
  g_autoptr(ZichaDb) db = open_db ("certificates.db");
  g_autoptr(GError) error = NULL;
  const char *certs[] = { "C1", NULL };
  gint64 problem = new_problem (db, "2026-03-01", "legal", certs);
  gint64 measure = new_measure (db, problem, "王五", NULL, "2026-04-01");
  g_autoptr(GPtrArray) actions = NULL;
  const ZichaCertActionEntry *a;
  gint64 generation = zicha_db_read_records_generation (zicha_db_get_handle (db));
  gint64 id;

  /* suspended: the event (origin zicha), the status and its date, the generation */
  id = handle (db, ZICHA_CERT_ACTION_SUSPEND, "C1", "2026-03-05", problem, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (query (db, "SELECT status || ' ' || status_on FROM certificates"
                              " WHERE cert_no = 'C1'"), ==, "suspended 2026-03-05");
  g_assert_cmpstr (query (db, "SELECT event || ' ' || on_date || ' ' || origin || ' ' || reason"
                              " FROM certificate_events WHERE cert = 1"),
                   ==, "suspend 2026-03-05 zicha 自查发现问题");
  g_assert_cmpint (zicha_db_read_records_generation (zicha_db_get_handle (db)), ==,
                   generation + 1);
  actions = zicha_cert_actions_list (db, "C1", 0, 0, &error);
  g_assert_cmpuint (actions->len, ==, 1);
  a = g_ptr_array_index (actions, 0);
  g_assert_cmpstr (a->status_before, ==, "valid");
  g_assert_cmpstr (a->status_after, ==, "suspended");
  g_assert_cmpstr (a->problem_number, ==, "ZC-2026-001");
  g_assert_cmpint (a->event_id, ==, 1);
  g_clear_pointer (&actions, g_ptr_array_unref);

  /* what may not follow: refused, nothing changed */
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "C1", NULL, 0, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "C1"));
  g_clear_error (&error);
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_RESTORE, "C2", NULL, 0, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "C99", NULL, 0, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    ZichaCertActionDraft draft = { .action = ZICHA_CERT_ACTION_SUSPEND, .cert_no = "C2" };

    g_assert_cmpint (zicha_cert_actions_apply (db, &draft, "t", &error), ==, 0);
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
    g_clear_error (&error);
  }
  /* restored the same day it was suspended: an event of another kind */
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_RESTORE, "C1", "2026-03-05", 0, &error), >, 0);
  g_assert_cmpstr (query (db, "SELECT status FROM certificates WHERE cert_no = 'C1'"), ==,
                   "valid");
  /* suspended again the same day: the event's key is taken */
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "C1", "2026-03-05", 0, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);

  /* the scope reduced, with a measure */
  {
    const char *keep_codes[] = { "19", "17", NULL };
    const char *bad_codes[] = { "20", NULL };
    const char *all_codes[] = { "17", "18", "19", NULL };
    ZichaCertActionDraft draft = {
      .action = ZICHA_CERT_ACTION_REDUCE, .cert_no = "C1", .reason = "暂停部分专业",
      .measure_id = measure, .scope_codes = bad_codes, .on = "2026-03-06",
    };

    g_assert_cmpint (zicha_cert_actions_apply (db, &draft, "t", &error), ==, 0);
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
    g_clear_error (&error);
    draft.scope_codes = all_codes;
    g_assert_cmpint (zicha_cert_actions_apply (db, &draft, "t", &error), ==, 0);
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
    g_clear_error (&error);
    draft.scope_codes = keep_codes;
    draft.scope_text = "质量管理体系（缩小）";
    g_assert_cmpint (zicha_cert_actions_apply (db, &draft, "t", &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpstr (query (db, "SELECT scope_codes || ' ' || scope_text || ' ' || status"
                                " FROM certificates WHERE cert_no = 'C1'"),
                     ==, "17;19 质量管理体系（缩小） valid");
    g_assert_cmpstr (query (db, "SELECT group_concat (code) FROM (SELECT code FROM"
                                " certificate_scope_codes WHERE cert = 1 ORDER BY code)"), ==,
                     "17,19");
    /* a measure with handled certificates may not be deleted */
    g_assert_false (zicha_measures_delete (db, measure, "t", &error));
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
    g_clear_error (&error);
    /* undone: the scope comes back */
    g_assert_true (zicha_cert_actions_undo_last (db, "C1", "t", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (query (db, "SELECT scope_codes || ' ' || scope_text FROM certificates"
                                " WHERE cert_no = 'C1'"), ==, "17;18;19 质量管理体系");
    g_assert_cmpstr (query (db, "SELECT count (*) FROM certificate_scope_codes WHERE cert = 1"),
                     ==, "3");
  }

  /* undo the restore, then the suspension: back to valid without its date, events gone */
  g_assert_true (zicha_cert_actions_undo_last (db, "C1", "t", &error));
  g_assert_cmpstr (query (db, "SELECT status || ' ' || status_on FROM certificates"
                              " WHERE cert_no = 'C1'"), ==, "suspended 2026-03-05");
  g_assert_true (zicha_cert_actions_undo_last (db, "C1", "t", &error));
  g_assert_cmpstr (query (db, "SELECT status || ' ' || coalesce (status_on, '-')"
                              " FROM certificates WHERE cert_no = 'C1'"), ==, "valid -");
  g_assert_cmpstr (query (db, "SELECT count (*) FROM certificate_events"), ==, "0");
  g_assert_false (zicha_cert_actions_undo_last (db, "C1", "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  /* the history of the certificate and of the actions */
  {
    g_autoptr(GPtrArray) log = zicha_change_log_list (db, "certificate", "C1", &error);
    const ZichaChangeEntry *first = g_ptr_array_index (log, 0);

    g_assert_cmpuint (log->len, ==, 6);
    g_assert_nonnull (strstr (first->old_values, "\"status\":\"valid\""));
    g_assert_nonnull (strstr (first->new_values, "\"status\":\"suspended\""));
    g_clear_pointer (&log, g_ptr_array_unref);
    log = zicha_change_log_list (db, "certificate_action", NULL, &error);
    g_assert_cmpuint (log->len, ==, 6);
    g_assert_cmpint (((ZichaChangeEntry *) g_ptr_array_index (log, 5))->action, ==,
                     ZICHA_CHANGE_DELETE);
  }
}

/* Rules and statistics see the handling at once; an import changing the status warns. */
static const char *
hit_status (ZichaDb *db, const char *rule, const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM hits WHERE rule = '%s'"
                                          " AND entity_key = '%s'", rule, key);

  return query (db, sql);
}

static void
run_rules (ZichaDb *db)
{
  static const char * const rules[] = { "EXPIRED_STILL_VALID", "SUSPENSION_TOO_LONG", NULL };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ZichaRuleRunOptions options = { .rules = rules, .n_threads = 1 };

  g_date_clear (&options.as_of, 1);
  g_date_set_dmy (&options.as_of, 30, 6, 2024);
  g_assert_true (zicha_rules_run (db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
}

static void
test_rules_see_it (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("rules.db");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "rules", "risk", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaStatistics) stats = NULL;

  zicha_test_import (db, folder);
  run_rules (db);
  g_assert_cmpstr (hit_status (db, "EXPIRED_STILL_VALID", "R1"), ==, "open");
  stats = zicha_statistics_compute (db, "2024-06-30", &error);
  g_assert_cmpint (stats->by_status[0], ==, 3);
  g_assert_cmpint (stats->by_status[1], ==, 0);
  g_clear_pointer (&stats, zicha_statistics_free);

  /* suspended on 2023-12-30: no longer "valid although expired"; 6 months end on 2024-06-30,
   * not yet too long as of that day */
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "R1", "2023-12-30", 0, &error), >, 0);
  run_rules (db);
  g_assert_cmpstr (hit_status (db, "EXPIRED_STILL_VALID", "R1"), ==, "resolved");
  g_assert_null (hit_status (db, "SUSPENSION_TOO_LONG", "R1"));
  stats = zicha_statistics_compute (db, "2024-06-30", &error);
  g_assert_cmpint (stats->by_status[0], ==, 2);
  g_assert_cmpint (stats->by_status[1], ==, 1);
  g_clear_pointer (&stats, zicha_statistics_free);

  /* a day earlier: more than 6 months as of 2024-06-30 */
  g_assert_true (zicha_cert_actions_undo_last (db, "R1", "t", &error));
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "R1", "2023-12-29", 0, &error), >, 0);
  run_rules (db);
  g_assert_cmpstr (hit_status (db, "SUSPENSION_TOO_LONG", "R1"), ==, "open");

  /* undone: valid again, and the rules find it again */
  g_assert_true (zicha_cert_actions_undo_last (db, "R1", "t", &error));
  run_rules (db);
  g_assert_cmpstr (hit_status (db, "EXPIRED_STILL_VALID", "R1"), ==, "open");
  g_assert_cmpstr (hit_status (db, "SUSPENSION_TOO_LONG", "R1"), ==, "resolved");
  g_assert_no_error (error);
}

static void
test_import_warns (void)
{
  g_autoptr(ZichaDb) db = open_db ("import.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *events = NULL;
  const ZichaImportStatusChange *changes;
  const ZichaImportMessage *messages;
  guint n = 0, n_messages = 0;

  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "C1", "2026-03-05", 0, &error), >, 0);
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "C2", "2026-03-05", 0, &error), >, 0);
  /* the business system says C1 is valid, C2 suspended (as Zicha), C3 (not handled) withdrawn;
   * its events of C1 do not have Zicha's */
  folder = write_folder ("later.d", CERT_HEADER
                         "C1,O1,QMS,17;18;19,质量管理体系,2021-01-01,2027-01-01,valid\n"
                         "C2,O1,QMS,17;18;19,质量管理体系,2021-01-02,2027-01-01,suspended\n"
                         "C3,O1,QMS,17;18;19,质量管理体系,2021-01-03,2027-01-01,withdrawn\n");
  events = g_build_filename (folder, "certificate_events.csv", NULL);
  g_assert_true (g_file_set_contents (events, "cert_no,event,on\nC1,issue,2021-01-01\n", -1,
                                      NULL));
  {
    ZichaImportOptions options = { ZICHA_IMPORT_ENCODING_AUTO, "test" };

    g_assert_true (zicha_import_folder (db, folder, &options, NULL, NULL, NULL, &result,
                                        &error));
    g_assert_no_error (error);
  }
  /* carried out; one warning, for C1, listed */
  g_assert_cmpstr (query (db, "SELECT group_concat (status) FROM (SELECT status FROM"
                              " certificates WHERE cert_no IN ('C1', 'C2', 'C3') ORDER BY id)"),
                   ==, "valid,suspended,withdrawn");
  changes = zicha_import_result_get_status_changes (result, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (changes[0].cert_no, ==, "C1");
  g_assert_cmpstr (changes[0].status_before, ==, "suspended");
  g_assert_cmpstr (changes[0].status_after, ==, "valid");
  g_assert_cmpstr (changes[0].file, ==, "certificates.csv");
  g_assert_cmpuint (changes[0].line, ==, 2);
  messages = zicha_import_result_get_messages (result, &n_messages);
  g_assert_cmpuint (n_messages, ==, 1);
  {
    g_autofree char *line = zicha_import_message_format (&messages[0]);

    g_assert_cmpstr (line, ==, "certificates.csv:2:status: warning: status changed by import for"
                               " a certificate handled in Zicha: C1, suspended → valid (value:"
                               " \"valid\")");
  }
  /* Zicha's events stay, the imported set replaced beside them */
  g_assert_cmpstr (query (db, "SELECT group_concat (event || ':' || origin) FROM (SELECT * FROM"
                              " certificate_events WHERE cert = 1 ORDER BY id)"),
                   ==, "suspend:zicha,issue:import");
  /* the undo of the handling no longer fits: refused */
  g_assert_false (zicha_cert_actions_undo_last (db, "C1", "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
}

/* Clocks -------------------------------------------------------------------------------------- */

static const ZichaCertClock *
clock_of (GPtrArray *clocks, const char *cert)
{
  for (guint i = 0; i < clocks->len; i++)
    if (strcmp (((ZichaCertClock *) g_ptr_array_index (clocks, i))->cert_no, cert) == 0)
      return g_ptr_array_index (clocks, i);
  return NULL;
}

static void
test_clocks (void)
{
  static const struct
  {
    const char *cert, *found_on, *suspended_on;
    ZichaClockKind kind;
    gint days_left;
    gboolean overdue, due_soon;
  } cases[] = {
    /* to suspend within 5 days of the confirmation */
    { "C1", "2026-03-09", NULL, ZICHA_CLOCK_SUSPEND, -1, TRUE, FALSE },
    { "C2", "2026-03-10", NULL, ZICHA_CLOCK_SUSPEND, 0, FALSE, TRUE },
    { "C3", "2026-03-20", NULL, ZICHA_CLOCK_SUSPEND, 10, FALSE, TRUE },
    { "C4", "2026-03-21", NULL, ZICHA_CLOCK_SUSPEND, 11, FALSE, FALSE },
    /* a suspension lasts at most 6 months */
    { "C5", "2026-03-01", "2025-09-14", ZICHA_CLOCK_SUSPENSION, -1, TRUE, FALSE },
    { "C6", "2026-03-01", "2025-09-15", ZICHA_CLOCK_SUSPENSION, 0, FALSE, TRUE },
    { "C7", "2026-03-01", "2025-09-25", ZICHA_CLOCK_SUSPENSION, 10, FALSE, TRUE },
    { "C8", "2026-03-01", "2025-09-26", ZICHA_CLOCK_SUSPENSION, 11, FALSE, FALSE },
  };
  g_autoptr(ZichaDb) db = open_db ("clocks.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clocks = NULL;
  ZichaClockFilter filter = { 0 };
  gint64 problems[G_N_ELEMENTS (cases)];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *certs[] = { cases[i].cert, NULL };

      problems[i] = new_problem (db, cases[i].found_on, "legal", certs);
      if (cases[i].suspended_on != NULL)
        g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, cases[i].cert,
                                 cases[i].suspended_on, 0, &error), >, 0);
    }
  clocks = zicha_cert_clocks_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clocks->len, ==, 8);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ZichaCertClock *k = clock_of (clocks, cases[i].cert);

      g_test_message ("%s", cases[i].cert);
      g_assert_cmpint (k->clock, ==, cases[i].kind);
      g_assert_cmpint (k->days_left, ==, cases[i].days_left);
      g_assert_cmpint (k->overdue, ==, cases[i].overdue);
      g_assert_cmpint (k->due_soon, ==, cases[i].due_soon);
      g_assert_cmpint (k->problem_id, ==, problems[i]);
    }
  g_assert_cmpstr (clock_of (clocks, "C2")->deadline, ==, "2026-03-15");
  g_assert_cmpstr (clock_of (clocks, "C6")->deadline, ==, "2026-03-15");
  g_clear_pointer (&clocks, g_ptr_array_unref);
  filter.due = ZICHA_DUE_OVERDUE;
  clocks = zicha_cert_clocks_list (db, &filter, &error);
  g_assert_cmpuint (clocks->len, ==, 2);
  g_clear_pointer (&clocks, g_ptr_array_unref);
  filter.due = ZICHA_DUE_WITHIN;
  filter.due_within_days = 10;
  clocks = zicha_cert_clocks_list (db, &filter, &error);
  g_assert_cmpuint (clocks->len, ==, 4);
  g_clear_pointer (&clocks, g_ptr_array_unref);

  /* suspended since the confirmation and restored: the clock to suspend has stopped */
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_SUSPEND, "C1", "2026-03-12", 0, &error), >, 0);
  g_assert_cmpint (handle (db, ZICHA_CERT_ACTION_RESTORE, "C1", "2026-03-13", 0, &error), >, 0);
  filter = (ZichaClockFilter) { .cert_no = "C1" };
  clocks = zicha_cert_clocks_list (db, &filter, &error);
  g_assert_cmpuint (clocks->len, ==, 1);
  g_assert_cmpint (clock_of (clocks, "C1")->clock, ==, ZICHA_CLOCK_NONE);
  g_clear_pointer (&clocks, g_ptr_array_unref);
  filter.running = TRUE;
  clocks = zicha_cert_clocks_list (db, &filter, &error);
  g_assert_cmpuint (clocks->len, ==, 0);
  g_clear_pointer (&clocks, g_ptr_array_unref);
  /* a withdrawn problem confirms nothing; the clock of a problem's certificates */
  g_assert_true (zicha_problems_withdraw (db, problems[1], "不成立", "t", &error));
  filter = (ZichaClockFilter) { .problem_id = problems[1] };
  clocks = zicha_cert_clocks_list (db, &filter, &error);
  g_assert_cmpuint (clocks->len, ==, 0);
  g_clear_pointer (&clocks, g_ptr_array_unref);
  filter = (ZichaClockFilter) { .problem_id = problems[2] };
  clocks = zicha_cert_clocks_list (db, &filter, &error);
  g_assert_cmpuint (clocks->len, ==, 1);
  g_assert_cmpstr (clock_of (clocks, "C3")->org_name, ==, "甲公司");
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("test-certificate-actions");
  g_test_add_func ("/rectification/certificates", test_certificate_actions);
  g_test_add_func ("/rectification/certificates/rules", test_rules_see_it);
  g_test_add_func ("/rectification/certificates/import", test_import_warns);
  g_test_add_func ("/rectification/clocks", test_clocks);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
