/* zicha-import-pipeline.c — a reader and a writer thread for loads into empty tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Into a table that was empty at the start every row is an insert whose id this thread can
 * give itself (max (id) + 1 and up, as SQLite would). The values of checked rows are then
 * packed into batches that a writer thread binds and inserts, while this thread reads and
 * checks the next rows: the two halves of the work run on two cores. This thread does not
 * touch the connection while the writer runs (the key maps it needs are loaded before). A row
 * the writer cannot insert (a key repeated in the file, caught by a UNIQUE constraint) is
 * reported by the writer; any other failure stops both. Memory stays bounded: a few batches
 * go back and forth. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>

#include "zicha-import-private.h"
#include "zicha-pinyin.h"

#define BATCH_BYTES (512 * 1024)
#define N_BATCHES 4

typedef struct
{
  GByteArray *bytes;
  gboolean    end;
} Batch;

struct _Pipeline
{
  Importer     *imp;
  sqlite3_stmt *stmt;
  guint         n_slots;
  GThread      *thread;
  GAsyncQueue  *full;      /* Batch: to the writer */
  GAsyncQueue  *empty;     /* Batch: back to the reader */
  Batch        *current;
  Batch         batches[N_BATCHES];
  gint          stop;      /* atomic: the writer failed */
  GError       *error;     /* the writer's failure */
  guint64       rejected;  /* rows not inserted */
  gint64        cpu_us;    /* the writer's CPU time (for the debug log) */
  /* Certificates: the slot of scope_codes, whose codes also go to certificate_scope_codes
   * (a new certificate has none there yet). */
  int           codes_slot;
  sqlite3_stmt *codes_stmt;
};

gint64
_zicha_import_thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static inline void
put_bytes (GByteArray *b,
           const void *data,
           gsize       len)
{
  g_byte_array_append (b, data, (guint) len);
}

static inline const guint8 *
get_bytes (const guint8 *p,
           void         *out,
           gsize         len)
{
  memcpy (out, p, len);
  return p + len;
}

/* The scope codes of a new certificate ("17.06;18", as normalized) into
 * certificate_scope_codes. */
static int
insert_codes (Pipeline   *pl,
              gint64      cert,
              const char *codes,
              gsize       len)
{
  const char *p = codes, *end = codes + len;

  while (p < end)
    {
      const char *e = memchr (p, ';', (gsize) (end - p));
      gsize n = e != NULL ? (gsize) (e - p) : (gsize) (end - p);
      int rc;

      sqlite3_bind_int64 (pl->codes_stmt, 1, cert);
      sqlite3_bind_text (pl->codes_stmt, 2, p, (int) n, SQLITE_STATIC);
      rc = sqlite3_step (pl->codes_stmt);
      sqlite3_reset (pl->codes_stmt);
      if (rc != SQLITE_DONE)
        return rc;
      p += n + 1;
    }
  return SQLITE_DONE;
}

/* Inserts the rows of one batch. Each row: id (gint64), line (guint32), per slot a tag (guint8)
 * then a gint64 or a length (guint32) and bytes, then the key as shown in messages. */
static void
write_batch (Pipeline    *pl,
             const Batch *batch)
{
  const guint8 *p = batch->bytes->data;
  const guint8 *end = p + batch->bytes->len;

  while (p < end && !g_atomic_int_get (&pl->stop))
    {
      gint64 id;
      guint32 line, len;
      const char *key;
      int rc;

      g_autofree char *name_key = NULL;
      const char *codes = NULL;
      gsize codes_len = 0;

      p = get_bytes (p, &id, sizeof id);
      p = get_bytes (p, &line, sizeof line);
      for (guint i = 0; i < pl->n_slots; i++)
        {
          Value v = { 0 };
          guint8 tag;

          p = get_bytes (p, &tag, 1);
          v.tag = tag;
          if (tag == VALUE_INT)
            p = get_bytes (p, &v.num, sizeof v.num);
          else if (tag != VALUE_NULL)
            {
              p = get_bytes (p, &len, sizeof len);
              v.text = (const char *) p;   /* NUL-terminated in the batch */
              v.len = len;
              p += len + (tag == VALUE_NAME_FOR_KEY ? 1 : 0);
            }
          /* Pinyin keys are the costliest values of a row: made here, on the writer's core. */
          if (tag == VALUE_NAME_FOR_KEY)
            {
              v.tag = VALUE_BLOB;
              v.text = name_key = zicha_pinyin_name_key (v.text, &v.len);
            }
          if ((int) i == pl->codes_slot && v.tag == VALUE_TEXT)
            {
              codes = v.text;
              codes_len = v.len;
            }
          _zicha_import_bind_value (pl->stmt, (int) i + 1, &v);
        }
      sqlite3_bind_int64 (pl->stmt, (int) pl->n_slots + 1, id);
      p = get_bytes (p, &len, sizeof len);
      key = (const char *) p;
      p += len;

      rc = sqlite3_step (pl->stmt);
      sqlite3_reset (pl->stmt);
      if (rc == SQLITE_DONE && codes != NULL)
        rc = insert_codes (pl, id, codes, codes_len);
      if (rc == SQLITE_DONE)
        continue;
      pl->rejected++;
      if (sqlite3_extended_errcode (pl->imp->sql) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_autofree char *shown = g_strndup (key, len);

          _zicha_import_row_error (pl->imp, line, "-",
                                   g_strdup (_("duplicate key: an earlier row of this file "
                                               "has the same key")),
                                   shown);
        }
      else if (!_zicha_import_has_errors (pl->imp))
        {
          /* (With errors found, nothing is kept: rows that cannot be written don't matter.) */
          zicha_db_set_error (pl->imp->db, &pl->error, _("Cannot write the imported records"));
          g_atomic_int_set (&pl->stop, TRUE);
        }
    }
}

static gpointer
writer_thread (gpointer data)
{
  Pipeline *pl = data;
  gboolean end;

  do
    {
      Batch *batch = g_async_queue_pop (pl->full);

      end = batch->end;
      if (!g_atomic_int_get (&pl->stop))
        write_batch (pl, batch);
      g_byte_array_set_size (batch->bytes, 0);
      batch->end = FALSE;
      g_async_queue_push (pl->empty, batch);
    }
  while (!end);
  pl->cpu_us = _zicha_import_thread_cpu_us ();
  return NULL;
}

Pipeline *
_zicha_import_pipeline_start (Importer  *imp,
                              FileState *fs)
{
  Pipeline *pl = g_new0 (Pipeline, 1);

  pl->imp = imp;
  pl->stmt = fs->bulk_insert_stmt;
  pl->n_slots = fs->slots->len;
  pl->codes_slot = -1;
  if (fs->fmt->kind == ZICHA_RECORD_CERTIFICATES)
    {
      int c = zicha_interchange_column_index (fs->fmt, "scope_codes");

      for (guint i = 0; i < fs->slots->len; i++)
        if (g_array_index (fs->slots, Slot, i).col == c
            && g_array_index (fs->slots, Slot, i).derive == DERIVE_NONE)
          pl->codes_slot = (int) i;
      pl->codes_stmt = fs->codes_insert_stmt;
    }
  pl->full = g_async_queue_new ();
  pl->empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      pl->batches[i].bytes = g_byte_array_sized_new (BATCH_BYTES + 4096);
      if (i > 0)
        g_async_queue_push (pl->empty, &pl->batches[i]);
    }
  pl->current = &pl->batches[0];
  pl->thread = g_thread_new ("zicha-import-write", writer_thread, pl);
  return pl;
}

/* Packs the current row (given @id) for the writer. FALSE when the writer has stopped. */
gboolean
_zicha_import_pipeline_add_row (Pipeline  *pl,
                                FileState *fs,
                                gint64     id,
                                guint32    line)
{
  GByteArray *b = pl->current->bytes;
  guint32 len, key_len = 0;
  gsize key_at;

  put_bytes (b, &id, sizeof id);
  put_bytes (b, &line, sizeof line);
  for (guint i = 0; i < fs->slots->len; i++)
    {
      const Slot *slot = &g_array_index (fs->slots, Slot, i);
      Value v;
      guint8 tag;

      /* (Keys cost about as much as initials: one of each side balances the two threads.) */
      if (slot->derive == DERIVE_NAME_KEY && fs->cols[slot->col].vtype == V_TEXT)
        {
          /* The name itself, NUL-terminated: the writer derives the value. */
          _zicha_import_slot_value (fs, &fs->cols[slot->col], DERIVE_NONE, &v);
          tag = VALUE_NAME_FOR_KEY;
          len = (guint32) v.len;
          put_bytes (b, &tag, 1);
          put_bytes (b, &len, sizeof len);
          put_bytes (b, v.text, v.len);
          put_bytes (b, "", 1);
          continue;
        }
      _zicha_import_slot_value (fs, &fs->cols[slot->col], slot->derive, &v);
      tag = (guint8) v.tag;
      put_bytes (b, &tag, 1);
      if (v.tag == VALUE_INT)
        put_bytes (b, &v.num, sizeof v.num);
      else if (v.tag != VALUE_NULL)
        {
          len = (guint32) v.len;
          put_bytes (b, &len, sizeof len);
          put_bytes (b, v.text, v.len);
        }
    }
  /* The key as key_display() (zicha-import-rows.c) shows it, written in place. */
  key_at = b->len;
  put_bytes (b, &key_len, sizeof key_len);
  for (guint k = 0; k < fs->n_key; k++)
    {
      const char *raw = fs->cols[fs->key_cols[k]].raw;
      gsize raw_len = strlen (raw);

      if (k > 0)
        put_bytes (b, "/", 1);
      put_bytes (b, raw, raw_len);
      key_len += (guint32) raw_len + (k > 0 ? 1 : 0);
    }
  memcpy (b->data + key_at, &key_len, sizeof key_len);

  if (b->len >= BATCH_BYTES)
    {
      g_async_queue_push (pl->full, pl->current);
      pl->current = g_async_queue_pop (pl->empty);
    }
  return !g_atomic_int_get (&pl->stop);
}

/* Hands over the last rows, waits for the writer and frees @pl; the writer's failure, if any,
 * becomes the import's. */
void
_zicha_import_pipeline_finish (Pipeline  *pl,
                               FileState *fs,
                               gboolean   abandon)
{
  if (abandon)
    g_atomic_int_set (&pl->stop, TRUE);   /* nothing will be kept: skip the rest */
  pl->current->end = TRUE;
  g_async_queue_push (pl->full, pl->current);
  g_thread_join (pl->thread);
  g_debug ("%s: writer thread %.2f s CPU", fs->fmt->file_name, (double) pl->cpu_us / 1e6);
  fs->stats->inserted -= pl->rejected;
  if (pl->error != NULL && pl->imp->fatal == NULL)
    pl->imp->fatal = g_steal_pointer (&pl->error);
  g_clear_error (&pl->error);
  for (guint i = 0; i < N_BATCHES; i++)
    g_byte_array_unref (pl->batches[i].bytes);
  g_async_queue_unref (pl->full);
  g_async_queue_unref (pl->empty);
  g_free (pl);
}
