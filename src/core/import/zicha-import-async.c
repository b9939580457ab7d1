/* zicha-import-async.c — importing a folder in a worker thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha_import_folder_async() runs zicha_import_folder() in a GTask thread with a
 * connection of its own; the progress the worker reports is passed on, coalesced, in
 * the main context of the caller. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include "zicha-import.h"

/* Progress posted by the worker under a mutex; one idle callback at a time reports it in the
 * caller's main context. Shared (reference-counted) by the task and pending idle sources. */
typedef struct
{
  GMutex                   mutex;
  GMainContext            *context;
  ZichaImportProgressFunc  func;
  gpointer                 data;
  GDestroyNotify           destroy;
  char                    *file_name;
  guint64                  rows;
  guint64                  bytes_done;
  guint64                  bytes_total;
  gboolean                 pending;
} SharedProgress;

typedef struct
{
  char               *db_path;
  char               *folder;
  ZichaImportEncoding encoding;
  char               *user_name;
  SharedProgress     *progress;
  ZichaImportResult  *result;
} ImportTaskData;

static void
shared_progress_clear (gpointer data)
{
  SharedProgress *sp = data;

  if (sp->destroy != NULL)
    sp->destroy (sp->data);
  g_main_context_unref (sp->context);
  g_free (sp->file_name);
  g_mutex_clear (&sp->mutex);
}

static void
shared_progress_unref (SharedProgress *sp)
{
  g_atomic_rc_box_release_full (sp, shared_progress_clear);
}

static gboolean
deliver_progress (gpointer data)
{
  SharedProgress *sp = data;
  g_autofree char *file_name = NULL;
  guint64 rows, done, total;

  g_mutex_lock (&sp->mutex);
  file_name = g_strdup (sp->file_name);
  rows = sp->rows;
  done = sp->bytes_done;
  total = sp->bytes_total;
  sp->pending = FALSE;
  g_mutex_unlock (&sp->mutex);

  sp->func (file_name, rows, done, total, sp->data);
  return G_SOURCE_REMOVE;
}

static void
post_progress (const char *file_name,
               guint64     rows_done,
               guint64     bytes_done,
               guint64     bytes_total,
               gpointer    user_data)
{
  SharedProgress *sp = user_data;
  gboolean schedule;

  g_mutex_lock (&sp->mutex);
  if (g_strcmp0 (sp->file_name, file_name) != 0)
    {
      g_free (sp->file_name);
      sp->file_name = g_strdup (file_name);
    }
  sp->rows = rows_done;
  sp->bytes_done = bytes_done;
  sp->bytes_total = bytes_total;
  schedule = !sp->pending;
  sp->pending = TRUE;
  g_mutex_unlock (&sp->mutex);

  if (schedule)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_callback (source, deliver_progress, g_atomic_rc_box_acquire (sp),
                             (GDestroyNotify) shared_progress_unref);
      g_source_set_static_name (source, "[zicha] import progress");
      g_source_attach (source, sp->context);
      g_source_unref (source);
    }
}

static void
import_task_data_free (gpointer data)
{
  ImportTaskData *td = data;

  g_free (td->db_path);
  g_free (td->folder);
  g_free (td->user_name);
  g_clear_pointer (&td->progress, shared_progress_unref);
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
      td->progress = g_atomic_rc_box_new0 (SharedProgress);
      g_mutex_init (&td->progress->mutex);
      td->progress->context = g_main_context_ref_thread_default ();
      td->progress->func = progress;
      td->progress->data = progress_data;
      td->progress->destroy = progress_destroy;
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
