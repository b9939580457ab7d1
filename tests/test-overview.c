/* test-overview.c — the counts of the Overview page (概览)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On an empty database, on tests/data/ui-import imported through the real importer, on rows
 * written with SQL (body, runs, hits, problems and measures), after a real run of the rules
 * and triage, and through the worker thread. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zicha-core.h"
#include "zicha-hits.h"
#include "zicha-import.h"
#include "zicha-overview.h"
#include "zicha-problems.h"
#include "zicha-rules.h"

typedef struct
{
  char    *dir;
  char    *path;
  ZichaDb *db;
} Fixture;

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("zicha-overview-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->db = zicha_db_open (f->path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
}

static void
fixture_close (Fixture *f)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->db);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
fixture_import (Fixture    *f,
                const char *first,
                ...)
{
  g_autofree char *src = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ZichaImportOptions options = { .user_name = "测试员" };
  va_list args;
  gboolean ok;

  va_start (args, first);
  {
    g_autofree char *rel = g_build_filename_valist (first, &args);

    src = g_test_build_filename (G_TEST_DIST, "data", rel, NULL);
  }
  va_end (args);

  ok = zicha_import_folder (f->db, src, &options, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return g_steal_pointer (&src);
}

/* Runs @sql on a connection of its own, as another program would write the file. */
static void
exec_sql (Fixture    *f,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

static ZichaOverview *
query (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  ZichaOverview *overview = zicha_overview_query (f->db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (overview);
  return overview;
}

static void
test_empty (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaOverview) o = NULL;

  fixture_open (&f);
  o = query (&f);

  g_assert_null (o->body_name);
  g_assert_null (o->body_approval_no);
  g_assert_cmpint (o->certificates, ==, 0);
  g_assert_cmpint (o->certificates_valid, ==, 0);
  g_assert_cmpint (o->certificates_suspended, ==, 0);
  g_assert_cmpint (o->organizations, ==, 0);
  g_assert_cmpint (o->personnel, ==, 0);
  g_assert_cmpint (o->audits, ==, 0);
  g_assert_cmpint (o->import_id, ==, 0);
  g_assert_null (o->import_finished_at);
  g_assert_null (o->import_folder);
  g_assert_cmpint (o->import_rows, ==, 0);
  g_assert_cmpint (o->run_id, ==, 0);
  g_assert_null (o->run_as_of);
  g_assert_cmpint (o->run_hits, ==, 0);
  g_assert_cmpint (o->hits, ==, 0);
  for (guint s = 0; s < G_N_ELEMENTS (o->hits_by_status); s++)
    g_assert_cmpint (o->hits_by_status[s], ==, 0);
  for (guint a = 0; a < ZICHA_OVERVIEW_N_AREAS; a++)
    g_assert_cmpint (o->open_by_area[a], ==, 0);
  g_assert_cmpint (o->problems, ==, 0);
  g_assert_cmpint (o->problems_from_hits, ==, 0);
  g_assert_cmpint (o->problems_open, ==, 0);
  g_assert_cmpint (o->problems_in_rectification, ==, 0);
  g_assert_cmpint (o->problems_closed, ==, 0);

  fixture_close (&f);
}

static void
test_imported (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaOverview) o = NULL;
  g_autofree char *folder = NULL;

  fixture_open (&f);
  folder = fixture_import (&f, "ui-import", NULL);
  o = query (&f);

  /* tests/data/ui-import: 5 certificates (2 valid, 1 suspended, 1 expired, 1 withdrawn),
   * 4 organizations, 4 persons, 3 audits; 28 rows in its 8 files; no body.csv. */
  g_assert_null (o->body_name);
  g_assert_cmpint (o->certificates, ==, 5);
  g_assert_cmpint (o->certificates_valid, ==, 2);
  g_assert_cmpint (o->certificates_suspended, ==, 1);
  g_assert_cmpint (o->organizations, ==, 4);
  g_assert_cmpint (o->personnel, ==, 4);
  g_assert_cmpint (o->audits, ==, 3);

  g_assert_cmpint (o->import_id, >, 0);
  g_assert_cmpstr (o->import_folder, ==, folder);
  g_assert_cmpstr (o->import_user, ==, "测试员");
  g_assert_nonnull (o->import_finished_at);
  g_assert_cmpuint (strlen (o->import_finished_at), ==, strlen ("2026-11-27 17:12:32"));
  g_assert_cmpint (o->import_rows, ==, 28);
  g_assert_cmpint (o->import_inserted, ==, 28);
  g_assert_cmpint (o->import_updated, ==, 0);

  g_assert_cmpint (o->run_id, ==, 0);
  g_assert_cmpint (o->hits, ==, 0);
  g_assert_cmpint (o->problems, ==, 0);

  /* A second import of the same folder is the last one; the counts stay. */
  {
    g_autoptr(ZichaOverview) again = NULL;
    gint64 first_id = o->import_id;

    g_free (fixture_import (&f, "ui-import", NULL));
    again = query (&f);
    g_assert_cmpint (again->import_id, >, first_id);
    g_assert_cmpint (again->import_rows, ==, 28);
    g_assert_cmpint (again->import_inserted, ==, 0);
    g_assert_cmpint (again->certificates, ==, 5);
  }

  fixture_close (&f);
}

/* Rows written with SQL: every status of hits, problems and measures, and runs that did not
 * finish (not "the last run"). */
static void
test_rows (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaOverview) o = NULL;

  fixture_open (&f);
  exec_sql (&f,
    "INSERT INTO body (id, name, approval_no) VALUES (1, '华测认证有限公司', 'CNCA-R-2002-001');"
    "INSERT INTO rule_runs (id, started_at, finished_at, as_of, rules, status)"
    "  VALUES (1, '2026-06-01 09:00:00', '2026-06-01 09:00:05', '2026-05-31', '*', 'finished'),"
    "         (2, '2026-06-30 10:00:00', '2026-06-30 10:00:07', '2026-06-30', '*', 'finished'),"
    "         (3, '2026-07-01 10:00:00', NULL, '2026-07-01', '*', 'cancelled'),"
    "         (4, '2026-07-02 10:00:00', NULL, '2026-07-02', '*', 'running');"
    "INSERT INTO rule_run_stats (run, rule, hits, duration_ms)"
    "  VALUES (1, 'A', 1, 1), (2, 'A', 4, 1), (2, 'B', 5, 1), (3, 'A', 99, 1);"
    "INSERT INTO hits (id, rule, area, severity, entity_type, entity_key, status, message,"
    "                  first_found_on, last_found_on)"
    "  VALUES (1, 'A', 'legal', 'high', 'certificate', 'C1', 'open', 'm', 'd', 'd'),"
    "         (2, 'A', 'legal', 'high', 'certificate', 'C2', 'open', 'm', 'd', 'd'),"
    "         (3, 'B', 'conduct', 'low', 'person', 'P1', 'open', 'm', 'd', 'd'),"
    "         (4, 'B', 'capability', 'low', 'person', 'P2', 'open', 'm', 'd', 'd'),"
    "         (5, 'B', 'practice', 'low', 'person', 'P3', 'confirmed', 'm', 'd', 'd'),"
    "         (6, 'B', 'practice', 'low', 'person', 'P4', 'confirmed', 'm', 'd', 'd'),"
    "         (7, 'B', 'practice', 'low', 'person', 'P5', 'confirmed', 'm', 'd', 'd'),"
    "         (8, 'B', 'practice', 'low', 'person', 'P6', 'dismissed', 'm', 'd', 'd'),"
    "         (9, 'B', 'legal', 'low', 'person', 'P7', 'resolved', 'm', 'd', 'd'),"
    "         (10, 'B', 'legal', 'low', 'person', 'P8', 'resolved', 'm', 'd', 'd');"
    "INSERT INTO problems (id, year, seq, area, severity, title, source, found_on,"
    "                      created_at)"
    "  VALUES (1, 2026, 1, 'practice', 'low', 'no measure', 'hit', '2026-06-30', 't'),"
    "         (2, 2026, 2, 'practice', 'low', 'measures all open', 'hit', '2026-06-30', 't'),"
    "         (3, 2026, 3, 'practice', 'low', 'one in progress', 'hit', '2026-06-30', 't'),"
    "         (4, 2026, 4, 'legal', 'high', 'one done one verified', 'manual', '2026-06-30',"
    "          't'),"
    "         (5, 2026, 5, 'legal', 'high', 'all verified', 'complaint', '2026-06-30', 't');"
    "INSERT INTO problem_hits (problem, hit, added_at) VALUES (1, 5, 't'), (2, 6, 't'),"
    "  (3, 7, 't');"
    "INSERT INTO measures (id, kind, text, status, conclusion, created_at, created_by)"
    "  VALUES (1, 'correction', 'm', 'open', NULL, 't', 't'),"
    "         (2, 'correction', 'm', 'open', NULL, 't', 't'),"
    "         (3, 'correction', 'm', 'open', NULL, 't', 't'),"
    "         (4, 'correction', 'm', 'in_progress', NULL, 't', 't'),"
    "         (5, 'correction', 'm', 'done', NULL, 't', 't'),"
    "         (6, 'correction', 'm', 'verified', 'effective', 't', 't'),"
    "         (7, 'correction', 'm', 'verified', 'effective', 't', 't'),"
    "         (8, 'correction', 'm', 'verified', 'effective', 't', 't');"
    "INSERT INTO measure_problems (measure, problem, linked_at, linked_by)"
    "  VALUES (1, 2, 't', 't'), (2, 2, 't', 't'), (3, 3, 't', 't'), (4, 3, 't', 't'),"
    "         (5, 4, 't', 't'), (6, 4, 't', 't'), (7, 5, 't', 't'), (8, 5, 't', 't');");
  o = query (&f);

  g_assert_cmpstr (o->body_name, ==, "华测认证有限公司");
  g_assert_cmpstr (o->body_approval_no, ==, "CNCA-R-2002-001");
  g_assert_cmpint (o->certificates, ==, 0);
  g_assert_cmpint (o->import_id, ==, 0);

  /* The last finished run, not the cancelled or running ones after it. */
  g_assert_cmpint (o->run_id, ==, 2);
  g_assert_cmpstr (o->run_as_of, ==, "2026-06-30");
  g_assert_cmpstr (o->run_finished_at, ==, "2026-06-30 10:00:07");
  g_assert_cmpint (o->run_hits, ==, 9);

  g_assert_cmpint (o->hits, ==, 10);
  g_assert_cmpint (o->hits_by_status[ZICHA_HIT_OPEN], ==, 4);
  g_assert_cmpint (o->hits_by_status[ZICHA_HIT_CONFIRMED], ==, 3);
  g_assert_cmpint (o->hits_by_status[ZICHA_HIT_DISMISSED], ==, 1);
  g_assert_cmpint (o->hits_by_status[ZICHA_HIT_RESOLVED], ==, 2);
  g_assert_cmpint (o->open_by_area[ZICHA_RULE_AREA_LEGAL], ==, 2);
  g_assert_cmpint (o->open_by_area[ZICHA_RULE_AREA_CONDUCT], ==, 1);
  g_assert_cmpint (o->open_by_area[ZICHA_RULE_AREA_PRACTICE], ==, 0);
  g_assert_cmpint (o->open_by_area[ZICHA_RULE_AREA_CAPABILITY], ==, 1);

  g_assert_cmpint (o->problems, ==, 5);
  g_assert_cmpint (o->problems_from_hits, ==, 3);
  g_assert_cmpint (o->problems_open, ==, 2);
  g_assert_cmpint (o->problems_in_rectification, ==, 2);
  g_assert_cmpint (o->problems_closed, ==, 1);

  fixture_close (&f);
}

/* A real run of the rules and a confirmation: the overview agrees with the hits. */
static void
test_run_and_confirm (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaOverview) before = NULL;
  g_autoptr(ZichaOverview) after = NULL;
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(GPtrArray) open_hits = NULL;
  g_autoptr(GError) error = NULL;
  ZichaRuleRunOptions options = { 0 };
  ZichaHitFilter open_filter = { .status = "open" };
  ZichaHit *first;
  ZichaRuleArea area;
  gint64 problem_id = 0;

  fixture_open (&f);
  g_free (fixture_import (&f, "rules", "audit_time", NULL));
  g_date_clear (&options.as_of, 1);
  g_date_set_dmy (&options.as_of, 30, 6, 2026);
  g_assert_true (zicha_rules_run (f.db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->total_hits, >, 0);

  before = query (&f);
  g_assert_cmpint (before->run_id, ==, result->run_id);
  g_assert_cmpstr (before->run_as_of, ==, "2026-06-30");
  g_assert_cmpint (before->run_hits, ==, result->total_hits);
  g_assert_cmpint (before->hits, ==, result->total_hits);
  g_assert_cmpint (before->hits_by_status[ZICHA_HIT_OPEN], ==, result->total_hits);
  for (guint a = 0; a < ZICHA_OVERVIEW_N_AREAS; a++)
    {
      ZichaHitFilter filter = { .status = "open", .area = zicha_rule_area_to_string (a) };

      g_assert_cmpint (before->open_by_area[a], ==, zicha_hits_count (f.db, &filter, NULL));
    }
  g_assert_cmpint (before->problems, ==, 0);

  open_hits = zicha_hits_query (f.db, &open_filter, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (open_hits, 0);
  g_assert_true (zicha_rule_area_from_string (first->area, &area));
  g_assert_true (zicha_problems_confirm_hits (f.db, &first->id, 1, 0, NULL, "测试员",
                                              &problem_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (problem_id, >, 0);

  after = query (&f);
  g_assert_cmpint (after->hits_by_status[ZICHA_HIT_OPEN], ==, result->total_hits - 1);
  g_assert_cmpint (after->hits_by_status[ZICHA_HIT_CONFIRMED], ==, 1);
  g_assert_cmpint (after->open_by_area[area], ==, before->open_by_area[area] - 1);
  g_assert_cmpint (after->problems, ==, 1);
  g_assert_cmpint (after->problems_from_hits, ==, 1);
  g_assert_cmpint (after->problems_open, ==, 1);
  g_assert_cmpint (after->problems_in_rectification, ==, 0);
  g_assert_cmpint (after->problems_closed, ==, 0);

  fixture_close (&f);
}

static void
on_query_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static ZichaOverview *
query_async (const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  GAsyncResult *result = NULL;
  ZichaOverview *overview;

  zicha_overview_query_async (path, cancellable, on_query_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  overview = zicha_overview_query_finish (result, error);
  g_object_unref (result);
  return overview;
}

static void
test_async (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaOverview) sync = NULL;
  g_autoptr(ZichaOverview) async = NULL;
  g_autoptr(ZichaOverview) cancelled = NULL;
  g_autoptr(ZichaOverview) missing = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_path = NULL;

  fixture_open (&f);
  g_free (fixture_import (&f, "ui-import", NULL));
  sync = query (&f);

  /* A connection of its own sees what the first one committed. */
  async = query_async (f.path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (async);
  g_assert_cmpint (async->certificates, ==, sync->certificates);
  g_assert_cmpint (async->certificates_valid, ==, sync->certificates_valid);
  g_assert_cmpint (async->audits, ==, sync->audits);
  g_assert_cmpint (async->import_id, ==, sync->import_id);
  g_assert_cmpstr (async->import_folder, ==, sync->import_folder);
  g_assert_cmpint (async->import_rows, ==, sync->import_rows);

  g_cancellable_cancel (cancellable);
  cancelled = query_async (f.path, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
  g_clear_error (&error);

  /* A file that went away is an error, not a new database. */
  missing_path = g_build_filename (f.dir, "gone.db", NULL);
  missing = query_async (missing_path, NULL, &error);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  zicha_core_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/empty", test_empty);
  g_test_add_func ("/overview/imported", test_imported);
  g_test_add_func ("/overview/rows", test_rows);
  g_test_add_func ("/overview/run-and-confirm", test_run_and_confirm);
  g_test_add_func ("/overview/async", test_async);

  return g_test_run ();
}
