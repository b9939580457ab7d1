/* zicha-problem-row.c — one problem of the ledger as shown in a list
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GObject holding a ZichaProblem for the list models of GTK; the translated labels a
 * column shows come from here, so that the app's cells bind to one getter each. */
#define G_LOG_DOMAIN "zicha-problem-list"

#include "config.h"

#include "zicha-problem-row.h"
#include "zicha-problems-private.h"
#include "zicha-rules.h"

struct _ZichaProblemRow
{
  GObject       parent_instance;

  ZichaProblem *problem;
};

G_DEFINE_FINAL_TYPE (ZichaProblemRow, zicha_problem_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zicha_problem_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZichaProblemRow *self = ZICHA_PROBLEM_ROW (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_boxed (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_problem_row_finalize (GObject *object)
{
  ZichaProblemRow *self = ZICHA_PROBLEM_ROW (object);

  g_clear_pointer (&self->problem, zicha_problem_free);
  G_OBJECT_CLASS (zicha_problem_row_parent_class)->finalize (object);
}

static void
zicha_problem_row_class_init (ZichaProblemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zicha_problem_row_get_property;
  object_class->finalize = zicha_problem_row_finalize;

  properties[PROP_PROBLEM] =
    g_param_spec_boxed ("problem", NULL, NULL, ZICHA_TYPE_PROBLEM,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zicha_problem_row_init (ZichaProblemRow *self)
{
}

ZichaProblemRow *
_zicha_problem_row_new (ZichaProblem *problem)
{
  ZichaProblemRow *self = g_object_new (ZICHA_TYPE_PROBLEM_ROW, NULL);

  self->problem = problem;
  return self;
}

void
_zicha_problem_row_set_problem (ZichaProblemRow *self,
                                ZichaProblem    *problem)
{
  g_clear_pointer (&self->problem, zicha_problem_free);
  self->problem = problem;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

const ZichaProblem *
zicha_problem_row_get_problem (ZichaProblemRow *self)
{
  g_return_val_if_fail (ZICHA_IS_PROBLEM_ROW (self), NULL);
  return self->problem;
}

gint64
zicha_problem_row_get_id (ZichaProblemRow *self)
{
  g_return_val_if_fail (ZICHA_IS_PROBLEM_ROW (self), 0);
  return self->problem != NULL ? self->problem->id : 0;
}

/* An empty row (a problem gone since the query) has no number. */
static gboolean
is_empty (ZichaProblemRow *self)
{
  return self->problem == NULL || self->problem->number == NULL;
}

const char *
zicha_problem_row_get_state_label (ZichaProblemRow *self)
{
  g_return_val_if_fail (ZICHA_IS_PROBLEM_ROW (self), "");
  return is_empty (self) ? "" : zicha_problem_state_get_label (self->problem->state);
}

const char *
zicha_problem_row_get_area_label (ZichaProblemRow *self)
{
  ZichaRuleArea area;

  g_return_val_if_fail (ZICHA_IS_PROBLEM_ROW (self), "");
  if (is_empty (self) || !zicha_rule_area_from_string (self->problem->area, &area))
    return "";
  return zicha_rule_area_get_label (area);
}

const char *
zicha_problem_row_get_severity_label (ZichaProblemRow *self)
{
  ZichaRuleSeverity severity;

  g_return_val_if_fail (ZICHA_IS_PROBLEM_ROW (self), "");
  if (is_empty (self) || !zicha_rule_severity_from_string (self->problem->severity, &severity))
    return "";
  return zicha_rule_severity_get_label (severity);
}

const char *
zicha_problem_row_get_source_label (ZichaProblemRow *self)
{
  g_return_val_if_fail (ZICHA_IS_PROBLEM_ROW (self), "");
  return is_empty (self) ? "" : zicha_problem_source_get_label (self->problem->source);
}
