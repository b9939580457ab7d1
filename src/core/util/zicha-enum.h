/* zicha-enum.h — enumerations stored and printed by their nick
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The enumerations of core have GTypes made by gnome.mkenums_simple (zicha-enums.h); a value's
 * nick ("legal", "in_progress") is what the database stores and the machine formats print.
 * Only the translated labels are tables written by hand. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of @value of the enumeration @type; NULL when it has no such value. */
const char *zicha_enum_get_nick   (GType        type,
                                   int          value);
/* The value whose nick is @nick (exactly; or without regard to ASCII case when @ignore_case);
 * FALSE when there is none (or @nick is NULL). */
gboolean    zicha_enum_from_nick  (GType        type,
                                   const char  *nick,
                                   gboolean     ignore_case,
                                   int         *out_value);

G_END_DECLS
