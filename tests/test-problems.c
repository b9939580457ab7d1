/* test-problems.c — the problem ledger: numbers, triage into it, cause analysis, states, history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the fixture folder tests/data/rules/risk (four risk leads as of 2024-06-30:
 * EXPIRED_STILL_VALID R1, REPORTED_LATE R2, PERSONNEL_UNDERSTATED RA1, AUDITOR_NOT_QUALIFIED
 * RA1/P1) imported through the real importer; measures, which a later issue writes, are rows
 * written with SQL. 举一反三 is in test-similar.c. */
#define G_LOG_DOMAIN "test-problems"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-change-log.h"
#include "zicha-checklist.h"
#include "zicha-db-private.h"
#include "zicha-hits.h"
#include "zicha-plans.h"
#include "zicha-problems.h"
#include "zicha-rules.h"
#include "zicha-test-utils.h"

/* Helpers --------------------------------------------------------------------------------- */

/* Runs the four rules of the fixture as of @as_of; the number of leads found. */
static guint
run_rules (ZichaDb *db, const char *as_of)
{
  static const char * const rules[] = { "EXPIRED_STILL_VALID", "REPORTED_LATE",
                                        "PERSONNEL_UNDERSTATED", "AUDITOR_NOT_QUALIFIED", NULL };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ZichaRuleRunOptions options = { .rules = rules, .n_threads = 1 };
  int y, m, d;

  g_assert_cmpint (sscanf (as_of, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&options.as_of, 1);
  g_date_set_dmy (&options.as_of, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_assert_true (zicha_rules_run (db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  return result->total_hits;
}

/* A new database named @name, with tests/data/rules/risk and its risk leads when @risk. */
static ZichaDb *
open_db (const char *name, gboolean risk)
{
  ZichaDb *db = zicha_test_open_db (name);

  if (risk)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "rules", "risk",
                                                       NULL);

      zicha_test_import (db, folder);
      g_assert_cmpuint (run_rules (db, "2024-06-30"), ==, 4);
    }
  return db;
}

static void
exec_sql (ZichaDb *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (zicha_db_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Strings and problems the helpers return live until the end of the test (g_test_queue_*). */
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

static gint64
hit_id (ZichaDb *db, const char *rule, const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaHit) hit = zicha_hits_lookup (db, rule, key, &error);

  g_assert_no_error (error);
  return hit->id;
}

static ZichaHitStatus
hit_status (ZichaDb *db, gint64 id)
{
  g_autoptr(ZichaHit) hit = zicha_hits_get (db, id, NULL);

  g_assert_nonnull (hit);
  return hit->status;
}

/* A problem entered by hand, found on @found_on (NULL: today). */
static gint64
create (ZichaDb *db, const char *found_on, const char *title)
{
  g_autoptr(GError) error = NULL;
  ZichaProblemDraft draft = {
    .area = "legal", .severity = "medium", .title = title, .source = ZICHA_PROBLEM_SOURCE_MANUAL,
    .found_on = found_on,
  };
  gint64 id = 0;

  g_assert_true (zicha_problems_create (db, &draft, NULL, 0, "tester", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ZichaProblem *
get (ZichaDb *db, gint64 id)
{
  g_autoptr(GError) error = NULL;
  ZichaProblem *problem = zicha_problems_get (db, id, &error);

  g_assert_no_error (error);
  return problem;
}

/* The problem, kept until the end of the test. */
static const ZichaProblem *
peek (ZichaDb *db, gint64 id)
{
  ZichaProblem *problem = get (db, id);

  g_assert_nonnull (problem);
  g_test_queue_destroy ((GDestroyNotify) zicha_problem_free, problem);
  return problem;
}

static const char *
number_of (ZichaDb *db, gint64 id)
{
  return peek (db, id)->number;
}

/* ZC-<this year>-@seq: problems confirmed from risk leads are found today. */
static const char *
this_year_number (int seq)
{
  char today[11];

  zicha_today (today);
  return keep (g_strdup_printf ("ZC-%.4s-%03d", today, seq));
}

/* "certificates:R1,…" of the problem. */
static const char *
records_text (ZichaDb *db, gint64 id)
{
  g_autoptr(GPtrArray) records = zicha_problems_get_records (db, id, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (records);
  for (guint i = 0; i < records->len; i++)
    {
      ZichaProblemRecord *r = g_ptr_array_index (records, i);

      g_string_append_printf (text, "%s%s:%s", i > 0 ? "," : "", r->record_type, r->record_key);
    }
  return keep (g_string_free (text, FALSE));
}

/* "RULE/KEY,…" of the problem's leads. */
static const char *
hits_text (ZichaDb *db, gint64 id)
{
  g_autoptr(GPtrArray) hits = zicha_problems_get_hits (db, id, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      ZichaProblemHit *h = g_ptr_array_index (hits, i);

      g_string_append_printf (text, "%s%s/%s", i > 0 ? "," : "", h->rule, h->entity_key);
    }
  return keep (g_string_free (text, FALSE));
}

static gint64
count_problems (ZichaDb *db)
{
  return zicha_problems_count (db, NULL, NULL);
}

/* Numbers ----------------------------------------------------------------------------------- */

static void
test_numbering (void)
{
  g_autoptr(ZichaDb) db = open_db ("numbering.db", FALSE);
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d, e, f, g, h;
  gint year = 0, seq = 0;

  a = create (db, "2025-03-01", "a");
  b = create (db, "2026-01-05", "b");
  c = create (db, "2025-12-31", "c");
  d = create (db, "2024-06-30", "d");
  e = create (db, "2026-02-01", "e");
  g_assert_cmpstr (number_of (db, a), ==, "ZC-2025-001");
  g_assert_cmpstr (number_of (db, b), ==, "ZC-2026-001");
  g_assert_cmpstr (number_of (db, c), ==, "ZC-2025-002");
  g_assert_cmpstr (number_of (db, d), ==, "ZC-2024-001");
  g_assert_cmpstr (number_of (db, e), ==, "ZC-2026-002");

  /* only the latest of a year may go */
  g_assert_false (zicha_problems_delete (db, a, "tester", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "ZC-2025-001"));
  g_clear_error (&error);
  g_assert_true (zicha_problems_delete (db, c, "tester", &error));
  g_assert_no_error (error);
  g_assert_null (zicha_problems_find (db, "ZC-2025-002", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* its number is free again, and taken by the next problem of that year */
  f = create (db, "2025-07-01", "f");
  g_assert_cmpstr (number_of (db, f), ==, "ZC-2025-002");
  /* the first of a year, once deleted, is taken again too */
  g_assert_true (zicha_problems_delete (db, d, "tester", &error));
  g_assert_cmpstr (number_of (db, create (db, "2024-01-02", "d2")), ==, "ZC-2024-001");

  /* a withdrawn problem keeps its number; the next one follows it */
  g_assert_true (zicha_problems_withdraw (db, b, "不是问题", "tester", &error));
  g_assert_no_error (error);
  {
    g_autoptr(ZichaProblem) withdrawn = get (db, b);

    g_assert_cmpstr (withdrawn->number, ==, "ZC-2026-001");
    g_assert_cmpint (withdrawn->state, ==, ZICHA_PROBLEM_WITHDRAWN);
    g_assert_cmpstr (withdrawn->withdraw_reason, ==, "不是问题");
    g_assert_cmpstr (withdrawn->withdrawn_by, ==, "tester");
    g_assert_nonnull (withdrawn->withdrawn_at);
  }
  g = create (db, "2026-03-03", "g");
  g_assert_cmpstr (number_of (db, g), ==, "ZC-2026-003");
  g_assert_false (zicha_problems_delete (db, e, "tester", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (zicha_problems_delete (db, g, "tester", &error));
  g_assert_true (zicha_problems_delete (db, e, "tester", &error));
  g_assert_no_error (error);
  h = create (db, "2026-12-31", "h");
  g_assert_cmpstr (number_of (db, h), ==, "ZC-2026-002");
  /* no gaps: per year, the numbers are 1..n */
  g_assert_cmpstr (query (db, "SELECT group_concat (year || ':' || n || ':' || m) FROM"
                              " (SELECT year, count (*) AS n, max (seq) AS m FROM problems"
                              "  GROUP BY year ORDER BY year)"),
                   ==, "2024:1:1,2025:2:2,2026:2:2");

  /* the found_on stays in its number's year */
  {
    g_autoptr(ZichaProblem) p = get (db, f);
    ZichaProblemDraft draft = { .area = p->area, .severity = p->severity, .title = p->title,
                                .found_on = "2024-07-01" };

    g_assert_false (zicha_problems_update (db, f, &draft, "tester", &error));
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
    g_clear_error (&error);
    draft.found_on = "2025-01-01";
    g_assert_true (zicha_problems_update (db, f, &draft, "tester", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (number_of (db, f), ==, "ZC-2025-002");
  }

  /* finding by number or id */
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, a);
    g_autoptr(ZichaProblem) by_number = zicha_problems_find (db, " ZC-2025-001 ", &error);
    g_autoptr(ZichaProblem) by_id = zicha_problems_find (db, id_text, &error);

    g_assert_no_error (error);
    g_assert_cmpint (by_number->id, ==, a);
    g_assert_cmpint (by_id->id, ==, a);
    g_assert_null (zicha_problems_find (db, "ZC-2030-001", &error));
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "ZC-2030-001"));
    g_clear_error (&error);
    g_assert_null (zicha_problems_find (db, "first", &error));
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_true (zicha_problem_number_parse ("ZC-2026-012", &year, &seq));
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (seq, ==, 12);
  g_assert_true (zicha_problem_number_parse ("ZC-2026-1000", &year, &seq));
  g_assert_cmpint (seq, ==, 1000);
  g_assert_false (zicha_problem_number_parse ("ZC-2026-12", &year, &seq));
  g_assert_false (zicha_problem_number_parse ("ZC-26-012", &year, &seq));
  g_assert_false (zicha_problem_number_parse ("ZC-2026-0x1", &year, &seq));
  g_assert_false (zicha_problem_number_parse ("zc-2026-001", &year, &seq));
}

/* What a problem needs, and its records ------------------------------------------------------ */

static void
test_checks_and_records (void)
{
  g_autoptr(ZichaDb) db = open_db ("checks.db", TRUE);
  g_autoptr(GError) error = NULL;
  ZichaProblemDraft draft = { .area = "conduct", .severity = "low", .title = "  手工问题  ",
                              .description = "   ", .source = ZICHA_PROBLEM_SOURCE_MANUAL,
                              .found_on = "2026-05-01", .department = "质量部" };
  ZichaProblemRecord good[] = { { "certificates", "R3", 0 }, { "audit_team", "RA1/P1", 0 } };
  ZichaProblemRecord bad_kind[] = { { "certificate", "R3", 0 } };
  ZichaProblemRecord missing[] = { { "certificates", "R9", 0 } };
  ZichaProblemRecord missing_team[] = { { "audit_team", "RA1/P9", 0 } };
  ZichaProblemRecord more[] = { { "certificates", "R3", 0 }, { "organizations", "O2", 0 } };
  gint64 id = 0;

  draft.area = "lega";
  g_assert_false (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  draft.area = "conduct";
  draft.severity = "critical";
  g_assert_false (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  draft.severity = "low";
  draft.title = " ";
  g_assert_false (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  draft.title = "  手工问题  ";
  draft.found_on = "2026-02-30";
  g_assert_false (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  draft.found_on = "2026-05-01";
  draft.complaint = 42;
  g_assert_false (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  draft.complaint = 0;
  g_assert_false (zicha_problems_create (db, &draft, bad_kind, 1, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_problems_create (db, &draft, missing, 1, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "R9"));
  g_clear_error (&error);
  g_assert_false (zicha_problems_create (db, &draft, missing_team, 1, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* nothing of a failed creation stays, not even its number */
  g_assert_cmpint (count_problems (db), ==, 0);

  g_assert_true (zicha_problems_create (db, &draft, good, G_N_ELEMENTS (good), "张三", &id,
                                        &error));
  g_assert_no_error (error);
  {
    g_autoptr(ZichaProblem) p = get (db, id);

    g_assert_cmpstr (p->number, ==, "ZC-2026-001");
    g_assert_cmpstr (p->title, ==, "手工问题");
    g_assert_null (p->description);
    g_assert_cmpint (p->source, ==, ZICHA_PROBLEM_SOURCE_MANUAL);
    g_assert_cmpint (p->state, ==, ZICHA_PROBLEM_OPEN);
    g_assert_cmpstr (p->department, ==, "质量部");
    g_assert_cmpstr (p->created_by, ==, "张三");
  }
  g_assert_cmpstr (records_text (db, id), ==, "audit_team:RA1/P1,certificates:R3");

  /* records already there are left alone */
  g_assert_true (zicha_problems_add_records (db, id, more, G_N_ELEMENTS (more), "张三", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (records_text (db, id), ==,
                   "audit_team:RA1/P1,certificates:R3,organizations:O2");
  g_assert_false (zicha_problems_remove_records (db, id, missing, 1, "张三", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (zicha_problems_remove_records (db, id, good, 1, "张三", &error));
  g_assert_cmpstr (records_text (db, id), ==, "audit_team:RA1/P1,organizations:O2");
  g_assert_false (zicha_problems_add_records (db, 999, good, 1, "张三", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_list (void)
{
  g_autoptr(ZichaDb) db = open_db ("list.db", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  ZichaProblemFilter filter = { 0 };
  ZichaProblemDraft draft = { .area = "practice", .severity = "high", .title = "两张皮 100%",
                              .description = "管理文件与实际运行脱节",
                              .source = ZICHA_PROBLEM_SOURCE_CHECKLIST,
                              .found_on = "2026-01-10" };
  gint64 a, b, c;

  a = create (db, "2026-02-01", "审核时间不足");
  g_assert_true (zicha_problems_create (db, &draft, NULL, 0, "t", &b, &error));
  c = create (db, "2025-11-11", "证书过期");
  g_assert_true (zicha_problems_withdraw (db, c, "重复", "t", &error));
  g_assert_no_error (error);

  list = zicha_problems_query (db, NULL, ZICHA_PROBLEM_ORDER_NUMBER, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((ZichaProblem *) g_ptr_array_index (list, 0))->id, ==, c);
  g_assert_cmpint (((ZichaProblem *) g_ptr_array_index (list, 1))->id, ==, a);
  g_assert_cmpint (((ZichaProblem *) g_ptr_array_index (list, 2))->id, ==, b);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = zicha_problems_query (db, NULL, ZICHA_PROBLEM_ORDER_SEVERITY, FALSE, &error);
  g_assert_cmpint (((ZichaProblem *) g_ptr_array_index (list, 0))->id, ==, b);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = zicha_problems_query (db, NULL, ZICHA_PROBLEM_ORDER_STATE, TRUE, &error);
  g_assert_cmpint (((ZichaProblem *) g_ptr_array_index (list, 0))->id, ==, c);

  filter.state = "withdrawn";
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 1);
  filter.state = "open";
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 2);
  filter.area = "practice";
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 1);
  filter = (ZichaProblemFilter) { .source = "manual" };
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 2);
  filter = (ZichaProblemFilter) { .severity = "high" };
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 1);
  filter = (ZichaProblemFilter) { .text = "zc-2025" };
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 1);
  filter.text = "脱节";
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 1);
  filter.text = "100%";
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 1);
  filter.text = "1_0";    /* _ is literal */
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 0);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) ids = zicha_problems_query_ids (db, NULL, ZICHA_PROBLEM_ORDER_TITLE, FALSE,
                                                      NULL, &error);
    g_autoptr(GPtrArray) many = NULL;
    gint64 wanted[] = { b, 999, a };

    g_assert_cmpuint (ids->len, ==, 3);
    many = zicha_problems_get_many (db, wanted, 3, &error);
    g_assert_cmpuint (many->len, ==, 3);
    g_assert_null (g_ptr_array_index (many, 1));
    g_assert_cmpint (((ZichaProblem *) g_ptr_array_index (many, 2))->id, ==, a);
  }
}

/* A checklist item and a sample item show the problems raised from them. */
static void
test_list_by_origin (void)
{
  g_autoptr(ZichaDb) db = open_db ("origin.db", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  ZichaPlanFields fields = { .title = "2026 年自查" };
  ZichaProblemDraft draft = { .area = "legal", .severity = "medium", .title = "超范围",
                              .source = ZICHA_PROBLEM_SOURCE_CHECKLIST };
  ZichaProblemFilter filter = { 0 };
  gint64 plan, first, second, id;

  plan = zicha_plans_create (db, &fields, "t", &error);
  g_assert_no_error (error);
  items = zicha_checklist_list (db, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >=, 2);
  first = ((ZichaChecklistItem *) g_ptr_array_index (items, 0))->id;
  second = ((ZichaChecklistItem *) g_ptr_array_index (items, 1))->id;

  draft.checklist_item = first;
  g_assert_true (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  g_assert_true (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  draft.checklist_item = second;
  g_assert_true (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  draft.checklist_item = 0;
  g_assert_true (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  g_assert_no_error (error);

  filter.checklist_item = first;
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 2);
  filter.checklist_item = second;
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 1);
  filter = (ZichaProblemFilter) { .sample_item = 1 };
  g_assert_cmpint (zicha_problems_count (db, &filter, &error), ==, 0);
  g_assert_no_error (error);

  /* a sample item that does not exist is refused */
  draft = (ZichaProblemDraft) { .area = "legal", .severity = "low", .title = "x",
                                .source = ZICHA_PROBLEM_SOURCE_SAMPLE, .sample_item = 99 };
  g_assert_false (zicha_problems_create (db, &draft, NULL, 0, "t", &id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
}

/* Triage into the ledger ------------------------------------------------------------------- */

static void
test_confirm (void)
{
  g_autoptr(ZichaDb) db = open_db ("confirm.db", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaProblem) p = NULL;
  g_autoptr(ZichaHit) hit = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 r1 = hit_id (db, "EXPIRED_STILL_VALID", "R1");
  gint64 missing = 9999;
  gint64 problem = 0;

  g_assert_true (zicha_problems_confirm_hits (db, &r1, 1, 0, "逾期未处理", "alice", &problem,
                                              &error));
  g_assert_no_error (error);
  p = get (db, problem);
  hit = zicha_hits_get (db, r1, NULL);
  g_assert_cmpstr (p->number, ==, this_year_number (1));
  g_assert_cmpstr (p->area, ==, "legal");
  g_assert_cmpstr (p->severity, ==, "high");
  g_assert_cmpint (p->source, ==, ZICHA_PROBLEM_SOURCE_HIT);
  g_assert_cmpstr (p->title, ==, zicha_rule_get_title (zicha_rules_lookup ("EXPIRED_STILL_VALID")));
  g_assert_cmpstr (p->description, ==, hit->message);
  g_assert_cmpstr (p->rule, ==, "EXPIRED_STILL_VALID");
  g_assert_cmpstr (p->found_by, ==, "alice");
  g_assert_cmpint (p->state, ==, ZICHA_PROBLEM_OPEN);
  g_assert_cmpstr (records_text (db, problem), ==, "certificates:R1");
  hits = zicha_problems_get_hits (db, problem, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((ZichaProblemHit *) g_ptr_array_index (hits, 0))->hit, ==, r1);
  g_assert_cmpstr (((ZichaProblemHit *) g_ptr_array_index (hits, 0))->note, ==, "逾期未处理");
  g_assert_cmpint (hit->status, ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpstr (hit->triaged_by, ==, "alice");
  g_assert_cmpint (zicha_problems_find_by_hit (db, r1, NULL), ==, problem);
  {
    g_autoptr(GPtrArray) records = zicha_problems_get_records (db, problem, NULL);

    g_assert_cmpint (((ZichaProblemRecord *) g_ptr_array_index (records, 0))->hit, ==, r1);
  }

  /* again: a conflict that changes nothing */
  g_assert_false (zicha_problems_confirm_hits (db, &r1, 1, 0, NULL, "bob", NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (zicha_problems_confirm_hits (db, &missing, 1, 0, NULL, "bob", NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zicha_problems_confirm_hits (db, &r1, 0, 0, NULL, "bob", NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (count_problems (db), ==, 1);
  /* a confirmed lead is undone by the ledger, not by risk */
  g_assert_false (zicha_hits_undo_triage (db, r1, "bob", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (hit_status (db, r1), ==, ZICHA_HIT_CONFIRMED);
}

static void
test_confirm_several (void)
{
  g_autoptr(ZichaDb) db = open_db ("several.db", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaProblem) p = NULL;
  g_autoptr(ZichaHit) pu = NULL;
  g_autoptr(ZichaHit) team = NULL;
  g_autofree char *description = NULL;
  gint64 ids[] = { hit_id (db, "PERSONNEL_UNDERSTATED", "RA1"),
                   hit_id (db, "AUDITOR_NOT_QUALIFIED", "RA1/P1"),
                   hit_id (db, "PERSONNEL_UNDERSTATED", "RA1") };
  gint64 late = hit_id (db, "REPORTED_LATE", "R2");
  gint64 with_dismissed[2] = { hit_id (db, "EXPIRED_STILL_VALID", "R1"), late };
  gint64 problem = 0;

  /* the first lead's area and rule, the highest severity; a lead named twice counts once */
  g_assert_true (zicha_problems_confirm_hits (db, ids, G_N_ELEMENTS (ids), 0, NULL, "alice",
                                              &problem, &error));
  g_assert_no_error (error);
  p = get (db, problem);
  pu = zicha_hits_get (db, ids[0], NULL);
  team = zicha_hits_get (db, ids[1], NULL);
  description = g_strconcat (pu->message, "\n", team->message, NULL);
  g_assert_cmpstr (pu->area, ==, "legal");
  g_assert_cmpstr (pu->severity, ==, "medium");
  g_assert_cmpstr (team->area, ==, "conduct");
  g_assert_cmpstr (team->severity, ==, "high");
  g_assert_cmpstr (p->area, ==, "legal");
  g_assert_cmpstr (p->severity, ==, "high");
  g_assert_cmpstr (p->rule, ==, "PERSONNEL_UNDERSTATED");
  g_assert_cmpstr (p->title, ==,
                   zicha_rule_get_title (zicha_rules_lookup ("PERSONNEL_UNDERSTATED")));
  g_assert_cmpstr (p->description, ==, description);
  g_assert_cmpstr (hits_text (db, problem), ==,
                   "PERSONNEL_UNDERSTATED/RA1,AUDITOR_NOT_QUALIFIED/RA1/P1");
  g_assert_cmpstr (records_text (db, problem), ==,
                   "audit_team:RA1/P1,audits:RA1,organizations:O1,personnel:P1");
  g_assert_cmpint (pu->status, ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpint (team->status, ==, ZICHA_HIT_CONFIRMED);

  /* one lead of a batch already dismissed: nothing of the batch is done */
  g_assert_true (zicha_hits_dismiss (db, late, "已上报", "bob", &error));
  g_assert_false (zicha_problems_confirm_hits (db, with_dismissed, 2, 0, NULL, "bob", NULL,
                                               &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (hit_status (db, with_dismissed[0]), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (count_problems (db), ==, 1);
  {
    /* dismissing keeps its reason */
    g_autoptr(ZichaHit) dismissed = zicha_hits_get (db, late, NULL);

    g_assert_cmpint (dismissed->status, ==, ZICHA_HIT_DISMISSED);
    g_assert_cmpstr (dismissed->dismiss_reason, ==, "已上报");
    g_assert_cmpstr (dismissed->triaged_by, ==, "bob");
  }
}

static void
test_confirm_into (void)
{
  g_autoptr(ZichaDb) db = open_db ("into.db", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaProblem) p = NULL;
  gint64 r1 = hit_id (db, "EXPIRED_STILL_VALID", "R1");
  gint64 r2 = hit_id (db, "REPORTED_LATE", "R2");
  gint64 team = hit_id (db, "AUDITOR_NOT_QUALIFIED", "RA1/P1");
  gint64 problem = 0, into = 0, withdrawn;

  g_assert_true (zicha_problems_confirm_hits (db, &r1, 1, 0, NULL, "alice", &problem, &error));
  g_assert_true (zicha_problems_confirm_hits (db, &r2, 1, problem, "同一组织", "bob", &into,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (into, ==, problem);
  g_assert_cmpint (count_problems (db), ==, 1);
  p = get (db, problem);
  /* the problem keeps what it was made with */
  g_assert_cmpstr (p->severity, ==, "high");
  g_assert_cmpstr (p->rule, ==, "EXPIRED_STILL_VALID");
  g_assert_cmpstr (hits_text (db, problem), ==, "EXPIRED_STILL_VALID/R1,REPORTED_LATE/R2");
  g_assert_cmpstr (records_text (db, problem), ==, "certificates:R1,certificates:R2");
  g_assert_cmpint (hit_status (db, r2), ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpint (zicha_problems_find_by_hit (db, r2, NULL), ==, problem);

  /* not into a withdrawn problem, nor into one that is not there */
  withdrawn = create (db, NULL, "已撤回");
  g_assert_true (zicha_problems_withdraw (db, withdrawn, "误报", "bob", &error));
  g_assert_false (zicha_problems_confirm_hits (db, &team, 1, withdrawn, NULL, "bob", NULL,
                                               &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (zicha_problems_confirm_hits (db, &team, 1, 999, NULL, "bob", NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (hit_status (db, team), ==, ZICHA_HIT_OPEN);
}

static void
test_undo (void)
{
  g_autoptr(ZichaDb) db = open_db ("undo.db", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 r1 = hit_id (db, "EXPIRED_STILL_VALID", "R1");
  gint64 r2 = hit_id (db, "REPORTED_LATE", "R2");
  gint64 pu = hit_id (db, "PERSONNEL_UNDERSTATED", "RA1");
  gint64 team = hit_id (db, "AUDITOR_NOT_QUALIFIED", "RA1/P1");
  gint64 p1 = 0, p2 = 0, manual;

  /* made from the lead alone, the latest of its year: deleted, its number free again */
  g_assert_true (zicha_problems_confirm_hits (db, &r1, 1, 0, NULL, "alice", &p1, &error));
  g_assert_true (zicha_problems_undo_confirm (db, r1, "alice", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_problems (db), ==, 0);
  g_assert_cmpint (hit_status (db, r1), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (zicha_problems_find_by_hit (db, r1, NULL), ==, 0);
  g_assert_cmpstr (query (db, "SELECT count (*) FROM problem_records"), ==, "0");
  g_assert_false (zicha_problems_undo_confirm (db, r1, "alice", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);

  /* not the latest: withdrawn, saying why, with its number and records */
  g_assert_true (zicha_problems_confirm_hits (db, &r1, 1, 0, NULL, "alice", &p1, &error));
  g_assert_cmpstr (number_of (db, p1), ==, this_year_number (1));
  manual = create (db, NULL, "手工");
  g_assert_cmpstr (number_of (db, manual), ==, this_year_number (2));
  g_assert_true (zicha_problems_undo_confirm (db, r1, "alice", &error));
  g_assert_no_error (error);
  {
    g_autoptr(ZichaProblem) p = get (db, p1);

    g_assert_cmpint (p->state, ==, ZICHA_PROBLEM_WITHDRAWN);
    g_assert_cmpstr (p->withdraw_reason, ==, "The confirmation of the risk lead was undone");
    g_assert_cmpstr (p->number, ==, this_year_number (1));
  }
  g_assert_cmpstr (hits_text (db, p1), ==, "");
  g_assert_cmpstr (records_text (db, p1), ==, "certificates:R1");
  g_assert_cmpint (hit_status (db, r1), ==, ZICHA_HIT_OPEN);

  /* gathered into a problem with other leads: taken out with the records it brought */
  g_assert_true (zicha_problems_confirm_hits (db, &r2, 1, 0, NULL, "alice", &p2, &error));
  g_assert_true (zicha_problems_confirm_hits (db, &pu, 1, p2, NULL, "alice", NULL, &error));
  g_assert_cmpstr (records_text (db, p2), ==, "audits:RA1,certificates:R2,organizations:O1");
  g_assert_true (zicha_problems_undo_confirm (db, pu, "alice", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hits_text (db, p2), ==, "REPORTED_LATE/R2");
  g_assert_cmpstr (records_text (db, p2), ==, "certificates:R2");
  g_assert_cmpint (hit_status (db, pu), ==, ZICHA_HIT_OPEN);
  /* …and a problem made from it stays with the other leads when its first one goes */
  g_assert_true (zicha_problems_confirm_hits (db, &pu, 1, p2, NULL, "alice", NULL, &error));
  g_assert_true (zicha_problems_undo_confirm (db, r2, "alice", &error));
  {
    g_autoptr(ZichaProblem) p = get (db, p2);

    g_assert_cmpint (p->state, ==, ZICHA_PROBLEM_OPEN);
    g_assert_cmpstr (hits_text (db, p2), ==, "PERSONNEL_UNDERSTATED/RA1");
    g_assert_cmpstr (records_text (db, p2), ==, "audits:RA1,organizations:O1");
  }

  /* gathered into a problem entered by hand: taken out, the problem stays */
  g_assert_true (zicha_problems_confirm_hits (db, &team, 1, manual, NULL, "alice", NULL,
                                              &error));
  g_assert_cmpstr (records_text (db, manual), ==, "audit_team:RA1/P1,audits:RA1,personnel:P1");
  g_assert_true (zicha_problems_undo_confirm (db, team, "alice", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (records_text (db, manual), ==, "");
  g_assert_cmpint (peek (db, manual)->state, ==, ZICHA_PROBLEM_OPEN);

  /* a record two leads brought stays with the one that remains */
  {
    gint64 both[] = { pu, team };
    gint64 p = 0;
    g_autoptr(GPtrArray) records = NULL;

    g_assert_true (zicha_problems_undo_confirm (db, pu, "alice", &error));
    g_assert_true (zicha_problems_confirm_hits (db, both, 2, 0, NULL, "alice", &p, &error));
    g_assert_cmpstr (records_text (db, p), ==,
                     "audit_team:RA1/P1,audits:RA1,organizations:O1,personnel:P1");
    g_assert_true (zicha_problems_undo_confirm (db, pu, "alice", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (records_text (db, p), ==, "audit_team:RA1/P1,audits:RA1,personnel:P1");
    records = zicha_problems_get_records (db, p, NULL);
    for (guint i = 0; i < records->len; i++)
      g_assert_cmpint (((ZichaProblemRecord *) g_ptr_array_index (records, i))->hit, ==, team);
    /* made from both, it is not made from the one left alone: taken out, then deleted */
    g_assert_true (zicha_problems_undo_confirm (db, team, "alice", &error));
    g_assert_no_error (error);
    g_assert_null (zicha_problems_get (db, p, &error));
    g_clear_error (&error);
  }

  /* the latest, but with measures: withdrawn, the measures kept */
  {
    gint64 p3 = 0;
    g_autofree char *sql = NULL;

    g_assert_true (zicha_problems_confirm_hits (db, &team, 1, 0, NULL, "alice", &p3, &error));
    sql = g_strdup_printf ("INSERT INTO measures (id, kind, text, created_at, created_by)"
                           " VALUES (1, 'correction', '纠正', 't', 't');"
                           "INSERT INTO measure_problems (measure, problem, linked_at,"
                           " linked_by) VALUES (1, %" G_GINT64_FORMAT ", 't', 't')", p3);
    exec_sql (db, sql);
    g_assert_true (zicha_problems_undo_confirm (db, team, "alice", &error));
    g_assert_no_error (error);
    g_assert_cmpint (peek (db, p3)->state, ==, ZICHA_PROBLEM_WITHDRAWN);
    g_assert_cmpstr (query (db, "SELECT count (*) FROM measures"), ==, "1");
    g_assert_cmpint (hit_status (db, team), ==, ZICHA_HIT_OPEN);
  }

  /* a resolved lead confirmed and undone is resolved again */
  g_assert_cmpuint (run_rules (db, "2000-01-01"), ==, 0);
  g_assert_cmpint (hit_status (db, team), ==, ZICHA_HIT_RESOLVED);
  g_assert_true (zicha_problems_confirm_hits (db, &team, 1, 0, NULL, "alice", NULL, &error));
  g_assert_true (zicha_problems_undo_confirm (db, team, "alice", &error));
  g_assert_cmpint (hit_status (db, team), ==, ZICHA_HIT_RESOLVED);
}

/* Cause analysis ---------------------------------------------------------------------------- */

static void
test_cause_analysis (void)
{
  g_autoptr(ZichaDb) db = open_db ("causes.db", FALSE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = zicha_problems_get_cause_categories (db);
  g_autoptr(ZichaCauseAnalysis) analysis = NULL;
  const char *chosen[] = { "Process control", "Inadequate procedures", "Process control", NULL };
  const char *unknown[] = { "天灾", NULL };
  ZichaProblemWhy whys[] = {
    { "为什么证书过期仍显示有效？", "到期后未及时更新状态" },
    { "为什么未及时更新？", "没有到期提醒" },
    { "为什么没有提醒？", NULL },
    { "为什么？", "制度未规定" },
    { "为什么制度未规定？", "制度修订滞后" },
    { "第六个为什么", "超过五个" },
  };
  ZichaProblemWhy empty_why[] = { { "  ", "x" } };
  gint64 id = create (db, "2026-04-01", "证书状态未更新");

  g_assert_cmpuint (g_strv_length (categories), ==, 6);
  g_assert_cmpstr (categories[0], ==, "Inadequate procedures");
  g_assert_cmpstr (categories[5], ==, "External factors");
  g_assert_cmpstr (zicha_problem_cause_category_get_label ("Staff competence"), ==,
                   "Staff competence");
  g_assert_cmpstr (zicha_problem_cause_category_get_label ("自定义"), ==, "自定义");

  analysis = zicha_problems_get_cause_analysis (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (analysis->categories), ==, 0);
  g_assert_cmpuint (analysis->whys->len, ==, 0);
  g_assert_null (analysis->text);
  g_clear_pointer (&analysis, zicha_cause_analysis_free);

  g_assert_true (zicha_problems_set_cause_analysis (db, id, chosen, whys, 5, " 到期管理缺失 ",
                                                    "张三", &error));
  g_assert_no_error (error);
  analysis = zicha_problems_get_cause_analysis (db, id, &error);
  g_assert_cmpuint (g_strv_length (analysis->categories), ==, 2);
  g_assert_cmpstr (analysis->categories[0], ==, "Process control");
  g_assert_cmpstr (analysis->categories[1], ==, "Inadequate procedures");
  g_assert_cmpuint (analysis->whys->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      ZichaProblemWhy *why = g_ptr_array_index (analysis->whys, i);

      g_assert_cmpstr (why->why, ==, whys[i].why);
      g_assert_cmpstr (why->because, ==, whys[i].because != NULL ? whys[i].because : "");
    }
  g_assert_cmpstr (analysis->text, ==, "到期管理缺失");
  g_assert_cmpstr (peek (db, id)->cause_text, ==, "到期管理缺失");
  g_clear_pointer (&analysis, zicha_cause_analysis_free);

  /* at most five whys, none empty, only known categories: nothing changes otherwise */
  g_assert_false (zicha_problems_set_cause_analysis (db, id, NULL, whys, 6, NULL, "张三",
                                                     &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_problems_set_cause_analysis (db, id, NULL, empty_why, 1, NULL, "张三",
                                                     &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_problems_set_cause_analysis (db, id, unknown, NULL, 0, NULL, "张三",
                                                     &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "天灾"));
  g_clear_error (&error);
  analysis = zicha_problems_get_cause_analysis (db, id, &error);
  g_assert_cmpuint (analysis->whys->len, ==, 5);
  g_clear_pointer (&analysis, zicha_cause_analysis_free);

  /* the setting overrides the list: a default in English (or translated) keeps its key; a
   * category the problem has stays valid when the list drops it */
  g_assert_true (zicha_db_set_setting (db, "cause-categories",
                                       " Inadequate procedures ;天灾；; 人为失误;天灾", &error));
  g_clear_pointer (&categories, g_strfreev);
  categories = zicha_problems_get_cause_categories (db);
  g_assert_cmpuint (g_strv_length (categories), ==, 3);
  g_assert_cmpstr (categories[0], ==, "Inadequate procedures");
  g_assert_cmpstr (categories[1], ==, "天灾");
  g_assert_cmpstr (categories[2], ==, "人为失误");
  {
    const char *now[] = { "天灾", "Process control", NULL };

    g_assert_true (zicha_problems_set_cause_analysis (db, id, now, NULL, 0, NULL, "张三",
                                                      &error));
    g_assert_no_error (error);
  }
  analysis = zicha_problems_get_cause_analysis (db, id, &error);
  g_assert_cmpstr (analysis->categories[0], ==, "天灾");
  g_assert_cmpstr (analysis->categories[1], ==, "Process control");
  g_assert_cmpuint (analysis->whys->len, ==, 0);
  g_assert_null (analysis->text);
  g_assert_null (zicha_problems_get_cause_analysis (db, 999, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
}

/* In Chinese the labels are the glossary's, and a setting may name the defaults in Chinese. */
static void
test_cause_categories_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ZichaDb) db = NULL;
      g_auto(GStrv) categories = NULL;
      g_autoptr(GError) error = NULL;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        {
          g_test_skip ("no zh_CN.UTF-8 locale");
          return;
        }
      zicha_core_init_i18n ();
      db = open_db ("causes-zh.db", FALSE);
      g_assert_cmpstr (zicha_problem_cause_category_get_label ("Inadequate procedures"), ==,
                       "制度缺陷");
      g_assert_cmpstr (zicha_problem_cause_category_get_label ("External factors"), ==,
                       "外部因素");
      g_assert_cmpstr (zicha_problem_state_get_label (ZICHA_PROBLEM_AWAITING_CLOSEOUT), ==,
                       "待销号");
      g_assert_true (zicha_db_set_setting (db, "cause-categories", "制度缺陷;人员能力;其他",
                                           &error));
      categories = zicha_problems_get_cause_categories (db);
      g_assert_cmpuint (g_strv_length (categories), ==, 3);
      g_assert_cmpstr (categories[0], ==, "Inadequate procedures");
      g_assert_cmpstr (categories[1], ==, "Staff competence");
      g_assert_cmpstr (categories[2], ==, "其他");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* States: the view problem_states ------------------------------------------------------------ */

static ZichaProblemState
state_of (ZichaDb *db, gint64 id)
{
  g_autoptr(ZichaProblem) p = get (db, id);

  return p->state;
}

static void
set_measures (ZichaDb *db, gint64 id, const char *statuses)
{
  g_auto(GStrv) each = g_strsplit (statuses, ",", -1);
  g_autofree char *clear = g_strdup_printf ("DELETE FROM measure_problems WHERE problem = %"
                                            G_GINT64_FORMAT, id);

  exec_sql (db, clear);
  for (guint i = 0; each[i] != NULL && *each[i] != '\0'; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO measures (kind, text, status,"
                                              " conclusion, created_at, created_by)"
                                              " VALUES ('correction', 'm', '%s', %s, 't', 't');"
                                              "INSERT INTO measure_problems (measure, problem,"
                                              " linked_at, linked_by)"
                                              " VALUES (last_insert_rowid (), %"
                                              G_GINT64_FORMAT ", 't', 't')", each[i],
                                              strcmp (each[i], "verified") == 0
                                              ? "'effective'" : "NULL", id);

      exec_sql (db, sql);
    }
}

static void
test_states (void)
{
  g_autoptr(ZichaDb) db = open_db ("states.db", FALSE);
  g_autoptr(GError) error = NULL;
  gint64 id = create (db, "2026-03-01", "状态");
  g_autofree char *close_out = g_strdup_printf ("UPDATE problems SET closed_at = 't',"
                                                " closed_by = '李四' WHERE id = %"
                                                G_GINT64_FORMAT, id);
  static const struct { const char *measures; ZichaProblemState state; } cases[] = {
    { "", ZICHA_PROBLEM_OPEN },
    { "open", ZICHA_PROBLEM_OPEN },
    { "open,open", ZICHA_PROBLEM_OPEN },
    { "open,in_progress", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "done", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "done,done", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "verified,open", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "verified,done", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "verified", ZICHA_PROBLEM_AWAITING_CLOSEOUT },
    { "verified,verified", ZICHA_PROBLEM_AWAITING_CLOSEOUT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      set_measures (db, id, cases[i].measures);
      g_assert_cmpint (state_of (db, id), ==, cases[i].state);
    }
  /* closed out once all are verified; a measure added or reopened undoes it */
  exec_sql (db, close_out);
  g_assert_cmpint (state_of (db, id), ==, ZICHA_PROBLEM_CLOSED);
  set_measures (db, id, "verified,verified,open");
  g_assert_cmpint (state_of (db, id), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
  set_measures (db, id, "verified,in_progress");
  g_assert_cmpint (state_of (db, id), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
  set_measures (db, id, "open");
  g_assert_cmpint (state_of (db, id), ==, ZICHA_PROBLEM_OPEN);
  set_measures (db, id, "verified");
  g_assert_cmpint (state_of (db, id), ==, ZICHA_PROBLEM_CLOSED);
  {
    ZichaProblemFilter filter = { .state = "closed" };

    g_assert_cmpint (zicha_problems_count (db, &filter, NULL), ==, 1);
  }
  /* withdrawn whatever the measures say; undone, the measures speak again */
  g_assert_true (zicha_problems_withdraw (db, id, "不成立", "王五", &error));
  g_assert_cmpint (state_of (db, id), ==, ZICHA_PROBLEM_WITHDRAWN);
  g_assert_false (zicha_problems_withdraw (db, id, "again", "王五", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (zicha_problems_undo_withdraw (db, id, "王五", &error));
  g_assert_no_error (error);
  g_assert_cmpint (state_of (db, id), ==, ZICHA_PROBLEM_CLOSED);
  g_assert_null (peek (db, id)->withdraw_reason);
  g_assert_false (zicha_problems_undo_withdraw (db, id, "王五", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_problems_withdraw (db, id, "  ", "王五", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpstr (zicha_problem_state_to_string (ZICHA_PROBLEM_IN_RECTIFICATION), ==,
                   "in_rectification");
  g_assert_cmpstr (zicha_problem_state_to_string (ZICHA_PROBLEM_AWAITING_CLOSEOUT), ==,
                   "awaiting_closeout");
}

/* The change history ------------------------------------------------------------------------ */

/* The next entry must be @entity @key @action; returns it. */
static ZichaChangeEntry *
next_entry (GPtrArray *entries, guint *pos, const char *entity, gint64 key,
            ZichaChangeAction action)
{
  g_autofree char *key_text = g_strdup_printf ("%" G_GINT64_FORMAT, key);
  ZichaChangeEntry *e;

  g_assert_cmpuint (*pos, <, entries->len);
  e = g_ptr_array_index (entries, (*pos)++);
  g_assert_cmpstr (e->entity, ==, entity);
  g_assert_cmpstr (e->entity_key, ==, key_text);
  g_assert_cmpint (e->action, ==, action);
  return e;
}

static void
assert_has (const char *json, const char *part)
{
  if (json == NULL || strstr (json, part) == NULL)
    g_error ("“%s” not in %s", part, json != NULL ? json : "(null)");
}

static void
test_history (void)
{
  g_autoptr(ZichaDb) db = open_db ("history.db", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  ZichaProblemRecord records[] = { { "certificates", "R3", 0 } };
  ZichaProblemRecord org[] = { { "organizations", "O2", 0 } };
  ZichaProblemDraft draft = { .area = "capability", .severity = "low", .title = "旧标题",
                              .source = ZICHA_PROBLEM_SOURCE_MANUAL, .found_on = "2026-01-02" };
  ZichaProblemWhy whys[] = { { "为什么", "因为" } };
  const char *categories[] = { "Staff competence", NULL };
  gint64 r1 = hit_id (db, "EXPIRED_STILL_VALID", "R1");
  gint64 pu = hit_id (db, "PERSONNEL_UNDERSTATED", "RA1");
  gint64 id = 0, confirmed = 0;
  ZichaChangeEntry *e;
  guint pos = 0;

  g_assert_true (zicha_problems_create (db, &draft, records, 1, "甲", &id, &error));
  draft.title = "新标题";
  g_assert_true (zicha_problems_update (db, id, &draft, "乙", &error));
  g_assert_true (zicha_problems_withdraw (db, id, "重复", "丙", &error));
  g_assert_true (zicha_problems_undo_withdraw (db, id, "丙", &error));
  g_assert_true (zicha_problems_add_records (db, id, org, 1, "丁", &error));
  g_assert_true (zicha_problems_remove_records (db, id, records, 1, "丁", &error));
  g_assert_true (zicha_problems_set_cause_analysis (db, id, categories, whys, 1, "文字", "戊",
                                                    &error));
  g_assert_true (zicha_problems_confirm_hits (db, &r1, 1, 0, "注", "己", &confirmed, &error));
  g_assert_true (zicha_problems_undo_confirm (db, r1, "己", &error));
  g_assert_true (zicha_hits_dismiss (db, pu, "理由", "庚", &error));
  g_assert_true (zicha_hits_undo_triage (db, pu, "庚", &error));
  g_assert_true (zicha_problems_delete (db, id, "辛", &error));
  g_assert_no_error (error);

  entries = zicha_change_log_list (db, NULL, NULL, &error);
  g_assert_no_error (error);
  e = next_entry (entries, &pos, "problem", id, ZICHA_CHANGE_CREATE);
  g_assert_null (e->old_values);
  assert_has (e->new_values, "\"number\":\"ZC-2026-001\"");
  assert_has (e->new_values, "\"title\":\"旧标题\"");
  g_assert_cmpstr (e->user_name, ==, "甲");
  e = next_entry (entries, &pos, "problem_record", id, ZICHA_CHANGE_CREATE);
  g_assert_cmpstr (e->new_values, ==, "{\"problem\":1,\"record_type\":\"certificates\","
                                      "\"record_key\":\"R3\",\"hit\":null}");
  e = next_entry (entries, &pos, "problem", id, ZICHA_CHANGE_UPDATE);
  assert_has (e->old_values, "\"title\":\"旧标题\"");
  assert_has (e->new_values, "\"title\":\"新标题\"");
  e = next_entry (entries, &pos, "problem", id, ZICHA_CHANGE_UPDATE);
  assert_has (e->old_values, "\"withdraw_reason\":null");
  assert_has (e->new_values, "\"withdraw_reason\":\"重复\"");
  assert_has (e->new_values, "\"withdrawn_by\":\"丙\"");
  e = next_entry (entries, &pos, "problem", id, ZICHA_CHANGE_UPDATE);
  assert_has (e->old_values, "\"withdraw_reason\":\"重复\"");
  assert_has (e->new_values, "\"withdraw_reason\":null");
  e = next_entry (entries, &pos, "problem_record", id, ZICHA_CHANGE_CREATE);
  assert_has (e->new_values, "\"record_key\":\"O2\"");
  e = next_entry (entries, &pos, "problem_record", id, ZICHA_CHANGE_DELETE);
  assert_has (e->old_values, "\"record_key\":\"R3\"");
  g_assert_null (e->new_values);
  e = next_entry (entries, &pos, "cause_analysis", id, ZICHA_CHANGE_UPDATE);
  g_assert_cmpstr (e->old_values, ==, "{\"categories\":[],\"whys\":[],\"text\":null}");
  g_assert_cmpstr (e->new_values, ==, "{\"categories\":[\"Staff competence\"],\"whys\":"
                                      "[{\"why\":\"为什么\",\"because\":\"因为\"}],"
                                      "\"text\":\"文字\"}");
  /* confirming: the problem, the hit, the link, its records */
  e = next_entry (entries, &pos, "problem", confirmed, ZICHA_CHANGE_CREATE);
  assert_has (e->new_values, "\"source\":\"hit\"");
  e = next_entry (entries, &pos, "hit", r1, ZICHA_CHANGE_UPDATE);
  assert_has (e->old_values, "\"status\":\"open\"");
  assert_has (e->new_values, "\"status\":\"confirmed\"");
  assert_has (e->new_values, "\"triaged_by\":\"己\"");
  e = next_entry (entries, &pos, "problem_hit", confirmed, ZICHA_CHANGE_CREATE);
  g_assert_cmpstr (e->new_values, ==, keep (g_strdup_printf ("{\"problem\":%" G_GINT64_FORMAT
                                                             ",\"hit\":%" G_GINT64_FORMAT
                                                             ",\"note\":\"注\"}", confirmed,
                                                             r1)));
  e = next_entry (entries, &pos, "problem_record", confirmed, ZICHA_CHANGE_CREATE);
  assert_has (e->new_values, "\"record_key\":\"R1\"");
  /* undoing it: the hit, the link, the records, the problem */
  e = next_entry (entries, &pos, "hit", r1, ZICHA_CHANGE_UPDATE);
  assert_has (e->old_values, "\"status\":\"confirmed\"");
  assert_has (e->new_values, "\"status\":\"open\"");
  e = next_entry (entries, &pos, "problem_hit", confirmed, ZICHA_CHANGE_DELETE);
  assert_has (e->old_values, "\"note\":\"注\"");
  next_entry (entries, &pos, "problem_record", confirmed, ZICHA_CHANGE_DELETE);
  e = next_entry (entries, &pos, "problem", confirmed, ZICHA_CHANGE_DELETE);
  assert_has (e->old_values, "\"rule\":\"EXPIRED_STILL_VALID\"");
  g_assert_null (e->new_values);
  /* dismissing and its undo */
  e = next_entry (entries, &pos, "hit", pu, ZICHA_CHANGE_UPDATE);
  assert_has (e->new_values, "\"dismiss_reason\":\"理由\"");
  e = next_entry (entries, &pos, "hit", pu, ZICHA_CHANGE_UPDATE);
  assert_has (e->old_values, "\"status\":\"dismissed\"");
  assert_has (e->new_values, "\"status\":\"open\"");
  g_assert_cmpstr (e->user_name, ==, "庚");
  /* deleting: its records, then the row */
  e = next_entry (entries, &pos, "problem_record", id, ZICHA_CHANGE_DELETE);
  assert_has (e->old_values, "\"record_key\":\"O2\"");
  e = next_entry (entries, &pos, "problem", id, ZICHA_CHANGE_DELETE);
  assert_has (e->old_values, "\"title\":\"新标题\"");
  g_assert_cmpstr (e->user_name, ==, "辛");
  g_assert_cmpuint (pos, ==, entries->len);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("problems");
  g_test_add_func ("/problems/numbering", test_numbering);
  g_test_add_func ("/problems/checks-and-records", test_checks_and_records);
  g_test_add_func ("/problems/list", test_list);
  g_test_add_func ("/problems/list/by-origin", test_list_by_origin);
  g_test_add_func ("/problems/confirm", test_confirm);
  g_test_add_func ("/problems/confirm/several", test_confirm_several);
  g_test_add_func ("/problems/confirm/into", test_confirm_into);
  g_test_add_func ("/problems/confirm/undo", test_undo);
  g_test_add_func ("/problems/cause-analysis", test_cause_analysis);
  g_test_add_func ("/problems/cause-analysis/chinese", test_cause_categories_chinese);
  g_test_add_func ("/problems/states", test_states);
  g_test_add_func ("/problems/history", test_history);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
