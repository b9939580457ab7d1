/* zicha-rules-catalogue.c — the catalogue of the risk rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule descriptors of DOMAIN.md section 4 in a static table, their lookup, their
 * translated texts, and the names and labels of the areas and severities. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <string.h>

#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-rules-private.h"

/* The last number of an entry, its cost, is about its time in tens of milliseconds on the demo
 * body of 1,000,000 certificates (AUDITOR_DOUBLE_BOOKED's includes loading the team data the team
 * rules share): the order of a run on a body whose rules never ran (see schedule in
 * zicha-rules-run.c). */
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
      P_FRAC ("surveillance_fraction", "1/3",
              N_("Surveillance audit time as a fraction of the initial audit time")),
      P_FRAC ("recertification_fraction", "2/3",
              N_("Recertification audit time as a fraction of the initial audit time")),
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
    { P_DEC ("max_km", "5", N_("Largest distance from the site (km)"), 0,
             G_GINT64_CONSTANT (1000000000000), 6),
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
    { P_INT ("max_pct", "50", N_("Largest share of part-time auditor-days (%)"), 0, 100),
      { NULL } },
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

static const char *area_labels[] = {
  N_("Legality and compliance"), N_("Professional conduct of personnel"),
  N_("Papers apart from practice"), N_("Capability of the body"),
};
static const char *severity_labels[] = { N_("High"), N_("Medium"), N_("Low") };

const char *
zicha_rule_area_to_string (ZichaRuleArea area)
{
  return zicha_enum_get_nick (ZICHA_TYPE_RULE_AREA, area);
}

gboolean
zicha_rule_area_from_string (const char    *str,
                             ZichaRuleArea *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_RULE_AREA, str, FALSE, &value))
    return FALSE;
  *out = (ZichaRuleArea) value;
  return TRUE;
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
  return zicha_enum_get_nick (ZICHA_TYPE_RULE_SEVERITY, severity);
}

gboolean
zicha_rule_severity_from_string (const char        *str,
                                 ZichaRuleSeverity *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_RULE_SEVERITY, str, FALSE, &value))
    return FALSE;
  *out = (ZichaRuleSeverity) value;
  return TRUE;
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
