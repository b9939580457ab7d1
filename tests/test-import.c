/* test-import.c — importing interchange-format folders: syntax, values, errors, upserts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every bad-input case asserts the FILE:LINE:COLUMN reported and that no table changed
 * (a dump of every table before and after). Expected values are typed from INTERCHANGE.md. */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "zicha-core.h"
#include "zicha-db-private.h"
#include "zicha-import.h"
#include "zicha-interchange.h"
#include "zicha-pinyin.h"

/* Fixture helpers ------------------------------------------------------------------------ */

typedef struct
{
  char    *dir;
  char    *folder;
  char    *db_path;
  ZichaDb *db;
} Fixture;

/* A database holding the base data set, made once and copied for each test that needs it. */
static char *base_dir;
static char *base_db;

static void
write_file (const char *folder,
            const char *name,
            const char *content,
            gssize      len)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, content, len, &error);
  g_assert_no_error (error);
}

static char *
new_folder (Fixture    *fx,
            const char *name)
{
  char *folder = g_build_filename (fx->dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_setup (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("zicha-import-XXXXXX", &error);
  g_assert_no_error (error);
  fx->folder = new_folder (fx, "in");
  fx->db_path = g_build_filename (fx->dir, "test.zicha", NULL);
  fx->db = zicha_db_open (fx->db_path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->db);
}

static void
fixture_teardown (Fixture *fx)
{
  g_clear_object (&fx->db);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->folder);
  g_free (fx->db_path);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) len, &error);
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements. */
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Every row of every table, sorted: equal dumps mean an unchanged database. */
static char *
dump_db (ZichaDb *db)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *tables = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              sqlite3_column_text (tables, 0));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (row, "%s|", v != NULL ? v : "<null>");
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_strings);
      g_string_append_printf (out, "== %s\n", sqlite3_column_text (tables, 0));
      for (guint i = 0; i < rows->len; i++)
        g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (rows, i));
    }
  sqlite3_finalize (tables);
  return g_string_free (out, FALSE);
}

static gint64
query_int (ZichaDb    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (ZichaDb    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
exec (ZichaDb    *db,
      const char *sql)
{
  g_assert_cmpint (sqlite3_exec (zicha_db_get_handle (db), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static gboolean
import (Fixture            *fx,
        const char         *folder,
        ZichaImportResult **result,
        GError            **error)
{
  ZichaImportOptions options = { ZICHA_IMPORT_ENCODING_AUTO, "tester" };

  return zicha_import_folder (fx->db, folder, &options, NULL, NULL, NULL, result, error);
}

static void
print_messages (ZichaImportResult *result)
{
  g_autofree char *text = zicha_import_result_format_messages (result);

  if (*text != '\0')
    g_test_message ("%s", text);
}

static void
import_ok (Fixture    *fx,
           const char *folder)
{
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = import (fx, folder, &result, &error);

  if (!ok && result != NULL)
    print_messages (result);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (zicha_import_result_get_n_errors (result), ==, 0);
}

/* A valid USCC: 17 characters and the check character computed here, independently of the
 * code under test, from GB 32100-2015 (weights 3^(i-1) mod 31, C18 = 31 - Σ mod 31). */
static char *
make_uscc (const char *first17)
{
  static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (charset, first17[i]) - charset) * weights[i];
  return g_strdup_printf ("%s%c", first17, charset[(31 - sum % 31) % 31]);
}

/* The base data set ---------------------------------------------------------------------- */

static void
write_base (const char *folder)
{
  g_autofree char *uscc = make_uscc ("91110108MA01ABCDE");
  g_autofree char *orgs = g_strdup_printf (
    "org_id,name,uscc,province,address,employees,sites\n"
    "O1,北京华信,%s,11,北京,120,1\n"
    "O2,王五公司,,,,,\n", uscc);

  write_file (folder, "body.csv",
              "name,approval_no,uscc,address,contact\n"
              "某认证有限公司,CNCA-R-2002-117,,北京,王五\n", -1);
  write_file (folder, "approved_scope.csv",
              "scheme,code,granted_on,withdrawn_on\n"
              "QMS,17,2010-01-01,\n"
              "EMS,17.06,2011-01-01,2015-01-01\n", -1);
  write_file (folder, "personnel.csv",
              "person_id,name,employment,joined_on,left_on,registration_no\n"
              "P1,张三,full_time,2020-01-01,,R-001\n"
              "P2,李四,part_time,,,\n", -1);
  write_file (folder, "qualifications.csv",
              "person_id,scheme,grade,valid_from,valid_to\n"
              "P1,QMS,lead_auditor,2019-01-01,\n", -1);
  write_file (folder, "competences.csv",
              "person_id,scheme,code,approved_on\n"
              "P1,QMS,17.06,2019-01-01\n", -1);
  write_file (folder, "organizations.csv", orgs, -1);
  write_file (folder, "certificates.csv",
              "cert_no,org_id,scheme,scope_codes,scope_text,issued_on,expires_on,status,"
              "status_on,reported_on\n"
              "C1,O1,QMS,17.06;18,范围,2023-01-01,2026-01-01,valid,,\n"
              "C2,O2,EMS,19,,2023-02-01,2026-02-01,valid,,\n", -1);
  write_file (folder, "certificate_events.csv",
              "cert_no,event,on,reason\n"
              "C1,issue,2023-01-01,\n"
              "C2,issue,2023-02-01,\n", -1);
  write_file (folder, "audits.csv",
              "audit_id,org_id,cert_no,scheme,type,start_on,end_on,effective_personnel,"
              "complexity,planned_days,onsite_days,reduction_pct,report_on,decision_on,"
              "decision_by,recorded_at\n"
              "A1,O1,C1,QMS,stage2,2022-12-01,2022-12-02,100,,4,4,,,,P1,2022-12-03 10:00\n"
              "A2,O2,C2,EMS,stage2,2023-01-10,2023-01-11,50,medium,3.5,3.5,10,,,,\n", -1);
  write_file (folder, "audit_team.csv",
              "audit_id,person_id,role,days,onsite_from,onsite_to\n"
              "A1,P1,leader,2,,\n"
              "A1,P2,auditor,2,,\n"
              "A2,P1,leader,3.5,,\n", -1);
  write_file (folder, "expenses.csv",
              "expense_id,audit_id,person_id,category,amount,paid_by,spent_on,note\n"
              "E1,A1,P1,travel,123.45,body,2022-12-01,\n", -1);
  write_file (folder, "penalties.csv",
              "penalty_id,decided_on,authority,decision_no,summary,amount\n"
              "X1,2021-05-01,市场监督管理局,,未按规定,10000\n", -1);
  write_file (folder, "watchlist.csv",
              "org_id,source,notified_on,note\n"
              "O2,国家监督抽查不合格,2022-06-01,\n", -1);
  write_file (folder, "checkins.csv",
              "audit_id,person_id,kind,at,distance_km,photos\n"
              "A1,P1,in,2022-12-01 08:30,0.5,2\n"
              "A1,P1,out,2022-12-01 17:30,1.25,1\n", -1);
  write_file (folder, "complaints.csv",
              "complaint_id,received_on,org_id,cert_no,person_id,summary,closed_on\n"
              "Q1,2023-03-01,O1,C1,P1,投诉,2023-03-10\n", -1);
}

static void
setup_base (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  if (base_db == NULL)
    {
      g_autofree char *folder = new_folder (fx, "base");

      write_base (folder);
      import_ok (fx, folder);
      g_clear_object (&fx->db);   /* closing checkpoints the WAL into the file */
      base_dir = g_dir_make_tmp ("zicha-import-base-XXXXXX", &error);
      g_assert_no_error (error);
      base_db = g_build_filename (base_dir, "base.zicha", NULL);
      copy_file (fx->db_path, base_db);
    }
  else
    {
      g_clear_object (&fx->db);
      copy_file (base_db, fx->db_path);
    }
  fx->db = zicha_db_open (fx->db_path, ZICHA_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM imports"), ==, 1);
}

/* Tests: the base import ----------------------------------------------------------------- */

static void
test_base (void)
{
  Fixture fx;
  g_autofree char *name = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *at = NULL;

  fixture_setup (&fx);
  setup_base (&fx);

  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM personnel"), ==, 2);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM certificates"), ==, 2);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM audit_team"), ==, 3);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM complaints"), ==, 1);
  g_assert_cmpint (query_int (fx.db, "SELECT id FROM body"), ==, 1);
  /* Hundredths and millionths. */
  g_assert_cmpint (query_int (fx.db, "SELECT amount FROM expenses WHERE expense_id = 'E1'"), ==,
                   12345);
  g_assert_cmpint (query_int (fx.db, "SELECT onsite_days FROM audits WHERE audit_id = 'A2'"), ==,
                   350);
  g_assert_cmpint (query_int (fx.db, "SELECT distance_um FROM checkins WHERE kind = 'out'"), ==,
                   1250000);
  /* References are row ids. */
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM audits a JOIN personnel p "
                                     "ON a.decision_by = p.id WHERE p.person_id = 'P1'"), ==, 1);
  /* Pinyin. */
  initials = query_text (fx.db, "SELECT name_initials FROM organizations WHERE org_id = 'O1'");
  g_assert_cmpstr (initials, ==, "bjhx");
  g_assert_cmpint (query_int (fx.db, "SELECT name_key IS NOT NULL FROM personnel "
                                     "WHERE person_id = 'P2'"), ==, 1);
  /* Scope codes kept in step. */
  codes = query_text (fx.db, "SELECT group_concat(code, ';') FROM (SELECT code FROM "
                             "certificate_scope_codes ORDER BY code)");
  g_assert_cmpstr (codes, ==, "17.06;18;19");
  at = query_text (fx.db, "SELECT recorded_at FROM audits WHERE audit_id = 'A1'");
  g_assert_cmpstr (at, ==, "2022-12-03 10:00:00");
  name = query_text (fx.db, "SELECT user_name FROM imports");
  g_assert_cmpstr (name, ==, "tester");
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM import_files"), ==, 15);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM import_files "
                                     "WHERE length(sha256) = 64"), ==, 15);
  g_assert_cmpint (query_int (fx.db, "SELECT inserted FROM imports"), ==, 24);

  fixture_teardown (&fx);
}

/* Tests: bad input ----------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *file;
  const char *content;
  gssize      len;            /* -1: NUL-terminated */
  ZichaImportEncoding encoding;
  const char *exp_file;
  guint       exp_line;
  const char *exp_column;
  guint       exp_errors;
} BadCase;

#define ORG_HEADER "org_id,name,uscc,province,address,employees,sites\n"
#define CERT_HEADER "cert_no,org_id,scheme,scope_codes,scope_text,issued_on,expires_on,status," \
                    "status_on,reported_on\n"
#define AUDIT_HEADER "audit_id,org_id,cert_no,scheme,type,start_on,end_on,effective_personnel," \
                     "complexity,planned_days,onsite_days,reduction_pct,report_on,decision_on," \
                     "decision_by,recorded_at\n"

#define NUL_CONTENT ORG_HEADER "O3,甲,,,,,\nO4,乙\0,,,,,\n"

static const BadCase bad_cases[] = {
  { "empty-file", "organizations.csv", "", 0, 0, "organizations.csv", 1, "-", 1 },
  { "nul-byte", "organizations.csv", NUL_CONTENT, sizeof (NUL_CONTENT) - 1, 0,
    "organizations.csv", 3, "-", 1 },
  { "forced-utf8", "organizations.csv", ORG_HEADER "O3,A,,,,,\nO4,\xD6\xD0,,,,,\n", -1,
    ZICHA_IMPORT_ENCODING_UTF8, "organizations.csv", 3, "-", 1 },
  { "neither-encoding", "organizations.csv", ORG_HEADER "O3,A,,,,,\nO4,B,,,,,\nO5,\x80,,,,,\n",
    -1, 0, "organizations.csv", 4, "-", 1 },
  { "field-count", "organizations.csv", ORG_HEADER "O3,A,,,,,\nO4,B,,,,\n", -1, 0,
    "organizations.csv", 3, "-", 1 },
  { "too-many-fields", "organizations.csv", ORG_HEADER "O3,A,,,,,,\n", -1, 0,
    "organizations.csv", 2, "-", 1 },
  { "missing-column", "organizations.csv", "org_id,uscc\nO3,\n", -1, 0,
    "organizations.csv", 1, "name", 1 },
  { "duplicate-header", "organizations.csv", "org_id,name,组织编号\nO3,A,O3\n", -1, 0,
    "organizations.csv", 1, "组织编号", 1 },
  { "date-feb-30", "certificates.csv", CERT_HEADER "C3,O1,QMS,17,,2024-02-30,2027-01-01,valid,,\n",
    -1, 0, "certificates.csv", 2, "issued_on", 1 },
  { "date-not-leap", "certificates.csv", CERT_HEADER "C3,O1,QMS,17,,2023-02-29,2027-01-01,valid,,\n",
    -1, 0, "certificates.csv", 2, "issued_on", 1 },
  { "date-month-13", "certificates.csv",
    CERT_HEADER "C3,O1,QMS,17,,2023-01-01,2027-13-01,valid,,\n",
    -1, 0, "certificates.csv", 2, "expires_on", 1 },
  { "timestamp-hour-24", "audits.csv",
    AUDIT_HEADER "A3,O1,,QMS,stage1,2024-01-01,2024-01-01,,,,1,,,,,2024-01-01 24:00\n",
    -1, 0, "audits.csv", 2, "recorded_at", 1 },
  { "negative", "organizations.csv", ORG_HEADER "O3,A,,,,-5,\n", -1, 0,
    "organizations.csv", 2, "employees", 1 },
  { "count-decimal", "organizations.csv", ORG_HEADER "O3,A,,,,3.0,\n", -1, 0,
    "organizations.csv", 2, "employees", 1 },
  { "three-decimals", "audits.csv",
    AUDIT_HEADER "A3,O1,,QMS,stage1,2024-01-01,2024-01-01,,,,1.255,,,,,\n",
    -1, 0, "audits.csv", 2, "onsite_days", 1 },
  { "thousands-separator", "expenses.csv",
    "expense_id,audit_id,person_id,category,amount,paid_by,spent_on\n"
    "E2,A1,P1,travel,\"1,234\",body,2022-12-01\n", -1, 0, "expenses.csv", 2, "amount", 1 },
  { "bad-enum", "expenses.csv",
    "expense_id,audit_id,person_id,category,amount,paid_by,spent_on\n"
    "E2,A1,P1,taxi,12,body,2022-12-01\n", -1, 0, "expenses.csv", 2, "category", 1 },
  { "bad-scheme", "certificates.csv", CERT_HEADER "C3,O1,Q,17,,2023-01-01,2027-01-01,valid,,\n",
    -1, 0, "certificates.csv", 2, "scheme", 1 },
  { "bad-scope-code", "certificates.csv",
    CERT_HEADER "C3,O1,QMS,17;17.a,,2023-01-01,2027-01-01,valid,,\n",
    -1, 0, "certificates.csv", 2, "scope_codes", 1 },
  { "bad-uscc", "organizations.csv", ORG_HEADER "O3,A,91350100M000100Y44,,,,\n", -1, 0,
    "organizations.csv", 2, "uscc", 1 },
  { "key-slash", "organizations.csv", ORG_HEADER "O3/1,A,,,,,\n", -1, 0,
    "organizations.csv", 2, "org_id", 1 },
  { "duplicate-key", "organizations.csv", ORG_HEADER "O3,A,,,,,\nO4,B,,,,,\nO3,C,,,,,\n", -1, 0,
    "organizations.csv", 4, "-", 1 },
  { "duplicate-stored-key", "organizations.csv", ORG_HEADER "O1,A,,,,,\nO1,B,,,,,\n", -1, 0,
    "organizations.csv", 3, "-", 1 },
  { "unknown-reference", "certificates.csv",
    CERT_HEADER "C3,O9,QMS,17,,2023-01-01,2027-01-01,valid,,\n",
    -1, 0, "certificates.csv", 2, "org_id", 1 },
  { "end-before-start", "audits.csv",
    AUDIT_HEADER "A3,O1,,QMS,stage1,2024-01-02,2024-01-01,,,,1,,,,,\n",
    -1, 0, "audits.csv", 2, "end_on", 1 },
  { "expires-equal-issued", "certificates.csv",
    CERT_HEADER "C3,O1,QMS,17,,2023-01-01,2023-01-01,valid,,\n",
    -1, 0, "certificates.csv", 2, "expires_on", 1 },
  { "withdrawn-equal-granted", "approved_scope.csv",
    "scheme,code,granted_on,withdrawn_on\nQMS,18,2010-01-01,2010-01-01\n",
    -1, 0, "approved_scope.csv", 2, "withdrawn_on", 1 },
  { "empty-required", "organizations.csv", ORG_HEADER "O3, ,,,,,\n", -1, 0,
    "organizations.csv", 2, "name", 1 },
  { "body-two-rows", "body.csv", "name,approval_no\nA,B\nC,D\n", -1, 0, "body.csv", 3, "-", 1 },
  { "malformed-quote", "organizations.csv", ORG_HEADER "O3,A,,,,,\nO4,\"B\"x,,,,,\n", -1, 0,
    "organizations.csv", 3, "-", 1 },
  { "unterminated-quote", "organizations.csv", ORG_HEADER "O3,A,,,,,\nO4,\"B,,,,,\nO5\n", -1, 0,
    "organizations.csv", 3, "-", 1 },
  { "quoted-newline-lines", "organizations.csv",
    ORG_HEADER "O3,\"多行\n名称\",,,,,\n\nO4,\"x\"\"y\",,,,,\"-1\"\n", -1, 0,
    "organizations.csv", 5, "sites", 1 },
  { "duplicate-compound-key", "audit_team.csv",
    "audit_id,person_id,role\nA1,P1,leader\nA1,P2,auditor\nA1,P1,expert\n", -1, 0,
    "audit_team.csv", 4, "-", 1 },
  { "unknown-decision-by", "audits.csv",
    AUDIT_HEADER "A3,O1,,QMS,stage1,2024-01-01,2024-01-01,,,,1,,,,P9,\n",
    -1, 0, "audits.csv", 2, "decision_by", 1 },
  { "chinese-column-name", "certificates.csv",
    "证书编号,org_id,scheme,专业代码,发证日期,到期日期,证书状态\n"
    "C3,O1,QMS,17,2023年1月1日,2022年1月1日,有效\n",
    -1, 0, "certificates.csv", 2, "到期日期", 1 },
  { "closed-before-received", "complaints.csv",
    "complaint_id,received_on,summary,closed_on\nQ2,2023-03-01,x,2023-02-28\n",
    -1, 0, "complaints.csv", 2, "closed_on", 1 },
  { "value-too-long", "penalties.csv", NULL, -1, 0, "penalties.csv", 2, "summary", 1 },
  { "control-in-key", "organizations.csv", ORG_HEADER "O\x01" "3,A,,,,,\n", -1, 0,
    "organizations.csv", 2, "org_id", 1 },
  { "bad-timestamp-format", "checkins.csv",
    "audit_id,person_id,kind,at\nA1,P1,in,2022-12-01 8h30\n", -1, 0,
    "checkins.csv", 2, "at", 1 },
  { "duplicate-checkin", "checkins.csv",
    "audit_id,person_id,kind,at\nA1,P1,in,2022-12-01 08:30\nA1,P1,in,2022-12-01T08:30:00\n",
    -1, 0, "checkins.csv", 3, "-", 1 },
  { "left-before-joined", "personnel.csv",
    "person_id,name,employment,joined_on,left_on\nP3,王五,兼职,2020-05-01,2020-04-30\n",
    -1, 0, "personnel.csv", 2, "left_on", 1 },
  { "onsite-to-before-from", "audit_team.csv",
    "audit_id,person_id,role,onsite_from,onsite_to\nA2,P2,auditor,2023-01-11,2023-01-10\n",
    -1, 0, "audit_team.csv", 2, "onsite_to", 1 },
  { "valid-to-before-from", "qualifications.csv",
    "person_id,scheme,grade,valid_from,valid_to\nP2,EMS,auditor,2020-01-01,2019-12-31\n",
    -1, 0, "qualifications.csv", 2, "valid_to", 1 },
  { "header-only-bad-later", "organizations.csv", "\xEF\xBB\xBF" ORG_HEADER "\r\nO3,A,,,,,x\r\n",
    -1, 0, "organizations.csv", 3, "sites", 1 },
};

static void
test_bad_case (gconstpointer data)
{
  const BadCase *bc = data;
  Fixture fx;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ZichaImportOptions options = { bc->encoding, NULL };
  const ZichaImportMessage *messages;
  const ZichaImportMessage *first = NULL;
  guint n;
  gboolean ok;

  fixture_setup (&fx);
  setup_base (&fx);
  before = dump_db (fx.db);

  folder = new_folder (&fx, "bad");
  if (bc->content != NULL)
    write_file (folder, bc->file, bc->content, bc->len);
  else
    {
      /* value-too-long: 65,536 characters (3 bytes each). */
      GString *s = g_string_new ("penalty_id,decided_on,authority,summary\nX2,2021-01-01,局,");

      for (int i = 0; i < 65536; i++)
        g_string_append (s, "长");
      g_string_append_c (s, '\n');
      write_file (folder, bc->file, s->str, (gssize) s->len);
      g_string_free (s, TRUE);
    }

  ok = zicha_import_folder (fx.db, folder, &options, NULL, NULL, NULL, &result, &error);
  g_assert_false (ok);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA);
  g_assert_nonnull (result);
  print_messages (result);

  messages = zicha_import_result_get_messages (result, &n);
  for (guint i = 0; i < n && first == NULL; i++)
    if (!messages[i].is_warning)
      first = &messages[i];
  g_assert_nonnull (first);
  g_assert_cmpstr (first->file, ==, bc->exp_file);
  g_assert_cmpuint (first->line, ==, bc->exp_line);
  g_assert_cmpstr (first->column, ==, bc->exp_column);
  g_assert_cmpuint (zicha_import_result_get_n_errors (result), ==, bc->exp_errors);
  g_assert_cmpint (zicha_import_result_get_import_id (result), ==, 0);

  after = dump_db (fx.db);
  g_assert_cmpstr (before, ==, after);
  fixture_teardown (&fx);
}

/* Rows into empty tables are written by a second thread (the importer's pipeline): many rows,
 * over several of its batches; keys repeated far down are reported at their own line, in
 * line order with the other errors of the file, and nothing is kept. */
static void
write_big_folder (const char *folder,
                  guint       n_audits,
                  gboolean    with_errors)
{
  GString *audits = g_string_new (AUDIT_HEADER);
  GString *checkins = g_string_new ("audit_id,person_id,kind,at,distance_km,photos\n");
  GString *expenses = g_string_new ("expense_id,audit_id,person_id,category,amount,paid_by,"
                                    "spent_on,note\n");

  write_file (folder, "personnel.csv", "person_id,name,employment\nP1,张三,full_time\n"
                                       "P2,李四,part_time\n", -1);
  write_file (folder, "organizations.csv", ORG_HEADER "O1,北京华信,,,,,\n", -1);
  for (guint i = 1; i <= n_audits; i++)
    {
      g_string_append_printf (audits, "A%u,O1,,QMS,stage1,2024-01-01,2024-01-02,,,,1,,,,,\n", i);
      for (guint p = 1; p <= 2; p++)
        {
          g_string_append_printf (checkins, "A%u,P%u,in,2024-01-01 08:%02u,1.5,1\n", i, p, p);
          g_string_append_printf (checkins, "A%u,P%u,out,2024-01-01 17:%02u,1.5,1\n", i, p, p);
          g_string_append_printf (expenses, "X%u-%u,A%u,P%u,travel,12.50,body,2024-01-01,\n",
                                  i, p, i, p);
        }
    }
  if (with_errors)
    {
      /* expenses.csv line 2·n + 2: a repeated expense_id (a key of the key map) */
      g_string_append (expenses, "X1-1,A1,P1,meals,1,body,2024-01-01,\n");
      /* checkins.csv line 4·n + 2: a repeated (audit, person, kind, at) (caught by UNIQUE);
       * line 4·n + 3: a bad time */
      g_string_append (checkins, "A1,P2,out,2024-01-01 17:02,9,1\n");
      g_string_append (checkins, "A1,P1,in,2024-01-01 8h,9,1\n");
    }
  write_file (folder, "audits.csv", audits->str, -1);
  write_file (folder, "checkins.csv", checkins->str, -1);
  write_file (folder, "expenses.csv", expenses->str, -1);
  g_string_free (audits, TRUE);
  g_string_free (checkins, TRUE);
  g_string_free (expenses, TRUE);
}

static void
test_pipelined (void)
{
  const guint n = 20000;
  Fixture fx;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(ZichaImportResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  const ZichaImportMessage *m;
  const ZichaImportFileStats *stats;
  guint n_messages;

  fixture_setup (&fx);
  bad = new_folder (&fx, "bad");
  write_big_folder (bad, n, TRUE);
  before = dump_db (fx.db);
  g_assert_false (zicha_import_folder (fx.db, bad, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA);
  g_clear_error (&error);
  m = zicha_import_result_get_messages (result, &n_messages);
  g_assert_cmpuint (n_messages, ==, 3);
  g_assert_cmpuint (zicha_import_result_get_n_errors (result), ==, 3);
  g_assert_cmpstr (m[0].file, ==, "expenses.csv");
  g_assert_cmpuint (m[0].line, ==, 2 * n + 2);
  g_assert_cmpstr (m[1].file, ==, "checkins.csv");
  g_assert_cmpuint (m[1].line, ==, 4 * n + 2);
  g_assert_cmpstr (m[1].column, ==, "-");
  g_assert_cmpstr (m[1].value, ==, "A1/P2/out/2024-01-01 17:02");
  g_assert_cmpuint (m[2].line, ==, 4 * n + 3);
  g_assert_cmpstr (m[2].column, ==, "at");
  after = dump_db (fx.db);
  g_assert_cmpstr (before, ==, after);

  good = new_folder (&fx, "good");
  write_big_folder (good, n, FALSE);
  g_assert_true (zicha_import_folder (fx.db, good, NULL, NULL, NULL, NULL, &result2, &error));
  g_assert_no_error (error);
  stats = zicha_import_result_get_file_stats (result2, ZICHA_RECORD_CHECKINS);
  g_assert_cmpuint (stats->inserted, ==, 4 * n);
  stats = zicha_import_result_get_file_stats (result2, ZICHA_RECORD_EXPENSES);
  g_assert_cmpuint (stats->inserted, ==, 2 * n);
  g_clear_pointer (&after, g_free);
  after = query_text (fx.db, "SELECT count (*) || ' ' || max (id) || ' ' || count (DISTINCT audit)"
                             " FROM checkins");
  g_assert_cmpstr (after, ==, "80000 80000 20000");
  g_clear_pointer (&after, g_free);
  /* ids given by the importer follow the rows; references are the audits' own ids */
  after = query_text (fx.db, "SELECT x.expense_id || ' ' || a.audit_id || ' ' || p.person_id"
                             " FROM expenses x JOIN audits a ON a.id = x.audit"
                             " JOIN personnel p ON p.id = x.person WHERE x.id = 39999");
  g_assert_cmpstr (after, ==, "X20000-1 A20000 P1");
  fixture_teardown (&fx);
}

/* Errors of several files, in the order of INTERCHANGE.md, then by line; no cascade. */
static void
test_error_order (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ZichaImportMessage *m;
  guint n;

  fixture_setup (&fx);
  folder = new_folder (&fx, "in2");
  write_file (folder, "complaints.csv",
              "complaint_id,received_on,summary\nQ1,2023-13-01,x\n", -1);
  write_file (folder, "organizations.csv",
              ORG_HEADER "O1,甲,BAD,,,,\nO2,乙,,,,abc,\n", -1);
  /* O1 has an error but still counts: C1 gets no reference error. */
  write_file (folder, "certificates.csv",
              CERT_HEADER "C1,O1,QMS,17,,2023-01-01,2026-01-01,valid,,\n", -1);
  write_file (folder, "personnel.csv",
              "person_id,name,employment\nP1,张三,full_time\nP2,李四,contractor\n", -1);
  write_file (folder, "notes.txt", "hello", -1);

  g_assert_false (import (&fx, folder, &result, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA);
  print_messages (result);
  m = zicha_import_result_get_messages (result, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (m[0].file, ==, "personnel.csv");
  g_assert_cmpuint (m[0].line, ==, 3);
  g_assert_cmpstr (m[0].column, ==, "employment");
  g_assert_cmpstr (m[1].file, ==, "organizations.csv");
  g_assert_cmpuint (m[1].line, ==, 2);
  g_assert_cmpstr (m[1].column, ==, "uscc");
  g_assert_cmpstr (m[2].file, ==, "organizations.csv");
  g_assert_cmpuint (m[2].line, ==, 3);
  g_assert_cmpstr (m[2].column, ==, "employees");
  g_assert_cmpstr (m[3].file, ==, "complaints.csv");
  g_assert_cmpuint (m[3].line, ==, 2);
  g_assert_cmpstr (m[3].column, ==, "received_on");
  g_assert_cmpstr (m[4].file, ==, "notes.txt");
  g_assert_true (m[4].is_warning);
  g_assert_cmpuint (zicha_import_result_get_n_errors (result), ==, 4);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM organizations"), ==, 0);
  fixture_teardown (&fx);
}

/* A file with a missing required column gets that one error; its keys still count. */
static void
test_missing_column_no_cascade (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture_setup (&fx);
  folder = new_folder (&fx, "in2");
  write_file (folder, "organizations.csv", "org_id,uscc\nO1,\nO2,x,extra\n", -1);
  write_file (folder, "certificates.csv",
              CERT_HEADER "C1,O1,QMS,17,,2023-01-01,2026-01-01,valid,,\n", -1);
  g_assert_false (import (&fx, folder, &result, &error));
  g_assert_cmpuint (zicha_import_result_get_n_errors (result), ==, 1);
  fixture_teardown (&fx);
}

/* Tests: formats ------------------------------------------------------------------------- */

static void
test_gb18030 (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *name = NULL;
  gsize len;
  const char *utf8 = "人员编号,姓名,用工性质\r\nP1,张三丰,专职\r\nP2,\"欧阳,娜娜\",兼职\r\n";

  fixture_setup (&fx);
  folder = new_folder (&fx, "gb");
  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (gb);
  g_assert_false (g_utf8_validate (gb, (gssize) len, NULL));
  write_file (folder, "personnel.csv", gb, (gssize) len);
  import_ok (&fx, folder);
  name = query_text (fx.db, "SELECT name FROM personnel WHERE person_id = 'P2'");
  g_assert_cmpstr (name, ==, "欧阳,娜娜");
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM personnel "
                                     "WHERE employment = 'full_time'"), ==, 1);
  fixture_teardown (&fx);
}

static void
test_gb18030_forced_and_bad (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *gb = NULL;
  g_autoptr(GString) data = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ZichaImportOptions options = { ZICHA_IMPORT_ENCODING_GB18030, NULL };
  const ZichaImportMessage *m;
  gsize len;

  fixture_setup (&fx);
  folder = new_folder (&fx, "gb");
  gb = g_convert ("person_id,name,employment\nP1,张三,全职\n", -1, "GB18030", "UTF-8",
                  NULL, &len, NULL);
  data = g_string_new_len (gb, (gssize) len);
  /* 0xFF is never part of GB18030: an error on line 4 (line 3 is fine). */
  g_string_append (data, "P2,A,part_time\nP3,\xFF,part_time\n");
  write_file (folder, "personnel.csv", data->str, (gssize) data->len);
  g_assert_false (zicha_import_folder (fx.db, folder, &options, NULL, NULL, NULL, &result,
                                       &error));
  m = zicha_import_result_get_messages (result, NULL);
  g_assert_cmpuint (m[0].line, ==, 4);
  g_assert_cmpstr (m[0].column, ==, "-");
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM personnel"), ==, 0);
  fixture_teardown (&fx);
}

/* A UTF-8 character cut by the 1 MiB chunks of the scan is still valid UTF-8. */
static void
test_utf8_chunks (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) data = g_string_new ("person_id,name,employment\n");
  const gsize row_len = 79;   /* "P%06d," + 20 × 张 + ",part_time\n" */
  gsize pad;

  fixture_setup (&fx);
  folder = new_folder (&fx, "chunks");
  /* Pad the first row so that byte 1,048,576 is the second byte of a 张. */
  pad = (1048576 - 9 - data->len - strlen ("P0,,full_time\n")) % row_len;
  g_string_append (data, "P0,");
  for (gsize i = 0; i < pad + row_len; i++)
    g_string_append_c (data, 'a');
  g_string_append (data, ",full_time\n");
  for (int i = 1; data->len < 2300000; i++)
    {
      g_string_append_printf (data, "P%06d,", i);
      for (int k = 0; k < 20; k++)
        g_string_append (data, "张");
      g_string_append (data, ",part_time\n");
    }
  g_assert_cmpint ((guchar) data->str[1048575], ==, 0xE5);   /* first byte of 张 */
  write_file (folder, "personnel.csv", data->str, (gssize) data->len);
  import_ok (&fx, folder);
  name = query_text (fx.db, "SELECT name FROM personnel WHERE person_id = 'P000100'");
  g_assert_cmpstr (name, ==, "张张张张张张张张张张张张张张张张张张张张");
  fixture_teardown (&fx);
}

static void
test_bom_crlf_quotes (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ZichaImportMessage *m;
  guint n;

  fixture_setup (&fx);
  folder = new_folder (&fx, "q");
  write_file (folder, "organizations.csv",
              "\xEF\xBB\xBF" "ORG_ID,Name,address,sites\r\n"
              "O1,\"甲, 乙 \"\"有限\"\" 公司\",\"第一行\r\n第二行\",1\r\n"
              "\r\n"
              "O2,  丙　,,\r\n"
              "O3,丁,,x\r\n", -1);
  g_assert_false (import (&fx, folder, &result, &error));
  m = zicha_import_result_get_messages (result, &n);
  g_assert_cmpuint (n, ==, 1);
  /* O3 is on physical line 6: the quoted newline and the blank line count. */
  g_assert_cmpuint (m[0].line, ==, 6);
  g_assert_cmpstr (m[0].column, ==, "sites");

  write_file (folder, "organizations.csv",
              "\xEF\xBB\xBF" "ORG_ID,Name,address,sites\r\n"
              "O1,\"甲, 乙 \"\"有限\"\" 公司\",\"第一行\r\n第二行\",1\r\n"
              "\r\n"
              "O2,  丙　,,\r\n", -1);
  import_ok (&fx, folder);
  name = query_text (fx.db, "SELECT name FROM organizations WHERE org_id = 'O1'");
  g_assert_cmpstr (name, ==, "甲, 乙 \"有限\" 公司");
  address = query_text (fx.db, "SELECT address FROM organizations WHERE org_id = 'O1'");
  g_assert_cmpstr (address, ==, "第一行\r\n第二行");
  g_free (name);
  name = query_text (fx.db, "SELECT name FROM organizations WHERE org_id = 'O2'");
  g_assert_cmpstr (name, ==, "丙");
  fixture_teardown (&fx);
}

static void
test_date_forms (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  static const struct { const char *in; const char *out; } forms[] = {
    { "2024-03-05", "2024-03-05" },
    { "2024-3-5", "2024-03-05" },
    { "2024/3/5", "2024-03-05" },
    { "2024.03.05", "2024-03-05" },
    { "20240305", "2024-03-05" },
    { "2024年3月5日", "2024-03-05" },
    { "２０２４－03-05", NULL },        /* full-width hyphen is not a separator */
    { "２０２４-０３-０５", "2024-03-05" },
    { "2024-02-29", "2024-02-29" },
    { "2024-3/5", NULL },
    { "24-03-05", NULL },
    { "2024-03-05 10:00", NULL },
  };
  static const struct { const char *in; const char *out; } stamps[] = {
    { "2024-03-05 8:05", "2024-03-05 08:05:00" },
    { "2024-03-05T08:05", "2024-03-05 08:05:00" },
    { "2024/3/5 23:59:59", "2024-03-05 23:59:59" },
    { "2024年3月5日 00:00", "2024-03-05 00:00:00" },
    { "20240305", "2024-03-05 00:00:00" },
    { "2024-03-05 08:60", NULL },
    { "2024-03-05 8:5", NULL },
    { "2024-03-05  08:05", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      char out[11];
      gboolean ok;
      g_autofree char *norm = zicha_interchange_normalize_digits (forms[i].in);

      ok = zicha_interchange_parse_date (norm, out);
      g_assert_cmpint (ok, ==, forms[i].out != NULL);
      if (ok)
        g_assert_cmpstr (out, ==, forms[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      char out[20];
      gboolean ok = zicha_interchange_parse_timestamp (stamps[i].in, out);

      g_assert_cmpint (ok, ==, stamps[i].out != NULL);
      if (ok)
        g_assert_cmpstr (out, ==, stamps[i].out);
    }

  /* Through the importer, full-width digits included. */
  fixture_setup (&fx);
  folder = new_folder (&fx, "d");
  write_file (folder, "penalties.csv",
              "penalty_id,decided_on,authority,summary,amount\n"
              "X1,2024-3-5,a,b,１２.５\n"
              "X2,2024/3/5,a,b,\n"
              "X3,2024.3.5,a,b,\n"
              "X4,20240305,a,b,\n"
              "X5,2024年3月5日,a,b,\n", -1);
  import_ok (&fx, folder);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM penalties "
                                     "WHERE decided_on = '2024-03-05'"), ==, 5);
  g_assert_cmpint (query_int (fx.db, "SELECT amount FROM penalties WHERE penalty_id = 'X1'"), ==,
                   1250);
  fixture_teardown (&fx);
}

static void
test_values (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *pct = NULL;
  g_autofree char *distance = NULL;

  fixture_setup (&fx);
  setup_base (&fx);
  folder = new_folder (&fx, "v");
  write_file (folder, "certificates.csv",
              "cert_no,org_id,scheme,scope_codes,issued_on,expires_on,status\n"
              "c3,O1,enms,１７．０６；17、;18;;17.06,2023-01-01,2026-01-01,VALID\n"
              "C3,O1,能源管理体系,17,2023-01-01,2026-01-01,有效\n"
              "C4,O1,gb-t-50430,17,2023-01-01,2026-01-01,Suspended\n", -1);
  write_file (folder, "audits.csv",
              "audit_id,org_id,scheme,type,start_on,end_on,onsite_days,reduction_pct\n"
              "A9,O1,qms,监督审核,2024-01-01,2024-01-01,0.5,007.50\n", -1);
  write_file (folder, "checkins.csv",
              "audit_id,person_id,kind,at,distance_km\n"
              "A9,P1,签到,2024-01-01 08:00,3.0000001\n", -1);
  import_ok (&fx, folder);

  scheme = query_text (fx.db, "SELECT scheme FROM certificates WHERE cert_no = 'c3'");
  g_assert_cmpstr (scheme, ==, "EnMS");
  g_free (scheme);
  scheme = query_text (fx.db, "SELECT scheme FROM certificates WHERE cert_no = 'C3'");
  g_assert_cmpstr (scheme, ==, "EnMS");
  g_free (scheme);
  scheme = query_text (fx.db, "SELECT scheme FROM certificates WHERE cert_no = 'C4'");
  g_assert_cmpstr (scheme, ==, "GB-T-50430");
  codes = query_text (fx.db, "SELECT scope_codes FROM certificates WHERE cert_no = 'c3'");
  g_assert_cmpstr (codes, ==, "17.06;17;18");
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM certificate_scope_codes s JOIN "
                                     "certificates c ON s.cert = c.id WHERE c.cert_no = 'c3'"),
                   ==, 3);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM certificates WHERE status = "
                                     "'suspended'"), ==, 1);
  pct = query_text (fx.db, "SELECT reduction_pct FROM audits WHERE audit_id = 'A9'");
  g_assert_cmpstr (pct, ==, "7.5");
  g_assert_cmpint (query_int (fx.db, "SELECT onsite_days FROM audits WHERE audit_id = 'A9'"), ==,
                   50);
  distance = query_text (fx.db, "SELECT distance_km FROM checkins WHERE kind = 'in' "
                                "AND at LIKE '2024%'");
  g_assert_cmpstr (distance, ==, "3.0000001");
  g_assert_cmpint (query_int (fx.db, "SELECT distance_um FROM checkins WHERE at LIKE '2024%'"),
                   ==, 3000001);
  fixture_teardown (&fx);
}

/* Tests: upserts and sets ---------------------------------------------------------------- */

static void
test_upsert (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *reg = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *name = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ZichaImportFileStats *stats;

  fixture_setup (&fx);
  setup_base (&fx);
  folder = new_folder (&fx, "u");
  /* No registration_no column: P1 keeps R-001. joined_on empty: set to no value. */
  write_file (folder, "personnel.csv",
              "person_id,name,employment,joined_on\n"
              "P1,张三,full_time,\n"
              "P2,李四,part_time,\n"
              "P3,王五,part_time,2021-01-01\n", -1);
  g_assert_true (import (&fx, folder, &result, &error));
  g_assert_no_error (error);
  stats = zicha_import_result_get_file_stats (result, ZICHA_RECORD_PERSONNEL);
  g_assert_true (stats->present);
  g_assert_cmpuint (stats->rows, ==, 3);
  g_assert_cmpuint (stats->inserted, ==, 1);
  g_assert_cmpuint (stats->updated, ==, 1);
  g_assert_cmpuint (stats->unchanged, ==, 1);
  reg = query_text (fx.db, "SELECT registration_no FROM personnel WHERE person_id = 'P1'");
  g_assert_cmpstr (reg, ==, "R-001");
  joined = query_text (fx.db, "SELECT joined_on FROM personnel WHERE person_id = 'P1'");
  g_assert_null (joined);
  name = query_text (fx.db, "SELECT name_initials FROM personnel WHERE person_id = 'P3'");
  g_assert_cmpstr (name, ==, "ww");
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM imports"), ==, 2);
  g_assert_cmpint (query_int (fx.db, "SELECT rows FROM import_files WHERE import = 2"), ==, 3);

  /* The same again: everything unchanged. */
  g_clear_pointer (&result, zicha_import_result_free);
  g_assert_true (import (&fx, folder, &result, &error));
  stats = zicha_import_result_get_file_stats (result, ZICHA_RECORD_PERSONNEL);
  g_assert_cmpuint (stats->unchanged, ==, 3);
  g_assert_cmpuint (stats->inserted + stats->updated, ==, 0);
  fixture_teardown (&fx);
}

static void
test_body_replaces (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *address = NULL;
  g_autofree char *uscc = make_uscc ("91110000100012843");
  g_autofree char *content = g_strdup_printf ("机构名称,批准书编号,统一社会信用代码\n新名称,CNCA-R-2002-117,%s\n",
                                              uscc);
  g_autofree char *stored = NULL;

  fixture_setup (&fx);
  setup_base (&fx);
  folder = new_folder (&fx, "b");
  write_file (folder, "body.csv", content, -1);
  import_ok (&fx, folder);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM body"), ==, 1);
  address = query_text (fx.db, "SELECT address FROM body");
  g_assert_null (address);
  stored = query_text (fx.db, "SELECT uscc FROM body");
  g_assert_cmpstr (stored, ==, uscc);
  fixture_teardown (&fx);
}

static void
test_sets_replaced (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *role = NULL;
  g_autofree char *days = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture_setup (&fx);
  setup_base (&fx);
  /* An event written by Zicha itself (handling of a problem certificate). */
  exec (fx.db, "INSERT INTO certificate_events (cert, event, on_date, reason, origin) "
               "SELECT id, 'suspend', '2024-01-05', '自查', 'zicha' FROM certificates "
               "WHERE cert_no = 'C1'");
  exec (fx.db, "INSERT INTO certificate_actions (cert, action, on_date, reason, status_before,"
               " status_after, created_at, created_by) "
               "SELECT id, 'suspend', '2024-01-05', '自查', 'valid', 'suspended',"
               " '2024-01-05 10:00:00', 't' FROM certificates WHERE cert_no = 'C1'");
  exec (fx.db, "UPDATE certificates SET status = 'suspended' WHERE cert_no = 'C1'");

  folder = new_folder (&fx, "s");
  /* A1's team is now P1 only (role changed, days column absent: kept). A2 not mentioned. */
  write_file (folder, "audit_team.csv", "audit_id,person_id,role\nA1,P1,auditor\n", -1);
  /* A1's check-ins: one new, the two old ones gone. */
  write_file (folder, "checkins.csv",
              "audit_id,person_id,kind,at\nA1,P2,in,2022-12-01 09:00\n", -1);
  /* C1's events: renew only; the issue row goes, the Zicha row stays. */
  write_file (folder, "certificate_events.csv",
              "cert_no,event,on,reason\nC1,renew,2024-01-01,到期换证\n", -1);
  write_file (folder, "certificates.csv",
              CERT_HEADER "C1,O1,QMS,17.06;18,范围,2023-01-01,2026-01-01,valid,,\n", -1);
  g_assert_true (import (&fx, folder, &result, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM audit_team t JOIN audits a "
                                     "ON t.audit = a.id WHERE a.audit_id = 'A1'"), ==, 1);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM audit_team t JOIN audits a "
                                     "ON t.audit = a.id WHERE a.audit_id = 'A2'"), ==, 1);
  role = query_text (fx.db, "SELECT role FROM audit_team t JOIN audits a ON t.audit = a.id "
                            "WHERE a.audit_id = 'A1'");
  g_assert_cmpstr (role, ==, "auditor");
  days = query_text (fx.db, "SELECT days FROM audit_team t JOIN audits a ON t.audit = a.id "
                            "WHERE a.audit_id = 'A1'");
  g_assert_cmpstr (days, ==, "200");
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM checkins"), ==, 1);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM certificate_events e JOIN "
                                     "certificates c ON e.cert = c.id WHERE c.cert_no = 'C1'"),
                   ==, 2);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM certificate_events "
                                     "WHERE origin = 'zicha'"), ==, 1);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM certificate_events e JOIN "
                                     "certificates c ON e.cert = c.id WHERE c.cert_no = 'C2'"),
                   ==, 1);
  g_assert_cmpuint (zicha_import_result_get_file_stats (result, ZICHA_RECORD_AUDIT_TEAM)->deleted,
                    ==, 1);
  /* The status went back to valid for a certificate handled in Zicha: a warning. */
  g_assert_cmpuint (zicha_import_result_get_n_warnings (result), ==, 1);
  {
    const ZichaImportMessage *m = zicha_import_result_get_messages (result, NULL);
    g_autofree char *line = zicha_import_message_format (&m[0]);

    g_assert_true (m[0].is_warning);
    g_assert_cmpstr (m[0].file, ==, "certificates.csv");
    g_assert_cmpuint (m[0].line, ==, 2);
    g_assert_cmpstr (m[0].column, ==, "status");
    g_assert_true (g_str_has_prefix (line, "certificates.csv:2:status: warning: "));
  }
  fixture_teardown (&fx);
}

static void
test_cross_file_references (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;

  fixture_setup (&fx);
  folder = new_folder (&fx, "x");
  write_file (folder, "personnel.csv", "人员编号,姓名,用工性质\nP1,张三,全职\n", -1);
  write_file (folder, "organizations.csv", "组织编号,组织名称\nO1,甲\n", -1);
  write_file (folder, "certificates.csv",
              "证书编号,组织编号,认证领域,专业代码,发证日期,到期日期,证书状态\n"
              "C1,O1,质量管理体系,17,2023-01-01,2026-01-01,有效\n", -1);
  write_file (folder, "audits.csv",
              "审核编号,组织编号,证书编号,认证领域,审核类型,开始日期,结束日期,现场人日,决定人\n"
              "A1,O1,C1,QMS,第二阶段审核,2022-12-01,2022-12-02,4,P1\n", -1);
  write_file (folder, "audit_team.csv", "审核编号,人员编号,角色,人日\nA1,P1,审核组长,4\n", -1);
  write_file (folder, "complaints.csv",
              "投诉编号,受理日期,组织编号,证书编号,人员编号,事由\nQ1,2023-01-01,O1,C1,P1,x\n", -1);
  write_file (folder, "penalties.csv", "处罚编号,处罚日期,处罚机关,事由,金额\nX1,2023-01-01,a,b,5\n",
              -1);
  import_ok (&fx, folder);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM complaints c JOIN certificates t "
                                     "ON c.cert = t.id JOIN personnel p ON c.person = p.id"),
                   ==, 1);
  g_assert_cmpint (query_int (fx.db, "SELECT amount FROM penalties"), ==, 500);
  fixture_teardown (&fx);
}

static void
test_warnings (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ZichaImportMessage *m;
  guint n;

  fixture_setup (&fx);
  folder = new_folder (&fx, "w");
  write_file (folder, "organizations.csv", "org_id,name,remark\nO1,甲,x\n", -1);
  write_file (folder, "Organizations.csv", "org_id,name\nO2,乙\n", -1);
  g_assert_true (import (&fx, folder, &result, &error));
  g_assert_no_error (error);
  m = zicha_import_result_get_messages (result, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (m[0].file, ==, "organizations.csv");
  g_assert_cmpstr (m[0].column, ==, "remark");
  g_assert_true (m[0].is_warning);
  g_assert_cmpstr (m[1].file, ==, "Organizations.csv");
  g_assert_true (m[1].is_warning);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM organizations"), ==, 1);
  fixture_teardown (&fx);
}

/* Tests: limits, cancellation, templates ------------------------------------------------- */

static void
test_many_errors (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autoptr(GString) data = g_string_new (ORG_HEADER);
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const ZichaImportMessage *m;
  guint n;

  fixture_setup (&fx);
  folder = new_folder (&fx, "m");
  for (int i = 0; i < 1500; i++)
    g_string_append_printf (data, "O%d,n,,,,-%d,\n", i, i + 1);
  write_file (folder, "organizations.csv", data->str, (gssize) data->len);
  g_assert_false (import (&fx, folder, &result, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA);
  m = zicha_import_result_get_messages (result, &n);
  g_assert_cmpuint (n, ==, 1000);
  g_assert_cmpuint (zicha_import_result_get_n_errors (result), ==, 1500);
  g_assert_cmpuint (m[999].line, ==, 1001);
  text = zicha_import_result_format_messages (result);
  g_assert_true (g_str_has_suffix (text, "and 500 more errors\n"));
  g_assert_true (g_str_has_prefix (text, "organizations.csv:2:employees: must not be negative "
                                         "(value: \"-1\")\n"));
  fixture_teardown (&fx);
}

static void
test_message_format (void)
{
  ZichaImportMessage m = { "a.csv", 7, "名称", "bad", NULL, FALSE };
  g_autofree char *plain = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *warning = NULL;
  g_autoptr(GString) long_value = g_string_new (NULL);

  plain = zicha_import_message_format (&m);
  g_assert_cmpstr (plain, ==, "a.csv:7:名称: bad");
  m.value = (char *) "say \"hi\"";
  quoted = zicha_import_message_format (&m);
  g_assert_cmpstr (quoted, ==, "a.csv:7:名称: bad (value: \"say \"\"hi\"\"\")");
  for (int i = 0; i < 70; i++)
    g_string_append (long_value, "长");
  m.value = long_value->str;
  cut = zicha_import_message_format (&m);
  g_assert_cmpint (g_utf8_strlen (strstr (cut, "(value: \"") + 9, -1), ==, 60 + 2);
  m.value = NULL;
  m.is_warning = TRUE;
  warning = zicha_import_message_format (&m);
  g_assert_cmpstr (warning, ==, "a.csv:7:名称: warning: bad");
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
} CancelData;

static void
cancel_on_progress (const char *file_name,
                    guint64     rows_done,
                    guint64     bytes_done,
                    guint64     bytes_total,
                    gpointer    user_data)
{
  CancelData *cd = user_data;

  cd->calls++;
  g_assert_cmpuint (bytes_done, <=, bytes_total);
  if (rows_done > 0)
    g_cancellable_cancel (cd->cancellable);
}

static void
test_cancel (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) data = g_string_new (ORG_HEADER);
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CancelData cd = { g_cancellable_new (), 0 };

  fixture_setup (&fx);
  setup_base (&fx);
  before = dump_db (fx.db);
  folder = new_folder (&fx, "c");
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (data, "N%d,组织%d,,,,%d,\n", i, i, i);
  write_file (folder, "organizations.csv", data->str, (gssize) data->len);
  g_assert_false (zicha_import_folder (fx.db, folder, NULL, cancel_on_progress, &cd,
                                       cd.cancellable, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cd.calls, >=, 1);
  after = dump_db (fx.db);
  g_assert_cmpstr (before, ==, after);
  g_object_unref (cd.cancellable);
  fixture_teardown (&fx);
}

static void
test_templates (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *certs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaImportResult) result = NULL;

  fixture_setup (&fx);
  folder = g_build_filename (fx.dir, "templates", NULL);
  g_assert_true (zicha_interchange_write_templates (folder, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    {
      g_autofree char *path = g_build_filename (folder,
                                                zicha_interchange_get_file (k)->file_name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *path = g_build_filename (folder, "certificates.csv", NULL);

    g_file_get_contents (path, &certs, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (certs, "\xEF\xBB\xBF" "证书编号,组织编号,认证领域,专业代码,"));
  }
  g_assert_true (import (&fx, folder, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zicha_import_result_get_n_warnings (result), ==, 0);
  g_assert_cmpuint (zicha_import_result_get_file_stats (result, ZICHA_RECORD_AUDITS)->rows, ==, 0);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM import_files"), ==, 15);
  fixture_teardown (&fx);
}

typedef struct
{
  GMainLoop         *loop;
  gboolean           ok;
  GError            *error;
  ZichaImportResult *result;
  guint              progress_calls;
  gint               destroyed;      /* atomic: the last reference may go in the worker */
  GThread           *main_thread;
} AsyncData;

static void
async_progress (const char *file_name,
                guint64     rows_done,
                guint64     bytes_done,
                guint64     bytes_total,
                gpointer    user_data)
{
  AsyncData *ad = user_data;

  g_assert_true (g_thread_self () == ad->main_thread);
  g_assert_nonnull (file_name);
  g_assert_cmpuint (bytes_done, <=, bytes_total);
  ad->progress_calls++;
}

static void
async_destroy (gpointer user_data)
{
  AsyncData *ad = user_data;

  g_atomic_int_set (&ad->destroyed, 1);
}

static void
async_done (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  AsyncData *ad = user_data;

  ad->ok = zicha_import_folder_finish (ZICHA_DB (source), res, &ad->result, &ad->error);
  g_main_loop_quit (ad->loop);
}

static void
test_async (void)
{
  Fixture fx;
  g_autofree char *base = NULL;
  g_autofree char *bad = NULL;
  AsyncData ad = { 0 };

  fixture_setup (&fx);
  base = new_folder (&fx, "base");
  write_base (base);
  ad.loop = g_main_loop_new (NULL, FALSE);
  ad.main_thread = g_thread_self ();
  zicha_import_folder_async (fx.db, base, NULL, async_progress, &ad, async_destroy, NULL,
                             async_done, &ad);
  g_main_loop_run (ad.loop);
  g_assert_no_error (ad.error);
  g_assert_true (ad.ok);
  g_assert_nonnull (ad.result);
  g_assert_cmpuint (zicha_import_result_get_file_stats (ad.result, ZICHA_RECORD_AUDITS)->inserted,
                    ==, 2);
  /* The worker's own connection committed: this one sees the rows. */
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM audits"), ==, 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (ad.progress_calls, >=, 1);
  g_clear_pointer (&ad.result, zicha_import_result_free);

  /* Data errors: FALSE, ZICHA_ERROR_INVALID_DATA and the messages. */
  bad = new_folder (&fx, "bad");
  write_file (bad, "personnel.csv", "person_id,name,employment\nP9,x,boss\n", -1);
  zicha_import_folder_async (fx.db, bad, NULL, NULL, NULL, NULL, NULL, async_done, &ad);
  g_main_loop_run (ad.loop);
  g_assert_false (ad.ok);
  g_assert_error (ad.error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA);
  g_assert_cmpuint (zicha_import_result_get_n_errors (ad.result), ==, 1);
  g_clear_error (&ad.error);
  g_clear_pointer (&ad.result, zicha_import_result_free);
  for (int i = 0; i < 5000 && !g_atomic_int_get (&ad.destroyed); i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  g_assert_true (g_atomic_int_get (&ad.destroyed));
  g_main_loop_unref (ad.loop);
  fixture_teardown (&fx);
}

static void
test_missing_folder (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaImportResult) result = NULL;

  fixture_setup (&fx);
  folder = g_build_filename (fx.dir, "no-such-folder", NULL);
  g_assert_false (import (&fx, folder, &result, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  fixture_teardown (&fx);
}

/* Tests: headers, pinyin, USCC -------------------------------------------------------------- */

static void
test_headers (void)
{
  const ZichaFileFormat *team = zicha_interchange_get_file (ZICHA_RECORD_AUDIT_TEAM);
  const ZichaFileFormat *orgs = zicha_interchange_get_file (ZICHA_RECORD_ORGANIZATIONS);
  const ZichaFileFormat *pen = zicha_interchange_get_file (ZICHA_RECORD_PENALTIES);

  g_assert_cmpstr (zicha_interchange_match_header (team, "人员编号")->name, ==, "person_id");
  g_assert_cmpstr (zicha_interchange_match_header (team, "PERSON_ID")->name, ==, "person_id");
  g_assert_cmpstr (zicha_interchange_match_header (orgs, "统一社会信用代码")->name, ==, "uscc");
  g_assert_cmpstr (zicha_interchange_match_header (pen, "金额")->name, ==, "amount");
  g_assert_null (zicha_interchange_match_header (team, "人员"));

  /* No label names two columns of one file. */
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    {
      const ZichaFileFormat *f = zicha_interchange_get_file (k);

      for (guint c = 0; c < f->n_columns; c++)
        {
          const char *label = zicha_interchange_column_label (f, &f->columns[c]);

          g_assert_true (zicha_interchange_match_header (f, label) == &f->columns[c]);
          g_assert_true (zicha_interchange_match_header (f, f->columns[c].name)
                         == &f->columns[c]);
        }
    }
}

static void
test_pinyin (void)
{
  static const struct { const char *name; const char *initials; } cases[] = {
    { "张三", "zs" },
    { "李四", "ls" },
    { "王五", "ww" },
    { "北京华信", "bjhx" },
    { "ABC认证(北京)有限公司", "abcrzbjyxgs" },
    { "", "" },
  };
  gsize la, lb;
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = zicha_pinyin_initials (cases[i].name);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
  if (zicha_pinyin_has_zh_collation ())
    {
      /* 李 (li) sorts before 张 (zhang). */
      ka = zicha_pinyin_name_key ("李四", &la);
      kb = zicha_pinyin_name_key ("张三", &lb);
      g_assert_cmpint (memcmp (ka, kb, MIN (la, lb)), <, 0);
    }
  else
    g_test_message ("no zh_CN.UTF-8 locale: pinyin order not checked");
}

static void
test_uscc (void)
{
  static const char *const bases[] = {
    "91350100M000100Y4", "12100000400000001", "91110108MA01ABCDE", "Y1000000000000000",
  };

  /* The example of GB 32100-2015. */
  g_assert_true (zicha_uscc_is_valid ("91350100M000100Y43"));
  g_assert_false (zicha_uscc_is_valid ("91350100M000100Y44"));
  g_assert_false (zicha_uscc_is_valid ("91350100M000100Y4"));
  g_assert_false (zicha_uscc_is_valid ("91350100I000100Y43"));  /* I is not in the set */
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autofree char *code = make_uscc (bases[i]);

      g_assert_true (zicha_uscc_is_valid (code));
      g_assert_cmpint (zicha_uscc_check_char (bases[i]), ==, code[17]);
    }
}

/* Tests: bulk loads (secondary indexes dropped and made again, CHECKs verified after) ------ */

/* The schema's objects with their SQL: equal dumps mean the same tables and indexes. */
static char *
dump_schema (ZichaDb *db)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                                       "SELECT type, name, tbl_name, sql FROM sqlite_master "
                                       "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%s|%s|%s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_type (stmt, 3) == SQLITE_NULL
                            ? "<null>" : (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
assert_integrity (ZichaDb *db)
{
  g_autofree char *check = query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

static void
test_bulk_indexes_made_again (void)
{
  Fixture fx;
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture_setup (&fx);
  before = dump_schema (fx.db);
  /* The empty tables take a bulk load, the rules need their indexes. */
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                     "AND tbl_name = 'expenses' AND sql IS NOT NULL"), >=, 2);
  folder = new_folder (&fx, "b");
  write_base (folder);
  import_ok (&fx, folder);
  after = dump_schema (fx.db);
  g_assert_cmpstr (before, ==, after);
  assert_integrity (fx.db);
  g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM expenses WHERE person = "
                                     "(SELECT id FROM personnel WHERE person_id = 'P1')"), ==, 1);
  /* A second import of the same folder: an upsert, every row unchanged, nothing dropped. */
  import_ok (&fx, folder);
  g_free (after);
  after = dump_schema (fx.db);
  g_assert_cmpstr (before, ==, after);
  assert_integrity (fx.db);
  g_assert_cmpint (query_int (fx.db, "SELECT sum(unchanged) FROM imports"), ==, 24);
  fixture_teardown (&fx);
}

/* An error in a file whose table's indexes are dropped, after files whose indexes were made
 * again, or in the first file: the ROLLBACK restores every table and index. */
static void
test_bulk_error_restores (void)
{
  static const struct { const char *file; const char *content; } bad[] = {
    { "expenses.csv", "expense_id,audit_id,person_id,category,amount,paid_by,spent_on,note\n"
                      "E1,A1,P1,travel,123.45,body,2022-12-01,\n"
                      "E2,A1,P1,bogus,1,body,2022-12-01,\n" },
    { "personnel.csv", "person_id,name,employment,joined_on,left_on,registration_no\n"
                       "P1,张三,full_time,2020-01-01,,R-001\n"
                       "P2,李四,sometimes,,,\n" },
    { "checkins.csv", "audit_id,person_id,kind,at,distance_km,photos\n"
                      "A1,P1,in,2022-12-01 08:30,0.5,2\n"
                      "A1,P1,in,2022-12-01 08:30,0.5,2\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      Fixture fx;
      g_autofree char *folder = NULL;
      g_autofree char *schema_before = NULL;
      g_autofree char *schema_after = NULL;
      g_autofree char *data_before = NULL;
      g_autofree char *data_after = NULL;
      g_autoptr(ZichaImportResult) result = NULL;
      g_autoptr(GError) error = NULL;

      fixture_setup (&fx);
      schema_before = dump_schema (fx.db);
      data_before = dump_db (fx.db);
      folder = new_folder (&fx, "e");
      write_base (folder);
      write_file (folder, bad[i].file, bad[i].content, -1);
      g_assert_false (import (&fx, folder, &result, &error));
      g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA);
      g_assert_cmpuint (zicha_import_result_get_n_errors (result), ==, 1);
      schema_after = dump_schema (fx.db);
      data_after = dump_db (fx.db);
      g_assert_cmpstr (schema_before, ==, schema_after);
      g_assert_cmpstr (data_before, ==, data_after);
      assert_integrity (fx.db);
      fixture_teardown (&fx);
    }
}

static void
cancel_at_rows (const char *file_name,
                guint64     rows_done,
                guint64     bytes_done,
                guint64     bytes_total,
                gpointer    user_data)
{
  CancelData *cd = user_data;

  cd->calls++;
  if (rows_done >= 20480)
    g_cancellable_cancel (cd->cancellable);
}

/* Cancelled while loading a table without its indexes, and when the last row is read (the
 * indexes are being made again): nothing changes, indexes included. */
static void
test_bulk_cancel_restores (void)
{
  const guint sizes[] = { 30000, 20480 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Fixture fx;
      g_autofree char *folder = NULL;
      g_autofree char *schema_before = NULL;
      g_autofree char *schema_after = NULL;
      g_autoptr(GString) data = g_string_new (ORG_HEADER);
      g_autoptr(ZichaImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      CancelData cd = { g_cancellable_new (), 0 };

      fixture_setup (&fx);
      schema_before = dump_schema (fx.db);
      folder = new_folder (&fx, "c");
      for (guint r = 0; r < sizes[i]; r++)
        g_string_append_printf (data, "N%u,组织%u,,,,%u,\n", r, r, r);
      write_file (folder, "organizations.csv", data->str, (gssize) data->len);
      g_assert_false (zicha_import_folder (fx.db, folder, NULL, cancel_at_rows, &cd,
                                           cd.cancellable, &result, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (cd.calls, >=, 5);
      schema_after = dump_schema (fx.db);
      g_assert_cmpstr (schema_before, ==, schema_after);
      g_assert_cmpint (query_int (fx.db, "SELECT count(*) FROM organizations"), ==, 0);
      assert_integrity (fx.db);
      g_object_unref (cd.cancellable);
      fixture_teardown (&fx);
    }
}

/* A bulk load runs without CHECK constraints (the import checks every value itself) and
 * verifies them afterwards: a value the schema refuses still fails the import, as it does
 * row by row in a table that is not bulk-loaded. */
static void
test_bulk_checks_verified (void)
{
  for (guint filled = 0; filled <= 1; filled++)
    {
      Fixture fx;
      g_autofree char *folder = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(ZichaImportResult) result = NULL;
      g_autoptr(GError) error = NULL;

      fixture_setup (&fx);
      /* A stricter schema than the import's checks. */
      exec (fx.db, "DROP TABLE penalties; CREATE TABLE penalties (id INTEGER PRIMARY KEY, "
                   "penalty_id TEXT NOT NULL UNIQUE, decided_on TEXT NOT NULL, "
                   "authority TEXT NOT NULL, decision_no TEXT, summary TEXT NOT NULL, "
                   "amount INTEGER CHECK (amount < 1000000))");
      if (filled)
        exec (fx.db, "INSERT INTO penalties (penalty_id, decided_on, authority, summary) "
                     "VALUES ('X0', '2020-01-01', 'a', 'b'), ('X00', '2020-01-01', 'a', 'b')");
      before = dump_db (fx.db);
      folder = new_folder (&fx, "p");
      write_file (folder, "penalties.csv",
                  "penalty_id,decided_on,authority,decision_no,summary,amount\n"
                  "X1,2021-05-01,局,,未按规定,9999.99\n"
                  "X2,2021-05-01,局,,未按规定,10000\n", -1);
      g_assert_false (import (&fx, folder, &result, &error));
      g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "CHECK constraint failed"));
      after = dump_db (fx.db);
      g_assert_cmpstr (before, ==, after);
      assert_integrity (fx.db);
      fixture_teardown (&fx);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/base", test_base);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_case);
    }
  g_test_add_func ("/import/errors/order", test_error_order);
  g_test_add_func ("/import/pipelined", test_pipelined);
  g_test_add_func ("/import/errors/missing-column-no-cascade", test_missing_column_no_cascade);
  g_test_add_func ("/import/errors/many", test_many_errors);
  g_test_add_func ("/import/errors/format", test_message_format);
  g_test_add_func ("/import/encoding/gb18030", test_gb18030);
  g_test_add_func ("/import/encoding/gb18030-forced-bad", test_gb18030_forced_and_bad);
  g_test_add_func ("/import/syntax/bom-crlf-quotes", test_bom_crlf_quotes);
  g_test_add_func ("/import/encoding/utf8-chunks", test_utf8_chunks);
  g_test_add_func ("/import/values/dates", test_date_forms);
  g_test_add_func ("/import/values/normalised", test_values);
  g_test_add_func ("/import/upsert/absent-column", test_upsert);
  g_test_add_func ("/import/upsert/body", test_body_replaces);
  g_test_add_func ("/import/upsert/sets", test_sets_replaced);
  g_test_add_func ("/import/references/cross-file", test_cross_file_references);
  g_test_add_func ("/import/warnings", test_warnings);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/templates", test_templates);
  g_test_add_func ("/import/missing-folder", test_missing_folder);
  g_test_add_func ("/import/async", test_async);
  g_test_add_func ("/import/headers", test_headers);
  g_test_add_func ("/import/pinyin", test_pinyin);
  g_test_add_func ("/import/uscc", test_uscc);
  g_test_add_func ("/import/bulk/indexes-made-again", test_bulk_indexes_made_again);
  g_test_add_func ("/import/bulk/error-restores", test_bulk_error_restores);
  g_test_add_func ("/import/bulk/cancel-restores", test_bulk_cancel_restores);
  g_test_add_func ("/import/bulk/checks-verified", test_bulk_checks_verified);

  status = g_test_run ();
  if (base_dir != NULL)
    remove_tree (base_dir);
  g_free (base_dir);
  g_free (base_db);
  return status;
}
