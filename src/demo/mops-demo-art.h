/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-art.h — the demo library's drawing: logos, photos, posts, PDFs, copy */

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
  MOPS_DEMO_SCENE_BRYGGEN_DUSK,
  MOPS_DEMO_SCENE_AUTUMN_BIRCHES,
  MOPS_DEMO_SCENE_SPRING_WATERFALL,
  MOPS_DEMO_SCENE_LOFOTEN_MIDNIGHT_SUN,
  MOPS_DEMO_SCENE_SKI_TOURING,
  MOPS_DEMO_SCENE_RAINY_FJORD,
  MOPS_DEMO_SCENE_LIGHTHOUSE,
  MOPS_DEMO_SCENE_STARRY_LAKE,
  MOPS_DEMO_SCENE_CANOE_MIST,
  MOPS_DEMO_SCENE_FAGARAS_SUNRISE,
  MOPS_DEMO_SCENE_NORTHERN_ALPS,
  MOPS_DEMO_SCENE_WINTER_CABIN,
  MOPS_DEMO_SCENE_GLACIER_HIKE,
  MOPS_DEMO_SCENE_RIDGE_RUNNER,
} MopsDemoScene;

typedef enum
{
  MOPS_DEMO_PRODUCT_BACKPACK,
  MOPS_DEMO_PRODUCT_JACKET,
  MOPS_DEMO_PRODUCT_BOTTLE,
  MOPS_DEMO_PRODUCT_BACKPACK_MOSS,
  MOPS_DEMO_PRODUCT_JACKET_GLACIER,
  MOPS_DEMO_PRODUCT_DOWN_JACKET,
  MOPS_DEMO_PRODUCT_TENT,
  MOPS_DEMO_PRODUCT_BOOTS,
  MOPS_DEMO_PRODUCT_STEEL_BOTTLES,
  MOPS_DEMO_PRODUCT_HEADLAMP,
  MOPS_DEMO_PRODUCT_FLAT_LAY,
} MopsDemoProduct;

/* Social tiles and banners: a picture, a headline, the logo. */
typedef enum
{
  MOPS_DEMO_POST_SEASON_SQUARE,     /* 1:1 */
  MOPS_DEMO_POST_LAUNCH_PORTRAIT,   /* 4:5 */
  MOPS_DEMO_POST_LINKEDIN_BANNER,   /* 1.91:1 */
  MOPS_DEMO_POST_WEB_HERO,          /* 16:9 */
  MOPS_DEMO_POST_NEWSLETTER_HEADER, /* 1.91:1 */
  MOPS_DEMO_POST_LAUNCH_STORY,      /* 9:16 */
  MOPS_DEMO_POST_DOWN_SQUARE,       /* 1:1 */
  MOPS_DEMO_POST_MEMBERS_COVER,     /* 1.91:1 */
  MOPS_DEMO_POST_MEETUP_POSTER,     /* 2:3 */
  MOPS_DEMO_POST_FILM_POSTER,       /* 2:3 */
  MOPS_DEMO_POST_REPAIR_POSTER,     /* 2:3 */
  MOPS_DEMO_POST_HIRING_BANNER,     /* 1.91:1 */
  MOPS_DEMO_POST_GIVEAWAY_SQUARE,   /* 1:1 */
  MOPS_DEMO_POST_BLACK_WEEK_BANNER, /* 1.91:1 */
  MOPS_DEMO_POST_BLOG_HEADER,       /* 1.91:1 */
  MOPS_DEMO_POST_LAKES_HEADER,      /* 1.91:1 */
} MopsDemoPost;

/* Vector files besides the logo: an icon set and a route map. */
typedef enum
{
  MOPS_DEMO_VECTOR_PICTOGRAMS,
  MOPS_DEMO_VECTOR_ROUTE_MAP,
} MopsDemoVector;

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

/* PNGs are painted and encoded on worker threads: the PNG writers below return once the
 * picture is recorded, and the files are complete only when this returns TRUE (else the
 * first painting error). Vector and text files are written at once. */
gboolean     mops_demo_art_wait            (MopsDemoArt             *art,
                                            GError                 **error);

/* The same for one file: returns once the PNG at @path is complete (at once for any other
 * path), FALSE with the first painting error. */
gboolean     mops_demo_art_wait_for        (MopsDemoArt             *art,
                                            const char              *path,
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
/* The icon set or the route map as SVG; the size it declares goes to @out_width/@out_height. */
gboolean     mops_demo_art_vector_svg      (MopsDemoArt             *art,
                                            MopsDemoVector           vector,
                                            const char              *path,
                                            int                     *out_width,
                                            int                     *out_height,
                                            GError                 **error);
/* The guidelines show @palette, the current kit's colours (eight of them, in kit order). */
gboolean     mops_demo_art_guidelines_pdf  (MopsDemoArt             *art,
                                            const MopsDemoColor     *palette,
                                            guint                    n_colors,
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

/* Writes @length bytes of @text (-1: up to its NUL) to @path as they are (UTF-8 copy
 * documents, data files). */
gboolean     mops_demo_write_text          (const char              *path,
                                            const char              *text,
                                            gssize                   length,
                                            GError                 **error);

/* "14 March 2026", in English whatever the locale: demo data is not translated. */
char        *mops_demo_format_long_date    (const GDate             *date);

/* The season of @date in English: "Winter" (December to February), "Spring", "Summer",
 * "Autumn". */
const char  *mops_demo_season_name         (const GDate             *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsDemoArt, mops_demo_art_free)

G_END_DECLS
