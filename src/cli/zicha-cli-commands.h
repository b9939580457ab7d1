/* zicha-cli-commands.h — handlers of the zicha-cli subcommands kept in their own files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is a ZichaCliHandler (zicha-cli-private.h) named in the command table of zicha-cli.c. */
#pragma once

#include "zicha-cli-private.h"
#include "zicha-hits.h"
#include "zicha-json.h"
#include "zicha-problems.h"

G_BEGIN_DECLS

/* zicha-cli-data.c */
gboolean zicha_cli_cmd_import   (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);
gboolean zicha_cli_cmd_template (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);
gboolean zicha_cli_cmd_demo     (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);

/* zicha-cli-demo.c */
gboolean zicha_cli_cmd_demo_work (ZichaCli  *cli,
                                  int        argc,
                                  char     **argv,
                                  GError   **error);

/* zicha-cli-rules.c */
gboolean zicha_cli_cmd_check    (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);
gboolean zicha_cli_cmd_findings (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);

/* zicha-cli-report.c */
gboolean zicha_cli_cmd_statistics (ZichaCli  *cli,
                                   int        argc,
                                   char     **argv,
                                   GError   **error);
/* zicha-cli-problems.c */
gboolean zicha_cli_cmd_confirm  (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);
gboolean zicha_cli_cmd_dismiss  (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);
gboolean zicha_cli_cmd_problems (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);
gboolean zicha_cli_cmd_similar  (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);
/* zicha-cli-problem.c: "problem new" and "problem show" */
gboolean zicha_cli_cmd_problem  (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);

/* What the commands of the problem ledger share (zicha-cli-problems.c). */

/* The user recorded in the change history: the account's real name, or its login name. */
const char  *zicha_cli_user_name      (void);
/* Free text is parsed as bytes (G_OPTION_ARG_FILENAME), so that it reaches the database as
 * typed whatever the locale's charset: ZICHA_ERROR_USAGE, naming @option, when @value is not
 * valid UTF-8 (NULL is fine). */
gboolean     zicha_cli_check_text     (const char         *option,
                                       const char         *value,
                                       GError            **error);
/* ZICHA_ERROR_USAGE with @message when @value is NULL or empty. */
gboolean     zicha_cli_require        (const char         *value,
                                       const char         *message,
                                       GError            **error);
/* Writes @table to stdout in @format; FALSE with @error when writing failed. */
gboolean     zicha_cli_write_table    (ZichaTable         *table,
                                       ZichaOutputFormat   format,
                                       GError            **error);
/* Writes what @builder built (a value; the builder is unreffed) as indented JSON and a line
 * end. */
gboolean     zicha_cli_write_json     (JsonBuilder        *builder,
                                       GError            **error);
/* A cell with an id, empty for 0; a member with an id, null for 0. */
void         zicha_cli_table_set_id   (ZichaTable         *table,
                                       guint               column,
                                       gint64              value);
void         zicha_cli_json_add_id    (JsonBuilder        *json,
                                       const char         *key,
                                       gint64              value);
/* The translated label of a focus area or severity nick (the nick itself when unknown). */
const char  *zicha_cli_area_label     (const char         *area);
const char  *zicha_cli_severity_label (const char         *severity);
/* What confirm and problem new made: the number alone for people; its id, number and status
 * (and the risk lead @hit, when not NULL) for machines. */
gboolean     zicha_cli_print_problem  (ZichaOutputFormat   format,
                                       const ZichaProblem *problem,
                                       const ZichaHit     *hit,
                                       GError            **error);
/* zicha-cli-measures.c: measure add|set|show|…, measures */
gboolean zicha_cli_cmd_measure       (ZichaCli  *cli,
                                      int        argc,
                                      char     **argv,
                                      GError   **error);
gboolean zicha_cli_cmd_measures      (ZichaCli  *cli,
                                      int        argc,
                                      char     **argv,
                                      GError   **error);
/* zicha-cli-rectification.c: evidence, certificate, ledger, rectification, and problem close
 * (@withdraw FALSE) or problem withdraw (TRUE), @argv[0] being the subcommand */
gboolean zicha_cli_cmd_evidence      (ZichaCli  *cli,
                                      int        argc,
                                      char     **argv,
                                      GError   **error);
gboolean zicha_cli_cmd_certificate   (ZichaCli  *cli,
                                      int        argc,
                                      char     **argv,
                                      GError   **error);
gboolean zicha_cli_cmd_ledger        (ZichaCli  *cli,
                                      int        argc,
                                      char     **argv,
                                      GError   **error);
gboolean zicha_cli_cmd_rectification (ZichaCli  *cli,
                                      int        argc,
                                      char     **argv,
                                      GError   **error);
gboolean zicha_cli_problem_close     (ZichaCli  *cli,
                                      gboolean   withdraw,
                                      int        argc,
                                      char     **argv,
                                      GError   **error);

/* zicha-cli-plans.c: plan new|show, plans, checklist set, sample, samples */
gboolean zicha_cli_cmd_plan      (ZichaCli  *cli,
                                  int        argc,
                                  char     **argv,
                                  GError   **error);
gboolean zicha_cli_cmd_plans     (ZichaCli  *cli,
                                  int        argc,
                                  char     **argv,
                                  GError   **error);
gboolean zicha_cli_cmd_checklist (ZichaCli  *cli,
                                  int        argc,
                                  char     **argv,
                                  GError   **error);
gboolean zicha_cli_cmd_sample    (ZichaCli  *cli,
                                  int        argc,
                                  char     **argv,
                                  GError   **error);
gboolean zicha_cli_cmd_samples   (ZichaCli  *cli,
                                  int        argc,
                                  char     **argv,
                                  GError   **error);

/* Parses a date given as YYYY-MM-DD (@option names the option in the message, e.g.
 * "--today"); anything else is ZICHA_ERROR_USAGE. */
gboolean zicha_cli_parse_date   (const char  *option,
                                 const char  *text,
                                 GDate       *out,
                                 GError     **error);

/* TRUE when progress may be drawn on stderr (a terminal). */
gboolean zicha_cli_show_progress (void);

G_END_DECLS
