/* zicha-hits.c — hits of the risk rules (风险线索): listing and triage
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triage decides here; the rows of hits are written by zicha-hit-store.c. Risk knows nothing
 * of problems (src/DESIGN.md): dismissing a hit and undoing a dismissal are transactions of
 * their own here, while confirming a hit is the problem ledger's (core/problems), which marks
 * the hit confirmed, or takes the confirmation back, inside its own transaction through
 * zicha_hits_mark_confirmed () and zicha_hits_unmark_confirmed (). Every change of a hit's
 * triage is written to the change history (entity "hit") in the same transaction, and the
 * risk scores follow the hits that enter or leave them. */
#define G_LOG_DOMAIN "zicha-hits"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "zicha-change-log.h"
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
  " h.dismiss_reason"

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

static gboolean
fail_in_transaction (ZichaDb *db, GError **error)
{
  zicha_db_set_error (db, error, _("Could not change the hit"));
  return FALSE;
}

/* Reads @hit_id and its row as JSON for the history (inside the caller's transaction). */
static ZichaHit *
get_for_change (ZichaDb *db, gint64 hit_id, char **out_json, GError **error)
{
  ZichaHit *hit = zicha_hits_get (db, hit_id, error);

  if (hit != NULL)
    *out_json = zicha_change_log_row_json (db, "hits", hit_id);
  return hit;
}

static gboolean
log_change (ZichaDb *db, gint64 hit_id, const char *user_name, const char *before,
            GError **error)
{
  g_autofree char *after = zicha_change_log_row_json (db, "hits", hit_id);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, hit_id);

  return zicha_change_log_append (db, user_name, "hit", key, ZICHA_CHANGE_UPDATE, before, after,
                                  error);
}

static gboolean
check_untriaged (ZichaHit *hit, GError **error)
{
  if (hit->status == ZICHA_HIT_CONFIRMED || hit->status == ZICHA_HIT_DISMISSED)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_CONFLICT,
                   hit->status == ZICHA_HIT_CONFIRMED ? _("The hit is already confirmed")
                                                      : _("The hit is already dismissed"));
      return FALSE;
    }
  return TRUE;
}

gboolean
zicha_hits_mark_confirmed (ZichaDb     *db,
                           gint64       hit_id,
                           const char  *user_name,
                           GError     **error)
{
  g_autoptr(ZichaHit) hit = NULL;
  g_autofree char *before = NULL;
  char now[20];

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  hit = get_for_change (db, hit_id, &before, error);
  if (hit == NULL || !check_untriaged (hit, error))
    return FALSE;
  zicha_now (now);
  if (!_zicha_hit_store_confirm (zicha_db_get_handle (db), hit_id, user_name, now))
    return fail_in_transaction (db, error);
  if (!log_change (db, hit_id, user_name, before, error))
    return FALSE;
  /* A resolved hit did not count in the risk score; confirmed, it does again. (An open one
   * counts either way: no need to compute the scores again.) */
  if (hit->status == ZICHA_HIT_RESOLVED)
    return zicha_rules_update_risk_scores (db, error);
  return TRUE;
}

gboolean
zicha_hits_unmark_confirmed (ZichaDb     *db,
                             gint64       hit_id,
                             const char  *user_name,
                             GError     **error)
{
  g_autoptr(ZichaHit) hit = NULL;
  g_autoptr(ZichaHit) after = NULL;
  g_autofree char *before = NULL;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  hit = get_for_change (db, hit_id, &before, error);
  if (hit == NULL)
    return FALSE;
  if (hit->status != ZICHA_HIT_CONFIRMED)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("The hit is not confirmed"));
      return FALSE;
    }
  if (!_zicha_hit_store_undo_triage (zicha_db_get_handle (db), hit_id))
    return fail_in_transaction (db, error);
  if (!log_change (db, hit_id, user_name, before, error))
    return FALSE;
  after = zicha_hits_get (db, hit_id, error);
  if (after == NULL)
    return FALSE;
  /* back to resolved: it leaves the risk score */
  if (after->status != ZICHA_HIT_OPEN)
    return zicha_rules_update_risk_scores (db, error);
  return TRUE;
}

/* Ends the transaction of a triage that risk makes on its own (dismiss, undo of a dismissal):
 * the risk scores are computed again and the change committed when @ok, else rolled back. */
static gboolean
commit_or_rollback (ZichaDb *db, gboolean ok, GError **error)
{
  if (ok && zicha_rules_update_risk_scores (db, error) && zicha_db_commit (db, error))
    return TRUE;
  zicha_db_rollback (db);
  return FALSE;
}

/* Dismisses one hit inside the caller's transaction. */
static gboolean
dismiss_one (ZichaDb *db, gint64 hit_id, const char *reason, const char *user_name,
             const char *now, GError **error)
{
  g_autoptr(ZichaHit) hit = NULL;
  g_autofree char *before = NULL;

  hit = get_for_change (db, hit_id, &before, error);
  if (hit == NULL || !check_untriaged (hit, error))
    return FALSE;
  if (!_zicha_hit_store_dismiss (zicha_db_get_handle (db), hit_id, reason, user_name, now))
    return fail_in_transaction (db, error);
  return log_change (db, hit_id, user_name, before, error);
}

gboolean
zicha_hits_dismiss (ZichaDb     *db,
                    gint64       hit_id,
                    const char  *reason,
                    const char  *user_name,
                    GError     **error)
{
  return zicha_hits_dismiss_many (db, &hit_id, 1, reason, user_name, error);
}

gboolean
zicha_hits_dismiss_many (ZichaDb       *db,
                         const gint64  *hit_ids,
                         guint          n_hits,
                         const char    *reason,
                         const char    *user_name,
                         GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean ok = TRUE;
  char now[20];

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (hit_ids != NULL || n_hits == 0, FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("A reason is needed to dismiss a hit"));
      return FALSE;
    }
  if (n_hits == 0)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("No risk lead to dismiss"));
      return FALSE;
    }
  if (!zicha_db_begin (db, error))
    return FALSE;
  zicha_now (now);
  for (guint i = 0; ok && i < n_hits; i++)
    if (g_hash_table_add (seen, (gpointer) &hit_ids[i]))
      ok = dismiss_one (db, hit_ids[i], trimmed, user_name, now, error);
  /* dismissed hits leave the risk score */
  return commit_or_rollback (db, ok, error);
}

/* Undoes the dismissal of one hit inside the caller's transaction. */
static gboolean
undo_one (ZichaDb *db, gint64 hit_id, const char *user_name, GError **error)
{
  g_autoptr(ZichaHit) hit = NULL;
  g_autofree char *before = NULL;

  hit = get_for_change (db, hit_id, &before, error);
  if (hit == NULL)
    return FALSE;
  if (hit->status == ZICHA_HIT_CONFIRMED)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A confirmed hit is part of a problem: undo the confirmation "
                             "through the problem list"));
      return FALSE;
    }
  if (hit->status != ZICHA_HIT_DISMISSED)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("The hit is neither confirmed nor "
                                                            "dismissed"));
      return FALSE;
    }
  if (!_zicha_hit_store_undo_triage (zicha_db_get_handle (db), hit_id))
    return fail_in_transaction (db, error);
  return log_change (db, hit_id, user_name, before, error);
}

gboolean
zicha_hits_undo_triage (ZichaDb     *db,
                        gint64       hit_id,
                        const char  *user_name,
                        GError     **error)
{
  return zicha_hits_undo_triage_many (db, &hit_id, 1, user_name, error);
}

gboolean
zicha_hits_undo_triage_many (ZichaDb       *db,
                             const gint64  *hit_ids,
                             guint          n_hits,
                             const char    *user_name,
                             GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);
  g_return_val_if_fail (hit_ids != NULL || n_hits == 0, FALSE);

  if (!zicha_db_begin (db, error))
    return FALSE;
  for (guint i = 0; ok && i < n_hits; i++)
    if (g_hash_table_add (seen, (gpointer) &hit_ids[i]))
      ok = undo_one (db, hit_ids[i], user_name, error);
  /* back in the risk score when it is open again */
  return commit_or_rollback (db, ok, error);
}
