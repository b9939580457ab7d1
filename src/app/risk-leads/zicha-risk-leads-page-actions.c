/* zicha-risk-leads-page-actions.c — the Risk leads page: runs of the rules and their actions
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running the rules (zicha_rules_run_async, with progress and Cancel), the risk.run,
 * risk.cancel and risk.search actions and their shortcuts. Triage is in
 * zicha-risk-leads-page-triage.c. Part of ZichaRiskLeadsPage
 * (zicha-risk-leads-page-private.h). */
#define G_LOG_DOMAIN "zicha-risk-leads"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-risk-leads-page-private.h"

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
        _zicha_risk_leads_page_show_toast (
          self, _("The run of the rules was cancelled; the risk leads are as before"));
      else
        _zicha_risk_leads_page_show_toast (self, error->message);
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
    _zicha_risk_leads_page_show_toast (self, text);
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
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);

  if (gtk_widget_is_drawable (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Setup ----------------------------------------------------------------------------------- */

void
_zicha_risk_leads_page_class_actions_init (ZichaRiskLeadsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "risk.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "risk.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "risk.search", NULL, search_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "risk.run", NULL);
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

  user_name = _zicha_risk_leads_page_get_user_name (self);
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
