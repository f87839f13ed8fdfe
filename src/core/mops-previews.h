/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-previews.h — thumbnails and header metadata for assets, through mops-probe workers */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

typedef enum
{
  MOPS_THUMB_SIZE_256 = 1 << 0,
  MOPS_THUMB_SIZE_512 = 1 << 1,
} MopsThumbSizes;

typedef struct
{
  gint64  id;
  char   *code;    /* "undecodable", "too_large", "timeout", "crashed", … */
  char   *error;   /* translated, names the file */
} MopsPreviewProblem;

typedef struct
{
  guint      generated;
  guint      skipped;          /* thumbnails already there */
  GPtrArray *cannot_preview;   /* MopsPreviewProblem */
  gboolean   cancelled;
} MopsPreviewReport;

void mops_preview_report_free (MopsPreviewReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsPreviewReport, mops_preview_report_free)

typedef void (*MopsPreviewProgressFunc) (guint    done,
                                         guint    total,
                                         gint64   asset_id,
                                         gpointer user_data);

/* The cache path of an asset's thumbnail: thumbs/<size>/<ab>/<sha256>.png (it may not exist). */
char              *mops_previews_thumbnail_path (MopsLibrary  *library,
                                                 const char   *sha256,
                                                 int           size);

/* TRUE for the kinds that have a picture (images, PDF, fonts, text, video); others show a
 * type icon and never count as "cannot preview". */
gboolean           mops_previews_has_picture    (const char   *mime);

/* Generates the missing thumbnails of @ids (all assets when @ids is NULL) in @n_workers
 * mops-probe helpers, decoding each file once at 512 px and deriving 256 px (@sizes 0: both).
 * Assets still "pending" also get their header metadata (pixel size, pages, duration,
 * EXIF/IPTC/XMP title, creator, description, capture date, keywords, hierarchical keywords as
 * tag paths, rights fields) and their preview state. A file that crashes or hangs a helper
 * costs only its own preview. Rows are written through the library's own connection: call
 * it from the thread that opened the library (mops-cli); @progress is called there after each
 * asset. */
MopsPreviewReport *mops_previews_run            (MopsLibrary              *library,
                                                 const gint64             *ids,
                                                 guint                     n_ids,
                                                 MopsThumbSizes            sizes,
                                                 guint                     n_workers,
                                                 MopsPreviewProgressFunc   progress,
                                                 gpointer                  user_data,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);

/* mops_previews_run() in a worker on its own connection. @ids is copied. @progress is called
 * on the caller's main context after each asset, never after @cancellable is cancelled (so
 * @progress_data may go with it). */
void               mops_previews_run_async      (MopsLibrary              *library,
                                                 const gint64             *ids,
                                                 guint                     n_ids,
                                                 MopsThumbSizes            sizes,
                                                 guint                     n_workers,
                                                 MopsPreviewProgressFunc   progress,
                                                 gpointer                  progress_data,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
MopsPreviewReport *mops_previews_run_finish     (MopsLibrary              *library,
                                                 GAsyncResult             *result,
                                                 GError                  **error);

G_END_DECLS
