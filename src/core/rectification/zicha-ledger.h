/* zicha-ledger.h — the rectification ledger (整改台账): one row per problem
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns Chinese bodies keep in their ledgers, per problem: 序号 (the row's position in
 * the list, from 1: a front numbers its rows), 问题编号, 自查重点, 问题来源, 问题描述, 原因分析,
 * 整改措施, 责任部门, 责任人, 整改时限, 完成日期, 完成情况, 佐证材料, 验证人, 验证结论,
 * 问题证书处理, 销号状态. Texts of several items are one item a line ('\n'). Filters and orders
 * are SQL (zicha_ledger_query_ids ()), for ZichaLedgerList (zicha-ledger-list.h).
 *
 * Only the measures that are not deleted count. A problem is overdue when one of its measures
 * is (zicha-measures.h), due soon when one is; "due within N days" keeps the problems with a
 * measure neither done nor verified whose deadline is today or in the next N days. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-measures.h"
#include "zicha-problems.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_LEDGER_ENTRY (zicha_ledger_entry_get_type ())

/* One row of the ledger. Texts are "" when empty, never NULL (but for an empty row, whose
 * problem is gone since the list was queried: problem->number NULL, every text ""). */
typedef struct
{
  ZichaProblem *problem;        /* 问题编号 (number), 自查重点 (area), 问题来源 (source), state */
  char         *area_label;     /* 自查重点, translated */
  char         *source_label;   /* 问题来源, translated */
  char         *description;    /* 问题描述: the title, then the description */
  char         *cause;          /* 原因分析: categories, the 5 whys, the free text */
  char         *measures;       /* 整改措施: "1. [kind] text", a line each */
  char         *departments;    /* 责任部门: of the measures (else the problem's), each once */
  char         *responsible;    /* 责任人: likewise */
  char         *deadline;       /* 整改时限: the latest deadline of its measures */
  char         *done_on;        /* 完成日期: the latest completion, once all are done */
  char         *progress;       /* 完成情况: how many measures are done of how many */
  char         *evidence;       /* 佐证材料: the names of its files and its measures' files */
  char         *verifiers;      /* 验证人 */
  char         *conclusions;    /* 验证结论: of each measure verified or sent back */
  char         *certificates;   /* 问题证书处理: "handling certificate (date)", a line each */
  char         *closeout;       /* 销号状态: the state, and when and by whom it was closed out */
  guint         n_measures;
  guint         n_done;         /* done or verified */
  guint         n_verified;
  guint         n_evidence;
  gboolean      overdue;        /* a measure is overdue */
  gboolean      due_soon;       /* a measure is due soon */
  gint          days_left;      /* the fewest days left of its unfinished measures; G_MININT */
} ZichaLedgerEntry;

GType             zicha_ledger_entry_get_type (void) G_GNUC_CONST;
ZichaLedgerEntry *zicha_ledger_entry_copy     (const ZichaLedgerEntry *entry);
void              zicha_ledger_entry_free     (ZichaLedgerEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaLedgerEntry, zicha_ledger_entry_free)

/* Filters: NULL, empty, 0 and ANY fields match everything. The Overview's counts each open
 * the ledger with one of these (state, area, closed in a week). */
typedef struct
{
  guint           states;          /* mask of 1 << ZichaProblemState; 0: all */
  const char     *area;            /* a focus area nick */
  const char     *department;      /* of a measure, or the problem's own: exactly */
  const char     *person;          /* responsible for a measure (name or person id), or for
                                    * the problem: exactly */
  ZichaDueFilter  due;
  gint            due_within_days;
  const char     *closed_from;     /* closed out on or after (YYYY-MM-DD) … */
  const char     *closed_to;       /* … and on or before */
  const char     *text;            /* in the number, title or description */
  const char     *today;           /* NULL: zicha_rectification_today () */
} ZichaLedgerFilter;

typedef enum
{
  ZICHA_LEDGER_ORDER_NUMBER,       /* year, then sequence */
  ZICHA_LEDGER_ORDER_STATE,        /* open … withdrawn, then number */
  ZICHA_LEDGER_ORDER_AREA,         /* legal, conduct, practice, capability, then number */
  ZICHA_LEDGER_ORDER_SEVERITY,     /* high first, then number */
  ZICHA_LEDGER_ORDER_DEADLINE,     /* 整改时限 (none last), then number */
  ZICHA_LEDGER_ORDER_CLOSED_ON,    /* close-out date (none last), then number */
} ZichaLedgerOrder;

/* The ids of the problems matching @filter (gint64) in @order; cancelled:
 * G_IO_ERROR_CANCELLED. */
GArray    *zicha_ledger_query_ids (ZichaDb                  *db,
                                   const ZichaLedgerFilter  *filter,
                                   ZichaLedgerOrder          order,
                                   gboolean                  descending,
                                   GCancellable             *cancellable,
                                   GError                  **error);
gint64     zicha_ledger_count     (ZichaDb                  *db,
                                   const ZichaLedgerFilter  *filter,
                                   GError                  **error);
/* The rows of the problems @ids (ZichaLedgerEntry*), in their order; NULL for ids gone. */
GPtrArray *zicha_ledger_get_many  (ZichaDb                  *db,
                                   const gint64             *ids,
                                   guint                     n_ids,
                                   GError                  **error);
/* The whole ledger matching @filter (ZichaLedgerEntry*), for exports and the report. */
GPtrArray *zicha_ledger_query     (ZichaDb                  *db,
                                   const ZichaLedgerFilter  *filter,
                                   ZichaLedgerOrder          order,
                                   gboolean                  descending,
                                   GError                  **error);

G_END_DECLS
