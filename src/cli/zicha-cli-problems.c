/* zicha-cli-problems.c — zicha-cli confirm, dismiss, problems and similar: the problem
 * ledger (问题清单) from the command line, and what its commands share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triage names a risk lead by its rule and entity key, as findings prints them; a problem is
 * named by its number (ZC-2026-001) or its id. Lists go through ZichaTable (aligned for
 * people, CSV and JSON arrays of objects with their id for machines); a problem's details and
 * the groups of similar cases nest, so their JSON is built with json-glib. The user recorded
 * in the change history is the real name of the account, or its login name. zicha-cli-problem.c
 * has problem new and problem show. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "zicha-cli-commands.h"
#include "zicha-hits.h"
#include "zicha-json.h"
#include "zicha-problems.h"
#include "zicha-rules.h"
#include "zicha-similar.h"

/* Helpers --------------------------------------------------------------------------------- */

const char *
zicha_cli_user_name (void)
{
  const char *real = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name */
  if (real != NULL && *real != '\0' && strcmp (real, "Unknown") != 0)
    return real;
  return g_get_user_name ();
}

static gboolean
write_failed (GError **error)
{
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
               _("Could not write the output: %s"), g_strerror (errno));
  return FALSE;
}

gboolean
zicha_cli_write_table (ZichaTable        *table,
                       ZichaOutputFormat  format,
                       GError           **error)
{
  return zicha_table_write (table, format, stdout) || write_failed (error);
}

gboolean
zicha_cli_write_json (JsonBuilder  *builder,
                      GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  g_object_unref (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  zicha_cli_print ("%s\n", text);
  return TRUE;
}

void
zicha_cli_table_set_id (ZichaTable *table,
                        guint       column,
                        gint64      value)
{
  g_autofree char *text = value != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;

  zicha_table_set (table, column, text);
}

void
zicha_cli_json_add_id (JsonBuilder *json,
                       const char  *key,
                       gint64       value)
{
  if (value != 0)
    zicha_json_add_int (json, key, value);
  else
    zicha_json_add_string (json, key, NULL);
}

const char *
zicha_cli_area_label (const char *area)
{
  ZichaRuleArea value;

  return zicha_rule_area_from_string (area, &value) ? zicha_rule_area_get_label (value) : area;
}

const char *
zicha_cli_severity_label (const char *severity)
{
  ZichaRuleSeverity value;

  return zicha_rule_severity_from_string (severity, &value)
         ? zicha_rule_severity_get_label (value) : severity;
}

gboolean
zicha_cli_check_text (const char  *option,
                      const char  *value,
                      GError     **error)
{
  if (value == NULL || g_utf8_validate (value, -1, NULL))
    return TRUE;
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
               /* Translators: %s is an option, such as --title */
               _("The text given with %s is not valid UTF-8"), option);
  return FALSE;
}

gboolean
zicha_cli_require (const char  *value,
                   const char  *message,
                   GError     **error)
{
  if (value != NULL && *value != '\0')
    return TRUE;
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, message);
  return FALSE;
}

/* The risk lead of @rule_id and @key; a missing one is ZICHA_ERROR_NOT_FOUND, saying which. */
static ZichaHit *
find_hit (ZichaDb *db, const char *rule_id, const char *key, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  ZichaHit *hit;

  if (zicha_rules_lookup (rule_id) == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is what the user typed */
                   _("There is no rule “%s”"), rule_id);
      return NULL;
    }
  hit = zicha_hits_lookup (db, rule_id, key, &local_error);
  if (hit == NULL && g_error_matches (local_error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND))
    g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                 /* Translators: %1$s is a rule id, %2$s the key the user typed (a certificate
                  * number…) */
                 _("The rule %1$s has no risk lead “%2$s”: run check first, or see findings"),
                 rule_id, key);
  else if (hit == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return hit;
}

/* A triage that conflicts (already confirmed or dismissed) fails with exit status 1 here: it
 * waits for no choice. */
static gboolean
conflict_is_failure (GError **error)
{
  if (error != NULL && *error != NULL
      && g_error_matches (*error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT))
    (*error)->code = ZICHA_ERROR_FAILED;
  return FALSE;
}

gboolean
zicha_cli_print_problem (ZichaOutputFormat    format,
                         const ZichaProblem  *problem,
                         const ZichaHit      *hit,
                         GError             **error)
{
  if (format == ZICHA_OUTPUT_TABLE)
    {
      zicha_cli_print ("%s\n", problem->number);
      return TRUE;
    }
  if (format == ZICHA_OUTPUT_JSON)
    {
      JsonBuilder *json = json_builder_new ();

      json_builder_begin_object (json);
      zicha_json_add_int (json, "id", problem->id);
      zicha_json_add_string (json, "number", problem->number);
      zicha_json_add_string (json, "status", zicha_problem_state_to_string (problem->state));
      if (hit != NULL)
        {
          zicha_json_add_int (json, "hit", hit->id);
          zicha_json_add_string (json, "rule", hit->rule);
          zicha_json_add_string (json, "key", hit->entity_key);
        }
      json_builder_end_object (json);
      return zicha_cli_write_json (json, error);
    }
  {
    g_autoptr(ZichaTable) table = zicha_table_new ();
    guint id = zicha_table_add_column (table, "id", _("Id"), ZICHA_COLUMN_NUMBER);
    guint number = zicha_table_add_column (table, "number", _("Number"), ZICHA_COLUMN_TEXT);
    guint status = zicha_table_add_column (table, "status", _("Status"), ZICHA_COLUMN_TEXT);

    zicha_table_add_row (table);
    zicha_cli_table_set_id (table, id, problem->id);
    zicha_table_set (table, number, problem->number);
    zicha_table_set (table, status, zicha_problem_state_to_string (problem->state));
    return zicha_cli_write_table (table, format, error);
  }
}

/* confirm and dismiss ----------------------------------------------------------------------- */

gboolean
zicha_cli_cmd_confirm (ZichaCli  *cli,
                       int        argc,
                       char     **argv,
                       GError   **error)
{
  g_autofree char *rule = NULL, *key = NULL, *note = NULL, *problem_str = NULL;
  g_autofree char *format_str = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaHit) hit = NULL;
  g_autoptr(ZichaProblem) into = NULL;
  g_autoptr(ZichaProblem) problem = NULL;
  ZichaOutputFormat format;
  gint64 problem_id = 0;
  const GOptionEntry entries[] = {
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, N_("The rule of the risk lead"), N_("ID") },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key,
      N_("The key of the risk lead (as findings prints it)"), N_("KEY") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note,
      N_("A note kept with the confirmation"), N_("TEXT") },
    { "problem", 0, 0, G_OPTION_ARG_STRING, &problem_str,
      N_("Add the risk lead to this problem instead of making a new one"), N_("PROBLEM") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_require (rule, _("Give the rule of the risk lead with --rule"), error)
      || !zicha_cli_require (key, _("Give the key of the risk lead with --key"), error)
      || !zicha_cli_check_text ("--key", key, error)
      || !zicha_cli_check_text ("--note", note, error)
      || !zicha_cli_parse_format (format_str, &format, error))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL || (hit = find_hit (db, rule, key, error)) == NULL)
    return FALSE;
  if (problem_str != NULL && (into = zicha_problems_find (db, problem_str, error)) == NULL)
    return FALSE;
  if (!zicha_problems_confirm_hits (db, &hit->id, 1, into != NULL ? into->id : 0, note,
                                    zicha_cli_user_name (), &problem_id, error))
    return conflict_is_failure (error);
  problem = zicha_problems_get (db, problem_id, error);
  return problem != NULL && zicha_cli_print_problem (format, problem, hit, error);
}

gboolean
zicha_cli_cmd_dismiss (ZichaCli  *cli,
                       int        argc,
                       char     **argv,
                       GError   **error)
{
  g_autofree char *rule = NULL, *key = NULL, *reason = NULL, *format_str = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaHit) hit = NULL;
  g_autoptr(ZichaHit) after = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaOutputFormat format;
  guint c_id, c_rule, c_key, c_status, c_reason;
  const GOptionEntry entries[] = {
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, N_("The rule of the risk lead"), N_("ID") },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key,
      N_("The key of the risk lead (as findings prints it)"), N_("KEY") },
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason,
      N_("Why the risk lead is not a problem (required)"), N_("TEXT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_require (rule, _("Give the rule of the risk lead with --rule"), error)
      || !zicha_cli_require (key, _("Give the key of the risk lead with --key"), error)
      || !zicha_cli_check_text ("--key", key, error)
      || !zicha_cli_check_text ("--reason", reason, error)
      || !zicha_cli_parse_format (format_str, &format, error))
    return FALSE;
  if (reason == NULL || *g_strstrip (reason) == '\0')
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the reason for dismissing with --reason"));
      return FALSE;
    }

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL || (hit = find_hit (db, rule, key, error)) == NULL)
    return FALSE;
  if (!zicha_hits_dismiss (db, hit->id, reason, zicha_cli_user_name (), error))
    return conflict_is_failure (error);
  after = zicha_hits_get (db, hit->id, error);
  if (after == NULL)
    return FALSE;
  if (format == ZICHA_OUTPUT_TABLE)
    {
      /* Translators: %1$s is a rule id, %2$s the key of its risk lead */
      zicha_cli_print (_("Dismissed the risk lead %1$s %2$s\n"), after->rule, after->entity_key);
      return TRUE;
    }
  if (format == ZICHA_OUTPUT_JSON)
    {
      JsonBuilder *json = json_builder_new ();

      json_builder_begin_object (json);
      zicha_json_add_int (json, "id", after->id);
      zicha_json_add_string (json, "rule", after->rule);
      zicha_json_add_string (json, "key", after->entity_key);
      zicha_json_add_string (json, "status", zicha_hit_status_to_string (after->status));
      zicha_json_add_string (json, "reason", after->dismiss_reason);
      json_builder_end_object (json);
      return zicha_cli_write_json (json, error);
    }
  table = zicha_table_new ();
  c_id = zicha_table_add_column (table, "id", _("Id"), ZICHA_COLUMN_NUMBER);
  c_rule = zicha_table_add_column (table, "rule", _("Rule"), ZICHA_COLUMN_TEXT);
  c_key = zicha_table_add_column (table, "key", _("Key"), ZICHA_COLUMN_TEXT);
  c_status = zicha_table_add_column (table, "status", _("Status"), ZICHA_COLUMN_TEXT);
  c_reason = zicha_table_add_column (table, "reason", _("Reason"), ZICHA_COLUMN_TEXT);
  zicha_table_add_row (table);
  zicha_cli_table_set_id (table, c_id, after->id);
  zicha_table_set (table, c_rule, after->rule);
  zicha_table_set (table, c_key, after->entity_key);
  zicha_table_set (table, c_status, zicha_hit_status_to_string (after->status));
  zicha_table_set (table, c_reason, after->dismiss_reason);
  return zicha_cli_write_table (table, format, error);
}

/* problems -------------------------------------------------------------------------------- */

gboolean
zicha_cli_cmd_problems (ZichaCli  *cli,
                        int        argc,
                        char     **argv,
                        GError   **error)
{
  g_autofree char *status = NULL, *area = NULL, *severity = NULL, *source = NULL;
  g_autofree char *text = NULL, *format_str = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaProblemFilter filter = { 0 };
  ZichaOutputFormat format;
  ZichaProblemState state_value;
  ZichaProblemSource source_value;
  ZichaRuleArea area_value;
  ZichaRuleSeverity severity_value;
  guint c_id, c_number, c_status, c_area, c_severity, c_source, c_title, c_found_on;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only the problems of this status: open, in_rectification, awaiting_closeout, "
         "closed or withdrawn"), N_("STATUS") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area,
      N_("Only the problems of this focus area: legal, conduct, practice or capability"),
      N_("AREA") },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity,
      N_("Only the problems of this severity: high, medium or low"), N_("SEVERITY") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("Only the problems of this source: hit, checklist, sample, complaint, extension or "
         "manual"), N_("SOURCE") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text,
      N_("Only the problems whose number, title or description holds this text"),
      N_("TEXT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error)
      || !zicha_cli_check_text ("--text", text, error))
    return FALSE;
  if (status != NULL && !zicha_problem_state_from_string (status, &state_value))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown status “%s”: use open, in_rectification, awaiting_closeout, "
                     "closed or withdrawn"), status);
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
  if (source != NULL && !zicha_problem_source_from_string (source, &source_value))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown source “%s”: use hit, checklist, sample, complaint, extension or "
                     "manual"), source);
      return FALSE;
    }

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  filter.state = status;
  filter.area = area;
  filter.severity = severity;
  filter.source = source;
  filter.text = text;
  problems = zicha_problems_query (db, &filter, ZICHA_PROBLEM_ORDER_NUMBER, FALSE, error);
  if (problems == NULL)
    return FALSE;

  table = zicha_table_new ();
  c_id = zicha_table_add_column (table, "id", _("Id"), ZICHA_COLUMN_NUMBER);
  c_number = zicha_table_add_column (table, "number", _("Number"), ZICHA_COLUMN_TEXT);
  c_status = zicha_table_add_column (table, "status", _("Status"), ZICHA_COLUMN_TEXT);
  c_area = zicha_table_add_column (table, "area", _("Focus area"), ZICHA_COLUMN_TEXT);
  c_severity = zicha_table_add_column (table, "severity", _("Severity"), ZICHA_COLUMN_TEXT);
  c_source = zicha_table_add_column (table, "source", _("Source"), ZICHA_COLUMN_TEXT);
  c_found_on = zicha_table_add_column (table, "found_on", _("Found on"), ZICHA_COLUMN_TEXT);
  c_title = zicha_table_add_column (table, "title", _("Title"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < problems->len; i++)
    {
      const ZichaProblem *p = g_ptr_array_index (problems, i);

      zicha_table_add_row (table);
      zicha_cli_table_set_id (table, c_id, p->id);
      zicha_table_set (table, c_number, p->number);
      zicha_table_set_display (table, c_status, zicha_problem_state_to_string (p->state),
                               zicha_problem_state_get_label (p->state));
      zicha_table_set_display (table, c_area, p->area, zicha_cli_area_label (p->area));
      zicha_table_set_display (table, c_severity, p->severity,
                               zicha_cli_severity_label (p->severity));
      zicha_table_set_display (table, c_source, zicha_problem_source_to_string (p->source),
                               zicha_problem_source_get_label (p->source));
      zicha_table_set (table, c_found_on, p->found_on);
      zicha_table_set (table, c_title, p->title);
    }
  return zicha_cli_write_table (table, format, error);
}

/* similar --------------------------------------------------------------------------------- */

static gboolean
similar_json (GPtrArray *groups, GError **error)
{
  JsonBuilder *json = json_builder_new ();

  json_builder_begin_array (json);
  for (guint i = 0; i < groups->len; i++)
    {
      const ZichaSimilarGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *id = g_strconcat (zicha_similar_kind_to_string (group->kind), ":",
                                         group->key, NULL);

      json_builder_begin_object (json);
      zicha_json_add_string (json, "id", id);
      zicha_json_add_string (json, "kind", zicha_similar_kind_to_string (group->kind));
      zicha_json_add_string (json, "key", group->key);
      zicha_json_add_string (json, "label", group->label);
      zicha_json_add_int (json, "count", group->records->len);
      json_builder_set_member_name (json, "records");
      json_builder_begin_array (json);
      for (guint j = 0; j < group->records->len; j++)
        {
          const ZichaSimilarRecord *r = g_ptr_array_index (group->records, j);

          json_builder_begin_object (json);
          zicha_json_add_string (json, "record_type", r->record_type);
          zicha_json_add_string (json, "record_key", r->record_key);
          zicha_cli_json_add_id (json, "hit", r->hit);
          zicha_json_add_string (json, "label", r->label);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  return zicha_cli_write_json (json, error);
}

gboolean
zicha_cli_cmd_similar (ZichaCli  *cli,
                       int        argc,
                       char     **argv,
                       GError   **error)
{
  g_autofree char *problem_str = NULL, *format_str = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaProblem) problem = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaOutputFormat format;
  guint c_kind, c_key, c_label, c_count, c_type, c_record, c_hit, c_detail;
  const GOptionEntry entries[] = {
    { "problem", 0, 0, G_OPTION_ARG_STRING, &problem_str,
      N_("The problem to extend: its number (ZC-2026-001) or id"), N_("PROBLEM") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_require (problem_str, _("Give the problem with --problem"), error)
      || !zicha_cli_parse_format (format_str, &format, error))
    return FALSE;
  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL || (problem = zicha_problems_find (db, problem_str, error)) == NULL
      || (groups = zicha_similar_find (db, problem->id, error)) == NULL)
    return FALSE;
  if (format == ZICHA_OUTPUT_JSON)
    return similar_json (groups, error);

  table = zicha_table_new ();
  c_kind = zicha_table_add_column (table, "kind", _("Extend by"), ZICHA_COLUMN_TEXT);
  c_key = zicha_table_add_column (table, "key", _("Shared key"), ZICHA_COLUMN_TEXT);
  c_label = zicha_table_add_column (table, "label", _("Name"), ZICHA_COLUMN_TEXT);
  c_count = zicha_table_add_column (table, "count", _("Count"), ZICHA_COLUMN_NUMBER);
  c_type = zicha_table_add_column (table, "record_type", _("Kind of record"),
                                   ZICHA_COLUMN_TEXT);
  c_record = zicha_table_add_column (table, "record_key", _("Record"), ZICHA_COLUMN_TEXT);
  c_hit = zicha_table_add_column (table, "hit", _("Risk lead"), ZICHA_COLUMN_NUMBER);
  c_detail = zicha_table_add_column (table, "record_label", _("Details"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < groups->len; i++)
    {
      const ZichaSimilarGroup *group = g_ptr_array_index (groups, i);

      /* a group with no record is one row, with its count 0 */
      for (guint j = 0; j < MAX (group->records->len, 1); j++)
        {
          const ZichaSimilarRecord *r = j < group->records->len
                                        ? g_ptr_array_index (group->records, j) : NULL;
          /* people see a group's key once, machines on every row */
          gboolean first = j == 0 || format != ZICHA_OUTPUT_TABLE;
          g_autofree char *count = g_strdup_printf ("%u", group->records->len);

          zicha_table_add_row (table);
          if (first)
            {
              zicha_table_set_display (table, c_kind, zicha_similar_kind_to_string (group->kind),
                                       zicha_similar_kind_get_label (group->kind));
              zicha_table_set (table, c_key, group->key);
              zicha_table_set (table, c_label, group->label);
              zicha_table_set (table, c_count, count);
            }
          if (r == NULL)
            continue;
          zicha_table_set (table, c_type, r->record_type);
          zicha_table_set (table, c_record, r->record_key);
          zicha_cli_table_set_id (table, c_hit, r->hit);
          zicha_table_set (table, c_detail, r->label);
        }
    }
  return zicha_cli_write_table (table, format, error);
}
