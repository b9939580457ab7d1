/* zicha-format.c — numbers as the body reads them
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-format"

#include "config.h"

#include <inttypes.h>

#include "zicha-format.h"

char *
zicha_format_money (gint64 fen)
{
  return g_strdup_printf ("%s%" PRId64 ".%02d", fen < 0 && fen > -100 ? "-" : "", fen / 100,
                          (int) (ABS (fen) % 100));
}
