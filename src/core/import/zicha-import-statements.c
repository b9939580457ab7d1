/* zicha-import-statements.c — the import's SQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers that prepare and run statements on the import's connection, the key maps and
 * the certificates handled in Zicha loaded from the database, and the statements of the
 * file being read: its slots (the columns written, with the values derived from them),
 * INSERT, UPDATE and SELECT of a row, and the binding of a row's values. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "zicha-import-private.h"
#include "zicha-pinyin.h"

/* Database helpers ----------------------------------------------------------------------- */

gboolean
_zicha_import_fail_sql (Importer   *imp,
                        const char *what)
{
  if (imp->fatal == NULL)
    zicha_db_set_error (imp->db, &imp->fatal, what);
  return FALSE;
}

sqlite3_stmt *
_zicha_import_prepare (Importer   *imp,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (imp->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _zicha_import_fail_sql (imp, _("Cannot prepare the import"));
      g_debug ("%s: %s", sql, sqlite3_errmsg (imp->sql));
      return NULL;
    }
  return stmt;
}

gboolean
_zicha_import_exec_sql (Importer   *imp,
                        const char *sql)
{
  if (sqlite3_exec (imp->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _zicha_import_fail_sql (imp, _("Cannot import"));
  return TRUE;
}

ZichaKeyMap *
_zicha_import_get_map (Importer        *imp,
                       ZichaRecordKind  kind)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  ZichaKeyMap *map;

  g_assert (map_key_column[kind] != NULL);
  if (imp->maps[kind] != NULL)
    return imp->maps[kind];

  sql = g_strdup_printf ("SELECT %s, id FROM %s", map_key_column[kind],
                         zicha_interchange_get_file (kind)->table);
  stmt = _zicha_import_prepare (imp, sql);
  if (stmt == NULL)
    return NULL;
  map = zicha_key_map_new (1024);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    zicha_key_map_set (map, (const char *) sqlite3_column_text (stmt, 0),
                       (gsize) sqlite3_column_bytes (stmt, 0), sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
  imp->maps[kind] = map;
  return map;
}

gboolean
_zicha_import_load_handled_certs (Importer *imp)
{
  sqlite3_stmt *stmt = _zicha_import_prepare (imp,
                                              "SELECT cert FROM certificate_actions "
                                              "UNION SELECT cert FROM certificate_events "
                                              "WHERE origin = 'zicha'");

  if (stmt == NULL)
    return FALSE;
  imp->handled_certs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (imp->handled_certs, id);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Statements of a file ------------------------------------------------------------------ */

static void
add_slot (FileState  *fs,
          const char *db_column,
          int         col,
          Derive      derive)
{
  Slot slot = { db_column, col, derive };

  g_array_append_val (fs->slots, slot);
}

static gboolean
table_has_rows (Importer   *imp,
                const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", table);
  sqlite3_stmt *stmt = _zicha_import_prepare (imp, sql);
  gboolean any;

  if (stmt == NULL)
    return TRUE;
  any = sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return any;
}

gboolean
_zicha_import_prepare_file_statements (Importer  *imp,
                                       FileState *fs)
{
  const ZichaFileFormat *fmt = fs->fmt;
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GString) differ = g_string_new (NULL);
  gboolean is_body = fmt->kind == ZICHA_RECORD_BODY;

  fs->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  for (guint c = 0; c < fmt->n_columns; c++)
    {
      if (fs->cols[c].field < 0 && !is_body)
        continue;
      add_slot (fs, fmt->columns[c].db_column, (int) c, DERIVE_NONE);
      if ((fmt->kind == ZICHA_RECORD_PERSONNEL || fmt->kind == ZICHA_RECORD_ORGANIZATIONS)
          && strcmp (fmt->columns[c].name, "name") == 0)
        {
          add_slot (fs, "name_key", (int) c, DERIVE_NAME_KEY);
          add_slot (fs, "name_initials", (int) c, DERIVE_NAME_INITIALS);
        }
      if (fmt->kind == ZICHA_RECORD_CHECKINS && strcmp (fmt->columns[c].name, "distance_km") == 0)
        add_slot (fs, "distance_um", (int) c, DERIVE_DISTANCE_UM);
    }

  g_string_append_printf (insert, "INSERT INTO %s (", fmt->table);
  g_string_append_printf (update, "UPDATE %s SET ", fmt->table);
  for (guint i = 0; i < fs->slots->len; i++)
    {
      const Slot *slot = &g_array_index (fs->slots, Slot, i);

      g_string_append_printf (insert, "%s%s", i > 0 ? ", " : "", slot->db_column);
      g_string_append_printf (values, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append_printf (update, "%s%s = ?%u", i > 0 ? ", " : "", slot->db_column, i + 1);
      if (slot->derive == DERIVE_NONE)
        g_string_append_printf (differ, "%s%s IS NOT ?%u", differ->len > 0 ? " OR " : "",
                                slot->db_column, i + 1);
    }
  if (is_body)
    {
      g_string_append (insert, ", id");
      g_string_append (values, ", 1");
    }
  g_string_append_printf (insert, ") VALUES (%s)", values->str);
  g_string_append_printf (update, " WHERE id = ?%u AND (%s)", fs->slots->len + 1,
                          differ->len > 0 ? differ->str : "0");

  fs->insert_stmt = _zicha_import_prepare (imp, insert->str);
  fs->update_stmt = _zicha_import_prepare (imp, update->str);
  if (fs->insert_stmt == NULL || fs->update_stmt == NULL)
    return FALSE;

  if (is_body)
    fs->select_stmt = _zicha_import_prepare (imp, "SELECT id FROM body WHERE id = 1");
  else if (!fs->mapped)
    {
      g_autoptr(GString) select = g_string_new (NULL);

      g_string_append_printf (select, "SELECT id FROM %s WHERE ", fmt->table);
      for (guint k = 0; k < fs->n_key; k++)
        g_string_append_printf (select, "%s%s = ?%u", k > 0 ? " AND " : "",
                                fmt->columns[fs->key_cols[k]].db_column, k + 1);
      fs->select_stmt = _zicha_import_prepare (imp, select->str);
    }
  if (!is_body && !fs->mapped && fs->select_stmt == NULL)
    return FALSE;

  if (!is_body)
    {
      /* In a table empty at the start, every key is new unless this file repeats it, which
       * the key map or the table's UNIQUE constraint on the key then reports: no look-up per
       * row. */
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", fmt->table);
      sqlite3_stmt *stmt = _zicha_import_prepare (imp, sql);

      if (stmt == NULL)
        return FALSE;
      fs->was_empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
      sqlite3_finalize (stmt);
    }

  /* Rows of a table empty at the start are only ever inserted: they can be written by a
   * second thread while this one reads and checks the next rows (zicha-import-pipeline.c).
   * (Certificates only while certificate_scope_codes is empty too: the writer adds codes, it
   * doesn't replace them.) */
  if (fs->was_empty
      && (fmt->kind != ZICHA_RECORD_CERTIFICATES
          || !table_has_rows (imp, "certificate_scope_codes")))
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      sql = g_strdup_printf ("SELECT coalesce (max (id), 0) + 1 FROM %s", fmt->table);
      stmt = _zicha_import_prepare (imp, sql);
      if (stmt == NULL)
        return FALSE;
      fs->next_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 1;
      sqlite3_finalize (stmt);

      insert->len -= strlen (") VALUES (") + values->len + 1;   /* back to the column list */
      insert->str[insert->len] = '\0';
      g_string_append_printf (insert, ", id) VALUES (%s, ?%u)", values->str, fs->slots->len + 1);
      fs->bulk_insert_stmt = _zicha_import_prepare (imp, insert->str);
      if (fs->bulk_insert_stmt == NULL)
        return FALSE;
    }

  if (fmt->kind == ZICHA_RECORD_CERTIFICATES)
    {
      fs->status_stmt =
        _zicha_import_prepare (imp, "SELECT status FROM certificates WHERE id = ?1");
      fs->codes_delete_stmt =
        _zicha_import_prepare (imp, "DELETE FROM certificate_scope_codes WHERE cert = ?1");
      fs->codes_insert_stmt =
        _zicha_import_prepare (imp, "INSERT OR IGNORE INTO certificate_scope_codes "
                                    "(cert, code) VALUES (?1, ?2)");
      if (fs->status_stmt == NULL || fs->codes_delete_stmt == NULL
          || fs->codes_insert_stmt == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The value a slot binds: the column's own or one derived from it. Derived texts are owned by
 * fs->row_allocs (freed after the row). */
void
_zicha_import_slot_value (FileState *fs,
                          const Col *col,
                          Derive     derive,
                          Value     *v)
{
  v->tag = VALUE_NULL;
  switch (derive)
    {
    case DERIVE_NONE:
      break;
    case DERIVE_NAME_KEY:
      if (col->vtype == V_TEXT)
        {
          char *key = zicha_pinyin_name_key (col->text, &v->len);

          g_ptr_array_add (fs->row_allocs, key);
          v->tag = VALUE_BLOB;
          v->text = key;
        }
      return;
    case DERIVE_NAME_INITIALS:
      if (col->vtype == V_TEXT)
        {
          char *initials = zicha_pinyin_initials (col->text);

          g_ptr_array_add (fs->row_allocs, initials);
          v->tag = VALUE_TEXT;
          v->text = initials;
          v->len = strlen (initials);
        }
      return;
    case DERIVE_DISTANCE_UM:
      if (col->vtype == V_TEXT)
        {
          v->tag = VALUE_INT;
          v->num = col->extra;
        }
      return;
    default:
      g_assert_not_reached ();
    }

  switch (col->vtype)
    {
    case V_NULL:
      break;
    case V_TEXT:
      v->tag = VALUE_TEXT;
      v->text = col->text;
      v->len = col->text_len;
      break;
    case V_INT:
      v->tag = VALUE_INT;
      v->num = col->num;
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_zicha_import_bind_value (sqlite3_stmt *stmt,
                          int           param,
                          const Value  *v)
{
  switch (v->tag)
    {
    case VALUE_NULL:
      sqlite3_bind_null (stmt, param);
      break;
    case VALUE_INT:
      sqlite3_bind_int64 (stmt, param, v->num);
      break;
    case VALUE_TEXT:
      sqlite3_bind_text (stmt, param, v->text, (int) v->len, SQLITE_STATIC);
      break;
    case VALUE_BLOB:
      sqlite3_bind_blob (stmt, param, v->text, (int) v->len, SQLITE_STATIC);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_zicha_import_bind_col (FileState    *fs,
                        sqlite3_stmt *stmt,
                        int           param,
                        const Col    *col,
                        Derive        derive)
{
  Value v;

  _zicha_import_slot_value (fs, col, derive, &v);
  _zicha_import_bind_value (stmt, param, &v);
}

void
_zicha_import_bind_slots (FileState    *fs,
                          sqlite3_stmt *stmt)
{
  for (guint i = 0; i < fs->slots->len; i++)
    {
      const Slot *slot = &g_array_index (fs->slots, Slot, i);

      _zicha_import_bind_col (fs, stmt, (int) i + 1, &fs->cols[slot->col], slot->derive);
    }
}

gboolean
_zicha_import_step_done (Importer     *imp,
                         sqlite3_stmt *stmt,
                         gboolean      tolerate)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  if (!tolerate)
    _zicha_import_fail_sql (imp, _("Cannot write the imported records"));
  return FALSE;
}
