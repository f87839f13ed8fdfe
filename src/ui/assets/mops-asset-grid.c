/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-grid.c — the asset browser's thumbnail grid: tiles, their badges and thumbnails */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset-grid"

#include "mops-asset-grid.h"
#include "mops-asset-thumbnail.h"
#include "mops-asset-tile.h"
#include "ui/widgets/mops-tab-stop.h"

#define TILE_SIZE_DEFAULT 160

struct _MopsAssetGrid
{
  GtkWidget          parent_instance;

  MopsLibrary       *library;
  MopsTextureLoader *textures;
  GtkSelectionModel *model;
  int                tile_size;
  gboolean           show_badges;
  GHashTable        *attention;        /* asset id → MopsLicenceAttention, for badges */
  GHashTable        *tiles;            /* the MopsAssetTiles alive (weak), to change badges */
  int                width_hint;
  guint              columns_idle_id;

  /* template */
  GtkWidget         *scrolled_window;
  GtkGridView       *grid_view;
};

G_DEFINE_FINAL_TYPE (MopsAssetGrid, mops_asset_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_TEXTURES,
  PROP_MODEL,
  PROP_TILE_SIZE,
  PROP_SHOW_BADGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The badge of asset @id; none in the Trash. */
static MopsAssetBadge
badge_for (MopsAssetGrid *self,
           gint64         id)
{
  if (id == 0 || self->attention == NULL || !self->show_badges)
    return MOPS_ASSET_BADGE_NONE;

  return mops_asset_badge_for_attention (GPOINTER_TO_UINT (g_hash_table_lookup (self->attention, &id)));
}

/* Only the tiles that exist need their badge again. */
static void
update_badges (MopsAssetGrid *self)
{
  GHashTableIter iter;
  gpointer tile;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    mops_asset_tile_set_badge (tile, badge_for (self, mops_asset_tile_get_asset_id (tile)));
}

static void
on_tile_finalized (gpointer  data,
                   GObject  *where_the_object_was)
{
  g_hash_table_remove (data, where_the_object_was);
}

static void
on_tile_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  MopsAssetGrid            *self)
{
  GtkWidget *tile = mops_asset_tile_new (self->tile_size);

  gtk_list_item_set_child (item, tile);
  g_hash_table_add (self->tiles, tile);
  g_object_weak_ref (G_OBJECT (tile), on_tile_finalized, self->tiles);
}

static void
on_tile_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 MopsAssetGrid            *self)
{
  MopsAssetTile *tile = MOPS_ASSET_TILE (gtk_list_item_get_child (item));
  MopsAsset *asset = gtk_list_item_get_item (item);
  gboolean has_thumbnail;

  if (asset == NULL)
    return;

  mops_asset_tile_set_asset (tile, asset);
  has_thumbnail = mops_asset_thumbnail_show (self->textures, self->library, asset, self->tile_size > 256 ? 512 : 256,
                                             mops_asset_tile_get_picture (tile));
  mops_asset_tile_set_has_thumbnail (tile, has_thumbnail);
  mops_asset_tile_set_badge (tile, badge_for (self, mops_asset_get_id (asset)));
}

/* A new factory: the grid makes and binds its visible tiles again (tiles are sized when
 * they are made). */
static void
remake_tiles (MopsAssetGrid *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_tile_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_tile_bind_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
}

/* As many columns as fit: GTK 4.8's grid keeps 30 rows of max-columns tiles alive, so an
 * honest maximum saves making hundreds of tiles nobody sees. */
static void
update_max_columns (MopsAssetGrid *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view));
  double width = adjustment != NULL ? gtk_adjustment_get_page_size (adjustment) : 0;
  guint columns;

  if (width <= 0)
    width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width <= 0)
    {
      /* Not laid out yet: the hint is a fair guess (fewer columns than fit only means a first
       * frame with fewer tiles). */
      width = self->width_hint;
    }
  if (width <= 0)
    return;

  columns = mops_asset_grid_columns_for_width (self, width);
  if (columns != gtk_grid_view_get_max_columns (self->grid_view))
    gtk_grid_view_set_max_columns (self->grid_view, columns);
}

static gboolean
on_max_columns_idle_cb (gpointer user_data)
{
  MopsAssetGrid *self = user_data;

  self->columns_idle_id = 0;
  update_max_columns (self);
  return G_SOURCE_REMOVE;
}

/* The page size changes inside the grid's own allocation: change the grid after it. */
static void
on_page_size_changed_cb (MopsAssetGrid *self)
{
  if (self->columns_idle_id == 0)
    self->columns_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_max_columns_idle_cb, self, NULL);
}

static void
on_grid_view_activate_cb (MopsAssetGrid *self,
                          guint          position)
{
  g_signal_emit (self, signals[ACTIVATE], 0, position);
}

/* The first selected position, G_MAXUINT for none. */
static guint
first_selected (MopsAssetGrid *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (self->model == NULL)
    return G_MAXUINT;

  selected = gtk_selection_model_get_selection (self->model);
  return gtk_bitset_is_empty (selected) ? G_MAXUINT : gtk_bitset_get_minimum (selected);
}

/* Space views, as in Files: the tiles' own binding (toggling the selection) never sees it. */
static gboolean
on_space_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  MopsAssetGrid *self = MOPS_ASSET_GRID (widget);
  guint position = first_selected (self);

  if (position == G_MAXUINT)
    return FALSE;

  g_signal_emit (self, signals[ACTIVATE], 0, position);
  return TRUE;
}

static gboolean
mops_asset_grid_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (MOPS_ASSET_GRID (widget)->grid_view));
}

static void
set_tile_size (MopsAssetGrid *self,
               int            size)
{
  if (size == self->tile_size)
    return;

  self->tile_size = size;
  update_max_columns (self);
  remake_tiles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILE_SIZE]);
}

static void
set_model (MopsAssetGrid     *self,
           GtkSelectionModel *model)
{
  if (!g_set_object (&self->model, model))
    return;

  gtk_grid_view_set_model (self->grid_view, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void
set_show_badges (MopsAssetGrid *self,
                 gboolean       show)
{
  if (self->show_badges == show)
    return;

  self->show_badges = show;
  update_badges (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BADGES]);
}

static void
mops_asset_grid_dispose (GObject *object)
{
  MopsAssetGrid *self = MOPS_ASSET_GRID (object);

  g_clear_handle_id (&self->columns_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_ASSET_GRID);
  g_clear_object (&self->model);
  g_clear_object (&self->textures);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_asset_grid_parent_class)->dispose (object);
}

static void
mops_asset_grid_finalize (GObject *object)
{
  MopsAssetGrid *self = MOPS_ASSET_GRID (object);
  GHashTableIter iter;
  gpointer tile;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    g_object_weak_unref (tile, on_tile_finalized, self->tiles);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->attention, g_hash_table_unref);

  G_OBJECT_CLASS (mops_asset_grid_parent_class)->finalize (object);
}

static void
mops_asset_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MopsAssetGrid *self = MOPS_ASSET_GRID (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_TEXTURES:
      g_value_set_object (value, self->textures);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_TILE_SIZE:
      g_value_set_int (value, self->tile_size);
      break;
    case PROP_SHOW_BADGES:
      g_value_set_boolean (value, self->show_badges);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_asset_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MopsAssetGrid *self = MOPS_ASSET_GRID (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      if (g_set_object (&self->library, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TEXTURES:
      if (g_set_object (&self->textures, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_MODEL:
      set_model (self, g_value_get_object (value));
      break;
    case PROP_TILE_SIZE:
      set_tile_size (self, g_value_get_int (value));
      break;
    case PROP_SHOW_BADGES:
      set_show_badges (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_asset_grid_class_init (MopsAssetGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_asset_grid_dispose;
  object_class->finalize = mops_asset_grid_finalize;
  object_class->get_property = mops_asset_grid_get_property;
  object_class->set_property = mops_asset_grid_set_property;

  /* Set by the page that holds the grid in its template, before the grid has items. */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXTURES] =
    g_param_spec_object ("textures", NULL, NULL, MOPS_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TILE_SIZE] =
    g_param_spec_int ("tile-size", NULL, NULL, 16, 1024, TILE_SIZE_DEFAULT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BADGES] =
    g_param_spec_boolean ("show-badges", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  widget_class->grab_focus = mops_asset_grid_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/assets/mops-asset-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsAssetGrid, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetGrid, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_view_activate_cb);
}

static void
mops_asset_grid_init (MopsAssetGrid *self)
{
  GtkEventController *shortcuts;

  self->tile_size = TILE_SIZE_DEFAULT;
  self->show_badges = TRUE;
  self->tiles = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  remake_tiles (self);

  /* In the capture phase, before the focused tile's own key bindings. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                          gtk_callback_action_new (on_space_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  mops_tab_stop_install (GTK_WIDGET (self->grid_view));
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view)), "notify::page-size",
                           G_CALLBACK (on_page_size_changed_cb), self, G_CONNECT_SWAPPED);
}

void
mops_asset_grid_set_attention (MopsAssetGrid *self,
                               GHashTable    *attention)
{
  g_return_if_fail (MOPS_IS_ASSET_GRID (self));

  if (attention != NULL)
    g_hash_table_ref (attention);
  g_clear_pointer (&self->attention, g_hash_table_unref);
  self->attention = attention;
  update_badges (self);
}

guint
mops_asset_grid_columns_for_width (MopsAssetGrid *self,
                                   double         width)
{
  /* A tile is the thumbnail plus 4 px of padding each side, in a 6 px child padding. */
  guint columns;

  g_return_val_if_fail (MOPS_IS_ASSET_GRID (self), 1);

  columns = (guint) MAX (0.0, width / (self->tile_size + 20)) + 1;
  return CLAMP (columns, 1, 32);
}

void
mops_asset_grid_set_width_hint (MopsAssetGrid *self,
                                int            width)
{
  g_return_if_fail (MOPS_IS_ASSET_GRID (self));

  self->width_hint = width;
  update_max_columns (self);
}

void
mops_asset_grid_scroll_to_top (MopsAssetGrid *self)
{
  g_return_if_fail (MOPS_IS_ASSET_GRID (self));

  /* By the first item, not by pixels: right after a new result the rows have no place yet
   * (GtkGridView warns and ignores a pixel position it cannot find). */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u", 0);
}

void
mops_asset_grid_scroll_to_selection (MopsAssetGrid *self)
{
  guint position;

  g_return_if_fail (MOPS_IS_ASSET_GRID (self));

  position = first_selected (self);
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u", position);
}
