/* zicha-record-view.c — one kind of record: list, search and details
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The column view shows a ZichaRecordList, which sorts and searches in SQL: each column gets a
 * ZichaColumnSorter, which tells which column header the user clicked. */
#define G_LOG_DOMAIN "zicha-record-view"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-column-sorter.h"
#include "zicha-record-view.h"

struct _ZichaRecordView
{
  GtkWidget            parent_instance;

  ZichaRecordKind      kind;
  ZichaDb             *db;
  ZichaRecordList     *list;
  GtkSingleSelection  *selection;
  gint64               pending_id;
  gulong               loading_handler;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkSpinner          *spinner;
  GtkLabel            *count_label;
  GtkColumnView       *column_view;
  GtkWidget           *details_box;
};

G_DEFINE_FINAL_TYPE (ZichaRecordView, zicha_record_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NAVIGATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void ensure_list (ZichaRecordView *self);

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
on_related_activated_cb (AdwActionRow    *row,
                         ZichaRecordView *self)
{
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "zicha-kind"));
  gint64 *id = g_object_get_data (G_OBJECT (row), "zicha-id");

  g_signal_emit (self, signals[NAVIGATE], 0, kind, *id);
}

static void
show_details (ZichaRecordView *self)
{
  ZichaRecordRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) related = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  const char *section = NULL;
  GtkWidget *title;

  clear_box (self->details_box);

  if (row == NULL || self->db == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Select a record to see its details and related "
                                          "records."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (self->details_box), label);
      return;
    }

  title = gtk_label_new (zicha_record_row_get_title (row));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-3");
  gtk_box_append (GTK_BOX (self->details_box), title);

  fields = zicha_record_get_fields (self->db, self->kind, zicha_record_row_get_id (row), &error);
  if (fields == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (self->details_box), label);
      return;
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Details"));
  for (guint i = 0; i < fields->len; i++)
    {
      ZichaRecordField *field = g_ptr_array_index (fields, i);

      if (field->value[0] == '\0')
        continue;
      adw_preferences_group_add (group, new_row (field->label, field->value));
    }
  gtk_box_append (GTK_BOX (self->details_box), GTK_WIDGET (group));

  related = zicha_record_get_related (self->db, self->kind, zicha_record_row_get_id (row),
                                      &error);
  if (related == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  group = NULL;
  for (guint i = 0; i < related->len; i++)
    {
      ZichaRelatedRecord *rec = g_ptr_array_index (related, i);
      GtkWidget *action_row;

      if (group == NULL || g_strcmp0 (section, rec->section) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, rec->section);
          gtk_box_append (GTK_BOX (self->details_box), GTK_WIDGET (group));
          section = rec->section;
        }

      action_row = new_row (rec->title[0] != '\0' ? rec->title : "—", rec->subtitle);
      if (zicha_record_list_kind_supported (rec->kind))
        {
          g_object_set_data (G_OBJECT (action_row), "zicha-kind", GUINT_TO_POINTER (rec->kind));
          g_object_set_data_full (G_OBJECT (action_row), "zicha-id",
                                  g_memdup2 (&rec->id, sizeof rec->id), g_free);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (action_row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_widget_set_tooltip_text (action_row, _("Show this record"));
          g_signal_connect (action_row, "activated", G_CALLBACK (on_related_activated_cb), self);
        }
      adw_preferences_group_add (group, action_row);
    }
}

static void
update_count (ZichaRecordView *self)
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
  /* Translators: %s is a number of records, e.g. "1,234". */
  text = g_strdup_printf (ngettext ("%s record", "%s records", n), number);
  gtk_label_set_text (self->count_label, text);
}

static void
select_pending (ZichaRecordView *self)
{
  GtkWidget *child;
  guint position;

  if (self->pending_id == 0 || self->list == NULL
      || zicha_paged_list_get_loading (ZICHA_PAGED_LIST (self->list)))
    return;

  position = zicha_paged_list_find (ZICHA_PAGED_LIST (self->list), self->pending_id);
  self->pending_id = 0;
  if (position == G_MAXUINT)
    return;

  gtk_single_selection_set_selected (self->selection, position);

  /* GTK 4.8 has no gtk_column_view_scroll_to(): its list view has the action. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
on_loading_changed_cb (ZichaRecordView *self,
                       GParamSpec      *pspec,
                       ZichaRecordList *list)
{
  gboolean loading = zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list));

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  if (!loading)
    {
      update_count (self);
      select_pending (self);
    }
}

static void
on_selected_changed_cb (ZichaRecordView    *self,
                        GParamSpec         *pspec,
                        GtkSingleSelection *selection)
{
  show_details (self);
}

static void
on_search_changed_cb (ZichaRecordView *self,
                      GtkSearchEntry  *entry)
{
  ensure_list (self);
  if (self->list != NULL)
    zicha_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_sorter_changed_cb (ZichaRecordView *self,
                      GtkSorterChange  change,
                      GtkSorter       *sorter)
{
  guint column;
  gboolean descending;

  if (self->list == NULL)
    return;

  /* No column sorts (never after a click in GTK 4.8): the list keeps its default order. */
  if (zicha_column_sorter_get_primary (sorter, &column, &descending))
    zicha_record_list_set_sort (self->list, column, descending);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "zicha-numeric"));

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  /* Keys, dates and numbers in full; long names are cut to the column's width. */
  if (g_object_get_data (G_OBJECT (factory), "zicha-long") != NULL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  ZichaRecordRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), row != NULL ? zicha_record_row_get_value (row, column)
                                                     : "");
}

/* Names and free text: cut to a fixed width rather than widening the table. */
static gboolean
is_long_column (ZichaRecordKind kind,
                guint           column)
{
  static const char * const long_ids[] = {
    "org", "name", "scope_codes", "reason", "summary", "note", "source", "authority",
  };
  const char *id = zicha_record_kind_get_column_id (kind, column);

  for (guint i = 0; i < G_N_ELEMENTS (long_ids); i++)
    if (g_str_equal (id, long_ids[i]))
      return TRUE;
  return FALSE;
}

static void
build_columns (ZichaRecordView *self)
{
  guint n = zicha_record_kind_get_n_columns (self->kind);

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      if (zicha_record_kind_get_column_detail_only (self->kind, c))
        continue;

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "zicha-numeric",
                         GINT_TO_POINTER (zicha_record_kind_get_column_numeric (self->kind, c)));
      if (is_long_column (self->kind, c))
        g_object_set_data (G_OBJECT (factory), "zicha-long", GINT_TO_POINTER (TRUE));
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (c));

      column = gtk_column_view_column_new (zicha_record_kind_get_column_title (self->kind, c),
                                           g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (is_long_column (self->kind, c))
        gtk_column_view_column_set_fixed_width (column, 200);

      sorter = zicha_column_sorter_new (c);
      gtk_column_view_column_set_sorter (column, sorter);

      gtk_column_view_append_column (self->column_view, column);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
ensure_list (ZichaRecordView *self)
{
  g_autoptr(ZichaRecordList) list = NULL;

  if (self->list != NULL || self->db == NULL)
    return;

  list = zicha_record_list_new (self->db, self->kind);
  self->list = g_object_ref (list);
  self->loading_handler = g_signal_connect_object (list, "notify::loading",
                                                   G_CALLBACK (on_loading_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  zicha_record_list_set_search (list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  on_sorter_changed_cb (self, GTK_SORTER_CHANGE_DIFFERENT,
                        gtk_column_view_get_sorter (self->column_view));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (list));
  on_loading_changed_cb (self, NULL, list);
}

static void
drop_list (ZichaRecordView *self)
{
  gtk_single_selection_set_model (self->selection, NULL);
  if (self->list != NULL)
    g_clear_signal_handler (&self->loading_handler, self->list);
  g_clear_object (&self->list);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  update_count (self);
}

static void
zicha_record_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (zicha_record_view_parent_class)->map (widget);
  ensure_list (ZICHA_RECORD_VIEW (widget));
}

static void
zicha_record_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZichaRecordView *self = ZICHA_RECORD_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_record_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZichaRecordView *self = ZICHA_RECORD_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_record_view_constructed (GObject *object)
{
  ZichaRecordView *self = ZICHA_RECORD_VIEW (object);

  G_OBJECT_CLASS (zicha_record_view_parent_class)->constructed (object);

  g_assert (zicha_record_list_kind_supported (self->kind));
  build_columns (self);
  show_details (self);
}

static void
zicha_record_view_dispose (GObject *object)
{
  GtkWidget *child;
  ZichaRecordView *self = ZICHA_RECORD_VIEW (object);

  if (self->selection != NULL)
    drop_list (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_RECORD_VIEW);
  /* The root box of the template has no id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (zicha_record_view_parent_class)->dispose (object);
}

static void
zicha_record_view_class_init (ZichaRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zicha_record_view_get_property;
  object_class->set_property = zicha_record_view_set_property;
  object_class->constructed = zicha_record_view_constructed;
  object_class->dispose = zicha_record_view_dispose;
  widget_class->map = zicha_record_view_map;

  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, ZICHA_N_RECORD_KINDS - 1, ZICHA_RECORD_CERTIFICATES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A related record was activated: show record @id of @kind. */
  signals[NAVIGATE] = g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-record-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordView, details_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
}

static void
zicha_record_view_init (ZichaRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->kind = ZICHA_RECORD_CERTIFICATES;
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

ZichaRecordView *
zicha_record_view_new (ZichaRecordKind kind)
{
  g_return_val_if_fail (zicha_record_list_kind_supported (kind), NULL);

  return g_object_new (ZICHA_TYPE_RECORD_VIEW, "kind", kind, NULL);
}

ZichaRecordKind
zicha_record_view_get_kind (ZichaRecordView *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_VIEW (self), ZICHA_N_RECORD_KINDS);
  return self->kind;
}

void
zicha_record_view_set_db (ZichaRecordView *self,
                          ZichaDb         *db)
{
  g_return_if_fail (ZICHA_IS_RECORD_VIEW (self));
  g_return_if_fail (db == NULL || ZICHA_IS_DB (db));

  if (self->db == db)
    return;

  drop_list (self);
  g_set_object (&self->db, db);
  show_details (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_list (self);
}

ZichaRecordList *
zicha_record_view_get_list (ZichaRecordView *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_VIEW (self), NULL);

  ensure_list (self);
  return self->list;
}

GtkColumnView *
zicha_record_view_get_column_view (ZichaRecordView *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_VIEW (self), NULL);
  return self->column_view;
}

GtkEditable *
zicha_record_view_get_search_entry (ZichaRecordView *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
zicha_record_view_get_details (ZichaRecordView *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_VIEW (self), NULL);
  return self->details_box;
}

void
zicha_record_view_reload (ZichaRecordView *self)
{
  g_return_if_fail (ZICHA_IS_RECORD_VIEW (self));

  if (self->list != NULL)
    zicha_record_list_reload (self->list);
  show_details (self);
}

void
zicha_record_view_show_record (ZichaRecordView *self,
                               gint64           id)
{
  g_return_if_fail (ZICHA_IS_RECORD_VIEW (self));

  ensure_list (self);
  self->pending_id = id;
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      /* Without waiting for the entry's delay. */
      if (self->list != NULL)
        zicha_record_list_set_search (self->list, NULL);
    }
  select_pending (self);
}

gint64
zicha_record_view_get_selected_id (ZichaRecordView *self)
{
  ZichaRecordRow *row;

  g_return_val_if_fail (ZICHA_IS_RECORD_VIEW (self), 0);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? zicha_record_row_get_id (row) : 0;
}
