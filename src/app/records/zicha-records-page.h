/* zicha-records-page.h — the imported records: counts, and a list of each kind
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"
#include "zicha-record-view.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_RECORDS_PAGE (zicha_records_page_get_type ())
G_DECLARE_FINAL_TYPE (ZichaRecordsPage, zicha_records_page, ZICHA, RECORDS_PAGE, GtkWidget)

GtkWidget *zicha_records_page_new     (void);

ZichaDb   *zicha_records_page_get_db  (ZichaRecordsPage *self);
void       zicha_records_page_set_db  (ZichaRecordsPage *self,
                                       ZichaDb          *db);

/* Counts the records again and reloads the lists, e.g. after an import. */
void       zicha_records_page_refresh (ZichaRecordsPage *self);

/* The list of @kind (zicha_record_list_kind_supported), or NULL. */
ZichaRecordView *zicha_records_page_get_view    (ZichaRecordsPage *self,
                                                 ZichaRecordKind   kind);
/* Shows the list of @kind; ZICHA_N_RECORD_KINDS shows the summary. */
ZichaRecordView *zicha_records_page_show_kind   (ZichaRecordsPage *self,
                                                 ZichaRecordKind   kind);
/* Shows the list of @kind with the record @id selected. */
void             zicha_records_page_show_record (ZichaRecordsPage *self,
                                                 ZichaRecordKind   kind,
                                                 gint64            id);
/* The summary with the record counts. */
GtkWidget       *zicha_records_page_get_summary (ZichaRecordsPage *self);

G_END_DECLS
