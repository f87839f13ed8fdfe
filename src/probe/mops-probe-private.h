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

G_END_DECLS
