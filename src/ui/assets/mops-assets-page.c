/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-page.c — the asset browser: sidebar, search, thumbnail grid, inspector */

#include "config.h"

#define G_LOG_DOMAIN "mops-assets-page"

#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-asset-list.h"
#include "core/mops-assets.h"
#include "core/mops-clock.h"
#include "core/mops-collections.h"
#include "core/mops-error.h"
#include "core/mops-import.h"
#include "core/mops-licences.h"
#include "core/mops-previews.h"
#include "core/mops-search-index.h"
#include "core/mops-tags.h"
#include "core/mops-text.h"
#include "mops-asset-grid.h"
#include "mops-asset-selection.h"
#include "mops-asset-thumbnail.h"
#include "mops-asset-viewer.h"
#include "mops-assets-page.h"
#include "ui/licences/mops-licence-editor.h"
#include "ui/widgets/mops-texture-loader.h"

#define TEXTURE_CACHE_SIZE 800
#define PREVIEW_WORKERS    2
#define TILE_SIZE_MIN      96
#define TILE_SIZE_MAX      320
#define TILE_SIZE_STEP     32

struct _MopsAssetsPage
{
  GtkWidget          parent_instance;

  MopsLibrary       *library;
  MopsSearchIndex   *index;
  MopsAssetList     *assets;
  MopsAssetSelection *selection;
  GCancellable      *cancellable;        /* the page's lifetime */
  GCancellable      *import_cancellable;
  MopsTextureLoader *textures;           /* keys "sha256" (256 px) and "sha256@512" */
  GArray            *last_trashed;       /* for Undo */
  char              *tag_filter;         /* NULL = all */
  gint64             collection_id;      /* 0 = no collection chosen */
  GHashTable        *collection_members; /* ids of that collection */
  GHashTable        *licence_members;    /* ids with the chosen licence status */
  guint              licence_generation; /* drops answers to older licence requests */
  gboolean           licence_loading;
  GPtrArray         *tag_cache;          /* MopsTagInfo, for suggestions */
  GtkRevealer       *suggestion_revealer;
  GtkListBox        *suggestion_list;
  gboolean           trash_view;
  gboolean           previews_running;
  gboolean           previews_again;
  gboolean           updating_inspector;
  gboolean           reselecting_sidebar;
  gboolean           tags_pending;
  gboolean           showing_first_page;
  gint64             inspected_id;
  GSettings         *settings;
  gboolean           badges_loaded;      /* the grid has every asset's licence attention */
  guint              badge_generation;
  guint              index_generation;   /* drops older index loads */
  GArray            *edited_while_loading; /* ids edited while an index load runs */
  gint64             inspected_licence_id;
  GHashTable        *awaiting_previews;  /* ids just imported whose previews are not made yet */
  GPtrArray         *preview_problems;   /* messages: imported files that cannot be previewed */
  int                tile_size;          /* the thumbnail box's width, GSettings thumbnail-size */

  /* template */
  AdwToastOverlay   *toast_overlay;
  AdwFlap           *flap;
  GtkListBox        *sidebar;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *type_dropdown;
  GtkDropDown       *sort_dropdown;
  GtkDropDown       *licence_dropdown;
  GtkDropDown       *rating_dropdown;
  GtkDropDown       *color_dropdown;
  GtkDropDown       *date_dropdown;
  GtkScale          *zoom_scale;
  GtkActionBar      *collection_bar;
  GtkRevealer       *progress_revealer;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkStack          *view_stack;
  MopsAssetGrid     *grid;
  AdwStatusPage     *empty_page;
  GtkActionBar      *trash_bar;
  GtkRevealer       *inspector_revealer;
  GtkPicture        *preview_picture;
  GtkLabel          *inspector_name;
  GtkLabel          *inspector_details;
  AdwEntryRow       *title_row;
  AdwEntryRow       *creator_row;
  AdwEntryRow       *description_row;
  GtkBox            *rating_box;
  AdwComboRow       *label_row;
  GtkFlowBox        *tag_box;
  AdwEntryRow       *tag_row;
  GtkWidget         *keyword_area;
  GtkFlowBox        *keyword_box;
  AdwActionRow      *licence_row;
  GtkImage          *licence_icon;
  GtkLabel          *licence_edit_label;
  GtkToggleButton   *stars[5];
};

G_DEFINE_FINAL_TYPE (MopsAssetsPage, mops_assets_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *sidebar_all = "all";
static const char *sidebar_trash = "trash";

static void run_query          (MopsAssetsPage *self);
static void update_licence_filter (MopsAssetsPage *self);
static void update_inspector   (MopsAssetsPage *self);
static void start_previews     (MopsAssetsPage *self);
static void rebuild_sidebar    (MopsAssetsPage *self);
static void apply_saved_search (MopsAssetsPage *self,
                                gint64          id);
static void on_tag_row_pressed_cb (GtkGestureClick *gesture,
                                   int              n_press,
                                   double           x,
                                   double           y,
                                   MopsAssetsPage  *self);

/* Helpers ------------------------------------------------------------------------------- */

static void
show_toast (MopsAssetsPage *self,
            const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_error (MopsAssetsPage *self,
            const GError   *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GArray *
selected_ids (MopsAssetsPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitset *set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        gint64 id = mops_asset_list_get_id (self->assets, position);
        g_array_append_val (ids, id);
      }
    while (gtk_bitset_iter_next (&iter, &position));

  gtk_bitset_unref (set);
  return ids;
}

/* Tells the index and the grid that these rows changed in the database. */
static void
refresh_rows (MopsAssetsPage *self,
              const gint64   *ids,
              guint           n_ids,
              gboolean        requery)
{
  g_autoptr(GError) error = NULL;

  if (self->index != NULL &&
      !mops_search_index_update (self->index, self->library, ids, n_ids, &error))
    show_error (self, error);
  if (self->edited_while_loading != NULL)
    g_array_append_vals (self->edited_while_loading, ids, n_ids);

  /* Rows are re-read (and a query redone); the selection is kept by asset id, so what the
   * person selected stays selected wherever it moves. */
  if (requery)
    run_query (self);
  mops_asset_list_invalidate_many (self->assets, ids, n_ids);

  update_inspector (self);
}

/* A reply of core that only counts when no newer request was made meanwhile. */
typedef struct
{
  MopsAssetsPage *page;
  guint           generation;
} Request;

static Request *
request_new (MopsAssetsPage *self,
             guint           generation)
{
  Request *request = g_new0 (Request, 1);

  request->page = g_object_ref (self);
  request->generation = generation;
  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->page);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)


static void
on_badges_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  MopsAssetsPage *self = request->page;
  g_autoptr(GHashTable) badges = mops_licences_list_attention_finish (MOPS_LIBRARY (source), result, NULL);

  if (badges == NULL || g_cancellable_is_cancelled (self->cancellable) ||
      request->generation != self->badge_generation)
    return;

  self->badges_loaded = TRUE;
  mops_asset_grid_set_attention (self->grid, badges);
}

/* Every asset's licence status, in a worker on its own connection (≈ 200 ms for 100,000
 * assets); the visible tiles are bound again when it is there. */
static void
load_badges (MopsAssetsPage *self)
{
  mops_licences_list_attention_async (self->library, self->cancellable, on_badges_loaded_cb,
                                      request_new (self, ++self->badge_generation));
}

/* Licences: the editor over the selection ------------------------------------------- */

/* Back from another page (the Licences page edits licences too): badges may have changed. */
static void
on_map_cb (MopsAssetsPage *self)
{
  if (self->badges_loaded)
    load_badges (self);
}

static void
on_licence_saved_cb (MopsLicenceEditor *editor,
                     gint64             licence_id,
                     MopsAssetsPage    *self)
{
  g_autoptr(GArray) ids = selected_ids (self);

  load_badges (self);
  if (gtk_drop_down_get_selected (self->licence_dropdown) != 0)
    update_licence_filter (self);
  refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, FALSE);
}

static void
open_licence_editor (MopsAssetsPage *self,
                     gint64          licence_id)
{
  g_autoptr(GArray) ids = selected_ids (self);
  MopsLicenceEditor *editor;

  if (ids->len == 0)
    return;

  editor = mops_licence_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->library,
                                    licence_id, (const gint64 *) (void *) ids->data, ids->len);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_licence_saved_cb), self, 0);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_licence_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_licence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  if (self->inspected_licence_id != 0)
    open_licence_editor (self, self->inspected_licence_id);
}

static void
new_licence_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_licence_editor (MOPS_ASSETS_PAGE (widget), 0);
}

/* Thumbnail size ---------------------------------------------------------------------- */

static void
set_tile_size (MopsAssetsPage *self,
               int             size)
{
  size = CLAMP (size, TILE_SIZE_MIN, TILE_SIZE_MAX);
  if (size == self->tile_size)
    return;

  self->tile_size = size;
  if (self->settings != NULL && g_settings_get_int (self->settings, "thumbnail-size") != size)
    g_settings_set_int (self->settings, "thumbnail-size", size);
  if ((int) gtk_range_get_value (GTK_RANGE (self->zoom_scale)) != size)
    gtk_range_set_value (GTK_RANGE (self->zoom_scale), size);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.zoom-in", size < TILE_SIZE_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.zoom-out", size > TILE_SIZE_MIN);

  g_object_set (self->grid, "tile-size", size, NULL);
}

static void
on_zoom_changed_cb (MopsAssetsPage *self)
{
  set_tile_size (self, (int) gtk_range_get_value (GTK_RANGE (self->zoom_scale)));
}

static void
on_thumbnail_size_setting_cb (GSettings      *settings,
                              const char     *key,
                              MopsAssetsPage *self)
{
  set_tile_size (self, g_settings_get_int (settings, key));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  if (g_str_equal (action_name, "assets.zoom-in"))
    set_tile_size (self, self->tile_size + TILE_SIZE_STEP);
  else if (g_str_equal (action_name, "assets.zoom-out"))
    set_tile_size (self, self->tile_size - TILE_SIZE_STEP);
  else
    set_tile_size (self, 160);
}

/* The query ------------------------------------------------------------------------------- */

static void
run_query (MopsAssetsPage *self)
{
  static const guint types[] = { 0, MOPS_ASSET_TYPE_IMAGE, MOPS_ASSET_TYPE_VECTOR, MOPS_ASSET_TYPE_DOCUMENT,
                                 MOPS_ASSET_TYPE_FONT, MOPS_ASSET_TYPE_VIDEO, MOPS_ASSET_TYPE_OTHER };
  static const MopsSearchSort sorts[] = { MOPS_SEARCH_SORT_NAME, MOPS_SEARCH_SORT_IMPORTED,
                                          MOPS_SEARCH_SORT_CAPTURED, MOPS_SEARCH_SORT_SIZE,
                                          MOPS_SEARCH_SORT_RATING };
  const char *tags[] = { self->tag_filter, NULL };
  guint type_index = gtk_drop_down_get_selected (self->type_dropdown);
  guint sort_index = gtk_drop_down_get_selected (self->sort_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  MopsSearchQuery query = {
    .text = text,
    .types = types[MIN (type_index, G_N_ELEMENTS (types) - 1)],
    .tags = self->tag_filter != NULL ? tags : NULL,
    .trashed = self->trash_view,
    .sort = sorts[MIN (sort_index, G_N_ELEMENTS (sorts) - 1)],
  };
  g_autoptr(GArray) ids = NULL;

  static const int dates[] = { 0, 1, 7, 30, 365 };
  guint rating = gtk_drop_down_get_selected (self->rating_dropdown);
  guint color = gtk_drop_down_get_selected (self->color_dropdown);
  guint date = gtk_drop_down_get_selected (self->date_dropdown);

  if (self->index == NULL || self->licence_loading)
    return;

  query.min_rating = (int) MIN (rating, 5u);
  if (color > 0 && color <= g_strv_length ((char **) mops_assets_color_labels ()))
    query.color_label = mops_assets_color_labels ()[color - 1];
  if (date > 0 && date < G_N_ELEMENTS (dates))
    {
      g_autoptr(GDateTime) now = mops_clock_now ();
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                             g_date_time_get_month (now),
                                                             g_date_time_get_day_of_month (now), 0, 0, 0);
      g_autoptr(GDateTime) from = g_date_time_add_days (midnight, 1 - dates[date]);

      query.imported_from = g_date_time_to_unix (from);
    }

  ids = mops_search_index_query (self->index, &query);

  /* A collection, a licence status: sets of ids that narrow the result, keeping its order. */
  if (self->collection_members != NULL || self->licence_members != NULL)
    {
      guint kept = 0;

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          if (self->collection_members != NULL && !g_hash_table_contains (self->collection_members, &id))
            continue;
          if (self->licence_members != NULL && !g_hash_table_contains (self->licence_members, &id))
            continue;
          g_array_index (ids, gint64, kept++) = id;
        }
      g_array_set_size (ids, kept);
    }

  g_object_set (self->grid, "show-badges", !self->trash_view, NULL);

  /* After the first screen, the whole result usually only adds rows below it. */
  if (!self->showing_first_page || !mops_asset_list_extend (self->assets, ids))
    mops_asset_list_set_ids (self->assets, ids);
  self->showing_first_page = FALSE;

  if (ids->len > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "grid");
  else
    {
      if (self->trash_view)
        {
          adw_status_page_set_icon_name (self->empty_page, "user-trash-symbolic");
          adw_status_page_set_title (self->empty_page, _("The Trash Is Empty"));
          adw_status_page_set_description (self->empty_page, _("Deleted assets wait here until the Trash is emptied."));
        }
      else if ((text != NULL && *text != '\0') || query.types != 0 || self->tag_filter != NULL ||
               self->collection_members != NULL || self->licence_members != NULL ||
               query.min_rating > 0 || query.color_label != NULL || query.imported_from > 0)
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Matching Assets"));
          adw_status_page_set_description (self->empty_page, _("Try other words, another type or another tag."));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "folder-pictures-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Assets Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Import files or folders with the + button, or drop them here."));
        }
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
    }

  gtk_action_bar_set_revealed (self->trash_bar, self->trash_view && ids->len > 0);
  gtk_action_bar_set_revealed (self->collection_bar, self->collection_id != 0);
  update_inspector (self);
}

static void
on_query_changed_cb (MopsAssetsPage *self)
{
  run_query (self);
}

static GHashTable *
id_set_from_array (GArray *ids)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));

  return set;
}

static void
on_licence_set_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  MopsAssetsPage *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = mops_licences_assets_with_status_finish (MOPS_LIBRARY (source), result, &error);

  if (request->generation != self->licence_generation || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->licence_loading = FALSE;
  g_clear_pointer (&self->licence_members, g_hash_table_unref);
  if (ids == NULL)
    show_error (self, error);
  else
    self->licence_members = id_set_from_array (ids);

  run_query (self);
}

/* The licence filter needs every asset's status: worked out in a worker on its own
 * connection (150–250 ms for 100,000 assets), then the query runs again. */
static void
update_licence_filter (MopsAssetsPage *self)
{
  static const MopsLicenceStatus statuses[] = {
    MOPS_LICENCE_STATUS_NONE, MOPS_LICENCE_STATUS_ACTIVE, MOPS_LICENCE_STATUS_EXPIRING,
    MOPS_LICENCE_STATUS_EXPIRED, MOPS_LICENCE_STATUS_PENDING, MOPS_LICENCE_STATUS_MISSING,
  };
  guint selected = gtk_drop_down_get_selected (self->licence_dropdown);

  self->licence_generation++;
  g_clear_pointer (&self->licence_members, g_hash_table_unref);

  if (selected == 0 || selected >= G_N_ELEMENTS (statuses))
    {
      self->licence_loading = FALSE;
      run_query (self);
      return;
    }

  self->licence_loading = TRUE;
  mops_licences_assets_with_status_async (self->library, 1u << statuses[selected], self->cancellable,
                                          on_licence_set_cb, request_new (self, self->licence_generation));
}

static void
on_filter_changed_cb (MopsAssetsPage *self,
                      GParamSpec     *pspec,
                      GtkDropDown    *dropdown)
{
  if (dropdown == self->licence_dropdown)
    update_licence_filter (self);
  else
    run_query (self);
}

/* Sidebar --------------------------------------------------------------------------------- */

static GtkWidget *
make_sidebar_row (const char *icon_name,
                  const char *title,
                  gint64      count,
                  guint       depth,
                  const char *key,
                  gboolean    is_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *number = count >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, count) : NULL;

  gtk_widget_set_margin_start (box, (int) depth * 14);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (is_data)
    gtk_widget_add_css_class (label, "data");
  gtk_box_append (GTK_BOX (box), label);
  if (number != NULL)
    {
      GtkWidget *count_label = gtk_label_new (number);

      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_box_append (GTK_BOX (box), count_label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static GtkWidget *
make_sidebar_heading (const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* @tags_in (transfer full): the tag tree, or NULL to leave the Tags section out while a
 * worker reads it. */
static void
rebuild_sidebar_with_tags (MopsAssetsPage *self,
                           GPtrArray      *tags_in)
{
  g_autoptr(GPtrArray) tags = tags_in;
  g_autoptr(GPtrArray) collections = NULL;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *current = gtk_list_box_get_selected_row (self->sidebar);
  g_autofree char *keep = g_strdup (current != NULL && g_object_get_data (G_OBJECT (current), "key") != NULL
                                    ? g_object_get_data (G_OBJECT (current), "key") : sidebar_all);
  gint64 n_trashed = mops_assets_count_trashed (self->library);
  GtkWidget *child;
  GtkWidget *to_select = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  gtk_list_box_append (self->sidebar, make_sidebar_row ("folder-pictures-symbolic", _("All Assets"),
                                                        -1, 0, sidebar_all, FALSE));
  gtk_list_box_append (self->sidebar, make_sidebar_row ("user-trash-symbolic", _("Trash"),
                                                        MAX (n_trashed, 0), 0, sidebar_trash, FALSE));

  collections = mops_collections_list (self->library, NULL);
  if (collections != NULL && collections->len > 0)
    {
      gtk_list_box_append (self->sidebar, make_sidebar_heading (_("Collections")));
      for (guint i = 0; i < collections->len; i++)
        {
          MopsCollectionInfo *info = g_ptr_array_index (collections, i);
          g_autofree char *key = g_strdup_printf ("collection:%" G_GINT64_FORMAT, info->id);

          gtk_list_box_append (self->sidebar, make_sidebar_row ("view-grid-symbolic", info->name,
                                                                info->asset_count, 0, key, TRUE));
        }
    }

  searches = mops_saved_searches_list (self->library, NULL);
  if (searches != NULL && searches->len > 0)
    {
      gtk_list_box_append (self->sidebar, make_sidebar_heading (_("Saved Searches")));
      for (guint i = 0; i < searches->len; i++)
        {
          MopsSavedSearch *search = g_ptr_array_index (searches, i);
          g_autofree char *key = g_strdup_printf ("search:%" G_GINT64_FORMAT, search->id);

          gtk_list_box_append (self->sidebar, make_sidebar_row ("edit-find-symbolic", search->name,
                                                                -1, 0, key, TRUE));
        }
    }

  if (tags != NULL && tags->len > 0)
    {
      gtk_list_box_append (self->sidebar, make_sidebar_heading (_("Tags")));
      for (guint i = 0; i < tags->len; i++)
        {
          MopsTagInfo *tag = g_ptr_array_index (tags, i);
          GtkWidget *row = make_sidebar_row (NULL, tag->name, tag->asset_count, tag->depth, tag->path, TRUE);
          GtkGesture *click = gtk_gesture_click_new ();

          /* Right-click (or a long press) offers Rename and Merge */
          gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
          g_signal_connect (click, "pressed", G_CALLBACK (on_tag_row_pressed_cb), self);
          gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
          g_object_set_data_full (G_OBJECT (row), "tag-id", g_memdup2 (&tag->id, sizeof tag->id), g_free);
          gtk_list_box_append (self->sidebar, row);
        }
    }

  g_clear_pointer (&self->tag_cache, g_ptr_array_unref);
  self->tag_cache = g_steal_pointer (&tags);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "key"), keep) == 0)
      to_select = child;

  /* The same row again changes nothing: the grid keeps its query and its selection. */
  self->reselecting_sidebar = to_select != NULL;
  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (to_select != NULL ? to_select
                                                            : gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))));
  self->reselecting_sidebar = FALSE;
}

static void
rebuild_sidebar (MopsAssetsPage *self)
{
  self->tags_pending = FALSE;
  rebuild_sidebar_with_tags (self, mops_tags_list (self->library, NULL));
}

static void
on_sidebar_row_selected_cb (MopsAssetsPage *self,
                            GtkListBoxRow  *row)
{
  const char *key = row != NULL ? g_object_get_data (G_OBJECT (row), "key") : NULL;

  if (key == NULL || self->reselecting_sidebar)
    return;

  self->trash_view = g_str_equal (key, sidebar_trash);
  self->collection_id = 0;
  g_clear_pointer (&self->collection_members, g_hash_table_unref);
  g_clear_pointer (&self->tag_filter, g_free);

  if (g_str_has_prefix (key, "collection:"))
    {
      g_autoptr(GArray) members = NULL;

      self->collection_id = g_ascii_strtoll (key + strlen ("collection:"), NULL, 10);
      members = mops_collections_get_asset_ids (self->library, self->collection_id, NULL);
      if (members == NULL)
        members = g_array_new (FALSE, FALSE, sizeof (gint64));
      self->collection_members = id_set_from_array (members);
    }
  else if (g_str_has_prefix (key, "search:"))
    {
      apply_saved_search (self, g_ascii_strtoll (key + strlen ("search:"), NULL, 10));
      return;
    }
  else if (!self->trash_view && !g_str_equal (key, sidebar_all))
    self->tag_filter = g_strdup (key);

  run_query (self);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Inspector ------------------------------------------------------------------------------- */

static char *
describe_asset (MopsAsset *asset)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *size = g_format_size (mops_asset_get_size (asset));
  g_autofree char *type = g_content_type_get_description (mops_asset_get_mime (asset));
  g_autoptr(GDateTime) imported = g_date_time_new_from_unix_local (mops_asset_get_imported_at (asset));
  g_autofree char *date = imported != NULL ? g_date_time_format (imported, "%x") : NULL;

  g_string_append_printf (text, "%s · %s", type, size);
  if (mops_asset_get_width (asset) > 0)
    g_string_append_printf (text, " · %d × %d", mops_asset_get_width (asset), mops_asset_get_height (asset));
  if (mops_asset_get_page_count (asset) > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages",
                                                 (gulong) mops_asset_get_page_count (asset)),
                              mops_asset_get_page_count (asset));
    }
  if (date != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: %s is a date */
      g_string_append_printf (text, _("Imported %s"), date);
    }
  if (g_strcmp0 (mops_asset_get_preview_state (asset), "cannot_preview") == 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("This file cannot be previewed."));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_remove_tag_clicked_cb (GtkButton      *button,
                          MopsAssetsPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "tag");
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (!mops_tags_remove_from_assets (self->library, path, (const gint64 *) (void *) ids->data, ids->len, &error))
    {
      show_error (self, error);
      return;
    }

  rebuild_sidebar (self);
  refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, self->tag_filter != NULL);
}

/* A pill button in @flow_box for tag or keyword @text (kept as its data @key), with @icon_name
 * before or after it, @accessible as its tooltip and label, @clicked on a click. */
static void
append_chip (MopsAssetsPage *self,
             GtkFlowBox     *flow_box,
             const char     *key,
             const char     *text,
             const char     *icon_name,
             gboolean        icon_first,
             const char     *accessible,
             GCallback       clicked)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "data");
  gtk_box_append (GTK_BOX (box), icon_first ? icon : label);
  gtk_box_append (GTK_BOX (box), icon_first ? label : icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), key, g_strdup (text), g_free);
  g_signal_connect (button, "clicked", clicked, self);
  gtk_flow_box_append (flow_box, button);
}

static void
clear_flow_box (GtkFlowBox *flow_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (flow_box))) != NULL)
    gtk_flow_box_remove (flow_box, child);
}

static void
fill_tags (MopsAssetsPage *self,
           gint64          asset_id)
{
  g_auto(GStrv) tags = mops_tags_for_asset (self->library, asset_id, NULL);

  clear_flow_box (self->tag_box);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *accessible = g_strdup_printf (_("Remove the tag “%s”"), tags[i]);

      append_chip (self, self->tag_box, "tag", tags[i], "window-close-symbolic", FALSE, accessible,
                   G_CALLBACK (on_remove_tag_clicked_cb));
    }
}

static void
on_keyword_clicked_cb (GtkButton      *button,
                       MopsAssetsPage *self)
{
  const char *keyword = g_object_get_data (G_OBJECT (button), "keyword");
  const char *parts[] = { keyword, NULL };
  g_autofree char *path = mops_tag_path_join (parts);   /* a "/" in a keyword is not a level */
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (ids->len == 0)
    return;

  if (!mops_tags_add_to_assets (self->library, path, (const gint64 *) (void *) ids->data, ids->len, &error))
    {
      show_error (self, error);
      return;
    }

  rebuild_sidebar (self);
  refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, FALSE);
}

/* Keywords of the inspected file that are not tags yet, as buttons that make them tags. */
static void
fill_keywords (MopsAssetsPage *self,
               gint64          asset_id)
{
  g_auto(GStrv) keywords = mops_tags_suggest_from_keywords (self->library, asset_id, NULL);

  clear_flow_box (self->keyword_box);
  for (guint i = 0; keywords != NULL && keywords[i] != NULL && i < 24; i++)
    {
      g_autofree char *accessible = g_strdup_printf (_("Add the tag “%s”"), keywords[i]);

      append_chip (self, self->keyword_box, "keyword", keywords[i], "list-add-symbolic", TRUE, accessible,
                   G_CALLBACK (on_keyword_clicked_cb));
    }

  gtk_widget_set_visible (self->keyword_area, keywords != NULL && keywords[0] != NULL);
}

/* The status of the inspected asset's licence, and what the two buttons do. */
static void
fill_licence (MopsAssetsPage *self,
              gint64          asset_id,
              guint           n_selected)
{
  MopsLicenceRow row = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *starts = NULL;
  g_autofree char *expires = NULL;
  const char *icon = "security-medium-symbolic";

  self->inspected_licence_id = 0;
  if (!mops_licences_status_for_asset (self->library, asset_id, NULL, -1, &row, NULL))
    {
      adw_action_row_set_subtitle (self->licence_row, "");
      return;
    }

  starts = mops_clock_format_local_date (row.starts_on);
  expires = mops_clock_format_local_date (row.covered_until != NULL ? row.covered_until : row.expires_on);
  self->inspected_licence_id = row.licence_id;

  switch (row.status)
    {
    case MOPS_LICENCE_STATUS_ACTIVE:
      icon = "security-high-symbolic";
      if (expires != NULL)
        /* Translators: %s is a date */
        g_string_printf (text, _("Active until %s"), expires);
      else
        g_string_assign (text, _("Active, with no end date"));
      break;
    case MOPS_LICENCE_STATUS_EXPIRING:
      icon = "alarm-symbolic";
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Expires in %d day, on %s",
                                          "Expires in %d days, on %s", (gulong) row.days_left),
                       (int) row.days_left, expires);
      break;
    case MOPS_LICENCE_STATUS_EXPIRED:
      icon = "dialog-error-symbolic";
      /* Translators: %s is a date */
      g_string_printf (text, _("Expired on %s"), expires != NULL ? expires : "—");
      break;
    case MOPS_LICENCE_STATUS_PENDING:
      icon = "document-open-recent-symbolic";
      /* Translators: %s is a date */
      g_string_printf (text, _("Starts on %s"), starts != NULL ? starts : "—");
      break;
    case MOPS_LICENCE_STATUS_MISSING:
      icon = "dialog-question-symbolic";
      g_string_assign (text, _("Missing: no licence covers this asset"));
      break;
    case MOPS_LICENCE_STATUS_NONE:
    default:
      g_string_assign (text, _("Needs no licence (a record, or in the Trash)"));
      break;
    }

  if (row.licence_id != 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, mops_licence_kind_get_label (row.kind));
      if (row.licensor != NULL && *row.licensor != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (row.licensor, -1);

          g_string_append (text, " · ");
          g_string_append (text, escaped);
        }
    }
  if (row.to_confirm)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("From file metadata — check and confirm it"));
    }

  adw_action_row_set_subtitle (self->licence_row, text->str);
  gtk_image_set_from_icon_name (self->licence_icon, icon);

  if (n_selected > 1 && row.licence_id != 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "_Add %u Asset to This Licence…",
                                                             "_Add %u Assets to This Licence…", n_selected),
                                                n_selected);
      gtk_label_set_text_with_mnemonic (self->licence_edit_label, label);
    }
  else
    gtk_label_set_text_with_mnemonic (self->licence_edit_label, _("_Edit Licence…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.edit-licence", row.licence_id != 0);

  mops_licence_row_clear (&row);
}

static void
update_inspector (MopsAssetsPage *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(MopsAsset) asset = NULL;
  g_autofree char *details = NULL;
  const char *label;
  guint label_index = 0;

  gtk_revealer_set_reveal_child (self->inspector_revealer, ids->len > 0);
  if (ids->len == 0)
    {
      self->inspected_id = 0;
      return;
    }

  asset = mops_asset_load (self->library, g_array_index (ids, gint64, 0), NULL);
  if (asset == NULL)
    return;

  self->updating_inspector = TRUE;
  self->inspected_id = mops_asset_get_id (asset);

  if (ids->len > 1)
    {
      g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset selected",
                                                         "%u assets selected", ids->len),
                                            ids->len);
      gtk_label_set_text (self->inspector_name, n);
    }
  else
    gtk_label_set_text (self->inspector_name, mops_asset_get_display_name (asset));

  details = describe_asset (asset);
  gtk_label_set_text (self->inspector_details, details);
  mops_asset_thumbnail_show (self->textures, self->library, asset, 512, self->preview_picture);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), mops_asset_get_title (asset) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->creator_row), mops_asset_get_creator (asset) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), mops_asset_get_description (asset) ?: "");

  for (guint i = 0; i < 5; i++)
    gtk_toggle_button_set_active (self->stars[i], (int) i < mops_asset_get_rating (asset));

  label = mops_asset_get_color_label (asset);
  for (guint i = 0; label != NULL && mops_assets_color_labels ()[i] != NULL; i++)
    if (g_str_equal (label, mops_assets_color_labels ()[i]))
      label_index = i + 1;
  adw_combo_row_set_selected (self->label_row, label_index);

  fill_tags (self, mops_asset_get_id (asset));
  fill_keywords (self, mops_asset_get_id (asset));
  fill_licence (self, mops_asset_get_id (asset), ids->len);
  self->updating_inspector = FALSE;
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         MopsAssetsPage    *self)
{
  update_inspector (self);
}

static void
on_text_row_apply_cb (MopsAssetsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->inspected_id == 0)
    return;

  if (!mops_assets_set_text_fields (self->library, self->inspected_id,
                                    gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->creator_row)),
                                    &error))
    {
      show_error (self, error);
      return;
    }

  refresh_rows (self, &self->inspected_id, 1, FALSE);
}

static void
set_rating (MopsAssetsPage *self,
            int             rating)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (ids->len == 0)
    return;

  if (!mops_assets_set_rating (self->library, (const gint64 *) (void *) ids->data, ids->len, rating, &error))
    {
      show_error (self, error);
      return;
    }

  refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, FALSE);
}

static void
on_star_toggled_cb (GtkToggleButton *button,
                    MopsAssetsPage  *self)
{
  int star = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "star"));

  if (self->updating_inspector)
    return;

  /* Clicking the highest lit star again clears the rating down to the one below. */
  set_rating (self, gtk_toggle_button_get_active (button) ? star : star - 1);
}

static void
on_label_row_changed_cb (MopsAssetsPage *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->label_row);
  const char *label = selected > 0 ? mops_assets_color_labels ()[selected - 1] : NULL;

  if (self->updating_inspector)
    return;

  ids = selected_ids (self);
  if (ids->len == 0)
    return;

  if (!mops_assets_set_color_label (self->library, (const gint64 *) (void *) ids->data, ids->len, label, &error))
    show_error (self, error);
  else
    refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, FALSE);
}

static void
on_tag_row_apply_cb (MopsAssetsPage *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  const char *path = gtk_editable_get_text (GTK_EDITABLE (self->tag_row));

  if (ids->len == 0 || path == NULL || *path == '\0')
    return;

  if (!mops_tags_add_to_assets (self->library, path, (const gint64 *) (void *) ids->data, ids->len, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), "");
  gtk_revealer_set_reveal_child (self->suggestion_revealer, FALSE);
  rebuild_sidebar (self);
  refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, FALSE);
}

static void
on_grid_activate_cb (MopsAssetsPage *self,
                     guint           position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assets.view", NULL);
}

/* Saved searches ------------------------------------------------------------------------ */

static const char *type_names_by_index[] = { NULL, "image", "vector", "document", "font", "video", "other" };
static const char *licence_names_by_index[] = { NULL, "active", "expiring", "expired", "pending", "missing" };

static guint
index_of (const char * const *names,
          guint               n_names,
          const char         *name)
{
  for (guint i = 1; name != NULL && i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;

  return 0;
}

static void
apply_saved_search (MopsAssetsPage *self,
                    gint64          id)
{
  g_autoptr(GPtrArray) searches = mops_saved_searches_list (self->library, NULL);
  MopsSavedSearch *search = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *filters = NULL;

  for (guint i = 0; searches != NULL && i < searches->len; i++)
    if (((MopsSavedSearch *) searches->pdata[i])->id == id)
      search = searches->pdata[i];

  if (search == NULL)
    return;

  if (search->filters != NULL && json_parser_load_from_data (parser, search->filters, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    filters = json_node_get_object (json_parser_get_root (parser));

  /* The search shows in the controls, so a person sees (and can change) what it is. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search->query);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->licence_dropdown, 0);
  gtk_drop_down_set_selected (self->rating_dropdown, 0);
  gtk_drop_down_set_selected (self->color_dropdown, 0);

  if (filters != NULL)
    {
      if (json_object_has_member (filters, "type") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (filters, "type")) &&
          json_array_get_length (json_object_get_array_member (filters, "type")) > 0)
        gtk_drop_down_set_selected (self->type_dropdown,
                                    index_of (type_names_by_index, G_N_ELEMENTS (type_names_by_index),
                                              json_array_get_string_element (json_object_get_array_member (filters, "type"), 0)));
      if (json_object_has_member (filters, "tag") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (filters, "tag")) &&
          json_array_get_length (json_object_get_array_member (filters, "tag")) > 0)
        self->tag_filter = g_strdup (json_array_get_string_element (json_object_get_array_member (filters, "tag"), 0));
      if (json_object_has_member (filters, "rating"))
        gtk_drop_down_set_selected (self->rating_dropdown,
                                    (guint) CLAMP (json_object_get_int_member (filters, "rating"), 0, 5));
      if (json_object_has_member (filters, "label"))
        {
          const char *label = json_object_get_string_member (filters, "label");

          for (guint i = 0; mops_assets_color_labels ()[i] != NULL; i++)
            if (g_strcmp0 (label, mops_assets_color_labels ()[i]) == 0)
              gtk_drop_down_set_selected (self->color_dropdown, i + 1);
        }
      if (json_object_has_member (filters, "licence"))
        gtk_drop_down_set_selected (self->licence_dropdown,
                                    index_of (licence_names_by_index, G_N_ELEMENTS (licence_names_by_index),
                                              json_object_get_string_member (filters, "licence")));
    }

  run_query (self);
}

static char *
current_filters_json (MopsAssetsPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint licence = gtk_drop_down_get_selected (self->licence_dropdown);
  guint rating = gtk_drop_down_get_selected (self->rating_dropdown);
  guint color = gtk_drop_down_get_selected (self->color_dropdown);
  gboolean any = FALSE;

  json_builder_begin_object (builder);
  if (type > 0 && type < G_N_ELEMENTS (type_names_by_index))
    {
      json_builder_set_member_name (builder, "type");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, type_names_by_index[type]);
      json_builder_end_array (builder);
      any = TRUE;
    }
  if (self->tag_filter != NULL)
    {
      json_builder_set_member_name (builder, "tag");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, self->tag_filter);
      json_builder_end_array (builder);
      any = TRUE;
    }
  if (licence > 0 && licence < G_N_ELEMENTS (licence_names_by_index))
    {
      json_builder_set_member_name (builder, "licence");
      json_builder_add_string_value (builder, licence_names_by_index[licence]);
      any = TRUE;
    }
  if (rating > 0)
    {
      json_builder_set_member_name (builder, "rating");
      json_builder_add_int_value (builder, rating);
      any = TRUE;
    }
  if (color > 0)
    {
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, mops_assets_color_labels ()[color - 1]);
      any = TRUE;
    }
  json_builder_end_object (builder);

  if (!any)
    return NULL;

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A name asked for in a dialog; @done gets the text when the person confirms. */
typedef void (*NameDoneFunc) (MopsAssetsPage *self,
                              const char     *name,
                              gpointer        data);

typedef struct
{
  MopsAssetsPage *page;
  GtkEditable    *entry;
  NameDoneFunc    done;
  gpointer        data;
  GDestroyNotify  destroy;
} NameRequest;

static void
name_request_free (NameRequest *request)
{
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_object_unref (request->page);
  g_free (request);
}

static void
on_name_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     NameRequest      *request)
{
  if (g_str_equal (response, "ok"))
    request->done (request->page, gtk_editable_get_text (request->entry), request->data);
}

static void
ask_for_name (MopsAssetsPage *self,
              const char     *heading,
              const char     *body,
              const char     *initial,
              const char     *confirm,
              NameDoneFunc    done,
              gpointer        data,
              GDestroyNotify  destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  GtkWidget *entry = gtk_entry_new ();
  NameRequest *request = g_new0 (NameRequest, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", confirm, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request->page = g_object_ref (self);
  request->entry = GTK_EDITABLE (entry);
  request->done = done;
  request->data = data;
  request->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_name_response_cb), request,
                         (GClosureNotify) (void (*) (void)) name_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
save_search_done (MopsAssetsPage *self,
                  const char     *name,
                  gpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *filters = current_filters_json (self);

  if (mops_saved_searches_save (self->library, name, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                filters, &error) == 0)
    {
      show_error (self, error);
      return;
    }

  rebuild_sidebar (self);
  {
    /* Translators: %s is the name of a saved search */
    g_autofree char *message = g_strdup_printf (_("Search “%s” saved"), name);
    show_toast (self, message);
  }
}

static void
save_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  ask_for_name (self, _("Save This Search"),
                _("It appears in the sidebar with its words and filters."),
                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), _("_Save"),
                save_search_done, NULL, NULL);
}

/* Collections ----------------------------------------------------------------------------- */

static void
add_to_collection_done (MopsAssetsPage *self,
                        const char     *name,
                        gpointer        data)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  gint64 collection;

  collection = mops_collections_ensure (self->library, name, &error);
  if (collection == 0 ||
      !mops_collections_add_assets (self->library, collection, (const gint64 *) (void *) ids->data, ids->len, &error))
    {
      show_error (self, error);
      return;
    }

  rebuild_sidebar (self);
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset added to “%s”",
                                                             "%u assets added to “%s”", ids->len),
                                                ids->len, name);
    show_toast (self, message);
  }
}

static void
add_to_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GPtrArray) collections = mops_collections_list (self->library, NULL);
  g_autoptr(GString) known = g_string_new (NULL);
  g_autofree char *body = NULL;

  for (guint i = 0; collections != NULL && i < collections->len && i < 8; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", ((MopsCollectionInfo *) collections->pdata[i])->name);

  body = known->len > 0
         /* Translators: %s lists the existing collections */
         ? g_strdup_printf (_("A new name makes a new collection. There are: %s."), known->str)
         : g_strdup (_("A new name makes a new collection."));
  ask_for_name (self, _("Add to Collection"), body,
                collections != NULL && collections->len > 0 ? ((MopsCollectionInfo *) collections->pdata[0])->name : NULL,
                _("_Add"), add_to_collection_done, NULL, NULL);
}

static void
remove_from_collection_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (self->collection_id == 0 || ids->len == 0)
    return;

  if (!mops_collections_remove_assets (self->library, self->collection_id,
                                       (const gint64 *) (void *) ids->data, ids->len, &error))
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_remove (self->collection_members, &g_array_index (ids, gint64, i));
  run_query (self);
  rebuild_sidebar (self);
}

static void
on_delete_collection_response_cb (AdwMessageDialog *dialog,
                                  const char       *response,
                                  MopsAssetsPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->collection_id == 0)
    return;

  if (!mops_collections_delete (self->library, self->collection_id, &error))
    show_error (self, error);

  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))));
  rebuild_sidebar (self);
}

static void
delete_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  GtkWidget *dialog;

  if (self->collection_id == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete This Collection?"),
                                   _("Its assets stay in the library; only the grouping goes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_collection_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Tags: rename, merge, suggestions -------------------------------------------------------- */

static void load_index (MopsAssetsPage *self);

static void
after_tag_change (MopsAssetsPage *self)
{
  /* A tag change touches the search text of every asset below it: read the index again. */
  load_index (self);
  /* The tag shown may have a new path or be gone: take the filter from the sidebar again. */
  rebuild_sidebar (self);
  on_sidebar_row_selected_cb (self, gtk_list_box_get_selected_row (self->sidebar));
}

static void
rename_tag_done (MopsAssetsPage *self,
                 const char     *name,
                 gpointer        data)
{
  gint64 tag_id = *(gint64 *) data;
  g_autoptr(GError) error = NULL;

  if (!mops_tags_rename (self->library, tag_id, name, &error))
    {
      show_error (self, error);
      return;
    }

  after_tag_change (self);
}

static void
merge_tag_done (MopsAssetsPage *self,
                const char     *path,
                gpointer        data)
{
  gint64 tag_id = *(gint64 *) data;
  g_autoptr(GError) error = NULL;
  gint64 target = mops_tags_lookup (self->library, path, &error);

  if (target == 0)
    g_set_error (&error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no tag “%s”"), path);

  if (target <= 0 || !mops_tags_merge (self->library, tag_id, target, &error))
    {
      show_error (self, error);
      return;
    }

  after_tag_change (self);
}

static void
rename_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; self->tag_cache != NULL && i < self->tag_cache->len; i++)
    {
      MopsTagInfo *tag = g_ptr_array_index (self->tag_cache, i);

      if (tag->id == id)
        ask_for_name (self, _("Rename Tag"), tag->path, tag->name, _("_Rename"),
                      rename_tag_done, g_memdup2 (&id, sizeof id), g_free);
    }
}

static void
merge_tag_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; self->tag_cache != NULL && i < self->tag_cache->len; i++)
    {
      MopsTagInfo *tag = g_ptr_array_index (self->tag_cache, i);
      g_autofree char *body = NULL;

      if (tag->id != id)
        continue;

      /* Translators: %s is a tag path such as Brand/Logo */
      body = g_strdup_printf (_("Every asset and sub-tag of “%s” moves to the tag you name, "
                                "such as Brand/Logos."), tag->path);
      ask_for_name (self, _("Merge Tag Into…"), body, NULL, _("_Merge"),
                    merge_tag_done, g_memdup2 (&id, sizeof id), g_free);
    }
}

static void
on_tag_row_pressed_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       MopsAssetsPage  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  gint64 *id = g_object_get_data (G_OBJECT (row), "tag-id");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) rename = NULL;
  g_autoptr(GMenuItem) merge = NULL;
  GtkWidget *popover;

  if (id == NULL)
    return;

  rename = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (rename, "assets.rename-tag", g_variant_new_int64 (*id));
  merge = g_menu_item_new (_("_Merge Into…"), NULL);
  g_menu_item_set_action_and_target_value (merge, "assets.merge-tag", g_variant_new_int64 (*id));
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, merge);

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_suggestion_activated_cb (GtkListBox     *list,
                            GtkListBoxRow  *row,
                            MopsAssetsPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  gtk_revealer_set_reveal_child (self->suggestion_revealer, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), path);
  on_tag_row_apply_cb (self);
}

/* As a person types a tag, the existing ones that contain the words (in any case) appear. */
static void
on_tag_row_changed_cb (MopsAssetsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_row));
  g_autofree char *folded = mops_text_fold (text);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);

  for (guint i = 0; *folded != '\0' && self->tag_cache != NULL && i < self->tag_cache->len && shown < 6; i++)
    {
      MopsTagInfo *tag = g_ptr_array_index (self->tag_cache, i);
      g_autofree char *candidate = mops_text_fold (tag->path);
      GtkWidget *row;
      GtkWidget *label;

      if (strstr (candidate, folded) == NULL || g_strcmp0 (candidate, folded) == 0)
        continue;

      row = gtk_list_box_row_new ();
      label = gtk_label_new (tag->path);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "data");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (tag->path), g_free);
      gtk_list_box_append (self->suggestion_list, row);
      shown++;
    }

  gtk_revealer_set_reveal_child (self->suggestion_revealer, shown > 0);
}

/* Background work: the index, previews, imports ------------------------------------------ */

/* The first index, or a newer one: rows edited while it was read are read into it again. */
static void
on_index_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  MopsAssetsPage *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsSearchIndex) index = mops_search_index_load_finish (MOPS_LIBRARY (source), result, &error);
  gboolean first = self->index == NULL;

  if (g_cancellable_is_cancelled (self->cancellable) || request->generation != self->index_generation)
    return;

  if (index == NULL)
    {
      g_clear_pointer (&self->edited_while_loading, g_array_unref);
      show_error (self, error);
      return;
    }

  if (self->edited_while_loading != NULL && self->edited_while_loading->len > 0 &&
      !mops_search_index_update (index, self->library, (const gint64 *) self->edited_while_loading->data,
                                 self->edited_while_loading->len, &error))
    show_error (self, error);
  g_clear_pointer (&self->edited_while_loading, g_array_unref);

  g_clear_pointer (&self->index, mops_search_index_free);
  self->index = g_steal_pointer (&index);
  run_query (self);
  if (first)
    {
      load_badges (self);
      start_previews (self);
    }
}

/* The whole library's index, read in a worker; until it is there, the one in hand (if any)
 * answers, and rows edited meanwhile are noted to be read into the new one. */
static void
load_index (MopsAssetsPage *self)
{
  g_clear_pointer (&self->edited_while_loading, g_array_unref);
  self->edited_while_loading = g_array_new (FALSE, FALSE, sizeof (gint64));
  mops_search_index_load_async (self->library, self->cancellable, on_index_loaded_cb,
                                request_new (self, ++self->index_generation));
}

/* One asset has its previews: core calls this on the main context, never once the page's
 * cancellable is cancelled. */
static void
on_preview_progress (guint    n_done,
                     guint    total,
                     gint64   asset_id,
                     gpointer user_data)
{
  MopsAssetsPage *self = user_data;

  refresh_rows (self, &asset_id, 1, FALSE);
  mops_library_previews_changed (self->library, asset_id);
}

static void
on_previews_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MopsAssetsPage) self = user_data;
  g_autoptr(MopsPreviewReport) report = mops_previews_run_finish (MOPS_LIBRARY (source), result, NULL);

  self->previews_running = FALSE;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* Files an import just added that turn out not to be previewable are reported once their
   * previews are done. */
  for (guint i = 0; report != NULL && self->awaiting_previews != NULL && i < report->cannot_preview->len; i++)
    {
      MopsPreviewProblem *problem = g_ptr_array_index (report->cannot_preview, i);

      if (g_hash_table_contains (self->awaiting_previews, &problem->id))
        {
          if (self->preview_problems == NULL)
            self->preview_problems = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (self->preview_problems, g_strdup (problem->error));
        }
    }

  if (self->previews_again)
    {
      self->previews_again = FALSE;
      start_previews (self);
      return;
    }

  g_clear_pointer (&self->awaiting_previews, g_hash_table_unref);
  if (self->preview_problems != NULL && self->preview_problems->len > 0)
    {
      guint n = self->preview_problems->len;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u imported file cannot be previewed",
                                                             "%u imported files cannot be previewed", n),
                                                n);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "assets.show-preview-problems");
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
show_preview_problems_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  guint n;

  if (self->preview_problems == NULL || self->preview_problems->len == 0)
    return;

  n = self->preview_problems->len;
  for (guint i = 0; i < n && i < 12; i++)
    g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (self->preview_problems, i));
  if (n > 12)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "…and %u more file",
                                               "…and %u more files", n - 12),
                            n - 12);
  g_string_append_c (body, '\n');
  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "It is in the library and can be opened, but Mops cannot "
                                      "draw a thumbnail for it.",
                                      "They are in the library and can be opened, but Mops cannot "
                                      "draw a thumbnail for them.", n));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   g_dngettext (GETTEXT_PACKAGE, "A File Cannot Be Previewed",
                                                "Some Files Cannot Be Previewed", n),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_clear_pointer (&self->preview_problems, g_ptr_array_unref);
}

/* Thumbnails and metadata for whatever lacks them, two helper processes at a time. */
static void
start_previews (MopsAssetsPage *self)
{
  if (self->previews_running)
    {
      self->previews_again = TRUE;
      return;
    }

  self->previews_running = TRUE;
  mops_previews_run_async (self->library, NULL, 0, 0, PREVIEW_WORKERS, on_preview_progress, self,
                           self->cancellable, on_previews_done_cb, g_object_ref (self));
}

static void
on_import_progress (guint       done,
                    guint       total,
                    const char *current,
                    gpointer    user_data)
{
  MopsAssetsPage *self = user_data;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;   /* the page is gone */

  basename = g_path_get_basename (current);
  /* Translators: "Importing 12 of 40 — logo.png" */
  text = g_strdup_printf (_("Importing %u of %u — %s"), done, total, basename);

  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
}

static void
show_failures (MopsAssetsPage   *self,
               MopsImportReport *report)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < report->failed->len && i < 12; i++)
    {
      MopsImportItem *item = g_ptr_array_index (report->failed, i);

      g_string_append_printf (body, "%s\n", item->error);
    }
  if (report->failed->len > 12)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "…and %u more file",
                                               "…and %u more files", report->failed->len - 12),
                            report->failed->len - 12);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   g_dngettext (GETTEXT_PACKAGE, "A File Was Not Imported",
                                                "Some Files Were Not Imported", report->failed->len),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MopsAssetsPage) self = user_data;
  g_autoptr(MopsImportReport) report = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *message = NULL;

  report = mops_import_finish (MOPS_LIBRARY (source), result, &error);
  g_clear_object (&self->import_cancellable);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;   /* the page is gone */
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.cancel-import", FALSE);

  if (report == NULL)
    {
      show_error (self, error);
      return;
    }

  if (report->added->len > 0 && self->awaiting_previews == NULL)
    self->awaiting_previews = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < report->added->len; i++)
    {
      gint64 id = ((MopsImportItem *) report->added->pdata[i])->id;

      g_array_append_val (ids, id);
      g_hash_table_add (self->awaiting_previews, g_memdup2 (&id, sizeof id));
    }
  refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, TRUE);
  rebuild_sidebar (self);
  load_badges (self);
  start_previews (self);

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file imported", "%u files imported",
                                        report->added->len), report->added->len);
  if (report->duplicates->len > 0)
    /* Translators: "%s" is "3 files imported"; the rest counts duplicates */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u was already in the library",
                                            "%s, %u were already in the library", report->duplicates->len),
                               added, report->duplicates->len);
  else
    message = g_strdup (added);
  if (report->cancelled)
    {
      g_autofree char *cancelled = g_strdup_printf (_("Import cancelled: %s"), message);
      show_toast (self, cancelled);
    }
  else
    show_toast (self, message);

  if (report->failed->len > 0)
    show_failures (self, report);
}

void
mops_assets_page_import_files (MopsAssetsPage *self,
                               GListModel     *files)
{
  mops_assets_page_import_files_full (self, files, MOPS_ASSETS_IMPORT_DEFAULT);
}

void
mops_assets_page_import_files_full (MopsAssetsPage        *self,
                                    GListModel            *files,
                                    MopsAssetsImportFlags  flags)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  MopsImportOptions options = {
    .reference = (flags & MOPS_ASSETS_IMPORT_KEEP_IN_PLACE) != 0,
    .owned = (flags & MOPS_ASSETS_IMPORT_OWNED) != 0,
    .owned_source = MOPS_LICENCE_SOURCE_USER,
  };

  g_return_if_fail (MOPS_IS_ASSETS_PAGE (self));

  if (self->import_cancellable != NULL)
    {
      show_toast (self, _("An import is already running"));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);

  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->progress_label, _("Preparing the import…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.cancel-import", TRUE);

  mops_import_async (self->library, (const char * const *) paths->pdata, &options, on_import_progress, self,
                     self->import_cancellable, on_import_done_cb, g_object_ref (self));
}

gboolean
mops_assets_page_is_busy (MopsAssetsPage *self)
{
  g_return_val_if_fail (MOPS_IS_ASSETS_PAGE (self), FALSE);

  return self->index == NULL || self->import_cancellable != NULL || self->previews_running ||
         self->licence_loading || mops_texture_loader_is_busy (self->textures);
}

guint
mops_assets_page_get_n_shown (MopsAssetsPage *self)
{
  g_return_val_if_fail (MOPS_IS_ASSETS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->assets));
}

/* Actions --------------------------------------------------------------------------------- */

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        MopsAssetsPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      const char *keep = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "keep-in-place");
      const char *owned = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "owned");
      MopsAssetsImportFlags flags = MOPS_ASSETS_IMPORT_DEFAULT;

      if (g_strcmp0 (keep, "true") == 0)
        flags |= MOPS_ASSETS_IMPORT_KEEP_IN_PLACE;
      if (g_strcmp0 (owned, "true") == 0)
        flags |= MOPS_ASSETS_IMPORT_OWNED;
      mops_assets_page_import_files_full (self, files, flags);
    }

  g_object_unref (chooser);
}

static void
open_chooser (MopsAssetsPage       *self,
              GtkFileChooserAction  action,
              const char           *title)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         action, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  /* Referenced files stay where they are: the library only points at them. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "keep-in-place",
                               _("Keep files where they are (do not copy into the library)"),
                               NULL, NULL);
  /* Work the team made itself needs no licence tracking: no "missing licence" badges. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "owned",
                               _("These files are our own work (licence: owned by us)"),
                               NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_chooser (MOPS_ASSETS_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Files"));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_chooser (MOPS_ASSETS_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Import Folders"));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (MOPS_ASSETS_PAGE (widget)->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
undo_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->last_trashed == NULL)
    return;

  if (!mops_assets_restore (self->library, (const gint64 *) (void *) self->last_trashed->data,
                            self->last_trashed->len, &error))
    show_error (self, error);

  refresh_rows (self, (const gint64 *) (void *) self->last_trashed->data, self->last_trashed->len, TRUE);
  rebuild_sidebar (self);
  g_clear_pointer (&self->last_trashed, g_array_unref);
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (ids->len == 0 || self->trash_view)
    return;

  if (!mops_assets_trash (self->library, (const gint64 *) (void *) ids->data, ids->len, &error))
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->last_trashed, g_array_unref);
  self->last_trashed = g_array_ref (ids);
  refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, TRUE);
  rebuild_sidebar (self);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset moved to the Trash",
                                        "%u assets moved to the Trash", ids->len), ids->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "assets.undo-trash");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (ids->len == 0)
    return;

  if (!mops_assets_restore (self->library, (const gint64 *) (void *) ids->data, ids->len, &error))
    show_error (self, error);

  refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, TRUE);
  rebuild_sidebar (self);
}

typedef struct
{
  MopsAssetsPage *page;
  GArray         *trashed;   /* what the Trash held: gone now, or kept */
} EmptyTrash;

static void
empty_trash_free (EmptyTrash *empty)
{
  g_object_unref (empty->page);
  g_array_unref (empty->trashed);
  g_free (empty);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmptyTrash, empty_trash_free)

static void
on_trash_emptied_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(EmptyTrash) empty = user_data;
  MopsAssetsPage *self = empty->page;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deleted = mops_assets_empty_trash_finish (MOPS_LIBRARY (source), result, &kept, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (deleted < 0)
    {
      show_error (self, error);
      return;
    }

  /* Rows are gone for good: the index reads them again and lets them go (or, when it was not
   * there yet, is read whole). */
  if (self->index != NULL && empty->trashed->len > 0)
    refresh_rows (self, (const gint64 *) (void *) empty->trashed->data, empty->trashed->len, TRUE);
  else
    load_index (self);
  rebuild_sidebar (self);

  if (kept != NULL && kept->len > 0)
    {
      MopsTrashKept *first = g_ptr_array_index (kept, 0);
      /* Translators: "“Logo” stays in the Trash: it is used by the content item “Launch post”" */
      g_autofree char *text = g_strdup_printf (_("“%s” stays in the Trash: it is used by %s"),
                                               first->name, first->used_by);
      show_toast (self, text);
    }
}

static void
on_empty_trash_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            MopsAssetsPage   *self)
{
  MopsSearchQuery trash = { .trashed = TRUE, .include_records = TRUE };
  EmptyTrash *empty;

  if (!g_str_equal (response, "empty"))
    return;

  empty = g_new0 (EmptyTrash, 1);
  empty->page = g_object_ref (self);
  empty->trashed = self->index != NULL ? mops_search_index_query (self->index, &trash)
                                       : g_array_new (FALSE, FALSE, sizeof (gint64));
  mops_assets_empty_trash_async (self->library, self->cancellable, on_trash_emptied_cb, empty);
}

static void
empty_trash_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Empty the Trash?"),
                                   _("The assets in the Trash and their files are deleted for good. "
                                     "Assets still used by content, brand kits, licences or expenses stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "empty", _("_Empty Trash"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_empty_trash_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  set_rating (MOPS_ASSETS_PAGE (widget), g_variant_get_int32 (parameter));
}

static GFile *
inspected_file (MopsAssetsPage *self)
{
  g_autoptr(MopsAsset) asset = NULL;
  g_autofree char *path = NULL;

  if (self->inspected_id == 0)
    return NULL;

  asset = mops_asset_load (self->library, self->inspected_id, NULL);
  if (asset == NULL)
    return NULL;

  path = mops_asset_dup_file_path (asset);
  return g_file_new_for_path (path);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  if (self->inspected_id == 0)
    return;

  gtk_window_present (mops_asset_viewer_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->library,
                                             self->inspected_id));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GFile) file = inspected_file (self);
  g_autofree char *uri = NULL;

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_show_uri_full (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME, NULL, NULL, NULL);
}

static void
open_parent_folder (MopsAssetsPage *self,
                    GFile          *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (parent);

  gtk_show_uri_full (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME,
                     NULL, NULL, NULL);
}

typedef struct
{
  MopsAssetsPage *page;
  GFile          *file;
} ShowItems;

static void
on_show_items_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ShowItems *show = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  /* No file manager on the bus: open the folder instead. */
  if (reply == NULL && gtk_widget_get_root (GTK_WIDGET (show->page)) != NULL)
    open_parent_folder (show->page, show->file);

  g_object_unref (show->page);
  g_object_unref (show->file);
  g_free (show);
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GFile) file = inspected_file (self);
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  g_autofree char *uri = NULL;
  const char *uris[2];
  ShowItems *show;

  if (file == NULL)
    return;

  if (bus == NULL)
    {
      open_parent_folder (self, file);
      return;
    }

  uri = g_file_get_uri (file);
  uris[0] = uri;
  uris[1] = NULL;
  show = g_new0 (ShowItems, 1);
  show->page = g_object_ref (self);
  show->file = g_object_ref (file);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, on_show_items_done_cb, show);
}

/* Drag and drop --------------------------------------------------------------------------- */

static gboolean
on_drop_cb (GtkDropTarget  *target,
            const GValue   *value,
            double          x,
            double          y,
            MopsAssetsPage *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *items;

  if (list == NULL)
    return FALSE;

  items = gdk_file_list_get_files (list);
  for (GSList *l = items; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (items);

  mops_assets_page_import_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* GObject --------------------------------------------------------------------------------- */

/* Start-up: the tag tree (≈ 100 ms for 100,000 tagged assets) and a first screen of assets
 * in the default order come from a worker of their own, so the first frame does not wait for
 * the main thread or for the whole search index. */

#define FIRST_PAGE_MIN 24
#define FIRST_PAGE_MAX 600

/* About one window of tiles, from the remembered window size, with a margin: GTK 4.8 makes
 * a widget for up to 30 rows of the model at once, so a first screen of 400 assets would
 * cost 200+ tiles before the first frame; the rest follows with the index. */
static guint
first_page_size (MopsAssetsPage *self)
{
  guint columns = mops_asset_grid_columns_for_width (self->grid, g_settings_get_int (self->settings, "window-width"));
  int height = g_settings_get_int (self->settings, "window-height");
  guint rows = (guint) MAX (1, height / (self->tile_size * 3 / 4 + 50)) + 2;

  return CLAMP (columns * rows, FIRST_PAGE_MIN, FIRST_PAGE_MAX);
}

static gboolean
query_is_default (MopsAssetsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text == NULL || *text == '\0') && self->tag_filter == NULL && !self->trash_view &&
         self->collection_members == NULL && self->licence_members == NULL &&
         gtk_drop_down_get_selected (self->type_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->sort_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->licence_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->rating_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->color_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->date_dropdown) == 0;
}

static void
on_tags_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MopsAssetsPage) self = user_data;
  g_autoptr(GPtrArray) tags = mops_tags_list_finish (MOPS_LIBRARY (source), result, NULL);

  if (g_cancellable_is_cancelled (self->cancellable) || !self->tags_pending || tags == NULL)
    return;

  self->tags_pending = FALSE;
  rebuild_sidebar_with_tags (self, g_steal_pointer (&tags));
}

/* After the first screen (they would share two cores): the tag tree, then the whole index. */
static void
start_background_loads (MopsAssetsPage *self)
{
  mops_tags_list_async (self->library, self->cancellable, on_tags_loaded_cb, g_object_ref (self));
  load_index (self);
}

static void
on_first_screen_painted_cb (MopsAssetsPage *self,
                            GdkFrameClock  *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_screen_painted_cb, self);
  if (!g_cancellable_is_cancelled (self->cancellable))
    start_background_loads (self);
}

/* The first screen of assets, by name, before the index is there. */
static void
on_first_page_loaded_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(MopsAssetsPage) self = user_data;
  g_autoptr(GArray) first_ids = mops_search_assets_finish (MOPS_LIBRARY (source), result, NULL);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* No connection for the first screen: the index tells what went wrong. */
  if (first_ids == NULL)
    {
      load_index (self);
      return;
    }

  /* The index is not there yet: show the first screen now, the same rows in the same order
   * as the index will give (a test holds both searches to identical results). */
  if (self->index == NULL && first_ids->len > 0 && query_is_default (self))
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      mops_asset_list_set_ids (self->assets, first_ids);
      self->showing_first_page = TRUE;
      gtk_stack_set_visible_child_name (self->view_stack, "grid");

      /* The index and the tag tree would take both cores from that frame: they start once
       * it is painted. */
      if (clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
        g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_screen_painted_cb),
                                 self, G_CONNECT_SWAPPED);
      else
        start_background_loads (self);
    }
  else
    start_background_loads (self);
}

static void
mops_assets_page_constructed (GObject *object)
{
  MopsAssetsPage *self = (MopsAssetsPage *) object;
  MopsSearchQuery first_page = { .sort = MOPS_SEARCH_SORT_NAME };

  G_OBJECT_CLASS (mops_assets_page_parent_class)->constructed (object);

  g_return_if_fail (MOPS_IS_LIBRARY (self->library));

  self->assets = mops_asset_list_new (self->library);
  self->selection = mops_asset_selection_new (self->assets);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  g_object_set (self->grid, "library", self->library, "textures", self->textures,
                "model", self->selection, NULL);

  self->tags_pending = TRUE;
  rebuild_sidebar_with_tags (self, NULL);

  first_page.limit = first_page_size (self);
  mops_search_assets_async (self->library, &first_page, self->cancellable, on_first_page_loaded_cb,
                            g_object_ref (self));
}

static void
mops_assets_page_dispose (GObject *object)
{
  MopsAssetsPage *self = (MopsAssetsPage *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  if (self->textures != NULL)
    mops_texture_loader_cancel (self->textures);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_ASSETS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->assets);

  G_OBJECT_CLASS (mops_assets_page_parent_class)->dispose (object);
}

static void
mops_assets_page_finalize (GObject *object)
{
  MopsAssetsPage *self = (MopsAssetsPage *) object;

  g_clear_pointer (&self->index, mops_search_index_free);
  g_clear_object (&self->textures);
  g_clear_pointer (&self->awaiting_previews, g_hash_table_unref);
  g_clear_pointer (&self->preview_problems, g_ptr_array_unref);
  g_clear_pointer (&self->last_trashed, g_array_unref);
  g_clear_pointer (&self->collection_members, g_hash_table_unref);
  g_clear_pointer (&self->licence_members, g_hash_table_unref);
  g_clear_pointer (&self->edited_while_loading, g_array_unref);
  g_clear_pointer (&self->tag_cache, g_ptr_array_unref);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_free (self->tag_filter);

  G_OBJECT_CLASS (mops_assets_page_parent_class)->finalize (object);
}

static void
mops_assets_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_assets_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_assets_page_class_init (MopsAssetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mops_assets_page_constructed;
  object_class->dispose = mops_assets_page_dispose;
  object_class->finalize = mops_assets_page_finalize;
  object_class->get_property = mops_assets_page_get_property;
  object_class->set_property = mops_assets_page_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/assets/mops-assets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, licence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, rating_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, zoom_scale);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, collection_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, suggestion_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, trash_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, inspector_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, inspector_name);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, inspector_details);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, creator_row);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, rating_box);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, label_row);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, tag_box);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, tag_row);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, keyword_area);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, keyword_box);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, licence_row);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, licence_icon);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, licence_edit_label);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_query_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_label_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_changed_cb);

  gtk_widget_class_install_action (widget_class, "assets.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "assets.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "assets.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "assets.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "assets.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "assets.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "assets.undo-trash", NULL, undo_trash_action);
  gtk_widget_class_install_action (widget_class, "assets.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "assets.empty-trash", NULL, empty_trash_action);
  gtk_widget_class_install_action (widget_class, "assets.rate", "i", rate_action);
  gtk_widget_class_install_action (widget_class, "assets.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "assets.view", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "assets.show-in-folder", NULL, show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "assets.save-search", NULL, save_search_action);
  gtk_widget_class_install_action (widget_class, "assets.add-to-collection", NULL, add_to_collection_action);
  gtk_widget_class_install_action (widget_class, "assets.remove-from-collection", NULL, remove_from_collection_action);
  gtk_widget_class_install_action (widget_class, "assets.delete-collection", NULL, delete_collection_action);
  gtk_widget_class_install_action (widget_class, "assets.rename-tag", "x", rename_tag_action);
  gtk_widget_class_install_action (widget_class, "assets.merge-tag", "x", merge_tag_action);
  gtk_widget_class_install_action (widget_class, "assets.edit-licence", NULL, edit_licence_action);
  gtk_widget_class_install_action (widget_class, "assets.new-licence", NULL, new_licence_action);
  gtk_widget_class_install_action (widget_class, "assets.show-preview-problems", NULL, show_preview_problems_action);
  gtk_widget_class_install_action (widget_class, "assets.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "assets.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "assets.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "assets.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "assets.import-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "assets.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "assets.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "assets.trash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "assets.view", NULL);
  for (int i = 0; i <= 5; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "assets.rate", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "assets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "assets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "assets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "assets.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "assets.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "assets.zoom-reset", NULL);
}

static void
mops_assets_page_init (MopsAssetsPage *self)
{
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
  self->textures = mops_texture_loader_new (TEXTURE_CACHE_SIZE);
  g_type_ensure (MOPS_TYPE_ASSET_GRID);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  /* the window's remembered width less the sidebar, until the grid has its own */
  mops_asset_grid_set_width_hint (self->grid, g_settings_get_int (self->settings, "window-width") - 260);
  g_signal_connect (self->settings, "changed::thumbnail-size",
                    G_CALLBACK (on_thumbnail_size_setting_cb), self);
  set_tile_size (self, g_settings_get_int (self->settings, "thumbnail-size"));

  for (int i = 0; i < 5; i++)
    {
      GtkWidget *star = gtk_toggle_button_new ();
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d star", "%d stars",
                                                             (gulong) i + 1), i + 1);

      gtk_button_set_icon_name (GTK_BUTTON (star), "starred-symbolic");
      gtk_widget_add_css_class (star, "flat");
      gtk_widget_add_css_class (star, "rating-star");
      gtk_widget_set_tooltip_text (star, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (star), "star", GINT_TO_POINTER (i + 1));
      g_signal_connect (star, "toggled", G_CALLBACK (on_star_toggled_cb), self);
      gtk_box_append (self->rating_box, star);
      self->stars[i] = GTK_TOGGLE_BUTTON (star);
    }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.cancel-import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.edit-licence", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  gtk_stack_set_visible_child_name (self->view_stack, "loading");
}
