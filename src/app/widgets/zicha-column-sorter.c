/* zicha-column-sorter.c — tells which column of a column view the user sorts by
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 cannot say which column header was clicked. A list that sorts itself (in SQL)
 * gives each column a ZichaColumnSorter that knows its column, and when the column view's
 * sorter changes, zicha_column_sorter_get_primary asks it to compare two probe objects: the
 * first column sorter it consults is the primary one, and the sign of the answer says
 * whether the order is inverted. A ZichaColumnSorter sorts nothing itself. */
#define G_LOG_DOMAIN "zicha-column-sorter"

#include "config.h"

#include "zicha-column-sorter.h"

struct _ZichaColumnSorter
{
  GtkSorter  parent_instance;

  guint      column;
};

G_DEFINE_FINAL_TYPE (ZichaColumnSorter, zicha_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* On the probes: where the first sorter consulted writes its column. */
static GQuark
consulted_quark (void)
{
  return g_quark_from_static_string ("zicha-column-sorter-consulted");
}

static GtkOrdering
zicha_column_sorter_compare (GtkSorter *sorter,
                             gpointer   item1,
                             gpointer   item2)
{
  ZichaColumnSorter *self = ZICHA_COLUMN_SORTER (sorter);
  int *consulted = g_object_get_qdata (item1, consulted_quark ());

  if (consulted != NULL && *consulted < 0)
    *consulted = (int) self->column;
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
zicha_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
zicha_column_sorter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZichaColumnSorter *self = ZICHA_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_column_sorter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ZichaColumnSorter *self = ZICHA_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      self->column = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_column_sorter_class_init (ZichaColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = zicha_column_sorter_get_property;
  object_class->set_property = zicha_column_sorter_set_property;
  sorter_class->compare = zicha_column_sorter_compare;
  sorter_class->get_order = zicha_column_sorter_get_order;

  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zicha_column_sorter_init (ZichaColumnSorter *self)
{
}

GtkSorter *
zicha_column_sorter_new (guint column)
{
  return g_object_new (ZICHA_TYPE_COLUMN_SORTER, "column", column, NULL);
}

guint
zicha_column_sorter_get_column (ZichaColumnSorter *self)
{
  g_return_val_if_fail (ZICHA_IS_COLUMN_SORTER (self), 0);
  return self->column;
}

gboolean
zicha_column_sorter_get_primary (GtkSorter *sorter,
                                 guint     *column,
                                 gboolean  *descending)
{
  g_autoptr(GObject) probe1 = NULL;
  g_autoptr(GObject) probe2 = NULL;
  int consulted = -1;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (sorter), FALSE);

  probe1 = g_object_new (G_TYPE_OBJECT, NULL);
  probe2 = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_qdata (probe1, consulted_quark (), &consulted);
  g_object_set_qdata (probe2, consulted_quark (), &consulted);
  order = gtk_sorter_compare (sorter, probe1, probe2);
  if (consulted < 0)
    return FALSE;
  if (column != NULL)
    *column = (guint) consulted;
  if (descending != NULL)
    *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}
