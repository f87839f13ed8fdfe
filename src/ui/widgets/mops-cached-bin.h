/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cached-bin.h — a bin that draws its child's look once into a texture, for decorations
 * repeated on many tiles */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MOPS_TYPE_CACHED_BIN (mops_cached_bin_get_type ())

G_DECLARE_FINAL_TYPE (MopsCachedBin, mops_cached_bin, MOPS, CACHED_BIN, GtkWidget)

/* A bin (<child> in a .ui) that, under the Cairo renderer, draws its child's render node into
 * a texture once and then shows that texture for as long as the child looks the same. The
 * Cairo renderer draws every node of every frame from scratch: a blurred box-shadow costs
 * it temporary surfaces and masks, a dimmed symbolic icon an offscreen group and a colour
 * matrix, on each tile, each frame. A texture is not free there either (GTK 4.8 copies it
 * into a Cairo surface each time it is drawn): worth it for such small, dear looks, not for
 * a plain background. Equal looks (the same nodes, the same scale) share one texture,
 * whichever bin drew it first; a new look (another badge, the dark style) is drawn once
 * more. Other renderers cache such nodes themselves: there the child is drawn as usual.
 *
 * Only for children whose look changes seldom and whose subtree holds no per-item content
 * (a thumbnail would make each look unique): the child is still measured, allocated and
 * picked as usual (tooltips, accessibility); only its drawing is cached. */
GtkWidget *mops_cached_bin_new (void);

G_END_DECLS
