/* zicha-db.h — one SQLite file holds one body's self-inspection
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* PRAGMA application_id of every Zicha database: "ZICH" in ASCII. */
#define ZICHA_DB_APPLICATION_ID 0x5A494348

#define ZICHA_TYPE_DB (zicha_db_get_type ())
G_DECLARE_FINAL_TYPE (ZichaDb, zicha_db, ZICHA, DB, GObject)

typedef enum
{
  ZICHA_DB_OPEN_DEFAULT = 0,
  /* Create the file when it does not exist (mode 0600). Without this flag a
   * missing file is ZICHA_ERROR_NOT_FOUND. */
  ZICHA_DB_OPEN_CREATE = 1 << 0,
  /* For commands that only read: the connection refuses writes (PRAGMA query_only), so it
   * never takes the write lock. A file Zicha may not write (no write permission bit, or an
   * unwritable file or folder) is opened this way whatever the flags, and opened as immutable
   * while it has no -wal file, so that nothing is left beside it. */
  ZICHA_DB_OPEN_READ_ONLY = 1 << 1,
} ZichaDbOpenFlags;

/* What a file on disk is, found without changing it (zicha_db_probe). */
typedef enum
{
  ZICHA_DB_FILE_MISSING,   /* no such file */
  ZICHA_DB_FILE_NEW,       /* 0 bytes, or SQLite with application_id 0 and no tables */
  ZICHA_DB_FILE_CURRENT,   /* a Zicha database of this schema version */
  ZICHA_DB_FILE_OLDER,     /* a Zicha database that needs migrations */
} ZichaDbFileState;

int               zicha_db_schema_version    (void);
char             *zicha_db_default_path      (void);

/* Looks at @path without writing to it. Returns FALSE with ZICHA_ERROR_NOT_DATABASE,
 * _FOREIGN, _NEWER or _CORRUPT (translated messages) for a file Zicha must not open. */
gboolean          zicha_db_probe             (const char         *path,
                                              ZichaDbFileState   *out_state,
                                              int                *out_version,
                                              GError            **error);

/* Opens (and creates or migrates) the database at @path. Files that fail
 * zicha_db_probe are left byte-for-byte unchanged. */
ZichaDb          *zicha_db_open              (const char         *path,
                                              ZichaDbOpenFlags    flags,
                                              GError            **error);

/* A new database for work that succeeds whole or leaves nothing (an import into a file that
 * does not exist yet): made in a private file (0600) beside @path. zicha_db_publish () closes
 * it and moves it to @path only if nothing is there by then (else G_IO_ERROR_EXISTS: another
 * program made @path meanwhile, and its file is left alone); zicha_db_discard (), or the last
 * unref, removes it. Either way the object has no connection afterwards. */
ZichaDb          *zicha_db_open_staged       (const char         *path,
                                              GError            **error);
gboolean          zicha_db_publish           (ZichaDb            *self,
                                              GError            **error);
void              zicha_db_discard           (ZichaDb            *self);

const char       *zicha_db_get_path          (ZichaDb            *self);
/* TRUE when this open created the schema (new file) or applied migrations. */
gboolean          zicha_db_get_created       (ZichaDb            *self);
gboolean          zicha_db_get_migrated      (ZichaDb            *self);
/* TRUE when nothing can be written through this connection: it was opened with
 * ZICHA_DB_OPEN_READ_ONLY, or the file may not be written. */
gboolean          zicha_db_get_read_only     (ZichaDb            *self);
/* TRUE when the file itself may not be written (the app says so and offers no edits). */
gboolean          zicha_db_get_file_read_only (ZichaDb           *self);
/* TRUE when WAL was refused because the file is on a network file system. */
gboolean          zicha_db_get_on_network_fs (ZichaDb            *self);

char             *zicha_db_get_setting       (ZichaDb            *self,
                                              const char         *key);
gboolean          zicha_db_set_setting       (ZichaDb            *self,
                                              const char         *key,
                                              const char         *value,
                                              GError            **error);

G_END_DECLS
