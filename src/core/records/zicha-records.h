/* zicha-records.h — the record kinds of interchange format v1
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zicha-db.h"

G_BEGIN_DECLS

/* In the order of the files in INTERCHANGE.md. */
typedef enum
{
  ZICHA_RECORD_BODY,
  ZICHA_RECORD_APPROVED_SCOPE,
  ZICHA_RECORD_PERSONNEL,
  ZICHA_RECORD_QUALIFICATIONS,
  ZICHA_RECORD_COMPETENCES,
  ZICHA_RECORD_ORGANIZATIONS,
  ZICHA_RECORD_CERTIFICATES,
  ZICHA_RECORD_CERTIFICATE_EVENTS,
  ZICHA_RECORD_AUDITS,
  ZICHA_RECORD_AUDIT_TEAM,
  ZICHA_RECORD_EXPENSES,
  ZICHA_RECORD_PENALTIES,
  ZICHA_RECORD_WATCHLIST,
  ZICHA_RECORD_CHECKINS,
  ZICHA_RECORD_COMPLAINTS,
  ZICHA_N_RECORD_KINDS
} ZichaRecordKind;

/* "certificates", … : the file stem of the interchange format and the table name. */
const char *zicha_record_kind_get_id    (ZichaRecordKind kind);
/* Translated plural label, e.g. "证书". */
const char *zicha_record_kind_get_label (ZichaRecordKind kind);

/* Row counts of every record kind. */
gboolean    zicha_db_count_records      (ZichaDb        *db,
                                         gint64          counts[ZICHA_N_RECORD_KINDS],
                                         GError        **error);

G_END_DECLS
