/* zicha-process.c — which process owns a piece of work, and whether it is still alive
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rule run records its owner, so that a run whose process was killed can be told from one
 * that is still going on in another program. Linux only: the boot id and the start times come
 * from /proc; elsewhere nothing is ever taken for gone.
 */
#define G_LOG_DOMAIN "zicha-process"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "zicha-process.h"

static char *
read_boot_id (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &text, NULL, NULL))
    return g_strdup ("");
  return g_strdup (g_strstrip (text));
}

/* Field 22 of /proc/PID/stat: the start time in clock ticks after boot; NULL when there is no
 * such process. The command name (field 2) may hold spaces and brackets: count from the last
 * ')'. */
static char *
read_start_time (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *p;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  p = strrchr (text, ')');
  if (p == NULL)
    return NULL;
  /* after ") ": field 3 (state) is fields[0], so field 22 is fields[19] */
  fields = g_strsplit (p + 2, " ", 21);
  if (g_strv_length (fields) < 20)
    return NULL;
  return g_strdup (fields[19]);
}

char *
zicha_process_owner (void)
{
  g_autofree char *boot = read_boot_id ();
  g_autofree char *start = read_start_time (getpid ());

  return g_strdup_printf ("%s %s %" G_GINT64_FORMAT " %s", g_get_host_name (), boot,
                          (gint64) getpid (), start != NULL ? start : "?");
}

gboolean
zicha_process_owner_gone (const char *owner)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *boot = NULL;
  g_autofree char *start = NULL;
  gint64 pid;

  if (owner == NULL || *owner == '\0')
    return TRUE;   /* written by a version that recorded no owner: long gone */
  parts = g_strsplit (owner, " ", 4);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], g_get_host_name ()) != 0)
    return FALSE;
  boot = read_boot_id ();
  if (*boot != '\0' && strcmp (parts[1], boot) != 0)
    return TRUE;   /* the host rebooted since */
  pid = g_ascii_strtoll (parts[2], NULL, 10);
  if (pid <= 0)
    return FALSE;
  start = read_start_time (pid);
  if (start == NULL)
    return TRUE;
  return strcmp (parts[3], "?") != 0 && strcmp (start, parts[3]) != 0;
}
