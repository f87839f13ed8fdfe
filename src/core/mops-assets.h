/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets.h — changing assets: fields, rating, colour label, Trash */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* The colour labels an asset may carry (NULL = none), as photo managers name them. */
const char * const *mops_assets_color_labels      (void);

/* Sets title, description and creator (NULL or "" clears a field) and refreshes the search
 * text. MOPS_ERROR_NOT_FOUND for an unknown id. */
gboolean  mops_assets_set_text_fields  (MopsLibrary   *library,
                                        gint64         asset_id,
                                        const char    *title,
                                        const char    *description,
                                        const char    *creator,
                                        GError       **error);

/* Sets the rating (0–5) of the assets; anything else is MOPS_ERROR_INVALID. One transaction. */
gboolean  mops_assets_set_rating       (MopsLibrary   *library,
                                        const gint64  *asset_ids,
                                        guint          n_assets,
                                        int            rating,
                                        GError       **error);

/* Sets the colour label (one of mops_assets_color_labels(), or NULL to clear it). */
gboolean  mops_assets_set_color_label  (MopsLibrary   *library,
                                        const gint64  *asset_ids,
                                        guint          n_assets,
                                        const char    *label,
                                        GError       **error);

/* Records person @person_id (0 = nobody) as the one who imported the assets. */
gboolean  mops_assets_set_imported_by  (MopsLibrary   *library,
                                        const gint64  *asset_ids,
                                        guint          n_assets,
                                        gint64         person_id,
                                        GError       **error);

/* Sets the embedded-metadata field @key of asset @asset_id (the names mops-probe gives them,
 * "Exif.Image.Make", "Xmp.dc.subject") to @values, in order (a NULL-terminated array; empty
 * or NULL removes the field), replacing what it held: metadata known from elsewhere than the
 * file, such as an agency's delivery note or the demo library. MOPS_ERROR_NOT_FOUND for an
 * unknown asset. */
gboolean  mops_assets_set_metadata     (MopsLibrary         *library,
                                        gint64               asset_id,
                                        const char          *key,
                                        const char * const  *values,
                                        GError             **error);

/* Rebuilds the search text of the assets from their fields, tags and licensors: after
 * changes that leave it to the caller (mops_licences_import()). */
gboolean  mops_assets_refresh_search_text (MopsLibrary  *library,
                                           const gint64 *asset_ids,
                                           guint         n_assets,
                                           GError      **error);

/* Moves the assets to the Trash (soft delete, undoable) or back. */
gboolean  mops_assets_trash            (MopsLibrary   *library,
                                        const gint64  *asset_ids,
                                        guint          n_assets,
                                        GError       **error);
gboolean  mops_assets_restore          (MopsLibrary   *library,
                                        const gint64  *asset_ids,
                                        guint          n_assets,
                                        GError       **error);

/* The four bulk edits above in a worker on its own connection (rating 100,000 assets takes a
 * second): the same checks, the same single transaction, the same errors, from _finish().
 * The ids are copied. A cancelled @cancellable only stops an edit that has not started. */
void      mops_assets_set_rating_async       (MopsLibrary          *library,
                                              const gint64         *asset_ids,
                                              guint                 n_assets,
                                              int                   rating,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean  mops_assets_set_rating_finish      (MopsLibrary          *library,
                                              GAsyncResult         *result,
                                              GError              **error);
void      mops_assets_set_color_label_async  (MopsLibrary          *library,
                                              const gint64         *asset_ids,
                                              guint                 n_assets,
                                              const char           *label,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean  mops_assets_set_color_label_finish (MopsLibrary          *library,
                                              GAsyncResult         *result,
                                              GError              **error);
void      mops_assets_trash_async            (MopsLibrary          *library,
                                              const gint64         *asset_ids,
                                              guint                 n_assets,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean  mops_assets_trash_finish           (MopsLibrary          *library,
                                              GAsyncResult         *result,
                                              GError              **error);
void      mops_assets_restore_async          (MopsLibrary          *library,
                                              const gint64         *asset_ids,
                                              guint                 n_assets,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean  mops_assets_restore_finish         (MopsLibrary          *library,
                                              GAsyncResult         *result,
                                              GError              **error);

/* mops_assets_set_text_fields() in a worker on its own connection: a typed title waits there,
 * not in the window, while another process (an import, mops-cli) holds the write lock. The
 * texts are copied; the same errors come from _finish(). A cancelled @cancellable only stops
 * an edit that has not started. */
void      mops_assets_set_text_fields_async  (MopsLibrary          *library,
                                              gint64                asset_id,
                                              const char           *title,
                                              const char           *description,
                                              const char           *creator,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean  mops_assets_set_text_fields_finish (MopsLibrary          *library,
                                              GAsyncResult         *result,
                                              GError              **error);

/* How many assets are in the Trash (an index lookup, cheap on any library), or -1 on error. */
gint64    mops_assets_count_trashed    (MopsLibrary   *library);

/* One asset the Trash could not delete, and where it is still used. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *used_by;   /* translated: "the content item “Launch post”", "the brand kit “…”" */
} MopsTrashKept;

/* Deletes the trashed assets for good: rows, stored files (not referenced originals) and
 * thumbnails. Assets still used by content, kits, licence contracts or receipts stay in the
 * Trash and are listed in @out_kept (MopsTrashKept, free with g_ptr_array_unref()). Returns the
 * number deleted, or -1 with @error set. */
gint64    mops_assets_empty_trash      (MopsLibrary   *library,
                                        GPtrArray    **out_kept,
                                        GError       **error);

/* mops_assets_empty_trash() in a worker on its own connection (it deletes files). */
void      mops_assets_empty_trash_async  (MopsLibrary          *library,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gint64    mops_assets_empty_trash_finish (MopsLibrary          *library,
                                          GAsyncResult         *result,
                                          GPtrArray           **out_kept,
                                          GError              **error);

G_END_DECLS
