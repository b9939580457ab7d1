/* test-triage.c — triage of several risk leads at once: preview, a new problem as the user
 * adjusted it, undoing a confirmation of several, dismissing several
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the fixture folder tests/data/rules/risk (four risk leads as of 2024-06-30:
 * EXPIRED_STILL_VALID R1, REPORTED_LATE R2, PERSONNEL_UNDERSTATED RA1, AUDITOR_NOT_QUALIFIED
 * RA1/P1) imported through the real importer, as in test-problems.c. */
#define G_LOG_DOMAIN "test-triage"

#include "config.h"

#include <stdio.h>

#include "zicha-change-log.h"
#include "zicha-hits.h"
#include "zicha-problems.h"
#include "zicha-rules.h"
#include "zicha-test-utils.h"

static ZichaDb *
open_db (const char *name)
{
  static const char * const rules[] = { "EXPIRED_STILL_VALID", "REPORTED_LATE",
                                        "PERSONNEL_UNDERSTATED", "AUDITOR_NOT_QUALIFIED", NULL };
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "rules", "risk", NULL);
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ZichaRuleRunOptions options = { .rules = rules, .n_threads = 1 };
  ZichaDb *db = zicha_test_open_db (name);

  zicha_test_import (db, folder);
  g_date_clear (&options.as_of, 1);
  g_date_set_dmy (&options.as_of, 30, G_DATE_JUNE, 2024);
  g_assert_true (zicha_rules_run (db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->total_hits, ==, 4);
  return db;
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

static guint
n_entries (ZichaDb *db, const char *entity)
{
  g_autoptr(GPtrArray) entries = zicha_change_log_list (db, entity, NULL, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

/* The preview says what confirming makes; the new problem takes what the user changed. */
static void
test_preview_and_confirm_as (void)
{
  g_autoptr(ZichaDb) db = open_db ("as.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaProblem) preview = NULL;
  g_autoptr(ZichaProblem) made = NULL;
  g_autoptr(ZichaProblem) plain = NULL;
  g_autoptr(ZichaHit) pu = NULL;
  g_autoptr(ZichaHit) team = NULL;
  g_autofree char *description = NULL;
  gint64 ids[2], missing = 9999, problem = 0, other = 0;
  ZichaProblemDraft draft = { 0 };

  ids[0] = hit_id (db, "PERSONNEL_UNDERSTATED", "RA1");
  ids[1] = hit_id (db, "AUDITOR_NOT_QUALIFIED", "RA1/P1");
  pu = zicha_hits_get (db, ids[0], NULL);
  team = zicha_hits_get (db, ids[1], NULL);
  description = g_strconcat (pu->message, "\n", team->message, NULL);

  /* the first lead's area, rule and title, the highest severity, both messages */
  preview = zicha_problems_preview_hits (db, ids, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->id, ==, 0);
  g_assert_null (preview->number);
  g_assert_cmpstr (preview->area, ==, "legal");
  g_assert_cmpstr (preview->severity, ==, "high");
  g_assert_cmpstr (preview->rule, ==, "PERSONNEL_UNDERSTATED");
  g_assert_cmpstr (preview->title, ==,
                   zicha_rule_get_title (zicha_rules_lookup ("PERSONNEL_UNDERSTATED")));
  g_assert_cmpstr (preview->description, ==, description);
  g_assert_cmpint (preview->source, ==, ZICHA_PROBLEM_SOURCE_HIT);
  /* previewing changes nothing */
  g_assert_cmpint (hit_status (db, ids[0]), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (zicha_problems_count (db, NULL, NULL), ==, 0);
  g_assert_null (zicha_problems_preview_hits (db, &missing, 1, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (zicha_problems_preview_hits (db, ids, 0, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);

  /* an empty title is refused as in zicha_problems_create (), and changes nothing */
  draft.title = "   ";
  g_assert_false (zicha_problems_confirm_hits_as (db, ids, 2, &draft, NULL, "alice", NULL,
                                                  &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (hit_status (db, ids[0]), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (zicha_problems_count (db, NULL, NULL), ==, 0);

  /* the user's title, severity, date and department; the rest from the leads */
  draft.title = "人员数量申报不实且审核员资格不符";
  draft.severity = "medium";
  draft.found_on = "2025-03-01";
  draft.department = "质量管理部";
  draft.checklist_item = 77;   /* ignored */
  g_assert_true (zicha_problems_confirm_hits_as (db, ids, 2, &draft, "一并处理", "alice",
                                                 &problem, &error));
  g_assert_no_error (error);
  made = zicha_problems_get (db, problem, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (made->number, ==, "ZC-2025-001");
  g_assert_cmpstr (made->title, ==, "人员数量申报不实且审核员资格不符");
  g_assert_cmpstr (made->severity, ==, "medium");
  g_assert_cmpstr (made->area, ==, "legal");
  g_assert_cmpstr (made->rule, ==, "PERSONNEL_UNDERSTATED");
  g_assert_cmpstr (made->description, ==, description);
  g_assert_cmpstr (made->found_on, ==, "2025-03-01");
  g_assert_cmpstr (made->found_by, ==, "alice");
  g_assert_cmpstr (made->department, ==, "质量管理部");
  g_assert_cmpint (made->source, ==, ZICHA_PROBLEM_SOURCE_HIT);
  g_assert_cmpint (made->checklist_item, ==, 0);
  g_assert_cmpint (hit_status (db, ids[0]), ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpint (hit_status (db, ids[1]), ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpint (zicha_problems_find_by_hit (db, ids[1], NULL), ==, problem);

  /* no draft: as zicha_problems_confirm_hits () */
  {
    gint64 r1 = hit_id (db, "EXPIRED_STILL_VALID", "R1");

    g_assert_true (zicha_problems_confirm_hits_as (db, &r1, 1, NULL, NULL, "bob", &other,
                                                   &error));
    g_assert_no_error (error);
    plain = zicha_problems_get (db, other, NULL);
    g_assert_cmpstr (plain->title, ==,
                     zicha_rule_get_title (zicha_rules_lookup ("EXPIRED_STILL_VALID")));
    g_assert_cmpstr (plain->severity, ==, "high");
    g_assert_cmpstr (plain->found_by, ==, "bob");
  }
}

/* Undoing the confirmation of several leads: whole, or (one of them not confirmed) not at
 * all. */
static void
test_undo_several (void)
{
  g_autoptr(ZichaDb) db = open_db ("undo-several.db");
  g_autoptr(GError) error = NULL;
  gint64 pu = hit_id (db, "PERSONNEL_UNDERSTATED", "RA1");
  gint64 team = hit_id (db, "AUDITOR_NOT_QUALIFIED", "RA1/P1");
  gint64 r1 = hit_id (db, "EXPIRED_STILL_VALID", "R1");
  gint64 r2 = hit_id (db, "REPORTED_LATE", "R2");
  gint64 ids[] = { pu, team }, mixed[] = { pu, r2 }, into_ids[] = { r1, r2 };
  gint64 problem = 0, first = 0;
  guint problem_entries;

  g_assert_true (zicha_problems_confirm_hits (db, ids, 2, 0, NULL, "alice", &problem, &error));
  g_assert_no_error (error);
  problem_entries = n_entries (db, "problem");

  /* one of them is not confirmed: nothing changes */
  g_assert_false (zicha_problems_undo_confirm_hits (db, mixed, 2, "alice", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (hit_status (db, pu), ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpint (zicha_problems_find_by_hit (db, pu, NULL), ==, problem);
  g_assert_cmpuint (n_entries (db, "problem"), ==, problem_entries);

  /* both: the problem made from them goes, its number is free again */
  g_assert_true (zicha_problems_undo_confirm_hits (db, ids, 2, "alice", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hit_status (db, pu), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (hit_status (db, team), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (zicha_problems_count (db, NULL, NULL), ==, 0);
  g_assert_cmpuint (n_entries (db, "problem"), ==, problem_entries + 1);   /* its deletion */

  /* into a problem made otherwise: they leave it, it stays */
  g_assert_true (zicha_problems_confirm_hits (db, &pu, 1, 0, NULL, "alice", &first, &error));
  g_assert_true (zicha_problems_confirm_hits (db, into_ids, 2, first, NULL, "bob", NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (zicha_problems_undo_confirm_hits (db, into_ids, 2, "bob", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hit_status (db, r1), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (hit_status (db, r2), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (hit_status (db, pu), ==, ZICHA_HIT_CONFIRMED);
  {
    g_autoptr(GPtrArray) hits = zicha_problems_get_hits (db, first, NULL);

    g_assert_cmpuint (hits->len, ==, 1);
  }
  /* nothing to undo is nothing done */
  g_assert_true (zicha_problems_undo_confirm_hits (db, NULL, 0, "bob", &error));
  g_assert_no_error (error);
}

/* Dismissing several leads with one reason, and undoing it: all or none. */
static void
test_dismiss_several (void)
{
  g_autoptr(ZichaDb) db = open_db ("dismiss-several.db");
  g_autoptr(GError) error = NULL;
  gint64 r1 = hit_id (db, "EXPIRED_STILL_VALID", "R1");
  gint64 r2 = hit_id (db, "REPORTED_LATE", "R2");
  gint64 pu = hit_id (db, "PERSONNEL_UNDERSTATED", "RA1");
  gint64 ids[] = { r1, r2, r1 }, with_confirmed[] = { r2, pu }, undo_mixed[] = { r1, pu };
  guint hit_entries = n_entries (db, "hit");

  /* a reason is needed, and a lead */
  g_assert_false (zicha_hits_dismiss_many (db, ids, 2, " ", "alice", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_hits_dismiss_many (db, ids, 0, "理由", "alice", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);

  /* one of them confirmed: none is dismissed */
  g_assert_true (zicha_problems_confirm_hits (db, &pu, 1, 0, NULL, "alice", NULL, &error));
  hit_entries = n_entries (db, "hit");
  g_assert_false (zicha_hits_dismiss_many (db, with_confirmed, 2, "理由", "alice", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (hit_status (db, r2), ==, ZICHA_HIT_OPEN);
  g_assert_cmpuint (n_entries (db, "hit"), ==, hit_entries);

  /* both (one named twice), with one reason, each in the history */
  g_assert_true (zicha_hits_dismiss_many (db, ids, G_N_ELEMENTS (ids), "  经核实均已按期上报  ",
                                          "bob", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ZichaHit) hit = zicha_hits_get (db, ids[i], NULL);

      g_assert_cmpint (hit->status, ==, ZICHA_HIT_DISMISSED);
      g_assert_cmpstr (hit->dismiss_reason, ==, "经核实均已按期上报");
      g_assert_cmpstr (hit->triaged_by, ==, "bob");
    }
  g_assert_cmpuint (n_entries (db, "hit"), ==, hit_entries + 2);

  /* undo: not with a confirmed one among them; then both */
  g_assert_false (zicha_hits_undo_triage_many (db, undo_mixed, 2, "bob", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (hit_status (db, r1), ==, ZICHA_HIT_DISMISSED);
  g_assert_true (zicha_hits_undo_triage_many (db, ids, 2, "bob", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hit_status (db, r1), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (hit_status (db, r2), ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (hit_status (db, pu), ==, ZICHA_HIT_CONFIRMED);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("triage");
  g_test_add_func ("/triage/preview-and-confirm-as", test_preview_and_confirm_as);
  g_test_add_func ("/triage/undo-several", test_undo_several);
  g_test_add_func ("/triage/dismiss-several", test_dismiss_several);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
