/* test-plans.c — self-inspection plans: the template, plans, staff, milestones, checklist
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklist template against a copy of the notice's section 一（二） (tests/data/
 * notice-focus-areas.txt), every edit with its entry in the change history, progress and
 * overdue items on both sides of the due date. Sampling is in test-sampling.c. */
#define G_LOG_DOMAIN "test-plans"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zicha-change-log.h"
#include "zicha-checklist.h"
#include "zicha-db-private.h"
#include "zicha-plans.h"
#include "zicha-sampling.h"
#include "zicha-test-utils.h"

#define USER "张三"

static const ZichaPlanFields plain_fields = { "Self-inspection 2019" };

/* The last entry of the history about @entity @key: its action, and its old and new values
 * containing @old_part and @new_part (NULL: the values must be NULL). */
static void
assert_last_change (ZichaDb            *db,
                    const char         *entity,
                    gint64              key,
                    ZichaChangeAction   action,
                    const char         *old_part,
                    const char         *new_part)
{
  g_autofree char *key_text = g_strdup_printf ("%" G_GINT64_FORMAT, key);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = zicha_change_log_list (db, entity, key_text, &error);
  ZichaChangeEntry *e;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  e = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpstr (e->entity, ==, entity);
  g_assert_cmpstr (e->entity_key, ==, key_text);
  g_assert_cmpint (e->action, ==, action);
  g_assert_cmpstr (e->user_name, ==, USER);
  if (old_part == NULL)
    g_assert_null (e->old_values);
  else
    g_assert_nonnull (strstr (e->old_values, old_part));
  if (new_part == NULL)
    g_assert_null (e->new_values);
  else
    g_assert_nonnull (strstr (e->new_values, new_part));
}

static guint
count_changes (ZichaDb    *db,
               const char *entity)
{
  g_autoptr(GPtrArray) entries = zicha_change_log_list (db, entity, NULL, NULL);

  return entries->len;
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

static gint64
create_plan (ZichaDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 id = zicha_plans_create (db, &plain_fields, USER, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The template --------------------------------------------------------------------------- */

static void
test_template (void)
{
  const ZichaChecklistTemplateItem *items;
  guint n = 0, per_area[ZICHA_PLAN_N_AREAS] = { 0 };
  const guint expected[ZICHA_PLAN_N_AREAS] = { 5, 3, 3, 3 };

  items = zicha_checklist_template_get (&n);
  g_assert_cmpuint (n, ==, 14);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s-%u", zicha_rule_area_to_string (items[i].area),
                                              ++per_area[items[i].area]);

      /* keys name their area and their place in it, in the notice's order */
      g_assert_cmpstr (items[i].key, ==, key);
      g_assert_true (zicha_checklist_template_lookup (key) == &items[i]);
      g_assert_cmpstr (items[i].text, !=, "");
    }
  for (guint a = 0; a < ZICHA_PLAN_N_AREAS; a++)
    g_assert_cmpuint (per_area[a], ==, expected[a]);
  g_assert_null (zicha_checklist_template_lookup ("legal-6"));
}

/* The notice's section with its line breaks joined (each line trimmed). */
static char *
notice_joined (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "notice-focus-areas.txt",
                                                 NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *joined = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append (joined, g_strstrip (lines[i]));
  return g_string_free (joined, FALSE);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Under zh_CN each point is the notice's own wording, and the points of an area joined by the
 * notice's semicolons are its whole sentence "是否存在…等问题。": none missing, none split
 * elsewhere. A plan made under zh_CN stores that text. */
static void
test_template_zh_cn (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *notice = NULL;
      g_autoptr(ZichaDb) db = NULL;
      g_autoptr(GPtrArray) stored = NULL;
      const ZichaChecklistTemplateItem *items;
      guint n = 0;

      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      zicha_core_init_i18n ();
      if (setlocale (LC_MESSAGES, NULL) == NULL
          || strncmp (setlocale (LC_MESSAGES, NULL), "zh_CN", 5) != 0)
        {
          g_test_skip ("no zh_CN.UTF-8 locale");
          return;
        }
      notice = notice_joined ();
      items = zicha_checklist_template_get (&n);
      for (guint a = 0; a < ZICHA_PLAN_N_AREAS; a++)
        {
          g_autoptr(GString) sentence = g_string_new ("是否存在");
          guint in_area = 0;

          for (guint i = 0; i < n; i++)
            {
              const char *text = zicha_checklist_template_get_text (&items[i]);

              if (items[i].area != a)
                continue;
              /* translated, and exactly once in the notice */
              g_assert_cmpstr (text, !=, items[i].text);
              g_assert_cmpuint (count_occurrences (notice, text), ==, 1);
              g_string_append_printf (sentence, "%s%s", in_area++ > 0 ? "；" : "", text);
            }
          g_string_append (sentence, "等问题。");
          g_assert_nonnull (strstr (notice, sentence->str));
        }

      db = zicha_test_open_db ("zh-cn.db");
      stored = zicha_checklist_list (db, create_plan (db), NULL);
      g_assert_cmpuint (stored->len, ==, n);
      for (guint i = 0; i < n; i++)
        {
          ZichaChecklistItem *item = g_ptr_array_index (stored, i);

          g_assert_cmpstr (item->template_key, ==, items[i].key);
          g_assert_cmpstr (item->text, ==, zicha_checklist_template_get_text (&items[i]));
        }
      g_assert_cmpstr (((ZichaChecklistItem *) g_ptr_array_index (stored, 0))->text, ==,
                       "超出批准范围从事认证活动");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Plans -------------------------------------------------------------------------------------- */

static void
test_plan_create (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("create.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  const char *schemes[] = { " ems", "QMS", "EMS", NULL };
  const char *years[] = { "2018", "2017", NULL };
  ZichaPlanFields fields = { " 2019 年认证质量自查 ", "2019-03-25", "2019-06-30", schemes, years,
                             "质量管理部", "李四", "按通知要求" };
  gint64 id, other;

  id = zicha_plans_create (db, &fields, USER, &error);
  g_assert_no_error (error);
  plan = zicha_plans_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->title, ==, "2019 年认证质量自查");
  g_assert_cmpstr (plan->period_from, ==, "2019-03-25");
  g_assert_cmpstr (plan->period_to, ==, "2019-06-30");
  g_assert_cmpstrv (plan->schemes, ((const char *[]) { "EMS", "QMS", NULL }));
  g_assert_cmpstrv (plan->years, ((const char *[]) { "2017", "2018", NULL }));
  g_assert_cmpstr (plan->lead_department, ==, "质量管理部");
  g_assert_cmpstr (plan->leader, ==, "李四");
  g_assert_cmpint (plan->status, ==, ZICHA_PLAN_DRAFT);
  g_assert_cmpstr (plan->created_by, ==, USER);
  assert_last_change (db, "plan", id, ZICHA_CHANGE_CREATE, NULL, "\"title\":\"2019 年认证质量自查\"");

  /* the template's items, in the language of now (C: English), with their keys */
  items = zicha_checklist_list (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 14);
  for (guint i = 0; i < items->len; i++)
    {
      ZichaChecklistItem *item = g_ptr_array_index (items, i);
      const ZichaChecklistTemplateItem *point =
        zicha_checklist_template_lookup (item->template_key);

      g_assert_nonnull (point);
      g_assert_cmpuint (item->position, ==, i);
      g_assert_cmpint (item->area, ==, point->area);
      g_assert_cmpstr (item->text, ==, point->text);
      g_assert_cmpint (item->status, ==, ZICHA_CHECKLIST_TODO);
      g_assert_cmpint (item->conclusion, ==, ZICHA_CHECK_NONE);
      assert_last_change (db, "checklist_item", item->id, ZICHA_CHANGE_CREATE, NULL,
                          point->key);
    }
  g_assert_cmpuint (count_changes (db, "checklist_item"), ==, 14);

  other = create_plan (db);
  plans = zicha_plans_list (db, &error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpint (((ZichaPlan *) g_ptr_array_index (plans, 0))->id, ==, other);
  g_assert_cmpuint (g_strv_length (((ZichaPlan *) g_ptr_array_index (plans, 0))->schemes), ==, 0);
}

static void
test_plan_invalid (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("invalid.db");
  const char *bad_scheme[] = { "Q;MS", NULL };
  const char *bad_year[] = { "19", NULL };
  struct { ZichaPlanFields fields; int code; } cases[] = {
    { { "  " }, ZICHA_ERROR_USAGE },
    { { "t", "2019-02-30" }, ZICHA_ERROR_USAGE },
    { { "t", NULL, "2019-6-30" }, ZICHA_ERROR_USAGE },
    { { "t", "2019-07-01", "2019-06-30" }, ZICHA_ERROR_USAGE },
    { { "t", NULL, NULL, bad_scheme }, ZICHA_ERROR_USAGE },
    { { "t", NULL, NULL, NULL, bad_year }, ZICHA_ERROR_USAGE },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) case_error = NULL;

      g_assert_cmpint (zicha_plans_create (db, &cases[i].fields, USER, &case_error), ==, 0);
      g_assert_error (case_error, ZICHA_ERROR, cases[i].code);
    }
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM plans"), ==, 0);
  g_assert_cmpuint (count_changes (db, NULL), ==, 0);

  g_assert_null (zicha_plans_get (db, 42, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zicha_plans_update (db, 42, &plain_fields, USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zicha_plans_set_status (db, 42, ZICHA_PLAN_DONE, USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zicha_plans_delete (db, 42, USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (zicha_checklist_list (db, 42, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
}

static void
test_plan_update (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("update.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaPlan) plan = NULL;
  const char *schemes[] = { "OHSMS", NULL };
  ZichaPlanFields fields = { "New title", "2019-04-01", NULL, schemes, NULL, "综合部" };
  gint64 id = create_plan (db);
  guint before = count_changes (db, "plan");

  g_assert_true (zicha_plans_update (db, id, &fields, USER, &error));
  g_assert_no_error (error);
  assert_last_change (db, "plan", id, ZICHA_CHANGE_UPDATE, "\"title\":\"Self-inspection 2019\"",
                      "\"title\":\"New title\"");
  assert_last_change (db, "plan", id, ZICHA_CHANGE_UPDATE, "\"schemes\":null",
                      "\"schemes\":\"OHSMS\"");
  /* the same values again change nothing and write nothing */
  g_assert_true (zicha_plans_update (db, id, &fields, USER, &error));
  g_assert_cmpuint (count_changes (db, "plan"), ==, before + 1);

  g_assert_true (zicha_plans_set_status (db, id, ZICHA_PLAN_IN_PROGRESS, USER, &error));
  assert_last_change (db, "plan", id, ZICHA_CHANGE_UPDATE, "\"status\":\"draft\"",
                      "\"status\":\"in_progress\"");
  plan = zicha_plans_get (db, id, &error);
  g_assert_cmpstr (plan->title, ==, "New title");
  g_assert_cmpstr (plan->lead_department, ==, "综合部");
  g_assert_null (plan->period_to);
  g_assert_cmpint (plan->status, ==, ZICHA_PLAN_IN_PROGRESS);
  g_assert_cmpstr (zicha_plan_status_to_string (plan->status), ==, "in_progress");
}

/* Staff and milestones ---------------------------------------------------------------------- */

static void
assert_staff_names (ZichaDb    *db,
                    gint64      plan,
                    const char *expected)
{
  g_autoptr(GPtrArray) staff = zicha_plans_list_staff (db, plan, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < staff->len; i++)
    {
      ZichaPlanStaff *row = g_ptr_array_index (staff, i);

      g_assert_cmpuint (row->position, ==, i);
      g_string_append_printf (names, "%s%s", i > 0 ? "," : "", row->name);
    }
  g_assert_cmpstr (names->str, ==, expected);
}

static void
test_staff_and_milestones (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("staff.db");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "plans", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autofree char *name = NULL;
  gint64 plan, lead, free_name, third, m1, m2;

  zicha_test_import (db, folder);
  plan = create_plan (db);
  lead = zicha_plans_add_staff (db, plan, "L1", "ignored", "组长", USER, &error);
  g_assert_no_error (error);
  free_name = zicha_plans_add_staff (db, plan, NULL, " 王五 ", NULL, USER, &error);
  third = zicha_plans_add_staff (db, plan, "A1", NULL, NULL, USER, &error);
  g_assert_no_error (error);
  assert_staff_names (db, plan, "Lead One,王五,Auditor One");
  assert_last_change (db, "plan_staff", lead, ZICHA_CHANGE_CREATE, NULL, "\"duty\":\"组长\"");
  staff = zicha_plans_list_staff (db, plan, &error);
  g_assert_cmpstr (((ZichaPlanStaff *) g_ptr_array_index (staff, 0))->person_id, ==, "L1");
  g_assert_null (((ZichaPlanStaff *) g_ptr_array_index (staff, 1))->person_id);

  /* a person the body does not have, or nobody at all */
  g_assert_cmpint (zicha_plans_add_staff (db, plan, "X9", NULL, NULL, USER, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (zicha_plans_add_staff (db, plan, NULL, " ", NULL, USER, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  name = zicha_plans_lookup_person (db, "L2", &error);
  g_assert_cmpstr (name, ==, "Lead Two");

  /* reorder: the last to the top, then one down; remove the middle one */
  g_assert_true (zicha_plans_move_staff (db, third, 0, USER, &error));
  assert_staff_names (db, plan, "Auditor One,Lead One,王五");
  assert_last_change (db, "plan_staff", third, ZICHA_CHANGE_UPDATE, "\"position\":2",
                      "\"position\":0");
  g_assert_true (zicha_plans_move_staff (db, third, 1, USER, &error));
  assert_staff_names (db, plan, "Lead One,Auditor One,王五");
  g_assert_true (zicha_plans_remove_staff (db, third, USER, &error));
  assert_staff_names (db, plan, "Lead One,王五");
  assert_last_change (db, "plan_staff", third, ZICHA_CHANGE_DELETE, "\"name\":\"Auditor One\"",
                      NULL);
  g_assert_false (zicha_plans_remove_staff (db, third, USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  (void) free_name;

  m1 = zicha_plans_add_milestone (db, plan, "Kick-off", "2019-04-01", USER, &error);
  m2 = zicha_plans_add_milestone (db, plan, "Report", "2019-06-30", USER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zicha_plans_add_milestone (db, plan, "x", "30/06/2019", USER, &error), ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_true (zicha_plans_update_milestone (db, m1, "Kick-off meeting", "2019-04-01",
                                               "2019-04-02", USER, &error));
  assert_last_change (db, "plan_milestone", m1, ZICHA_CHANGE_UPDATE, "\"done_on\":null",
                      "\"done_on\":\"2019-04-02\"");
  g_assert_true (zicha_plans_move_milestone (db, m2, 0, USER, &error));
  milestones = zicha_plans_list_milestones (db, plan, &error);
  g_assert_cmpuint (milestones->len, ==, 2);
  g_assert_cmpint (((ZichaPlanMilestone *) g_ptr_array_index (milestones, 0))->id, ==, m2);
  g_assert_cmpstr (((ZichaPlanMilestone *) g_ptr_array_index (milestones, 1))->title, ==,
                   "Kick-off meeting");
  g_assert_true (zicha_plans_remove_milestone (db, m2, USER, &error));
  assert_last_change (db, "plan_milestone", m2, ZICHA_CHANGE_DELETE, "\"title\":\"Report\"",
                      NULL);
  g_assert_false (zicha_plans_update_milestone (db, m2, "t", NULL, NULL, USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
}

/* The checklist ------------------------------------------------------------------------------ */

/* The template keys (or "own:" and the text) of the plan's items, in order. */
static char *
checklist_order (ZichaDb *db,
                 gint64   plan)
{
  g_autoptr(GPtrArray) items = zicha_checklist_list (db, plan, NULL);
  GString *order = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ZichaChecklistItem *item = g_ptr_array_index (items, i);

      g_assert_cmpuint (item->position, ==, i);
      if (i < 3 || i + 1 == items->len)
        g_string_append_printf (order, "%s%s", i > 0 ? "," : "",
                                item->template_key != NULL ? item->template_key : item->text);
    }
  return g_string_free (order, FALSE);
}

static void
test_checklist_edit (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("checklist.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaChecklistItem) item = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *order = NULL;
  ZichaChecklistChange change = { 0 };
  gint64 plan = create_plan (db), own, first;

  /* a user's item at position 1 */
  own = zicha_checklist_add (db, plan, ZICHA_RULE_AREA_CONDUCT, " Expenses paid by clients ", 1,
                             USER, &error);
  g_assert_no_error (error);
  order = checklist_order (db, plan);
  g_assert_cmpstr (order, ==, "legal-1,Expenses paid by clients,legal-2,capability-3");
  g_clear_pointer (&order, g_free);
  assert_last_change (db, "checklist_item", own, ZICHA_CHANGE_CREATE, NULL,
                      "\"template_key\":null");
  g_assert_cmpint (zicha_checklist_add (db, plan, ZICHA_RULE_AREA_LEGAL, "", -1, USER, &error),
                   ==, 0);
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);

  /* drag to the end (past it: clamped), keyboard up, then down */
  g_assert_true (zicha_checklist_move (db, own, 99, USER, &error));
  assert_last_change (db, "checklist_item", own, ZICHA_CHANGE_UPDATE, "\"position\":1",
                      "\"position\":14");
  order = checklist_order (db, plan);
  g_assert_cmpstr (order, ==, "legal-1,legal-2,legal-3,Expenses paid by clients");
  g_clear_pointer (&order, g_free);
  g_assert_true (zicha_checklist_move (db, own, 13, USER, &error));
  item = zicha_checklist_get (db, own, &error);
  g_assert_cmpuint (item->position, ==, 13);
  g_clear_pointer (&item, zicha_checklist_item_free);
  order = checklist_order (db, plan);
  g_assert_cmpstr (order, ==, "legal-1,legal-2,legal-3,capability-3");
  g_clear_pointer (&order, g_free);
  g_assert_true (zicha_checklist_move (db, own, 14, USER, &error));
  /* drag a built-in item to the top */
  items = zicha_checklist_list (db, plan, &error);
  first = ((ZichaChecklistItem *) g_ptr_array_index (items, 5))->id;
  g_assert_true (zicha_checklist_move (db, first, 0, USER, &error));
  order = checklist_order (db, plan);
  g_assert_cmpstr (order, ==, "conduct-1,legal-1,legal-2,Expenses paid by clients");
  g_clear_pointer (&order, g_free);

  /* status, conclusion, assignee (a free name), due date, notes */
  change.status = ZICHA_CHECKLIST_DONE;
  change.conclusion = ZICHA_CHECK_NONCONFORMING;
  change.assignee = "赵六";
  change.due_on = "2019-05-31";
  change.notes = "三份档案缺记录";
  g_assert_true (zicha_checklist_update (db, first, &change,
                                         ZICHA_CHECKLIST_FIELD_STATUS
                                         | ZICHA_CHECKLIST_FIELD_CONCLUSION
                                         | ZICHA_CHECKLIST_FIELD_ASSIGNEE
                                         | ZICHA_CHECKLIST_FIELD_DUE_ON
                                         | ZICHA_CHECKLIST_FIELD_NOTES, USER, &error));
  g_assert_no_error (error);
  assert_last_change (db, "checklist_item", first, ZICHA_CHANGE_UPDATE,
                      "\"status\":\"todo\",\"conclusion\":null",
                      "\"status\":\"done\",\"conclusion\":\"nonconforming\"");
  item = zicha_checklist_get (db, first, &error);
  g_assert_cmpint (item->status, ==, ZICHA_CHECKLIST_DONE);
  g_assert_cmpint (item->conclusion, ==, ZICHA_CHECK_NONCONFORMING);
  g_assert_cmpstr (item->assignee, ==, "赵六");
  g_assert_null (item->assignee_person_id);
  g_assert_cmpstr (item->due_on, ==, "2019-05-31");
  g_assert_cmpstr (item->notes, ==, "三份档案缺记录");
  g_assert_cmpstr (item->template_key, ==, "conduct-1");
  g_clear_pointer (&item, zicha_checklist_item_free);

  /* a built-in item's text and area edited, the rest untouched; conclusion back to none */
  change.text = "Edited";
  change.area = ZICHA_RULE_AREA_CAPABILITY;
  change.conclusion = ZICHA_CHECK_NONE;
  g_assert_true (zicha_checklist_update (db, first, &change,
                                         ZICHA_CHECKLIST_FIELD_TEXT | ZICHA_CHECKLIST_FIELD_AREA
                                         | ZICHA_CHECKLIST_FIELD_CONCLUSION, USER, &error));
  item = zicha_checklist_get (db, first, &error);
  g_assert_cmpstr (item->text, ==, "Edited");
  g_assert_cmpint (item->area, ==, ZICHA_RULE_AREA_CAPABILITY);
  g_assert_cmpint (item->conclusion, ==, ZICHA_CHECK_NONE);
  g_assert_cmpint (item->status, ==, ZICHA_CHECKLIST_DONE);
  g_assert_cmpstr (item->template_key, ==, "conduct-1");
  g_clear_pointer (&item, zicha_checklist_item_free);
  assert_last_change (db, "checklist_item", first, ZICHA_CHANGE_UPDATE,
                      "\"area\":\"conduct\"", "\"area\":\"capability\"");

  /* bad values, a missing item */
  change.due_on = "2019-13-01";
  g_assert_false (zicha_checklist_update (db, first, &change, ZICHA_CHECKLIST_FIELD_DUE_ON, USER,
                                          &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
  g_clear_error (&error);
  change.assignee_person_id = "nobody";
  g_assert_false (zicha_checklist_update (db, first, &change, ZICHA_CHECKLIST_FIELD_ASSIGNEE,
                                          USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zicha_checklist_update (db, 9999, &change, ZICHA_CHECKLIST_FIELD_STATUS, USER,
                                          &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zicha_checklist_move (db, 9999, 0, USER, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* delete a built-in item: the rest close up */
  g_assert_true (zicha_checklist_delete (db, first, USER, &error));
  assert_last_change (db, "checklist_item", first, ZICHA_CHANGE_DELETE, "\"text\":\"Edited\"",
                      NULL);
  order = checklist_order (db, plan);
  g_assert_cmpstr (order, ==, "legal-1,legal-2,legal-3,Expenses paid by clients");
  g_assert_null (zicha_checklist_get (db, first, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND);
}

/* Progress --------------------------------------------------------------------------------- */

static void
set_item (ZichaDb              *db,
          gint64                id,
          ZichaChecklistStatus  status,
          const char           *due_on)
{
  g_autoptr(GError) error = NULL;
  ZichaChecklistChange change = { .status = status, .due_on = due_on };

  g_assert_true (zicha_checklist_update (db, id, &change,
                                         ZICHA_CHECKLIST_FIELD_STATUS
                                         | ZICHA_CHECKLIST_FIELD_DUE_ON, USER, &error));
  g_assert_no_error (error);
}

static void
test_progress (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("progress.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  ZichaPlanProgress p;
  gint64 plan = create_plan (db), m;

#define ITEM(i) (((ZichaChecklistItem *) g_ptr_array_index (items, (i)))->id)
  items = zicha_checklist_list (db, plan, &error);
  /* legal: 2 of 5 done; conduct 1 of 3; capability: one due on 2019-05-31, one the day before */
  set_item (db, ITEM (0), ZICHA_CHECKLIST_DONE, "2019-05-01");
  set_item (db, ITEM (1), ZICHA_CHECKLIST_DONE, NULL);
  set_item (db, ITEM (2), ZICHA_CHECKLIST_IN_PROGRESS, "2019-05-01");
  set_item (db, ITEM (5), ZICHA_CHECKLIST_DONE, NULL);
  set_item (db, ITEM (11), ZICHA_CHECKLIST_TODO, "2019-05-31");
  set_item (db, ITEM (12), ZICHA_CHECKLIST_IN_PROGRESS, "2019-05-30");

  g_assert_true (zicha_plans_get_progress (db, plan, "2019-05-31", &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.total, ==, 14);
  g_assert_cmpuint (p.done, ==, 3);
  g_assert_cmpuint (p.area_total[ZICHA_RULE_AREA_LEGAL], ==, 5);
  g_assert_cmpuint (p.area_done[ZICHA_RULE_AREA_LEGAL], ==, 2);
  g_assert_cmpuint (p.area_done[ZICHA_RULE_AREA_CONDUCT], ==, 1);
  g_assert_cmpuint (p.area_total[ZICHA_RULE_AREA_PRACTICE], ==, 3);
  g_assert_cmpuint (p.area_done[ZICHA_RULE_AREA_CAPABILITY], ==, 0);
  /* as of 05-31: item 2 (05-01) and item 12 (05-30) are overdue; item 11 is due today; item 0
   * is done */
  g_assert_cmpuint (p.overdue, ==, 2);
  overdue = zicha_checklist_list_overdue (db, plan, "2019-05-31", &error);
  g_assert_cmpuint (overdue->len, ==, 2);
  g_assert_cmpint (((ZichaChecklistItem *) g_ptr_array_index (overdue, 0))->id, ==, ITEM (2));
  g_assert_cmpint (((ZichaChecklistItem *) g_ptr_array_index (overdue, 1))->id, ==, ITEM (12));
  g_clear_pointer (&overdue, g_ptr_array_unref);
  /* a day later item 11 is overdue too; a day earlier only item 2 */
  g_assert_true (zicha_plans_get_progress (db, plan, "2019-06-01", &p, &error));
  g_assert_cmpuint (p.overdue, ==, 3);
  g_assert_true (zicha_plans_get_progress (db, plan, "2019-05-30", &p, &error));
  g_assert_cmpuint (p.overdue, ==, 1);
  overdue = zicha_checklist_list_overdue (db, plan, "2019-05-02", &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpint (((ZichaChecklistItem *) g_ptr_array_index (overdue, 0))->id, ==, ITEM (2));
  /* done, it is no longer overdue */
  set_item (db, ITEM (2), ZICHA_CHECKLIST_DONE, "2019-05-01");
  g_assert_true (zicha_plans_get_progress (db, plan, "2019-05-30", &p, &error));
  g_assert_cmpuint (p.overdue, ==, 0);
  g_assert_cmpuint (p.done, ==, 4);
#undef ITEM

  /* milestones: overdue when due before as of and not done */
  m = zicha_plans_add_milestone (db, plan, "Report", "2019-06-30", USER, &error);
  g_assert_true (zicha_plans_get_progress (db, plan, "2019-06-30", &p, &error));
  g_assert_cmpuint (p.milestones_total, ==, 1);
  g_assert_cmpuint (p.milestones_overdue, ==, 0);
  g_assert_true (zicha_plans_get_progress (db, plan, "2019-07-01", &p, &error));
  g_assert_cmpuint (p.milestones_overdue, ==, 1);
  g_assert_true (zicha_plans_update_milestone (db, m, "Report", "2019-06-30", "2019-07-02", USER,
                                               &error));
  g_assert_true (zicha_plans_get_progress (db, plan, "2019-07-03", &p, &error));
  g_assert_cmpuint (p.milestones_overdue, ==, 0);
  g_assert_cmpuint (p.milestones_done, ==, 1);

  g_assert_false (zicha_plans_get_progress (db, plan, "July", &p, &error));
  g_assert_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE);
}

/* Deleting a plan takes everything of it, each with its entry. */
static void
test_plan_delete (void)
{
  g_autoptr(ZichaDb) db = zicha_test_open_db ("delete.db");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "plans", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaPlan) kept = NULL;
  ZichaSampleSpec spec = { .has_seed = TRUE, .seed = 1, .valid_on = "2025-06-30", .size = 2 };
  gint64 plan, keep, sample;

  zicha_test_import (db, folder);
  plan = create_plan (db);
  keep = create_plan (db);
  g_assert_cmpint (zicha_plans_add_staff (db, plan, NULL, "王五", NULL, USER, &error), >, 0);
  g_assert_cmpint (zicha_plans_add_milestone (db, plan, "Report", NULL, USER, &error), >, 0);
  sample = zicha_sampling_draw (db, plan, &spec, USER, &error);
  g_assert_no_error (error);

  g_assert_true (zicha_plans_delete (db, plan, USER, &error));
  g_assert_no_error (error);
  assert_last_change (db, "plan", plan, ZICHA_CHANGE_DELETE, "\"title\"", NULL);
  assert_last_change (db, "sample", sample, ZICHA_CHANGE_DELETE, "\"seed\":1", NULL);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM plans"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM checklist_items"), ==, 14);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM plan_staff"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM plan_milestones"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM samples"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sample_items"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sample_strata"), ==, 0);
  /* 14 items of each plan created, 14 of the deleted one deleted */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM change_log WHERE entity ="
                                  " 'checklist_item' AND action = 'delete'"), ==, 14);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM change_log WHERE entity ="
                                  " 'sample_item' AND action = 'delete'"), ==, 2);
  kept = zicha_plans_get (db, keep, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept->id, ==, keep);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("plans");
  g_test_add_func ("/plans/template", test_template);
  g_test_add_func ("/plans/template/zh-cn", test_template_zh_cn);
  g_test_add_func ("/plans/create", test_plan_create);
  g_test_add_func ("/plans/invalid", test_plan_invalid);
  g_test_add_func ("/plans/update", test_plan_update);
  g_test_add_func ("/plans/staff-and-milestones", test_staff_and_milestones);
  g_test_add_func ("/plans/checklist/edit", test_checklist_edit);
  g_test_add_func ("/plans/progress", test_progress);
  g_test_add_func ("/plans/delete", test_plan_delete);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
