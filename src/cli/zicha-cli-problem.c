/* zicha-cli-problem.c — zicha-cli problem new and problem show: one problem of the ledger
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "problem new" enters a problem by hand (source manual) with the records it concerns, given
 * as TYPE:KEY; "problem show" prints one problem with its records, risk leads, cause analysis
 * and the searches for similar cases: fields and blocks for people, one JSON object, or CSV
 * in long form (section, key, value) for machines. The helpers they share with the other
 * commands of the ledger are in zicha-cli-problems.c. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-cli-commands.h"
#include "zicha-json.h"
#include "zicha-problems.h"
#include "zicha-similar.h"

/* problem new --------------------------------------------------------------------------------- */

/* TYPE:KEY of --record into @records (ZichaProblemRecord). */
static gboolean
parse_records (char **texts, GArray *records, GError **error)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      const char *colon = strchr (texts[i], ':');
      ZichaProblemRecord record = { 0 };

      if (!zicha_cli_check_text ("--record", texts[i], error))
        return FALSE;
      if (colon == NULL || colon == texts[i] || colon[1] == '\0')
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep TYPE:KEY */
                       _("Give a record as TYPE:KEY (certificates:CERT-001), not “%s”"),
                       texts[i]);
          return FALSE;
        }
      record.record_type = g_strndup (texts[i], (gsize) (colon - texts[i]));
      record.record_key = g_strdup (colon + 1);
      g_array_append_val (records, record);
    }
  return TRUE;
}

static void
clear_record (gpointer data)
{
  ZichaProblemRecord *record = data;

  g_free (record->record_type);
  g_free (record->record_key);
}

static gboolean
problem_new (ZichaCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *title = NULL, *area = NULL, *severity = NULL, *description = NULL;
  g_autofree char *found_on = NULL, *format_str = NULL;
  g_auto(GStrv) record_texts = NULL;
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (ZichaProblemRecord));
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaProblem) problem = NULL;
  ZichaProblemDraft draft = { 0 };
  ZichaOutputFormat format;
  GDate date;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("The problem’s title"), N_("TEXT") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area,
      N_("Its focus area: legal, conduct, practice or capability"), N_("AREA") },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity,
      N_("Its severity: high, medium or low"), N_("SEVERITY") },
    { "record", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &record_texts,
      N_("A record it concerns, e.g. certificates:CERT-001 (repeat for more)"),
      N_("TYPE:KEY") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &description,
      N_("What was found"), N_("TEXT") },
    { "found-on", 0, 0, G_OPTION_ARG_STRING, &found_on,
      N_("The day it was found (default: today); its year numbers it"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  g_array_set_clear_func (records, clear_record);
  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_require (title, _("Give the problem’s title with --title"), error)
      || !zicha_cli_require (area, _("Give the focus area with --area"), error)
      || !zicha_cli_require (severity, _("Give the severity with --severity"), error)
      || !zicha_cli_check_text ("--title", title, error)
      || !zicha_cli_check_text ("--description", description, error)
      || !zicha_cli_parse_format (format_str, &format, error)
      || !parse_records (record_texts, records, error))
    return FALSE;
  if (found_on != NULL && !zicha_cli_parse_date ("--found-on", found_on, &date, error))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  draft.title = title;
  draft.area = area;
  draft.severity = severity;
  draft.description = description;
  draft.source = ZICHA_PROBLEM_SOURCE_MANUAL;
  draft.found_by = zicha_cli_user_name ();
  draft.found_on = found_on;
  if (!zicha_problems_create (db, &draft, (const ZichaProblemRecord *) records->data,
                              records->len, zicha_cli_user_name (), &id, error))
    return FALSE;
  problem = zicha_problems_get (db, id, error);
  return problem != NULL && zicha_cli_print_problem (format, problem, NULL, error);
}

/* problem show ------------------------------------------------------------------------------ */

typedef struct
{
  ZichaProblem       *problem;
  GPtrArray          *records;      /* ZichaProblemRecord* */
  GPtrArray          *hits;         /* ZichaProblemHit* */
  ZichaCauseAnalysis *analysis;
  GPtrArray          *extensions;   /* ZichaProblemExtension* */
  ZichaProblem       *extended_from;
} Details;

static void
details_clear (Details *d)
{
  g_clear_pointer (&d->problem, zicha_problem_free);
  g_clear_pointer (&d->records, g_ptr_array_unref);
  g_clear_pointer (&d->hits, g_ptr_array_unref);
  g_clear_pointer (&d->analysis, zicha_cause_analysis_free);
  g_clear_pointer (&d->extensions, g_ptr_array_unref);
  g_clear_pointer (&d->extended_from, zicha_problem_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Details, details_clear)

static gboolean
read_details (ZichaDb *db, const char *text, Details *d, GError **error)
{
  d->problem = zicha_problems_find (db, text, error);
  if (d->problem == NULL)
    return FALSE;
  d->records = zicha_problems_get_records (db, d->problem->id, error);
  d->hits = d->records != NULL ? zicha_problems_get_hits (db, d->problem->id, error) : NULL;
  d->analysis = d->hits != NULL
                ? zicha_problems_get_cause_analysis (db, d->problem->id, error) : NULL;
  d->extensions = d->analysis != NULL
                  ? zicha_similar_list_extensions (db, d->problem->id, error) : NULL;
  if (d->extensions != NULL && d->problem->extended_from != 0)
    d->extended_from = zicha_problems_get (db, d->problem->extended_from, NULL);
  return d->extensions != NULL;
}

/* The scalar fields of a problem, as (key, value for machines, value for people). */
typedef struct
{
  const char *key;
  const char *title;   /* N_() */
  const char *value;
  const char *display;
} Field;

static guint
problem_fields (const Details *d, Field *fields)
{
  const ZichaProblem *p = d->problem;
  guint n = 0;

#define FIELD(k, t, v, s) fields[n++] = (Field) { k, t, v, s }
  FIELD ("number", N_("Number"), p->number, NULL);
  FIELD ("status", N_("Status"), zicha_problem_state_to_string (p->state),
         zicha_problem_state_get_label (p->state));
  FIELD ("area", N_("Focus area"), p->area, zicha_cli_area_label (p->area));
  FIELD ("severity", N_("Severity"), p->severity, zicha_cli_severity_label (p->severity));
  FIELD ("source", N_("Source"), zicha_problem_source_to_string (p->source),
         zicha_problem_source_get_label (p->source));
  FIELD ("title", N_("Title"), p->title, NULL);
  FIELD ("description", N_("Description"), p->description, NULL);
  FIELD ("rule", N_("Rule"), p->rule, NULL);
  FIELD ("clause", N_("Checklist clause"), p->clause, NULL);
  FIELD ("extended_from", N_("Extended from"),
         d->extended_from != NULL ? d->extended_from->number : NULL, NULL);
  FIELD ("found_by", N_("Found by"), p->found_by, NULL);
  FIELD ("found_on", N_("Found on"), p->found_on, NULL);
  FIELD ("department", N_("Responsible department"), p->department, NULL);
  FIELD ("responsible", N_("Responsible person"), p->responsible, NULL);
  FIELD ("withdraw_reason", N_("Reason for withdrawal"), p->withdraw_reason, NULL);
  FIELD ("withdrawn_by", N_("Withdrawn by"), p->withdrawn_by, NULL);
  FIELD ("withdrawn_at", N_("Withdrawn at"), p->withdrawn_at, NULL);
  FIELD ("closed_at", N_("Closed out at"), p->closed_at, NULL);
  FIELD ("created_at", N_("Created at"), p->created_at, NULL);
  FIELD ("created_by", N_("Created by"), p->created_by, NULL);
#undef FIELD
  return n;
}

#define N_FIELDS 20

static gboolean
show_json (const Details *d, GError **error)
{
  JsonBuilder *json = json_builder_new ();
  Field fields[N_FIELDS];
  guint n = problem_fields (d, fields);

  json_builder_begin_object (json);
  zicha_json_add_int (json, "id", d->problem->id);
  for (guint i = 0; i < n; i++)
    zicha_json_add_string (json, fields[i].key, fields[i].value);
  zicha_cli_json_add_id (json, "extended_from_id", d->problem->extended_from);
  zicha_cli_json_add_id (json, "checklist_item", d->problem->checklist_item);
  zicha_cli_json_add_id (json, "sample_item", d->problem->sample_item);
  zicha_cli_json_add_id (json, "complaint", d->problem->complaint);

  json_builder_set_member_name (json, "records");
  json_builder_begin_array (json);
  for (guint i = 0; i < d->records->len; i++)
    {
      const ZichaProblemRecord *r = g_ptr_array_index (d->records, i);

      json_builder_begin_object (json);
      zicha_json_add_string (json, "record_type", r->record_type);
      zicha_json_add_string (json, "record_key", r->record_key);
      zicha_cli_json_add_id (json, "hit", r->hit);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);

  json_builder_set_member_name (json, "hits");
  json_builder_begin_array (json);
  for (guint i = 0; i < d->hits->len; i++)
    {
      const ZichaProblemHit *h = g_ptr_array_index (d->hits, i);

      json_builder_begin_object (json);
      zicha_json_add_int (json, "id", h->hit);
      zicha_json_add_string (json, "rule", h->rule);
      zicha_json_add_string (json, "entity_type", h->entity_type);
      zicha_json_add_string (json, "entity_key", h->entity_key);
      zicha_json_add_string (json, "status", h->status);
      zicha_json_add_string (json, "message", h->message);
      zicha_json_add_string (json, "note", h->note);
      zicha_json_add_string (json, "added_at", h->added_at);
      zicha_json_add_string (json, "added_by", h->added_by);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);

  json_builder_set_member_name (json, "cause_analysis");
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "categories");
  json_builder_begin_array (json);
  for (guint i = 0; d->analysis->categories[i] != NULL; i++)
    json_builder_add_string_value (json, d->analysis->categories[i]);
  json_builder_end_array (json);
  json_builder_set_member_name (json, "whys");
  json_builder_begin_array (json);
  for (guint i = 0; i < d->analysis->whys->len; i++)
    {
      const ZichaProblemWhy *why = g_ptr_array_index (d->analysis->whys, i);

      json_builder_begin_object (json);
      zicha_json_add_string (json, "why", why->why);
      zicha_json_add_string (json, "because", why->because);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  zicha_json_add_string (json, "text", d->analysis->text);
  json_builder_end_object (json);

  json_builder_set_member_name (json, "extensions");
  json_builder_begin_array (json);
  for (guint i = 0; i < d->extensions->len; i++)
    {
      const ZichaProblemExtension *e = g_ptr_array_index (d->extensions, i);

      json_builder_begin_object (json);
      zicha_json_add_int (json, "id", e->id);
      zicha_json_add_string (json, "kind", zicha_similar_kind_to_string (e->kind));
      zicha_json_add_string (json, "key", e->key);
      zicha_json_add_string (json, "outcome", zicha_extension_outcome_to_string (e->outcome));
      zicha_json_add_raw (json, "result", e->result);
      zicha_json_add_string (json, "created_at", e->created_at);
      zicha_json_add_string (json, "created_by", e->created_by);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  json_builder_end_object (json);
  return zicha_cli_write_json (json, error);
}

/* CSV in long form: section, key, value. */
static gboolean
show_csv (const Details *d, GError **error)
{
  g_autoptr(ZichaTable) table = zicha_table_new ();
  Field fields[N_FIELDS];
  guint n = problem_fields (d, fields);
  guint section = zicha_table_add_column (table, "section", _("Section"), ZICHA_COLUMN_TEXT);
  guint key = zicha_table_add_column (table, "key", _("Key"), ZICHA_COLUMN_TEXT);
  guint value = zicha_table_add_column (table, "value", _("Value"), ZICHA_COLUMN_TEXT);

#define ROW(s, k, v) G_STMT_START { zicha_table_add_row (table); \
    zicha_table_set (table, section, s); zicha_table_set (table, key, k); \
    zicha_table_set (table, value, v); } G_STMT_END
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->problem->id);

    ROW ("problem", "id", id);
  }
  for (guint i = 0; i < n; i++)
    ROW ("problem", fields[i].key, fields[i].value);
  for (guint i = 0; i < d->records->len; i++)
    {
      const ZichaProblemRecord *r = g_ptr_array_index (d->records, i);

      ROW ("record", r->record_type, r->record_key);
    }
  for (guint i = 0; i < d->hits->len; i++)
    {
      const ZichaProblemHit *h = g_ptr_array_index (d->hits, i);

      ROW ("hit", h->rule, h->entity_key);
    }
  for (guint i = 0; d->analysis->categories[i] != NULL; i++)
    ROW ("cause_category", NULL, d->analysis->categories[i]);
  for (guint i = 0; i < d->analysis->whys->len; i++)
    {
      const ZichaProblemWhy *why = g_ptr_array_index (d->analysis->whys, i);
      g_autofree char *position = g_strdup_printf ("%u", i + 1);

      ROW ("why", position, why->why);
      ROW ("because", position, why->because);
    }
  if (d->analysis->text != NULL)
    ROW ("cause_analysis", "text", d->analysis->text);
  for (guint i = 0; i < d->extensions->len; i++)
    {
      const ZichaProblemExtension *e = g_ptr_array_index (d->extensions, i);
      g_autofree char *what = g_strconcat (zicha_similar_kind_to_string (e->kind), ":", e->key,
                                           NULL);

      ROW ("extension", what, zicha_extension_outcome_to_string (e->outcome));
    }
#undef ROW
  return zicha_cli_write_table (table, ZICHA_OUTPUT_CSV, error);
}

/* For people: the fields, then a block per part. */
static gboolean
show_table (const Details *d, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Field fields[N_FIELDS];
  guint n = problem_fields (d, fields);
  gsize width = 0;

  for (guint i = 0; i < n; i++)
    width = MAX (width, zicha_utf8_width (_(fields[i].title)));
  for (guint i = 0; i < n; i++)
    {
      const char *text = fields[i].display != NULL ? fields[i].display : fields[i].value;

      if (text == NULL)
        continue;
      g_string_append (out, _(fields[i].title));
      for (gsize w = zicha_utf8_width (_(fields[i].title)); w < width + 2; w++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s\n", text);
    }
  g_string_append_printf (out, "\n%s\n", _("Records:"));
  if (d->records->len == 0)
    g_string_append_printf (out, "  %s\n", _("(none)"));
  for (guint i = 0; i < d->records->len; i++)
    {
      const ZichaProblemRecord *r = g_ptr_array_index (d->records, i);

      g_string_append_printf (out, "  %s  %s\n", r->record_type, r->record_key);
    }
  if (d->hits->len > 0)
    g_string_append_printf (out, "\n%s\n", _("Risk leads:"));
  for (guint i = 0; i < d->hits->len; i++)
    {
      const ZichaProblemHit *h = g_ptr_array_index (d->hits, i);

      g_string_append_printf (out, "  %s  %s  %s\n", h->rule, h->entity_key,
                              h->message != NULL ? h->message : "");
    }
  g_string_append_printf (out, "\n%s\n", _("Cause analysis:"));
  if (d->analysis->categories[0] == NULL && d->analysis->whys->len == 0
      && d->analysis->text == NULL)
    g_string_append_printf (out, "  %s\n", _("(none)"));
  for (guint i = 0; d->analysis->categories[i] != NULL; i++)
    g_string_append_printf (out, "  %s\n",
                            zicha_problem_cause_category_get_label (d->analysis->categories[i]));
  for (guint i = 0; i < d->analysis->whys->len; i++)
    {
      const ZichaProblemWhy *why = g_ptr_array_index (d->analysis->whys, i);

      /* Translators: a step of the 5-why analysis; %1$u is its number, %2$s the question,
       * %3$s the answer */
      g_string_append_printf (out, _("  Why %1$u: %2$s — %3$s\n"), i + 1, why->why,
                              why->because);
    }
  if (d->analysis->text != NULL)
    g_string_append_printf (out, "  %s\n", d->analysis->text);
  if (d->extensions->len > 0)
    g_string_append_printf (out, "\n%s\n", _("Extension to similar cases:"));
  for (guint i = 0; i < d->extensions->len; i++)
    {
      const ZichaProblemExtension *e = g_ptr_array_index (d->extensions, i);

      g_string_append_printf (out, "  %s  %s  %s\n", zicha_similar_kind_get_label (e->kind),
                              e->key, zicha_extension_outcome_get_label (e->outcome));
    }
  zicha_cli_print ("%s", out->str);
  return TRUE;
}

static gboolean
problem_show (ZichaCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *format_str = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_auto(Details) details = { 0 };
  ZichaOutputFormat format;
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
  if (args[0] == NULL || args[1] != NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give one problem to show: its number (ZC-2026-001) or id"));
      return FALSE;
    }
  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL || !read_details (db, args[0], &details, error))
    return FALSE;
  switch (format)
    {
    case ZICHA_OUTPUT_JSON:
      return show_json (&details, error);
    case ZICHA_OUTPUT_CSV:
      return show_csv (&details, error);
    case ZICHA_OUTPUT_TABLE:
    default:
      return show_table (&details, error);
    }
}

gboolean
zicha_cli_cmd_problem (ZichaCli  *cli,
                       int        argc,
                       char     **argv,
                       GError   **error)
{
  /* argv[0] is "problem", argv[1] the subcommand, whose options follow it */
  if (argc >= 2 && strcmp (argv[1], "new") == 0)
    return problem_new (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && strcmp (argv[1], "show") == 0)
    return problem_show (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && strcmp (argv[1], "close") == 0)
    return zicha_cli_problem_close (cli, FALSE, argc - 1, argv + 1, error);
  if (argc >= 2 && strcmp (argv[1], "withdraw") == 0)
    return zicha_cli_problem_close (cli, TRUE, argc - 1, argv + 1, error);
  if (!zicha_cli_parse (cli, NULL, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("Use “problem new”, “problem show”, “problem close” or "
                         "“problem withdraw”"));
  return FALSE;
}
