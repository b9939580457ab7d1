/* zicha-records-page.c — how many records of each kind the database holds
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-records-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-records-page.h"

struct _ZichaRecordsPage
{
  GtkWidget             parent_instance;

  ZichaDb              *db;
  GtkLabel             *count_labels[ZICHA_N_RECORD_KINDS];

  /* Template widgets */
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *counts_group;
  GtkLabel             *total_label;
};

G_DEFINE_FINAL_TYPE (ZichaRecordsPage, zicha_records_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A count with the locale's digit grouping, e.g. "12,345". */
static char *
format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
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
  ZichaRecordsPage *self = ZICHA_RECORDS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_RECORDS_PAGE);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (zicha_records_page_parent_class)->dispose (object);
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
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordsPage, page);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordsPage, counts_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaRecordsPage, total_label);
}

static void
zicha_records_page_init (ZichaRecordsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
        gtk_label_set_text (self->count_labels[i], "—");
      gtk_label_set_text (self->total_label, "");
      adw_preferences_group_set_description (self->counts_group,
                                             error != NULL ? error->message
                                                           : _("No database is open."));
      return;
    }

  for (guint i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    {
      g_autofree char *text = format_count (counts[i]);

      gtk_label_set_text (self->count_labels[i], text);
      total += counts[i];
    }

  if (total > 0)
    {
      g_autofree char *number = format_count (total);

      /* Translators: %s is the number of all records, e.g. "12,345". */
      total_text = g_strdup_printf (ngettext ("%s record in all", "%s records in all",
                                              (gulong) MIN (total, G_MAXULONG)),
                                    number);
    }
  gtk_label_set_text (self->total_label, total_text != NULL ? total_text : "");
  adw_preferences_group_set_description (self->counts_group,
                                         total == 0
                                         ? _("The database holds no records yet. Import the "
                                             "body’s records to start the self-inspection.")
                                         : _("Rows of each kind of record in this database."));
}
