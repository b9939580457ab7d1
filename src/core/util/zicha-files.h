/* zicha-files.h — files and folders that hold the body's records are private
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

/* Opens @path for writing (binary), made empty, with mode 0600 whatever the umask and whatever
 * mode an older file of that name had: every file Zicha writes with records in it (exports,
 * field packages, reports, backups) is readable by its owner only. NULL with a translated
 * error naming the file. */
FILE      *zicha_file_open_private   (const char  *path,
                                      GError     **error);

/* Makes @path and its missing parents; the folders it makes have mode 0700 whatever the umask
 * (folders that exist are left as they are). */
gboolean   zicha_folder_make_private (const char  *path,
                                      GError     **error);

G_END_DECLS
