/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-thumbnail.c — an asset's thumbnail in a GtkPicture, through the texture loader */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset-thumbnail"

#include "core/mops-previews.h"
#include "mops-asset-thumbnail.h"

gboolean
mops_asset_thumbnail_show (MopsTextureLoader *textures,
                           MopsLibrary       *library,
                           MopsAsset         *asset,
                           int                size,
                           GtkPicture        *picture)
{
  const char *sha256;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (MOPS_IS_TEXTURE_LOADER (textures), FALSE);
  g_return_val_if_fail (MOPS_IS_ASSET (asset), FALSE);
  g_return_val_if_fail (size == 256 || size == 512, FALSE);

  sha256 = mops_asset_get_sha256 (asset);
  key = size == 256 ? g_strdup (sha256) : g_strconcat (sha256, "@512", NULL);
  path = mops_previews_thumbnail_path (library, sha256, size);

  return mops_texture_loader_show (textures, picture, key, path, sha256);
}
