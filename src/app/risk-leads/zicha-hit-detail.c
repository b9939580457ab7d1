/* zicha-hit-detail.c — the details of one risk lead (风险线索) and its triage buttons
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why the hit was found (the rule's title and description, the message), what it is about,
 * when it was found and triaged, and the records it concerns, each a row that opens the
 * record in the Records page. */
#define G_LOG_DOMAIN "zicha-hit-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-hit-detail.h"
#include "zicha-rules.h"

struct _ZichaHitDetail
{
  GtkWidget            parent_instance;

  GPtrArray           *record_rows;   /* rows added to records_group */
  guint                n_selected;
  guint                n_untriaged;   /* of the selected */
  gboolean             triaged;       /* the hit shown */

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *selection_label;
  GtkLabel            *title_label;
  GtkLabel            *severity_label;
  GtkLabel            *area_label;
  GtkLabel            *status_label;
  GtkLabel            *message_label;
  GtkWidget           *confirm_button;
  GtkWidget           *dismiss_button;
  GtkWidget           *undo_button;
  AdwActionRow        *object_row;
  AdwActionRow        *rule_row;
  AdwActionRow        *source_row;
  AdwActionRow        *rule_id_row;
  AdwActionRow        *first_found_row;
  AdwActionRow        *last_found_row;
  AdwActionRow        *triaged_row;
  AdwActionRow        *reason_row;
  AdwPreferencesGroup *records_group;
};

G_DEFINE_FINAL_TYPE (ZichaHitDetail, zicha_hit_detail, GTK_TYPE_WIDGET)

/* What a hit is about (DOMAIN.md section 4, entity keys). */
static const struct
{
  const char *id;
  const char *label;
} entity_types[] = {
  { "certificate", N_("Certificate") },
  { "audit", N_("Audit") },
  { "team", N_("Audit team member") },
  { "expense", N_("Expense") },
  { "person_month", N_("Auditor and month") },
  { "scope_code", N_("Scope code") },
  { "complaint", N_("Complaint") },
  { "year", N_("Year") },
};

const char *
zicha_hit_entity_type_label (const char *entity_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_types); i++)
    if (g_strcmp0 (entity_type, entity_types[i].id) == 0)
      return _(entity_types[i].label);
  return entity_type != NULL ? entity_type : "";
}

const char *
zicha_hit_severity_css_class (const char *severity)
{
  if (g_strcmp0 (severity, "high") == 0)
    return "error";
  if (g_strcmp0 (severity, "medium") == 0)
    return "warning";
  return "dim-label";
}

static const char *
record_type_label (const char *type)
{
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    if (g_strcmp0 (zicha_record_kind_get_id (k), type) == 0)
      return zicha_record_kind_get_label (k);
  return type;
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gboolean shown = value != NULL && *value != '\0';

  adw_action_row_set_subtitle (row, shown ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), shown);
}

static void
on_record_activated_cb (AdwActionRow   *row,
                        ZichaHitDetail *self)
{
  const char *type = g_object_get_data (G_OBJECT (row), "zicha-record-type");
  const char *key = g_object_get_data (G_OBJECT (row), "zicha-record-key");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)", type, key);
}

static void
clear_records (ZichaHitDetail *self)
{
  for (guint i = 0; i < self->record_rows->len; i++)
    adw_preferences_group_remove (self->records_group, g_ptr_array_index (self->record_rows, i));
  g_ptr_array_set_size (self->record_rows, 0);
}

static void
show_records (ZichaHitDetail *self,
              ZichaDb        *db,
              gint64          hit_id)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  clear_records (self);
  records = db != NULL ? zicha_hits_get_records (db, hit_id, &error) : NULL;
  if (records == NULL && error != NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      ZichaHitRecord *record = g_ptr_array_index (records, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->record_key);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), record_type_label (record->record_type));
      g_object_set_data_full (G_OBJECT (row), "zicha-record-type",
                              g_strdup (record->record_type), g_free);
      g_object_set_data_full (G_OBJECT (row), "zicha-record-key",
                              g_strdup (record->record_key), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_widget_set_tooltip_text (row, _("Show this record"));
      g_signal_connect (row, "activated", G_CALLBACK (on_record_activated_cb), self);
      adw_preferences_group_add (self->records_group, row);
      g_ptr_array_add (self->record_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->records_group), self->record_rows->len > 0);
}

/* Confirm and Dismiss act on the whole selection: shown while it has a lead to confirm or
 * dismiss; Undo, of the lead shown, otherwise (a row of three buttons would widen the pane). */
static void
update_buttons (ZichaHitDetail *self)
{
  gboolean to_triage = self->n_selected > 1 ? self->n_untriaged > 0 : !self->triaged;

  gtk_widget_set_visible (self->confirm_button, to_triage);
  gtk_widget_set_visible (self->dismiss_button, to_triage);
  gtk_widget_set_visible (self->undo_button, self->triaged && !to_triage);
}

static void
zicha_hit_detail_dispose (GObject *object)
{
  ZichaHitDetail *self = ZICHA_HIT_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_HIT_DETAIL);
  g_clear_pointer (&self->record_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (zicha_hit_detail_parent_class)->dispose (object);
}

static void
zicha_hit_detail_class_init (ZichaHitDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_hit_detail_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-hit-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, selection_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, severity_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, area_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, message_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, object_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, rule_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, source_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, rule_id_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, first_found_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, last_found_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, triaged_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaHitDetail, records_group);
}

static void
zicha_hit_detail_init (ZichaHitDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->record_rows = g_ptr_array_new ();
}

GtkWidget *
zicha_hit_detail_new (void)
{
  return g_object_new (ZICHA_TYPE_HIT_DETAIL, NULL);
}

void
zicha_hit_detail_set_hit (ZichaHitDetail *self,
                          ZichaDb        *db,
                          const ZichaHit *hit)
{
  const ZichaRule *rule;
  g_autofree char *object = NULL;
  g_autofree char *triaged = NULL;
  gboolean is_triaged;
  ZichaRuleSeverity severity;
  ZichaRuleArea area;

  g_return_if_fail (ZICHA_IS_HIT_DETAIL (self));

  if (hit == NULL || hit->rule == NULL || *hit->rule == '\0')
    {
      clear_records (self);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  rule = zicha_rules_lookup (hit->rule);
  gtk_label_set_text (self->title_label, rule != NULL ? zicha_rule_get_title (rule) : hit->rule);

  gtk_label_set_text (self->severity_label,
                      zicha_rule_severity_from_string (hit->severity, &severity)
                      ? zicha_rule_severity_get_label (severity) : hit->severity);
  gtk_widget_set_css_classes (GTK_WIDGET (self->severity_label),
                              (const char *[]) { "heading",
                                                 zicha_hit_severity_css_class (hit->severity),
                                                 NULL });
  gtk_label_set_text (self->area_label, zicha_rule_area_from_string (hit->area, &area)
                                        ? zicha_rule_area_get_label (area) : hit->area);
  gtk_label_set_text (self->status_label, zicha_hit_status_get_label (hit->status));
  gtk_label_set_text (self->message_label, hit->message != NULL ? hit->message : "");

  is_triaged = hit->status == ZICHA_HIT_CONFIRMED || hit->status == ZICHA_HIT_DISMISSED;
  self->triaged = is_triaged;
  update_buttons (self);

  /* Translators: what a risk lead is about, e.g. "Certificate C0001" */
  object = g_strdup_printf (C_("risk lead object", "%1$s %2$s"),
                            zicha_hit_entity_type_label (hit->entity_type), hit->entity_key);
  set_row (self->object_row, object);
  set_row (self->rule_row, rule != NULL ? zicha_rule_get_description (rule) : NULL);
  set_row (self->source_row, rule != NULL ? zicha_rule_get_source (rule) : NULL);
  set_row (self->rule_id_row, hit->rule);
  set_row (self->first_found_row, hit->first_found_on);
  set_row (self->last_found_row, hit->last_found_on);
  if (hit->triaged_at != NULL)
    /* Translators: %1$s is a user name, %2$s a date and time */
    triaged = g_strdup_printf (_("%1$s, %2$s"), hit->triaged_by != NULL ? hit->triaged_by : "",
                               hit->triaged_at);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->triaged_row),
                                 hit->status == ZICHA_HIT_DISMISSED ? _("Dismissed by")
                                                                    : _("Confirmed by"));
  set_row (self->triaged_row, triaged);
  set_row (self->reason_row, hit->dismiss_reason);

  show_records (self, db, hit->id);
  gtk_stack_set_visible_child_name (self->stack, "hit");
}

void
zicha_hit_detail_set_selection (ZichaHitDetail *self,
                                guint           n_selected,
                                guint           n_untriaged)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ZICHA_IS_HIT_DETAIL (self));

  self->n_selected = n_selected;
  self->n_untriaged = n_untriaged;
  if (n_selected > 1)
    /* Translators: above the details of one of %u selected risk leads */
    text = g_strdup_printf (ngettext ("%u risk lead selected: Confirm and Dismiss act on those "
                                      "of them not yet confirmed or dismissed.",
                                      "%u risk leads selected: Confirm and Dismiss act on those "
                                      "of them not yet confirmed or dismissed.", n_selected),
                            n_selected);
  gtk_label_set_text (self->selection_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->selection_label), n_selected > 1);
  update_buttons (self);
}
