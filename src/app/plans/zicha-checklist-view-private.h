/* zicha-checklist-view-private.h — what the files of the checklist view share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaChecklistView is one widget over two files: the GObject, the progress, the actions and
 * the dialogs they open (zicha-checklist-view.c); the rows, the headers of the focus areas
 * and drag and drop (zicha-checklist-view-rows.c). */
#pragma once

#include "zicha-checklist-view.h"
#include "zicha-plans-ui-private.h"

G_BEGIN_DECLS

struct _ZichaChecklistView
{
  GtkWidget          parent_instance;

  ZichaDb           *db;
  gint64             plan_id;
  gboolean           syncing;
  GPtrArray         *items;          /* ZichaChecklistItem*, in their order */
  GHashTable        *problems;       /* item id → GPtrArray of ZichaProblem* */
  ZichaPlanProgress  progress;
  char               today[11];
  GHashTable        *undone_status;  /* item id → status it had before it was ticked */

  /* Template widgets */
  GtkLabel          *progress_label;
  GtkLabel          *overdue_label;
  GtkProgressBar    *progress_bar;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled;
  GtkListBox        *list;
};

/* zicha-checklist-view.c */
gboolean  _zicha_checklist_view_writable    (ZichaChecklistView      *self);
ZichaChecklistItem *
          _zicha_checklist_view_find_item   (ZichaChecklistView      *self,
                                             gint64                   item_id,
                                             guint                   *out_position);

/* zicha-checklist-view-rows.c */
void      _zicha_checklist_view_rows_init   (ZichaChecklistView      *self);
/* Shows self->items: the rows updated in place when the items are the same in the same
 * order, else made anew (the item that had the focus keeps it). */
void      _zicha_checklist_view_show_items  (ZichaChecklistView      *self);
/* The item of @row (0 for none), and the row of the item that has the focus (NULL). */
gint64    _zicha_checklist_view_row_item    (GtkListBoxRow           *row);
GtkListBoxRow *
          _zicha_checklist_view_focused_row (ZichaChecklistView      *self);
/* Gives the focus to the row of @item_id, when it is shown. */
void      _zicha_checklist_view_focus_item  (ZichaChecklistView      *self,
                                             gint64                   item_id);

G_END_DECLS
