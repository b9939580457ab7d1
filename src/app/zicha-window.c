/* zicha-window.c — the main window: sidebar, pages and the open database
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-import-dialog.h"
#include "zicha-interchange.h"
#include "zicha-overview-page.h"
#include "zicha-page.h"
#include "zicha-plans-page.h"
#include "zicha-records-page.h"
#include "zicha-risk-leads-page.h"
#include "zicha-window-private.h"

G_DEFINE_FINAL_TYPE (ZichaWindow, zicha_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Page names in the order of the sidebar; Alt+1 … Alt+7 show them. */
static const char * const page_names[] = {
  "overview",
  "plans",
  "risk-leads",
  "problems",
  "rectification",
  "records",
  "report",
};

static void
update_title (ZichaWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  const char *title = NULL;

  if (child != NULL)
    title = gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child));
  adw_window_title_set_title (self->page_title, title != NULL ? title : "");

  if (self->db != NULL)
    {
      const char *path = zicha_db_get_path (self->db);
      g_autofree char *display = g_filename_display_basename (path);
      g_autofree char *tooltip = g_filename_display_name (path);

      if (zicha_db_get_read_only (self->db))
        {
          /* Translators: the header's subtitle: %s is the database's file name */
          g_autofree char *subtitle = g_strdup_printf (_("%s (read-only)"), display);
          /* Translators: tooltip of the header: %s is the database's full path */
          g_autofree char *tip = g_strdup_printf (_("%s\nThe file is read-only: Zicha shows it "
                                                    "but changes nothing in it."), tooltip);

          adw_window_title_set_subtitle (self->page_title, subtitle);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_title), tip);
        }
      else
        {
          adw_window_title_set_subtitle (self->page_title, display);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_title), tooltip);
        }
    }
  else
    {
      adw_window_title_set_subtitle (self->page_title, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_title), NULL);
    }
}

static void
set_db (ZichaWindow *self,
        ZichaDb     *db)
{
  if (g_set_object (&self->db, db))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                     db != NULL && !zicha_db_get_read_only (db));
      update_title (self);
      /* every page follows the session's database */
      zicha_session_set_db (self->session, db);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
    }
}

void
_zicha_window_show_error (ZichaWindow  *self,
            const GError *error)
{
  if (self->db == NULL)
    {
      /* Nothing to fall back to: the whole window says what went wrong. */
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
    }
  else
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                       _("Could Not Open the Database"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  image = gtk_image_new ();
  g_object_bind_property (page, "icon-name", image, "icon-name", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), image);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
on_sidebar_row_selected_cb (ZichaWindow   *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list_box)
{
  g_autoptr(GObject) page = NULL;

  if (row == NULL)
    return;

  page = g_list_model_get_item (self->pages, gtk_list_box_row_get_index (row));
  if (page != NULL)
    gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
}

static void
on_sidebar_row_activated_cb (ZichaWindow   *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list_box)
{
  /* On a narrow window the leaflet is folded: go on to the page. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_back_clicked_cb (ZichaWindow *self,
                    GtkButton   *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_visible_page_changed_cb (ZichaWindow *self,
                            GParamSpec  *pspec,
                            GtkStack    *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  guint n = g_list_model_get_n_items (self->pages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (self->pages, i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == child)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, i);

          if (row != NULL && row != gtk_list_box_get_selected_row (self->sidebar))
            gtk_list_box_select_row (self->sidebar, row);
          break;
        }
    }

  update_title (self);
}

static gboolean
on_close_request_cb (ZichaWindow *self,
                     GtkWindow   *window)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);

  return FALSE;
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ZichaWindow *self = ZICHA_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("No page named “%s”", name);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  const char *kind_id = NULL;
  const char *key = NULL;

  g_variant_get (param, "(&s&s)", &kind_id, &key);
  zicha_window_show_record (ZICHA_WINDOW (widget), kind_id, key);
}

/* win.show-risk-leads (area, run): the Risk leads page with the open leads of @area (all
 * areas for ""), and a run of the rules when @run. The overview's area cards and its Run
 * Risk Rules button use it. */
static void
show_risk_leads_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  ZichaWindow *self = ZICHA_WINDOW (widget);
  const char *area = NULL;
  gboolean run = FALSE;

  g_variant_get (param, "(&sb)", &area, &run);
  if (*area != '\0')
    zicha_risk_leads_page_set_filter (self->risk_leads_page, area, NULL, NULL, "open");
  if (run)
    zicha_risk_leads_page_run (self->risk_leads_page);
  gtk_stack_set_visible_child_name (self->stack, "risk-leads");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
zicha_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZichaWindow *self = ZICHA_WINDOW (object);

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
zicha_window_dispose (GObject *object)
{
  ZichaWindow *self = ZICHA_WINDOW (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  _zicha_window_close_folder_chooser (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_WINDOW);

  g_clear_object (&self->pages);
  g_clear_object (&self->session);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zicha_window_parent_class)->dispose (object);
}

static void
zicha_window_class_init (ZichaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zicha_window_get_property;
  object_class->dispose = zicha_window_dispose;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         ZICHA_TYPE_DB,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZICHA_TYPE_OVERVIEW_PAGE);
  g_type_ensure (ZICHA_TYPE_PLANS_PAGE);
  g_type_ensure (ZICHA_TYPE_RECORDS_PAGE);
  g_type_ensure (ZICHA_TYPE_RISK_LEADS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, records_page);
  gtk_widget_class_bind_template_child (widget_class, ZichaWindow, risk_leads_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   _zicha_window_import_activated);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ss)",
                                   show_record_activated);
  gtk_widget_class_install_action (widget_class, "win.show-risk-leads", "(sb)",
                                   show_risk_leads_activated);
  gtk_widget_class_install_action (widget_class, "win.save-templates", NULL,
                                   _zicha_window_save_templates_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);
}

static void
zicha_window_init (ZichaWindow *self)
{
  GtkListBoxRow *first;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  g_assert (g_list_model_get_n_items (self->pages) == G_N_ELEMENTS (page_names));
  gtk_list_box_bind_model (self->sidebar, self->pages, create_sidebar_row, self, NULL);

  first = gtk_list_box_get_row_at_index (self->sidebar, 0);
  gtk_list_box_select_row (self->sidebar, first);

  /* Every page gets the session, in one loop: it follows its database and refreshes itself
   * when the session says something changed. */
  self->session = zicha_session_new (self->settings);
  for (guint i = 0; i < g_list_model_get_n_items (self->pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (self->pages, i);
      GtkWidget *child = gtk_stack_page_get_child (GTK_STACK_PAGE (page));

      if (ZICHA_IS_PAGE (child))
        zicha_page_set_session (ZICHA_PAGE (child), self->session);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);

  update_title (self);
}

ZichaWindow *
zicha_window_new (ZichaApplication *application)
{
  g_return_val_if_fail (ZICHA_IS_APPLICATION (application), NULL);

  return g_object_new (ZICHA_TYPE_WINDOW, "application", application, NULL);
}

ZichaDb *
zicha_window_get_db (ZichaWindow *self)
{
  g_return_val_if_fail (ZICHA_IS_WINDOW (self), NULL);

  return self->db;
}

gboolean
zicha_window_load_database (ZichaWindow      *self,
                            GFile            *file,
                            ZichaDbOpenFlags  flags)
{
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ZICHA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is the address of a file. */
                   _("“%s” is not a local file. Databases must be on a local or mounted disk."),
                   uri);
      _zicha_window_show_error (self, error);
      return FALSE;
    }

  db = zicha_db_open (path, flags, &error);
  if (db == NULL)
    {
      _zicha_window_show_error (self, error);
      return FALSE;
    }

  set_db (self, db);
  g_settings_set_string (self->settings, "last-database", zicha_db_get_path (db));
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  return TRUE;
}

gboolean
zicha_window_open_database (ZichaWindow *self,
                            GFile       *file)
{
  return zicha_window_load_database (self, file, ZICHA_DB_OPEN_DEFAULT);
}

const char *
zicha_window_get_visible_page (ZichaWindow *self)
{
  g_return_val_if_fail (ZICHA_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "error") == 0)
    return "error";
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
zicha_window_get_page_title (ZichaWindow *self)
{
  g_return_val_if_fail (ZICHA_IS_WINDOW (self), NULL);

  return adw_window_title_get_title (self->page_title);
}

ZichaRecordsPage *
zicha_window_get_records_page (ZichaWindow *self)
{
  g_return_val_if_fail (ZICHA_IS_WINDOW (self), NULL);
  return self->records_page;
}

ZichaRiskLeadsPage *
zicha_window_get_risk_leads_page (ZichaWindow *self)
{
  g_return_val_if_fail (ZICHA_IS_WINDOW (self), NULL);
  return self->risk_leads_page;
}

gboolean
zicha_window_show_record (ZichaWindow *self,
                          const char  *kind_id,
                          const char  *key)
{
  ZichaRecordKind kind = ZICHA_N_RECORD_KINDS;
  gint64 id = 0;

  g_return_val_if_fail (ZICHA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (kind_id != NULL && key != NULL, FALSE);

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    if (g_str_equal (zicha_record_kind_get_id (k), kind_id))
      kind = k;
  if (kind == ZICHA_N_RECORD_KINDS || self->db == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, "records");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  id = zicha_record_find_by_key (self->db, kind, key);
  if (id > 0)
    zicha_records_page_show_record (self->records_page, kind, id);
  else if (zicha_record_list_kind_supported (kind))
    zicha_records_page_show_kind (self->records_page, kind);
  return id > 0;
}
