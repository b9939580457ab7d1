/* zicha-cli-measures.c — zicha-cli measures, and what the rectification commands share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * measures lists the measures (zicha-cli-measure.c has measure add|set|show|…). A person
 * (--owner, --verifier) is a person id of the body's personnel or, when there is no such
 * person, a free name. Machine formats give English keys and values (states open,
 * in_progress, done, verified; conclusions effective, not_effective); JSON lists are arrays of
 * objects with an "id". An illegal transition is a failure (exit status 1) whose message names
 * the measure and both states. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-cli-plans-private.h"
#include "zicha-cli-rectification-private.h"
#include "zicha-plans.h"

/* Helpers shared with zicha-cli-rectification.c ------------------------------------------- */

gboolean
zicha_cli_rect_parse_measure (const char  *text,
                              gint64      *out,
                              GError     **error)
{
  return zicha_cli_plans_parse_id (_("measure"), text, out, error);
}

gboolean
zicha_cli_rect_find_problem (ZichaDb     *db,
                             const char  *text,
                             gint64      *out,
                             GError     **error)
{
  g_autoptr(ZichaProblem) problem = zicha_problems_find (db, text, error);

  if (problem == NULL)
    return FALSE;
  *out = problem->id;
  return TRUE;
}

void
zicha_cli_rect_person (ZichaDb     *db,
                       const char  *given,
                       const char **out_person_id,
                       const char **out_name)
{
  g_autofree char *person = given != NULL ? zicha_plans_lookup_person (db, given, NULL) : NULL;

  *out_person_id = person != NULL ? given : NULL;
  *out_name = person != NULL ? NULL : given;
}

gboolean
zicha_cli_rect_parse_due (gboolean         overdue,
                          const char      *within,
                          ZichaDueFilter  *out_due,
                          gint            *out_days,
                          GError         **error)
{
  guint64 days = 0;

  *out_due = ZICHA_DUE_ANY;
  *out_days = 0;
  if (overdue && within != NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give --overdue or --due-within, not both"));
      return FALSE;
    }
  if (overdue)
    *out_due = ZICHA_DUE_OVERDUE;
  if (within == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (within, 10, 0, 3650, &days, NULL))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed */
                   _("--due-within takes a number of days from 0 to 3650, not “%s”"), within);
      return FALSE;
    }
  *out_due = ZICHA_DUE_WITHIN;
  *out_days = (gint) days;
  return TRUE;
}

gboolean
zicha_cli_rect_check_date (const char  *option,
                           const char  *text,
                           GError     **error)
{
  GDate date;

  return text == NULL || zicha_cli_parse_date (option, text, &date, error);
}

/* The fields of a measure, as (key, title, value for machines, value for people). */
typedef struct
{
  const char *key;
  const char *title;   /* N_() */
  const char *value;
  const char *display;
} Field;

#define N_FIELDS 32

static guint
measure_fields (const ZichaMeasure *m, char *problems, char *days, Field *fields)
{
  guint n = 0;

#define FIELD(k, t, v, s) fields[n++] = (Field) { k, t, v, s }
  FIELD ("problems", N_("Problems"), problems, NULL);
  FIELD ("kind", N_("Kind"), zicha_measure_kind_to_string (m->kind),
         zicha_measure_kind_get_label (m->kind));
  FIELD ("text", N_("Measure"), m->text, NULL);
  FIELD ("department", N_("Responsible department"), m->department, NULL);
  FIELD ("responsible", N_("Responsible person"), m->responsible, NULL);
  FIELD ("responsible_person_id", N_("Person id"), m->responsible_person_id, NULL);
  FIELD ("deadline", N_("Deadline"), m->deadline, NULL);
  FIELD ("days_left", N_("Days left"), days, NULL);
  FIELD ("status", N_("Status"), zicha_measure_status_to_string (m->status),
         zicha_measure_status_get_label (m->status));
  FIELD ("done_on", N_("Completed on"), m->done_on, NULL);
  FIELD ("done_note", N_("Completion"), m->done_note, NULL);
  FIELD ("verifier", N_("Verifier"), m->verifier, NULL);
  FIELD ("verified_on", N_("Verified on"), m->verified_on, NULL);
  FIELD ("conclusion", N_("Conclusion"),
         m->conclusion != ZICHA_CONCLUSION_NONE ? zicha_conclusion_to_string (m->conclusion)
                                                : NULL,
         zicha_conclusion_get_label (m->conclusion));
  FIELD ("verification_note", N_("Verification note"), m->verification_note, NULL);
  FIELD ("return_reason", N_("Sent back because"), m->return_reason, NULL);
  FIELD ("org_id", N_("Organization"), m->org_id, m->org_name);
  FIELD ("notice_no", N_("Notice number"), m->notice_no, NULL);
  FIELD ("notice_on", N_("Notice date"), m->notice_on, NULL);
  FIELD ("org_demand", N_("Demand"), m->org_demand, NULL);
  FIELD ("org_deadline", N_("Organization’s deadline"), m->org_deadline, NULL);
  FIELD ("org_response", N_("Response"), m->org_response, NULL);
  FIELD ("org_response_on", N_("Responded on"), m->org_response_on, NULL);
  FIELD ("org_evidence", N_("Evidence received"), m->org_evidence, NULL);
  FIELD ("follow_up", N_("Follow-up"), m->follow_up, NULL);
  FIELD ("follow_up_on", N_("Followed up on"), m->follow_up_on, NULL);
  FIELD ("follow_up_conclusion", N_("Follow-up conclusion"),
         m->follow_up_conclusion != ZICHA_CONCLUSION_NONE
         ? zicha_conclusion_to_string (m->follow_up_conclusion) : NULL,
         zicha_conclusion_get_label (m->follow_up_conclusion));
  FIELD ("follow_up_questions", N_("Follow-up questions"), m->follow_up_questions, NULL);
  FIELD ("created_at", N_("Created at"), m->created_at, NULL);
  FIELD ("created_by", N_("Created by"), m->created_by, NULL);
  FIELD ("deleted_at", N_("Deleted at"), m->deleted_at, NULL);
#undef FIELD
  g_assert (n <= N_FIELDS);
  return n;
}

void
zicha_cli_rect_measure_json (JsonBuilder        *json,
                             const ZichaMeasure *m)
{
  json_builder_begin_object (json);
  zicha_json_add_int (json, "id", m->id);
  json_builder_set_member_name (json, "problems");
  json_builder_begin_array (json);
  for (guint i = 0; m->problem_numbers != NULL && m->problem_numbers[i] != NULL; i++)
    json_builder_add_string_value (json, m->problem_numbers[i]);
  json_builder_end_array (json);
  zicha_json_add_string (json, "kind", zicha_measure_kind_to_string (m->kind));
  zicha_json_add_string (json, "text", m->text);
  zicha_json_add_string (json, "department", m->department);
  zicha_json_add_string (json, "responsible", m->responsible);
  zicha_json_add_string (json, "responsible_person_id", m->responsible_person_id);
  zicha_json_add_string (json, "deadline", m->deadline);
  if (m->days_left != G_MININT)
    zicha_json_add_int (json, "days_left", m->days_left);
  else
    zicha_json_add_string (json, "days_left", NULL);
  json_builder_set_member_name (json, "overdue");
  json_builder_add_boolean_value (json, m->overdue);
  json_builder_set_member_name (json, "due_soon");
  json_builder_add_boolean_value (json, m->due_soon);
  zicha_json_add_string (json, "status", zicha_measure_status_to_string (m->status));
  zicha_json_add_string (json, "done_on", m->done_on);
  zicha_json_add_string (json, "done_note", m->done_note);
  zicha_json_add_string (json, "verifier", m->verifier);
  zicha_json_add_string (json, "verifier_person_id", m->verifier_person_id);
  zicha_json_add_string (json, "verified_on", m->verified_on);
  zicha_json_add_string (json, "conclusion", m->conclusion != ZICHA_CONCLUSION_NONE
                                             ? zicha_conclusion_to_string (m->conclusion)
                                             : NULL);
  zicha_json_add_string (json, "verification_note", m->verification_note);
  zicha_json_add_string (json, "return_reason", m->return_reason);
  zicha_json_add_string (json, "org_id", m->org_id);
  zicha_json_add_string (json, "org_name", m->org_name);
  zicha_json_add_string (json, "org_state", zicha_org_demand_state_to_string (m->org_state));
  zicha_json_add_string (json, "notice_no", m->notice_no);
  zicha_json_add_string (json, "notice_on", m->notice_on);
  zicha_json_add_string (json, "org_demand", m->org_demand);
  zicha_json_add_string (json, "org_deadline", m->org_deadline);
  zicha_json_add_string (json, "org_response", m->org_response);
  zicha_json_add_string (json, "org_response_on", m->org_response_on);
  zicha_json_add_string (json, "org_evidence", m->org_evidence);
  zicha_json_add_string (json, "follow_up", m->follow_up);
  zicha_json_add_string (json, "follow_up_on", m->follow_up_on);
  zicha_json_add_string (json, "follow_up_conclusion",
                         m->follow_up_conclusion != ZICHA_CONCLUSION_NONE
                         ? zicha_conclusion_to_string (m->follow_up_conclusion) : NULL);
  zicha_json_add_string (json, "follow_up_questions", m->follow_up_questions);
  zicha_json_add_string (json, "created_at", m->created_at);
  zicha_json_add_string (json, "created_by", m->created_by);
  zicha_json_add_string (json, "deleted_at", m->deleted_at);
  json_builder_end_object (json);
}

gboolean
zicha_cli_rect_print_measure (ZichaOutputFormat    format,
                              const ZichaMeasure  *m,
                              GError             **error)
{
  g_autofree char *problems = g_strjoinv (", ", m->problem_numbers);
  g_autofree char *days = m->days_left != G_MININT ? g_strdup_printf ("%d", m->days_left) : NULL;
  Field fields[N_FIELDS];
  guint n = measure_fields (m, problems, days, fields);

  if (format == ZICHA_OUTPUT_JSON)
    {
      JsonBuilder *json = json_builder_new ();

      zicha_cli_rect_measure_json (json, m);
      return zicha_cli_write_json (json, error);
    }
  if (format == ZICHA_OUTPUT_CSV)
    {
      g_autoptr(ZichaTable) table = zicha_table_new ();
      guint key = zicha_table_add_column (table, "key", _("Key"), ZICHA_COLUMN_TEXT);
      guint value = zicha_table_add_column (table, "value", _("Value"), ZICHA_COLUMN_TEXT);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);

      zicha_table_add_row (table);
      zicha_table_set (table, key, "id");
      zicha_table_set (table, value, id);
      for (guint i = 0; i < n; i++)
        {
          zicha_table_add_row (table);
          zicha_table_set (table, key, fields[i].key);
          zicha_table_set (table, value, fields[i].value);
        }
      return zicha_cli_write_table (table, ZICHA_OUTPUT_CSV, error);
    }
  {
    g_autoptr(GString) out = g_string_new (NULL);
    gsize width = zicha_utf8_width (_("Measure no."));

    for (guint i = 0; i < n; i++)
      width = MAX (width, zicha_utf8_width (_(fields[i].title)));
    g_string_append (out, _("Measure no."));
    for (gsize w = zicha_utf8_width (_("Measure no.")); w < width + 2; w++)
      g_string_append_c (out, ' ');
    g_string_append_printf (out, "%" G_GINT64_FORMAT "\n", m->id);
    for (guint i = 0; i < n; i++)
      {
        const char *text = fields[i].display != NULL && *fields[i].display != '\0'
                           ? fields[i].display : fields[i].value;

        if (text == NULL || *text == '\0')
          continue;
        g_string_append (out, _(fields[i].title));
        for (gsize w = zicha_utf8_width (_(fields[i].title)); w < width + 2; w++)
          g_string_append_c (out, ' ');
        g_string_append_printf (out, "%s\n", text);
      }
    zicha_cli_print ("%s", out->str);
    return TRUE;
  }
}

/* measures ---------------------------------------------------------------------------------- */

gboolean
zicha_cli_cmd_measures (ZichaCli  *cli,
                        int        argc,
                        char     **argv,
                        GError   **error)
{
  g_autofree char *problem = NULL, *status = NULL, *within = NULL, *department = NULL;
  g_autofree char *owner = NULL, *format_str = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaMeasureFilter filter = { 0 };
  ZichaOutputFormat format;
  gboolean overdue = FALSE, org = FALSE;
  guint c_id, c_problems, c_kind, c_status, c_department, c_responsible, c_deadline, c_days;
  guint c_overdue, c_text;
  const GOptionEntry entries[] = {
    { "problem", 0, 0, G_OPTION_ARG_STRING, &problem,
      N_("Only the measures of this problem"), N_("PROBLEM") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only measures in this state: open, in_progress, done or verified"), N_("STATE") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only measures past their deadline, neither done nor verified"), NULL },
    { "due-within", 0, 0, G_OPTION_ARG_STRING, &within,
      N_("Only measures neither done nor verified due within DAYS days"), N_("DAYS") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department,
      N_("Only measures of this responsible department"), N_("DEPARTMENT") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner,
      N_("Only measures of this responsible person (name or person id)"), N_("PERSON") },
    { "org", 0, 0, G_OPTION_ARG_NONE, &org,
      N_("Only measures addressed to a certified organization"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error)
      || !zicha_cli_rect_parse_due (overdue, within, &filter.due, &filter.due_within_days, error)
      || !zicha_cli_check_text ("--department", department, error)
      || !zicha_cli_check_text ("--owner", owner, error))
    return FALSE;
  if (status != NULL)
    {
      ZichaMeasureStatus value;

      if (!zicha_measure_status_from_string (status, &value))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the English words */
                       _("Unknown state of a measure “%s”: use open, in_progress, done or "
                         "verified"), status);
          return FALSE;
        }
      filter.statuses = 1u << value;
    }
  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  if (problem != NULL && !zicha_cli_rect_find_problem (db, problem, &filter.problem_id, error))
    return FALSE;
  filter.department = department;
  filter.person = owner;
  filter.org_only = org;
  measures = zicha_measures_query (db, &filter, ZICHA_MEASURE_ORDER_DEADLINE, FALSE, error);
  if (measures == NULL)
    return FALSE;

  if (format == ZICHA_OUTPUT_JSON)
    {
      JsonBuilder *json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < measures->len; i++)
        zicha_cli_rect_measure_json (json, g_ptr_array_index (measures, i));
      json_builder_end_array (json);
      return zicha_cli_write_json (json, error);
    }
  table = zicha_table_new ();
  c_id = zicha_table_add_column (table, "id", _("Measure no."), ZICHA_COLUMN_NUMBER);
  c_problems = zicha_table_add_column (table, "problems", _("Problems"), ZICHA_COLUMN_TEXT);
  c_kind = zicha_table_add_column (table, "kind", _("Kind"), ZICHA_COLUMN_TEXT);
  c_status = zicha_table_add_column (table, "status", _("Status"), ZICHA_COLUMN_TEXT);
  c_department = zicha_table_add_column (table, "department", _("Department"),
                                         ZICHA_COLUMN_TEXT);
  c_responsible = zicha_table_add_column (table, "responsible", _("Responsible"),
                                          ZICHA_COLUMN_TEXT);
  c_deadline = zicha_table_add_column (table, "deadline", _("Deadline"), ZICHA_COLUMN_TEXT);
  c_days = zicha_table_add_column (table, "days_left", _("Days left"), ZICHA_COLUMN_NUMBER);
  c_overdue = zicha_table_add_column (table, "overdue", _("Overdue"), ZICHA_COLUMN_TEXT);
  c_text = zicha_table_add_column (table, "text", _("Measure"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < measures->len; i++)
    {
      const ZichaMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *problems = g_strjoinv (";", m->problem_numbers);
      g_autofree char *days = m->days_left != G_MININT ? g_strdup_printf ("%d", m->days_left)
                                                       : NULL;
      const char *late = m->overdue ? "overdue" : m->due_soon ? "due_soon" : NULL;

      zicha_table_add_row (table);
      zicha_cli_table_set_id (table, c_id, m->id);
      zicha_table_set (table, c_problems, problems);
      zicha_table_set_display (table, c_kind, zicha_measure_kind_to_string (m->kind),
                               zicha_measure_kind_get_label (m->kind));
      zicha_table_set_display (table, c_status, zicha_measure_status_to_string (m->status),
                               zicha_measure_status_get_label (m->status));
      zicha_table_set (table, c_department, m->department);
      zicha_table_set (table, c_responsible, m->responsible);
      zicha_table_set (table, c_deadline, m->deadline);
      zicha_table_set (table, c_days, days);
      zicha_table_set_display (table, c_overdue, late,
                               /* Translators: in the list of measures: 逾期, 即将到期 */
                               m->overdue ? _("Overdue") : m->due_soon ? _("Due soon") : NULL);
      zicha_table_set (table, c_text, m->text);
    }
  return zicha_cli_write_table (table, format, error);
}
