/* zicha-session.h — what the window and its pages share: the open database, the user, changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One ZichaSession per window (gnome-calendar's GcalContext is the model). Pages get it through
 * the ZichaPage interface; a page that changes something says so with
 * zicha_session_emit_changed (), and every page that shows it refreshes itself: the window
 * wires no page to another. */
#pragma once

#include <gio/gio.h>

#include "zicha-core.h"

G_BEGIN_DECLS

/* What changed, for ZichaSession::changed. */
typedef enum /*< flags >*/
{
  ZICHA_CHANGE_RECORDS  = 1 << 0,   /* the body's records (an import, a certificate handled) */
  ZICHA_CHANGE_HITS     = 1 << 1,   /* risk leads: a rule run, triage */
  ZICHA_CHANGE_PLANS    = 1 << 2,   /* plans, checklists, samples */
  ZICHA_CHANGE_PROBLEMS = 1 << 3,   /* the problem list */
  ZICHA_CHANGE_MEASURES = 1 << 4,   /* rectification: measures, evidence */
  ZICHA_CHANGE_REPORT   = 1 << 5,   /* report texts and finalized versions */
  ZICHA_CHANGE_ALL      = 0xff,
} ZichaChangeFlags;

GType zicha_change_flags_get_type (void);
#define ZICHA_TYPE_CHANGE_FLAGS (zicha_change_flags_get_type ())

#define ZICHA_TYPE_SESSION (zicha_session_get_type ())
G_DECLARE_FINAL_TYPE (ZichaSession, zicha_session, ZICHA, SESSION, GObject)

/* @settings: the application's settings (for the user name); may be NULL in tests. */
ZichaSession *zicha_session_new              (GSettings        *settings);

/* The open database ("db" property), or NULL. */
ZichaDb      *zicha_session_get_db           (ZichaSession     *self);
void          zicha_session_set_db           (ZichaSession     *self,
                                              ZichaDb          *db);
/* TRUE without a database or when it is read-only: pages offer no edits then. */
gboolean      zicha_session_get_read_only    (ZichaSession     *self);

/* Who the change history and every record of work names: the user name of Preferences, or
 * the account's real name. */
char         *zicha_session_get_user_name    (ZichaSession     *self);
/* The account's real name (its login name when it has none). */
char         *zicha_session_get_default_user_name (void);

/* Tells every page that @what changed. */
void          zicha_session_emit_changed     (ZichaSession     *self,
                                              ZichaChangeFlags  what);

G_END_DECLS
