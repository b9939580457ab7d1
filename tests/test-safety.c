/* test-safety.c — no commit is ever lost or mixed: locks, two programs on one database,
 * files that are not regular, read-only databases, private files, spreadsheet cells
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case reproduces one way the store used to lose or hide data (issue "Never lose a
 * commit"). The cases with two programs spawn zicha-cli as real processes. */
#define G_LOG_DOMAIN "test-safety"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zicha-core.h"
#include "zicha-csv-writer.h"
#include "zicha-db-private.h"
#include "zicha-files.h"
#include "zicha-import.h"
#include "zicha-process.h"
#include "zicha-rules.h"
#include "zicha-test-utils.h"

/* A demo body of 400 certificates as interchange files, and the same body with every
 * organization's employees changed (another import, other hits). */
static char *body_a;
static char *body_b;

static void
make_bodies (void)
{
  g_auto(ZichaTestResult) res = { 0 };
  g_autofree char *orgs = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  body_a = zicha_test_path ("body-a");
  body_b = zicha_test_path ("body-b");
  zicha_test_run_cli (&res, FALSE, "demo", "--export", body_a, "--certificates", "400",
                      "--seed", "3", "--today", "2026-06-30", NULL);
  g_assert_cmpint (res.status, ==, 0);
  zicha_test_result_clear (&res);
  zicha_test_run_cli (&res, FALSE, "demo", "--export", body_b, "--certificates", "400",
                      "--seed", "3", "--today", "2026-06-30", NULL);
  g_assert_cmpint (res.status, ==, 0);

  /* body B: organizations.csv with the employees column cleared */
  orgs = g_build_filename (body_b, "organizations.csv", NULL);
  g_assert_true (g_file_get_contents (orgs, &text, NULL, &error));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      if (i > 0 && g_strv_length (cells) > 5 && strchr (lines[i], '"') == NULL)
        {
          g_free (cells[5]);
          cells[5] = g_strdup ("");
        }
      if (*lines[i] != '\0')
        {
          g_autofree char *line = g_strjoinv (",", cells);

          g_string_append_printf (changed, "%s\n", line);
        }
    }
  g_assert_true (g_file_set_contents (orgs, changed->str, (gssize) changed->len, &error));
}

static ZichaDb *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  ZichaDb *db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

#define import_into(db, folder) zicha_test_import (db, folder)

/* A database holding body A, made through zicha-cli. */
static char *
make_db (const char *name)
{
  g_auto(ZichaTestResult) res = { 0 };
  char *path = zicha_test_path (name);

  zicha_test_run_cli (&res, FALSE, "--db", path, "import", body_a, NULL);
  g_assert_cmpint (res.status, ==, 0);
  return path;
}

static gboolean
side_file_exists (const char *path,
                  const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

/* 1. Locks ---------------------------------------------------------------------------------- */

/* TRUE when another process holds a lock on the SHARED byte range of @path (asked from a
 * child: F_GETLK never reports the asking process's own locks). */
static gboolean
shared_lock_held_by_us (const char *path)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* SQLite's unix locking: PENDING_BYTE 0x40000000; the SHARED range starts 2 bytes
       * after it and is 510 bytes long. */
      struct flock fl = { 0 };
      int fd = open (path, O_RDONLY);

      fl.l_type = F_WRLCK;
      fl.l_whence = SEEK_SET;
      fl.l_start = 0x40000000 + 2;
      fl.l_len = 510;
      if (fd < 0 || fcntl (fd, F_GETLK, &fl) != 0)
        _exit (2);
      _exit (fl.l_type == F_UNLCK ? 1 : 0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 2);
  return WEXITSTATUS (status) == 0;
}

static void
test_probe_keeps_locks (void)
{
  g_autofree char *path = zicha_test_path ("locks.db");
  g_autoptr(ZichaDb) db = open_db (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  /* A connection in WAL mode holds a SHARED lock from its first read until it closes. */
  g_assert_true (zicha_db_set_setting (db, "k", "v", &error));
  value = zicha_db_get_setting (db, "k");
  g_assert_cmpstr (value, ==, "v");
  g_assert_true (shared_lock_held_by_us (path));

  /* A second connection, as each rule thread opens: its probe must not drop the first
   * connection's locks (a close () of any descriptor of the file drops them all). */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ZichaDb) other = open_db (path);
      ZichaDbFileState state;
      int version;

      g_assert_true (zicha_db_probe (path, &state, &version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (state, ==, ZICHA_DB_FILE_CURRENT);
      g_assert_true (shared_lock_held_by_us (path));
    }
  g_assert_true (shared_lock_held_by_us (path));
}

static void
on_check_ended (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) data = TRUE;
}

/* Another process opens and closes the database over and over while zicha-cli check runs: the
 * run's commit must survive (a reader that is last to close deletes the -wal file when our
 * process holds no lock). */
static void
test_commit_survives_other_process (void)
{
  g_autofree char *path = make_db ("survive.db");

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(GSubprocess) check = zicha_test_spawn_cli ("--db", path, "check",
                                                           "--as-of", "2026-06-30", NULL);
      g_autofree char *finished = NULL;
      g_autofree char *integrity = NULL;
      g_autofree char *before = NULL;
      int status;

      gboolean done = FALSE;

      before = zicha_test_query (path, "SELECT count(*) FROM rule_runs WHERE status = "
                                       "'finished'");
      g_subprocess_wait_async (check, NULL, on_check_ended, &done);
      while (!done)
        {
          sqlite3 *other = NULL;

          g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==,
                           SQLITE_OK);
          sqlite3_exec (other, "SELECT count(*) FROM settings", NULL, NULL, NULL);
          sqlite3_close (other);
          g_usleep (2000);
          g_main_context_iteration (NULL, FALSE);
        }
      status = zicha_test_wait (check, 60000);
      g_assert_cmpint (status, ==, 0);

      finished = zicha_test_query (path, "SELECT count(*) FROM rule_runs WHERE status = "
                                         "'finished' AND id IN (SELECT run FROM rule_run_stats)");
      g_assert_cmpint (atoi (finished), ==, atoi (before) + 1);
      integrity = zicha_test_query (path, "PRAGMA integrity_check");
      g_assert_cmpstr (integrity, ==, "ok");
    }
}

/* 2. A refused import leaves what it found --------------------------------------------------- */

static void
test_staged_publish_and_discard (void)
{
  g_autofree char *path = zicha_test_path ("staged.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) staged = NULL;
  g_autoptr(ZichaDb) other = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Discarded: nothing is left, not even beside it. */
  staged = zicha_db_open_staged (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (zicha_db_set_setting (staged, "who", "staged", &error));
  zicha_db_discard (staged);
  g_clear_object (&staged);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Another program makes the file meanwhile: publishing refuses and leaves that file. */
  staged = zicha_db_open_staged (path, &error);
  g_assert_no_error (error);
  other = open_db (path);
  g_assert_true (zicha_db_set_setting (other, "who", "other", &error));
  g_assert_false (zicha_db_publish (staged, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  value = zicha_db_get_setting (other, "who");
  g_assert_cmpstr (value, ==, "other");
  g_clear_object (&staged);
  g_clear_object (&other);

  /* Published where nothing is: the file is in place, 0600, with no side files. */
  g_unlink (path);
  staged = zicha_db_open_staged (path, &error);
  g_assert_no_error (error);
  g_assert_true (zicha_db_set_setting (staged, "who", "staged", &error));
  g_assert_true (zicha_db_publish (staged, &error));
  g_assert_no_error (error);
  g_clear_object (&staged);
  g_clear_pointer (&value, g_free);
  value = zicha_test_query (path, "SELECT value FROM settings WHERE key = 'who'");
  g_assert_cmpstr (value, ==, "staged");
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }

  /* No staged file is left in the folder. */
  g_clear_pointer (&value, g_free);
  value = zicha_test_path ("");
  dir = g_dir_open (value, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, "staged.db.new-"));
}

/* A refused import (A) and a valid one (B) into one new database, B started while A runs:
 * B's records must be in the file when both have ended. */
static void
test_two_imports_into_new_db (void)
{
  g_autofree char *bad = zicha_test_path ("body-bad");
  g_autofree char *complaints = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad_text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ZichaTestResult) copy = { 0 };

  /* body A with an error on the last line of its last file */
  {
    g_autofree char *cmd = g_strdup_printf ("cp -r '%s' '%s'", body_a, bad);

    g_assert_cmpint (system (cmd), ==, 0);
  }
  complaints = g_build_filename (bad, "complaints.csv", NULL);
  g_assert_true (g_file_get_contents (complaints, &text, NULL, &error));
  bad_text = g_strconcat (text, "X1,2026-13-01,,,,bad date,\n", NULL);
  g_assert_true (g_file_set_contents (complaints, bad_text, -1, &error));

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *path = zicha_test_path ("race.db");
      g_autoptr(GSubprocess) a = NULL;
      g_auto(ZichaTestResult) b = { 0 };
      g_autofree char *certificates = NULL;
      int status;

      g_unlink (path);
      a = zicha_test_spawn_cli ("--db", path, "import", bad, NULL);
      g_usleep ((50 + 100 * round) * 1000);
      zicha_test_run_cli (&b, FALSE, "--db", path, "import", body_a, NULL);
      status = zicha_test_wait (a, 60000);
      g_assert_cmpint (status, ==, 3);
      g_assert_cmpint (b.status, ==, 0);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      certificates = zicha_test_query (path, "SELECT count(*) FROM certificates");
      g_assert_cmpstr (certificates, ==, "400");
    }
  zicha_test_remove_tree (bad);
}

/* 3. A rule run and an import ------------------------------------------------------------------ */

typedef struct
{
  const char *path;
  const char *folder;
  gboolean    imported;
} RaceData;

/* Imports another body through another connection once the first rule has finished: the
 * threads read their snapshot, and the run's hits would be the old data's. */
static void
on_run_progress (guint        done,
                 guint        total,
                 const char  *rule_id,
                 gpointer     user_data)
{
  RaceData *race = user_data;

  if (done >= 1 && !race->imported)
    {
      g_autoptr(ZichaDb) other = open_db (race->path);

      import_into (other, race->folder);
      race->imported = TRUE;
    }
}

static void
test_import_during_rule_run (void)
{
  g_autofree char *path = zicha_test_path ("run-race.db");
  g_autoptr(ZichaDb) db = open_db (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(ZichaRuleRunResult) again = NULL;
  g_autofree char *hits = NULL;
  g_autofree char *status = NULL;
  g_autofree char *generation = NULL;
  ZichaRuleRunOptions options = { 0 };
  RaceData race = { path, body_b, FALSE };

  import_into (db, body_a);
  g_date_clear (&options.as_of, 1);
  g_date_set_dmy (&options.as_of, 30, 6, 2026);
  options.n_threads = 2;

  g_assert_false (zicha_rules_run (db, &options, on_run_progress, &race, NULL, &result,
                                   &error));
  g_assert_true (race.imported);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_BUSY);
  g_clear_error (&error);
  /* nothing of the run was stored, and it is recorded as failed */
  hits = zicha_test_query (path, "SELECT count(*) FROM hits");
  g_assert_cmpstr (hits, ==, "0");
  status = zicha_test_query (path, "SELECT status FROM rule_runs ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (status, ==, "failed");

  /* run again on the new records: stored, with the generation it read */
  g_assert_true (zicha_rules_run (db, &options, NULL, NULL, NULL, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->total_hits, >, 0);
  generation = zicha_test_query (path, "SELECT records_generation = (SELECT value FROM settings"
                                       " WHERE key = 'records-generation') FROM rule_runs"
                                       " ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (generation, ==, "1");
}

/* An import holds the write lock: a rule run says so, in the user's language, with SQLite's
 * text only as a detail; a read-only command does not wait for it. */
static void
test_busy_and_readers (void)
{
  g_autofree char *path = make_db ("busy.db");
  g_autoptr(ZichaDb) writer = open_db (path);
  g_autoptr(GError) error = NULL;
  g_auto(ZichaTestResult) findings = { 0 };
  g_auto(ZichaTestResult) check = { 0 };
  gint64 start;

  g_assert_true (zicha_db_begin (writer, &error));

  start = g_get_monotonic_time ();
  zicha_test_run_cli (&findings, FALSE, "--db", path, "findings", NULL);
  g_assert_cmpint (findings.status, ==, 0);
  /* (it used to wait for the busy timeout, 5 s, and fail) */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  zicha_test_run_cli (&check, TRUE, "--db", path, "check", NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.err, "另一个程序正在写入数据库"));
  g_assert_nonnull (strstr (check.err, "SQLite：database is locked"));

  zicha_db_rollback (writer);
}

static void
test_error_mapping (void)
{
  const struct { int rc; ZichaError code; const char *words; } cases[] = {
    { SQLITE_BUSY, ZICHA_ERROR_BUSY, "another program is writing" },
    { SQLITE_LOCKED, ZICHA_ERROR_BUSY, "another program is writing" },
    { SQLITE_BUSY_SNAPSHOT, ZICHA_ERROR_BUSY, "changed the database" },
    { SQLITE_READONLY, ZICHA_ERROR_READ_ONLY, "read-only" },
    { SQLITE_READONLY_DBMOVED, ZICHA_ERROR_FAILED, "moved or deleted" },
    { SQLITE_CORRUPT, ZICHA_ERROR_CORRUPT, "damaged" },
    { SQLITE_NOTADB, ZICHA_ERROR_CORRUPT, "damaged" },
    { SQLITE_FULL, ZICHA_ERROR_FAILED, "disk is full" },
    { SQLITE_IOERR_WRITE, ZICHA_ERROR_FAILED, "read or written" },
    { SQLITE_ERROR, ZICHA_ERROR_FAILED, "internal error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *detail = g_strdup_printf ("(SQLite: %s)", sqlite3_errstr (cases[i].rc));

      zicha_db_set_sqlite_error (NULL, cases[i].rc, &error, "Could not do it");
      g_assert_error (error, ZICHA_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "Could not do it: "));
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_true (g_str_has_suffix (error->message, detail));
    }
}

/* 4. Files that are not regular ---------------------------------------------------------------- */

static void
test_not_regular_files (void)
{
  g_autofree char *folder = zicha_test_path ("odd-files");
  g_autofree char *fifo = g_build_filename (folder, "personnel.csv", NULL);
  g_autofree char *sub = g_build_filename (folder, "organizations.csv", NULL);
  g_autofree char *db = zicha_test_path ("odd.db");
  g_autofree char *dangling = g_build_filename (folder, "penalties.csv", NULL);
  g_autoptr(GSubprocessLauncher) launcher = zicha_test_cli_launcher (FALSE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("ZICHA_CLI"), "--db", db, "import", folder, NULL };
  const char *text;
  gsize len;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("/nonexistent/penalties.csv", dangling), ==, 0);

  /* A named pipe used to keep the import waiting for ever with the database locked. */
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zicha_test_wait (proc, 20000), ==, 3);
  g_subprocess_communicate (proc, NULL, NULL, NULL, &err, &error);
  text = g_bytes_get_data (err, &len);
  g_test_message ("%.*s", (int) len, text);
  g_assert_nonnull (g_strstr_len (text, (gssize) len,
                                  "personnel.csv:1:-: a named pipe, not a regular file"));
  g_assert_nonnull (g_strstr_len (text, (gssize) len,
                                  "organizations.csv:1:-: a folder, not a file"));
  g_assert_nonnull (g_strstr_len (text, (gssize) len, "penalties.csv:1:-: a link to nothing"));
  /* in the order of the format's files, whatever the folder's order */
  g_assert_true (g_strstr_len (text, (gssize) len, "personnel.csv")
                 < g_strstr_len (text, (gssize) len, "organizations.csv"));
  /* and the new database was not left behind */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  zicha_test_remove_tree (folder);
}

/* 5. Read-only databases ---------------------------------------------------------------------- */

static void
test_read_only_database (void)
{
  g_autofree char *path = make_db ("read-only.db");
  g_auto(ZichaTestResult) check = { 0 };
  g_auto(ZichaTestResult) findings = { 0 };
  g_auto(ZichaTestResult) refused = { 0 };
  g_auto(ZichaTestResult) again = { 0 };
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  zicha_test_run_cli (&check, FALSE, "--db", path, "check", "--as-of", "2026-06-30", NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);

  /* Opened read-only, whoever runs the test (root may write any file): nothing beside it. */
  db = zicha_db_open (path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (zicha_db_get_read_only (db));
  g_assert_true (zicha_db_get_file_read_only (db));
  value = zicha_db_get_setting (db, "demo-today");
  g_assert_false (zicha_db_set_setting (db, "k", "v", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "the database is read-only"));
  g_clear_error (&error);
  g_clear_object (&db);

  zicha_test_run_cli (&findings, FALSE, "--db", path, "findings", "--format", "csv", NULL);
  g_assert_cmpint (findings.status, ==, 0);
  g_assert_cmpuint (strlen (findings.out), >, 100);
  g_assert_false (side_file_exists (path, "-wal"));
  g_assert_false (side_file_exists (path, "-shm"));

  /* a change is refused in words of ours */
  zicha_test_run_cli (&refused, TRUE, "--db", path, "check", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "只读"));

  /* writable again: everything works, no stale side file is in the way */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  zicha_test_run_cli (&again, FALSE, "--db", path, "check", "--as-of", "2026-06-30", NULL);
  g_assert_cmpint (again.status, ==, 0);
}

/* 6. Private files ----------------------------------------------------------------------------- */

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_private_files (void)
{
  g_autofree char *folder = zicha_test_path ("private/export");
  g_autofree char *expected = zicha_test_path ("private-hits.csv");
  g_autofree char *certs = g_build_filename (folder, "certificates.csv", NULL);
  g_autofree char *parent = zicha_test_path ("private");
  g_auto(ZichaTestResult) res = { 0 };
  g_autoptr(GError) error = NULL;
  mode_t old = umask (0);
  FILE *file;

  zicha_test_run_cli (&res, FALSE, "demo", "--export", folder, "--expected", expected,
                      "--certificates", "200", NULL);
  g_assert_cmpint (res.status, ==, 0);
  g_assert_cmpuint (mode_of (folder), ==, 0700);
  g_assert_cmpuint (mode_of (parent), ==, 0700);
  g_assert_cmpuint (mode_of (certs), ==, 0600);
  g_assert_cmpuint (mode_of (expected), ==, 0600);

  /* an older file of the name keeps no wider mode */
  g_assert_cmpint (g_chmod (expected, 0666), ==, 0);
  file = zicha_file_open_private (expected, &error);
  g_assert_no_error (error);
  fclose (file);
  g_assert_cmpuint (mode_of (expected), ==, 0600);
  umask (old);
}

/* 7. Cells a spreadsheet would run ------------------------------------------------------------ */

static void
test_spreadsheet_cells (void)
{
  const struct { const char *in, *exact, *sheet; } cases[] = {
    { "=HYPERLINK(\"http://x\";\"y\")", "\"=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"",
      "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"" },
    { "+1", "+1", "\"'+1\"" },
    { "-2", "-2", "\"'-2\"" },
    { "@SUM(A1)", "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\tx", "\tx", "\"'\tx\"" },
    { "\rx", "\"\rx\"", "\"'\rx\"" },
    { "张三", "张三", "张三" },
    { "a,b", "\"a,b\"", "\"a,b\"" },
    { "a=b", "a=b", "a=b" },
    { "", "", "" },
  };
  g_auto(ZichaTestResult) help = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) exact = g_string_new (NULL);
      g_autoptr(GString) sheet = g_string_new (NULL);

      zicha_csv_append_field (exact, cases[i].in, ZICHA_CSV_EXACT);
      zicha_csv_append_field (sheet, cases[i].in, ZICHA_CSV_SPREADSHEET);
      g_assert_cmpstr (exact->str, ==, cases[i].exact);
      g_assert_cmpstr (sheet->str, ==, cases[i].sheet);
    }

  /* the CLI's machine formats stay exact, and its help says so */
  zicha_test_run_cli (&help, FALSE, "findings", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "exactly as stored"));
}

/* A value of the body's records that begins with '=' goes out of findings exactly. */
static void
test_findings_csv_exact (void)
{
  g_autofree char *folder = zicha_test_path ("formula-body");
  g_autofree char *path = zicha_test_path ("formula.db");
  g_autofree char *certificates = g_build_filename (folder, "certificates.csv", NULL);
  g_autofree char *organizations = g_build_filename (folder, "organizations.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(ZichaTestResult) import = { 0 };
  g_auto(ZichaTestResult) check = { 0 };
  g_auto(ZichaTestResult) findings = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (organizations, "org_id,name\n=O1,=HYPERLINK(1)\n", -1,
                                      &error));
  /* no initial audit: CERT_WITHOUT_INITIAL_AUDIT names the certificate =C1 */
  g_assert_true (g_file_set_contents (certificates,
                                      "cert_no,org_id,scheme,scope_codes,issued_on,expires_on,"
                                      "status\n=C1,=O1,QMS,17,2024-01-01,2027-01-01,valid\n",
                                      -1, &error));
  zicha_test_run_cli (&import, FALSE, "--db", path, "import", folder, NULL);
  g_assert_cmpint (import.status, ==, 0);
  zicha_test_run_cli (&check, FALSE, "--db", path, "check", "--as-of", "2026-06-30", NULL);
  g_assert_cmpint (check.status, ==, 0);
  zicha_test_run_cli (&findings, FALSE, "--db", path, "findings", "--format", "csv",
                      "--rule", "CERT_WITHOUT_INITIAL_AUDIT", NULL);
  g_assert_cmpint (findings.status, ==, 0);
  g_assert_nonnull (strstr (findings.out, ",certificate,=C1,open,"));
}

/* 8. Many columns ----------------------------------------------------------------------------- */

static void
write_wide_personnel (const char *folder,
                      gboolean    known_first)
{
  g_autofree char *path = g_build_filename (folder, "personnel.csv", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const guint extra = 9997;

  if (known_first)
    g_string_append (text, "person_id,name,employment");
  for (guint i = 0; i < extra; i++)
    g_string_append_printf (text, "%sx%u", i == 0 && !known_first ? "" : ",", i);
  if (!known_first)
    g_string_append (text, ",person_id,name,employment");
  g_string_append_c (text, '\n');
  for (guint row = 0; row < 3; row++)
    {
      if (known_first)
        g_string_append_printf (text, "P%u,人员%u,full_time", row, row);
      for (guint i = 0; i < extra; i++)
        g_string_append (text, i == 0 && !known_first ? "v" : ",v");
      if (!known_first)
        g_string_append_printf (text, ",P%u,人员%u,full_time", row, row);
      g_string_append_c (text, '\n');
    }
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
}

static void
test_many_columns (void)
{
  for (guint side = 0; side < 2; side++)
    {
      g_autofree char *folder = zicha_test_path (side == 0 ? "wide-first" : "wide-last");
      g_autofree char *path = zicha_test_path (side == 0 ? "wide-first.db" : "wide-last.db");
      g_auto(ZichaTestResult) res = { 0 };
      g_autofree char *names = NULL;

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      write_wide_personnel (folder, side == 0);
      zicha_test_run_cli (&res, FALSE, "--db", path, "import", folder, NULL);
      g_assert_cmpint (res.status, ==, 0);
      /* the unknown columns are warnings, as the format says */
      g_assert_nonnull (strstr (res.err, "personnel.csv:1:x0: warning: unknown column"));
      g_assert_null (strstr (res.err, "required column missing"));
      names = zicha_test_query (path, "SELECT group_concat (name, '|') FROM personnel");
      g_assert_cmpstr (names, ==, "人员0|人员1|人员2");
      zicha_test_remove_tree (folder);
    }
}

/* 9. Runs killed part way ----------------------------------------------------------------------- */

static void
insert_run (const char *path,
            const char *owner)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO rule_runs (started_at, as_of, rules,"
                                           " status, owner) VALUES ('2026-01-01 00:00:00',"
                                           " '2026-01-01', '*', 'running', ?)", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, owner, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_abandoned_runs (void)
{
  g_autofree char *path = make_db ("abandoned.db");
  g_autofree char *mine = zicha_process_owner ();
  g_autofree char *dead = NULL;
  g_autofree char *foreign = g_strdup ("another-host 0 1 1");
  g_autofree char *statuses = NULL;
  g_autofree char *killed = NULL;
  g_auto(GStrv) parts = g_strsplit (mine, " ", 4);
  g_auto(ZichaTestResult) res = { 0 };
  g_autoptr(GSubprocess) run = NULL;

  /* the same host and boot, a process id that no process has */
  dead = g_strdup_printf ("%s %s %d 1", parts[0], parts[1], G_MAXINT - 1);
  insert_run (path, dead);
  insert_run (path, mine);      /* a run of this live process */
  insert_run (path, foreign);   /* another host: no telling */
  insert_run (path, NULL);      /* an older version's */

  zicha_test_run_cli (&res, FALSE, "--db", path, "check", "--as-of", "2026-06-30", NULL);
  g_assert_cmpint (res.status, ==, 0);
  statuses = zicha_test_query (path, "SELECT group_concat (status, ',') FROM "
                                     "(SELECT status FROM rule_runs ORDER BY id)");
  g_assert_cmpstr (statuses, ==, "abandoned,running,running,abandoned,finished");

  /* A run killed for real part way is marked when the next one starts. */
  run = zicha_test_spawn_cli ("--db", path, "check", "--as-of", "2026-06-30", NULL);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *n = zicha_test_query (path, "SELECT count(*) FROM rule_runs");

      if (atoi (n) == 6)
        break;
      g_usleep (1000);
    }
  g_subprocess_send_signal (run, SIGKILL);
  zicha_test_wait (run, 10000);
  killed = zicha_test_query (path, "SELECT status FROM rule_runs WHERE id = 6");
  if (g_strcmp0 (killed, "running") != 0)
    {
      g_test_skip ("the run ended before it could be killed");
      return;
    }
  zicha_test_result_clear (&res);
  zicha_test_run_cli (&res, FALSE, "--db", path, "check", "--as-of", "2026-06-30", NULL);
  g_assert_cmpint (res.status, ==, 0);
  g_clear_pointer (&killed, g_free);
  killed = zicha_test_query (path, "SELECT status FROM rule_runs WHERE id = 6");
  g_assert_cmpstr (killed, ==, "abandoned");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_core_init_i18n ();
  zicha_test_home_init ("safety");
  make_bodies ();

  g_test_add_func ("/safety/locks/probe-keeps-locks", test_probe_keeps_locks);
  g_test_add_func ("/safety/locks/commit-survives-other-process",
                   test_commit_survives_other_process);
  g_test_add_func ("/safety/new-db/staged", test_staged_publish_and_discard);
  g_test_add_func ("/safety/new-db/two-imports", test_two_imports_into_new_db);
  g_test_add_func ("/safety/runs/import-during-run", test_import_during_rule_run);
  g_test_add_func ("/safety/busy/readers-and-writers", test_busy_and_readers);
  g_test_add_func ("/safety/busy/error-mapping", test_error_mapping);
  g_test_add_func ("/safety/files/not-regular", test_not_regular_files);
  g_test_add_func ("/safety/read-only", test_read_only_database);
  g_test_add_func ("/safety/files/private", test_private_files);
  g_test_add_func ("/safety/csv/spreadsheet-cells", test_spreadsheet_cells);
  g_test_add_func ("/safety/csv/findings-exact", test_findings_csv_exact);
  g_test_add_func ("/safety/import/many-columns", test_many_columns);
  g_test_add_func ("/safety/runs/abandoned", test_abandoned_runs);

  status = g_test_run ();
  zicha_test_home_remove ();
  g_clear_pointer (&body_a, g_free);
  g_clear_pointer (&body_b, g_free);
  return status;
}
