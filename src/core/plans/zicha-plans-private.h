/* zicha-plans-private.h — what the files of plans/ share (plans only)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Statements with bound parameters, the transaction of a change and its history entry,
 * values as users give them (trimmed text, dates, persons), and rows kept in order by a
 * dense position within their plan. Nothing outside plans/ includes this. */
#pragma once

#include "zicha-change-log.h"
#include "zicha-checklist.h"
#include "zicha-db-private.h"
#include "zicha-plans.h"

G_BEGIN_DECLS

/* Prepares @sql and binds its parameters: for each character of @types one argument, 's' a
 * const char * (NULL binds NULL), 'i' a gint64, 'r' a gint64 row id (0 binds NULL). NULL
 * (with a critical: the SQL is ours) when it does not prepare. */
sqlite3_stmt *_zicha_plans_prepare     (sqlite3            *handle,
                                        const char         *sql,
                                        const char         *types,
                                        ...);
/* Runs such a statement to its end; sqlite3_changes () or -1. */
gint64        _zicha_plans_exec        (sqlite3            *handle,
                                        const char         *sql,
                                        const char         *types,
                                        ...);
/* The first column of the first row as an integer into @out (untouched without a row);
 * FALSE when the statement fails. */
gboolean      _zicha_plans_query_int   (sqlite3            *handle,
                                        gint64             *out,
                                        const char         *sql,
                                        const char         *types,
                                        ...);

/* A copy of column @col, NULL for SQL NULL. */
char         *_zicha_plans_dup_column  (sqlite3_stmt       *stmt,
                                        int                 col);
/* The ';'-separated list in column @col as a (never NULL) string vector. */
char        **_zicha_plans_split_column (sqlite3_stmt      *stmt,
                                         int                col);
/* @values sorted (byte order) without duplicates and empty strings, joined by ';'; NULL
 * when none is left. */
char         *_zicha_plans_join_list   (const char * const *values);

/* BEGIN IMMEDIATE; @error says what could not be done. */
gboolean      _zicha_plans_begin       (ZichaDb            *db,
                                        GError            **error);
/* COMMIT, or ROLLBACK and @error when it fails. */
gboolean      _zicha_plans_commit      (ZichaDb            *db,
                                        GError            **error);
/* Sets @error from the connection's last error ("Could not change the plan" …) unless it is
 * set already, rolls back and returns FALSE. */
gboolean      _zicha_plans_fail        (ZichaDb            *db,
                                        GError            **error);
/* Sets the "could not read" error from the connection; returns FALSE. */
gboolean      _zicha_plans_read_failed (ZichaDb            *db,
                                        GError            **error);

/* Appends the history entry of row @id of @table (one of ours) as @entity: @old_values is
 * the row before (NULL for a created row), the row after is read now (NULL when deleted). */
gboolean      _zicha_plans_log         (ZichaDb            *db,
                                        const char         *user_name,
                                        const char         *entity,
                                        const char         *table,
                                        gint64              id,
                                        ZichaChangeAction   action,
                                        const char         *old_values,
                                        GError            **error);

/* @text trimmed, NULL when NULL or empty. */
char         *_zicha_plans_norm        (const char         *text);
/* A date YYYY-MM-DD, or NULL/empty; else ZICHA_ERROR_USAGE naming @what (translated). */
gboolean      _zicha_plans_check_date  (const char         *date,
                                        const char         *what,
                                        GError            **error);
/* The day to compare with: @as_of when it is a date (else ZICHA_ERROR_USAGE), today when
 * NULL; into @out. */
gboolean      _zicha_plans_as_of       (const char         *as_of,
                                        char                out[11],
                                        GError            **error);
/* A person for an assignee or a staff row: with @person_id, the personnel row id and name
 * (ZICHA_ERROR_NOT_FOUND when there is none); else the free @name trimmed (NULL, 0 when
 * empty). */
gboolean      _zicha_plans_resolve_person (ZichaDb         *db,
                                           const char      *person_id,
                                           const char      *name,
                                           gint64          *out_person,
                                           char           **out_name,
                                           GError         **error);
/* ZICHA_ERROR_NOT_FOUND "No such plan" unless plan @plan_id exists. */
gboolean      _zicha_plans_check_plan  (ZichaDb            *db,
                                        gint64              plan_id,
                                        GError            **error);

/* Rows with a dense position in their plan (plan_staff, plan_milestones, checklist_items):
 * moves row @id of @table to @position (clamped), shifting the rows between, and logs it as
 * @entity; inside the caller's transaction. @not_found is the translated message for a
 * missing row. */
gboolean      _zicha_plans_move_row    (ZichaDb            *db,
                                        const char         *table,
                                        const char         *entity,
                                        gint64              id,
                                        guint               position,
                                        const char         *not_found,
                                        const char         *user_name,
                                        GError            **error);
/* Deletes row @id of @table, closes the gap behind it, and logs it. */
gboolean      _zicha_plans_delete_row  (ZichaDb            *db,
                                        const char         *table,
                                        const char         *entity,
                                        gint64              id,
                                        const char         *not_found,
                                        const char         *user_name,
                                        GError            **error);

/* zicha-checklist.c: inserts the template's items into plan @plan_id, in the current
 * language, logged; inside the caller's transaction. */
gboolean      _zicha_checklist_add_template (ZichaDb       *db,
                                             gint64         plan_id,
                                             const char    *user_name,
                                             GError       **error);
/* zicha-checklist.c: a checklist item from a row of the ITEM columns (see there). */
ZichaChecklistItem *_zicha_checklist_item_from_row (sqlite3_stmt *stmt);

/* zicha-sampling.c: deletes every sample of the plan with its items, logged. */
gboolean      _zicha_sampling_delete_plan_samples (ZichaDb     *db,
                                                   gint64       plan_id,
                                                   const char  *user_name,
                                                   GError     **error);

G_END_DECLS
