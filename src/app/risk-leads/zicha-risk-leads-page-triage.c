/* zicha-risk-leads-page-triage.c — the Risk leads page: confirming, dismissing and undoing
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triage is the door into the problem ledger (DOMAIN.md section 5). The leads selected (one or
 * several; those confirmed or dismissed already are left out, and the dialogs say so) are
 * confirmed through the confirm dialog (ZichaConfirmDialog: a new problem made from them, or
 * one of the ledger) with zicha_problems_confirm_hits_as () / _confirm_hits (), or dismissed
 * with one reason through zicha_hits_dismiss_many (); either in one transaction. The toast
 * of a confirmation names the problem and opens it (win.show-problem); that of a dismissal
 * offers Undo. The last triage is undone whole (zicha_problems_undo_confirm_hits (),
 * zicha_hits_undo_triage_many ()), by the toast's Undo or by Ctrl+Z on one of its leads.
 * Part of ZichaRiskLeadsPage (zicha-risk-leads-page-private.h). */
#define G_LOG_DOMAIN "zicha-risk-leads"

#include "config.h"

#include <glib/gi18n.h>

#include "zicha-problems.h"
#include "zicha-risk-leads-page-private.h"

/* Helpers --------------------------------------------------------------------------------- */

char *
_zicha_risk_leads_page_get_user_name (ZichaRiskLeadsPage *self)
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

/* Shows @title with a button @label (may be NULL) that activates @action with @target. A toast
 * still shown is changed in place rather than queued behind: its button would no longer apply
 * to what the user looks at, and the toast widget follows the toast's properties. */
static void
show_toast (ZichaRiskLeadsPage *self,
            const char         *title,
            const char         *label,
            const char         *action,
            GVariant           *target)
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
  if (label != NULL)
    {
      adw_toast_set_action_name (toast, NULL);
      adw_toast_set_action_target_value (toast, target);
      adw_toast_set_action_name (toast, action);
      adw_toast_set_button_label (toast, label);
    }
  else
    {
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
      adw_toast_set_button_label (toast, NULL);
      adw_toast_set_action_name (toast, NULL);
      adw_toast_set_action_target_value (toast, NULL);
    }
}

void
_zicha_risk_leads_page_show_toast (ZichaRiskLeadsPage *self,
                                   const char         *title)
{
  show_toast (self, title, NULL, NULL, NULL);
}

static gboolean
last_triage_has (ZichaRiskLeadsPage *self,
                 gint64              hit_id)
{
  for (guint i = 0; self->last_triage != NULL && i < self->last_triage->len; i++)
    if (g_array_index (self->last_triage, gint64, i) == hit_id)
      return TRUE;
  return FALSE;
}

void
_zicha_risk_leads_page_update_actions (ZichaRiskLeadsPage *self)
{
  g_autoptr(ZichaHitRow) row = _zicha_risk_leads_page_dup_current_row (self);
  g_autoptr(GPtrArray) hits = _zicha_risk_leads_page_get_selected_hits (self);
  const ZichaHit *hit = row != NULL ? zicha_hit_row_get_hit (row) : NULL;
  gboolean running = self->run_cancellable != NULL;
  gboolean untriaged = FALSE;
  gboolean triaged = hit != NULL
                     && (hit->status == ZICHA_HIT_CONFIRMED || hit->status == ZICHA_HIT_DISMISSED);

  /* a read-only database is shown, never changed (the header says so) */
  gboolean writable = self->db != NULL && !zicha_db_get_read_only (self->db);

  for (guint i = 0; hits != NULL && i < hits->len && !untriaged; i++)
    {
      const ZichaHit *selected = g_ptr_array_index (hits, i);

      untriaged = *selected->rule != '\0' && (selected->status == ZICHA_HIT_OPEN
                                              || selected->status == ZICHA_HIT_RESOLVED);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.run", writable && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.confirm", writable && untriaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.dismiss", writable && untriaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.undo", writable && triaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.undo-last",
                                 writable && self->last_triage != NULL);
}

/* After triage of @before (ZichaHit* as they were): the rows, the details, the counts, and
 * one word to the other pages. */
static void
hits_changed (ZichaRiskLeadsPage *self,
              GPtrArray          *before)
{
  for (guint i = 0; i < before->len; i++)
    {
      const ZichaHit *old = g_ptr_array_index (before, i);
      g_autoptr(ZichaHit) hit = self->db != NULL ? zicha_hits_get (self->db, old->id, NULL)
                                                 : NULL;

      if (self->list != NULL)
        zicha_hit_list_update_hit (self->list, old->id);
      if (hit != NULL)
        _zicha_risk_leads_page_count_triage (self, old->rule, old->status, hit->status);
      else
        _zicha_risk_leads_page_refresh_counts (self);
    }
  _zicha_risk_leads_page_update_details (self);
  _zicha_risk_leads_page_update_actions (self);
  /* a confirmed lead is a problem (and its undo takes it away) */
  _zicha_risk_leads_page_emit_changed (self, ZICHA_CHANGE_HITS | ZICHA_CHANGE_PROBLEMS);
}

/* The leads @ids as they are now (ZichaHit*), or NULL with a toast saying why. */
static GPtrArray *
read_hits (ZichaRiskLeadsPage *self,
           const gint64       *ids,
           guint               n_ids)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_hit_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      ZichaHit *hit = zicha_hits_get (self->db, ids[i], &error);

      if (hit == NULL)
        {
          _zicha_risk_leads_page_show_toast (self, error->message);
          return NULL;
        }
      g_ptr_array_add (hits, hit);
    }
  return g_steal_pointer (&hits);
}

static void
remember_triage (ZichaRiskLeadsPage *self,
                 const gint64       *ids,
                 guint               n_ids,
                 gboolean            confirmed)
{
  g_clear_pointer (&self->last_triage, g_array_unref);
  if (ids != NULL)
    {
      self->last_triage = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (self->last_triage, ids, n_ids);
    }
  self->last_confirmed = confirmed;
}

/* The untriaged leads among the selected: their ids, and how many others are left out. */
static GArray *
selected_untriaged (ZichaRiskLeadsPage *self,
                    guint              *out_skipped)
{
  g_autoptr(GPtrArray) hits = _zicha_risk_leads_page_get_selected_hits (self);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  *out_skipped = 0;
  if (hits == NULL)
    {
      g_autofree char *max = g_strdup_printf ("%u", ZICHA_RISK_LEADS_MAX_TRIAGE);
      g_autofree char *text = NULL;

      /* Translators: %s is the most leads confirmed or dismissed at once (500) */
      text = g_strdup_printf (_("Select at most %s risk leads to confirm or dismiss them "
                                "together"), max);
      _zicha_risk_leads_page_show_toast (self, text);
      return ids;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      const ZichaHit *hit = g_ptr_array_index (hits, i);

      if (hit->status == ZICHA_HIT_OPEN || hit->status == ZICHA_HIT_RESOLVED)
        g_array_append_val (ids, hit->id);
      else
        (*out_skipped)++;
    }
  return ids;
}

/* Actions --------------------------------------------------------------------------------- */

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  zicha_risk_leads_page_ask_confirm (ZICHA_RISK_LEADS_PAGE (widget));
}

static void
dismiss_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  zicha_risk_leads_page_ask_dismiss (ZICHA_RISK_LEADS_PAGE (widget));
}

/* Ctrl+Z: the last triage whole when the lead shown is one of its leads, else that lead. */
static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ZichaRiskLeadsPage *self = ZICHA_RISK_LEADS_PAGE (widget);
  gint64 id = zicha_risk_leads_page_get_selected_id (self);

  if (id != 0 && last_triage_has (self, id))
    zicha_risk_leads_page_undo_last (self);
  else if (id != 0)
    zicha_risk_leads_page_undo_hit (self, id);
}

static void
undo_last_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  zicha_risk_leads_page_undo_last (ZICHA_RISK_LEADS_PAGE (widget));
}

static void
undo_triage_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  zicha_risk_leads_page_undo_hit (ZICHA_RISK_LEADS_PAGE (widget), g_variant_get_int64 (param));
}

/* The toast's "View": the problems page shows the problem (a window action of its own; a
 * window without that page ignores it). */
static void
show_problem_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  if (!gtk_widget_activate_action (widget, "win.show-problem", "x", g_variant_get_int64 (param)))
    g_debug ("No win.show-problem action to show problem %" G_GINT64_FORMAT,
             g_variant_get_int64 (param));
}

/* The dialogs ------------------------------------------------------------------------------ */

static void
on_confirmed_cb (ZichaConfirmDialog *dialog,
                 ZichaRiskLeadsPage *self)
{
  GArray *ids = zicha_confirm_dialog_get_hit_ids (dialog);
  gint64 into = zicha_confirm_dialog_get_problem (dialog);
  ZichaProblemDraft draft = { 0 };

  draft.title = zicha_confirm_dialog_get_title (dialog);
  draft.severity = zicha_confirm_dialog_get_severity (dialog);
  zicha_risk_leads_page_confirm_hits (self, (const gint64 *) ids->data, ids->len, into,
                                      into == 0 ? &draft : NULL,
                                      zicha_confirm_dialog_get_note (dialog));
}

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
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "zicha-hits");

  if (g_str_equal (response, "dismiss"))
    zicha_risk_leads_page_dismiss_hits (self, (const gint64 *) ids->data, ids->len,
                                        gtk_editable_get_text (entry));
}

/* Setup ----------------------------------------------------------------------------------- */

void
_zicha_risk_leads_page_class_triage_init (ZichaRiskLeadsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "risk.confirm", NULL, confirm_activated);
  gtk_widget_class_install_action (widget_class, "risk.dismiss", NULL, dismiss_activated);
  gtk_widget_class_install_action (widget_class, "risk.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "risk.undo-last", NULL, undo_last_activated);
  gtk_widget_class_install_action (widget_class, "risk.undo-triage", "x", undo_triage_activated);
  gtk_widget_class_install_action (widget_class, "risk.show-problem", "x",
                                   show_problem_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "risk.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "risk.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "risk.dismiss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "risk.dismiss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "risk.undo", NULL);
}

/* Public API ------------------------------------------------------------------------------ */

gint64
zicha_risk_leads_page_confirm_hits (ZichaRiskLeadsPage      *self,
                                    const gint64            *hit_ids,
                                    guint                    n_hits,
                                    gint64                   into_problem_id,
                                    const ZichaProblemDraft *draft,
                                    const char              *note)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(ZichaProblem) problem = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 problem_id = 0;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), 0);

  if (self->db == NULL || (before = read_hits (self, hit_ids, n_hits)) == NULL)
    return 0;
  user_name = _zicha_risk_leads_page_get_user_name (self);
  if (into_problem_id == 0)
    ok = zicha_problems_confirm_hits_as (self->db, hit_ids, n_hits, draft, note, user_name,
                                         &problem_id, &error);
  else
    ok = zicha_problems_confirm_hits (self->db, hit_ids, n_hits, into_problem_id, note,
                                      user_name, &problem_id, &error);
  if (!ok)
    {
      _zicha_risk_leads_page_show_toast (self, error->message);
      return 0;
    }
  remember_triage (self, hit_ids, n_hits, TRUE);
  hits_changed (self, before);
  problem = zicha_problems_get (self->db, problem_id, NULL);
  /* Translators: %s is a problem's number, ZC-2026-001 */
  text = g_strdup_printf (into_problem_id == 0 ? _("Confirmed as problem %s")
                                               : _("Added to problem %s"),
                          problem != NULL ? problem->number : "");
  show_toast (self, text, _("_View"), "risk.show-problem", g_variant_new_int64 (problem_id));
  return problem_id;
}

gboolean
zicha_risk_leads_page_confirm_hit (ZichaRiskLeadsPage *self,
                                   gint64              hit_id)
{
  return zicha_risk_leads_page_confirm_hits (self, &hit_id, 1, 0, NULL, NULL) != 0;
}

ZichaConfirmDialog *
zicha_risk_leads_page_ask_confirm (ZichaRiskLeadsPage *self)
{
  g_autoptr(GArray) ids = NULL;
  ZichaConfirmDialog *dialog;
  GtkRoot *root;
  guint skipped;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);

  if (self->db == NULL)
    return NULL;
  ids = selected_untriaged (self, &skipped);
  if (ids->len == 0)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = zicha_confirm_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                                     (const gint64 *) ids->data, ids->len, skipped);
  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
zicha_risk_leads_page_dismiss_hits (ZichaRiskLeadsPage *self,
                                    const gint64       *hit_ids,
                                    guint               n_hits,
                                    const char         *reason)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL || (before = read_hits (self, hit_ids, n_hits)) == NULL)
    return FALSE;
  user_name = _zicha_risk_leads_page_get_user_name (self);
  if (!zicha_hits_dismiss_many (self->db, hit_ids, n_hits, reason, user_name, &error))
    {
      _zicha_risk_leads_page_show_toast (self, error->message);
      return FALSE;
    }
  remember_triage (self, hit_ids, n_hits, FALSE);
  hits_changed (self, before);
  if (n_hits == 1)
    text = g_strdup (_("Risk lead dismissed"));
  else
    /* Translators: %u risk leads were dismissed together */
    text = g_strdup_printf (ngettext ("%u risk lead dismissed", "%u risk leads dismissed",
                                      n_hits), n_hits);
  show_toast (self, text, _("_Undo"), "risk.undo-last", NULL);
  return TRUE;
}

gboolean
zicha_risk_leads_page_dismiss_hit (ZichaRiskLeadsPage *self,
                                   gint64              hit_id,
                                   const char         *reason)
{
  return zicha_risk_leads_page_dismiss_hits (self, &hit_id, 1, reason);
}

gboolean
zicha_risk_leads_page_undo_hit (ZichaRiskLeadsPage *self,
                                gint64              hit_id)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;
  const ZichaHit *hit;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL || (before = read_hits (self, &hit_id, 1)) == NULL)
    return FALSE;
  hit = g_ptr_array_index (before, 0);
  user_name = _zicha_risk_leads_page_get_user_name (self);
  /* a confirmed lead is a problem: the ledger takes it back; a dismissal is risk's own */
  if (!(hit->status == ZICHA_HIT_CONFIRMED
        ? zicha_problems_undo_confirm (self->db, hit_id, user_name, &error)
        : zicha_hits_undo_triage (self->db, hit_id, user_name, &error)))
    {
      _zicha_risk_leads_page_show_toast (self, error->message);
      return FALSE;
    }
  if (last_triage_has (self, hit_id))
    remember_triage (self, NULL, 0, FALSE);
  hits_changed (self, before);
  _zicha_risk_leads_page_show_toast (self, _("The risk lead is open again"));
  return TRUE;
}

gboolean
zicha_risk_leads_page_undo_last (ZichaRiskLeadsPage *self)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *user_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ZichaHitStatus status;
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), FALSE);

  if (self->db == NULL || self->last_triage == NULL
      || (before = read_hits (self, (const gint64 *) self->last_triage->data,
                              self->last_triage->len)) == NULL)
    return FALSE;
  /* those of its leads that are still as that triage left them */
  status = self->last_confirmed ? ZICHA_HIT_CONFIRMED : ZICHA_HIT_DISMISSED;
  for (guint i = before->len; i > 0; i--)
    if (((ZichaHit *) g_ptr_array_index (before, i - 1))->status != status)
      g_ptr_array_remove_index (before, i - 1);
  for (guint i = 0; i < before->len; i++)
    g_array_append_val (ids, ((ZichaHit *) g_ptr_array_index (before, i))->id);
  user_name = _zicha_risk_leads_page_get_user_name (self);
  ok = self->last_confirmed
       ? zicha_problems_undo_confirm_hits (self->db, (const gint64 *) ids->data, ids->len,
                                           user_name, &error)
       : zicha_hits_undo_triage_many (self->db, (const gint64 *) ids->data, ids->len,
                                      user_name, &error);
  if (!ok)
    {
      _zicha_risk_leads_page_show_toast (self, error->message);
      return FALSE;
    }
  remember_triage (self, NULL, 0, FALSE);
  hits_changed (self, before);
  if (ids->len == 1)
    text = g_strdup (_("The risk lead is open again"));
  else
    /* Translators: after undoing the triage of %u risk leads */
    text = g_strdup_printf (ngettext ("%u risk lead is open again",
                                      "%u risk leads are open again", ids->len), ids->len);
  _zicha_risk_leads_page_show_toast (self, text);
  return TRUE;
}

AdwMessageDialog *
zicha_risk_leads_page_ask_dismiss (ZichaRiskLeadsPage *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(ZichaHit) hit = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;
  guint skipped;

  g_return_val_if_fail (ZICHA_IS_RISK_LEADS_PAGE (self), NULL);

  if (self->db == NULL)
    return NULL;
  ids = selected_untriaged (self, &skipped);
  if (ids->len == 0)
    return NULL;
  if (ids->len == 1)
    {
      hit = zicha_hits_get (self->db, g_array_index (ids, gint64, 0), NULL);
      heading = g_strdup (_("Dismiss Risk Lead?"));
      g_string_append (body, hit != NULL && hit->message != NULL ? hit->message : "");
    }
  else
    {
      /* Translators: the heading of the dialog that dismisses %u risk leads together */
      heading = g_strdup_printf (ngettext ("Dismiss %u Risk Lead?", "Dismiss %u Risk Leads?",
                                           ids->len), ids->len);
      g_string_append (body, _("The reason is kept with each of them."));
    }
  if (skipped > 0)
    {
      g_string_append_c (body, '\n');
      /* Translators: leads of the selection that the dismiss dialog leaves out */
      g_string_append_printf (body, ngettext ("%u selected lead is confirmed or dismissed "
                                              "already and is left out.",
                                              "%u selected leads are confirmed or dismissed "
                                              "already and are left out.", skipped), skipped);
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body->str);
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
  g_object_set_data_full (G_OBJECT (dialog), "zicha-hits", g_steal_pointer (&ids),
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dismiss_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return ADW_MESSAGE_DIALOG (dialog);
}
