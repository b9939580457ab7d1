/* main.c — the zicha program
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha"

#include "config.h"

#include "zicha-core.h"
#include "zicha-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZichaApplication) app = NULL;

  zicha_core_init_i18n ();

  app = zicha_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
