/* zicha-plans-ui-private.h — what the widgets and dialogs of the plans page share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plans page (zicha-plans-page.c) shows a plan in three parts — its overview, its
 * checklist and its samples — and opens dialogs to edit them. Each part and dialog edits
 * through core with the user's name and tells the page, which tells the session what changed
 * (zicha_page_emit_changed ()) and so refreshes every page, itself included. These helpers
 * are the few things they all need: the page a widget belongs to, "today", labels, lists
 * typed by users, dates with a calendar, the problems raised from items, confirmations. */
#pragma once

#include <adwaita.h>

#include "zicha-checklist.h"
#include "zicha-core.h"
#include "zicha-day.h"
#include "zicha-plans-page.h"
#include "zicha-plans.h"
#include "zicha-problems.h"
#include "zicha-rules.h"
#include "zicha-sampling.h"
#include "zicha-session.h"

G_BEGIN_DECLS

/* The plans page @widget is in, or NULL. */
ZichaPlansPage *_zicha_plans_ui_get_page       (GtkWidget        *widget);
/* The user name every edit is recorded with (a new string). */
char           *_zicha_plans_ui_user_name      (ZichaPlansPage   *page);
/* Tells the session that @what changed (the page and every other page refresh). */
void            _zicha_plans_ui_changed        (ZichaPlansPage   *page,
                                                ZichaChangeFlags  what);
/* A toast on the page; returns it (owned by the overlay) to add a button. */
AdwToast       *_zicha_plans_ui_toast          (ZichaPlansPage   *page,
                                                const char       *title);
/* The window the page is in, as the parent of a dialog (NULL when none). */
GtkWindow      *_zicha_plans_ui_window         (GtkWidget        *widget);

/* Today as YYYY-MM-DD: the database's "demo-today" when it has one (a demo body lives on
 * its own date), else the local date. */
void            _zicha_plans_ui_today          (ZichaDb          *db,
                                                char              out[11]);
/* TRUE for "" or a valid YYYY-MM-DD. */
gboolean        _zicha_plans_ui_date_ok        (const char       *text);

/* A list as users type it ("QMS, EMS", "QMS EMS", "QMS、EMS"): the words, upper-cased with
 * @upper; NULL when there is none. */
GStrv           _zicha_plans_ui_split_list     (const char       *text,
                                                gboolean          upper);
/* The words of @list joined for display or editing ("QMS EMS"); "" for none. */
char           *_zicha_plans_ui_join_list      (const char * const *list,
                                                const char       *separator);

/* "张三（P001）", or the name alone for a free name; "" for none. */
char           *_zicha_plans_ui_format_person  (const char       *name,
                                                const char       *person_id);
/* The four focus areas' labels (as the risk leads page shows them), in ZichaRuleArea order. */
GtkStringList  *_zicha_plans_ui_area_model     (void);
/* The labels of a checklist conclusion for a drop-down: "Not concluded yet", 符合, 不符合 and
 * (with @not_applicable) 不适用, in ZichaCheckConclusion order. */
GtkStringList  *_zicha_plans_ui_conclusion_model (gboolean        not_applicable);
/* The label of @conclusion, "" for none. */
const char     *_zicha_plans_ui_conclusion_label (ZichaCheckConclusion conclusion);

/* Gives @row a button with a calendar that fills it with the day picked. */
void            _zicha_plans_ui_add_calendar   (AdwEntryRow      *row);
/* The text of a text view, trimmed (a new string), and setting it (NULL: empty). */
char           *_zicha_plans_ui_text_view_get  (GtkTextView      *view);
void            _zicha_plans_ui_text_view_set  (GtkTextView      *view,
                                                const char       *text);
/* The text of an editable trimmed, NULL when empty (a new string). */
char           *_zicha_plans_ui_editable_get   (GtkEditable      *editable);

/* The problems raised from checklist items (@source "checklist") or sample items ("sample"):
 * a table from the item's id (gint64*) to a GPtrArray of ZichaProblem*, in number order. */
GHashTable     *_zicha_plans_ui_problems_by_item (ZichaDb        *db,
                                                  ZichaProblemSource source);
/* A flat button "ZC-2026-001" that opens the problem (win.show-problem). */
GtkWidget      *_zicha_plans_ui_problem_button (const ZichaProblem *problem);

typedef void (*ZichaPlansConfirmFunc) (gpointer user_data);

/* Asks whether to go on with a destructive @action_label ("_Delete"): @func runs with
 * @user_data when the user says so; @destroy frees @user_data either way. Returns the
 * dialog (shown). */
AdwMessageDialog *_zicha_plans_ui_confirm      (GtkWidget            *parent,
                                                const char           *heading,
                                                const char           *body,
                                                const char           *action_label,
                                                ZichaPlansConfirmFunc func,
                                                gpointer              user_data,
                                                GDestroyNotify        destroy);

G_END_DECLS
