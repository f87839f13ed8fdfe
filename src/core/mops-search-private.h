/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-search-private.h — what the SQL search and the in-memory index share */

#pragma once

#include "mops-db-private.h"
#include "mops-search.h"

G_BEGIN_DECLS

/* One SQL expression, so the filter and mops_asset_type_for_mime() cannot disagree: the C
 * function and the in-memory index run it too. */
#define TYPE_CASE(col) \
  "(CASE" \
  " WHEN " col " IN ('image/svg+xml','application/illustrator','application/postscript') THEN 'vector'" \
  " WHEN " col " LIKE 'image/%' THEN 'image'" \
  " WHEN " col " LIKE 'video/%' THEN 'video'" \
  " WHEN " col " LIKE 'font/%' OR " col " IN ('application/vnd.ms-opentype','application/x-font-ttf'," \
  "   'application/x-font-otf','application/font-woff','application/x-font-type1') THEN 'font'" \
  " WHEN " col " = 'application/pdf' OR " col " LIKE 'text/%' OR " col " IN ('application/msword'," \
  "   'application/rtf','application/vnd.ms-excel','application/vnd.ms-powerpoint')" \
  "   OR " col " LIKE 'application/vnd.openxmlformats-officedocument.%'" \
  "   OR " col " LIKE 'application/vnd.oasis.opendocument.%' THEN 'document'" \
  " ELSE 'other' END)"

/* The ids of the assets matching @query, in its order. Terms of three or more characters use
 * the trigram index; shorter ones scan the folded text. Never FTS syntax: "red AND" is two
 * words. An unknown tag matches nothing. Free with g_array_unref(). */
GArray       *mops_search_assets_in_db         (sqlite3                *db,
                                                const MopsSearchQuery  *query,
                                                GError                **error);

G_END_DECLS
