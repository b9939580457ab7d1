/* zicha-sampling-async.c — previews and draws of samples in a worker thread
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a frame of a million certificates with the lead auditor of each takes seconds: a
 * front calls zicha_sampling_preview () and zicha_sampling_draw () through these, each in a
 * GTask thread on a connection of its own (a connection is used by one thread at a time).
 * The spec is copied deeply into the task, since the caller's strings may be gone by the
 * time the thread reads them. A preview may be cancelled (its statements are interrupted);
 * a draw is one transaction that stores its sample or nothing, and is never cancelled.
 */
#define G_LOG_DOMAIN "zicha-sampling"

#include "config.h"

#include "zicha-sampling-private.h"

/* A ZichaSampleSpec with copies of everything it points to. */
typedef struct
{
  ZichaSampleSpec    spec;
  char              *valid_on;
  GStrv              schemes;
  GStrv              lead_auditors;
  GStrv              years;
  ZichaStratumSize  *sizes;
  GStrv              size_names;
  char              *path;
  char              *user_name;
  gint64             plan_id;
} SpecCopy;

static void
spec_copy_free (SpecCopy *copy)
{
  g_free (copy->valid_on);
  g_strfreev (copy->schemes);
  g_strfreev (copy->lead_auditors);
  g_strfreev (copy->years);
  g_free (copy->sizes);
  g_strfreev (copy->size_names);
  g_free (copy->path);
  g_free (copy->user_name);
  g_free (copy);
}

static SpecCopy *
spec_copy_new (const char            *path,
               const ZichaSampleSpec *spec)
{
  SpecCopy *copy = g_new0 (SpecCopy, 1);

  copy->path = g_strdup (path);
  copy->spec = *spec;
  copy->valid_on = g_strdup (spec->valid_on);
  copy->schemes = g_strdupv ((char **) spec->schemes);
  copy->lead_auditors = g_strdupv ((char **) spec->lead_auditors);
  copy->years = g_strdupv ((char **) spec->years);
  copy->spec.valid_on = copy->valid_on;
  copy->spec.schemes = (const char * const *) copy->schemes;
  copy->spec.lead_auditors = (const char * const *) copy->lead_auditors;
  copy->spec.years = (const char * const *) copy->years;
  if (spec->n_stratum_sizes > 0)
    {
      copy->sizes = g_new0 (ZichaStratumSize, spec->n_stratum_sizes);
      copy->size_names = g_new0 (char *, spec->n_stratum_sizes + 1);
      for (guint i = 0; i < spec->n_stratum_sizes; i++)
        {
          copy->size_names[i] = g_strdup (spec->stratum_sizes[i].stratum != NULL
                                          ? spec->stratum_sizes[i].stratum : "");
          copy->sizes[i].stratum = copy->size_names[i];
          copy->sizes[i].size = spec->stratum_sizes[i].size;
        }
      copy->spec.stratum_sizes = copy->sizes;
    }
  else
    copy->spec.stratum_sizes = NULL;
  return copy;
}

/* Previews ------------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *strata;
  guint      frame_size;
} PreviewResult;

static void
preview_result_free (PreviewResult *result)
{
  g_clear_pointer (&result->strata, g_ptr_array_unref);
  g_free (result);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SpecCopy *copy = task_data;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  PreviewResult *result;

  if (g_task_return_error_if_cancelled (task))
    return;
  db = zicha_db_open (copy->path, ZICHA_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (cancellable != NULL)
    zicha_db_watch_cancellable (zicha_db_get_handle (db), cancellable, 1000);

  result = g_new0 (PreviewResult, 1);
  result->strata = zicha_sampling_preview (db, &copy->spec, &result->frame_size, &error);
  zicha_db_unwatch_cancellable (zicha_db_get_handle (db));
  if (g_task_return_error_if_cancelled (task))
    preview_result_free (result);
  else if (result->strata == NULL)
    {
      preview_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) preview_result_free);
}

void
zicha_sampling_preview_async (const char            *path,
                              const ZichaSampleSpec *spec,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zicha_sampling_preview_async);
  g_task_set_name (task, "[zicha] sample preview");
  g_task_set_task_data (task, spec_copy_new (path, spec), (GDestroyNotify) spec_copy_free);
  g_task_run_in_thread (task, preview_thread);
}

GPtrArray *
zicha_sampling_preview_finish (GAsyncResult  *result,
                               guint         *out_frame_size,
                               GError       **error)
{
  PreviewResult *preview;
  GPtrArray *strata;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zicha_sampling_preview_async,
                        NULL);

  preview = g_task_propagate_pointer (G_TASK (result), error);
  if (preview == NULL)
    return NULL;
  if (out_frame_size != NULL)
    *out_frame_size = preview->frame_size;
  strata = g_steal_pointer (&preview->strata);
  preview_result_free (preview);
  return strata;
}

/* Draws ---------------------------------------------------------------------------------- */

static void
draw_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SpecCopy *copy = task_data;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  db = zicha_db_open (copy->path, ZICHA_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  id = zicha_sampling_draw (db, copy->plan_id, &copy->spec, copy->user_name, &error);
  if (id == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_memdup2 (&id, sizeof id), g_free);
}

void
zicha_sampling_draw_async (const char            *path,
                           gint64                 plan_id,
                           const ZichaSampleSpec *spec,
                           const char            *user_name,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  SpecCopy *copy;

  g_return_if_fail (path != NULL);
  g_return_if_fail (spec != NULL);

  copy = spec_copy_new (path, spec);
  copy->plan_id = plan_id;
  copy->user_name = g_strdup (user_name);
  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, zicha_sampling_draw_async);
  g_task_set_name (task, "[zicha] sample draw");
  g_task_set_task_data (task, copy, (GDestroyNotify) spec_copy_free);
  g_task_run_in_thread (task, draw_thread);
}

gint64
zicha_sampling_draw_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zicha_sampling_draw_async, 0);

  id = g_task_propagate_pointer (G_TASK (result), error);
  return id != NULL ? *id : 0;
}
