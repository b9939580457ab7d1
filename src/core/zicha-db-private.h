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

gboolean  zicha_db_exec              (ZichaDb      *self,
                                      const char   *sql,
                                      GError      **error);

/* Transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
gboolean  zicha_db_begin             (ZichaDb      *self,
                                      GError      **error);
gboolean  zicha_db_commit            (ZichaDb      *self,
                                      GError      **error);
void      zicha_db_rollback          (ZichaDb      *self);

/* For tests: treat every file as being on a network file system (no WAL). */
void      zicha_db_set_force_network_fs (gboolean    force);

G_END_DECLS
