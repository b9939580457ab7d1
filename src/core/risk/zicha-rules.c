/* zicha-rules.c — the risk-rule engine: descriptors, parameters, runs, hit storage, risk score
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogue is DOMAIN.md section 4; the risk score is DOMAIN.md section 5. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <stdlib.h>
#include <inttypes.h>
#include <string.h>

#include "zicha-audit-time.h"
#include "zicha-error.h"
#include "zicha-process.h"
#include "zicha-rules-private.h"

/* The catalogue -------------------------------------------------------------------------- */

/* The last number of an entry, its cost, is about its time in tens of milliseconds on the demo
 * body of 1,000,000 certificates (AUDITOR_DOUBLE_BOOKED's includes loading the team data the team
 * rules share): the order of a run on a body whose rules never ran (see schedule). */
#define P_INT(n, d, l, lo, hi)   { n, ZICHA_RULE_PARAM_INTEGER, d, l, lo, hi, 0 }
#define P_DEC(n, d, l, lo, hi, s) { n, ZICHA_RULE_PARAM_DECIMAL, d, l, lo, hi, s }
#define P_FRAC(n, d, l)          { n, ZICHA_RULE_PARAM_FRACTION, d, l, 1, 100, 0 }

static const ZichaRule rules[] = {
  /* legal */
  { "SCOPE_NOT_APPROVED", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "certificate",
    N_("Certificate outside the approved scope"),
    N_("One of its scope codes is covered by no approved scope of the same scheme in force on "
       "the day of issue."),
    N_("notice, area 1; 认证机构管理办法"), { { NULL } },
    zicha_rule_scope_not_approved, 33 },
  { "AUDIT_TIME_SHORT", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "audit",
    N_("Audit time below the IAF MD 5 minimum"),
    N_("QMS, EMS and OHSMS: the on-site audit time is below the table value of IAF MD 5 less "
       "the largest reduction (initial audit: stage 1 and stage 2 together; surveillance 1/3, "
       "recertification 2/3 of it)."),
    N_("IAF MD 5:2019"),
    { P_INT ("max_reduction_pct", "30", N_("Largest reduction from the table value (%)"), 0, 100),
      P_FRAC ("surveillance_fraction", "1/3", N_("Surveillance audit time as a fraction of the initial audit time")),
      P_FRAC ("recertification_fraction", "2/3", N_("Recertification audit time as a fraction of the initial audit time")),
      { NULL } },
    zicha_rule_audit_time_short, 216 },
  { "PERSONNEL_UNDERSTATED", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_MEDIUM, "audit",
    N_("Effective personnel understated"),
    N_("The effective number of personnel is below a share of the employees the organization "
       "declared."),
    N_("IAF MD 5 (effective personnel); notice: lowered requirements"),
    { P_INT ("min_pct", "50", N_("Smallest share of declared employees (%)"), 0, 100), { NULL } },
    zicha_rule_personnel_understated, 40 },
  { "DECISION_BY_TEAM_MEMBER", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "audit",
    N_("Certification decided by a member of the audit team"),
    N_("The decision maker is a member of the audit's own team."),
    N_("ISO/IEC 17021-1 (GB/T 27021.1) 9.5.1.2"), { { NULL } },
    zicha_rule_decision_by_team_member, 80 },
  { "DECISION_BEFORE_REPORT", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "audit",
    N_("Decision before the audit ended or before the report"),
    N_("The certification decision is dated earlier than the end of the audit or than the "
       "audit report."),
    N_("ISO/IEC 17021-1 9.5.1"), { { NULL } },
    zicha_rule_decision_before_report, 41 },
  { "REPORT_BEFORE_AUDIT_END", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "audit",
    N_("Audit report before the audit ended"),
    N_("The audit report is dated earlier than the last on-site day."),
    N_("notice: false conclusions"), { { NULL } },
    zicha_rule_report_before_audit_end, 32 },
  { "RECORDS_LATE", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_MEDIUM, "audit",
    N_("Audit records entered late"),
    N_("The audit records were entered in the business system more than a number of days after "
       "the audit ended (records back-filled)."),
    N_("notice: forged records"),
    { P_INT ("days", "30", N_("Days allowed after the end of the audit"), 0, 3650), { NULL } },
    zicha_rule_records_late, 72 },
  { "CERT_WITHOUT_INITIAL_AUDIT", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "certificate",
    N_("Certificate without an initial audit"),
    N_("No stage 2 audit and no transfer audit belongs to the certificate."),
    N_("notice: buying and selling certificates"), { { NULL } },
    zicha_rule_cert_without_initial_audit, 50 },
  { "STAGE1_MISSING", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "certificate",
    N_("Stage 1 audit missing"),
    N_("A stage 2 audit belongs to the certificate but no stage 1 audit does."),
    N_("notice: skipped procedures; ISO/IEC 17021-1 9.3"), { { NULL } },
    zicha_rule_stage1_missing, 42 },
  { "CERT_ISSUED_BEFORE_DECISION", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "certificate",
    N_("Certificate issued before the audit ended or before the decision"),
    N_("The certificate was issued earlier than the end or the decision of a stage 2 audit of "
       "it."),
    N_("ISO/IEC 17021-1 9.5, 9.6"), { { NULL } },
    zicha_rule_cert_issued_before_decision, 77 },
  { "SURVEILLANCE_OVERDUE", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "certificate",
    N_("Surveillance audit overdue"),
    N_("A valid certificate went more than a number of months without a surveillance audit "
       "after its issue, renewal, recertification or previous surveillance."),
    N_("CNCA 质量管理体系认证规则 5.4.1.4: first surveillance within 12 months of issue, intervals "
       "≤ 12 months, suspend when overdue"),
    { P_INT ("months", "12", N_("Months allowed between surveillance audits"), 1, 120), { NULL } },
    zicha_rule_surveillance_overdue, 114 },
  { "SUSPENSION_TOO_LONG", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_MEDIUM, "certificate",
    N_("Suspension too long"),
    N_("The certificate has been suspended for more than a number of months."),
    N_("CNCA certification rules: suspension ≤ 6 months, then withdraw"),
    { P_INT ("months", "6", N_("Longest suspension in months"), 1, 120), { NULL } },
    zicha_rule_suspension_too_long, 4 },
  { "EXPIRED_STILL_VALID", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_HIGH, "certificate",
    N_("Expired certificate still valid"),
    N_("The certificate's status is valid although it expired."),
    N_("CNCA rules 5.8.2"), { { NULL } },
    zicha_rule_expired_still_valid, 10 },
  { "REPORTED_LATE", ZICHA_RULE_AREA_LEGAL, ZICHA_RULE_SEVERITY_LOW, "certificate",
    N_("Certificate reported late"),
    N_("The certificate was reported to the national platform after a day of the month after "
       "its issue, or not yet although that day has passed."),
    N_("认证机构管理体系认证、服务认证信息报告规范 (2021): report by the 10th of the next month"),
    { P_INT ("day", "10", N_("Day of the next month by which to report"), 1, 31), { NULL } },
    zicha_rule_reported_late, 46 },

  /* conduct */
  { "AUDITOR_DOUBLE_BOOKED", ZICHA_RULE_AREA_CONDUCT, ZICHA_RULE_SEVERITY_HIGH, "team",
    N_("Auditor on site at two organizations on the same day"),
    N_("The person's on-site days at this audit share a day with their on-site days at an audit "
       "of another organization."),
    N_("notice: not going on site"), { { NULL } },
    zicha_rule_auditor_double_booked, 330 },
  { "AUDITOR_NOT_QUALIFIED", ZICHA_RULE_AREA_CONDUCT, ZICHA_RULE_SEVERITY_HIGH, "team",
    N_("Auditor without a valid qualification"),
    N_("A leader or auditor without an auditor or lead auditor qualification for the scheme "
       "valid on the first day of the audit, or a team member not employed on that day."),
    N_("ISO/IEC 17021-1 7.2; CCAA registration"), { { NULL } },
    zicha_rule_auditor_not_qualified, 19 },
  { "TEAM_LACKS_COMPETENCE", ZICHA_RULE_AREA_CONDUCT, ZICHA_RULE_SEVERITY_MEDIUM, "audit",
    N_("Audit team lacks professional competence"),
    N_("A scope code of the certificate is covered by the professional competence of no leader, "
       "auditor or expert of the audit team."),
    N_("ISO/IEC 17021-1 7.1.2, 9.2.2"), { { NULL } },
    zicha_rule_team_lacks_competence, 64 },
  { "EXPENSE_PAID_BY_CLIENT", ZICHA_RULE_AREA_CONDUCT, ZICHA_RULE_SEVERITY_HIGH, "expense",
    N_("Expense paid by the audited organization"),
    N_("Travel, lodging or meals of the audit were paid by the client."),
    N_("notice: unreasonable travel and lodging costs"), { { NULL } },
    zicha_rule_expense_paid_by_client, 1 },
  { "EXPENSE_EXCESSIVE", ZICHA_RULE_AREA_CONDUCT, ZICHA_RULE_SEVERITY_MEDIUM, "expense",
    N_("Excessive expense"),
    N_("The amount is more than a multiple of the median amount of its category."),
    N_("notice: unreasonable costs (statistical outlier)"),
    { P_DEC ("factor", "3", N_("Multiple of the category median"), 1, 100000, 2), { NULL } },
    zicha_rule_expense_excessive, 128 },
  { "AUDITOR_OVERLOADED", ZICHA_RULE_AREA_CONDUCT, ZICHA_RULE_SEVERITY_MEDIUM, "person_month",
    N_("Auditor on site on too many days of a month"),
    N_("The number of distinct days of a calendar month on which the person is on site is more "
       "than the limit."),
    N_("notice: cutting time, not on site"),
    { P_INT ("max_days", "22", N_("Most on-site days in a month"), 0, 31), { NULL } },
    zicha_rule_auditor_overloaded, 13 },
  { "CHECKIN_MISSING", ZICHA_RULE_AREA_CONDUCT, ZICHA_RULE_SEVERITY_MEDIUM, "team",
    N_("Check-in missing"),
    N_("The audit has check-in records but this leader or auditor never signed in."),
    N_("国认监〔2021〕3号 check-in system"), { { NULL } },
    zicha_rule_checkin_missing, 204 },
  { "CHECKIN_FAR", ZICHA_RULE_AREA_CONDUCT, ZICHA_RULE_SEVERITY_MEDIUM, "team",
    N_("Check-in far from the audited site"),
    N_("One of the person's check-ins for the audit is farther from the audited site than the "
       "limit."),
    N_("国认监〔2021〕3号 check-in system"),
    { P_DEC ("max_km", "5", N_("Largest distance from the site (km)"), 0, G_GINT64_CONSTANT (1000000000000), 6),
      { NULL } },
    zicha_rule_checkin_far, 2 },

  /* practice */
  { "WATCHLIST_NO_ACTION", ZICHA_RULE_AREA_PRACTICE, ZICHA_RULE_SEVERITY_HIGH, "certificate",
    N_("No action after the organization was named"),
    N_("The organization was named by a regulator or the media while the certificate was in "
       "force, and within a number of days neither a special or short-notice audit started nor "
       "was the certificate suspended, withdrawn or cancelled."),
    N_("notice (3·15 exposure); CNCA rules 5.9.3: short-notice audit within 30 days"),
    { P_INT ("days", "30", N_("Days allowed for action"), 0, 3650), { NULL } },
    zicha_rule_watchlist_no_action, 19 },
  { "COMPLAINT_UNRESOLVED", ZICHA_RULE_AREA_PRACTICE, ZICHA_RULE_SEVERITY_LOW, "complaint",
    N_("Complaint not handled in time"),
    N_("The complaint was closed, or is still open, more than a number of days after it was "
       "received."),
    N_("ISO/IEC 17021-1 9.8 (body policy default)"),
    { P_INT ("days", "60", N_("Days allowed to handle a complaint"), 0, 3650), { NULL } },
    zicha_rule_complaint_unresolved, 1 },

  /* capability */
  { "CODE_WITHOUT_COMPETENCE", ZICHA_RULE_AREA_CAPABILITY, ZICHA_RULE_SEVERITY_MEDIUM, "scope_code",
    N_("Scope code without competent personnel"),
    N_("A scope code of a valid certificate is covered by the professional competence of no "
       "person employed by the body."),
    N_("notice, area 4"), { { NULL } },
    zicha_rule_code_without_competence, 54 },
  { "TRACEABILITY_GAP", ZICHA_RULE_AREA_CAPABILITY, ZICHA_RULE_SEVERITY_MEDIUM, "audit",
    N_("Audit records incomplete"),
    N_("A finished audit has no team, no report date, or (stage 2 and recertification) no "
       "decision date or decision maker."),
    N_("notice, area 4: traceability"), { { NULL } },
    zicha_rule_traceability_gap, 108 },
  { "PART_TIME_HEAVY", ZICHA_RULE_AREA_CAPABILITY, ZICHA_RULE_SEVERITY_LOW, "year",
    N_("Audits rely on part-time personnel"),
    N_("Part-time personnel did more than a share of the team auditor-days of a calendar year."),
    N_("notice, area 4: human resources"),
    { P_INT ("max_pct", "50", N_("Largest share of part-time auditor-days (%)"), 0, 100), { NULL } },
    zicha_rule_part_time_heavy, 8 },
};

const ZichaRule *
zicha_rules_get_all (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const ZichaRule *
zicha_rules_lookup (const char *id)
{
  guint i;

  if (id == NULL)
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].id, id) == 0)
      return &rules[i];
  return NULL;
}

const char *
zicha_rule_get_title (const ZichaRule *rule)
{
  return g_dgettext (GETTEXT_PACKAGE, rule->title);
}

const char *
zicha_rule_get_description (const ZichaRule *rule)
{
  return g_dgettext (GETTEXT_PACKAGE, rule->description);
}

const char *
zicha_rule_get_source (const ZichaRule *rule)
{
  return g_dgettext (GETTEXT_PACKAGE, rule->source);
}

guint
zicha_rule_get_n_params (const ZichaRule *rule)
{
  guint n = 0;

  while (n < ZICHA_RULE_MAX_PARAMS && rule->params[n].name != NULL)
    n++;
  return n;
}

const ZichaRuleParam *
zicha_rule_find_param (const ZichaRule *rule,
                       const char      *name)
{
  guint i, n = zicha_rule_get_n_params (rule);

  for (i = 0; i < n; i++)
    if (g_strcmp0 (rule->params[i].name, name) == 0)
      return &rule->params[i];
  return NULL;
}

const char *
zicha_rule_param_get_label (const ZichaRuleParam *param)
{
  return g_dgettext (GETTEXT_PACKAGE, param->label);
}

static const char *area_ids[] = { "legal", "conduct", "practice", "capability" };
static const char *area_labels[] = {
  N_("Legality and compliance"), N_("Professional conduct of personnel"),
  N_("Papers apart from practice"), N_("Capability of the body"),
};
static const char *severity_ids[] = { "high", "medium", "low" };
static const char *severity_labels[] = { N_("High"), N_("Medium"), N_("Low") };

const char *
zicha_rule_area_to_string (ZichaRuleArea area)
{
  g_return_val_if_fail ((guint) area < G_N_ELEMENTS (area_ids), NULL);
  return area_ids[area];
}

gboolean
zicha_rule_area_from_string (const char    *str,
                             ZichaRuleArea *out)
{
  guint i;

  for (i = 0; str != NULL && i < G_N_ELEMENTS (area_ids); i++)
    if (strcmp (str, area_ids[i]) == 0)
      {
        *out = (ZichaRuleArea) i;
        return TRUE;
      }
  return FALSE;
}

const char *
zicha_rule_area_get_label (ZichaRuleArea area)
{
  g_return_val_if_fail ((guint) area < G_N_ELEMENTS (area_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, area_labels[area]);
}

const char *
zicha_rule_severity_to_string (ZichaRuleSeverity severity)
{
  g_return_val_if_fail ((guint) severity < G_N_ELEMENTS (severity_ids), NULL);
  return severity_ids[severity];
}

gboolean
zicha_rule_severity_from_string (const char        *str,
                                 ZichaRuleSeverity *out)
{
  guint i;

  for (i = 0; str != NULL && i < G_N_ELEMENTS (severity_ids); i++)
    if (strcmp (str, severity_ids[i]) == 0)
      {
        *out = (ZichaRuleSeverity) i;
        return TRUE;
      }
  return FALSE;
}

const char *
zicha_rule_severity_get_label (ZichaRuleSeverity severity)
{
  g_return_val_if_fail ((guint) severity < G_N_ELEMENTS (severity_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, severity_labels[severity]);
}

gint
zicha_rule_severity_get_weight (ZichaRuleSeverity severity)
{
  switch (severity)
    {
    case ZICHA_RULE_SEVERITY_HIGH:
      return 3;
    case ZICHA_RULE_SEVERITY_MEDIUM:
      return 2;
    case ZICHA_RULE_SEVERITY_LOW:
    default:
      return 1;
    }
}

/* Dates ---------------------------------------------------------------------------------- */

/* Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static gint
days_from_civil (gint y, gint m, gint d)
{
  gint era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint z, gint *y, gint *m, gint *d)
{
  gint era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  *y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y += *m <= 2;
}

static gint
days_in_month (gint y, gint m)
{
  static const gint dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

  return m == 2 && leap ? 29 : dim[m - 1];
}

static gboolean
parse_date (const char *s, gint *y, gint *m, gint *d)
{
  gint i;

  if (s == NULL || strlen (s) < 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  *m = (s[5] - '0') * 10 + (s[6] - '0');
  *d = (s[8] - '0') * 10 + (s[9] - '0');
  return *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in_month (*y, *m);
}

gint
zicha_day_from_string (const char *date)
{
  gint y, m, d;

  if (!parse_date (date, &y, &m, &d))
    return G_MININT;
  return days_from_civil (y, m, d);
}

void
zicha_day_to_string (gint day, char out[11])
{
  gint y, m, d;

  civil_from_days (day, &y, &m, &d);
  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
}

static gboolean
add_months_buf (const char *date, gint months, char out[11])
{
  gint y, m, d, total;

  if (!parse_date (date, &y, &m, &d))
    return FALSE;
  total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  d = MIN (d, days_in_month (y, m));
  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
  return TRUE;
}

char *
zicha_date_add_months (const char *date,
                       gint        months)
{
  char buf[11];

  if (!add_months_buf (date, months, buf))
    return NULL;
  return g_strdup (buf);
}

char *
zicha_date_add_days (const char *date,
                     gint        days)
{
  char buf[11];
  gint day = zicha_day_from_string (date);

  if (day == G_MININT)
    return NULL;
  zicha_day_to_string (day + days, buf);
  return g_strdup (buf);
}

gboolean
zicha_scope_code_covers (const char *a,
                         const char *b)
{
  size_t la;

  if (a == NULL || b == NULL || *a == '\0')
    return FALSE;
  la = strlen (a);
  /* DOMAIN.md section 2: "17" covers "17.06.01"; "17.06" does not cover "17.6" or "17.061". */
  return strncmp (a, b, la) == 0 && (b[la] == '\0' || b[la] == '.');
}

/* SQL functions -------------------------------------------------------------------------- */

static void
sql_add_months (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  char buf[11];
  const char *date = (const char *) sqlite3_value_text (argv[0]);

  if (date == NULL || sqlite3_value_type (argv[1]) == SQLITE_NULL
      || !add_months_buf (date, sqlite3_value_int (argv[1]), buf))
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, buf, 10, SQLITE_TRANSIENT);
}

static void
sql_covers (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  sqlite3_result_int (context, zicha_scope_code_covers ((const char *) sqlite3_value_text (argv[0]),
                                                        (const char *) sqlite3_value_text (argv[1])));
}

static void
sql_md5_table (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *scheme = (const char *) sqlite3_value_text (argv[0]);
  const char *complexity = (const char *) sqlite3_value_text (argv[2]);
  ZichaComplexity c = ZICHA_COMPLEXITY_MEDIUM;   /* DOMAIN.md 3: missing counts as medium */
  gint t;

  if (scheme == NULL || sqlite3_value_type (argv[1]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  if (complexity != NULL)
    zicha_complexity_from_string (complexity, &c);
  t = zicha_audit_time_table_value (scheme, sqlite3_value_int64 (argv[1]), c);
  if (t < 0)
    sqlite3_result_null (context);
  else
    sqlite3_result_int (context, t);
}

void
zicha_rules_register_functions (sqlite3 *db)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function_v2 (db, "zicha_add_months", 2, flags, NULL, sql_add_months, NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "zicha_covers", 2, flags, NULL, sql_covers, NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "zicha_md5_table", 3, flags, NULL, sql_md5_table, NULL, NULL, NULL);
}

/* JSON ----------------------------------------------------------------------------------- */

GString *
zicha_json_begin (void)
{
  return g_string_new ("{");
}

static void
json_key (GString *json, const char *key)
{
  if (json->len > 1)
    g_string_append_c (json, ',');
  g_string_append_printf (json, "\"%s\":", key);
}

static void
json_escape (GString *json, const char *value)
{
  const char *p;

  g_string_append_c (json, '"');
  for (p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, (char) c);
    }
  g_string_append_c (json, '"');
}

void
zicha_json_add_string (GString *json, const char *key, const char *value)
{
  json_key (json, key);
  if (value == NULL)
    g_string_append (json, "null");
  else
    json_escape (json, value);
}

void
zicha_json_add_int (GString *json, const char *key, gint64 value)
{
  json_key (json, key);
  g_string_append_printf (json, "%" PRId64, value);
}

void
zicha_json_add_raw (GString *json, const char *key, const char *raw)
{
  json_key (json, key);
  g_string_append (json, raw != NULL && *raw != '\0' ? raw : "null");
}

char *
zicha_json_end (GString *json)
{
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* Parameters ----------------------------------------------------------------------------- */

static gboolean
parse_uint (const char *s, gint64 *out)
{
  gint64 v = 0;

  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    {
      if (!g_ascii_isdigit (*s) || v > G_MAXINT64 / 10 - 10)
        return FALSE;
      v = v * 10 + (*s - '0');
    }
  *out = v;
  return TRUE;
}

/* An exact decimal with at most @scale decimals, scaled by 10^scale. */
static gboolean
parse_decimal (const char *s, gint scale, gint64 *out)
{
  g_autofree char *whole = NULL;
  const char *dot;
  gint64 w, f = 0;
  gint i, nf = 0;

  if (s == NULL)
    return FALSE;
  dot = strchr (s, '.');
  whole = dot != NULL ? g_strndup (s, dot - s) : g_strdup (s);
  if (!parse_uint (whole, &w) || w > G_GINT64_CONSTANT (1000000000000))
    return FALSE;
  if (dot != NULL)
    {
      for (dot++; *dot != '\0'; dot++, nf++)
        {
          if (!g_ascii_isdigit (*dot) || nf >= scale)
            return FALSE;
          f = f * 10 + (*dot - '0');
        }
      if (nf == 0)
        return FALSE;
    }
  for (i = nf; i < scale; i++)
    f *= 10;
  for (i = 0; i < scale; i++)
    w *= 10;
  *out = w + f;
  return TRUE;
}

static gboolean
parse_fraction (const char *s, gint64 *num, gint64 *den)
{
  g_auto(GStrv) parts = NULL;

  if (s == NULL)
    return FALSE;
  parts = g_strsplit (s, "/", -1);
  if (g_strv_length (parts) == 1)
    {
      *den = 1;
      return parse_uint (parts[0], num) && *num <= 1000000;
    }
  return g_strv_length (parts) == 2
         && parse_uint (parts[0], num) && parse_uint (parts[1], den)
         && *num <= 1000000 && *den >= 1 && *den <= 1000000;
}

gboolean
zicha_rule_param_validate (const ZichaRuleParam *param,
                           const char           *value,
                           GError              **error)
{
  gint64 v = 0, num = 0, den = 1;
  gboolean ok = FALSE;

  switch (param->type)
    {
    case ZICHA_RULE_PARAM_INTEGER:
      ok = parse_uint (value, &v) && v >= param->min && v <= param->max;
      if (!ok)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("“%s” is not a whole number from %" PRId64 " to %"
                         PRId64 " for %s"),
                       value != NULL ? value : "", param->min, param->max, param->name);
          return FALSE;
        }
      return TRUE;
    case ZICHA_RULE_PARAM_DECIMAL:
      ok = parse_decimal (value, param->scale, &v) && v >= param->min && v <= param->max;
      if (!ok)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("“%s” is not a number with at most %d decimals in the allowed range "
                         "for %s"),
                       value != NULL ? value : "", param->scale, param->name);
          return FALSE;
        }
      return TRUE;
    case ZICHA_RULE_PARAM_FRACTION:
    default:
      /* p/q between min/100 and max/100 */
      ok = parse_fraction (value, &num, &den)
           && num * 100 >= param->min * den && num * 100 <= param->max * den;
      if (!ok)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("“%s” is not a fraction such as 1/3 in the allowed range for %s"),
                       value != NULL ? value : "", param->name);
          return FALSE;
        }
      return TRUE;
    }
}

static const ZichaRuleParam *
lookup_param (const char       *rule_id,
              const char       *name,
              const ZichaRule **out_rule,
              GError          **error)
{
  const ZichaRule *rule = zicha_rules_lookup (rule_id);
  const ZichaRuleParam *param;

  if (rule == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("Unknown rule “%s”"),
                   rule_id != NULL ? rule_id : "");
      return NULL;
    }
  param = zicha_rule_find_param (rule, name);
  if (param == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("Rule %s has no parameter “%s”"),
                   rule->id, name != NULL ? name : "");
      return NULL;
    }
  if (out_rule != NULL)
    *out_rule = rule;
  return param;
}

/* The stored value, or NULL when none (or it is not valid any more). */
static char *
stored_param (sqlite3 *db, const ZichaRule *rule, const ZichaRuleParam *param)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM rule_params WHERE rule = ? AND name = ?", -1,
                          &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, rule->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, param->name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (value != NULL && !zicha_rule_param_validate (param, value, NULL))
    {
      g_warning ("Ignoring the stored value “%s” of %s.%s", value, rule->id, param->name);
      g_clear_pointer (&value, g_free);
    }
  return value;
}

char *
zicha_rules_get_param (ZichaDb     *db,
                       const char  *rule_id,
                       const char  *name,
                       GError     **error)
{
  const ZichaRule *rule = NULL;
  const ZichaRuleParam *param = lookup_param (rule_id, name, &rule, error);
  char *value;

  if (param == NULL)
    return NULL;
  value = stored_param (zicha_db_get_handle (db), rule, param);
  return value != NULL ? value : g_strdup (param->default_value);
}

gboolean
zicha_rules_set_param (ZichaDb     *db,
                       const char  *rule_id,
                       const char  *name,
                       const char  *value,
                       GError     **error)
{
  const ZichaRule *rule = NULL;
  const ZichaRuleParam *param = lookup_param (rule_id, name, &rule, error);
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  gboolean reset;
  int rc;

  if (param == NULL)
    return FALSE;
  if (value != NULL && !zicha_rule_param_validate (param, value, error))
    return FALSE;

  reset = value == NULL || strcmp (value, param->default_value) == 0;
  rc = sqlite3_prepare_v2 (handle,
                           reset ? "DELETE FROM rule_params WHERE rule = ?1 AND name = ?2"
                                 : "INSERT INTO rule_params (rule, name, value) VALUES (?1, ?2, ?3) "
                                   "ON CONFLICT (rule, name) DO UPDATE SET value = excluded.value",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, rule->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, param->name, -1, SQLITE_STATIC);
      if (!reset)
        sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (db, error, _("Could not store the rule parameter"));
      return FALSE;
    }
  return TRUE;
}

/* Rule context --------------------------------------------------------------------------- */

static const ZichaRuleParam *
ctx_param (ZichaRuleContext *ctx, const char *name, guint *index)
{
  guint i, n = zicha_rule_get_n_params (ctx->rule);

  for (i = 0; i < n; i++)
    if (strcmp (ctx->rule->params[i].name, name) == 0)
      {
        *index = i;
        return &ctx->rule->params[i];
      }
  g_error ("Rule %s has no parameter %s", ctx->rule->id, name);
  return NULL;
}

const char *
zicha_rule_param_text (ZichaRuleContext *ctx,
                       const char       *name)
{
  guint i = 0;

  ctx_param (ctx, name, &i);
  return ctx->values[i];
}

gint64
zicha_rule_param_int (ZichaRuleContext *ctx,
                      const char       *name)
{
  guint i = 0;
  const ZichaRuleParam *param = ctx_param (ctx, name, &i);
  gint64 v = 0;

  if (param->type == ZICHA_RULE_PARAM_DECIMAL)
    parse_decimal (ctx->values[i], param->scale, &v);
  else
    parse_uint (ctx->values[i], &v);
  return v;
}

void
zicha_rule_param_fraction (ZichaRuleContext *ctx,
                           const char       *name,
                           gint64           *num,
                           gint64           *den)
{
  guint i = 0;

  ctx_param (ctx, name, &i);
  *num = 1;
  *den = 1;
  parse_fraction (ctx->values[i], num, den);
}

static void
set_sql_error (sqlite3 *db, GError **error, GCancellable *cancellable)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return;
  g_set_error (error, ZICHA_ERROR, sqlite3_errcode (db) == SQLITE_CORRUPT
                                   ? ZICHA_ERROR_CORRUPT : ZICHA_ERROR_FAILED,
               _("Could not evaluate the rules: %s"), sqlite3_errmsg (db));
}

/* With ZICHA_RULES_EQP set, prints the plan of each rule statement (for the benchmark). */
static void
print_query_plan (ZichaRuleContext *ctx, const char *sql)
{
  g_autofree char *eqp = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (ctx->db, eqp, -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "  %3d %3d %s\n", sqlite3_column_int (stmt, 0),
                            sqlite3_column_int (stmt, 1), zicha_col_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_printerr ("%s plan:\n%s", ctx->rule->id, out->str);
}

sqlite3_stmt *
zicha_rule_prepare (ZichaRuleContext  *ctx,
                    const char        *sql,
                    GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  guint i, n = zicha_rule_get_n_params (ctx->rule);
  int idx;

  if (g_getenv ("ZICHA_RULES_EQP") != NULL)
    print_query_plan (ctx, sql);

  if (sqlite3_prepare_v2 (ctx->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s: %s\n%s", ctx->rule->id, sqlite3_errmsg (ctx->db), sql);
      set_sql_error (ctx->db, error, NULL);
      return NULL;
    }
  if ((idx = sqlite3_bind_parameter_index (stmt, ":asof")) > 0)
    sqlite3_bind_text (stmt, idx, ctx->as_of, -1, SQLITE_STATIC);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":asof_next")) > 0)
    sqlite3_bind_text (stmt, idx, ctx->as_of_next, -1, SQLITE_STATIC);
  for (i = 0; i < n; i++)
    {
      const ZichaRuleParam *p = &ctx->rule->params[i];
      g_autofree char *name = g_strconcat (":", p->name, NULL);

      if (p->type == ZICHA_RULE_PARAM_FRACTION)
        {
          g_autofree char *nn = g_strconcat (name, "_num", NULL);
          g_autofree char *dn = g_strconcat (name, "_den", NULL);
          gint64 num, den;

          zicha_rule_param_fraction (ctx, p->name, &num, &den);
          if ((idx = sqlite3_bind_parameter_index (stmt, nn)) > 0)
            sqlite3_bind_int64 (stmt, idx, num);
          if ((idx = sqlite3_bind_parameter_index (stmt, dn)) > 0)
            sqlite3_bind_int64 (stmt, idx, den);
        }
      else if ((idx = sqlite3_bind_parameter_index (stmt, name)) > 0)
        sqlite3_bind_int64 (stmt, idx, zicha_rule_param_int (ctx, p->name));
    }
  return stmt;
}

gboolean
zicha_rule_step (ZichaRuleContext  *ctx,
                 sqlite3_stmt      *stmt,
                 gboolean          *out_row,
                 GError           **error)
{
  int rc = sqlite3_step (stmt);

  *out_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  set_sql_error (ctx->db, error, ctx->cancellable);
  return FALSE;
}

static void
found_hit_free (ZichaFoundHit *hit)
{
  g_free (hit->key);
  g_free (hit->message);
  g_free (hit->details);
  g_ptr_array_unref (hit->records);
  g_free (hit);
}

ZichaFoundHit *
zicha_rule_add_hit (ZichaRuleContext *ctx,
                    const char       *key,
                    char             *message,
                    char             *details)
{
  ZichaFoundHit *hit = g_hash_table_lookup (ctx->keys, key);

  if (hit != NULL)
    {
      g_free (message);
      g_free (details);
      return hit;
    }
  hit = g_new0 (ZichaFoundHit, 1);
  hit->key = g_strdup (key);
  hit->message = message;
  hit->details = details;
  hit->records = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (ctx->hits, hit);
  g_hash_table_insert (ctx->keys, hit->key, hit);
  return hit;
}

void
zicha_found_hit_add_record (ZichaFoundHit *hit,
                            const char    *record_type,
                            const char    *record_key)
{
  guint i;
  g_autofree char *rec = NULL;

  if (record_key == NULL || *record_key == '\0')
    return;
  rec = g_strconcat (record_type, "\t", record_key, NULL);
  for (i = 0; i < hit->records->len; i++)
    if (strcmp (g_ptr_array_index (hit->records, i), rec) == 0)
      return;
  g_ptr_array_add (hit->records, g_steal_pointer (&rec));
}

void
zicha_found_hit_add_records (ZichaFoundHit *hit,
                             const char    *record_type,
                             const char    *keys)
{
  g_auto(GStrv) parts = NULL;
  guint i;

  if (keys == NULL)
    return;
  parts = g_strsplit (keys, ";", -1);
  for (i = 0; parts[i] != NULL; i++)
    zicha_found_hit_add_record (hit, record_type, parts[i]);
}

/* Cache ---------------------------------------------------------------------------------- */

struct _ZichaRuleCache
{
  GMutex      lock;
  GHashTable *items;   /* name → CacheItem* */
  /* The names of the items loaded so far, under their own lock: the scheduler asks while an
   * item is loading (when lock is held for long). */
  GMutex      ready_lock;
  GHashTable *ready;   /* name set */
};

typedef struct
{
  gpointer       data;
  GDestroyNotify free_func;
} CacheItem;

static void
cache_item_free (CacheItem *item)
{
  if (item->free_func != NULL && item->data != NULL)
    item->free_func (item->data);
  g_free (item);
}

static ZichaRuleCache *
rule_cache_new (void)
{
  ZichaRuleCache *cache = g_new0 (ZichaRuleCache, 1);

  g_mutex_init (&cache->lock);
  cache->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) cache_item_free);
  g_mutex_init (&cache->ready_lock);
  cache->ready = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return cache;
}

static void
rule_cache_free (ZichaRuleCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->items);
  g_mutex_clear (&cache->lock);
  g_hash_table_unref (cache->ready);
  g_mutex_clear (&cache->ready_lock);
  g_free (cache);
}

gpointer
zicha_rule_cache_get (ZichaRuleContext       *ctx,
                      const char             *name,
                      ZichaRuleCacheLoadFunc  load,
                      GDestroyNotify          free_func,
                      GError                **error)
{
  CacheItem *item;
  gpointer data = NULL;

  g_return_val_if_fail (ctx->cache != NULL, NULL);

  /* One lock for all items: loading is rare (a few per run) and the other thread would wait
   * for the same data anyway. */
  g_mutex_lock (&ctx->cache->lock);
  item = g_hash_table_lookup (ctx->cache->items, name);
  if (item == NULL)
    {
      gint64 start = g_get_monotonic_time ();

      data = load (ctx, error);
      if (data != NULL)
        {
          item = g_new0 (CacheItem, 1);
          item->data = data;
          item->free_func = free_func;
          g_hash_table_insert (ctx->cache->items, g_strdup (name), item);
          g_mutex_lock (&ctx->cache->ready_lock);
          g_hash_table_add (ctx->cache->ready, g_strdup (name));
          g_mutex_unlock (&ctx->cache->ready_lock);
          g_debug ("cache %s loaded in %" PRId64 " ms (for %s)", name,
                   (g_get_monotonic_time () - start) / 1000, ctx->rule->id);
        }
    }
  else
    data = item->data;
  g_mutex_unlock (&ctx->cache->lock);
  return data;
}

/* Whether the item @name is loaded (never waits for a load under way). */
static gboolean
rule_cache_is_ready (ZichaRuleCache *cache,
                     const char     *name)
{
  gboolean ready;

  g_mutex_lock (&cache->ready_lock);
  ready = g_hash_table_contains (cache->ready, name);
  g_mutex_unlock (&cache->ready_lock);
  return ready;
}

static void
context_clear (ZichaRuleContext *ctx)
{
  guint i;

  for (i = 0; i < ZICHA_RULE_MAX_PARAMS; i++)
    g_clear_pointer (&ctx->values[i], g_free);
  g_clear_pointer (&ctx->hits, g_ptr_array_unref);
  g_clear_pointer (&ctx->keys, g_hash_table_unref);
}

/* Runs ----------------------------------------------------------------------------------- */

void
zicha_rule_run_result_free (ZichaRuleRunResult *result)
{
  if (result == NULL)
    return;
  g_free (result->as_of);
  g_clear_pointer (&result->stats, g_ptr_array_unref);
  g_free (result);
}

static void
stat_free (ZichaRuleRunStat *stat)
{
  g_free (stat->rule_id);
  g_free (stat);
}

typedef struct
{
  const ZichaRule  *rule;
  char             *values[ZICHA_RULE_MAX_PARAMS];
  GPtrArray        *hits;         /* ZichaFoundHit*, after it ran */
  gint64            duration_ms;
  gint64            estimate;     /* expected duration, for the order (see schedule) */
  gboolean          uses_team;    /* reads the team data of the run's cache */
  gboolean          started;
  gboolean          done;
} Job;

typedef struct
{
  GMutex        lock;
  GCond         cond;
  Job          *jobs;
  guint         n_jobs;
  guint        *order;            /* job indexes, heavy first */
  guint         next;             /* first in order not handed out yet */
  gboolean      team_claimed;     /* a job that uses the team data was handed out */
  guint         n_done;
  GQueue        finished;         /* Job* finished, not yet reported */
  guint         n_workers_left;
  GError       *error;
  char          as_of[11];
  char          as_of_next[11];
  GCancellable *cancellable;
  const char   *path;
  ZichaRuleCache *cache;
  guint         n_snapshots;      /* workers that began their read transaction (or failed) */
  gint64        generation;       /* of the records, as the run's snapshot has them */
} Shared;

static int
progress_handler (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static gboolean
run_job (Shared *shared, sqlite3 *db, Job *job, GError **error)
{
  ZichaRuleContext ctx = { 0 };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;
  guint i;

  ctx.db = db;
  ctx.rule = job->rule;
  memcpy (ctx.as_of, shared->as_of, sizeof ctx.as_of);
  memcpy (ctx.as_of_next, shared->as_of_next, sizeof ctx.as_of_next);
  for (i = 0; i < ZICHA_RULE_MAX_PARAMS; i++)
    ctx.values[i] = g_strdup (job->values[i]);
  ctx.cancellable = shared->cancellable;
  ctx.cache = shared->cache;
  ctx.hits = g_ptr_array_new_with_free_func ((GDestroyNotify) found_hit_free);
  ctx.keys = g_hash_table_new (g_str_hash, g_str_equal);

  ok = job->rule->find (&ctx, error);
  if (ok && g_cancellable_set_error_if_cancelled (shared->cancellable, error))
    ok = FALSE;
  if (ok)
    job->hits = g_steal_pointer (&ctx.hits);
  job->duration_ms = (g_get_monotonic_time () - start) / 1000;
  context_clear (&ctx);
  return ok;
}

/* The rules read whole tables: map as much of the file as SQLite allows (2 GB in Debian's
 * build), so that pages are read without a system call and a copy each. */
#define RULES_MMAP_SIZE "2147418112"

static void
prepare_connection (sqlite3 *db, GCancellable *cancellable)
{
  sqlite3_exec (db, "PRAGMA mmap_size = " RULES_MMAP_SIZE, NULL, NULL, NULL);
  zicha_rules_register_functions (db);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_handler, cancellable);
}

/* The next job to hand out (with shared->lock held), NULL when none is left: the heaviest
 * left, except that while another thread loads the team data, a job that does not need it
 * goes first rather than one that would wait for the load. */
static Job *
next_job (Shared *shared)
{
  Job *pick = NULL, *first = NULL;
  gboolean team_loading = shared->team_claimed
                          && !rule_cache_is_ready (shared->cache, "team");
  guint i;

  for (i = shared->next; i < shared->n_jobs && pick == NULL; i++)
    {
      Job *job = &shared->jobs[shared->order[i]];

      if (job->started)
        continue;
      if (first == NULL)
        first = job;
      if (!team_loading || !job->uses_team)
        pick = job;
    }
  if (pick == NULL)
    pick = first;
  if (pick == NULL)
    return NULL;
  pick->started = TRUE;
  if (pick->uses_team)
    shared->team_claimed = TRUE;
  while (shared->next < shared->n_jobs && shared->jobs[shared->order[shared->next]].started)
    shared->next++;
  return pick;
}

/* Takes jobs until none is left; FALSE on error (stored in shared->error). */
static void
work (Shared *shared, sqlite3 *db)
{
  for (;;)
    {
      Job *job;
      GError *local = NULL;
      gboolean ok;

      g_mutex_lock (&shared->lock);
      job = shared->error == NULL ? next_job (shared) : NULL;
      g_mutex_unlock (&shared->lock);
      if (job == NULL)
        break;

      ok = run_job (shared, db, job, &local);

      g_mutex_lock (&shared->lock);
      if (!ok)
        {
          if (shared->error == NULL)
            shared->error = local;
          else
            g_error_free (local);
        }
      else
        {
          job->done = TRUE;
          shared->n_done++;
          g_queue_push_tail (&shared->finished, job);
        }
      g_cond_signal (&shared->cond);
      g_mutex_unlock (&shared->lock);
      if (!ok)
        break;
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

static gpointer
worker_thread (gpointer data)
{
  Shared *shared = data;
  GError *local = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (shared->path, ZICHA_DB_OPEN_DEFAULT, &local);

  gint64 generation = -1;

  /* The read transaction begins while the run's gate holds the write lock (see
   * begin_snapshot): every thread reads the same snapshot of the records. */
  if (db != NULL
      && (sqlite3_exec (zicha_db_get_handle (db), "BEGIN", NULL, NULL, NULL) != SQLITE_OK
          || (generation = zicha_db_read_records_generation (zicha_db_get_handle (db))) < 0))
    zicha_db_set_error (db, &local, _("Could not read the records for the rules"));
  else if (db != NULL && generation != shared->generation)
    g_set_error (&local, ZICHA_ERROR, ZICHA_ERROR_BUSY,
                 _("The records changed while the rule run started; nothing was stored. "
                   "Run the rules again."));

  g_mutex_lock (&shared->lock);
  shared->n_snapshots++;
  g_cond_broadcast (&shared->cond);
  if (local != NULL)
    {
      if (shared->error == NULL)
        shared->error = local;
      else
        g_error_free (local);
    }
  else
    {
      sqlite3 *handle = zicha_db_get_handle (db);

      g_mutex_unlock (&shared->lock);
      prepare_connection (handle, shared->cancellable);
      work (shared, handle);
      sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
      sqlite3_progress_handler (handle, 0, NULL, NULL);
      g_mutex_lock (&shared->lock);
    }
  shared->n_workers_left--;
  g_cond_signal (&shared->cond);
  g_mutex_unlock (&shared->lock);
  return NULL;
}

static void
now_string (char out[20])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *s = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");

  g_strlcpy (out, s, 20);
}

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

static gboolean
prepare_or_fail (sqlite3 *db, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s\n%s", sqlite3_errmsg (db), sql);
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not store the hits: %s"),
                   sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not store the hits: %s"),
                   sqlite3_errmsg (db));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
params_json (Job *jobs, guint n_jobs)
{
  GString *json = zicha_json_begin ();
  guint i, j;

  for (i = 0; i < n_jobs; i++)
    {
      guint n = zicha_rule_get_n_params (jobs[i].rule);
      GString *inner;
      g_autofree char *raw = NULL;

      if (n == 0)
        continue;
      inner = zicha_json_begin ();
      for (j = 0; j < n; j++)
        zicha_json_add_string (inner, jobs[i].rule->params[j].name, jobs[i].values[j]);
      raw = zicha_json_end (inner);
      zicha_json_add_raw (json, jobs[i].rule->id, raw);
    }
  return zicha_json_end (json);
}

static gint64
max_hit_id (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (db, "SELECT coalesce (max (id), 0) FROM hits", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A hit as stored, to skip rewriting one found again unchanged. */
typedef struct
{
  gint64   id;
  gboolean resolved;
  char    *message;
  char    *details;
  GString *records;   /* "type\tkey\n" in the order of the hit_records key */
} StoredHit;

static void
stored_hit_free (StoredHit *hit)
{
  g_free (hit->message);
  g_free (hit->details);
  g_string_free (hit->records, TRUE);
  g_free (hit);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The found hit's records as StoredHit.records has them (sorted like the stored ones when record
 * types hold no character below a tab; otherwise they differ and the hit is simply rewritten). */
static void
found_records_text (ZichaFoundHit *hit, GString *out)
{
  g_autofree const char **sorted = g_new (const char *, hit->records->len + 1);
  guint i;

  g_string_truncate (out, 0);
  for (i = 0; i < hit->records->len; i++)
    sorted[i] = g_ptr_array_index (hit->records, i);
  qsort (sorted, hit->records->len, sizeof (char *), compare_strings);
  for (i = 0; i < hit->records->len; i++)
    {
      g_string_append (out, sorted[i]);
      g_string_append_c (out, '\n');
    }
}

/* The stored hits of @rule by entity key. */
static GHashTable *
load_stored_hits (sqlite3 *db, sqlite3_stmt *hits_stmt, sqlite3_stmt *records_stmt,
                  const char *rule, GError **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) stored_hit_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  sqlite3_bind_text (hits_stmt, 1, rule, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (hits_stmt)) == SQLITE_ROW)
    {
      StoredHit *hit = g_new0 (StoredHit, 1);

      hit->id = sqlite3_column_int64 (hits_stmt, 0);
      hit->resolved = sqlite3_column_int (hits_stmt, 2);
      hit->message = g_strdup ((const char *) sqlite3_column_text (hits_stmt, 3));
      hit->details = g_strdup ((const char *) sqlite3_column_text (hits_stmt, 4));
      hit->records = g_string_new (NULL);
      g_hash_table_insert (by_key, g_strdup ((const char *) sqlite3_column_text (hits_stmt, 1)),
                           hit);
      g_hash_table_insert (by_id, &hit->id, hit);
    }
  sqlite3_reset (hits_stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  sqlite3_bind_text (records_stmt, 1, rule, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (records_stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (records_stmt, 0);
      StoredHit *hit = g_hash_table_lookup (by_id, &id);

      if (hit == NULL)
        continue;
      g_string_append (hit->records, (const char *) sqlite3_column_text (records_stmt, 1));
      g_string_append_c (hit->records, '\t');
      g_string_append (hit->records, (const char *) sqlite3_column_text (records_stmt, 2));
      g_string_append_c (hit->records, '\n');
    }
  sqlite3_reset (records_stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  return g_steal_pointer (&by_key);

fail:
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not store the hits: %s"),
               sqlite3_errmsg (db));
  return NULL;
}

/* Stores the hits of the finished jobs (inside the caller's transaction). A hit found again
 * keeps its triage state (a resolved one is open again); an open hit of a rule run that was not
 * found again — its last_run is not this run — is resolved; hits of rules not run are left
 * alone. */
static gboolean
merge_hits (sqlite3            *db,
            Job                *jobs,
            guint               n_jobs,
            gint64              run_id,
            const char         *today,
            ZichaRuleRunResult *result,
            GError            **error)
{
  sqlite3_stmt *upsert = NULL, *del_rec = NULL, *ins_rec = NULL, *ins_stat = NULL;
  sqlite3_stmt *resolve = NULL, *stored_hits = NULL, *stored_records = NULL, *touch = NULL;
  g_autoptr(GString) records = g_string_new (NULL);
  /* rowids of new rows are above the largest one */
  gint64 before = max_hit_id (db);
  gboolean ok = FALSE;
  guint i, j, k;

  if (!prepare_or_fail (db,
                        "INSERT INTO hits (rule, area, severity, entity_type, entity_key, status,"
                        " message, details, first_found_on, last_found_on, last_run)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7, ?8, ?8, ?9)"
                        " ON CONFLICT (rule, entity_key) DO UPDATE SET"
                        " status = CASE hits.status WHEN 'resolved' THEN 'open' ELSE hits.status END,"
                        " message = excluded.message, details = excluded.details,"
                        " last_found_on = excluded.last_found_on, last_run = excluded.last_run"
                        " RETURNING id", &upsert, error)
      || !prepare_or_fail (db, "DELETE FROM hit_records WHERE hit = ?", &del_rec, error)
      || !prepare_or_fail (db, "INSERT OR IGNORE INTO hit_records (hit, record_type, record_key)"
                               " VALUES (?, ?, ?)", &ins_rec, error)
      || !prepare_or_fail (db, "INSERT INTO rule_run_stats (run, rule, hits, duration_ms) "
                               "VALUES (?, ?, ?, ?)", &ins_stat, error)
      || !prepare_or_fail (db, "UPDATE hits SET status = 'resolved', last_run = ?1"
                               " WHERE rule = ?2 AND status = 'open'"
                               " AND (last_run IS NULL OR last_run <> ?1)", &resolve, error)
      || !prepare_or_fail (db, "SELECT id, entity_key, status = 'resolved', message, details"
                               " FROM hits WHERE rule = ?1", &stored_hits, error)
      || !prepare_or_fail (db, "SELECT r.hit, r.record_type, r.record_key"
                               " FROM hits AS h JOIN hit_records AS r ON r.hit = h.id"
                               " WHERE h.rule = ?1", &stored_records, error)
      || !prepare_or_fail (db, "UPDATE hits SET last_found_on = ?1, last_run = ?2 WHERE id = ?3",
                           &touch, error))
    goto out;

  for (i = 0; i < n_jobs; i++)
    {
      const ZichaRule *rule = jobs[i].rule;
      GPtrArray *hits = jobs[i].hits;
      g_autoptr(GHashTable) stored = NULL;

      stored = load_stored_hits (db, stored_hits, stored_records, rule->id, error);
      if (stored == NULL)
        goto out;
      for (j = 0; j < hits->len; j++)
        {
          ZichaFoundHit *hit = g_ptr_array_index (hits, j);
          StoredHit *old = g_hash_table_lookup (stored, hit->key);
          gint64 hit_id;

          /* found again as it was (and not resolved): only the run and the day change */
          if (old != NULL && !old->resolved && g_strcmp0 (old->message, hit->message) == 0
              && g_strcmp0 (old->details, hit->details) == 0)
            {
              found_records_text (hit, records);
              if (g_string_equal (records, old->records))
                {
                  sqlite3_bind_text (touch, 1, today, -1, SQLITE_STATIC);
                  sqlite3_bind_int64 (touch, 2, run_id);
                  sqlite3_bind_int64 (touch, 3, old->id);
                  if (!step_done (db, touch, error))
                    goto out;
                  continue;
                }
            }

          sqlite3_bind_text (upsert, 1, rule->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 2, zicha_rule_area_to_string (rule->area), -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 3, zicha_rule_severity_to_string (rule->severity), -1,
                             SQLITE_STATIC);
          sqlite3_bind_text (upsert, 4, rule->entity_type, -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 5, hit->key, -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 6, hit->message, -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 7, hit->details, -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 8, today, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (upsert, 9, run_id);
          if (sqlite3_step (upsert) != SQLITE_ROW)
            {
              g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not store the hits: %s"),
                           sqlite3_errmsg (db));
              goto out;
            }
          hit_id = sqlite3_column_int64 (upsert, 0);
          sqlite3_reset (upsert);
          if (hit_id > before)
            result->new_hits++;

          /* the records found replace those stored */
          sqlite3_bind_int64 (del_rec, 1, hit_id);
          if (!step_done (db, del_rec, error))
            goto out;
          for (k = 0; k < hit->records->len; k++)
            {
              const char *rec = g_ptr_array_index (hit->records, k);
              const char *tab = strchr (rec, '\t');

              sqlite3_bind_int64 (ins_rec, 1, hit_id);
              sqlite3_bind_text (ins_rec, 2, rec, tab - rec, SQLITE_STATIC);
              sqlite3_bind_text (ins_rec, 3, tab + 1, -1, SQLITE_STATIC);
              if (!step_done (db, ins_rec, error))
                goto out;
            }
        }
      result->total_hits += hits->len;

      sqlite3_bind_int64 (resolve, 1, run_id);
      sqlite3_bind_text (resolve, 2, rule->id, -1, SQLITE_STATIC);
      if (!step_done (db, resolve, error))
        goto out;
      result->resolved_hits += sqlite3_changes (db);

      sqlite3_bind_int64 (ins_stat, 1, run_id);
      sqlite3_bind_text (ins_stat, 2, rule->id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ins_stat, 3, hits->len);
      sqlite3_bind_int64 (ins_stat, 4, jobs[i].duration_ms);
      if (!step_done (db, ins_stat, error))
        goto out;
    }
  ok = TRUE;

out:
  g_clear_pointer (&upsert, sqlite3_finalize);
  g_clear_pointer (&del_rec, sqlite3_finalize);
  g_clear_pointer (&ins_rec, sqlite3_finalize);
  g_clear_pointer (&ins_stat, sqlite3_finalize);
  g_clear_pointer (&resolve, sqlite3_finalize);
  g_clear_pointer (&stored_hits, sqlite3_finalize);
  g_clear_pointer (&stored_records, sqlite3_finalize);
  g_clear_pointer (&touch, sqlite3_finalize);
  return ok;
}

static gboolean
risk_scores (sqlite3 *db, GError **error)
{
  /* DOMAIN.md section 5: weights H 3, M 2, L 1 of the open and confirmed hits on the
   * certificate, on its audits and their team rows, and on the other certificates of its
   * organization. The certificate's own hits plus those of the other certificates of its
   * organization are all certificate hits of the organization. */
  return exec_sql (db,
                   "DROP TABLE IF EXISTS temp.zicha_score;"
                   "CREATE TEMP TABLE zicha_score (cert INTEGER PRIMARY KEY, score INTEGER);"
                   "WITH w AS (SELECT h.entity_type, h.entity_key,"
                   "             CASE h.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END AS w"
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
  return risk_scores (zicha_db_get_handle (db), error);
}

static int
compare_estimate (gconstpointer a, gconstpointer b, gpointer data)
{
  Job *jobs = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (jobs[ia].estimate != jobs[ib].estimate)
    return jobs[ia].estimate > jobs[ib].estimate ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* The rules that read the team data of the run's cache (zicha_rule_team_data). */
static const char * const team_rules[] = {
  "AUDITOR_DOUBLE_BOOKED", "AUDITOR_NOT_QUALIFIED", "TEAM_LACKS_COMPETENCE",
  "AUDITOR_OVERLOADED", "CHECKIN_MISSING", "TRACEABILITY_GAP", "PART_TIME_HEAVY",
};

/* Longest first: each job's expected duration is its rule's duration in the last run that ran
 * it (rule_run_stats), or, for a rule never run, its static cost scaled to the durations of the
 * rules that were (the static costs alone when none was). */
static void
schedule (sqlite3 *db, Shared *shared)
{
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;
  gint64 sum_ms = 0, sum_cost = 0;
  guint i, j;

  /* a bare column with max () comes from the row of the maximum: the latest run of the rule */
  if (sqlite3_prepare_v2 (db, "SELECT rule, duration_ms, max (run) FROM rule_run_stats"
                              " GROUP BY rule", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const ZichaRule *rule = zicha_rules_lookup (zicha_col_text (stmt, 0));
        gint64 ms = sqlite3_column_int64 (stmt, 1);

        if (rule != NULL && ms >= 0)
          g_hash_table_insert (last, (gpointer) rule->id, GSIZE_TO_POINTER ((gsize) ms + 1));
      }
  sqlite3_finalize (stmt);

  for (i = 0; i < shared->n_jobs; i++)
    {
      Job *job = &shared->jobs[i];
      gpointer ms = g_hash_table_lookup (last, job->rule->id);

      for (j = 0; j < G_N_ELEMENTS (team_rules); j++)
        if (strcmp (job->rule->id, team_rules[j]) == 0)
          job->uses_team = TRUE;
      if (ms != NULL)
        {
          job->estimate = (gint64) GPOINTER_TO_SIZE (ms) - 1;
          sum_ms += job->estimate;
          sum_cost += job->rule->cost;
        }
    }
  for (i = 0; i < shared->n_jobs; i++)
    {
      Job *job = &shared->jobs[i];

      if (!g_hash_table_contains (last, job->rule->id))
        job->estimate = sum_cost > 0 ? job->rule->cost * MAX (sum_ms, 1) / sum_cost
                                     : job->rule->cost;
    }

  shared->order = g_new (guint, shared->n_jobs);
  for (i = 0; i < shared->n_jobs; i++)
    shared->order[i] = i;
  g_qsort_with_data (shared->order, shared->n_jobs, sizeof (guint), compare_estimate,
                     shared->jobs);
}

static gboolean
update_run (sqlite3 *db, gint64 run_id, const char *status, const char *finished_at,
            gint64 generation)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "UPDATE rule_runs SET status = ?, finished_at = ?,"
                              " records_generation = coalesce (?, records_generation)"
                              " WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, finished_at, -1, SQLITE_STATIC);
  if (generation >= 0)
    sqlite3_bind_int64 (stmt, 3, generation);
  sqlite3_bind_int64 (stmt, 4, run_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Records a new run as 'running', with this process as its owner, in one transaction that
 * first marks the runs whose process is gone (killed part way) as 'abandoned'. */
static gboolean
start_run (ZichaDb     *db,
           const char  *started_at,
           const char  *as_of,
           const char  *rules_text,
           const char  *params,
           const char  *user_name,
           gint64      *out_run_id,
           GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *owner = zicha_process_owner ();
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  guint i;

  if (!zicha_db_begin (db, NULL))
    goto fail;
  if (sqlite3_prepare_v2 (handle, "SELECT id, owner FROM rule_runs WHERE status = 'running'",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (zicha_process_owner_gone ((const char *) sqlite3_column_text (stmt, 1)))
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (gone, id);
      }
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (i = 0; i < gone->len; i++)
    if (!update_run (handle, g_array_index (gone, gint64, i), "abandoned", started_at, -1))
      goto fail;

  if (sqlite3_prepare_v2 (handle,
                          "INSERT INTO rule_runs (started_at, as_of, rules, params, status,"
                          " user_name, owner) VALUES (?, ?, ?, ?, 'running', ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  sqlite3_bind_text (stmt, 1, started_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rules_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, params, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, owner, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  *out_run_id = sqlite3_last_insert_rowid (handle);
  if (gone->len > 0)
    g_debug ("marked %u abandoned rule runs", gone->len);
  ok = sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;

fail:
  if (!ok)
    {
      zicha_db_set_error (db, error, _("Could not record the rule run"));
      g_clear_pointer (&stmt, sqlite3_finalize);
      zicha_db_rollback (db);
    }
  return ok;
}

/* Makes every connection of the run read one snapshot of the records. SQLite gives each
 * connection the newest commit when its read transaction begins, so a "gate" connection takes
 * the write lock first: while it holds it nobody can commit, the run's connection and then each
 * worker begin their read transactions on the same state, and the gate lets go. Returns the
 * gate (NULL and @error when the write lock cannot be had: an import is running). */
static ZichaDb *
begin_snapshot (ZichaDb  *db,
                Shared   *shared,
                GError  **error)
{
  g_autoptr(ZichaDb) gate = zicha_db_open (zicha_db_get_path (db), ZICHA_DB_OPEN_DEFAULT, error);
  sqlite3 *handle = zicha_db_get_handle (db);

  if (gate == NULL)
    return NULL;
  if (!zicha_db_begin (gate, NULL))
    {
      zicha_db_set_error (gate, error, _("Could not start the rule run"));
      return NULL;
    }
  if (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL) != SQLITE_OK
      || (shared->generation = zicha_db_read_records_generation (handle)) < 0)
    {
      zicha_db_set_error (db, error, _("Could not read the records for the rules"));
      zicha_db_rollback (gate);
      return NULL;
    }
  return g_steal_pointer (&gate);
}

gboolean
zicha_rules_run (ZichaDb                    *db,
                 const ZichaRuleRunOptions  *options,
                 ZichaRuleProgressFunc       progress,
                 gpointer                    progress_data,
                 GCancellable               *cancellable,
                 ZichaRuleRunResult        **out_result,
                 GError                    **error)
{
  sqlite3 *handle;
  Shared shared = { 0 };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autofree char *params = NULL;
  g_autofree char *rules_text = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  GError *local = NULL;
  char started_at[20], finished_at[20], today[11];
  GDate as_of;
  gint64 start = g_get_monotonic_time ();
  gint64 run_id;
  guint i, j, n_threads;
  const char *path;
  gboolean ok = FALSE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  handle = zicha_db_get_handle (db);

  /* The rules to run, in catalogue order, with their parameters. */
  {
    gboolean selected[G_N_ELEMENTS (rules)] = { FALSE };

    for (i = 0; options != NULL && options->rules != NULL && options->rules[i] != NULL; i++)
      {
        const ZichaRule *rule = zicha_rules_lookup (options->rules[i]);

        if (rule == NULL)
          {
            g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("Unknown rule “%s”"),
                         options->rules[i]);
            return FALSE;
          }
        selected[rule - rules] = TRUE;
      }
    shared.jobs = g_new0 (Job, G_N_ELEMENTS (rules));
    for (i = 0; i < G_N_ELEMENTS (rules); i++)
      if (options == NULL || options->rules == NULL || selected[i])
        shared.jobs[shared.n_jobs++].rule = &rules[i];
  }

  for (i = 0; i < shared.n_jobs; i++)
    {
      const ZichaRule *rule = shared.jobs[i].rule;
      guint np = zicha_rule_get_n_params (rule);

      for (j = 0; j < np; j++)
        {
          char *value = stored_param (handle, rule, &rule->params[j]);

          shared.jobs[i].values[j] = value != NULL ? value : g_strdup (rule->params[j].default_value);
        }
    }
  rules_text = NULL;
  if (options != NULL && options->rules != NULL)
    {
      GString *s = g_string_new (NULL);

      for (i = 0; i < shared.n_jobs; i++)
        g_string_append_printf (s, "%s%s", i > 0 ? "," : "", shared.jobs[i].rule->id);
      rules_text = g_string_free (s, FALSE);
    }
  else
    rules_text = g_strdup ("*");
  params = params_json (shared.jobs, shared.n_jobs);

  /* As of */
  if (options != NULL && g_date_valid (&options->as_of))
    as_of = options->as_of;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&as_of, 1);
      g_date_set_dmy (&as_of, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  g_snprintf (shared.as_of, sizeof shared.as_of, "%04d-%02d-%02d", g_date_get_year (&as_of),
              g_date_get_month (&as_of), g_date_get_day (&as_of));
  zicha_day_to_string (zicha_day_from_string (shared.as_of) + 1, shared.as_of_next);
  shared.cancellable = cancellable;
  shared.cache = rule_cache_new ();

  now_string (started_at);
  memcpy (today, started_at, 10);
  today[10] = '\0';

  result = g_new0 (ZichaRuleRunResult, 1);
  result->as_of = g_strdup (shared.as_of);
  result->stats = g_ptr_array_new_with_free_func ((GDestroyNotify) stat_free);

  /* Record the run. */
  if (!start_run (db, started_at, shared.as_of, rules_text, params,
                  options != NULL ? options->user_name : NULL, &run_id, &local))
    goto out;
  result->run_id = run_id;

  /* Schedule: longest first; while one thread loads the team data the team rules share, the
   * other takes rules that do not need it (next_job). */
  schedule (handle, &shared);
  g_mutex_init (&shared.lock);
  g_cond_init (&shared.cond);
  g_queue_init (&shared.finished);

  n_threads = options != NULL && options->n_threads > 0 ? options->n_threads : 2;
  path = zicha_db_get_path (db);
  /* (On a network file system the connection keeps its locks: no second one could read.) */
  if (path == NULL || *path == '\0' || strcmp (path, ":memory:") == 0
      || g_str_has_prefix (path, "file::memory:") || zicha_db_get_on_network_fs (db))
    n_threads = 1;
  n_threads = MIN (n_threads, MAX (shared.n_jobs, 1));
  shared.path = path;

  if (progress != NULL)
    progress (0, shared.n_jobs, NULL, progress_data);

  if (n_threads <= 1)
    {
      gint64 mmap_size = 0;
      sqlite3_stmt *pragma = NULL;

      /* the caller's connection gets its own mapping size back afterwards */
      if (sqlite3_prepare_v2 (handle, "PRAGMA mmap_size", -1, &pragma, NULL) == SQLITE_OK
          && sqlite3_step (pragma) == SQLITE_ROW)
        mmap_size = sqlite3_column_int64 (pragma, 0);
      g_clear_pointer (&pragma, sqlite3_finalize);
      /* one connection, one read transaction: one snapshot */
      if (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL) != SQLITE_OK
          || (shared.generation = zicha_db_read_records_generation (handle)) < 0)
        {
          zicha_db_set_error (db, &local, _("Could not read the records for the rules"));
          zicha_db_rollback (db);
          goto out;
        }
      prepare_connection (handle, cancellable);
      for (i = 0; i < shared.n_jobs && shared.error == NULL; i++)
        {
          Job *job = &shared.jobs[shared.order[i]];
          GError *e = NULL;

          if (!run_job (&shared, handle, job, &e))
            {
              shared.error = e;
              break;
            }
          job->done = TRUE;
          shared.n_done++;
          if (progress != NULL)
            progress (shared.n_done, shared.n_jobs, job->rule->id, progress_data);
        }
      sqlite3_progress_handler (handle, 0, NULL, NULL);
      sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
      {
        g_autofree char *sql = g_strdup_printf ("PRAGMA mmap_size = %" PRId64, mmap_size);

        sqlite3_exec (handle, sql, NULL, NULL, NULL);
      }
    }
  else
    {
      g_autoptr(ZichaDb) gate = begin_snapshot (db, &shared, &local);

      if (gate == NULL)
        goto out;
      threads = g_ptr_array_new ();
      shared.n_workers_left = n_threads;
      for (i = 0; i < n_threads; i++)
        g_ptr_array_add (threads, g_thread_new ("zicha-rules", worker_thread, &shared));

      g_mutex_lock (&shared.lock);
      while (shared.n_snapshots < n_threads)
        g_cond_wait (&shared.cond, &shared.lock);
      g_mutex_unlock (&shared.lock);
      /* every worker reads its snapshot now: the gate lets writers in again */
      zicha_db_rollback (gate);
      g_clear_object (&gate);
      sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);

      g_mutex_lock (&shared.lock);
      for (;;)
        {
          Job *job;

          while ((job = g_queue_pop_head (&shared.finished)) != NULL)
            {
              guint done = shared.n_done;

              g_mutex_unlock (&shared.lock);
              if (progress != NULL)
                progress (done, shared.n_jobs, job->rule->id, progress_data);
              g_mutex_lock (&shared.lock);
            }
          if (shared.n_workers_left == 0)
            break;
          g_cond_wait (&shared.cond, &shared.lock);
        }
      g_mutex_unlock (&shared.lock);
      for (i = 0; i < threads->len; i++)
        g_thread_join (g_ptr_array_index (threads, i));
      {
        gint64 busy = 0;

        for (i = 0; i < shared.n_jobs; i++)
          busy += shared.jobs[i].duration_ms;
        g_debug ("%u threads busy %" PRId64 " ms together, done after %" PRId64 " ms",
                 n_threads, busy, (g_get_monotonic_time () - start) / 1000);
      }
      if (shared.error == NULL && shared.n_done < shared.n_jobs)
        g_cancellable_set_error_if_cancelled (cancellable, &shared.error);
    }

  if (shared.error != NULL)
    {
      local = g_steal_pointer (&shared.error);
      goto out;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, &local))
    goto out;

  /* The cached data is not needed any more: free it before storing. */
  g_clear_pointer (&shared.cache, rule_cache_free);

  /* Store the hits, the stats and the risk scores in one transaction, only if the records
   * are still those the rules read: hits must match the records they were found in. */
  if (sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, &local, _("Could not store the hits"));
      goto out;
    }
  if (zicha_db_read_records_generation (handle) != shared.generation)
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (&local, ZICHA_ERROR, ZICHA_ERROR_BUSY,
                   _("The records were changed by an import while the rules ran, so the risk "
                     "leads found were not stored. Run the rules again."));
      goto out;
    }
  g_debug ("rules evaluated after %" PRId64 " ms", (g_get_monotonic_time () - start) / 1000);
  if (!merge_hits (handle, shared.jobs, shared.n_jobs, run_id, today, result, &local))
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      goto out;
    }
  g_debug ("hits stored after %" PRId64 " ms", (g_get_monotonic_time () - start) / 1000);
  if (!risk_scores (handle, &local))
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      goto out;
    }
  g_debug ("risk scores after %" PRId64 " ms", (g_get_monotonic_time () - start) / 1000);
  now_string (finished_at);
  if (!update_run (handle, run_id, "finished", finished_at, shared.generation)
      || sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, &local, _("Could not store the hits"));
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      goto out;
    }

  for (i = 0; i < shared.n_jobs; i++)
    {
      ZichaRuleRunStat *stat = g_new0 (ZichaRuleRunStat, 1);

      stat->rule_id = g_strdup (shared.jobs[i].rule->id);
      stat->hits = shared.jobs[i].hits->len;
      stat->duration_ms = shared.jobs[i].duration_ms;
      g_ptr_array_add (result->stats, stat);
    }
  ok = TRUE;

out:
  if (!ok && result != NULL && result->run_id > 0)
    {
      now_string (finished_at);
      update_run (handle, result->run_id,
                  g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? "cancelled" : "failed",
                  finished_at, -1);
    }
  for (i = 0; i < shared.n_jobs; i++)
    {
      for (j = 0; j < ZICHA_RULE_MAX_PARAMS; j++)
        g_free (shared.jobs[i].values[j]);
      g_clear_pointer (&shared.jobs[i].hits, g_ptr_array_unref);
    }
  g_free (shared.jobs);
  g_free (shared.order);
  rule_cache_free (shared.cache);
  if (shared.order != NULL || threads != NULL)
    {
      g_mutex_clear (&shared.lock);
      g_cond_clear (&shared.cond);
    }
  g_queue_clear (&shared.finished);
  if (!ok)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  result->duration_ms = (g_get_monotonic_time () - start) / 1000;
  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
  return TRUE;
}

/* Async ---------------------------------------------------------------------------------- */

typedef struct
{
  char                  *path;
  GDate                  as_of;
  GStrv                  rules;
  char                  *user_name;
  guint                  n_threads;
  ZichaRuleProgressFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_data_free;
  GMainContext          *context;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  g_free (data->path);
  g_strfreev (data->rules);
  g_free (data->user_name);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  AsyncData  *data;
  guint       done;
  guint       total;
  char       *rule_id;
} ProgressCall;

static gboolean
progress_idle (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->data->progress (call->done, call->total, call->rule_id, call->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer user_data)
{
  ProgressCall *call = user_data;

  g_free (call->rule_id);
  g_free (call);
}

static void
async_progress (guint done, guint total, const char *rule_id, gpointer user_data)
{
  GTask *task = user_data;
  AsyncData *data = g_task_get_task_data (task);
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->data = data;
  call->done = done;
  call->total = total;
  call->rule_id = g_strdup (rule_id);
  /* The task holds a reference on data until it completes, which happens after this source
   * was queued in the same context, so it runs first. */
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_idle, call,
                              progress_call_free);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (data->path, ZICHA_DB_OPEN_DEFAULT, &error);
  ZichaRuleRunOptions options = { 0 };
  ZichaRuleRunResult *result = NULL;

  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  options.as_of = data->as_of;
  options.rules = (const char * const *) data->rules;
  options.user_name = data->user_name;
  options.n_threads = data->n_threads;
  if (!zicha_rules_run (db, &options, data->progress != NULL ? async_progress : NULL, task,
                        cancellable, &result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) zicha_rule_run_result_free);
}

void
zicha_rules_run_async (ZichaDb                    *db,
                       const ZichaRuleRunOptions  *options,
                       ZichaRuleProgressFunc       progress,
                       gpointer                    progress_data,
                       GDestroyNotify              progress_data_free,
                       GCancellable               *cancellable,
                       GAsyncReadyCallback         callback,
                       gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (ZICHA_IS_DB (db));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, zicha_rules_run_async);
  data = g_new0 (AsyncData, 1);
  data->path = g_strdup (zicha_db_get_path (db));
  g_date_clear (&data->as_of, 1);
  if (options != NULL)
    {
      data->as_of = options->as_of;
      data->rules = g_strdupv ((char **) options->rules);
      data->user_name = g_strdup (options->user_name);
      data->n_threads = options->n_threads;
    }
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, run_thread);
}

ZichaRuleRunResult *
zicha_rules_run_finish (ZichaDb       *db,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Helpers for rule implementations ------------------------------------------------------- */

const char *
zicha_rule_role_label (const char *role)
{
  if (g_strcmp0 (role, "leader") == 0)
    return _("team leader");
  if (g_strcmp0 (role, "auditor") == 0)
    return _("auditor");
  if (g_strcmp0 (role, "expert") == 0)
    return _("technical expert");
  if (g_strcmp0 (role, "trainee") == 0)
    return _("trainee auditor");
  if (g_strcmp0 (role, "observer") == 0)
    return _("observer");
  return role != NULL ? role : "";
}

const char *
zicha_rule_category_label (const char *category)
{
  if (g_strcmp0 (category, "travel") == 0)
    return _("Travel");
  if (g_strcmp0 (category, "lodging") == 0)
    return _("Lodging");
  if (g_strcmp0 (category, "meals") == 0)
    return _("Meals");
  if (g_strcmp0 (category, "other") == 0)
    return _("Other expense");
  return category != NULL ? category : "";
}

char *
zicha_format_money (gint64 fen)
{
  return g_strdup_printf ("%" PRId64 ".%02d", fen / 100, (int) (ABS (fen) % 100));
}

gboolean
zicha_scope_code_foreach_prefix (const char *code,
                                 gboolean  (*func) (const char *code, gsize len, gpointer data),
                                 gpointer    data)
{
  gsize i;

  for (i = 0; code[i] != '\0'; i++)
    if (code[i] == '.' && i > 0 && func (code, i, data))
      return TRUE;
  return i > 0 && func (code, i, data);
}

gint
zicha_day_from_ymd (gint y, gint m, gint d)
{
  return days_from_civil (y, m, d);
}

void
zicha_day_to_ymd (gint day, gint *y, gint *m, gint *d)
{
  civil_from_days (day, y, m, d);
}

gint
zicha_days_in_month (gint y, gint m)
{
  return days_in_month (y, m);
}
