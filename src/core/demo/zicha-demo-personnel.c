/* zicha-demo-personnel.c — personnel and calendars of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers on sectors and competences, the personnel of the body (deciders, auditors,
 * experts, trainees, with their qualifications and competences), the pools teams are drawn
 * from, and the per-person calendars: a bitset of on-site days and a count of on-site days per
 * month, which keep clean teams free of double bookings and overload.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include <string.h>

#include "zicha-demo-private.h"

/* ------------------------------------------------------------------------------------------ */
/* Small helpers (the smallest are inline in zicha-demo-private.h) */

guint
demo_sector_index (const char *code)
{
  guint i;

  for (i = 0; i < demo_n_sectors; i++)
    if (strcmp (demo_sectors[i].code, code) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

guint
demo_sector_n_items (guint sector)
{
  guint n = 0;

  while (n < DEMO_MAX_ITEMS && demo_sectors[sector].items[n].code != NULL)
    n++;
  return n;
}

void
demo_comp_code (const Comp  *c,
                const char **code,
                gsize       *len)
{
  if (c->item < 0)
    {
      *code = demo_sectors[c->sector].code;
      *len = strlen (*code);
    }
  else
    {
      *code = demo_sectors[c->sector].items[c->item].code;
      *len = 5;                 /* "19.05" */
    }
}

gboolean
demo_has_top_comp (const Person *p,
                   guint         s,
                   guint         sector,
                   gint32        day)
{
  guint i;

  for (i = 0; i < p->n_comp; i++)
    if (p->comp[i].scheme == s && p->comp[i].sector == sector && p->comp[i].item < 0
        && p->comp[i].approved <= day)
      return TRUE;
  return FALSE;
}

gboolean
demo_has_any_comp_in (const Person *p,
                      guint         s,
                      guint         sector)
{
  guint i;

  for (i = 0; i < p->n_comp; i++)
    if (p->comp[i].scheme == s && p->comp[i].sector == sector)
      return TRUE;
  return FALSE;
}

gboolean
demo_comp_covers_code (const Person *p,
                       guint         s,
                       const char   *code,
                       gint32        day)
{
  guint i;

  for (i = 0; i < p->n_comp; i++)
    {
      const char *cc;
      gsize len;

      if (p->comp[i].scheme != s || p->comp[i].approved > day)
        continue;
      demo_comp_code (&p->comp[i], &cc, &len);
      if (code_covers (cc, len, code))
        return TRUE;
    }
  return FALSE;
}

static gboolean
add_comp (Person *p,
          guint   s,
          guint   sector,
          gint    item,
          gint32  approved)
{
  guint i;

  if (p->n_comp >= MAX_COMP)
    return FALSE;
  for (i = 0; i < p->n_comp; i++)
    if (p->comp[i].scheme == s && p->comp[i].sector == sector)
      {
        if (p->comp[i].item == item)
          return FALSE;
        /* keep competences of one sector at one level, so codes never repeat */
        if (item >= 0 && p->comp[i].item >= 0
            && strncmp (demo_sectors[sector].items[item].code,
                        demo_sectors[sector].items[p->comp[i].item].code, 5) == 0)
          return FALSE;
      }
  p->comp[p->n_comp].scheme = (guint8) s;
  p->comp[p->n_comp].sector = (guint8) sector;
  p->comp[p->n_comp].item = (gint8) item;
  p->comp[p->n_comp].approved = approved;
  p->n_comp++;
  return TRUE;
}

void
demo_person_name (Gen  *g,
                  char *buf)
{
  guint s = rng_below (&g->rng, rng_below (&g->rng, demo_n_surnames) + 1);
  const char *a = demo_given[rng_below (&g->rng, demo_n_given)];

  if (rng_permille (&g->rng, 700))
    {
      const char *b = demo_given[rng_below (&g->rng, demo_n_given)];

      if (b == a)
        b = demo_given[(rng_below (&g->rng, demo_n_given) + 1) % demo_n_given];
      g_snprintf (buf, 16, "%s%s%s", demo_surnames[s], a, b);
    }
  else
    g_snprintf (buf, 16, "%s%s", demo_surnames[s], a);
}

/* ------------------------------------------------------------------------------------------ */
/* Personnel and calendars */

static gint32
new_person (Gen    *g,
            guint   kind,
            gboolean part_time,
            gint32  joined)
{
  Person *p;

  if (g->n_persons == g->cap_persons)
    {
      guint old = g->cap_persons;

      g->cap_persons = MAX (64, old * 2);
      g->persons = g_renew (Person, g->persons, g->cap_persons);
      g->cal = g_realloc (g->cal, (gsize) g->cap_persons * g->cal_bytes);
      g->mdays = g_realloc (g->mdays, (gsize) g->cap_persons * g->n_months);
      memset (g->cal + (gsize) old * g->cal_bytes, 0,
              (gsize) (g->cap_persons - old) * g->cal_bytes);
      memset (g->mdays + (gsize) old * g->n_months, 0,
              (gsize) (g->cap_persons - old) * g->n_months);
    }
  p = &g->persons[g->n_persons];
  memset (p, 0, sizeof *p);
  p->kind = (guint8) kind;
  p->part_time = part_time ? 1 : 0;
  p->joined = joined;
  demo_person_name (g, p->name);
  return (gint32) g->n_persons++;
}

static inline guint
cal_index (Gen    *g,
           gint32  day)
{
  g_assert (day >= g->cal_start && day <= g->today);
  return (guint) (day - g->cal_start);
}

static inline gboolean
cal_busy (Gen    *g,
          gint32  p,
          gint32  day)
{
  guint i = cal_index (g, day);

  return (g->cal[(gsize) p * g->cal_bytes + i / 8] >> (i % 8)) & 1;
}

guint
demo_month_of (Gen    *g,
               gint32  day)
{
  gint y, m, d;

  demo_civil_from_days (day, &y, &m, &d);
  return (guint) (y * 12 + m - 1 - g->cal_month0);
}

/* Free from @from to @to: employed, no on-site day yet, month capacity kept. */
gboolean
demo_person_free (Gen     *g,
                  gint32   p,
                  gint32   from,
                  gint32   to,
                  gboolean month_cap)
{
  const Person *pp = &g->persons[p];
  gint32 d;
  guint m0, m1;
  guint add0 = 0, add1 = 0;

  if (!employed_on (pp, from) || !employed_on (pp, to))
    return FALSE;
  for (d = from; d <= to; d++)
    if (cal_busy (g, p, d))
      return FALSE;
  if (!month_cap)
    return TRUE;
  m0 = demo_month_of (g, from);
  m1 = demo_month_of (g, to);
  for (d = from; d <= to; d++)
    {
      if (demo_month_of (g, d) == m0)
        add0++;
      else
        add1++;
    }
  if (g->mdays[(gsize) p * g->n_months + m0] + add0 > MONTH_CAP)
    return FALSE;
  if (m1 != m0 && g->mdays[(gsize) p * g->n_months + m1] + add1 > MONTH_CAP)
    return FALSE;
  return TRUE;
}

void
demo_person_occupy (Gen    *g,
                    gint32  p,
                    gint32  from,
                    gint32  to)
{
  gint32 d;

  for (d = from; d <= to; d++)
    {
      guint i = cal_index (g, d);
      guint8 *byte = &g->cal[(gsize) p * g->cal_bytes + i / 8];

      if (!((*byte >> (i % 8)) & 1))
        {
          *byte |= (guint8) (1u << (i % 8));
          g->mdays[(gsize) p * g->n_months + demo_month_of (g, d)]++;
        }
    }
}

static void
pool_add (GArray *pool,
          gint32  p)
{
  g_array_append_val (pool, p);
}

static void
index_person (Gen    *g,
              gint32  pi)
{
  const Person *p = &g->persons[pi];
  guint s, i;

  if (p->kind == KIND_DECIDER)
    return;
  for (s = 0; s < DEMO_N_SCHEMES; s++)
    {
      if (p->lead_from[s] != 0)
        pool_add (g->lead_pool[s], pi);
      if (p->aud_from[s] != 0 || p->lead_from[s] != 0)
        pool_add (g->aud_pool[s], pi);
      if (p->trainee_from[s] != 0 && p->aud_from[s] == 0 && p->lead_from[s] == 0)
        pool_add (g->trainee_pool[s], pi);
    }
  for (i = 0; i < p->n_comp; i++)
    if (p->comp[i].item < 0)
      pool_add (g->comp_pool[p->comp[i].scheme][p->comp[i].sector], pi);
}

/* A sector drawn by weight among those certified in scheme @s (all when @s is < 0). */
guint
demo_draw_sector (Gen *g,
                  gint s)
{
  guint total = 0, i, r;

  for (i = 0; i < demo_n_sectors; i++)
    if (s < 0 || (demo_sectors[i].schemes & DEMO_SCHEME_BIT (s)))
      total += demo_sectors[i].weight;
  r = rng_below (&g->rng, total);
  for (i = 0; i < demo_n_sectors; i++)
    if (s < 0 || (demo_sectors[i].schemes & DEMO_SCHEME_BIT (s)))
      {
        if (r < demo_sectors[i].weight)
          return i;
        r -= demo_sectors[i].weight;
      }
  g_assert_not_reached ();
  return 0;
}

static void
give_competences (Gen    *g,
                  Person *p,
                  guint   s,
                  gint32  from,
                  guint   n)
{
  guint k;

  for (k = 0; k < n * 3 && n > 0; k++)
    {
      guint sec = demo_draw_sector (g, (gint) s);

      if (add_comp (p, s, sec, -1, from + rng_range (&g->rng, 0, 150)))
        n--;
    }
}

static gint32
future_qual_to (Gen *g)
{
  return rng_permille (&g->rng, 500) ? 0 : g->today + rng_range (&g->rng, 30, 1000);
}

/* A person hired to keep a team clean: lead auditor for @s competent in @sector. */
gint32
demo_hire (Gen    *g,
           guint   s,
           gint    sector,
           gint32  start,
           guint   kind)
{
  gint32 joined = start - rng_range (&g->rng, 400, 1500);
  gint32 pi = new_person (g, kind, FALSE, joined);
  Person *p = &g->persons[pi];

  if (kind == KIND_TRAINEE)
    {
      p->joined = start - rng_range (&g->rng, 30, 200);
      p->trainee_from[s] = p->joined;
    }
  else
    {
      p->aud_from[s] = joined - rng_range (&g->rng, 0, 300);
      p->lead_from[s] = p->aud_from[s] + 300;
      if (sector >= 0)
        add_comp (p, s, (guint) sector, -1, joined + 10);
      else
        {
          /* a competence elsewhere only: a team that lacks competence (planted) */
          guint sec = (guint) -sector - 1, tries;

          for (tries = 0; tries < 1000 && sec == (guint) -sector - 1; tries++)
            sec = demo_draw_sector (g, (gint) s);
          if (sec != (guint) -sector - 1)
            add_comp (p, s, sec, -1, joined + 10);
        }
      if (sector == (gint) g->sec_orphan && s == DEMO_QMS)
        p->left = g->orphan_left;
    }
  p->qual_to = future_qual_to (g);
  index_person (g, pi);
  g->stats->hired++;
  return pi;
}

void
demo_make_personnel (Gen   *g,
                     guint  certificates)
{
  guint staff = MAX (40, (guint) ((guint64) certificates * 4 / 75));
  guint n_deciders = MAX (3, staff / 40);
  guint i, s, sec;
  static const guint primary_pm[DEMO_N_SCHEMES] = { 700, 100, 80, 70, 50 };
  static const guint extra_pm[DEMO_N_SCHEMES] = { 0, 450, 350, 80, 50 };

  for (i = 0; i < n_deciders; i++)
    {
      gint32 pi = new_person (g, KIND_DECIDER, FALSE,
                              g->cal_start - rng_range (&g->rng, 1000, 4000));
      Person *p = &g->persons[pi];

      for (s = 0; s < DEMO_N_SCHEMES; s++)
        {
          p->aud_from[s] = p->joined - 700;
          p->lead_from[s] = p->joined - 100;
        }
      g_array_append_val (g->deciders, pi);
    }

  for (i = 0; i < staff; i++)
    {
      guint r = rng_below (&g->rng, 1000);
      guint kind = r < 780 ? KIND_AUDITOR : r < 900 ? KIND_EXPERT : KIND_TRAINEE;
      gboolean pt = kind != KIND_TRAINEE && rng_permille (&g->rng, 250);
      gint32 joined;
      gint32 pi;
      Person *p;
      guint prim;

      if (kind == KIND_TRAINEE)
        joined = rng_range (&g->rng, g->today - 700, g->today - 60);
      else if (rng_permille (&g->rng, 700))
        joined = g->cal_start - rng_range (&g->rng, 0, 3000);
      else
        joined = rng_range (&g->rng, g->cal_start, g->today - 200);
      pi = new_person (g, kind, pt, joined);
      p = &g->persons[pi];

      r = rng_below (&g->rng, 1000);
      for (prim = 0; prim < DEMO_N_SCHEMES - 1 && r >= primary_pm[prim]; prim++)
        r -= primary_pm[prim];

      if (kind == KIND_TRAINEE)
        p->trainee_from[prim] = joined;
      else if (kind == KIND_EXPERT)
        {
          p->expert_from[prim] = joined - rng_range (&g->rng, 0, 500);
          give_competences (g, p, prim, joined, 1 + rng_below (&g->rng, 3));
        }
      else
        {
          for (s = 0; s < DEMO_N_SCHEMES; s++)
            {
              gint32 from;

              if (s != prim && !rng_permille (&g->rng, extra_pm[s]))
                continue;
              from = joined + rng_range (&g->rng, -1500, 300);
              if (from > g->today - 60)
                from = g->today - 60;
              p->aud_from[s] = from;
              if (rng_permille (&g->rng, 650) && from + 1500 < g->today - 30)
                p->lead_from[s] = from + rng_range (&g->rng, 700, 1500);
              give_competences (g, p, s, lmax (joined, from), 2 + rng_below (&g->rng, 3));
            }
          if (rng_permille (&g->rng, 250))
            {
              /* a narrower competence (two levels) in another sector */
              guint sec2 = demo_draw_sector (g, (gint) prim);
              guint n = demo_sector_n_items (sec2);

              add_comp (p, prim, sec2, (gint) rng_below (&g->rng, n),
                        lmax (joined, p->aud_from[prim]) + rng_range (&g->rng, 100, 400));
            }
        }
      p->qual_to = future_qual_to (g);
      if (kind != KIND_TRAINEE && rng_permille (&g->rng, 100))
        {
          gint32 lo = MAX (joined + 400, g->main_start + 200);
          gint32 hi = g->today - 30;

          if (lo < hi)
            p->left = rng_range (&g->rng, lo, hi);
        }
    }

  /* At least two lead auditors employed throughout for every scheme and sector certified,
   * competent before the data begin: clean teams always exist, and every scope code of a
   * valid certificate is covered today (CODE_WITHOUT_COMPETENCE). */
  for (s = 0; s < DEMO_N_SCHEMES; s++)
    for (sec = 0; sec < demo_n_sectors; sec++)
      {
        gint32 early = g->main_start - 100;
        guint have = 0, tries;

        if (demo_sectors[sec].weight == 0 || !(demo_sectors[sec].schemes & DEMO_SCHEME_BIT (s)))
          continue;
        for (i = 0; i < g->n_persons; i++)
          {
            const Person *p = &g->persons[i];

            if (p->kind == KIND_AUDITOR && !p->part_time && p->left == 0 && p->joined <= early
                && lead_on (p, s, early) && demo_has_top_comp (p, s, sec, early))
              have++;
          }
        for (tries = 0; have < 2 && tries < 200; tries++)
          {
            gint32 pi = (gint32) rng_below (&g->rng, g->n_persons);
            Person *p = &g->persons[pi];

            if (p->kind != KIND_AUDITOR || p->part_time || p->left != 0 || p->joined > early
                || demo_has_top_comp (p, s, sec, early))
              continue;
            if (p->n_comp >= MAX_COMP)
              continue;
            if (p->aud_from[s] == 0 || p->aud_from[s] > early - 400)
              p->aud_from[s] = MIN (p->joined, early - 400);
            if (p->lead_from[s] == 0 || p->lead_from[s] > early)
              p->lead_from[s] = early;
            add_comp (p, s, sec, -1, early);
            have++;
          }
        while (have < 2)
          {
            gint32 pi = new_person (g, KIND_AUDITOR, FALSE, early - 1000);
            Person *p = &g->persons[pi];

            p->aud_from[s] = early - 1000;
            p->lead_from[s] = early - 300;
            add_comp (p, s, sec, -1, early - 300);
            have++;
          }
      }

  /* QMS 37 (CODE_WITHOUT_COMPETENCE): only two auditors were competent, and both left. */
  for (i = 0; i < 2; i++)
    {
      gint32 pi = new_person (g, KIND_AUDITOR, FALSE, g->cal_start - 800);
      Person *p = &g->persons[pi];

      p->aud_from[DEMO_QMS] = p->joined;
      p->lead_from[DEMO_QMS] = p->joined + 365;
      add_comp (p, DEMO_QMS, g->sec_orphan, -1, g->cal_start - 300);
      add_comp (p, DEMO_QMS, demo_sector_index ("29"), -1, g->cal_start - 300);
      p->left = g->orphan_left;
    }

  /* The part-timers of the planted early years (PART_TIME_HEAVY). */
  for (i = 0; i < 3; i++)
    {
      gint32 pi = new_person (g, KIND_AUDITOR, TRUE, g->cal_start - 1500);
      Person *p = &g->persons[pi];

      p->aud_from[DEMO_QMS] = p->joined - 200;
      p->lead_from[DEMO_QMS] = p->joined + 300;
      add_comp (p, DEMO_QMS, g->sec_old, -1, g->cal_start - 900);
      add_comp (p, DEMO_QMS, demo_sector_index ("17"), -1, g->cal_start - 900);
      g->old_pt[i] = pi;
    }

  for (i = 0; i < g->n_persons; i++)
    index_person (g, (gint32) i);

  for (i = 0; i < g->n_persons; i++)
    {
      const Person *p = &g->persons[i];
      guint k;

      if (!employed_on (p, g->today))
        continue;
      for (k = 0; k < p->n_comp; k++)
        if (p->comp[k].item < 0 && p->comp[k].approved <= g->today)
          g->covered_today[p->comp[k].scheme][p->comp[k].sector] = TRUE;
    }
}
