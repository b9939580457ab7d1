/* zicha-hit-row.c — one hit of the risk rules as shown in a list
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-hit-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-hit-row.h"
#include "zicha-hits-private.h"

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
ZichaHitRow *
_zicha_hit_row_new (ZichaHit *hit)
{
  ZichaHitRow *self = g_object_new (ZICHA_TYPE_HIT_ROW, NULL);

  self->hit = hit;
  return self;
}

/* Takes @hit. */
void
_zicha_hit_row_set_hit (ZichaHitRow *self,
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

