/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-export.h — an asset's file out of the library: a copy carrying its metadata, and the
 * viewer's large pictures, both made by mops-probe */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* The longest edge mops_preview_render() accepts, in pixels. */
#define MOPS_PREVIEW_RENDER_MIN 16
#define MOPS_PREVIEW_RENDER_MAX 8192

/* Copies asset @asset_id's file to @dest_path (absolute; a temporary file beside it, then a
 * rename, so @dest_path is either the old file or the whole copy) with the asset's title,
 * creator, description, tags (dc:subject leaves and lr:hierarchicalSubject "A|B|C") and its
 * licence (usage terms, copyright, licensor, end date) written into the copy's XMP by
 * mops-probe, in a worker on its own connection. Formats that cannot hold XMP (PDF, SVG, ZIP,
 * text…) get an untouched copy and a sidecar "@dest_path.xmp", whose path _finish() returns
 * in *@out_sidecar (may be NULL; set to NULL when the XMP is embedded; free with g_free()).
 * Fails with MOPS_ERROR_NOT_FOUND for an unknown asset, MOPS_ERROR_INVALID when @dest_path is
 * the asset's own file, MOPS_ERROR_IO when the file cannot be read or the copy written,
 * MOPS_ERROR_FAILED when the helper fails; messages name the file. */
void     mops_export_asset_copy_async  (MopsLibrary          *library,
                                        gint64                asset_id,
                                        const char           *dest_path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean mops_export_asset_copy_finish (MopsLibrary          *library,
                                        GAsyncResult         *result,
                                        char                **out_sidecar,
                                        GError              **error);

/* Renders page @page (0-based; only PDFs have more than one) of asset @asset_id to fit
 * @size × @size pixels (MOPS_PREVIEW_RENDER_MIN … _MAX) into the cache file
 * thumbs/view/<sha256>-p<page>-<size>.png, reusing it when it is already there. Images are
 * never enlarged beyond their own size, fonts become a specimen, text a page of its first
 * lines. Returns the PNG's path in *@out_png_path (free with g_free()), the number of
 * pages in *@out_page_count and the picture's longest edge at 100 % in *@out_natural (its
 * pixels, a PDF page's points; 0 for a font specimen or text, which have no size of their
 * own); both may be NULL. Opens its own connection: safe in a worker, never
 * decodes in the calling process. Fails with MOPS_ERROR_NOT_FOUND for an unknown asset,
 * MOPS_ERROR_INVALID for a page the file does not have or a size out of range, and
 * MOPS_ERROR_FAILED when the file cannot be shown (damaged, too large, a type without a
 * picture, a helper that crashed or ran out of time), with a message naming the file. */
gboolean mops_preview_render    (MopsLibrary  *library,
                                 gint64        asset_id,
                                 int           page,
                                 int           size,
                                 char        **out_png_path,
                                 int          *out_page_count,
                                 int          *out_natural,
                                 GError      **error);

/* mops_preview_render() in a worker; _finish() returns the PNG's path (free with g_free())
 * and fills the page count and the longest edge at 100 % (either may be NULL). */
void     mops_preview_render_async     (MopsLibrary          *library,
                                        gint64                asset_id,
                                        int                   page,
                                        int                   size,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char    *mops_preview_render_finish    (MopsLibrary          *library,
                                        GAsyncResult         *result,
                                        int                  *out_page_count,
                                        int                  *out_natural,
                                        GError              **error);

/* A copy of asset @asset_id's file for another program to open ("Open With…"), so that no
 * editor ever writes to the library's content-addressed file: $XDG_CACHE_HOME/mops/open/
 * <first 12 hex digits of its SHA-256>/<its original name>, made in a worker. A copy that is
 * still the same as the asset is used again; one that was changed (edited in that program)
 * is kept, and the new copy goes into the next free folder "<hash>-2", "<hash>-3"… _finish()
 * returns its absolute path (free with g_free()). Fails with MOPS_ERROR_NOT_FOUND for an
 * unknown asset and MOPS_ERROR_IO (naming the file) when it cannot be copied. */
void     mops_asset_open_copy_async    (MopsLibrary          *library,
                                        gint64                asset_id,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char    *mops_asset_open_copy_finish   (MopsLibrary          *library,
                                        GAsyncResult         *result,
                                        GError              **error);

/* The beginning of asset @asset_id's file as text, at most @max_bytes of it, made valid
 * UTF-8, read in a worker (the viewer's text page); _finish() says in *@out_truncated
 * whether the file is longer. Free the text with g_free(). Fails with MOPS_ERROR_NOT_FOUND
 * for an unknown asset and with the file's own error (naming it) when it cannot be read. */
void     mops_asset_read_text_async    (MopsLibrary          *library,
                                        gint64                asset_id,
                                        gsize                 max_bytes,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char    *mops_asset_read_text_finish   (MopsLibrary          *library,
                                        GAsyncResult         *result,
                                        gboolean             *out_truncated,
                                        GError              **error);

G_END_DECLS
