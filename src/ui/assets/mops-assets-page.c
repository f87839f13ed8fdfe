/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-page.c — the asset browser: the library, its model, selection and search index,
 * and the widgets that show them (sidebar, filter bar, grid, inspector) wired together */

#include "config.h"

#define G_LOG_DOMAIN "mops-assets-page"

#include <glib/gi18n.h>

#include "core/mops-collections.h"
#include "core/mops-licences.h"
#include "core/mops-search.h"
#include "core/mops-tags.h"
#include "mops-assets-page-private.h"

#define TEXTURE_CACHE_SIZE 800

/* An edit of more rows than this reads the whole index again in a worker instead of reading
 * the rows into it on the main thread. */
#define INDEX_UPDATE_MAX   1000

/* The first screen, before the index: about one window of tiles. */
#define FIRST_PAGE_MIN     24
#define FIRST_PAGE_MAX     600

G_DEFINE_FINAL_TYPE (MopsAssetsPage, mops_assets_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_inspector (MopsAssetsPage *self);

/* Narrow (folded): the inspector is a view of its own, shown for a selection. Wide, both
 * show and the leaflet is left alone (it would move the focus into its new child). */
static void
show_leaflet_child (MopsAssetsPage *self,
                    gboolean        inspector)
{
  GtkWidget *child = inspector ? GTK_WIDGET (self->inspector_revealer) : self->grid_column;

  if (adw_leaflet_get_folded (self->content_leaflet) && adw_leaflet_get_visible_child (self->content_leaflet) != child)
    adw_leaflet_set_visible_child (self->content_leaflet, child);
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

static GHashTable *
id_set_from_array (GArray *ids)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));

  return set;
}

/* Badges ---------------------------------------------------------------------------------- */

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

/* Back from another page (the Licences page edits licences too): badges may have changed. */
static void
on_map_cb (MopsAssetsPage *self)
{
  if (self->badges_loaded)
    _mops_assets_page_load_badges (self);
}

/* Thumbnail size -------------------------------------------------------------------------- */

static void
on_thumbnail_size_setting_cb (GSettings      *settings,
                              const char     *key,
                              MopsAssetsPage *self)
{
  _mops_assets_page_set_tile_size (self, g_settings_get_int (settings, key));
}

static void
on_tile_size_changed_cb (MopsAssetsPage *self)
{
  _mops_assets_page_set_tile_size (self, mops_assets_filter_bar_get_tile_size (self->filter_bar));
}

/* The query ------------------------------------------------------------------------------- */

/* A collection, a licence status: sets of ids that narrow the result, keeping its order. */
static void
narrow_by_sets (MopsAssetsPage *self,
                GArray         *ids)
{
  guint kept = 0;

  if (self->collection_members == NULL && self->licence_members == NULL)
    return;

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

static void
show_status (MopsAssetsPage *self,
             const char     *icon_name,
             const char     *title,
             const char     *description)
{
  adw_status_page_set_icon_name (self->empty_page, icon_name);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
}

/* Why the grid is empty: the Trash, a search, or a library with nothing in it yet. */
static void
show_empty (MopsAssetsPage        *self,
            const MopsSearchQuery *query)
{
  if (self->trash_view)
    show_status (self, "user-trash-symbolic", _("The Trash Is Empty"),
                 _("Deleted assets wait here until the Trash is emptied."));
  else if ((query->text != NULL && *query->text != '\0') || query->types != 0 || self->tag_filter != NULL ||
           self->collection_members != NULL || self->licence_members != NULL ||
           query->min_rating > 0 || query->color_label != NULL || query->imported_from > 0)
    show_status (self, "edit-find-symbolic", _("No Matching Assets"),
                 _("Try other words, another type or another tag."));
  else
    show_status (self, "folder-pictures-symbolic", _("No Assets Yet"),
                 _("Import files or folders with the + button, or drop them here."));

  gtk_stack_set_visible_child_name (self->view_stack, "empty");
}

/* Another order or other filters: the result is read from its top (the newest files are not
 * left hidden above the scrolled view). */
/* Active filters ------------------------------------------------------------------------ */

static void
on_chip_clicked_cb (GtkButton      *chip,
                    MopsAssetsPage *self)
{
  for (guint i = 0; i < MOPS_ASSETS_N_FILTERS; i++)
    if (self->chips[i] == GTK_WIDGET (chip))
      mops_assets_filter_bar_clear_filter (self->filter_bar, i);
}

/* The chips, one for each filter, hidden while it is off: its value and a cross; a click
 * turns it off. */
static void
add_filter_chips (MopsAssetsPage *self)
{
  for (guint i = 0; i < MOPS_ASSETS_N_FILTERS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      self->chips[i] = gtk_button_new ();
      self->chip_labels[i] = GTK_LABEL (gtk_label_new (NULL));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chip_labels[i]));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (self->chips[i]), box);
      gtk_widget_add_css_class (self->chips[i], "filter-chip");
      g_signal_connect_object (self->chips[i], "clicked", G_CALLBACK (on_chip_clicked_cb), self, 0);
      gtk_box_append (self->chip_box, self->chips[i]);
      gtk_widget_set_visible (self->chips[i], FALSE);
    }
}

/* How many assets the sidebar's choice holds before the filter bar narrows it. */
static guint
count_unfiltered (MopsAssetsPage *self)
{
  const char *tags[] = { self->tag_filter, NULL };
  MopsSearchQuery query = {
    .tags = self->tag_filter != NULL ? tags : NULL,
    .trashed = self->trash_view,
  };
  g_autoptr(GArray) ids = mops_search_index_query (self->index, &query);
  guint n = 0;

  if (self->collection_members == NULL)
    return ids->len;

  for (guint i = 0; i < ids->len; i++)
    n += g_hash_table_contains (self->collection_members, &g_array_index (ids, gint64, i));
  return n;
}

/* The filters of the popover stay in sight once it closes: a chip each, and "2 of 93". */
static void
update_filter_chips (MopsAssetsPage *self,
                     guint           n_shown)
{
  gboolean any = *mops_assets_filter_bar_get_text (self->filter_bar) != '\0';

  for (guint i = 0; i < MOPS_ASSETS_N_FILTERS; i++)
    {
      g_autofree char *label = mops_assets_filter_bar_dup_filter_label (self->filter_bar, i);

      gtk_widget_set_visible (self->chips[i], label != NULL);
      if (label == NULL)
        continue;

      {
        /* Translators: %s is a filter, e.g. "Fonts" or "Expiring" */
        g_autofree char *description = g_strdup_printf (_("Remove the filter “%s”"), label);

        gtk_label_set_text (self->chip_labels[i], label);
        gtk_widget_set_tooltip_text (self->chips[i], description);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->chips[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        description, -1);
      }
      any = TRUE;
    }

  gtk_revealer_set_reveal_child (self->filter_revealer, any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.clear-filters", any);
  if (any)
    {
      guint total = count_unfiltered (self);
      /* Translators: how many assets the filters leave, of how many: "2 of 93 assets" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u asset", "%u of %u assets",
                                                            total),
                                               n_shown, total);

      gtk_label_set_text (self->result_label, text);
    }
}

static void
on_filter_bar_changed_cb (MopsAssetsPage *self)
{
  self->new_filters = TRUE;
  _mops_assets_page_run_query (self);
  mops_asset_grid_scroll_to_top (self->grid);
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
    _mops_assets_page_show_error (self, error);
  else
    self->licence_members = id_set_from_array (ids);

  _mops_assets_page_run_query (self);
}

static void
on_licence_statuses_changed_cb (MopsAssetsPage *self)
{
  self->new_filters = TRUE;
  _mops_assets_page_update_licence_filter (self);
}

/* Sidebar --------------------------------------------------------------------------------- */

/* A saved search shows in the filter bar, so a person sees (and can change) what it is. */
static void
apply_saved_search (MopsAssetsPage *self,
                    gint64          id)
{
  g_autoptr(GPtrArray) searches = mops_saved_searches_list (self->library, NULL);
  guint statuses = mops_assets_filter_bar_get_licence_statuses (self->filter_bar);
  MopsSavedSearch *search = NULL;

  for (guint i = 0; searches != NULL && i < searches->len; i++)
    if (((MopsSavedSearch *) searches->pdata[i])->id == id)
      search = searches->pdata[i];

  if (search == NULL)
    return;

  mops_assets_filter_bar_load_search (self->filter_bar, search->query, search->filters, &self->tag_filter);
  if (mops_assets_filter_bar_get_licence_statuses (self->filter_bar) != statuses)
    _mops_assets_page_update_licence_filter (self);
  else
    _mops_assets_page_run_query (self);
}

static void
on_sidebar_selected_cb (MopsAssetsPage *self,
                        guint           kind,
                        gint64          id,
                        const char     *tag)
{
  self->trash_view = kind == MOPS_ASSETS_SIDEBAR_TRASH;
  self->collection_id = 0;
  g_clear_pointer (&self->collection_members, g_hash_table_unref);
  g_clear_pointer (&self->tag_filter, g_free);
  self->new_filters = TRUE;

  switch (kind)
    {
    case MOPS_ASSETS_SIDEBAR_COLLECTION:
      {
        g_autoptr(GArray) members = mops_collections_get_asset_ids (self->library, id, NULL);

        self->collection_id = id;
        if (members == NULL)
          members = g_array_new (FALSE, FALSE, sizeof (gint64));
        self->collection_members = id_set_from_array (members);
      }
      break;
    case MOPS_ASSETS_SIDEBAR_SAVED_SEARCH:
      apply_saved_search (self, id);
      return;
    case MOPS_ASSETS_SIDEBAR_TAG:
      self->tag_filter = g_strdup (tag);
      break;
    default:
      break;
    }

  _mops_assets_page_run_query (self);
  mops_asset_grid_scroll_to_top (self->grid);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Inspector and grid ---------------------------------------------------------------------- */

static void
update_inspector (MopsAssetsPage *self)
{
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);
  g_autoptr(MopsAsset) asset = NULL;

  /* What was typed for the asset shown until now is saved before it goes. */
  if (ids->len == 0 || g_array_index (ids, gint64, 0) != self->inspected_id)
    mops_asset_inspector_save_edits (self->inspector);

  gtk_revealer_set_reveal_child (self->inspector_revealer, ids->len > 0);
  show_leaflet_child (self, ids->len > 0);
  /* Escape goes on to others when there is no inspector to close. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.close-inspector", ids->len > 0);
  if (ids->len == 0)
    {
      self->inspected_id = 0;
      return;
    }

  asset = mops_asset_load (self->library, g_array_index (ids, gint64, 0), NULL);
  if (asset == NULL)
    return;

  self->inspected_id = mops_asset_get_id (asset);
  mops_asset_inspector_show (self->inspector, asset, ids->len);
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
on_leaflet_folded_cb (MopsAssetsPage *self)
{
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  gtk_widget_set_visible (self->inspector_back_button, adw_leaflet_get_folded (self->content_leaflet));
  show_leaflet_child (self, ids->len > 0);
}

/* Back from the inspector's own view (a swipe, Alt+Left): the selection goes with it. */
static void
on_leaflet_child_cb (MopsAssetsPage *self)
{
  g_autoptr(GArray) ids = NULL;

  if (!adw_leaflet_get_folded (self->content_leaflet) ||
      adw_leaflet_get_visible_child (self->content_leaflet) != self->grid_column)
    return;

  ids = _mops_assets_page_dup_selected_ids (self);
  if (ids->len > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "assets.close-inspector", NULL);
}

/* The grid is narrower with the inspector: the clicked tile is brought back into view. */
static void
on_inspector_revealed_cb (MopsAssetsPage *self)
{
  if (gtk_revealer_get_child_revealed (self->inspector_revealer))
    mops_asset_grid_scroll_to_selection (self->grid);
}

static void
on_inspector_licence_changed_cb (MopsAssetsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.edit-licence",
                                 mops_asset_inspector_get_licence_id (self->inspector) != 0);
}

static void
on_grid_activate_cb (MopsAssetsPage *self,
                     guint           position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assets.view", NULL);
}

/* The search index -------------------------------------------------------------------------- */

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
      _mops_assets_page_show_error (self, error);
      return;
    }

  if (self->edited_while_loading != NULL && self->edited_while_loading->len > 0 &&
      !mops_search_index_update (index, self->library, (const gint64 *) self->edited_while_loading->data,
                                 self->edited_while_loading->len, &error))
    _mops_assets_page_show_error (self, error);
  g_clear_pointer (&self->edited_while_loading, g_array_unref);

  g_clear_pointer (&self->index, mops_search_index_free);
  self->index = g_steal_pointer (&index);
  _mops_assets_page_run_query (self);
  if (first)
    {
      _mops_assets_page_load_badges (self);
      _mops_assets_page_start_previews (self);
    }
}

/* Start-up -------------------------------------------------------------------------------- */

/* The tag tree (≈ 100 ms for 100,000 tagged assets) and a first screen of assets in the
 * default order come from workers of their own, so the first frame does not wait for the
 * main thread or for the whole search index. */

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
  return self->tag_filter == NULL && !self->trash_view && self->collection_members == NULL &&
         self->licence_members == NULL && mops_assets_filter_bar_is_default (self->filter_bar);
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
  mops_assets_sidebar_reload_with_tags (self->assets_sidebar, g_steal_pointer (&tags));
}

/* After the first screen (they would share two cores): the tag tree, then the whole index. */
static void
start_background_loads (MopsAssetsPage *self)
{
  mops_tags_list_async (self->library, self->cancellable, on_tags_loaded_cb, g_object_ref (self));
  _mops_assets_page_load_index (self);
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
  GdkFrameClock *clock;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* No connection for the first screen: the index tells what went wrong. */
  if (first_ids == NULL)
    {
      _mops_assets_page_load_index (self);
      return;
    }

  if (self->index != NULL || first_ids->len == 0 || !query_is_default (self))
    {
      start_background_loads (self);
      return;
    }

  /* The index is not there yet: show the first screen now, the same rows in the same order
   * as the index will give (a test holds both searches to identical results). */
  mops_asset_list_set_ids (self->assets, first_ids);
  self->showing_first_page = TRUE;
  gtk_stack_set_visible_child_name (self->view_stack, "grid");

  /* The index and the tag tree would take both cores from that frame: they start once it is
   * painted. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_screen_painted_cb), self, G_CONNECT_SWAPPED);
  else
    start_background_loads (self);
}

/* Another process's writes -------------------------------------------------------------- */

/* mops-cli import, or another Mops, wrote to the library: everything read is read again. */
static void
on_library_changed_cb (MopsAssetsPage *self)
{
  if (self->collection_id != 0)
    {
      g_autoptr(GArray) members = mops_collections_get_asset_ids (self->library, self->collection_id, NULL);

      if (members == NULL)
        members = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_clear_pointer (&self->collection_members, g_hash_table_unref);
      self->collection_members = id_set_from_array (members);
    }

  _mops_assets_page_reload_sidebar (self);
  if (self->index != NULL)
    _mops_assets_page_load_index (self);
  if (self->badges_loaded)
    _mops_assets_page_load_badges (self);
  if (mops_assets_filter_bar_get_licence_statuses (self->filter_bar) != 0)
    _mops_assets_page_update_licence_filter (self);
  if (self->index != NULL)
    _mops_assets_page_start_previews (self);
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
  g_object_set (self->grid, "library", self->library, "textures", self->textures, "model", self->selection, NULL);
  g_object_set (self->inspector, "library", self->library, "textures", self->textures, NULL);
  g_object_set (self->assets_sidebar, "library", self->library, NULL);
  g_object_bind_property (self->assets_sidebar, "tags", self->inspector, "known-tags", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->library, "changed", G_CALLBACK (on_library_changed_cb), self, G_CONNECT_SWAPPED);

  self->tags_pending = TRUE;
  mops_assets_sidebar_reload_with_tags (self->assets_sidebar, NULL);

  first_page.limit = first_page_size (self);
  mops_search_assets_async (self->library, &first_page, self->cancellable, on_first_page_loaded_cb,
                            g_object_ref (self));
}

/* Background reads, previews and an import stop; edits already asked for are still written. */
static void
stop_work (MopsAssetsPage *self)
{
  g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  if (self->textures != NULL)
    mops_texture_loader_cancel (self->textures);
}

/* The page leaves its window when another library takes its place or the window closes: its
 * work stops then. Waiting for dispose would wait for the work itself, since every worker's
 * callback holds the page — previews would go on making thumbnails for a library nobody
 * looks at, and keep it locked. */
static void
mops_assets_page_unroot (GtkWidget *widget)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  /* A title still being typed is queued first: edits are written even after the page goes,
   * and hold it (and so its library) until they are. */
  if (self->inspector != NULL)
    mops_asset_inspector_save_edits (self->inspector);
  stop_work (self);

  GTK_WIDGET_CLASS (mops_assets_page_parent_class)->unroot (widget);
}

static void
mops_assets_page_dispose (GObject *object)
{
  MopsAssetsPage *self = (MopsAssetsPage *) object;

  stop_work (self);

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

  /* each edit holds the page until it is written */
  g_assert (g_queue_is_empty (&self->edits));

  g_clear_pointer (&self->index, mops_search_index_free);
  g_clear_object (&self->textures);
  g_clear_pointer (&self->awaiting_previews, g_hash_table_unref);
  g_clear_pointer (&self->preview_problems, g_ptr_array_unref);
  g_clear_pointer (&self->last_trashed, g_array_unref);
  g_clear_pointer (&self->collection_members, g_hash_table_unref);
  g_clear_pointer (&self->licence_members, g_hash_table_unref);
  g_clear_pointer (&self->edited_while_loading, g_array_unref);
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

  widget_class->unroot = mops_assets_page_unroot;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MOPS_TYPE_ASSETS_SIDEBAR);
  g_type_ensure (MOPS_TYPE_ASSETS_FILTER_BAR);
  g_type_ensure (MOPS_TYPE_ASSET_GRID);
  g_type_ensure (MOPS_TYPE_ASSET_INSPECTOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/assets/mops-assets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, assets_sidebar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, chip_box);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, result_label);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, collection_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, trash_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, content_leaflet);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, grid_column);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, inspector_back_button);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, inspector_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsPage, inspector);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_bar_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_licence_statuses_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tile_size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_inspector_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_child_cb);

  _mops_assets_page_class_add_actions (widget_class);
}

static void
mops_assets_page_init (MopsAssetsPage *self)
{
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
  self->textures = mops_texture_loader_new (TEXTURE_CACHE_SIZE);
  g_queue_init (&self->edits);

  gtk_widget_init_template (GTK_WIDGET (self));
  _mops_assets_page_add_window_shortcuts (self);
  add_filter_chips (self);

  self->settings = g_settings_new (APP_ID);
  /* the window's remembered width less the sidebar, until the grid has its own */
  mops_asset_grid_set_width_hint (self->grid, g_settings_get_int (self->settings, "window-width") - 260);
  g_signal_connect (self->settings, "changed::thumbnail-size", G_CALLBACK (on_thumbnail_size_setting_cb), self);
  _mops_assets_page_set_tile_size (self, g_settings_get_int (self->settings, "thumbnail-size"));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->inspector, "notify::licence-id", G_CALLBACK (on_inspector_licence_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.cancel-import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.edit-licence", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.close-inspector", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.clear-filters", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  gtk_stack_set_visible_child_name (self->view_stack, "loading");
}

/* Shared with the page's other files ----------------------------------------------------- */

void
_mops_assets_page_show_toast (MopsAssetsPage *self,
                              const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_mops_assets_page_show_error (MopsAssetsPage *self,
                              const GError   *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GArray *
_mops_assets_page_dup_selected_ids (MopsAssetsPage *self)
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

void
_mops_assets_page_refresh_rows (MopsAssetsPage *self,
                                const gint64   *ids,
                                guint           n_ids,
                                gboolean        requery)
{
  g_autoptr(GError) error = NULL;

  if (n_ids > INDEX_UPDATE_MAX)
    {
      /* Reading 100,000 rows into the index would hold the main thread for a second: a
       * worker reads it all again, keeping the one in hand (and reading in rows edited
       * meanwhile) until it is there, and the query runs again then. */
      _mops_assets_page_load_index (self);
    }
  else
    {
      if (self->index != NULL &&
          !mops_search_index_update (self->index, self->library, ids, n_ids, &error))
        _mops_assets_page_show_error (self, error);
      if (self->edited_while_loading != NULL)
        g_array_append_vals (self->edited_while_loading, ids, n_ids);
    }

  /* Rows are re-read (and a query redone); the selection is kept by asset id, so what the
   * person selected stays selected wherever it moves. */
  if (requery)
    _mops_assets_page_run_query (self);
  mops_asset_list_invalidate_many (self->assets, ids, n_ids);

  update_inspector (self);
}

void
_mops_assets_page_run_query (MopsAssetsPage *self)
{
  const char *tags[] = { self->tag_filter, NULL };
  MopsSearchQuery query = {
    .tags = self->tag_filter != NULL ? tags : NULL,
    .trashed = self->trash_view,
  };
  g_autoptr(GArray) ids = NULL;

  if (self->index == NULL || self->licence_loading)
    return;

  mops_assets_filter_bar_get_query (self->filter_bar, &query);
  ids = mops_search_index_query (self->index, &query);
  narrow_by_sets (self, ids);

  g_object_set (self->grid, "show-badges", !self->trash_view, NULL);

  /* After the first screen, the whole result usually only adds rows below it. */
  if (!self->showing_first_page || !mops_asset_list_extend (self->assets, ids))
    mops_asset_list_set_ids (self->assets, ids);
  self->showing_first_page = FALSE;

  /* What new words or filters hid is unselected: clearing them does not bring back an old
   * selection (and the inspector with it). */
  if (self->new_filters)
    mops_asset_selection_forget_hidden (self->selection);
  self->new_filters = FALSE;

  if (ids->len > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "grid");
  else
    show_empty (self, &query);

  update_filter_chips (self, ids->len);
  gtk_action_bar_set_revealed (self->trash_bar, self->trash_view && ids->len > 0);
  gtk_action_bar_set_revealed (self->collection_bar, self->collection_id != 0);
  update_inspector (self);
}

/* The whole library's index, read in a worker; until it is there, the one in hand (if any)
 * answers, and rows edited meanwhile are noted to be read into the new one. */
void
_mops_assets_page_load_index (MopsAssetsPage *self)
{
  g_clear_pointer (&self->edited_while_loading, g_array_unref);
  self->edited_while_loading = g_array_new (FALSE, FALSE, sizeof (gint64));
  mops_search_index_load_async (self->library, self->cancellable, on_index_loaded_cb,
                                request_new (self, ++self->index_generation));
}

/* Every asset's licence status, in a worker on its own connection (≈ 200 ms for 100,000
 * assets); the visible tiles change when it is there. */
void
_mops_assets_page_load_badges (MopsAssetsPage *self)
{
  mops_licences_list_attention_async (self->library, self->cancellable, on_badges_loaded_cb,
                                      request_new (self, ++self->badge_generation));
}

/* The licence filter needs every asset's status: worked out in a worker on its own
 * connection (150–250 ms for 100,000 assets), then the query runs again. */
void
_mops_assets_page_update_licence_filter (MopsAssetsPage *self)
{
  guint statuses = mops_assets_filter_bar_get_licence_statuses (self->filter_bar);

  self->licence_generation++;
  g_clear_pointer (&self->licence_members, g_hash_table_unref);

  if (statuses == 0)
    {
      self->licence_loading = FALSE;
      _mops_assets_page_run_query (self);
      return;
    }

  self->licence_loading = TRUE;
  mops_licences_assets_with_status_async (self->library, statuses, self->cancellable, on_licence_set_cb,
                                          request_new (self, self->licence_generation));
}

void
_mops_assets_page_reload_sidebar (MopsAssetsPage *self)
{
  self->tags_pending = FALSE;
  mops_assets_sidebar_reload (self->assets_sidebar);
}

void
_mops_assets_page_set_tile_size (MopsAssetsPage *self,
                                 int             size)
{
  size = CLAMP (size, MOPS_ASSETS_TILE_SIZE_MIN, MOPS_ASSETS_TILE_SIZE_MAX);
  if (size == self->tile_size)
    return;

  self->tile_size = size;
  if (self->settings != NULL && g_settings_get_int (self->settings, "thumbnail-size") != size)
    g_settings_set_int (self->settings, "thumbnail-size", size);
  mops_assets_filter_bar_set_tile_size (self->filter_bar, size);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.zoom-in", size < MOPS_ASSETS_TILE_SIZE_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.zoom-out", size > MOPS_ASSETS_TILE_SIZE_MIN);

  /* Tiles are sized when they are made: the grid makes them again, at the new size. */
  g_object_set (self->grid, "tile-size", size, NULL);
}

/* Public ---------------------------------------------------------------------------------- */

gboolean
mops_assets_page_is_busy (MopsAssetsPage *self)
{
  g_return_val_if_fail (MOPS_IS_ASSETS_PAGE (self), FALSE);

  return self->index == NULL || self->import_cancellable != NULL || self->previews_running ||
         self->licence_loading || !g_queue_is_empty (&self->edits) ||
         mops_texture_loader_is_busy (self->textures);
}

guint
mops_assets_page_get_n_shown (MopsAssetsPage *self)
{
  g_return_val_if_fail (MOPS_IS_ASSETS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->assets));
}
