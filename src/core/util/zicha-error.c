/* zicha-error.c — the project's error domain and exit codes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-error"

#include "config.h"

#include "zicha-error.h"

G_DEFINE_QUARK (zicha-error-quark, zicha_error)

int
zicha_error_exit_code (const GError *error)
{
  if (error == NULL)
    return ZICHA_EXIT_OK;

  if (error->domain != ZICHA_ERROR)
    return ZICHA_EXIT_FAILURE;

  switch ((ZichaError) error->code)
    {
    case ZICHA_ERROR_USAGE:
      return ZICHA_EXIT_USAGE;
    case ZICHA_ERROR_INVALID_DATA:
      return ZICHA_EXIT_INVALID_DATA;
    case ZICHA_ERROR_CONFLICT:
      return ZICHA_EXIT_CONFLICT;
    case ZICHA_ERROR_VERIFY:
      return ZICHA_EXIT_VERIFY;
    case ZICHA_ERROR_FAILED:
    case ZICHA_ERROR_NOT_FOUND:
    case ZICHA_ERROR_NOT_DATABASE:
    case ZICHA_ERROR_FOREIGN:
    case ZICHA_ERROR_NEWER:
    case ZICHA_ERROR_CORRUPT:
    case ZICHA_ERROR_BUSY:
    case ZICHA_ERROR_READ_ONLY:
    default:
      return ZICHA_EXIT_FAILURE;
    }
}
