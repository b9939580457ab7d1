/* zicha-hits.c — hits of the risk rules (风险线索): listing and triage
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triage decides here and writes problems here; the rows of hits are written by
 * zicha-hit-store.c. */
#define G_LOG_DOMAIN "zicha-hits"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-message.h"
#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-hits-private.h"
#include "zicha-hits.h"
#include "zicha-rules.h"

static const char *status_labels[] = { N_("Open"), N_("Confirmed"), N_("Dismissed"), N_("Resolved") };

const char *
zicha_hit_status_to_string (ZichaHitStatus status)
{
  return zicha_enum_get_nick (ZICHA_TYPE_HIT_STATUS, status);
}

gboolean
zicha_hit_status_from_string (const char     *str,
                              ZichaHitStatus *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_HIT_STATUS, str, FALSE, &value))
    return FALSE;
  *out = (ZichaHitStatus) value;
  return TRUE;
}

const char *
zicha_hit_status_get_label (ZichaHitStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, status_labels[status]);
}

ZichaHit *
zicha_hit_copy (const ZichaHit *hit)
{
  ZichaHit *copy = g_new0 (ZichaHit, 1);

  *copy = *hit;
  copy->rule = g_strdup (hit->rule);
  copy->area = g_strdup (hit->area);
  copy->severity = g_strdup (hit->severity);
  copy->entity_type = g_strdup (hit->entity_type);
  copy->entity_key = g_strdup (hit->entity_key);
  copy->message = g_strdup (hit->message);
  copy->details = g_strdup (hit->details);
  copy->first_found_on = g_strdup (hit->first_found_on);
  copy->last_found_on = g_strdup (hit->last_found_on);
  copy->triaged_by = g_strdup (hit->triaged_by);
  copy->triaged_at = g_strdup (hit->triaged_at);
  copy->dismiss_reason = g_strdup (hit->dismiss_reason);
  return copy;
}

void
zicha_hit_free (ZichaHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->rule);
  g_free (hit->area);
  g_free (hit->severity);
  g_free (hit->entity_type);
  g_free (hit->entity_key);
  g_free (hit->message);
  g_free (hit->details);
  g_free (hit->first_found_on);
  g_free (hit->last_found_on);
  g_free (hit->triaged_by);
  g_free (hit->triaged_at);
  g_free (hit->dismiss_reason);
  g_free (hit);
}

G_DEFINE_BOXED_TYPE (ZichaHit, zicha_hit, zicha_hit_copy, zicha_hit_free)

void
zicha_hit_record_free (ZichaHitRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->record_type);
  g_free (record->record_key);
  g_free (record);
}

/* Queries -------------------------------------------------------------------------------- */

#define HIT_COLUMNS                                                                      \
  "h.id, h.rule, h.area, h.severity, h.entity_type, h.entity_key, h.status, h.message,"  \
  " h.details, h.first_found_on, h.last_found_on, h.last_run, h.triaged_by, h.triaged_at," \
  " h.dismiss_reason, (SELECT max (p.id) FROM problems AS p WHERE p.hit = h.id)"

static char *
dup_col (sqlite3_stmt *stmt, int col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static ZichaHit *
hit_from_row (sqlite3_stmt *stmt)
{
  ZichaHit *hit = g_new0 (ZichaHit, 1);

  hit->id = sqlite3_column_int64 (stmt, 0);
  hit->rule = dup_col (stmt, 1);
  hit->area = dup_col (stmt, 2);
  hit->severity = dup_col (stmt, 3);
  hit->entity_type = dup_col (stmt, 4);
  hit->entity_key = dup_col (stmt, 5);
  if (!zicha_hit_status_from_string ((const char *) sqlite3_column_text (stmt, 6), &hit->status))
    hit->status = ZICHA_HIT_OPEN;
  /* stored as its format and arguments: shown in the reader's language */
  hit->message = zicha_message_render ((const char *) sqlite3_column_text (stmt, 7));
  hit->details = dup_col (stmt, 8);
  hit->first_found_on = dup_col (stmt, 9);
  hit->last_found_on = dup_col (stmt, 10);
  hit->last_run = sqlite3_column_int64 (stmt, 11);
  hit->triaged_by = dup_col (stmt, 12);
  hit->triaged_at = dup_col (stmt, 13);
  hit->dismiss_reason = dup_col (stmt, 14);
  hit->problem = sqlite3_column_int64 (stmt, 15);
  return hit;
}

static gboolean
set_query_error (ZichaDb *db, GError **error)
{
  zicha_db_set_error (db, error, _("Could not read the hits"));
  return FALSE;
}

/* Builds " WHERE …" for @filter; the values to bind go to @values in order. */
static void
filter_sql (const ZichaHitFilter *filter, GString *sql, GPtrArray *values)
{
  static const struct { gsize offset; const char *column; } eq[] = {
    { G_STRUCT_OFFSET (ZichaHitFilter, rule), "h.rule" },
    { G_STRUCT_OFFSET (ZichaHitFilter, area), "h.area" },
    { G_STRUCT_OFFSET (ZichaHitFilter, severity), "h.severity" },
    { G_STRUCT_OFFSET (ZichaHitFilter, status), "h.status" },
    { G_STRUCT_OFFSET (ZichaHitFilter, entity_type), "h.entity_type" },
  };
  const char *sep = " WHERE ";
  guint i;

  if (filter == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (eq); i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, filter, eq[i].offset);

      if (value == NULL || *value == '\0')
        continue;
      g_string_append_printf (sql, "%s%s = ?%u", sep, eq[i].column, values->len + 1);
      g_ptr_array_add (values, g_strdup (value));
      sep = " AND ";
    }
  if (filter->text != NULL && *filter->text != '\0')
    {
      GString *pattern = g_string_new ("%");
      const char *p;

      for (p = filter->text; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      g_string_append_printf (sql, "%s(zicha_message (h.message) LIKE ?%u ESCAPE '\\'"
                                   " OR h.entity_key LIKE ?%u"
                                   " ESCAPE '\\' OR h.rule LIKE ?%u ESCAPE '\\')",
                              sep, values->len + 1, values->len + 1, values->len + 1);
      g_ptr_array_add (values, g_string_free (pattern, FALSE));
    }
}

static void
bind_values (sqlite3_stmt *stmt, GPtrArray *values)
{
  guint i;

  for (i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i), -1, SQLITE_STATIC);
}

static void
order_sql (GString *sql, ZichaHitOrder order, const char *dir)
{
  const char *first, *second, *third;

  switch (order)
    {
    case ZICHA_HIT_ORDER_RULE:
      first = "h.rule", second = "h.entity_key", third = "h.id";
      break;
    case ZICHA_HIT_ORDER_ENTITY:
      first = "h.entity_key", second = "h.rule", third = "h.id";
      break;
    case ZICHA_HIT_ORDER_STATUS:
      first = "h.status", second = "h.rule", third = "h.id";
      break;
    case ZICHA_HIT_ORDER_LAST_FOUND:
      first = "h.last_found_on", second = "h.rule", third = "h.id";
      break;
    case ZICHA_HIT_ORDER_ID:
      first = "h.id", second = "h.rule", third = "h.entity_key";
      break;
    case ZICHA_HIT_ORDER_DEFAULT:
    default:
      first = "CASE h.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END";
      second = "h.rule", third = "h.entity_key";
      break;
    }
  g_string_append_printf (sql, " ORDER BY %s %s, %s %s, %s %s", first, dir, second, dir, third, dir);
}

gint64
zicha_hits_count (ZichaDb               *db,
                  const ZichaHitFilter  *filter,
                  GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count (*) FROM hits AS h");
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  filter_sql (filter, sql, values);
  if (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_query_error (db, error);
      return -1;
    }
  bind_values (stmt, values);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    set_query_error (db, error);
  sqlite3_finalize (stmt);
  return n;
}

GPtrArray *
zicha_hits_query_page (ZichaDb               *db,
                       const ZichaHitFilter  *filter,
                       ZichaHitOrder          order,
                       gboolean               descending,
                       guint                  offset,
                       guint                  limit,
                       gint64                *out_total,
                       GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " HIT_COLUMNS " FROM hits AS h");
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_hit_free);
  const char *dir = descending ? "DESC" : "ASC";
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  if (out_total != NULL)
    {
      *out_total = zicha_hits_count (db, filter, error);
      if (*out_total < 0)
        return NULL;
    }
  filter_sql (filter, sql, values);
  order_sql (sql, order, dir);
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u OFFSET %u", limit, offset);
  else if (offset > 0)
    g_string_append_printf (sql, " LIMIT -1 OFFSET %u", offset);

  if (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_query_error (db, error);
      return NULL;
    }
  bind_values (stmt, values);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (hits, hit_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_query_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}

GPtrArray *
zicha_hits_query (ZichaDb               *db,
                  const ZichaHitFilter  *filter,
                  GError               **error)
{
  return zicha_hits_query_page (db, filter, ZICHA_HIT_ORDER_DEFAULT, FALSE, 0, 0, NULL, error);
}

GArray *
zicha_hits_query_ids (ZichaDb               *db,
                      const ZichaHitFilter  *filter,
                      ZichaHitOrder          order,
                      gboolean               descending,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT h.id FROM hits AS h");
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  handle = zicha_db_get_handle (db);
  filter_sql (filter, sql, values);
  order_sql (sql, order, descending ? "DESC" : "ASC");
  if (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_query_error (db, error);
      return NULL;
    }
  bind_values (stmt, values);
  if (cancellable != NULL)
    zicha_db_watch_cancellable (handle, cancellable, 2000);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (cancellable != NULL)
    zicha_db_unwatch_cancellable (handle);
  if (rc != SQLITE_DONE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      set_query_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
zicha_hits_get_many (ZichaDb       *db,
                     const gint64  *ids,
                     guint          n_ids,
                     GError       **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_hit_free);
  sqlite3_stmt *stmt = NULL;
  guint i;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT " HIT_COLUMNS " FROM hits AS h WHERE h.id = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      set_query_error (db, error);
      return NULL;
    }
  for (i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (hits, hit_from_row (stmt));
      else if (rc == SQLITE_DONE)
        g_ptr_array_add (hits, NULL);
      else
        {
          sqlite3_finalize (stmt);
          set_query_error (db, error);
          return NULL;
        }
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&hits);
}

static ZichaHit *
get_one (ZichaDb *db, const char *where, gint64 id, const char *rule, const char *key,
         GError **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " HIT_COLUMNS " FROM hits AS h WHERE ", where, NULL);
  sqlite3_stmt *stmt = NULL;
  ZichaHit *hit = NULL;
  int rc;

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_query_error (db, error);
      return NULL;
    }
  if (rule != NULL)
    {
      sqlite3_bind_text (stmt, 1, rule, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    hit = hit_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND, _("No such hit"));
  else
    set_query_error (db, error);
  sqlite3_finalize (stmt);
  return hit;
}

ZichaHit *
zicha_hits_get (ZichaDb  *db,
                gint64    hit_id,
                GError  **error)
{
  return get_one (db, "h.id = ?1", hit_id, NULL, NULL, error);
}

ZichaHit *
zicha_hits_lookup (ZichaDb     *db,
                   const char  *rule,
                   const char  *entity_key,
                   GError     **error)
{
  g_return_val_if_fail (rule != NULL && entity_key != NULL, NULL);
  return get_one (db, "h.rule = ?1 AND h.entity_key = ?2", 0, rule, entity_key, error);
}

GPtrArray *
zicha_hits_get_records (ZichaDb  *db,
                        gint64    hit_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_hit_record_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT record_type, record_key FROM hit_records WHERE hit = ?"
                          " ORDER BY record_type, record_key", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_query_error (db, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, hit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZichaHitRecord *record = g_new0 (ZichaHitRecord, 1);

      record->record_type = dup_col (stmt, 0);
      record->record_key = dup_col (stmt, 1);
      g_ptr_array_add (records, record);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_query_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* Triage --------------------------------------------------------------------------------- */

/* Runs @sql with text/int parameters: each of @args is a const char * (NULL = SQL NULL) for
 * 's' in @types, or a gint64 for 'i'. Returns sqlite3_changes or -1. */
static gint64
exec_params (sqlite3 *db, const char *sql, const char *types, ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list ap;
  int rc, i;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s\n%s", sqlite3_errmsg (db), sql);
      return -1;
    }
  va_start (ap, types);
  for (i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (ap, gint64));
      else
        sqlite3_bind_text (stmt, i + 1, va_arg (ap, const char *), -1, SQLITE_TRANSIENT);
    }
  va_end (ap);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return -1;
  return sqlite3_changes (db);
}

static gboolean
fail (ZichaDb *db, GError **error)
{
  zicha_db_set_error (db, error, _("Could not change the hit"));
  sqlite3_exec (zicha_db_get_handle (db), "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Begins a transaction and reads the hit; FALSE (rolled back) with @error when it is missing. */
static ZichaHit *
begin_with_hit (ZichaDb *db, gint64 hit_id, GError **error)
{
  ZichaHit *hit;

  if (sqlite3_exec (zicha_db_get_handle (db), "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, error, _("Could not change the hit"));
      return NULL;
    }
  hit = zicha_hits_get (db, hit_id, error);
  if (hit == NULL)
    sqlite3_exec (zicha_db_get_handle (db), "ROLLBACK", NULL, NULL, NULL);
  return hit;
}

static gboolean
check_untriaged (ZichaDb *db, ZichaHit *hit, GError **error)
{
  if (hit->status == ZICHA_HIT_CONFIRMED || hit->status == ZICHA_HIT_DISMISSED)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT,
                   hit->status == ZICHA_HIT_CONFIRMED ? _("The hit is already confirmed")
                                                      : _("The hit is already dismissed"));
      sqlite3_exec (zicha_db_get_handle (db), "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
commit_and_score (ZichaDb *db, GError **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);

  /* dismissed hits leave the risk score, confirmed ones stay in it */
  if (!zicha_rules_update_risk_scores (db, error))
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    return fail (db, error);
  return TRUE;
}

gboolean
zicha_hits_confirm (ZichaDb     *db,
                    gint64       hit_id,
                    const char  *user_name,
                    gint64      *out_problem_id,
                    GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autoptr(ZichaHit) hit = NULL;
  const ZichaRule *rule;
  char now[20];
  gint64 problem;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  hit = begin_with_hit (db, hit_id, error);
  if (hit == NULL || !check_untriaged (db, hit, error))
    return FALSE;
  zicha_now (now);
  rule = zicha_rules_lookup (hit->rule);

  if (exec_params (handle,
                   "INSERT INTO problems (area, severity, title, description, source, hit,"
                   " created_at, created_by) VALUES (?, ?, ?, ?, 'hit', ?, ?, ?)",
                   "ssssiss", hit->area, hit->severity,
                   rule != NULL ? zicha_rule_get_title (rule) : hit->rule, hit->message,
                   hit->id, now, user_name) < 0)
    return fail (db, error);
  problem = sqlite3_last_insert_rowid (handle);
  if (exec_params (handle,
                   "INSERT OR IGNORE INTO problem_records (problem, record_type, record_key)"
                   " SELECT ?, record_type, record_key FROM hit_records WHERE hit = ?",
                   "ii", problem, hit->id) < 0
      || !_zicha_hit_store_confirm (handle, hit->id, user_name, now))
    return fail (db, error);
  /* A resolved hit did not count in the risk score; confirmed, it does again. (An open one
   * counts either way: no need to compute the scores again.) */
  if (hit->status == ZICHA_HIT_RESOLVED)
    {
      if (!commit_and_score (db, error))
        return FALSE;
    }
  else if (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    return fail (db, error);
  if (out_problem_id != NULL)
    *out_problem_id = problem;
  return TRUE;
}

gboolean
zicha_hits_dismiss (ZichaDb     *db,
                    gint64       hit_id,
                    const char  *reason,
                    const char  *user_name,
                    GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autoptr(ZichaHit) hit = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  char now[20];

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("A reason is needed to dismiss a hit"));
      return FALSE;
    }
  hit = begin_with_hit (db, hit_id, error);
  if (hit == NULL || !check_untriaged (db, hit, error))
    return FALSE;
  zicha_now (now);
  if (!_zicha_hit_store_dismiss (handle, hit->id, trimmed, user_name, now))
    return fail (db, error);
  return commit_and_score (db, error);
}

gboolean
zicha_hits_undo_triage (ZichaDb     *db,
                        gint64       hit_id,
                        const char  *user_name,
                        GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autoptr(ZichaHit) hit = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  hit = begin_with_hit (db, hit_id, error);
  if (hit == NULL)
    return FALSE;
  if (hit->status != ZICHA_HIT_CONFIRMED && hit->status != ZICHA_HIT_DISMISSED)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("The hit is neither confirmed nor "
                                                            "dismissed"));
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (hit->status == ZICHA_HIT_CONFIRMED)
    {
      sqlite3_stmt *stmt = NULL;
      gint64 measures = 0;

      if (sqlite3_prepare_v2 (handle,
                              "SELECT count (*) FROM measures WHERE problem IN"
                              " (SELECT id FROM problems WHERE hit = ? AND source = 'hit')",
                              -1, &stmt, NULL) != SQLITE_OK)
        return fail (db, error);
      sqlite3_bind_int64 (stmt, 1, hit->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        measures = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (measures > 0)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT,
                       _("The problem made from this hit already has rectification measures"));
          sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (exec_params (handle,
                       "DELETE FROM problem_records WHERE problem IN"
                       " (SELECT id FROM problems WHERE hit = ? AND source = 'hit')", "i",
                       hit->id) < 0
          || exec_params (handle, "DELETE FROM problems WHERE hit = ? AND source = 'hit'", "i",
                          hit->id) < 0)
        return fail (db, error);
    }
  if (!_zicha_hit_store_undo_triage (handle, hit->id))
    return fail (db, error);
  (void) user_name;
  return commit_and_score (db, error);
}
