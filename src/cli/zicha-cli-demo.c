/* zicha-cli-demo.c — zicha-cli demo-work: the demo body's self-inspection under way
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After demo and check: a plan in progress with its checklist and sample partly done, risk
 * leads triaged, problems of every source (zicha-demo-work.h), dated from the demo's day. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-cli-commands.h"
#include "zicha-day.h"
#include "zicha-demo-work.h"

gboolean
zicha_cli_cmd_demo_work (ZichaCli  *cli,
                         int        argc,
                         char     **argv,
                         GError   **error)
{
  g_autofree char *today_str = NULL;
  g_autofree char *today = NULL;
  g_autoptr(ZichaDb) db = NULL;
  ZichaDemoWorkResult result;
  GDate date;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_str,
      N_("The day the work is dated from (default: the demo body's day, or today)"),
      N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (today_str != NULL && !zicha_cli_parse_date ("--today", today_str, &date, error))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  if (today_str != NULL)
    today = g_strdup (today_str);
  else if ((today = zicha_db_get_setting (db, "demo-today")) == NULL)
    {
      today = g_malloc (11);
      zicha_today (today);
    }
  if (!zicha_demo_work_fill (db, today, &result, error))
    return FALSE;

  /* Translators: after demo-work; %1$s is a date, %2$u of %3$u checklist items are done */
  zicha_cli_print (_("Added the demo's self-inspection as of %1$s: a plan in progress, %2$u of "
                     "%3$u checklist items done (%4$u overdue), %5$u of %6$u sampled "
                     "certificates reviewed, %7$u risk leads confirmed and %8$u dismissed, "
                     "%9$u problems (%10$u withdrawn)\n"),
                   today, result.checklist_done, result.checklist_total,
                   result.checklist_overdue, result.sample_reviewed, result.sample_size,
                   result.hits_confirmed, result.hits_dismissed, result.problems,
                   result.problems_withdrawn);
  return TRUE;
}
