/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-color.c — colours for charts and brand palettes */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mops-color.h"

/* GNOME HIG palette: blue, green, orange, purple, red, yellow, brown, and a teal; the
 * "3" shades read on light backgrounds, the "1"/"2" shades on dark ones. */
static const char *palette_light[] = {
  "#3584E4", "#2EC27E", "#E66100", "#9141AC", "#E01B24", "#C88800", "#865E3C", "#1C9AA0",
};
static const char *palette_dark[] = {
  "#62A0EA", "#57E389", "#FFA348", "#C061CB", "#F66151", "#F8E45C", "#CDAB8F", "#5BC8AF",
};

G_STATIC_ASSERT (G_N_ELEMENTS (palette_light) == G_N_ELEMENTS (palette_dark));

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

gboolean
mops_color_parse (const char *text,
                  MopsColor  *out_color)
{
  int digits[6];
  gsize len;

  if (text == NULL || text[0] != '#')
    return FALSE;

  len = strlen (text + 1);
  if (len != 3 && len != 6)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if ((digits[i] = hex_digit (text[1 + i])) < 0)
      return FALSE;

  if (out_color == NULL)
    return TRUE;

  if (len == 3)
    {
      out_color->red = digits[0] * 17 / 255.0;
      out_color->green = digits[1] * 17 / 255.0;
      out_color->blue = digits[2] * 17 / 255.0;
    }
  else
    {
      out_color->red = (digits[0] * 16 + digits[1]) / 255.0;
      out_color->green = (digits[2] * 16 + digits[3]) / 255.0;
      out_color->blue = (digits[4] * 16 + digits[5]) / 255.0;
    }

  return TRUE;
}

static int
to_byte (double component)
{
  return (int) lround (CLAMP (component, 0.0, 1.0) * 255.0);
}

char *
mops_color_to_hex (const MopsColor *color)
{
  g_return_val_if_fail (color != NULL, NULL);

  return g_strdup_printf ("#%02X%02X%02X",
                          to_byte (color->red), to_byte (color->green), to_byte (color->blue));
}

static double
linearize (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
mops_color_relative_luminance (const MopsColor *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * linearize (color->red)
       + 0.7152 * linearize (color->green)
       + 0.0722 * linearize (color->blue);
}

double
mops_color_contrast_ratio (const MopsColor *a,
                           const MopsColor *b)
{
  double la = mops_color_relative_luminance (a);
  double lb = mops_color_relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

void
mops_color_readable_on (const MopsColor *background,
                        MopsColor       *out_text)
{
  static const MopsColor black = { 0, 0, 0 };
  static const MopsColor white = { 1, 1, 1 };

  if (mops_color_contrast_ratio (background, &black) >= mops_color_contrast_ratio (background, &white))
    *out_text = black;
  else
    *out_text = white;
}

void
mops_color_palette_entry (guint      index,
                          gboolean   dark,
                          MopsColor *out_color)
{
  const char **palette = dark ? palette_dark : palette_light;

  mops_color_parse (palette[index % G_N_ELEMENTS (palette_light)], out_color);
}

guint
mops_color_palette_size (void)
{
  return G_N_ELEMENTS (palette_light);
}
