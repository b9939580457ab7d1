/* zicha-cli-rules.c — zicha-cli check and findings: the risk rules and their hits
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "zicha-cli-commands.h"
#include "zicha-hits.h"
#include "zicha-rules.h"

/* Hits read from the database at a time by findings; the tests set a small one with the
 * environment variable ZICHA_CLI_PAGE_SIZE to see pages joined. */
#define FINDINGS_PAGE_SIZE 5000

static guint
findings_page_size (void)
{
  const char *env = g_getenv ("ZICHA_CLI_PAGE_SIZE");
  guint64 size = 0;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, G_MAXINT, &size, NULL))
    return (guint) size;
  return FINDINGS_PAGE_SIZE;
}

static gboolean
write_failed (GError **error)
{
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
               _("Could not write the output: %s"), g_strerror (errno));
  return FALSE;
}

static gboolean
write_text (const char  *text,
            gsize        len,
            GError     **error)
{
  errno = 0;
  if (len > 0 && fwrite (text, 1, len, stdout) != len)
    return write_failed (error);
  return TRUE;
}

/* check */

static void
on_rule_progress (guint        done,
                  guint        total,
                  const char  *rule_id,
                  gpointer     user_data)
{
  gboolean *drawn = user_data;

  *drawn = TRUE;
  fputs ("\r\033[K", stderr);
  /* Translators: progress of a rule run; %1$u and %2$u are numbers of rules */
  fprintf (stderr, _("Running the rules: %1$u of %2$u done"), done, total);
  fflush (stderr);
}

/* The ids of a comma-separated --rules list, each a rule of the catalogue. */
static char **
parse_rule_list (const char  *text,
                 GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint i;

  for (i = 0; parts[i] != NULL; i++)
    {
      const char *id = g_strstrip (parts[i]);

      if (*id == '\0')
        continue;
      if (zicha_rules_lookup (id) == NULL)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed */
                       _("There is no rule “%s”"), id);
          return NULL;
        }
      g_ptr_array_add (ids, g_strdup (id));
    }
  if (ids->len == 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give at least one rule id with --rules"));
      return NULL;
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static void
set_number (ZichaTable *table,
            guint       column,
            gint64      value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  zicha_table_set (table, column, text);
}

gboolean
zicha_cli_cmd_check (ZichaCli  *cli,
                     int        argc,
                     char     **argv,
                     GError   **error)
{
  g_autofree char *as_of_str = NULL;
  g_autofree char *rules_str = NULL;
  g_autofree char *format_str = NULL;
  g_autofree char *demo_today = NULL;
  g_auto(GStrv) rule_ids = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaRuleRunOptions options = { 0 };
  ZichaOutputFormat format = ZICHA_OUTPUT_TABLE;
  gboolean drawn = FALSE;
  guint rule, area, hits, ms;
  guint i;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_str,
      N_("Evaluate the rules as of this day (default: the demo's day, else today)"),
      N_("YYYY-MM-DD") },
    { "rules", 0, 0, G_OPTION_ARG_STRING, &rules_str,
      N_("Run only these rules (ids separated by commas)"), N_("ID,…") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;

  if (as_of_str != NULL && !zicha_cli_parse_date ("--as-of", as_of_str, &options.as_of, error))
    return FALSE;
  if (rules_str != NULL && (rule_ids = parse_rule_list (rules_str, error)) == NULL)
    return FALSE;
  if (!zicha_cli_parse_format (format_str, &format, error))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;

  /* a demo body is dated relative to its own day; its planted hits hold as of that day */
  if (as_of_str == NULL && (demo_today = zicha_db_get_setting (db, "demo-today")) != NULL
      && !zicha_cli_parse_date ("demo-today", demo_today, &options.as_of, NULL))
    g_date_clear (&options.as_of, 1);

  options.rules = (const char * const *) rule_ids;
  options.user_name = g_get_user_name ();
  ok = zicha_rules_run (db, &options, zicha_cli_show_progress () ? on_rule_progress : NULL,
                        &drawn, NULL, &result, error);
  if (drawn)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
    }
  if (!ok)
    return FALSE;

  table = zicha_table_new ();
  rule = zicha_table_add_column (table, "rule", _("Rule"), ZICHA_COLUMN_TEXT);
  area = zicha_table_add_column (table, "area", _("Focus area"), ZICHA_COLUMN_TEXT);
  hits = zicha_table_add_column (table, "hits", _("Hits"), ZICHA_COLUMN_NUMBER);
  ms = zicha_table_add_column (table, "ms", _("Time (ms)"), ZICHA_COLUMN_NUMBER);
  for (i = 0; i < result->stats->len; i++)
    {
      const ZichaRuleRunStat *stat = g_ptr_array_index (result->stats, i);
      const ZichaRule *descriptor = zicha_rules_lookup (stat->rule_id);

      zicha_table_add_row (table);
      zicha_table_set (table, rule, stat->rule_id);
      if (descriptor != NULL)
        zicha_table_set_display (table, area, zicha_rule_area_to_string (descriptor->area),
                                 zicha_rule_area_get_label (descriptor->area));
      set_number (table, hits, stat->hits);
      set_number (table, ms, stat->duration_ms);
    }
  /* the whole run: its time includes storing the hits */
  zicha_table_add_row (table);
  zicha_table_set_display (table, rule, "total", _("Total"));
  set_number (table, hits, result->total_hits);
  set_number (table, ms, result->duration_ms);

  if (!zicha_table_write (table, format, stdout))
    return write_failed (error);
  if (format == ZICHA_OUTPUT_TABLE)
    zicha_cli_print (/* Translators: %1$s is a date; %2$u, %3$u and %4$u are numbers of hits */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "As of %1$s: %2$u hit, %3$u of them new; "
                                  "%4$u earlier hits resolved\n",
                                  "As of %1$s: %2$u hits, %3$u of them new; "
                                  "%4$u earlier hits resolved\n",
                                  result->total_hits),
                     result->as_of, result->total_hits, result->new_hits,
                     result->resolved_hits);
  return TRUE;
}

/* findings */

typedef struct
{
  ZichaOutputFormat format;
  guint64           written;   /* hits written so far */
} FindingsWriter;

static ZichaTable *
findings_table (GPtrArray *page)
{
  ZichaTable *table = zicha_table_new ();
  guint rule, area, severity, entity_type, entity_key, status, message;
  guint i;

  rule = zicha_table_add_column (table, "rule", _("Rule"), ZICHA_COLUMN_TEXT);
  area = zicha_table_add_column (table, "area", _("Focus area"), ZICHA_COLUMN_TEXT);
  severity = zicha_table_add_column (table, "severity", _("Severity"), ZICHA_COLUMN_TEXT);
  entity_type = zicha_table_add_column (table, "entity_type", _("Entity"), ZICHA_COLUMN_TEXT);
  entity_key = zicha_table_add_column (table, "entity_key", _("Key"), ZICHA_COLUMN_TEXT);
  status = zicha_table_add_column (table, "status", _("Status"), ZICHA_COLUMN_TEXT);
  message = zicha_table_add_column (table, "message", _("Message"), ZICHA_COLUMN_TEXT);

  for (i = 0; page != NULL && i < page->len; i++)
    {
      const ZichaHit *hit = g_ptr_array_index (page, i);
      ZichaRuleArea area_value;
      ZichaRuleSeverity severity_value;

      zicha_table_add_row (table);
      zicha_table_set (table, rule, hit->rule);
      if (zicha_rule_area_from_string (hit->area, &area_value))
        zicha_table_set_display (table, area, hit->area, zicha_rule_area_get_label (area_value));
      else
        zicha_table_set (table, area, hit->area);
      if (zicha_rule_severity_from_string (hit->severity, &severity_value))
        zicha_table_set_display (table, severity, hit->severity,
                                 zicha_rule_severity_get_label (severity_value));
      else
        zicha_table_set (table, severity, hit->severity);
      zicha_table_set (table, entity_type, hit->entity_type);
      zicha_table_set (table, entity_key, hit->entity_key);
      zicha_table_set_display (table, status, zicha_hit_status_to_string (hit->status),
                               zicha_hit_status_get_label (hit->status));
      zicha_table_set (table, message, hit->message);
    }
  return table;
}

/* Position of the character after the @n-th line end of @text (or its end). */
static const char *
skip_lines (const char *text,
            guint       n)
{
  while (n-- > 0)
    {
      const char *end = strchr (text, '\n');

      if (end == NULL)
        return text + strlen (text);
      text = end + 1;
    }
  return text;
}

/* Writes one page of hits (possibly empty) as the continuation of the output so far: the
 * header (table, CSV) or opening bracket (JSON) comes with the first page only. Tables are
 * aligned page by page. */
static gboolean
write_findings_page (FindingsWriter  *writer,
                     GPtrArray       *page,
                     gboolean         last,
                     GError         **error)
{
  g_autoptr(ZichaTable) table = findings_table (page);
  g_autofree char *text = NULL;
  const char *start;
  gsize len;
  gboolean first = writer->written == 0;

  if (page->len == 0 && !(last && first))
    {
      /* nothing more; JSON still needs its closing bracket */
      if (last && writer->format == ZICHA_OUTPUT_JSON)
        return write_text ("\n]\n", 3, error);
      return TRUE;
    }

  text = zicha_table_format (table, writer->format);
  len = strlen (text);
  switch (writer->format)
    {
    case ZICHA_OUTPUT_JSON:
      if (page->len == 0)
        /* no hits at all: "[]\n" */
        return write_text (text, len, error);
      /* "[\n  {…},\n  {…}\n]\n": keep the objects, join the pages with ",\n" */
      g_assert (len >= 5 && g_str_has_prefix (text, "[\n") && g_str_has_suffix (text, "\n]\n"));
      if (first && !write_text ("[\n", 2, error))
        return FALSE;
      if (!first && !write_text (",\n", 2, error))
        return FALSE;
      if (!write_text (text + 2, len - 5, error))
        return FALSE;
      if (last && !write_text ("\n]\n", 3, error))
        return FALSE;
      break;
    case ZICHA_OUTPUT_CSV:
      start = first ? text : skip_lines (text, 1);
      if (!write_text (start, len - (gsize) (start - text), error))
        return FALSE;
      break;
    case ZICHA_OUTPUT_TABLE:
    default:
      /* the titles and their rule are the first two lines */
      start = first ? text : skip_lines (text, 2);
      if (!write_text (start, len - (gsize) (start - text), error))
        return FALSE;
      break;
    }
  writer->written += page->len;
  return TRUE;
}

gboolean
zicha_cli_cmd_findings (ZichaCli  *cli,
                        int        argc,
                        char     **argv,
                        GError   **error)
{
  g_autofree char *format_str = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *area = NULL;
  g_autofree char *severity = NULL;
  g_autofree char *status = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaHitFilter filter = { 0 };
  FindingsWriter writer = { 0 };
  ZichaRuleArea area_value;
  ZichaRuleSeverity severity_value;
  ZichaHitStatus status_value;
  guint offset = 0;
  guint page_size = findings_page_size ();
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule,
      N_("Only the hits of this rule"), N_("ID") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area,
      N_("Only the hits of this focus area: legal, conduct, practice or capability"),
      N_("AREA") },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity,
      N_("Only the hits of this severity: high, medium or low"), N_("SEVERITY") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only the hits of this status: open, confirmed, dismissed or resolved"),
      N_("STATUS") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;

  if (!zicha_cli_parse_format (format_str, &writer.format, error))
    return FALSE;
  if (rule != NULL && zicha_rules_lookup (rule) == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed */
                   _("There is no rule “%s”"), rule);
      return FALSE;
    }
  if (area != NULL && !zicha_rule_area_from_string (area, &area_value))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown focus area “%s”: use legal, conduct, practice or capability"),
                   area);
      return FALSE;
    }
  if (severity != NULL && !zicha_rule_severity_from_string (severity, &severity_value))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown severity “%s”: use high, medium or low"), severity);
      return FALSE;
    }
  if (status != NULL && !zicha_hit_status_from_string (status, &status_value))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown status “%s”: use open, confirmed, dismissed or resolved"),
                   status);
      return FALSE;
    }

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;

  filter.rule = rule;
  filter.area = area;
  filter.severity = severity;
  filter.status = status;

  /* Page by page, in the order of the (rule, entity_key) key: its index gives the order
   * without sorting, so a million hits stream in bounded memory. */
  for (;;)
    {
      g_autoptr(GPtrArray) page = zicha_hits_query_page (db, &filter, ZICHA_HIT_ORDER_RULE,
                                                         FALSE, offset, page_size, NULL,
                                                         error);
      gboolean last;

      if (page == NULL)
        return FALSE;
      last = page->len < page_size;
      if (!write_findings_page (&writer, page, last, error))
        return FALSE;
      if (last)
        break;
      offset += page->len;
    }
  return TRUE;
}
