/* zicha-json.c — JSON objects written with json-glib, and the one string escaper
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stored details of a hit are compared as text to tell whether a hit changed: the writer
 * must give the same bytes for the same members, which json-glib's compact generator does.
 */
#define G_LOG_DOMAIN "zicha-json"

#include "config.h"

#include "zicha-json.h"

ZichaJson *
zicha_json_begin (void)
{
  JsonBuilder *builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  return builder;
}

void
zicha_json_add_string (ZichaJson  *json,
                       const char *key,
                       const char *value)
{
  g_return_if_fail (JSON_IS_BUILDER (json));

  json_builder_set_member_name (json, key);
  if (value == NULL)
    json_builder_add_null_value (json);
  else
    json_builder_add_string_value (json, value);
}

void
zicha_json_add_int (ZichaJson  *json,
                    const char *key,
                    gint64      value)
{
  g_return_if_fail (JSON_IS_BUILDER (json));

  json_builder_set_member_name (json, key);
  json_builder_add_int_value (json, value);
}

void
zicha_json_add_raw (ZichaJson  *json,
                    const char *key,
                    const char *raw)
{
  JsonNode *node = raw != NULL && *raw != '\0' ? json_from_string (raw, NULL) : NULL;

  g_return_if_fail (JSON_IS_BUILDER (json));

  json_builder_set_member_name (json, key);
  if (node == NULL)
    json_builder_add_null_value (json);
  else
    json_builder_add_value (json, node);
}

char *
zicha_json_end (ZichaJson *json)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_return_val_if_fail (JSON_IS_BUILDER (json), NULL);

  json_builder_end_object (json);
  root = json_builder_get_root (json);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_object_unref (json);
  return text;
}

void
zicha_json_append_string (GString    *out,
                          const char *value)
{
  g_return_if_fail (out != NULL);

  g_string_append_c (out, '"');
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}
