/* zicha-demo-private.h — what the files of the demo generator share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The name and text tables, the state of a run (Gen) with its PRNG and its CSV outputs, and
 * the functions one file of the generator calls in another. These are prefixed demo_, like
 * the tables; the small hot helpers are static inline here and keep their short names.
 */
#pragma once

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "zicha-audit-time.h"
#include "zicha-demo.h"
#include "zicha-demo-model.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------ */
/* Name and text tables (zicha-demo-names.c) */

extern const char *const demo_scheme_codes[DEMO_N_SCHEMES];

extern const DemoSector demo_sectors[];
extern const guint      demo_n_sectors;

extern const DemoCity   demo_cities[];
extern const guint      demo_n_cities;

extern const char *const demo_surnames[];
extern const guint       demo_n_surnames;
extern const char *const demo_given[];
extern const guint       demo_n_given;
extern const char *const demo_brand_chars[];
extern const guint       demo_n_brand_chars;
extern const char *const demo_roads[];
extern const guint       demo_n_roads;

extern const char *const demo_suspend_reasons[];
extern const guint       demo_n_suspend_reasons;
extern const char *const demo_cancel_reasons[];
extern const guint       demo_n_cancel_reasons;
extern const char *const demo_complaints[];
extern const guint       demo_n_complaints;
extern const char *const demo_watch_sources[];
extern const guint       demo_n_watch_sources;
extern const char *const demo_watch_notes[];
extern const guint       demo_n_watch_notes;
extern const char *const demo_penalty_summaries[];
extern const guint       demo_n_penalty_summaries;

/* ------------------------------------------------------------------------------------------ */
/* Rules (zicha-demo.c) */

typedef struct
{
  const char *id;
  const char *entity;
} RuleInfo;

extern const RuleInfo demo_rule_info[N_RULES];

/* ------------------------------------------------------------------------------------------ */
/* PRNG (zicha-demo-rng.c): xoshiro256** (Blackman & Vigna), seeded by splitmix64. Fixed here
 * so that the output never depends on GLib's choice of generator. */

typedef struct
{
  guint64 s[4];
} Rng;

void demo_rng_seed (Rng    *r,
                    guint64 seed);

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (Rng *r)
{
  guint64 result = rotl (r->s[1] * 5, 7) * 9;
  guint64 t = r->s[1] << 17;

  r->s[2] ^= r->s[0];
  r->s[3] ^= r->s[1];
  r->s[1] ^= r->s[2];
  r->s[0] ^= r->s[3];
  r->s[2] ^= t;
  r->s[3] = rotl (r->s[3], 45);
  return result;
}

/* Uniform in [0, n) for n < 2^32 (multiply-shift; the bias is below 2^-32). */
static inline guint32
rng_below (Rng     *r,
           guint32  n)
{
  return (guint32) (((rng_next (r) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline gint32
rng_range (Rng    *r,
           gint32  lo,
           gint32  hi)
{
  if (hi <= lo)
    return lo;
  return lo + (gint32) rng_below (r, (guint32) (hi - lo + 1));
}

static inline gboolean
rng_permille (Rng   *r,
              guint  pm)
{
  return rng_below (r, 1000) < pm;
}

/* MIN and MAX evaluate an argument twice: never with a random draw in it. */
static inline gint64
lmin (gint64 a,
      gint64 b)
{
  return a < b ? a : b;
}

static inline gint64
lmax (gint64 a,
      gint64 b)
{
  return a > b ? a : b;
}

/* ------------------------------------------------------------------------------------------ */
/* Dates (zicha-demo-dates.c): days since 1970-01-01 */

gint32 demo_days_from_civil (gint   y,
                             gint   m,
                             gint   d);
void   demo_civil_from_days (gint32 z,
                             gint  *y,
                             gint  *m,
                             gint  *d);
gint32 demo_add_months      (gint32 day,
                             gint   months);
gint   demo_year_of         (gint32 day);
gint32 demo_report_deadline (gint32 issued);

/* ------------------------------------------------------------------------------------------ */
/* Buffered CSV output (zicha-demo-out.c) */

#define OUT_CAP (1u << 20)

typedef struct
{
  FILE    *file;
  char    *path;
  char    *buf;
  gsize    len;
  int      saved_errno;
  guint64  rows;
} Out;

void     demo_out_flush (Out        *o);
void     demo_out_u     (Out        *o,
                         guint64     v);
void     demo_out_u0    (Out        *o,
                         guint64     v,
                         int         width);
void     demo_out_hund  (Out        *o,
                         gint64      h);
void     demo_out_date  (Out        *o,
                         gint32      day);
void     demo_out_time  (Out        *o,
                         gint32      day,
                         gint        minute);
void     demo_out_text  (Out        *o,
                         const char *s);
gboolean demo_out_open  (Out        *o,
                         const char *path,
                         const char *header,
                         GError    **error);
gboolean demo_out_close (Out        *o,
                         GError    **error);

static inline void
out_mem (Out        *o,
         const char *s,
         gsize       n)
{
  if (G_UNLIKELY (o->len + n > OUT_CAP))
    {
      demo_out_flush (o);
      if (n > OUT_CAP)
        {
          if (o->saved_errno == 0 && fwrite (s, 1, n, o->file) != n)
            o->saved_errno = errno != 0 ? errno : EIO;
          return;
        }
    }
  memcpy (o->buf + o->len, s, n);
  o->len += n;
}

static inline void
out_c (Out  *o,
       char  c)
{
  if (G_UNLIKELY (o->len + 1 > OUT_CAP))
    demo_out_flush (o);
  o->buf[o->len++] = c;
}

static inline void
out_s (Out        *o,
       const char *s)
{
  out_mem (o, s, strlen (s));
}

#define SEP(o) out_c ((o), ',')

static inline void
out_end (Out *o)
{
  out_c (o, '\n');
  o->rows++;
}

/* ------------------------------------------------------------------------------------------ */
/* The state of a run */

typedef struct
{
  Rng      rng;
  gint32   today;
  gint32   yesterday;
  gint32   horizon;         /* latest start of a clean audit */
  gint32   cal_start;
  gint32   main_start;
  gint32   issue_min;
  gint32   issue_max;
  gint     year_today;
  gint     cal_year0;
  gint     cal_month0;      /* year*12 + month-1 of cal_start */
  guint    cal_days;
  guint    cal_bytes;
  guint    n_months;
  guint    n_years;

  Person  *persons;
  guint    n_persons;
  guint    cap_persons;
  guint8  *cal;
  guint8  *mdays;

  GArray  *comp_pool[DEMO_N_SCHEMES][MAX_SECTORS];
  GArray  *lead_pool[DEMO_N_SCHEMES];
  GArray  *aud_pool[DEMO_N_SCHEMES];
  GArray  *trainee_pool[DEMO_N_SCHEMES];
  GArray  *deciders;
  gboolean covered_today[DEMO_N_SCHEMES][MAX_SECTORS];
  gint64  *pt_days;
  gint64  *all_days;

  Approval approvals[64];
  guint    n_approvals;
  gint32   late_grant;      /* EMS 28 granted on this day (SCOPE_NOT_APPROVED) */
  gint32   orphan_left;     /* the competent auditors of QMS 37 left on this day */
  gint32   old_pt[3];       /* part-timers of the planted early years */
  guint8   sec_orphan;
  guint8   sec_late;
  guint8   sec_old;

  guint    approval_year;
  guint    approval_seq;
  guint32  serial[DEMO_N_SCHEMES][100];
  guint64  next_audit;
  guint64  next_expense;
  guint64  next_complaint;
  guint64  next_org;

  Out      out[ZICHA_N_RECORD_KINDS];
  Out      manifest;
  gboolean with_manifest;
  GHashTable *code_hits;
  GArray  *overload_marks;  /* (person, month) pairs planted */
  ZichaDemoStats *stats;
  Org      org;
} Gen;

/* ------------------------------------------------------------------------------------------ */
/* Small helpers, personnel and calendars (zicha-demo-personnel.c) */

static inline const char *
scheme_code (guint s)
{
  return demo_scheme_codes[s];
}

/* @a covers @b: @a's segments are a prefix of @b's (INTERCHANGE.md). */
static inline gboolean
code_covers (const char *a,
             gsize       alen,
             const char *b)
{
  return strncmp (a, b, alen) == 0 && (b[alen] == '\0' || b[alen] == '.');
}

static inline void
out_person (Out    *o,
            gint32  p)
{
  out_c (o, 'E');
  demo_out_u0 (o, (guint64) p + 1, 5);
}

static inline void
out_audit (Out     *o,
           guint64  no)
{
  out_c (o, 'A');
  demo_out_u0 (o, no, 9);
}

static inline gint32
round_up50 (gint64 h)
{
  return (gint32) ((h + 49) / 50 * 50);
}

static inline gboolean
employed_on (const Person *p,
             gint32        day)
{
  return (p->joined == 0 || p->joined <= day) && (p->left == 0 || p->left >= day);
}

/* Holds an auditor or lead_auditor qualification for @s valid on @day. */
static inline gboolean
qualified_on (const Person *p,
              guint         s,
              gint32        day)
{
  gint32 from = p->aud_from[s] != 0 ? p->aud_from[s] : p->lead_from[s];

  return from != 0 && from <= day && (p->qual_to == 0 || p->qual_to >= day);
}

static inline gboolean
lead_on (const Person *p,
         guint         s,
         gint32        day)
{
  return p->lead_from[s] != 0 && p->lead_from[s] <= day && (p->qual_to == 0 || p->qual_to >= day);
}

guint    demo_sector_index     (const char   *code);
guint    demo_sector_n_items   (guint         sector);
void     demo_comp_code        (const Comp   *c,
                                const char  **code,
                                gsize        *len);
gboolean demo_has_top_comp     (const Person *p,
                                guint         s,
                                guint         sector,
                                gint32        day);
gboolean demo_has_any_comp_in  (const Person *p,
                                guint         s,
                                guint         sector);
gboolean demo_comp_covers_code (const Person *p,
                                guint         s,
                                const char   *code,
                                gint32        day);
void     demo_person_name      (Gen          *g,
                                char         *buf);
guint    demo_month_of         (Gen          *g,
                                gint32        day);
gboolean demo_person_free      (Gen          *g,
                                gint32        p,
                                gint32        from,
                                gint32        to,
                                gboolean      month_cap);
void     demo_person_occupy    (Gen          *g,
                                gint32        p,
                                gint32        from,
                                gint32        to);
guint    demo_draw_sector      (Gen          *g,
                                gint          s);
gint32   demo_hire             (Gen          *g,
                                guint         s,
                                gint          sector,
                                gint32        start,
                                guint         kind);
void     demo_make_personnel   (Gen          *g,
                                guint         certificates);

/* ------------------------------------------------------------------------------------------ */
/* The body: social credit codes, approved scope, manifest, files (zicha-demo-body.c) */

void     demo_make_uscc       (char       *out,
                               const char *division,
                               guint32     serial);
void     demo_make_approvals  (Gen        *g);
gboolean demo_approved_on     (Gen        *g,
                               guint       s,
                               const char *code,
                               gint32      day);
gint32   demo_sector_granted  (Gen        *g,
                               guint       s,
                               guint       sector);
void     demo_hit             (Gen        *g,
                               Org        *o,
                               guint       rule,
                               const char *key);
void     demo_hit_team        (Gen        *g,
                               Org        *o,
                               guint       rule,
                               guint64     audit,
                               gint32      person);
void     demo_hit_audit       (Gen        *g,
                               Org        *o,
                               guint       rule,
                               guint64     audit);
void     demo_write_body      (Gen        *g);
void     demo_write_personnel (Gen        *g);
void     demo_global_hits     (Gen        *g);

/* ------------------------------------------------------------------------------------------ */
/* The independent evaluator (zicha-demo-oracle.c) */

gboolean demo_surveillance_overdue (Gen        *g,
                                    const Cert *c);
void     demo_eval_org             (Gen        *g,
                                    Org        *o);

/* ------------------------------------------------------------------------------------------ */
/* Audits and teams (zicha-demo-audits.c) */

/* Clean expense amounts per category, in hundredths of a yuan: [lo, hi] with hi < 3·lo. */
extern const gint32 demo_amount_lo[N_CATEGORIES];
extern const gint32 demo_amount_hi[N_CATEGORIES];

#define N_TRAVEL_NOTES 4
extern const char *const demo_travel_notes[N_TRAVEL_NOTES];

gint32 demo_table_value_for     (const Org         *o,
                                 guint              scheme,
                                 gint32             ep,
                                 gint               complexity);
void   demo_shape_audit         (Gen               *g,
                                 Audit             *a,
                                 guint             *k_out);
Audit *demo_add_audit           (Gen               *g,
                                 Org               *o,
                                 Cert              *c,
                                 guint              type,
                                 gint32             start);
void   demo_set_stage2_required (Gen               *g,
                                 const Org         *o,
                                 const Cert        *c,
                                 Audit             *s2,
                                 gint32             stage1_days);
gint32 demo_short_days          (gint32             t,
                                 ZichaAuditTimeKind kind,
                                 gint32             already);
void   demo_staff_audit         (Gen               *g,
                                 Org               *o,
                                 Cert              *c,
                                 Audit             *a);
void   demo_finish_audit        (Gen               *g,
                                 Audit             *a);

/* ------------------------------------------------------------------------------------------ */
/* Certificates (zicha-demo-certificates.c) */

void demo_sort_audits    (Cert       *c);
void demo_build_skeleton (Gen        *g,
                          Org        *o,
                          Cert       *c,
                          const Spec *sp);
void demo_apply_fate     (Gen        *g,
                          Org        *o,
                          Cert       *c,
                          const Spec *sp);
void demo_close_cert     (Gen        *g,
                          Cert       *c);
void demo_name_cert      (Gen        *g,
                          Org        *o,
                          Cert       *c);
void demo_pick_codes     (Gen        *g,
                          Org        *o,
                          Cert       *c,
                          gboolean    unfiltered);

/* ------------------------------------------------------------------------------------------ */
/* Organizations (zicha-demo-organizations.c) */

void     demo_org_init          (Gen     *g,
                                 Org     *o,
                                 guint    sector);
void     demo_default_spec      (Gen     *g,
                                 Spec    *sp,
                                 gint32   issue);
guint    demo_draw_first_scheme (Gen     *g,
                                 guint    sector);
Cert    *demo_new_cert          (Gen     *g,
                                 Org     *o,
                                 guint    scheme,
                                 Spec    *sp,
                                 gboolean clean);
void     demo_add_complaint     (Gen     *g,
                                 Org     *o,
                                 gboolean planted);
gboolean demo_set_watch         (Gen     *g,
                                 Org     *o,
                                 gint32   lo,
                                 gint32   hi);
guint    demo_finish_org        (Gen     *g,
                                 Org     *o);
void     demo_publish_org       (Gen     *g,
                                 Org     *o);
guint    demo_gen_clean         (Gen     *g,
                                 guint    n_certs);

/* ------------------------------------------------------------------------------------------ */
/* Planting (zicha-demo-plant.c) */

gboolean demo_gen_planted (Gen        *g,
                           const Task *t);

G_END_DECLS
