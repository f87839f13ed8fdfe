/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cached-bin.c — a bin that draws its child's look once into a texture, for decorations
 * repeated on many tiles */

#include "config.h"

#define G_LOG_DOMAIN "mops-cached-bin"

#include "mops-cached-bin.h"

/* Looks are few (a badge per licence state, an icon per asset type, each in light and dark,
 * at each scale): past this many, the cache starts again. */
#define MAX_LOOKS 64

/* One look drawn: its texture and where it goes, in the bin's coordinates. */
typedef struct
{
  GskRenderNode   *node;      /* what was drawn: it keeps the textures its key names alive */
  GdkTexture      *texture;
  graphene_rect_t  bounds;
} Look;

struct _MopsCachedBin
{
  GtkWidget      parent_instance;

  GskRenderNode *node;   /* the child's node the look was found for */
  Look          *look;   /* owned by the cache (a reference) */
};

G_DEFINE_FINAL_TYPE (MopsCachedBin, mops_cached_bin, GTK_TYPE_WIDGET)

/* Every look drawn, by what its node draws and its scale (make_key()): shared by all bins,
 * main thread only. */
static GHashTable *looks;

static Look *
look_ref (Look *look)
{
  return g_atomic_rc_box_acquire (look);
}

static void
look_clear (Look *look)
{
  g_clear_pointer (&look->node, gsk_render_node_unref);
  g_clear_object (&look->texture);
}

static void
look_unref (Look *look)
{
  g_atomic_rc_box_release_full (look, (GDestroyNotify) look_clear);
}

static void
add_bytes (GByteArray *key,
           const void *data,
           gsize       size)
{
  g_byte_array_append (key, data, size);
}

#define ADD(key, value) add_bytes ((key), &(value), sizeof (value))

static void
add_rounded_rect (GByteArray           *key,
                  const GskRoundedRect *rect)
{
  add_bytes (key, rect, sizeof *rect);
}

/* Appends what @node draws to @key, for the node types GTK's widgets draw decorations and
 * icons with; FALSE for any other type (the caller serializes the node then). Textures are
 * named by address: a look keeps its node, so a texture it names stays alive and its
 * address is not given to another. */
static gboolean
add_node (GByteArray    *key,
          GskRenderNode *node)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);
  graphene_rect_t bounds;

  gsk_render_node_get_bounds (node, &bounds);
  ADD (key, type);
  ADD (key, bounds);

  switch (type)
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (!add_node (key, gsk_container_node_get_child (node, i)))
          return FALSE;
      return TRUE;
    case GSK_TRANSFORM_NODE:
      {
        graphene_matrix_t matrix;
        float values[16];

        gsk_transform_to_matrix (gsk_transform_node_get_transform (node), &matrix);
        graphene_matrix_to_float (&matrix, values);
        ADD (key, values);
        return add_node (key, gsk_transform_node_get_child (node));
      }
    case GSK_OPACITY_NODE:
      {
        float opacity = gsk_opacity_node_get_opacity (node);

        ADD (key, opacity);
        return add_node (key, gsk_opacity_node_get_child (node));
      }
    case GSK_COLOR_MATRIX_NODE:
      add_bytes (key, gsk_color_matrix_node_get_color_matrix (node), sizeof (graphene_matrix_t));
      add_bytes (key, gsk_color_matrix_node_get_color_offset (node), sizeof (graphene_vec4_t));
      return add_node (key, gsk_color_matrix_node_get_child (node));
    case GSK_CLIP_NODE:
      add_bytes (key, gsk_clip_node_get_clip (node), sizeof (graphene_rect_t));
      return add_node (key, gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      add_rounded_rect (key, gsk_rounded_clip_node_get_clip (node));
      return add_node (key, gsk_rounded_clip_node_get_child (node));
    case GSK_COLOR_NODE:
      add_bytes (key, gsk_color_node_get_color (node), sizeof (GdkRGBA));
      return TRUE;
    case GSK_TEXTURE_NODE:
      {
        GdkTexture *texture = gsk_texture_node_get_texture (node);

        ADD (key, texture);
        return TRUE;
      }
    case GSK_BORDER_NODE:
      add_rounded_rect (key, gsk_border_node_get_outline (node));
      add_bytes (key, gsk_border_node_get_widths (node), 4 * sizeof (float));
      add_bytes (key, gsk_border_node_get_colors (node), 4 * sizeof (GdkRGBA));
      return TRUE;
    case GSK_OUTSET_SHADOW_NODE:
      {
        float values[] = {
          gsk_outset_shadow_node_get_dx (node), gsk_outset_shadow_node_get_dy (node),
          gsk_outset_shadow_node_get_spread (node), gsk_outset_shadow_node_get_blur_radius (node),
        };

        add_rounded_rect (key, gsk_outset_shadow_node_get_outline (node));
        add_bytes (key, gsk_outset_shadow_node_get_color (node), sizeof (GdkRGBA));
        ADD (key, values);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* The cache's key for @node drawn at @scale: what it draws, walked (about a microsecond for
 * a badge), or serialized when it holds a node type the walk does not know (about 60 µs). */
static GBytes *
make_key (GskRenderNode *node,
          int            scale)
{
  GByteArray *key = g_byte_array_new ();
  gboolean walked = TRUE;

  ADD (key, scale);
  ADD (key, walked);
  if (!add_node (key, node))
    {
      g_autoptr(GBytes) serialized = gsk_render_node_serialize (node);
      gsize size;
      const guint8 *data = g_bytes_get_data (serialized, &size);

      walked = FALSE;
      g_byte_array_set_size (key, 0);
      ADD (key, scale);
      ADD (key, walked);
      add_bytes (key, data, size);
    }

  return g_byte_array_free_to_bytes (key);
}

/* Draws @node into a texture, on whole device pixels, so that the texture drawn at its
 * bounds gives the same pixels as the node would. NULL for a node with nothing to draw. */
static Look *
draw_look (GskRenderer   *renderer,
           GskRenderNode *node,
           int            scale)
{
  g_autoptr(GskRenderNode) scaled = NULL;
  graphene_rect_t bounds, viewport;
  Look *look;

  gsk_render_node_get_bounds (node, &bounds);
  graphene_rect_round_extents (&bounds, &bounds);
  if (bounds.size.width < 1 || bounds.size.height < 1)
    return NULL;

  /* (a scale of 1 is no transform at all: NULL) */
  scaled = scale != 1 ? gsk_transform_node_new (node, gsk_transform_scale (NULL, scale, scale))
                      : gsk_render_node_ref (node);
  graphene_rect_init (&viewport, bounds.origin.x * scale, bounds.origin.y * scale,
                      bounds.size.width * scale, bounds.size.height * scale);

  look = g_atomic_rc_box_new0 (Look);
  look->node = gsk_render_node_ref (node);
  look->texture = gsk_renderer_render_texture (renderer, scaled, &viewport);
  look->bounds = bounds;
  return look;
}

/* The look of @node: drawn before by this or another bin, or drawn now. */
static Look *
find_look (GskRenderer   *renderer,
           GskRenderNode *node,
           int            scale)
{
  g_autoptr(GBytes) key = make_key (node, scale);
  Look *look;

  if (looks == NULL)
    looks = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref,
                                   (GDestroyNotify) look_unref);

  look = g_hash_table_lookup (looks, key);
  if (look != NULL)
    return look_ref (look);

  look = draw_look (renderer, node, scale);
  if (look == NULL)
    return NULL;

  if (g_hash_table_size (looks) >= MAX_LOOKS)
    g_hash_table_remove_all (looks);
  g_hash_table_insert (looks, g_steal_pointer (&key), look_ref (look));
  return look;
}

static void
forget_look (MopsCachedBin *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->look, look_unref);
}

static void
mops_cached_bin_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  MopsCachedBin *self = MOPS_CACHED_BIN (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GtkSnapshot *child_snapshot;
  g_autoptr(GskRenderNode) node = NULL;

  if (child == NULL)
    return;

  if (!GSK_IS_CAIRO_RENDERER (renderer))
    {
      gtk_widget_snapshot_child (widget, child, snapshot);
      return;
    }

  /* GTK keeps the child's node while the child is not redrawn: the same node, the same look. */
  child_snapshot = gtk_snapshot_new ();
  gtk_widget_snapshot_child (widget, child, child_snapshot);
  node = gtk_snapshot_free_to_node (child_snapshot);
  if (node == NULL)
    return;

  if (node != self->node)
    {
      forget_look (self);
      self->node = gsk_render_node_ref (node);
      self->look = find_look (renderer, node, gtk_widget_get_scale_factor (widget));
    }

  if (self->look != NULL)
    gtk_snapshot_append_texture (snapshot, self->look->texture, &self->look->bounds);
  else
    gtk_snapshot_append_node (snapshot, node);
}

static void
mops_cached_bin_dispose (GObject *object)
{
  MopsCachedBin *self = MOPS_CACHED_BIN (object);
  GtkWidget *child;

  forget_look (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mops_cached_bin_parent_class)->dispose (object);
}

static void
mops_cached_bin_class_init (MopsCachedBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_cached_bin_dispose;
  widget_class->snapshot = mops_cached_bin_snapshot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mops_cached_bin_init (MopsCachedBin *self)
{
}

GtkWidget *
mops_cached_bin_new (void)
{
  return g_object_new (MOPS_TYPE_CACHED_BIN, NULL);
}
