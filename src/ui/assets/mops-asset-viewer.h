/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-viewer.h — one asset shown large, with zoom, pages and "Export a Copy…" */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_ASSET_VIEWER (mops_asset_viewer_get_type ())

G_DECLARE_FINAL_TYPE (MopsAssetViewer, mops_asset_viewer, MOPS, ASSET_VIEWER, AdwWindow)

/* A modal window over @parent showing asset @asset_id of @library: images and SVGs with
 * zoom, PDFs page by page, fonts as a specimen, text files as text, anything else as what
 * it is. Pictures are made by mops-probe in a worker (never decoded here). Present it with
 * gtk_window_present(); it destroys itself when closed or with @parent. */
GtkWindow *mops_asset_viewer_new            (GtkWindow       *parent,
                                             MopsLibrary     *library,
                                             gint64           asset_id);

/* TRUE while a picture is being made, a text read or a copy exported. */
gboolean   mops_asset_viewer_is_busy        (MopsAssetViewer *self);

/* The page shown (0-based) and how many the file has (1 for everything but PDFs). */
int        mops_asset_viewer_get_page       (MopsAssetViewer *self);
int        mops_asset_viewer_get_page_count (MopsAssetViewer *self);

/* The zoom the picture is drawn at (1.0 = the file's own size), and whether it follows the
 * window ("Best Fit"). */
double     mops_asset_viewer_get_zoom       (MopsAssetViewer *self);
gboolean   mops_asset_viewer_get_zoom_fits  (MopsAssetViewer *self);

/* What "Export a Copy…" does once the person has chosen @file: the copy with its metadata
 * is written in a worker, then a toast names it (and its sidecar), or a dialog says what
 * went wrong. Busy until then. */
void       mops_asset_viewer_export_to      (MopsAssetViewer *self,
                                             GFile           *file);

G_END_DECLS
