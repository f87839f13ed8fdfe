/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-probe-render.c — decoding a file into its thumbnail or the viewer's large picture */

#include "config.h"

#define G_LOG_DOMAIN "mops-probe"

#include <string.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <poppler.h>

#include "mops-probe-private.h"

#define THUMB MOPS_PROBE_THUMB_MAX

/* The large view of a text file shows this much of its beginning. */
#define TEXT_VIEW_LINES 200
#define TEXT_VIEW_BYTES (64 * 1024)

/* What to draw: a thumbnail, or the viewer's picture of one page. */
typedef struct
{
  int      box;          /* the picture fits box × box */
  int      page;         /* 0-based; only PDFs have more than one */
  gboolean large;        /* the viewer's picture: a font specimen, a page of text */
  int      page_count;   /* out */
  int      natural;      /* out: the longest edge at 100 % (pixels, a PDF page's points); 0 for
                          * pictures with no size of their own (a font specimen, text) */
} Target;

static gboolean
mime_is (const char *mime,
         const char *prefix)
{
  return mime != NULL && g_str_has_prefix (mime, prefix);
}

static void
set_error (char       **code,
           char       **message,
           const char  *error_code,
           char        *error_message)
{
  *code = g_strdup (error_code);
  *message = error_message;
}

/* "“photo.png” cannot be previewed: …" with the decoder's own words, where a decoder names
 * the file it was given — the library's content-addressed copy ("…/files/af/af73….png") —
 * by the name people know it by. */
static char *
cannot_preview_message (const MopsProbeRequest *request,
                        const char             *name,
                        const GError           *error)
{
  g_autoptr(GString) reason = g_string_new (error->message);
  g_autofree char *display_path = g_filename_display_name (request->path);

  g_string_replace (reason, display_path, name, 0);
  if (strcmp (display_path, request->path) != 0)
    g_string_replace (reason, request->path, name, 0);

  return g_strdup_printf (_("“%s” cannot be previewed: %s"), name, reason->str);
}

/* A cairo ARGB32 surface (premultiplied) as an RGBA pixbuf. */
static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int src_stride = cairo_image_surface_get_stride (surface);
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  int dst_stride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *dst = gdk_pixbuf_get_pixels (pixbuf);
  const guchar *src;

  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y++)
    {
      const guint32 *s = (const guint32 *) (const void *) (src + y * src_stride);
      guchar *d = dst + y * dst_stride;

      for (int x = 0; x < width; x++)
        {
          guint32 p = s[x];
          guint a = p >> 24;

          d[4 * x + 3] = (guchar) a;
          if (a == 0)
            {
              d[4 * x] = d[4 * x + 1] = d[4 * x + 2] = 0;
              continue;
            }
          d[4 * x + 0] = (guchar) ((((p >> 16) & 0xff) * 255 + a / 2) / a);
          d[4 * x + 1] = (guchar) ((((p >> 8) & 0xff) * 255 + a / 2) / a);
          d[4 * x + 2] = (guchar) (((p & 0xff) * 255 + a / 2) / a);
        }
    }

  return pixbuf;
}

static void
fit (double  width,
     double  height,
     double  box,
     int    *out_width,
     int    *out_height)
{
  double scale = MIN (box / width, box / height);

  *out_width = MAX (1, (int) (width * scale + 0.5));
  *out_height = MAX (1, (int) (height * scale + 0.5));
}

static GdkPixbuf *
render_raster (const MopsProbeRequest  *request,
               Target                  *target,
               char                   **code,
               char                   **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autofree char *name = g_strdup (request->name);
  int width = 0, height = 0;
  GdkPixbufFormat *format;

  format = gdk_pixbuf_get_file_info (request->path, &width, &height);
  if (format == NULL || width <= 0 || height <= 0)
    {
      set_error (code, message, "undecodable",
                 g_strdup_printf (_("“%s” is not an image this system can read, or it is damaged"), name));
      return NULL;
    }

  if ((gint64) width * height > MOPS_PROBE_PIXEL_LIMIT)
    {
      set_error (code, message, "too_large",
                 g_strdup_printf (_("“%s” is too large to preview (%d × %d pixels)"), name, width, height));
      return NULL;
    }

  target->natural = MAX (width, height);

  /* Decode at scale: JPEG decodes at 1/2, 1/4, 1/8 straight away. */
  if (width > target->box || height > target->box)
    decoded = gdk_pixbuf_new_from_file_at_size (request->path, target->box, target->box, &error);
  else
    decoded = gdk_pixbuf_new_from_file (request->path, &error);

  if (decoded == NULL)
    {
      set_error (code, message, "undecodable", cannot_preview_message (request, name, error));
      return NULL;
    }

  return gdk_pixbuf_apply_embedded_orientation (decoded);
}

static GdkPixbuf *
render_svg (const MopsProbeRequest  *request,
            Target                  *target,
            char                   **code,
            char                   **message)
{
  g_autoptr(GFile) file = g_file_new_for_path (request->path);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RsvgHandle) handle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (request->name);
  cairo_surface_t *surface;
  GdkPixbuf *pixbuf;
  RsvgRectangle viewport;
  double w = 0, h = 0;
  int width, height;
  cairo_t *cr;

  stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  if (stream != NULL)
    handle = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, &error);
  if (handle == NULL)
    {
      set_error (code, message, "undecodable", cannot_preview_message (request, name, error));
      return NULL;
    }

  if (rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h) && w > 0 && h > 0)
    target->natural = (int) (MAX (w, h) + 0.5);
  else
    w = h = target->box;

  fit (w, h, target->box, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  viewport = (RsvgRectangle) { 0, 0, width, height };
  if (!rsvg_handle_render_document (handle, cr, &viewport, &error))
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      set_error (code, message, "undecodable", cannot_preview_message (request, name, error));
      return NULL;
    }

  cairo_destroy (cr);
  pixbuf = pixbuf_from_surface (surface);
  cairo_surface_destroy (surface);
  return pixbuf;
}

static GdkPixbuf *
render_pdf (const MopsProbeRequest  *request,
            Target                  *target,
            char                   **code,
            char                   **message)
{
  g_autofree char *uri = g_filename_to_uri (request->path, NULL, NULL);
  g_autofree char *name = g_strdup (request->name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *surface;
  GdkPixbuf *pixbuf;
  double w, h;
  int width, height;
  cairo_t *cr;

  document = poppler_document_new_from_file (uri, NULL, &error);
  if (document == NULL || poppler_document_get_n_pages (document) < 1)
    {
      set_error (code, message, "undecodable",
                 error != NULL ? cannot_preview_message (request, name, error)
                               : g_strdup_printf (_("“%s” cannot be previewed: %s"), name, _("it has no pages")));
      return NULL;
    }

  target->page_count = poppler_document_get_n_pages (document);
  if (target->page < 0 || target->page >= target->page_count)
    {
      set_error (code, message, "bad_page",
                 g_strdup_printf (_("“%s” has no page %d"), name, target->page + 1));
      return NULL;
    }

  page = poppler_document_get_page (document, target->page);
  poppler_page_get_size (page, &w, &h);
  if (w > 0 && h > 0)
    target->natural = (int) (MAX (w, h) + 0.5);
  else
    w = h = target->box;

  fit (w, h, target->box, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);   /* paper */
  cairo_paint (cr);
  cairo_scale (cr, width / w, height / h);
  poppler_page_render (page, cr);
  cairo_destroy (cr);

  pixbuf = pixbuf_from_surface (surface);
  cairo_surface_destroy (surface);
  return pixbuf;
}

/* Sample texts by script: a font map made from one file has no fallback, so the sample must
 * be in a script the font covers (design §12). */
static const struct
{
  gunichar    probe;       /* a character the script's fonts have */
  const char *pangram;
} samples[] = {
  { 'a', "The quick brown fox jumps over the lazy dog" },
  { 0x0436, "Съешь же ещё этих мягких французских булок, да выпей чаю" },
  { 0x3042, "いろはにほへと ちりぬるを わかよたれそ つねならむ" },
  { 0x6F22, "永和九年，歲在癸丑，暮春之初" },
};

typedef struct
{
  PangoFontMap *font_map;
  char         *family;
  const char   *pangram;
} FontFile;

static void
font_file_clear (FontFile *font)
{
  g_clear_object (&font->font_map);
  g_clear_pointer (&font->family, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FontFile, font_file_clear)

/* A font file is drawn with its own glyphs: a private fontconfig that knows only this file
 * (design §12), so a sample never falls back to another font. */
static gboolean
open_font_file (const MopsProbeRequest  *request,
                FontFile                *font,
                char                   **code,
                char                   **message)
{
  FcConfig *config = FcConfigCreate ();
  FcFontSet *set = NULL;
  FcChar8 *fc_family = NULL;
  FcCharSet *charset = NULL;

  if (FcConfigAppFontAddFile (config, (const FcChar8 *) request->path))
    set = FcConfigGetFonts (config, FcSetApplication);
  if (set != NULL && set->nfont > 0 &&
      FcPatternGetString (set->fonts[0], FC_FAMILY, 0, &fc_family) == FcResultMatch)
    font->family = g_strdup ((const char *) fc_family);

  if (font->family == NULL)
    {
      FcConfigDestroy (config);
      set_error (code, message, "undecodable",
                 g_strdup_printf (_("“%s” is not a font this system can read, or it is damaged"), request->name));
      return FALSE;
    }

  font->pangram = samples[0].pangram;
  if (FcPatternGetCharSet (set->fonts[0], FC_CHARSET, 0, &charset) == FcResultMatch)
    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      if (FcCharSetHasChar (charset, samples[i].probe))
        {
          font->pangram = samples[i].pangram;
          break;
        }

  font->font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font->font_map), config);
  FcConfigDestroy (config);
  return TRUE;
}

static void
draw_font_sample (FontFile *font,
                  cairo_t  *cr)
{
  PangoContext *context = pango_font_map_create_context (font->font_map);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_new ();

  pango_font_description_set_family (description, font->family);
  pango_font_description_set_absolute_size (description, 150 * PANGO_SCALE);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, THUMB * PANGO_SCALE);
  pango_layout_set_text (layout, "Aa", -1);
  cairo_move_to (cr, 0, 100);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_set_absolute_size (description, 44 * PANGO_SCALE);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, "Bb Cc 123", -1);
  cairo_move_to (cr, 0, 330);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (description);
  g_object_unref (layout);
  g_object_unref (context);
}

/* One line of a specimen: its text at its size (unscaled px), and the gap after it. */
typedef struct
{
  const char *text;
  double      px;
  double      gap;
} SpecimenLine;

/* The specimen's lines, laid out for a page @box wide; returns its height. With @cr, draws
 * them too. Sizes are px on a 1024 px page, scaled with the page. */
static int
lay_out_specimen (FontFile   *font,
                  int         box,
                  cairo_t    *cr)
{
  static const double sizes[] = { 12, 18, 24, 36, 48, 72 };
  const char *alphabet = g_str_equal (font->pangram, samples[0].pangram)
                         ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ\nabcdefghijklmnopqrstuvwxyz\n0123456789 .,;:!?&@"
                         : font->pangram;
  double scale = box / 1024.0;
  double margin = 48 * scale;
  double y = margin;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (SpecimenLine));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  PangoContext *context = pango_font_map_create_context (font->font_map);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_new ();

  g_array_append_val (lines, ((SpecimenLine) { font->family, 40, 20 }));
  g_array_append_val (lines, ((SpecimenLine) { alphabet, 22, 32 }));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      char *label = g_strdup_printf ("%g px", sizes[i]);

      g_ptr_array_add (labels, label);
      g_array_append_val (lines, ((SpecimenLine) { label, 11, 4 }));
      g_array_append_val (lines, ((SpecimenLine) { font->pangram, sizes[i], 22 }));
    }

  pango_font_description_set_family (description, font->family);
  pango_layout_set_width (layout, (int) ((box - 2 * margin) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  for (guint i = 0; i < lines->len; i++)
    {
      const SpecimenLine *line = &g_array_index (lines, SpecimenLine, i);
      gboolean label = i >= 2 && i % 2 == 0;
      int height;

      pango_font_description_set_absolute_size (description, line->px * scale * PANGO_SCALE);
      pango_layout_set_font_description (layout, description);
      pango_layout_set_text (layout, line->text, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);

      if (cr != NULL)
        {
          if (label)
            cairo_set_source_rgb (cr, 0.45, 0.45, 0.5);
          else
            cairo_set_source_rgb (cr, 0.12, 0.12, 0.14);
          cairo_move_to (cr, margin, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += height + line->gap * scale;
    }

  pango_font_description_free (description);
  g_object_unref (layout);
  g_object_unref (context);

  return (int) (y + margin + 0.999);
}

static GdkPixbuf *
render_font (const MopsProbeRequest  *request,
             const Target            *target,
             char                   **code,
             char                   **message)
{
  g_auto(FontFile) font = { NULL };
  cairo_surface_t *surface;
  GdkPixbuf *pixbuf;
  int width = THUMB, height = THUMB;
  cairo_t *cr;

  if (!open_font_file (request, &font, code, message))
    return NULL;

  if (target->large)
    {
      width = target->box;
      height = MIN (target->box, lay_out_specimen (&font, width, NULL));
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.14);

  if (target->large)
    lay_out_specimen (&font, width, cr);
  else
    draw_font_sample (&font, cr);

  cairo_destroy (cr);
  pixbuf = pixbuf_from_surface (surface);
  cairo_surface_destroy (surface);
  return pixbuf;
}

/* The first @max_bytes of a text file, cut after @max_lines lines, as valid UTF-8. */
static char *
read_text_start (const char *path,
                 gsize       max_bytes,
                 guint       max_lines)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = g_malloc (max_bytes + 1);
  gsize n = 0;
  guint lines = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, max_bytes, &n, NULL, NULL))
    return NULL;

  for (gsize i = 0; i < n; i++)
    if (buffer[i] == '\n' && ++lines == max_lines)
      {
        n = i;
        break;
      }

  return g_utf8_make_valid (buffer, (gssize) n);
}

/* The first lines of a text on a page: a thumbnail in the system's sans font, or the
 * viewer's page of up to TEXT_VIEW_LINES lines in its monospace font. */
static GdkPixbuf *
render_text (const MopsProbeRequest  *request,
             const Target            *target,
             char                   **code,
             char                   **message)
{
  int box = target->large ? target->box : THUMB;
  int page_width = box * 3 / 4;
  double margin = box * 28.0 / 512;
  double px = target->large ? MAX (7.0, box / 120.0) : 13.0;
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoFontDescription *description;
  cairo_surface_t *surface;
  GdkPixbuf *pixbuf;
  cairo_t *cr;

  text = read_text_start (request->path, target->large ? TEXT_VIEW_BYTES : 4095,
                          target->large ? TEXT_VIEW_LINES : G_MAXUINT);
  if (text == NULL)
    {
      set_error (code, message, "unreadable", g_strdup_printf (_("Could not read “%s”"), request->name));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, page_width, box);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.18, 0.18, 0.2);

  layout = pango_cairo_create_layout (cr);
  description = pango_font_description_from_string (target->large ? "Monospace" : "Sans");
  pango_font_description_set_absolute_size (description, px * PANGO_SCALE);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) ((page_width - 2 * margin) * PANGO_SCALE));
  pango_layout_set_height (layout, (int) ((box - 2 * margin) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, margin, margin);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (description);
  g_object_unref (layout);
  cairo_destroy (cr);

  pixbuf = pixbuf_from_surface (surface);
  cairo_surface_destroy (surface);
  return pixbuf;
}

/* A frame a little way in (the very first one is often black), through GStreamer. */
static GdkPixbuf *
render_video (const MopsProbeRequest  *request,
              Target                  *target,
              gboolean                *no_preview_kind,
              char                   **code,
              char                   **message)
{
  g_autofree char *uri = g_filename_to_uri (request->path, NULL, NULL);
  g_autofree char *name = g_strdup (request->name);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *pipeline;
  GstElement *sink;
  GstSample *sample = NULL;
  GdkPixbuf *pixbuf = NULL;
  gint64 duration = 0;

  if (!gst_is_initialized () || uri == NULL)
    {
      *no_preview_kind = TRUE;
      return NULL;
    }

  description = g_strdup_printf ("uridecodebin uri=\"%s\" ! videoconvert ! videoscale ! "
                                 "video/x-raw,format=RGB,pixel-aspect-ratio=1/1 ! "
                                 "appsink name=sink sync=false", uri);
  pipeline = gst_parse_launch (description, &error);
  if (pipeline == NULL)
    {
      *no_preview_kind = TRUE;
      return NULL;
    }

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_element_set_state (pipeline, GST_STATE_PAUSED);

  if (gst_element_get_state (pipeline, NULL, NULL, 5 * GST_SECOND) != GST_STATE_CHANGE_FAILURE)
    {
      if (gst_element_query_duration (pipeline, GST_FORMAT_TIME, &duration) && duration > 0)
        gst_element_seek_simple (pipeline, GST_FORMAT_TIME,
                                 GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT,
                                 MIN (GST_SECOND, duration / 10));
      gst_element_get_state (pipeline, NULL, NULL, 5 * GST_SECOND);
      sample = gst_app_sink_try_pull_preroll (GST_APP_SINK (sink), 5 * GST_SECOND);
    }

  if (sample != NULL)
    {
      GstCaps *caps = gst_sample_get_caps (sample);
      GstStructure *structure = gst_caps_get_structure (caps, 0);
      GstBuffer *buffer = gst_sample_get_buffer (sample);
      GstMapInfo map;
      int width = 0, height = 0;

      gst_structure_get_int (structure, "width", &width);
      gst_structure_get_int (structure, "height", &height);
      if (width > 0 && height > 0 && gst_buffer_map (buffer, &map, GST_MAP_READ))
        {
          int stride = GST_ROUND_UP_4 (width * 3);
          g_autoptr(GdkPixbuf) frame = NULL;

          if (map.size >= (gsize) stride * height)
            {
              GBytes *bytes = g_bytes_new (map.data, (gsize) stride * height);
              int tw, th;

              frame = gdk_pixbuf_new_from_bytes (bytes, GDK_COLORSPACE_RGB, FALSE, 8, width, height, stride);
              g_bytes_unref (bytes);
              target->natural = MAX (width, height);
              fit (width, height, MIN (target->box, MAX (width, height)), &tw, &th);
              pixbuf = gdk_pixbuf_scale_simple (frame, tw, th, GDK_INTERP_BILINEAR);
            }
          gst_buffer_unmap (buffer, &map);
        }
      gst_sample_unref (sample);
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pipeline);

  if (pixbuf == NULL)
    set_error (code, message, "undecodable",
               g_strdup_printf (_("“%s” cannot be previewed: no video frame could be decoded"), name));

  return pixbuf;
}

static GdkPixbuf *
render (const MopsProbeRequest  *request,
        Target                  *target,
        gboolean                *no_preview_kind,
        char                   **error_code,
        char                   **error_message)
{
  const char *mime = request->mime;
  gboolean is_pdf = g_strcmp0 (mime, "application/pdf") == 0 || g_strcmp0 (mime, "application/illustrator") == 0;

  *no_preview_kind = FALSE;
  target->page_count = 1;

  /* Only a PDF has pages beyond the first. */
  if (!is_pdf && target->page != 0)
    {
      set_error (error_code, error_message, "bad_page",
                 g_strdup_printf (_("“%s” has no page %d"), request->name, target->page + 1));
      return NULL;
    }

  if (mime_is (mime, "image/svg"))
    return render_svg (request, target, error_code, error_message);
  if (mime_is (mime, "image/"))
    return render_raster (request, target, error_code, error_message);
  if (is_pdf)
    return render_pdf (request, target, error_code, error_message);
  if (mime_is (mime, "font/") || g_strcmp0 (mime, "application/vnd.ms-opentype") == 0 ||
      g_strcmp0 (mime, "application/x-font-ttf") == 0 || g_strcmp0 (mime, "application/x-font-otf") == 0)
    return render_font (request, target, error_code, error_message);
  if (mime_is (mime, "text/"))
    return render_text (request, target, error_code, error_message);
  if (mime_is (mime, "video/"))
    return render_video (request, target, no_preview_kind, error_code, error_message);

  *no_preview_kind = TRUE;
  return NULL;
}

GdkPixbuf *
mops_probe_render (const MopsProbeRequest  *request,
                   gboolean                *no_preview_kind,
                   char                   **error_code,
                   char                   **error_message)
{
  Target target = { THUMB, 0, FALSE, 1, 0 };

  return render (request, &target, no_preview_kind, error_code, error_message);
}

GdkPixbuf *
mops_probe_render_page (const MopsProbeRequest  *request,
                        int                      page,
                        int                      size,
                        int                     *out_page_count,
                        int                     *out_natural,
                        gboolean                *no_preview_kind,
                        char                   **error_code,
                        char                   **error_message)
{
  Target target = { CLAMP (size, MOPS_PROBE_RENDER_MIN, MOPS_PROBE_RENDER_MAX), page, TRUE, 1, 0 };
  GdkPixbuf *pixbuf = render (request, &target, no_preview_kind, error_code, error_message);

  *out_page_count = target.page_count;
  *out_natural = target.natural;
  return pixbuf;
}
