/* zicha-risk-leads-page-list.c — the Risk leads page: the list and the details pane
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The column view over the ZichaHitList (its columns and cells, the menu of a right click,
 * the count and the spinner while it loads), its selection — several leads at once, as in
 * any list: Ctrl and Shift with a click or the arrow keys, Ctrl+A — and the details pane
 * (ZichaHitDetail) of the current lead: the one selected last (a Shift range ends at the
 * one clicked), or focused. Part of ZichaRiskLeadsPage (zicha-risk-leads-page-private.h). */
#define G_LOG_DOMAIN "zicha-risk-leads"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-risk-leads-page-private.h"

/* The list -------------------------------------------------------------------------------- */

/* The selection ------------------------------------------------------------------------------ */

static ZichaHitRow *
dup_row (ZichaRiskLeadsPage *self,
         guint               position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->selection), position);
}

static gint64
id_at (ZichaRiskLeadsPage *self,
       guint               position)
{
  g_autoptr(ZichaHitRow) row = dup_row (self, position);

  return row != NULL ? zicha_hit_row_get_id (row) : 0;
}

ZichaHitRow *
_zicha_risk_leads_page_dup_current_row (ZichaRiskLeadsPage *self)
{
  guint position;

  if (self->current_id == 0 || self->list == NULL)
    return NULL;
  /* where it was last: a look at one row, not a search through a million ids */
  if (self->current_position != GTK_INVALID_LIST_POSITION
      && id_at (self, self->current_position) == self->current_id)
    return dup_row (self, self->current_position);
  position = zicha_paged_list_find (ZICHA_PAGED_LIST (self->list), self->current_id);
  self->current_position = position;
  return dup_row (self, position);
}

guint
_zicha_risk_leads_page_get_n_selected (ZichaRiskLeadsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));

  return (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);
}

GPtrArray *
_zicha_risk_leads_page_get_selected_hits (ZichaRiskLeadsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));
  GPtrArray *hits;
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_get_size (selected) > ZICHA_RISK_LEADS_MAX_TRIAGE)
    return NULL;
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_hit_free);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(ZichaHitRow) row = dup_row (self, position);
      const ZichaHit *hit = row != NULL ? zicha_hit_row_get_hit (row) : NULL;

      if (hit != NULL)
        g_ptr_array_add (hits, zicha_hit_copy (hit));
    }
  return hits;
}

void
_zicha_risk_leads_page_select_only (ZichaRiskLeadsPage *self,
                                    guint               position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

/* The current lead after the selection changed: among the leads newly selected, the one
 * farthest from the current one in the direction they were added (a Shift range ends at the
 * one clicked, a Ctrl click adds one); else the current one while it stays selected; else
 * the last selected. */
static void
find_current (ZichaRiskLeadsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GtkBitset) added = gtk_bitset_copy (selected);
  g_autoptr(ZichaHitRow) row = _zicha_risk_leads_page_dup_current_row (self);
  guint current = row != NULL ? self->current_position : GTK_INVALID_LIST_POSITION;

  if (self->last_selection != NULL)
    gtk_bitset_subtract (added, self->last_selection);
  if (!gtk_bitset_is_empty (added))
    {
      guint last = gtk_bitset_get_maximum (added);

      if (current != GTK_INVALID_LIST_POSITION && last < current)
        current = gtk_bitset_get_minimum (added);
      else
        current = last;
    }
  else if (current == GTK_INVALID_LIST_POSITION || !gtk_bitset_contains (selected, current))
    current = gtk_bitset_is_empty (selected) ? GTK_INVALID_LIST_POSITION
                                             : gtk_bitset_get_maximum (selected);
  self->current_position = current;
  self->current_id = id_at (self, current);
  /* (the model's own bitset, which it changes: a copy) */
  g_clear_pointer (&self->last_selection, gtk_bitset_unref);
  self->last_selection = gtk_bitset_copy (selected);
}

static void
update_count (ZichaRiskLeadsPage *self)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  guint n, selected;

  if (self->list == NULL)
    {
      gtk_label_set_text (self->count_label, "");
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  number = _zicha_app_format_count (n);
  selected = _zicha_risk_leads_page_get_n_selected (self);
  if (selected > 1)
    {
      g_autofree char *n_selected = _zicha_app_format_count (selected);

      /* Translators: %1$s risk leads selected of %2$s, e.g. "3 of 1,234 leads selected" */
      text = g_strdup_printf (ngettext ("%1$s of %2$s lead selected",
                                        "%1$s of %2$s leads selected", n), n_selected, number);
    }
  else
    /* Translators: %s is a number of risk leads, e.g. "1,234" */
    text = g_strdup_printf (ngettext ("%s lead", "%s leads", n), number);
  gtk_label_set_text (self->count_label, text);
}

static void
on_loading_changed_cb (ZichaRiskLeadsPage *self,
                       GParamSpec         *pspec,
                       ZichaHitList       *list)
{
  gboolean loading = zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list));

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  if (!loading)
    update_count (self);
}

static void
on_selection_changed_cb (ZichaRiskLeadsPage *self)
{
  find_current (self);
  update_count (self);
  _zicha_risk_leads_page_update_details (self);
  _zicha_risk_leads_page_update_actions (self);
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
  /* on a lead of the selection: the menu is for all of them; else for that one */
  if (!gtk_list_item_get_selected (item))
    _zicha_risk_leads_page_select_only (self, gtk_list_item_get_position (item));
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
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    _zicha_risk_leads_page_select_only (self, position);
  gtk_widget_child_focus (GTK_WIDGET (self->detail), GTK_DIR_TAB_FORWARD);
}

void
_zicha_risk_leads_page_clear_list (ZichaRiskLeadsPage *self)
{
  if (self->selection != NULL)
    gtk_multi_selection_set_model (self->selection, NULL);
  self->current_id = 0;
  self->current_position = GTK_INVALID_LIST_POSITION;
  g_clear_pointer (&self->last_selection, gtk_bitset_unref);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
}

void
_zicha_risk_leads_page_load_list (ZichaRiskLeadsPage *self)
{
  if (self->db != NULL)
    {
      self->list = zicha_hit_list_new (self->db);
      g_signal_connect_object (self->list, "notify::loading",
                               G_CALLBACK (on_loading_changed_cb), self, G_CONNECT_SWAPPED);
      _zicha_risk_leads_page_apply_filter (self);
      gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->list));
      on_loading_changed_cb (self, NULL, self->list);
    }
  else
    update_count (self);
}

/* Details --------------------------------------------------------------------------------- */

void
_zicha_risk_leads_page_update_details (ZichaRiskLeadsPage *self)
{
  g_autoptr(ZichaHitRow) row = _zicha_risk_leads_page_dup_current_row (self);
  g_autoptr(GPtrArray) hits = _zicha_risk_leads_page_get_selected_hits (self);
  guint untriaged = 0;

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const ZichaHit *hit = g_ptr_array_index (hits, i);

      untriaged += hit->status == ZICHA_HIT_OPEN || hit->status == ZICHA_HIT_RESOLVED;
    }
  zicha_hit_detail_set_hit (self->detail, self->db, row != NULL ? zicha_hit_row_get_hit (row)
                                                                : NULL);
  zicha_hit_detail_set_selection (self->detail, _zicha_risk_leads_page_get_n_selected (self),
                                  untriaged);
}

/* Setup ----------------------------------------------------------------------------------- */

void
_zicha_risk_leads_page_class_list_init (ZichaRiskLeadsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
}

void
_zicha_risk_leads_page_list_init (ZichaRiskLeadsPage *self)
{
  build_columns (self);

  self->current_position = GTK_INVALID_LIST_POSITION;
  self->selection = gtk_multi_selection_new (NULL);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* a list read anew drops its selection without saying so */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->row_menu_popover = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu_popover), FALSE);
  gtk_widget_set_halign (self->row_menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu_popover, GTK_WIDGET (self));
}
