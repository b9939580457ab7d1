/* zicha-import.h — importing a folder of interchange-format CSV files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-csv.h"
#include "zicha-db.h"
#include "zicha-records.h"

G_BEGIN_DECLS

/* At most this many errors (and as many warnings) are kept; the rest are counted. */
#define ZICHA_IMPORT_MAX_MESSAGES 1000

/* The encodings of the files (the CSV reader's own type, under the import's older names). */
typedef ZichaCsvEncoding ZichaImportEncoding;
#define ZICHA_IMPORT_ENCODING_AUTO    ZICHA_CSV_ENCODING_AUTO
#define ZICHA_IMPORT_ENCODING_UTF8    ZICHA_CSV_ENCODING_UTF8
#define ZICHA_IMPORT_ENCODING_GB18030 ZICHA_CSV_ENCODING_GB18030

typedef struct
{
  ZichaImportEncoding  encoding;
  const char          *user_name;  /* recorded in the imports table; may be NULL */
} ZichaImportOptions;

/* One error or warning: FILE:LINE:COLUMN: reason (value: "…"). */
typedef struct
{
  char     *file;        /* name of the file in the folder */
  guint     line;        /* physical line where the record starts; 1 for the header */
  char     *column;      /* header as written, the English name of a missing column, or "-" */
  char     *message;     /* translated reason */
  char     *value;       /* the value concerned, or NULL */
  gboolean  is_warning;
} ZichaImportMessage;

typedef struct
{
  ZichaRecordKind kind;
  gboolean        present;     /* the folder had this file */
  char            sha256[65];
  guint64         rows;
  guint64         inserted;
  guint64         updated;
  guint64         unchanged;
  guint64         deleted;     /* child rows removed by the replacement of a set */
} ZichaImportFileStats;

/* A certificate handled in Zicha (one with a certificate action, or an event of origin
 * 'zicha') whose status the import changed: the import carries it out (the business system
 * is the record) and warns. */
typedef struct
{
  char  *cert_no;
  char  *file;           /* certificates.csv */
  guint  line;           /* the line of its row */
  char  *status_before;  /* status nicks */
  char  *status_after;
} ZichaImportStatusChange;

typedef struct _ZichaImportResult ZichaImportResult;

/* Called with the file being read, its rows done so far and the bytes of the whole
 * import done and in total. From the thread that runs the import (the caller's main
 * context for the _async variant). */
typedef void (*ZichaImportProgressFunc) (const char *file_name,
                                         guint64     rows_done,
                                         guint64     bytes_done,
                                         guint64     bytes_total,
                                         gpointer    user_data);

/* Parses "auto", "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312" (any case). */
gboolean    zicha_import_encoding_from_string (const char           *text,
                                               ZichaImportEncoding  *out_encoding);

/* Imports @folder in one transaction: all or nothing. Returns FALSE with
 * ZICHA_ERROR_INVALID_DATA when a file has errors (nothing written; *out_result holds the
 * messages), ZICHA_ERROR_NOT_FOUND for a missing folder, G_IO_ERROR_CANCELLED when
 * cancelled. On success *out_result holds the counts and any warnings. */
gboolean    zicha_import_folder         (ZichaDb                    *db,
                                         const char                 *folder,
                                         const ZichaImportOptions   *options,
                                         ZichaImportProgressFunc     progress,
                                         gpointer                    progress_data,
                                         GCancellable               *cancellable,
                                         ZichaImportResult         **out_result,
                                         GError                    **error);

/* The same in a worker thread with its own connection to zicha_db_get_path (@db).
 * @progress is called in the thread-default main context of the caller, coalesced. */
void        zicha_import_folder_async   (ZichaDb                    *db,
                                         const char                 *folder,
                                         const ZichaImportOptions   *options,
                                         ZichaImportProgressFunc     progress,
                                         gpointer                    progress_data,
                                         GDestroyNotify              progress_destroy,
                                         GCancellable               *cancellable,
                                         GAsyncReadyCallback         callback,
                                         gpointer                    user_data);
gboolean    zicha_import_folder_finish  (ZichaDb                    *db,
                                         GAsyncResult               *result,
                                         ZichaImportResult         **out_result,
                                         GError                    **error);

void        zicha_import_result_free            (ZichaImportResult *result);
/* Errors and warnings kept, in the order of the files of INTERCHANGE.md, then by line. */
const ZichaImportMessage *
            zicha_import_result_get_messages    (ZichaImportResult *result,
                                                 guint             *n_messages);
/* All errors and warnings found, including those not kept. */
guint64     zicha_import_result_get_n_errors    (ZichaImportResult *result);
guint64     zicha_import_result_get_n_warnings  (ZichaImportResult *result);
const ZichaImportFileStats *
            zicha_import_result_get_file_stats  (ZichaImportResult *result,
                                                 ZichaRecordKind    kind);
/* The certificates handled in Zicha whose status this import changed, in the order of their
 * rows (each also has a warning among the messages, "status changed by import for a
 * certificate handled in Zicha"); for the import's summary. */
const ZichaImportStatusChange *
            zicha_import_result_get_status_changes (ZichaImportResult *result,
                                                    guint             *n_changes);
/* The id of the row written to the imports table, 0 when nothing was written. */
gint64      zicha_import_result_get_import_id   (ZichaImportResult *result);

/* "FILE:LINE:COLUMN: reason (value: "…")", or "FILE:LINE:COLUMN: warning: …". The value is
 * cut to 60 characters, then its '"' are doubled. */
char       *zicha_import_message_format         (const ZichaImportMessage *message);
/* Every message kept, one a line, then "and N more errors" when errors were left out. */
char       *zicha_import_result_format_messages (ZichaImportResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaImportResult, zicha_import_result_free)

G_END_DECLS
