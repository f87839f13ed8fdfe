/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-tile.c — one tile of the asset grid: thumbnail, type icon, licence badge, name */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset-tile"

#include <glib/gi18n.h>

#include "core/mops-licences.h"
#include "core/mops-search.h"
#include "mops-asset-tile.h"
#include "ui/widgets/mops-cached-bin.h"

struct _MopsAssetTile
{
  GtkWidget       parent_instance;

  int             size;
  gint64          asset_id;
  const char     *icon_name;     /* the type icon for the asset shown (static strings) */
  const char     *icon_shown;    /* the one the image has now */
  MopsAssetBadge  badge_state;

  /* template */
  GtkWidget      *overlay;
  GtkPicture     *picture;
  GtkWidget      *icon_bin;
  GtkImage       *icon;
  GtkWidget      *badge_bin;
  GtkImage       *badge;
  GtkLabel       *label;
};

G_DEFINE_FINAL_TYPE (MopsAssetTile, mops_asset_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
badge_text (MopsAssetBadge badge)
{
  switch (badge)
    {
    case MOPS_ASSET_BADGE_EXPIRED:
      return _("Licence expired");
    case MOPS_ASSET_BADGE_EXPIRING:
      return _("Licence expires soon");
    case MOPS_ASSET_BADGE_MISSING:
      return _("No licence");
    case MOPS_ASSET_BADGE_PENDING:
      return _("Licence not started yet");
    case MOPS_ASSET_BADGE_TO_CONFIRM:
      return _("Licence from file metadata, to confirm");
    case MOPS_ASSET_BADGE_NONE:
    default:
      return NULL;
    }
}

static const char *
icon_for_mime (const char *mime)
{
  switch (mops_asset_type_for_mime (mime))
    {
    case MOPS_ASSET_TYPE_IMAGE:
    case MOPS_ASSET_TYPE_VECTOR:
      return "image-x-generic-symbolic";
    case MOPS_ASSET_TYPE_DOCUMENT:
      return "x-office-document-symbolic";
    case MOPS_ASSET_TYPE_FONT:
      return "font-x-generic-symbolic";
    case MOPS_ASSET_TYPE_VIDEO:
      return "video-x-generic-symbolic";
    case MOPS_ASSET_TYPE_OTHER:
    default:
      return "package-x-generic-symbolic";
    }
}

static void
set_size (MopsAssetTile *self,
          int            size)
{
  self->size = size;
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), size, size * 3 / 4);
  gtk_label_set_max_width_chars (self->label, MAX (8, size / 9));
}

/* The tooltip is asked for when shown: gtk_widget_set_tooltip_text() on every bind would ask
 * the X server where the pointer is, a round trip per tile (60 ms a screen when the
 * scrollbar is dragged through 100,000 assets). */
static gboolean
on_badge_query_tooltip_cb (GtkWidget     *image,
                           int            x,
                           int            y,
                           gboolean       keyboard,
                           GtkTooltip    *tooltip,
                           MopsAssetTile *self)
{
  const char *text = badge_text (self->badge_state);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
mops_asset_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MOPS_TYPE_ASSET_TILE);

  G_OBJECT_CLASS (mops_asset_tile_parent_class)->dispose (object);
}

static void
mops_asset_tile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MopsAssetTile *self = MOPS_ASSET_TILE (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_asset_tile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MopsAssetTile *self = MOPS_ASSET_TILE (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      set_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_asset_tile_class_init (MopsAssetTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_asset_tile_dispose;
  object_class->get_property = mops_asset_tile_get_property;
  object_class->set_property = mops_asset_tile_set_property;

  /* the thumbnail box's width; tiles are made again when it changes */
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 16, 1024, 160,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/assets/mops-asset-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsAssetTile, overlay);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetTile, picture);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetTile, icon_bin);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetTile, icon);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetTile, badge_bin);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetTile, badge);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetTile, label);
  gtk_widget_class_bind_template_callback (widget_class, on_badge_query_tooltip_cb);

  g_type_ensure (MOPS_TYPE_CACHED_BIN);

  /* what the GtkBox it replaces was to assistive technologies */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mops_asset_tile_init (MopsAssetTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MopsAssetBadge
mops_asset_badge_for_attention (guint attention)
{
  switch (attention & ~MOPS_LICENCE_ATTENTION_TO_CONFIRM)
    {
    case MOPS_LICENCE_STATUS_EXPIRED:
      return MOPS_ASSET_BADGE_EXPIRED;
    case MOPS_LICENCE_STATUS_EXPIRING:
      return MOPS_ASSET_BADGE_EXPIRING;
    case MOPS_LICENCE_STATUS_MISSING:
      return MOPS_ASSET_BADGE_MISSING;
    case MOPS_LICENCE_STATUS_PENDING:
      return MOPS_ASSET_BADGE_PENDING;
    default:
      return (attention & MOPS_LICENCE_ATTENTION_TO_CONFIRM) ? MOPS_ASSET_BADGE_TO_CONFIRM : MOPS_ASSET_BADGE_NONE;
    }
}

GtkWidget *
mops_asset_tile_new (int size)
{
  return g_object_new (MOPS_TYPE_ASSET_TILE, "size", size, NULL);
}

void
mops_asset_tile_set_asset (MopsAssetTile *self,
                           MopsAsset     *asset)
{
  g_return_if_fail (MOPS_IS_ASSET_TILE (self));
  g_return_if_fail (MOPS_IS_ASSET (asset));

  /* A tile is bound again and again while the grid scrolls: it changes only what differs,
   * and its accessible name follows the label (labelled-by in the template). */
  self->asset_id = mops_asset_get_id (asset);
  gtk_label_set_text (self->label, mops_asset_get_display_name (asset));
  self->icon_name = g_strcmp0 (mops_asset_get_preview_state (asset), "cannot_preview") == 0
                    ? "image-missing-symbolic"
                    : icon_for_mime (mops_asset_get_mime (asset));
}

gint64
mops_asset_tile_get_asset_id (MopsAssetTile *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET_TILE (self), 0);

  return self->asset_id;
}

GtkPicture *
mops_asset_tile_get_picture (MopsAssetTile *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET_TILE (self), NULL);

  return self->picture;
}

void
mops_asset_tile_set_has_thumbnail (MopsAssetTile *self,
                                   gboolean       has_thumbnail)
{
  g_return_if_fail (MOPS_IS_ASSET_TILE (self));

  /* The type icon is looked up only when it shows, and only when it changed. */
  if (!has_thumbnail && self->icon_shown != self->icon_name)
    {
      gtk_image_set_from_icon_name (self->icon, self->icon_name);
      self->icon_shown = self->icon_name;
    }
  gtk_widget_set_visible (self->icon_bin, !has_thumbnail);
}

void
mops_asset_tile_set_badge (MopsAssetTile  *self,
                           MopsAssetBadge  badge)
{
  static const char *css[] = { NULL, "expired", "expiring", "missing", "pending", "to-confirm" };
  static const char *icons[] = {
    /* Not dialog-question-symbolic: on the badge's disc it reads as the "�" glyph. */
    NULL, "dialog-error-symbolic", "alarm-symbolic", "mops-licence-missing-symbolic",
    "document-open-recent-symbolic", "dialog-warning-symbolic",
  };

  g_return_if_fail (MOPS_IS_ASSET_TILE (self));

  /* Rows are bound again and again while scrolling: most keep their badge. */
  if (badge == self->badge_state)
    return;

  if (self->badge_state != MOPS_ASSET_BADGE_NONE)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), css[self->badge_state]);
  self->badge_state = badge;
  gtk_widget_set_visible (self->badge_bin, badge != MOPS_ASSET_BADGE_NONE);
  if (badge == MOPS_ASSET_BADGE_NONE)
    return;

  gtk_image_set_from_icon_name (self->badge, icons[badge]);
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), css[badge]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  badge_text (badge), -1);
}
