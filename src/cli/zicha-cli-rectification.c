/* zicha-cli-rectification.c — zicha-cli evidence, certificate, ledger and rectification, and
 * problem close / problem withdraw
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence files are named by their number (evidence list prints it); evidence get checks the
 * file against its SHA-256 and fails with exit status 1 when it does not match. certificate
 * handles a problem certificate (suspend, restore, withdraw, cancel, reduce), undoes the last
 * handling, lists the handling and the regulatory clocks. ledger prints the 整改台账, one row
 * per problem; rectification prints the figures of the Overview. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-cli-plans-private.h"
#include "zicha-cli-rectification-private.h"
#include "zicha-evidence.h"
#include "zicha-ledger.h"
#include "zicha-rectification-summary.h"

static gboolean
one_argument (char **args, const char *message, GError **error)
{
  if (args[0] != NULL && args[1] == NULL)
    return TRUE;
  g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, message);
  return FALSE;
}

/* The subcommand @name as a static string (zicha_cli_set_subcommand () keeps the pointer). */
static const char *
static_name (const char *name)
{
  static const char * const names[] = {
    "add", "list", "get", "remove", "restore", "suspend", "withdraw", "cancel", "reduce",
    "undo", "actions", "clocks",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      return names[i];
  return NULL;
}

/* evidence ---------------------------------------------------------------------------------- */

static gboolean
evidence_owner (ZichaDb *db, const char *measure, const char *problem, gint64 *out_measure,
                gint64 *out_problem, GError **error)
{
  *out_measure = 0;
  *out_problem = 0;
  if ((measure != NULL) == (problem != NULL))
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give --measure or --problem (one of them)"));
      return FALSE;
    }
  if (measure != NULL)
    return zicha_cli_rect_parse_measure (measure, out_measure, error);
  return db == NULL || zicha_cli_rect_find_problem (db, problem, out_problem, error);
}

static gboolean
evidence_list (ZichaDb *db, gint64 measure, gint64 problem, gboolean all,
               ZichaOutputFormat format, GError **error)
{
  g_autoptr(GPtrArray) files = zicha_evidence_list (db, measure, problem, all, error);
  g_autoptr(ZichaTable) table = NULL;
  guint c_id, c_name, c_type, c_size, c_sha, c_from, c_at, c_by, c_removed;

  if (files == NULL)
    return FALSE;
  table = zicha_table_new ();
  c_id = zicha_table_add_column (table, "id", _("File no."), ZICHA_COLUMN_NUMBER);
  c_name = zicha_table_add_column (table, "file_name", _("File"), ZICHA_COLUMN_TEXT);
  c_type = zicha_table_add_column (table, "mime_type", _("Type"), ZICHA_COLUMN_TEXT);
  c_size = zicha_table_add_column (table, "size", _("Bytes"), ZICHA_COLUMN_NUMBER);
  c_sha = zicha_table_add_column (table, "sha256", "SHA-256", ZICHA_COLUMN_TEXT);
  c_from = zicha_table_add_column (table, "from_org", _("From the organization"),
                                   ZICHA_COLUMN_TEXT);
  c_at = zicha_table_add_column (table, "added_at", _("Added at"), ZICHA_COLUMN_TEXT);
  c_by = zicha_table_add_column (table, "added_by", _("Added by"), ZICHA_COLUMN_TEXT);
  c_removed = zicha_table_add_column (table, "removed_at", _("Removed at"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < files->len; i++)
    {
      const ZichaEvidence *e = g_ptr_array_index (files, i);
      g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, e->size);

      zicha_table_add_row (table);
      zicha_cli_table_set_id (table, c_id, e->id);
      zicha_table_set (table, c_name, e->file_name);
      zicha_table_set (table, c_type, e->mime_type);
      zicha_table_set (table, c_size, size);
      zicha_table_set (table, c_sha, e->sha256);
      zicha_table_set_display (table, c_from, e->from_org ? "yes" : "no",
                               e->from_org ? _("yes") : _("no"));
      zicha_table_set (table, c_at, e->added_at);
      zicha_table_set (table, c_by, e->added_by);
      zicha_table_set (table, c_removed, e->removed_at);
    }
  return zicha_cli_write_table (table, format, error);
}

gboolean
zicha_cli_cmd_evidence (ZichaCli  *cli,
                        int        argc,
                        char     **argv,
                        GError   **error)
{
  g_autofree char *measure = NULL, *problem = NULL, *out = NULL, *note = NULL;
  g_autofree char *format_str = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(ZichaDb) db = NULL;
  gboolean from_org = FALSE, all = FALSE;
  ZichaOutputFormat format;
  const char *sub = argc >= 2 ? argv[1] : "";
  const char *user = zicha_cli_user_name ();
  gint64 measure_id = 0, problem_id = 0, id = 0;
  gboolean writes;
  const GOptionEntry entries[] = {
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure, N_("The measure, by number"),
      N_("MEASURE") },
    { "problem", 0, 0, G_OPTION_ARG_STRING, &problem, N_("The problem, by number or id"),
      N_("PROBLEM") },
    { "from-org", 0, 0, G_OPTION_ARG_NONE, &from_org,
      N_("add: the organization sent it with its response"), NULL },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note, N_("add: a note on the file"), N_("TEXT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("get: the file to write"), N_("FILE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("list: removed files too"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (strcmp (sub, "add") != 0 && strcmp (sub, "list") != 0 && strcmp (sub, "get") != 0
      && strcmp (sub, "remove") != 0 && strcmp (sub, "restore") != 0)
    {
      if (argc >= 2 && argv[1][0] != '-')
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the command names */
                       _("Unknown evidence command “%s”: use add, list, get, remove or restore"),
                       argv[1]);
          return FALSE;
        }
      if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
        return FALSE;
      if (zicha_cli_help_shown (cli))
        return TRUE;
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give an evidence command: add, list, get, remove or restore"));
      return FALSE;
    }
  zicha_cli_set_subcommand (cli, static_name (sub));
  if (!zicha_cli_parse (cli, entries, argc - 1, argv + 1, &args, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error)
      || !zicha_cli_check_text ("--note", note, error))
    return FALSE;
  if (strcmp (sub, "list") == 0)
    {
      if (args[0] != NULL)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("Unexpected argument “%s”"),
                       args[0]);
          return FALSE;
        }
      if (!evidence_owner (NULL, measure, problem, &measure_id, &problem_id, error))
        return FALSE;
    }
  else if (strcmp (sub, "add") == 0)
    {
      if (!one_argument (args, _("Give one file to add"), error)
          || !evidence_owner (NULL, measure, problem, &measure_id, &problem_id, error))
        return FALSE;
    }
  else if (!one_argument (args, _("Give one evidence file by its number"), error)
           || !zicha_cli_plans_parse_id (_("evidence file"), args[0], &id, error))
    return FALSE;
  if (strcmp (sub, "get") == 0 && !zicha_cli_require (out, _("Give the file to write with --out"),
                                                       error))
    return FALSE;

  writes = strcmp (sub, "list") != 0 && strcmp (sub, "get") != 0;
  db = zicha_cli_open_db (cli, writes ? ZICHA_DB_OPEN_DEFAULT : ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  if (problem != NULL && !zicha_cli_rect_find_problem (db, problem, &problem_id, error))
    return FALSE;
  if (strcmp (sub, "list") == 0)
    return evidence_list (db, measure_id, problem_id, all, format, error);
  if (strcmp (sub, "get") == 0)
    return zicha_evidence_save (db, id, out, error);
  if (strcmp (sub, "remove") == 0)
    return zicha_evidence_remove (db, id, user, error);
  if (strcmp (sub, "restore") == 0)
    return zicha_evidence_undo_remove (db, id, user, error);
  id = zicha_evidence_add_file (db, measure_id, problem_id, from_org, args[0], note, user,
                                error);
  if (id == 0)
    return FALSE;
  if (format == ZICHA_OUTPUT_TABLE)
    {
      zicha_cli_print ("%" G_GINT64_FORMAT "\n", id);
      return TRUE;
    }
  return evidence_list (db, measure_id, problem_id, FALSE, format, error);
}

/* certificate ------------------------------------------------------------------------------- */

static gboolean
print_actions (ZichaDb *db, const char *cert_no, gint64 problem_id, ZichaOutputFormat format,
               GError **error)
{
  g_autoptr(GPtrArray) actions = zicha_cert_actions_list (db, cert_no, problem_id, 0, error);
  g_autoptr(ZichaTable) table = NULL;
  guint c_id, c_cert, c_action, c_on, c_before, c_after, c_problem, c_measure, c_reason, c_by;

  if (actions == NULL)
    return FALSE;
  table = zicha_table_new ();
  c_id = zicha_table_add_column (table, "id", _("No."), ZICHA_COLUMN_NUMBER);
  c_cert = zicha_table_add_column (table, "cert_no", _("Certificate"), ZICHA_COLUMN_TEXT);
  c_action = zicha_table_add_column (table, "action", _("Handling"), ZICHA_COLUMN_TEXT);
  c_on = zicha_table_add_column (table, "on", _("Date"), ZICHA_COLUMN_TEXT);
  c_before = zicha_table_add_column (table, "status_before", _("Status before"),
                                     ZICHA_COLUMN_TEXT);
  c_after = zicha_table_add_column (table, "status_after", _("Status after"), ZICHA_COLUMN_TEXT);
  c_problem = zicha_table_add_column (table, "problem", _("Problem"), ZICHA_COLUMN_TEXT);
  c_measure = zicha_table_add_column (table, "measure", _("Measure no."), ZICHA_COLUMN_NUMBER);
  c_reason = zicha_table_add_column (table, "reason", _("Reason"), ZICHA_COLUMN_TEXT);
  c_by = zicha_table_add_column (table, "created_by", _("By"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < actions->len; i++)
    {
      const ZichaCertActionEntry *a = g_ptr_array_index (actions, i);

      zicha_table_add_row (table);
      zicha_cli_table_set_id (table, c_id, a->id);
      zicha_table_set (table, c_cert, a->cert_no);
      zicha_table_set_display (table, c_action, zicha_cert_action_to_string (a->action),
                               zicha_cert_action_get_label (a->action));
      zicha_table_set (table, c_on, a->on_date);
      zicha_table_set_display (table, c_before, a->status_before,
                               zicha_cert_status_get_label (a->status_before));
      zicha_table_set_display (table, c_after, a->status_after,
                               zicha_cert_status_get_label (a->status_after));
      zicha_table_set (table, c_problem, a->problem_number);
      zicha_cli_table_set_id (table, c_measure, a->measure_id);
      zicha_table_set (table, c_reason, a->reason);
      zicha_table_set (table, c_by, a->created_by);
    }
  return zicha_cli_write_table (table, format, error);
}

static gboolean
print_clocks (ZichaDb *db, const ZichaClockFilter *filter, ZichaOutputFormat format,
              GError **error)
{
  g_autoptr(GPtrArray) clocks = zicha_cert_clocks_list (db, filter, error);
  g_autoptr(ZichaTable) table = NULL;
  guint c_id, c_cert, c_status, c_clock, c_problem, c_start, c_deadline, c_days, c_late;

  if (clocks == NULL)
    return FALSE;
  table = zicha_table_new ();
  c_id = zicha_table_add_column (table, "id", _("Certificate"), ZICHA_COLUMN_TEXT);
  c_cert = zicha_table_add_column (table, "org", _("Organization"), ZICHA_COLUMN_TEXT);
  c_status = zicha_table_add_column (table, "status", _("Status"), ZICHA_COLUMN_TEXT);
  c_clock = zicha_table_add_column (table, "clock", _("Clock"), ZICHA_COLUMN_TEXT);
  c_problem = zicha_table_add_column (table, "problem", _("Problem"), ZICHA_COLUMN_TEXT);
  c_start = zicha_table_add_column (table, "start_on", _("From"), ZICHA_COLUMN_TEXT);
  c_deadline = zicha_table_add_column (table, "deadline", _("Deadline"), ZICHA_COLUMN_TEXT);
  c_days = zicha_table_add_column (table, "days_left", _("Days left"), ZICHA_COLUMN_NUMBER);
  c_late = zicha_table_add_column (table, "overdue", _("Overdue"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < clocks->len; i++)
    {
      const ZichaCertClock *k = g_ptr_array_index (clocks, i);
      g_autofree char *days = k->days_left != G_MININT ? g_strdup_printf ("%d", k->days_left)
                                                       : NULL;

      zicha_table_add_row (table);
      zicha_table_set (table, c_id, k->cert_no);
      zicha_table_set (table, c_cert, k->org_name);
      zicha_table_set_display (table, c_status, k->status,
                               zicha_cert_status_get_label (k->status));
      zicha_table_set_display (table, c_clock, zicha_clock_kind_to_string (k->clock),
                               zicha_clock_kind_get_label (k->clock));
      zicha_table_set (table, c_problem, k->problem_number);
      zicha_table_set (table, c_start, k->start_on);
      zicha_table_set (table, c_deadline, k->deadline);
      zicha_table_set (table, c_days, days);
      zicha_table_set_display (table, c_late,
                               k->overdue ? "overdue" : k->due_soon ? "due_soon" : NULL,
                               k->overdue ? _("Overdue") : k->due_soon ? _("Due soon") : NULL);
    }
  return zicha_cli_write_table (table, format, error);
}

gboolean
zicha_cli_cmd_certificate (ZichaCli  *cli,
                           int        argc,
                           char     **argv,
                           GError   **error)
{
  g_autofree char *on = NULL, *reason = NULL, *problem = NULL, *measure = NULL;
  g_autofree char *codes = NULL, *scope_text = NULL, *within = NULL, *format_str = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) code_list = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaCertActionDraft draft = { 0 };
  ZichaClockFilter clocks = { 0 };
  ZichaOutputFormat format;
  gboolean overdue = FALSE;
  const char *sub = argc >= 2 ? argv[1] : "";
  gboolean is_action = zicha_cert_action_from_string (sub, &draft.action);
  gboolean is_undo = strcmp (sub, "undo") == 0;
  gboolean is_actions = strcmp (sub, "actions") == 0;
  gboolean is_clocks = strcmp (sub, "clocks") == 0;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date (default: today)"), N_("YYYY-MM-DD") },
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason, N_("Why"), N_("TEXT") },
    { "problem", 0, 0, G_OPTION_ARG_STRING, &problem, N_("The problem, by number or id"),
      N_("PROBLEM") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure, N_("The measure, by number"),
      N_("MEASURE") },
    { "scope-codes", 0, 0, G_OPTION_ARG_STRING, &codes,
      N_("reduce: the scope codes that remain, separated by ;"), N_("CODES") },
    { "scope-text", 0, 0, G_OPTION_ARG_FILENAME, &scope_text,
      N_("reduce: the scope as now printed"), N_("TEXT") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("clocks: only those overdue"), NULL },
    { "due-within", 0, 0, G_OPTION_ARG_STRING, &within,
      N_("clocks: only those due within DAYS days"), N_("DAYS") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!is_action && !is_undo && !is_actions && !is_clocks)
    {
      if (argc >= 2 && argv[1][0] != '-')
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the command names */
                       _("Unknown certificate command “%s”: use suspend, restore, withdraw, "
                         "cancel, reduce, undo, actions or clocks"), argv[1]);
          return FALSE;
        }
      if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
        return FALSE;
      if (zicha_cli_help_shown (cli))
        return TRUE;
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give a certificate command: suspend, restore, withdraw, cancel, "
                             "reduce, undo, actions or clocks"));
      return FALSE;
    }
  zicha_cli_set_subcommand (cli, static_name (sub));
  if (!zicha_cli_parse (cli, entries, argc - 1, argv + 1, &args, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error)
      || !zicha_cli_rect_check_date ("--on", on, error)
      || !zicha_cli_check_text ("--reason", reason, error)
      || !zicha_cli_check_text ("--scope-text", scope_text, error)
      || !zicha_cli_rect_parse_due (overdue, within, &clocks.due, &clocks.due_within_days,
                                    error))
    return FALSE;
  if ((is_action || is_undo)
      && !one_argument (args, _("Give one certificate by its number"), error))
    return FALSE;
  if ((is_actions || is_clocks) && args[0] != NULL && args[1] != NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("Unexpected argument “%s”"),
                   args[1]);
      return FALSE;
    }
  if (is_action && !zicha_cli_require (reason, _("Give the reason with --reason"), error))
    return FALSE;
  if (measure != NULL && !zicha_cli_rect_parse_measure (measure, &draft.measure_id, error))
    return FALSE;

  db = zicha_cli_open_db (cli, is_action || is_undo ? ZICHA_DB_OPEN_DEFAULT
                                                    : ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  if (problem != NULL && !zicha_cli_rect_find_problem (db, problem, &draft.problem_id, error))
    return FALSE;
  if (is_actions)
    return print_actions (db, args[0], draft.problem_id, format, error);
  if (is_clocks)
    {
      clocks.problem_id = draft.problem_id;
      clocks.measure_id = draft.measure_id;
      clocks.cert_no = args[0];
      return print_clocks (db, &clocks, format, error);
    }
  if (is_undo)
    return zicha_cert_actions_undo_last (db, args[0], zicha_cli_user_name (), error)
           && print_actions (db, args[0], 0, format, error);
  if (codes != NULL)
    code_list = g_strsplit_set (codes, ";,", -1);
  draft.cert_no = args[0];
  draft.on = on;
  draft.reason = reason;
  draft.scope_codes = (const char * const *) code_list;
  draft.scope_text = scope_text;
  return zicha_cert_actions_apply (db, &draft, zicha_cli_user_name (), error) != 0
         && print_actions (db, args[0], 0, format, error);
}

/* problem close, problem withdraw ----------------------------------------------------------- */

gboolean
zicha_cli_problem_close (ZichaCli  *cli,
                         gboolean   withdraw,
                         int        argc,
                         char     **argv,
                         GError   **error)
{
  g_autofree char *note = NULL, *on = NULL, *reason = NULL, *format_str = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaProblem) problem = NULL;
  ZichaOutputFormat format;
  gboolean undo = FALSE, ok;
  const char *user = zicha_cli_user_name ();
  gint64 id = 0;
  const GOptionEntry close_entries[] = {
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note, N_("A note on the close-out"), N_("TEXT") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date of the close-out (default: today)"),
      N_("YYYY-MM-DD") },
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, N_("Take the close-out back"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry withdraw_entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason, N_("Why it is not a problem"),
      N_("TEXT") },
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, N_("Take the withdrawal back"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  zicha_cli_set_subcommand (cli, withdraw ? "withdraw" : "close");
  if (!zicha_cli_parse (cli, withdraw ? withdraw_entries : close_entries, argc, argv, &args,
                        error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!one_argument (args, _("Give one problem: its number (ZC-2026-001) or id"), error)
      || !zicha_cli_parse_format (format_str, &format, error)
      || !zicha_cli_rect_check_date ("--on", on, error)
      || !zicha_cli_check_text ("--note", note, error)
      || !zicha_cli_check_text ("--reason", reason, error))
    return FALSE;
  if (withdraw && !undo && !zicha_cli_require (reason, _("Give the reason with --reason"), error))
    return FALSE;
  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL || !zicha_cli_rect_find_problem (db, args[0], &id, error))
    return FALSE;
  if (withdraw)
    ok = undo ? zicha_problems_undo_withdraw (db, id, user, error)
              : zicha_problems_withdraw (db, id, reason, user, error);
  else
    ok = undo ? zicha_rectification_undo_close_out (db, id, user, error)
              : zicha_rectification_close_out (db, id, on, note, user, error);
  /* a refusal (withdrawn already…) waits for no choice: exit status 1 */
  if (!ok && error != NULL && *error != NULL
      && g_error_matches (*error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT))
    (*error)->code = ZICHA_ERROR_FAILED;
  if (!ok)
    return FALSE;
  problem = zicha_problems_get (db, id, error);
  return problem != NULL && zicha_cli_print_problem (format, problem, NULL, error);
}

/* ledger ------------------------------------------------------------------------------------ */

/* A cell of several lines on one line, for the table people read. */
static char *
one_line (const char *text, ZichaOutputFormat format)
{
  g_auto(GStrv) lines = NULL;

  if (format != ZICHA_OUTPUT_TABLE || text == NULL || strchr (text, '\n') == NULL)
    return g_strdup (text);
  lines = g_strsplit (text, "\n", -1);
  return g_strjoinv (" / ", lines);
}

gboolean
zicha_cli_cmd_ledger (ZichaCli  *cli,
                      int        argc,
                      char     **argv,
                      GError   **error)
{
  static const struct { const char *key; const char *title; gsize offset; } columns[] = {
#define COL(k, t, f) { k, t, G_STRUCT_OFFSET (ZichaLedgerEntry, f) }
    COL ("area", N_("Focus area"), area_label),
    COL ("source", N_("Source"), source_label),
    COL ("description", N_("Description"), description),
    COL ("cause", N_("Cause analysis"), cause),
    COL ("measures", N_("Measures"), measures),
    COL ("departments", N_("Responsible department"), departments),
    COL ("responsible", N_("Responsible person"), responsible),
    COL ("deadline", N_("Deadline"), deadline),
    COL ("done_on", N_("Completed on"), done_on),
    COL ("progress", N_("Completion"), progress),
    COL ("evidence", N_("Evidence"), evidence),
    COL ("verifiers", N_("Verifier"), verifiers),
    COL ("conclusions", N_("Conclusion"), conclusions),
    COL ("certificates", N_("Certificates handled"), certificates),
    COL ("closeout", N_("Close-out"), closeout),
#undef COL
  };
  g_autofree char *state = NULL, *area = NULL, *department = NULL, *owner = NULL;
  g_autofree char *within = NULL, *from = NULL, *to = NULL, *format_str = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaLedgerFilter filter = { 0 };
  ZichaOutputFormat format;
  gboolean overdue = FALSE;
  guint c_seq, c_id, c_number, c_status, c_cols[G_N_ELEMENTS (columns)];
  const GOptionEntry options[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state,
      N_("Only problems in this state: open, in_rectification, awaiting_closeout, closed or "
         "withdrawn"), N_("STATE") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area,
      N_("Only problems of this focus area: legal, conduct, practice or capability"),
      N_("AREA") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department,
      N_("Only problems with a measure of this department"), N_("DEPARTMENT") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner,
      N_("Only problems with a measure of this responsible person"), N_("PERSON") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only problems with an overdue measure"), NULL },
    { "due-within", 0, 0, G_OPTION_ARG_STRING, &within,
      N_("Only problems with a measure due within DAYS days"), N_("DAYS") },
    { "closed-from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Only problems closed out on or after this day"), N_("YYYY-MM-DD") },
    { "closed-to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Only problems closed out on or before this day"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, options, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error)
      || !zicha_cli_rect_parse_due (overdue, within, &filter.due, &filter.due_within_days, error)
      || !zicha_cli_rect_check_date ("--closed-from", from, error)
      || !zicha_cli_rect_check_date ("--closed-to", to, error)
      || !zicha_cli_check_text ("--department", department, error)
      || !zicha_cli_check_text ("--owner", owner, error))
    return FALSE;
  if (state != NULL)
    {
      ZichaProblemState value;

      if (!zicha_problem_state_from_string (state, &value))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the English words */
                       _("Unknown state “%s”: use open, in_rectification, awaiting_closeout, "
                         "closed or withdrawn"), state);
          return FALSE;
        }
      filter.states = 1u << value;
    }
  filter.area = area;
  filter.department = department;
  filter.person = owner;
  filter.closed_from = from;
  filter.closed_to = to;
  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  entries = zicha_ledger_query (db, &filter, ZICHA_LEDGER_ORDER_NUMBER, FALSE, error);
  if (entries == NULL)
    return FALSE;

  table = zicha_table_new ();
  /* Translators: 序号, the row's number in the ledger */
  c_seq = zicha_table_add_column (table, "seq", _("Serial no."), ZICHA_COLUMN_NUMBER);
  c_id = zicha_table_add_column (table, "id", _("Id"), ZICHA_COLUMN_NUMBER);
  c_number = zicha_table_add_column (table, "number", _("Problem number"), ZICHA_COLUMN_TEXT);
  c_status = zicha_table_add_column (table, "status", _("Status"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    c_cols[i] = zicha_table_add_column (table, columns[i].key, _(columns[i].title),
                                        ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < entries->len; i++)
    {
      const ZichaLedgerEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *seq = g_strdup_printf ("%u", i + 1);

      zicha_table_add_row (table);
      zicha_table_set (table, c_seq, seq);
      zicha_cli_table_set_id (table, c_id, e->problem->id);
      zicha_table_set (table, c_number, e->problem->number);
      zicha_table_set_display (table, c_status, zicha_problem_state_to_string (e->problem->state),
                               zicha_problem_state_get_label (e->problem->state));
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const char *text = G_STRUCT_MEMBER (const char *, e, columns[c].offset);
          g_autofree char *cell = one_line (text, format);

          zicha_table_set (table, c_cols[c], cell != NULL && *cell != '\0' ? cell : NULL);
        }
      /* machines get the nicks of the area and source, people the labels */
      zicha_table_set_display (table, c_cols[0], e->problem->area, e->area_label);
      zicha_table_set_display (table, c_cols[1],
                               zicha_problem_source_to_string (e->problem->source),
                               e->source_label);
    }
  return zicha_cli_write_table (table, format, error);
}

/* rectification ----------------------------------------------------------------------------- */

static void
add_counts (JsonBuilder *json, const char *name, const gint64 *counts, guint n,
            const char *(*nick) (guint))
{
  json_builder_set_member_name (json, name);
  json_builder_begin_object (json);
  for (guint i = 0; i < n; i++)
    zicha_json_add_int (json, nick (i), counts[i]);
  json_builder_end_object (json);
}

static const char *
state_nick (guint i)
{
  return zicha_problem_state_to_string (i);
}

static const char *
area_nick (guint i)
{
  return zicha_rectification_areas[i];
}

static const char *
status_nick (guint i)
{
  return zicha_measure_status_to_string (i);
}

static const char *
action_nick (guint i)
{
  return zicha_cert_action_to_string (i);
}

/* The figures as one JSON object. */
static gboolean
summary_json (const ZichaRectificationSummary *s, GError **error)
{
  JsonBuilder *json = json_builder_new ();

  json_builder_begin_object (json);
  zicha_json_add_string (json, "today", s->today);
  zicha_json_add_int (json, "problems", s->problems);
  add_counts (json, "by_state", s->by_state, ZICHA_N_PROBLEM_STATES, state_nick);
  add_counts (json, "by_area", s->by_area, ZICHA_RECTIFICATION_N_AREAS, area_nick);
  json_builder_set_member_name (json, "completion_rate");
  json_builder_add_double_value (json, s->completion_rate);
  json_builder_set_member_name (json, "closeout_rate");
  json_builder_add_double_value (json, s->closeout_rate);
  json_builder_set_member_name (json, "measures");
  json_builder_begin_object (json);
  zicha_json_add_int (json, "total", s->measures);
  for (guint i = 0; i < ZICHA_N_MEASURE_STATUSES; i++)
    zicha_json_add_int (json, status_nick (i), s->measures_by_status[i]);
  zicha_json_add_int (json, "overdue", s->measures_overdue);
  zicha_json_add_int (json, "due_soon", s->measures_due_soon);
  zicha_json_add_int (json, "org", s->org_measures);
  zicha_json_add_int (json, "org_awaiting", s->org_awaiting);
  json_builder_end_object (json);
  zicha_json_add_int (json, "certificates_handled", s->certificates_handled);
  add_counts (json, "actions", s->actions_by_kind, ZICHA_N_CERT_ACTIONS, action_nick);
  json_builder_set_member_name (json, "clocks");
  json_builder_begin_object (json);
  zicha_json_add_int (json, "running", s->clocks_running);
  zicha_json_add_int (json, "overdue", s->clocks_overdue);
  zicha_json_add_int (json, "due_soon", s->clocks_due_soon);
  json_builder_end_object (json);
  zicha_json_add_int (json, "evidence_files", s->evidence_files);
  json_builder_set_member_name (json, "closed_by_week");
  json_builder_begin_array (json);
  for (guint i = 0; i < s->closed_by_week->len; i++)
    {
      const ZichaWeekCount *w = &g_array_index (s->closed_by_week, ZichaWeekCount, i);

      json_builder_begin_object (json);
      zicha_json_add_string (json, "week", w->week);
      zicha_json_add_string (json, "week_end", w->week_end);
      zicha_json_add_int (json, "closed", w->closed);
      zicha_json_add_int (json, "cumulative", w->cumulative);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  json_builder_end_object (json);
  return zicha_cli_write_json (json, error);
}

gboolean
zicha_cli_cmd_rectification (ZichaCli  *cli,
                             int        argc,
                             char     **argv,
                             GError   **error)
{
  g_autofree char *format_str = NULL, *today = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaRectificationSummary) s = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaOutputFormat format;
  guint c_key, c_value;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Count as of this day (default: today, or the demo's day)"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error)
      || !zicha_cli_rect_check_date ("--today", today, error))
    return FALSE;
  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  s = zicha_rectification_summary_query (db, today, error);
  if (s == NULL)
    return FALSE;

  if (format == ZICHA_OUTPUT_JSON)
    return summary_json (s, error);
  table = zicha_table_new ();
  c_key = zicha_table_add_column (table, "key", _("Figure"), ZICHA_COLUMN_TEXT);
  c_value = zicha_table_add_column (table, "value", _("Value"), ZICHA_COLUMN_NUMBER);
#define ROW(k, fmt, ...) G_STMT_START {                                                      \
    g_autofree char *key_ = (k);                                                              \
    g_autofree char *value_ = g_strdup_printf (fmt, __VA_ARGS__);                              \
    zicha_table_add_row (table);                                                              \
    zicha_table_set (table, c_key, key_);                                                     \
    zicha_table_set (table, c_value, value_);                                                 \
  } G_STMT_END
  ROW (g_strdup ("today"), "%s", s->today);
  ROW (g_strdup ("problems"), "%" G_GINT64_FORMAT, s->problems);
  for (guint i = 0; i < ZICHA_N_PROBLEM_STATES; i++)
    ROW (g_strconcat ("problems.", zicha_problem_state_to_string (i), NULL),
         "%" G_GINT64_FORMAT, s->by_state[i]);
  for (guint i = 0; i < ZICHA_RECTIFICATION_N_AREAS; i++)
    ROW (g_strconcat ("area.", zicha_rectification_areas[i], NULL), "%" G_GINT64_FORMAT,
         s->by_area[i]);
  ROW (g_strdup ("completion_rate"), "%.4f", s->completion_rate);
  ROW (g_strdup ("closeout_rate"), "%.4f", s->closeout_rate);
  ROW (g_strdup ("measures"), "%" G_GINT64_FORMAT, s->measures);
  for (guint i = 0; i < ZICHA_N_MEASURE_STATUSES; i++)
    ROW (g_strconcat ("measures.", zicha_measure_status_to_string (i), NULL),
         "%" G_GINT64_FORMAT, s->measures_by_status[i]);
  ROW (g_strdup ("measures.overdue"), "%" G_GINT64_FORMAT, s->measures_overdue);
  ROW (g_strdup ("measures.due_soon"), "%" G_GINT64_FORMAT, s->measures_due_soon);
  ROW (g_strdup ("measures.org"), "%" G_GINT64_FORMAT, s->org_measures);
  ROW (g_strdup ("measures.org_awaiting"), "%" G_GINT64_FORMAT, s->org_awaiting);
  ROW (g_strdup ("certificates_handled"), "%" G_GINT64_FORMAT, s->certificates_handled);
  for (guint i = 0; i < ZICHA_N_CERT_ACTIONS; i++)
    ROW (g_strconcat ("actions.", zicha_cert_action_to_string (i), NULL), "%" G_GINT64_FORMAT,
         s->actions_by_kind[i]);
  ROW (g_strdup ("clocks.running"), "%" G_GINT64_FORMAT, s->clocks_running);
  ROW (g_strdup ("clocks.overdue"), "%" G_GINT64_FORMAT, s->clocks_overdue);
  ROW (g_strdup ("clocks.due_soon"), "%" G_GINT64_FORMAT, s->clocks_due_soon);
  ROW (g_strdup ("evidence_files"), "%" G_GINT64_FORMAT, s->evidence_files);
  for (guint i = 0; i < s->closed_by_week->len; i++)
    {
      const ZichaWeekCount *w = &g_array_index (s->closed_by_week, ZichaWeekCount, i);

      ROW (g_strconcat ("closed_week.", w->week, NULL), "%" G_GINT64_FORMAT, w->closed);
    }
#undef ROW
  return zicha_cli_write_table (table, format, error);
}
