/* zicha-hit-row.h — one hit of the risk rules as shown in a list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-hits.h"
#include "zicha-rules.h"

G_BEGIN_DECLS

/* One hit as shown in a list. The "hit" property changes (and is notified) when the hit is
 * read again, e.g. after it was confirmed or dismissed. */
#define ZICHA_TYPE_HIT_ROW (zicha_hit_row_get_type ())
G_DECLARE_FINAL_TYPE (ZichaHitRow, zicha_hit_row, ZICHA, HIT_ROW, GObject)

const ZichaHit  *zicha_hit_row_get_hit            (ZichaHitRow *self);
gint64           zicha_hit_row_get_id             (ZichaHitRow *self);
/* Translated: "高", the rule's title, "未处理"… */
const char      *zicha_hit_row_get_severity_label (ZichaHitRow *self);
const char      *zicha_hit_row_get_rule_title     (ZichaHitRow *self);
const char      *zicha_hit_row_get_status_label   (ZichaHitRow *self);

G_END_DECLS
