/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-page.h — the asset browser: sidebar, search, thumbnail grid, inspector */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_ASSETS_PAGE (mops_assets_page_get_type ())

G_DECLARE_FINAL_TYPE (MopsAssetsPage, mops_assets_page, MOPS, ASSETS_PAGE, GtkWidget)

/* Imports @files (GFile: files and folders) in the background, with progress and Cancel;
 * what the file choosers and drag-and-drop call. */
void      mops_assets_page_import_files      (MopsAssetsPage *self,
                                              GListModel     *files);
typedef enum
{
  MOPS_ASSETS_IMPORT_DEFAULT       = 0,
  MOPS_ASSETS_IMPORT_KEEP_IN_PLACE = 1 << 0,  /* reference the files where they are */
  MOPS_ASSETS_IMPORT_OWNED         = 1 << 1,  /* our own work: one "owned by us" licence */
} MopsAssetsImportFlags;

/* The same, with the file chooser's choices. */
void      mops_assets_page_import_files_full (MopsAssetsPage        *self,
                                              GListModel            *files,
                                              MopsAssetsImportFlags  flags);

/* TRUE while the search index loads, an import runs, previews are being made or thumbnails
 * loaded. */
gboolean  mops_assets_page_is_busy           (MopsAssetsPage *self);

/* The number of assets the grid shows now. */
guint     mops_assets_page_get_n_shown       (MopsAssetsPage *self);

G_END_DECLS
