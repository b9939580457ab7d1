/* test-measures.c — rectification measures: every transition, the problem states they make,
 * the verifier, the close-out and what undoes it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the fixture folder tests/data/rules/risk (person P1 “Unqualified leader”, organizations
 * O1 and O2, certificates R1 to R3) imported through the real importer, with the demo's day
 * set to 2026-03-15 so that "today" is fixed. Evidence, certificates, the ledger and the
 * figures are in test-rectification.c; due dates, links and lists in test-measure-lists.c. */
#define G_LOG_DOMAIN "test-measures"

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

/* Transitions ------------------------------------------------------------------------------- */

#define O ZICHA_MEASURE_OPEN
#define I ZICHA_MEASURE_IN_PROGRESS
#define D ZICHA_MEASURE_DONE
#define V ZICHA_MEASURE_VERIFIED
#define NONE ZICHA_CONCLUSION_NONE
#define EFF ZICHA_CONCLUSION_EFFECTIVE
#define NOT ZICHA_CONCLUSION_NOT_EFFECTIVE
#define OK (-1)

static void
test_transitions (void)
{
  static const struct
  {
    ZichaMeasureStatus from, to;
    ZichaConclusion    conclusion;
    const char        *reason;
    int                code;        /* OK or the ZichaError */
  } cases[] = {
    { O, O, NONE, NULL, ZICHA_ERROR_FAILED },
    { O, I, NONE, NULL, OK },
    { O, D, NONE, NULL, ZICHA_ERROR_FAILED },
    { O, V, NONE, NULL, ZICHA_ERROR_FAILED },
    { O, V, EFF, NULL, ZICHA_ERROR_FAILED },
    { I, O, NONE, NULL, ZICHA_ERROR_FAILED },
    { I, I, NONE, NULL, ZICHA_ERROR_FAILED },
    { I, D, NONE, NULL, OK },
    { I, V, EFF, NULL, ZICHA_ERROR_FAILED },
    { D, O, NONE, NULL, ZICHA_ERROR_FAILED },
    { D, I, NONE, "理由", ZICHA_ERROR_FAILED },
    { D, I, EFF, "理由", ZICHA_ERROR_FAILED },
    { D, I, NOT, NULL, ZICHA_ERROR_USAGE },
    { D, I, NOT, "  ", ZICHA_ERROR_USAGE },
    { D, I, NOT, "未覆盖全部证书", OK },
    { D, D, NONE, NULL, ZICHA_ERROR_FAILED },
    { D, V, NONE, NULL, OK },
    { D, V, EFF, NULL, OK },
    { D, V, NOT, "理由", ZICHA_ERROR_FAILED },
    { V, O, NONE, NULL, ZICHA_ERROR_FAILED },
    { V, I, NOT, "理由", ZICHA_ERROR_FAILED },
    { V, I, NONE, NULL, ZICHA_ERROR_FAILED },
    { V, D, NONE, NULL, ZICHA_ERROR_FAILED },
    { V, V, EFF, NULL, ZICHA_ERROR_FAILED },
  };
  g_autoptr(ZichaDb) db = open_db ("transitions.db");
  gint64 problem = new_problem (db, "状态转换");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = new_measure (db, problem, "王五", "2026-04-01");
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL, *after = NULL;
      guint logged;
      gboolean ok;

      drive (db, id, cases[i].from);
      before = zicha_change_log_row_json (db, "measures", id);
      logged = n_log (db, NULL);
      ok = move (db, id, cases[i].to, cases[i].conclusion, cases[i].reason, &error);
      after = zicha_change_log_row_json (db, "measures", id);
      g_test_message ("case %u: %d → %d", i, cases[i].from, cases[i].to);
      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (get (db, id)->status, ==, cases[i].to);
          g_assert_cmpuint (n_log (db, NULL), >, logged);
          g_assert_true (zicha_measure_status_can_follow (cases[i].from, cases[i].to));
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, ZICHA_ERROR, cases[i].code);
      /* nothing changed, nothing logged */
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (n_log (db, NULL), ==, logged);
      if (cases[i].code == ZICHA_ERROR_FAILED)
        {
          g_autofree char *name = g_strdup_printf ("measure %" G_GINT64_FORMAT " “",
                                                   id);
          g_autofree char *from = g_strdup_printf ("from “%s”",
                                                   zicha_measure_status_get_label (cases[i].from));
          g_autofree char *to = g_strdup_printf ("to “%s”",
                                                 zicha_measure_status_get_label (cases[i].to));

          g_assert_nonnull (strstr (error->message, name));
          g_assert_nonnull (strstr (error->message, from));
          g_assert_nonnull (strstr (error->message, to));
        }
    }
  /* the table of DOMAIN.md, exactly */
  for (int from = O; from <= V; from++)
    for (int to = O; to <= V; to++)
      g_assert_cmpint (zicha_measure_status_can_follow (from, to), ==,
                       (from == O && to == I) || (from == I && to == D)
                       || (from == D && to == V) || (from == D && to == I));
}

static void
test_sent_back (void)
{
  g_autoptr(ZichaDb) db = open_db ("sent-back.db");
  g_autoptr(GError) error = NULL;
  gint64 problem = new_problem (db, "退回");
  gint64 id = new_measure (db, problem, "王五", "2026-04-01");
  ZichaMeasureTransition done = { .on = "2026-03-10", .note = "已完成" };
  ZichaMeasureTransition back = {
    .on = "2026-03-12", .note = "抽查两份", .verifier = "李四",
    .conclusion = ZICHA_CONCLUSION_NOT_EFFECTIVE, .reason = "未覆盖分包证书",
  };
  const ZichaMeasure *m;

  drive (db, id, I);
  g_assert_true (zicha_measures_set_status (db, id, D, &done, "王五", &error));
  m = get (db, id);
  g_assert_cmpstr (m->done_on, ==, "2026-03-10");
  g_assert_cmpstr (m->done_note, ==, "已完成");
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
  g_assert_true (zicha_measures_set_status (db, id, I, &back, "李四", &error));
  g_assert_no_error (error);
  m = get (db, id);
  g_assert_cmpint (m->status, ==, I);
  g_assert_null (m->done_on);
  g_assert_cmpint (m->conclusion, ==, ZICHA_CONCLUSION_NOT_EFFECTIVE);
  g_assert_cmpstr (m->return_reason, ==, "未覆盖分包证书");
  g_assert_cmpstr (m->verifier, ==, "李四");
  g_assert_cmpstr (m->verified_on, ==, "2026-03-12");
  g_assert_cmpstr (m->verification_note, ==, "抽查两份");
  /* the history keeps the completion that went */
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_autoptr(GPtrArray) log = zicha_change_log_list (db, "measure", key, NULL);
    const ZichaChangeEntry *last = g_ptr_array_index (log, log->len - 1);

    g_assert_nonnull (strstr (last->old_values, "\"done_on\":\"2026-03-10\""));
    g_assert_nonnull (strstr (last->new_values, "\"done_on\":null"));
    g_assert_cmpstr (last->user_name, ==, "李四");
  }
  /* done again, then verified effective: the state follows */
  drive (db, id, V);
  g_assert_cmpint (get (db, id)->conclusion, ==, ZICHA_CONCLUSION_EFFECTIVE);
  g_assert_cmpstr (get (db, id)->verified_on, ==, TODAY);
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_AWAITING_CLOSEOUT);
}

/* Problem states ---------------------------------------------------------------------------- */

static void
test_problem_states (void)
{
  static const struct { const char *measures; ZichaProblemState state; } cases[] = {
    { "", ZICHA_PROBLEM_OPEN },
    { "O", ZICHA_PROBLEM_OPEN },
    { "OO", ZICHA_PROBLEM_OPEN },
    { "I", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "OI", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "D", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "OD", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "ID", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "DD", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "VO", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "VI", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "VD", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "OIDV", ZICHA_PROBLEM_IN_RECTIFICATION },
    { "V", ZICHA_PROBLEM_AWAITING_CLOSEOUT },
    { "VV", ZICHA_PROBLEM_AWAITING_CLOSEOUT },
  };
  g_autoptr(ZichaDb) db = open_db ("states.db");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 problem = new_problem (db, *cases[i].measures != '\0' ? cases[i].measures
                                                                  : "无措施");

      for (const char *c = cases[i].measures; *c != '\0'; c++)
        drive (db, new_measure (db, problem, "王五", "2026-04-01"),
               *c == 'O' ? O : *c == 'I' ? I : *c == 'D' ? D : V);
      g_assert_cmpint (state_of (db, problem), ==, cases[i].state);
      /* withdrawn, whatever the measures say */
      g_assert_true (zicha_problems_withdraw (db, problem, "不成立", "王五", &error));
      g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_WITHDRAWN);
      g_assert_true (zicha_problems_undo_withdraw (db, problem, "王五", &error));
      g_assert_cmpint (state_of (db, problem), ==, cases[i].state);
      g_assert_no_error (error);
    }

  /* a measure shared by two problems moves both */
  {
    gint64 a = new_problem (db, "共用一"), b = new_problem (db, "共用二");
    gint64 both[] = { a, b, 0 };
    gint64 shared = new_measure_of (db, both, "王五", "2026-04-01");
    gint64 own = new_measure (db, a, "王五", "2026-04-01");

    g_assert_cmpint (state_of (db, a), ==, ZICHA_PROBLEM_OPEN);
    drive (db, shared, D);
    g_assert_cmpint (state_of (db, a), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
    g_assert_cmpint (state_of (db, b), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
    drive (db, shared, V);
    g_assert_cmpint (state_of (db, a), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
    g_assert_cmpint (state_of (db, b), ==, ZICHA_PROBLEM_AWAITING_CLOSEOUT);
    drive (db, own, V);
    g_assert_cmpint (state_of (db, a), ==, ZICHA_PROBLEM_AWAITING_CLOSEOUT);
    /* a withdrawn problem takes no measure */
    g_assert_true (zicha_problems_withdraw (db, b, "重复", "王五", &error));
    g_assert_cmpint (zicha_measures_add (db, &b, 1, &(ZichaMeasureDraft) {
                       .kind = ZICHA_MEASURE_KIND_EXTENSION, .text = "x" }, "t", &error), ==, 0);
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
    g_clear_error (&error);
  }
}

/* Close-out ---------------------------------------------------------------------------------- */

static void
test_closeout (void)
{
  g_autoptr(ZichaDb) db = open_db ("closeout.db");
  g_autoptr(GError) error = NULL;
  gint64 problem = new_problem (db, "销号");
  gint64 by_name = new_measure (db, problem, "王五", "2026-04-01");
  gint64 by_id = new_measure (db, problem, "P1", "2026-04-01");
  g_autoptr(ZichaProblem) p = NULL;

  /* not awaiting close-out: refused, whatever the state */
  g_assert_false (zicha_rectification_close_out (db, problem, NULL, NULL, "赵六", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Not rectified"));
  g_clear_error (&error);
  drive (db, by_name, V);
  g_assert_false (zicha_rectification_close_out (db, problem, NULL, NULL, "赵六", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  drive (db, by_id, V);
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_AWAITING_CLOSEOUT);

  /* not by a responsible person: their name, or their person id */
  g_assert_false (zicha_rectification_close_out (db, problem, NULL, NULL, "王五", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "王五"));
  g_clear_error (&error);
  g_assert_false (zicha_rectification_close_out (db, problem, NULL, NULL, "Unqualified leader",
                                                 &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (zicha_rectification_close_out (db, problem, NULL, NULL, "P1", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (zicha_rectification_close_out (db, problem, NULL, NULL, "  ", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_rectification_close_out (db, problem, "2026-13-01", NULL, "赵六",
                                                 &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_AWAITING_CLOSEOUT);

  g_assert_true (zicha_rectification_close_out (db, problem, "2026-03-14", "整改到位", "赵六",
                                                &error));
  g_assert_no_error (error);
  p = zicha_problems_get (db, problem, NULL);
  g_assert_cmpint (p->state, ==, ZICHA_PROBLEM_CLOSED);
  g_assert_cmpstr (p->closed_at, ==, "2026-03-14");
  g_assert_cmpstr (p->closed_by, ==, "赵六");
  g_assert_cmpstr (p->closeout_note, ==, "整改到位");
  g_assert_false (zicha_rectification_close_out (db, problem, NULL, NULL, "赵六", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);

  /* undone: awaiting again; undoing twice fails */
  g_assert_true (zicha_rectification_undo_close_out (db, problem, "赵六", &error));
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_AWAITING_CLOSEOUT);
  g_assert_false (zicha_rectification_undo_close_out (db, problem, "赵六", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  /* today by default */
  g_assert_true (zicha_rectification_close_out (db, problem, NULL, NULL, "赵六", &error));
  g_clear_pointer (&p, zicha_problem_free);
  p = zicha_problems_get (db, problem, NULL);
  g_assert_cmpstr (p->closed_at, ==, TODAY);
}

/* Closed out, then a measure added, linked or restored: the close-out goes, the history keeps
 * it. */
static void
test_closeout_undone (void)
{
  g_autoptr(ZichaDb) db = open_db ("reopen.db");
  g_autoptr(GError) error = NULL;
  gint64 problem = new_problem (db, "重开");
  gint64 other = new_problem (db, "别的");
  gint64 first = new_measure (db, problem, "王五", "2026-04-01");
  gint64 elsewhere = new_measure (db, other, "王五", "2026-04-01");
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, problem);
  g_autoptr(GPtrArray) log = NULL;
  const ZichaChangeEntry *last;
  gint64 added;

  drive (db, first, V);
  g_assert_true (zicha_rectification_close_out (db, problem, "2026-03-10", "好", "赵六", &error));
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_CLOSED);

  /* a measure added */
  added = new_measure (db, problem, "王五", "2026-04-01");
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
  {
    g_autoptr(ZichaProblem) p = zicha_problems_get (db, problem, NULL);

    g_assert_null (p->closed_at);
    g_assert_null (p->closeout_note);
  }
  log = zicha_change_log_list (db, "problem", key, NULL);
  last = g_ptr_array_index (log, log->len - 1);
  g_assert_cmpint (last->action, ==, ZICHA_CHANGE_UPDATE);
  g_assert_nonnull (strstr (last->old_values, "\"closed_at\":\"2026-03-10\""));
  g_assert_nonnull (strstr (last->new_values, "\"closed_at\":null"));
  g_clear_pointer (&log, g_ptr_array_unref);

  /* deleted again: awaiting (the close-out does not come back by itself) */
  g_assert_true (zicha_measures_delete (db, added, "赵六", &error));
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_AWAITING_CLOSEOUT);
  g_assert_true (zicha_rectification_close_out (db, problem, NULL, NULL, "赵六", &error));
  /* the deletion undone: the measure is back, the close-out goes */
  g_assert_true (zicha_measures_undo_delete (db, added, "赵六", &error));
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
  g_assert_true (zicha_measures_delete (db, added, "赵六", &error));
  g_assert_true (zicha_rectification_close_out (db, problem, NULL, NULL, "赵六", &error));

  /* a measure in progress linked to it */
  drive (db, elsewhere, I);
  g_assert_true (zicha_measures_link_problem (db, elsewhere, problem, "赵六", &error));
  g_assert_no_error (error);
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_IN_RECTIFICATION);
  g_assert_true (zicha_measures_unlink_problem (db, elsewhere, problem, "赵六", &error));
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_AWAITING_CLOSEOUT);

  /* every measure deleted: open, and no close-out */
  g_assert_true (zicha_rectification_close_out (db, problem, NULL, NULL, "赵六", &error));
  g_assert_true (zicha_measures_delete (db, first, "赵六", &error));
  g_assert_cmpint (state_of (db, problem), ==, ZICHA_PROBLEM_OPEN);
  {
    g_autoptr(ZichaProblem) p = zicha_problems_get (db, problem, NULL);

    g_assert_null (p->closed_at);
  }
  g_assert_no_error (error);
}

/* Verifier ---------------------------------------------------------------------------------- */

static void
test_verifier (void)
{
  g_autoptr(ZichaDb) db = open_db ("verifier.db");
  g_autoptr(GError) error = NULL;
  gint64 problem = new_problem (db, "验证人");
  gint64 by_id = new_measure (db, problem, "P1", "2026-04-01");
  gint64 by_name = new_measure (db, problem, "王五", "2026-04-01");
  ZichaMeasureTransition t = { 0 };

  drive (db, by_id, D);
  drive (db, by_name, D);
  /* the responsible person by person id, by their name, or as the user */
  t.verifier_person_id = "P1";
  g_assert_false (zicha_measures_set_status (db, by_id, V, &t, "someone", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Unqualified leader"));
  g_clear_error (&error);
  t.verifier_person_id = NULL;
  t.verifier = "Unqualified leader";
  g_assert_false (zicha_measures_set_status (db, by_id, V, &t, "someone", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  t.verifier = NULL;
  g_assert_false (zicha_measures_set_status (db, by_name, V, &t, "王五", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (get (db, by_name)->status, ==, D);
  /* an unknown person id */
  t.verifier_person_id = "P404";
  g_assert_false (zicha_measures_set_status (db, by_name, V, &t, "赵六", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* anyone else: the user by default, a person of the body, a free name */
  t.verifier_person_id = NULL;
  g_assert_true (zicha_measures_set_status (db, by_name, V, &t, "赵六", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (get (db, by_name)->verifier, ==, "赵六");
  t.verifier = "王五";
  g_assert_true (zicha_measures_set_status (db, by_id, V, &t, "Unqualified leader", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (get (db, by_id)->verifier, ==, "王五");

  /* the other way round: a person of the body verifies a free name's measure */
  {
    gint64 third = new_measure (db, problem, "王五", "2026-04-01");

    drive (db, third, D);
    t.verifier = NULL;
    t.verifier_person_id = "P1";
    g_assert_true (zicha_measures_set_status (db, third, V, &t, "王五", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (get (db, third)->verifier_person_id, ==, "P1");
    g_assert_cmpstr (get (db, third)->verifier, ==, "Unqualified leader");
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("test-measures");

  g_test_add_func ("/measures/transitions", test_transitions);
  g_test_add_func ("/measures/sent-back", test_sent_back);
  g_test_add_func ("/measures/problem-states", test_problem_states);
  g_test_add_func ("/measures/closeout", test_closeout);
  g_test_add_func ("/measures/closeout-undone", test_closeout_undone);
  g_test_add_func ("/measures/verifier", test_verifier);

  {
    int status = g_test_run ();

    zicha_test_home_remove ();
    return status;
  }
}
