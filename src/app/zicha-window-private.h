/* zicha-window-private.h — the window's own parts, shared by its files (app only)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha-window.c: the sidebar, the pages and the session, the open database;
 * zicha-window-files.c: the file and folder choosers, the import and the import templates. */
#pragma once

#include "zicha-overview-page.h"
#include "zicha-session.h"
#include "zicha-window.h"

G_BEGIN_DECLS

struct _ZichaWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  ZichaSession         *session;
  ZichaDb              *db;
  GtkNativeDialog      *chooser;
  GtkNativeDialog      *folder_chooser;
  GListModel           *pages;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *page_title;
  AdwStatusPage        *error_page;
  ZichaOverviewPage    *overview_page;
  ZichaRecordsPage     *records_page;
  ZichaRiskLeadsPage   *risk_leads_page;
};

/* An error of opening a database: the whole window says it while no database is open, else a
 * message dialog. */
void  _zicha_window_show_error               (ZichaWindow  *self,
                                              const GError *error);
void  _zicha_window_close_folder_chooser     (ZichaWindow  *self);
/* win.import and win.save-templates */
void  _zicha_window_import_activated         (GtkWidget    *widget,
                                              const char   *action_name,
                                              GVariant     *param);
void  _zicha_window_save_templates_activated (GtkWidget    *widget,
                                              const char   *action_name,
                                              GVariant     *param);

G_END_DECLS
