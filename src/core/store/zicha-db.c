/* zicha-db.c — one SQLite file holds one body's self-inspection
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a file goes in two steps. zicha_db_probe () (zicha-db-probe.c) looks at it without
 * writing anything. Only a file that passes is opened, set up (WAL, foreign keys, ...) and
 * brought to the current schema by the numbered migrations, one transaction each; a file Zicha
 * may not write is opened read-only and left without side files. Also here: settings, the
 * records' generation.
 */
#define G_LOG_DOMAIN "zicha-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-core-resources.h"
#include "zicha-db-internal.h"
#include "zicha-error.h"
#include "zicha-message-sql.h"

#define MIGRATIONS_PREFIX "/io/github/zicha/Zicha/core/sql/"

/* The schema migrations, in order: migration N brings user_version from N-1 to N.
 * Never edit a migration that has been released; add the next one. */
static const char * const migrations[] = {
  "001-initial.sql",
  "002-lean-indexes.sql",
  "003-risk-index.sql",
  "004-run-owners.sql",
  "005-change-log.sql",
  "006-plans.sql",
  "007-problems.sql",
  "008-rectification.sql",
};

#define MMAP_SIZE       (256 * 1024 * 1024)
#define CACHE_SIZE_KIB  65536
#define PAGE_SIZE       16384

/* statfs f_type of file systems where WAL's shared memory is unsafe. */
#define FS_NFS   0x6969u
#define FS_SMB   0x517Bu
#define FS_SMB2  0xFE534D42u
#define FS_CIFS  0xFF534D42u

G_DEFINE_FINAL_TYPE (ZichaDb, zicha_db, G_TYPE_OBJECT)

static gboolean force_network_fs;

/* Once per process, before SQLite is first used: no memory statistics (they take a global mutex
 * on every allocation). Harmless when SQLite was already initialised by someone else. */
void
_zicha_db_configure_library (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&done, 1);
    }
}

static void
zicha_db_finalize (GObject *object)
{
  ZichaDb *self = ZICHA_DB (object);

  /* A staged database never published is nobody's: it goes. */
  if (self->target_path != NULL)
    {
      g_clear_pointer (&self->handle, sqlite3_close_v2);
      _zicha_db_remove_with_side_files (self->path);
      g_clear_pointer (&self->target_path, g_free);
    }

  if (self->handle != NULL)
    {
      if (sqlite3_next_stmt (self->handle, NULL) != NULL)
        g_warning ("Closing %s with statements not finalized", self->path);
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_free (self->path);
  G_OBJECT_CLASS (zicha_db_parent_class)->finalize (object);
}

static void
zicha_db_class_init (ZichaDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zicha_db_finalize;
}

static void
zicha_db_init (ZichaDb *self)
{
}

int
zicha_db_schema_version (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

char *
zicha_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "zicha", "zicha.db", NULL);
}

void
zicha_db_set_force_network_fs (gboolean force)
{
  force_network_fs = force;
}

/* Opening ----------------------------------------------------------------------------------- */

static gboolean
is_on_network_fs (const char *path)
{
  struct statfs buf;

  if (force_network_fs)
    return TRUE;
  if (statfs (path, &buf) != 0)
    return FALSE;
  switch ((guint32) buf.f_type)
    {
    case FS_NFS:
    case FS_SMB:
    case FS_SMB2:
    case FS_CIFS:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Creates an empty file with mode 0600. The folder is created (0700) only for
 * the default location; elsewhere a missing folder is an error. */
static gboolean
create_file (const char  *path,
             const char  *abs_path,
             gboolean    *out_exists,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (abs_path);
  g_autofree char *default_path = zicha_db_default_path ();
  g_autofree char *default_abs = g_canonicalize_filename (default_path, NULL);
  int fd;
  int saved_errno;

  *out_exists = FALSE;

  if (g_strcmp0 (abs_path, default_abs) == 0 && g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (abs_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == EEXIST)
        {
          /* Made by someone else in the meantime: probe it again. */
          *out_exists = TRUE;
          return TRUE;
        }
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                     _("Could not create “%s”: the folder “%s” does not exist."), path, dir);
      else
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                     _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
_zicha_db_exec_pragma (ZichaDb     *self,
             const char  *sql,
             char       **out_result,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (out_result != NULL && *out_result == NULL)
          *out_result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      zicha_db_set_error (self, error, _("Could not set up the database connection"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (ZichaDb  *self,
                      GError  **error)
{
  g_autofree char *mode = NULL;

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, ZICHA_DB_BUSY_TIMEOUT_MS);

  /* 16 KiB pages (SQLite's default is 4 KiB): a body of 1,000,000 certificates imports in
   * 96 s instead of 109 s and its rules run 10-15 % faster (fewer pages to read and split,
   * fewer system calls for the part of the file beyond the memory map). Only a new, empty
   * file takes it; for any other this does nothing. */
  if (!_zicha_db_exec_pragma (self, "PRAGMA page_size = " G_STRINGIFY (PAGE_SIZE), NULL, error))
    return FALSE;

  if (self->on_network_fs)
    {
      /* WAL needs shared memory that network file systems don't provide
       * safely: use a rollback journal and keep the file locked. */
      if (!_zicha_db_exec_pragma (self, "PRAGMA locking_mode = EXCLUSIVE", NULL, error)
          || !_zicha_db_exec_pragma (self, "PRAGMA journal_mode = DELETE", &mode, error))
        return FALSE;
      g_message ("%s is on a network file system: using a rollback journal "
                 "with exclusive locking instead of WAL", self->path);
    }
  else
    {
      /* Switching a new file to WAL takes an exclusive lock, and SQLite returns BUSY at
       * once, without the busy handler, when another connection that is setting up the
       * same new file holds a lock (a deadlock otherwise): retry for the busy timeout. */
      guint attempt;

      for (attempt = 0; ; attempt++)
        {
          g_autoptr(GError) local_error = NULL;

          if (_zicha_db_exec_pragma (self, "PRAGMA journal_mode = WAL", &mode, &local_error))
            break;
          if ((sqlite3_errcode (self->handle) & 0xff) != SQLITE_BUSY
              || attempt * 10 >= ZICHA_DB_BUSY_TIMEOUT_MS)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_usleep (10 * 1000);
        }
      if (g_ascii_strcasecmp (mode != NULL ? mode : "", "wal") != 0)
        g_message ("%s: WAL journal refused, journal mode is %s", self->path,
                   mode != NULL ? mode : "unknown");
    }

  return zicha_db_exec (self, "PRAGMA synchronous = NORMAL", error);
}

static char *
load_migration (guint    index,
                GError **error)
{
  g_autofree char *resource = g_strconcat (MIGRATIONS_PREFIX, migrations[index], NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (zicha_core_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *what =
        g_strdup_printf (_("Could not update the database to schema version %d"),
                         (int) index + 1);

      g_critical ("Missing schema migration %s: %s", resource, local_error->message);
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, "%s: %s", what, local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* Reads what the file is now (outside or inside a transaction). */
static gboolean
read_state (ZichaDb           *self,
            ZichaDbFileState  *out_state,
            gint64            *out_application_id,
            gint64            *out_user_version,
            GError           **error)
{
  gint64 n_objects = 0;
  int rc;

  rc = _zicha_db_query_int (self->handle, "SELECT count(*) FROM main.sqlite_master", &n_objects);
  if (rc == SQLITE_OK)
    rc = _zicha_db_query_int (self->handle, "PRAGMA main.application_id", out_application_id);
  if (rc == SQLITE_OK)
    rc = _zicha_db_query_int (self->handle, "PRAGMA main.user_version", out_user_version);
  if (rc != SQLITE_OK)
    {
      zicha_db_set_error (self, error, _("Could not read the database schema version"));
      return FALSE;
    }
  return _zicha_db_classify (self->path, *out_application_id, *out_user_version, n_objects, out_state,
                   error);
}

/* Applies each migration the file lacks, one transaction each. A file at the current version
 * is only read: opening it takes no write lock, so a reader is never held up by a writer. The
 * file's state is read again inside every transaction: another connection (a worker thread,
 * another program) may have migrated it since. Foreign keys are off while migrations run, so
 * that one may rebuild a table others refer to (SQLite's "twelve steps" of ALTER TABLE); each
 * checks them before it commits. */
static gboolean
migrate (ZichaDb  *self,
         GError  **error)
{
  gint64 application_id = 0, user_version = 0;
  ZichaDbFileState state;
  gboolean ok = TRUE;
  guint i;

  if (!read_state (self, &state, &application_id, &user_version, error))
    return FALSE;
  if (state == ZICHA_DB_FILE_CURRENT)
    return TRUE;

  if (!zicha_db_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (migrations) && ok; i++)
    {
      int target = (int) i + 1;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      gint64 n_broken = 0;

      if (!zicha_db_begin (self, error))
        {
          ok = FALSE;
          break;
        }
      if (!read_state (self, &state, &application_id, &user_version, error))
        {
          zicha_db_rollback (self);
          ok = FALSE;
          break;
        }
      if (user_version >= target)
        {
          zicha_db_rollback (self);
          continue;
        }

      sql = load_migration (i, error);
      if (sql == NULL)
        {
          zicha_db_rollback (self);
          ok = FALSE;
          break;
        }
      /* PRAGMA takes no bound parameters; these are integers of ours. */
      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                     (int) ZICHA_DB_APPLICATION_ID, target);
      if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK
          || sqlite3_exec (self->handle, set_version, NULL, NULL, NULL) != SQLITE_OK
          || _zicha_db_query_int (self->handle, "SELECT count(*) FROM pragma_foreign_key_check",
                        &n_broken) != SQLITE_OK)
        {
          g_autofree char *what =
            g_strdup_printf (_("Could not update the database to schema version %d"), target);

          zicha_db_set_error (self, error, what);
          zicha_db_rollback (self);
          ok = FALSE;
          break;
        }
      if (n_broken > 0)
        {
          g_critical ("Migration %s leaves %" G_GINT64_FORMAT " broken references",
                      migrations[i], n_broken);
          _zicha_db_set_corrupt (error, self->path, _("references between records are broken"));
          zicha_db_rollback (self);
          ok = FALSE;
          break;
        }
      if (!zicha_db_commit (self, error))
        {
          zicha_db_rollback (self);
          ok = FALSE;
          break;
        }

      g_debug ("%s: applied schema migration %s", self->path, migrations[i]);
      if (application_id == 0)
        self->created = TRUE;
      else if (!self->created)
        self->migrated = TRUE;   /* (not the later steps of a new file) */
    }

  if (!zicha_db_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    ok = FALSE;
  return ok;
}

/* Whether Zicha may write @abs_path: the file and its folder (for the -wal and -shm files) are
 * writable, and the file has a write permission bit at all. The last makes a file the user made
 * read-only (chmod a-w) read-only for root too. */
static gboolean
file_is_writable (const char *abs_path)
{
  g_autofree char *dir = g_path_get_dirname (abs_path);
  GStatBuf st;

  if (g_stat (abs_path, &st) != 0 || (st.st_mode & 0222) == 0)
    return FALSE;
  return g_access (abs_path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* Opens a file Zicha may not write. Without a -wal file nothing but the main file holds data,
 * and no program can be writing to it: open it as immutable, which takes no locks and makes
 * no -wal or -shm file (a read-only connection to a WAL database otherwise leaves both behind,
 * with the file's read-only mode, and every later write fails on them). */
static int
open_read_only (ZichaDb    *self,
                const char *abs_path)
{
  g_autofree char *wal_path = g_strconcat (abs_path, "-wal", NULL);
  g_autofree char *uri = _zicha_db_make_uri (abs_path, !_zicha_db_file_nonempty (wal_path));

  if (uri == NULL)
    return SQLITE_CANTOPEN;
  return sqlite3_open_v2 (uri, &self->handle,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
}

ZichaDb *
zicha_db_open (const char        *path,
               ZichaDbOpenFlags   flags,
               GError           **error)
{
  g_autoptr(ZichaDb) self = NULL;
  g_autofree char *abs_path = NULL;
  g_autofree char *pragmas = NULL;
  ZichaDbFileState state;
  gboolean writable;
  int version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Absolute, so that SQLite (built with URI file names) never takes it for a URI. */
  abs_path = g_canonicalize_filename (path, NULL);

  if (!zicha_db_probe (path, &state, &version, error))
    return NULL;

  if (state == ZICHA_DB_FILE_MISSING)
    {
      gboolean exists;

      if ((flags & ZICHA_DB_OPEN_CREATE) == 0 || (flags & ZICHA_DB_OPEN_READ_ONLY) != 0)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist."), path);
          return NULL;
        }
      if (!create_file (path, abs_path, &exists, error))
        return NULL;
      if (exists && !zicha_db_probe (path, &state, &version, error))
        return NULL;
    }

  writable = file_is_writable (abs_path);
  if (!writable && state != ZICHA_DB_FILE_CURRENT)
    {
      if (state == ZICHA_DB_FILE_NEW)
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_READ_ONLY,
                     _("The database “%s” is empty and read-only: Zicha cannot set it up. "
                       "Make the file writable, or choose another one."), path);
      else
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_READ_ONLY,
                     _("The database “%s” is read-only and was made by an older version of "
                       "Zicha. Make the file writable once, so that Zicha can update it."),
                     path);
      return NULL;
    }

  self = g_object_new (ZICHA_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->on_network_fs = is_on_network_fs (abs_path);
  self->read_only = !writable || (flags & ZICHA_DB_OPEN_READ_ONLY) != 0;
  self->file_read_only = !writable;

  /* NOMUTEX: every connection is used by one thread at a time (each worker opens its own), so
   * SQLite's per-call mutexes are pure cost: about 5 % of an import's time. */
  if (writable)
    rc = sqlite3_open_v2 (abs_path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                          NULL);
  else
    rc = open_read_only (self, abs_path);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), path);

      zicha_db_set_sqlite_error (self->handle, rc, error, what);
      return NULL;
    }

  if (writable)
    {
      if (!configure_connection (self, error) || !migrate (self, error))
        return NULL;
    }
  else
    {
      sqlite3_extended_result_codes (self->handle, 1);
      sqlite3_busy_timeout (self->handle, ZICHA_DB_BUSY_TIMEOUT_MS);
    }

  /* A reader opened for reading only cannot write by mistake, and so never takes the write
   * lock another program may be waiting for. */
  pragmas = g_strdup_printf ("PRAGMA foreign_keys = ON;"
                             "PRAGMA mmap_size = %d;"
                             "PRAGMA cache_size = -%d;"
                             "PRAGMA query_only = %d;",
                             MMAP_SIZE, CACHE_SIZE_KIB, self->read_only ? 1 : 0);
  if (!zicha_db_exec (self, pragmas, error))
    return NULL;
  /* stored messages in the reader's language, for searches (zicha-message-sql.h) */
  zicha_message_register_sql (self->handle);

  return g_steal_pointer (&self);
}

/* Accessors --------------------------------------------------------------------------------- */

const char *
zicha_db_get_path (ZichaDb *self)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), NULL);
  return self->path;
}

gboolean
zicha_db_get_created (ZichaDb *self)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  return self->created;
}

gboolean
zicha_db_get_migrated (ZichaDb *self)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  return self->migrated;
}

gboolean
zicha_db_get_read_only (ZichaDb *self)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  return self->read_only;
}

gboolean
zicha_db_get_file_read_only (ZichaDb *self)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  return self->file_read_only;
}

gboolean
zicha_db_get_on_network_fs (ZichaDb *self)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  return self->on_network_fs;
}

sqlite3 *
zicha_db_get_handle (ZichaDb *self)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), NULL);
  return self->handle;
}

/* Settings ---------------------------------------------------------------------------------- */

char *
zicha_db_get_setting (ZichaDb    *self,
                      const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->handle, "SELECT value FROM settings WHERE key = ?1", -1,
                           &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    g_debug ("%s: could not read setting %s: %s", self->path, key,
             sqlite3_errmsg (self->handle));
  sqlite3_finalize (stmt);
  return value;
}

gboolean
zicha_db_set_setting (ZichaDb     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A NULL value removes the setting. */
  if (value == NULL)
    rc = sqlite3_prepare_v2 (self->handle, "DELETE FROM settings WHERE key = ?1", -1, &stmt,
                             NULL);
  else
    rc = sqlite3_prepare_v2 (self->handle,
                             "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK && value != NULL)
    rc = sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not save the setting “%s”"), key);

      zicha_db_set_error (self, error, what);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Cancellation -------------------------------------------------------------------------------- */

static int
on_progress_check_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable) ? 1 : 0;
}

void
zicha_db_watch_cancellable (sqlite3      *handle,
                            GCancellable *cancellable,
                            int           n_ops)
{
  g_return_if_fail (handle != NULL);

  if (cancellable != NULL)
    sqlite3_progress_handler (handle, n_ops, on_progress_check_cancelled, cancellable);
}

void
zicha_db_unwatch_cancellable (sqlite3 *handle)
{
  g_return_if_fail (handle != NULL);

  sqlite3_progress_handler (handle, 0, NULL, NULL);
}

/* The generation of the records -------------------------------------------------------------- */

gboolean
zicha_db_bump_records_generation (ZichaDb  *self,
                                  GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);

  return zicha_db_exec (self,
                        "INSERT INTO settings (key, value) VALUES ('records-generation', '1') "
                        "ON CONFLICT (key) DO UPDATE SET value = CAST (value AS INTEGER) + 1",
                        error);
}

gint64
zicha_db_read_records_generation (sqlite3 *handle)
{
  gint64 value = -1;

  if (_zicha_db_query_int (handle,
                 "SELECT coalesce ((SELECT CAST (value AS INTEGER) FROM settings "
                 "WHERE key = 'records-generation'), 0)", &value) != SQLITE_OK)
    return -1;
  return value;
}

/* Statements (transactions: zicha-db-transaction.c) ---------------------------------------- */

gboolean
zicha_db_exec (ZichaDb     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (self, error, _("Could not change the database"));
      return FALSE;
    }
  return TRUE;
}
