/* zicha-session.c — what the window and its pages share: the open database, the user, changes
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-session"

#include "config.h"

#include "zicha-session.h"

struct _ZichaSession
{
  GObject    parent_instance;

  ZichaDb   *db;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (ZichaSession, zicha_session, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (ZichaChangeFlags, zicha_change_flags,
                     G_DEFINE_ENUM_VALUE (ZICHA_CHANGE_RECORDS, "records"),
                     G_DEFINE_ENUM_VALUE (ZICHA_CHANGE_HITS, "hits"),
                     G_DEFINE_ENUM_VALUE (ZICHA_CHANGE_PLANS, "plans"),
                     G_DEFINE_ENUM_VALUE (ZICHA_CHANGE_PROBLEMS, "problems"),
                     G_DEFINE_ENUM_VALUE (ZICHA_CHANGE_MEASURES, "measures"),
                     G_DEFINE_ENUM_VALUE (ZICHA_CHANGE_REPORT, "report"))

enum {
  PROP_0,
  PROP_DB,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
zicha_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZichaSession *self = ZICHA_SESSION (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, zicha_session_get_read_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZichaSession *self = ZICHA_SESSION (object);

  switch (prop_id)
    {
    case PROP_DB:
      zicha_session_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zicha_session_dispose (GObject *object)
{
  ZichaSession *self = ZICHA_SESSION (object);

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (zicha_session_parent_class)->dispose (object);
}

static void
zicha_session_class_init (ZichaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zicha_session_get_property;
  object_class->set_property = zicha_session_set_property;
  object_class->dispose = zicha_session_dispose;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, ZICHA_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZichaSession::changed:
   * @what: the ZichaChangeFlags of what changed
   *
   * Something the pages show changed in the database.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, ZICHA_TYPE_CHANGE_FLAGS);
}

static void
zicha_session_init (ZichaSession *self)
{
}

ZichaSession *
zicha_session_new (GSettings *settings)
{
  ZichaSession *self = g_object_new (ZICHA_TYPE_SESSION, NULL);

  g_set_object (&self->settings, settings);
  return self;
}

ZichaDb *
zicha_session_get_db (ZichaSession *self)
{
  g_return_val_if_fail (ZICHA_IS_SESSION (self), NULL);
  return self->db;
}

void
zicha_session_set_db (ZichaSession *self,
                      ZichaDb      *db)
{
  g_return_if_fail (ZICHA_IS_SESSION (self));
  g_return_if_fail (db == NULL || ZICHA_IS_DB (db));

  if (g_set_object (&self->db, db))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

gboolean
zicha_session_get_read_only (ZichaSession *self)
{
  g_return_val_if_fail (ZICHA_IS_SESSION (self), TRUE);
  return self->db == NULL || zicha_db_get_read_only (self->db);
}

char *
zicha_session_get_default_user_name (void)
{
  const char *real_name = g_get_real_name ();

  /* GLib says "Unknown" when the password database has no real name. */
  if (real_name == NULL || real_name[0] == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    return g_strdup (g_get_user_name ());
  return g_strdup (real_name);
}

char *
zicha_session_get_user_name (ZichaSession *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ZICHA_IS_SESSION (self), NULL);

  if (self->settings != NULL)
    name = g_strstrip (g_settings_get_string (self->settings, "user-name"));
  if (name == NULL || name[0] == '\0')
    return zicha_session_get_default_user_name ();
  return g_steal_pointer (&name);
}

void
zicha_session_emit_changed (ZichaSession     *self,
                            ZichaChangeFlags  what)
{
  g_return_if_fail (ZICHA_IS_SESSION (self));
  g_signal_emit (self, signals[CHANGED], 0, what);
}
