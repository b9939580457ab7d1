/* zicha-records-page.h — how many records of each kind the database holds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_RECORDS_PAGE (zicha_records_page_get_type ())
G_DECLARE_FINAL_TYPE (ZichaRecordsPage, zicha_records_page, ZICHA, RECORDS_PAGE, GtkWidget)

GtkWidget *zicha_records_page_new     (void);

ZichaDb   *zicha_records_page_get_db  (ZichaRecordsPage *self);
void       zicha_records_page_set_db  (ZichaRecordsPage *self,
                                       ZichaDb          *db);

/* Counts the records again, e.g. after an import. */
void       zicha_records_page_refresh (ZichaRecordsPage *self);

G_END_DECLS
