/* test-hit-list.c — the risk leads list: order, filter, pages, refresh, stale queries, errors
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hits are written with SQL into a new database: five with distinct fields for the orders
 * and filters, or 1500 of one rule for the pages. */
#define G_LOG_DOMAIN "zicha-test-hit-list"

#include "config.h"

#include <glib/gstdio.h>

#include "zicha-core.h"
#include "zicha-db-private.h"
#include "zicha-hit-list.h"

#define N_BULK 1500

typedef struct
{
  char    *dir;
  char    *path;
  ZichaDb *db;
} Fixture;

/* id, rule, area, severity, entity type, key, status, message, last found on */
static const char five_hits_sql[] =
  "INSERT INTO hits (id, rule, area, severity, entity_type, entity_key, status, message,"
  " first_found_on, last_found_on) VALUES"
  " (1, 'R_B', 'legal', 'low', 'certificates', 'C003', 'open', 'late renewal',"
  "  '2023-01-01', '2024-03-01'),"
  " (2, 'R_A', 'conduct', 'high', 'personnel', 'P002', 'confirmed', 'Too many audits',"
  "  '2023-01-01', '2024-01-15'),"
  " (3, 'R_C', 'practice', 'medium', 'audits', 'A001', 'dismissed', 'short audit 50%',"
  "  '2023-01-01', '2024-02-10'),"
  " (4, 'R_A', 'conduct', 'high', 'personnel', 'P001', 'open', 'Too many audits',"
  "  '2023-01-01', '2024-03-05'),"
  " (5, 'R_B', 'legal', 'medium', 'certificates', 'C001', 'resolved', 'late renewal',"
  "  '2023-01-01', '2023-12-31')";

/* Hit i has the key E(1501 - i): the default order (by key) is the reverse of the ids. */
static const char bulk_hits_sql[] =
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
  " INSERT INTO hits (id, rule, area, severity, entity_type, entity_key, message,"
  " first_found_on, last_found_on)"
  " SELECT i, 'BULK', 'practice', 'low', 'audits', printf ('E%05d', 1501 - i), 'bulk ' || i,"
  " '2024-01-01', '2024-01-01' FROM n";

static void
exec_or_die (ZichaDb    *db,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zicha_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("zicha-hit-list-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "hits.zicha", NULL);
  f->db = zicha_db_open (f->path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (data != NULL)
    exec_or_die (f->db, data);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->db);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static ZichaHitList *
new_list (Fixture *f)
{
  ZichaHitList *list = zicha_hit_list_new (f->db);

  g_assert_true (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_false (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  g_assert_null (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  return list;
}

/* Waits for every query of @list, also those replaced (each holds a reference). */
static void
wait_all (ZichaHitList *list)
{
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  while (G_OBJECT (list)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gint64
id_at (ZichaHitList *list,
       guint         position)
{
  g_autoptr(ZichaHitRow) row = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (row);
  return zicha_hit_row_get_id (row);
}

/* The ids of the list in order, e.g. "4 2 5 3 1". */
static char *
ids_of (ZichaHitList *list)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", id_at (list, i));
  return g_string_free (ids, FALSE);
}

static void
assert_ids (ZichaHitList *list,
            const char   *expected)
{
  g_autofree char *ids = ids_of (list);

  g_assert_cmpstr (ids, ==, expected);
}

static void
assert_order (ZichaHitList  *list,
              ZichaHitOrder  order,
              gboolean       descending,
              const char    *expected)
{
  zicha_hit_list_set_order (list, order, descending);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  assert_ids (list, expected);
}

static void
assert_filter (ZichaHitList         *list,
               const ZichaHitFilter *filter,
               const char           *expected)
{
  zicha_hit_list_set_filter (list, filter);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_null (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  assert_ids (list, expected);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ZichaHitList) list = new_list (f);
  guint n_items = G_MAXUINT;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ZICHA_TYPE_HIT_ROW);
  g_assert_true (zicha_paged_list_get_db (ZICHA_PAGED_LIST (list)) == f->db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), 1), ==, G_MAXUINT);
  g_assert_cmpuint (zicha_hit_list_update_hit (list, 1), ==, G_MAXUINT);
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  const ZichaRule *rule = &zicha_rules_get_all (NULL)[0];
  g_autofree char *sql = NULL;
  g_autoptr(ZichaHitList) list = NULL;
  g_autoptr(ZichaHitRow) known = NULL;
  g_autoptr(ZichaHitRow) unknown = NULL;
  const ZichaHit *hit;
  ZichaHit *from_property = NULL;
  gboolean loading = TRUE;
  guint n_items = 0;

  sql = g_strdup_printf ("INSERT INTO hits (id, rule, area, severity, entity_type, entity_key,"
                         " status, message, details, first_found_on, last_found_on) VALUES"
                         " (7, '%s', 'legal', 'high', 'certificates', 'C001', 'open',"
                         "  'expired', '{\"days\": 3}', '2024-01-01', '2024-02-01'),"
                         " (8, 'NO_SUCH_RULE', 'legal', 'low', 'certificates', 'C002',"
                         "  'resolved', 'odd one', NULL, '2024-01-01', '2024-02-01')",
                         rule->id);
  exec_or_die (f->db, sql);
  list = new_list (f);
  g_object_get (list, "loading", &loading, "n-items", &n_items, NULL);
  g_assert_false (loading);
  g_assert_cmpuint (n_items, ==, 2);

  known = g_list_model_get_item (G_LIST_MODEL (list), 0);
  hit = zicha_hit_row_get_hit (known);
  g_assert_cmpint (zicha_hit_row_get_id (known), ==, 7);
  g_assert_cmpstr (hit->rule, ==, rule->id);
  g_assert_cmpstr (hit->entity_key, ==, "C001");
  g_assert_cmpstr (hit->message, ==, "expired");
  g_assert_cmpstr (hit->details, ==, "{\"days\": 3}");
  g_assert_cmpstr (hit->last_found_on, ==, "2024-02-01");
  g_assert_cmpint (hit->status, ==, ZICHA_HIT_OPEN);
  g_assert_cmpstr (zicha_hit_row_get_rule_title (known), ==, zicha_rule_get_title (rule));
  g_assert_cmpstr (zicha_hit_row_get_severity_label (known), ==,
                   zicha_rule_severity_get_label (ZICHA_RULE_SEVERITY_HIGH));
  g_assert_cmpstr (zicha_hit_row_get_status_label (known), ==,
                   zicha_hit_status_get_label (ZICHA_HIT_OPEN));
  g_object_get (known, "hit", &from_property, NULL);
  g_assert_cmpint (from_property->id, ==, 7);
  zicha_hit_free (from_property);

  /* A rule no longer in the catalogue shows its id. */
  unknown = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (zicha_hit_row_get_id (unknown), ==, 8);
  g_assert_cmpstr (zicha_hit_row_get_rule_title (unknown), ==, "NO_SUCH_RULE");
  g_assert_cmpstr (zicha_hit_row_get_severity_label (unknown), ==,
                   zicha_rule_severity_get_label (ZICHA_RULE_SEVERITY_LOW));
  g_assert_cmpstr (zicha_hit_row_get_status_label (unknown), ==,
                   zicha_hit_status_get_label (ZICHA_HIT_RESOLVED));
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ZichaHitList) list = new_list (f);

  /* Severity (high first), rule, key. */
  assert_ids (list, "4 2 5 3 1");
  assert_order (list, ZICHA_HIT_ORDER_DEFAULT, TRUE, "1 3 5 2 4");
  assert_order (list, ZICHA_HIT_ORDER_RULE, FALSE, "4 2 5 1 3");
  assert_order (list, ZICHA_HIT_ORDER_RULE, TRUE, "3 1 5 2 4");
  assert_order (list, ZICHA_HIT_ORDER_ENTITY, FALSE, "3 5 1 4 2");
  assert_order (list, ZICHA_HIT_ORDER_STATUS, FALSE, "2 3 4 1 5");
  assert_order (list, ZICHA_HIT_ORDER_LAST_FOUND, FALSE, "5 2 3 1 4");
  assert_order (list, ZICHA_HIT_ORDER_LAST_FOUND, TRUE, "4 1 3 2 5");
  assert_order (list, ZICHA_HIT_ORDER_ID, FALSE, "1 2 3 4 5");
  assert_order (list, ZICHA_HIT_ORDER_ID, TRUE, "5 4 3 2 1");

  /* The same order again runs no query. */
  zicha_hit_list_set_order (list, ZICHA_HIT_ORDER_ID, TRUE);
  g_assert_false (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), 5), ==, 0);
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), 1), ==, 4);
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), 6), ==, G_MAXUINT);
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ZichaHitList) list = new_list (f);

  assert_filter (list, &(ZichaHitFilter) { .severity = "high" }, "4 2");
  assert_filter (list, &(ZichaHitFilter) { .status = "open" }, "4 1");
  assert_filter (list, &(ZichaHitFilter) { .rule = "R_B" }, "5 1");
  assert_filter (list, &(ZichaHitFilter) { .area = "conduct" }, "4 2");
  assert_filter (list, &(ZichaHitFilter) { .entity_type = "audits" }, "3");
  assert_filter (list, &(ZichaHitFilter) { .rule = "R_A", .status = "open" }, "4");
  assert_filter (list, &(ZichaHitFilter) { .rule = "R_A", .status = "dismissed" }, "");
  /* Text: message, key or rule, ASCII case ignored, blanks around it dropped, LIKE
   * wildcards taken literally. */
  assert_filter (list, &(ZichaHitFilter) { .text = "TOO many" }, "4 2");
  assert_filter (list, &(ZichaHitFilter) { .text = "c00" }, "5 1");
  assert_filter (list, &(ZichaHitFilter) { .text = "  r_b " }, "5 1");
  assert_filter (list, &(ZichaHitFilter) { .text = "50%" }, "3");
  assert_filter (list, &(ZichaHitFilter) { .text = "5_%" }, "");
  assert_filter (list, &(ZichaHitFilter) { .text = "renewal", .severity = "low" }, "1");
  /* Empty fields and no filter: every hit. */
  assert_filter (list, &(ZichaHitFilter) { "", "", "", "", "", "   " }, "4 2 5 3 1");
  assert_filter (list, &(ZichaHitFilter) { .status = "open" }, "4 1");
  assert_filter (list, NULL, "4 2 5 3 1");

  /* The filter and the order together. */
  zicha_hit_list_set_order (list, ZICHA_HIT_ORDER_ID, FALSE);
  assert_filter (list, &(ZichaHitFilter) { .status = "open" }, "1 4");
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ZichaHitList) list = new_list (f);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GListModel *model = G_LIST_MODEL (list);
  ZichaHitRow *first;
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, N_BULK);

  /* Every hit once, in order, across the page bounds. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZichaHitRow) row = g_list_model_get_item (model, i);
      g_autofree char *key = g_strdup_printf ("E%05u", i + 1);

      g_assert_cmpint (zicha_hit_row_get_id (row), ==, N_BULK - i);
      g_assert_cmpstr (zicha_hit_row_get_hit (row)->entity_key, ==, key);
      if (i % 97 == 0 || i == n - 1)
        g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), N_BULK - i), ==, i);
    }
  g_assert_null (g_list_model_get_item (model, n));

  /* Only the last eight pages read are kept: the first row goes when a ninth is read. */
  first = g_list_model_get_item (model, 0);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_unref (first);
  g_assert_nonnull (first);
  for (guint page = 1; page < 8; page++)
    g_object_unref (g_list_model_get_item (model, page * ZICHA_HIT_LIST_PAGE_SIZE + 5));
  g_assert_nonnull (first);
  {
    g_autoptr(ZichaHitRow) again = g_list_model_get_item (model, 0);

    g_assert_true (again == first);
  }
  for (guint page = 1; page < 8; page++)
    g_object_unref (g_list_model_get_item (model, page * ZICHA_HIT_LIST_PAGE_SIZE));
  g_assert_nonnull (first);
  g_object_unref (g_list_model_get_item (model, n - 1));
  g_assert_null (first);
  g_assert_cmpint (id_at (list, 0), ==, N_BULK);

  /* A new query replaces the rows in two changes, all of them removed, then added. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  zicha_hit_list_set_filter (list, &(ZichaHitFilter) { .text = "E000" });
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, N_BULK);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 1).removed, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 1).added, ==, 99);
  g_assert_cmpint (id_at (list, 98), ==, N_BULK - 98);

  /* Nothing found: one change, nothing added. */
  g_array_set_size (changes, 0);
  zicha_hit_list_set_filter (list, &(ZichaHitFilter) { .text = "nothing like it" });
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 99);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

static void
on_hit_notify_cb (GObject    *row,
                  GParamSpec *pspec,
                  guint      *count)
{
  (*count)++;
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ZichaHitList) list = new_list (f);
  g_autoptr(ZichaHitRow) row = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  zicha_hit_list_set_filter (list, &(ZichaHitFilter) { .status = "open" });
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  assert_ids (list, "4 1");

  /* A triaged hit is read again in its row, which stays at its place. */
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_connect (row, "notify::hit", G_CALLBACK (on_hit_notify_cb), &notified);
  g_assert_true (zicha_hits_dismiss (f->db, 4, "a duplicate", "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpint (zicha_hit_row_get_hit (row)->status, ==, ZICHA_HIT_OPEN);
  g_assert_cmpuint (zicha_hit_list_update_hit (list, 4), ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (zicha_hit_row_get_hit (row)->status, ==, ZICHA_HIT_DISMISSED);
  g_assert_cmpstr (zicha_hit_row_get_hit (row)->dismiss_reason, ==, "a duplicate");
  g_assert_cmpstr (zicha_hit_row_get_status_label (row), ==,
                   zicha_hit_status_get_label (ZICHA_HIT_DISMISSED));
  assert_ids (list, "4 1");
  /* Not in the list: nothing read. */
  g_assert_cmpuint (zicha_hit_list_update_hit (list, 2), ==, G_MAXUINT);
  g_assert_cmpuint (notified, ==, 1);

  /* After a run of the rules: the query again. */
  exec_or_die (f->db, "INSERT INTO hits (id, rule, area, severity, entity_type, entity_key,"
                      " message, first_found_on, last_found_on) VALUES (9, 'R_0', 'legal',"
                      " 'high', 'certificates', 'C009', 'new', '2024-04-01', '2024-04-01')");
  zicha_hit_list_reload (list);
  g_assert_true (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), 9), ==, 0);
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), 1), ==, 1);

  /* Rows are read when asked for: a hit gone since the query shows as an empty row until the
   * next one. */
  exec_or_die (f->db, "DELETE FROM hits WHERE id = 9");
  {
    g_autoptr(ZichaHitRow) gone = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpint (zicha_hit_row_get_id (gone), ==, 9);
    g_assert_cmpstr (zicha_hit_row_get_hit (gone)->rule, ==, "");
    g_assert_cmpstr (zicha_hit_row_get_hit (gone)->message, ==, "");
  }
  g_assert_cmpint (id_at (list, 1), ==, 1);
  zicha_hit_list_reload (list);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  assert_ids (list, "1");
}

static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ZichaHitList) list = new_list (f);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));

  /* The answer of a query replaced by a newer one never shows, even when it comes first. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  zicha_hit_list_set_filter (list, &(ZichaHitFilter) { .severity = "high" });
  zicha_hit_list_set_order (list, ZICHA_HIT_ORDER_ID, FALSE);
  zicha_hit_list_set_filter (list, &(ZichaHitFilter) { .severity = "medium" });
  g_assert_true (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  wait_all (list);
  g_assert_false (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  assert_ids (list, "3 5");
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 5);
  g_assert_cmpuint (g_array_index (changes, Change, 1).added, ==, 2);

  /* A list dropped while its query runs goes when the query is done. */
  {
    ZichaHitList *dropped = zicha_hit_list_new (f->db);

    g_object_add_weak_pointer (G_OBJECT (dropped), (gpointer *) &dropped);
    zicha_hit_list_set_filter (dropped, &(ZichaHitFilter) { .severity = "low" });
    g_object_unref (dropped);
    while (dropped != NULL)
      g_main_context_iteration (NULL, TRUE);
  }
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ZichaHitList) list = new_list (f);
  g_autofree char *moved = g_strconcat (f->path, ".moved", NULL);

  assert_ids (list, "4 2 5 3 1");

  /* The query opens the file again: gone, the list is empty and says why. */
  g_assert_cmpint (g_rename (f->path, moved), ==, 0);
  g_test_expect_message ("zicha-paged-model", G_LOG_LEVEL_WARNING, "Could not list hits: *");
  zicha_hit_list_reload (list);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_test_assert_expected_messages ();
  g_assert_nonnull (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_cmpint (g_rename (moved, f->path), ==, 0);
  zicha_hit_list_reload (list);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_null (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  assert_ids (list, "4 2 5 3 1");
}

int
main (int   argc,
      char *argv[])
{
  zicha_core_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, sql, func) \
  g_test_add ("/hit-list/" path, Fixture, sql, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", NULL, test_empty);
  ADD ("rows", NULL, test_rows);
  ADD ("order", five_hits_sql, test_order);
  ADD ("filter", five_hits_sql, test_filter);
  ADD ("pages", bulk_hits_sql, test_pages);
  ADD ("refresh", five_hits_sql, test_refresh);
  ADD ("stale", five_hits_sql, test_stale);
  ADD ("error", five_hits_sql, test_error);

#undef ADD

  return g_test_run ();
}
