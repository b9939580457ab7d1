/* zicha-rules-private.h — what rule implementations use of the engine
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-rules.h"
#include "zicha-day.h"
#include "zicha-format.h"
#include "zicha-json.h"
#include "zicha-message.h"
#include "zicha-scope-code.h"

G_BEGIN_DECLS

typedef struct
{
  char      *key;
  char      *message;
  char      *details;      /* JSON object */
  GPtrArray *records;      /* "type\tkey" strings */
} ZichaFoundHit;

/* Data that several rules read (all team rows, say), loaded once per run by the first rule
 * that asks for it and shared read-only with the other rules, on whichever thread. */
typedef struct _ZichaRuleCache ZichaRuleCache;
typedef gpointer (*ZichaRuleCacheLoadFunc) (ZichaRuleContext  *ctx,
                                            GError           **error);

struct _ZichaRuleContext
{
  sqlite3          *db;
  const ZichaRule  *rule;
  char              as_of[11];       /* YYYY-MM-DD */
  char              as_of_next[11];  /* the day after: timestamps are < this */
  char             *values[ZICHA_RULE_MAX_PARAMS];
  GCancellable     *cancellable;
  GPtrArray        *hits;            /* ZichaFoundHit* */
  GHashTable       *keys;            /* key → ZichaFoundHit* */
  ZichaRuleCache   *cache;           /* shared by the rules of the run */
};

/* The item @name of the run's cache, loaded by @load on first use (other threads asking for
 * an item wait meanwhile). The item belongs to the cache, which frees it with @free after the
 * run; rules must only read it. NULL with @error set when loading failed. */
gpointer       zicha_rule_cache_get   (ZichaRuleContext       *ctx,
                                       const char             *name,
                                       ZichaRuleCacheLoadFunc  load,
                                       GDestroyNotify          free_func,
                                       GError                **error);

/* Prepares @sql and binds :asof, :asof_next and every rule parameter whose name occurs as
 * :name (integers and decimals scaled to integers; fractions as :name_num and :name_den). */
sqlite3_stmt  *zicha_rule_prepare     (ZichaRuleContext  *ctx,
                                       const char        *sql,
                                       GError           **error);
/* TRUE for a row; FALSE at the end (error unset) or on failure/cancellation (error set). */
gboolean       zicha_rule_step        (ZichaRuleContext  *ctx,
                                       sqlite3_stmt      *stmt,
                                       gboolean          *out_row,
                                       GError           **error);
gint64         zicha_rule_param_int   (ZichaRuleContext  *ctx,
                                       const char        *name);
void           zicha_rule_param_fraction (ZichaRuleContext *ctx,
                                       const char        *name,
                                       gint64            *num,
                                       gint64            *den);
const char    *zicha_rule_param_text  (ZichaRuleContext  *ctx,
                                       const char        *name);

/* Adds a hit (or returns the one of the same key already added). Takes @message and
 * @details. */
ZichaFoundHit *zicha_rule_add_hit     (ZichaRuleContext  *ctx,
                                       const char        *key,
                                       char              *message,
                                       char              *details);
void           zicha_found_hit_add_record (ZichaFoundHit *hit,
                                       const char        *record_type,
                                       const char        *record_key);
/* Adds each key of a ';'-separated list. */
void           zicha_found_hit_add_records (ZichaFoundHit *hit,
                                       const char        *record_type,
                                       const char        *keys);

/* Labels of enumerated values, as arguments of a message (zicha_message_label): translated when
 * the message is shown. */
const char    *zicha_rule_role_label     (const char *role);
const char    *zicha_rule_category_label (const char *category);
/* The loop over the rows of a rule's statement: STEP_LOOP (ctx, stmt, ok, error) { …a row… };
 * afterwards @ok is FALSE (and @error set) when a step failed. */
#define STEP_LOOP(ctx, stmt, ok, error)                                          \
  for (gboolean _row = FALSE;                                                     \
       ((ok) = zicha_rule_step ((ctx), (stmt), &_row, (error))) && _row; )

/* An event-like column seen as of the run's date (DOMAIN.md section 4): a date after :asof
 * counts as not yet happened. */
#define EV(col) "(CASE WHEN " col " <= :asof THEN " col " END)"

/* Column helper: text or "" */
static inline const char *
zicha_col_text (sqlite3_stmt *stmt, int col)
{
  const char *s = (const char *) sqlite3_column_text (stmt, col);
  return s != NULL ? s : "";
}

/* The team rows of the audits started on or before as of, in memory (zicha-rule-team-data.c):
 * one scan of audits and one of audit_team for all team rules of a run. */
typedef enum
{
  ZICHA_TEAM_ROLE_LEADER,
  ZICHA_TEAM_ROLE_AUDITOR,
  ZICHA_TEAM_ROLE_EXPERT,
  ZICHA_TEAM_ROLE_TRAINEE,
  ZICHA_TEAM_ROLE_OBSERVER,
  ZICHA_TEAM_ROLE_OTHER,
} ZichaTeamRole;

typedef struct
{
  gint32  start;     /* day numbers of start_on and end_on; G_MININT when not a date */
  gint32  end;
  gint32  org;
  gint32  cert;      /* 0 when none */
  guint16 scheme;    /* index into ZichaTeamData.schemes */
  guint8  visible;   /* started on or before as of */
  guint8  exact_start; /* start_on is exactly a date: comparing day numbers is comparing it */
} ZichaTeamAudit;

typedef struct
{
  gint32  id;
  gint32  audit;
  gint32  person;
  gint32  from;      /* on-site days, the audit's when empty; G_MININT when not a date */
  gint32  to;
  guint8  role;      /* ZichaTeamRole */
  gint64  days;      /* hundredths; -1 when empty */
} ZichaTeamMember;

/* A team row's on-site days, for the rules that go through each person's days. */
typedef struct
{
  gint32  team;      /* audit_team.id */
  gint32  audit;
  gint32  org;
  gint32  from;      /* day numbers of the on-site days, both included (to ≥ from) */
  gint32  to;
} ZichaTeamStay;

typedef struct
{
  ZichaTeamAudit  *audits;          /* by audits.id, 0 .. n_audits - 1 */
  gsize            n_audits;
  GPtrArray       *schemes;         /* scheme texts of audits */
  GHashTable      *scheme_index;    /* scheme text → index + 1 */
  ZichaTeamMember *rows;            /* team rows of visible audits, in rowid order */
  guint            n_rows;
  gsize            n_persons;       /* largest person id + 1 */
  guint           *audit_start;     /* rows of audit a: rows[by_audit[audit_start[a] ..   */
  guint           *by_audit;        /*   audit_start[a + 1] - 1]], in rowid order */
  /* The rows whose on-site days are dates (a last day before the first counts as the first),
   * person by person, each person's sorted by first day, last day, id: person p's are
   * stays[stay_start[p] .. stay_start[p + 1] - 1]. Sorted once for all rules of a run, read in
   * order (not gathered row by row from all over rows). */
  ZichaTeamStay   *stays;
  guint           *stay_start;
} ZichaTeamData;

ZichaTeamData *zicha_rule_team_data   (ZichaRuleContext  *ctx,
                                       GError           **error);

/* Rule implementations, by area. */
gboolean zicha_rule_scope_not_approved          (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_audit_time_short            (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_personnel_understated       (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_decision_by_team_member     (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_decision_before_report      (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_report_before_audit_end     (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_records_late                (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_cert_without_initial_audit  (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_stage1_missing              (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_cert_issued_before_decision (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_surveillance_overdue        (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_suspension_too_long         (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_expired_still_valid         (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_reported_late               (ZichaRuleContext *ctx, GError **error);

gboolean zicha_rule_auditor_double_booked       (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_auditor_not_qualified       (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_team_lacks_competence       (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_expense_paid_by_client      (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_expense_excessive           (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_auditor_overloaded          (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_checkin_missing             (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_checkin_far                 (ZichaRuleContext *ctx, GError **error);

gboolean zicha_rule_watchlist_no_action         (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_complaint_unresolved        (ZichaRuleContext *ctx, GError **error);

gboolean zicha_rule_code_without_competence     (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_traceability_gap            (ZichaRuleContext *ctx, GError **error);
gboolean zicha_rule_part_time_heavy             (ZichaRuleContext *ctx, GError **error);

/* Registers zicha_add_months(date, n), zicha_covers(a, b) and zicha_md5_table(scheme,
 * personnel, complexity) on @db (zicha-rules-sql.c). */
void     zicha_rules_register_functions         (sqlite3 *db);

/* Between the files of the engine (not for rule implementations) -------------------------- */

/* zicha-rule-params.c: the value of an integer or decimal parameter (a decimal scaled by
 * 10^scale), 0 when it does not parse; a fraction's p/q, 1/1 when it does not parse. */
gint64          _zicha_rule_param_value_int      (const ZichaRuleParam *param,
                                                  const char           *value);
void            _zicha_rule_param_value_fraction (const char           *value,
                                                  gint64               *num,
                                                  gint64               *den);
/* The value of @param stored in rule_params, or NULL when none (or it is not valid any
 * more). */
char           *_zicha_rule_stored_param         (sqlite3              *db,
                                                  const ZichaRule      *rule,
                                                  const ZichaRuleParam *param);

/* zicha-rule-context.c: what a run does with contexts and with the cache of its rules. */
void            _zicha_found_hit_free            (ZichaFoundHit        *hit);
/* Frees the parameter values, hits and keys of @ctx. */
void            _zicha_rule_context_clear        (ZichaRuleContext     *ctx);
ZichaRuleCache *_zicha_rule_cache_new            (void);
void            _zicha_rule_cache_free           (ZichaRuleCache       *cache);
/* Whether the item @name is loaded (never waits for a load under way). */
gboolean        _zicha_rule_cache_is_ready       (ZichaRuleCache       *cache,
                                                  const char           *name);

/* zicha-risk-score.c: recomputes certificates.risk_score (zicha_rules_update_risk_scores)
 * inside the caller's transaction, if any. */
gboolean        _zicha_risk_scores_update        (sqlite3              *db,
                                                  GError              **error);

G_END_DECLS
