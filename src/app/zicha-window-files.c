/* zicha-window-files.c — the window's file and folder choosers, the import, the templates
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New Database…, Open Database…, Import Folder… (Ctrl+I) and Save Import Templates…: each asks
 * with a GtkFileChooserNative (GtkFileDialog is GTK 4.10), then opens, imports or writes. A
 * successful import tells the session that the records changed; the pages refresh themselves.
 */
#define G_LOG_DOMAIN "zicha-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-import-dialog.h"
#include "zicha-interchange.h"
#include "zicha-window-private.h"

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
      _zicha_window_show_error (self, error);
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
    zicha_session_emit_changed (self->session, ZICHA_CHANGE_RECORDS);
}

void
_zicha_window_close_folder_chooser (ZichaWindow *self)
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
  _zicha_window_close_folder_chooser (self);

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

  _zicha_window_close_folder_chooser (self);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "zicha-templates", GINT_TO_POINTER (templates));
  self->folder_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_zicha_window_import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  zicha_window_choose_import_folder (ZICHA_WINDOW (widget));
}

void
_zicha_window_save_templates_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  choose_folder (ZICHA_WINDOW (widget), _("Save Import Templates"), _("_Save Here"), TRUE);
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
  g_autofree char *user_name = NULL;
  ZichaImportDialog *dialog;

  g_return_val_if_fail (ZICHA_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (self->db == NULL)
    return NULL;

  user_name = zicha_session_get_user_name (self->session);
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
