/* zicha-measures.h — rectification measures (整改措施) and the close-out (销号) of problems
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md section 5. Each problem has measures; one measure may serve several problems (a
 * link table). A measure has a kind (纠正 / 纠正措施 / 举一反三), text, responsible department
 * and person, a deadline, a status, its completion (date and note), its last verification
 * (verifier, date, conclusion 有效 / 无效, note) and, when addressed to a certified organization
 * (责令整改), the organization, the notice (整改通知书), the demand and its deadline, the
 * organization's response and the body's follow-up.
 *
 * Status transitions, exactly: open → in_progress → done → verified, and done → in_progress
 * when a verification finds the measure not effective (a reason is required); nothing else.
 * Only a verifier who is not the measure's responsible person may set verified (the same
 * person: the same person of personnel, or the same name). An illegal transition fails with
 * ZICHA_ERROR_FAILED and a translated message naming the measure and both states, and changes
 * nothing.
 *
 * A problem's state follows from its measures (the SQL view problem_states, migration 008,
 * over the measures linked to it that are not deleted). Close-out (销号) needs the state
 * awaiting_closeout and a user other than every responsible person of the problem's measures;
 * adding a measure to a closed-out problem, or anything else that leaves it no longer with
 * all its measures verified, clears the close-out (the change history keeps it).
 *
 * Overdue and due soon (DOMAIN.md): a measure is overdue when its deadline has passed
 * (deadline < today) and it is neither done nor verified; it is due soon when it is neither
 * done nor verified and today <= deadline <= today + 10 days. "Today" is
 * zicha_rectification_today (): the demo's day in a demo database, else the local date.
 *
 * Every function that changes something takes @user_name, works in one transaction of its own
 * and writes the change history (zicha-change-log.h) in it: entity "measure" (key the
 * measure's id, the row as JSON), "measure_problem" (key the measure's id: a link made or
 * removed) and "problem" (key the problem's id: its close-out set or cleared). A missing
 * measure or problem is ZICHA_ERROR_NOT_FOUND; a bad value (an empty text, a date that is not
 * YYYY-MM-DD, an unknown person id) ZICHA_ERROR_USAGE or _NOT_FOUND; the messages are
 * translated. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-problems.h"

G_BEGIN_DECLS

/* The nicks are what the database stores and the machine formats print. */
typedef enum
{
  ZICHA_MEASURE_KIND_CORRECTION,  /*< nick=correction >*/   /* 纠正 */
  ZICHA_MEASURE_KIND_CORRECTIVE,  /*< nick=corrective >*/   /* 纠正措施 */
  ZICHA_MEASURE_KIND_EXTENSION,   /*< nick=extension >*/    /* 举一反三 */
} ZichaMeasureKind;

typedef enum
{
  ZICHA_MEASURE_OPEN,             /*< nick=open >*/         /* 未开始 */
  ZICHA_MEASURE_IN_PROGRESS,      /*< nick=in_progress >*/  /* 整改中 */
  ZICHA_MEASURE_DONE,             /*< nick=done >*/         /* 已完成 */
  ZICHA_MEASURE_VERIFIED,         /*< nick=verified >*/     /* 已验证 */
} ZichaMeasureStatus;

#define ZICHA_N_MEASURE_STATUSES (ZICHA_MEASURE_VERIFIED + 1)

/* The conclusion of a verification or of a follow-up; NONE: none made (NULL in the database). */
typedef enum
{
  ZICHA_CONCLUSION_NONE,          /*< nick=none >*/
  ZICHA_CONCLUSION_EFFECTIVE,     /*< nick=effective >*/     /* 有效 */
  ZICHA_CONCLUSION_NOT_EFFECTIVE, /*< nick=not_effective >*/ /* 无效 */
} ZichaConclusion;

/* Where a demand to a certified organization (责令整改) stands, derived from its fields. */
typedef enum
{
  ZICHA_ORG_DEMAND_NONE,          /*< nick=none >*/         /* not addressed */
  ZICHA_ORG_DEMAND_AWAITING,      /*< nick=awaiting >*/     /* no response (yet, or again) */
  ZICHA_ORG_DEMAND_RESPONDED,     /*< nick=responded >*/    /* responded, no follow-up yet */
  ZICHA_ORG_DEMAND_EFFECTIVE,     /*< nick=effective >*/    /* followed up: effective */
} ZichaOrgDemandState;

/* The nick of a value, NULL when out of range; from_string: FALSE unless @str is a nick
 * exactly (conclusions also accept "not-effective"); get_label: translated. */
const char *zicha_measure_kind_to_string      (ZichaMeasureKind     kind);
gboolean    zicha_measure_kind_from_string    (const char          *str,
                                               ZichaMeasureKind    *out);
const char *zicha_measure_kind_get_label      (ZichaMeasureKind     kind);
const char *zicha_measure_status_to_string    (ZichaMeasureStatus   status);
gboolean    zicha_measure_status_from_string  (const char          *str,
                                               ZichaMeasureStatus  *out);
const char *zicha_measure_status_get_label    (ZichaMeasureStatus   status);
const char *zicha_conclusion_to_string        (ZichaConclusion      conclusion);
gboolean    zicha_conclusion_from_string      (const char          *str,
                                               ZichaConclusion     *out);
/* "" for ZICHA_CONCLUSION_NONE. */
const char *zicha_conclusion_get_label        (ZichaConclusion      conclusion);
const char *zicha_org_demand_state_to_string  (ZichaOrgDemandState  state);
const char *zicha_org_demand_state_get_label  (ZichaOrgDemandState  state);

/* TRUE when DOMAIN.md allows @from → @to (done → in_progress only with a verification found
 * not effective): for fronts that offer only the possible next states. */
gboolean    zicha_measure_status_can_follow   (ZichaMeasureStatus   from,
                                               ZichaMeasureStatus   to);

/* Today as the rectification counts it (YYYY-MM-DD): the setting demo-today of a demo
 * database, else the local date (zicha_today ()). */
void        zicha_rectification_today         (ZichaDb             *db,
                                               char                 out[11]);

/* How many days ahead a deadline is "due soon". */
#define ZICHA_MEASURE_DUE_SOON_DAYS 10

#define ZICHA_TYPE_MEASURE (zicha_measure_get_type ())

/* A measure as stored, with the problems it serves and what today makes of its deadline.
 * Text fields are NULL when empty; person ids are personnel.person_id, NULL for a free name. */
typedef struct
{
  gint64               id;
  ZichaMeasureKind     kind;
  char                *text;
  char                *department;            /* 责任部门 */
  char                *responsible_person_id;
  char                *responsible;           /* 责任人 (the person's name, or a free name) */
  char                *deadline;              /* 整改期限, YYYY-MM-DD */
  ZichaMeasureStatus   status;
  char                *done_on;               /* 完成日期 */
  char                *done_note;             /* 完成情况 */
  char                *verifier_person_id;
  char                *verifier;              /* 验证人 */
  char                *verified_on;
  ZichaConclusion      conclusion;            /* of the last verification */
  char                *verification_note;
  char                *return_reason;         /* why the last verification sent it back */

  /* 责令整改: org_id is NULL when the measure is not addressed to an organization. */
  char                *org_id;                /* organizations.org_id */
  char                *org_name;
  char                *notice_no;             /* 整改通知书 number and date */
  char                *notice_on;
  char                *org_demand;
  char                *org_deadline;
  char                *org_response;
  char                *org_response_on;
  char                *org_evidence;          /* what evidence the organization sent */
  char                *follow_up;
  char                *follow_up_on;
  ZichaConclusion      follow_up_conclusion;
  char                *follow_up_questions;
  ZichaOrgDemandState  org_state;

  /* The problems it serves, by number: ids and numbers (ZC-2026-001), same length. */
  GArray              *problem_ids;           /* gint64 */
  GStrv                problem_numbers;

  /* As of the day it was read: days from today to the deadline (G_MININT without one). */
  gint                 days_left;
  gboolean             overdue;
  gboolean             due_soon;

  char                *created_at;
  char                *created_by;
  char                *deleted_at;            /* NULL unless deleted */
} ZichaMeasure;

GType         zicha_measure_get_type (void) G_GNUC_CONST;
ZichaMeasure *zicha_measure_copy     (const ZichaMeasure *measure);
void          zicha_measure_free     (ZichaMeasure       *measure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaMeasure, zicha_measure_free)

/* What a user gives for a new measure, or for an update (all fields: read the measure, change
 * what changes, pass it all). The responsible person is one of the body
 * (@responsible_person_id; their name from personnel) or a free name (@responsible, with
 * @responsible_person_id NULL); both NULL: none. NULL or blank texts are "none", but @text
 * must not be empty. @deadline: YYYY-MM-DD or NULL. */
typedef struct
{
  ZichaMeasureKind  kind;
  const char       *text;
  const char       *department;
  const char       *responsible_person_id;
  const char       *responsible;
  const char       *deadline;
} ZichaMeasureDraft;

/* Creates a measure (status open) serving the problems @problem_ids (at least one; none
 * withdrawn: ZICHA_ERROR_FAILED), and clears the close-out of any of them that was closed out.
 * Returns its id, 0 on error. */
gint64        zicha_measures_add            (ZichaDb                  *db,
                                             const gint64             *problem_ids,
                                             guint                     n_problems,
                                             const ZichaMeasureDraft  *draft,
                                             const char               *user_name,
                                             GError                  **error);
/* Replaces the fields of @draft; the status and what came with it are not touched. */
gboolean      zicha_measures_update         (ZichaDb                  *db,
                                             gint64                    measure_id,
                                             const ZichaMeasureDraft  *draft,
                                             const char               *user_name,
                                             GError                  **error);

/* What goes with a transition (zicha_measures_set_status ()); fields a transition does not
 * use are ignored. */
typedef struct
{
  /* in_progress → done: the completion date (NULL: today) and note (完成情况).
   * done → verified / done → in_progress: the verification date (NULL: today) and note. */
  const char      *on;
  const char      *note;
  /* A verification: who (a person id of personnel, or a free name; both NULL: @user_name)
   * and the conclusion: EFFECTIVE (or NONE) to verify, NOT_EFFECTIVE to send it back. */
  const char      *verifier_person_id;
  const char      *verifier;
  ZichaConclusion  conclusion;
  /* done → in_progress: why (required; ZICHA_ERROR_USAGE when missing). */
  const char      *reason;
} ZichaMeasureTransition;

/* Moves the measure to @to (DOMAIN.md section 5; see the top of this file), @transition may
 * be NULL for open → in_progress and in_progress → done. To in_progress from done needs a
 * conclusion NOT_EFFECTIVE and a reason; to verified a conclusion EFFECTIVE or NONE. In
 * progress again, a measure loses its completion (the history keeps it); verified or sent
 * back, it keeps the verification. A problem closed out that no longer has all its measures
 * verified loses its close-out. Illegal: ZICHA_ERROR_FAILED, nothing changed. */
gboolean      zicha_measures_set_status     (ZichaDb                       *db,
                                             gint64                         measure_id,
                                             ZichaMeasureStatus             to,
                                             const ZichaMeasureTransition  *transition,
                                             const char                    *user_name,
                                             GError                       **error);

/* Links the measure to one more problem (not withdrawn; a link there already is
 * ZICHA_ERROR_FAILED) — clearing the problem's close-out when it was closed out — or takes
 * a link away (not the last one: a measure serves at least one problem). */
gboolean      zicha_measures_link_problem   (ZichaDb                  *db,
                                             gint64                    measure_id,
                                             gint64                    problem_id,
                                             const char               *user_name,
                                             GError                  **error);
gboolean      zicha_measures_unlink_problem (ZichaDb                  *db,
                                             gint64                    measure_id,
                                             gint64                    problem_id,
                                             const char               *user_name,
                                             GError                  **error);

/* Deletes the measure (it keeps its row, marked deleted, with its links and evidence) and
 * undoes that: the measure comes back as it was. A measure that has handled certificates may
 * not be deleted (ZICHA_ERROR_FAILED: undo the handling first). Either may change the state
 * of its problems, and clear a close-out that no longer holds. Deleting a deleted measure,
 * or undoing for one that is not, is ZICHA_ERROR_FAILED. */
gboolean      zicha_measures_delete         (ZichaDb                  *db,
                                             gint64                    measure_id,
                                             const char               *user_name,
                                             GError                  **error);
gboolean      zicha_measures_undo_delete    (ZichaDb                  *db,
                                             gint64                    measure_id,
                                             const char               *user_name,
                                             GError                  **error);

/* 责令整改 ------------------------------------------------------------------------------ */

/* The demand to a certified organization and the notice (整改通知书) that carries it. */
typedef struct
{
  const char *org_id;       /* organizations.org_id; NULL: the measure is not addressed */
  const char *notice_no;    /* number of the 整改通知书, may be NULL */
  const char *notice_on;    /* its date, YYYY-MM-DD or NULL */
  const char *demand;       /* what the organization must do */
  const char *deadline;     /* by when it must respond, YYYY-MM-DD or NULL */
} ZichaOrgDemand;

/* Addresses the measure to an organization (ZICHA_ERROR_NOT_FOUND for an unknown org_id), or
 * with @demand NULL or its org_id NULL no longer (every field of the demand cleared). */
gboolean      zicha_measures_set_org_demand (ZichaDb                  *db,
                                             gint64                    measure_id,
                                             const ZichaOrgDemand     *demand,
                                             const char               *user_name,
                                             GError                  **error);
/* The organization's response (non-empty @text; @on NULL: today; @evidence: what it sent, may
 * be NULL). A measure not addressed to an organization is ZICHA_ERROR_FAILED. */
gboolean      zicha_measures_set_org_response (ZichaDb                *db,
                                               gint64                  measure_id,
                                               const char             *text,
                                               const char             *on,
                                               const char             *evidence,
                                               const char             *user_name,
                                               GError                **error);
/* The body's follow-up of the response (non-empty @text, e.g. a special audit; @on NULL:
 * today) and its conclusion (EFFECTIVE or NOT_EFFECTIVE). Not effective reopens the demand:
 * @questions (required) are kept, the organization's response is cleared (the history keeps
 * it) to await a new one, and a measure that was done goes back to in progress with the
 * questions as its reason (a verified one cannot: ZICHA_ERROR_FAILED). Needs a response. */
gboolean      zicha_measures_set_follow_up  (ZichaDb                  *db,
                                             gint64                    measure_id,
                                             const char               *text,
                                             const char               *on,
                                             ZichaConclusion           conclusion,
                                             const char               *questions,
                                             const char               *user_name,
                                             GError                  **error);

/* Reading ----------------------------------------------------------------------------------- */

/* Which deadlines a list keeps: any, overdue, or due within @due_within_days (today <=
 * deadline <= today + days); always of measures neither done nor verified. */
typedef enum
{
  ZICHA_DUE_ANY,
  ZICHA_DUE_OVERDUE,
  ZICHA_DUE_WITHIN,
} ZichaDueFilter;

/* Filters of the measure list: NULL, empty and 0 fields match everything. */
typedef struct
{
  gint64          problem_id;      /* > 0: the measures of this problem */
  guint           statuses;        /* mask of 1 << ZichaMeasureStatus; 0: all */
  const char     *kind;            /* a ZichaMeasureKind nick */
  const char     *department;      /* exactly */
  const char     *person;          /* the responsible person: a person id or a name, exactly */
  ZichaDueFilter  due;
  gint            due_within_days; /* for ZICHA_DUE_WITHIN */
  gboolean        org_only;        /* TRUE: only measures addressed to an organization */
  const char     *text;            /* in the text (substring; % and _ are literal) */
  const char     *today;           /* YYYY-MM-DD; NULL: zicha_rectification_today () */
} ZichaMeasureFilter;

typedef enum
{
  ZICHA_MEASURE_ORDER_DEADLINE,    /* deadline (none last), then id */
  ZICHA_MEASURE_ORDER_STATUS,      /* open … verified, then deadline */
  ZICHA_MEASURE_ORDER_ID,          /* as they were made */
  ZICHA_MEASURE_ORDER_KIND,        /* correction, corrective, extension, then deadline */
  ZICHA_MEASURE_ORDER_DEPARTMENT,  /* byte order (none last), then deadline */
  ZICHA_MEASURE_ORDER_RESPONSIBLE, /* byte order (none last), then deadline */
  ZICHA_MEASURE_ORDER_PROBLEM,     /* the first problem's number, then deadline */
} ZichaMeasureOrder;

/* NULL with ZICHA_ERROR_NOT_FOUND when there is no such measure (a deleted one is read). */
ZichaMeasure *zicha_measures_get            (ZichaDb                  *db,
                                             gint64                    measure_id,
                                             GError                  **error);
/* The measures @ids (ZichaMeasure*), in their order; NULL for ids that are gone. */
GPtrArray    *zicha_measures_get_many       (ZichaDb                  *db,
                                             const gint64             *ids,
                                             guint                     n_ids,
                                             GError                  **error);
/* The measures (not deleted) matching @filter, in @order, as ZichaMeasure* … */
GPtrArray    *zicha_measures_query          (ZichaDb                  *db,
                                             const ZichaMeasureFilter *filter,
                                             ZichaMeasureOrder         order,
                                             gboolean                  descending,
                                             GError                  **error);
/* … their number … */
gint64        zicha_measures_count          (ZichaDb                  *db,
                                             const ZichaMeasureFilter *filter,
                                             GError                  **error);
/* … or their ids (gint64), for lists read page by page; a cancelled query is
 * G_IO_ERROR_CANCELLED. */
GArray       *zicha_measures_query_ids      (ZichaDb                  *db,
                                             const ZichaMeasureFilter *filter,
                                             ZichaMeasureOrder         order,
                                             gboolean                  descending,
                                             GCancellable             *cancellable,
                                             GError                  **error);
/* The departments and the responsible people (names) of the measures that are not deleted,
 * each once, sorted: what the list filters offer. */
GStrv         zicha_measures_list_departments (ZichaDb                *db,
                                               GError                **error);
GStrv         zicha_measures_list_people      (ZichaDb                *db,
                                               GError                **error);

/* Close-out (销号) -------------------------------------------------------------------------- */

/* Closes the problem out on @on (YYYY-MM-DD; NULL: today) with @note (may be NULL): it must be
 * awaiting_closeout, and @user_name must be none of the responsible people of its measures
 * (neither their name nor their person id); else ZICHA_ERROR_FAILED saying why. The problem
 * keeps the date in closed_at, the user in closed_by and the note in closeout_note. */
gboolean      zicha_rectification_close_out      (ZichaDb         *db,
                                                  gint64           problem_id,
                                                  const char      *on,
                                                  const char      *note,
                                                  const char      *user_name,
                                                  GError         **error);
/* Takes a close-out back (the problem is awaiting close-out again); one not closed out is
 * ZICHA_ERROR_FAILED. */
gboolean      zicha_rectification_undo_close_out (ZichaDb         *db,
                                                  gint64           problem_id,
                                                  const char      *user_name,
                                                  GError         **error);

G_END_DECLS
