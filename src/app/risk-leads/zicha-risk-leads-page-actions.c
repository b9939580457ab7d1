/* zicha-risk-leads-page-actions.c — the Risk leads page: runs, actions and triage
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running the rules (zicha_rules_run_async, with progress and Cancel), the risk.* actions and
 * their shortcuts, the dialog that asks why a risk lead is dismissed, the toasts with their
 * Undo, and triage: confirming through the problem ledger (zicha_problems_confirm_hits and
 * _undo_confirm), dismissing through zicha_hits_dismiss/_undo_triage. Part of
 * ZichaRiskLeadsPage (zicha-risk-leads-page-private.h). */
#define G_LOG_DOMAIN "zicha-risk-leads"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-problems.h"
#include "zicha-risk-leads-page-private.h"

/* Helpers --------------------------------------------------------------------------------- */

static char *
get_user_name (ZichaRiskLeadsPage *self)
{
  return zicha_page_get_user_name (ZICHA_PAGE (self));
}

void
_zicha_risk_leads_page_emit_changed (ZichaRiskLeadsPage *self,
                                     ZichaChangeFlags    what)
{
  self->emitting = TRUE;
  zicha_page_emit_changed (ZICHA_PAGE (self), what);
  self->emitting = FALSE;
}

static void
on_toast_dismissed_cb (AdwToast           *toast,
                       ZichaRiskLeadsPage *self)
{
  if (self->toast == toast)
    self->toast = NULL;
}

/* Shows @title, with an Undo button for @undo_hit when it is not 0. A toast still shown is
 * changed in place rather than queued behind: its Undo would no longer apply to what the
 * user looks at, and the toast widget follows the toast's properties. */
static void
show_toast (ZichaRiskLeadsPage *self,
            const char         *title,
            gint64              undo_hit)
{
  AdwToast *toast = self->toast;

  if (toast == NULL)
    {
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 8);
      self->toast = toast;
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    adw_toast_set_title (toast, title);

  /* The button follows each property at once: never a name without its target. */
  if (undo_hit != 0)
    {
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (undo_hit));
      adw_toast_set_action_name (toast, "risk.undo-triage");
      adw_toast_set_button_label (toast, _("_Undo"));
    }
  else
    {
      adw_toast_set_button_label (toast, NULL);
      adw_toast_set_action_name (toast, NULL);
      adw_toast_set_action_target_value (toast, NULL);
    }
}

void
_zicha_risk_leads_page_update_actions (ZichaRiskLeadsPage *self)
{
  ZichaHitRow *row = _zicha_risk_leads_page_get_selected_row (self);
  const ZichaHit *hit = row != NULL ? zicha_hit_row_get_hit (row) : NULL;
  gboolean running = self->run_cancellable != NULL;
  gboolean untriaged = hit != NULL && *hit->rule != '\0'
                       && (hit->status == ZICHA_HIT_OPEN || hit->status == ZICHA_HIT_RESOLVED);
  gboolean triaged = hit != NULL
                     && (hit->status == ZICHA_HIT_CONFIRMED || hit->status == ZICHA_HIT_DISMISSED);

  /* a read-only database is shown, never changed (the header says so) */
  gboolean writable = self->db != NULL && !zicha_db_get_read_only (self->db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.run", writable && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.confirm", writable && untriaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.dismiss", writable && untriaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.undo", writable && triaged);
}

/* After triage: the row, the details, the counts. */
static void
hit_changed (ZichaRiskLeadsPage *self,
             gint64              hit_id,
             const char         *rule_id,
             ZichaHitStatus      old_status)
{
  g_autoptr(ZichaHit) hit = self->db != NULL ? zicha_hits_get (self->db, hit_id, NULL) : NULL;

  if (self->list != NULL)
    zicha_hit_list_update_hit (self->list, hit_id);
  if (hit != NULL)
    _zicha_risk_leads_page_count_triage (self, rule_id, old_status, hit->status);
  else
    _zicha_risk_leads_page_refresh_counts (self);
  _zicha_risk_leads_page_update_details (self);
  _zicha_risk_leads_page_update_actions (self);
  /* a confirmed lead is a problem (and its undo takes it away) */
  _zicha_risk_leads_page_emit_changed (self, ZICHA_CHANGE_HITS | ZICHA_CHANGE_PROBLEMS);
}

/* Running the rules ----------------------------------------------------------------------- */

static void
on_run_progress_cb (guint       done,
                    guint       total,
                    const char *rule_id,
                    gpointer    user_data)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (user_data);
  const ZichaRule *rule = rule_id != NULL ? zicha_rules_lookup (rule_id) : NULL;
  g_autofree char *text = NULL;

  if (self->progress_bar == NULL)
    return;   /* disposed while the run went on */
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  if (rule != NULL)
    /* Translators: %1$u rules of %2$u are done; %3$s is the title of the last one */
    text = g_strdup_printf (_("%1$u of %2$u rules: %3$s"), done, total,
                            zicha_rule_get_title (rule));
  else
    text = g_strdup (_("Starting…"));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

void
_zicha_risk_leads_page_set_running (ZichaRiskLeadsPage *self,
                                    GCancellable       *cancellable)
{
  g_set_object (&self->run_cancellable, cancellable);
  gtk_widget_set_visible (self->progress_box, cancellable != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->run_label), cancellable == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->as_of_button), cancellable == NULL);
  _zicha_risk_leads_page_update_actions (self);
  _zicha_risk_leads_page_notify_running (self);
}

static void
on_run_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ZichaRiskLeadsPage) self = user_data;
  g_autoptr(ZichaRuleRunResult) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaDb) run_db = g_steal_pointer (&self->run_db);

  run = zicha_rules_run_finish (ZICHA_DB (source), result, &error);
  if (self->toast_overlay == NULL)
    return;   /* disposed while the run went on */
  _zicha_risk_leads_page_set_running (self, NULL);

  if (run == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("The run of the rules was cancelled; the risk leads are as before"), 0);
      else
        show_toast (self, error->message, 0);
      return;
    }
  if (run_db != self->db)
    return;   /* another database was opened meanwhile */

  {
    g_autofree char *text = NULL;

    /* Translators: after a run of the rules; %1$u risk leads found, %2$u of them new,
     * %3$u earlier ones no longer found */
    text = g_strdup_printf (_("%1$u risk leads found: %2$u new, %3$u resolved"),
                            run->total_hits, run->new_hits, run->resolved_hits);
    show_toast (self, text, 0);
  }
  g_clear_pointer (&self->last_result, zicha_rule_run_result_free);
  self->last_result = g_steal_pointer (&run);
  _zicha_risk_leads_page_refresh_counts (self);
  if (self->list != NULL)
    zicha_hit_list_reload (self->list);
  _zicha_risk_leads_page_emit_changed (self, ZICHA_CHANGE_HITS);
}

/* Actions --------------------------------------------------------------------------------- */

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  zicha_risk_leads_page_run (ZICHA_RISK_LEADS_PAGE (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);

  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
}

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);
  gint64 id = zicha_risk_leads_page_get_selected_id (self);

  if (id != 0)
    zicha_risk_leads_page_confirm_hit (self, id);
}

static void
dismiss_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);
  gint64 id = zicha_risk_leads_page_get_selected_id (self);

  if (id != 0)
    zicha_risk_leads_page_ask_dismiss (self, id);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);
  gint64 id = zicha_risk_leads_page_get_selected_id (self);

  if (id != 0)
    zicha_risk_leads_page_undo_hit (self, id);
}

static void
undo_triage_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  zicha_risk_leads_page_undo_hit (ZICHA_RISK_LEADS_PAGE (widget), g_variant_get_int64 (param));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);

  if (gtk_widget_is_drawable (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The dismiss dialog ---------------------------------------------------------------------- */

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "dismiss", *reason != '\0');
}

static void
on_reason_activate_cb (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "dismiss"))
    adw_message_dialog_response (dialog, "dismiss");
}

static void
on_dismiss_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        ZichaRiskLeadsPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "zicha-entry");
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "zicha-hit");

  if (g_str_equal (response, "dismiss"))
    zicha_risk_leads_page_dismiss_hit (self, *id, gtk_editable_get_text (entry));
}

/* Setup ----------------------------------------------------------------------------------- */

void
_zicha_risk_leads_page_class_actions_init (ZichaRiskLeadsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "risk.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "risk.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "risk.confirm", NULL, confirm_activated);
  gtk_widget_class_install_action (widget_class, "risk.dismiss", NULL, dismiss_activated);
  gtk_widget_class_install_action (widget_class, "risk.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "risk.undo-triage", "x", undo_triage_activated);
  gtk_widget_class_install_action (widget_class, "risk.search", NULL, search_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "risk.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "risk.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "risk.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "risk.dismiss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "risk.dismiss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "risk.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "risk.search", NULL);
}

/* Public API ------------------------------------------------------------------------------ */

gboolean
zicha_risk_leads_page_run (ZichaRiskLeadsPage *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *user_name = NULL;
  ZichaRuleRunOptions options = { 0, };

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL || self->run_cancellable != NULL)
    return FALSE;

  user_name = get_user_name (self);
  options.as_of = self->as_of;
  options.user_name = user_name;
  cancellable = g_cancellable_new ();
  g_set_object (&self->run_db, self->db);

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  on_run_progress_cb (0, 0, NULL, self);
  _zicha_risk_leads_page_set_running (self, cancellable);
  zicha_rules_run_async (self->db, &options, on_run_progress_cb, g_object_ref (self),
                         g_object_unref, cancellable, on_run_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
zicha_risk_leads_page_confirm_hit (ZichaRiskLeadsPage *self,
                                   gint64              hit_id)
{
  g_autoptr(ZichaHit) before = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL)
    return FALSE;
  before = zicha_hits_get (self->db, hit_id, &error);
  user_name = get_user_name (self);
  if (before == NULL
      || !zicha_problems_confirm_hits (self->db, &hit_id, 1, 0, NULL, user_name, NULL, &error))
    {
      show_toast (self, error->message, 0);
      return FALSE;
    }
  hit_changed (self, hit_id, before->rule, before->status);
  show_toast (self, _("Confirmed as a problem; it is now in the problem list"), hit_id);
  return TRUE;
}

gboolean
zicha_risk_leads_page_dismiss_hit (ZichaRiskLeadsPage *self,
                                   gint64              hit_id,
                                   const char         *reason)
{
  g_autoptr(ZichaHit) before = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL)
    return FALSE;
  before = zicha_hits_get (self->db, hit_id, &error);
  user_name = get_user_name (self);
  if (before == NULL || !zicha_hits_dismiss (self->db, hit_id, reason, user_name, &error))
    {
      show_toast (self, error->message, 0);
      return FALSE;
    }
  hit_changed (self, hit_id, before->rule, before->status);
  show_toast (self, _("Risk lead dismissed"), hit_id);
  return TRUE;
}

gboolean
zicha_risk_leads_page_undo_hit (ZichaRiskLeadsPage *self,
                                gint64              hit_id)
{
  g_autoptr(ZichaHit) before = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL)
    return FALSE;
  before = zicha_hits_get (self->db, hit_id, &error);
  user_name = get_user_name (self);
  /* a confirmed lead is a problem: the ledger takes it back; a dismissal is risk's own */
  if (before == NULL
      || !(before->status == ZICHA_HIT_CONFIRMED
           ? zicha_problems_undo_confirm (self->db, hit_id, user_name, &error)
           : zicha_hits_undo_triage (self->db, hit_id, user_name, &error)))
    {
      show_toast (self, error->message, 0);
      return FALSE;
    }
  hit_changed (self, hit_id, before->rule, before->status);
  show_toast (self, _("The risk lead is open again"), 0);
  return TRUE;
}

AdwMessageDialog *
zicha_risk_leads_page_ask_dismiss (ZichaRiskLeadsPage *self,
                                   gint64              hit_id)
{
  g_autoptr(ZichaHit) hit = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);

  if (self->db == NULL || (hit = zicha_hits_get (self->db, hit_id, &error)) == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Dismiss Risk Lead?"), hit->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "dismiss", _("_Dismiss"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "dismiss",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "dismiss", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "dismiss");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  _("Why is this not a problem? (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for dismissing"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_reason_activate_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data (G_OBJECT (dialog), "zicha-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "zicha-hit", g_memdup2 (&hit_id, sizeof hit_id),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dismiss_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return ADW_MESSAGE_DIALOG (dialog);
}
