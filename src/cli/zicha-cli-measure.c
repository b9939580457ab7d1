/* zicha-cli-measure.c — zicha-cli measure: one rectification measure (整改措施)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * measure add|set|show|link|unlink|delete|restore|respond|follow-up work on one measure, named
 * by its number. set moves the measure first (a refused transition changes nothing), then its
 * fields, then its demand to an organization. What the commands print, and the helpers they
 * share with the other rectification commands, are in zicha-cli-measures.c. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-cli-rectification-private.h"

/* measure add ------------------------------------------------------------------------------ */

static gboolean
parse_kind (const char *text, ZichaMeasureKind *out, GError **error)
{
  if (text != NULL && zicha_measure_kind_from_string (text, out))
    return TRUE;
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
               /* Translators: %s is what the user typed; keep the English words */
               _("Unknown kind of measure “%s”: use correction, corrective or extension"),
               text != NULL ? text : "");
  return FALSE;
}

/* What add and set print: for people the number alone, for machines the measure. */
static gboolean
print_result (ZichaDb *db, gint64 id, ZichaOutputFormat format, gboolean short_form,
              GError **error)
{
  g_autoptr(ZichaMeasure) measure = zicha_measures_get (db, id, error);

  if (measure == NULL)
    return FALSE;
  if (short_form && format == ZICHA_OUTPUT_TABLE)
    {
      zicha_cli_print ("%" G_GINT64_FORMAT "\n", id);
      return TRUE;
    }
  return zicha_cli_rect_print_measure (format, measure, error);
}

static gboolean
measure_add (ZichaCli *cli, int argc, char **argv, GError **error)
{
  g_auto(GStrv) problems = NULL;
  g_autofree char *kind_str = NULL, *text = NULL, *owner = NULL, *deadline = NULL;
  g_autofree char *department = NULL, *format_str = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ZichaDb) db = NULL;
  ZichaMeasureDraft draft = { 0 };
  ZichaOutputFormat format;
  gint64 id;
  const GOptionEntry entries[] = {
    { "problem", 0, 0, G_OPTION_ARG_STRING_ARRAY, &problems,
      N_("A problem it serves, by number or id (repeat for more)"), N_("PROBLEM") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_str,
      N_("correction (纠正), corrective (纠正措施) or extension (举一反三)"), N_("KIND") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("What is done"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner,
      N_("The responsible person: a person id of the personnel, or a name"), N_("PERSON") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("The deadline"), N_("YYYY-MM-DD") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department,
      N_("The responsible department"), N_("DEPARTMENT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (problems == NULL || problems[0] == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the problem the measure serves with --problem"));
      return FALSE;
    }
  if (!zicha_cli_require (kind_str, _("Give the kind of measure with --kind"), error)
      || !parse_kind (kind_str, &draft.kind, error)
      || !zicha_cli_require (text, _("Give what is done with --text"), error)
      || !zicha_cli_require (owner, _("Give the responsible person with --owner"), error)
      || !zicha_cli_require (deadline, _("Give the deadline with --deadline"), error)
      || !zicha_cli_rect_check_date ("--deadline", deadline, error)
      || !zicha_cli_check_text ("--text", text, error)
      || !zicha_cli_check_text ("--owner", owner, error)
      || !zicha_cli_check_text ("--department", department, error)
      || !zicha_cli_parse_format (format_str, &format, error))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  for (guint i = 0; problems[i] != NULL; i++)
    {
      gint64 problem = 0;

      if (!zicha_cli_rect_find_problem (db, problems[i], &problem, error))
        return FALSE;
      g_array_append_val (ids, problem);
    }
  draft.text = text;
  draft.department = department;
  draft.deadline = deadline;
  zicha_cli_rect_person (db, owner, &draft.responsible_person_id, &draft.responsible);
  id = zicha_measures_add (db, (const gint64 *) (gpointer) ids->data, ids->len, &draft,
                           zicha_cli_user_name (), error);
  return id != 0 && print_result (db, id, format, TRUE, error);
}

/* measure set ------------------------------------------------------------------------------ */

typedef struct
{
  char *status, *note, *on, *verifier, *conclusion, *reason;
  char *kind, *text, *owner, *deadline, *department;
  char *org, *notice_no, *notice_on, *demand, *org_deadline;
  gboolean no_org;
  char *format;
} SetOptions;

static void
set_options_clear (SetOptions *o)
{
  g_free (o->status); g_free (o->note); g_free (o->on); g_free (o->verifier);
  g_free (o->conclusion); g_free (o->reason); g_free (o->kind); g_free (o->text);
  g_free (o->owner); g_free (o->deadline); g_free (o->department); g_free (o->org);
  g_free (o->notice_no); g_free (o->notice_on); g_free (o->demand); g_free (o->org_deadline);
  g_free (o->format);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SetOptions, set_options_clear)

/* The status and transition asked for; FALSE in @out_any when none. */
static gboolean
parse_transition (const SetOptions *o, gboolean *out_any, ZichaMeasureStatus *out_to,
                  ZichaConclusion *out_conclusion, GError **error)
{
  *out_any = o->status != NULL || o->conclusion != NULL;
  *out_conclusion = ZICHA_CONCLUSION_NONE;
  if (o->conclusion != NULL && (!zicha_conclusion_from_string (o->conclusion, out_conclusion)
                                || *out_conclusion == ZICHA_CONCLUSION_NONE))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown conclusion “%s”: use effective or not-effective"), o->conclusion);
      return FALSE;
    }
  if (o->status != NULL)
    {
      if (!zicha_measure_status_from_string (o->status, out_to))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the English words */
                       _("Unknown state of a measure “%s”: use open, in_progress, done or "
                         "verified"), o->status);
          return FALSE;
        }
    }
  else if (*out_conclusion == ZICHA_CONCLUSION_EFFECTIVE)
    *out_to = ZICHA_MEASURE_VERIFIED;
  else if (*out_conclusion == ZICHA_CONCLUSION_NOT_EFFECTIVE)
    *out_to = ZICHA_MEASURE_IN_PROGRESS;
  return TRUE;
}

static gboolean
update_fields (ZichaDb *db, gint64 id, const SetOptions *o, GError **error)
{
  g_autoptr(ZichaMeasure) m = zicha_measures_get (db, id, error);
  ZichaMeasureDraft draft = { 0 };

  if (m == NULL)
    return FALSE;
  draft.kind = m->kind;
  draft.text = o->text != NULL ? o->text : m->text;
  draft.department = o->department != NULL ? o->department : m->department;
  draft.deadline = o->deadline != NULL ? o->deadline : m->deadline;
  if (o->owner != NULL)
    zicha_cli_rect_person (db, o->owner, &draft.responsible_person_id, &draft.responsible);
  else
    {
      draft.responsible_person_id = m->responsible_person_id;
      draft.responsible = m->responsible_person_id == NULL ? m->responsible : NULL;
    }
  if (o->kind != NULL && !parse_kind (o->kind, &draft.kind, error))
    return FALSE;
  return zicha_measures_update (db, id, &draft, zicha_cli_user_name (), error);
}

static gboolean
measure_set (ZichaCli *cli, int argc, char **argv, GError **error)
{
  g_auto(SetOptions) o = { 0 };
  g_auto(GStrv) args = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaMeasureTransition transition = { 0 };
  ZichaMeasureStatus to = ZICHA_MEASURE_OPEN;
  ZichaOutputFormat format;
  gboolean any_status, any_field, any_org;
  gint64 id;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &o.status,
      N_("The next state: in_progress, done or verified"), N_("STATE") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &o.note,
      N_("The completion or verification note (and the reason when not effective)"),
      N_("TEXT") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &o.on,
      N_("The date of the completion or verification (default: today)"), N_("YYYY-MM-DD") },
    { "verifier", 0, 0, G_OPTION_ARG_FILENAME, &o.verifier,
      N_("Who verified it (default: you)"), N_("PERSON") },
    { "conclusion", 0, 0, G_OPTION_ARG_STRING, &o.conclusion,
      N_("The verification's conclusion: effective or not-effective"), N_("CONCLUSION") },
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &o.reason,
      N_("Why a verification sends it back to in progress"), N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("A new kind"), N_("KIND") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &o.text, N_("A new text"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &o.owner, N_("A new responsible person"),
      N_("PERSON") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &o.deadline, N_("A new deadline"),
      N_("YYYY-MM-DD") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &o.department,
      N_("A new responsible department"), N_("DEPARTMENT") },
    { "org", 0, 0, G_OPTION_ARG_FILENAME, &o.org,
      N_("Address it to the certified organization ORG (责令整改)"), N_("ORG") },
    { "notice-no", 0, 0, G_OPTION_ARG_FILENAME, &o.notice_no,
      N_("The number of the rectification notice (整改通知书)"), N_("NUMBER") },
    { "notice-on", 0, 0, G_OPTION_ARG_STRING, &o.notice_on, N_("The date of the notice"),
      N_("YYYY-MM-DD") },
    { "demand", 0, 0, G_OPTION_ARG_FILENAME, &o.demand,
      N_("What the organization must do"), N_("TEXT") },
    { "org-deadline", 0, 0, G_OPTION_ARG_STRING, &o.org_deadline,
      N_("By when the organization must respond"), N_("YYYY-MM-DD") },
    { "no-org", 0, 0, G_OPTION_ARG_NONE, &o.no_org,
      N_("Address it to no organization any more"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, &args, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (args[0] == NULL || args[1] != NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give one measure by its number"));
      return FALSE;
    }
  any_field = o.kind != NULL || o.text != NULL || o.owner != NULL || o.deadline != NULL
              || o.department != NULL;
  any_org = o.org != NULL || o.no_org;
  if (!zicha_cli_rect_parse_measure (args[0], &id, error)
      || !parse_transition (&o, &any_status, &to, &transition.conclusion, error)
      || !zicha_cli_parse_format (o.format, &format, error)
      || !zicha_cli_rect_check_date ("--on", o.on, error)
      || !zicha_cli_rect_check_date ("--deadline", o.deadline, error)
      || !zicha_cli_rect_check_date ("--notice-on", o.notice_on, error)
      || !zicha_cli_rect_check_date ("--org-deadline", o.org_deadline, error))
    return FALSE;
  for (guint i = 0; i < 6; i++)
    {
      const char *names[] = { "--note", "--verifier", "--reason", "--text", "--owner",
                              "--demand" };
      const char *values[] = { o.note, o.verifier, o.reason, o.text, o.owner, o.demand };

      if (!zicha_cli_check_text (names[i], values[i], error))
        return FALSE;
    }
  if (!any_status && !any_field && !any_org)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give what to change: --status, --conclusion, --text, --owner, "
                             "--deadline, --department, --kind or --org"));
      return FALSE;
    }
  if (o.org != NULL && o.no_org)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give --org or --no-org, not both"));
      return FALSE;
    }

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  /* the transition first: when it is refused, nothing has changed */
  if (any_status)
    {
      transition.on = o.on;
      transition.note = o.note;
      transition.reason = o.reason != NULL ? o.reason : o.note;
      zicha_cli_rect_person (db, o.verifier, &transition.verifier_person_id,
                             &transition.verifier);
      if (!zicha_measures_set_status (db, id, to, &transition, zicha_cli_user_name (), error))
        return FALSE;
    }
  if (any_field && !update_fields (db, id, &o, error))
    return FALSE;
  if (any_org)
    {
      ZichaOrgDemand demand = {
        .org_id = o.org, .notice_no = o.notice_no, .notice_on = o.notice_on,
        .demand = o.demand, .deadline = o.org_deadline,
      };

      if (!zicha_measures_set_org_demand (db, id, o.no_org ? NULL : &demand,
                                          zicha_cli_user_name (), error))
        return FALSE;
    }
  return print_result (db, id, format, FALSE, error);
}

/* The smaller commands of one measure ---------------------------------------------------- */

typedef enum { SHOW, LINK, UNLINK, DELETE, RESTORE, RESPOND, FOLLOW_UP } Simple;

static gboolean
measure_simple (ZichaCli *cli, Simple what, int argc, char **argv, GError **error)
{
  g_autofree char *problem = NULL, *text = NULL, *on = NULL, *evidence = NULL;
  g_autofree char *conclusion_str = NULL, *questions = NULL, *format_str = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaConclusion conclusion = ZICHA_CONCLUSION_NONE;
  ZichaOutputFormat format;
  const char *user = zicha_cli_user_name ();
  gint64 id, problem_id = 0;
  gboolean ok;
  GOptionEntry entries[8] = { { 0 } };
  guint n = 0;

#define ENTRY(l, a, v, d, ad) entries[n++] = (GOptionEntry) { l, 0, 0, a, v, d, ad }
  if (what == LINK || what == UNLINK)
    ENTRY ("problem", G_OPTION_ARG_STRING, &problem, N_("The problem, by number or id"),
           N_("PROBLEM"));
  if (what == RESPOND || what == FOLLOW_UP)
    {
      ENTRY ("text", G_OPTION_ARG_FILENAME, &text,
             what == RESPOND ? N_("The organization’s response")
                             : N_("How it was followed up, e.g. a special audit"), N_("TEXT"));
      ENTRY ("on", G_OPTION_ARG_STRING, &on, N_("The date (default: today)"), N_("YYYY-MM-DD"));
    }
  if (what == RESPOND)
    ENTRY ("evidence", G_OPTION_ARG_FILENAME, &evidence,
           N_("What evidence the organization sent"), N_("TEXT"));
  if (what == FOLLOW_UP)
    {
      ENTRY ("conclusion", G_OPTION_ARG_STRING, &conclusion_str,
             N_("effective or not-effective"), N_("CONCLUSION"));
      ENTRY ("questions", G_OPTION_ARG_FILENAME, &questions,
             N_("The follow-up questions, when not effective"), N_("TEXT"));
    }
  ENTRY ("format", G_OPTION_ARG_STRING, &format_str,
         N_("Output format: table (the default), csv or json"), N_("FORMAT"));
#undef ENTRY

  if (!zicha_cli_parse (cli, entries, argc, argv, &args, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (args[0] == NULL || args[1] != NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give one measure by its number"));
      return FALSE;
    }
  if (!zicha_cli_rect_parse_measure (args[0], &id, error)
      || !zicha_cli_parse_format (format_str, &format, error)
      || !zicha_cli_rect_check_date ("--on", on, error)
      || !zicha_cli_check_text ("--text", text, error)
      || !zicha_cli_check_text ("--evidence", evidence, error)
      || !zicha_cli_check_text ("--questions", questions, error))
    return FALSE;
  if ((what == LINK || what == UNLINK)
      && !zicha_cli_require (problem, _("Give the problem with --problem"), error))
    return FALSE;
  if ((what == RESPOND || what == FOLLOW_UP)
      && !zicha_cli_require (text, _("Give the text with --text"), error))
    return FALSE;
  if (what == FOLLOW_UP
      && (!zicha_cli_require (conclusion_str, _("Give the conclusion with --conclusion"), error)
          || !zicha_conclusion_from_string (conclusion_str, &conclusion)
          || conclusion == ZICHA_CONCLUSION_NONE))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                     /* Translators: %s is what the user typed; keep the English words */
                     _("Unknown conclusion “%s”: use effective or not-effective"),
                     conclusion_str);
      return FALSE;
    }

  db = zicha_cli_open_db (cli, what == SHOW ? ZICHA_DB_OPEN_READ_ONLY : ZICHA_DB_OPEN_DEFAULT,
                          error);
  if (db == NULL)
    return FALSE;
  if (problem != NULL && !zicha_cli_rect_find_problem (db, problem, &problem_id, error))
    return FALSE;
  switch (what)
    {
    case LINK:
      ok = zicha_measures_link_problem (db, id, problem_id, user, error);
      break;
    case UNLINK:
      ok = zicha_measures_unlink_problem (db, id, problem_id, user, error);
      break;
    case DELETE:
      ok = zicha_measures_delete (db, id, user, error);
      break;
    case RESTORE:
      ok = zicha_measures_undo_delete (db, id, user, error);
      break;
    case RESPOND:
      ok = zicha_measures_set_org_response (db, id, text, on, evidence, user, error);
      break;
    case FOLLOW_UP:
      ok = zicha_measures_set_follow_up (db, id, text, on, conclusion, questions, user, error);
      break;
    case SHOW:
    default:
      ok = TRUE;
      break;
    }
  return ok && print_result (db, id, format, FALSE, error);
}

gboolean
zicha_cli_cmd_measure (ZichaCli  *cli,
                       int        argc,
                       char     **argv,
                       GError   **error)
{
  static const struct { const char *name; int simple; } subs[] = {
    { "add", -1 }, { "set", -2 }, { "show", SHOW }, { "link", LINK }, { "unlink", UNLINK },
    { "delete", DELETE }, { "restore", RESTORE }, { "respond", RESPOND },
    { "follow-up", FOLLOW_UP },
  };

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (subs); i++)
    if (strcmp (argv[1], subs[i].name) == 0)
      {
        zicha_cli_set_subcommand (cli, subs[i].name);
        if (subs[i].simple == -1)
          return measure_add (cli, argc - 1, argv + 1, error);
        if (subs[i].simple == -2)
          return measure_set (cli, argc - 1, argv + 1, error);
        return measure_simple (cli, (Simple) subs[i].simple, argc - 1, argv + 1, error);
      }
  if (argc >= 2 && argv[1][0] != '-')
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the command names */
                   _("Unknown measure command “%s”: use add, set, show, link, unlink, delete, "
                     "restore, respond or follow-up"), argv[1]);
      return FALSE;
    }
  if (!zicha_cli_parse (cli, NULL, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("Give a measure command: add, set, show, link, unlink, delete, "
                         "restore, respond or follow-up"));
  return FALSE;
}
