/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-filter-bar.h — the asset browser's search entry and its filters popover */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-search.h"

G_BEGIN_DECLS

#define MOPS_TYPE_ASSETS_FILTER_BAR (mops_assets_filter_bar_get_type ())

/* The filters of the bar's popover, each shown as a removable chip while it is on. */
typedef enum
{
  MOPS_ASSETS_FILTER_TYPE,
  MOPS_ASSETS_FILTER_LICENCE,
  MOPS_ASSETS_FILTER_RATING,
  MOPS_ASSETS_FILTER_COLOR_LABEL,
  MOPS_ASSETS_FILTER_IMPORTED,
  MOPS_ASSETS_N_FILTERS
} MopsAssetsFilter;

G_DECLARE_FINAL_TYPE (MopsAssetsFilterBar, mops_assets_filter_bar, MOPS, ASSETS_FILTER_BAR, GtkWidget)

/* Signal "changed": the words, type, sort order, rating, colour label or import date
 * changed (mops_assets_filter_bar_get_query() has them). Properties: "licence-statuses"
 * (read-only guint, notified when the licence filter changes: a set of 1 << MopsLicenceStatus,
 * 0 for any) and "tile-size" (the thumbnail size slider, in pixels). The popover's buttons
 * use the page's actions (assets.save-search, assets.zoom-in, assets.zoom-out). */

/* Fills in @query's text, types, sort, min_rating, color_label and imported_from (the
 * strings stay the bar's, valid until it changes), leaving the other fields. */
void        mops_assets_filter_bar_get_query            (MopsAssetsFilterBar *self,
                                                         MopsSearchQuery     *query);

guint       mops_assets_filter_bar_get_licence_statuses (MopsAssetsFilterBar *self);

/* The words searched for ("" for none). */
const char *mops_assets_filter_bar_get_text             (MopsAssetsFilterBar *self);

int         mops_assets_filter_bar_get_tile_size        (MopsAssetsFilterBar *self);
void        mops_assets_filter_bar_set_tile_size        (MopsAssetsFilterBar *self,
                                                         int                  size);

/* TRUE when nothing is searched for or filtered and the order is by name. */
gboolean    mops_assets_filter_bar_is_default           (MopsAssetsFilterBar *self);

/* Puts the keyboard focus in the search entry. */
void        mops_assets_filter_bar_focus_search         (MopsAssetsFilterBar *self);

/* Shows a saved search in the controls (its words; type, licence, rating and colour from
 * @filters, a JSON object or NULL), so a person sees and can change what it is. Emits
 * nothing: the caller runs the query. *@out_tag gets the search's tag filter or NULL (free
 * it with g_free()). */
void        mops_assets_filter_bar_load_search          (MopsAssetsFilterBar *self,
                                                         const char          *text,
                                                         const char          *filters,
                                                         char               **out_tag);

/* The filters shown, with @tag, as a saved search keeps them (a JSON object), or NULL when
 * there are none. Free with g_free(). */
char       *mops_assets_filter_bar_dup_filters          (MopsAssetsFilterBar *self,
                                                         const char          *tag);

/* What @filter is set to, as its menu says it ("Fonts", "Expiring"), or NULL when it is
 * off. Free with g_free(). */
char       *mops_assets_filter_bar_dup_filter_label     (MopsAssetsFilterBar *self,
                                                         MopsAssetsFilter     filter);

/* Turns @filter off; "changed" (or "notify::licence-statuses") follows. */
void        mops_assets_filter_bar_clear_filter         (MopsAssetsFilterBar *self,
                                                         MopsAssetsFilter     filter);

/* Turns every filter off and empties the search words; one "changed" follows. */
void        mops_assets_filter_bar_clear                (MopsAssetsFilterBar *self);

G_END_DECLS
