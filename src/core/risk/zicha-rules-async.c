/* zicha-rules-async.c — a run of the risk rules in a worker thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha_rules_run_async and _finish: zicha_rules_run in a GTask thread with its own
 * connection, its progress reported in the caller's main context. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include "zicha-rules.h"

typedef struct
{
  char                  *path;
  GDate                  as_of;
  GStrv                  rules;
  char                  *user_name;
  guint                  n_threads;
  ZichaRuleProgressFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_data_free;
  GMainContext          *context;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  g_free (data->path);
  g_strfreev (data->rules);
  g_free (data->user_name);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  AsyncData  *data;
  guint       done;
  guint       total;
  char       *rule_id;
} ProgressCall;

static gboolean
progress_idle (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->data->progress (call->done, call->total, call->rule_id, call->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer user_data)
{
  ProgressCall *call = user_data;

  g_free (call->rule_id);
  g_free (call);
}

static void
async_progress (guint done, guint total, const char *rule_id, gpointer user_data)
{
  GTask *task = user_data;
  AsyncData *data = g_task_get_task_data (task);
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->data = data;
  call->done = done;
  call->total = total;
  call->rule_id = g_strdup (rule_id);
  /* The task holds a reference on data until it completes, which happens after this source
   * was queued in the same context, so it runs first. */
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_idle, call,
                              progress_call_free);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (data->path, ZICHA_DB_OPEN_DEFAULT, &error);
  ZichaRuleRunOptions options = { 0 };
  ZichaRuleRunResult *result = NULL;

  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  options.as_of = data->as_of;
  options.rules = (const char * const *) data->rules;
  options.user_name = data->user_name;
  options.n_threads = data->n_threads;
  if (!zicha_rules_run (db, &options, data->progress != NULL ? async_progress : NULL, task,
                        cancellable, &result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) zicha_rule_run_result_free);
}

void
zicha_rules_run_async (ZichaDb                    *db,
                       const ZichaRuleRunOptions  *options,
                       ZichaRuleProgressFunc       progress,
                       gpointer                    progress_data,
                       GDestroyNotify              progress_data_free,
                       GCancellable               *cancellable,
                       GAsyncReadyCallback         callback,
                       gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (ZICHA_IS_DB (db));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, zicha_rules_run_async);
  data = g_new0 (AsyncData, 1);
  data->path = g_strdup (zicha_db_get_path (db));
  g_date_clear (&data->as_of, 1);
  if (options != NULL)
    {
      data->as_of = options->as_of;
      data->rules = g_strdupv ((char **) options->rules);
      data->user_name = g_strdup (options->user_name);
      data->n_threads = options->n_threads;
    }
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, run_thread);
}

ZichaRuleRunResult *
zicha_rules_run_finish (ZichaDb       *db,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
