/* zicha-scope-code.c — business scope codes (专业代码) and which covers which
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-records"

#include "config.h"

#include <string.h>

#include "zicha-scope-code.h"

gboolean
zicha_scope_code_covers (const char *a,
                         const char *b)
{
  size_t la;

  if (a == NULL || b == NULL || *a == '\0')
    return FALSE;
  la = strlen (a);
  /* DOMAIN.md section 2: "17" covers "17.06.01"; "17.06" does not cover "17.6" or "17.061". */
  return strncmp (a, b, la) == 0 && (b[la] == '\0' || b[la] == '.');
}

gboolean
zicha_scope_code_foreach_prefix (const char *code,
                                 gboolean  (*func) (const char *code, gsize len, gpointer data),
                                 gpointer    data)
{
  gsize i;

  for (i = 0; code[i] != '\0'; i++)
    if (code[i] == '.' && i > 0 && func (code, i, data))
      return TRUE;
  return i > 0 && func (code, i, data);
}
