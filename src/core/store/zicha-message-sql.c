/* zicha-message-sql.c — stored messages rendered inside SQL
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-message"

#include "config.h"

#include "zicha-message.h"
#include "zicha-message-sql.h"

static void
message_func (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *stored = (const char *) sqlite3_value_text (argv[0]);

  if (stored == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, zicha_message_render (stored), -1, g_free);
}

void
zicha_message_register_sql (sqlite3 *handle)
{
  g_return_if_fail (handle != NULL);

  /* (the same for one statement: the language does not change while it runs) */
  sqlite3_create_function (handle, "zicha_message", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, message_func, NULL, NULL);
}
