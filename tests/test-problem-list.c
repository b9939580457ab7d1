/* test-problem-list.c — the problem ledger as a list read page by page: order, filter, state,
 * pages, rows read again
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Five problems written with SQL, with distinct fields for the orders and filters, measures
 * that give them their states through the view problem_states; or 300 of them for the
 * pages. */
#define G_LOG_DOMAIN "test-problem-list"

#include "config.h"

#include "zicha-core.h"
#include "zicha-db-private.h"
#include "zicha-problem-list.h"
#include "zicha-test-utils.h"

/* id, year, seq, area, severity, title, source, found_on; states by measures: 1 open,
 * 2 in rectification, 3 awaiting close-out, 4 withdrawn, 5 open */
static const char five_problems_sql[] =
  "INSERT INTO problems (id, year, seq, area, source, severity, title, description, found_on,"
  " created_at) VALUES"
  " (1, 2026, 2, 'legal', 'hit', 'low', 'Certificate expired', NULL, '2026-02-01', 't'),"
  " (2, 2025, 1, 'conduct', 'manual', 'high', 'Auditor double booked', '两地签到',"
  "  '2025-07-01', 't'),"
  " (3, 2026, 1, 'practice', 'checklist', 'medium', 'Papers apart', NULL, '2026-01-15', 't'),"
  " (4, 2026, 3, 'capability', 'complaint', 'high', 'Code without competence', NULL,"
  "  '2026-03-01', 't'),"
  " (5, 2024, 1, 'legal', 'extension', 'medium', 'Audit time short', '50%', '2024-12-31', 't');"
  "UPDATE problems SET withdrawn_at = 't', withdrawn_by = 'u', withdraw_reason = '重复'"
  " WHERE id = 4;"
  "INSERT INTO measures (id, kind, text, status, conclusion, created_at, created_by) VALUES"
  " (1, 'correction', 'm', 'open', NULL, 't', 't'),"
  " (2, 'correction', 'm', 'in_progress', NULL, 't', 't'),"
  " (3, 'correction', 'm', 'verified', 'effective', 't', 't'),"
  " (4, 'correction', 'm', 'verified', 'effective', 't', 't');"
  "INSERT INTO measure_problems (measure, problem, linked_at, linked_by) VALUES"
  " (1, 1, 't', 't'), (2, 2, 't', 't'), (3, 3, 't', 't'), (4, 4, 't', 't');";

static ZichaDb *
open_db (const char *name, const char *sql)
{
  ZichaDb *db = zicha_test_open_db (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (zicha_db_exec (db, sql, &error));
  g_assert_no_error (error);
  return db;
}

static ZichaProblemList *
new_list (ZichaDb *db)
{
  ZichaProblemList *list = zicha_problem_list_new (db);

  g_assert_true (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_false (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  g_assert_null (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  return list;
}

/* Waits for every query of @list, also those replaced (each holds a reference). */
static void
wait_all (ZichaProblemList *list)
{
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  while (G_OBJECT (list)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The ids of the list in order, e.g. "5 2 3 1 4". */
static char *
ids_of (ZichaProblemList *list)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZichaProblemRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              zicha_problem_row_get_id (row));
    }
  return g_string_free (ids, FALSE);
}

static void
assert_ids (ZichaProblemList *list,
            const char       *expected)
{
  g_autofree char *ids = NULL;

  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_null (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  ids = ids_of (list);
  g_assert_cmpstr (ids, ==, expected);
}

static void
test_order_and_filter (void)
{
  g_autoptr(ZichaDb) db = open_db ("five.db", five_problems_sql);
  g_autoptr(ZichaProblemList) list = new_list (db);
  ZichaProblemFilter filter = { 0 };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ZICHA_TYPE_PROBLEM_ROW);
  /* the ledger's order: by year, then number */
  assert_ids (list, "5 2 3 1 4");
  zicha_problem_list_set_order (list, ZICHA_PROBLEM_ORDER_NUMBER, TRUE);
  assert_ids (list, "4 1 3 2 5");
  zicha_problem_list_set_order (list, ZICHA_PROBLEM_ORDER_SEVERITY, FALSE);
  assert_ids (list, "2 4 5 3 1");
  zicha_problem_list_set_order (list, ZICHA_PROBLEM_ORDER_STATE, FALSE);
  assert_ids (list, "5 1 2 3 4");
  zicha_problem_list_set_order (list, ZICHA_PROBLEM_ORDER_AREA, FALSE);
  assert_ids (list, "5 1 2 3 4");
  zicha_problem_list_set_order (list, ZICHA_PROBLEM_ORDER_FOUND_ON, TRUE);
  assert_ids (list, "4 1 3 2 5");
  zicha_problem_list_set_order (list, ZICHA_PROBLEM_ORDER_TITLE, FALSE);
  assert_ids (list, "5 2 1 4 3");
  zicha_problem_list_set_order (list, ZICHA_PROBLEM_ORDER_NUMBER, FALSE);

  /* the state through the view */
  filter.state = "open";
  zicha_problem_list_set_filter (list, &filter);
  assert_ids (list, "5 1");
  filter.state = "awaiting_closeout";
  zicha_problem_list_set_filter (list, &filter);
  assert_ids (list, "3");
  filter.state = "withdrawn";
  zicha_problem_list_set_filter (list, &filter);
  assert_ids (list, "4");
  filter = (ZichaProblemFilter) { .area = "legal" };
  zicha_problem_list_set_filter (list, &filter);
  assert_ids (list, "5 1");
  /* text: number, title or description, trimmed; % literal */
  filter = (ZichaProblemFilter) { .text = "  zc-2026  " };
  zicha_problem_list_set_filter (list, &filter);
  assert_ids (list, "3 1 4");
  filter.text = "签到";
  zicha_problem_list_set_filter (list, &filter);
  assert_ids (list, "2");
  filter.text = "50%";
  zicha_problem_list_set_filter (list, &filter);
  assert_ids (list, "5");
  filter.text = "0%";
  filter.area = "conduct";
  zicha_problem_list_set_filter (list, &filter);
  assert_ids (list, "");
  zicha_problem_list_set_filter (list, NULL);
  assert_ids (list, "5 2 3 1 4");

  /* the labels a column shows */
  {
    g_autoptr(ZichaProblemRow) row = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_cmpstr (zicha_problem_row_get_problem (row)->number, ==, "ZC-2025-001");
    g_assert_cmpstr (zicha_problem_row_get_state_label (row), ==, "In rectification");
    g_assert_cmpstr (zicha_problem_row_get_area_label (row), ==,
                     "Professional conduct of personnel");
    g_assert_cmpstr (zicha_problem_row_get_severity_label (row), ==, "High");
    g_assert_cmpstr (zicha_problem_row_get_source_label (row), ==, "Entered by hand");
  }
  wait_all (list);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_update_and_gone (void)
{
  g_autoptr(ZichaDb) db = open_db ("update.db", five_problems_sql);
  g_autoptr(ZichaProblemList) list = new_list (db);
  g_autoptr(ZichaProblemRow) row = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_cmpint (zicha_problem_row_get_id (row), ==, 1);
  g_assert_cmpint (zicha_problem_row_get_problem (row)->state, ==, ZICHA_PROBLEM_OPEN);
  g_signal_connect (row, "notify::problem", G_CALLBACK (on_notify_cb), &notified);

  /* withdrawn in the ledger: the row is read again where it is */
  g_assert_true (zicha_problems_withdraw (db, 1, "误报", "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zicha_problem_list_update_problem (list, 1), ==, 3);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (zicha_problem_row_get_problem (row)->state, ==, ZICHA_PROBLEM_WITHDRAWN);
  g_assert_cmpuint (zicha_problem_list_update_problem (list, 99), ==, G_MAXUINT);

  /* rows are read when asked for: a problem deleted since the query is an empty row until
   * the list is read again */
  {
    g_autoptr(ZichaProblemList) other = new_list (db);

    g_assert_true (zicha_db_exec (db, "DELETE FROM measure_problems WHERE problem = 3;"
                                      "DELETE FROM problems WHERE id = 3", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 5);
    {
      g_autoptr(ZichaProblemRow) empty = g_list_model_get_item (G_LIST_MODEL (other), 2);

      g_assert_cmpint (zicha_problem_row_get_id (empty), ==, 3);
      g_assert_null (zicha_problem_row_get_problem (empty)->number);
      g_assert_cmpstr (zicha_problem_row_get_state_label (empty), ==, "");
      g_assert_cmpstr (zicha_problem_row_get_area_label (empty), ==, "");
      g_assert_cmpstr (zicha_problem_row_get_source_label (empty), ==, "");
    }
    zicha_problem_list_reload (other);
    assert_ids (other, "5 2 1 4");
    wait_all (other);
  }
  wait_all (list);
}

/* 300 problems of one year: more than two pages of rows, each read when asked for. */
static void
test_pages (void)
{
  g_autoptr(ZichaDb) db = open_db ("pages.db",
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
    " INSERT INTO problems (id, year, seq, area, source, severity, title, found_on, created_at)"
    " SELECT i, 2026, 301 - i, 'legal', 'manual', 'low', printf ('problem %03d', i),"
    " '2026-05-01', 't' FROM n");
  g_autoptr(ZichaProblemList) list = new_list (db);
  ZichaProblemFilter filter = { .text = "problem 2" };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
  for (guint i = 0; i < 300; i += 37)
    {
      g_autoptr(ZichaProblemRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *number = g_strdup_printf ("ZC-2026-%03u", i + 1);

      /* the ledger's order is the reverse of the ids here */
      g_assert_cmpint (zicha_problem_row_get_id (row), ==, 300 - i);
      g_assert_cmpstr (zicha_problem_row_get_problem (row)->number, ==, number);
    }
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), 1), ==, 299);
  zicha_problem_list_set_filter (list, &filter);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  /* "problem 2" matches 200 to 299 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  wait_all (list);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("problem-list");
  g_test_add_func ("/problem-list/order-and-filter", test_order_and_filter);
  g_test_add_func ("/problem-list/update-and-gone", test_update_and_gone);
  g_test_add_func ("/problem-list/pages", test_pages);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
