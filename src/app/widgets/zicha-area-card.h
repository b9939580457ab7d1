/* zicha-area-card.h — a card for a focus area: its title over counts, a button
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ZICHA_TYPE_AREA_CARD (zicha_area_card_get_type ())
G_DECLARE_FINAL_TYPE (ZichaAreaCard, zicha_area_card, ZICHA, AREA_CARD, GtkButton)

/* A card with @title for the focus area @area (an id, e.g. "legal"), without counts yet. */
GtkWidget  *zicha_area_card_new          (const char    *area,
                                          const char    *title);

const char *zicha_area_card_get_area     (ZichaAreaCard *self);
const char *zicha_area_card_get_title    (ZichaAreaCard *self);
void        zicha_area_card_set_title    (ZichaAreaCard *self,
                                          const char    *title);

/* A selected card (the area the list is filtered by) is outlined (style.css). */
gboolean    zicha_area_card_get_selected (ZichaAreaCard *self);
void        zicha_area_card_set_selected (ZichaAreaCard *self,
                                          gboolean       selected);

/* Adds a count, 0 at first, over @caption, right of the others; @ellipsize lets a narrow
 * card shorten the caption. Returns its index for zicha_area_card_set_count. */
guint       zicha_area_card_add_stat     (ZichaAreaCard *self,
                                          const char    *caption,
                                          gboolean       ellipsize);
void        zicha_area_card_set_count    (ZichaAreaCard *self,
                                          guint          stat,
                                          gint64         count);

/* A number over its caption, as a card shows each count; for other tiles that look the
 * same. @out_number is its number label, "0" at first. */
GtkWidget  *zicha_area_card_new_stat     (const char    *caption,
                                          gboolean       ellipsize,
                                          GtkLabel     **out_number);

G_END_DECLS
