/* zicha-measure-row.c — one rectification measure as shown in a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GObject holding a ZichaMeasure for the list models of GTK; the translated labels a column
 * shows come from here, so that the app's cells bind to one getter each. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include "zicha-measure-row.h"
#include "zicha-rectification-private.h"

struct _ZichaMeasureRow
{
  GObject       parent_instance;

  ZichaMeasure *measure;
  char         *problems;
};

G_DEFINE_FINAL_TYPE (ZichaMeasureRow, zicha_measure_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zicha_measure_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZichaMeasureRow *self = ZICHA_MEASURE_ROW (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      g_value_set_boxed (value, self->measure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_measure_row_finalize (GObject *object)
{
  ZichaMeasureRow *self = ZICHA_MEASURE_ROW (object);

  g_clear_pointer (&self->measure, zicha_measure_free);
  g_clear_pointer (&self->problems, g_free);
  G_OBJECT_CLASS (zicha_measure_row_parent_class)->finalize (object);
}

static void
zicha_measure_row_class_init (ZichaMeasureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zicha_measure_row_get_property;
  object_class->finalize = zicha_measure_row_finalize;

  properties[PROP_MEASURE] =
    g_param_spec_boxed ("measure", NULL, NULL, ZICHA_TYPE_MEASURE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zicha_measure_row_init (ZichaMeasureRow *self)
{
}

static void
take_measure (ZichaMeasureRow *self, ZichaMeasure *measure)
{
  g_clear_pointer (&self->measure, zicha_measure_free);
  g_clear_pointer (&self->problems, g_free);
  self->measure = measure;
  self->problems = measure->problem_numbers != NULL
                   ? g_strjoinv (", ", measure->problem_numbers) : g_strdup ("");
}

ZichaMeasureRow *
_zicha_measure_row_new (ZichaMeasure *measure)
{
  ZichaMeasureRow *self = g_object_new (ZICHA_TYPE_MEASURE_ROW, NULL);

  take_measure (self, measure);
  return self;
}

void
_zicha_measure_row_set_measure (ZichaMeasureRow *self,
                                ZichaMeasure    *measure)
{
  take_measure (self, measure);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

const ZichaMeasure *
zicha_measure_row_get_measure (ZichaMeasureRow *self)
{
  g_return_val_if_fail (ZICHA_IS_MEASURE_ROW (self), NULL);
  return self->measure;
}

/* An empty row (a measure gone since the query) has no text. */
static gboolean
is_empty (ZichaMeasureRow *self)
{
  return self->measure == NULL || self->measure->text == NULL;
}

gint64
zicha_measure_row_get_id (ZichaMeasureRow *self)
{
  g_return_val_if_fail (ZICHA_IS_MEASURE_ROW (self), 0);
  return is_empty (self) ? 0 : self->measure->id;
}

const char *
zicha_measure_row_get_kind_label (ZichaMeasureRow *self)
{
  g_return_val_if_fail (ZICHA_IS_MEASURE_ROW (self), "");
  return is_empty (self) ? "" : zicha_measure_kind_get_label (self->measure->kind);
}

const char *
zicha_measure_row_get_status_label (ZichaMeasureRow *self)
{
  g_return_val_if_fail (ZICHA_IS_MEASURE_ROW (self), "");
  return is_empty (self) ? "" : zicha_measure_status_get_label (self->measure->status);
}

const char *
zicha_measure_row_get_conclusion_label (ZichaMeasureRow *self)
{
  g_return_val_if_fail (ZICHA_IS_MEASURE_ROW (self), "");
  return is_empty (self) ? "" : zicha_conclusion_get_label (self->measure->conclusion);
}

const char *
zicha_measure_row_get_problems (ZichaMeasureRow *self)
{
  g_return_val_if_fail (ZICHA_IS_MEASURE_ROW (self), "");
  return is_empty (self) ? "" : self->problems;
}
