/* zicha-risk-leads-page.h — the hits of the risk rules (风险线索): run, filter and triage
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"
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

/* Selects the hit at @position of the list (G_MAXUINT: none) and shows its details. */
void            zicha_risk_leads_page_select       (ZichaRiskLeadsPage *self,
                                                    guint               position);
/* The selected hit's id, or 0. */
gint64          zicha_risk_leads_page_get_selected_id (ZichaRiskLeadsPage *self);

/* Triage as the buttons, shortcuts and the dismiss dialog do it: recorded with the user
 * name of the application; a toast offers to undo. FALSE (and a toast saying why) when the
 * database refuses. */
gboolean        zicha_risk_leads_page_confirm_hit  (ZichaRiskLeadsPage *self,
                                                    gint64              hit_id);
gboolean        zicha_risk_leads_page_dismiss_hit  (ZichaRiskLeadsPage *self,
                                                    gint64              hit_id,
                                                    const char         *reason);
gboolean        zicha_risk_leads_page_undo_hit     (ZichaRiskLeadsPage *self,
                                                    gint64              hit_id);
/* The dialog of the risk.dismiss action, asking for the reason, for hit @hit_id. */
AdwMessageDialog *
                zicha_risk_leads_page_ask_dismiss  (ZichaRiskLeadsPage *self,
                                                    gint64              hit_id);

G_END_DECLS
