/* zicha-confirm-dialog.c — confirming risk leads (风险线索) as a problem: a new one, or one of
 * the ledger
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triage is the door into the problem ledger (DOMAIN.md section 5). The dialog shows what
 * confirming the leads makes (zicha_problems_preview_hits ()): the title and the severity may
 * be changed, the focus area, rule and description come from the leads. Or the leads join a
 * problem of the ledger that is neither closed nor withdrawn, found by its number or title
 * (zicha_problems_query ()). The page does the confirming (zicha_problems_confirm_hits_as ()
 * or zicha_problems_confirm_hits ()) when the dialog says "confirmed".
 */
#define G_LOG_DOMAIN "zicha-risk-leads"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-confirm-dialog.h"
#include "zicha-problems.h"
#include "zicha-rules.h"

/* The problems the picker lists at most: the newest that match. */
#define MAX_PROBLEMS 200

struct _ZichaConfirmDialog
{
  AdwWindow          parent_instance;

  ZichaDb           *db;
  GArray            *hit_ids;
  char              *severity;      /* the nick chosen, for the getter */
  char              *note;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *confirm_button;
  GtkLabel          *summary_label;
  GtkLabel          *skipped_label;
  GtkCheckButton    *new_check;
  GtkCheckButton    *existing_check;
  GtkStack          *stack;
  AdwEntryRow       *title_row;
  AdwComboRow       *severity_row;
  AdwActionRow      *area_row;
  AdwActionRow      *rule_row;
  AdwActionRow      *description_row;
  GtkSearchEntry    *search_entry;
  GtkListBox        *problems_list;
  GtkWidget         *problems_empty_label;
  AdwEntryRow       *note_row;
};

G_DEFINE_FINAL_TYPE (ZichaConfirmDialog, zicha_confirm_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_new (ZichaConfirmDialog *self)
{
  return gtk_check_button_get_active (self->new_check);
}

static gint64
picked_problem (ZichaConfirmDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->problems_list);
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "zicha-problem") : NULL;

  return id != NULL ? *id : 0;
}

static void
update_confirm (ZichaConfirmDialog *self)
{
  gboolean ok;

  if (self->confirm_button == NULL || self->problems_list == NULL || self->new_check == NULL)
    return;   /* while the template is built or taken down */
  if (is_new (self))
    {
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (
                                                       GTK_EDITABLE (self->title_row))));

      ok = *title != '\0';
    }
  else
    ok = picked_problem (self) != 0;
  gtk_widget_set_sensitive (self->confirm_button, ok);
}

/* The picker ------------------------------------------------------------------------------- */

static GtkWidget *
problem_row_new (const ZichaProblem *problem)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number = gtk_label_new (problem->number);
  GtkWidget *title = gtk_label_new (problem->title);
  GtkWidget *state = gtk_label_new (zicha_problem_state_get_label (problem->state));
  g_autofree char *accessible = g_strdup_printf ("%s %s", problem->number, problem->title);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (title, problem->title);
  gtk_widget_add_css_class (state, "dim-label");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), state);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "zicha-problem",
                          g_memdup2 (&problem->id, sizeof problem->id), g_free);
  return row;
}

/* The problems not closed nor withdrawn that match the search, newest first. */
static void
fill_problems (ZichaConfirmDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                  GTK_EDITABLE (self->search_entry))));
  ZichaProblemFilter filter = { .text = *text != '\0' ? text : NULL };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  problems = zicha_problems_query (self->db, &filter, ZICHA_PROBLEM_ORDER_NUMBER, TRUE, &error);
  if (problems == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; problems != NULL && i < problems->len && shown < MAX_PROBLEMS; i++)
    {
      const ZichaProblem *problem = g_ptr_array_index (problems, i);

      if (problem->state == ZICHA_PROBLEM_WITHDRAWN || problem->state == ZICHA_PROBLEM_CLOSED)
        continue;
      gtk_list_box_append (self->problems_list, problem_row_new (problem));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), shown > 0);
  gtk_widget_set_visible (self->problems_empty_label, shown == 0);
  update_confirm (self);
}

static void
on_search_changed_cb (ZichaConfirmDialog *self)
{
  fill_problems (self);
}

/* Escape in the search entry: clears the search, or closes the dialog when there is none. */
static void
on_stop_search_cb (ZichaConfirmDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_problem_selected_cb (ZichaConfirmDialog *self)
{
  update_confirm (self);
}

static void
on_problem_activated_cb (ZichaConfirmDialog *self,
                         GtkListBoxRow      *row)
{
  gtk_list_box_select_row (self->problems_list, row);
  zicha_confirm_dialog_accept (self);
}

/* The rest ---------------------------------------------------------------------------------- */

static void
on_mode_toggled_cb (ZichaConfirmDialog *self)
{
  gboolean new_problem;

  if (self->new_check == NULL || self->stack == NULL)
    return;   /* while the template is built or taken down */
  new_problem = is_new (self);
  gtk_stack_set_visible_child_name (self->stack, new_problem ? "new" : "existing");
  if (!new_problem && gtk_widget_get_first_child (GTK_WIDGET (self->problems_list)) == NULL)
    fill_problems (self);
  update_confirm (self);
}

static void
on_title_changed_cb (ZichaConfirmDialog *self)
{
  update_confirm (self);
}

static void
on_confirm_clicked_cb (ZichaConfirmDialog *self)
{
  zicha_confirm_dialog_accept (self);
}

/* What the leads make: the rows of the "new" page. */
static void
show_preview (ZichaConfirmDialog *self)
{
  g_autoptr(ZichaProblem) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  ZichaRuleSeverity severity = ZICHA_RULE_SEVERITY_MEDIUM;
  ZichaRuleArea area;
  const ZichaRule *rule;

  preview = zicha_problems_preview_hits (self->db, (const gint64 *) self->hit_ids->data,
                                         self->hit_ids->len, &error);
  if (preview == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  for (guint s = ZICHA_RULE_SEVERITY_HIGH; s <= ZICHA_RULE_SEVERITY_LOW; s++)
    gtk_string_list_append (severities, zicha_rule_severity_get_label (s));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));
  if (zicha_rule_severity_from_string (preview->severity, &severity))
    adw_combo_row_set_selected (self->severity_row, severity);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         preview->title != NULL ? preview->title : "");
  adw_action_row_set_subtitle (self->area_row, zicha_rule_area_from_string (preview->area, &area)
                                               ? zicha_rule_area_get_label (area)
                                               : preview->area);
  rule = preview->rule != NULL ? zicha_rules_lookup (preview->rule) : NULL;
  adw_action_row_set_subtitle (self->rule_row, rule != NULL ? zicha_rule_get_title (rule)
                                               : preview->rule != NULL ? preview->rule : "");
  adw_action_row_set_subtitle (self->description_row,
                               preview->description != NULL ? preview->description : "");
}

static void
zicha_confirm_dialog_dispose (GObject *object)
{
  ZichaConfirmDialog *self = ZICHA_CONFIRM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_CONFIRM_DIALOG);
  g_clear_object (&self->db);
  g_clear_pointer (&self->hit_ids, g_array_unref);
  g_clear_pointer (&self->severity, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (zicha_confirm_dialog_parent_class)->dispose (object);
}

static void
zicha_confirm_dialog_class_init (ZichaConfirmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zicha_confirm_dialog_dispose;

  /* The user confirmed: the getters say what. */
  signals[SIGNAL_CONFIRMED] =
    g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-confirm-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, new_check);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, existing_check);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, severity_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog,
                                        problems_empty_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaConfirmDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zicha_confirm_dialog_init (ZichaConfirmDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

ZichaConfirmDialog *
zicha_confirm_dialog_new (GtkWindow    *parent,
                          ZichaDb      *db,
                          const gint64 *hit_ids,
                          guint         n_hits,
                          guint         n_skipped)
{
  ZichaConfirmDialog *self;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (hit_ids != NULL && n_hits > 0, NULL);

  self = g_object_new (ZICHA_TYPE_CONFIRM_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  g_array_append_vals (self->hit_ids, hit_ids, n_hits);

  /* Translators: the confirm dialog; %u risk leads are confirmed as a problem */
  summary = g_strdup_printf (ngettext ("Confirm %u risk lead as a problem of the problem list.",
                                       "Confirm %u risk leads as one problem of the problem "
                                       "list.", n_hits), n_hits);
  gtk_label_set_text (self->summary_label, summary);
  if (n_skipped > 0)
    {
      g_autofree char *skipped = NULL;

      /* Translators: leads of the selection that the confirm dialog leaves out */
      skipped = g_strdup_printf (ngettext ("%u selected lead is confirmed or dismissed already "
                                           "and is left out.",
                                           "%u selected leads are confirmed or dismissed "
                                           "already and are left out.", n_skipped), n_skipped);
      gtk_label_set_text (self->skipped_label, skipped);
      gtk_widget_set_visible (GTK_WIDGET (self->skipped_label), TRUE);
    }
  show_preview (self);
  update_confirm (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

GArray *
zicha_confirm_dialog_get_hit_ids (ZichaConfirmDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_CONFIRM_DIALOG (self), NULL);
  return self->hit_ids;
}

gint64
zicha_confirm_dialog_get_problem (ZichaConfirmDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_CONFIRM_DIALOG (self), 0);
  return is_new (self) ? 0 : picked_problem (self);
}

const char *
zicha_confirm_dialog_get_title (ZichaConfirmDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_CONFIRM_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

const char *
zicha_confirm_dialog_get_severity (ZichaConfirmDialog *self)
{
  guint selected;

  g_return_val_if_fail (ZICHA_IS_CONFIRM_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->severity_row);
  g_free (self->severity);
  self->severity = g_strdup (selected <= ZICHA_RULE_SEVERITY_LOW
                             ? zicha_rule_severity_to_string (selected) : NULL);
  return self->severity;
}

const char *
zicha_confirm_dialog_get_note (ZichaConfirmDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_CONFIRM_DIALOG (self), NULL);

  g_free (self->note);
  self->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  if (*self->note == '\0')
    g_clear_pointer (&self->note, g_free);
  return self->note;
}

void
zicha_confirm_dialog_set_mode (ZichaConfirmDialog *self,
                               const char         *mode)
{
  g_return_if_fail (ZICHA_IS_CONFIRM_DIALOG (self));

  gtk_check_button_set_active (g_strcmp0 (mode, "existing") == 0 ? self->existing_check
                                                                 : self->new_check, TRUE);
}

GArray *
zicha_confirm_dialog_list_problems (ZichaConfirmDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "zicha-problem");

      if (id != NULL)
        g_array_append_val (ids, *id);
    }
  return ids;
}

gboolean
zicha_confirm_dialog_pick_problem (ZichaConfirmDialog *self,
                                   gint64              problem_id)
{
  g_return_val_if_fail (ZICHA_IS_CONFIRM_DIALOG (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "zicha-problem");

      if (id != NULL && *id == problem_id)
        {
          gtk_list_box_select_row (self->problems_list, GTK_LIST_BOX_ROW (row));
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
zicha_confirm_dialog_accept (ZichaConfirmDialog *self)
{
  g_return_val_if_fail (ZICHA_IS_CONFIRM_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (self->confirm_button))
    return FALSE;
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_CONFIRMED], 0);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}
