/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-welcome-page.h — what a window shows for an empty library (or none): demo or folder */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MOPS_TYPE_WELCOME_PAGE (mops_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (MopsWelcomePage, mops_welcome_page, MOPS, WELCOME_PAGE, GtkWidget)

/* While busy, the page shows the demo library's progress and a Cancel button (win.cancel-demo)
 * instead of its two choices (win.open-demo, win.choose-library). */
void     mops_welcome_page_set_busy     (MopsWelcomePage *self,
                                         gboolean         busy);
gboolean mops_welcome_page_get_busy     (MopsWelcomePage *self);

/* @fraction from 0 to 1; @what names the step (translated), or NULL to keep the last one. */
void     mops_welcome_page_set_progress (MopsWelcomePage *self,
                                         double           fraction,
                                         const char      *what);

G_END_DECLS
