/* test-similar.c — 举一反三: the records that share a key with a problem, and what comes of them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On tests/data/problems/similar, a small body written for this: three organizations, five
 * certificates (C1, C3 and C5 expired but valid: three leads of EXPIRED_STILL_VALID as of
 * 2024-06-30), five audits and their teams, so that each kind of key has members, some none,
 * and records that only look alike (an EMS certificate with the same code, a code that
 * extends another, an audit of another year). The problem: C1, its stage 2 audit A1 and that
 * audit's auditor P2, from the rule EXPIRED_STILL_VALID, with the lead of C1. */
#define G_LOG_DOMAIN "test-similar"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "zicha-change-log.h"
#include "zicha-hits.h"
#include "zicha-problems.h"
#include "zicha-rules.h"
#include "zicha-similar.h"
#include "zicha-test-utils.h"

typedef struct
{
  ZichaDb *db;
  gint64   problem;
  gint64   c1, c3, c5;   /* the leads of EXPIRED_STILL_VALID */
} Fixture;

static gint64
hit_id (ZichaDb *db, const char *key)
{
  g_autoptr(ZichaHit) hit = zicha_hits_lookup (db, "EXPIRED_STILL_VALID", key, NULL);

  g_assert_nonnull (hit);
  return hit->id;
}

static void
fixture_open (Fixture *f, const char *name)
{
  static const char * const rules[] = { "EXPIRED_STILL_VALID", NULL };
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "problems", "similar",
                                                   NULL);
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ZichaRuleRunOptions options = { .rules = rules, .n_threads = 1 };
  ZichaProblemRecord records[] = {
    { "certificates", "C1", 0 }, { "audits", "A1", 0 }, { "audit_team", "A1/P2", 0 },
  };
  ZichaProblemDraft draft = { .area = "legal", .severity = "high", .title = "证书过期仍有效",
                              .source = ZICHA_PROBLEM_SOURCE_MANUAL,
                              .rule = "EXPIRED_STILL_VALID", .clause = "合法合规 3",
                              .found_on = "2024-06-30" };

  f->db = zicha_test_open_db (name);
  zicha_test_import (f->db, folder);
  g_date_clear (&options.as_of, 1);
  g_date_set_dmy (&options.as_of, 30, 6, 2024);
  g_assert_true (zicha_rules_run (f->db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result->total_hits, ==, 3);
  f->c1 = hit_id (f->db, "C1");
  f->c3 = hit_id (f->db, "C3");
  f->c5 = hit_id (f->db, "C5");
  g_assert_true (zicha_problems_create (f->db, &draft, records, G_N_ELEMENTS (records), "张三",
                                        &f->problem, &error));
  g_assert_true (zicha_problems_confirm_hits (f->db, &f->c1, 1, f->problem, NULL, "张三", NULL,
                                              &error));
  g_assert_no_error (error);
}

static void
fixture_close (Fixture *f)
{
  g_clear_object (&f->db);
}

/* One line per group: "kind key (count): type:key …"; hits as "hit:KEY#id". */
static char *
groups_text (GPtrArray *groups)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      ZichaSimilarGroup *g = g_ptr_array_index (groups, i);

      g_string_append_printf (text, "%s %s (%u):", zicha_similar_kind_to_string (g->kind), g->key,
                              g->records->len);
      for (guint j = 0; j < g->records->len; j++)
        {
          ZichaSimilarRecord *r = g_ptr_array_index (g->records, j);

          g_string_append_printf (text, " %s:%s", r->record_type, r->record_key);
          if (r->hit != 0)
            g_string_append_printf (text, "#%" G_GINT64_FORMAT, r->hit);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
test_groups (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  ZichaSimilarGroup *g;

  fixture_open (&f, "groups.db");
  groups = zicha_similar_find (f.db, f.problem, &error);
  g_assert_no_error (error);
  text = groups_text (groups);
  expected = g_strdup_printf (
    /* its rule: the other leads, not the one it gathers */
    "rule EXPIRED_STILL_VALID (2): hit:C3#%" G_GINT64_FORMAT " hit:C5#%" G_GINT64_FORMAT "\n"
    /* the people of its team row and of its audit's team: their other team rows */
    "auditor P1 (3): audit_team:A2/P1 audit_team:A3/P1 audit_team:A4/P1\n"
    "auditor P2 (2): audit_team:A4/P2 audit_team:A5/P2\n"
    /* the organization of C1 and A1 */
    "organization O1 (2): audits:A2 certificates:C2\n"
    /* exact codes of the same scheme: not C4 (EMS), not C5's 17.06.01 */
    "scope_code QMS/17.06 (1): certificates:C3\n"
    "scope_code QMS/18 (1): certificates:C5\n"
    "scope_code QMS/33 (0):\n"
    /* A1's leader in 2023: not A4 (2022) */
    "leader_year P1/2023 (2): audits:A2 audits:A3\n", f.c3, f.c5);
  g_assert_cmpstr (text, ==, expected);

  g = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (g->label, ==, zicha_rule_get_title (zicha_rules_lookup ("EXPIRED_STILL_VALID")));
  g_assert_cmpstr (((ZichaSimilarRecord *) g_ptr_array_index (g->records, 0))->label, ==,
                   "Status is valid although the certificate expired on 2024-04-30");
  g = g_ptr_array_index (groups, 1);
  g_assert_cmpstr (g->label, ==, "张三");
  g_assert_cmpstr (((ZichaSimilarRecord *) g_ptr_array_index (g->records, 0))->label, ==,
                   "leader 2023-01-20..2023-01-21");
  g = g_ptr_array_index (groups, 3);
  g_assert_cmpstr (g->label, ==, "甲公司");
  g_assert_cmpstr (((ZichaSimilarRecord *) g_ptr_array_index (g->records, 0))->label, ==,
                   "stage2 2023-01-20");
  g_assert_cmpstr (((ZichaSimilarRecord *) g_ptr_array_index (g->records, 1))->label, ==,
                   "QMS 29 valid");
  g = g_ptr_array_index (groups, 4);
  g_assert_cmpstr (g->label, ==, "QMS 17.06");
  g = g_ptr_array_index (groups, 7);
  g_assert_cmpstr (g->label, ==, "张三 2023");

  /* one group by its key; a key the problem does not have */
  {
    g_autoptr(ZichaSimilarGroup) one = zicha_similar_find_group (f.db, f.problem,
                                                                ZICHA_SIMILAR_AUDITOR, "P2",
                                                                &error);
    g_autofree char *json = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (one->records->len, ==, 2);
    json = zicha_similar_group_to_json (one);
    g_assert_cmpstr (json, ==,
                     "{\"kind\":\"auditor\",\"key\":\"P2\",\"label\":\"李四\",\"count\":2,"
                     "\"records\":[{\"record_type\":\"audit_team\",\"record_key\":\"A4/P2\","
                     "\"hit\":null,\"label\":\"auditor 2022-06-01..2022-06-02\"},"
                     "{\"record_type\":\"audit_team\",\"record_key\":\"A5/P2\",\"hit\":null,"
                     "\"label\":\"auditor 2023-09-01..2023-09-01\"}]}");
    g_assert_null (zicha_similar_find_group (f.db, f.problem, ZICHA_SIMILAR_AUDITOR, "P3",
                                             &error));
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_null (zicha_similar_find (f.db, 999, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a problem with no records and no rule shares nothing */
  {
    ZichaProblemDraft draft = { .area = "capability", .severity = "low", .title = "人员不足",
                                .source = ZICHA_PROBLEM_SOURCE_MANUAL };
    g_autoptr(GPtrArray) none = NULL;
    gint64 bare = 0;

    g_assert_true (zicha_problems_create (f.db, &draft, NULL, 0, "张三", &bare, &error));
    none = zicha_similar_find (f.db, bare, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
  fixture_close (&f);
}

static void
test_raise (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) from_lead = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  ZichaSimilarRecord team_rows[] = {
    { "audit_team", "A2/P1", 0, NULL }, { "audit_team", "A3/P1", 0, NULL },
  };
  ZichaSimilarRecord lead[] = { { "hit", "C3", 0, NULL } };
  ZichaSimilarRecord stranger[] = { { "audit_team", "A1/P1", 0, NULL } };
  gint64 extension = 0;
  ZichaProblemExtension *e;
  g_autofree char *expected = NULL;
  char today[11];

  fixture_open (&f, "raise.db");
  zicha_today (today);

  /* nothing chosen, or a record that is not in the group: nothing is raised */
  g_assert_false (zicha_similar_raise (f.db, f.problem, ZICHA_SIMILAR_AUDITOR, "P1", NULL, 0,
                                       "李四", NULL, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_similar_raise (f.db, f.problem, ZICHA_SIMILAR_AUDITOR, "P1", stranger,
                                       1, "李四", NULL, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (zicha_problems_count (f.db, NULL, NULL), ==, 1);

  /* one linked problem per chosen record */
  g_assert_true (zicha_similar_raise (f.db, f.problem, ZICHA_SIMILAR_AUDITOR, "P1", team_rows,
                                      2, "李四", &ids, &extension, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ZichaProblem) p = zicha_problems_get (f.db, g_array_index (ids, gint64, i), NULL);
      g_autoptr(GPtrArray) records = zicha_problems_get_records (f.db, p->id, NULL);
      g_autofree char *number = g_strdup_printf ("ZC-%.4s-%03u", today, i + 1);

      g_assert_cmpstr (p->number, ==, number);
      g_assert_cmpint (p->source, ==, ZICHA_PROBLEM_SOURCE_EXTENSION);
      g_assert_cmpint (p->extended_from, ==, f.problem);
      g_assert_cmpstr (p->title, ==, "证书过期仍有效");
      g_assert_cmpstr (p->area, ==, "legal");
      g_assert_cmpstr (p->severity, ==, "high");
      g_assert_cmpstr (p->rule, ==, "EXPIRED_STILL_VALID");
      g_assert_cmpstr (p->clause, ==, "合法合规 3");
      g_assert_cmpstr (p->found_by, ==, "李四");
      g_assert_cmpstr (p->description, ==, "Found by extending problem ZC-2024-001 to similar "
                                           "cases (Same auditor: 张三).");
      g_assert_cmpuint (records->len, ==, 1);
      g_assert_cmpstr (((ZichaProblemRecord *) g_ptr_array_index (records, 0))->record_key, ==,
                       team_rows[i].record_key);
    }

  /* from a lead of the same rule: the lead itself is confirmed into the new problem */
  g_assert_true (zicha_similar_raise (f.db, f.problem, ZICHA_SIMILAR_RULE, "EXPIRED_STILL_VALID",
                                      lead, 1, "李四", &from_lead, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zicha_problems_find_by_hit (f.db, f.c3, NULL), ==,
                   g_array_index (from_lead, gint64, 0));
  {
    g_autoptr(ZichaHit) c3 = zicha_hits_get (f.db, f.c3, NULL);
    g_autoptr(ZichaProblem) p = zicha_problems_get (f.db, g_array_index (from_lead, gint64, 0),
                                                    NULL);
    g_autofree char *description = g_strconcat ("Found by extending problem ZC-2024-001 to "
                                                "similar cases (Same rule: ",
                                                zicha_rule_get_title (zicha_rules_lookup (
                                                  "EXPIRED_STILL_VALID")),
                                                ").\n", c3->message, NULL);

    g_assert_cmpint (c3->status, ==, ZICHA_HIT_CONFIRMED);
    g_assert_cmpstr (p->description, ==, description);
  }
  /* that lead is taken now */
  g_assert_false (zicha_similar_raise (f.db, f.problem, ZICHA_SIMILAR_RULE,
                                       "EXPIRED_STILL_VALID", lead, 1, "李四", NULL, NULL,
                                       &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);

  /* checked, nothing similar: the search is kept as found */
  g_assert_true (zicha_similar_record_none_found (f.db, f.problem, ZICHA_SIMILAR_SCOPE_CODE,
                                                  "QMS/33", "王五", NULL, &error));
  g_assert_true (zicha_similar_record_none_found (f.db, f.problem, ZICHA_SIMILAR_SCOPE_CODE,
                                                  "QMS/18", "王五", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (zicha_similar_record_none_found (f.db, f.problem, ZICHA_SIMILAR_SCOPE_CODE,
                                                   "QMS/99", "王五", NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  extensions = zicha_similar_list_extensions (f.db, f.problem, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (extensions->len, ==, 4);
  e = g_ptr_array_index (extensions, 0);
  g_assert_cmpint (e->id, ==, extension);
  g_assert_cmpint (e->kind, ==, ZICHA_SIMILAR_AUDITOR);
  g_assert_cmpstr (e->key, ==, "P1");
  g_assert_cmpint (e->outcome, ==, ZICHA_EXTENSION_RAISED);
  g_assert_cmpstr (e->created_by, ==, "李四");
  expected = g_strdup_printf (
    "{\"kind\":\"auditor\",\"key\":\"P1\",\"label\":\"张三\",\"count\":3,\"records\":["
    "{\"record_type\":\"audit_team\",\"record_key\":\"A2/P1\",\"hit\":null,"
    "\"label\":\"leader 2023-01-20..2023-01-21\"},"
    "{\"record_type\":\"audit_team\",\"record_key\":\"A3/P1\",\"hit\":null,"
    "\"label\":\"leader 2023-05-01..2023-05-02\"},"
    "{\"record_type\":\"audit_team\",\"record_key\":\"A4/P1\",\"hit\":null,"
    "\"label\":\"leader 2022-06-01..2022-06-02\"}],"
    "\"raised\":[{\"problem\":%" G_GINT64_FORMAT ",\"number\":\"ZC-%.4s-001\","
    "\"record_type\":\"audit_team\",\"record_key\":\"A2/P1\"},"
    "{\"problem\":%" G_GINT64_FORMAT ",\"number\":\"ZC-%.4s-002\","
    "\"record_type\":\"audit_team\",\"record_key\":\"A3/P1\"}]}",
    g_array_index (ids, gint64, 0), today, g_array_index (ids, gint64, 1), today);
  g_assert_cmpstr (e->result, ==, expected);
  e = g_ptr_array_index (extensions, 1);
  g_assert_cmpint (e->kind, ==, ZICHA_SIMILAR_RULE);
  g_assert_cmpint (e->outcome, ==, ZICHA_EXTENSION_RAISED);
  e = g_ptr_array_index (extensions, 2);
  g_assert_cmpint (e->outcome, ==, ZICHA_EXTENSION_NONE_FOUND);
  g_assert_cmpstr (e->result, ==, "{\"kind\":\"scope_code\",\"key\":\"QMS/33\","
                                  "\"label\":\"QMS 33\",\"count\":0,\"records\":[]}");
  e = g_ptr_array_index (extensions, 3);
  g_assert_cmpint (e->outcome, ==, ZICHA_EXTENSION_NONE_FOUND);
  g_assert_cmpstr (e->result, ==, "{\"kind\":\"scope_code\",\"key\":\"QMS/18\","
                                  "\"label\":\"QMS 18\",\"count\":1,\"records\":["
                                  "{\"record_type\":\"certificates\",\"record_key\":\"C5\","
                                  "\"hit\":null,\"label\":\"QMS 18;17.06.01\"}]}");
  g_assert_cmpstr (zicha_extension_outcome_get_label (ZICHA_EXTENSION_NONE_FOUND), ==,
                   "Checked, no similar problem");

  /* the history has each search */
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, f.problem);
    g_autoptr(GPtrArray) log = zicha_change_log_list (f.db, "problem_extension", key, &error);

    g_assert_cmpuint (log->len, ==, 4);
    g_assert_cmpint (((ZichaChangeEntry *) g_ptr_array_index (log, 2))->action, ==,
                     ZICHA_CHANGE_CREATE);
    g_assert_nonnull (strstr (((ZichaChangeEntry *) g_ptr_array_index (log, 2))->new_values,
                              "\"outcome\":\"none_found\""));
  }

  /* the problems raised stand apart: the original's groups are as they were */
  groups = zicha_similar_find (f.db, f.problem, &error);
  g_assert_cmpuint (((ZichaSimilarGroup *) g_ptr_array_index (groups, 1))->records->len, ==, 3);

  /* a problem others were raised from is kept */
  g_assert_false (zicha_problems_delete (f.db, f.problem, "李四", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("similar");
  g_test_add_func ("/similar/groups", test_groups);
  g_test_add_func ("/similar/raise-and-none-found", test_raise);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
