/* zicha-rules-conduct.c — rules of the area "professional conduct of personnel"
 * (DOMAIN.md section 4)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "zicha-audit-time.h"
#include "zicha-rules-private.h"

/* Team rows per person ------------------------------------------------------------------- */

typedef void (*PersonFunc) (ZichaRuleContext    *ctx,
                            gint64               person,
                            const ZichaTeamStay *rows,
                            guint                n_rows,
                            gpointer             data);

/* Calls @func with the team rows of audits started on or before as of, person by person (in the
 * order of their ids), each person's rows sorted by their first on-site day (the stays of the
 * team data). Rows whose on-site days are not dates are left out; a last day before the first
 * counts as the first. */
static gboolean
for_each_person (ZichaRuleContext *ctx, PersonFunc func, gpointer data, GError **error)
{
  ZichaTeamData *td = zicha_rule_team_data (ctx, error);
  gsize p;

  if (td == NULL)
    return FALSE;
  for (p = 0; p < td->n_persons; p++)
    {
      guint first = td->stay_start[p], end = td->stay_start[p + 1];

      if (first == end)
        continue;
      if ((p & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      func (ctx, (gint64) p, td->stays + first, end - first, data);
    }
  return TRUE;
}

/* AUDITOR_DOUBLE_BOOKED ------------------------------------------------------------------ */

typedef struct
{
  gint32 team;
  gint32 partner;   /* the other team row */
} Booking;

typedef struct
{
  GArray *marked;    /* Booking */
  GArray *active;    /* indexes into the person's rows */
  GArray *partner;   /* the person's rows' partners, 0 when none */
} DoubleBooked;

static void
double_booked_person (ZichaRuleContext    *ctx,
                      gint64               person,
                      const ZichaTeamStay *rows,
                      guint                n_rows,
                      gpointer             data)
{
  DoubleBooked *db = data;
  gint32 *partner;
  guint i, j;

  g_array_set_size (db->partner, n_rows);
  partner = (gint32 *) (gpointer) db->partner->data;
  memset (partner, 0, n_rows * sizeof (gint32));
  /* Sweep by first day, keeping the rows still on site (their last day ≥ this first day):
   * O(n · k) with k the rows overlapping at once, never a join of all rows. */
  g_array_set_size (db->active, 0);
  for (i = 0; i < n_rows; i++)
    {
      const ZichaTeamStay *row = &rows[i];

      for (j = 0; j < db->active->len; )
        {
          guint o = g_array_index (db->active, guint, j);
          const ZichaTeamStay *other = &rows[o];

          if (other->to < row->from)
            {
              g_array_remove_index_fast (db->active, j);
              continue;
            }
          /* shares a day with an audit of another organization: both rows are hits */
          if (other->org != row->org)
            {
              if (partner[o] == 0)
                partner[o] = row->team;
              if (partner[i] == 0)
                partner[i] = other->team;
            }
          j++;
        }
      g_array_append_val (db->active, i);
    }
  for (i = 0; i < n_rows; i++)
    if (partner[i] != 0)
      {
        Booking b = { rows[i].team, partner[i] };

        g_array_append_val (db->marked, b);
      }
}

typedef struct
{
  char *audit_id;
  char *person_id;
  char *person_name;
  char *org_id;
  char *from;
  char *to;
} TeamInfo;

static void
team_info_clear (TeamInfo *info)
{
  g_free (info->audit_id);
  g_free (info->person_id);
  g_free (info->person_name);
  g_free (info->org_id);
  g_free (info->from);
  g_free (info->to);
}

static gboolean
team_info (sqlite3_stmt *stmt, gint64 team, TeamInfo *info)
{
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, team);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      info->audit_id = g_strdup (zicha_col_text (stmt, 0));
      info->person_id = g_strdup (zicha_col_text (stmt, 1));
      info->person_name = g_strdup (zicha_col_text (stmt, 2));
      info->org_id = g_strdup (zicha_col_text (stmt, 3));
      info->from = g_strdup (zicha_col_text (stmt, 4));
      info->to = g_strdup (zicha_col_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  return found;
}

#define TEAM_INFO_SQL                                                                    \
  "SELECT a.audit_id, p.person_id, p.name, o.org_id, coalesce (t.onsite_from, a.start_on),"  \
  "       coalesce (t.onsite_to, a.end_on)"                                              \
  " FROM audit_team AS t JOIN audits AS a ON a.id = t.audit"                             \
  " JOIN personnel AS p ON p.id = t.person JOIN organizations AS o ON o.id = a.org"       \
  " WHERE t.id = ?"

gboolean
zicha_rule_auditor_double_booked (ZichaRuleContext *ctx, GError **error)
{
  DoubleBooked data = { g_array_new (FALSE, FALSE, sizeof (Booking)),
                        g_array_new (FALSE, FALSE, sizeof (guint)),
                        g_array_new (FALSE, FALSE, sizeof (gint32)) };
  sqlite3_stmt *info = NULL;
  gboolean ok;
  guint i;

  ok = for_each_person (ctx, double_booked_person, &data, error);
  if (ok && data.marked->len > 0)
    {
      info = zicha_rule_prepare (ctx, TEAM_INFO_SQL, error);
      ok = info != NULL;
    }
  for (i = 0; ok && i < data.marked->len; i++)
    {
      const Booking *row = &g_array_index (data.marked, Booking, i);
      TeamInfo a = { 0 }, b = { 0 };

      if (team_info (info, row->team, &a) && team_info (info, row->partner, &b))
        {
          g_autofree char *key = g_strconcat (a.audit_id, "/", a.person_id, NULL);
          g_autofree char *other_key = g_strconcat (b.audit_id, "/", b.person_id, NULL);
          ZichaJson *json = zicha_json_begin ();
          ZichaFoundHit *hit;

          zicha_json_add_string (json, "from", a.from);
          zicha_json_add_string (json, "to", a.to);
          zicha_json_add_string (json, "other_audit", b.audit_id);
          zicha_json_add_string (json, "other_org", b.org_id);
          zicha_json_add_string (json, "other_from", b.from);
          zicha_json_add_string (json, "other_to", b.to);
          hit = zicha_rule_add_hit (ctx, key,
                                    zicha_message_printf (N_("%s (%s) was on site at this audit from %s to "
                                                       "%s and at audit %s of another "
                                                       "organization (%s) from %s to %s"),
                                                     a.person_name, a.person_id, a.from, a.to,
                                                     b.audit_id, b.org_id, b.from, b.to),
                                    zicha_json_end (json));
          zicha_found_hit_add_record (hit, "audit_team", key);
          zicha_found_hit_add_record (hit, "audit_team", other_key);
          zicha_found_hit_add_record (hit, "audits", a.audit_id);
          zicha_found_hit_add_record (hit, "audits", b.audit_id);
          zicha_found_hit_add_record (hit, "personnel", a.person_id);
        }
      team_info_clear (&a);
      team_info_clear (&b);
    }
  if (info != NULL)
    sqlite3_finalize (info);
  g_array_unref (data.marked);
  g_array_unref (data.active);
  g_array_unref (data.partner);
  return ok;
}

/* AUDITOR_OVERLOADED --------------------------------------------------------------------- */

typedef struct
{
  gint64  person;
  gint    month;    /* y * 12 + m - 1 */
  gint    days;
  GArray *audits;   /* gint64 */
} Overload;

typedef struct
{
  gint month;   /* y * 12 + m - 1 */
  gint days;
} MonthDays;

typedef struct
{
  gint64  max_days;
  GArray *found;    /* Overload */
  GArray *months;   /* MonthDays of the person, in month order */
} Overloaded;

static void
overloaded_person (ZichaRuleContext    *ctx,
                   gint64               person,
                   const ZichaTeamStay *rows,
                   guint                n_rows,
                   gpointer             data)
{
  Overloaded *o = data;
  gint start = 0, end = 0;
  guint i, k;
  gboolean have = FALSE;

  g_array_set_size (o->months, 0);
  /* distinct days: merge the sorted intervals, then count by calendar month; the merged
   * intervals come in order and do not overlap, so their months come in order too */
  for (i = 0; i <= n_rows; i++)
    {
      const ZichaTeamStay *row = i < n_rows ? &rows[i] : NULL;

      if (row != NULL && have && row->from <= end + 1)
        {
          end = MAX (end, row->to);
          continue;
        }
      if (have)
        {
          gint d = start;

          while (d <= end)
            {
              gint y, m, dd, month_end, n, month;

              zicha_day_to_ymd (d, &y, &m, &dd);
              month_end = zicha_day_from_ymd (y, m, zicha_days_in_month (y, m));
              n = MIN (end, month_end) - d + 1;
              month = y * 12 + m - 1;
              if (o->months->len > 0
                  && g_array_index (o->months, MonthDays, o->months->len - 1).month == month)
                g_array_index (o->months, MonthDays, o->months->len - 1).days += n;
              else
                {
                  MonthDays md = { month, n };

                  g_array_append_val (o->months, md);
                }
              d = month_end + 1;
            }
        }
      if (row != NULL)
        {
          start = row->from;
          end = row->to;
          have = TRUE;
        }
    }

  for (k = 0; k < o->months->len; k++)
    {
      const MonthDays *md = &g_array_index (o->months, MonthDays, k);
      Overload found = { person, md->month, md->days, NULL };
      gint y = found.month / 12, m = found.month % 12 + 1;
      gint first, last;

      if (found.days <= o->max_days)
        continue;
      first = zicha_day_from_ymd (y, m, 1);
      last = zicha_day_from_ymd (y, m, zicha_days_in_month (y, m));
      found.audits = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (i = 0; i < n_rows; i++)
        if (rows[i].from <= last && rows[i].to >= first)
          {
            gint64 audit = rows[i].audit;

            g_array_append_val (found.audits, audit);
          }
      g_array_append_val (o->found, found);
    }
}

gboolean
zicha_rule_auditor_overloaded (ZichaRuleContext *ctx, GError **error)
{
  Overloaded data = { zicha_rule_param_int (ctx, "max_days"),
                      g_array_new (FALSE, FALSE, sizeof (Overload)),
                      g_array_new (FALSE, FALSE, sizeof (MonthDays)) };
  sqlite3_stmt *person = NULL, *audit = NULL;
  gboolean ok;
  guint i, j;

  ok = for_each_person (ctx, overloaded_person, &data, error);
  if (ok && data.found->len > 0)
    {
      person = zicha_rule_prepare (ctx, "SELECT person_id, name FROM personnel WHERE id = ?", error);
      audit = person != NULL ? zicha_rule_prepare (ctx, "SELECT audit_id FROM audits WHERE id = ?",
                                                   error) : NULL;
      ok = audit != NULL;
    }
  for (i = 0; i < data.found->len; i++)
    {
      Overload *o = &g_array_index (data.found, Overload, i);

      if (ok)
        {
          g_autofree char *month = g_strdup_printf ("%04d-%02d", o->month / 12, o->month % 12 + 1);
          g_autofree char *person_id = NULL, *name = NULL;

          sqlite3_bind_int64 (person, 1, o->person);
          if (sqlite3_step (person) == SQLITE_ROW)
            {
              person_id = g_strdup (zicha_col_text (person, 0));
              name = g_strdup (zicha_col_text (person, 1));
            }
          sqlite3_reset (person);
          if (person_id != NULL)
            {
              g_autofree char *key = g_strconcat (person_id, "/", month, NULL);
              ZichaJson *json = zicha_json_begin ();
              ZichaFoundHit *hit;

              zicha_json_add_string (json, "month", month);
              zicha_json_add_int (json, "days", o->days);
              zicha_json_add_int (json, "max_days", data.max_days);
              hit = zicha_rule_add_hit (ctx, key,
                                        zicha_message_printf (N_("%s (%s) was on site on %d days of %s, "
                                                           "more than %" PRId64),
                                                         name, person_id, o->days, month,
                                                         data.max_days),
                                        zicha_json_end (json));
              zicha_found_hit_add_record (hit, "personnel", person_id);
              for (j = 0; j < o->audits->len; j++)
                {
                  sqlite3_bind_int64 (audit, 1, g_array_index (o->audits, gint64, j));
                  if (sqlite3_step (audit) == SQLITE_ROW)
                    zicha_found_hit_add_record (hit, "audits", zicha_col_text (audit, 0));
                  sqlite3_reset (audit);
                }
            }
        }
      g_array_unref (o->audits);
    }
  if (person != NULL)
    sqlite3_finalize (person);
  if (audit != NULL)
    sqlite3_finalize (audit);
  g_array_unref (data.found);
  g_array_unref (data.months);
  return ok;
}

/* AUDITOR_NOT_QUALIFIED ------------------------------------------------------------------ */

typedef struct
{
  guint16 scheme;   /* ZichaTeamData.schemes index */
  gint32  from;     /* valid_from, valid_to (G_MAXINT when empty) as day numbers */
  gint32  to;
} Qualification;

gboolean
zicha_rule_auditor_not_qualified (ZichaRuleContext *ctx, GError **error)
{
  /* A qualification is valid on a day when valid_from ≤ day and valid_to is empty or ≥ day; a
   * person is employed on a day when joined_on is empty or ≤ day and left_on is empty or ≥ day
   * (DOMAIN.md section 4). The team rows, the people and their auditor and lead auditor
   * qualifications are in memory; dates are compared as day numbers. */
  ZichaTeamData *td = zicha_rule_team_data (ctx, error);
  g_autofree gint32 *joined = NULL, *left = NULL;
  g_autofree guint8 *known = NULL;
  g_autofree guint *qual_start = NULL;
  g_autoptr(GArray) quals = g_array_new (FALSE, FALSE, sizeof (Qualification));
  g_autoptr(GArray) qual_person = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autofree Qualification *by_person = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint64));
  sqlite3_stmt *stmt;
  gboolean ok;
  gsize n;
  guint i;

  if (td == NULL)
    return FALSE;
  n = td->n_persons;
  joined = g_new (gint32, n);
  left = g_new (gint32, n);
  known = g_new0 (guint8, n);
  stmt = zicha_rule_prepare (ctx, "SELECT id, joined_on, " EV ("left_on") " FROM personnel", error);
  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id < 0 || (gsize) id >= n)
        continue;
      known[id] = TRUE;
      joined[id] = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                   ? G_MININT : zicha_day_from_string (zicha_col_text (stmt, 1));
      left[id] = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                 ? G_MAXINT : zicha_day_from_string (zicha_col_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  stmt = zicha_rule_prepare (ctx, "SELECT person, scheme, valid_from, valid_to FROM qualifications"
                                  " WHERE grade IN ('auditor', 'lead_auditor')", error);
  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      guint scheme = GPOINTER_TO_UINT (g_hash_table_lookup (td->scheme_index,
                                                            zicha_col_text (stmt, 1)));
      Qualification q;
      gint32 p32;

      /* a scheme no audit has, or a person in no team, cannot matter */
      if (scheme == 0 || person < 0 || (gsize) person >= n)
        continue;
      q.scheme = (guint16) (scheme - 1);
      q.from = zicha_day_from_string (zicha_col_text (stmt, 2));
      q.to = sqlite3_column_type (stmt, 3) == SQLITE_NULL
             ? G_MAXINT : zicha_day_from_string (zicha_col_text (stmt, 3));
      p32 = (gint32) person;
      g_array_append_val (quals, q);
      g_array_append_val (qual_person, p32);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;
  {
    guint *next;

    qual_start = g_new0 (guint, n + 1);
    for (i = 0; i < quals->len; i++)
      qual_start[g_array_index (qual_person, gint32, i) + 1]++;
    for (gsize k = 0; k < n; k++)
      qual_start[k + 1] += qual_start[k];
    next = g_memdup2 (qual_start, (n + 1) * sizeof (guint));
    by_person = g_new (Qualification, MAX (quals->len, 1));
    for (i = 0; i < quals->len; i++)
      by_person[next[g_array_index (qual_person, gint32, i)]++] = g_array_index (quals,
                                                                                 Qualification, i);
    g_free (next);
  }

  for (i = 0; i < td->n_rows; i++)
    {
      const ZichaTeamMember *m = &td->rows[i];
      const ZichaTeamAudit *a = &td->audits[m->audit];
      gboolean unqualified = FALSE, unemployed;
      guint k;

      if (!known[m->person])
        continue;
      if (m->role == ZICHA_TEAM_ROLE_LEADER || m->role == ZICHA_TEAM_ROLE_AUDITOR)
        {
          unqualified = TRUE;
          for (k = qual_start[m->person]; k < qual_start[m->person + 1] && unqualified; k++)
            {
              const Qualification *q = &by_person[k];

              if (q->scheme == a->scheme && q->from <= a->start && q->to >= a->start)
                unqualified = FALSE;
            }
        }
      unemployed = !(joined[m->person] <= a->start && left[m->person] >= a->start);
      if (unqualified || unemployed)
        {
          guint64 v = ((guint64) (guint32) m->id << 2) | (unqualified ? 1 : 0)
                      | (unemployed ? 2 : 0);

          g_array_append_val (found, v);
        }
    }

  /* the texts of the hits */
  stmt = zicha_rule_prepare (ctx,
    "SELECT a.audit_id, p.person_id, p.name, t.role, a.scheme, a.start_on"
    " FROM audit_team AS t JOIN audits AS a ON a.id = t.audit"
    " JOIN personnel AS p ON p.id = t.person WHERE t.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  ok = TRUE;
  for (i = 0; i < found->len && ok; i++)
    {
      guint64 v = g_array_index (found, guint64, i);
      gboolean unqualified = (v & 1) != 0;
      gboolean unemployed = (v & 2) != 0;
      gboolean row;

      sqlite3_bind_int64 (stmt, 1, (gint64) (v >> 2));
      if (!(ok = zicha_rule_step (ctx, stmt, &row, error)) || !row)
        {
          sqlite3_reset (stmt);
          continue;
        }
      {
        const char *audit_id = zicha_col_text (stmt, 0);
        const char *person_id = zicha_col_text (stmt, 1);
        const char *name = zicha_col_text (stmt, 2);
        const char *role = zicha_col_text (stmt, 3);
        const char *scheme = zicha_col_text (stmt, 4);
        const char *start_on = zicha_col_text (stmt, 5);
        g_autofree char *key = g_strconcat (audit_id, "/", person_id, NULL);
        ZichaMessage *message = zicha_message_new ();
        ZichaJson *json = zicha_json_begin ();
        ZichaFoundHit *hit;

        if (unqualified)
          zicha_message_append (message, N_("%s (%s, %s) has no auditor or lead auditor "
                                            "qualification for %s valid on %s"),
                                name, person_id, zicha_rule_role_label (role), scheme, start_on);
        if (unemployed)
          {
            if (unqualified)
              zicha_message_append (message, "; ");
            zicha_message_append (message, N_("%s (%s) is not employed by the body on %s, the "
                                              "first day of the audit"),
                                  name, person_id, start_on);
          }
        zicha_json_add_string (json, "role", role);
        zicha_json_add_string (json, "scheme", scheme);
        zicha_json_add_string (json, "start_on", start_on);
        zicha_json_add_raw (json, "unqualified", unqualified ? "true" : "false");
        zicha_json_add_raw (json, "not_employed", unemployed ? "true" : "false");
        hit = zicha_rule_add_hit (ctx, key, zicha_message_end (message), zicha_json_end (json));
        zicha_found_hit_add_record (hit, "audit_team", key);
        zicha_found_hit_add_record (hit, "audits", audit_id);
        zicha_found_hit_add_record (hit, "personnel", person_id);
      }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* TEAM_LACKS_COMPETENCE ------------------------------------------------------------------ */

typedef struct
{
  guint       code;         /* index of "scheme\tcode" among the codes of competences */
  gint32      approved;     /* day number of approved_on when it is exactly a date, else G_MININT */
  const char *approved_on;
} Competence;

typedef struct
{
  GHashTable       *codes;        /* "scheme\tcode" → index + 1 */
  guint            *start;        /* competences of person p: list[start[p] .. start[p+1]-1] */
  Competence       *list;
  gsize             n_persons;
  GString          *key;
  const char       *scheme;
  /* the audit */
  gint64            audit;
  const ZichaTeamAudit *a;
  char             *start_on;     /* its start_on text, read when a comparison needs it */
  sqlite3_stmt     *start_on_stmt;
  const gint32     *members;
  guint             n_members;
} CompetenceLookup;

/* The scope codes of a (scheme, scope_codes) of certificates, worked out once for all audits of
 * certificates with the same ones (a few hundred in a body of a million certificates): for each
 * non-empty code in order, the indexes in CompetenceLookup.codes of its prefixes that someone
 * has a competence for, shortest first. */
typedef struct
{
  GStrv  codes;
  guint *starts;     /* code i's: prefixes[starts[i] .. starts[i + 1] - 1] */
  guint *prefixes;
} ScopePlan;

static void
scope_plan_free (ScopePlan *plan)
{
  g_strfreev (plan->codes);
  g_free (plan->starts);
  g_free (plan->prefixes);
  g_free (plan);
}

typedef struct
{
  CompetenceLookup *lookup;
  GArray           *prefixes;
} PlanBuilder;

static gboolean
plan_prefix (const char *code, gsize len, gpointer data)
{
  PlanBuilder *b = data;
  CompetenceLookup *l = b->lookup;
  guint index;

  g_string_assign (l->key, l->scheme);
  g_string_append_c (l->key, '\t');
  g_string_append_len (l->key, code, len);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (l->codes, l->key->str));
  if (index != 0)
    {
      index--;
      g_array_append_val (b->prefixes, index);
    }
  return FALSE;
}

static ScopePlan *
scope_plan_new (CompetenceLookup *lookup, const char *scope_codes)
{
  ScopePlan *plan = g_new0 (ScopePlan, 1);
  g_auto(GStrv) all = g_strsplit (scope_codes, ";", -1);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  PlanBuilder b = { lookup, g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint i;

  for (i = 0; all[i] != NULL; i++)
    {
      if (all[i][0] == '\0')
        continue;
      g_array_append_val (starts, b.prefixes->len);
      g_ptr_array_add (codes, g_strdup (all[i]));
      zicha_scope_code_foreach_prefix (all[i], plan_prefix, &b);
    }
  g_array_append_val (starts, b.prefixes->len);
  g_ptr_array_add (codes, NULL);
  plan->codes = (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
  plan->starts = (guint *) (gpointer) g_array_free (g_steal_pointer (&starts), FALSE);
  plan->prefixes = (guint *) (gpointer) g_array_free (b.prefixes, FALSE);
  return plan;
}

/* approved_on ≤ start_on of the audit, as texts (like SQL would compare them): as day numbers
 * when both are exactly dates, else the texts themselves. */
static gboolean
approved_by_start (CompetenceLookup *l, const Competence *c)
{
  if (c->approved != G_MININT && l->a->exact_start)
    return c->approved <= l->a->start;
  if (l->start_on == NULL)
    {
      sqlite3_bind_int64 (l->start_on_stmt, 1, l->audit);
      l->start_on = g_strdup (sqlite3_step (l->start_on_stmt) == SQLITE_ROW
                              ? zicha_col_text (l->start_on_stmt, 0) : "");
      sqlite3_reset (l->start_on_stmt);
    }
  return strcmp (c->approved_on, l->start_on) <= 0;
}

/* Whether a member has a competence for the code of index @index approved by start_on. */
static gboolean
competent_code (CompetenceLookup *l, guint index)
{
  guint i, k;

  for (i = 0; i < l->n_members; i++)
    {
      gint32 p = l->members[i];

      if (p < 0 || (gsize) p >= l->n_persons)
        continue;
      for (k = l->start[p]; k < l->start[p + 1]; k++)
        if (l->list[k].code == index && approved_by_start (l, &l->list[k]))
          return TRUE;
    }
  return FALSE;
}

typedef struct
{
  ScopePlan *plan;      /* NULL: no such certificate */
  gboolean   visible;   /* issued on or before as of */
} CertScope;

gboolean
zicha_rule_team_lacks_competence (ZichaRuleContext *ctx, GError **error)
{
  ZichaTeamData *td = zicha_rule_team_data (ctx, error);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStringChunk) texts = g_string_chunk_new (4096);
  g_autoptr(GArray) comps = g_array_new (FALSE, FALSE, sizeof (Competence));
  g_autoptr(GArray) comp_person = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) certs = g_array_new (FALSE, TRUE, sizeof (CertScope));
  g_autofree guint *start = NULL;
  g_autofree Competence *list = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  CompetenceLookup lookup = { 0 };
  g_autoptr(GHashTable) plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) scope_plan_free);
  g_autoptr(GString) plan_key = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL, *info = NULL;
  gboolean ok = FALSE;
  gsize n, id;
  guint i;

  if (td == NULL)
    return FALSE;
  n = td->n_persons;
  lookup.codes = codes;
  lookup.key = key;

  /* competences by person, their codes as indexes */
  stmt = zicha_rule_prepare (ctx, "SELECT person, scheme, code, approved_on FROM competences",
                             error);
  if (stmt == NULL)
    goto out;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      const char *approved_on = zicha_col_text (stmt, 3);
      Competence c;
      gint32 p32;
      guint index;

      /* a person in no team cannot matter */
      if (person < 0 || (gsize) person >= n)
        continue;
      g_string_printf (key, "%s\t%s", zicha_col_text (stmt, 1), zicha_col_text (stmt, 2));
      index = GPOINTER_TO_UINT (g_hash_table_lookup (codes, key->str));
      if (index == 0)
        {
          index = g_hash_table_size (codes) + 1;
          g_hash_table_insert (codes, g_strdup (key->str), GUINT_TO_POINTER (index));
        }
      c.code = index - 1;
      c.approved_on = g_string_chunk_insert_const (texts, approved_on);
      c.approved = strlen (approved_on) == 10 ? zicha_day_from_string (approved_on) : G_MININT;
      p32 = (gint32) person;
      g_array_append_val (comps, c);
      g_array_append_val (comp_person, p32);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!ok)
    goto out;
  {
    guint *next;

    start = g_new0 (guint, n + 1);
    for (i = 0; i < comps->len; i++)
      start[g_array_index (comp_person, gint32, i) + 1]++;
    for (gsize k = 0; k < n; k++)
      start[k + 1] += start[k];
    next = g_memdup2 (start, (n + 1) * sizeof (guint));
    list = g_new (Competence, MAX (comps->len, 1));
    for (i = 0; i < comps->len; i++)
      list[next[g_array_index (comp_person, gint32, i)]++] = g_array_index (comps, Competence, i);
    g_free (next);
  }
  lookup.start = start;
  lookup.list = list;
  lookup.n_persons = n;

  /* The certificates' scope codes as plans, by certificate id: one scan of the certificates
   * and then the audits of the team data by id, instead of a join that looks up each audit's
   * certificate. */
  stmt = zicha_rule_prepare (ctx, "SELECT id, scheme, scope_codes, issued_on <= :asof"
                                  " FROM certificates", error);
  if (stmt == NULL)
    goto out;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      gint64 cert = sqlite3_column_int64 (stmt, 0);
      CertScope *cs;
      ScopePlan *plan;

      if (cert <= 0 || cert > G_MAXINT32)
        continue;
      lookup.scheme = zicha_col_text (stmt, 1);
      /* the scheme's length first keeps the key unambiguous */
      g_string_printf (plan_key, "%u:", (guint) strlen (lookup.scheme));
      g_string_append (plan_key, lookup.scheme);
      g_string_append_c (plan_key, '\t');
      g_string_append (plan_key, zicha_col_text (stmt, 2));
      plan = g_hash_table_lookup (plans, plan_key->str);
      if (plan == NULL)
        {
          plan = scope_plan_new (&lookup, zicha_col_text (stmt, 2));
          g_hash_table_insert (plans, g_strdup (plan_key->str), plan);
        }
      if ((gsize) cert >= certs->len)
        g_array_set_size (certs, MAX ((gsize) cert + 1, certs->len * 2));
      cs = &g_array_index (certs, CertScope, cert);
      cs->plan = plan;
      cs->visible = sqlite3_column_int (stmt, 3) != 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!ok)
    goto out;

  lookup.start_on_stmt = zicha_rule_prepare (ctx, "SELECT start_on FROM audits WHERE id = ?",
                                             error);
  info = lookup.start_on_stmt != NULL
         ? zicha_rule_prepare (ctx, "SELECT a.audit_id, c.cert_no, c.scheme FROM audits AS a"
                                    " JOIN certificates AS c ON c.id = a.cert WHERE a.id = ?",
                               error)
         : NULL;
  if (info == NULL)
    {
      ok = FALSE;
      goto out;
    }

  /* The audits started on or before as of with a certificate. The certificate's scope codes
   * count only when it is issued on or before as of; an audit with no team rows is a hit
   * either way. The scheme is the certificate's. */
  for (id = 1; id < td->n_audits; id++)
    {
      const ZichaTeamAudit *a = &td->audits[id];
      const CertScope *cs;
      gboolean has_team, row;
      g_autoptr(GString) missing = NULL;
      ZichaFoundHit *hit;
      ZichaJson *json;
      guint k;

      if (!a->visible || a->cert <= 0 || (gsize) a->cert >= certs->len)
        continue;
      cs = &g_array_index (certs, CertScope, a->cert);
      if (cs->plan == NULL)
        continue;
      if ((id & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        {
          ok = FALSE;
          goto out;
        }
      has_team = td->audit_start[id] < td->audit_start[id + 1];
      if (has_team && !cs->visible)
        continue;
      if (has_team)
        {
          const ScopePlan *plan = cs->plan;

          /* members in role leader, auditor or expert */
          g_array_set_size (members, 0);
          for (k = td->audit_start[id]; k < td->audit_start[id + 1]; k++)
            {
              const ZichaTeamMember *m = &td->rows[td->by_audit[k]];

              if (m->role == ZICHA_TEAM_ROLE_LEADER || m->role == ZICHA_TEAM_ROLE_AUDITOR
                  || m->role == ZICHA_TEAM_ROLE_EXPERT)
                g_array_append_val (members, m->person);
            }
          lookup.audit = (gint64) id;
          lookup.a = a;
          g_clear_pointer (&lookup.start_on, g_free);
          lookup.members = (const gint32 *) (gpointer) members->data;
          lookup.n_members = members->len;
          for (i = 0; plan->codes[i] != NULL; i++)
            {
              gboolean covered = FALSE;

              for (k = plan->starts[i]; k < plan->starts[i + 1] && !covered; k++)
                covered = competent_code (&lookup, plan->prefixes[k]);
              if (!covered)
                {
                  if (missing == NULL)
                    missing = g_string_new (plan->codes[i]);
                  else
                    g_string_append_printf (missing, ", %s", plan->codes[i]);
                }
            }
          if (missing == NULL)
            continue;
        }

      sqlite3_bind_int64 (info, 1, (gint64) id);
      if (!(ok = zicha_rule_step (ctx, info, &row, error)))
        goto out;
      if (row)
        {
          const char *audit_id = zicha_col_text (info, 0);
          const char *cert_no = zicha_col_text (info, 1);
          const char *scheme = zicha_col_text (info, 2);

          json = zicha_json_begin ();
          zicha_json_add_string (json, "cert_no", cert_no);
          zicha_json_add_string (json, "scheme", scheme);
          zicha_json_add_raw (json, "has_team", has_team ? "true" : "false");
          zicha_json_add_string (json, "codes", missing != NULL ? missing->str : NULL);
          hit = zicha_rule_add_hit (ctx, audit_id,
                                    has_team
                                    ? zicha_message_printf (N_("No leader, auditor or expert of the "
                                                         "team is competent for scope code %s "
                                                         "(%s) of certificate %s"),
                                                       missing->str, scheme, cert_no)
                                    : zicha_message_printf (N_("The audit has no team")),
                                    zicha_json_end (json));
          zicha_found_hit_add_record (hit, "audits", audit_id);
          zicha_found_hit_add_record (hit, "certificates", cert_no);
        }
      sqlite3_reset (info);
    }
  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&info, sqlite3_finalize);
  g_clear_pointer (&lookup.start_on_stmt, sqlite3_finalize);
  g_free (lookup.start_on);
  return ok;
}

/* EXPENSE_PAID_BY_CLIENT ----------------------------------------------------------------- */

gboolean
zicha_rule_expense_paid_by_client (ZichaRuleContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
    "SELECT e.expense_id, e.category, e.amount, a.audit_id, p.person_id, e.spent_on"
    " FROM expenses AS e JOIN audits AS a ON a.id = e.audit JOIN personnel AS p ON p.id = e.person"
    " WHERE e.paid_by = 'client' AND e.spent_on <= :asof", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *expense_id = zicha_col_text (stmt, 0);
      g_autofree char *amount = zicha_format_money (sqlite3_column_int64 (stmt, 2));
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "category", zicha_col_text (stmt, 1));
      zicha_json_add_int (json, "amount_fen", sqlite3_column_int64 (stmt, 2));
      zicha_json_add_string (json, "audit_id", zicha_col_text (stmt, 3));
      zicha_json_add_string (json, "person_id", zicha_col_text (stmt, 4));
      hit = zicha_rule_add_hit (ctx, expense_id,
                                zicha_message_printf (N_("%s of %s yuan on %s paid by the audited "
                                                   "organization (audit %s, %s)"),
                                                 zicha_rule_category_label (zicha_col_text (stmt, 1)),
                                                 amount, zicha_col_text (stmt, 5),
                                                 zicha_col_text (stmt, 3), zicha_col_text (stmt, 4)),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "expenses", expense_id);
      zicha_found_hit_add_record (hit, "audits", zicha_col_text (stmt, 3));
      zicha_found_hit_add_record (hit, "personnel", zicha_col_text (stmt, 4));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* EXPENSE_EXCESSIVE ---------------------------------------------------------------------- */

/* The amounts at @offset and @offset + 1 (the latter 0 when there is none): both middle values
 * of the category in one walk of the index. */
static gboolean
amounts_at (ZichaRuleContext *ctx, sqlite3_stmt *stmt, const char *category, gint64 offset,
            gint64 *out1, gint64 *out2, GError **error)
{
  gboolean row, ok;

  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":category"), category, -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);
  ok = zicha_rule_step (ctx, stmt, &row, error);
  *out1 = ok && row ? sqlite3_column_int64 (stmt, 0) : 0;
  if (ok && row)
    ok = zicha_rule_step (ctx, stmt, &row, error);
  *out2 = ok && row ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return ok;
}

gboolean
zicha_rule_expense_excessive (ZichaRuleContext *ctx, GError **error)
{
  static const char *categories[] = { "travel", "lodging", "meals", "other" };
  gint64 factor = zicha_rule_param_int (ctx, "factor");   /* hundredths: 3 → 300 */
  sqlite3_stmt *count = NULL, *nth = NULL, *hits = NULL;
  gboolean ok = TRUE;
  guint c;

  count = zicha_rule_prepare (ctx, "SELECT count (*) FROM expenses WHERE category = :category"
                                   " AND spent_on <= :asof", error);
  nth = count != NULL ? zicha_rule_prepare (ctx, "SELECT amount FROM expenses WHERE category = :category"
                                                 " AND spent_on <= :asof ORDER BY amount"
                                                 " LIMIT 2 OFFSET :offset", error) : NULL;
  hits = nth != NULL ? zicha_rule_prepare (ctx,
    "SELECT e.expense_id, e.amount, a.audit_id, p.person_id FROM expenses AS e"
    " JOIN audits AS a ON a.id = e.audit JOIN personnel AS p ON p.id = e.person"
    " WHERE e.category = :category AND e.amount > :threshold AND e.spent_on <= :asof", error) : NULL;
  ok = hits != NULL;

  for (c = 0; ok && c < G_N_ELEMENTS (categories); c++)
    {
      gint64 n = 0, a1 = 0, a2 = 0, threshold, sum;
      gboolean row;
      g_autofree char *median = NULL;
      g_autofree char *factor_s = NULL;

      sqlite3_bind_text (count, sqlite3_bind_parameter_index (count, ":category"), categories[c],
                         -1, SQLITE_STATIC);
      ok = zicha_rule_step (ctx, count, &row, error);
      n = ok && row ? sqlite3_column_int64 (count, 0) : 0;
      sqlite3_reset (count);
      if (!ok || n == 0)
        continue;
      /* the median of an even count is the mean of the two middle values */
      if (!amounts_at (ctx, nth, categories[c], (n - 1) / 2, &a1, &a2, error))
        {
          ok = FALSE;
          break;
        }
      /* an odd count has one middle value */
      if (n % 2 == 1)
        a2 = a1;
      sum = a1 + a2;
      /* amount > factor/100 · sum/2  ⇔  200 · amount > factor · sum  ⇔  amount > ⌊factor · sum / 200⌋ */
      threshold = factor * sum / 200;
      median = sum % 2 == 0 ? zicha_format_money (sum / 2)
                            : g_strdup_printf ("%" PRId64 ".%02d5", sum / 200,
                                               (int) ((sum / 2) % 100));
      factor_s = zicha_format_hundredths (factor);

      sqlite3_bind_text (hits, sqlite3_bind_parameter_index (hits, ":category"), categories[c], -1,
                         SQLITE_STATIC);
      sqlite3_bind_int64 (hits, sqlite3_bind_parameter_index (hits, ":threshold"), threshold);
      for (;;)
        {
          const char *expense_id;
          g_autofree char *amount = NULL;
          ZichaJson *json;
          ZichaFoundHit *hit;

          if (!(ok = zicha_rule_step (ctx, hits, &row, error)) || !row)
            break;
          expense_id = zicha_col_text (hits, 0);
          amount = zicha_format_money (sqlite3_column_int64 (hits, 1));
          json = zicha_json_begin ();
          zicha_json_add_string (json, "category", categories[c]);
          zicha_json_add_int (json, "amount_fen", sqlite3_column_int64 (hits, 1));
          zicha_json_add_string (json, "median_yuan", median);
          zicha_json_add_int (json, "count", n);
          zicha_json_add_string (json, "factor", factor_s);
          hit = zicha_rule_add_hit (ctx, expense_id,
                                    zicha_message_printf (N_("%s of %s yuan is more than %s times the "
                                                       "median of %s yuan of %" PRId64
                                                       " expenses of its category"),
                                                     zicha_rule_category_label (categories[c]),
                                                     amount, factor_s, median, n),
                                    zicha_json_end (json));
          zicha_found_hit_add_record (hit, "expenses", expense_id);
          zicha_found_hit_add_record (hit, "audits", zicha_col_text (hits, 2));
          zicha_found_hit_add_record (hit, "personnel", zicha_col_text (hits, 3));
        }
      sqlite3_reset (hits);
    }
  if (count != NULL)
    sqlite3_finalize (count);
  if (nth != NULL)
    sqlite3_finalize (nth);
  if (hits != NULL)
    sqlite3_finalize (hits);
  return ok;
}

/* CHECKIN_MISSING ------------------------------------------------------------------------ */

gboolean
zicha_rule_checkin_missing (ZichaRuleContext *ctx, GError **error)
{
  /* A merge: the check-ins up to as of in the order of their unique index (audit, person, …),
   * one audit at a time, against the audit's team rows from the team data. */
  ZichaTeamData *td = zicha_rule_team_data (ctx, error);
  g_autoptr(GArray) signed_in = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt, *info;
  gint64 audit = 0;
  gboolean ok, have = FALSE;
  guint i;

  if (td == NULL)
    return FALSE;
  stmt = zicha_rule_prepare (ctx, "SELECT audit, person, kind = 'in' FROM checkins"
                                  " WHERE at < :asof_next ORDER BY audit, person", error);
  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      gboolean row;
      gint64 a = 0;

      if (!(ok = zicha_rule_step (ctx, stmt, &row, error)))
        break;
      if (row)
        a = sqlite3_column_int64 (stmt, 0);
      if (have && (!row || a != audit))
        {
          /* the audit has check-ins: its leaders and auditors without an 'in' are hits */
          if (audit > 0 && (gsize) audit < td->n_audits)
            for (i = td->audit_start[audit]; i < td->audit_start[audit + 1]; i++)
              {
                const ZichaTeamMember *m = &td->rows[td->by_audit[i]];
                gboolean in = FALSE;
                guint k;

                if (m->role != ZICHA_TEAM_ROLE_LEADER && m->role != ZICHA_TEAM_ROLE_AUDITOR)
                  continue;
                for (k = 0; k < signed_in->len && !in; k++)
                  in = g_array_index (signed_in, gint64, k) == m->person;
                if (!in)
                  {
                    gint64 id = m->id;

                    g_array_append_val (found, id);
                  }
              }
          g_array_set_size (signed_in, 0);
          have = FALSE;
        }
      if (!row)
        break;
      audit = a;
      have = TRUE;
      if (sqlite3_column_int (stmt, 2))
        {
          gint64 person = sqlite3_column_int64 (stmt, 1);

          if (signed_in->len == 0 || g_array_index (signed_in, gint64, signed_in->len - 1) != person)
            g_array_append_val (signed_in, person);
        }
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  info = zicha_rule_prepare (ctx,
    "SELECT a.audit_id, p.person_id, p.name, t.role"
    " FROM audit_team AS t JOIN audits AS a ON a.id = t.audit JOIN personnel AS p ON p.id = t.person"
    " WHERE t.id = ?", error);
  if (info == NULL)
    return FALSE;
  for (i = 0; i < found->len && ok; i++)
    {
      gboolean row;

      sqlite3_bind_int64 (info, 1, g_array_index (found, gint64, i));
      if ((ok = zicha_rule_step (ctx, info, &row, error)) && row)
        {
          const char *audit_id = zicha_col_text (info, 0);
          const char *person_id = zicha_col_text (info, 1);
          g_autofree char *key = g_strconcat (audit_id, "/", person_id, NULL);
          ZichaJson *json = zicha_json_begin ();
          ZichaFoundHit *hit;

          zicha_json_add_string (json, "role", zicha_col_text (info, 3));
          hit = zicha_rule_add_hit (ctx, key,
                                    zicha_message_printf (N_("%s (%s, %s) has no sign-in record for the "
                                                       "audit although the audit has check-in "
                                                       "records"),
                                                     zicha_col_text (info, 2), person_id,
                                                     zicha_rule_role_label (zicha_col_text (info, 3))),
                                    zicha_json_end (json));
          zicha_found_hit_add_record (hit, "audit_team", key);
          zicha_found_hit_add_record (hit, "audits", audit_id);
          zicha_found_hit_add_record (hit, "personnel", person_id);
        }
      sqlite3_reset (info);
    }
  sqlite3_finalize (info);
  return ok;
}

/* CHECKIN_FAR ---------------------------------------------------------------------------- */

gboolean
zicha_rule_checkin_far (ZichaRuleContext *ctx, GError **error)
{
  /* distance_um is the ceiling of distance_km in millionths: distance_km > N ⇔ distance_um >
   * N · 10^6, exactly. Check-ins of people not in the team are ignored. The index checkins_far
   * holds the check-ins beyond 5 km (the default limit): with a limit at least that far the
   * query says so in words SQLite can match to the index; a nearer limit reads them all. */
#define CHECKIN_FAR_QUERY(indexed_by, index_term) \
    "SELECT a.audit_id, p.person_id, p.name, max (k.distance_um), k.distance_km, k.at, count (*)" \
    " FROM checkins AS k" indexed_by \
    " JOIN audit_team AS t ON t.audit = k.audit AND t.person = k.person" \
    " JOIN audits AS a ON a.id = k.audit JOIN personnel AS p ON p.id = k.person" \
    " WHERE k.distance_um > :max_km" index_term " AND k.at < :asof_next AND a.start_on <= :asof" \
    " GROUP BY k.audit, k.person"
  gboolean indexed = zicha_rule_param_int (ctx, "max_km") >= 5000000;
  sqlite3_stmt *stmt = zicha_rule_prepare (ctx,
                                           indexed
                                           ? CHECKIN_FAR_QUERY (" INDEXED BY checkins_far",
                                                                " AND k.distance_um > 5000000")
                                           : CHECKIN_FAR_QUERY ("", ""), error);
#undef CHECKIN_FAR_QUERY
  g_autofree char *limit = g_strdup (zicha_rule_param_text (ctx, "max_km"));
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  STEP_LOOP (ctx, stmt, ok, error)
    {
      const char *audit_id = zicha_col_text (stmt, 0);
      const char *person_id = zicha_col_text (stmt, 1);
      g_autofree char *key = g_strconcat (audit_id, "/", person_id, NULL);
      ZichaJson *json = zicha_json_begin ();
      ZichaFoundHit *hit;

      zicha_json_add_string (json, "distance_km", zicha_col_text (stmt, 4));
      zicha_json_add_string (json, "at", zicha_col_text (stmt, 5));
      zicha_json_add_int (json, "far_checkins", sqlite3_column_int64 (stmt, 6));
      zicha_json_add_string (json, "max_km", limit);
      hit = zicha_rule_add_hit (ctx, key,
                                zicha_message_printf (N_("%s (%s) checked in %s km from the audited site "
                                                   "at %s (more than %s km)"),
                                                 zicha_col_text (stmt, 2), person_id,
                                                 zicha_col_text (stmt, 4), zicha_col_text (stmt, 5),
                                                 limit),
                                zicha_json_end (json));
      zicha_found_hit_add_record (hit, "audit_team", key);
      zicha_found_hit_add_record (hit, "audits", audit_id);
      zicha_found_hit_add_record (hit, "personnel", person_id);
    }
  sqlite3_finalize (stmt);
  return ok;
}
