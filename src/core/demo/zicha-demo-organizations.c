/* zicha-demo-organizations.c — organizations of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One certified organization at a time: its name, code and size, the plan of its certificates,
 * watch-list entries and complaints; then its teams are staffed, the independent evaluator runs
 * on it and its rows are written to every file they belong to. demo_gen_clean makes one clean
 * organization.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include <string.h>

#include "zicha-demo-private.h"

/* The ids of the model's values in the interchange files */

static const char *const role_ids[N_ROLES] = { "leader", "auditor", "expert", "trainee" };
static const char *const audit_type_ids[] = {
  "stage1", "stage2", "surveillance", "recertification", "special", "short_notice", "transfer"
};
static const char *const event_ids[] = { "issue", "renew", "suspend", "restore", "withdraw",
                                         "cancel" };
static const char *const status_ids[] = { "valid", "suspended", "withdrawn", "cancelled",
                                          "expired" };
static const char *const category_ids[N_CATEGORIES] = { "travel", "lodging", "meals", "other" };
static const char *const complexity_ids[] = { "high", "medium", "low", "limited" };

/* ------------------------------------------------------------------------------------------ */
/* Organizations */

void
demo_org_init (Gen   *g,
               Org   *o,
               guint  sector)
{
  const DemoCity *city;
  const char *word;
  const char *b1, *b2;
  guint r = rng_below (&g->rng, 1000);
  const char *suffix;

  o->no = ++g->next_org;
  o->sector = (guint8) sector;
  o->city = rng_below (&g->rng, demo_n_cities);
  o->n_certs = 0;
  o->n_complaints = 0;
  o->watch = 0;
  o->allowed = 0;
  o->primary = 0;
  o->found = 0;
  g_snprintf (o->id, sizeof o->id, "C%07" G_GUINT64_FORMAT, o->no);

  city = &demo_cities[o->city];
  word = demo_sectors[sector].words[rng_below (&g->rng, 2 + rng_below (&g->rng, 2))];
  if (word == NULL)
    word = demo_sectors[sector].words[0];
  b1 = demo_brand_chars[rng_below (&g->rng, demo_n_brand_chars)];
  do
    b2 = demo_brand_chars[rng_below (&g->rng, demo_n_brand_chars)];
  while (b2 == b1);
  suffix = r < 800 ? "有限公司" : r < 900 ? "股份有限公司" : "有限责任公司";
  g_snprintf (o->name, sizeof o->name, "%s%s%s%s%s", city->short_name, b1, b2, word, suffix);
  demo_make_uscc (o->uscc, city->division, (guint32) (o->no % 100000000));

  r = rng_below (&g->rng, 1000);
  if (r < 400)
    o->employees = rng_range (&g->rng, 5, 50);
  else if (r < 750)
    o->employees = rng_range (&g->rng, 51, 300);
  else if (r < 930)
    o->employees = rng_range (&g->rng, 301, 1000);
  else if (r < 990)
    o->employees = rng_range (&g->rng, 1001, 3000);
  else
    o->employees = rng_range (&g->rng, 3001, 9000);
  r = rng_below (&g->rng, 1000);
  o->sites = r < 850 ? 1 : r < 970 ? 2 : 3;
}

static gint32
draw_issue (Gen *g)
{
  gint32 span = g->issue_max - g->issue_min;
  guint64 u = rng_below (&g->rng, 1u << 30), root = 0, bit;

  /* a growing body: the density of issue dates rises linearly towards today, age =
   * span · (1 − √u), with an integer square root */
  for (bit = 1u << 30; bit > 0; bit >>= 2)
    if (u >= root + bit)
      {
        u -= root + bit;
        root = (root >> 1) + bit;
      }
    else
      root >>= 1;
  /* root = ⌊√u⌋ < 2^15 */
  return g->issue_min + (gint32) ((guint64) span * root >> 15);
}

void
demo_default_spec (Gen  *g,
                   Spec *sp,
                   gint32 issue)
{
  memset (sp, 0, sizeof *sp);
  sp->issue = issue;
  sp->fate = F_VALID;
  sp->horizon = g->horizon;
  sp->expire_cycle = -1;
}

/* Clean fates; anything that would need a date after yesterday stays valid. */
static void
draw_fate (Gen  *g,
           Spec *sp)
{
  guint r = rng_below (&g->rng, 1000);
  gint32 issue = sp->issue;

  if (r < 80)
    {
      gint cycles = 0;

      while (demo_add_months (issue, 36 * (cycles + 1)) < g->today - 1)
        cycles++;
      if (cycles > 0)
        {
          sp->fate = F_EXPIRED;
          sp->expire_cycle = (gint) rng_below (&g->rng, (guint) cycles);
        }
    }
  else if (r < 110)
    {
      if (issue + 120 < g->today - 5)
        {
          sp->fate = F_CANCELLED;
          sp->fate_day = rng_range (&g->rng, issue + 120, g->today - 5);
        }
    }
  else if (r < 130)
    {
      if (issue + 200 < g->today - 75)
        {
          sp->fate = F_WITHDRAWN;
          sp->fate_day = rng_range (&g->rng, issue + 200, g->today - 75);
          sp->fate_day2 = lmin (sp->fate_day + rng_range (&g->rng, 30, 150), g->yesterday);
          sp->fate_day2 = MIN (sp->fate_day2, demo_add_months (sp->fate_day, 6));
        }
    }
  else if (r < 145)
    {
      if (issue + 200 < g->today - 150)
        {
          sp->fate = F_SUSPENDED;
          sp->fate_day = rng_range (&g->rng, g->today - 150, g->today - 5);
        }
    }
  else if (r < 160)
    {
      if (issue + 150 < g->today - 100)
        {
          sp->fate = F_RESTORED;
          sp->fate_day = rng_range (&g->rng, issue + 150, g->today - 100);
        }
    }
}

guint
demo_draw_first_scheme (Gen   *g,
                        guint  sector)
{
  guint mask = demo_sectors[sector].schemes;
  guint r = rng_below (&g->rng, 1000);

  if ((mask & DEMO_SCHEME_BIT (DEMO_FSMS)) && r < 300)
    return DEMO_FSMS;
  if ((mask & DEMO_SCHEME_BIT (DEMO_ISMS)) && r < 200)
    return DEMO_ISMS;
  if ((mask & DEMO_SCHEME_BIT (DEMO_EMS)) && r >= 930 && r < 970)
    return DEMO_EMS;
  if ((mask & DEMO_SCHEME_BIT (DEMO_OHSMS)) && r >= 970)
    return DEMO_OHSMS;
  return DEMO_QMS;
}

/* Adds one certificate of @scheme to @o, issued on sp->issue (moved after the approval of its
 * sector when @clean); its audits come from demo_build_skeleton. NULL when the scheme isn't
 * approved in time. */
Cert *
demo_new_cert (Gen    *g,
               Org    *o,
               guint   scheme,
               Spec   *sp,
               gboolean clean)
{
  Cert *c = &o->certs[o->n_certs];
  gint32 granted = demo_sector_granted (g, scheme, o->sector);

  if (granted == 0)
    return NULL;
  if (clean && sp->issue < granted)
    {
      sp->issue = granted + rng_range (&g->rng, 1, 60);
      if (sp->issue > g->issue_max)
        return NULL;
    }
  memset (c, 0, G_STRUCT_OFFSET (Cert, ev));
  c->scheme = (guint8) scheme;
  c->issued = sp->issue;
  c->transfer = sp->transfer;
  o->n_certs++;
  return c;
}

static void
add_watch_action (Gen  *g,
                  Org  *o)
{
  guint i, k;

  for (i = 0; i < o->n_certs; i++)
    {
      Cert *c = &o->certs[i];
      Audit *a;

      if (c->issued > o->watch_on)
        continue;
      a = demo_add_audit (g, o, c, AT_SHORT_NOTICE, o->watch_on + rng_range (&g->rng, 12, 25));
      a->min_start = o->watch_on + 1;
      demo_shape_audit (g, a, &k);
    }
}

static void
staff_cert (Gen  *g,
            Org  *o,
            Cert *c)
{
  guint i;

  demo_sort_audits (c);
  for (i = 0; i < c->n_audits; i++)
    {
      Audit *a = &c->au[i];

      a->no = ++g->next_audit;
      demo_staff_audit (g, o, c, a);
      demo_finish_audit (g, a);
      if (a->type == AT_STAGE1)
        a->decider = -1;
    }
}

void
demo_add_complaint (Gen      *g,
                    Org      *o,
                    gboolean  planted)
{
  Cert *c = &o->certs[0];
  Complaint *cp;
  guint i;

  if (o->n_complaints >= MAX_COMPLAINTS || o->n_certs == 0)
    return;
  if (c->issued + 30 > (planted ? g->today - 100 : g->yesterday))
    return;
  cp = &o->complaints[o->n_complaints++];
  cp->no = ++g->next_complaint;
  cp->cert = 0;
  cp->summary = (guint8) rng_below (&g->rng, demo_n_complaints);
  cp->person = -1;
  for (i = c->n_audits; i > 0 && rng_permille (&g->rng, 500); i--)
    if (c->au[i - 1].n_team > 0)
      {
        cp->person = c->au[i - 1].team[0].person;
        break;
      }
  if (planted)
    {
      cp->received = rng_range (&g->rng, c->issued + 30, g->today - 100);
      cp->closed = rng_permille (&g->rng, 500) ? 0
                   : lmin (cp->received + rng_range (&g->rng, 70, 150), g->yesterday);
    }
  else
    {
      cp->received = rng_range (&g->rng, c->issued + 30, g->yesterday);
      cp->closed = cp->received + rng_range (&g->rng, 5, 50);
      if (cp->closed > g->yesterday)
        cp->closed = 0;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Writing one organization */

static void
write_org (Gen *g,
           Org *o)
{
  Out *out;
  const DemoCity *city = &demo_cities[o->city];
  guint ci, ai, ti, k;

  out = &g->out[ZICHA_RECORD_ORGANIZATIONS];
  out_s (out, o->id);
  SEP (out);
  demo_out_text (out, o->name);
  SEP (out);
  out_s (out, o->uscc);
  SEP (out);
  out_s (out, city->province);
  SEP (out);
  out_s (out, city->province);
  if (strcmp (city->province, city->city) != 0)
    out_s (out, city->city);
  out_s (out, city->district);
  out_s (out, demo_roads[o->no % demo_n_roads]);
  demo_out_u (out, 1 + (o->no * 7919) % 899);
  out_s (out, "号");
  SEP (out);
  demo_out_u (out, (guint64) o->employees);
  SEP (out);
  demo_out_u (out, o->sites);
  out_end (out);

  for (ci = 0; ci < o->n_certs; ci++)
    {
      Cert *c = &o->certs[ci];
      const DemoSector *sec = &demo_sectors[o->sector];

      out = &g->out[ZICHA_RECORD_CERTIFICATES];
      out_s (out, c->no);
      SEP (out);
      out_s (out, o->id);
      SEP (out);
      out_s (out, scheme_code (c->scheme));
      SEP (out);
      for (k = 0; k < c->n_codes; k++)
        {
          if (k > 0)
            out_c (out, ';');
          out_s (out, sec->items[c->items[k]].code);
        }
      SEP (out);
      for (k = 0; k < c->n_codes; k++)
        {
          if (k > 0)
            out_s (out, "；");
          if (c->scheme == DEMO_ISMS)
            out_s (out, "与");
          out_s (out, sec->items[c->items[k]].text);
          if (c->scheme == DEMO_ISMS)
            out_s (out, "相关的信息安全管理活动");
        }
      if (c->scheme == DEMO_EMS)
        out_s (out, "所涉及场所的相关环境管理活动");
      else if (c->scheme == DEMO_OHSMS)
        out_s (out, "所涉及场所的相关职业健康安全管理活动");
      SEP (out);
      demo_out_date (out, c->issued);
      SEP (out);
      demo_out_date (out, c->expires);
      SEP (out);
      out_s (out, status_ids[c->status]);
      SEP (out);
      demo_out_date (out, c->status_on);
      SEP (out);
      demo_out_date (out, c->reported);
      out_end (out);

      out = &g->out[ZICHA_RECORD_CERTIFICATE_EVENTS];
      for (k = 0; k < c->n_events; k++)
        {
          out_s (out, c->no);
          SEP (out);
          out_s (out, event_ids[c->ev[k].kind]);
          SEP (out);
          demo_out_date (out, c->ev[k].on);
          SEP (out);
          demo_out_text (out, c->ev[k].reason);
          out_end (out);
        }

      for (ai = 0; ai < c->n_audits; ai++)
        {
          const Audit *a = &c->au[ai];

          out = &g->out[ZICHA_RECORD_AUDITS];
          out_audit (out, a->no);
          SEP (out);
          out_s (out, o->id);
          SEP (out);
          out_s (out, c->no);
          SEP (out);
          out_s (out, scheme_code (c->scheme));
          SEP (out);
          out_s (out, audit_type_ids[a->type]);
          SEP (out);
          demo_out_date (out, a->start);
          SEP (out);
          demo_out_date (out, a->end);
          SEP (out);
          if (a->ep >= 0)
            demo_out_u (out, (guint64) a->ep);
          SEP (out);
          if (a->complexity >= 0)
            out_s (out, complexity_ids[a->complexity]);
          SEP (out);
          demo_out_hund (out, a->planned);
          SEP (out);
          demo_out_hund (out, a->onsite);
          SEP (out);
          SEP (out);
          demo_out_date (out, a->report);
          SEP (out);
          demo_out_date (out, a->decision);
          SEP (out);
          if (a->decider >= 0)
            out_person (out, a->decider);
          SEP (out);
          if (a->rec_day != 0)
            demo_out_time (out, a->rec_day, a->rec_min);
          out_end (out);

          for (ti = 0; ti < a->n_team; ti++)
            {
              const TeamRow *r = &a->team[ti];

              out = &g->out[ZICHA_RECORD_AUDIT_TEAM];
              out_audit (out, a->no);
              SEP (out);
              out_person (out, r->person);
              SEP (out);
              out_s (out, role_ids[r->role]);
              SEP (out);
              demo_out_hund (out, r->days);
              SEP (out);
              demo_out_date (out, r->from);
              SEP (out);
              demo_out_date (out, r->to);
              out_end (out);

              out = &g->out[ZICHA_RECORD_EXPENSES];
              for (k = 0; k < r->n_exp; k++)
                {
                  out_s (out, "FY");
                  demo_out_u0 (out, r->exp[k].no, 10);
                  SEP (out);
                  out_audit (out, a->no);
                  SEP (out);
                  out_person (out, r->person);
                  SEP (out);
                  out_s (out, category_ids[r->exp[k].cat]);
                  SEP (out);
                  demo_out_hund (out, r->exp[k].amount);
                  SEP (out);
                  out_s (out, r->exp[k].client ? "client" : "body");
                  SEP (out);
                  demo_out_date (out, r->exp[k].on);
                  SEP (out);
                  switch (r->exp[k].cat)
                    {
                    case CAT_TRAVEL:
                      out_s (out, demo_travel_notes[r->exp[k].note]);
                      break;
                    case CAT_LODGING:
                      out_s (out, "住宿");
                      demo_out_u (out, (guint64) (r->to - r->from));
                      out_s (out, "晚");
                      break;
                    case CAT_MEALS:
                      out_s (out, "现场审核期间工作餐");
                      break;
                    default:
                      out_s (out, "审核资料打印费");
                      break;
                    }
                  out_end (out);
                }

              if (!a->checkins)
                continue;
              out = &g->out[ZICHA_RECORD_CHECKINS];
              if (!r->no_in)
                {
                  out_audit (out, a->no);
                  SEP (out);
                  out_person (out, r->person);
                  out_s (out, ",in,");
                  demo_out_time (out, r->from, r->in_min);
                  SEP (out);
                  demo_out_hund (out, r->in_km);
                  SEP (out);
                  demo_out_u (out, r->in_photos);
                  out_end (out);
                }
              out_audit (out, a->no);
              SEP (out);
              out_person (out, r->person);
              out_s (out, ",out,");
              demo_out_time (out, r->to, r->out_min);
              SEP (out);
              demo_out_hund (out, r->out_km);
              SEP (out);
              demo_out_u (out, r->out_photos);
              out_end (out);
            }
        }
    }

  if (o->watch)
    {
      char src[64];

      out = &g->out[ZICHA_RECORD_WATCHLIST];
      if (o->watch_src == 0)
        g_snprintf (src, sizeof src, "%d年央视3·15晚会", demo_year_of (o->watch_on));
      else
        g_strlcpy (src, demo_watch_sources[o->watch_src], sizeof src);
      out_s (out, o->id);
      SEP (out);
      demo_out_text (out, src);
      SEP (out);
      demo_out_date (out, o->watch_on);
      SEP (out);
      demo_out_text (out, demo_watch_notes[o->watch_note]);
      out_end (out);
    }

  out = &g->out[ZICHA_RECORD_COMPLAINTS];
  for (k = 0; k < o->n_complaints; k++)
    {
      const Complaint *cp = &o->complaints[k];

      out_s (out, "TS");
      demo_out_u0 (out, cp->no, 7);
      SEP (out);
      demo_out_date (out, cp->received);
      SEP (out);
      out_s (out, o->id);
      SEP (out);
      out_s (out, o->certs[cp->cert].no);
      SEP (out);
      if (cp->person >= 0)
        out_person (out, cp->person);
      SEP (out);
      demo_out_text (out, demo_complaints[cp->summary]);
      SEP (out);
      demo_out_date (out, cp->closed);
      out_end (out);
    }
}

/* Watch-list entry on @o, notified on a day in [@lo, @hi]; FALSE when there is none. */
gboolean
demo_set_watch (Gen    *g,
                Org    *o,
                gint32  lo,
                gint32  hi)
{
  if (lo > hi)
    return FALSE;
  o->watch = 1;
  o->watch_src = (guint8) rng_below (&g->rng, demo_n_watch_sources);
  o->watch_note = (guint8) rng_below (&g->rng, demo_n_watch_notes);
  o->watch_on = rng_range (&g->rng, lo, hi);
  if (o->watch_src == 0)
    {
      /* the consumer-rights gala is on 15 March */
      gint y = demo_year_of (o->watch_on);
      gint32 d = demo_days_from_civil (y, 3, 15);

      if (d > hi)
        d = demo_days_from_civil (y - 1, 3, 15);
      if (d < lo)
        o->watch_src = 1;
      else
        o->watch_on = d;
    }
  return TRUE;
}

guint
demo_finish_org (Gen *g,
                 Org *o)
{
  guint i;

  for (i = 0; i < o->n_certs; i++)
    {
      staff_cert (g, o, &o->certs[i]);
      demo_close_cert (g, &o->certs[i]);
    }
  return o->n_certs;
}

void
demo_publish_org (Gen *g,
                  Org *o)
{
  guint i;

  for (i = 0; i < o->n_certs; i++)
    if (o->certs[i].no[0] == '\0')
      demo_name_cert (g, o, &o->certs[i]);
  demo_eval_org (g, o);
  if (o->primary != 0 && !(o->found & o->primary))
    {
      g->stats->missed_plants++;
      g_debug ("missed plant in %s", o->id);
    }
  write_org (g, o);
  g->stats->organizations++;
}

guint
demo_gen_clean (Gen   *g,
                guint  n_certs)
{
  Org *o = &g->org;
  guint sector = demo_draw_sector (g, -1);
  guint used = 0, i, s;
  gint32 first_issue = draw_issue (g), max_issue = 0;
  gboolean all_valid = TRUE;

  demo_org_init (g, o, sector);
  for (i = 0; i < n_certs; i++)
    {
      guint mask = demo_sectors[sector].schemes;
      Spec sp;
      Cert *c;
      gint32 issue;

      if (i == 0)
        s = demo_draw_first_scheme (g, sector);
      else if ((mask & DEMO_SCHEME_BIT (DEMO_EMS)) && !(used & DEMO_SCHEME_BIT (DEMO_EMS)))
        s = DEMO_EMS;
      else if ((mask & DEMO_SCHEME_BIT (DEMO_OHSMS)) && !(used & DEMO_SCHEME_BIT (DEMO_OHSMS)))
        s = DEMO_OHSMS;
      else if (!(used & DEMO_SCHEME_BIT (DEMO_QMS)))
        s = DEMO_QMS;
      else
        break;
      used |= DEMO_SCHEME_BIT (s);
      issue = first_issue;
      if (i > 0)
        {
          issue += rng_range (&g->rng, -60, 400);
          issue = CLAMP (issue, g->issue_min, g->issue_max);
        }
      demo_default_spec (g, &sp, issue);
      c = demo_new_cert (g, o, s, &sp, TRUE);
      if (c == NULL)
        continue;
      sp.transfer = rng_permille (&g->rng, 20);
      draw_fate (g, &sp);
      demo_pick_codes (g, o, c, FALSE);
      demo_build_skeleton (g, o, c, &sp);
      demo_apply_fate (g, o, c, &sp);
      if (sp.fate != F_VALID || c->status != ST_VALID)
        all_valid = FALSE;
      max_issue = MAX (max_issue, c->issued);
    }

  /* watch list, acted upon by a short-notice audit within 30 days */
  if (o->n_certs > 0 && all_valid && rng_permille (&g->rng, 3)
      && demo_set_watch (g, o, max_issue + 30, g->today - 45))
    add_watch_action (g, o);

  demo_finish_org (g, o);
  if (rng_permille (&g->rng, 4))
    demo_add_complaint (g, o, FALSE);
  demo_publish_org (g, o);
  return o->n_certs;
}
