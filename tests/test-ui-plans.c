/* test-ui-plans.c — the self-inspection plans (自查方案) page of the Zicha window under Xvfb
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On tests/data/plans (eight certificates, three persons), dated 2025-06-30 by its
 * demo-today: a plan made through the New Plan dialog with the checklist of the notice, an
 * item ticked done in its row, an item moved by Alt+Up and Alt+Down, a problem raised from
 * an item, staff and milestones added through their dialogs, a sample drawn through the draw
 * dialog with a fixed seed, a sampled certificate reviewed and a problem raised from it, the
 * plan edited and deleted. Every outcome is read back through core. The cases run in order
 * on one database, each going on from what the one before left.
 */
#define G_LOG_DOMAIN "zicha-test-ui"

#include "config.h"

#include <glib/gstdio.h>

#include "zicha-change-log.h"
#include "zicha-checklist-item-dialog.h"
#include "zicha-checklist.h"
#include "zicha-person-row.h"
#include "zicha-plan-dialog.h"
#include "zicha-plans-page-private.h"
#include "zicha-plans.h"
#include "zicha-problem-dialog.h"
#include "zicha-problems.h"
#include "zicha-sample-dialog.h"
#include "zicha-sample-review-dialog.h"
#include "zicha-sampling.h"
#include "zicha-ui-test.h"

#define TODAY "2025-06-30"

static gint64 plan_id;

static ZichaPlansPage *
show_plans (void)
{
  g_autoptr(GPtrArray) pages = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "plans"));
  pages = find_widgets (GTK_WIDGET (window), ZICHA_TYPE_PLANS_PAGE);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_true (wait_mapped (g_ptr_array_index (pages, 0), 10000));
  return g_ptr_array_index (pages, 0);
}

static ZichaDb *
db (void)
{
  return zicha_window_get_db (window);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_main_loop ();
}

static guint
count_log (const char *entity,
           const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = zicha_change_log_list (db (), entity, key, &error);

  g_assert_no_error (error);
  return log->len;
}

/* The text of a translated plural with two numbers, as the views format it. */
static char *
progress_text (guint done,
               guint total)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u item done",
                                       "%1$u of %2$u items done", total), done, total);
}

/* The plan ------------------------------------------------------------------------------ */

static void
test_create_plan (void)
{
  ZichaPlansPage *page = show_plans ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ZichaPlan) plan = NULL;
  g_autofree char *key = NULL;
  g_autofree char *user_name = zicha_application_get_user_name (app);
  ZichaPlanDialog *dialog;
  GtkWidget *create;
  guint n_template = 0;

  /* no plan yet: the status page offers one */
  g_assert_true (shows_label (GTK_WIDGET (page),
                              g_dgettext (GETTEXT_PACKAGE, "No Self-Inspection Plan")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plans.new", NULL));
  dialog = ZICHA_PLAN_DIALOG (wait_toplevel (ZICHA_TYPE_PLAN_DIALOG));
  g_assert_nonnull (dialog);

  /* Create wants a title */
  create = find_button (GTK_WIDGET (dialog), "C_reate");
  g_assert_nonnull (create);
  g_assert_false (gtk_widget_is_sensitive (create));
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "title"), "2025年度认证质量自查");
  g_assert_true (gtk_widget_is_sensitive (create));
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "from"), "2025-07-01");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "to"), "2025-06-01");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "schemes"), "qms，EMS");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "years"), "2024 2025");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "department"), "质量管理部");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "leader"), "王建国");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (zicha_plan_dialog_get_description (dialog)),
                            "按通知要求开展自查。", -1);

  /* a period that ends before it starts: core says so, the dialog stays, nothing is made */
  click (GTK_WIDGET (dialog), "C_reate");
  g_assert_true (find_toplevel (ZICHA_TYPE_PLAN_DIALOG) == GTK_WINDOW (dialog));
  plans = zicha_plans_list (db (), NULL);
  g_assert_cmpuint (plans->len, ==, 0);
  g_clear_pointer (&plans, g_ptr_array_unref);

  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "to"), "2025-12-31");
  click (GTK_WIDGET (dialog), "C_reate");
  g_assert_null (find_toplevel (ZICHA_TYPE_PLAN_DIALOG));

  plans = zicha_plans_list (db (), NULL);
  g_assert_cmpuint (plans->len, ==, 1);
  plan_id = ((ZichaPlan *) g_ptr_array_index (plans, 0))->id;
  plan = zicha_plans_get (db (), plan_id, NULL);
  g_assert_cmpstr (plan->title, ==, "2025年度认证质量自查");
  g_assert_cmpstr (plan->period_from, ==, "2025-07-01");
  g_assert_cmpstr (plan->period_to, ==, "2025-12-31");
  g_assert_cmpuint (g_strv_length (plan->schemes), ==, 2);
  g_assert_cmpstr (plan->schemes[0], ==, "EMS");
  g_assert_cmpstr (plan->schemes[1], ==, "QMS");
  g_assert_cmpuint (g_strv_length (plan->years), ==, 2);
  g_assert_cmpstr (plan->lead_department, ==, "质量管理部");
  g_assert_cmpstr (plan->leader, ==, "王建国");
  g_assert_cmpstr (plan->description, ==, "按通知要求开展自查。");
  g_assert_cmpstr (plan->created_by, ==, user_name);
  g_assert_cmpint (plan->status, ==, ZICHA_PLAN_DRAFT);

  /* the checklist of the notice, in Chinese; its creation in the change history */
  zicha_checklist_template_get (&n_template);
  items = zicha_checklist_list (db (), plan_id, NULL);
  g_assert_cmpuint (items->len, ==, n_template);
  g_assert_cmpstr (((ZichaChecklistItem *) g_ptr_array_index (items, 0))->text, ==,
                   zicha_checklist_template_get_text (zicha_checklist_template_get (NULL)));
  g_assert_false (is_ascii (((ZichaChecklistItem *) g_ptr_array_index (items, 0))->text));
  key = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);
  g_assert_cmpuint (count_log ("plan", key), ==, 1);
  g_assert_cmpuint (count_log ("checklist_item", NULL), ==, n_template);

  /* the page shows it */
  g_assert_cmpint (zicha_plans_page_get_plan (page), ==, plan_id);
  g_assert_true (shows_label (GTK_WIDGET (page), "2025年度认证质量自查"));
}

/* The checklist --------------------------------------------------------------------------- */

static void
test_tick_item (void)
{
  ZichaPlansPage *page = show_plans ();
  ZichaChecklistView *view = zicha_plans_page_get_checklist (page);
  g_autoptr(GPtrArray) items = zicha_checklist_list (db (), plan_id, NULL);
  ZichaChecklistItem *first = g_ptr_array_index (items, 0);
  g_autofree char *none = progress_text (0, items->len);
  g_autofree char *one = progress_text (1, items->len);
  GtkCheckButton *check;

  zicha_plans_page_show_part (page, "checklist");
  g_assert_true (wait_mapped (GTK_WIDGET (view), 5000));
  g_assert_cmpstr (zicha_checklist_view_get_progress_text (view), ==, none);

  check = zicha_checklist_view_get_check (view, first->id);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  flush_main_loop ();
  {
    g_autoptr(ZichaChecklistItem) item = zicha_checklist_get (db (), first->id, NULL);

    g_assert_cmpint (item->status, ==, ZICHA_CHECKLIST_DONE);
  }
  /* the progress says so, here and in the summary; the row stays (its check too) */
  g_assert_cmpstr (zicha_checklist_view_get_progress_text (view), ==, one);
  g_assert_true (shows_label (GTK_WIDGET (view), one));
  g_assert_cmpstr (zicha_plan_overview_get_progress_text (zicha_plans_page_get_overview (page)),
                   ==, one);
  g_assert_true (zicha_checklist_view_get_check (view, first->id) == check);
  g_assert_true (gtk_check_button_get_active (check));

  /* unticked, it goes back to what it was */
  gtk_check_button_set_active (check, FALSE);
  flush_main_loop ();
  {
    g_autoptr(ZichaChecklistItem) item = zicha_checklist_get (db (), first->id, NULL);

    g_assert_cmpint (item->status, ==, ZICHA_CHECKLIST_TODO);
  }
  g_assert_cmpstr (zicha_checklist_view_get_progress_text (view), ==, none);

  /* done again, for the cases after this one */
  gtk_check_button_set_active (check, TRUE);
  flush_main_loop ();
  g_assert_cmpstr (zicha_checklist_view_get_progress_text (view), ==, one);
}

static guint
position_of (gint64 item_id)
{
  g_autoptr(ZichaChecklistItem) item = zicha_checklist_get (db (), item_id, NULL);

  g_assert_nonnull (item);
  return item->position;
}

static void
test_reorder_by_keyboard (void)
{
  ZichaPlansPage *page = show_plans ();
  ZichaChecklistView *view = zicha_plans_page_get_checklist (page);
  g_autoptr(GPtrArray) items = zicha_checklist_list (db (), plan_id, NULL);
  gint64 moved = ((ZichaChecklistItem *) g_ptr_array_index (items, 2))->id;
  gint64 second = ((ZichaChecklistItem *) g_ptr_array_index (items, 1))->id;
  gint64 first = ((ZichaChecklistItem *) g_ptr_array_index (items, 0))->id;
  GtkListBoxRow *row;

  zicha_plans_page_show_part (page, "checklist");
  row = zicha_checklist_view_get_row (view, moved);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));

  /* Alt+Up: one up, and the row of the item keeps the focus */
  g_assert_true (activate_binding (GTK_WIDGET (view), GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpuint (position_of (moved), ==, 1);
  g_assert_cmpuint (position_of (second), ==, 2);
  row = zicha_checklist_view_get_row (view, moved);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));
  g_assert_cmpint (gtk_list_box_row_get_index (row), ==, 1);

  /* again: first; once more: nothing above the first */
  g_assert_true (activate_binding (GTK_WIDGET (view), GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpuint (position_of (moved), ==, 0);
  g_assert_cmpuint (position_of (first), ==, 1);
  activate_binding (GTK_WIDGET (view), GDK_KEY_Up, GDK_ALT_MASK);
  g_assert_cmpuint (position_of (moved), ==, 0);

  /* Alt+Down twice: back where it was */
  g_assert_true (activate_binding (GTK_WIDGET (view), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (activate_binding (GTK_WIDGET (view), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpuint (position_of (moved), ==, 2);
  g_assert_cmpuint (position_of (first), ==, 0);
  g_assert_cmpuint (position_of (second), ==, 1);

  /* the row menu's Move Down, for a mouse */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checklist.move-down", "x",
                                             moved));
  flush_main_loop ();
  g_assert_cmpuint (position_of (moved), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checklist.move-up", "x",
                                             moved));
  flush_main_loop ();
  g_assert_cmpuint (position_of (moved), ==, 2);
  /* each move is one history entry of the item moved */
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, moved);

    g_assert_cmpuint (count_log ("checklist_item", key), ==, 1 + 6);
  }
}

static void
test_edit_and_add_item (void)
{
  ZichaPlansPage *page = show_plans ();
  ZichaChecklistView *view = zicha_plans_page_get_checklist (page);
  g_autoptr(GPtrArray) before = zicha_checklist_list (db (), plan_id, NULL);
  ZichaChecklistItemDialog *dialog;
  gint64 id = ((ZichaChecklistItem *) g_ptr_array_index (before, 1))->id;
  ZichaPersonRow *person;

  /* open the second item (as a click on its row does) and fill in the check */
  zicha_plans_page_show_part (page, "checklist");
  g_signal_emit_by_name (zicha_checklist_view_get_row (view, id), "activate");
  dialog = ZICHA_CHECKLIST_ITEM_DIALOG (wait_toplevel (ZICHA_TYPE_CHECKLIST_ITEM_DIALOG));
  g_assert_nonnull (dialog);
  person = zicha_checklist_item_dialog_get_assignee_row (dialog);
  gtk_editable_set_text (GTK_EDITABLE (person), "L1");
  gtk_editable_set_text (zicha_checklist_item_dialog_get_due_entry (dialog), "2025-06-15");
  adw_combo_row_set_selected (zicha_checklist_item_dialog_get_status_row (dialog),
                              ZICHA_CHECKLIST_IN_PROGRESS);
  adw_combo_row_set_selected (zicha_checklist_item_dialog_get_conclusion_row (dialog),
                              ZICHA_CHECK_NONCONFORMING);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                              zicha_checklist_item_dialog_get_notes_view (dialog)),
                            "抽查3份档案，1份缺少现场审核记录", -1);
  g_assert_cmpint (zicha_checklist_item_dialog_save (dialog), ==, id);
  flush_main_loop ();
  g_assert_null (find_toplevel (ZICHA_TYPE_CHECKLIST_ITEM_DIALOG));
  {
    g_autoptr(ZichaChecklistItem) item = zicha_checklist_get (db (), id, NULL);

    g_assert_cmpstr (item->assignee_person_id, ==, "L1");
    g_assert_cmpstr (item->assignee, ==, "Lead One");
    g_assert_cmpstr (item->due_on, ==, "2025-06-15");
    g_assert_cmpint (item->status, ==, ZICHA_CHECKLIST_IN_PROGRESS);
    g_assert_cmpint (item->conclusion, ==, ZICHA_CHECK_NONCONFORMING);
    g_assert_cmpstr (item->notes, ==, "抽查3份档案，1份缺少现场审核记录");
  }
  /* due before today and not done: overdue, in the row and in the summary */
  g_assert_true (shows_label (GTK_WIDGET (view), g_dgettext (GETTEXT_PACKAGE, "Overdue")));
  {
    g_autoptr(GPtrArray) overdue = zicha_checklist_list_overdue (db (), plan_id, TODAY, NULL);

    g_assert_cmpuint (overdue->len, ==, 1);
  }

  /* an item of the user's own goes to the end of its focus area */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checklist.add", NULL));
  dialog = ZICHA_CHECKLIST_ITEM_DIALOG (wait_toplevel (ZICHA_TYPE_CHECKLIST_ITEM_DIALOG));
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (zicha_checklist_item_dialog_get_area_row (dialog),
                              ZICHA_RULE_AREA_CONDUCT);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                              zicha_checklist_item_dialog_get_text_view (dialog)),
                            "审核员兼职情况核查", -1);
  gtk_editable_set_text (GTK_EDITABLE (zicha_checklist_item_dialog_get_assignee_row (dialog)),
                         "李四");
  id = zicha_checklist_item_dialog_save (dialog);
  g_assert_cmpint (id, >, 0);
  {
    g_autoptr(ZichaChecklistItem) item = zicha_checklist_get (db (), id, NULL);
    g_autoptr(GPtrArray) after = zicha_checklist_list (db (), plan_id, NULL);
    ZichaChecklistItem *next = g_ptr_array_index (after, item->position + 1);

    g_assert_cmpuint (after->len, ==, before->len + 1);
    g_assert_cmpint (item->area, ==, ZICHA_RULE_AREA_CONDUCT);
    g_assert_null (item->template_key);
    g_assert_null (item->assignee_person_id);
    g_assert_cmpstr (item->assignee, ==, "李四");
    g_assert_cmpint (((ZichaChecklistItem *) g_ptr_array_index (after, item->position - 1))->area,
                     ==, ZICHA_RULE_AREA_CONDUCT);
    g_assert_cmpint (next->area, ==, ZICHA_RULE_AREA_PRACTICE);
  }
  g_assert_nonnull (zicha_checklist_view_get_row (view, id));
}

static void
test_raise_problem_from_item (void)
{
  ZichaPlansPage *page = show_plans ();
  ZichaChecklistView *view = zicha_plans_page_get_checklist (page);
  g_autoptr(GPtrArray) items = zicha_checklist_list (db (), plan_id, NULL);
  ZichaChecklistItem *item = g_ptr_array_index (items, 3);
  g_autoptr(GPtrArray) problems = NULL;
  ZichaProblemFilter filter = { .checklist_item = item->id };
  ZichaProblemDialog *dialog;
  ZichaProblem *problem;

  zicha_plans_page_show_part (page, "checklist");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checklist.raise", "x",
                                             item->id));
  dialog = ZICHA_PROBLEM_DIALOG (wait_toplevel (ZICHA_TYPE_PROBLEM_DIALOG));
  g_assert_nonnull (dialog);
  /* the item's focus area is proposed; Raise wants a title */
  g_assert_cmpuint (adw_combo_row_get_selected (zicha_problem_dialog_get_area_row (dialog)), ==,
                    item->area);
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (dialog), "_Raise")));
  gtk_editable_set_text (zicha_problem_dialog_get_title_entry (dialog),
                         "现场审核未覆盖关键过程");
  adw_combo_row_set_selected (zicha_problem_dialog_get_severity_row (dialog),
                              ZICHA_RULE_SEVERITY_HIGH);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                              zicha_problem_dialog_get_description (dialog)),
                            "C04 的监督审核未审核生产过程", -1);
  click (GTK_WIDGET (dialog), "_Raise");
  g_assert_null (find_toplevel (ZICHA_TYPE_PROBLEM_DIALOG));

  problems = zicha_problems_query (db (), &filter, ZICHA_PROBLEM_ORDER_NUMBER, FALSE, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->source, ==, ZICHA_PROBLEM_SOURCE_CHECKLIST);
  g_assert_cmpint (problem->checklist_item, ==, item->id);
  g_assert_cmpstr (problem->clause, ==, item->text);
  g_assert_cmpstr (problem->area, ==, zicha_rule_area_to_string (item->area));
  g_assert_cmpstr (problem->severity, ==, "high");
  g_assert_cmpstr (problem->title, ==, "现场审核未覆盖关键过程");
  g_assert_cmpstr (problem->description, ==, "C04 的监督审核未审核生产过程");

  /* the row shows its number, a button that opens it */
  {
    GtkListBoxRow *row = zicha_checklist_view_get_row (view, item->id);

    g_assert_nonnull (find_widgets (GTK_WIDGET (row), GTK_TYPE_BUTTON));
    g_assert_true (shows_label (GTK_WIDGET (row), problem->number));
  }
}

/* Staff, milestones, status ------------------------------------------------------------- */

static gboolean
has_suggestions (gpointer data)
{
  return zicha_person_row_get_n_suggestions (data) > 0;
}

static void
test_staff_and_milestones (void)
{
  ZichaPlansPage *page = show_plans ();
  ZichaPlanOverview *overview = zicha_plans_page_get_overview (page);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AdwMessageDialog *dialog;
  ZichaPersonRow *person = NULL;
  g_autoptr(ZichaPlan) plan = NULL;

  zicha_plans_page_show_part (page, "overview");
  g_assert_true (wait_mapped (GTK_WIDGET (overview), 5000));

  /* a person of the body picked from the suggestions by name */
  dialog = zicha_plan_overview_add_staff (overview);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  rows = find_widgets (GTK_WIDGET (dialog), ZICHA_TYPE_PERSON_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  person = g_ptr_array_index (rows, 0);
  gtk_editable_set_text (GTK_EDITABLE (person), "Lead");
  g_assert_true (wait_until (has_suggestions, person, 10000));
  g_assert_cmpuint (zicha_person_row_get_n_suggestions (person), ==, 2);
  g_assert_true (zicha_person_row_pick_suggestion (person, 1));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  adw_message_dialog_response (dialog, "ok");
  flush_main_loop ();
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* someone not in the records, by name, with a duty */
  dialog = zicha_plan_overview_add_staff (overview);
  rows = find_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (g_ptr_array_index (rows, 0), "外聘专家赵六");
  gtk_editable_set_text (g_ptr_array_index (rows, 1), "技术把关");
  adw_message_dialog_response (dialog, "ok");
  flush_main_loop ();

  staff = zicha_plans_list_staff (db (), plan_id, NULL);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (((ZichaPlanStaff *) g_ptr_array_index (staff, 0))->person_id, ==, "L2");
  g_assert_cmpstr (((ZichaPlanStaff *) g_ptr_array_index (staff, 0))->name, ==, "Lead Two");
  g_assert_null (((ZichaPlanStaff *) g_ptr_array_index (staff, 1))->person_id);
  g_assert_cmpstr (((ZichaPlanStaff *) g_ptr_array_index (staff, 1))->duty, ==, "技术把关");
  g_assert_true (shows_label (GTK_WIDGET (overview), "外聘专家赵六"));

  /* the second one up: first */
  g_assert_true (gtk_widget_activate_action (
                   GTK_WIDGET (overview), "overview.staff-up", "x",
                   ((ZichaPlanStaff *) g_ptr_array_index (staff, 1))->id));
  flush_main_loop ();
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = zicha_plans_list_staff (db (), plan_id, NULL);
  g_assert_cmpstr (((ZichaPlanStaff *) g_ptr_array_index (staff, 0))->name, ==, "外聘专家赵六");

  /* a milestone, then ticked done (today is the database's day) */
  dialog = zicha_plan_overview_edit_milestone (overview, 0);
  g_assert_nonnull (dialog);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (g_ptr_array_index (rows, 0), "完成档案抽查");
  gtk_editable_set_text (g_ptr_array_index (rows, 1), "2025-09-30");
  adw_message_dialog_response (dialog, "ok");
  flush_main_loop ();
  milestones = zicha_plans_list_milestones (db (), plan_id, NULL);
  g_assert_cmpuint (milestones->len, ==, 1);
  g_assert_cmpstr (((ZichaPlanMilestone *) g_ptr_array_index (milestones, 0))->due_on, ==,
                   "2025-09-30");
  g_assert_null (((ZichaPlanMilestone *) g_ptr_array_index (milestones, 0))->done_on);
  g_clear_pointer (&rows, g_ptr_array_unref);
  {
    g_autoptr(GPtrArray) checks = find_widgets (GTK_WIDGET (overview), GTK_TYPE_CHECK_BUTTON);

    g_assert_cmpuint (checks->len, ==, 1);
    gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
    flush_main_loop ();
  }
  g_clear_pointer (&milestones, g_ptr_array_unref);
  milestones = zicha_plans_list_milestones (db (), plan_id, NULL);
  g_assert_cmpstr (((ZichaPlanMilestone *) g_ptr_array_index (milestones, 0))->done_on, ==,
                   TODAY);

  /* the status, set in the summary at once */
  adw_combo_row_set_selected (zicha_plan_overview_get_status_row (overview),
                              ZICHA_PLAN_IN_PROGRESS);
  flush_main_loop ();
  plan = zicha_plans_get (db (), plan_id, NULL);
  g_assert_cmpint (plan->status, ==, ZICHA_PLAN_IN_PROGRESS);
}

/* Samples ----------------------------------------------------------------------------------- */

static gboolean
dialog_idle (gpointer data)
{
  return !zicha_sample_dialog_get_busy (data);
}

static gboolean
sample_drawn (gpointer data)
{
  g_autoptr(GPtrArray) samples = zicha_sampling_list (db (), plan_id, NULL);

  return samples != NULL && samples->len > 0 && find_toplevel (ZICHA_TYPE_SAMPLE_DIALOG) == NULL;
}

static void
test_draw_sample (void)
{
  ZichaPlansPage *page = show_plans ();
  ZichaSampleView *view = zicha_plans_page_get_samples (page);
  const char *schemes[] = { "EMS", "QMS", NULL };
  ZichaSampleSpec spec = { .method = ZICHA_SAMPLE_WEIGHTED, .has_seed = TRUE, .seed = 4242,
                           .valid_on = TODAY, .schemes = schemes, .size = 3,
                           .key_items = TRUE };
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  ZichaSampleDialog *dialog;
  ZichaSample *sample;
  gint64 frame;

  zicha_plans_page_show_part (page, "samples");
  dialog = ZICHA_SAMPLE_DIALOG (zicha_sample_view_draw (view));
  g_assert_nonnull (dialog);

  /* the frame of today with the plan's schemes, counted in a worker thread; the size
   * proposed is its square root, rounded up */
  g_assert_cmpstr (gtk_editable_get_text (zicha_sample_dialog_get_entry (dialog, "valid-on")),
                   ==, TODAY);
  g_assert_cmpstr (gtk_editable_get_text (zicha_sample_dialog_get_entry (dialog, "schemes")),
                   ==, "EMS QMS");
  g_assert_true (wait_until (dialog_idle, dialog, 10000));
  frame = zicha_sampling_count_frame (db (), &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zicha_sample_dialog_get_frame_size (dialog), ==, frame);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (zicha_sample_dialog_get_size (dialog)), ==,
                   zicha_sampling_default_size (frame));

  /* stratified by scheme: a size per stratum, shared out; then not stratified again */
  adw_combo_row_set_selected (zicha_sample_dialog_get_combo (dialog, "stratify"),
                              ZICHA_SAMPLE_STRATIFY_SCHEME);
  g_assert_true (wait_until (dialog_idle, dialog, 10000));
  {
    g_autoptr(GPtrArray) spins = find_widgets (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);

    g_assert_cmpuint (spins->len, ==, 1 + 2);
  }
  adw_combo_row_set_selected (zicha_sample_dialog_get_combo (dialog, "stratify"),
                              ZICHA_SAMPLE_STRATIFY_NONE);
  g_assert_true (wait_until (dialog_idle, dialog, 10000));

  /* a fixed seed and size, drawn in a worker thread */
  gtk_editable_set_text (zicha_sample_dialog_get_entry (dialog, "seed"), "4242");
  gtk_spin_button_set_value (zicha_sample_dialog_get_size (dialog), 3);
  g_assert_cmpuint (zicha_sample_dialog_get_to_draw (dialog), ==, 3);
  /* (the dialog closes itself when the draw is over) */
  g_object_ref (dialog);
  click (GTK_WIDGET (dialog), "_Draw");
  g_assert_true (wait_until (sample_drawn, NULL, 20000));
  g_clear_object (&dialog);

  samples = zicha_sampling_list (db (), plan_id, NULL);
  g_assert_cmpuint (samples->len, ==, 1);
  sample = g_ptr_array_index (samples, 0);
  g_assert_cmpuint (sample->seed, ==, 4242);
  g_assert_cmpuint (sample->requested_size, ==, 3);
  g_assert_cmpuint (sample->drawn_size, ==, 3);
  g_assert_cmpuint (sample->frame_size, ==, frame);
  g_assert_cmpstr (sample->valid_on, ==, TODAY);
  g_assert_cmpint (sample->method, ==, ZICHA_SAMPLE_WEIGHTED);
  g_assert_cmpint (sample->purpose, ==, ZICHA_SAMPLE_FILE_REVIEW);

  /* the same seed in core draws the same certificates */
  items = zicha_sampling_list_items (db (), sample->id, NULL);
  again = zicha_sampling_list_items (db (), zicha_sampling_draw (db (), plan_id, &spec, "test",
                                                                  &error), NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, again->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((ZichaSampleItem *) g_ptr_array_index (items, i))->cert_no, ==,
                     ((ZichaSampleItem *) g_ptr_array_index (again, i))->cert_no);
  flush_main_loop ();

  /* the page shows the sample drawn through the dialog with its certificates (the one drawn
   * in core is listed after it) */
  zicha_sample_view_select_sample (view, sample->id);
  g_assert_cmpint (zicha_sample_view_get_sample (view), ==, sample->id);
  g_assert_cmpuint (g_list_model_get_n_items (zicha_sample_view_get_items (view)), ==, 3);
}

static void
test_review_sampled (void)
{
  ZichaPlansPage *page = show_plans ();
  ZichaSampleView *view = zicha_plans_page_get_samples (page);
  g_autoptr(GObject) entry = NULL;
  g_autoptr(ZichaSampleItem) item = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ZichaProblemFilter filter = { 0 };
  ZichaSampleReviewDialog *dialog;
  ZichaProblemDialog *raise;
  ZichaPersonRow *person;
  gint64 item_id;

  entry = g_list_model_get_item (zicha_sample_view_get_items (view), 0);
  g_object_get (entry, "id", &item_id, NULL);
  dialog = ZICHA_SAMPLE_REVIEW_DIALOG (zicha_sample_view_review_item (view, item_id));
  g_assert_nonnull (dialog);
  person = zicha_sample_review_dialog_get_assignee_row (dialog);
  gtk_editable_set_text (GTK_EDITABLE (person), "A1");
  gtk_editable_set_text (zicha_sample_review_dialog_get_checked_entry (dialog), "2025-07-02");
  adw_combo_row_set_selected (zicha_sample_review_dialog_get_conclusion_row (dialog),
                              ZICHA_CHECK_NONCONFORMING);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                              zicha_sample_review_dialog_get_notes_view (dialog)),
                            "审核报告缺少签字", -1);

  /* a problem raised from the review: source sample, the certificate as its record */
  click (GTK_WIDGET (dialog), "_Raise Problem…");
  raise = ZICHA_PROBLEM_DIALOG (wait_toplevel (ZICHA_TYPE_PROBLEM_DIALOG));
  g_assert_nonnull (raise);
  gtk_editable_set_text (zicha_problem_dialog_get_title_entry (raise), "审核报告未签字");
  g_assert_cmpint (zicha_problem_dialog_raise (raise), >, 0);
  flush_main_loop ();

  g_assert_true (zicha_sample_review_dialog_save (dialog));
  flush_main_loop ();
  item = zicha_sampling_get_item (db (), item_id, NULL);
  g_assert_cmpstr (item->assignee_person_id, ==, "A1");
  g_assert_cmpstr (item->assignee, ==, "Auditor One");
  g_assert_cmpstr (item->checked_on, ==, "2025-07-02");
  g_assert_cmpint (item->conclusion, ==, ZICHA_CHECK_NONCONFORMING);
  g_assert_cmpstr (item->notes, ==, "审核报告缺少签字");

  filter.sample_item = item_id;
  problems = zicha_problems_query (db (), &filter, ZICHA_PROBLEM_ORDER_NUMBER, FALSE, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  {
    ZichaProblem *problem = g_ptr_array_index (problems, 0);
    g_autoptr(GPtrArray) records = zicha_problems_get_records (db (), problem->id, NULL);

    g_assert_cmpint (problem->source, ==, ZICHA_PROBLEM_SOURCE_SAMPLE);
    g_assert_cmpuint (records->len, ==, 1);
    g_assert_cmpstr (((ZichaProblemRecord *) g_ptr_array_index (records, 0))->record_key, ==,
                     item->cert_no);
    /* the certificate's row shows the review and the problem's number */
    g_assert_true (shows_label (GTK_WIDGET (view),
                                zicha_check_conclusion_get_label (ZICHA_CHECK_NONCONFORMING)));
    g_assert_true (shows_label (GTK_WIDGET (view), problem->number));
  }
}

/* Editing and deleting the plan ---------------------------------------------------------- */

static gboolean
no_plan_shown (gpointer data)
{
  return zicha_plans_page_get_plan (data) == 0;
}

static void
test_edit_and_delete_plan (void)
{
  ZichaPlansPage *page = show_plans ();
  ZichaPlanDialog *dialog;
  AdwMessageDialog *confirm;
  g_autoptr(ZichaPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

  dialog = ZICHA_PLAN_DIALOG (zicha_plans_page_edit_plan (page));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (zicha_plan_dialog_get_entry (dialog, "schemes")), ==,
                   "EMS QMS");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "title"), "2025年度自查（修订）");
  g_assert_cmpint (zicha_plan_dialog_save (dialog), ==, plan_id);
  plan = zicha_plans_get (db (), plan_id, NULL);
  g_assert_cmpstr (plan->title, ==, "2025年度自查（修订）");
  g_assert_cmpstr (plan->leader, ==, "王建国");
  g_assert_true (shows_label (GTK_WIDGET (page), "2025年度自查（修订）"));

  /* Delete asks first; Cancel keeps it */
  confirm = zicha_plans_page_ask_delete_plan (page);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  flush_main_loop ();
  {
    g_autoptr(ZichaPlan) kept = zicha_plans_get (db (), plan_id, NULL);

    g_assert_nonnull (kept);
  }
  confirm = zicha_plans_page_ask_delete_plan (page);
  adw_message_dialog_response (confirm, "go");
  g_assert_true (wait_until (no_plan_shown, page, 5000));
  plans = zicha_plans_list (db (), NULL);
  g_assert_cmpuint (plans->len, ==, 0);
  g_assert_cmpuint (count_log ("plan", key), ==, 4);
  g_assert_true (shows_label (GTK_WIDGET (page),
                              g_dgettext (GETTEXT_PACKAGE, "No Self-Inspection Plan")));
}

/* A file Zicha may not write is shown, never changed: no action edits it. */
static void
test_read_only (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "read-only.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) main_db = g_file_new_for_path (db_path);
  const ZichaPlanFields fields = { "只读方案" };
  ZichaPlansPage *page;
  ZichaChecklistView *view;
  ZichaChecklistItem *first, *second;
  AdwComboRow *status;
  g_autoptr(GPtrArray) items = NULL;
  gint64 id;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ZichaDb) ro = zicha_db_open (path, ZICHA_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
    id = zicha_plans_create (ro, &fields, "test", &error);
    g_assert_no_error (error);
    items = zicha_checklist_list (ro, id, NULL);
  }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (zicha_window_open_database (window, file));
  g_assert_true (zicha_db_get_read_only (db ()));
  page = show_plans ();
  g_assert_cmpint (zicha_plans_page_get_plan (page), ==, id);
  g_assert_true (zicha_plans_page_get_read_only (page));

  /* (disabled actions are found but do nothing) */
  gtk_widget_activate_action (GTK_WIDGET (page), "plans.new", NULL);
  flush_main_loop ();
  g_assert_null (zicha_plans_page_new_plan (page));
  g_assert_null (zicha_plans_page_edit_plan (page));
  g_assert_null (zicha_plans_page_ask_delete_plan (page));
  g_assert_null (find_toplevel (ZICHA_TYPE_PLAN_DIALOG));
  status = zicha_plan_overview_get_status_row (zicha_plans_page_get_overview (page));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (status)));
  view = zicha_plans_page_get_checklist (page);
  first = g_ptr_array_index (items, 0);
  second = g_ptr_array_index (items, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (zicha_checklist_view_get_check (view,
                                                                                 first->id))));
  g_assert_false (zicha_checklist_view_move_item (view, second->id, -1));
  g_assert_null (zicha_sample_view_draw (zicha_plans_page_get_samples (page)));

  g_assert_true (zicha_window_open_database (window, main_db));
  flush_main_loop ();
  g_chmod (path, 0644);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;

  zicha_ui_test_init (&argc, &argv, "ui-plans");

  /* the small body of tests/data/plans, on its day */
  folder = g_test_build_filename (G_TEST_DIST, "data", "plans", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ZichaDb) body = zicha_db_open (db_path, ZICHA_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
    zicha_test_import (body, folder);
    g_assert_true (zicha_db_set_setting (body, "demo-today", TODAY, &error));
  }

  g_test_add_func ("/ui/plans/create", test_create_plan);
  g_test_add_func ("/ui/plans/tick-item", test_tick_item);
  g_test_add_func ("/ui/plans/reorder-by-keyboard", test_reorder_by_keyboard);
  g_test_add_func ("/ui/plans/edit-and-add-item", test_edit_and_add_item);
  g_test_add_func ("/ui/plans/raise-problem", test_raise_problem_from_item);
  g_test_add_func ("/ui/plans/staff-and-milestones", test_staff_and_milestones);
  g_test_add_func ("/ui/plans/draw-sample", test_draw_sample);
  g_test_add_func ("/ui/plans/review-sample", test_review_sampled);
  g_test_add_func ("/ui/plans/edit-and-delete", test_edit_and_delete_plan);
  g_test_add_func ("/ui/plans/read-only", test_read_only);

  return zicha_ui_test_run ();
}
