/* zicha-preferences-window.h — the Preferences window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zicha-application.h"

G_BEGIN_DECLS

#define ZICHA_TYPE_PREFERENCES_WINDOW (zicha_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ZichaPreferencesWindow, zicha_preferences_window,
                      ZICHA, PREFERENCES_WINDOW, AdwPreferencesWindow)

ZichaPreferencesWindow *zicha_preferences_window_new (ZichaApplication *application);

G_END_DECLS
