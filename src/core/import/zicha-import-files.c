/* zicha-import-files.c — importing one file of the folder
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a file record by record (its header, then its rows), reports the problems of the
 * CSV itself, and replaces the sets of child rows (audit teams, check-ins, certificate
 * events) that the file gives anew. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-import-private.h"

#define CHECK_EVERY 4096

static void
report_progress (Importer             *imp,
                 FileState            *fs,
                 const ZichaCsvRecord *record)
{
  if (imp->progress != NULL)
    imp->progress (fs->fmt->file_name, fs->rows, imp->bytes_before + record->bytes_done,
                   imp->bytes_total, imp->progress_data);
}

static gboolean
on_record (const ZichaCsvRecord *record,
           gpointer              user_data)
{
  Importer *imp = user_data;
  FileState *fs = imp->fs;
  gboolean ok;

  if (!fs->header_done)
    {
      fs->header_done = TRUE;
      return _zicha_import_process_header (imp, fs, record);
    }

  ok = _zicha_import_process_row (imp, fs, record);
  g_ptr_array_set_size (fs->row_allocs, 0);
  if (!ok)
    return FALSE;
  if (fs->rows % CHECK_EVERY == 0)
    {
      if (g_cancellable_is_cancelled (imp->cancellable))
        {
          imp->cancelled = TRUE;
          return FALSE;
        }
      report_progress (imp, fs, record);
    }
  return TRUE;
}

typedef struct
{
  Importer     *imp;
  FileState    *fs;
  sqlite3_stmt *children;
  sqlite3_stmt *delete;
} ReplaceData;

static gboolean
replace_children_of (gint64   parent,
                     gpointer data)
{
  ReplaceData *rd = data;
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  sqlite3_bind_int64 (rd->children, 1, parent);
  while ((rc = sqlite3_step (rd->children)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (rd->children, 0);

      if (!zicha_id_set_contains (&rd->fs->touched, id))
        g_array_append_val (stale, id);
    }
  sqlite3_reset (rd->children);
  if (rc != SQLITE_DONE)
    return _zicha_import_fail_sql (rd->imp, _("Cannot write the imported records"));
  for (guint i = 0; i < stale->len; i++)
    {
      sqlite3_bind_int64 (rd->delete, 1, g_array_index (stale, gint64, i));
      if (!_zicha_import_step_done (rd->imp, rd->delete, FALSE))
        return FALSE;
      rd->fs->stats->deleted++;
    }
  return TRUE;
}

/* Removes the stored children of every parent the file mentions that the file no longer
 * has (rows of the new set were touched). Certificate events written by Zicha stay. */
static gboolean
replace_sets (Importer  *imp,
              FileState *fs)
{
  const char *select_sql, *delete_sql;
  ReplaceData rd = { imp, fs, NULL, NULL };
  gboolean ok;

  switch (fs->fmt->kind)
    {
    case ZICHA_RECORD_AUDIT_TEAM:
      select_sql = "SELECT id FROM audit_team WHERE audit = ?1";
      delete_sql = "DELETE FROM audit_team WHERE id = ?1";
      break;
    case ZICHA_RECORD_CHECKINS:
      select_sql = "SELECT id FROM checkins WHERE audit = ?1";
      delete_sql = "DELETE FROM checkins WHERE id = ?1";
      break;
    case ZICHA_RECORD_CERTIFICATE_EVENTS:
      select_sql = "SELECT id FROM certificate_events WHERE cert = ?1 AND origin = 'import'";
      delete_sql = "DELETE FROM certificate_events WHERE id = ?1";
      break;
    default:
      return TRUE;
    }
  rd.children = _zicha_import_prepare (imp, select_sql);
  rd.delete = _zicha_import_prepare (imp, delete_sql);
  ok = rd.children != NULL && rd.delete != NULL
       && zicha_id_set_foreach (&fs->parents, replace_children_of, &rd);
  g_clear_pointer (&rd.children, sqlite3_finalize);
  g_clear_pointer (&rd.delete, sqlite3_finalize);
  return ok;
}

static void
file_state_clear (FileState *fs)
{
  for (guint c = 0; c < fs->fmt->n_columns; c++)
    {
      g_free (fs->cols[c].header);
      g_string_free (fs->cols[c].scratch, TRUE);
    }
  g_free (fs->cols);
  g_free (fs->field_col);
  g_clear_pointer (&fs->slots, g_array_unref);
  g_clear_pointer (&fs->select_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->insert_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->bulk_insert_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->update_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->status_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->codes_delete_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->codes_insert_stmt, sqlite3_finalize);
  g_ptr_array_unref (fs->row_allocs);
  zicha_id_set_clear (&fs->touched);
  zicha_id_set_clear (&fs->parents);
}

static char *
csv_problem_message (const ZichaCsvProblem *problem,
                     ZichaImportEncoding    requested)
{
  switch (problem->status)
    {
    case ZICHA_CSV_NUL_BYTE:
      return g_strdup (_("the file contains a NUL byte"));
    case ZICHA_CSV_BAD_ENCODING:
      if (requested == ZICHA_IMPORT_ENCODING_AUTO)
        return g_strdup (_("the text is neither UTF-8 nor GB18030"));
      if (problem->encoding == ZICHA_IMPORT_ENCODING_GB18030)
        return g_strdup (_("the text is not GB18030"));
      return g_strdup (_("the text is not UTF-8"));
    case ZICHA_CSV_BAD_QUOTES:
      return g_strdup (_("malformed quoting (a quoted value must be followed by a comma or "
                         "the line end; quotes inside a value must be doubled)"));
    case ZICHA_CSV_UNTERMINATED:
      return g_strdup (_("a quoted value is not closed before the end of the file"));
    case ZICHA_CSV_HUGE_RECORD:
      return g_strdup (_("the row is far too long"));
    case ZICHA_CSV_OK:
    case ZICHA_CSV_STOPPED:
    default:
      g_assert_not_reached ();
    }
}

/* (g_qsort_with_data() is stable: messages of a line keep their order.) */
static gint
compare_message_lines (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const ZichaImportMessage *ma = a, *mb = b;

  return ma->line < mb->line ? -1 : ma->line > mb->line;
}

gboolean
_zicha_import_file (Importer              *imp,
                    const ZichaFileFormat *fmt,
                    const char            *path,
                    ZichaImportEncoding    encoding,
                    GError               **error)
{
  FileState fs = { 0 };
  ZichaCsvProblem problem;
  gboolean ok;
  gint64 cpu0;
  guint first_message = imp->result->messages->len;

  fs.fmt = fmt;
  fs.stats = &imp->result->stats[fmt->kind];
  fs.cols = g_new0 (Col, fmt->n_columns);
  fs.row_allocs = g_ptr_array_new_with_free_func (g_free);
  fs.mapped = map_key_column[fmt->kind] != NULL;
  for (guint c = 0; c < fmt->n_columns; c++)
    {
      fs.cols[c].def = &fmt->columns[c];
      fs.cols[c].field = -1;
      fs.cols[c].header = g_strdup (fmt->columns[c].name);
      fs.cols[c].scratch = g_string_new (NULL);
    }
  for (guint k = 0; k < G_N_ELEMENTS (fmt->key) && fmt->key[k] != NULL; k++)
    fs.key_cols[fs.n_key++] = zicha_interchange_column_index (fmt, fmt->key[k]);

  imp->fs = &fs;
  imp->file_name = fmt->file_name;
  cpu0 = _zicha_import_thread_cpu_us ();

  ok = zicha_csv_read (path, encoding,
                       imp->encoding == ZICHA_IMPORT_ENCODING_AUTO
                       && encoding == ZICHA_IMPORT_ENCODING_UTF8,
                       on_record, imp, &problem, error);
  g_debug ("%s: reading thread %.2f s CPU", fmt->file_name,
           (double) (_zicha_import_thread_cpu_us () - cpu0) / 1e6);
  if (fs.pipeline != NULL)
    {
      GArray *messages = imp->result->messages;

      _zicha_import_pipeline_finish (fs.pipeline, &fs, !ok || imp->fatal != NULL || imp->cancelled);
      fs.pipeline = NULL;
      /* The writer's messages came in late: the file's messages in the order of its lines. */
      if (messages->len > first_message + 1)
        g_qsort_with_data (&g_array_index (messages, ZichaImportMessage, first_message),
                           (gint) (messages->len - first_message), sizeof (ZichaImportMessage),
                           compare_message_lines, NULL);
    }
  if (ok && imp->fatal == NULL && !imp->cancelled)
    {
      if (problem.status != ZICHA_CSV_OK && problem.status != ZICHA_CSV_STOPPED)
        _zicha_import_row_error (imp, problem.line, "-",
                                 csv_problem_message (&problem, imp->encoding), NULL);
      else if (problem.status == ZICHA_CSV_OK && !fs.header_done)
        _zicha_import_row_error (imp, 1, "-",
                                 g_strdup (_("the file is empty: it has no header")), NULL);
      else if (problem.status == ZICHA_CSV_OK && imp->result->n_errors == 0 && !fs.was_empty)
        replace_sets (imp, &fs);   /* (a table empty before holds only the new sets) */
    }

  /* The map keeps its keys for later files' references, not the room to grow. */
  if (fs.mapped && imp->maps[fmt->kind] != NULL)
    zicha_key_map_trim (imp->maps[fmt->kind]);
  imp->fs = NULL;
  file_state_clear (&fs);
  return ok;
}
