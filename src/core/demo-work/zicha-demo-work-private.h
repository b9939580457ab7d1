/* zicha-demo-work-private.h — what the files of demo-work/ share (demo-work only)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-demo-work.c checks the database, finds the people and runs the whole in one enclosing
 * transaction; zicha-demo-work-plan.c makes the plan, its checklist and its sample;
 * zicha-demo-work-ledger.c triages the risk leads and keeps the problem ledger. */
#pragma once

#include "zicha-db-private.h"
#include "zicha-demo-work.h"

G_BEGIN_DECLS

/* The quality staff of the plan, by what they do in it. */
enum
{
  DEMO_STAFF_LEAD,        /* 组长: the head of the quality department */
  DEMO_STAFF_DATA,        /* risk data analysis: triage */
  DEMO_STAFF_FILES,       /* file review: checklist and sample */
  DEMO_STAFF_VISITS,      /* visits to certified organizations */
  DEMO_N_STAFF
};

typedef struct
{
  ZichaDb             *db;
  char                 today[11];
  gint                 today_day;          /* zicha_day_from_string (today) */
  gint                 year;
  char                *leader_id;          /* 负责领导, a person of the body */
  char                *leader;
  char                *staff_id[DEMO_N_STAFF];
  char                *staff[DEMO_N_STAFF];
  char                *responsible;        /* 责任人 of the problems of the audit department */
  gint64               plan;
  gint64               checklist_item;     /* the checklist item that is not conforming */
  gint64               problem_audit_time; /* of several leads: the cause analysis */
  gint64               problem_scope;      /* 举一反三 that raises problems */
  gint64               problem_codes;      /* 举一反三 that finds none */
  gint64               sample_item;        /* the sample item that is not conforming */
  ZichaDemoWorkResult *result;
} DemoWork;

/* @offset days from today, into @out. */
void      _zicha_demo_work_day       (DemoWork    *work,
                                      gint         offset,
                                      char         out[11]);

/* zicha-demo-work-plan.c: the plan with its staff and milestones and its checklist worked
 * on (sets work->plan and checklist_item); then, after triage, a sample drawn and partly
 * reviewed (sets sample_item). */
gboolean  _zicha_demo_work_plan      (DemoWork    *work,
                                      GError     **error);
gboolean  _zicha_demo_work_sample    (DemoWork    *work,
                                      GError     **error);
/* zicha-demo-work-ledger.c: the risk leads triaged into the ledger; then the problems of the
 * checklist, the sample and by hand, a cause analysis and 举一反三. */
gboolean  _zicha_demo_work_triage    (DemoWork    *work,
                                      GError     **error);
gboolean  _zicha_demo_work_problems  (DemoWork    *work,
                                      GError     **error);

G_END_DECLS
