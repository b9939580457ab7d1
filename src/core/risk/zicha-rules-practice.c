/* zicha-rules-practice.c — rules of the areas "papers apart from practice" and "capability of
 * the body" (DOMAIN.md section 4)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "zicha-audit-time.h"
#include "zicha-rules-private.h"

/* WATCHLIST_NO_ACTION -------------------------------------------------------------------- */

gboolean
zicha_rule_watchlist_no_action (ZichaRuleContext *ctx, GError **error)
{
  /* notified_on + N days earlier than as of; in force on notified_on (issued_on ≤ notified_on ≤
   * expires_on, no withdraw or cancel event before notified_on); from notified_on to
   * notified_on + N days (both included) no special or short_notice audit started and no
   * suspend, withdraw or cancel event. */
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT c.cert_no, o.org_id, w.source, w.notified_on, w.until FROM"
    " (SELECT org, source, notified_on, date (notified_on, printf ('+%d days', :days)) AS until"
    "  FROM watchlist WHERE notified_on <= :asof) AS w"
    " JOIN certificates AS c ON c.org = w.org JOIN organizations AS o ON o.id = w.org"
    " WHERE w.until < :asof AND c.issued_on <= w.notified_on AND w.notified_on <= c.expires_on"
    "   AND NOT EXISTS (SELECT 1 FROM certificate_events AS e WHERE e.cert = c.id"
    "     AND e.event IN ('withdraw', 'cancel') AND e.on_date < w.notified_on)"
    "   AND NOT EXISTS (SELECT 1 FROM certificate_events AS e WHERE e.cert = c.id"
    "     AND e.event IN ('suspend', 'withdraw', 'cancel')"
    "     AND e.on_date BETWEEN w.notified_on AND w.until)"
    "   AND NOT EXISTS (SELECT 1 FROM audits AS a WHERE a.cert = c.id"
    "     AND a.type IN ('special', 'short_notice') AND a.start_on BETWEEN w.notified_on AND w.until"
    "     AND a.start_on <= :asof)"
    " ORDER BY c.id, w.notified_on", error);
  gint64 days = zicha_rule_param_int (ctx, "days");
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *cert_no = zicha_col_text (stmt, 0);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "org_id", zicha_col_text (stmt, 1));
      zicha_json_add_string (json, "source", zicha_col_text (stmt, 2));
      zicha_json_add_string (json, "notified_on", zicha_col_text (stmt, 3));
      zicha_json_add_string (json, "until", zicha_col_text (stmt, 4));
      zicha_json_add_int (json, "days", days);
      hit = zicha_rule_add_hit (ctx, cert_no,
                                zicha_message_printf (N_("The organization was named (%s) on %s; by %s no "
                                                   "special or short-notice audit started and the "
                                                   "certificate was not suspended, withdrawn or "
                                                   "cancelled"),
                                                 zicha_col_text (stmt, 2), zicha_col_text (stmt, 3),
                                                 zicha_col_text (stmt, 4)),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", cert_no);
      zicha_found_hit_add_record (hit, "organizations", zicha_col_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* COMPLAINT_UNRESOLVED ------------------------------------------------------------------- */

gboolean
zicha_rule_complaint_unresolved (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT complaint_id, received_on, closed, due, cert_no, org_id,"
    "       CAST (julianday (:asof) - julianday (received_on) AS INTEGER) FROM"
    " (SELECT k.complaint_id, k.received_on, " EV ("k.closed_on") " AS closed,"
    "    date (k.received_on, printf ('+%d days', :days)) AS due, c.cert_no, o.org_id"
    "  FROM complaints AS k LEFT JOIN certificates AS c ON c.id = k.cert"
    "  LEFT JOIN organizations AS o ON o.id = k.org"
    "  WHERE k.received_on <= :asof)"
    " WHERE closed > due OR (closed IS NULL AND :asof > due)", error);
  gint64 days = zicha_rule_param_int (ctx, "days");
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *complaint_id = zicha_col_text (stmt, 0);
      const char *received = zicha_col_text (stmt, 1);
      const char *closed = (const char *) sqlite3_column_text (stmt, 2);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;
      char *message;

      if (closed != NULL)
        message = zicha_message_printf (N_("Closed on %s, more than %" PRId64 " days after it "
                                     "was received on %s"), closed, days, received);
      else
        message = zicha_message_printf (N_("Still open %" PRId64 " days after it was received "
                                     "on %s (more than %" PRId64 ")"),
                                   (gint64) sqlite3_column_int64 (stmt, 6), received, days);
      zicha_json_add_string (json, "received_on", received);
      zicha_json_add_string (json, "closed_on", closed);
      zicha_json_add_string (json, "due", zicha_col_text (stmt, 3));
      zicha_json_add_int (json, "days", days);
      hit = zicha_rule_add_hit (ctx, complaint_id, message, zicha_json_end (json));
      zicha_found_hit_add_record (hit, "complaints", complaint_id);
      zicha_found_hit_add_record (hit, "certificates", zicha_col_text (stmt, 4));
      zicha_found_hit_add_record (hit, "organizations", zicha_col_text (stmt, 5));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* CODE_WITHOUT_COMPETENCE ---------------------------------------------------------------- */

#define MAX_CODE_RECORDS 100

typedef struct
{
  char      *scheme;
  char      *code;
  gint64     certificates;
  GPtrArray *cert_nos;   /* the first MAX_CODE_RECORDS */
  gboolean   covered;
} CodeUse;

static void
code_use_free (CodeUse *use)
{
  g_free (use->scheme);
  g_free (use->code);
  g_ptr_array_unref (use->cert_nos);
  g_free (use);
}

typedef struct
{
  GHashTable *competent;   /* "scheme\tcode" set */
  GString    *key;
  const char *scheme;
} CoverLookup;

static gboolean
covered_prefix (const char *code, gsize len, gpointer data)
{
  CoverLookup *l = data;

  g_string_assign (l->key, l->scheme);
  g_string_append_c (l->key, '\t');
  g_string_append_len (l->key, code, len);
  return g_hash_table_contains (l->competent, l->key->str);
}

gboolean
zicha_rule_code_without_competence (ZichaRuleContext *ctx, GError **error)
{
  g_autoptr(GHashTable) competent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) code_use_free);
  g_autoptr(GString) key = g_string_new (NULL);
  CoverLookup lookup = { competent, key, NULL };
  sqlite3_stmt *stmt;
  gboolean ok;
  guint i;

  /* competences (approved_on ≤ as of) of people employed on as of */
  stmt = zicha_rule_prepare (ctx,
    "SELECT DISTINCT k.scheme, k.code FROM competences AS k JOIN personnel AS p ON p.id = k.person"
    " WHERE k.approved_on <= :asof AND (p.joined_on IS NULL OR p.joined_on <= :asof)"
    "   AND (" EV ("p.left_on") " IS NULL OR " EV ("p.left_on") " >= :asof)", error);
  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    g_hash_table_add (competent, g_strconcat (zicha_col_text (stmt, 0), "\t",
                                              zicha_col_text (stmt, 1), NULL));
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  stmt = zicha_rule_prepare (ctx, "SELECT cert_no, scheme, scope_codes FROM certificates"
                                  " WHERE +status = 'valid' AND +issued_on <= :asof", error);
  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      g_auto(GStrv) codes = g_strsplit (zicha_col_text (stmt, 2), ";", -1);
      const char *scheme = zicha_col_text (stmt, 1);

      for (i = 0; codes[i] != NULL; i++)
        {
          CodeUse *use;

          if (codes[i][0] == '\0')
            continue;
          g_string_printf (key, "%s/%s", scheme, codes[i]);
          use = g_hash_table_lookup (uses, key->str);
          if (use == NULL)
            {
              use = g_new0 (CodeUse, 1);
              use->scheme = g_strdup (scheme);
              use->code = g_strdup (codes[i]);
              use->cert_nos = g_ptr_array_new_with_free_func (g_free);
              lookup.scheme = scheme;
              use->covered = zicha_scope_code_foreach_prefix (codes[i], covered_prefix, &lookup);
              g_ptr_array_add (order, use);
              g_hash_table_insert (uses, g_strdup_printf ("%s/%s", scheme, codes[i]), use);
            }
          use->certificates++;
          if (!use->covered && use->cert_nos->len < MAX_CODE_RECORDS)
            g_ptr_array_add (use->cert_nos, g_strdup (zicha_col_text (stmt, 0)));
        }
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  for (i = 0; i < order->len; i++)
    {
      CodeUse *use = g_ptr_array_index (order, i);
      g_autofree char *hit_key = NULL;
      ZichaJson *json;
      ZichaFoundHit *hit;
      guint j;

      if (use->covered)
        continue;
      hit_key = g_strconcat (use->scheme, "/", use->code, NULL);
      json = zicha_json_begin ();
      zicha_json_add_string (json, "scheme", use->scheme);
      zicha_json_add_string (json, "code", use->code);
      zicha_json_add_int (json, "certificates", use->certificates);
      hit = zicha_rule_add_hit (ctx, hit_key,
                                zicha_message_printf (N_("Scope code %s of %s is on %" PRId64
                                                   " valid certificates but no person employed by "
                                                   "the body is competent for it"),
                                                 use->code, use->scheme, use->certificates),
                                zicha_json_end (json));
      for (j = 0; j < use->cert_nos->len; j++)
        zicha_found_hit_add_record (hit, "certificates", g_ptr_array_index (use->cert_nos, j));
    }
  return TRUE;
}

/* TRACEABILITY_GAP ----------------------------------------------------------------------- */

gboolean
zicha_rule_traceability_gap (ZichaRuleContext *ctx, GError **error)
{
  /* Whether an audit has team rows comes from the team data (audits started on or before as
   * of, like these), not from a probe per audit. */
  ZichaTeamData *td = zicha_rule_team_data (ctx, error);
  sqlite3_stmt *stmt = td == NULL ? NULL : zicha_rule_prepare (ctx,
    "SELECT audit_id, type, 0, no_report, no_decision_on, no_decision_by, id FROM"
    " (SELECT a.audit_id, a.type, a.id,"
    "    " EV ("a.report_on") " IS NULL AS no_report,"
    "    a.type IN ('stage2', 'recertification') AND " EV ("a.decision_on") " IS NULL"
    "      AS no_decision_on,"
    "    a.type IN ('stage2', 'recertification') AND a.decision_by IS NULL AS no_decision_by"
    "  FROM audits AS a WHERE +a.start_on <= :asof AND a.end_on < :asof)", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      gint64 id = sqlite3_column_int64 (stmt, 6);
      gboolean no_team = id > 0 && (gsize) id < td->n_audits
                         && td->audit_start[id] == td->audit_start[id + 1];
      const char *audit_id;
      ZichaMessage *what;
      g_autofree char *what_arg = NULL;
      ZichaJson *json;
      const char *items[4] = { NULL };
      ZichaFoundHit *hit;
      guint i, n = 0;

      if (!no_team && !sqlite3_column_int (stmt, 3) && !sqlite3_column_int (stmt, 4)
          && !sqlite3_column_int (stmt, 5))
        continue;
      what = zicha_message_new ();
      json = zicha_json_begin ();
      audit_id = zicha_col_text (stmt, 0);
      if (no_team)
        items[n++] = zicha_message_label (N_("no audit team"));
      if (sqlite3_column_int (stmt, 3))
        items[n++] = zicha_message_label (N_("no report date"));
      if (sqlite3_column_int (stmt, 4))
        items[n++] = zicha_message_label (N_("no decision date"));
      if (sqlite3_column_int (stmt, 5))
        items[n++] = zicha_message_label (N_("no decision maker"));
      for (i = 0; i < n; i++)
        {
          if (i > 0)
            zicha_message_append (what, N_(", "));
          zicha_message_append (what, "%s", items[i]);
        }
      what_arg = zicha_message_end_as_arg (what);
      zicha_json_add_string (json, "type", zicha_col_text (stmt, 1));
      zicha_json_add_raw (json, "no_team", no_team ? "true" : "false");
      zicha_json_add_raw (json, "no_report", sqlite3_column_int (stmt, 3) ? "true" : "false");
      zicha_json_add_raw (json, "no_decision_on", sqlite3_column_int (stmt, 4) ? "true" : "false");
      zicha_json_add_raw (json, "no_decision_by", sqlite3_column_int (stmt, 5) ? "true" : "false");
      hit = zicha_rule_add_hit (ctx, audit_id,
                                zicha_message_printf (N_("The finished audit's records are incomplete: "
                                                   "%s"), what_arg),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "audits", audit_id);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* PART_TIME_HEAVY ------------------------------------------------------------------------ */

#define FIRST_YEAR 1900
#define N_YEARS    300

gboolean
zicha_rule_part_time_heavy (ZichaRuleContext *ctx, GError **error)
{
  /* All team rows whatever the role; a row's days count in the year of its first on-site day,
   * a row without days counts each of its on-site days (1 auditor-day each) in that day's
   * year. */
  ZichaTeamData *td = zicha_rule_team_data (ctx, error);
  sqlite3_stmt *stmt;
  gint64 max_pct = zicha_rule_param_int (ctx, "max_pct");
  g_autofree gint64 *total = g_new0 (gint64, N_YEARS);
  g_autofree gint64 *part = g_new0 (gint64, N_YEARS);
  g_autofree guint8 *employment = NULL;   /* 0 unknown person, 1 full time, 2 part time */
  gboolean ok;
  gint y;
  guint i;

  if (td == NULL)
    return FALSE;
  employment = g_new0 (guint8, td->n_persons);
  stmt = zicha_rule_prepare (ctx, "SELECT id, employment = 'part_time' FROM personnel", error);
  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0 && (gsize) id < td->n_persons)
        employment[id] = sqlite3_column_int (stmt, 1) ? 2 : 1;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  for (i = 0; i < td->n_rows; i++)
    {
      const ZichaTeamMember *m = &td->rows[i];
      gboolean is_part = employment[m->person] == 2;
      gint f = m->from, t = m->to;

      if (employment[m->person] == 0 || f == G_MININT)
        continue;
      if (m->days >= 0)
        {
          gint yy, mm, dd;

          zicha_day_to_ymd (f, &yy, &mm, &dd);
          y = yy - FIRST_YEAR;
          if (y < 0 || y >= N_YEARS)
            continue;
          total[y] += m->days;
          if (is_part)
            part[y] += m->days;
        }
      else
        {
          gint d = f;

          if (t == G_MININT)
            continue;
          while (d <= t)
            {
              gint yy, mm, dd, year_end, n;

              zicha_day_to_ymd (d, &yy, &mm, &dd);
              year_end = zicha_day_from_ymd (yy, 12, 31);
              n = MIN (t, year_end) - d + 1;
              y = yy - FIRST_YEAR;
              if (y >= 0 && y < N_YEARS)
                {
                  total[y] += 100 * (gint64) n;
                  if (is_part)
                    part[y] += 100 * (gint64) n;
                }
              d = year_end + 1;
            }
        }
    }

  for (y = 0; y < N_YEARS; y++)
    {
      g_autofree char *year = NULL, *part_s = NULL, *total_s = NULL;
      g_autofree char *pct_s = NULL;
      ZichaJson *json;
      gint64 tenths;

      /* part > max_pct % of total, exactly */
      if (total[y] == 0 || 100 * part[y] <= max_pct * total[y])
        continue;
      year = g_strdup_printf ("%04d", y + FIRST_YEAR);
      part_s = zicha_format_hundredths (part[y]);
      total_s = zicha_format_hundredths (total[y]);
      tenths = (1000 * part[y] + total[y] / 2) / total[y];
      pct_s = g_strdup_printf ("%" PRId64 ".%" PRId64, tenths / 10, tenths % 10);
      json = zicha_json_begin ();
      zicha_json_add_int (json, "part_time_hundredths", part[y]);
      zicha_json_add_int (json, "total_hundredths", total[y]);
      zicha_json_add_int (json, "max_pct", max_pct);
      zicha_rule_add_hit (ctx, year,
                          zicha_message_printf (N_("Part-time personnel did %s of %s team auditor-days in "
                                             "%s (%s %%, more than %" PRId64 " %%)"),
                                           part_s, total_s, year, pct_s, max_pct),
                          zicha_json_end (json));
    }
  return TRUE;
}
