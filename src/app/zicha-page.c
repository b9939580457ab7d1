/* zicha-page.c — what every page of the window is: a view of the session's database
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-page"

#include "config.h"

#include "zicha-page.h"

G_DEFINE_INTERFACE (ZichaPage, zicha_page, GTK_TYPE_WIDGET)

/* What the interface keeps on a page (its qdata): the session, the binding of "db" and the
 * handler of "changed". */
typedef struct
{
  ZichaSession *session;
  GBinding     *binding;
  gulong        changed_id;
} PageData;

static GQuark
page_data_quark (void)
{
  return g_quark_from_static_string ("zicha-page-data");
}

static void
page_data_free (gpointer data)
{
  PageData *pd = data;

  /* (our reference keeps the binding valid even when the page's end has undone it already) */
  if (pd->binding != NULL)
    {
      g_binding_unbind (pd->binding);
      g_object_unref (pd->binding);
    }
  g_clear_signal_handler (&pd->changed_id, pd->session);
  g_clear_object (&pd->session);
  g_free (pd);
}

static void
zicha_page_default_init (ZichaPageInterface *iface)
{
}

static void
on_session_changed_cb (ZichaSession     *session,
                       ZichaChangeFlags  what,
                       ZichaPage        *self)
{
  ZichaPageInterface *iface = ZICHA_PAGE_GET_IFACE (self);

  if (iface->refresh != NULL)
    iface->refresh (self, what);
}

void
zicha_page_set_session (ZichaPage    *self,
                        ZichaSession *session)
{
  PageData *pd;

  g_return_if_fail (ZICHA_IS_PAGE (self));
  g_return_if_fail (session == NULL || ZICHA_IS_SESSION (session));

  g_object_set_qdata_full (G_OBJECT (self), page_data_quark (), NULL, NULL);
  if (session == NULL)
    return;

  pd = g_new0 (PageData, 1);
  pd->session = g_object_ref (session);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self), "db") != NULL)
    pd->binding = g_object_ref (g_object_bind_property (session, "db", self, "db",
                                                        G_BINDING_SYNC_CREATE));
  /* (disconnected when the qdata goes, with the page or with the next session) */
  pd->changed_id = g_signal_connect (session, "changed", G_CALLBACK (on_session_changed_cb),
                                     self);
  g_object_set_qdata_full (G_OBJECT (self), page_data_quark (), pd, page_data_free);
}

ZichaSession *
zicha_page_get_session (ZichaPage *self)
{
  PageData *pd;

  g_return_val_if_fail (ZICHA_IS_PAGE (self), NULL);

  pd = g_object_get_qdata (G_OBJECT (self), page_data_quark ());
  return pd != NULL ? pd->session : NULL;
}

char *
zicha_page_get_user_name (ZichaPage *self)
{
  ZichaSession *session = zicha_page_get_session (self);

  return session != NULL ? zicha_session_get_user_name (session)
                         : zicha_session_get_default_user_name ();
}

void
zicha_page_emit_changed (ZichaPage        *self,
                         ZichaChangeFlags  what)
{
  ZichaSession *session = zicha_page_get_session (self);

  if (session != NULL)
    zicha_session_emit_changed (session, what);
}
