/* zicha-error.h — the project's error domain and exit codes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZICHA_ERROR (zicha_error_quark ())

/* Every code maps to one exit code of zicha-cli (zicha_error_exit_code). */
typedef enum
{
  ZICHA_ERROR_FAILED,        /* generic failure                       → 1 */
  ZICHA_ERROR_NOT_FOUND,     /* missing file or folder                → 1 */
  ZICHA_ERROR_NOT_DATABASE,  /* file is not an SQLite database        → 1 */
  ZICHA_ERROR_FOREIGN,       /* SQLite database of another program    → 1 */
  ZICHA_ERROR_NEWER,         /* Zicha database of a newer schema      → 1 */
  ZICHA_ERROR_CORRUPT,       /* damaged database                      → 1 */
  ZICHA_ERROR_USAGE,         /* bad option or value                   → 2 */
  ZICHA_ERROR_INVALID_DATA,  /* input data rejected                   → 3 */
  ZICHA_ERROR_CONFLICT,      /* conflicts wait for a choice           → 4 */
  ZICHA_ERROR_VERIFY,        /* verification found breaks             → 5 */
  ZICHA_ERROR_BUSY,          /* another program holds the database    → 1 */
  ZICHA_ERROR_READ_ONLY,     /* the database cannot be written        → 1 */
} ZichaError;

enum
{
  ZICHA_EXIT_OK = 0,
  ZICHA_EXIT_FAILURE = 1,
  ZICHA_EXIT_USAGE = 2,
  ZICHA_EXIT_INVALID_DATA = 3,
  ZICHA_EXIT_CONFLICT = 4,
  ZICHA_EXIT_VERIFY = 5,
};

GQuark zicha_error_quark     (void);
int    zicha_error_exit_code (const GError *error);

G_END_DECLS
