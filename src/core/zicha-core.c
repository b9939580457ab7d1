/* zicha-core.c — process-wide set-up of the core
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "zicha-core.h"

static const char *
pick_localedir (void)
{
  const char *env = g_getenv ("ZICHA_LOCALEDIR");
  g_autofree char *installed = NULL;

  if (env != NULL && *env != '\0')
    return env;

  /* Installed catalogue first; an uninstalled build falls back to its own po/. */
  installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return LOCALEDIR;
  return SOURCE_LOCALEDIR;
}

void
zicha_core_init_i18n (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, pick_localedir ());
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_once_init_leave (&initialized, 1);
    }
}
