/* test-cli-rectification.c — zicha-cli measure, measures, evidence, certificate, ledger,
 * rectification, problem close and problem withdraw, and the import's summary of handled
 * certificates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-cli as a user runs it ($ZICHA_CLI, a private HOME) on tests/data/rules/risk (person P1,
 * organizations O1 and O2, certificates R1 to R3), with the demo's day 2026-03-15 as today;
 * machine formats are parsed with json-glib. The user the changes are recorded under is the
 * account's (zicha_cli_user_name ()). */
#define G_LOG_DOMAIN "test-cli-rectification"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "zicha-cli-commands.h"
#include "zicha-db-private.h"
#include "zicha-test-utils.h"

typedef ZichaTestResult Result;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, zicha_test_result_clear)

#define run(res, ...) zicha_test_run_cli (res, FALSE, __VA_ARGS__)
#define run_zh(res, ...) zicha_test_run_cli (res, TRUE, __VA_ARGS__)

/* A database @name with the fixture, the demo's day, and one problem found on 2026-03-01
 * (ZC-2026-001) concerning R1. */
static char *
make_db (const char *name)
{
  char *path = zicha_test_path (name);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "rules", "risk", NULL);
  g_auto(Result) imported = { 0 };
  g_auto(Result) problem = { 0 };
  g_autoptr(ZichaDb) db = NULL;

  run (&imported, "--db", path, "import", src, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, NULL);
  g_assert_true (zicha_db_set_setting (db, "demo-today", "2026-03-15", NULL));
  run (&problem, "--db", path, "problem", "new", "--title", "证书过期仍有效", "--area", "legal",
       "--severity", "high", "--record", "certificates:R1", "--found-on", "2026-03-01", NULL);
  g_assert_cmpstr (problem.out, ==, "ZC-2026-001\n");
  return path;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_fails (const Result *res, int status, const char *part)
{
  g_assert_cmpint (res->status, ==, status);
  g_assert_cmpstr (res->out, ==, "");
  g_assert_true (g_str_has_prefix (res->err, "zicha-cli: "));
  if (part != NULL && strstr (res->err, part) == NULL)
    g_error ("“%s” not in %s", part, res->err);
}

static void
assert_ok (const Result *res)
{
  if (res->status != 0)
    g_error ("exit status %d: %s", res->status, res->err);
  g_assert_cmpstr (res->err, ==, "");
}

/* The member @key of the JSON object @text. */
static char *
member (const char *text, const char *key)
{
  g_autoptr(JsonNode) root = parse (text);
  JsonNode *node = json_object_get_member (json_node_get_object (root), key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
}

/* Strings taken from JSON, kept until the end of the test. */
static const char *
keep_member (const char *text, const char *key)
{
  char *value = member (text, key);

  g_test_queue_free (value);
  return value;
}

static guint
n_lines (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c != '\0'; c++)
    n += *c == '\n';
  return n;
}

static void
test_measures (void)
{
  g_autofree char *db = make_db ("measures.db");
  const char *me = zicha_cli_user_name ();

  {
    g_auto(Result) res = { 0 };

    run (&res, "--db", db, "measure", "add", "--problem", "ZC-2026-001", "--kind", "correction",
         "--text", "暂停证书", "--owner", "P1", "--deadline", "2026-03-14", NULL);
    assert_ok (&res);
    g_assert_cmpstr (res.out, ==, "1\n");
  }
  {
    /* due today, in 10 and 11 days; the user's own */
    const char *deadlines[] = { "2026-03-15", "2026-03-25", "2026-03-26" };

    for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
      {
        g_auto(Result) res = { 0 };

        run (&res, "--db", db, "measure", "add", "--problem", "1", "--kind", "corrective",
             "--text", "修订程序", "--owner", me, "--deadline", deadlines[i], "--department",
             "认证部", "--format", "json", NULL);
        assert_ok (&res);
        g_assert_cmpstr (keep_member (res.out, "status"), ==, "open");
      }
  }
  {
    g_auto(Result) missing = { 0 };
    g_auto(Result) kind = { 0 };
    g_auto(Result) date = { 0 };
    g_auto(Result) problem = { 0 };
    g_auto(Result) format = { 0 };

    run (&missing, "--db", db, "measure", "add", "--problem", "1", "--kind", "correction",
         "--text", "x", "--deadline", "2026-04-01", NULL);
    assert_fails (&missing, 2, "--owner");
    run (&kind, "--db", db, "measure", "add", "--problem", "1", "--kind", "fix", "--text", "x",
         "--owner", "P1", "--deadline", "2026-04-01", NULL);
    assert_fails (&kind, 2, "“fix”");
    run (&date, "--db", db, "measure", "add", "--problem", "1", "--kind", "correction",
         "--text", "x", "--owner", "P1", "--deadline", "2026-02-30", NULL);
    assert_fails (&date, 2, "--deadline");
    run (&problem, "--db", db, "measure", "add", "--problem", "ZC-1999-001", "--kind",
         "correction", "--text", "x", "--owner", "P1", "--deadline", "2026-04-01", NULL);
    assert_fails (&problem, 1, "ZC-1999-001");
    run (&format, "--db", db, "measures", "--format", "xml", NULL);
    assert_fails (&format, 2, NULL);
  }
  {
    /* overdue and due soon at both sides of each boundary */
    g_auto(Result) all = { 0 };
    g_auto(Result) overdue = { 0 };
    g_auto(Result) ten = { 0 };
    g_auto(Result) eleven = { 0 };
    g_auto(Result) both = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *array;

    run (&all, "--db", db, "measures", "--format", "json", NULL);
    assert_ok (&all);
    root = parse (all.out);
    array = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (array), ==, 4);
    {
      JsonObject *first = json_array_get_object_element (array, 0);

      g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);
      g_assert_true (json_object_get_boolean_member (first, "overdue"));
      g_assert_cmpint (json_object_get_int_member (first, "days_left"), ==, -1);
      g_assert_cmpstr (json_object_get_string_member (first, "responsible"), ==,
                       "Unqualified leader");
      g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 1),
                                                     "due_soon"));
      g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 3),
                                                      "due_soon"));
    }
    run (&overdue, "--db", db, "measures", "--overdue", "--format", "csv", NULL);
    assert_ok (&overdue);
    g_assert_true (g_str_has_prefix (overdue.out, "id,problems,kind,status,department,"
                                                  "responsible,deadline,days_left,overdue,text\r\n"
                                                  "1,ZC-2026-001,correction,open,,"
                                                  "Unqualified leader,2026-03-14,-1,overdue,"));
    g_assert_cmpuint (n_lines (overdue.out), ==, 2);
    run (&ten, "--db", db, "measures", "--due-within", "10", "--format", "csv", NULL);
    g_assert_nonnull (strstr (ten.out, "2026-03-15,0,due_soon"));
    g_assert_nonnull (strstr (ten.out, "2026-03-25,10,due_soon"));
    g_assert_null (strstr (ten.out, "2026-03-26"));
    g_assert_null (strstr (ten.out, "2026-03-14"));
    run (&eleven, "--db", db, "measures", "--due-within", "11", "--format", "csv", NULL);
    g_assert_nonnull (strstr (eleven.out, "2026-03-26,11,"));
    run (&both, "--db", db, "measures", "--overdue", "--due-within", "3", NULL);
    assert_fails (&both, 2, "--overdue");
  }
  {
    /* transitions: illegal ones fail with exit status 1 and change nothing */
    g_auto(Result) skip = { 0 };
    g_auto(Result) start = { 0 };
    g_auto(Result) done = { 0 };
    g_auto(Result) own = { 0 };
    g_auto(Result) no_reason = { 0 };
    g_auto(Result) back = { 0 };
    g_auto(Result) wrong = { 0 };
    g_auto(Result) verified = { 0 };
    g_auto(Result) after = { 0 };
    g_auto(Result) show = { 0 };
    g_auto(Result) status = { 0 };

    run (&skip, "--db", db, "measure", "set", "1", "--status", "done", NULL);
    assert_fails (&skip, 1, "The measure 1 “暂停证书” cannot go from “Not started” to “Done”");
    run (&status, "--db", db, "measure", "set", "1", "--status", "finished", NULL);
    assert_fails (&status, 2, "“finished”");
    run (&start, "--db", db, "measure", "set", "1", "--status", "in_progress", "--format",
         "json", NULL);
    assert_ok (&start);
    run (&done, "--db", db, "measure", "set", "1", "--status", "done", "--note", "已暂停",
         "--on", "2026-03-12", "--format", "json", NULL);
    g_assert_cmpstr (keep_member (done.out, "done_on"), ==, "2026-03-12");
    run (&own, "--db", db, "measure", "set", "1", "--status", "verified", "--verifier", "P1",
         NULL);
    assert_fails (&own, 1, "its responsible person");
    run (&no_reason, "--db", db, "measure", "set", "1", "--conclusion", "not-effective",
         "--verifier", "李四", NULL);
    assert_fails (&no_reason, 2, "reason");
    run (&back, "--db", db, "measure", "set", "1", "--conclusion", "not-effective", "--verifier",
         "李四", "--note", "未通知获证组织", "--format", "json", NULL);
    assert_ok (&back);
    g_assert_cmpstr (keep_member (back.out, "status"), ==, "in_progress");
    g_assert_cmpstr (keep_member (back.out, "conclusion"), ==, "not_effective");
    g_assert_cmpstr (keep_member (back.out, "return_reason"), ==, "未通知获证组织");
    run (&wrong, "--db", db, "measure", "set", "1", "--status", "verified", "--conclusion",
         "not-effective", "--note", "x", NULL);
    assert_fails (&wrong, 1, "cannot go from “In progress” to “Verified”");
    run (&after, "--db", db, "measure", "set", "1", "--status", "done", NULL);
    assert_ok (&after);
    run (&verified, "--db", db, "measure", "set", "1", "--status", "verified", "--verifier",
         "李四", "--conclusion", "effective", "--format", "json", NULL);
    g_assert_cmpstr (keep_member (verified.out, "status"), ==, "verified");
    g_assert_cmpstr (keep_member (verified.out, "verifier"), ==, "李四");
    run (&show, "--db", db, "measure", "show", "1", "--format", "csv", NULL);
    assert_ok (&show);
    g_assert_true (g_str_has_prefix (show.out, "key,value\r\nid,1\r\nproblems,ZC-2026-001\r\n"));
    g_assert_nonnull (strstr (show.out, "\r\nstatus,verified\r\n"));
  }
  {
    /* fields, links, deletion */
    g_auto(Result) update = { 0 };
    g_auto(Result) link = { 0 };
    g_auto(Result) unlink_last = { 0 };
    g_auto(Result) del = { 0 };
    g_auto(Result) del_again = { 0 };
    g_auto(Result) restore = { 0 };
    g_auto(Result) nothing = { 0 };
    g_auto(Result) unknown = { 0 };
    g_auto(Result) none = { 0 };
    g_auto(Result) second = { 0 };

    run (&update, "--db", db, "measure", "set", "2", "--text", "修订证书管理程序", "--deadline",
         "2026-04-10", "--format", "json", NULL);
    g_assert_cmpstr (keep_member (update.out, "text"), ==, "修订证书管理程序");
    g_assert_cmpstr (keep_member (update.out, "department"), ==, "认证部");
    run (&second, "--db", db, "problem", "new", "--title", "程序缺陷", "--area", "capability",
         "--severity", "low", NULL);
    run (&link, "--db", db, "measure", "link", "2", "--problem", "ZC-2026-002", "--format",
         "json", NULL);
    assert_ok (&link);
    run (&unlink_last, "--db", db, "measure", "unlink", "3", "--problem", "ZC-2026-001", NULL);
    assert_fails (&unlink_last, 1, "serves no other problem");
    run (&del, "--db", db, "measure", "delete", "4", NULL);
    assert_ok (&del);
    run (&del_again, "--db", db, "measure", "delete", "4", NULL);
    assert_fails (&del_again, 1, "deleted");
    run (&restore, "--db", db, "measure", "restore", "4", "--format", "json", NULL);
    g_assert_null (keep_member (restore.out, "deleted_at"));
    run (&nothing, "--db", db, "measure", "set", "2", NULL);
    assert_fails (&nothing, 2, "--status");
    run (&unknown, "--db", db, "measure", "show", "99", NULL);
    assert_fails (&unknown, 1, "99");
    run (&none, "--db", db, "measure", "frobnicate", NULL);
    assert_fails (&none, 2, "“frobnicate”");
  }
}

/* A measure of ZC-2026-001 owned by @owner, driven to verified by 李四. */
static void
verified_measure (const char *db, const char *owner)
{
  const char *steps[][4] = {
    { "in_progress", NULL }, { "done", NULL }, { "verified", "李四" },
  };
  g_auto(Result) add = { 0 };
  g_autofree char *id = NULL;

  run (&add, "--db", db, "measure", "add", "--problem", "ZC-2026-001", "--kind", "corrective",
       "--text", "复核", "--owner", owner, "--deadline", "2026-04-01", NULL);
  assert_ok (&add);
  id = g_strstrip (g_strdup (add.out));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_auto(Result) res = { 0 };

      if (steps[i][1] != NULL)
        run (&res, "--db", db, "measure", "set", id, "--status", steps[i][0], "--verifier",
             steps[i][1], NULL);
      else
        run (&res, "--db", db, "measure", "set", id, "--status", steps[i][0], NULL);
      assert_ok (&res);
    }
}

static void
test_close_and_withdraw (void)
{
  g_autofree char *db = make_db ("close.db");
  const char *me = zicha_cli_user_name ();

  {
    g_auto(Result) early = { 0 };

    run (&early, "--db", db, "problem", "close", "ZC-2026-001", NULL);
    assert_fails (&early, 1, "cannot be closed out");
  }
  verified_measure (db, me);
  {
    /* the user is responsible for a measure: refused */
    g_auto(Result) own = { 0 };
    g_auto(Result) problems = { 0 };

    run (&own, "--db", db, "problem", "close", "ZC-2026-001", NULL);
    assert_fails (&own, 1, "responsible for one of its measures");
    run (&problems, "--db", db, "problems", "--format", "json", NULL);
    g_assert_nonnull (strstr (problems.out, "\"status\": \"awaiting_closeout\""));
  }
  {
    /* someone else's measures: closed out */
    g_autofree char *other = make_db ("close-other.db");
    g_auto(Result) close = { 0 };
    g_auto(Result) again = { 0 };
    g_auto(Result) undo = { 0 };
    g_auto(Result) date = { 0 };

    verified_measure (other, "王五");
    run (&date, "--db", other, "problem", "close", "ZC-2026-001", "--on", "2026-3-1", NULL);
    assert_fails (&date, 2, "--on");
    run (&close, "--db", other, "problem", "close", "ZC-2026-001", "--note", "整改到位",
         "--format", "json", NULL);
    assert_ok (&close);
    g_assert_cmpstr (keep_member (close.out, "status"), ==, "closed");
    run (&again, "--db", other, "problem", "close", "ZC-2026-001", NULL);
    assert_fails (&again, 1, "Closed out");
    run (&undo, "--db", other, "problem", "close", "ZC-2026-001", "--undo", "--format", "json",
         NULL);
    g_assert_cmpstr (keep_member (undo.out, "status"), ==, "awaiting_closeout");
  }
  {
    g_auto(Result) no_reason = { 0 };
    g_auto(Result) withdraw = { 0 };
    g_auto(Result) again = { 0 };
    g_auto(Result) undo = { 0 };
    g_auto(Result) unknown = { 0 };

    run (&no_reason, "--db", db, "problem", "withdraw", "ZC-2026-001", NULL);
    assert_fails (&no_reason, 2, "--reason");
    run (&withdraw, "--db", db, "problem", "withdraw", "ZC-2026-001", "--reason", "重复登记",
         NULL);
    assert_ok (&withdraw);
    g_assert_cmpstr (withdraw.out, ==, "ZC-2026-001\n");
    run (&again, "--db", db, "problem", "withdraw", "ZC-2026-001", "--reason", "again", NULL);
    assert_fails (&again, 1, "already withdrawn");
    run (&undo, "--db", db, "problem", "withdraw", "ZC-2026-001", "--undo", "--format", "json",
         NULL);
    g_assert_cmpstr (keep_member (undo.out, "status"), ==, "awaiting_closeout");
    run (&unknown, "--db", db, "problem", "close", "ZC-2026-099", NULL);
    assert_fails (&unknown, 1, "ZC-2026-099");
  }
}

static void
test_evidence (void)
{
  g_autofree char *db = make_db ("evidence.db");
  g_autofree char *file = zicha_test_path ("报告.txt");
  g_autofree char *out = zicha_test_path ("out.txt");
  g_autofree char *bad = zicha_test_path ("bad.txt");
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "整改报告\n", -1);
  g_auto(Result) measure = { 0 };

  g_assert_true (g_file_set_contents (file, "整改报告\n", -1, NULL));
  run (&measure, "--db", db, "measure", "add", "--problem", "1", "--kind", "correction",
       "--text", "x", "--owner", "P1", "--deadline", "2026-04-01", NULL);
  {
    g_auto(Result) add = { 0 };
    g_auto(Result) problem = { 0 };
    g_auto(Result) list = { 0 };
    g_auto(Result) neither = { 0 };
    g_auto(Result) missing = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *o;

    run (&add, "--db", db, "evidence", "add", "--measure", "1", file, "--note", "签字版", NULL);
    assert_ok (&add);
    g_assert_cmpstr (add.out, ==, "1\n");
    run (&problem, "--db", db, "evidence", "add", "--problem", "ZC-2026-001", "--from-org", file,
         NULL);
    g_assert_cmpstr (problem.out, ==, "2\n");
    run (&list, "--db", db, "evidence", "list", "--measure", "1", "--format", "json", NULL);
    root = parse (list.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    o = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "file_name"), ==, "报告.txt");
    g_assert_cmpstr (json_object_get_string_member (o, "sha256"), ==, sha);
    g_assert_cmpstr (json_object_get_string_member (o, "mime_type"), ==, "text/plain");
    run (&neither, "--db", db, "evidence", "add", file, NULL);
    assert_fails (&neither, 2, "--measure");
    run (&missing, "--db", db, "evidence", "add", "--measure", "1", "/no/such/file", NULL);
    assert_fails (&missing, 1, "/no/such/file");
  }
  {
    g_auto(Result) get = { 0 };
    g_auto(Result) no_out = { 0 };
    g_auto(Result) corrupt = { 0 };
    g_autofree char *contents = NULL;
    g_autoptr(ZichaDb) handle = zicha_db_open (db, ZICHA_DB_OPEN_DEFAULT, NULL);

    run (&get, "--db", db, "evidence", "get", "1", "--out", out, NULL);
    assert_ok (&get);
    g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "整改报告\n");
    run (&no_out, "--db", db, "evidence", "get", "1", NULL);
    assert_fails (&no_out, 2, "--out");
    /* a byte changed with SQL: exit status 1, nothing written */
    g_assert_true (zicha_db_exec (handle, "UPDATE evidence SET content = X'00' || substr"
                                          " (content, 2) WHERE id = 1", NULL));
    g_clear_object (&handle);
    run (&corrupt, "--db", db, "evidence", "get", "1", "--out", bad, NULL);
    assert_fails (&corrupt, 1, "does not match its SHA-256 checksum");
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Result) rm = { 0 };
    g_auto(Result) rm_again = { 0 };
    g_auto(Result) listed = { 0 };
    g_auto(Result) all = { 0 };
    g_auto(Result) restore = { 0 };
    g_auto(Result) bad_id = { 0 };
    g_auto(Result) sub = { 0 };

    run (&rm, "--db", db, "evidence", "remove", "2", NULL);
    assert_ok (&rm);
    run (&rm_again, "--db", db, "evidence", "remove", "2", NULL);
    assert_fails (&rm_again, 1, "removed already");
    run (&listed, "--db", db, "evidence", "list", "--problem", "ZC-2026-001", "--format", "csv",
         NULL);
    g_assert_cmpuint (n_lines (listed.out), ==, 1);
    run (&all, "--db", db, "evidence", "list", "--problem", "ZC-2026-001", "--all", "--format",
         "csv", NULL);
    g_assert_cmpuint (n_lines (all.out), ==, 2);
    g_assert_nonnull (strstr (all.out, ",yes,"));
    run (&restore, "--db", db, "evidence", "restore", "2", NULL);
    assert_ok (&restore);
    run (&bad_id, "--db", db, "evidence", "get", "x", "--out", out, NULL);
    assert_fails (&bad_id, 2, NULL);
    run (&sub, "--db", db, "evidence", "open", NULL);
    assert_fails (&sub, 2, "“open”");
  }
}

static void
test_certificates (void)
{
  g_autofree char *db = make_db ("certificates.db");

  {
    g_auto(Result) suspend = { 0 };
    g_auto(Result) again = { 0 };
    g_auto(Result) no_reason = { 0 };
    g_auto(Result) unknown = { 0 };
    g_auto(Result) stats = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *o;

    run (&suspend, "--db", db, "certificate", "suspend", "R1", "--on", "2024-06-01",
         "--reason", "自查发现证书过期仍有效", "--problem", "ZC-2026-001", "--format", "json",
         NULL);
    assert_ok (&suspend);
    root = parse (suspend.out);
    o = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "action"), ==, "suspend");
    g_assert_cmpstr (json_object_get_string_member (o, "status_after"), ==, "suspended");
    g_assert_cmpstr (json_object_get_string_member (o, "problem"), ==, "ZC-2026-001");
    run (&again, "--db", db, "certificate", "suspend", "R1", "--reason", "x", NULL);
    assert_fails (&again, 1, "cannot be handled");
    run (&no_reason, "--db", db, "certificate", "withdraw", "R2", NULL);
    assert_fails (&no_reason, 2, "--reason");
    run (&unknown, "--db", db, "certificate", "cancel", "R9", "--reason", "x", NULL);
    assert_fails (&unknown, 1, "R9");
    /* the statistics count it as suspended */
    run (&stats, "--db", db, "statistics", "--as-of", "2024-06-30", "--format", "json", NULL);
    g_assert_nonnull (strstr (stats.out, "\"suspended\":1"));
  }
  {
    /* the rules: valid although expired no more */
    g_auto(Result) check = { 0 };
    g_auto(Result) findings = { 0 };

    run (&check, "--db", db, "check", "--as-of", "2024-06-30", "--rules", "EXPIRED_STILL_VALID",
         NULL);
    assert_ok (&check);
    run (&findings, "--db", db, "findings", "--format", "csv", NULL);
    g_assert_null (strstr (findings.out, "EXPIRED_STILL_VALID"));
  }
  {
    g_auto(Result) clocks = { 0 };
    g_auto(Result) reduce = { 0 };
    g_auto(Result) actions = { 0 };
    g_auto(Result) undo = { 0 };
    g_auto(Result) undo_again = { 0 };
    g_auto(Result) overdue = { 0 };
    g_auto(Result) sub = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *o;

    run (&clocks, "--db", db, "certificate", "clocks", "--problem", "ZC-2026-001", "--format",
         "json", NULL);
    assert_ok (&clocks);
    root = parse (clocks.out);
    o = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "R1");
    g_assert_cmpstr (json_object_get_string_member (o, "clock"), ==, "suspension");
    g_assert_cmpstr (json_object_get_string_member (o, "deadline"), ==, "2024-12-01");
    g_assert_cmpstr (json_object_get_string_member (o, "overdue"), ==, "overdue");
    run (&overdue, "--db", db, "certificate", "clocks", "--overdue", "--format", "csv", NULL);
    g_assert_cmpuint (n_lines (overdue.out), ==, 2);
    run (&reduce, "--db", db, "certificate", "reduce", "R1", "--reason", "缩小", "--scope-codes",
         "17", NULL);
    assert_fails (&reduce, 2, "some of its scope codes");
    run (&actions, "--db", db, "certificate", "actions", "R1", "--format", "csv", NULL);
    g_assert_cmpuint (n_lines (actions.out), ==, 2);
    run (&undo, "--db", db, "certificate", "undo", "R1", "--format", "csv", NULL);
    assert_ok (&undo);
    g_assert_cmpuint (n_lines (undo.out), ==, 1);
    run (&undo_again, "--db", db, "certificate", "undo", "R1", NULL);
    assert_fails (&undo_again, 1, "nothing to undo");
    run (&sub, "--db", db, "certificate", "revoke", "R1", NULL);
    assert_fails (&sub, 2, "“revoke”");
  }
}

static void
test_org_demand (void)
{
  g_autofree char *db = make_db ("org.db");
  g_auto(Result) add = { 0 };

  run (&add, "--db", db, "measure", "add", "--problem", "1", "--kind", "correction", "--text",
       "责令获证组织整改", "--owner", "王五", "--deadline", "2026-04-01", NULL);
  {
    g_auto(Result) unknown = { 0 };
    g_auto(Result) org = { 0 };
    g_auto(Result) respond = { 0 };
    g_auto(Result) no_questions = { 0 };
    g_auto(Result) follow = { 0 };
    g_auto(Result) conclusion = { 0 };
    g_auto(Result) list = { 0 };

    run (&unknown, "--db", db, "measure", "set", "1", "--org", "O9", NULL);
    assert_fails (&unknown, 1, "O9");
    run (&org, "--db", db, "measure", "set", "1", "--org", "O1", "--demand", "提交纠正措施",
         "--org-deadline", "2026-03-31", "--notice-no", "ZG-001", "--notice-on", "2026-03-02",
         "--format", "json", NULL);
    assert_ok (&org);
    g_assert_cmpstr (keep_member (org.out, "org_name"), ==, "Org one");
    g_assert_cmpstr (keep_member (org.out, "org_state"), ==, "awaiting");
    run (&respond, "--db", db, "measure", "respond", "1", "--text", "已整改", "--evidence",
         "照片", "--format", "json", NULL);
    g_assert_cmpstr (keep_member (respond.out, "org_state"), ==, "responded");
    g_assert_cmpstr (keep_member (respond.out, "org_response_on"), ==, "2026-03-15");
    run (&no_questions, "--db", db, "measure", "follow-up", "1", "--text", "专项审核",
         "--conclusion", "not-effective", NULL);
    assert_fails (&no_questions, 2, "questions");
    run (&conclusion, "--db", db, "measure", "follow-up", "1", "--text", "专项审核",
         "--conclusion", "maybe", NULL);
    assert_fails (&conclusion, 2, "“maybe”");
    run (&follow, "--db", db, "measure", "follow-up", "1", "--text", "专项审核", "--conclusion",
         "not-effective", "--questions", "记录不全", "--format", "json", NULL);
    assert_ok (&follow);
    g_assert_cmpstr (keep_member (follow.out, "org_state"), ==, "awaiting");
    g_assert_cmpstr (keep_member (follow.out, "follow_up_questions"), ==, "记录不全");
    run (&list, "--db", db, "measures", "--org", "--format", "csv", NULL);
    g_assert_cmpuint (n_lines (list.out), ==, 2);
  }
}

static void
test_ledger_and_figures (void)
{
  g_autofree char *db = make_db ("ledger.db");
  g_auto(Result) measure = { 0 };

  verified_measure (db, "王五");
  {
    g_auto(Result) close = { 0 };
    g_auto(Result) json = { 0 };
    g_auto(Result) csv = { 0 };
    g_auto(Result) table = { 0 };
    g_auto(Result) open = { 0 };
    g_auto(Result) bad = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *o;

    run (&close, "--db", db, "problem", "close", "1", "--on", "2026-03-10", NULL);
    assert_ok (&close);
    run (&json, "--db", db, "ledger", "--format", "json", NULL);
    assert_ok (&json);
    root = parse (json.out);
    o = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (o, "seq"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "number"), ==, "ZC-2026-001");
    g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "closed");
    g_assert_cmpstr (json_object_get_string_member (o, "area"), ==, "legal");
    g_assert_cmpstr (json_object_get_string_member (o, "measures"), ==,
                     "1. [Corrective action] 复核");
    g_assert_cmpstr (json_object_get_string_member (o, "verifiers"), ==, "李四");
    run (&csv, "--db", db, "ledger", "--format", "csv", NULL);
    g_assert_true (g_str_has_prefix (csv.out, "seq,id,number,status,area,source,description,"
                                              "cause,measures,departments,responsible,deadline,"
                                              "done_on,progress,evidence,verifiers,conclusions,"
                                              "certificates,closeout\r\n"));
    run_zh (&table, "--db", db, "ledger", NULL);
    assert_ok (&table);
    g_assert_nonnull (strstr (table.out, "已销号"));
    g_assert_nonnull (strstr (table.out, "问题编号"));
    g_assert_nonnull (strstr (table.out, "序号"));
    g_assert_nonnull (strstr (table.out, "【纠正措施】复核"));
    run (&open, "--db", db, "ledger", "--state", "open", "--format", "json", NULL);
    g_assert_cmpstr (open.out, ==, "[]\n");
    run (&bad, "--db", db, "ledger", "--state", "done", NULL);
    assert_fails (&bad, 2, "“done”");
  }
  {
    g_auto(Result) json = { 0 };
    g_auto(Result) csv = { 0 };

    run (&json, "--db", db, "rectification", "--format", "json", NULL);
    assert_ok (&json);
    g_assert_nonnull (strstr (json.out, "\"completion_rate\" : 1.0"));
    g_assert_nonnull (strstr (json.out, "\"closeout_rate\" : 1.0"));
    g_assert_nonnull (strstr (json.out, "\"week\" : \"2026-03-09\""));
    run (&csv, "--db", db, "rectification", "--today", "2026-03-15", "--format", "csv", NULL);
    g_assert_nonnull (strstr (csv.out, "\r\nproblems.closed,1\r\n"));
    g_assert_nonnull (strstr (csv.out, "\r\nclosed_week.2026-03-09,1\r\n"));
  }
  (void) measure;
}

static void
test_import_summary (void)
{
  g_autofree char *db = make_db ("import.db");
  g_autofree char *folder = zicha_test_path ("later");
  g_autofree char *file = g_build_filename (folder, "certificates.csv", NULL);
  g_auto(Result) suspend = { 0 };
  g_auto(Result) import = { 0 };
  g_auto(Result) zh = { 0 };

  run (&suspend, "--db", db, "certificate", "suspend", "R2", "--reason", "自查", NULL);
  assert_ok (&suspend);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "cert_no,org_id,scheme,scope_codes,issued_on,"
                                            "expires_on,status\n"
                                            "R2,O1,QMS,17,2024-01-15,2027-01-14,valid\n", -1,
                                      NULL));
  run (&import, "--db", db, "import", folder, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "certificates.csv:2:status: warning: status changed by import"
                                   " for a certificate handled in Zicha: R2, suspended → valid"
                                   " (value: \"valid\")\n");
  g_assert_nonnull (strstr (import.out, "The import changed the status of a certificate handled"
                                        " in Zicha:\n  R2: Suspended → Valid"
                                        " (certificates.csv:2)\n"));
  /* nothing to say when the status stays */
  run_zh (&zh, "--db", db, "import", folder, NULL);
  g_assert_cmpstr (zh.err, ==, "");
}

static void
test_help (void)
{
  const char *commands[][2] = {
    { "measure", "添加整改措施、推进其状态或查看措施" },
    { "measures", "列出整改措施" },
    { "evidence", "为措施或问题添加佐证材料、列出材料、取回文件" },
    { "certificate", "处理问题证书：暂停、恢复、撤销、注销、缩小范围" },
    { "ledger", "列出整改台账，每个问题一行" },
    { "rectification", "列出整改统计：问题状态、完成率、逾期措施、监管时限" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Result) res = { 0 };

      run_zh (&res, commands[i][0], "--help", NULL);
      assert_ok (&res);
      if (strstr (res.out, commands[i][1]) == NULL)
        g_error ("“%s” not in %s", commands[i][1], res.out);
    }
  {
    g_auto(Result) set = { 0 };
    g_auto(Result) close = { 0 };

    run (&set, "measure", "set", "--help", NULL);
    assert_ok (&set);
    g_assert_nonnull (strstr (set.out, "--conclusion"));
    run (&close, "problem", "close", "--help", NULL);
    g_assert_nonnull (strstr (close.out, "--undo"));
  }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("cli-rectification");
  g_test_add_func ("/cli-rectification/measures", test_measures);
  g_test_add_func ("/cli-rectification/close-and-withdraw", test_close_and_withdraw);
  g_test_add_func ("/cli-rectification/evidence", test_evidence);
  g_test_add_func ("/cli-rectification/certificates", test_certificates);
  g_test_add_func ("/cli-rectification/org-demand", test_org_demand);
  g_test_add_func ("/cli-rectification/ledger-and-figures", test_ledger_and_figures);
  g_test_add_func ("/cli-rectification/import-summary", test_import_summary);
  g_test_add_func ("/cli-rectification/help", test_help);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
