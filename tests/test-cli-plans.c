/* test-cli-plans.c — zicha-cli plan, plans, checklist, sample, samples and demo-work as a user
 * runs them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-cli ($ZICHA_CLI) runs as a process with a private home (zicha-test-utils); each test
 * imports tests/data/plans into its own database first. Machine formats are parsed: JSON
 * with json-glib, CSV by its lines. */
#define G_LOG_DOMAIN "test-cli-plans"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "zicha-core.h"
#include "zicha-test-utils.h"

typedef ZichaTestResult Result;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, zicha_test_result_clear)
#define run(res, ...) zicha_test_run_cli (res, FALSE, __VA_ARGS__)
#define run_zh(res, ...) zicha_test_run_cli (res, TRUE, __VA_ARGS__)

static void
assert_ok (const Result *res)
{
  g_assert_cmpint (res->status, ==, 0);
  g_assert_cmpstr (res->err, ==, "");
}

static void
assert_usage_error (const Result *res)
{
  g_assert_cmpint (res->status, ==, 2);
  g_assert_cmpstr (res->out, ==, "");
  g_assert_true (g_str_has_prefix (res->err, "zicha-cli: "));
}

static void
assert_failure (const Result *res,
                const char   *message)
{
  g_assert_cmpint (res->status, ==, 1);
  g_assert_cmpstr (res->out, ==, "");
  g_assert_true (g_str_has_prefix (res->err, "zicha-cli: "));
  g_assert_nonnull (strstr (res->err, message));
}

/* A database of tests/data/plans (new for every @name) with one plan, made in Chinese when
 * @chinese (in the C locale, GOption takes ASCII arguments only); its path. */
static char *
make_db (const char *name,
         gboolean    chinese)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "plans", NULL);
  g_auto(Result) import = { 0 };
  g_auto(Result) plan = { 0 };
  char *db = zicha_test_path (name);

  run (&import, "import", "--db", db, folder, NULL);
  g_assert_cmpint (import.status, ==, 0);
  zicha_test_run_cli (&plan, chinese, "plan", "new", "--db", db, "--title",
                      chinese ? "2019 年认证质量自查" : "Self-inspection 2019",
                      "--from", "2019-03-25", "--to", "2019-06-30", "--schemes", "qms, EMS",
                      "--lead-department", chinese ? "质量管理部" : "Quality", NULL);
  assert_ok (&plan);
  g_assert_cmpstr (plan.out, ==, "1\n");
  return db;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

/* plan new, plans, plan show ------------------------------------------------------------- */

static void
test_plan_formats (void)
{
  g_autofree char *db = make_db ("formats.db", FALSE);
  g_auto(Result) table = { 0 };
  g_auto(Result) csv = { 0 };
  g_auto(Result) json = { 0 };
  g_auto(Result) list = { 0 };
  g_auto(Result) list_json = { 0 };
  g_auto(Result) created = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) plans = NULL;
  JsonObject *plan;
  JsonArray *checklist;
  const char *areas[] = { "legal", "conduct", "practice", "capability" };
  guint per_area[4] = { 0 };

  run (&table, "plan", "show", "1", "--db", db, NULL);
  assert_ok (&table);
  g_assert_true (g_str_has_prefix (table.out, "Self-inspection plan 1: Self-inspection 2019\n"));
  g_assert_nonnull (strstr (table.out, "Period: 2019-03-25 to 2019-06-30\n"));
  g_assert_nonnull (strstr (table.out, "Schemes: EMS, QMS\n"));
  g_assert_nonnull (strstr (table.out, "Lead department: Quality\n"));
  g_assert_nonnull (strstr (table.out, "Certification activities beyond the approved scope"));
  g_assert_nonnull (strstr (table.out, "Legality and compliance 0/5"));

  /* csv: the checklist items, English keys and values */
  run (&csv, "plan", "show", "1", "--db", db, "--format", "csv", NULL);
  assert_ok (&csv);
  g_assert_true (g_str_has_prefix (csv.out, "id,position,area,template_key,text,status,"
                                            "conclusion,assignee,assignee_person_id,due_on,"
                                            "notes\r\n"));
  g_assert_cmpuint (count_lines (csv.out), ==, 15);
  g_assert_nonnull (strstr (csv.out, "\r\n1,1,legal,legal-1,"
                                     "Certification activities beyond the approved scope,todo,"));

  /* json: one object, the checklist an array of objects with id and area */
  run (&json, "plan", "show", "1", "--db", db, "--format", "json", NULL);
  assert_ok (&json);
  root = parse_json (json.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  plan = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (plan, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (plan, "lead_department"), ==, "Quality");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plan, "schemes")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (plan, "progress"),
                                               "total"), ==, 14);
  checklist = json_object_get_array_member (plan, "checklist");
  g_assert_cmpuint (json_array_get_length (checklist), ==, 14);
  for (guint i = 0; i < 14; i++)
    {
      JsonObject *item = json_array_get_object_element (checklist, i);
      const char *area = json_object_get_string_member (item, "area");
      guint a;

      g_assert_cmpint (json_object_get_int_member (item, "id"), >, 0);
      g_assert_cmpint (json_object_get_int_member (item, "position"), ==, i + 1);
      for (a = 0; a < 4 && g_strcmp0 (area, areas[a]) != 0; a++)
        ;
      g_assert_cmpuint (a, <, 4);
      per_area[a]++;
      g_assert_true (json_object_get_null_member (item, "conclusion"));
    }
  g_assert_cmpuint (per_area[0], ==, 5);
  g_assert_cmpuint (per_area[1], ==, 3);
  g_assert_cmpuint (per_area[2], ==, 3);
  g_assert_cmpuint (per_area[3], ==, 3);

  /* plans: a table, and a JSON array of objects with their id */
  run (&created, "plan", "new", "--db", db, "--title", "Second", "--format", "json", NULL);
  assert_ok (&created);
  g_assert_cmpstr (created.out, ==, "[\n  {\"id\": 2}\n]\n");
  run (&list, "plans", "--db", db, NULL);
  assert_ok (&list);
  g_assert_nonnull (strstr (list.out, "Self-inspection 2019"));
  g_assert_nonnull (strstr (list.out, "Draft"));
  run (&list_json, "plans", "--db", db, "--format", "json", NULL);
  assert_ok (&list_json);
  plans = parse_json (list_json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (plans)), ==, 2);
  plan = json_array_get_object_element (json_node_get_array (plans), 1);
  g_assert_cmpint (json_object_get_int_member (plan, "id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (plan, "items_total"), ==, 14);
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "draft");
}

/* In Chinese the plan's checklist is the notice's words and the labels are Chinese. */
static void
test_plan_chinese (void)
{
  g_autofree char *db = make_db ("chinese.db", TRUE);
  g_auto(Result) show = { 0 };
  g_auto(Result) csv = { 0 };

  run_zh (&show, "plan", "show", "1", "--db", db, NULL);
  assert_ok (&show);
  g_assert_true (g_str_has_prefix (show.out, "自查方案 1：2019 年认证质量自查\n"));
  g_assert_nonnull (strstr (show.out, "牵头部门：质量管理部\n"));
  g_assert_nonnull (strstr (show.out, "超出批准范围从事认证活动"));
  g_assert_nonnull (strstr (show.out, "合法合规"));
  g_assert_nonnull (strstr (show.out, "未开始"));
  /* machine formats keep English keys and values (the text is as stored) */
  run_zh (&csv, "plan", "show", "1", "--db", db, "--format", "csv", NULL);
  assert_ok (&csv);
  g_assert_nonnull (strstr (csv.out, "\r\n1,1,legal,legal-1,超出批准范围从事认证活动,todo,"));
}

/* checklist set -------------------------------------------------------------------------- */

static void
test_checklist_set (void)
{
  g_autofree char *db = make_db ("checklist.db", FALSE);
  g_auto(Result) set = { 0 };
  g_auto(Result) free_name = { 0 };
  g_auto(Result) table = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *user = NULL;
  JsonObject *item;

  run (&set, "checklist", "set", "3", "--db", db, "--status", "in-progress", "--conclusion",
       "nonconforming", "--assignee", "L1", "--due", "2019-05-31", "--format", "json", NULL);
  assert_ok (&set);
  root = parse_json (set.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  item = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (item, "area"), ==, "legal");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "in_progress");
  g_assert_cmpstr (json_object_get_string_member (item, "conclusion"), ==, "nonconforming");
  g_assert_cmpstr (json_object_get_string_member (item, "assignee"), ==, "Lead One");
  g_assert_cmpstr (json_object_get_string_member (item, "assignee_person_id"), ==, "L1");
  g_assert_cmpstr (json_object_get_string_member (item, "due_on"), ==, "2019-05-31");

  /* not a person of the body: a free name; the table shows translated values */
  run (&free_name, "checklist", "set", "3", "--db", db, "--assignee", "Wang Wu", "--status",
       "done", NULL);
  assert_ok (&free_name);
  g_assert_nonnull (strstr (free_name.out, "Wang Wu"));
  g_assert_nonnull (strstr (free_name.out, "Done"));
  g_assert_nonnull (strstr (free_name.out, "Nonconforming"));

  /* each change is in the history, under a user's name */
  changes = zicha_test_query (db, "SELECT count (*) FROM change_log WHERE entity ="
                                  " 'checklist_item' AND entity_key = '3' AND action = 'update'");
  g_assert_cmpstr (changes, ==, "2");
  user = zicha_test_query (db, "SELECT user_name FROM change_log ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (user);
  g_assert_cmpstr (user, !=, "");
  g_assert_cmpstr (user, !=, "?");

  run (&table, "plan", "show", "1", "--db", db, NULL);
  g_assert_nonnull (strstr (table.out, "1 of 14 done"));
}

/* sample, samples ------------------------------------------------------------------------ */

/* The cert_no of each object of a JSON array, joined by ",". */
static char *
json_cert_nos (const char *text)
{
  g_autoptr(JsonNode) root = parse_json (text);
  JsonArray *array = json_node_get_array (root);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      g_assert_cmpint (json_object_get_int_member (o, "id"), >, 0);
      g_assert_cmpint (json_object_get_int_member (o, "position"), ==, i + 1);
      g_assert_true (json_object_has_member (o, "reason"));
      g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                              json_object_get_string_member (o, "cert_no"));
    }
  return g_string_free (out, FALSE);
}

static void
test_sample (void)
{
  g_autofree char *db = make_db ("sample.db", FALSE);
  g_auto(Result) json = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) csv = { 0 };
  g_auto(Result) table = { 0 };
  g_auto(Result) key = { 0 };
  g_auto(Result) list = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *items = NULL;
  g_autoptr(JsonNode) samples = NULL;
  g_auto(GStrv) certs = NULL;
  JsonObject *s;

  run (&json, "sample", "--db", db, "--plan", "1", "--size", "3", "--seed", "7", "--valid-on",
       "2025-06-30", "--format", "json", NULL);
  assert_ok (&json);
  first = json_cert_nos (json.out);
  run (&again, "sample", "--db", db, "--plan", "1", "--size", "3", "--seed", "7", "--valid-on",
       "2025-06-30", "--format", "json", NULL);
  second = json_cert_nos (again.out);
  g_assert_cmpstr (first, ==, second);

  /* the same certificates in csv and in the table, with their reasons */
  run (&csv, "sample", "--db", db, "--plan", "1", "--size", "3", "--seed", "7", "--valid-on",
       "2025-06-30", "--format", "csv", NULL);
  assert_ok (&csv);
  g_assert_true (g_str_has_prefix (csv.out, "id,position,cert_no,scheme,organization,stratum,"
                                            "reason,risk_score,hits\r\n"));
  g_assert_cmpuint (count_lines (csv.out), ==, 4);
  run (&table, "sample", "--db", db, "--plan", "1", "--size", "3", "--seed", "7", "--valid-on",
       "2025-06-30", NULL);
  assert_ok (&table);
  certs = g_strsplit (first, ",", -1);
  for (guint i = 0; certs[i] != NULL; i++)
    {
      g_autofree char *cell = g_strdup_printf (",%s,", certs[i]);

      g_assert_nonnull (strstr (csv.out, cell));
      g_assert_nonnull (strstr (table.out, certs[i]));
    }
  g_assert_nonnull (strstr (csv.out, ",random,"));
  g_assert_nonnull (strstr (table.out, "Random"));
  g_assert_nonnull (strstr (table.out, "3 of 5 certificates valid on 2025-06-30 drawn, seed 7"));

  /* key items first, for a field visit, weighted */
  run (&key, "sample", "--db", db, "--plan", "1", "--size", "1", "--seed", "1", "--valid-on",
       "2025-06-30", "--key-items", "--risk-weighted", "--purpose", "field-visit",
       "--stratify", "lead-auditor", "--format", "csv", NULL);
  assert_ok (&key);
  /* the small body has no hits: no key items, one certificate per stratum at most */
  g_assert_null (strstr (key.out, "key_item"));

  run (&list, "samples", "--db", db, "--plan", "1", "--format", "json", NULL);
  assert_ok (&list);
  samples = parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (samples)), ==, 5);
  s = json_array_get_object_element (json_node_get_array (samples), 4);
  g_assert_cmpint (json_object_get_int_member (s, "id"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (s, "purpose"), ==, "field_visit");
  g_assert_cmpstr (json_object_get_string_member (s, "method"), ==, "weighted");
  g_assert_cmpstr (json_object_get_string_member (s, "stratify"), ==, "lead_auditor");
  g_assert_cmpint (json_object_get_int_member (s, "seed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (s, "frame_size"), ==, 5);
  items = zicha_test_query (db, "SELECT count (*) FROM change_log WHERE entity = 'sample'");
  g_assert_cmpstr (items, ==, "5");
}

/* A demo database: its day is the frame's date; the default size is ceil (sqrt (frame)). */
static void
test_sample_demo (void)
{
  g_autofree char *db = zicha_test_path ("demo.db");
  g_auto(Result) demo = { 0 };
  g_auto(Result) check = { 0 };
  g_auto(Result) plan = { 0 };
  g_auto(Result) sample = { 0 };
  g_auto(Result) list = { 0 };
  g_autoptr(JsonNode) drawn = NULL;
  g_autoptr(JsonNode) samples = NULL;
  g_autofree char *today = NULL;
  JsonObject *s;
  gint64 frame, size = 0;

  run (&demo, "demo", "--db", db, "--certificates", "200", "--seed", "3", "--today",
       "2026-06-30", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run (&check, "check", "--db", db, NULL);
  g_assert_cmpint (check.status, ==, 0);
  run (&plan, "plan", "new", "--db", db, "--title", "Demo", NULL);
  assert_ok (&plan);
  run (&sample, "sample", "--db", db, "--plan", "1", "--risk-weighted", "--key-items",
       "--format", "json", NULL);
  assert_ok (&sample);
  drawn = parse_json (sample.out);
  run (&list, "samples", "--db", db, "--plan", "1", "--format", "json", NULL);
  samples = parse_json (list.out);
  s = json_array_get_object_element (json_node_get_array (samples), 0);
  today = zicha_test_query (db, "SELECT value FROM settings WHERE key = 'demo-today'");
  g_assert_cmpstr (json_object_get_string_member (s, "valid_on"), ==, today);
  frame = json_object_get_int_member (s, "frame_size");
  while (size * size < frame)
    size++;
  g_assert_cmpint (json_object_get_int_member (s, "requested_size"), ==, size);
  g_assert_cmpint (json_array_get_length (json_node_get_array (drawn)), ==,
                   json_object_get_int_member (s, "drawn_size"));
  g_assert_cmpint (json_object_get_int_member (s, "drawn_size"), >=, size);
}

/* demo-work: a demo body's self-inspection under way, in Chinese; refused a second time and
 * on a body whose rules have not run. */
static void
test_demo_work (void)
{
  g_autofree char *db = zicha_test_path ("demo-work.db");
  g_autofree char *unchecked = zicha_test_path ("demo-work-unchecked.db");
  g_auto(Result) demo = { 0 };
  g_auto(Result) demo2 = { 0 };
  g_auto(Result) check = { 0 };
  g_auto(Result) work = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) early = { 0 };
  g_autofree char *plan = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *found_on = NULL;

  run (&demo, "demo", "--db", db, "--certificates", "200", "--today", "2026-06-30", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run (&check, "check", "--db", db, NULL);
  g_assert_cmpint (check.status, ==, 0);
  run_zh (&work, "demo-work", "--db", db, NULL);
  assert_ok (&work);
  g_assert_nonnull (strstr (work.out, "2026-06-30"));
  plan = zicha_test_query (db, "SELECT title || '|' || status || '|' || lead_department"
                               " FROM plans");
  g_assert_cmpstr (plan, ==, "2026年度认证质量自查方案|in_progress|质量管理部");
  problems = zicha_test_query (db, "SELECT count (DISTINCT source) FROM problems");
  g_assert_cmpstr (problems, ==, "5");
  /* dated from the demo's day */
  found_on = zicha_test_query (db, "SELECT min (found_on) FROM problems");
  g_assert_cmpstr (found_on, <, "2026-06-30");

  run (&again, "demo-work", "--db", db, NULL);
  g_assert_cmpint (again.status, ==, 4);
  g_assert_cmpstr (again.out, ==, "");
  g_assert_true (g_str_has_prefix (again.err, "zicha-cli: "));

  run (&demo2, "demo", "--db", unchecked, "--certificates", "200", "--today", "2026-06-30",
       NULL);
  g_assert_cmpint (demo2.status, ==, 0);
  run (&early, "demo-work", "--db", unchecked, NULL);
  assert_usage_error (&early);
}

/* Errors and help ------------------------------------------------------------------------- */

static void
test_errors (void)
{
  g_autofree char *db = make_db ("errors.db", FALSE);
  const char *usage[][10] = {
    { "plan", NULL },
    { "plan", "frobnicate", NULL },
    { "plan", "new", NULL },
    { "plan", "show", NULL },
    { "plan", "show", "x", NULL },
    { "plan", "show", "1", "2", NULL },
    { "plan", "show", "1", "--format", "xml", NULL },
    { "plans", "--format", "xml", NULL },
    { "checklist", "set", "1", NULL },
    { "checklist", "set", "1", "--status", "finished", NULL },
    { "checklist", "set", "1", "--conclusion", "maybe", NULL },
    { "checklist", "bump", NULL },
    { "sample", NULL },
    { "sample", "--plan", "1", "--size", "0", NULL },
    { "sample", "--plan", "1", "--seed", "-1", NULL },
    { "sample", "--plan", "1", "--stratify", "region", NULL },
    { "sample", "--plan", "1", "--purpose", "audit", NULL },
    { "sample", "--plan", "1", "--valid-on", "2025-02-30", NULL },
    { "samples", NULL },
    { "plan", "new", "--title", "t", "--from", "2019-07-01", "--to", "2019-06-30", NULL },
  };
  g_auto(Result) missing_plan = { 0 };
  g_auto(Result) missing_item = { 0 };
  g_auto(Result) missing_samples = { 0 };
  g_auto(Result) chinese = { 0 };
  g_auto(Result) empty = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Result) res = { 0 };
      const char *args[14] = { 0 };
      guint n = 0;

      for (; usage[i][n] != NULL; n++)
        args[n] = usage[i][n];
      args[n++] = "--db";
      args[n++] = db;
      {
        g_autoptr(GSubprocessLauncher) launcher = zicha_test_cli_launcher (FALSE);

        zicha_test_run_cli_argv (&res, launcher, args);
      }
      assert_usage_error (&res);
    }

  run (&missing_plan, "plan", "show", "9", "--db", db, NULL);
  assert_failure (&missing_plan, "There is no self-inspection plan 9");
  run (&missing_item, "checklist", "set", "99", "--status", "done", "--db", db, NULL);
  assert_failure (&missing_item, "There is no such checklist item");
  run (&missing_samples, "samples", "--plan", "9", "--db", db, NULL);
  assert_failure (&missing_samples, "There is no self-inspection plan 9");
  run (&empty, "sample", "--plan", "1", "--valid-on", "2000-01-01", "--db", db, NULL);
  assert_failure (&empty, "2000-01-01");
  run_zh (&chinese, "sample", "--plan", "9", "--db", db, NULL);
  assert_failure (&chinese, "没有编号为 9 的自查方案");
}

static void
test_help (void)
{
  g_auto(Result) main_help = { 0 };
  g_auto(Result) plan = { 0 };
  g_auto(Result) plan_new = { 0 };
  g_auto(Result) sample = { 0 };
  g_auto(Result) usage = { 0 };

  run (&main_help, "--help", NULL);
  assert_ok (&main_help);
  for (guint i = 0; i < 5; i++)
    {
      const char *names[] = { "\n  plan ", "\n  plans ", "\n  checklist ", "\n  sample ",
                              "\n  samples " };

      g_assert_nonnull (strstr (main_help.out, names[i]));
    }
  run (&plan, "plan", "--help", NULL);
  assert_ok (&plan);
  g_assert_nonnull (strstr (plan.out, "plan new --title"));
  run (&plan_new, "plan", "new", "--help", NULL);
  assert_ok (&plan_new);
  g_assert_nonnull (strstr (plan_new.out, "zicha-cli plan new"));
  g_assert_nonnull (strstr (plan_new.out, "--title"));
  run (&sample, "sample", "--help", NULL);
  assert_ok (&sample);
  g_assert_nonnull (strstr (sample.out, "--risk-weighted"));
  g_assert_nonnull (strstr (sample.out, "--key-items"));
  /* a usage error names the subcommand in its hint */
  run (&usage, "plan", "show", "x", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "zicha-cli plan show --help"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("cli-plans");
  g_test_add_func ("/cli-plans/plan/formats", test_plan_formats);
  g_test_add_func ("/cli-plans/plan/chinese", test_plan_chinese);
  g_test_add_func ("/cli-plans/checklist/set", test_checklist_set);
  g_test_add_func ("/cli-plans/sample", test_sample);
  g_test_add_func ("/cli-plans/sample/demo", test_sample_demo);
  g_test_add_func ("/cli-plans/demo-work", test_demo_work);
  g_test_add_func ("/cli-plans/errors", test_errors);
  g_test_add_func ("/cli-plans/help", test_help);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
