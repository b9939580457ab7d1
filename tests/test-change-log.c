/* test-change-log.c — the change history: one function writes it, rows as JSON
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-change-log"

#include "config.h"

#include "zicha-change-log.h"
#include "zicha-db-private.h"
#include "zicha-test-utils.h"

static void
test_append_and_list (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("log.db");
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ZichaChangeEntry *e;

  /* a row of one of Zicha's tables, as JSON, before and after a change */
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO imports (id, started_at, folder) VALUES"
                                         " (7, '2026-01-01 08:00:00', '/data/导入')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = zicha_change_log_row_json (db, "imports", 7);
  g_assert_cmpstr (before, ==, "{\"id\":7,\"started_at\":\"2026-01-01 08:00:00\","
                               "\"finished_at\":null,\"folder\":\"/data/导入\","
                               "\"user_name\":null,\"inserted\":0,\"updated\":0,"
                               "\"unchanged\":0}");
  g_assert_null (zicha_change_log_row_json (db, "imports", 8));

  g_assert_true (zicha_db_begin (db, &error));
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE imports SET user_name = '张三' WHERE id = 7",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  after = zicha_change_log_row_json (db, "imports", 7);
  g_assert_true (zicha_change_log_append (db, "张三", "import", "7", ZICHA_CHANGE_UPDATE,
                                          before, after, &error));
  /* an update that changed nothing is not written */
  g_assert_true (zicha_change_log_append (db, "张三", "import", "7", ZICHA_CHANGE_UPDATE,
                                          after, after, &error));
  g_assert_true (zicha_change_log_append (db, NULL, "plan", "1", ZICHA_CHANGE_CREATE, NULL,
                                          "{\"id\":1}", &error));
  g_assert_true (zicha_db_commit (db, &error));
  g_assert_no_error (error);

  all = zicha_change_log_list (db, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  e = g_ptr_array_index (all, 0);
  g_assert_cmpstr (e->user_name, ==, "张三");
  g_assert_cmpstr (e->entity, ==, "import");
  g_assert_cmpstr (e->entity_key, ==, "7");
  g_assert_cmpint (e->action, ==, ZICHA_CHANGE_UPDATE);
  g_assert_cmpstr (e->old_values, ==, before);
  g_assert_cmpstr (e->new_values, ==, after);
  g_assert_cmpuint (strlen (e->at), ==, 19);
  e = g_ptr_array_index (all, 1);
  g_assert_cmpstr (e->user_name, ==, "?");
  g_assert_cmpint (e->action, ==, ZICHA_CHANGE_CREATE);
  g_assert_null (e->old_values);

  one = zicha_change_log_list (db, "plan", "1", &error);
  g_assert_cmpuint (one->len, ==, 1);
  g_clear_pointer (&one, g_ptr_array_unref);
  one = zicha_change_log_list (db, "plan", "2", &error);
  g_assert_cmpuint (one->len, ==, 0);
}

/* Rolled back with the change it belongs to. */
static void
test_rolled_back (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("log-rollback.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_true (zicha_db_begin (db, &error));
  g_assert_true (zicha_change_log_append (db, "u", "plan", "1", ZICHA_CHANGE_DELETE,
                                          "{\"id\":1}", NULL, &error));
  zicha_db_rollback (db);
  all = zicha_change_log_list (db, NULL, NULL, &error);
  g_assert_cmpuint (all->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("change-log");
  g_test_add_func ("/change-log/append-and-list", test_append_and_list);
  g_test_add_func ("/change-log/rolled-back", test_rolled_back);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
