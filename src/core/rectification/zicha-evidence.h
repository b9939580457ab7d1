/* zicha-evidence.h — evidence (佐证材料): files attached to a measure or a problem
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scans, photos, PDFs, spreadsheets are kept in the database itself with their name, MIME
 * type, size, SHA-256 (hex, computed with GChecksum), who added them and when. Every read of
 * the content checks it against its hash: a mismatch is ZICHA_ERROR_CORRUPT, whose message
 * names the file. Removal is soft (removed_at): it can be undone. The size limit (a file over
 * 50 MB asks first) is the front's; core takes any size that fits in memory.
 *
 * Changes write the change history: entity "evidence", key the evidence's id, its row
 * without the content (the bytes are not logged; their hash is). */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"

G_BEGIN_DECLS

/* One file, without its content. */
typedef struct
{
  gint64    id;
  gint64    measure;      /* the measure it is attached to, or 0 */
  gint64    problem;      /* or the problem, or 0 */
  gboolean  from_org;     /* sent by the organization with its response (责令整改) */
  char     *file_name;    /* as it was added, without folders */
  char     *mime_type;    /* "application/pdf", "image/jpeg" … */
  gint64    size;         /* bytes */
  char     *sha256;       /* 64 hex digits */
  char     *note;
  char     *added_at;     /* YYYY-MM-DD HH:MM:SS */
  char     *added_by;
  char     *removed_at;   /* NULL unless removed */
  char     *removed_by;
} ZichaEvidence;

void       zicha_evidence_free        (ZichaEvidence   *evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaEvidence, zicha_evidence_free)

/* Attaches @content as a file named @file_name (its folders are dropped; not empty) to the
 * measure @measure_id or the problem @problem_id (exactly one of them not 0; else
 * ZICHA_ERROR_USAGE). @mime_type NULL: guessed from the name and the content. Returns the new
 * id, 0 on error. */
gint64     zicha_evidence_add_bytes   (ZichaDb         *db,
                                       gint64           measure_id,
                                       gint64           problem_id,
                                       gboolean         from_org,
                                       const char      *file_name,
                                       const char      *mime_type,
                                       GBytes          *content,
                                       const char      *note,
                                       const char      *user_name,
                                       GError         **error);
/* The same with the file at @path (its name is the file's; ZICHA_ERROR_NOT_FOUND when it
 * cannot be read). */
gint64     zicha_evidence_add_file    (ZichaDb         *db,
                                       gint64           measure_id,
                                       gint64           problem_id,
                                       gboolean         from_org,
                                       const char      *path,
                                       const char      *note,
                                       const char      *user_name,
                                       GError         **error);

/* The evidence of a measure or a problem (one of the ids not 0; ZichaEvidence*), in the order
 * it was added; removed files only with @include_removed. */
GPtrArray *zicha_evidence_list        (ZichaDb         *db,
                                       gint64           measure_id,
                                       gint64           problem_id,
                                       gboolean         include_removed,
                                       GError         **error);
/* NULL with ZICHA_ERROR_NOT_FOUND when there is none (a removed one is found). */
ZichaEvidence *zicha_evidence_get     (ZichaDb         *db,
                                       gint64           evidence_id,
                                       GError         **error);
/* The content, checked against its SHA-256 and size: ZICHA_ERROR_CORRUPT when it does not
 * match (the file was changed or damaged in the database). */
GBytes    *zicha_evidence_read        (ZichaDb         *db,
                                       gint64           evidence_id,
                                       GError         **error);
/* zicha_evidence_read () written to @path (replaced, mode 0600); nothing is written when the
 * check fails. */
gboolean   zicha_evidence_save        (ZichaDb         *db,
                                       gint64           evidence_id,
                                       const char      *path,
                                       GError         **error);
/* Removes the file softly, and undoes that. Removing a removed file, or undoing for one that
 * is not, is ZICHA_ERROR_FAILED. */
gboolean   zicha_evidence_remove      (ZichaDb         *db,
                                       gint64           evidence_id,
                                       const char      *user_name,
                                       GError         **error);
gboolean   zicha_evidence_undo_remove (ZichaDb         *db,
                                       gint64           evidence_id,
                                       const char      *user_name,
                                       GError         **error);

G_END_DECLS
