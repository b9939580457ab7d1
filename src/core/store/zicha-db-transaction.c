/* zicha-db-transaction.c — transactions, and the enclosing transaction of work made of many
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of core is a transaction of its own (zicha_db_begin … commit or rollback).
 * Work made of many such changes that must be kept or dropped whole (the self-inspection a
 * demo body comes with: plans, checklists, samples, triage, problems, each through its own
 * core call) runs inside an enclosing transaction: there, each change's transaction is a
 * savepoint, so that a change that fails undoes only itself and returns its error as usual,
 * and the enclosing transaction then ends the whole. Savepoints all have one name: SQLite's
 * RELEASE and ROLLBACK TO take the latest of that name, and the changes do not nest.
 */
#define G_LOG_DOMAIN "zicha-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-internal.h"
#include "zicha-error.h"

gboolean
zicha_db_begin (ZichaDb  *self,
                GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);

  if (self->outer)
    {
      if (sqlite3_exec (self->handle, "SAVEPOINT zicha_change", NULL, NULL, NULL) != SQLITE_OK)
        {
          zicha_db_set_error (self, error, _("Could not start a database transaction"));
          return FALSE;
        }
      self->savepoints++;
      return TRUE;
    }
  if (sqlite3_exec (self->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (self, error, _("Could not start a database transaction"));
      return FALSE;
    }
  return TRUE;
}

gboolean
zicha_db_commit (ZichaDb  *self,
                 GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);

  if (self->outer)
    {
      /* SQLite may have rolled the whole transaction back after an error */
      if (self->savepoints == 0 || sqlite3_get_autocommit (self->handle)
          || sqlite3_exec (self->handle, "RELEASE zicha_change", NULL, NULL, NULL) != SQLITE_OK)
        {
          zicha_db_set_error (self, error, _("Could not save the changes to the database"));
          return FALSE;
        }
      self->savepoints--;
      return TRUE;
    }
  if (sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (self, error, _("Could not save the changes to the database"));
      return FALSE;
    }
  return TRUE;
}

void
zicha_db_rollback (ZichaDb *self)
{
  g_return_if_fail (ZICHA_IS_DB (self));

  /* After some errors SQLite has already rolled back by itself. */
  if (sqlite3_get_autocommit (self->handle))
    {
      self->savepoints = 0;
      return;
    }
  if (self->outer)
    {
      /* A second rollback of one change (after its failed commit) finds none left. */
      if (self->savepoints == 0)
        return;
      if (sqlite3_exec (self->handle, "ROLLBACK TO zicha_change; RELEASE zicha_change", NULL,
                        NULL, NULL) != SQLITE_OK)
        g_debug ("%s: rollback to savepoint failed: %s", self->path,
                 sqlite3_errmsg (self->handle));
      self->savepoints--;
      return;
    }
  if (sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("%s: rollback failed: %s", self->path, sqlite3_errmsg (self->handle));
}

gboolean
zicha_db_begin_outer (ZichaDb  *self,
                      GError  **error)
{
  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);

  if (self->outer || !sqlite3_get_autocommit (self->handle))
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A database transaction is already under way"));
      return FALSE;
    }
  if (!zicha_db_begin (self, error))
    return FALSE;
  self->outer = TRUE;
  self->savepoints = 0;
  return TRUE;
}

gboolean
zicha_db_end_outer (ZichaDb   *self,
                    gboolean   commit,
                    GError   **error)
{
  gboolean ok = commit;

  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  g_return_val_if_fail (self->outer, FALSE);

  self->outer = FALSE;
  if (ok && self->savepoints > 0)
    {
      /* a change left open: a bug of its caller; keep nothing */
      g_critical ("%s: %u changes still open at the end of their enclosing transaction",
                  self->path, self->savepoints);
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                           _("Could not save the changes to the database"));
      ok = FALSE;
    }
  self->savepoints = 0;
  if (ok && sqlite3_get_autocommit (self->handle))
    {
      /* SQLite rolled everything back after an error that a change did not report */
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                           _("Could not save the changes to the database"));
      ok = FALSE;
    }
  if (ok && zicha_db_commit (self, error))
    return TRUE;
  zicha_db_rollback (self);
  return FALSE;
}
