/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-thumbnail.h — an asset's thumbnail in a GtkPicture, through the texture loader */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-asset.h"
#include "core/mops-library.h"
#include "ui/widgets/mops-texture-loader.h"

G_BEGIN_DECLS

/* Shows @asset's thumbnail of @size (256 or 512) in @picture. Textures are cached by
 * "sha256" (256) and "sha256@512"; while a 512 loads, the 256 stands in. Returns TRUE when
 * the thumbnail exists (the picture has it, or will once it is decoded). */
gboolean mops_asset_thumbnail_show (MopsTextureLoader *textures,
                                    MopsLibrary       *library,
                                    MopsAsset         *asset,
                                    int                size,
                                    GtkPicture        *picture);

G_END_DECLS
