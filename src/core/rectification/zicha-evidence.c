/* zicha-evidence.c — evidence (佐证材料): files kept in the database, checked on every read
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content is a BLOB in the last column of its row, so that listing the files never reads
 * it; its SHA-256 (GChecksum) and size are stored beside it when it is added and compared
 * with the bytes read whenever they are read. The change history gets the row without its
 * content. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-error.h"
#include "zicha-evidence.h"
#include "zicha-files.h"
#include "zicha-json.h"
#include "zicha-rectification-private.h"

#define EVIDENCE_COLUMNS                                                                       \
  "id, measure, problem, from_org, file_name, mime_type, size, sha256, note, added_at,"       \
  " added_by, removed_at, removed_by"

void
zicha_evidence_free (ZichaEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->file_name);
  g_free (evidence->mime_type);
  g_free (evidence->sha256);
  g_free (evidence->note);
  g_free (evidence->added_at);
  g_free (evidence->added_by);
  g_free (evidence->removed_at);
  g_free (evidence->removed_by);
  g_free (evidence);
}

static ZichaEvidence *
evidence_from_row (sqlite3_stmt *stmt)
{
  ZichaEvidence *e = g_new0 (ZichaEvidence, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->measure = sqlite3_column_int64 (stmt, 1);
  e->problem = sqlite3_column_int64 (stmt, 2);
  e->from_org = sqlite3_column_int (stmt, 3) != 0;
  e->file_name = _zicha_rect_dup_column (stmt, 4);
  e->mime_type = _zicha_rect_dup_column (stmt, 5);
  e->size = sqlite3_column_int64 (stmt, 6);
  e->sha256 = _zicha_rect_dup_column (stmt, 7);
  e->note = _zicha_rect_dup_column (stmt, 8);
  e->added_at = _zicha_rect_dup_column (stmt, 9);
  e->added_by = _zicha_rect_dup_column (stmt, 10);
  e->removed_at = _zicha_rect_dup_column (stmt, 11);
  e->removed_by = _zicha_rect_dup_column (stmt, 12);
  return e;
}

/* The row @id without its content, as JSON for the change history; NULL when none. */
static char *
evidence_json (ZichaDb *db, gint64 id)
{
  g_autoptr(ZichaEvidence) e = zicha_evidence_get (db, id, NULL);
  ZichaJson *json;

  if (e == NULL)
    return NULL;
  json = zicha_json_begin ();
  zicha_json_add_int (json, "id", e->id);
  if (e->measure != 0)
    zicha_json_add_int (json, "measure", e->measure);
  else
    zicha_json_add_string (json, "measure", NULL);
  if (e->problem != 0)
    zicha_json_add_int (json, "problem", e->problem);
  else
    zicha_json_add_string (json, "problem", NULL);
  zicha_json_add_int (json, "from_org", e->from_org);
  zicha_json_add_string (json, "file_name", e->file_name);
  zicha_json_add_string (json, "mime_type", e->mime_type);
  zicha_json_add_int (json, "size", e->size);
  zicha_json_add_string (json, "sha256", e->sha256);
  zicha_json_add_string (json, "note", e->note);
  zicha_json_add_string (json, "added_at", e->added_at);
  zicha_json_add_string (json, "added_by", e->added_by);
  zicha_json_add_string (json, "removed_at", e->removed_at);
  zicha_json_add_string (json, "removed_by", e->removed_by);
  return zicha_json_end (json);
}

static gboolean
log_evidence (ZichaDb *db, gint64 id, ZichaChangeAction action, const char *before,
              const char *user_name, GError **error)
{
  g_autofree char *after = evidence_json (db, id);
  g_autofree char *key = _zicha_rect_key (id);

  return zicha_change_log_append (db, user_name, "evidence", key, action, before, after, error);
}

static char *
sha256_hex (GBytes *bytes)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize size = 0;
  const guchar *data = g_bytes_get_data (bytes, &size);

  if (size > 0)
    g_checksum_update (checksum, data, (gssize) size);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The owner exists (a measure not deleted, or a problem). */
static gboolean
check_owner (ZichaDb *db, gint64 measure_id, gint64 problem_id, GError **error)
{
  if ((measure_id != 0) == (problem_id != 0))
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Evidence is attached to a measure or to a problem"));
      return FALSE;
    }
  if (measure_id != 0)
    {
      g_autoptr(ZichaMeasure) measure = zicha_measures_get (db, measure_id, error);

      return measure != NULL && _zicha_rect_check_live (measure, error);
    }
  {
    g_autoptr(ZichaProblem) problem = zicha_problems_get (db, problem_id, error);

    return problem != NULL;
  }
}

gint64
zicha_evidence_add_bytes (ZichaDb     *db,
                          gint64       measure_id,
                          gint64       problem_id,
                          gboolean     from_org,
                          const char  *file_name,
                          const char  *mime_type,
                          GBytes      *content,
                          const char  *note,
                          const char  *user_name,
                          GError     **error)
{
  g_autofree char *name = NULL, *type = NULL, *sha = NULL, *text = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize size = 0;
  gconstpointer data;
  char now[20];
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);
  g_return_val_if_fail (content != NULL, 0);

  if (file_name != NULL)
    {
      g_autofree char *base = g_path_get_basename (file_name);

      name = _zicha_rect_norm (strcmp (base, ".") == 0 || strcmp (base, G_DIR_SEPARATOR_S) == 0
                               ? NULL : base);
    }
  if (name == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Evidence needs a file name"));
      return 0;
    }
  data = g_bytes_get_data (content, &size);
  if (mime_type != NULL && *mime_type != '\0')
    type = g_strdup (mime_type);
  else
    {
      g_autofree char *guess = g_content_type_guess (name, data, size, NULL);

      type = g_content_type_get_mime_type (guess);
      if (type == NULL)
        type = g_strdup ("application/octet-stream");
    }
  sha = sha256_hex (content);
  text = _zicha_rect_norm (note);
  zicha_now (now);

  if (!_zicha_rect_begin (db, error))
    return 0;
  ok = check_owner (db, measure_id, problem_id, error);
  if (ok)
    stmt = _zicha_rect_prepare (db, error,
                                "INSERT INTO evidence (measure, problem, from_org, file_name,"
                                " mime_type, size, sha256, note, added_at, added_by, content)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "nnississss",
                                measure_id, problem_id, (gint64) (from_org ? 1 : 0), name, type,
                                (gint64) size, sha, text, now,
                                user_name != NULL && *user_name != '\0' ? user_name : "?");
  ok = stmt != NULL;
  if (ok)
    {
      /* the content as a BLOB (a zero-length BLOB for an empty file, never NULL) */
      sqlite3_bind_blob64 (stmt, 11, size > 0 ? data : "", size, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE || _zicha_rect_db_error (db, error);
      sqlite3_finalize (stmt);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (zicha_db_get_handle (db));
      ok = log_evidence (db, id, ZICHA_CHANGE_CREATE, NULL, user_name, error);
    }
  if (!_zicha_rect_end (db, ok, error))
    return 0;
  return id;
}

gint64
zicha_evidence_add_file (ZichaDb     *db,
                         gint64       measure_id,
                         gint64       problem_id,
                         gboolean     from_org,
                         const char  *path,
                         const char  *note,
                         const char  *user_name,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      display = g_filename_display_name (path);
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a file, %2$s the system's reason */
                   _("Cannot read the file %1$s: %2$s"), display, local_error->message);
      return 0;
    }
  content = g_bytes_new_take (g_steal_pointer (&contents), length);
  base = g_path_get_basename (path);
  display = g_filename_display_name (base);
  return zicha_evidence_add_bytes (db, measure_id, problem_id, from_org, display, NULL, content,
                                   note, user_name, error);
}

GPtrArray *
zicha_evidence_list (ZichaDb   *db,
                     gint64     measure_id,
                     gint64     problem_id,
                     gboolean   include_removed,
                     GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = _zicha_rect_prepare (db, error,
                              "SELECT " EVIDENCE_COLUMNS " FROM evidence"
                              " WHERE (measure = ?1 OR problem = ?2)"
                              " AND (?3 OR removed_at IS NULL) ORDER BY id", "iii",
                              measure_id != 0 ? measure_id : -1,
                              problem_id != 0 ? problem_id : -1,
                              (gint64) (include_removed ? 1 : 0));
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_evidence_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, evidence_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_rect_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

ZichaEvidence *
zicha_evidence_get (ZichaDb  *db,
                    gint64    evidence_id,
                    GError  **error)
{
  ZichaEvidence *evidence = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  stmt = _zicha_rect_prepare (db, error, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE id = ?",
                              "i", evidence_id);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    evidence = evidence_from_row (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return evidence;
  if (rc != SQLITE_DONE)
    _zicha_rect_read_error (db, error);
  else
    {
      g_autofree char *key = _zicha_rect_key (evidence_id);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is the number of a file of evidence */
                   _("There is no evidence file %s"), key);
    }
  return NULL;
}

GBytes *
zicha_evidence_read (ZichaDb  *db,
                     gint64    evidence_id,
                     GError  **error)
{
  g_autoptr(ZichaEvidence) evidence = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  evidence = zicha_evidence_get (db, evidence_id, error);
  if (evidence == NULL)
    return NULL;
  stmt = _zicha_rect_prepare (db, error, "SELECT content FROM evidence WHERE id = ?", "i",
                              evidence_id);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0),
                         (gsize) sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      _zicha_rect_read_error (db, error);
      return NULL;
    }
  sha = sha256_hex (bytes);
  if ((gint64) g_bytes_get_size (bytes) != evidence->size || strcmp (sha, evidence->sha256) != 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CORRUPT,
                   /* Translators: %s is the name of a file of evidence */
                   _("The evidence file “%s” does not match its SHA-256 checksum: it was changed "
                     "or damaged in the database"), evidence->file_name);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

gboolean
zicha_evidence_save (ZichaDb     *db,
                     gint64       evidence_id,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;
  const guchar *data;
  FILE *file;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = zicha_evidence_read (db, evidence_id, error);
  if (bytes == NULL)
    return FALSE;
  file = zicha_file_open_private (path, error);
  if (file == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  ok = (size == 0 || fwrite (data, 1, size, file) == size);
  ok = (fclose (file) == 0) && ok;
  if (!ok)
    {
      g_autofree char *display = g_filename_display_name (path);
      int saved_errno = errno;

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %1$s is a file, %2$s the system's reason */
                   _("Cannot write the file %1$s: %2$s"), display, g_strerror (saved_errno));
    }
  return ok;
}

static gboolean
set_removed (ZichaDb *db, gint64 evidence_id, gboolean removed, const char *user_name,
             GError **error)
{
  g_autoptr(ZichaEvidence) evidence = NULL;
  g_autofree char *before = NULL;
  char now[20];
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_rect_begin (db, error))
    return FALSE;
  evidence = zicha_evidence_get (db, evidence_id, error);
  if (evidence == NULL)
    return _zicha_rect_end (db, FALSE, error);
  if ((evidence->removed_at != NULL) == removed)
    {
      if (removed)
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                     /* Translators: %s is the name of a file of evidence */
                     _("The evidence file “%s” is removed already"), evidence->file_name);
      else
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                     /* Translators: %s is the name of a file of evidence */
                     _("The evidence file “%s” is not removed"), evidence->file_name);
      ok = FALSE;
    }
  zicha_now (now);
  before = ok ? evidence_json (db, evidence_id) : NULL;
  ok = ok && _zicha_rect_exec (db, error,
                               "UPDATE evidence SET removed_at = ?, removed_by = ? WHERE id = ?",
                               "ssi", removed ? now : NULL,
                               removed ? (user_name != NULL && *user_name != '\0'
                                          ? user_name : "?") : NULL, evidence_id) >= 0
       && log_evidence (db, evidence_id, ZICHA_CHANGE_UPDATE, before, user_name, error);
  return _zicha_rect_end (db, ok, error);
}

gboolean
zicha_evidence_remove (ZichaDb     *db,
                       gint64       evidence_id,
                       const char  *user_name,
                       GError     **error)
{
  return set_removed (db, evidence_id, TRUE, user_name, error);
}

gboolean
zicha_evidence_undo_remove (ZichaDb     *db,
                            gint64       evidence_id,
                            const char  *user_name,
                            GError     **error)
{
  return set_removed (db, evidence_id, FALSE, user_name, error);
}
