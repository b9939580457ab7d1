/* main.c — zicha-cli
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "zicha-cli.h"

int
main (int argc, char **argv)
{
  return zicha_cli_run (argc, argv);
}
