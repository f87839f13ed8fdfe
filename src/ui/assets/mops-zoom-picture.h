/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-zoom-picture.h — a picture drawn at a zoom level, or fitted to its allocation */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MOPS_TYPE_ZOOM_PICTURE (mops_zoom_picture_get_type ())

/* GtkPicture always asks for its paintable's own size, so it cannot be made smaller than that
 * inside a GtkScrolledWindow; this widget asks for exactly natural size × zoom, and in fit
 * mode for nothing, drawing the paintable as large as its allocation allows but never larger
 * than the paintable's own pixels. */
G_DECLARE_FINAL_TYPE (MopsZoomPicture, mops_zoom_picture, MOPS, ZOOM_PICTURE, GtkWidget)

void          mops_zoom_picture_set_paintable      (MopsZoomPicture *self,
                                                    GdkPaintable    *paintable);
GdkPaintable *mops_zoom_picture_get_paintable      (MopsZoomPicture *self);

/* The size at zoom 1.0 ("100 %"): a photo's own pixel size even when the paintable is a
 * smaller rendering of it. 0 × 0 means the paintable's own size. */
void          mops_zoom_picture_set_natural_size   (MopsZoomPicture *self,
                                                    int              width,
                                                    int              height);
void          mops_zoom_picture_get_natural_size   (MopsZoomPicture *self,
                                                    int             *width,
                                                    int             *height);

/* Leaves fit mode and draws at @zoom (1.0 = the natural size). */
void          mops_zoom_picture_set_zoom           (MopsZoomPicture *self,
                                                    double           zoom);
/* The zoom the picture is drawn at now; in fit mode, what the last allocation gave. */
double        mops_zoom_picture_get_zoom           (MopsZoomPicture *self);

void          mops_zoom_picture_set_fit            (MopsZoomPicture *self,
                                                    gboolean         fit);
gboolean      mops_zoom_picture_get_fit            (MopsZoomPicture *self);

G_END_DECLS
