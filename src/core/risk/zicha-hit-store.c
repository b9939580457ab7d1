/* zicha-hit-store.c — the one writer of the hits table
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statement that inserts, updates or deletes rows of hits and hit_records: after a run,
 * the hits found are merged in (a hit found again keeps its triage state, one not found again
 * is resolved, one found again unchanged is only touched); triage (zicha-hits.c) sets a hit's
 * status and undoes it, each inside the caller's transaction. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "zicha-error.h"
#include "zicha-hits-private.h"
#include "zicha-rules-private.h"

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

static gint64
max_hit_id (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (db, "SELECT coalesce (max (id), 0) FROM hits", -1, &stmt,
                          NULL) == SQLITE_OK
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

gboolean
_zicha_hit_store_merge (sqlite3                *db,
                        const ZichaRuleOutcome *found,
                        guint                   n_found,
                        gint64                  run_id,
                        const char             *today,
                        ZichaRuleRunResult     *result,
                        GError                **error)
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
                        " status = CASE hits.status WHEN 'resolved' THEN 'open'"
                        " ELSE hits.status END,"
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

  for (i = 0; i < n_found; i++)
    {
      const ZichaRule *rule = found[i].rule;
      GPtrArray *hits = found[i].hits;
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
              g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                           _("Could not store the hits: %s"), sqlite3_errmsg (db));
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
      sqlite3_bind_int64 (ins_stat, 4, found[i].duration_ms);
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

/* Triage --------------------------------------------------------------------------------- */

static sqlite3_stmt *
prepare_triage (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("%s\n%s", sqlite3_errmsg (db), sql);
      return NULL;
    }
  return stmt;
}

/* Steps and finalizes @stmt. */
static gboolean
step_triage (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

gboolean
_zicha_hit_store_confirm (sqlite3    *db,
                          gint64      hit_id,
                          const char *user_name,
                          const char *now)
{
  sqlite3_stmt *stmt = prepare_triage (db,
                                       "UPDATE hits SET triage_prev_status = status,"
                                       " status = 'confirmed', triaged_by = ?, triaged_at = ?,"
                                       " dismiss_reason = NULL WHERE id = ?");

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, hit_id);
  return step_triage (stmt);
}

gboolean
_zicha_hit_store_dismiss (sqlite3    *db,
                          gint64      hit_id,
                          const char *reason,
                          const char *user_name,
                          const char *now)
{
  sqlite3_stmt *stmt = prepare_triage (db,
                                       "UPDATE hits SET triage_prev_status = status,"
                                       " status = 'dismissed', triaged_by = ?, triaged_at = ?,"
                                       " dismiss_reason = ? WHERE id = ?");

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, hit_id);
  return step_triage (stmt);
}

gboolean
_zicha_hit_store_undo_triage (sqlite3 *db,
                              gint64   hit_id)
{
  sqlite3_stmt *stmt = prepare_triage (db,
                                       "UPDATE hits SET status = coalesce (triage_prev_status,"
                                       " 'open'), triage_prev_status = NULL, triaged_by = NULL,"
                                       " triaged_at = NULL, dismiss_reason = NULL WHERE id = ?");

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hit_id);
  return step_triage (stmt);
}
