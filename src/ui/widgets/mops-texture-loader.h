/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-texture-loader.h — thumbnails for pictures in grids and lists, decoded off the main thread */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MOPS_TYPE_TEXTURE_LOADER (mops_texture_loader_get_type ())

G_DECLARE_FINAL_TYPE (MopsTextureLoader, mops_texture_loader, MOPS, TEXTURE_LOADER, GObject)

/* Files are decoded one at a time in a worker (two cores: the other one draws the window),
 * the newest request first (the rows just bound are the ones on screen); the textures of the
 * @cache_size keys loaded last stay in memory. A key names one picture file ("sha256",
 * "sha256@512"…). */
MopsTextureLoader *mops_texture_loader_new    (guint              cache_size);

/* The texture loaded for @key, if it is still cached. */
GdkTexture        *mops_texture_loader_lookup (MopsTextureLoader *self,
                                               const char        *key);

/* Shows @key's texture in @picture: the cached one at once; otherwise the texture cached for
 * @stand_in_key (or nothing) while the file at @path, if there is one, loads. A picture shows
 * one key at a time: a load that finishes after the picture has moved on (a recycled row) is
 * dropped, and one still queued then is not even decoded. Returns TRUE when @picture has or
 * will have @key's texture. */
gboolean           mops_texture_loader_show   (MopsTextureLoader *self,
                                               GtkPicture        *picture,
                                               const char        *key,
                                               const char        *path,
                                               const char        *stand_in_key);

/* Tries again for the pictures whose file was not there when they asked (previews made
 * since: see MopsLibrary::previews-changed). */
void               mops_texture_loader_retry  (MopsTextureLoader *self);

/* Empties @picture and forgets the key it showed. */
void               mops_texture_loader_clear  (MopsTextureLoader *self,
                                               GtkPicture        *picture);

/* Whether files are still being loaded. */
gboolean           mops_texture_loader_is_busy (MopsTextureLoader *self);

/* Drops every load not finished: for the owner's dispose (the loader itself lives on until
 * the workers have let go of it). */
void               mops_texture_loader_cancel (MopsTextureLoader *self);

G_END_DECLS
