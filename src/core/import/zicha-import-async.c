/* zicha-import-async.c — importing a folder in a worker thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha_import_folder_async() runs zicha_import_folder() in a GTask thread with a
 * connection of its own; the progress the worker reports is passed on, coalesced, in
 * the main context of the caller. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include "zicha-import.h"
#include "zicha-progress.h"

/* The caller's progress function with its data, owned by the ZichaProgress that hands the
 * worker's state on: a pending delivery may outlive the task. */
typedef struct
{
  ZichaImportProgressFunc  func;
  gpointer                 data;
  GDestroyNotify           destroy;
} Listener;

typedef struct
{
  char               *db_path;
  char               *folder;
  ZichaImportEncoding encoding;
  char               *user_name;
  ZichaProgress      *progress;
  ZichaImportResult  *result;
} ImportTaskData;

static void
listener_free (gpointer user_data)
{
  Listener *listener = user_data;

  if (listener->destroy != NULL)
    listener->destroy (listener->data);
  g_free (listener);
}

static void
deliver_progress (const char *file_name,
                  guint64     rows,
                  guint64     bytes_done,
                  guint64     bytes_total,
                  gpointer    user_data)
{
  Listener *listener = user_data;

  listener->func (file_name, rows, bytes_done, bytes_total, listener->data);
}

static void
post_progress (const char *file_name,
               guint64     rows_done,
               guint64     bytes_done,
               guint64     bytes_total,
               gpointer    user_data)
{
  zicha_progress_post (user_data, file_name, rows_done, bytes_done, bytes_total);
}

static void
import_task_data_free (gpointer data)
{
  ImportTaskData *td = data;

  g_free (td->db_path);
  g_free (td->folder);
  g_free (td->user_name);
  g_clear_pointer (&td->progress, zicha_progress_unref);
  g_clear_pointer (&td->result, zicha_import_result_free);
  g_free (td);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *td = task_data;
  ZichaImportOptions options = { td->encoding, td->user_name };
  g_autoptr(ZichaDb) db = NULL;
  GError *error = NULL;

  /* A worker thread owns its own connection. */
  db = zicha_db_open (td->db_path, ZICHA_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (zicha_import_folder (db, td->folder, &options,
                           td->progress != NULL ? post_progress : NULL, td->progress,
                           cancellable, &td->result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
zicha_import_folder_async (ZichaDb                   *db,
                           const char                *folder,
                           const ZichaImportOptions  *options,
                           ZichaImportProgressFunc    progress,
                           gpointer                   progress_data,
                           GDestroyNotify             progress_destroy,
                           GCancellable              *cancellable,
                           GAsyncReadyCallback        callback,
                           gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *td;

  g_return_if_fail (ZICHA_IS_DB (db));
  g_return_if_fail (folder != NULL);

  td = g_new0 (ImportTaskData, 1);
  td->db_path = g_strdup (zicha_db_get_path (db));
  td->folder = g_strdup (folder);
  td->encoding = options != NULL ? options->encoding : ZICHA_IMPORT_ENCODING_AUTO;
  td->user_name = g_strdup (options != NULL ? options->user_name : NULL);
  if (progress != NULL)
    {
      Listener *listener = g_new0 (Listener, 1);

      listener->func = progress;
      listener->data = progress_data;
      listener->destroy = progress_destroy;
      td->progress = zicha_progress_new (NULL, G_PRIORITY_DEFAULT_IDLE, ZICHA_PROGRESS_COALESCE,
                                         deliver_progress, listener, listener_free);
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, zicha_import_folder_async);
  g_task_set_name (task, "[zicha] import folder");
  g_task_set_task_data (task, td, import_task_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
zicha_import_folder_finish (ZichaDb            *db,
                            GAsyncResult       *result,
                            ZichaImportResult **out_result,
                            GError            **error)
{
  ImportTaskData *td;

  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zicha_import_folder_async,
                        FALSE);

  td = g_task_get_task_data (G_TASK (result));
  if (out_result != NULL)
    *out_result = g_steal_pointer (&td->result);
  return g_task_propagate_boolean (G_TASK (result), error);
}
