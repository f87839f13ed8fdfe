/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-private.h — the demo library's drawing: logos, photos, posts, PDFs, copy */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One colour of the Fjellvind palette: what the brand kit lists and the guidelines show. */
typedef struct
{
  const char *name;
  const char *role;
  const char *hex;      /* "#14324A" */
  const char *cmyk;     /* "88/58/25/50" */
  const char *pantone;
} MopsDemoColor;

/* The palette of the current brand kit, in kit order; *n_colors is set to its length. */
const MopsDemoColor *mops_demo_get_palette (guint *n_colors);

typedef enum
{
  MOPS_DEMO_LOGO_COLOUR,
  MOPS_DEMO_LOGO_MONO,
} MopsDemoLogoStyle;

/* Procedurally painted "photos": each is a fixed composition with its own seed. */
typedef enum
{
  MOPS_DEMO_SCENE_FJORD_SUNRISE,
  MOPS_DEMO_SCENE_ALPINE_LAKE,
  MOPS_DEMO_SCENE_WINTER_RIDGE,
  MOPS_DEMO_SCENE_FOREST_TRAIL,
  MOPS_DEMO_SCENE_CAMPFIRE,
  MOPS_DEMO_SCENE_COASTAL_HIKE,
  MOPS_DEMO_SCENE_AURORA_CAMP,
  MOPS_DEMO_SCENE_MISTY_VALLEY,
  MOPS_DEMO_SCENE_SUMMIT_TEAM,
} MopsDemoScene;

typedef enum
{
  MOPS_DEMO_PRODUCT_BACKPACK,
  MOPS_DEMO_PRODUCT_JACKET,
  MOPS_DEMO_PRODUCT_BOTTLE,
} MopsDemoProduct;

/* Social tiles and banners: a picture, a headline, the logo. */
typedef enum
{
  MOPS_DEMO_POST_SEASON_SQUARE,     /* 1:1 */
  MOPS_DEMO_POST_LAUNCH_PORTRAIT,   /* 4:5 */
  MOPS_DEMO_POST_LINKEDIN_BANNER,   /* 1.91:1 */
  MOPS_DEMO_POST_WEB_HERO,          /* 16:9 */
  MOPS_DEMO_POST_NEWSLETTER_HEADER, /* 1.91:1 */
} MopsDemoPost;

/* What a generated contract says; every field is plain text, already formatted. */
typedef struct
{
  const char *number;
  const char *licensor;
  const char *licensor_address;
  const char *licensee;
  const char *images;        /* one image per line */
  const char *media;
  const char *territories;
  const char *starts_on;
  const char *expires_on;
  const char *fee;
  const char *signed_on;
  const char *signatory;
} MopsDemoContract;

typedef struct
{
  const char *number;
  const char *vendor;
  const char *vendor_address;
  const char *customer;
  const char *date;
  const char *item;
  const char *net;
  const char *vat;
  const char *total;
  const char *payment;
} MopsDemoReceipt;

typedef struct _MopsDemoArt MopsDemoArt;

/* A drawing context for one run: its own Pango font map (no thread's default is touched)
 * with fixed font options and language, so the same input gives the same bytes. @today
 * dates the PDFs. */
MopsDemoArt *mops_demo_art_new             (const GDate             *today);
void         mops_demo_art_free            (MopsDemoArt             *art);

/* PNGs are encoded on worker threads: the PNG writers below return once the picture is
 * drawn, and the files are complete only when this returns TRUE (else the first encoding
 * error). Vector and text files are written at once. */
gboolean     mops_demo_art_wait            (MopsDemoArt             *art,
                                            GError                 **error);

/* Each writer creates the file at @path and fails only when it cannot be written. */
gboolean     mops_demo_art_logo_svg        (MopsDemoArt             *art,
                                            MopsDemoLogoStyle        style,
                                            const char              *path,
                                            int                     *out_width,
                                            int                     *out_height,
                                            GError                 **error);
gboolean     mops_demo_art_logo_png        (MopsDemoArt             *art,
                                            MopsDemoLogoStyle        style,
                                            int                      width,
                                            const char              *path,
                                            int                     *out_height,
                                            GError                 **error);
gboolean     mops_demo_art_icon_png        (MopsDemoArt             *art,
                                            int                      size,
                                            const char              *path,
                                            GError                 **error);
gboolean     mops_demo_art_scene_png       (MopsDemoArt             *art,
                                            MopsDemoScene            scene,
                                            int                      width,
                                            int                      height,
                                            const char              *path,
                                            GError                 **error);
gboolean     mops_demo_art_product_png     (MopsDemoArt             *art,
                                            MopsDemoProduct          product,
                                            int                      width,
                                            int                      height,
                                            const char              *path,
                                            GError                 **error);
gboolean     mops_demo_art_post_png        (MopsDemoArt             *art,
                                            MopsDemoPost             post,
                                            int                      width,
                                            int                      height,
                                            const char              *path,
                                            GError                 **error);
gboolean     mops_demo_art_template_svg    (MopsDemoArt             *art,
                                            const char              *path,
                                            GError                 **error);
gboolean     mops_demo_art_guidelines_pdf  (MopsDemoArt             *art,
                                            const char              *path,
                                            int                     *out_pages,
                                            GError                 **error);
gboolean     mops_demo_art_size_chart_pdf  (MopsDemoArt             *art,
                                            const char              *path,
                                            GError                 **error);
gboolean     mops_demo_art_contract_pdf    (MopsDemoArt             *art,
                                            const MopsDemoContract  *contract,
                                            const char              *path,
                                            GError                 **error);
gboolean     mops_demo_art_receipt_pdf     (MopsDemoArt             *art,
                                            const MopsDemoReceipt   *receipt,
                                            const char              *path,
                                            GError                 **error);

/* Writes @text to @path as it is (UTF-8 copy documents). */
gboolean     mops_demo_write_text          (const char              *path,
                                            const char              *text,
                                            GError                 **error);

/* "14 March 2026", in English whatever the locale: demo data is not translated. */
char        *mops_demo_format_long_date    (const GDate             *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsDemoArt, mops_demo_art_free)

G_END_DECLS
