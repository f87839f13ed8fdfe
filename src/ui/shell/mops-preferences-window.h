/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-preferences-window.h — Preferences: library folder, licence warning, you, week start */

#pragma once

#include <adwaita.h>

#include "mops-window.h"

G_BEGIN_DECLS

#define MOPS_TYPE_PREFERENCES_WINDOW (mops_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MopsPreferencesWindow, mops_preferences_window,
                      MOPS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferences for @window and the library it shows; changes apply at once. Per-person
 * choices go to GSettings, the licence warning to the library (shared by everyone using it). */
GtkWidget *mops_preferences_window_new (MopsWindow *window);

G_END_DECLS
