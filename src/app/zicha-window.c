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
#include "zicha-records-page.h"
#include "zicha-risk-leads-page.h"
#include "zicha-window.h"

struct _ZichaWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  ZichaDb              *db;
  GtkNativeDialog      *chooser;
  GtkNativeDialog      *folder_chooser;
  GListModel           *pages;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *page_title;
  AdwStatusPage        *error_page;
  ZichaOverviewPage    *overview_page;
  ZichaRecordsPage     *records_page;
  ZichaRiskLeadsPage   *risk_leads_page;
};

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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
    }
}

static void
show_error (ZichaWindow  *self,
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

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  ZichaWindow *self = user_data;
  gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser))
                    == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  /* Drop the chooser before a message dialog may appear. */
  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (create && g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(GError) error = NULL;

      /* A new database never replaces a file: it may hold a self-inspection. */
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is a file name. */
                   _("“%s” already exists and is kept as it is. Choose another name for the "
                     "new database, or open the file with Open Database."),
                   name);
      show_error (self, error);
      return;
    }

  zicha_window_load_database (self, file, create ? ZICHA_DB_OPEN_CREATE : ZICHA_DB_OPEN_DEFAULT);
}

static GtkFileChooserNative *
new_chooser (ZichaWindow          *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);

  if (self->db != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (zicha_db_get_path (self->db));
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  return chooser;
}

static void
on_import_finished_cb (ZichaImportDialog *dialog,
                       gboolean           success,
                       ZichaWindow       *self)
{
  /* Nothing changes when an import fails or is cancelled. */
  if (success)
    {
      zicha_records_page_refresh (self->records_page);
      zicha_overview_page_refresh (self->overview_page);
    }
}

/* The overview's area cards and its Run Risk Rules button: the Risk leads page shows the open
 * leads of the area, or starts a run. The overview then shows that page. */
static void
on_show_risk_leads_cb (ZichaWindow       *self,
                       const char        *area,
                       gboolean           run,
                       ZichaOverviewPage *page)
{
  if (area != NULL)
    zicha_risk_leads_page_set_filter (self->risk_leads_page, area, NULL, NULL, "open");
  if (run)
    zicha_risk_leads_page_run (self->risk_leads_page);
}

/* A run of the rules that ends changes the overview's counts (shown or not). */
static void
on_risk_run_changed_cb (ZichaWindow        *self,
                        GParamSpec         *pspec,
                        ZichaRiskLeadsPage *page)
{
  if (!zicha_risk_leads_page_get_running (page))
    zicha_overview_page_refresh (self->overview_page);
}

static void
close_folder_chooser (ZichaWindow *self)
{
  if (self->folder_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->folder_chooser, self);
      gtk_native_dialog_destroy (self->folder_chooser);
      g_clear_object (&self->folder_chooser);
    }
}

static void
on_folder_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               gpointer         user_data)
{
  ZichaWindow *self = user_data;
  gboolean templates = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser),
                                                           "zicha-templates"));
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  close_folder_chooser (self);

  if (folder == NULL)
    return;
  if (templates)
    zicha_window_save_templates (self, folder);
  else
    zicha_window_import_folder (self, folder);
}

static void
choose_folder (ZichaWindow *self,
               const char  *title,
               const char  *accept_label,
               gboolean     templates)
{
  GtkFileChooserNative *chooser;

  close_folder_chooser (self);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "zicha-templates", GINT_TO_POINTER (templates));
  self->folder_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  zicha_window_choose_import_folder (ZICHA_WINDOW (widget));
}

static void
save_templates_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  choose_folder (ZICHA_WINDOW (widget), _("Save Import Templates"), _("_Save Here"), TRUE);
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
  close_folder_chooser (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_WINDOW);

  g_clear_object (&self->pages);
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
  gtk_widget_class_bind_template_callback (widget_class, on_show_risk_leads_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_risk_run_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ss)",
                                   show_record_activated);
  gtk_widget_class_install_action (widget_class, "win.save-templates", NULL,
                                   save_templates_activated);
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

  g_object_bind_property (self, "db", self->overview_page, "db", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "db", self->records_page, "db", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "db", self->risk_leads_page, "db", G_BINDING_SYNC_CREATE);
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
      show_error (self, error);
      return FALSE;
    }

  db = zicha_db_open (path, flags, &error);
  if (db == NULL)
    {
      show_error (self, error);
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

void
zicha_window_choose_database (ZichaWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) db_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  g_return_if_fail (ZICHA_IS_WINDOW (self));

  chooser = new_chooser (self, _("Open Database"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  gtk_file_filter_set_name (db_filter, _("Zicha databases"));
  gtk_file_filter_add_pattern (db_filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), db_filter);
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), db_filter);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
zicha_window_choose_new_database (ZichaWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (ZICHA_IS_WINDOW (self));

  chooser = new_chooser (self, _("New Database"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));
  /* Translators: default file name of a new database; keep the .db ending. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("zicha.db"));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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

void
zicha_window_choose_import_folder (ZichaWindow *self)
{
  g_return_if_fail (ZICHA_IS_WINDOW (self));

  if (self->db == NULL)
    return;
  choose_folder (self, _("Import Folder"), _("_Import"), FALSE);
}

ZichaImportDialog *
zicha_window_import_folder (ZichaWindow *self,
                            GFile       *folder)
{
  GtkApplication *app;
  g_autofree char *user_name = NULL;
  ZichaImportDialog *dialog;

  g_return_val_if_fail (ZICHA_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (self->db == NULL)
    return NULL;

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (ZICHA_IS_APPLICATION (app))
    user_name = zicha_application_get_user_name (ZICHA_APPLICATION (app));

  dialog = zicha_import_dialog_new (GTK_WINDOW (self), self->db, folder, user_name);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_import_finished_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  zicha_import_dialog_start (dialog);
  return dialog;
}

gboolean
zicha_window_save_templates (ZichaWindow *self,
                             GFile       *folder)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  path = g_file_get_path (folder);
  name = g_file_get_parse_name (folder);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("“%s” is not a local folder."), name);
  ok = path != NULL && zicha_interchange_write_templates (path, &error);

  if (ok)
    /* Translators: %s is a folder. */
    body = g_strdup_printf (_("An empty CSV file for each kind of record, with the column "
                              "headers, was written to “%s”. Fill them in and import the "
                              "folder."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   ok ? _("Import Templates Saved")
                                      : _("Could Not Save the Import Templates"),
                                   ok ? body : error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return ok;
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
