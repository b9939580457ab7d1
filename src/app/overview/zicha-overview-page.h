/* zicha-overview-page.h — the Overview page (概览): how far the self-inspection has come
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"
#include "zicha-overview.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_OVERVIEW_PAGE (zicha_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ZichaOverviewPage, zicha_overview_page, ZICHA, OVERVIEW_PAGE, GtkWidget)

GtkWidget           *zicha_overview_page_new          (void);

ZichaDb             *zicha_overview_page_get_db       (ZichaOverviewPage *self);
/* Reads the overview of @db again (in a worker thread); NULL empties the page. */
void                 zicha_overview_page_set_db       (ZichaOverviewPage *self,
                                                       ZichaDb           *db);

/* Reads the counts again, in a worker thread; the page keeps showing the last ones until
 * the new ones are there. Also done whenever the page is shown. */
void                 zicha_overview_page_refresh      (ZichaOverviewPage *self);
/* TRUE while a refresh is under way. */
gboolean             zicha_overview_page_get_loading  (ZichaOverviewPage *self);
/* The counts shown, or NULL before the first ones came. */
const ZichaOverview *zicha_overview_page_get_overview (ZichaOverviewPage *self);

G_END_DECLS
