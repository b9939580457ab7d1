/* zicha-db-staged.c — new databases that take their name only when the work succeeds
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import into a file that does not exist yet fills a private file beside it; only a
 * successful import moves it into place, with renameat2 (RENAME_NOREPLACE), so that a refused
 * import never removes a file another program may have made and opened meanwhile.
 */
#define G_LOG_DOMAIN "zicha-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-db-internal.h"
#include "zicha-error.h"

/* Staged databases ----------------------------------------------------------------------------- */

void
_zicha_db_remove_with_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal", "" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

ZichaDb *
zicha_db_open_staged (const char  *path,
                      GError     **error)
{
  g_autofree char *abs_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  ZichaDb *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  abs_path = g_canonicalize_filename (path, NULL);
  tmp = g_strconcat (abs_path, ".new-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      dir = g_path_get_dirname (abs_path);
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                     _("Could not create “%s”: the folder “%s” does not exist."), path, dir);
      else
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                     _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);   /* (no connection of ours has this new file open yet) */

  self = zicha_db_open (tmp, ZICHA_DB_OPEN_DEFAULT, error);
  if (self == NULL)
    {
      _zicha_db_remove_with_side_files (tmp);
      return NULL;
    }
  self->target_path = g_strdup (path);
  return self;
}

gboolean
zicha_db_publish (ZichaDb  *self,
                  GError  **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *what = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (self), FALSE);
  g_return_val_if_fail (self->target_path != NULL, FALSE);

  tmp = g_strdup (self->path);
  what = g_strdup_printf (_("Could not save the new database “%s”"), self->target_path);

  /* Everything into the main file, and no -wal left: the file alone moves. */
  if (!_zicha_db_exec_pragma (self, "PRAGMA journal_mode = DELETE", NULL, NULL))
    {
      zicha_db_set_error (self, error, what);
      zicha_db_discard (self);
      return FALSE;
    }
  rc = sqlite3_close (self->handle);
  if (rc != SQLITE_OK)
    {
      g_critical ("%s: statements left open: %s", tmp, sqlite3_errmsg (self->handle));
      zicha_db_set_sqlite_error (self->handle, rc, error, what);
      zicha_db_discard (self);
      return FALSE;
    }
  self->handle = NULL;

  /* Into place only where nothing is: another program may have made the file meanwhile, and
   * replacing it would throw away what it wrote. */
  if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, self->target_path, RENAME_NOREPLACE) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINVAL || saved_errno == ENOSYS)
        {
          /* (a file system without it: a hard link fails the same way on EEXIST) */
          saved_errno = link (tmp, self->target_path) == 0 ? 0 : errno;
          if (saved_errno == 0)
            g_unlink (tmp);
        }
      if (saved_errno != 0)
        {
          if (saved_errno == EEXIST)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("“%s” was made by another program meanwhile."),
                         self->target_path);
          else
            g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, "%s: %s", what,
                         g_strerror (saved_errno));
          zicha_db_discard (self);
          return FALSE;
        }
    }

  g_free (self->path);
  self->path = g_steal_pointer (&self->target_path);
  return TRUE;
}

void
zicha_db_discard (ZichaDb *self)
{
  g_return_if_fail (ZICHA_IS_DB (self));

  if (self->target_path == NULL)
    return;
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  _zicha_db_remove_with_side_files (self->path);
  g_clear_pointer (&self->target_path, g_free);
}
