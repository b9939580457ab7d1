/* zicha-risk-leads-page.h — the hits of the risk rules (风险线索): run, filter and triage
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-confirm-dialog.h"
#include "zicha-core.h"
#include "zicha-problems.h"
#include "zicha-rules.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_RISK_LEADS_PAGE (zicha_risk_leads_page_get_type ())
G_DECLARE_FINAL_TYPE (ZichaRiskLeadsPage, zicha_risk_leads_page, ZICHA, RISK_LEADS_PAGE, GtkWidget)

GtkWidget      *zicha_risk_leads_page_new          (void);

ZichaDb        *zicha_risk_leads_page_get_db       (ZichaRiskLeadsPage *self);
void            zicha_risk_leads_page_set_db       (ZichaRiskLeadsPage *self,
                                                    ZichaDb            *db);

/* The as-of date of the next run: the database setting "demo-today" when there is one,
 * else today, until the user picks another. */
const GDate    *zicha_risk_leads_page_get_as_of    (ZichaRiskLeadsPage *self);
void            zicha_risk_leads_page_set_as_of    (ZichaRiskLeadsPage *self,
                                                    const GDate        *as_of);

/* Runs the rules in a worker thread (the risk.run action); FALSE while a run is going on or
 * without a database. */
gboolean        zicha_risk_leads_page_run          (ZichaRiskLeadsPage *self);
gboolean        zicha_risk_leads_page_get_running  (ZichaRiskLeadsPage *self);
/* The result of the last run that finished, or NULL. */
const ZichaRuleRunResult *
                zicha_risk_leads_page_get_last_result (ZichaRiskLeadsPage *self);

/* Filters, as the dropdowns show them: NULL area/rule/… is "all". */
void            zicha_risk_leads_page_set_filter   (ZichaRiskLeadsPage *self,
                                                    const char         *area,
                                                    const char         *rule,
                                                    const char         *severity,
                                                    const char         *status);

/* Selects the hit at @position of the list alone (G_MAXUINT: none) and shows its details.
 * Several are selected as in any list (Ctrl and Shift with a click or the arrow keys, Ctrl+A);
 * the details show the one focused or selected last. */
void            zicha_risk_leads_page_select       (ZichaRiskLeadsPage *self,
                                                    guint               position);
/* The id of the hit whose details are shown (selected), or 0. */
gint64          zicha_risk_leads_page_get_selected_id (ZichaRiskLeadsPage *self);

/* Triage as the buttons, shortcuts and dialogs do it: recorded with the user name of the
 * application, in one transaction however many leads; a toast says what was done (and offers
 * to open the problem, or to undo a dismissal). FALSE or 0 (and a toast saying why) when the
 * database refuses.
 *
 * Confirms @hit_ids into the problem @into_problem_id, or with 0 into a new problem made from
 * them, with the fields of @draft that are set (zicha_problems_confirm_hits_as ()); returns
 * the problem's id. */
gint64          zicha_risk_leads_page_confirm_hits (ZichaRiskLeadsPage      *self,
                                                    const gint64            *hit_ids,
                                                    guint                    n_hits,
                                                    gint64                   into_problem_id,
                                                    const ZichaProblemDraft *draft,
                                                    const char              *note);
/* One lead into a new problem as the leads make it. */
gboolean        zicha_risk_leads_page_confirm_hit  (ZichaRiskLeadsPage *self,
                                                    gint64              hit_id);
gboolean        zicha_risk_leads_page_dismiss_hits (ZichaRiskLeadsPage *self,
                                                    const gint64       *hit_ids,
                                                    guint               n_hits,
                                                    const char         *reason);
gboolean        zicha_risk_leads_page_dismiss_hit  (ZichaRiskLeadsPage *self,
                                                    gint64              hit_id,
                                                    const char         *reason);
/* Undoes the triage of one lead (risk.undo-triage). */
gboolean        zicha_risk_leads_page_undo_hit     (ZichaRiskLeadsPage *self,
                                                    gint64              hit_id);
/* Undoes the last confirmation or dismissal of this page whole, for those of its leads still
 * as it left them (risk.undo-last, the toast's Undo; Ctrl+Z on one of its leads). */
gboolean        zicha_risk_leads_page_undo_last    (ZichaRiskLeadsPage *self);
/* The dialogs of risk.confirm and risk.dismiss, for the selected leads that are neither
 * confirmed nor dismissed (the others are left out, and the dialog says so); NULL when there
 * is none. The dismiss dialog asks one reason for all. */
ZichaConfirmDialog *
                zicha_risk_leads_page_ask_confirm  (ZichaRiskLeadsPage *self);
AdwMessageDialog *
                zicha_risk_leads_page_ask_dismiss  (ZichaRiskLeadsPage *self);

G_END_DECLS
