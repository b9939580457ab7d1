/* test-audit-time.c — IAF MD 5 tables, band boundaries and exact shortfall comparison
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected values below are typed from DOMAIN.md section 3 (IAF MD 5:2019 Annex A), as
 * day strings, independently of the table in src/core/zicha-audit-time.c. */
#define G_LOG_DOMAIN "test-audit-time"

#include "config.h"

#include <string.h>

#include "zicha-core.h"

typedef struct
{
  gint64      low;
  gint64      high;
  const char *qms;
  const char *ems[4];  /* high, medium, low, limited */
} ExpectedBand;

/* DOMAIN.md section 3: QMS column and the EMS columns H / M / L / Ltd. */
static const ExpectedBand expected[] = {
  {    1,     5, "1.5", { "3",   "2.5", "2.5", "2.5" } },
  {    6,    10, "2",   { "3.5", "3",   "3",   "3"   } },
  {   11,    15, "2.5", { "4.5", "3.5", "3",   "3"   } },
  {   16,    25, "3",   { "5.5", "4.5", "3.5", "3"   } },
  {   26,    45, "4",   { "7",   "5.5", "4",   "3"   } },
  {   46,    65, "5",   { "8",   "6",   "4.5", "3.5" } },
  {   66,    85, "6",   { "9",   "7",   "5",   "3.5" } },
  {   86,   125, "7",   { "11",  "8",   "5.5", "4"   } },
  {  126,   175, "8",   { "12",  "9",   "6",   "4.5" } },
  {  176,   275, "9",   { "13",  "10",  "7",   "5"   } },
  {  276,   425, "10",  { "15",  "11",  "8",   "5.5" } },
  {  426,   625, "11",  { "16",  "12",  "9",   "6"   } },
  {  626,   875, "12",  { "17",  "13",  "10",  "6.5" } },
  {  876,  1175, "13",  { "19",  "15",  "11",  "7"   } },
  { 1176,  1550, "14",  { "20",  "16",  "12",  "7.5" } },
  { 1551,  2025, "15",  { "21",  "17",  "12",  "8"   } },
  { 2026,  2675, "16",  { "23",  "18",  "13",  "8.5" } },
  { 2676,  3450, "17",  { "25",  "19",  "14",  "9"   } },
  { 3451,  4350, "18",  { "27",  "20",  "15",  "10"  } },
  { 4351,  5450, "19",  { "28",  "21",  "16",  "11"  } },
  { 5451,  6800, "20",  { "30",  "23",  "17",  "12"  } },
  { 6801,  8500, "21",  { "32",  "25",  "19",  "13"  } },
  { 8501, 10700, "22",  { "34",  "27",  "20",  "14"  } },
};

static const ZichaComplexity complexities[] = {
  ZICHA_COMPLEXITY_HIGH,
  ZICHA_COMPLEXITY_MEDIUM,
  ZICHA_COMPLEXITY_LOW,
  ZICHA_COMPLEXITY_LIMITED,
};

/* "2.5" → 250, "13" → 1300: the test's own reading of the day strings. */
static gint
hundredths (const char *days)
{
  const char *dot = strchr (days, '.');
  gint whole, frac = 0;

  whole = (gint) g_ascii_strtoll (days, NULL, 10);
  if (dot != NULL)
    {
      g_assert_cmpint (strlen (dot + 1), ==, 1);
      frac = (dot[1] - '0') * 10;
    }
  return whole * 100 + frac;
}

static gint
expected_value (const char      *scheme,
                guint            band,
                ZichaComplexity  complexity)
{
  if (g_ascii_strcasecmp (scheme, "QMS") == 0)
    return hundredths (expected[band].qms);
  /* DOMAIN.md: OHSMS uses the high, medium and low columns; its "limited" counts as low */
  if (g_ascii_strcasecmp (scheme, "OHSMS") == 0 && complexity == ZICHA_COMPLEXITY_LIMITED)
    complexity = ZICHA_COMPLEXITY_LOW;
  return hundredths (expected[band].ems[complexity]);
}

/* Both sides of every band boundary, the first band's low end, and past the last band. */
static void
check_scheme (const char      *scheme,
              ZichaComplexity  complexity)
{
  guint last = G_N_ELEMENTS (expected) - 1;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gint here = expected_value (scheme, i, complexity);
      gint next = expected_value (scheme, MIN (i + 1, last), complexity);

      if (i > 0)
        g_assert_cmpint (expected[i].low, ==, expected[i - 1].high + 1);

      g_test_message ("%s/%d: %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT,
                      scheme, complexity, expected[i].low, expected[i].high);
      g_assert_cmpint (zicha_audit_time_table_value (scheme, expected[i].low, complexity),
                       ==, here);
      g_assert_cmpint (zicha_audit_time_table_value (scheme, expected[i].high, complexity),
                       ==, here);
      /* upper + 1: the next band, or beyond the last band still the last value */
      g_assert_cmpint (zicha_audit_time_table_value (scheme, expected[i].high + 1, complexity),
                       ==, next);
    }

  /* below 1 counts as the first band */
  g_assert_cmpint (zicha_audit_time_table_value (scheme, 0, complexity),
                   ==, expected_value (scheme, 0, complexity));
  g_assert_cmpint (zicha_audit_time_table_value (scheme, -1, complexity),
                   ==, expected_value (scheme, 0, complexity));
  g_assert_cmpint (zicha_audit_time_table_value (scheme, G_MININT64, complexity),
                   ==, expected_value (scheme, 0, complexity));
  /* far beyond the table: the last value */
  g_assert_cmpint (zicha_audit_time_table_value (scheme, 1000000, complexity),
                   ==, expected_value (scheme, last, complexity));
  g_assert_cmpint (zicha_audit_time_table_value (scheme, G_MAXINT64, complexity),
                   ==, expected_value (scheme, last, complexity));
}

static void
test_qms_boundaries (void)
{
  guint i;

  check_scheme ("QMS", ZICHA_COMPLEXITY_MEDIUM);

  /* QMS has one column: the complexity is ignored */
  for (i = 0; i < G_N_ELEMENTS (complexities); i++)
    {
      g_assert_cmpint (zicha_audit_time_table_value ("QMS", 100, complexities[i]), ==, 700);
      g_assert_cmpint (zicha_audit_time_table_value ("QMS", 10701, complexities[i]), ==, 2200);
    }

  /* the brief's examples, spelled out */
  g_assert_cmpint (zicha_audit_time_table_value ("QMS", 1, ZICHA_COMPLEXITY_MEDIUM), ==, 150);
  g_assert_cmpint (zicha_audit_time_table_value ("QMS", 5, ZICHA_COMPLEXITY_MEDIUM), ==, 150);
  g_assert_cmpint (zicha_audit_time_table_value ("QMS", 6, ZICHA_COMPLEXITY_MEDIUM), ==, 200);
  g_assert_cmpint (zicha_audit_time_table_value ("QMS", 8500, ZICHA_COMPLEXITY_MEDIUM), ==, 2100);
  g_assert_cmpint (zicha_audit_time_table_value ("QMS", 8501, ZICHA_COMPLEXITY_MEDIUM), ==, 2200);
  g_assert_cmpint (zicha_audit_time_table_value ("QMS", 10700, ZICHA_COMPLEXITY_MEDIUM), ==, 2200);
  g_assert_cmpint (zicha_audit_time_table_value ("QMS", 10701, ZICHA_COMPLEXITY_MEDIUM), ==, 2200);
}

static void
test_ems_boundaries (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (complexities); i++)
    check_scheme ("EMS", complexities[i]);

  g_assert_cmpint (zicha_audit_time_table_value ("EMS", 46, ZICHA_COMPLEXITY_HIGH), ==, 800);
  g_assert_cmpint (zicha_audit_time_table_value ("EMS", 626, ZICHA_COMPLEXITY_LOW), ==, 1000);
  g_assert_cmpint (zicha_audit_time_table_value ("EMS", 625, ZICHA_COMPLEXITY_LIMITED), ==, 600);
  g_assert_cmpint (zicha_audit_time_table_value ("EMS", 626, ZICHA_COMPLEXITY_LIMITED), ==, 650);
}

static void
test_ohsms_boundaries (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (complexities); i++)
    check_scheme ("OHSMS", complexities[i]);

  /* limited counts as low, in every band and beyond */
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (zicha_audit_time_table_value ("OHSMS", expected[i].high,
                                                     ZICHA_COMPLEXITY_LIMITED),
                       ==, hundredths (expected[i].ems[ZICHA_COMPLEXITY_LOW]));
      g_assert_cmpint (zicha_audit_time_table_value ("OHSMS", expected[i].low,
                                                     ZICHA_COMPLEXITY_LIMITED),
                       ==, zicha_audit_time_table_value ("OHSMS", expected[i].low,
                                                         ZICHA_COMPLEXITY_LOW));
    }
  g_assert_cmpint (zicha_audit_time_table_value ("OHSMS", 626, ZICHA_COMPLEXITY_LIMITED),
                   ==, 1000);
  /* EMS keeps its own limited column */
  g_assert_cmpint (zicha_audit_time_table_value ("EMS", 626, ZICHA_COMPLEXITY_LIMITED), ==, 650);
}

static void
test_schemes (void)
{
  const char *with_table[] = { "QMS", "EMS", "OHSMS", "qms", "Ems", "ohSMS" };
  const char *without[] = { "FSMS", "HACCP", "ISMS", "ITSMS", "EnMS", "", "QMS ", "Q" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (with_table); i++)
    {
      g_assert_true (zicha_audit_time_has_table (with_table[i]));
      g_assert_cmpint (zicha_audit_time_table_value (with_table[i], 100, ZICHA_COMPLEXITY_HIGH),
                       >, 0);
    }
  for (i = 0; i < G_N_ELEMENTS (without); i++)
    {
      g_assert_false (zicha_audit_time_has_table (without[i]));
      g_assert_false (zicha_audit_time_uses_complexity (without[i]));
      g_assert_cmpint (zicha_audit_time_table_value (without[i], 100, ZICHA_COMPLEXITY_HIGH),
                       ==, -1);
      g_assert_false (zicha_audit_time_band (without[i], 100, NULL, NULL));
    }
  g_assert_false (zicha_audit_time_has_table (NULL));
  g_assert_cmpint (zicha_audit_time_table_value (NULL, 100, ZICHA_COMPLEXITY_HIGH), ==, -1);

  g_assert_false (zicha_audit_time_uses_complexity ("QMS"));
  g_assert_true (zicha_audit_time_uses_complexity ("EMS"));
  g_assert_true (zicha_audit_time_uses_complexity ("ohsms"));

  g_assert_nonnull (strstr (zicha_audit_time_source (), "IAF MD 5"));
}

static void
test_complexity_parse (void)
{
  const struct { const char *str; gboolean ok; ZichaComplexity value; } cases[] = {
    { "high", TRUE, ZICHA_COMPLEXITY_HIGH },
    { "MEDIUM", TRUE, ZICHA_COMPLEXITY_MEDIUM },
    { "Low", TRUE, ZICHA_COMPLEXITY_LOW },
    { "limited", TRUE, ZICHA_COMPLEXITY_LIMITED },
    { "huge", FALSE, 0 },
    { "", FALSE, 0 },
    { "high ", FALSE, 0 },
    { "高", FALSE, 0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ZichaComplexity out = (ZichaComplexity) 99;

      g_assert_cmpint (zicha_complexity_from_string (cases[i].str, &out), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (out, ==, cases[i].value);
      else
        g_assert_cmpint (out, ==, 99);
    }
  g_assert_false (zicha_complexity_from_string (NULL, &(ZichaComplexity) { 0 }));
}

static void
test_band (void)
{
  gint64 low = 0, high = 0;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (zicha_audit_time_band ("QMS", expected[i].high, &low, &high));
      g_assert_cmpint (low, ==, expected[i].low);
      g_assert_cmpint (high, ==, expected[i].high);
      g_assert_true (zicha_audit_time_band ("EMS", expected[i].low, &low, &high));
      g_assert_cmpint (low, ==, expected[i].low);
      g_assert_cmpint (high, ==, expected[i].high);
    }

  g_assert_true (zicha_audit_time_band ("OHSMS", 0, &low, &high));
  g_assert_cmpint (low, ==, 1);
  g_assert_cmpint (high, ==, 5);

  g_assert_true (zicha_audit_time_band ("QMS", 10701, &low, &high));
  g_assert_cmpint (low, ==, 10701);
  g_assert_cmpint (high, ==, G_MAXINT64);

  g_assert_true (zicha_audit_time_band ("QMS", 7, NULL, NULL));
}

/* The exact minimum in hundredths, rounded up: ceil ((100 − r) · m · T / 300) with m = 3, 1, 2.
 * A whole number of hundredths is short exactly when it is below this. */
static gint64
ceil_minimum (gint               table_hundredths,
              ZichaAuditTimeKind kind,
              gint               r)
{
  gint64 m = kind == ZICHA_AUDIT_TIME_INITIAL ? 3 : kind == ZICHA_AUDIT_TIME_SURVEILLANCE ? 1 : 2;
  gint64 num = (100 - r) * m * table_hundredths;

  return num / 300 + (num % 300 != 0 ? 1 : 0);
}

static void
test_is_short_examples (void)
{
  const int r = ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT;

  g_assert_cmpint (r, ==, 30);

  /* T = 7 days: initial ≥ 4.9 */
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, 490, r));
  g_assert_true (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, 489, r));
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, 700, r));
  /* surveillance ≥ 7 · 0.7 / 3 = 1.6333… */
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_SURVEILLANCE, 164, r));
  g_assert_true (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_SURVEILLANCE, 163, r));
  /* recertification ≥ 7 · 0.7 · 2 / 3 = 3.2666… */
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_RECERTIFICATION, 327, r));
  g_assert_true (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_RECERTIFICATION, 326, r));

  /* T = 1.5: initial 1.05, surveillance 0.35, recertification 0.7 (all exact) */
  g_assert_false (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_INITIAL, 105, r));
  g_assert_true (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_INITIAL, 104, r));
  g_assert_false (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_SURVEILLANCE, 35, r));
  g_assert_true (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_SURVEILLANCE, 34, r));
  g_assert_false (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_RECERTIFICATION, 70, r));
  g_assert_true (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_RECERTIFICATION, 69, r));

  /* DOMAIN.md's own form: 10·days < 7·T, 30·days < 7·T, 15·days < 7·T (T = 22 days) */
  g_assert_false (zicha_audit_time_is_short (2200, ZICHA_AUDIT_TIME_INITIAL, 1540, r));
  g_assert_true (zicha_audit_time_is_short (2200, ZICHA_AUDIT_TIME_INITIAL, 1539, r));
  g_assert_false (zicha_audit_time_is_short (2200, ZICHA_AUDIT_TIME_SURVEILLANCE, 514, r));
  g_assert_true (zicha_audit_time_is_short (2200, ZICHA_AUDIT_TIME_SURVEILLANCE, 513, r));
  g_assert_false (zicha_audit_time_is_short (2200, ZICHA_AUDIT_TIME_RECERTIFICATION, 1027, r));
  g_assert_true (zicha_audit_time_is_short (2200, ZICHA_AUDIT_TIME_RECERTIFICATION, 1026, r));

  /* no table: never short */
  g_assert_false (zicha_audit_time_is_short (-1, ZICHA_AUDIT_TIME_INITIAL, 0, r));
  /* zero and negative days are short; huge ones are not (and do not overflow) */
  g_assert_true (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_SURVEILLANCE, 0, r));
  g_assert_true (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_INITIAL, -100, r));
  g_assert_true (zicha_audit_time_is_short (150, ZICHA_AUDIT_TIME_INITIAL, G_MININT64, r));
  g_assert_false (zicha_audit_time_is_short (3400, ZICHA_AUDIT_TIME_INITIAL, G_MAXINT64, r));
}

static void
test_is_short_other_reduction (void)
{
  /* no reduction allowed: the minimum is T, T/3, 2T/3 */
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, 700, 0));
  g_assert_true (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, 699, 0));
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_SURVEILLANCE, 234, 0));
  g_assert_true (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_SURVEILLANCE, 233, 0));
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_RECERTIFICATION, 467, 0));
  g_assert_true (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_RECERTIFICATION, 466, 0));
  /* 20 %: initial 5.6 */
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, 560, 20));
  g_assert_true (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, 559, 20));
  /* 100 %: nothing is short but negative time */
  g_assert_false (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, 0, 100));
  g_assert_true (zicha_audit_time_is_short (700, ZICHA_AUDIT_TIME_INITIAL, -1, 100));
}

/* Every table value, every kind, several reductions: exact on both sides of the minimum. */
static void
test_is_short_exhaustive (void)
{
  const ZichaAuditTimeKind kinds[] = {
    ZICHA_AUDIT_TIME_INITIAL, ZICHA_AUDIT_TIME_SURVEILLANCE, ZICHA_AUDIT_TIME_RECERTIFICATION,
  };
  const int reductions[] = { 0, 10, 20, 25, 30, 33, 50 };
  guint b, c, k, r;

  for (b = 0; b < G_N_ELEMENTS (expected); b++)
    for (c = 0; c < 5; c++)
      {
        gint t = hundredths (c == 4 ? expected[b].qms : expected[b].ems[c]);

        for (k = 0; k < G_N_ELEMENTS (kinds); k++)
          for (r = 0; r < G_N_ELEMENTS (reductions); r++)
            {
              gint64 min = ceil_minimum (t, kinds[k], reductions[r]);

              g_assert_false (zicha_audit_time_is_short (t, kinds[k], min, reductions[r]));
              g_assert_false (zicha_audit_time_is_short (t, kinds[k], min + 1, reductions[r]));
              g_assert_true (zicha_audit_time_is_short (t, kinds[k], min - 1, reductions[r]));
            }
      }
}

static void
test_format_hundredths (void)
{
  const struct { gint64 value; const char *text; } cases[] = {
    { 700, "7" },
    { 150, "1.5" },
    { 489, "4.89" },
    { 490, "4.9" },
    { 0, "0" },
    { 5, "0.05" },
    { 50, "0.5" },
    { 105, "1.05" },
    { 2200, "22" },
    { 123456, "1234.56" },
    { -150, "-1.5" },
    { -5, "-0.05" },
    { -700, "-7" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = zicha_format_hundredths (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* "1.64" → 164, "4.9" → 490, "7" → 700 */
static gint64
parse_hundredths (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", 2);
  gint64 value = g_ascii_strtoll (parts[0], NULL, 10) * 100;

  if (parts[1] != NULL)
    {
      g_assert_cmpint (strlen (parts[1]), >=, 1);
      g_assert_cmpint (strlen (parts[1]), <=, 2);
      value += (parts[1][0] - '0') * 10 + (parts[1][1] != '\0' ? parts[1][1] - '0' : 0);
    }
  return value;
}

static void
test_format_minimum (void)
{
  const struct {
    gint t;
    ZichaAuditTimeKind kind;
    gint r;
    const char *text;
  } cases[] = {
    { 700, ZICHA_AUDIT_TIME_INITIAL, 30, "4.9" },
    { 700, ZICHA_AUDIT_TIME_SURVEILLANCE, 30, "1.64" },      /* 1.6333… up */
    { 700, ZICHA_AUDIT_TIME_RECERTIFICATION, 30, "3.27" },   /* 3.2666… up */
    { 700, ZICHA_AUDIT_TIME_INITIAL, 0, "7" },
    { 700, ZICHA_AUDIT_TIME_SURVEILLANCE, 0, "2.34" },       /* 2.3333… up */
    { 700, ZICHA_AUDIT_TIME_RECERTIFICATION, 0, "4.67" },    /* 4.6666… up */
    { 150, ZICHA_AUDIT_TIME_INITIAL, 30, "1.05" },
    { 150, ZICHA_AUDIT_TIME_SURVEILLANCE, 30, "0.35" },
    { 150, ZICHA_AUDIT_TIME_RECERTIFICATION, 30, "0.7" },
    { 2200, ZICHA_AUDIT_TIME_INITIAL, 30, "15.4" },
    { 2200, ZICHA_AUDIT_TIME_SURVEILLANCE, 30, "5.14" },     /* 5.1333… up */
    { 300, ZICHA_AUDIT_TIME_SURVEILLANCE, 0, "1" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = zicha_audit_time_format_minimum (cases[i].t, cases[i].kind,
                                                               cases[i].r);

      g_assert_cmpstr (text, ==, cases[i].text);
      /* what is shown is the least whole number of hundredths that is not short */
      g_assert_cmpint (parse_hundredths (text), ==,
                       ceil_minimum (cases[i].t, cases[i].kind, cases[i].r));
      g_assert_false (zicha_audit_time_is_short (cases[i].t, cases[i].kind,
                                                 parse_hundredths (text), cases[i].r));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit-time/qms/boundaries", test_qms_boundaries);
  g_test_add_func ("/audit-time/ems/boundaries", test_ems_boundaries);
  g_test_add_func ("/audit-time/ohsms/boundaries", test_ohsms_boundaries);
  g_test_add_func ("/audit-time/schemes", test_schemes);
  g_test_add_func ("/audit-time/complexity/parse", test_complexity_parse);
  g_test_add_func ("/audit-time/band", test_band);
  g_test_add_func ("/audit-time/is-short/examples", test_is_short_examples);
  g_test_add_func ("/audit-time/is-short/other-reduction", test_is_short_other_reduction);
  g_test_add_func ("/audit-time/is-short/exhaustive", test_is_short_exhaustive);
  g_test_add_func ("/audit-time/format/hundredths", test_format_hundredths);
  g_test_add_func ("/audit-time/format/minimum", test_format_minimum);

  return g_test_run ();
}
