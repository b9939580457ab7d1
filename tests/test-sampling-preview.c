/* test-sampling-preview.c — what a draw would take (抽样 previews), sizes, and samples drawn
 * and previewed in a worker thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On tests/data/plans (five certificates valid on 2025-06-30, two of them key items through
 * the hits written here, as in test-sampling.c): a preview says, without storing anything,
 * what zicha_sampling_draw () then does with the same spec — on both sides of each edge:
 * key items above and below the size, a size above and at the frame, the default size,
 * sizes given per stratum, an empty frame. The async pair gives the same answers as the
 * calls they wrap, on connections of their own, and a cancelled preview says so. */
#define G_LOG_DOMAIN "test-sampling"

#include "config.h"

#include <string.h>

#include "zicha-db-private.h"
#include "zicha-plans.h"
#include "zicha-rules.h"
#include "zicha-sampling.h"
#include "zicha-test-utils.h"

#define USER "张三"
#define DATE "2025-06-30"

static const ZichaPlanFields plan_fields = { "Previews" };

static ZichaDb *
open_small (const char *name,
            gint64     *out_plan)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "plans", NULL);
  g_autoptr(GError) error = NULL;
  ZichaDb *db = zicha_test_open_db (name);

  zicha_test_import (db, folder);
  /* C08 and C01 are key items (a high hit of their own, open or confirmed); the dismissed
   * high hit on a team row of C02's audit makes none */
  g_assert_cmpint (sqlite3_exec (zicha_db_get_handle (db),
                                 "INSERT INTO hits (rule, area, severity, entity_type,"
                                 " entity_key, status, message, first_found_on, last_found_on)"
                                 " VALUES"
                                 " ('T1', 'legal', 'high', 'certificate', 'C08', 'open', 'm',"
                                 "  '" DATE "', '" DATE "'),"
                                 " ('T2', 'legal', 'high', 'audit', 'A02', 'confirmed', 'm',"
                                 "  '" DATE "', '" DATE "'),"
                                 " ('T3', 'conduct', 'high', 'team', 'A04/L1', 'dismissed', 'm',"
                                 "  '" DATE "', '" DATE "')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (zicha_rules_update_risk_scores (db, &error));
  g_assert_no_error (error);
  *out_plan = zicha_plans_create (db, &plan_fields, USER, &error);
  g_assert_no_error (error);
  return db;
}

static GPtrArray *
preview (ZichaDb               *db,
         const ZichaSampleSpec *spec,
         guint                 *frame_size)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *strata = zicha_sampling_preview (db, spec, frame_size, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strata);
  return strata;
}

/* Draws @spec and checks that its strata are those the preview announced. */
static void
assert_preview_matches_draw (ZichaDb               *db,
                             gint64                 plan,
                             const ZichaSampleSpec *spec)
{
  g_autoptr(GPtrArray) strata = NULL;
  g_autoptr(ZichaSample) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = zicha_test_query (zicha_db_get_path (db),
                                              "SELECT count (*) FROM samples");
  g_autofree char *after = NULL;
  guint frame_size = 0, drawn = 0;
  gint64 id;

  strata = preview (db, spec, &frame_size);
  /* a preview stores nothing */
  after = zicha_test_query (zicha_db_get_path (db), "SELECT count (*) FROM samples");
  g_assert_cmpstr (before, ==, after);

  id = zicha_sampling_draw (db, plan, spec, USER, &error);
  g_assert_no_error (error);
  sample = zicha_sampling_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (frame_size, ==, sample->frame_size);
  g_assert_cmpuint (strata->len, ==, sample->strata->len);
  for (guint i = 0; i < strata->len; i++)
    {
      ZichaSampleStratum *p = g_ptr_array_index (strata, i);
      ZichaSampleStratum *s = g_ptr_array_index (sample->strata, i);

      g_assert_cmpstr (p->stratum, ==, s->stratum);
      g_assert_cmpuint (p->frame_size, ==, s->frame_size);
      g_assert_cmpuint (p->requested_size, ==, s->requested_size);
      g_assert_cmpuint (p->key_items, ==, s->key_items);
      g_assert_cmpuint (p->drawn_size, ==, s->drawn_size);
      drawn += p->drawn_size;
    }
  g_assert_cmpuint (drawn, ==, sample->drawn_size);
}

static void
test_sizes (void)
{
  const guint sizes[] = { 5, 3, 2 };
  guint out[3];

  /* the default size: ceil (sqrt (n)) on both sides of each square */
  g_assert_cmpuint (zicha_sampling_default_size (0), ==, 0);
  g_assert_cmpuint (zicha_sampling_default_size (1), ==, 1);
  g_assert_cmpuint (zicha_sampling_default_size (4), ==, 2);
  g_assert_cmpuint (zicha_sampling_default_size (5), ==, 3);
  g_assert_cmpuint (zicha_sampling_default_size (9), ==, 3);
  g_assert_cmpuint (zicha_sampling_default_size (10), ==, 4);
  g_assert_cmpuint (zicha_sampling_default_size (1000000), ==, 1000);
  g_assert_cmpuint (zicha_sampling_default_size (1000001), ==, 1001);

  /* 5 of 10: quotas 2.5, 1.5, 1; the one left goes to the first of the equal remainders */
  zicha_sampling_share (sizes, 3, 5, out);
  g_assert_cmpuint (out[0], ==, 3);
  g_assert_cmpuint (out[1], ==, 1);
  g_assert_cmpuint (out[2], ==, 1);
  /* the whole frame, and more than it: the frame */
  zicha_sampling_share (sizes, 3, 10, out);
  g_assert_cmpuint (out[0], ==, 5);
  g_assert_cmpuint (out[1], ==, 3);
  g_assert_cmpuint (out[2], ==, 2);
  zicha_sampling_share (sizes, 3, 11, out);
  g_assert_cmpuint (out[0] + out[1] + out[2], ==, 10);
  zicha_sampling_share (sizes, 3, 0, out);
  g_assert_cmpuint (out[0] + out[1] + out[2], ==, 0);
}

static void
test_preview (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_small ("preview.db", &plan);
  ZichaSampleSpec spec = { .has_seed = TRUE, .seed = 3, .valid_on = DATE, .size = 1,
                           .key_items = TRUE, .method = ZICHA_SAMPLE_WEIGHTED };
  g_autoptr(GPtrArray) strata = NULL;
  g_autoptr(GError) error = NULL;
  ZichaSampleStratum *s;
  guint frame_size = 0;

  /* more key items (2) than the size (1): both are taken */
  strata = preview (db, &spec, &frame_size);
  g_assert_cmpuint (frame_size, ==, 5);
  g_assert_cmpuint (strata->len, ==, 1);
  s = g_ptr_array_index (strata, 0);
  g_assert_null (s->stratum);
  g_assert_cmpuint (s->frame_size, ==, 5);
  g_assert_cmpuint (s->requested_size, ==, 1);
  g_assert_cmpuint (s->key_items, ==, 2);
  g_assert_cmpuint (s->drawn_size, ==, 2);
  g_clear_pointer (&strata, g_ptr_array_unref);
  assert_preview_matches_draw (db, plan, &spec);

  /* as many key items as the size, then one more than them */
  spec.size = 2;
  strata = preview (db, &spec, NULL);
  g_assert_cmpuint (((ZichaSampleStratum *) g_ptr_array_index (strata, 0))->drawn_size, ==, 2);
  g_clear_pointer (&strata, g_ptr_array_unref);
  spec.size = 3;
  strata = preview (db, &spec, NULL);
  g_assert_cmpuint (((ZichaSampleStratum *) g_ptr_array_index (strata, 0))->drawn_size, ==, 3);
  g_clear_pointer (&strata, g_ptr_array_unref);
  assert_preview_matches_draw (db, plan, &spec);

  /* the whole frame, and more than it */
  spec.size = 5;
  assert_preview_matches_draw (db, plan, &spec);
  spec.size = 6;
  strata = preview (db, &spec, NULL);
  s = g_ptr_array_index (strata, 0);
  g_assert_cmpuint (s->requested_size, ==, 5);
  g_assert_cmpuint (s->drawn_size, ==, 5);
  g_clear_pointer (&strata, g_ptr_array_unref);
  assert_preview_matches_draw (db, plan, &spec);

  /* no size, no key items: the default, ceil (sqrt (5)) = 3 */
  spec.size = 0;
  spec.key_items = FALSE;
  strata = preview (db, &spec, NULL);
  s = g_ptr_array_index (strata, 0);
  g_assert_cmpuint (s->requested_size, ==, 3);
  g_assert_cmpuint (s->key_items, ==, 0);
  g_assert_cmpuint (s->drawn_size, ==, 3);
  g_clear_pointer (&strata, g_ptr_array_unref);
  assert_preview_matches_draw (db, plan, &spec);

  /* by lead auditor: "", L1, L2, with their key items */
  spec.key_items = TRUE;
  spec.stratify = ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR;
  spec.size = 3;
  strata = preview (db, &spec, NULL);
  g_assert_cmpuint (strata->len, ==, 3);
  g_assert_cmpstr (((ZichaSampleStratum *) g_ptr_array_index (strata, 0))->stratum, ==, "");
  g_assert_cmpstr (((ZichaSampleStratum *) g_ptr_array_index (strata, 1))->stratum, ==, "L1");
  g_assert_cmpstr (((ZichaSampleStratum *) g_ptr_array_index (strata, 2))->stratum, ==, "L2");
  g_clear_pointer (&strata, g_ptr_array_unref);
  assert_preview_matches_draw (db, plan, &spec);

  /* sizes given per stratum: those; the others get their key items only */
  {
    const ZichaStratumSize given[] = { { "", 2 } };

    spec.stratum_sizes = given;
    spec.n_stratum_sizes = 1;
    strata = preview (db, &spec, NULL);
    g_assert_cmpuint (((ZichaSampleStratum *) g_ptr_array_index (strata, 0))->requested_size,
                      ==, 2);
    g_assert_cmpuint (((ZichaSampleStratum *) g_ptr_array_index (strata, 1))->requested_size,
                      ==, 0);
    g_clear_pointer (&strata, g_ptr_array_unref);
    assert_preview_matches_draw (db, plan, &spec);
  }
  {
    const ZichaStratumSize given[] = { { "NOBODY", 2 } };

    spec.stratum_sizes = given;
    g_assert_null (zicha_sampling_preview (db, &spec, NULL, &error));
    g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
    g_clear_error (&error);
  }
  spec.stratum_sizes = NULL;
  spec.n_stratum_sizes = 0;

  /* an empty frame is no error for a preview: nothing would be drawn */
  spec.valid_on = "1990-01-01";
  frame_size = 99;
  strata = preview (db, &spec, &frame_size);
  g_assert_cmpuint (frame_size, ==, 0);
  g_assert_cmpuint (strata->len, ==, 0);
  g_clear_pointer (&strata, g_ptr_array_unref);
  spec.valid_on = "2025-02-30";
  g_assert_null (zicha_sampling_preview (db, &spec, NULL, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
}

/* The async pair ---------------------------------------------------------------------------- */

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
on_ready_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_async (void)
{
  gint64 plan;
  g_autoptr(ZichaDb) db = open_small ("async.db", &plan);
  const char *schemes[] = { "QMS", "EMS", NULL };
  ZichaSampleSpec spec = { .has_seed = TRUE, .seed = 77, .valid_on = DATE, .size = 3,
                           .schemes = schemes, .stratify = ZICHA_SAMPLE_STRATIFY_SCHEME };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) strata = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  guint frame_size = 0, expected_frame = 0;
  gint64 id, again;

  /* a preview in a thread answers as one here */
  expected = preview (db, &spec, &expected_frame);
  zicha_sampling_preview_async (zicha_db_get_path (db), &spec, NULL, on_ready_cb, &result);
  g_assert_true (zicha_test_wait_until (result_ready, &result, 20000));
  strata = zicha_sampling_preview_finish (result, &frame_size, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (frame_size, ==, expected_frame);
  g_assert_cmpuint (strata->len, ==, expected->len);
  for (guint i = 0; i < strata->len; i++)
    {
      ZichaSampleStratum *a = g_ptr_array_index (strata, i);
      ZichaSampleStratum *b = g_ptr_array_index (expected, i);

      g_assert_cmpstr (a->stratum, ==, b->stratum);
      g_assert_cmpuint (a->requested_size, ==, b->requested_size);
      g_assert_cmpuint (a->drawn_size, ==, b->drawn_size);
    }

  /* cancelled before it runs: said so, nothing else */
  g_cancellable_cancel (cancellable);
  zicha_sampling_preview_async (zicha_db_get_path (db), &spec, cancellable, on_ready_cb,
                                &result);
  g_assert_true (zicha_test_wait_until (result_ready, &result, 20000));
  g_assert_null (zicha_sampling_preview_finish (result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* a draw in a thread stores the same sample as one here (the spec is copied: the caller's
   * strings may go at once) */
  {
    g_autofree char *scheme = g_strdup ("QMS");
    const char *mine[] = { scheme, "EMS", NULL };
    ZichaSampleSpec copy = spec;

    copy.schemes = mine;
    zicha_sampling_draw_async (zicha_db_get_path (db), plan, &copy, USER, on_ready_cb,
                               &result);
    g_clear_pointer (&scheme, g_free);
  }
  g_assert_true (zicha_test_wait_until (result_ready, &result, 20000));
  id = zicha_sampling_draw_finish (result, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  again = zicha_sampling_draw (db, plan, &spec, USER, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ZichaSample) a = zicha_sampling_get (db, id, NULL);
    g_autoptr(GPtrArray) items_a = zicha_sampling_list_items (db, id, NULL);
    g_autoptr(GPtrArray) items_b = zicha_sampling_list_items (db, again, NULL);

    g_assert_cmpuint (a->seed, ==, 77);
    g_assert_cmpstr (a->created_by, ==, USER);
    g_assert_cmpuint (g_strv_length (a->schemes), ==, 2);
    g_assert_cmpuint (items_a->len, ==, 3);
    g_assert_cmpuint (items_a->len, ==, items_b->len);
    for (guint i = 0; i < items_a->len; i++)
      g_assert_cmpstr (((ZichaSampleItem *) g_ptr_array_index (items_a, i))->cert_no, ==,
                       ((ZichaSampleItem *) g_ptr_array_index (items_b, i))->cert_no);
  }

  /* an error of the draw comes back: an empty frame */
  spec.valid_on = "1990-01-01";
  zicha_sampling_draw_async (zicha_db_get_path (db), plan, &spec, USER, on_ready_cb, &result);
  g_assert_true (zicha_test_wait_until (result_ready, &result, 20000));
  g_assert_cmpint (zicha_sampling_draw_finish (result, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_object (&result);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("sampling-preview");
  g_test_add_func ("/sampling/sizes", test_sizes);
  g_test_add_func ("/sampling/preview", test_preview);
  g_test_add_func ("/sampling/async", test_async);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
