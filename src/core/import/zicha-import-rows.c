/* zicha-import-rows.c — checking and writing the rows of a file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header names the columns of the file; each row is then read cell by cell, its key
 * looked up, and it is inserted, updated or found unchanged (or handed to the writer
 * thread). Duplicate keys, ordered pairs of dates and the status of certificates handled
 * in Zicha are checked here. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "zicha-import-private.h"

/* Rows --------------------------------------------------------------------------------- */

static gboolean
sync_scope_codes (Importer  *imp,
                  FileState *fs,
                  gint64     cert,
                  gboolean   tolerate)
{
  int c = zicha_interchange_column_index (fs->fmt, "scope_codes");
  const Col *col = &fs->cols[c];
  const char *p;

  if (col->field < 0 || col->vtype != V_TEXT)
    return TRUE;
  sqlite3_bind_int64 (fs->codes_delete_stmt, 1, cert);
  if (!_zicha_import_step_done (imp, fs->codes_delete_stmt, tolerate))
    return FALSE;
  p = col->text;
  while (*p != '\0')
    {
      const char *e = strchr (p, ';');
      gsize len = e != NULL ? (gsize) (e - p) : strlen (p);

      sqlite3_bind_int64 (fs->codes_insert_stmt, 1, cert);
      sqlite3_bind_text (fs->codes_insert_stmt, 2, p, (int) len, SQLITE_STATIC);
      if (!_zicha_import_step_done (imp, fs->codes_insert_stmt, tolerate))
        return FALSE;
      p += len + (e != NULL ? 1 : 0);
    }
  return TRUE;
}

/* INTERCHANGE.md: an import that gives a certificate handled in Zicha another status is
 * carried out, with a warning per certificate, and the result lists the certificate. The
 * certificates handled are those of certificate_actions and of the events Zicha wrote, read
 * in the import's own SQL (_zicha_import_load_handled_certs). */
static void
warn_handled_status (Importer  *imp,
                     FileState *fs,
                     gint64     cert,
                     guint      line)
{
  int c = zicha_interchange_column_index (fs->fmt, "status");
  const Col *col = &fs->cols[c];
  const Col *key = &fs->cols[fs->key_cols[0]];

  if (col->bad || col->vtype != V_TEXT || !g_hash_table_contains (imp->handled_certs, &cert))
    return;
  sqlite3_bind_int64 (fs->status_stmt, 1, cert);
  if (sqlite3_step (fs->status_stmt) == SQLITE_ROW)
    {
      const char *old = (const char *) sqlite3_column_text (fs->status_stmt, 0);

      if (old != NULL && strcmp (old, col->text) != 0)
        {
          ZichaImportStatusChange change = {
            g_strdup (key->raw), g_strdup (imp->file_name), line, g_strdup (old),
            g_strdup (col->text),
          };
          /* Translators: the words before the colon are INTERCHANGE.md's; %1$s is a
           * certificate number, %2$s and %3$s certificate statuses (suspended, valid…) */
          char *message = g_strdup_printf (_("status changed by import for a certificate "
                                             "handled in Zicha: %1$s, %2$s → %3$s"),
                                           key->raw, old, col->text);

          g_mutex_lock (&imp->messages_lock);
          _zicha_import_add_message (imp->result, imp->file_name, line, col->header, message,
                                     col->raw, TRUE);
          g_array_append_val (imp->result->status_changes, change);
          g_mutex_unlock (&imp->messages_lock);
        }
    }
  sqlite3_reset (fs->status_stmt);
}

/* Key of the row as shown in a duplicate-key error: the cells joined by '/'. */
static char *
key_display (FileState *fs)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < fs->n_key; k++)
    {
      if (k > 0)
        g_string_append_c (out, '/');
      g_string_append (out, fs->cols[fs->key_cols[k]].raw);
    }
  return g_string_free (out, FALSE);
}

static void
check_pairs (Importer  *imp,
             FileState *fs,
             guint      line)
{
  for (guint i = 0; i < fs->fmt->n_pairs; i++)
    {
      const ZichaOrderedPair *pair = &fs->fmt->pairs[i];
      const Col *a = &fs->cols[zicha_interchange_column_index (fs->fmt, pair->earlier)];
      const Col *b = &fs->cols[zicha_interchange_column_index (fs->fmt, pair->later)];
      int cmp;

      if (a->field < 0 || b->field < 0 || a->bad || b->bad
          || a->vtype != V_TEXT || b->vtype != V_TEXT)
        continue;
      cmp = strcmp (a->text, b->text);
      if (pair->strict && cmp >= 0)
        _zicha_import_row_error (imp, line, b->header,
                                 /* Translators: %s is a column name, e.g. issued_on or 发证日期. */
                                 g_strdup_printf (_("must be later than %s"), a->header), b->raw);
      else if (!pair->strict && cmp > 0)
        _zicha_import_row_error (imp, line, b->header,
                                 /* Translators: %s is a column name, e.g. start_on or 开始日期. */
                                 g_strdup_printf (_("must not be earlier than %s"), a->header),
                                 b->raw);
    }
}

/* Looks up the row's key. Returns FALSE when the key is unreadable; *out_id is 0 when the
 * key is new. */
static gboolean
find_row (Importer  *imp,
          FileState *fs,
          gint64    *out_id)
{
  *out_id = 0;
  if (fs->fmt->kind == ZICHA_RECORD_BODY)
    {
      if (sqlite3_step (fs->select_stmt) == SQLITE_ROW)
        *out_id = 1;
      sqlite3_reset (fs->select_stmt);
      return TRUE;
    }
  for (guint k = 0; k < fs->n_key; k++)
    {
      const Col *col = &fs->cols[fs->key_cols[k]];

      if (col->bad || col->vtype == V_NULL)
        return FALSE;
    }
  if (fs->mapped)
    {
      const Col *col = &fs->cols[fs->key_cols[0]];

      if (!zicha_key_map_lookup (imp->maps[fs->fmt->kind], col->text, col->text_len, out_id))
        *out_id = 0;
      return TRUE;
    }
  if (fs->was_empty)
    return TRUE;
  for (guint k = 0; k < fs->n_key; k++)
    _zicha_import_bind_col (fs, fs->select_stmt, (int) k + 1, &fs->cols[fs->key_cols[k]],
                            DERIVE_NONE);
  if (sqlite3_step (fs->select_stmt) == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (fs->select_stmt, 0);
  sqlite3_reset (fs->select_stmt);
  return TRUE;
}

static void
remember_parent (FileState *fs)
{
  const char *parent = NULL;
  int c;

  switch (fs->fmt->kind)
    {
    case ZICHA_RECORD_AUDIT_TEAM:
    case ZICHA_RECORD_CHECKINS:
      parent = "audit_id";
      break;
    case ZICHA_RECORD_CERTIFICATE_EVENTS:
      parent = "cert_no";
      break;
    default:
      return;
    }
  c = zicha_interchange_column_index (fs->fmt, parent);
  if (!fs->cols[c].bad && fs->cols[c].vtype == V_INT && fs->cols[c].num > 0)
    zicha_id_set_add (&fs->parents, fs->cols[c].num);
}

/* For a row that is not read otherwise: its key (of a record kind others refer to) still
 * counts as present, so that errors don't cascade. */
static void
register_key_only (Importer             *imp,
                   FileState            *fs,
                   const ZichaCsvRecord *record)
{
  int field = fs->mapped ? fs->cols[fs->key_cols[0]].field : -1;
  gint64 existing;
  gsize len;
  char *key;

  if (field < 0 || (guint) field >= record->n_fields)
    return;
  len = record->lengths[field];
  key = _zicha_import_trim (record->fields[field], &len);
  if (len > 0 && _zicha_import_key_is_valid (key)
      && !zicha_key_map_lookup (imp->maps[fs->fmt->kind], key, len, &existing))
    zicha_key_map_set (imp->maps[fs->fmt->kind], key, len, --imp->next_placeholder);
}

gboolean
_zicha_import_process_row (Importer             *imp,
                           FileState            *fs,
                           const ZichaCsvRecord *record)
{
  guint line = record->line;
  gboolean doomed;
  gint64 id;

  fs->rows++;
  fs->stats->rows++;

  if (fs->failed)
    {
      /* The header had an error (reported once): only keys are read, for references. */
      register_key_only (imp, fs, record);
      return TRUE;
    }

  if (record->n_fields != fs->n_header)
    {
      _zicha_import_row_error (imp, line, "-",
                               /* Translators: both are numbers of fields. */
                               g_strdup_printf (_("the row has %1$u fields, the header %2$u"),
                                                record->n_fields, fs->n_header),
                               NULL);
      /* Its key still counts, when it can be read. */
      register_key_only (imp, fs, record);
      return TRUE;
    }

  if (fs->fmt->kind == ZICHA_RECORD_BODY && fs->rows > 1)
    {
      _zicha_import_row_error (imp, line, "-", g_strdup (_("body.csv may have only one row")),
                               NULL);
      return TRUE;
    }

  /* Cells in the order of the header. */
  for (guint f = 0; f < fs->n_header; f++)
    {
      int c = fs->field_col[f];

      if (c >= 0)
        _zicha_import_parse_cell (imp, &fs->cols[c], record->fields[f], record->lengths[f], line);
    }
  check_pairs (imp, fs, line);

  if (!find_row (imp, fs, &id))
    return TRUE;   /* unreadable key: reported above */

  if (id < 0 || (id > 0 && zicha_id_set_contains (&fs->touched, id)))
    {
      g_autofree char *key = key_display (fs);

      _zicha_import_row_error (imp, line, "-",
                               g_strdup (_("duplicate key: an earlier row of this file "
                                           "has the same key")), key);
      return TRUE;
    }

  if (id == 0 && fs->pipeline != NULL)
    {
      id = fs->next_id++;
      fs->stats->inserted++;
      if (fs->mapped)
        {
          const Col *col = &fs->cols[fs->key_cols[0]];

          zicha_key_map_set (imp->maps[fs->fmt->kind], col->text, col->text_len, id);
        }
      zicha_id_set_add (&fs->touched, id);
      remember_parent (fs);
      return _zicha_import_pipeline_add_row (fs->pipeline, fs, id, line);
    }
  g_assert (fs->pipeline == NULL);

  doomed = imp->result->n_errors > 0;

  if (id == 0)
    {
      int rc;

      _zicha_import_bind_slots (fs, fs->insert_stmt);
      rc = sqlite3_step (fs->insert_stmt);
      sqlite3_reset (fs->insert_stmt);
      if (rc == SQLITE_DONE)
        {
          id = sqlite3_last_insert_rowid (imp->sql);
          fs->stats->inserted++;
        }
      else if (fs->was_empty && sqlite3_extended_errcode (imp->sql) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_autofree char *key = key_display (fs);

          _zicha_import_row_error (imp, line, "-",
                                   g_strdup (_("duplicate key: an earlier row of this file "
                                               "has the same key")), key);
          return TRUE;
        }
      else if (!doomed)
        return _zicha_import_fail_sql (imp, _("Cannot write the imported records"));
      else
        id = --imp->next_placeholder;

      if (fs->mapped)
        {
          const Col *col = &fs->cols[fs->key_cols[0]];

          zicha_key_map_set (imp->maps[fs->fmt->kind], col->text, col->text_len, id);
        }
      if (id > 0 && fs->fmt->kind == ZICHA_RECORD_CERTIFICATES
          && !sync_scope_codes (imp, fs, id, doomed) && imp->fatal != NULL)
        return FALSE;
    }
  else
    {
      if (fs->fmt->kind == ZICHA_RECORD_CERTIFICATES)
        warn_handled_status (imp, fs, id, line);
      _zicha_import_bind_slots (fs, fs->update_stmt);
      sqlite3_bind_int64 (fs->update_stmt, (int) fs->slots->len + 1, id);
      if (_zicha_import_step_done (imp, fs->update_stmt, doomed))
        {
          if (sqlite3_changes (imp->sql) > 0)
            {
              fs->stats->updated++;
              if (fs->fmt->kind == ZICHA_RECORD_CERTIFICATES
                  && !sync_scope_codes (imp, fs, id, doomed) && imp->fatal != NULL)
                return FALSE;
            }
          else
            fs->stats->unchanged++;
        }
      else if (imp->fatal != NULL)
        return FALSE;
    }

  if (id > 0)
    zicha_id_set_add (&fs->touched, id);
  remember_parent (fs);
  return TRUE;
}

/* Header -------------------------------------------------------------------------------- */

gboolean
_zicha_import_process_header (Importer             *imp,
                              FileState            *fs,
                              const ZichaCsvRecord *record)
{
  const ZichaFileFormat *fmt = fs->fmt;

  fs->n_header = record->n_fields;
  fs->field_col = g_new (int, fs->n_header);
  for (guint f = 0; f < fs->n_header; f++)
    {
      gsize len = record->lengths[f];
      char *cell = _zicha_import_trim (record->fields[f], &len);
      const ZichaColumn *def = zicha_interchange_match_header (fmt, cell);
      int c;

      fs->field_col[f] = -1;
      if (def == NULL)
        {
          _zicha_import_add_message (imp->result, imp->file_name, 1, cell,
                                     g_strdup (_("unknown column, ignored")), NULL, TRUE);
          continue;
        }
      c = (int) (def - fmt->columns);
      if (fs->cols[c].field >= 0)
        {
          /* Translators: %s is the column both header cells name, e.g. org_id. */
          char *message = g_strdup_printf (_("a second header cell for the column %s"), def->name);

          _zicha_import_row_error (imp, 1, cell, message, NULL);
          fs->failed = TRUE;
          continue;
        }
      fs->cols[c].field = (int) f;
      g_free (fs->cols[c].header);
      fs->cols[c].header = g_strdup (cell);
      fs->field_col[f] = c;
    }

  for (guint c = 0; c < fmt->n_columns; c++)
    if (fmt->columns[c].required && fs->cols[c].field < 0)
      {
        _zicha_import_row_error (imp, 1, fmt->columns[c].name,
                                 g_strdup (_("required column missing")), NULL);
        fs->failed = TRUE;
      }

  if (fs->mapped && _zicha_import_get_map (imp, fmt->kind) == NULL)
    return FALSE;
  if (fs->failed)
    return TRUE;
  if (!_zicha_import_prepare_file_statements (imp, fs))
    return FALSE;
  if (fs->bulk_insert_stmt != NULL)
    {
      /* The writer thread will own the connection: load every key map the rows need now. */
      for (guint c = 0; c < fmt->n_columns; c++)
        if (fs->cols[c].field >= 0 && fmt->columns[c].type == ZICHA_VALUE_REFERENCE
            && _zicha_import_get_map (imp, fmt->columns[c].references) == NULL)
          return FALSE;
      fs->pipeline = _zicha_import_pipeline_start (imp, fs);
    }
  return TRUE;
}
