/* zicha-import-private.h — what the parts of the import share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of an import (Importer), of the file being read (FileState) and of its columns
 * (Col) and statement slots (Slot), and the functions that one zicha-import*.c file calls in
 * another. Only those files include this header. */
#pragma once

#include "zicha-csv.h"
#include "zicha-db-private.h"
#include "zicha-import.h"
#include "zicha-interchange.h"
#include "zicha-keymap.h"

G_BEGIN_DECLS

/* The opaque ZichaImportResult of zicha-import.h (zicha-import-result.c); the parts of the
 * import fill in its counts directly. */
struct _ZichaImportResult
{
  GArray               *messages;     /* ZichaImportMessage */
  guint                 errors_kept;
  guint                 warnings_kept;
  guint64               n_errors;
  guint64               n_warnings;
  ZichaImportFileStats  stats[ZICHA_N_RECORD_KINDS];
  gint64                import_id;
  GArray               *status_changes;   /* ZichaImportStatusChange */
};

typedef enum
{
  V_NULL,
  V_TEXT,
  V_INT,
} ValueType;

typedef enum
{
  DERIVE_NONE,
  DERIVE_NAME_KEY,
  DERIVE_NAME_INITIALS,
  DERIVE_DISTANCE_UM,
} Derive;

typedef struct
{
  const ZichaColumn *def;
  int                field;      /* index in the record, -1 when the file lacks the column */
  char              *header;     /* as written in the file */

  /* The current row's value. */
  ValueType          vtype;
  const char        *text;
  gsize              text_len;
  gint64             num;
  gint64             extra;      /* distance_um of distance_km */
  gboolean           bad;
  const char        *raw;        /* trimmed cell */
  GString           *scratch;
} Col;

typedef struct
{
  const char *db_column;
  int         col;
  Derive      derive;
} Slot;

/* A writer thread and its batches (zicha-import-pipeline.c). */
typedef struct _Pipeline Pipeline;

/* The file being read. */
typedef struct
{
  const ZichaFileFormat *fmt;
  ZichaImportFileStats  *stats;
  gboolean               header_done;
  gboolean               failed;       /* header error: rows only register keys */
  guint                  n_header;
  int                   *field_col;    /* header field → column index, or -1 */
  Col                   *cols;
  int                    key_cols[5];
  guint                  n_key;
  gboolean               mapped;       /* key → id map of this kind */
  gboolean               was_empty;    /* table empty at the start: no look-up needed */
  Pipeline              *pipeline;     /* rows go to a writer thread */
  gint64                 next_id;      /* the id the next pipelined row gets */
  sqlite3_stmt          *bulk_insert_stmt;  /* INSERT with an explicit id */
  GArray                *slots;        /* Slot */
  sqlite3_stmt          *select_stmt;
  sqlite3_stmt          *insert_stmt;
  sqlite3_stmt          *update_stmt;
  sqlite3_stmt          *status_stmt;
  sqlite3_stmt          *codes_delete_stmt;
  sqlite3_stmt          *codes_insert_stmt;
  ZichaIdSet             touched;
  ZichaIdSet             parents;
  GPtrArray             *row_allocs;   /* freed after each row */
  guint64                rows;
} FileState;

/* The import of a folder. */
typedef struct
{
  ZichaDb                  *db;
  sqlite3                  *sql;
  ZichaImportEncoding       encoding;
  ZichaImportResult        *result;
  GCancellable             *cancellable;
  ZichaImportProgressFunc   progress;
  gpointer                  progress_data;
  guint64                   bytes_total;
  guint64                   bytes_before;
  ZichaKeyMap              *maps[ZICHA_N_RECORD_KINDS];
  GHashTable               *handled_certs;
  gint64                    next_placeholder;
  GError                   *fatal;
  gboolean                  cancelled;
  FileState                *fs;
  const char               *file_name;
  gint64                    cache_size;        /* the connection's, restored at the end */
  gint64                    load_cache_size;   /* while rows are written */
  GMutex                    messages_lock;     /* result's messages: the writer adds some */
} Importer;

/* The key column of each record kind that other files refer to: their keys are kept in maps
 * key → row id. */
static const char *const map_key_column[ZICHA_N_RECORD_KINDS] = {
  [ZICHA_RECORD_PERSONNEL] = "person_id",
  [ZICHA_RECORD_ORGANIZATIONS] = "org_id",
  [ZICHA_RECORD_CERTIFICATES] = "cert_no",
  [ZICHA_RECORD_AUDITS] = "audit_id",
};

/* A value to bind to a statement's parameter. */
typedef enum
{
  VALUE_NULL,
  VALUE_INT,
  VALUE_TEXT,
  VALUE_BLOB,
  /* In a pipeline's batches only: a name whose pinyin key the writer derives. */
  VALUE_NAME_FOR_KEY,
} ValueTag;

typedef struct
{
  ValueTag    tag;
  gint64      num;
  const char *text;
  gsize       len;
} Value;

/* Page cache while a table is bulk-loaded: rows are appended, a large cache gains nothing
 * (16 MB and 64 MB load 100k certificates equally fast) and costs memory. */
#define BULK_CACHE_KIB 16384

/* zicha-import-result.c */
ZichaImportResult *_zicha_import_result_new         (void);
void               _zicha_import_add_message        (ZichaImportResult *result,
                                                     const char        *file,
                                                     guint              line,
                                                     const char        *column,
                                                     char              *message,
                                                     const char        *value,
                                                     gboolean           is_warning);
void               _zicha_import_row_error          (Importer          *imp,
                                                     guint              line,
                                                     const char        *column,
                                                     char              *message,
                                                     const char        *value);
gboolean           _zicha_import_has_errors         (Importer          *imp);

/* zicha-import-statements.c */
gboolean      _zicha_import_fail_sql                (Importer         *imp,
                                                     const char       *what);
sqlite3_stmt *_zicha_import_prepare                 (Importer         *imp,
                                                     const char       *sql);
gboolean      _zicha_import_exec_sql                (Importer         *imp,
                                                     const char       *sql);
ZichaKeyMap  *_zicha_import_get_map                 (Importer         *imp,
                                                     ZichaRecordKind   kind);
gboolean      _zicha_import_load_handled_certs      (Importer         *imp);
gboolean      _zicha_import_prepare_file_statements (Importer         *imp,
                                                     FileState        *fs);
void          _zicha_import_slot_value              (FileState        *fs,
                                                     const Col        *col,
                                                     Derive            derive,
                                                     Value            *v);
void          _zicha_import_bind_value              (sqlite3_stmt     *stmt,
                                                     int               param,
                                                     const Value      *v);
void          _zicha_import_bind_col                (FileState        *fs,
                                                     sqlite3_stmt     *stmt,
                                                     int               param,
                                                     const Col        *col,
                                                     Derive            derive);
void          _zicha_import_bind_slots              (FileState        *fs,
                                                     sqlite3_stmt     *stmt);
gboolean      _zicha_import_step_done               (Importer         *imp,
                                                     sqlite3_stmt     *stmt,
                                                     gboolean          tolerate);

/* zicha-import-values.c */
char     *_zicha_import_trim         (char        *text,
                                      gsize       *len);
gboolean  _zicha_import_key_is_valid (const char  *text);
void      _zicha_import_parse_cell   (Importer    *imp,
                                      Col         *col,
                                      char        *cell,
                                      gsize        len,
                                      guint        line);

/* zicha-import-pipeline.c */
gint64    _zicha_import_thread_cpu_us    (void);
Pipeline *_zicha_import_pipeline_start   (Importer   *imp,
                                          FileState  *fs);
gboolean  _zicha_import_pipeline_add_row (Pipeline   *pl,
                                          FileState  *fs,
                                          gint64      id,
                                          guint32     line);
void      _zicha_import_pipeline_finish  (Pipeline   *pl,
                                          FileState  *fs,
                                          gboolean    abandon);

/* zicha-import-rows.c */
gboolean  _zicha_import_process_header (Importer             *imp,
                                        FileState            *fs,
                                        const ZichaCsvRecord *record);
gboolean  _zicha_import_process_row    (Importer             *imp,
                                        FileState            *fs,
                                        const ZichaCsvRecord *record);

/* zicha-import-files.c */
gboolean  _zicha_import_file (Importer              *imp,
                              const ZichaFileFormat *fmt,
                              const char            *path,
                              ZichaImportEncoding    encoding,
                              GError               **error);

/* zicha-import-bulk.c */
gboolean   _zicha_import_is_bulk_load           (Importer   *imp,
                                                 const char *table,
                                                 guint64     file_bytes);
GPtrArray *_zicha_import_drop_secondary_indexes (Importer   *imp,
                                                 const char *table);
gboolean   _zicha_import_check_table            (Importer   *imp,
                                                 const char *table);
void       _zicha_import_set_cache_size         (Importer   *imp,
                                                 gint64      size);
gboolean   _zicha_import_recreate_indexes       (Importer   *imp,
                                                 GPtrArray  *creates);

/* zicha-import-scan.c: a thread reads each file once before it is imported (SHA-256, and the
 * encoding when it is to be detected), in the order of the import, while earlier files are
 * being imported. */
typedef struct
{
  GMutex               mutex;
  GCond                cond;
  GThread             *thread;
  char                *paths[ZICHA_N_RECORD_KINDS];   /* NULL: no such file */
  ZichaImportEncoding  forced;
  ZichaImportResult   *result;                        /* stats[].sha256 */
  ZichaImportEncoding  encodings[ZICHA_N_RECORD_KINDS];
  guint                n_done;                        /* kinds scanned, in order */
  GError              *error;                         /* of kind n_done */
  gboolean             stop;
} Scanner;

void      _zicha_import_scanner_start (Scanner  *sc);
gboolean  _zicha_import_scanner_wait  (Scanner  *sc,
                                       guint     kind,
                                       GError  **error);
void      _zicha_import_scanner_clear (Scanner  *sc);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scanner, _zicha_import_scanner_clear)

G_END_DECLS
