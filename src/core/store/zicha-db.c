/* zicha-db.c — one SQLite file holds one body's self-inspection
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a file goes in two steps. zicha_db_probe () looks at it without
 * writing anything: the 100-byte SQLite header, then a read-only connection
 * that reads the schema table, application_id and user_version and runs a few
 * cheap checks. Only a file that passes is opened read-write, set up (WAL,
 * foreign keys, ...) and brought to the current schema by the numbered
 * migrations, one transaction each. Files Zicha must not touch (not SQLite,
 * another program's, a newer Zicha's, damaged) stay byte-for-byte unchanged.
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
#include "zicha-db-private.h"
#include "zicha-error.h"

#define MIGRATIONS_PREFIX "/io/github/zicha/Zicha/core/sql/"

/* The schema migrations, in order: migration N brings user_version from N-1 to N.
 * Never edit a migration that has been released; add the next one. */
static const char * const migrations[] = {
  "001-initial.sql",
  "002-lean-indexes.sql",
  "003-risk-index.sql",
  "004-run-owners.sql",
};

#define BUSY_TIMEOUT_MS 5000
#define MMAP_SIZE       (256 * 1024 * 1024)
#define CACHE_SIZE_KIB  65536
#define PAGE_SIZE       16384

#define SQLITE_HEADER_SIZE 100
static const char sqlite_magic[16] = "SQLite format 3";  /* with its NUL: 16 bytes */

/* statfs f_type of file systems where WAL's shared memory is unsafe. */
#define FS_NFS   0x6969u
#define FS_SMB   0x517Bu
#define FS_SMB2  0xFE534D42u
#define FS_CIFS  0xFF534D42u

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
};

G_DEFINE_FINAL_TYPE (ZichaDb, zicha_db, G_TYPE_OBJECT)

static gboolean force_network_fs;

/* Once per process, before SQLite is first used: no memory statistics (they take a global mutex
 * on every allocation). Harmless when SQLite was already initialised by someone else. */
static void
configure_library (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&done, 1);
    }
}

static void remove_with_side_files (const char *path);

static void
zicha_db_finalize (GObject *object)
{
  ZichaDb *self = ZICHA_DB (object);

  /* A staged database never published is nobody's: it goes. */
  if (self->target_path != NULL)
    {
      g_clear_pointer (&self->handle, sqlite3_close_v2);
      remove_with_side_files (self->path);
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

static gboolean
is_corrupt_code (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* Our words for what SQLite reports, so that no English text of SQLite's reaches a user
 * alone: @rc is an (extended) result code. */
static ZichaError
sqlite_reason (int          rc,
               const char **out_reason)
{
  switch (rc)
    {
    case SQLITE_READONLY_DBMOVED:
      *out_reason = _("the database file was moved or deleted while it was in use");
      return ZICHA_ERROR_FAILED;
    case SQLITE_BUSY_SNAPSHOT:
      *out_reason = _("another program changed the database in the meantime");
      return ZICHA_ERROR_BUSY;
    default:
      break;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      *out_reason = _("another program is writing to the database (an import or a rule run, "
                      "for example); try again when it has finished");
      return ZICHA_ERROR_BUSY;
    case SQLITE_READONLY:
      *out_reason = _("the database is read-only");
      return ZICHA_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      *out_reason = _("the database file is damaged");
      return ZICHA_ERROR_CORRUPT;
    case SQLITE_FULL:
      *out_reason = _("the disk is full");
      return ZICHA_ERROR_FAILED;
    case SQLITE_IOERR:
      *out_reason = _("the file could not be read or written");
      return ZICHA_ERROR_FAILED;
    case SQLITE_CANTOPEN:
      *out_reason = _("the file could not be opened");
      return ZICHA_ERROR_FAILED;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      *out_reason = _("permission denied");
      return ZICHA_ERROR_FAILED;
    case SQLITE_NOMEM:
      *out_reason = _("out of memory");
      return ZICHA_ERROR_FAILED;
    case SQLITE_INTERRUPT:
      *out_reason = _("the work was interrupted");
      return ZICHA_ERROR_FAILED;
    case SQLITE_CONSTRAINT:
      *out_reason = _("the change would break a rule of the database");
      return ZICHA_ERROR_FAILED;
    case SQLITE_TOOBIG:
      *out_reason = _("a value is too large");
      return ZICHA_ERROR_FAILED;
    default:
      *out_reason = _("an internal error of the database");
      return ZICHA_ERROR_FAILED;
    }
}

void
zicha_db_set_sqlite_error (sqlite3     *handle,
                           int          rc,
                           GError     **error,
                           const char  *what)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  const char *reason = NULL;
  ZichaError code = sqlite_reason (rc, &reason);

  g_set_error (error, ZICHA_ERROR, code,
               /* Translators: %1$s says what was being done, %2$s why it failed (both
                * translated), %3$s is the database's own English text, kept as a detail */
               _("%1$s: %2$s (SQLite: %3$s)"), what, reason,
               detail != NULL ? detail : "?");
}

void
zicha_db_set_error (ZichaDb     *self,
                    GError     **error,
                    const char  *what)
{
  g_return_if_fail (ZICHA_IS_DB (self));

  zicha_db_set_sqlite_error (self->handle, sqlite3_extended_errcode (self->handle), error,
                             what);
}

/* The probe ------------------------------------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
set_corrupt (GError     **error,
             const char  *path,
             const char  *detail)
{
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CORRUPT,
               _("The database “%s” is damaged and cannot be opened (%s). "
                 "Restore it from a backup."),
               path, detail);
}

static gboolean
file_nonempty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

/* Reads the first @n bytes of @abs_path through SQLite's own file layer. A plain open () and
 * close () of a file that a connection of this process holds would drop every POSIX lock the
 * process holds on it (close () releases them all: "How To Corrupt An SQLite Database File",
 * section 2.2); SQLite's unix layer shares one lock table per file and keeps such a descriptor
 * open until the last lock is gone. Returns an SQLite result code. */
static int
read_head (const char *abs_path,
           guint8     *buf,
           int         n)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  sqlite3_file *file;
  g_autofree char *name = NULL;
  gsize len = strlen (abs_path);
  int out_flags = 0;
  int rc;

  if (vfs == NULL)
    return SQLITE_ERROR;
  /* SQLite expects file names followed by more NULs (where URI parameters would be). */
  name = g_malloc0 (len + 4);
  memcpy (name, abs_path, len);
  file = g_malloc0 ((gsize) vfs->szOsFile);
  rc = vfs->xOpen (vfs, name, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
  if (rc == SQLITE_OK)
    {
      rc = file->pMethods->xRead (file, buf, n, 0);
      file->pMethods->xClose (file);
    }
  g_free (file);
  return rc;
}

/* Checks the 100-byte header: that it is SQLite, and that the file is as long as
 * the header says. @size is the file's size. */
static gboolean
check_header (const char  *path,
              const char  *abs_path,
              goffset      size,
              gboolean    *out_wal_format,
              GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  g_autofree char *wal_path = NULL;
  guint32 page_size;
  int rc;

  if (size < SQLITE_HEADER_SIZE)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_DATABASE,
                   _("“%s” is not a database file."), path);
      return FALSE;
    }

  rc = read_head (abs_path, header, sizeof header);
  if (rc != SQLITE_OK)
    {
      int saved_errno = g_access (abs_path, R_OK) != 0 ? errno : EIO;

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_DATABASE,
                   _("“%s” is not a database file."), path);
      return FALSE;
    }

  /* Page size: a power of two from 512 to 32768, or 1 for 65536. */
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      set_corrupt (error, path, _("the file header is invalid"));
      return FALSE;
    }

  /* Every database has at least page 1 in full. The page count in the header is
   * valid when "version-valid-for" equals the change counter; a file shorter
   * than that count was cut off. While a WAL file holds data the main file may
   * be mid-checkpoint, so only check without one. */
  wal_path = g_strconcat (path, "-wal", NULL);
  if (!file_nonempty (wal_path))
    {
      guint32 pages = read_be32 (header + 28);
      gboolean count_valid = pages > 0 && memcmp (header + 92, header + 24, 4) == 0;

      if (size < (goffset) page_size
          || (count_valid && size < (goffset) pages * (goffset) page_size))
        {
          set_corrupt (error, path, _("the file is shorter than its header says"));
          return FALSE;
        }
    }

  *out_wal_format = header[18] == 2 || header[19] == 2;
  return TRUE;
}

/* Runs @sql (one statement returning one integer) on @handle. */
static int
query_int (sqlite3     *handle,
           const char  *sql,
           gint64      *out_value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out_value = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* What application_id, user_version and the number of schema objects say a file
 * is. Shared by the probe and by the migration, which checks again inside its
 * transaction. */
static gboolean
classify (const char        *path,
          gint64             application_id,
          gint64             user_version,
          gint64             n_objects,
          ZichaDbFileState  *out_state,
          GError           **error)
{
  if (application_id == 0 && n_objects == 0 && user_version == 0)
    {
      *out_state = ZICHA_DB_FILE_NEW;
      return TRUE;
    }
  if (application_id != ZICHA_DB_APPLICATION_ID)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of Zicha. "
                     "Zicha leaves it unchanged."),
                   path);
      return FALSE;
    }
  if (user_version > zicha_db_schema_version ())
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NEWER,
                   _("The database “%s” was made by a newer version of Zicha "
                     "(schema version %d; this version knows up to %d). "
                     "Update Zicha to open it."),
                   path, (int) user_version, zicha_db_schema_version ());
      return FALSE;
    }
  if (user_version < 0)
    {
      set_corrupt (error, path, _("the schema version is invalid"));
      return FALSE;
    }
  *out_state = user_version == zicha_db_schema_version () ? ZICHA_DB_FILE_CURRENT
                                                          : ZICHA_DB_FILE_OLDER;
  return TRUE;
}

static char *
make_uri (const char *abs_path,
          gboolean    immutable)
{
  g_autofree char *uri = g_filename_to_uri (abs_path, NULL, NULL);

  if (uri == NULL)
    return NULL;
  return g_strconcat (uri, immutable ? "?mode=ro&immutable=1" : "?mode=ro", NULL);
}

/* Reads the first row of each table and index: the root pages of a fresh database
 * are its first pages, so garbage there shows at once, without reading the data. */
static int
touch_root_pages (sqlite3  *handle,
                  char    **out_detail)
{
  sqlite3_stmt *list = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT name FROM main.sqlite_master "
                           "WHERE type = 'table' AND rootpage > 0 "
                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                           -1, &list, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (list, 0);
      /* An identifier cannot be a bound parameter: quote it with %w. */
      char *sql = sqlite3_mprintf ("SELECT 1 FROM main.\"%w\" LIMIT 1", name);
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
      sqlite3_free (sql);
      if (rc == SQLITE_OK)
        {
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      if (rc != SQLITE_OK)
        {
          *out_detail = g_strdup (sqlite3_errmsg (handle));
          g_debug ("Reading the first row of %s failed: %s", name, *out_detail);
        }
      sqlite3_finalize (stmt);
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  else if (rc != SQLITE_OK && *out_detail == NULL)
    *out_detail = g_strdup (sqlite3_errmsg (handle));
  sqlite3_finalize (list);
  return rc;
}

static gboolean
probe_sqlite (const char        *path,
              const char        *abs_path,
              gboolean           wal_format,
              ZichaDbFileState  *out_state,
              int               *out_version,
              GError           **error)
{
  g_autofree char *wal_path = g_strconcat (abs_path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *detail = NULL;
  sqlite3 *handle = NULL;
  gint64 application_id = 0, user_version = 0, n_objects = 0;
  gboolean ok = FALSE;
  int rc;

  /* A read-only connection to a WAL database creates -wal and -shm and leaves
   * them behind. Without a WAL file there is nothing but the main file to
   * read, so open it as immutable: no locks, no side files. */
  uri = make_uri (abs_path, wal_format && !g_file_test (wal_path, G_FILE_TEST_EXISTS));
  if (uri == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("Could not open “%s”: the file name is invalid."), path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (handle, 1);
      sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
      rc = query_int (handle, "SELECT count(*) FROM main.sqlite_master", &n_objects);
    }
  if (rc == SQLITE_OK)
    rc = query_int (handle, "PRAGMA main.application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = query_int (handle, "PRAGMA main.user_version", &user_version);
  if (rc != SQLITE_OK)
    {
      if (is_corrupt_code (rc))
        set_corrupt (error, path, sqlite3_errmsg (handle));
      else
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not open “%s”: %s"),
                     path, handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      goto out;
    }

  if (!classify (path, application_id, user_version, n_objects, out_state, error))
    goto out;

  if (*out_state != ZICHA_DB_FILE_NEW)
    {
      sqlite3_stmt *stmt = NULL;

      /* Cheap checks only: databases grow to gigabytes, so no full integrity_check. */
      rc = sqlite3_prepare_v2 (handle, "PRAGMA main.quick_check(sqlite_master)", -1, &stmt,
                               NULL);
      if (rc == SQLITE_OK)
        {
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              const char *row = (const char *) sqlite3_column_text (stmt, 0);

              if (g_strcmp0 (row, "ok") != 0 && detail == NULL)
                detail = g_strdup (row != NULL ? row : "?");
            }
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      if (rc != SQLITE_OK && detail == NULL)
        detail = g_strdup (sqlite3_errmsg (handle));
      sqlite3_finalize (stmt);
      if (detail != NULL)
        g_debug ("%s: quick_check of the schema table failed: %s", path, detail);

      if (rc == SQLITE_OK && detail == NULL)
        rc = touch_root_pages (handle, &detail);

      if (detail != NULL)
        {
          if (rc == SQLITE_OK || is_corrupt_code (rc))
            set_corrupt (error, path, detail);
          else
            g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                         _("Could not open “%s”: %s"), path, detail);
          goto out;
        }
    }

  *out_version = (int) user_version;
  ok = TRUE;

out:
  sqlite3_close (handle);
  return ok;
}

gboolean
zicha_db_probe (const char        *path,
                ZichaDbFileState  *out_state,
                int               *out_version,
                GError           **error)
{
  g_autofree char *abs_path = NULL;
  ZichaDbFileState state = ZICHA_DB_FILE_MISSING;
  int version = 0;
  gboolean wal_format = FALSE;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  configure_library ();
  if (out_state != NULL)
    *out_state = ZICHA_DB_FILE_MISSING;
  if (out_version != NULL)
    *out_version = 0;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      g_set_error (error, ZICHA_ERROR,
                   saved_errno == ENOTDIR ? ZICHA_ERROR_NOT_FOUND : ZICHA_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("“%s” is a folder, not a database file."), path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_DATABASE,
                   _("“%s” is not a database file."), path);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      state = ZICHA_DB_FILE_NEW;
    }
  else
    {
      abs_path = g_canonicalize_filename (path, NULL);
      if (!check_header (path, abs_path, st.st_size, &wal_format, error))
        return FALSE;
      if (!probe_sqlite (path, abs_path, wal_format, &state, &version, error))
        return FALSE;
    }

  if (out_state != NULL)
    *out_state = state;
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
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

static gboolean
exec_pragma (ZichaDb     *self,
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
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  /* 16 KiB pages (SQLite's default is 4 KiB): a body of 1,000,000 certificates imports in
   * 96 s instead of 109 s and its rules run 10-15 % faster (fewer pages to read and split,
   * fewer system calls for the part of the file beyond the memory map). Only a new, empty
   * file takes it; for any other this does nothing. */
  if (!exec_pragma (self, "PRAGMA page_size = " G_STRINGIFY (PAGE_SIZE), NULL, error))
    return FALSE;

  if (self->on_network_fs)
    {
      /* WAL needs shared memory that network file systems don't provide
       * safely: use a rollback journal and keep the file locked. */
      if (!exec_pragma (self, "PRAGMA locking_mode = EXCLUSIVE", NULL, error)
          || !exec_pragma (self, "PRAGMA journal_mode = DELETE", &mode, error))
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

          if (exec_pragma (self, "PRAGMA journal_mode = WAL", &mode, &local_error))
            break;
          if ((sqlite3_errcode (self->handle) & 0xff) != SQLITE_BUSY
              || attempt * 10 >= BUSY_TIMEOUT_MS)
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

  rc = query_int (self->handle, "SELECT count(*) FROM main.sqlite_master", &n_objects);
  if (rc == SQLITE_OK)
    rc = query_int (self->handle, "PRAGMA main.application_id", out_application_id);
  if (rc == SQLITE_OK)
    rc = query_int (self->handle, "PRAGMA main.user_version", out_user_version);
  if (rc != SQLITE_OK)
    {
      zicha_db_set_error (self, error, _("Could not read the database schema version"));
      return FALSE;
    }
  return classify (self->path, *out_application_id, *out_user_version, n_objects, out_state,
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
          || query_int (self->handle, "SELECT count(*) FROM pragma_foreign_key_check",
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
          set_corrupt (error, self->path, _("references between records are broken"));
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
  g_autofree char *uri = make_uri (abs_path, !file_nonempty (wal_path));

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
      sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
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

/* Staged databases ----------------------------------------------------------------------------- */

static void
remove_with_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal", "" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

ZichaDb *
zicha_db_open_staged (const char  *path,
                      GError     **error)
{
  g_autofree char *abs_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  ZichaDb *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  abs_path = g_canonicalize_filename (path, NULL);
  tmp = g_strconcat (abs_path, ".new-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      dir = g_path_get_dirname (abs_path);
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                     _("Could not create “%s”: the folder “%s” does not exist."), path, dir);
      else
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                     _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);   /* (no connection of ours has this new file open yet) */

  self = zicha_db_open (tmp, ZICHA_DB_OPEN_DEFAULT, error);
  if (self == NULL)
    {
      remove_with_side_files (tmp);
      return NULL;
    }
  self->target_path = g_strdup (path);
  return self;
}

gboolean
zicha_db_publish (ZichaDb  *self,
                  GError  **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *what = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  g_return_val_if_fail (self->target_path != NULL, FALSE);

  tmp = g_strdup (self->path);
  what = g_strdup_printf (_("Could not save the new database “%s”"), self->target_path);

  /* Everything into the main file, and no -wal left: the file alone moves. */
  if (!exec_pragma (self, "PRAGMA journal_mode = DELETE", NULL, NULL))
    {
      zicha_db_set_error (self, error, what);
      zicha_db_discard (self);
      return FALSE;
    }
  rc = sqlite3_close (self->handle);
  if (rc != SQLITE_OK)
    {
      g_critical ("%s: statements left open: %s", tmp, sqlite3_errmsg (self->handle));
      zicha_db_set_sqlite_error (self->handle, rc, error, what);
      zicha_db_discard (self);
      return FALSE;
    }
  self->handle = NULL;

  /* Into place only where nothing is: another program may have made the file meanwhile, and
   * replacing it would throw away what it wrote. */
  if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, self->target_path, RENAME_NOREPLACE) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINVAL || saved_errno == ENOSYS)
        {
          /* (a file system without it: a hard link fails the same way on EEXIST) */
          saved_errno = link (tmp, self->target_path) == 0 ? 0 : errno;
          if (saved_errno == 0)
            g_unlink (tmp);
        }
      if (saved_errno != 0)
        {
          if (saved_errno == EEXIST)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("“%s” was made by another program meanwhile."),
                         self->target_path);
          else
            g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, "%s: %s", what,
                         g_strerror (saved_errno));
          zicha_db_discard (self);
          return FALSE;
        }
    }

  g_free (self->path);
  self->path = g_steal_pointer (&self->target_path);
  return TRUE;
}

void
zicha_db_discard (ZichaDb *self)
{
  g_return_if_fail (ZICHA_IS_DB (self));

  if (self->target_path == NULL)
    return;
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  remove_with_side_files (self->path);
  g_clear_pointer (&self->target_path, g_free);
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

  if (query_int (handle,
                 "SELECT coalesce ((SELECT CAST (value AS INTEGER) FROM settings "
                 "WHERE key = 'records-generation'), 0)", &value) != SQLITE_OK)
    return -1;
  return value;
}

/* Statements and transactions --------------------------------------------------------------- */

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

gboolean
zicha_db_begin (ZichaDb  *self,
                GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);

  if (sqlite3_exec (self->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (self, error, _("Could not start a database transaction"));
      return FALSE;
    }
  return TRUE;
}

gboolean
zicha_db_commit (ZichaDb  *self,
                 GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);

  if (sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (self, error, _("Could not save the changes to the database"));
      return FALSE;
    }
  return TRUE;
}

void
zicha_db_rollback (ZichaDb *self)
{
  g_return_if_fail (ZICHA_IS_DB (self));

  /* After some errors SQLite has already rolled back by itself. */
  if (sqlite3_get_autocommit (self->handle))
    return;
  if (sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("%s: rollback failed: %s", self->path, sqlite3_errmsg (self->handle));
}
