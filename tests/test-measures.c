/* test-measures.c — rectification measures: transitions, problem states, verifier, close-out,
 * overdue and due soon, links, deletion, demands to organizations, the measure list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the fixture folder tests/data/rules/risk (person P1 “Unqualified leader”, organizations
 * O1 and O2, certificates R1 to R3) imported through the real importer, with the demo's day
 * set to 2026-03-15 so that "today" is fixed. Evidence, certificates, the ledger and the
 * figures are in test-rectification.c. */
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
#include "zicha-test-utils.h"

#define TODAY "2026-03-15"

static ZichaDb *
open_db (const char *name)
{
  ZichaDb *db = zicha_test_open_db (name);
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "rules", "risk", NULL);
  g_autoptr(GError) error = NULL;

  zicha_test_import (db, folder);
  g_assert_true (zicha_db_set_setting (db, "demo-today", TODAY, &error));
  g_assert_no_error (error);
  return db;
}

static gint64
new_problem (ZichaDb *db, const char *title)
{
  g_autoptr(GError) error = NULL;
  ZichaProblemDraft draft = {
    .area = "legal", .severity = "medium", .title = title,
    .source = ZICHA_PROBLEM_SOURCE_MANUAL, .found_on = "2026-03-01",
  };
  gint64 id = 0;

  zicha_problems_create (db, &draft, NULL, 0, "tester", &id, &error);
  g_assert_no_error (error);
  return id;
}

/* A measure of the problems @problems (0-terminated) owned by @owner (a person id when it
 * starts with P, else a name). */
static gint64
new_measure_of (ZichaDb *db, const gint64 *problems, const char *owner, const char *deadline)
{
  g_autoptr(GError) error = NULL;
  ZichaMeasureDraft draft = {
    .kind = ZICHA_MEASURE_KIND_CORRECTION, .text = "修订审核方案管理程序",
    .department = "认证部", .deadline = deadline,
  };
  guint n = 0;
  gint64 id;

  while (problems[n] != 0)
    n++;
  if (owner != NULL && owner[0] == 'P')
    draft.responsible_person_id = owner;
  else
    draft.responsible = owner;
  id = zicha_measures_add (db, problems, n, &draft, "tester", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
new_measure (ZichaDb *db, gint64 problem, const char *owner, const char *deadline)
{
  gint64 problems[] = { problem, 0 };

  return new_measure_of (db, problems, owner, deadline);
}

static ZichaMeasure *
get (ZichaDb *db, gint64 id)
{
  g_autoptr(GError) error = NULL;
  ZichaMeasure *m = zicha_measures_get (db, id, &error);

  g_assert_no_error (error);
  g_test_queue_destroy ((GDestroyNotify) zicha_measure_free, m);
  return m;
}

static ZichaProblemState
state_of (ZichaDb *db, gint64 problem)
{
  g_autoptr(ZichaProblem) p = zicha_problems_get (db, problem, NULL);

  g_assert_nonnull (p);
  return p->state;
}

static gboolean
move (ZichaDb *db, gint64 id, ZichaMeasureStatus to, ZichaConclusion conclusion,
      const char *reason, GError **error)
{
  ZichaMeasureTransition t = { .verifier = "李四", .conclusion = conclusion, .reason = reason };

  return zicha_measures_set_status (db, id, to, &t, "tester", error);
}

/* Drives the measure along the legal path to @status. */
static void
drive (ZichaDb *db, gint64 id, ZichaMeasureStatus status)
{
  static const ZichaMeasureStatus path[] = { ZICHA_MEASURE_IN_PROGRESS, ZICHA_MEASURE_DONE,
                                             ZICHA_MEASURE_VERIFIED };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (path) && get (db, id)->status < status; i++)
    if (get (db, id)->status < path[i])
      {
        g_assert_true (move (db, id, path[i], ZICHA_CONCLUSION_NONE, NULL, &error));
        g_assert_no_error (error);
      }
  g_assert_cmpint (get (db, id)->status, ==, status);
}

static guint
n_log (ZichaDb *db, const char *entity)
{
  g_autoptr(GPtrArray) entries = zicha_change_log_list (db, entity, NULL, NULL);

  g_assert_nonnull (entries);
  return entries->len;
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

/* Closed out, then a measure added, linked or restored: the close-out goes, the history keeps it. */
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
  g_test_add_func ("/measures/due", test_due);
  g_test_add_func ("/measures/links-and-delete", test_links_and_delete);
  g_test_add_func ("/measures/org-demand", test_org_demand);
  g_test_add_func ("/measures/change-log", test_change_log);
  g_test_add_func ("/measures/list", test_list);

  {
    int status = g_test_run ();

    zicha_test_home_remove ();
    return status;
  }
}
