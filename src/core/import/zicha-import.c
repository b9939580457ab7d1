/* zicha-import.c — importing a folder of interchange-format CSV files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction for the whole folder. Files are read in the order of INTERCHANGE.md and
 * every row is written while it is validated; any error (and there may be many: all are
 * collected) ends in a ROLLBACK, so nothing is written. Rows with an error are still written
 * with stand-in values when their key is readable: the database, about to be rolled back, then
 * serves to find duplicate keys and references of later rows ("errors don't cascade").
 *
 * Keys of the records that other files refer to (person_id, org_id, cert_no, audit_id) are
 * kept in compact maps key → row id, loaded once; row ids written by this import are kept in
 * bitmaps, which find duplicate keys and the child rows a replaced set no longer holds. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-csv.h"
#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-import.h"
#include "zicha-interchange.h"
#include "zicha-keymap.h"
#include "zicha-pinyin.h"

#define CHECK_EVERY 4096
#define MAX_VALUE_SHOWN 60

struct _ZichaImportResult
{
  GArray               *messages;     /* ZichaImportMessage */
  guint                 errors_kept;
  guint                 warnings_kept;
  guint64               n_errors;
  guint64               n_warnings;
  ZichaImportFileStats  stats[ZICHA_N_RECORD_KINDS];
  gint64                import_id;
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
  struct _Pipeline      *pipeline;     /* rows go to a writer thread (see below) */
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

static const char *const map_key_column[ZICHA_N_RECORD_KINDS] = {
  [ZICHA_RECORD_PERSONNEL] = "person_id",
  [ZICHA_RECORD_ORGANIZATIONS] = "org_id",
  [ZICHA_RECORD_CERTIFICATES] = "cert_no",
  [ZICHA_RECORD_AUDITS] = "audit_id",
};

/* Results ------------------------------------------------------------------------------ */

static void
message_clear (gpointer data)
{
  ZichaImportMessage *m = data;

  g_free (m->file);
  g_free (m->column);
  g_free (m->message);
  g_free (m->value);
}

static ZichaImportResult *
result_new (void)
{
  ZichaImportResult *result = g_new0 (ZichaImportResult, 1);

  result->messages = g_array_new (FALSE, TRUE, sizeof (ZichaImportMessage));
  g_array_set_clear_func (result->messages, message_clear);
  for (guint i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    result->stats[i].kind = i;
  return result;
}

void
zicha_import_result_free (ZichaImportResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->messages);
  g_free (result);
}

const ZichaImportMessage *
zicha_import_result_get_messages (ZichaImportResult *result,
                                  guint             *n_messages)
{
  g_return_val_if_fail (result != NULL, NULL);
  if (n_messages != NULL)
    *n_messages = result->messages->len;
  return (const ZichaImportMessage *) (gpointer) result->messages->data;
}

guint64
zicha_import_result_get_n_errors (ZichaImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_errors;
}

guint64
zicha_import_result_get_n_warnings (ZichaImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_warnings;
}

const ZichaImportFileStats *
zicha_import_result_get_file_stats (ZichaImportResult *result,
                                    ZichaRecordKind    kind)
{
  g_return_val_if_fail (result != NULL && kind < ZICHA_N_RECORD_KINDS, NULL);
  return &result->stats[kind];
}

gint64
zicha_import_result_get_import_id (ZichaImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->import_id;
}

char *
zicha_import_message_format (const ZichaImportMessage *m)
{
  GString *out;

  g_return_val_if_fail (m != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s:%u:%s: ", m->file, m->line, m->column);
  if (m->is_warning)
    g_string_append (out, "warning: ");
  g_string_append (out, m->message);
  if (m->value != NULL)
    {
      const char *end = m->value;

      for (int i = 0; i < MAX_VALUE_SHOWN && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      g_string_append (out, " (value: \"");
      for (const char *p = m->value; p < end; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append (out, "\")");
    }
  return g_string_free (out, FALSE);
}

char *
zicha_import_result_format_messages (ZichaImportResult *result)
{
  GString *out;
  guint64 more;

  g_return_val_if_fail (result != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < result->messages->len; i++)
    {
      g_autofree char *line =
        zicha_import_message_format (&g_array_index (result->messages, ZichaImportMessage, i));

      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  more = result->n_errors - result->errors_kept;
  if (more > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, more);

      g_string_append_printf (out,
                              /* Translators: after the first 1,000 errors of an import;
                               * %s is a number. */
                              g_dngettext (GETTEXT_PACKAGE, "and %s more error",
                                           "and %s more errors", (gulong) MIN (more, G_MAXULONG)),
                              count);
      g_string_append_c (out, '\n');
    }
  more = result->n_warnings - result->warnings_kept;
  if (more > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, more);

      g_string_append_printf (out,
                              /* Translators: after the first 1,000 warnings of an import;
                               * %s is a number. */
                              g_dngettext (GETTEXT_PACKAGE, "and %s more warning",
                                           "and %s more warnings", (gulong) MIN (more, G_MAXULONG)),
                              count);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Adds a message; takes @message. */
static void
add_message (ZichaImportResult *result,
             const char        *file,
             guint              line,
             const char        *column,
             char              *message,
             const char        *value,
             gboolean           is_warning)
{
  ZichaImportMessage m;

  if (is_warning)
    result->n_warnings++;
  else
    result->n_errors++;
  if ((is_warning ? result->warnings_kept : result->errors_kept) >= ZICHA_IMPORT_MAX_MESSAGES)
    {
      g_free (message);
      return;
    }
  if (is_warning)
    result->warnings_kept++;
  else
    result->errors_kept++;

  m.file = g_strdup (file);
  m.line = line;
  m.column = g_strdup (column != NULL ? column : "-");
  m.message = message;
  m.value = NULL;
  m.is_warning = is_warning;
  if (value != NULL)
    {
      /* Keep a little more than is shown: the formatter cuts to 60 characters. */
      const char *end = value;

      for (int i = 0; i < MAX_VALUE_SHOWN && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      m.value = g_strndup (value, (gsize) (end - value));
    }
  g_array_append_val (result->messages, m);
}

static void
row_error (Importer   *imp,
           guint       line,
           const char *column,
           char       *message,
           const char *value)
{
  g_mutex_lock (&imp->messages_lock);
  add_message (imp->result, imp->file_name, line, column, message, value, FALSE);
  g_mutex_unlock (&imp->messages_lock);
}

/* Whether any error was found so far (the writer thread may be adding one). */
static gboolean
has_errors (Importer *imp)
{
  gboolean any;

  g_mutex_lock (&imp->messages_lock);
  any = imp->result->n_errors > 0;
  g_mutex_unlock (&imp->messages_lock);
  return any;
}

/* Database helpers ----------------------------------------------------------------------- */

static gboolean
fail_sql (Importer   *imp,
          const char *what)
{
  if (imp->fatal == NULL)
    zicha_db_set_error (imp->db, &imp->fatal, what);
  return FALSE;
}

static sqlite3_stmt *
prepare (Importer   *imp,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (imp->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      fail_sql (imp, _("Cannot prepare the import"));
      g_debug ("%s: %s", sql, sqlite3_errmsg (imp->sql));
      return NULL;
    }
  return stmt;
}

static gboolean
exec_sql (Importer   *imp,
          const char *sql)
{
  if (sqlite3_exec (imp->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail_sql (imp, _("Cannot import"));
  return TRUE;
}

static ZichaKeyMap *
get_map (Importer        *imp,
         ZichaRecordKind  kind)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  ZichaKeyMap *map;

  g_assert (map_key_column[kind] != NULL);
  if (imp->maps[kind] != NULL)
    return imp->maps[kind];

  sql = g_strdup_printf ("SELECT %s, id FROM %s", map_key_column[kind],
                         zicha_interchange_get_file (kind)->table);
  stmt = prepare (imp, sql);
  if (stmt == NULL)
    return NULL;
  map = zicha_key_map_new (1024);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    zicha_key_map_set (map, (const char *) sqlite3_column_text (stmt, 0),
                       (gsize) sqlite3_column_bytes (stmt, 0), sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
  imp->maps[kind] = map;
  return map;
}

static gboolean
load_handled_certs (Importer *imp)
{
  sqlite3_stmt *stmt = prepare (imp,
                                "SELECT cert FROM certificate_actions "
                                "UNION SELECT cert FROM certificate_events "
                                "WHERE origin = 'zicha'");

  if (stmt == NULL)
    return FALSE;
  imp->handled_certs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (imp->handled_certs, id);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Values ------------------------------------------------------------------------------- */

static inline gboolean
is_blank_at (const char *p,
             const char *end)
{
  if (*p == ' ' || *p == '\t')
    return TRUE;
  return end - p >= 3 && (guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80;
}

/* Trims spaces, tabs and U+3000 in place; returns the start. */
static char *
trim (char  *text,
      gsize *len)
{
  char *start = text;
  char *end = text + *len;

  while (start < end && is_blank_at (start, end))
    start += (*start == ' ' || *start == '\t') ? 1 : 3;
  for (;;)
    {
      if (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
      else if (end - start >= 3 && (guchar) end[-3] == 0xE3 && (guchar) end[-2] == 0x80
               && (guchar) end[-1] == 0x80)
        end -= 3;
      else
        break;
    }
  *end = '\0';
  *len = (gsize) (end - start);
  return start;
}

typedef enum
{
  NUM_OK,
  NUM_INVALID,
  NUM_NEGATIVE,
  NUM_NOT_WHOLE,
  NUM_DECIMALS,
  NUM_TOO_LARGE,
} NumStatus;

/* A decimal D+(.D+)? without sign or separators: its integer digits without leading zeros
 * and its fraction digits. */
static NumStatus
split_decimal (const char  *text,
               const char **int_digits,
               gsize       *int_len,
               const char **frac,
               gsize       *frac_len)
{
  const char *p = text;
  gboolean negative = FALSE;
  const char *start;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  start = p;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == start)
    return NUM_INVALID;
  *int_digits = start;
  *int_len = (gsize) (p - start);
  *frac = p;
  *frac_len = 0;
  if (*p == '.')
    {
      const char *f = ++p;

      while (g_ascii_isdigit (*p))
        p++;
      if (p == f)
        return NUM_INVALID;
      *frac = f;
      *frac_len = (gsize) (p - f);
    }
  if (*p != '\0')
    return NUM_INVALID;
  if (negative)
    return NUM_NEGATIVE;
  while (*int_len > 1 && **int_digits == '0')
    {
      (*int_digits)++;
      (*int_len)--;
    }
  return NUM_OK;
}

static gint64
digits_value (const char *p,
              gsize       len)
{
  gint64 v = 0;

  for (gsize i = 0; i < len; i++)
    v = v * 10 + (p[i] - '0');
  return v;
}

static NumStatus
parse_count (const char *text,
             gint64     *out)
{
  const char *ip, *fp;
  gsize il, fl;
  NumStatus st = split_decimal (text, &ip, &il, &fp, &fl);

  if (st != NUM_OK)
    return st;
  if (fl > 0)
    return NUM_NOT_WHOLE;
  if (il > 15)
    return NUM_TOO_LARGE;
  *out = digits_value (ip, il);
  return NUM_OK;
}

static NumStatus
parse_hundredths (const char *text,
                  gint64     *out)
{
  const char *ip, *fp;
  gsize il, fl;
  NumStatus st = split_decimal (text, &ip, &il, &fp, &fl);

  if (st != NUM_OK)
    return st;
  if (fl > 2)
    return NUM_DECIMALS;
  if (il > 15)
    return NUM_TOO_LARGE;
  *out = digits_value (ip, il) * 100;
  if (fl >= 1)
    *out += (fp[0] - '0') * 10;
  if (fl == 2)
    *out += fp[1] - '0';
  return NUM_OK;
}

/* Normalised text (no leading zeros, no trailing fraction zeros) and the ceiling of the value
 * in millionths. */
static NumStatus
parse_decimal (const char *text,
               GString    *normalized,
               gint64     *millionths)
{
  const char *ip, *fp;
  gsize il, fl;
  NumStatus st = split_decimal (text, &ip, &il, &fp, &fl);
  gint64 micro;

  if (st != NUM_OK)
    return st;
  if (il > 12)
    return NUM_TOO_LARGE;
  while (fl > 0 && fp[fl - 1] == '0')
    fl--;
  g_string_truncate (normalized, 0);
  g_string_append_len (normalized, ip, (gssize) il);
  if (fl > 0)
    {
      g_string_append_c (normalized, '.');
      g_string_append_len (normalized, fp, (gssize) fl);
    }
  micro = digits_value (ip, il) * 1000000;
  {
    gint64 place = 100000;

    for (gsize i = 0; i < 6; i++, place /= 10)
      if (i < fl)
        micro += (fp[i] - '0') * place;
    if (fl > 6)
      micro++;   /* trailing zeros are gone: any further digit is non-zero */
  }
  *millionths = micro;
  return NUM_OK;
}

static char *
number_message (NumStatus st)
{
  switch (st)
    {
    case NUM_NEGATIVE:
      return g_strdup (_("must not be negative"));
    case NUM_NOT_WHOLE:
      return g_strdup (_("must be a whole number"));
    case NUM_DECIMALS:
      return g_strdup (_("at most two decimals are allowed"));
    case NUM_TOO_LARGE:
      return g_strdup (_("number too large"));
    case NUM_OK:
    case NUM_INVALID:
    default:
      return g_strdup (_("not a number (digits and at most one “.”, no separators)"));
    }
}

static gboolean
key_is_valid (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

static char *
enum_message (const ZichaEnumValue *values)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (const ZichaEnumValue *v = values; v->value != NULL; v++)
    {
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, v->value);
    }
  /* Translators: %s is a list of the English values, e.g. "full_time, part_time". */
  return g_strdup_printf (_("unknown value; expected one of %s"), list->str);
}

static char *
reference_message (ZichaRecordKind kind)
{
  switch (kind)
    {
    case ZICHA_RECORD_PERSONNEL:
      return g_strdup (_("no such person in the database or in this import"));
    case ZICHA_RECORD_ORGANIZATIONS:
      return g_strdup (_("no such organization in the database or in this import"));
    case ZICHA_RECORD_CERTIFICATES:
      return g_strdup (_("no such certificate in the database or in this import"));
    case ZICHA_RECORD_AUDITS:
      return g_strdup (_("no such audit in the database or in this import"));
    default:
      g_assert_not_reached ();
    }
}

static void
set_text (Col        *col,
          const char *text,
          gsize       len)
{
  col->vtype = V_TEXT;
  col->text = text;
  col->text_len = len;
}

static void
set_scratch (Col        *col,
             const char *text)
{
  g_string_assign (col->scratch, text);
  set_text (col, col->scratch->str, col->scratch->len);
}

/* A stand-in for a bad or missing value, so that the row can be written all the same. */
static void
set_stand_in (Col *col)
{
  const ZichaColumn *def = col->def;

  col->bad = TRUE;
  col->extra = 0;
  if (!def->required)
    {
      col->vtype = V_NULL;
      return;
    }
  switch (def->type)
    {
    case ZICHA_VALUE_COUNT:
    case ZICHA_VALUE_HUNDREDTHS:
    case ZICHA_VALUE_REFERENCE:
      col->vtype = V_INT;
      col->num = 0;
      break;
    case ZICHA_VALUE_ENUM:
      set_text (col, def->values[0].value, strlen (def->values[0].value));
      break;
    case ZICHA_VALUE_SCHEME:
      set_text (col, "QMS", 3);
      break;
    case ZICHA_VALUE_SCOPE_CODE:
    case ZICHA_VALUE_SCOPE_CODES:
    case ZICHA_VALUE_DECIMAL:
      set_text (col, "0", 1);
      break;
    case ZICHA_VALUE_DATE:
      set_text (col, "0000-00-00", 10);
      break;
    case ZICHA_VALUE_TIMESTAMP:
      set_text (col, "0000-00-00 00:00:00", 19);
      break;
    case ZICHA_VALUE_TEXT:
    case ZICHA_VALUE_KEY:
    case ZICHA_VALUE_USCC:
    default:
      set_text (col, "", 0);
      break;
    }
}

static gboolean
is_list_separator (const char *p,
                   gsize      *sep_len)
{
  if (*p == ';')
    {
      *sep_len = 1;
      return TRUE;
    }
  /* ； U+FF1B (EF BC 9B) and 、 U+3001 (E3 80 81) */
  if (((guchar) p[0] == 0xEF && (guchar) p[1] == 0xBC && (guchar) p[2] == 0x9B)
      || ((guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x81))
    {
      *sep_len = 3;
      return TRUE;
    }
  return FALSE;
}

/* Normalised list of scope codes joined by ';', duplicates dropped; NULL when an item is not
 * a scope code. Sets *empty when the list has no items. */
static gboolean
parse_scope_codes (const char *text,
                   GString    *out,
                   gboolean   *empty)
{
  g_autofree char *copy = g_strdup (text);
  char *p = copy;

  g_string_truncate (out, 0);
  *empty = TRUE;
  while (*p != '\0')
    {
      char *item = p;
      gsize sep_len = 0;
      gsize len;

      while (*p != '\0' && !is_list_separator (p, &sep_len))
        p++;
      len = (gsize) (p - item);
      if (*p != '\0')
        {
          *p = '\0';
          p += sep_len;
        }
      item = trim (item, &len);
      if (len == 0)
        continue;
      if (!zicha_interchange_is_scope_code (item))
        return FALSE;
      {
        /* Drop a code already in the list. */
        gboolean seen = FALSE;
        const char *s = out->str;

        while (!seen && *s != '\0')
          {
            const char *e = strchr (s, ';');
            gsize l = e != NULL ? (gsize) (e - s) : strlen (s);

            seen = l == len && memcmp (s, item, len) == 0;
            s += l + (e != NULL ? 1 : 0);
          }
        if (seen)
          continue;
      }
      if (out->len > 0)
        g_string_append_c (out, ';');
      g_string_append_len (out, item, (gssize) len);
      *empty = FALSE;
    }
  return TRUE;
}

/* Parses @col's cell of the row at @line; reports errors. */
static void
parse_cell (Importer *imp,
            Col      *col,
            char     *cell,
            gsize     len,
            guint     line)
{
  const ZichaColumn *def = col->def;
  char *text = trim (cell, &len);
  g_autofree char *norm_alloc = NULL;
  const char *norm = text;
  char *message = NULL;

  col->raw = text;
  col->bad = FALSE;
  col->extra = 0;

  if (len > ZICHA_INTERCHANGE_MAX_VALUE_CHARS
      && g_utf8_strlen (text, (gssize) len) > ZICHA_INTERCHANGE_MAX_VALUE_CHARS)
    {
      row_error (imp, line, col->header, g_strdup (_("value longer than 65,535 characters")), text);
      set_stand_in (col);
      return;
    }
  if (len == 0)
    {
      col->vtype = V_NULL;
      if (def->required)
        {
          row_error (imp, line, col->header, g_strdup (_("a value is required")), text);
          set_stand_in (col);
        }
      return;
    }

  switch (def->type)
    {
    case ZICHA_VALUE_DATE:
    case ZICHA_VALUE_TIMESTAMP:
    case ZICHA_VALUE_COUNT:
    case ZICHA_VALUE_HUNDREDTHS:
    case ZICHA_VALUE_DECIMAL:
    case ZICHA_VALUE_SCOPE_CODE:
    case ZICHA_VALUE_SCOPE_CODES:
      /* Full-width forms start with the byte 0xEF; most cells have none. */
      if (memchr (text, 0xEF, len) != NULL)
        norm = norm_alloc = zicha_interchange_normalize_digits (text);
      break;
    default:
      break;
    }

  switch (def->type)
    {
    case ZICHA_VALUE_TEXT:
      set_text (col, text, len);
      break;

    case ZICHA_VALUE_KEY:
      if (key_is_valid (text))
        set_text (col, text, len);
      else
        message = g_strdup (_("a key may not contain “/” or control characters"));
      break;

    case ZICHA_VALUE_DATE:
      {
        char out[11];

        if (zicha_interchange_parse_date (norm, out))
          set_scratch (col, out);
        else
          message = g_strdup (_("not a valid date (YYYY-MM-DD)"));
      }
      break;

    case ZICHA_VALUE_TIMESTAMP:
      {
        char out[20];

        if (zicha_interchange_parse_timestamp (norm, out))
          set_scratch (col, out);
        else
          message = g_strdup (_("not a valid time (YYYY-MM-DD HH:MM:SS)"));
      }
      break;

    case ZICHA_VALUE_COUNT:
    case ZICHA_VALUE_HUNDREDTHS:
      {
        NumStatus st = def->type == ZICHA_VALUE_COUNT ? parse_count (norm, &col->num)
                                                      : parse_hundredths (norm, &col->num);

        if (st == NUM_OK)
          col->vtype = V_INT;
        else
          message = number_message (st);
      }
      break;

    case ZICHA_VALUE_DECIMAL:
      {
        NumStatus st = parse_decimal (norm, col->scratch, &col->extra);

        if (st == NUM_OK)
          set_text (col, col->scratch->str, col->scratch->len);
        else
          message = number_message (st);
      }
      break;

    case ZICHA_VALUE_ENUM:
      {
        const char *value = zicha_interchange_match_enum (def->values, text);

        if (value != NULL)
          set_text (col, value, strlen (value));
        else
          message = enum_message (def->values);
      }
      break;

    case ZICHA_VALUE_SCHEME:
      {
        g_autofree char *scheme = zicha_interchange_normalize_scheme (text);

        if (scheme != NULL)
          set_scratch (col, scheme);
        else
          message = g_strdup (_("not a scheme code (2 to 16 capital letters, digits or “-”)"));
      }
      break;

    case ZICHA_VALUE_SCOPE_CODE:
      if (zicha_interchange_is_scope_code (norm))
        set_scratch (col, norm);
      else
        message = g_strdup (_("not a business scope code (numbers separated by “.”)"));
      break;

    case ZICHA_VALUE_SCOPE_CODES:
      {
        gboolean empty;

        if (!parse_scope_codes (norm, col->scratch, &empty))
          message = g_strdup (_("not a list of business scope codes (numbers separated by “.”)"));
        else if (empty)
          {
            col->vtype = V_NULL;
            if (def->required)
              {
                row_error (imp, line, col->header, g_strdup (_("a value is required")), text);
                set_stand_in (col);
              }
          }
        else
          set_text (col, col->scratch->str, col->scratch->len);
      }
      break;

    case ZICHA_VALUE_USCC:
      {
        g_autofree char *upper = g_ascii_strup (text, (gssize) len);

        if (strlen (upper) != 18 || zicha_uscc_check_char (upper) == '\0'
            || strchr ("0123456789ABCDEFGHJKLMNPQRTUWXY", upper[17]) == NULL)
          message = g_strdup (_("not a unified social credit code (18 characters)"));
        else if (!zicha_uscc_is_valid (upper))
          message = g_strdup (_("wrong check character of the unified social credit code"));
        else
          set_scratch (col, upper);
      }
      break;

    case ZICHA_VALUE_REFERENCE:
      {
        ZichaKeyMap *map = get_map (imp, def->references);
        gint64 id;

        if (map == NULL)
          message = g_strdup ("");
        else if (zicha_key_map_lookup (map, text, len, &id))
          {
            col->vtype = V_INT;
            col->num = id;
          }
        else
          message = reference_message (def->references);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (message != NULL)
    {
      row_error (imp, line, col->header, message, text);
      set_stand_in (col);
    }
}

/* Statements of a file ------------------------------------------------------------------ */

static void
add_slot (FileState  *fs,
          const char *db_column,
          int         col,
          Derive      derive)
{
  Slot slot = { db_column, col, derive };

  g_array_append_val (fs->slots, slot);
}

static gboolean
table_has_rows (Importer   *imp,
                const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", table);
  sqlite3_stmt *stmt = prepare (imp, sql);
  gboolean any;

  if (stmt == NULL)
    return TRUE;
  any = sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return any;
}

static gboolean
prepare_file_statements (Importer  *imp,
                         FileState *fs)
{
  const ZichaFileFormat *fmt = fs->fmt;
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GString) differ = g_string_new (NULL);
  gboolean is_body = fmt->kind == ZICHA_RECORD_BODY;

  fs->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  for (guint c = 0; c < fmt->n_columns; c++)
    {
      if (fs->cols[c].field < 0 && !is_body)
        continue;
      add_slot (fs, fmt->columns[c].db_column, (int) c, DERIVE_NONE);
      if ((fmt->kind == ZICHA_RECORD_PERSONNEL || fmt->kind == ZICHA_RECORD_ORGANIZATIONS)
          && strcmp (fmt->columns[c].name, "name") == 0)
        {
          add_slot (fs, "name_key", (int) c, DERIVE_NAME_KEY);
          add_slot (fs, "name_initials", (int) c, DERIVE_NAME_INITIALS);
        }
      if (fmt->kind == ZICHA_RECORD_CHECKINS && strcmp (fmt->columns[c].name, "distance_km") == 0)
        add_slot (fs, "distance_um", (int) c, DERIVE_DISTANCE_UM);
    }

  g_string_append_printf (insert, "INSERT INTO %s (", fmt->table);
  g_string_append_printf (update, "UPDATE %s SET ", fmt->table);
  for (guint i = 0; i < fs->slots->len; i++)
    {
      const Slot *slot = &g_array_index (fs->slots, Slot, i);

      g_string_append_printf (insert, "%s%s", i > 0 ? ", " : "", slot->db_column);
      g_string_append_printf (values, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append_printf (update, "%s%s = ?%u", i > 0 ? ", " : "", slot->db_column, i + 1);
      if (slot->derive == DERIVE_NONE)
        g_string_append_printf (differ, "%s%s IS NOT ?%u", differ->len > 0 ? " OR " : "",
                                slot->db_column, i + 1);
    }
  if (is_body)
    {
      g_string_append (insert, ", id");
      g_string_append (values, ", 1");
    }
  g_string_append_printf (insert, ") VALUES (%s)", values->str);
  g_string_append_printf (update, " WHERE id = ?%u AND (%s)", fs->slots->len + 1,
                          differ->len > 0 ? differ->str : "0");

  fs->insert_stmt = prepare (imp, insert->str);
  fs->update_stmt = prepare (imp, update->str);
  if (fs->insert_stmt == NULL || fs->update_stmt == NULL)
    return FALSE;

  if (is_body)
    fs->select_stmt = prepare (imp, "SELECT id FROM body WHERE id = 1");
  else if (!fs->mapped)
    {
      g_autoptr(GString) select = g_string_new (NULL);

      g_string_append_printf (select, "SELECT id FROM %s WHERE ", fmt->table);
      for (guint k = 0; k < fs->n_key; k++)
        g_string_append_printf (select, "%s%s = ?%u", k > 0 ? " AND " : "",
                                fmt->columns[fs->key_cols[k]].db_column, k + 1);
      fs->select_stmt = prepare (imp, select->str);
    }
  if (!is_body && !fs->mapped && fs->select_stmt == NULL)
    return FALSE;

  if (!is_body)
    {
      /* In a table empty at the start, every key is new unless this file repeats it, which
       * the key map or the table's UNIQUE constraint on the key then reports: no look-up per
       * row. */
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", fmt->table);
      sqlite3_stmt *stmt = prepare (imp, sql);

      if (stmt == NULL)
        return FALSE;
      fs->was_empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
      sqlite3_finalize (stmt);
    }

  /* Rows of a table empty at the start are only ever inserted: they can be written by a
   * second thread while this one reads and checks the next rows (see "Pipelined loads").
   * (Certificates only while certificate_scope_codes is empty too: the writer adds codes, it
   * doesn't replace them.) */
  if (fs->was_empty
      && (fmt->kind != ZICHA_RECORD_CERTIFICATES
          || !table_has_rows (imp, "certificate_scope_codes")))
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      sql = g_strdup_printf ("SELECT coalesce (max (id), 0) + 1 FROM %s", fmt->table);
      stmt = prepare (imp, sql);
      if (stmt == NULL)
        return FALSE;
      fs->next_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 1;
      sqlite3_finalize (stmt);

      insert->len -= strlen (") VALUES (") + values->len + 1;   /* back to the column list */
      insert->str[insert->len] = '\0';
      g_string_append_printf (insert, ", id) VALUES (%s, ?%u)", values->str, fs->slots->len + 1);
      fs->bulk_insert_stmt = prepare (imp, insert->str);
      if (fs->bulk_insert_stmt == NULL)
        return FALSE;
    }

  if (fmt->kind == ZICHA_RECORD_CERTIFICATES)
    {
      fs->status_stmt = prepare (imp, "SELECT status FROM certificates WHERE id = ?1");
      fs->codes_delete_stmt = prepare (imp, "DELETE FROM certificate_scope_codes WHERE cert = ?1");
      fs->codes_insert_stmt = prepare (imp, "INSERT OR IGNORE INTO certificate_scope_codes "
                                            "(cert, code) VALUES (?1, ?2)");
      if (fs->status_stmt == NULL || fs->codes_delete_stmt == NULL
          || fs->codes_insert_stmt == NULL)
        return FALSE;
    }
  return TRUE;
}

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

/* The value a slot binds: the column's own or one derived from it. Derived texts are owned by
 * fs->row_allocs (freed after the row). */
static void
slot_value (FileState *fs,
            const Col *col,
            Derive     derive,
            Value     *v)
{
  v->tag = VALUE_NULL;
  switch (derive)
    {
    case DERIVE_NONE:
      break;
    case DERIVE_NAME_KEY:
      if (col->vtype == V_TEXT)
        {
          char *key = zicha_pinyin_name_key (col->text, &v->len);

          g_ptr_array_add (fs->row_allocs, key);
          v->tag = VALUE_BLOB;
          v->text = key;
        }
      return;
    case DERIVE_NAME_INITIALS:
      if (col->vtype == V_TEXT)
        {
          char *initials = zicha_pinyin_initials (col->text);

          g_ptr_array_add (fs->row_allocs, initials);
          v->tag = VALUE_TEXT;
          v->text = initials;
          v->len = strlen (initials);
        }
      return;
    case DERIVE_DISTANCE_UM:
      if (col->vtype == V_TEXT)
        {
          v->tag = VALUE_INT;
          v->num = col->extra;
        }
      return;
    default:
      g_assert_not_reached ();
    }

  switch (col->vtype)
    {
    case V_NULL:
      break;
    case V_TEXT:
      v->tag = VALUE_TEXT;
      v->text = col->text;
      v->len = col->text_len;
      break;
    case V_INT:
      v->tag = VALUE_INT;
      v->num = col->num;
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_value (sqlite3_stmt *stmt,
            int           param,
            const Value  *v)
{
  switch (v->tag)
    {
    case VALUE_NULL:
      sqlite3_bind_null (stmt, param);
      break;
    case VALUE_INT:
      sqlite3_bind_int64 (stmt, param, v->num);
      break;
    case VALUE_TEXT:
      sqlite3_bind_text (stmt, param, v->text, (int) v->len, SQLITE_STATIC);
      break;
    case VALUE_BLOB:
      sqlite3_bind_blob (stmt, param, v->text, (int) v->len, SQLITE_STATIC);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_col (FileState    *fs,
          sqlite3_stmt *stmt,
          int           param,
          const Col    *col,
          Derive        derive)
{
  Value v;

  slot_value (fs, col, derive, &v);
  bind_value (stmt, param, &v);
}

static void
bind_slots (FileState    *fs,
            sqlite3_stmt *stmt)
{
  for (guint i = 0; i < fs->slots->len; i++)
    {
      const Slot *slot = &g_array_index (fs->slots, Slot, i);

      bind_col (fs, stmt, (int) i + 1, &fs->cols[slot->col], slot->derive);
    }
}

static gboolean
step_done (Importer     *imp,
           sqlite3_stmt *stmt,
           gboolean      tolerate)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  if (!tolerate)
    fail_sql (imp, _("Cannot write the imported records"));
  return FALSE;
}

/* Pipelined loads ----------------------------------------------------------------------- *
 *
 * Into a table that was empty at the start every row is an insert whose id this thread can
 * give itself (max (id) + 1 and up, as SQLite would). The values of checked rows are then
 * packed into batches that a writer thread binds and inserts, while this thread reads and
 * checks the next rows: the two halves of the work run on two cores. This thread does not
 * touch the connection while the writer runs (the key maps it needs are loaded before). A row
 * the writer cannot insert (a key repeated in the file, caught by a UNIQUE constraint) is
 * reported by the writer; any other failure stops both. Memory stays bounded: a few batches
 * go back and forth. */

#define BATCH_BYTES (512 * 1024)
#define N_BATCHES 4

typedef struct
{
  GByteArray *bytes;
  gboolean    end;
} Batch;

typedef struct _Pipeline
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
} Pipeline;

static gint64
thread_cpu_us (void)
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
          bind_value (pl->stmt, (int) i + 1, &v);
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

          row_error (pl->imp, line, "-",
                     g_strdup (_("duplicate key: an earlier row of this file has the same key")),
                     shown);
        }
      else if (!has_errors (pl->imp))
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
  pl->cpu_us = thread_cpu_us ();
  return NULL;
}

static Pipeline *
pipeline_start (Importer  *imp,
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
static gboolean
pipeline_add_row (Pipeline  *pl,
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
          slot_value (fs, &fs->cols[slot->col], DERIVE_NONE, &v);
          tag = VALUE_NAME_FOR_KEY;
          len = (guint32) v.len;
          put_bytes (b, &tag, 1);
          put_bytes (b, &len, sizeof len);
          put_bytes (b, v.text, v.len);
          put_bytes (b, "", 1);
          continue;
        }
      slot_value (fs, &fs->cols[slot->col], slot->derive, &v);
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
  /* The key as key_display() shows it, written in place. */
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
static void
pipeline_finish (Pipeline  *pl,
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

/* Rows --------------------------------------------------------------------------------- */

static gboolean
sync_scope_codes (Importer  *imp,
                  FileState *fs,
                  gint64     cert,
                  gboolean   tolerate)
{
  int c = zicha_interchange_column_index (fs->fmt, "scope_codes");
  const Col *col = &fs->cols[c];
  const char *p;

  if (col->field < 0 || col->vtype != V_TEXT)
    return TRUE;
  sqlite3_bind_int64 (fs->codes_delete_stmt, 1, cert);
  if (!step_done (imp, fs->codes_delete_stmt, tolerate))
    return FALSE;
  p = col->text;
  while (*p != '\0')
    {
      const char *e = strchr (p, ';');
      gsize len = e != NULL ? (gsize) (e - p) : strlen (p);

      sqlite3_bind_int64 (fs->codes_insert_stmt, 1, cert);
      sqlite3_bind_text (fs->codes_insert_stmt, 2, p, (int) len, SQLITE_STATIC);
      if (!step_done (imp, fs->codes_insert_stmt, tolerate))
        return FALSE;
      p += len + (e != NULL ? 1 : 0);
    }
  return TRUE;
}

static void
warn_handled_status (Importer  *imp,
                     FileState *fs,
                     gint64     cert,
                     guint      line)
{
  int c = zicha_interchange_column_index (fs->fmt, "status");
  const Col *col = &fs->cols[c];

  if (col->bad || col->vtype != V_TEXT || !g_hash_table_contains (imp->handled_certs, &cert))
    return;
  sqlite3_bind_int64 (fs->status_stmt, 1, cert);
  if (sqlite3_step (fs->status_stmt) == SQLITE_ROW)
    {
      const char *old = (const char *) sqlite3_column_text (fs->status_stmt, 0);

      if (old != NULL && strcmp (old, col->text) != 0)
        add_message (imp->result, imp->file_name, line, col->header,
                     /* Translators: the two are certificate statuses, e.g. suspended. */
                     g_strdup_printf (_("the import changes the status from %1$s to %2$s of "
                                        "a certificate handled in Zicha"), old, col->text),
                     col->raw, TRUE);
    }
  sqlite3_reset (fs->status_stmt);
}

/* Key of the row as shown in a duplicate-key error: the cells joined by '/'. */
static char *
key_display (FileState *fs)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < fs->n_key; k++)
    {
      if (k > 0)
        g_string_append_c (out, '/');
      g_string_append (out, fs->cols[fs->key_cols[k]].raw);
    }
  return g_string_free (out, FALSE);
}

static void
check_pairs (Importer  *imp,
             FileState *fs,
             guint      line)
{
  for (guint i = 0; i < fs->fmt->n_pairs; i++)
    {
      const ZichaOrderedPair *pair = &fs->fmt->pairs[i];
      const Col *a = &fs->cols[zicha_interchange_column_index (fs->fmt, pair->earlier)];
      const Col *b = &fs->cols[zicha_interchange_column_index (fs->fmt, pair->later)];
      int cmp;

      if (a->field < 0 || b->field < 0 || a->bad || b->bad
          || a->vtype != V_TEXT || b->vtype != V_TEXT)
        continue;
      cmp = strcmp (a->text, b->text);
      if (pair->strict && cmp >= 0)
        /* Translators: %s is a column name, e.g. issued_on or 发证日期. */
        row_error (imp, line, b->header, g_strdup_printf (_("must be later than %s"), a->header),
                   b->raw);
      else if (!pair->strict && cmp > 0)
        row_error (imp, line, b->header,
                   /* Translators: %s is a column name, e.g. start_on or 开始日期. */
                   g_strdup_printf (_("must not be earlier than %s"), a->header), b->raw);
    }
}

/* Looks up the row's key. Returns FALSE when the key is unreadable; *out_id is 0 when the
 * key is new. */
static gboolean
find_row (Importer  *imp,
          FileState *fs,
          gint64    *out_id)
{
  *out_id = 0;
  if (fs->fmt->kind == ZICHA_RECORD_BODY)
    {
      if (sqlite3_step (fs->select_stmt) == SQLITE_ROW)
        *out_id = 1;
      sqlite3_reset (fs->select_stmt);
      return TRUE;
    }
  for (guint k = 0; k < fs->n_key; k++)
    {
      const Col *col = &fs->cols[fs->key_cols[k]];

      if (col->bad || col->vtype == V_NULL)
        return FALSE;
    }
  if (fs->mapped)
    {
      const Col *col = &fs->cols[fs->key_cols[0]];

      if (!zicha_key_map_lookup (imp->maps[fs->fmt->kind], col->text, col->text_len, out_id))
        *out_id = 0;
      return TRUE;
    }
  if (fs->was_empty)
    return TRUE;
  for (guint k = 0; k < fs->n_key; k++)
    bind_col (fs, fs->select_stmt, (int) k + 1, &fs->cols[fs->key_cols[k]], DERIVE_NONE);
  if (sqlite3_step (fs->select_stmt) == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (fs->select_stmt, 0);
  sqlite3_reset (fs->select_stmt);
  return TRUE;
}

static void
remember_parent (FileState *fs)
{
  const char *parent = NULL;
  int c;

  switch (fs->fmt->kind)
    {
    case ZICHA_RECORD_AUDIT_TEAM:
    case ZICHA_RECORD_CHECKINS:
      parent = "audit_id";
      break;
    case ZICHA_RECORD_CERTIFICATE_EVENTS:
      parent = "cert_no";
      break;
    default:
      return;
    }
  c = zicha_interchange_column_index (fs->fmt, parent);
  if (!fs->cols[c].bad && fs->cols[c].vtype == V_INT && fs->cols[c].num > 0)
    zicha_id_set_add (&fs->parents, fs->cols[c].num);
}

/* For a row that is not read otherwise: its key (of a record kind others refer to) still
 * counts as present, so that errors don't cascade. */
static void
register_key_only (Importer             *imp,
                   FileState            *fs,
                   const ZichaCsvRecord *record)
{
  int field = fs->mapped ? fs->cols[fs->key_cols[0]].field : -1;
  gint64 existing;
  gsize len;
  char *key;

  if (field < 0 || (guint) field >= record->n_fields)
    return;
  len = record->lengths[field];
  key = trim (record->fields[field], &len);
  if (len > 0 && key_is_valid (key)
      && !zicha_key_map_lookup (imp->maps[fs->fmt->kind], key, len, &existing))
    zicha_key_map_set (imp->maps[fs->fmt->kind], key, len, --imp->next_placeholder);
}

static gboolean
process_row (Importer             *imp,
             FileState            *fs,
             const ZichaCsvRecord *record)
{
  guint line = record->line;
  gboolean doomed;
  gint64 id;

  fs->rows++;
  fs->stats->rows++;

  if (fs->failed)
    {
      /* The header had an error (reported once): only keys are read, for references. */
      register_key_only (imp, fs, record);
      return TRUE;
    }

  if (record->n_fields != fs->n_header)
    {
      row_error (imp, line, "-",
                 /* Translators: both are numbers of fields. */
                 g_strdup_printf (_("the row has %1$u fields, the header %2$u"),
                                  record->n_fields, fs->n_header),
                 NULL);
      /* Its key still counts, when it can be read. */
      register_key_only (imp, fs, record);
      return TRUE;
    }

  if (fs->fmt->kind == ZICHA_RECORD_BODY && fs->rows > 1)
    {
      row_error (imp, line, "-", g_strdup (_("body.csv may have only one row")), NULL);
      return TRUE;
    }

  /* Cells in the order of the header. */
  for (guint f = 0; f < fs->n_header; f++)
    {
      int c = fs->field_col[f];

      if (c >= 0)
        parse_cell (imp, &fs->cols[c], record->fields[f], record->lengths[f], line);
    }
  check_pairs (imp, fs, line);

  if (!find_row (imp, fs, &id))
    return TRUE;   /* unreadable key: reported above */

  if (id < 0 || (id > 0 && zicha_id_set_contains (&fs->touched, id)))
    {
      g_autofree char *key = key_display (fs);

      row_error (imp, line, "-",
                 g_strdup (_("duplicate key: an earlier row of this file has the same key")), key);
      return TRUE;
    }

  if (id == 0 && fs->pipeline != NULL)
    {
      id = fs->next_id++;
      fs->stats->inserted++;
      if (fs->mapped)
        {
          const Col *col = &fs->cols[fs->key_cols[0]];

          zicha_key_map_set (imp->maps[fs->fmt->kind], col->text, col->text_len, id);
        }
      zicha_id_set_add (&fs->touched, id);
      remember_parent (fs);
      return pipeline_add_row (fs->pipeline, fs, id, line);
    }
  g_assert (fs->pipeline == NULL);

  doomed = imp->result->n_errors > 0;

  if (id == 0)
    {
      int rc;

      bind_slots (fs, fs->insert_stmt);
      rc = sqlite3_step (fs->insert_stmt);
      sqlite3_reset (fs->insert_stmt);
      if (rc == SQLITE_DONE)
        {
          id = sqlite3_last_insert_rowid (imp->sql);
          fs->stats->inserted++;
        }
      else if (fs->was_empty && sqlite3_extended_errcode (imp->sql) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_autofree char *key = key_display (fs);

          row_error (imp, line, "-", g_strdup (_("duplicate key: an earlier row of this file "
                                                 "has the same key")), key);
          return TRUE;
        }
      else if (!doomed)
        return fail_sql (imp, _("Cannot write the imported records"));
      else
        id = --imp->next_placeholder;

      if (fs->mapped)
        {
          const Col *col = &fs->cols[fs->key_cols[0]];

          zicha_key_map_set (imp->maps[fs->fmt->kind], col->text, col->text_len, id);
        }
      if (id > 0 && fs->fmt->kind == ZICHA_RECORD_CERTIFICATES
          && !sync_scope_codes (imp, fs, id, doomed) && imp->fatal != NULL)
        return FALSE;
    }
  else
    {
      if (fs->fmt->kind == ZICHA_RECORD_CERTIFICATES)
        warn_handled_status (imp, fs, id, line);
      bind_slots (fs, fs->update_stmt);
      sqlite3_bind_int64 (fs->update_stmt, (int) fs->slots->len + 1, id);
      if (step_done (imp, fs->update_stmt, doomed))
        {
          if (sqlite3_changes (imp->sql) > 0)
            {
              fs->stats->updated++;
              if (fs->fmt->kind == ZICHA_RECORD_CERTIFICATES
                  && !sync_scope_codes (imp, fs, id, doomed) && imp->fatal != NULL)
                return FALSE;
            }
          else
            fs->stats->unchanged++;
        }
      else if (imp->fatal != NULL)
        return FALSE;
    }

  if (id > 0)
    zicha_id_set_add (&fs->touched, id);
  remember_parent (fs);
  return TRUE;
}

/* Header -------------------------------------------------------------------------------- */

static gboolean
process_header (Importer             *imp,
                FileState            *fs,
                const ZichaCsvRecord *record)
{
  const ZichaFileFormat *fmt = fs->fmt;

  fs->n_header = record->n_fields;
  fs->field_col = g_new (int, fs->n_header);
  for (guint f = 0; f < fs->n_header; f++)
    {
      gsize len = record->lengths[f];
      char *cell = trim (record->fields[f], &len);
      const ZichaColumn *def = zicha_interchange_match_header (fmt, cell);
      int c;

      fs->field_col[f] = -1;
      if (def == NULL)
        {
          add_message (imp->result, imp->file_name, 1, cell,
                       g_strdup (_("unknown column, ignored")), NULL, TRUE);
          continue;
        }
      c = (int) (def - fmt->columns);
      if (fs->cols[c].field >= 0)
        {
          row_error (imp, 1, cell,
                     /* Translators: %s is the column both header cells name, e.g. org_id. */
                     g_strdup_printf (_("a second header cell for the column %s"), def->name),
                     NULL);
          fs->failed = TRUE;
          continue;
        }
      fs->cols[c].field = (int) f;
      g_free (fs->cols[c].header);
      fs->cols[c].header = g_strdup (cell);
      fs->field_col[f] = c;
    }

  for (guint c = 0; c < fmt->n_columns; c++)
    if (fmt->columns[c].required && fs->cols[c].field < 0)
      {
        row_error (imp, 1, fmt->columns[c].name, g_strdup (_("required column missing")), NULL);
        fs->failed = TRUE;
      }

  if (fs->mapped && get_map (imp, fmt->kind) == NULL)
    return FALSE;
  if (fs->failed)
    return TRUE;
  if (!prepare_file_statements (imp, fs))
    return FALSE;
  if (fs->bulk_insert_stmt != NULL)
    {
      /* The writer thread will own the connection: load every key map the rows need now. */
      for (guint c = 0; c < fmt->n_columns; c++)
        if (fs->cols[c].field >= 0 && fmt->columns[c].type == ZICHA_VALUE_REFERENCE
            && get_map (imp, fmt->columns[c].references) == NULL)
          return FALSE;
      fs->pipeline = pipeline_start (imp, fs);
    }
  return TRUE;
}

/* Files --------------------------------------------------------------------------------- */

static void
report_progress (Importer             *imp,
                 FileState            *fs,
                 const ZichaCsvRecord *record)
{
  if (imp->progress != NULL)
    imp->progress (fs->fmt->file_name, fs->rows, imp->bytes_before + record->bytes_done,
                   imp->bytes_total, imp->progress_data);
}

static gboolean
on_record (const ZichaCsvRecord *record,
           gpointer              user_data)
{
  Importer *imp = user_data;
  FileState *fs = imp->fs;
  gboolean ok;

  if (!fs->header_done)
    {
      fs->header_done = TRUE;
      return process_header (imp, fs, record);
    }

  ok = process_row (imp, fs, record);
  g_ptr_array_set_size (fs->row_allocs, 0);
  if (!ok)
    return FALSE;
  if (fs->rows % CHECK_EVERY == 0)
    {
      if (g_cancellable_is_cancelled (imp->cancellable))
        {
          imp->cancelled = TRUE;
          return FALSE;
        }
      report_progress (imp, fs, record);
    }
  return TRUE;
}

typedef struct
{
  Importer     *imp;
  FileState    *fs;
  sqlite3_stmt *children;
  sqlite3_stmt *delete;
} ReplaceData;

static gboolean
replace_children_of (gint64   parent,
                     gpointer data)
{
  ReplaceData *rd = data;
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  sqlite3_bind_int64 (rd->children, 1, parent);
  while ((rc = sqlite3_step (rd->children)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (rd->children, 0);

      if (!zicha_id_set_contains (&rd->fs->touched, id))
        g_array_append_val (stale, id);
    }
  sqlite3_reset (rd->children);
  if (rc != SQLITE_DONE)
    return fail_sql (rd->imp, _("Cannot write the imported records"));
  for (guint i = 0; i < stale->len; i++)
    {
      sqlite3_bind_int64 (rd->delete, 1, g_array_index (stale, gint64, i));
      if (!step_done (rd->imp, rd->delete, FALSE))
        return FALSE;
      rd->fs->stats->deleted++;
    }
  return TRUE;
}

/* Removes the stored children of every parent the file mentions that the file no longer
 * has (rows of the new set were touched). Certificate events written by Zicha stay. */
static gboolean
replace_sets (Importer  *imp,
              FileState *fs)
{
  const char *select_sql, *delete_sql;
  ReplaceData rd = { imp, fs, NULL, NULL };
  gboolean ok;

  switch (fs->fmt->kind)
    {
    case ZICHA_RECORD_AUDIT_TEAM:
      select_sql = "SELECT id FROM audit_team WHERE audit = ?1";
      delete_sql = "DELETE FROM audit_team WHERE id = ?1";
      break;
    case ZICHA_RECORD_CHECKINS:
      select_sql = "SELECT id FROM checkins WHERE audit = ?1";
      delete_sql = "DELETE FROM checkins WHERE id = ?1";
      break;
    case ZICHA_RECORD_CERTIFICATE_EVENTS:
      select_sql = "SELECT id FROM certificate_events WHERE cert = ?1 AND origin = 'import'";
      delete_sql = "DELETE FROM certificate_events WHERE id = ?1";
      break;
    default:
      return TRUE;
    }
  rd.children = prepare (imp, select_sql);
  rd.delete = prepare (imp, delete_sql);
  ok = rd.children != NULL && rd.delete != NULL
       && zicha_id_set_foreach (&fs->parents, replace_children_of, &rd);
  g_clear_pointer (&rd.children, sqlite3_finalize);
  g_clear_pointer (&rd.delete, sqlite3_finalize);
  return ok;
}

static void
file_state_clear (FileState *fs)
{
  for (guint c = 0; c < fs->fmt->n_columns; c++)
    {
      g_free (fs->cols[c].header);
      g_string_free (fs->cols[c].scratch, TRUE);
    }
  g_free (fs->cols);
  g_free (fs->field_col);
  g_clear_pointer (&fs->slots, g_array_unref);
  g_clear_pointer (&fs->select_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->insert_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->bulk_insert_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->update_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->status_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->codes_delete_stmt, sqlite3_finalize);
  g_clear_pointer (&fs->codes_insert_stmt, sqlite3_finalize);
  g_ptr_array_unref (fs->row_allocs);
  zicha_id_set_clear (&fs->touched);
  zicha_id_set_clear (&fs->parents);
}

static char *
csv_problem_message (const ZichaCsvProblem *problem,
                     ZichaImportEncoding    requested)
{
  switch (problem->status)
    {
    case ZICHA_CSV_NUL_BYTE:
      return g_strdup (_("the file contains a NUL byte"));
    case ZICHA_CSV_BAD_ENCODING:
      if (requested == ZICHA_IMPORT_ENCODING_AUTO)
        return g_strdup (_("the text is neither UTF-8 nor GB18030"));
      if (problem->encoding == ZICHA_IMPORT_ENCODING_GB18030)
        return g_strdup (_("the text is not GB18030"));
      return g_strdup (_("the text is not UTF-8"));
    case ZICHA_CSV_BAD_QUOTES:
      return g_strdup (_("malformed quoting (a quoted value must be followed by a comma or "
                         "the line end; quotes inside a value must be doubled)"));
    case ZICHA_CSV_UNTERMINATED:
      return g_strdup (_("a quoted value is not closed before the end of the file"));
    case ZICHA_CSV_HUGE_RECORD:
      return g_strdup (_("the row is far too long"));
    case ZICHA_CSV_OK:
    case ZICHA_CSV_STOPPED:
    default:
      g_assert_not_reached ();
    }
}

/* (g_qsort_with_data() is stable: messages of a line keep their order.) */
static gint
compare_message_lines (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const ZichaImportMessage *ma = a, *mb = b;

  return ma->line < mb->line ? -1 : ma->line > mb->line;
}

static gboolean
import_file (Importer              *imp,
             const ZichaFileFormat *fmt,
             const char            *path,
             ZichaImportEncoding    encoding,
             GError               **error)
{
  FileState fs = { 0 };
  ZichaCsvProblem problem;
  gboolean ok;
  gint64 cpu0;
  guint first_message = imp->result->messages->len;

  fs.fmt = fmt;
  fs.stats = &imp->result->stats[fmt->kind];
  fs.cols = g_new0 (Col, fmt->n_columns);
  fs.row_allocs = g_ptr_array_new_with_free_func (g_free);
  fs.mapped = map_key_column[fmt->kind] != NULL;
  for (guint c = 0; c < fmt->n_columns; c++)
    {
      fs.cols[c].def = &fmt->columns[c];
      fs.cols[c].field = -1;
      fs.cols[c].header = g_strdup (fmt->columns[c].name);
      fs.cols[c].scratch = g_string_new (NULL);
    }
  for (guint k = 0; k < G_N_ELEMENTS (fmt->key) && fmt->key[k] != NULL; k++)
    fs.key_cols[fs.n_key++] = zicha_interchange_column_index (fmt, fmt->key[k]);

  imp->fs = &fs;
  imp->file_name = fmt->file_name;
  cpu0 = thread_cpu_us ();

  ok = zicha_csv_read (path, encoding,
                       imp->encoding == ZICHA_IMPORT_ENCODING_AUTO
                       && encoding == ZICHA_IMPORT_ENCODING_UTF8,
                       on_record, imp, &problem, error);
  g_debug ("%s: reading thread %.2f s CPU", fmt->file_name,
           (double) (thread_cpu_us () - cpu0) / 1e6);
  if (fs.pipeline != NULL)
    {
      GArray *messages = imp->result->messages;

      pipeline_finish (fs.pipeline, &fs, !ok || imp->fatal != NULL || imp->cancelled);
      fs.pipeline = NULL;
      /* The writer's messages came in late: the file's messages in the order of its lines. */
      if (messages->len > first_message + 1)
        g_qsort_with_data (&g_array_index (messages, ZichaImportMessage, first_message),
                           (gint) (messages->len - first_message), sizeof (ZichaImportMessage),
                           compare_message_lines, NULL);
    }
  if (ok && imp->fatal == NULL && !imp->cancelled)
    {
      if (problem.status != ZICHA_CSV_OK && problem.status != ZICHA_CSV_STOPPED)
        row_error (imp, problem.line, "-", csv_problem_message (&problem, imp->encoding), NULL);
      else if (problem.status == ZICHA_CSV_OK && !fs.header_done)
        row_error (imp, 1, "-", g_strdup (_("the file is empty: it has no header")), NULL);
      else if (problem.status == ZICHA_CSV_OK && imp->result->n_errors == 0 && !fs.was_empty)
        replace_sets (imp, &fs);   /* (a table empty before holds only the new sets) */
    }

  /* The map keeps its keys for later files' references, not the room to grow. */
  if (fs.mapped && imp->maps[fmt->kind] != NULL)
    zicha_key_map_trim (imp->maps[fmt->kind]);
  imp->fs = NULL;
  file_state_clear (&fs);
  return ok;
}

/* Bulk loads ---------------------------------------------------------------------------- */

/* A file of this many bytes holds at least (file size / BULK_ROW_BYTES) rows, about: demo
 * rows are 45 to 130 bytes long. */
#define BULK_ROW_BYTES 128
/* Page cache while a table is bulk-loaded: rows are appended, a large cache gains nothing
 * (16 MB and 64 MB load 100k certificates equally fast) and costs memory. */
#define BULK_CACHE_KIB 16384
/* Page cache while CREATE INDEX runs (see recreate_indexes()). */
#define SORT_RUN_KIB 8192

/* Whether the file likely brings at least as many rows as @table holds (certainly when it is
 * empty): loading it is then faster without the table's secondary indexes, made again
 * afterwards by sorting, than with them kept up to date row by row in random order. */
static gboolean
is_bulk_load (Importer   *imp,
              const char *table,
              guint64     file_bytes)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s LIMIT ?1)",
                                          table);
  sqlite3_stmt *stmt = prepare (imp, sql);
  gint64 limit = (gint64) MIN (file_bytes / BULK_ROW_BYTES, (guint64) G_MAXINT32) + 1;
  gboolean bulk;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit);
  bulk = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) < limit;
  sqlite3_finalize (stmt);
  return bulk;
}

/* Drops the secondary indexes of @table that enforce nothing (not UNIQUE, made by CREATE
 * INDEX) before a bulk load; returns their CREATE statements, in the order of the schema, or
 * NULL when there are none or on error (imp->fatal). DDL is transactional: a ROLLBACK of the
 * import brings them back as they were. */
static GPtrArray *
drop_secondary_indexes (Importer   *imp,
                        const char *table)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = prepare (imp, "SELECT m.name, m.sql FROM sqlite_master AS m "
                       "JOIN pragma_index_list (?1) AS l ON l.name = m.name "
                       "WHERE m.type = 'index' AND m.sql IS NOT NULL "
                       "AND l.\"unique\" = 0 AND l.origin = 'c' "
                       "ORDER BY m.rowid");
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (creates, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = exec_sql (imp, sql);

      sqlite3_free (sql);
      if (!ok)
        return NULL;
    }
  g_debug ("%s: %u secondary indexes dropped for the load", table, creates->len);
  return creates->len > 0 ? g_steal_pointer (&creates) : NULL;
}

/* Skips a string literal, quoted identifier or comment starting at @p; returns where the
 * token ends (@p itself when there is none). */
static const char *
skip_quoted (const char *p)
{
  char close;

  if (p[0] == '-' && p[1] == '-')
    {
      while (*p != '\0' && *p != '\n')
        p++;
      return p;
    }
  if (p[0] == '/' && p[1] == '*')
    {
      const char *end = strstr (p + 2, "*/");

      return end != NULL ? end + 2 : p + strlen (p);
    }
  switch (*p)
    {
    case '\'': case '"': case '`':
      close = *p;
      break;
    case '[':
      close = ']';
      break;
    default:
      return p;
    }
  for (p++; *p != '\0'; p++)
    if (*p == close)
      {
        if (close != ']' && p[1] == close)
          p++;   /* a doubled quote */
        else
          return p + 1;
      }
  return p;
}

/* The CHECK constraints of a CREATE TABLE statement as one condition that a row breaking any
 * of them meets: "NOT (e1) OR NOT (e2) ..." (a CHECK that is NULL holds). NULL when there
 * are none; FALSE when the text cannot be read. */
static gboolean
check_condition (const char  *create_sql,
                 char       **out_condition)
{
  g_autoptr(GString) cond = g_string_new (NULL);
  const char *p = create_sql;

  *out_condition = NULL;
  while (*p != '\0')
    {
      const char *q = skip_quoted (p);
      const char *expr;
      int depth = 0;

      if (q != p)
        {
          p = q;
          continue;
        }
      if (g_ascii_strncasecmp (p, "CHECK", 5) != 0
          || (p > create_sql && (g_ascii_isalnum (p[-1]) || p[-1] == '_'))
          || g_ascii_isalnum (p[5]) || p[5] == '_')
        {
          p++;
          continue;
        }
      p += 5;
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '(')
        return FALSE;
      expr = p;
      while (*p != '\0')
        {
          q = skip_quoted (p);
          if (q != p)
            {
              p = q;
              continue;
            }
          if (*p == '(')
            depth++;
          else if (*p == ')' && --depth == 0)
            break;
          p++;
        }
      if (*p != ')')
        return FALSE;
      p++;
      g_string_append_printf (cond, "%sNOT %.*s", cond->len > 0 ? " OR " : "",
                              (int) (p - expr), expr);
    }
  if (cond->len > 0)
    *out_condition = g_string_free (g_steal_pointer (&cond), FALSE);
  return TRUE;
}

/* After a bulk load with the CHECK constraints off: every value was checked by the import,
 * but the schema has the last word. One query evaluates the table's CHECKs over its rows;
 * PRAGMA quick_check would too, at four times the cost. Rows with an error (stand-ins) never
 * get here. */
static gboolean
check_table (Importer   *imp,
             const char *table)
{
  g_autofree char *create_sql = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean broken;
  int rc;

  stmt = prepare (imp, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    create_sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (create_sql == NULL || !check_condition (create_sql, &condition))
    sql = g_strdup_printf ("SELECT quick_check != 'ok' FROM pragma_quick_check ('%s')", table);
  else if (condition == NULL)
    return TRUE;
  else
    sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s WHERE %s)", table, condition);
  stmt = prepare (imp, sql);
  if (stmt == NULL)
    return FALSE;
  broken = FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    broken = broken || sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return fail_sql (imp, _("Cannot write the imported records"));
  if (broken)
    {
      if (imp->fatal == NULL)
        /* (The words of SQLite's own error, which this replaces.) */
        g_set_error (&imp->fatal, ZICHA_ERROR, ZICHA_ERROR_FAILED, "%s: CHECK constraint failed",
                     _("Cannot write the imported records"));
      return FALSE;
    }
  return TRUE;
}

static void
set_cache_size (Importer *imp,
                gint64    size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  sqlite3_exec (imp->sql, sql, NULL, NULL, NULL);
}

static int
on_sql_progress (void *data)
{
  Importer *imp = data;

  return g_cancellable_is_cancelled (imp->cancellable);
}

/* Makes the indexes dropped by drop_secondary_indexes() again; cancellable. */
static gboolean
recreate_indexes (Importer  *imp,
                  GPtrArray *creates)
{
  gboolean ok = TRUE;

  sqlite3_progress_handler (imp->sql, 10000, on_sql_progress, imp);
  /* CREATE INDEX sorts runs of the page cache's size, then merges them: runs of a few MB sort
   * in the processor's cache, twice as fast as runs of 64 MB, and take less memory. */
  exec_sql (imp, "PRAGMA cache_size = -" G_STRINGIFY (SORT_RUN_KIB));
  /* A second processor sorts one run while the next is read. */
  exec_sql (imp, g_get_num_processors () > 1 ? "PRAGMA threads = 1" : "PRAGMA threads = 0");
  for (guint i = 0; i < creates->len && ok; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (sqlite3_exec (imp->sql, creates->pdata[i], NULL, NULL, NULL) != SQLITE_OK)
        {
          ok = FALSE;
          if (sqlite3_errcode (imp->sql) == SQLITE_INTERRUPT
              && g_cancellable_is_cancelled (imp->cancellable))
            imp->cancelled = TRUE;
          else
            fail_sql (imp, _("Cannot import"));
        }
      g_debug ("%s: %.2f s", (const char *) creates->pdata[i],
               (double) (g_get_monotonic_time () - start) / 1e6);
    }
  sqlite3_progress_handler (imp->sql, 0, NULL, NULL);
  sqlite3_exec (imp->sql, "PRAGMA threads = 0", NULL, NULL, NULL);
  set_cache_size (imp, imp->load_cache_size);
  return ok;
}

/* Checksums and encodings ---------------------------------------------------------------- */

/* A thread reads each file once before it is imported (SHA-256, and the encoding when it is
 * to be detected), in the order of the import, while earlier files are being imported. */
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

static void
scanner_start (Scanner *sc)
{
  g_mutex_init (&sc->mutex);
  g_cond_init (&sc->cond);
  sc->thread = g_thread_new ("zicha-import-scan", scan_thread, sc);
}

/* Waits until @kind is scanned; FALSE with the error of the first file that could not be
 * read. */
static gboolean
scanner_wait (Scanner  *sc,
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

static void
scanner_clear (Scanner *sc)
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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scanner, scanner_clear)

/* The folder ----------------------------------------------------------------------------- */

gboolean
zicha_import_encoding_from_string (const char          *text,
                                   ZichaImportEncoding *out_encoding)
{
  static const struct { const char *name; ZichaImportEncoding encoding; } names[] = {
    { "auto", ZICHA_IMPORT_ENCODING_AUTO },
    { "utf-8", ZICHA_IMPORT_ENCODING_UTF8 },
    { "utf8", ZICHA_IMPORT_ENCODING_UTF8 },
    { "gb18030", ZICHA_IMPORT_ENCODING_GB18030 },
    { "gbk", ZICHA_IMPORT_ENCODING_GB18030 },
    { "gb2312", ZICHA_IMPORT_ENCODING_GB18030 },
  };

  g_return_val_if_fail (text != NULL && out_encoding != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (names[i].name, text) == 0)
      {
        *out_encoding = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

static gboolean
record_import (Importer   *imp,
               const char *folder,
               const char *user_name,
               const char *started_at)
{
  g_autofree char *finished_at = now_text ();
  ZichaImportResult *result = imp->result;
  sqlite3_stmt *stmt;
  gint64 inserted = 0, updated = 0, unchanged = 0;
  gboolean ok = TRUE;

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    {
      inserted += (gint64) result->stats[k].inserted;
      updated += (gint64) result->stats[k].updated;
      unchanged += (gint64) result->stats[k].unchanged;
    }
  stmt = prepare (imp, "INSERT INTO imports (started_at, finished_at, folder, user_name, "
                       "inserted, updated, unchanged) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, started_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, finished_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, folder, -1, SQLITE_STATIC);
  if (user_name != NULL)
    sqlite3_bind_text (stmt, 4, user_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, inserted);
  sqlite3_bind_int64 (stmt, 6, updated);
  sqlite3_bind_int64 (stmt, 7, unchanged);
  ok = step_done (imp, stmt, FALSE);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;
  result->import_id = sqlite3_last_insert_rowid (imp->sql);

  stmt = prepare (imp, "INSERT INTO import_files (import, file, sha256, rows, inserted, "
                       "updated, unchanged) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (stmt == NULL)
    return FALSE;
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS && ok; k++)
    {
      const ZichaImportFileStats *s = &result->stats[k];

      if (!s->present)
        continue;
      sqlite3_bind_int64 (stmt, 1, result->import_id);
      sqlite3_bind_text (stmt, 2, zicha_interchange_get_file (k)->file_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, s->sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, (gint64) s->rows);
      sqlite3_bind_int64 (stmt, 5, (gint64) s->inserted);
      sqlite3_bind_int64 (stmt, 6, (gint64) s->updated);
      sqlite3_bind_int64 (stmt, 7, (gint64) s->unchanged);
      ok = step_done (imp, stmt, FALSE);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
query_foreign_keys (Importer *imp)
{
  sqlite3_stmt *stmt = prepare (imp, "PRAGMA foreign_keys");
  gboolean on = FALSE;

  if (stmt == NULL)
    return FALSE;
  on = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return on;
}

static void
restore_connection (Importer *imp,
                      gboolean  on)
{
  if (on)
    sqlite3_exec (imp->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  set_cache_size (imp, imp->cache_size);
}

static gint64
query_cache_size (Importer *imp)
{
  sqlite3_stmt *stmt = prepare (imp, "PRAGMA cache_size");
  gint64 size = -2000;

  if (stmt == NULL)
    return size;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
importer_clear (Importer *imp)
{
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    g_clear_pointer (&imp->maps[k], zicha_key_map_free);
  g_clear_pointer (&imp->handled_certs, g_hash_table_unref);
  g_clear_error (&imp->fatal);
  g_mutex_clear (&imp->messages_lock);
}

gboolean
zicha_import_folder (ZichaDb                   *db,
                     const char                *folder,
                     const ZichaImportOptions  *options,
                     ZichaImportProgressFunc    progress,
                     gpointer                   progress_data,
                     GCancellable              *cancellable,
                     ZichaImportResult        **out_result,
                     GError                   **error)
{
  g_autoptr(ZichaImportResult) result = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *started_at = now_text ();
  guint64 sizes[ZICHA_N_RECORD_KINDS] = { 0 };
  char *not_regular[ZICHA_N_RECORD_KINDS] = { NULL };
  gboolean foreign_keys;
  g_autofree char *display = NULL;
  Importer imp = { 0 };
  g_auto(Scanner) scanner = { 0 };
  const char *name;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (out_result == NULL || *out_result == NULL, FALSE);

  display = g_filename_display_name (folder);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is a folder. */
                   _("There is no folder %s"), display);
      return FALSE;
    }
  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s is a folder. */
                   _("Cannot read the folder %s"), display);
      return FALSE;
    }

  result = result_new ();
  imp.db = db;
  imp.sql = zicha_db_get_handle (db);
  imp.encoding = options != NULL ? options->encoding : ZICHA_IMPORT_ENCODING_AUTO;
  imp.result = result;
  g_mutex_init (&imp.messages_lock);
  imp.cancellable = cancellable;
  imp.progress = progress;
  imp.progress_data = progress_data;

  /* Which files are there. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      const ZichaFileFormat *fmt = zicha_interchange_find_file (name);
      GStatBuf st;

      if (fmt == NULL)
        {
          if (!g_file_test (path, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (unknown, g_strdup (name));
          continue;
        }
      /* Only regular files (or links to one) are read: a named pipe would keep the import
       * waiting for ever with the database locked, and a folder is no file. */
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          int saved_errno = errno;
          char *reason;

          if (g_lstat (path, &st) != 0)
            reason = g_strdup_printf (_("cannot be read: %s"), g_strerror (saved_errno));
          else if (S_ISLNK (st.st_mode))
            /* Translators: the link points nowhere, or the system's reason */
            reason = g_strdup_printf (_("a link to nothing that can be read: %s"),
                                      g_strerror (saved_errno));
          else if (S_ISDIR (st.st_mode))
            reason = g_strdup (_("a folder, not a file: refused"));
          else if (S_ISFIFO (st.st_mode))
            reason = g_strdup (_("a named pipe, not a regular file: refused"));
          else
            reason = g_strdup (_("not a regular file: refused"));
          not_regular[fmt->kind] = reason;
          continue;
        }
      result->stats[fmt->kind].present = TRUE;
      sizes[fmt->kind] = (guint64) st.st_size;
      imp.bytes_total += sizes[fmt->kind];
      scanner.paths[fmt->kind] = g_steal_pointer (&path);
    }
  /* (in the order of the files in the format, as every error) */
  for (guint k = 0; k < ZICHA_N_RECORD_KINDS; k++)
    if (not_regular[k] != NULL)
      add_message (result, zicha_interchange_get_file (k)->file_name, 1, "-",
                   g_steal_pointer (&not_regular[k]), NULL, FALSE);
  if (result->n_errors > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, result->n_errors);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The import found %s error; nothing was imported",
                                "The import found %s errors; nothing was imported",
                                (gulong) result->n_errors),
                   count);
      importer_clear (&imp);
      if (out_result != NULL)
        *out_result = g_steal_pointer (&result);
      return FALSE;
    }

  /* Checksums and encodings, one file ahead of the import or more. */
  scanner.forced = imp.encoding;
  scanner.result = result;
  scanner_start (&scanner);

  /* Every reference is checked here against the key maps, so SQLite's checks of foreign
   * keys are switched off for the import (they cost a quarter of the time). Rows with errors
   * are written with stand-ins that may break references; the transaction is rolled back
   * then. The pragma has no effect inside a transaction: it is set before BEGIN. */
  imp.cache_size = query_cache_size (&imp);
  imp.load_cache_size = imp.cache_size;
  foreign_keys = query_foreign_keys (&imp);
  if (foreign_keys)
    exec_sql (&imp, "PRAGMA foreign_keys = OFF");
  g_clear_error (&imp.fatal);
  if (!zicha_db_begin (db, error))
    {
      restore_connection (&imp, foreign_keys);
      return FALSE;
    }
  if (!load_handled_certs (&imp))
    ok = FALSE;

  for (guint k = 0; k < ZICHA_N_RECORD_KINDS && ok; k++)
    {
      const ZichaFileFormat *fmt = zicha_interchange_get_file (k);
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) dropped = NULL;
      gboolean bulk;
      gint64 t0;

      if (!result->stats[k].present)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        {
          imp.cancelled = TRUE;
          ok = FALSE;
          break;
        }
      /* (Once there are errors, nothing will be kept: the indexes may as well stay.) */
      bulk = k != ZICHA_RECORD_BODY && result->n_errors == 0
             && is_bulk_load (&imp, fmt->table, sizes[k]);
      imp.load_cache_size = bulk ? -BULK_CACHE_KIB : imp.cache_size;
      set_cache_size (&imp, imp.load_cache_size);
      if (bulk)
        {
          dropped = drop_secondary_indexes (&imp, fmt->table);
          exec_sql (&imp, "PRAGMA ignore_check_constraints = ON");
        }
      if (imp.fatal != NULL)
        {
          ok = FALSE;
          break;
        }
      path = g_build_filename (folder, fmt->file_name, NULL);
      t0 = g_get_monotonic_time ();
      ok = scanner_wait (&scanner, k, error)
           && import_file (&imp, fmt, path, scanner.encodings[k], error);
      if (bulk)
        sqlite3_exec (imp.sql, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
      if (!ok)
        {
          zicha_db_rollback (db);
          restore_connection (&imp, foreign_keys);
          importer_clear (&imp);
          return FALSE;
        }
      if (imp.fatal != NULL || imp.cancelled)
        ok = FALSE;
      else if (bulk && result->n_errors == 0
               && (!check_table (&imp, fmt->table)
                   || (dropped != NULL && !recreate_indexes (&imp, dropped))))
        ok = FALSE;
      g_debug ("%s: %.2f s", fmt->file_name, (double) (g_get_monotonic_time () - t0) / 1e6);
      imp.bytes_before += sizes[k];
      if (progress != NULL)
        progress (fmt->file_name, result->stats[k].rows, imp.bytes_before, imp.bytes_total,
                  progress_data);
    }

  g_ptr_array_sort (unknown, compare_names);
  for (guint i = 0; i < unknown->len; i++)
    add_message (result, g_ptr_array_index (unknown, i), 1, "-",
                 g_strdup (_("unknown file, ignored")), NULL, TRUE);

  if (ok && result->n_errors == 0)
    {
      const char *user_name = options != NULL ? options->user_name : NULL;
      g_autofree char *absolute = g_canonicalize_filename (folder, NULL);

      if (!record_import (&imp, absolute, user_name, started_at)
          || !zicha_db_bump_records_generation (db, imp.fatal == NULL ? &imp.fatal : NULL)
          || !zicha_db_commit (db, imp.fatal == NULL ? &imp.fatal : NULL))
        ok = FALSE;
      if (ok)
        {
          restore_connection (&imp, foreign_keys);
          importer_clear (&imp);
          if (out_result != NULL)
            *out_result = g_steal_pointer (&result);
          return TRUE;
        }
    }

  zicha_db_rollback (db);
  restore_connection (&imp, foreign_keys);
  result->import_id = 0;
  if (imp.fatal != NULL)
    g_propagate_error (error, g_steal_pointer (&imp.fatal));
  else if (imp.cancelled || g_cancellable_is_cancelled (cancellable))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         _("The import was cancelled; nothing was imported"));
  else
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, result->n_errors);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %s is a number of errors. */
                                "The import found %s error; nothing was imported",
                                "The import found %s errors; nothing was imported",
                                (gulong) MIN (result->n_errors, G_MAXULONG)),
                   count);
    }
  importer_clear (&imp);
  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
  return FALSE;
}

/* Asynchronous import ---------------------------------------------------------------------- */

/* Progress posted by the worker under a mutex; one idle callback at a time reports it in the
 * caller's main context. Shared (reference-counted) by the task and pending idle sources. */
typedef struct
{
  GMutex                   mutex;
  GMainContext            *context;
  ZichaImportProgressFunc  func;
  gpointer                 data;
  GDestroyNotify           destroy;
  char                    *file_name;
  guint64                  rows;
  guint64                  bytes_done;
  guint64                  bytes_total;
  gboolean                 pending;
} SharedProgress;

typedef struct
{
  char               *db_path;
  char               *folder;
  ZichaImportEncoding encoding;
  char               *user_name;
  SharedProgress     *progress;
  ZichaImportResult  *result;
} ImportTaskData;

static void
shared_progress_clear (gpointer data)
{
  SharedProgress *sp = data;

  if (sp->destroy != NULL)
    sp->destroy (sp->data);
  g_main_context_unref (sp->context);
  g_free (sp->file_name);
  g_mutex_clear (&sp->mutex);
}

static void
shared_progress_unref (SharedProgress *sp)
{
  g_atomic_rc_box_release_full (sp, shared_progress_clear);
}

static gboolean
deliver_progress (gpointer data)
{
  SharedProgress *sp = data;
  g_autofree char *file_name = NULL;
  guint64 rows, done, total;

  g_mutex_lock (&sp->mutex);
  file_name = g_strdup (sp->file_name);
  rows = sp->rows;
  done = sp->bytes_done;
  total = sp->bytes_total;
  sp->pending = FALSE;
  g_mutex_unlock (&sp->mutex);

  sp->func (file_name, rows, done, total, sp->data);
  return G_SOURCE_REMOVE;
}

static void
post_progress (const char *file_name,
               guint64     rows_done,
               guint64     bytes_done,
               guint64     bytes_total,
               gpointer    user_data)
{
  SharedProgress *sp = user_data;
  gboolean schedule;

  g_mutex_lock (&sp->mutex);
  if (g_strcmp0 (sp->file_name, file_name) != 0)
    {
      g_free (sp->file_name);
      sp->file_name = g_strdup (file_name);
    }
  sp->rows = rows_done;
  sp->bytes_done = bytes_done;
  sp->bytes_total = bytes_total;
  schedule = !sp->pending;
  sp->pending = TRUE;
  g_mutex_unlock (&sp->mutex);

  if (schedule)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_callback (source, deliver_progress, g_atomic_rc_box_acquire (sp),
                             (GDestroyNotify) shared_progress_unref);
      g_source_set_static_name (source, "[zicha] import progress");
      g_source_attach (source, sp->context);
      g_source_unref (source);
    }
}

static void
import_task_data_free (gpointer data)
{
  ImportTaskData *td = data;

  g_free (td->db_path);
  g_free (td->folder);
  g_free (td->user_name);
  g_clear_pointer (&td->progress, shared_progress_unref);
  g_clear_pointer (&td->result, zicha_import_result_free);
  g_free (td);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *td = task_data;
  ZichaImportOptions options = { td->encoding, td->user_name };
  g_autoptr(ZichaDb) db = NULL;
  GError *error = NULL;

  /* A worker thread owns its own connection. */
  db = zicha_db_open (td->db_path, ZICHA_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (zicha_import_folder (db, td->folder, &options,
                           td->progress != NULL ? post_progress : NULL, td->progress,
                           cancellable, &td->result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
zicha_import_folder_async (ZichaDb                   *db,
                           const char                *folder,
                           const ZichaImportOptions  *options,
                           ZichaImportProgressFunc    progress,
                           gpointer                   progress_data,
                           GDestroyNotify             progress_destroy,
                           GCancellable              *cancellable,
                           GAsyncReadyCallback        callback,
                           gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *td;

  g_return_if_fail (ZICHA_IS_DB (db));
  g_return_if_fail (folder != NULL);

  td = g_new0 (ImportTaskData, 1);
  td->db_path = g_strdup (zicha_db_get_path (db));
  td->folder = g_strdup (folder);
  td->encoding = options != NULL ? options->encoding : ZICHA_IMPORT_ENCODING_AUTO;
  td->user_name = g_strdup (options != NULL ? options->user_name : NULL);
  if (progress != NULL)
    {
      td->progress = g_atomic_rc_box_new0 (SharedProgress);
      g_mutex_init (&td->progress->mutex);
      td->progress->context = g_main_context_ref_thread_default ();
      td->progress->func = progress;
      td->progress->data = progress_data;
      td->progress->destroy = progress_destroy;
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, zicha_import_folder_async);
  g_task_set_name (task, "[zicha] import folder");
  g_task_set_task_data (task, td, import_task_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
zicha_import_folder_finish (ZichaDb            *db,
                            GAsyncResult       *result,
                            ZichaImportResult **out_result,
                            GError            **error)
{
  ImportTaskData *td;

  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zicha_import_folder_async,
                        FALSE);

  td = g_task_get_task_data (G_TASK (result));
  if (out_result != NULL)
    *out_result = g_steal_pointer (&td->result);
  return g_task_propagate_boolean (G_TASK (result), error);
}
