/* zicha-import.c — importing a folder of interchange-format CSV files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction for the whole folder. Files are read in the order of INTERCHANGE.md and
 * every row is written while it is validated; any error (and there may be many: all are
 * collected) ends in a ROLLBACK, so nothing is written. Rows with an error are still written
 * with stand-in values when their key is readable: the database, about to be rolled back, then
 * serves to find duplicate keys and references of later rows ("errors don't cascade").
 *
 * Keys of the records that other files refer to (person_id, org_id, cert_no, audit_id) are
 * kept in compact maps key → row id, loaded once; row ids written by this import are kept in
 * bitmaps, which find duplicate keys and the child rows a replaced set no longer holds.
 *
 * This file holds the folder: which files it has, the connection's settings for the import
 * and their restoring, the transaction, the loop over the files and the record of the import
 * in the imports table. The other parts are the zicha-import-*.c files, which share
 * zicha-import-private.h. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-day.h"
#include "zicha-error.h"
#include "zicha-import-private.h"

gboolean
zicha_import_encoding_from_string (const char          *text,
                                   ZichaImportEncoding *out_encoding)
{
  static const struct { const char *name; ZichaImportEncoding encoding; } names[] = {
    { "auto", ZICHA_IMPORT_ENCODING_AUTO },
    { "utf-8", ZICHA_IMPORT_ENCODING_UTF8 },
    { "utf8", ZICHA_IMPORT_ENCODING_UTF8 },
    { "gb18030", ZICHA_IMPORT_ENCODING_GB18030 },
    { "gbk", ZICHA_IMPORT_ENCODING_GB18030 },
    { "gb2312", ZICHA_IMPORT_ENCODING_GB18030 },
  };

  g_return_val_if_fail (text != NULL && out_encoding != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (names[i].name, text) == 0)
      {
        *out_encoding = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

static gboolean
record_import (Importer   *imp,
               const char *folder,
               const char *user_name,
               const char *started_at)
{
  g_autofree char *finished_at = zicha_now_text ();
  ZichaImportResult *result = imp->result;
  sqlite3_stmt *stmt;
  gint64 inserted = 0, updated = 0, unchanged = 0;
  gboolean ok = TRUE;

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    {
      inserted += (gint64) result->stats[k].inserted;
      updated += (gint64) result->stats[k].updated;
      unchanged += (gint64) result->stats[k].unchanged;
    }
  stmt = _zicha_import_prepare (imp, "INSERT INTO imports (started_at, finished_at, folder, "
                                     "user_name, inserted, updated, unchanged) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, started_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, finished_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, folder, -1, SQLITE_STATIC);
  if (user_name != NULL)
    sqlite3_bind_text (stmt, 4, user_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, inserted);
  sqlite3_bind_int64 (stmt, 6, updated);
  sqlite3_bind_int64 (stmt, 7, unchanged);
  ok = _zicha_import_step_done (imp, stmt, FALSE);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;
  result->import_id = sqlite3_last_insert_rowid (imp->sql);

  stmt = _zicha_import_prepare (imp, "INSERT INTO import_files (import, file, sha256, rows, "
                                     "inserted, updated, unchanged) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (stmt == NULL)
    return FALSE;
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS && ok; k++)
    {
      const ZichaImportFileStats *s = &result->stats[k];

      if (!s->present)
        continue;
      sqlite3_bind_int64 (stmt, 1, result->import_id);
      sqlite3_bind_text (stmt, 2, zicha_interchange_get_file (k)->file_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, s->sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, (gint64) s->rows);
      sqlite3_bind_int64 (stmt, 5, (gint64) s->inserted);
      sqlite3_bind_int64 (stmt, 6, (gint64) s->updated);
      sqlite3_bind_int64 (stmt, 7, (gint64) s->unchanged);
      ok = _zicha_import_step_done (imp, stmt, FALSE);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
query_foreign_keys (Importer *imp)
{
  sqlite3_stmt *stmt = _zicha_import_prepare (imp, "PRAGMA foreign_keys");
  gboolean on = FALSE;

  if (stmt == NULL)
    return FALSE;
  on = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return on;
}

static void
restore_connection (Importer *imp,
                    gboolean  on)
{
  if (on)
    sqlite3_exec (imp->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  _zicha_import_set_cache_size (imp, imp->cache_size);
}

static gint64
query_cache_size (Importer *imp)
{
  sqlite3_stmt *stmt = _zicha_import_prepare (imp, "PRAGMA cache_size");
  gint64 size = -2000;

  if (stmt == NULL)
    return size;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
importer_clear (Importer *imp)
{
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    g_clear_pointer (&imp->maps[k], zicha_key_map_free);
  g_clear_pointer (&imp->handled_certs, g_hash_table_unref);
  g_clear_error (&imp->fatal);
  g_mutex_clear (&imp->messages_lock);
}

gboolean
zicha_import_folder (ZichaDb                   *db,
                     const char                *folder,
                     const ZichaImportOptions  *options,
                     ZichaImportProgressFunc    progress,
                     gpointer                   progress_data,
                     GCancellable              *cancellable,
                     ZichaImportResult        **out_result,
                     GError                   **error)
{
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *started_at = zicha_now_text ();
  guint64 sizes[ZICHA_N_RECORD_KINDS] = { 0 };
  char *not_regular[ZICHA_N_RECORD_KINDS] = { NULL };
  gboolean foreign_keys;
  g_autofree char *display = NULL;
  Importer imp = { 0 };
  g_auto(Scanner) scanner = { 0 };
  const char *name;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (out_result == NULL || *out_result == NULL, FALSE);

  display = g_filename_display_name (folder);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is a folder. */
                   _("There is no folder %s"), display);
      return FALSE;
    }
  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s is a folder. */
                   _("Cannot read the folder %s"), display);
      return FALSE;
    }

  result = _zicha_import_result_new ();
  imp.db = db;
  imp.sql = zicha_db_get_handle (db);
  imp.encoding = options != NULL ? options->encoding : ZICHA_IMPORT_ENCODING_AUTO;
  imp.result = result;
  g_mutex_init (&imp.messages_lock);
  imp.cancellable = cancellable;
  imp.progress = progress;
  imp.progress_data = progress_data;

  /* Which files are there. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      const ZichaFileFormat *fmt = zicha_interchange_find_file (name);
      GStatBuf st;

      if (fmt == NULL)
        {
          if (!g_file_test (path, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (unknown, g_strdup (name));
          continue;
        }
      /* Only regular files (or links to one) are read: a named pipe would keep the import
       * waiting for ever with the database locked, and a folder is no file. */
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          int saved_errno = errno;
          char *reason;

          if (g_lstat (path, &st) != 0)
            reason = g_strdup_printf (_("cannot be read: %s"), g_strerror (saved_errno));
          else if (S_ISLNK (st.st_mode))
            /* Translators: the link points nowhere, or the system's reason */
            reason = g_strdup_printf (_("a link to nothing that can be read: %s"),
                                      g_strerror (saved_errno));
          else if (S_ISDIR (st.st_mode))
            reason = g_strdup (_("a folder, not a file: refused"));
          else if (S_ISFIFO (st.st_mode))
            reason = g_strdup (_("a named pipe, not a regular file: refused"));
          else
            reason = g_strdup (_("not a regular file: refused"));
          not_regular[fmt->kind] = reason;
          continue;
        }
      result->stats[fmt->kind].present = TRUE;
      sizes[fmt->kind] = (guint64) st.st_size;
      imp.bytes_total += sizes[fmt->kind];
      scanner.paths[fmt->kind] = g_steal_pointer (&path);
    }
  /* (in the order of the files in the format, as every error) */
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    if (not_regular[k] != NULL)
      _zicha_import_add_message (result, zicha_interchange_get_file (k)->file_name, 1, "-",
                                 g_steal_pointer (&not_regular[k]), NULL, FALSE);
  if (result->n_errors > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, result->n_errors);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The import found %s error; nothing was imported",
                                "The import found %s errors; nothing was imported",
                                (gulong) result->n_errors),
                   count);
      importer_clear (&imp);
      if (out_result != NULL)
        *out_result = g_steal_pointer (&result);
      return FALSE;
    }

  /* Checksums and encodings, one file ahead of the import or more. */
  scanner.forced = imp.encoding;
  scanner.result = result;
  _zicha_import_scanner_start (&scanner);

  /* Every reference is checked here against the key maps, so SQLite's checks of foreign
   * keys are switched off for the import (they cost a quarter of the time). Rows with errors
   * are written with stand-ins that may break references; the transaction is rolled back
   * then. The pragma has no effect inside a transaction: it is set before BEGIN. */
  imp.cache_size = query_cache_size (&imp);
  imp.load_cache_size = imp.cache_size;
  foreign_keys = query_foreign_keys (&imp);
  if (foreign_keys)
    _zicha_import_exec_sql (&imp, "PRAGMA foreign_keys = OFF");
  g_clear_error (&imp.fatal);
  if (!zicha_db_begin (db, error))
    {
      restore_connection (&imp, foreign_keys);
      importer_clear (&imp);
      return FALSE;
    }
  if (!_zicha_import_load_handled_certs (&imp))
    ok = FALSE;

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS && ok; k++)
    {
      const ZichaFileFormat *fmt = zicha_interchange_get_file (k);
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) dropped = NULL;
      gboolean bulk;
      gint64 t0;

      if (!result->stats[k].present)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        {
          imp.cancelled = TRUE;
          ok = FALSE;
          break;
        }
      /* (Once there are errors, nothing will be kept: the indexes may as well stay.) */
      bulk = k != ZICHA_RECORD_BODY && result->n_errors == 0
             && _zicha_import_is_bulk_load (&imp, fmt->table, sizes[k]);
      imp.load_cache_size = bulk ? -BULK_CACHE_KIB : imp.cache_size;
      _zicha_import_set_cache_size (&imp, imp.load_cache_size);
      if (bulk)
        {
          dropped = _zicha_import_drop_secondary_indexes (&imp, fmt->table);
          _zicha_import_exec_sql (&imp, "PRAGMA ignore_check_constraints = ON");
        }
      if (imp.fatal != NULL)
        {
          ok = FALSE;
          break;
        }
      path = g_build_filename (folder, fmt->file_name, NULL);
      t0 = g_get_monotonic_time ();
      ok = _zicha_import_scanner_wait (&scanner, k, error)
           && _zicha_import_file (&imp, fmt, path, scanner.encodings[k], error);
      if (bulk)
        sqlite3_exec (imp.sql, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
      if (!ok)
        {
          zicha_db_rollback (db);
          restore_connection (&imp, foreign_keys);
          importer_clear (&imp);
          return FALSE;
        }
      if (imp.fatal != NULL || imp.cancelled)
        ok = FALSE;
      else if (bulk && result->n_errors == 0
               && (!_zicha_import_check_table (&imp, fmt->table)
                   || (dropped != NULL && !_zicha_import_recreate_indexes (&imp, dropped))))
        ok = FALSE;
      g_debug ("%s: %.2f s", fmt->file_name, (double) (g_get_monotonic_time () - t0) / 1e6);
      imp.bytes_before += sizes[k];
      if (progress != NULL)
        progress (fmt->file_name, result->stats[k].rows, imp.bytes_before, imp.bytes_total,
                  progress_data);
    }

  g_ptr_array_sort (unknown, compare_names);
  for (guint i = 0; i < unknown->len; i++)
    _zicha_import_add_message (result, g_ptr_array_index (unknown, i), 1, "-",
                               g_strdup (_("unknown file, ignored")), NULL, TRUE);

  if (ok && result->n_errors == 0)
    {
      const char *user_name = options != NULL ? options->user_name : NULL;
      g_autofree char *absolute = g_canonicalize_filename (folder, NULL);

      if (!record_import (&imp, absolute, user_name, started_at)
          || !zicha_db_bump_records_generation (db, imp.fatal == NULL ? &imp.fatal : NULL)
          || !zicha_db_commit (db, imp.fatal == NULL ? &imp.fatal : NULL))
        ok = FALSE;
      if (ok)
        {
          restore_connection (&imp, foreign_keys);
          importer_clear (&imp);
          if (out_result != NULL)
            *out_result = g_steal_pointer (&result);
          return TRUE;
        }
    }

  zicha_db_rollback (db);
  restore_connection (&imp, foreign_keys);
  result->import_id = 0;
  if (imp.fatal != NULL)
    g_propagate_error (error, g_steal_pointer (&imp.fatal));
  else if (imp.cancelled || g_cancellable_is_cancelled (cancellable))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         _("The import was cancelled; nothing was imported"));
  else
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, result->n_errors);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %s is a number of errors. */
                                "The import found %s error; nothing was imported",
                                "The import found %s errors; nothing was imported",
                                (gulong) MIN (result->n_errors, G_MAXULONG)),
                   count);
    }
  importer_clear (&imp);
  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
  return FALSE;
}
