/* zicha-demo-oracle.c — the independent evaluator of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * demo_eval_org evaluates the rules that look at one organization on the organization just
 * generated, in memory, as of today. The rules are written again here from their text in
 * DOMAIN.md section 4, independently of the rule engine (zicha-rules*.c): its hits are the
 * manifest the rule engine is tested against. Only IAF MD 5 audit time (zicha-audit-time.c:
 * the table and the reduction limit) is shared with the engine.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include "zicha-audit-time.h"
#include "zicha-demo-private.h"

/* The evaluator: the rules that look at one organization, from their text in DOMAIN.md
 * section 4, as of g->today. Every date this generator writes is on or before yesterday
 * except validity bounds, so "dated after as of" never needs handling here. */

static gint32
audit_table_value (Gen         *g,
                   const Org   *o,
                   const Cert  *c,
                   const Audit *a)
{
  gint64 personnel = a->ep >= 0 ? a->ep : o->employees;
  ZichaComplexity cx = a->complexity >= 0 ? (ZichaComplexity) a->complexity
                                          : ZICHA_COMPLEXITY_MEDIUM;

  return zicha_audit_time_table_value (scheme_code (c->scheme), personnel, cx);
}

gboolean
demo_surveillance_overdue (Gen        *g,
                           const Cert *c)
{
  gint32 anchor = c->issued, prev;
  guint i;
  gboolean late = FALSE;

  for (i = 0; i < c->n_events; i++)
    if (c->ev[i].kind == EV_RENEW && c->ev[i].on <= g->today && c->ev[i].on > anchor)
      anchor = c->ev[i].on;
  for (i = 0; i < c->n_audits; i++)
    if (c->au[i].type == AT_RECERT && c->au[i].start <= g->today && c->au[i].end <= g->today
        && c->au[i].end > anchor)
      anchor = c->au[i].end;
  prev = anchor;
  /* audits are kept sorted by start */
  for (i = 0; i < c->n_audits; i++)
    {
      const Audit *a = &c->au[i];

      if (a->type != AT_SURV || a->start <= anchor || a->start > g->today)
        continue;
      if (a->start > demo_add_months (prev, 12))
        late = TRUE;
      prev = a->start;
    }
  return late || g->today > demo_add_months (prev, 12);
}

void
demo_eval_org (Gen *g,
               Org *o)
{
  guint ci, ai, ti, k, w;

  for (ci = 0; ci < o->n_certs; ci++)
    {
      Cert *c = &o->certs[ci];
      gboolean any_initial = FALSE, any_stage2 = FALSE, any_stage1 = FALSE;
      gboolean early_issue = FALSE;
      gint32 deadline;

      if (c->issued > g->today)
        continue;

      for (k = 0; k < c->n_codes; k++)
        if (!demo_approved_on (g, c->scheme, demo_sectors[o->sector].items[c->items[k]].code,
                               c->issued))
          {
            demo_hit (g, o, R_SCOPE_NOT_APPROVED, c->no);
            break;
          }

      for (ai = 0; ai < c->n_audits; ai++)
        {
          const Audit *a = &c->au[ai];

          if (a->start > g->today)
            continue;
          if (a->type == AT_STAGE2 || a->type == AT_TRANSFER)
            any_initial = TRUE;
          if (a->type == AT_STAGE1)
            any_stage1 = TRUE;
          if (a->type == AT_STAGE2)
            {
              any_stage2 = TRUE;
              if (c->issued < a->end || (a->decision != 0 && c->issued < a->decision))
                early_issue = TRUE;
            }
        }

      for (ai = 0; ai < c->n_audits; ai++)
        {
          const Audit *a = &c->au[ai];
          gboolean lacks = FALSE, has_checkins = FALSE;

          if (a->start > g->today)
            continue;

          /* AUDIT_TIME_SHORT */
          if (zicha_audit_time_has_table (scheme_code (c->scheme))
              && (o->employees > 0 || a->ep >= 0))
            {
              gint32 t = audit_table_value (g, o, c, a);

              if (a->type == AT_STAGE2)
                {
                  gint64 days = a->onsite;
                  guint j;

                  for (j = 0; j < c->n_audits; j++)
                    if (c->au[j].type == AT_STAGE1 && c->au[j].start <= g->today)
                      days += c->au[j].onsite;
                  if (zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_INITIAL, days,
                                                 ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
                    demo_hit_audit (g, o, R_AUDIT_TIME_SHORT, a->no);
                }
              else if ((a->type == AT_SURV
                        && zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_SURVEILLANCE, a->onsite,
                                                      ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
                       || (a->type == AT_RECERT
                           && zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_RECERTIFICATION,
                                                         a->onsite,
                                                         ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT)))
                demo_hit_audit (g, o, R_AUDIT_TIME_SHORT, a->no);
            }

          if (a->ep >= 0 && (gint64) a->ep * 2 < o->employees)
            demo_hit_audit (g, o, R_PERSONNEL_UNDERSTATED, a->no);

          if (a->decider >= 0)
            for (ti = 0; ti < a->n_team; ti++)
              if (a->team[ti].person == a->decider)
                {
                  demo_hit_audit (g, o, R_DECISION_BY_TEAM_MEMBER, a->no);
                  break;
                }

          if (a->decision != 0
              && (a->decision < a->end || (a->report != 0 && a->decision < a->report)))
            demo_hit_audit (g, o, R_DECISION_BEFORE_REPORT, a->no);

          if (a->report != 0 && a->report < a->end)
            demo_hit_audit (g, o, R_REPORT_BEFORE_AUDIT_END, a->no);

          if (a->rec_day != 0 && a->rec_day > a->end + 30)
            demo_hit_audit (g, o, R_RECORDS_LATE, a->no);

          /* AUDITOR_NOT_QUALIFIED */
          for (ti = 0; ti < a->n_team; ti++)
            {
              const TeamRow *r = &a->team[ti];
              const Person *p = &g->persons[r->person];

              if (((r->role == ROLE_LEADER || r->role == ROLE_AUDITOR)
                   && !qualified_on (p, c->scheme, a->start))
                  || !employed_on (p, a->start))
                demo_hit_team (g, o, R_AUDITOR_NOT_QUALIFIED, a->no, r->person);
            }

          /* TEAM_LACKS_COMPETENCE */
          if (a->n_team == 0)
            lacks = TRUE;
          for (k = 0; k < c->n_codes && !lacks; k++)
            {
              const char *code = demo_sectors[o->sector].items[c->items[k]].code;
              gboolean covered = FALSE;

              for (ti = 0; ti < a->n_team && !covered; ti++)
                {
                  const TeamRow *r = &a->team[ti];

                  if (r->role != ROLE_LEADER && r->role != ROLE_AUDITOR && r->role != ROLE_EXPERT)
                    continue;
                  covered = demo_comp_covers_code (&g->persons[r->person], c->scheme, code,
                                                   a->start);
                }
              if (!covered)
                lacks = TRUE;
            }
          if (lacks)
            demo_hit_audit (g, o, R_TEAM_LACKS_COMPETENCE, a->no);

          /* expenses */
          for (ti = 0; ti < a->n_team; ti++)
            for (k = 0; k < a->team[ti].n_exp; k++)
              {
                char key[24];

                g_snprintf (key, sizeof key, "FY%010" G_GUINT64_FORMAT, a->team[ti].exp[k].no);
                if (a->team[ti].exp[k].client)
                  demo_hit (g, o, R_EXPENSE_PAID_BY_CLIENT, key);
                /* exact: the median of a category lies within its clean range (see
                 * demo_amount_lo), and planted amounts exceed 3 × its top */
                if (a->team[ti].exp[k].amount > 3 * demo_amount_hi[a->team[ti].exp[k].cat])
                  demo_hit (g, o, R_EXPENSE_EXCESSIVE, key);
              }

          /* check-ins */
          if (a->checkins)
            for (ti = 0; ti < a->n_team; ti++)
              has_checkins = TRUE;
          if (has_checkins)
            for (ti = 0; ti < a->n_team; ti++)
              {
                const TeamRow *r = &a->team[ti];

                if ((r->role == ROLE_LEADER || r->role == ROLE_AUDITOR) && r->no_in)
                  demo_hit_team (g, o, R_CHECKIN_MISSING, a->no, r->person);
                if ((!r->no_in && r->in_km > 500) || r->out_km > 500)
                  demo_hit_team (g, o, R_CHECKIN_FAR, a->no, r->person);
              }

          /* TRACEABILITY_GAP */
          if (a->end < g->today
              && (a->n_team == 0 || a->report == 0
                  || ((a->type == AT_STAGE2 || a->type == AT_RECERT)
                      && (a->decision == 0 || a->decider < 0))))
            demo_hit_audit (g, o, R_TRACEABILITY_GAP, a->no);
        }

      if (!any_initial)
        demo_hit (g, o, R_CERT_WITHOUT_INITIAL_AUDIT, c->no);
      if (any_stage2 && !any_stage1)
        demo_hit (g, o, R_STAGE1_MISSING, c->no);
      if (early_issue)
        demo_hit (g, o, R_CERT_ISSUED_BEFORE_DECISION, c->no);
      if (c->status == ST_VALID && demo_surveillance_overdue (g, c))
        demo_hit (g, o, R_SURVEILLANCE_OVERDUE, c->no);
      if (c->status == ST_SUSPENDED)
        {
          gint32 since = 0;

          for (k = 0; k < c->n_events; k++)
            if (c->ev[k].kind == EV_SUSPEND && c->ev[k].on <= g->today && c->ev[k].on > since)
              since = c->ev[k].on;
          if (since == 0)
            since = c->status_on;
          if (since != 0 && g->today > demo_add_months (since, 6))
            demo_hit (g, o, R_SUSPENSION_TOO_LONG, c->no);
        }
      if (c->status == ST_VALID && c->expires < g->today)
        demo_hit (g, o, R_EXPIRED_STILL_VALID, c->no);
      deadline = demo_report_deadline (c->issued);
      if ((c->reported != 0 && c->reported > deadline)
          || (c->reported == 0 && g->today > deadline))
        demo_hit (g, o, R_REPORTED_LATE, c->no);

      /* CODE_WITHOUT_COMPETENCE: competences are either whole sectors or narrower codes
       * inside sectors that some person employed today covers whole, so the sector flag is
       * exact. */
      if (c->status == ST_VALID && !g->covered_today[c->scheme][o->sector])
        for (k = 0; k < c->n_codes; k++)
          {
            char *key = g_strdup_printf ("%s/%s", scheme_code (c->scheme),
                                         demo_sectors[o->sector].items[c->items[k]].code);

            if (g_hash_table_add (g->code_hits, key))
              demo_hit (g, o, R_CODE_WITHOUT_COMPETENCE, key);
          }
    }

  /* WATCHLIST_NO_ACTION */
  if (o->watch && o->watch_on + 30 < g->today)
    for (ci = 0; ci < o->n_certs; ci++)
      {
        const Cert *c = &o->certs[ci];
        gint32 n = o->watch_on;
        gboolean in_force = c->issued <= n && n <= c->expires;
        gboolean acted = FALSE;

        for (k = 0; k < c->n_events; k++)
          {
            const Event *e = &c->ev[k];

            if ((e->kind == EV_WITHDRAW || e->kind == EV_CANCEL) && e->on < n)
              in_force = FALSE;
            if ((e->kind == EV_SUSPEND || e->kind == EV_WITHDRAW || e->kind == EV_CANCEL)
                && e->on >= n && e->on <= n + 30)
              acted = TRUE;
          }
        for (ai = 0; ai < c->n_audits; ai++)
          if ((c->au[ai].type == AT_SPECIAL || c->au[ai].type == AT_SHORT_NOTICE)
              && c->au[ai].start >= n && c->au[ai].start <= n + 30)
            acted = TRUE;
        if (in_force && !acted)
          demo_hit (g, o, R_WATCHLIST_NO_ACTION, c->no);
      }

  /* COMPLAINT_UNRESOLVED */
  for (w = 0; w < o->n_complaints; w++)
    {
      const Complaint *cp = &o->complaints[w];

      if ((cp->closed != 0 && cp->closed > cp->received + 60)
          || (cp->closed == 0 && g->today > cp->received + 60))
        {
          char key[24];

          g_snprintf (key, sizeof key, "TS%07" G_GUINT64_FORMAT, cp->no);
          demo_hit (g, o, R_COMPLAINT_UNRESOLVED, key);
        }
    }
}
