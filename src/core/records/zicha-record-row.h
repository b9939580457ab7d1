/* zicha-record-row.h — one record of a list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-records.h"

G_BEGIN_DECLS

/* One record as shown in a list: its values formatted for display (dates as stored,
 * auditor-days "4.89", amounts "12.50", enumerated values translated). */
#define ZICHA_TYPE_RECORD_ROW (zicha_record_row_get_type ())
G_DECLARE_FINAL_TYPE (ZichaRecordRow, zicha_record_row, ZICHA, RECORD_ROW, GObject)

ZichaRecordKind  zicha_record_row_get_kind     (ZichaRecordRow *self);
gint64           zicha_record_row_get_id       (ZichaRecordRow *self);
/* The value of column @column (see zicha_record_list_get_n_columns); "" when empty. */
const char      *zicha_record_row_get_value    (ZichaRecordRow *self,
                                                guint           column);
/* A short text naming the record: its key and name, e.g. "C0001 北京华信科技有限公司". */
const char      *zicha_record_row_get_title    (ZichaRecordRow *self);

G_END_DECLS
