/* main.c — zicha-cli
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include "zicha-cli.h"

int
main (int    argc,
      char **argv)
{
  return zicha_cli_run (argc, argv);
}
