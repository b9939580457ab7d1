/* zicha-problems.h — the problem ledger (问题清单): problems, their records, cause analysis
 * and the triage of risk leads into it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One ledger of every problem found, whatever its source (DOMAIN.md section 5). A problem
 * has a number 自查问题编号 ZC-YYYY-NNN, gapless per year (the year of found_on, NNN from
 * 001), a focus area, a severity, a title and description, the records it concerns, the rule
 * or checklist clause behind it, the risk leads it gathers, who found it and when, who is
 * responsible, and its cause analysis (原因分析). Its state is derived, never stored: the SQL
 * view problem_states of migration 007 says it. Every function that changes something takes
 * @user_name, works in one transaction of its own and writes the change history
 * (zicha-change-log.h) in it. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"

G_BEGIN_DECLS

/* Where a problem was found; the nicks ("hit", "checklist", …) are what the database stores
 * and the machine formats print. */
typedef enum
{
  ZICHA_PROBLEM_SOURCE_HIT,         /* a confirmed risk lead */
  ZICHA_PROBLEM_SOURCE_CHECKLIST,   /* a checklist item of the plan */
  ZICHA_PROBLEM_SOURCE_SAMPLE,      /* the review of a sampled certificate */
  ZICHA_PROBLEM_SOURCE_COMPLAINT,   /* a complaint or report */
  ZICHA_PROBLEM_SOURCE_EXTENSION,   /* 举一反三 from another problem */
  ZICHA_PROBLEM_SOURCE_MANUAL,      /* entered by hand */
} ZichaProblemSource;

/* A problem's state (DOMAIN.md section 5), as the view problem_states derives it. */
typedef enum
{
  ZICHA_PROBLEM_OPEN,                                          /* 未整改 */
  ZICHA_PROBLEM_IN_RECTIFICATION,  /*< nick=in_rectification >*/   /* 整改中 */
  ZICHA_PROBLEM_AWAITING_CLOSEOUT, /*< nick=awaiting_closeout >*/  /* 待销号 */
  ZICHA_PROBLEM_CLOSED,                                        /* 已销号 */
  ZICHA_PROBLEM_WITHDRAWN,                                     /* 不成立 */
} ZichaProblemState;

/* The nick of @source / @state, NULL for a value out of range. */
const char *zicha_problem_source_to_string   (ZichaProblemSource   source);
/* FALSE when @str is not a nick (exactly). */
gboolean    zicha_problem_source_from_string (const char          *str,
                                              ZichaProblemSource  *out);
/* Translated: "风险线索", "举一反三"… */
const char *zicha_problem_source_get_label   (ZichaProblemSource   source);
const char *zicha_problem_state_to_string    (ZichaProblemState    state);
gboolean    zicha_problem_state_from_string  (const char          *str,
                                              ZichaProblemState   *out);
/* Translated: "未整改", "整改中", "待销号", "已销号", "不成立". */
const char *zicha_problem_state_get_label    (ZichaProblemState    state);

/* Translated labels of a focus area nick ("legal" → 合法合规) and a severity nick ("high" → 高),
 * for the modules that may not use risk/ (rectification/); "" for an unknown nick. */
const char *zicha_problem_area_get_label     (const char          *area);
const char *zicha_problem_severity_get_label (const char          *severity);

/* "ZC-2026-007" → 2026 and 7; FALSE for anything else (the year has four digits, the
 * sequence at least three). */
gboolean    zicha_problem_number_parse       (const char          *text,
                                              gint                *out_year,
                                              gint                *out_seq);

#define ZICHA_TYPE_PROBLEM (zicha_problem_get_type ())

/* A problem as stored. Text fields are NULL when empty; ids 0 when none. */
typedef struct
{
  gint64              id;
  char               *number;           /* ZC-YYYY-NNN */
  gint                year;
  gint                seq;
  char               *area;             /* legal, conduct, practice, capability */
  ZichaProblemSource  source;
  char               *severity;         /* high, medium, low */
  ZichaProblemState   state;
  char               *title;
  char               *description;
  char               *rule;             /* the rule id behind it */
  char               *clause;           /* or the checklist clause */
  gint64              checklist_item;
  gint64              sample_item;
  gint64              complaint;
  gint64              extended_from;    /* the problem it was extended from (举一反三) */
  char               *found_by;
  char               *found_on;         /* YYYY-MM-DD */
  char               *department;       /* 责任部门 */
  char               *responsible;      /* 责任人 */
  char               *cause_text;       /* the free text of the cause analysis */
  char               *withdrawn_at;
  char               *withdrawn_by;
  char               *withdraw_reason;
  char               *closed_at;
  char               *closed_by;
  char               *closeout_note;
  char               *created_at;
  char               *created_by;
} ZichaProblem;

GType         zicha_problem_get_type  (void) G_GNUC_CONST;
ZichaProblem *zicha_problem_copy      (const ZichaProblem *problem);
void          zicha_problem_free      (ZichaProblem       *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaProblem, zicha_problem_free)

/* What a user gives for a new problem, or for an update. NULL or blank texts are empty;
 * @found_on NULL is today for a new problem and unchanged by an update. @source and
 * @extended_from are taken at creation only. */
typedef struct
{
  const char         *area;
  const char         *severity;
  const char         *title;
  const char         *description;
  ZichaProblemSource  source;
  const char         *rule;
  const char         *clause;
  gint64              checklist_item;
  gint64              sample_item;
  gint64              complaint;
  gint64              extended_from;
  const char         *found_by;
  const char         *found_on;
  const char         *department;
  const char         *responsible;
} ZichaProblemDraft;

/* A record a problem concerns: a kind of zicha_record_kind_get_id () ("certificates",
 * "audit_team", …) and its key as the rules write it (cert_no, audit_id, audit_id/person_id,
 * person_id, org_id, expense_id, complaint_id). @hit is the risk lead it came with, 0 when a
 * user added it. */
typedef struct
{
  char   *record_type;
  char   *record_key;
  gint64  hit;
} ZichaProblemRecord;

void zicha_problem_record_free (ZichaProblemRecord *record);

/* A risk lead a problem gathers, with what the hits table says of it. */
typedef struct
{
  gint64  hit;
  char   *rule;
  char   *entity_type;
  char   *entity_key;
  char   *status;       /* the hit's status nick */
  char   *message;
  char   *note;         /* what the user said when confirming it */
  char   *added_at;
  char   *added_by;
} ZichaProblemHit;

void zicha_problem_hit_free (ZichaProblemHit *hit);

/* Filters of lists: NULL or empty fields match everything. @text matches the number, title
 * and description (substring, ASCII case-insensitive; % and _ are literal). */
typedef struct
{
  const char *state;      /* a ZichaProblemState nick */
  const char *area;
  const char *severity;
  const char *source;
  const char *text;
  gint64      checklist_item; /* > 0: the problems raised from this checklist item */
  gint64      sample_item;    /* > 0: … from this sample item's review */
} ZichaProblemFilter;

typedef enum
{
  ZICHA_PROBLEM_ORDER_NUMBER,     /* year, then sequence: the ledger's order */
  ZICHA_PROBLEM_ORDER_SEVERITY,   /* high first, then number */
  ZICHA_PROBLEM_ORDER_STATE,      /* open … withdrawn, then number */
  ZICHA_PROBLEM_ORDER_AREA,       /* legal, conduct, practice, capability, then number */
  ZICHA_PROBLEM_ORDER_FOUND_ON,   /* then number */
  ZICHA_PROBLEM_ORDER_TITLE,      /* byte order, then number */
} ZichaProblemOrder;

/* The ledger ------------------------------------------------------------------------------ */

/* Creates a problem from @draft with @records, numbered next in the year of its found_on,
 * and writes its creation and records to the change history. The area, severity, source
 * and a non-empty title are needed (ZICHA_ERROR_USAGE with a translated reason otherwise, as
 * for a found_on that is not a date or a record kind that does not exist); a record, an
 * extended problem or a complaint that is not in the database is ZICHA_ERROR_NOT_FOUND. */
gboolean      zicha_problems_create         (ZichaDb                    *db,
                                             const ZichaProblemDraft    *draft,
                                             const ZichaProblemRecord   *records,
                                             guint                       n_records,
                                             const char                 *user_name,
                                             gint64                     *out_problem_id,
                                             GError                    **error);
/* NULL with ZICHA_ERROR_NOT_FOUND when there is no such problem. */
ZichaProblem *zicha_problems_get            (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             GError                    **error);
/* The problem @text names: its number (ZC-2026-001) or its id (7); ZICHA_ERROR_NOT_FOUND
 * with a translated message naming @text when there is none. */
ZichaProblem *zicha_problems_find           (ZichaDb                    *db,
                                             const char                 *text,
                                             GError                    **error);
/* The matching problems (ZichaProblem*) in @order. */
GPtrArray    *zicha_problems_query          (ZichaDb                    *db,
                                             const ZichaProblemFilter   *filter,
                                             ZichaProblemOrder           order,
                                             gboolean                    descending,
                                             GError                    **error);
gint64        zicha_problems_count          (ZichaDb                    *db,
                                             const ZichaProblemFilter   *filter,
                                             GError                    **error);
/* Their ids (a GArray of gint64) in @order, for lists read page by page; a cancelled query
 * is G_IO_ERROR_CANCELLED. */
GArray       *zicha_problems_query_ids      (ZichaDb                    *db,
                                             const ZichaProblemFilter   *filter,
                                             ZichaProblemOrder           order,
                                             gboolean                    descending,
                                             GCancellable               *cancellable,
                                             GError                    **error);
/* The problems @ids (ZichaProblem*), in the order of @ids; NULL for ids that are gone. */
GPtrArray    *zicha_problems_get_many       (ZichaDb                    *db,
                                             const gint64               *ids,
                                             guint                       n_ids,
                                             GError                    **error);

/* Replaces the fields of problem @problem_id with those of @draft (but its source and the
 * problem it was extended from), with the same checks as zicha_problems_create (). A
 * found_on in another year than the number's is ZICHA_ERROR_USAGE: the number stays. */
gboolean      zicha_problems_update         (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             const ZichaProblemDraft    *draft,
                                             const char                 *user_name,
                                             GError                    **error);
/* 不成立: withdraws the problem with a non-empty @reason (ZICHA_ERROR_USAGE otherwise),
 * recording who and when; it keeps its number. Withdrawing a withdrawn problem is
 * ZICHA_ERROR_CONFLICT; undoing the withdrawal of one that is not is ZICHA_ERROR_USAGE. */
gboolean      zicha_problems_withdraw       (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             const char                 *reason,
                                             const char                 *user_name,
                                             GError                    **error);
gboolean      zicha_problems_undo_withdraw  (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             const char                 *user_name,
                                             GError                    **error);
/* Deletes the problem with its records and cause analysis, and frees its number. Only the
 * latest-numbered problem of its year may go (numbers stay gapless: withdraw any other), and
 * only while nothing refers to it: risk leads, measures, handling of certificates, 举一反三
 * searches or problems extended from it. Otherwise ZICHA_ERROR_CONFLICT, saying why. */
gboolean      zicha_problems_delete         (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             const char                 *user_name,
                                             GError                    **error);

/* Adds @records (their @hit ignored: added by hand) to the problem; records it has already
 * are left as they are. Checks as zicha_problems_create (). */
gboolean      zicha_problems_add_records    (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             const ZichaProblemRecord   *records,
                                             guint                       n_records,
                                             const char                 *user_name,
                                             GError                    **error);
/* Removes @records from the problem; one it does not have is ZICHA_ERROR_NOT_FOUND. */
gboolean      zicha_problems_remove_records (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             const ZichaProblemRecord   *records,
                                             guint                       n_records,
                                             const char                 *user_name,
                                             GError                    **error);
/* The records of the problem (ZichaProblemRecord*), by kind and key. */
GPtrArray    *zicha_problems_get_records    (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             GError                    **error);
/* The risk leads of the problem (ZichaProblemHit*), in the order they were added. */
GPtrArray    *zicha_problems_get_hits       (ZichaDb                    *db,
                                             gint64                      problem_id,
                                             GError                    **error);
/* The problem that gathers the risk lead @hit_id; 0 when none, -1 on error. */
gint64        zicha_problems_find_by_hit    (ZichaDb                    *db,
                                             gint64                      hit_id,
                                             GError                    **error);

/* Cause analysis (原因分析) --------------------------------------------------------------- */

/* The categories a user chooses from, as keys: the setting "cause-categories" (labels
 * separated by ';'), or by default 制度缺陷;人员能力;过程控制;监督检查;资源不足;外部因素, whose
 * keys are English msgids ("Inadequate procedures", …). An entry of the setting that is one
 * of those (in English or translated) takes its key; any other is a key of its own. */
GStrv         zicha_problems_get_cause_categories (ZichaDb              *db);
/* The label of a category key: translated when it is a default one, else the key itself. */
const char   *zicha_problem_cause_category_get_label (const char        *key);

/* One step of the 5-why chain. */
typedef struct
{
  char *why;
  char *because;
} ZichaProblemWhy;

#define ZICHA_PROBLEM_MAX_WHYS 5

/* A problem's cause analysis. */
typedef struct
{
  GStrv      categories;   /* keys, in the order chosen */
  GPtrArray *whys;         /* ZichaProblemWhy*, in order, at most ZICHA_PROBLEM_MAX_WHYS */
  char      *text;         /* free text, NULL when none */
} ZichaCauseAnalysis;

void          zicha_cause_analysis_free     (ZichaCauseAnalysis *analysis);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaCauseAnalysis, zicha_cause_analysis_free)

/* NULL with ZICHA_ERROR_NOT_FOUND when there is no such problem. */
ZichaCauseAnalysis *zicha_problems_get_cause_analysis (ZichaDb          *db,
                                                       gint64            problem_id,
                                                       GError          **error);
/* Replaces the cause analysis: @categories (NULL-terminated keys, each one of
 * zicha_problems_get_cause_categories () or already the problem's; repeated ones count once),
 * @whys (at most ZICHA_PROBLEM_MAX_WHYS, each with a non-empty why; the because may be
 * empty), @text (NULL or empty: none). Anything else is ZICHA_ERROR_USAGE. */
gboolean      zicha_problems_set_cause_analysis (ZichaDb                  *db,
                                                 gint64                    problem_id,
                                                 const char * const       *categories,
                                                 const ZichaProblemWhy    *whys,
                                                 guint                     n_whys,
                                                 const char               *text,
                                                 const char               *user_name,
                                                 GError                  **error);

/* Triage into the ledger --------------------------------------------------------------------- */

/* Confirms the risk leads @hit_ids as a problem, in one transaction (DOMAIN.md section 5: a
 * hit is confirmed as a problem or dismissed). With @into_problem_id 0 a new problem (source
 * hit, found by @user_name today) is made from them: the area of the first lead, the highest
 * severity of them, the title of the first lead's rule, their messages as description, the
 * records of all of them, the first lead's rule as its basis. Otherwise the leads and their
 * records are added to that problem (ZICHA_ERROR_CONFLICT when it is withdrawn). Every hit is
 * marked confirmed (zicha_hits_mark_confirmed ()); @note (may be NULL) is kept with each. A
 * hit already confirmed or dismissed is ZICHA_ERROR_CONFLICT, a missing one
 * ZICHA_ERROR_NOT_FOUND, no hit at all ZICHA_ERROR_USAGE; then nothing changes.
 * @out_problem_id (may be NULL) gets the problem. */
gboolean      zicha_problems_confirm_hits   (ZichaDb                    *db,
                                             const gint64               *hit_ids,
                                             guint                       n_hits,
                                             gint64                      into_problem_id,
                                             const char                 *note,
                                             const char                 *user_name,
                                             gint64                     *out_problem_id,
                                             GError                    **error);
/* What zicha_problems_confirm_hits () makes of the leads @hit_ids as a new problem, not
 * stored: its area, severity, title, description, rule and source (id 0, no number), for a
 * front that shows it and lets the user change it before confirming
 * (zicha_problems_confirm_hits_as ()). A missing lead is ZICHA_ERROR_NOT_FOUND, none at all
 * ZICHA_ERROR_USAGE; whether the leads may still be confirmed is not checked. */
ZichaProblem *zicha_problems_preview_hits   (ZichaDb                    *db,
                                             const gint64               *hit_ids,
                                             guint                       n_hits,
                                             GError                    **error);
/* As zicha_problems_confirm_hits () into a new problem, whose fields are those of @draft
 * where they are not NULL (strings) or 0 (ids are ignored), else what the leads give: area,
 * severity, title, description, rule; found_on (NULL: today; the number is of its year),
 * found_by (NULL: @user_name), department and responsible. Its source is always hit.
 * Checks and errors as zicha_problems_create () and zicha_problems_confirm_hits (). */
gboolean      zicha_problems_confirm_hits_as (ZichaDb                   *db,
                                              const gint64              *hit_ids,
                                              guint                      n_hits,
                                              const ZichaProblemDraft   *draft,
                                              const char                *note,
                                              const char                *user_name,
                                              gint64                    *out_problem_id,
                                              GError                   **error);
/* Takes the confirmation of the risk lead @hit_id back, in one transaction: the hit returns
 * to its status before it. A problem made from this lead alone (source hit, no other lead)
 * is deleted when zicha_problems_delete () may delete it (latest of its year, nothing refers
 * to it: its number is free again), else withdrawn with a reason saying the confirmation was
 * undone. A lead gathered into a problem with other leads, or into one made otherwise, is
 * only taken out of it with the records it brought. A hit that is not confirmed is
 * ZICHA_ERROR_USAGE. */
gboolean      zicha_problems_undo_confirm   (ZichaDb                    *db,
                                             gint64                      hit_id,
                                             const char                 *user_name,
                                             GError                    **error);
/* Takes back the confirmations of the leads @hit_ids (each as zicha_problems_undo_confirm ()),
 * the last first, in one transaction: what confirming them together made is undone whole (a
 * problem made from them alone goes as one made from one lead). When one of them fails
 * (with its error) nothing changes. */
gboolean      zicha_problems_undo_confirm_hits (ZichaDb                 *db,
                                                const gint64            *hit_ids,
                                                guint                    n_hits,
                                                const char              *user_name,
                                                GError                 **error);

G_END_DECLS
