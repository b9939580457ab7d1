/* test-demo.c — the demo data generator
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "zicha-core.h"
#include "zicha-demo.h"
#include "zicha-hits.h"
#include "zicha-import.h"
#include "zicha-rules.h"

#define N_CERTS 600

/* A generated folder shared by the tests that only read it. */
typedef struct
{
  char           *dir;
  char           *folder;
  char           *expected;
  ZichaDemoStats  stats;
  GDate           today;
} Fixture;

static Fixture *shared;

static void
options (ZichaDemoOptions *opts,
         guint             certificates,
         guint64           seed,
         guint             day,
         guint             month,
         guint             year)
{
  zicha_demo_options_init (opts);
  opts->certificates = certificates;
  opts->seed = seed;
  g_date_clear (&opts->today, 1);
  g_date_set_dmy (&opts->today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
rm_rf (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static Fixture *
fixture_get (void)
{
  ZichaDemoOptions opts;
  g_autoptr (GError) error = NULL;

  if (shared != NULL)
    return shared;
  shared = g_new0 (Fixture, 1);
  shared->dir = g_dir_make_tmp ("zicha-demo-XXXXXX", &error);
  g_assert_no_error (error);
  shared->folder = g_build_filename (shared->dir, "folder", NULL);
  shared->expected = g_build_filename (shared->dir, "expected.csv", NULL);
  /* a leap day: calendar arithmetic clamps */
  options (&opts, N_CERTS, 7, 29, 2, 2024);
  shared->today = opts.today;
  g_assert_true (zicha_demo_generate_full (&opts, shared->folder, shared->expected, NULL, NULL,
                                           &shared->stats, NULL, &error));
  g_assert_no_error (error);
  return shared;
}

/* RFC 4180 reader: rows of fields; FALSE on a syntax error. */
static gboolean
parse_csv (const char  *text,
           GPtrArray  **out_rows)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;
  gboolean ok = TRUE;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  ok = FALSE;
                  break;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          if (!ok || (*p != ',' && *p != '\n' && *p != '\0'))
            {
              ok = FALSE;
              break;
            }
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\n')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p++;
        }
      else if (*p == '"' || *p == '\r')
        {
          ok = FALSE;
          break;
        }
      else
        g_string_append_c (field, *p++);
    }
  /* every row ends with a newline */
  if (field->len != 0 || row->len != 0)
    ok = FALSE;
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  if (ok)
    *out_rows = g_steal_pointer (&rows);
  return ok;
}

static GPtrArray *
read_csv (const char *folder,
          const char *name)
{
  g_autofree char *path = g_str_has_suffix (name, ".csv") && folder == NULL
                          ? g_strdup (name) : g_build_filename (folder, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, (gssize) len, NULL));
  g_assert_cmpuint (strlen (text), ==, len);
  g_assert_true (parse_csv (text, &rows));
  g_assert_cmpuint (rows->len, >=, 1);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      const char *column)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);
  guint i;

  for (i = 0; i < header->len; i++)
    if (strcmp (g_ptr_array_index (header, i), column) == 0)
      return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), i);
  g_error ("no column %s", column);
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */

static void
compare_folders (const char *a,
                 const char *b,
                 gboolean   *all_same,
                 gboolean   *certs_same)
{
  guint i;

  *all_same = TRUE;
  for (i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    {
      g_autofree char *name = g_strconcat (zicha_record_kind_get_id (i), ".csv", NULL);
      g_autofree char *pa = g_build_filename (a, name, NULL);
      g_autofree char *pb = g_build_filename (b, name, NULL);
      g_autofree char *ta = NULL, *tb = NULL;
      gsize la, lb;

      g_assert_true (g_file_get_contents (pa, &ta, &la, NULL));
      g_assert_true (g_file_get_contents (pb, &tb, &lb, NULL));
      if (la != lb || memcmp (ta, tb, la) != 0)
        {
          *all_same = FALSE;
          if (i == ZICHA_RECORD_CERTIFICATES)
            *certs_same = FALSE;
        }
      else if (i == ZICHA_RECORD_CERTIFICATES)
        *certs_same = TRUE;
    }
}

static void
test_determinism (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zicha-demo-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *c = g_build_filename (dir, "c", NULL);
  g_autofree char *ea = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *eb = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *ta = NULL, *tb = NULL;
  ZichaDemoOptions opts;
  gboolean all_same, certs_same;

  g_assert_no_error (error);
  options (&opts, 300, 99, 31, 12, 2025);
  g_assert_true (zicha_demo_generate (&opts, a, ea, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zicha_demo_generate (&opts, b, eb, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  compare_folders (a, b, &all_same, &certs_same);
  g_assert_true (all_same);
  g_assert_true (g_file_get_contents (ea, &ta, NULL, NULL));
  g_assert_true (g_file_get_contents (eb, &tb, NULL, NULL));
  g_assert_cmpstr (ta, ==, tb);

  opts.seed = 100;
  g_assert_true (zicha_demo_generate (&opts, c, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  compare_folders (a, c, &all_same, &certs_same);
  g_assert_false (all_same);
  g_assert_false (certs_same);

  rm_rf (dir);
}

static const char *const expected_headers[ZICHA_N_RECORD_KINDS] = {
  "name,approval_no,uscc,address,contact",
  "scheme,code,granted_on,withdrawn_on",
  "person_id,name,employment,joined_on,left_on,registration_no",
  "person_id,scheme,grade,valid_from,valid_to",
  "person_id,scheme,code,approved_on",
  "org_id,name,uscc,province,address,employees,sites",
  "cert_no,org_id,scheme,scope_codes,scope_text,issued_on,expires_on,status,status_on,"
  "reported_on",
  "cert_no,event,on,reason",
  "audit_id,org_id,cert_no,scheme,type,start_on,end_on,effective_personnel,complexity,"
  "planned_days,onsite_days,reduction_pct,report_on,decision_on,decision_by,recorded_at",
  "audit_id,person_id,role,days,onsite_from,onsite_to",
  "expense_id,audit_id,person_id,category,amount,paid_by,spent_on,note",
  "penalty_id,decided_on,authority,decision_no,summary,amount",
  "org_id,source,notified_on,note",
  "audit_id,person_id,kind,at,distance_km,photos",
  "complaint_id,received_on,org_id,cert_no,person_id,summary,closed_on",
};

static void
test_files (void)
{
  Fixture *f = fixture_get ();
  guint i, r;

  for (i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    {
      g_autofree char *name = g_strconcat (zicha_record_kind_get_id (i), ".csv", NULL);
      g_autoptr (GPtrArray) rows = read_csv (f->folder, name);
      GPtrArray *header = g_ptr_array_index (rows, 0);
      g_autofree char *joined = NULL;

      g_ptr_array_add (header, NULL);
      joined = g_strjoinv (",", (char **) header->pdata);
      g_ptr_array_remove_index (header, header->len - 1);
      g_assert_cmpstr (joined, ==, expected_headers[i]);
      for (r = 1; r < rows->len; r++)
        g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, header->len);
      g_assert_cmpuint (rows->len - 1, ==, f->stats.rows[i]);
      g_assert_cmpuint (rows->len, >, 1);
    }
}

static void
test_composition (void)
{
  Fixture *f = fixture_get ();
  const guint64 *n = f->stats.rows;
  double audits = (double) n[ZICHA_RECORD_AUDITS] / (double) n[ZICHA_RECORD_CERTIFICATES];
  double team = (double) n[ZICHA_RECORD_AUDIT_TEAM] / (double) n[ZICHA_RECORD_AUDITS];
  double checkins = (double) n[ZICHA_RECORD_CHECKINS] / (double) n[ZICHA_RECORD_AUDIT_TEAM];
  double expenses = (double) n[ZICHA_RECORD_EXPENSES] / (double) n[ZICHA_RECORD_AUDIT_TEAM];

  g_assert_cmpuint (n[ZICHA_RECORD_CERTIFICATES], ==, N_CERTS);
  g_assert_cmpuint (n[ZICHA_RECORD_BODY], ==, 1);
  g_assert_cmpuint (n[ZICHA_RECORD_PERSONNEL], >=, 20);
  g_assert_cmpfloat (audits, >=, 2.5);
  g_assert_cmpfloat (audits, <=, 4.0);
  g_assert_cmpfloat (team, >=, 2.0);
  g_assert_cmpfloat (team, <=, 3.0);
  /* a sign-in and a sign-out per row, but for the early years without the check-in system */
  g_assert_cmpfloat (checkins, >=, 1.9);
  g_assert_cmpfloat (checkins, <=, 2.0);
  g_assert_cmpfloat (expenses, >=, 1.0);
  g_assert_cmpfloat (expenses, <=, 2.0);
}

static void
test_manifest (void)
{
  Fixture *f = fixture_get ();
  g_autoptr (GPtrArray) rows = read_csv (NULL, f->expected);
  guint64 per_rule[ZICHA_DEMO_N_RULES] = { 0 };
  guint64 total = 0;
  guint r, i;

  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 0))->len, ==, 3);
  g_assert_cmpstr (cell (rows, 0, "rule"), ==, "rule");
  for (r = 1; r < rows->len; r++)
    {
      const char *rule = cell (rows, r, "rule");
      const char *type = cell (rows, r, "entity_type");
      const char *key = cell (rows, r, "entity_key");
      gboolean found = FALSE;

      for (i = 0; i < ZICHA_DEMO_N_RULES; i++)
        if (strcmp (rule, zicha_demo_rule_id (i)) == 0)
          {
            per_rule[i]++;
            found = TRUE;
          }
      g_assert_true (found);
      g_assert_cmpstr (key, !=, "");
      if (strcmp (type, "team") == 0 || strcmp (type, "person_month") == 0
          || strcmp (type, "scope_code") == 0)
        g_assert_nonnull (strchr (key, '/'));
      else
        g_assert_null (strchr (key, '/'));
    }
  for (i = 0; i < ZICHA_DEMO_N_RULES; i++)
    {
      g_test_message ("%s: %" G_GUINT64_FORMAT, zicha_demo_rule_id (i), per_rule[i]);
      g_assert_cmpuint (per_rule[i], >=, 3);
      g_assert_cmpuint (per_rule[i], ==, f->stats.hits[i]);
      g_assert_cmpuint (f->stats.planted[i], >=, 3);
      total += per_rule[i];
    }
  g_assert_cmpuint (total, ==, rows->len - 1);
  g_assert_cmpuint (f->stats.unplanned_hits, ==, 0);
  g_assert_cmpuint (f->stats.missed_plants, ==, 0);
}

/* GB 32100-2015, written apart from the generator's. */
static gboolean
uscc_valid (const char *s)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  guint sum = 0, w = 1, i;
  const char *q;

  if (strlen (s) != 18)
    return FALSE;
  for (i = 0; i < 17; i++)
    {
      q = strchr (alphabet, s[i]);
      if (q == NULL)
        return FALSE;
      sum += (guint) (q - alphabet) * w;
      w = w * 3 % 31;
    }
  q = strchr (alphabet, s[17]);
  return q != NULL && (guint) (q - alphabet) == (31 - sum % 31) % 31;
}

static void
test_uscc (void)
{
  Fixture *f = fixture_get ();
  g_autoptr (GPtrArray) body = read_csv (f->folder, "body.csv");
  g_autoptr (GPtrArray) orgs = read_csv (f->folder, "organizations.csv");
  guint r;

  g_assert_true (uscc_valid ("91350100M000100Y43"));
  g_assert_false (uscc_valid ("91350100M000100Y44"));
  g_assert_true (uscc_valid (cell (body, 1, "uscc")));
  for (r = 1; r < orgs->len; r++)
    g_assert_true (uscc_valid (cell (orgs, r, "uscc")));
}

static gboolean
date_ok (const char *s,
         GDate      *out)
{
  guint y, m, d;

  if (strlen (s) != 10 || sscanf (s, "%4u-%2u-%2u", &y, &m, &d) != 3 || s[4] != '-'
      || s[7] != '-')
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    }
  return TRUE;
}

/* Every date column holds a real date; event-like ones are not after today. */
static void
check_dates (Fixture    *f,
             const char *file,
             const char *const *columns,
             const char *const *not_after_today)
{
  g_autoptr (GPtrArray) rows = read_csv (f->folder, file);
  guint r, i;

  for (r = 1; r < rows->len; r++)
    {
      for (i = 0; columns[i] != NULL; i++)
        {
          const char *v = cell (rows, r, columns[i]);
          char date[11];

          if (*v == '\0')
            continue;
          g_strlcpy (date, v, sizeof date);
          if (!date_ok (date, NULL))
            g_error ("%s:%u: %s is not a date: %s", file, r + 1, columns[i], v);
        }
      for (i = 0; not_after_today != NULL && not_after_today[i] != NULL; i++)
        {
          const char *v = cell (rows, r, not_after_today[i]);
          char date[11];
          GDate d;

          if (*v == '\0')
            continue;
          g_strlcpy (date, v, sizeof date);
          g_assert_true (date_ok (date, &d));
          if (g_date_compare (&d, &f->today) > 0)
            g_error ("%s:%u: %s after today: %s", file, r + 1, not_after_today[i], v);
        }
    }
}

static void
test_dates (void)
{
  Fixture *f = fixture_get ();
  g_autoptr (GPtrArray) certs = read_csv (f->folder, "certificates.csv");
  g_autoptr (GPtrArray) audits = read_csv (f->folder, "audits.csv");
  guint r;

  {
    const char *const c[] = { "issued_on", "expires_on", "status_on", "reported_on", NULL };
    const char *const e[] = { "issued_on", "status_on", "reported_on", NULL };
    check_dates (f, "certificates.csv", c, e);
  }
  {
    const char *const c[] = { "start_on", "end_on", "report_on", "decision_on", "recorded_at",
                              NULL };
    check_dates (f, "audits.csv", c, c);
  }
  {
    const char *const c[] = { "onsite_from", "onsite_to", NULL };
    check_dates (f, "audit_team.csv", c, c);
  }
  {
    const char *const c[] = { "on", NULL };
    check_dates (f, "certificate_events.csv", c, c);
  }
  {
    const char *const c[] = { "spent_on", NULL };
    check_dates (f, "expenses.csv", c, c);
  }
  {
    const char *const c[] = { "at", NULL };
    check_dates (f, "checkins.csv", c, c);
  }
  {
    const char *const c[] = { "received_on", "closed_on", NULL };
    check_dates (f, "complaints.csv", c, c);
  }
  {
    const char *const c[] = { "notified_on", NULL };
    check_dates (f, "watchlist.csv", c, c);
  }
  {
    const char *const c[] = { "joined_on", "left_on", NULL };
    check_dates (f, "personnel.csv", c, c);
  }
  {
    const char *const c[] = { "valid_from", "valid_to", NULL };
    check_dates (f, "qualifications.csv", c, NULL);
  }
  {
    const char *const c[] = { "approved_on", NULL };
    check_dates (f, "competences.csv", c, c);
  }
  {
    const char *const c[] = { "granted_on", "withdrawn_on", NULL };
    check_dates (f, "approved_scope.csv", c, c);
  }
  {
    const char *const c[] = { "decided_on", NULL };
    check_dates (f, "penalties.csv", c, c);
  }

  /* ordered pairs (ISO dates compare as strings) */
  for (r = 1; r < certs->len; r++)
    g_assert_cmpstr (cell (certs, r, "expires_on"), >, cell (certs, r, "issued_on"));
  for (r = 1; r < audits->len; r++)
    g_assert_cmpstr (cell (audits, r, "end_on"), >=, cell (audits, r, "start_on"));
}

static void
test_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zicha-demo-XXXXXX", &error);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  ZichaDemoOptions opts;

  g_assert_no_error (error);
  options (&opts, ZICHA_DEMO_MIN_CERTIFICATES - 1, 1, 1, 6, 2025);
  g_assert_false (zicha_demo_generate (&opts, out, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);

  options (&opts, ZICHA_DEMO_MIN_CERTIFICATES, 1, 1, 6, 2025);
  g_cancellable_cancel (cancellable);
  g_assert_false (zicha_demo_generate (&opts, out, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_cmpstr (zicha_demo_rule_id (0), ==, "SCOPE_NOT_APPROVED");
  g_assert_cmpstr (zicha_demo_rule_id (ZICHA_DEMO_N_RULES - 1), ==, "PART_TIME_HEAVY");
  rm_rf (dir);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_progress (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zicha-demo-XXXXXX", &error);
  ZichaDemoOptions opts;
  double last = 0;

  options (&opts, 2000, 3, 15, 6, 2025);
  g_assert_true (zicha_demo_generate (&opts, dir, NULL, on_progress, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  rm_rf (dir);
}

/* The contract with the importer and the rule engine: the folder imports without a message,
 * and the rules find exactly the manifest's hits. */
static void
test_rules_agree (void)
{
  Fixture *f = fixture_get ();
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = g_build_filename (f->dir, "demo.zicha", NULL);
  g_autoptr (ZichaDb) db = zicha_db_open (db_path, ZICHA_DB_OPEN_CREATE, &error);
  ZichaImportOptions io = { 0 };
  ZichaImportResult *result = NULL;
  ZichaRuleRunOptions ro = { 0 };
  g_autoptr (ZichaRuleRunResult) run = NULL;
  g_autoptr (GPtrArray) rows = read_csv (NULL, f->expected);
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) hits = NULL;
  ZichaHitFilter filter = { 0 };
  guint r, n_messages = 0, missing = 0;
  gboolean ok;

  g_assert_no_error (error);
  ok = zicha_import_folder (db, f->folder, &io, NULL, NULL, NULL, &result, &error);
  if (!ok && result != NULL)
    {
      g_autofree char *messages = zicha_import_result_format_messages (result);

      g_test_message ("%s", messages);
    }
  g_assert_no_error (error);
  g_assert_true (ok);
  zicha_import_result_get_messages (result, &n_messages);
  g_assert_cmpuint (n_messages, ==, 0);
  zicha_import_result_free (result);

  ro.as_of = f->today;
  g_assert_true (zicha_rules_run (db, &ro, NULL, NULL, NULL, &run, &error));
  g_assert_no_error (error);

  for (r = 1; r < rows->len; r++)
    g_hash_table_add (expected, g_strdup_printf ("%s,%s,%s", cell (rows, r, "rule"),
                                                 cell (rows, r, "entity_type"),
                                                 cell (rows, r, "entity_key")));
  g_assert_cmpuint (g_hash_table_size (expected), ==, rows->len - 1);

  hits = zicha_hits_query (db, &filter, &error);
  g_assert_no_error (error);
  for (r = 0; r < hits->len; r++)
    {
      const ZichaHit *hit = g_ptr_array_index (hits, r);
      g_autofree char *key = g_strdup_printf ("%s,%s,%s", hit->rule, hit->entity_type,
                                              hit->entity_key);

      if (!g_hash_table_remove (expected, key))
        g_test_message ("found, not expected: %s", key);
    }
  {
    GHashTableIter iter;
    const char *key;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
      {
        g_test_message ("expected, not found: %s", key);
        missing++;
      }
  }
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (hits->len, ==, rows->len - 1);
  g_assert_cmpuint (run->total_hits, ==, rows->len - 1);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  zicha_core_init_i18n ();

  g_test_add_func ("/demo/determinism", test_determinism);
  g_test_add_func ("/demo/files", test_files);
  g_test_add_func ("/demo/composition", test_composition);
  g_test_add_func ("/demo/manifest", test_manifest);
  g_test_add_func ("/demo/uscc", test_uscc);
  g_test_add_func ("/demo/dates", test_dates);
  g_test_add_func ("/demo/errors", test_errors);
  g_test_add_func ("/demo/progress", test_progress);
  g_test_add_func ("/demo/rules-agree", test_rules_agree);

  ret = g_test_run ();
  if (shared != NULL)
    {
      rm_rf (shared->dir);
      g_free (shared->dir);
      g_free (shared->folder);
      g_free (shared->expected);
      g_free (shared);
    }
  return ret;
}
