/* zicha-screenshots.c — renders every page of the main window to PNG files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used to look at the app as a user would (README, AppStream screenshot) and to
 * review each page in zh_CN. Run it with build-aux/screenshots.sh. Folders named after the
 * database and output folder are imported first through the import dialog, each
 * rendered as import-N.png; then the main lists of the Records page are rendered with
 * their first record selected (records-KIND.png). The plans page gets a plan of its own when
 * the database has none (made through its dialog, then filled through core), and each of its
 * parts and dialogs is rendered (plans-*.png). */
#define G_LOG_DOMAIN "zicha-screenshots"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-core.h"
#include "zicha-application.h"
#include "zicha-checklist-item-dialog.h"
#include "zicha-import-dialog.h"
#include "zicha-page.h"
#include "zicha-plan-dialog.h"
#include "zicha-plans-page-private.h"
#include "zicha-plans.h"
#include "zicha-problem-dialog.h"
#include "zicha-problems.h"
#include "zicha-record-list.h"
#include "zicha-sample-dialog.h"
#include "zicha-sample-review-dialog.h"
#include "zicha-sampling.h"
#include "zicha-record-view.h"
#include "zicha-records-page.h"
#include "zicha-risk-leads-page-private.h"
#include "zicha-window.h"

static const char *pages[] = {
  "overview", "plans", "risk-leads", "problems", "rectification", "records", "report",
};

static ZichaApplication *app;
static const char *out_dir;
static const char *db_path;
static char **import_folders;
static int status;

static gboolean
wake_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wake_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
save_window (GtkWidget  *window,
             const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  wait_ms (600);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  if (node == NULL || renderer == NULL)
    {
      g_printerr ("could not render %s\n", name);
      status = 1;
      return;
    }
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", out_dir, name);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("could not save %s\n", path);
      status = 1;
      return;
    }
  g_print ("%s\n", path);
}

static gboolean
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

/* Waits until the first cell of @view is on screen (at most 10 s). */
static void
wait_first_row_shown (ZichaRecordView *view)
{
  ZichaRecordList *list = zicha_record_view_get_list (view);
  g_autoptr(ZichaRecordRow) row = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (list == NULL)
    return;
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  if (row == NULL)
    return;
  while (!find_label (GTK_WIDGET (zicha_record_view_get_column_view (view)),
                      zicha_record_row_get_value (row, 0))
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the rules through the page when they never ran (a fresh demo database), then selects
 * the first risk lead so that its details show. */
static void
prepare_risk_leads (ZichaWindow *win)
{
  ZichaRiskLeadsPage *page = zicha_window_get_risk_leads_page (win);
  ZichaHitList *list;

  wait_ms (300);
  if (g_str_equal (zicha_risk_leads_page_get_state (page), "empty")
      && zicha_risk_leads_page_run (page))
    {
      while (zicha_risk_leads_page_get_running (page))
        g_main_context_iteration (NULL, TRUE);
    }
  list = zicha_risk_leads_page_get_list (page);
  if (list == NULL)
    return;
  zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    zicha_risk_leads_page_select (page, 0);
}

/* The plans page ------------------------------------------------------------------------- */

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_dialog (GtkWindow  *dialog,
             const char *name)
{
  if (dialog == NULL)
    {
      g_printerr ("no dialog for %s\n", name);
      status = 1;
      return;
    }
  gtk_window_present (dialog);
  save_window (GTK_WIDGET (dialog), name);
  gtk_window_destroy (dialog);
}

/* A plan as a user would have it a few weeks in: made through the New Plan dialog (rendered),
 * then staff, milestones, the state of some items, a problem, a sample and its review. */
static void
make_plan (ZichaWindow    *win,
           ZichaPlansPage *page)
{
  ZichaDb *db = zicha_window_get_db (win);
  g_autofree char *today = zicha_db_get_setting (db, "demo-today");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  ZichaPlanDialog *dialog;
  const char *user = "质量管理部 李敏";
  gint64 plan;
  char due[11];

  dialog = ZICHA_PLAN_DIALOG (zicha_plans_page_new_plan (page));
  if (dialog == NULL)
    return;
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "title"),
                         "2026年度认证质量自查工作方案");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "from"), "2026-03-01");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "to"), "2026-09-30");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "schemes"), "QMS EMS OHSMS");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "years"), "2024 2025 2026");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "department"), "质量管理部");
  gtk_editable_set_text (zicha_plan_dialog_get_entry (dialog, "leader"), "王建国");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (zicha_plan_dialog_get_description (dialog)),
                            "按照市场监管总局关于开展认证质量自查的通知要求，对本机构"
                            "2024年以来的认证活动开展全面自查。", -1);
  save_window (GTK_WIDGET (dialog), "plans-dialog-new");
  plan = zicha_plan_dialog_save (dialog);
  if (plan == 0)
    return;

  zicha_plans_add_staff (db, plan, NULL, "李敏", "自查组组长", user, NULL);
  zicha_plans_add_staff (db, plan, NULL, "陈晓东", "档案抽查", user, NULL);
  zicha_plans_add_staff (db, plan, NULL, "周丽", "获证组织核验", user, NULL);
  zicha_plans_add_milestone (db, plan, "制定自查方案", "2026-03-10", user, NULL);
  zicha_plans_add_milestone (db, plan, "完成档案抽查", "2026-06-15", user, NULL);
  zicha_plans_add_milestone (db, plan, "提交自查整改报告", "2026-09-30", user, NULL);
  {
    g_autoptr(GPtrArray) milestones = zicha_plans_list_milestones (db, plan, NULL);
    ZichaPlanMilestone *m = g_ptr_array_index (milestones, 0);

    zicha_plans_update_milestone (db, m->id, m->title, m->due_on, "2026-03-09", user, NULL);
  }
  zicha_plans_set_status (db, plan, ZICHA_PLAN_IN_PROGRESS, user, NULL);

  items = zicha_checklist_list (db, plan, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      ZichaChecklistItem *item = g_ptr_array_index (items, i);
      ZichaChecklistChange change = { 0 };

      change.assignee = i % 3 == 0 ? "陈晓东" : i % 3 == 1 ? "周丽" : "李敏";
      g_snprintf (due, sizeof due, "2026-%02u-%02u", 5 + i % 3, 10 + i);
      change.due_on = due;
      change.status = i < 4 ? ZICHA_CHECKLIST_DONE : i < 7 ? ZICHA_CHECKLIST_IN_PROGRESS
                                                           : ZICHA_CHECKLIST_TODO;
      change.conclusion = i < 3 ? ZICHA_CHECK_CONFORMING
                                : i == 3 ? ZICHA_CHECK_NONCONFORMING : ZICHA_CHECK_NONE;
      change.notes = i == 3 ? "抽查12份档案，2份现场审核记录与审核计划不一致" : NULL;
      zicha_checklist_update (db, item->id, &change,
                              ZICHA_CHECKLIST_FIELD_ASSIGNEE | ZICHA_CHECKLIST_FIELD_DUE_ON
                              | ZICHA_CHECKLIST_FIELD_STATUS | ZICHA_CHECKLIST_FIELD_CONCLUSION
                              | ZICHA_CHECKLIST_FIELD_NOTES, user, NULL);
      if (i == 3)
        {
          ZichaProblemDraft draft = { .area = zicha_rule_area_to_string (item->area),
                                      .severity = "medium", .title = "现场审核记录与审核计划不一致",
                                      .source = ZICHA_PROBLEM_SOURCE_CHECKLIST,
                                      .checklist_item = item->id, .clause = item->text,
                                      .found_by = user };

          zicha_problems_create (db, &draft, NULL, 0, user, NULL, NULL);
        }
    }
  {
    ZichaSampleSpec spec = { .method = ZICHA_SAMPLE_WEIGHTED, .has_seed = TRUE, .seed = 20260315,
                             .valid_on = today, .stratify = ZICHA_SAMPLE_STRATIFY_SCHEME,
                             .key_items = TRUE };
    gint64 sample = zicha_sampling_draw (db, plan, &spec, user, NULL);
    g_autoptr(GPtrArray) sampled = zicha_sampling_list_items (db, sample, NULL);

    for (guint i = 0; sampled != NULL && i < MIN (sampled->len, 6u); i++)
      {
        ZichaSampleItem *item = g_ptr_array_index (sampled, i);
        ZichaSampleReview review = { NULL, "陈晓东", "2026-05-20",
                                     i == 1 ? ZICHA_CHECK_NONCONFORMING : ZICHA_CHECK_CONFORMING,
                                     i == 1 ? "审核组未覆盖全部生产场所" : NULL };

        zicha_sampling_review_item (db, item->id, &review,
                                    ZICHA_SAMPLE_ITEM_FIELD_ASSIGNEE
                                    | ZICHA_SAMPLE_ITEM_FIELD_CHECKED_ON
                                    | ZICHA_SAMPLE_ITEM_FIELD_CONCLUSION
                                    | ZICHA_SAMPLE_ITEM_FIELD_NOTES, user, NULL);
      }
  }
  zicha_page_emit_changed (ZICHA_PAGE (page), ZICHA_CHANGE_PLANS | ZICHA_CHANGE_PROBLEMS);
}

/* Renders the plans page: empty (a database without plans), its summary, checklist and
 * samples, and each of its dialogs. */
static void
render_plans (ZichaWindow *win)
{
  ZichaPlansPage *page = ZICHA_PLANS_PAGE (find_widget (GTK_WIDGET (win),
                                                        ZICHA_TYPE_PLANS_PAGE));
  ZichaDb *db = zicha_window_get_db (win);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) sampled = NULL;
  ZichaSampleView *samples;
  GtkWindow *dialog;
  gint64 plan;

  if (page == NULL || db == NULL)
    return;
  if (zicha_plans_page_get_plan (page) == 0)
    {
      save_window (GTK_WIDGET (win), "plans-empty");
      make_plan (win, page);
    }
  plan = zicha_plans_page_get_plan (page);
  if (plan == 0)
    return;

  zicha_plans_page_show_part (page, "overview");
  save_window (GTK_WIDGET (win), "plans");
  {
    GtkWidget *scrolled = find_widget (GTK_WIDGET (zicha_plans_page_get_overview (page)),
                                       GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save_window (GTK_WIDGET (win), "plans-2");
    gtk_adjustment_set_value (adjustment, 0);
  }
  zicha_plans_page_show_part (page, "checklist");
  save_window (GTK_WIDGET (win), "plans-checklist");
  zicha_plans_page_show_part (page, "samples");
  save_window (GTK_WIDGET (win), "plans-samples");

  save_dialog (zicha_plans_page_edit_plan (page), "plans-dialog-plan");
  items = zicha_checklist_list (db, plan, NULL);
  if (items != NULL && items->len > 3)
    {
      ZichaChecklistItem *item = g_ptr_array_index (items, 3);

      save_dialog (GTK_WINDOW (zicha_checklist_item_dialog_new (page, plan, item->id)),
                   "plans-dialog-item");
      dialog = GTK_WINDOW (zicha_problem_dialog_new_for_checklist (page, item->id));
      if (dialog != NULL)
        gtk_editable_set_text (zicha_problem_dialog_get_title_entry (ZICHA_PROBLEM_DIALOG (dialog)),
                               "审核时间不足，未覆盖全部场所");
      save_dialog (dialog, "plans-dialog-problem");
    }
  save_dialog (GTK_WINDOW (zicha_plan_overview_add_staff (zicha_plans_page_get_overview (page))),
               "plans-dialog-staff");
  save_dialog (GTK_WINDOW (zicha_plan_overview_edit_milestone (zicha_plans_page_get_overview (page),
                                                               0)),
               "plans-dialog-milestone");

  samples = zicha_plans_page_get_samples (page);
  dialog = zicha_sample_view_draw (samples);
  if (dialog != NULL)
    {
      adw_combo_row_set_selected (zicha_sample_dialog_get_combo (ZICHA_SAMPLE_DIALOG (dialog),
                                                                 "stratify"),
                                  ZICHA_SAMPLE_STRATIFY_SCHEME);
      wait_ms (300);
      while (zicha_sample_dialog_get_busy (ZICHA_SAMPLE_DIALOG (dialog)))
        g_main_context_iteration (NULL, TRUE);
      save_window (GTK_WIDGET (dialog), "plans-dialog-sample");
      /* and its lower half: sizes per stratum, the seed */
      {
        GtkWidget *scrolled = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment = scrolled != NULL
          ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)) : NULL;

        if (adjustment != NULL)
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      }
    }
  save_dialog (dialog, "plans-dialog-sample-2");
  sampled = zicha_sampling_list_items (db, zicha_sample_view_get_sample (samples), NULL);
  if (sampled != NULL && sampled->len > 1)
    save_dialog (zicha_sample_view_review_item (samples,
                                                ((ZichaSampleItem *) g_ptr_array_index (sampled,
                                                                                        1))->id),
                 "plans-dialog-review");
  save_dialog (GTK_WINDOW (zicha_plans_page_ask_delete_plan (page)), "plans-dialog-delete");
  zicha_plans_page_show_part (page, "overview");
}

static gboolean
run_cb (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  GtkWidget *win;
  guint i;

  if (windows == NULL)
    {
      status = 1;
      g_application_quit (G_APPLICATION (app));
      return G_SOURCE_REMOVE;
    }
  win = windows->data;
  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 720);

  for (i = 0; import_folders != NULL && import_folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (import_folders[i]);
      ZichaImportDialog *dialog = zicha_window_import_folder (ZICHA_WINDOW (win), folder);
      g_autofree char *name = g_strdup_printf ("import-%u", i + 1);

      if (dialog == NULL)
        continue;
      while (g_strcmp0 (zicha_import_dialog_get_state (dialog), "running") == 0)
        g_main_context_iteration (NULL, TRUE);
      save_window (GTK_WIDGET (dialog), name);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  for (i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (win, "win.show-page", "s", pages[i]);
      if (g_str_equal (pages[i], "risk-leads"))
        prepare_risk_leads (ZICHA_WINDOW (win));
      if (g_str_equal (pages[i], "plans"))
        render_plans (ZICHA_WINDOW (win));
      else
        save_window (win, pages[i]);
    }

  {
    static const ZichaRecordKind kinds[] = {
      ZICHA_RECORD_CERTIFICATES, ZICHA_RECORD_ORGANIZATIONS, ZICHA_RECORD_PERSONNEL,
      ZICHA_RECORD_AUDITS, ZICHA_RECORD_EXPENSES, ZICHA_RECORD_CHECKINS,
    };
    ZichaRecordsPage *page = zicha_window_get_records_page (ZICHA_WINDOW (win));

    gtk_widget_activate_action (win, "win.show-page", "s", "records");
    for (i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        gint64 start = g_get_monotonic_time ();
        ZichaRecordView *view = zicha_records_page_show_kind (page, kinds[i]);
        g_autofree char *name = g_strdup_printf ("records-%s",
                                                 zicha_record_kind_get_id (kinds[i]));
        ZichaRecordList *list;

        wait_first_row_shown (view);
        g_printerr ("%s: first rows shown after %.0f ms\n", name,
                    (g_get_monotonic_time () - start) / 1000.0);
        list = zicha_record_view_get_list (view);
        if (list != NULL)
          {
            zicha_paged_list_wait (ZICHA_PAGED_LIST (list));
            if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
              gtk_selection_model_select_item (
                gtk_column_view_get_model (zicha_record_view_get_column_view (view)), 0, TRUE);
          }
        save_window (win, name);
      }
  }
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  const char *av[4];

  if (argc < 3)
    {
      g_printerr ("usage: %s DATABASE OUTPUT-FOLDER [IMPORT-FOLDER…]\n", argv[0]);
      return 2;
    }
  db_path = argv[1];
  out_dir = argv[2];
  import_folders = argv + 3;
  g_mkdir_with_parents (out_dir, 0755);

  zicha_core_init_i18n ();
  app = zicha_application_new (G_APPLICATION_NON_UNIQUE);
  av[0] = "zicha";
  av[1] = "--db";
  av[2] = db_path;
  av[3] = NULL;
  g_idle_add (run_cb, NULL);
  g_application_run (G_APPLICATION (app), 3, (char **) av);
  g_object_unref (app);
  return status;
}
