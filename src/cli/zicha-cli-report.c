/* zicha-cli-report.c — zicha-cli statistics: the figures of the report's section 1
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same core function computes the figures here and in the report (DOMAIN.md 6.1). JSON is
 * one object with exactly the keys of 6.1; CSV is its long form, section,key,value; the table
 * is that long form with the figures named in the reader's language. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "zicha-cli-commands.h"
#include "zicha-cli-output.h"
#include "zicha-day.h"
#include "zicha-report-statistics.h"

typedef struct
{
  ZichaTable *table;
  guint       section_col;
  guint       key_col;
  guint       value_col;
} LongForm;

static const char *
status_label (const char *status)
{
  if (strcmp (status, "valid") == 0)
    return _("valid");
  if (strcmp (status, "suspended") == 0)
    return _("suspended");
  if (strcmp (status, "withdrawn") == 0)
    return _("withdrawn");
  if (strcmp (status, "cancelled") == 0)
    return _("cancelled");
  return _("expired");
}

static const char *
section_label (const char *section)
{
  if (strcmp (section, "general") == 0)
    return _("General");
  if (strcmp (section, "scope") == 0)
    return _("Approved scope");
  if (strcmp (section, "certificates") == 0)
    return _("Certificates");
  if (strcmp (section, "per_period") == 0)
    return _("By period");
  return _("Personnel");
}

/* The figure named for people: "2025.issued" → "2025 年发证数" and so on. */
static char *
key_label (const char *section,
           const char *key)
{
  const char *dot = strchr (key, '.');
  g_autofree char *head = dot != NULL ? g_strndup (key, (gsize) (dot - key)) : g_strdup (key);
  const char *tail = dot != NULL ? dot + 1 : "";

  if (strcmp (key, "as_of") == 0)
    return g_strdup (_("As of"));
  if (strcmp (key, "periods") == 0)
    return g_strdup (_("Periods"));
  if (strcmp (section, "scope") == 0)
    /* Translators: %s is a scheme code such as QMS */
    return g_strdup_printf (_("%s: approved scope rows in force"), head);
  if (strcmp (key, "total") == 0)
    return g_strdup (_("Certificates issued in total"));
  if (strcmp (head, "by_status") == 0)
    /* Translators: %s is a certificate status such as 有效 */
    return g_strdup_printf (_("Certificates now %s"), status_label (tail));
  if (strcmp (key, "organizations_certified") == 0)
    return g_strdup (_("Certified organizations"));
  if (strcmp (key, "employed") == 0)
    return g_strdup (_("People employed"));
  if (strcmp (key, "full_time") == 0)
    return g_strdup (_("Full-time"));
  if (strcmp (key, "part_time") == 0)
    return g_strdup (_("Part-time"));
  if (strcmp (section, "per_period") == 0)
    {
      const char *what = strcmp (tail, "issued") == 0 ? _("certificates issued")
                         : strcmp (tail, "renewed") == 0 ? _("renewals")
                         : strcmp (tail, "suspended") == 0 ? _("suspensions")
                         : strcmp (tail, "withdrawn") == 0 ? _("withdrawals")
                         : strcmp (tail, "cancelled") == 0 ? _("cancellations")
                         : _("administrative penalties");

      /* Translators: %1$s is a year, %2$s what is counted in it */
      return g_strdup_printf (_("%1$s: %2$s"), head, what);
    }
  if (strcmp (section, "personnel") == 0)
    {
      const char *grade = strcmp (tail, "lead_auditor") == 0 ? _("lead auditors")
                          : strcmp (tail, "auditor") == 0 ? _("auditors")
                          : strcmp (tail, "trainee") == 0 ? _("trainee auditors")
                          : _("technical experts");

      /* Translators: %1$s is a scheme code, %2$s a grade in the plural */
      return g_strdup_printf (_("%1$s: %2$s"), head, grade);
    }
  return g_strdup (key);
}

static void
add_figure (const char *section,
            const char *key,
            const char *value,
            gpointer    data)
{
  LongForm *lf = data;
  g_autofree char *label = key_label (section, key);

  zicha_table_add_row (lf->table);
  zicha_table_set_display (lf->table, lf->section_col, section, section_label (section));
  zicha_table_set_display (lf->table, lf->key_col, key, label);
  zicha_table_set (lf->table, lf->value_col, value);
}

gboolean
zicha_cli_cmd_statistics (ZichaCli  *cli,
                          int        argc,
                          char     **argv,
                          GError   **error)
{
  g_autofree char *as_of_str = NULL;
  g_autofree char *format_str = NULL;
  g_autofree char *as_of = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaStatistics) stats = NULL;
  ZichaOutputFormat format = ZICHA_OUTPUT_TABLE;
  GDate date;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_str,
      N_("The date the figures are counted as of (default: the demo body's day, or today)"),
      N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error))
    return FALSE;
  if (as_of_str != NULL && !zicha_cli_parse_date ("--as-of", as_of_str, &date, error))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  if (as_of_str != NULL)
    as_of = g_strdup (as_of_str);
  else
    {
      /* a demo body is dated relative to its own day */
      as_of = zicha_db_get_setting (db, "demo-today");
      if (as_of == NULL)
        {
          as_of = g_malloc (11);
          zicha_today (as_of);
        }
    }

  stats = zicha_statistics_compute (db, as_of, error);
  if (stats == NULL)
    return FALSE;

  if (format == ZICHA_OUTPUT_JSON)
    {
      g_autofree char *json = zicha_statistics_to_json (stats);

      if (fprintf (stdout, "%s\n", json) < 0 || fflush (stdout) != 0)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                       _("Could not write the output: %s"), g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  {
    g_autoptr(ZichaTable) table = zicha_table_new ();
    LongForm lf = { table };

    lf.section_col = zicha_table_add_column (table, "section", _("Section"), ZICHA_COLUMN_TEXT);
    lf.key_col = zicha_table_add_column (table, "key", _("Figure"), ZICHA_COLUMN_TEXT);
    lf.value_col = zicha_table_add_column (table, "value", _("Value"), ZICHA_COLUMN_NUMBER);
    zicha_statistics_foreach (stats, add_figure, &lf);
    if (!zicha_table_write (table, format, stdout))
      {
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                     _("Could not write the output: %s"), g_strerror (errno));
        return FALSE;
      }
  }
  return TRUE;
}
