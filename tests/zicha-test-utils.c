/* zicha-test-utils.c — what several test programs need
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-test"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zicha-import.h"
#include "zicha-rules.h"
#include "zicha-test-utils.h"

static char *home;

void
zicha_test_result_clear (ZichaTestResult *res)
{
  g_clear_pointer (&res->out, g_free);
  g_clear_pointer (&res->err, g_free);
}

const char *
zicha_test_home_init (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("zicha-test-%s-XXXXXX", name);

  g_assert_null (home);
  home = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  return home;
}

void
zicha_test_home_remove (void)
{
  if (home != NULL)
    zicha_test_remove_tree (home);
  g_clear_pointer (&home, g_free);
}

char *
zicha_test_path (const char *name)
{
  g_assert_nonnull (home);
  return g_build_filename (home, name, NULL);
}

GSubprocessLauncher *
zicha_test_cli_launcher (gboolean chinese)
{
  GSubprocessLauncher *launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *data = zicha_test_path ("data");
  g_autofree char *config = zicha_test_path ("config");
  g_autofree char *cache = zicha_test_path ("cache");

  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_unsetenv (launcher, "LC_CTYPE");
  if (chinese)
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

static char *
bytes_to_utf8 (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;
  char *text = g_strndup (data != NULL ? data : "", len);

  g_assert_cmpuint (strlen (text), ==, len);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

static GPtrArray *
cli_argv (const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *cli = g_getenv ("ZICHA_CLI");
  guint i;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return argv;
}

void
zicha_test_run_cli_argv (ZichaTestResult     *res,
                         GSubprocessLauncher *launcher,
                         const char * const  *args)
{
  g_autoptr(GPtrArray) argv = cli_argv (args);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strjoinv (" ", (char **) argv->pdata);

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

void
zicha_test_run_cli (ZichaTestResult *res,
                    gboolean         chinese,
                    const char      *first,
                    ...)
{
  g_autoptr(GSubprocessLauncher) launcher = zicha_test_cli_launcher (chinese);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  zicha_test_run_cli_argv (res, launcher, (const char * const *) args->pdata);
}

GSubprocess *
zicha_test_spawn_cli (const char *first,
                      ...)
{
  g_autoptr(GSubprocessLauncher) launcher = zicha_test_cli_launcher (FALSE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;
  const char *arg;
  va_list ap;

  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                             | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  argv = cli_argv ((const char * const *) args->pdata);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_waited (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  gboolean *done = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

int
zicha_test_wait (GSubprocess *proc,
                 guint        timeout_ms)
{
  gboolean done = FALSE, timed_out = FALSE;
  guint timer = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  g_subprocess_wait_async (proc, NULL, on_waited, &done);
  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timer);
  if (!done)
    {
      g_subprocess_force_exit (proc);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      return -1;
    }
  return g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}

char *
zicha_test_query (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc;

  /* Read-write (but reading only): a read-only connection to a WAL database would leave its
   * -wal and -shm files behind, which tests look for. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
zicha_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL)
      == G_FILE_TYPE_DIRECTORY)
    {
      children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      while (children != NULL
             && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

          zicha_test_remove_tree (child);
          g_object_unref (info);
        }
    }
  g_remove (path);
}

ZichaDb *
zicha_test_open_db (const char *name)
{
  g_autofree char *path = zicha_test_path (name);
  g_autoptr(GError) error = NULL;
  ZichaDb *db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

void
zicha_test_import (ZichaDb    *db,
                   const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  ZichaImportOptions options = { ZICHA_IMPORT_ENCODING_AUTO, "test" };

  if (!zicha_import_folder (db, folder, &options, NULL, NULL, NULL, &result, &error)
      && result != NULL)
    {
      g_autofree char *messages = zicha_import_result_format_messages (result);

      g_test_message ("%s", messages);
    }
  g_assert_no_error (error);
}

guint
zicha_test_run_rules (ZichaDb    *db,
                      const char *as_of,
                      guint       n_threads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaRuleRunResult) result = NULL;
  ZichaRuleRunOptions options = { 0 };
  int y, m, d;

  g_assert_cmpint (sscanf (as_of, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&options.as_of, 1);
  g_date_set_dmy (&options.as_of, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  options.user_name = "test";
  options.n_threads = n_threads;
  g_assert_true (zicha_rules_run (db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  return result->total_hits;
}

static gboolean
on_wait_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
zicha_test_wait_until (gboolean  (*func) (gpointer data),
                       gpointer    data,
                       guint       timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timer = g_timeout_add (timeout_ms, on_wait_timeout, &timed_out);
  gboolean done;

  while (!(done = func (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timer);
  return done;
}
