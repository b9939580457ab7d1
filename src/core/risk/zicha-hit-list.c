/* zicha-hit-list.c — the hits of the risk rules (风险线索) as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are found (zicha_hits_query_ids) and the rows kept by a ZichaPagedModel
 * (zicha-paged-model.h); the hits are read a page of ZICHA_HIT_LIST_PAGE_SIZE at a time. */
#define G_LOG_DOMAIN "zicha-hit-list"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-hit-list.h"
#include "zicha-hits-private.h"

/* ZichaHitList ---------------------------------------------------------------------------- */

/* What a query asks for, as given to the worker thread. */
typedef struct
{
  char          *fields[6];   /* rule, area, severity, status, entity_type, text */
  ZichaHitOrder  order;
  gboolean       descending;
} HitQuery;

static void
hit_query_free (gpointer data)
{
  HitQuery *query = data;

  for (guint i = 0; i < G_N_ELEMENTS (query->fields); i++)
    g_free (query->fields[i]);
  g_free (query);
}

struct _ZichaHitList
{
  ZichaPagedList   parent_instance;

  char            *filter[6];
  ZichaHitOrder    order;
  gboolean         descending;

};

/* In the worker thread. */
static gboolean
query_ids (ZichaDb        *db,
           gconstpointer   data,
           ZichaPagedIds  *ids,
           GCancellable   *cancellable,
           GError        **error)
{
  const HitQuery *query = data;
  ZichaHitFilter filter = {
    query->fields[0], query->fields[1], query->fields[2], query->fields[3], query->fields[4],
    query->fields[5],
  };
  g_autoptr(GArray) found = NULL;

  found = zicha_hits_query_ids (db, &filter, query->order, query->descending, cancellable,
                                error);
  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    zicha_paged_ids_add (ids, g_array_index (found, gint64, i));
  return TRUE;
}

static void
read_items (GObject      *owner,
            ZichaDb      *db,
            const gint64 *ids,
            guint         n_ids,
            GPtrArray    *items)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = zicha_hits_get_many (db, ids, n_ids, &error);
  if (hits == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; i < n_ids; i++)
    {
      ZichaHit *hit = hits != NULL ? g_steal_pointer (&g_ptr_array_index (hits, i)) : NULL;

      if (hit == NULL)
        {
          /* Gone since the query: an empty row keeps the positions right. */
          hit = g_new0 (ZichaHit, 1);
          hit->id = ids[i];
          hit->rule = g_strdup ("");
          hit->area = g_strdup ("");
          hit->severity = g_strdup ("");
          hit->entity_type = g_strdup ("");
          hit->entity_key = g_strdup ("");
          hit->message = g_strdup ("");
        }
      g_ptr_array_add (items, _zicha_hit_row_new (hit));
    }
}

static const ZichaPagedModelFuncs paged_funcs = {
  .name = "hits",
  .task_name = "[zicha] list hits",
  .page_size = ZICHA_HIT_LIST_PAGE_SIZE,
  .clear_on_error = TRUE,
  .query_ids = query_ids,
  .read_items = read_items,
};

G_DEFINE_FINAL_TYPE (ZichaHitList, zicha_hit_list, ZICHA_TYPE_PAGED_LIST)

#define PAGED(self) (zicha_paged_list_get_model (ZICHA_PAGED_LIST (self)))

static void
start_query (ZichaHitList *self)
{
  HitQuery *query = g_new0 (HitQuery, 1);

  for (guint i = 0; i < G_N_ELEMENTS (query->fields); i++)
    query->fields[i] = g_strdup (self->filter[i]);
  query->order = self->order;
  query->descending = self->descending;
  zicha_paged_model_start (PAGED (self), query, hit_query_free);
}

static void
zicha_hit_list_finalize (GObject *object)
{
  ZichaHitList *self = ZICHA_HIT_LIST (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->filter); i++)
    g_free (self->filter[i]);

  G_OBJECT_CLASS (zicha_hit_list_parent_class)->finalize (object);
}

static void
zicha_hit_list_class_init (ZichaHitListClass *klass)
{
  ZichaPagedListClass *list_class = ZICHA_PAGED_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = zicha_hit_list_finalize;
  list_class->item_type = ZICHA_TYPE_HIT_ROW;
  list_class->funcs = paged_funcs;
}

static void
zicha_hit_list_init (ZichaHitList *self)
{
}

ZichaHitList *
zicha_hit_list_new (ZichaDb *db)
{
  ZichaHitList *self;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  self = g_object_new (ZICHA_TYPE_HIT_LIST, NULL);
  zicha_paged_model_set_db (PAGED (self), db);
  start_query (self);
  return self;
}

void
zicha_hit_list_set_filter (ZichaHitList         *self,
                           const ZichaHitFilter *filter)
{
  const char *fields[6] = { NULL, };

  g_return_if_fail (ZICHA_IS_HIT_LIST (self));

  if (filter != NULL)
    {
      fields[0] = filter->rule;
      fields[1] = filter->area;
      fields[2] = filter->severity;
      fields[3] = filter->status;
      fields[4] = filter->entity_type;
      fields[5] = filter->text;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (self->filter[i]);
      self->filter[i] = fields[i] != NULL && *fields[i] != '\0' ? g_strdup (fields[i]) : NULL;
    }
  if (self->filter[5] != NULL)
    g_strstrip (self->filter[5]);
  start_query (self);
}

void
zicha_hit_list_set_order (ZichaHitList  *self,
                          ZichaHitOrder  order,
                          gboolean       descending)
{
  g_return_if_fail (ZICHA_IS_HIT_LIST (self));

  if (self->order == order && self->descending == descending)
    return;
  self->order = order;
  self->descending = descending;
  start_query (self);
}

void
zicha_hit_list_reload (ZichaHitList *self)
{
  g_return_if_fail (ZICHA_IS_HIT_LIST (self));
  start_query (self);
}

guint
zicha_hit_list_update_hit (ZichaHitList *self,
                           gint64        hit_id)
{
  ZichaHitRow *row;
  guint position;

  g_return_val_if_fail (ZICHA_IS_HIT_LIST (self), G_MAXUINT);

  position = zicha_paged_list_find (ZICHA_PAGED_LIST (self), hit_id);
  if (position == G_MAXUINT)
    return G_MAXUINT;

  /* A row not read yet will be read afresh anyway. */
  row = zicha_paged_model_peek_item (PAGED (self), position);
  if (row != NULL)
    {
      g_autoptr(GError) error = NULL;
      ZichaHit *hit = zicha_hits_get (zicha_paged_model_get_db (PAGED (self)), hit_id, &error);

      if (hit != NULL)
        _zicha_hit_row_set_hit (row, hit);
      else
        g_warning ("%s", error->message);
    }
  return position;
}

/* Counts and runs ------------------------------------------------------------------------- */

void
zicha_hit_rule_count_free (ZichaHitRuleCount *count)
{
  if (count == NULL)
    return;
  g_free (count->rule_id);
  g_free (count->area);
  g_free (count);
}

GPtrArray *
zicha_hits_count_by_rule (ZichaDb  *db,
                          GError  **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  const ZichaRule *rules;
  sqlite3_stmt *stmt = NULL;
  guint n_rules = 0;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_hit_rule_count_free);
  rules = zicha_rules_get_all (&n_rules);
  for (guint i = 0; i < n_rules; i++)
    {
      ZichaHitRuleCount *count = g_new0 (ZichaHitRuleCount, 1);

      count->rule = &rules[i];
      count->rule_id = g_strdup (rules[i].id);
      count->area = g_strdup (zicha_rule_area_to_string (rules[i].area));
      g_ptr_array_add (counts, count);
      g_hash_table_insert (by_id, count->rule_id, count);
    }

  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT rule, area, status, count (*) FROM hits"
                          " GROUP BY rule, area, status", -1, &stmt, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, error, _("Could not read the hits"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *rule_id = (const char *) sqlite3_column_text (stmt, 0);
      ZichaHitRuleCount *count = g_hash_table_lookup (by_id, rule_id);
      ZichaHitStatus status;

      if (count == NULL)
        {
          count = g_new0 (ZichaHitRuleCount, 1);
          count->rule_id = g_strdup (rule_id);
          count->area = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_ptr_array_add (counts, count);
          g_hash_table_insert (by_id, count->rule_id, count);
        }
      if (zicha_hit_status_from_string ((const char *) sqlite3_column_text (stmt, 2), &status))
        count->by_status[status] += (guint) sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (db, error, _("Could not read the hits"));
      return NULL;
    }
  return g_steal_pointer (&counts);
}

gboolean
zicha_hits_get_last_run (ZichaDb  *db,
                         char    **out_as_of,
                         char    **out_finished_at,
                         GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (out_as_of != NULL)
    *out_as_of = NULL;
  if (out_finished_at != NULL)
    *out_finished_at = NULL;
  if (sqlite3_prepare_v2 (zicha_db_get_handle (db),
                          "SELECT as_of, finished_at FROM rule_runs WHERE status = 'finished'"
                          " ORDER BY id DESC LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, error, _("Could not read the hits"));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      if (out_as_of != NULL)
        *out_as_of = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (out_finished_at != NULL)
        *out_finished_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    zicha_db_set_error (db, error, _("Could not read the hits"));
  sqlite3_finalize (stmt);
  return found;
}
