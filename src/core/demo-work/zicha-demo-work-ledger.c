/* zicha-demo-work-ledger.c — the demo's risk leads triaged and its problem ledger
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triage, by the risk data analyst: the short audit times (AUDIT_TIME_SHORT, up to three
 * leads) confirmed as one problem, with a lead of an understated head count joining it; one
 * lead of a rule of each focus area confirmed as a problem of its own; a lead of excessive
 * expenses confirmed, then withdrawn (不成立) on a second look; leads of four rules
 * dismissed with the reasons a body would give. Leads are taken open, in the default order
 * of the hits (severity, rule, key), so the same body gives the same choices.
 *
 * Then the problems of the other sources: the checklist point found not conforming, the
 * sampled certificate found not conforming, one entered by hand; a full cause analysis of the
 * audit-time problem (categories, a 5-why chain, free text) and a short one of the sample's;
 * 举一反三 from the problem of certification beyond the approved scope, which raises linked
 * problems for other leads of its rule, and from the problem of scope codes without
 * competence, recorded as 已排查，无同类问题.
 */
#define G_LOG_DOMAIN "zicha-demo-work"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-checklist.h"
#include "zicha-demo-work-private.h"
#include "zicha-error.h"
#include "zicha-hits.h"
#include "zicha-problems.h"
#include "zicha-sampling.h"
#include "zicha-similar.h"

/* The open leads of @rule in the default order (ZichaHit*). */
static GPtrArray *
open_leads (DemoWork   *work,
            const char *rule,
            GError    **error)
{
  ZichaHitFilter filter = { .rule = rule, .status = "open" };

  return zicha_hits_query (work->db, &filter, error);
}

static gboolean
no_leads (const char *rule,
          GError    **error)
{
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
               /* Translators: %s is a rule id, AUDIT_TIME_SHORT */
               _("The demo’s self-inspection needs open risk leads of the rule %s"), rule);
  return FALSE;
}

/* Confirms the first @n open leads of @rule as a new problem found @found days from today
 * with @draft's fields (may be NULL); its id in @out_problem (may be NULL). */
static gboolean
confirm_new (DemoWork          *work,
             const char        *rule,
             guint              n,
             gint               found,
             ZichaProblemDraft *draft,
             const char        *note,
             gint64            *out_problem,
             GError           **error)
{
  g_autoptr(GPtrArray) leads = open_leads (work, rule, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ZichaProblemDraft none = { 0 };
  char found_on[11];

  if (leads == NULL)
    return FALSE;
  if (leads->len == 0)
    return no_leads (rule, error);
  for (guint i = 0; i < leads->len && i < n; i++)
    g_array_append_val (ids, ((ZichaHit *) g_ptr_array_index (leads, i))->id);
  if (draft == NULL)
    draft = &none;
  _zicha_demo_work_day (work, found, found_on);
  draft->found_on = found_on;
  return zicha_problems_confirm_hits_as (work->db, (const gint64 *) ids->data, ids->len, draft,
                                         note, work->staff[DEMO_STAFF_DATA], out_problem,
                                         error);
}

/* One problem of its own for a lead of a rule of each focus area. */
static const struct
{
  const char *rule;
  gint        found;
  const char *department;
} singles[] = {
  { "SCOPE_NOT_APPROVED", -42, N_("Certification Decision Department") },
  { "AUDITOR_NOT_QUALIFIED", -38, N_("Audit Management Department") },
  { "WATCHLIST_NO_ACTION", -33, N_("Certification Decision Department") },
  { "CODE_WITHOUT_COMPETENCE", -30, N_("Human Resources Department") },
};

/* Leads dismissed, and why. */
static const struct
{
  const char *rule;
  guint       n;
  const char *reason;
} dismissals[] = {
  { "CHECKIN_MISSING", 1,
    N_("The team sent photographs and the organization's sign-in sheet: the check-in app "
       "failed to upload that day.") },
  { "CHECKIN_FAR", 1,
    N_("The check-in was at the organization's second production site, which the audit "
       "covered.") },
  { "RECORDS_LATE", 2,
    N_("Filed on time on paper; the date in the file system is when the files were "
       "scanned.") },
  { "REPORTED_LATE", 1,
    N_("Reported in time through the national certification information platform; the "
       "export date differs.") },
};

gboolean
_zicha_demo_work_triage (DemoWork *work,
                         GError  **error)
{
  const char *analyst = work->staff[DEMO_STAFF_DATA];
  ZichaProblemDraft draft = { 0 };
  gint64 withdrawn = 0;

  /* several leads, one problem; a lead of another rule joins it */
  draft.title = _("Audit time below IAF MD 5 in several audits");
  draft.department = _("Audit Management Department");
  draft.responsible = work->responsible;
  if (!confirm_new (work, "AUDIT_TIME_SHORT", 3, -44, &draft,
                    _("The same shortfall in several audits: one problem"), &work->problem_audit_time,
                    error))
    return FALSE;
  {
    g_autoptr(GPtrArray) leads = open_leads (work, "PERSONNEL_UNDERSTATED", error);

    if (leads == NULL)
      return FALSE;
    if (leads->len == 0)
      return no_leads ("PERSONNEL_UNDERSTATED", error);
    if (!zicha_problems_confirm_hits (work->db, &((ZichaHit *) g_ptr_array_index (leads, 0))->id,
                                      1, work->problem_audit_time,
                                      _("The understated head count is why the audit time "
                                        "fell short"), analyst, NULL, error))
      return FALSE;
  }

  for (guint i = 0; i < G_N_ELEMENTS (singles); i++)
    {
      ZichaProblemDraft single = { .department = _(singles[i].department) };
      gint64 id = 0;

      if (!confirm_new (work, singles[i].rule, 1, singles[i].found, &single, NULL, &id, error))
        return FALSE;
      if (i == 0)
        work->problem_scope = id;
      else if (i == G_N_ELEMENTS (singles) - 1)
        work->problem_codes = id;
    }

  /* confirmed, then found not to be a problem */
  if (!confirm_new (work, "EXPENSE_EXCESSIVE", 1, -36, NULL, NULL, &withdrawn, error)
      || !zicha_problems_withdraw (work->db, withdrawn,
                                   _("Checked again: the travel costs were approved under the "
                                     "expense rules and the auditor paid the excess; not a "
                                     "problem."),
                                   work->staff[DEMO_STAFF_LEAD], error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (dismissals); i++)
    {
      g_autoptr(GPtrArray) leads = open_leads (work, dismissals[i].rule, error);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (leads == NULL)
        return FALSE;
      for (guint j = 0; j < leads->len && j < dismissals[i].n; j++)
        g_array_append_val (ids, ((ZichaHit *) g_ptr_array_index (leads, j))->id);
      if (ids->len == 0)
        return no_leads (dismissals[i].rule, error);
      if (!zicha_hits_dismiss_many (work->db, (const gint64 *) ids->data, ids->len,
                                    _(dismissals[i].reason), analyst, error))
        return FALSE;
    }
  return TRUE;
}

/* Problems of the other sources ------------------------------------------------------------ */

static gboolean
from_checklist (DemoWork *work,
                GError  **error)
{
  g_autoptr(ZichaChecklistItem) item = zicha_checklist_get (work->db, work->checklist_item,
                                                            error);
  ZichaProblemDraft draft = { 0 };
  char found_on[11];

  if (item == NULL)
    return FALSE;
  _zicha_demo_work_day (work, -10, found_on);
  draft.area = "capability";
  draft.severity = "medium";
  draft.title = _("Keeping and backing up electronic certification files not laid down");
  draft.description = item->notes;
  draft.source = ZICHA_PROBLEM_SOURCE_CHECKLIST;
  draft.clause = item->text;
  draft.checklist_item = item->id;
  draft.found_by = work->staff[DEMO_STAFF_LEAD];
  draft.found_on = found_on;
  draft.department = _("Quality Management Department");
  draft.responsible = work->staff[DEMO_STAFF_LEAD];
  return zicha_problems_create (work->db, &draft, NULL, 0, work->staff[DEMO_STAFF_LEAD], NULL,
                                error);
}

static gboolean
from_sample (DemoWork *work,
             GError  **error)
{
  g_autoptr(ZichaSampleItem) item = zicha_sampling_get_item (work->db, work->sample_item, error);
  ZichaProblemRecord record = { .record_type = (char *) "certificates" };
  ZichaProblemDraft draft = { 0 };
  g_autofree char *title = NULL;
  const char * const categories[] = { NC_("cause category", "Process control"), NULL };
  char found_on[11];
  gint64 id = 0;

  if (item == NULL)
    return FALSE;
  /* Translators: %s is a certificate's number */
  title = g_strdup_printf (_("File review of certificate %s: on-site time in the report "
                             "differs from the check-ins"), item->cert_no);
  record.record_key = item->cert_no;
  _zicha_demo_work_day (work, -20, found_on);
  draft.area = "legal";
  draft.severity = "medium";
  draft.title = title;
  draft.description = item->notes;
  draft.source = ZICHA_PROBLEM_SOURCE_SAMPLE;
  draft.sample_item = item->id;
  draft.found_by = work->staff[DEMO_STAFF_FILES];
  draft.found_on = found_on;
  draft.department = _("Audit Management Department");
  draft.responsible = work->responsible;
  return zicha_problems_create (work->db, &draft, &record, 1, work->staff[DEMO_STAFF_FILES], &id,
                                error)
         && zicha_problems_set_cause_analysis (work->db, id, categories, NULL, 0,
                                               _("The team leader wrote the planned time into "
                                                 "the report instead of the time spent on "
                                                 "site."),
                                               work->staff[DEMO_STAFF_LEAD], error);
}

static gboolean
by_hand (DemoWork *work,
         GError  **error)
{
  ZichaProblemDraft draft = { 0 };
  char found_on[11];

  _zicha_demo_work_day (work, -18, found_on);
  draft.area = "capability";
  draft.severity = "low";
  draft.title = _("The internal audit of the year left out two certification schemes");
  draft.description = _("The internal audit programme covered quality and environmental "
                        "management systems only; food safety and information security were "
                        "not audited.");
  draft.source = ZICHA_PROBLEM_SOURCE_MANUAL;
  draft.found_by = work->staff[DEMO_STAFF_LEAD];
  draft.found_on = found_on;
  draft.department = _("Quality Management Department");
  draft.responsible = work->staff[DEMO_STAFF_LEAD];
  return zicha_problems_create (work->db, &draft, NULL, 0, work->staff[DEMO_STAFF_LEAD], NULL,
                                error);
}

static const struct
{
  const char *why;
  const char *because;
} whys[] = {
  { N_("Why were fewer auditor days spent than IAF MD 5 asks?"),
    N_("The audit programmes took the days from the quotation, not from the effective number "
       "of personnel.") },
  { N_("Why from the quotation?"),
    N_("Sales fixed the days with the contract, and nobody in audit management checked "
       "them.") },
  { N_("Why did nobody check them?"),
    N_("The procedure for audit programmes has no step where the days are checked against "
       "IAF MD 5.") },
  { N_("Why does the procedure have no such step?"),
    N_("It was written before IAF MD 5 was made mandatory and was not revised since.") },
};

static gboolean
analyse_audit_time (DemoWork *work,
                    GError  **error)
{
  const char * const categories[] = { NC_("cause category", "Inadequate procedures"),
                                      NC_("cause category", "Supervision and checks"), NULL };
  ZichaProblemWhy chain[G_N_ELEMENTS (whys)];

  for (guint i = 0; i < G_N_ELEMENTS (whys); i++)
    {
      chain[i].why = (char *) _(whys[i].why);
      chain[i].because = (char *) _(whys[i].because);
    }
  return zicha_problems_set_cause_analysis (
           work->db, work->problem_audit_time, categories, chain, G_N_ELEMENTS (chain),
           _("Audit time is planned without an independent check, and the procedure does not "
             "cover the IAF MD 5 calculation. The procedure is to be revised, a check of the "
             "days added before each audit, and the planners trained."),
           work->staff[DEMO_STAFF_LEAD], error);
}

/* 举一反三 from the scope problem: linked problems for (up to two of) the first group's
 * records that may be raised — records, or leads still open. */
static gboolean
extend_raised (DemoWork *work,
               GError  **error)
{
  g_autoptr(GPtrArray) groups = zicha_similar_find (work->db, work->problem_scope, error);

  if (groups == NULL)
    return FALSE;
  for (guint g = 0; g < groups->len; g++)
    {
      const ZichaSimilarGroup *group = g_ptr_array_index (groups, g);
      g_autoptr(GArray) chosen = g_array_new (FALSE, TRUE, sizeof (ZichaSimilarRecord));

      for (guint r = 0; r < group->records->len && chosen->len < 2; r++)
        {
          const ZichaSimilarRecord *record = g_ptr_array_index (group->records, r);

          if (record->hit != 0)
            {
              g_autoptr(ZichaHit) hit = zicha_hits_get (work->db, record->hit, error);

              if (hit == NULL)
                return FALSE;
              if (hit->status != ZICHA_HIT_OPEN)
                continue;
            }
          g_array_append_val (chosen, *record);
        }
      if (chosen->len > 0)
        return zicha_similar_raise (work->db, work->problem_scope, group->kind, group->key,
                                    (const ZichaSimilarRecord *) chosen->data, chosen->len,
                                    work->staff[DEMO_STAFF_DATA], NULL, NULL, error);
    }
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                       _("The demo’s self-inspection found no similar case to extend a "
                         "problem to"));
  return FALSE;
}

/* 举一反三 from the codes problem: one key checked and found clean, an empty group if there
 * is one. */
static gboolean
extend_none_found (DemoWork *work,
                   GError  **error)
{
  g_autoptr(GPtrArray) groups = zicha_similar_find (work->db, work->problem_codes, error);
  const ZichaSimilarGroup *group = NULL;

  if (groups == NULL)
    return FALSE;
  for (guint g = 0; g < groups->len && group == NULL; g++)
    if (((ZichaSimilarGroup *) g_ptr_array_index (groups, g))->records->len == 0)
      group = g_ptr_array_index (groups, g);
  if (group == NULL && groups->len > 0)
    group = g_ptr_array_index (groups, 0);
  if (group == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                           _("The demo’s self-inspection found no similar case to extend a "
                             "problem to"));
      return FALSE;
    }
  return zicha_similar_record_none_found (work->db, work->problem_codes, group->kind, group->key,
                                          work->staff[DEMO_STAFF_DATA], NULL, error);
}

static gboolean
count (DemoWork *work,
       GError  **error)
{
  ZichaHitFilter confirmed = { .status = "confirmed" };
  ZichaHitFilter dismissed = { .status = "dismissed" };
  ZichaProblemFilter withdrawn = { .state = "withdrawn" };
  gint64 n[4];

  n[0] = zicha_hits_count (work->db, &confirmed, error);
  n[1] = n[0] < 0 ? -1 : zicha_hits_count (work->db, &dismissed, error);
  n[2] = n[1] < 0 ? -1 : zicha_problems_count (work->db, NULL, error);
  n[3] = n[2] < 0 ? -1 : zicha_problems_count (work->db, &withdrawn, error);
  if (n[3] < 0)
    return FALSE;
  work->result->hits_confirmed = (guint) n[0];
  work->result->hits_dismissed = (guint) n[1];
  work->result->problems = (guint) n[2];
  work->result->problems_withdrawn = (guint) n[3];
  return TRUE;
}

gboolean
_zicha_demo_work_problems (DemoWork *work,
                           GError  **error)
{
  return from_checklist (work, error)
         && from_sample (work, error)
         && by_hand (work, error)
         && analyse_audit_time (work, error)
         && extend_raised (work, error)
         && extend_none_found (work, error)
         && count (work, error);
}
