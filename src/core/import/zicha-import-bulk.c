/* zicha-import-bulk.c — loading many rows at once
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that brings at least as many rows as its table holds is loaded without the
 * table's secondary indexes and CHECK constraints: the indexes are made again afterwards
 * by sorting, and one query then checks the table's CHECK constraints over all its rows. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "zicha-error.h"
#include "zicha-import-private.h"

/* A file of this many bytes holds at least (file size / BULK_ROW_BYTES) rows, about: demo
 * rows are 45 to 130 bytes long. */
#define BULK_ROW_BYTES 128
/* Page cache while CREATE INDEX runs (see _zicha_import_recreate_indexes()). */
#define SORT_RUN_KIB 8192

/* Whether the file likely brings at least as many rows as @table holds (certainly when it is
 * empty): loading it is then faster without the table's secondary indexes, made again
 * afterwards by sorting, than with them kept up to date row by row in random order. */
gboolean
_zicha_import_is_bulk_load (Importer   *imp,
                            const char *table,
                            guint64     file_bytes)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s LIMIT ?1)",
                                          table);
  sqlite3_stmt *stmt = _zicha_import_prepare (imp, sql);
  gint64 limit = (gint64) MIN (file_bytes / BULK_ROW_BYTES, (guint64) G_MAXINT32) + 1;
  gboolean bulk;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit);
  bulk = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) < limit;
  sqlite3_finalize (stmt);
  return bulk;
}

/* Drops the secondary indexes of @table that enforce nothing (not UNIQUE, made by CREATE
 * INDEX) before a bulk load; returns their CREATE statements, in the order of the schema, or
 * NULL when there are none or on error (imp->fatal). DDL is transactional: a ROLLBACK of the
 * import brings them back as they were. */
GPtrArray *
_zicha_import_drop_secondary_indexes (Importer   *imp,
                                      const char *table)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = _zicha_import_prepare (imp, "SELECT m.name, m.sql FROM sqlite_master AS m "
                                     "JOIN pragma_index_list (?1) AS l ON l.name = m.name "
                                     "WHERE m.type = 'index' AND m.sql IS NOT NULL "
                                     "AND l.\"unique\" = 0 AND l.origin = 'c' "
                                     "ORDER BY m.rowid");
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (creates, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = _zicha_import_exec_sql (imp, sql);

      sqlite3_free (sql);
      if (!ok)
        return NULL;
    }
  g_debug ("%s: %u secondary indexes dropped for the load", table, creates->len);
  return creates->len > 0 ? g_steal_pointer (&creates) : NULL;
}

/* Skips a string literal, quoted identifier or comment starting at @p; returns where the
 * token ends (@p itself when there is none). */
static const char *
skip_quoted (const char *p)
{
  char close;

  if (p[0] == '-' && p[1] == '-')
    {
      while (*p != '\0' && *p != '\n')
        p++;
      return p;
    }
  if (p[0] == '/' && p[1] == '*')
    {
      const char *end = strstr (p + 2, "*/");

      return end != NULL ? end + 2 : p + strlen (p);
    }
  switch (*p)
    {
    case '\'': case '"': case '`':
      close = *p;
      break;
    case '[':
      close = ']';
      break;
    default:
      return p;
    }
  for (p++; *p != '\0'; p++)
    if (*p == close)
      {
        if (close != ']' && p[1] == close)
          p++;   /* a doubled quote */
        else
          return p + 1;
      }
  return p;
}

/* The CHECK constraints of a CREATE TABLE statement as one condition that a row breaking any
 * of them meets: "NOT (e1) OR NOT (e2) ..." (a CHECK that is NULL holds). NULL when there
 * are none; FALSE when the text cannot be read. */
static gboolean
check_condition (const char  *create_sql,
                 char       **out_condition)
{
  g_autoptr(GString) cond = g_string_new (NULL);
  const char *p = create_sql;

  *out_condition = NULL;
  while (*p != '\0')
    {
      const char *q = skip_quoted (p);
      const char *expr;
      int depth = 0;

      if (q != p)
        {
          p = q;
          continue;
        }
      if (g_ascii_strncasecmp (p, "CHECK", 5) != 0
          || (p > create_sql && (g_ascii_isalnum (p[-1]) || p[-1] == '_'))
          || g_ascii_isalnum (p[5]) || p[5] == '_')
        {
          p++;
          continue;
        }
      p += 5;
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '(')
        return FALSE;
      expr = p;
      while (*p != '\0')
        {
          q = skip_quoted (p);
          if (q != p)
            {
              p = q;
              continue;
            }
          if (*p == '(')
            depth++;
          else if (*p == ')' && --depth == 0)
            break;
          p++;
        }
      if (*p != ')')
        return FALSE;
      p++;
      g_string_append_printf (cond, "%sNOT %.*s", cond->len > 0 ? " OR " : "",
                              (int) (p - expr), expr);
    }
  if (cond->len > 0)
    *out_condition = g_string_free (g_steal_pointer (&cond), FALSE);
  return TRUE;
}

/* After a bulk load with the CHECK constraints off: every value was checked by the import,
 * but the schema has the last word. One query evaluates the table's CHECKs over its rows;
 * PRAGMA quick_check would too, at four times the cost. Rows with an error (stand-ins) never
 * get here. */
gboolean
_zicha_import_check_table (Importer   *imp,
                           const char *table)
{
  g_autofree char *create_sql = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean broken;
  int rc;

  stmt = _zicha_import_prepare (imp, "SELECT sql FROM sqlite_master "
                                     "WHERE type = 'table' AND name = ?1");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    create_sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (create_sql == NULL || !check_condition (create_sql, &condition))
    sql = g_strdup_printf ("SELECT quick_check != 'ok' FROM pragma_quick_check ('%s')", table);
  else if (condition == NULL)
    return TRUE;
  else
    sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s WHERE %s)", table, condition);
  stmt = _zicha_import_prepare (imp, sql);
  if (stmt == NULL)
    return FALSE;
  broken = FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    broken = broken || sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _zicha_import_fail_sql (imp, _("Cannot write the imported records"));
  if (broken)
    {
      if (imp->fatal == NULL)
        /* (The words of SQLite's own error, which this replaces.) */
        g_set_error (&imp->fatal, ZICHA_ERROR, ZICHA_ERROR_FAILED, "%s: CHECK constraint failed",
                     _("Cannot write the imported records"));
      return FALSE;
    }
  return TRUE;
}

void
_zicha_import_set_cache_size (Importer *imp,
                              gint64    size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  sqlite3_exec (imp->sql, sql, NULL, NULL, NULL);
}

/* Makes the indexes dropped by _zicha_import_drop_secondary_indexes() again; cancellable. */
gboolean
_zicha_import_recreate_indexes (Importer  *imp,
                                GPtrArray *creates)
{
  gboolean ok = TRUE;

  zicha_db_watch_cancellable (imp->sql, imp->cancellable, 10000);
  /* CREATE INDEX sorts runs of the page cache's size, then merges them: runs of a few MB sort
   * in the processor's cache, twice as fast as runs of 64 MB, and take less memory. */
  _zicha_import_exec_sql (imp, "PRAGMA cache_size = -" G_STRINGIFY (SORT_RUN_KIB));
  /* A second processor sorts one run while the next is read. */
  _zicha_import_exec_sql (imp, g_get_num_processors () > 1 ? "PRAGMA threads = 1"
                                                           : "PRAGMA threads = 0");
  for (guint i = 0; i < creates->len && ok; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (sqlite3_exec (imp->sql, creates->pdata[i], NULL, NULL, NULL) != SQLITE_OK)
        {
          ok = FALSE;
          if (sqlite3_errcode (imp->sql) == SQLITE_INTERRUPT
              && g_cancellable_is_cancelled (imp->cancellable))
            imp->cancelled = TRUE;
          else
            _zicha_import_fail_sql (imp, _("Cannot import"));
        }
      g_debug ("%s: %.2f s", (const char *) creates->pdata[i],
               (double) (g_get_monotonic_time () - start) / 1e6);
    }
  zicha_db_unwatch_cancellable (imp->sql);
  sqlite3_exec (imp->sql, "PRAGMA threads = 0", NULL, NULL, NULL);
  _zicha_import_set_cache_size (imp, imp->load_cache_size);
  return ok;
}
