/* zicha-risk-score.c — the risk score of the certificates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * certificates.risk_score from the open and confirmed hits (DOMAIN.md section 5), written
 * after each run and after triage. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include "zicha-error.h"
#include "zicha-rules-private.h"

static gboolean
exec_sql (sqlite3 *db, const char *sql, GError **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not store the hits: %s"),
                   msg != NULL ? msg : "");
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

gboolean
_zicha_risk_scores_update (sqlite3  *db,
                           GError  **error)
{
  /* DOMAIN.md section 5: weights H 3, M 2, L 1 of the open and confirmed hits on the
   * certificate, on its audits and their team rows, and on the other certificates of its
   * organization. The certificate's own hits plus those of the other certificates of its
   * organization are all certificate hits of the organization. */
  return exec_sql (db,
                   "DROP TABLE IF EXISTS temp.zicha_score;"
                   "CREATE TEMP TABLE zicha_score (cert INTEGER PRIMARY KEY, score INTEGER);"
                   "WITH w AS (SELECT h.entity_type, h.entity_key,"
                   "             CASE h.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1"
                   " END AS w"
                   "           FROM hits AS h WHERE h.status IN ('open', 'confirmed')"
                   "             AND h.entity_type IN ('certificate', 'audit', 'team')),"
                   " org_w AS (SELECT c.org, sum(w.w) AS w FROM w"
                   "           JOIN certificates AS c ON c.cert_no = w.entity_key"
                   "           WHERE w.entity_type = 'certificate' GROUP BY c.org),"
                   " audit_w AS (SELECT a.cert, sum(w.w) AS w FROM w"
                   "           JOIN audits AS a ON a.audit_id = CASE w.entity_type"
                   "             WHEN 'audit' THEN w.entity_key"
                   "             ELSE substr(w.entity_key, 1, instr(w.entity_key, '/') - 1) END"
                   "           WHERE w.entity_type IN ('audit', 'team') AND a.cert IS NOT NULL"
                   "           GROUP BY a.cert),"
                   " parts AS (SELECT c.id AS cert, o.w AS w FROM org_w AS o"
                   "           JOIN certificates AS c ON c.org = o.org"
                   "           UNION ALL SELECT cert, w FROM audit_w)"
                   "INSERT INTO zicha_score SELECT cert, sum(w) FROM parts GROUP BY cert;"
                   /* Both from the few scored certificates, not all of them: the old scores
                    * through the partial index certificates_risk, the new by id. */
                   "UPDATE certificates INDEXED BY certificates_risk SET risk_score = 0"
                   " WHERE risk_score <> 0 AND id NOT IN (SELECT cert FROM temp.zicha_score);"
                   "UPDATE certificates"
                   " SET risk_score = (SELECT score FROM temp.zicha_score WHERE cert = id)"
                   " WHERE id IN (SELECT cert FROM temp.zicha_score)"
                   " AND risk_score <> (SELECT score FROM temp.zicha_score WHERE cert = id);"
                   "DROP TABLE temp.zicha_score;", error);
}

gboolean
zicha_rules_update_risk_scores (ZichaDb  *db,
                                GError  **error)
{
  return _zicha_risk_scores_update (zicha_db_get_handle (db), error);
}
