/* test-measure-lists.c — rectification measures: overdue and due soon at their boundaries,
 * links, deletion, updates, demands to organizations, the change history, the measure list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the fixture folder tests/data/rules/risk (person P1 “Unqualified leader”, organizations
 * O1 and O2, certificates R1 to R3) imported through the real importer, with the demo's day
 * set to 2026-03-15 so that "today" is fixed. Evidence, certificates, the ledger and the
 * figures are in test-rectification.c; transitions, states and close-out in test-measures.c. */
#define G_LOG_DOMAIN "test-measure-lists"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zicha-change-log.h"
#include "zicha-day.h"
#include "zicha-db-private.h"
#include "zicha-ledger.h"
#include "zicha-measure-list.h"
#include "zicha-measures.h"
#include "zicha-problems.h"
#include "zicha-rect-test.h"

#define TODAY RT_TODAY
#define open_db rt_open_risk_db
#define get rt_get
#define state_of rt_state
#define move rt_move
#define drive rt_drive
#define n_log rt_n_log
#define O ZICHA_MEASURE_OPEN
#define I ZICHA_MEASURE_IN_PROGRESS
#define D ZICHA_MEASURE_DONE
#define V ZICHA_MEASURE_VERIFIED
#define NONE ZICHA_CONCLUSION_NONE

static gint64
new_problem (ZichaDb *db, const char *title)
{
  return rt_problem (db, "2026-03-01", "legal", title, NULL);
}

static gint64
new_measure_of (ZichaDb *db, const gint64 *problems, const char *owner, const char *deadline)
{
  return rt_measure (db, problems, ZICHA_MEASURE_KIND_CORRECTION, "修订审核方案管理程序", owner,
                     "认证部", deadline);
}

static gint64
new_measure (ZichaDb *db, gint64 problem, const char *owner, const char *deadline)
{
  gint64 problems[] = { problem, 0 };

  return new_measure_of (db, problems, owner, deadline);
}

/* Overdue and due soon ------------------------------------------------------------------------ */

static void
test_due (void)
{
  static const struct
  {
    const char *deadline;
    ZichaMeasureStatus status;
    gint days_left;
    gboolean overdue, due_soon, within_20;
  } cases[] = {
    { "2026-03-14", O, -1, TRUE, FALSE, FALSE },      /* yesterday */
    { "2026-03-15", I, 0, FALSE, TRUE, TRUE },        /* today */
    { "2026-03-25", O, 10, FALSE, TRUE, TRUE },       /* today + 10 */
    { "2026-03-26", O, 11, FALSE, FALSE, TRUE },      /* today + 11 */
    { "2026-04-04", I, 20, FALSE, FALSE, TRUE },      /* today + 20 */
    { "2026-04-05", O, 21, FALSE, FALSE, FALSE },     /* today + 21 */
    { "2026-03-14", D, -1, FALSE, FALSE, FALSE },     /* done: never late */
    { "2026-03-15", V, 0, FALSE, FALSE, FALSE },      /* verified: never due */
  };
  g_autoptr(ZichaDb) db = open_db ("due.db");
  g_autoptr(GError) error = NULL;
  ZichaMeasureFilter filter = { 0 };
  ZichaLedgerFilter ledger = { 0 };
  gint64 ids[G_N_ELEMENTS (cases)];
  char today[11];

  zicha_rectification_today (db, today);
  g_assert_cmpstr (today, ==, TODAY);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ZichaMeasure *m;

      ids[i] = new_measure (db, new_problem (db, cases[i].deadline), "王五", cases[i].deadline);
      drive (db, ids[i], cases[i].status);
      m = get (db, ids[i]);
      g_test_message ("case %u: %s", i, cases[i].deadline);
      g_assert_cmpint (m->days_left, ==, cases[i].days_left);
      g_assert_cmpint (m->overdue, ==, cases[i].overdue);
      g_assert_cmpint (m->due_soon, ==, cases[i].due_soon);
    }
  /* the list filters say the same, in SQL */
  filter.due = ZICHA_DUE_OVERDUE;
  g_assert_cmpint (zicha_measures_count (db, &filter, &error), ==, 1);
  filter.due = ZICHA_DUE_WITHIN;
  filter.due_within_days = 10;
  g_assert_cmpint (zicha_measures_count (db, &filter, &error), ==, 2);
  filter.due_within_days = 20;
  g_assert_cmpint (zicha_measures_count (db, &filter, &error), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) found = zicha_measures_query_ids (db, &filter, 0, FALSE, NULL, &error);
      gboolean in = FALSE;

      for (guint j = 0; j < found->len; j++)
        in |= g_array_index (found, gint64, j) == ids[i];
      g_assert_cmpint (in, ==, cases[i].within_20);
    }
  /* the ledger's filters: a problem is late when a measure is */
  ledger.due = ZICHA_DUE_OVERDUE;
  g_assert_cmpint (zicha_ledger_count (db, &ledger, &error), ==, 1);
  ledger.due = ZICHA_DUE_WITHIN;
  ledger.due_within_days = 10;
  g_assert_cmpint (zicha_ledger_count (db, &ledger, &error), ==, 2);
  ledger.due_within_days = 20;
  g_assert_cmpint (zicha_ledger_count (db, &ledger, &error), ==, 4);
  /* another day: a day later, today's deadline has passed */
  filter.due = ZICHA_DUE_OVERDUE;
  filter.today = "2026-03-16";
  g_assert_cmpint (zicha_measures_count (db, &filter, &error), ==, 2);
  filter.today = "2026-02-30";
  g_assert_cmpint (zicha_measures_count (db, &filter, &error), ==, -1);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  /* the demo's day is "today"; without it, the local date */
  g_assert_true (zicha_db_exec (db, "DELETE FROM settings WHERE key = 'demo-today'", &error));
  zicha_rectification_today (db, today);
  {
    char local[11];

    zicha_today (local);
    g_assert_cmpstr (today, ==, local);
  }
}

/* Links, deletion, updates ---------------------------------------------------------------- */

static void
test_links_and_delete (void)
{
  g_autoptr(ZichaDb) db = open_db ("links.db");
  g_autoptr(GError) error = NULL;
  gint64 a = new_problem (db, "甲"), b = new_problem (db, "乙");
  gint64 id = new_measure (db, a, "王五", "2026-04-01");
  ZichaMeasureDraft draft = {
    .kind = ZICHA_MEASURE_KIND_EXTENSION, .text = "  举一反三排查  ", .department = "",
    .responsible_person_id = "P1", .deadline = "2026-05-01",
  };
  const ZichaMeasure *m;

  g_assert_false (zicha_measures_link_problem (db, id, a, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (zicha_measures_unlink_problem (db, id, a, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (zicha_measures_link_problem (db, id, 999, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (zicha_measures_link_problem (db, id, b, "t", &error));
  m = get (db, id);
  g_assert_cmpuint (m->problem_ids->len, ==, 2);
  g_assert_cmpstr (m->problem_numbers[1], ==, "ZC-2026-002");
  g_assert_false (zicha_measures_unlink_problem (db, id, 999, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (zicha_measures_unlink_problem (db, id, a, "t", &error));
  g_assert_cmpuint (get (db, id)->problem_ids->len, ==, 1);
  g_assert_cmpuint (n_log (db, "measure_problem"), ==, 3);

  /* update: every field, trimmed; a bad date or an empty text changes nothing */
  g_assert_true (zicha_measures_update (db, id, &draft, "t", &error));
  g_assert_no_error (error);
  m = get (db, id);
  g_assert_cmpint (m->kind, ==, ZICHA_MEASURE_KIND_EXTENSION);
  g_assert_cmpstr (m->text, ==, "举一反三排查");
  g_assert_null (m->department);
  g_assert_cmpstr (m->responsible, ==, "Unqualified leader");
  g_assert_cmpstr (m->responsible_person_id, ==, "P1");
  draft.deadline = "2026-02-30";
  g_assert_false (zicha_measures_update (db, id, &draft, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  draft.deadline = NULL;
  draft.text = " ";
  g_assert_false (zicha_measures_update (db, id, &draft, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpstr (get (db, id)->deadline, ==, "2026-05-01");
  g_assert_cmpint (zicha_measures_add (db, &a, 0, &draft, "t", &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);

  /* deleted: out of the lists and the states, kept for the undo; twice is refused */
  drive (db, id, I);
  g_assert_cmpint (state_of (db, b), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
  g_assert_true (zicha_measures_delete (db, id, "t", &error));
  g_assert_nonnull (get (db, id)->deleted_at);
  g_assert_cmpint (state_of (db, b), ==, ZICHA_PROBLEM_OPEN);
  g_assert_cmpint (zicha_measures_count (db, NULL, &error), ==, 0);
  g_assert_false (zicha_measures_delete (db, id, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (move (db, id, D, NONE, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (zicha_measures_undo_delete (db, id, "t", &error));
  g_assert_null (get (db, id)->deleted_at);
  g_assert_cmpint (get (db, id)->status, ==, I);
  g_assert_cmpint (state_of (db, b), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
  g_assert_false (zicha_measures_undo_delete (db, id, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (zicha_measures_get (db, 999, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a problem with a measure may not be deleted */
  g_assert_false (zicha_problems_delete (db, b, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  /* the lists of departments and people */
  {
    g_auto(GStrv) people = zicha_measures_list_people (db, &error);
    g_auto(GStrv) departments = zicha_measures_list_departments (db, &error);

    g_assert_cmpuint (g_strv_length (people), ==, 1);
    g_assert_cmpstr (people[0], ==, "Unqualified leader");
    g_assert_cmpuint (g_strv_length (departments), ==, 0);
  }
}

/* 责令整改 ---------------------------------------------------------------------------------- */

static void
test_org_demand (void)
{
  g_autoptr(ZichaDb) db = open_db ("org.db");
  g_autoptr(GError) error = NULL;
  gint64 problem = new_problem (db, "责令整改");
  gint64 id = new_measure (db, problem, "王五", "2026-04-01");
  ZichaOrgDemand demand = {
    .org_id = "O1", .notice_no = "ZG-2026-01", .notice_on = "2026-03-02",
    .demand = "提交管理评审记录", .deadline = "2026-03-31",
  };
  const ZichaMeasure *m;

  g_assert_false (zicha_measures_set_org_response (db, id, "回复", NULL, NULL, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  demand.org_id = "O9";
  g_assert_false (zicha_measures_set_org_demand (db, id, &demand, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  demand.org_id = "O1";
  g_assert_true (zicha_measures_set_org_demand (db, id, &demand, "t", &error));
  m = get (db, id);
  g_assert_cmpstr (m->org_name, ==, "Org one");
  g_assert_cmpstr (m->notice_no, ==, "ZG-2026-01");
  g_assert_cmpint (m->org_state, ==, ZICHA_ORG_DEMAND_AWAITING);
  {
    ZichaMeasureFilter filter = { .org_only = TRUE };

    g_assert_cmpint (zicha_measures_count (db, &filter, &error), ==, 1);
  }
  /* a follow-up needs a response first */
  g_assert_false (zicha_measures_set_follow_up (db, id, "专项审核", NULL,
                                                ZICHA_CONCLUSION_EFFECTIVE, NULL, "t", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (zicha_measures_set_org_response (db, id, "已整改", "2026-03-20", "照片 3 张",
                                                  "t", &error));
  g_assert_cmpint (get (db, id)->org_state, ==, ZICHA_ORG_DEMAND_RESPONDED);
  drive (db, id, D);
  /* not effective: questions needed; then reopened, the measure back in progress */
  g_assert_false (zicha_measures_set_follow_up (db, id, "专项审核", NULL,
                                                ZICHA_CONCLUSION_NOT_EFFECTIVE, NULL, "t",
                                                &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_true (zicha_measures_set_follow_up (db, id, "专项审核", "2026-03-22",
                                               ZICHA_CONCLUSION_NOT_EFFECTIVE, "记录不全",
                                               "t", &error));
  g_assert_no_error (error);
  m = get (db, id);
  g_assert_cmpint (m->status, ==, I);
  g_assert_cmpstr (m->return_reason, ==, "记录不全");
  g_assert_null (m->org_response);
  g_assert_cmpint (m->org_state, ==, ZICHA_ORG_DEMAND_AWAITING);
  g_assert_cmpstr (m->follow_up_questions, ==, "记录不全");
  /* responded again, effective this time */
  g_assert_true (zicha_measures_set_org_response (db, id, "补充记录", NULL, NULL, "t", &error));
  g_assert_true (zicha_measures_set_follow_up (db, id, "复查", NULL,
                                               ZICHA_CONCLUSION_EFFECTIVE, NULL, "t", &error));
  m = get (db, id);
  g_assert_cmpint (m->org_state, ==, ZICHA_ORG_DEMAND_EFFECTIVE);
  g_assert_cmpstr (m->follow_up_on, ==, TODAY);
  /* verified, it cannot be reopened */
  drive (db, id, V);
  g_assert_false (zicha_measures_set_follow_up (db, id, "再查", NULL,
                                                ZICHA_CONCLUSION_NOT_EFFECTIVE, "问题", "t",
                                                &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (get (db, id)->status, ==, V);
  /* no longer addressed: every field of the demand goes */
  g_assert_true (zicha_measures_set_org_demand (db, id, NULL, "t", &error));
  m = get (db, id);
  g_assert_null (m->org_id);
  g_assert_null (m->follow_up);
  g_assert_cmpint (m->org_state, ==, ZICHA_ORG_DEMAND_NONE);
  g_assert_no_error (error);
}

/* The change history --------------------------------------------------------------------------- */

static void
test_change_log (void)
{
  g_autoptr(ZichaDb) db = open_db ("history.db");
  g_autoptr(GError) error = NULL;
  gint64 problem = new_problem (db, "留痕");
  gint64 id = new_measure (db, problem, "王五", "2026-04-01");
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) log = NULL;
  const ZichaChangeEntry *e;

  drive (db, id, V);
  log = zicha_change_log_list (db, "measure", key, &error);
  g_assert_cmpuint (log->len, ==, 4);
  e = g_ptr_array_index (log, 0);
  g_assert_cmpint (e->action, ==, ZICHA_CHANGE_CREATE);
  g_assert_null (e->old_values);
  g_assert_nonnull (strstr (e->new_values, "\"status\":\"open\""));
  g_assert_cmpstr (e->user_name, ==, "tester");
  e = g_ptr_array_index (log, 3);
  g_assert_cmpint (e->action, ==, ZICHA_CHANGE_UPDATE);
  g_assert_nonnull (strstr (e->old_values, "\"status\":\"done\""));
  g_assert_nonnull (strstr (e->new_values, "\"status\":\"verified\""));
  g_clear_pointer (&log, g_ptr_array_unref);
  log = zicha_change_log_list (db, "measure_problem", key, &error);
  g_assert_cmpuint (log->len, ==, 1);
  e = g_ptr_array_index (log, 0);
  g_assert_nonnull (strstr (e->new_values, "\"problem\":"));
}

/* The measure list ----------------------------------------------------------------------------- */

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_list (void)
{
  g_autoptr(ZichaDb) db = open_db ("list.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaMeasureList) list = NULL;
  gint64 a = new_problem (db, "列表一"), b = new_problem (db, "列表二");
  gint64 late = new_measure (db, a, "王五", "2026-03-01");
  gint64 soon = new_measure (db, b, "P1", "2026-03-20");
  gint64 none = new_measure (db, b, "王五", NULL);
  ZichaMeasureFilter filter = { .problem_id = b };
  guint notified = 0;

  drive (db, soon, I);
  list = zicha_measure_list_new (db);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  {
    g_autoptr(ZichaMeasureRow) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(ZichaMeasureRow) last = g_list_model_get_item (G_LIST_MODEL (list), 2);

    /* by deadline, none last */
    g_assert_cmpint (zicha_measure_row_get_id (first), ==, late);
    g_assert_true (zicha_measure_row_get_measure (first)->overdue);
    g_assert_cmpstr (zicha_measure_row_get_problems (first), ==, "ZC-2026-001");
    g_assert_cmpstr (zicha_measure_row_get_kind_label (first), ==, "Correction");
    g_assert_cmpstr (zicha_measure_row_get_status_label (first), ==, "Not started");
    g_assert_cmpint (zicha_measure_row_get_id (last), ==, none);
  }
  zicha_measure_list_set_filter (list, &filter);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  filter.problem_id = 0;
  filter.statuses = 1u << I;
  zicha_measure_list_set_filter (list, &filter);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  filter.statuses = 0;
  filter.person = "P1";
  zicha_measure_list_set_filter (list, &filter);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  filter.person = "王五";
  filter.text = "审核方案";
  zicha_measure_list_set_filter (list, &filter);
  zicha_measure_list_set_order (list, ZICHA_MEASURE_ORDER_ID, TRUE);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  {
    g_autoptr(ZichaMeasureRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpint (zicha_measure_row_get_id (row), ==, none);
    g_signal_connect (row, "notify::measure", G_CALLBACK (on_notify), &notified);
    drive (db, none, I);
    g_assert_cmpuint (zicha_measure_list_update_measure (list, none), ==, 0);
    g_assert_cmpint (zicha_measure_row_get_measure (row)->status, ==, I);
    g_assert_cmpuint (notified, ==, 1);
    g_assert_cmpuint (zicha_measure_list_update_measure (list, late + 100), ==, G_MAXUINT);
  }
  /* every order runs */
  for (int order = ZICHA_MEASURE_ORDER_DEADLINE; order <= ZICHA_MEASURE_ORDER_PROBLEM; order++)
    {
      g_autoptr(GPtrArray) all = zicha_measures_query (db, NULL, order, order % 2, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (all->len, ==, 3);
    }
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("test-measure-lists");
  g_test_add_func ("/measures/due", test_due);
  g_test_add_func ("/measures/links-and-delete", test_links_and_delete);
  g_test_add_func ("/measures/org-demand", test_org_demand);
  g_test_add_func ("/measures/change-log", test_change_log);
  g_test_add_func ("/measures/list", test_list);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
