/* test-statistics.c — every figure of DOMAIN.md 6.1, at both sides of every boundary
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/statistics is a body made for it: approved scope granted and withdrawn on and
 * around the as-of day, certificates issued on the first and last days of each period and
 * after the as-of day, events and penalties the same, people who join and leave on the day,
 * qualifications that begin and end on it. The expected figures are worked out by hand in the
 * comments below, from 6.1's definitions. */
#define G_LOG_DOMAIN "test-statistics"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "zicha-report-statistics.h"
#include "zicha-test-utils.h"

static ZichaDb *db;
static char *db_path;

static JsonObject *
stats_json (const char *as_of,
            JsonNode  **out_root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaStatistics) stats = zicha_statistics_compute (db, as_of, &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  json = zicha_statistics_to_json (stats);
  *out_root = json_from_string (json, &error);
  g_assert_no_error (error);
  return json_node_get_object (*out_root);
}

static gint64
period_figure (JsonObject *o,
               guint       index,
               const char *key)
{
  JsonArray *periods = json_object_get_array_member (o, "per_period");

  return json_object_get_int_member (json_array_get_object_element (periods, index), key);
}

static char *
people_text (JsonObject *o)
{
  JsonArray *by_scheme = json_object_get_array_member (json_object_get_object_member (o,
                                                                                      "personnel"),
                                                       "by_scheme");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (by_scheme); i++)
    {
      JsonObject *s = json_array_get_object_element (by_scheme, i);

      g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%"
                              G_GINT64_FORMAT "/%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              json_object_get_string_member (s, "scheme"),
                              json_object_get_int_member (s, "lead_auditor"),
                              json_object_get_int_member (s, "auditor"),
                              json_object_get_int_member (s, "trainee"),
                              json_object_get_int_member (s, "technical_expert"));
    }
  return g_string_free (text, FALSE);
}

static char *
scope_text (JsonObject *o)
{
  JsonArray *scope = json_object_get_array_member (o, "scope");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (scope); i++)
    {
      JsonObject *s = json_array_get_object_element (scope, i);

      g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              json_object_get_string_member (s, "scheme"),
                              json_object_get_int_member (s, "codes"));
    }
  return g_string_free (text, FALSE);
}

/* As of the day itself: the whole object, key for key. */
static void
test_on_the_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaStatistics) stats = zicha_statistics_compute (db, "2026-03-15", &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  json = zicha_statistics_to_json (stats);
  g_assert_cmpstr (json, ==,
    "{\"as_of\":\"2026-03-15\",\"periods\":[\"2024\",\"2025\",\"2026\"],"
    /* in force: granted on or before the day and not withdrawn on or before it (QMS 17, 18
     * granted on the day, 21 withdrawn the day after; not 19, granted after, nor 20,
     * withdrawn on the day; FSMS withdrawn before); schemes in byte order: EMS < EnMS */
    "\"scope\":[{\"scheme\":\"EMS\",\"codes\":1},{\"scheme\":\"EnMS\",\"codes\":1},"
    "{\"scheme\":\"QMS\",\"codes\":3}],"
    /* C1-C7 (C8 is issued the day after); by the status column */
    "\"certificates\":{\"total\":7,\"by_status\":{\"valid\":3,\"suspended\":1,\"withdrawn\":1,"
    "\"cancelled\":1,\"expired\":1}},"
    /* O1 (C1, C2) and O2 (C4); O4's valid C8 comes after the day */
    "\"organizations_certified\":2,"
    /* issued on the first and the last day of each year count; events, not certificates
     * (C2 suspended in 2024 and again in 2025); restore is no figure; C4's suspension of the
     * next day is in no period */
    "\"per_period\":[{\"period\":\"2024\",\"issued\":2,\"renewed\":1,\"suspended\":1,"
    "\"withdrawn\":0,\"cancelled\":0,\"penalties\":1},"
    "{\"period\":\"2025\",\"issued\":2,\"renewed\":0,\"suspended\":2,\"withdrawn\":1,"
    "\"cancelled\":0,\"penalties\":1},"
    "{\"period\":\"2026\",\"issued\":2,\"renewed\":1,\"suspended\":0,\"withdrawn\":0,"
    "\"cancelled\":1,\"penalties\":1}],"
    /* P1, P2 (joined on the day), P5 (left on the day), P6 (no dates); not P3 (joins the
     * day after) nor P4 (left the day before). Per scheme the highest grade valid on the day
     * (P1: lead auditor over auditor, and a technical expert apart), FSMS with an expert
     * only listed with zeros, EnMS gone (P5's lead auditor ended the day before) */
    "\"personnel\":{\"employed\":4,\"full_time\":2,\"part_time\":2,\"by_scheme\":["
    "{\"scheme\":\"EMS\",\"lead_auditor\":0,\"auditor\":1,\"trainee\":0,\"technical_expert\":0},"
    "{\"scheme\":\"FSMS\",\"lead_auditor\":0,\"auditor\":0,\"trainee\":0,\"technical_expert\":1},"
    "{\"scheme\":\"QMS\",\"lead_auditor\":1,\"auditor\":0,\"trainee\":1,\"technical_expert\":1}]}}");
}

/* The day before: what begins on the day is not there yet, what ends on it still is. */
static void
test_day_before (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = stats_json ("2026-03-14", &root);
  JsonObject *certs = json_object_get_object_member (o, "certificates");
  JsonObject *people = json_object_get_object_member (o, "personnel");
  g_autofree char *scope = scope_text (o);
  g_autofree char *by_scheme = people_text (o);

  /* QMS 17, 20 (withdrawn tomorrow), 21; not 18 (granted tomorrow) */
  g_assert_cmpstr (scope, ==, "EMS:1 EnMS:1 QMS:3");
  g_assert_cmpint (json_object_get_int_member (certs, "total"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (certs,
                                                                              "by_status"),
                                               "expired"), ==, 0);
  g_assert_cmpint (period_figure (o, 2, "issued"), ==, 1);
  g_assert_cmpint (period_figure (o, 2, "renewed"), ==, 0);
  g_assert_cmpint (period_figure (o, 2, "cancelled"), ==, 1);
  g_assert_cmpint (period_figure (o, 2, "penalties"), ==, 0);
  /* P4 left on the day: still employed; P2 not yet */
  g_assert_cmpint (json_object_get_int_member (people, "employed"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (people, "full_time"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (people, "part_time"), ==, 1);
  /* P4's lead auditor counts; P5's EnMS lead auditor ends on the day: still valid */
  g_assert_cmpstr (by_scheme, ==, "EMS:0/1/0/0 EnMS:1/0/0/0 FSMS:0/0/0/1 QMS:2/0/0/1");
}

/* The day after. */
static void
test_day_after (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = stats_json ("2026-03-16", &root);
  JsonObject *certs = json_object_get_object_member (o, "certificates");
  JsonObject *people = json_object_get_object_member (o, "personnel");
  g_autofree char *scope = scope_text (o);
  g_autofree char *by_scheme = people_text (o);

  /* QMS 17, 18, 19 (granted on the day); 21 withdrawn on the day is out */
  g_assert_cmpstr (scope, ==, "EMS:1 EnMS:1 QMS:3");
  g_assert_cmpint (json_object_get_int_member (certs, "total"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (certs,
                                                                              "by_status"),
                                               "valid"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (o, "organizations_certified"), ==, 3);
  g_assert_cmpint (period_figure (o, 2, "issued"), ==, 3);
  g_assert_cmpint (period_figure (o, 2, "suspended"), ==, 1);
  g_assert_cmpint (period_figure (o, 2, "penalties"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (people, "employed"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (people, "full_time"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (people, "part_time"), ==, 1);
  g_assert_cmpstr (by_scheme, ==, "EMS:1/1/0/0 FSMS:0/0/0/1 QMS:1/0/1/1");
}

/* Around the new year: the periods move with the as-of year. */
static void
test_year_boundary (void)
{
  g_autoptr(JsonNode) end_root = NULL;
  g_autoptr(JsonNode) start_root = NULL;
  JsonObject *end = stats_json ("2025-12-31", &end_root);
  JsonObject *start = stats_json ("2026-01-01", &start_root);
  JsonArray *periods = json_object_get_array_member (end, "periods");

  g_assert_cmpstr (json_array_get_string_element (periods, 0), ==, "2023");
  g_assert_cmpstr (json_array_get_string_element (periods, 2), ==, "2025");
  /* 2023: C1, its renewal and PN1, all on 12-31 */
  g_assert_cmpint (period_figure (end, 0, "issued"), ==, 1);
  g_assert_cmpint (period_figure (end, 0, "renewed"), ==, 1);
  g_assert_cmpint (period_figure (end, 0, "penalties"), ==, 1);
  /* 2025 up to its last day: C4, C5; the suspensions of 01-01 and 06-01; C5's withdrawal */
  g_assert_cmpint (period_figure (end, 2, "issued"), ==, 2);
  g_assert_cmpint (period_figure (end, 2, "suspended"), ==, 2);
  g_assert_cmpint (period_figure (end, 2, "withdrawn"), ==, 1);

  periods = json_object_get_array_member (start, "periods");
  g_assert_cmpstr (json_array_get_string_element (periods, 0), ==, "2024");
  /* 2026 of one day: C6 and its cancellation */
  g_assert_cmpint (period_figure (start, 2, "issued"), ==, 1);
  g_assert_cmpint (period_figure (start, 2, "cancelled"), ==, 1);
  g_assert_cmpint (period_figure (start, 2, "renewed"), ==, 0);
  g_assert_cmpint (period_figure (start, 1, "issued"), ==, 2);
}

static void
test_bad_date (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (zicha_statistics_compute (db, "2026-02-30", &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
}

/* zicha-cli statistics: the same figures, in each format. */
static void
test_cli (void)
{
  g_auto(ZichaTestResult) json = { 0 };
  g_auto(ZichaTestResult) csv = { 0 };
  g_auto(ZichaTestResult) table = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaStatistics) stats = zicha_statistics_compute (db, "2026-03-15", &error);
  g_autofree char *expected = zicha_statistics_to_json (stats);
  g_autofree char *expected_line = g_strconcat (expected, "\n", NULL);

  zicha_test_run_cli (&json, FALSE, "--db", db_path, "statistics", "--as-of", "2026-03-15",
                      "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.out, ==, expected_line);

  zicha_test_run_cli (&csv, FALSE, "--db", db_path, "statistics", "--as-of", "2026-03-15",
                      "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "section,key,value\r\n"
                                            "general,as_of,2026-03-15\r\n"
                                            "general,periods,2024;2025;2026\r\n"
                                            "scope,EMS.codes,1\r\n"));
  g_assert_nonnull (strstr (csv.out, "\r\ncertificates,by_status.valid,3\r\n"));
  g_assert_nonnull (strstr (csv.out, "\r\ncertificates,organizations_certified,2\r\n"));
  g_assert_nonnull (strstr (csv.out, "\r\nper_period,2025.suspended,2\r\n"));
  g_assert_nonnull (strstr (csv.out, "\r\npersonnel,employed,4\r\n"));
  g_assert_true (g_str_has_suffix (csv.out, "\r\npersonnel,QMS.technical_expert,1\r\n"));

  zicha_test_run_cli (&table, TRUE, "--db", db_path, "statistics", "--as-of", "2026-03-15",
                      NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "2026-03-15"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  folder = g_test_build_filename (G_TEST_DIST, "data", "statistics", NULL);
  zicha_core_init_i18n ();
  zicha_test_home_init ("statistics");
  db_path = zicha_test_path ("statistics.db");
  db = zicha_test_open_db ("statistics.db");
  zicha_test_import (db, folder);

  g_test_add_func ("/statistics/on-the-day", test_on_the_day);
  g_test_add_func ("/statistics/day-before", test_day_before);
  g_test_add_func ("/statistics/day-after", test_day_after);
  g_test_add_func ("/statistics/year-boundary", test_year_boundary);
  g_test_add_func ("/statistics/bad-date", test_bad_date);
  g_test_add_func ("/statistics/cli", test_cli);
  status = g_test_run ();

  g_clear_object (&db);
  g_free (db_path);
  zicha_test_home_remove ();
  return status;
}
