/* zicha-record-list.h — lists of records read from the database page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaRecordList is a GListModel of ZichaRecordRow over one record kind. A worker thread
 * with its own connection finds the row ids of the records that match the search, in the
 * order asked for (both done by SQLite); rows are read when asked for, 256 at a time, and
 * only a few such pages are kept. A million certificates cost 4 bytes a record in memory. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-paged-list.h"
#include "zicha-record-row.h"
#include "zicha-records.h"

G_BEGIN_DECLS

/* Rows read at a time. */
#define ZICHA_RECORD_LIST_PAGE_SIZE 256

#define ZICHA_TYPE_RECORD_LIST (zicha_record_list_get_type ())
G_DECLARE_FINAL_TYPE (ZichaRecordList, zicha_record_list, ZICHA, RECORD_LIST, ZichaPagedList)

/* TRUE for the kinds that have a list: certificates, organizations, personnel, audits,
 * expenses, check-ins, qualifications, competences, certificate events, audit teams,
 * penalties, the watch list and complaints. */
gboolean         zicha_record_list_kind_supported (ZichaRecordKind kind);

/* Column layout of a kind, known without a list. */
guint            zicha_record_kind_get_n_columns      (ZichaRecordKind kind);
const char      *zicha_record_kind_get_column_id      (ZichaRecordKind kind,
                                                       guint           column);
/* Translated title of a column, e.g. "证书编号". */
const char      *zicha_record_kind_get_column_title   (ZichaRecordKind kind,
                                                       guint           column);
/* TRUE for numbers, best right-aligned. */
gboolean         zicha_record_kind_get_column_numeric (ZichaRecordKind kind,
                                                       guint           column);
/* TRUE for the columns shown only in the details of a record, not in the list. */
gboolean         zicha_record_kind_get_column_detail_only (ZichaRecordKind kind,
                                                           guint           column);
/* Index of the column @id, or -1. */
int              zicha_record_kind_find_column        (ZichaRecordKind kind,
                                                       const char     *id);

/* A list of @kind in its default order (its key), with no search. The first query starts
 * at once; the list is empty until it is done (see the "loading" property). */
ZichaRecordList *zicha_record_list_new             (ZichaDb         *db,
                                                    ZichaRecordKind  kind);

ZichaRecordKind  zicha_record_list_get_kind        (ZichaRecordList *self);

/* Orders by @column (ascending or not). Names sort in pinyin order. Starts a new query; a
 * query still running is cancelled. */
void             zicha_record_list_set_sort        (ZichaRecordList *self,
                                                    guint            column,
                                                    gboolean         descending);
guint            zicha_record_list_get_sort_column (ZichaRecordList *self);
gboolean         zicha_record_list_get_sort_descending (ZichaRecordList *self);

/* Keeps the records whose key or name contains @text (ASCII case ignored), or whose name's
 * pinyin initials contain @text ("zs" finds 张三). NULL or blank: all records. */
void             zicha_record_list_set_search      (ZichaRecordList *self,
                                                    const char      *text);
const char      *zicha_record_list_get_search      (ZichaRecordList *self);

/* Runs the query again, e.g. after an import. */
void             zicha_record_list_reload          (ZichaRecordList *self);

/* The fields of one record, every column of its kind, label and value. */
typedef struct
{
  char *label;   /* translated */
  char *value;   /* formatted as in the list; "" when empty */
} ZichaRecordField;

/* Records related to one record, for the details of the Records pages. */
typedef struct
{
  char            *section;   /* translated heading, e.g. "审核" */
  ZichaRecordKind  kind;      /* kind of the related record */
  gint64           id;        /* its row id */
  char            *title;
  char            *subtitle;  /* may be "" */
} ZichaRelatedRecord;

/* At most this many related records of one section are returned. */
#define ZICHA_RELATED_MAX_PER_SECTION 200

/* The fields of record @id of @kind: a GPtrArray of ZichaRecordField, NULL with
 * ZICHA_ERROR_NOT_FOUND when there is no such record. */
GPtrArray       *zicha_record_get_fields            (ZichaDb          *db,
                                                    ZichaRecordKind   kind,
                                                    gint64            id,
                                                    GError          **error);

/* Related records, by section: a certificate's organization, audits, audit team members
 * and history; a person's qualifications, competences and audits; an organization's
 * certificates and audits; an audit's certificate, organization, team, expenses and
 * check-ins. A GPtrArray of ZichaRelatedRecord (maybe empty). */
GPtrArray       *zicha_record_get_related           (ZichaDb          *db,
                                                    ZichaRecordKind   kind,
                                                    gint64            id,
                                                    GError          **error);

/* Looks up a record by its own key (cert_no, org_id, person_id, audit_id, …): its row id,
 * or 0. */
gint64           zicha_record_find_by_key           (ZichaDb          *db,
                                                    ZichaRecordKind   kind,
                                                    const char       *key);

/* Opens the database at @path, makes a list of @kind, and measures: the time until the
 * first rows can be shown, a sort by each of @n_sorts columns, and a search. Writes one
 * line per figure to @out. For build-aux/bench-records. */
gboolean         zicha_record_list_bench            (const char       *path,
                                                    ZichaRecordKind   kind,
                                                    const char       *search,
                                                    GString          *out,
                                                    GError          **error);

G_END_DECLS
