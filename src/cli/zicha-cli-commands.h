/* zicha-cli-commands.h — handlers of the zicha-cli subcommands kept in their own files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is a ZichaCliHandler (zicha-cli-private.h) named in the command table of zicha-cli.c. */
#pragma once

#include "zicha-cli-private.h"

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

/* zicha-cli-rules.c */
gboolean zicha_cli_cmd_check    (ZichaCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);
gboolean zicha_cli_cmd_findings (ZichaCli  *cli,
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
