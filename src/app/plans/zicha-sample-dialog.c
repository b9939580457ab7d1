/* zicha-sample-dialog.c — drawing a sample of certificates for a plan (抽样)
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form of a ZichaSampleSpec. Whenever the frame changes (its date, schemes, lead
 * auditors, years, the stratification or the key items) core previews the draw in a worker
 * thread on a connection of its own (zicha_sampling_preview_async; reading a frame of a
 * million certificates takes seconds): the frame's size, its strata with their sizes and key
 * items. The size proposed is the square root of the frame, rounded up, until the user sets
 * another; it is shared out among the strata as core does (zicha_sampling_share), and each
 * stratum's size may be set by hand, which then makes the total. The seed is a new random
 * one, shown and editable. Draw runs zicha_sampling_draw_async: the window stays responsive
 * and the form is locked until it is over. A draw once started cannot be cancelled (core
 * stores the sample or nothing): the dialog stays until it is over, then the page shows the
 * sample. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-app-utils-private.h"
#include "zicha-plans-page-private.h"
#include "zicha-plans-ui-private.h"
#include "zicha-sample-dialog.h"

struct _ZichaSampleDialog
{
  AdwWindow            parent_instance;

  ZichaPlansPage      *page;          /* weak */
  ZichaDb             *db;
  gint64               plan_id;
  gboolean             disposed;
  gboolean             syncing;
  guint                preview_source;
  GCancellable        *preview_cancellable;
  gboolean             drawing;
  gboolean             size_edited;    /* the user set the total */
  gboolean             strata_edited;  /* the user set a stratum's size */
  gboolean             frame_ok;
  guint                frame_size;
  GPtrArray           *strata;         /* ZichaSampleStratum* of the last preview */
  GPtrArray           *stratum_rows;   /* AdwActionRow, one per stratum when stratified */
  GPtrArray           *stratum_spins;  /* their GtkSpinButton */
  GHashTable          *names;          /* person_id → name */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *cancel_button;
  GtkWidget           *draw_button;
  GtkSpinner          *spinner;
  GtkWidget           *form;
  AdwComboRow         *purpose_row;
  AdwComboRow         *method_row;
  GtkSwitch           *key_switch;
  AdwEntryRow         *valid_row;
  AdwEntryRow         *schemes_row;
  AdwEntryRow         *leads_row;
  AdwEntryRow         *years_row;
  GtkSpinner          *frame_spinner;
  GtkLabel            *frame_label;
  AdwComboRow         *stratify_row;
  AdwActionRow        *size_row;
  GtkSpinButton       *size_spin;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *strata_group;
  AdwEntryRow         *seed_row;
};

G_DEFINE_FINAL_TYPE (ZichaSampleDialog, zicha_sample_dialog, ADW_TYPE_WINDOW)

static void
show_error (ZichaSampleDialog *self,
            const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_busy (ZichaSampleDialog *self)
{
  gboolean previewing = self->preview_cancellable != NULL || self->preview_source != 0;

  gtk_spinner_set_spinning (self->spinner, self->drawing);
  gtk_spinner_set_spinning (self->frame_spinner, previewing);
  gtk_widget_set_sensitive (self->form, !self->drawing);
  gtk_widget_set_sensitive (self->cancel_button, !self->drawing);
  gtk_widget_set_sensitive (self->draw_button,
                            !self->drawing && !previewing && self->frame_ok
                            && zicha_sample_dialog_get_to_draw (self) > 0);
}

/* What the spec of the form points to. */
typedef struct
{
  GStrv  schemes;
  GStrv  leads;
  GStrv  years;
  char  *valid_on;
} SpecLists;

static void
spec_lists_clear (SpecLists *lists)
{
  g_clear_pointer (&lists->schemes, g_strfreev);
  g_clear_pointer (&lists->leads, g_strfreev);
  g_clear_pointer (&lists->years, g_strfreev);
  g_clear_pointer (&lists->valid_on, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpecLists, spec_lists_clear)

/* The spec of the form, without sizes; what it points to into @lists. */
static void
read_spec (ZichaSampleDialog *self,
           ZichaSampleSpec   *spec,
           SpecLists         *lists)
{
  memset (spec, 0, sizeof *spec);
  lists->schemes =
    _zicha_plans_ui_split_list (gtk_editable_get_text (GTK_EDITABLE (self->schemes_row)), TRUE);
  lists->leads =
    _zicha_plans_ui_split_list (gtk_editable_get_text (GTK_EDITABLE (self->leads_row)), FALSE);
  lists->years =
    _zicha_plans_ui_split_list (gtk_editable_get_text (GTK_EDITABLE (self->years_row)), FALSE);
  lists->valid_on = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->valid_row));
  spec->purpose = adw_combo_row_get_selected (self->purpose_row);
  spec->method = adw_combo_row_get_selected (self->method_row);
  spec->stratify = adw_combo_row_get_selected (self->stratify_row);
  spec->key_items = gtk_switch_get_active (self->key_switch);
  spec->schemes = (const char * const *) lists->schemes;
  spec->lead_auditors = (const char * const *) lists->leads;
  spec->years = (const char * const *) lists->years;
  spec->valid_on = lists->valid_on;
}

/* Sizes ----------------------------------------------------------------------------------- */

static ZichaSampleStratum *
stratum_at (ZichaSampleDialog *self,
            guint              i)
{
  return g_ptr_array_index (self->strata, i);
}

/* The size asked of stratum @i: its spin button when stratified, else the total. */
static guint
requested (ZichaSampleDialog *self,
           guint              i)
{
  if (self->stratum_spins->len == self->strata->len && self->stratum_spins->len > 0)
    return gtk_spin_button_get_value_as_int (g_ptr_array_index (self->stratum_spins, i));
  return gtk_spin_button_get_value_as_int (self->size_spin);
}

static void
update_summary (ZichaSampleDialog *self)
{
  guint total = zicha_sample_dialog_get_to_draw (self);
  guint keys = 0;
  g_autofree char *number = _zicha_app_format_count (total);
  g_autofree char *text = NULL;

  for (guint i = 0; self->strata != NULL && i < self->strata->len; i++)
    keys += stratum_at (self, i)->key_items;
  if (keys > 0)
    /* Translators: certificates a draw takes: %1$s of them, %2$u key items among them */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s certificates, %2$u key item",
                                         "%1$s certificates, %2$u key items", keys),
                            number, keys);
  else
    /* Translators: certificates a draw takes */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s certificate", "%s certificates",
                                         total), number);
  gtk_label_set_text (self->summary_label, self->frame_ok ? text : "");
  update_busy (self);
}

/* Shares the total among the strata (as core does) into their spin buttons. */
static void
share_out (ZichaSampleDialog *self)
{
  g_autofree guint *frames = NULL;
  g_autofree guint *shares = NULL;
  guint n = self->stratum_spins->len;

  if (n == 0)
    return;
  frames = g_new0 (guint, n);
  shares = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    frames[i] = stratum_at (self, i)->frame_size;
  zicha_sampling_share (frames, n, gtk_spin_button_get_value_as_int (self->size_spin), shares);
  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    gtk_spin_button_set_value (g_ptr_array_index (self->stratum_spins, i), shares[i]);
  self->syncing = FALSE;
  self->strata_edited = FALSE;
}

static void
on_stratum_size_changed_cb (GtkSpinButton     *spin,
                            ZichaSampleDialog *self)
{
  guint total = 0;

  if (self->syncing)
    return;
  self->strata_edited = TRUE;
  self->size_edited = TRUE;
  for (guint i = 0; i < self->stratum_spins->len; i++)
    total += gtk_spin_button_get_value_as_int (g_ptr_array_index (self->stratum_spins, i));
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->size_spin, total);
  self->syncing = FALSE;
  update_summary (self);
}

static void
on_size_changed_cb (ZichaSampleDialog *self)
{
  if (self->syncing)
    return;
  self->size_edited = TRUE;
  share_out (self);
  update_summary (self);
}

static void
on_share_clicked_cb (ZichaSampleDialog *self)
{
  share_out (self);
  update_summary (self);
}

static char *
stratum_label (ZichaSampleDialog *self,
               const char        *stratum)
{
  const char *name;

  if (adw_combo_row_get_selected (self->stratify_row) != ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR)
    return g_strdup (stratum);
  if (stratum == NULL || *stratum == '\0')
    return g_strdup (_("No lead auditor"));
  if ((name = g_hash_table_lookup (self->names, stratum)) == NULL)
    {
      char *found = zicha_plans_lookup_person (self->db, stratum, NULL);

      g_hash_table_insert (self->names, g_strdup (stratum), found != NULL ? found : g_strdup (""));
      name = g_hash_table_lookup (self->names, stratum);
    }
  return _zicha_plans_ui_format_person (name, stratum);
}

static void
show_strata (ZichaSampleDialog *self)
{
  gboolean stratified = adw_combo_row_get_selected (self->stratify_row)
                        != ZICHA_SAMPLE_STRATIFY_NONE;

  for (guint i = 0; i < self->stratum_rows->len; i++)
    adw_preferences_group_remove (self->strata_group, g_ptr_array_index (self->stratum_rows, i));
  g_ptr_array_set_size (self->stratum_rows, 0);
  g_ptr_array_set_size (self->stratum_spins, 0);

  for (guint i = 0; stratified && i < self->strata->len; i++)
    {
      ZichaSampleStratum *s = stratum_at (self, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, s->frame_size, 1);
      g_autofree char *title = stratum_label (self, s->stratum);
      g_autofree char *frame = _zicha_app_format_count (s->frame_size);
      g_autofree char *subtitle = NULL;

      if (s->key_items > 0)
        /* Translators: a stratum: %1$s certificates in the frame, %2$u of them key items */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s in the frame, "
                                                 "%2$u key item", "%1$s in the frame, "
                                                 "%2$u key items", s->key_items),
                                    frame, s->key_items);
      else
        /* Translators: a stratum: certificates in the frame */
        subtitle = g_strdup_printf (_("%s in the frame"), frame);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_stratum_size_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->strata_group, row);
      g_ptr_array_add (self->stratum_rows, row);
      g_ptr_array_add (self->stratum_spins, spin);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->strata_group), self->stratum_rows->len > 0);
  share_out (self);
}

/* The preview ----------------------------------------------------------------------------- */

static void
on_preview_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ZichaSampleDialog) self = user_data;
  g_autoptr(GPtrArray) strata = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *frame = NULL;
  g_autofree char *proposed = NULL;
  guint frame_size = 0, size;

  strata = zicha_sampling_preview_finish (result, &frame_size, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
    return;
  g_clear_object (&self->preview_cancellable);
  if (strata == NULL)
    {
      self->frame_ok = FALSE;
      gtk_label_set_text (self->frame_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->frame_label), "error");
      g_ptr_array_set_size (self->strata, 0);
      show_strata (self);
      update_summary (self);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->frame_label), "error");
  g_clear_pointer (&self->strata, g_ptr_array_unref);
  self->strata = g_steal_pointer (&strata);
  self->frame_size = frame_size;
  self->frame_ok = frame_size > 0;
  frame = _zicha_app_format_count (frame_size);
  gtk_label_set_text (self->frame_label, frame);

  size = zicha_sampling_default_size (frame_size);
  proposed = _zicha_app_format_count (size);
  /* Translators: %1$s the size proposed, %2$s the frame's size */
  subtitle = g_strdup_printf (_("Proposed: %1$s, the square root of %2$s rounded up"), proposed,
                              frame);
  adw_action_row_set_subtitle (self->size_row, frame_size > 0 ? subtitle : "");
  self->syncing = TRUE;
  gtk_spin_button_set_range (self->size_spin, 0, MAX (frame_size, 1));
  if (!self->size_edited)
    gtk_spin_button_set_value (self->size_spin, size);
  self->syncing = FALSE;
  show_strata (self);
  update_summary (self);
}

static gboolean
preview_cb (gpointer user_data)
{
  ZichaSampleDialog *self = user_data;
  g_auto(SpecLists) lists = { 0 };
  ZichaSampleSpec spec;

  self->preview_source = 0;
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  read_spec (self, &spec, &lists);
  zicha_sampling_preview_async (zicha_db_get_path (self->db), &spec, self->preview_cancellable,
                                on_preview_done_cb, g_object_ref (self));
  update_busy (self);
  return G_SOURCE_REMOVE;
}

static void
on_frame_changed_cb (ZichaSampleDialog *self)
{
  if (self->db == NULL || self->disposed)
    return;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (250, preview_cb, self);
  update_busy (self);
}

/* The seed and the draw ------------------------------------------------------------------ */

static void
on_new_seed_clicked_cb (ZichaSampleDialog *self)
{
  g_autofree char *seed = g_strdup_printf ("%u", g_random_int_range (1, G_MAXINT32));

  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), seed);
}

static void
on_draw_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ZichaSampleDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = zicha_sampling_draw_finish (result, &error);

  self->drawing = FALSE;
  if (id == 0)
    {
      if (!self->disposed)
        {
          show_error (self, error->message);
          update_busy (self);
        }
      else if (self->page != NULL)
        _zicha_plans_ui_toast (self->page, error->message);
      return;
    }
  if (self->page != NULL)
    {
      g_autoptr(ZichaSample) sample = zicha_sampling_get (self->db, id, NULL);
      g_autofree char *text = NULL;

      _zicha_plans_ui_changed (self->page, ZICHA_CHANGE_PLANS);
      zicha_plans_page_show_part (self->page, "samples");
      zicha_sample_view_select_sample (zicha_plans_page_get_samples (self->page), id);
      /* Translators: after a draw: the number of certificates drawn */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate drawn",
                                           "%u certificates drawn",
                                           sample != NULL ? sample->drawn_size : 0),
                              sample != NULL ? sample->drawn_size : 0);
      _zicha_plans_ui_toast (self->page, text);
    }
  if (!self->disposed)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_draw_clicked_cb (ZichaSampleDialog *self)
{
  zicha_sample_dialog_draw (self);
}

/* GObject --------------------------------------------------------------------------------- */

static void
zicha_sample_dialog_dispose (GObject *object)
{
  ZichaSampleDialog *self = ZICHA_SAMPLE_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_SAMPLE_DIALOG);
  g_clear_pointer (&self->strata, g_ptr_array_unref);
  g_clear_pointer (&self->stratum_rows, g_ptr_array_unref);
  g_clear_pointer (&self->stratum_spins, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (zicha_sample_dialog_parent_class)->dispose (object);
}

static void
zicha_sample_dialog_finalize (GObject *object)
{
  ZichaSampleDialog *self = ZICHA_SAMPLE_DIALOG (object);

  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (zicha_sample_dialog_parent_class)->finalize (object);
}

static gboolean
zicha_sample_dialog_close_request (GtkWindow *window)
{
  /* the draw goes on whatever the dialog does; closing hides nothing of it */
  return ZICHA_SAMPLE_DIALOG (window)->drawing;
}

static void
zicha_sample_dialog_class_init (ZichaSampleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zicha_sample_dialog_dispose;
  object_class->finalize = zicha_sample_dialog_finalize;
  window_class->close_request = zicha_sample_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-sample-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, draw_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, form);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, key_switch);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, valid_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, schemes_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, leads_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, years_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, frame_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, frame_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, stratify_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, size_spin);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, strata_group);
  gtk_widget_class_bind_template_child (widget_class, ZichaSampleDialog, seed_row);
  gtk_widget_class_bind_template_callback (widget_class, on_frame_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_share_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_seed_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draw_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zicha_sample_dialog_init (ZichaSampleDialog *self)
{
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) strata = gtk_string_list_new (NULL);

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->strata = g_ptr_array_new ();
  self->stratum_rows = g_ptr_array_new ();
  self->stratum_spins = g_ptr_array_new ();
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_string_list_append (purposes, zicha_sample_purpose_get_label (ZICHA_SAMPLE_FILE_REVIEW));
  gtk_string_list_append (purposes, zicha_sample_purpose_get_label (ZICHA_SAMPLE_FIELD_VISIT));
  adw_combo_row_set_model (self->purpose_row, G_LIST_MODEL (purposes));
  gtk_string_list_append (methods, zicha_sample_method_get_label (ZICHA_SAMPLE_RANDOM));
  gtk_string_list_append (methods, zicha_sample_method_get_label (ZICHA_SAMPLE_WEIGHTED));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
  adw_combo_row_set_selected (self->method_row, ZICHA_SAMPLE_WEIGHTED);
  gtk_string_list_append (strata, _("Not stratified"));
  gtk_string_list_append (strata, _("By scheme"));
  gtk_string_list_append (strata, _("By lead auditor"));
  adw_combo_row_set_model (self->stratify_row, G_LIST_MODEL (strata));
  _zicha_plans_ui_add_calendar (self->valid_row);
  on_new_seed_clicked_cb (self);
  gtk_widget_set_visible (GTK_WIDGET (self->strata_group), FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->draw_button);
  self->syncing = FALSE;
}

/* Public API ------------------------------------------------------------------------------ */

ZichaSampleDialog *
zicha_sample_dialog_new (ZichaPlansPage *page,
                         gint64          plan_id)
{
  g_autoptr(ZichaPlan) plan = NULL;
  g_autofree char *schemes = NULL;
  ZichaSampleDialog *self;
  char today[11];

  g_return_val_if_fail (ZICHA_IS_PLANS_PAGE (page), NULL);

  if (zicha_plans_page_get_read_only (page)
      || (plan = zicha_plans_get (zicha_plans_page_get_db (page), plan_id, NULL)) == NULL)
    return NULL;
  self = g_object_new (ZICHA_TYPE_SAMPLE_DIALOG,
                       "transient-for", _zicha_plans_ui_window (GTK_WIDGET (page)),
                       NULL);
  g_set_weak_pointer (&self->page, page);
  self->db = g_object_ref (zicha_plans_page_get_db (page));
  self->plan_id = plan_id;

  /* the frame: valid today (the demo's day on a demo body), the plan's schemes */
  _zicha_plans_ui_today (self->db, today);
  schemes = _zicha_plans_ui_join_list ((const char * const *) plan->schemes, " ");
  gtk_editable_set_text (GTK_EDITABLE (self->schemes_row), schemes);
  gtk_editable_set_text (GTK_EDITABLE (self->valid_row), today);
  on_frame_changed_cb (self);
  return self;
}

gboolean
zicha_sample_dialog_draw (ZichaSampleDialog *self)
{
  g_autofree ZichaStratumSize *sizes = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *seed_text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SpecLists) lists = { 0 };
  ZichaSampleSpec spec;
  guint64 seed = 0;

  g_return_val_if_fail (ZICHA_IS_SAMPLE_DIALOG (self), FALSE);

  if (self->drawing || !self->frame_ok || zicha_sample_dialog_get_busy (self))
    return FALSE;
  seed_text = _zicha_plans_ui_editable_get (GTK_EDITABLE (self->seed_row));
  if (seed_text == NULL
      || !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXINT64, &seed, &error))
    {
      show_error (self, _("The seed must be a whole number from 0 to 9223372036854775807"));
      return FALSE;
    }

  read_spec (self, &spec, &lists);
  spec.has_seed = TRUE;
  spec.seed = seed;
  if (self->strata_edited && self->stratum_spins->len > 0)
    {
      sizes = g_new0 (ZichaStratumSize, self->stratum_spins->len);
      for (guint i = 0; i < self->stratum_spins->len; i++)
        {
          sizes[i].stratum = stratum_at (self, i)->stratum;
          sizes[i].size = requested (self, i);
        }
      spec.stratum_sizes = sizes;
      spec.n_stratum_sizes = self->stratum_spins->len;
    }
  else
    spec.size = gtk_spin_button_get_value_as_int (self->size_spin);

  user_name = _zicha_plans_ui_user_name (self->page);
  self->drawing = TRUE;
  zicha_sampling_draw_async (zicha_db_get_path (self->db), self->plan_id, &spec, user_name,
                             on_draw_done_cb, g_object_ref (self));
  update_busy (self);
  return TRUE;
}

gboolean
zicha_sample_dialog_get_busy (ZichaSampleDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_SAMPLE_DIALOG (self), FALSE);
  return self->drawing || self->preview_cancellable != NULL || self->preview_source != 0;
}

guint
zicha_sample_dialog_get_frame_size (ZichaSampleDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_SAMPLE_DIALOG (self), 0);
  return self->frame_size;
}

guint
zicha_sample_dialog_get_to_draw (ZichaSampleDialog *self)
{
  guint total = 0;

  g_return_val_if_fail (ZICHA_IS_SAMPLE_DIALOG (self), 0);

  for (guint i = 0; self->strata != NULL && i < self->strata->len; i++)
    {
      ZichaSampleStratum *s = stratum_at (self, i);
      guint asked = requested (self, i);
      guint rest = asked > s->key_items ? asked - s->key_items : 0;

      /* not stratified: one stratum, the total */
      total += s->key_items + MIN (rest, s->frame_size - s->key_items);
      if (self->stratum_spins->len == 0)
        break;
    }
  return total;
}

GtkEditable *
zicha_sample_dialog_get_entry (ZichaSampleDialog *self,
                               const char        *field)
{
  g_return_val_if_fail (ZICHA_IS_SAMPLE_DIALOG (self), NULL);

  if (g_strcmp0 (field, "valid-on") == 0)
    return GTK_EDITABLE (self->valid_row);
  if (g_strcmp0 (field, "schemes") == 0)
    return GTK_EDITABLE (self->schemes_row);
  if (g_strcmp0 (field, "lead-auditors") == 0)
    return GTK_EDITABLE (self->leads_row);
  if (g_strcmp0 (field, "years") == 0)
    return GTK_EDITABLE (self->years_row);
  if (g_strcmp0 (field, "seed") == 0)
    return GTK_EDITABLE (self->seed_row);
  return NULL;
}

GtkSpinButton *
zicha_sample_dialog_get_size (ZichaSampleDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_SAMPLE_DIALOG (self), NULL);
  return self->size_spin;
}

AdwComboRow *
zicha_sample_dialog_get_combo (ZichaSampleDialog *self,
                               const char        *field)
{
  g_return_val_if_fail (ZICHA_IS_SAMPLE_DIALOG (self), NULL);

  if (g_strcmp0 (field, "purpose") == 0)
    return self->purpose_row;
  if (g_strcmp0 (field, "method") == 0)
    return self->method_row;
  if (g_strcmp0 (field, "stratify") == 0)
    return self->stratify_row;
  return NULL;
}

GtkSwitch *
zicha_sample_dialog_get_key_switch (ZichaSampleDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_SAMPLE_DIALOG (self), NULL);
  return self->key_switch;
}
