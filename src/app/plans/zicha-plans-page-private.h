/* zicha-plans-page-private.h — the parts of the plans page, for tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Test hooks: tests/test-ui-plans.c and build-aux/zicha-screenshots.c reach the parts of
 * the page through these; the page itself needs none of them. */
#pragma once

#include "zicha-checklist-view.h"
#include "zicha-plan-overview.h"
#include "zicha-plans-page.h"
#include "zicha-sample-view.h"

G_BEGIN_DECLS

ZichaPlanOverview  *zicha_plans_page_get_overview  (ZichaPlansPage *self);
ZichaChecklistView *zicha_plans_page_get_checklist (ZichaPlansPage *self);
ZichaSampleView    *zicha_plans_page_get_samples   (ZichaPlansPage *self);
/* The list of plans on the left (a row per plan, newest first). */
GtkListBox         *zicha_plans_page_get_plan_list (ZichaPlansPage *self);

G_END_DECLS
