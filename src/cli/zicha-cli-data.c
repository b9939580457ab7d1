/* zicha-cli-data.c — zicha-cli import, template and demo: data into a database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zicha-certificate-actions.h"
#include "zicha-cli-commands.h"
#include "zicha-demo.h"
#include "zicha-import.h"
#include "zicha-interchange.h"

/* Shared helpers */

gboolean
zicha_cli_parse_date (const char  *option,
                      const char  *text,
                      GDate       *out,
                      GError     **error)
{
  guint64 year = 0, month = 0, day = 0;
  gboolean ok;

  g_return_val_if_fail (out != NULL, FALSE);

  ok = text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-';
  if (ok)
    {
      char parts[3][5] = { { 0 } };

      memcpy (parts[0], text, 4);
      memcpy (parts[1], text + 5, 2);
      memcpy (parts[2], text + 8, 2);
      ok = g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL)
           && g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL)
           && g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL)
           && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  if (!ok)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %1$s is an option such as --today, %2$s what the user
                    * typed; keep YYYY-MM-DD */
                   _("%1$s needs a date as YYYY-MM-DD, not “%2$s”"), option,
                   text != NULL ? text : "");
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
zicha_cli_show_progress (void)
{
  return isatty (STDERR_FILENO);
}

static char *
date_to_string (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* Exactly one positional argument, else a usage error naming what is missing. */
static gboolean
take_one_argument (char       **args,
                   const char  *missing_message,
                   const char **out,
                   GError     **error)
{
  if (args[0] == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, missing_message);
      return FALSE;
    }
  if (args[1] != NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed */
                   _("Unexpected argument “%s”"), args[1]);
      return FALSE;
    }
  *out = args[0];
  return TRUE;
}

static gboolean
require_folder (const char  *path,
                GError     **error)
{
  g_autofree char *display = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  display = g_filename_display_name (path);
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
               /* Translators: %s is a folder */
               _("There is no folder %s"), display);
  return FALSE;
}

static void
clear_progress_line (void)
{
  /* carriage return, erase to the end of the line */
  fputs ("\r\033[K", stderr);
  fflush (stderr);
}

/* Work that fills a database and either succeeds whole or must leave nothing behind. */
typedef gboolean (*FillFunc) (ZichaDb   *db,
                              gpointer   data,
                              GError   **error);

/* Runs @fill on the database of --db. Where the file does not exist yet, the work goes into a
 * private staged file that takes the name only when it succeeds: a refused import removes
 * nothing another program may be using (two imports into one new file used to lose the good
 * one's records, when the refused one removed the file both had open). Should another program
 * make the file meanwhile, the work is done again in that file, as if it had come second. */
static gboolean
fill_database (ZichaCli  *cli,
               FillFunc   fill,
               gpointer   data,
               GError   **error)
{
  const char *path = zicha_cli_get_db_path (cli);
  g_autoptr(ZichaDb) db = NULL;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 && errno == ENOENT)
    {
      g_autoptr(GError) local = NULL;

      if (zicha_cli_db_is_default (cli) && !zicha_cli_make_default_folder (cli, error))
        return FALSE;
      db = zicha_db_open_staged (path, error);
      if (db == NULL)
        return FALSE;
      if (!fill (db, data, error))
        {
          zicha_db_discard (db);
          return FALSE;
        }
      if (zicha_db_publish (db, &local))
        return TRUE;
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_debug ("%s: %s; filling that one", path, local->message);
      g_clear_object (&db);
    }

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_CREATE, error);
  return db != NULL && fill (db, data, error);
}

static gboolean
database_is_empty (ZichaDb  *db,
                   GError  **error)
{
  gint64 counts[ZICHA_N_RECORD_KINDS] = { 0 };
  guint kind;

  if (!zicha_db_count_records (db, counts, error))
    return FALSE;
  for (kind = 0; kind < ZICHA_N_RECORD_KINDS; kind++)
    if (counts[kind] > 0)
      {
        g_autofree char *display = g_filename_display_name (zicha_db_get_path (db));

        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                     /* Translators: %s is a database file */
                     _("The database %s already holds records: give a new file for the demo"),
                     display);
        return FALSE;
      }
  return TRUE;
}

/* import */

typedef struct
{
  gint64 last;
  gboolean drawn;
} ImportProgress;

static void
on_import_progress (const char *file_name,
                    guint64     rows_done,
                    guint64     bytes_done,
                    guint64     bytes_total,
                    gpointer    user_data)
{
  ImportProgress *progress = user_data;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *rows = NULL;

  if (now - progress->last < G_USEC_PER_SEC / 5)
    return;
  progress->last = now;
  progress->drawn = TRUE;
  rows = g_strdup_printf ("%" G_GUINT64_FORMAT, rows_done);
  fputs ("\r\033[K", stderr);
  fprintf (stderr,
           /* Translators: progress of an import; %1$s is a file, %2$s a number of rows,
            * %3$d a percentage */
           _("Importing %1$s: %2$s rows (%3$d %%)"), file_name, rows,
           bytes_total > 0 ? (int) (100.0 * (double) bytes_done / (double) bytes_total) : 0);
  fflush (stderr);
}

static void
add_count (ZichaTable *table,
           guint       column,
           guint64     value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  zicha_table_set (table, column, text);
}

/* The per-file counts of @result, for the files the folder had. */
static ZichaTable *
import_summary (ZichaImportResult *result)
{
  ZichaTable *table = zicha_table_new ();
  guint file, rows, inserted, updated, unchanged;
  guint kind;

  file = zicha_table_add_column (table, "file", _("File"), ZICHA_COLUMN_TEXT);
  rows = zicha_table_add_column (table, "rows", _("Rows"), ZICHA_COLUMN_NUMBER);
  inserted = zicha_table_add_column (table, "inserted", _("Inserted"), ZICHA_COLUMN_NUMBER);
  updated = zicha_table_add_column (table, "updated", _("Updated"), ZICHA_COLUMN_NUMBER);
  unchanged = zicha_table_add_column (table, "unchanged", _("Unchanged"), ZICHA_COLUMN_NUMBER);

  for (kind = 0; kind < ZICHA_N_RECORD_KINDS; kind++)
    {
      const ZichaImportFileStats *stats = zicha_import_result_get_file_stats (result, kind);

      if (stats == NULL || !stats->present)
        continue;
      zicha_table_add_row (table);
      zicha_table_set (table, file, zicha_interchange_get_file (kind)->file_name);
      add_count (table, rows, stats->rows);
      add_count (table, inserted, stats->inserted);
      add_count (table, updated, stats->updated);
      add_count (table, unchanged, stats->unchanged);
    }
  return table;
}

typedef struct
{
  const char           *folder;
  ZichaImportEncoding   encoding;
  ZichaImportResult    *result;     /* of the last try */
  const char           *demo_today; /* demo: stored as demo-today with the records */
} ImportJob;

static void
import_job_clear (ImportJob *job)
{
  g_clear_pointer (&job->result, zicha_import_result_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportJob, import_job_clear)

/* Imports the job's folder into @db (a FillFunc). */
static gboolean
import_fill (ZichaDb   *db,
             gpointer   data,
             GError   **error)
{
  ImportJob *job = data;
  ImportProgress progress = { 0 };
  ZichaImportOptions options = { 0 };
  gboolean ok;

  if (job->demo_today != NULL && !database_is_empty (db, error))
    return FALSE;
  g_clear_pointer (&job->result, zicha_import_result_free);
  options.encoding = job->encoding;
  options.user_name = g_get_user_name ();
  ok = zicha_import_folder (db, job->folder, &options,
                            zicha_cli_show_progress () ? on_import_progress : NULL, &progress,
                            NULL, &job->result, error);
  if (progress.drawn)
    clear_progress_line ();
  /* check, measures and report take their as-of date from it */
  return ok && (job->demo_today == NULL
                || zicha_db_set_setting (db, "demo-today", job->demo_today, error));
}

/* For people, after the summary: the certificates handled in Zicha whose status the import
 * changed (the warnings said so too, on stderr). */
static void
print_status_changes (ZichaImportResult *result)
{
  const ZichaImportStatusChange *changes;
  guint n = 0;

  changes = zicha_import_result_get_status_changes (result, &n);
  if (n == 0)
    return;
  zicha_cli_print ("\n%s\n",
                   g_dngettext (GETTEXT_PACKAGE,
                                "The import changed the status of a certificate handled in "
                                "Zicha:",
                                "The import changed the status of certificates handled in "
                                "Zicha:", n));
  for (guint i = 0; i < n; i++)
    /* Translators: %1$s a certificate number, %2$s and %3$s certificate statuses (暂停…),
     * %4$s a file name, %5$u a line */
    zicha_cli_print (_("  %1$s: %2$s → %3$s (%4$s:%5$u)\n"), changes[i].cert_no,
                     zicha_cert_status_get_label (changes[i].status_before),
                     zicha_cert_status_get_label (changes[i].status_after), changes[i].file,
                     changes[i].line);
}

/* The import's errors (when it failed) or warnings go to stderr. */
static void
print_import_messages (ImportJob *job)
{
  g_autofree char *messages = NULL;

  if (job->result == NULL)
    return;
  messages = zicha_import_result_format_messages (job->result);
  fflush (stdout);
  fputs (messages, stderr);
  fflush (stderr);
}

gboolean
zicha_cli_cmd_import (ZichaCli  *cli,
                      int        argc,
                      char     **argv,
                      GError   **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *encoding_str = NULL;
  g_autofree char *format_str = NULL;
  g_auto(ImportJob) job = { 0 };
  g_autoptr(ZichaTable) table = NULL;
  ZichaImportEncoding encoding = ZICHA_IMPORT_ENCODING_AUTO;
  gboolean ok;
  ZichaOutputFormat format = ZICHA_OUTPUT_TABLE;
  const char *folder = NULL;
  const GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_str,
      N_("Encoding of the files: auto (the default), utf-8 or gb18030"), N_("ENCODING") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format of the summary: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, &args, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;

  if (!take_one_argument (args, _("Give the folder to import"), &folder, error))
    return FALSE;
  if (encoding_str != NULL && !zicha_import_encoding_from_string (encoding_str, &encoding))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep auto, utf-8 and gb18030 */
                   _("Unknown encoding “%s”: use auto, utf-8 or gb18030"), encoding_str);
      return FALSE;
    }
  if (!zicha_cli_parse_format (format_str, &format, error))
    return FALSE;

  /* a missing folder must not leave a new empty database behind */
  if (!require_folder (folder, error))
    return FALSE;

  job.folder = folder;
  job.encoding = encoding;
  ok = fill_database (cli, import_fill, &job, error);
  print_import_messages (&job);
  if (!ok)
    return FALSE;

  table = import_summary (job.result);
  if (!zicha_table_write (table, format, stdout))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("Could not write the output: %s"), g_strerror (errno));
      return FALSE;
    }
  if (format == ZICHA_OUTPUT_TABLE)
    print_status_changes (job.result);
  return TRUE;
}

/* template */

gboolean
zicha_cli_cmd_template (ZichaCli  *cli,
                        int        argc,
                        char     **argv,
                        GError   **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *display = NULL;
  const char *dir = NULL;

  if (!zicha_cli_parse (cli, NULL, argc, argv, &args, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!take_one_argument (args, _("Give the folder to write the templates to"), &dir, error))
    return FALSE;

  /* the folder itself is made, not its parents: a typo should not make a tree */
  parent = g_path_get_dirname (dir);
  if (!require_folder (parent, error))
    return FALSE;
  if (g_file_test (dir, G_FILE_TEST_EXISTS) && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      display = g_filename_display_name (dir);
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("%s is a file, not a folder"), display);
      return FALSE;
    }
  if (!zicha_interchange_write_templates (dir, error))
    return FALSE;

  display = g_filename_display_name (dir);
  /* Translators: %1$d is a number of files, %2$s a folder */
  zicha_cli_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %1$d import template to %2$s\n",
                                "Wrote %1$d import templates to %2$s\n", ZICHA_N_RECORD_KINDS),
                   ZICHA_N_RECORD_KINDS, display);
  return TRUE;
}

/* demo */

typedef struct
{
  gint64 last;
  gboolean drawn;
} DemoProgress;

static void
on_demo_progress (double   fraction,
                  gpointer user_data)
{
  DemoProgress *progress = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now - progress->last < G_USEC_PER_SEC / 5)
    return;
  progress->last = now;
  progress->drawn = TRUE;
  fputs ("\r\033[K", stderr);
  /* Translators: progress of the demo data generator; %d is a percentage */
  fprintf (stderr, _("Generating the demo data: %d %%"), (int) (fraction * 100.0));
  fflush (stderr);
}

/* Removes @dir and the files in it (the generator makes no subfolders). */
static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_unlink (path) != 0)
        g_warning ("Could not remove %s: %s", path, g_strerror (errno));
    }
  if (g_rmdir (dir) != 0)
    g_warning ("Could not remove %s: %s", dir, g_strerror (errno));
}

static gboolean
parse_demo_options (const char        *certificates_str,
                    const char        *seed_str,
                    const char        *today_str,
                    ZichaDemoOptions  *opts,
                    GError           **error)
{
  guint64 value = 0;

  zicha_demo_options_init (opts);
  if (certificates_str != NULL)
    {
      if (!g_ascii_string_to_unsigned (certificates_str, 10, ZICHA_DEMO_MIN_CERTIFICATES,
                                       ZICHA_DEMO_MAX_CERTIFICATES, &value, NULL))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %1$s is what the user typed, %2$d and %3$d numbers */
                       _("The number of certificates must be a whole number from %2$d to %3$d, "
                         "not “%1$s”"),
                       certificates_str, ZICHA_DEMO_MIN_CERTIFICATES,
                       ZICHA_DEMO_MAX_CERTIFICATES);
          return FALSE;
        }
      opts->certificates = (guint) value;
    }
  if (seed_str != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed_str, 10, 0, G_MAXUINT64, &value, NULL))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed */
                       _("The seed must be a whole number of 0 or more, not “%s”"), seed_str);
          return FALSE;
        }
      opts->seed = value;
    }
  if (today_str != NULL && !zicha_cli_parse_date ("--today", today_str, &opts->today, error))
    return FALSE;
  return TRUE;
}

gboolean
zicha_cli_cmd_demo (ZichaCli  *cli,
                    int        argc,
                    char     **argv,
                    GError   **error)
{
  g_autofree char *certificates_str = NULL;
  g_autofree char *seed_str = NULL;
  g_autofree char *today_str = NULL;
  g_autofree char *export_dir = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *today = NULL;
  g_autofree char *display = NULL;
  g_autofree char *count = NULL;
  g_auto(ImportJob) job = { 0 };
  ZichaDemoOptions opts;
  ZichaDemoStats stats = { 0 };
  DemoProgress progress = { 0 };
  const char *folder;
  gboolean to_db;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "certificates", 0, 0, G_OPTION_ARG_STRING, &certificates_str,
      N_("Number of certificates (default 5000)"), N_("COUNT") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_str,
      N_("Seed of the random numbers (default 1): the same seed gives the same data"),
      N_("SEED") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_str,
      N_("The day the data is dated from (default today)"), N_("YYYY-MM-DD") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_dir,
      N_("Write the interchange-format files to FOLDER"), N_("FOLDER") },
    { "expected", 0, 0, G_OPTION_ARG_FILENAME, &expected,
      N_("Write the hits the rules must find to FILE (CSV)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;

  if (!parse_demo_options (certificates_str, seed_str, today_str, &opts, error))
    return FALSE;
  if (export_dir != NULL && *export_dir == '\0')
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("The folder name given with --export is empty"));
      return FALSE;
    }
  if (expected != NULL && *expected == '\0')
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("The file name given with --expected is empty"));
      return FALSE;
    }
  /* the default database is the user's own: demo data goes there only when named */
  to_db = !zicha_cli_db_is_default (cli);
  if (!to_db && export_dir == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give a new database with --db or a folder with --export"));
      return FALSE;
    }

  /* a database that holds records is refused before the work of generating */
  if (to_db && g_file_test (zicha_cli_get_db_path (cli), G_FILE_TEST_EXISTS))
    {
      g_autoptr(ZichaDb) db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);

      if (db == NULL || !database_is_empty (db, error))
        return FALSE;
    }

  if (export_dir != NULL)
    folder = export_dir;
  else
    {
      tmp_dir = g_dir_make_tmp ("zicha-demo-XXXXXX", error);
      if (tmp_dir == NULL)
        return FALSE;
      folder = tmp_dir;
    }

  today = date_to_string (&opts.today);
  ok = zicha_demo_generate_full (&opts, folder, expected,
                                 zicha_cli_show_progress () ? on_demo_progress : NULL, &progress,
                                 &stats, NULL, error);
  if (progress.drawn)
    clear_progress_line ();
  if (ok && to_db)
    {
      job.folder = folder;
      job.encoding = ZICHA_IMPORT_ENCODING_UTF8;
      job.demo_today = today;
      ok = fill_database (cli, import_fill, &job, error);
      if (!ok)
        print_import_messages (&job);
    }
  if (tmp_dir != NULL)
    remove_folder (tmp_dir);
  if (!ok)
    return FALSE;

  if (today == NULL)
    today = date_to_string (&opts.today);
  count = g_strdup_printf ("%u", opts.certificates);
  if (to_db)
    {
      display = g_filename_display_name (zicha_cli_get_db_path (cli));
      zicha_cli_print (/* Translators: %1$s is a database file, %2$s a number, %3$s a date */
                       _("Created a demo body with %2$s certificates in %1$s, dated as of "
                         "%3$s\n"),
                       display, count, today);
    }
  if (export_dir != NULL)
    {
      g_autofree char *dir_display = g_filename_display_name (export_dir);

      zicha_cli_print (/* Translators: %1$s is a folder, %2$s a number, %3$s a date */
                       _("Wrote a demo body with %2$s certificates to %1$s, dated as of %3$s\n"),
                       dir_display, count, today);
    }
  return TRUE;
}
