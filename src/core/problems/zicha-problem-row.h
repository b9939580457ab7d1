/* zicha-problem-row.h — one problem of the ledger as shown in a list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-problems.h"

G_BEGIN_DECLS

/* One problem as shown in a list. The "problem" property changes (and is notified) when the
 * problem is read again, e.g. after it was withdrawn or its measures changed its state. */
#define ZICHA_TYPE_PROBLEM_ROW (zicha_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (ZichaProblemRow, zicha_problem_row, ZICHA, PROBLEM_ROW, GObject)

const ZichaProblem *zicha_problem_row_get_problem        (ZichaProblemRow *self);
/* 0 for the empty row of a problem deleted since the list was queried. */
gint64              zicha_problem_row_get_id             (ZichaProblemRow *self);
/* Translated: "未整改", "合法合规", "高", "风险线索"…; "" for an empty row. */
const char         *zicha_problem_row_get_state_label    (ZichaProblemRow *self);
const char         *zicha_problem_row_get_area_label     (ZichaProblemRow *self);
const char         *zicha_problem_row_get_severity_label (ZichaProblemRow *self);
const char         *zicha_problem_row_get_source_label   (ZichaProblemRow *self);

G_END_DECLS
