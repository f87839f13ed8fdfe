/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-search.h — finding assets: folded substring search, type and tag filters, sorting */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* The kinds the filters and `mops-cli search --type` speak of (cli.md). */
typedef enum
{
  MOPS_ASSET_TYPE_IMAGE    = 1 << 0,  /* raster images */
  MOPS_ASSET_TYPE_VECTOR   = 1 << 1,  /* SVG, Illustrator, PostScript */
  MOPS_ASSET_TYPE_DOCUMENT = 1 << 2,  /* PDF, text, office formats */
  MOPS_ASSET_TYPE_FONT     = 1 << 3,
  MOPS_ASSET_TYPE_VIDEO    = 1 << 4,
  MOPS_ASSET_TYPE_OTHER    = 1 << 5,
} MopsAssetType;

typedef enum
{
  MOPS_SEARCH_SORT_ID,             /* oldest row first: the CLI's order */
  MOPS_SEARCH_SORT_NAME,
  MOPS_SEARCH_SORT_IMPORTED,       /* newest first */
  MOPS_SEARCH_SORT_CAPTURED,       /* newest first, unknown dates last */
  MOPS_SEARCH_SORT_SIZE,           /* largest first */
  MOPS_SEARCH_SORT_RATING,         /* best first */
} MopsSearchSort;

typedef struct
{
  const char         *text;          /* NULL or "": every asset */
  guint               types;         /* MopsAssetType bits, 0 = any */
  const char * const *tags;          /* NULL-terminated tag paths, all of them; descendants match */
  int                 min_rating;    /* 0 = any */
  const char         *color_label;   /* NULL = any */
  gint64              imported_from; /* Unix seconds, 0 = open */
  gint64              imported_to;   /* Unix seconds (exclusive), 0 = open */
  gboolean            trashed;       /* TRUE: only the Trash; FALSE: leave it out */
  gboolean            include_records; /* contracts and receipts (role 'record') too */
  MopsSearchSort      sort;
  guint               limit;         /* 0 = no limit */
} MopsSearchQuery;

/* Parses a type name ("image", "vector", "document", "font", "video", "other"); 0 if unknown. */
MopsAssetType mops_asset_type_from_name  (const char *name);
const char   *mops_asset_type_to_name    (MopsAssetType type);

/* The type of a MIME type, by the same rules the search filter uses. */
MopsAssetType mops_asset_type_for_mime   (const char *mime);

/* Splits a query into folded terms: NFKC + case fold, white space separates, double quotes
 * keep a phrase. Every term must occur as a substring (AND). */
GStrv         mops_search_split_terms    (const char *text);

/* The ids (gint64) of the assets matching @query, in its order, from the library's own
 * connection: the CLI's search (cli.md). Free with g_array_unref(); NULL with @error set when
 * the library cannot be read. */
GArray       *mops_search_assets         (MopsLibrary            *library,
                                          const MopsSearchQuery  *query,
                                          GError                **error);

/* mops_search_assets() in a worker on its own connection (a first screen of assets before
 * the index is there). @query is copied. */
void          mops_search_assets_async   (MopsLibrary            *library,
                                          const MopsSearchQuery  *query,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
GArray       *mops_search_assets_finish  (MopsLibrary            *library,
                                          GAsyncResult           *result,
                                          GError                **error);

G_END_DECLS
