/* zicha-demo.c — a demo data set of a fictional certification body, with planted anomalies
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generator writes an interchange folder (INTERCHANGE.md) of a fictional Chinese
 * certification body, dated relative to a given "today", and a manifest of the exact hits the
 * rules of DOMAIN.md section 4 must find in it as of that day.
 *
 * How it stays exact:
 * - Clean records are built so that no rule can fire: teams are drawn from per-person
 *   calendars (a bitset of on-site days and a count of on-site days per month), every date
 *   that follows an audit is clamped to yesterday, surveillance intervals stay below 12
 *   months by construction, expense amounts of a category lie in [a, b] with b < 3a (so no
 *   clean amount can exceed 3 × any median, which lies in [a, b] too), part-time auditors are
 *   only drawn while their share of a year's team days stays ≤ 30 %.
 * - Every organization is generated in memory (its certificates, audits, teams, check-ins,
 *   expenses, events), then the rules that only look at one organization are evaluated on it
 *   by an independent evaluator written from the rule text (demo_eval_org). Its hits are the
 *   manifest rows. A hit of a rule a clean organization was not built to have, or a planted
 *   one missing its hit, is counted in ZichaDemoStats (unplanned_hits, missed_plants): both
 *   are 0 unless the generator has a defect, and the tests check it.
 * - The rules that span organizations are known by construction or counted exactly at the
 *   end: AUDITOR_DOUBLE_BOOKED (planted pairs), AUDITOR_OVERLOADED (distinct on-site days
 *   per person-month, from the calendars), PART_TIME_HEAVY (team days per year),
 *   CODE_WITHOUT_COMPETENCE (the planted sector without any competent person employed
 *   today), EXPENSE_EXCESSIVE (planted amounts above 3 × the largest clean amount).
 *
 * The comment block before plant_rule (zicha-demo-plant.c) explains how every rule is
 * planted.
 *
 * Output is streamed through large buffers; memory holds the personnel with their
 * calendars and one organization at a time. A private PRNG (xoshiro256**, seeded with
 * splitmix64) and integer arithmetic only: same seed and same today give the same bytes.
 *
 * This file holds the options, the run (the plan of planted units, the order in which they
 * and the clean organizations are made, the stats) and the rule ids. The other files:
 *   zicha-demo-model.h          the model: records, planted units, the plan of a certificate
 *   zicha-demo-private.h        the state of a run (Gen), inline helpers, what files share
 *   zicha-demo-rng.c            xoshiro256** seeded by splitmix64
 *   zicha-demo-dates.c          civil-calendar arithmetic (the demo's own, on purpose)
 *   zicha-demo-out.c            buffered CSV output
 *   zicha-demo-personnel.c      small helpers, personnel and calendars
 *   zicha-demo-oracle.c         the independent evaluator (demo_eval_org)
 *   zicha-demo-audits.c         audits and teams
 *   zicha-demo-certificates.c   plan, skeleton and fate of certificates
 *   zicha-demo-organizations.c  organizations: making, writing, clean ones
 *   zicha-demo-plant.c          planting every rule's anomalies
 *   zicha-demo-body.c           credit codes, approved scope, manifest, body and
 *                               personnel files, hits counted over everything
 *   zicha-demo-names.c          name and text tables
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-demo.h"
#include "zicha-demo-private.h"
#include "zicha-error.h"
#include "zicha-files.h"

/* ------------------------------------------------------------------------------------------ */
/* Rules */

G_STATIC_ASSERT (N_RULES == ZICHA_DEMO_N_RULES);

const RuleInfo demo_rule_info[N_RULES] = {
  { "SCOPE_NOT_APPROVED", "certificate" },
  { "AUDIT_TIME_SHORT", "audit" },
  { "PERSONNEL_UNDERSTATED", "audit" },
  { "DECISION_BY_TEAM_MEMBER", "audit" },
  { "DECISION_BEFORE_REPORT", "audit" },
  { "REPORT_BEFORE_AUDIT_END", "audit" },
  { "RECORDS_LATE", "audit" },
  { "CERT_WITHOUT_INITIAL_AUDIT", "certificate" },
  { "STAGE1_MISSING", "certificate" },
  { "CERT_ISSUED_BEFORE_DECISION", "certificate" },
  { "SURVEILLANCE_OVERDUE", "certificate" },
  { "SUSPENSION_TOO_LONG", "certificate" },
  { "EXPIRED_STILL_VALID", "certificate" },
  { "REPORTED_LATE", "certificate" },
  { "AUDITOR_DOUBLE_BOOKED", "team" },
  { "AUDITOR_NOT_QUALIFIED", "team" },
  { "TEAM_LACKS_COMPETENCE", "audit" },
  { "EXPENSE_PAID_BY_CLIENT", "expense" },
  { "EXPENSE_EXCESSIVE", "expense" },
  { "AUDITOR_OVERLOADED", "person_month" },
  { "CHECKIN_MISSING", "team" },
  { "CHECKIN_FAR", "team" },
  { "WATCHLIST_NO_ACTION", "certificate" },
  { "COMPLAINT_UNRESOLVED", "complaint" },
  { "CODE_WITHOUT_COMPETENCE", "scope_code" },
  { "TRACEABILITY_GAP", "audit" },
  { "PART_TIME_HEAVY", "year" },
};

/* ------------------------------------------------------------------------------------------ */
/* Public API */

void
zicha_demo_options_init (ZichaDemoOptions *opts)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (opts != NULL);

  memset (opts, 0, sizeof *opts);
  opts->certificates = ZICHA_DEMO_DEFAULT_CERTIFICATES;
  opts->seed = 1;
  g_date_clear (&opts->today, 1);
  g_date_set_dmy (&opts->today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

const char *
zicha_demo_rule_id (guint rule)
{
  g_return_val_if_fail (rule < N_RULES, NULL);
  return demo_rule_info[rule].id;
}

static const char *const headers[ZICHA_N_RECORD_KINDS] = {
  [ZICHA_RECORD_BODY] = "name,approval_no,uscc,address,contact",
  [ZICHA_RECORD_APPROVED_SCOPE] = "scheme,code,granted_on,withdrawn_on",
  [ZICHA_RECORD_PERSONNEL] = "person_id,name,employment,joined_on,left_on,registration_no",
  [ZICHA_RECORD_QUALIFICATIONS] = "person_id,scheme,grade,valid_from,valid_to",
  [ZICHA_RECORD_COMPETENCES] = "person_id,scheme,code,approved_on",
  [ZICHA_RECORD_ORGANIZATIONS] = "org_id,name,uscc,province,address,employees,sites",
  [ZICHA_RECORD_CERTIFICATES] = "cert_no,org_id,scheme,scope_codes,scope_text,issued_on,"
                                "expires_on,status,status_on,reported_on",
  [ZICHA_RECORD_CERTIFICATE_EVENTS] = "cert_no,event,on,reason",
  [ZICHA_RECORD_AUDITS] = "audit_id,org_id,cert_no,scheme,type,start_on,end_on,"
                          "effective_personnel,complexity,planned_days,onsite_days,"
                          "reduction_pct,report_on,decision_on,decision_by,recorded_at",
  [ZICHA_RECORD_AUDIT_TEAM] = "audit_id,person_id,role,days,onsite_from,onsite_to",
  [ZICHA_RECORD_EXPENSES] = "expense_id,audit_id,person_id,category,amount,paid_by,spent_on,"
                            "note",
  [ZICHA_RECORD_PENALTIES] = "penalty_id,decided_on,authority,decision_no,summary,amount",
  [ZICHA_RECORD_WATCHLIST] = "org_id,source,notified_on,note",
  [ZICHA_RECORD_CHECKINS] = "audit_id,person_id,kind,at,distance_km,photos",
  [ZICHA_RECORD_COMPLAINTS] = "complaint_id,received_on,org_id,cert_no,person_id,summary,"
                              "closed_on",
};

static void
gen_free (Gen *g)
{
  guint s, k;

  for (s = 0; s < DEMO_N_SCHEMES; s++)
    {
      for (k = 0; k < MAX_SECTORS; k++)
        g_clear_pointer (&g->comp_pool[s][k], g_array_unref);
      g_clear_pointer (&g->lead_pool[s], g_array_unref);
      g_clear_pointer (&g->aud_pool[s], g_array_unref);
      g_clear_pointer (&g->trainee_pool[s], g_array_unref);
    }
  g_clear_pointer (&g->deciders, g_array_unref);
  g_clear_pointer (&g->overload_marks, g_array_unref);
  g_clear_pointer (&g->code_hits, g_hash_table_unref);
  g_free (g->persons);
  g_free (g->cal);
  g_free (g->mdays);
  g_free (g->pt_days);
  g_free (g->all_days);
  g_free (g);
}

static void
add_task (GArray *tasks,
          guint   plant,
          guint   arg)
{
  Task t = { (guint8) plant, (guint8) arg, 0, -1 };

  g_array_append_val (tasks, t);
}

/* The overload series: three full-time lead auditors, each alone on site 24 days of a past
 * month (six 4-day first surveillances). */
static void
add_overload_tasks (Gen    *g,
                    GArray *tasks)
{
  guint series, j;

  for (series = 0; series < 3; series++)
    {
      gint32 day = g->today - 100 - 95 * (gint32) series;
      gint y, m, d, tries;
      gint32 m0;

      demo_civil_from_days (day, &y, &m, &d);
      m0 = demo_days_from_civil (y, m, 1);
      for (tries = 0; tries < 100000; tries++)
        {
          gint32 p = (gint32) rng_below (&g->rng, g->n_persons);
          const Person *pp = &g->persons[p];
          guint sec = demo_draw_sector (g, DEMO_QMS);
          gboolean taken = FALSE;
          guint i;

          for (i = 0; i < g->overload_marks->len; i += 2)
            if (g_array_index (g->overload_marks, guint, i) == (guint) p)
              taken = TRUE;
          if (taken || pp->kind != KIND_AUDITOR || pp->part_time || pp->left != 0
              || !lead_on (pp, DEMO_QMS, m0) || !demo_has_top_comp (pp, DEMO_QMS, sec, m0)
              || !employed_on (pp, m0))
            continue;
          for (j = 0; j < 6; j++)
            {
              Task t = { P_OVERLOAD, (guint8) sec, m0 + 4 * (gint32) j, p };

              g_array_append_val (tasks, t);
            }
          {
            guint pm[2] = { (guint) p, demo_month_of (g, m0) };

            g_array_append_vals (g->overload_marks, pm, 2);
          }
          break;
        }
    }
}

gboolean
zicha_demo_generate (const ZichaDemoOptions *opts,
                     const char             *out_dir,
                     const char             *expected_path,
                     ZichaDemoProgressFunc   progress,
                     gpointer                user_data,
                     GCancellable           *cancellable,
                     GError                **error)
{
  return zicha_demo_generate_full (opts, out_dir, expected_path, progress, user_data, NULL,
                                   cancellable, error);
}

gboolean
zicha_demo_generate_full (const ZichaDemoOptions *opts,
                          const char             *out_dir,
                          const char             *expected_path,
                          ZichaDemoProgressFunc   progress,
                          gpointer                user_data,
                          ZichaDemoStats         *stats,
                          GCancellable           *cancellable,
                          GError                **error)
{
  Gen *g;
  ZichaDemoStats local_stats;
  g_autoptr (GArray) tasks = NULL;
  guint i, s, n_overload, n_each, ti;
  guint64 clean_total, clean_done = 0, n_plain, step = 0;
  gboolean ok = TRUE;
  GError *local_error = NULL;

  g_return_val_if_fail (opts != NULL, FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (opts->certificates < ZICHA_DEMO_MIN_CERTIFICATES
      || opts->certificates > ZICHA_DEMO_MAX_CERTIFICATES)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   _("The number of certificates must be between %u and %u."),
                   ZICHA_DEMO_MIN_CERTIFICATES, ZICHA_DEMO_MAX_CERTIFICATES);
      return FALSE;
    }
  if (!g_date_valid (&opts->today) || g_date_get_year (&opts->today) < 2000
      || g_date_get_year (&opts->today) > 2999)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("The date of the demo data must be a valid date between the "
                             "years 2000 and 2999."));
      return FALSE;
    }
  if (!zicha_folder_make_private (out_dir, error))
    return FALSE;

  g = g_new0 (Gen, 1);
  memset (&local_stats, 0, sizeof local_stats);
  g->stats = stats != NULL ? stats : &local_stats;
  memset (g->stats, 0, sizeof *g->stats);
  demo_rng_seed (&g->rng, opts->seed);

  g->today = demo_days_from_civil (g_date_get_year (&opts->today), g_date_get_month (&opts->today),
                                   g_date_get_day (&opts->today));
  g->yesterday = g->today - 1;
  g->horizon = g->today - 3;
  g->year_today = g_date_get_year (&opts->today);
  g->cal_year0 = g->year_today - 8;
  g->cal_start = demo_days_from_civil (g->cal_year0, 1, 1);
  g->cal_month0 = g->cal_year0 * 12;
  g->main_start = demo_days_from_civil (g->year_today - 5, 1, 1);
  g->issue_min = g->main_start + 120;
  g->issue_max = g->today - 20;
  g->cal_days = (guint) (g->today - g->cal_start + 1);
  g->cal_bytes = (g->cal_days + 7) / 8;
  g->n_years = 9;
  g->n_months = g->n_years * 12;
  g->pt_days = g_new0 (gint64, g->n_years);
  g->all_days = g_new0 (gint64, g->n_years);
  g->approval_year = (guint) g->year_today - 16;
  g->approval_seq = 10 + rng_below (&g->rng, 90);
  g->late_grant = g->today - 700 - rng_range (&g->rng, 0, 60);
  g->orphan_left = g->today - rng_range (&g->rng, 15, 25);
  g->sec_orphan = (guint8) demo_sector_index ("37");
  g->sec_late = (guint8) demo_sector_index ("28");
  g->sec_old = (guint8) demo_sector_index ("18");
  g_assert (demo_n_sectors <= MAX_SECTORS);
  for (s = 0; s < DEMO_N_SCHEMES; s++)
    {
      guint k;

      for (k = 0; k < MAX_SECTORS; k++)
        g->comp_pool[s][k] = g_array_new (FALSE, FALSE, sizeof (gint32));
      g->lead_pool[s] = g_array_new (FALSE, FALSE, sizeof (gint32));
      g->aud_pool[s] = g_array_new (FALSE, FALSE, sizeof (gint32));
      g->trainee_pool[s] = g_array_new (FALSE, FALSE, sizeof (gint32));
    }
  g->deciders = g_array_new (FALSE, FALSE, sizeof (gint32));
  g->overload_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  g->code_hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->with_manifest = expected_path != NULL;

  for (i = 0; i < ZICHA_N_RECORD_KINDS && ok; i++)
    {
      g_autofree char *name = g_strconcat (zicha_record_kind_get_id ((ZichaRecordKind) i),
                                           ".csv", NULL);
      g_autofree char *path = g_build_filename (out_dir, name, NULL);

      ok = demo_out_open (&g->out[i], path, headers[i], &local_error);
    }
  if (ok && expected_path != NULL)
    ok = demo_out_open (&g->manifest, expected_path, "rule,entity_type,entity_key", &local_error);

  if (ok)
    {
      demo_make_approvals (g);
      demo_make_personnel (g, opts->certificates);
      demo_write_body (g);

      /* the plan of planted units */
      tasks = g_array_new (FALSE, FALSE, sizeof (Task));
      add_overload_tasks (g, tasks);
      n_overload = tasks->len;
      n_each = MAX (3u, opts->certificates / 1000);
      for (i = 0; i < n_each; i++)
        {
          static const guint8 per_rule[] = {
            P_SCOPE, P_UNDERSTATED, P_DECIDER_IN_TEAM, P_DECISION_EARLY, P_REPORT_EARLY,
            P_RECORDS_LATE, P_NO_INITIAL, P_NO_STAGE1, P_ISSUED_EARLY, P_SUSP_LONG,
            P_EXPIRED_VALID, P_UNQUALIFIED, P_INCOMPETENT, P_EXP_CLIENT, P_EXP_EXCESSIVE,
            P_CHECKIN_MISSING, P_CHECKIN_FAR, P_WATCH, P_COMPLAINT,
          };
          static const guint8 shorts[] = { P_SHORT_SURV, P_SHORT_STAGE2, P_SHORT_RECERT };
          static const guint8 traces[] = { P_TRACE_NO_REPORT, P_TRACE_NO_DECIDER,
                                           P_TRACE_NO_TEAM };
          guint k;

          for (k = 0; k < G_N_ELEMENTS (per_rule); k++)
            add_task (tasks, per_rule[k], 0);
          add_task (tasks, shorts[i % 3], 0);
          add_task (tasks, traces[i % 3], 0);
          add_task (tasks, i % 2 == 0 ? P_SURV_LATE : P_SURV_NONE, 0);
          add_task (tasks, i % 2 == 0 ? P_REPORTED_LATE : P_REPORTED_NONE, 0);
        }
      for (i = 0; i < 3; i++)
        add_task (tasks, P_ORPHAN, i);
      for (i = 0; i < 2; i++)
        add_task (tasks, P_OLD, i);
      /* shuffle the ordinary ones, then the double bookings last (they need earlier
       * assignments to double) */
      for (i = tasks->len - 1; i > n_overload; i--)
        {
          guint j = n_overload + rng_below (&g->rng, i - n_overload + 1);
          Task t = g_array_index (tasks, Task, i);

          g_array_index (tasks, Task, i) = g_array_index (tasks, Task, j);
          g_array_index (tasks, Task, j) = t;
        }
      for (i = 0; i < n_each; i++)
        add_task (tasks, P_DOUBLE, 0);

      clean_total = opts->certificates > tasks->len ? opts->certificates - tasks->len : 0;
      n_plain = tasks->len - n_overload;

      /* the overload series first: their person's month must still be empty */
      for (ti = 0; ti < n_overload; ti++)
        if (!demo_gen_planted (g, &g_array_index (tasks, Task, ti)))
          clean_total++;

      while (clean_done < clean_total || ti < tasks->len)
        {
          if (ti < tasks->len
              && (clean_total == 0 || (guint64) (ti - n_overload) * clean_total
                                      <= clean_done * n_plain))
            {
              if (!demo_gen_planted (g, &g_array_index (tasks, Task, ti)))
                clean_total++;    /* could not be planted: a clean certificate instead */
              ti++;
            }
          else
            {
              guint r = rng_below (&g->rng, 1000);
              guint n = r < 650 ? 1 : r < 850 ? 2 : 3;

              n = (guint) MIN ((guint64) n, clean_total - clean_done);
              clean_done += demo_gen_clean (g, n);
            }

          if ((++step & 1023) == 1)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
                {
                  ok = FALSE;
                  break;
                }
              if (progress != NULL)
                progress ((double) (clean_done + ti) / (double) (clean_total + tasks->len + 1),
                          user_data);
            }
        }
    }

  if (ok)
    {
      demo_write_personnel (g);
      demo_global_hits (g);
      if (g->stats->hits[R_AUDITOR_OVERLOADED] < g->overload_marks->len / 2)
        g->stats->missed_plants++;
      g->stats->planted[R_AUDITOR_OVERLOADED] = g->overload_marks->len / 2;
      g->stats->planted[R_PART_TIME_HEAVY] = 3;
      if (g->stats->hits[R_PART_TIME_HEAVY] < 3)
        g->stats->missed_plants++;
    }

  for (i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    {
      g->stats->rows[i] = g->out[i].rows;
      if (!demo_out_close (&g->out[i], ok ? &local_error : NULL))
        ok = FALSE;
    }
  if (!demo_out_close (&g->manifest, ok ? &local_error : NULL))
    ok = FALSE;

  if (ok && progress != NULL)
    progress (1.0, user_data);

  if (g->stats->unplanned_hits != 0 || g->stats->missed_plants != 0)
    g_warning ("demo generator: %" G_GUINT64_FORMAT " unplanned hits, %" G_GUINT64_FORMAT
               " missed plants", g->stats->unplanned_hits, g->stats->missed_plants);

  gen_free (g);
  if (!ok)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
