/* zicha-risk-leads-page-filters.c — the Risk leads page: as-of date, counts and filters
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The as-of date of the next run and its calendar; the counts of the risk leads, on the four
 * focus-area cards (a click filters by the area) and in the rules sidebar (a row filters by
 * the rule); the filter dropdowns and the search entry, kept in step with the cards and the
 * sidebar, and what they give the list. Part of ZichaRiskLeadsPage
 * (zicha-risk-leads-page-private.h). */
#define G_LOG_DOMAIN "zicha-risk-leads"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-filter-dropdown.h"
#include "zicha-risk-leads-page-private.h"

static const ZichaHitStatus filter_statuses[] = {
  ZICHA_HIT_OPEN, ZICHA_HIT_CONFIRMED, ZICHA_HIT_DISMISSED, ZICHA_HIT_RESOLVED,
};

/* As-of date ------------------------------------------------------------------------------ */

void
_zicha_risk_leads_page_update_as_of (ZichaRiskLeadsPage *self)
{
  g_autofree char *date = _zicha_app_format_date (&self->as_of);
  /* Translators: %s is a date (YYYY-MM-DD); the rules look at records up to that day */
  g_autofree char *label = g_strdup_printf (_("_As of %s"), date);
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&self->as_of),
                                                   g_date_get_month (&self->as_of),
                                                   g_date_get_day (&self->as_of), 0, 0, 0);

  gtk_menu_button_set_label (self->as_of_button, label);
  self->syncing = TRUE;
  gtk_calendar_select_day (self->as_of_calendar, dt);
  self->syncing = FALSE;
}

void
_zicha_risk_leads_page_reset_as_of (ZichaRiskLeadsPage *self)
{
  g_autofree char *demo_today = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (self->db != NULL && (demo_today = zicha_db_get_setting (self->db, "demo-today")) != NULL)
    g_date_set_parse (&date, demo_today);
  if (!g_date_valid (&date))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  self->as_of = date;
  self->as_of_chosen = FALSE;
  _zicha_risk_leads_page_update_as_of (self);
}

static void
on_as_of_day_selected_cb (ZichaRiskLeadsPage *self,
                          GtkCalendar        *calendar)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (self->syncing)
    return;
  dt = gtk_calendar_get_date (calendar);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  zicha_risk_leads_page_set_as_of (self, &date);
  gtk_popover_popdown (self->as_of_popover);
}

static void
on_as_of_today_clicked_cb (ZichaRiskLeadsPage *self,
                           GtkButton          *button)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  zicha_risk_leads_page_set_as_of (self, &date);
  gtk_popover_popdown (self->as_of_popover);
}

/* Counts: cards and the rules sidebar ----------------------------------------------------- */

static void
update_last_run (ZichaRiskLeadsPage *self)
{
  g_autofree char *as_of = NULL;
  g_autofree char *finished = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ran = FALSE;

  if (self->db != NULL)
    ran = zicha_hits_get_last_run (self->db, &as_of, &finished, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  if (ran)
    /* Translators: %1$s is the as-of date of the last run, %2$s when it finished */
    text = g_strdup_printf (_("Last run as of %1$s, finished %2$s"), as_of ? as_of : "",
                            finished ? finished : "");
  gtk_label_set_text (self->run_label, text != NULL ? text : "");
}

static gboolean
has_leads (ZichaRiskLeadsPage *self)
{
  if (self->db == NULL)
    return FALSE;
  if (zicha_hits_get_last_run (self->db, NULL, NULL, NULL))
    return TRUE;
  for (guint i = 0; self->rule_counts != NULL && i < self->rule_counts->len; i++)
    {
      ZichaHitRuleCount *count = g_ptr_array_index (self->rule_counts, i);

      for (guint s = 0; s < G_N_ELEMENTS (count->by_status); s++)
        if (count->by_status[s] > 0)
          return TRUE;
    }
  return FALSE;
}

static void
update_cards (ZichaRiskLeadsPage *self)
{
  guint by_area[ZICHA_RISK_LEADS_N_AREAS][ZICHA_HIT_RESOLVED + 1] = { { 0, } };
  const char *area_filter = zicha_filter_dropdown_get_id (self->area_dropdown);

  for (guint i = 0; self->rule_counts != NULL && i < self->rule_counts->len; i++)
    {
      ZichaHitRuleCount *count = g_ptr_array_index (self->rule_counts, i);
      ZichaRuleArea area;

      if (!zicha_rule_area_from_string (count->area, &area))
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (count->by_status); s++)
        by_area[area][s] += count->by_status[s];
    }

  for (guint a = 0; a < ZICHA_RISK_LEADS_N_AREAS; a++)
    {
      for (guint st = ZICHA_HIT_OPEN; st <= ZICHA_HIT_DISMISSED; st++)
        zicha_area_card_set_count (self->area_cards[a], st - ZICHA_HIT_OPEN, by_area[a][st]);
      zicha_area_card_set_selected (self->area_cards[a],
                                    g_strcmp0 (area_filter, zicha_rule_area_to_string (a)) == 0);
    }
}

static void
update_rule_rows (ZichaRiskLeadsPage *self)
{
  const char *area = zicha_filter_dropdown_get_id (self->area_dropdown);
  guint total_open = 0;
  GtkLabel *all_count;

  if (self->rule_rows == NULL)
    return;   /* still being built */
  for (guint i = 0; i < self->rule_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rule_rows, i);
      GtkLabel *label = g_object_get_data (G_OBJECT (row), "zicha-count");
      ZichaHitRuleCount *count = NULL;
      g_autofree char *text = NULL;
      g_autofree char *tooltip = NULL;
      guint all = 0;

      if (self->rule_counts != NULL && i < self->rule_counts->len)
        count = g_ptr_array_index (self->rule_counts, i);
      if (count != NULL)
        {
          for (guint s = 0; s < G_N_ELEMENTS (count->by_status); s++)
            all += count->by_status[s];
          if (area == NULL || g_strcmp0 (area, count->area) == 0)
            total_open += count->by_status[ZICHA_HIT_OPEN];
          text = g_strdup_printf ("%u", count->by_status[ZICHA_HIT_OPEN]);
          /* Translators: counts of the risk leads of a rule */
          tooltip = g_strdup_printf (_("%1$u open · %2$u confirmed · %3$u dismissed"),
                                     count->by_status[ZICHA_HIT_OPEN],
                                     count->by_status[ZICHA_HIT_CONFIRMED],
                                     count->by_status[ZICHA_HIT_DISMISSED]);
        }
      gtk_label_set_text (label, text != NULL ? text : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
      if (all == 0)
        gtk_widget_add_css_class (row, "dim-label");
      else
        gtk_widget_remove_css_class (row, "dim-label");
    }

  all_count = g_object_get_data (G_OBJECT (self->all_rules_row), "zicha-count");
  {
    g_autofree char *text = g_strdup_printf ("%u", total_open);

    gtk_label_set_text (all_count, text);
  }
}

void
_zicha_risk_leads_page_refresh_counts (ZichaRiskLeadsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->rule_counts, g_ptr_array_unref);
  if (self->db != NULL)
    {
      self->rule_counts = zicha_hits_count_by_rule (self->db, &error);
      if (self->rule_counts == NULL)
        g_warning ("%s", error->message);
    }
  update_cards (self);
  update_rule_rows (self);
  update_last_run (self);
  gtk_stack_set_visible_child_name (self->content_stack, has_leads (self) ? "leads" : "empty");
}

void
_zicha_risk_leads_page_count_triage (ZichaRiskLeadsPage *self,
                                     const char         *rule_id,
                                     ZichaHitStatus      old_status,
                                     ZichaHitStatus      new_status)
{
  /* Move the hit between the counts instead of counting a million hits again. */
  for (guint i = 0; self->rule_counts != NULL && i < self->rule_counts->len; i++)
    {
      ZichaHitRuleCount *count = g_ptr_array_index (self->rule_counts, i);

      if (g_strcmp0 (count->rule_id, rule_id) == 0 && count->by_status[old_status] > 0)
        {
          count->by_status[old_status]--;
          count->by_status[new_status]++;
          update_cards (self);
          update_rule_rows (self);
          return;
        }
    }
  _zicha_risk_leads_page_refresh_counts (self);
}

static GtkWidget *
new_rule_row (const char *title,
              gboolean    heading)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, title);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "zicha-count", count);
  return row;
}

static void
rules_header_func (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  const ZichaRule *rule = g_object_get_data (G_OBJECT (row), "zicha-rule");
  const ZichaRule *prev = before != NULL ? g_object_get_data (G_OBJECT (before), "zicha-rule")
                                         : NULL;
  GtkWidget *header;

  if (rule == NULL || (prev != NULL && prev->area == rule->area))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (zicha_rule_area_get_label (rule->area));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static gboolean
rules_filter_func (GtkListBoxRow *row,
                   gpointer       user_data)
{
  ZichaRiskLeadsPage *self = user_data;
  const ZichaRule *rule = g_object_get_data (G_OBJECT (row), "zicha-rule");
  const char *area = zicha_filter_dropdown_get_id (self->area_dropdown);

  return rule == NULL || area == NULL || g_str_equal (area, zicha_rule_area_to_string (rule->area));
}

/* Filters --------------------------------------------------------------------------------- */

static void
sync_rules_list (ZichaRiskLeadsPage *self)
{
  guint rule = gtk_drop_down_get_selected (self->rule_dropdown);
  GtkListBoxRow *row = self->all_rules_row;

  if (self->rule_rows == NULL)
    return;   /* still being built */
  if (rule != GTK_INVALID_LIST_POSITION && rule > 0 && rule - 1 < self->rule_rows->len)
    row = g_ptr_array_index (self->rule_rows, rule - 1);
  self->syncing = TRUE;
  gtk_list_box_invalidate_filter (self->rules_list);
  if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
    gtk_list_box_select_row (self->rules_list, row);
  else
    gtk_list_box_unselect_all (self->rules_list);
  self->syncing = FALSE;
}

void
_zicha_risk_leads_page_apply_filter (ZichaRiskLeadsPage *self)
{
  ZichaHitFilter filter = { NULL, };

  if (self->list == NULL)
    return;
  filter.area = zicha_filter_dropdown_get_id (self->area_dropdown);
  filter.rule = zicha_filter_dropdown_get_id (self->rule_dropdown);
  filter.severity = zicha_filter_dropdown_get_id (self->severity_dropdown);
  filter.status = zicha_filter_dropdown_get_id (self->status_dropdown);
  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  zicha_hit_list_set_filter (self->list, &filter);
}

static void
on_filter_changed_cb (ZichaRiskLeadsPage *self,
                      GParamSpec         *pspec,
                      GtkDropDown        *dropdown)
{
  if (dropdown == self->area_dropdown && !self->syncing)
    {
      /* A rule of another area would leave nothing to see. */
      const char *area = zicha_filter_dropdown_get_id (self->area_dropdown);
      const char *rule_id = zicha_filter_dropdown_get_id (self->rule_dropdown);
      const ZichaRule *rule = rule_id != NULL ? zicha_rules_lookup (rule_id) : NULL;

      if (area != NULL && rule != NULL
          && !g_str_equal (area, zicha_rule_area_to_string (rule->area)))
        {
          self->syncing = TRUE;
          gtk_drop_down_set_selected (self->rule_dropdown, 0);
          self->syncing = FALSE;
        }
    }
  update_cards (self);
  update_rule_rows (self);
  sync_rules_list (self);
  _zicha_risk_leads_page_apply_filter (self);
}

static void
on_search_changed_cb (ZichaRiskLeadsPage *self,
                      GtkSearchEntry     *entry)
{
  _zicha_risk_leads_page_apply_filter (self);
}

static void
on_rule_row_selected_cb (ZichaRiskLeadsPage *self,
                         GtkListBoxRow      *row,
                         GtkListBox         *list_box)
{
  const ZichaRule *rule;

  if (self->syncing || row == NULL)
    return;
  rule = g_object_get_data (G_OBJECT (row), "zicha-rule");
  if (rule != NULL)
    {
      /* Selecting a rule of another area shows its area. */
      self->syncing = TRUE;
      if (zicha_filter_dropdown_get_id (self->area_dropdown) != NULL)
        zicha_filter_dropdown_select_id (self->area_dropdown,
                                         zicha_rule_area_to_string (rule->area));
      self->syncing = FALSE;
    }
  zicha_filter_dropdown_select_id (self->rule_dropdown, rule != NULL ? rule->id : NULL);
}

static void
on_area_card_clicked_cb (ZichaAreaCard      *card,
                         ZichaRiskLeadsPage *self)
{
  const char *area = zicha_area_card_get_area (card);

  /* A second click on the card of the chosen area shows all areas again. */
  if (g_strcmp0 (zicha_filter_dropdown_get_id (self->area_dropdown), area) == 0)
    area = NULL;
  zicha_filter_dropdown_select_id (self->area_dropdown, area);
}

/* Setup ----------------------------------------------------------------------------------- */

static void
add_area_card (ZichaRiskLeadsPage *self,
               ZichaRuleArea       area)
{
  GtkWidget *card = zicha_area_card_new (zicha_rule_area_to_string (area),
                                         zicha_rule_area_get_label (area));

  /* Stat i counts the risk leads of status ZICHA_HIT_OPEN + i. */
  for (guint st = ZICHA_HIT_OPEN; st <= ZICHA_HIT_DISMISSED; st++)
    zicha_area_card_add_stat (ZICHA_AREA_CARD (card), zicha_hit_status_get_label (st), FALSE);
  gtk_widget_set_tooltip_text (card, _("Show the risk leads of this focus area"));
  g_signal_connect (card, "clicked", G_CALLBACK (on_area_card_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->cards_box), card);
  self->area_cards[area] = ZICHA_AREA_CARD (card);
}

static void
setup_filters (ZichaRiskLeadsPage *self)
{
  const ZichaRule *rules;
  guint n_rules = 0;
  GStrvBuilder *labels, *ids;

  labels = g_strv_builder_new ();
  ids = g_strv_builder_new ();
  for (guint a = 0; a < ZICHA_RISK_LEADS_N_AREAS; a++)
    {
      g_strv_builder_add (labels, zicha_rule_area_get_label (a));
      g_strv_builder_add (ids, zicha_rule_area_to_string (a));
    }
  zicha_filter_dropdown_setup (self->area_dropdown, _("All focus areas"),
                               g_strv_builder_end (labels), g_strv_builder_end (ids));
  g_strv_builder_unref (labels);
  g_strv_builder_unref (ids);

  labels = g_strv_builder_new ();
  ids = g_strv_builder_new ();
  rules = zicha_rules_get_all (&n_rules);
  for (guint i = 0; i < n_rules; i++)
    {
      g_strv_builder_add (labels, zicha_rule_get_title (&rules[i]));
      g_strv_builder_add (ids, rules[i].id);
    }
  zicha_filter_dropdown_setup (self->rule_dropdown, _("All rules"),
                               g_strv_builder_end (labels), g_strv_builder_end (ids));
  g_strv_builder_unref (labels);
  g_strv_builder_unref (ids);

  labels = g_strv_builder_new ();
  ids = g_strv_builder_new ();
  for (guint s = ZICHA_RULE_SEVERITY_HIGH; s <= ZICHA_RULE_SEVERITY_LOW; s++)
    {
      g_strv_builder_add (labels, zicha_rule_severity_get_label (s));
      g_strv_builder_add (ids, zicha_rule_severity_to_string (s));
    }
  zicha_filter_dropdown_setup (self->severity_dropdown, _("All severities"),
                               g_strv_builder_end (labels), g_strv_builder_end (ids));
  g_strv_builder_unref (labels);
  g_strv_builder_unref (ids);

  labels = g_strv_builder_new ();
  ids = g_strv_builder_new ();
  for (guint s = 0; s < G_N_ELEMENTS (filter_statuses); s++)
    {
      g_strv_builder_add (labels, zicha_hit_status_get_label (filter_statuses[s]));
      g_strv_builder_add (ids, zicha_hit_status_to_string (filter_statuses[s]));
    }
  zicha_filter_dropdown_setup (self->status_dropdown, _("All statuses"),
                               g_strv_builder_end (labels), g_strv_builder_end (ids));
  g_strv_builder_unref (labels);
  g_strv_builder_unref (ids);

  /* The rules sidebar: all rules, then each rule under its area. */
  self->rule_rows = g_ptr_array_new ();
  self->all_rules_row = GTK_LIST_BOX_ROW (new_rule_row (_("All rules"), FALSE));
  gtk_list_box_append (self->rules_list, GTK_WIDGET (self->all_rules_row));
  for (guint i = 0; i < n_rules; i++)
    {
      GtkWidget *row = new_rule_row (zicha_rule_get_title (&rules[i]), FALSE);

      g_object_set_data (G_OBJECT (row), "zicha-rule", (gpointer) &rules[i]);
      gtk_list_box_append (self->rules_list, row);
      g_ptr_array_add (self->rule_rows, row);
    }
  gtk_list_box_set_header_func (self->rules_list, rules_header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->rules_list, rules_filter_func, self, NULL);
  gtk_list_box_select_row (self->rules_list, self->all_rules_row);
}

void
_zicha_risk_leads_page_class_filters_init (ZichaRiskLeadsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_as_of_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rule_row_selected_cb);
}

void
_zicha_risk_leads_page_filters_init (ZichaRiskLeadsPage *self)
{
  for (guint a = 0; a < ZICHA_RISK_LEADS_N_AREAS; a++)
    add_area_card (self, a);
  setup_filters (self);
}
