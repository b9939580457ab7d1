/* zicha-csv.h — streaming RFC 4180 reader over libcsv with line numbers and encodings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal. Reads a file in chunks (never whole), decodes UTF-8 (BOM optional) or
 * GB18030, and hands each record with the physical line where it starts. Blank lines are
 * skipped. A problem that stops the reading of a file is returned as a ZichaCsvProblem. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ZICHA_CSV_ENCODING_AUTO,     /* UTF-8; a file that is not valid UTF-8 is read as GB18030 */
  ZICHA_CSV_ENCODING_UTF8,
  ZICHA_CSV_ENCODING_GB18030,  /* also reads GBK and GB2312 */
} ZichaCsvEncoding;

typedef struct
{
  guint        line;       /* physical line where the record starts */
  guint        n_fields;   /* fields in the record, all kept (a record's bytes are bounded) */
  char       **fields;     /* NUL-terminated, as unquoted (not trimmed) */
  gsize       *lengths;    /* in bytes */
  guint64      bytes_done; /* bytes of the file read so far */
} ZichaCsvRecord;

typedef enum
{
  ZICHA_CSV_OK,
  ZICHA_CSV_NUL_BYTE,
  ZICHA_CSV_BAD_ENCODING,  /* cannot be decoded in the encoding finally tried */
  ZICHA_CSV_BAD_QUOTES,    /* malformed quoting (RFC 4180) */
  ZICHA_CSV_UNTERMINATED,  /* a quoted field is still open at the end of the file */
  ZICHA_CSV_HUGE_RECORD,   /* a record too large to hold (far beyond the value limit) */
  ZICHA_CSV_STOPPED,       /* the record function asked to stop */
} ZichaCsvStatus;

typedef struct
{
  ZichaCsvStatus       status;
  guint                line;       /* where the problem is */
  ZichaCsvEncoding  encoding;   /* the encoding finally tried */
} ZichaCsvProblem;

/* Returns FALSE to stop reading. */
typedef gboolean (*ZichaCsvRecordFunc) (const ZichaCsvRecord *record,
                                        gpointer              user_data);

/* Checksum and encoding in one pass: the file's SHA-256, size, and the encoding to read it
 * in (@forced, or for AUTO: UTF-8 when the file is valid UTF-8, else GB18030). */
gboolean zicha_csv_scan   (const char           *path,
                           ZichaCsvEncoding   forced,
                           char                  out_sha256[65],
                           guint64              *out_size,
                           ZichaCsvEncoding  *out_encoding,
                           GError              **error);

/* Reads @path in @encoding, calling @func for every record. Returns FALSE only on an I/O
 * error; problems in the file's content are in *out_problem. @utf8_checked: zicha_csv_scan
 * found the file valid UTF-8, so it is not checked again. */
gboolean zicha_csv_read   (const char           *path,
                           ZichaCsvEncoding   encoding,
                           gboolean              utf8_checked,
                           ZichaCsvRecordFunc    func,
                           gpointer              user_data,
                           ZichaCsvProblem      *out_problem,
                           GError              **error);

G_END_DECLS
