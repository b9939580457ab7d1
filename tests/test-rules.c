/* test-rules.c — the risk-rule engine, hits and triage
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule on both sides of its thresholds and on the traps DOMAIN.md section 4 names, on the
 * fixture folders of tests/data/rules/ imported through the real importer. */
#include "config.h"

#include <locale.h>

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zicha-core.h"
#include "zicha-hits.h"
#include "zicha-import.h"
#include "zicha-problems.h"
#include "zicha-rules.h"

typedef struct
{
  char    *dir;
  char    *path;
  ZichaDb *db;
} Fixture;

static void
fixture_import (Fixture *f, const char *folder)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "rules", folder, NULL);
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = zicha_import_folder (f->db, src, NULL, NULL, NULL, NULL, &result, &error);
  if (!ok && result != NULL)
    {
      g_autofree char *messages = zicha_import_result_format_messages (result);

      g_printerr ("%s\n", messages);
    }
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
fixture_open (Fixture *f, const char *folder)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("zicha-rules-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.zicha", NULL);
  f->db = zicha_db_open (f->path, ZICHA_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
  if (folder != NULL)
    fixture_import (f, folder);
}

static void
fixture_close (Fixture *f)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->db);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
set_date (GDate *date, const char *ymd)
{
  int y, m, d;

  g_assert_cmpint (sscanf (ymd, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

/* Runs @rules (NULL-terminated, or NULL for all) as of @as_of. */
static ZichaRuleRunResult *
run (Fixture *f, const char *as_of, guint n_threads, const char * const *rules)
{
  ZichaRuleRunOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  ZichaRuleRunResult *result = NULL;
  gboolean ok;

  set_date (&options.as_of, as_of);
  options.rules = rules;
  options.user_name = "tester";
  options.n_threads = n_threads;
  ok = zicha_rules_run (f->db, &options, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (result);
  return result;
}

static void
run_one (Fixture *f, const char *as_of, const char *rule)
{
  const char *rules[] = { rule, NULL };
  g_autoptr(ZichaRuleRunResult) result = run (f, as_of, 0, rules);

  g_assert_cmpuint (result->stats->len, ==, 1);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The keys of the open hits of @rule whose keys start with @prefix, sorted, ';'-joined. */
static char *
hit_keys (Fixture *f, const char *rule, const char *prefix)
{
  ZichaHitFilter filter = { .rule = rule, .status = "open" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = zicha_hits_query (f->db, &filter, &error);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  guint i;

  g_assert_no_error (error);
  for (i = 0; i < hits->len; i++)
    {
      ZichaHit *hit = g_ptr_array_index (hits, i);

      g_assert_cmpstr (hit->rule, ==, rule);
      if (prefix == NULL || g_str_has_prefix (hit->entity_key, prefix))
        g_ptr_array_add (keys, hit->entity_key);
    }
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (";", (char **) keys->pdata);
}

#define assert_hits(f, rule, prefix, expected)                                  \
  G_STMT_START {                                                                \
    g_autofree char *_keys = hit_keys ((f), (rule), (prefix));                  \
    g_assert_cmpstr (_keys, ==, (expected));                                    \
  } G_STMT_END

static ZichaHit *
get_hit (Fixture *f, const char *rule, const char *key)
{
  g_autoptr(GError) error = NULL;
  ZichaHit *hit = zicha_hits_lookup (f->db, rule, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hit);
  return hit;
}

static gboolean
hit_has_record (Fixture *f, gint64 hit_id, const char *type, const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = zicha_hits_get_records (f->db, hit_id, &error);
  guint i;

  g_assert_no_error (error);
  for (i = 0; i < records->len; i++)
    {
      ZichaHitRecord *r = g_ptr_array_index (records, i);

      if (strcmp (r->record_type, type) == 0 && strcmp (r->record_key, key) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Catalogue ----------------------------------------------------------------------------- */

static void
test_catalogue (void)
{
  /* DOMAIN.md section 4, in order: id, area, entity, severity */
  static const char *expected[][4] = {
    { "SCOPE_NOT_APPROVED", "legal", "certificate", "high" },
    { "AUDIT_TIME_SHORT", "legal", "audit", "high" },
    { "PERSONNEL_UNDERSTATED", "legal", "audit", "medium" },
    { "DECISION_BY_TEAM_MEMBER", "legal", "audit", "high" },
    { "DECISION_BEFORE_REPORT", "legal", "audit", "high" },
    { "REPORT_BEFORE_AUDIT_END", "legal", "audit", "high" },
    { "RECORDS_LATE", "legal", "audit", "medium" },
    { "CERT_WITHOUT_INITIAL_AUDIT", "legal", "certificate", "high" },
    { "STAGE1_MISSING", "legal", "certificate", "high" },
    { "CERT_ISSUED_BEFORE_DECISION", "legal", "certificate", "high" },
    { "SURVEILLANCE_OVERDUE", "legal", "certificate", "high" },
    { "SUSPENSION_TOO_LONG", "legal", "certificate", "medium" },
    { "EXPIRED_STILL_VALID", "legal", "certificate", "high" },
    { "REPORTED_LATE", "legal", "certificate", "low" },
    { "AUDITOR_DOUBLE_BOOKED", "conduct", "team", "high" },
    { "AUDITOR_NOT_QUALIFIED", "conduct", "team", "high" },
    { "TEAM_LACKS_COMPETENCE", "conduct", "audit", "medium" },
    { "EXPENSE_PAID_BY_CLIENT", "conduct", "expense", "high" },
    { "EXPENSE_EXCESSIVE", "conduct", "expense", "medium" },
    { "AUDITOR_OVERLOADED", "conduct", "person_month", "medium" },
    { "CHECKIN_MISSING", "conduct", "team", "medium" },
    { "CHECKIN_FAR", "conduct", "team", "medium" },
    { "WATCHLIST_NO_ACTION", "practice", "certificate", "high" },
    { "COMPLAINT_UNRESOLVED", "practice", "complaint", "low" },
    { "CODE_WITHOUT_COMPETENCE", "capability", "scope_code", "medium" },
    { "TRACEABILITY_GAP", "capability", "audit", "medium" },
    { "PART_TIME_HEAVY", "capability", "year", "low" },
  };
  guint n, i, j;
  const ZichaRule *rules = zicha_rules_get_all (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (i = 0; i < n; i++)
    {
      g_assert_cmpstr (rules[i].id, ==, expected[i][0]);
      g_assert_cmpstr (zicha_rule_area_to_string (rules[i].area), ==, expected[i][1]);
      g_assert_cmpstr (rules[i].entity_type, ==, expected[i][2]);
      g_assert_cmpstr (zicha_rule_severity_to_string (rules[i].severity), ==, expected[i][3]);
      g_assert_nonnull (rules[i].find);
      g_assert_true (zicha_rules_lookup (expected[i][0]) == &rules[i]);
      g_assert_cmpstr (zicha_rule_get_title (&rules[i]), !=, "");
      g_assert_cmpstr (rules[i].source, !=, "");
      for (j = 0; j < zicha_rule_get_n_params (&rules[i]); j++)
        g_assert_true (zicha_rule_param_validate (&rules[i].params[j],
                                                  rules[i].params[j].default_value, NULL));
    }
  g_assert_null (zicha_rules_lookup ("NO_SUCH_RULE"));
}

/* Date helpers --------------------------------------------------------------------------- */

static void
test_add_months (void)
{
  static const struct { const char *date; int months; const char *expected; } cases[] = {
    { "2024-01-31", 1, "2024-02-29" },   /* DOMAIN.md: clamps to the month's end */
    { "2023-01-31", 1, "2023-02-28" },
    { "2024-02-29", 12, "2025-02-28" },
    { "2024-02-29", 48, "2028-02-29" },
    { "2023-08-31", 6, "2024-02-29" },
    { "2023-12-31", 6, "2024-06-30" },
    { "2024-03-31", 1, "2024-04-30" },
    { "2024-01-15", 1, "2024-02-15" },
    { "2023-12-15", 1, "2024-01-15" },
    { "2024-05-31", -3, "2024-02-29" },
    { "2024-01-31", 0, "2024-01-31" },
    { "2022-01-31", 24, "2024-01-31" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = zicha_date_add_months (cases[i].date, cases[i].months);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
  g_assert_null (zicha_date_add_months ("2024-02-30", 1));
  g_assert_null (zicha_date_add_months ("nonsense", 1));

  {
    g_autofree char *a = zicha_date_add_days ("2024-01-31", 30);
    g_autofree char *b = zicha_date_add_days ("2023-12-31", 1);
    g_autofree char *c = zicha_date_add_days ("2024-03-01", -1);

    g_assert_cmpstr (a, ==, "2024-03-01");
    g_assert_cmpstr (b, ==, "2024-01-01");
    g_assert_cmpstr (c, ==, "2024-02-29");
  }
}

static void
test_covers (void)
{
  g_assert_true (zicha_scope_code_covers ("17", "17.06.01"));
  g_assert_true (zicha_scope_code_covers ("17.06", "17.06"));
  g_assert_true (zicha_scope_code_covers ("17.06", "17.06.01"));
  g_assert_false (zicha_scope_code_covers ("17.06", "17.6"));
  g_assert_false (zicha_scope_code_covers ("17.06", "17.061"));
  g_assert_false (zicha_scope_code_covers ("17.0", "17.06"));
  g_assert_false (zicha_scope_code_covers ("17.06.01", "17.06"));
  g_assert_false (zicha_scope_code_covers ("1", "17"));
}

static void
test_params (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  const ZichaRule *rule = zicha_rules_lookup ("CHECKIN_FAR");
  const ZichaRuleParam *param = zicha_rule_find_param (rule, "max_km");

  fixture_open (&f, NULL);
  value = zicha_rules_get_param (f.db, "SURVEILLANCE_OVERDUE", "months", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "12");
  g_clear_pointer (&value, g_free);

  g_assert_true (zicha_rules_set_param (f.db, "SURVEILLANCE_OVERDUE", "months", "6", &error));
  g_assert_no_error (error);
  value = zicha_rules_get_param (f.db, "SURVEILLANCE_OVERDUE", "months", &error);
  g_assert_cmpstr (value, ==, "6");
  g_clear_pointer (&value, g_free);

  g_assert_false (zicha_rules_set_param (f.db, "SURVEILLANCE_OVERDUE", "months", "0", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_rules_set_param (f.db, "SURVEILLANCE_OVERDUE", "months", "1.5", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_rules_set_param (f.db, "SURVEILLANCE_OVERDUE", "nope", "1", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_rules_set_param (f.db, "NOPE", "months", "1", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);

  /* reset to the default */
  g_assert_true (zicha_rules_set_param (f.db, "SURVEILLANCE_OVERDUE", "months", NULL, &error));
  value = zicha_rules_get_param (f.db, "SURVEILLANCE_OVERDUE", "months", &error);
  g_assert_cmpstr (value, ==, "12");

  /* decimals and fractions */
  g_assert_true (zicha_rule_param_validate (param, "5.5", NULL));
  g_assert_true (zicha_rule_param_validate (param, "0.000001", NULL));
  g_assert_false (zicha_rule_param_validate (param, "0.0000001", NULL));
  g_assert_false (zicha_rule_param_validate (param, "-1", NULL));
  g_assert_false (zicha_rule_param_validate (param, "5.", NULL));
  param = zicha_rule_find_param (zicha_rules_lookup ("AUDIT_TIME_SHORT"), "surveillance_fraction");
  g_assert_true (zicha_rule_param_validate (param, "1/3", NULL));
  g_assert_true (zicha_rule_param_validate (param, "1/2", NULL));
  g_assert_false (zicha_rule_param_validate (param, "1/0", NULL));
  g_assert_false (zicha_rule_param_validate (param, "3/2", NULL));
  g_assert_false (zicha_rule_param_validate (param, "a/b", NULL));
  fixture_close (&f);
}

/* Legal ---------------------------------------------------------------------------------- */

static void
test_scope_not_approved (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaHit) hit = NULL;

  fixture_open (&f, "scope");
  run_one (&f, "2024-06-30", "SCOPE_NOT_APPROVED");
  assert_hits (&f, "SCOPE_NOT_APPROVED", NULL,
               "SNA-HIT-BEFORE;SNA-HIT-ONE-OF-TWO;SNA-HIT-PREFIX;SNA-HIT-SCHEME;SNA-HIT-SEG;"
               "SNA-HIT-WITHDRAWN");
  hit = get_hit (&f, "SCOPE_NOT_APPROVED", "SNA-HIT-ONE-OF-TWO");
  g_assert_nonnull (strstr (hit->message, "18"));
  g_assert_null (strstr (hit->message, "17.01"));
  g_assert_true (hit_has_record (&f, hit->id, "certificates", "SNA-HIT-ONE-OF-TWO"));
  g_assert_cmpstr (hit->area, ==, "legal");
  g_assert_cmpstr (hit->severity, ==, "high");
  g_assert_cmpstr (hit->entity_type, ==, "certificate");

  /* as of the day QMS 18 is granted, the certificate issued before it is still a hit; the
   * certificate issued after as of counts from its issue on */
  run_one (&f, "2024-07-01", "SCOPE_NOT_APPROVED");
  assert_hits (&f, "SCOPE_NOT_APPROVED", NULL,
               "SNA-FUTURE;SNA-HIT-BEFORE;SNA-HIT-ONE-OF-TWO;SNA-HIT-PREFIX;SNA-HIT-SCHEME;"
               "SNA-HIT-SEG;SNA-HIT-WITHDRAWN");
  fixture_close (&f);
}

static void
test_audit_time_short (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaHit) hit = NULL;
  g_autoptr(GError) error = NULL;

  fixture_open (&f, "audit_time");
  run_one (&f, "2024-06-30", "AUDIT_TIME_SHORT");
  assert_hits (&f, "AUDIT_TIME_SHORT", NULL,
               "ATS-BIG-HIT;ATS-EMP-HIT;ATS-EMS-H-HIT;ATS-EMS-NULL-HIT;ATS-NC-S2-HIT;"
               "ATS-OH-LTD-HIT;ATS-RC-HIT;ATS-S2-FUT-HIT;ATS-S2-HIT;ATS-SV-HIT");

  hit = get_hit (&f, "AUDIT_TIME_SHORT", "ATS-S2-HIT");
  /* 2.39 + 2.5 = 4.89 below 0.7 · 7 = 4.9 */
  g_assert_nonnull (strstr (hit->message, "4.89"));
  g_assert_nonnull (strstr (hit->message, "4.9 "));
  g_assert_nonnull (strstr (hit->details, "\"minimum_hundredths\":490"));
  g_assert_true (hit_has_record (&f, hit->id, "audits", "ATS-S1-C1"));
  g_assert_true (hit_has_record (&f, hit->id, "audits", "ATS-S2-HIT"));
  g_clear_pointer (&hit, zicha_hit_free);

  hit = get_hit (&f, "AUDIT_TIME_SHORT", "ATS-SV-HIT");
  g_assert_nonnull (strstr (hit->message, "1.63"));
  g_assert_nonnull (strstr (hit->message, "1.64"));
  g_clear_pointer (&hit, zicha_hit_free);

  /* a larger reduction allowed: 1.63 ≥ 0.6 · 7 / 3 = 1.4 */
  g_assert_true (zicha_rules_set_param (f.db, "AUDIT_TIME_SHORT", "max_reduction_pct", "40", &error));
  g_assert_no_error (error);
  run_one (&f, "2024-06-30", "AUDIT_TIME_SHORT");
  assert_hits (&f, "AUDIT_TIME_SHORT", "ATS-SV", "");
  /* surveillance at 1/2 of the initial time with 30 %: minimum 2.45 */
  g_assert_true (zicha_rules_set_param (f.db, "AUDIT_TIME_SHORT", "max_reduction_pct", NULL, &error));
  g_assert_true (zicha_rules_set_param (f.db, "AUDIT_TIME_SHORT", "surveillance_fraction", "1/2",
                                        &error));
  run_one (&f, "2024-06-30", "AUDIT_TIME_SHORT");
  assert_hits (&f, "AUDIT_TIME_SHORT", "ATS-SV", "ATS-SV-HIT;ATS-SV-OK");
  fixture_close (&f);
}

static void
test_personnel_understated (void)
{
  Fixture f = { 0 };

  fixture_open (&f, "audit_time");
  run_one (&f, "2024-06-30", "PERSONNEL_UNDERSTATED");
  assert_hits (&f, "PERSONNEL_UNDERSTATED", NULL, "PU-HIT");
  run_one (&f, "2024-07-02", "PERSONNEL_UNDERSTATED");
  assert_hits (&f, "PERSONNEL_UNDERSTATED", NULL, "PU-FUT;PU-HIT");
  fixture_close (&f);
}

static void
test_decisions (void)
{
  Fixture f = { 0 };
  const char *rules[] = { "DECISION_BY_TEAM_MEMBER", "DECISION_BEFORE_REPORT",
                          "REPORT_BEFORE_AUDIT_END", "RECORDS_LATE", "TRACEABILITY_GAP", NULL };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(ZichaRuleRunResult) later = NULL;
  g_autoptr(ZichaHit) hit = NULL;

  fixture_open (&f, "decisions");
  result = run (&f, "2024-06-30", 2, rules);
  g_assert_cmpuint (result->stats->len, ==, 5);
  assert_hits (&f, "DECISION_BY_TEAM_MEMBER", NULL, "DBT-HIT");
  assert_hits (&f, "DECISION_BEFORE_REPORT", NULL, "DBR-END-HIT;DBR-REP-HIT");
  assert_hits (&f, "REPORT_BEFORE_AUDIT_END", NULL, "RBE-HIT");
  assert_hits (&f, "RECORDS_LATE", NULL, "RL-HIT");
  assert_hits (&f, "TRACEABILITY_GAP", NULL,
               "DBR-REPFUT-OK;TG-NOREPORT-HIT;TG-NOTEAM-HIT;TG-RC-NODECON-HIT;TG-S2-DECFUT-HIT;"
               "TG-S2-NODECBY-HIT");
  hit = get_hit (&f, "DECISION_BY_TEAM_MEMBER", "DBT-HIT");
  g_assert_true (hit_has_record (&f, hit->id, "audit_team", "DBT-HIT/P3"));

  /* later: the dates after the first as of have happened */
  later = run (&f, "2024-07-15", 1, rules);
  assert_hits (&f, "DECISION_BEFORE_REPORT", NULL, "DBR-END-HIT;DBR-REP-HIT;DBR-REPFUT-OK");
  assert_hits (&f, "RECORDS_LATE", NULL, "RL-FUT-OK;RL-HIT");
  fixture_close (&f);
}

static void
test_certificates (void)
{
  Fixture f = { 0 };
  const char *rules[] = { "CERT_WITHOUT_INITIAL_AUDIT", "STAGE1_MISSING",
                          "CERT_ISSUED_BEFORE_DECISION", "SUSPENSION_TOO_LONG",
                          "EXPIRED_STILL_VALID", "REPORTED_LATE", NULL };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture_open (&f, "certificates");
  result = run (&f, "2024-06-30", 2, rules);
  assert_hits (&f, "CERT_WITHOUT_INITIAL_AUDIT", "CWI-", "CWI-FUT-HIT;CWI-HIT");
  assert_hits (&f, "CERT_WITHOUT_INITIAL_AUDIT", "S1M-", "");
  assert_hits (&f, "CERT_WITHOUT_INITIAL_AUDIT", "CIB-", "");
  assert_hits (&f, "STAGE1_MISSING", "S1M-", "S1M-HIT");
  assert_hits (&f, "STAGE1_MISSING", "CWI-", "");
  assert_hits (&f, "CERT_ISSUED_BEFORE_DECISION", NULL, "CIB-DEC-HIT;CIB-END-HIT");
  assert_hits (&f, "SUSPENSION_TOO_LONG", NULL, "STL-HIT;STL-STATUSON-HIT");
  assert_hits (&f, "EXPIRED_STILL_VALID", NULL, "ESV-HIT");
  assert_hits (&f, "REPORTED_LATE", NULL,
               "RPL-EMPTY-HIT;RPL-FUT-HIT;RPL-HIT;RPL-JAN31-HIT");

  /* the 31st of the next month clamps to its end: 2024-02-29 */
  g_assert_true (zicha_rules_set_param (f.db, "REPORTED_LATE", "day", "31", &error));
  g_assert_no_error (error);
  run_one (&f, "2024-06-30", "REPORTED_LATE");
  assert_hits (&f, "REPORTED_LATE", NULL, "RPL-EMPTY-HIT;RPL-FUT-HIT");
  fixture_close (&f);
}

static void
test_surveillance_overdue (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaHit) hit = NULL;

  fixture_open (&f, "surveillance");
  run_one (&f, "2024-06-30", "SURVEILLANCE_OVERDUE");
  assert_hits (&f, "SURVEILLANCE_OVERDUE", NULL,
               "SO-FUT-HIT;SO-GAP-HIT;SO-NONE-HIT;SO-RECEND-HIT;SO-RENEW-FUT-HIT");
  hit = get_hit (&f, "SURVEILLANCE_OVERDUE", "SO-GAP-HIT");
  g_assert_true (hit_has_record (&f, hit->id, "audits", "SO-GAP-SV2"));
  g_assert_true (hit_has_record (&f, hit->id, "audits", "SO-GAP-SV1"));
  g_assert_nonnull (strstr (hit->details, "\"due\":\"2024-01-31\""));
  g_assert_nonnull (strstr (hit->details, "\"previous_audit\":\"SO-GAP-SV1\""));
  g_clear_pointer (&hit, zicha_hit_free);
  /* a recertification audit that ends after as of is no anchor: the last surveillance is */
  hit = get_hit (&f, "SURVEILLANCE_OVERDUE", "SO-RECEND-HIT");
  g_assert_nonnull (strstr (hit->details, "\"anchor\":\"2020-01-01\""));
  g_assert_nonnull (strstr (hit->details, "\"last\":\"2020-12-01\""));
  g_assert_nonnull (strstr (hit->details, "\"last_audit\":\"SO-RECEND-SV0\""));
  g_assert_true (hit_has_record (&f, hit->id, "audits", "SO-RECEND-SV0"));

  /* month arithmetic clamps at month ends: 2024-01-31 + 1 month = 2024-02-29 */
  g_assert_true (zicha_rules_set_param (f.db, "SURVEILLANCE_OVERDUE", "months", "1", &error));
  g_assert_no_error (error);
  run_one (&f, "2024-03-05", "SURVEILLANCE_OVERDUE");
  assert_hits (&f, "SURVEILLANCE_OVERDUE", "SOC-", "SOC-HIT");
  fixture_close (&f);
}

/* Conduct -------------------------------------------------------------------------------- */

static void
test_double_booked (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaHit) hit = NULL;

  fixture_open (&f, "double_booked");
  run_one (&f, "2024-06-30", "AUDITOR_DOUBLE_BOOKED");
  assert_hits (&f, "AUDITOR_DOUBLE_BOOKED", NULL, "DB-1/A1;DB-2/A1;DB-6/A3;DB-7/A3");
  hit = get_hit (&f, "AUDITOR_DOUBLE_BOOKED", "DB-1/A1");
  g_assert_nonnull (strstr (hit->message, "DB-2"));
  g_assert_cmpstr (hit->entity_type, ==, "team");
  g_assert_true (hit_has_record (&f, hit->id, "audit_team", "DB-2/A1"));

  /* the audit started after the first as of now counts */
  run_one (&f, "2024-07-01", "AUDITOR_DOUBLE_BOOKED");
  assert_hits (&f, "AUDITOR_DOUBLE_BOOKED", NULL,
               "DB-1/A1;DB-10/A4;DB-2/A1;DB-6/A3;DB-7/A3;DB-9/A4");
  fixture_close (&f);
}

static void
test_not_qualified (void)
{
  Fixture f = { 0 };

  fixture_open (&f, "qualified");
  run_one (&f, "2024-06-30", "AUDITOR_NOT_QUALIFIED");
  assert_hits (&f, "AUDITOR_NOT_QUALIFIED", NULL,
               "NQ-1/A2;NQ-1/A3;NQ-1/A4;NQ-1/A8;NQ-1/A9");
  fixture_close (&f);
}

static void
test_team_lacks_competence (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaHit) hit = NULL;

  fixture_open (&f, "competence");
  run_one (&f, "2024-06-30", "TEAM_LACKS_COMPETENCE");
  assert_hits (&f, "TEAM_LACKS_COMPETENCE", NULL,
               "TLC-DATE-HIT;TLC-NOTEAM-HIT;TLC-OBSERVER-HIT;TLC-ROLE-HIT;TLC-SCHEME-HIT;"
               "TLC-SEG-HIT");
  hit = get_hit (&f, "TEAM_LACKS_COMPETENCE", "TLC-DATE-HIT");
  g_assert_nonnull (strstr (hit->message, "29.10"));
  g_assert_null (strstr (hit->message, "17.06.01"));
  fixture_close (&f);
}

static void
test_overloaded (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_open (&f, "overloaded");
  run_one (&f, "2024-06-30", "AUDITOR_OVERLOADED");
  assert_hits (&f, "AUDITOR_OVERLOADED", NULL, "A1/2024-01;A3/2024-05;A5/2024-06");
  g_assert_true (zicha_rules_set_param (f.db, "AUDITOR_OVERLOADED", "max_days", "21", &error));
  g_assert_no_error (error);
  run_one (&f, "2024-06-30", "AUDITOR_OVERLOADED");
  assert_hits (&f, "AUDITOR_OVERLOADED", NULL, "A1/2024-01;A2/2024-02;A3/2024-05;A5/2024-06");
  fixture_close (&f);
}

static void
test_checkins (void)
{
  Fixture f = { 0 };
  const char *rules[] = { "CHECKIN_MISSING", "CHECKIN_FAR", NULL };
  g_autoptr(ZichaRuleRunResult) result = NULL;

  fixture_open (&f, "checkins");
  result = run (&f, "2024-06-30", 2, rules);
  assert_hits (&f, "CHECKIN_MISSING", NULL, "CK-1/A2;CK-3/A2");
  assert_hits (&f, "CHECKIN_FAR", NULL, "CK-1/A2;CK-4/A3");

  /* A nearer limit than the 5 km of the index checkins_far: every check-in is read. */
  g_assert_true (zicha_rules_set_param (f.db, "CHECKIN_FAR", "max_km", "0.4", NULL));
  run_one (&f, "2024-06-30", "CHECKIN_FAR");
  assert_hits (&f, "CHECKIN_FAR", NULL, "CK-1/A1;CK-1/A2;CK-4/A1;CK-4/A3");
  /* A farther one: the index, with its own limit. */
  g_assert_true (zicha_rules_set_param (f.db, "CHECKIN_FAR", "max_km", "6.5", NULL));
  run_one (&f, "2024-06-30", "CHECKIN_FAR");
  assert_hits (&f, "CHECKIN_FAR", NULL, "CK-4/A3");
  fixture_close (&f);
}

static void
test_expenses (void)
{
  Fixture f = { 0 };
  const char *rules[] = { "EXPENSE_PAID_BY_CLIENT", "EXPENSE_EXCESSIVE", NULL };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(ZichaHit) hit = NULL;

  fixture_open (&f, "expenses");
  result = run (&f, "2024-06-30", 2, rules);
  assert_hits (&f, "EXPENSE_PAID_BY_CLIENT", NULL, "E-O2;E-T4");
  assert_hits (&f, "EXPENSE_EXCESSIVE", NULL, "E-M4;E-T4");
  hit = get_hit (&f, "EXPENSE_EXCESSIVE", "E-M4");
  g_assert_nonnull (strstr (hit->message, "10.015"));
  g_assert_nonnull (strstr (hit->message, "30.05"));
  fixture_close (&f);
}

/* Practice and capability ---------------------------------------------------------------- */

static void
test_practice (void)
{
  Fixture f = { 0 };
  const char *rules[] = { "WATCHLIST_NO_ACTION", "COMPLAINT_UNRESOLVED", NULL };
  g_autoptr(ZichaRuleRunResult) result = NULL;

  fixture_open (&f, "practice");
  result = run (&f, "2024-06-30", 2, rules);
  assert_hits (&f, "WATCHLIST_NO_ACTION", NULL,
               "WL-AUDIT-LATE-HIT;WL-EXPIRES-SAME-HIT;WL-HIT;WL-ISSUED-SAME-HIT;WL-O4-HIT;"
               "WL-SUSP-LATE-HIT");
  assert_hits (&f, "COMPLAINT_UNRESOLVED", NULL, "CU-FUTCLOSE-HIT;CU-HIT;CU-OPEN-HIT");
  fixture_close (&f);
}

static void
test_capability (void)
{
  Fixture f = { 0 };
  const char *rules[] = { "CODE_WITHOUT_COMPETENCE", "PART_TIME_HEAVY", NULL };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(ZichaHit) hit = NULL;

  fixture_open (&f, "capability");
  result = run (&f, "2024-06-30", 2, rules);
  assert_hits (&f, "CODE_WITHOUT_COMPETENCE", NULL,
               "EMS/17.06.01;QMS/17.061;QMS/17.6;QMS/29;QMS/30;QMS/31");
  hit = get_hit (&f, "CODE_WITHOUT_COMPETENCE", "QMS/17.061");
  g_assert_true (hit_has_record (&f, hit->id, "certificates", "CW-2"));
  g_assert_true (hit_has_record (&f, hit->id, "certificates", "CW-11"));
  assert_hits (&f, "PART_TIME_HEAVY", NULL, "2019;2022;2023");
  fixture_close (&f);
}

/* Runs, idempotence, triage, risk score --------------------------------------------------- */

static const char *risk_rules[] = { "EXPIRED_STILL_VALID", "REPORTED_LATE",
                                    "PERSONNEL_UNDERSTATED", "AUDITOR_NOT_QUALIFIED", NULL };

static gint64
score_of (Fixture *f, const char *cert_no)
{
  /* certificates.risk_score through SQLite directly: tests may look at the store */
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 score = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT risk_score FROM certificates WHERE cert_no = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, cert_no, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    score = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return score;
}

static void
test_risk_score (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(ZichaHit) team = NULL;
  g_autoptr(GError) error = NULL;

  fixture_open (&f, "risk");
  result = run (&f, "2024-06-30", 2, risk_rules);
  assert_hits (&f, "EXPIRED_STILL_VALID", NULL, "R1");
  assert_hits (&f, "REPORTED_LATE", NULL, "R2");
  assert_hits (&f, "PERSONNEL_UNDERSTATED", NULL, "RA1");
  assert_hits (&f, "AUDITOR_NOT_QUALIFIED", NULL, "RA1/P1");
  /* R1: own H 3 + R2's L 1 (same organization) + audit M 2 + team row H 3 */
  g_assert_cmpint (score_of (&f, "R1"), ==, 9);
  /* R2: own L 1 + R1's H 3 */
  g_assert_cmpint (score_of (&f, "R2"), ==, 4);
  g_assert_cmpint (score_of (&f, "R3"), ==, 0);

  /* a dismissed hit leaves the score, a confirmed one stays */
  team = get_hit (&f, "AUDITOR_NOT_QUALIFIED", "RA1/P1");
  g_assert_true (zicha_hits_dismiss (f.db, team->id, "known", "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpint (score_of (&f, "R1"), ==, 6);
  g_assert_true (zicha_hits_undo_triage (f.db, team->id, "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpint (score_of (&f, "R1"), ==, 9);
  g_assert_true (zicha_problems_confirm_hits (f.db, &team->id, 1, 0, NULL, "tester", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (score_of (&f, "R1"), ==, 9);
  fixture_close (&f);
}

/* Confirming a hit a later run resolved brings it back into the risk score at once (it used to
 * wait for the next run or triage). */
static void
test_risk_score_confirm_resolved (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(ZichaRuleRunResult) earlier = NULL;
  g_autoptr(ZichaHit) team = NULL;
  g_autoptr(GError) error = NULL;
  const char *team_rule[] = { "AUDITOR_NOT_QUALIFIED", NULL };

  fixture_open (&f, "risk");
  result = run (&f, "2024-06-30", 2, risk_rules);
  g_assert_cmpint (score_of (&f, "R1"), ==, 9);
  /* before the audit: the team row's hit is not found any more, so it is resolved */
  earlier = run (&f, "2000-01-01", 2, team_rule);
  team = get_hit (&f, "AUDITOR_NOT_QUALIFIED", "RA1/P1");
  g_assert_cmpint (team->status, ==, ZICHA_HIT_RESOLVED);
  g_assert_cmpint (score_of (&f, "R1"), ==, 6);
  g_assert_true (zicha_problems_confirm_hits (f.db, &team->id, 1, 0, NULL, "tester", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (score_of (&f, "R1"), ==, 9);
  fixture_close (&f);
}

static void
use_language (const char *language)
{
  if (language != NULL)
    {
      g_setenv ("LANGUAGE", language, TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
    }
  else
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, "C.UTF-8");
    }
}

static gint64
count_text (Fixture *f, const char *text)
{
  g_autoptr(GError) error = NULL;
  ZichaHitFilter filter = { 0 };
  gint64 n;

  filter.text = text;
  n = zicha_hits_count (f->db, &filter, &error);
  g_assert_no_error (error);
  return n;
}

/* A risk lead is stored as its message's format and arguments, and shown in the language of
 * whoever reads it, whatever the language of the run: a run in English read in Chinese, with
 * the translation's order of the arguments and translated labels among them. */
static void
test_messages_in_reader_language (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autoptr(ZichaHit) expired_en = NULL;
  g_autoptr(ZichaHit) expired_zh = NULL;
  g_autoptr(ZichaHit) team_zh = NULL;

  use_language (NULL);
  fixture_open (&f, "risk");
  result = run (&f, "2024-06-30", 2, risk_rules);
  expired_en = get_hit (&f, "EXPIRED_STILL_VALID", "R1");
  g_assert_true (g_str_has_prefix (expired_en->message,
                                   "Status is valid although the certificate expired on "));
  g_assert_cmpint (count_text (&f, "expired on"), >=, 1);
  g_assert_cmpint (count_text (&f, "过期"), ==, 0);

  use_language ("zh_CN");
  expired_zh = get_hit (&f, "EXPIRED_STILL_VALID", "R1");
  g_assert_true (g_str_has_prefix (expired_zh->message, "证书已于 "));
  g_assert_true (g_str_has_suffix (expired_zh->message, " 过期，但状态仍为有效"));
  /* the same date, put where the translation wants it */
  {
    const char *date = expired_en->message + strlen ("Status is valid although the certificate "
                                                     "expired on ");
    g_autofree char *expected = g_strdup_printf ("证书已于 %s 过期，但状态仍为有效", date);

    g_assert_cmpuint (strlen (date), ==, 10);
    g_assert_cmpstr (expired_zh->message, ==, expected);
  }
  /* "%1$s（%2$s，%3$s）在 %5$s 不具备有效的 %4$s …": arguments reordered, the role translated */
  team_zh = get_hit (&f, "AUDITOR_NOT_QUALIFIED", "RA1/P1");
  g_assert_nonnull (strstr (team_zh->message, "（P1，审核组长）在 "));
  g_assert_nonnull (strstr (team_zh->message, "不具备有效的 QMS 审核员或高级审核员资格"));
  /* a search matches what the reader sees */
  g_assert_cmpint (count_text (&f, "过期"), >=, 1);
  g_assert_cmpint (count_text (&f, "审核组长"), >=, 1);

  use_language (NULL);
  fixture_close (&f);
}

static void
test_rerun_and_triage (void)
{
  Fixture f = { 0 };
  g_autoptr(ZichaRuleRunResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autoptr(ZichaHit) expired = NULL, late = NULL, pu = NULL, team = NULL, h = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  gint64 problem = 0, total = 0;
  const char *only_late[] = { "REPORTED_LATE", NULL };

  fixture_open (&f, "risk");
  r1 = run (&f, "2024-06-30", 2, risk_rules);
  g_assert_cmpuint (r1->total_hits, ==, 4);
  g_assert_cmpuint (r1->new_hits, ==, 4);
  g_assert_cmpuint (r1->resolved_hits, ==, 0);

  expired = get_hit (&f, "EXPIRED_STILL_VALID", "R1");
  late = get_hit (&f, "REPORTED_LATE", "R2");
  pu = get_hit (&f, "PERSONNEL_UNDERSTATED", "RA1");
  team = get_hit (&f, "AUDITOR_NOT_QUALIFIED", "RA1/P1");

  /* triage */
  g_assert_true (zicha_problems_confirm_hits (f.db, &expired->id, 1, 0, NULL, "alice",
                                              &problem, &error));
  g_assert_no_error (error);
  g_assert_cmpint (problem, >, 0);
  g_assert_false (zicha_problems_confirm_hits (f.db, &expired->id, 1, 0, NULL, "alice",
                                               NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (zicha_hits_dismiss (f.db, pu->id, "   ", "bob", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_true (zicha_hits_dismiss (f.db, pu->id, "Effective personnel checked on site", "bob",
                                     &error));
  g_assert_no_error (error);
  g_assert_false (zicha_hits_undo_triage (f.db, team->id, "bob", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);

  h = zicha_hits_get (f.db, expired->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpstr (h->triaged_by, ==, "alice");
  g_assert_nonnull (h->triaged_at);
  g_assert_cmpint (zicha_problems_find_by_hit (f.db, h->id, NULL), ==, problem);
  g_clear_pointer (&h, zicha_hit_free);
  h = zicha_hits_get (f.db, pu->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_DISMISSED);
  g_assert_cmpstr (h->dismiss_reason, ==, "Effective personnel checked on site");
  g_clear_pointer (&h, zicha_hit_free);

  /* the same run again: nothing new, triage kept */
  r2 = run (&f, "2024-06-30", 1, risk_rules);
  g_assert_cmpuint (r2->total_hits, ==, 4);
  g_assert_cmpuint (r2->new_hits, ==, 0);
  g_assert_cmpuint (r2->resolved_hits, ==, 0);
  h = zicha_hits_get (f.db, expired->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_CONFIRMED);
  g_assert_cmpint (h->last_run, ==, r2->run_id);
  g_clear_pointer (&h, zicha_hit_free);
  h = zicha_hits_get (f.db, pu->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_DISMISSED);
  g_clear_pointer (&h, zicha_hit_free);

  /* R2 reported after all: its open hit is resolved by a run of REPORTED_LATE only; the other
   * rules' hits are left alone */
  fixture_import (&f, "risk_update");
  r3 = run (&f, "2024-06-30", 0, only_late);
  g_assert_cmpuint (r3->total_hits, ==, 0);
  g_assert_cmpuint (r3->resolved_hits, ==, 1);
  h = zicha_hits_get (f.db, late->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_RESOLVED);
  g_clear_pointer (&h, zicha_hit_free);
  h = zicha_hits_get (f.db, team->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (h->last_run, ==, r2->run_id);
  g_clear_pointer (&h, zicha_hit_free);

  /* the report date removed again (an empty cell clears it): found again, open again */
  fixture_import (&f, "risk");
  r4 = run (&f, "2024-06-30", 0, only_late);
  g_assert_cmpuint (r4->new_hits, ==, 0);
  h = zicha_hits_get (f.db, late->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_OPEN);
  g_clear_pointer (&h, zicha_hit_free);

  /* not found any more: confirmed and dismissed keep their state */
  g_clear_pointer (&r4, zicha_rule_run_result_free);
  r4 = run (&f, "2021-01-01", 0, risk_rules);
  g_assert_cmpuint (r4->total_hits, ==, 0);
  h = zicha_hits_get (f.db, expired->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_CONFIRMED);
  g_clear_pointer (&h, zicha_hit_free);
  h = zicha_hits_get (f.db, pu->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_DISMISSED);
  g_clear_pointer (&h, zicha_hit_free);
  h = zicha_hits_get (f.db, team->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_RESOLVED);
  g_clear_pointer (&h, zicha_hit_free);

  /* undo: the confirm's problem goes, the state before it comes back */
  g_assert_true (zicha_problems_undo_confirm (f.db, expired->id, "alice", &error));
  g_assert_no_error (error);
  h = zicha_hits_get (f.db, expired->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_OPEN);
  g_assert_cmpint (zicha_problems_find_by_hit (f.db, h->id, NULL), ==, 0);
  g_assert_null (h->triaged_by);
  g_clear_pointer (&h, zicha_hit_free);
  g_assert_true (zicha_hits_undo_triage (f.db, pu->id, "bob", &error));
  h = zicha_hits_get (f.db, pu->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_OPEN);
  g_assert_null (h->dismiss_reason);
  g_clear_pointer (&h, zicha_hit_free);

  /* a resolved hit confirmed, then undone, is resolved again */
  g_assert_true (zicha_problems_confirm_hits (f.db, &team->id, 1, 0, NULL, "carol",
                                              &problem, &error));
  g_assert_true (zicha_problems_undo_confirm (f.db, team->id, "carol", &error));
  h = zicha_hits_get (f.db, team->id, &error);
  g_assert_cmpint (h->status, ==, ZICHA_HIT_RESOLVED);
  g_clear_pointer (&h, zicha_hit_free);

  /* listing: filters and pages */
  {
    ZichaHitFilter filter = { .area = "legal" };
    g_autoptr(GPtrArray) legal = zicha_hits_query (f.db, &filter, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (legal->len, ==, 3);
    /* high first */
    g_assert_cmpstr (((ZichaHit *) g_ptr_array_index (legal, 0))->severity, ==, "high");
    g_assert_cmpstr (((ZichaHit *) g_ptr_array_index (legal, 2))->severity, ==, "low");
  }
  {
    ZichaHitFilter filter = { .text = "RA1" };

    g_assert_cmpint (zicha_hits_count (f.db, &filter, &error), ==, 2);
    filter.text = "R1%";   /* % is literal, not a wildcard */
    g_assert_cmpint (zicha_hits_count (f.db, &filter, &error), ==, 0);
    filter.text = NULL;
    filter.severity = "high";
    filter.status = "resolved";
    g_assert_cmpint (zicha_hits_count (f.db, &filter, &error), ==, 1);
  }
  page = zicha_hits_query_page (f.db, NULL, ZICHA_HIT_ORDER_RULE, TRUE, 1, 2, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 4);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((ZichaHit *) g_ptr_array_index (page, 0))->rule, ==, "PERSONNEL_UNDERSTATED");
  g_assert_cmpstr (((ZichaHit *) g_ptr_array_index (page, 1))->rule, ==, "EXPIRED_STILL_VALID");
  fixture_close (&f);
}

static void
test_all_rules_threads (void)
{
  /* every rule on a folder, on one connection and on two: the same hits */
  Fixture f = { 0 };
  g_autoptr(ZichaRuleRunResult) one = NULL, two = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  guint i;

  fixture_open (&f, "decisions");
  fixture_import (&f, "certificates");
  fixture_import (&f, "practice");
  one = run (&f, "2024-06-30", 1, NULL);
  g_assert_cmpuint (one->stats->len, ==, 27);
  a = zicha_hits_query (f.db, NULL, &error);
  two = run (&f, "2024-06-30", 2, NULL);
  g_assert_cmpuint (two->new_hits, ==, 0);
  g_assert_cmpuint (two->resolved_hits, ==, 0);
  g_assert_cmpuint (two->total_hits, ==, one->total_hits);
  b = zicha_hits_query (f.db, NULL, &error);
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpuint (a->len, ==, one->total_hits);
  for (i = 0; i < a->len; i++)
    {
      ZichaHit *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->rule, ==, y->rule);
      g_assert_cmpstr (x->entity_key, ==, y->entity_key);
      g_assert_cmpstr (x->message, ==, y->message);
    }
  fixture_close (&f);
}

typedef struct
{
  GMainLoop          *loop;
  ZichaRuleRunResult *result;
  GError             *error;
  guint               progress_calls;
  guint               last_done;
} AsyncState;

static void
async_progress (guint done, guint total, const char *rule_id, gpointer data)
{
  AsyncState *state = data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, state->last_done);
  state->last_done = done;
  state->progress_calls++;
}

static void
async_done (GObject *source, GAsyncResult *res, gpointer data)
{
  AsyncState *state = data;

  state->result = zicha_rules_run_finish (ZICHA_DB (source), res, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async_and_cancel (void)
{
  Fixture f = { 0 };
  AsyncState state = { 0 };
  ZichaRuleRunOptions options = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ZichaRuleRunResult *result = NULL;
  const char *bad[] = { "NO_SUCH_RULE", NULL };

  fixture_open (&f, "risk");
  set_date (&options.as_of, "2024-06-30");
  state.loop = g_main_loop_new (NULL, FALSE);
  zicha_rules_run_async (f.db, &options, async_progress, &state, NULL, NULL, async_done, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.result);
  g_assert_cmpuint (state.result->stats->len, ==, 27);
  g_assert_cmpuint (state.last_done, ==, 27);
  g_assert_cmpuint (state.progress_calls, ==, 28);
  g_assert_cmpuint (state.result->total_hits, >=, 4);
  g_clear_pointer (&state.result, zicha_rule_run_result_free);
  g_main_loop_unref (state.loop);

  /* cancelled: an error, hits unchanged, the run recorded as cancelled */
  g_cancellable_cancel (cancellable);
  g_assert_false (zicha_rules_run (f.db, &options, NULL, NULL, cancellable, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  g_clear_error (&error);

  options.rules = bad;
  g_assert_false (zicha_rules_run (f.db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  fixture_close (&f);
}

/* The team rules share data loaded once per run: run together on two threads they find what each
 * finds alone, and a later run with another as of does not reuse the data of an earlier one. */
static void
test_team_data_shared (void)
{
  static const char *folders[] = { "double_booked", "qualified", "competence", "overloaded",
                                   "checkins", "capability" };
  static const char *team_rules[] = { "AUDITOR_DOUBLE_BOOKED", "AUDITOR_NOT_QUALIFIED",
                                      "TEAM_LACKS_COMPETENCE", "AUDITOR_OVERLOADED",
                                      "CHECKIN_MISSING", "TRACEABILITY_GAP", "PART_TIME_HEAVY",
                                      NULL };
  static const char *dates[] = { "2023-06-30", "2024-06-30", "2023-06-30" };
  guint i, j, d, total = 0;

  for (i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      Fixture f = { 0 };

      fixture_open (&f, folders[i]);
      for (d = 0; d < G_N_ELEMENTS (dates); d++)
        {
          g_autoptr(ZichaRuleRunResult) together = run (&f, dates[d], 2, team_rules);

          g_assert_cmpuint (together->stats->len, ==, g_strv_length ((char **) team_rules));
          for (j = 0; team_rules[j] != NULL; j++)
            {
              const char *one[] = { team_rules[j], NULL };
              g_autoptr(ZichaRuleRunResult) alone = run (&f, dates[d], 1, one);
              const ZichaRuleRunStat *a = g_ptr_array_index (alone->stats, 0);
              guint k;

              for (k = 0; k < together->stats->len; k++)
                {
                  const ZichaRuleRunStat *t = g_ptr_array_index (together->stats, k);

                  if (g_str_equal (t->rule_id, a->rule_id))
                    {
                      g_assert_cmpuint (t->hits, ==, a->hits);
                      total += a->hits;
                    }
                }
            }
        }
      fixture_close (&f);
    }
  /* the fixtures do have team hits */
  g_assert_cmpuint (total, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  zicha_core_init_i18n ();

  g_test_add_func ("/rules/catalogue", test_catalogue);
  g_test_add_func ("/rules/add-months", test_add_months);
  g_test_add_func ("/rules/covers", test_covers);
  g_test_add_func ("/rules/params", test_params);
  g_test_add_func ("/rules/scope-not-approved", test_scope_not_approved);
  g_test_add_func ("/rules/audit-time-short", test_audit_time_short);
  g_test_add_func ("/rules/personnel-understated", test_personnel_understated);
  g_test_add_func ("/rules/decisions", test_decisions);
  g_test_add_func ("/rules/certificates", test_certificates);
  g_test_add_func ("/rules/surveillance-overdue", test_surveillance_overdue);
  g_test_add_func ("/rules/double-booked", test_double_booked);
  g_test_add_func ("/rules/not-qualified", test_not_qualified);
  g_test_add_func ("/rules/team-lacks-competence", test_team_lacks_competence);
  g_test_add_func ("/rules/overloaded", test_overloaded);
  g_test_add_func ("/rules/checkins", test_checkins);
  g_test_add_func ("/rules/expenses", test_expenses);
  g_test_add_func ("/rules/practice", test_practice);
  g_test_add_func ("/rules/capability", test_capability);
  g_test_add_func ("/rules/risk-score", test_risk_score);
  g_test_add_func ("/rules/risk-score/confirm-resolved", test_risk_score_confirm_resolved);
  g_test_add_func ("/rules/messages/reader-language", test_messages_in_reader_language);
  g_test_add_func ("/rules/rerun-and-triage", test_rerun_and_triage);
  g_test_add_func ("/rules/all-rules-threads", test_all_rules_threads);
  g_test_add_func ("/rules/team-data-shared", test_team_data_shared);
  g_test_add_func ("/rules/async-and-cancel", test_async_and_cancel);
  return g_test_run ();
}
