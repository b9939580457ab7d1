/* test-demo-work.c — the self-inspection a demo body comes with (zicha_demo_work_fill ())
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a small demo body (ZICHA_DEMO_MIN_CERTIFICATES, dated 2026-06-30) imported through the
 * real importer and checked by the rules: what the work holds (plan, checklist, sample,
 * triage, problems of each source and state, cause analysis, 举一反三, history), that two
 * bodies made alike get the same work, that it is refused on a second run and without a run
 * of the rules, and that a failure half-way leaves nothing behind. */
#define G_LOG_DOMAIN "test-demo-work"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "zicha-change-log.h"
#include "zicha-checklist.h"
#include "zicha-demo.h"
#include "zicha-demo-work.h"
#include "zicha-hits.h"
#include "zicha-plans.h"
#include "zicha-problems.h"
#include "zicha-sampling.h"
#include "zicha-similar.h"
#include "zicha-test-utils.h"

#define TODAY "2026-06-30"

/* The demo body's folder, made once. */
static char *folder;

/* A new database @name with the demo body imported, its rules run when @run. */
static ZichaDb *
demo_db (const char *name,
         gboolean    run)
{
  g_autoptr(GError) error = NULL;
  ZichaDb *db = zicha_test_open_db (name);

  if (folder == NULL)
    {
      ZichaDemoOptions opts;

      folder = zicha_test_path ("demo-body");
      zicha_demo_options_init (&opts);
      opts.certificates = ZICHA_DEMO_MIN_CERTIFICATES;
      g_date_set_dmy (&opts.today, 30, G_DATE_JUNE, 2026);
      g_assert_true (zicha_demo_generate (&opts, folder, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  zicha_test_import (db, folder);
  g_assert_true (zicha_db_set_setting (db, "demo-today", TODAY, &error));
  if (run)
    g_assert_cmpuint (zicha_test_run_rules (db, TODAY, 0), >, 0);
  return db;
}

static gint64
count_log (ZichaDb    *db,
           const char *entity)
{
  g_autoptr(GPtrArray) entries = zicha_change_log_list (db, entity, NULL, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

static gboolean
is_person (ZichaDb    *db,
           const char *name)
{
  g_autofree char *sql = NULL;
  g_autofree char *found = NULL;

  g_assert_nonnull (name);
  g_assert_null (strchr (name, '\''));
  sql = g_strdup_printf ("SELECT count (*) FROM personnel WHERE name = '%s'", name);
  found = zicha_test_query (zicha_db_get_path (db), sql);
  return g_strcmp0 (found, "0") != 0;
}

/* Everything the work is made of, in one text: for comparing two fills. */
static char *
describe (ZichaDb *db)
{
  g_autoptr(GPtrArray) problems = zicha_problems_query (db, NULL, ZICHA_PROBLEM_ORDER_NUMBER,
                                                        FALSE, NULL);
  g_autoptr(GPtrArray) plans = zicha_plans_list (db, NULL);
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) hits = zicha_hits_query (db, NULL, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (problems);
  g_assert_nonnull (plans);
  g_assert_cmpuint (plans->len, ==, 1);
  samples = zicha_sampling_list (db, ((ZichaPlan *) g_ptr_array_index (plans, 0))->id, NULL);
  g_assert_cmpuint (samples->len, ==, 1);
  items = zicha_sampling_list_items (db, ((ZichaSample *) g_ptr_array_index (samples, 0))->id,
                                     NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      ZichaProblem *p = g_ptr_array_index (problems, i);
      g_autoptr(GPtrArray) records = zicha_problems_get_records (db, p->id, NULL);

      g_string_append_printf (text, "%s|%s|%s|%s|%s|%s|%s|%u\n", p->number, p->title,
                              zicha_problem_source_to_string (p->source),
                              zicha_problem_state_to_string (p->state), p->found_on,
                              p->found_by, p->severity, records->len);
      for (guint r = 0; r < records->len; r++)
        {
          ZichaProblemRecord *record = g_ptr_array_index (records, r);

          g_string_append_printf (text, "  %s:%s\n", record->record_type, record->record_key);
        }
    }
  for (guint i = 0; i < items->len; i++)
    {
      ZichaSampleItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (text, "%s|%s|%s\n", item->cert_no,
                              zicha_check_conclusion_to_string (item->conclusion),
                              item->assignee != NULL ? item->assignee : "");
    }
  for (guint i = 0; i < hits->len; i++)
    {
      ZichaHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (text, "%s/%s|%s|%s\n", hit->rule, hit->entity_key,
                              zicha_hit_status_to_string (hit->status),
                              hit->dismiss_reason != NULL ? hit->dismiss_reason : "");
    }
  return g_string_free (text, FALSE);
}

static guint
n_problems_from (ZichaDb            *db,
                 ZichaProblemSource  source)
{
  ZichaProblemFilter filter = { .source = zicha_problem_source_to_string (source) };

  return (guint) zicha_problems_count (db, &filter, NULL);
}

static void
test_fill (void)
{
  g_autoptr(ZichaDb) db = demo_db ("fill.db", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ZichaDemoWorkResult result;
  ZichaPlanProgress progress;
  const ZichaPlan *plan;
  guint conclusions[ZICHA_CHECK_NOT_APPLICABLE + 1] = { 0 };
  guint reviewed = 0, nonconforming = 0, open = 0, withdrawn = 0;
  gint64 several = 0;

  g_assert_true (zicha_demo_work_fill (db, TODAY, &result, &error));
  g_assert_no_error (error);

  /* A plan in progress, led by the quality department, its people of the personnel. */
  plans = zicha_plans_list (db, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (result.plan, ==, plan->id);
  g_assert_cmpint (plan->status, ==, ZICHA_PLAN_IN_PROGRESS);
  g_assert_nonnull (strstr (plan->title, "2026"));
  g_assert_cmpstr (plan->period_from, <, TODAY);
  g_assert_cmpstr (plan->period_to, >, TODAY);
  g_assert_cmpuint (g_strv_length (plan->schemes), >, 0);
  g_assert_cmpuint (g_strv_length (plan->years), ==, 3);
  g_assert_nonnull (plan->lead_department);
  g_assert_true (is_person (db, plan->leader));
  g_assert_true (is_person (db, plan->created_by));
  staff = zicha_plans_list_staff (db, plan->id, NULL);
  g_assert_cmpuint (staff->len, ==, 4);
  for (guint i = 0; i < staff->len; i++)
    g_assert_nonnull (((ZichaPlanStaff *) g_ptr_array_index (staff, i))->person_id);
  milestones = zicha_plans_list_milestones (db, plan->id, NULL);
  g_assert_cmpuint (milestones->len, ==, 5);

  /* Its checklist partly done: conclusions of each kind, work in progress, two overdue. */
  g_assert_true (zicha_plans_get_progress (db, plan->id, TODAY, &progress, &error));
  g_assert_cmpuint (progress.total, ==, 14);
  g_assert_cmpuint (progress.done, ==, 6);
  g_assert_cmpuint (progress.overdue, ==, 2);
  g_assert_cmpuint (progress.milestones_done, ==, 2);
  g_assert_cmpuint (progress.milestones_overdue, ==, 1);
  g_assert_cmpuint (result.checklist_done, ==, 6);
  g_assert_cmpuint (result.checklist_overdue, ==, 2);
  checklist = zicha_checklist_list (db, plan->id, NULL);
  for (guint i = 0; i < checklist->len; i++)
    {
      ZichaChecklistItem *item = g_ptr_array_index (checklist, i);

      conclusions[item->conclusion]++;
      if (item->status == ZICHA_CHECKLIST_DONE)
        g_assert_nonnull (item->notes);
      if (item->status == ZICHA_CHECKLIST_IN_PROGRESS)
        {
          g_assert_nonnull (item->assignee);
          g_assert_true (is_person (db, item->assignee));
          g_assert_nonnull (item->due_on);
        }
    }
  g_assert_cmpuint (conclusions[ZICHA_CHECK_CONFORMING], ==, 3);
  g_assert_cmpuint (conclusions[ZICHA_CHECK_NONCONFORMING], ==, 2);
  g_assert_cmpuint (conclusions[ZICHA_CHECK_NOT_APPLICABLE], ==, 1);

  /* A sample drawn by risk, key items first, from a fixed seed; partly reviewed. */
  {
    g_autoptr(ZichaSample) sample = zicha_sampling_get (db, result.sample, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sample->plan, ==, plan->id);
    g_assert_cmpint (sample->method, ==, ZICHA_SAMPLE_WEIGHTED);
    g_assert_true (sample->key_items);
    g_assert_cmpstr (sample->valid_on, ==, TODAY);
    items = zicha_sampling_list_items (db, sample->id, NULL);
  }
  for (guint i = 0; i < items->len; i++)
    {
      ZichaSampleItem *item = g_ptr_array_index (items, i);

      if (item->conclusion != ZICHA_CHECK_NONE)
        {
          reviewed++;
          g_assert_nonnull (item->checked_on);
          g_assert_nonnull (item->notes);
        }
      nonconforming += item->conclusion == ZICHA_CHECK_NONCONFORMING;
    }
  g_assert_cmpuint (reviewed, >, 0);
  g_assert_cmpuint (reviewed, <, items->len);
  g_assert_cmpuint (reviewed, ==, result.sample_reviewed);
  g_assert_cmpuint (nonconforming, ==, 1);

  /* Leads confirmed and dismissed, with reasons. */
  {
    ZichaHitFilter confirmed = { .status = "confirmed" };
    ZichaHitFilter dismissed = { .status = "dismissed" };
    g_autoptr(GPtrArray) gone = zicha_hits_query (db, &dismissed, NULL);

    g_assert_cmpint (zicha_hits_count (db, &confirmed, NULL), ==, result.hits_confirmed);
    g_assert_cmpuint (result.hits_confirmed, >=, 8);
    g_assert_cmpuint (gone->len, ==, 5);
    g_assert_cmpuint (result.hits_dismissed, ==, 5);
    for (guint i = 0; i < gone->len; i++)
      {
        ZichaHit *hit = g_ptr_array_index (gone, i);

        g_assert_nonnull (hit->dismiss_reason);
        g_assert_true (is_person (db, hit->triaged_by));
      }
  }

  /* Problems of every source, open and withdrawn; one gathers several leads. */
  problems = zicha_problems_query (db, NULL, ZICHA_PROBLEM_ORDER_NUMBER, FALSE, NULL);
  g_assert_cmpuint (problems->len, ==, result.problems);
  for (guint i = 0; i < problems->len; i++)
    {
      ZichaProblem *p = g_ptr_array_index (problems, i);
      g_autoptr(GPtrArray) hits = zicha_problems_get_hits (db, p->id, NULL);

      g_assert_true (is_person (db, p->found_by));
      g_assert_cmpstr (p->found_on, <=, p->source == ZICHA_PROBLEM_SOURCE_EXTENSION ? "9999"
                                                                                    : TODAY);
      if (hits->len >= 2)
        several = p->id;
      if (p->state == ZICHA_PROBLEM_WITHDRAWN)
        {
          withdrawn++;
          g_assert_nonnull (p->withdraw_reason);
        }
      else
        {
          g_assert_cmpint (p->state, ==, ZICHA_PROBLEM_OPEN);
          open++;
        }
    }
  g_assert_cmpuint (withdrawn, ==, 1);
  g_assert_cmpuint (result.problems_withdrawn, ==, 1);
  g_assert_cmpuint (open, >=, 8);
  g_assert_cmpint (several, >, 0);
  g_assert_cmpuint (n_problems_from (db, ZICHA_PROBLEM_SOURCE_HIT), >=, 5);
  g_assert_cmpuint (n_problems_from (db, ZICHA_PROBLEM_SOURCE_CHECKLIST), ==, 1);
  g_assert_cmpuint (n_problems_from (db, ZICHA_PROBLEM_SOURCE_SAMPLE), ==, 1);
  g_assert_cmpuint (n_problems_from (db, ZICHA_PROBLEM_SOURCE_MANUAL), ==, 1);
  g_assert_cmpuint (n_problems_from (db, ZICHA_PROBLEM_SOURCE_EXTENSION), >=, 1);
  {
    /* the problems of the checklist and the sample name their item */
    ZichaProblemFilter by_item = { .source = "checklist" };
    g_autoptr(GPtrArray) from_item = zicha_problems_query (db, &by_item,
                                                           ZICHA_PROBLEM_ORDER_NUMBER, FALSE,
                                                           NULL);
    ZichaProblem *p = g_ptr_array_index (from_item, 0);
    g_autoptr(ZichaChecklistItem) item = zicha_checklist_get (db, p->checklist_item, NULL);

    g_assert_nonnull (item);
    g_assert_cmpint (item->conclusion, ==, ZICHA_CHECK_NONCONFORMING);
    g_assert_cmpstr (p->clause, ==, item->text);
  }

  /* A full cause analysis of the problem of several leads. */
  {
    g_autoptr(ZichaCauseAnalysis) analysis = zicha_problems_get_cause_analysis (db, several,
                                                                               &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (analysis->categories), ==, 2);
    g_assert_cmpuint (analysis->whys->len, >=, 3);
    g_assert_nonnull (analysis->text);
  }

  /* 举一反三 of both outcomes, the raised problems linked to theirs. */
  {
    guint raised = 0, none_found = 0;

    for (guint i = 0; i < problems->len; i++)
      {
        ZichaProblem *p = g_ptr_array_index (problems, i);
        g_autoptr(GPtrArray) extensions = zicha_similar_list_extensions (db, p->id, NULL);

        for (guint e = 0; e < extensions->len; e++)
          {
            ZichaProblemExtension *x = g_ptr_array_index (extensions, e);

            raised += x->outcome == ZICHA_EXTENSION_RAISED;
            none_found += x->outcome == ZICHA_EXTENSION_NONE_FOUND;
            g_assert_nonnull (x->result);
          }
        if (p->source == ZICHA_PROBLEM_SOURCE_EXTENSION)
          g_assert_cmpint (p->extended_from, >, 0);
      }
    g_assert_cmpuint (raised, ==, 1);
    g_assert_cmpuint (none_found, ==, 1);
  }

  /* The history holds all of it. */
  g_assert_cmpint (count_log (db, "plan"), ==, 2);   /* created, set in progress */
  g_assert_cmpint (count_log (db, "plan_staff"), ==, 4);
  g_assert_cmpint (count_log (db, "checklist_item"), >=, 14 + 13);
  g_assert_cmpint (count_log (db, "sample"), ==, 1);
  g_assert_cmpint (count_log (db, "problem"), ==, result.problems + 1);   /* + withdrawal */
  g_assert_cmpint (count_log (db, "problem_hit"), >=, result.hits_confirmed);
  g_assert_cmpint (count_log (db, "cause_analysis"), ==, 2);
  g_assert_cmpint (count_log (db, "problem_extension"), ==, 2);
  g_assert_cmpint (count_log (db, "hit"), ==, result.hits_confirmed + result.hits_dismissed);
}

/* Two bodies made alike (each imported and checked on its own) get the same work. */
static void
test_deterministic (void)
{
  g_autoptr(ZichaDb) a = demo_db ("same-a.db", TRUE);
  g_autoptr(ZichaDb) b = demo_db ("same-b.db", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  g_assert_true (zicha_demo_work_fill (a, TODAY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zicha_demo_work_fill (b, TODAY, NULL, &error));
  g_assert_no_error (error);
  text_a = describe (a);
  text_b = describe (b);
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpuint (strlen (text_a), >, 100);
}

/* Refused: a second time, without a run of the rules, with a day that is not one. */
static void
test_refused (void)
{
  g_autoptr(ZichaDb) db = demo_db ("again.db", TRUE);
  g_autoptr(ZichaDb) unchecked = demo_db ("unchecked.db", FALSE);
  g_autoptr(GError) error = NULL;
  gint64 entries;

  g_assert_false (zicha_demo_work_fill (db, "2026-02-30", NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_true (zicha_demo_work_fill (db, TODAY, NULL, &error));
  g_assert_no_error (error);
  entries = count_log (db, NULL);
  g_assert_false (zicha_demo_work_fill (db, TODAY, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_log (db, NULL), ==, entries);

  entries = count_log (unchecked, NULL);
  g_assert_false (zicha_demo_work_fill (unchecked, TODAY, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (count_log (unchecked, NULL), ==, entries);
}

/* A step that fails half-way (no open lead of a rule left to dismiss, after the plan and
 * most of triage are made) leaves the database as it was. */
static void
test_all_or_nothing (void)
{
  g_autoptr(ZichaDb) db = demo_db ("half.db", TRUE);
  g_autoptr(GError) error = NULL;
  ZichaHitFilter late = { .rule = "REPORTED_LATE" };
  ZichaHitFilter confirmed = { .status = "confirmed" };
  g_autoptr(GPtrArray) leads = zicha_hits_query (db, &late, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) plans = NULL;
  gint64 entries;

  for (guint i = 0; i < leads->len; i++)
    g_array_append_val (ids, ((ZichaHit *) g_ptr_array_index (leads, i))->id);
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_true (zicha_hits_dismiss_many (db, (gint64 *) ids->data, ids->len, "已处理", "test",
                                          &error));
  entries = count_log (db, NULL);

  g_assert_false (zicha_demo_work_fill (db, TODAY, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "REPORTED_LATE"));
  g_clear_error (&error);
  plans = zicha_plans_list (db, NULL);
  g_assert_cmpuint (plans->len, ==, 0);
  g_assert_cmpint (zicha_problems_count (db, NULL, NULL), ==, 0);
  g_assert_cmpint (zicha_hits_count (db, &confirmed, NULL), ==, 0);
  g_assert_cmpint (count_log (db, NULL), ==, entries);

  /* the connection works as before */
  g_assert_true (zicha_hits_undo_triage_many (db, (gint64 *) ids->data, ids->len, "test",
                                              &error));
  g_assert_no_error (error);
  g_assert_true (zicha_demo_work_fill (db, TODAY, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("demo-work");
  g_test_add_func ("/demo-work/fill", test_fill);
  g_test_add_func ("/demo-work/deterministic", test_deterministic);
  g_test_add_func ("/demo-work/refused", test_refused);
  g_test_add_func ("/demo-work/all-or-nothing", test_all_or_nothing);
  status = g_test_run ();
  g_free (folder);
  zicha_test_home_remove ();
  return status;
}
