/* zicha-csv.c — streaming RFC 4180 reader over libcsv with line numbers and encodings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcsv (CSV_STRICT) does the unquoting; it knows nothing of lines, so the file is fed to it
 * one physical line at a time. A record starts on the first line fed while no quoted field is
 * open: the number of '"' since the record's start is odd exactly while a quoted field is open
 * (a doubled "" counts two). Lines never split a UTF-8 or GB18030 character (0x0A is not a
 * trail byte in either), so UTF-8 is validated line by line. */
#define G_LOG_DOMAIN "zicha-csv"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <csv.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-csv.h"
#include "zicha-error.h"

#define CHUNK_SIZE (1 << 20)
/* A record (or line) beyond this many bytes cannot hold values of at most 65,535 characters
 * in a sensible number of columns; reading stops rather than exhausting memory. */
#define MAX_RECORD_BYTES (64u << 20)

typedef struct
{
  struct csv_parser   parser;
  ZichaCsvRecordFunc  func;
  gpointer            user_data;

  GString            *buf;           /* fields of the current record, each NUL-terminated */
  GArray             *offsets;       /* gsize */
  GArray             *lengths;       /* gsize */
  GPtrArray          *pointers;
  guint               n_fields;

  guint               line;          /* physical line being fed */
  guint               record_line;   /* line where the current record started */
  gboolean            at_line_start;
  gboolean            quote_open;    /* odd number of '"' since the record started */
  gsize               record_bytes;
  guint64             bytes_done;

  gboolean            stopped;
  ZichaCsvProblem    *problem;
} Reader;

static int
never_space (unsigned char c)
{
  /* Spaces and tabs are part of values; the importer trims them (and U+3000) itself. */
  return 0;
}

static void
on_field (void   *field,
          size_t  len,
          void   *data)
{
  Reader *r = data;
  gsize offset = r->buf->len;

  r->n_fields++;
  g_string_append_len (r->buf, field != NULL ? field : "", (gssize) len);
  g_string_append_c (r->buf, '\0');
  g_array_append_val (r->offsets, offset);
  g_array_append_val (r->lengths, len);
}

static void
on_record (int   c,
           void *data)
{
  Reader *r = data;
  ZichaCsvRecord record;

  if (r->stopped)
    goto reset;

  g_ptr_array_set_size (r->pointers, 0);
  for (guint i = 0; i < r->offsets->len; i++)
    g_ptr_array_add (r->pointers, r->buf->str + g_array_index (r->offsets, gsize, i));

  record.line = r->record_line;
  record.n_fields = r->n_fields;
  record.fields = (char **) r->pointers->pdata;
  record.lengths = (gsize *) (gpointer) r->lengths->data;
  record.bytes_done = r->bytes_done;
  if (!r->func (&record, r->user_data))
    {
      r->stopped = TRUE;
      r->problem->status = ZICHA_CSV_STOPPED;
      r->problem->line = r->record_line;
    }

reset:
  g_string_truncate (r->buf, 0);
  g_array_set_size (r->offsets, 0);
  g_array_set_size (r->lengths, 0);
  r->n_fields = 0;
}

static void
set_problem (Reader         *r,
             ZichaCsvStatus  status,
             guint           line)
{
  r->stopped = TRUE;
  r->problem->status = status;
  r->problem->line = line;
}

/* Feeds one physical line (with its '\n' unless it is the file's last). */
static void
feed_line (Reader     *r,
           const char *line,
           gsize       len,
           gboolean    validate_utf8)
{
  guint quotes = 0;
  const char *end = line + len;

  if (r->at_line_start && !r->quote_open)
    {
      r->record_line = r->line;
      r->record_bytes = 0;
    }

  if (memchr (line, '\0', len) != NULL)
    {
      set_problem (r, ZICHA_CSV_NUL_BYTE, r->line);
      return;
    }
  if (validate_utf8 && !g_utf8_validate_len (line, len, NULL))
    {
      set_problem (r, ZICHA_CSV_BAD_ENCODING, r->line);
      return;
    }
  for (const char *p = line; (p = memchr (p, '"', (gsize) (end - p))) != NULL; p++)
    quotes++;
  if (quotes & 1)
    r->quote_open = !r->quote_open;

  r->record_bytes += len;
  if (r->record_bytes > MAX_RECORD_BYTES)
    {
      set_problem (r, ZICHA_CSV_HUGE_RECORD, r->record_line);
      return;
    }

  if (csv_parse (&r->parser, line, len, on_field, on_record, r) != len)
    {
      if (!r->stopped)
        set_problem (r, ZICHA_CSV_BAD_QUOTES, r->line);
      return;
    }
  if (len > 0 && line[len - 1] == '\n')
    {
      r->line++;
      r->at_line_start = TRUE;
    }
  else
    r->at_line_start = FALSE;
}

/* Feeds the complete lines of @data; returns how many bytes were consumed. At @eof the
 * remainder is fed as the last line. */
static gsize
feed_lines (Reader     *r,
            const char *data,
            gsize       len,
            gboolean    eof,
            gboolean    validate_utf8)
{
  gsize done = 0;

  while (done < len && !r->stopped)
    {
      const char *nl = memchr (data + done, '\n', len - done);
      gsize n;

      if (nl == NULL)
        {
          if (!eof)
            break;
          n = len - done;
        }
      else
        n = (gsize) (nl - (data + done)) + 1;
      feed_line (r, data + done, n, validate_utf8);
      done += n;
    }
  return done;
}

/* Opens @path for reading, refusing anything but a regular file: the import checks the folder
 * first, and this closes the gap in which a file could be swapped for a named pipe (opened
 * without blocking, then checked on the descriptor itself). */
static FILE *
open_file (const char  *path,
           GError     **error)
{
  g_autofree char *display = NULL;
  struct stat st;
  FILE *file;
  int saved;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved = errno;
      display = g_filename_display_name (path);
      g_set_error (error, ZICHA_ERROR,
                   saved == ENOENT ? ZICHA_ERROR_NOT_FOUND : ZICHA_ERROR_FAILED,
                   /* Translators: a file name, then the system's reason. */
                   _("Cannot read %1$s: %2$s"), display, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      display = g_filename_display_name (path);
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA,
                   /* Translators: a file name */
                   _("Cannot read %s: it is not a regular file"), display);
      return NULL;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  file = fdopen (fd, "rb");
  if (file == NULL)
    {
      saved = errno;
      close (fd);
      display = g_filename_display_name (path);
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   _("Cannot read %1$s: %2$s"), display, g_strerror (saved));
    }
  return file;
}

static gboolean
read_error (FILE        *file,
            const char  *path,
            GError     **error)
{
  if (ferror (file))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: a file name, then the system's reason. */
                   _("Cannot read %1$s: %2$s"), display, g_strerror (EIO));
      return TRUE;
    }
  return FALSE;
}

gboolean
zicha_csv_scan (const char           *path,
                ZichaCsvEncoding   forced,
                char                  out_sha256[65],
                guint64              *out_size,
                ZichaCsvEncoding  *out_encoding,
                GError              **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *buf = g_malloc (CHUNK_SIZE + 4);
  gboolean utf8_valid = TRUE;
  gsize carry = 0;
  guint64 size = 0;
  FILE *file;

  file = open_file (path, error);
  if (file == NULL)
    return FALSE;

  for (;;)
    {
      gsize n = fread (buf + carry, 1, CHUNK_SIZE, file);
      gsize avail = carry + n;
      const char *p = buf;
      gboolean eof = n == 0;

      if (n == 0 && read_error (file, path, error))
        {
          fclose (file);
          return FALSE;
        }
      g_checksum_update (checksum, (const guchar *) buf + carry, n);
      size += n;
      carry = 0;

      /* Validate, skipping NUL bytes (they are reported on their own); an incomplete
       * character at the end of a chunk is carried to the next one. */
      while (forced == ZICHA_CSV_ENCODING_AUTO && utf8_valid && p < buf + avail)
        {
          const char *bad;

          if (g_utf8_validate_len (p, (gsize) (buf + avail - p), &bad))
            break;
          if (*bad == '\0')
            {
              p = bad + 1;
              continue;
            }
          if (!eof && buf + avail - bad < 4)
            {
              /* Maybe a character cut by the chunk: retry it with the next bytes. */
              const char *q = bad + 1;

              while (q < buf + avail && ((guchar) *q & 0xC0) == 0x80)
                q++;
              if (q == buf + avail && ((guchar) *bad & 0xC0) == 0xC0)
                {
                  carry = (gsize) (buf + avail - bad);
                  memmove (buf, bad, carry);
                  break;
                }
            }
          utf8_valid = FALSE;
        }
      if (eof)
        break;
    }
  fclose (file);

  g_strlcpy (out_sha256, g_checksum_get_string (checksum), 65);
  *out_size = size;
  if (forced != ZICHA_CSV_ENCODING_AUTO)
    *out_encoding = forced;
  else
    *out_encoding = utf8_valid ? ZICHA_CSV_ENCODING_UTF8 : ZICHA_CSV_ENCODING_GB18030;
  return TRUE;
}

static void
reader_init (Reader             *r,
             ZichaCsvRecordFunc  func,
             gpointer            user_data,
             ZichaCsvProblem    *problem)
{
  memset (r, 0, sizeof *r);
  csv_init (&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_space_func (&r->parser, never_space);
  r->func = func;
  r->user_data = user_data;
  r->buf = g_string_sized_new (4096);
  r->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->pointers = g_ptr_array_new ();
  r->line = 1;
  r->record_line = 1;
  r->at_line_start = TRUE;
  r->problem = problem;
}

static void
reader_clear (Reader *r)
{
  csv_free (&r->parser);
  g_string_free (r->buf, TRUE);
  g_array_unref (r->offsets);
  g_array_unref (r->lengths);
  g_ptr_array_unref (r->pointers);
}

static void
reader_finish (Reader *r)
{
  if (r->stopped)
    return;
  if (csv_fini (&r->parser, on_field, on_record, r) != 0 && !r->stopped)
    set_problem (r, r->quote_open ? ZICHA_CSV_UNTERMINATED : ZICHA_CSV_BAD_QUOTES,
                 r->record_line);
}

gboolean
zicha_csv_read (const char           *path,
                ZichaCsvEncoding   encoding,
                gboolean              utf8_checked,
                ZichaCsvRecordFunc    func,
                gpointer              user_data,
                ZichaCsvProblem      *out_problem,
                GError              **error)
{
  gboolean gb = encoding == ZICHA_CSV_ENCODING_GB18030;
  GIConv conv = (GIConv) -1;
  g_autoptr(GByteArray) raw = g_byte_array_sized_new (CHUNK_SIZE + 16);
  g_autoptr(GByteArray) text = g_byte_array_sized_new (CHUNK_SIZE * 2);
  gboolean first = TRUE;
  gboolean ok = TRUE;
  gsize raw_used = 0;
  Reader r;
  FILE *file;

  out_problem->status = ZICHA_CSV_OK;
  out_problem->line = 0;
  out_problem->encoding = encoding;

  file = open_file (path, error);
  if (file == NULL)
    return FALSE;
  if (gb)
    {
      conv = g_iconv_open ("UTF-8", "GB18030");
      if (conv == (GIConv) -1)
        {
          fclose (file);
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                       _("This system cannot convert GB18030 text"));
          return FALSE;
        }
    }

  reader_init (&r, func, user_data, out_problem);

  for (;;)
    {
      gsize n;
      gboolean eof;
      gsize consumed;

      /* raw[raw_used..] holds what is not consumed yet (a partial line, or a GB18030
       * character cut by the chunk). Move it first: shrinking a GByteArray may clear the
       * bytes it drops (G_DEBUG=gc-friendly). */
      if (raw_used > 0 && raw->len > raw_used)
        memmove (raw->data, raw->data + raw_used, raw->len - raw_used);
      g_byte_array_set_size (raw, (guint) (raw->len - raw_used));
      raw_used = 0;
      {
        guint old = raw->len;

        g_byte_array_set_size (raw, old + CHUNK_SIZE);
        n = fread (raw->data + old, 1, CHUNK_SIZE, file);
        g_byte_array_set_size (raw, (guint) (old + n));
      }
      eof = n == 0;
      if (eof && read_error (file, path, error))
        {
          ok = FALSE;
          break;
        }
      r.bytes_done += n;

      if (!gb)
        {
          const guint8 *start = raw->data;
          gsize len = raw->len;

          if (first && len >= 3 && memcmp (start, "\xEF\xBB\xBF", 3) == 0)
            {
              start += 3;
              len -= 3;
              raw_used = 3;
            }
          if (first && len > 0)
            first = FALSE;
          raw_used += feed_lines (&r, (const char *) start, len, eof, !utf8_checked);
          if (!r.stopped && raw->len - raw_used > MAX_RECORD_BYTES)
            set_problem (&r, ZICHA_CSV_HUGE_RECORD, r.line);
        }
      else
        {
          char *in = (char *) raw->data;
          gsize in_left = raw->len;
          gboolean bad = FALSE;

          while (in_left > 0)
            {
              guint old = text->len;
              char *out;
              gsize out_left = in_left * 4 + 16;
              gsize res;

              g_byte_array_set_size (text, (guint) (old + out_left));
              out = (char *) text->data + old;
              res = g_iconv (conv, &in, &in_left, &out, &out_left);
              g_byte_array_set_size (text, (guint) ((guint8 *) out - text->data));
              if (res != (gsize) -1)
                continue;
              if (errno == E2BIG)
                continue;
              if (errno == EINVAL && !eof)
                break;   /* cut character: keep it for the next chunk */
              bad = TRUE;
              break;
            }
          raw_used = (gsize) ((guint8 *) in - raw->data);

          if (first && text->len >= 3 && memcmp (text->data, "\xEF\xBB\xBF", 3) == 0)
            g_byte_array_remove_range (text, 0, 3);
          if (first && text->len > 0)
            first = FALSE;
          consumed = feed_lines (&r, (const char *) text->data, text->len, eof && !bad, FALSE);
          g_byte_array_remove_range (text, 0, (guint) consumed);
          if (bad && !r.stopped)
            set_problem (&r, ZICHA_CSV_BAD_ENCODING, r.line);
          if (!r.stopped && text->len > MAX_RECORD_BYTES)
            set_problem (&r, ZICHA_CSV_HUGE_RECORD, r.line);
        }

      if (r.stopped)
        break;
      if (eof)
        {
          reader_finish (&r);
          break;
        }
    }

  reader_clear (&r);
  if (conv != (GIConv) -1)
    g_iconv_close (conv);
  fclose (file);
  return ok;
}
