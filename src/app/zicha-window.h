/* zicha-window.h — the main window: sidebar, pages and the open database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"
#include "zicha-application.h"
#include "zicha-import-dialog.h"
#include "zicha-records-page.h"
#include "zicha-risk-leads-page.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_WINDOW (zicha_window_get_type ())
G_DECLARE_FINAL_TYPE (ZichaWindow, zicha_window, ZICHA, WINDOW, AdwApplicationWindow)

ZichaWindow *zicha_window_new                 (ZichaApplication *application);

/* The open database, or NULL while none could be opened. */
ZichaDb     *zicha_window_get_db              (ZichaWindow      *self);

/* Opens the existing database @file. On success it replaces the open one and
 * is remembered as "last-database"; on failure the error is shown and the
 * open database, if any, stays. */
gboolean     zicha_window_open_database       (ZichaWindow      *self,
                                               GFile            *file);
/* Same with open flags (ZICHA_DB_OPEN_CREATE creates a missing file). */
gboolean     zicha_window_load_database       (ZichaWindow      *self,
                                               GFile            *file,
                                               ZichaDbOpenFlags  flags);

/* File choosers of the New Database… and Open Database… menu items. */
void         zicha_window_choose_database     (ZichaWindow      *self);
void         zicha_window_choose_new_database (ZichaWindow      *self);

/* Import Folder… (win.import, Ctrl+I): a folder chooser, then zicha_window_import_folder. */
void         zicha_window_choose_import_folder (ZichaWindow     *self);
/* Imports @folder into the open database in an import dialog, shown and started; the
 * Records and Overview pages are refreshed when it succeeds. NULL without a database. */
ZichaImportDialog *
             zicha_window_import_folder       (ZichaWindow      *self,
                                               GFile            *folder);
/* Writes the import templates (导入模板) into @folder and says so in a message dialog. */
gboolean     zicha_window_save_templates      (ZichaWindow      *self,
                                               GFile            *folder);
ZichaRecordsPage *
             zicha_window_get_records_page    (ZichaWindow      *self);
ZichaRiskLeadsPage *
             zicha_window_get_risk_leads_page (ZichaWindow      *self);
/* Shows the record of kind @kind_id (interchange file stem, "certificates") with key @key
 * (its cert_no, audit_id, …) in the Records page; the win.show-record action, parameter
 * (kind_id, key). When there is no such record the list of its kind is shown; FALSE then. */
gboolean     zicha_window_show_record         (ZichaWindow      *self,
                                               const char       *kind_id,
                                               const char       *key);

/* Name of the visible page ("overview", "records", …), or "error" while no
 * database is open. */
const char  *zicha_window_get_visible_page    (ZichaWindow      *self);
/* The title shown above the visible page. */
const char  *zicha_window_get_page_title      (ZichaWindow      *self);

G_END_DECLS
