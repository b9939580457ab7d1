/* zicha-sample-view.h — the samples of a self-inspection plan (抽样) and their review
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_SAMPLE_VIEW (zicha_sample_view_get_type ())
G_DECLARE_FINAL_TYPE (ZichaSampleView, zicha_sample_view, ZICHA, SAMPLE_VIEW, GtkWidget)

/* Shows the samples of plan @plan_id of @db (0: nothing), read anew each time it is called,
 * keeping the sample shown. */
void        zicha_sample_view_set_plan      (ZichaSampleView *self,
                                             ZichaDb         *db,
                                             gint64           plan_id);
/* Shows sample @sample_id (when it is one of the plan's). */
void        zicha_sample_view_select_sample (ZichaSampleView *self,
                                             gint64           sample_id);
/* The sample shown, 0 for none. */
gint64      zicha_sample_view_get_sample    (ZichaSampleView *self);

/* Test hooks: the draw dialog (samples.draw), the review dialog of sample item @item_id
 * (as a row's Review button opens it), and the certificates listed (a GListModel of
 * objects whose "id" is the sample item's). */
GtkWindow  *zicha_sample_view_draw          (ZichaSampleView *self);
GtkWindow  *zicha_sample_view_review_item   (ZichaSampleView *self,
                                             gint64           item_id);
GListModel *zicha_sample_view_get_items     (ZichaSampleView *self);

G_END_DECLS
