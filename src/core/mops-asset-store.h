/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-store.h — adding one file to a library: hash while copying, store, insert */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* What the caller already knows about a file; zero/NULL fields are unknown. */
typedef struct
{
  const char *original_name;  /* NULL: the file's base name */
  const char *mime;           /* NULL: sniffed from the name and the first 4 KiB */
  const char *title;
  const char *description;
  const char *creator;
  const char *source;
  const char *role;           /* "asset" (NULL) or "record" */
  int         rating;         /* 0–5 */
  int         width;
  int         height;
  int         page_count;
  gint64      created_at;     /* capture date, Unix seconds; 0 = unknown */
  gint64      imported_by;    /* people.id; 0 = nobody recorded */
} MopsAssetInfo;

/* Copies @path into the library's files/ (content-addressed by SHA-256, hashed while
 * copying), then inserts its row. When the content is already there, nothing is copied and
 * *@out_duplicate is set; the existing id is returned. Returns the asset id, or 0 with
 * @error set (unreadable, zero-byte or non-regular file; a full disk). On failure the library
 * is as it was: the copy lives in a staging folder until the row is committed. */
gint64 mops_asset_store_file (MopsLibrary          *library,
                              const char           *path,
                              const MopsAssetInfo  *info,
                              gboolean             *out_duplicate,
                              GCancellable         *cancellable,
                              GError              **error);

/* The text search indexes for an asset: @n_parts strings (NULL ones skipped), folded and
 * joined by newlines. */
char  *mops_asset_build_search_text (const char *const *parts,
                                     gsize              n_parts);

G_END_DECLS
