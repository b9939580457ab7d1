/* zicha-rules-sql.c — SQL functions of the rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha_add_months, zicha_covers and zicha_md5_table, which the rules' statements call; each
 * connection that evaluates rules registers them (zicha_rules_register_functions). */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include "zicha-audit-time.h"
#include "zicha-rules-private.h"

static void
sql_add_months (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  char buf[11];
  const char *date = (const char *) sqlite3_value_text (argv[0]);

  if (date == NULL || sqlite3_value_type (argv[1]) == SQLITE_NULL
      || !zicha_date_add_months_buf (date, sqlite3_value_int (argv[1]), buf))
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, buf, 10, SQLITE_TRANSIENT);
}

static void
sql_covers (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *a = (const char *) sqlite3_value_text (argv[0]);
  const char *b = (const char *) sqlite3_value_text (argv[1]);

  sqlite3_result_int (context, zicha_scope_code_covers (a, b));
}

static void
sql_md5_table (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *scheme = (const char *) sqlite3_value_text (argv[0]);
  const char *complexity = (const char *) sqlite3_value_text (argv[2]);
  ZichaComplexity c = ZICHA_COMPLEXITY_MEDIUM;   /* DOMAIN.md 3: missing counts as medium */
  gint t;

  if (scheme == NULL || sqlite3_value_type (argv[1]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  if (complexity != NULL)
    zicha_complexity_from_string (complexity, &c);
  t = zicha_audit_time_table_value (scheme, sqlite3_value_int64 (argv[1]), c);
  if (t < 0)
    sqlite3_result_null (context);
  else
    sqlite3_result_int (context, t);
}

void
zicha_rules_register_functions (sqlite3 *db)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function_v2 (db, "zicha_add_months", 2, flags, NULL, sql_add_months, NULL, NULL,
                              NULL);
  sqlite3_create_function_v2 (db, "zicha_covers", 2, flags, NULL, sql_covers, NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "zicha_md5_table", 3, flags, NULL, sql_md5_table, NULL, NULL,
                              NULL);
}
