/* zicha-area-card.c — a card for a focus area: its title over counts, a button
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview and the Risk leads pages show a card per focus area (自查重点): the area's
 * title over one or more counts, each a number over its caption, on a button that shows the
 * area's risk leads. The card knows its area by id and can be marked as the selected one;
 * what a click does is up to the page. zicha_area_card_new_stat makes the same number over
 * caption for tiles that are not area cards. */
#define G_LOG_DOMAIN "zicha-area-card"

#include "config.h"

#include "zicha-app-utils-private.h"
#include "zicha-area-card.h"

struct _ZichaAreaCard
{
  GtkButton   parent_instance;

  char       *area;
  GPtrArray  *numbers;   /* GtkLabel, one per stat, not owned */
  gboolean    selected;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkWidget  *stats_box;
};

G_DEFINE_FINAL_TYPE (ZichaAreaCard, zicha_area_card, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_AREA,
  PROP_TITLE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zicha_area_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZichaAreaCard *self = ZICHA_AREA_CARD (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;

    case PROP_TITLE:
      g_value_set_string (value, zicha_area_card_get_title (self));
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_area_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZichaAreaCard *self = ZICHA_AREA_CARD (object);

  switch (prop_id)
    {
    case PROP_AREA:
      self->area = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      zicha_area_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_SELECTED:
      zicha_area_card_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_area_card_dispose (GObject *object)
{
  ZichaAreaCard *self = ZICHA_AREA_CARD (object);

  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZICHA_TYPE_AREA_CARD);

  G_OBJECT_CLASS (zicha_area_card_parent_class)->dispose (object);
}

static void
zicha_area_card_finalize (GObject *object)
{
  ZichaAreaCard *self = ZICHA_AREA_CARD (object);

  g_free (self->area);

  G_OBJECT_CLASS (zicha_area_card_parent_class)->finalize (object);
}

static void
zicha_area_card_class_init (ZichaAreaCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zicha_area_card_get_property;
  object_class->set_property = zicha_area_card_set_property;
  object_class->dispose = zicha_area_card_dispose;
  object_class->finalize = zicha_area_card_finalize;

  properties[PROP_AREA] =
    g_param_spec_string ("area", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/zicha-area-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ZichaAreaCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZichaAreaCard, stats_box);
}

static void
zicha_area_card_init (ZichaAreaCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->numbers = g_ptr_array_new ();
}

GtkWidget *
zicha_area_card_new (const char *area,
                     const char *title)
{
  return g_object_new (ZICHA_TYPE_AREA_CARD,
                       "area", area,
                       "title", title,
                       NULL);
}

const char *
zicha_area_card_get_area (ZichaAreaCard *self)
{
  g_return_val_if_fail (ZICHA_IS_AREA_CARD (self), NULL);
  return self->area;
}

const char *
zicha_area_card_get_title (ZichaAreaCard *self)
{
  g_return_val_if_fail (ZICHA_IS_AREA_CARD (self), NULL);
  return gtk_label_get_text (self->title_label);
}

void
zicha_area_card_set_title (ZichaAreaCard *self,
                           const char    *title)
{
  g_return_if_fail (ZICHA_IS_AREA_CARD (self));

  if (g_strcmp0 (gtk_label_get_text (self->title_label), title != NULL ? title : "") == 0)
    return;
  gtk_label_set_text (self->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
zicha_area_card_get_selected (ZichaAreaCard *self)
{
  g_return_val_if_fail (ZICHA_IS_AREA_CARD (self), FALSE);
  return self->selected;
}

void
zicha_area_card_set_selected (ZichaAreaCard *self,
                              gboolean       selected)
{
  g_return_if_fail (ZICHA_IS_AREA_CARD (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "zicha-selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "zicha-selected");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

guint
zicha_area_card_add_stat (ZichaAreaCard *self,
                          const char    *caption,
                          gboolean       ellipsize)
{
  GtkLabel *number;

  g_return_val_if_fail (ZICHA_IS_AREA_CARD (self), 0);

  gtk_box_append (GTK_BOX (self->stats_box), zicha_area_card_new_stat (caption, ellipsize,
                                                                       &number));
  g_ptr_array_add (self->numbers, number);
  return self->numbers->len - 1;
}

void
zicha_area_card_set_count (ZichaAreaCard *self,
                           guint          stat,
                           gint64         count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ZICHA_IS_AREA_CARD (self));
  g_return_if_fail (stat < self->numbers->len);

  text = _zicha_app_format_count (count);
  gtk_label_set_text (g_ptr_array_index (self->numbers, stat), text);
}

GtkWidget *
zicha_area_card_new_stat (const char  *caption,
                          gboolean     ellipsize,
                          GtkLabel   **out_number)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *number = gtk_label_new ("0");
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (number), 0.0);
  gtk_widget_add_css_class (number, "title-2");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  if (out_number != NULL)
    *out_number = GTK_LABEL (number);
  return box;
}
