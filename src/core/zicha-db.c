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
};

G_DEFINE_FINAL_TYPE (ZichaDb, zicha_db, G_TYPE_OBJECT)

static gboolean force_network_fs;

static void
zicha_db_finalize (GObject *object)
{
  ZichaDb *self = ZICHA_DB (object);

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

static void
set_sqlite_error (sqlite3     *handle,
                  int          rc,
                  GError     **error,
                  const char  *what)
{
  const char *message = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  g_set_error (error, ZICHA_ERROR,
               is_corrupt_code (rc) ? ZICHA_ERROR_CORRUPT : ZICHA_ERROR_FAILED,
               "%s: %s", what, message);
}

void
zicha_db_set_error (ZichaDb     *self,
                    GError     **error,
                    const char  *what)
{
  g_return_if_fail (ZICHA_IS_DB (self));

  set_sqlite_error (self->handle, sqlite3_extended_errcode (self->handle), error, what);
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

/* Checks the 100-byte header: that it is SQLite, and that the file is as long as
 * the header says. @size is the file's size. */
static gboolean
check_header (const char  *path,
              goffset      size,
              gboolean    *out_wal_format,
              GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  g_autofree char *wal_path = NULL;
  ssize_t n;
  guint32 page_size;
  int fd;
  int saved_errno;

  if (size < SQLITE_HEADER_SIZE)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_DATABASE,
                   _("“%s” is not a database file."), path);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  do
    n = read (fd, header, sizeof header);
  while (n < 0 && errno == EINTR);
  saved_errno = errno;
  close (fd);
  if (n < 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (n < SQLITE_HEADER_SIZE || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
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
      if (!check_header (path, st.st_size, &wal_format, error))
        return FALSE;
      abs_path = g_canonicalize_filename (path, NULL);
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
  g_autofree char *pragmas = NULL;

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

  pragmas = g_strdup_printf ("PRAGMA foreign_keys = ON;"
                             "PRAGMA synchronous = NORMAL;"
                             "PRAGMA mmap_size = %d;"
                             "PRAGMA cache_size = -%d;",
                             MMAP_SIZE, CACHE_SIZE_KIB);
  return zicha_db_exec (self, pragmas, error);
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

/* Applies each migration the file lacks, one transaction each. The file's state
 * is read again inside every transaction: another connection (a worker thread)
 * may have migrated it since the probe. */
static gboolean
migrate (ZichaDb  *self,
         GError  **error)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      int target = (int) i + 1;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      gint64 application_id = 0, user_version = 0, n_objects = 0;
      ZichaDbFileState state;
      int rc;

      if (!zicha_db_begin (self, error))
        return FALSE;

      rc = query_int (self->handle, "SELECT count(*) FROM main.sqlite_master", &n_objects);
      if (rc == SQLITE_OK)
        rc = query_int (self->handle, "PRAGMA main.application_id", &application_id);
      if (rc == SQLITE_OK)
        rc = query_int (self->handle, "PRAGMA main.user_version", &user_version);
      if (rc != SQLITE_OK)
        {
          zicha_db_set_error (self, error, _("Could not read the database schema version"));
          zicha_db_rollback (self);
          return FALSE;
        }
      if (!classify (self->path, application_id, user_version, n_objects, &state, error))
        {
          zicha_db_rollback (self);
          return FALSE;
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
          return FALSE;
        }
      /* PRAGMA takes no bound parameters; these are integers of ours. */
      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                     (int) ZICHA_DB_APPLICATION_ID, target);
      if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK
          || sqlite3_exec (self->handle, set_version, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_autofree char *what =
            g_strdup_printf (_("Could not update the database to schema version %d"), target);

          zicha_db_set_error (self, error, what);
          zicha_db_rollback (self);
          return FALSE;
        }
      if (!zicha_db_commit (self, error))
        {
          zicha_db_rollback (self);
          return FALSE;
        }

      g_debug ("%s: applied schema migration %s", self->path, migrations[i]);
      if (application_id == 0)
        self->created = TRUE;
      else if (!self->created)
        self->migrated = TRUE;   /* (not the later steps of a new file) */
    }
  return TRUE;
}

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

ZichaDb *
zicha_db_open (const char        *path,
               ZichaDbOpenFlags   flags,
               GError           **error)
{
  g_autoptr(ZichaDb) self = NULL;
  g_autofree char *abs_path = NULL;
  ZichaDbFileState state;
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

      if ((flags & ZICHA_DB_OPEN_CREATE) == 0)
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

  self = g_object_new (ZICHA_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->on_network_fs = is_on_network_fs (abs_path);

  configure_library ();
  /* NOMUTEX: every connection is used by one thread at a time (each worker opens its own), so
   * SQLite's per-call mutexes are pure cost: about 5 % of an import's time. */
  rc = sqlite3_open_v2 (abs_path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ZICHA_ERROR,
                   is_corrupt_code (rc) ? ZICHA_ERROR_CORRUPT : ZICHA_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure_connection (self, error) || !migrate (self, error))
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
