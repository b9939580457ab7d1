/* zicha-hit-detail.h — the details of one risk lead (风险线索) and its triage buttons
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"
#include "zicha-hits.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_HIT_DETAIL (zicha_hit_detail_get_type ())
G_DECLARE_FINAL_TYPE (ZichaHitDetail, zicha_hit_detail, ZICHA, HIT_DETAIL, GtkWidget)

GtkWidget  *zicha_hit_detail_new       (void);

/* Shows @hit (NULL: a hint to select one); its records are read from @db. The buttons
 * activate risk.confirm, risk.dismiss and risk.undo; a record row activates
 * win.show-record with (kind id, key). */
void        zicha_hit_detail_set_hit   (ZichaHitDetail *self,
                                        ZichaDb        *db,
                                        const ZichaHit *hit);

/* How many leads are selected, and how many of them are neither confirmed nor dismissed:
 * above one, a line says so, and the Confirm and Dismiss buttons (which act on all of them)
 * are shown while there is one to confirm or dismiss. */
void        zicha_hit_detail_set_selection (ZichaHitDetail *self,
                                            guint           n_selected,
                                            guint           n_untriaged);

/* "error", "warning" or "dim-label": the style class that colours a severity. */
const char *zicha_hit_severity_css_class (const char   *severity);
/* Translated name of an entity type of DOMAIN.md ("certificate" → "证书"). */
const char *zicha_hit_entity_type_label  (const char   *entity_type);

G_END_DECLS
