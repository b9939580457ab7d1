/* zicha-records-page.c — the imported records: counts, and a list of each kind
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-records-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-page.h"
#include "zicha-records-page.h"

struct _ZichaRecordsPage
{
  GtkWidget             parent_instance;

  ZichaDb              *db;
  GtkLabel             *count_labels[ZICHA_N_RECORD_KINDS];
  GtkLabel             *kind_count_labels[ZICHA_N_RECORD_KINDS];
  ZichaRecordView      *views[ZICHA_N_RECORD_KINDS];
  /* Record kind of each row of kinds_list; ZICHA_N_RECORD_KINDS for the summary. */
  GArray               *row_kinds;

  /* Template widgets */
  GtkListBox           *kinds_list;
  GtkStack             *stack;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *counts_group;
  GtkLabel             *total_label;
};

/* The kinds listed, in the order of the sidebar. */
static const ZichaRecordKind listed_kinds[] = {
  ZICHA_RECORD_CERTIFICATES,
  ZICHA_RECORD_ORGANIZATIONS,
  ZICHA_RECORD_PERSONNEL,
  ZICHA_RECORD_AUDITS,
  ZICHA_RECORD_AUDIT_TEAM,
  ZICHA_RECORD_EXPENSES,
  ZICHA_RECORD_CHECKINS,
  ZICHA_RECORD_CERTIFICATE_EVENTS,
  ZICHA_RECORD_QUALIFICATIONS,
  ZICHA_RECORD_COMPETENCES,
  ZICHA_RECORD_PENALTIES,
  ZICHA_RECORD_WATCHLIST,
  ZICHA_RECORD_COMPLAINTS,
};

static void zicha_records_page_page_init (ZichaPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZichaRecordsPage, zicha_records_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ZICHA_TYPE_PAGE,
                                                      zicha_records_page_page_init))

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_kind_selected_cb (ZichaRecordsPage *self,
                     GtkListBoxRow    *row,
                     GtkListBox       *list_box)
{
  ZichaRecordKind kind;

  if (row == NULL)
    return;

  kind = g_array_index (self->row_kinds, ZichaRecordKind, gtk_list_box_row_get_index (row));
  if (kind == ZICHA_N_RECORD_KINDS)
    gtk_stack_set_visible_child_name (self->stack, "summary");
  else
    gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->views[kind]));
}

static void
on_navigate_cb (ZichaRecordView  *view,
                guint             kind,
                gint64            id,
                ZichaRecordsPage *self)
{
  zicha_records_page_show_record (self, kind, id);
}

static void
add_kind_row (ZichaRecordsPage *self,
              ZichaRecordKind   kind,
              const char       *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);

  gtk_list_box_append (self->kinds_list, box);
  g_array_append_val (self->row_kinds, kind);
  if (kind < ZICHA_N_RECORD_KINDS)
    self->kind_count_labels[kind] = GTK_LABEL (count);
}

static void
zicha_records_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZichaRecordsPage *self = ZICHA_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_records_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZichaRecordsPage *self = ZICHA_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      zicha_records_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_records_page_dispose (GObject *object)
{
  GtkWidget *child;
  ZichaRecordsPage *self = ZICHA_RECORDS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_RECORDS_PAGE);
  /* The root box of the template has no id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->db);
  g_clear_pointer (&self->row_kinds, g_array_unref);

  G_OBJECT_CLASS (zicha_records_page_parent_class)->dispose (object);
}

/* ZichaPage: the records change with an import or a certificate handled. */
static void
zicha_records_page_page_refresh (ZichaPage        *page,
                                 ZichaChangeFlags  what)
{
  if (what & ZICHA_CHANGE_RECORDS)
    zicha_records_page_refresh (ZICHA_RECORDS_PAGE (page));
}

static void
zicha_records_page_page_init (ZichaPageInterface *iface)
{
  iface->refresh = zicha_records_page_page_refresh;
}

static void
zicha_records_page_class_init (ZichaRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zicha_records_page_get_property;
  object_class->set_property = zicha_records_page_set_property;
  object_class->dispose = zicha_records_page_dispose;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         ZICHA_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordsPage, kinds_list);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordsPage, page);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordsPage, counts_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordsPage, total_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
}

static void
zicha_records_page_init (ZichaRecordsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_kinds = g_array_new (FALSE, FALSE, sizeof (ZichaRecordKind));
  add_kind_row (self, ZICHA_N_RECORD_KINDS, C_("records", "Summary"));
  for (guint i = 0; i < G_N_ELEMENTS (listed_kinds); i++)
    {
      ZichaRecordKind kind = listed_kinds[i];

      self->views[kind] = zicha_record_view_new (kind);
      g_signal_connect (self->views[kind], "navigate", G_CALLBACK (on_navigate_cb), self);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->views[kind]),
                           zicha_record_kind_get_id (kind));
      add_kind_row (self, kind, zicha_record_kind_get_label (kind));
    }
  gtk_list_box_select_row (self->kinds_list, gtk_list_box_get_row_at_index (self->kinds_list, 0));

  for (guint i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zicha_record_kind_get_label (i));
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->counts_group, row);
      self->count_labels[i] = GTK_LABEL (label);
    }

  zicha_records_page_refresh (self);
}

GtkWidget *
zicha_records_page_new (void)
{
  return g_object_new (ZICHA_TYPE_RECORDS_PAGE, NULL);
}

ZichaDb *
zicha_records_page_get_db (ZichaRecordsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORDS_PAGE (self), NULL);

  return self->db;
}

void
zicha_records_page_set_db (ZichaRecordsPage *self,
                           ZichaDb          *db)
{
  g_return_if_fail (ZICHA_IS_RECORDS_PAGE (self));
  g_return_if_fail (db == NULL || ZICHA_IS_DB (db));

  if (g_set_object (&self->db, db))
    {
      for (guint i = 0; i < ZICHA_N_RECORD_KINDS; i++)
        if (self->views[i] != NULL)
          zicha_record_view_set_db (self->views[i], db);
      zicha_records_page_refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
    }
}

void
zicha_records_page_refresh (ZichaRecordsPage *self)
{
  gint64 counts[ZICHA_N_RECORD_KINDS] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *total_text = NULL;
  gint64 total = 0;

  g_return_if_fail (ZICHA_IS_RECORDS_PAGE (self));

  if (self->db == NULL || !zicha_db_count_records (self->db, counts, &error))
    {
      for (guint i = 0; i < ZICHA_N_RECORD_KINDS; i++)
        {
          gtk_label_set_text (self->count_labels[i], "—");
          if (self->kind_count_labels[i] != NULL)
            gtk_label_set_text (self->kind_count_labels[i], "");
        }
      gtk_label_set_text (self->total_label, "");
      adw_preferences_group_set_description (self->counts_group,
                                             error != NULL ? error->message
                                                           : _("No database is open."));
      return;
    }

  for (guint i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    {
      g_autofree char *text = _zicha_app_format_count (counts[i]);

      gtk_label_set_text (self->count_labels[i], text);
      if (self->kind_count_labels[i] != NULL)
        gtk_label_set_text (self->kind_count_labels[i], text);
      if (self->views[i] != NULL)
        zicha_record_view_reload (self->views[i]);
      total += counts[i];
    }

  if (total > 0)
    {
      g_autofree char *number = _zicha_app_format_count (total);

      /* Translators: %s is the number of all records, e.g. "12,345". */
      total_text = g_strdup_printf (ngettext ("%s record in all", "%s records in all",
                                              (gulong) MIN ((guint64) total, (guint64) G_MAXULONG)),
                                    number);
    }
  gtk_label_set_text (self->total_label, total_text != NULL ? total_text : "");
  adw_preferences_group_set_description (self->counts_group,
                                         total == 0
                                         ? _("The database holds no records yet. Import the "
                                             "body’s records to start the self-inspection.")
                                         : _("Rows of each kind of record in this database."));
}

ZichaRecordView *
zicha_records_page_get_view (ZichaRecordsPage *self,
                             ZichaRecordKind   kind)
{
  g_return_val_if_fail (ZICHA_IS_RECORDS_PAGE (self), NULL);
  g_return_val_if_fail (kind <= ZICHA_N_RECORD_KINDS, NULL);

  return kind < ZICHA_N_RECORD_KINDS ? self->views[kind] : NULL;
}

ZichaRecordView *
zicha_records_page_show_kind (ZichaRecordsPage *self,
                              ZichaRecordKind   kind)
{
  g_return_val_if_fail (ZICHA_IS_RECORDS_PAGE (self), NULL);
  g_return_val_if_fail (kind <= ZICHA_N_RECORD_KINDS, NULL);

  for (guint i = 0; i < self->row_kinds->len; i++)
    if (g_array_index (self->row_kinds, ZichaRecordKind, i) == kind)
      gtk_list_box_select_row (self->kinds_list,
                               gtk_list_box_get_row_at_index (self->kinds_list, (int) i));
  return zicha_records_page_get_view (self, kind);
}

void
zicha_records_page_show_record (ZichaRecordsPage *self,
                                ZichaRecordKind   kind,
                                gint64            id)
{
  ZichaRecordView *view;

  g_return_if_fail (ZICHA_IS_RECORDS_PAGE (self));

  view = zicha_records_page_show_kind (self, kind);
  if (view != NULL)
    zicha_record_view_show_record (view, id);
}

GtkWidget *
zicha_records_page_get_summary (ZichaRecordsPage *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORDS_PAGE (self), NULL);
  return GTK_WIDGET (self->page);
}
