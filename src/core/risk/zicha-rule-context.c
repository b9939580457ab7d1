/* zicha-rule-context.c — what a rule sees while it runs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule context's helpers for rule implementations: parameter values, preparing and
 * stepping statements, adding hits and their records; the run's cache of data several rules
 * share; translated labels of roles and expense categories for messages. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "zicha-error.h"
#include "zicha-rules-private.h"

/* Parameters ----------------------------------------------------------------------------- */

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

  return _zicha_rule_param_value_int (param, ctx->values[i]);
}

void
zicha_rule_param_fraction (ZichaRuleContext *ctx,
                           const char       *name,
                           gint64           *num,
                           gint64           *den)
{
  guint i = 0;

  ctx_param (ctx, name, &i);
  _zicha_rule_param_value_fraction (ctx->values[i], num, den);
}

/* Statements ----------------------------------------------------------------------------- */

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

/* Hits ----------------------------------------------------------------------------------- */

void
_zicha_found_hit_free (ZichaFoundHit *hit)
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

ZichaRuleCache *
_zicha_rule_cache_new (void)
{
  ZichaRuleCache *cache = g_new0 (ZichaRuleCache, 1);

  g_mutex_init (&cache->lock);
  cache->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) cache_item_free);
  g_mutex_init (&cache->ready_lock);
  cache->ready = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return cache;
}

void
_zicha_rule_cache_free (ZichaRuleCache *cache)
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

gboolean
_zicha_rule_cache_is_ready (ZichaRuleCache *cache,
                            const char     *name)
{
  gboolean ready;

  g_mutex_lock (&cache->ready_lock);
  ready = g_hash_table_contains (cache->ready, name);
  g_mutex_unlock (&cache->ready_lock);
  return ready;
}

/* Contexts ------------------------------------------------------------------------------- */

void
_zicha_rule_context_clear (ZichaRuleContext *ctx)
{
  guint i;

  for (i = 0; i < ZICHA_RULE_MAX_PARAMS; i++)
    g_clear_pointer (&ctx->values[i], g_free);
  g_clear_pointer (&ctx->hits, g_ptr_array_unref);
  g_clear_pointer (&ctx->keys, g_hash_table_unref);
}

/* Labels --------------------------------------------------------------------------------- */

const char *
zicha_rule_role_label (const char *role)
{
  if (g_strcmp0 (role, "leader") == 0)
    return zicha_message_label (N_("team leader"));
  if (g_strcmp0 (role, "auditor") == 0)
    return zicha_message_label (N_("auditor"));
  if (g_strcmp0 (role, "expert") == 0)
    return zicha_message_label (N_("technical expert"));
  if (g_strcmp0 (role, "trainee") == 0)
    return zicha_message_label (N_("trainee auditor"));
  if (g_strcmp0 (role, "observer") == 0)
    return zicha_message_label (N_("observer"));
  return role != NULL ? role : "";
}

const char *
zicha_rule_category_label (const char *category)
{
  if (g_strcmp0 (category, "travel") == 0)
    return zicha_message_label (N_("Travel"));
  if (g_strcmp0 (category, "lodging") == 0)
    return zicha_message_label (N_("Lodging"));
  if (g_strcmp0 (category, "meals") == 0)
    return zicha_message_label (N_("Meals"));
  if (g_strcmp0 (category, "other") == 0)
    return zicha_message_label (N_("Other expense"));
  return category != NULL ? category : "";
}
