/* zicha-risk-leads-page.c — the hits of the risk rules (风险线索): run, filter and triage
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a ZichaHitList (filtered and ordered in SQL, read page by page) in a column
 * view; the four focus-area cards and the rules sidebar show counts and set the filters; the
 * details pane explains the selected hit and links to its records. Runs go through
 * zicha_rules_run_async, triage through zicha_hits_confirm/_dismiss/_undo_triage. */
#define G_LOG_DOMAIN "zicha-risk-leads"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-application.h"
#include "zicha-area-card.h"
#include "zicha-filter-dropdown.h"
#include "zicha-hit-detail.h"
#include "zicha-hit-list.h"
#include "zicha-hits.h"
#include "zicha-risk-leads-page.h"
#include "zicha-rules.h"

#define N_AREAS (ZICHA_RULE_AREA_CAPABILITY + 1)

struct _ZichaRiskLeadsPage
{
  GtkWidget            parent_instance;

  ZichaDb             *db;
  ZichaHitList        *list;
  GtkSingleSelection  *selection;
  GDate                as_of;
  gboolean             as_of_chosen;

  GCancellable        *run_cancellable;
  ZichaDb             *run_db;
  ZichaRuleRunResult  *last_result;

  GPtrArray           *rule_counts;    /* ZichaHitRuleCount */
  ZichaAreaCard       *area_cards[N_AREAS];
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

G_DEFINE_FINAL_TYPE (ZichaRiskLeadsPage, zicha_risk_leads_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const ZichaHitStatus filter_statuses[] = {
  ZICHA_HIT_OPEN, ZICHA_HIT_CONFIRMED, ZICHA_HIT_DISMISSED, ZICHA_HIT_RESOLVED,
};

static void update_details (ZichaRiskLeadsPage *self);
static void update_actions (ZichaRiskLeadsPage *self);

/* Helpers --------------------------------------------------------------------------------- */

static char *
get_user_name (ZichaRiskLeadsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  if (app == NULL)
    app = GTK_APPLICATION (g_application_get_default ());
  if (ZICHA_IS_APPLICATION (app))
    return zicha_application_get_user_name (ZICHA_APPLICATION (app));
  return zicha_application_get_default_user_name ();
}

static void
on_toast_dismissed_cb (AdwToast           *toast,
                       ZichaRiskLeadsPage *self)
{
  if (self->toast == toast)
    self->toast = NULL;
}

/* Shows @title, with an Undo button for @undo_hit when it is not 0. A toast still shown is
 * changed in place rather than queued behind: its Undo would no longer apply to what the
 * user looks at, and the toast widget follows the toast's properties. */
static void
show_toast (ZichaRiskLeadsPage *self,
            const char         *title,
            gint64              undo_hit)
{
  AdwToast *toast = self->toast;

  if (toast == NULL)
    {
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 8);
      self->toast = toast;
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    adw_toast_set_title (toast, title);

  /* The button follows each property at once: never a name without its target. */
  if (undo_hit != 0)
    {
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (undo_hit));
      adw_toast_set_action_name (toast, "risk.undo-triage");
      adw_toast_set_button_label (toast, _("_Undo"));
    }
  else
    {
      adw_toast_set_button_label (toast, NULL);
      adw_toast_set_action_name (toast, NULL);
      adw_toast_set_action_target_value (toast, NULL);
    }
}

static ZichaHitRow *
get_selected_row (ZichaRiskLeadsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* As-of date ------------------------------------------------------------------------------ */

static void
update_as_of (ZichaRiskLeadsPage *self)
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

static void
reset_as_of (ZichaRiskLeadsPage *self)
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
  update_as_of (self);
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
  guint by_area[N_AREAS][ZICHA_HIT_RESOLVED + 1] = { { 0, } };
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

  for (guint a = 0; a < N_AREAS; a++)
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

static void
refresh_counts (ZichaRiskLeadsPage *self)
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

static void
apply_filter (ZichaRiskLeadsPage *self)
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
  apply_filter (self);
}

static void
on_search_changed_cb (ZichaRiskLeadsPage *self,
                      GtkSearchEntry     *entry)
{
  apply_filter (self);
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

/* The list -------------------------------------------------------------------------------- */

static void
update_count (ZichaRiskLeadsPage *self)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (self->list == NULL)
    {
      gtk_label_set_text (self->count_label, "");
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  number = _zicha_app_format_count (n);
  /* Translators: %s is a number of risk leads, e.g. "1,234" */
  text = g_strdup_printf (ngettext ("%s lead", "%s leads", n), number);
  gtk_label_set_text (self->count_label, text);
}

static void
on_loading_changed_cb (ZichaRiskLeadsPage *self,
                       GParamSpec         *pspec,
                       ZichaHitList       *list)
{
  gboolean loading = zicha_hit_list_get_loading (list);

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  if (!loading)
    update_count (self);
}

static void
on_selected_changed_cb (ZichaRiskLeadsPage *self,
                        GParamSpec         *pspec,
                        GtkSingleSelection *selection)
{
  update_details (self);
  update_actions (self);
}

typedef enum
{
  COLUMN_SEVERITY,
  COLUMN_RULE,
  COLUMN_ENTITY,
  COLUMN_STATUS,
  COLUMN_MESSAGE,
} Column;

static void
bind_cell (GtkListItem *item)
{
  ZichaHitRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "zicha-column"));
  const ZichaHit *hit = row != NULL ? zicha_hit_row_get_hit (row) : NULL;
  const char *text = "";

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (hit == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      return;
    }
  switch (column)
    {
    case COLUMN_SEVERITY:
      text = zicha_hit_row_get_severity_label (row);
      gtk_widget_add_css_class (label, zicha_hit_severity_css_class (hit->severity));
      break;
    case COLUMN_RULE:
      text = zicha_hit_row_get_rule_title (row);
      break;
    case COLUMN_ENTITY:
      text = hit->entity_key;
      break;
    case COLUMN_STATUS:
      text = zicha_hit_row_get_status_label (row);
      if (hit->status != ZICHA_HIT_OPEN)
        gtk_widget_add_css_class (label, "dim-label");
      break;
    case COLUMN_MESSAGE:
    default:
      text = hit->message;
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (column == COLUMN_MESSAGE || column == COLUMN_RULE)
    gtk_widget_set_tooltip_text (label, text);
}

static void
on_row_hit_changed_cb (ZichaHitRow *row,
                       GParamSpec  *pspec,
                       GtkListItem *item)
{
  bind_cell (item);
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkListItem     *item)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (gtk_widget_get_ancestor (
                                                      label, ZICHA_TYPE_RISK_LEADS_PAGE));
  graphene_point_t point;

  if (self == NULL || gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  if (!gtk_widget_compute_point (label, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu_popover),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu_popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_UINT (user_data);
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_MESSAGE || column == COLUMN_RULE || column == COLUMN_ENTITY)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "zicha-column", GUINT_TO_POINTER (column));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_cell_pressed_cb), item);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (gesture));
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  ZichaHitRow *row = gtk_list_item_get_item (item);

  bind_cell (item);
  if (row != NULL)
    g_signal_connect_object (row, "notify::hit", G_CALLBACK (on_row_hit_changed_cb), item, 0);
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  ZichaHitRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_hit_changed_cb, item);
}

static void
build_columns (ZichaRiskLeadsPage *self)
{
  static const struct
  {
    const char *title;
    int         width;   /* fixed width, or -1 */
    gboolean    expand;
  } columns[] = {
    [COLUMN_SEVERITY] = { N_("Severity"), -1, FALSE },
    [COLUMN_RULE] = { N_("Rule"), 130, FALSE },
    [COLUMN_ENTITY] = { N_("Object"), 100, FALSE },
    [COLUMN_STATUS] = { N_("Status"), -1, FALSE },
    [COLUMN_MESSAGE] = { N_("Explanation"), -1, TRUE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), NULL);
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      if (columns[c].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
on_column_view_activate_cb (ZichaRiskLeadsPage *self,
                            guint               position,
                            GtkColumnView      *column_view)
{
  /* Enter on a row: the details pane takes the focus, with the triage buttons. */
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_child_focus (GTK_WIDGET (self->detail), GTK_DIR_TAB_FORWARD);
}

/* Details --------------------------------------------------------------------------------- */

static void
update_details (ZichaRiskLeadsPage *self)
{
  ZichaHitRow *row = get_selected_row (self);

  zicha_hit_detail_set_hit (self->detail, self->db, row != NULL ? zicha_hit_row_get_hit (row)
                                                                : NULL);
}

static void
update_actions (ZichaRiskLeadsPage *self)
{
  ZichaHitRow *row = get_selected_row (self);
  const ZichaHit *hit = row != NULL ? zicha_hit_row_get_hit (row) : NULL;
  gboolean running = self->run_cancellable != NULL;
  gboolean untriaged = hit != NULL && *hit->rule != '\0'
                       && (hit->status == ZICHA_HIT_OPEN || hit->status == ZICHA_HIT_RESOLVED);
  gboolean triaged = hit != NULL
                     && (hit->status == ZICHA_HIT_CONFIRMED || hit->status == ZICHA_HIT_DISMISSED);

  /* a read-only database is shown, never changed (the header says so) */
  gboolean writable = self->db != NULL && !zicha_db_get_read_only (self->db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.run", writable && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.confirm", writable && untriaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.dismiss", writable && untriaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.undo", writable && triaged);
}

/* After triage: the row, the details, the counts. */
static void
hit_changed (ZichaRiskLeadsPage *self,
             gint64              hit_id,
             const char         *rule_id,
             ZichaHitStatus      old_status)
{
  g_autoptr(ZichaHit) hit = self->db != NULL ? zicha_hits_get (self->db, hit_id, NULL) : NULL;
  gboolean counted = FALSE;

  if (self->list != NULL)
    zicha_hit_list_update_hit (self->list, hit_id);

  /* Move the hit between the counts instead of counting a million hits again. */
  for (guint i = 0; hit != NULL && self->rule_counts != NULL && i < self->rule_counts->len; i++)
    {
      ZichaHitRuleCount *count = g_ptr_array_index (self->rule_counts, i);

      if (g_strcmp0 (count->rule_id, rule_id) == 0 && count->by_status[old_status] > 0)
        {
          count->by_status[old_status]--;
          count->by_status[hit->status]++;
          counted = TRUE;
          break;
        }
    }
  if (counted)
    {
      update_cards (self);
      update_rule_rows (self);
    }
  else
    refresh_counts (self);
  update_details (self);
  update_actions (self);
}

/* Running the rules ----------------------------------------------------------------------- */

static void
on_run_progress_cb (guint       done,
                    guint       total,
                    const char *rule_id,
                    gpointer    user_data)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (user_data);
  const ZichaRule *rule = rule_id != NULL ? zicha_rules_lookup (rule_id) : NULL;
  g_autofree char *text = NULL;

  if (self->progress_bar == NULL)
    return;   /* disposed while the run went on */
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  if (rule != NULL)
    /* Translators: %1$u rules of %2$u are done; %3$s is the title of the last one */
    text = g_strdup_printf (_("%1$u of %2$u rules: %3$s"), done, total,
                            zicha_rule_get_title (rule));
  else
    text = g_strdup (_("Starting…"));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
set_running (ZichaRiskLeadsPage *self,
             GCancellable       *cancellable)
{
  g_set_object (&self->run_cancellable, cancellable);
  gtk_widget_set_visible (self->progress_box, cancellable != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->run_label), cancellable == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->as_of_button), cancellable == NULL);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
on_run_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ZichaRiskLeadsPage) self = user_data;
  g_autoptr(ZichaRuleRunResult) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) run_db = g_steal_pointer (&self->run_db);

  run = zicha_rules_run_finish (ZICHA_DB (source), result, &error);
  if (self->toast_overlay == NULL)
    return;   /* disposed while the run went on */
  set_running (self, NULL);

  if (run == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("The run of the rules was cancelled; the risk leads are as before"), 0);
      else
        show_toast (self, error->message, 0);
      return;
    }
  if (run_db != self->db)
    return;   /* another database was opened meanwhile */

  {
    g_autofree char *text = NULL;

    /* Translators: after a run of the rules; %1$u risk leads found, %2$u of them new,
     * %3$u earlier ones no longer found */
    text = g_strdup_printf (_("%1$u risk leads found: %2$u new, %3$u resolved"),
                            run->total_hits, run->new_hits, run->resolved_hits);
    show_toast (self, text, 0);
  }
  g_clear_pointer (&self->last_result, zicha_rule_run_result_free);
  self->last_result = g_steal_pointer (&run);
  refresh_counts (self);
  if (self->list != NULL)
    zicha_hit_list_reload (self->list);
}

/* Actions --------------------------------------------------------------------------------- */

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  zicha_risk_leads_page_run (ZICHA_RISK_LEADS_PAGE (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);

  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
}

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);
  gint64 id = zicha_risk_leads_page_get_selected_id (self);

  if (id != 0)
    zicha_risk_leads_page_confirm_hit (self, id);
}

static void
dismiss_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);
  gint64 id = zicha_risk_leads_page_get_selected_id (self);

  if (id != 0)
    zicha_risk_leads_page_ask_dismiss (self, id);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);
  gint64 id = zicha_risk_leads_page_get_selected_id (self);

  if (id != 0)
    zicha_risk_leads_page_undo_hit (self, id);
}

static void
undo_triage_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  zicha_risk_leads_page_undo_hit (ZICHA_RISK_LEADS_PAGE (widget), g_variant_get_int64 (param));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);

  if (gtk_widget_is_drawable (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The dismiss dialog ---------------------------------------------------------------------- */

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "dismiss", *reason != '\0');
}

static void
on_reason_activate_cb (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "dismiss"))
    adw_message_dialog_response (dialog, "dismiss");
}

static void
on_dismiss_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        ZichaRiskLeadsPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "zicha-entry");
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "zicha-hit");

  if (g_str_equal (response, "dismiss"))
    zicha_risk_leads_page_dismiss_hit (self, *id, gtk_editable_get_text (entry));
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
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_pointer (&self->row_menu_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_RISK_LEADS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->db);
  g_clear_object (&self->run_db);
  g_clear_pointer (&self->rule_counts, g_ptr_array_unref);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_result, zicha_rule_run_result_free);

  G_OBJECT_CLASS (zicha_risk_leads_page_parent_class)->dispose (object);
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
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rule_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "risk.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "risk.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "risk.confirm", NULL, confirm_activated);
  gtk_widget_class_install_action (widget_class, "risk.dismiss", NULL, dismiss_activated);
  gtk_widget_class_install_action (widget_class, "risk.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "risk.undo-triage", "x", undo_triage_activated);
  gtk_widget_class_install_action (widget_class, "risk.search", NULL, search_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "risk.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "risk.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "risk.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "risk.dismiss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "risk.dismiss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "risk.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "risk.search", NULL);
}

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
  for (guint a = 0; a < N_AREAS; a++)
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

static void
zicha_risk_leads_page_init (ZichaRiskLeadsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint a = 0; a < N_AREAS; a++)
    add_area_card (self, a);
  setup_filters (self);
  build_columns (self);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->row_menu_popover = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu_popover), FALSE);
  gtk_widget_set_halign (self->row_menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu_popover, GTK_WIDGET (self));

  g_date_clear (&self->as_of, 1);
  reset_as_of (self);
  set_running (self, NULL);
  refresh_counts (self);
  update_details (self);
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

  gtk_single_selection_set_model (self->selection, NULL);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_set_object (&self->db, db);
  g_clear_pointer (&self->last_result, zicha_rule_run_result_free);

  if (db != NULL)
    {
      self->list = zicha_hit_list_new (db);
      g_signal_connect_object (self->list, "notify::loading",
                               G_CALLBACK (on_loading_changed_cb), self, G_CONNECT_SWAPPED);
      apply_filter (self);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
      on_loading_changed_cb (self, NULL, self->list);
    }
  else
    update_count (self);

  reset_as_of (self);
  refresh_counts (self);
  update_details (self);
  update_actions (self);
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
  update_as_of (self);
}

gboolean
zicha_risk_leads_page_run (ZichaRiskLeadsPage *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *user_name = NULL;
  ZichaRuleRunOptions options = { 0, };

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL || self->run_cancellable != NULL)
    return FALSE;

  user_name = get_user_name (self);
  options.as_of = self->as_of;
  options.user_name = user_name;
  cancellable = g_cancellable_new ();
  g_set_object (&self->run_db, self->db);

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  on_run_progress_cb (0, 0, NULL, self);
  set_running (self, cancellable);
  zicha_rules_run_async (self->db, &options, on_run_progress_cb, g_object_ref (self),
                         g_object_unref, cancellable, on_run_done_cb, g_object_ref (self));
  return TRUE;
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
  gtk_single_selection_set_selected (self->selection, position);
}

gint64
zicha_risk_leads_page_get_selected_id (ZichaRiskLeadsPage *self)
{
  ZichaHitRow *row;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), 0);
  row = get_selected_row (self);
  return row != NULL ? zicha_hit_row_get_id (row) : 0;
}

gboolean
zicha_risk_leads_page_confirm_hit (ZichaRiskLeadsPage *self,
                                   gint64              hit_id)
{
  g_autoptr(ZichaHit) before = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL)
    return FALSE;
  before = zicha_hits_get (self->db, hit_id, &error);
  user_name = get_user_name (self);
  if (before == NULL || !zicha_hits_confirm (self->db, hit_id, user_name, NULL, &error))
    {
      show_toast (self, error->message, 0);
      return FALSE;
    }
  hit_changed (self, hit_id, before->rule, before->status);
  show_toast (self, _("Confirmed as a problem; it is now in the problem list"), hit_id);
  return TRUE;
}

gboolean
zicha_risk_leads_page_dismiss_hit (ZichaRiskLeadsPage *self,
                                   gint64              hit_id,
                                   const char         *reason)
{
  g_autoptr(ZichaHit) before = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL)
    return FALSE;
  before = zicha_hits_get (self->db, hit_id, &error);
  user_name = get_user_name (self);
  if (before == NULL || !zicha_hits_dismiss (self->db, hit_id, reason, user_name, &error))
    {
      show_toast (self, error->message, 0);
      return FALSE;
    }
  hit_changed (self, hit_id, before->rule, before->status);
  show_toast (self, _("Risk lead dismissed"), hit_id);
  return TRUE;
}

gboolean
zicha_risk_leads_page_undo_hit (ZichaRiskLeadsPage *self,
                                gint64              hit_id)
{
  g_autoptr(ZichaHit) before = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL)
    return FALSE;
  before = zicha_hits_get (self->db, hit_id, &error);
  user_name = get_user_name (self);
  if (before == NULL || !zicha_hits_undo_triage (self->db, hit_id, user_name, &error))
    {
      show_toast (self, error->message, 0);
      return FALSE;
    }
  hit_changed (self, hit_id, before->rule, before->status);
  show_toast (self, _("The risk lead is open again"), 0);
  return TRUE;
}

AdwMessageDialog *
zicha_risk_leads_page_ask_dismiss (ZichaRiskLeadsPage *self,
                                   gint64              hit_id)
{
  g_autoptr(ZichaHit) hit = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);

  if (self->db == NULL || (hit = zicha_hits_get (self->db, hit_id, &error)) == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Dismiss Risk Lead?"), hit->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "dismiss", _("_Dismiss"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "dismiss",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "dismiss", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "dismiss");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  _("Why is this not a problem? (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for dismissing"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_reason_activate_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data (G_OBJECT (dialog), "zicha-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "zicha-hit", g_memdup2 (&hit_id, sizeof hit_id),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dismiss_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return ADW_MESSAGE_DIALOG (dialog);
}
