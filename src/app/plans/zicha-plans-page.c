/* zicha-plans-page.c — the self-inspection plans (自查方案): plans, checklists and samples
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Left the plans (title, period, status, checklist progress) and a New Plan button; right the
 * plan selected in three parts: its summary (fields, status, progress per focus area,
 * overdue items, staff and milestones: ZichaPlanOverview), its checklist (ZichaChecklistView)
 * and its samples (ZichaSampleView). Without a plan, a status page offers to make one.
 *
 * Every edit, in a part or a dialog, goes through core with the user's name (core writes the
 * change history) and then tells the session (zicha_page_emit_changed ()): refresh () is the
 * one way anything is shown anew, for this page's own changes as for those of other pages
 * (problems raised or withdrawn, records imported), and it keeps the plan and part shown. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-checklist-view.h"
#include "zicha-page.h"
#include "zicha-plan-dialog.h"
#include "zicha-plan-overview.h"
#include "zicha-plans-page-private.h"
#include "zicha-plans-ui-private.h"
#include "zicha-sample-view.h"

struct _ZichaPlansPage
{
  GtkWidget           parent_instance;

  ZichaDb            *db;
  gint64              plan_id;
  gboolean            syncing;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *content_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *plan_box;
  GtkListBox         *plan_list;
  GtkLabel           *plan_title;
  GtkLabel           *plan_subtitle;
  AdwViewStack       *view_stack;
  ZichaPlanOverview  *overview;
  ZichaChecklistView *checklist;
  ZichaSampleView    *samples;
};

static void zicha_plans_page_page_init (ZichaPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZichaPlansPage, zicha_plans_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ZICHA_TYPE_PAGE,
                                                      zicha_plans_page_page_init))

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The plan list ----------------------------------------------------------------------------- */

/* "2026-01-01 – 2026-06-30", one end alone, or NULL. */
static char *
format_period (const ZichaPlan *plan)
{
  if (plan->period_from != NULL && plan->period_to != NULL)
    /* Translators: a period from one date to another */
    return g_strdup_printf (_("%1$s to %2$s"), plan->period_from, plan->period_to);
  if (plan->period_from != NULL)
    /* Translators: a period with a start only */
    return g_strdup_printf (_("from %s"), plan->period_from);
  if (plan->period_to != NULL)
    /* Translators: a period with an end only */
    return g_strdup_printf (_("until %s"), plan->period_to);
  return NULL;
}

static GtkWidget *
make_plan_row (ZichaPlansPage  *self,
               const ZichaPlan *plan)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (plan->title);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *count = gtk_label_new (NULL);
  g_autofree char *period = format_period (plan);
  g_autofree char *meta_text = NULL;
  g_autofree char *count_text = NULL;
  ZichaPlanProgress progress = { 0 };
  char today[11];

  _zicha_plans_ui_today (self->db, today);
  if (!zicha_plans_get_progress (self->db, plan->id, today, &progress, NULL))
    memset (&progress, 0, sizeof progress);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 18);
  gtk_widget_set_tooltip_text (title, plan->title);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  if (period != NULL)
    /* Translators: a plan in the list: %1$s its period, %2$s its status (草稿, 进行中…) */
    meta_text = g_strdup_printf (_("%1$s · %2$s"), period,
                                 zicha_plan_status_get_label (plan->status));
  else
    meta_text = g_strdup (zicha_plan_status_get_label (plan->status));
  gtk_label_set_text (GTK_LABEL (meta), meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (meta), 24);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), meta);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar),
                                 progress.total > 0 ? (double) progress.done / progress.total
                                                    : 0.0);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  /* Translators: checklist items done of all, e.g. "5/14" */
  count_text = g_strdup_printf (_("%1$u/%2$u"), progress.done, progress.total);
  gtk_label_set_text (GTK_LABEL (count), count_text);
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (progress_box), bar);
  gtk_box_append (GTK_BOX (progress_box), count);
  gtk_box_append (GTK_BOX (box), progress_box);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "zicha-plan", g_memdup2 (&plan->id, sizeof plan->id),
                          g_free);
  return row;
}

static gint64
row_plan (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "zicha-plan") : NULL;

  return id != NULL ? *id : 0;
}

static void
update_actions (ZichaPlansPage *self)
{
  gboolean writable = !zicha_plans_page_get_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.edit",
                                 writable && self->plan_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.delete",
                                 writable && self->plan_id != 0);
}

/* The plan shown: its header and its three parts. */
static void
show_plan (ZichaPlansPage *self)
{
  g_autoptr(ZichaPlan) plan = NULL;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;

  plan = self->db != NULL && self->plan_id != 0 ? zicha_plans_get (self->db, self->plan_id, NULL)
                                                : NULL;
  if (plan == NULL)
    self->plan_id = 0;
  gtk_label_set_text (self->plan_title, plan != NULL ? plan->title : "");
  if (plan != NULL && (period = format_period (plan)) != NULL)
    subtitle = g_strdup_printf (_("%1$s · %2$s"), period,
                                zicha_plan_status_get_label (plan->status));
  else if (plan != NULL)
    subtitle = g_strdup (zicha_plan_status_get_label (plan->status));
  gtk_label_set_text (self->plan_subtitle, subtitle != NULL ? subtitle : "");

  zicha_plan_overview_set_plan (self->overview, self->db, self->plan_id);
  zicha_checklist_view_set_plan (self->checklist, self->db, self->plan_id);
  zicha_sample_view_set_plan (self->samples, self->db, self->plan_id);
  update_actions (self);
}

/* Reads the plans again and shows them, keeping the plan shown when it is still there. */
static void
reload (ZichaPlansPage *self)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *selected = NULL;
  GtkWidget *child;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, child);

  if (self->db != NULL && (plans = zicha_plans_list (self->db, &error)) == NULL)
    zicha_plans_page_show_toast (self, error->message);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      ZichaPlan *plan = g_ptr_array_index (plans, i);
      GtkWidget *row = make_plan_row (self, plan);

      gtk_list_box_append (self->plan_list, row);
      if (plan->id == self->plan_id)
        selected = GTK_LIST_BOX_ROW (row);
    }
  /* the plan shown is gone (or none was): the newest */
  if (selected == NULL)
    selected = gtk_list_box_get_row_at_index (self->plan_list, 0);
  gtk_list_box_select_row (self->plan_list, selected);
  self->plan_id = row_plan (selected);
  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->content_stack,
                                    plans != NULL && plans->len > 0 ? "plans" : "empty");
  show_plan (self);
}

static void
on_plan_selected_cb (ZichaPlansPage *self,
                     GtkListBoxRow  *row,
                     GtkListBox     *list)
{
  if (self->syncing || row == NULL || row_plan (row) == self->plan_id)
    return;
  self->plan_id = row_plan (row);
  show_plan (self);
}

static void
on_plan_activated_cb (ZichaPlansPage *self,
                      GtkListBoxRow  *row,
                      GtkListBox     *list)
{
  adw_leaflet_set_visible_child (self->leaflet, self->plan_box);
}

static void
on_back_clicked_cb (ZichaPlansPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Actions -------------------------------------------------------------------------------- */

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  zicha_plans_page_new_plan (ZICHA_PLANS_PAGE (widget));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  zicha_plans_page_edit_plan (ZICHA_PLANS_PAGE (widget));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  zicha_plans_page_ask_delete_plan (ZICHA_PLANS_PAGE (widget));
}

typedef struct
{
  ZichaPlansPage *page;
  gint64          plan_id;
} DeleteData;

static void
delete_data_free (gpointer data)
{
  DeleteData *d = data;

  g_object_unref (d->page);
  g_free (d);
}

static void
delete_confirmed (gpointer data)
{
  DeleteData *d = data;
  g_autofree char *user_name = _zicha_plans_ui_user_name (d->page);
  g_autoptr(GError) error = NULL;

  if (d->page->db == NULL)
    return;
  if (!zicha_plans_delete (d->page->db, d->plan_id, user_name, &error))
    {
      zicha_plans_page_show_toast (d->page, error->message);
      return;
    }
  if (d->page->plan_id == d->plan_id)
    d->page->plan_id = 0;
  _zicha_plans_ui_changed (d->page, ZICHA_CHANGE_PLANS);
  zicha_plans_page_show_toast (d->page, _("Plan deleted"));
}

/* GObject and GtkWidget ------------------------------------------------------------------ */

static void
zicha_plans_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZichaPlansPage *self = ZICHA_PLANS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_plans_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ZichaPlansPage *self = ZICHA_PLANS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      zicha_plans_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_plans_page_dispose (GObject *object)
{
  ZichaPlansPage *self = ZICHA_PLANS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_PLANS_PAGE);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (zicha_plans_page_parent_class)->dispose (object);
}

/* ZichaPage: plans, problems (raised from items), risk leads (key items and scores of the
 * next sample) or records (names of persons and organizations) changed, here or elsewhere. */
static void
zicha_plans_page_page_refresh (ZichaPage        *page,
                               ZichaChangeFlags  what)
{
  ZichaPlansPage *self = ZICHA_PLANS_PAGE (page);

  if (what & (ZICHA_CHANGE_PLANS | ZICHA_CHANGE_PROBLEMS | ZICHA_CHANGE_HITS
              | ZICHA_CHANGE_RECORDS))
    reload (self);
}

static void
zicha_plans_page_page_init (ZichaPageInterface *iface)
{
  iface->refresh = zicha_plans_page_page_refresh;
}

static void
zicha_plans_page_class_init (ZichaPlansPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zicha_plans_page_get_property;
  object_class->set_property = zicha_plans_page_set_property;
  object_class->dispose = zicha_plans_page_dispose;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, ZICHA_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZICHA_TYPE_PLAN_OVERVIEW);
  g_type_ensure (ZICHA_TYPE_CHECKLIST_VIEW);
  g_type_ensure (ZICHA_TYPE_SAMPLE_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-plans-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, plan_box);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, plan_title);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, plan_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, overview);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, checklist);
  gtk_widget_class_bind_template_child (widget_class, ZichaPlansPage, samples);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "plans.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "plans.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "plans.delete", NULL, delete_activated);
}

static void
zicha_plans_page_init (ZichaPlansPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reload (self);
}

/* Public API ------------------------------------------------------------------------------ */

GtkWidget *
zicha_plans_page_new (void)
{
  return g_object_new (ZICHA_TYPE_PLANS_PAGE, NULL);
}

ZichaDb *
zicha_plans_page_get_db (ZichaPlansPage *self)
{
  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);
  return self->db;
}

void
zicha_plans_page_set_db (ZichaPlansPage *self,
                         ZichaDb        *db)
{
  g_return_if_fail (ZICHA_IS_PLANS_PAGE (self));
  g_return_if_fail (db == NULL || ZICHA_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;
  self->plan_id = 0;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

gboolean
zicha_plans_page_get_read_only (ZichaPlansPage *self)
{
  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), TRUE);
  return self->db == NULL || zicha_db_get_read_only (self->db);
}

gint64
zicha_plans_page_get_plan (ZichaPlansPage *self)
{
  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), 0);
  return self->plan_id;
}

void
zicha_plans_page_select_plan (ZichaPlansPage *self,
                              gint64          plan_id)
{
  g_return_if_fail (ZICHA_IS_PLANS_PAGE (self));

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->plan_list, i);

      if (row == NULL)
        break;
      if (row_plan (row) == plan_id)
        {
          gtk_list_box_select_row (self->plan_list, row);
          adw_leaflet_set_visible_child (self->leaflet, self->plan_box);
          return;
        }
    }
}

void
zicha_plans_page_show_part (ZichaPlansPage *self,
                            const char     *name)
{
  g_return_if_fail (ZICHA_IS_PLANS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
zicha_plans_page_get_part (ZichaPlansPage *self)
{
  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWindow *
zicha_plans_page_new_plan (ZichaPlansPage *self)
{
  ZichaPlanDialog *dialog;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);

  if (zicha_plans_page_get_read_only (self))
    return NULL;
  dialog = zicha_plan_dialog_new (self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
zicha_plans_page_edit_plan (ZichaPlansPage *self)
{
  ZichaPlanDialog *dialog;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);

  if (zicha_plans_page_get_read_only (self) || self->plan_id == 0)
    return NULL;
  dialog = zicha_plan_dialog_new (self, self->plan_id);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

AdwMessageDialog *
zicha_plans_page_ask_delete_plan (ZichaPlansPage *self)
{
  g_autoptr(ZichaPlan) plan = NULL;
  g_autofree char *heading = NULL;
  DeleteData *d;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);

  if (zicha_plans_page_get_read_only (self) || self->plan_id == 0
      || (plan = zicha_plans_get (self->db, self->plan_id, NULL)) == NULL)
    return NULL;

  d = g_new0 (DeleteData, 1);
  d->page = g_object_ref (self);
  d->plan_id = plan->id;
  /* Translators: %s is the title of a self-inspection plan */
  heading = g_strdup_printf (_("Delete “%s”?"), plan->title);
  return _zicha_plans_ui_confirm (GTK_WIDGET (self), heading,
                                  _("The plan is deleted with its staff, milestones, checklist "
                                    "and samples. The change history keeps what they were."),
                                  _("_Delete"), delete_confirmed, d, delete_data_free);
}

AdwToast *
zicha_plans_page_show_toast (ZichaPlansPage *self,
                             const char     *title)
{
  AdwToast *toast;

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

/* Test hooks ------------------------------------------------------------------------------ */

ZichaPlanOverview *
zicha_plans_page_get_overview (ZichaPlansPage *self)
{
  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);
  return self->overview;
}

ZichaChecklistView *
zicha_plans_page_get_checklist (ZichaPlansPage *self)
{
  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);
  return self->checklist;
}

ZichaSampleView *
zicha_plans_page_get_samples (ZichaPlansPage *self)
{
  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);
  return self->samples;
}

GtkListBox *
zicha_plans_page_get_plan_list (ZichaPlansPage *self)
{
  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (self), NULL);
  return self->plan_list;
}
