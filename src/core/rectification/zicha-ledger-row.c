/* zicha-ledger-row.c — one problem of the rectification ledger (整改台账) as shown in a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GObject holding a ZichaLedgerEntry for the list models of GTK: a cell binds to the entry's
 * texts (already translated where they are labels). */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include "zicha-ledger-row.h"
#include "zicha-rectification-private.h"

struct _ZichaLedgerRow
{
  GObject           parent_instance;

  ZichaLedgerEntry *entry;
};

G_DEFINE_FINAL_TYPE (ZichaLedgerRow, zicha_ledger_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zicha_ledger_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZichaLedgerRow *self = ZICHA_LEDGER_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_boxed (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_ledger_row_finalize (GObject *object)
{
  ZichaLedgerRow *self = ZICHA_LEDGER_ROW (object);

  g_clear_pointer (&self->entry, zicha_ledger_entry_free);
  G_OBJECT_CLASS (zicha_ledger_row_parent_class)->finalize (object);
}

static void
zicha_ledger_row_class_init (ZichaLedgerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zicha_ledger_row_get_property;
  object_class->finalize = zicha_ledger_row_finalize;

  properties[PROP_ENTRY] =
    g_param_spec_boxed ("entry", NULL, NULL, ZICHA_TYPE_LEDGER_ENTRY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zicha_ledger_row_init (ZichaLedgerRow *self)
{
}

ZichaLedgerRow *
_zicha_ledger_row_new (ZichaLedgerEntry *entry)
{
  ZichaLedgerRow *self = g_object_new (ZICHA_TYPE_LEDGER_ROW, NULL);

  self->entry = entry;
  return self;
}

void
_zicha_ledger_row_set_entry (ZichaLedgerRow   *self,
                             ZichaLedgerEntry *entry)
{
  g_clear_pointer (&self->entry, zicha_ledger_entry_free);
  self->entry = entry;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

const ZichaLedgerEntry *
zicha_ledger_row_get_entry (ZichaLedgerRow *self)
{
  g_return_val_if_fail (ZICHA_IS_LEDGER_ROW (self), NULL);
  return self->entry;
}

gint64
zicha_ledger_row_get_id (ZichaLedgerRow *self)
{
  g_return_val_if_fail (ZICHA_IS_LEDGER_ROW (self), 0);
  return self->entry != NULL && self->entry->problem->number != NULL
         ? self->entry->problem->id : 0;
}

const char *
zicha_ledger_row_get_state_label (ZichaLedgerRow *self)
{
  g_return_val_if_fail (ZICHA_IS_LEDGER_ROW (self), "");
  if (self->entry == NULL || self->entry->problem->number == NULL)
    return "";
  return zicha_problem_state_get_label (self->entry->problem->state);
}
