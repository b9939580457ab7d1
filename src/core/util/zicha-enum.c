/* zicha-enum.c — enumerations stored and printed by their nick
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-enum"

#include "config.h"

#include <string.h>

#include "zicha-enum.h"

static GEnumClass *
enum_class (GType type)
{
  /* The class is kept for the life of the process: the first reference loads it, the
   * others find it. */
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

const char *
zicha_enum_get_nick (GType type,
                     int   value)
{
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  v = g_enum_get_value (enum_class (type), value);
  return v != NULL ? v->value_nick : NULL;
}

gboolean
zicha_enum_from_nick (GType       type,
                      const char *nick,
                      gboolean    ignore_case,
                      int        *out_value)
{
  GEnumClass *klass;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;
  klass = enum_class (type);
  for (guint i = 0; i < klass->n_values; i++)
    if (ignore_case ? g_ascii_strcasecmp (klass->values[i].value_nick, nick) == 0
                    : strcmp (klass->values[i].value_nick, nick) == 0)
      {
        *out_value = klass->values[i].value;
        return TRUE;
      }
  return FALSE;
}
