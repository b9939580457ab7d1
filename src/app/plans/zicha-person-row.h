/* zicha-person-row.h — a row where a person of the body is picked, or any name typed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-core.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_PERSON_ROW (zicha_person_row_get_type ())
G_DECLARE_FINAL_TYPE (ZichaPersonRow, zicha_person_row, ZICHA, PERSON_ROW, AdwEntryRow)

GtkWidget  *zicha_person_row_new        (void);

/* The database whose personnel are suggested (NULL: none). */
void        zicha_person_row_set_db     (ZichaPersonRow  *self,
                                         ZichaDb         *db);
/* Shows a person of the body (@person_id with their @name) or, with @person_id NULL, the
 * free @name; both NULL: empty. */
void        zicha_person_row_set_person (ZichaPersonRow  *self,
                                         const char      *person_id,
                                         const char      *name);
/* What the row holds: a person of the body (the one picked from the suggestions, or whose
 * person id was typed) into @out_person_id, or else a free name into @out_name; both NULL
 * when it is empty. New strings. */
void        zicha_person_row_get_person (ZichaPersonRow  *self,
                                         char           **out_person_id,
                                         char           **out_name);
/* The suggestions shown for what was typed (persons whose id, name or the pinyin initials of
 * their name contain it): how many, and picking one (as a click does). */
guint       zicha_person_row_get_n_suggestions (ZichaPersonRow *self);
gboolean    zicha_person_row_pick_suggestion   (ZichaPersonRow *self,
                                                guint           index);

G_END_DECLS
