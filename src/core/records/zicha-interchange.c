/* zicha-interchange.c — interchange format v1 (docs INTERCHANGE.md) as data tables
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-interchange"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zicha-error.h"
#include "zicha-interchange.h"

/* Enumerated values with the Chinese labels of the table at the end of INTERCHANGE.md. */

static const ZichaEnumValue employment_values[] = {
  { "full_time", { "全职", "专职" } },
  { "part_time", { "兼职" } },
  { NULL },
};

static const ZichaEnumValue grade_values[] = {
  { "trainee", { "实习审核员" } },
  { "auditor", { "审核员" } },
  { "lead_auditor", { "高级审核员" } },
  { "technical_expert", { "技术专家" } },
  { NULL },
};

static const ZichaEnumValue status_values[] = {
  { "valid", { "有效" } },
  { "suspended", { "暂停" } },
  { "withdrawn", { "撤销" } },
  { "cancelled", { "注销" } },
  { "expired", { "过期" } },
  { NULL },
};

static const ZichaEnumValue event_values[] = {
  { "issue", { "发证" } },
  { "renew", { "换证" } },
  { "suspend", { "暂停" } },
  { "restore", { "恢复" } },
  { "withdraw", { "撤销" } },
  { "cancel", { "注销" } },
  { "expand", { "扩大" } },
  { "reduce", { "缩小" } },
  { NULL },
};

static const ZichaEnumValue type_values[] = {
  { "stage1", { "第一阶段审核" } },
  { "stage2", { "第二阶段审核" } },
  { "surveillance", { "监督审核" } },
  { "recertification", { "再认证审核" } },
  { "special", { "特殊审核" } },
  { "short_notice", { "提前较短时间通知的审核" } },
  { "transfer", { "认证转换" } },
  { NULL },
};

static const ZichaEnumValue complexity_values[] = {
  { "high", { "高" } },
  { "medium", { "中" } },
  { "low", { "低" } },
  { "limited", { "有限" } },
  { NULL },
};

static const ZichaEnumValue role_values[] = {
  { "leader", { "审核组长" } },
  { "auditor", { "审核员" } },
  { "expert", { "技术专家" } },
  { "trainee", { "实习审核员" } },
  { "observer", { "观察员" } },
  { NULL },
};

static const ZichaEnumValue category_values[] = {
  { "travel", { "交通" } },
  { "lodging", { "住宿" } },
  { "meals", { "餐饮" } },
  { "other", { "其他" } },
  { NULL },
};

static const ZichaEnumValue paid_by_values[] = {
  { "body", { "认证机构", "认证机构支付" } },
  { "client", { "受审核方", "受审核方支付" } },
  { NULL },
};

static const ZichaEnumValue kind_values[] = {
  { "in", { "签到" } },
  { "out", { "签退" } },
  { NULL },
};

/* Known schemes as written in DOMAIN.md section 2, with their Chinese names. */
static const ZichaEnumValue scheme_values[] = {
  { "QMS", { "质量管理体系" } },
  { "EMS", { "环境管理体系" } },
  { "OHSMS", { "职业健康安全管理体系" } },
  { "FSMS", { "食品安全管理体系" } },
  { "HACCP", { "危害分析与关键控制点体系" } },
  { "ISMS", { "信息安全管理体系" } },
  { "ITSMS", { "信息技术服务管理体系" } },
  { "EnMS", { "能源管理体系" } },
  { NULL },
};

#define T ZICHA_VALUE_TEXT
#define COL(name, label, type, req, dbcol) { name, label, type, req, dbcol, 0, NULL }
#define REF(name, label, req, dbcol, kind) \
  { name, label, ZICHA_VALUE_REFERENCE, req, dbcol, ZICHA_RECORD_##kind, NULL }
#define ENUM(name, label, req, values) \
  { name, label, ZICHA_VALUE_ENUM, req, name, 0, values }

static const ZichaColumn body_columns[] = {
  COL ("name", "机构名称", T, TRUE, "name"),
  COL ("approval_no", "批准书编号", T, TRUE, "approval_no"),
  COL ("uscc", "统一社会信用代码", ZICHA_VALUE_USCC, FALSE, "uscc"),
  COL ("address", "地址", T, FALSE, "address"),
  COL ("contact", "联系人", T, FALSE, "contact"),
};

static const ZichaColumn approved_scope_columns[] = {
  COL ("scheme", "认证领域", ZICHA_VALUE_SCHEME, TRUE, "scheme"),
  COL ("code", "专业代码", ZICHA_VALUE_SCOPE_CODE, TRUE, "code"),
  COL ("granted_on", "批准日期", ZICHA_VALUE_DATE, TRUE, "granted_on"),
  COL ("withdrawn_on", "撤销日期", ZICHA_VALUE_DATE, FALSE, "withdrawn_on"),
};
static const ZichaOrderedPair approved_scope_pairs[] = {
  { "granted_on", "withdrawn_on", TRUE },
};

static const ZichaColumn personnel_columns[] = {
  COL ("person_id", "人员编号", ZICHA_VALUE_KEY, TRUE, "person_id"),
  COL ("name", "姓名", T, TRUE, "name"),
  ENUM ("employment", "用工性质", TRUE, employment_values),
  COL ("joined_on", "入职日期", ZICHA_VALUE_DATE, FALSE, "joined_on"),
  COL ("left_on", "离职日期", ZICHA_VALUE_DATE, FALSE, "left_on"),
  COL ("registration_no", "注册证书号", T, FALSE, "registration_no"),
};
static const ZichaOrderedPair personnel_pairs[] = {
  { "joined_on", "left_on", FALSE },
};

static const ZichaColumn qualifications_columns[] = {
  REF ("person_id", NULL, TRUE, "person", PERSONNEL),
  COL ("scheme", NULL, ZICHA_VALUE_SCHEME, TRUE, "scheme"),
  ENUM ("grade", "级别", TRUE, grade_values),
  COL ("valid_from", "有效期起", ZICHA_VALUE_DATE, TRUE, "valid_from"),
  COL ("valid_to", "有效期止", ZICHA_VALUE_DATE, FALSE, "valid_to"),
};
static const ZichaOrderedPair qualifications_pairs[] = {
  { "valid_from", "valid_to", FALSE },
};

static const ZichaColumn competences_columns[] = {
  REF ("person_id", NULL, TRUE, "person", PERSONNEL),
  COL ("scheme", NULL, ZICHA_VALUE_SCHEME, TRUE, "scheme"),
  COL ("code", NULL, ZICHA_VALUE_SCOPE_CODE, TRUE, "code"),
  COL ("approved_on", "评定日期", ZICHA_VALUE_DATE, TRUE, "approved_on"),
};

static const ZichaColumn organizations_columns[] = {
  COL ("org_id", "组织编号", ZICHA_VALUE_KEY, TRUE, "org_id"),
  COL ("name", "组织名称", T, TRUE, "name"),
  COL ("uscc", NULL, ZICHA_VALUE_USCC, FALSE, "uscc"),
  COL ("province", "省份", T, FALSE, "province"),
  COL ("address", NULL, T, FALSE, "address"),
  COL ("employees", "员工人数", ZICHA_VALUE_COUNT, FALSE, "employees"),
  COL ("sites", "场所数", ZICHA_VALUE_COUNT, FALSE, "sites"),
};

static const ZichaColumn certificates_columns[] = {
  COL ("cert_no", "证书编号", ZICHA_VALUE_KEY, TRUE, "cert_no"),
  REF ("org_id", NULL, TRUE, "org", ORGANIZATIONS),
  COL ("scheme", NULL, ZICHA_VALUE_SCHEME, TRUE, "scheme"),
  COL ("scope_codes", "专业代码", ZICHA_VALUE_SCOPE_CODES, TRUE, "scope_codes"),
  COL ("scope_text", "认证范围", T, FALSE, "scope_text"),
  COL ("issued_on", "发证日期", ZICHA_VALUE_DATE, TRUE, "issued_on"),
  COL ("expires_on", "到期日期", ZICHA_VALUE_DATE, TRUE, "expires_on"),
  ENUM ("status", "证书状态", TRUE, status_values),
  COL ("status_on", "状态日期", ZICHA_VALUE_DATE, FALSE, "status_on"),
  COL ("reported_on", "上报日期", ZICHA_VALUE_DATE, FALSE, "reported_on"),
};
static const ZichaOrderedPair certificates_pairs[] = {
  { "issued_on", "expires_on", TRUE },
};

static const ZichaColumn certificate_events_columns[] = {
  REF ("cert_no", NULL, TRUE, "cert", CERTIFICATES),
  ENUM ("event", "事件", TRUE, event_values),
  COL ("on", "日期", ZICHA_VALUE_DATE, TRUE, "on_date"),
  COL ("reason", "原因", T, FALSE, "reason"),
};

static const ZichaColumn audits_columns[] = {
  COL ("audit_id", "审核编号", ZICHA_VALUE_KEY, TRUE, "audit_id"),
  REF ("org_id", NULL, TRUE, "org", ORGANIZATIONS),
  REF ("cert_no", NULL, FALSE, "cert", CERTIFICATES),
  COL ("scheme", NULL, ZICHA_VALUE_SCHEME, TRUE, "scheme"),
  ENUM ("type", "审核类型", TRUE, type_values),
  COL ("start_on", "开始日期", ZICHA_VALUE_DATE, TRUE, "start_on"),
  COL ("end_on", "结束日期", ZICHA_VALUE_DATE, TRUE, "end_on"),
  COL ("effective_personnel", "有效人数", ZICHA_VALUE_COUNT, FALSE, "effective_personnel"),
  ENUM ("complexity", "复杂程度", FALSE, complexity_values),
  COL ("planned_days", "计划人日", ZICHA_VALUE_HUNDREDTHS, FALSE, "planned_days"),
  COL ("onsite_days", "现场人日", ZICHA_VALUE_HUNDREDTHS, TRUE, "onsite_days"),
  COL ("reduction_pct", "减少比例", ZICHA_VALUE_DECIMAL, FALSE, "reduction_pct"),
  COL ("report_on", "报告日期", ZICHA_VALUE_DATE, FALSE, "report_on"),
  COL ("decision_on", "决定日期", ZICHA_VALUE_DATE, FALSE, "decision_on"),
  REF ("decision_by", "决定人", FALSE, "decision_by", PERSONNEL),
  COL ("recorded_at", "录入时间", ZICHA_VALUE_TIMESTAMP, FALSE, "recorded_at"),
};
static const ZichaOrderedPair audits_pairs[] = {
  { "start_on", "end_on", FALSE },
};

static const ZichaColumn audit_team_columns[] = {
  REF ("audit_id", NULL, TRUE, "audit", AUDITS),
  REF ("person_id", NULL, TRUE, "person", PERSONNEL),
  ENUM ("role", "角色", TRUE, role_values),
  COL ("days", "人日", ZICHA_VALUE_HUNDREDTHS, FALSE, "days"),
  COL ("onsite_from", "到场日期", ZICHA_VALUE_DATE, FALSE, "onsite_from"),
  COL ("onsite_to", "离场日期", ZICHA_VALUE_DATE, FALSE, "onsite_to"),
};
static const ZichaOrderedPair audit_team_pairs[] = {
  { "onsite_from", "onsite_to", FALSE },
};

static const ZichaColumn expenses_columns[] = {
  COL ("expense_id", "费用编号", ZICHA_VALUE_KEY, TRUE, "expense_id"),
  REF ("audit_id", NULL, TRUE, "audit", AUDITS),
  REF ("person_id", NULL, TRUE, "person", PERSONNEL),
  ENUM ("category", "类别", TRUE, category_values),
  COL ("amount", "金额", ZICHA_VALUE_HUNDREDTHS, TRUE, "amount"),
  ENUM ("paid_by", "支付方", TRUE, paid_by_values),
  COL ("spent_on", "日期", ZICHA_VALUE_DATE, TRUE, "spent_on"),
  COL ("note", "备注", T, FALSE, "note"),
};

static const ZichaColumn penalties_columns[] = {
  COL ("penalty_id", "处罚编号", ZICHA_VALUE_KEY, TRUE, "penalty_id"),
  COL ("decided_on", "处罚日期", ZICHA_VALUE_DATE, TRUE, "decided_on"),
  COL ("authority", "处罚机关", T, TRUE, "authority"),
  COL ("decision_no", "决定书文号", T, FALSE, "decision_no"),
  COL ("summary", "事由", T, TRUE, "summary"),
  COL ("amount", NULL, ZICHA_VALUE_HUNDREDTHS, FALSE, "amount"),
};

static const ZichaColumn watchlist_columns[] = {
  REF ("org_id", NULL, TRUE, "org", ORGANIZATIONS),
  COL ("source", "来源", T, TRUE, "source"),
  COL ("notified_on", "通报日期", ZICHA_VALUE_DATE, TRUE, "notified_on"),
  COL ("note", NULL, T, FALSE, "note"),
};

static const ZichaColumn checkins_columns[] = {
  REF ("audit_id", NULL, TRUE, "audit", AUDITS),
  REF ("person_id", NULL, TRUE, "person", PERSONNEL),
  ENUM ("kind", "类型", TRUE, kind_values),
  COL ("at", "时间", ZICHA_VALUE_TIMESTAMP, TRUE, "at"),
  COL ("distance_km", "偏离距离", ZICHA_VALUE_DECIMAL, FALSE, "distance_km"),
  COL ("photos", "照片数", ZICHA_VALUE_COUNT, FALSE, "photos"),
};

static const ZichaColumn complaints_columns[] = {
  COL ("complaint_id", "投诉编号", ZICHA_VALUE_KEY, TRUE, "complaint_id"),
  COL ("received_on", "受理日期", ZICHA_VALUE_DATE, TRUE, "received_on"),
  REF ("org_id", NULL, FALSE, "org", ORGANIZATIONS),
  REF ("cert_no", NULL, FALSE, "cert", CERTIFICATES),
  REF ("person_id", NULL, FALSE, "person", PERSONNEL),
  COL ("summary", NULL, T, TRUE, "summary"),
  COL ("closed_on", "办结日期", ZICHA_VALUE_DATE, FALSE, "closed_on"),
};
static const ZichaOrderedPair complaints_pairs[] = {
  { "received_on", "closed_on", FALSE },
};

#undef T
#undef COL
#undef REF
#undef ENUM

#define FILE_FORMAT(kind, name, cols, pairs, n_pairs, ...) \
  [ZICHA_RECORD_##kind] = { ZICHA_RECORD_##kind, name ".csv", name, cols, G_N_ELEMENTS (cols), \
                            { __VA_ARGS__ }, pairs, n_pairs }

static const ZichaFileFormat files[ZICHA_N_RECORD_KINDS] = {
  FILE_FORMAT (BODY, "body", body_columns, NULL, 0, NULL),
  FILE_FORMAT (APPROVED_SCOPE, "approved_scope", approved_scope_columns,
               approved_scope_pairs, 1, "scheme", "code", "granted_on", NULL),
  FILE_FORMAT (PERSONNEL, "personnel", personnel_columns, personnel_pairs, 1,
               "person_id", NULL),
  FILE_FORMAT (QUALIFICATIONS, "qualifications", qualifications_columns,
               qualifications_pairs, 1, "person_id", "scheme", "grade", "valid_from", NULL),
  FILE_FORMAT (COMPETENCES, "competences", competences_columns, NULL, 0,
               "person_id", "scheme", "code", NULL),
  FILE_FORMAT (ORGANIZATIONS, "organizations", organizations_columns, NULL, 0, "org_id", NULL),
  FILE_FORMAT (CERTIFICATES, "certificates", certificates_columns, certificates_pairs, 1,
               "cert_no", NULL),
  FILE_FORMAT (CERTIFICATE_EVENTS, "certificate_events", certificate_events_columns, NULL, 0,
               "cert_no", "event", "on", NULL),
  FILE_FORMAT (AUDITS, "audits", audits_columns, audits_pairs, 1, "audit_id", NULL),
  FILE_FORMAT (AUDIT_TEAM, "audit_team", audit_team_columns, audit_team_pairs, 1,
               "audit_id", "person_id", NULL),
  FILE_FORMAT (EXPENSES, "expenses", expenses_columns, NULL, 0, "expense_id", NULL),
  FILE_FORMAT (PENALTIES, "penalties", penalties_columns, NULL, 0, "penalty_id", NULL),
  FILE_FORMAT (WATCHLIST, "watchlist", watchlist_columns, NULL, 0,
               "org_id", "source", "notified_on", NULL),
  FILE_FORMAT (CHECKINS, "checkins", checkins_columns, NULL, 0,
               "audit_id", "person_id", "kind", "at", NULL),
  FILE_FORMAT (COMPLAINTS, "complaints", complaints_columns, complaints_pairs, 1,
               "complaint_id", NULL),
};

#undef FILE_FORMAT

const ZichaFileFormat *
zicha_interchange_get_file (ZichaRecordKind kind)
{
  g_return_val_if_fail (kind < ZICHA_N_RECORD_KINDS, NULL);
  return &files[kind];
}

const ZichaFileFormat *
zicha_interchange_find_file (const char *file_name)
{
  g_return_val_if_fail (file_name != NULL, NULL);

  for (guint i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    if (strcmp (files[i].file_name, file_name) == 0)
      return &files[i];
  return NULL;
}

int
zicha_interchange_column_index (const ZichaFileFormat *file,
                                const char            *name)
{
  for (guint i = 0; i < file->n_columns; i++)
    if (strcmp (file->columns[i].name, name) == 0)
      return (int) i;
  return -1;
}

/* Whether @label is given in brackets for a column called @name anywhere in the format. */
static gboolean
is_label_of (const char *name,
             const char *label)
{
  for (guint f = 0; f < ZICHA_N_RECORD_KINDS; f++)
    for (guint c = 0; c < files[f].n_columns; c++)
      {
        const ZichaColumn *col = &files[f].columns[c];

        if (col->label != NULL && strcmp (col->name, name) == 0
            && strcmp (col->label, label) == 0)
          return TRUE;
      }
  return FALSE;
}

const ZichaColumn *
zicha_interchange_match_header (const ZichaFileFormat *file,
                                const char            *header)
{
  g_return_val_if_fail (file != NULL && header != NULL, NULL);

  for (guint c = 0; c < file->n_columns; c++)
    if (g_ascii_strcasecmp (file->columns[c].name, header) == 0)
      return &file->columns[c];
  for (guint c = 0; c < file->n_columns; c++)
    if (is_label_of (file->columns[c].name, header))
      return &file->columns[c];
  return NULL;
}

const char *
zicha_interchange_column_label (const ZichaFileFormat *file,
                                const ZichaColumn     *column)
{
  if (column->label != NULL)
    return column->label;
  for (guint f = 0; f < ZICHA_N_RECORD_KINDS; f++)
    for (guint c = 0; c < files[f].n_columns; c++)
      if (files[f].columns[c].label != NULL
          && strcmp (files[f].columns[c].name, column->name) == 0)
        return files[f].columns[c].label;
  return column->name;
}

gboolean
zicha_interchange_write_templates (const char  *dir,
                                   GError     **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: a folder, then the system's reason. */
                   _("Cannot create the folder %1$s: %2$s"), display, g_strerror (saved));
      return FALSE;
    }

  for (guint f = 0; f < ZICHA_N_RECORD_KINDS; f++)
    {
      g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
      g_autofree char *path = g_build_filename (dir, files[f].file_name, NULL);
      g_autoptr(GError) local_error = NULL;

      for (guint c = 0; c < files[f].n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (text, ',');
          g_string_append (text, zicha_interchange_column_label (&files[f], &files[f].columns[c]));
        }
      g_string_append (text, "\r\n");
      if (!g_file_set_contents (path, text->str, (gssize) text->len, &local_error))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                       /* Translators: %s is the system's reason. */
                       _("Cannot write the import templates: %s"), local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Value parsers ------------------------------------------------------------------------- */

char *
zicha_interchange_normalize_digits (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      /* U+FF10..U+FF19 are EF BC 90..99; U+FF0E (full-width full stop) is EF BC 8E. */
      if ((guchar) p[0] == 0xEF && (guchar) p[1] == 0xBC
          && (((guchar) p[2] >= 0x90 && (guchar) p[2] <= 0x99) || (guchar) p[2] == 0x8E))
        {
          g_string_append_c (out, (guchar) p[2] == 0x8E ? '.' : (char) ('0' + p[2] - 0x90));
          p += 3;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Reads 1 to @max digits; returns the number of digits read. */
static int
read_digits (const char **p,
             int          max,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n;
}

static void
put_digits (char *out,
            int   value,
            int   n)
{
  for (int i = n - 1; i >= 0; i--, value /= 10)
    out[i] = (char) ('0' + value % 10);
}

/* 'YYYY-MM-DD' without printf: dates are the most frequent values of an import. */
static void
format_date (char out[11],
             int  year,
             int  month,
             int  day)
{
  put_digits (out, year, 4);
  out[4] = '-';
  put_digits (out + 5, month, 2);
  out[7] = '-';
  put_digits (out + 8, day, 2);
  out[10] = '\0';
}

/* Parses a date at the start of @text; *end points after it. */
static gboolean
parse_date_prefix (const char  *text,
                   const char **end,
                   char         out[11])
{
  const char *p = text;
  int year, month, day;
  int n;

  n = read_digits (&p, 8, &year);
  if (n == 8)
    {
      day = year % 100;
      month = (year / 100) % 100;
      year /= 10000;
    }
  else if (n == 4)
    {
      static const char *const year_mark = "年", *const month_mark = "月", *const day_mark = "日";

      if (g_str_has_prefix (p, year_mark))
        {
          p += strlen (year_mark);
          if (read_digits (&p, 2, &month) == 0 || !g_str_has_prefix (p, month_mark))
            return FALSE;
          p += strlen (month_mark);
          if (read_digits (&p, 2, &day) == 0 || !g_str_has_prefix (p, day_mark))
            return FALSE;
          p += strlen (day_mark);
        }
      else if (*p == '-' || *p == '/' || *p == '.')
        {
          char sep = *p++;

          if (read_digits (&p, 2, &month) == 0 || *p != sep)
            return FALSE;
          p++;
          if (read_digits (&p, 2, &day) == 0)
            return FALSE;
        }
      else
        return FALSE;
    }
  else
    return FALSE;

  if (g_ascii_isdigit (*p))
    return FALSE;
  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  format_date (out, year, month, day);
  *end = p;
  return TRUE;
}

gboolean
zicha_interchange_parse_date (const char *text,
                              char        out[11])
{
  const char *end;

  return parse_date_prefix (text, &end, out) && *end == '\0';
}

gboolean
zicha_interchange_parse_timestamp (const char *text,
                                   char        out[20])
{
  char date[11];
  const char *p;
  int hour, minute, second = 0;
  int n;

  if (!parse_date_prefix (text, &p, date))
    return FALSE;
  if (*p == '\0')
    {
      g_snprintf (out, 20, "%s 00:00:00", date);
      return TRUE;
    }
  if (*p != 'T' && *p != ' ')
    return FALSE;
  p++;
  n = read_digits (&p, 2, &hour);
  if (n == 0 || hour > 23 || *p != ':')
    return FALSE;
  p++;
  if (read_digits (&p, 2, &minute) != 2 || minute > 59)
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (read_digits (&p, 2, &second) != 2 || second > 59)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;
  memcpy (out, date, 10);
  out[10] = ' ';
  put_digits (out + 11, hour, 2);
  out[13] = ':';
  put_digits (out + 14, minute, 2);
  out[16] = ':';
  put_digits (out + 17, second, 2);
  out[19] = '\0';
  return TRUE;
}

gboolean
zicha_interchange_is_scope_code (const char *text)
{
  const char *p = text;

  for (;;)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '\0')
        return TRUE;
      if (*p != '.')
        return FALSE;
      p++;
    }
}

char *
zicha_interchange_normalize_scheme (const char *text)
{
  g_autofree char *upper = NULL;
  gsize len = strlen (text);
  const char *known;

  known = zicha_interchange_match_enum (scheme_values, text);
  if (known != NULL)
    return g_strdup (known);
  if (len < 2 || len > 16)
    return NULL;
  upper = g_ascii_strup (text, -1);
  for (const char *p = upper; *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return NULL;
  return g_steal_pointer (&upper);
}

const char *
zicha_interchange_match_enum (const ZichaEnumValue *values,
                              const char           *text)
{
  for (const ZichaEnumValue *v = values; v->value != NULL; v++)
    if (g_ascii_strcasecmp (v->value, text) == 0)
      return v->value;
  for (const ZichaEnumValue *v = values; v->value != NULL; v++)
    for (guint i = 0; i < G_N_ELEMENTS (v->labels) && v->labels[i] != NULL; i++)
      if (strcmp (v->labels[i], text) == 0)
        return v->value;
  return NULL;
}

/* GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》: 18 characters from the code set
 * 0-9 A-H J-N P-R T U W-Y (31 characters, no I O Z S V), valued 0..30 in that order. The
 * check character (position 18) is C18 = 31 - (Σ Ci × Wi mod 31) for i = 1..17, with the
 * weights Wi = 3^(i-1) mod 31, and 31 written as 0. */
static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int
uscc_char_value (char c)
{
  const char *hit;

  if (c == '\0')
    return -1;
  hit = strchr (uscc_charset, c);
  return hit != NULL ? (int) (hit - uscc_charset) : -1;
}

char
zicha_uscc_check_char (const char *first17)
{
  int weight = 1;
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      int value = uscc_char_value (first17[i]);

      if (value < 0)
        return '\0';
      sum += value * weight;
      weight = weight * 3 % 31;
    }
  return uscc_charset[(31 - sum % 31) % 31];
}

gboolean
zicha_uscc_is_valid (const char *code)
{
  char check;

  if (code == NULL || strlen (code) != 18)
    return FALSE;
  check = zicha_uscc_check_char (code);
  return check != '\0' && code[17] == check;
}
