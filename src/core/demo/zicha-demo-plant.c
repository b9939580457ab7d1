/* zicha-demo-plant.c — the planted anomalies of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * demo_gen_planted makes one planted unit: an organization with one certificate built like a
 * clean one, then changed in one place so that one rule fires. The comment below says how
 * every rule is planted and how many hits each unit makes.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include "zicha-audit-time.h"
#include "zicha-demo-private.h"

/* Planting.
 *
 * Every planted unit is one organization with one certificate built like a clean one (so it
 * trips nothing else), then changed in one place. Hits as of today, per rule:
 *
 * SCOPE_NOT_APPROVED: EMS 28 (construction) was approved only about two years ago
 *   (late_grant); a planted EMS 28 certificate is issued 30–400 days before that. Clean
 *   certificates are never issued before their codes' approval. → 1 certificate hit.
 * AUDIT_TIME_SHORT: in turn the first surveillance, the stage 2 (with a one-day stage 1), or
 *   the recertification gets the largest half-day multiple below its MD 5 minimum, × 0.6,
 *   for an organization of 100–800 people in QMS, EMS or OHSMS. → 1 audit hit.
 * PERSONNEL_UNDERSTATED: the first surveillance declares 30 % of the organization's
 *   employees as effective personnel; its days follow from that (so not short). → 1 audit.
 * DECISION_BY_TEAM_MEMBER: the first surveillance's decision is made by its team leader. → 1.
 * DECISION_BEFORE_REPORT: the first surveillance is decided on end + 1, its report signed on
 *   end + 3. → 1 audit.
 * REPORT_BEFORE_AUDIT_END: the first surveillance (two days at least) is reported on
 *   end − 1; its decision stays after the end. → 1 audit.
 * RECORDS_LATE: the first surveillance is entered 40–100 days after its end. → 1 audit.
 * CERT_WITHOUT_INITIAL_AUDIT: no stage 1, no stage 2. → 1 certificate.
 * STAGE1_MISSING: no stage 1; stage 2 alone holds the whole initial time, so it isn't short.
 *   → 1 certificate.
 * CERT_ISSUED_BEFORE_DECISION: stage 2 decided 2–6 days after the issue date. → 1.
 * SURVEILLANCE_OVERDUE: in turn the first surveillance 380–420 days after issue, or none at
 *   all for a certificate issued 400–640 days ago. Status valid. → 1 certificate.
 * SUSPENSION_TOO_LONG: suspended 200–330 days ago and still suspended. → 1 certificate.
 * EXPIRED_STILL_VALID: not renewed, expired 15–200 days ago, status still valid. Its last
 *   surveillance is then more than 12 months old, so it also makes a SURVEILLANCE_OVERDUE
 *   hit (evaluated, listed). → 2 certificate hits.
 * REPORTED_LATE: in turn reported 3–90 days after the 10th of the next month, or not at all.
 * AUDITOR_DOUBLE_BOOKED: a person whose latest on-site assignment R (another organization,
 *   clean) started on day d is added for day d to the first surveillance of the planted
 *   certificate, which starts on d. Clean calendars never overlap, so exactly the two team
 *   rows are hits. → 2 team hits.
 * AUDITOR_NOT_QUALIFIED: a trainee (trainee grade only) is listed as auditor. → 1 team.
 * TEAM_LACKS_COMPETENCE: the first surveillance is staffed with people who have no competence
 *   at all in the certificate's sector and scheme. → 1 audit.
 * EXPENSE_PAID_BY_CLIENT: one ordinary expense of the first surveillance is paid by the
 *   client. → 1 expense.
 * EXPENSE_EXCESSIVE: one travel expense of 3,000–8,000 yuan; clean travel lies in 300–880
 *   yuan, so the median is in 300–880 and 3 × median < 3,000. → 1 expense.
 * AUDITOR_OVERLOADED: three series of six certificates whose first surveillances are 4-day
 *   audits on consecutive days 1–24 of a past month, all led by the same full-time lead
 *   auditor alone; clean assignments keep ≤ 18 on-site days per person-month. The hits are
 *   counted from the calendars at the end. → 3 person_month hits.
 * CHECKIN_MISSING: the leader of the first surveillance has a sign-out but no sign-in. → 1.
 * CHECKIN_FAR: the leader's sign-in is 6.5–180 km away from the site. → 1 team.
 * WATCHLIST_NO_ACTION: the organization is on the watch list (notified ≥ 40 days ago, the
 *   certificate in force) and nothing followed. Clean watch-list entries are followed by a
 *   short-notice audit 1–25 days later. → 1 certificate.
 * COMPLAINT_UNRESOLVED: a complaint received ≥ 100 days ago, closed after 70–150 days or not
 *   at all; clean ones are closed within 50 days or are younger than 60 days. → 1 complaint.
 * CODE_WITHOUT_COMPETENCE: QMS 37 (education) is approved, but the only competent auditors
 *   left 15–25 days ago; three valid certificates carry one code of it each (37.01.00,
 *   37.02.00, 37.03.00), all audited before those auditors left. → 3 scope_code hits.
 * TRACEABILITY_GAP: in turn a surveillance without report, a stage 2 without decision maker,
 *   or a surveillance without team rows (which also lacks competence: TEAM_LACKS_COMPETENCE,
 *   listed). → 1 audit (2 for the last kind).
 * PART_TIME_HEAVY: two QMS certificates of the body's early years (three and two years
 *   before the clean data begin), audited only by part-timers, expired before the clean data
 *   start; the clean data keep part-time days ≤ 30 % of every year. Counted at the end.
 *   → 3 year hits.
 */

static const guint8 plant_rule[N_PLANTS] = {
  [P_SCOPE] = R_SCOPE_NOT_APPROVED,
  [P_SHORT_SURV] = R_AUDIT_TIME_SHORT,
  [P_SHORT_STAGE2] = R_AUDIT_TIME_SHORT,
  [P_SHORT_RECERT] = R_AUDIT_TIME_SHORT,
  [P_UNDERSTATED] = R_PERSONNEL_UNDERSTATED,
  [P_DECIDER_IN_TEAM] = R_DECISION_BY_TEAM_MEMBER,
  [P_DECISION_EARLY] = R_DECISION_BEFORE_REPORT,
  [P_REPORT_EARLY] = R_REPORT_BEFORE_AUDIT_END,
  [P_RECORDS_LATE] = R_RECORDS_LATE,
  [P_NO_INITIAL] = R_CERT_WITHOUT_INITIAL_AUDIT,
  [P_NO_STAGE1] = R_STAGE1_MISSING,
  [P_ISSUED_EARLY] = R_CERT_ISSUED_BEFORE_DECISION,
  [P_SURV_LATE] = R_SURVEILLANCE_OVERDUE,
  [P_SURV_NONE] = R_SURVEILLANCE_OVERDUE,
  [P_SUSP_LONG] = R_SUSPENSION_TOO_LONG,
  [P_EXPIRED_VALID] = R_EXPIRED_STILL_VALID,
  [P_REPORTED_LATE] = R_REPORTED_LATE,
  [P_REPORTED_NONE] = R_REPORTED_LATE,
  [P_DOUBLE] = R_AUDITOR_DOUBLE_BOOKED,
  [P_UNQUALIFIED] = R_AUDITOR_NOT_QUALIFIED,
  [P_INCOMPETENT] = R_TEAM_LACKS_COMPETENCE,
  [P_EXP_CLIENT] = R_EXPENSE_PAID_BY_CLIENT,
  [P_EXP_EXCESSIVE] = R_EXPENSE_EXCESSIVE,
  [P_OVERLOAD] = R_AUDITOR_OVERLOADED,
  [P_CHECKIN_MISSING] = R_CHECKIN_MISSING,
  [P_CHECKIN_FAR] = R_CHECKIN_FAR,
  [P_WATCH] = R_WATCHLIST_NO_ACTION,
  [P_COMPLAINT] = R_COMPLAINT_UNRESOLVED,
  [P_ORPHAN] = R_CODE_WITHOUT_COMPETENCE,
  [P_TRACE_NO_REPORT] = R_TRACEABILITY_GAP,
  [P_TRACE_NO_DECIDER] = R_TRACEABILITY_GAP,
  [P_TRACE_NO_TEAM] = R_TRACEABILITY_GAP,
  [P_OLD] = R_PART_TIME_HEAVY,
};

static Audit *
first_audit (Cert  *c,
             guint  type)
{
  guint i;

  for (i = 0; i < c->n_audits; i++)
    if (c->au[i].type == type)
      return &c->au[i];
  return NULL;
}

/* A person whose latest assignment is clean and can be doubled on its first day. */
static gint32
find_double (Gen     *g,
             guint64 *audit)
{
  guint tries;

  for (tries = 0; tries < 20000; tries++)
    {
      gint32 p = (gint32) rng_below (&g->rng, g->n_persons);
      const Person *pp = &g->persons[p];

      if (pp->kind == KIND_DECIDER || !pp->last_ok || pp->last_audit == 0)
        continue;
      if (pp->last_from < g->issue_min + 400 || pp->last_from > g->today - 40)
        continue;
      *audit = pp->last_audit;
      return p;
    }
  return -1;
}

gboolean
demo_gen_planted (Gen        *g,
                  const Task *t)
{
  Org *o = &g->org;
  Spec sp;
  Cert *c;
  Audit *target = NULL;
  guint scheme = DEMO_QMS, sector, plant = t->plant, tries;
  gint32 lo = g->today - 1000, hi = g->today - 420, dbl = -1, t_val;
  guint64 dbl_audit = 0;

  switch (plant)
    {
    case P_SCOPE:
      sector = g->sec_late;
      scheme = DEMO_EMS;
      lo = g->late_grant - 400;
      hi = g->late_grant - 30;
      break;
    case P_ORPHAN:
      sector = g->sec_orphan;
      hi = g->today - 60;
      break;
    case P_OLD:
      sector = g->sec_old;
      break;
    case P_OVERLOAD:
      sector = t->arg;
      break;
    case P_DOUBLE:
      dbl = find_double (g, &dbl_audit);
      if (dbl < 0)
        return FALSE;
      scheme = g->persons[dbl].last_scheme;
      sector = demo_draw_sector (g, (gint) scheme);
      break;
    case P_SHORT_SURV:
    case P_SHORT_STAGE2:
    case P_SHORT_RECERT:
    case P_UNDERSTATED:
    case P_INCOMPETENT:
      /* schemes with an MD 5 table and several sectors */
      scheme = rng_below (&g->rng, 3);
      sector = demo_draw_sector (g, (gint) scheme);
      break;
    default:
      sector = demo_draw_sector (g, -1);
      scheme = demo_draw_first_scheme (g, sector);
      break;
    }
  switch (plant)
    {
    case P_SHORT_STAGE2:
    case P_NO_STAGE1:
    case P_NO_INITIAL:
    case P_ISSUED_EARLY:
    case P_TRACE_NO_DECIDER:
      lo = g->today - 1500;
      hi = g->today - 60;
      break;
    case P_SHORT_RECERT:
      lo = g->today - 1400;
      hi = g->today - 1060;
      break;
    case P_SURV_LATE:
      lo = g->today - 760;
      hi = g->today - 480;
      break;
    case P_SURV_NONE:
      lo = g->today - 640;
      hi = g->today - 400;
      break;
    case P_SUSP_LONG:
      hi = g->today - 500;
      break;
    case P_REPORTED_LATE:
    case P_REPORTED_NONE:
      hi = g->today - 100;
      break;
    case P_WATCH:
    case P_COMPLAINT:
      lo = g->today - 1200;
      hi = g->today - 200;
      break;
    default:
      break;
    }
  lo = MAX (lo, g->issue_min);
  /* only SCOPE_NOT_APPROVED may issue before the approval (EMS 28 is the late one) */
  while (plant != P_SCOPE && scheme == DEMO_EMS && sector == g->sec_late)
    sector = demo_draw_sector (g, (gint) scheme);

  for (tries = 0; tries < 200; tries++)
    {
      demo_org_init (g, o, sector);
      o->primary = RBIT (plant_rule[plant]);
      o->allowed = o->primary;
      if (plant == P_SHORT_SURV || plant == P_SHORT_STAGE2 || plant == P_SHORT_RECERT
          || plant == P_UNDERSTATED)
        o->employees = rng_range (&g->rng, 100, 800);
      if (plant == P_OVERLOAD)
        o->employees = rng_range (&g->rng, 20, 200);

      demo_default_spec (g, &sp, rng_range (&g->rng, lo, hi));
      switch (plant)
        {
        case P_SURV_LATE:
          sp.first_surv = sp.issue + rng_range (&g->rng, 380, 420);
          break;
        case P_SURV_NONE:
          sp.stop_after_issue = TRUE;
          break;
        case P_SUSP_LONG:
          sp.fate = F_SUSPENDED;
          sp.fate_day = rng_range (&g->rng, g->today - 330, g->today - 200);
          break;
        case P_EXPIRED_VALID:
          sp.issue = demo_add_months (rng_range (&g->rng, g->today - 200, g->today - 15), -36);
          sp.expire_cycle = 0;
          sp.expire_valid = TRUE;
          o->allowed |= RBIT (R_SURVEILLANCE_OVERDUE);
          break;
        case P_NO_INITIAL:
          sp.no_initial = TRUE;
          break;
        case P_NO_STAGE1:
          sp.no_stage1 = TRUE;
          break;
        case P_ORPHAN:
          sp.horizon = g->orphan_left - 10;
          break;
        case P_OLD:
          sp.issue = demo_days_from_civil (g->cal_year0, 5, 10) + 40 * t->arg;
          sp.fixed = TRUE;
          sp.expire_cycle = 0;
          o->primary = 0;
          break;
        case P_OVERLOAD:
          sp.issue = t->day - rng_range (&g->rng, 300, 340);
          sp.first_surv = t->day;
          sp.first_len = 4;
          o->primary = 0;
          break;
        case P_DOUBLE:
          sp.issue = g->persons[dbl].last_from - rng_range (&g->rng, 300, 340);
          sp.first_surv = g->persons[dbl].last_from;
          break;
        case P_TRACE_NO_TEAM:
          o->allowed |= RBIT (R_TEAM_LACKS_COMPETENCE);
          break;
        default:
          break;
        }

      c = demo_new_cert (g, o, scheme, &sp, FALSE);
      if (c == NULL)
        return FALSE;
      if (plant == P_ORPHAN)
        {
          c->n_codes = 1;
          c->items[0] = t->arg;
        }
      else
        demo_pick_codes (g, o, c, plant == P_SCOPE);
      demo_build_skeleton (g, o, c, &sp);
      demo_apply_fate (g, o, c, &sp);
      if (plant != P_ORPHAN || !demo_surveillance_overdue (g, c))
        break;
      /* the next audit would have come after the auditors left: draw again */
      g->next_org--;
    }

  switch (plant)
    {
    case P_SHORT_STAGE2:
    case P_NO_STAGE1:
    case P_ISSUED_EARLY:
    case P_TRACE_NO_DECIDER:
      target = first_audit (c, AT_STAGE2);
      break;
    case P_SHORT_RECERT:
      target = first_audit (c, AT_RECERT);
      break;
    default:
      target = first_audit (c, AT_SURV);
      break;
    }

  switch (plant)
    {
    case P_SHORT_SURV:
      t_val = demo_table_value_for (o, scheme, target->ep, target->complexity);
      target->required = demo_short_days (t_val, ZICHA_AUDIT_TIME_SURVEILLANCE, 0);
      break;
    case P_SHORT_RECERT:
      if (target == NULL)
        break;
      t_val = demo_table_value_for (o, scheme, target->ep, target->complexity);
      target->required = demo_short_days (t_val, ZICHA_AUDIT_TIME_RECERTIFICATION, 0);
      break;
    case P_SHORT_STAGE2:
      {
        Audit *s1 = first_audit (c, AT_STAGE1);

        s1->required = 100;
        s1->planned = 100;
        t_val = demo_table_value_for (o, scheme, target->ep, target->complexity);
        target->required = demo_short_days (t_val, ZICHA_AUDIT_TIME_INITIAL, 100);
      }
      break;
    case P_UNDERSTATED:
      target->ep = MAX (1, o->employees * 3 / 10);
      t_val = demo_table_value_for (o, scheme, target->ep, target->complexity);
      target->required = MAX (100, round_up50 ((gint64) t_val * 100 / 300));
      while (zicha_audit_time_is_short (t_val, ZICHA_AUDIT_TIME_SURVEILLANCE, target->required,
                                        ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
        target->required += 50;
      target->planned = target->required;
      break;
    case P_REPORT_EARLY:
      target->min_len = 2;
      break;
    case P_TRACE_NO_TEAM:
      target->mode = MODE_NOTEAM;
      break;
    case P_INCOMPETENT:
      target->mode = MODE_INCOMPETENT;
      break;
    case P_UNQUALIFIED:
      target->mode = MODE_UNQUALIFIED;
      break;
    case P_DOUBLE:
      target->mode = MODE_DOUBLE;
      target->forced_person = dbl;
      target->forced_role = g->persons[dbl].last_role == ROLE_LEADER ? ROLE_AUDITOR
                            : g->persons[dbl].last_role;
      break;
    case P_OVERLOAD:
      target->mode = MODE_FORCED;
      target->forced_person = t->person;
      break;
    case P_OLD:
      {
        guint i;

        for (i = 0; i < c->n_audits; i++)
          {
            c->au[i].mode = MODE_OLD;
            c->au[i].checkins = FALSE;
          }
      }
      break;
    default:
      break;
    }

  demo_finish_org (g, o);

  switch (plant)
    {
    case P_DECIDER_IN_TEAM:
      target->decider = target->team[0].person;
      break;
    case P_DECISION_EARLY:
      target->report = target->end + 3;
      target->decision = target->end + 1;
      break;
    case P_REPORT_EARLY:
      target->report = target->end - 1;
      break;
    case P_RECORDS_LATE:
      target->rec_day = lmin (target->end + rng_range (&g->rng, 40, 100), g->yesterday);
      break;
    case P_ISSUED_EARLY:
      target->decision = c->issued + rng_range (&g->rng, 2, 6);
      break;
    case P_REPORTED_LATE:
      c->reported = lmin (demo_report_deadline (c->issued) + rng_range (&g->rng, 3, 90),
                          g->yesterday);
      break;
    case P_REPORTED_NONE:
      c->reported = 0;
      break;
    case P_EXP_CLIENT:
      target->team[0].exp[0].client = 1;
      break;
    case P_EXP_EXCESSIVE:
      target->team[0].exp[0].cat = CAT_TRAVEL;
      target->team[0].exp[0].amount = rng_range (&g->rng, 300000, 800000);
      break;
    case P_CHECKIN_MISSING:
      target->team[0].no_in = 1;
      break;
    case P_CHECKIN_FAR:
      target->team[0].in_km = rng_range (&g->rng, 650, 18000);
      break;
    case P_TRACE_NO_REPORT:
      target->report = 0;
      break;
    case P_TRACE_NO_DECIDER:
      target->decider = -1;
      break;
    case P_WATCH:
      demo_set_watch (g, o, c->issued + 30, g->today - 40);
      break;
    case P_COMPLAINT:
      demo_add_complaint (g, o, TRUE);
      break;
    default:
      break;
    }

  demo_name_cert (g, o, c);
  if (plant == P_DOUBLE)
    {
      demo_hit_team (g, o, R_AUDITOR_DOUBLE_BOOKED, target->no, dbl);
      demo_hit_team (g, NULL, R_AUDITOR_DOUBLE_BOOKED, dbl_audit, dbl);
    }
  demo_publish_org (g, o);
  g->stats->planted[plant_rule[plant]]++;
  return TRUE;
}
