/* zicha-certificate-actions.h — handling of problem certificates and their regulatory clocks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a problem or a measure, the certificates concerned are handled (DOMAIN.md section 5):
 * suspended, restored, withdrawn, cancelled, or their scope reduced, with a date and a reason.
 * Each action writes a certificate event of the interchange format's kinds (origin 'zicha',
 * which no import removes), sets the certificate's status and status_on — so the rules, the
 * records pages and the report see it at once — and raises the records' generation (a rule
 * run that read the records before stores no hits). The last action of a certificate can be
 * undone: the status, status date and scope come back, the event goes.
 *
 * Which action may follow which status: suspend a valid certificate; restore a suspended one;
 * withdraw, cancel or reduce the scope of a valid or suspended one. Anything else is
 * ZICHA_ERROR_FAILED naming the certificate, its status and the action.
 *
 * Regulatory clocks, shown beside the certificates of a problem. A certificate is concerned
 * by a problem when it is one of the problem's records (kind "certificates"); only problems
 * that are not withdrawn count (a confirmed problem: every problem of the ledger that stands).
 *  - Days left to suspend: a valid certificate concerned by a problem must be suspended
 *    within ZICHA_SUSPEND_WITHIN_DAYS days of the problem's confirmation, which is the
 *    problem's found_on (for a problem made from risk leads the day they were confirmed; for
 *    any other, the day it was found and entered), the earliest of its problems. The clock
 *    stops once the certificate was suspended, withdrawn or cancelled on or after that day
 *    (an event of those kinds dated so), even when it was restored since.
 *  - Days left of a suspension: a suspended certificate concerned by a problem may stay
 *    suspended ZICHA_SUSPENSION_MAX_MONTHS months from the suspension (its latest suspend
 *    event, else its status_on), calendar months clamped to the month's end.
 * A clock is overdue when its deadline has passed (deadline < today) and due soon when
 * today <= deadline <= today + ZICHA_MEASURE_DUE_SOON_DAYS, like measures.
 *
 * The change history gets entity "certificate_action" (key the action's id, its row) and
 * "certificate" (key the certificate's number, the status, status_on and scope before and
 * after). */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-measures.h"

G_BEGIN_DECLS

/* The nicks are the events the interchange format has for them (certificate_events). */
typedef enum
{
  ZICHA_CERT_ACTION_SUSPEND,   /*< nick=suspend >*/    /* 暂停 */
  ZICHA_CERT_ACTION_RESTORE,   /*< nick=restore >*/    /* 恢复 */
  ZICHA_CERT_ACTION_WITHDRAW,  /*< nick=withdraw >*/   /* 撤销 */
  ZICHA_CERT_ACTION_CANCEL,    /*< nick=cancel >*/     /* 注销 */
  ZICHA_CERT_ACTION_REDUCE,    /*< nick=reduce >*/     /* 缩小范围 */
} ZichaCertAction;

#define ZICHA_N_CERT_ACTIONS (ZICHA_CERT_ACTION_REDUCE + 1)

#define ZICHA_SUSPEND_WITHIN_DAYS    5
#define ZICHA_SUSPENSION_MAX_MONTHS  6

const char *zicha_cert_action_to_string    (ZichaCertAction   action);
gboolean    zicha_cert_action_from_string  (const char       *str,
                                            ZichaCertAction  *out);
/* Translated: 暂停, 恢复, 撤销, 注销, 缩小范围. */
const char *zicha_cert_action_get_label    (ZichaCertAction   action);
/* TRUE when @action may follow a certificate of status @status (a status nick). */
gboolean    zicha_cert_action_allowed      (ZichaCertAction   action,
                                            const char       *status);
/* The translated label of a certificate status nick (有效, 暂停 …); the nick when unknown. */
const char *zicha_cert_status_get_label    (const char       *status);

/* What a user gives for an action. */
typedef struct
{
  ZichaCertAction     action;
  const char         *cert_no;
  const char         *on;           /* YYYY-MM-DD; NULL: today */
  const char         *reason;       /* required */
  gint64              problem_id;   /* the problem it is for, or 0 */
  gint64              measure_id;   /* the measure it is done with, or 0 */
  /* Reduce only: the business scope codes that remain (a non-empty part of the
   * certificate's, fewer than it has), NULL-terminated; NULL keeps them. And the scope as
   * now printed; NULL keeps it. */
  const char * const *scope_codes;
  const char         *scope_text;
} ZichaCertActionDraft;

/* An action as stored. */
typedef struct
{
  gint64           id;
  char            *cert_no;
  ZichaCertAction  action;
  char            *on_date;
  char            *reason;
  gint64           problem_id;        /* 0 when none */
  char            *problem_number;
  gint64           measure_id;        /* 0 when none */
  char            *status_before;
  char            *status_on_before;
  char            *status_after;
  char            *scope_codes_before; /* ';'-separated, NULL unless the scope was reduced */
  char            *scope_codes_after;
  char            *scope_text_before;
  char            *scope_text_after;
  gint64           event_id;          /* the certificate_events row written */
  char            *created_at;
  char            *created_by;
} ZichaCertActionEntry;

void        zicha_cert_action_entry_free   (ZichaCertActionEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaCertActionEntry, zicha_cert_action_entry_free)

/* Applies @draft in one transaction (see the top of this file). A certificate that has an
 * event of the same kind on the same day already is ZICHA_ERROR_FAILED (an event's key is its
 * certificate, kind and date). An unknown certificate, problem or measure is
 * ZICHA_ERROR_NOT_FOUND; a missing reason or a bad date or scope ZICHA_ERROR_USAGE. Returns the
 * action's id, 0 on error. */
gint64      zicha_cert_actions_apply       (ZichaDb                     *db,
                                            const ZichaCertActionDraft  *draft,
                                            const char                  *user_name,
                                            GError                     **error);
/* Undoes the last action of the certificate @cert_no: its status, status date and scope as
 * before it, its event removed. ZICHA_ERROR_FAILED when it has none, or when its status or
 * scope changed since (an import, say): then nothing changes. */
gboolean    zicha_cert_actions_undo_last   (ZichaDb                     *db,
                                            const char                  *cert_no,
                                            const char                  *user_name,
                                            GError                     **error);
/* The actions (ZichaCertActionEntry*), oldest first, of the certificate @cert_no (NULL: any),
 * of the problem @problem_id and the measure @measure_id (0: any). */
GPtrArray  *zicha_cert_actions_list        (ZichaDb                     *db,
                                            const char                  *cert_no,
                                            gint64                       problem_id,
                                            gint64                       measure_id,
                                            GError                     **error);

/* Clocks --------------------------------------------------------------------------------- */

typedef enum
{
  ZICHA_CLOCK_NONE,           /*< nick=none >*/         /* no clock runs */
  ZICHA_CLOCK_SUSPEND,        /*< nick=suspend >*/      /* days left to suspend */
  ZICHA_CLOCK_SUSPENSION,     /*< nick=suspension >*/   /* days left of a suspension */
} ZichaClockKind;

const char *zicha_clock_kind_to_string     (ZichaClockKind    kind);
/* Translated: "", 应暂停期限, 暂停期限. */
const char *zicha_clock_kind_get_label     (ZichaClockKind    kind);

/* A certificate concerned by problems, with its clock. */
typedef struct
{
  char           *cert_no;
  char           *org_name;
  char           *status;          /* the status nick */
  char           *status_on;
  ZichaClockKind  clock;
  gint64          problem_id;      /* the earliest-confirmed problem concerning it */
  char           *problem_number;
  char           *start_on;        /* confirmation or suspension; NULL without a clock */
  char           *deadline;
  gint            days_left;       /* deadline - today; G_MININT without a clock */
  gboolean        overdue;
  gboolean        due_soon;
} ZichaCertClock;

void        zicha_cert_clock_free          (ZichaCertClock *clock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaCertClock, zicha_cert_clock_free)

/* Which certificates zicha_cert_clocks_list () gives: 0, NULL and ANY fields match all. */
typedef struct
{
  gint64          problem_id;      /* the certificates of this problem */
  gint64          measure_id;      /* … of the problems of this measure */
  const char     *cert_no;
  gboolean        running;         /* only those with a clock */
  ZichaDueFilter  due;             /* OVERDUE: clocks overdue; WITHIN: due within the days */
  gint            due_within_days;
  const char     *today;           /* NULL: zicha_rectification_today () */
} ZichaClockFilter;

/* The certificates concerned by problems that stand (ZichaCertClock*), by certificate
 * number. */
GPtrArray  *zicha_cert_clocks_list         (ZichaDb                 *db,
                                            const ZichaClockFilter  *filter,
                                            GError                 **error);

G_END_DECLS
