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

static char *tmp_home;

typedef struct
{
  int   status;  /* exit status, or -1 when the process did not exit normally */
  char *out;
  char *err;
} Result;

static void
result_clear (Result *res)
{
  g_clear_pointer (&res->out, g_free);
  g_clear_pointer (&res->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *
bytes_to_utf8 (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;
  char *text = g_strndup (data != NULL ? data : "", len);

  /* no NUL bytes and valid UTF-8 */
  g_assert_cmpuint (strlen (text), ==, len);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

typedef enum
{
  LOCALE_C,
  LOCALE_ZH_CN,
} TestLocale;

static GSubprocessLauncher *
make_launcher (TestLocale locale)
{
  GSubprocessLauncher *launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *data = g_build_filename (tmp_home, "data", NULL);
  g_autofree char *config = g_build_filename (tmp_home, "config", NULL);
  g_autofree char *cache = g_build_filename (tmp_home, "cache", NULL);

  g_subprocess_launcher_setenv (launcher, "HOME", tmp_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_unsetenv (launcher, "LC_CTYPE");
  if (locale == LOCALE_ZH_CN)
    {
      g_subprocess_launcher_setenv (launcher, "LANG", "zh_CN.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "zh_CN", TRUE);
    }
  else
    {
      g_subprocess_launcher_setenv (launcher, "LANG", "C", TRUE);
      g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
    }
  return launcher;
}

static void
run_argv (Result              *res,
          GSubprocessLauncher *launcher,
          const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *cli = g_getenv ("ZICHA_CLI");
  guint i;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  line = g_strjoinv (" ", (char **) argv->pdata);
  g_test_message ("running: %s", line);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  res->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
  res->out = bytes_to_utf8 (out);
  res->err = bytes_to_utf8 (err);
  g_test_message ("status %d\nstdout: %s\nstderr: %s", res->status, res->out, res->err);
}

/* Runs zicha-cli with the NULL-terminated arguments in the C locale. */
static void
run (Result     *res,
     const char *first,
     ...)
{
  g_autoptr(GSubprocessLauncher) launcher = make_launcher (LOCALE_C);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_argv (res, launcher, (const char * const *) args->pdata);
}

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
  return g_build_filename (tmp_home, name, NULL);
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
  err_text = bytes_to_utf8 (err);
  g_assert_true (g_str_has_prefix (err_text, "zicha-cli: "));
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
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_home = g_dir_make_tmp ("zicha-test-cli-XXXXXX", &error);
  g_assert_no_error (error);

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
  g_test_add_func ("/cli/output/width", test_output_width);
  g_test_add_func ("/cli/output/format-names", test_output_format_names);
  g_test_add_func ("/cli/output/table", test_output_table);
  g_test_add_func ("/cli/output/csv", test_output_csv);
  g_test_add_func ("/cli/output/json", test_output_json);
  g_test_add_func ("/cli/output/invalid-utf8", test_output_invalid_utf8);
  g_test_add_func ("/cli/output/write", test_output_write);

  status = g_test_run ();

  if (tmp_home != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (tmp_home);
      g_autoptr(GFileEnumerator) children = NULL;
      GFileInfo *info;

      /* the tests make files one level deep and the zicha data folder */
      children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      while (children != NULL
             && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autofree char *child = g_build_filename (tmp_home, g_file_info_get_name (info),
                                                     NULL);
          g_autofree char *zicha = g_build_filename (child, "zicha", NULL);
          g_autoptr(GDir) inner = g_dir_open (zicha, 0, NULL);
          const char *name;

          while (inner != NULL && (name = g_dir_read_name (inner)) != NULL)
            {
              g_autofree char *file = g_build_filename (zicha, name, NULL);
              g_unlink (file);
            }
          g_rmdir (zicha);
          if (g_rmdir (child) != 0)
            g_unlink (child);
          g_object_unref (info);
        }
      g_rmdir (tmp_home);
      g_free (tmp_home);
    }
  return status;
}
