/* zicha-sampling-frame.c — the frame of a sample: certificates, lead auditors, hits
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The frame is the certificates of status valid whose issued_on ≤ the date ≤ expires_on,
 * limited to schemes and years of issue in SQL (the lists are bound as one ';'-joined text
 * and matched with instr (): codes and years hold no ';') and to lead auditors here, once
 * each certificate's lead auditor is known: the person with role leader in the team of its
 * latest audit that starts on or before the date (by start_on, then audit_id; of several
 * leaders the first person_id). Ordered by cert_no, the body's own key, so that the order
 * does not depend on row ids, which differ between databases of the same data.
 *
 * The hits behind each certificate's risk score are those zicha-risk-score.c weighs (DOMAIN.md
 * section 5): open and confirmed hits on the certificate and the other certificates of its
 * organization, on its audits and on their team rows (keys "AUDIT_ID/PERSON_ID"). A key item
 * (重点样本) has a high-severity one of its own: on itself, its audits or their team rows.
 */
#define G_LOG_DOMAIN "zicha-sampling"

#include "config.h"

#include <string.h>

#include "zicha-sampling-private.h"

void
_zicha_frame_entry_free (ZichaFrameEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->cert_no);
  g_free (entry->scheme);
  g_free (entry->lead);
  g_free (entry);
}

typedef struct
{
  guint    hits;
  gboolean key;
} CertHits;

/* (certificate id, severity, own) of every open or confirmed hit that counts in a score. */
static const char hits_sql[] =
  "SELECT c2.id, h.severity, c2.id = c1.id"
  " FROM hits AS h"
  " JOIN certificates AS c1 ON c1.cert_no = h.entity_key"
  " JOIN certificates AS c2 ON c2.org = c1.org"
  " WHERE h.status IN ('open', 'confirmed') AND h.entity_type = 'certificate'"
  " UNION ALL "
  "SELECT a.cert, h.severity, 1"
  " FROM hits AS h"
  " JOIN audits AS a ON a.audit_id = CASE h.entity_type WHEN 'audit' THEN h.entity_key"
  "   ELSE substr (h.entity_key, 1, instr (h.entity_key, '/') - 1) END"
  " WHERE h.status IN ('open', 'confirmed') AND h.entity_type IN ('audit', 'team')"
  " AND a.cert IS NOT NULL";

/* Certificate id → CertHits. */
static GHashTable *
read_hits (ZichaDb  *db,
           GError  **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  sqlite3_stmt *stmt = _zicha_plans_prepare (zicha_db_get_handle (db), hits_sql, "");
  int rc;

  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 cert = sqlite3_column_int64 (stmt, 0);
      CertHits *hits = g_hash_table_lookup (table, &cert);

      if (hits == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = cert;
          hits = g_new0 (CertHits, 1);
          g_hash_table_insert (table, key, hits);
        }
      hits->hits++;
      if (sqlite3_column_int (stmt, 2) != 0
          && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "high") == 0)
        hits->key = TRUE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&table);
}

static const char frame_sql[] =
  "SELECT c.id, c.cert_no, c.scheme, c.risk_score,"
  " (SELECT (SELECT p.person_id FROM audit_team AS t JOIN personnel AS p ON p.id = t.person"
  "          WHERE t.audit = a.id AND t.role = 'leader' ORDER BY p.person_id LIMIT 1)"
  "  FROM audits AS a WHERE a.cert = c.id AND a.start_on <= ?1"
  "  ORDER BY a.start_on DESC, a.audit_id DESC LIMIT 1)"
  " FROM certificates AS c"
  " WHERE c.status = 'valid' AND c.issued_on <= ?1 AND c.expires_on >= ?1"
  " AND (?2 IS NULL OR instr (';' || ?2 || ';', ';' || c.scheme || ';') > 0)"
  " AND (?3 IS NULL OR instr (';' || ?3 || ';', ';' || substr (c.issued_on, 1, 4) || ';') > 0)"
  " ORDER BY c.cert_no";

/* TRUE when @lead (NULL: none) is one of @leads. */
static gboolean
lead_wanted (const char * const *leads,
             const char         *lead)
{
  if (lead == NULL)
    return FALSE;
  for (guint i = 0; leads[i] != NULL; i++)
    if (strcmp (leads[i], lead) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
_zicha_sampling_read_frame (ZichaDb               *db,
                            const ZichaSampleSpec *spec,
                            const char            *valid_on,
                            gboolean               with_hits,
                            GError               **error)
{
  g_autoptr(GPtrArray) frame =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _zicha_frame_entry_free);
  g_autoptr(GHashTable) hits = NULL;
  g_autofree char *schemes = _zicha_plans_join_list (spec->schemes);
  g_autofree char *years = _zicha_plans_join_list (spec->years);
  gboolean by_lead = spec->lead_auditors != NULL && spec->lead_auditors[0] != NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (with_hits && (hits = read_hits (db, error)) == NULL)
    return NULL;
  stmt = _zicha_plans_prepare (zicha_db_get_handle (db), frame_sql, "sss", valid_on, schemes,
                               years);
  if (stmt == NULL)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *lead = (const char *) sqlite3_column_text (stmt, 4);
      ZichaFrameEntry *entry;

      if (by_lead && !lead_wanted (spec->lead_auditors, lead))
        continue;
      entry = g_new0 (ZichaFrameEntry, 1);
      entry->cert = sqlite3_column_int64 (stmt, 0);
      entry->cert_no = _zicha_plans_dup_column (stmt, 1);
      entry->scheme = _zicha_plans_dup_column (stmt, 2);
      entry->score = MAX (sqlite3_column_int64 (stmt, 3), 0);
      entry->lead = g_strdup (lead);
      if (hits != NULL)
        {
          const CertHits *h = g_hash_table_lookup (hits, &entry->cert);

          if (h != NULL)
            {
              entry->hits = h->hits;
              entry->key = h->key;
            }
        }
      g_ptr_array_add (frame, entry);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_plans_read_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&frame);
}
