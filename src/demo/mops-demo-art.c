/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-art.c — the demo library's drawing: logos, photos, posts, PDFs, copy */

#include "config.h"

#define G_LOG_DOMAIN "mops-demo"

#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "core/mops-error.h"
#include "mops-demo-art.h"

/* Everything here is deterministic: no clock, no global random state, no locale. Each
 * picture seeds its own GRand; numbers are written with g_ascii_formatd; dates are spelled
 * in English by hand; Pango gets a fixed language and font options. No libm either: curves
 * come from cairo (arcs, rotations) and from midpoint displacement. */

#define FONT_SANS  "DejaVu Sans"
#define FONT_SERIF "DejaVu Serif"

/* The brand's colours as the drawings use them; the palette the brand kit and its guidelines
 * list is data (kits.json) */
#define FJORD_NAVY      0x14324A
#define GLACIER_BLUE    0x6FA8C9
#define SIGNAL_ORANGE   0xF26B1D
#define MOSS_GREEN      0x4E7D5B
#define BIRCH_WHITE     0xF4F1EA
#define GRANITE         0x3C4043
#define LINGONBERRY     0xB3263E
#define CLOUDBERRY      0xF2B544

#define PDF_A4_WIDTH    595.276
#define PDF_A4_HEIGHT   841.89

static const char *const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

struct _MopsDemoArt
{
  PangoFontMap  *font_map;
  PangoContext  *context;
  GDate          today;
  char          *pdf_date;

  /* Pictures are recorded here and rasterized and encoded on worker threads, which touch
   * only their own surfaces (cairo locks the fonts they share) */
  GThreadPool   *painters;
  GMutex         mutex;
  GCond          cond;
  guint          in_flight;
  GHashTable    *pending;       /* paths still being painted */
  GPtrArray     *spare_buffers; /* PaintBuffers no painter is using */
  GError        *paint_error;
  gboolean       abandoned;     /* freed before the wait: queued pictures are dropped */
};

/* A painter's pixels and encoded bytes, kept from one picture to the next: fresh
 * megabytes for every picture cost more in page faults than the drawing. */
typedef struct
{
  guchar *pixels;
  gsize   pixels_size;
  guchar *png;
  gsize   png_size;
} PaintBuffers;

typedef struct
{
  MopsDemoArt     *art;
  cairo_surface_t *recording;
  cairo_format_t   format;
  int              width, height;
  char            *path;
} PaintJob;

typedef struct
{
  const char     *family;
  PangoWeight     weight;
  double          size;         /* pixels (user units) */
  guint32         rgb;
  double          alpha;
  double          spacing;      /* letter spacing, user units */
  double          line_height;  /* factor; 0 = the font's */
  PangoAlignment  align;
} TextStyle;

static void paint_job_run     (gpointer data,
                               gpointer user_data);
static void paint_buffers_free (gpointer data);

char *
mops_demo_format_long_date (const GDate *date)
{
  return g_strdup_printf ("%u %s %u", g_date_get_day (date),
                          month_names[g_date_get_month (date) - 1], g_date_get_year (date));
}

const char *
mops_demo_season_name (const GDate *date)
{
  switch (g_date_get_month (date))
    {
    case G_DATE_DECEMBER:
    case G_DATE_JANUARY:
    case G_DATE_FEBRUARY:
      return "Winter";
    case G_DATE_MARCH:
    case G_DATE_APRIL:
    case G_DATE_MAY:
      return "Spring";
    case G_DATE_JUNE:
    case G_DATE_JULY:
    case G_DATE_AUGUST:
      return "Summer";
    default:
      return "Autumn";
    }
}

MopsDemoArt *
mops_demo_art_new (const GDate *today)
{
  MopsDemoArt *art = g_new0 (MopsDemoArt, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  art->today = *today;
  art->pdf_date = g_strdup_printf ("%04u-%02u-%02uT09:00:00Z", g_date_get_year (today),
                                   g_date_get_month (today), g_date_get_day (today));

  /* A private font map: the calling thread's default one is left alone, and its fixed
   * resolution makes a size in points a size in user units everywhere. */
  art->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (art->font_map), 72.0);
  art->context = pango_font_map_create_context (art->font_map);
  pango_context_set_language (art->context, pango_language_from_string ("en"));
  pango_context_set_base_dir (art->context, PANGO_DIRECTION_LTR);

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (art->context, options);
  cairo_font_options_destroy (options);

  g_mutex_init (&art->mutex);
  g_cond_init (&art->cond);
  art->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  art->spare_buffers = g_ptr_array_new_with_free_func (paint_buffers_free);
  /* Drawing on the calling thread is mostly recording, so every core paints; with one core
   * the pool still works, just without overlap. Exclusive threads keep it out of GTask's
   * shared pool. */
  art->painters = g_thread_pool_new (paint_job_run, art,
                                     CLAMP ((int) g_get_num_processors (), 1, 4), TRUE, NULL);

  return art;
}

void
mops_demo_art_free (MopsDemoArt *art)
{
  if (art == NULL)
    return;

  g_mutex_lock (&art->mutex);
  art->abandoned = TRUE;
  g_mutex_unlock (&art->mutex);
  if (art->painters != NULL)
    g_thread_pool_free (art->painters, FALSE, TRUE);
  g_clear_pointer (&art->pending, g_hash_table_unref);
  g_clear_pointer (&art->spare_buffers, g_ptr_array_unref);
  g_clear_error (&art->paint_error);
  g_mutex_clear (&art->mutex);
  g_cond_clear (&art->cond);
  g_clear_object (&art->context);
  g_clear_object (&art->font_map);
  g_free (art->pdf_date);
  g_free (art);
}

/* ------------------------------------------------------------------ colours and shapes */

static void
set_rgba (cairo_t *cr,
          guint32  rgb,
          double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  set_rgba (cr, rgb, 1.0);
}

static void
add_stop (cairo_pattern_t *pattern,
          double           offset,
          guint32          rgb,
          double           alpha)
{
  cairo_pattern_add_color_stop_rgba (pattern, offset, ((rgb >> 16) & 0xff) / 255.0,
                                     ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, alpha);
}

static guint32
mix (guint32 a,
     guint32 b,
     double  t)
{
  guint32 result = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double ca = (a >> shift) & 0xff;
      double cb = (b >> shift) & 0xff;
      guint32 c = (guint32) (ca + (cb - ca) * t + 0.5);

      result |= MIN (c, 255u) << shift;
    }

  return result;
}

static guint32
parse_hex (const char *hex)
{
  return (guint32) g_ascii_strtoull (hex + 1, NULL, 16);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
ellipse (cairo_t *cr,
         double   cx,
         double   cy,
         double   rx,
         double   ry)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
}

/* Paints @pattern over the rectangle. Radial gradients are the slowest thing pixman draws (a
 * square root per pixel: 30–70 ms for one full photo), so for pixels (image surfaces, and the
 * recordings that become them) the gradient is drawn at an eighth of the size and stretched
 * with bilinear filtering, which is smooth and ten times faster. Vector surfaces (PDF) get
 * the real gradient. Takes @pattern. */
static void
paint_soft (cairo_t         *cr,
            cairo_pattern_t *pattern,
            double           x,
            double           y,
            double           w,
            double           h)
{
  cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));
  cairo_surface_t *small;
  cairo_t *small_cr;
  int sw, sh;

  if (target != CAIRO_SURFACE_TYPE_IMAGE && target != CAIRO_SURFACE_TYPE_RECORDING)
    {
      cairo_save (cr);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      cairo_restore (cr);
      cairo_pattern_destroy (pattern);
      return;
    }

  sw = MAX (2, (int) (w / 8) + 1);
  sh = MAX (2, (int) (h / 8) + 1);
  small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
  small_cr = cairo_create (small);
  cairo_scale (small_cr, sw / w, sh / h);
  cairo_translate (small_cr, -x, -y);
  cairo_set_source (small_cr, pattern);
  cairo_paint (small_cr);
  cairo_destroy (small_cr);
  cairo_pattern_destroy (pattern);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, w / sw, h / sh);
  cairo_set_source_surface (cr, small, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (small);
}

/* A soft round glow: @rgb at @alpha in the middle, nothing at @radius. */
static void
glow (cairo_t *cr,
      double   cx,
      double   cy,
      double   radius,
      guint32  rgb,
      double   alpha)
{
  cairo_pattern_t *pattern = cairo_pattern_create_radial (cx, cy, 0, cx, cy, radius);

  add_stop (pattern, 0, rgb, alpha);
  add_stop (pattern, 0.35, rgb, alpha * 0.45);
  add_stop (pattern, 1, rgb, 0);
  paint_soft (cr, pattern, cx - radius, cy - radius, 2 * radius, 2 * radius);
}

static void
vertical_gradient (cairo_t *cr,
                   double   y0,
                   double   y1,
                   guint32  top,
                   double   top_alpha,
                   guint32  bottom,
                   double   bottom_alpha)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (0, y0, 0, y1);

  add_stop (pattern, 0, top, top_alpha);
  add_stop (pattern, 1, bottom, bottom_alpha);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
}

/* ------------------------------------------------------------------ text */

static PangoLayout *
create_layout (MopsDemoArt     *art,
               cairo_t         *cr,
               const TextStyle *style,
               double           width,
               const char      *text)
{
  PangoLayout *layout;
  PangoFontDescription *font = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_cairo_update_context (cr, art->context);
  layout = pango_layout_new (art->context);

  pango_font_description_set_family (font, style->family != NULL ? style->family : FONT_SANS);
  pango_font_description_set_weight (font, style->weight != 0 ? style->weight
                                                               : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (style->spacing != 0)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (style->spacing * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (style->line_height > 0)
    pango_layout_set_line_spacing (layout, (float) style->line_height);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, style->align);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Draws @text with its top-left corner at (@x, @y), wrapped to @width when positive.
 * Returns the height it took. */
static double
show_text (MopsDemoArt     *art,
           cairo_t         *cr,
           const TextStyle *style,
           double           x,
           double           y,
           double           width,
           const char      *text)
{
  PangoLayout *layout = create_layout (art, cr, style, width, text);
  int w, h;

  set_rgba (cr, style->rgb, style->alpha > 0 ? style->alpha : 1.0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  g_object_unref (layout);

  return (double) h / PANGO_SCALE;
}

/* The width @text takes in @style. */
static double
measure_text (MopsDemoArt     *art,
              cairo_t         *cr,
              const TextStyle *style,
              const char      *text)
{
  PangoLayout *layout = create_layout (art, cr, style, -1, text);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  g_object_unref (layout);

  return (double) w / PANGO_SCALE;
}

/* ------------------------------------------------------------------ files */

static gboolean
cairo_failed (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *display = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;

  display = g_filename_display_name (path);
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO, _("Could not write “%s”: %s"),
               display, cairo_status_to_string (status));
  return TRUE;
}

static guint32
crc32_update (guint32       crc,
              const guchar *data,
              gsize         len)
{
  /* "slicing by four": four bytes per step through four tables */
  static guint32 table[4][256];
  static gsize table_ready = 0;
  gsize i = 0;

  if (g_once_init_enter (&table_ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          table[0][n] = c;
        }
      for (guint32 n = 0; n < 256; n++)
        for (int t = 1; t < 4; t++)
          table[t][n] = table[0][table[t - 1][n] & 0xff] ^ (table[t - 1][n] >> 8);
      g_once_init_leave (&table_ready, 1);
    }

  crc ^= 0xFFFFFFFFu;
  for (; i + 4 <= len; i += 4)
    {
      crc ^= (guint32) data[i] | (guint32) data[i + 1] << 8 | (guint32) data[i + 2] << 16 |
             (guint32) data[i + 3] << 24;
      crc = table[3][crc & 0xff] ^ table[2][(crc >> 8) & 0xff] ^ table[1][(crc >> 16) & 0xff] ^
            table[0][crc >> 24];
    }
  for (; i < len; i++)
    crc = table[0][(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

static void
put_be32 (guchar  *out,
          guint32  value)
{
  out[0] = (value >> 24) & 0xff;
  out[1] = (value >> 16) & 0xff;
  out[2] = (value >> 8) & 0xff;
  out[3] = value & 0xff;
}

/* One row of @surface as PNG samples (RGB, or RGBA when it has alpha) into @out. */
static void
convert_row (cairo_surface_t *surface,
             int              y,
             gboolean         alpha,
             guchar          *out)
{
  int width = cairo_image_surface_get_width (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  const guint32 *pixels = (const guint32 *) (const void *) (data + (gsize) y * stride);

  for (int x = 0; x < width; x++)
    {
      guint32 p = pixels[x];
      guint a = p >> 24;
      guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (alpha)
        {
          /* cairo premultiplies; PNG does not */
          if (a != 0 && a != 255)
            {
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
        }
      out[0] = (guchar) r;
      out[1] = (guchar) g;
      out[2] = (guchar) b;
      if (alpha)
        out[3] = (guchar) a;
      out += alpha ? 4 : 3;
    }
}

/* ------------------------------------------------------------------ deflate */

/* A small deflate encoder for these pictures. zlib's fastest level hunts for matches all
 * over its window and took a third of the demo's time; after the "Up" filter the pictures
 * are mostly runs (zeros where a row repeats the one above, one pixel repeated along a
 * gradient's row), so looking only for a run of the byte or of the pixel before, coded
 * with deflate's fixed Huffman table, is about 2.5 times faster for files a quarter
 * larger. It writes one fixed-Huffman block (those have no size limit) inside zlib's
 * header and Adler-32. */

/* Row @y of an opaque @surface as "Up"-filtered RGB samples into @out: each byte minus the
 * one above, straight from the pixels. Only the low byte of each difference counts, so the
 * unused top byte of RGB24 pixels never matters. */
static void
filter_opaque_row (cairo_surface_t *surface,
                   int              y,
                   guchar          *out)
{
  int width = cairo_image_surface_get_width (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  const guint32 *row = (const guint32 *) (const void *) (data + (gsize) y * stride);
  const guint32 *above;

  if (y == 0)
    {
      for (int x = 0; x < width; x++, out += 3)
        {
          out[0] = (guchar) (row[x] >> 16);
          out[1] = (guchar) (row[x] >> 8);
          out[2] = (guchar) row[x];
        }
      return;
    }

  above = (const guint32 *) (const void *) (data + (gsize) (y - 1) * stride);
  for (int x = 0; x < width; x++, out += 3)
    {
      guint32 p = row[x], q = above[x];

      out[0] = (guchar) ((p >> 16) - (q >> 16));
      out[1] = (guchar) ((p >> 8) - (q >> 8));
      out[2] = (guchar) (p - q);
    }
}

typedef struct
{
  guint16 code[288];            /* fixed literal/length codes, bit-reversed for LSB-first */
  guint8  code_bits[288];
  guint16 length_symbol[259];
  guint8  length_extra_bits[259];
  guint16 length_extra[259];
} DeflateTables;

typedef struct
{
  const DeflateTables *tables;
  guchar              *out;
  gsize                len;
  gsize                size;
  guint64              bits;
  int                  n_bits;
  guint32              adler_a, adler_b;
} Deflate;

static guint32
reverse_bits (guint32 code,
              int     n)
{
  guint32 reversed = 0;

  for (int i = 0; i < n; i++)
    reversed = (reversed << 1) | ((code >> i) & 1);
  return reversed;
}

static const DeflateTables *
get_deflate_tables (void)
{
  static DeflateTables tables;
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      static const int base[] = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
        115, 131, 163, 195, 227, 258,
      };
      static const int extra[] = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
      };

      /* RFC 1951, 3.2.6 */
      for (guint32 v = 0; v < 288; v++)
        {
          int n = v < 144 ? 8 : v < 256 ? 9 : v < 280 ? 7 : 8;
          guint32 code = v < 144 ? 0x30 + v : v < 256 ? 0x190 + (v - 144)
                         : v < 280 ? v - 256 : 0xC0 + (v - 280);

          tables.code[v] = (guint16) reverse_bits (code, n);
          tables.code_bits[v] = (guint8) n;
        }
      for (int length = 3; length <= 258; length++)
        {
          int s = length == 258 ? 28 : 27;

          while (base[s] > length)
            s--;
          tables.length_symbol[length] = (guint16) (257 + s);
          tables.length_extra_bits[length] = (guint8) extra[s];
          tables.length_extra[length] = (guint16) (length - base[s]);
        }
      g_once_init_leave (&ready, 1);
    }

  return &tables;
}

static inline void
deflate_put (Deflate *z,
             guint32  value,
             int      n_bits)
{
  z->bits |= (guint64) value << z->n_bits;
  z->n_bits += n_bits;
  if (z->n_bits < 32)
    return;

  if (z->size - z->len < 8)
    z->out = g_realloc (z->out, (z->size = z->size * 2));
  for (int i = 0; i < 4; i++)
    z->out[z->len++] = (guchar) (z->bits >> (8 * i));
  z->bits >>= 32;
  z->n_bits -= 32;
}

static inline void
deflate_symbol (Deflate *z,
                guint    symbol)
{
  deflate_put (z, z->tables->code[symbol], z->tables->code_bits[symbol]);
}

/* A match of @length bytes @distance (1 … 4) back: distance codes 0 … 3, five bits each. */
static inline void
deflate_match (Deflate *z,
               gsize    length,
               gsize    distance)
{
  const DeflateTables *t = z->tables;

  deflate_symbol (z, t->length_symbol[length]);
  if (t->length_extra_bits[length] > 0)
    deflate_put (z, t->length_extra[length], t->length_extra_bits[length]);
  deflate_put (z, reverse_bits ((guint32) distance - 1, 5), 5);
}

/* How many bytes from @p on repeat the ones @distance before, at most @max. */
static inline gsize
run_length (const guchar *p,
            gsize         distance,
            gsize         max)
{
  gsize n = 0;

  while (n + 8 <= max)
    {
      guint64 a, b;

      memcpy (&a, p + n, 8);
      memcpy (&b, p + n - distance, 8);
      if (a != b)
        break;
      n += 8;
    }
  while (n < max && p[n] == p[n - distance])
    n++;

  return n;
}

static void
deflate_row (Deflate      *z,
             const guchar *row,
             gsize         len,
             gsize         pixel)
{
  guint32 a = z->adler_a, b = z->adler_b;
  gsize i = 0;

  /* Adler-32 sixteen bytes at a time: b gains 16 a plus the bytes weighted 16 … 1, sums
   * that do not wait for each other. 5552 bytes between the remainders cannot overflow. */
  for (gsize done = 0; done < len; )
    {
      gsize n = MIN (len - done, 5552);
      gsize k = done;

      for (; k + 16 <= done + n; k += 16)
        {
          guint32 sum = 0, weighted = 0;

          for (int j = 0; j < 16; j++)
            {
              sum += row[k + j];
              weighted += (guint32) (16 - j) * row[k + j];
            }
          b += 16 * a + weighted;
          a += sum;
        }
      for (; k < done + n; k++)
        {
          a += row[k];
          b += a;
        }
      a %= 65521;
      b %= 65521;
      done += n;
    }
  z->adler_a = a;
  z->adler_b = b;

  while (i < len)
    {
      gsize max = MIN (len - i, 258);
      gboolean same_as_byte = i >= 1 && row[i] == row[i - 1];
      gboolean same_as_pixel = i >= pixel && row[i] == row[i - pixel];
      gsize by_byte, by_pixel;

      if (!same_as_byte && !same_as_pixel)
        {
          deflate_symbol (z, row[i++]);
          continue;
        }

      by_byte = same_as_byte ? run_length (row + i, 1, max) : 0;
      by_pixel = same_as_pixel && by_byte < max ? run_length (row + i, pixel, max) : 0;

      if (by_byte >= 3 && by_byte >= by_pixel)
        {
          deflate_match (z, by_byte, 1);
          i += by_byte;
        }
      else if (by_pixel >= 3)
        {
          deflate_match (z, by_pixel, pixel);
          i += by_pixel;
        }
      else
        deflate_symbol (z, row[i++]);
    }
}

/* The bytes before the compressed data: signature, IHDR chunk, IDAT's length and type. */
#define PNG_HEAD_LEN (8 + 25 + 8)

/* cairo's own PNG writer makes libpng try every filter at the default level, which took most
 * of the demo's time; this one uses the "Up" filter (smooth gradients become runs of small
 * numbers) and the run coder above, streams row by row, and stays deterministic. The
 * compressed data goes straight after room left for the header, so the file is written
 * from one buffer. */
static gboolean
encode_png (cairo_surface_t  *surface,
            PaintBuffers     *buffers,
            const char       *path,
            GError          **error)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar iend[] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82 };
  g_autoptr(GError) local_error = NULL;
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gsize pixel = alpha ? 4 : 3;
  gsize row_len = (gsize) width * pixel + 1;
  g_autofree guchar *previous = alpha ? g_malloc0 (row_len) : NULL;
  g_autofree guchar *current = alpha ? g_malloc0 (row_len) : NULL;
  g_autofree guchar *filtered = g_malloc (row_len);
  Deflate z = { get_deflate_tables (), NULL, PNG_HEAD_LEN, 0, 0, 0, 1, 0 };
  guchar *head;
  gboolean ok;

  /* these pictures compress to about a tenth */
  if (buffers->png_size < PNG_HEAD_LEN + row_len * height / 8 + 65536)
    {
      buffers->png_size = PNG_HEAD_LEN + row_len * height / 8 + 65536;
      buffers->png = g_realloc (buffers->png, buffers->png_size);
    }
  z.out = buffers->png;
  z.size = buffers->png_size;
  z.out[z.len++] = 0x78;          /* zlib: deflate, 32 KiB window … */
  z.out[z.len++] = 0x01;          /* … no dictionary, fastest */
  deflate_put (&z, 1 | 1 << 1, 3);        /* the last block, fixed Huffman codes */

  filtered[0] = 2;                /* every row: the "Up" filter */
  for (int y = 0; y < height; y++)
    {
      guchar *swap;

      if (!alpha)
        filter_opaque_row (surface, y, filtered + 1);
      else
        {
          /* unpremultiplied first, so the rows before and after are needed as bytes */
          convert_row (surface, y, alpha, current + 1);
          for (gsize i = 1; i < row_len; i++)
            filtered[i] = (guchar) (current[i] - previous[i]);
          swap = previous;
          previous = current;
          current = swap;
        }
      deflate_row (&z, filtered, row_len, pixel);
    }
  deflate_symbol (&z, 256);       /* end of block */
  deflate_put (&z, 0, 7);         /* to a whole byte */
  if (z.size - z.len < 8 + 4 + 4 + sizeof iend)
    z.out = g_realloc (z.out, (z.size += 8 + 4 + 4 + sizeof iend));
  for (; z.n_bits >= 8; z.n_bits -= 8, z.bits >>= 8)
    z.out[z.len++] = (guchar) z.bits;
  put_be32 (z.out + z.len, z.adler_b << 16 | z.adler_a);
  z.len += 4;

  head = z.out;
  memcpy (head, signature, sizeof signature);
  put_be32 (head + 8, 13);
  memcpy (head + 12, "IHDR", 4);
  put_be32 (head + 16, (guint32) width);
  put_be32 (head + 20, (guint32) height);
  head[24] = 8;                   /* bits per channel */
  head[25] = alpha ? 6 : 2;       /* RGBA or RGB */
  head[26] = 0;
  head[27] = 0;
  head[28] = 0;
  put_be32 (head + 29, crc32_update (0, head + 12, 17));
  put_be32 (head + 33, (guint32) (z.len - PNG_HEAD_LEN));
  memcpy (head + 37, "IDAT", 4);
  put_be32 (head + z.len, crc32_update (0, head + 37, z.len - 37));
  memcpy (head + z.len + 4, iend, sizeof iend);

  /* written in place: the staging folder is ours, and the library copies it anyway */
  ok = g_file_set_contents_full (path, (const char *) head, (gssize) (z.len + 4 + sizeof iend),
                                 G_FILE_SET_CONTENTS_NONE, 0644, &local_error);
  buffers->png = z.out;
  buffers->png_size = z.size;
  if (!ok)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO, _("Could not write “%s”: %s"),
                   display, local_error->message);
    }

  return ok;
}

/* Plays a recorded picture onto pixels and writes the PNG. The recording is bounded by the
 * picture, so with SOURCE cairo replays it straight onto the fresh surface: the same pixels
 * as drawing there directly. */
static void
paint_buffers_free (gpointer data)
{
  PaintBuffers *buffers = data;

  g_free (buffers->pixels);
  g_free (buffers->png);
  g_free (buffers);
}

static gboolean
paint_png (PaintJob      *job,
           PaintBuffers  *buffers,
           GError       **error)
{
  int stride = cairo_format_stride_for_width (job->format, job->width);
  gsize size = (gsize) stride * job->height;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (buffers->pixels_size < size)
    {
      g_free (buffers->pixels);
      buffers->pixels = g_malloc (size);
      buffers->pixels_size = size;
    }
  /* SOURCE sets every pixel, so what the last picture left there does not matter */
  surface = cairo_image_surface_create_for_data (buffers->pixels, job->format, job->width,
                                                 job->height, stride);
  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, job->recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  ok = !cairo_failed (cairo_surface_status (surface), job->path, error) &&
       encode_png (surface, buffers, job->path, error);
  cairo_surface_destroy (surface);
  return ok;
}

static void
paint_job_run (gpointer data,
               gpointer user_data)
{
  PaintJob *job = data;
  MopsDemoArt *art = job->art;
  g_autoptr(GError) error = NULL;
  PaintBuffers *buffers = NULL;
  gboolean skip;

  g_mutex_lock (&art->mutex);
  skip = art->abandoned || art->paint_error != NULL;
  if (!skip && art->spare_buffers->len > 0)
    buffers = g_ptr_array_steal_index_fast (art->spare_buffers, art->spare_buffers->len - 1);
  g_mutex_unlock (&art->mutex);

  if (!skip)
    {
      if (buffers == NULL)
        buffers = g_new0 (PaintBuffers, 1);
      paint_png (job, buffers, &error);
    }

  g_mutex_lock (&art->mutex);
  if (buffers != NULL)
    g_ptr_array_add (art->spare_buffers, buffers);
  if (error != NULL && art->paint_error == NULL)
    art->paint_error = g_steal_pointer (&error);
  g_hash_table_remove (art->pending, job->path);
  art->in_flight--;
  g_cond_broadcast (&art->cond);
  g_mutex_unlock (&art->mutex);

  cairo_surface_destroy (job->recording);
  g_free (job->path);
  g_free (job);
}

/* A picture of @width × @height to draw on: a recording, so that the drawing here is cheap
 * and the pixels are made on a painter thread by finish_png(). */
static cairo_t *
begin_png (int               width,
           int               height,
           cairo_surface_t **out_recording)
{
  cairo_rectangle_t extents = { 0, 0, width, height };

  *out_recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  return cairo_create (*out_recording);
}

/* Takes @recording and hands it to a painter thread; the file exists after
 * mops_demo_art_wait() or mops_demo_art_wait_for(). At most a dozen pictures wait, so memory
 * stays bounded when recording runs ahead. */
static gboolean
finish_png (MopsDemoArt      *art,
            cairo_t          *cr,
            cairo_surface_t  *recording,
            cairo_format_t    format,
            const char       *path,
            GError          **error)
{
  cairo_status_t status = cairo_status (cr);
  cairo_rectangle_t extents;
  PaintJob *job;

  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (recording);
  if (cairo_failed (status, path, error))
    {
      cairo_surface_destroy (recording);
      return FALSE;
    }

  g_mutex_lock (&art->mutex);
  while (art->in_flight >= 64 && art->paint_error == NULL)
    g_cond_wait (&art->cond, &art->mutex);
  if (art->paint_error != NULL)
    {
      g_propagate_error (error, g_error_copy (art->paint_error));
      g_mutex_unlock (&art->mutex);
      cairo_surface_destroy (recording);
      return FALSE;
    }
  art->in_flight++;
  g_hash_table_add (art->pending, g_strdup (path));
  g_mutex_unlock (&art->mutex);

  cairo_recording_surface_get_extents (recording, &extents);
  job = g_new0 (PaintJob, 1);
  job->art = art;
  job->recording = recording;
  job->format = format;
  job->width = (int) extents.width;
  job->height = (int) extents.height;
  job->path = g_strdup (path);
  g_thread_pool_push (art->painters, job, NULL);

  return TRUE;
}

gboolean
mops_demo_art_wait (MopsDemoArt  *art,
                    GError      **error)
{
  gboolean ok;

  g_mutex_lock (&art->mutex);
  while (art->in_flight > 0)
    g_cond_wait (&art->cond, &art->mutex);
  ok = art->paint_error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&art->paint_error));
  g_mutex_unlock (&art->mutex);

  return ok;
}

gboolean
mops_demo_art_wait_for (MopsDemoArt  *art,
                        const char   *path,
                        GError      **error)
{
  gboolean ok;

  g_mutex_lock (&art->mutex);
  while (art->paint_error == NULL && g_hash_table_contains (art->pending, path))
    g_cond_wait (&art->cond, &art->mutex);
  ok = art->paint_error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (art->paint_error));
  g_mutex_unlock (&art->mutex);

  return ok;
}

gboolean
mops_demo_write_text (const char  *path,
                      const char  *text,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_NONE, 0644, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO, _("Could not write “%s”: %s"),
                   display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static cairo_surface_t *
create_pdf (MopsDemoArt *art,
            const char  *path,
            double       width,
            double       height,
            const char  *title,
            const char  *author)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);

  /* Fixed dates (cairo would write the clock's): same MOPS_NOW, same bytes. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mops demo library");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, art->pdf_date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, art->pdf_date);

  return surface;
}

static gboolean
finish_surface (cairo_surface_t  *surface,
                const char       *path,
                GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return !cairo_failed (status, path, error);
}

/* ------------------------------------------------------------------ the logo */

typedef struct
{
  guint32 back;
  guint32 front;
  guint32 wind;
  guint32 word;
  guint32 tagline;
} LogoColors;

static const LogoColors logo_colour = { GLACIER_BLUE, FJORD_NAVY, SIGNAL_ORANGE, FJORD_NAVY, 0x5B6770 };
static const LogoColors logo_mono = { 0x1D1D1B, 0x1D1D1B, 0x1D1D1B, 0x1D1D1B, 0x1D1D1B };
static const LogoColors logo_reversed = { GLACIER_BLUE, 0xFFFFFF, SIGNAL_ORANGE, 0xFFFFFF, 0xDCE6EE };

enum { PART_BACK, PART_FRONT, PART_WIND, PART_WORD, PART_TAGLINE, N_PARTS };

typedef struct
{
  cairo_path_t *parts[N_PARTS];
  guint         n_parts;
  double        x0, y0, x1, y1;   /* ink extents */
} Logo;

static void
logo_clear (Logo *logo)
{
  for (guint i = 0; i < logo->n_parts; i++)
    cairo_path_destroy (logo->parts[i]);
  logo->n_parts = 0;
}

static guint32
logo_part_color (const LogoColors *colors,
                 guint             part)
{
  switch (part)
    {
    case PART_BACK:
      return colors->back;
    case PART_FRONT:
      return colors->front;
    case PART_WIND:
      return colors->wind;
    case PART_WORD:
      return colors->word;
    default:
      return colors->tagline;
    }
}

/* Where the lines p1–p2 and p3–p4 cross. */
static void
intersect (double  x1, double y1, double x2, double y2,
           double  x3, double y3, double x4, double y4,
           double *x,
           double *y)
{
  double d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
  double a = x1 * y2 - y1 * x2;
  double b = x3 * y4 - y3 * x4;

  *x = (a * (x3 - x4) - (x1 - x2) * b) / d;
  *y = (a * (y3 - y4) - (y1 - y2) * b) / d;
}

static void
symbol_back_path (cairo_t *cr)
{
  /* The back peak (40,100)–(78,22)–(120,100), minus the front peak and a 4-unit gap */
  double gap = 4.0;
  double x, y;

  intersect (46 + gap, 8, 92 + gap, 100, 78, 22, 40, 100, &x, &y);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, 78, 22);
  cairo_line_to (cr, 120, 100);
  cairo_line_to (cr, 92 + gap, 100);
  cairo_close_path (cr);
}

static void
symbol_front_path (cairo_t *cr)
{
  cairo_move_to (cr, 0, 100);
  cairo_line_to (cr, 46, 8);
  cairo_line_to (cr, 92, 100);
  cairo_close_path (cr);
  /* the snow line, cut out */
  cairo_move_to (cr, 31, 38);
  cairo_line_to (cr, 38.5, 32);
  cairo_line_to (cr, 46, 41);
  cairo_line_to (cr, 53.5, 31);
  cairo_line_to (cr, 61, 38);
  cairo_line_to (cr, 57.5, 31);
  cairo_line_to (cr, 53.5, 24);
  cairo_line_to (cr, 46, 33);
  cairo_line_to (cr, 38.5, 24);
  cairo_line_to (cr, 34.5, 32);
  cairo_close_path (cr);
}

static void
symbol_wind_path (cairo_t *cr)
{
  cairo_move_to (cr, -2, 112);
  cairo_curve_to (cr, 36, 100, 80, 118, 122, 103);
  cairo_curve_to (cr, 84, 122, 38, 106, -2, 112);
  cairo_close_path (cr);
  cairo_move_to (cr, 22, 126);
  cairo_curve_to (cr, 50, 117, 82, 128, 108, 118);
  cairo_curve_to (cr, 82, 134, 50, 123, 22, 126);
  cairo_close_path (cr);
}

static void
logo_add_part (Logo    *logo,
               cairo_t *cr)
{
  double x0, y0, x1, y1;

  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  if (logo->n_parts == 0)
    {
      logo->x0 = x0;
      logo->y0 = y0;
      logo->x1 = x1;
      logo->y1 = y1;
    }
  else
    {
      logo->x0 = MIN (logo->x0, x0);
      logo->y0 = MIN (logo->y0, y0);
      logo->x1 = MAX (logo->x1, x1);
      logo->y1 = MAX (logo->y1, y1);
    }

  logo->parts[logo->n_parts++] = cairo_copy_path (cr);
  cairo_new_path (cr);
}

/* The symbol (two peaks, two wind lines) and, with @wordmark, "FJELLVIND" beside it,
 * as outlines: the same paths fill PNGs, PDFs and SVG path data. */
static void
logo_build (MopsDemoArt *art,
            gboolean     wordmark,
            gboolean     tagline,
            Logo        *logo)
{
  /* Unbounded: Pango leaves out glyphs that fall outside a bounded surface. */
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_ALPHA, NULL);
  cairo_t *cr = cairo_create (scratch);

  memset (logo, 0, sizeof *logo);

  symbol_back_path (cr);
  logo_add_part (logo, cr);
  symbol_front_path (cr);
  logo_add_part (logo, cr);
  symbol_wind_path (cr);
  logo_add_part (logo, cr);

  if (wordmark)
    {
      TextStyle word = { FONT_SANS, PANGO_WEIGHT_BOLD, 78, 0, 1, 7, 0, PANGO_ALIGN_LEFT };
      TextStyle line = { FONT_SANS, PANGO_WEIGHT_BOLD, 15.5, 0, 1, 6.2, 0, PANGO_ALIGN_LEFT };
      PangoLayout *layout = create_layout (art, cr, &word, -1, "FJELLVIND");
      PangoRectangle ink;

      /* caps from y = 30 to the symbol's base line at 100 */
      pango_layout_get_pixel_extents (layout, &ink, NULL);
      cairo_save (cr);
      cairo_translate (cr, 150 - ink.x, 30 - ink.y);
      cairo_scale (cr, 1.0, 70.0 / ink.height);
      cairo_move_to (cr, 0, 0);
      pango_cairo_layout_path (cr, layout);
      cairo_restore (cr);
      logo_add_part (logo, cr);
      g_object_unref (layout);

      if (tagline)
        {
          layout = create_layout (art, cr, &line, -1, "OUTDOOR EQUIPMENT · SINCE 1987");
          pango_layout_get_pixel_extents (layout, &ink, NULL);
          cairo_move_to (cr, 152 - ink.x, 114 - ink.y);
          pango_cairo_layout_path (cr, layout);
          logo_add_part (logo, cr);
          g_object_unref (layout);
        }
    }

  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
}

/* Fills @logo scaled to @height (of its ink box) with its top-left ink corner at (@x, @y). */
static void
draw_logo (cairo_t          *cr,
           const Logo       *logo,
           const LogoColors *colors,
           double            x,
           double            y,
           double            height)
{
  double scale = height / (logo->y1 - logo->y0);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -logo->x0, -logo->y0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < logo->n_parts; i++)
    {
      cairo_new_path (cr);
      cairo_append_path (cr, logo->parts[i]);
      set_rgb (cr, logo_part_color (colors, i));
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static double
logo_width_for_height (const Logo *logo,
                       double      height)
{
  return (logo->x1 - logo->x0) * height / (logo->y1 - logo->y0);
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* two decimals, no locale, no "-0.00" */
  if (value > -0.005 && value < 0.005)
    value = 0;
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
append_path_data (GString            *out,
                  const cairo_path_t *path,
                  double              dx,
                  double              dy,
                  double              scale)
{
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];
      static const char commands[] = { 'M', 'L', 'C', 'Z' };
      int n_points = 0;

      switch (data->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
        case CAIRO_PATH_LINE_TO:
          n_points = 1;
          break;
        case CAIRO_PATH_CURVE_TO:
          n_points = 3;
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          n_points = 0;
          break;
        }

      g_string_append_c (out, commands[data->header.type]);
      for (int p = 1; p <= n_points; p++)
        {
          if (p > 1)
            g_string_append_c (out, ' ');
          append_number (out, (data[p].point.x + dx) * scale);
          g_string_append_c (out, ',');
          append_number (out, (data[p].point.y + dy) * scale);
        }
    }
}

/* The logo as <path> elements, fitted into a box of @height with its top-left at (@x, @y). */
static void
append_logo_svg (GString          *out,
                 const Logo       *logo,
                 const LogoColors *colors,
                 double            x,
                 double            y,
                 double            height)
{
  double scale = height / (logo->y1 - logo->y0);

  for (guint i = 0; i < logo->n_parts; i++)
    {
      g_string_append_printf (out, "  <path fill=\"#%06X\" fill-rule=\"evenodd\" d=\"",
                              logo_part_color (colors, i));
      append_path_data (out, logo->parts[i], -logo->x0 + x / scale, -logo->y0 + y / scale, scale);
      g_string_append (out, "\"/>\n");
    }
}

gboolean
mops_demo_art_logo_svg (MopsDemoArt        *art,
                        MopsDemoLogoStyle   style,
                        const char         *path,
                        int                *out_width,
                        int                *out_height,
                        GError            **error)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  const LogoColors *colors = style == MOPS_DEMO_LOGO_MONO ? &logo_mono : &logo_colour;
  Logo logo;
  double margin = 24;       /* clear space */
  double height = 180;      /* ink height in px */
  int width, total_height;

  logo_build (art, TRUE, TRUE, &logo);
  width = (int) (logo_width_for_height (&logo, height) + 2 * margin + 0.999);
  total_height = (int) (height + 2 * margin);

  g_string_append_printf (svg,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                          " viewBox=\"0 0 %d %d\">\n"
                          "  <title>Fjellvind logo%s</title>\n",
                          width, total_height, width, total_height,
                          style == MOPS_DEMO_LOGO_MONO ? " (mono)" : "");
  append_logo_svg (svg, &logo, colors, margin, margin, height);
  g_string_append (svg, "</svg>\n");
  logo_clear (&logo);

  if (out_width != NULL)
    *out_width = width;
  if (out_height != NULL)
    *out_height = total_height;

  return mops_demo_write_text (path, svg->str, svg->len, error);
}

gboolean
mops_demo_art_logo_png (MopsDemoArt        *art,
                        MopsDemoLogoStyle   style,
                        int                 width,
                        const char         *path,
                        int                *out_height,
                        GError            **error)
{
  const LogoColors *colors = style == MOPS_DEMO_LOGO_MONO ? &logo_mono : &logo_colour;
  cairo_surface_t *recording;
  cairo_t *cr;
  Logo logo;
  double margin = width * 0.06;
  double ink_height;
  int height;
  gboolean ok;

  logo_build (art, TRUE, TRUE, &logo);
  ink_height = (width - 2 * margin) * (logo.y1 - logo.y0) / (logo.x1 - logo.x0);
  height = (int) (ink_height + 2 * margin + 0.5);

  cr = begin_png (width, height, &recording);
  draw_logo (cr, &logo, colors, margin, margin, ink_height);
  logo_clear (&logo);
  ok = finish_png (art, cr, recording, CAIRO_FORMAT_ARGB32, path, error);

  if (out_height != NULL)
    *out_height = height;
  return ok;
}

static void
draw_icon (cairo_t *cr,
           Logo    *symbol,
           double   x,
           double   y,
           double   size)
{
  double symbol_height = size * 0.56;
  double symbol_width = logo_width_for_height (symbol, symbol_height);

  rounded_rect (cr, x, y, size, size, size * 0.22);
  vertical_gradient (cr, y, y + size, 0x1D4A6B, 1, 0x0E2436, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, size / 128);
  set_rgba (cr, 0xFFFFFF, 0.12);
  cairo_stroke (cr);
  draw_logo (cr, symbol, &logo_reversed, x + (size - symbol_width) / 2,
             y + (size - symbol_height) / 2 + size * 0.01, symbol_height);
}

gboolean
mops_demo_art_icon_png (MopsDemoArt  *art,
                        int           size,
                        const char   *path,
                        GError      **error)
{
  cairo_surface_t *recording;
  cairo_t *cr = begin_png (size, size, &recording);
  Logo symbol;

  logo_build (art, FALSE, FALSE, &symbol);
  /* a soft shadow under the tile, as app icons have */
  rounded_rect (cr, size * 0.06, size * 0.08, size * 0.88, size * 0.88, size * 0.2);
  set_rgba (cr, 0x000000, 0.18);
  cairo_fill (cr);
  draw_icon (cr, &symbol, size * 0.06, size * 0.05, size * 0.88);
  logo_clear (&symbol);

  return finish_png (art, cr, recording, CAIRO_FORMAT_ARGB32, path, error);
}

/* Shading across a round body: dark edges, a highlight left of the middle. */
static void
cylinder_shading (cairo_t *cr,
                  double   x,
                  double   w,
                  guint32  base)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (x, 0, x + w, 0);

  add_stop (pattern, 0, mix (base, 0x000000, 0.45), 1);
  add_stop (pattern, 0.18, mix (base, 0x000000, 0.05), 1);
  add_stop (pattern, 0.3, mix (base, 0xFFFFFF, 0.28), 1);
  add_stop (pattern, 0.42, base, 1);
  add_stop (pattern, 0.8, mix (base, 0x000000, 0.25), 1);
  add_stop (pattern, 1, mix (base, 0x000000, 0.55), 1);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
}

/* ------------------------------------------------------------------ landscapes */

#define RIDGE_POINTS 256

typedef struct
{
  guint32  seed;
  guint32  sky_top, sky_middle, sky_horizon;
  double   sun_x, sun_y, sun_r;      /* fractions of width / height / width; r = 0: none */
  guint32  sun_rgb;
  double   sun_glow;                 /* glow radius in sun radii */
  guint32  far_rgb, near_rgb;
  guint    n_layers;
  double   top, bottom;              /* base lines of the far and near layers (fraction) */
  double   amplitude;                /* height of the far ridges (fraction of height) */
  double   roughness;
  double   water;                    /* waterline (fraction); 0 = none */
  guint32  water_rgb;
  double   fog;                      /* 0…1 */
  guint    snow_layers;
  guint    n_stars;
  gboolean aurora;
  guint    n_trees;
  gboolean tent;
  gboolean fire;
  gboolean path;
  guint    n_hikers;

  /* what the later photos add; all off (zero) for the first nine */
  guint32  snow_rgb;                 /* 0: white */
  guint32  jacket_rgb;               /* the people's shells; 0: dark silhouettes */
  int      buildings;                /* BUILDINGS_* */
  guint    n_birches;
  guint    n_flowers;
  double   waterfall;                /* x (fraction); 0 = none */
  double   glacier;                  /* x of the glacier tongue (fraction); 0 = none */
  double   rain;                     /* 0…1 */
  guint    n_snowflakes;
  gboolean milky_way;
  gboolean headlamp;                 /* someone by the tent with a lamp on */
  gboolean canoe;
  gboolean skiers;                   /* the people ski up, leaving a track */
  gboolean runners;                  /* the people run */
} Landscape;

enum { BUILDINGS_NONE, BUILDINGS_WHARF, BUILDINGS_RORBU, BUILDINGS_CABIN, BUILDINGS_LIGHTHOUSE };

static void
make_ridge (GRand  *rand,
            double *h,
            double  amplitude,
            double  roughness)
{
  double scale = amplitude;
  double lo, hi;

  h[0] = g_rand_double_range (rand, 0, amplitude);
  h[RIDGE_POINTS] = g_rand_double_range (rand, 0, amplitude);
  for (int step = RIDGE_POINTS; step > 1; step /= 2)
    {
      for (int i = step / 2; i < RIDGE_POINTS; i += step)
        h[i] = (h[i - step / 2] + h[i + step / 2]) / 2 + g_rand_double_range (rand, -0.5, 0.5) * scale;
      scale *= roughness;
    }

  /* normalise to 0 … amplitude, 0 being the highest point */
  lo = hi = h[0];
  for (int i = 1; i <= RIDGE_POINTS; i++)
    {
      lo = MIN (lo, h[i]);
      hi = MAX (hi, h[i]);
    }
  for (int i = 0; i <= RIDGE_POINTS; i++)
    h[i] = hi > lo ? (hi - h[i]) / (hi - lo) * amplitude : 0;
}

static void
ridge_path (cairo_t      *cr,
            const double *h,
            double        width,
            double        base,
            double        bottom)
{
  cairo_move_to (cr, -2, bottom);
  for (int i = 0; i <= RIDGE_POINTS; i++)
    cairo_line_to (cr, width * i / RIDGE_POINTS, base - h[i]);
  cairo_line_to (cr, width + 2, bottom);
  cairo_close_path (cr);
}

static double
ridge_y_at (const double *h,
            double        width,
            double        base,
            double        x)
{
  int i = CLAMP ((int) (x / width * RIDGE_POINTS), 0, RIDGE_POINTS);

  return base - h[i];
}

static void
draw_spruce (cairo_t *cr,
             double   x,
             double   ground,
             double   height,
             guint32  rgb)
{
  const int tiers = 7;
  double half = height * 0.17;
  double top = ground - height;

  cairo_move_to (cr, x, top);
  for (int j = 0; j < tiers; j++)
    {
      double y = top + height * (j + 1) / (tiers + 0.6);
      double w = half * (j + 1.4) / tiers;

      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x + w * 0.45, y - height * 0.015);
    }
  cairo_line_to (cr, x + half * 0.1, ground);
  cairo_line_to (cr, x - half * 0.1, ground);
  for (int j = tiers - 1; j >= 0; j--)
    {
      double y = top + height * (j + 1) / (tiers + 0.6);
      double w = half * (j + 1.4) / tiers;

      cairo_line_to (cr, x - w * 0.45, y - height * 0.015);
      cairo_line_to (cr, x - w, y);
    }
  cairo_close_path (cr);
  set_rgb (cr, rgb);
  cairo_fill (cr);
}

/* A hiker seen from afar: head, body, backpack, legs and a pole; @size is the height. */
static void
draw_hiker (cairo_t *cr,
            double   x,
            double   ground,
            double   size,
            guint32  rgb,
            guint32  pack_rgb)
{
  double u = size / 10;

  set_rgb (cr, rgb);
  cairo_arc (cr, x, ground - 9.1 * u, 0.9 * u, 0, 2 * G_PI);
  cairo_fill (cr);
  rounded_rect (cr, x - 1.1 * u, ground - 8 * u, 2.2 * u, 4.2 * u, 0.8 * u);
  cairo_fill (cr);
  cairo_set_line_width (cr, 0.9 * u);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x - 0.5 * u, ground - 4.2 * u);
  cairo_line_to (cr, x - 1.3 * u, ground - 0.3 * u);
  cairo_move_to (cr, x + 0.5 * u, ground - 4.2 * u);
  cairo_line_to (cr, x + 1.1 * u, ground - 0.3 * u);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.3 * u);
  cairo_move_to (cr, x + 1.4 * u, ground - 6.5 * u);
  cairo_line_to (cr, x + 2.6 * u, ground);
  cairo_stroke (cr);
  set_rgb (cr, pack_rgb);
  rounded_rect (cr, x - 2.2 * u, ground - 8.2 * u, 1.6 * u, 3.6 * u, 0.6 * u);
  cairo_fill (cr);
}

static void
draw_tent (cairo_t *cr,
           double   x,
           double   ground,
           double   size,
           gboolean lit)
{
  double w = size * 1.6;

  cairo_move_to (cr, x - w / 2, ground);
  cairo_line_to (cr, x - size * 0.05, ground - size);
  cairo_line_to (cr, x + size * 0.05, ground - size);
  cairo_line_to (cr, x + w / 2, ground);
  cairo_close_path (cr);
  set_rgb (cr, lit ? 0xE8762C : SIGNAL_ORANGE);
  cairo_fill (cr);

  /* the shaded side and the door */
  cairo_move_to (cr, x + size * 0.05, ground - size);
  cairo_line_to (cr, x + w / 2, ground);
  cairo_line_to (cr, x + w * 0.18, ground);
  cairo_close_path (cr);
  set_rgba (cr, 0x000000, 0.22);
  cairo_fill (cr);

  cairo_move_to (cr, x, ground - size * 0.62);
  cairo_line_to (cr, x + size * 0.3, ground);
  cairo_line_to (cr, x - size * 0.3, ground);
  cairo_close_path (cr);
  set_rgb (cr, lit ? 0xFFD58A : 0x5A2A10);
  cairo_fill (cr);

  if (lit)
    glow (cr, x, ground - size * 0.3, size * 1.6, 0xFFB347, 0.35);
}

static void
draw_fire (cairo_t *cr,
           double   x,
           double   ground,
           double   size)
{
  glow (cr, x, ground - size * 0.4, size * 6, 0xFF8A2B, 0.45);

  cairo_move_to (cr, x, ground - size * 1.5);
  cairo_curve_to (cr, x + size * 0.7, ground - size * 0.8, x + size * 0.6, ground,
                  x, ground);
  cairo_curve_to (cr, x - size * 0.6, ground, x - size * 0.7, ground - size * 0.8,
                  x, ground - size * 1.5);
  set_rgb (cr, 0xFF7A1A);
  cairo_fill (cr);

  cairo_move_to (cr, x, ground - size * 0.9);
  cairo_curve_to (cr, x + size * 0.4, ground - size * 0.5, x + size * 0.35, ground,
                  x, ground);
  cairo_curve_to (cr, x - size * 0.35, ground, x - size * 0.4, ground - size * 0.5,
                  x, ground - size * 0.9);
  set_rgb (cr, 0xFFE08A);
  cairo_fill (cr);

  cairo_set_line_width (cr, size * 0.18);
  set_rgb (cr, 0x3A2418);
  cairo_move_to (cr, x - size * 0.8, ground + size * 0.05);
  cairo_line_to (cr, x + size * 0.8, ground - size * 0.15);
  cairo_move_to (cr, x - size * 0.8, ground - size * 0.15);
  cairo_line_to (cr, x + size * 0.8, ground + size * 0.05);
  cairo_stroke (cr);
}

static void
draw_aurora (cairo_t *cr,
             GRand   *rand,
             double   width,
             double   height)
{
  static const guint32 colors[] = { 0x4CF2A0, 0x2FD6B5, 0x8A7CF0 };
  double top[RIDGE_POINTS + 1];

  for (guint band = 0; band < G_N_ELEMENTS (colors); band++)
    {
      double base = height * (0.12 + 0.08 * band);
      double thickness = height * (0.2 - 0.04 * band);
      cairo_pattern_t *pattern;

      make_ridge (rand, top, height * 0.16, 0.42);

      /* the curtain: a band lit at its lower edge, fading upwards */
      cairo_new_path (cr);
      for (int i = 0; i <= RIDGE_POINTS; i++)
        cairo_line_to (cr, width * i / RIDGE_POINTS, base + top[i]);
      for (int i = RIDGE_POINTS; i >= 0; i--)
        cairo_line_to (cr, width * i / RIDGE_POINTS, base + top[i] + thickness);
      cairo_close_path (cr);

      pattern = cairo_pattern_create_linear (0, base, 0, base + thickness + height * 0.16);
      add_stop (pattern, 0, colors[band], 0);
      add_stop (pattern, 0.55, colors[band], 0.22 - 0.05 * band);
      add_stop (pattern, 0.85, colors[band], 0.5 - 0.12 * band);
      add_stop (pattern, 1, colors[band], 0);
      cairo_set_source (cr, pattern);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);

      /* rays */
      cairo_set_line_width (cr, width / 500);
      for (int i = 0; i <= RIDGE_POINTS; i += 2)
        {
          double x = width * i / RIDGE_POINTS;
          double y = base + top[i] + thickness;

          set_rgba (cr, colors[band], g_rand_double_range (rand, 0.02, 0.12));
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x, y - thickness * g_rand_double_range (rand, 0.6, 1.4));
          cairo_stroke (cr);
        }
    }
}

/* One ridge layer: filled, snow on the peaks of the far ones, mist at its foot. */
static void
paint_ridge (cairo_t         *cr,
             const Landscape *scene,
             const double    *ridge,
             double           base,
             guint            layer,
             guint            n_layers,
             double           bottom,
             double           width,
             double           height)
{
  double t = n_layers > 1 ? (double) layer / (n_layers - 1) : 1;
  guint32 color = mix (scene->far_rgb, scene->near_rgb, t);
  double peak = base;
  double depth = 0;

  for (int i = 0; i <= RIDGE_POINTS; i++)
    {
      peak = MIN (peak, base - ridge[i]);
      depth = MAX (depth, ridge[i]);
    }

  ridge_path (cr, ridge, width, base, bottom + 2);
  if (scene->glacier > 0 && layer == 1)   /* the ice field */
    vertical_gradient (cr, peak, MAX (base, peak + 1), 0xF7FBFE, 1, 0xA9D3E6, 1);
  else
    vertical_gradient (cr, peak, MAX (base, peak + 1), mix (color, scene->sky_horizon, 0.1), 1,
                       mix (color, scene->near_rgb, 0.3), 1);
  cairo_fill_preserve (cr);

  if (layer < scene->snow_layers)
    {
      guint32 snow = scene->snow_rgb != 0 ? scene->snow_rgb : 0xFFFFFF;

      /* the ridge filled within the snow's band (a box, so no clip mask to draw) */
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, 0, (int) peak, width, (int) (depth * 0.3) + 2);
      cairo_clip (cr);
      ridge_path (cr, ridge, width, base, bottom + 2);
      vertical_gradient (cr, peak, peak + depth * 0.3, snow, 0.9, snow, 0);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  cairo_new_path (cr);

  if (scene->fog > 0 && layer + 1 < n_layers)
    {
      double y0 = base - height * 0.08;
      double y1 = base + height * 0.02;
      cairo_pattern_t *pattern = cairo_pattern_create_linear (0, y0, 0, y1);

      add_stop (pattern, 0, scene->sky_horizon, 0);
      add_stop (pattern, 0.75, scene->sky_horizon, scene->fog);
      add_stop (pattern, 1, scene->sky_horizon, 0);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, 0, y0, width, y1 - y0);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
    }
}

/* One landscape being painted: the scene, its random numbers and its ridges. */
typedef struct
{
  const Landscape *scene;
  GRand           *rand;
  double           width, height;
  double           waterline;       /* the height when there is no water */
  double           sun_x, sun_y, sun_r;
  guint            n_layers;
  double           ridges[8][RIDGE_POINTS + 1];
  double           bases[8];
} Canvas;

/* ------------------------------------------------------------------ landscape details */

/* A runner seen from the side, mid-stride, facing right; @size is the height. */
static void
draw_runner (cairo_t *cr,
             double   x,
             double   ground,
             double   size,
             guint32  rgb,
             guint32  jacket_rgb,
             guint32  pack_rgb)
{
  double u = size / 10;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_rgb (cr, rgb);
  cairo_set_line_width (cr, 0.8 * u);
  cairo_move_to (cr, x - 0.3 * u, ground - 4.6 * u);
  cairo_line_to (cr, x - 1.6 * u, ground - 2.6 * u);
  cairo_line_to (cr, x - 3.0 * u, ground - 2.9 * u);
  cairo_move_to (cr, x - 0.2 * u, ground - 4.6 * u);
  cairo_line_to (cr, x + 1.2 * u, ground - 2.6 * u);
  cairo_line_to (cr, x + 1.0 * u, ground - 0.3 * u);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.55 * u);
  cairo_move_to (cr, x, ground - 7.2 * u);
  cairo_line_to (cr, x - 1.3 * u, ground - 6.2 * u);
  cairo_line_to (cr, x - 1.8 * u, ground - 5.1 * u);
  cairo_stroke (cr);
  cairo_arc (cr, x + 0.7 * u, ground - 9.0 * u, 0.85 * u, 0, 2 * G_PI);
  cairo_fill (cr);

  set_rgb (cr, pack_rgb);
  rounded_rect (cr, x - 1.25 * u, ground - 8.2 * u, 1.3 * u, 2.6 * u, 0.5 * u);
  cairo_fill (cr);
  set_rgb (cr, jacket_rgb != 0 ? jacket_rgb : rgb);
  cairo_set_line_width (cr, 1.9 * u);
  cairo_move_to (cr, x + 0.35 * u, ground - 7.6 * u);
  cairo_line_to (cr, x - 0.3 * u, ground - 4.9 * u);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.55 * u);
  cairo_move_to (cr, x + 0.2 * u, ground - 7.3 * u);
  cairo_line_to (cr, x + 1.3 * u, ground - 6.0 * u);
  cairo_line_to (cr, x + 2.0 * u, ground - 6.9 * u);
  cairo_stroke (cr);
}

/* A hiker in a coloured shell; with @skis, on skis with two poles. */
static void
draw_person (cairo_t *cr,
             double   x,
             double   ground,
             double   size,
             guint32  jacket_rgb,
             guint32  pack_rgb,
             gboolean skis)
{
  double u = size / 10;

  draw_hiker (cr, x, ground, size, 0x1A1A22, pack_rgb);
  if (jacket_rgb != 0)
    {
      set_rgb (cr, jacket_rgb);
      rounded_rect (cr, x - 1.1 * u, ground - 8 * u, 2.2 * u, 3.6 * u, 0.8 * u);
      cairo_fill (cr);
    }
  if (skis)
    {
      set_rgb (cr, 0x1A1A22);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, 0.35 * u);
      cairo_move_to (cr, x - 2.8 * u, ground + 0.2 * u);
      cairo_line_to (cr, x + 3.2 * u, ground - 0.5 * u);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 0.22 * u);
      cairo_move_to (cr, x - 1.0 * u, ground - 6.0 * u);
      cairo_line_to (cr, x - 2.2 * u, ground);
      cairo_stroke (cr);
    }
}

typedef struct
{
  double  x, w, h, roof;
  guint32 rgb;
  guint32 lit;                  /* one bit per window */
} House;

/* A gabled wooden house standing on @ground (a facade, the gable towards us, windows). */
static void
draw_house (cairo_t     *cr,
            const House *house,
            double       ground,
            double       u,
            gboolean     dusk)
{
  double top = ground - house->h;
  int rows = MAX (1, (int) (house->h / (1.7 * u)));

  cairo_move_to (cr, house->x, ground);
  cairo_line_to (cr, house->x, top);
  cairo_line_to (cr, house->x + house->w / 2, top - house->roof);
  cairo_line_to (cr, house->x + house->w, top);
  cairo_line_to (cr, house->x + house->w, ground);
  cairo_close_path (cr);
  set_rgb (cr, dusk ? mix (house->rgb, 0x1B2A4E, 0.35) : house->rgb);
  cairo_fill (cr);

  /* the barge boards of the gable */
  cairo_set_line_width (cr, u * 0.35);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_move_to (cr, house->x - u * 0.2, top + u * 0.25);
  cairo_line_to (cr, house->x + house->w / 2, top - house->roof);
  cairo_line_to (cr, house->x + house->w + u * 0.2, top + u * 0.25);
  set_rgb (cr, mix (house->rgb, 0x000000, 0.45));
  cairo_stroke (cr);

  for (int r = 0; r < rows; r++)
    for (int col = 0; col < 2; col++)
      {
        guint bit = (guint) (r * 2 + col) % 32;
        gboolean on = dusk && (house->lit >> bit & 1);

        cairo_rectangle (cr, house->x + house->w * (0.2 + 0.42 * col),
                         top + u * 0.7 + r * 1.7 * u, house->w * 0.18, u * 0.9);
        set_rgb (cr, on ? 0xFFD27A : mix (house->rgb, 0x101820, 0.7));
        cairo_fill (cr);
      }
  cairo_rectangle (cr, house->x + house->w * 0.42, top - house->roof * 0.55, house->w * 0.16,
                   u * 0.8);
  set_rgb (cr, dusk && (house->lit & 1) ? 0xFFE3A0 : mix (house->rgb, 0x101820, 0.7));
  cairo_fill (cr);
}

static void
paint_houses (cairo_t *cr,
              Canvas  *c)
{
  static const guint32 wharf[] = { 0xD9A441, 0xA63A2B, 0xEDE6D6, 0xE08A5A, 0x7E2F25, 0xC9B458 };
  static const guint32 rorbu[] = { 0x9E2A22, 0xA3302A, 0x8F241E, 0xD9A441, 0x9E2A22 };
  gboolean is_wharf = c->scene->buildings == BUILDINGS_WHARF;
  double w = c->width, h = c->height;
  double u = h * 0.012;
  double ground = c->waterline + u * 0.6;
  double stilts = is_wharf ? 0 : u * 1.4;
  House houses[24];
  guint n = 0;
  double x = is_wharf ? w * 0.04 : w * 0.1;

  while (n < G_N_ELEMENTS (houses) && x < (is_wharf ? w * 0.8 : w * 0.56))
    {
      House *house = &houses[n++];

      house->w = w * (is_wharf ? g_rand_double_range (c->rand, 0.045, 0.07)
                               : g_rand_double_range (c->rand, 0.05, 0.065));
      house->h = h * (is_wharf ? g_rand_double_range (c->rand, 0.1, 0.17)
                               : g_rand_double_range (c->rand, 0.055, 0.075));
      house->roof = house->w * g_rand_double_range (c->rand, 0.42, 0.6);
      house->x = x;
      house->rgb = is_wharf ? wharf[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (wharf))]
                            : rorbu[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (rorbu))];
      house->lit = g_rand_int (c->rand);
      x += house->w + (is_wharf ? w * 0.002 : w * g_rand_double_range (c->rand, 0.02, 0.06));
    }

  /* reflections first, broken by ripples */
  cairo_save (cr);
  cairo_rectangle (cr, 0, c->waterline, w, h - c->waterline);
  cairo_clip (cr);
  cairo_push_group (cr);
  cairo_translate (cr, 0, 2 * ground);
  cairo_scale (cr, 1, -1);
  for (guint i = 0; i < n; i++)
    draw_house (cr, &houses[i], ground + stilts, u, TRUE);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.4);
  for (int i = 0; i < 40; i++)
    {
      double y = g_rand_double_range (c->rand, c->waterline, MIN (h, c->waterline + h * 0.25));

      set_rgba (cr, c->scene->water_rgb, 0.5);
      cairo_rectangle (cr, 0, y, w, h / 500 + 1);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  for (guint i = 0; i < n; i++)
    {
      if (stilts > 0)
        {
          set_rgb (cr, 0x2A2320);
          for (int s = 0; s < 3; s++)
            cairo_rectangle (cr, houses[i].x + houses[i].w * (0.05 + 0.42 * s), ground - stilts,
                             u * 0.35, stilts + u * 0.6);
          cairo_fill (cr);
          cairo_rectangle (cr, houses[i].x - u * 0.4, ground - stilts, houses[i].w + u * 0.8,
                           u * 0.35);
          cairo_fill (cr);
        }
      draw_house (cr, &houses[i], ground - stilts, u, is_wharf || c->sun_y > h * 0.5);
    }

  /* the quay */
  if (is_wharf)
    {
      set_rgb (cr, 0x2B2622);
      cairo_rectangle (cr, 0, ground - u * 0.2, w * 0.82, u * 0.9);
      cairo_fill (cr);
    }
}

/* A log cabin in the snow, its windows lit, smoke from the chimney. */
static void
paint_cabin (cairo_t *cr,
             Canvas  *c)
{
  const double *near = c->ridges[c->n_layers - 1];
  double w = c->width, h = c->height;
  double x = w * 0.56;
  double ground = ridge_y_at (near, w, c->bases[c->n_layers - 1], x + w * 0.06) + h * 0.03;
  double cw = w * 0.13, ch = h * 0.09;

  glow (cr, x + cw / 2, ground - ch * 0.4, cw * 1.4, 0xFFB45C, 0.35);

  /* chimney and smoke */
  set_rgb (cr, 0x2E2420);
  cairo_rectangle (cr, x + cw * 0.7, ground - ch * 1.75, cw * 0.08, ch * 0.5);
  cairo_fill (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < 3; i++)
    {
      double sx = x + cw * 0.74, sy = ground - ch * (1.85 + 0.35 * i);

      set_rgba (cr, 0xC9D2E0, 0.25 - 0.06 * i);
      cairo_set_line_width (cr, ch * (0.12 + 0.06 * i));
      cairo_move_to (cr, sx, sy);
      cairo_curve_to (cr, sx + cw * 0.1, sy - ch * 0.2, sx - cw * 0.05, sy - ch * 0.3,
                      sx + cw * 0.12, sy - ch * 0.45);
      cairo_stroke (cr);
    }

  /* walls with log lines, the snowy roof */
  cairo_rectangle (cr, x, ground - ch, cw, ch);
  set_rgb (cr, 0x4A3024);
  cairo_fill (cr);
  cairo_set_line_width (cr, ch * 0.025);
  set_rgba (cr, 0x000000, 0.35);
  for (int i = 1; i < 7; i++)
    {
      cairo_move_to (cr, x, ground - ch * i / 7.0);
      cairo_line_to (cr, x + cw, ground - ch * i / 7.0);
    }
  cairo_stroke (cr);
  cairo_move_to (cr, x - cw * 0.1, ground - ch * 0.92);
  cairo_line_to (cr, x + cw * 0.5, ground - ch * 1.62);
  cairo_line_to (cr, x + cw * 1.1, ground - ch * 0.92);
  cairo_line_to (cr, x + cw * 1.1, ground - ch * 0.8);
  cairo_line_to (cr, x + cw * 0.5, ground - ch * 1.44);
  cairo_line_to (cr, x - cw * 0.1, ground - ch * 0.8);
  cairo_close_path (cr);
  set_rgb (cr, 0xEEF3FA);
  cairo_fill (cr);
  for (int i = 0; i < 2; i++)
    {
      cairo_rectangle (cr, x + cw * (0.16 + 0.5 * i), ground - ch * 0.68, cw * 0.2, ch * 0.3);
      set_rgb (cr, 0xFFC46B);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x + cw * 0.42, ground - ch * 0.62, cw * 0.14, ch * 0.62);
  set_rgb (cr, 0x2A1B14);
  cairo_fill (cr);

  /* snow drifting against the walls */
  ellipse (cr, x + cw * 0.5, ground + ch * 0.05, cw * 0.75, ch * 0.14);
  set_rgb (cr, mix (c->scene->near_rgb, 0xFFFFFF, 0.2));
  cairo_fill (cr);
}

/* A lighthouse on the headland with two beams, and the keeper's house. */
static void
paint_lighthouse (cairo_t *cr,
                  Canvas  *c)
{
  const double *near = c->ridges[c->n_layers - 1];
  double w = c->width, h = c->height;
  double x = w * 0.74;
  double ground = ridge_y_at (near, w, c->bases[c->n_layers - 1], x) + h * 0.01;
  double u = h * 0.02;
  double top = ground - u * 9;
  cairo_pattern_t *beam;

  for (int side = -1; side <= 1; side += 2)
    {
      beam = cairo_pattern_create_linear (x, 0, x + side * w * 0.45, 0);
      add_stop (beam, 0, 0xFFF2C4, 0.45);
      add_stop (beam, 1, 0xFFF2C4, 0);
      cairo_move_to (cr, x, top - u * 0.9);
      cairo_line_to (cr, x + side * w * 0.45, top - u * (side < 0 ? 5.5 : 3.5));
      cairo_line_to (cr, x + side * w * 0.45, top + u * (side < 0 ? 1.5 : 2.5));
      cairo_close_path (cr);
      cairo_set_source (cr, beam);
      cairo_fill (cr);
      cairo_pattern_destroy (beam);
    }
  glow (cr, x, top - u * 0.9, u * 5, 0xFFE7A0, 0.6);

  /* the keeper's house */
  cairo_rectangle (cr, x + u * 1.2, ground - u * 2.2, u * 3.6, u * 2.4);
  set_rgb (cr, 0xE9E4DA);
  cairo_fill (cr);
  cairo_move_to (cr, x + u * 0.9, ground - u * 2.2);
  cairo_line_to (cr, x + u * 3.0, ground - u * 3.6);
  cairo_line_to (cr, x + u * 5.1, ground - u * 2.2);
  cairo_close_path (cr);
  set_rgb (cr, 0xA63A2B);
  cairo_fill (cr);

  /* the tower: white, one red band, the lantern */
  cairo_move_to (cr, x - u * 0.9, ground);
  cairo_line_to (cr, x - u * 0.6, top);
  cairo_line_to (cr, x + u * 0.6, top);
  cairo_line_to (cr, x + u * 0.9, ground);
  cairo_close_path (cr);
  cylinder_shading (cr, x - u * 0.9, u * 1.8, 0xF2EFE8);
  cairo_fill (cr);
  cairo_rectangle (cr, x - u * 0.85, ground - u * 5.2, u * 1.7, u * 1.4);
  set_rgb (cr, LINGONBERRY);
  cairo_fill (cr);
  cairo_rectangle (cr, x - u * 0.5, top - u * 1.5, u, u * 1.5);
  set_rgb (cr, 0xFFE7A0);
  cairo_fill (cr);
  cairo_move_to (cr, x - u * 0.75, top - u * 1.5);
  cairo_line_to (cr, x, top - u * 2.3);
  cairo_line_to (cr, x + u * 0.75, top - u * 1.5);
  cairo_close_path (cr);
  cairo_rectangle (cr, x - u * 0.8, top - u * 0.15, u * 1.6, u * 0.3);
  set_rgb (cr, 0x1E2230);
  cairo_fill (cr);
}

/* Birches in autumn: white trunks, round crowns in yellows and reds. */
static void
paint_birches (cairo_t *cr,
               Canvas  *c)
{
  static const guint32 leaves[] = { 0xE8A33D, 0xD9772B, 0xF2C14E, 0xB8452A, 0xC9A227, 0xE5B84A };
  const double *near = c->ridges[c->n_layers - 1];
  double base = c->bases[c->n_layers - 1];
  double w = c->width, h = c->height;

  for (guint i = 0; i < c->scene->n_birches; i++)
    {
      double x = g_rand_double_range (c->rand, -0.02, 1.02) * w;
      double size = g_rand_double_range (c->rand, 0.16, 0.3) * h;
      double ground = ridge_y_at (near, w, base, x) +
                      size * g_rand_double_range (c->rand, 0.15, 0.5);
      double crown_y = ground - size * 0.72;

      cairo_rectangle (cr, x - size * 0.018, ground - size * 0.8, size * 0.036, size * 0.8);
      set_rgb (cr, 0xEDE8DF);
      cairo_fill (cr);
      set_rgb (cr, 0x2A2624);
      for (int k = 0; k < 4; k++)
        cairo_rectangle (cr, x - size * 0.018, ground - size * (0.15 + 0.16 * k),
                         size * 0.02, size * 0.012);
      cairo_fill (cr);

      for (int k = 0; k < 7; k++)
        {
          double dx = g_rand_double_range (c->rand, -0.16, 0.16) * size;
          double dy = g_rand_double_range (c->rand, -0.2, 0.12) * size;
          guint32 rgb = leaves[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (leaves))];

          set_rgba (cr, mix (rgb, 0x000000, k < 3 ? 0.2 : 0), 0.95);
          cairo_arc (cr, x + dx, crown_y + dy, size * g_rand_double_range (c->rand, 0.1, 0.16),
                     0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

/* Wild flowers on the nearest slope, bigger towards the viewer. */
static void
paint_flowers (cairo_t *cr,
               Canvas  *c)
{
  static const guint32 colors[] = { 0xFFFFFF, 0xF2D04B, 0xC77DBA, 0xE26D7B, 0xF7F0C8 };
  const double *near = c->ridges[c->n_layers - 1];
  double base = c->bases[c->n_layers - 1];
  double w = c->width, h = c->height;

  for (guint i = 0; i < c->scene->n_flowers; i++)
    {
      double x = g_rand_double_range (c->rand, 0, w);
      double top = ridge_y_at (near, w, base, x) + h * 0.02;
      double y = g_rand_double_range (c->rand, MIN (top, h), h);
      double depth = top < h ? (y - top) / (h - top) : 1;

      set_rgba (cr, colors[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (colors))], 0.9);
      cairo_arc (cr, x, y, w * (0.0012 + 0.0035 * depth), 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* A waterfall down the second-nearest ridge; the nearest one hides its foot. */
static void
paint_waterfall (cairo_t *cr,
                 Canvas  *c)
{
  guint layer = c->n_layers >= 2 ? c->n_layers - 2 : 0;
  double w = c->width, h = c->height;
  double x = c->scene->waterfall * w;
  double ridge = ridge_y_at (c->ridges[layer], w, c->bases[layer], x);
  double bottom = c->bases[c->n_layers - 1];
  double top = ridge + (bottom - ridge) * 0.2;
  double half = w * 0.008;

  cairo_move_to (cr, x - half * 0.5, top);
  cairo_curve_to (cr, x - half * 0.6, top + (bottom - top) * 0.4, x - half * 3, bottom - h * 0.05,
                  x - half * 3.2, bottom);
  cairo_line_to (cr, x + half * 3.4, bottom);
  cairo_curve_to (cr, x + half * 3, bottom - h * 0.05, x + half * 1.4, top + (bottom - top) * 0.4,
                  x + half * 0.6, top);
  cairo_close_path (cr);
  vertical_gradient (cr, top, bottom, 0xFFFFFF, 0.92, 0xE8F2F6, 0.7);
  cairo_fill (cr);
  cairo_set_line_width (cr, half * 0.35);
  set_rgba (cr, 0x9DB8C4, 0.5);
  for (int i = -1; i <= 1; i++)
    {
      cairo_move_to (cr, x + i * half * 0.5, top + h * 0.01);
      cairo_line_to (cr, x + i * half * 2, bottom);
    }
  cairo_stroke (cr);
  glow (cr, x, bottom, w * 0.06, 0xFFFFFF, 0.55);
}

/* A glacier tongue flowing from the ice field (the second ridge) down between the nearer
 * ridges, bluer at its edges, with crevasses. */
static void
paint_glacier (cairo_t *cr,
               Canvas  *c)
{
  double w = c->width, h = c->height;
  double x = c->scene->glacier * w;
  double skyline = ridge_y_at (c->ridges[1], w, c->bases[1], x);
  double top = c->bases[1] - h * 0.3;
  double bottom = c->bases[c->n_layers - 1] - h * 0.05;
  double mid = (skyline + bottom) / 2;
  cairo_pattern_t *ice = cairo_pattern_create_linear (x - w * 0.12, 0, x + w * 0.12, 0);

  /* nothing above the ice field's skyline */
  cairo_save (cr);
  ridge_path (cr, c->ridges[1], w, c->bases[1], h);
  cairo_clip (cr);

  add_stop (ice, 0, 0x9CCBE0, 1);
  add_stop (ice, 0.4, 0xF4FAFD, 1);
  add_stop (ice, 0.65, 0xE3F1F8, 1);
  add_stop (ice, 1, 0x8FC2DA, 1);
  cairo_move_to (cr, x - w * 0.16, top);
  cairo_curve_to (cr, x - w * 0.06, mid - h * 0.02, x - w * 0.1, mid + h * 0.04, x - w * 0.04,
                  bottom);
  cairo_curve_to (cr, x - w * 0.01, bottom + h * 0.025, x + w * 0.04, bottom + h * 0.02,
                  x + w * 0.06, bottom - h * 0.01);
  cairo_curve_to (cr, x + w * 0.02, mid + h * 0.03, x + w * 0.1, mid - h * 0.03, x + w * 0.14,
                  top);
  cairo_close_path (cr);
  cairo_set_source (cr, ice);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (ice);
  /* no seam where it leaves the ice field */
  vertical_gradient (cr, skyline - h * 0.1, skyline + h * 0.1, 0xF2F8FC, 1, 0xE3F1F8, 0);
  cairo_fill (cr);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, w / 900);
  for (int i = 0; i < 14; i++)
    {
      double t = g_rand_double_range (c->rand, 0.1, 0.9);
      double y = skyline + (bottom - skyline) * t;
      double half = w * (0.015 + 0.04 * (1 - t));
      double cx = x + w * (0.03 * (1 - t) - 0.02) + g_rand_double_range (c->rand, -0.4, 0.4) * half;

      set_rgba (cr, 0x4F93B5, 0.5);
      cairo_move_to (cr, cx - half * 0.5, y);
      cairo_curve_to (cr, cx - half * 0.2, y + h * 0.008, cx + half * 0.2, y + h * 0.008,
                      cx + half * 0.5, y);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The Milky Way: a tilted soft band with a dust of small stars in it. */
static void
paint_milky_way (cairo_t *cr,
                 Canvas  *c)
{
  double w = c->width, h = c->height;
  double cx = w * 0.55, cy = h * 0.25;
  cairo_pattern_t *band = cairo_pattern_create_radial (0, 0, 0, 0, 0, 1);
  cairo_matrix_t matrix, rotation;

  add_stop (band, 0, 0xE4DDFF, 0.42);
  add_stop (band, 0.4, 0xA596D8, 0.2);
  add_stop (band, 1, 0x6A5FA0, 0);
  cairo_matrix_init_scale (&matrix, 1 / (w * 0.75), 1 / (h * 0.24));
  cairo_matrix_rotate (&matrix, 0.45);
  cairo_matrix_translate (&matrix, -cx, -cy);
  cairo_pattern_set_matrix (band, &matrix);
  paint_soft (cr, band, 0, 0, w, c->waterline);

  cairo_matrix_init_rotate (&rotation, -0.45);
  for (int i = 0; i < 420; i++)
    {
      double along = g_rand_double_range (c->rand, -0.7, 0.7) * w;
      double across = (g_rand_double_range (c->rand, -1, 1) + g_rand_double_range (c->rand, -1, 1))
                      * h * 0.09;

      cairo_matrix_transform_distance (&rotation, &along, &across);
      if (cy + across > c->waterline)
        continue;
      set_rgba (cr, 0xFFFFFF, g_rand_double_range (c->rand, 0.2, 0.7));
      cairo_arc (cr, cx + along, cy + across, g_rand_double_range (c->rand, 0.3, 1.0) * w / 1600,
                 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* A canoe with two paddlers on still water, and its reflection. */
static void
paint_canoe (cairo_t *cr,
             Canvas  *c)
{
  double w = c->width, h = c->height;
  double x = w * 0.44, y = c->waterline + (h - c->waterline) * 0.42;
  double len = w * 0.17, u = len / 20;

  for (int pass = 0; pass < 2; pass++)
    {
      cairo_save (cr);
      if (pass == 0)
        {
          /* the reflection: the same shapes mirrored and faint */
          cairo_translate (cr, 0, 2 * y);
          cairo_scale (cr, 1, -0.8);
          cairo_push_group (cr);
        }

      for (int p = 0; p < 2; p++)
        {
          double px = x + (p == 0 ? -5 : 4.5) * u;

          set_rgb (cr, 0x1E2228);
          rounded_rect (cr, px - 0.9 * u, y - 4.6 * u, 1.8 * u, 3.4 * u, 0.7 * u);
          cairo_fill (cr);
          set_rgb (cr, p == 0 ? CLOUDBERRY : FJORD_NAVY);
          rounded_rect (cr, px - 0.95 * u, y - 4.4 * u, 1.9 * u, 2.4 * u, 0.7 * u);
          cairo_fill (cr);
          set_rgb (cr, 0x1E2228);
          cairo_arc (cr, px, y - 5.5 * u, 0.75 * u, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_set_line_width (cr, 0.3 * u);
          cairo_move_to (cr, px - 2.5 * u, y - 6.5 * u);
          cairo_line_to (cr, px + 2.2 * u, y + 1.2 * u);
          cairo_stroke (cr);
        }

      cairo_move_to (cr, x - len / 2, y - 1.6 * u);
      cairo_curve_to (cr, x - len * 0.3, y - 1.0 * u, x + len * 0.3, y - 1.0 * u, x + len / 2,
                      y - 1.6 * u);
      cairo_curve_to (cr, x + len * 0.4, y + 0.4 * u, x + len * 0.2, y + 0.8 * u, x, y + 0.8 * u);
      cairo_curve_to (cr, x - len * 0.2, y + 0.8 * u, x - len * 0.4, y + 0.4 * u, x - len / 2,
                      y - 1.6 * u);
      cairo_close_path (cr);
      set_rgb (cr, 0xC8442B);
      cairo_fill (cr);

      if (pass == 0)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, 0.3);
        }
      cairo_restore (cr);
    }

  cairo_set_line_width (cr, h / 900);
  for (int i = 1; i <= 3; i++)
    {
      set_rgba (cr, 0xFFFFFF, 0.25 / i);
      ellipse (cr, x, y + 0.6 * u, len * (0.55 + 0.2 * i), u * (0.7 + 0.5 * i));
      cairo_stroke (cr);
    }
}

/* Someone by the tent with a head torch on, its beam across the ground. */
static void
paint_headlamp (cairo_t *cr,
                Canvas  *c)
{
  const double *near = c->ridges[c->n_layers - 1];
  double w = c->width, h = c->height;
  double x = w * 0.5;
  double size = h * 0.09;
  double ground = ridge_y_at (near, w, c->bases[c->n_layers - 1], x) + size * 0.3;
  double hx = x + size * 0.05, hy = ground - size * 0.91;
  cairo_pattern_t *beam = cairo_pattern_create_linear (hx, 0, hx + w * 0.3, 0);

  add_stop (beam, 0, 0xFFFBE6, 0.5);
  add_stop (beam, 1, 0xFFFBE6, 0);
  cairo_move_to (cr, hx, hy);
  cairo_line_to (cr, hx + w * 0.3, hy - h * 0.04);
  cairo_line_to (cr, hx + w * 0.3, hy + h * 0.12);
  cairo_close_path (cr);
  cairo_set_source (cr, beam);
  cairo_fill (cr);
  cairo_pattern_destroy (beam);

  draw_hiker (cr, x, ground, size, 0x10131A, SIGNAL_ORANGE);
  glow (cr, hx, hy, size * 0.5, 0xFFFBE6, 0.8);
}

/* A zig-zag skin track up the nearest slope to the skiers. */
static void
paint_ski_track (cairo_t *cr,
                 Canvas  *c)
{
  const double *near = c->ridges[c->n_layers - 1];
  double w = c->width, h = c->height;
  double top = ridge_y_at (near, w, c->bases[c->n_layers - 1], w * 0.3) + h * 0.01;
  double span = h - top;
  const double points[][2] = {
    { 0.08, 1.02 }, { 0.5, 0.72 }, { 0.2, 0.46 }, { 0.42, 0.22 }, { 0.31, 0.0 },
  };

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (points); i++)
        cairo_line_to (cr, w * points[i][0], top + span * points[i][1]);
      set_rgba (cr, pass == 0 ? 0x8FA3C0 : 0xFFFFFF, pass == 0 ? 0.6 : 0.8);
      cairo_set_line_width (cr, h * (pass == 0 ? 0.012 : 0.005));
      cairo_stroke (cr);
    }
}

/* Rain: the light goes grey, then streaks. */
static void
paint_rain (cairo_t *cr,
            Canvas  *c)
{
  double w = c->width, h = c->height;
  int n = (int) (600 * c->scene->rain);

  set_rgba (cr, 0x9AA6B0, 0.16 * c->scene->rain);
  cairo_paint (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, w / 1300);
  for (int i = 0; i < n; i++)
    {
      double x = g_rand_double_range (c->rand, -0.05, 1.05) * w;
      double y = g_rand_double_range (c->rand, -0.05, 1) * h;
      double len = g_rand_double_range (c->rand, 0.03, 0.07) * h;

      set_rgba (cr, 0xE3EBF2, g_rand_double_range (c->rand, 0.15, 0.4));
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x - len * 0.22, y + len);
      cairo_stroke (cr);
    }
}

static void
paint_snowfall (cairo_t *cr,
                Canvas  *c)
{
  double w = c->width, h = c->height;

  for (guint i = 0; i < c->scene->n_snowflakes; i++)
    {
      double x = g_rand_double_range (c->rand, 0, w);
      double y = g_rand_double_range (c->rand, 0, h);

      set_rgba (cr, 0xFFFFFF, g_rand_double_range (c->rand, 0.45, 0.9));
      cairo_arc (cr, x, y, g_rand_double_range (c->rand, 0.8, 3.2) * w / 1600, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* How far down @layer (the sky for -1) needs painting: below the next layer's base line that
 * layer and the ones after it cover everything, and the water covers what is below the
 * waterline. Gradients are what pixman draws slowest, so this saves a few frames' worth. */
static double
paint_down_to (const Canvas *c,
               int           layer)
{
  int next = layer + 1;
  gboolean behind_water = layer < 0 || c->bases[layer] <= c->waterline + 0.5;
  double bottom = behind_water ? c->waterline : c->height;

  if (next >= (int) c->n_layers || (behind_water && c->bases[next] > c->waterline + 0.5))
    return bottom;
  return MIN (bottom, c->bases[next] + 2);
}

static void
paint_sky (cairo_t *cr,
           Canvas  *c)
{
  const Landscape *scene = c->scene;
  cairo_pattern_t *pattern = cairo_pattern_create_linear (0, 0, 0, c->waterline);

  add_stop (pattern, 0, scene->sky_top, 1);
  add_stop (pattern, 0.55, scene->sky_middle, 1);
  add_stop (pattern, 1, scene->sky_horizon, 1);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, 0, 0, c->width, paint_down_to (c, -1));
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);

  for (guint i = 0; i < scene->n_stars; i++)
    {
      double x = g_rand_double_range (c->rand, 0, c->width);
      double y = g_rand_double_range (c->rand, 0, c->height * 0.5);
      double r = g_rand_double_range (c->rand, 0.4, 1.5) * c->width / 1600;

      set_rgba (cr, 0xFFFFFF,
                g_rand_double_range (c->rand, 0.25, 0.9) * (1 - y / (c->height * 0.55)));
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  if (scene->milky_way)
    paint_milky_way (cr, c);
  if (scene->aurora)
    draw_aurora (cr, c->rand, c->width, c->height);

  if (c->sun_r > 0)
    {
      glow (cr, c->sun_x, c->sun_y, c->sun_r * scene->sun_glow, scene->sun_rgb, 0.55);
      set_rgba (cr, mix (scene->sun_rgb, 0xFFFFFF, 0.6), 0.95);
      cairo_arc (cr, c->sun_x, c->sun_y, c->sun_r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* The water, the ridges' shortened reflections, the sun's path and a little shimmer. */
static void
paint_water (cairo_t *cr,
             Canvas  *c)
{
  const Landscape *scene = c->scene;
  double w = c->width, h = c->height, line = c->waterline;

  vertical_gradient (cr, line, h, mix (scene->water_rgb, scene->sky_horizon, 0.35), 1,
                     mix (scene->water_rgb, 0x000000, 0.35), 1);
  cairo_rectangle (cr, 0, line, w, h - line);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, line, w, h - line);
  cairo_clip (cr);
  for (guint layer = 0; layer < c->n_layers; layer++)
    {
      double t = c->n_layers > 1 ? (double) layer / (c->n_layers - 1) : 1;
      guint32 color = mix (scene->far_rgb, scene->near_rgb, t);

      if (c->bases[layer] > line + 0.5)
        continue;

      cairo_move_to (cr, -2, line);
      for (int i = 0; i <= RIDGE_POINTS; i++)
        cairo_line_to (cr, w * i / RIDGE_POINTS,
                       line + (line - c->bases[layer] + c->ridges[layer][i]) * 0.75);
      cairo_line_to (cr, w + 2, line);
      cairo_close_path (cr);
      set_rgba (cr, mix (color, mix (scene->water_rgb, 0x000000, 0.3), 0.5), 0.55);
      cairo_fill (cr);
    }

  for (int i = 0; c->sun_r > 0 && c->sun_y < line && i < 26; i++)
    {
      double y = line + (h - line) * (i + 0.5) / 26.0;
      double half = c->sun_r * (0.6 + 2.4 * i / 26.0) * g_rand_double_range (c->rand, 0.5, 1.3);

      set_rgba (cr, mix (scene->sun_rgb, 0xFFFFFF, 0.5), 0.35 * (1 - i / 30.0));
      cairo_rectangle (cr, c->sun_x - half, y, 2 * half, h / 400 + 1);
      cairo_fill (cr);
    }

  for (int i = 0; i < 70; i++)
    {
      double y = g_rand_double_range (c->rand, line + 4, h);
      double len = g_rand_double_range (c->rand, 0.02, 0.12) * w;
      double x = g_rand_double_range (c->rand, -len / 2, w);

      set_rgba (cr, 0xFFFFFF, g_rand_double_range (c->rand, 0.04, 0.14));
      cairo_rectangle (cr, x, y, len, h / 700 + 1);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* A trail winding from the viewer to the nearest ridge. */
static void
paint_trail (cairo_t *cr,
             Canvas  *c)
{
  double w = c->width, h = c->height;
  double horizon = c->bases[c->n_layers - 1] - c->ridges[c->n_layers - 1][RIDGE_POINTS / 2];
  double near = horizon + (h - horizon) * 0.35;
  double mid = horizon + (h - horizon) * 0.2;

  cairo_move_to (cr, w * 0.30, h);
  cairo_curve_to (cr, w * 0.42, h * 0.86, w * 0.62, h * 0.84, w * 0.50, near);
  cairo_curve_to (cr, w * 0.46, mid, w * 0.49, horizon + 4, w * 0.5, horizon + 2);
  cairo_curve_to (cr, w * 0.51, horizon + 4, w * 0.5, mid, w * 0.54, near);
  cairo_curve_to (cr, w * 0.70, h * 0.84, w * 0.62, h * 0.88, w * 0.74, h);
  cairo_close_path (cr);
  vertical_gradient (cr, horizon, h, 0xD9C9A3, 0.8, 0xB89B6A, 1);
  cairo_fill (cr);
}

/* Spruce along the shore or the nearest ridge, tall ones beside a trail; then the tent, the
 * fire and the hikers. */
static void
paint_foreground (cairo_t *cr,
                  Canvas  *c)
{
  static const guint32 packs[] = { SIGNAL_ORANGE, CLOUDBERRY, GLACIER_BLUE };
  const Landscape *scene = c->scene;
  const double *near = c->ridges[c->n_layers - 1];
  double base = c->bases[c->n_layers - 1];
  double w = c->width, h = c->height;
  double unit = h * 0.09;
  guint32 tree_rgb = mix (scene->near_rgb, 0x000000, 0.35);

  if (scene->n_flowers > 0)
    paint_flowers (cr, c);

  for (guint i = 0; i < scene->n_trees; i++)
    {
      double x = g_rand_double_range (c->rand, -0.02, 1.02) * w;
      double size = g_rand_double_range (c->rand, 0.08, 0.2) * h;
      double ground;

      if (scene->path)
        {
          if (x > w * 0.28 && x < w * 0.76)
            x = x < w * 0.52 ? x - w * 0.26 : x + w * 0.26;
          size *= 1.8;
        }
      ground = scene->water > 0 ? c->waterline + 1 : ridge_y_at (near, w, base, x) + size * 0.25;
      draw_spruce (cr, x, ground, size, tree_rgb);
    }

  if (scene->n_birches > 0)
    paint_birches (cr, c);
  if (scene->buildings == BUILDINGS_CABIN)
    paint_cabin (cr, c);
  if (scene->buildings == BUILDINGS_LIGHTHOUSE)
    paint_lighthouse (cr, c);
  if (scene->skiers)
    paint_ski_track (cr, c);

  if (scene->tent)
    draw_tent (cr, w * 0.62, ridge_y_at (near, w, base, w * 0.62) + unit * 0.35, unit * 1.1,
               scene->fire || scene->n_stars > 0);
  if (scene->fire)
    draw_fire (cr, w * 0.74, ridge_y_at (near, w, base, w * 0.74) + unit * 0.3, unit * 0.35);
  if (scene->headlamp)
    paint_headlamp (cr, c);
  for (guint i = 0; i < scene->n_hikers; i++)
    {
      double x = w * (0.3 + 0.045 * i);
      double ground = ridge_y_at (near, w, base, x) + unit * 0.08;
      double size = unit * (1.05 - 0.08 * (i % 2));

      if (scene->runners)
        draw_runner (cr, x, ground + size * 0.1, size * 2.4, 0x1A1A22, scene->jacket_rgb,
                     FJORD_NAVY);
      else if (scene->skiers || scene->jacket_rgb != 0)
        draw_person (cr, x, ground, size, scene->jacket_rgb != 0 ? scene->jacket_rgb
                                                                 : packs[(i + 1) % 3],
                     packs[i % 3], scene->skiers);
      else
        draw_hiker (cr, x, ground, size, 0x1A1A22, packs[i % 3]);
    }

  /* a rope team on the glacier */
  if (scene->glacier > 0 && scene->n_hikers > 1)
    {
      cairo_set_line_width (cr, unit * 0.03);
      set_rgb (cr, SIGNAL_ORANGE);
      for (guint i = 0; i + 1 < scene->n_hikers; i++)
        {
          double x0 = w * (0.3 + 0.045 * i), x1 = w * (0.3 + 0.045 * (i + 1));
          double y0 = ridge_y_at (near, w, base, x0) + unit * 0.08 - unit * 0.45;
          double y1 = ridge_y_at (near, w, base, x1) + unit * 0.08 - unit * 0.45;

          cairo_move_to (cr, x0, y0);
          cairo_curve_to (cr, x0 + (x1 - x0) * 0.3, MAX (y0, y1) + unit * 0.25,
                          x0 + (x1 - x0) * 0.7, MAX (y0, y1) + unit * 0.25, x1, y1);
          cairo_stroke (cr);
        }
    }
}

static void
paint_landscape (cairo_t         *cr,
                 const Landscape *scene,
                 double           width,
                 double           height)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (scene->seed);
  Canvas c = { scene, rand, width, height };
  cairo_pattern_t *vignette;

  c.waterline = scene->water > 0 ? height * scene->water : height;
  c.sun_x = width * scene->sun_x;
  c.sun_y = height * scene->sun_y;
  c.sun_r = width * scene->sun_r;
  c.n_layers = MIN (scene->n_layers, G_N_ELEMENTS (c.bases));
  for (guint layer = 0; layer < c.n_layers; layer++)
    c.bases[layer] = height * (scene->top + (scene->bottom - scene->top) *
                               (c.n_layers > 1 ? (double) layer / (c.n_layers - 1) : 1));

  paint_sky (cr, &c);

  for (guint layer = 0; layer < c.n_layers; layer++)
    {
      double t = c.n_layers > 1 ? (double) layer / (c.n_layers - 1) : 1;

      make_ridge (rand, c.ridges[layer], height * scene->amplitude * (1 - 0.6 * t),
                  scene->roughness - 0.12 * t);
    }

  /* ridges far to near, hazier the farther; those below the waterline stand in front of the
   * water (a shore, rocks), so they come after it */
  for (guint layer = 0; layer < c.n_layers; layer++)
    if (c.bases[layer] <= c.waterline + 0.5)
      {
        paint_ridge (cr, scene, c.ridges[layer], c.bases[layer], layer, c.n_layers,
                     paint_down_to (&c, (int) layer), width, height);
        /* ice and falling water between the ridges: the nearest one hides where they end */
        if (layer == 1 && scene->glacier > 0)
          paint_glacier (cr, &c);
        if (layer + 2 == c.n_layers && scene->waterfall > 0)
          paint_waterfall (cr, &c);
      }

  if (scene->water > 0)
    {
      paint_water (cr, &c);
      for (guint layer = 0; layer < c.n_layers; layer++)
        if (c.bases[layer] > c.waterline + 0.5)
          paint_ridge (cr, scene, c.ridges[layer], c.bases[layer], layer, c.n_layers,
                       paint_down_to (&c, (int) layer), width, height);
    }
  if (scene->buildings == BUILDINGS_WHARF || scene->buildings == BUILDINGS_RORBU)
    paint_houses (cr, &c);
  if (scene->canoe)
    paint_canoe (cr, &c);

  if (scene->path)
    paint_trail (cr, &c);
  paint_foreground (cr, &c);

  if (scene->rain > 0)
    paint_rain (cr, &c);
  if (scene->n_snowflakes > 0)
    paint_snowfall (cr, &c);

  /* a gentle vignette, as a lens gives */
  vignette = cairo_pattern_create_radial (width / 2, height / 2, height * 0.35,
                                          width / 2, height / 2, width * 0.75);
  add_stop (vignette, 0, 0x000000, 0);
  add_stop (vignette, 1, 0x000000, 0.28);
  paint_soft (cr, vignette, 0, 0, width, height);
}

static void
landscape_for_scene (MopsDemoScene  scene,
                     Landscape     *out)
{
  static const Landscape scenes[] = {
    [MOPS_DEMO_SCENE_FJORD_SUNRISE] = {
      .seed = 11, .sky_top = 0x2B4C7E, .sky_middle = 0xD99AA5, .sky_horizon = 0xF9D29D,
      .sun_x = 0.63, .sun_y = 0.2, .sun_r = 0.03, .sun_rgb = 0xFFE7B0, .sun_glow = 9,
      .far_rgb = 0x9C94BC, .near_rgb = 0x1C2640, .n_layers = 5, .top = 0.40, .bottom = 0.62,
      .amplitude = 0.26, .roughness = 0.55, .water = 0.62, .water_rgb = 0x50669A, .fog = 0.3,
      .snow_layers = 1 },
    [MOPS_DEMO_SCENE_ALPINE_LAKE] = {
      .seed = 23, .sky_top = 0x2F6FB5, .sky_middle = 0x86BDE6, .sky_horizon = 0xD8EEF8,
      .sun_x = 0.82, .sun_y = 0.14, .sun_r = 0.018, .sun_rgb = 0xFFFFFF, .sun_glow = 8,
      .far_rgb = 0x9FB6CC, .near_rgb = 0x2C4A35, .n_layers = 4, .top = 0.42, .bottom = 0.64,
      .amplitude = 0.32, .roughness = 0.56, .water = 0.64, .water_rgb = 0x2E8FA6, .fog = 0.18,
      .snow_layers = 2, .n_trees = 22 },
    [MOPS_DEMO_SCENE_WINTER_RIDGE] = {
      .seed = 37, .sky_top = 0x7F9EC2, .sky_middle = 0xC9D7E6, .sky_horizon = 0xF1F4F8,
      .sun_x = 0.24, .sun_y = 0.3, .sun_r = 0.022, .sun_rgb = 0xFFFBEA, .sun_glow = 12,
      .far_rgb = 0xBFCCDB, .near_rgb = 0x5D7389, .n_layers = 4, .top = 0.48, .bottom = 0.86,
      .amplitude = 0.34, .roughness = 0.58, .fog = 0.35, .snow_layers = 4, .n_hikers = 2 },
    [MOPS_DEMO_SCENE_FOREST_TRAIL] = {
      .seed = 41, .sky_top = 0xE9D9A8, .sky_middle = 0xDDE6C8, .sky_horizon = 0xF6EFD9,
      .sun_x = 0.5, .sun_y = 0.38, .sun_r = 0.05, .sun_rgb = 0xFFF3C4, .sun_glow = 7,
      .far_rgb = 0xA6BE9C, .near_rgb = 0x34553A, .n_layers = 3, .top = 0.5, .bottom = 0.62,
      .amplitude = 0.12, .roughness = 0.5, .fog = 0.4, .n_trees = 26, .path = TRUE },
    [MOPS_DEMO_SCENE_CAMPFIRE] = {
      .seed = 53, .sky_top = 0x161A36, .sky_middle = 0x56375F, .sky_horizon = 0xE27D5A,
      .sun_x = 0.3, .sun_y = 0.66, .sun_r = 0.012, .sun_rgb = 0xFFC38A, .sun_glow = 14,
      .far_rgb = 0x5A4670, .near_rgb = 0x12141F, .n_layers = 3, .top = 0.55, .bottom = 0.74,
      .amplitude = 0.2, .roughness = 0.52, .fog = 0.15, .n_stars = 140, .tent = TRUE,
      .fire = TRUE },
    [MOPS_DEMO_SCENE_COASTAL_HIKE] = {
      .seed = 67, .sky_top = 0x3F86D0, .sky_middle = 0x9FCBEE, .sky_horizon = 0xE9F5FB,
      .sun_x = 0.15, .sun_y = 0.16, .sun_r = 0.02, .sun_rgb = 0xFFFFFF, .sun_glow = 9,
      .far_rgb = 0x8EA6BC, .near_rgb = 0x4A5E3C, .n_layers = 2, .top = 0.5, .bottom = 1.0,
      .amplitude = 0.3, .roughness = 0.55, .water = 0.56, .water_rgb = 0x2A6D9E, .fog = 0.2,
      .n_hikers = 1 },
    [MOPS_DEMO_SCENE_AURORA_CAMP] = {
      .seed = 79, .sky_top = 0x040E19, .sky_middle = 0x0C2838, .sky_horizon = 0x164656,
      .far_rgb = 0x22404F, .near_rgb = 0x04090E, .n_layers = 3, .top = 0.6, .bottom = 0.78,
      .amplitude = 0.2, .roughness = 0.55, .fog = 0.1, .snow_layers = 1, .n_stars = 260,
      .aurora = TRUE, .tent = TRUE },
    [MOPS_DEMO_SCENE_MISTY_VALLEY] = {
      .seed = 83, .sky_top = 0xAEBBC2, .sky_middle = 0xD3DBDC, .sky_horizon = 0xE8ECEA,
      .far_rgb = 0xA8B6B4, .near_rgb = 0x2E423B, .n_layers = 6, .top = 0.38, .bottom = 0.84,
      .amplitude = 0.2, .roughness = 0.5, .fog = 0.55, .n_trees = 18 },
    [MOPS_DEMO_SCENE_SUMMIT_TEAM] = {
      .seed = 97, .sky_top = 0xF0A15E, .sky_middle = 0xF7D39E, .sky_horizon = 0xFCEBD0,
      .sun_x = 0.78, .sun_y = 0.58, .sun_r = 0.04, .sun_rgb = 0xFFE3A8, .sun_glow = 8,
      .far_rgb = 0xD6977A, .near_rgb = 0x3A2C38, .n_layers = 4, .top = 0.5, .bottom = 0.78,
      .amplitude = 0.28, .roughness = 0.55, .fog = 0.25, .snow_layers = 1, .n_hikers = 3 },
    [MOPS_DEMO_SCENE_BRYGGEN_DUSK] = {
      .seed = 101, .sky_top = 0x1B2A4E, .sky_middle = 0x3E5C8A, .sky_horizon = 0xE7A77A,
      .far_rgb = 0x4A5878, .near_rgb = 0x222A3E, .n_layers = 2, .top = 0.36, .bottom = 0.5,
      .amplitude = 0.2, .roughness = 0.5, .water = 0.7, .water_rgb = 0x1E3452, .fog = 0.12,
      .n_stars = 40, .buildings = BUILDINGS_WHARF },
    [MOPS_DEMO_SCENE_AUTUMN_BIRCHES] = {
      .seed = 103, .sky_top = 0x5B8DC9, .sky_middle = 0xA9CBE8, .sky_horizon = 0xF1EEDD,
      .sun_x = 0.2, .sun_y = 0.16, .sun_r = 0.02, .sun_rgb = 0xFFF6D8, .sun_glow = 8,
      .far_rgb = 0x8D9FB8, .near_rgb = 0x7A5F2C, .n_layers = 4, .top = 0.36, .bottom = 0.74,
      .amplitude = 0.3, .roughness = 0.55, .water = 0.6, .water_rgb = 0x3F6F8C, .fog = 0.15,
      .snow_layers = 1, .n_trees = 4, .n_birches = 18 },
    [MOPS_DEMO_SCENE_SPRING_WATERFALL] = {
      .seed = 107, .sky_top = 0x6CA6DD, .sky_middle = 0xBFDDF3, .sky_horizon = 0xEEF6F2,
      .far_rgb = 0x9BB3C4, .near_rgb = 0x4F8A3A, .n_layers = 4, .top = 0.3, .bottom = 0.74,
      .amplitude = 0.36, .roughness = 0.58, .fog = 0.12, .snow_layers = 2, .n_trees = 6,
      .waterfall = 0.4, .n_flowers = 240 },
    [MOPS_DEMO_SCENE_LOFOTEN_MIDNIGHT_SUN] = {
      .seed = 109, .sky_top = 0x3B4D7A, .sky_middle = 0xE58F6B, .sky_horizon = 0xFFD08A,
      .sun_x = 0.72, .sun_y = 0.56, .sun_r = 0.024, .sun_rgb = 0xFFE2A0, .sun_glow = 12,
      .far_rgb = 0x6C5A7C, .near_rgb = 0x2B2630, .n_layers = 3, .top = 0.36, .bottom = 0.6,
      .amplitude = 0.4, .roughness = 0.62, .water = 0.64, .water_rgb = 0x4A5C86, .fog = 0.1,
      .buildings = BUILDINGS_RORBU },
    [MOPS_DEMO_SCENE_SKI_TOURING] = {
      .seed = 113, .sky_top = 0x283E6E, .sky_middle = 0x7C8CC0, .sky_horizon = 0xF2B8B0,
      .far_rgb = 0x9C9FC4, .near_rgb = 0xDCE4F0, .n_layers = 4, .top = 0.42, .bottom = 0.74,
      .amplitude = 0.36, .roughness = 0.6, .fog = 0.15, .snow_layers = 3, .snow_rgb = 0xFFD1DC,
      .n_hikers = 3, .skiers = TRUE },
    [MOPS_DEMO_SCENE_RAINY_FJORD] = {
      .seed = 127, .sky_top = 0x6E7A84, .sky_middle = 0x9AA5AD, .sky_horizon = 0xC5CCD0,
      .far_rgb = 0x7D8A8E, .near_rgb = 0x2F3E35, .n_layers = 4, .top = 0.36, .bottom = 0.8,
      .amplitude = 0.3, .roughness = 0.55, .water = 0.6, .water_rgb = 0x46585E, .fog = 0.45,
      .rain = 0.9, .n_hikers = 1, .jacket_rgb = SIGNAL_ORANGE },
    [MOPS_DEMO_SCENE_LIGHTHOUSE] = {
      .seed = 131, .sky_top = 0x2C3F73, .sky_middle = 0xC7657A, .sky_horizon = 0xF7B267,
      .sun_x = 0.32, .sun_y = 0.52, .sun_r = 0.03, .sun_rgb = 0xFFD9A0, .sun_glow = 10,
      .far_rgb = 0x5D4E74, .near_rgb = 0x1E2230, .n_layers = 2, .top = 0.52, .bottom = 0.8,
      .amplitude = 0.16, .roughness = 0.5, .water = 0.58, .water_rgb = 0x3E4F80, .fog = 0.1,
      .buildings = BUILDINGS_LIGHTHOUSE },
    [MOPS_DEMO_SCENE_STARRY_LAKE] = {
      .seed = 137, .sky_top = 0x050A1C, .sky_middle = 0x111D3D, .sky_horizon = 0x2B3C6A,
      .far_rgb = 0x1C2745, .near_rgb = 0x05070D, .n_layers = 3, .top = 0.56, .bottom = 0.8,
      .amplitude = 0.16, .roughness = 0.52, .water = 0.66, .water_rgb = 0x0D1A33,
      .n_stars = 320, .milky_way = TRUE, .tent = TRUE, .headlamp = TRUE, .n_trees = 10 },
    [MOPS_DEMO_SCENE_CANOE_MIST] = {
      .seed = 139, .sky_top = 0xD9C7B0, .sky_middle = 0xEADFCF, .sky_horizon = 0xF4EEE4,
      .sun_x = 0.3, .sun_y = 0.3, .sun_r = 0.035, .sun_rgb = 0xFFF1D6, .sun_glow = 9,
      .far_rgb = 0xB9B7A8, .near_rgb = 0x3D4A3A, .n_layers = 4, .top = 0.42, .bottom = 0.58,
      .amplitude = 0.08, .roughness = 0.45, .water = 0.6, .water_rgb = 0x8C9A94, .fog = 0.6,
      .n_trees = 30, .canoe = TRUE },
    [MOPS_DEMO_SCENE_FAGARAS_SUNRISE] = {
      .seed = 149, .sky_top = 0x4A6FA5, .sky_middle = 0xF0A58A, .sky_horizon = 0xFCE1B0,
      .sun_x = 0.22, .sun_y = 0.36, .sun_r = 0.028, .sun_rgb = 0xFFE0A8, .sun_glow = 10,
      .far_rgb = 0xA98CA8, .near_rgb = 0x3E4A2E, .n_layers = 5, .top = 0.38, .bottom = 0.8,
      .amplitude = 0.24, .roughness = 0.52, .fog = 0.35, .n_flowers = 70, .n_trees = 5 },
    [MOPS_DEMO_SCENE_NORTHERN_ALPS] = {
      .seed = 151, .sky_top = 0x2F78C4, .sky_middle = 0x8EC2EA, .sky_horizon = 0xE1F0F8,
      .sun_x = 0.85, .sun_y = 0.12, .sun_r = 0.016, .sun_rgb = 0xFFFFFF, .sun_glow = 8,
      .far_rgb = 0xAFC3D6, .near_rgb = 0x5B6B4E, .n_layers = 5, .top = 0.3, .bottom = 0.8,
      .amplitude = 0.34, .roughness = 0.62, .fog = 0.28, .snow_layers = 2, .n_hikers = 2,
      .jacket_rgb = LINGONBERRY },
    [MOPS_DEMO_SCENE_WINTER_CABIN] = {
      .seed = 157, .sky_top = 0x0F1A33, .sky_middle = 0x24365E, .sky_horizon = 0x4C6390,
      .sun_x = 0.8, .sun_y = 0.15, .sun_r = 0.018, .sun_rgb = 0xF4F2E8, .sun_glow = 10,
      .far_rgb = 0x6D7FA3, .near_rgb = 0xC9D4E6, .n_layers = 3, .top = 0.5, .bottom = 0.74,
      .amplitude = 0.22, .roughness = 0.55, .snow_layers = 2, .n_stars = 120, .n_trees = 14,
      .buildings = BUILDINGS_CABIN, .n_snowflakes = 260 },
    [MOPS_DEMO_SCENE_GLACIER_HIKE] = {
      .seed = 163, .sky_top = 0x3C8BD6, .sky_middle = 0x9CCCF0, .sky_horizon = 0xE6F4FB,
      .sun_x = 0.7, .sun_y = 0.1, .sun_r = 0.02, .sun_rgb = 0xFFFFFF, .sun_glow = 8,
      .far_rgb = 0x66717F, .near_rgb = 0x5E5A52, .n_layers = 4, .top = 0.32, .bottom = 0.82,
      .amplitude = 0.3, .roughness = 0.58, .fog = 0.1, .snow_layers = 1, .glacier = 0.55,
      .n_hikers = 4 },
    [MOPS_DEMO_SCENE_RIDGE_RUNNER] = {
      .seed = 167, .sky_top = 0x3E5F95, .sky_middle = 0xF2A07B, .sky_horizon = 0xFFD9A6,
      .sun_x = 0.16, .sun_y = 0.56, .sun_r = 0.03, .sun_rgb = 0xFFE4B0, .sun_glow = 11,
      .far_rgb = 0x8A7FA6, .near_rgb = 0x2E2A36, .n_layers = 4, .top = 0.46, .bottom = 0.72,
      .amplitude = 0.24, .roughness = 0.55, .fog = 0.3, .n_hikers = 1, .runners = TRUE,
      .jacket_rgb = SIGNAL_ORANGE },
  };

  *out = scenes[scene];
}

gboolean
mops_demo_art_scene_png (MopsDemoArt    *art,
                         MopsDemoScene   scene,
                         int             width,
                         int             height,
                         const char     *path,
                         GError        **error)
{
  cairo_surface_t *recording;
  cairo_t *cr = begin_png (width, height, &recording);
  Landscape landscape;

  landscape_for_scene (scene, &landscape);
  paint_landscape (cr, &landscape, width, height);

  return finish_png (art, cr, recording, CAIRO_FORMAT_RGB24, path, error);
}

/* ------------------------------------------------------------------ product shots */

static void
paint_studio (cairo_t *cr,
              double   width,
              double   height,
              guint32  light,
              guint32  dark)
{
  cairo_pattern_t *pattern;
  double floor = height * 0.72;

  pattern = cairo_pattern_create_radial (width * 0.5, height * 0.35, 0, width * 0.5, height * 0.35,
                                         width * 0.8);
  add_stop (pattern, 0, light, 1);
  add_stop (pattern, 1, dark, 1);
  paint_soft (cr, pattern, 0, 0, width, height);

  /* the floor's soft bend */
  vertical_gradient (cr, floor - height * 0.08, height, dark, 0, mix (dark, 0x000000, 0.12), 1);
  cairo_rectangle (cr, 0, floor - height * 0.08, width, height);
  cairo_fill (cr);
}

static void
contact_shadow (cairo_t *cr,
                double   cx,
                double   cy,
                double   rx,
                double   ry)
{
  cairo_pattern_t *pattern = cairo_pattern_create_radial (0, 0, 0, 0, 0, 1);
  cairo_matrix_t matrix;

  add_stop (pattern, 0, 0x000000, 0.45);
  add_stop (pattern, 0.6, 0x000000, 0.18);
  add_stop (pattern, 1, 0x000000, 0);
  /* an ellipse: user space to the unit circle */
  cairo_matrix_init_scale (&matrix, 1 / rx, 1 / ry);
  cairo_matrix_translate (&matrix, -cx, -cy);
  cairo_pattern_set_matrix (pattern, &matrix);
  paint_soft (cr, pattern, cx - rx, cy - ry, 2 * rx, 2 * ry);
}

static void
draw_backpack (MopsDemoArt *art,
               cairo_t     *cr,
               Logo        *symbol,
               double       cx,
               double       floor,
               double       h,
               guint32      body)
{
  double w = h * 0.62;
  double x = cx - w / 2;
  double top = floor - h;
  guint32 strap = 0x22262B;

  contact_shadow (cr, cx, floor, w * 0.62, h * 0.05);

  /* shoulder straps peeking out at the sides */
  set_rgb (cr, strap);
  rounded_rect (cr, x - w * 0.05, top + h * 0.2, w * 0.14, h * 0.62, w * 0.07);
  cairo_fill (cr);
  rounded_rect (cr, x + w * 0.91, top + h * 0.2, w * 0.14, h * 0.62, w * 0.07);
  cairo_fill (cr);

  /* haul loop */
  cairo_set_line_width (cr, h * 0.018);
  cairo_arc (cr, cx, top + h * 0.04, w * 0.08, G_PI, 2 * G_PI);
  cairo_stroke (cr);

  /* body */
  rounded_rect (cr, x, top + h * 0.06, w, h * 0.94, w * 0.2);
  cylinder_shading (cr, x, w, body);
  cairo_fill (cr);

  /* lid */
  rounded_rect (cr, x - w * 0.02, top + h * 0.03, w * 1.04, h * 0.22, w * 0.18);
  cylinder_shading (cr, x, w, mix (body, 0x000000, 0.25));
  cairo_fill (cr);
  cairo_set_line_width (cr, h * 0.006);
  set_rgba (cr, 0xFFFFFF, 0.35);
  cairo_move_to (cr, x + w * 0.12, top + h * 0.19);
  cairo_line_to (cr, x + w * 0.88, top + h * 0.19);
  cairo_stroke (cr);

  /* front pocket with its zip and stitching */
  rounded_rect (cr, x + w * 0.16, top + h * 0.55, w * 0.68, h * 0.38, w * 0.14);
  cylinder_shading (cr, x + w * 0.16, w * 0.68, mix (body, 0xFFFFFF, 0.08));
  cairo_fill (cr);
  {
    double dashes[] = { h * 0.012, h * 0.01 };

    cairo_set_dash (cr, dashes, 2, 0);
    cairo_set_line_width (cr, h * 0.004);
    set_rgba (cr, 0xFFFFFF, 0.4);
    rounded_rect (cr, x + w * 0.19, top + h * 0.575, w * 0.62, h * 0.335, w * 0.11);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }
  set_rgb (cr, 0xC8CDD2);
  cairo_set_line_width (cr, h * 0.008);
  cairo_move_to (cr, x + w * 0.24, top + h * 0.62);
  cairo_line_to (cr, x + w * 0.76, top + h * 0.62);
  cairo_stroke (cr);
  set_rgb (cr, SIGNAL_ORANGE);
  rounded_rect (cr, x + w * 0.7, top + h * 0.615, w * 0.05, h * 0.06, w * 0.02);
  cairo_fill (cr);

  /* compression straps and buckles */
  for (int i = 0; i < 2; i++)
    {
      double y = top + h * (0.33 + 0.14 * i);

      set_rgb (cr, strap);
      cairo_rectangle (cr, x, y, w, h * 0.035);
      cairo_fill (cr);
      set_rgb (cr, 0x0E0F11);
      rounded_rect (cr, x + w * 0.05, y - h * 0.008, w * 0.1, h * 0.051, h * 0.01);
      cairo_fill (cr);
      rounded_rect (cr, x + w * 0.85, y - h * 0.008, w * 0.1, h * 0.051, h * 0.01);
      cairo_fill (cr);
    }

  /* the logo patch */
  rounded_rect (cr, cx - w * 0.13, top + h * 0.235, w * 0.26, h * 0.08, h * 0.015);
  set_rgb (cr, SIGNAL_ORANGE);
  cairo_fill (cr);
  draw_logo (cr, symbol, &(LogoColors) { 0xFFFFFF, 0xFFFFFF, FJORD_NAVY, 0, 0 },
             cx - logo_width_for_height (symbol, h * 0.06) / 2, top + h * 0.245, h * 0.06);
  (void) art;
}

static void
jacket_body_path (cairo_t *cr,
                  double   x,
                  double   y,
                  double   s)
{
  /* in a 100-unit box: shoulders at 30…70, hem at 88 */
  cairo_move_to (cr, x + 38 * s, y + 14 * s);
  cairo_curve_to (cr, x + 33 * s, y + 16 * s, x + 30 * s, y + 18 * s, x + 28 * s, y + 22 * s);
  cairo_line_to (cr, x + 29 * s, y + 86 * s);
  cairo_curve_to (cr, x + 40 * s, y + 90 * s, x + 60 * s, y + 90 * s, x + 71 * s, y + 86 * s);
  cairo_line_to (cr, x + 72 * s, y + 22 * s);
  cairo_curve_to (cr, x + 70 * s, y + 18 * s, x + 67 * s, y + 16 * s, x + 62 * s, y + 14 * s);
  cairo_close_path (cr);
}

static void
jacket_sleeve_path (cairo_t *cr,
                    double   x,
                    double   y,
                    double   s,
                    double   side)   /* -1 left, +1 right */
{
  double c = x + 50 * s;

  cairo_move_to (cr, c + side * 20 * s, y + 20 * s);
  cairo_curve_to (cr, c + side * 30 * s, y + 22 * s, c + side * 34 * s, y + 40 * s,
                  c + side * 37 * s, y + 78 * s);
  cairo_line_to (cr, c + side * 29 * s, y + 80 * s);
  cairo_curve_to (cr, c + side * 27 * s, y + 60 * s, c + side * 25 * s, y + 45 * s,
                  c + side * 21 * s, y + 38 * s);
  cairo_close_path (cr);
}

static void
draw_jacket (cairo_t *cr,
             Logo    *symbol,
             double   cx,
             double   floor,
             double   h,
             guint32  shell)
{
  double s = h / 92;
  double x = cx - 50 * s;
  double y = floor - 92 * s;

  contact_shadow (cr, cx, floor, h * 0.36, h * 0.04);

  /* hood, behind */
  ellipse (cr, cx, y + 14 * s, 13 * s, 10 * s);
  set_rgb (cr, mix (shell, 0x000000, 0.35));
  cairo_fill (cr);

  for (int side = -1; side <= 1; side += 2)
    {
      jacket_sleeve_path (cr, x, y, s, side);
      cylinder_shading (cr, cx + side * 20 * s - (side < 0 ? 17 * s : 0), 17 * s,
                        mix (shell, 0x000000, 0.12));
      cairo_fill (cr);
      /* cuff */
      set_rgb (cr, mix (shell, 0x000000, 0.4));
      cairo_move_to (cr, cx + side * 37 * s, y + 78 * s);
      cairo_line_to (cr, cx + side * 29 * s, y + 80 * s);
      cairo_line_to (cr, cx + side * 28.6 * s, y + 77 * s);
      cairo_line_to (cr, cx + side * 36.5 * s, y + 75 * s);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  jacket_body_path (cr, x, y, s);
  cylinder_shading (cr, x + 28 * s, 44 * s, shell);
  cairo_fill (cr);

  /* yoke seam and collar */
  cairo_set_line_width (cr, 0.5 * s);
  set_rgba (cr, 0x000000, 0.25);
  cairo_move_to (cr, x + 29 * s, y + 30 * s);
  cairo_curve_to (cr, x + 40 * s, y + 33 * s, x + 60 * s, y + 33 * s, x + 71 * s, y + 30 * s);
  cairo_stroke (cr);
  ellipse (cr, cx, y + 15 * s, 9 * s, 4 * s);
  set_rgb (cr, mix (shell, 0x000000, 0.5));
  cairo_fill (cr);

  /* zips */
  cairo_set_line_width (cr, 1.1 * s);
  set_rgb (cr, 0x1E1E22);
  cairo_move_to (cr, cx, y + 18 * s);
  cairo_line_to (cr, cx, y + 88.5 * s);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.8 * s);
  cairo_move_to (cr, x + 56 * s, y + 38 * s);
  cairo_line_to (cr, x + 66 * s, y + 34 * s);
  cairo_move_to (cr, x + 33 * s, y + 56 * s);
  cairo_line_to (cr, x + 36 * s, y + 72 * s);
  cairo_move_to (cr, x + 67 * s, y + 56 * s);
  cairo_line_to (cr, x + 64 * s, y + 72 * s);
  cairo_stroke (cr);
  set_rgb (cr, 0xC9CED3);
  rounded_rect (cr, cx - 1 * s, y + 22 * s, 2 * s, 4 * s, 0.6 * s);
  cairo_fill (cr);

  /* hem drawcord toggles */
  set_rgb (cr, 0x1E1E22);
  cairo_arc (cr, x + 31 * s, y + 85 * s, 1 * s, 0, 2 * G_PI);
  cairo_arc (cr, x + 69 * s, y + 85 * s, 1 * s, 0, 2 * G_PI);
  cairo_fill (cr);

  draw_logo (cr, symbol, &logo_reversed, x + 36 * s, y + 38 * s, 5 * s);
}

static void
draw_bottle (MopsDemoArt *art,
             cairo_t     *cr,
             Logo        *symbol,
             double       cx,
             double       floor,
             double       h)
{
  guint32 body = MOSS_GREEN;
  double w = h * 0.28;
  double x = cx - w / 2;
  double top = floor - h;
  double cup_w = h * 0.22;
  double cup_x = cx + w * 0.95;
  double cup_h = h * 0.26;
  TextStyle word = { FONT_SANS, PANGO_WEIGHT_BOLD, h * 0.032, 0xFFFFFF, 0.92, h * 0.006, 0,
                     PANGO_ALIGN_LEFT };
  double text_width;

  contact_shadow (cr, cx + w * 0.4, floor, w * 1.5, h * 0.04);

  /* body with shoulders */
  cairo_move_to (cr, x, floor - h * 0.03);
  cairo_line_to (cr, x, top + h * 0.22);
  cairo_curve_to (cr, x, top + h * 0.15, x + w * 0.12, top + h * 0.12, x + w * 0.16, top + h * 0.12);
  cairo_line_to (cr, x + w * 0.84, top + h * 0.12);
  cairo_curve_to (cr, x + w * 0.88, top + h * 0.12, x + w, top + h * 0.15, x + w, top + h * 0.22);
  cairo_line_to (cr, x + w, floor - h * 0.03);
  cairo_curve_to (cr, x + w, floor, x + w * 0.9, floor, x + w * 0.8, floor);
  cairo_line_to (cr, x + w * 0.2, floor);
  cairo_curve_to (cr, x + w * 0.1, floor, x, floor, x, floor - h * 0.03);
  cairo_close_path (cr);
  cylinder_shading (cr, x, w, body);
  cairo_fill (cr);

  /* steel band and cap */
  rounded_rect (cr, x + w * 0.1, top + h * 0.075, w * 0.8, h * 0.05, h * 0.01);
  cylinder_shading (cr, x + w * 0.1, w * 0.8, 0xB7BEC4);
  cairo_fill (cr);
  rounded_rect (cr, x + w * 0.12, top, w * 0.76, h * 0.085, h * 0.02);
  cylinder_shading (cr, x + w * 0.12, w * 0.76, 0x2A2D31);
  cairo_fill (cr);

  /* the print: symbol and name */
  draw_logo (cr, symbol, &logo_reversed, cx - logo_width_for_height (symbol, h * 0.09) / 2,
             top + h * 0.36, h * 0.09);
  text_width = measure_text (art, cr, &word, "FJELLVIND");
  show_text (art, cr, &word, cx - text_width / 2, top + h * 0.48, -1, "FJELLVIND");

  /* the cup beside it */
  contact_shadow (cr, cup_x + cup_w / 2, floor, cup_w * 0.8, h * 0.03);
  cairo_move_to (cr, cup_x, floor - cup_h);
  cairo_line_to (cr, cup_x + cup_w, floor - cup_h);
  cairo_line_to (cr, cup_x + cup_w * 0.92, floor);
  cairo_line_to (cr, cup_x + cup_w * 0.08, floor);
  cairo_close_path (cr);
  cylinder_shading (cr, cup_x, cup_w, 0x2A2D31);
  cairo_fill (cr);
  ellipse (cr, cup_x + cup_w / 2, floor - cup_h, cup_w / 2, cup_h * 0.08);
  set_rgb (cr, 0x3B2416);
  cairo_fill (cr);
  /* steam */
  cairo_set_line_width (cr, h * 0.008);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < 2; i++)
    {
      double sx = cup_x + cup_w * (0.38 + 0.24 * i);
      double sy = floor - cup_h - h * 0.03;

      set_rgba (cr, 0xFFFFFF, 0.55);
      cairo_move_to (cr, sx, sy);
      cairo_curve_to (cr, sx - h * 0.03, sy - h * 0.04, sx + h * 0.03, sy - h * 0.07,
                      sx, sy - h * 0.11);
      cairo_stroke (cr);
    }
}

/* A down jacket: the shell's outline filled with puffed baffles, a stand collar. */
static void
draw_down_jacket (cairo_t *cr,
                  Logo    *symbol,
                  double   cx,
                  double   floor,
                  double   h,
                  guint32  shell)
{
  double s = h / 92;
  double x = cx - 50 * s;
  double y = floor - 92 * s;
  const int bands = 8;

  contact_shadow (cr, cx, floor, h * 0.38, h * 0.04);

  for (int part = 0; part < 3; part++)
    {
      double x0 = part == 0 ? cx - 37 * s : part == 1 ? cx + 20 * s : x + 28 * s;
      double x1 = part == 0 ? cx - 20 * s : part == 1 ? cx + 37 * s : x + 72 * s;
      double y0 = y + (part == 2 ? 14 : 20) * s;
      double y1 = y + (part == 2 ? 90 : 80) * s;

      cairo_save (cr);
      if (part < 2)
        jacket_sleeve_path (cr, x, y, s, part == 0 ? -1 : 1);
      else
        jacket_body_path (cr, x, y, s);
      cairo_clip_preserve (cr);
      cylinder_shading (cr, x0, x1 - x0, part < 2 ? mix (shell, 0x000000, 0.1) : shell);
      cairo_fill (cr);

      /* each baffle bulges: light in the middle, dark at the stitching */
      for (int b = 0; b < bands; b++)
        {
          double by0 = y0 + (y1 - y0) * b / bands;
          double by1 = y0 + (y1 - y0) * (b + 1) / bands;
          cairo_pattern_t *puff = cairo_pattern_create_linear (0, by0, 0, by1);

          add_stop (puff, 0, 0x000000, 0.28);
          add_stop (puff, 0.35, 0xFFFFFF, 0.1);
          add_stop (puff, 0.6, 0xFFFFFF, 0.04);
          add_stop (puff, 1, 0x000000, 0.3);
          cairo_set_source (cr, puff);
          cairo_rectangle (cr, x0 - s, by0, x1 - x0 + 2 * s, by1 - by0);
          cairo_fill (cr);
          cairo_pattern_destroy (puff);
        }
      cairo_restore (cr);
    }

  /* stand collar, zip, cuffs */
  rounded_rect (cr, cx - 9 * s, y + 9 * s, 18 * s, 9 * s, 3 * s);
  cylinder_shading (cr, cx - 9 * s, 18 * s, mix (shell, 0x000000, 0.2));
  cairo_fill (cr);
  cairo_set_line_width (cr, 1.1 * s);
  set_rgb (cr, 0x1E1E22);
  cairo_move_to (cr, cx, y + 9.5 * s);
  cairo_line_to (cr, cx, y + 89 * s);
  cairo_stroke (cr);
  set_rgb (cr, 0xC9CED3);
  rounded_rect (cr, cx - 1 * s, y + 13 * s, 2 * s, 4 * s, 0.6 * s);
  cairo_fill (cr);
  for (int side = -1; side <= 1; side += 2)
    {
      set_rgb (cr, 0x24262B);
      cairo_move_to (cr, cx + side * 37 * s, y + 78 * s);
      cairo_line_to (cr, cx + side * 29 * s, y + 80 * s);
      cairo_line_to (cr, cx + side * 28.6 * s, y + 76 * s);
      cairo_line_to (cr, cx + side * 36.5 * s, y + 74 * s);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  draw_logo (cr, symbol, &logo_reversed, x + 60 * s, y + 27 * s, 4.5 * s);
}

/* A two-person dome tent, three-quarter view, with its door open a little. */
static void
draw_tent_product (cairo_t *cr,
                   Logo    *symbol,
                   double   cx,
                   double   floor,
                   double   h,
                   guint32  fly)
{
  double tw = h * 1.5, th = h * 0.62;
  double ax = cx - tw * 0.05, ay = floor - th;

  contact_shadow (cr, cx, floor, tw * 0.62, h * 0.05);

  /* guy lines and stakes */
  cairo_set_line_width (cr, h * 0.004);
  set_rgba (cr, 0x2A2D31, 0.8);
  cairo_move_to (cr, cx - tw * 0.44, floor - th * 0.4);
  cairo_line_to (cr, cx - tw * 0.66, floor + h * 0.01);
  cairo_move_to (cr, cx + tw * 0.44, floor - th * 0.42);
  cairo_line_to (cr, cx + tw * 0.68, floor + h * 0.012);
  cairo_move_to (cr, ax, ay);
  cairo_line_to (cr, cx + tw * 0.2, floor - th * 1.02);
  cairo_stroke (cr);

  /* the fly */
  cairo_move_to (cr, cx - tw / 2, floor);
  cairo_curve_to (cr, cx - tw * 0.48, floor - th * 0.7, cx - tw * 0.3, ay, ax, ay);
  cairo_curve_to (cr, cx + tw * 0.25, ay, cx + tw * 0.46, floor - th * 0.65, cx + tw / 2, floor);
  cairo_close_path (cr);
  cylinder_shading (cr, cx - tw / 2, tw, fly);
  cairo_fill (cr);

  /* the side in shade */
  cairo_move_to (cr, ax, ay);
  cairo_curve_to (cr, cx + tw * 0.25, ay, cx + tw * 0.46, floor - th * 0.65, cx + tw / 2, floor);
  cairo_line_to (cr, cx + tw * 0.14, floor);
  cairo_curve_to (cr, cx + tw * 0.12, floor - th * 0.5, cx + tw * 0.02, floor - th * 0.92, ax, ay);
  cairo_close_path (cr);
  set_rgba (cr, 0x000000, 0.16);
  cairo_fill (cr);

  /* pole sleeves */
  cairo_set_line_width (cr, h * 0.012);
  set_rgba (cr, 0x000000, 0.2);
  cairo_move_to (cr, cx - tw / 2 + h * 0.02, floor);
  cairo_curve_to (cr, cx - tw * 0.3, ay + th * 0.05, cx + tw * 0.1, ay - th * 0.02,
                  cx + tw * 0.14, floor);
  cairo_move_to (cr, cx - tw * 0.18, floor);
  cairo_curve_to (cr, cx - tw * 0.2, ay + th * 0.2, cx + tw * 0.3, ay + th * 0.1,
                  cx + tw / 2 - h * 0.02, floor);
  cairo_stroke (cr);

  /* the door, half open, and its zip */
  cairo_move_to (cr, cx - tw * 0.38, floor);
  cairo_curve_to (cr, cx - tw * 0.36, floor - th * 0.66, cx - tw * 0.12, floor - th * 0.74,
                  cx - tw * 0.06, floor);
  cairo_close_path (cr);
  vertical_gradient (cr, floor - th * 0.7, floor, 0x3A3F45, 1, 0x1C1F23, 1);
  cairo_fill (cr);
  cairo_move_to (cr, cx - tw * 0.38, floor);
  cairo_curve_to (cr, cx - tw * 0.36, floor - th * 0.66, cx - tw * 0.12, floor - th * 0.74,
                  cx - tw * 0.06, floor);
  cairo_line_to (cr, cx - tw * 0.16, floor);
  cairo_curve_to (cr, cx - tw * 0.2, floor - th * 0.5, cx - tw * 0.3, floor - th * 0.5,
                  cx - tw * 0.38, floor);
  cylinder_shading (cr, cx - tw * 0.38, tw * 0.32, mix (fly, 0x000000, 0.15));
  cairo_fill (cr);
  cairo_set_line_width (cr, h * 0.005);
  set_rgba (cr, 0xFFFFFF, 0.5);
  cairo_move_to (cr, cx - tw * 0.38, floor);
  cairo_curve_to (cr, cx - tw * 0.36, floor - th * 0.66, cx - tw * 0.12, floor - th * 0.74,
                  cx - tw * 0.06, floor);
  cairo_stroke (cr);

  /* vent and logo */
  ellipse (cr, ax + tw * 0.02, ay + th * 0.12, tw * 0.05, th * 0.04);
  set_rgba (cr, 0x000000, 0.35);
  cairo_fill (cr);
  draw_logo (cr, symbol, &logo_reversed, cx + tw * 0.22, floor - th * 0.42, th * 0.1);
}

/* One hiking boot, toe to the left; @shade darkens the one behind. */
static void
draw_boot (cairo_t *cr,
           Logo    *symbol,
           double   cx,
           double   floor,
           double   h,
           double   shade)
{
  double u = h / 60;
  guint32 leather = mix (0x7A4A2A, 0x000000, shade);
  guint32 rubber = mix (0x2B2B2E, 0x000000, shade);
  cairo_pattern_t *pattern;

  /* the upper */
  cairo_move_to (cr, cx - 30 * u, floor - 7 * u);
  cairo_curve_to (cr, cx - 31 * u, floor - 15 * u, cx - 26 * u, floor - 20 * u,
                  cx - 18 * u, floor - 22 * u);
  cairo_curve_to (cr, cx - 10 * u, floor - 25 * u, cx - 4 * u, floor - 34 * u,
                  cx - 1 * u, floor - 50 * u);
  cairo_curve_to (cr, cx + 5 * u, floor - 54 * u, cx + 14 * u, floor - 55 * u,
                  cx + 19 * u, floor - 52 * u);
  cairo_curve_to (cr, cx + 21 * u, floor - 40 * u, cx + 25 * u, floor - 30 * u,
                  cx + 29 * u, floor - 20 * u);
  cairo_curve_to (cr, cx + 31 * u, floor - 14 * u, cx + 31 * u, floor - 10 * u,
                  cx + 30 * u, floor - 7 * u);
  cairo_close_path (cr);
  pattern = cairo_pattern_create_linear (0, floor - 55 * u, 0, floor);
  add_stop (pattern, 0, mix (leather, 0xFFFFFF, 0.12), 1);
  add_stop (pattern, 1, mix (leather, 0x000000, 0.25), 1);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);

  /* overlays: toe cap, heel counter, collar */
  cairo_move_to (cr, cx - 30 * u, floor - 7 * u);
  cairo_curve_to (cr, cx - 31 * u, floor - 15 * u, cx - 26 * u, floor - 20 * u,
                  cx - 18 * u, floor - 22 * u);
  cairo_curve_to (cr, cx - 16 * u, floor - 16 * u, cx - 14 * u, floor - 10 * u,
                  cx - 12 * u, floor - 7 * u);
  cairo_close_path (cr);
  set_rgb (cr, mix (rubber, leather, 0.25));
  cairo_fill (cr);
  cairo_move_to (cr, cx + 30 * u, floor - 7 * u);
  cairo_curve_to (cr, cx + 31 * u, floor - 14 * u, cx + 29 * u, floor - 22 * u,
                  cx + 25 * u, floor - 30 * u);
  cairo_curve_to (cr, cx + 20 * u, floor - 24 * u, cx + 16 * u, floor - 14 * u,
                  cx + 16 * u, floor - 7 * u);
  cairo_close_path (cr);
  set_rgb (cr, mix (leather, 0x000000, 0.35));
  cairo_fill (cr);
  cairo_move_to (cr, cx - 1 * u, floor - 50 * u);
  cairo_curve_to (cr, cx + 5 * u, floor - 54 * u, cx + 14 * u, floor - 55 * u,
                  cx + 19 * u, floor - 52 * u);
  cairo_curve_to (cr, cx + 19 * u, floor - 48 * u, cx + 19 * u, floor - 46 * u,
                  cx + 20 * u, floor - 44 * u);
  cairo_curve_to (cr, cx + 12 * u, floor - 47 * u, cx + 5 * u, floor - 46 * u, cx, floor - 45 * u);
  cairo_close_path (cr);
  set_rgb (cr, mix (0x3A3D42, 0x000000, shade));
  cairo_fill (cr);

  /* laces over the eyelets */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 1.2 * u);
  set_rgb (cr, mix (SIGNAL_ORANGE, 0x000000, shade));
  for (int i = 0; i < 6; i++)
    {
      double t = i / 5.0;
      double lx = cx - 15 * u + 14 * u * t, ly = floor - 23 * u - 23 * u * t;

      cairo_move_to (cr, lx - 2.5 * u, ly - 1.5 * u);
      cairo_line_to (cr, lx + 3.5 * u, ly + 1.5 * u);
    }
  cairo_stroke (cr);
  set_rgb (cr, mix (0xB8BCC2, 0x000000, shade));
  for (int i = 0; i < 6; i++)
    {
      double t = i / 5.0;

      cairo_arc (cr, cx - 12 * u + 14 * u * t, floor - 22 * u - 23 * u * t, 0.9 * u, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* midsole and lugged outsole */
  rounded_rect (cr, cx - 31 * u, floor - 9 * u, 62 * u, 3 * u, 1.5 * u);
  set_rgb (cr, mix (0xE9E4DA, 0x000000, shade));
  cairo_fill (cr);
  rounded_rect (cr, cx - 31.5 * u, floor - 6.5 * u, 63 * u, 6.5 * u, 2.5 * u);
  set_rgb (cr, rubber);
  cairo_fill (cr);
  set_rgba (cr, 0x000000, 0.45);
  for (int i = 0; i < 12; i++)
    cairo_rectangle (cr, cx - 29 * u + i * 5.1 * u, floor - 2 * u, 2.6 * u, 2 * u);
  cairo_fill (cr);

  if (shade < 0.1)
    draw_logo (cr, symbol, &logo_reversed, cx + 18 * u, floor - 18 * u, 4 * u);
}

static void
draw_boots (cairo_t *cr,
            Logo    *symbol,
            double   cx,
            double   floor,
            double   h)
{
  contact_shadow (cr, cx + h * 0.12, floor, h * 0.75, h * 0.05);
  draw_boot (cr, symbol, cx + h * 0.28, floor - h * 0.05, h * 0.95, 0.3);
  draw_boot (cr, symbol, cx - h * 0.05, floor, h, 0);
}

/* A steel bottle with a loop cap. */
static void
draw_steel_bottle (cairo_t *cr,
                   Logo    *symbol,
                   double   cx,
                   double   floor,
                   double   h,
                   guint32  body)
{
  double w = h * 0.3;
  double x = cx - w / 2;
  double top = floor - h;

  contact_shadow (cr, cx, floor, w * 0.9, h * 0.03);

  cairo_move_to (cr, x, floor - h * 0.03);
  cairo_line_to (cr, x, top + h * 0.3);
  cairo_curve_to (cr, x, top + h * 0.2, x + w * 0.22, top + h * 0.15, x + w * 0.26, top + h * 0.14);
  cairo_line_to (cr, x + w * 0.74, top + h * 0.14);
  cairo_curve_to (cr, x + w * 0.78, top + h * 0.15, x + w, top + h * 0.2, x + w, top + h * 0.3);
  cairo_line_to (cr, x + w, floor - h * 0.03);
  cairo_curve_to (cr, x + w, floor, x + w * 0.9, floor, x + w * 0.8, floor);
  cairo_line_to (cr, x + w * 0.2, floor);
  cairo_curve_to (cr, x + w * 0.1, floor, x, floor, x, floor - h * 0.03);
  cairo_close_path (cr);
  cylinder_shading (cr, x, w, body);
  cairo_fill (cr);

  /* brushed steel base and neck */
  rounded_rect (cr, x, floor - h * 0.07, w, h * 0.07, h * 0.02);
  cylinder_shading (cr, x, w, 0xB7BEC4);
  cairo_fill (cr);
  cairo_rectangle (cr, x + w * 0.26, top + h * 0.09, w * 0.48, h * 0.06);
  cylinder_shading (cr, x + w * 0.26, w * 0.48, 0xB7BEC4);
  cairo_fill (cr);

  /* the loop cap */
  rounded_rect (cr, x + w * 0.22, top + h * 0.02, w * 0.56, h * 0.08, h * 0.015);
  cylinder_shading (cr, x + w * 0.22, w * 0.56, 0x2A2D31);
  cairo_fill (cr);
  cairo_set_line_width (cr, h * 0.018);
  set_rgb (cr, 0x2A2D31);
  cairo_arc (cr, cx, top + h * 0.02, w * 0.18, G_PI, 2 * G_PI);
  cairo_stroke (cr);

  draw_logo (cr, symbol, &logo_reversed, cx - logo_width_for_height (symbol, h * 0.08) / 2,
             top + h * 0.42, h * 0.08);
}

/* A head torch on a dark set, lit, the beam falling towards the viewer. */
static void
draw_headlamp (cairo_t *cr,
               Logo    *symbol,
               double   cx,
               double   floor,
               double   h)
{
  double lx = cx - h * 0.08, ly = floor - h * 0.3;
  cairo_pattern_t *beam;
  double dashes[] = { h * 0.03, h * 0.03 };

  contact_shadow (cr, cx, floor, h * 0.6, h * 0.05);

  /* the strap: a loop seen from above and in front */
  cairo_set_line_width (cr, h * 0.07);
  set_rgb (cr, 0x1B1E23);
  ellipse (cr, cx, floor - h * 0.16, h * 0.5, h * 0.14);
  cairo_stroke (cr);
  cairo_set_line_width (cr, h * 0.012);
  cairo_set_dash (cr, dashes, 2, 0);
  set_rgb (cr, SIGNAL_ORANGE);
  ellipse (cr, cx, floor - h * 0.16, h * 0.5, h * 0.14);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* the beam */
  beam = cairo_pattern_create_linear (lx, 0, lx + h * 1.1, 0);
  add_stop (beam, 0, 0xFFF8E1, 0.55);
  add_stop (beam, 1, 0xFFF8E1, 0);
  cairo_move_to (cr, lx, ly - h * 0.04);
  cairo_line_to (cr, lx + h * 1.2, ly - h * 0.32);
  cairo_line_to (cr, lx + h * 1.2, ly + h * 0.34);
  cairo_line_to (cr, lx, ly + h * 0.04);
  cairo_close_path (cr);
  cairo_set_source (cr, beam);
  cairo_fill (cr);
  cairo_pattern_destroy (beam);

  /* the housing, the lens, the buttons */
  rounded_rect (cr, lx - h * 0.16, ly - h * 0.11, h * 0.3, h * 0.22, h * 0.05);
  cylinder_shading (cr, lx - h * 0.16, h * 0.3, 0x34383E);
  cairo_fill (cr);
  cairo_arc (cr, lx + h * 0.02, ly, h * 0.075, 0, 2 * G_PI);
  set_rgb (cr, 0x8C939B);
  cairo_fill (cr);
  cairo_arc (cr, lx + h * 0.02, ly, h * 0.06, 0, 2 * G_PI);
  set_rgb (cr, 0xFFF6D6);
  cairo_fill (cr);
  glow (cr, lx + h * 0.02, ly, h * 0.22, 0xFFF3C8, 0.9);
  rounded_rect (cr, lx - h * 0.08, ly - h * 0.14, h * 0.1, h * 0.04, h * 0.015);
  set_rgb (cr, SIGNAL_ORANGE);
  cairo_fill (cr);
  cairo_arc (cr, lx - h * 0.11, ly + h * 0.06, h * 0.012, 0, 2 * G_PI);
  set_rgb (cr, 0xE8412B);
  cairo_fill (cr);
  draw_logo (cr, symbol, &logo_reversed, lx - h * 0.14, ly + h * 0.02, h * 0.05);
}

/* ------------------------------------------------------------------ the flat lay */

/* Each thing in the flat lay is drawn around (0, 0) where it lies, @u being a hundredth of
 * the picture's short side; its shadow falls to the lower right, as under a window. */

/* The map, folded, with contours and the route. */
static void
draw_lay_map (cairo_t    *cr,
              const Logo *symbol,
              double      u)
{
  (void) symbol;

  set_rgba (cr, 0x000000, 0.22);
  cairo_rectangle (cr, -28 * u + 1.2 * u, -20 * u + 1.6 * u, 56 * u, 40 * u);
  cairo_fill (cr);
  set_rgb (cr, 0xF3EEDC);
  cairo_rectangle (cr, -28 * u, -20 * u, 56 * u, 40 * u);
  cairo_fill (cr);
  ellipse (cr, 8 * u, 6 * u, 9 * u, 5 * u);
  set_rgb (cr, 0xA9CFE0);
  cairo_fill (cr);
  cairo_set_line_width (cr, u * 0.25);
  for (int k = 1; k <= 5; k++)
    {
      set_rgba (cr, 0xA7825A, 0.6);
      ellipse (cr, -10 * u, -6 * u, 3.2 * u * k, 2.2 * u * k);
      cairo_stroke (cr);
    }
  {
    double dashes[] = { u * 1.2, u * 0.8 };

    cairo_set_dash (cr, dashes, 2, 0);
    cairo_set_line_width (cr, u * 0.5);
    set_rgb (cr, LINGONBERRY);
    cairo_move_to (cr, -24 * u, 16 * u);
    cairo_curve_to (cr, -14 * u, 4 * u, -18 * u, -4 * u, -10 * u, -6 * u);
    cairo_curve_to (cr, 0, -8 * u, 10 * u, -14 * u, 22 * u, -16 * u);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }
  cairo_set_line_width (cr, u * 0.2);
  set_rgba (cr, 0x000000, 0.15);
  for (int f = 1; f < 4; f++)
    {
      cairo_move_to (cr, -28 * u + 14 * u * f, -20 * u);
      cairo_line_to (cr, -28 * u + 14 * u * f, 20 * u);
    }
  cairo_move_to (cr, -28 * u, 0);
  cairo_line_to (cr, 28 * u, 0);
  cairo_stroke (cr);
}

/* A baseplate compass. */
static void
draw_lay_compass (cairo_t    *cr,
                  const Logo *symbol,
                  double      u)
{
  (void) symbol;

  set_rgba (cr, 0x000000, 0.2);
  rounded_rect (cr, -5 * u + 0.8 * u, -8 * u + u, 10 * u, 16 * u, u);
  cairo_fill (cr);
  set_rgba (cr, 0xE8F1F4, 0.85);
  rounded_rect (cr, -5 * u, -8 * u, 10 * u, 16 * u, u);
  cairo_fill (cr);
  cairo_arc (cr, 0, -1 * u, 4 * u, 0, 2 * G_PI);
  set_rgb (cr, 0x20252B);
  cairo_fill (cr);
  cairo_move_to (cr, 0, -4.5 * u);
  cairo_line_to (cr, 0.8 * u, -1 * u);
  cairo_line_to (cr, -0.8 * u, -1 * u);
  cairo_close_path (cr);
  set_rgb (cr, 0xE8412B);
  cairo_fill (cr);
  cairo_move_to (cr, 0, 2.5 * u);
  cairo_line_to (cr, 0.8 * u, -1 * u);
  cairo_line_to (cr, -0.8 * u, -1 * u);
  cairo_close_path (cr);
  set_rgb (cr, 0xF4F1EA);
  cairo_fill (cr);
}

/* The thermos, lying on its side. */
static void
draw_lay_thermos (cairo_t    *cr,
                  const Logo *symbol,
                  double      u)
{
  set_rgba (cr, 0x000000, 0.22);
  rounded_rect (cr, -20 * u + u, -5 * u + 1.4 * u, 40 * u, 10 * u, 4 * u);
  cairo_fill (cr);
  rounded_rect (cr, -20 * u, -5 * u, 34 * u, 10 * u, 4 * u);
  vertical_gradient (cr, -5 * u, 5 * u, mix (MOSS_GREEN, 0xFFFFFF, 0.2), 1,
                     mix (MOSS_GREEN, 0x000000, 0.3), 1);
  cairo_fill (cr);
  rounded_rect (cr, 13 * u, -4 * u, 7 * u, 8 * u, 1.5 * u);
  vertical_gradient (cr, -4 * u, 4 * u, 0x4A4E55, 1, 0x1E2024, 1);
  cairo_fill (cr);
  draw_logo (cr, symbol, &logo_reversed, -6 * u, -2 * u, 4 * u);
}

/* An enamel mug of coffee. */
static void
draw_lay_mug (cairo_t    *cr,
              const Logo *symbol,
              double      u)
{
  (void) symbol;

  set_rgba (cr, 0x000000, 0.22);
  cairo_arc (cr, u, 1.4 * u, 8 * u, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_line_width (cr, 2 * u);
  set_rgb (cr, 0xF4F1EA);
  cairo_arc (cr, 9 * u, 0, 3 * u, -G_PI / 2, G_PI / 2);
  cairo_stroke (cr);
  cairo_arc (cr, 0, 0, 8 * u, 0, 2 * G_PI);
  set_rgb (cr, FJORD_NAVY);
  cairo_fill (cr);
  cairo_arc (cr, 0, 0, 7 * u, 0, 2 * G_PI);
  set_rgb (cr, 0xF4F1EA);
  cairo_fill (cr);
  cairo_arc (cr, 0, 0, 5.8 * u, 0, 2 * G_PI);
  set_rgb (cr, 0x4B2E1E);
  cairo_fill (cr);
  cairo_arc (cr, -1.5 * u, -1.5 * u, 1.6 * u, 0, 2 * G_PI);
  set_rgba (cr, 0xFFFFFF, 0.18);
  cairo_fill (cr);
}

/* A beanie with a pompom. */
static void
draw_lay_beanie (cairo_t    *cr,
                 const Logo *symbol,
                 double      u)
{
  (void) symbol;

  set_rgba (cr, 0x000000, 0.22);
  rounded_rect (cr, -11 * u + u, -9 * u + 1.4 * u, 22 * u, 18 * u, 7 * u);
  cairo_fill (cr);
  rounded_rect (cr, -11 * u, -9 * u, 22 * u, 18 * u, 7 * u);
  set_rgb (cr, LINGONBERRY);
  cairo_fill (cr);
  cairo_set_line_width (cr, u * 0.5);
  set_rgba (cr, 0x000000, 0.18);
  for (int k = -4; k <= 4; k++)
    {
      cairo_move_to (cr, k * 2.2 * u, 3 * u);
      cairo_line_to (cr, k * 2.2 * u, 9 * u);
    }
  cairo_stroke (cr);
  cairo_arc (cr, 0, -10 * u, 4 * u, 0, 2 * G_PI);
  set_rgb (cr, 0xF4F1EA);
  cairo_fill (cr);
}

/* The head torch from above. */
static void
draw_lay_head_torch (cairo_t    *cr,
                     const Logo *symbol,
                     double      u)
{
  (void) symbol;

  set_rgba (cr, 0x000000, 0.2);
  cairo_set_line_width (cr, 2.6 * u);
  ellipse (cr, u, 1.2 * u, 11 * u, 7 * u);
  cairo_stroke (cr);
  set_rgb (cr, 0x1B1E23);
  ellipse (cr, 0, 0, 11 * u, 7 * u);
  cairo_stroke (cr);
  rounded_rect (cr, -4 * u, 4 * u, 8 * u, 5.5 * u, 1.5 * u);
  set_rgb (cr, 0x34383E);
  cairo_fill (cr);
  rounded_rect (cr, -1.8 * u, 3.3 * u, 3.6 * u, 1.2 * u, 0.5 * u);
  set_rgb (cr, SIGNAL_ORANGE);
  cairo_fill (cr);
}

/* Sunglasses. */
static void
draw_lay_sunglasses (cairo_t    *cr,
                     const Logo *symbol,
                     double      u)
{
  (void) symbol;

  set_rgba (cr, 0x000000, 0.2);
  ellipse (cr, -4.2 * u + 0.8 * u, 1.2 * u, 4 * u, 3 * u);
  ellipse (cr, 4.2 * u + 0.8 * u, 1.2 * u, 4 * u, 3 * u);
  cairo_fill (cr);
  set_rgb (cr, 0x1E2A36);
  ellipse (cr, -4.2 * u, 0, 4 * u, 3 * u);
  ellipse (cr, 4.2 * u, 0, 4 * u, 3 * u);
  cairo_fill (cr);
  cairo_set_line_width (cr, 0.7 * u);
  cairo_move_to (cr, -0.6 * u, -1 * u);
  cairo_line_to (cr, 0.6 * u, -1 * u);
  cairo_move_to (cr, -8 * u, -1 * u);
  cairo_line_to (cr, -9 * u, -8 * u);
  cairo_move_to (cr, 8 * u, -1 * u);
  cairo_line_to (cr, 9 * u, -8 * u);
  cairo_stroke (cr);
  set_rgba (cr, 0xFFFFFF, 0.25);
  ellipse (cr, -5.2 * u, -1 * u, 1.4 * u, 0.7 * u);
  ellipse (cr, 3.2 * u, -1 * u, 1.4 * u, 0.7 * u);
  cairo_fill (cr);
}

/* A notebook with its band. */
static void
draw_lay_notebook (cairo_t    *cr,
                   const Logo *symbol,
                   double      u)
{
  (void) symbol;

  set_rgba (cr, 0x000000, 0.22);
  rounded_rect (cr, -7 * u + u, -10 * u + 1.4 * u, 14 * u, 20 * u, u);
  cairo_fill (cr);
  rounded_rect (cr, -7 * u, -10 * u, 14 * u, 20 * u, u);
  set_rgb (cr, CLOUDBERRY);
  cairo_fill (cr);
  cairo_rectangle (cr, 4 * u, -10 * u, 1 * u, 20 * u);
  set_rgb (cr, GRANITE);
  cairo_fill (cr);
}

/* Pine boards: six planks with a dark joint and a little grain. */
static void
paint_boards (cairo_t *cr,
              double   width,
              double   height,
              double   u)
{
  static const guint32 planks[] = { 0xC8A77E, 0xBF9C72, 0xCDAE86, 0xC3A177, 0xC9A57B, 0xBE9A70 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (211);

  for (guint i = 0; i < G_N_ELEMENTS (planks); i++)
    {
      double x = width * i / G_N_ELEMENTS (planks);

      set_rgb (cr, planks[i]);
      cairo_rectangle (cr, x, 0, width / G_N_ELEMENTS (planks), height);
      cairo_fill (cr);
      set_rgba (cr, 0x5A3E22, 0.5);
      cairo_rectangle (cr, x, 0, u * 0.25, height);
      cairo_fill (cr);
      cairo_set_line_width (cr, u * 0.15);
      for (int g = 0; g < 4; g++)
        {
          double gx = x + g_rand_double_range (rand, 0.15, 0.85) * width / G_N_ELEMENTS (planks);

          set_rgba (cr, 0x7A5532, 0.18);
          cairo_move_to (cr, gx, 0);
          cairo_curve_to (cr, gx + u * 2, height * 0.3, gx - u * 2, height * 0.6, gx + u, height);
          cairo_stroke (cr);
        }
    }
}

/* What a day hike needs, laid out on the boards and seen from above. */
static void
paint_flat_lay (cairo_t *cr,
                Logo    *symbol,
                double   width,
                double   height)
{
  static const struct
  {
    void   (*draw) (cairo_t *cr, const Logo *symbol, double u);
    double   x, y;                /* fractions of the picture */
    double   angle;               /* radians */
  } things[] = {
    { draw_lay_map, 0.3, 0.36, -0.08 },
    { draw_lay_compass, 0.42, 0.52, 0.3 },
    { draw_lay_thermos, 0.74, 0.26, 0.12 },
    { draw_lay_mug, 0.76, 0.62, 0 },
    { draw_lay_beanie, 0.16, 0.76, -0.25 },
    { draw_lay_head_torch, 0.5, 0.8, 0 },
    { draw_lay_sunglasses, 0.86, 0.86, -0.15 },
    { draw_lay_notebook, 0.1, 0.3, 0.1 },
  };
  double u = MIN (width, height) / 100;

  paint_boards (cr, width, height, u);
  for (guint i = 0; i < G_N_ELEMENTS (things); i++)
    {
      cairo_save (cr);
      cairo_translate (cr, width * things[i].x, height * things[i].y);
      if (things[i].angle != 0)
        cairo_rotate (cr, things[i].angle);
      things[i].draw (cr, symbol, u);
      cairo_restore (cr);
    }
}

static void
paint_product (MopsDemoArt     *art,
               cairo_t         *cr,
               MopsDemoProduct  product,
               double           width,
               double           height)
{
  Logo symbol;
  double size = MIN (width, height);

  logo_build (art, FALSE, FALSE, &symbol);
  switch (product)
    {
    case MOPS_DEMO_PRODUCT_BACKPACK:
      paint_studio (cr, width, height, 0xF3EEE4, 0xC9BFAE);
      draw_backpack (art, cr, &symbol, width / 2, height * 0.86, size * 0.72, 0x1F4A6E);
      break;
    case MOPS_DEMO_PRODUCT_JACKET:
      paint_studio (cr, width, height, 0xEEF1F3, 0xB7C0C8);
      draw_jacket (cr, &symbol, width / 2, height * 0.88, size * 0.78, 0xD9531E);
      break;
    case MOPS_DEMO_PRODUCT_BOTTLE:
      paint_studio (cr, width, height, 0xF1EFE6, 0xBFC4B2);
      draw_bottle (art, cr, &symbol, width * 0.45, height * 0.86, size * 0.7);
      break;
    case MOPS_DEMO_PRODUCT_BACKPACK_MOSS:
      paint_studio (cr, width, height, 0xEDEFE8, 0xB9C0AE);
      draw_backpack (art, cr, &symbol, width / 2, height * 0.86, size * 0.72, 0x3F6A4B);
      break;
    case MOPS_DEMO_PRODUCT_JACKET_GLACIER:
      paint_studio (cr, width, height, 0xF4F1EA, 0xC8BFB0);
      draw_jacket (cr, &symbol, width / 2, height * 0.88, size * 0.78, 0x5E95B8);
      break;
    case MOPS_DEMO_PRODUCT_DOWN_JACKET:
      paint_studio (cr, width, height, 0xF2EFE9, 0xC2BCB0);
      draw_down_jacket (cr, &symbol, width / 2, height * 0.9, size * 0.8, MOSS_GREEN);
      break;
    case MOPS_DEMO_PRODUCT_TENT:
      paint_studio (cr, width, height, 0xEEF0F2, 0xB5BDC4);
      draw_tent_product (cr, &symbol, width / 2, height * 0.8, size * 0.7, SIGNAL_ORANGE);
      break;
    case MOPS_DEMO_PRODUCT_BOOTS:
      paint_studio (cr, width, height, 0xF0ECE4, 0xC4B8A6);
      draw_boots (cr, &symbol, width * 0.46, height * 0.8, size * 0.6);
      break;
    case MOPS_DEMO_PRODUCT_STEEL_BOTTLES:
      paint_studio (cr, width, height, 0xEAF0F3, 0xAFBDC6);
      draw_steel_bottle (cr, &symbol, width * 0.4, height * 0.86, size * 0.66, FJORD_NAVY);
      draw_steel_bottle (cr, &symbol, width * 0.6, height * 0.88, size * 0.6, GLACIER_BLUE);
      break;
    case MOPS_DEMO_PRODUCT_HEADLAMP:
      paint_studio (cr, width, height, 0x3A414A, 0x101216);
      draw_headlamp (cr, &symbol, width * 0.42, height * 0.8, size * 0.6);
      break;
    case MOPS_DEMO_PRODUCT_FLAT_LAY:
    default:
      paint_flat_lay (cr, &symbol, width, height);
      break;
    }
  logo_clear (&symbol);
}

gboolean
mops_demo_art_product_png (MopsDemoArt      *art,
                           MopsDemoProduct   product,
                           int               width,
                           int               height,
                           const char       *path,
                           GError          **error)
{
  cairo_surface_t *recording;
  cairo_t *cr = begin_png (width, height, &recording);

  paint_product (art, cr, product, width, height);

  return finish_png (art, cr, recording, CAIRO_FORMAT_RGB24, path, error);
}

/* ------------------------------------------------------------------ posts and banners */

static void
paint_scene (cairo_t       *cr,
             MopsDemoScene  scene,
             double         x,
             double         y,
             double         width,
             double         height)
{
  Landscape landscape;

  landscape_for_scene (scene, &landscape);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  paint_landscape (cr, &landscape, width, height);
  cairo_restore (cr);
}

static double
pill_width (MopsDemoArt *art,
            cairo_t     *cr,
            double       font_size,
            const char  *label)
{
  TextStyle style = { FONT_SANS, PANGO_WEIGHT_BOLD, font_size, 0, 1, font_size * 0.04, 0,
                      PANGO_ALIGN_LEFT };

  return measure_text (art, cr, &style, label) + 2.2 * font_size;
}

static void
draw_pill (MopsDemoArt *art,
           cairo_t     *cr,
           double       x,
           double       y,
           double       font_size,
           guint32      fill,
           guint32      ink,
           const char  *label)
{
  TextStyle style = { FONT_SANS, PANGO_WEIGHT_BOLD, font_size, ink, 1, font_size * 0.04, 0,
                      PANGO_ALIGN_LEFT };
  double text_width = measure_text (art, cr, &style, label);
  double pad = font_size * 1.1;
  double h = font_size * 2.6;

  rounded_rect (cr, x, y, text_width + 2 * pad, h, h / 2);
  set_rgb (cr, fill);
  cairo_fill (cr);
  show_text (art, cr, &style, x + pad, y + (h - font_size * 1.17) / 2, -1, label);
}

static void
darken_band (cairo_t *cr,
             double   x0,
             double   y0,
             double   x1,
             double   y1,
             double   alpha)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (x0, y0, x1, y1);
  double left, top, right, bottom;

  /* past its end line the band is clear, so only the rest is painted (whole pixels, to
   * leave the others exactly as they were) */
  cairo_clip_extents (cr, &left, &top, &right, &bottom);
  if (x0 == x1 && y1 > y0)
    bottom = MIN (bottom, (int) y1 + 1);
  else if (x0 == x1)
    top = MAX (top, (int) y1);
  else if (y0 == y1 && x1 > x0)
    right = MIN (right, (int) x1 + 1);
  else if (y0 == y1)
    left = MAX (left, (int) x1);

  add_stop (pattern, 0, 0x0B1A28, alpha);
  add_stop (pattern, 1, 0x0B1A28, 0);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, left, top, right - left, bottom - top);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

/* The season launch tile: the lake, a headline, the logo and a button. */
static void
paint_season_square (MopsDemoArt *art,
                    cairo_t     *cr,
                    const Logo  *logo,
                    double       width,
                    double       height)
{
  double u = MIN (width, height) / 100;   /* one percent of the short side */
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 9.5 * u, 0xFFFFFF, 1, -0.2 * u, 0.95,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.6 * u, 0xFFFFFF, 0.92, 0, 0,
                    PANGO_ALIGN_LEFT };
  g_autofree char *season_line = g_strdup_printf ("The %s collection is here. Built in "
                                                  "Bergen, tested on every ridge between.",
                                                  mops_demo_season_name (&art->today));
  double y = 9 * u;

  paint_scene (cr, MOPS_DEMO_SCENE_ALPINE_LAKE, 0, 0, width, height);
  darken_band (cr, 0, 0, 0, height * 0.6, 0.7);
  y += show_text (art, cr, &head, 8 * u, y, width - 16 * u, "Find your\nwind.");
  show_text (art, cr, &sub, 8 * u, y + 3 * u, width * 0.62, season_line);
  draw_logo (cr, logo, &logo_reversed, 8 * u, height - 13 * u, 5.5 * u);
  draw_pill (art, cr, width - 8 * u - pill_width (art, cr, 3.2 * u, "Shop the collection"),
             height - 14.7 * u, 3.2 * u, SIGNAL_ORANGE, 0xFFFFFF, "Shop the collection");
}

/* The launch tile: the pack in the studio under the headline. */
static void
paint_launch_portrait (MopsDemoArt *art,
                      cairo_t     *cr,
                      const Logo  *logo,
                      double       width,
                      double       height)
{
  double u = MIN (width, height) / 100;   /* one percent of the short side */
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 3.0 * u, SIGNAL_ORANGE, 1, 0.5 * u,
                       0, PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 9 * u, FJORD_NAVY, 1, -0.2 * u, 0,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.6 * u, GRANITE, 1, 0, 0,
                    PANGO_ALIGN_LEFT };
  double y = 16 * u;

  cairo_save (cr);
  cairo_translate (cr, 0, height * 0.2);
  paint_product (art, cr, MOPS_DEMO_PRODUCT_BACKPACK, width, height * 0.8);
  cairo_restore (cr);
  vertical_gradient (cr, 0, height * 0.42, 0xF3EEE4, 1, 0xF3EEE4, 0);
  cairo_rectangle (cr, 0, 0, width, height * 0.42);
  cairo_fill (cr);
  set_rgb (cr, 0xF3EEE4);
  cairo_rectangle (cr, 0, 0, width, height * 0.2);
  cairo_fill (cr);

  draw_logo (cr, logo, &logo_colour, 8 * u, 6 * u, 4.5 * u);
  y += show_text (art, cr, &kicker, 8 * u, y, -1, "NEW · PRE-ORDER NOW");
  y += show_text (art, cr, &head, 8 * u, y + 1 * u, -1, "Trail Runner X");
  show_text (art, cr, &sub, 8 * u, y + 2 * u, width - 16 * u,
             "30 litres. 980 grams. Zero compromise.");
  draw_pill (art, cr, 8 * u, height - 16 * u, 3.2 * u, FJORD_NAVY, 0xFFFFFF,
             "Reserve yours");
}

/* A navy panel with the message beside the winter ridge. */
static void
paint_linkedin_banner (MopsDemoArt *art,
                      cairo_t     *cr,
                      const Logo  *logo,
                      double       width,
                      double       height)
{
  double u = MIN (width, height) / 100;   /* one percent of the short side */
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 8.6 * u, 0xFFFFFF, 1, -0.15 * u, 0.95,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.4 * u, 0xDCE6EE, 1, 0, 1.1,
                    PANGO_ALIGN_LEFT };
  double panel = width * 0.5;
  double y = 17 * u;

  paint_scene (cr, MOPS_DEMO_SCENE_WINTER_RIDGE, width * 0.35, 0, width * 0.65, height);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, panel + 12 * u, 0);
  cairo_line_to (cr, panel - 6 * u, height);
  cairo_line_to (cr, 0, height);
  cairo_close_path (cr);
  set_rgb (cr, FJORD_NAVY);
  cairo_fill (cr);
  cairo_move_to (cr, panel + 12 * u, 0);
  cairo_line_to (cr, panel + 15 * u, 0);
  cairo_line_to (cr, panel - 3 * u, height);
  cairo_line_to (cr, panel - 6 * u, height);
  cairo_close_path (cr);
  set_rgb (cr, SIGNAL_ORANGE);
  cairo_fill (cr);

  draw_logo (cr, logo, &logo_reversed, 7 * u, 7 * u, 4.2 * u);
  y += show_text (art, cr, &head, 7 * u, y, panel - 12 * u, "Recycled down,\nfully traced.");
  show_text (art, cr, &sub, 7 * u, y + 4 * u, panel - 16 * u,
             "Every insulated piece in our range now uses certified recycled down. "
             "Follow each batch from the sorting line in Tallinn to your summit.");
}

/* The home page hero: the fjord at sunrise with navigation and a call to action. */
static void
paint_web_hero (MopsDemoArt *art,
               cairo_t     *cr,
               const Logo  *logo,
               double       width,
               double       height)
{
  double u = MIN (width, height) / 100;   /* one percent of the short side */
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 10 * u, 0xFFFFFF, 1, -0.2 * u, 0.95,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 2.9 * u, 0xFFFFFF, 0.92, 0, 1.2,
                    PANGO_ALIGN_LEFT };
  TextStyle nav = { FONT_SANS, PANGO_WEIGHT_BOLD, 1.9 * u, 0xFFFFFF, 0.95, 0.1 * u, 0,
                    PANGO_ALIGN_LEFT };
  static const char *const items[] = { "Jackets", "Backpacks", "Camp", "Stories" };
  double y = height * 0.38;
  double x = width - 60 * u;

  paint_scene (cr, MOPS_DEMO_SCENE_FJORD_SUNRISE, 0, 0, width, height);
  darken_band (cr, 0, 0, width * 0.7, 0, 0.62);
  darken_band (cr, 0, 0, 0, height * 0.16, 0.45);
  draw_logo (cr, logo, &logo_reversed, 6 * u, 5 * u, 4 * u);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      show_text (art, cr, &nav, x, 6 * u, -1, items[i]);
      x += measure_text (art, cr, &nav, items[i]) + 5 * u;
    }
  y += show_text (art, cr, &head, 6 * u, y, width * 0.55, "Made for the\nlong way round.");
  y += show_text (art, cr, &sub, 6 * u, y + 3 * u, width * 0.4,
                  "Shells, layers and packs designed on the west coast of Norway, "
                  "for days that start before sunrise.");
  draw_pill (art, cr, 6 * u, y + 8 * u, 2.4 * u, SIGNAL_ORANGE, 0xFFFFFF,
             "Explore the collection");
}

/* The newsletter header: a serif title beside a round window on the forest trail. */
static void
paint_newsletter_header (MopsDemoArt *art,
                        cairo_t     *cr,
                        const Logo  *logo,
                        double       width,
                        double       height)
{
  double u = MIN (width, height) / 100;   /* one percent of the short side */
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 2.8 * u, SIGNAL_ORANGE, 1, 0.5 * u,
                       0, PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SERIF, PANGO_WEIGHT_BOLD, 10 * u, FJORD_NAVY, 1, -0.2 * u, 0,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.3 * u, GRANITE, 1, 0, 1.15,
                    PANGO_ALIGN_LEFT };
  double cx = width * 0.76;
  double cy = height * 0.5;
  double r = height * 0.4;
  double y = 18 * u;

  set_rgb (cr, BIRCH_WHITE);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_clip (cr);
  paint_scene (cr, MOPS_DEMO_SCENE_FOREST_TRAIL, cx - r * 1.5, cy - r, r * 3, r * 2);
  cairo_restore (cr);
  cairo_set_line_width (cr, 1.2 * u);
  set_rgb (cr, SIGNAL_ORANGE);
  cairo_arc (cr, cx, cy, r + 2.2 * u, G_PI * 0.6, G_PI * 1.25);
  cairo_stroke (cr);

  draw_logo (cr, logo, &logo_colour, 7 * u, 7 * u, 5 * u);
  y += show_text (art, cr, &kicker, 7 * u, y, -1, "EVERY TUESDAY");
  y += show_text (art, cr, &head, 7 * u, y + 1 * u, -1, "The Trail Letter");
  show_text (art, cr, &sub, 7 * u, y + 3 * u, width * 0.46,
             "Routes, repairs and small stories from the Fjellvind team "
             "— straight to your inbox.");
}

static const char *const weekday_names[] = {
  NULL, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

/* Today + @days as "Saturday 12 December" (with @weekday) or "12 December". */
static char *
format_event_day (MopsDemoArt *art,
                  int          days,
                  gboolean     weekday)
{
  GDate date = art->today;

  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&date, (guint) -days);

  if (weekday)
    return g_strdup_printf ("%s %u %s", weekday_names[g_date_get_weekday (&date)],
                            g_date_get_day (&date), month_names[g_date_get_month (&date) - 1]);
  return g_strdup_printf ("%u %s", g_date_get_day (&date),
                          month_names[g_date_get_month (&date) - 1]);
}

/* A code to scan that looks like one: finder squares in three corners, modules between. */
static void
draw_scan_code (cairo_t *cr,
                double   x,
                double   y,
                double   size,
                guint32  seed,
                guint32  ink,
                guint32  paper)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const int n = 25;
  double m = size / (n + 2);

  set_rgb (cr, paper);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  set_rgb (cr, ink);
  for (int row = 0; row < n; row++)
    for (int col = 0; col < n; col++)
      {
        gboolean finder = (row < 8 && col < 8) || (row < 8 && col >= n - 8) ||
                          (row >= n - 8 && col < 8);

        if (!finder && g_rand_boolean (rand))
          cairo_rectangle (cr, x + m * (col + 1), y + m * (row + 1), m, m);
      }
  cairo_fill (cr);
  for (int f = 0; f < 3; f++)
    {
      double fx = x + m * (f == 1 ? n - 6 : 1), fy = y + m * (f == 2 ? n - 6 : 1);

      cairo_rectangle (cr, fx, fy, 7 * m, 7 * m);
      cairo_rectangle (cr, fx + m, fy + 6 * m, 5 * m, -5 * m);
      cairo_fill (cr);
      cairo_rectangle (cr, fx + 2 * m, fy + 2 * m, 3 * m, 3 * m);
      cairo_fill (cr);
    }
}

/* The Instagram story counting down to the launch, over the lookbook's ridge runner. */
static void
paint_launch_story (MopsDemoArt *art,
                    cairo_t     *cr,
                    const Logo  *logo,
                    double       width,
                    double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 3.6 * u, 0xFFFFFF, 0.95, 0.9 * u, 0,
                       PANGO_ALIGN_CENTER };
  TextStyle big = { FONT_SANS, PANGO_WEIGHT_BOLD, 38 * u, 0xFFFFFF, 1, -1 * u, 0.9,
                    PANGO_ALIGN_CENTER };
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 8 * u, 0xFFFFFF, 1, -0.2 * u, 0,
                     PANGO_ALIGN_CENTER };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 4 * u, 0xFFFFFF, 0.92, 0, 1.15,
                    PANGO_ALIGN_CENTER };
  double y = height * 0.08;
  double pill = pill_width (art, cr, 3.6 * u, "Reserve yours");

  paint_scene (cr, MOPS_DEMO_SCENE_RIDGE_RUNNER, 0, 0, width, height);
  darken_band (cr, 0, 0, 0, height * 0.45, 0.55);
  darken_band (cr, 0, height, 0, height * 0.7, 0.75);

  draw_logo (cr, logo, &logo_reversed, (width - logo_width_for_height (logo, 5 * u)) / 2, 8 * u,
             5 * u);
  y += show_text (art, cr, &kicker, 0, y, width, "TRAIL RUNNER X");
  y += show_text (art, cr, &big, 0, y, width, "3");
  show_text (art, cr, &head, 0, y - 3 * u, width, "days to go");

  y = height * 0.78;
  y += show_text (art, cr, &sub, 10 * u, y, width - 20 * u,
                  "30 litres, 980 grams. Pre-order now — ships in two weeks.");
  draw_pill (art, cr, (width - pill) / 2, y + 4 * u, 3.6 * u, SIGNAL_ORANGE, 0xFFFFFF,
             "Reserve yours");
  cairo_set_line_width (cr, 0.8 * u);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_rgba (cr, 0xFFFFFF, 0.85);
  cairo_move_to (cr, width / 2 - 3 * u, height - 5 * u);
  cairo_line_to (cr, width / 2, height - 8 * u);
  cairo_line_to (cr, width / 2 + 3 * u, height - 5 * u);
  cairo_stroke (cr);
}

/* Recycled down: a moss panel with the claim beside the down jacket. */
static void
paint_down_square (MopsDemoArt *art,
                   cairo_t     *cr,
                   const Logo  *logo,
                   double       width,
                   double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 2.4 * u, CLOUDBERRY, 1, 0.3 * u, 0,
                       PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SERIF, PANGO_WEIGHT_BOLD, 6.6 * u, BIRCH_WHITE, 1, -0.15 * u, 0.95,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.1 * u, 0xE4EDE6, 1, 0, 1.15,
                    PANGO_ALIGN_LEFT };
  double panel = width * 0.5;
  double y = 20 * u;
  Logo symbol;

  paint_studio (cr, width, height, 0xF2EFE9, 0xC2BCB0);
  logo_build (art, FALSE, FALSE, &symbol);
  draw_down_jacket (cr, &symbol, width * 0.75, height * 0.8, height * 0.52, FJORD_NAVY);
  logo_clear (&symbol);

  set_rgb (cr, MOSS_GREEN);
  cairo_rectangle (cr, 0, 0, panel, height);
  cairo_fill (cr);
  draw_logo (cr, logo, &logo_reversed, 7 * u, 7 * u, 4 * u);
  y += show_text (art, cr, &kicker, 7 * u, y, panel - 12 * u, "RECYCLED DOWN PROGRAMME");
  y += show_text (art, cr, &head, 7 * u, y + 2 * u, panel - 12 * u,
                  "Warmth without a new bird.");
  show_text (art, cr, &sub, 7 * u, y + 5 * u, panel - 14 * u,
             "38 styles on certified recycled down, traced batch by batch.");
  draw_pill (art, cr, 7 * u, height - 15 * u, 2.8 * u, BIRCH_WHITE, MOSS_GREEN,
             "Look up your batch");
}

/* The Facebook event cover for the members' weekend in Hardanger. */
static void
paint_members_cover (MopsDemoArt *art,
                     cairo_t     *cr,
                     const Logo  *logo,
                     double       width,
                     double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 3 * u, CLOUDBERRY, 1, 0.5 * u, 0,
                       PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 9 * u, 0xFFFFFF, 1, -0.2 * u, 0.95,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.4 * u, 0xFFFFFF, 0.92, 0, 0,
                    PANGO_ALIGN_LEFT };
  TextStyle chip_month = { FONT_SANS, PANGO_WEIGHT_BOLD, 3.4 * u, LINGONBERRY, 1, 0.4 * u, 0,
                           PANGO_ALIGN_CENTER };
  TextStyle chip_days = { FONT_SANS, PANGO_WEIGHT_BOLD, 7 * u, FJORD_NAVY, 1, -0.2 * u, 0,
                          PANGO_ALIGN_CENTER };
  GDate first = art->today, second;
  g_autofree char *month = NULL;
  g_autofree char *days = NULL;
  double y = 22 * u;
  double chip = 22 * u;

  g_date_subtract_days (&first, 20);
  second = first;
  g_date_add_days (&second, 1);
  month = g_ascii_strup (month_names[g_date_get_month (&first) - 1], 3);
  days = g_strdup_printf ("%u–%u", g_date_get_day (&first), g_date_get_day (&second));

  paint_scene (cr, MOPS_DEMO_SCENE_SPRING_WATERFALL, 0, 0, width, height);
  darken_band (cr, 0, 0, width * 0.65, 0, 0.75);
  draw_logo (cr, logo, &logo_reversed, 7 * u, 8 * u, 4.2 * u);
  y += show_text (art, cr, &kicker, 7 * u, y, -1, "MEMBERS' WEEKEND");
  y += show_text (art, cr, &head, 7 * u, y + 2 * u, width * 0.6, "Two days in\nHardanger");
  show_text (art, cr, &sub, 7 * u, y + 4 * u, width * 0.55,
             "Hikes, repairs and a film night · 120 places");

  rounded_rect (cr, width - chip - 7 * u, 8 * u, chip, chip, 2.5 * u);
  set_rgb (cr, 0xFFFFFF);
  cairo_fill (cr);
  show_text (art, cr, &chip_month, width - chip - 7 * u, 11 * u, chip, month);
  show_text (art, cr, &chip_days, width - chip - 7 * u, 15.5 * u, chip, days);
}

/* A poster for the free trail running meetup on Fløyen. */
static void
paint_meetup_poster (MopsDemoArt *art,
                     cairo_t     *cr,
                     const Logo  *logo,
                     double       width,
                     double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 2.8 * u, SIGNAL_ORANGE, 1, 0.6 * u, 0,
                       PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 9.5 * u, 0xFFFFFF, 1, -0.3 * u, 0.92,
                     PANGO_ALIGN_LEFT };
  TextStyle line = { FONT_SANS, PANGO_WEIGHT_BOLD, 3.6 * u, 0xFFFFFF, 1, 0, 0,
                     PANGO_ALIGN_LEFT };
  TextStyle body = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.1 * u, 0xDCE6EE, 1, 0, 1.15,
                     PANGO_ALIGN_LEFT };
  g_autofree char *when = format_event_day (art, 18, TRUE);
  g_autofree char *when_line = g_strdup_printf ("%s · 10:00", when);
  double split = height * 0.56;
  double y = split + 8 * u;

  paint_scene (cr, MOPS_DEMO_SCENE_RIDGE_RUNNER, 0, 0, width, split + 6 * u);
  cairo_move_to (cr, 0, split + 4 * u);
  cairo_line_to (cr, width, split - 6 * u);
  cairo_line_to (cr, width, height);
  cairo_line_to (cr, 0, height);
  cairo_close_path (cr);
  set_rgb (cr, FJORD_NAVY);
  cairo_fill (cr);
  cairo_move_to (cr, 0, split + 4 * u);
  cairo_line_to (cr, width, split - 6 * u);
  cairo_line_to (cr, width, split - 4.8 * u);
  cairo_line_to (cr, 0, split + 5.2 * u);
  cairo_close_path (cr);
  set_rgb (cr, SIGNAL_ORANGE);
  cairo_fill (cr);

  draw_logo (cr, logo, &logo_reversed, 7 * u, 7 * u, 4.5 * u);
  y += show_text (art, cr, &kicker, 7 * u, y, -1, "FREE MEETUP · ALL PACES WELCOME");
  y += show_text (art, cr, &head, 7 * u, y + 2 * u, width - 14 * u, "Trail running\nmeetup");
  y += 5 * u;
  y += show_text (art, cr, &line, 7 * u, y, -1, when_line);
  y += show_text (art, cr, &line, 7 * u, y + 1 * u, -1, "Fløyen, Bergen");
  show_text (art, cr, &body, 7 * u, y + 4 * u, width * 0.56,
             "Two loops, 6 and 12 km. Test the Trail Runner X; coffee after. Sign up with the "
             "code.");
  draw_scan_code (cr, width - 27 * u, height - 27 * u, 20 * u, 0x51, FJORD_NAVY, 0xFFFFFF);
}

/* Film night with the mountain film festival: the starry lake behind a film strip. */
static void
paint_film_poster (MopsDemoArt *art,
                   cairo_t     *cr,
                   const Logo  *logo,
                   double       width,
                   double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 2.8 * u, CLOUDBERRY, 1, 0.7 * u, 0,
                       PANGO_ALIGN_CENTER };
  TextStyle head = { FONT_SERIF, PANGO_WEIGHT_BOLD, 17 * u, BIRCH_WHITE, 1, -0.3 * u, 0.9,
                     PANGO_ALIGN_CENTER };
  TextStyle line = { FONT_SANS, PANGO_WEIGHT_BOLD, 3.6 * u, 0xFFFFFF, 1, 0, 0,
                     PANGO_ALIGN_CENTER };
  TextStyle body = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3 * u, 0xC9D2E0, 1, 0, 1.2,
                     PANGO_ALIGN_CENTER };
  g_autofree char *when = format_event_day (art, 33, TRUE);
  g_autofree char *when_line = g_strdup_printf ("%s · 19:30", when);
  double strip = 9 * u;
  double y = height * 0.16;

  paint_scene (cr, MOPS_DEMO_SCENE_STARRY_LAKE, 0, 0, width, height);
  darken_band (cr, 0, 0, 0, height * 0.55, 0.5);
  for (int side = 0; side < 2; side++)
    {
      double x = side == 0 ? 0 : width - strip;

      set_rgb (cr, 0x0A0C10);
      cairo_rectangle (cr, x, 0, strip, height);
      cairo_fill (cr);
      set_rgb (cr, 0xE9E4DA);
      for (double py = u * 2; py < height; py += 6 * u)
        {
          rounded_rect (cr, x + strip * 0.3, py, strip * 0.4, 3 * u, 0.6 * u);
          cairo_fill (cr);
        }
    }

  y += show_text (art, cr, &kicker, 0, y, width, "BERGEN MOUNTAIN FILM FESTIVAL × FJELLVIND");
  y += show_text (art, cr, &head, 0, y + 3 * u, width, "Film\nnight");
  y += show_text (art, cr, &line, 0, y + 6 * u, width, when_line);
  y += show_text (art, cr, &line, 0, y + 7.5 * u, width, "Kinoteket, Bergen");
  show_text (art, cr, &body, width * 0.2, y + 12 * u, width * 0.6,
             "Five short films about long journeys, a talk with the crew of “Polar Night”, "
             "and a raffle for a Fjellvind tent.");
  draw_logo (cr, logo, &logo_reversed, (width - logo_width_for_height (logo, 4 * u)) / 2,
             height - 11 * u, 4 * u);
}

/* The repair café tour: a needle whose thread draws a ridge over a patch, four stops. */
static void
paint_repair_poster (MopsDemoArt *art,
                     cairo_t     *cr,
                     const Logo  *logo,
                     double       width,
                     double       height)
{
  static const struct { const char *city; int days; } stops[] = {
    { "Bergen", 40 }, { "Oslo", 47 }, { "Trondheim", 54 }, { "Stavanger", 61 },
  };
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 2.8 * u, SIGNAL_ORANGE, 1, 0.6 * u, 0,
                       PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 11 * u, FJORD_NAVY, 1, -0.3 * u, 0.92,
                     PANGO_ALIGN_LEFT };
  TextStyle body = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.4 * u, GRANITE, 1, 0, 1.2,
                     PANGO_ALIGN_LEFT };
  TextStyle city = { FONT_SANS, PANGO_WEIGHT_BOLD, 3.6 * u, FJORD_NAVY, 1, 0, 0,
                     PANGO_ALIGN_LEFT };
  TextStyle date = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.6 * u, GRANITE, 1, 0, 0,
                     PANGO_ALIGN_RIGHT };
  double dashes[] = { 2.4 * u, 1.6 * u };
  double y = height * 0.5;

  set_rgb (cr, BIRCH_WHITE);
  cairo_paint (cr);

  /* the patch, stitched on */
  rounded_rect (cr, width * 0.2, height * 0.1, width * 0.6, height * 0.3, 4 * u);
  set_rgb (cr, GLACIER_BLUE);
  cairo_fill (cr);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_set_line_width (cr, 0.7 * u);
  set_rgb (cr, 0xFFFFFF);
  rounded_rect (cr, width * 0.2 + 2.5 * u, height * 0.1 + 2.5 * u, width * 0.6 - 5 * u,
                height * 0.3 - 5 * u, 3 * u);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* the thread draws two peaks and runs to the needle */
  cairo_set_line_width (cr, 1.1 * u);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_rgb (cr, SIGNAL_ORANGE);
  cairo_move_to (cr, width * 0.12, height * 0.36);
  cairo_line_to (cr, width * 0.34, height * 0.36);
  cairo_line_to (cr, width * 0.46, height * 0.2);
  cairo_line_to (cr, width * 0.54, height * 0.29);
  cairo_line_to (cr, width * 0.62, height * 0.16);
  cairo_line_to (cr, width * 0.72, height * 0.3);
  cairo_curve_to (cr, width * 0.8, height * 0.4, width * 0.9, height * 0.3, width * 0.84,
                  height * 0.16);
  cairo_stroke (cr);
  cairo_save (cr);
  cairo_translate (cr, width * 0.84, height * 0.16);
  cairo_rotate (cr, -0.6);
  rounded_rect (cr, -0.9 * u, -22 * u, 1.8 * u, 26 * u, 0.9 * u);
  vertical_gradient (cr, -22 * u, 4 * u, 0x8C939B, 1, 0xE3E6EA, 1);
  cairo_fill (cr);
  ellipse (cr, 0, -19 * u, 0.35 * u, 1.6 * u);
  set_rgb (cr, BIRCH_WHITE);
  cairo_fill (cr);
  cairo_restore (cr);

  draw_logo (cr, logo, &logo_colour, 7 * u, 5 * u, 3.6 * u);
  y += show_text (art, cr, &kicker, 7 * u, y, -1, "FREE REPAIRS · FOUR CITIES");
  y += show_text (art, cr, &head, 7 * u, y + 2 * u, width - 14 * u, "Repair café\ntour");
  y += show_text (art, cr, &body, 7 * u, y + 3 * u, width * 0.8,
                  "Bring your worn gear — any brand. We fix zips, seams and down, and show "
                  "you how.");
  y += 9 * u;
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      g_autofree char *when = format_event_day (art, stops[i].days, FALSE);

      cairo_set_line_width (cr, 0.2 * u);
      set_rgba (cr, GRANITE, 0.35);
      cairo_move_to (cr, 7 * u, y + 6 * u);
      cairo_line_to (cr, width - 7 * u, y + 6 * u);
      cairo_stroke (cr);
      show_text (art, cr, &city, 7 * u, y, -1, stops[i].city);
      show_text (art, cr, &date, width * 0.5, y, width * 0.5 - 7 * u, when);
      y += 8 * u;
    }
}

/* LinkedIn: the job ad, peaks drawn in outline on the navy. */
static void
paint_hiring_banner (MopsDemoArt *art,
                     cairo_t     *cr,
                     const Logo  *logo,
                     double       width,
                     double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 3.2 * u, SIGNAL_ORANGE, 1, 0.6 * u, 0,
                       PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 10 * u, 0xFFFFFF, 1, -0.2 * u, 0,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.6 * u, 0xDCE6EE, 1, 0, 1.15,
                    PANGO_ALIGN_LEFT };
  g_autofree char *by = format_event_day (art, 21, FALSE);
  g_autofree char *apply = g_strdup_printf ("Apply by %s", by);
  double y = 24 * u;

  set_rgb (cr, FJORD_NAVY);
  cairo_paint (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  for (int k = 0; k < 5; k++)
    {
      double x0 = width * 0.52 + k * 5 * u, base = height + k * 6 * u;

      cairo_set_line_width (cr, 0.6 * u);
      set_rgba (cr, GLACIER_BLUE, 0.55 - 0.09 * k);
      cairo_move_to (cr, x0, base);
      cairo_line_to (cr, x0 + width * 0.14, height * 0.3 + k * 6 * u);
      cairo_line_to (cr, x0 + width * 0.22, height * 0.48 + k * 6 * u);
      cairo_line_to (cr, x0 + width * 0.32, height * 0.12 + k * 6 * u);
      cairo_line_to (cr, x0 + width * 0.5, base);
      cairo_stroke (cr);
    }

  draw_logo (cr, logo, &logo_reversed, 7 * u, 8 * u, 4.2 * u);
  y += show_text (art, cr, &kicker, 7 * u, y, -1, "WE'RE HIRING");
  y += show_text (art, cr, &head, 7 * u, y + 1 * u, -1, "Content Designer");
  y += show_text (art, cr, &sub, 7 * u, y + 3 * u, width * 0.5,
                  "Bergen · full time · hybrid. Help us tell stories from the long way round.");
  draw_pill (art, cr, 7 * u, y + 8 * u, 3 * u, SIGNAL_ORANGE, 0xFFFFFF, apply);
}

/* The thermos giveaway on Cloudberry yellow. */
static void
paint_giveaway_square (MopsDemoArt *art,
                       cairo_t     *cr,
                       const Logo  *logo,
                       double       width,
                       double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 3 * u, LINGONBERRY, 1, 0.6 * u, 0,
                       PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 9 * u, FJORD_NAVY, 1, -0.2 * u, 0.95,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.4 * u, FJORD_NAVY, 0.85, 0, 1.15,
                    PANGO_ALIGN_LEFT };
  TextStyle terms = { FONT_SANS, PANGO_WEIGHT_NORMAL, 2.2 * u, FJORD_NAVY, 0.7, 0, 0,
                      PANGO_ALIGN_LEFT };
  double y = 22 * u;
  Logo symbol;

  set_rgb (cr, CLOUDBERRY);
  cairo_paint (cr);
  glow (cr, width * 0.72, height * 0.5, width * 0.45, 0xFFF3D0, 0.7);
  logo_build (art, FALSE, FALSE, &symbol);
  draw_bottle (art, cr, &symbol, width * 0.68, height * 0.86, height * 0.66);
  logo_clear (&symbol);

  draw_logo (cr, logo, &logo_colour, 7 * u, 7 * u, 4.2 * u);
  y += show_text (art, cr, &kicker, 7 * u, y, -1, "GIVEAWAY");
  y += show_text (art, cr, &head, 7 * u, y + 2 * u, width * 0.5, "Win a Fjell\nthermos");
  show_text (art, cr, &sub, 7 * u, y + 5 * u, width * 0.42,
             "Comment with your favourite winter trail. We draw the winner on Sunday.");
  show_text (art, cr, &terms, 7 * u, height - 8 * u, -1,
             "Terms at fjellvind.example/giveaway · Not sponsored by Meta");
}

/* Last year's Black Week banner: the discount week the brand stopped doing. */
static void
paint_black_week_banner (MopsDemoArt *art,
                         cairo_t     *cr,
                         const Logo  *logo,
                         double       width,
                         double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 9 * u, 0xFFFFFF, 1, 1.4 * u, 0,
                     PANGO_ALIGN_LEFT };
  TextStyle deal = { FONT_SANS, PANGO_WEIGHT_BOLD, 24 * u, SIGNAL_ORANGE, 1, -1 * u, 0,
                     PANGO_ALIGN_RIGHT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.6 * u, 0xC9CDD2, 1, 0, 0,
                    PANGO_ALIGN_LEFT };
  g_autofree char *dates = g_strdup_printf ("on last season's shells · 20–30 November %u",
                                            g_date_get_year (&art->today) - 1);
  double y = 30 * u;

  set_rgb (cr, 0x111214);
  cairo_paint (cr);
  cairo_set_line_width (cr, 3 * u);
  for (int k = 0; k < 14; k++)
    {
      set_rgba (cr, 0xFFFFFF, 0.04);
      cairo_move_to (cr, width * 0.45 + k * 8 * u, height);
      cairo_line_to (cr, width * 0.45 + k * 8 * u + height * 0.6, 0);
      cairo_stroke (cr);
    }
  draw_logo (cr, logo, &(LogoColors) { 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0 }, 7 * u,
             8 * u, 4 * u);
  y += show_text (art, cr, &head, 7 * u, y, -1, "BLACK WEEK");
  show_text (art, cr, &sub, 7 * u, y + 3 * u, width * 0.45, dates);
  show_text (art, cr, &deal, width - 7 * u - measure_text (art, cr, &deal, "−30 %"),
             height * 0.42, -1, "−30 %");
}

/* The blog header for the fjord hikes story: the lighthouse coast at dusk. */
static void
paint_blog_header (MopsDemoArt *art,
                   cairo_t     *cr,
                   const Logo  *logo,
                   double       width,
                   double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 2.8 * u, CLOUDBERRY, 1, 0.6 * u, 0,
                       PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SERIF, PANGO_WEIGHT_BOLD, 10 * u, 0xFFFFFF, 1, -0.2 * u, 0.95,
                     PANGO_ALIGN_LEFT };
  TextStyle byline = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3 * u, 0xFFFFFF, 0.85, 0, 0,
                       PANGO_ALIGN_LEFT };
  double y = 26 * u;

  paint_scene (cr, MOPS_DEMO_SCENE_LIGHTHOUSE, 0, 0, width, height);
  darken_band (cr, 0, 0, width * 0.62, 0, 0.78);
  draw_logo (cr, logo, &logo_reversed, 7 * u, 8 * u, 3.6 * u);
  y += show_text (art, cr, &kicker, 7 * u, y, -1, "STORIES · 6 MIN READ");
  y += show_text (art, cr, &head, 7 * u, y + 2 * u, width * 0.6, "5 fjord hikes\nfor short days");
  show_text (art, cr, &byline, 7 * u, y + 5 * u, -1, "By Lars Håkonsen");
}

/* The newsletter special's header: the alpine lake in a round window on glacier blue. */
static void
paint_lakes_header (MopsDemoArt *art,
                    cairo_t     *cr,
                    const Logo  *logo,
                    double       width,
                    double       height)
{
  double u = MIN (width, height) / 100;
  TextStyle kicker = { FONT_SANS, PANGO_WEIGHT_BOLD, 2.8 * u, 0xFFFFFF, 1, 0.5 * u, 0,
                       PANGO_ALIGN_LEFT };
  TextStyle head = { FONT_SERIF, PANGO_WEIGHT_BOLD, 10 * u, FJORD_NAVY, 1, -0.2 * u, 0,
                     PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 3.3 * u, FJORD_NAVY, 0.9, 0, 1.15,
                    PANGO_ALIGN_LEFT };
  double cx = width * 0.24, cy = height * 0.5, r = height * 0.38;
  double x = width * 0.48;
  double y = 22 * u;

  set_rgb (cr, mix (GLACIER_BLUE, 0xFFFFFF, 0.35));
  cairo_paint (cr);
  cairo_save (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_clip (cr);
  paint_scene (cr, MOPS_DEMO_SCENE_ALPINE_LAKE, cx - r * 1.5, cy - r, r * 3, r * 2);
  cairo_restore (cr);
  cairo_set_line_width (cr, 1.2 * u);
  set_rgb (cr, 0xFFFFFF);
  cairo_arc (cr, cx, cy, r + 2.2 * u, -G_PI * 0.35, G_PI * 0.35);
  cairo_stroke (cr);

  draw_logo (cr, logo, &logo_colour, x, 8 * u, 4.4 * u);
  y += show_text (art, cr, &kicker, x, y, -1, "NEWSLETTER SPECIAL");
  y += show_text (art, cr, &head, x, y + 1 * u, -1, "Alpine lakes");
  show_text (art, cr, &sub, x, y + 3 * u, width - x - 7 * u,
             "Six lakes worth the climb, and how to leave them as you found them.");
}

static void
paint_post (MopsDemoArt  *art,
            cairo_t      *cr,
            MopsDemoPost  post,
            double        width,
            double        height)
{
  Logo logo;

  logo_build (art, TRUE, FALSE, &logo);

  switch (post)
    {
    case MOPS_DEMO_POST_SEASON_SQUARE:
      paint_season_square (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_LAUNCH_PORTRAIT:
      paint_launch_portrait (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_LINKEDIN_BANNER:
      paint_linkedin_banner (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_WEB_HERO:
      paint_web_hero (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_NEWSLETTER_HEADER:
      paint_newsletter_header (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_LAUNCH_STORY:
      paint_launch_story (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_DOWN_SQUARE:
      paint_down_square (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_MEMBERS_COVER:
      paint_members_cover (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_MEETUP_POSTER:
      paint_meetup_poster (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_FILM_POSTER:
      paint_film_poster (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_REPAIR_POSTER:
      paint_repair_poster (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_HIRING_BANNER:
      paint_hiring_banner (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_GIVEAWAY_SQUARE:
      paint_giveaway_square (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_BLACK_WEEK_BANNER:
      paint_black_week_banner (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_BLOG_HEADER:
      paint_blog_header (art, cr, &logo, width, height);
      break;
    case MOPS_DEMO_POST_LAKES_HEADER:
    default:
      paint_lakes_header (art, cr, &logo, width, height);
      break;
    }

  logo_clear (&logo);
}

gboolean
mops_demo_art_post_png (MopsDemoArt   *art,
                        MopsDemoPost   post,
                        int            width,
                        int            height,
                        const char    *path,
                        GError       **error)
{
  cairo_surface_t *recording;
  cairo_t *cr = begin_png (width, height, &recording);

  paint_post (art, cr, post, width, height);

  return finish_png (art, cr, recording, CAIRO_FORMAT_RGB24, path, error);
}

/* An editable SVG template: real <text> for the headline, outlines for the logo. */
gboolean
mops_demo_art_template_svg (MopsDemoArt  *art,
                            const char   *path,
                            GError      **error)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  Logo logo;

  logo_build (art, TRUE, FALSE, &logo);
  g_string_append (svg,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1080\" height=\"1080\""
                   " viewBox=\"0 0 1080 1080\">\n"
                   "  <title>Fjellvind social post template (1080 × 1080)</title>\n"
                   "  <rect width=\"1080\" height=\"1080\" fill=\"#F4F1EA\"/>\n"
                   "  <rect x=\"60\" y=\"60\" width=\"960\" height=\"600\" rx=\"24\" fill=\"#6FA8C9\"/>\n"
                   "  <path d=\"M60 560 L260 380 L380 470 L560 300 L760 500 L880 420 L1020 520"
                   " L1020 636 Q1020 660 996 660 L84 660 Q60 660 60 636 Z\" fill=\"#14324A\""
                   " opacity=\"0.85\"/>\n"
                   "  <text x=\"540\" y=\"370\" text-anchor=\"middle\" font-family=\"DejaVu Sans\""
                   " font-size=\"34\" fill=\"#FFFFFF\" opacity=\"0.8\">Place photo here</text>\n"
                   "  <text x=\"60\" y=\"770\" font-family=\"DejaVu Sans\" font-weight=\"bold\""
                   " font-size=\"76\" fill=\"#14324A\">Headline goes here</text>\n"
                   "  <text x=\"60\" y=\"840\" font-family=\"DejaVu Sans\" font-size=\"34\""
                   " fill=\"#3C4043\">One line of supporting copy, 60 characters max.</text>\n"
                   "  <rect x=\"60\" y=\"900\" width=\"300\" height=\"84\" rx=\"42\" fill=\"#F26B1D\"/>\n"
                   "  <text x=\"210\" y=\"953\" text-anchor=\"middle\" font-family=\"DejaVu Sans\""
                   " font-weight=\"bold\" font-size=\"30\" fill=\"#FFFFFF\">Call to action</text>\n"
                   "  <rect x=\"30\" y=\"30\" width=\"1020\" height=\"1020\" fill=\"none\""
                   " stroke=\"#F26B1D\" stroke-dasharray=\"12 8\" stroke-width=\"2\"/>\n");
  append_logo_svg (svg, &logo, &logo_colour, 792, 930, 46);
  g_string_append (svg, "</svg>\n");
  logo_clear (&logo);

  return mops_demo_write_text (path, svg->str, svg->len, error);
}

/* Six activity pictograms on a 3 × 2 grid, drawn as strokes, with their labels. */
static void
append_pictograms (GString *svg)
{
  static const struct { const char *label, *path; } icons[] = {
    { "Hiking", "M52 18 a7 7 0 1 0 0.1 0 M50 34 L44 58 L34 84 M46 56 L60 84 M50 36 L64 52 "
                "M40 38 L30 40 L28 60 M66 40 L74 86" },
    { "Camping", "M12 82 L48 22 L84 82 Z M48 22 L48 82 M36 82 L48 60 L60 82 M6 82 L90 82" },
    { "Ski touring", "M18 80 L84 64 M58 18 a7 7 0 1 0 0.1 0 M54 34 L46 56 L56 72 M46 56 L32 72 "
                     "M54 36 L70 46 M50 38 L36 46 M70 46 L76 72" },
    { "Waterproof", "M48 14 C40 34 24 46 24 62 a24 24 0 0 0 48 0 C72 46 56 34 48 14 Z "
                    "M36 62 a12 12 0 0 0 12 12" },
    { "Recycled down", "M30 78 C30 48 48 26 74 18 C70 44 56 66 30 78 Z M30 78 L60 40 "
                       "M18 58 a30 30 0 0 1 8 -32 M20 22 L26 26 L22 32" },
    { "Lifetime repairs", "M20 76 L70 26 M64 22 a6 6 0 1 0 8 8 M66 30 C80 44 78 68 58 78 "
                          "C44 84 30 78 26 66" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      int x = 40 + (int) (i % 3) * 200, y = 40 + (int) (i / 3) * 180;

      g_string_append_printf (svg,
                              "  <g transform=\"translate(%d %d)\">\n"
                              "    <rect x=\"-8\" y=\"-8\" width=\"112\" height=\"112\" rx=\"24\""
                              " fill=\"#F4F1EA\"/>\n"
                              "    <path d=\"%s\" fill=\"none\" stroke=\"#14324A\""
                              " stroke-width=\"6\" stroke-linecap=\"round\""
                              " stroke-linejoin=\"round\"/>\n"
                              "    <text x=\"48\" y=\"132\" text-anchor=\"middle\""
                              " font-family=\"DejaVu Sans\" font-size=\"15\" fill=\"#3C4043\">"
                              "%s</text>\n"
                              "  </g>\n",
                              x, y, icons[i].path, icons[i].label);
    }
}

/* The meetup's two loops on Fløyen: fjord, contours, trails, the start, a legend. */
static void
append_route_map (GString *svg)
{
  static const char *const contours[] = {
    "M420 300 C470 230 600 220 640 290 C690 370 600 450 520 440 C440 430 380 370 420 300 Z",
    "M380 300 C430 190 640 170 700 280 C750 390 640 500 510 490 C400 480 330 400 380 300 Z",
    "M340 290 C390 150 680 120 760 270 C820 400 690 550 500 540 C360 530 280 420 340 290 Z",
    "M300 280 C350 110 720 70 800 250 C860 410 740 590 490 590 C310 590 230 440 300 280 Z",
  };

  g_string_append (svg,
                   "  <rect width=\"800\" height=\"600\" fill=\"#F4F1EA\"/>\n"
                   "  <path d=\"M0 0 L210 0 C230 120 170 200 200 320 C220 420 150 520 170 600"
                   " L0 600 Z\" fill=\"#BFDCEB\"/>\n"
                   "  <text x=\"40\" y=\"300\" font-family=\"DejaVu Sans\" font-style=\"italic\""
                   " font-size=\"18\" fill=\"#4E7FA0\">Byfjorden</text>\n");
  for (guint i = 0; i < G_N_ELEMENTS (contours); i++)
    g_string_append_printf (svg, "  <path d=\"%s\" fill=\"none\" stroke=\"#4E7D5B\""
                            " stroke-opacity=\"0.45\" stroke-width=\"1.5\"/>\n", contours[i]);
  g_string_append (svg,
                   "  <path d=\"M250 470 C300 420 330 380 380 370 C450 350 470 300 520 300"
                   " C580 300 600 360 560 400 C520 440 420 430 380 370\" fill=\"none\""
                   " stroke=\"#F26B1D\" stroke-width=\"5\" stroke-dasharray=\"12 7\""
                   " stroke-linecap=\"round\"/>\n"
                   "  <path d=\"M250 470 C320 520 460 560 600 520 C720 480 780 330 720 230"
                   " C660 140 520 140 460 200 C420 240 400 320 380 370\" fill=\"none\""
                   " stroke=\"#14324A\" stroke-width=\"4\" stroke-dasharray=\"4 6\""
                   " stroke-linecap=\"round\"/>\n"
                   "  <circle cx=\"250\" cy=\"470\" r=\"12\" fill=\"#B3263E\" stroke=\"#FFFFFF\""
                   " stroke-width=\"4\"/>\n"
                   "  <text x=\"270\" y=\"500\" font-family=\"DejaVu Sans\" font-weight=\"bold\""
                   " font-size=\"16\" fill=\"#14324A\">Start: Fløyen (funicular)</text>\n"
                   "  <text x=\"530\" y=\"290\" font-family=\"DejaVu Sans\" font-size=\"14\""
                   " fill=\"#4E7D5B\">Brushytten</text>\n"
                   "  <rect x=\"560\" y=\"30\" width=\"210\" height=\"96\" rx=\"10\""
                   " fill=\"#FFFFFF\" stroke=\"#3C4043\" stroke-opacity=\"0.2\"/>\n"
                   "  <path d=\"M580 62 L630 62\" stroke=\"#F26B1D\" stroke-width=\"5\""
                   " stroke-dasharray=\"12 7\"/>\n"
                   "  <text x=\"642\" y=\"67\" font-family=\"DejaVu Sans\" font-size=\"15\""
                   " fill=\"#3C4043\">6 km loop</text>\n"
                   "  <path d=\"M580 96 L630 96\" stroke=\"#14324A\" stroke-width=\"4\""
                   " stroke-dasharray=\"4 6\"/>\n"
                   "  <text x=\"642\" y=\"101\" font-family=\"DejaVu Sans\" font-size=\"15\""
                   " fill=\"#3C4043\">12 km loop</text>\n"
                   "  <path d=\"M60 560 L60 520 M52 532 L60 520 L68 532\" stroke=\"#3C4043\""
                   " stroke-width=\"3\" fill=\"none\"/>\n"
                   "  <text x=\"53\" y=\"580\" font-family=\"DejaVu Sans\" font-weight=\"bold\""
                   " font-size=\"14\" fill=\"#3C4043\">N</text>\n");
}

gboolean
mops_demo_art_vector_svg (MopsDemoArt     *art,
                          MopsDemoVector   vector,
                          const char      *path,
                          int             *out_width,
                          int             *out_height,
                          GError         **error)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  gboolean map = vector == MOPS_DEMO_VECTOR_ROUTE_MAP;
  int width = map ? 800 : 640, height = map ? 600 : 400;
  Logo logo;

  logo_build (art, TRUE, FALSE, &logo);
  g_string_append_printf (svg,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                          " viewBox=\"0 0 %d %d\">\n"
                          "  <title>%s</title>\n",
                          width, height, width, height,
                          map ? "Trail running meetup, Fløyen: 6 and 12 km loops"
                              : "Fjellvind activity pictograms");
  if (map)
    {
      append_route_map (svg);
      append_logo_svg (svg, &logo, &logo_colour, 590, 548, 26);
    }
  else
    append_pictograms (svg);
  g_string_append (svg, "</svg>\n");
  logo_clear (&logo);

  if (out_width != NULL)
    *out_width = width;
  if (out_height != NULL)
    *out_height = height;
  return mops_demo_write_text (path, svg->str, svg->len, error);
}

/* ------------------------------------------------------------------ PDFs */

static void
page_footer (MopsDemoArt *art,
             cairo_t     *cr,
             double       width,
             double       height,
             const char  *left,
             int          page,
             int          n_pages,
             gboolean     dark)
{
  TextStyle style = { FONT_SANS, PANGO_WEIGHT_NORMAL, 8, dark ? 0xFFFFFF : 0x7A8288, 1, 0.3, 0,
                      PANGO_ALIGN_RIGHT };
  g_autofree char *number = g_strdup_printf ("%d / %d", page, n_pages);

  show_text (art, cr, &style, width - 240, height - 30, 200, number);
  style.align = PANGO_ALIGN_LEFT;
  show_text (art, cr, &style, 40, height - 30, -1, left);
}

static double
page_title (MopsDemoArt *art,
            cairo_t     *cr,
            const char  *kicker,
            const char  *title)
{
  TextStyle k = { FONT_SANS, PANGO_WEIGHT_BOLD, 9, SIGNAL_ORANGE, 1, 1.6, 0, PANGO_ALIGN_LEFT };
  TextStyle t = { FONT_SANS, PANGO_WEIGHT_BOLD, 26, FJORD_NAVY, 1, -0.3, 0, PANGO_ALIGN_LEFT };
  double y = 40;

  y += show_text (art, cr, &k, 40, y, -1, kicker);
  y += show_text (art, cr, &t, 40, y + 2, -1, title);
  return y + 18;
}

static void
guidelines_cover (MopsDemoArt *art,
                  cairo_t     *cr,
                  Logo        *logo,
                  double       w,
                  double       h)
{
  TextStyle title = { FONT_SANS, PANGO_WEIGHT_BOLD, 40, 0xFFFFFF, 1, -0.5, 0, PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 12, 0xDCE6EE, 1, 0.4, 0, PANGO_ALIGN_LEFT };
  g_autofree char *edition = g_strdup_printf ("Version 2.1 · %s %u",
                                              month_names[g_date_get_month (&art->today) - 1],
                                              g_date_get_year (&art->today));

  paint_scene (cr, MOPS_DEMO_SCENE_FJORD_SUNRISE, 0, 0, w, h * 0.68);
  set_rgb (cr, FJORD_NAVY);
  cairo_rectangle (cr, 0, h * 0.68, w, h * 0.32);
  cairo_fill (cr);
  set_rgb (cr, SIGNAL_ORANGE);
  cairo_rectangle (cr, 0, h * 0.68, w * 0.18, 4);
  cairo_fill (cr);

  draw_logo (cr, logo, &logo_reversed, 40, 36, 34);
  show_text (art, cr, &title, 40, h * 0.72, -1, "Brand Guidelines");
  show_text (art, cr, &sub, 42, h * 0.72 + 54, -1, edition);
  show_text (art, cr, &sub, 42, h * 0.72 + 74, -1,
             "Logo · Colour · Typography · Tone of voice");
}

static void
logo_card (MopsDemoArt      *art,
           cairo_t          *cr,
           Logo             *logo,
           const LogoColors *colors,
           guint32           background,
           double            x,
           double            y,
           double            w,
           double            h,
           const char       *caption)
{
  TextStyle cap = { FONT_SANS, PANGO_WEIGHT_NORMAL, 8.5, 0x5B6770, 1, 0, 0, PANGO_ALIGN_LEFT };
  double logo_h = h * 0.3;
  double logo_w = logo_width_for_height (logo, logo_h);

  if (logo_w > w * 0.8)
    {
      logo_w = w * 0.8;
      logo_h = logo_w * (logo->y1 - logo->y0) / (logo->x1 - logo->x0);
    }

  rounded_rect (cr, x, y, w, h, 6);
  set_rgb (cr, background);
  cairo_fill_preserve (cr);
  set_rgba (cr, 0x000000, 0.08);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  draw_logo (cr, logo, colors, x + (w - logo_w) / 2, y + (h - logo_h) / 2, logo_h);
  show_text (art, cr, &cap, x, y + h + 6, w, caption);
}

static void
red_cross (cairo_t *cr,
           double   x,
           double   y,
           double   r)
{
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_rgb (cr, LINGONBERRY);
  cairo_fill (cr);
  cairo_set_line_width (cr, r * 0.28);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_rgb (cr, 0xFFFFFF);
  cairo_move_to (cr, x - r * 0.4, y - r * 0.4);
  cairo_line_to (cr, x + r * 0.4, y + r * 0.4);
  cairo_move_to (cr, x + r * 0.4, y - r * 0.4);
  cairo_line_to (cr, x - r * 0.4, y + r * 0.4);
  cairo_stroke (cr);
}

static void
guidelines_logo_page (MopsDemoArt *art,
                      cairo_t     *cr,
                      Logo        *logo,
                      double       w,
                      double       h)
{
  TextStyle body = { FONT_SANS, PANGO_WEIGHT_NORMAL, 9.5, GRANITE, 1, 0, 1.25, PANGO_ALIGN_LEFT };
  TextStyle label = { FONT_SANS, PANGO_WEIGHT_BOLD, 9, FJORD_NAVY, 1, 0.8, 0, PANGO_ALIGN_LEFT };
  TextStyle cap = { FONT_SANS, PANGO_WEIGHT_NORMAL, 8, 0x5B6770, 1, 0, 0, PANGO_ALIGN_CENTER };
  static const char *const donts[] = {
    "Don’t stretch or squash it", "Don’t rotate it", "Don’t recolour it",
    "Don’t place it on busy photos",
  };
  double y = page_title (art, cr, "01 · LOGO", "Our logo");
  double card_w = (w - 80 - 2 * 16) / 3;
  double logo_h, logo_w, bx, by, unit;

  show_text (art, cr, &body, 40, y, w * 0.6,
             "Two peaks and the wind between them: the Fjellvind mark stands for the mountains "
             "we design for and the weather we design against. Use the full-colour logo "
             "wherever you can; use the reversed logo on Fjord Navy or dark photos, and the "
             "mono logo when only one ink is available.");
  y += 62;

  logo_card (art, cr, logo, &logo_colour, 0xFFFFFF, 40, y, card_w, 110, "Primary · full colour");
  logo_card (art, cr, logo, &logo_reversed, FJORD_NAVY, 40 + card_w + 16, y, card_w, 110,
             "Reversed · on Fjord Navy or dark imagery");
  logo_card (art, cr, logo, &logo_mono, BIRCH_WHITE, 40 + 2 * (card_w + 16), y, card_w, 110,
             "Mono · one-colour print, embossing, engraving");
  y += 140;

  /* clear space */
  show_text (art, cr, &label, 40, y, -1, "CLEAR SPACE & MINIMUM SIZE");
  logo_h = 48;
  logo_w = logo_width_for_height (logo, logo_h);
  unit = logo_h * 0.36;
  bx = 40 + unit;
  by = y + 22 + unit;
  {
    double dashes[] = { 3, 2 };

    cairo_set_dash (cr, dashes, 2, 0);
    cairo_set_line_width (cr, 0.7);
    set_rgb (cr, SIGNAL_ORANGE);
    cairo_rectangle (cr, bx - unit, by - unit, logo_w + 2 * unit, logo_h + 2 * unit);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }
  draw_logo (cr, logo, &logo_colour, bx, by, logo_h);
  show_text (art, cr, &body, bx + logo_w + unit + 24, y + 26, w - (bx + logo_w + unit + 24) - 40,
             "Keep a margin of x on every side, where x is the height of the wind lines’ "
             "sweep. Minimum width: 30 mm in print, 120 px on screen. Below that, use the "
             "symbol on its own (the app icon).");
  y += 22 + logo_h + 2 * unit + 26;

  /* don'ts */
  show_text (art, cr, &label, 40, y, -1, "PLEASE DON’T");
  y += 20;
  for (guint i = 0; i < G_N_ELEMENTS (donts); i++)
    {
      double cw = (w - 80 - 3 * 12) / 4;
      double cx = 40 + i * (cw + 12);
      double ch = 84;
      double lh = 22;
      double lw = logo_width_for_height (logo, lh);

      rounded_rect (cr, cx, y, cw, ch, 5);
      set_rgb (cr, 0xFFFFFF);
      cairo_fill_preserve (cr);
      set_rgba (cr, 0x000000, 0.08);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);

      cairo_save (cr);
      rounded_rect (cr, cx, y, cw, ch, 5);
      cairo_clip (cr);
      switch (i)
        {
        case 0:
          cairo_translate (cr, cx + cw / 2, y + ch / 2);
          cairo_scale (cr, 1.35, 0.7);
          draw_logo (cr, logo, &logo_colour, -lw / 2, -lh / 2, lh);
          break;
        case 1:
          cairo_translate (cr, cx + cw / 2, y + ch / 2);
          cairo_rotate (cr, -0.3);
          draw_logo (cr, logo, &logo_colour, -lw / 2, -lh / 2, lh);
          break;
        case 2:
          draw_logo (cr, logo, &(LogoColors) { 0xE040A0, 0x8A2BE2, 0x00C853, 0x8A2BE2, 0 },
                     cx + (cw - lw) / 2, y + (ch - lh) / 2, lh);
          break;
        default:
          paint_scene (cr, MOPS_DEMO_SCENE_SUMMIT_TEAM, cx, y, cw, ch);
          draw_logo (cr, logo, &logo_colour, cx + (cw - lw) / 2, y + (ch - lh) / 2 - 8, lh);
          break;
        }
      cairo_restore (cr);
      red_cross (cr, cx + cw - 12, y + 12, 7);
      show_text (art, cr, &cap, cx, y + ch + 6, cw, donts[i]);
    }
}

static void
guidelines_colour_page (MopsDemoArt         *art,
                        cairo_t             *cr,
                        const MopsDemoColor *palette,
                        guint                n_colors,
                        double               w,
                        double               h)
{
  TextStyle name = { FONT_SANS, PANGO_WEIGHT_BOLD, 10.5, FJORD_NAVY, 1, 0, 0, PANGO_ALIGN_LEFT };
  TextStyle small = { FONT_SANS, PANGO_WEIGHT_NORMAL, 8, GRANITE, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  TextStyle body = { FONT_SANS, PANGO_WEIGHT_NORMAL, 9.5, GRANITE, 1, 0, 1.25, PANGO_ALIGN_LEFT };
  TextStyle label = { FONT_SANS, PANGO_WEIGHT_BOLD, 9, FJORD_NAVY, 1, 0.8, 0, PANGO_ALIGN_LEFT };
  static const struct { guint index; double share; } ratio[] = {
    { 4, 0.45 }, { 0, 0.3 }, { 1, 0.12 }, { 3, 0.06 }, { 2, 0.05 }, { 7, 0.02 },
  };
  double y = page_title (art, cr, "02 · COLOUR", "Colour palette");
  double sw = (w - 80 - 3 * 14) / 4;
  double x;

  show_text (art, cr, &body, 40, y, w * 0.62,
             "Calm Nordic neutrals carry the brand; Signal Orange is the one colour that "
             "shouts — keep it for calls to action, the wind lines and safety details. "
             "Print from the CMYK and Pantone references, never from the screen values.");
  y += 48;

  for (guint i = 0; i < n_colors; i++)
    {
      double sx = 40 + (i % 4) * (sw + 14);
      double sy = y + (i / 4) * 150;
      guint32 rgb = parse_hex (palette[i].hex);
      g_autofree char *details = g_strdup_printf ("%s\nHEX %s\nCMYK %s\n%s", palette[i].role,
                                                  palette[i].hex, palette[i].cmyk,
                                                  palette[i].pantone);

      rounded_rect (cr, sx, sy, sw, 70, 6);
      set_rgb (cr, rgb);
      cairo_fill_preserve (cr);
      set_rgba (cr, 0x000000, 0.1);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
      show_text (art, cr, &name, sx, sy + 78, sw, palette[i].name);
      show_text (art, cr, &small, sx, sy + 94, sw, details);
    }
  y += 300;

  show_text (art, cr, &label, 40, y, -1, "HOW MUCH OF EACH");
  y += 18;
  x = 40;
  for (guint i = 0; i < G_N_ELEMENTS (ratio); i++)
    {
      double bw = (w - 80) * ratio[i].share;

      if (ratio[i].index >= n_colors)
        continue;
      set_rgb (cr, parse_hex (palette[ratio[i].index].hex));
      cairo_rectangle (cr, x, y, bw, 18);
      cairo_fill (cr);
      x += bw;
    }
  set_rgba (cr, 0x000000, 0.1);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, 40, y, w - 80, 18);
  cairo_stroke (cr);
}

static void
guidelines_type_page (MopsDemoArt *art,
                      cairo_t     *cr,
                      double       w,
                      double       h)
{
  TextStyle big = { FONT_SANS, PANGO_WEIGHT_BOLD, 120, FJORD_NAVY, 1, -2, 0, PANGO_ALIGN_LEFT };
  TextStyle set = { FONT_SANS, PANGO_WEIGHT_NORMAL, 12, GRANITE, 1, 0.3, 1.35, PANGO_ALIGN_LEFT };
  TextStyle label = { FONT_SANS, PANGO_WEIGHT_BOLD, 9, FJORD_NAVY, 1, 0.8, 0, PANGO_ALIGN_LEFT };
  TextStyle spec = { FONT_SANS, PANGO_WEIGHT_NORMAL, 8, 0x7A8288, 1, 0.2, 0, PANGO_ALIGN_LEFT };
  static const struct { const char *spec; double size; PangoWeight weight; const char *sample; } levels[] = {
    { "H1 · Bold 36/40 · tracking −1 %", 36, PANGO_WEIGHT_BOLD, "Take the long way round" },
    { "H2 · Bold 22/28", 22, PANGO_WEIGHT_BOLD, "Layers that work as hard as you do" },
    { "Body · Regular 11/16", 11, PANGO_WEIGHT_NORMAL,
      "Our shells are seam-taped, PFC-free and repairable. If a zip fails on the mountain, "
      "any Fjellvind store will fix it for free — for as long as you own the jacket." },
    { "Caption · Regular 8/12 · Granite", 8, PANGO_WEIGHT_NORMAL,
      "Photo: Misty morning above Hardangerfjord. Shot on location, no retouching." },
  };
  double y = page_title (art, cr, "03 · TYPOGRAPHY", "DejaVu Sans, everywhere");
  double col = 40 + 250;

  show_text (art, cr, &big, 40, y - 10, -1, "Aa");
  show_text (art, cr, &label, 40, y + 140, -1, "DEJAVU SANS · REGULAR & BOLD");
  show_text (art, cr, &set, 40, y + 160, 236,
             "ABCDEFGHIJKLMNOPQRSTUVWXYZ\nabcdefghijklmnopqrstuvwxyz\n0123456789 ÆØÅ æøå\nÄÖÜ äöüß "
             "€ £ $ % & @");

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      TextStyle sample = { FONT_SANS, levels[i].weight, levels[i].size,
                           i == 3 ? 0x5B6770 : (i < 2 ? FJORD_NAVY : GRANITE), 1,
                           i == 0 ? -0.36 : 0, 1.3, PANGO_ALIGN_LEFT };

      show_text (art, cr, &spec, col, y, -1, levels[i].spec);
      y += 14;
      y += show_text (art, cr, &sample, col, y, w - col - 40, levels[i].sample) + 18;
    }

  (void) h;
}

static void
guidelines_voice_page (MopsDemoArt *art,
                       cairo_t     *cr,
                       double       w,
                       double       h)
{
  TextStyle head = { FONT_SANS, PANGO_WEIGHT_BOLD, 14, FJORD_NAVY, 1, 0, 0, PANGO_ALIGN_LEFT };
  TextStyle body = { FONT_SANS, PANGO_WEIGHT_NORMAL, 9.5, GRANITE, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  TextStyle yes = { FONT_SANS, PANGO_WEIGHT_NORMAL, 9, MOSS_GREEN, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  TextStyle no = { FONT_SANS, PANGO_WEIGHT_NORMAL, 9, LINGONBERRY, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  static const struct { const char *title, *text, *say, *avoid; } principles[] = {
    { "Plain-spoken", "We talk like a good guide: clear, calm, specific. Numbers over adjectives.",
      "✓ “980 grams, 30 litres, two side pockets that fit a 1 l bottle.”",
      "✗ “An ultra-innovative, game-changing carry solution.”" },
    { "Warm, not loud", "We invite rather than push. The mountains are the hero; we are the "
      "friend who lends you a dry layer.",
      "✓ “Take the long way round. We packed you a thermos.”",
      "✗ “CONQUER EVERY PEAK!!! LIMITED TIME ONLY!”" },
    { "Honest about impact", "We say what we have done and what we have not done yet, with "
      "sources.",
      "✓ “82 % of our range uses recycled fabrics. The rest will by 2027.”",
      "✗ “100 % green, eco-friendly, planet-positive.”" },
  };
  double y = page_title (art, cr, "04 · TONE OF VOICE", "How we sound");
  double cw = (w - 80 - 2 * 20) / 3;

  for (guint i = 0; i < G_N_ELEMENTS (principles); i++)
    {
      double x = 40 + i * (cw + 20);
      double cy = y;

      set_rgb (cr, i == 0 ? SIGNAL_ORANGE : (i == 1 ? GLACIER_BLUE : MOSS_GREEN));
      cairo_rectangle (cr, x, cy, 28, 3);
      cairo_fill (cr);
      cy += 12;
      cy += show_text (art, cr, &head, x, cy, cw, principles[i].title) + 6;
      cy += show_text (art, cr, &body, x, cy, cw, principles[i].text) + 12;
      cy += show_text (art, cr, &yes, x, cy, cw, principles[i].say) + 6;
      show_text (art, cr, &no, x, cy, cw, principles[i].avoid);
    }

  paint_scene (cr, MOPS_DEMO_SCENE_MISTY_VALLEY, 40, h - 290, w - 80, 230);
  (void) h;
}

gboolean
mops_demo_art_guidelines_pdf (MopsDemoArt          *art,
                              const MopsDemoColor  *palette,
                              guint                 n_colors,
                              const char           *path,
                              int                  *out_pages,
                              GError              **error)
{
  const double w = PDF_A4_HEIGHT;   /* landscape */
  const double h = PDF_A4_WIDTH;
  const int n_pages = 5;
  const char *footer = "Fjellvind Brand Guidelines · Version 2.1 · Internal and partners";
  cairo_surface_t *surface = create_pdf (art, path, w, h, "Fjellvind Brand Guidelines 2.1",
                                         "Fjellvind Brand & design");
  cairo_t *cr = cairo_create (surface);
  Logo logo;

  logo_build (art, TRUE, TRUE, &logo);

  guidelines_cover (art, cr, &logo, w, h);
  page_footer (art, cr, w, h, footer, 1, n_pages, TRUE);
  cairo_show_page (cr);

  set_rgb (cr, BIRCH_WHITE);
  cairo_paint (cr);
  guidelines_logo_page (art, cr, &logo, w, h);
  page_footer (art, cr, w, h, footer, 2, n_pages, FALSE);
  cairo_show_page (cr);

  set_rgb (cr, BIRCH_WHITE);
  cairo_paint (cr);
  guidelines_colour_page (art, cr, palette, n_colors, w, h);
  page_footer (art, cr, w, h, footer, 3, n_pages, FALSE);
  cairo_show_page (cr);

  set_rgb (cr, BIRCH_WHITE);
  cairo_paint (cr);
  guidelines_type_page (art, cr, w, h);
  page_footer (art, cr, w, h, footer, 4, n_pages, FALSE);
  cairo_show_page (cr);

  set_rgb (cr, BIRCH_WHITE);
  cairo_paint (cr);
  guidelines_voice_page (art, cr, w, h);
  page_footer (art, cr, w, h, footer, 5, n_pages, FALSE);
  cairo_show_page (cr);

  logo_clear (&logo);
  cairo_destroy (cr);

  if (out_pages != NULL)
    *out_pages = n_pages;
  return finish_surface (surface, path, error);
}

gboolean
mops_demo_art_size_chart_pdf (MopsDemoArt  *art,
                              const char   *path,
                              GError      **error)
{
  static const char *const header[] = {
    "Größe\nSize", "Brust\nChest (cm)", "Taille\nWaist (cm)", "Ärmel\nSleeve (cm)",
    "Körpergröße\nHeight (cm)",
  };
  static const char *const rows[][5] = {
    { "XS", "84–88", "70–74", "82", "160–166" },
    { "S", "88–94", "74–80", "84", "166–172" },
    { "M", "94–100", "80–86", "86", "172–178" },
    { "L", "100–106", "86–92", "88", "178–184" },
    { "XL", "106–112", "92–98", "90", "184–190" },
    { "XXL", "112–118", "98–104", "92", "190–196" },
  };
  const double w = PDF_A4_WIDTH;
  const double h = PDF_A4_HEIGHT;
  TextStyle title = { FONT_SANS, PANGO_WEIGHT_BOLD, 24, FJORD_NAVY, 1, -0.3, 0, PANGO_ALIGN_LEFT };
  TextStyle sub = { FONT_SANS, PANGO_WEIGHT_NORMAL, 10, GRANITE, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  TextStyle th = { FONT_SANS, PANGO_WEIGHT_BOLD, 8.5, 0xFFFFFF, 1, 0, 1.1, PANGO_ALIGN_CENTER };
  TextStyle td = { FONT_SANS, PANGO_WEIGHT_NORMAL, 10, GRANITE, 1, 0, 0, PANGO_ALIGN_CENTER };
  cairo_surface_t *surface = create_pdf (art, path, w, h, "Größenübersicht · Size chart",
                                         "Fjellvind Product marketing");
  cairo_t *cr = cairo_create (surface);
  double col_w = (w - 100) / 5;
  double y = 110;
  Logo logo;

  logo_build (art, TRUE, FALSE, &logo);
  set_rgb (cr, 0xFFFFFF);
  cairo_paint (cr);
  set_rgb (cr, FJORD_NAVY);
  cairo_rectangle (cr, 0, 0, w, 6);
  cairo_fill (cr);
  draw_logo (cr, &logo, &logo_colour, 50, 40, 26);

  y += show_text (art, cr, &title, 50, y, -1, "Größenübersicht · Size chart");
  y += show_text (art, cr, &sub, 50, y + 6, w - 100,
                  "Jacken & Shells, Unisex-Schnitt · Jackets & shells, unisex fit. "
                  "Zwischen zwei Größen? Für Lagen darunter die größere wählen. "
                  "Between two sizes? Choose the larger one if you layer underneath.");
  y += 30;

  set_rgb (cr, FJORD_NAVY);
  cairo_rectangle (cr, 50, y, w - 100, 40);
  cairo_fill (cr);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    show_text (art, cr, &th, 50 + c * col_w, y + 8, col_w, header[c]);
  y += 40;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      set_rgb (cr, r % 2 == 0 ? BIRCH_WHITE : 0xFFFFFF);
      cairo_rectangle (cr, 50, y, w - 100, 30);
      cairo_fill (cr);
      for (guint c = 0; c < 5; c++)
        {
          td.weight = c == 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
          td.rgb = c == 0 ? FJORD_NAVY : GRANITE;
          show_text (art, cr, &td, 50 + c * col_w, y + 8, col_w, rows[r][c]);
        }
      y += 30;
    }
  set_rgba (cr, 0x000000, 0.12);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, 50, y - 30 * G_N_ELEMENTS (rows) - 40, w - 100, 30 * G_N_ELEMENTS (rows) + 40);
  cairo_stroke (cr);

  y += 30;
  sub.size = 9;
  show_text (art, cr, &sub, 50, y, w - 100,
             "So wird gemessen · How to measure\n"
             "Brust: an der weitesten Stelle unter den Armen. Chest: around the fullest part, "
             "under the arms.\n"
             "Taille: an der schmalsten Stelle. Waist: around the narrowest part.\n"
             "Ärmel: von der Nackenmitte über die Schulter bis zum Handgelenk. Sleeve: from the "
             "centre back of the neck, over the shoulder, to the wrist.");

  sub.size = 8;
  sub.rgb = 0x7A8288;
  show_text (art, cr, &sub, 50, h - 50, w - 100,
             "Fjellvind AS · Bryggen 14 · 5003 Bergen · Norway · fjellvind.example");
  logo_clear (&logo);
  cairo_destroy (cr);

  return finish_surface (surface, path, error);
}

static double
labelled_row (MopsDemoArt *art,
              cairo_t     *cr,
              double       y,
              const char  *label,
              const char  *value)
{
  TextStyle l = { FONT_SANS, PANGO_WEIGHT_BOLD, 9, GRANITE, 1, 0, 0, PANGO_ALIGN_LEFT };
  TextStyle v = { FONT_SANS, PANGO_WEIGHT_NORMAL, 9, GRANITE, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  double lh = show_text (art, cr, &l, 60, y, 140, label);
  double vh = show_text (art, cr, &v, 200, y, PDF_A4_WIDTH - 260, value);

  return MAX (lh, vh) + 6;
}

gboolean
mops_demo_art_contract_pdf (MopsDemoArt             *art,
                            const MopsDemoContract  *contract,
                            const char              *path,
                            GError                 **error)
{
  const double w = PDF_A4_WIDTH;
  const double h = PDF_A4_HEIGHT;
  TextStyle firm = { FONT_SERIF, PANGO_WEIGHT_BOLD, 16, 0x2B2B2B, 1, 0.5, 0, PANGO_ALIGN_LEFT };
  TextStyle small = { FONT_SANS, PANGO_WEIGHT_NORMAL, 8, 0x6B6B6B, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  TextStyle title = { FONT_SERIF, PANGO_WEIGHT_BOLD, 18, 0x1A1A1A, 1, 0, 0, PANGO_ALIGN_LEFT };
  TextStyle section = { FONT_SANS, PANGO_WEIGHT_BOLD, 10, 0x1A1A1A, 1, 0, 0, PANGO_ALIGN_LEFT };
  TextStyle body = { FONT_SERIF, PANGO_WEIGHT_NORMAL, 9.5, 0x2B2B2B, 1, 0, 1.35, PANGO_ALIGN_LEFT };
  g_autofree char *doc_title = g_strdup_printf ("Image licence agreement %s", contract->number);
  g_autofree char *grant = NULL;
  g_autofree char *signed_line = NULL;
  g_autofree char *credit = g_strdup_printf ("Where technically possible, each use carries the "
                                             "credit line “Photo: %s”. Social media posts may "
                                             "credit in the caption.", contract->licensor);
  g_autofree char *period = g_strdup_printf ("%s – %s", contract->starts_on, contract->expires_on);
  cairo_surface_t *surface = create_pdf (art, path, w, h, doc_title, contract->licensor);
  cairo_t *cr = cairo_create (surface);
  double y = 50;

  set_rgb (cr, 0xFFFFFF);
  cairo_paint (cr);
  set_rgb (cr, 0x7A1F2B);
  cairo_rectangle (cr, 60, y, 6, 34);
  cairo_fill (cr);
  show_text (art, cr, &firm, 76, y, -1, contract->licensor);
  show_text (art, cr, &small, 76, y + 22, -1, contract->licensor_address);
  y += 70;

  y += show_text (art, cr, &title, 60, y, -1, "Image Licence Agreement");
  y += show_text (art, cr, &small, 60, y + 2, -1, contract->number) + 18;

  y += labelled_row (art, cr, y, "Licensor", contract->licensor);
  y += labelled_row (art, cr, y, "Licensee", contract->licensee);
  y += labelled_row (art, cr, y, "Licensed images", contract->images);
  y += labelled_row (art, cr, y, "Media", contract->media);
  y += labelled_row (art, cr, y, "Territory", contract->territories);
  y += labelled_row (art, cr, y, "Licence period", period);
  y += labelled_row (art, cr, y, "Fee", contract->fee);
  y += 12;

  grant = g_strdup_printf ("The Licensor grants the Licensee a non-exclusive, non-transferable "
                           "right to reproduce the licensed images in the media and territory "
                           "named above from %s until %s inclusive. Any other use, including "
                           "use in broadcast, outdoor advertising or on merchandise, requires a "
                           "separate agreement.", contract->starts_on, contract->expires_on);
  y += show_text (art, cr, &section, 60, y, -1, "1. Grant of rights") + 4;
  y += show_text (art, cr, &body, 60, y, w - 120, grant) + 12;
  y += show_text (art, cr, &section, 60, y, -1, "2. Credit") + 4;
  y += show_text (art, cr, &body, 60, y, w - 120, credit) + 12;
  y += show_text (art, cr, &section, 60, y, -1, "3. End of term") + 4;
  y += show_text (art, cr, &body, 60, y, w - 120,
                  "When the licence period ends the Licensee removes the images from all "
                  "channels under its control within 14 days. Printed matter distributed before "
                  "that date may be used up. Renewal is possible at the then current rates.")
       + 12;
  y += show_text (art, cr, &section, 60, y, -1, "4. Releases") + 4;
  y += show_text (art, cr, &body, 60, y, w - 120,
                  "The images show landscapes without identifiable persons; no model release is "
                  "required. No property release has been obtained.") + 30;

  signed_line = g_strdup_printf ("Signed electronically on %s", contract->signed_on);
  cairo_set_line_width (cr, 0.6);
  set_rgb (cr, 0x444444);
  cairo_move_to (cr, 60, y + 30);
  cairo_line_to (cr, 260, y + 30);
  cairo_move_to (cr, w - 260, y + 30);
  cairo_line_to (cr, w - 60, y + 30);
  cairo_stroke (cr);
  show_text (art, cr, &small, 60, y + 36, 200, "For the Licensor\nMaria Huber, Licensing");
  {
    g_autofree char *licensee_sig = g_strdup_printf ("For the Licensee\n%s", contract->signatory);

    show_text (art, cr, &small, w - 260, y + 36, 200, licensee_sig);
  }
  show_text (art, cr, &small, 60, y + 70, -1, signed_line);

  cairo_destroy (cr);
  return finish_surface (surface, path, error);
}

gboolean
mops_demo_art_receipt_pdf (MopsDemoArt            *art,
                           const MopsDemoReceipt  *receipt,
                           const char             *path,
                           GError                **error)
{
  const double w = PDF_A4_WIDTH;
  const double h = PDF_A4_HEIGHT;
  TextStyle firm = { FONT_SANS, PANGO_WEIGHT_BOLD, 18, 0x0F5257, 1, 0, 0, PANGO_ALIGN_LEFT };
  TextStyle small = { FONT_SANS, PANGO_WEIGHT_NORMAL, 8.5, 0x6B6B6B, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  TextStyle big = { FONT_SANS, PANGO_WEIGHT_BOLD, 22, 0x1A1A1A, 1, 1, 0, PANGO_ALIGN_RIGHT };
  TextStyle cell = { FONT_SANS, PANGO_WEIGHT_NORMAL, 9.5, 0x1A1A1A, 1, 0, 1.3, PANGO_ALIGN_LEFT };
  TextStyle amount = { FONT_SANS, PANGO_WEIGHT_NORMAL, 9.5, 0x1A1A1A, 1, 0, 0, PANGO_ALIGN_RIGHT };
  g_autofree char *doc_title = g_strdup_printf ("Receipt %s", receipt->number);
  g_autofree char *meta = g_strdup_printf ("Receipt no. %s\nDate %s", receipt->number, receipt->date);
  cairo_surface_t *surface = create_pdf (art, path, w, h, doc_title, receipt->vendor);
  cairo_t *cr = cairo_create (surface);
  double y = 50;

  set_rgb (cr, 0xFFFFFF);
  cairo_paint (cr);
  set_rgb (cr, 0x0F5257);
  cairo_arc (cr, 72, y + 12, 12, 0, 2 * G_PI);
  cairo_fill (cr);
  show_text (art, cr, &firm, 92, y, -1, receipt->vendor);
  show_text (art, cr, &small, 92, y + 24, -1, receipt->vendor_address);
  show_text (art, cr, &big, w - 260, y, 200, "RECEIPT");
  small.align = PANGO_ALIGN_RIGHT;
  show_text (art, cr, &small, w - 260, y + 30, 200, meta);
  small.align = PANGO_ALIGN_LEFT;
  y += 100;

  show_text (art, cr, &small, 60, y, -1, "Billed to");
  show_text (art, cr, &cell, 60, y + 14, 250, receipt->customer);
  y += 80;

  set_rgb (cr, 0xEEF3F3);
  cairo_rectangle (cr, 60, y, w - 120, 24);
  cairo_fill (cr);
  cell.weight = PANGO_WEIGHT_BOLD;
  show_text (art, cr, &cell, 70, y + 6, -1, "Description");
  amount.weight = PANGO_WEIGHT_BOLD;
  show_text (art, cr, &amount, w - 270, y + 6, 200, "Amount");
  cell.weight = PANGO_WEIGHT_NORMAL;
  amount.weight = PANGO_WEIGHT_NORMAL;
  y += 34;
  show_text (art, cr, &cell, 70, y, w - 320, receipt->item);
  show_text (art, cr, &amount, w - 270, y, 200, receipt->net);
  y += 50;

  set_rgba (cr, 0x000000, 0.2);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, w - 300, y);
  cairo_line_to (cr, w - 60, y);
  cairo_stroke (cr);
  y += 8;
  show_text (art, cr, &cell, w - 300, y, -1, "Net");
  show_text (art, cr, &amount, w - 270, y, 200, receipt->net);
  y += 18;
  show_text (art, cr, &cell, w - 300, y, -1, "VAT (reverse charge)");
  show_text (art, cr, &amount, w - 270, y, 200, receipt->vat);
  y += 22;
  cell.weight = PANGO_WEIGHT_BOLD;
  amount.weight = PANGO_WEIGHT_BOLD;
  show_text (art, cr, &cell, w - 300, y, -1, "Total paid");
  show_text (art, cr, &amount, w - 270, y, 200, receipt->total);
  y += 50;

  show_text (art, cr, &small, 60, y, w - 120, receipt->payment);

  /* the PAID stamp */
  cairo_save (cr);
  cairo_translate (cr, 170, y - 40);
  cairo_rotate (cr, -0.2);
  cairo_set_line_width (cr, 2.5);
  set_rgba (cr, 0x2E8B57, 0.75);
  rounded_rect (cr, -60, -22, 120, 44, 8);
  cairo_stroke (cr);
  {
    TextStyle stamp = { FONT_SANS, PANGO_WEIGHT_BOLD, 22, 0x2E8B57, 0.75, 4, 0, PANGO_ALIGN_CENTER };

    show_text (art, cr, &stamp, -60, -14, 120, "PAID");
  }
  cairo_restore (cr);

  show_text (art, cr, &small, 60, h - 60, w - 120,
             "Thank you for your business. Questions about this receipt? Reply to the e-mail it "
             "came with and quote the receipt number.");

  cairo_destroy (cr);
  return finish_surface (surface, path, error);
}
