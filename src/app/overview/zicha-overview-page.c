/* zicha-overview-page.c — the Overview page (概览): how far the self-inspection has come
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three sections, all from one ZichaOverview read in a worker thread with a connection of its
 * own (zicha_overview_query_async; some 60–80 ms on a body of 1,000,000 certificates): the
 * records and the last import, the risk identification (last run, risk leads by status and a
 * card per focus area that opens its open risk leads) and the problems. The counts are read
 * again whenever the page is shown and when the window says the database changed. */
#define G_LOG_DOMAIN "zicha-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-area-card.h"
#include "zicha-overview-page.h"
#include "zicha-page.h"

/* The spinner shows only when the counts take longer than this. */
#define SPINNER_DELAY_MS 250

enum {
  RECORD_CERTIFICATES,
  RECORD_ORGANIZATIONS,
  RECORD_PERSONNEL,
  RECORD_AUDITS,
  N_RECORD_STATS
};

enum {
  PROBLEMS_ALL,
  PROBLEMS_OPEN,
  PROBLEMS_IN_RECTIFICATION,
  PROBLEMS_CLOSED,
  N_PROBLEM_STATS
};

struct _ZichaOverviewPage
{
  GtkWidget       parent_instance;

  ZichaDb        *db;
  ZichaOverview  *overview;
  GCancellable   *cancellable;    /* of the refresh under way, NULL when none */
  guint           spinner_id;

  GtkLabel       *record_counts[N_RECORD_STATS];
  GtkLabel       *certificates_detail;
  GtkLabel       *status_counts[ZICHA_HIT_RESOLVED + 1];
  ZichaAreaCard  *area_cards[ZICHA_OVERVIEW_N_AREAS];
  GtkLabel       *problem_counts[N_PROBLEM_STATS];

  /* Template widgets */
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkLabel       *body_label;
  GtkLabel       *approval_label;
  GtkWidget      *records_box;
  GtkWidget      *import_list;
  AdwActionRow   *import_row;
  GtkLabel       *import_rows_label;
  GtkWidget      *import_card;
  GtkWidget      *run_list;
  AdwActionRow   *run_row;
  GtkLabel       *run_hits_label;
  GtkWidget      *run_card;
  GtkLabel       *run_card_label;
  GtkWidget      *run_button;
  GtkWidget      *status_box;
  GtkWidget      *areas_box;
  AdwPreferencesGroup *problems_group;
  GtkWidget      *problems_box;
};

static void zicha_overview_page_page_init (ZichaPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZichaOverviewPage, zicha_overview_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ZICHA_TYPE_PAGE,
                                                      zicha_overview_page_page_init))

enum {
  PROP_0,
  PROP_DB,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers --------------------------------------------------------------------------------- */

static void
set_count (GtkLabel *label,
           gint64    n)
{
  g_autofree char *text = _zicha_app_format_count (n);

  gtk_label_set_text (label, text);
}

static void
set_margins (GtkWidget *widget,
             int        vertical,
             int        horizontal)
{
  gtk_widget_set_margin_start (widget, horizontal);
  gtk_widget_set_margin_end (widget, horizontal);
  gtk_widget_set_margin_top (widget, vertical);
  gtk_widget_set_margin_bottom (widget, vertical);
}

/* Filling in ------------------------------------------------------------------------------ */

static void
update_records (ZichaOverviewPage   *self,
                const ZichaOverview *o)
{
  gboolean imported = o->import_id > 0;

  if (o->body_name != NULL && *o->body_name != '\0')
    gtk_label_set_text (self->body_label, o->body_name);
  else
    gtk_label_set_text (self->body_label, _("Self-Inspection Overview"));
  if (o->body_approval_no != NULL && *o->body_approval_no != '\0')
    {
      /* Translators: %s is the approval number of the certification body (批准书编号) */
      g_autofree char *text = g_strdup_printf (_("Approval number %s"), o->body_approval_no);

      gtk_label_set_text (self->approval_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->approval_label),
                          o->body_approval_no != NULL && *o->body_approval_no != '\0');

  set_count (self->record_counts[RECORD_CERTIFICATES], o->certificates);
  set_count (self->record_counts[RECORD_ORGANIZATIONS], o->organizations);
  set_count (self->record_counts[RECORD_PERSONNEL], o->personnel);
  set_count (self->record_counts[RECORD_AUDITS], o->audits);
  {
    g_autofree char *valid = _zicha_app_format_count (o->certificates_valid);
    g_autofree char *suspended = _zicha_app_format_count (o->certificates_suspended);
    /* Translators: certificates by status; %1$s and %2$s are numbers */
    g_autofree char *text = g_strdup_printf (_("%1$s valid, %2$s suspended"), valid, suspended);

    gtk_label_set_text (self->certificates_detail, text);
  }

  gtk_widget_set_visible (self->records_box, imported || o->certificates > 0);
  gtk_widget_set_visible (self->import_list, imported);
  gtk_widget_set_visible (self->import_card, !imported);
  if (imported)
    {
      g_autofree char *when = _zicha_app_format_time (o->import_finished_at);
      g_autofree char *folder = g_filename_display_name (o->import_folder != NULL
                                                         ? o->import_folder : "");
      g_autofree char *subtitle = NULL;
      g_autofree char *rows = _zicha_app_format_count (o->import_rows);
      g_autofree char *rows_text = NULL;

      if (o->import_user != NULL && *o->import_user != '\0')
        /* Translators: the last import; %1$s is when (YYYY-MM-DD HH:MM), %2$s who,
         * %3$s the folder */
        subtitle = g_strdup_printf (_("%1$s by %2$s, from %3$s"), when, o->import_user, folder);
      else
        /* Translators: the last import; %1$s is when (YYYY-MM-DD HH:MM), %2$s the folder */
        subtitle = g_strdup_printf (_("%1$s, from %2$s"), when, folder);
      adw_action_row_set_subtitle (self->import_row, subtitle);

      /* Translators: rows read from the files of the last import; %s is a number */
      rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows",
                                                (gulong) MAX (o->import_rows, 0)),
                                   rows);
      gtk_label_set_text (self->import_rows_label, rows_text);
    }
}

static void
update_risk (ZichaOverviewPage   *self,
             const ZichaOverview *o)
{
  gboolean ran = o->run_id > 0;
  gboolean has_hits = o->hits > 0;

  gtk_widget_set_visible (self->run_list, ran);
  gtk_widget_set_visible (self->run_card, !ran);
  gtk_widget_set_visible (self->status_box, ran || has_hits);
  gtk_widget_set_visible (self->areas_box, ran || has_hits);

  if (ran)
    {
      g_autofree char *finished = _zicha_app_format_time (o->run_finished_at);
      g_autofree char *hits = _zicha_app_format_count (o->run_hits);
      g_autofree char *subtitle = NULL;
      g_autofree char *hits_text = NULL;

      /* Translators: the last run of the risk rules; %1$s is its as-of date (YYYY-MM-DD),
       * %2$s when it finished (YYYY-MM-DD HH:MM) */
      subtitle = g_strdup_printf (_("As of %1$s, finished %2$s"),
                                  o->run_as_of != NULL ? o->run_as_of : "", finished);
      adw_action_row_set_subtitle (self->run_row, subtitle);
      /* Translators: risk leads found by the last run of the rules; %s is a number */
      hits_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s risk lead found",
                                                "%s risk leads found",
                                                (gulong) MAX (o->run_hits, 0)),
                                   hits);
      gtk_label_set_text (self->run_hits_label, hits_text);
    }
  else
    {
      gboolean have_records = o->certificates > 0;

      gtk_label_set_text (self->run_card_label,
                          have_records
                          ? _("The risk rules look through the records for certificates, "
                              "audits and auditors that may point to a problem. Their hits, "
                              "the risk leads, are then confirmed as problems or dismissed.")
                          : _("Import the body’s records first, then run the risk rules."));
      gtk_widget_set_sensitive (self->run_button, have_records);
    }

  for (guint s = 0; s < G_N_ELEMENTS (self->status_counts); s++)
    set_count (self->status_counts[s], o->hits_by_status[s]);
  for (guint a = 0; a < ZICHA_OVERVIEW_N_AREAS; a++)
    zicha_area_card_set_count (self->area_cards[a], 0, o->open_by_area[a]);
}

static void
update_problems (ZichaOverviewPage   *self,
                 const ZichaOverview *o)
{
  set_count (self->problem_counts[PROBLEMS_ALL], o->problems);
  set_count (self->problem_counts[PROBLEMS_OPEN], o->problems_open);
  set_count (self->problem_counts[PROBLEMS_IN_RECTIFICATION], o->problems_in_rectification);
  set_count (self->problem_counts[PROBLEMS_CLOSED], o->problems_closed);

  if (o->problems == 0)
    adw_preferences_group_set_description (self->problems_group,
                                           _("No problems yet. A risk lead confirmed as a "
                                             "problem goes to the problem list, to be "
                                             "rectified."));
  else
    {
      g_autofree char *n = _zicha_app_format_count (o->problems_from_hits);
      /* Translators: %s is a number of problems */
      g_autofree char *text = g_strdup_printf (_("%s of them from confirmed risk leads"), n);

      adw_preferences_group_set_description (self->problems_group, text);
    }
}

static void
update (ZichaOverviewPage *self)
{
  if (self->overview == NULL)
    return;
  update_records (self, self->overview);
  update_risk (self, self->overview);
  update_problems (self, self->overview);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

/* Loading --------------------------------------------------------------------------------- */

static void
set_loading (ZichaOverviewPage *self,
             GCancellable      *cancellable)
{
  gboolean was_loading = self->cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  if (cancellable == NULL)
    gtk_spinner_stop (self->spinner);
  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
on_spinner_timeout_cb (gpointer user_data)
{
  ZichaOverviewPage *self = user_data;

  self->spinner_id = 0;
  if (self->overview == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  return G_SOURCE_REMOVE;
}

static void
on_query_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ZichaOverviewPage) self = user_data;
  g_autoptr(ZichaOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  overview = zicha_overview_query_finish (result, &error);
  if (cancellable != self->cancellable)
    return;   /* a newer refresh replaced this one, or the page went away */
  set_loading (self, NULL);

  if (overview == NULL)
    {
      g_warning ("%s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  zicha_overview_free (self->overview);
  self->overview = g_steal_pointer (&overview);
  update (self);
}

static void
start_query (ZichaOverviewPage *self)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_loading (self, cancellable);
  if (self->overview == NULL)
    self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout_cb, self);
  zicha_overview_query_async (zicha_db_get_path (self->db), cancellable, on_query_done_cb,
                              g_object_ref (self));
}

/* Callbacks ------------------------------------------------------------------------------- */

static void
show_risk_leads (ZichaOverviewPage *self,
                 const char        *area,
                 gboolean           run)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-risk-leads", "(sb)",
                              area != NULL ? area : "", run);
}

static void
on_area_card_clicked_cb (ZichaAreaCard     *card,
                         ZichaOverviewPage *self)
{
  show_risk_leads (self, zicha_area_card_get_area (card), FALSE);
}

static void
on_run_clicked_cb (ZichaOverviewPage *self,
                   GtkButton         *button)
{
  show_risk_leads (self, NULL, TRUE);
}

/* Building -------------------------------------------------------------------------------- */

static void
add_record_stat (ZichaOverviewPage *self,
                 guint              stat,
                 ZichaRecordKind    kind)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *stat_box = zicha_area_card_new_stat (zicha_record_kind_get_label (kind), TRUE,
                                                  &self->record_counts[stat]);

  set_margins (stat_box, 9, 12);
  gtk_box_append (GTK_BOX (card), stat_box);
  gtk_widget_add_css_class (card, "card");
  if (stat == RECORD_CERTIFICATES)
    {
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_set_margin_start (detail, 12);
      gtk_widget_set_margin_end (detail, 12);
      gtk_widget_set_margin_bottom (detail, 9);
      gtk_widget_set_margin_top (stat_box, 9);
      gtk_widget_set_margin_bottom (stat_box, 3);
      gtk_box_append (GTK_BOX (card), detail);
      self->certificates_detail = GTK_LABEL (detail);
    }
  gtk_box_append (GTK_BOX (self->records_box), card);
}

static void
add_card_stat (GtkWidget   *card,
               const char  *caption,
               GtkLabel   **out_number)
{
  GtkWidget *stat = zicha_area_card_new_stat (caption, TRUE, out_number);

  set_margins (stat, 9, 12);
  gtk_box_append (GTK_BOX (card), stat);
}

/* A card per focus area, as on the Risk leads page: its title and open risk leads. */
static void
add_area_card (ZichaOverviewPage *self,
               ZichaRuleArea      area)
{
  GtkWidget *card = zicha_area_card_new (zicha_rule_area_to_string (area),
                                         zicha_rule_area_get_label (area));

  zicha_area_card_add_stat (ZICHA_AREA_CARD (card), zicha_hit_status_get_label (ZICHA_HIT_OPEN),
                            TRUE);
  gtk_widget_set_tooltip_text (card, _("Show the open risk leads of this focus area"));
  g_signal_connect (card, "clicked", G_CALLBACK (on_area_card_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->areas_box), card);
  self->area_cards[area] = ZICHA_AREA_CARD (card);
}

/* GObject and GtkWidget ------------------------------------------------------------------- */

static void
zicha_overview_page_map (GtkWidget *widget)
{
  ZichaOverviewPage *self = ZICHA_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (zicha_overview_page_parent_class)->map (widget);

  /* Triage and runs happen on other pages: what is shown is read again each time. */
  if (self->db != NULL)
    start_query (self);
}

static void
zicha_overview_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZichaOverviewPage *self = ZICHA_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_overview_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ZichaOverviewPage *self = ZICHA_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      zicha_overview_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_overview_page_dispose (GObject *object)
{
  ZichaOverviewPage *self = ZICHA_OVERVIEW_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_OVERVIEW_PAGE);

  g_clear_object (&self->db);
  g_clear_pointer (&self->overview, zicha_overview_free);

  G_OBJECT_CLASS (zicha_overview_page_parent_class)->dispose (object);
}

/* ZichaPage: the overview counts everything. */
static void
zicha_overview_page_page_refresh (ZichaPage        *page,
                                  ZichaChangeFlags  what)
{
  zicha_overview_page_refresh (ZICHA_OVERVIEW_PAGE (page));
}

static void
zicha_overview_page_page_init (ZichaPageInterface *iface)
{
  iface->refresh = zicha_overview_page_page_refresh;
}

static void
zicha_overview_page_class_init (ZichaOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zicha_overview_page_get_property;
  object_class->set_property = zicha_overview_page_set_property;
  object_class->dispose = zicha_overview_page_dispose;
  widget_class->map = zicha_overview_page_map;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         ZICHA_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, body_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, approval_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, records_box);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, import_list);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, import_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, import_rows_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, import_card);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, run_list);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, run_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, run_hits_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, run_card);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, run_card_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, areas_box);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaOverviewPage, problems_box);
  gtk_widget_class_bind_template_callback (widget_class, on_run_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zicha_overview_page_init (ZichaOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_record_stat (self, RECORD_CERTIFICATES, ZICHA_RECORD_CERTIFICATES);
  add_record_stat (self, RECORD_ORGANIZATIONS, ZICHA_RECORD_ORGANIZATIONS);
  add_record_stat (self, RECORD_PERSONNEL, ZICHA_RECORD_PERSONNEL);
  add_record_stat (self, RECORD_AUDITS, ZICHA_RECORD_AUDITS);

  for (guint s = 0; s < G_N_ELEMENTS (self->status_counts); s++)
    add_card_stat (self->status_box, zicha_hit_status_get_label (s), &self->status_counts[s]);
  for (guint a = 0; a < ZICHA_OVERVIEW_N_AREAS; a++)
    add_area_card (self, a);

  /* Translators: the number of all problems (问题总数) */
  add_card_stat (self->problems_box, C_("problems", "All"),
                 &self->problem_counts[PROBLEMS_ALL]);
  /* Translators: problems none of whose rectification measures has started */
  add_card_stat (self->problems_box, C_("problems", "Not started"),
                 &self->problem_counts[PROBLEMS_OPEN]);
  /* Translators: problems whose rectification is under way (整改中) */
  add_card_stat (self->problems_box, C_("problems", "In rectification"),
                 &self->problem_counts[PROBLEMS_IN_RECTIFICATION]);
  /* Translators: problems whose rectification measures are all verified */
  add_card_stat (self->problems_box, C_("problems", "Rectified"),
                 &self->problem_counts[PROBLEMS_CLOSED]);
}

/* Public API ------------------------------------------------------------------------------ */

GtkWidget *
zicha_overview_page_new (void)
{
  return g_object_new (ZICHA_TYPE_OVERVIEW_PAGE, NULL);
}

ZichaDb *
zicha_overview_page_get_db (ZichaOverviewPage *self)
{
  g_return_val_if_fail (ZICHA_IS_OVERVIEW_PAGE (self), NULL);
  return self->db;
}

void
zicha_overview_page_set_db (ZichaOverviewPage *self,
                            ZichaDb           *db)
{
  g_return_if_fail (ZICHA_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (db == NULL || ZICHA_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_loading (self, NULL);
  g_clear_pointer (&self->overview, zicha_overview_free);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (db != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_query (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

void
zicha_overview_page_refresh (ZichaOverviewPage *self)
{
  g_return_if_fail (ZICHA_IS_OVERVIEW_PAGE (self));

  /* Hidden, it reads them again when shown. */
  if (self->db != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_query (self);
}

gboolean
zicha_overview_page_get_loading (ZichaOverviewPage *self)
{
  g_return_val_if_fail (ZICHA_IS_OVERVIEW_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

const ZichaOverview *
zicha_overview_page_get_overview (ZichaOverviewPage *self)
{
  g_return_val_if_fail (ZICHA_IS_OVERVIEW_PAGE (self), NULL);
  return self->overview;
}
