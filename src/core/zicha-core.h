/* zicha-core.h — everything the app and the CLI may use of the core
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zicha-error.h"
#include "zicha-db.h"
#include "zicha-records.h"
#include "zicha-audit-time.h"

G_BEGIN_DECLS

/* setlocale, bindtextdomain and textdomain for the zicha domain. The locale
 * directory is ZICHA_LOCALEDIR from the environment when set (tests use the
 * build folder), else the installed one, else the build folder's. */
void zicha_core_init_i18n (void);

G_END_DECLS
