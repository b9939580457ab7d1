/* test-util.c — the shared helpers of core/util and core/records: days, JSON, money, scope
 * codes, progress from a worker
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-util"

#include "config.h"

#include <string.h>

#include "zicha-audit-time.h"
#include "zicha-day.h"
#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-hits.h"
#include "zicha-format.h"
#include "zicha-json.h"
#include "zicha-message.h"
#include "zicha-progress.h"
#include "zicha-rules.h"
#include "zicha-scope-code.h"

static void
test_days (void)
{
  char buf[11];
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_assert_cmpint (zicha_day_from_string ("1970-01-01"), ==, 0);
  g_assert_cmpint (zicha_day_from_string ("1970-01-02"), ==, 1);
  g_assert_cmpint (zicha_day_from_string ("1969-12-31"), ==, -1);
  g_assert_cmpint (zicha_day_from_string ("2024-02-30"), ==, G_MININT);
  g_assert_cmpint (zicha_day_from_string ("2023-02-29"), ==, G_MININT);
  g_assert_cmpint (zicha_day_from_string ("2024-13-01"), ==, G_MININT);
  g_assert_cmpint (zicha_day_from_string ("2024-1-01"), ==, G_MININT);
  zicha_day_to_string (zicha_day_from_string ("2024-02-28") + 1, buf);
  g_assert_cmpstr (buf, ==, "2024-02-29");
  zicha_day_to_string (zicha_day_from_string ("2000-02-28") + 2, buf);
  g_assert_cmpstr (buf, ==, "2000-03-01");
  g_assert_cmpint (zicha_days_in_month (1900, 2), ==, 28);
  g_assert_cmpint (zicha_days_in_month (2000, 2), ==, 29);

  /* "+N months" clamps to the month's end (DOMAIN.md section 4) */
  a = zicha_date_add_months ("2024-01-31", 1);
  g_assert_cmpstr (a, ==, "2024-02-29");
  b = zicha_date_add_months ("2023-01-31", 1);
  g_assert_cmpstr (b, ==, "2023-02-28");
  c = zicha_date_add_months ("2024-03-31", -13);
  g_assert_cmpstr (c, ==, "2023-02-28");
  d = zicha_date_add_days ("2024-12-31", 1);
  g_assert_cmpstr (d, ==, "2025-01-01");
  g_assert_null (zicha_date_add_months ("2024-02-30", 1));

  zicha_today (buf);
  g_assert_cmpint (zicha_day_from_string (buf), !=, G_MININT);
  {
    g_autofree char *now = zicha_now_text ();

    g_assert_cmpuint (strlen (now), ==, 19);
    g_assert_true (g_str_has_prefix (now, buf) || now[10] == ' ');
  }
}

static void
test_json_objects (void)
{
  ZichaJson *inner = zicha_json_begin ();
  ZichaJson *json = zicha_json_begin ();
  g_autofree char *inner_text = NULL;
  g_autofree char *text = NULL;

  zicha_json_add_string (inner, "days", "30");
  inner_text = zicha_json_end (inner);
  g_assert_cmpstr (inner_text, ==, "{\"days\":\"30\"}");

  zicha_json_add_string (json, "name", "张三 \"quoted\"");
  zicha_json_add_int (json, "n", -12);
  zicha_json_add_string (json, "none", NULL);
  zicha_json_add_raw (json, "params", inner_text);
  zicha_json_add_raw (json, "bad", "{not json");
  text = zicha_json_end (json);
  /* compact, members in the order they were added */
  g_assert_cmpstr (text, ==, "{\"name\":\"张三 \\\"quoted\\\"\",\"n\":-12,\"none\":null,"
                             "\"params\":{\"days\":\"30\"},\"bad\":null}");
}

/* The CLI's escaper writes every string as json-glib's generator does. */
static void
test_json_escaper (void)
{
  for (guint c = 1; c < 128; c++)
    {
      char value[4] = { 'a', (char) c, 'b', '\0' };
      g_autoptr(GString) ours = g_string_new (NULL);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *theirs = NULL;

      json_node_set_string (node, value);
      json_generator_set_root (generator, node);
      theirs = json_generator_to_data (generator, NULL);
      zicha_json_append_string (ours, value);
      /* (json-glib 1.6 leaves U+001F raw, which JSON does not allow) */
      if (c == 0x1f)
        g_assert_cmpstr (ours->str, ==, "\"a\\u001fb\"");
      else
        g_assert_cmpstr (ours->str, ==, theirs);
    }
}

static void
test_money (void)
{
  const struct { gint64 fen; const char *text; } cases[] = {
    { 0, "0.00" }, { 5, "0.05" }, { 1250, "12.50" }, { 123456, "1234.56" },
    { -1250, "-12.50" }, { -50, "-0.50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = zicha_format_money (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static gboolean
collect_prefix (const char *code,
                gsize       len,
                gpointer    data)
{
  g_string_append_printf (data, "%.*s|", (int) len, code);
  return FALSE;
}

static void
test_scope_codes (void)
{
  g_autoptr(GString) prefixes = g_string_new (NULL);

  g_assert_true (zicha_scope_code_covers ("17", "17.06.01"));
  g_assert_true (zicha_scope_code_covers ("17.06", "17.06"));
  g_assert_false (zicha_scope_code_covers ("17.06", "17.6"));
  g_assert_false (zicha_scope_code_covers ("17.06", "17.061"));
  g_assert_false (zicha_scope_code_covers ("17.0", "17.06"));
  g_assert_false (zicha_scope_code_covers ("", "17"));
  g_assert_false (zicha_scope_code_covers ("17.06.01", "17.06"));

  zicha_scope_code_foreach_prefix ("17.06.01", collect_prefix, prefixes);
  g_assert_cmpstr (prefixes->str, ==, "17|17.06|17.06.01|");
}

typedef struct
{
  guint   calls;
  guint64 last_done;
  char   *last_text;
} Seen;

static void
on_progress (const char *text,
             guint64     count,
             guint64     done,
             guint64     total,
             gpointer    user_data)
{
  Seen *seen = user_data;

  seen->calls++;
  seen->last_done = done;
  g_free (seen->last_text);
  seen->last_text = g_strdup (text);
  g_assert_cmpuint (total, ==, 100);
  g_assert_cmpuint (count, ==, done * 2);
}

static gpointer
post_from_thread (gpointer data)
{
  for (guint64 i = 1; i <= 100; i++)
    {
      g_autofree char *text = g_strdup_printf ("step %" G_GUINT64_FORMAT, i);

      zicha_progress_post (data, text, i * 2, i, 100);
    }
  return NULL;
}

static void
test_progress (void)
{
  for (guint mode = 0; mode < 2; mode++)
    {
      Seen seen = { 0 };
      ZichaProgress *progress = zicha_progress_new (NULL, G_PRIORITY_DEFAULT, mode,
                                                    on_progress, &seen, NULL);
      GThread *thread = g_thread_new ("poster", post_from_thread, progress);

      g_thread_join (thread);
      /* nothing is handed on outside the main context */
      g_assert_cmpuint (seen.calls, ==, 0);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpuint (seen.last_done, ==, 100);
      g_assert_cmpstr (seen.last_text, ==, "step 100");
      if (mode == ZICHA_PROGRESS_EVERY)
        g_assert_cmpuint (seen.calls, ==, 100);
      else
        g_assert_cmpuint (seen.calls, ==, 1);   /* all came before the first delivery */
      zicha_progress_unref (progress);
      g_free (seen.last_text);
    }
}

/* A message kept as its format and arguments renders as g_strdup_printf would have made it
 * (here untranslated: the formats are no msgids), nested messages and labels included. */
static void
test_messages (void)
{
  g_autofree char *stored = zicha_message_printf ("%s has %d items, %ld days, %.1f km, 100%%",
                                                  "张三", 7, 123456789012L, 6.25);
  g_autofree char *text = zicha_message_render (stored);
  g_autofree char *expected = g_strdup_printf ("%s has %d items, %ld days, %.1f km, 100%%",
                                               "张三", 7, 123456789012L, 6.25);
  ZichaMessage *inner = zicha_message_new ();
  ZichaMessage *outer = zicha_message_new ();
  g_autofree char *inner_arg = NULL;
  g_autofree char *outer_stored = NULL;
  g_autofree char *outer_text = NULL;
  g_autofree char *legacy = zicha_message_render ("a message stored before (plain text)");
  g_autofree char *empty = zicha_message_render (NULL);

  g_assert_cmpstr (text, ==, expected);
  g_assert_true (g_str_has_prefix (stored, "[{\"f\":"));

  zicha_message_append (inner, "no team");
  zicha_message_append (inner, ", ");
  zicha_message_append (inner, "%s", zicha_message_label ("no report date"));
  inner_arg = zicha_message_end_as_arg (inner);
  zicha_message_append (outer, "Incomplete: %s", inner_arg);
  zicha_message_append (outer, "; %s (%s)", "P1", zicha_message_label ("team leader"));
  outer_stored = zicha_message_end (outer);
  outer_text = zicha_message_render (outer_stored);
  g_assert_cmpstr (outer_text, ==, "Incomplete: no team, no report date; P1 (team leader)");

  /* what was stored before renders as it is */
  g_assert_cmpstr (legacy, ==, "a message stored before (plain text)");
  g_assert_cmpstr (empty, ==, "");
}

/* The nicks are the stored values (DOMAIN.md's names). */
static void
test_enums (void)
{
  const char *areas[] = { "legal", "conduct", "practice", "capability" };
  const char *statuses[] = { "open", "confirmed", "dismissed", "resolved" };
  int value = -1;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      ZichaRuleArea area;

      g_assert_cmpstr (zicha_rule_area_to_string ((ZichaRuleArea) i), ==, areas[i]);
      g_assert_true (zicha_rule_area_from_string (areas[i], &area));
      g_assert_cmpint (area, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_cmpstr (zicha_hit_status_to_string ((ZichaHitStatus) i), ==, statuses[i]);
  g_assert_null (zicha_enum_get_nick (ZICHA_TYPE_RULE_AREA, 17));
  g_assert_false (zicha_enum_from_nick (ZICHA_TYPE_RULE_AREA, "Legal", FALSE, &value));
  g_assert_true (zicha_enum_from_nick (ZICHA_TYPE_RULE_AREA, "Legal", TRUE, &value));
  g_assert_cmpint (value, ==, ZICHA_RULE_AREA_LEGAL);
  g_assert_false (zicha_enum_from_nick (ZICHA_TYPE_RULE_AREA, NULL, TRUE, &value));
  {
    ZichaComplexity complexity;

    g_assert_true (zicha_complexity_from_string ("LIMITED", &complexity));
    g_assert_cmpint (complexity, ==, ZICHA_COMPLEXITY_LIMITED);
    g_assert_false (zicha_complexity_from_string ("huge", &complexity));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/util/days", test_days);
  g_test_add_func ("/util/json/objects", test_json_objects);
  g_test_add_func ("/util/json/escaper", test_json_escaper);
  g_test_add_func ("/util/money", test_money);
  g_test_add_func ("/util/scope-codes", test_scope_codes);
  g_test_add_func ("/util/progress", test_progress);
  g_test_add_func ("/util/enums", test_enums);
  g_test_add_func ("/util/messages", test_messages);
  return g_test_run ();
}
