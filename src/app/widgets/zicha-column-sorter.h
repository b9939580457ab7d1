/* zicha-column-sorter.h — tells which column of a column view the user sorts by
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ZICHA_TYPE_COLUMN_SORTER (zicha_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (ZichaColumnSorter, zicha_column_sorter, ZICHA, COLUMN_SORTER, GtkSorter)

/* The sorter of column @column of a list that sorts itself (in SQL): set it on the
 * GtkColumnViewColumn, so that the column header sorts. */
GtkSorter *zicha_column_sorter_new         (guint              column);
guint      zicha_column_sorter_get_column  (ZichaColumnSorter *self);

/* Asks @sorter, the sorter of a GtkColumnView whose columns have ZichaColumnSorters, which
 * column sorts first, and whether its order is inverted. FALSE when no column sorts. */
gboolean   zicha_column_sorter_get_primary (GtkSorter         *sorter,
                                            guint             *column,
                                            gboolean          *descending);

G_END_DECLS
