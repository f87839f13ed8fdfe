/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-inspector.c — the asset browser's inspector: preview, name, details and its
 * sections */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset-inspector"

#include <glib/gi18n.h>

#include "core/mops-clock.h"
#include "mops-asset-inspector.h"
#include "mops-asset-thumbnail.h"
#include "mops-inspector-details.h"
#include "mops-inspector-licence.h"
#include "mops-inspector-rating.h"
#include "mops-inspector-tags.h"

struct _MopsAssetInspector
{
  GtkWidget             parent_instance;

  MopsLibrary          *library;
  MopsTextureLoader    *textures;
  gint64                shown_id;         /* the asset shown, 0 for none */

  /* template */
  GtkWidget            *scrolled_window;
  GtkPicture           *preview_picture;
  GtkLabel             *inspector_name;
  GtkLabel             *inspector_details;
  MopsInspectorDetails *details;
  MopsInspectorRating  *rating;
  MopsInspectorLicence *licence;
  MopsInspectorTags    *tags;
};

G_DEFINE_FINAL_TYPE (MopsAssetInspector, mops_asset_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_TEXTURES,
  PROP_KNOWN_TAGS,
  PROP_LICENCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @when as the locale's medium date and in words, "Dec 8, 2026 (3 days ago)", as every
 * list and editor writes dates; NULL for NULL. */
static char *
describe_date (GDateTime *when)
{
  g_autofree char *ymd = NULL;
  g_autofree char *local = NULL;
  g_autofree char *words = NULL;
  g_autoptr(GDate) today = mops_clock_today ();
  GDate day;

  if (when == NULL)
    return NULL;

  ymd = g_date_time_format (when, "%Y-%m-%d");
  local = mops_clock_format_local_date (ymd);
  if (!mops_clock_parse_date (ymd, &day))
    return g_steal_pointer (&local);

  words = mops_clock_format_days_from_today (g_date_days_between (today, &day));
  /* Translators: a date and how long ago it is: "Dec 8, 2026 (3 days ago)" */
  return g_strdup_printf (_("%s (%s)"), local, words);
}

/* Type, size, pixels or pages, import date, and whether it can be previewed. */
static char *
describe_asset (MopsAsset *asset)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *size = g_format_size (mops_asset_get_size (asset));
  g_autofree char *type = g_content_type_get_description (mops_asset_get_mime (asset));
  g_autoptr(GDateTime) imported = g_date_time_new_from_unix_local (mops_asset_get_imported_at (asset));
  g_autofree char *date = describe_date (imported);

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
on_licence_id_changed_cb (MopsAssetInspector *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENCE_ID]);
}

static void
mops_asset_inspector_dispose (GObject *object)
{
  MopsAssetInspector *self = MOPS_ASSET_INSPECTOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_ASSET_INSPECTOR);
  g_clear_object (&self->textures);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_asset_inspector_parent_class)->dispose (object);
}

static void
mops_asset_inspector_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MopsAssetInspector *self = MOPS_ASSET_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_TEXTURES:
      g_value_set_object (value, self->textures);
      break;
    case PROP_KNOWN_TAGS:
      g_object_get_property (G_OBJECT (self->tags), "known-tags", value);
      break;
    case PROP_LICENCE_ID:
      g_value_set_int64 (value, mops_asset_inspector_get_licence_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_asset_inspector_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MopsAssetInspector *self = MOPS_ASSET_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      if (g_set_object (&self->library, g_value_get_object (value)))
        {
          g_object_set (self->licence, "library", self->library, NULL);
          g_object_set (self->tags, "library", self->library, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TEXTURES:
      if (g_set_object (&self->textures, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_KNOWN_TAGS:
      g_object_set_property (G_OBJECT (self->tags), "known-tags", value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_asset_inspector_class_init (MopsAssetInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_asset_inspector_dispose;
  object_class->get_property = mops_asset_inspector_get_property;
  object_class->set_property = mops_asset_inspector_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXTURES] =
    g_param_spec_object ("textures", NULL, NULL, MOPS_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KNOWN_TAGS] =
    g_param_spec_boxed ("known-tags", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LICENCE_ID] =
    g_param_spec_int64 ("licence-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MOPS_TYPE_INSPECTOR_DETAILS);
  g_type_ensure (MOPS_TYPE_INSPECTOR_LICENCE);
  g_type_ensure (MOPS_TYPE_INSPECTOR_RATING);
  g_type_ensure (MOPS_TYPE_INSPECTOR_TAGS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mopsapp/Mops/assets/mops-asset-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsAssetInspector, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetInspector, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetInspector, inspector_name);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetInspector, inspector_details);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetInspector, details);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetInspector, rating);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetInspector, licence);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetInspector, tags);
}

static void
mops_asset_inspector_init (MopsAssetInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->licence, "notify::licence-id", G_CALLBACK (on_licence_id_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
mops_asset_inspector_show (MopsAssetInspector *self,
                           MopsAsset          *asset,
                           guint               n_selected)
{
  g_autofree char *details = NULL;
  gint64 id;

  g_return_if_fail (MOPS_IS_ASSET_INSPECTOR (self));
  g_return_if_fail (MOPS_IS_ASSET (asset));

  id = mops_asset_get_id (asset);
  /* Another asset is read from its top. */
  if (id != self->shown_id)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window)), 0);
  self->shown_id = id;
  if (n_selected > 1)
    {
      g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset selected",
                                                         "%u assets selected", n_selected),
                                            n_selected);
      gtk_label_set_text (self->inspector_name, n);
    }
  else
    gtk_label_set_text (self->inspector_name, mops_asset_get_display_name (asset));

  details = describe_asset (asset);
  gtk_label_set_text (self->inspector_details, details);
  mops_asset_thumbnail_show (self->textures, self->library, asset, 512, self->preview_picture);

  mops_inspector_details_show (self->details, asset);
  mops_inspector_rating_show (self->rating, mops_asset_get_rating (asset), mops_asset_get_color_label (asset));
  mops_inspector_tags_show (self->tags, id);
  mops_inspector_licence_show (self->licence, id, n_selected);
}

void
mops_asset_inspector_save_edits (MopsAssetInspector *self)
{
  g_return_if_fail (MOPS_IS_ASSET_INSPECTOR (self));

  mops_inspector_details_save (self->details);
}

void
mops_asset_inspector_keep_unsaved_text (MopsAssetInspector *self,
                                        gint64              id,
                                        const char         *title,
                                        const char         *description,
                                        const char         *creator)
{
  g_return_if_fail (MOPS_IS_ASSET_INSPECTOR (self));

  mops_inspector_details_keep_unsaved (self->details, id, title, description, creator);
}

gint64
mops_asset_inspector_get_licence_id (MopsAssetInspector *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET_INSPECTOR (self), 0);

  return mops_inspector_licence_get_licence_id (self->licence);
}
