/* test-cli-problems.c — zicha-cli confirm, dismiss, problem, problems and similar
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-cli as a user runs it ($ZICHA_CLI, a private HOME), on the fixture folders
 * tests/data/rules/risk and tests/data/problems/similar and on a demo body of 400
 * certificates; machine formats are parsed with json-glib and compared member by member. */
#define G_LOG_DOMAIN "test-cli-problems"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "zicha-core.h"
#include "zicha-day.h"
#include "zicha-problems.h"
#include "zicha-test-utils.h"

typedef ZichaTestResult Result;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, zicha_test_result_clear)

#define run(res, ...) zicha_test_run_cli (res, FALSE, __VA_ARGS__)
#define run_zh(res, ...) zicha_test_run_cli (res, TRUE, __VA_ARGS__)

static const char * const risk_rules = "EXPIRED_STILL_VALID,REPORTED_LATE,"
                                       "PERSONNEL_UNDERSTATED,AUDITOR_NOT_QUALIFIED";

/* A database @name with the fixture @folder (under tests/data) and the leads of @rules as of
 * @as_of. */
static char *
make_db (const char *name, const char *folder, const char *rules, const char *as_of)
{
  char *db = zicha_test_path (name);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", folder, NULL);
  g_auto(Result) imported = { 0 };
  g_auto(Result) checked = { 0 };

  run (&imported, "--db", db, "import", src, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  run (&checked, "--db", db, "check", "--as-of", as_of, "--rules", rules, NULL);
  g_assert_cmpint (checked.status, ==, 0);
  return db;
}

/* ZC-<this year>-@seq: problems made today. */
static char *
this_year (int seq)
{
  char today[11];

  zicha_today (today);
  return g_strdup_printf ("ZC-%.4s-%03d", today, seq);
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
test_triage (void)
{
  g_autofree char *db = make_db ("triage.db", "rules/risk", risk_rules, "2024-06-30");
  g_autofree char *first = this_year (1);
  g_autofree char *first_line = g_strconcat (first, "\n", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;

  {
    g_auto(Result) res = { 0 };

    run (&res, "--db", db, "confirm", "--rule", "EXPIRED_STILL_VALID", "--key", "R1", NULL);
    g_assert_cmpint (res.status, ==, 0);
    g_assert_cmpstr (res.out, ==, first_line);
    g_assert_cmpstr (res.err, ==, "");
  }
  {
    /* already confirmed: a failure, not a conflict waiting for a choice */
    g_auto(Result) res = { 0 };

    run (&res, "--db", db, "confirm", "--rule", "EXPIRED_STILL_VALID", "--key", "R1", NULL);
    assert_fails (&res, 1, "already confirmed");
  }
  {
    g_auto(Result) rule = { 0 };
    g_auto(Result) key = { 0 };
    g_auto(Result) problem = { 0 };
    g_auto(Result) usage = { 0 };
    g_auto(Result) format = { 0 };

    run (&rule, "--db", db, "confirm", "--rule", "NO_SUCH_RULE", "--key", "R1", NULL);
    assert_fails (&rule, 1, "There is no rule “NO_SUCH_RULE”");
    run (&key, "--db", db, "confirm", "--rule", "EXPIRED_STILL_VALID", "--key", "R9", NULL);
    assert_fails (&key, 1, "no risk lead “R9”");
    run (&problem, "--db", db, "confirm", "--rule", "REPORTED_LATE", "--key", "R2",
         "--problem", "ZC-1999-001", NULL);
    assert_fails (&problem, 1, "There is no problem “ZC-1999-001”");
    run (&usage, "--db", db, "confirm", "--rule", "REPORTED_LATE", NULL);
    assert_fails (&usage, 2, "--key");
    run (&format, "--db", db, "confirm", "--rule", "REPORTED_LATE", "--key", "R2",
         "--format", "xml", NULL);
    assert_fails (&format, 2, NULL);
  }
  {
    /* into the first problem, in JSON */
    g_auto(Result) res = { 0 };

    run (&res, "--db", db, "confirm", "--rule", "REPORTED_LATE", "--key", "R2", "--problem",
         first, "--note", "同一组织", "--format", "json", NULL);
    g_assert_cmpint (res.status, ==, 0);
    root = parse (res.out);
    o = json_node_get_object (root);
    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "number"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "open");
    g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "REPORTED_LATE");
    g_assert_cmpstr (json_object_get_string_member (o, "key"), ==, "R2");
    g_assert_cmpint (json_object_get_int_member (o, "hit"), >, 0);
  }
  {
    g_auto(Result) no_reason = { 0 };
    g_auto(Result) res = { 0 };
    g_auto(Result) again = { 0 };
    g_auto(Result) confirm = { 0 };
    g_auto(Result) findings = { 0 };

    run (&no_reason, "--db", db, "dismiss", "--rule", "PERSONNEL_UNDERSTATED", "--key", "RA1",
         "--reason", "  ", NULL);
    assert_fails (&no_reason, 2, "--reason");
    run (&res, "--db", db, "dismiss", "--rule", "PERSONNEL_UNDERSTATED", "--key", "RA1",
         "--reason", "现场核实，人数无误", "--format", "csv", NULL);
    g_assert_cmpint (res.status, ==, 0);
    g_assert_true (g_str_has_prefix (res.out, "id,rule,key,status,reason\r\n"));
    g_assert_true (g_str_has_suffix (res.out,
                                     ",PERSONNEL_UNDERSTATED,RA1,dismissed,现场核实，人数无误\r\n"));
    run (&again, "--db", db, "dismiss", "--rule", "PERSONNEL_UNDERSTATED", "--key", "RA1",
         "--reason", "again", NULL);
    assert_fails (&again, 1, "already dismissed");
    run (&confirm, "--db", db, "confirm", "--rule", "PERSONNEL_UNDERSTATED", "--key", "RA1",
         NULL);
    assert_fails (&confirm, 1, "already dismissed");
    run (&findings, "--db", db, "findings", "--status", "dismissed", "--format", "csv", NULL);
    g_assert_nonnull (strstr (findings.out, "PERSONNEL_UNDERSTATED,legal,medium,audit,RA1,"
                                            "dismissed"));
  }
  {
    /* people read the dismissal in Chinese */
    g_auto(Result) res = { 0 };

    run_zh (&res, "--db", db, "dismiss", "--rule", "AUDITOR_NOT_QUALIFIED", "--key", "RA1/P1",
            "--reason", "资格证书已补录", NULL);
    g_assert_cmpint (res.status, ==, 0);
    g_assert_cmpstr (res.out, ==, "已排除风险线索 AUDITOR_NOT_QUALIFIED RA1/P1\n");
  }
}

static void
test_new_and_list (void)
{
  g_autofree char *db = make_db ("list.db", "rules/risk", risk_rules, "2024-06-30");
  g_autofree char *first = this_year (1);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  {
    g_auto(Result) res = { 0 };

    run (&res, "--db", db, "problem", "new", "--title", "审核组长资格过期", "--area", "conduct",
         "--severity", "low", "--record", "certificates:R3", "--record", "audit_team:RA1/P1",
         "--description", "现场发现", "--found-on", "2025-05-05", NULL);
    g_assert_cmpint (res.status, ==, 0);
    g_assert_cmpstr (res.out, ==, "ZC-2025-001\n");
  }
  {
    g_auto(Result) confirmed = { 0 };

    run (&confirmed, "--db", db, "confirm", "--rule", "EXPIRED_STILL_VALID", "--key", "R1",
         "--format", "csv", NULL);
    g_assert_cmpint (confirmed.status, ==, 0);
    g_assert_true (g_str_has_prefix (confirmed.out, "id,number,status\r\n2,"));
  }
  {
    g_auto(Result) bad_record = { 0 };
    g_auto(Result) bad_kind = { 0 };
    g_auto(Result) missing = { 0 };
    g_auto(Result) no_title = { 0 };
    g_auto(Result) bad_area = { 0 };
    g_auto(Result) bad_date = { 0 };

    run (&bad_record, "--db", db, "problem", "new", "--title", "t", "--area", "legal",
         "--severity", "low", "--record", "R3", NULL);
    assert_fails (&bad_record, 2, "TYPE:KEY");
    run (&bad_kind, "--db", db, "problem", "new", "--title", "t", "--area", "legal",
         "--severity", "low", "--record", "certificate:R3", NULL);
    assert_fails (&bad_kind, 2, "“certificate”");
    run (&missing, "--db", db, "problem", "new", "--title", "t", "--area", "legal",
         "--severity", "low", "--record", "certificates:R9", NULL);
    assert_fails (&missing, 1, "R9");
    run (&no_title, "--db", db, "problem", "new", "--area", "legal", "--severity", "low", NULL);
    assert_fails (&no_title, 2, "--title");
    run (&bad_area, "--db", db, "problem", "new", "--title", "t", "--area", "law",
         "--severity", "low", NULL);
    assert_fails (&bad_area, 2, "“law”");
    run (&bad_date, "--db", db, "problem", "new", "--title", "t", "--area", "legal",
         "--severity", "low", "--found-on", "2025-13-01", NULL);
    assert_fails (&bad_date, 2, "--found-on");
  }
  {
    g_auto(Result) res = { 0 };
    JsonObject *o;

    run (&res, "--db", db, "problems", "--format", "json", NULL);
    g_assert_cmpint (res.status, ==, 0);
    root = parse (res.out);
    array = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    o = json_array_get_object_element (array, 0);
    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "number"), ==, "ZC-2025-001");
    g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "open");
    g_assert_cmpstr (json_object_get_string_member (o, "area"), ==, "conduct");
    g_assert_cmpstr (json_object_get_string_member (o, "severity"), ==, "low");
    g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "manual");
    g_assert_cmpstr (json_object_get_string_member (o, "found_on"), ==, "2025-05-05");
    g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "审核组长资格过期");
    o = json_array_get_object_element (array, 1);
    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (o, "number"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "hit");
  }
  {
    g_auto(Result) filtered = { 0 };
    g_auto(Result) none = { 0 };
    g_auto(Result) bad = { 0 };
    g_auto(Result) chinese = { 0 };

    run (&filtered, "--db", db, "problems", "--status", "open", "--area", "conduct",
         "--format", "csv", NULL);
    g_assert_cmpint (filtered.status, ==, 0);
    g_assert_cmpstr (filtered.out, ==,
                     "id,number,status,area,severity,source,found_on,title\r\n"
                     "1,ZC-2025-001,open,conduct,low,manual,2025-05-05,审核组长资格过期\r\n");
    run (&none, "--db", db, "problems", "--status", "withdrawn", "--format", "json", NULL);
    g_assert_cmpint (none.status, ==, 0);
    g_assert_cmpstr (none.out, ==, "[]\n");
    run (&bad, "--db", db, "problems", "--status", "rectified", NULL);
    assert_fails (&bad, 2, "in_rectification");
    run_zh (&chinese, "--db", db, "problems", NULL);
    g_assert_cmpint (chinese.status, ==, 0);
    g_assert_nonnull (strstr (chinese.out, "未整改"));
    g_assert_nonnull (strstr (chinese.out, "手工录入"));
    g_assert_nonnull (strstr (chinese.out, "人员职业操守"));
    g_assert_nonnull (strstr (chinese.out, "问题编号"));
  }
}

static void
test_show (void)
{
  g_autofree char *db = make_db ("show.db", "rules/risk", risk_rules, "2024-06-30");
  g_autofree char *first = this_year (1);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *analysis;
  JsonArray *records, *hits, *whys;

  {
    g_auto(Result) a = { 0 };
    g_auto(Result) b = { 0 };

    run (&a, "--db", db, "confirm", "--rule", "EXPIRED_STILL_VALID", "--key", "R1", NULL);
    run (&b, "--db", db, "confirm", "--rule", "REPORTED_LATE", "--key", "R2", "--problem", "1",
         "--note", "同一组织", NULL);
    g_assert_cmpint (b.status, ==, 0);
  }
  {
    /* a cause analysis, written through core as the app will */
    g_autoptr(ZichaDb) handle = zicha_db_open (db, ZICHA_DB_OPEN_DEFAULT, NULL);
    const char *categories[] = { "Process control", NULL };
    ZichaProblemWhy whys_in[] = { { "为什么过期仍有效？", "无到期提醒" },
                                  { "为什么无提醒？", "系统未配置" } };
    g_autoptr(GError) error = NULL;

    g_assert_true (zicha_problems_set_cause_analysis (handle, 1, categories, whys_in, 2,
                                                      "到期管理缺失", "测试", &error));
    g_assert_no_error (error);
  }
  {
    g_auto(Result) res = { 0 };

    run (&res, "--db", db, "problem", "show", first, "--format", "json", NULL);
    g_assert_cmpint (res.status, ==, 0);
    root = parse (res.out);
    o = json_node_get_object (root);
    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "number"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "open");
    g_assert_cmpstr (json_object_get_string_member (o, "area"), ==, "legal");
    g_assert_cmpstr (json_object_get_string_member (o, "severity"), ==, "high");
    g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "hit");
    g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "EXPIRED_STILL_VALID");
    g_assert_true (json_object_get_null_member (o, "withdraw_reason"));
    records = json_object_get_array_member (o, "records");
    g_assert_cmpuint (json_array_get_length (records), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (records, 1),
                                                    "record_key"), ==, "R2");
    hits = json_object_get_array_member (o, "hits");
    g_assert_cmpuint (json_array_get_length (hits), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 0),
                                                    "rule"), ==, "EXPIRED_STILL_VALID");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 1),
                                                    "note"), ==, "同一组织");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 1),
                                                    "status"), ==, "confirmed");
    analysis = json_object_get_object_member (o, "cause_analysis");
    g_assert_cmpstr (json_array_get_string_element (
                       json_object_get_array_member (analysis, "categories"), 0), ==,
                     "Process control");
    whys = json_object_get_array_member (analysis, "whys");
    g_assert_cmpuint (json_array_get_length (whys), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (whys, 1),
                                                    "because"), ==, "系统未配置");
    g_assert_cmpstr (json_object_get_string_member (analysis, "text"), ==, "到期管理缺失");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "extensions")),
                      ==, 0);
  }
  {
    g_auto(Result) csv = { 0 };
    g_auto(Result) table = { 0 };
    g_auto(Result) chinese = { 0 };

    run (&csv, "--db", db, "problem", "show", "1", "--format", "csv", NULL);
    g_assert_cmpint (csv.status, ==, 0);
    g_assert_true (g_str_has_prefix (csv.out, "section,key,value\r\nproblem,id,1\r\n"));
    g_assert_nonnull (strstr (csv.out, "\r\nproblem,status,open\r\n"));
    g_assert_nonnull (strstr (csv.out, "\r\nrecord,certificates,R1\r\n"));
    g_assert_nonnull (strstr (csv.out, "\r\nhit,REPORTED_LATE,R2\r\n"));
    g_assert_nonnull (strstr (csv.out, "\r\ncause_category,,Process control\r\n"));
    g_assert_nonnull (strstr (csv.out, "\r\nwhy,2,为什么无提醒？\r\nbecause,2,系统未配置\r\n"));
    run (&table, "--db", db, "problem", "show", "1", NULL);
    g_assert_cmpint (table.status, ==, 0);
    g_assert_nonnull (strstr (table.out, "Records:\n  certificates  R1\n  certificates  R2\n"));
    g_assert_nonnull (strstr (table.out, "  Why 2: 为什么无提醒？ — 系统未配置\n"));
    run_zh (&chinese, "--db", db, "problem", "show", "1", NULL);
    g_assert_nonnull (strstr (chinese.out, "原因分析：\n  过程控制\n"));
    g_assert_nonnull (strstr (chinese.out, "未整改"));
  }
  {
    g_auto(Result) missing = { 0 };
    g_auto(Result) no_id = { 0 };
    g_auto(Result) two = { 0 };
    g_auto(Result) unknown = { 0 };

    run (&missing, "--db", db, "problem", "show", "99", NULL);
    assert_fails (&missing, 1, "There is no problem “99”");
    run (&no_id, "--db", db, "problem", "show", NULL);
    assert_fails (&no_id, 2, NULL);
    run (&two, "--db", db, "problem", "show", "1", "2", NULL);
    assert_fails (&two, 2, NULL);
    run (&unknown, "--db", db, "problem", "frob", NULL);
    assert_fails (&unknown, 2, NULL);
  }
}

static void
test_similar (void)
{
  g_autofree char *db = make_db ("similar.db", "problems/similar", "EXPIRED_STILL_VALID",
                                 "2024-06-30");
  g_autoptr(JsonNode) root = NULL;
  static const struct { const char *id; gint64 count; const char *first; } expected[] = {
    { "rule:EXPIRED_STILL_VALID", 2, "C3" },
    { "organization:O1", 3, "A1" },
    { "scope_code:QMS/17.06", 1, "C3" },
    { "scope_code:QMS/18", 1, "C5" },
    { "scope_code:QMS/33", 0, NULL },
  };
  JsonArray *groups;

  {
    g_auto(Result) res = { 0 };

    run (&res, "--db", db, "confirm", "--rule", "EXPIRED_STILL_VALID", "--key", "C1", NULL);
    g_assert_cmpint (res.status, ==, 0);
  }
  {
    g_auto(Result) res = { 0 };

    run (&res, "--db", db, "similar", "--problem", "1", "--format", "json", NULL);
    g_assert_cmpint (res.status, ==, 0);
    root = parse (res.out);
    groups = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (groups), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        JsonObject *g = json_array_get_object_element (groups, i);
        JsonArray *records = json_object_get_array_member (g, "records");

        g_assert_cmpstr (json_object_get_string_member (g, "id"), ==, expected[i].id);
        g_assert_cmpint (json_object_get_int_member (g, "count"), ==, expected[i].count);
        g_assert_cmpuint (json_array_get_length (records), ==, expected[i].count);
        if (expected[i].first != NULL)
          g_assert_cmpstr (json_object_get_string_member (
                             json_array_get_object_element (records, 0), "record_key"), ==,
                           expected[i].first);
      }
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (groups, 1),
                                                    "label"), ==, "甲公司");
  }
  {
    g_auto(Result) csv = { 0 };
    g_auto(Result) table = { 0 };
    g_auto(Result) chinese = { 0 };

    run (&csv, "--db", db, "similar", "--problem", "1", "--format", "csv", NULL);
    g_assert_cmpint (csv.status, ==, 0);
    g_assert_true (g_str_has_prefix (csv.out, "kind,key,label,count,record_type,record_key,hit,"
                                              "record_label\r\n"));
    g_assert_nonnull (strstr (csv.out, "\r\norganization,O1,甲公司,3,audits,A2,,"
                                       "stage2 2023-01-20\r\n"));
    g_assert_nonnull (strstr (csv.out, "\r\nscope_code,QMS/33,QMS 33,0,,,,\r\n"));
    run (&table, "--db", db, "similar", "--problem", "1", NULL);
    g_assert_cmpint (table.status, ==, 0);
    g_assert_nonnull (strstr (table.out, "Same certified organization"));
    run_zh (&chinese, "--db", db, "similar", "--problem", "1", NULL);
    g_assert_nonnull (strstr (chinese.out, "同一专业代码"));
  }
  {
    g_auto(Result) usage = { 0 };
    g_auto(Result) missing = { 0 };

    run (&usage, "--db", db, "similar", NULL);
    assert_fails (&usage, 2, "--problem");
    run (&missing, "--db", db, "similar", "--problem", "ZC-2024-009", NULL);
    assert_fails (&missing, 1, "ZC-2024-009");
  }
}

/* A demo body of 400 certificates: a lead found by check becomes a problem, and its similar
 * cases are listed. */
static void
test_demo_body (void)
{
  g_autofree char *folder = zicha_test_path ("demo-400");
  g_autofree char *db = zicha_test_path ("demo-400.db");
  g_autoptr(JsonNode) findings = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) similar = NULL;
  const char *rule = NULL, *key = NULL;
  JsonArray *groups;

  zicha_test_remove_tree (folder);
  {
    g_auto(Result) demo = { 0 };
    g_auto(Result) imported = { 0 };
    g_auto(Result) checked = { 0 };
    g_auto(Result) found = { 0 };
    JsonArray *hits;

    run (&demo, "demo", "--export", folder, "--certificates", "400", "--seed", "11", "--today",
         "2026-06-30", NULL);
    g_assert_cmpint (demo.status, ==, 0);
    run (&imported, "--db", db, "import", folder, NULL);
    g_assert_cmpint (imported.status, ==, 0);
    run (&checked, "--db", db, "check", "--as-of", "2026-06-30", NULL);
    g_assert_cmpint (checked.status, ==, 0);
    run (&found, "--db", db, "findings", "--rule", "AUDITOR_DOUBLE_BOOKED", "--format", "json",
         NULL);
    g_assert_cmpint (found.status, ==, 0);
    findings = parse (found.out);
    hits = json_node_get_array (findings);
    g_assert_cmpuint (json_array_get_length (hits), >, 0);
    rule = json_object_get_string_member (json_array_get_object_element (hits, 0), "rule");
    key = json_object_get_string_member (json_array_get_object_element (hits, 0), "entity_key");
  }
  {
    g_auto(Result) confirmed = { 0 };
    g_auto(Result) show = { 0 };
    g_auto(Result) listed = { 0 };
    g_autofree char *first = this_year (1);
    g_autofree char *first_line = g_strconcat (first, "\n", NULL);
    JsonObject *o;

    run (&confirmed, "--db", db, "confirm", "--rule", rule, "--key", key, NULL);
    g_assert_cmpint (confirmed.status, ==, 0);
    g_assert_cmpstr (confirmed.out, ==, first_line);
    run (&show, "--db", db, "problem", "show", first, "--format", "json", NULL);
    g_assert_cmpint (show.status, ==, 0);
    shown = parse (show.out);
    o = json_node_get_object (shown);
    g_assert_cmpstr (json_object_get_string_member (o, "area"), ==, "conduct");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "hits")), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "records")), >,
                      0);
    run (&listed, "--db", db, "similar", "--problem", first, "--format", "json", NULL);
    g_assert_cmpint (listed.status, ==, 0);
    similar = parse (listed.out);
  }
  /* a double booking has a rule, an auditor, and audits with their leader */
  groups = json_node_get_array (similar);
  g_assert_cmpuint (json_array_get_length (groups), >=, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (groups, 0),
                                                  "kind"), ==, "rule");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *g = json_array_get_object_element (groups, i);

      g_assert_cmpint (json_object_get_int_member (g, "count"), ==,
                       json_array_get_length (json_object_get_array_member (g, "records")));
    }
  zicha_test_remove_tree (folder);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("cli-problems");
  g_test_add_func ("/cli-problems/triage", test_triage);
  g_test_add_func ("/cli-problems/new-and-list", test_new_and_list);
  g_test_add_func ("/cli-problems/show", test_show);
  g_test_add_func ("/cli-problems/similar", test_similar);
  g_test_add_func ("/cli-problems/demo-body", test_demo_body);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
