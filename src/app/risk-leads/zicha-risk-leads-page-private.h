/* zicha-risk-leads-page-private.h — what the files of the Risk leads page share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaRiskLeadsPage is one widget over five files, each with a concern: the GObject and the
 * public API (zicha-risk-leads-page.c), the as-of date, counts and filters (-filters.c), the
 * list, its selection and the details pane (-list.c), runs and actions (-actions.c), triage
 * with its dialogs and toasts (-triage.c). This header
 * holds the instance struct and the _zicha_risk_leads_page_* functions they call in each
 * other, and the test hooks, which only tests/test-ui-*.c and build-aux/zicha-screenshots.c
 * use. */
#pragma once

#include "zicha-area-card.h"
#include "zicha-confirm-dialog.h"
#include "zicha-hit-detail.h"
#include "zicha-hit-list.h"
#include "zicha-hits.h"
#include "zicha-page.h"
#include "zicha-risk-leads-page.h"
#include "zicha-rules.h"

G_BEGIN_DECLS

#define ZICHA_RISK_LEADS_N_AREAS (ZICHA_RULE_AREA_CAPABILITY + 1)
/* The most leads confirmed or dismissed at once (more are read page by page: too slow). */
#define ZICHA_RISK_LEADS_MAX_TRIAGE 500

struct _ZichaRiskLeadsPage
{
  GtkWidget            parent_instance;
  gboolean            emitting;     /* telling the session of its own change */

  ZichaDb             *db;
  ZichaHitList        *list;
  GtkMultiSelection   *selection;
  gint64               current_id;     /* the lead of the details pane: focused or last selected */
  guint                current_position; /* …where it was last seen in the list */
  GtkBitset           *last_selection; /* the selection before its last change */
  GArray              *last_triage;    /* the leads of the last triage (gint64), for Undo */
  gboolean             last_confirmed; /* …confirmed (else dismissed) */
  GDate                as_of;
  gboolean             as_of_chosen;

  GCancellable        *run_cancellable;
  ZichaDb             *run_db;
  ZichaRuleRunResult  *last_result;

  GPtrArray           *rule_counts;    /* ZichaHitRuleCount */
  ZichaAreaCard       *area_cards[ZICHA_RISK_LEADS_N_AREAS];
  GPtrArray           *rule_rows;      /* GtkListBoxRow, one per rule of the catalogue */
  GtkListBoxRow       *all_rules_row;
  gboolean             syncing;
  GtkWidget           *row_menu_popover;
  AdwToast            *toast;          /* the one shown, not owned */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkMenuButton       *as_of_button;
  GtkPopover          *as_of_popover;
  GtkCalendar         *as_of_calendar;
  GtkWidget           *progress_box;
  GtkProgressBar      *progress_bar;
  GtkLabel            *run_label;
  GtkStack            *content_stack;
  GtkWidget           *cards_box;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *area_dropdown;
  GtkDropDown         *rule_dropdown;
  GtkDropDown         *severity_dropdown;
  GtkDropDown         *status_dropdown;
  GtkSpinner          *spinner;
  GtkLabel            *count_label;
  GtkListBox          *rules_list;
  GtkColumnView       *column_view;
  ZichaHitDetail      *detail;
  GMenuModel          *row_menu;
};

/* zicha-risk-leads-page.c */
void          _zicha_risk_leads_page_notify_running      (ZichaRiskLeadsPage      *self);

/* zicha-risk-leads-page-filters.c: the as-of date, counts (cards and rules sidebar), filters */
void          _zicha_risk_leads_page_class_filters_init  (ZichaRiskLeadsPageClass *klass);
void          _zicha_risk_leads_page_filters_init        (ZichaRiskLeadsPage      *self);
/* The as-of button and calendar, after self->as_of changed. */
void          _zicha_risk_leads_page_update_as_of        (ZichaRiskLeadsPage      *self);
/* The as-of date of a database that was just opened. */
void          _zicha_risk_leads_page_reset_as_of         (ZichaRiskLeadsPage      *self);
/* Counts the risk leads again: cards, rules sidebar, last run, empty or not. */
void          _zicha_risk_leads_page_refresh_counts      (ZichaRiskLeadsPage      *self);
/* After triage: one risk lead of @rule_id went from @old_status to @new_status. */
void          _zicha_risk_leads_page_count_triage        (ZichaRiskLeadsPage      *self,
                                                          const char              *rule_id,
                                                          ZichaHitStatus           old_status,
                                                          ZichaHitStatus           new_status);
/* Gives the list the filters that the dropdowns and the search entry show. */
void          _zicha_risk_leads_page_apply_filter        (ZichaRiskLeadsPage      *self);

/* zicha-risk-leads-page-list.c: columns, cells, selection, the details pane */
void          _zicha_risk_leads_page_class_list_init     (ZichaRiskLeadsPageClass *klass);
void          _zicha_risk_leads_page_list_init           (ZichaRiskLeadsPage      *self);
/* Drops self->list: nothing selected, nothing counted. */
void          _zicha_risk_leads_page_clear_list          (ZichaRiskLeadsPage      *self);
/* A list of the risk leads of self->db (none without one), filtered and shown. */
void          _zicha_risk_leads_page_load_list           (ZichaRiskLeadsPage      *self);
/* The lead of the details pane (a new reference), or NULL. */
ZichaHitRow  *_zicha_risk_leads_page_dup_current_row     (ZichaRiskLeadsPage      *self);
/* Makes the lead at @position the only one selected and the current one. */
void          _zicha_risk_leads_page_select_only         (ZichaRiskLeadsPage      *self,
                                                          guint                    position);
/* The number of leads selected. */
guint         _zicha_risk_leads_page_get_n_selected      (ZichaRiskLeadsPage      *self);
/* The selected leads (ZichaHit*) in list order, or NULL when more than
 * ZICHA_RISK_LEADS_MAX_TRIAGE are selected. */
GPtrArray    *_zicha_risk_leads_page_get_selected_hits   (ZichaRiskLeadsPage      *self);
void          _zicha_risk_leads_page_update_details      (ZichaRiskLeadsPage      *self);

/* zicha-risk-leads-page-actions.c: runs and the actions that are not triage */
void          _zicha_risk_leads_page_class_actions_init  (ZichaRiskLeadsPageClass *klass);
/* A run is going on while @cancellable is not NULL. */
void          _zicha_risk_leads_page_set_running         (ZichaRiskLeadsPage      *self,
                                                          GCancellable            *cancellable);

/* zicha-risk-leads-page-triage.c: confirming, dismissing, undoing; dialogs and toasts */
void          _zicha_risk_leads_page_class_triage_init   (ZichaRiskLeadsPageClass *klass);
/* Enables the risk.* actions that apply to the selection and the database. */
void          _zicha_risk_leads_page_update_actions      (ZichaRiskLeadsPage      *self);
/* Shows @title in the page's toast (replacing the one shown), with no button. */
void          _zicha_risk_leads_page_show_toast          (ZichaRiskLeadsPage      *self,
                                                          const char              *title);
/* The user name that the changes are recorded with (a new string). */
char         *_zicha_risk_leads_page_get_user_name       (ZichaRiskLeadsPage      *self);

/* Test hooks ------------------------------------------------------------------------------ */

/* "empty" (no run yet) or "leads". */
const char    *zicha_risk_leads_page_get_state           (ZichaRiskLeadsPage *self);
/* The list shown, NULL without a database. */
ZichaHitList  *zicha_risk_leads_page_get_list            (ZichaRiskLeadsPage *self);
GtkColumnView *zicha_risk_leads_page_get_column_view     (ZichaRiskLeadsPage *self);
GtkEditable   *zicha_risk_leads_page_get_search_entry    (ZichaRiskLeadsPage *self);
GtkWidget     *zicha_risk_leads_page_get_details         (ZichaRiskLeadsPage *self);

/* Tells the session (and so every page) that @what changed through this page. */
void      _zicha_risk_leads_page_emit_changed       (ZichaRiskLeadsPage *self,
                                                     ZichaChangeFlags    what);

G_END_DECLS
