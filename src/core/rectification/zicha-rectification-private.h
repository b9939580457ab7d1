/* zicha-rectification-private.h — what the files of rectification/ share (core/rectification only)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-measures.c reads measures, zicha-measure-edit.c changes them, zicha-measure-status.c
 * moves them through their states and closes problems out; zicha-evidence.c keeps files,
 * zicha-certificate-actions.c handles problem certificates and zicha-certificate-clocks.c
 * counts their regulatory days; zicha-ledger.c reads the 整改台账, zicha-*-list.c and
 * zicha-*-row.c show lists page by page, zicha-rectification-summary.c counts for the
 * Overview; zicha-rectification-util.c holds the helpers below. The helpers that change
 * something work inside a transaction the caller has begun; each sets @error and returns FALSE
 * (or -1) on failure, and the caller rolls back. */
#pragma once

#include "zicha-change-log.h"
#include "zicha-db-private.h"
#include "zicha-ledger-row.h"
#include "zicha-ledger.h"
#include "zicha-measure-row.h"
#include "zicha-measures.h"

G_BEGIN_DECLS

/* Sets @error from the connection's last error: "Could not change the rectification" /
 * "Could not read the rectification"; returns FALSE. */
gboolean      _zicha_rect_db_error          (ZichaDb       *db,
                                             GError       **error);
gboolean      _zicha_rect_read_error        (ZichaDb       *db,
                                             GError       **error);

/* Prepares @sql and binds one argument per character of @types: 's' a const char * (NULL is
 * SQL NULL), 'i' a gint64, 'n' a gint64 bound as NULL when 0. NULL with @error on failure. */
sqlite3_stmt *_zicha_rect_prepare           (ZichaDb       *db,
                                             GError       **error,
                                             const char    *sql,
                                             const char    *types,
                                             ...);
/* Runs @sql (parameters as _zicha_rect_prepare); the number of rows changed, -1 on error. */
gint64        _zicha_rect_exec              (ZichaDb       *db,
                                             GError       **error,
                                             const char    *sql,
                                             const char    *types,
                                             ...);
/* The first column of the first row as an integer; @fallback when there is no row or it is
 * NULL; -1 with @error on failure. */
gint64        _zicha_rect_query_int         (ZichaDb       *db,
                                             GError       **error,
                                             gint64         fallback,
                                             const char    *sql,
                                             const char    *types,
                                             ...);
/* A text column as a new string, NULL for NULL or empty. */
char         *_zicha_rect_dup_column        (sqlite3_stmt  *stmt,
                                             int            column);

/* An id as the change history's key. */
char         *_zicha_rect_key               (gint64         id);
/* @text trimmed, newly allocated; NULL when NULL or blank. */
char         *_zicha_rect_norm              (const char    *text);
/* TRUE when @date is NULL or a date YYYY-MM-DD; else ZICHA_ERROR_USAGE naming @what (a
 * translated phrase, "The deadline"). */
gboolean      _zicha_rect_check_date        (const char    *what,
                                             const char    *date,
                                             GError       **error);
/* @date, or today (zicha_rectification_today ()) when NULL, checked, into @out. */
gboolean      _zicha_rect_date_or_today     (ZichaDb       *db,
                                             const char    *what,
                                             const char    *date,
                                             char           out[11],
                                             GError       **error);
/* A person of the body (@person_id: its row id and name) or a free @name: *out_person 0 and
 * the trimmed name (NULL when none). ZICHA_ERROR_NOT_FOUND for an unknown person id. */
gboolean      _zicha_rect_resolve_person    (ZichaDb       *db,
                                             const char    *person_id,
                                             const char    *name,
                                             gint64        *out_person,
                                             char         **out_name,
                                             GError       **error);

/* BEGIN IMMEDIATE; and its end: commits when @ok (FALSE with @error when the commit fails),
 * else rolls back; returns whether it committed. */
gboolean      _zicha_rect_begin             (ZichaDb       *db,
                                             GError       **error);
gboolean      _zicha_rect_end               (ZichaDb       *db,
                                             gboolean       ok,
                                             GError       **error);

/* Appends to the change history the row @id of @table as it is now (NULL for a delete), with
 * @before (may be NULL). */
gboolean      _zicha_rect_log_row           (ZichaDb            *db,
                                             const char         *user_name,
                                             const char         *entity,
                                             const char         *table,
                                             gint64              id,
                                             ZichaChangeAction   action,
                                             const char         *before,
                                             GError            **error);

/* Clears the close-out of every problem closed out that is no longer closed by the view
 * problem_states (a measure added, reopened or restored), logging each. */
gboolean      _zicha_rect_clear_stale_closeouts (ZichaDb    *db,
                                                 const char *user_name,
                                                 GError    **error);

/* The measure as named in messages: "7 “first words of its text…”", newly allocated. */
char         *_zicha_rect_measure_name      (const ZichaMeasure *measure);
/* Fills days_left, overdue and due_soon of @measure as of @today (YYYY-MM-DD). */
void          _zicha_rect_measure_set_days  (ZichaMeasure  *measure,
                                             const char    *today);
/* The SQL condition "not done, not verified, not deleted" of the measure aliased @m. */
#define ZICHA_RECT_UNFINISHED(m) \
  "(" m ".deleted_at IS NULL AND " m ".status IN ('open', 'in_progress'))"

/* Begins and reads the measure; NULL (rolled back) with @error when it is not there. */
ZichaMeasure *_zicha_rect_begin_with_measure (ZichaDb      *db,
                                              gint64        measure_id,
                                              GError      **error);

/* FALSE with ZICHA_ERROR_FAILED when @measure is deleted / not addressed to an organization
 * (or deleted). */
gboolean      _zicha_rect_check_live        (const ZichaMeasure  *measure,
                                             GError             **error);
gboolean      _zicha_rect_check_addressed   (const ZichaMeasure  *measure,
                                             GError             **error);

/* The filter's "today" or zicha_rectification_today (), and the last day of "due within"
 * (today + @days), into @today and @until. FALSE with ZICHA_ERROR_USAGE for a bad today. */
gboolean      _zicha_rect_filter_days       (ZichaDb       *db,
                                             const char    *filter_today,
                                             gint           days,
                                             char           today[11],
                                             char           until[11],
                                             GError       **error);

/* zicha-ledger.c: the row of a problem gone since the list was queried (no number, texts ""). */
ZichaLedgerEntry *_zicha_ledger_entry_new_empty (gint64 id);

/* zicha-ledger-row.c, zicha-measure-row.c: rows that take @entry / @measure, and a new one in
 * its place, notified. */
ZichaLedgerRow   *_zicha_ledger_row_new          (ZichaLedgerEntry *entry);
void              _zicha_ledger_row_set_entry    (ZichaLedgerRow   *self,
                                                  ZichaLedgerEntry *entry);
ZichaMeasureRow  *_zicha_measure_row_new         (ZichaMeasure     *measure);
void              _zicha_measure_row_set_measure (ZichaMeasureRow  *self,
                                                  ZichaMeasure     *measure);

G_END_DECLS
