/* zicha-demo-certificates.c — certificates of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A certificate's history from its plan (Spec): the skeleton of audits and events over its
 * three-year cycles, its fate (expired, suspended, withdrawn, cancelled, restored), the
 * renewals and the report to the national platform after its audits are staffed, its number
 * and its scope codes.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include "zicha-demo-private.h"

static void
add_event (Cert       *c,
           guint       kind,
           gint32      on,
           const char *reason)
{
  Event *e;

  g_assert (c->n_events < MAX_EVENTS);
  e = &c->ev[c->n_events++];
  e->kind = (guint8) kind;
  e->on = on;
  e->reason = reason;
}

static gboolean
fits (const Audit *a,
      gint32       horizon)
{
  return a->end <= horizon;
}

void
demo_sort_audits (Cert *c)
{
  guint i, j;

  for (i = 1; i < c->n_audits; i++)
    for (j = i; j > 0 && c->au[j - 1].start > c->au[j].start; j--)
      {
        Audit tmp = c->au[j];

        c->au[j] = c->au[j - 1];
        c->au[j - 1] = tmp;
      }
}

/* Surveillance and recertification follow each other at most 335 days apart as planned, 349
 * after a team shift of up to 14 days; an audit longer than 10 days never occurs. So when the
 * next audit falls after the horizon (today − 3), the previous start plus 12 months (≥ 365
 * days) is still after today: no clean valid certificate is ever overdue. */
void
demo_build_skeleton (Gen        *g,
                     Org        *o,
                     Cert       *c,
                     const Spec *sp)
{
  gint32 issue = sp->issue, anchor, expiry, s1, s2, rc;
  gint cycle = 0;
  guint k;
  Audit *a;

  c->n_audits = 0;
  c->n_events = 0;
  c->issued = issue;
  c->status = ST_VALID;
  add_event (c, EV_ISSUE, issue, sp->transfer ? "认证转换，换发本机构证书" : "初次认证发证");

  if (!sp->no_initial)
    {
      gint32 end2 = issue - rng_range (&g->rng, 5, 16);

      if (sp->transfer)
        {
          a = demo_add_audit (g, o, c, AT_TRANSFER, end2);
          demo_shape_audit (g, a, &k);
          a->start = end2 - (a->end - a->start);
          a->end = end2;
          a->min_start = a->start - 14;
          a->limit = issue;
        }
      else
        {
          Audit *s1a = NULL;
          gint32 s1days = 0;
          guint n1 = c->n_audits;

          if (!sp->no_stage1)
            {
              s1a = demo_add_audit (g, o, c, AT_STAGE1, 0);
              s1days = s1a->required;
            }
          a = demo_add_audit (g, o, c, AT_STAGE2, 0);
          demo_set_stage2_required (g, o, c, a, s1days);
          if (s1a != NULL)
            s1a = &c->au[n1];
          a->start = end2;
          demo_shape_audit (g, a, &k);
          a->start = end2 - (a->end - a->start);
          a->end = end2;
          a->min_start = a->start - 10;
          a->limit = issue;
          if (s1a != NULL)
            {
              gint32 end1 = a->start - rng_range (&g->rng, 25, 60);

              s1a->start = end1;
              demo_shape_audit (g, s1a, &k);
              s1a->start = end1 - (s1a->end - s1a->start);
              s1a->end = end1;
              s1a->min_start = s1a->start - 14;
              s1a->limit = a->start - 1;
            }
        }
    }

  anchor = issue;
  expiry = demo_add_months (issue, 36);
  for (;;)
    {
      if (sp->stop_after_issue)
        break;
      s1 = (cycle == 0 && sp->first_surv != 0) ? sp->first_surv
           : anchor + (sp->fixed ? 330 : rng_range (&g->rng, 300, 335));
      a = demo_add_audit (g, o, c, AT_SURV, s1);
      if (cycle == 0 && sp->first_surv != 0)
        {
          a->min_start = s1;
          a->forced_len = sp->first_len;
        }
      demo_shape_audit (g, a, &k);
      if (!fits (a, sp->horizon))
        {
          c->n_audits--;
          break;
        }
      s2 = s1 + (sp->fixed ? 330 : rng_range (&g->rng, 300, 335));
      a = demo_add_audit (g, o, c, AT_SURV, s2);
      demo_shape_audit (g, a, &k);
      if (!fits (a, sp->horizon))
        {
          c->n_audits--;
          break;
        }
      if (cycle == sp->expire_cycle)
        {
          c->expires = expiry;
          c->status = sp->expire_valid ? ST_VALID : ST_EXPIRED;
          c->status_on = sp->expire_valid ? 0 : expiry;
          return;
        }
      rc = lmin (expiry - rng_range (&g->rng, 50, 90), s2 + rng_range (&g->rng, 300, 335));
      a = demo_add_audit (g, o, c, AT_RECERT, rc);
      demo_shape_audit (g, a, &k);
      if (!fits (a, sp->horizon))
        {
          c->n_audits--;
          break;
        }
      a->renew_before = expiry;
      /* the next anchor is the renewal, at least rc − 14 (a shifted start) */
      anchor = rc;
      expiry = demo_add_months (expiry, 36);
      cycle++;
    }
  c->expires = expiry;
}

/* Ends a certificate's history on @day: audits from 45 days before are dropped. */
static void
cut_at (Cert   *c,
        gint32  day)
{
  guint i, n = 0, recerts = 0;

  for (i = 0; i < c->n_audits; i++)
    if (c->au[i].start < day - 45)
      {
        if (c->au[i].type == AT_RECERT)
          recerts++;
        if (n != i)
          c->au[n] = c->au[i];
        n++;
      }
  c->n_audits = (guint8) n;
  c->expires = demo_add_months (c->issued, 36 * (gint) (recerts + 1));
}

void
demo_apply_fate (Gen        *g,
                 Org        *o,
                 Cert       *c,
                 const Spec *sp)
{
  const char *reason;
  Audit *a;
  guint k;

  switch (sp->fate)
    {
    case F_SUSPENDED:
      cut_at (c, sp->fate_day);
      reason = demo_suspend_reasons[rng_below (&g->rng, demo_n_suspend_reasons)];
      add_event (c, EV_SUSPEND, sp->fate_day, reason);
      c->status = ST_SUSPENDED;
      c->status_on = sp->fate_day;
      break;
    case F_WITHDRAWN:
      cut_at (c, sp->fate_day);
      add_event (c, EV_SUSPEND, sp->fate_day, demo_suspend_reasons[0]);
      add_event (c, EV_WITHDRAW, sp->fate_day2, "暂停期满未能恢复，撤销认证证书");
      c->status = ST_WITHDRAWN;
      c->status_on = sp->fate_day2;
      break;
    case F_CANCELLED:
      cut_at (c, sp->fate_day);
      add_event (c, EV_CANCEL, sp->fate_day,
                 demo_cancel_reasons[rng_below (&g->rng, demo_n_cancel_reasons)]);
      c->status = ST_CANCELLED;
      c->status_on = sp->fate_day;
      break;
    case F_RESTORED:
      add_event (c, EV_SUSPEND, sp->fate_day, demo_suspend_reasons[2]);
      a = demo_add_audit (g, o, c, AT_SPECIAL, sp->fate_day + rng_range (&g->rng, 20, 50));
      a->min_start = sp->fate_day + 1;
      a->restore = 1;
      demo_shape_audit (g, a, &k);
      break;
    default:
      break;
    }
}

/* After the teams: renewals, restoration, status date, report to the national platform. */
void
demo_close_cert (Gen  *g,
                 Cert *c)
{
  guint i;

  for (i = 0; i < c->n_audits; i++)
    {
      const Audit *a = &c->au[i];

      if (a->type == AT_RECERT && a->renew_before != 0)
        {
          gint32 on = lmin (a->decision + rng_range (&g->rng, 0, 5), g->yesterday);

          on = MIN (on, a->renew_before - 1);
          add_event (c, EV_RENEW, on, "再认证通过，换发证书");
        }
      if (a->restore)
        add_event (c, EV_RESTORE, lmin (a->report + rng_range (&g->rng, 1, 5), g->yesterday),
                   "特殊审核确认暂停原因已消除，恢复认证证书");
    }
  if (c->status == ST_VALID)
    {
      c->status_on = 0;
      for (i = 0; i < c->n_events; i++)
        if (c->ev[i].on > c->status_on
            && (c->ev[i].kind == EV_ISSUE || c->ev[i].kind == EV_RENEW
                || c->ev[i].kind == EV_RESTORE))
          c->status_on = c->ev[i].on;
    }
  c->reported = lmin (lmin (c->issued + rng_range (&g->rng, 1, 20),
                            demo_report_deadline (c->issued)),
                      g->yesterday);
}

void
demo_name_cert (Gen  *g,
                Org  *o,
                Cert *c)
{
  static const char letters[DEMO_N_SCHEMES] = { 'Q', 'E', 'S', 'F', 'I' };
  guint yy = (guint) (demo_year_of (c->issued) % 100);
  guint renewals = 0, i;
  char size = o->employees < 100 ? 'S' : o->employees < 1000 ? 'M' : 'L';

  for (i = 0; i < c->n_events; i++)
    if (c->ev[i].kind == EV_RENEW)
      renewals++;
  g_snprintf (c->no, sizeof c->no, "%02u%03u%c%02u%05uR%u%c", g->approval_year % 100,
              g->approval_seq, letters[c->scheme], yy, ++g->serial[c->scheme][yy], renewals,
              size);
}

void
demo_pick_codes (Gen   *g,
                 Org   *o,
                 Cert  *c,
                 gboolean unfiltered)
{
  guint n = demo_sector_n_items (o->sector), ok[DEMO_MAX_ITEMS], n_ok = 0, i, want;

  for (i = 0; i < n; i++)
    if (unfiltered || demo_approved_on (g, c->scheme, demo_sectors[o->sector].items[i].code,
                                        c->issued))
      ok[n_ok++] = i;
  g_assert (n_ok > 0);
  want = 1 + rng_below (&g->rng, lmin (n_ok, (guint) MAX_CODES));
  /* partial Fisher–Yates */
  for (i = 0; i < want; i++)
    {
      guint j = i + rng_below (&g->rng, n_ok - i), t = ok[i];

      ok[i] = ok[j];
      ok[j] = t;
    }
  /* in table order, so the list reads naturally */
  for (i = 1; i < want; i++)
    {
      guint j = i, t = ok[i];

      for (; j > 0 && ok[j - 1] > t; j--)
        ok[j] = ok[j - 1];
      ok[j] = t;
    }
  c->n_codes = (guint8) want;
  for (i = 0; i < want; i++)
    c->items[i] = (guint8) ok[i];
}
