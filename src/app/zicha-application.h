/* zicha-application.h — the GTK application object of Zicha
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZICHA_TYPE_APPLICATION (zicha_application_get_type ())
G_DECLARE_FINAL_TYPE (ZichaApplication, zicha_application, ZICHA, APPLICATION, AdwApplication)

/* @extra_flags is added to the application's own flags; tests pass
 * G_APPLICATION_NON_UNIQUE so that they need no session bus. */
ZichaApplication *zicha_application_new           (GApplicationFlags  extra_flags);

GSettings        *zicha_application_get_settings  (ZichaApplication  *self);

/* The name recorded in the change history: the "user-name" setting, or when
 * that is empty the real name of the system user (its login name when the
 * real name is unknown). */
char             *zicha_application_get_user_name (ZichaApplication  *self);

/* The name used when the "user-name" setting is empty. */
char             *zicha_application_get_default_user_name (void);

G_END_DECLS
