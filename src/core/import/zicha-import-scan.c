/* zicha-import-scan.c — checksums and encodings of the files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thread reads each file once before it is imported (SHA-256, and the encoding when it is
 * to be detected), in the order of the import, while earlier files are being imported. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <string.h>

#include "zicha-import-private.h"

static gpointer
scan_thread (gpointer data)
{
  Scanner *sc = data;

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    {
      char sha256[65] = "";
      ZichaImportEncoding encoding = sc->forced;
      GError *error = NULL;
      guint64 size;
      gboolean ok = TRUE;

      g_mutex_lock (&sc->mutex);
      ok = !sc->stop;
      g_mutex_unlock (&sc->mutex);
      if (!ok)
        break;
      if (sc->paths[k] != NULL)
        ok = zicha_csv_scan (sc->paths[k], sc->forced, sha256, &size, &encoding, &error);

      g_mutex_lock (&sc->mutex);
      if (ok)
        {
          memcpy (sc->result->stats[k].sha256, sha256, sizeof sha256);
          sc->encodings[k] = encoding;
          sc->n_done = k + 1;
        }
      else
        sc->error = error;
      g_cond_broadcast (&sc->cond);
      g_mutex_unlock (&sc->mutex);
      if (!ok)
        break;
    }
  return NULL;
}

void
_zicha_import_scanner_start (Scanner *sc)
{
  g_mutex_init (&sc->mutex);
  g_cond_init (&sc->cond);
  sc->thread = g_thread_new ("zicha-import-scan", scan_thread, sc);
}

/* Waits until @kind is scanned; FALSE with the error of the first file that could not be
 * read. */
gboolean
_zicha_import_scanner_wait (Scanner  *sc,
                            guint     kind,
                            GError  **error)
{
  gboolean ok;

  g_mutex_lock (&sc->mutex);
  while (sc->n_done <= kind && sc->error == NULL)
    g_cond_wait (&sc->cond, &sc->mutex);
  ok = sc->n_done > kind;
  if (!ok)
    g_propagate_error (error, g_error_copy (sc->error));
  g_mutex_unlock (&sc->mutex);
  return ok;
}

void
_zicha_import_scanner_clear (Scanner *sc)
{
  if (sc->thread != NULL)
    {
      g_mutex_lock (&sc->mutex);
      sc->stop = TRUE;
      g_mutex_unlock (&sc->mutex);
      g_thread_join (sc->thread);
      sc->thread = NULL;
      g_mutex_clear (&sc->mutex);
      g_cond_clear (&sc->cond);
    }
  g_clear_error (&sc->error);
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    g_clear_pointer (&sc->paths[k], g_free);
}
