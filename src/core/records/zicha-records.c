/* zicha-records.c — the record kinds of interchange format v1
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-records.h"

typedef struct
{
  const char *id;      /* file stem and table name */
  const char *label;   /* N_() */
} KindInfo;

static const KindInfo kinds[ZICHA_N_RECORD_KINDS] = {
  [ZICHA_RECORD_BODY]               = { "body",               N_("Certification body") },
  [ZICHA_RECORD_APPROVED_SCOPE]     = { "approved_scope",     N_("Approved scope") },
  [ZICHA_RECORD_PERSONNEL]          = { "personnel",          N_("Personnel") },
  [ZICHA_RECORD_QUALIFICATIONS]     = { "qualifications",     N_("Qualifications") },
  [ZICHA_RECORD_COMPETENCES]        = { "competences",        N_("Professional competences") },
  [ZICHA_RECORD_ORGANIZATIONS]      = { "organizations",      N_("Organizations") },
  [ZICHA_RECORD_CERTIFICATES]       = { "certificates",       N_("Certificates") },
  [ZICHA_RECORD_CERTIFICATE_EVENTS] = { "certificate_events", N_("Certificate history") },
  [ZICHA_RECORD_AUDITS]             = { "audits",             N_("Audits") },
  [ZICHA_RECORD_AUDIT_TEAM]         = { "audit_team",         N_("Audit teams") },
  [ZICHA_RECORD_EXPENSES]           = { "expenses",           N_("Travel and lodging expenses") },
  [ZICHA_RECORD_PENALTIES]          = { "penalties",          N_("Administrative penalties") },
  [ZICHA_RECORD_WATCHLIST]          = { "watchlist",          N_("Watch list") },
  [ZICHA_RECORD_CHECKINS]           = { "checkins",           N_("On-site check-ins") },
  [ZICHA_RECORD_COMPLAINTS]         = { "complaints",         N_("Complaints and reports") },
};

const char *
zicha_record_kind_get_id (ZichaRecordKind kind)
{
  g_return_val_if_fail (kind < ZICHA_N_RECORD_KINDS, NULL);
  return kinds[kind].id;
}

const char *
zicha_record_kind_get_label (ZichaRecordKind kind)
{
  g_return_val_if_fail (kind < ZICHA_N_RECORD_KINDS, NULL);
  return _(kinds[kind].label);
}

gboolean
zicha_db_count_records (ZichaDb  *db,
                        gint64    counts[ZICHA_N_RECORD_KINDS],
                        GError  **error)
{
  sqlite3 *handle;
  guint i;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  handle = zicha_db_get_handle (db);
  for (i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    {
      /* Table names come from the constant table above, never from input. */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", kinds[i].id);
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          zicha_db_set_error (db, error, _("Could not count the records"));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      counts[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  return TRUE;
}
