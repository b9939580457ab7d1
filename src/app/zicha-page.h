/* zicha-page.h — what every page of the window is: a view of the session's database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window gives every page of its stack the session in one loop (zicha_page_set_session);
 * the page's "db" property follows the session's, and its refresh () is called whenever the
 * session says something changed. gnome-calendar's GcalView is the model. */
#pragma once

#include <gtk/gtk.h>

#include "zicha-session.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_PAGE (zicha_page_get_type ())
G_DECLARE_INTERFACE (ZichaPage, zicha_page, ZICHA, PAGE, GtkWidget)

struct _ZichaPageInterface
{
  GTypeInterface parent_iface;

  /* Optional: @what changed in the database (ZichaSession::changed); the page shows it anew
   * if it shows any of it. */
  void (*refresh) (ZichaPage        *self,
                   ZichaChangeFlags  what);
};

/* Binds the page's "db" property to @session's and calls refresh () on its changes. */
void          zicha_page_set_session  (ZichaPage     *self,
                                       ZichaSession  *session);
/* The session, or NULL before the window gave one. */
ZichaSession *zicha_page_get_session  (ZichaPage     *self);
/* Shortcuts through the session: the user's name (a new string), and "something changed". */
char         *zicha_page_get_user_name (ZichaPage    *self);
void          zicha_page_emit_changed (ZichaPage     *self,
                                       ZichaChangeFlags what);

G_END_DECLS
