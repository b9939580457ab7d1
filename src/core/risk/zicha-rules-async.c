/* zicha-rules-async.c — a run of the risk rules in a worker thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha_rules_run_async and _finish: zicha_rules_run in a GTask thread with its own
 * connection, its progress reported, coalesced, in the caller's main context (zicha-progress). */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include "zicha-progress.h"
#include "zicha-rules.h"

/* The caller's progress function with its data, owned by the ZichaProgress that hands the
 * worker's state on: a pending delivery may outlive the task. */
typedef struct
{
  ZichaRuleProgressFunc  func;
  gpointer               data;
  GDestroyNotify         destroy;
} Listener;

typedef struct
{
  char                  *path;
  GDate                  as_of;
  GStrv                  rules;
  char                  *user_name;
  guint                  n_threads;
  ZichaProgress         *progress;
} AsyncData;

static void
listener_free (gpointer user_data)
{
  Listener *listener = user_data;

  if (listener->destroy != NULL)
    listener->destroy (listener->data);
  g_free (listener);
}

static void
deliver_progress (const char *rule_id,
                  guint64     count,
                  guint64     done,
                  guint64     total,
                  gpointer    user_data)
{
  Listener *listener = user_data;

  listener->func ((guint) done, (guint) total, rule_id, listener->data);
}

static void
async_data_free (AsyncData *data)
{
  g_free (data->path);
  g_strfreev (data->rules);
  g_free (data->user_name);
  g_clear_pointer (&data->progress, zicha_progress_unref);
  g_free (data);
}

static void
async_progress (guint done, guint total, const char *rule_id, gpointer user_data)
{
  AsyncData *data = user_data;

  zicha_progress_post (data->progress, rule_id, 0, done, total);
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
  if (!zicha_rules_run (db, &options, data->progress != NULL ? async_progress : NULL, data,
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
  if (progress != NULL)
    {
      Listener *listener = g_new0 (Listener, 1);

      listener->func = progress;
      listener->data = progress_data;
      listener->destroy = progress_data_free;
      /* At the task's own priority, posted before it returns: the last progress comes first. */
      data->progress = zicha_progress_new (NULL, G_PRIORITY_DEFAULT, ZICHA_PROGRESS_EVERY,
                                           deliver_progress, listener, listener_free);
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);
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
