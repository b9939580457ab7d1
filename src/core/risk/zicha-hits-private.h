/* zicha-hits-private.h — writing the hits table: zicha-hit-store.c is its one writer
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zicha-db-private.h"
#include "zicha-rules.h"

#include "zicha-hit-row.h"

G_BEGIN_DECLS

/* What one rule found in a run. */
typedef struct
{
  const ZichaRule *rule;
  GPtrArray       *hits;          /* ZichaFoundHit* (zicha-rules-private.h) */
  gint64           duration_ms;
} ZichaRuleOutcome;

/* Stores what the rules of run @run_id found, as of @today, inside the caller's transaction,
 * with a line of rule_run_stats for each rule; counts the hits in @result. A hit found again
 * keeps its triage state (a resolved one is open again); an open hit of a rule run that was
 * not found again — its last_run is not this run — is resolved; hits of rules not run are left
 * alone. */
gboolean _zicha_hit_store_merge (sqlite3                 *db,
                                 const ZichaRuleOutcome  *found,
                                 guint                    n_found,
                                 gint64                   run_id,
                                 const char              *today,
                                 ZichaRuleRunResult      *result,
                                 GError                 **error);

/* Triage, inside the caller's transaction: FALSE on failure (the connection's error set). A
 * confirmed or dismissed hit keeps its former status in triage_prev_status, @user_name (may be
 * NULL) and the time @now; undoing restores that status (open when none) and clears the
 * rest. */
gboolean _zicha_hit_store_confirm      (sqlite3     *db,
                                        gint64       hit_id,
                                        const char  *user_name,
                                        const char  *now);
gboolean _zicha_hit_store_dismiss      (sqlite3     *db,
                                        gint64       hit_id,
                                        const char  *reason,
                                        const char  *user_name,
                                        const char  *now);
gboolean _zicha_hit_store_undo_triage  (sqlite3     *db,
                                        gint64       hit_id);

/* zicha-hit-row.c: a row that takes @hit; and @hit (taken) in place of its hit, notified. */
ZichaHitRow *_zicha_hit_row_new     (ZichaHit     *hit);
void         _zicha_hit_row_set_hit (ZichaHitRow  *self,
                                     ZichaHit     *hit);

G_END_DECLS
