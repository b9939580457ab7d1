/* zicha-measure-row.h — one rectification measure as shown in a list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-measures.h"

G_BEGIN_DECLS

/* One row of ZichaMeasureList. The "measure" property changes (and is notified) when the
 * measure is read again (zicha_measure_list_update_measure ()). */
#define ZICHA_TYPE_MEASURE_ROW (zicha_measure_row_get_type ())
G_DECLARE_FINAL_TYPE (ZichaMeasureRow, zicha_measure_row, ZICHA, MEASURE_ROW, GObject)

const ZichaMeasure *zicha_measure_row_get_measure      (ZichaMeasureRow *self);
/* 0 for the empty row of a measure gone since the list was queried. */
gint64              zicha_measure_row_get_id           (ZichaMeasureRow *self);
/* Translated: 纠正 …, 整改中 …, 有效 …; "" for an empty row. */
const char         *zicha_measure_row_get_kind_label   (ZichaMeasureRow *self);
const char         *zicha_measure_row_get_status_label (ZichaMeasureRow *self);
const char         *zicha_measure_row_get_conclusion_label (ZichaMeasureRow *self);
/* The numbers of the problems it serves, joined by ", " ("" for an empty row). */
const char         *zicha_measure_row_get_problems     (ZichaMeasureRow *self);

G_END_DECLS
