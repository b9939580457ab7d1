/* test-record-list.c — record lists, search, sort, details and related records
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-test-record-list"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-core.h"
#include "zicha-demo.h"
#include "zicha-import.h"
#include "zicha-pinyin.h"
#include "zicha-record-list.h"

static char *tmp_dir;
static ZichaDb *small_db;   /* tests/data/ui-import */

static void
import_or_die (ZichaDb    *db,
               const char *folder)
{
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!zicha_import_folder (db, folder, NULL, NULL, NULL, NULL, &result, &error))
    {
      g_autofree char *messages = result != NULL
                                  ? zicha_import_result_format_messages (result) : NULL;

      g_test_message ("%s", messages != NULL ? messages : "");
      g_assert_no_error (error);
    }
}

static ZichaRecordList *
new_list (ZichaDb         *db,
          ZichaRecordKind  kind)
{
  ZichaRecordList *list = zicha_record_list_new (db, kind);

  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_null (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  return list;
}

/* The value of @column_id in row @position. */
static char *
cell (ZichaRecordList *list,
      guint            position,
      const char      *column_id)
{
  g_autoptr(ZichaRecordRow) row = g_list_model_get_item (G_LIST_MODEL (list), position);
  int column = zicha_record_kind_find_column (zicha_record_list_get_kind (list), column_id);

  g_assert_nonnull (row);
  g_assert_cmpint (column, >=, 0);
  return g_strdup (zicha_record_row_get_value (row, (guint) column));
}

static void
assert_cell (ZichaRecordList *list,
             guint            position,
             const char      *column_id,
             const char      *expected)
{
  g_autofree char *value = cell (list, position, column_id);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_columns (void)
{
  guint n_kinds = 0;

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    {
      if (!zicha_record_list_kind_supported (k))
        continue;
      n_kinds++;
      g_assert_cmpuint (zicha_record_kind_get_n_columns (k), >, 1);
      for (guint c = 0; c < zicha_record_kind_get_n_columns (k); c++)
        {
          const char *id = zicha_record_kind_get_column_id (k, c);

          g_assert_cmpstr (zicha_record_kind_get_column_title (k, c), !=, "");
          g_assert_cmpint (zicha_record_kind_find_column (k, id), ==, (int) c);
        }
      g_assert_false (zicha_record_kind_get_column_detail_only (k, 0));
    }
  g_assert_cmpuint (n_kinds, ==, 13);
  g_assert_false (zicha_record_list_kind_supported (ZICHA_RECORD_BODY));
  g_assert_cmpint (zicha_record_kind_find_column (ZICHA_RECORD_CERTIFICATES, "nope"), ==, -1);
  g_assert_true (zicha_record_kind_get_column_numeric (ZICHA_RECORD_EXPENSES,
                   zicha_record_kind_find_column (ZICHA_RECORD_EXPENSES, "amount")));
  g_assert_false (zicha_record_kind_get_column_numeric (ZICHA_RECORD_CERTIFICATES, 0));
}

static void
test_certificates (void)
{
  g_autoptr(ZichaRecordList) list = new_list (small_db, ZICHA_RECORD_CERTIFICATES);
  g_autoptr(ZichaRecordRow) row = NULL;
  g_autoptr(ZichaRecordRow) again = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ZICHA_TYPE_RECORD_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5));

  /* Default order: by certificate number. */
  assert_cell (list, 0, "cert_no", "C001");
  assert_cell (list, 4, "cert_no", "C005");
  assert_cell (list, 0, "org", "北京华信科技有限公司");
  assert_cell (list, 0, "issued_on", "2021-01-10");
  assert_cell (list, 0, "status", g_dpgettext2 (GETTEXT_PACKAGE, "certificate status", "Valid"));
  assert_cell (list, 2, "status",
               g_dpgettext2 (GETTEXT_PACKAGE, "certificate status", "Suspended"));

  /* The same object while its page is kept. */
  row = g_list_model_get_item (G_LIST_MODEL (list), 1);
  again = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (row == again);
  g_assert_cmpint (zicha_record_row_get_kind (row), ==, ZICHA_RECORD_CERTIFICATES);
  g_assert_cmpint (zicha_record_row_get_id (row), ==,
                   zicha_record_find_by_key (small_db, ZICHA_RECORD_CERTIFICATES, "C002"));
  g_assert_cmpstr (zicha_record_row_get_title (row), ==, "C002 上海东方机械制造有限公司");
  g_assert_cmpstr (zicha_record_row_get_value (row, 999), ==, "");
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list),
                                          zicha_record_row_get_id (row)), ==, 1);
  g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), 123456), ==, G_MAXUINT);
  g_assert_cmpfloat (zicha_paged_list_get_query_ms (ZICHA_PAGED_LIST (list)), >=, 0);
}

static void
test_sort (void)
{
  g_autoptr(ZichaRecordList) list = new_list (small_db, ZICHA_RECORD_CERTIFICATES);
  guint org = (guint) zicha_record_kind_find_column (ZICHA_RECORD_CERTIFICATES, "org");
  guint issued = (guint) zicha_record_kind_find_column (ZICHA_RECORD_CERTIFICATES, "issued_on");

  zicha_record_list_set_sort (list, 0, TRUE);
  g_assert_true (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_false (zicha_paged_list_get_loading (ZICHA_PAGED_LIST (list)));
  g_assert_cmpuint (zicha_record_list_get_sort_column (list), ==, 0);
  g_assert_true (zicha_record_list_get_sort_descending (list));
  assert_cell (list, 0, "cert_no", "C005");
  assert_cell (list, 4, "cert_no", "C001");

  zicha_record_list_set_sort (list, issued, FALSE);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  assert_cell (list, 0, "cert_no", "C002");
  assert_cell (list, 4, "cert_no", "C005");

  /* Names in pinyin order: 安徽 (an) < 北京 (bei) < 上海 (shang) < 张家口 (zhang). */
  zicha_record_list_set_sort (list, org, FALSE);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  if (zicha_pinyin_has_zh_collation ())
    {
      assert_cell (list, 0, "org", "安徽阿里山茶业有限公司");
      assert_cell (list, 1, "org", "北京华信科技有限公司");
      assert_cell (list, 2, "org", "北京华信科技有限公司");
      assert_cell (list, 3, "org", "上海东方机械制造有限公司");
      assert_cell (list, 4, "org", "张家口中山食品有限公司");
      /* Ties in the order of the rows. */
      assert_cell (list, 1, "cert_no", "C001");
      assert_cell (list, 2, "cert_no", "C005");
    }
  else
    g_test_message ("no zh_CN collation: pinyin order not checked");

  zicha_record_list_set_sort (list, org, TRUE);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  if (zicha_pinyin_has_zh_collation ())
    assert_cell (list, 0, "org", "张家口中山食品有限公司");

  /* Personnel by name: 李四 (li) < 王五 (wang) < 张三 (zhang) < 赵六 (zhao). */
  {
    g_autoptr(ZichaRecordList) people = new_list (small_db, ZICHA_RECORD_PERSONNEL);

    zicha_record_list_set_sort (people, 1, FALSE);
    zicha_paged_list_wait (ZICHA_PAGED_LIST (people));
    if (zicha_pinyin_has_zh_collation ())
      {
        assert_cell (people, 0, "name", "李四");
        assert_cell (people, 1, "name", "王五");
        assert_cell (people, 2, "name", "张三");
        assert_cell (people, 3, "name", "赵六");
        assert_cell (people, 0, "employment",
                     g_dpgettext2 (GETTEXT_PACKAGE, "employment", "Part-time"));
      }
    assert_cell (people, 0, "joined_on", zicha_pinyin_has_zh_collation () ? "2016-05-10"
                                                                          : "2015-03-01");
  }
}

static guint
count_after_search (ZichaRecordList *list,
                    const char      *text)
{
  zicha_record_list_set_search (list, text);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_null (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_search (void)
{
  g_autoptr(ZichaRecordList) list = new_list (small_db, ZICHA_RECORD_CERTIFICATES);
  g_autoptr(ZichaRecordList) people = new_list (small_db, ZICHA_RECORD_PERSONNEL);
  g_autoptr(ZichaRecordList) orgs = new_list (small_db, ZICHA_RECORD_ORGANIZATIONS);

  /* Substrings of names and keys, ASCII case ignored. */
  g_assert_cmpuint (count_after_search (list, "华信"), ==, 2);
  g_assert_cmpstr (zicha_record_list_get_search (list), ==, "华信");
  assert_cell (list, 0, "cert_no", "C001");
  assert_cell (list, 1, "cert_no", "C005");
  g_assert_cmpuint (count_after_search (list, "c00"), ==, 5);
  g_assert_cmpuint (count_after_search (list, "C003"), ==, 1);
  g_assert_cmpuint (count_after_search (list, "O002"), ==, 1);
  /* Pinyin initials of the organization: 张家口中山食品 → zjkzssp. */
  g_assert_cmpuint (count_after_search (list, "zs"), ==, 1);
  assert_cell (list, 0, "cert_no", "C004");
  g_assert_cmpuint (count_after_search (list, "ZJK"), ==, 1);
  /* LIKE wildcards are taken literally. */
  g_assert_cmpuint (count_after_search (list, "%"), ==, 0);
  g_assert_cmpuint (count_after_search (list, "C_01"), ==, 0);
  g_assert_cmpuint (count_after_search (list, "zzz"), ==, 0);
  /* Blank: everything again. */
  g_assert_cmpuint (count_after_search (list, "  "), ==, 5);
  g_assert_null (zicha_record_list_get_search (list));
  g_assert_cmpuint (count_after_search (list, NULL), ==, 5);

  g_assert_cmpuint (count_after_search (people, "zs"), ==, 1);
  assert_cell (people, 0, "name", "张三");
  g_assert_cmpuint (count_after_search (people, "李"), ==, 1);
  g_assert_cmpuint (count_after_search (people, "p00"), ==, 4);

  g_assert_cmpuint (count_after_search (orgs, "bjhx"), ==, 1);
  g_assert_cmpuint (count_after_search (orgs, "有限公司"), ==, 4);

  /* A newer search replaces one still running. */
  zicha_record_list_set_search (list, "华信");
  zicha_record_list_set_search (list, "东方");
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  assert_cell (list, 0, "cert_no", "C002");
}

static void
test_formats (void)
{
  g_autoptr(ZichaRecordList) audits = new_list (small_db, ZICHA_RECORD_AUDITS);
  g_autoptr(ZichaRecordList) expenses = new_list (small_db, ZICHA_RECORD_EXPENSES);
  g_autoptr(ZichaRecordList) team = new_list (small_db, ZICHA_RECORD_AUDIT_TEAM);
  g_autoptr(ZichaRecordList) checkins = new_list (small_db, ZICHA_RECORD_CHECKINS);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (audits)), ==, 3);
  assert_cell (audits, 0, "onsite_days", "4.89");
  assert_cell (audits, 1, "onsite_days", "2");
  assert_cell (audits, 0, "type", g_dpgettext2 (GETTEXT_PACKAGE, "audit type", "Stage 2 audit"));
  assert_cell (audits, 1, "type",
               g_dpgettext2 (GETTEXT_PACKAGE, "audit type", "Surveillance audit"));
  assert_cell (audits, 0, "cert_no", "C001");
  assert_cell (audits, 0, "decision_by", "王五");

  assert_cell (expenses, 0, "amount", "12.50");
  assert_cell (expenses, 1, "amount", "380.00");
  assert_cell (expenses, 1, "category",
               g_dpgettext2 (GETTEXT_PACKAGE, "expense category", "Lodging"));
  assert_cell (expenses, 1, "paid_by",
               g_dpgettext2 (GETTEXT_PACKAGE, "paid by", "Audited organization"));
  assert_cell (expenses, 0, "person", "张三");

  assert_cell (team, 0, "days", "2.5");
  assert_cell (team, 1, "days", "2.39");
  assert_cell (team, 0, "role", g_dpgettext2 (GETTEXT_PACKAGE, "team role", "Team leader"));

  assert_cell (checkins, 0, "kind", g_dpgettext2 (GETTEXT_PACKAGE, "check-in kind", "Check-in"));
  assert_cell (checkins, 0, "distance_km", "0.2");
}

static const ZichaRelatedRecord *
find_related (GPtrArray  *related,
              const char *section,
              guint       nth,
              guint      *out_count)
{
  const ZichaRelatedRecord *found = NULL;
  guint count = 0;

  for (guint i = 0; i < related->len; i++)
    {
      const ZichaRelatedRecord *rec = g_ptr_array_index (related, i);

      if (g_str_equal (rec->section, section))
        {
          if (count == nth)
            found = rec;
          count++;
        }
    }
  if (out_count != NULL)
    *out_count = count;
  return found;
}

static void
test_related (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) related = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  const ZichaRelatedRecord *rec;
  gint64 c001 = zicha_record_find_by_key (small_db, ZICHA_RECORD_CERTIFICATES, "C001");
  gint64 p001 = zicha_record_find_by_key (small_db, ZICHA_RECORD_PERSONNEL, "P001");
  gint64 o001 = zicha_record_find_by_key (small_db, ZICHA_RECORD_ORGANIZATIONS, "O001");
  gint64 a001 = zicha_record_find_by_key (small_db, ZICHA_RECORD_AUDITS, "A001");
  guint n;

  g_assert_cmpint (c001, >, 0);
  g_assert_cmpint (zicha_record_find_by_key (small_db, ZICHA_RECORD_CERTIFICATES, "C999"), ==, 0);
  g_assert_cmpint (zicha_record_find_by_key (small_db, ZICHA_RECORD_CHECKINS, "x"), ==, 0);

  /* Certificate → organization, audits, team members with names, history. */
  related = zicha_record_get_related (small_db, ZICHA_RECORD_CERTIFICATES, c001, &error);
  g_assert_no_error (error);
  rec = find_related (related, _("Organization"), 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (rec->kind, ==, ZICHA_RECORD_ORGANIZATIONS);
  g_assert_cmpint (rec->id, ==, o001);
  g_assert_cmpstr (rec->title, ==, "北京华信科技有限公司");
  rec = find_related (related, _("Audits"), 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (rec->title, ==, "A001");
  g_assert_cmpint (rec->id, ==, a001);
  g_assert_nonnull (strstr (rec->subtitle, "2020-12-20"));
  rec = find_related (related, _("Audit team"), 0, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (rec->title, ==, "张三");
  g_assert_cmpint (rec->kind, ==, ZICHA_RECORD_PERSONNEL);
  g_assert_cmpint (rec->id, ==, p001);
  g_assert_nonnull (strstr (rec->subtitle,
                            g_dpgettext2 (GETTEXT_PACKAGE, "team role", "Team leader")));
  rec = find_related (related, _("Certificate history"), 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (rec->title, ==, g_dpgettext2 (GETTEXT_PACKAGE, "certificate event", "Issued"));
  g_clear_pointer (&related, g_ptr_array_unref);

  /* Person → qualifications (none here), audits through the team rows. */
  related = zicha_record_get_related (small_db, ZICHA_RECORD_PERSONNEL, p001, &error);
  g_assert_no_error (error);
  find_related (related, _("Audits"), 0, &n);
  g_assert_cmpuint (n, ==, 3);
  /* Latest first. */
  g_assert_cmpstr (find_related (related, _("Audits"), 0, NULL)->title, ==, "A003");
  find_related (related, _("Qualifications"), 0, &n);
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&related, g_ptr_array_unref);

  /* Organization → certificates and audits. */
  related = zicha_record_get_related (small_db, ZICHA_RECORD_ORGANIZATIONS, o001, &error);
  g_assert_no_error (error);
  find_related (related, _("Certificates"), 0, &n);
  g_assert_cmpuint (n, ==, 2);
  find_related (related, _("Audits"), 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_clear_pointer (&related, g_ptr_array_unref);

  /* Audit → certificate, organization, team, expenses, check-ins. */
  related = zicha_record_get_related (small_db, ZICHA_RECORD_AUDITS, a001, &error);
  g_assert_no_error (error);
  find_related (related, _("Audit team"), 0, &n);
  g_assert_cmpuint (n, ==, 2);
  find_related (related, _("Travel and lodging expenses"), 0, &n);
  g_assert_cmpuint (n, ==, 2);
  rec = find_related (related, _("Travel and lodging expenses"), 0, NULL);
  g_assert_nonnull (strstr (rec->subtitle, "12.50"));
  find_related (related, _("On-site check-ins"), 0, &n);
  g_assert_cmpuint (n, ==, 2);
  rec = find_related (related, _("Certificate"), 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (rec->title, ==, "C001");
  g_clear_pointer (&related, g_ptr_array_unref);

  /* Nothing for a record that does not exist. */
  related = zicha_record_get_related (small_db, ZICHA_RECORD_CERTIFICATES, 99999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (related->len, ==, 0);

  /* Details: every column with its title. */
  fields = zicha_record_get_fields (small_db, ZICHA_RECORD_AUDITS, a001, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, zicha_record_kind_get_n_columns (ZICHA_RECORD_AUDITS));
  {
    ZichaRecordField *f = g_ptr_array_index (fields, 0);

    g_assert_cmpstr (f->label, ==, zicha_record_kind_get_column_title (ZICHA_RECORD_AUDITS, 0));
    g_assert_cmpstr (f->value, ==, "A001");
  }
  g_assert_null (zicha_record_get_fields (small_db, ZICHA_RECORD_AUDITS, 99999, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  GArray *additions = user_data;

  /* Never more than the model says it holds. */
  g_assert_cmpuint (position + added, <=, g_list_model_get_n_items (model));
  if (added > 0)
    g_array_append_val (additions, added);
}

static void
test_paging (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "demo", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "demo.db", NULL);
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 counts[ZICHA_N_RECORD_KINDS];
  ZichaDemoOptions opts;

  zicha_demo_options_init (&opts);
  opts.certificates = 300;
  g_date_set_dmy (&opts.today, 1, G_DATE_JUNE, 2026);
  g_assert_true (zicha_demo_generate (&opts, folder, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  import_or_die (db, folder);
  g_assert_true (zicha_db_count_records (db, counts, &error));

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    {
      g_autoptr(ZichaRecordList) list = NULL;
      g_autoptr(GHashTable) seen = NULL;
      g_autofree char *previous = NULL;
      guint n;
      g_autoptr(GArray) additions = g_array_new (FALSE, FALSE, sizeof (guint));

      if (!zicha_record_list_kind_supported (k))
        continue;

      list = new_list (db, k);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_test_message ("%s: %u rows", zicha_record_kind_get_id (k), n);
      g_assert_cmpint (n, ==, counts[k]);

      /* Every row once, in order of the first column, read across page bounds. */
      seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZichaRecordRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
          gint64 *id = g_new (gint64, 1);

          *id = zicha_record_row_get_id (row);
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          if (zicha_record_kind_get_n_columns (k) > 0 && i % 97 == 0)
            g_assert_cmpuint (zicha_paged_list_find (ZICHA_PAGED_LIST (list), *id), ==, i);
        }

      if (k == ZICHA_RECORD_CERTIFICATES || k == ZICHA_RECORD_AUDITS
          || k == ZICHA_RECORD_EXPENSES)
        {
          g_assert_cmpuint (n, >, ZICHA_RECORD_LIST_PAGE_SIZE);
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(ZichaRecordRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
              const char *key = zicha_record_row_get_value (row, 0);

              if (previous != NULL)
                g_assert_cmpint (strcmp (previous, key), <, 0);
              g_free (previous);
              previous = g_strdup (key);
            }
          /* Backwards, far from the pages kept: the same rows. */
          {
            g_autoptr(ZichaRecordRow) last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);

            g_assert_cmpstr (zicha_record_row_get_value (last, 0), ==, previous);
          }

          /* A reload replaces the rows: removed, then added; a long list shows its first
           * page before the rest. */
          g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), additions);
          zicha_record_list_reload (list);
          zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
          g_assert_cmpuint (additions->len, ==, 2);
          g_assert_cmpuint (g_array_index (additions, guint, 0), ==,
                            ZICHA_RECORD_LIST_PAGE_SIZE);
          g_assert_cmpuint (g_array_index (additions, guint, 1), ==, n);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
        }
    }
}

/* A query that fails leaves the rows there and says why; the next one may work again. */
static void
test_error (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "error.db", NULL);
  g_autofree char *moved = g_build_filename (tmp_dir, "error-moved.db", NULL);
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "ui-import", NULL);
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaRecordList) list = NULL;
  g_autoptr(GError) error = NULL;

  db = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  import_or_die (db, folder);
  list = new_list (db, ZICHA_RECORD_CERTIFICATES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  /* The query opens the file again: gone. */
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_test_expect_message ("zicha-paged-model", G_LOG_LEVEL_WARNING,
                         "Could not list records: *");
  zicha_record_list_set_search (list, "华信");
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_test_assert_expected_messages ();
  g_assert_nonnull (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  assert_cell (list, 4, "cert_no", "C005");

  g_assert_cmpint (g_rename (moved, path), ==, 0);
  zicha_record_list_reload (list);
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  g_assert_null (zicha_paged_list_get_error (ZICHA_PAGED_LIST (list)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  assert_cell (list, 1, "cert_no", "C005");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *folder = NULL;
  int status;

  zicha_core_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("zicha-record-list-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "small.db", NULL);
  small_db = zicha_db_open (db_path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  folder = g_test_build_filename (G_TEST_DIST, "data", "ui-import", NULL);
  import_or_die (small_db, folder);

  g_test_add_func ("/record-list/columns", test_columns);
  g_test_add_func ("/record-list/certificates", test_certificates);
  g_test_add_func ("/record-list/sort", test_sort);
  g_test_add_func ("/record-list/search", test_search);
  g_test_add_func ("/record-list/formats", test_formats);
  g_test_add_func ("/record-list/related", test_related);
  g_test_add_func ("/record-list/paging", test_paging);
  g_test_add_func ("/record-list/error", test_error);

  status = g_test_run ();

  g_clear_object (&small_db);
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          {
            g_autoptr(GDir) sub = g_dir_open (path, 0, NULL);
            const char *sub_name;

            while (sub != NULL && (sub_name = g_dir_read_name (sub)) != NULL)
              {
                g_autofree char *sub_path = g_build_filename (path, sub_name, NULL);

                g_unlink (sub_path);
              }
            g_rmdir (path);
          }
        else
          g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
