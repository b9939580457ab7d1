/* zicha-db-private.h — core-internal access to the SQLite handle
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only src/core/ includes this header: the app and the CLI never see SQL. */
#pragma once

#include <sqlite3.h>

#include "zicha-db.h"

G_BEGIN_DECLS

sqlite3  *zicha_db_get_handle        (ZichaDb      *self);

/* Sets @error from the connection's last error; maps SQLITE_CORRUPT/NOTADB to
 * ZICHA_ERROR_CORRUPT. @what is a translated phrase saying what was being done. */
void      zicha_db_set_error         (ZichaDb      *self,
                                      GError      **error,
                                      const char   *what);

/* Sets @error from an SQLite result code @rc (extended) of @handle (or NULL): our translated
 * words for the reason, the code it maps to (BUSY, READ_ONLY, CORRUPT, FAILED) and SQLite's
 * own text as a detail in brackets. @what is a translated phrase saying what was being done. */
void      zicha_db_set_sqlite_error  (sqlite3      *handle,
                                      int           rc,
                                      GError      **error,
                                      const char   *what);

gboolean  zicha_db_exec              (ZichaDb      *self,
                                      const char   *sql,
                                      GError      **error);

/* Transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK; inside an enclosing transaction
 * (below) SAVEPOINT / RELEASE / ROLLBACK TO of it instead. zicha_db_rollback () after the
 * transaction is over (a failed commit rolled back already) does nothing. */
gboolean  zicha_db_begin             (ZichaDb      *self,
                                      GError      **error);
gboolean  zicha_db_commit            (ZichaDb      *self,
                                      GError      **error);
void      zicha_db_rollback          (ZichaDb      *self);

/* An enclosing transaction, for work made of many changes that are each a transaction of
 * their own (the core calls of a demo's self-inspection): kept or dropped whole. Begins with
 * BEGIN IMMEDIATE; until zicha_db_end_outer (), zicha_db_begin/commit/rollback are savepoints
 * in it, so that a change that fails undoes only itself and reports its error, and the
 * caller then ends everything. Not nested: beginning one inside a transaction is
 * ZICHA_ERROR_USAGE. zicha_db_end_outer () commits when @commit (FALSE with @error when that
 * fails; then nothing is kept), else rolls back and returns FALSE. */
gboolean  zicha_db_begin_outer       (ZichaDb      *self,
                                      GError      **error);
gboolean  zicha_db_end_outer         (ZichaDb      *self,
                                      gboolean      commit,
                                      GError      **error);

/* The generation of the body's records (settings key records-generation): whatever changes
 * records that the rules read (an import, the handling of a certificate) raises it inside its
 * own transaction, so that a rule run can tell whether the records it read are still those of
 * the database when it stores its hits. */
gboolean  zicha_db_bump_records_generation (ZichaDb  *self,
                                            GError  **error);
/* -1 when it cannot be read. */
gint64    zicha_db_read_records_generation (sqlite3  *handle);

/* While watched, a statement of @handle stops (SQLITE_INTERRUPT) soon after @cancellable is
 * cancelled: SQLite asks every @n_ops steps of its virtual machine. A NULL @cancellable
 * watches nothing. zicha_db_unwatch_cancellable () ends it. */
void      zicha_db_watch_cancellable   (sqlite3       *handle,
                                        GCancellable  *cancellable,
                                        int            n_ops);
void      zicha_db_unwatch_cancellable (sqlite3       *handle);

/* For tests: treat every file as being on a network file system (no WAL). */
void      zicha_db_set_force_network_fs (gboolean    force);

G_END_DECLS
