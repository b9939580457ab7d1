/* zicha-db-error.c — SQLite's errors in our words
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No English text of SQLite reaches a user alone: each result code maps to a translated reason
 * and one of our error codes (busy, read-only, damaged, failed), with SQLite's own text kept
 * in brackets as a detail for whoever reads a report of it.
 */
#define G_LOG_DOMAIN "zicha-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-internal.h"
#include "zicha-error.h"

gboolean
_zicha_db_is_corrupt_code (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* Our words for what SQLite reports, so that no English text of SQLite's reaches a user
 * alone: @rc is an (extended) result code. */
static ZichaError
sqlite_reason (int          rc,
               const char **out_reason)
{
  switch (rc)
    {
    case SQLITE_READONLY_DBMOVED:
      *out_reason = _("the database file was moved or deleted while it was in use");
      return ZICHA_ERROR_FAILED;
    case SQLITE_BUSY_SNAPSHOT:
      *out_reason = _("another program changed the database in the meantime");
      return ZICHA_ERROR_BUSY;
    default:
      break;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      *out_reason = _("another program is writing to the database (an import or a rule run, "
                      "for example); try again when it has finished");
      return ZICHA_ERROR_BUSY;
    case SQLITE_READONLY:
      *out_reason = _("the database is read-only");
      return ZICHA_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      *out_reason = _("the database file is damaged");
      return ZICHA_ERROR_CORRUPT;
    case SQLITE_FULL:
      *out_reason = _("the disk is full");
      return ZICHA_ERROR_FAILED;
    case SQLITE_IOERR:
      *out_reason = _("the file could not be read or written");
      return ZICHA_ERROR_FAILED;
    case SQLITE_CANTOPEN:
      *out_reason = _("the file could not be opened");
      return ZICHA_ERROR_FAILED;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      *out_reason = _("permission denied");
      return ZICHA_ERROR_FAILED;
    case SQLITE_NOMEM:
      *out_reason = _("out of memory");
      return ZICHA_ERROR_FAILED;
    case SQLITE_INTERRUPT:
      *out_reason = _("the work was interrupted");
      return ZICHA_ERROR_FAILED;
    case SQLITE_CONSTRAINT:
      *out_reason = _("the change would break a rule of the database");
      return ZICHA_ERROR_FAILED;
    case SQLITE_TOOBIG:
      *out_reason = _("a value is too large");
      return ZICHA_ERROR_FAILED;
    default:
      *out_reason = _("an internal error of the database");
      return ZICHA_ERROR_FAILED;
    }
}

void
zicha_db_set_sqlite_error (sqlite3     *handle,
                           int          rc,
                           GError     **error,
                           const char  *what)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  const char *reason = NULL;
  ZichaError code = sqlite_reason (rc, &reason);

  g_set_error (error, ZICHA_ERROR, code,
               /* Translators: %1$s says what was being done, %2$s why it failed (both
                * translated), %3$s is the database's own English text, kept as a detail */
               _("%1$s: %2$s (SQLite: %3$s)"), what, reason,
               detail != NULL ? detail : "?");
}

void
zicha_db_set_error (ZichaDb     *self,
                    GError     **error,
                    const char  *what)
{
  g_return_if_fail (ZICHA_IS_DB (self));

  zicha_db_set_sqlite_error (self->handle, sqlite3_extended_errcode (self->handle), error,
                             what);
}
