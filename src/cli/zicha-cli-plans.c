/* zicha-cli-plans.c — zicha-cli plan, plans and checklist: self-inspection plans (自查方案)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plan new|show, plans and checklist set call core's plans API (zicha-plans.h,
 * zicha-checklist.h); sample and samples are in zicha-cli-sampling.c. Lists go through a
 * ZichaTable, so the three formats agree: a table with translated titles and values for
 * people, CSV and JSON with English keys and values for machines. plan show in json is one
 * object (json-glib) holding the checklist as an array. Changes are recorded under the
 * user's real name, or the login name when the system has none. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "zicha-checklist.h"
#include "zicha-cli-commands.h"
#include "zicha-cli-plans-private.h"
#include "zicha-plans.h"

/* Shared with zicha-cli-sampling.c ------------------------------------------------------- */

const char *
zicha_cli_plans_user_name (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real != '\0' && strcmp (real, "Unknown") != 0)
    return real;
  return g_get_user_name ();
}

gboolean
zicha_cli_plans_parse_id (const char  *what,
                          const char  *text,
                          gint64      *out,
                          GError     **error)
{
  if (text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, NULL))
    return TRUE;
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
               /* Translators: %1$s names what is wanted ("plan"), %2$s is what the user typed */
               _("The %1$s must be given by its number, not “%2$s”"), what,
               text != NULL ? text : "");
  return FALSE;
}

char **
zicha_cli_plans_split (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (*part != '\0')
        g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}

void
zicha_cli_plans_set_int (ZichaTable *table,
                         guint       column,
                         gint64      value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  zicha_table_set (table, column, text);
}

gboolean
zicha_cli_plans_write (ZichaTable         *table,
                       ZichaOutputFormat   format,
                       GError            **error)
{
  errno = 0;
  if (zicha_table_write (table, format, stdout))
    return TRUE;
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not write the output: %s"),
               g_strerror (errno));
  return FALSE;
}

/* Values typed with - or _ alike ("in-progress", "not_applicable"). */
static char *
nick_of (const char *text)
{
  char *nick = g_ascii_strdown (text, -1);

  g_strdelimit (nick, "-", '_');
  return nick;
}

/* The checklist as a table ---------------------------------------------------------------- */

typedef struct
{
  ZichaTable *table;
  guint id, position, area, template_key, text, status, conclusion, assignee, assignee_person_id,
        due_on, notes;
} ChecklistTable;

static void
checklist_table_init (ChecklistTable *t)
{
  t->table = zicha_table_new ();
  t->id = zicha_table_add_column (t->table, "id", _("No."), ZICHA_COLUMN_NUMBER);
  t->position = zicha_table_add_column (t->table, "position", _("Order"), ZICHA_COLUMN_NUMBER);
  t->area = zicha_table_add_column (t->table, "area", _("Focus area"), ZICHA_COLUMN_TEXT);
  t->template_key = zicha_table_add_column (t->table, "template_key", _("Point"),
                                            ZICHA_COLUMN_TEXT);
  t->text = zicha_table_add_column (t->table, "text", _("Checklist item"), ZICHA_COLUMN_TEXT);
  t->status = zicha_table_add_column (t->table, "status", _("Status"), ZICHA_COLUMN_TEXT);
  t->conclusion = zicha_table_add_column (t->table, "conclusion", _("Conclusion"),
                                          ZICHA_COLUMN_TEXT);
  t->assignee = zicha_table_add_column (t->table, "assignee", _("Assignee"), ZICHA_COLUMN_TEXT);
  t->assignee_person_id = zicha_table_add_column (t->table, "assignee_person_id", _("Person id"),
                                                  ZICHA_COLUMN_TEXT);
  t->due_on = zicha_table_add_column (t->table, "due_on", _("Due date"), ZICHA_COLUMN_TEXT);
  t->notes = zicha_table_add_column (t->table, "notes", _("Notes"), ZICHA_COLUMN_TEXT);
}

static void
checklist_table_add (ChecklistTable           *t,
                     const ZichaChecklistItem *item)
{
  zicha_table_add_row (t->table);
  zicha_cli_plans_set_int (t->table, t->id, item->id);
  /* people count from 1 */
  zicha_cli_plans_set_int (t->table, t->position, (gint64) item->position + 1);
  zicha_table_set_display (t->table, t->area, zicha_rule_area_to_string (item->area),
                           zicha_rule_area_get_label (item->area));
  zicha_table_set (t->table, t->template_key, item->template_key);
  zicha_table_set (t->table, t->text, item->text);
  zicha_table_set_display (t->table, t->status, zicha_checklist_status_to_string (item->status),
                           zicha_checklist_status_get_label (item->status));
  if (item->conclusion != ZICHA_CHECK_NONE)
    zicha_table_set_display (t->table, t->conclusion,
                             zicha_check_conclusion_to_string (item->conclusion),
                             zicha_check_conclusion_get_label (item->conclusion));
  zicha_table_set (t->table, t->assignee, item->assignee);
  zicha_table_set (t->table, t->assignee_person_id, item->assignee_person_id);
  zicha_table_set (t->table, t->due_on, item->due_on);
  zicha_table_set (t->table, t->notes, item->notes);
}

/* plan new -------------------------------------------------------------------------------- */

static gboolean
plan_new (ZichaCli  *cli,
          int        argc,
          char     **argv,
          GError   **error)
{
  g_autofree char *title = NULL, *from = NULL, *to = NULL, *schemes_str = NULL;
  g_autofree char *years_str = NULL, *department = NULL, *leader = NULL, *description = NULL;
  g_autofree char *format_str = NULL;
  g_auto(GStrv) schemes = NULL;
  g_auto(GStrv) years = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaOutputFormat format;
  ZichaPlanFields fields = { 0 };
  gint64 id;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The plan's title"), N_("TEXT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day of the plan's period"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day of the plan's period"),
      N_("YYYY-MM-DD") },
    { "schemes", 0, 0, G_OPTION_ARG_STRING, &schemes_str,
      N_("The schemes the plan covers, separated by commas"), N_("QMS,EMS") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years_str,
      N_("The years the plan covers, separated by commas"), N_("YEAR,…") },
    { "lead-department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("The lead department"), N_("TEXT") },
    { "leader", 0, 0, G_OPTION_ARG_STRING, &leader, N_("The responsible leader"), N_("NAME") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What the plan is about"),
      N_("TEXT") },
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
  if (title == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the plan's title with --title"));
      return FALSE;
    }

  schemes = zicha_cli_plans_split (schemes_str);
  years = zicha_cli_plans_split (years_str);
  fields.title = title;
  fields.period_from = from;
  fields.period_to = to;
  fields.schemes = (const char * const *) schemes;
  fields.years = (const char * const *) years;
  fields.lead_department = department;
  fields.leader = leader;
  fields.description = description;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_CREATE, error);
  if (db == NULL)
    return FALSE;
  id = zicha_plans_create (db, &fields, zicha_cli_plans_user_name (), error);
  if (id == 0)
    return FALSE;

  if (format == ZICHA_OUTPUT_TABLE)
    zicha_cli_print ("%" G_GINT64_FORMAT "\n", id);
  else
    {
      g_autoptr(ZichaTable) table = zicha_table_new ();
      guint column = zicha_table_add_column (table, "id", _("No."), ZICHA_COLUMN_NUMBER);

      zicha_table_add_row (table);
      zicha_cli_plans_set_int (table, column, id);
      return zicha_cli_plans_write (table, format, error);
    }
  return TRUE;
}

/* plan show ------------------------------------------------------------------------------- */

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && *value != '\0')
    /* Translators: a label and its value on a line, as "状态：草稿" */
    zicha_cli_print (_("%1$s: %2$s\n"), label, value);
}

static void
add_strv (JsonBuilder *builder,
          const char  *key,
          char       **values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_progress (JsonBuilder             *b,
              const ZichaPlanProgress *p)
{
  json_builder_set_member_name (b, "progress");
  json_builder_begin_object (b);
  add_int (b, "done", p->done);
  add_int (b, "total", p->total);
  add_int (b, "overdue", p->overdue);
  json_builder_set_member_name (b, "areas");
  json_builder_begin_object (b);
  for (guint a = 0; a < ZICHA_PLAN_N_AREAS; a++)
    {
      json_builder_set_member_name (b, zicha_rule_area_to_string (a));
      json_builder_begin_object (b);
      add_int (b, "done", p->area_done[a]);
      add_int (b, "total", p->area_total[a]);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  add_int (b, "milestones_done", p->milestones_done);
  add_int (b, "milestones_total", p->milestones_total);
  add_int (b, "milestones_overdue", p->milestones_overdue);
  json_builder_end_object (b);
}

static char *
plan_json (const ZichaPlan         *plan,
           GPtrArray               *staff,
           GPtrArray               *milestones,
           const ZichaPlanProgress *progress,
           GPtrArray               *items)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_int (b, "id", plan->id);
  add_string (b, "title", plan->title);
  add_string (b, "status", zicha_plan_status_to_string (plan->status));
  add_string (b, "period_from", plan->period_from);
  add_string (b, "period_to", plan->period_to);
  add_strv (b, "schemes", plan->schemes);
  add_strv (b, "years", plan->years);
  add_string (b, "lead_department", plan->lead_department);
  add_string (b, "leader", plan->leader);
  add_string (b, "description", plan->description);
  add_string (b, "created_at", plan->created_at);
  add_string (b, "created_by", plan->created_by);

  json_builder_set_member_name (b, "staff");
  json_builder_begin_array (b);
  for (guint i = 0; i < staff->len; i++)
    {
      const ZichaPlanStaff *s = g_ptr_array_index (staff, i);

      json_builder_begin_object (b);
      add_int (b, "id", s->id);
      add_string (b, "person_id", s->person_id);
      add_string (b, "name", s->name);
      add_string (b, "duty", s->duty);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "milestones");
  json_builder_begin_array (b);
  for (guint i = 0; i < milestones->len; i++)
    {
      const ZichaPlanMilestone *m = g_ptr_array_index (milestones, i);

      json_builder_begin_object (b);
      add_int (b, "id", m->id);
      add_string (b, "title", m->title);
      add_string (b, "due_on", m->due_on);
      add_string (b, "done_on", m->done_on);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_progress (b, progress);

  json_builder_set_member_name (b, "checklist");
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      const ZichaChecklistItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (b);
      add_int (b, "id", item->id);
      add_int (b, "position", (gint64) item->position + 1);
      add_string (b, "area", zicha_rule_area_to_string (item->area));
      add_string (b, "template_key", item->template_key);
      add_string (b, "text", item->text);
      add_string (b, "status", zicha_checklist_status_to_string (item->status));
      add_string (b, "conclusion", item->conclusion != ZICHA_CHECK_NONE
                                   ? zicha_check_conclusion_to_string (item->conclusion) : NULL);
      add_string (b, "assignee", item->assignee);
      add_string (b, "assignee_person_id", item->assignee_person_id);
      add_string (b, "due_on", item->due_on);
      add_string (b, "notes", item->notes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

static void
print_plan (const ZichaPlan         *plan,
            GPtrArray               *staff,
            GPtrArray               *milestones,
            const ZichaPlanProgress *progress)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *schemes = g_strjoinv (", ", plan->schemes);
  g_autofree char *years = g_strjoinv (", ", plan->years);

  /* Translators: %1$lld is the plan's number, %2$s its title */
  zicha_cli_print (_("Self-inspection plan %1$lld: %2$s\n"), (long long) plan->id, plan->title);
  print_field (_("Status"), zicha_plan_status_get_label (plan->status));
  if (plan->period_from != NULL || plan->period_to != NULL)
    {
      /* Translators: a period, from %1$s to %2$s (dates; "…" when open) */
      g_autofree char *period = g_strdup_printf (_("%1$s to %2$s"),
                                                 plan->period_from ? plan->period_from : "…",
                                                 plan->period_to ? plan->period_to : "…");

      print_field (_("Period"), period);
    }
  print_field (_("Schemes"), schemes);
  print_field (_("Years"), years);
  print_field (_("Lead department"), plan->lead_department);
  print_field (_("Responsible leader"), plan->leader);
  for (guint i = 0; i < staff->len; i++)
    {
      const ZichaPlanStaff *s = g_ptr_array_index (staff, i);

      g_string_append_printf (line, "%s%s", i > 0 ? _(", ") : "", s->name);
      if (s->duty != NULL)
        /* Translators: a person's duty after their name, as "张三（组长）" */
        g_string_append_printf (line, _(" (%s)"), s->duty);
    }
  print_field (_("Staff"), line->str);
  for (guint i = 0; i < milestones->len; i++)
    {
      const ZichaPlanMilestone *m = g_ptr_array_index (milestones, i);
      g_autofree char *text =
        m->done_on != NULL
        /* Translators: a milestone: %1$s its title, %2$s its due date, %3$s when it was done */
        ? g_strdup_printf (_("%1$s, due %2$s, done %3$s"), m->title,
                           m->due_on ? m->due_on : "…", m->done_on)
        /* Translators: a milestone: %1$s its title, %2$s its due date */
        : g_strdup_printf (_("%1$s, due %2$s"), m->title, m->due_on ? m->due_on : "…");

      print_field (_("Milestone"), text);
    }
  print_field (_("Description"), plan->description);
  g_string_truncate (line, 0);
  /* Translators: progress of a checklist: %1$u items done of %2$u, %3$u overdue */
  g_string_append_printf (line, _("%1$u of %2$u done, %3$u overdue"), progress->done,
                          progress->total, progress->overdue);
  for (guint a = 0; a < ZICHA_PLAN_N_AREAS; a++)
    /* Translators: progress of a focus area: %1$s its name, %2$u done of %3$u */
    g_string_append_printf (line, _("; %1$s %2$u/%3$u"), zicha_rule_area_get_label (a),
                            progress->area_done[a], progress->area_total[a]);
  print_field (_("Progress"), line->str);
  g_string_truncate (line, 0);
  /* Translators: when and by whom: %1$s a time, %2$s a name */
  g_string_append_printf (line, _("%1$s by %2$s"), plan->created_at, plan->created_by);
  print_field (_("Created"), line->str);
  zicha_cli_print ("\n");
}

static gboolean
plan_show (ZichaCli  *cli,
           int        argc,
           char     **argv,
           GError   **error)
{
  g_autofree char *format_str = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaPlan) plan = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) items = NULL;
  ChecklistTable t;
  ZichaPlanProgress progress;
  ZichaOutputFormat format;
  gboolean ok;
  gint64 id;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, &args, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error))
    return FALSE;
  if (g_strv_length (args) != 1)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the number of one plan: plan show ID"));
      return FALSE;
    }
  if (!zicha_cli_plans_parse_id (_("plan"), args[0], &id, error))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL
      || (plan = zicha_plans_get (db, id, error)) == NULL
      || (staff = zicha_plans_list_staff (db, id, error)) == NULL
      || (milestones = zicha_plans_list_milestones (db, id, error)) == NULL
      || !zicha_plans_get_progress (db, id, NULL, &progress, error)
      || (items = zicha_checklist_list (db, id, error)) == NULL)
    return FALSE;

  if (format == ZICHA_OUTPUT_JSON)
    {
      g_autofree char *text = plan_json (plan, staff, milestones, &progress, items);

      zicha_cli_print ("%s\n", text);
      return TRUE;
    }
  if (format == ZICHA_OUTPUT_TABLE)
    print_plan (plan, staff, milestones, &progress);
  checklist_table_init (&t);
  for (guint i = 0; i < items->len; i++)
    checklist_table_add (&t, g_ptr_array_index (items, i));
  ok = zicha_cli_plans_write (t.table, format, error);
  zicha_table_free (t.table);
  return ok;
}

gboolean
zicha_cli_cmd_plan (ZichaCli  *cli,
                    int        argc,
                    char     **argv,
                    GError   **error)
{
  static const struct {
    const char *name;
    ZichaCliHandler handler;
  } subcommands[] = {
    { "new", plan_new },
    { "show", plan_show },
  };

  if (argc >= 2 && argv[1][0] != '-')
    {
      for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
        if (strcmp (argv[1], subcommands[i].name) == 0)
          {
            zicha_cli_set_subcommand (cli, subcommands[i].name);
            return subcommands[i].handler (cli, argc - 1, argv + 1, error);
          }
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep new and show */
                   _("Unknown plan command “%s”: use new or show"), argv[1]);
      return FALSE;
    }
  /* plan --help shows the commands; anything else lacks one */
  if (!zicha_cli_parse (cli, NULL, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("Give a plan command: new or show"));
  return FALSE;
}

/* plans ----------------------------------------------------------------------------------- */

gboolean
zicha_cli_cmd_plans (ZichaCli  *cli,
                     int        argc,
                     char     **argv,
                     GError   **error)
{
  g_autofree char *format_str = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaOutputFormat format;
  guint id, title, status, from, to, department, leader, done, total, overdue, created_at;
  const GOptionEntry entries[] = {
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
  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL || (plans = zicha_plans_list (db, error)) == NULL)
    return FALSE;

  table = zicha_table_new ();
  id = zicha_table_add_column (table, "id", _("No."), ZICHA_COLUMN_NUMBER);
  title = zicha_table_add_column (table, "title", _("Title"), ZICHA_COLUMN_TEXT);
  status = zicha_table_add_column (table, "status", _("Status"), ZICHA_COLUMN_TEXT);
  from = zicha_table_add_column (table, "period_from", _("From"), ZICHA_COLUMN_TEXT);
  to = zicha_table_add_column (table, "period_to", _("To"), ZICHA_COLUMN_TEXT);
  department = zicha_table_add_column (table, "lead_department", _("Lead department"),
                                       ZICHA_COLUMN_TEXT);
  leader = zicha_table_add_column (table, "leader", _("Responsible leader"), ZICHA_COLUMN_TEXT);
  done = zicha_table_add_column (table, "items_done", _("Done"), ZICHA_COLUMN_NUMBER);
  total = zicha_table_add_column (table, "items_total", _("Items"), ZICHA_COLUMN_NUMBER);
  overdue = zicha_table_add_column (table, "items_overdue", _("Overdue"), ZICHA_COLUMN_NUMBER);
  created_at = zicha_table_add_column (table, "created_at", _("Created"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < plans->len; i++)
    {
      const ZichaPlan *plan = g_ptr_array_index (plans, i);
      ZichaPlanProgress progress;

      if (!zicha_plans_get_progress (db, plan->id, NULL, &progress, error))
        return FALSE;
      zicha_table_add_row (table);
      zicha_cli_plans_set_int (table, id, plan->id);
      zicha_table_set (table, title, plan->title);
      zicha_table_set_display (table, status, zicha_plan_status_to_string (plan->status),
                               zicha_plan_status_get_label (plan->status));
      zicha_table_set (table, from, plan->period_from);
      zicha_table_set (table, to, plan->period_to);
      zicha_table_set (table, department, plan->lead_department);
      zicha_table_set (table, leader, plan->leader);
      zicha_cli_plans_set_int (table, done, progress.done);
      zicha_cli_plans_set_int (table, total, progress.total);
      zicha_cli_plans_set_int (table, overdue, progress.overdue);
      zicha_table_set (table, created_at, plan->created_at);
    }
  return zicha_cli_plans_write (table, format, error);
}

/* checklist set --------------------------------------------------------------------------- */

static gboolean
checklist_set (ZichaCli  *cli,
               int        argc,
               char     **argv,
               GError   **error)
{
  g_autofree char *format_str = NULL, *status_str = NULL, *conclusion_str = NULL;
  g_autofree char *assignee = NULL, *due = NULL, *notes = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaChecklistItem) item = NULL;
  ZichaChecklistChange change = { 0 };
  ZichaChecklistField fields = 0;
  ChecklistTable t;
  ZichaOutputFormat format;
  gboolean ok;
  gint64 id;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_str,
      N_("The status: todo, in-progress or done"), N_("STATUS") },
    { "conclusion", 0, 0, G_OPTION_ARG_STRING, &conclusion_str,
      N_("The conclusion: conforming, nonconforming, not-applicable or none"),
      N_("CONCLUSION") },
    { "assignee", 0, 0, G_OPTION_ARG_STRING, &assignee,
      N_("Who checks it: a person id of the body, or a name (empty: nobody)"), N_("PERSON") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("The due date (empty: none)"),
      N_("YYYY-MM-DD") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes"), N_("TEXT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, &args, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error))
    return FALSE;
  if (g_strv_length (args) != 1)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the number of one checklist item: checklist set ITEM"));
      return FALSE;
    }
  if (!zicha_cli_plans_parse_id (_("checklist item"), args[0], &id, error))
    return FALSE;
  if (status_str != NULL)
    {
      g_autofree char *nick = nick_of (status_str);

      if (!zicha_checklist_status_from_string (nick, &change.status))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the English words */
                       _("Unknown status “%s”: use todo, in-progress or done"), status_str);
          return FALSE;
        }
      fields |= ZICHA_CHECKLIST_FIELD_STATUS;
    }
  if (conclusion_str != NULL)
    {
      g_autofree char *nick = nick_of (conclusion_str);

      if (!zicha_check_conclusion_from_string (nick, &change.conclusion))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the English words */
                       _("Unknown conclusion “%s”: use conforming, nonconforming, "
                         "not-applicable or none"), conclusion_str);
          return FALSE;
        }
      fields |= ZICHA_CHECKLIST_FIELD_CONCLUSION;
    }
  if (due != NULL)
    {
      change.due_on = due;
      fields |= ZICHA_CHECKLIST_FIELD_DUE_ON;
    }
  if (notes != NULL)
    {
      change.notes = notes;
      fields |= ZICHA_CHECKLIST_FIELD_NOTES;
    }
  if (assignee == NULL && fields == 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give what to change: --status, --conclusion, --assignee, --due "
                             "or --notes"));
      return FALSE;
    }

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  if (assignee != NULL)
    {
      g_autofree char *person = zicha_plans_lookup_person (db, assignee, NULL);

      /* a person id of the body, else a free name */
      if (person != NULL)
        change.assignee_person_id = assignee;
      else
        change.assignee = assignee;
      fields |= ZICHA_CHECKLIST_FIELD_ASSIGNEE;
    }
  if (!zicha_checklist_update (db, id, &change, fields, zicha_cli_plans_user_name (), error)
      || (item = zicha_checklist_get (db, id, error)) == NULL)
    return FALSE;

  checklist_table_init (&t);
  checklist_table_add (&t, item);
  ok = zicha_cli_plans_write (t.table, format, error);
  zicha_table_free (t.table);
  return ok;
}

gboolean
zicha_cli_cmd_checklist (ZichaCli  *cli,
                         int        argc,
                         char     **argv,
                         GError   **error)
{
  if (argc >= 2 && strcmp (argv[1], "set") == 0)
    {
      zicha_cli_set_subcommand (cli, "set");
      return checklist_set (cli, argc - 1, argv + 1, error);
    }
  if (argc >= 2 && argv[1][0] != '-')
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep set */
                   _("Unknown checklist command “%s”: use set"), argv[1]);
      return FALSE;
    }
  if (!zicha_cli_parse (cli, NULL, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("Give a checklist command: set"));
  return FALSE;
}
