/* zicha-hit-list.c — the hits of the risk rules (风险线索) as a list read page by page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-hit-list"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-error.h"
#include "zicha-hit-list.h"

#define N_CACHED_PAGES 8

/* ZichaHitRow ----------------------------------------------------------------------------- */

struct _ZichaHitRow
{
  GObject   parent_instance;

  ZichaHit *hit;
};

G_DEFINE_FINAL_TYPE (ZichaHitRow, zicha_hit_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_HIT,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
zicha_hit_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZichaHitRow *self = ZICHA_HIT_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_HIT:
      g_value_set_boxed (value, self->hit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_hit_row_finalize (GObject *object)
{
  ZichaHitRow *self = ZICHA_HIT_ROW (object);

  g_clear_pointer (&self->hit, zicha_hit_free);
  G_OBJECT_CLASS (zicha_hit_row_parent_class)->finalize (object);
}

static void
zicha_hit_row_class_init (ZichaHitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zicha_hit_row_get_property;
  object_class->finalize = zicha_hit_row_finalize;

  row_properties[ROW_PROP_HIT] =
    g_param_spec_boxed ("hit", NULL, NULL, ZICHA_TYPE_HIT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
zicha_hit_row_init (ZichaHitRow *self)
{
}

/* Takes @hit. */
static ZichaHitRow *
zicha_hit_row_new (ZichaHit *hit)
{
  ZichaHitRow *self = g_object_new (ZICHA_TYPE_HIT_ROW, NULL);

  self->hit = hit;
  return self;
}

/* Takes @hit. */
static void
zicha_hit_row_set_hit (ZichaHitRow *self,
                       ZichaHit    *hit)
{
  g_clear_pointer (&self->hit, zicha_hit_free);
  self->hit = hit;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_HIT]);
}

const ZichaHit *
zicha_hit_row_get_hit (ZichaHitRow *self)
{
  g_return_val_if_fail (ZICHA_IS_HIT_ROW (self), NULL);
  return self->hit;
}

gint64
zicha_hit_row_get_id (ZichaHitRow *self)
{
  g_return_val_if_fail (ZICHA_IS_HIT_ROW (self), 0);
  return self->hit != NULL ? self->hit->id : 0;
}

const char *
zicha_hit_row_get_severity_label (ZichaHitRow *self)
{
  ZichaRuleSeverity severity;

  g_return_val_if_fail (ZICHA_IS_HIT_ROW (self), "");
  if (self->hit == NULL || !zicha_rule_severity_from_string (self->hit->severity, &severity))
    return "";
  return zicha_rule_severity_get_label (severity);
}

const char *
zicha_hit_row_get_rule_title (ZichaHitRow *self)
{
  const ZichaRule *rule;

  g_return_val_if_fail (ZICHA_IS_HIT_ROW (self), "");
  if (self->hit == NULL)
    return "";
  rule = zicha_rules_lookup (self->hit->rule);
  return rule != NULL ? zicha_rule_get_title (rule) : self->hit->rule;
}

const char *
zicha_hit_row_get_status_label (ZichaHitRow *self)
{
  g_return_val_if_fail (ZICHA_IS_HIT_ROW (self), "");
  if (self->hit == NULL)
    return "";
  return zicha_hit_status_get_label (self->hit->status);
}

/* Queries in a thread --------------------------------------------------------------------- */

typedef struct
{
  char          *path;
  char          *fields[6];   /* rule, area, severity, status, entity_type, text */
  ZichaHitOrder  order;
  gboolean       descending;
} QueryData;

static void
query_data_free (gpointer data)
{
  QueryData *qd = data;

  g_free (qd->path);
  for (guint i = 0; i < G_N_ELEMENTS (qd->fields); i++)
    g_free (qd->fields[i]);
  g_free (qd);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *qd = task_data;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  ZichaHitFilter filter = {
    qd->fields[0], qd->fields[1], qd->fields[2], qd->fields[3], qd->fields[4], qd->fields[5],
  };
  GArray *ids;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = zicha_db_open (qd->path, ZICHA_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ids = zicha_hits_query_ids (db, &filter, qd->order, qd->descending, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/* ZichaHitList ---------------------------------------------------------------------------- */

typedef struct
{
  guint      page;    /* G_MAXUINT: unused */
  guint64    stamp;
  GPtrArray *rows;    /* ZichaHitRow */
} CachedPage;

struct _ZichaHitList
{
  GObject         parent_instance;

  ZichaDb        *db;
  char           *filter[6];
  ZichaHitOrder   order;
  gboolean        descending;

  GArray         *ids;        /* gint64 */
  GCancellable   *cancellable;
  gboolean        loading;
  GError         *error;

  CachedPage      pages[N_CACHED_PAGES];
  guint64         stamp;
};

static void zicha_hit_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZichaHitList, zicha_hit_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      zicha_hit_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_cache (ZichaHitList *self)
{
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    {
      self->pages[i].page = G_MAXUINT;
      self->pages[i].stamp = 0;
      g_clear_pointer (&self->pages[i].rows, g_ptr_array_unref);
    }
}

static guint
get_n_items (ZichaHitList *self)
{
  return self->ids != NULL ? self->ids->len : 0;
}

static void
set_loading (ZichaHitList *self,
             gboolean      loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_query_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ZichaHitList) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *ids;
  guint old_n, new_n;

  ids = g_task_propagate_pointer (G_TASK (result), &error);
  if (ids == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer query is running, or the list is gone */

  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  old_n = get_n_items (self);
  clear_cache (self);
  g_clear_pointer (&self->ids, g_array_unref);
  if (ids == NULL)
    {
      g_warning ("%s", error->message);
      self->error = g_steal_pointer (&error);
    }
  self->ids = ids;
  new_n = get_n_items (self);

  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  set_loading (self, FALSE);
}

static void
start_query (ZichaHitList *self)
{
  g_autoptr(GTask) task = NULL;
  QueryData *qd;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  qd = g_new0 (QueryData, 1);
  qd->path = g_strdup (zicha_db_get_path (self->db));
  for (guint i = 0; i < G_N_ELEMENTS (qd->fields); i++)
    qd->fields[i] = g_strdup (self->filter[i]);
  qd->order = self->order;
  qd->descending = self->descending;

  task = g_task_new (NULL, self->cancellable, on_query_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_query);
  g_task_set_name (task, "[zicha] list hits");
  g_task_set_task_data (task, qd, query_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, query_thread);
}

static CachedPage *
read_page (ZichaHitList *self,
           guint         page)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  CachedPage *slot = &self->pages[0];
  guint start = page * ZICHA_HIT_LIST_PAGE_SIZE;
  guint n = MIN (ZICHA_HIT_LIST_PAGE_SIZE, get_n_items (self) - start);

  for (guint i = 0; i < N_CACHED_PAGES; i++)
    {
      if (self->pages[i].page == page)
        {
          self->pages[i].stamp = ++self->stamp;
          return &self->pages[i];
        }
      if (self->pages[i].stamp < slot->stamp)
        slot = &self->pages[i];
    }

  g_clear_pointer (&slot->rows, g_ptr_array_unref);
  slot->page = page;
  slot->stamp = ++self->stamp;
  slot->rows = g_ptr_array_new_full (n, g_object_unref);

  hits = zicha_hits_get_many (self->db, &g_array_index (self->ids, gint64, start), n, &error);
  if (hits == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      ZichaHit *hit = hits != NULL ? g_steal_pointer (&g_ptr_array_index (hits, i)) : NULL;

      if (hit == NULL)
        {
          /* Gone since the query: an empty row keeps the positions right. */
          hit = g_new0 (ZichaHit, 1);
          hit->id = g_array_index (self->ids, gint64, start + i);
          hit->rule = g_strdup ("");
          hit->area = g_strdup ("");
          hit->severity = g_strdup ("");
          hit->entity_type = g_strdup ("");
          hit->entity_key = g_strdup ("");
          hit->message = g_strdup ("");
        }
      g_ptr_array_add (slot->rows, zicha_hit_row_new (hit));
    }
  return slot;
}

static GType
zicha_hit_list_get_item_type (GListModel *model)
{
  return ZICHA_TYPE_HIT_ROW;
}

static guint
zicha_hit_list_get_n_items (GListModel *model)
{
  return get_n_items (ZICHA_HIT_LIST (model));
}

static gpointer
zicha_hit_list_get_item (GListModel *model,
                         guint       position)
{
  ZichaHitList *self = ZICHA_HIT_LIST (model);
  CachedPage *page;

  if (position >= get_n_items (self))
    return NULL;
  page = read_page (self, position / ZICHA_HIT_LIST_PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->rows, position % ZICHA_HIT_LIST_PAGE_SIZE));
}

static void
zicha_hit_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = zicha_hit_list_get_item_type;
  iface->get_n_items = zicha_hit_list_get_n_items;
  iface->get_item = zicha_hit_list_get_item;
}

static void
zicha_hit_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZichaHitList *self = ZICHA_HIT_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, get_n_items (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_hit_list_dispose (GObject *object)
{
  ZichaHitList *self = ZICHA_HIT_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_cache (self);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (zicha_hit_list_parent_class)->dispose (object);
}

static void
zicha_hit_list_finalize (GObject *object)
{
  ZichaHitList *self = ZICHA_HIT_LIST (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->filter); i++)
    g_free (self->filter[i]);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (zicha_hit_list_parent_class)->finalize (object);
}

static void
zicha_hit_list_class_init (ZichaHitListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zicha_hit_list_get_property;
  object_class->dispose = zicha_hit_list_dispose;
  object_class->finalize = zicha_hit_list_finalize;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zicha_hit_list_init (ZichaHitList *self)
{
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    self->pages[i].page = G_MAXUINT;
}

ZichaHitList *
zicha_hit_list_new (ZichaDb *db)
{
  ZichaHitList *self;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);

  self = g_object_new (ZICHA_TYPE_HIT_LIST, NULL);
  self->db = g_object_ref (db);
  start_query (self);
  return self;
}

ZichaDb *
zicha_hit_list_get_db (ZichaHitList *self)
{
  g_return_val_if_fail (ZICHA_IS_HIT_LIST (self), NULL);
  return self->db;
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
zicha_hit_list_find (ZichaHitList *self,
                     gint64        hit_id)
{
  g_return_val_if_fail (ZICHA_IS_HIT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < get_n_items (self); i++)
    if (g_array_index (self->ids, gint64, i) == hit_id)
      return i;
  return G_MAXUINT;
}

guint
zicha_hit_list_update_hit (ZichaHitList *self,
                           gint64        hit_id)
{
  guint position;

  g_return_val_if_fail (ZICHA_IS_HIT_LIST (self), G_MAXUINT);

  position = zicha_hit_list_find (self, hit_id);
  if (position == G_MAXUINT)
    return G_MAXUINT;

  for (guint i = 0; i < N_CACHED_PAGES; i++)
    if (self->pages[i].page == position / ZICHA_HIT_LIST_PAGE_SIZE)
      {
        ZichaHitRow *row = g_ptr_array_index (self->pages[i].rows,
                                              position % ZICHA_HIT_LIST_PAGE_SIZE);
        g_autoptr(GError) error = NULL;
        ZichaHit *hit = zicha_hits_get (self->db, hit_id, &error);

        if (hit != NULL)
          zicha_hit_row_set_hit (row, hit);
        else
          g_warning ("%s", error->message);
      }
  return position;
}

gboolean
zicha_hit_list_get_loading (ZichaHitList *self)
{
  g_return_val_if_fail (ZICHA_IS_HIT_LIST (self), FALSE);
  return self->loading;
}

const GError *
zicha_hit_list_get_error (ZichaHitList *self)
{
  g_return_val_if_fail (ZICHA_IS_HIT_LIST (self), NULL);
  return self->error;
}

void
zicha_hit_list_wait (ZichaHitList *self)
{
  g_return_if_fail (ZICHA_IS_HIT_LIST (self));

  while (self->loading)
    g_main_context_iteration (NULL, TRUE);
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
