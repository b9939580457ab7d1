/* zicha-progress.c — progress from a worker thread, told in the caller's main context
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-progress"

#include "config.h"

#include "zicha-progress.h"

struct _ZichaProgress
{
  GMutex             mutex;
  GMainContext      *context;
  int                priority;
  ZichaProgressMode  mode;
  ZichaProgressFunc  func;
  gpointer           user_data;
  GDestroyNotify     destroy;
  char              *text;
  guint64            count;
  guint64            done;
  guint64            total;
  gboolean           pending;   /* a source is attached and has not run yet */
};

static void
progress_clear (gpointer data)
{
  ZichaProgress *self = data;

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  g_main_context_unref (self->context);
  g_free (self->text);
  g_mutex_clear (&self->mutex);
}

ZichaProgress *
zicha_progress_new (GMainContext      *context,
                    int                priority,
                    ZichaProgressMode  mode,
                    ZichaProgressFunc  func,
                    gpointer           user_data,
                    GDestroyNotify     destroy)
{
  ZichaProgress *self = g_atomic_rc_box_new0 (ZichaProgress);

  g_return_val_if_fail (func != NULL, NULL);

  g_mutex_init (&self->mutex);
  self->context = context != NULL ? g_main_context_ref (context)
                                  : g_main_context_ref_thread_default ();
  self->priority = priority;
  self->mode = mode;
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  return self;
}

ZichaProgress *
zicha_progress_ref (ZichaProgress *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
zicha_progress_unref (ZichaProgress *self)
{
  g_atomic_rc_box_release_full (self, progress_clear);
}

static gboolean
deliver (gpointer data)
{
  ZichaProgress *self = data;
  g_autofree char *text = NULL;
  guint64 count, done, total;

  g_mutex_lock (&self->mutex);
  text = g_strdup (self->text);
  count = self->count;
  done = self->done;
  total = self->total;
  self->pending = FALSE;
  g_mutex_unlock (&self->mutex);

  self->func (text, count, done, total, self->user_data);
  return G_SOURCE_REMOVE;
}

/* ZICHA_PROGRESS_EVERY: one delivery per post, with the state of that post. */
typedef struct
{
  ZichaProgress *progress;
  char          *text;
  guint64        count;
  guint64        done;
  guint64        total;
} Step;

static gboolean
deliver_step (gpointer data)
{
  Step *step = data;

  step->progress->func (step->text, step->count, step->done, step->total,
                        step->progress->user_data);
  return G_SOURCE_REMOVE;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  zicha_progress_unref (step->progress);
  g_free (step->text);
  g_free (step);
}

static void
attach (ZichaProgress *self,
        GSourceFunc    func,
        gpointer       data,
        GDestroyNotify destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, self->priority);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[zicha] progress");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

void
zicha_progress_post (ZichaProgress *self,
                     const char    *text,
                     guint64        count,
                     guint64        done,
                     guint64        total)
{
  gboolean schedule;

  g_return_if_fail (self != NULL);

  if (self->mode == ZICHA_PROGRESS_EVERY)
    {
      Step *step = g_new0 (Step, 1);

      step->progress = zicha_progress_ref (self);
      step->text = g_strdup (text);
      step->count = count;
      step->done = done;
      step->total = total;
      attach (self, deliver_step, step, step_free);
      return;
    }

  g_mutex_lock (&self->mutex);
  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
    }
  self->count = count;
  self->done = done;
  self->total = total;
  schedule = !self->pending;
  self->pending = TRUE;
  g_mutex_unlock (&self->mutex);

  if (schedule)
    attach (self, deliver, zicha_progress_ref (self), (GDestroyNotify) zicha_progress_unref);
}
