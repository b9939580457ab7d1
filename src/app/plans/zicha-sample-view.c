/* zicha-sample-view.c — the samples of a self-inspection plan (抽样) and their review
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above, the plan's samples, oldest first: purpose, method, the frame's date and size, the
 * sizes asked for and drawn, the seed (which draws the same sample again) and who drew it;
 * each can be deleted. Below, the strata of the sample shown and its certificates in a
 * column view: number (it opens the record, win.show-record), organization, scheme,
 * stratum, why it was drawn (a key item, or its risk score and leads when weighted, or at
 * random), the review (who, when, conclusion, notes) and the problems raised from it (each
 * opens the problem). A row opened (Enter, double click, its Review button) is reviewed in
 * ZichaSampleReviewDialog. Draw a Sample opens ZichaSampleDialog. A sample holds some
 * √N of N certificates, a thousand for a million: a GListStore is light enough. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-plans-ui-private.h"
#include "zicha-sample-dialog.h"
#include "zicha-sample-review-dialog.h"
#include "zicha-sample-view.h"

/* A row of the column view: a sample item and the problems raised from it. */
#define ZICHA_TYPE_SAMPLE_ENTRY (zicha_sample_entry_get_type ())
G_DECLARE_FINAL_TYPE (ZichaSampleEntry, zicha_sample_entry, ZICHA, SAMPLE_ENTRY, GObject)

struct _ZichaSampleEntry
{
  GObject          parent_instance;
  ZichaSampleItem *item;
  GPtrArray       *problems;   /* ZichaProblem*, or NULL */
  char            *stratum;    /* the stratum as shown */
};

G_DEFINE_FINAL_TYPE (ZichaSampleEntry, zicha_sample_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_ID,
  ENTRY_N_PROPS
};

static void
zicha_sample_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZichaSampleEntry *self = ZICHA_SAMPLE_ENTRY (object);

  if (prop_id == ENTRY_PROP_ID)
    g_value_set_int64 (value, self->item->id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
zicha_sample_entry_finalize (GObject *object)
{
  ZichaSampleEntry *self = ZICHA_SAMPLE_ENTRY (object);

  zicha_sample_item_free (self->item);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->stratum);

  G_OBJECT_CLASS (zicha_sample_entry_parent_class)->finalize (object);
}

static void
zicha_sample_entry_class_init (ZichaSampleEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zicha_sample_entry_get_property;
  object_class->finalize = zicha_sample_entry_finalize;
  g_object_class_install_property (object_class, ENTRY_PROP_ID,
                                   g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                                       G_PARAM_READABLE
                                                       | G_PARAM_STATIC_STRINGS));
}

static void
zicha_sample_entry_init (ZichaSampleEntry *self)
{
}

/* The view -------------------------------------------------------------------------------- */

struct _ZichaSampleView
{
  GtkWidget            parent_instance;

  ZichaDb             *db;
  gint64               plan_id;
  gint64               sample_id;
  gboolean             syncing;
  GListStore          *store;
  GHashTable          *names;        /* person_id → name, of the lead auditors shown */

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *count_label;
  GtkListBox          *samples_list;
  GtkLabel            *strata_label;
  GtkColumnView       *items_view;
  GtkColumnViewColumn *stratum_column;
};

G_DEFINE_FINAL_TYPE (ZichaSampleView, zicha_sample_view, GTK_TYPE_WIDGET)

static ZichaPlansPage *
get_page (ZichaSampleView *self)
{
  return _zicha_plans_ui_get_page (GTK_WIDGET (self));
}

static gboolean
writable (ZichaSampleView *self)
{
  return self->db != NULL && self->plan_id != 0 && !zicha_db_get_read_only (self->db);
}

/* A stratum as users know it: the scheme, the lead auditor's name, or "no lead auditor". */
static char *
stratum_label (ZichaSampleView     *self,
               ZichaSampleStratify  stratify,
               const char          *stratum)
{
  const char *name;

  if (stratum == NULL)
    return g_strdup ("");
  if (stratify != ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR)
    return g_strdup (stratum);
  if (*stratum == '\0')
    return g_strdup (_("No lead auditor"));
  name = g_hash_table_lookup (self->names, stratum);
  if (name == NULL)
    {
      char *found = zicha_plans_lookup_person (self->db, stratum, NULL);

      g_hash_table_insert (self->names, g_strdup (stratum), found != NULL ? found : g_strdup (""));
      name = g_hash_table_lookup (self->names, stratum);
    }
  return _zicha_plans_ui_format_person (name, stratum);
}

/* Samples --------------------------------------------------------------------------------- */

static char *
sample_title (const ZichaSample *sample,
              guint              number)
{
  /* Translators: a sample of a plan: %1$u its number in the plan, %2$s its purpose (档案抽查),
   * %3$s its method (简单随机) */
  return g_strdup_printf (_("Sample %1$u: %2$s · %3$s"), number,
                          zicha_sample_purpose_get_label (sample->purpose),
                          zicha_sample_method_get_label (sample->method));
}

static char *
sample_subtitle (const ZichaSample *sample)
{
  g_autofree char *frame = _zicha_app_format_count (sample->frame_size);
  g_autofree char *drawn = _zicha_app_format_count (sample->drawn_size);
  g_autofree char *time = _zicha_app_format_time (sample->created_at);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, sample->seed);

  /* Translators: %1$s the frame's date, %2$s certificates in the frame, %3$s drawn, %4$u the
   * size asked for, %5$s the seed, %6$s who drew it, %7$s when */
  return g_strdup_printf (_("Valid on %1$s · frame %2$s · drawn %3$s (asked %4$u) · "
                            "seed %5$s · %6$s, %7$s"),
                          sample->valid_on, frame, drawn, sample->requested_size, seed,
                          sample->created_by != NULL ? sample->created_by : "", time);
}

static char *
strata_text (ZichaSampleView   *self,
             const ZichaSample *sample)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *limits = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (sample->schemes[0] != NULL)
    {
      g_autofree char *s = _zicha_plans_ui_join_list ((const char * const *) sample->schemes,
                                                      _(", "));
      /* Translators: the schemes a sample's frame was limited to */
      g_ptr_array_add (parts, g_strdup_printf (_("Schemes: %s"), s));
    }
  if (sample->years[0] != NULL)
    {
      g_autofree char *s = _zicha_plans_ui_join_list ((const char * const *) sample->years,
                                                      _(", "));
      /* Translators: the years of issue a sample's frame was limited to */
      g_ptr_array_add (parts, g_strdup_printf (_("Issued in: %s"), s));
    }
  if (sample->lead_auditors[0] != NULL)
    {
      g_autofree char *s = _zicha_plans_ui_join_list
                             ((const char * const *) sample->lead_auditors, _(", "));
      /* Translators: the lead auditors a sample's frame was limited to */
      g_ptr_array_add (parts, g_strdup_printf (_("Lead auditors: %s"), s));
    }
  if (sample->key_items)
    g_ptr_array_add (parts, g_strdup (_("key items taken whole")));
  g_ptr_array_add (parts, NULL);
  limits = g_strjoinv (_("; "), (char **) parts->pdata);
  if (*limits != '\0')
    g_string_append (text, limits);

  if (sample->stratify != ZICHA_SAMPLE_STRATIFY_NONE)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, sample->stratify == ZICHA_SAMPLE_STRATIFY_SCHEME
                             ? _("Stratified by scheme:") : _("Stratified by lead auditor:"));
      for (guint i = 0; i < sample->strata->len; i++)
        {
          ZichaSampleStratum *s = g_ptr_array_index (sample->strata, i);
          g_autofree char *label = stratum_label (self, sample->stratify, s->stratum);
          g_autofree char *frame = _zicha_app_format_count (s->frame_size);

          g_string_append (text, i > 0 ? _("; ") : " ");
          if (s->key_items > 0)
            /* Translators: a stratum: %1$s its name, %2$u drawn of %3$s, %4$u of them key
             * items */
            g_string_append_printf (text, _("%1$s %2$u of %3$s (%4$u key items)"), label,
                                    s->drawn_size, frame, s->key_items);
          else
            /* Translators: a stratum: %1$s its name, %2$u drawn of %3$s */
            g_string_append_printf (text, _("%1$s %2$u of %3$s"), label, s->drawn_size, frame);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  ZichaSampleView *view;
  gint64           sample_id;
} DeleteData;

static void
delete_data_free (gpointer data)
{
  DeleteData *d = data;

  g_object_unref (d->view);
  g_free (d);
}

static void
delete_confirmed (gpointer data)
{
  DeleteData *d = data;
  ZichaPlansPage *page = get_page (d->view);
  g_autofree char *user_name = _zicha_plans_ui_user_name (page);
  g_autoptr(GError) error = NULL;

  if (d->view->db == NULL)
    return;
  if (!zicha_sampling_delete (d->view->db, d->sample_id, user_name, &error))
    {
      _zicha_plans_ui_toast (page, error->message);
      return;
    }
  _zicha_plans_ui_changed (page, ZICHA_CHANGE_PLANS);
  _zicha_plans_ui_toast (page, _("Sample deleted"));
}

static void
delete_sample_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  ZichaSampleView *self = ZICHA_SAMPLE_VIEW (widget);
  DeleteData *d;

  if (!writable (self))
    return;
  d = g_new0 (DeleteData, 1);
  d->view = g_object_ref (self);
  d->sample_id = g_variant_get_int64 (param);
  _zicha_plans_ui_confirm (widget, _("Delete Sample?"),
                           _("The sample is deleted with the review of its certificates. "
                             "Problems raised from it stay in the problem list."),
                           _("_Delete"), delete_confirmed, d, delete_data_free);
}

static void
draw_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  zicha_sample_view_draw (ZICHA_SAMPLE_VIEW (widget));
}

static void
review_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  zicha_sample_view_review_item (ZICHA_SAMPLE_VIEW (widget), g_variant_get_int64 (param));
}

static gint64
row_sample (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "zicha-sample") : NULL;

  return id != NULL ? *id : 0;
}

/* The items of the sample shown ----------------------------------------------------------- */

static void
show_items (ZichaSampleView *self)
{
  g_autoptr(ZichaSample) sample = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) problems = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *strata = NULL;

  if (self->db != NULL && self->sample_id != 0)
    sample = zicha_sampling_get (self->db, self->sample_id, NULL);
  if (sample != NULL)
    items = zicha_sampling_list_items (self->db, sample->id, NULL);
  problems = _zicha_plans_ui_problems_by_item (self->db, ZICHA_PROBLEM_SOURCE_SAMPLE);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ZichaSampleEntry *entry = g_object_new (ZICHA_TYPE_SAMPLE_ENTRY, NULL);
      GPtrArray *list;

      /* taken from @items, which frees what is left */
      entry->item = g_ptr_array_index (items, i);
      items->pdata[i] = NULL;
      entry->stratum = stratum_label (self, sample->stratify, entry->item->stratum);
      list = g_hash_table_lookup (problems, &entry->item->id);
      entry->problems = list != NULL ? g_ptr_array_ref (list) : NULL;
      g_ptr_array_add (entries, entry);
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       entries->pdata, entries->len);
  /* strata by scheme are the scheme column again */
  gtk_column_view_column_set_visible (self->stratum_column,
                                      sample != NULL
                                      && sample->stratify == ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR);
  strata = sample != NULL ? strata_text (self, sample) : NULL;
  gtk_label_set_text (self->strata_label, strata != NULL ? strata : "");
  gtk_widget_set_visible (GTK_WIDGET (self->strata_label), strata != NULL && *strata != '\0');
}

static void
on_sample_selected_cb (ZichaSampleView *self,
                       GtkListBoxRow   *row,
                       GtkListBox      *list)
{
  if (self->syncing || row == NULL || row_sample (row) == self->sample_id)
    return;
  self->sample_id = row_sample (row);
  show_items (self);
}

static void
on_item_activated_cb (ZichaSampleView *self,
                      guint            position,
                      GtkColumnView   *view)
{
  g_autoptr(ZichaSampleEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->store),
                                                             position);

  if (entry != NULL)
    zicha_sample_view_review_item (self, entry->item->id);
}

static void
reload (ZichaSampleView *self)
{
  g_autoptr(GPtrArray) samples = NULL;
  GtkListBoxRow *selected = NULL;
  GtkWidget *child;
  g_autofree char *count = NULL;

  g_hash_table_remove_all (self->names);
  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->samples_list))) != NULL)
    gtk_list_box_remove (self->samples_list, child);
  if (self->db != NULL && self->plan_id != 0)
    samples = zicha_sampling_list (self->db, self->plan_id, NULL);
  for (guint i = 0; samples != NULL && i < samples->len; i++)
    {
      ZichaSample *sample = g_ptr_array_index (samples, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = sample_title (sample, i + 1);
      g_autofree char *subtitle = sample_subtitle (sample);
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete Sample"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "samples.delete");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (sample->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_object_set_data_full (G_OBJECT (row), "zicha-sample",
                              g_memdup2 (&sample->id, sizeof sample->id), g_free);
      gtk_list_box_append (self->samples_list, row);
      if (sample->id == self->sample_id)
        selected = GTK_LIST_BOX_ROW (row);
    }
  /* the sample shown is gone (or none was): the newest */
  if (selected == NULL && samples != NULL && samples->len > 0)
    selected = gtk_list_box_get_row_at_index (self->samples_list, samples->len - 1);
  gtk_list_box_select_row (self->samples_list, selected);
  self->sample_id = row_sample (selected);
  self->syncing = FALSE;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sample", "%u samples",
                                        samples != NULL ? samples->len : 0),
                           samples != NULL ? samples->len : 0);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, samples != NULL && samples->len > 0
                                                 ? "samples" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "samples.draw", writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "samples.delete", writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "samples.review", writable (self));
  show_items (self);
}

/* Cells ----------------------------------------------------------------------------------- */

typedef enum
{
  COLUMN_CERT,
  COLUMN_ORG,
  COLUMN_SCHEME,
  COLUMN_REASON,
  COLUMN_CONCLUSION,
  COLUMN_ASSIGNEE,
  COLUMN_CHECKED_ON,
  COLUMN_PROBLEMS,
  COLUMN_NOTES,
  COLUMN_STRATUM,
  COLUMN_REVIEW,
  N_COLUMNS
} Column;

/* What a reviewer looks at first comes first: the certificate, why it was drawn, what the
 * review found; the rest is a scroll away in a narrow window. */
static const struct
{
  const char *title;
  gboolean    expand;
  int         width;
} columns[N_COLUMNS] = {
  { N_("Certificate No."), FALSE, 150 },
  { N_("Certified organization"), TRUE, 190 },
  { N_("Scheme"), FALSE, 80 },
  { N_("Why drawn"), FALSE, 220 },
  { N_("Conclusion"), FALSE, 70 },
  { N_("Reviewer"), FALSE, 90 },
  { N_("Checked on"), FALSE, 100 },
  { N_("Problems"), FALSE, 120 },
  { N_("Notes"), TRUE, 160 },
  { N_("Stratum"), FALSE, 140 },
  { "", FALSE, 90 },
};

static void
on_cert_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  const char *cert_no = gtk_button_get_label (button);

  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-record", "(ss)", "certificates",
                              cert_no);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *widget;

  switch (column)
    {
    case COLUMN_CERT:
      widget = gtk_button_new ();
      gtk_widget_add_css_class (widget, "flat");
      gtk_widget_add_css_class (widget, "zicha-link");
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (widget, _("Show this certificate in the records"));
      g_signal_connect (widget, "clicked", G_CALLBACK (on_cert_clicked_cb), NULL);
      break;

    case COLUMN_PROBLEMS:
      widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      break;

    case COLUMN_REVIEW:
      widget = gtk_button_new_with_mnemonic (_("_Review…"));
      gtk_widget_add_css_class (widget, "flat");
      /* (a target first: the action takes one) */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (widget), g_variant_new_int64 (0));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "samples.review");
      break;

    default:
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      if (column == COLUMN_CHECKED_ON)
        gtk_widget_add_css_class (widget, "numeric");
      break;
    }
  gtk_list_item_set_child (list_item, widget);
}

static char *
reason_text (const ZichaSampleItem *item)
{
  g_autofree char *score = NULL;

  if (item->reason == ZICHA_SAMPLE_REASON_RANDOM)
    return g_strdup (zicha_sample_reason_get_label (item->reason));
  score = g_strdup_printf ("%" G_GINT64_FORMAT, item->risk_score);
  if (item->hits == 0)
    /* Translators: why a certificate was drawn: %1$s the reason (按风险分值加权), %2$s its
     * risk score */
    return g_strdup_printf (_("%1$s (score %2$s)"), zicha_sample_reason_get_label (item->reason),
                            score);
  /* Translators: why a certificate was drawn: %1$s the reason (重点样本, 按风险分值加权), %2$s
   * its risk score, %3$u the risk leads behind it */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s (score %2$s, %3$u lead)",
                                       "%1$s (score %2$s, %3$u leads)", item->hits),
                          zicha_sample_reason_get_label (item->reason), score, item->hits);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  ZichaSampleEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  const ZichaSampleItem *item = entry->item;
  g_autofree char *text = NULL;
  const char *value = NULL;
  GtkWidget *child;

  switch (column)
    {
    case COLUMN_CERT:
      gtk_button_set_label (GTK_BUTTON (widget), item->cert_no);
      return;

    case COLUMN_PROBLEMS:
      while ((child = gtk_widget_get_first_child (widget)) != NULL)
        gtk_box_remove (GTK_BOX (widget), child);
      for (guint i = 0; entry->problems != NULL && i < entry->problems->len; i++)
        gtk_box_append (GTK_BOX (widget),
                        _zicha_plans_ui_problem_button (g_ptr_array_index (entry->problems, i)));
      return;

    case COLUMN_REVIEW:
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (widget),
                                              g_variant_new_int64 (item->id));
      return;

    case COLUMN_ORG:
      value = item->org_name;
      break;
    case COLUMN_SCHEME:
      value = item->scheme;
      break;
    case COLUMN_STRATUM:
      value = entry->stratum;
      break;
    case COLUMN_REASON:
      value = text = reason_text (item);
      break;
    case COLUMN_ASSIGNEE:
      value = item->assignee;
      break;
    case COLUMN_CHECKED_ON:
      value = item->checked_on;
      break;
    case COLUMN_CONCLUSION:
      value = _zicha_plans_ui_conclusion_label (item->conclusion);
      break;
    case COLUMN_NOTES:
      value = item->notes;
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (widget), value != NULL ? value : "");
  gtk_widget_set_tooltip_text (widget, value != NULL && *value != '\0' ? value : NULL);
  if (column == COLUMN_CONCLUSION)
    {
      if (item->conclusion == ZICHA_CHECK_NONCONFORMING)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
    }
}

static void
add_columns (ZichaSampleView *self)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (*columns[c].title != '\0' ? _(columns[c].title) : "",
                                           factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[c].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_append_column (self->items_view, column);
      if (c == COLUMN_STRATUM)
        self->stratum_column = column;
      g_object_unref (column);
    }
}

/* GObject --------------------------------------------------------------------------------- */

static void
zicha_sample_view_dispose (GObject *object)
{
  ZichaSampleView *self = ZICHA_SAMPLE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_SAMPLE_VIEW);
  g_clear_object (&self->db);
  g_clear_object (&self->store);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (zicha_sample_view_parent_class)->dispose (object);
}

static void
zicha_sample_view_class_init (ZichaSampleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_sample_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-sample-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleView, stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleView, samples_list);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleView, strata_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleView, items_view);
  gtk_widget_class_bind_template_callback (widget_class, on_sample_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);

  gtk_widget_class_install_action (widget_class, "samples.draw", NULL, draw_activated);
  gtk_widget_class_install_action (widget_class, "samples.delete", "x",
                                   delete_sample_activated);
  gtk_widget_class_install_action (widget_class, "samples.review", "x", review_activated);
}

static void
zicha_sample_view_init (ZichaSampleView *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->store = g_list_store_new (ZICHA_TYPE_SAMPLE_ENTRY);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (self->items_view, GTK_SELECTION_MODEL (selection));
  add_columns (self);
  reload (self);
}

/* Public API ------------------------------------------------------------------------------ */

void
zicha_sample_view_set_plan (ZichaSampleView *self,
                            ZichaDb         *db,
                            gint64           plan_id)
{
  g_return_if_fail (ZICHA_IS_SAMPLE_VIEW (self));

  if (self->plan_id != plan_id || self->db != db)
    self->sample_id = 0;
  g_set_object (&self->db, db);
  self->plan_id = plan_id;
  reload (self);
}

void
zicha_sample_view_select_sample (ZichaSampleView *self,
                                 gint64           sample_id)
{
  g_return_if_fail (ZICHA_IS_SAMPLE_VIEW (self));

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->samples_list, i);

      if (row == NULL)
        return;
      if (row_sample (row) == sample_id)
        {
          gtk_list_box_select_row (self->samples_list, row);
          return;
        }
    }
}

gint64
zicha_sample_view_get_sample (ZichaSampleView *self)
{
  g_return_val_if_fail (ZICHA_IS_SAMPLE_VIEW (self), 0);
  return self->sample_id;
}

GtkWindow *
zicha_sample_view_draw (ZichaSampleView *self)
{
  ZichaPlansPage *page = get_page (self);
  ZichaSampleDialog *dialog;

  g_return_val_if_fail (ZICHA_IS_SAMPLE_VIEW (self), NULL);

  if (page == NULL || !writable (self))
    return NULL;
  dialog = zicha_sample_dialog_new (page, self->plan_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
zicha_sample_view_review_item (ZichaSampleView *self,
                               gint64           item_id)
{
  ZichaPlansPage *page = get_page (self);
  ZichaSampleReviewDialog *dialog;

  g_return_val_if_fail (ZICHA_IS_SAMPLE_VIEW (self), NULL);

  if (page == NULL || !writable (self))
    return NULL;
  dialog = zicha_sample_review_dialog_new (page, item_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GListModel *
zicha_sample_view_get_items (ZichaSampleView *self)
{
  g_return_val_if_fail (ZICHA_IS_SAMPLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->store);
}
