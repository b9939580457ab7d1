/* test-cli.c — zicha-cli as a user runs it, and its output helper
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binary comes from $ZICHA_CLI. Every spawned process gets a temporary HOME and XDG
 * folders, so the real default database is never touched. */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zicha-core.h"
#include "zicha-cli-output.h"
#include "zicha-interchange.h"
#include "zicha-rules.h"
#include "zicha-test-utils.h"

/* The helpers of zicha-test-utils under the short names these tests grew up with. */
typedef ZichaTestResult Result;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, zicha_test_result_clear)
#define LOCALE_C FALSE
#define LOCALE_ZH_CN TRUE
#define make_launcher(chinese) zicha_test_cli_launcher (chinese)
#define run_argv(res, launcher, args) zicha_test_run_cli_argv (res, launcher, args)
#define run(res, ...) zicha_test_run_cli (res, FALSE, __VA_ARGS__)

static const char *tmp_home;

static void
assert_usage_error (const Result *res)
{
  g_assert_cmpint (res->status, ==, 2);
  g_assert_cmpstr (res->out, ==, "");
  g_assert_true (g_str_has_prefix (res->err, "zicha-cli: "));
}

static char *
tmp_path (const char *name)
{
  return zicha_test_path (name);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Help and version */

static void
test_help (void)
{
  const char *forms[] = { "--help", "-h" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_auto(Result) res = { 0 };

      run (&res, forms[i], NULL);
      g_assert_cmpint (res.status, ==, 0);
      g_assert_nonnull (strstr (res.out, "Usage"));
      g_assert_nonnull (strstr (res.out, "init"));
      g_assert_nonnull (strstr (res.out, "audit-time"));
      g_assert_nonnull (strstr (res.out, "--db"));
      g_assert_cmpstr (res.err, ==, "");
    }
}

static void
test_command_help (void)
{
  g_auto(Result) init = { 0 };
  g_auto(Result) audit = { 0 };
  g_autofree char *db = tmp_path ("help-never-created.db");

  run (&init, "init", "--help", "--db", db, NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_nonnull (strstr (init.out, "zicha-cli init"));
  g_assert_nonnull (strstr (init.out, "--db"));
  g_assert_cmpstr (init.err, ==, "");
  /* --help does the command no more */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  run (&audit, "audit-time", "-h", NULL);
  g_assert_cmpint (audit.status, ==, 0);
  g_assert_nonnull (strstr (audit.out, "--scheme"));
  g_assert_nonnull (strstr (audit.out, "--personnel"));
  g_assert_nonnull (strstr (audit.out, "--complexity"));
  g_assert_cmpstr (audit.err, ==, "");
}

static void
test_version (void)
{
  g_auto(Result) res = { 0 };

  run (&res, "--version", NULL);
  g_assert_cmpint (res.status, ==, 0);
  g_assert_cmpstr (res.out, ==, "zicha-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (res.out, ==, "zicha-cli 0.1.0\n");
  g_assert_cmpstr (res.err, ==, "");
}

static void
test_no_command (void)
{
  g_auto(Result) res = { 0 };

  run (&res, NULL);
  g_assert_cmpint (res.status, ==, 2);
  g_assert_cmpstr (res.out, ==, "");
  g_assert_nonnull (strstr (res.err, "Usage"));
}

static void
test_unknown_command (void)
{
  g_auto(Result) res = { 0 };
  g_auto(Result) opt = { 0 };
  g_auto(Result) upper = { 0 };

  run (&res, "frobnicate", NULL);
  assert_usage_error (&res);
  g_assert_nonnull (strstr (res.err, "frobnicate"));

  run (&opt, "--frobnicate", "init", NULL);
  assert_usage_error (&opt);

  run (&upper, "INIT", NULL);
  assert_usage_error (&upper);
}

/* audit-time */

static void
test_audit_time_values (void)
{
  const struct { const char *args[10]; const char *out; } cases[] = {
    { { "--scheme", "QMS", "--personnel", "100" }, "7\n" },
    { { "--scheme", "QMS", "--personnel", "1" }, "1.5\n" },
    { { "--scheme", "QMS", "--personnel", "5" }, "1.5\n" },
    { { "--scheme", "QMS", "--personnel", "6" }, "2\n" },
    { { "--scheme", "QMS", "--personnel", "8500" }, "21\n" },
    { { "--scheme", "QMS", "--personnel", "8501" }, "22\n" },
    { { "--scheme", "QMS", "--personnel", "10701" }, "22\n" },
    { { "--scheme=qms", "--personnel=100" }, "7\n" },
    { { "--personnel", "100", "--scheme", "Qms" }, "7\n" },
    { { "--scheme", "EMS", "--complexity", "high", "--personnel", "46" }, "8\n" },
    { { "--scheme", "EMS", "--complexity", "high", "--personnel", "45" }, "7\n" },
    { { "--scheme", "EMS", "--complexity", "low", "--personnel", "626" }, "10\n" },
    { { "--scheme", "EMS", "--complexity", "LIMITED", "--personnel", "626" }, "6.5\n" },
    { { "--scheme", "EMS", "--personnel", "100" }, "8\n" },  /* medium by default */
    { { "--scheme", "EMS", "--complexity", "medium", "--personnel", "100" }, "8\n" },
    { { "--scheme", "OHSMS", "--complexity", "limited", "--personnel", "626" }, "10\n" },
    { { "--scheme", "OHSMS", "--complexity", "limited", "--personnel", "5" }, "2.5\n" },
    { { "--scheme", "OHSMS", "--complexity", "high", "--personnel", "10700" }, "34\n" },
    { { "--scheme", "QMS", "--personnel", "100", "--type", "initial" }, "4.9\n" },
    { { "--scheme", "QMS", "--personnel", "100", "--type", "surveillance" }, "1.64\n" },
    { { "--scheme", "QMS", "--personnel", "100", "--type", "recertification" }, "3.27\n" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_C);
      const char *args[12] = { "audit-time" };
      g_auto(Result) res = { 0 };
      guint j;

      for (j = 0; cases[i].args[j] != NULL; j++)
        args[j + 1] = cases[i].args[j];
      run_argv (&res, launcher, args);
      g_assert_cmpint (res.status, ==, 0);
      g_assert_cmpstr (res.out, ==, cases[i].out);
      g_assert_cmpstr (res.err, ==, "");
    }
}

static void
test_audit_time_no_database (void)
{
  g_auto(Result) res = { 0 };
  g_auto(Result) after = { 0 };
  g_autofree char *db = tmp_path ("audit-time-never-created.db");
  g_autofree char *default_db = g_build_filename (tmp_home, "data", "zicha", NULL);

  run (&res, "--db", db, "audit-time", "--scheme", "QMS", "--personnel", "100", NULL);
  g_assert_cmpint (res.status, ==, 0);
  g_assert_cmpstr (res.out, ==, "7\n");

  run (&after, "audit-time", "--scheme", "QMS", "--personnel", "100", "--db", db, NULL);
  g_assert_cmpint (after.status, ==, 0);
  g_assert_cmpstr (after.out, ==, "7\n");

  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));
}

static void
test_audit_time_usage (void)
{
  const char *cases[][10] = {
    { "--scheme", "FSMS", "--personnel", "100" },
    { "--scheme", "HACCP", "--personnel", "100" },
    { "--scheme", "", "--personnel", "100" },
    { "--scheme", "QMS", "--complexity", "high", "--personnel", "100" },
    { "--scheme", "QMS", "--complexity", "medium", "--personnel", "100" },
    { "--scheme", "EMS", "--complexity", "huge", "--personnel", "100" },
    { "--scheme", "EMS", "--complexity", "", "--personnel", "100" },
    { "--scheme", "QMS", "--personnel", "abc" },
    { "--scheme", "QMS", "--personnel", "0" },
    { "--scheme", "QMS", "--personnel", "-3" },
    { "--scheme", "QMS", "--personnel", "+3" },
    { "--scheme", "QMS", "--personnel", "1.5" },
    { "--scheme", "QMS", "--personnel", "10 " },
    { "--scheme", "QMS", "--personnel", "" },
    { "--scheme", "QMS", "--personnel", "99999999999999999999999" },
    { "--scheme", "QMS" },
    { "--personnel", "100" },
    { "--scheme", "QMS", "--personnel", "100", "--frobnicate" },
    { "--scheme", "QMS", "--personnel", "100", "-x" },
    { "--scheme", "QMS", "--personnel", "100", "extra" },
    { "QMS", "100" },
    { "--scheme", "QMS", "--personnel", "100", "--type", "special" },
    { "--scheme", "QMS", "--personnel" },
    { "--scheme", "QMS", "--personnel", "100", "--db" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_C);
      const char *args[12] = { "audit-time" };
      g_auto(Result) res = { 0 };
      guint j;

      for (j = 0; cases[i][j] != NULL; j++)
        args[j + 1] = cases[i][j];
      run_argv (&res, launcher, args);
      assert_usage_error (&res);
    }
}

/* init */

static void
assert_database_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 0);
}

static void
assert_one_line (const char *text)
{
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

static void
test_init_create (void)
{
  g_autofree char *db = tmp_path ("create.db");
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };

  run (&first, "init", "--db", db, NULL);
  g_assert_cmpint (first.status, ==, 0);
  assert_one_line (first.out);
  g_assert_nonnull (strstr (first.out, db));
  g_assert_cmpstr (first.err, ==, "");
  assert_database_file (db);

  /* again: nothing to do, and it says so in other words */
  run (&second, "init", "--db", db, NULL);
  g_assert_cmpint (second.status, ==, 0);
  assert_one_line (second.out);
  g_assert_nonnull (strstr (second.out, db));
  g_assert_cmpstr (second.out, !=, first.out);
  g_assert_cmpstr (second.err, ==, "");
  assert_database_file (db);
}

static void
test_init_db_before_and_after (void)
{
  g_autofree char *before = tmp_path ("before.db");
  g_autofree char *after = tmp_path ("after.db");
  g_autofree char *after_eq = tmp_path ("after-eq.db");
  g_autofree char *db_eq = NULL;
  g_autofree char *overridden = tmp_path ("overridden.db");
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };

  run (&r1, "--db", before, "init", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  assert_database_file (before);

  run (&r2, "init", "--db", after, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  assert_database_file (after);

  db_eq = g_strconcat ("--db=", after_eq, NULL);
  run (&r3, "init", db_eq, NULL);
  g_assert_cmpint (r3.status, ==, 0);
  assert_database_file (after_eq);

  /* given on both sides, the command's own --db wins */
  run (&r4, "--db", overridden, "init", "--db", after, NULL);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_false (g_file_test (overridden, G_FILE_TEST_EXISTS));
}

static void
test_init_default_path (void)
{
  g_autofree char *db = g_build_filename (tmp_home, "data", "zicha", "zicha.db", NULL);
  g_auto(Result) res = { 0 };

  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  run (&res, "init", NULL);
  g_assert_cmpint (res.status, ==, 0);
  g_assert_nonnull (strstr (res.out, db));
  assert_database_file (db);
}

static void
test_init_not_sqlite (void)
{
  const char *contents = "name,scheme\nA,QMS\n这不是数据库\n";
  g_autofree char *path = tmp_path ("not-sqlite.db");
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Result) res = { 0 };

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  run (&res, "init", "--db", path, NULL);
  g_assert_cmpint (res.status, ==, 1);
  g_assert_cmpstr (res.out, ==, "");
  g_assert_true (g_str_has_prefix (res.err, "zicha-cli: "));
  g_assert_cmpuint (strlen (res.err), >, strlen ("zicha-cli: \n"));

  after = read_file (path);
  g_assert_cmpstr (after, ==, contents);
}

static void
test_init_foreign_sqlite (void)
{
  g_autofree char *path = tmp_path ("foreign.sqlite");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  g_autoptr(GError) error = NULL;
  g_auto(Result) res = { 0 };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT);"
                                     "INSERT INTO notes VALUES ('someone else''s data');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (path, &before, &before_len, &error);
  g_assert_no_error (error);

  run (&res, "init", "--db", path, NULL);
  g_assert_cmpint (res.status, ==, 1);
  g_assert_cmpstr (res.out, ==, "");
  g_assert_true (g_str_has_prefix (res.err, "zicha-cli: "));

  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_init_missing_folder (void)
{
  g_autofree char *folder = tmp_path ("missing");
  g_autofree char *path = g_build_filename (folder, "dir", "x.db", NULL);
  g_auto(Result) res = { 0 };
  g_auto(Result) abs = { 0 };

  run (&res, "init", "--db", path, NULL);
  g_assert_cmpint (res.status, ==, 1);
  g_assert_cmpstr (res.out, ==, "");
  g_assert_true (g_str_has_prefix (res.err, "zicha-cli: "));
  /* a folder the user named is not made */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  run (&abs, "init", "--db", "/nonexistent/dir/x.db", NULL);
  g_assert_cmpint (abs.status, ==, 1);
  g_assert_cmpstr (abs.out, ==, "");
  g_assert_true (g_str_has_prefix (abs.err, "zicha-cli: "));
  g_assert_false (g_file_test ("/nonexistent/dir/x.db", G_FILE_TEST_EXISTS));
}

static void
test_init_usage (void)
{
  g_autofree char *db = tmp_path ("usage-never-created.db");
  g_auto(Result) extra = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) empty = { 0 };
  g_auto(Result) missing = { 0 };

  run (&extra, "init", "--db", db, "now", NULL);
  assert_usage_error (&extra);
  run (&unknown, "init", "--db", db, "--force", NULL);
  assert_usage_error (&unknown);
  run (&empty, "--db", "", "init", NULL);
  assert_usage_error (&empty);
  run (&missing, "init", "--db", NULL);
  assert_usage_error (&missing);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* Locale and output */

static void
test_zh_cn (void)
{
  g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_ZH_CN);
  g_autofree char *path = tmp_path ("zh-not-sqlite.db");
  g_autoptr(GError) error = NULL;
  const char *scheme[] = { "audit-time", "--scheme", "FSMS", "--personnel", "100", NULL };
  const char *option[] = { "audit-time", "--frobnicate", NULL };
  const char *init[] = { "init", "--db", path, NULL };
  const char *help[] = { "--help", NULL };
  const char *value[] = { "audit-time", "--scheme", "QMS", "--personnel", "100", NULL };
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };
  g_auto(Result) r5 = { 0 };

  g_file_set_contents (path, "不是 SQLite\n", -1, &error);
  g_assert_no_error (error);

  /* run_argv checks that stdout and stderr are valid UTF-8 */
  run_argv (&r1, launcher, scheme);
  assert_usage_error (&r1);
  g_assert_cmpuint (strlen (r1.err), >, strlen ("zicha-cli: \n"));

  run_argv (&r2, launcher, option);
  assert_usage_error (&r2);

  run_argv (&r3, launcher, init);
  g_assert_cmpint (r3.status, ==, 1);
  g_assert_true (g_str_has_prefix (r3.err, "zicha-cli: "));
  g_assert_cmpuint (strlen (r3.err), >, strlen ("zicha-cli: \n"));

  run_argv (&r4, launcher, help);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_nonnull (strstr (r4.out, "audit-time"));

  /* the machine value does not change with the language */
  run_argv (&r5, launcher, value);
  g_assert_cmpint (r5.status, ==, 0);
  g_assert_cmpstr (r5.out, ==, "7\n");
}

static void
test_write_error (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err_text = NULL;
  const char *argv[] = { g_getenv ("ZICHA_CLI"), "--version", NULL };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  err_text = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  g_assert_true (g_str_has_prefix (err_text, "zicha-cli: "));
}

/* import, template, demo, check and findings */

/* A fresh folder under the temporary HOME for one test; remove_tree() it at the end. */
static char *
make_test_folder (const char *name)
{
  char *path = tmp_path (name);

  zicha_test_remove_tree (path);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  return path;
}

static void
write_test_file (const char *folder,
                 const char *name,
                 const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A valid folder of three files; organizations.csv has a column the format does not know. */
static void
write_valid_folder (const char *folder)
{
  write_test_file (folder, "personnel.csv",
                   "person_id,name,employment,joined_on\n"
                   "P001,张三,full_time,2015-03-01\n"
                   "P002,李四,part_time,2016-05-10\n");
  write_test_file (folder, "organizations.csv",
                   "org_id,name,province,employees,sites,remark\n"
                   "O001,北京华信科技有限公司,11,120,1,x\n"
                   "O002,上海东方机械制造有限公司,31,800,2,y\n");
  write_test_file (folder, "certificates.csv",
                   "cert_no,org_id,scheme,scope_codes,issued_on,expires_on,status\n"
                   "C001,O001,QMS,17.06,2021-01-10,2024-01-09,valid\n"
                   "C002,O002,EMS,18.05,2020-06-01,2023-05-31,expired\n"
                   "C003,O001,QMS,03.01,2022-03-15,2025-03-14,suspended\n");
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* RFC 4180: rows (GStrv) of @text; CRLF or LF line ends. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  gboolean quoted = FALSE;
  gboolean any = FALSE;

  for (; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          quoted = TRUE;
          any = TRUE;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          any = TRUE;
        }
      else if (*p == '\r' && p[1] == '\n')
        ;
      else if (*p == '\n')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          g_ptr_array_unref (fields);
          fields = g_ptr_array_new_with_free_func (g_free);
          any = FALSE;
        }
      else
        {
          g_string_append_c (field, *p);
          any = TRUE;
        }
    }
  g_assert_false (quoted);
  /* every row ends with a line end */
  g_assert_false (any);
  return rows;
}

/* The set "rule,entity_type,entity_key" of CSV rows, from the columns of those names. */
static GHashTable *
hit_set (GPtrArray *rows)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char **header;
  int rule = -1, type = -1, key = -1;
  guint i, n;

  g_assert_cmpuint (rows->len, >, 0);
  header = g_ptr_array_index (rows, 0);
  n = g_strv_length (header);
  for (i = 0; i < n; i++)
    {
      if (g_str_equal (header[i], "rule"))
        rule = (int) i;
      else if (g_str_equal (header[i], "entity_type"))
        type = (int) i;
      else if (g_str_equal (header[i], "entity_key"))
        key = (int) i;
    }
  g_assert_cmpint (rule, >=, 0);
  g_assert_cmpint (type, >=, 0);
  g_assert_cmpint (key, >=, 0);
  for (i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, n);
      /* no row twice */
      g_assert_true (g_hash_table_add (set, g_strdup_printf ("%s,%s,%s", row[rule], row[type],
                                                             row[key])));
    }
  return set;
}

static void
test_import_valid (void)
{
  g_autofree char *folder = make_test_folder ("import-valid");
  g_autofree char *db = tmp_path ("import-valid.db");
  g_autofree char *expected_out = NULL;
  g_auto(Result) first = { 0 };
  g_auto(Result) again = { 0 };

  write_valid_folder (folder);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* the database does not exist yet: import creates it */
  run (&first, "--db", db, "import", folder, NULL);
  g_assert_cmpint (first.status, ==, 0);
  assert_database_file (db);
  g_assert_cmpstr (first.out, ==,
                   "File               Rows  Inserted  Updated  Unchanged\n"
                   "-----------------  ----  --------  -------  ---------\n"
                   "personnel.csv         2         2        0          0\n"
                   "organizations.csv     2         2        0          0\n"
                   "certificates.csv      3         3        0          0\n");
  /* the unknown column is a warning, in the importer's format */
  g_assert_true (g_str_has_prefix (first.err, "organizations.csv:1:remark: warning: "));
  g_assert_true (g_str_has_suffix (first.err, "\n"));
  g_assert_true (strchr (first.err, '\n') == first.err + strlen (first.err) - 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificates"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM organizations"), ==, 2);

  /* again: nothing new; options after the folder, machine format */
  run (&again, "import", folder, "--db", db, "--format", "csv", "--encoding", "utf-8", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==,
                   "file,rows,inserted,updated,unchanged\r\n"
                   "personnel.csv,2,0,0,2\r\n"
                   "organizations.csv,2,0,0,2\r\n"
                   "certificates.csv,3,0,0,3\r\n");
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificates"), ==, 3);

  zicha_test_remove_tree (folder);
}

static void
test_import_invalid (void)
{
  g_autofree char *folder = make_test_folder ("import-invalid");
  g_autofree char *db = tmp_path ("import-invalid.db");
  g_autofree char *existing = tmp_path ("import-invalid-existing.db");
  g_autofree char *valid = make_test_folder ("import-invalid-valid");
  g_auto(GStrv) lines = NULL;
  g_auto(Result) res = { 0 };
  g_auto(Result) zh = { 0 };
  g_auto(Result) fill = { 0 };
  g_auto(Result) kept = { 0 };
  g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_ZH_CN);
  const char *zh_args[] = { "--db", db, "import", folder, NULL };

  write_test_file (folder, "organizations.csv",
                   "org_id,name,province,employees,sites\n"
                   "O001,北京华信科技有限公司,11,120,1\n");
  write_test_file (folder, "certificates.csv",
                   "cert_no,org_id,scheme,scope_codes,issued_on,expires_on,status\n"
                   "C101,O001,QMS,17.06,2021-13-45,2024-01-09,valid\n"
                   "C102,O001,EMS,18.05,2020-06-01,2023-05-31,forgotten\n"
                   "C103,O999,QMS,03.01,2022-03-15,2025-03-14,valid\n");

  run (&res, "--db", db, "import", folder, NULL);
  g_assert_cmpint (res.status, ==, 3);
  g_assert_cmpstr (res.out, ==, "");
  lines = g_strsplit (res.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "certificates.csv:2:issued_on: "));
  g_assert_true (g_str_has_suffix (lines[0], " (value: \"2021-13-45\")"));
  g_assert_true (g_str_has_prefix (lines[1], "certificates.csv:3:status: "));
  g_assert_true (g_str_has_suffix (lines[1], " (value: \"forgotten\")"));
  g_assert_true (g_str_has_prefix (lines[2], "certificates.csv:4:org_id: "));
  g_assert_true (g_str_has_suffix (lines[2], " (value: \"O999\")"));
  g_assert_true (g_str_has_prefix (lines[3], "zicha-cli: "));
  g_assert_cmpstr (lines[4], ==, "");
  /* the database it made for the import is gone again */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* the same lines in Chinese, with the reasons translated */
  run_argv (&zh, launcher, zh_args);
  g_assert_cmpint (zh.status, ==, 3);
  g_assert_true (g_str_has_prefix (zh.err, "certificates.csv:2:issued_on: "));
  g_assert_null (strstr (zh.err, "not a valid date"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* a database that held records keeps them */
  write_valid_folder (valid);
  run (&fill, "--db", existing, "import", valid, NULL);
  g_assert_cmpint (fill.status, ==, 0);
  run (&kept, "--db", existing, "import", folder, NULL);
  g_assert_cmpint (kept.status, ==, 3);
  g_assert_cmpint (query_int (existing, "SELECT count (*) FROM certificates"), ==, 3);

  zicha_test_remove_tree (folder);
  zicha_test_remove_tree (valid);
}

static void
test_import_many_errors (void)
{
  g_autofree char *folder = make_test_folder ("import-many");
  g_autofree char *db = tmp_path ("import-many.db");
  g_autoptr(GString) csv = g_string_new ("person_id,name,employment,joined_on\n");
  g_auto(GStrv) lines = NULL;
  g_auto(Result) res = { 0 };
  guint i;

  for (i = 0; i < 1003; i++)
    g_string_append_printf (csv, "P%04u,某人,full_time,2015-02-30\n", i);
  write_test_file (folder, "personnel.csv", csv->str);

  run (&res, "--db", db, "import", folder, NULL);
  g_assert_cmpint (res.status, ==, 3);
  lines = g_strsplit (res.err, "\n", -1);
  /* 1,000 errors, "and 3 more errors", the failure, and the end */
  g_assert_cmpuint (g_strv_length (lines), ==, 1003);
  g_assert_true (g_str_has_prefix (lines[0], "personnel.csv:2:joined_on: "));
  g_assert_true (g_str_has_prefix (lines[999], "personnel.csv:1001:joined_on: "));
  g_assert_cmpstr (lines[1000], ==, "and 3 more errors");
  g_assert_true (g_str_has_prefix (lines[1001], "zicha-cli: "));

  zicha_test_remove_tree (folder);
}

static void
test_import_failures (void)
{
  g_autofree char *missing = tmp_path ("import-no-such-folder");
  g_autofree char *db = tmp_path ("import-failures.db");
  g_autofree char *folder = make_test_folder ("import-failures");
  g_autofree char *not_db = tmp_path ("import-failures-not-a.db");
  g_autoptr(GError) error = NULL;
  g_auto(Result) no_folder = { 0 };
  g_auto(Result) no_arg = { 0 };
  g_auto(Result) two_args = { 0 };
  g_auto(Result) encoding = { 0 };
  g_auto(Result) format = { 0 };
  g_auto(Result) bad_db = { 0 };

  run (&no_folder, "--db", db, "import", missing, NULL);
  g_assert_cmpint (no_folder.status, ==, 1);
  g_assert_cmpstr (no_folder.out, ==, "");
  g_assert_true (g_str_has_prefix (no_folder.err, "zicha-cli: "));
  g_assert_nonnull (strstr (no_folder.err, "import-no-such-folder"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  run (&no_arg, "--db", db, "import", NULL);
  assert_usage_error (&no_arg);
  run (&two_args, "--db", db, "import", folder, folder, NULL);
  assert_usage_error (&two_args);
  run (&encoding, "--db", db, "import", folder, "--encoding", "latin1", NULL);
  assert_usage_error (&encoding);
  run (&format, "--db", db, "import", folder, "--format", "xml", NULL);
  assert_usage_error (&format);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  g_file_set_contents (not_db, "not a database\n", -1, &error);
  g_assert_no_error (error);
  write_valid_folder (folder);
  run (&bad_db, "--db", not_db, "import", folder, NULL);
  g_assert_cmpint (bad_db.status, ==, 1);

  zicha_test_remove_tree (folder);
}

static void
test_template (void)
{
  g_autofree char *parent = make_test_folder ("template");
  g_autofree char *dir = g_build_filename (parent, "模板", NULL);
  g_autofree char *orphan = g_build_filename (parent, "no", "such", NULL);
  g_auto(Result) res = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) missing = { 0 };
  g_auto(Result) usage = { 0 };
  g_autoptr(GDir) handle = NULL;
  guint kind, n_files = 0;

  run (&res, "template", dir, NULL);
  g_assert_cmpint (res.status, ==, 0);
  g_assert_nonnull (strstr (res.out, dir));
  g_assert_cmpstr (res.err, ==, "");

  handle = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 15);

  for (kind = 0; kind < ZICHA_N_RECORD_KINDS; kind++)
    {
      const ZichaFileFormat *file = zicha_interchange_get_file (kind);
      g_autofree char *path = g_build_filename (dir, file->file_name, NULL);
      g_autofree char *contents = read_file (path);
      g_autofree char *first = g_strdup_printf ("\xef\xbb\xbf%s,",
                                                zicha_interchange_column_label (
                                                  file, &file->columns[0]));

      /* a BOM, the Chinese labels, one line */
      g_assert_true (g_str_has_prefix (contents, first));
      g_assert_nonnull (strchr (contents, '\n'));
      g_assert_cmpstr (strchr (contents, '\n') + 1, ==, "");
    }

  /* an existing folder is fine */
  run (&again, "template", dir, NULL);
  g_assert_cmpint (again.status, ==, 0);

  /* the parent must exist */
  run (&missing, "template", orphan, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "zicha-cli: "));
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));

  run (&usage, "template", NULL);
  assert_usage_error (&usage);

  zicha_test_remove_tree (parent);
}

static void
test_demo_db (void)
{
  g_autofree char *db = tmp_path ("demo.db");
  g_autofree char *today = NULL;
  g_auto(Result) res = { 0 };
  g_auto(Result) again = { 0 };

  run (&res, "demo", "--db", db, "--certificates", "200", "--seed", "1",
       "--today", "2026-06-30", NULL);
  g_assert_cmpint (res.status, ==, 0);
  assert_one_line (res.out);
  g_assert_nonnull (strstr (res.out, "2026-06-30"));
  assert_database_file (db);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificates"), ==, 200);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM audits"), >, 200);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM personnel"), >, 0);
  today = query_text (db, "SELECT value FROM settings WHERE key = 'demo-today'");
  g_assert_cmpstr (today, ==, "2026-06-30");

  /* a database with records is not the place for a demo */
  run (&again, "demo", "--db", db, "--certificates", "200", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificates"), ==, 200);
}

static void
test_demo_export (void)
{
  g_autofree char *parent = make_test_folder ("demo-export");
  g_autofree char *one = g_build_filename (parent, "one", NULL);
  g_autofree char *two = g_build_filename (parent, "two", NULL);
  g_autofree char *other = g_build_filename (parent, "other", NULL);
  g_autofree char *manifest = g_build_filename (parent, "expected.csv", NULL);
  g_autofree char *manifest_text = NULL;
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  gboolean all_same = TRUE;
  guint kind;

  run (&r1, "demo", "--export", one, "--certificates", "250", "--seed", "42",
       "--today", "2026-01-15", "--expected", manifest, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  run (&r2, "demo", "--today", "2026-01-15", "--seed", "42", "--certificates", "250",
       "--export", two, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  run (&r3, "demo", "--today", "2026-01-15", "--seed", "43", "--certificates", "250",
       "--export", other, NULL);
  g_assert_cmpint (r3.status, ==, 0);

  for (kind = 0; kind < ZICHA_N_RECORD_KINDS; kind++)
    {
      const char *name = zicha_interchange_get_file (kind)->file_name;
      g_autofree char *path1 = g_build_filename (one, name, NULL);
      g_autofree char *path2 = g_build_filename (two, name, NULL);
      g_autofree char *path3 = g_build_filename (other, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *c1 = NULL, *c2 = NULL, *c3 = NULL;
      gsize l1 = 0, l2 = 0, l3 = 0;

      g_file_get_contents (path1, &c1, &l1, &error);
      g_assert_no_error (error);
      g_file_get_contents (path2, &c2, &l2, &error);
      g_assert_no_error (error);
      g_file_get_contents (path3, &c3, &l3, &error);
      g_assert_no_error (error);
      /* the same seed and day: the same bytes */
      g_assert_cmpmem (c1, l1, c2, l2);
      if (l1 != l3 || memcmp (c1, c3, l1) != 0)
        all_same = FALSE;
    }
  /* another seed: other data */
  g_assert_false (all_same);

  manifest_text = read_file (manifest);
  g_assert_true (g_str_has_prefix (manifest_text, "rule,entity_type,entity_key\n")
                 || g_str_has_prefix (manifest_text, "rule,entity_type,entity_key\r\n"));
  /* every rule has planted hits */
  g_assert_nonnull (strstr (manifest_text, "\nAUDIT_TIME_SHORT,audit,"));

  zicha_test_remove_tree (parent);
}

static void
test_demo_usage (void)
{
  g_autofree char *folder = tmp_path ("demo-usage");
  g_autofree char *db = tmp_path ("demo-usage.db");
  const char *cases[][8] = {
    { "--today", "2026-02-30" },
    { "--today", "2026-6-30" },
    { "--today", "tomorrow" },
    { "--certificates", "199" },
    { "--certificates", "10000001" },
    { "--certificates", "many" },
    { "--certificates", "-5" },
    { "--seed", "one" },
    { "--seed", "-1" },
    { "--seed", "" },
    { "--export", "" },
    { "--frobnicate" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_C);
      const char *args[12] = { "demo", "--export", folder, "--db", db };
      g_auto(Result) res = { 0 };
      guint j;

      for (j = 0; cases[i][j] != NULL; j++)
        args[j + 5] = cases[i][j];
      run_argv (&res, launcher, args);
      assert_usage_error (&res);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
    }

  /* neither a database nor a folder: the default database is not for demos */
  {
    g_auto(Result) res = { 0 };

    run (&res, "demo", "--certificates", "200", NULL);
    assert_usage_error (&res);
  }
}

static void
test_check (void)
{
  g_autofree char *db = tmp_path ("check.db");
  g_autofree char *missing = tmp_path ("check-missing.db");
  g_auto(Result) demo = { 0 };
  g_auto(Result) res = { 0 };
  g_auto(Result) some = { 0 };
  g_auto(Result) csv = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) bad_date = { 0 };
  g_auto(Result) no_db = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_rules = 0;
  guint i;

  zicha_rules_get_all (&n_rules);
  run (&demo, "--db", db, "demo", "--certificates", "200", "--seed", "3",
       "--today", "2026-03-31", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run (&res, "--db", db, "check", NULL);
  g_assert_cmpint (res.status, ==, 0);
  lines = g_strsplit (res.out, "\n", -1);
  /* titles, rule, one line a rule, total, summary, end */
  g_assert_cmpuint (g_strv_length (lines), ==, 2 + n_rules + 1 + 1 + 1);
  g_assert_true (g_str_has_prefix (lines[0], "Rule "));
  g_assert_true (g_str_has_prefix (lines[2], "SCOPE_NOT_APPROVED "));
  g_assert_true (g_str_has_prefix (lines[2 + n_rules], "Total "));
  /* as of the demo's day, not today */
  g_assert_true (g_str_has_prefix (lines[3 + n_rules], "As of 2026-03-31: "));

  run (&some, "--db", db, "check", "--rules", "AUDIT_TIME_SHORT,CHECKIN_FAR", NULL);
  g_assert_cmpint (some.status, ==, 0);
  g_assert_nonnull (strstr (some.out, "AUDIT_TIME_SHORT"));
  g_assert_nonnull (strstr (some.out, "CHECKIN_FAR"));
  g_assert_null (strstr (some.out, "SCOPE_NOT_APPROVED"));

  run (&csv, "--db", db, "check", "--as-of", "2026-03-31", "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  rows = parse_csv (csv.out);
  g_assert_cmpuint (rows->len, ==, 1 + n_rules + 1);
  g_assert_cmpstrv ((char **) g_ptr_array_index (rows, 0),
                    ((const char *[]) { "rule", "area", "hits", "ms", NULL }));
  for (i = 1; i <= n_rules; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      ZichaRuleArea area;

      g_assert_nonnull (zicha_rules_lookup (row[0]));
      g_assert_true (zicha_rule_area_from_string (row[1], &area));
      /* at least the three planted hits of every rule */
      g_assert_cmpint (g_ascii_strtoll (row[2], NULL, 10), >=, 3);
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, n_rules + 1))[0], ==, "total");

  run (&unknown, "--db", db, "check", "--rules", "AUDIT_TIME_SHORT,NO_SUCH_RULE", NULL);
  assert_usage_error (&unknown);
  g_assert_nonnull (strstr (unknown.err, "NO_SUCH_RULE"));

  run (&bad_date, "--db", db, "check", "--as-of", "2026-13-01", NULL);
  assert_usage_error (&bad_date);

  run (&no_db, "--db", missing, "check", NULL);
  g_assert_cmpint (no_db.status, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_findings (void)
{
  g_autofree char *db = tmp_path ("findings.db");
  g_auto(Result) demo = { 0 };
  g_auto(Result) check = { 0 };
  g_auto(Result) csv = { 0 };
  g_auto(Result) rule = { 0 };
  g_auto(Result) json = { 0 };
  g_auto(Result) table = { 0 };
  g_auto(Result) none = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rule_rows = NULL;
  g_autoptr(GSubprocessLauncher) zh_launcher = make_launcher (LOCALE_ZH_CN);
  const char *zh_args[] = { "--db", db, "findings", "--rule", "CHECKIN_FAR", NULL };
  guint i;

  run (&demo, "--db", db, "demo", "--certificates", "200", "--seed", "5",
       "--today", "2026-06-30", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run (&check, "--db", db, "check", NULL);
  g_assert_cmpint (check.status, ==, 0);

  run (&csv, "--db", db, "findings", "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.err, ==, "");
  g_assert_true (g_str_has_prefix (csv.out,
                                   "rule,area,severity,entity_type,entity_key,status,message\r\n"));
  rows = parse_csv (csv.out);
  g_assert_cmpuint (rows->len, >, 27 * 3);
  for (i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      const ZichaRule *descriptor = zicha_rules_lookup (row[0]);

      g_assert_cmpuint (g_strv_length (row), ==, 7);
      g_assert_nonnull (descriptor);
      g_assert_cmpstr (row[1], ==, zicha_rule_area_to_string (descriptor->area));
      g_assert_true (g_str_equal (row[2], "high") || g_str_equal (row[2], "medium")
                     || g_str_equal (row[2], "low"));
      g_assert_cmpstr (row[3], ==, descriptor->entity_type);
      g_assert_cmpstr (row[4], !=, "");
      g_assert_cmpstr (row[5], ==, "open");
      g_assert_cmpstr (row[6], !=, "");
    }

  run (&rule, "--db", db, "findings", "--format", "csv", "--rule", "CHECKIN_FAR",
       "--area", "conduct", "--status", "open", NULL);
  g_assert_cmpint (rule.status, ==, 0);
  rule_rows = parse_csv (rule.out);
  g_assert_cmpuint (rule_rows->len, >=, 1 + 3);
  for (i = 1; i < rule_rows->len; i++)
    g_assert_cmpstr (((char **) g_ptr_array_index (rule_rows, i))[0], ==, "CHECKIN_FAR");

  run (&json, "--db", db, "findings", "--format", "json", "--rule", "CHECKIN_FAR", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (g_str_has_prefix (json.out, "[\n  {\"rule\": \"CHECKIN_FAR\", \"area\": "
                                   "\"conduct\", "));
  g_assert_true (g_str_has_suffix (json.out, "}\n]\n"));

  /* people get translated labels; the message is as stored */
  run_argv (&table, zh_launcher, zh_args);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "CHECKIN_FAR"));
  g_assert_null (strstr (table.out, " conduct "));

  /* nothing matches: the header alone, or an empty array */
  run (&none, "--db", db, "findings", "--format", "json", "--status", "dismissed", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "[]\n");
}

static void
test_findings_usage (void)
{
  g_autofree char *db = tmp_path ("findings-usage.db");
  g_autofree char *missing = tmp_path ("findings-missing.db");
  g_auto(Result) init = { 0 };
  g_auto(Result) empty = { 0 };
  g_auto(Result) no_db = { 0 };
  const char *cases[][4] = {
    { "--status", "bogus" },
    { "--status", "OPEN" },
    { "--area", "ethics" },
    { "--severity", "urgent" },
    { "--format", "xml" },
    { "--rule", "NO_SUCH_RULE" },
    { "extra" },
  };
  guint i;

  run (&init, "--db", db, "init", NULL);
  g_assert_cmpint (init.status, ==, 0);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_C);
      const char *args[8] = { "--db", db, "findings" };
      g_auto(Result) res = { 0 };
      guint j;

      for (j = 0; cases[i][j] != NULL; j++)
        args[j + 3] = cases[i][j];
      run_argv (&res, launcher, args);
      assert_usage_error (&res);
    }

  run (&empty, "--db", db, "findings", "--format", "csv", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==, "rule,area,severity,entity_type,entity_key,status,message\r\n");

  run (&no_db, "--db", missing, "findings", NULL);
  g_assert_cmpint (no_db.status, ==, 1);
}

/* findings reads a page at a time: small pages give the same output as one big one. */
static void
test_findings_pages (void)
{
  g_autofree char *db = tmp_path ("findings-pages.db");
  g_auto(Result) demo = { 0 };
  g_auto(Result) check = { 0 };
  const char *formats[] = { "csv", "json", "table" };
  const char *page_sizes[] = { "1", "7", "29" };
  guint f, p;

  run (&demo, "--db", db, "demo", "--certificates", "200", "--seed", "9",
       "--today", "2026-06-30", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run (&check, "--db", db, "check", NULL);
  g_assert_cmpint (check.status, ==, 0);

  for (f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto(Result) whole = { 0 };
      g_auto(Result) exact = { 0 };
      const char *args[] = { "--db", db, "findings", "--format", formats[f], NULL };
      const char *rule_args[] = { "--db", db, "findings", "--format", formats[f],
                                  "--rule", "AUDIT_TIME_SHORT", NULL };
      g_auto(GStrv) whole_lines = NULL;

      run (&whole, "--db", db, "findings", "--format", formats[f], NULL);
      g_assert_cmpint (whole.status, ==, 0);
      whole_lines = g_strsplit (whole.out, "\n", -1);

      for (p = 0; p < G_N_ELEMENTS (page_sizes); p++)
        {
          g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_C);
          g_auto(Result) paged = { 0 };
          g_auto(GStrv) lines = NULL;

          g_subprocess_launcher_setenv (launcher, "ZICHA_CLI_PAGE_SIZE", page_sizes[p], TRUE);
          run_argv (&paged, launcher, args);
          g_assert_cmpint (paged.status, ==, 0);
          lines = g_strsplit (paged.out, "\n", -1);
          g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length (whole_lines));
          /* tables are aligned page by page; machine formats are the same bytes */
          if (!g_str_equal (formats[f], "table"))
            g_assert_cmpstr (paged.out, ==, whole.out);
        }

      /* a last page that is full: the demo plants 3 hits of the rule, the pages hold 3 */
      {
        g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_C);
        g_auto(Result) one_page = { 0 };

        run (&exact, "--db", db, "findings", "--format", formats[f],
             "--rule", "AUDIT_TIME_SHORT", NULL);
        g_assert_cmpint (exact.status, ==, 0);
        g_subprocess_launcher_setenv (launcher, "ZICHA_CLI_PAGE_SIZE", "3", TRUE);
        run_argv (&one_page, launcher, rule_args);
        g_assert_cmpint (one_page.status, ==, 0);
        g_assert_cmpstr (one_page.out, ==, exact.out);
      }
    }
}

/* What matters most: the rules find exactly the hits the demo planted. */
static void
test_demo_end_to_end (void)
{
  g_autofree char *db = tmp_path ("end-to-end.db");
  g_autofree char *manifest = tmp_path ("end-to-end-expected.csv");
  g_autofree char *manifest_text = NULL;
  g_autoptr(GPtrArray) expected_rows = NULL;
  g_autoptr(GPtrArray) found_rows = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_auto(Result) demo = { 0 };
  g_auto(Result) check = { 0 };
  g_auto(Result) findings = { 0 };
  GHashTableIter iter;
  gpointer key;
  guint missing = 0, extra = 0;

  run (&demo, "demo", "--db", db, "--certificates", "300", "--seed", "7",
       "--today", "2026-06-30", "--expected", manifest, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run (&check, "--db", db, "check", NULL);
  g_assert_cmpint (check.status, ==, 0);
  run (&findings, "--db", db, "findings", "--format", "csv", NULL);
  g_assert_cmpint (findings.status, ==, 0);

  manifest_text = read_file (manifest);
  expected_rows = parse_csv (manifest_text);
  g_assert_cmpstrv ((char **) g_ptr_array_index (expected_rows, 0),
                    ((const char *[]) { "rule", "entity_type", "entity_key", NULL }));
  found_rows = parse_csv (findings.out);
  expected = hit_set (expected_rows);
  found = hit_set (found_rows);
  g_assert_cmpuint (g_hash_table_size (expected), >=, 27 * 3);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (found, key))
      {
        g_test_message ("expected, not found: %s", (const char *) key);
        missing++;
      }
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      {
        g_test_message ("found, not expected: %s", (const char *) key);
        extra++;
      }
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (extra, ==, 0);
  g_assert_cmpuint (g_hash_table_size (found), ==, g_hash_table_size (expected));
}

/* The output helper */

static void
test_output_width (void)
{
  g_assert_cmpuint (zicha_utf8_width (NULL), ==, 0);
  g_assert_cmpuint (zicha_utf8_width (""), ==, 0);
  g_assert_cmpuint (zicha_utf8_width ("abc"), ==, 3);
  g_assert_cmpuint (zicha_utf8_width ("审核"), ==, 4);
  g_assert_cmpuint (zicha_utf8_width ("a审b"), ==, 4);
  g_assert_cmpuint (zicha_utf8_width ("（盖章）"), ==, 8);      /* fullwidth brackets */
  g_assert_cmpuint (zicha_utf8_width ("Ａ"), ==, 2);            /* U+FF21 fullwidth A */
  g_assert_cmpuint (zicha_utf8_width ("ｱ"), ==, 1);             /* U+FF71 halfwidth */
  g_assert_cmpuint (zicha_utf8_width ("e\xcc\x81"), ==, 1);     /* e + combining acute */
  g_assert_cmpuint (zicha_utf8_width ("\xff" "a"), ==, 2);      /* invalid byte counts 1 */
  g_assert_cmpuint (zicha_utf8_width ("“引号”"), ==, 6);
}

static void
test_output_format_names (void)
{
  ZichaOutputFormat format = ZICHA_OUTPUT_TABLE;

  g_assert_true (zicha_output_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, ZICHA_OUTPUT_CSV);
  g_assert_true (zicha_output_format_from_string ("JSON", &format));
  g_assert_cmpint (format, ==, ZICHA_OUTPUT_JSON);
  g_assert_true (zicha_output_format_from_string ("Table", &format));
  g_assert_cmpint (format, ==, ZICHA_OUTPUT_TABLE);
  g_assert_false (zicha_output_format_from_string ("xml", &format));
  g_assert_false (zicha_output_format_from_string ("", &format));
  g_assert_false (zicha_output_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, ZICHA_OUTPUT_TABLE);

  g_assert_cmpstr (zicha_output_format_to_string (ZICHA_OUTPUT_TABLE), ==, "table");
  g_assert_cmpstr (zicha_output_format_to_string (ZICHA_OUTPUT_CSV), ==, "csv");
  g_assert_cmpstr (zicha_output_format_to_string (ZICHA_OUTPUT_JSON), ==, "json");
}

static ZichaTable *
sample_table (void)
{
  ZichaTable *table = zicha_table_new ();
  guint id, name, days, level;

  id = zicha_table_add_column (table, "id", "ID", ZICHA_COLUMN_TEXT);
  name = zicha_table_add_column (table, "name", "名称", ZICHA_COLUMN_TEXT);
  days = zicha_table_add_column (table, "days", "Days", ZICHA_COLUMN_NUMBER);
  level = zicha_table_add_column (table, "complexity", "复杂程度", ZICHA_COLUMN_TEXT);
  g_assert_cmpuint (id, ==, 0);
  g_assert_cmpuint (level, ==, 3);

  zicha_table_add_row (table);
  zicha_table_set (table, id, "A1");
  zicha_table_set (table, name, "审核组");
  zicha_table_set (table, days, "1.5");
  zicha_table_set_display (table, level, "high", "高");

  zicha_table_add_row (table);
  zicha_table_set (table, id, "B22");
  zicha_table_set (table, name, "x, \"y\"\nz");
  zicha_table_set (table, days, "10");
  /* level left NULL */

  return table;
}

static void
test_output_table (void)
{
  g_autoptr(ZichaTable) table = sample_table ();
  g_autofree char *text = zicha_table_format (table, ZICHA_OUTPUT_TABLE);
  g_auto(GStrv) lines = NULL;
  guint i;

  g_assert_cmpuint (zicha_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (zicha_table_get_n_columns (table), ==, 4);

  /* widths in cells: id 3, name 8 (the line break became a space), days 4, complexity 8;
   * days is right-aligned, and no line ends in blanks */
  g_assert_cmpstr (text, ==,
                   "ID   名称      Days  复杂程度\n"
                   "---  --------  ----  --------\n"
                   "A1   审核组     1.5  高\n"
                   "B22  x, \"y\" z    10\n");

  /* every line but the rule has its columns at the same cells */
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_assert_false (g_str_has_suffix (lines[i], " "));
  g_assert_cmpuint (i, ==, 4);
}

static void
test_output_csv (void)
{
  g_autoptr(ZichaTable) table = sample_table ();
  g_autofree char *text = zicha_table_format (table, ZICHA_OUTPUT_CSV);

  g_assert_false (g_str_has_prefix (text, "\xef\xbb\xbf"));
  g_assert_cmpstr (text, ==,
                   "id,name,days,complexity\r\n"
                   "A1,审核组,1.5,high\r\n"
                   "B22,\"x, \"\"y\"\"\nz\",10,\r\n");
}

static void
test_output_json (void)
{
  g_autoptr(ZichaTable) table = sample_table ();
  g_autoptr(ZichaTable) special = zicha_table_new ();
  g_autoptr(ZichaTable) empty = zicha_table_new ();
  g_autofree char *text = zicha_table_format (table, ZICHA_OUTPUT_JSON);
  g_autofree char *special_text = NULL;
  g_autofree char *empty_text = NULL;

  g_assert_cmpstr (text, ==,
                   "[\n"
                   "  {\"id\": \"A1\", \"name\": \"审核组\", \"days\": 1.5, "
                   "\"complexity\": \"high\"},\n"
                   "  {\"id\": \"B22\", \"name\": \"x, \\\"y\\\"\\nz\", \"days\": 10, "
                   "\"complexity\": null}\n"
                   "]\n");

  zicha_table_add_column (special, "text", "Text", ZICHA_COLUMN_TEXT);
  zicha_table_add_column (special, "n", "N", ZICHA_COLUMN_NUMBER);
  zicha_table_add_row (special);
  zicha_table_set (special, 0, "back\\slash\ttab\x01" "ctl");
  zicha_table_set (special, 1, "-0.5e3");
  zicha_table_add_row (special);
  zicha_table_set (special, 0, "");
  zicha_table_set (special, 1, "01");  /* not a JSON number: a string */
  zicha_table_add_row (special);
  zicha_table_set (special, 1, "n/a");
  special_text = zicha_table_format (special, ZICHA_OUTPUT_JSON);
  g_assert_cmpstr (special_text, ==,
                   "[\n"
                   "  {\"text\": \"back\\\\slash\\ttab\\u0001ctl\", \"n\": -0.5e3},\n"
                   "  {\"text\": \"\", \"n\": \"01\"},\n"
                   "  {\"text\": null, \"n\": \"n/a\"}\n"
                   "]\n");

  zicha_table_add_column (empty, "id", "ID", ZICHA_COLUMN_TEXT);
  empty_text = zicha_table_format (empty, ZICHA_OUTPUT_JSON);
  g_assert_cmpstr (empty_text, ==, "[]\n");
}

static void
test_output_invalid_utf8 (void)
{
  g_autoptr(ZichaTable) table = zicha_table_new ();
  ZichaOutputFormat formats[] = { ZICHA_OUTPUT_TABLE, ZICHA_OUTPUT_CSV, ZICHA_OUTPUT_JSON };
  guint i;

  zicha_table_add_column (table, "bad\xff", "B\xfe", ZICHA_COLUMN_TEXT);
  zicha_table_add_row (table);
  zicha_table_set (table, 0, "ab\xc3(cd");

  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = zicha_table_format (table, formats[i]);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_nonnull (strstr (text, "cd"));
    }
}

static void
test_output_write (void)
{
  g_autoptr(ZichaTable) table = sample_table ();
  g_autofree char *expected = zicha_table_format (table, ZICHA_OUTPUT_CSV);
  char buffer[256] = { 0 };
  FILE *stream = tmpfile ();
  size_t n;

  g_assert_nonnull (stream);
  g_assert_true (zicha_table_write (table, ZICHA_OUTPUT_CSV, stream));
  rewind (stream);
  n = fread (buffer, 1, sizeof buffer - 1, stream);
  fclose (stream);
  g_assert_cmpmem (buffer, n, expected, strlen (expected));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_home = zicha_test_home_init ("cli");

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help/command", test_command_help);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/no-command", test_no_command);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/audit-time/values", test_audit_time_values);
  g_test_add_func ("/cli/audit-time/no-database", test_audit_time_no_database);
  g_test_add_func ("/cli/audit-time/usage", test_audit_time_usage);
  g_test_add_func ("/cli/init/create", test_init_create);
  g_test_add_func ("/cli/init/db-before-and-after", test_init_db_before_and_after);
  g_test_add_func ("/cli/init/default-path", test_init_default_path);
  g_test_add_func ("/cli/init/not-sqlite", test_init_not_sqlite);
  g_test_add_func ("/cli/init/foreign-sqlite", test_init_foreign_sqlite);
  g_test_add_func ("/cli/init/missing-folder", test_init_missing_folder);
  g_test_add_func ("/cli/init/usage", test_init_usage);
  g_test_add_func ("/cli/zh-cn", test_zh_cn);
  g_test_add_func ("/cli/write-error", test_write_error);
  g_test_add_func ("/cli/import/valid", test_import_valid);
  g_test_add_func ("/cli/import/invalid", test_import_invalid);
  g_test_add_func ("/cli/import/many-errors", test_import_many_errors);
  g_test_add_func ("/cli/import/failures", test_import_failures);
  g_test_add_func ("/cli/template", test_template);
  g_test_add_func ("/cli/demo/db", test_demo_db);
  g_test_add_func ("/cli/demo/export", test_demo_export);
  g_test_add_func ("/cli/demo/usage", test_demo_usage);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/findings", test_findings);
  g_test_add_func ("/cli/findings/usage", test_findings_usage);
  g_test_add_func ("/cli/findings/pages", test_findings_pages);
  g_test_add_func ("/cli/demo/end-to-end", test_demo_end_to_end);
  g_test_add_func ("/cli/output/width", test_output_width);
  g_test_add_func ("/cli/output/format-names", test_output_format_names);
  g_test_add_func ("/cli/output/table", test_output_table);
  g_test_add_func ("/cli/output/csv", test_output_csv);
  g_test_add_func ("/cli/output/json", test_output_json);
  g_test_add_func ("/cli/output/invalid-utf8", test_output_invalid_utf8);
  g_test_add_func ("/cli/output/write", test_output_write);

  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
