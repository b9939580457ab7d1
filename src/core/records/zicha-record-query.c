/* zicha-record-query.c — the SQL of the record lists, details and related records
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table per record kind says what its list shows: the columns (a title, the SQL
 * expression, the expression it sorts by, the display format) and which columns the search
 * looks at. Names sort by their pinyin collation key (name_key, indexed); the search
 * matches keys and names by substring and names by their pinyin initials (name_initials). */
#define G_LOG_DOMAIN "zicha-record-query"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-record-list.h"
#include "zicha-record-query.h"

/* Enumerated values ------------------------------------------------------------------------ */

static const ZichaEnumLabel status_labels[] = {
  { "valid", "certificate status", NC_("certificate status", "Valid") },
  { "suspended", "certificate status", NC_("certificate status", "Suspended") },
  { "withdrawn", "certificate status", NC_("certificate status", "Withdrawn") },
  { "cancelled", "certificate status", NC_("certificate status", "Cancelled") },
  { "expired", "certificate status", NC_("certificate status", "Expired") },
  { NULL }
};

static const ZichaEnumLabel event_labels[] = {
  { "issue", "certificate event", NC_("certificate event", "Issued") },
  { "renew", "certificate event", NC_("certificate event", "Renewed") },
  { "suspend", "certificate event", NC_("certificate event", "Suspended") },
  { "restore", "certificate event", NC_("certificate event", "Restored") },
  { "withdraw", "certificate event", NC_("certificate event", "Withdrawn") },
  { "cancel", "certificate event", NC_("certificate event", "Cancelled") },
  { "expand", "certificate event", NC_("certificate event", "Scope expanded") },
  { "reduce", "certificate event", NC_("certificate event", "Scope reduced") },
  { NULL }
};

static const ZichaEnumLabel origin_labels[] = {
  { "import", "event origin", NC_("event origin", "Imported") },
  { "zicha", "event origin", NC_("event origin", "Recorded in Zicha") },
  { NULL }
};

static const ZichaEnumLabel type_labels[] = {
  { "stage1", "audit type", NC_("audit type", "Stage 1 audit") },
  { "stage2", "audit type", NC_("audit type", "Stage 2 audit") },
  { "surveillance", "audit type", NC_("audit type", "Surveillance audit") },
  { "recertification", "audit type", NC_("audit type", "Recertification audit") },
  { "special", "audit type", NC_("audit type", "Special audit") },
  { "short_notice", "audit type", NC_("audit type", "Short-notice audit") },
  { "transfer", "audit type", NC_("audit type", "Transfer") },
  { NULL }
};

static const ZichaEnumLabel complexity_labels[] = {
  { "high", "complexity", NC_("complexity", "High") },
  { "medium", "complexity", NC_("complexity", "Medium") },
  { "low", "complexity", NC_("complexity", "Low") },
  { "limited", "complexity", NC_("complexity", "Limited") },
  { NULL }
};

static const ZichaEnumLabel employment_labels[] = {
  { "full_time", "employment", NC_("employment", "Full-time") },
  { "part_time", "employment", NC_("employment", "Part-time") },
  { NULL }
};

static const ZichaEnumLabel grade_labels[] = {
  { "trainee", "auditor grade", NC_("auditor grade", "Trainee auditor") },
  { "auditor", "auditor grade", NC_("auditor grade", "Auditor") },
  { "lead_auditor", "auditor grade", NC_("auditor grade", "Lead auditor") },
  { "technical_expert", "auditor grade", NC_("auditor grade", "Technical expert") },
  { NULL }
};

static const ZichaEnumLabel role_labels[] = {
  { "leader", "team role", NC_("team role", "Team leader") },
  { "auditor", "team role", NC_("team role", "Auditor") },
  { "expert", "team role", NC_("team role", "Technical expert") },
  { "trainee", "team role", NC_("team role", "Trainee auditor") },
  { "observer", "team role", NC_("team role", "Observer") },
  { NULL }
};

static const ZichaEnumLabel category_labels[] = {
  { "travel", "expense category", NC_("expense category", "Travel") },
  { "lodging", "expense category", NC_("expense category", "Lodging") },
  { "meals", "expense category", NC_("expense category", "Meals") },
  { "other", "expense category", NC_("expense category", "Other") },
  { NULL }
};

static const ZichaEnumLabel paid_by_labels[] = {
  { "body", "paid by", NC_("paid by", "Certification body") },
  { "client", "paid by", NC_("paid by", "Audited organization") },
  { NULL }
};

static const ZichaEnumLabel checkin_labels[] = {
  { "in", "check-in kind", NC_("check-in kind", "Check-in") },
  { "out", "check-in kind", NC_("check-in kind", "Check-out") },
  { NULL }
};

#define F_TEXT    { ZICHA_FORMAT_TEXT, NULL }
#define F_COUNT   { ZICHA_FORMAT_COUNT, NULL }
#define F_DAYS    { ZICHA_FORMAT_HUNDREDTHS, NULL }
#define F_AMOUNT  { ZICHA_FORMAT_AMOUNT, NULL }
#define F_DECIMAL { ZICHA_FORMAT_NUMBER_TEXT, NULL }
#define F_ENUM(t) { ZICHA_FORMAT_ENUM, t }

/* The search pattern ?1 with its escape character. */
#define LIKE1 " LIKE ?1 ESCAPE '\\'"

/* Columns of each kind --------------------------------------------------------------------- */

static const ZichaColumnQuery certificate_columns[] = {
  { "cert_no", N_("Certificate No."), "t.cert_no", NULL, F_TEXT, FALSE, FALSE },
  { "org", N_("Organization"), "o.name", "o.name_key", F_TEXT, TRUE, FALSE },
  { "scheme", N_("Scheme"), "t.scheme", NULL, F_TEXT, FALSE, FALSE },
  { "scope_codes", N_("Scope codes"), "t.scope_codes", NULL, F_TEXT, FALSE, FALSE },
  { "issued_on", N_("Issued on"), "t.issued_on", NULL, F_TEXT, FALSE, FALSE },
  { "expires_on", N_("Expires on"), "t.expires_on", NULL, F_TEXT, FALSE, FALSE },
  { "status", N_("Status"), "t.status", NULL, F_ENUM (status_labels), FALSE, FALSE },
  { "org_id", N_("Organization ID"), "o.org_id", NULL, F_TEXT, TRUE, TRUE },
  { "scope_text", N_("Scope of certification"), "t.scope_text", NULL, F_TEXT, FALSE, TRUE },
  { "status_on", N_("Status since"), "t.status_on", NULL, F_TEXT, FALSE, TRUE },
  { "reported_on", N_("Reported on"), "t.reported_on", NULL, F_TEXT, FALSE, TRUE },
};

static const ZichaColumnQuery organization_columns[] = {
  { "org_id", N_("Organization ID"), "t.org_id", NULL, F_TEXT, FALSE, FALSE },
  { "name", N_("Name"), "t.name", "t.name_key", F_TEXT, FALSE, FALSE },
  { "uscc", N_("Unified social credit code"), "t.uscc", NULL, F_TEXT, FALSE, FALSE },
  { "province", N_("Province"), "t.province", NULL, F_TEXT, FALSE, FALSE },
  { "employees", N_("Employees"), "t.employees", NULL, F_COUNT, FALSE, FALSE },
  { "sites", N_("Sites"), "t.sites", NULL, F_COUNT, FALSE, FALSE },
  { "address", N_("Address"), "t.address", NULL, F_TEXT, FALSE, TRUE },
};

static const ZichaColumnQuery person_columns[] = {
  { "person_id", N_("Person ID"), "t.person_id", NULL, F_TEXT, FALSE, FALSE },
  { "name", N_("Name"), "t.name", "t.name_key", F_TEXT, FALSE, FALSE },
  { "employment", N_("Employment"), "t.employment", NULL, F_ENUM (employment_labels),
    FALSE, FALSE },
  { "registration_no", N_("Registration No."), "t.registration_no", NULL, F_TEXT, FALSE,
    FALSE },
  { "joined_on", N_("Joined on"), "t.joined_on", NULL, F_TEXT, FALSE, FALSE },
  { "left_on", N_("Left on"), "t.left_on", NULL, F_TEXT, FALSE, FALSE },
};

static const ZichaColumnQuery qualification_columns[] = {
  { "person", N_("Name"), "p.name", "p.name_key", F_TEXT, TRUE, FALSE },
  { "person_id", N_("Person ID"), "p.person_id", NULL, F_TEXT, TRUE, FALSE },
  { "scheme", N_("Scheme"), "t.scheme", NULL, F_TEXT, FALSE, FALSE },
  { "grade", N_("Grade"), "t.grade", NULL, F_ENUM (grade_labels), FALSE, FALSE },
  { "valid_from", N_("Valid from"), "t.valid_from", NULL, F_TEXT, FALSE, FALSE },
  { "valid_to", N_("Valid to"), "t.valid_to", NULL, F_TEXT, FALSE, FALSE },
};

static const ZichaColumnQuery competence_columns[] = {
  { "person", N_("Name"), "p.name", "p.name_key", F_TEXT, TRUE, FALSE },
  { "person_id", N_("Person ID"), "p.person_id", NULL, F_TEXT, TRUE, FALSE },
  { "scheme", N_("Scheme"), "t.scheme", NULL, F_TEXT, FALSE, FALSE },
  { "code", N_("Scope code"), "t.code", NULL, F_TEXT, FALSE, FALSE },
  { "approved_on", N_("Approved on"), "t.approved_on", NULL, F_TEXT, FALSE, FALSE },
};

static const ZichaColumnQuery event_columns[] = {
  { "cert_no", N_("Certificate No."), "c.cert_no", "t.cert", F_TEXT, TRUE, FALSE },
  { "event", N_("Event"), "t.event", NULL, F_ENUM (event_labels), FALSE, FALSE },
  { "on", N_("Date"), "t.on_date", NULL, F_TEXT, FALSE, FALSE },
  { "reason", N_("Reason"), "t.reason", NULL, F_TEXT, FALSE, FALSE },
  { "origin", N_("Origin"), "t.origin", NULL, F_ENUM (origin_labels), FALSE, TRUE },
};

static const ZichaColumnQuery audit_columns[] = {
  { "audit_id", N_("Audit ID"), "t.audit_id", NULL, F_TEXT, FALSE, FALSE },
  { "org", N_("Organization"), "o.name", "o.name_key", F_TEXT, TRUE, FALSE },
  { "cert_no", N_("Certificate No."), "c.cert_no", "t.cert", F_TEXT, TRUE, FALSE },
  { "scheme", N_("Scheme"), "t.scheme", NULL, F_TEXT, FALSE, FALSE },
  { "type", N_("Audit type"), "t.type", NULL, F_ENUM (type_labels), FALSE, FALSE },
  { "start_on", N_("Start"), "t.start_on", NULL, F_TEXT, FALSE, FALSE },
  { "end_on", N_("End"), "t.end_on", NULL, F_TEXT, FALSE, FALSE },
  { "onsite_days", N_("On-site days"), "t.onsite_days", NULL, F_DAYS, FALSE, FALSE },
  { "effective_personnel", N_("Effective personnel"), "t.effective_personnel", NULL, F_COUNT,
    FALSE, FALSE },
  { "complexity", N_("Complexity"), "t.complexity", NULL, F_ENUM (complexity_labels), FALSE,
    TRUE },
  { "planned_days", N_("Planned days"), "t.planned_days", NULL, F_DAYS, FALSE, TRUE },
  { "reduction_pct", N_("Reduction (%)"), "t.reduction_pct", NULL, F_DECIMAL, FALSE, TRUE },
  { "report_on", N_("Report date"), "t.report_on", NULL, F_TEXT, FALSE, TRUE },
  { "decision_on", N_("Decision date"), "t.decision_on", NULL, F_TEXT, FALSE, TRUE },
  { "decision_by", N_("Decision maker"), "d.name", NULL, F_TEXT, TRUE, TRUE },
  { "recorded_at", N_("Recorded at"), "t.recorded_at", NULL, F_TEXT, FALSE, TRUE },
};

static const ZichaColumnQuery team_columns[] = {
  { "audit_id", N_("Audit ID"), "a.audit_id", "t.audit", F_TEXT, TRUE, FALSE },
  { "person", N_("Name"), "p.name", "p.name_key", F_TEXT, TRUE, FALSE },
  { "role", N_("Role"), "t.role", NULL, F_ENUM (role_labels), FALSE, FALSE },
  { "days", N_("Auditor-days"), "t.days", NULL, F_DAYS, FALSE, FALSE },
  { "onsite_from", N_("On site from"), "t.onsite_from", NULL, F_TEXT, FALSE, FALSE },
  { "onsite_to", N_("On site to"), "t.onsite_to", NULL, F_TEXT, FALSE, FALSE },
};

static const ZichaColumnQuery expense_columns[] = {
  { "expense_id", N_("Expense ID"), "t.expense_id", NULL, F_TEXT, FALSE, FALSE },
  { "audit_id", N_("Audit ID"), "a.audit_id", "t.audit", F_TEXT, TRUE, FALSE },
  { "person", N_("Name"), "p.name", "p.name_key", F_TEXT, TRUE, FALSE },
  { "category", N_("Category"), "t.category", NULL, F_ENUM (category_labels), FALSE, FALSE },
  { "amount", N_("Amount (yuan)"), "t.amount", NULL, F_AMOUNT, FALSE, FALSE },
  { "paid_by", N_("Paid by"), "t.paid_by", NULL, F_ENUM (paid_by_labels), FALSE, FALSE },
  { "spent_on", N_("Date"), "t.spent_on", NULL, F_TEXT, FALSE, FALSE },
  { "note", N_("Note"), "t.note", NULL, F_TEXT, FALSE, TRUE },
};

static const ZichaColumnQuery penalty_columns[] = {
  { "penalty_id", N_("Penalty ID"), "t.penalty_id", NULL, F_TEXT, FALSE, FALSE },
  { "decided_on", N_("Decided on"), "t.decided_on", NULL, F_TEXT, FALSE, FALSE },
  { "authority", N_("Authority"), "t.authority", NULL, F_TEXT, FALSE, FALSE },
  { "decision_no", N_("Decision No."), "t.decision_no", NULL, F_TEXT, FALSE, FALSE },
  { "summary", N_("Summary"), "t.summary", NULL, F_TEXT, FALSE, FALSE },
  { "amount", N_("Amount (yuan)"), "t.amount", NULL, F_AMOUNT, FALSE, FALSE },
};

static const ZichaColumnQuery watch_columns[] = {
  { "org", N_("Organization"), "o.name", "o.name_key", F_TEXT, TRUE, FALSE },
  { "org_id", N_("Organization ID"), "o.org_id", NULL, F_TEXT, TRUE, FALSE },
  { "source", N_("Source"), "t.source", NULL, F_TEXT, FALSE, FALSE },
  { "notified_on", N_("Notified on"), "t.notified_on", NULL, F_TEXT, FALSE, FALSE },
  { "note", N_("Note"), "t.note", NULL, F_TEXT, FALSE, FALSE },
};

static const ZichaColumnQuery checkin_columns[] = {
  { "audit_id", N_("Audit ID"), "a.audit_id", "t.audit", F_TEXT, TRUE, FALSE },
  { "person", N_("Name"), "p.name", "p.name_key", F_TEXT, TRUE, FALSE },
  { "kind", N_("Type"), "t.kind", NULL, F_ENUM (checkin_labels), FALSE, FALSE },
  { "at", N_("Time"), "t.at", NULL, F_TEXT, FALSE, FALSE },
  { "distance_km", N_("Distance (km)"), "t.distance_km", "t.distance_um", F_DECIMAL, FALSE,
    FALSE },
  { "photos", N_("Photos"), "t.photos", NULL, F_COUNT, FALSE, FALSE },
};

static const ZichaColumnQuery complaint_columns[] = {
  { "complaint_id", N_("Complaint ID"), "t.complaint_id", NULL, F_TEXT, FALSE, FALSE },
  { "received_on", N_("Received on"), "t.received_on", NULL, F_TEXT, FALSE, FALSE },
  { "org", N_("Organization"), "o.name", "o.name_key", F_TEXT, TRUE, FALSE },
  { "cert_no", N_("Certificate No."), "c.cert_no", "t.cert", F_TEXT, TRUE, FALSE },
  { "person", N_("Person"), "p.name", "p.name_key", F_TEXT, TRUE, FALSE },
  { "summary", N_("Summary"), "t.summary", NULL, F_TEXT, FALSE, FALSE },
  { "closed_on", N_("Closed on"), "t.closed_on", NULL, F_TEXT, FALSE, FALSE },
};

#define COLS(a) a, G_N_ELEMENTS (a)

static const ZichaKindQuery kinds[ZICHA_N_RECORD_KINDS] = {
  [ZICHA_RECORD_PERSONNEL] = {
    ZICHA_RECORD_PERSONNEL, "personnel t", "personnel t",
    "(t.person_id" LIKE1 " OR t.name" LIKE1 " OR t.registration_no" LIKE1
    " OR instr (t.name_initials, ?2) > 0)",
    "person_id", COLS (person_columns), 0, { 1, 0 },
  },
  [ZICHA_RECORD_QUALIFICATIONS] = {
    ZICHA_RECORD_QUALIFICATIONS, "qualifications t JOIN personnel p ON p.id = t.person",
    "qualifications t",
    "(p.person_id" LIKE1 " OR p.name" LIKE1 " OR t.scheme" LIKE1
    " OR instr (p.name_initials, ?2) > 0)",
    NULL, COLS (qualification_columns), 0, { 0, 3 },
  },
  [ZICHA_RECORD_COMPETENCES] = {
    ZICHA_RECORD_COMPETENCES, "competences t JOIN personnel p ON p.id = t.person",
    "competences t",
    "(p.person_id" LIKE1 " OR p.name" LIKE1 " OR t.code" LIKE1
    " OR instr (p.name_initials, ?2) > 0)",
    NULL, COLS (competence_columns), 0, { 0, 3 },
  },
  [ZICHA_RECORD_ORGANIZATIONS] = {
    ZICHA_RECORD_ORGANIZATIONS, "organizations t", "organizations t",
    "(t.org_id" LIKE1 " OR t.name" LIKE1 " OR t.uscc" LIKE1
    " OR instr (t.name_initials, ?2) > 0)",
    "org_id", COLS (organization_columns), 0, { 1, -1 },
  },
  [ZICHA_RECORD_CERTIFICATES] = {
    ZICHA_RECORD_CERTIFICATES, "certificates t JOIN organizations o ON o.id = t.org",
    "certificates t",
    "(t.cert_no" LIKE1 " OR o.name" LIKE1 " OR o.org_id" LIKE1
    " OR instr (o.name_initials, ?2) > 0)",
    "cert_no", COLS (certificate_columns), 0, { 0, 1 },
  },
  [ZICHA_RECORD_CERTIFICATE_EVENTS] = {
    ZICHA_RECORD_CERTIFICATE_EVENTS,
    "certificate_events t JOIN certificates c ON c.id = t.cert", "certificate_events t",
    "(c.cert_no" LIKE1 " OR t.reason" LIKE1 ")",
    NULL, COLS (event_columns), 0, { 0, 1 },
  },
  [ZICHA_RECORD_AUDITS] = {
    ZICHA_RECORD_AUDITS,
    "audits t JOIN organizations o ON o.id = t.org LEFT JOIN certificates c ON c.id = t.cert"
    " LEFT JOIN personnel d ON d.id = t.decision_by",
    "audits t",
    "(t.audit_id" LIKE1 " OR o.name" LIKE1 " OR c.cert_no" LIKE1
    " OR instr (o.name_initials, ?2) > 0)",
    "audit_id", COLS (audit_columns), 0, { 0, 1 },
  },
  [ZICHA_RECORD_AUDIT_TEAM] = {
    ZICHA_RECORD_AUDIT_TEAM,
    "audit_team t JOIN audits a ON a.id = t.audit JOIN personnel p ON p.id = t.person",
    "audit_team t",
    "(a.audit_id" LIKE1 " OR p.name" LIKE1 " OR p.person_id" LIKE1
    " OR instr (p.name_initials, ?2) > 0)",
    NULL, COLS (team_columns), 0, { 0, 1 },
  },
  [ZICHA_RECORD_EXPENSES] = {
    ZICHA_RECORD_EXPENSES,
    "expenses t JOIN audits a ON a.id = t.audit JOIN personnel p ON p.id = t.person",
    "expenses t",
    "(t.expense_id" LIKE1 " OR a.audit_id" LIKE1 " OR p.name" LIKE1
    " OR instr (p.name_initials, ?2) > 0)",
    "expense_id", COLS (expense_columns), 0, { 0, 2 },
  },
  [ZICHA_RECORD_PENALTIES] = {
    ZICHA_RECORD_PENALTIES, "penalties t", "penalties t",
    "(t.penalty_id" LIKE1 " OR t.authority" LIKE1 " OR t.decision_no" LIKE1
    " OR t.summary" LIKE1 ")",
    "penalty_id", COLS (penalty_columns), 1, { 0, 2 },
  },
  [ZICHA_RECORD_WATCHLIST] = {
    ZICHA_RECORD_WATCHLIST, "watchlist t JOIN organizations o ON o.id = t.org", "watchlist t",
    "(o.org_id" LIKE1 " OR o.name" LIKE1 " OR t.source" LIKE1
    " OR instr (o.name_initials, ?2) > 0)",
    NULL, COLS (watch_columns), 0, { 0, 2 },
  },
  [ZICHA_RECORD_CHECKINS] = {
    ZICHA_RECORD_CHECKINS,
    "checkins t JOIN audits a ON a.id = t.audit JOIN personnel p ON p.id = t.person",
    "checkins t",
    "(a.audit_id" LIKE1 " OR p.name" LIKE1 " OR instr (p.name_initials, ?2) > 0)",
    NULL, COLS (checkin_columns), 0, { 0, 1 },
  },
  [ZICHA_RECORD_COMPLAINTS] = {
    ZICHA_RECORD_COMPLAINTS,
    "complaints t LEFT JOIN organizations o ON o.id = t.org"
    " LEFT JOIN certificates c ON c.id = t.cert LEFT JOIN personnel p ON p.id = t.person",
    "complaints t",
    "(t.complaint_id" LIKE1 " OR o.name" LIKE1 " OR c.cert_no" LIKE1 " OR p.name" LIKE1
    " OR t.summary" LIKE1 " OR instr (o.name_initials, ?2) > 0"
    " OR instr (p.name_initials, ?2) > 0)",
    "complaint_id", COLS (complaint_columns), 0, { 0, 5 },
  },
};

const ZichaKindQuery *
zicha_kind_query_get (ZichaRecordKind kind)
{
  if (kind >= ZICHA_N_RECORD_KINDS || kinds[kind].from == NULL)
    return NULL;
  return &kinds[kind];
}

char *
zicha_kind_query_build_ids_sql (const ZichaKindQuery *info,
                                guint                 sort_column,
                                gboolean              descending,
                                gboolean              search)
{
  const ZichaColumnQuery *col;
  const char *dir = descending ? " DESC" : "";
  GString *sql;

  g_assert (info != NULL);
  g_assert (sort_column < info->n_columns);

  col = &info->columns[sort_column];
  sql = g_string_new ("SELECT t.id FROM ");
  g_string_append (sql, search || col->needs_join ? info->from : info->from_plain);
  if (search)
    g_string_append_printf (sql, " WHERE %s", info->search);
  g_string_append_printf (sql, " ORDER BY %s%s, t.id%s",
                          col->order != NULL ? col->order : col->expr, dir, dir);
  return g_string_free (sql, FALSE);
}

char *
zicha_kind_query_build_row_sql (const ZichaKindQuery *info)
{
  GString *sql = g_string_new ("SELECT t.id");

  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, ", %s", info->columns[i].expr);
  g_string_append_printf (sql, " FROM %s WHERE t.id = ?1", info->from);
  return g_string_free (sql, FALSE);
}

static char *
format_hundredths (gint64   value,
                   gboolean trim)
{
  gboolean negative = value < 0;
  guint64 v = negative ? (guint64) -(value + 1) + 1 : (guint64) value;
  guint64 whole = v / 100;
  guint frac = (guint) (v % 100);

  if (trim && frac == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, negative ? "-" : "", whole);
  if (trim && frac % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u", negative ? "-" : "", whole, frac / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", negative ? "-" : "", whole, frac);
}

static const char *
enum_label (const ZichaEnumLabel *labels,
            const char           *value)
{
  for (const ZichaEnumLabel *l = labels; l != NULL && l->value != NULL; l++)
    if (g_str_equal (l->value, value))
      return g_dpgettext2 (GETTEXT_PACKAGE, l->context, l->label);
  return value;
}

char *
zicha_record_format_value (const ZichaFormatSpec *fmt,
                           sqlite3_stmt          *stmt,
                           int                    index)
{
  const char *text;

  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return g_strdup ("");

  switch (fmt->format)
    {
    case ZICHA_FORMAT_HUNDREDTHS:
      return format_hundredths (sqlite3_column_int64 (stmt, index), TRUE);

    case ZICHA_FORMAT_AMOUNT:
      return format_hundredths (sqlite3_column_int64 (stmt, index), FALSE);

    case ZICHA_FORMAT_ENUM:
      text = (const char *) sqlite3_column_text (stmt, index);
      return g_strdup (enum_label (fmt->labels, text != NULL ? text : ""));

    case ZICHA_FORMAT_COUNT:
    case ZICHA_FORMAT_TEXT:
    case ZICHA_FORMAT_NUMBER_TEXT:
    default:
      text = (const char *) sqlite3_column_text (stmt, index);
      return g_strdup (text != NULL ? text : "");
    }
}

void
zicha_record_search_params (const char  *text,
                            char       **out_like,
                            char       **out_initials)
{
  GString *like = g_string_new ("%");
  gboolean ascii_word = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (like, '\\');
      g_string_append_c (like, *p);
      if (!g_ascii_isalnum (*p))
        ascii_word = FALSE;
    }
  g_string_append_c (like, '%');

  *out_like = g_string_free (like, FALSE);
  *out_initials = ascii_word && text[0] != '\0' ? g_ascii_strdown (text, -1) : NULL;
}

/* Details ---------------------------------------------------------------------------------- */

static void
field_free (gpointer data)
{
  ZichaRecordField *field = data;

  g_free (field->label);
  g_free (field->value);
  g_free (field);
}

GPtrArray *
zicha_record_get_fields (ZichaDb          *db,
                         ZichaRecordKind   kind,
                         gint64            id,
                         GError          **error)
{
  const ZichaKindQuery *info = zicha_kind_query_get (kind);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  handle = zicha_db_get_handle (db);
  sql = zicha_kind_query_build_row_sql (info);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, error, _("Could not read the record"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                     _("The record is no longer in the database."));
      else
        zicha_db_set_error (db, error, _("Could not read the record"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  fields = g_ptr_array_new_with_free_func (field_free);
  for (guint i = 0; i < info->n_columns; i++)
    {
      ZichaRecordField *field = g_new0 (ZichaRecordField, 1);

      field->label = g_strdup (_(info->columns[i].title));
      field->value = zicha_record_format_value (&info->columns[i].fmt, stmt, (int) i + 1);
      g_ptr_array_add (fields, field);
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&fields);
}

gint64
zicha_record_find_by_key (ZichaDb          *db,
                          ZichaRecordKind   kind,
                          const char       *key)
{
  const ZichaKindQuery *info = zicha_kind_query_get (kind);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);
  g_return_val_if_fail (key != NULL, 0);

  if (info == NULL || info->key_column == NULL)
    return 0;

  sql = g_strdup_printf ("SELECT t.id FROM %s WHERE t.%s = ?1", info->from_plain,
                         info->key_column);
  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* Related records -------------------------------------------------------------------------- */

/* One section of related records: @sql selects (id, title, three subtitle parts) for the
 * row id ?1, at most ZICHA_RELATED_MAX_PER_SECTION + 1 rows. */
typedef struct
{
  ZichaRecordKind  of;
  const char      *section;    /* N_() */
  ZichaRecordKind  kind;
  const char      *sql;
  ZichaFormatSpec  fmt[4];
} RelatedQuery;

#define LIMIT " LIMIT 201"

static const RelatedQuery related_queries[] = {
  /* A certificate */
  { ZICHA_RECORD_CERTIFICATES, N_("Organization"), ZICHA_RECORD_ORGANIZATIONS,
    "SELECT o.id, o.name, o.org_id, o.province, o.uscc FROM certificates c"
    " JOIN organizations o ON o.id = c.org WHERE c.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_CERTIFICATES, N_("Audits"), ZICHA_RECORD_AUDITS,
    "SELECT a.id, a.audit_id, a.type, a.start_on, a.end_on FROM audits a WHERE a.cert = ?1"
    " ORDER BY a.start_on, a.id" LIMIT,
    { F_TEXT, F_ENUM (type_labels), F_TEXT, F_TEXT } },
  { ZICHA_RECORD_CERTIFICATES, N_("Audit team"), ZICHA_RECORD_PERSONNEL,
    "SELECT p.id, p.name, tm.role, a.audit_id, tm.days FROM audits a"
    " JOIN audit_team tm ON tm.audit = a.id JOIN personnel p ON p.id = tm.person"
    " WHERE a.cert = ?1 ORDER BY a.start_on, a.id, tm.id" LIMIT,
    { F_TEXT, F_ENUM (role_labels), F_TEXT, F_DAYS } },
  { ZICHA_RECORD_CERTIFICATES, N_("Certificate history"), ZICHA_RECORD_CERTIFICATE_EVENTS,
    "SELECT e.id, e.event, e.on_date, e.reason, NULL FROM certificate_events e"
    " WHERE e.cert = ?1 ORDER BY e.on_date, e.id" LIMIT,
    { F_ENUM (event_labels), F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_CERTIFICATES, N_("Complaints and reports"), ZICHA_RECORD_COMPLAINTS,
    "SELECT k.id, k.complaint_id, k.received_on, k.summary, NULL FROM complaints k"
    " WHERE k.cert = ?1 ORDER BY k.received_on" LIMIT,
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },

  /* A person */
  { ZICHA_RECORD_PERSONNEL, N_("Qualifications"), ZICHA_RECORD_QUALIFICATIONS,
    "SELECT q.id, q.scheme, q.grade, q.valid_from, q.valid_to FROM qualifications q"
    " WHERE q.person = ?1 ORDER BY q.valid_from, q.id" LIMIT,
    { F_TEXT, F_ENUM (grade_labels), F_TEXT, F_TEXT } },
  { ZICHA_RECORD_PERSONNEL, N_("Professional competences"), ZICHA_RECORD_COMPETENCES,
    "SELECT m.id, m.scheme || ' ' || m.code, m.approved_on, NULL, NULL FROM competences m"
    " WHERE m.person = ?1 ORDER BY m.scheme, m.code" LIMIT,
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_PERSONNEL, N_("Audits"), ZICHA_RECORD_AUDITS,
    "SELECT a.id, a.audit_id, tm.role, a.start_on, o.name FROM audit_team tm"
    " JOIN audits a ON a.id = tm.audit JOIN organizations o ON o.id = a.org"
    " WHERE tm.person = ?1 ORDER BY a.start_on DESC, a.id DESC" LIMIT,
    { F_TEXT, F_ENUM (role_labels), F_TEXT, F_TEXT } },
  { ZICHA_RECORD_PERSONNEL, N_("Certification decisions"), ZICHA_RECORD_AUDITS,
    "SELECT a.id, a.audit_id, a.type, a.decision_on, NULL FROM audits a"
    " WHERE a.decision_by = ?1 ORDER BY a.decision_on DESC, a.id DESC" LIMIT,
    { F_TEXT, F_ENUM (type_labels), F_TEXT, F_TEXT } },

  /* An organization */
  { ZICHA_RECORD_ORGANIZATIONS, N_("Certificates"), ZICHA_RECORD_CERTIFICATES,
    "SELECT c.id, c.cert_no, c.scheme, c.status, c.expires_on FROM certificates c"
    " WHERE c.org = ?1 ORDER BY c.issued_on, c.id" LIMIT,
    { F_TEXT, F_TEXT, F_ENUM (status_labels), F_TEXT } },
  { ZICHA_RECORD_ORGANIZATIONS, N_("Audits"), ZICHA_RECORD_AUDITS,
    "SELECT a.id, a.audit_id, a.type, a.start_on, a.end_on FROM audits a WHERE a.org = ?1"
    " ORDER BY a.start_on, a.id" LIMIT,
    { F_TEXT, F_ENUM (type_labels), F_TEXT, F_TEXT } },
  { ZICHA_RECORD_ORGANIZATIONS, N_("Watch list"), ZICHA_RECORD_WATCHLIST,
    "SELECT w.id, w.source, w.notified_on, w.note, NULL FROM watchlist w WHERE w.org = ?1"
    " ORDER BY w.notified_on" LIMIT,
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_ORGANIZATIONS, N_("Complaints and reports"), ZICHA_RECORD_COMPLAINTS,
    "SELECT k.id, k.complaint_id, k.received_on, k.summary, NULL FROM complaints k"
    " WHERE k.org = ?1 ORDER BY k.received_on" LIMIT,
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },

  /* An audit */
  { ZICHA_RECORD_AUDITS, N_("Certificate"), ZICHA_RECORD_CERTIFICATES,
    "SELECT c.id, c.cert_no, c.scheme, c.status, c.expires_on FROM audits a"
    " JOIN certificates c ON c.id = a.cert WHERE a.id = ?1",
    { F_TEXT, F_TEXT, F_ENUM (status_labels), F_TEXT } },
  { ZICHA_RECORD_AUDITS, N_("Organization"), ZICHA_RECORD_ORGANIZATIONS,
    "SELECT o.id, o.name, o.org_id, o.province, NULL FROM audits a"
    " JOIN organizations o ON o.id = a.org WHERE a.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_AUDITS, N_("Audit team"), ZICHA_RECORD_PERSONNEL,
    "SELECT p.id, p.name, tm.role, tm.days, tm.onsite_from FROM audit_team tm"
    " JOIN personnel p ON p.id = tm.person WHERE tm.audit = ?1 ORDER BY tm.id" LIMIT,
    { F_TEXT, F_ENUM (role_labels), F_DAYS, F_TEXT } },
  { ZICHA_RECORD_AUDITS, N_("Travel and lodging expenses"), ZICHA_RECORD_EXPENSES,
    "SELECT x.id, x.expense_id, x.category, x.amount, p.name FROM expenses x"
    " JOIN personnel p ON p.id = x.person WHERE x.audit = ?1 ORDER BY x.spent_on, x.id" LIMIT,
    { F_TEXT, F_ENUM (category_labels), F_AMOUNT, F_TEXT } },
  { ZICHA_RECORD_AUDITS, N_("On-site check-ins"), ZICHA_RECORD_CHECKINS,
    "SELECT k.id, p.name, k.kind, k.at, k.distance_km FROM checkins k"
    " JOIN personnel p ON p.id = k.person WHERE k.audit = ?1 ORDER BY k.at, k.id" LIMIT,
    { F_TEXT, F_ENUM (checkin_labels), F_TEXT, F_DECIMAL } },

  /* The records that hang off the others */
  { ZICHA_RECORD_EXPENSES, N_("Audit"), ZICHA_RECORD_AUDITS,
    "SELECT a.id, a.audit_id, a.type, a.start_on, NULL FROM expenses x"
    " JOIN audits a ON a.id = x.audit WHERE x.id = ?1",
    { F_TEXT, F_ENUM (type_labels), F_TEXT, F_TEXT } },
  { ZICHA_RECORD_EXPENSES, N_("Person"), ZICHA_RECORD_PERSONNEL,
    "SELECT p.id, p.name, p.person_id, NULL, NULL FROM expenses x"
    " JOIN personnel p ON p.id = x.person WHERE x.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_CHECKINS, N_("Audit"), ZICHA_RECORD_AUDITS,
    "SELECT a.id, a.audit_id, a.type, a.start_on, NULL FROM checkins k"
    " JOIN audits a ON a.id = k.audit WHERE k.id = ?1",
    { F_TEXT, F_ENUM (type_labels), F_TEXT, F_TEXT } },
  { ZICHA_RECORD_CHECKINS, N_("Person"), ZICHA_RECORD_PERSONNEL,
    "SELECT p.id, p.name, p.person_id, NULL, NULL FROM checkins k"
    " JOIN personnel p ON p.id = k.person WHERE k.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_AUDIT_TEAM, N_("Audit"), ZICHA_RECORD_AUDITS,
    "SELECT a.id, a.audit_id, a.type, a.start_on, NULL FROM audit_team tm"
    " JOIN audits a ON a.id = tm.audit WHERE tm.id = ?1",
    { F_TEXT, F_ENUM (type_labels), F_TEXT, F_TEXT } },
  { ZICHA_RECORD_AUDIT_TEAM, N_("Person"), ZICHA_RECORD_PERSONNEL,
    "SELECT p.id, p.name, p.person_id, NULL, NULL FROM audit_team tm"
    " JOIN personnel p ON p.id = tm.person WHERE tm.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_QUALIFICATIONS, N_("Person"), ZICHA_RECORD_PERSONNEL,
    "SELECT p.id, p.name, p.person_id, NULL, NULL FROM qualifications q"
    " JOIN personnel p ON p.id = q.person WHERE q.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_COMPETENCES, N_("Person"), ZICHA_RECORD_PERSONNEL,
    "SELECT p.id, p.name, p.person_id, NULL, NULL FROM competences m"
    " JOIN personnel p ON p.id = m.person WHERE m.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_CERTIFICATE_EVENTS, N_("Certificate"), ZICHA_RECORD_CERTIFICATES,
    "SELECT c.id, c.cert_no, c.scheme, c.status, NULL FROM certificate_events e"
    " JOIN certificates c ON c.id = e.cert WHERE e.id = ?1",
    { F_TEXT, F_TEXT, F_ENUM (status_labels), F_TEXT } },
  { ZICHA_RECORD_WATCHLIST, N_("Organization"), ZICHA_RECORD_ORGANIZATIONS,
    "SELECT o.id, o.name, o.org_id, NULL, NULL FROM watchlist w"
    " JOIN organizations o ON o.id = w.org WHERE w.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_COMPLAINTS, N_("Organization"), ZICHA_RECORD_ORGANIZATIONS,
    "SELECT o.id, o.name, o.org_id, NULL, NULL FROM complaints k"
    " JOIN organizations o ON o.id = k.org WHERE k.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
  { ZICHA_RECORD_COMPLAINTS, N_("Certificate"), ZICHA_RECORD_CERTIFICATES,
    "SELECT c.id, c.cert_no, c.scheme, c.status, NULL FROM complaints k"
    " JOIN certificates c ON c.id = k.cert WHERE k.id = ?1",
    { F_TEXT, F_TEXT, F_ENUM (status_labels), F_TEXT } },
  { ZICHA_RECORD_COMPLAINTS, N_("Person"), ZICHA_RECORD_PERSONNEL,
    "SELECT p.id, p.name, p.person_id, NULL, NULL FROM complaints k"
    " JOIN personnel p ON p.id = k.person WHERE k.id = ?1",
    { F_TEXT, F_TEXT, F_TEXT, F_TEXT } },
};

static void
related_free (gpointer data)
{
  ZichaRelatedRecord *rec = data;

  g_free (rec->section);
  g_free (rec->title);
  g_free (rec->subtitle);
  g_free (rec);
}

GPtrArray *
zicha_record_get_related (ZichaDb          *db,
                          ZichaRecordKind   kind,
                          gint64            id,
                          GError          **error)
{
  g_autoptr(GPtrArray) related = NULL;
  sqlite3 *handle;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (kind < ZICHA_N_RECORD_KINDS, NULL);

  handle = zicha_db_get_handle (db);
  related = g_ptr_array_new_with_free_func (related_free);

  for (guint q = 0; q < G_N_ELEMENTS (related_queries); q++)
    {
      const RelatedQuery *query = &related_queries[q];
      sqlite3_stmt *stmt = NULL;
      guint n = 0;
      int rc;

      if (query->of != kind)
        continue;

      if (sqlite3_prepare_v2 (handle, query->sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          zicha_db_set_error (db, error, _("Could not read the related records"));
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && n < ZICHA_RELATED_MAX_PER_SECTION)
        {
          ZichaRelatedRecord *rec = g_new0 (ZichaRelatedRecord, 1);
          GString *subtitle = g_string_new (NULL);

          rec->section = g_strdup (_(query->section));
          rec->kind = query->kind;
          rec->id = sqlite3_column_int64 (stmt, 0);
          rec->title = zicha_record_format_value (&query->fmt[0], stmt, 1);
          for (int c = 2; c <= 4; c++)
            {
              g_autofree char *part = zicha_record_format_value (&query->fmt[c - 1], stmt, c);

              if (part[0] == '\0')
                continue;
              if (subtitle->len > 0)
                g_string_append (subtitle, " · ");
              g_string_append (subtitle, part);
            }
          rec->subtitle = g_string_free (subtitle, FALSE);
          g_ptr_array_add (related, rec);
          n++;
        }
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          zicha_db_set_error (db, error, _("Could not read the related records"));
          sqlite3_finalize (stmt);
          return NULL;
        }
      sqlite3_finalize (stmt);
    }

  return g_steal_pointer (&related);
}
