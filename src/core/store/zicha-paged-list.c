/* zicha-paged-list.c — the base type of the lists read from the database page by page
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-paged-model"

#include "config.h"

#include "zicha-paged-list.h"

typedef struct
{
  ZichaPagedModel *paged;
} ZichaPagedListPrivate;

G_DEFINE_TYPE_WITH_CODE (ZichaPagedList, zicha_paged_list, G_TYPE_OBJECT,
                         G_ADD_PRIVATE (ZichaPagedList)
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                zicha_paged_model_list_model_init))

/* The class of the final type is known only once the instance is built: the model is made
 * here, with that class's item type and functions. */
static void
zicha_paged_list_constructed (GObject *object)
{
  ZichaPagedList *self = ZICHA_PAGED_LIST (object);
  ZichaPagedListPrivate *priv = zicha_paged_list_get_instance_private (self);
  ZichaPagedListClass *klass = ZICHA_PAGED_LIST_GET_CLASS (self);

  G_OBJECT_CLASS (zicha_paged_list_parent_class)->constructed (object);

  g_assert (klass->item_type != G_TYPE_INVALID && klass->funcs.query_ids != NULL
            && klass->funcs.read_items != NULL);
  priv->paged = zicha_paged_model_new (object, klass->item_type, &klass->funcs);
}

static void
zicha_paged_list_class_init (ZichaPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = zicha_paged_list_constructed;
  /* the properties "loading" and "n-items" */
  zicha_paged_model_class_init (object_class);
}

static void
zicha_paged_list_init (ZichaPagedList *self)
{
}

ZichaPagedModel *
zicha_paged_list_get_model (ZichaPagedList *self)
{
  ZichaPagedListPrivate *priv = zicha_paged_list_get_instance_private (self);

  g_return_val_if_fail (ZICHA_IS_PAGED_LIST (self), NULL);
  return priv->paged;
}

ZichaDb *
zicha_paged_list_get_db (ZichaPagedList *self)
{
  g_return_val_if_fail (ZICHA_IS_PAGED_LIST (self), NULL);
  return zicha_paged_model_get_db (zicha_paged_list_get_model (self));
}

gboolean
zicha_paged_list_get_loading (ZichaPagedList *self)
{
  g_return_val_if_fail (ZICHA_IS_PAGED_LIST (self), FALSE);
  return zicha_paged_model_get_loading (zicha_paged_list_get_model (self));
}

const GError *
zicha_paged_list_get_error (ZichaPagedList *self)
{
  g_return_val_if_fail (ZICHA_IS_PAGED_LIST (self), NULL);
  return zicha_paged_model_get_error (zicha_paged_list_get_model (self));
}

guint
zicha_paged_list_find (ZichaPagedList *self,
                       gint64          id)
{
  g_return_val_if_fail (ZICHA_IS_PAGED_LIST (self), G_MAXUINT);
  return zicha_paged_model_find (zicha_paged_list_get_model (self), id);
}

void
zicha_paged_list_wait (ZichaPagedList *self)
{
  g_return_if_fail (ZICHA_IS_PAGED_LIST (self));
  zicha_paged_model_wait (zicha_paged_list_get_model (self));
}

double
zicha_paged_list_get_query_ms (ZichaPagedList *self)
{
  g_return_val_if_fail (ZICHA_IS_PAGED_LIST (self), 0);
  return zicha_paged_model_get_query_ms (zicha_paged_list_get_model (self));
}
