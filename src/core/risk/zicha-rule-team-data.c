/* zicha-rule-team-data.c — the team data the team rules share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audits and the team rows of the audits started on or before as of, read in one scan of
 * audits and one of audit_team and kept in memory for all team rules of a run (the run's
 * cache): rows by audit, and each person's on-site days sorted once (the stays). */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "zicha-error.h"
#include "zicha-rules-private.h"

static int
compare_stays (gconstpointer a, gconstpointer b)
{
  const ZichaTeamStay *ra = a, *rb = b;

  if (ra->from != rb->from)
    return ra->from < rb->from ? -1 : 1;
  if (ra->to != rb->to)
    return ra->to < rb->to ? -1 : 1;
  return ra->team < rb->team ? -1 : ra->team > rb->team;
}

static void
team_data_free (ZichaTeamData *td)
{
  g_free (td->audits);
  g_clear_pointer (&td->schemes, g_ptr_array_unref);
  g_clear_pointer (&td->scheme_index, g_hash_table_unref);
  g_free (td->rows);
  g_free (td->audit_start);
  g_free (td->by_audit);
  g_free (td->stays);
  g_free (td->stay_start);
  g_free (td);
}

static guint8
role_from_string (const char *role)
{
  /* one comparison for the role a row has (7M rows in a big body) */
  switch (role[0])
    {
    case 'l':
      return strcmp (role, "leader") == 0 ? ZICHA_TEAM_ROLE_LEADER : ZICHA_TEAM_ROLE_OTHER;
    case 'a':
      return strcmp (role, "auditor") == 0 ? ZICHA_TEAM_ROLE_AUDITOR : ZICHA_TEAM_ROLE_OTHER;
    case 'e':
      return strcmp (role, "expert") == 0 ? ZICHA_TEAM_ROLE_EXPERT : ZICHA_TEAM_ROLE_OTHER;
    case 't':
      return strcmp (role, "trainee") == 0 ? ZICHA_TEAM_ROLE_TRAINEE : ZICHA_TEAM_ROLE_OTHER;
    case 'o':
      return strcmp (role, "observer") == 0 ? ZICHA_TEAM_ROLE_OBSERVER : ZICHA_TEAM_ROLE_OTHER;
    default:
      return ZICHA_TEAM_ROLE_OTHER;
    }
}

/* zicha_day_from_string () of column @col, quicker for the usual exact "YYYY-MM-DD" (the team
 * data parses 7M dates in a big body); @exact (if not NULL) tells whether the text is exactly a
 * date, so that comparing day numbers is comparing the texts. */
static gint32
column_day (sqlite3_stmt *stmt, int col, gboolean *exact)
{
  const char *s = zicha_col_text (stmt, col);
  gint y, m, d, i;

  if (exact != NULL)
    *exact = FALSE;
  /* a NUL fails the test of its position before the next one is read */
  for (i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : !g_ascii_isdigit (s[i]))
      return zicha_day_from_string (s);
  if (s[10] != '\0')
    return zicha_day_from_string (s);
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1 || (d > 28 && d > zicha_days_in_month (y, m)))
    return G_MININT;
  if (exact != NULL)
    *exact = TRUE;
  return zicha_day_from_ymd (y, m, d);
}

/* Counting sort of the rows by audit: audit_start[a] .. audit_start[a + 1] - 1 index
 * by_audit[], which keeps the rowid order within an audit. O(rows + audits). */
static void
bucket_rows_by_audit (ZichaTeamData *td)
{
  gsize n_keys = td->n_audits;
  guint *start = g_new0 (guint, n_keys + 1);
  guint *order = g_new (guint, MAX (td->n_rows, 1));
  guint *next = g_new (guint, n_keys + 1);
  gsize k;
  guint i;

  for (i = 0; i < td->n_rows; i++)
    start[td->rows[i].audit + 1]++;
  for (k = 0; k < n_keys; k++)
    start[k + 1] += start[k];
  memcpy (next, start, (n_keys + 1) * sizeof (guint));
  for (i = 0; i < td->n_rows; i++)
    order[next[td->rows[i].audit]++] = i;
  g_free (next);
  td->audit_start = start;
  td->by_audit = order;
}

/* Sorts @n keys in place (quicksort, insertion sort for short runs): the stays' sort keys. */
static void
sort_keys (guint64 *keys, gsize n)
{
  while (n > 16)
    {
      guint64 pivot = keys[n / 2], t;
      gsize i = 0, j = n - 1;

      /* Hoare partition */
      for (;;)
        {
          while (keys[i] < pivot)
            i++;
          while (keys[j] > pivot)
            j--;
          if (i >= j)
            break;
          t = keys[i];
          keys[i] = keys[j];
          keys[j] = t;
          i++;
          j--;
        }
      /* recurse into the smaller part, loop on the larger one */
      if (j + 1 < n - j - 1)
        {
          sort_keys (keys, j + 1);
          keys += j + 1;
          n -= j + 1;
        }
      else
        {
          sort_keys (keys + j + 1, n - j - 1);
          n = j + 1;
        }
    }
  for (gsize i = 1; i < n; i++)
    {
      guint64 k = keys[i];
      gsize j = i;

      for (; j > 0 && keys[j - 1] > k; j--)
        keys[j] = keys[j - 1];
      keys[j] = k;
    }
}

/* Bits of a stay's sort key: first day, last day (days after the earliest first day), position
 * in the person's rows (their rowid order, which is their id order). */
#define STAY_DAY_BITS 21
#define STAY_POS_BITS 22

/* The stays: a counting sort by person (rowid order within a person), then each person's
 * rows sorted by (first day, last day, id): by one integer key each when the days span less
 * than 2^21 days, else by comparing the rows. */
static void
sort_stays (ZichaTeamData *td)
{
  gsize n_keys = td->n_persons, k;
  guint *start = g_new0 (guint, n_keys + 1);
  guint *next = g_new (guint, n_keys + 1);
  ZichaTeamStay *stays;
  gint32 min_day = G_MAXINT32, max_day = G_MININT32;
  guint i, longest = 0;
  gboolean by_key;

  for (i = 0; i < td->n_rows; i++)
    if (td->rows[i].from != G_MININT && td->rows[i].to != G_MININT)
      start[td->rows[i].person + 1]++;
  for (k = 0; k < n_keys; k++)
    {
      longest = MAX (longest, start[k + 1]);
      start[k + 1] += start[k];
    }
  stays = g_new (ZichaTeamStay, MAX (start[n_keys], 1));
  memcpy (next, start, (n_keys + 1) * sizeof (guint));
  for (i = 0; i < td->n_rows; i++)
    {
      const ZichaTeamMember *m = &td->rows[i];
      ZichaTeamStay *stay;

      if (m->from == G_MININT || m->to == G_MININT)
        continue;
      stay = &stays[next[m->person]++];
      stay->team = m->id;
      stay->audit = m->audit;
      stay->org = td->audits[m->audit].org;
      stay->from = m->from;
      stay->to = MAX (m->to, m->from);
      min_day = MIN (min_day, stay->from);
      max_day = MAX (max_day, stay->to);
    }
  g_free (next);

  by_key = start[n_keys] == 0
           || ((gint64) max_day - min_day < (G_GINT64_CONSTANT (1) << STAY_DAY_BITS)
               && longest < (1u << STAY_POS_BITS));
  if (by_key)
    {
      g_autofree guint64 *keys = g_new (guint64, MAX (longest, 1));
      g_autofree ZichaTeamStay *copy = g_new (ZichaTeamStay, MAX (longest, 1));

      for (k = 0; k < n_keys; k++)
        {
          guint n = start[k + 1] - start[k], j;
          ZichaTeamStay *slice = stays + start[k];

          if (n < 2)
            continue;
          for (j = 0; j < n; j++)
            keys[j] = ((guint64) (slice[j].from - min_day) << (STAY_DAY_BITS + STAY_POS_BITS))
                      | ((guint64) (slice[j].to - min_day) << STAY_POS_BITS) | j;
          sort_keys (keys, n);
          memcpy (copy, slice, n * sizeof (ZichaTeamStay));
          for (j = 0; j < n; j++)
            slice[j] = copy[keys[j] & ((1u << STAY_POS_BITS) - 1)];
        }
    }
  else
    for (k = 0; k < n_keys; k++)
      if (start[k + 1] - start[k] > 1)
        qsort (stays + start[k], start[k + 1] - start[k], sizeof (ZichaTeamStay), compare_stays);
  td->stays = stays;
  td->stay_start = start;
}

static gpointer
team_data_load (ZichaRuleContext *ctx, GError **error)
{
  ZichaTeamData *td = g_new0 (ZichaTeamData, 1);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (ZichaTeamMember));
  sqlite3_stmt *stmt;
  gint64 max_person = 0;
  guint last_scheme = 0;
  gboolean ok, row;

  td->schemes = g_ptr_array_new_with_free_func (g_free);
  td->scheme_index = g_hash_table_new (g_str_hash, g_str_equal);

  /* audits, by id */
  stmt = zicha_rule_prepare (ctx, "SELECT coalesce (max (id), 0) FROM audits", error);
  ok = stmt != NULL && zicha_rule_step (ctx, stmt, &row, error);
  td->n_audits = ok && row ? (gsize) MAX (sqlite3_column_int64 (stmt, 0), 0) + 1 : 1;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!ok || td->n_audits > G_MAXINT32)
    goto fail;
  td->audits = g_new0 (ZichaTeamAudit, td->n_audits);
  stmt = zicha_rule_prepare (ctx, "SELECT id, org, scheme, start_on, end_on, start_on <= :asof,"
                                  " cert FROM audits", error);
  if (stmt == NULL)
    {
      ok = FALSE;
      goto fail;
    }
  STEP_LOOP (ctx, stmt, ok, error)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *scheme = zicha_col_text (stmt, 2);
      ZichaTeamAudit *a;
      gboolean exact;
      guint index;

      if (id < 0 || (gsize) id >= td->n_audits)
        continue;
      a = &td->audits[id];
      /* the previous audit's scheme, most often */
      if (last_scheme > 0 && strcmp (g_ptr_array_index (td->schemes, last_scheme - 1), scheme) == 0)
        index = last_scheme;
      else
        index = GPOINTER_TO_UINT (g_hash_table_lookup (td->scheme_index, scheme));
      if (index == 0)
        {
          char *copy = g_strdup (scheme);

          g_ptr_array_add (td->schemes, copy);
          index = td->schemes->len;
          g_hash_table_insert (td->scheme_index, copy, GUINT_TO_POINTER (index));
        }
      last_scheme = index;
      a->scheme = (guint16) MIN (index - 1, G_MAXUINT16);
      a->org = (gint32) sqlite3_column_int64 (stmt, 1);
      a->start = column_day (stmt, 3, &exact);
      a->exact_start = exact;
      a->end = column_day (stmt, 4, NULL);
      a->visible = sqlite3_column_int (stmt, 5) != 0;
      a->cert = (gint32) CLAMP (sqlite3_column_int64 (stmt, 6), 0, G_MAXINT32);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!ok)
    goto fail;

  /* team rows of the visible audits; a member's on-site days default to the audit's */
  stmt = zicha_rule_prepare (ctx, "SELECT id, audit, person, role, days, onsite_from, onsite_to"
                                  " FROM audit_team", error);
  if (stmt == NULL)
    {
      ok = FALSE;
      goto fail;
    }
  STEP_LOOP (ctx, stmt, ok, error)
    {
      gint64 audit = sqlite3_column_int64 (stmt, 1);
      gint64 person = sqlite3_column_int64 (stmt, 2);
      ZichaTeamMember m;
      const ZichaTeamAudit *a;

      if (audit <= 0 || (gsize) audit >= td->n_audits || !td->audits[audit].visible
          || person < 0 || person >= G_MAXINT32)
        continue;
      a = &td->audits[audit];
      memset (&m, 0, sizeof m);
      m.id = (gint32) sqlite3_column_int64 (stmt, 0);
      m.audit = (gint32) audit;
      m.person = (gint32) person;
      m.role = role_from_string (zicha_col_text (stmt, 3));
      m.days = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 4);
      m.from = sqlite3_column_type (stmt, 5) == SQLITE_NULL
               ? a->start : column_day (stmt, 5, NULL);
      m.to = sqlite3_column_type (stmt, 6) == SQLITE_NULL
             ? a->end : column_day (stmt, 6, NULL);
      max_person = MAX (max_person, person);
      g_array_append_val (rows, m);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!ok)
    goto fail;

  td->n_rows = rows->len;
  td->rows = (ZichaTeamMember *) (gpointer) g_array_free (g_steal_pointer (&rows), FALSE);
  td->n_persons = (gsize) max_person + 1;
  {
    gint64 t0 = g_get_monotonic_time (), t1;

    bucket_rows_by_audit (td);
    t1 = g_get_monotonic_time ();
    sort_stays (td);
    g_debug ("team data: %u rows, by audit %" G_GINT64_FORMAT " ms, stays %" G_GINT64_FORMAT
             " ms", td->n_rows, (t1 - t0) / 1000, (g_get_monotonic_time () - t1) / 1000);
  }
  return td;

fail:
  if (ok)
    g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, _("Could not evaluate the rules: %s"),
                 _("too many audits"));
  team_data_free (td);
  return NULL;
}

ZichaTeamData *
zicha_rule_team_data (ZichaRuleContext  *ctx,
                      GError           **error)
{
  return zicha_rule_cache_get (ctx, "team", team_data_load, (GDestroyNotify) team_data_free,
                               error);
}
