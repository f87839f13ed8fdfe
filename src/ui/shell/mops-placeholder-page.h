/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-placeholder-page.h — a page's empty state until its feature lands */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"
#include "mops-pages.h"

G_BEGIN_DECLS

#define MOPS_TYPE_PLACEHOLDER_PAGE (mops_placeholder_page_get_type ())

G_DECLARE_FINAL_TYPE (MopsPlaceholderPage, mops_placeholder_page, MOPS, PLACEHOLDER_PAGE, GtkWidget)

/* A status page for @info that describes what @library holds for it. */
GtkWidget  *mops_placeholder_page_new         (const MopsPageInfo  *info,
                                               MopsLibrary         *library);

/* Reads the library's counts again and updates the description. */
void        mops_placeholder_page_refresh     (MopsPlaceholderPage *self);

G_END_DECLS
