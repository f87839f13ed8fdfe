/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-page-private.h — the asset browser's state, shared by mops-assets-page.c (the
 * shell: the library, the model, the selection, the index and the widgets), its actions
 * (mops-assets-page-actions.c), its bulk edits (mops-assets-page-edits.c) and its imports
 * (mops-assets-page-import.c) */

#pragma once

#include <adwaita.h>

#include "core/mops-asset-list.h"
#include "core/mops-search-index.h"
#include "mops-asset-grid.h"
#include "mops-asset-inspector.h"
#include "mops-asset-selection.h"
#include "mops-assets-filter-bar.h"
#include "mops-assets-page.h"
#include "mops-assets-sidebar.h"
#include "ui/widgets/mops-texture-loader.h"

G_BEGIN_DECLS

#define MOPS_ASSETS_TILE_SIZE_MIN     96
#define MOPS_ASSETS_TILE_SIZE_MAX     320
#define MOPS_ASSETS_TILE_SIZE_STEP    32
#define MOPS_ASSETS_TILE_SIZE_DEFAULT 160

/* The edits that core writes in a worker: of many assets at once, or of one asset's texts. */
typedef enum
{
  MOPS_ASSETS_EDIT_RATING,
  MOPS_ASSETS_EDIT_COLOR_LABEL,
  MOPS_ASSETS_EDIT_ADD_TAG,
  MOPS_ASSETS_EDIT_REMOVE_TAG,
  MOPS_ASSETS_EDIT_TRASH,
  MOPS_ASSETS_EDIT_UNDO_TRASH,
  MOPS_ASSETS_EDIT_RESTORE,
  MOPS_ASSETS_EDIT_ADD_TO_COLLECTION,
  MOPS_ASSETS_EDIT_REMOVE_FROM_COLLECTION,
  MOPS_ASSETS_EDIT_TEXT_FIELDS,
} MopsAssetsEditKind;

struct _MopsAssetsPage
{
  GtkWidget            parent_instance;

  MopsLibrary         *library;
  MopsSearchIndex     *index;
  MopsAssetList       *assets;
  MopsAssetSelection  *selection;
  MopsTextureLoader   *textures;             /* keys "sha256" (256 px) and "sha256@512" */
  GSettings           *settings;
  GCancellable        *cancellable;          /* the page's lifetime */
  int                  tile_size;            /* the thumbnail box's width, GSettings thumbnail-size */
  gint64               inspected_id;         /* the first selected asset, 0 for none */

  /* What the grid shows, besides the filter bar's words and filters: the sidebar's choice */
  gboolean             trash_view;
  char                *tag_filter;           /* NULL = all */
  gint64               collection_id;        /* 0 = no collection chosen */
  GHashTable          *collection_members;   /* ids of that collection */
  GHashTable          *licence_members;      /* ids with the chosen licence status */
  guint                licence_generation;   /* drops answers to older licence requests */
  gboolean             licence_loading;
  gboolean             showing_first_page;   /* a first screen before the index was there */
  gboolean             tags_pending;         /* the sidebar waits for its tags from a worker */
  gboolean             new_filters;          /* the next query comes from new words or filters */

  /* Background work */
  guint                index_generation;     /* drops older index loads */
  GArray              *edited_while_loading; /* ids edited while an index load runs */
  guint                badge_generation;
  gboolean             badges_loaded;        /* the grid has every asset's licence attention */
  gboolean             previews_running;
  gboolean             previews_again;
  GHashTable          *awaiting_previews;    /* ids just imported whose previews are not made yet */
  GPtrArray           *preview_problems;     /* messages: imported files that cannot be previewed */
  GCancellable        *import_cancellable;
  GQueue               edits;                /* bulk edits: the running one first, then those waiting */
  GArray              *last_trashed;         /* for Undo */

  /* Template */
  AdwToastOverlay     *toast_overlay;
  AdwFlap             *flap;
  MopsAssetsSidebar   *assets_sidebar;
  MopsAssetsFilterBar *filter_bar;
  GtkRevealer         *filter_revealer;
  GtkBox              *chip_box;
  GtkWidget           *chips[MOPS_ASSETS_N_FILTERS];        /* a button each, in chip_box */
  GtkLabel            *chip_labels[MOPS_ASSETS_N_FILTERS];
  GtkLabel            *result_label;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *view_stack;
  MopsAssetGrid       *grid;
  AdwStatusPage       *empty_page;
  GtkActionBar        *collection_bar;
  GtkActionBar        *trash_bar;
  AdwLeaflet          *content_leaflet;
  GtkWidget           *grid_column;
  GtkWidget           *inspector_back_button;
  GtkRevealer         *inspector_revealer;
  MopsAssetInspector  *inspector;
};

/* mops-assets-page.c */
void     _mops_assets_page_show_toast         (MopsAssetsPage *self,
                                               const char     *title);
void     _mops_assets_page_show_error         (MopsAssetsPage *self,
                                               const GError   *error);
/* The ids of the selected assets (free with g_array_unref()). */
GArray  *_mops_assets_page_dup_selected_ids   (MopsAssetsPage *self);
/* Tells the index, the grid and the inspector that these rows changed in the database; with
 * @requery, the query runs again (they may have come or gone). */
void     _mops_assets_page_refresh_rows       (MopsAssetsPage *self,
                                               const gint64   *ids,
                                               guint           n_ids,
                                               gboolean        requery);
void     _mops_assets_page_run_query          (MopsAssetsPage *self);
/* Reads the whole index again in a worker, keeping the one in hand until it is there. */
void     _mops_assets_page_load_index         (MopsAssetsPage *self);
/* Reads every asset's licence attention again, for the badges. */
void     _mops_assets_page_load_badges        (MopsAssetsPage *self);
/* Asks for the assets with the licence status the filter bar names, then runs the query. */
void     _mops_assets_page_update_licence_filter (MopsAssetsPage *self);
/* Reads the sidebar's collections, searches, Trash count and tags again. */
void     _mops_assets_page_reload_sidebar     (MopsAssetsPage *self);
void     _mops_assets_page_set_tile_size      (MopsAssetsPage *self,
                                               int             size);

/* mops-assets-page-import.c */
/* Thumbnails and metadata for whatever lacks them, in helper processes. */
void     _mops_assets_page_start_previews     (MopsAssetsPage *self);
/* The file choosers of assets.import and assets.import-folder. */
void     _mops_assets_page_choose_files       (MopsAssetsPage       *self,
                                               GtkFileChooserAction  action,
                                               const char           *title);
void     _mops_assets_page_show_preview_problems (MopsAssetsPage *self);

/* mops-assets-page-edits.c */
/* Queues an edit of @ids (the page keeps a reference): @number is the rating or the
 * collection, @text the colour label ("" for none), the tag path or the collection's name.
 * Edits are written in a worker one after another, in the order they were made; the rows,
 * the sidebar and a toast follow each one, or its error. */
void     _mops_assets_page_edit               (MopsAssetsPage     *self,
                                               MopsAssetsEditKind  kind,
                                               GArray             *ids,
                                               gint64              number,
                                               const char         *text);
/* Queues the title, description and creator typed in the inspector for asset @id, in line
 * with the other edits. When it cannot be written, a toast names the asset and the inspector
 * keeps the typed text, to be saved again. */
void     _mops_assets_page_edit_text_fields   (MopsAssetsPage     *self,
                                               gint64              id,
                                               const char         *title,
                                               const char         *description,
                                               const char         *creator);

/* mops-assets-page-actions.c */
/* Installs the assets.* actions and their key bindings on the page's class. */
void     _mops_assets_page_class_add_actions  (GtkWidgetClass *widget_class);
/* Adds the page's shortcuts that work wherever the focus is in its window. */
void     _mops_assets_page_add_window_shortcuts (MopsAssetsPage *self);

G_END_DECLS
