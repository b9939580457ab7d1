/* bench-rules.c — how fast the risk-rule engine is on a big database
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-rules --gen CERTIFICATES SEED TODAY DIR DB
 *       generates a demo (DIR/csv, DIR/expected.csv) as of TODAY and imports it into DB
 *   bench-rules --import DIR DB
 *       imports DIR/csv into DB (both with a 4 GB page cache: the importer's one transaction
 *       otherwise spends most of a 1M import re-reading index pages from the WAL)
 *   bench-rules DB [--as-of DATE] [--threads N] [--rules ID,ID…] [--expected FILE]
 *                  [--clear-hits] [--repeat N] [--each]
 *       runs the rules and prints the total and per-rule durations, the peak RSS and, with
 *       --expected, whether the stored hits equal the demo's manifest. --clear-hits deletes
 *       the stored hits (and runs) first, so that the run stores every hit anew. --each runs
 *       every rule alone on one thread and prints its wall and CPU time (on a busy machine the
 *       CPU time is the steadier figure). */
#define G_LOG_DOMAIN "zicha-bench-rules"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "zicha-core.h"
#include "zicha-db-private.h"
#include "zicha-demo.h"
#include "zicha-hits.h"
#include "zicha-import.h"
#include "zicha-rules.h"

static void
on_import_progress_cb (const char *file_name,
                       guint64     rows_done,
                       guint64     bytes_done,
                       guint64     bytes_total,
                       gpointer    user_data)
{
  static gint64 last;
  gint64 now = g_get_monotonic_time ();

  if (now - last > 10 * G_USEC_PER_SEC)
    {
      last = now;
      g_printerr ("%s: %" G_GUINT64_FORMAT " rows, %.0f %%\n", file_name, rows_done,
                  bytes_total > 0 ? 100.0 * bytes_done / bytes_total : 0.0);
    }
}

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec
         + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static long
peak_rss_mb (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

static int
import (const char *csv, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  if (db != NULL)
    sqlite3_exec (zicha_db_get_handle (db), "PRAGMA cache_size = -4000000", NULL, NULL, NULL);
  if (db == NULL
      || !zicha_import_folder (db, csv, NULL, on_import_progress_cb, NULL, NULL, &result,
                               &error))
    {
      g_printerr ("import: %s\n", error != NULL ? error->message : "?");
      if (result != NULL)
        {
          g_autofree char *m = zicha_import_result_format_messages (result);
          g_printerr ("%s\n", m);
        }
      return 1;
    }
  g_printerr ("imported in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

static int
generate (char **argv)
{
  g_autoptr(GError) error = NULL;
  ZichaDemoOptions opts;
  ZichaDemoStats stats = { 0 };
  g_autofree char *csv = g_build_filename (argv[5], "csv", NULL);
  g_autofree char *expected = g_build_filename (argv[5], "expected.csv", NULL);
  gint64 start = g_get_monotonic_time ();

  zicha_demo_options_init (&opts);
  opts.certificates = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  opts.seed = g_ascii_strtoull (argv[3], NULL, 10);
  g_date_set_parse (&opts.today, argv[4]);
  if (!g_date_valid (&opts.today))
    {
      g_printerr ("bad date %s\n", argv[4]);
      return 2;
    }
  g_mkdir_with_parents (csv, 0755);
  if (!zicha_demo_generate_full (&opts, csv, expected, NULL, NULL, &stats, NULL, &error))
    {
      g_printerr ("generate: %s\n", error->message);
      return 1;
    }
  g_printerr ("generated in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);

  return import (csv, argv[6]);
}

static char *
read_line_field (char **fields, guint n, guint i)
{
  return i < n ? fields[i] : (char *) "";
}

/* Compares the stored open hits with the manifest (rule,entity_type,entity_key columns). */
static gboolean
compare_manifest (ZichaDb *db, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         NULL);
  sqlite3 *sdb = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  guint i, c_rule = G_MAXUINT, c_type = G_MAXUINT, c_key = G_MAXUINT;
  guint64 extra = 0, missing = 0, found = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      guint n, j;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], ",", -1);
      n = g_strv_length (f);
      if (i == 0)
        {
          for (j = 0; j < n; j++)
            {
              if (g_str_equal (f[j], "rule"))
                c_rule = j;
              else if (g_str_equal (f[j], "entity_type"))
                c_type = j;
              else if (g_str_equal (f[j], "entity_key"))
                c_key = j;
            }
          continue;
        }
      g_hash_table_add (expected, g_strdup_printf ("%s,%s,%s",
                                                   read_line_field (f, n, c_rule),
                                                   read_line_field (f, n, c_type),
                                                   read_line_field (f, n, c_key)));
    }

  sqlite3_prepare_v2 (sdb, "SELECT rule, entity_type, entity_key FROM hits "
                      "WHERE status != 'resolved'", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%s,%s,%s",
                                              sqlite3_column_text (stmt, 0),
                                              sqlite3_column_text (stmt, 1),
                                              sqlite3_column_text (stmt, 2));
      found++;
      if (!g_hash_table_remove (expected, key))
        {
          if (extra++ < 10)
            g_printerr ("found, not expected: %s\n", key);
        }
    }
  sqlite3_finalize (stmt);
  {
    GHashTableIter iter;
    const char *key;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
      if (missing++ < 10)
        g_printerr ("expected, not found: %s\n", key);
  }
  g_print ("manifest: %" G_GUINT64_FORMAT " hits stored, %" G_GUINT64_FORMAT " unexpected, %"
           G_GUINT64_FORMAT " missing: %s\n", found, extra, missing,
           extra == 0 && missing == 0 ? "OK" : "MISMATCH");
  return extra == 0 && missing == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) db = NULL;
  const char *as_of = NULL, *expected = NULL, *rules = NULL;
  g_auto(GStrv) rule_ids = NULL;
  guint n_threads = 0, repeat = 1, r;
  gboolean clear = FALSE, each = FALSE, ok = TRUE;
  int i;

  setlocale (LC_ALL, "");
  zicha_core_init_i18n ();

  if (argc == 7 && g_str_equal (argv[1], "--gen"))
    return generate (argv);
  if (argc == 4 && g_str_equal (argv[1], "--import"))
    {
      g_autofree char *csv = g_build_filename (argv[2], "csv", NULL);

      return import (csv, argv[3]);
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-rules DB [--as-of DATE] [--threads N] [--rules ID,…] "
                  "[--expected FILE] [--clear-hits] [--repeat N]\n"
                  "       bench-rules --gen CERTIFICATES SEED TODAY DIR DB\n");
      return 2;
    }
  for (i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--as-of") && i + 1 < argc)
        as_of = argv[++i];
      else if (g_str_equal (argv[i], "--threads") && i + 1 < argc)
        n_threads = (guint) atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--rules") && i + 1 < argc)
        rules = argv[++i];
      else if (g_str_equal (argv[i], "--expected") && i + 1 < argc)
        expected = argv[++i];
      else if (g_str_equal (argv[i], "--repeat") && i + 1 < argc)
        repeat = (guint) atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--clear-hits"))
        clear = TRUE;
      else if (g_str_equal (argv[i], "--each"))
        each = TRUE;
      else
        {
          g_printerr ("unknown argument %s\n", argv[i]);
          return 2;
        }
    }

  db = zicha_db_open (argv[1], 0, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (rules != NULL)
    rule_ids = g_strsplit (rules, ",", -1);

  if (each)
    {
      guint n_rules, k;
      const ZichaRule *all = zicha_rules_get_all (&n_rules);
      double wall_sum = 0, cpu_sum = 0;

      for (k = 0; k < n_rules; k++)
        {
          ZichaRuleRunOptions ro = { 0 };
          g_autoptr(ZichaRuleRunResult) run = NULL;
          const char *ids[2] = { all[k].id, NULL };
          gint64 start = g_get_monotonic_time ();
          double cpu = cpu_seconds (), wall;
          const ZichaRuleRunStat *s;

          if (rule_ids != NULL && !g_strv_contains ((const char * const *) rule_ids, all[k].id))
            continue;
          if (as_of != NULL)
            g_date_set_parse (&ro.as_of, as_of);
          else
            g_date_clear (&ro.as_of, 1);
          ro.rules = ids;
          ro.n_threads = 1;
          if (!zicha_rules_run (db, &ro, NULL, NULL, NULL, &run, &error))
            {
              g_printerr ("run: %s\n", error->message);
              return 1;
            }
          wall = (g_get_monotonic_time () - start) / 1e6;
          cpu = cpu_seconds () - cpu;
          s = g_ptr_array_index (run->stats, 0);
          wall_sum += wall;
          cpu_sum += cpu;
          g_print ("  %-28s rule %7" G_GINT64_FORMAT " ms, run %7.0f ms wall %7.0f ms CPU %6u hits\n",
                   all[k].id, s->duration_ms, wall * 1000, cpu * 1000, s->hits);
        }
      g_print ("each: %.2f s wall, %.2f s CPU, peak RSS %ld MB\n", wall_sum, cpu_sum,
               peak_rss_mb ());
      repeat = 0;
    }
  for (r = 0; r < repeat; r++)
    {
      double cpu = cpu_seconds ();
      ZichaRuleRunOptions ro = { 0 };
      g_autoptr(ZichaRuleRunResult) run = NULL;
      gint64 start;
      guint k;

      if (clear)
        {
          start = g_get_monotonic_time ();
          if (sqlite3_exec (zicha_db_get_handle (db),
                            "DELETE FROM hit_records; DELETE FROM hits; DELETE FROM rule_runs;",
                            NULL, NULL, NULL) != SQLITE_OK)
            g_printerr ("clear: %s\n", sqlite3_errmsg (zicha_db_get_handle (db)));
          g_print ("cleared hits in %.2f s\n", (g_get_monotonic_time () - start) / 1e6);
        }
      if (as_of != NULL)
        {
          g_date_set_parse (&ro.as_of, as_of);
          if (!g_date_valid (&ro.as_of))
            {
              g_printerr ("bad date %s\n", as_of);
              return 2;
            }
        }
      else
        g_date_clear (&ro.as_of, 1);
      ro.rules = (const char * const *) rule_ids;
      ro.n_threads = n_threads;

      start = g_get_monotonic_time ();
      if (!zicha_rules_run (db, &ro, NULL, NULL, NULL, &run, &error))
        {
          g_printerr ("run: %s\n", error->message);
          return 1;
        }
      g_print ("run %u: %.2f s wall (engine %" G_GINT64_FORMAT " ms), %.2f s CPU, %u hits (%u new, "
               "%u resolved), peak RSS %ld MB\n", r + 1,
               (g_get_monotonic_time () - start) / 1e6, run->duration_ms, cpu_seconds () - cpu,
               run->total_hits,
               run->new_hits, run->resolved_hits, peak_rss_mb ());
      for (k = 0; k < run->stats->len; k++)
        {
          const ZichaRuleRunStat *s = g_ptr_array_index (run->stats, k);

          g_print ("  %-28s %8" G_GINT64_FORMAT " ms %8u hits\n", s->rule_id, s->duration_ms,
                   s->hits);
        }
    }
  if (expected != NULL)
    ok = compare_manifest (db, expected);
  return ok ? 0 : 1;
}
