/* zicha-confirm-dialog.h — confirming risk leads (风险线索) as a problem: a new one, or one of
 * the ledger
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_CONFIRM_DIALOG (zicha_confirm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZichaConfirmDialog, zicha_confirm_dialog, ZICHA, CONFIRM_DIALOG, AdwWindow)

/* A modal dialog over @parent for confirming the leads @hit_ids (untriaged ones; at least
 * one) of @db; @n_skipped more of the selection are confirmed or dismissed already and are
 * left out, which it says. "新建问题" shows what the new problem will be
 * (zicha_problems_preview_hits ()) and lets the title and severity be changed; "加入已有问题"
 * picks a problem that is neither closed nor withdrawn, by number or title. The
 * "confirmed" signal says the user confirmed; the getters say what. The dialog closes itself
 * afterwards. */
ZichaConfirmDialog *zicha_confirm_dialog_new          (GtkWindow           *parent,
                                                       ZichaDb             *db,
                                                       const gint64        *hit_ids,
                                                       guint                n_hits,
                                                       guint                n_skipped);

/* The leads to confirm (a GArray of gint64). */
GArray             *zicha_confirm_dialog_get_hit_ids  (ZichaConfirmDialog  *self);
/* The problem picked, or 0 for a new problem. */
gint64              zicha_confirm_dialog_get_problem  (ZichaConfirmDialog  *self);
/* For a new problem: its title and severity nick as the user left them. */
const char         *zicha_confirm_dialog_get_title    (ZichaConfirmDialog  *self);
const char         *zicha_confirm_dialog_get_severity (ZichaConfirmDialog  *self);
/* The note, NULL when empty. */
const char         *zicha_confirm_dialog_get_note     (ZichaConfirmDialog  *self);

/* Test hooks: "new" or "existing" as the radio buttons do, the problem list's rows' ids in
 * order, picking one of them, and the Confirm button (FALSE while it is disabled). */
void                zicha_confirm_dialog_set_mode     (ZichaConfirmDialog  *self,
                                                       const char          *mode);
GArray             *zicha_confirm_dialog_list_problems (ZichaConfirmDialog *self);
gboolean            zicha_confirm_dialog_pick_problem (ZichaConfirmDialog  *self,
                                                       gint64               problem_id);
gboolean            zicha_confirm_dialog_accept       (ZichaConfirmDialog  *self);

G_END_DECLS
