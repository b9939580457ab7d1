/* zicha-rules.h — the risk-rule engine (风险规则)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of DOMAIN.md section 4 are data: a static table of descriptors. A run evaluates all
 * or chosen rules as of a date, stores their hits (风险线索, zicha-hits.h), records itself in
 * rule_runs / rule_run_stats and updates certificates.risk_score (DOMAIN.md section 5). */
#pragma once

#include <gio/gio.h>

#include "zicha-day.h"
#include "zicha-db.h"
#include "zicha-scope-code.h"

G_BEGIN_DECLS

typedef enum
{
  ZICHA_RULE_AREA_LEGAL,
  ZICHA_RULE_AREA_CONDUCT,
  ZICHA_RULE_AREA_PRACTICE,
  ZICHA_RULE_AREA_CAPABILITY,
} ZichaRuleArea;

typedef enum
{
  ZICHA_RULE_SEVERITY_HIGH,
  ZICHA_RULE_SEVERITY_MEDIUM,
  ZICHA_RULE_SEVERITY_LOW,
} ZichaRuleSeverity;

typedef enum
{
  /* A whole number between min and max ("30"). */
  ZICHA_RULE_PARAM_INTEGER,
  /* An exact decimal with at most `scale` decimals, between min and max given in units of
   * 10^-scale ("5" km with scale 6 is 5000000). */
  ZICHA_RULE_PARAM_DECIMAL,
  /* A fraction "p/q" of positive whole numbers, p/q between min/100 and max/100. */
  ZICHA_RULE_PARAM_FRACTION,
} ZichaRuleParamType;

typedef struct
{
  const char         *name;           /* "max_reduction_pct" */
  ZichaRuleParamType  type;
  const char         *default_value;  /* "30" */
  const char         *label;          /* N_(), use zicha_rule_param_get_label() */
  gint64              min;
  gint64              max;
  gint                scale;          /* ZICHA_RULE_PARAM_DECIMAL only */
} ZichaRuleParam;

typedef struct _ZichaRuleContext ZichaRuleContext;
typedef gboolean (*ZichaRuleFindFunc) (ZichaRuleContext *ctx,
                                       GError          **error);

#define ZICHA_RULE_MAX_PARAMS 4

typedef struct
{
  const char         *id;            /* "AUDIT_TIME_SHORT" */
  ZichaRuleArea       area;
  ZichaRuleSeverity   severity;      /* default severity */
  const char         *entity_type;   /* "certificate", "audit", "team", ... */
  const char         *title;         /* N_(), use zicha_rule_get_title() */
  const char         *description;   /* N_(): when a hit is found, use zicha_rule_get_description() */
  const char         *source;        /* N_(): as DOMAIN.md names it; zicha_rule_get_source() */
  ZichaRuleParam      params[ZICHA_RULE_MAX_PARAMS];   /* ended by name == NULL */
  ZichaRuleFindFunc   find;
  guint               cost;          /* rough relative cost, to schedule heavy rules first */
} ZichaRule;

/* The catalogue, in the order of DOMAIN.md section 4. */
const ZichaRule   *zicha_rules_get_all             (guint              *n_rules);
const ZichaRule   *zicha_rules_lookup              (const char         *id);

const char        *zicha_rule_get_title            (const ZichaRule    *rule);
const char        *zicha_rule_get_description      (const ZichaRule    *rule);
/* The public source the rule rests on (the notice, IAF MD 5, CNCA rules…), translated. */
const char        *zicha_rule_get_source           (const ZichaRule    *rule);
guint              zicha_rule_get_n_params         (const ZichaRule    *rule);
const ZichaRuleParam *zicha_rule_find_param        (const ZichaRule    *rule,
                                                    const char         *name);
const char        *zicha_rule_param_get_label      (const ZichaRuleParam *param);

const char        *zicha_rule_area_to_string       (ZichaRuleArea       area);
gboolean           zicha_rule_area_from_string     (const char         *str,
                                                    ZichaRuleArea      *out);
const char        *zicha_rule_area_get_label       (ZichaRuleArea       area);
const char        *zicha_rule_severity_to_string   (ZichaRuleSeverity   severity);
gboolean           zicha_rule_severity_from_string (const char         *str,
                                                    ZichaRuleSeverity  *out);
const char        *zicha_rule_severity_get_label   (ZichaRuleSeverity   severity);
/* Risk-score weight: high 3, medium 2, low 1 (DOMAIN.md section 5). */
gint               zicha_rule_severity_get_weight  (ZichaRuleSeverity   severity);

/* Parameters: the stored value (rule_params) or the descriptor's default. */
char              *zicha_rules_get_param           (ZichaDb            *db,
                                                    const char         *rule_id,
                                                    const char         *name,
                                                    GError            **error);
/* Validates @value (ZICHA_ERROR_USAGE with a translated reason when it is not valid) and
 * stores it; @value NULL (or the default) removes the stored value. */
gboolean           zicha_rules_set_param           (ZichaDb            *db,
                                                    const char         *rule_id,
                                                    const char         *name,
                                                    const char         *value,
                                                    GError            **error);
/* Checks @value against @param without storing it. */
gboolean           zicha_rule_param_validate       (const ZichaRuleParam *param,
                                                    const char         *value,
                                                    GError            **error);

/* Runs -------------------------------------------------------------------------------------- */

typedef struct
{
  GDate        as_of;       /* invalid (g_date_clear) = today */
  const char * const *rules;   /* NULL-terminated rule ids, or NULL for all */
  const char  *user_name;   /* recorded with the run, may be NULL */
  guint        n_threads;   /* 0 = default (2); 1 = run everything on the caller's connection */
} ZichaRuleRunOptions;

typedef struct
{
  char    *rule_id;
  guint    hits;
  gint64   duration_ms;
} ZichaRuleRunStat;

typedef struct
{
  gint64     run_id;
  char      *as_of;          /* YYYY-MM-DD */
  guint      total_hits;     /* hits found by this run */
  guint      new_hits;       /* of them, not stored before */
  guint      resolved_hits;  /* open hits no longer found, now resolved */
  GPtrArray *stats;          /* ZichaRuleRunStat*, in catalogue order */
  gint64     duration_ms;
} ZichaRuleRunResult;

void zicha_rule_run_result_free (ZichaRuleRunResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaRuleRunResult, zicha_rule_run_result_free)

/* @done rules of @total finished; @rule_id the one that finished last (NULL at the start).
 * Called in the thread that called zicha_rules_run (for the async variant: the thread of the
 * task's main context). */
typedef void (*ZichaRuleProgressFunc) (guint        done,
                                       guint        total,
                                       const char  *rule_id,
                                       gpointer     user_data);

/* Evaluates the rules and stores the hits in one transaction. An unknown rule id is
 * ZICHA_ERROR_USAGE; cancellation is G_IO_ERROR_CANCELLED and leaves hits unchanged (the run
 * is recorded as cancelled). */
gboolean  zicha_rules_run         (ZichaDb                    *db,
                                   const ZichaRuleRunOptions  *options,
                                   ZichaRuleProgressFunc       progress,
                                   gpointer                    progress_data,
                                   GCancellable               *cancellable,
                                   ZichaRuleRunResult        **out_result,
                                   GError                    **error);

/* The same in a worker thread with its own connection to zicha_db_get_path (@db). The
 * progress function is called in the caller's thread-default main context. */
void      zicha_rules_run_async   (ZichaDb                    *db,
                                   const ZichaRuleRunOptions  *options,
                                   ZichaRuleProgressFunc       progress,
                                   gpointer                    progress_data,
                                   GDestroyNotify              progress_data_free,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data);
ZichaRuleRunResult *zicha_rules_run_finish (ZichaDb           *db,
                                            GAsyncResult      *result,
                                            GError           **error);

/* Recomputes certificates.risk_score from the open and confirmed hits (done after each run;
 * also after triage). */
gboolean  zicha_rules_update_risk_scores (ZichaDb   *db,
                                          GError   **error);

G_END_DECLS
