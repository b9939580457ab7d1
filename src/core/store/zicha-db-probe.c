/* zicha-db-probe.c — what a file is, found without changing it
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 100-byte SQLite header is read through SQLite's own file layer (never with open () and
 * close (), which would drop the locks a connection of this process holds on the file), then a
 * read-only connection reads the schema table, application_id and user_version and runs a few
 * cheap checks. Files Zicha must not touch (not SQLite, another program's, a newer Zicha's,
 * damaged) are refused here and stay byte-for-byte unchanged.
 */
#define G_LOG_DOMAIN "zicha-db"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-db-internal.h"
#include "zicha-error.h"

#define SQLITE_HEADER_SIZE 100
static const char sqlite_magic[16] = "SQLite format 3";  /* with its NUL: 16 bytes */

/* The probe ------------------------------------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

void
_zicha_db_set_corrupt (GError     **error,
             const char  *path,
             const char  *detail)
{
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CORRUPT,
               _("The database “%s” is damaged and cannot be opened (%s). "
                 "Restore it from a backup."),
               path, detail);
}

gboolean
_zicha_db_file_nonempty (const char *path)
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
      _zicha_db_set_corrupt (error, path, _("the file header is invalid"));
      return FALSE;
    }

  /* Every database has at least page 1 in full. The page count in the header is
   * valid when "version-valid-for" equals the change counter; a file shorter
   * than that count was cut off. While a WAL file holds data the main file may
   * be mid-checkpoint, so only check without one. */
  wal_path = g_strconcat (path, "-wal", NULL);
  if (!_zicha_db_file_nonempty (wal_path))
    {
      guint32 pages = read_be32 (header + 28);
      gboolean count_valid = pages > 0 && memcmp (header + 92, header + 24, 4) == 0;

      if (size < (goffset) page_size
          || (count_valid && size < (goffset) pages * (goffset) page_size))
        {
          _zicha_db_set_corrupt (error, path, _("the file is shorter than its header says"));
          return FALSE;
        }
    }

  *out_wal_format = header[18] == 2 || header[19] == 2;
  return TRUE;
}

/* Runs @sql (one statement returning one integer) on @handle. */
int
_zicha_db_query_int (sqlite3     *handle,
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
gboolean
_zicha_db_classify (const char        *path,
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
      _zicha_db_set_corrupt (error, path, _("the schema version is invalid"));
      return FALSE;
    }
  *out_state = user_version == zicha_db_schema_version () ? ZICHA_DB_FILE_CURRENT
                                                          : ZICHA_DB_FILE_OLDER;
  return TRUE;
}

char *
_zicha_db_make_uri (const char *abs_path,
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
  uri = _zicha_db_make_uri (abs_path, wal_format && !g_file_test (wal_path, G_FILE_TEST_EXISTS));
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
      sqlite3_busy_timeout (handle, ZICHA_DB_BUSY_TIMEOUT_MS);
      rc = _zicha_db_query_int (handle, "SELECT count(*) FROM main.sqlite_master", &n_objects);
    }
  if (rc == SQLITE_OK)
    rc = _zicha_db_query_int (handle, "PRAGMA main.application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = _zicha_db_query_int (handle, "PRAGMA main.user_version", &user_version);
  if (rc != SQLITE_OK)
    {
      if (_zicha_db_is_corrupt_code (rc))
        _zicha_db_set_corrupt (error, path, sqlite3_errmsg (handle));
      else
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not open “%s”: %s"),
                     path, handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      goto out;
    }

  if (!_zicha_db_classify (path, application_id, user_version, n_objects, out_state, error))
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
          if (rc == SQLITE_OK || _zicha_db_is_corrupt_code (rc))
            _zicha_db_set_corrupt (error, path, detail);
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

  _zicha_db_configure_library ();
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
