/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-tab-stop.h — a list or grid that is one Tab stop, as in GNOME's own apps */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @list (a GtkListBox, GtkListView or GtkGridView) one Tab stop: Tab and Shift+Tab
 * move the focus out of it, to the widget before or after it, wherever inside it the focus
 * is; arrows still move inside. GTK 4.8 has no "tab-behavior" for this. */
void mops_tab_stop_install (GtkWidget *list);

G_END_DECLS
