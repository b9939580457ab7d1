/* test-db.c — the SQLite store: creation, migration, refusal of bad files, settings
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-test-db"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-core.h"
#include "zicha-db-private.h"

/* Helpers ----------------------------------------------------------------------------------- */

typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR)
              && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zicha-test-db-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Makes a plain SQLite file (not through Zicha) from @sql. */
static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* Runs a query returning one value on a raw connection to @path. */
static char *
query_file (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  return value;
}

static char *
query_db (ZichaDb    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_db_query (ZichaDb    *db,
                 const char *sql,
                 const char *expected)
{
  g_autofree char *value = query_db (db, sql);

  g_assert_cmpstr (value, ==, expected);
}

static void
assert_no_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", side);
    }
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* Makes a Zicha database at @path with a few settings, closed again. */
static void
make_zicha_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (zicha_db_set_setting (db, "body-name", "某认证有限公司", &error));
  g_assert_no_error (error);
}

/* Asserts that probing and opening @path fail with @code, that the message names the
 * file, and that the file is left byte-for-byte unchanged with no side files. */
static void
assert_refused (const char *path,
                ZichaError  code)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after_probe = NULL;
  g_autoptr(GBytes) after_open = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaDbFileState state = ZICHA_DB_FILE_CURRENT;
  int version = -1;

  g_assert_false (zicha_db_probe (path, &state, &version, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, ZICHA_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, path));
  after_probe = read_file (path);
  g_assert_true (g_bytes_equal (before, after_probe));
  assert_no_side_files (path);
  g_clear_error (&error);

  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, ZICHA_ERROR, (int) code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpint (zicha_error_exit_code (error), ==, ZICHA_EXIT_FAILURE);
  after_open = read_file (path);
  g_assert_true (g_bytes_equal (before, after_open));
  assert_no_side_files (path);
}

/* Overwrites @length bytes at @offset of @path with a fixed garbage pattern. */
static void
scribble (const char *path,
          gsize       offset,
          gsize       length)
{
  g_autoptr(GBytes) bytes = read_file (path);
  gsize size;
  guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  gsize i;

  g_assert_cmpuint (offset + length, <=, size);
  for (i = 0; i < length; i++)
    data[offset + i] = (guint8) (0xA5 ^ (i * 37));
  write_file (path, data, size);
  g_free (data);
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}

/* Creating and reopening -------------------------------------------------------------------- */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "new.db");
  g_autofree char *expected_version = g_strdup_printf ("%d", zicha_db_schema_version ());
  g_autofree char *expected_app_id = g_strdup_printf ("%d", ZICHA_DB_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaDbFileState state;
  int version;

  g_assert_cmpint (zicha_db_schema_version (), >=, 1);

  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpstr (zicha_db_get_path (db), ==, path);
  g_assert_true (zicha_db_get_created (db));
  g_assert_false (zicha_db_get_migrated (db));
  g_assert_false (zicha_db_get_on_network_fs (db));
  g_assert_cmpuint (file_mode (path), ==, 0600);

  assert_db_query (db, "PRAGMA user_version", expected_version);
  assert_db_query (db, "PRAGMA application_id", expected_app_id);
  assert_db_query (db, "PRAGMA journal_mode", "wal");
  assert_db_query (db, "PRAGMA foreign_keys", "1");
  assert_db_query (db, "PRAGMA synchronous", "1");
  assert_db_query (db, "SELECT count(*) FROM sqlite_master WHERE name = 'settings'", "1");
  assert_db_query (db, "SELECT count(*) FROM sqlite_master WHERE name = 'certificates'", "1");

  /* Foreign keys are enforced on the connection. */
  g_assert_cmpint (sqlite3_exec (zicha_db_get_handle (db),
                                 "INSERT INTO certificates (cert_no, org, scheme, scope_codes, "
                                 "issued_on, expires_on, status) VALUES "
                                 "('X', 42, 'QMS', '17', '2024-01-01', '2027-01-01', 'valid')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);

  /* The WAL files share the database's mode. */
  g_assert_true (zicha_db_set_setting (db, "k", "v", &error));
  g_assert_no_error (error);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    if (g_file_test (wal, G_FILE_TEST_EXISTS))
      g_assert_cmpuint (file_mode (wal), ==, 0600);
  }

  g_clear_object (&db);
  assert_no_side_files (path);

  g_assert_true (zicha_db_probe (path, &state, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, ZICHA_DB_FILE_CURRENT);
  g_assert_cmpint (version, ==, zicha_db_schema_version ());
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "zicha.db");
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  make_zicha_db (path);

  /* Probing a good file changes nothing either. */
  before = read_file (path);
  g_assert_true (zicha_db_probe (path, NULL, NULL, &error));
  g_assert_no_error (error);
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_no_side_files (path);

  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_false (zicha_db_get_created (db));
  g_assert_false (zicha_db_get_migrated (db));
  value = zicha_db_get_setting (db, "body-name");
  g_assert_cmpstr (value, ==, "某认证有限公司");
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "missing.db");
  g_autofree char *deep = fixture_path (fixture, "no-such-folder/zicha.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaDbFileState state = ZICHA_DB_FILE_CURRENT;
  int version = -1;

  g_assert_true (zicha_db_probe (path, &state, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, ZICHA_DB_FILE_MISSING);
  g_assert_cmpint (version, ==, 0);

  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpint (zicha_error_exit_code (error), ==, ZICHA_EXIT_FAILURE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Outside the default location a missing folder is not created. */
  db = zicha_db_open (deep, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, deep));
  g_assert_false (g_file_test (deep, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (zicha_db_get_created (db));
  g_assert_cmpuint (file_mode (path), ==, 0600);
}

static void
test_default_path (void)
{
  g_autofree char *path = zicha_db_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "zicha", "zicha.db",
                                                NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;

  g_assert_cmpstr (path, ==, expected);
  /* main () points XDG_DATA_HOME at an empty temporary folder. */
  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_DATA_HOME")));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;

  g_assert_false (zicha_db_probe (fixture->dir, NULL, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);

  db = zicha_db_open (fixture->dir, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, fixture->dir));
  g_assert_cmpint (zicha_error_exit_code (error), ==, ZICHA_EXIT_FAILURE);
  assert_no_side_files (fixture->dir);
}

static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaDbFileState state;
  int version;

  write_file (path, "", 0);
  g_assert_true (zicha_db_probe (path, &state, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, ZICHA_DB_FILE_NEW);

  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (zicha_db_get_created (db));
  assert_db_query (db, "SELECT count(*) FROM sqlite_master WHERE name = 'settings'", "1");
}

static void
test_empty_sqlite (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "empty-sqlite.db");
  g_autofree char *expected_app_id = g_strdup_printf ("%d", ZICHA_DB_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaDbFileState state;
  int version;

  /* An SQLite file with application_id 0 whose only table is gone again. */
  make_sqlite_file (path, "CREATE TABLE t (x); DROP TABLE t;");
  g_assert_cmpuint (file_size (path), >, 0);
  g_assert_true (zicha_db_probe (path, &state, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, ZICHA_DB_FILE_NEW);

  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (zicha_db_get_created (db));
  g_assert_false (zicha_db_get_migrated (db));
  assert_db_query (db, "PRAGMA application_id", expected_app_id);
}

/* Migrations -------------------------------------------------------------------------------- */

static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "old.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 0;",
                                          ZICHA_DB_APPLICATION_ID);
  g_autofree char *expected_version = g_strdup_printf ("%d", zicha_db_schema_version ());
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaDbFileState state;
  int version = -1;

  /* A Zicha database at schema version 0: application_id set, nothing else. */
  make_sqlite_file (path, sql);
  g_assert_true (zicha_db_probe (path, &state, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, ZICHA_DB_FILE_OLDER);
  g_assert_cmpint (version, ==, 0);

  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (zicha_db_get_migrated (db));
  g_assert_false (zicha_db_get_created (db));
  assert_db_query (db, "PRAGMA user_version", expected_version);
  assert_db_query (db, "SELECT count(*) FROM sqlite_master WHERE name = 'hits'", "1");
  g_clear_object (&db);

  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (zicha_db_get_migrated (db));

  /* Back to schema version 1 (its indexes of expenses and check-ins): version 2 drops them
   * and makes the partial index of far check-ins. Version 6 (007-problems.sql) rebuilds the
   * problem tables of 001, which therefore come back as 001 made them. */
  g_assert_cmpint (sqlite3_exec (zicha_db_get_handle (db),
                                 "DROP VIEW problem_states;"
                                 "DROP TABLE problem_extensions;"
                                 "DROP TABLE problem_whys;"
                                 "DROP TABLE problem_causes;"
                                 "DROP TABLE problem_hits;"
                                 "DROP TABLE problem_records;"
                                 "DROP TABLE problems;"
                                 "CREATE TABLE problems (id INTEGER PRIMARY KEY,"
                                 " code TEXT UNIQUE, area TEXT NOT NULL, severity TEXT NOT NULL,"
                                 " title TEXT NOT NULL, description TEXT, cause_analysis TEXT,"
                                 " source TEXT NOT NULL, hit INTEGER REFERENCES hits (id),"
                                 " checklist_item INTEGER REFERENCES checklist_items (id),"
                                 " complaint INTEGER REFERENCES complaints (id),"
                                 " created_at TEXT NOT NULL, created_by TEXT);"
                                 "CREATE TABLE problem_records (problem INTEGER NOT NULL"
                                 " REFERENCES problems (id) ON DELETE CASCADE,"
                                 " record_type TEXT NOT NULL, record_key TEXT NOT NULL,"
                                 " PRIMARY KEY (problem, record_type, record_key))"
                                 " WITHOUT ROWID;"
                                 "DROP INDEX checkins_far;"
                                 "CREATE INDEX expenses_person ON expenses (person);"
                                 "CREATE INDEX checkins_person ON checkins (person);"
                                 "CREATE INDEX checkins_distance ON checkins (distance_um)"
                                 " WHERE distance_um IS NOT NULL;"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&db);
  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (zicha_db_get_migrated (db));
  assert_db_query (db, "PRAGMA user_version", expected_version);
  assert_db_query (db, "SELECT group_concat (name) FROM (SELECT name FROM sqlite_master"
                       " WHERE tbl_name IN ('expenses', 'checkins') AND type = 'index'"
                       " AND name NOT LIKE 'sqlite_%' ORDER BY name)",
                   "checkins_far,expenses_audit,expenses_category_amount_spent,expenses_client");
}

static void
test_migrate_rollback (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "half.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; "
                                          "CREATE TABLE settings (key TEXT);",
                                          ZICHA_DB_APPLICATION_ID);
  g_autofree char *user_version = NULL;
  g_autofree char *n_objects = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;

  /* Migration 1 fails half-way (its table "settings" exists already): nothing of it
   * may stay behind. */
  make_sqlite_file (path, sql);
  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "settings"));

  user_version = query_file (path, "PRAGMA user_version");
  g_assert_cmpstr (user_version, ==, "0");
  n_objects = query_file (path, "SELECT count(*) FROM sqlite_master");
  g_assert_cmpstr (n_objects, ==, "1");
}

/* Files Zicha must not open ----------------------------------------------------------------- */

static void
test_refuse_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "notes.txt");
  GString *text = g_string_new (NULL);
  int i;

  for (i = 0; i < 100; i++)
    g_string_append_printf (text, "证书编号,机构名称,%d\n", i);
  write_file (path, text->str, text->len);
  g_string_free (text, TRUE);
  assert_refused (path, ZICHA_ERROR_NOT_DATABASE);
}

static void
test_refuse_random (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "random.bin");
  guint32 words[1024];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (words); i++)
    words[i] = g_test_rand_int ();
  write_file (path, words, sizeof words);
  assert_refused (path, ZICHA_ERROR_NOT_DATABASE);
}

static void
test_refuse_short (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "short.db");
  char bytes[50];

  /* Starts like SQLite but ends before the header does. */
  memset (bytes, 0, sizeof bytes);
  memcpy (bytes, "SQLite format 3", 16);
  write_file (path, bytes, sizeof bytes);
  assert_refused (path, ZICHA_ERROR_NOT_DATABASE);
}

static void
test_refuse_foreign (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "other.db");
  g_autofree char *wal_path = fixture_path (fixture, "other-wal.db");
  g_autofree char *tables_path = fixture_path (fixture, "tables.db");

  make_sqlite_file (path, "PRAGMA application_id = 305419896;");  /* 0x12345678 */
  assert_refused (path, ZICHA_ERROR_FOREIGN);

  /* The same in WAL mode: a read-only look must not leave -wal and -shm behind. */
  make_sqlite_file (wal_path, "PRAGMA journal_mode = WAL; PRAGMA application_id = 305419896;"
                              "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_no_side_files (wal_path);
  assert_refused (wal_path, ZICHA_ERROR_FOREIGN);

  make_sqlite_file (tables_path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
                                 "INSERT INTO customers (name) VALUES ('x');");
  assert_refused (tables_path, ZICHA_ERROR_FOREIGN);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "newer.db");

  make_zicha_db (path);
  make_sqlite_file (path, "PRAGMA user_version = 99;");
  assert_no_side_files (path);
  assert_refused (path, ZICHA_ERROR_NEWER);
}

#define PAGE 16384   /* the page size of new Zicha files */

static void
test_refuse_corrupt (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *garbage = fixture_path (fixture, "garbage.db");
  g_autofree char *page2 = fixture_path (fixture, "page2.db");
  g_autofree char *truncated = fixture_path (fixture, "truncated.db");
  g_autofree char *header = fixture_path (fixture, "header.db");
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  /* Header intact, every page after the first overwritten. */
  make_zicha_db (garbage);
  size = file_size (garbage);
  g_assert_cmpuint (size, >, 3 * PAGE);
  scribble (garbage, PAGE, size - PAGE);
  assert_refused (garbage, ZICHA_ERROR_CORRUPT);

  /* Only page 2 overwritten: the root page of the first table. */
  make_zicha_db (page2);
  scribble (page2, PAGE, PAGE);
  assert_refused (page2, ZICHA_ERROR_CORRUPT);

  /* Cut off after two pages. */
  make_zicha_db (truncated);
  bytes = read_file (truncated);
  write_file (truncated, g_bytes_get_data (bytes, NULL), 2 * PAGE);
  assert_refused (truncated, ZICHA_ERROR_CORRUPT);

  /* The SQLite magic followed by nonsense. */
  make_zicha_db (header);
  scribble (header, 16, file_size (header) - 16);
  assert_refused (header, ZICHA_ERROR_CORRUPT);
}

/* Damage in the data pages passes the cheap probe; queries then report it as
 * ZICHA_ERROR_CORRUPT through zicha_db_set_error. */
static void
test_corrupt_data_page (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "data.db");
  g_autofree char *page = NULL;
  g_autofree char *page_size = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize size;
  int rc;

  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (zicha_db_exec (db,
                                "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                "FROM n WHERE i < 2000) "
                                "INSERT INTO penalties (penalty_id, decided_on, authority, "
                                "summary) SELECT 'P' || i, '2024-01-01', '某市市场监管局', "
                                "printf ('%0200d', i) FROM n",
                                &error));
  g_assert_no_error (error);
  page = query_db (db, "SELECT pageno FROM dbstat WHERE name = 'penalties' "
                       "AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1");
  g_assert_nonnull (page);
  page_size = query_db (db, "PRAGMA page_size");
  g_assert_cmpstr (page_size, ==, G_STRINGIFY (PAGE));
  g_clear_object (&db);

  size = (gsize) g_ascii_strtoull (page_size, NULL, 10);
  scribble (path, (gsize) (g_ascii_strtoull (page, NULL, 10) - 1) * size, size);

  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                                       "SELECT sum (length (summary)) FROM penalties", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CORRUPT);
  zicha_db_set_error (db, &error, "Reading penalties");
  sqlite3_finalize (stmt);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "Reading penalties: "));
}

/* Settings, statements, transactions -------------------------------------------------------- */

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "settings.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  char *value;

  g_assert_no_error (error);
  g_assert_null (zicha_db_get_setting (db, "report-title"));

  g_assert_true (zicha_db_set_setting (db, "report-title", "2024年度自查报告", &error));
  g_assert_no_error (error);
  value = zicha_db_get_setting (db, "report-title");
  g_assert_cmpstr (value, ==, "2024年度自查报告");
  g_free (value);

  g_assert_true (zicha_db_set_setting (db, "report-title", "", &error));
  g_assert_no_error (error);
  value = zicha_db_get_setting (db, "report-title");
  g_assert_cmpstr (value, ==, "");
  g_free (value);

  g_assert_true (zicha_db_set_setting (db, "report-title", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (zicha_db_get_setting (db, "report-title"));
  assert_db_query (db, "SELECT count(*) FROM settings", "0");
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "tx.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  char *value;

  g_assert_no_error (error);

  g_assert_true (zicha_db_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (zicha_db_set_setting (db, "a", "1", &error));
  zicha_db_rollback (db);
  g_assert_null (zicha_db_get_setting (db, "a"));

  g_assert_true (zicha_db_begin (db, &error));
  g_assert_true (zicha_db_set_setting (db, "a", "2", &error));
  g_assert_true (zicha_db_commit (db, &error));
  g_assert_no_error (error);
  value = zicha_db_get_setting (db, "a");
  g_assert_cmpstr (value, ==, "2");
  g_free (value);

  /* Rolling back with no transaction open is harmless; committing is an error. */
  zicha_db_rollback (db);
  g_assert_false (zicha_db_commit (db, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (zicha_db_exec (db, "SELECT * FROM no_such_table", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
}

/* An enclosing transaction: the changes inside it are savepoints, kept or dropped whole. */
static void
test_outer_transaction (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "outer.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_autoptr(ZichaDb) other = NULL;
  char *value;

  g_assert_no_error (error);

  /* Dropped whole: a change committed inside it goes too. */
  g_assert_true (zicha_db_begin_outer (db, &error));
  g_assert_no_error (error);
  g_assert_true (zicha_db_begin (db, &error));
  g_assert_true (zicha_db_set_setting (db, "a", "1", &error));
  g_assert_true (zicha_db_commit (db, &error));
  value = zicha_db_get_setting (db, "a");
  g_assert_cmpstr (value, ==, "1");   /* seen inside */
  g_free (value);
  /* not nested */
  g_assert_false (zicha_db_begin_outer (db, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_db_end_outer (db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (zicha_db_get_setting (db, "a"));

  /* Kept whole; a change that fails undoes only itself, even rolled back twice. */
  g_assert_true (zicha_db_begin_outer (db, &error));
  g_assert_true (zicha_db_begin (db, &error));
  g_assert_true (zicha_db_set_setting (db, "a", "2", &error));
  g_assert_true (zicha_db_commit (db, &error));
  g_assert_true (zicha_db_begin (db, &error));
  g_assert_true (zicha_db_set_setting (db, "b", "lost", &error));
  zicha_db_rollback (db);
  zicha_db_rollback (db);
  g_assert_null (zicha_db_get_setting (db, "b"));
  g_assert_true (zicha_db_begin (db, &error));
  g_assert_true (zicha_db_set_setting (db, "c", "3", &error));
  g_assert_true (zicha_db_commit (db, &error));
  /* another connection sees nothing before the end */
  other = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (zicha_db_get_setting (other, "a"));
  g_assert_true (zicha_db_end_outer (db, TRUE, &error));
  g_assert_no_error (error);
  value = zicha_db_get_setting (other, "a");
  g_assert_cmpstr (value, ==, "2");
  g_free (value);
  value = zicha_db_get_setting (other, "c");
  g_assert_cmpstr (value, ==, "3");
  g_free (value);
  g_assert_null (zicha_db_get_setting (other, "b"));

  /* Afterwards transactions are plain ones again. */
  g_assert_true (zicha_db_begin (db, &error));
  g_assert_false (zicha_db_begin (db, NULL));   /* BEGIN inside BEGIN */
  zicha_db_rollback (db);
  g_assert_true (zicha_db_begin_outer (db, &error));
  g_assert_true (zicha_db_end_outer (db, TRUE, &error));
  g_assert_no_error (error);
}

/* Connections ------------------------------------------------------------------------------- */

static void
test_network_fs (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "share.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;

  zicha_db_set_force_network_fs (TRUE);
  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  zicha_db_set_force_network_fs (FALSE);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (zicha_db_get_on_network_fs (db));
  assert_db_query (db, "PRAGMA journal_mode", "delete");
  assert_db_query (db, "PRAGMA locking_mode", "exclusive");
  assert_db_query (db, "PRAGMA foreign_keys", "1");
  g_assert_true (zicha_db_set_setting (db, "k", "v", &error));
  g_assert_no_error (error);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

typedef struct
{
  const char *path;
  gboolean    created;
  GError     *error;
} OpenJob;

static gpointer
open_in_thread (gpointer data)
{
  OpenJob *job = data;
  ZichaDb *db = zicha_db_open (job->path, ZICHA_DB_OPEN_CREATE, &job->error);

  if (db != NULL)
    {
      job->created = zicha_db_get_created (db);
      zicha_db_set_setting (db, "worker", "ok", &job->error);
      g_object_unref (db);
    }
  return NULL;
}

static void
test_second_connection (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "shared.db");
  g_autofree char *race = fixture_path (fixture, "race.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  OpenJob jobs[4] = { { 0 } };
  GThread *threads[4];
  char *value;
  guint i, n_created = 0;

  /* A worker opens its own connection while the main one is open. */
  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jobs[0].path = path;
  threads[0] = g_thread_new ("worker", open_in_thread, &jobs[0]);
  g_thread_join (threads[0]);
  g_assert_no_error (jobs[0].error);
  g_assert_false (jobs[0].created);
  value = zicha_db_get_setting (db, "worker");
  g_assert_cmpstr (value, ==, "ok");
  g_free (value);
  g_clear_object (&db);
  assert_no_side_files (path);

  /* Several connections create the same new file at once: one of them creates it. */
  for (i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i] = (OpenJob) { race, FALSE, NULL };
      threads[i] = g_thread_new ("creator", open_in_thread, &jobs[i]);
    }
  for (i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (jobs[i].error);
      n_created += jobs[i].created;
    }
  g_assert_cmpuint (n_created, ==, 1);
  g_assert_cmpuint (file_mode (race), ==, 0600);
}

/* Messages in Chinese ----------------------------------------------------------------------- */

static void
test_messages_zh_cn (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *text = fixture_path (fixture, "说明.txt");
      g_autofree char *other = fixture_path (fixture, "other.db");
      g_autofree char *missing = fixture_path (fixture, "missing.db");
      const char *msgid = "“%s” is not a database file.";
      const char *words = "这不是数据库。这不是数据库。这不是数据库。这不是数据库。"
                          "这不是数据库。这不是数据库。这不是数据库。这不是数据库。\n";
      gboolean translated;
      struct { const char *path; ZichaDbOpenFlags flags; } cases[] = {
        { text, ZICHA_DB_OPEN_CREATE },
        { other, ZICHA_DB_OPEN_CREATE },
        { missing, ZICHA_DB_OPEN_DEFAULT },
        { fixture->dir, ZICHA_DB_OPEN_CREATE },
      };
      guint i;

      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      zicha_core_init_i18n ();
      translated = g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, msgid), msgid) != 0;

      write_file (text, words, strlen (words));
      make_sqlite_file (other, "PRAGMA application_id = 305419896;");

      for (i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ZichaDb) db = zicha_db_open (cases[i].path, cases[i].flags, &error);

          g_assert_null (db);
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_nonnull (strstr (error->message, cases[i].path));
          if (translated && i == 0)
            g_assert_null (strstr (error->message, "is not a database file"));
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Keep the default location away from the real one. (G_TEST_OPTION_ISOLATE_DIRS
   * would do this too, but GLib 2.74 leaks its strings, which LeakSanitizer reports.) */
  data_home = g_dir_make_tmp ("zicha-test-db-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

#define ADD(name, func) \
  g_test_add ("/db/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create);
  ADD ("reopen", test_reopen);
  ADD ("missing", test_missing);
  g_test_add_func ("/db/default-path", test_default_path);
  ADD ("directory", test_directory);
  ADD ("empty-file", test_empty_file);
  ADD ("empty-sqlite", test_empty_sqlite);
  ADD ("migrate", test_migrate);
  ADD ("migrate-rollback", test_migrate_rollback);
  ADD ("refuse/text", test_refuse_text);
  ADD ("refuse/random", test_refuse_random);
  ADD ("refuse/short", test_refuse_short);
  ADD ("refuse/foreign", test_refuse_foreign);
  ADD ("refuse/newer", test_refuse_newer);
  ADD ("refuse/corrupt", test_refuse_corrupt);
  ADD ("corrupt-data-page", test_corrupt_data_page);
  ADD ("settings", test_settings);
  ADD ("transactions", test_transactions);
  ADD ("outer-transaction", test_outer_transaction);
  ADD ("network-fs", test_network_fs);
  ADD ("second-connection", test_second_connection);
  ADD ("messages-zh-cn", test_messages_zh_cn);

#undef ADD

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
