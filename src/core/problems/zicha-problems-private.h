/* zicha-problems-private.h — what the files of problems/ share (core/problems only)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-problems.c reads the ledger, zicha-problem-edit.c changes it (numbers, records,
 * withdrawal, deletion), zicha-problem-causes.c keeps the cause analysis,
 * zicha-problem-triage.c confirms risk leads into it, zicha-similar.c extends a problem to
 * similar records (举一反三) and zicha-problem-list.c shows the ledger page by page. The helpers below work inside a transaction the caller has begun
 * and write the change history; each sets @error and returns FALSE (or -1) on failure, and
 * the caller rolls back. */
#pragma once

#include "zicha-db-private.h"
#include "zicha-problem-row.h"
#include "zicha-problems.h"

G_BEGIN_DECLS

/* Sets @error from the connection's last error: "Could not change the problem list". */
gboolean  _zicha_problems_db_error        (ZichaDb                   *db,
                                           GError                   **error);
/* Runs @sql with parameters: for each character of @types one argument, 's' a const char *
 * (NULL is SQL NULL), 'i' a gint64, 'n' a gint64 bound as NULL when 0. Returns the number of
 * rows changed, or -1 with @error set. */
gint64    _zicha_problems_exec            (ZichaDb                   *db,
                                           GError                   **error,
                                           const char                *sql,
                                           const char                *types,
                                           ...);
/* The first column of the first row of @sql (parameters as _zicha_problems_exec) as an
 * integer; @fallback when there is no row or it is NULL; -1 with @error on failure. */
gint64    _zicha_problems_query_int       (ZichaDb                   *db,
                                           GError                   **error,
                                           gint64                     fallback,
                                           const char                *sql,
                                           const char                *types,
                                           ...);

/* The problem's id as the change history's key. */
char     *_zicha_problems_key             (gint64                     problem_id);

/* Checks @draft (area, severity, title, found_on, the ids it names) and inserts the problem
 * with the next number of its year, logging the creation. @source and @extended_from of the
 * draft are used as given. */
gboolean  _zicha_problems_insert          (ZichaDb                   *db,
                                           const ZichaProblemDraft   *draft,
                                           const char                *user_name,
                                           gint64                    *out_problem_id,
                                           GError                   **error);
/* Checks that the record @type / @key may be named (a record kind; for the kinds with keys,
 * a record with that key exists). */
gboolean  _zicha_problems_check_record    (ZichaDb                   *db,
                                           const char                *type,
                                           const char                *key,
                                           GError                   **error);
/* Adds one record (origin @hit, 0: by hand) unless the problem has it, logging it. */
gboolean  _zicha_problems_add_record      (ZichaDb                   *db,
                                           gint64                     problem_id,
                                           const char                *type,
                                           const char                *key,
                                           gint64                     hit,
                                           const char                *user_name,
                                           GError                   **error);
/* Removes one record, logging it; FALSE with ZICHA_ERROR_NOT_FOUND when it is not there. */
gboolean  _zicha_problems_remove_record   (ZichaDb                   *db,
                                           gint64                     problem_id,
                                           const char                *type,
                                           const char                *key,
                                           const char                *user_name,
                                           GError                   **error);
/* Adds the risk lead @hit to the problem with @note and the records it has in hit_records,
 * logging them (the hit itself is marked by the caller). */
gboolean  _zicha_problems_add_hit         (ZichaDb                   *db,
                                           gint64                     problem_id,
                                           gint64                     hit,
                                           const char                *note,
                                           const char                *user_name,
                                           GError                   **error);
/* Withdraws the problem with @reason (trimmed, non-empty), logging it. */
gboolean  _zicha_problems_set_withdrawn   (ZichaDb                   *db,
                                           gint64                     problem_id,
                                           const char                *reason,
                                           const char                *user_name,
                                           GError                   **error);
/* NULL when the problem may be deleted (zicha_problems_delete ()), else the translated reason
 * why not; TRUE in @out_failed (with @error) when it could not be found out. */
char     *_zicha_problems_why_kept        (ZichaDb                   *db,
                                           gint64                     problem_id,
                                           gboolean                  *out_failed,
                                           GError                   **error);
/* Deletes the problem (the caller checked _zicha_problems_why_kept ()), logging it. */
gboolean  _zicha_problems_delete_row      (ZichaDb                   *db,
                                           gint64                     problem_id,
                                           const char                *user_name,
                                           GError                   **error);

/* Begins a transaction; FALSE with @error when it cannot. Ends it: commits when @ok (FALSE
 * with @error when the commit fails), else rolls back; returns whether it committed. */
gboolean  _zicha_problems_begin           (ZichaDb                   *db,
                                           GError                   **error);
gboolean  _zicha_problems_end             (ZichaDb                   *db,
                                           gboolean                   ok,
                                           GError                   **error);

/* zicha-problem-row.c: a row that takes @problem; and @problem (taken) in place of its
 * problem, notified. */
ZichaProblemRow *_zicha_problem_row_new         (ZichaProblem              *problem);
void             _zicha_problem_row_set_problem (ZichaProblemRow           *self,
                                                 ZichaProblem              *problem);

G_END_DECLS
