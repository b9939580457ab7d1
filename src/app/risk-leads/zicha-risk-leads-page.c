/* zicha-risk-leads-page.c — the hits of the risk rules (风险线索): run, filter and triage
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a ZichaHitList (filtered and ordered in SQL, read page by page) in a column
 * view; the four focus-area cards and the rules sidebar show counts and set the filters; the
 * details pane explains the current hit and links to its records. Runs go through
 * zicha_rules_run_async; leads (one or several) are confirmed into the problem ledger through
 * the confirm dialog and dismissed with a reason (zicha-risk-leads-page-triage.c).
 *
 * This file holds the GObject and GtkWidget parts, the database, the as-of date and the
 * public getters; the rest is in zicha-risk-leads-page-filters.c, -list.c, -actions.c and
 * -triage.c, which share zicha-risk-leads-page-private.h. */
#define G_LOG_DOMAIN "zicha-risk-leads"

#include "config.h"

#include "zicha-filter-dropdown.h"
#include "zicha-risk-leads-page-private.h"

static void zicha_risk_leads_page_page_init (ZichaPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZichaRiskLeadsPage, zicha_risk_leads_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ZICHA_TYPE_PAGE,
                                                      zicha_risk_leads_page_page_init))

enum {
  PROP_0,
  PROP_DB,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_zicha_risk_leads_page_notify_running (ZichaRiskLeadsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* GtkWidget ------------------------------------------------------------------------------- */

static void
zicha_risk_leads_page_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
zicha_risk_leads_page_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);
  if (self->row_menu_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->row_menu_popover));
}

static void
zicha_risk_leads_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->run_cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_risk_leads_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      zicha_risk_leads_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_risk_leads_page_dispose (GObject *object)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (object);

  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  _zicha_risk_leads_page_clear_list (self);
  g_clear_pointer (&self->row_menu_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_RISK_LEADS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->db);
  g_clear_object (&self->run_db);
  g_clear_pointer (&self->rule_counts, g_ptr_array_unref);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_result, zicha_rule_run_result_free);
  g_clear_pointer (&self->last_triage, g_array_unref);

  G_OBJECT_CLASS (zicha_risk_leads_page_parent_class)->dispose (object);
}

/* ZichaPage: risk leads changed elsewhere (a problem withdrawn, a run in another page); the
 * page's own changes (its runs and triage) are shown already. */
static void
zicha_risk_leads_page_page_refresh (ZichaPage        *page,
                                    ZichaChangeFlags  what)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (page);

  if (!(what & ZICHA_CHANGE_HITS) || self->emitting || self->db == NULL)
    return;
  _zicha_risk_leads_page_refresh_counts (self);
  if (self->list != NULL)
    zicha_hit_list_reload (self->list);
}

static void
zicha_risk_leads_page_page_init (ZichaPageInterface *iface)
{
  iface->refresh = zicha_risk_leads_page_page_refresh;
}

static void
zicha_risk_leads_page_class_init (ZichaRiskLeadsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zicha_risk_leads_page_get_property;
  object_class->set_property = zicha_risk_leads_page_set_property;
  object_class->dispose = zicha_risk_leads_page_dispose;
  widget_class->measure = zicha_risk_leads_page_measure;
  widget_class->size_allocate = zicha_risk_leads_page_size_allocate;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, ZICHA_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZICHA_TYPE_HIT_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-risk-leads-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, as_of_calendar);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, run_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, rule_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, rules_list);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, ZichaRiskLeadsPage, row_menu);

  _zicha_risk_leads_page_class_filters_init (klass);
  _zicha_risk_leads_page_class_list_init (klass);
  _zicha_risk_leads_page_class_actions_init (klass);
  _zicha_risk_leads_page_class_triage_init (klass);
}

static void
zicha_risk_leads_page_init (ZichaRiskLeadsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _zicha_risk_leads_page_filters_init (self);
  _zicha_risk_leads_page_list_init (self);

  g_date_clear (&self->as_of, 1);
  _zicha_risk_leads_page_reset_as_of (self);
  _zicha_risk_leads_page_set_running (self, NULL);
  _zicha_risk_leads_page_refresh_counts (self);
  _zicha_risk_leads_page_update_details (self);
}

/* Public API ------------------------------------------------------------------------------ */

GtkWidget *
zicha_risk_leads_page_new (void)
{
  return g_object_new (ZICHA_TYPE_RISK_LEADS_PAGE, NULL);
}

ZichaDb *
zicha_risk_leads_page_get_db (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);
  return self->db;
}

void
zicha_risk_leads_page_set_db (ZichaRiskLeadsPage *self,
                              ZichaDb            *db)
{
  g_return_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self));
  g_return_if_fail (db == NULL || ZICHA_IS_DB (db));

  if (self->db == db)
    return;

  _zicha_risk_leads_page_clear_list (self);
  g_clear_pointer (&self->last_triage, g_array_unref);
  g_set_object (&self->db, db);
  g_clear_pointer (&self->last_result, zicha_rule_run_result_free);
  _zicha_risk_leads_page_load_list (self);

  _zicha_risk_leads_page_reset_as_of (self);
  _zicha_risk_leads_page_refresh_counts (self);
  _zicha_risk_leads_page_update_details (self);
  _zicha_risk_leads_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

const GDate *
zicha_risk_leads_page_get_as_of (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);
  return &self->as_of;
}

void
zicha_risk_leads_page_set_as_of (ZichaRiskLeadsPage *self,
                                 const GDate        *as_of)
{
  g_return_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  self->as_of = *as_of;
  self->as_of_chosen = TRUE;
  _zicha_risk_leads_page_update_as_of (self);
}

gboolean
zicha_risk_leads_page_get_running (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);
  return self->run_cancellable != NULL;
}

const ZichaRuleRunResult *
zicha_risk_leads_page_get_last_result (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);
  return self->last_result;
}

void
zicha_risk_leads_page_set_filter (ZichaRiskLeadsPage *self,
                                  const char         *area,
                                  const char         *rule,
                                  const char         *severity,
                                  const char         *status)
{
  g_return_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self));

  zicha_filter_dropdown_select_id (self->area_dropdown, area);
  zicha_filter_dropdown_select_id (self->rule_dropdown, rule);
  zicha_filter_dropdown_select_id (self->severity_dropdown, severity);
  zicha_filter_dropdown_select_id (self->status_dropdown, status);
}

void
zicha_risk_leads_page_select (ZichaRiskLeadsPage *self,
                              guint               position)
{
  g_return_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self));
  _zicha_risk_leads_page_select_only (self, position);
}

gint64
zicha_risk_leads_page_get_selected_id (ZichaRiskLeadsPage *self)
{
  g_autoptr(ZichaHitRow) row = NULL;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), 0);
  row = _zicha_risk_leads_page_dup_current_row (self);
  return row != NULL ? zicha_hit_row_get_id (row) : 0;
}

/* Test hooks ------------------------------------------------------------------------------ */

const char *
zicha_risk_leads_page_get_state (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

ZichaHitList *
zicha_risk_leads_page_get_list (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);
  return self->list;
}

GtkColumnView *
zicha_risk_leads_page_get_column_view (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);
  return self->column_view;
}

GtkEditable *
zicha_risk_leads_page_get_search_entry (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
zicha_risk_leads_page_get_details (ZichaRiskLeadsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);
  return GTK_WIDGET (self->detail);
}
