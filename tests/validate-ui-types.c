/* validate-ui-types.c — makes types known to gtk4-builder-tool validate
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded with LD_PRELOAD by tests/validate-ui.sh, never linked into Zicha.
 *
 * gtk4-builder-tool looks a template's parent class up with g_type_from_name(),
 * which knows only types already registered: AdwApplicationWindow is not, even
 * with libadwaita loaded. Objects inside a template are resolved lazily (their
 * *_get_type symbol), but our own widgets (ZichaRecordsPage inside the window)
 * are in no library the tool can load. Before main() runs, this module
 *
 *   - registers the types named in ZICHA_VALIDATE_ENSURE (space separated, e.g.
 *     "AdwApplicationWindow") by calling their adw_application_window_get_type()
 *     found with dlsym, and
 *   - registers a stand-in for each "Name:Parent" pair in ZICHA_VALIDATE_STANDINS:
 *     a type called Name deriving from Parent, with no code of its own. Each of
 *     our widgets is validated against its own template file; elsewhere a
 *     stand-in with the same parent class checks how it is used.
 */
#define G_LOG_DOMAIN "zicha-validate-ui"

#include <dlfcn.h>
#include <glib-object.h>

void zicha_validate_ui_types_init (void) __attribute__ ((constructor));

/* "AdwApplicationWindow" -> "adw_application_window_get_type", as GtkBuilder does. */
static char *
type_name_to_symbol (const char *name)
{
  GString *symbol = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (p != name && g_ascii_isupper (*p)
          && (g_ascii_islower (p[-1]) || (p[1] != '\0' && g_ascii_islower (p[1]))))
        g_string_append_c (symbol, '_');
      g_string_append_c (symbol, g_ascii_tolower (*p));
    }
  g_string_append (symbol, "_get_type");
  return g_string_free (symbol, FALSE);
}

static GType
ensure_type (const char *name)
{
  GType type = g_type_from_name (name);
  GType (*get_type) (void);
  char *symbol;

  if (type != G_TYPE_INVALID)
    return type;

  symbol = type_name_to_symbol (name);
  *(void **) (&get_type) = dlsym (RTLD_DEFAULT, symbol);
  if (get_type != NULL)
    type = get_type ();
  else
    g_printerr ("validate-ui-types: no %s() for %s\n", symbol, name);
  g_free (symbol);
  return type;
}

static void
register_standin (const char *name,
                  const char *parent_name)
{
  GType parent = ensure_type (parent_name);
  GTypeQuery query;

  if (parent == G_TYPE_INVALID || g_type_from_name (name) != G_TYPE_INVALID)
    return;

  g_type_query (parent, &query);
  g_type_register_static_simple (parent, g_intern_string (name),
                                 query.class_size, NULL,
                                 query.instance_size, NULL, 0);
}

void
zicha_validate_ui_types_init (void)
{
  const char *ensure = g_getenv ("ZICHA_VALIDATE_ENSURE");
  const char *standins = g_getenv ("ZICHA_VALIDATE_STANDINS");
  char **names;

  if (ensure != NULL)
    {
      names = g_strsplit_set (ensure, " \n", -1);
      for (guint i = 0; names[i] != NULL; i++)
        if (names[i][0] != '\0')
          ensure_type (names[i]);
      g_strfreev (names);
    }

  if (standins != NULL)
    {
      names = g_strsplit_set (standins, " \n", -1);
      for (guint i = 0; names[i] != NULL; i++)
        {
          char **pair = g_strsplit (names[i], ":", 2);

          if (pair[0] != NULL && pair[1] != NULL)
            register_standin (pair[0], pair[1]);
          g_strfreev (pair);
        }
      g_strfreev (names);
    }
}
