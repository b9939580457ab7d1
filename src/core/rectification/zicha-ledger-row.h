/* zicha-ledger-row.h — one problem of the rectification ledger (整改台账) as shown in a list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-ledger.h"

G_BEGIN_DECLS

/* One row of ZichaLedgerList. The "entry" property changes (and is notified) when the row is
 * read again (zicha_ledger_list_update_problem ()). */
#define ZICHA_TYPE_LEDGER_ROW (zicha_ledger_row_get_type ())
G_DECLARE_FINAL_TYPE (ZichaLedgerRow, zicha_ledger_row, ZICHA, LEDGER_ROW, GObject)

const ZichaLedgerEntry *zicha_ledger_row_get_entry   (ZichaLedgerRow *self);
/* The problem's id; 0 for the empty row of a problem deleted since the list was queried. */
gint64                  zicha_ledger_row_get_id      (ZichaLedgerRow *self);
/* Translated: 未整改, 整改中 …; "" for an empty row. */
const char             *zicha_ledger_row_get_state_label (ZichaLedgerRow *self);

G_END_DECLS
