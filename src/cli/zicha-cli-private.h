/* zicha-cli-private.h — what the subcommands of zicha-cli share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A subcommand is a row of the command table in zicha-cli.c: its name, a one-line summary
 * (N_()) and a handler. The handler parses its own options with zicha_cli_parse() (which adds
 * the common --db and --help), does its work, writes results with zicha_cli_print() or a
 * ZichaTable, and reports failure as a GError in ZICHA_ERROR: the code picks the exit status
 * (zicha_error_exit_code) and the message goes to stderr after "zicha-cli: ". */
#pragma once

#include <glib.h>

#include "zicha-core.h"
#include "zicha-cli-output.h"

G_BEGIN_DECLS

typedef struct _ZichaCli ZichaCli;

/* @argv[0] is the command's name; the rest are its arguments as given. */
typedef gboolean (*ZichaCliHandler) (ZichaCli  *cli,
                                     int        argc,
                                     char     **argv,
                                     GError   **error);

typedef struct
{
  const char      *name;
  const char      *summary;      /* N_(): one line for the command list and --help */
  const char      *description;  /* N_() or NULL: more text at the end of --help */
  ZichaCliHandler  handler;
} ZichaCliCommand;

/* Parses the options of the running command: @entries (NULL-terminated, may be NULL) plus
 * --db and --help. Unknown options and bad values are ZICHA_ERROR_USAGE. Positional
 * arguments are returned in @out_args (a new NULL-terminated array); with @out_args NULL
 * any positional argument is a usage error. After --help the help is printed and
 * zicha_cli_help_shown() is TRUE: the handler then returns TRUE at once. */
gboolean     zicha_cli_parse           (ZichaCli            *cli,
                                        const GOptionEntry  *entries,
                                        int                  argc,
                                        char               **argv,
                                        char              ***out_args,
                                        GError             **error);
gboolean     zicha_cli_help_shown      (ZichaCli            *cli);

/* For commands with subcommands ("plan new"): the subcommand @name (a static string) is named
 * with the command in its --help and usage hints. Call it before zicha_cli_parse (). */
void         zicha_cli_set_subcommand  (ZichaCli            *cli,
                                        const char          *name);
/* "plan new", or the command's name alone; newly allocated. */
char        *zicha_cli_get_command_name (ZichaCli           *cli);

/* The --db file (after or before the command name), else zicha_db_default_path(). */
const char  *zicha_cli_get_db_path     (ZichaCli            *cli);
gboolean     zicha_cli_db_is_default   (ZichaCli            *cli);
/* Makes the folder of the default database (0700). */
gboolean     zicha_cli_make_default_folder (ZichaCli        *cli,
                                            GError         **error);
/* Opens zicha_cli_get_db_path(); for the default path with ZICHA_DB_OPEN_CREATE its folder
 * is created first. */
ZichaDb     *zicha_cli_open_db         (ZichaCli            *cli,
                                        ZichaDbOpenFlags     flags,
                                        GError             **error);

/* UTF-8 text to stdout, not converted to the locale's charset. */
void         zicha_cli_print           (const char          *format,
                                        ...) G_GNUC_PRINTF (1, 2);
/* "zicha-cli: " and the message to stderr, with a line end. */
void         zicha_cli_printerr        (const char          *format,
                                        ...) G_GNUC_PRINTF (1, 2);

/* Parses --format table|csv|json; a bad value is ZICHA_ERROR_USAGE. @str NULL is table. */
gboolean     zicha_cli_parse_format    (const char          *str,
                                        ZichaOutputFormat   *out,
                                        GError             **error);

G_END_DECLS
