/* zicha-filter-dropdown.h — a GtkDropDown that picks one filter value, or all
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Fills @dropdown with @all_label, then @labels (transfer full, freed here); @ids (transfer
 * full, kept by @dropdown) are the filter values of @labels, in the same order. The button
 * shortens a long label; the list shows each in full. */
void        zicha_filter_dropdown_setup     (GtkDropDown *dropdown,
                                             const char  *all_label,
                                             GStrv        labels,
                                             GStrv        ids);

/* The id of the selected entry, or NULL for "all". */
const char *zicha_filter_dropdown_get_id    (GtkDropDown *dropdown);
/* Selects the entry of @id; NULL, or an id that is not there, selects "all". */
void        zicha_filter_dropdown_select_id (GtkDropDown *dropdown,
                                             const char  *id);

G_END_DECLS
