/* zicha-import-dialog.c — importing a folder, with progress, errors and a summary
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-csv-writer.h"
#include "zicha-import-dialog.h"
#include "zicha-import-message-item.h"

struct _ZichaImportDialog
{
  AdwWindow           parent_instance;

  ZichaDb            *db;
  GFile              *folder;
  char               *user_name;
  GCancellable       *cancellable;
  ZichaImportResult  *result;
  GListStore         *messages;
  GtkFileChooserNative *chooser;
  gboolean            running;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkStack           *stack;
  GtkLabel           *folder_label;
  GtkLabel           *file_label;
  GtkProgressBar     *progress_bar;
  GtkButton          *cancel_button;
  GtkLabel           *errors_label;
  GtkWidget          *messages_box;
  GtkColumnView      *messages_view;
  GtkWidget          *save_button;
  GtkWidget          *close_button;
  GtkLabel           *done_label;
  GtkListBox         *files_list;
  AdwStatusPage      *cancelled_page;
  AdwStatusPage      *failed_page;
};

G_DEFINE_FINAL_TYPE (ZichaImportDialog, zicha_import_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  COL_FILE,
  COL_LINE,
  COL_COLUMN,
  COL_MESSAGE,
  COL_VALUE,
  N_COLS
};

static void
on_progress_cb (const char *file_name,
                guint64     rows_done,
                guint64     bytes_done,
                guint64     bytes_total,
                gpointer    user_data)
{
  ZichaImportDialog *self = user_data;
  g_autofree char *rows = _zicha_app_format_count (rows_done);
  g_autofree char *text = NULL;

  if (!self->running || self->stack == NULL)
    return;

  /* Translators: %1$s is a file name, %2$s a number of rows read so far. */
  text = g_strdup_printf (_("%1$s: %2$s rows"), file_name, rows);
  gtk_label_set_text (self->file_label, text);
  if (bytes_total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   CLAMP ((double) bytes_done / (double) bytes_total, 0.0, 1.0));
}

static void
fill_messages (ZichaImportDialog *self)
{
  const ZichaImportMessage *messages;
  guint n = 0;

  g_list_store_remove_all (self->messages);
  if (self->result == NULL)
    return;

  messages = zicha_import_result_get_messages (self->result, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZichaImportMessageItem) item = zicha_import_message_item_new (&messages[i]);

      g_list_store_append (self->messages, item);
    }
}

static void
show_done (ZichaImportDialog *self)
{
  g_autofree char *summary = NULL;
  guint64 inserted = 0;
  guint64 updated = 0;
  guint64 unchanged = 0;
  guint64 warnings = zicha_import_result_get_n_warnings (self->result);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_list))) != NULL)
    gtk_list_box_remove (self->files_list, child);

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    {
      const ZichaImportFileStats *stats = zicha_import_result_get_file_stats (self->result, k);
      g_autofree char *title = NULL;
      g_autofree char *n_ins = NULL;
      g_autofree char *n_upd = NULL;
      g_autofree char *n_same = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (stats == NULL || !stats->present)
        continue;

      inserted += stats->inserted;
      updated += stats->updated;
      unchanged += stats->unchanged;

      n_ins = _zicha_app_format_count (stats->inserted);
      n_upd = _zicha_app_format_count (stats->updated);
      n_same = _zicha_app_format_count (stats->unchanged);
      /* Translators: what an import did with the rows of one file. */
      subtitle = g_strdup_printf (_("%1$s new, %2$s updated, %3$s unchanged"),
                                  n_ins, n_upd, n_same);
      title = g_strdup_printf ("%s (%s.csv)", zicha_record_kind_get_label (k),
                               zicha_record_kind_get_id (k));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->files_list, row);
    }

  {
    g_autofree char *n_ins = _zicha_app_format_count (inserted);
    g_autofree char *n_upd = _zicha_app_format_count (updated);
    g_autofree char *n_same = _zicha_app_format_count (unchanged);

    /* Translators: the summary of a finished import. */
    summary = g_strdup_printf (_("The records were imported: %1$s new, %2$s updated, "
                                 "%3$s unchanged."), n_ins, n_upd, n_same);
  }
  if (warnings > 0)
    {
      g_autofree char *n_warn = _zicha_app_format_count (warnings);
      g_autofree char *more = g_strdup_printf (ngettext (" %s warning, listed below.",
                                                         " %s warnings, listed below.",
                                                         (gulong) MIN (warnings, G_MAXULONG)),
                                               n_warn);
      char *both = g_strconcat (summary, more, NULL);

      g_free (summary);
      summary = both;
    }
  gtk_label_set_text (self->done_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ZichaImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ZichaImportResult *import_result = NULL;
  gboolean ok;

  ok = zicha_import_folder_finish (ZICHA_DB (source), result, &import_result, &error);
  self->running = FALSE;
  g_clear_pointer (&self->result, zicha_import_result_free);
  self->result = import_result;
  g_clear_object (&self->cancellable);

  /* Closed while it ran: the widgets are gone. */
  if (self->stack == NULL)
    {
      g_signal_emit (self, signals[FINISHED], 0, ok);
      return;
    }
  fill_messages (self);
  gtk_widget_set_visible (self->messages_box,
                          g_list_model_get_n_items (G_LIST_MODEL (self->messages)) > 0);
  gtk_widget_set_visible (self->save_button,
                          g_list_model_get_n_items (G_LIST_MODEL (self->messages)) > 0);
  gtk_widget_set_sensitive (self->close_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);

  if (ok)
    show_done (self);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_stack_set_visible_child_name (self->stack, "cancelled");
  else if (g_error_matches (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA) && self->result != NULL)
    {
      gtk_label_set_text (self->errors_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "errors");
    }
  else
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
    }

  g_signal_emit (self, signals[FINISHED], 0, ok);
}

static void
on_cancel_clicked_cb (ZichaImportDialog *self,
                      GtkButton         *button)
{
  zicha_import_dialog_cancel (self);
}

static void
on_close_clicked_cb (ZichaImportDialog *self,
                     GtkButton         *button)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_close_request_cb (ZichaImportDialog *self,
                     GtkWindow         *window)
{
  /* Closing while it runs cancels: nothing is written. */
  zicha_import_dialog_cancel (self);
  return FALSE;
}

static void
on_save_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             gpointer         user_data)
{
  ZichaImportDialog *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL && !zicha_import_dialog_save_messages (self, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_save_clicked_cb (ZichaImportDialog *self,
                    GtkButton         *button)
{
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  self->chooser = gtk_file_chooser_native_new (_("Save Errors as CSV"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: default file name of the saved import errors; keep the .csv ending. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("import-errors.csv"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint column = GPOINTER_TO_UINT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_LINE ? 1.0 : 0.0);
  if (column == COL_MESSAGE)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  ZichaImportMessageItem *message_item = gtk_list_item_get_item (item);
  const ZichaImportMessage *m = zicha_import_message_item_get_message (message_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *line = NULL;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COL_FILE:
      gtk_label_set_text (label, m->file);
      break;

    case COL_LINE:
      line = g_strdup_printf ("%u", m->line);
      gtk_label_set_text (label, line);
      break;

    case COL_COLUMN:
      gtk_label_set_text (label, m->column);
      break;

    case COL_MESSAGE:
      if (m->is_warning)
        {
          /* Translators: a warning of the import, as shown in its list. */
          g_autofree char *text = g_strdup_printf (_("Warning: %s"), m->message);

          gtk_label_set_text (label, text);
        }
      else
        gtk_label_set_text (label, m->message);
      break;

    case COL_VALUE:
    default:
      gtk_label_set_text (label, m->value != NULL ? m->value : "");
      break;
    }
}

static void
build_message_columns (ZichaImportDialog *self)
{
  const char *titles[N_COLS] = {
    C_("import message", "File"),
    C_("import message", "Line"),
    C_("import message", "Column"),
    C_("import message", "Description"),
    C_("import message", "Value"),
  };
  g_autoptr(GtkNoSelection) selection = NULL;

  for (guint c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == COL_MESSAGE)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->messages_view, column);
    }

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->messages)));
  gtk_column_view_set_model (self->messages_view, GTK_SELECTION_MODEL (selection));
}

static void
zicha_import_dialog_dispose (GObject *object)
{
  ZichaImportDialog *self = ZICHA_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->messages);
  g_clear_object (&self->db);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (zicha_import_dialog_parent_class)->dispose (object);
}

static void
zicha_import_dialog_finalize (GObject *object)
{
  ZichaImportDialog *self = ZICHA_IMPORT_DIALOG (object);

  g_clear_pointer (&self->result, zicha_import_result_free);
  g_free (self->user_name);

  G_OBJECT_CLASS (zicha_import_dialog_parent_class)->finalize (object);
}

static void
zicha_import_dialog_class_init (ZichaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_import_dialog_dispose;
  object_class->finalize = zicha_import_dialog_finalize;

  /* The import is over: TRUE when the records were written. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, errors_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, messages_box);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, messages_view);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, done_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, files_list);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, cancelled_page);
  gtk_widget_class_bind_template_child (widget_class, ZichaImportDialog, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zicha_import_dialog_init (ZichaImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->messages = g_list_store_new (ZICHA_TYPE_IMPORT_MESSAGE_ITEM);
  build_message_columns (self);
}

ZichaImportDialog *
zicha_import_dialog_new (GtkWindow  *parent,
                         ZichaDb    *db,
                         GFile      *folder,
                         const char *user_name)
{
  ZichaImportDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (ZICHA_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->db = g_object_ref (db);
  self->folder = g_object_ref (folder);
  self->user_name = g_strdup (user_name);

  name = g_file_get_parse_name (folder);
  adw_window_title_set_subtitle (self->window_title, name);
  /* Translators: %s is the folder being imported. */
  text = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_text (self->folder_label, text);
  return self;
}

void
zicha_import_dialog_start (ZichaImportDialog *self)
{
  g_autofree char *path = NULL;
  ZichaImportOptions options = { ZICHA_IMPORT_ENCODING_AUTO, NULL };

  g_return_if_fail (ZICHA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!self->running);

  path = g_file_get_path (self->folder);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->folder);
      g_autofree char *text = g_strdup_printf (_("“%s” is not a local folder."), uri);

      adw_status_page_set_description (self->failed_page, text);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      gtk_widget_set_sensitive (self->close_button, TRUE);
      g_signal_emit (self, signals[FINISHED], 0, FALSE);
      return;
    }

  options.user_name = self->user_name;
  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->file_label, "");
  gtk_stack_set_visible_child_name (self->stack, "running");
  gtk_widget_set_sensitive (self->close_button, FALSE);

  zicha_import_folder_async (self->db, path, &options,
                             on_progress_cb, g_object_ref (self), g_object_unref,
                             self->cancellable, on_import_done_cb, g_object_ref (self));
}

void
zicha_import_dialog_cancel (ZichaImportDialog *self)
{
  g_return_if_fail (ZICHA_IS_IMPORT_DIALOG (self));

  if (self->running && self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
      gtk_label_set_text (self->file_label, _("Cancelling…"));
    }
}

const char *
zicha_import_dialog_get_state (ZichaImportDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

ZichaImportResult *
zicha_import_dialog_get_result (ZichaImportDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_IMPORT_DIALOG (self), NULL);
  return self->result;
}

GListModel *
zicha_import_dialog_get_messages (ZichaImportDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->messages);
}

const ZichaImportMessage *
zicha_import_dialog_get_message (ZichaImportDialog *self,
                                 guint              position)
{
  g_autoptr(ZichaImportMessageItem) item = NULL;

  g_return_val_if_fail (ZICHA_IS_IMPORT_DIALOG (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->messages), position);
  return item != NULL ? zicha_import_message_item_get_message (item) : NULL;
}

gboolean
zicha_import_dialog_save_messages (ZichaImportDialog  *self,
                                   GFile              *file,
                                   GError            **error)
{
  g_autoptr(GString) out = NULL;
  const ZichaImportMessage *messages = NULL;
  guint n = 0;

  g_return_val_if_fail (ZICHA_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* For a spreadsheet: a BOM, so that it takes the file for UTF-8, and no value that it would
   * run as a formula (the values come from the files imported). Private: it quotes records. */
  out = g_string_new ("\xEF\xBB\xBF" "file,line,column,message,value\r\n");
  if (self->result != NULL)
    messages = zicha_import_result_get_messages (self->result, &n);
  for (guint i = 0; i < n; i++)
    {
      const ZichaImportMessage *m = &messages[i];

      zicha_csv_append_field (out, m->file, ZICHA_CSV_SPREADSHEET);
      g_string_append_printf (out, ",%u,", m->line);
      zicha_csv_append_field (out, m->column, ZICHA_CSV_SPREADSHEET);
      g_string_append_c (out, ',');
      if (m->is_warning)
        {
          g_autofree char *text = g_strdup_printf (_("Warning: %s"), m->message);

          zicha_csv_append_field (out, text, ZICHA_CSV_SPREADSHEET);
        }
      else
        zicha_csv_append_field (out, m->message, ZICHA_CSV_SPREADSHEET);
      g_string_append_c (out, ',');
      zicha_csv_append_field (out, m->value, ZICHA_CSV_SPREADSHEET);
      g_string_append (out, "\r\n");
    }

  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                  NULL, NULL, error);
}
