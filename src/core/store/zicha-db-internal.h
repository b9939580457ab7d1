/* zicha-db-internal.h — what the files of store/ share about a connection (store only)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-db.c opens and sets up a connection, zicha-db-probe.c looks at a file without
 * changing it, zicha-db-staged.c makes new databases that take their name only on success,
 * zicha-db-error.c puts SQLite's errors in our words. Nothing outside store/ includes this. */
#pragma once

#include "zicha-db-private.h"

G_BEGIN_DECLS

#define ZICHA_DB_BUSY_TIMEOUT_MS 5000

struct _ZichaDb
{
  GObject   parent_instance;
  sqlite3  *handle;
  char     *path;
  guint     created : 1;
  guint     migrated : 1;
  guint     on_network_fs : 1;
  char     *target_path;          /* staged: where zicha_db_publish () puts the file */
  guint     read_only : 1;        /* no writes through this connection */
  guint     file_read_only : 1;   /* the file itself may not be written */
  guint     outer : 1;            /* in an enclosing transaction (zicha_db_begin_outer) */
  guint     savepoints;           /* zicha_db_begin ()s open inside it */
};

/* Once per process, before SQLite is first used. */
void      _zicha_db_configure_library      (void);
gboolean  _zicha_db_is_corrupt_code        (int                rc);
void      _zicha_db_set_corrupt            (GError           **error,
                                            const char        *path,
                                            const char        *detail);
gboolean  _zicha_db_file_nonempty          (const char        *path);
/* Runs @sql (one statement returning one integer) on @handle; an SQLite result code. */
int       _zicha_db_query_int              (sqlite3           *handle,
                                            const char        *sql,
                                            gint64            *out_value);
/* What application_id, user_version and the number of schema objects say a file is. */
gboolean  _zicha_db_classify               (const char        *path,
                                            gint64             application_id,
                                            gint64             user_version,
                                            gint64             n_objects,
                                            ZichaDbFileState  *out_state,
                                            GError           **error);
/* A read-only URI for @abs_path; immutable (no locks, no side files) when @immutable. */
char     *_zicha_db_make_uri               (const char        *abs_path,
                                            gboolean           immutable);
gboolean  _zicha_db_exec_pragma            (ZichaDb           *self,
                                            const char        *sql,
                                            char             **out_result,
                                            GError           **error);
/* Removes @path and its -wal, -shm and -journal files. */
void      _zicha_db_remove_with_side_files (const char        *path);

G_END_DECLS
