/* zicha-ui-test.h — what the UI test programs share
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each tests/test-ui-*.c program drives the real Zicha window of one page under Xvfb. It calls
 * zicha_ui_test_init (), adds its cases with g_test_add_func () (and may fill the database
 * first), then zicha_ui_test_run (): that starts a ZichaApplication with --db on a temporary
 * database and runs the cases in order from an idle callback inside g_application_run ().
 * The cases share one application and one window, so a case sees what earlier cases of its
 * program left behind.
 *
 * Only the test programs link this library: its globals and helpers keep the short names the
 * cases have always used. Include this header after every other one.
 */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"
#include "zicha-application.h"
#include "zicha-import-dialog.h"
#include "zicha-record-view.h"
#include "zicha-records-page.h"
#include "zicha-risk-leads-page.h"
#include "zicha-window.h"
#include "zicha-test-utils.h"

G_BEGIN_DECLS

/* Sets the zh_CN locale (the users read Chinese), initializes GTest, and makes the temporary
 * folder (zicha-test-@name-XXXXXX) and the path of the database the application opens. */
void                zicha_ui_test_init     (int         *argc,
                                            char      ***argv,
                                            const char  *name);
/* Runs the application on db_path and the cases added by then; quits it, removes the
 * temporary folder and returns what g_test_run () returned. */
int                 zicha_ui_test_run      (void);

/* The application and its main window (set once the application runs), the temporary folder
 * and the database the window opened first, in that folder. */
extern ZichaApplication *app;
extern ZichaWindow      *window;
extern const char       *tmp_dir;
extern const char       *db_path;

typedef gboolean (*WaitFunc) (gpointer data);

/* A GSourceFunc that sets the gboolean at @user_data to TRUE. */
gboolean            on_timeout_cb          (gpointer    user_data);
/* Lets GTK handle everything pending: layout, mapping, idle callbacks. */
void                flush_main_loop        (void);
/* Waits up to @ms milliseconds for @widget to be mapped. */
gboolean            wait_mapped            (GtkWidget  *widget,
                                            guint       ms);
/* Iterates the main loop until @func is TRUE, at most @ms milliseconds (through
 * zicha_test_wait_until ()), then lets GTK handle what is pending; returns @func's answer. */
gboolean            wait_until             (WaitFunc    func,
                                            gpointer    data,
                                            guint       ms);

/* All widgets of @type below (and including) @root, in tree order. */
GPtrArray          *find_widgets           (GtkWidget  *root,
                                            GType       type);
/* The toplevel of @type other than the main window, if one is shown. */
GtkWindow          *find_toplevel          (GType       type);
/* Waits up to 10 s for a toplevel of @type to be shown. */
GtkWindow          *wait_toplevel          (GType       type);
/* The button of @root whose label is the translation of @label. */
GtkWidget          *find_button            (GtkWidget  *root,
                                            const char *label);
gboolean            is_ascii               (const char *s);

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

/* A WaitFunc: TRUE when a mapped label below @data's root shows its text (a LabelWait). */
gboolean            label_shown            (gpointer    data);
/* TRUE when a mapped label below @root shows @text (waits up to 5 s for it). */
gboolean            shows_label            (GtkWidget  *root,
                                            const char *text);

/* GtkFileChooserNative falls back to a GtkFileChooserDialog without a portal:
 * answer it like a user would: cancel, or (Save only) accept @name in @folder.
 * @dialog may be gone once it has responded. */
void                answer_chooser         (const char *folder,
                                            const char *name,
                                            int         response);
/* Activates the key binding @keyval + @mods of @widget's class as a key press would. */
gboolean            activate_binding       (GtkWidget       *widget,
                                            guint            keyval,
                                            GdkModifierType  mods);

/* Import and the Records page. */
/* A WaitFunc: TRUE when the import of the ZichaImportDialog @data is over. */
gboolean            import_over            (gpointer    data);
/* Imports tests/data/@name through the window and waits for the import to end. */
ZichaImportDialog  *import_and_wait        (const char *name);
/* A WaitFunc: TRUE when the list of the ZichaRecordView @data has loaded. */
gboolean            list_ready             (gpointer    data);
/* Shows the Records page at @kind and waits for its list. */
ZichaRecordView    *show_records           (ZichaRecordKind kind);
guint               n_rows                 (ZichaRecordView *view);

/* Risk leads (风险线索). */
/* A WaitFunc: TRUE when the ZichaRiskLeadsPage @data runs no rules. */
gboolean            risk_run_over          (gpointer    data);
/* A WaitFunc: TRUE when the ZichaHitList @data has loaded. */
gboolean            hit_list_ready         (gpointer    data);
/* A database @name in the temporary folder with the demo body of 200 certificates, dated as
 * of 2026-06-30 (demo-today). Returns its path. */
char               *make_demo_database     (const char *name);
/* Shows the Risk leads page. */
ZichaRiskLeadsPage *show_risk_leads        (void);

G_END_DECLS
