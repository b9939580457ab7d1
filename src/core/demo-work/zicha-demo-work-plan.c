/* zicha-demo-work-plan.c — the demo's self-inspection plan: staff, timetable, checklist, sample
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan of the year runs from three months before today to two months after it, over every
 * scheme the body certifies and the last three years; the quality department leads it. Its
 * timetable is half done, the milestone of the file review overdue. Of the notice's 14
 * checklist points six are done (one not conforming, which raises a problem; practice-3, on
 * products, does not apply to a body of management systems), four in progress (two past
 * their due date), four still to do. The sample is drawn by risk with the key items first,
 * from a fixed seed; its first two fifths are reviewed, one of them not conforming.
 */
#define G_LOG_DOMAIN "zicha-demo-work"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-checklist.h"
#include "zicha-demo-work-private.h"
#include "zicha-error.h"
#include "zicha-plans.h"
#include "zicha-sampling.h"

/* The seed of the demo's sample: the notice's number, 市监认证〔2019〕18号. */
#define DEMO_SAMPLE_SEED 201918

/* The plan ---------------------------------------------------------------------------------- */

/* The schemes of the body's certificates, sorted. */
static GStrv
body_schemes (DemoWork *work,
              GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (zicha_db_get_handle (work->db),
                           "SELECT DISTINCT scheme FROM certificates ORDER BY scheme", -1,
                           &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (work->db, error, _("Could not read the certificates"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static const struct
{
  gint        due;        /* days from today */
  gint        done;       /* days from today, or 1: not done */
  const char *title;
} milestones[] = {
  { -85, -86, N_("Plan drawn up and approved") },
  { -45, -47, N_("Risk leads analysed and triaged") },
  { -7, 1, N_("Checklist checked and files reviewed") },
  { 40, 1, N_("Problems rectified") },
  { 60, 1, N_("Self-inspection and rectification report submitted") },
};

static const struct
{
  guint       staff;
  const char *duty;
} duties[] = {
  { DEMO_STAFF_LEAD, N_("Team leader") },
  { DEMO_STAFF_DATA, N_("Risk data analysis") },
  { DEMO_STAFF_FILES, N_("File review") },
  { DEMO_STAFF_VISITS, N_("Visits to certified organizations") },
};

static gboolean
make_plan (DemoWork *work,
           GError  **error)
{
  const char *lead = work->staff[DEMO_STAFF_LEAD];
  g_auto(GStrv) schemes = body_schemes (work, error);
  g_autofree char *title = NULL;
  char year_text[3][8];
  const char *years[4] = { year_text[0], year_text[1], year_text[2], NULL };
  char from[11], to[11];
  ZichaPlanFields fields = { 0 };

  if (schemes == NULL)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    g_snprintf (year_text[i], sizeof year_text[i], "%d", work->year - 2 + (gint) i);
  _zicha_demo_work_day (work, -90, from);
  _zicha_demo_work_day (work, 60, to);
  /* Translators: the title of the demo's plan; %d is a year */
  title = g_strdup_printf (_("Certification quality self-inspection plan of %d"), work->year);
  fields.title = title;
  fields.period_from = from;
  fields.period_to = to;
  fields.schemes = (const char * const *) schemes;
  fields.years = years;
  fields.lead_department = _("Quality Management Department");
  fields.leader = work->leader;
  fields.description = _("Under the notice 市监认证〔2019〕18号, the body checks its "
                         "certification activities of the last three years: the risk leads "
                         "of the records, the notice's points on a checklist, and a sample "
                         "of certification files; every problem found is rectified.");
  work->plan = zicha_plans_create (work->db, &fields, lead, error);
  if (work->plan == 0
      || !zicha_plans_set_status (work->db, work->plan, ZICHA_PLAN_IN_PROGRESS, lead, error))
    return FALSE;
  work->result->plan = work->plan;

  for (guint i = 0; i < G_N_ELEMENTS (duties); i++)
    if (zicha_plans_add_staff (work->db, work->plan, work->staff_id[duties[i].staff], NULL,
                               _(duties[i].duty), lead, error) == 0)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      char due[11], done[11];
      gint64 id;

      _zicha_demo_work_day (work, milestones[i].due, due);
      id = zicha_plans_add_milestone (work->db, work->plan, _(milestones[i].title), due, lead,
                                      error);
      if (id == 0)
        return FALSE;
      if (milestones[i].done > 0)
        continue;
      _zicha_demo_work_day (work, milestones[i].done, done);
      if (!zicha_plans_update_milestone (work->db, id, _(milestones[i].title), due, done, lead,
                                         error))
        return FALSE;
    }
  return TRUE;
}

/* The checklist ----------------------------------------------------------------------------- */

/* What was done of each point of the notice (by its template key). */
static const struct
{
  const char           *key;
  ZichaChecklistStatus  status;
  ZichaCheckConclusion  conclusion;
  gint                  staff;      /* the assignee, -1 none */
  gint                  due;        /* days from today; 0: none */
  const char           *notes;
} checks[] = {
  { "legal-1", ZICHA_CHECKLIST_DONE, ZICHA_CHECK_NONCONFORMING, DEMO_STAFF_DATA, -30,
    N_("Certificates compared with the approved scope: the risk leads of certification beyond "
       "it were confirmed as a problem.") },
  { "legal-2", ZICHA_CHECKLIST_DONE, ZICHA_CHECK_CONFORMING, DEMO_STAFF_FILES, -25,
    N_("Signatures of decisions, certificates and audit reports checked: no forged records "
       "and no certificates sold.") },
  { "legal-3", ZICHA_CHECKLIST_IN_PROGRESS, ZICHA_CHECK_NONE, DEMO_STAFF_FILES, 10,
    N_("Stage 1 and stage 2 records of the initial audits are being compared with the "
       "certification rules.") },
  { "legal-4", ZICHA_CHECKLIST_IN_PROGRESS, ZICHA_CHECK_NONE, DEMO_STAFF_VISITS, -5,
    N_("12 on-site audit records requested; check-ins and photographs are being "
       "compared.") },
  { "legal-5", ZICHA_CHECKLIST_TODO, ZICHA_CHECK_NONE, DEMO_STAFF_FILES, 20, NULL },
  { "conduct-1", ZICHA_CHECKLIST_IN_PROGRESS, ZICHA_CHECK_NONE, DEMO_STAFF_DATA, -12,
    N_("Audit time is being checked against IAF MD 5 audit by audit; the shortfalls found "
       "are in the problem list.") },
  { "conduct-2", ZICHA_CHECKLIST_DONE, ZICHA_CHECK_CONFORMING, DEMO_STAFF_FILES, -20,
    N_("Travel expense claims checked: no meals or lodging were asked of the audited "
       "organizations.") },
  { "conduct-3", ZICHA_CHECKLIST_DONE, ZICHA_CHECK_CONFORMING, DEMO_STAFF_VISITS, -15,
    N_("Integrity pledges and calls back to certified organizations: nothing of the kind "
       "found.") },
  { "practice-1", ZICHA_CHECKLIST_IN_PROGRESS, ZICHA_CHECK_NONE, DEMO_STAFF_VISITS, 15,
    N_("Visits to certified organizations planned from the sample.") },
  { "practice-2", ZICHA_CHECKLIST_TODO, ZICHA_CHECK_NONE, DEMO_STAFF_VISITS, 25, NULL },
  { "practice-3", ZICHA_CHECKLIST_DONE, ZICHA_CHECK_NOT_APPLICABLE, DEMO_STAFF_LEAD, -40,
    N_("The body does not certify products: not applicable.") },
  { "capability-1", ZICHA_CHECKLIST_TODO, ZICHA_CHECK_NONE, DEMO_STAFF_LEAD, 30, NULL },
  { "capability-2", ZICHA_CHECKLIST_DONE, ZICHA_CHECK_NONCONFORMING, DEMO_STAFF_LEAD, -10,
    N_("The procedure for certification files sets neither how long electronic files are "
       "kept nor how they are backed up.") },
  { "capability-3", ZICHA_CHECKLIST_TODO, ZICHA_CHECK_NONE, -1, 0, NULL },
};

static gboolean
work_checklist (DemoWork *work,
                GError  **error)
{
  g_autoptr(GPtrArray) items = zicha_checklist_list (work->db, work->plan, error);
  ZichaPlanProgress progress;

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const ZichaChecklistItem *item = g_ptr_array_index (items, i);

      for (guint c = 0; c < G_N_ELEMENTS (checks); c++)
        {
          ZichaChecklistChange change = { 0 };
          ZichaChecklistField fields = ZICHA_CHECKLIST_FIELD_STATUS;
          const char *user = work->staff[checks[c].staff >= 0 ? checks[c].staff
                                                              : DEMO_STAFF_LEAD];
          char due[11];

          if (g_strcmp0 (item->template_key, checks[c].key) != 0)
            continue;
          change.status = checks[c].status;
          change.conclusion = checks[c].conclusion;
          if (checks[c].conclusion != ZICHA_CHECK_NONE)
            fields |= ZICHA_CHECKLIST_FIELD_CONCLUSION;
          if (checks[c].staff >= 0)
            {
              change.assignee_person_id = work->staff_id[checks[c].staff];
              fields |= ZICHA_CHECKLIST_FIELD_ASSIGNEE;
            }
          if (checks[c].due != 0)
            {
              _zicha_demo_work_day (work, checks[c].due, due);
              change.due_on = due;
              fields |= ZICHA_CHECKLIST_FIELD_DUE_ON;
            }
          if (checks[c].notes != NULL)
            {
              change.notes = _(checks[c].notes);
              fields |= ZICHA_CHECKLIST_FIELD_NOTES;
            }
          if (!zicha_checklist_update (work->db, item->id, &change, fields, user, error))
            return FALSE;
          if (checks[c].conclusion == ZICHA_CHECK_NONCONFORMING
              && g_str_equal (checks[c].key, "capability-2"))
            work->checklist_item = item->id;
        }
    }
  if (!zicha_plans_get_progress (work->db, work->plan, work->today, &progress, error))
    return FALSE;
  work->result->checklist_done = progress.done;
  work->result->checklist_total = progress.total;
  work->result->checklist_overdue = progress.overdue;
  return TRUE;
}

gboolean
_zicha_demo_work_plan (DemoWork *work,
                       GError  **error)
{
  return make_plan (work, error) && work_checklist (work, error);
}

/* The sample -------------------------------------------------------------------------------- */

static const char * const review_notes[] = {
  N_("Audit report, decision and certificate agree; the audit time meets IAF MD 5."),
  N_("The team members are competent for the scope; check-ins on site are complete."),
  N_("Surveillance audits on time; the file is complete."),
  N_("Scope on the certificate matches the audit report and the approved scope."),
};

gboolean
_zicha_demo_work_sample (DemoWork *work,
                         GError  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  ZichaSampleSpec spec = { 0 };
  const char *by[2] = { work->staff[DEMO_STAFF_FILES], work->staff[DEMO_STAFF_VISITS] };
  const char *by_id[2] = { work->staff_id[DEMO_STAFF_FILES],
                           work->staff_id[DEMO_STAFF_VISITS] };
  guint reviewed, nonconforming;
  gint64 sample;

  spec.purpose = ZICHA_SAMPLE_FILE_REVIEW;
  spec.method = ZICHA_SAMPLE_WEIGHTED;
  spec.has_seed = TRUE;
  spec.seed = DEMO_SAMPLE_SEED;
  spec.valid_on = work->today;
  spec.key_items = TRUE;
  sample = zicha_sampling_draw (work->db, work->plan, &spec, work->staff[DEMO_STAFF_FILES],
                                error);
  if (sample == 0 || (items = zicha_sampling_list_items (work->db, sample, error)) == NULL)
    return FALSE;
  if (items->len < 4)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                           _("The body has too few valid certificates for the demo’s sample"));
      return FALSE;
    }

  /* the first two fifths reviewed (the second not conforming), the next three assigned */
  reviewed = (items->len * 2 + 4) / 5;
  nonconforming = 1;
  for (guint i = 0; i < items->len && i < reviewed + 3; i++)
    {
      const ZichaSampleItem *item = g_ptr_array_index (items, i);
      ZichaSampleReview review = { 0 };
      ZichaSampleItemField fields = ZICHA_SAMPLE_ITEM_FIELD_ASSIGNEE;
      char checked[11];

      review.assignee_person_id = by_id[i % 2];
      if (i < reviewed)
        {
          _zicha_demo_work_day (work, -30 + (gint) (i * 25 / reviewed), checked);
          review.checked_on = checked;
          review.conclusion = i == nonconforming ? ZICHA_CHECK_NONCONFORMING
                                                 : ZICHA_CHECK_CONFORMING;
          review.notes = i == nonconforming
                         ? _("The on-site time in the audit report differs from the check-ins: "
                             "fewer auditor days than planned.")
                         : _(review_notes[i % G_N_ELEMENTS (review_notes)]);
          fields |= ZICHA_SAMPLE_ITEM_FIELD_CHECKED_ON | ZICHA_SAMPLE_ITEM_FIELD_CONCLUSION
                    | ZICHA_SAMPLE_ITEM_FIELD_NOTES;
        }
      if (!zicha_sampling_review_item (work->db, item->id, &review, fields, by[i % 2], error))
        return FALSE;
      if (i == nonconforming)
        work->sample_item = item->id;
    }
  work->result->sample = sample;
  work->result->sample_size = items->len;
  work->result->sample_reviewed = reviewed;
  return TRUE;
}
