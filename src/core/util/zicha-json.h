/* zicha-json.h — JSON objects written with json-glib, and the one string escaper
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hit details, run parameters and the machine formats are JSON. Objects are built with
 * json-glib and written compactly, members in the order they were added (no spaces):
 * {"a":"x","n":3}. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* An object being built (a JsonBuilder inside an object). */
typedef JsonBuilder ZichaJson;

ZichaJson *zicha_json_begin          (void);
/* A string member (NULL gives null). */
void       zicha_json_add_string     (ZichaJson   *json,
                                      const char  *key,
                                      const char  *value);
void       zicha_json_add_int        (ZichaJson   *json,
                                      const char  *key,
                                      gint64       value);
/* A member whose value is JSON text already (an object of zicha_json_end (), say); NULL, an
 * empty or a malformed text gives null. */
void       zicha_json_add_raw        (ZichaJson   *json,
                                      const char  *key,
                                      const char  *raw);
/* Ends the object and returns its text; @json is freed. */
char      *zicha_json_end            (ZichaJson   *json);

/* Appends @value to @out as a JSON string, escaped as json-glib 1.6 escapes it (\" \\ \b \f \n
 * \r \t, other control characters and DEL as \u00XX, everything else as UTF-8) except U+001F,
 * which json-glib 1.6 leaves raw (invalid JSON) and this escapes. For the table printer of
 * zicha-cli, which writes its cells as they are formatted (12.50 stays 12.50). */
void       zicha_json_append_string  (GString     *out,
                                      const char  *value);

G_END_DECLS
