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

#include "mops-demo-private.h"
#include "mops-error.h"

/* Everything here is deterministic: no clock, no global random state, no locale. Each
 * picture seeds its own GRand; numbers are written with g_ascii_formatd; dates are spelled
 * in English by hand; Pango gets a fixed language and font options. No libm either: curves
 * come from cairo (arcs, rotations) and from midpoint displacement. */

#define FONT_SANS  "DejaVu Sans"
#define FONT_SERIF "DejaVu Serif"

/* Palette, also what the brand kit's kit_colors hold */
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

static const MopsDemoColor palette[] = {
  { "Fjord Navy", "Primary", "#14324A", "88/58/25/50", "PMS 7546 C" },
  { "Glacier Blue", "Secondary", "#6FA8C9", "55/18/8/0", "PMS 7688 C" },
  { "Signal Orange", "Accent", "#F26B1D", "0/70/95/0", "PMS 1595 C" },
  { "Moss Green", "Secondary", "#4E7D5B", "65/25/70/15", "PMS 7734 C" },
  { "Birch White", "Background", "#F4F1EA", "3/4/8/0", "PMS 9224 C" },
  { "Granite", "Text", "#3C4043", "65/52/48/45", "PMS 446 C" },
  { "Lingonberry", "Highlight", "#B3263E", "15/95/70/5", "PMS 7427 C" },
  { "Cloudberry", "Highlight", "#F2B544", "0/30/80/0", "PMS 1225 C" },
};

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

  /* PNGs are encoded beside the drawing, on worker threads that touch only pixels */
  GThreadPool   *encoders;
  GMutex         mutex;
  GCond          cond;
  guint          in_flight;
  GError        *encode_error;
};

typedef struct
{
  MopsDemoArt     *art;
  cairo_surface_t *surface;
  char            *path;
} EncodeJob;

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

static void encode_job_run (gpointer data,
                            gpointer user_data);

const MopsDemoColor *
mops_demo_get_palette (guint *n_colors)
{
  *n_colors = G_N_ELEMENTS (palette);
  return palette;
}

char *
mops_demo_format_long_date (const GDate *date)
{
  return g_strdup_printf ("%u %s %u", g_date_get_day (date),
                          month_names[g_date_get_month (date) - 1], g_date_get_year (date));
}

static const char *
season_name (const GDate *date)
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
  /* With one core the pool still works, just without overlap; exclusive threads keep it
   * out of GTask's shared pool. */
  art->encoders = g_thread_pool_new (encode_job_run, art,
                                     CLAMP ((int) g_get_num_processors () - 1, 1, 3), TRUE, NULL);

  return art;
}

void
mops_demo_art_free (MopsDemoArt *art)
{
  if (art == NULL)
    return;

  if (art->encoders != NULL)
    g_thread_pool_free (art->encoders, FALSE, TRUE);
  g_clear_error (&art->encode_error);
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
 * square root per pixel: 30–70 ms for one full photo), so on image surfaces the gradient is
 * drawn at an eighth of the size and stretched with bilinear filtering, which is smooth and
 * ten times faster. Vector surfaces (PDF) get the real gradient. Takes @pattern. */
static void
paint_soft (cairo_t         *cr,
            cairo_pattern_t *pattern,
            double           x,
            double           y,
            double           w,
            double           h)
{
  cairo_surface_t *small;
  cairo_t *small_cr;
  int sw, sh;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
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
  static guint32 table[256];
  static gsize table_ready = 0;

  if (g_once_init_enter (&table_ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&table_ready, 1);
    }

  crc ^= 0xFFFFFFFFu;
  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guchar *data,
              gsize         len)
{
  guchar be[4];
  guint32 crc;

  be[0] = (len >> 24) & 0xff;
  be[1] = (len >> 16) & 0xff;
  be[2] = (len >> 8) & 0xff;
  be[3] = len & 0xff;
  g_byte_array_append (png, be, 4);
  g_byte_array_append (png, (const guchar *) type, 4);
  if (len > 0)
    g_byte_array_append (png, data, (guint) len);

  crc = crc32_update (0, (const guchar *) type, 4);
  crc = crc32_update (crc, data, len);
  be[0] = (crc >> 24) & 0xff;
  be[1] = (crc >> 16) & 0xff;
  be[2] = (crc >> 8) & 0xff;
  be[3] = crc & 0xff;
  g_byte_array_append (png, be, 4);
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

typedef struct
{
  GConverter *compressor;
  guchar     *out;
  gsize       out_len;
  gsize       out_size;
} Deflater;

/* Feeds @len bytes to the compressor, growing the output as needed. */
static gboolean
deflate_bytes (Deflater      *deflater,
               const guchar  *data,
               gsize          len,
               gboolean       last,
               GError       **error)
{
  gsize consumed = 0;

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      g_autoptr(GError) local_error = NULL;
      GConverterResult result;

      if (deflater->out_size - deflater->out_len < 65536)
        {
          deflater->out_size = deflater->out_size * 2 + 65536;
          deflater->out = g_realloc (deflater->out, deflater->out_size);
        }

      result = g_converter_convert (deflater->compressor, data + consumed, len - consumed,
                                    deflater->out + deflater->out_len,
                                    deflater->out_size - deflater->out_len,
                                    last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &bytes_read, &bytes_written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
            {
              deflater->out_size *= 2;
              deflater->out = g_realloc (deflater->out, deflater->out_size);
              continue;
            }
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_FAILED, "%s", local_error->message);
          return FALSE;
        }

      consumed += bytes_read;
      deflater->out_len += bytes_written;
      if (result == G_CONVERTER_FINISHED || (!last && consumed == len))
        return TRUE;
    }
}

/* cairo's own PNG writer makes libpng try every filter at the default level, which took most
 * of the demo's time; this one uses the "Up" filter (smooth gradients become runs of small
 * numbers), a fast level, streams row by row, and stays deterministic. */
static gboolean
encode_png (cairo_surface_t  *surface,
            const char       *path,
            GError          **error)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1);
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gsize row_len = (gsize) width * (alpha ? 4 : 3) + 1;
  g_autofree guchar *previous = g_malloc0 (row_len);
  g_autofree guchar *current = g_malloc0 (row_len);
  g_autofree guchar *filtered = g_malloc (row_len);
  Deflater deflater = { G_CONVERTER (compressor), NULL, 0, 0 };
  guchar header[13];
  gboolean ok = TRUE;

  for (int y = 0; y < height && ok; y++)
    {
      guchar *swap;

      convert_row (surface, y, alpha, current + 1);
      filtered[0] = 2;   /* Up */
      for (gsize i = 1; i < row_len; i++)
        filtered[i] = (guchar) (current[i] - previous[i]);
      ok = deflate_bytes (&deflater, filtered, row_len, y == height - 1, error);

      swap = previous;
      previous = current;
      current = swap;
    }
  if (!ok)
    {
      g_free (deflater.out);
      return FALSE;
    }

  g_byte_array_append (png, signature, sizeof signature);
  header[0] = (width >> 24) & 0xff;
  header[1] = (width >> 16) & 0xff;
  header[2] = (width >> 8) & 0xff;
  header[3] = width & 0xff;
  header[4] = (height >> 24) & 0xff;
  header[5] = (height >> 16) & 0xff;
  header[6] = (height >> 8) & 0xff;
  header[7] = height & 0xff;
  header[8] = 8;                  /* bits per channel */
  header[9] = alpha ? 6 : 2;      /* RGBA or RGB */
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  append_chunk (png, "IHDR", header, sizeof header);
  append_chunk (png, "IDAT", deflater.out, deflater.out_len);
  append_chunk (png, "IEND", NULL, 0);
  g_free (deflater.out);

  {
    g_autoptr(GError) local_error = NULL;

    if (!g_file_set_contents (path, (const char *) png->data, png->len, &local_error))
      {
        g_autofree char *display = g_filename_display_name (path);

        g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO, _("Could not write “%s”: %s"),
                     display, local_error->message);
        return FALSE;
      }
  }

  return TRUE;
}

static void
encode_job_run (gpointer data,
                gpointer user_data)
{
  EncodeJob *job = data;
  MopsDemoArt *art = job->art;
  g_autoptr(GError) error = NULL;

  encode_png (job->surface, job->path, &error);
  cairo_surface_destroy (job->surface);
  g_free (job->path);
  g_free (job);

  g_mutex_lock (&art->mutex);
  if (error != NULL && art->encode_error == NULL)
    art->encode_error = g_steal_pointer (&error);
  art->in_flight--;
  g_cond_broadcast (&art->cond);
  g_mutex_unlock (&art->mutex);
}

/* Hands @surface to an encoder thread; the file exists after mops_demo_art_wait(). At most
 * two pictures wait, so memory stays bounded when drawing runs ahead. */
static gboolean
write_png (MopsDemoArt      *art,
           cairo_surface_t  *surface,
           const char       *path,
           GError          **error)
{
  EncodeJob *job;

  cairo_surface_flush (surface);
  if (cairo_failed (cairo_surface_status (surface), path, error))
    return FALSE;

  g_mutex_lock (&art->mutex);
  while (art->in_flight >= 2 && art->encode_error == NULL)
    g_cond_wait (&art->cond, &art->mutex);
  if (art->encode_error != NULL)
    {
      g_propagate_error (error, g_error_copy (art->encode_error));
      g_mutex_unlock (&art->mutex);
      return FALSE;
    }
  art->in_flight++;
  g_mutex_unlock (&art->mutex);

  job = g_new0 (EncodeJob, 1);
  job->art = art;
  job->surface = cairo_surface_reference (surface);
  job->path = g_strdup (path);
  g_thread_pool_push (art->encoders, job, NULL);

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
  ok = art->encode_error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&art->encode_error));
  g_mutex_unlock (&art->mutex);

  return ok;
}

gboolean
mops_demo_write_text (const char  *path,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, text, -1, &local_error))
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

  return mops_demo_write_text (path, svg->str, error);
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
  cairo_surface_t *surface;
  cairo_t *cr;
  Logo logo;
  double margin = width * 0.06;
  double ink_height;
  int height;
  gboolean ok;

  logo_build (art, TRUE, TRUE, &logo);
  ink_height = (width - 2 * margin) * (logo.y1 - logo.y0) / (logo.x1 - logo.x0);
  height = (int) (ink_height + 2 * margin + 0.5);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  draw_logo (cr, &logo, colors, margin, margin, ink_height);
  cairo_destroy (cr);
  logo_clear (&logo);

  ok = write_png (art, surface, path, error);
  cairo_surface_destroy (surface);

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
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  Logo symbol;
  gboolean ok;

  logo_build (art, FALSE, FALSE, &symbol);
  /* a soft shadow under the tile, as app icons have */
  rounded_rect (cr, size * 0.06, size * 0.08, size * 0.88, size * 0.88, size * 0.2);
  set_rgba (cr, 0x000000, 0.18);
  cairo_fill (cr);
  draw_icon (cr, &symbol, size * 0.06, size * 0.05, size * 0.88);
  logo_clear (&symbol);
  cairo_destroy (cr);

  ok = write_png (art, surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
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
} Landscape;

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
  vertical_gradient (cr, peak, MAX (base, peak + 1), mix (color, scene->sky_horizon, 0.1), 1,
                     mix (color, scene->near_rgb, 0.3), 1);
  cairo_fill_preserve (cr);

  if (layer < scene->snow_layers)
    {
      cairo_save (cr);
      cairo_clip (cr);
      vertical_gradient (cr, peak, peak + depth * 0.3, 0xFFFFFF, 0.9, 0xFFFFFF, 0);
      cairo_paint (cr);
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
  cairo_rectangle (cr, 0, 0, c->width, c->height);
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

  if (scene->tent)
    draw_tent (cr, w * 0.62, ridge_y_at (near, w, base, w * 0.62) + unit * 0.35, unit * 1.1,
               scene->fire || scene->n_stars > 0);
  if (scene->fire)
    draw_fire (cr, w * 0.74, ridge_y_at (near, w, base, w * 0.74) + unit * 0.3, unit * 0.35);
  for (guint i = 0; i < scene->n_hikers; i++)
    {
      double x = w * (0.3 + 0.045 * i);

      draw_hiker (cr, x, ridge_y_at (near, w, base, x) + unit * 0.08,
                  unit * (1.05 - 0.08 * (i % 2)), 0x1A1A22, packs[i % 3]);
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

  paint_sky (cr, &c);

  for (guint layer = 0; layer < c.n_layers; layer++)
    {
      double t = c.n_layers > 1 ? (double) layer / (c.n_layers - 1) : 1;

      make_ridge (rand, c.ridges[layer], height * scene->amplitude * (1 - 0.6 * t),
                  scene->roughness - 0.12 * t);
      c.bases[layer] = height * (scene->top + (scene->bottom - scene->top) * t);
    }

  /* ridges far to near, hazier the farther; those below the waterline stand in front of the
   * water (a shore, rocks), so they come after it */
  for (guint layer = 0; layer < c.n_layers; layer++)
    if (c.bases[layer] <= c.waterline + 0.5)
      paint_ridge (cr, scene, c.ridges[layer], c.bases[layer], layer, c.n_layers, c.waterline,
                   width, height);

  if (scene->water > 0)
    {
      paint_water (cr, &c);
      for (guint layer = 0; layer < c.n_layers; layer++)
        if (c.bases[layer] > c.waterline + 0.5)
          paint_ridge (cr, scene, c.ridges[layer], c.bases[layer], layer, c.n_layers, height,
                       width, height);
    }

  if (scene->path)
    paint_trail (cr, &c);
  paint_foreground (cr, &c);

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
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  Landscape landscape;
  gboolean ok;

  landscape_for_scene (scene, &landscape);
  paint_landscape (cr, &landscape, width, height);
  cairo_destroy (cr);

  ok = write_png (art, surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
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

static void
draw_backpack (MopsDemoArt *art,
               cairo_t     *cr,
               Logo        *symbol,
               double       cx,
               double       floor,
               double       h)
{
  double w = h * 0.62;
  double x = cx - w / 2;
  double top = floor - h;
  guint32 body = 0x1F4A6E;
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
             double   h)
{
  guint32 shell = 0xD9531E;
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
      draw_backpack (art, cr, &symbol, width / 2, height * 0.86, size * 0.72);
      break;
    case MOPS_DEMO_PRODUCT_JACKET:
      paint_studio (cr, width, height, 0xEEF1F3, 0xB7C0C8);
      draw_jacket (cr, &symbol, width / 2, height * 0.88, size * 0.78);
      break;
    case MOPS_DEMO_PRODUCT_BOTTLE:
    default:
      paint_studio (cr, width, height, 0xF1EFE6, 0xBFC4B2);
      draw_bottle (art, cr, &symbol, width * 0.45, height * 0.86, size * 0.7);
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
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  paint_product (art, cr, product, width, height);
  cairo_destroy (cr);

  ok = write_png (art, surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
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

  add_stop (pattern, 0, 0x0B1A28, alpha);
  add_stop (pattern, 1, 0x0B1A28, 0);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
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
                                                  season_name (&art->today));
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
    default:
      paint_newsletter_header (art, cr, &logo, width, height);
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
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  paint_post (art, cr, post, width, height);
  cairo_destroy (cr);

  ok = write_png (art, surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
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

  return mops_demo_write_text (path, svg->str, error);
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
guidelines_colour_page (MopsDemoArt *art,
                        cairo_t     *cr,
                        double       w,
                        double       h)
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

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
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
mops_demo_art_guidelines_pdf (MopsDemoArt  *art,
                              const char   *path,
                              int          *out_pages,
                              GError      **error)
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
  guidelines_colour_page (art, cr, w, h);
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
