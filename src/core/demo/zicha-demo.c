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
 *   by an independent evaluator written from the rule text (eval_org). Its hits are the
 *   manifest rows. A hit of a rule a clean organization was not built to have, or a planted
 *   one missing its hit, is counted in ZichaDemoStats (unplanned_hits, missed_plants): both
 *   are 0 unless the generator has a defect, and the tests check it.
 * - The rules that span organizations are known by construction or counted exactly at the
 *   end: AUDITOR_DOUBLE_BOOKED (planted pairs), AUDITOR_OVERLOADED (distinct on-site days
 *   per person-month, from the calendars), PART_TIME_HEAVY (team days per year),
 *   CODE_WITHOUT_COMPETENCE (the planted sector without any competent person employed
 *   today), EXPENSE_EXCESSIVE (planted amounts above 3 × the largest clean amount).
 *
 * The comment block before plant_* explains how every rule is planted.
 *
 * Output is streamed through large buffers; memory holds the personnel with their
 * calendars and one organization at a time. A private PRNG (xoshiro256**, seeded with
 * splitmix64) and integer arithmetic only: same seed and same today give the same bytes.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-audit-time.h"
#include "zicha-demo.h"
#include "zicha-demo-private.h"
#include "zicha-error.h"
#include "zicha-files.h"

/* ------------------------------------------------------------------------------------------ */
/* Rules */

typedef enum
{
  R_SCOPE_NOT_APPROVED,
  R_AUDIT_TIME_SHORT,
  R_PERSONNEL_UNDERSTATED,
  R_DECISION_BY_TEAM_MEMBER,
  R_DECISION_BEFORE_REPORT,
  R_REPORT_BEFORE_AUDIT_END,
  R_RECORDS_LATE,
  R_CERT_WITHOUT_INITIAL_AUDIT,
  R_STAGE1_MISSING,
  R_CERT_ISSUED_BEFORE_DECISION,
  R_SURVEILLANCE_OVERDUE,
  R_SUSPENSION_TOO_LONG,
  R_EXPIRED_STILL_VALID,
  R_REPORTED_LATE,
  R_AUDITOR_DOUBLE_BOOKED,
  R_AUDITOR_NOT_QUALIFIED,
  R_TEAM_LACKS_COMPETENCE,
  R_EXPENSE_PAID_BY_CLIENT,
  R_EXPENSE_EXCESSIVE,
  R_AUDITOR_OVERLOADED,
  R_CHECKIN_MISSING,
  R_CHECKIN_FAR,
  R_WATCHLIST_NO_ACTION,
  R_COMPLAINT_UNRESOLVED,
  R_CODE_WITHOUT_COMPETENCE,
  R_TRACEABILITY_GAP,
  R_PART_TIME_HEAVY,
  N_RULES
} Rule;

G_STATIC_ASSERT (N_RULES == ZICHA_DEMO_N_RULES);

static const struct
{
  const char *id;
  const char *entity;
} rule_info[N_RULES] = {
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

#define RBIT(r) (1u << (r))

/* ------------------------------------------------------------------------------------------ */
/* PRNG: xoshiro256** (Blackman & Vigna), seeded by splitmix64. Fixed here so that the output
 * never depends on GLib's choice of generator. */

typedef struct
{
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_seed (Rng     *r,
          guint64  seed)
{
  guint i;

  for (i = 0; i < 4; i++)
    r->s[i] = splitmix64 (&seed);
}

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
/* Dates: days since 1970-01-01 (H. Hinnant's civil calendar algorithms). */

static gint32
days_from_civil (gint y,
                 gint m,
                 gint d)
{
  gint era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint32  z,
                 gint   *y,
                 gint   *m,
                 gint   *d)
{
  gint era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

static gint
days_in_month (gint y,
               gint m)
{
  static const gint dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return dim[m - 1];
}

/* Calendar arithmetic clamped to the month's end (DOMAIN.md section 4). */
static gint32
add_months (gint32 day,
            gint   months)
{
  gint y, m, d, mi;

  civil_from_days (day, &y, &m, &d);
  mi = y * 12 + (m - 1) + months;
  y = mi / 12;
  m = mi % 12 + 1;
  d = MIN (d, days_in_month (y, m));
  return days_from_civil (y, m, d);
}

static gint
year_of (gint32 day)
{
  gint y, m, d;

  civil_from_days (day, &y, &m, &d);
  return y;
}

/* REPORTED_LATE: the 10th of the month after @issued. */
static gint32
report_deadline (gint32 issued)
{
  gint y, m, d;

  civil_from_days (issued, &y, &m, &d);
  m++;
  if (m > 12)
    {
      m = 1;
      y++;
    }
  return days_from_civil (y, m, 10);
}

/* ------------------------------------------------------------------------------------------ */
/* Buffered CSV output */

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

static void
out_flush (Out *o)
{
  if (o->len > 0 && o->file != NULL && o->saved_errno == 0)
    {
      if (fwrite (o->buf, 1, o->len, o->file) != o->len)
        o->saved_errno = errno != 0 ? errno : EIO;
    }
  o->len = 0;
}

static inline void
out_mem (Out        *o,
         const char *s,
         gsize       n)
{
  if (G_UNLIKELY (o->len + n > OUT_CAP))
    {
      out_flush (o);
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
    out_flush (o);
  o->buf[o->len++] = c;
}

static inline void
out_s (Out        *o,
       const char *s)
{
  out_mem (o, s, strlen (s));
}

static void
out_u (Out     *o,
       guint64  v)
{
  char tmp[24];
  int i = sizeof tmp;

  do
    {
      tmp[--i] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);
  out_mem (o, tmp + i, sizeof tmp - (gsize) i);
}

/* Zero-padded to @width digits. */
static void
out_u0 (Out     *o,
        guint64  v,
        int      width)
{
  char tmp[24];
  int i = sizeof tmp;

  do
    {
      tmp[--i] = (char) ('0' + v % 10);
      v /= 10;
      width--;
    }
  while (v != 0 || width > 0);
  out_mem (o, tmp + i, sizeof tmp - (gsize) i);
}

/* Hundredths as a short decimal: 700 → "7", 150 → "1.5", 489 → "4.89". */
static void
out_hund (Out    *o,
          gint64  h)
{
  gint64 frac = h % 100;

  g_assert (h >= 0);
  out_u (o, (guint64) (h / 100));
  if (frac != 0)
    {
      out_c (o, '.');
      out_c (o, (char) ('0' + frac / 10));
      if (frac % 10 != 0)
        out_c (o, (char) ('0' + frac % 10));
    }
}

static void
out_date (Out    *o,
          gint32  day)
{
  gint y, m, d;
  char tmp[11];

  if (day == 0)
    return;
  civil_from_days (day, &y, &m, &d);
  tmp[0] = (char) ('0' + y / 1000);
  tmp[1] = (char) ('0' + y / 100 % 10);
  tmp[2] = (char) ('0' + y / 10 % 10);
  tmp[3] = (char) ('0' + y % 10);
  tmp[4] = '-';
  tmp[5] = (char) ('0' + m / 10);
  tmp[6] = (char) ('0' + m % 10);
  tmp[7] = '-';
  tmp[8] = (char) ('0' + d / 10);
  tmp[9] = (char) ('0' + d % 10);
  out_mem (o, tmp, 10);
}

static void
out_time (Out    *o,
          gint32  day,
          gint    minute)
{
  char tmp[6];

  out_date (o, day);
  tmp[0] = ' ';
  tmp[1] = (char) ('0' + minute / 600);
  tmp[2] = (char) ('0' + minute / 60 % 10);
  tmp[3] = ':';
  tmp[4] = (char) ('0' + minute % 60 / 10);
  tmp[5] = (char) ('0' + minute % 10);
  out_mem (o, tmp, 6);
}

/* A text field, quoted by RFC 4180 when it needs it. */
static void
out_text (Out        *o,
          const char *s)
{
  const char *p;

  if (s == NULL)
    return;
  if (strpbrk (s, ",\"\r\n") == NULL)
    {
      out_s (o, s);
      return;
    }
  out_c (o, '"');
  for (p = s; *p != '\0'; p++)
    {
      if (*p == '"')
        out_c (o, '"');
      out_c (o, *p);
    }
  out_c (o, '"');
}

#define SEP(o) out_c ((o), ',')

static inline void
out_end (Out *o)
{
  out_c (o, '\n');
  o->rows++;
}

/* ------------------------------------------------------------------------------------------ */
/* GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters from
 * 0-9 A-H J-N P-R T U W-Y (no I O S V Z); the 18th is the check character: with code values
 * c_i and weights w_i = 3^i mod 31 (i = 0 … 16), check = 31 − (Σ c_i·w_i mod 31), 31 → 0.
 * Characters 9–17 are the organization code of GB 11714-1997 with its own check character:
 * weights 3 7 9 10 5 8 4 2, check = 11 − (Σ mod 11), 10 → X, 11 → 0. */

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
static void
make_uscc (char       *out,
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
/* Model */

enum { KIND_AUDITOR, KIND_EXPERT, KIND_TRAINEE, KIND_DECIDER };
enum { ROLE_LEADER, ROLE_AUDITOR, ROLE_EXPERT, ROLE_TRAINEE, N_ROLES };
static const char *const role_ids[N_ROLES] = { "leader", "auditor", "expert", "trainee" };

typedef enum
{
  AT_STAGE1,
  AT_STAGE2,
  AT_SURV,
  AT_RECERT,
  AT_SPECIAL,
  AT_SHORT_NOTICE,
  AT_TRANSFER,
} AuditType;
static const char *const audit_type_ids[] = {
  "stage1", "stage2", "surveillance", "recertification", "special", "short_notice", "transfer"
};

enum { EV_ISSUE, EV_RENEW, EV_SUSPEND, EV_RESTORE, EV_WITHDRAW, EV_CANCEL };
static const char *const event_ids[] = { "issue", "renew", "suspend", "restore", "withdraw",
                                         "cancel" };

enum { ST_VALID, ST_SUSPENDED, ST_WITHDRAWN, ST_CANCELLED, ST_EXPIRED };
static const char *const status_ids[] = { "valid", "suspended", "withdrawn", "cancelled",
                                          "expired" };

enum { CAT_TRAVEL, CAT_LODGING, CAT_MEALS, CAT_OTHER };
static const char *const category_ids[] = { "travel", "lodging", "meals", "other" };
/* Clean amounts in hundredths of a yuan: [lo, hi] with hi < 3·lo, so a clean amount never
 * exceeds 3 × the median of its category (EXPENSE_EXCESSIVE). */
static const gint32 amount_lo[] = { 30000, 26000, 8000, 5000 };
static const gint32 amount_hi[] = { 88000, 76000, 23000, 14000 };

static const char *const complexity_ids[] = { "high", "medium", "low", "limited" };

#define MAX_COMP     10
#define MAX_TEAM     7
#define MAX_AUDITS   24
#define MAX_EVENTS   10
#define MAX_CERTS    3
#define MAX_CODES    3
#define MAX_SECTORS  24
#define MAX_COMPLAINTS 2
#define MONTH_CAP    18     /* clean: at most this many on-site days per person-month */
#define PT_CAP_PCT   30     /* clean: part-time share of a year's team days at most */
#define PROBES       64

typedef struct
{
  guint8 scheme;
  guint8 sector;
  gint8  item;              /* -1: the sector's top-level code; else 2 levels of that item */
  gint32 approved;
} Comp;

typedef struct
{
  gint32  joined;
  gint32  left;             /* 0: still employed */
  gint32  aud_from[DEMO_N_SCHEMES];
  gint32  lead_from[DEMO_N_SCHEMES];
  gint32  trainee_from[DEMO_N_SCHEMES];
  gint32  expert_from[DEMO_N_SCHEMES];
  gint32  qual_to;          /* 0: open-ended */
  gint32  last_from;        /* the person's latest clean on-site assignment */
  gint32  last_to;
  guint64 last_audit;
  guint32 last_org;
  guint8  last_scheme;
  guint8  last_role;
  guint8  last_ok;
  guint8  kind;
  guint8  part_time;
  guint8  n_comp;
  Comp    comp[MAX_COMP];
  char    name[16];
} Person;

typedef struct
{
  gint32  person;
  guint8  role;
  guint8  n_exp;
  guint8  no_in;
  guint8  in_photos;
  guint8  out_photos;
  gint16  in_min;
  gint16  out_min;
  gint32  from;
  gint32  to;
  gint32  days;             /* hundredths */
  gint32  in_km;            /* hundredths of a km */
  gint32  out_km;
  struct
  {
    guint8  cat;
    guint8  client;
    guint8  note;
    gint32  amount;         /* hundredths of a yuan */
    gint32  on;
    guint64 no;
  } exp[2];
} TeamRow;

enum { MODE_NORMAL, MODE_INCOMPETENT, MODE_UNQUALIFIED, MODE_DOUBLE, MODE_FORCED, MODE_OLD,
       MODE_NOTEAM };

typedef struct
{
  guint64 no;
  guint8  type;
  guint8  mode;
  guint8  min_len;
  guint8  n_team;
  guint8  checkins;
  gint8   complexity;       /* -1: none */
  gint32  start;
  gint32  end;
  gint32  min_start;        /* earliest start when the team needs a shift */
  gint32  limit;            /* latest report/decision (issue date for initial audits) */
  gint32  renew_before;     /* recertification: the expiry the renewal must precede */
  gint32  ep;               /* effective personnel, -1: none */
  gint32  required;         /* hundredths */
  gint32  planned;
  gint32  onsite;
  gint32  report;
  gint32  decision;
  gint32  decider;          /* person index, -1: none */
  gint32  rec_day;
  gint16  rec_min;
  gint32  forced_person;    /* MODE_FORCED, MODE_DOUBLE */
  gint32  forced_len;
  guint8  forced_role;
  guint8  restore;          /* special audit that ends a suspension */
  TeamRow team[MAX_TEAM];
} Audit;

typedef struct
{
  guint8      kind;
  gint32      on;
  const char *reason;
} Event;

typedef struct
{
  char    no[32];
  guint8  scheme;
  guint8  n_codes;
  guint8  items[MAX_CODES];
  guint8  status;
  guint8  n_events;
  guint8  n_audits;
  guint8  transfer;
  gint32  issued;
  gint32  expires;
  gint32  status_on;
  gint32  reported;
  Event   ev[MAX_EVENTS];
  Audit   au[MAX_AUDITS];
} Cert;

typedef struct
{
  gint32  received;
  gint32  closed;
  gint32  person;           /* -1: none */
  guint8  cert;
  guint8  summary;
  guint64 no;
} Complaint;

typedef struct
{
  guint64   no;
  guint     city;
  guint8    sector;
  guint8    sites;
  guint8    n_certs;
  guint8    n_complaints;
  guint8    watch;
  guint8    watch_src;
  guint8    watch_note;
  guint8    planted;
  gint32    employees;
  gint32    watch_on;
  guint32   allowed;        /* rules this organization was built to hit */
  guint32   primary;        /* the planted rule (must be hit) */
  guint32   found;
  char      id[16];
  char      name[128];
  char      uscc[20];
  Cert      certs[MAX_CERTS];
  Complaint complaints[MAX_COMPLAINTS];
} Org;

typedef struct
{
  guint8      scheme;
  const char *code;
  gint32      granted;
  gint32      withdrawn;    /* 0: in force */
} Approval;

/* Plants: one organization with one certificate each. */
typedef enum
{
  P_NONE,
  P_SCOPE,
  P_SHORT_SURV,
  P_SHORT_STAGE2,
  P_SHORT_RECERT,
  P_UNDERSTATED,
  P_DECIDER_IN_TEAM,
  P_DECISION_EARLY,
  P_REPORT_EARLY,
  P_RECORDS_LATE,
  P_NO_INITIAL,
  P_NO_STAGE1,
  P_ISSUED_EARLY,
  P_SURV_LATE,
  P_SURV_NONE,
  P_SUSP_LONG,
  P_EXPIRED_VALID,
  P_REPORTED_LATE,
  P_REPORTED_NONE,
  P_DOUBLE,
  P_UNQUALIFIED,
  P_INCOMPETENT,
  P_EXP_CLIENT,
  P_EXP_EXCESSIVE,
  P_OVERLOAD,
  P_CHECKIN_MISSING,
  P_CHECKIN_FAR,
  P_WATCH,
  P_COMPLAINT,
  P_ORPHAN,
  P_TRACE_NO_REPORT,
  P_TRACE_NO_DECIDER,
  P_TRACE_NO_TEAM,
  P_OLD,
  N_PLANTS
} Plant;

typedef struct
{
  guint8  plant;
  guint8  arg;
  gint32  day;              /* P_OVERLOAD: start of the forced audit */
  gint32  person;           /* P_OVERLOAD: the person */
} Task;

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
/* Small helpers */

static const char *
scheme_code (guint s)
{
  return demo_scheme_codes[s];
}

static guint
sector_index (const char *code)
{
  guint i;

  for (i = 0; i < demo_n_sectors; i++)
    if (strcmp (demo_sectors[i].code, code) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static guint
sector_n_items (guint sector)
{
  guint n = 0;

  while (n < DEMO_MAX_ITEMS && demo_sectors[sector].items[n].code != NULL)
    n++;
  return n;
}

/* @a covers @b: @a's segments are a prefix of @b's (INTERCHANGE.md). */
static gboolean
code_covers (const char *a,
             gsize       alen,
             const char *b)
{
  return strncmp (a, b, alen) == 0 && (b[alen] == '\0' || b[alen] == '.');
}

static void
comp_code (const Comp  *c,
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

static void
out_person (Out    *o,
            gint32  p)
{
  out_c (o, 'E');
  out_u0 (o, (guint64) p + 1, 5);
}

static void
out_audit (Out     *o,
           guint64  no)
{
  out_c (o, 'A');
  out_u0 (o, no, 9);
}

static gint32
round_up50 (gint64 h)
{
  return (gint32) ((h + 49) / 50 * 50);
}

static gboolean
employed_on (const Person *p,
             gint32        day)
{
  return (p->joined == 0 || p->joined <= day) && (p->left == 0 || p->left >= day);
}

/* Holds an auditor or lead_auditor qualification for @s valid on @day. */
static gboolean
qualified_on (const Person *p,
              guint         s,
              gint32        day)
{
  gint32 from = p->aud_from[s] != 0 ? p->aud_from[s] : p->lead_from[s];

  return from != 0 && from <= day && (p->qual_to == 0 || p->qual_to >= day);
}

static gboolean
lead_on (const Person *p,
         guint         s,
         gint32        day)
{
  return p->lead_from[s] != 0 && p->lead_from[s] <= day && (p->qual_to == 0 || p->qual_to >= day);
}

static gboolean
has_top_comp (const Person *p,
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

static gboolean
has_any_comp_in (const Person *p,
                 guint         s,
                 guint         sector)
{
  guint i;

  for (i = 0; i < p->n_comp; i++)
    if (p->comp[i].scheme == s && p->comp[i].sector == sector)
      return TRUE;
  return FALSE;
}

static gboolean
comp_covers_code (const Person *p,
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
      comp_code (&p->comp[i], &cc, &len);
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

static void
person_name (Gen  *g,
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
  person_name (g, p->name);
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

static guint
month_of (Gen    *g,
          gint32  day)
{
  gint y, m, d;

  civil_from_days (day, &y, &m, &d);
  return (guint) (y * 12 + m - 1 - g->cal_month0);
}

/* Free from @from to @to: employed, no on-site day yet, month capacity kept. */
static gboolean
person_free (Gen     *g,
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
  m0 = month_of (g, from);
  m1 = month_of (g, to);
  for (d = from; d <= to; d++)
    {
      if (month_of (g, d) == m0)
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

static void
person_occupy (Gen    *g,
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
          g->mdays[(gsize) p * g->n_months + month_of (g, d)]++;
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
static guint
draw_sector (Gen *g,
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
      guint sec = draw_sector (g, (gint) s);

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
static gint32
hire (Gen    *g,
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
            sec = draw_sector (g, (gint) s);
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

static void
make_personnel (Gen   *g,
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
              guint sec2 = draw_sector (g, (gint) prim);
              guint n = sector_n_items (sec2);

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
                && lead_on (p, s, early) && has_top_comp (p, s, sec, early))
              have++;
          }
        for (tries = 0; have < 2 && tries < 200; tries++)
          {
            gint32 pi = (gint32) rng_below (&g->rng, g->n_persons);
            Person *p = &g->persons[pi];

            if (p->kind != KIND_AUDITOR || p->part_time || p->left != 0 || p->joined > early
                || has_top_comp (p, s, sec, early))
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
      add_comp (p, DEMO_QMS, sector_index ("29"), -1, g->cal_start - 300);
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
      add_comp (p, DEMO_QMS, sector_index ("17"), -1, g->cal_start - 900);
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

static void
make_approvals (Gen *g)
{
  gint32 g0 = days_from_civil ((gint) g->approval_year, 4, 18);
  guint sec;

  for (sec = 0; sec < demo_n_sectors; sec++)
    {
      const DemoSector *d = &demo_sectors[sec];
      gboolean later = strcmp (d->code, "33") == 0 || strcmp (d->code, "34") == 0;

      if (d->schemes & DEMO_SCHEME_BIT (DEMO_QMS))
        add_approval (g, DEMO_QMS, d->code, later ? add_months (g0, 38) : g0, 0);
      if (d->schemes & DEMO_SCHEME_BIT (DEMO_EMS))
        add_approval (g, DEMO_EMS, d->code, sec == g->sec_late ? g->late_grant
                                             : add_months (g0, later ? 38 : 14), 0);
      if ((d->schemes & DEMO_SCHEME_BIT (DEMO_OHSMS)) && strcmp (d->code, "29") != 0)
        add_approval (g, DEMO_OHSMS, d->code, add_months (g0, 26), 0);
    }
  /* narrower approvals */
  add_approval (g, DEMO_OHSMS, "29.10", add_months (g0, 26), 0);
  add_approval (g, DEMO_OHSMS, "29.12", add_months (g0, 50), 0);
  add_approval (g, DEMO_FSMS, "03", add_months (g0, 62), 0);
  add_approval (g, DEMO_ISMS, "33.02", add_months (g0, 86), 0);
  /* an approval that ended: ship building (no certificates) */
  add_approval (g, DEMO_QMS, "20", g0, add_months (g0, 75));
}

static gboolean
approved_on (Gen        *g,
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
static gint32
sector_granted (Gen   *g,
                guint  s,
                guint  sector)
{
  gint32 best = 0;
  guint i, k, n = sector_n_items (sector);

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
hit (Gen        *g,
     Org        *o,
     guint       rule,
     const char *key)
{
  Out *m = &g->manifest;

  if (g->with_manifest)
    {
      out_s (m, rule_info[rule].id);
      SEP (m);
      out_s (m, rule_info[rule].entity);
      SEP (m);
      out_text (m, key);
      out_end (m);
    }
  g->stats->hits[rule]++;
  if (o != NULL)
    {
      o->found |= RBIT (rule);
      if (!(o->allowed & RBIT (rule)))
        {
          g->stats->unplanned_hits++;
          g_debug ("unplanned %s %s", rule_info[rule].id, key);
        }
    }
}

static void
hit_team (Gen     *g,
          Org     *o,
          guint    rule,
          guint64  audit,
          gint32   person)
{
  char a[16], p[16], key[40];

  format_audit_id (a, audit);
  format_person_id (p, person);
  g_snprintf (key, sizeof key, "%s/%s", a, p);
  hit (g, o, rule, key);
}

static void
hit_audit (Gen     *g,
           Org     *o,
           guint    rule,
           guint64  audit)
{
  char a[16];

  format_audit_id (a, audit);
  hit (g, o, rule, a);
}

/* ------------------------------------------------------------------------------------------ */
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

static gboolean
surveillance_overdue (Gen        *g,
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
      if (a->start > add_months (prev, 12))
        late = TRUE;
      prev = a->start;
    }
  return late || g->today > add_months (prev, 12);
}

static void
eval_org (Gen *g,
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
        if (!approved_on (g, c->scheme, demo_sectors[o->sector].items[c->items[k]].code,
                          c->issued))
          {
            hit (g, o, R_SCOPE_NOT_APPROVED, c->no);
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
                    hit_audit (g, o, R_AUDIT_TIME_SHORT, a->no);
                }
              else if ((a->type == AT_SURV
                        && zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_SURVEILLANCE, a->onsite,
                                                      ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
                       || (a->type == AT_RECERT
                           && zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_RECERTIFICATION,
                                                         a->onsite,
                                                         ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT)))
                hit_audit (g, o, R_AUDIT_TIME_SHORT, a->no);
            }

          if (a->ep >= 0 && (gint64) a->ep * 2 < o->employees)
            hit_audit (g, o, R_PERSONNEL_UNDERSTATED, a->no);

          if (a->decider >= 0)
            for (ti = 0; ti < a->n_team; ti++)
              if (a->team[ti].person == a->decider)
                {
                  hit_audit (g, o, R_DECISION_BY_TEAM_MEMBER, a->no);
                  break;
                }

          if (a->decision != 0
              && (a->decision < a->end || (a->report != 0 && a->decision < a->report)))
            hit_audit (g, o, R_DECISION_BEFORE_REPORT, a->no);

          if (a->report != 0 && a->report < a->end)
            hit_audit (g, o, R_REPORT_BEFORE_AUDIT_END, a->no);

          if (a->rec_day != 0 && a->rec_day > a->end + 30)
            hit_audit (g, o, R_RECORDS_LATE, a->no);

          /* AUDITOR_NOT_QUALIFIED */
          for (ti = 0; ti < a->n_team; ti++)
            {
              const TeamRow *r = &a->team[ti];
              const Person *p = &g->persons[r->person];

              if (((r->role == ROLE_LEADER || r->role == ROLE_AUDITOR)
                   && !qualified_on (p, c->scheme, a->start))
                  || !employed_on (p, a->start))
                hit_team (g, o, R_AUDITOR_NOT_QUALIFIED, a->no, r->person);
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
                  covered = comp_covers_code (&g->persons[r->person], c->scheme, code, a->start);
                }
              if (!covered)
                lacks = TRUE;
            }
          if (lacks)
            hit_audit (g, o, R_TEAM_LACKS_COMPETENCE, a->no);

          /* expenses */
          for (ti = 0; ti < a->n_team; ti++)
            for (k = 0; k < a->team[ti].n_exp; k++)
              {
                char key[24];

                g_snprintf (key, sizeof key, "FY%010" G_GUINT64_FORMAT, a->team[ti].exp[k].no);
                if (a->team[ti].exp[k].client)
                  hit (g, o, R_EXPENSE_PAID_BY_CLIENT, key);
                /* exact: the median of a category lies within its clean range (see
                 * amount_lo), and planted amounts exceed 3 × its top */
                if (a->team[ti].exp[k].amount > 3 * amount_hi[a->team[ti].exp[k].cat])
                  hit (g, o, R_EXPENSE_EXCESSIVE, key);
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
                  hit_team (g, o, R_CHECKIN_MISSING, a->no, r->person);
                if ((!r->no_in && r->in_km > 500) || r->out_km > 500)
                  hit_team (g, o, R_CHECKIN_FAR, a->no, r->person);
              }

          /* TRACEABILITY_GAP */
          if (a->end < g->today
              && (a->n_team == 0 || a->report == 0
                  || ((a->type == AT_STAGE2 || a->type == AT_RECERT)
                      && (a->decision == 0 || a->decider < 0))))
            hit_audit (g, o, R_TRACEABILITY_GAP, a->no);
        }

      if (!any_initial)
        hit (g, o, R_CERT_WITHOUT_INITIAL_AUDIT, c->no);
      if (any_stage2 && !any_stage1)
        hit (g, o, R_STAGE1_MISSING, c->no);
      if (early_issue)
        hit (g, o, R_CERT_ISSUED_BEFORE_DECISION, c->no);
      if (c->status == ST_VALID && surveillance_overdue (g, c))
        hit (g, o, R_SURVEILLANCE_OVERDUE, c->no);
      if (c->status == ST_SUSPENDED)
        {
          gint32 since = 0;

          for (k = 0; k < c->n_events; k++)
            if (c->ev[k].kind == EV_SUSPEND && c->ev[k].on <= g->today && c->ev[k].on > since)
              since = c->ev[k].on;
          if (since == 0)
            since = c->status_on;
          if (since != 0 && g->today > add_months (since, 6))
            hit (g, o, R_SUSPENSION_TOO_LONG, c->no);
        }
      if (c->status == ST_VALID && c->expires < g->today)
        hit (g, o, R_EXPIRED_STILL_VALID, c->no);
      deadline = report_deadline (c->issued);
      if ((c->reported != 0 && c->reported > deadline)
          || (c->reported == 0 && g->today > deadline))
        hit (g, o, R_REPORTED_LATE, c->no);

      /* CODE_WITHOUT_COMPETENCE: competences are either whole sectors or narrower codes
       * inside sectors that some person employed today covers whole, so the sector flag is
       * exact. */
      if (c->status == ST_VALID && !g->covered_today[c->scheme][o->sector])
        for (k = 0; k < c->n_codes; k++)
          {
            char *key = g_strdup_printf ("%s/%s", scheme_code (c->scheme),
                                         demo_sectors[o->sector].items[c->items[k]].code);

            if (g_hash_table_add (g->code_hits, key))
              hit (g, o, R_CODE_WITHOUT_COMPETENCE, key);
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
          hit (g, o, R_WATCHLIST_NO_ACTION, c->no);
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
          hit (g, o, R_COMPLAINT_UNRESOLVED, key);
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Audits and teams */

static gint32
table_value_for (const Org *o,
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
static void
shape_audit (Gen   *g,
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

static Audit *
add_audit (Gen   *g,
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
  t = table_value_for (o, c->scheme, a->ep, cx);

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
static void
set_stage2_required (Gen         *g,
                     const Org   *o,
                     const Cert  *c,
                     Audit       *s2,
                     gint32       stage1_days)
{
  gint32 t = table_value_for (o, c->scheme, s2->ep, s2->complexity);
  gint32 total = round_up50 ((gint64) t * rng_range (&g->rng, 85, 105) / 100);

  s2->required = MAX (100, total - stage1_days);
  while (zicha_audit_time_is_short (t, ZICHA_AUDIT_TIME_INITIAL, s2->required + stage1_days,
                                    ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT))
    s2->required += 50;
  s2->planned = s2->required;
}

/* The largest multiple of 50 (≥ 50) that is short for @kind, or 0 when none is. */
static gint32
short_days (gint32             t,
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
  y = (guint) (year_of (day) - g->cal_year0);
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
      if ((need & NEED_COMP) && !has_top_comp (pp, s, sector, from))
        continue;
      if ((need & NEED_NOCOMP) && has_any_comp_in (pp, s, sector))
        continue;
      if (!(need & NEED_NOCAP) && !pt_ok (g, pp, from, days))
        continue;
      if (!person_free (g, p, from, to, !(need & NEED_NOCAP)))
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
              && person_free (g, p, from, to, TRUE))
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
      competent = p >= 0 && has_top_comp (&g->persons[p], s, sec, from);
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

  p = hire (g, s, hsec, a->start, KIND_AUDITOR);
  set_row (a, n++, p, ROLE_LEADER);
  while (n < k)
    {
      p = pick (g, g->aud_pool[s], NEED_AUD | (incompetent ? NEED_NOCOMP : 0), s, sec, a->start,
                a->end, a, n);
      if (p < 0)
        p = hire (g, s, hsec, a->start, KIND_AUDITOR);
      set_row (a, n++, p, ROLE_AUDITOR);
    }
  a->n_team = (guint8) n;
}

static void
account_row (Gen       *g,
             Org       *o,
             Cert      *c,
             Audit     *a,
             TeamRow   *r,
             gboolean   occupy,
             gboolean   clean)
{
  Person *p = &g->persons[r->person];
  guint y = (guint) (year_of (r->from) - g->cal_year0);

  if (occupy)
    person_occupy (g, r->person, r->from, r->to);
  g->all_days[y] += r->days;
  if (p->part_time)
    g->pt_days[y] += r->days;
  if (occupy)
    {
      p->last_from = r->from;
      p->last_to = r->to;
      p->last_audit = a->no;
      p->last_org = (guint32) o->no;
      p->last_scheme = c->scheme;
      p->last_role = r->role;
      p->last_ok = clean;
    }
}

static void
staff_audit (Gen   *g,
             Org   *o,
             Cert  *c,
             Audit *a)
{
  guint k, i, n_aud = 0, units, j;
  gint32 start0 = a->start, st;
  gboolean done = FALSE;

  if (a->mode == MODE_NOTEAM)
    {
      shape_audit (g, a, &k);
      a->n_team = 0;
      return;
    }

  if (a->mode == MODE_FORCED)
    {
      shape_audit (g, a, &k);
      set_row (a, 0, a->forced_person, ROLE_LEADER);
      a->n_team = 1;
      a->required = (a->end - a->start + 1) * 100;
      done = TRUE;
    }

  for (st = start0; !done && st >= a->min_start; st--)
    {
      a->start = st;
      shape_audit (g, a, &k);
      if (try_team (g, o, c, a, k))
        done = TRUE;
    }
  if (!done)
    {
      a->start = start0;
      shape_audit (g, a, &k);
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
      account_row (g, o, c, a, r, TRUE, a->mode == MODE_NORMAL);
    }

  if (a->mode == MODE_UNQUALIFIED && a->n_team < MAX_TEAM)
    {
      /* a trainee listed as auditor (AUDITOR_NOT_QUALIFIED) */
      gint32 p = pick (g, g->trainee_pool[c->scheme], 0, c->scheme, o->sector, a->start, a->end,
                       a, a->n_team);
      TeamRow *r;

      if (p < 0)
        p = hire (g, c->scheme, (gint) o->sector, a->start, KIND_TRAINEE);
      r = &a->team[a->n_team++];
      set_row (a, a->n_team - 1u, p, ROLE_AUDITOR);
      r->from = a->start;
      r->to = a->end;
      r->days = (a->end - a->start + 1) * 100;
      account_row (g, o, c, a, r, TRUE, FALSE);
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
      account_row (g, o, c, a, r, FALSE, FALSE);
      p->last_ok = FALSE;
    }
}

static const char *const travel_notes[] = { "往返高铁票", "自驾燃油费及过路费", "往返长途汽车票",
                                            "市内交通费" };

static void
finish_audit (Gen   *g,
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
      r->exp[0].note = (guint8) rng_below (&g->rng, G_N_ELEMENTS (travel_notes));
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
          r->exp[e].amount = rng_range (&g->rng, amount_lo[r->exp[e].cat], amount_hi[r->exp[e].cat]);
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

/* ------------------------------------------------------------------------------------------ */
/* Certificates: plan, skeleton of audits and events, fate */

enum { F_VALID, F_EXPIRED, F_SUSPENDED, F_WITHDRAWN, F_CANCELLED, F_RESTORED };

typedef struct
{
  gint32   issue;
  guint8   fate;
  gint32   fate_day;
  gint32   fate_day2;
  gint32   horizon;         /* latest end of an audit */
  gint32   first_surv;      /* forced start of the first surveillance */
  gint32   first_len;
  gint     expire_cycle;    /* cycle not renewed (-1: every cycle is renewed) */
  gboolean expire_valid;    /* …and the status stays valid (EXPIRED_STILL_VALID) */
  gboolean no_initial;
  gboolean no_stage1;
  gboolean transfer;
  gboolean stop_after_issue;
  gboolean fixed;           /* fixed intervals (the planted early years) */
} Spec;

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

static void
sort_audits (Cert *c)
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
static void
build_skeleton (Gen        *g,
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
          a = add_audit (g, o, c, AT_TRANSFER, end2);
          shape_audit (g, a, &k);
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
              s1a = add_audit (g, o, c, AT_STAGE1, 0);
              s1days = s1a->required;
            }
          a = add_audit (g, o, c, AT_STAGE2, 0);
          set_stage2_required (g, o, c, a, s1days);
          if (s1a != NULL)
            s1a = &c->au[n1];
          a->start = end2;
          shape_audit (g, a, &k);
          a->start = end2 - (a->end - a->start);
          a->end = end2;
          a->min_start = a->start - 10;
          a->limit = issue;
          if (s1a != NULL)
            {
              gint32 end1 = a->start - rng_range (&g->rng, 25, 60);

              s1a->start = end1;
              shape_audit (g, s1a, &k);
              s1a->start = end1 - (s1a->end - s1a->start);
              s1a->end = end1;
              s1a->min_start = s1a->start - 14;
              s1a->limit = a->start - 1;
            }
        }
    }

  anchor = issue;
  expiry = add_months (issue, 36);
  for (;;)
    {
      if (sp->stop_after_issue)
        break;
      s1 = (cycle == 0 && sp->first_surv != 0) ? sp->first_surv
           : anchor + (sp->fixed ? 330 : rng_range (&g->rng, 300, 335));
      a = add_audit (g, o, c, AT_SURV, s1);
      if (cycle == 0 && sp->first_surv != 0)
        {
          a->min_start = s1;
          a->forced_len = sp->first_len;
        }
      shape_audit (g, a, &k);
      if (!fits (a, sp->horizon))
        {
          c->n_audits--;
          break;
        }
      s2 = s1 + (sp->fixed ? 330 : rng_range (&g->rng, 300, 335));
      a = add_audit (g, o, c, AT_SURV, s2);
      shape_audit (g, a, &k);
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
      a = add_audit (g, o, c, AT_RECERT, rc);
      shape_audit (g, a, &k);
      if (!fits (a, sp->horizon))
        {
          c->n_audits--;
          break;
        }
      a->renew_before = expiry;
      /* the next anchor is the renewal, at least rc − 14 (a shifted start) */
      anchor = rc;
      expiry = add_months (expiry, 36);
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
  c->expires = add_months (c->issued, 36 * (gint) (recerts + 1));
}

static void
apply_fate (Gen        *g,
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
      a = add_audit (g, o, c, AT_SPECIAL, sp->fate_day + rng_range (&g->rng, 20, 50));
      a->min_start = sp->fate_day + 1;
      a->restore = 1;
      shape_audit (g, a, &k);
      break;
    default:
      break;
    }
}

/* After the teams: renewals, restoration, status date, report to the national platform. */
static void
close_cert (Gen  *g,
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
  c->reported = lmin (lmin (c->issued + rng_range (&g->rng, 1, 20), report_deadline (c->issued)),
                     g->yesterday);
}

static void
name_cert (Gen  *g,
           Org  *o,
           Cert *c)
{
  static const char letters[DEMO_N_SCHEMES] = { 'Q', 'E', 'S', 'F', 'I' };
  guint yy = (guint) (year_of (c->issued) % 100);
  guint renewals = 0, i;
  char size = o->employees < 100 ? 'S' : o->employees < 1000 ? 'M' : 'L';

  for (i = 0; i < c->n_events; i++)
    if (c->ev[i].kind == EV_RENEW)
      renewals++;
  g_snprintf (c->no, sizeof c->no, "%02u%03u%c%02u%05uR%u%c", g->approval_year % 100,
              g->approval_seq, letters[c->scheme], yy, ++g->serial[c->scheme][yy], renewals,
              size);
}

static void
pick_codes (Gen   *g,
            Org   *o,
            Cert  *c,
            gboolean unfiltered)
{
  guint n = sector_n_items (o->sector), ok[DEMO_MAX_ITEMS], n_ok = 0, i, want;

  for (i = 0; i < n; i++)
    if (unfiltered || approved_on (g, c->scheme, demo_sectors[o->sector].items[i].code,
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

/* ------------------------------------------------------------------------------------------ */
/* Organizations */

static void
org_init (Gen   *g,
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
  o->planted = 0;
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
  make_uscc (o->uscc, city->division, (guint32) (o->no % 100000000));

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

static void
default_spec (Gen  *g,
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

      while (add_months (issue, 36 * (cycles + 1)) < g->today - 1)
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
          sp->fate_day2 = MIN (sp->fate_day2, add_months (sp->fate_day, 6));
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

static guint
draw_first_scheme (Gen   *g,
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

/* Adds one certificate with its skeleton; FALSE when its scheme isn't approved in time. */
static Cert *
new_cert (Gen    *g,
          Org    *o,
          guint   scheme,
          Spec   *sp,
          gboolean clean)
{
  Cert *c = &o->certs[o->n_certs];
  gint32 granted = sector_granted (g, scheme, o->sector);

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
      a = add_audit (g, o, c, AT_SHORT_NOTICE, o->watch_on + rng_range (&g->rng, 12, 25));
      a->min_start = o->watch_on + 1;
      shape_audit (g, a, &k);
    }
}

static void
staff_cert (Gen  *g,
            Org  *o,
            Cert *c)
{
  guint i;

  sort_audits (c);
  for (i = 0; i < c->n_audits; i++)
    {
      Audit *a = &c->au[i];

      a->no = ++g->next_audit;
      staff_audit (g, o, c, a);
      finish_audit (g, a);
      if (a->type == AT_STAGE1)
        a->decider = -1;
    }
}

static void
add_complaint (Gen      *g,
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
  out_text (out, o->name);
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
  out_u (out, 1 + (o->no * 7919) % 899);
  out_s (out, "号");
  SEP (out);
  out_u (out, (guint64) o->employees);
  SEP (out);
  out_u (out, o->sites);
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
      out_date (out, c->issued);
      SEP (out);
      out_date (out, c->expires);
      SEP (out);
      out_s (out, status_ids[c->status]);
      SEP (out);
      out_date (out, c->status_on);
      SEP (out);
      out_date (out, c->reported);
      out_end (out);

      out = &g->out[ZICHA_RECORD_CERTIFICATE_EVENTS];
      for (k = 0; k < c->n_events; k++)
        {
          out_s (out, c->no);
          SEP (out);
          out_s (out, event_ids[c->ev[k].kind]);
          SEP (out);
          out_date (out, c->ev[k].on);
          SEP (out);
          out_text (out, c->ev[k].reason);
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
          out_date (out, a->start);
          SEP (out);
          out_date (out, a->end);
          SEP (out);
          if (a->ep >= 0)
            out_u (out, (guint64) a->ep);
          SEP (out);
          if (a->complexity >= 0)
            out_s (out, complexity_ids[a->complexity]);
          SEP (out);
          out_hund (out, a->planned);
          SEP (out);
          out_hund (out, a->onsite);
          SEP (out);
          SEP (out);
          out_date (out, a->report);
          SEP (out);
          out_date (out, a->decision);
          SEP (out);
          if (a->decider >= 0)
            out_person (out, a->decider);
          SEP (out);
          if (a->rec_day != 0)
            out_time (out, a->rec_day, a->rec_min);
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
              out_hund (out, r->days);
              SEP (out);
              out_date (out, r->from);
              SEP (out);
              out_date (out, r->to);
              out_end (out);

              out = &g->out[ZICHA_RECORD_EXPENSES];
              for (k = 0; k < r->n_exp; k++)
                {
                  out_s (out, "FY");
                  out_u0 (out, r->exp[k].no, 10);
                  SEP (out);
                  out_audit (out, a->no);
                  SEP (out);
                  out_person (out, r->person);
                  SEP (out);
                  out_s (out, category_ids[r->exp[k].cat]);
                  SEP (out);
                  out_hund (out, r->exp[k].amount);
                  SEP (out);
                  out_s (out, r->exp[k].client ? "client" : "body");
                  SEP (out);
                  out_date (out, r->exp[k].on);
                  SEP (out);
                  switch (r->exp[k].cat)
                    {
                    case CAT_TRAVEL:
                      out_s (out, travel_notes[r->exp[k].note]);
                      break;
                    case CAT_LODGING:
                      out_s (out, "住宿");
                      out_u (out, (guint64) (r->to - r->from));
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
                  out_time (out, r->from, r->in_min);
                  SEP (out);
                  out_hund (out, r->in_km);
                  SEP (out);
                  out_u (out, r->in_photos);
                  out_end (out);
                }
              out_audit (out, a->no);
              SEP (out);
              out_person (out, r->person);
              out_s (out, ",out,");
              out_time (out, r->to, r->out_min);
              SEP (out);
              out_hund (out, r->out_km);
              SEP (out);
              out_u (out, r->out_photos);
              out_end (out);
            }
        }
    }

  if (o->watch)
    {
      char src[64];

      out = &g->out[ZICHA_RECORD_WATCHLIST];
      if (o->watch_src == 0)
        g_snprintf (src, sizeof src, "%d年央视3·15晚会", year_of (o->watch_on));
      else
        g_strlcpy (src, demo_watch_sources[o->watch_src], sizeof src);
      out_s (out, o->id);
      SEP (out);
      out_text (out, src);
      SEP (out);
      out_date (out, o->watch_on);
      SEP (out);
      out_text (out, demo_watch_notes[o->watch_note]);
      out_end (out);
    }

  out = &g->out[ZICHA_RECORD_COMPLAINTS];
  for (k = 0; k < o->n_complaints; k++)
    {
      const Complaint *cp = &o->complaints[k];

      out_s (out, "TS");
      out_u0 (out, cp->no, 7);
      SEP (out);
      out_date (out, cp->received);
      SEP (out);
      out_s (out, o->id);
      SEP (out);
      out_s (out, o->certs[cp->cert].no);
      SEP (out);
      if (cp->person >= 0)
        out_person (out, cp->person);
      SEP (out);
      out_text (out, demo_complaints[cp->summary]);
      SEP (out);
      out_date (out, cp->closed);
      out_end (out);
    }
}

/* Watch-list entry on @o; @min_day is the earliest notification day. */
static gboolean
set_watch (Gen    *g,
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
      gint y = year_of (o->watch_on);
      gint32 d = days_from_civil (y, 3, 15);

      if (d > hi)
        d = days_from_civil (y - 1, 3, 15);
      if (d < lo)
        o->watch_src = 1;
      else
        o->watch_on = d;
    }
  return TRUE;
}

static guint
finish_org (Gen *g,
            Org *o)
{
  guint i;

  for (i = 0; i < o->n_certs; i++)
    {
      staff_cert (g, o, &o->certs[i]);
      close_cert (g, &o->certs[i]);
    }
  return o->n_certs;
}

static void
publish_org (Gen *g,
             Org *o)
{
  guint i;

  for (i = 0; i < o->n_certs; i++)
    if (o->certs[i].no[0] == '\0')
      name_cert (g, o, &o->certs[i]);
  eval_org (g, o);
  if (o->primary != 0 && !(o->found & o->primary))
    {
      g->stats->missed_plants++;
      g_debug ("missed plant in %s", o->id);
    }
  write_org (g, o);
  g->stats->organizations++;
}

static guint
gen_clean (Gen   *g,
           guint  n_certs)
{
  Org *o = &g->org;
  guint sector = draw_sector (g, -1);
  guint used = 0, i, s;
  gint32 first_issue = draw_issue (g), max_issue = 0;
  gboolean all_valid = TRUE;

  org_init (g, o, sector);
  for (i = 0; i < n_certs; i++)
    {
      guint mask = demo_sectors[sector].schemes;
      Spec sp;
      Cert *c;
      gint32 issue;

      if (i == 0)
        s = draw_first_scheme (g, sector);
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
      default_spec (g, &sp, issue);
      c = new_cert (g, o, s, &sp, TRUE);
      if (c == NULL)
        continue;
      sp.transfer = rng_permille (&g->rng, 20);
      draw_fate (g, &sp);
      pick_codes (g, o, c, FALSE);
      build_skeleton (g, o, c, &sp);
      apply_fate (g, o, c, &sp);
      if (sp.fate != F_VALID || c->status != ST_VALID)
        all_valid = FALSE;
      max_issue = MAX (max_issue, c->issued);
    }

  /* watch list, acted upon by a short-notice audit within 30 days */
  if (o->n_certs > 0 && all_valid && rng_permille (&g->rng, 3)
      && set_watch (g, o, max_issue + 30, g->today - 45))
    add_watch_action (g, o);

  finish_org (g, o);
  if (rng_permille (&g->rng, 4))
    add_complaint (g, o, FALSE);
  publish_org (g, o);
  return o->n_certs;
}

/* ------------------------------------------------------------------------------------------ */
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

static gboolean
gen_planted (Gen        *g,
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
      sector = draw_sector (g, (gint) scheme);
      break;
    case P_SHORT_SURV:
    case P_SHORT_STAGE2:
    case P_SHORT_RECERT:
    case P_UNDERSTATED:
    case P_INCOMPETENT:
      /* schemes with an MD 5 table and several sectors */
      scheme = rng_below (&g->rng, 3);
      sector = draw_sector (g, (gint) scheme);
      break;
    default:
      sector = draw_sector (g, -1);
      scheme = draw_first_scheme (g, sector);
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
    sector = draw_sector (g, (gint) scheme);

  for (tries = 0; tries < 200; tries++)
    {
      org_init (g, o, sector);
      o->planted = 1;
      o->primary = RBIT (plant_rule[plant]);
      o->allowed = o->primary;
      if (plant == P_SHORT_SURV || plant == P_SHORT_STAGE2 || plant == P_SHORT_RECERT
          || plant == P_UNDERSTATED)
        o->employees = rng_range (&g->rng, 100, 800);
      if (plant == P_OVERLOAD)
        o->employees = rng_range (&g->rng, 20, 200);

      default_spec (g, &sp, rng_range (&g->rng, lo, hi));
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
          sp.issue = add_months (rng_range (&g->rng, g->today - 200, g->today - 15), -36);
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
          sp.issue = days_from_civil (g->cal_year0, 5, 10) + 40 * t->arg;
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

      c = new_cert (g, o, scheme, &sp, FALSE);
      if (c == NULL)
        return FALSE;
      if (plant == P_ORPHAN)
        {
          c->n_codes = 1;
          c->items[0] = t->arg;
        }
      else
        pick_codes (g, o, c, plant == P_SCOPE);
      build_skeleton (g, o, c, &sp);
      apply_fate (g, o, c, &sp);
      if (plant != P_ORPHAN || !surveillance_overdue (g, c))
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
      t_val = table_value_for (o, scheme, target->ep, target->complexity);
      target->required = short_days (t_val, ZICHA_AUDIT_TIME_SURVEILLANCE, 0);
      break;
    case P_SHORT_RECERT:
      if (target == NULL)
        break;
      t_val = table_value_for (o, scheme, target->ep, target->complexity);
      target->required = short_days (t_val, ZICHA_AUDIT_TIME_RECERTIFICATION, 0);
      break;
    case P_SHORT_STAGE2:
      {
        Audit *s1 = first_audit (c, AT_STAGE1);

        s1->required = 100;
        s1->planned = 100;
        t_val = table_value_for (o, scheme, target->ep, target->complexity);
        target->required = short_days (t_val, ZICHA_AUDIT_TIME_INITIAL, 100);
      }
      break;
    case P_UNDERSTATED:
      target->ep = MAX (1, o->employees * 3 / 10);
      t_val = table_value_for (o, scheme, target->ep, target->complexity);
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

  finish_org (g, o);

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
      c->reported = lmin (report_deadline (c->issued) + rng_range (&g->rng, 3, 90), g->yesterday);
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
      set_watch (g, o, c->issued + 30, g->today - 40);
      break;
    case P_COMPLAINT:
      add_complaint (g, o, TRUE);
      break;
    default:
      break;
    }

  name_cert (g, o, c);
  if (plant == P_DOUBLE)
    {
      hit_team (g, o, R_AUDITOR_DOUBLE_BOOKED, target->no, dbl);
      hit_team (g, NULL, R_AUDITOR_DOUBLE_BOOKED, dbl_audit, dbl);
    }
  publish_org (g, o);
  g->stats->planted[plant_rule[plant]]++;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* The body, its approved scope, penalties and personnel */

static void
write_body (Gen *g)
{
  Out *out = &g->out[ZICHA_RECORD_BODY];
  char uscc[20], contact[16];
  guint i;

  make_uscc (uscc, "110108", 90000000u + g->approval_seq);
  person_name (g, contact);
  out_s (out, "华衡信达认证有限公司,CNCA-R-");
  out_u (out, g->approval_year);
  out_s (out, "-0");
  out_u0 (out, g->approval_seq, 2);
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
      out_date (out, a->granted);
      SEP (out);
      out_date (out, a->withdrawn);
      out_end (out);
    }

  out = &g->out[ZICHA_RECORD_PENALTIES];
  for (i = 0; i < 3; i++)
    {
      gint32 on = g->today - rng_range (&g->rng, 300 + 500 * (gint) i, 700 + 500 * (gint) i);
      gint y = year_of (on);

      out_s (out, "CF");
      out_u (out, (guint64) y);
      out_s (out, "-0");
      out_u (out, i + 1);
      SEP (out);
      out_date (out, on);
      out_s (out, ",北京市市场监督管理局,京市监罚〔");
      out_u (out, (guint64) y);
      out_s (out, "〕");
      out_u (out, (guint64) rng_range (&g->rng, 20, 480));
      out_s (out, "号,");
      out_s (out, demo_penalty_summaries[(i + g->approval_seq) % demo_n_penalty_summaries]);
      SEP (out);
      out_u (out, (guint64) (i == 1 ? 50000 : 30000));
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
  out_date (out, from);
  SEP (out);
  out_date (out, to);
  out_end (out);
}

static void
write_personnel (Gen *g)
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
      out_date (out, p->joined);
      SEP (out);
      out_date (out, p->left);
      SEP (out);
      for (s = 0; s < DEMO_N_SCHEMES; s++)
        {
          gint32 from = p->aud_from[s] != 0 ? p->aud_from[s] : p->lead_from[s];

          if (from != 0)
            {
              out_u (out, (guint64) year_of (from));
              out_s (out, "-N1");
              out_s (out, scheme_code (s));
              out_c (out, '-');
              out_u (out, 1200000u + i);
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

          comp_code (&p->comp[k], &code, &len);
          out_person (out, pi);
          SEP (out);
          out_s (out, scheme_code (p->comp[k].scheme));
          SEP (out);
          out_mem (out, code, len);
          SEP (out);
          out_date (out, p->comp[k].approved);
          out_end (out);
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Hits counted over everything: person-months and years */

static void
global_hits (Gen *g)
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
          hit (g, NULL, R_AUDITOR_OVERLOADED, key);
        }

  for (y = 0; y < g->n_years; y++)
    if (g->all_days[y] > 0 && g->pt_days[y] * 2 > g->all_days[y])
      {
        char key[8];

        g_snprintf (key, sizeof key, "%04u", (guint) g->cal_year0 + y);
        if (y >= 3)
          g->stats->unplanned_hits++;
        hit (g, NULL, R_PART_TIME_HEAVY, key);
      }
}

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
  return rule_info[rule].id;
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

static gboolean
out_open (Out         *o,
          const char  *path,
          const char  *header,
          GError     **error)
{

  o->path = g_strdup (path);
  /* the demo body's records are made up, but exports of real ones are private: these too */
  o->file = zicha_file_open_private (path, error);
  if (o->file == NULL)
    return FALSE;
  o->buf = g_malloc (OUT_CAP);
  out_s (o, header);
  out_c (o, '\n');
  return TRUE;
}

static gboolean
out_close (Out     *o,
           GError **error)
{
  gboolean ok = TRUE;

  if (o->file != NULL)
    {
      out_flush (o);
      if (fclose (o->file) != 0 && o->saved_errno == 0)
        o->saved_errno = errno != 0 ? errno : EIO;
      o->file = NULL;
      if (o->saved_errno != 0)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                         _("Could not write “%s”: %s"), o->path, g_strerror (o->saved_errno));
          ok = FALSE;
        }
    }
  g_clear_pointer (&o->buf, g_free);
  g_clear_pointer (&o->path, g_free);
  return ok;
}

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

      civil_from_days (day, &y, &m, &d);
      m0 = days_from_civil (y, m, 1);
      for (tries = 0; tries < 100000; tries++)
        {
          gint32 p = (gint32) rng_below (&g->rng, g->n_persons);
          const Person *pp = &g->persons[p];
          guint sec = draw_sector (g, DEMO_QMS);
          gboolean taken = FALSE;
          guint i;

          for (i = 0; i < g->overload_marks->len; i += 2)
            if (g_array_index (g->overload_marks, guint, i) == (guint) p)
              taken = TRUE;
          if (taken || pp->kind != KIND_AUDITOR || pp->part_time || pp->left != 0
              || !lead_on (pp, DEMO_QMS, m0) || !has_top_comp (pp, DEMO_QMS, sec, m0)
              || !employed_on (pp, m0))
            continue;
          for (j = 0; j < 6; j++)
            {
              Task t = { P_OVERLOAD, (guint8) sec, m0 + 4 * (gint32) j, p };

              g_array_append_val (tasks, t);
            }
          {
            guint pm[2] = { (guint) p, month_of (g, m0) };

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
  rng_seed (&g->rng, opts->seed);

  g->today = days_from_civil (g_date_get_year (&opts->today), g_date_get_month (&opts->today),
                              g_date_get_day (&opts->today));
  g->yesterday = g->today - 1;
  g->horizon = g->today - 3;
  g->year_today = g_date_get_year (&opts->today);
  g->cal_year0 = g->year_today - 8;
  g->cal_start = days_from_civil (g->cal_year0, 1, 1);
  g->cal_month0 = g->cal_year0 * 12;
  g->main_start = days_from_civil (g->year_today - 5, 1, 1);
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
  g->sec_orphan = (guint8) sector_index ("37");
  g->sec_late = (guint8) sector_index ("28");
  g->sec_old = (guint8) sector_index ("18");
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

      ok = out_open (&g->out[i], path, headers[i], &local_error);
    }
  if (ok && expected_path != NULL)
    ok = out_open (&g->manifest, expected_path, "rule,entity_type,entity_key", &local_error);

  if (ok)
    {
      make_approvals (g);
      make_personnel (g, opts->certificates);
      write_body (g);

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
        if (!gen_planted (g, &g_array_index (tasks, Task, ti)))
          clean_total++;

      while (clean_done < clean_total || ti < tasks->len)
        {
          if (ti < tasks->len
              && (clean_total == 0 || (guint64) (ti - n_overload) * clean_total
                                      <= clean_done * n_plain))
            {
              if (!gen_planted (g, &g_array_index (tasks, Task, ti)))
                clean_total++;    /* could not be planted: a clean certificate instead */
              ti++;
            }
          else
            {
              guint r = rng_below (&g->rng, 1000);
              guint n = r < 650 ? 1 : r < 850 ? 2 : 3;

              n = (guint) MIN ((guint64) n, clean_total - clean_done);
              clean_done += gen_clean (g, n);
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
      write_personnel (g);
      global_hits (g);
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
      if (!out_close (&g->out[i], ok ? &local_error : NULL))
        ok = FALSE;
    }
  if (!out_close (&g->manifest, ok ? &local_error : NULL))
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
