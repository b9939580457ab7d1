/* zicha-demo-audits.c — audits and teams of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audits of a certificate: their required days from the MD 5 table, team size and length,
 * teams drawn from the calendars (clean teams are qualified, competent, free and within the
 * part-time share), people hired when no shift of the start helps, and what follows the
 * on-site days: report, decision, records, check-ins and expenses.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include <string.h>

#include "zicha-audit-time.h"
#include "zicha-demo-private.h"

/* Clean amounts in hundredths of a yuan: [lo, hi] with hi < 3·lo, so a clean amount never
 * exceeds 3 × the median of its category (EXPENSE_EXCESSIVE). */
const gint32 demo_amount_lo[N_CATEGORIES] = { 30000, 26000, 8000, 5000 };
const gint32 demo_amount_hi[N_CATEGORIES] = { 88000, 76000, 23000, 14000 };

gint32
demo_table_value_for (const Org *o,
                      guint      scheme,
                      gint32     ep,
                      gint       complexity)
{
  const char *code = zicha_audit_time_has_table (scheme_code (scheme)) ? scheme_code (scheme)
                                                                        : "QMS";
  (void) o;
  return zicha_audit_time_table_value (code, ep,
                                       complexity >= 0 ? (ZichaComplexity) complexity
                                                       : ZICHA_COMPLEXITY_MEDIUM);
}

/* Team size and on-site length from the required days. */
void
demo_shape_audit (Gen   *g,
                  Audit *a,
                  guint *k_out)
{
  gint32 req = a->required;
  guint k;
  gint32 len;

  if (a->forced_len > 0)
    {
      *k_out = 1;
      a->end = a->start + a->forced_len - 1;
      return;
    }
  (void) g;
  /* two people at least, but a small stage 1 */
  if (req <= 50 || (req <= 100 && a->type == AT_STAGE1))
    k = 1;
  else if (req <= 900)
    k = 2;
  else if (req <= 1600)
    k = 3;
  else
    k = 4;
  len = (req + (gint32) k * 100 - 1) / ((gint32) k * 100);
  if (len < a->min_len)
    len = a->min_len;
  *k_out = k;
  a->end = a->start + len - 1;
}

Audit *
demo_add_audit (Gen   *g,
                Org   *o,
                Cert  *c,
                guint  type,
                gint32 start)
{
  Audit *a;
  gint32 t;
  gint cx = -1;

  g_assert (c->n_audits < MAX_AUDITS);
  a = &c->au[c->n_audits++];
  memset (a, 0, G_STRUCT_OFFSET (Audit, team));
  a->type = (guint8) type;
  a->start = start;
  a->min_start = start - 14;
  a->limit = g->yesterday;
  a->decider = -1;
  a->forced_person = -1;
  a->checkins = TRUE;
  a->mode = MODE_NORMAL;
  a->ep = lmax (1, (gint32) ((gint64) o->employees * rng_range (&g->rng, 850, 1000) / 1000));
  if (a->ep * 2 < o->employees)
    a->ep = (o->employees + 1) / 2;
  if (c->scheme == DEMO_EMS || c->scheme == DEMO_OHSMS)
    {
      cx = (gint) demo_sectors[o->sector].complexity;
      if (c->scheme == DEMO_OHSMS && cx == ZICHA_COMPLEXITY_LIMITED)
        cx = ZICHA_COMPLEXITY_LOW;
    }
  a->complexity = (gint8) cx;
  t = demo_table_value_for (o, c->scheme, a->ep, cx);

  switch (type)
    {
    case AT_STAGE1:
      a->required = lmax (100, round_up50 ((gint64) t * rng_range (&g->rng, 25, 35) / 100));
      break;
    case AT_STAGE2:
      /* set by the caller, who knows stage 1 */
      a->required = lmax (100, round_up50 ((gint64) t * rng_range (&g->rng, 85, 105) / 100));
      break;
    case AT_SURV:
    case AT_TRANSFER:
      a->required = lmax (100, round_up50 ((gint64) t * rng_range (&g->rng, 85, 110) / 300));
      while (zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_SURVEILLANCE, a->required,
                                        ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
        a->required += 50;
      break;
    case AT_RECERT:
      a->required = lmax (100, round_up50 ((gint64) t * 2 * rng_range (&g->rng, 85, 110) / 300));
      while (zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_RECERTIFICATION, a->required,
                                        ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
        a->required += 50;
      break;
    default:
      a->required = lmax (100, round_up50 ((gint64) t * rng_range (&g->rng, 50, 80) / 300));
      break;
    }
  a->planned = a->required;
  return a;
}

/* Stage 2 so that stage 1 + stage 2 ≥ 0.85 T (clean) and never short. */
void
demo_set_stage2_required (Gen         *g,
                          const Org   *o,
                          const Cert  *c,
                          Audit       *s2,
                          gint32       stage1_days)
{
  gint32 t = demo_table_value_for (o, c->scheme, s2->ep, s2->complexity);
  gint32 total = round_up50 ((gint64) t * rng_range (&g->rng, 85, 105) / 100);

  s2->required = MAX (100, total - stage1_days);
  while (zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_INITIAL, s2->required + stage1_days,
                                    ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
    s2->required += 50;
  s2->planned = s2->required;
}

/* The largest multiple of 50 (≥ 50) that is short for @kind, or 0 when none is. */
gint32
demo_short_days (gint32             t,
                 ZichaAuditTimeKind kind,
                 gint32             already)
{
  gint32 d;

  for (d = round_up50 ((gint64) t * 3); d >= 50; d -= 50)
    if (zicha_audit_time_is_short (t, kind, d + already, ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
      return MAX (50, d * 3 / 5 / 50 * 50);
  return 0;
}

enum { NEED_LEAD = 1, NEED_AUD = 2, NEED_COMP = 4, NEED_NOCOMP = 8, NEED_NOCAP = 16 };

static gboolean
row_member (const Audit *a,
            guint        n,
            gint32       p)
{
  guint i;

  for (i = 0; i < n; i++)
    if (a->team[i].person == p)
      return TRUE;
  return FALSE;
}

static gboolean
pt_ok (Gen          *g,
       const Person *p,
       gint32        day,
       gint32        days)
{
  guint y;

  if (!p->part_time)
    return TRUE;
  y = (guint) (demo_year_of (day) - g->cal_year0);
  return (g->pt_days[y] + days) * 100 <= (gint64) PT_CAP_PCT * (g->all_days[y] + days);
}

static gint32
pick (Gen         *g,
      GArray      *pool,
      guint        need,
      guint        s,
      guint        sector,
      gint32       from,
      gint32       to,
      const Audit *a,
      guint        n_team)
{
  guint len = pool->len, first, j, probes;
  gint32 days = (to - from + 1) * 100;

  if (len == 0)
    return -1;
  first = rng_below (&g->rng, len);
  probes = MIN (len, PROBES);
  for (j = 0; j < probes; j++)
    {
      gint32 p = g_array_index (pool, gint32, (first + j) % len);
      const Person *pp = &g->persons[p];

      if (row_member (a, n_team, p))
        continue;
      if ((need & NEED_LEAD) && !lead_on (pp, s, from))
        continue;
      if ((need & NEED_AUD) && !qualified_on (pp, s, from))
        continue;
      if ((need & NEED_COMP) && !demo_has_top_comp (pp, s, sector, from))
        continue;
      if ((need & NEED_NOCOMP) && demo_has_any_comp_in (pp, s, sector))
        continue;
      if (!(need & NEED_NOCAP) && !pt_ok (g, pp, from, days))
        continue;
      if (!demo_person_free (g, p, from, to, !(need & NEED_NOCAP)))
        continue;
      return p;
    }
  return -1;
}

static void
set_row (Audit  *a,
         guint   i,
         gint32  p,
         guint   role)
{
  TeamRow *r = &a->team[i];

  memset (r, 0, sizeof *r);
  r->person = p;
  r->role = (guint8) role;
}

/* Leader and k − 1 auditors for [start, end]; competence for the sector from one of them or
 * an added expert. FALSE when the calendars have no such team. */
static gboolean
try_team (Gen   *g,
          Org   *o,
          Cert  *c,
          Audit *a,
          guint  k)
{
  guint s = c->scheme, sec = o->sector, n = 0;
  gint32 from = a->start, to = a->end, p;
  gboolean competent;
  gboolean incompetent = a->mode == MODE_INCOMPETENT;

  if (a->mode == MODE_OLD)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (g->old_pt) && n < MIN (k, 2u); i++)
        {
          p = g->old_pt[i];
          if ((n == 0 ? lead_on (&g->persons[p], s, from) : qualified_on (&g->persons[p], s, from))
              && demo_person_free (g, p, from, to, TRUE))
            {
              set_row (a, n, p, n == 0 ? ROLE_LEADER : ROLE_AUDITOR);
              n++;
            }
        }
      a->n_team = (guint8) n;
      return n > 0 && a->team[0].role == ROLE_LEADER;
    }

  if (incompetent)
    {
      p = pick (g, g->lead_pool[s], NEED_LEAD | NEED_NOCOMP, s, sec, from, to, a, n);
      competent = TRUE;
    }
  else
    {
      p = pick (g, g->comp_pool[s][sec], NEED_LEAD | NEED_COMP, s, sec, from, to, a, n);
      if (p < 0)
        p = pick (g, g->lead_pool[s], NEED_LEAD, s, sec, from, to, a, n);
      competent = p >= 0 && demo_has_top_comp (&g->persons[p], s, sec, from);
    }
  if (p < 0)
    return FALSE;
  set_row (a, n++, p, ROLE_LEADER);

  while (n < k)
    {
      p = -1;
      if (!competent)
        {
          p = pick (g, g->comp_pool[s][sec], NEED_AUD | NEED_COMP, s, sec, from, to, a, n);
          competent = p >= 0;
        }
      if (p < 0)
        p = pick (g, g->aud_pool[s], NEED_AUD | (incompetent ? NEED_NOCOMP : 0), s, sec, from,
                  to, a, n);
      if (p < 0)
        return FALSE;
      set_row (a, n++, p, ROLE_AUDITOR);
    }

  if (!competent)
    {
      p = pick (g, g->comp_pool[s][sec], NEED_COMP, s, sec, from, to, a, n);
      if (p < 0)
        return FALSE;
      set_row (a, n++, p, ROLE_EXPERT);
    }
  else if (!incompetent && rng_permille (&g->rng, 120))
    {
      p = pick (g, g->comp_pool[s][sec], NEED_COMP, s, sec, from, to, a, n);
      if (p >= 0)
        set_row (a, n++, p, ROLE_EXPERT);
    }
  if (!incompetent && rng_permille (&g->rng, 80))
    {
      p = pick (g, g->trainee_pool[s], 0, s, sec, from, to, a, n);
      if (p >= 0)
        set_row (a, n++, p, ROLE_TRAINEE);
    }
  a->n_team = (guint8) n;
  return TRUE;
}

/* When no shift helps: hire people (never when the calendars suffice). */
static void
hire_team (Gen   *g,
           Org   *o,
           Cert  *c,
           Audit *a,
           guint  k)
{
  guint s = c->scheme, sec = o->sector, n = 0;
  gboolean incompetent = a->mode == MODE_INCOMPETENT;
  gint hsec = incompetent ? -(gint) sec - 1 : (gint) sec;
  gint32 p;

  p = demo_hire (g, s, hsec, a->start, KIND_AUDITOR);
  set_row (a, n++, p, ROLE_LEADER);
  while (n < k)
    {
      p = pick (g, g->aud_pool[s], NEED_AUD | (incompetent ? NEED_NOCOMP : 0), s, sec, a->start,
                a->end, a, n);
      if (p < 0)
        p = demo_hire (g, s, hsec, a->start, KIND_AUDITOR);
      set_row (a, n++, p, ROLE_AUDITOR);
    }
  a->n_team = (guint8) n;
}

static void
account_row (Gen       *g,
             Cert      *c,
             Audit     *a,
             TeamRow   *r,
             gboolean   occupy,
             gboolean   clean)
{
  Person *p = &g->persons[r->person];
  guint y = (guint) (demo_year_of (r->from) - g->cal_year0);

  if (occupy)
    demo_person_occupy (g, r->person, r->from, r->to);
  g->all_days[y] += r->days;
  if (p->part_time)
    g->pt_days[y] += r->days;
  if (occupy)
    {
      p->last_from = r->from;
      p->last_audit = a->no;
      p->last_scheme = c->scheme;
      p->last_role = r->role;
      p->last_ok = clean;
    }
}

void
demo_staff_audit (Gen   *g,
                  Org   *o,
                  Cert  *c,
                  Audit *a)
{
  guint k, i, n_aud = 0, units, j;
  gint32 start0 = a->start, st;
  gboolean done = FALSE;

  if (a->mode == MODE_NOTEAM)
    {
      demo_shape_audit (g, a, &k);
      a->n_team = 0;
      return;
    }

  if (a->mode == MODE_FORCED)
    {
      demo_shape_audit (g, a, &k);
      set_row (a, 0, a->forced_person, ROLE_LEADER);
      a->n_team = 1;
      a->required = (a->end - a->start + 1) * 100;
      done = TRUE;
    }

  for (st = start0; !done && st >= a->min_start; st--)
    {
      a->start = st;
      demo_shape_audit (g, a, &k);
      if (try_team (g, o, c, a, k))
        done = TRUE;
    }
  if (!done)
    {
      a->start = start0;
      demo_shape_audit (g, a, &k);
      if (a->mode == MODE_OLD)
        g_warning ("no part-time team for a planted early audit");
      a->mode = a->mode == MODE_OLD ? MODE_NORMAL : a->mode;
      hire_team (g, o, c, a, k);
    }

  /* the required days over leader and auditors, in half days */
  for (i = 0; i < a->n_team; i++)
    if (a->team[i].role == ROLE_LEADER || a->team[i].role == ROLE_AUDITOR)
      n_aud++;
  units = (guint) (a->required / 50);
  for (i = 0, j = 0; i < a->n_team; i++)
    {
      TeamRow *r = &a->team[i];

      r->from = a->start;
      r->to = a->end;
      if (r->role == ROLE_LEADER || r->role == ROLE_AUDITOR)
        {
          r->days = (gint32) (units / n_aud + (j < units % n_aud ? 1 : 0)) * 50;
          j++;
        }
      else
        r->days = (a->end - a->start + 1) * 100;
      account_row (g, c, a, r, TRUE, a->mode == MODE_NORMAL);
    }

  if (a->mode == MODE_UNQUALIFIED && a->n_team < MAX_TEAM)
    {
      /* a trainee listed as auditor (AUDITOR_NOT_QUALIFIED) */
      gint32 p = pick (g, g->trainee_pool[c->scheme], 0, c->scheme, o->sector, a->start, a->end,
                       a, a->n_team);
      TeamRow *r;

      if (p < 0)
        p = demo_hire (g, c->scheme, (gint) o->sector, a->start, KIND_TRAINEE);
      r = &a->team[a->n_team++];
      set_row (a, a->n_team - 1u, p, ROLE_AUDITOR);
      r->from = a->start;
      r->to = a->end;
      r->days = (a->end - a->start + 1) * 100;
      account_row (g, c, a, r, TRUE, FALSE);
    }

  if (a->mode == MODE_DOUBLE && a->n_team < MAX_TEAM)
    {
      /* the person is already on site elsewhere that day (AUDITOR_DOUBLE_BOOKED) */
      Person *p = &g->persons[a->forced_person];
      TeamRow *r = &a->team[a->n_team++];

      set_row (a, a->n_team - 1u, a->forced_person, a->forced_role);
      r->from = a->start;
      r->to = a->start;
      r->days = 100;
      account_row (g, c, a, r, FALSE, FALSE);
      p->last_ok = FALSE;
    }
}

const char *const demo_travel_notes[N_TRAVEL_NOTES] = {
  "往返高铁票", "自驾燃油费及过路费", "往返长途汽车票", "市内交通费"
};

void
demo_finish_audit (Gen   *g,
                   Audit *a)
{
  guint i, e;
  gint32 lim = a->limit;

  a->report = lmin (a->end + rng_range (&g->rng, 0, 4), lim);
  if (a->report < a->end)
    a->report = a->end;
  if (a->type == AT_STAGE2 || a->type == AT_SURV || a->type == AT_RECERT
      || a->type == AT_TRANSFER)
    {
      a->decision = lmin (a->report + rng_range (&g->rng, 1, 12), lim);
      if (a->decision < a->report)
        a->decision = a->report;
      a->decider = g_array_index (g->deciders, gint32, rng_below (&g->rng, g->deciders->len));
    }
  a->rec_day = lmin (a->report + rng_range (&g->rng, 0, 6), g->yesterday);
  a->rec_min = (gint16) rng_range (&g->rng, 510, 1080);

  a->onsite = 0;
  for (i = 0; i < a->n_team; i++)
    {
      TeamRow *r = &a->team[i];
      gint len = r->to - r->from + 1;

      if (r->role == ROLE_LEADER || r->role == ROLE_AUDITOR)
        a->onsite += r->days;
      r->in_min = (gint16) rng_range (&g->rng, 450, 539);
      r->out_min = (gint16) rng_range (&g->rng, 990, 1109);
      r->in_km = rng_range (&g->rng, 0, 350);
      r->out_km = rng_range (&g->rng, 0, 350);
      r->in_photos = (guint8) rng_range (&g->rng, 1, 4);
      r->out_photos = (guint8) rng_range (&g->rng, 1, 4);

      r->n_exp = 1;
      r->exp[0].cat = CAT_TRAVEL;
      r->exp[0].on = r->from;
      r->exp[0].note = (guint8) rng_below (&g->rng, G_N_ELEMENTS (demo_travel_notes));
      if (len >= 2)
        {
          r->n_exp = 2;
          r->exp[1].cat = CAT_LODGING;
          r->exp[1].on = r->to;
        }
      else if (rng_permille (&g->rng, 500))
        {
          r->n_exp = 2;
          r->exp[1].cat = rng_permille (&g->rng, 800) ? CAT_MEALS : CAT_OTHER;
          r->exp[1].on = r->from;
        }
      for (e = 0; e < r->n_exp; e++)
        {
          r->exp[e].amount = rng_range (&g->rng, demo_amount_lo[r->exp[e].cat],
                                        demo_amount_hi[r->exp[e].cat]);
          r->exp[e].client = 0;
          r->exp[e].no = ++g->next_expense;
        }
    }
  if (a->n_team == 0)
    {
      a->onsite = a->required;
      a->checkins = FALSE;
    }
}
