/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-window.h — a main window: one library, its pages, or the welcome page */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_WINDOW (mops_window_get_type ())

G_DECLARE_FINAL_TYPE (MopsWindow, mops_window, MOPS, WINDOW, AdwApplicationWindow)

/* A window of @application without a library: it shows the welcome page until
 * mops_window_set_library() gives it one. Size and maximized state come from GSettings. */
MopsWindow  *mops_window_new              (GtkApplication *application);

/* The library this window holds (and keeps locked) for as long as it shows it, or NULL. */
MopsLibrary *mops_window_get_library      (MopsWindow     *self);

/* Shows @library (or none): its pages when it holds data, else the welcome page. The window
 * takes a reference and releases the previous library. */
void         mops_window_set_library      (MopsWindow     *self,
                                           MopsLibrary    *library);

/* TRUE while the window shows a library's pages; FALSE on the welcome page. */
gboolean     mops_window_has_content      (MopsWindow     *self);

/* TRUE while the window prepares the demo library. */
gboolean     mops_window_get_busy         (MopsWindow     *self);

/* The name of the visible page ("assets" …), or NULL on the welcome page. */
const char  *mops_window_get_page         (MopsWindow     *self);

/* Switches to the page called @name (see mops-pages.h); unknown names are ignored. */
void         mops_window_show_page        (MopsWindow     *self,
                                           const char     *name);

/* Tells why the library in @path could not be opened, offering another folder and (unless
 * another Mops has it) the demo library. @heading NULL means "Could Not Open Library". */
void         mops_window_show_open_error  (MopsWindow     *self,
                                           const char     *path,
                                           const char     *heading,
                                           const GError   *error);

/* Prepares the demo library in a worker while the welcome page shows the progress, then
 * opens it in this window. */
void         mops_window_prepare_demo     (MopsWindow     *self);

G_END_DECLS
