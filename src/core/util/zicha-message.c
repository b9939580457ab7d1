/* zicha-message.c — messages kept so that they can be shown later in the reader's language
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arguments travel through the varargs of zicha_message_append () as strings; the two kinds
 * that are not plain text carry a marker byte that no text of the records has (a control
 * character the importer refuses in keys and never writes): 0x1d before a label's msgid, 0x1e
 * before a nested message's stored form.
 */
#define G_LOG_DOMAIN "zicha-message"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <libintl.h>

#include <glib/gi18n-lib.h>

#include "zicha-json.h"
#include "zicha-message.h"

#define LABEL_MARK   '\x1d'
#define MESSAGE_MARK '\x1e'

struct _ZichaMessage
{
  JsonBuilder *builder;
};

/* Conversion specifications ------------------------------------------------------------- */

/* What one conversion specification of a printf format is. */
typedef struct
{
  const char *start;     /* at the '%' */
  gsize       len;       /* of the whole specification */
  int         position;  /* n of "%n$", or 0 */
  char        conv;      /* 'd', 's', '%', … */
  int         longs;     /* number of 'l' (or 1 for 'z', 'j', 't') */
} Spec;

/* Reads the specification at @p (a '%'); FALSE when it is not one we know. */
static gboolean
parse_spec (const char *p,
            Spec       *spec)
{
  const char *q = p + 1;

  memset (spec, 0, sizeof *spec);
  spec->start = p;
  if (*q == '%')
    {
      spec->conv = '%';
      spec->len = 2;
      return TRUE;
    }
  if (g_ascii_isdigit (*q))
    {
      const char *r = q;
      int n = 0;

      while (g_ascii_isdigit (*r))
        n = n * 10 + (*r++ - '0');
      if (*r == '$')
        {
          spec->position = n;
          q = r + 1;
        }
    }
  while (*q != '\0' && strchr ("-+ #0'", *q) != NULL)
    q++;
  while (g_ascii_isdigit (*q))
    q++;
  if (*q == '.')
    {
      q++;
      while (g_ascii_isdigit (*q))
        q++;
    }
  while (*q == 'l' || *q == 'h' || *q == 'z' || *q == 'j' || *q == 't')
    {
      if (*q != 'h')
        spec->longs++;
      q++;
    }
  if (*q == '\0' || strchr ("diouxXeEfgGcs", *q) == NULL)
    return FALSE;
  spec->conv = *q;
  spec->len = (gsize) (q + 1 - p);
  return TRUE;
}

/* Building --------------------------------------------------------------------------------- */

static void
add_arg (JsonBuilder *builder,
         const char  *value)
{
  if (value == NULL)
    json_builder_add_string_value (builder, "(null)");
  else if (value[0] == LABEL_MARK)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "t");
      json_builder_add_string_value (builder, value + 1);
      json_builder_end_object (builder);
    }
  else if (value[0] == MESSAGE_MARK)
    {
      JsonNode *node = json_from_string (value + 1, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "m");
      if (node != NULL)
        json_builder_add_value (builder, node);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_string_value (builder, value);
}

static void
append_valist (ZichaMessage *self,
               const char   *format,
               va_list       args)
{
  JsonBuilder *b = self->builder;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "f");
  json_builder_add_string_value (b, format);
  json_builder_set_member_name (b, "a");
  json_builder_begin_array (b);
  for (const char *p = strchr (format, '%'); p != NULL; p = strchr (p, '%'))
    {
      Spec spec;
      g_autofree char *one = NULL;
      g_autofree char *plain = NULL;

      if (!parse_spec (p, &spec))
        {
          g_critical ("Unknown conversion in the message format “%s”", format);
          break;
        }
      p += spec.len;
      if (spec.conv == '%')
        continue;
      /* the specification alone, without its "n$", formats the one argument */
      {
        const char *body = spec.start + 1;
        gsize body_len = spec.len - 1;

        if (spec.position > 0)
          {
            gsize skip = strspn (body, "0123456789") + 1;   /* "n$" */

            body += skip;
            body_len -= skip;
          }
        plain = g_strdup_printf ("%%%.*s", (int) body_len, body);
      }
      /* (the format is one conversion of one of our own msgids, checked above) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      switch (spec.conv)
        {
        case 's':
          add_arg (b, va_arg (args, const char *));
          continue;
        case 'f': case 'e': case 'E': case 'g': case 'G':
          one = g_strdup_printf (plain, va_arg (args, double));
          break;
        case 'c':
          one = g_strdup_printf (plain, va_arg (args, int));
          break;
        default:
          if (spec.longs >= 2)
            one = g_strdup_printf (plain, va_arg (args, long long));
          else if (spec.longs == 1)
            one = g_strdup_printf (plain, va_arg (args, long));
          else
            one = g_strdup_printf (plain, va_arg (args, int));
          break;
        }
#pragma GCC diagnostic pop
      json_builder_add_string_value (b, one);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

ZichaMessage *
zicha_message_new (void)
{
  ZichaMessage *self = g_new0 (ZichaMessage, 1);

  self->builder = json_builder_new_immutable ();
  json_builder_begin_array (self->builder);
  return self;
}

void
zicha_message_append (ZichaMessage *self,
                      const char   *format,
                      ...)
{
  va_list args;

  g_return_if_fail (self != NULL && format != NULL);

  va_start (args, format);
  append_valist (self, format, args);
  va_end (args);
}

char *
zicha_message_end (ZichaMessage *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_end_array (self->builder);
  root = json_builder_get_root (self->builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_object_unref (self->builder);
  g_free (self);
  return text;
}

char *
zicha_message_end_as_arg (ZichaMessage *self)
{
  g_autofree char *stored = zicha_message_end (self);

  return g_strdup_printf ("%c%s", MESSAGE_MARK, stored);
}

char *
zicha_message_printf (const char *format,
                      ...)
{
  ZichaMessage *self = zicha_message_new ();
  va_list args;

  va_start (args, format);
  append_valist (self, format, args);
  va_end (args);
  return zicha_message_end (self);
}

const char *
zicha_message_label (const char *msgid)
{
  g_autofree char *marked = NULL;

  g_return_val_if_fail (msgid != NULL, "");

  marked = g_strdup_printf ("%c%s", LABEL_MARK, msgid);
  return g_intern_string (marked);
}

/* Rendering -------------------------------------------------------------------------------- */

static void render_parts (GString *out, JsonArray *parts);

static void
render_arg (GString  *out,
            JsonNode *arg)
{
  if (arg == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (arg))
    {
      g_string_append (out, json_node_get_string (arg) != NULL ? json_node_get_string (arg) : "");
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (arg))
    {
      JsonObject *o = json_node_get_object (arg);

      if (json_object_has_member (o, "t"))
        g_string_append (out, dgettext (GETTEXT_PACKAGE, json_object_get_string_member (o, "t")));
      else if (json_object_has_member (o, "m")
               && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "m")))
        render_parts (out, json_object_get_array_member (o, "m"));
    }
}

static void
render_part (GString    *out,
             JsonObject *part)
{
  const char *format = json_object_get_string_member_with_default (part, "f", "");
  JsonArray *args = json_object_has_member (part, "a")
                    ? json_object_get_array_member (part, "a") : NULL;
  /* (dgettext, not g_dgettext: GLib decides once per process whether to translate, and a
   * process may read in another language than it started in) */
  const char *translated = dgettext (GETTEXT_PACKAGE, format);
  guint next = 0;
  const char *p = translated;

  while (*p != '\0')
    {
      const char *pct = strchr (p, '%');
      Spec spec;

      if (pct == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, pct - p);
      if (!parse_spec (pct, &spec))
        {
          g_string_append_c (out, '%');
          p = pct + 1;
          continue;
        }
      p = pct + spec.len;
      if (spec.conv == '%')
        {
          g_string_append_c (out, '%');
          continue;
        }
      {
        guint index = spec.position > 0 ? (guint) spec.position - 1 : next++;

        if (args != NULL && index < json_array_get_length (args))
          render_arg (out, json_array_get_element (args, index));
      }
    }
}

static void
render_parts (GString   *out,
              JsonArray *parts)
{
  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      JsonNode *node = json_array_get_element (parts, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        render_part (out, json_node_get_object (node));
    }
}

char *
zicha_message_render (const char *stored)
{
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  if (stored == NULL)
    return g_strdup ("");
  if (stored[0] != '[')
    return g_strdup (stored);
  root = json_from_string (stored, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return g_strdup (stored);
  out = g_string_new (NULL);
  render_parts (out, json_node_get_array (root));
  return g_string_free (out, FALSE);
}
