/* zicha-cli.h — the command-line front on core
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs zicha-cli with @argv (argv[0] is the program name); returns the exit code. */
int zicha_cli_run (int argc, char **argv);

G_END_DECLS
