/* zicha-record-view.h — one kind of record: list, search and details
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"
#include "zicha-record-list.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_RECORD_VIEW (zicha_record_view_get_type ())
G_DECLARE_FINAL_TYPE (ZichaRecordView, zicha_record_view, ZICHA, RECORD_VIEW, GtkWidget)

ZichaRecordView *zicha_record_view_new              (ZichaRecordKind  kind);

ZichaRecordKind  zicha_record_view_get_kind         (ZichaRecordView *self);
void             zicha_record_view_set_db           (ZichaRecordView *self,
                                                     ZichaDb         *db);
/* The list shown, made when the view is first shown (or asked for here); NULL without a
 * database. */
ZichaRecordList *zicha_record_view_get_list         (ZichaRecordView *self);
GtkColumnView   *zicha_record_view_get_column_view  (ZichaRecordView *self);
GtkEditable     *zicha_record_view_get_search_entry (ZichaRecordView *self);
/* The box of the details pane. */
GtkWidget       *zicha_record_view_get_details      (ZichaRecordView *self);

/* Reads the records again (after an import). */
void             zicha_record_view_reload           (ZichaRecordView *self);

/* Clears the search and selects the record @id once the list is there. */
void             zicha_record_view_show_record      (ZichaRecordView *self,
                                                     gint64           id);
/* Row id of the selected record, or 0. */
gint64           zicha_record_view_get_selected_id  (ZichaRecordView *self);

G_END_DECLS
