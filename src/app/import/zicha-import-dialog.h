/* zicha-import-dialog.h — importing a folder, with progress, errors and a summary
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"
#include "zicha-import.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_IMPORT_DIALOG (zicha_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZichaImportDialog, zicha_import_dialog, ZICHA, IMPORT_DIALOG, AdwWindow)

/* A dialog that imports @folder into @db once started; @user_name is recorded with it. */
ZichaImportDialog *zicha_import_dialog_new           (GtkWindow          *parent,
                                                      ZichaDb            *db,
                                                      GFile              *folder,
                                                      const char         *user_name);
void               zicha_import_dialog_start         (ZichaImportDialog  *self);
void               zicha_import_dialog_cancel        (ZichaImportDialog  *self);

/* "running", "done", "errors", "cancelled" or "failed". */
const char        *zicha_import_dialog_get_state     (ZichaImportDialog  *self);
/* The result once the import is over (NULL when cancelled or failed to start). */
ZichaImportResult *zicha_import_dialog_get_result    (ZichaImportDialog  *self);
/* The list of errors and warnings shown: a GListModel of items whose fields are read with
 * zicha_import_dialog_get_message (). */
GListModel        *zicha_import_dialog_get_messages  (ZichaImportDialog  *self);
const ZichaImportMessage *
                   zicha_import_dialog_get_message   (ZichaImportDialog  *self,
                                                      guint               position);

/* Writes the errors and warnings as UTF-8 CSV: file,line,column,message,value. */
gboolean           zicha_import_dialog_save_messages (ZichaImportDialog  *self,
                                                      GFile              *file,
                                                      GError            **error);

G_END_DECLS
