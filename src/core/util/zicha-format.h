/* zicha-format.h — numbers as the body reads them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An amount in fen (hundredths of a yuan) as yuan with two decimals: 123456 → "1234.56". */
char *zicha_format_money (gint64 fen);

G_END_DECLS
