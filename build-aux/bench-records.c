/* bench-records.c — how fast the Records pages are on a big database
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-records DB [KIND [SEARCH,SEARCH…]]
 *        bench-records --import FOLDER DB      (imports FOLDER into DB first)
 *        bench-records --demo FOLDER N         (writes a demo folder of N certificates)
 * Prints the time to the first rows of a list, each sort and each search. */
#define G_LOG_DOMAIN "zicha-bench-records"

#include "config.h"

#include <locale.h>

#include "zicha-core.h"
#include "zicha-demo.h"
#include "zicha-import.h"
#include "zicha-record-list.h"

static void
on_progress_cb (const char *file_name,
                guint64     rows_done,
                guint64     bytes_done,
                guint64     bytes_total,
                gpointer    user_data)
{
  static gint64 last;
  gint64 now = g_get_monotonic_time ();

  if (now - last > 5 * G_USEC_PER_SEC)
    {
      last = now;
      g_printerr ("%s: %" G_GUINT64_FORMAT " rows, %.0f %%\n", file_name, rows_done,
                  bytes_total > 0 ? 100.0 * bytes_done / bytes_total : 0.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  ZichaRecordKind kind = ZICHA_RECORD_CERTIFICATES;
  const char *search = "C00012,科技,wl,zzz-none";

  setlocale (LC_ALL, "");
  zicha_core_init_i18n ();

  if (argc == 4 && g_str_equal (argv[1], "--demo"))
    {
      ZichaDemoOptions opts;

      zicha_demo_options_init (&opts);
      opts.certificates = (guint) g_ascii_strtoull (argv[3], NULL, 10);
      if (!zicha_demo_generate (&opts, argv[2], NULL, NULL, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[1], "--import"))
    {
      g_autoptr(ZichaDb) db = zicha_db_open (argv[3], ZICHA_DB_OPEN_CREATE, &error);
      g_autoptr(ZichaImportResult) result = NULL;
      gint64 start = g_get_monotonic_time ();

      if (db == NULL
          || !zicha_import_folder (db, argv[2], NULL, on_progress_cb, NULL, NULL, &result,
                                   &error))
        {
          if (result != NULL)
            {
              g_autofree char *messages = zicha_import_result_format_messages (result);

              g_printerr ("%s", messages);
            }
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("imported in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
      return 0;
    }

  if (argc < 2)
    {
      g_printerr ("Usage: %s DB [KIND [SEARCH,…]] | --import FOLDER DB\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    {
      kind = ZICHA_N_RECORD_KINDS;
      for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
        if (g_str_equal (zicha_record_kind_get_id (k), argv[2]))
          kind = k;
      if (!zicha_record_list_kind_supported (kind))
        {
          g_printerr ("No list of “%s”\n", argv[2]);
          return 2;
        }
    }
  if (argc > 3)
    search = argv[3];

  if (!zicha_record_list_bench (argv[1], kind, search, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s", out->str);
  return 0;
}
