/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-color.h — colours for charts and brand palettes: parsing, luminance, contrast */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An sRGB colour with components in 0…1. */
typedef struct
{
  double red;
  double green;
  double blue;
} MopsColor;

/* Parses "#RRGGBB" or "#RGB" (any case). FALSE on anything else. */
gboolean mops_color_parse              (const char      *text,
                                        MopsColor       *out_color);

/* "#RRGGBB" in upper case. Free with g_free(). */
char    *mops_color_to_hex             (const MopsColor *color);

/* WCAG 2.1 relative luminance, 0 (black) … 1 (white). */
double   mops_color_relative_luminance (const MopsColor *color);

/* WCAG 2.1 contrast ratio between two colours, 1 … 21. */
double   mops_color_contrast_ratio     (const MopsColor *a,
                                        const MopsColor *b);

/* Black or white, whichever reads better on @background. */
void     mops_color_readable_on        (const MopsColor *background,
                                        MopsColor       *out_text);

/* The @index-th colour of the chart palette (GNOME palette hues), for light or dark
 * backgrounds; it repeats after the last entry. */
void     mops_color_palette_entry      (guint            index,
                                        gboolean         dark,
                                        MopsColor       *out_color);

/* The number of distinct palette entries. */
guint    mops_color_palette_size       (void);

G_END_DECLS
