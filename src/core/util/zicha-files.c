/* zicha-files.c — files and folders that hold the body's records are private
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-error.h"
#include "zicha-files.h"

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, ZICHA_ERROR,
               saved_errno == ENOENT || saved_errno == ENOTDIR ? ZICHA_ERROR_NOT_FOUND
                                                               : ZICHA_ERROR_FAILED,
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

FILE *
zicha_file_open_private (const char  *path,
                         GError     **error)
{
  FILE *file;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0600);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }
  /* (an older file keeps its mode through O_CREAT: set it) */
  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_write_error (error, path, saved_errno);
      return NULL;
    }
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      int saved_errno = errno;

      close (fd);
      set_write_error (error, path, saved_errno);
    }
  return file;
}

gboolean
zicha_folder_make_private (const char  *path,
                           GError     **error)
{
  g_autofree char *parent = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  parent = g_path_get_dirname (path);
  if (strcmp (parent, path) != 0 && !zicha_folder_make_private (parent, error))
    return FALSE;
  /* mkdir applies the umask, which may leave out bits but never adds any */
  if (g_mkdir (path, 0700) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not create “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
