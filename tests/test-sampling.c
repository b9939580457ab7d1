/* test-sampling.c — samples of certificates (抽样): frame, strata, key items, reproducibility
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/plans is a small body whose certificates sit on both sides of every edge of the
 * frame (issued_on, expires_on, status, schemes, years, lead auditors of the latest audit
 * before the date); its hits are written here, one of each kind that makes a key item or
 * not. A demo body of 400 certificates with its rules run gives the statistics: the same
 * seed gives the same sample, the default size, strata sizes, and that weighting by risk
 * score draws high scores more often (over 200 fixed seeds, with a wide margin). */
#define G_LOG_DOMAIN "test-sampling"

#include "config.h"

#include <string.h>

#include "zicha-change-log.h"
#include "zicha-db-private.h"
#include "zicha-demo.h"
#include "zicha-plans.h"
#include "zicha-rules.h"
#include "zicha-sampling-private.h"
#include "zicha-sampling.h"
#include "zicha-test-utils.h"

#define USER "张三"
#define DATE "2025-06-30"
#define DEMO_TODAY "2026-06-30"

static const ZichaPlanFields plan_fields = { "Sampling" };

/* The small body, its hits and scores ----------------------------------------------------- */

static ZichaDb *
open_small (const char *name,
            gint64     *out_plan)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "plans", NULL);
  g_autoptr(GError) error = NULL;
  ZichaDb *db = zicha_test_open_db (name);

  zicha_test_import (db, folder);
  /* C08: high on itself (key); C01: high on its audit A02 (key); C02: high on a team row of
   * its audit, but dismissed; C04: medium on itself; C08: low on its team row. The
   * certificate hits count for the organization's other certificates too (C07, C03, C05). */
  g_assert_cmpint (sqlite3_exec (zicha_db_get_handle (db),
                                 "INSERT INTO hits (rule, area, severity, entity_type,"
                                 " entity_key, status, message, first_found_on, last_found_on)"
                                 " VALUES"
                                 " ('T1', 'legal', 'high', 'certificate', 'C08', 'open', 'm',"
                                 "  '" DATE "', '" DATE "'),"
                                 " ('T2', 'legal', 'high', 'audit', 'A02', 'confirmed', 'm',"
                                 "  '" DATE "', '" DATE "'),"
                                 " ('T3', 'conduct', 'high', 'team', 'A04/L1', 'dismissed', 'm',"
                                 "  '" DATE "', '" DATE "'),"
                                 " ('T4', 'legal', 'medium', 'certificate', 'C04', 'open', 'm',"
                                 "  '" DATE "', '" DATE "'),"
                                 " ('T5', 'conduct', 'low', 'team', 'A07/L1', 'open', 'm',"
                                 "  '" DATE "', '" DATE "')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (zicha_rules_update_risk_scores (db, &error));
  g_assert_no_error (error);
  *out_plan = zicha_plans_create (db, &plan_fields, USER, &error);
  g_assert_no_error (error);
  return db;
}

static gint64
draw (ZichaDb               *db,
      gint64                 plan,
      const ZichaSampleSpec *spec)
{
  g_autoptr(GError) error = NULL;
  gint64 id = zicha_sampling_draw (db, plan, spec, USER, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
items_of (ZichaDb *db,
          gint64   sample)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = zicha_sampling_list_items (db, sample, &error);

  g_assert_no_error (error);
  return items;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The certificates of @sample, "C01,C02" (sorted when @sorted, else in sample order). */
static char *
cert_list (ZichaDb  *db,
           gint64    sample,
           gboolean  sorted)
{
  g_autoptr(GPtrArray) items = items_of (db, sample);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      ZichaSampleItem *item = g_ptr_array_index (items, i);

      g_assert_cmpuint (item->position, ==, i);
      g_ptr_array_add (names, item->cert_no);
    }
  if (sorted)
    g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

/* The generator and the arithmetic ------------------------------------------------------- */

static void
test_generator (void)
{
  ZichaRng rng;
  guint shares[3];
  const guint sizes[] = { 5, 3, 2 };
  guint indices[5];
  gboolean seen[5] = { FALSE };

  /* splitmix64 from 0 gives 0xE220A8397B1DCDAF first (its published reference); the
   * xoshiro256** outputs are pinned: a change here changes every sample ever drawn */
  _zicha_rng_init (&rng, 0);
  g_assert_cmphex (rng.s[0], ==, G_GUINT64_CONSTANT (0xE220A8397B1DCDAF));
  g_assert_cmphex (_zicha_rng_next (&rng), ==, G_GUINT64_CONSTANT (0x99EC5F36CB75F2B4));
  g_assert_cmphex (_zicha_rng_next (&rng), ==, G_GUINT64_CONSTANT (0xBF6E1F784956452A));
  _zicha_rng_init (&rng, 42);
  g_assert_cmphex (_zicha_rng_next (&rng), ==, G_GUINT64_CONSTANT (0x15780B2E0C2EC716));
  for (guint i = 0; i < 1000; i++)
    g_assert_cmpuint (_zicha_rng_below (&rng, 7), <, 7);

  /* a draw of all is a permutation */
  _zicha_sampling_draw_indices (&rng, NULL, 5, 5, indices);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_false (seen[indices[i]]);
      seen[indices[i]] = TRUE;
    }

  /* 5 of 10 over 5/3/2: quotas 2.5, 1.5, 1 → 2, 1, 1 and the one left to the first of the
   * two equal remainders */
  _zicha_sampling_share (sizes, 3, 5, shares);
  g_assert_cmpuint (shares[0], ==, 3);
  g_assert_cmpuint (shares[1], ==, 1);
  g_assert_cmpuint (shares[2], ==, 1);
  _zicha_sampling_share (sizes, 3, 10, shares);
  g_assert_cmpuint (shares[0] + shares[1] + shares[2], ==, 10);
  g_assert_cmpuint (shares[2], ==, 2);

  g_assert_cmpuint (_zicha_sampling_default_size (0), ==, 0);
  g_assert_cmpuint (_zicha_sampling_default_size (1), ==, 1);
  g_assert_cmpuint (_zicha_sampling_default_size (4), ==, 2);
  g_assert_cmpuint (_zicha_sampling_default_size (5), ==, 3);
  g_assert_cmpuint (_zicha_sampling_default_size (400), ==, 20);
  g_assert_cmpuint (_zicha_sampling_default_size (401), ==, 21);
}

/* The frame ------------------------------------------------------------------------------ */

static void
test_frame (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_small ("frame.db", &plan);
  const char *qms[] = { "QMS", NULL };
  const char *qms_ohsms[] = { " qms", "OHSMS", NULL };
  const char *ems[] = { "EMS", NULL };
  const char *y2024[] = { "2024", NULL };
  const char *y2022_2025[] = { "2025", "2022", NULL };
  const char *l1[] = { "L1", NULL };
  const char *l2[] = { "L2", NULL };
  struct {
    const char *valid_on;
    const char * const *schemes;
    const char * const *years;
    const char * const *leads;
    const char *expected;
  } cases[] = {
    /* C02 issued on the day, C04 expires on it; C03 issued the day after, C05 expired the day
     * before, C06 suspended */
    { DATE, NULL, NULL, NULL, "C01,C02,C04,C07,C08" },
    { "2025-07-01", NULL, NULL, NULL, "C01,C02,C03,C07,C08" },
    { "2025-06-29", NULL, NULL, NULL, "C01,C04,C05,C07,C08" },
    { DATE, qms, NULL, NULL, "C01,C04,C08" },
    { DATE, qms_ohsms, NULL, NULL, "C01,C04,C07,C08" },
    { DATE, NULL, y2024, NULL, "C01,C08" },
    { DATE, NULL, y2022_2025, NULL, "C02,C04" },
    /* C01's latest audit before the date is A02 (L2), not A03 after it (L1); C04's latest,
     * A05, has no leader (A06's L2 does not count); C07 has no audit */
    { DATE, NULL, NULL, l1, "C02,C08" },
    { DATE, NULL, NULL, l2, "C01" },
    { "2025-09-01", NULL, NULL, l1, "C01,C02,C08" },
    { DATE, ems, NULL, l1, "C02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ZichaSampleSpec spec = { .has_seed = TRUE, .seed = i, .valid_on = cases[i].valid_on,
                               .schemes = cases[i].schemes, .years = cases[i].years,
                               .lead_auditors = cases[i].leads, .size = 100 };
      g_autoptr(GError) error = NULL;
      g_autofree char *certs = NULL;
      gint64 sample;

      g_test_message ("case %u: %s", i, cases[i].expected);
      sample = draw (db, plan, &spec);
      certs = cert_list (db, sample, TRUE);
      g_assert_cmpstr (certs, ==, cases[i].expected);
      g_assert_cmpint (zicha_sampling_count_frame (db, &spec, &error), ==,
                       (gint64) (strlen (cases[i].expected) + 1) / 4);
    }
}

static void
test_frame_errors (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_small ("frame-errors.db", &plan);
  const char *none[] = { "FSMS", NULL };
  ZichaStratumSize sizes[] = { { "QMS", 1 } };
  ZichaSampleSpec spec = { .valid_on = DATE, .schemes = none };
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* an empty frame, a missing plan, a bad date, sizes without strata, an unknown stratum */
  g_assert_cmpint (zicha_sampling_draw (db, plan, &spec, USER, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  spec.schemes = NULL;
  g_assert_cmpint (zicha_sampling_draw (db, plan + 1, &spec, USER, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  spec.valid_on = "2025-02-30";
  g_assert_cmpint (zicha_sampling_draw (db, plan, &spec, USER, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  spec.valid_on = DATE;
  spec.stratum_sizes = sizes;
  spec.n_stratum_sizes = 1;
  g_assert_cmpint (zicha_sampling_draw (db, plan, &spec, USER, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  spec.stratify = ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR;
  g_assert_cmpint (zicha_sampling_draw (db, plan, &spec, USER, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  /* nothing of the failed draws was stored */
  stored = zicha_sampling_list (db, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_null (zicha_sampling_list (db, plan + 1, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
}

/* Key items, strata of lead auditors, what is stored ------------------------------------------ */

static void
test_key_items (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_small ("key.db", &plan);
  ZichaSampleSpec spec = { .has_seed = TRUE, .seed = 3, .valid_on = DATE, .size = 1,
                           .key_items = TRUE, .method = ZICHA_SAMPLE_WEIGHTED };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ZichaSample) sample = NULL;
  g_autofree char *certs = NULL;
  ZichaSampleItem *item;
  gint64 id;

  /* both key items, though the size is 1 */
  id = draw (db, plan, &spec);
  items = items_of (db, id);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->cert_no, ==, "C01");
  g_assert_cmpint (item->reason, ==, ZICHA_SAMPLE_REASON_KEY_ITEM);
  g_assert_cmpint (item->risk_score, ==, 3);
  g_assert_cmpuint (item->hits, ==, 1);
  item = g_ptr_array_index (items, 1);
  g_assert_cmpstr (item->cert_no, ==, "C08");
  g_assert_cmpint (item->reason, ==, ZICHA_SAMPLE_REASON_KEY_ITEM);
  g_assert_cmpint (item->risk_score, ==, 4);
  g_assert_cmpuint (item->hits, ==, 2);
  g_assert_cmpstr (item->org_name, ==, "Org three");
  g_clear_pointer (&items, g_ptr_array_unref);
  sample = zicha_sampling_get (db, id, NULL);
  g_assert_cmpuint (sample->frame_size, ==, 5);
  g_assert_cmpuint (sample->requested_size, ==, 1);
  g_assert_cmpuint (sample->drawn_size, ==, 2);
  g_assert_true (sample->key_items);
  g_assert_cmpuint (sample->strata->len, ==, 1);
  g_assert_null (((ZichaSampleStratum *) g_ptr_array_index (sample->strata, 0))->stratum);
  g_assert_cmpuint (((ZichaSampleStratum *) g_ptr_array_index (sample->strata, 0))->key_items,
                    ==, 2);
  g_clear_pointer (&sample, zicha_sample_free);

  /* size 4: the two key items first, then two weighted draws; never C07 as a key item,
   * though its organization's hit gives it a score */
  spec.size = 4;
  id = draw (db, plan, &spec);
  items = items_of (db, id);
  g_assert_cmpuint (items->len, ==, 4);
  for (guint i = 0; i < items->len; i++)
    {
      item = g_ptr_array_index (items, i);
      g_assert_cmpint (item->reason, ==,
                       i < 2 ? ZICHA_SAMPLE_REASON_KEY_ITEM : ZICHA_SAMPLE_REASON_WEIGHTED);
      if (g_strcmp0 (item->cert_no, "C07") == 0)
        g_assert_cmpint (item->risk_score, ==, 3);
    }
  g_clear_pointer (&items, g_ptr_array_unref);

  /* without key items nothing is drawn as one */
  spec.key_items = FALSE;
  spec.method = ZICHA_SAMPLE_RANDOM;
  spec.size = 5;
  items = items_of (db, draw (db, plan, &spec));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (((ZichaSampleItem *) g_ptr_array_index (items, i))->reason, ==,
                     ZICHA_SAMPLE_REASON_RANDOM);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* by lead auditor with key items: strata "", L1, L2 (in that order) */
  spec.key_items = TRUE;
  spec.stratify = ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR;
  spec.size = 3;
  id = draw (db, plan, &spec);
  sample = zicha_sampling_get (db, id, NULL);
  g_assert_cmpuint (sample->strata->len, ==, 3);
  {
    const char *keys[] = { "", "L1", "L2" };
    const guint frame[] = { 2, 2, 1 }, keys_taken[] = { 0, 1, 1 };

    for (guint i = 0; i < 3; i++)
      {
        ZichaSampleStratum *s = g_ptr_array_index (sample->strata, i);

        g_assert_cmpstr (s->stratum, ==, keys[i]);
        g_assert_cmpuint (s->frame_size, ==, frame[i]);
        g_assert_cmpuint (s->key_items, ==, keys_taken[i]);
        g_assert_cmpuint (s->drawn_size, ==, MAX (s->requested_size, s->key_items));
      }
  }
  items = items_of (db, id);
  for (guint i = 0; i < items->len; i++)
    {
      item = g_ptr_array_index (items, i);
      g_assert_cmpstr (item->stratum, ==,
                       g_str_equal (item->cert_no, "C01") ? "L2"
                       : g_str_equal (item->cert_no, "C02") || g_str_equal (item->cert_no, "C08")
                       ? "L1" : "");
    }
  certs = cert_list (db, id, FALSE);
  g_assert_nonnull (strstr (certs, "C01"));
  g_assert_nonnull (strstr (certs, "C08"));
}

static void
test_review (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_small ("review.db", &plan);
  ZichaSampleSpec spec = { .has_seed = TRUE, .seed = 5, .valid_on = DATE, .size = 2,
                           .purpose = ZICHA_SAMPLE_FIELD_VISIT };
  ZichaSampleReview review = { "L1", NULL, "2025-07-10", ZICHA_CHECK_NONCONFORMING, "缺记录" };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ZichaSampleItem) item = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 id, item_id;

  id = draw (db, plan, &spec);
  log = zicha_change_log_list (db, "sample_item", NULL, &error);
  g_assert_cmpuint (log->len, ==, 2);
  g_clear_pointer (&log, g_ptr_array_unref);
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  log = zicha_change_log_list (db, "sample", key, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_nonnull (strstr (((ZichaChangeEntry *) g_ptr_array_index (log, 0))->new_values,
                            "\"purpose\":\"field_visit\""));
  g_clear_pointer (&log, g_ptr_array_unref);

  items = items_of (db, id);
  item_id = ((ZichaSampleItem *) g_ptr_array_index (items, 0))->id;
  g_assert_true (zicha_sampling_review_item (db, item_id, &review,
                                             ZICHA_SAMPLE_ITEM_FIELD_ASSIGNEE
                                             | ZICHA_SAMPLE_ITEM_FIELD_CHECKED_ON
                                             | ZICHA_SAMPLE_ITEM_FIELD_CONCLUSION
                                             | ZICHA_SAMPLE_ITEM_FIELD_NOTES, USER, &error));
  g_assert_no_error (error);
  item = zicha_sampling_get_item (db, item_id, &error);
  g_assert_cmpstr (item->assignee_person_id, ==, "L1");
  g_assert_cmpstr (item->assignee, ==, "Lead One");
  g_assert_cmpstr (item->checked_on, ==, "2025-07-10");
  g_assert_cmpint (item->conclusion, ==, ZICHA_CHECK_NONCONFORMING);
  g_assert_cmpstr (item->notes, ==, "缺记录");
  g_clear_pointer (&key, g_free);
  key = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);
  log = zicha_change_log_list (db, "sample_item", key, &error);
  g_assert_cmpuint (log->len, ==, 2);
  {
    ZichaChangeEntry *e = g_ptr_array_index (log, 1);

    g_assert_cmpint (e->action, ==, ZICHA_CHANGE_UPDATE);
    g_assert_cmpstr (e->user_name, ==, USER);
    g_assert_nonnull (strstr (e->old_values, "\"conclusion\":null"));
    g_assert_nonnull (strstr (e->new_values, "\"conclusion\":\"nonconforming\""));
  }

  review.conclusion = ZICHA_CHECK_NOT_APPLICABLE;
  g_assert_false (zicha_sampling_review_item (db, item_id, &review,
                                              ZICHA_SAMPLE_ITEM_FIELD_CONCLUSION, USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (zicha_sampling_review_item (db, 9999, &review, ZICHA_SAMPLE_ITEM_FIELD_NOTES,
                                              USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  samples = zicha_sampling_list (db, plan, &error);
  g_assert_cmpuint (samples->len, ==, 1);
  g_assert_true (zicha_sampling_delete (db, id, USER, &error));
  g_assert_null (zicha_sampling_get_item (db, item_id, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zicha_sampling_delete (db, id, USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
}

/* A demo body ------------------------------------------------------------------------------ */

static ZichaDb *
open_demo (gint64 *out_plan)
{
  static gboolean made;
  g_autoptr(GError) error = NULL;
  ZichaDb *db;

  if (!made)
    {
      g_autofree char *folder = zicha_test_path ("demo");
      ZichaDemoOptions opts;

      zicha_demo_options_init (&opts);
      opts.certificates = 400;
      opts.seed = 11;
      g_date_set_parse (&opts.today, DEMO_TODAY);
      g_assert_true (zicha_demo_generate (&opts, folder, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      db = zicha_test_open_db ("demo.db");
      zicha_test_import (db, folder);
      g_assert_cmpuint (zicha_test_run_rules (db, DEMO_TODAY, 0), >, 0);
      g_object_unref (db);
      made = TRUE;
    }
  db = zicha_test_open_db ("demo.db");
  *out_plan = zicha_plans_create (db, &plan_fields, USER, &error);
  g_assert_no_error (error);
  return db;
}

static void
test_reproducible (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_demo (&plan);
  ZichaSampleSpec spec = { .has_seed = TRUE, .seed = 2019, .valid_on = DEMO_TODAY, .size = 25,
                           .method = ZICHA_SAMPLE_WEIGHTED };

  for (guint m = 0; m < 2; m++)
    {
      g_autofree char *first = NULL, *again = NULL, *other = NULL, *unseeded = NULL;
      g_autofree char *replayed = NULL;
      g_autoptr(ZichaSample) sample = NULL;
      gint64 id;

      spec.method = m == 0 ? ZICHA_SAMPLE_WEIGHTED : ZICHA_SAMPLE_RANDOM;
      spec.has_seed = TRUE;
      spec.seed = 2019;
      first = cert_list (db, draw (db, plan, &spec), FALSE);
      again = cert_list (db, draw (db, plan, &spec), FALSE);
      g_assert_cmpstr (first, ==, again);
      spec.seed = 2020;
      other = cert_list (db, draw (db, plan, &spec), FALSE);
      g_assert_cmpstr (first, !=, other);

      /* without a seed one is made and recorded; it draws the same again */
      spec.has_seed = FALSE;
      id = draw (db, plan, &spec);
      unseeded = cert_list (db, id, FALSE);
      sample = zicha_sampling_get (db, id, NULL);
      spec.has_seed = TRUE;
      spec.seed = sample->seed;
      replayed = cert_list (db, draw (db, plan, &spec), FALSE);
      g_assert_cmpstr (unseeded, ==, replayed);
    }
}

static void
test_default_size (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_demo (&plan);
  g_autoptr(ZichaSample) sample = NULL;
  ZichaSampleSpec spec = { .has_seed = TRUE, .seed = 1, .valid_on = DEMO_TODAY };
  gint64 frame = zicha_sampling_count_frame (db, &spec, NULL);
  guint expected = 0;

  g_assert_cmpint (frame, >, 100);
  while ((gint64) expected * expected < frame)
    expected++;
  sample = zicha_sampling_get (db, draw (db, plan, &spec), NULL);
  g_assert_cmpuint (sample->frame_size, ==, frame);
  g_assert_cmpuint (sample->requested_size, ==, expected);
  g_assert_cmpuint (sample->drawn_size, ==, expected);
  g_clear_pointer (&sample, zicha_sample_free);

  /* a size above the frame draws the whole frame */
  spec.size = (guint) frame + 10;
  sample = zicha_sampling_get (db, draw (db, plan, &spec), NULL);
  g_assert_cmpuint (sample->requested_size, ==, frame + 10);
  g_assert_cmpuint (sample->drawn_size, ==, frame);
}

/* The largest-remainder shares of @total over @strata, computed here on their own. */
static void
expected_shares (GPtrArray *strata,
                 guint      total,
                 guint     *out)
{
  guint frame = 0, given = 0;

  for (guint i = 0; i < strata->len; i++)
    frame += ((ZichaSampleStratum *) g_ptr_array_index (strata, i))->frame_size;
  for (guint i = 0; i < strata->len; i++)
    {
      out[i] = ((ZichaSampleStratum *) g_ptr_array_index (strata, i))->frame_size * total / frame;
      given += out[i];
    }
  for (; given < total; given++)
    {
      guint best = 0;
      guint64 best_rem = 0;

      for (guint i = 0; i < strata->len; i++)
        {
          guint n = ((ZichaSampleStratum *) g_ptr_array_index (strata, i))->frame_size;
          guint64 rem = (guint64) n * total % frame;
          gboolean taken = out[i] > (guint) ((guint64) n * total / frame);

          if (!taken && rem > best_rem)
            best = i, best_rem = rem;
        }
      out[best]++;
    }
}

static void
test_stratified (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_demo (&plan);
  g_autoptr(ZichaSample) sample = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree guint *shares = NULL;
  ZichaSampleSpec spec = { .has_seed = TRUE, .seed = 9, .valid_on = DEMO_TODAY, .size = 40,
                           .stratify = ZICHA_SAMPLE_STRATIFY_SCHEME,
                           .method = ZICHA_SAMPLE_WEIGHTED };
  ZichaStratumSize sizes[2];
  guint total = 0;
  gint64 id;

  id = draw (db, plan, &spec);
  sample = zicha_sampling_get (db, id, NULL);
  g_assert_cmpuint (sample->strata->len, >, 2);
  shares = g_new0 (guint, sample->strata->len);
  expected_shares (sample->strata, 40, shares);
  items = items_of (db, id);
  for (guint i = 0; i < sample->strata->len; i++)
    {
      ZichaSampleStratum *s = g_ptr_array_index (sample->strata, i);
      guint n = 0;

      for (guint j = 0; j < items->len; j++)
        {
          ZichaSampleItem *item = g_ptr_array_index (items, j);

          g_assert_cmpstr (item->stratum, ==, item->scheme);
          n += g_str_equal (item->stratum, s->stratum);
        }
      g_assert_cmpuint (s->requested_size, ==, shares[i]);
      g_assert_cmpuint (s->drawn_size, ==, shares[i]);
      g_assert_cmpuint (n, ==, shares[i]);
      if (i > 0)
        {
          ZichaSampleStratum *before = g_ptr_array_index (sample->strata, i - 1);

          g_assert_cmpstr (before->stratum, <, s->stratum);
        }
      total += n;
    }
  g_assert_cmpuint (total, ==, 40);
  g_clear_pointer (&sample, zicha_sample_free);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* sizes given per stratum of lead auditors: exactly those, 0 elsewhere */
  spec.stratify = ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR;
  spec.size = 0;
  id = draw (db, plan, &spec);
  sample = zicha_sampling_get (db, id, NULL);
  g_assert_cmpuint (sample->strata->len, >, 3);
  sizes[0].stratum = ((ZichaSampleStratum *) g_ptr_array_index (sample->strata, 1))->stratum;
  sizes[0].size = 2;
  sizes[1].stratum = ((ZichaSampleStratum *) g_ptr_array_index (sample->strata, 2))->stratum;
  sizes[1].size = 1;
  spec.stratum_sizes = sizes;
  spec.n_stratum_sizes = G_N_ELEMENTS (sizes);
  id = draw (db, plan, &spec);
  {
    g_autoptr(ZichaSample) given = zicha_sampling_get (db, id, NULL);

    g_assert_cmpuint (given->requested_size, ==, 3);
    g_assert_cmpuint (given->drawn_size, ==, 3);
    for (guint i = 0; i < given->strata->len; i++)
      {
        ZichaSampleStratum *s = g_ptr_array_index (given->strata, i);

        g_assert_cmpuint (s->drawn_size, ==, i == 1 ? 2 : i == 2 ? 1 : 0);
      }
  }
}

/* Over 200 fixed seeds, weighted samples take the certificates with high scores far more
 * often than those with none; simple random ones do not. */
static void
test_weighted (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_demo (&plan);
  sqlite3_stmt *stmt = NULL;
  gint64 max_score = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                                       "SELECT max (risk_score) FROM certificates", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_score = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (max_score, >=, 3);

  for (guint m = 0; m < 2; m++)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
      double high = 0, zero = 0;
      guint n_high = 0, n_zero = 0;
      ZichaSampleSpec spec = { .has_seed = TRUE, .valid_on = DEMO_TODAY, .size = 20,
                               .method = m == 0 ? ZICHA_SAMPLE_WEIGHTED : ZICHA_SAMPLE_RANDOM };
      g_autoptr(GPtrArray) frame = NULL;
      char day[11] = DEMO_TODAY;

      for (guint seed = 1; seed <= 200; seed++)
        {
          g_autoptr(GPtrArray) items = NULL;

          spec.seed = seed * 7919;
          items = items_of (db, draw (db, plan, &spec));
          for (guint i = 0; i < items->len; i++)
            {
              const char *cert_no = ((ZichaSampleItem *) g_ptr_array_index (items, i))->cert_no;
              gpointer interned = (gpointer) g_intern_string (cert_no);
              guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, interned));

              g_hash_table_insert (counts, interned, GUINT_TO_POINTER (c + 1));
            }
        }
      /* mean draws of the frame's certificates with a score of 3 or more (weight 4 or more), and
       * of those with none (weight 1) */
      frame = _zicha_sampling_read_frame (db, &spec, day, FALSE, NULL);
      for (guint i = 0; i < frame->len; i++)
        {
          ZichaFrameEntry *entry = g_ptr_array_index (frame, i);
          guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                           g_intern_string (entry->cert_no)));

          if (entry->score >= 3)
            high += c, n_high++;
          else if (entry->score == 0)
            zero += c, n_zero++;
        }
      g_assert_cmpuint (n_high, >, 10);
      g_assert_cmpuint (n_zero, >, 50);
      high /= n_high;
      zero /= n_zero;
      g_test_message ("%s: mean draws %.2f (score >= 3, %u) and %.2f (score 0, %u)",
                      m == 0 ? "weighted" : "random", high, n_high, zero, n_zero);
      if (m == 0)
        g_assert_cmpfloat (high, >, 2 * zero);
      else
        g_assert_cmpfloat (high, <, 1.5 * zero);
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("sampling");
  g_test_add_func ("/sampling/generator", test_generator);
  g_test_add_func ("/sampling/frame", test_frame);
  g_test_add_func ("/sampling/frame/errors", test_frame_errors);
  g_test_add_func ("/sampling/key-items", test_key_items);
  g_test_add_func ("/sampling/review", test_review);
  g_test_add_func ("/sampling/reproducible", test_reproducible);
  g_test_add_func ("/sampling/default-size", test_default_size);
  g_test_add_func ("/sampling/stratified", test_stratified);
  g_test_add_func ("/sampling/weighted", test_weighted);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
