/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-pages.h — the table of the main window's pages: names, titles, icons, widgets */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

/* The text of a page's empty state, made from the library's counts. Returns a translated,
 * newly allocated string (g_free()). */
typedef char *(*MopsPageDescribeFunc) (const MopsLibraryCounts *counts);

/* One page of the main window. A feature adds its page by filling in @get_type in the table
 * in mops-pages.c: the window then builds that widget with
 *   g_object_new (get_type (), "library", library, NULL)
 * so the type needs a construct property "library" (a MopsLibrary). While @get_type is NULL
 * the page is an AdwStatusPage made from the empty_* fields. */
typedef struct
{
  const char           *name;             /* stack child name, app.show-page target, last-page */
  const char           *title;            /* N_(): translated where shown */
  const char           *icon_name;        /* the view switcher's icon */
  GType               (*get_type) (void); /* the page's widget, or NULL for the empty state */
  const char           *empty_icon_name;
  const char           *empty_title;      /* N_() */
  MopsPageDescribeFunc  empty_describe;   /* what the library already holds for this page */
  const char           *empty_coming;     /* N_(): what the page will offer */
} MopsPageInfo;

/* The pages in the order of the view switcher and of Ctrl+1…5. */
guint               mops_pages_get_n_pages       (void);
const MopsPageInfo *mops_pages_get_nth           (guint               position);

/* The page called @name, or NULL when there is none. */
const MopsPageInfo *mops_pages_lookup            (const char         *name);

/* The position of the page called @name in the table, or -1. */
int                 mops_pages_get_position      (const char         *name);

/* A new widget for the page @info showing @library: the feature's widget when it has one,
 * else its empty state. */
GtkWidget          *mops_page_info_create_widget (const MopsPageInfo *info,
                                                  MopsLibrary        *library);

G_END_DECLS
