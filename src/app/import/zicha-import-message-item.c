/* zicha-import-message-item.c — one message of an import's result, as a list item
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import dialog lists the errors and warnings of an import in a column view, whose
 * model needs GObjects: each item points to one ZichaImportMessage of the dialog's
 * ZichaImportResult, which owns the messages. */
#define G_LOG_DOMAIN "zicha-import-message-item"

#include "config.h"

#include "zicha-import-message-item.h"

struct _ZichaImportMessageItem
{
  GObject                   parent_instance;

  const ZichaImportMessage *message;   /* owned by the import's result */
};

G_DEFINE_FINAL_TYPE (ZichaImportMessageItem, zicha_import_message_item, G_TYPE_OBJECT)

static void
zicha_import_message_item_class_init (ZichaImportMessageItemClass *klass)
{
}

static void
zicha_import_message_item_init (ZichaImportMessageItem *self)
{
}

ZichaImportMessageItem *
zicha_import_message_item_new (const ZichaImportMessage *message)
{
  ZichaImportMessageItem *self = g_object_new (ZICHA_TYPE_IMPORT_MESSAGE_ITEM, NULL);

  self->message = message;
  return self;
}

const ZichaImportMessage *
zicha_import_message_item_get_message (ZichaImportMessageItem *self)
{
  g_return_val_if_fail (ZICHA_IS_IMPORT_MESSAGE_ITEM (self), NULL);
  return self->message;
}
