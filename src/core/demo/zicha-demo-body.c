/* zicha-demo-body.c — the certification body of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body itself: unified social credit codes, its approved scope, the manifest of hits, the
 * body, approved scope, penalty and personnel files, and the hits counted over everything at
 * the end (AUDITOR_OVERLOADED per person-month, PART_TIME_HEAVY per year).
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include <string.h>

#include "zicha-demo-private.h"

/* ------------------------------------------------------------------------------------------ */
/* GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters from
 * 0-9 A-H J-N P-R T U W-Y (no I O S V Z); the 18th is the check character: with code values
 * c_i and weights w_i = 3^i mod 31 (i = 0 … 16), check = 31 − (Σ c_i·w_i mod 31), 31 → 0.
 * Characters 9–17 are the organization code of GB 11714-1997 with its own check character:
 * weights 3 7 9 10 5 8 4 2, check = 11 − (Σ mod 11), 10 → X, 11 → 0.
 * Written again on purpose, apart from zicha_uscc_check_char () of records/: the demo body is
 * the importer's independent oracle, so a mistake in one is caught by the other. */

static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static gint
uscc_value (char c)
{
  const char *p = strchr (uscc_alphabet, c);

  return p != NULL && c != '\0' ? (gint) (p - uscc_alphabet) : -1;
}

static char
uscc_check_char (const char *s17)
{
  gint sum = 0, w = 1, i, check;

  for (i = 0; i < 17; i++)
    {
      sum += uscc_value (s17[i]) * w;
      w = w * 3 % 31;
    }
  check = 31 - sum % 31;
  if (check == 31)
    check = 0;
  return uscc_alphabet[check];
}

/* @out: 19 bytes. @serial: unique per organization, < 10^8. */
void
demo_make_uscc (char       *out,
                const char *division,
                guint32     serial)
{
  static const gint w[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  guint32 code = (guint32) ((serial * G_GUINT64_CONSTANT (48271) + 12345678) % 100000000);
  gint sum = 0, i, c;

  out[0] = '9';     /* registered by the market regulator */
  out[1] = '1';     /* enterprise */
  memcpy (out + 2, division, 6);
  for (i = 7; i >= 0; i--)
    {
      out[8 + i] = (char) ('0' + code % 10);
      code /= 10;
    }
  for (i = 0; i < 8; i++)
    sum += (out[8 + i] - '0') * w[i];
  c = 11 - sum % 11;
  out[16] = c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
  out[17] = uscc_check_char (out);
  out[18] = '\0';
}

/* ------------------------------------------------------------------------------------------ */
/* Approved scope */

static void
add_approval (Gen        *g,
              guint       s,
              const char *code,
              gint32      granted,
              gint32      withdrawn)
{
  Approval *a;

  g_assert (g->n_approvals < G_N_ELEMENTS (g->approvals));
  a = &g->approvals[g->n_approvals++];
  a->scheme = (guint8) s;
  a->code = code;
  a->granted = granted;
  a->withdrawn = withdrawn;
}

void
demo_make_approvals (Gen *g)
{
  gint32 g0 = demo_days_from_civil ((gint) g->approval_year, 4, 18);
  guint sec;

  for (sec = 0; sec < demo_n_sectors; sec++)
    {
      const DemoSector *d = &demo_sectors[sec];
      gboolean later = strcmp (d->code, "33") == 0 || strcmp (d->code, "34") == 0;

      if (d->schemes & DEMO_SCHEME_BIT (DEMO_QMS))
        add_approval (g, DEMO_QMS, d->code, later ? demo_add_months (g0, 38) : g0, 0);
      if (d->schemes & DEMO_SCHEME_BIT (DEMO_EMS))
        add_approval (g, DEMO_EMS, d->code, sec == g->sec_late ? g->late_grant
                                             : demo_add_months (g0, later ? 38 : 14), 0);
      if ((d->schemes & DEMO_SCHEME_BIT (DEMO_OHSMS)) && strcmp (d->code, "29") != 0)
        add_approval (g, DEMO_OHSMS, d->code, demo_add_months (g0, 26), 0);
    }
  /* narrower approvals */
  add_approval (g, DEMO_OHSMS, "29.10", demo_add_months (g0, 26), 0);
  add_approval (g, DEMO_OHSMS, "29.12", demo_add_months (g0, 50), 0);
  add_approval (g, DEMO_FSMS, "03", demo_add_months (g0, 62), 0);
  add_approval (g, DEMO_ISMS, "33.02", demo_add_months (g0, 86), 0);
  /* an approval that ended: ship building (no certificates) */
  add_approval (g, DEMO_QMS, "20", g0, demo_add_months (g0, 75));
}

gboolean
demo_approved_on (Gen        *g,
                  guint       s,
                  const char *code,
                  gint32      day)
{
  guint i;

  for (i = 0; i < g->n_approvals; i++)
    {
      const Approval *a = &g->approvals[i];

      if (a->scheme == s && a->granted <= day && (a->withdrawn == 0 || a->withdrawn > day)
          && code_covers (a->code, strlen (a->code), code))
        return TRUE;
    }
  return FALSE;
}

/* The earliest day on which some item of @sector is approved for @s, or 0. */
gint32
demo_sector_granted (Gen   *g,
                     guint  s,
                     guint  sector)
{
  gint32 best = 0;
  guint i, k, n = demo_sector_n_items (sector);

  for (i = 0; i < g->n_approvals; i++)
    {
      const Approval *a = &g->approvals[i];

      if (a->scheme != s || a->withdrawn != 0)
        continue;
      for (k = 0; k < n; k++)
        if (code_covers (a->code, strlen (a->code), demo_sectors[sector].items[k].code)
            && (best == 0 || a->granted < best))
          best = a->granted;
    }
  return best;
}

/* ------------------------------------------------------------------------------------------ */
/* Manifest */

static void
format_person_id (char   *buf,
                  gint32  p)
{
  g_snprintf (buf, 16, "E%05d", p + 1);
}

static void
format_audit_id (char    *buf,
                 guint64  no)
{
  g_snprintf (buf, 16, "A%09" G_GUINT64_FORMAT, no);
}

void
demo_hit (Gen        *g,
          Org        *o,
          guint       rule,
          const char *key)
{
  Out *m = &g->manifest;

  if (g->with_manifest)
    {
      out_s (m, demo_rule_info[rule].id);
      SEP (m);
      out_s (m, demo_rule_info[rule].entity);
      SEP (m);
      demo_out_text (m, key);
      out_end (m);
    }
  g->stats->hits[rule]++;
  if (o != NULL)
    {
      o->found |= RBIT (rule);
      if (!(o->allowed & RBIT (rule)))
        {
          g->stats->unplanned_hits++;
          g_debug ("unplanned %s %s", demo_rule_info[rule].id, key);
        }
    }
}

void
demo_hit_team (Gen     *g,
               Org     *o,
               guint    rule,
               guint64  audit,
               gint32   person)
{
  char a[16], p[16], key[40];

  format_audit_id (a, audit);
  format_person_id (p, person);
  g_snprintf (key, sizeof key, "%s/%s", a, p);
  demo_hit (g, o, rule, key);
}

void
demo_hit_audit (Gen     *g,
                Org     *o,
                guint    rule,
                guint64  audit)
{
  char a[16];

  format_audit_id (a, audit);
  demo_hit (g, o, rule, a);
}

/* ------------------------------------------------------------------------------------------ */
/* The body, its approved scope, penalties and personnel */

void
demo_write_body (Gen *g)
{
  Out *out = &g->out[ZICHA_RECORD_BODY];
  char uscc[20], contact[16];
  guint i;

  demo_make_uscc (uscc, "110108", 90000000u + g->approval_seq);
  demo_person_name (g, contact);
  out_s (out, "华衡信达认证有限公司,CNCA-R-");
  demo_out_u (out, g->approval_year);
  out_s (out, "-0");
  demo_out_u0 (out, g->approval_seq, 2);
  SEP (out);
  out_s (out, uscc);
  out_s (out, ",北京市海淀区学院路甲28号,");
  out_s (out, contact);
  out_end (out);

  out = &g->out[ZICHA_RECORD_APPROVED_SCOPE];
  for (i = 0; i < g->n_approvals; i++)
    {
      const Approval *a = &g->approvals[i];

      out_s (out, scheme_code (a->scheme));
      SEP (out);
      out_s (out, a->code);
      SEP (out);
      demo_out_date (out, a->granted);
      SEP (out);
      demo_out_date (out, a->withdrawn);
      out_end (out);
    }

  out = &g->out[ZICHA_RECORD_PENALTIES];
  for (i = 0; i < 3; i++)
    {
      gint32 on = g->today - rng_range (&g->rng, 300 + 500 * (gint) i, 700 + 500 * (gint) i);
      gint y = demo_year_of (on);

      out_s (out, "CF");
      demo_out_u (out, (guint64) y);
      out_s (out, "-0");
      demo_out_u (out, i + 1);
      SEP (out);
      demo_out_date (out, on);
      out_s (out, ",北京市市场监督管理局,京市监罚〔");
      demo_out_u (out, (guint64) y);
      out_s (out, "〕");
      demo_out_u (out, (guint64) rng_range (&g->rng, 20, 480));
      out_s (out, "号,");
      out_s (out, demo_penalty_summaries[(i + g->approval_seq) % demo_n_penalty_summaries]);
      SEP (out);
      demo_out_u (out, (guint64) (i == 1 ? 50000 : 30000));
      out_end (out);
    }
}

static void
write_qual (Out         *out,
            gint32       p,
            guint        s,
            const char  *grade,
            gint32       from,
            gint32       to)
{
  out_person (out, p);
  SEP (out);
  out_s (out, scheme_code (s));
  SEP (out);
  out_s (out, grade);
  SEP (out);
  demo_out_date (out, from);
  SEP (out);
  demo_out_date (out, to);
  out_end (out);
}

void
demo_write_personnel (Gen *g)
{
  guint i, s, k;

  for (i = 0; i < g->n_persons; i++)
    {
      const Person *p = &g->persons[i];
      Out *out = &g->out[ZICHA_RECORD_PERSONNEL];
      gint32 pi = (gint32) i;

      out_person (out, pi);
      SEP (out);
      out_s (out, p->name);
      SEP (out);
      out_s (out, p->part_time ? "part_time" : "full_time");
      SEP (out);
      demo_out_date (out, p->joined);
      SEP (out);
      demo_out_date (out, p->left);
      SEP (out);
      for (s = 0; s < DEMO_N_SCHEMES; s++)
        {
          gint32 from = p->aud_from[s] != 0 ? p->aud_from[s] : p->lead_from[s];

          if (from != 0)
            {
              demo_out_u (out, (guint64) demo_year_of (from));
              out_s (out, "-N1");
              out_s (out, scheme_code (s));
              out_c (out, '-');
              demo_out_u (out, 1200000u + i);
              break;
            }
        }
      out_end (out);

      out = &g->out[ZICHA_RECORD_QUALIFICATIONS];
      for (s = 0; s < DEMO_N_SCHEMES; s++)
        {
          if (p->trainee_from[s] != 0)
            write_qual (out, pi, s, "trainee", p->trainee_from[s], p->qual_to);
          if (p->expert_from[s] != 0)
            write_qual (out, pi, s, "technical_expert", p->expert_from[s], p->qual_to);
          if (p->aud_from[s] != 0 && (p->lead_from[s] == 0 || p->aud_from[s] < p->lead_from[s]))
            write_qual (out, pi, s, "auditor", p->aud_from[s],
                        p->lead_from[s] != 0 ? p->lead_from[s] - 1 : p->qual_to);
          if (p->lead_from[s] != 0)
            write_qual (out, pi, s, "lead_auditor", p->lead_from[s], p->qual_to);
        }

      out = &g->out[ZICHA_RECORD_COMPETENCES];
      for (k = 0; k < p->n_comp; k++)
        {
          const char *code;
          gsize len;

          demo_comp_code (&p->comp[k], &code, &len);
          out_person (out, pi);
          SEP (out);
          out_s (out, scheme_code (p->comp[k].scheme));
          SEP (out);
          out_mem (out, code, len);
          SEP (out);
          demo_out_date (out, p->comp[k].approved);
          out_end (out);
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Hits counted over everything: person-months and years */

void
demo_global_hits (Gen *g)
{
  guint p, m, y;

  for (p = 0; p < g->n_persons; p++)
    for (m = 0; m < g->n_months; m++)
      if (g->mdays[(gsize) p * g->n_months + m] > 22)
        {
          guint mi = (guint) g->cal_month0 + m, i;
          gboolean planted = FALSE;
          char key[40], pid[16];

          for (i = 0; i < g->overload_marks->len; i += 2)
            if (g_array_index (g->overload_marks, guint, i) == p
                && g_array_index (g->overload_marks, guint, i + 1) == m)
              planted = TRUE;
          if (!planted)
            g->stats->unplanned_hits++;
          format_person_id (pid, (gint32) p);
          g_snprintf (key, sizeof key, "%s/%04u-%02u", pid, mi / 12, mi % 12 + 1);
          demo_hit (g, NULL, R_AUDITOR_OVERLOADED, key);
        }

  for (y = 0; y < g->n_years; y++)
    if (g->all_days[y] > 0 && g->pt_days[y] * 2 > g->all_days[y])
      {
        char key[8];

        g_snprintf (key, sizeof key, "%04u", (guint) g->cal_year0 + y);
        if (y >= 3)
          g->stats->unplanned_hits++;
        demo_hit (g, NULL, R_PART_TIME_HEAVY, key);
      }
}
