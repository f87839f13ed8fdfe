/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-probe-private.h — the decoders behind mops-probe: metadata and thumbnails */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <librsvg/rsvg.h>
#include <poppler.h>

G_BEGIN_DECLS

/* librsvg 2.54 and poppler-glib 22.12 (Debian 12) declare no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Images with more pixels than this are not decoded (design §5). */
#define MOPS_PROBE_PIXEL_LIMIT (250 * 1000 * 1000)

/* The largest thumbnail; the 256 px one is derived from it. */
#define MOPS_PROBE_THUMB_MAX 512

/* The range of the "size" of a render request (the picture's longest edge). */
#define MOPS_PROBE_RENDER_MIN 16
#define MOPS_PROBE_RENDER_MAX 8192

typedef struct
{
  const char *path;
  const char *name;            /* what the person calls the file, for messages */
  const char *mime;
  const char *legacy_charset;  /* for IPTC text without a declared character set */
} MopsProbeRequest;

/* Fills @out with what the file's headers say: width, height, page_count, duration_s and,
 * through gexiv2, title, creator, copyright, description, keywords, hierarchical keywords,
 * capture date and the rights fields ("meta"). Never fails: unknown stays unset. */
void       mops_probe_read_metadata (const MopsProbeRequest *request,
                                     JsonBuilder            *out);

/* Decodes the file into a picture that fits MOPS_PROBE_THUMB_MAX × MOPS_PROBE_THUMB_MAX
 * (never enlarged beyond its own size, except vectors, fonts and text, which are drawn at
 * that size). NULL with a translated reason when it cannot be previewed; *@no_preview_kind is
 * set to TRUE for types that simply have no picture (an archive, a spreadsheet): they get a
 * type icon in the app, which is not an error. */
GdkPixbuf *mops_probe_render        (const MopsProbeRequest *request,
                                     gboolean               *no_preview_kind,
                                     char                  **error_code,
                                     char                  **error_message);

/* The viewer's large picture: page @page (0-based; a PDF has several, everything else one)
 * fitting @size × @size. Raster images are never enlarged beyond their own size; vectors and
 * PDF pages are drawn at that size; a font becomes a specimen (its family name and a pangram
 * at 12 to 72 px, drawn with its own glyphs), a text file a page of its first ~200 lines.
 * *@out_page_count gets the number of pages, *@out_natural the picture's longest edge at
 * 100 % (its pixels, a PDF page's points; 0 for a specimen or text, which have no size of
 * their own). NULL as for mops_probe_render(); a page that does not exist is the code
 * "bad_page". */
GdkPixbuf *mops_probe_render_page   (const MopsProbeRequest *request,
                                     int                     page,
                                     int                     size,
                                     int                    *out_page_count,
                                     int                    *out_natural,
                                     gboolean               *no_preview_kind,
                                     char                  **error_code,
                                     char                  **error_message);

/* Copies @source to @dest (a temporary file beside it, then a rename) and writes @fields
 * into the copy's XMP: "title", "creator", "description" (strings), "tags" (tag paths
 * "A/B/C", "\/" a literal slash) as dc:subject leaves and lr:hierarchicalSubject "A|B|C",
 * and "licence" ({"licensor", "kind", "expires_on", "usage_terms", "copyright"} or null) as
 * xmpRights:UsageTerms, dc:rights, plus:Licensor and plus:LicenseEndDate. A format that
 * cannot hold XMP gets an untouched copy and a sidecar @dest.xmp, returned in
 * *@out_sidecar. FALSE with a code and a translated message naming the file on failure;
 * @dest is then left as it was. */
gboolean   mops_probe_write_xmp     (const char             *source,
                                     const char             *dest,
                                     const char             *name,
                                     JsonObject             *fields,
                                     char                  **out_sidecar,
                                     char                  **error_code,
                                     char                  **error_message);

/* Writes @pixbuf to @path as PNG through a temporary file in the same folder and a rename,
 * so a reader never sees half a picture. The folder is created when missing. */
gboolean   mops_probe_save_png      (GdkPixbuf              *pixbuf,
                                     const char             *path,
                                     GError                **error);

G_END_DECLS
