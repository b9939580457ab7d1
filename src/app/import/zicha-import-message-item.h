/* zicha-import-message-item.h — one message of an import's result, as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "zicha-import.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_IMPORT_MESSAGE_ITEM (zicha_import_message_item_get_type ())
G_DECLARE_FINAL_TYPE (ZichaImportMessageItem, zicha_import_message_item,
                      ZICHA, IMPORT_MESSAGE_ITEM, GObject)

/* An item for @message, which the ZichaImportResult it belongs to keeps: the item must not
 * outlive it. */
ZichaImportMessageItem   *zicha_import_message_item_new         (const ZichaImportMessage *message);

const ZichaImportMessage *zicha_import_message_item_get_message (ZichaImportMessageItem   *self);

G_END_DECLS
