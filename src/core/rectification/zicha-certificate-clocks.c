/* zicha-certificate-clocks.c — the regulatory clocks of problem certificates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One statement finds the certificates concerned by problems that stand (their records of kind
 * "certificates"), with the earliest confirmation of those problems (found_on), the latest
 * suspension and whether the certificate was suspended, withdrawn or cancelled since that
 * confirmation; the clock of each is worked out here as zicha-certificate-actions.h defines it.
 * Problem certificates are few (a problem names a handful), so the list is read whole. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-certificate-actions.h"
#include "zicha-day.h"
#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-error.h"
#include "zicha-rectification-private.h"

static const char * const clock_labels[] = {
  "",
  /* Translators: regulatory clocks of a problem certificate: the days left to suspend it
   * (应暂停期限), the days left of its suspension (暂停期限) */
  NC_("clock", "Time left to suspend"), NC_("clock", "Time left of the suspension"),
};

const char *
zicha_clock_kind_to_string (ZichaClockKind kind)
{
  return zicha_enum_get_nick (ZICHA_TYPE_CLOCK_KIND, kind);
}

const char *
zicha_clock_kind_get_label (ZichaClockKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (clock_labels), NULL);
  if (kind == ZICHA_CLOCK_NONE)
    return "";
  return g_dpgettext2 (GETTEXT_PACKAGE, "clock", clock_labels[kind]);
}

void
zicha_cert_clock_free (ZichaCertClock *clock)
{
  if (clock == NULL)
    return;
  g_free (clock->cert_no);
  g_free (clock->org_name);
  g_free (clock->status);
  g_free (clock->status_on);
  g_free (clock->problem_number);
  g_free (clock->start_on);
  g_free (clock->deadline);
  g_free (clock);
}

/* The problems that stand and the certificates they name: (problem, cert_no). */
#define CONCERNED                                                                              \
  "SELECT r.problem, r.record_key AS cert_no, p.found_on, p.year, p.seq, p.number"            \
  " FROM problem_records AS r JOIN problems AS p ON p.id = r.problem"                          \
  " WHERE r.record_type = 'certificates' AND p.withdrawn_at IS NULL"

static const char clocks_sql[] =
  "WITH concerned AS (" CONCERNED "),"
  " first AS (SELECT cert_no, problem, number, found_on,"
  "   row_number () OVER (PARTITION BY cert_no ORDER BY found_on, year, seq) AS n"
  "   FROM concerned)"
  " SELECT c.cert_no, o.name, c.status, c.status_on, f.problem, f.number, f.found_on,"
  "  (SELECT max (e.on_date) FROM certificate_events AS e"
  "    WHERE e.cert = c.id AND e.event = 'suspend') AS suspended_on,"
  "  EXISTS (SELECT 1 FROM certificate_events AS e WHERE e.cert = c.id"
  "    AND e.event IN ('suspend', 'withdraw', 'cancel') AND e.on_date >= f.found_on) AS handled"
  " FROM first AS f JOIN certificates AS c ON c.cert_no = f.cert_no"
  " LEFT JOIN organizations AS o ON o.id = c.org"
  " WHERE f.n = 1"
  " AND (?1 = 0 OR c.cert_no IN (SELECT cert_no FROM concerned WHERE problem = ?1))"
  " AND (?2 = 0 OR c.cert_no IN (SELECT cert_no FROM concerned WHERE problem IN"
  "      (SELECT problem FROM measure_problems WHERE measure = ?2)))"
  " AND (?3 IS NULL OR c.cert_no = ?3)"
  " ORDER BY c.cert_no";

/* Works out the clock of @clock from what the statement found. */
static void
set_clock (ZichaCertClock *clock, const char *found_on, const char *suspended_on,
           gboolean handled, gint today)
{
  char deadline[11];
  gint start, end;

  if (g_strcmp0 (clock->status, "valid") == 0 && !handled && found_on != NULL)
    {
      clock->clock = ZICHA_CLOCK_SUSPEND;
      clock->start_on = g_strdup (found_on);
      start = zicha_day_from_string (found_on);
      if (start == G_MININT)
        end = G_MININT;
      else
        {
          end = start + ZICHA_SUSPEND_WITHIN_DAYS;
          zicha_day_to_string (end, deadline);
          clock->deadline = g_strdup (deadline);
        }
    }
  else if (g_strcmp0 (clock->status, "suspended") == 0
           && (suspended_on != NULL || clock->status_on != NULL))
    {
      clock->clock = ZICHA_CLOCK_SUSPENSION;
      clock->start_on = g_strdup (suspended_on != NULL ? suspended_on : clock->status_on);
      clock->deadline = zicha_date_add_months (clock->start_on, ZICHA_SUSPENSION_MAX_MONTHS);
      end = clock->deadline != NULL ? zicha_day_from_string (clock->deadline) : G_MININT;
    }
  else
    return;
  if (end == G_MININT)
    return;
  clock->days_left = end - today;
  clock->overdue = clock->days_left < 0;
  clock->due_soon = clock->days_left >= 0 && clock->days_left <= ZICHA_MEASURE_DUE_SOON_DAYS;
}

static gboolean
keep (const ZichaCertClock *clock, const ZichaClockFilter *filter)
{
  if (filter->running && clock->clock == ZICHA_CLOCK_NONE)
    return FALSE;
  switch (filter->due)
    {
    case ZICHA_DUE_OVERDUE:
      return clock->clock != ZICHA_CLOCK_NONE && clock->overdue;
    case ZICHA_DUE_WITHIN:
      return clock->clock != ZICHA_CLOCK_NONE && clock->days_left != G_MININT
             && clock->days_left >= 0 && clock->days_left <= filter->due_within_days;
    case ZICHA_DUE_ANY:
    default:
      return TRUE;
    }
}

GPtrArray *
zicha_cert_clocks_list (ZichaDb                 *db,
                        const ZichaClockFilter  *filter,
                        GError                 **error)
{
  const ZichaClockFilter none = { 0 };
  g_autoptr(GPtrArray) list = NULL;
  char today[11], until[11];
  sqlite3_stmt *stmt;
  gint day;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (filter == NULL)
    filter = &none;
  if (!_zicha_rect_filter_days (db, filter->today, 0, today, until, error))
    return NULL;
  day = zicha_day_from_string (today);
  stmt = _zicha_rect_prepare (db, error, clocks_sql, "iis", filter->problem_id,
                              filter->measure_id, filter->cert_no);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_cert_clock_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaCertClock *clock = g_new0 (ZichaCertClock, 1);

      clock->cert_no = _zicha_rect_dup_column (stmt, 0);
      clock->org_name = _zicha_rect_dup_column (stmt, 1);
      clock->status = _zicha_rect_dup_column (stmt, 2);
      clock->status_on = _zicha_rect_dup_column (stmt, 3);
      clock->problem_id = sqlite3_column_int64 (stmt, 4);
      clock->problem_number = _zicha_rect_dup_column (stmt, 5);
      clock->days_left = G_MININT;
      set_clock (clock, (const char *) sqlite3_column_text (stmt, 6),
                 (const char *) sqlite3_column_text (stmt, 7), sqlite3_column_int (stmt, 8) != 0,
                 day);
      if (keep (clock, filter))
        g_ptr_array_add (list, clock);
      else
        zicha_cert_clock_free (clock);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _zicha_rect_read_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
