/* zicha-cli.c — the command-line front on core: option parsing and the command table
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zicha-cli.h"
#include "zicha-cli-commands.h"
#include "zicha-cli-private.h"

struct _ZichaCli
{
  const ZichaCliCommand *command;
  const char            *subcommand;  /* "new" of "plan new", or NULL */
  char                  *db_path;     /* --db, or NULL for the default */
  char                  *default_db;  /* zicha_db_default_path(), made on demand */
  gboolean               help_shown;
};

static gboolean cmd_init       (ZichaCli  *cli,
                                int        argc,
                                char     **argv,
                                GError   **error);
static gboolean cmd_audit_time (ZichaCli  *cli,
                                int        argc,
                                char     **argv,
                                GError   **error);

/* Every subcommand of zicha-cli, in the order of the --help list. */
static const ZichaCliCommand commands[] = {
  {
    "init",
    N_("Create the database, or bring it to the current version"),
    NULL,
    cmd_init,
  },
  {
    "audit-time",
    N_("Print the audit time of the IAF MD 5 tables, in auditor-days"),
    N_("Prints the table value of an initial audit (stage 1 + stage 2) for the effective\n"
       "number of personnel, from IAF MD 5:2019 (CNAS-CC105). EMS and OHSMS have complexity\n"
       "categories; OHSMS counts “limited” as “low”.\n"
       "\n"
       "With --type, prints the least time allowed instead: the table value less at most\n"
       "30 percent, a third of that for each surveillance audit and two thirds for a\n"
       "recertification audit."),
    cmd_audit_time,
  },
  {
    "import",
    N_("Import a folder of interchange-format CSV files into the database"),
    N_("Creates the database when it does not exist yet. The import is all or nothing: when a\n"
       "file has errors, nothing is written and every error is printed as\n"
       "FILE:LINE:COLUMN: reason, with exit status 3. Warnings are printed the same way\n"
       "and do not stop the import."),
    zicha_cli_cmd_import,
  },
  {
    "template",
    N_("Write the import templates: every file of the format with its headers and no rows"),
    NULL,
    zicha_cli_cmd_template,
  },
  {
    "demo",
    N_("Create a demo body: fictional records with planted anomalies"),
    N_("With --db, imports the demo data into a new database and records its day there, so\n"
       "that check evaluates the rules as of that day. With --export, writes the\n"
       "interchange-format files to a folder instead (or as well). With --expected, writes\n"
       "the hits the rules must find (rule,entity_type,entity_key). The same seed and the\n"
       "same day give the same data."),
    zicha_cli_cmd_demo,
  },
  {
    "demo-work",
    N_("Add a self-inspection under way to a demo body whose risk rules have run"),
    N_("A plan in progress with its staff and timetable, its checklist partly checked (some\n"
       "items overdue), a sample of certificates drawn by risk and partly reviewed, risk\n"
       "leads confirmed and dismissed, problems of every source with a cause analysis and\n"
       "举一反三: so that every page of the app shows work. Dated from the demo body's day\n"
       "(or --today); the same demo body gives the same work. A database with plans or\n"
       "problems already is refused with exit status 4, one whose rules have not run with\n"
       "exit status 2."),
    zicha_cli_cmd_demo_work,
  },
  {
    "check",
    N_("Run the risk rules and print the hits of each rule"),
    NULL,
    zicha_cli_cmd_check,
  },
  {
    "findings",
    N_("Print the hits of the risk rules"),
    N_("Machine formats (csv, json) have the columns rule, area, severity, entity_type,\n"
       "entity_key, status and message, with English values except the message.\n"
       "\n"
       "They give every value exactly as stored, for other programs: a value that begins\n"
       "with = + - or @ is written as it is, and a spreadsheet may take it for a formula.\n"
       "Open such a file in Excel or WPS with care; the app's exports are made safe for them."),
    zicha_cli_cmd_findings,
  },
  {
    "statistics",
    N_("Print the figures of the report's section 1: scope, certificates, personnel"),
    N_("The figures of 一、认证机构基本情况 as of a date, defined as the report counts them:\n"
       "the approved scope in force, certificates by status, certified organizations, and per\n"
       "period (the two full years before the as-of year, and that year up to the date) the\n"
       "certificates issued, renewed, suspended, withdrawn and cancelled and the penalties;\n"
       "the people employed, full- and part-time, and per scheme by highest qualification.\n"
       "JSON is one object; CSV is section,key,value, one row per figure."),
    zicha_cli_cmd_statistics,
  },
  {
    "confirm",
    N_("Confirm a risk lead as a problem"),
    N_("Makes a new problem of the risk lead (its area, severity, rule, message and records),\n"
       "or adds the lead to the problem given with --problem, and prints the problem’s\n"
       "number. A lead already confirmed or dismissed fails with exit status 1."),
    zicha_cli_cmd_confirm,
  },
  {
    "dismiss",
    N_("Dismiss a risk lead, saying why it is not a problem"),
    NULL,
    zicha_cli_cmd_dismiss,
  },
  {
    "problem",
    N_("Enter a problem by hand, or show one"),
    N_("  problem new --title TEXT --area AREA --severity S [--record TYPE:KEY]…\n"
       "              [--description TEXT] [--found-on YYYY-MM-DD]\n"
       "  problem show PROBLEM\n"
       "  problem close PROBLEM [--note TEXT] [--on YYYY-MM-DD] [--undo]\n"
       "      closes it out (销号): all its measures verified, and you are none of their\n"
       "      responsible people\n"
       "  problem withdraw PROBLEM --reason TEXT [--undo]\n"
       "      withdraws it (不成立); it keeps its number\n"
       "\n"
       "A problem is named by its number (ZC-2026-001) or its id. TYPE is the name of an\n"
       "interchange file (certificates, audits, audit_team, personnel, organizations,\n"
       "expenses, complaints…) and KEY the record’s key (a team row is AUDIT/PERSON).\n"
       "Machine formats of show give one object (json) or section,key,value rows (csv)."),
    zicha_cli_cmd_problem,
  },
  {
    "problems",
    N_("Print the problem list"),
    N_("Machine formats (csv, json) have the columns id, number, status, area, severity,\n"
       "source, found_on and title, with English values except the title."),
    zicha_cli_cmd_problems,
  },
  {
    "measure",
    N_("Add a rectification measure, move it through its states, or show one"),
    N_("Commands:\n"
       "  measure add --problem PROBLEM [--problem …] --kind KIND --text TEXT --owner PERSON\n"
       "              --deadline YYYY-MM-DD [--department DEPARTMENT]\n"
       "      KIND is correction (纠正), corrective (纠正措施) or extension (举一反三);\n"
       "      prints the measure's number\n"
       "  measure set MEASURE [--status STATE] [--note TEXT] [--on DATE]\n"
       "              [--verifier PERSON --conclusion effective|not-effective] [--reason TEXT]\n"
       "              [--text …] [--owner …] [--deadline …] [--department …] [--kind …]\n"
       "              [--org ORG --demand TEXT --org-deadline DATE --notice-no N\n"
       "               --notice-on DATE | --no-org]\n"
       "      states go open → in_progress → done → verified, and done → in_progress when\n"
       "      the verification finds it not effective (--conclusion not-effective, with the\n"
       "      reason in --reason or --note); nothing else. The verifier may not be the\n"
       "      responsible person. --org addresses it to a certified organization (责令整改)\n"
       "  measure show MEASURE\n"
       "  measure link|unlink MEASURE --problem PROBLEM\n"
       "      one measure may serve several problems\n"
       "  measure delete|restore MEASURE\n"
       "  measure respond MEASURE --text TEXT [--on DATE] [--evidence TEXT]\n"
       "      the organization's response to the demand\n"
       "  measure follow-up MEASURE --text TEXT --conclusion effective|not-effective\n"
       "              [--on DATE] [--questions TEXT]\n"
       "      the body's follow-up of the response (e.g. a special audit); not effective\n"
       "      reopens the demand with the questions, and a measure done goes back to\n"
       "      in progress\n"
       "\n"
       "A PERSON is a person id of the personnel or, when there is no such person, a\n"
       "name. An illegal transition fails with exit status 1 and changes nothing. Machine\n"
       "formats print the measure as one object (json) or key,value rows (csv)."),
    zicha_cli_cmd_measure,
  },
  {
    "measures",
    N_("Print the rectification measures"),
    N_("A measure is overdue when its deadline has passed and it is neither done nor\n"
       "verified; --due-within DAYS keeps those neither done nor verified whose deadline\n"
       "is today or within DAYS days. Today is the demo's day in a demo database. JSON is\n"
       "an array of objects with an id."),
    zicha_cli_cmd_measures,
  },
  {
    "evidence",
    N_("Attach evidence files to a measure or a problem, list them, get one back"),
    N_("Commands:\n"
       "  evidence add --measure MEASURE|--problem PROBLEM FILE [--from-org] [--note TEXT]\n"
       "  evidence list --measure MEASURE|--problem PROBLEM [--all]\n"
       "  evidence get EVIDENCE --out FILE\n"
       "      checks the file against its SHA-256 first: exit status 1 when it does not\n"
       "      match (the file was changed or damaged in the database)\n"
       "  evidence remove|restore EVIDENCE\n"
       "      removal can be undone with restore"),
    zicha_cli_cmd_evidence,
  },
  {
    "certificate",
    N_("Handle a problem certificate: suspend, restore, withdraw, cancel, reduce its scope"),
    N_("Commands:\n"
       "  certificate suspend|restore|withdraw|cancel|reduce CERT --reason TEXT\n"
       "              [--on YYYY-MM-DD] [--problem PROBLEM] [--measure MEASURE]\n"
       "              [--scope-codes 17;18 --scope-text TEXT]\n"
       "      writes a certificate event and sets the certificate's status (suspend a valid\n"
       "      certificate, restore a suspended one; withdraw, cancel or reduce a valid or\n"
       "      suspended one); the rules, records and report see it at once\n"
       "  certificate undo CERT\n"
       "      undoes the last handling of the certificate\n"
       "  certificate actions [CERT] [--problem PROBLEM]\n"
       "  certificate clocks [CERT] [--problem PROBLEM] [--measure MEASURE]\n"
       "              [--overdue | --due-within DAYS]\n"
       "      the regulatory clocks: a valid certificate of a problem is suspended within\n"
       "      5 days of the problem's confirmation (the day it was found), a suspension\n"
       "      lasts at most 6 months"),
    zicha_cli_cmd_certificate,
  },
  {
    "ledger",
    N_("Print the rectification ledger (整改台账), one row per problem"),
    N_("The columns of the ledger: number, focus area, source, description, cause\n"
       "analysis, measures, responsible department and person, deadline, completion date\n"
       "and state, evidence, verifier, conclusion, certificates handled and close-out.\n"
       "Cells of several items have one a line in csv and json, joined by “ / ” in the\n"
       "table."),
    zicha_cli_cmd_ledger,
  },
  {
    "rectification",
    N_("Print the figures of the rectification: states, rates, overdue measures, clocks"),
    N_("整改完成率 (completion_rate) is the problems awaiting close-out or closed out over\n"
       "the problems not withdrawn; 销号率 (closeout_rate) the problems closed out over the\n"
       "problems not withdrawn. closed_week.* count the problems closed out each week\n"
       "(Monday to Sunday). JSON is one object."),
    zicha_cli_cmd_rectification,
  },
  {
    "similar",
    N_("List the records similar to a problem, to extend it to similar cases"),
    N_("One group per key the problem shares with other records: the same rule, auditor,\n"
       "certified organization, business scope code, or team leader in the same year; each\n"
       "with the records that share it and their count."),
    zicha_cli_cmd_similar,
  },
  {
    "plan",
    N_("Create a self-inspection plan, or show one with its checklist"),
    N_("Commands:\n"
       "  plan new --title TEXT [--from DATE --to DATE] [--schemes QMS,EMS] …\n"
       "      creates a plan with the built-in checklist (one item per point of the\n"
       "      notice's four focus areas) and prints its number\n"
       "  plan show ID\n"
       "      prints the plan, its progress and its checklist\n"
       "\n"
       "Run “zicha-cli plan new --help” for the options of a command. In the csv format,\n"
       "plan show prints the checklist items; in json, one object with the plan's fields,\n"
       "its staff, milestones, progress and checklist (an array)."),
    zicha_cli_cmd_plan,
  },
  {
    "plans",
    N_("Print the self-inspection plans and their progress"),
    NULL,
    zicha_cli_cmd_plans,
  },
  {
    "checklist",
    N_("Change a checklist item: its status, conclusion or assignee"),
    N_("Commands:\n"
       "  checklist set ITEM [--status S] [--conclusion C] [--assignee P] …\n"
       "      ITEM is the item's number (plan show prints it). The assignee is a person id\n"
       "      of the body's personnel or, when there is no such person, a free name.\n"
       "      Prints the item as it is afterwards."),
    zicha_cli_cmd_checklist,
  },
  {
    "sample",
    N_("Draw a sample of certificates for a plan (file review or field visits)"),
    N_("Draws from the certificates valid on a date (status valid, issued on or before\n"
       "it and expiring on or after it), optionally limited to schemes, lead auditors and\n"
       "years of issue. The lead auditor of a certificate is the leader of its latest audit\n"
       "on or before the date. Simple random by default; with --risk-weighted, each\n"
       "certificate weighs 1 + its risk score. With --key-items, the certificates with a\n"
       "high-severity open or confirmed hit (on themselves, their audits or audit teams)\n"
       "are all taken first. Stratified, the size is shared out in proportion to the\n"
       "strata by largest remainders. Without --size the size is the square root of the\n"
       "number of certificates in the frame, rounded up; without --valid-on the date is\n"
       "the demo's day in a demo database, else today. The seed is recorded: the same\n"
       "seed, frame and data draw the same certificates on any machine."),
    zicha_cli_cmd_sample,
  },
  {
    "samples",
    N_("Print the samples drawn for a plan"),
    NULL,
    zicha_cli_cmd_samples,
  },
};

/* Output */

static void
write_text (FILE       *stream,
            const char *text)
{
  fputs (text, stream);
}

void
zicha_cli_print (const char *format,
                 ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  write_text (stdout, text);
}

void
zicha_cli_printerr (const char *format,
                    ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fflush (stdout);
  fprintf (stderr, "zicha-cli: %s\n", text);
  fflush (stderr);
}

/* Option parsing */

static const ZichaCliCommand *
find_command (const char *name)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* GOptionContext errors (unknown option, missing or bad value) are usage errors. */
static gboolean
usage_error_from (GError  *option_error,
                  GError **error)
{
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, option_error->message);
  g_error_free (option_error);
  return FALSE;
}

static gboolean
take_db_option (ZichaCli  *cli,
                char     **db,
                GError   **error)
{
  if (*db == NULL)
    return TRUE;
  if (**db == '\0')
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("The database file name given with --db is empty"));
      return FALSE;
    }
  g_free (cli->db_path);
  cli->db_path = g_steal_pointer (db);
  return TRUE;
}

static char **
copy_args (int    argc,
           char **argv)
{
  char **args = g_new0 (char *, MAX (argc, 0) + 1);
  int i;

  for (i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  return args;
}

static char *
command_help (GOptionContext *context,
              const char     *name)
{
  g_autofree char *prgname = g_strdup_printf ("zicha-cli %s", name);
  char *help;

  /* The usage line of GOptionContext names the program; name the command too. */
  g_set_prgname (prgname);
  help = g_option_context_get_help (context, TRUE, NULL);
  g_set_prgname ("zicha-cli");
  return help;
}

gboolean
zicha_cli_parse (ZichaCli            *cli,
                 const GOptionEntry  *entries,
                 int                  argc,
                 char               **argv,
                 char              ***out_args,
                 GError             **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *db = NULL;
  gboolean help = FALSE;
  GError *local_error = NULL;
  const GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Use the database FILE instead of the default one"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (cli != NULL && cli->command != NULL, FALSE);

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(cli->command->summary));
  if (cli->command->description != NULL)
    g_option_context_set_description (context, _(cli->command->description));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  args = copy_args (argc, argv);
  if (!g_option_context_parse_strv (context, &args, &local_error))
    return usage_error_from (local_error, error);

  if (help)
    {
      g_autofree char *name = zicha_cli_get_command_name (cli);
      g_autofree char *text = command_help (context, name);

      write_text (stdout, text);
      cli->help_shown = TRUE;
      return TRUE;
    }

  if (!take_db_option (cli, &db, error))
    return FALSE;

  /* args[0] is the command's name */
  if (args[0] != NULL && args[1] != NULL)
    {
      if (out_args == NULL)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed */
                       _("Unexpected argument “%s”"), args[1]);
          return FALSE;
        }
      *out_args = g_strdupv (args + 1);
    }
  else if (out_args != NULL)
    *out_args = g_new0 (char *, 1);

  return TRUE;
}

void
zicha_cli_set_subcommand (ZichaCli   *cli,
                          const char *name)
{
  g_return_if_fail (cli != NULL);

  cli->subcommand = name;
}

char *
zicha_cli_get_command_name (ZichaCli *cli)
{
  g_return_val_if_fail (cli != NULL && cli->command != NULL, NULL);

  if (cli->subcommand != NULL)
    return g_strdup_printf ("%s %s", cli->command->name, cli->subcommand);
  return g_strdup (cli->command->name);
}

gboolean
zicha_cli_help_shown (ZichaCli *cli)
{
  g_return_val_if_fail (cli != NULL, FALSE);

  return cli->help_shown;
}

const char *
zicha_cli_get_db_path (ZichaCli *cli)
{
  g_return_val_if_fail (cli != NULL, NULL);

  if (cli->db_path != NULL)
    return cli->db_path;
  if (cli->default_db == NULL)
    cli->default_db = zicha_db_default_path ();
  return cli->default_db;
}

gboolean
zicha_cli_db_is_default (ZichaCli *cli)
{
  g_return_val_if_fail (cli != NULL, FALSE);

  return cli->db_path == NULL;
}

gboolean
zicha_cli_make_default_folder (ZichaCli  *cli,
                               GError   **error)
{
  g_autofree char *folder = g_path_get_dirname (zicha_cli_get_db_path (cli));

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %1$s is a folder, %2$s the system's reason */
                   _("Could not create the folder %1$s: %2$s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

ZichaDb *
zicha_cli_open_db (ZichaCli          *cli,
                   ZichaDbOpenFlags   flags,
                   GError           **error)
{
  /* Only the default location is ours to make; a folder the user named must exist. */
  if (zicha_cli_db_is_default (cli) && (flags & ZICHA_DB_OPEN_CREATE)
      && !zicha_cli_make_default_folder (cli, error))
    return NULL;

  return zicha_db_open (zicha_cli_get_db_path (cli), flags, error);
}

gboolean
zicha_cli_parse_format (const char         *str,
                        ZichaOutputFormat  *out,
                        GError            **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (str == NULL)
    {
      *out = ZICHA_OUTPUT_TABLE;
      return TRUE;
    }
  if (zicha_output_format_from_string (str, out))
    return TRUE;
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
               /* Translators: %s is what the user typed; keep table, csv and json */
               _("Unknown output format “%s”: use table, csv or json"), str);
  return FALSE;
}

/* init */

static gboolean
cmd_init (ZichaCli  *cli,
          int        argc,
          char     **argv,
          GError   **error)
{
  g_autoptr(ZichaDb) db = NULL;
  g_autofree char *display = NULL;
  ZichaDbFileState state = ZICHA_DB_FILE_MISSING;
  int old_version = 0;
  const char *path;

  if (!zicha_cli_parse (cli, NULL, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;

  path = zicha_cli_get_db_path (cli);
  /* Probing changes nothing; it tells which version a migration starts from. */
  if (!zicha_db_probe (path, &state, &old_version, error))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_CREATE, error);
  if (db == NULL)
    return FALSE;

  display = g_filename_display_name (path);
  if (zicha_db_get_created (db))
    /* Translators: %1$s is a file, %2$d the schema version */
    zicha_cli_print (_("Created the database %1$s (version %2$d)\n"),
                     display, zicha_db_schema_version ());
  else if (zicha_db_get_migrated (db))
    /* Translators: %1$s is a file, %2$d and %3$d schema versions */
    zicha_cli_print (_("Migrated the database %1$s from version %2$d to version %3$d\n"),
                     display, old_version, zicha_db_schema_version ());
  else
    /* Translators: %1$s is a file, %2$d the schema version */
    zicha_cli_print (_("The database %1$s is already at version %2$d\n"),
                     display, zicha_db_schema_version ());

  if (zicha_db_get_on_network_fs (db))
    zicha_cli_printerr (_("The database is on a network file system: write-ahead logging is "
                          "off, so keep only one program at a time working on it"));
  return TRUE;
}

/* audit-time */

static gboolean
parse_audit_kind (const char         *str,
                  ZichaAuditTimeKind *out)
{
  static const struct { const char *name; ZichaAuditTimeKind kind; } kinds[] = {
    { "initial", ZICHA_AUDIT_TIME_INITIAL },
    { "surveillance", ZICHA_AUDIT_TIME_SURVEILLANCE },
    { "recertification", ZICHA_AUDIT_TIME_RECERTIFICATION },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (str, kinds[i].name) == 0)
      {
        *out = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

static gboolean
cmd_audit_time (ZichaCli  *cli,
                int        argc,
                char     **argv,
                GError   **error)
{
  g_autofree char *scheme = NULL;
  g_autofree char *personnel_str = NULL;
  g_autofree char *complexity_str = NULL;
  g_autofree char *type_str = NULL;
  g_autofree char *text = NULL;
  ZichaComplexity complexity = ZICHA_COMPLEXITY_MEDIUM;
  ZichaAuditTimeKind kind = ZICHA_AUDIT_TIME_INITIAL;
  guint64 personnel = 0;
  gint table_value;
  const GOptionEntry entries[] = {
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme,
      N_("The scheme: QMS, EMS or OHSMS"), N_("SCHEME") },
    { "personnel", 0, 0, G_OPTION_ARG_STRING, &personnel_str,
      N_("The effective number of personnel"), N_("NUMBER") },
    { "complexity", 0, 0, G_OPTION_ARG_STRING, &complexity_str,
      N_("EMS and OHSMS: high, medium (the default), low or limited"),
      N_("CATEGORY") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_str,
      N_("Print the least time allowed: initial, surveillance or recertification"),
      N_("TYPE") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;

  if (scheme == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the scheme with --scheme: QMS, EMS or OHSMS"));
      return FALSE;
    }
  if (!zicha_audit_time_has_table (scheme))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is the scheme the user typed, e.g. FSMS */
                   _("There is no audit time table for the scheme “%s”: use QMS, EMS or OHSMS"),
                   scheme);
      return FALSE;
    }

  if (personnel_str == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the effective number of personnel with --personnel"));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (personnel_str, 10, 1, G_MAXINT64, &personnel, NULL))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed */
                   _("The number of personnel must be a whole number of 1 or more, not “%s”"),
                   personnel_str);
      return FALSE;
    }

  if (complexity_str != NULL)
    {
      if (!zicha_audit_time_uses_complexity (scheme))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is a scheme such as QMS */
                       _("--complexity applies to EMS and OHSMS only, not to %s"), scheme);
          return FALSE;
        }
      if (!zicha_complexity_from_string (complexity_str, &complexity))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the English words */
                       _("Unknown complexity “%s”: use high, medium, low or limited"),
                       complexity_str);
          return FALSE;
        }
    }

  if (type_str != NULL && !parse_audit_kind (type_str, &kind))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed; keep the English words */
                   _("Unknown audit type “%s”: use initial, surveillance or recertification"),
                   type_str);
      return FALSE;
    }

  table_value = zicha_audit_time_table_value (scheme, (gint64) personnel, complexity);
  g_assert (table_value >= 0);

  if (type_str == NULL)
    text = zicha_format_hundredths (table_value);
  else
    text = zicha_audit_time_format_minimum (table_value, kind,
                                            ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT);
  zicha_cli_print ("%s\n", text);
  return TRUE;
}

/* The program */

static char *
main_help (GOptionContext *context)
{
  g_autoptr(GString) summary = g_string_new (_("Commands:"));
  gsize width = 0;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));
  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      gsize pad;

      g_string_append_printf (summary, "\n  %s", commands[i].name);
      for (pad = strlen (commands[i].name); pad < width + 2; pad++)
        g_string_append_c (summary, ' ');
      g_string_append (summary, _(commands[i].summary));
    }
  g_option_context_set_summary (context, summary->str);
  g_option_context_set_description (context,
    _("Run “zicha-cli COMMAND --help” for the options of a command.\n"
      "\n"
      "Exit status:\n"
      "  0  success\n"
      "  1  failure: a database that cannot be opened, a missing file or folder\n"
      "  2  wrong usage\n"
      "  3  invalid input data\n"
      "  4  conflicts wait for a choice\n"
      "  5  verification found breaks\n"
      "\n"
      "The csv and json formats give values exactly as stored, for other programs (a value\n"
      "that begins with = stays so): open them in a spreadsheet with care."));
  return g_option_context_get_help (context, TRUE, NULL);
}

/* Returns the exit status; sets @error for every failure it has a message for. */
static int
run (ZichaCli  *cli,
     int        argc,
     char     **argv,
     GError   **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *db = NULL;
  gboolean help = FALSE;
  gboolean version = FALSE;
  GError *local_error = NULL;
  const ZichaCliCommand *command;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Use the database FILE instead of the default one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  /* Translators: the parameters of the program in its usage line */
  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_help_enabled (context, FALSE);
  /* options before the command name are the program's, the rest the command's */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (argc > 0)
    args = copy_args (argc, argv);
  else
    args = g_strsplit ("zicha-cli", " ", -1);
  if (!g_option_context_parse_strv (context, &args, &local_error))
    {
      usage_error_from (local_error, error);
      return ZICHA_EXIT_USAGE;
    }

  if (help)
    {
      g_autofree char *text = main_help (context);

      write_text (stdout, text);
      return ZICHA_EXIT_OK;
    }
  if (version)
    {
      zicha_cli_print ("zicha-cli %s\n", PACKAGE_VERSION);
      return ZICHA_EXIT_OK;
    }
  if (!take_db_option (cli, &db, error))
    return ZICHA_EXIT_USAGE;

  if (args[1] == NULL)
    {
      g_autofree char *text = main_help (context);

      fflush (stdout);
      write_text (stderr, text);
      return ZICHA_EXIT_USAGE;
    }

  command = find_command (args[1]);
  if (command == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s is what the user typed */
                   _("Unknown command “%s”"), args[1]);
      return ZICHA_EXIT_USAGE;
    }

  cli->command = command;
  if (!command->handler (cli, (int) g_strv_length (args + 1), args + 1, error))
    {
      /* a handler that fails says why */
      g_assert (error == NULL || *error != NULL);
      return error != NULL ? zicha_error_exit_code (*error) : ZICHA_EXIT_FAILURE;
    }
  return ZICHA_EXIT_OK;
}

int
zicha_cli_run (int    argc,
               char **argv)
{
  ZichaCli cli = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  zicha_core_init_i18n ();
  g_set_prgname ("zicha-cli");

  status = run (&cli, argc, argv, &error);
  if (error != NULL)
    {
      zicha_cli_printerr ("%s", error->message);
      if (status == ZICHA_EXIT_USAGE)
        {
          if (cli.command != NULL)
            {
              g_autofree char *name = zicha_cli_get_command_name (&cli);

              /* Translators: %s is a command name such as init */
              fprintf (stderr, _("Run “zicha-cli %s --help” for its options.\n"), name);
            }
          else
            fputs (_("Run “zicha-cli --help” for the commands.\n"), stderr);
        }
    }

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      if (status == ZICHA_EXIT_OK)
        {
          zicha_cli_printerr (_("Could not write the output: %s"), g_strerror (errno));
          status = ZICHA_EXIT_FAILURE;
        }
    }

  g_free (cli.db_path);
  g_free (cli.default_db);
  return status;
}
