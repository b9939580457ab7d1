/* zicha-progress.h — progress from a worker thread, told in the caller's main context
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker posts its state as often as it likes; the state is kept under a mutex and at most
 * one source is pending in the main context, which hands the latest state on (sysprof's
 * document loader does the same). Import, rule runs, reports and merges share it. Where each
 * step counts (a rule run tells every rule that finished, a few dozen), every post is handed
 * on instead, in order. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ZichaProgress ZichaProgress;

typedef enum
{
  ZICHA_PROGRESS_COALESCE,   /* the latest state, at most one delivery pending */
  ZICHA_PROGRESS_EVERY,      /* every post, in order */
} ZichaProgressMode;

/* What is handed on: a text (a file, a rule), a count (rows) and a fraction as done of total. */
typedef void (*ZichaProgressFunc) (const char *text,
                                   guint64     count,
                                   guint64     done,
                                   guint64     total,
                                   gpointer    user_data);

/* Hands the state on in @context (NULL: the thread-default context) at @priority. @destroy
 * frees @user_data when the last reference goes. */
ZichaProgress *zicha_progress_new    (GMainContext      *context,
                                      int                priority,
                                      ZichaProgressMode  mode,
                                      ZichaProgressFunc  func,
                                      gpointer           user_data,
                                      GDestroyNotify     destroy);
ZichaProgress *zicha_progress_ref    (ZichaProgress     *self);
void           zicha_progress_unref  (ZichaProgress     *self);

/* From any thread. */
void           zicha_progress_post   (ZichaProgress     *self,
                                      const char        *text,
                                      guint64            count,
                                      guint64            done,
                                      guint64            total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaProgress, zicha_progress_unref)

G_END_DECLS
