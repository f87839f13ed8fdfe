/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo.h — filling an empty library with the deterministic demo data set */

#pragma once

#include <gio/gio.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

/* Progress of mops_demo_generate(): @fraction runs from 0 to 1; @what is a short,
 * translated description of the current step. Called on the thread that called
 * mops_demo_generate(), never through a main context. */
typedef void (*MopsDemoProgressFunc) (double      fraction,
                                      const char *what,
                                      gpointer    user_data);

/* Fills @library with the demo data set of "Fjellvind", a fictional Nordic outdoor brand:
 * people, channels, campaigns, content with comments and tasks, assets drawn on the spot
 * (logos, photos, posts, PDFs, copy) with tags, collections and metadata, licences in every
 * status, a budget with expenses, subscriptions and requests, and two brand kits. The tables
 * are data (src/demo/data, compiled in); the rows go in through core's domain functions, in
 * one transaction (mops_library_begin()) after the files. Every date is relative to
 * mops_clock_now(), so the same MOPS_NOW (and TZ) gives byte-identical rows and files.
 *
 * Refuses a library that is not empty (mops_library_is_empty(); MOPS_ERROR_NOT_EMPTY) and
 * changes nothing then. On failure or cancellation everything it added is removed again, so
 * the library is left empty. Runs on the calling thread, which may be a worker: it uses only
 * @library's connection and touches no main context. */
gboolean mops_demo_generate (MopsLibrary           *library,
                             MopsDemoProgressFunc   progress,
                             gpointer               user_data,
                             GCancellable          *cancellable,
                             GError               **error);

G_END_DECLS
