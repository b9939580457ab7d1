/* test-rectification.c — evidence, the handling of problem certificates and what sees it (rules,
 * statistics, imports), the regulatory clocks, the 整改台账 and the figures of the Overview
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a small body written here (organization O1, certificates C1 to C8, person P1, all valid
 * and issued in 2021), imported through the real importer, with the demo's day 2026-03-15 as
 * "today"; the rules are run on tests/data/rules/risk. Measures alone are in test-measures.c. */
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
#include "zicha-test-utils.h"

#define TODAY "2026-03-15"
#define CERT_HEADER "cert_no,org_id,scheme,scope_codes,scope_text,issued_on,expires_on,status\n"

static const char *
keep (char *text)
{
  g_test_queue_free (text);
  return text;
}

static const char *
query (ZichaDb *db, const char *sql)
{
  return keep (zicha_test_query (zicha_db_get_path (db), sql));
}

static char *
write_folder (const char *name, const char *certificates)
{
  char *folder = zicha_test_path (name);
  struct { const char *file; const char *text; } files[] = {
    { "organizations.csv", "org_id,name\nO1,甲公司\n" },
    { "personnel.csv", "person_id,name,employment\nP1,张三,full_time\n" },
    { "certificates.csv", certificates },
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (folder, files[i].file, NULL);

      if (files[i].text != NULL)
        g_assert_true (g_file_set_contents (path, files[i].text, -1, NULL));
      else
        g_remove (path);
    }
  return folder;
}

static ZichaDb *
open_db (const char *name)
{
  g_autofree char *folder_name = g_strconcat (name, ".d", NULL);
  g_autoptr(GString) certs = g_string_new (CERT_HEADER);
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  ZichaDb *db = zicha_test_open_db (name);

  for (int i = 1; i <= 8; i++)
    g_string_append_printf (certs, "C%d,O1,QMS,17;18;19,质量管理体系,2021-01-0%d,2027-01-01,"
                                   "valid\n", i, i);
  folder = write_folder (folder_name, certs->str);
  zicha_test_import (db, folder);
  g_assert_true (zicha_db_set_setting (db, "demo-today", TODAY, &error));
  g_assert_no_error (error);
  return db;
}

/* A problem found on @found_on concerning the certificates @certs (NULL-terminated). */
static gint64
new_problem (ZichaDb *db, const char *found_on, const char *area, const char * const *certs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (ZichaProblemRecord));
  ZichaProblemDraft draft = {
    .area = area, .severity = "high", .title = "证书问题",
    .source = ZICHA_PROBLEM_SOURCE_MANUAL, .found_on = found_on, .department = "审核部",
  };
  gint64 id = 0;

  for (guint i = 0; certs != NULL && certs[i] != NULL; i++)
    {
      ZichaProblemRecord record = { (char *) "certificates", (char *) certs[i], 0 };

      g_array_append_val (records, record);
    }
  zicha_problems_create (db, &draft, (ZichaProblemRecord *) records->data, records->len,
                         "tester", &id, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
new_measure (ZichaDb *db, gint64 problem, const char *owner, const char *department,
             const char *deadline)
{
  g_autoptr(GError) error = NULL;
  ZichaMeasureDraft draft = {
    .kind = ZICHA_MEASURE_KIND_CORRECTIVE, .text = "修订证书管理程序", .responsible = owner,
    .department = department, .deadline = deadline,
  };
  gint64 id = zicha_measures_add (db, &problem, 1, &draft, "tester", &error);

  g_assert_no_error (error);
  return id;
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

static gint64
handle (ZichaDb *db, ZichaCertAction action, const char *cert, const char *on, gint64 problem,
        GError **error)
{
  ZichaCertActionDraft draft = {
    .action = action, .cert_no = cert, .on = on, .reason = "自查发现问题",
    .problem_id = problem,
  };

  return zicha_cert_actions_apply (db, &draft, "tester", error);
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
  g_test_add_func ("/rectification/certificates", test_certificate_actions);
  g_test_add_func ("/rectification/certificates/rules", test_rules_see_it);
  g_test_add_func ("/rectification/certificates/import", test_import_warns);
  g_test_add_func ("/rectification/clocks", test_clocks);
  g_test_add_func ("/rectification/ledger", test_ledger);
  g_test_add_func ("/rectification/summary", test_summary);
  g_test_add_func ("/rectification/summary/async", test_summary_async);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
