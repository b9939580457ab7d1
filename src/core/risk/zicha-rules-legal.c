/* zicha-rules-legal.c — rules of the area "legality and compliance" (DOMAIN.md section 4)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "zicha-audit-time.h"
#include "zicha-rules-private.h"

/* SCOPE_NOT_APPROVED --------------------------------------------------------------------- */

typedef struct
{
  char granted[11];
  char withdrawn[11];   /* "" when none (or after as of) */
} Approval;

typedef struct
{
  GHashTable *approvals;   /* "scheme\tcode" → GArray of Approval */
  const char *scheme;
  const char *issued_on;
  GString    *key;
} ScopeLookup;

static gboolean
approved_prefix (const char *code, gsize len, gpointer data)
{
  ScopeLookup *lookup = data;
  GArray *list;
  guint i;

  g_string_assign (lookup->key, lookup->scheme);
  g_string_append_c (lookup->key, '\t');
  g_string_append_len (lookup->key, code, len);
  list = g_hash_table_lookup (lookup->approvals, lookup->key->str);
  for (i = 0; list != NULL && i < list->len; i++)
    {
      Approval *a = &g_array_index (list, Approval, i);

      /* in force on issued_on: granted_on ≤ issued_on, withdrawn_on empty or later */
      if (strcmp (a->granted, lookup->issued_on) <= 0
          && (a->withdrawn[0] == '\0' || strcmp (a->withdrawn, lookup->issued_on) > 0))
        return TRUE;
    }
  return FALSE;
}

gboolean
zicha_rule_scope_not_approved (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GHashTable) approvals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr(GString) key = g_string_new (NULL);
  ScopeLookup lookup = { approvals, NULL, NULL, key };
  gboolean ok;

  stmt = zicha_rule_prepare (ctx, "SELECT scheme, code, granted_on, " EV ("withdrawn_on")
                                  " FROM approved_scope", error);
  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      char *k = g_strconcat (zicha_col_text (stmt, 0), "\t", zicha_col_text (stmt, 1), NULL);
      GArray *list = g_hash_table_lookup (approvals, k);
      Approval a = { { 0 } };

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Approval));
          g_hash_table_insert (approvals, k, list);
        }
      else
        g_free (k);
      g_strlcpy (a.granted, zicha_col_text (stmt, 2), sizeof a.granted);
      g_strlcpy (a.withdrawn, zicha_col_text (stmt, 3), sizeof a.withdrawn);
      g_array_append_val (list, a);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  stmt = zicha_rule_prepare (ctx, "SELECT cert_no, scheme, scope_codes, issued_on FROM certificates"
                                  " WHERE +issued_on <= :asof", error);
  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      g_auto(GStrv) codes = g_strsplit (zicha_col_text (stmt, 2), ";", -1);
      g_autoptr(GString) missing = NULL;
      g_autoptr(GString) json_codes = NULL;
      guint i;

      lookup.scheme = zicha_col_text (stmt, 1);
      lookup.issued_on = zicha_col_text (stmt, 3);
      for (i = 0; codes[i] != NULL; i++)
        {
          if (codes[i][0] == '\0'
              || zicha_scope_code_foreach_prefix (codes[i], approved_prefix, &lookup))
            continue;
          if (missing == NULL)
            {
              missing = g_string_new (codes[i]);
              json_codes = g_string_new ("[");
            }
          else
            {
              g_string_append (missing, ", ");
              g_string_append_c (json_codes, ',');
              g_string_append (missing, codes[i]);
            }
          g_string_append_printf (json_codes, "\"%s\"", codes[i]);
        }
      if (missing != NULL)
        {
          const char *cert_no = zicha_col_text (stmt, 0);
          ZichaJson *json = zicha_json_begin ();
          ZichaFoundHit *hit;

          g_string_append_c (json_codes, ']');
          zicha_json_add_string (json, "scheme", lookup.scheme);
          zicha_json_add_string (json, "issued_on", lookup.issued_on);
          zicha_json_add_raw (json, "codes", json_codes->str);
          hit = zicha_rule_add_hit (ctx, cert_no,
                                    zicha_message_printf (N_("Scope code %s of scheme %s is not covered by "
                                                       "an approved scope in force on the issue "
                                                       "date %s"),
                                                     missing->str, lookup.scheme, lookup.issued_on),
                                    zicha_json_end (json));
          zicha_found_hit_add_record (hit, "certificates", cert_no);
        }
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* AUDIT_TIME_SHORT ----------------------------------------------------------------------- */

gboolean
zicha_rule_audit_time_short (ZichaRuleContext *ctx, GError **error)
{
  /* IAF MD 5:2019 (DOMAIN.md section 3). With T the table value in hundredths, r the largest
   * reduction in percent and p/q the fraction of the kind of audit (1 for stage 1 + stage 2):
   * days < (100 − r)/100 · p/q · T  ⇔  100 · q · days < (100 − r) · p · T, exact integers.
   * A stage 2 audit's days are at least its own on-site days (never negative): the stage 1
   * audits are summed (two more index probes) only when its own days are below the minimum. */
  static const char sql[] =
    "SELECT audit_id, type, scheme, onsite_days, days, personnel, from_employees, complexity, t,"
    "       num, den, stage1_ids, org_id "
    "FROM (SELECT a.audit_id, a.type, a.scheme, a.onsite_days, a.complexity,"
    "        coalesce (a.effective_personnel, o.employees) AS personnel,"
    "        a.effective_personnel IS NULL AS from_employees, o.org_id,"
    "        zicha_md5_table (a.scheme, coalesce (a.effective_personnel, o.employees),"
    "                         a.complexity) AS t,"
    "        CASE a.type WHEN 'stage2' THEN a.onsite_days + coalesce ("
    "          CASE WHEN a.cert IS NOT NULL"
    "          THEN (SELECT sum (s.onsite_days) FROM audits AS s WHERE s.cert = a.cert"
    "                AND s.type = 'stage1' AND s.start_on <= :asof)"
    "          ELSE (SELECT sum (s.onsite_days) FROM audits AS s WHERE s.org = a.org"
    "                AND s.cert IS NULL AND s.scheme = a.scheme AND s.type = 'stage1'"
    "                AND s.start_on < a.start_on) END, 0)"
    "        ELSE a.onsite_days END AS days,"
    "        CASE a.type WHEN 'stage2' THEN 1 WHEN 'surveillance' THEN :surveillance_fraction_num"
    "          ELSE :recertification_fraction_num END AS num,"
    "        CASE a.type WHEN 'stage2' THEN 1 WHEN 'surveillance' THEN :surveillance_fraction_den"
    "          ELSE :recertification_fraction_den END AS den,"
    "        CASE a.type WHEN 'stage2' THEN"
    "          CASE WHEN a.cert IS NOT NULL"
    "          THEN (SELECT group_concat (s.audit_id, ';') FROM audits AS s WHERE s.cert = a.cert"
    "                AND s.type = 'stage1' AND s.start_on <= :asof)"
    "          ELSE (SELECT group_concat (s.audit_id, ';') FROM audits AS s WHERE s.org = a.org"
    "                AND s.cert IS NULL AND s.scheme = a.scheme AND s.type = 'stage1'"
    "                AND s.start_on < a.start_on) END END AS stage1_ids"
    "      FROM audits AS a JOIN organizations AS o ON o.id = a.org"
    "      WHERE +a.start_on <= :asof AND a.scheme IN ('QMS', 'EMS', 'OHSMS')"
    "        AND a.type IN ('stage2', 'surveillance', 'recertification'))"
    "WHERE t IS NOT NULL AND 100 * den * onsite_days < (100 - :max_reduction_pct) * num * t"
    "  AND 100 * den * days < (100 - :max_reduction_pct) * num * t";
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx, sql, error);
  gint64 r = zicha_rule_param_int (ctx, "max_reduction_pct");
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *audit_id = zicha_col_text (stmt, 0);
      const char *type = zicha_col_text (stmt, 1);
      gint64 onsite = sqlite3_column_int64 (stmt, 3);
      gint64 days = sqlite3_column_int64 (stmt, 4);
      gint64 personnel = sqlite3_column_int64 (stmt, 5);
      gboolean from_employees = sqlite3_column_int (stmt, 6);
      gint64 t = sqlite3_column_int64 (stmt, 8);
      gint64 num = sqlite3_column_int64 (stmt, 9);
      gint64 den = sqlite3_column_int64 (stmt, 10);
      /* the minimum, rounded up to hundredths */
      gint64 min = ((100 - r) * num * t + 100 * den - 1) / (100 * den);
      g_autofree char *days_s = zicha_format_hundredths (days);
      g_autofree char *min_s = zicha_format_hundredths (min);
      g_autofree char *t_s = zicha_format_hundredths (t);
      g_autofree char *personnel_s = g_strdup_printf ("%" PRId64, personnel);
      g_autofree char *r_s = g_strdup_printf ("%" PRId64, r);
      const char *basis = from_employees ? zicha_message_label (N_("declared employees"))
                                         : zicha_message_label (N_("effective personnel"));
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;
      char *message;

      if (strcmp (type, "stage2") == 0)
        {
          g_autofree char *s1 = zicha_format_hundredths (days - onsite);
          g_autofree char *s2 = zicha_format_hundredths (onsite);

          /* TRANSLATORS: audit time 6 auditor-days (stage 1 2, stage 2 4) is below ... */
          message = zicha_message_printf (N_("Audit time %s auditor-days (stage 1 %s, stage 2 %s) is "
                                       "below the IAF MD 5 minimum of %s (%s %s, table value %s, "
                                       "at most %s %% reduction)"),
                                     days_s, s1, s2, min_s, basis, personnel_s, t_s, r_s);
        }
      else
        message = zicha_message_printf (N_("Audit time %s auditor-days is below the IAF MD 5 minimum "
                                     "of %s (%s %s, table value %s, at most %s %% reduction)"),
                                   days_s, min_s, basis, personnel_s, t_s, r_s);

      zicha_json_add_string (json, "type", type);
      zicha_json_add_string (json, "scheme", zicha_col_text (stmt, 2));
      zicha_json_add_int (json, "days_hundredths", days);
      zicha_json_add_int (json, "onsite_days_hundredths", onsite);
      zicha_json_add_int (json, "minimum_hundredths", min);
      zicha_json_add_int (json, "table_value_hundredths", t);
      zicha_json_add_int (json, "personnel", personnel);
      zicha_json_add_string (json, "personnel_from",
                             from_employees ? "employees" : "effective_personnel");
      zicha_json_add_string (json, "complexity", sqlite3_column_text (stmt, 7) != NULL
                             ? zicha_col_text (stmt, 7) : "medium");
      zicha_json_add_int (json, "max_reduction_pct", r);
      zicha_json_add_string (json, "stage1_audits", (const char *) sqlite3_column_text (stmt, 11));
      hit = zicha_rule_add_hit (ctx, audit_id, message, zicha_json_end (json));
      zicha_found_hit_add_record (hit, "audits", audit_id);
      zicha_found_hit_add_records (hit, "audits", (const char *) sqlite3_column_text (stmt, 11));
      zicha_found_hit_add_record (hit, "organizations", zicha_col_text (stmt, 12));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* PERSONNEL_UNDERSTATED ------------------------------------------------------------------ */

gboolean
zicha_rule_personnel_understated (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT a.audit_id, a.effective_personnel, o.employees, o.org_id"
    " FROM audits AS a JOIN organizations AS o ON o.id = a.org"
    " WHERE +a.start_on <= :asof AND a.effective_personnel IS NOT NULL AND o.employees IS NOT NULL"
    "   AND 100 * a.effective_personnel < :min_pct * o.employees", error);
  gint64 pct = zicha_rule_param_int (ctx, "min_pct");
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *audit_id = zicha_col_text (stmt, 0);
      gint64 ep = sqlite3_column_int64 (stmt, 1), emp = sqlite3_column_int64 (stmt, 2);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_int (json, "effective_personnel", ep);
      zicha_json_add_int (json, "employees", emp);
      zicha_json_add_int (json, "min_pct", pct);
      hit = zicha_rule_add_hit (ctx, audit_id,
                                zicha_message_printf (N_("Effective personnel %" PRId64 " is "
                                                   "below %" PRId64 " %% of the %"
                                                   PRId64 " employees the organization "
                                                   "declared"), ep, pct, emp),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "audits", audit_id);
      zicha_found_hit_add_record (hit, "organizations", zicha_col_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* DECISION_BY_TEAM_MEMBER ---------------------------------------------------------------- */

gboolean
zicha_rule_decision_by_team_member (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT a.audit_id, p.person_id, p.name, t.role"
    " FROM audits AS a JOIN audit_team AS t ON t.audit = a.id AND t.person = a.decision_by"
    " JOIN personnel AS p ON p.id = a.decision_by"
    " WHERE a.decision_by IS NOT NULL AND +a.start_on <= :asof", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *audit_id = zicha_col_text (stmt, 0);
      const char *person_id = zicha_col_text (stmt, 1);
      ZichaJson *json = zicha_json_begin ();
      g_autofree char *team_key = g_strconcat (audit_id, "/", person_id, NULL);
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "decision_by", person_id);
      zicha_json_add_string (json, "role", zicha_col_text (stmt, 3));
      hit = zicha_rule_add_hit (ctx, audit_id,
                                zicha_message_printf (N_("The decision maker %s (%s) is a member of the "
                                                   "audit team (%s)"),
                                                 zicha_col_text (stmt, 2), person_id,
                                                 zicha_rule_role_label (zicha_col_text (stmt, 3))),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "audits", audit_id);
      zicha_found_hit_add_record (hit, "personnel", person_id);
      zicha_found_hit_add_record (hit, "audit_team", team_key);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* DECISION_BEFORE_REPORT ----------------------------------------------------------------- */

gboolean
zicha_rule_decision_before_report (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT audit_id, end_on, d, r FROM"
    " (SELECT audit_id, end_on, " EV ("decision_on") " AS d, " EV ("report_on") " AS r"
    "  FROM audits WHERE +start_on <= :asof AND decision_on IS NOT NULL)"
    " WHERE d < end_on OR d < r", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *audit_id = zicha_col_text (stmt, 0);
      const char *end_on = zicha_col_text (stmt, 1);
      const char *d = zicha_col_text (stmt, 2);
      const char *r = (const char *) sqlite3_column_text (stmt, 3);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;
      char *message;

      if (strcmp (d, end_on) < 0)
        message = zicha_message_printf (N_("Decision on %s is earlier than the end of the audit on %s"),
                                   d, end_on);
      else
        message = zicha_message_printf (N_("Decision on %s is earlier than the audit report on %s"),
                                   d, r);
      zicha_json_add_string (json, "decision_on", d);
      zicha_json_add_string (json, "end_on", end_on);
      zicha_json_add_string (json, "report_on", r);
      hit = zicha_rule_add_hit (ctx, audit_id, message, zicha_json_end (json));
      zicha_found_hit_add_record (hit, "audits", audit_id);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* REPORT_BEFORE_AUDIT_END ---------------------------------------------------------------- */

gboolean
zicha_rule_report_before_audit_end (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT audit_id, end_on, report_on FROM audits"
    " WHERE +start_on <= :asof AND report_on <= :asof AND report_on < end_on", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *audit_id = zicha_col_text (stmt, 0);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "report_on", zicha_col_text (stmt, 2));
      zicha_json_add_string (json, "end_on", zicha_col_text (stmt, 1));
      hit = zicha_rule_add_hit (ctx, audit_id,
                                zicha_message_printf (N_("Audit report on %s is earlier than the end of "
                                                   "the audit on %s"),
                                                 zicha_col_text (stmt, 2), zicha_col_text (stmt, 1)),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "audits", audit_id);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* RECORDS_LATE --------------------------------------------------------------------------- */

gboolean
zicha_rule_records_late (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT audit_id, end_on, recorded_at, date (end_on, printf ('+%d days', :days)) FROM audits"
    " WHERE +start_on <= :asof AND recorded_at < :asof_next"
    "   AND substr (recorded_at, 1, 10) > date (end_on, printf ('+%d days', :days))", error);
  gint64 days = zicha_rule_param_int (ctx, "days");
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *audit_id = zicha_col_text (stmt, 0);
      g_autofree char *rec_day = g_strndup (zicha_col_text (stmt, 2), 10);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "recorded_at", zicha_col_text (stmt, 2));
      zicha_json_add_string (json, "end_on", zicha_col_text (stmt, 1));
      zicha_json_add_string (json, "latest", zicha_col_text (stmt, 3));
      zicha_json_add_int (json, "days", days);
      hit = zicha_rule_add_hit (ctx, audit_id,
                                zicha_message_printf (N_("Records entered on %s, more than %" PRId64
                                                   " days after the audit ended on %s"),
                                                 rec_day, days, zicha_col_text (stmt, 1)),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "audits", audit_id);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* CERT_WITHOUT_INITIAL_AUDIT ------------------------------------------------------------- */

gboolean
zicha_rule_cert_without_initial_audit (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT c.cert_no, c.issued_on FROM certificates AS c"
    " WHERE +c.issued_on <= :asof AND NOT EXISTS (SELECT 1 FROM audits AS a"
    "   WHERE a.cert = c.id AND a.type IN ('stage2', 'transfer') AND a.start_on <= :asof)", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *cert_no = zicha_col_text (stmt, 0);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "issued_on", zicha_col_text (stmt, 1));
      hit = zicha_rule_add_hit (ctx, cert_no,
                                zicha_message_printf (N_("No stage 2 audit and no transfer audit belongs "
                                                   "to the certificate issued on %s"),
                                                 zicha_col_text (stmt, 1)),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", cert_no);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* STAGE1_MISSING ------------------------------------------------------------------------- */

gboolean
zicha_rule_stage1_missing (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT c.cert_no, group_concat (a.audit_id, ';') FROM certificates AS c"
    " CROSS JOIN audits AS a ON a.cert = c.id AND a.type = 'stage2' AND a.start_on <= :asof"
    " WHERE +c.issued_on <= :asof AND NOT EXISTS (SELECT 1 FROM audits AS s"
    "   WHERE s.cert = c.id AND s.type = 'stage1' AND s.start_on <= :asof)"
    " GROUP BY c.id", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *cert_no = zicha_col_text (stmt, 0);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "stage2_audits", zicha_col_text (stmt, 1));
      hit = zicha_rule_add_hit (ctx, cert_no,
                                zicha_message_printf (N_("Stage 2 audit %s belongs to the certificate but "
                                                   "no stage 1 audit does"),
                                                 zicha_col_text (stmt, 1)),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", cert_no);
      zicha_found_hit_add_records (hit, "audits", zicha_col_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* CERT_ISSUED_BEFORE_DECISION ------------------------------------------------------------ */

gboolean
zicha_rule_cert_issued_before_decision (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT cert_no, issued_on, audit_id, end_on, d FROM"
    " (SELECT c.id, c.cert_no, c.issued_on, a.audit_id, a.end_on, a.start_on,"
    "         " EV ("a.decision_on") " AS d"
    "  FROM certificates AS c"
    "  CROSS JOIN audits AS a ON a.cert = c.id AND a.type = 'stage2' AND a.start_on <= :asof"
    "  WHERE +c.issued_on <= :asof)"
    " WHERE issued_on < end_on OR issued_on < d ORDER BY id, start_on", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *cert_no = zicha_col_text (stmt, 0);
      const char *issued = zicha_col_text (stmt, 1);
      const char *audit_id = zicha_col_text (stmt, 2);
      const char *end_on = zicha_col_text (stmt, 3);
      const char *d = (const char *) sqlite3_column_text (stmt, 4);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;
      char *message;

      if (strcmp (issued, end_on) < 0)
        message = zicha_message_printf (N_("Issued on %s, earlier than the end of stage 2 audit %s on "
                                     "%s"), issued, audit_id, end_on);
      else
        message = zicha_message_printf (N_("Issued on %s, earlier than the certification decision on "
                                     "stage 2 audit %s on %s"), issued, audit_id, d);
      zicha_json_add_string (json, "issued_on", issued);
      zicha_json_add_string (json, "audit_id", audit_id);
      zicha_json_add_string (json, "end_on", end_on);
      zicha_json_add_string (json, "decision_on", d);
      hit = zicha_rule_add_hit (ctx, cert_no, message, zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", cert_no);
      zicha_found_hit_add_record (hit, "audits", audit_id);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* SURVEILLANCE_OVERDUE ------------------------------------------------------------------- */

typedef struct
{
  gint64   cert;
  char    *cert_no;
  char     anchor[11];
  char     prev[11];
  gint64   prev_audit;   /* audits.id, 0 when none */
  gboolean hit;
} Overdue;

/* The audit_id of audits.id @id (NULL when none); the hits only need a few. */
static char *
overdue_audit_id (sqlite3_stmt *audit_id, gint64 id)
{
  char *text = NULL;

  if (id <= 0)
    return NULL;
  sqlite3_bind_int64 (audit_id, 1, id);
  if (sqlite3_step (audit_id) == SQLITE_ROW)
    text = g_strdup (zicha_col_text (audit_id, 0));
  sqlite3_reset (audit_id);
  return text;
}

static void
overdue_finish (ZichaRuleContext *ctx, Overdue *o, gint64 months, sqlite3_stmt *audit_id)
{
  char due[11];

  if (o->cert_no == NULL || o->hit)
    return;
  /* as of later than N months after the last surveillance (or the anchor) */
  {
    g_autofree char *d = zicha_date_add_months (o->prev, (gint) months);

    if (d == NULL)
      return;
    g_strlcpy (due, d, sizeof due);
  }
  if (strcmp (ctx->as_of, due) > 0)
    {
      g_autofree char *prev_audit = overdue_audit_id (audit_id, o->prev_audit);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "anchor", o->anchor);
      zicha_json_add_string (json, "last", o->prev);
      zicha_json_add_string (json, "last_audit", prev_audit);
      zicha_json_add_string (json, "due", due);
      zicha_json_add_int (json, "months", months);
      hit = zicha_rule_add_hit (ctx, o->cert_no,
                                zicha_message_printf (N_("No surveillance audit for more than %"
                                                   PRId64 " months since %s (due by "
                                                   "%s)"), months, o->prev, due),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", o->cert_no);
      zicha_found_hit_add_record (hit, "audits", prev_audit);
    }
}

/* The surveillance audit @audit of the certificate started on @start_on (after its anchor). */
static void
overdue_audit (ZichaRuleContext *ctx, Overdue *o, gint64 months, gint64 audit,
               const char *start_on, sqlite3_stmt *audit_id)
{
  g_autofree char *limit = NULL;

  if (o->hit)
    return;
  limit = zicha_date_add_months (o->prev, (gint) months);
  if (limit != NULL && strcmp (start_on, limit) > 0)
    {
      g_autofree char *this_id = overdue_audit_id (audit_id, audit);
      g_autofree char *prev_id = overdue_audit_id (audit_id, o->prev_audit);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "anchor", o->anchor);
      zicha_json_add_string (json, "previous", o->prev);
      zicha_json_add_string (json, "previous_audit", prev_id);
      zicha_json_add_string (json, "audit_id", this_id != NULL ? this_id : "");
      zicha_json_add_string (json, "start_on", start_on);
      zicha_json_add_string (json, "due", limit);
      zicha_json_add_int (json, "months", months);
      hit = zicha_rule_add_hit (ctx, o->cert_no,
                                zicha_message_printf (N_("Surveillance audit %s started on %s, "
                                                   "more than %" PRId64 " months "
                                                   "after %s (due by %s)"),
                                                 this_id != NULL ? this_id : "", start_on,
                                                 months, o->prev, limit),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", o->cert_no);
      zicha_found_hit_add_record (hit, "audits", this_id);
      zicha_found_hit_add_record (hit, "audits", prev_id);
      o->hit = TRUE;
      return;
    }
  g_strlcpy (o->prev, start_on, sizeof o->prev);
  o->prev_audit = audit;
}

gboolean
zicha_rule_surveillance_overdue (ZichaRuleContext *ctx, GError **error)
{
  /* A = the latest of issued_on, its renew events and the end_on of its recertification audits
   * (all ≤ as of); surveillance audits started after A, in order. Three ordered scans merged by
   * certificate (no index probe per certificate, no sort): the valid certificates by id; their
   * latest renew events by certificate; their recertification and surveillance audits in the
   * order of the index audits_cert (certificate, type, start), where a certificate's
   * recertification audits come before its surveillance audits. */
  sqlite3_stmt *certs = NULL, *renews = NULL, *audits = NULL, *audit_id = NULL;
  gint64 months = zicha_rule_param_int (ctx, "months");
  gboolean ok = FALSE, have_renew = FALSE, have_audit = FALSE, row;
  Overdue o = { 0 };

  certs = zicha_rule_prepare (ctx, "SELECT id, cert_no, issued_on FROM certificates"
                                   " WHERE +status = 'valid' AND +issued_on <= :asof ORDER BY id",
                              error);
  if (certs == NULL)
    goto out;
  renews = zicha_rule_prepare (ctx, "SELECT cert, max (on_date) FROM certificate_events"
                                    " WHERE event = 'renew' AND on_date <= :asof"
                                    " GROUP BY cert ORDER BY cert", error);
  if (renews == NULL)
    goto out;
  /* end_on (from the table) only for the recertification audits */
  audits = zicha_rule_prepare (ctx, "SELECT cert, type = 'surveillance', start_on, id,"
                                    " CASE WHEN type = 'recertification' THEN end_on END"
                                    " FROM audits WHERE cert IS NOT NULL"
                                    " AND type IN ('recertification', 'surveillance')"
                                    " AND start_on <= :asof ORDER BY cert, type, start_on", error);
  if (audits == NULL)
    goto out;
  audit_id = zicha_rule_prepare (ctx, "SELECT audit_id FROM audits WHERE id = ?", error);
  if (audit_id == NULL)
    goto out;

  if (!zicha_rule_step (ctx, renews, &have_renew, error)
      || !zicha_rule_step (ctx, audits, &have_audit, error))
    goto out;
  for (;;)
    {
      gint64 cert;
      char recert[11] = "";

      if (!zicha_rule_step (ctx, certs, &row, error))
        goto out;
      if (!row)
        break;
      cert = sqlite3_column_int64 (certs, 0);

      /* the latest renew event */
      while (have_renew && sqlite3_column_int64 (renews, 0) < cert)
        if (!zicha_rule_step (ctx, renews, &have_renew, error))
          goto out;
      g_free (o.cert_no);
      o.cert = cert;
      o.cert_no = g_strdup (zicha_col_text (certs, 1));
      g_strlcpy (o.anchor, zicha_col_text (certs, 2), sizeof o.anchor);
      if (have_renew && sqlite3_column_int64 (renews, 0) == cert
          && strcmp (zicha_col_text (renews, 1), o.anchor) > 0)
        g_strlcpy (o.anchor, zicha_col_text (renews, 1), sizeof o.anchor);

      /* its audits: first the recertification audits (the latest end ≤ as of), then the
       * surveillance audits in the order they started */
      while (have_audit && sqlite3_column_int64 (audits, 0) < cert)
        if (!zicha_rule_step (ctx, audits, &have_audit, error))
          goto out;
      while (have_audit && sqlite3_column_int64 (audits, 0) == cert
             && sqlite3_column_int (audits, 1) == 0)
        {
          const char *end_on = (const char *) sqlite3_column_text (audits, 4);

          if (end_on != NULL && strcmp (end_on, ctx->as_of) <= 0 && strcmp (end_on, recert) > 0)
            g_strlcpy (recert, end_on, sizeof recert);
          if (!zicha_rule_step (ctx, audits, &have_audit, error))
            goto out;
        }
      if (strcmp (recert, o.anchor) > 0)
        g_strlcpy (o.anchor, recert, sizeof o.anchor);
      g_strlcpy (o.prev, o.anchor, sizeof o.prev);
      o.prev_audit = 0;
      o.hit = FALSE;
      while (have_audit && sqlite3_column_int64 (audits, 0) == cert)
        {
          const char *start_on = zicha_col_text (audits, 2);

          if (strcmp (start_on, o.anchor) > 0)
            overdue_audit (ctx, &o, months, sqlite3_column_int64 (audits, 3), start_on,
                           audit_id);
          if (!zicha_rule_step (ctx, audits, &have_audit, error))
            goto out;
        }
      overdue_finish (ctx, &o, months, audit_id);
    }
  ok = TRUE;

out:
  g_free (o.cert_no);
  g_clear_pointer (&certs, sqlite3_finalize);
  g_clear_pointer (&renews, sqlite3_finalize);
  g_clear_pointer (&audits, sqlite3_finalize);
  g_clear_pointer (&audit_id, sqlite3_finalize);
  return ok;
}

/* SUSPENSION_TOO_LONG -------------------------------------------------------------------- */

gboolean
zicha_rule_suspension_too_long (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT cert_no, since, zicha_add_months (since, :months) FROM"
    " (SELECT c.cert_no, coalesce ((SELECT max (e.on_date) FROM certificate_events AS e"
    "    WHERE e.cert = c.id AND e.event = 'suspend' AND e.on_date <= :asof),"
    "    " EV ("c.status_on") ") AS since"
    "  FROM certificates AS c WHERE c.status = 'suspended' AND c.issued_on <= :asof)"
    " WHERE since IS NOT NULL AND :asof > zicha_add_months (since, :months)", error);
  gint64 months = zicha_rule_param_int (ctx, "months");
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *cert_no = zicha_col_text (stmt, 0);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "suspended_on", zicha_col_text (stmt, 1));
      zicha_json_add_string (json, "limit", zicha_col_text (stmt, 2));
      zicha_json_add_int (json, "months", months);
      hit = zicha_rule_add_hit (ctx, cert_no,
                                zicha_message_printf (N_("Suspended since %s, more than %" PRId64
                                                   " months (until %s)"),
                                                 zicha_col_text (stmt, 1), months,
                                                 zicha_col_text (stmt, 2)),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", cert_no);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* EXPIRED_STILL_VALID -------------------------------------------------------------------- */

gboolean
zicha_rule_expired_still_valid (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT cert_no, expires_on FROM certificates"
    " WHERE +status = 'valid' AND +issued_on <= :asof AND expires_on < :asof", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *cert_no = zicha_col_text (stmt, 0);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "expires_on", zicha_col_text (stmt, 1));
      hit = zicha_rule_add_hit (ctx, cert_no,
                                zicha_message_printf (N_("Status is valid although the certificate "
                                                   "expired on %s"), zicha_col_text (stmt, 1)),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", cert_no);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* REPORTED_LATE -------------------------------------------------------------------------- */

gboolean
zicha_rule_reported_late (ZichaRuleContext *ctx, GError **error)
{
  /* The day-th of the month after issued_on, clamped to that month's end. */
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT cert_no, issued_on, r, due FROM"
    " (SELECT cert_no, issued_on, " EV ("reported_on") " AS r,"
    "    min (date (issued_on, 'start of month', '+1 month', printf ('+%d days', :day - 1)),"
    "         date (issued_on, 'start of month', '+2 months', '-1 day')) AS due"
    "  FROM certificates WHERE +issued_on <= :asof)"
    " WHERE r > due OR (r IS NULL AND :asof > due)", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *cert_no = zicha_col_text (stmt, 0);
      const char *issued = zicha_col_text (stmt, 1);
      const char *r = (const char *) sqlite3_column_text (stmt, 2);
      const char *due = zicha_col_text (stmt, 3);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;
      char *message;

      if (r != NULL)
        message = zicha_message_printf (N_("Reported on %s, later than %s (issued on %s)"),
                                   r, due, issued);
      else
        message = zicha_message_printf (N_("Not reported although due by %s (issued on %s)"),
                                   due, issued);
      zicha_json_add_string (json, "issued_on", issued);
      zicha_json_add_string (json, "reported_on", r);
      zicha_json_add_string (json, "due", due);
      hit = zicha_rule_add_hit (ctx, cert_no, message, zicha_json_end (json));
      zicha_found_hit_add_record (hit, "certificates", cert_no);
    }
  sqlite3_finalize (stmt);
  return ok;
}
