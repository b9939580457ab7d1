/* zicha-demo-model.h — the model of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The types the files of the demo generator share: schemes, sectors and cities of the name
 * tables, the rule indexes, the records of the fictional body as the generator holds them
 * (personnel with their competences, an organization with its certificates, audits, teams,
 * events and complaints; the approved scope), the planted units and the plan of a
 * certificate. Types and limits only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------ */
/* Schemes, sectors and cities (tables in zicha-demo-names.c) */

typedef enum
{
  DEMO_QMS,
  DEMO_EMS,
  DEMO_OHSMS,
  DEMO_FSMS,
  DEMO_ISMS,
  DEMO_N_SCHEMES
} DemoScheme;

#define DEMO_SCHEME_BIT(s) (1u << (s))

typedef struct
{
  const char *code;          /* business scope code, "19.05.01" */
  const char *text;          /* scope text, "电子元器件的设计和生产" */
} DemoItem;

#define DEMO_MAX_ITEMS 4
#define DEMO_MAX_WORDS 4

typedef struct
{
  const char *code;                     /* top-level code, "19" */
  guint       weight;                   /* share of organizations; 0: planted only */
  guint       schemes;                  /* DEMO_SCHEME_BIT of the schemes certified here */
  guint       complexity;               /* EMS/OHSMS category: 0 high … 3 limited */
  const char *words[DEMO_MAX_WORDS];    /* industry words of company names */
  DemoItem    items[DEMO_MAX_ITEMS];
} DemoSector;

typedef struct
{
  const char *province;      /* "江苏省" */
  const char *city;          /* "苏州市" */
  const char *short_name;    /* "苏州" */
  const char *division;      /* GB/T 2260 code, "320500" */
  const char *district;      /* a district of the city, for addresses */
} DemoCity;

/* ------------------------------------------------------------------------------------------ */
/* Rules: the 27 rules of DOMAIN.md section 4, in the order of the catalogue */

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

#define RBIT(r) (1u << (r))

/* ------------------------------------------------------------------------------------------ */
/* Records. How the files spell roles, audit types, events, statuses and categories:
 * zicha-demo-organizations.c. */

enum { KIND_AUDITOR, KIND_EXPERT, KIND_TRAINEE, KIND_DECIDER };
enum { ROLE_LEADER, ROLE_AUDITOR, ROLE_EXPERT, ROLE_TRAINEE, N_ROLES };

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

enum { EV_ISSUE, EV_RENEW, EV_SUSPEND, EV_RESTORE, EV_WITHDRAW, EV_CANCEL };

enum { ST_VALID, ST_SUSPENDED, ST_WITHDRAWN, ST_CANCELLED, ST_EXPIRED };

enum { CAT_TRAVEL, CAT_LODGING, CAT_MEALS, CAT_OTHER, N_CATEGORIES };

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
  guint64 last_audit;
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

/* ------------------------------------------------------------------------------------------ */
/* Planted units */

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

/* ------------------------------------------------------------------------------------------ */
/* The plan of a certificate */

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

G_END_DECLS
