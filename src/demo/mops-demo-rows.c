/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-rows.c — the demo's people, channels, campaigns, asset details, licences, tags, kits */

#include "config.h"

#define G_LOG_DOMAIN "mops-demo"

#include "core/mops-assets.h"
#include "core/mops-calendar.h"
#include "core/mops-collections.h"
#include "core/mops-kits.h"
#include "core/mops-licences.h"
#include "core/mops-people.h"
#include "core/mops-tags.h"
#include "mops-demo-private.h"

/* ---- people, channels, campaigns --------------------------------------------------------- */

/* A library counts as empty with its own people, channels or campaigns in it (and its first
 * channels carry translated names): the demo joins those of the same name. */
static void
add_people (MopsDemo *d)
{
  JsonArray *people = mops_demo_data_get_array (d, "people.json");

  MOPS_DEMO_FOR_EACH_OBJECT (d, people, i, spec)
    {
      MopsPersonInfo info = {
        .name = mops_demo_get_string (spec, "name"),
        .role = mops_demo_get_string (spec, "role"),
        .email = mops_demo_get_string (spec, "email"),
      };
      gint64 id = info.name != NULL ? mops_people_lookup (d->library, info.name) : 0;

      if (id == 0)
        id = mops_people_add (d->library, &info, &d->error);
      mops_demo_set_id (d, "person", mops_demo_get_string (spec, "key"), id);
    }
}

static void
add_channels (MopsDemo *d)
{
  JsonArray *channels = mops_demo_data_get_array (d, "channels.json");

  MOPS_DEMO_FOR_EACH_OBJECT (d, channels, i, spec)
    {
      MopsChannelInfo info = {
        .name = mops_demo_get_string (spec, "name"),
        .color = mops_demo_get_string (spec, "color"),
        .min_width = (int) mops_demo_get_int (spec, "min_width", 0),
        .min_height = (int) mops_demo_get_int (spec, "min_height", 0),
        .aspect_ratios = mops_demo_get_string (spec, "aspect_ratios"),
        .max_bytes = mops_demo_get_int (spec, "max_bytes", 0),
        .allowed_types = mops_demo_get_string (spec, "allowed_types"),
      };
      gint64 id;

      if (!mops_medium_from_name (mops_demo_get_string (spec, "medium"), &info.medium))
        {
          mops_demo_data_error (d, "the channel “%s” has no medium", info.name);
          return;
        }

      id = mops_channels_lookup (d->library, info.name, &d->error);
      if (id == 0)
        id = mops_channels_add (d->library, &info, &d->error);
      mops_demo_set_id (d, "channel", mops_demo_get_string (spec, "key"), id);
    }
}

static void
add_campaigns (MopsDemo *d)
{
  JsonArray *campaigns = mops_demo_data_get_array (d, "campaigns.json");

  MOPS_DEMO_FOR_EACH_OBJECT (d, campaigns, i, spec)
    {
      MopsCampaignInfo info = {
        .name = mops_demo_expand (d, mops_demo_get_string (spec, "name"), NULL),
        .color = mops_demo_get_string (spec, "color"),
        .starts_on = mops_demo_get_day (d, spec, "starts"),
        .ends_on = mops_demo_get_day (d, spec, "ends"),
        .description = mops_demo_get_string (spec, "description"),
        .archived = mops_demo_get_bool (spec, "archived"),
      };
      gint64 id;

      if (d->error != NULL)
        return;

      id = mops_campaigns_lookup (d->library, info.name, &d->error);
      if (id == 0)
        id = mops_campaigns_add (d->library, &info, &d->error);
      mops_demo_set_id (d, "campaign", mops_demo_get_string (spec, "key"), id);
    }
}

void
mops_demo_add_people_and_places (MopsDemo *d)
{
  add_people (d);
  add_channels (d);
  add_campaigns (d);
}

/* ---- asset details ----------------------------------------------------------------------- */

/* Sets @member of the stored assets — their colour label, or (@importer) the person who
 * imported them — one call per distinct value, in the order the values first appear. */
static void
set_by_group (MopsDemo   *d,
              const char *member,
              gboolean    importer)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (guint i = 0; i < d->n_assets; i++)
    {
      const char *value = mops_demo_get_string (d->assets[i].spec, member);

      if (value != NULL && d->assets[i].id != 0
          && !g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL))
        g_ptr_array_add (values, (gpointer) value);
    }

  for (guint v = 0; v < values->len && d->error == NULL; v++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < d->n_assets; i++)
        if (d->assets[i].id != 0
            && g_strcmp0 (mops_demo_get_string (d->assets[i].spec, member), values->pdata[v]) == 0)
          g_array_append_val (ids, d->assets[i].id);

      if (importer)
        {
          gint64 person = mops_demo_id (d, "person", values->pdata[v]);

          if (d->error == NULL)
            mops_assets_set_imported_by (d->library, (gint64 *) ids->data, ids->len, person,
                                         &d->error);
        }
      else
        mops_assets_set_color_label (d->library, (gint64 *) ids->data, ids->len, values->pdata[v],
                                     &d->error);
    }
}

static void
set_metadata (MopsDemo      *d,
              MopsDemoAsset *asset,
              const char    *key,
              const char    *value)
{
  const char *values[] = { value, NULL };

  if (d->error == NULL)
    mops_assets_set_metadata (d->library, asset->id, key, values, &d->error);
}

/* EXIF and XMP as the camera wrote them: the capture time is the asset's created_at. */
static void
add_camera_metadata (MopsDemo      *d,
                     MopsDemoAsset *asset)
{
  JsonObject *camera = mops_demo_get_object (asset->spec, "camera");
  int captured = (int) mops_demo_get_int (asset->spec, "captured", 0);
  const char *creator = mops_demo_get_string (asset->spec, "creator");
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *original = NULL;
  g_autofree char *rights = NULL;

  if (camera == NULL || captured <= 0)
    return;

  taken = g_date_time_new_from_unix_local (mops_demo_past_instant (d, -captured,
                                                                    7 + asset->index % 9,
                                                                    (int) (asset->index * 7) % 60));
  original = g_date_time_format (taken, "%Y:%m:%d %H:%M:%S");
  rights = g_strdup_printf ("© %s", creator != NULL ? creator
                                                    : mops_demo_get_string (asset->spec, "source"));

  set_metadata (d, asset, "Exif.Image.Make", mops_demo_get_string (camera, "make"));
  set_metadata (d, asset, "Exif.Image.Model", mops_demo_get_string (camera, "model"));
  set_metadata (d, asset, "Exif.Photo.DateTimeOriginal", original);
  set_metadata (d, asset, "Exif.Photo.FocalLength", mops_demo_get_string (camera, "focal_length"));
  set_metadata (d, asset, "Exif.Photo.FNumber", mops_demo_get_string (camera, "f_number"));
  set_metadata (d, asset, "Exif.Photo.ExposureTime", mops_demo_get_string (camera, "exposure"));
  set_metadata (d, asset, "Exif.Photo.ISOSpeedRatings", mops_demo_get_string (camera, "iso"));
  if (creator != NULL)
    set_metadata (d, asset, "Xmp.dc.creator", creator);
  set_metadata (d, asset, "Xmp.dc.rights", rights);
}

/* Keywords as photo tools write them, and the rights fields agencies embed. */
static void
add_embedded_metadata (MopsDemo      *d,
                       MopsDemoAsset *asset)
{
  JsonObject *metadata = mops_demo_get_object (asset->spec, "metadata");
  g_autoptr(GList) keys = metadata != NULL ? json_object_get_members (metadata) : NULL;

  for (GList *l = keys; l != NULL && d->error == NULL; l = l->next)
    {
      JsonArray *array = mops_demo_get_array (metadata, l->data);
      guint n = array != NULL ? json_array_get_length (array) : 0;
      g_autofree const char **values = g_new0 (const char *, n + 1);

      for (guint i = 0; i < n; i++)
        values[i] = mops_demo_expand (d, json_array_get_string_element (array, i), NULL);
      if (d->error == NULL)
        mops_assets_set_metadata (d->library, asset->id, l->data, values, &d->error);
    }
}

void
mops_demo_add_asset_details (MopsDemo *d)
{
  set_by_group (d, "color_label", FALSE);
  set_by_group (d, "importer", TRUE);

  for (guint i = 0; i < d->n_assets && d->error == NULL; i++)
    if (d->assets[i].id != 0)
      add_camera_metadata (d, &d->assets[i]);
  for (guint i = 0; i < d->n_assets && d->error == NULL; i++)
    if (d->assets[i].id != 0)
      add_embedded_metadata (d, &d->assets[i]);
}

/* ---- licences ---------------------------------------------------------------------------- */

static gboolean
asset_has_licence (MopsDemoAsset *asset,
                   const char    *licence)
{
  JsonArray *licences = mops_demo_get_array (asset->spec, "licences");

  for (guint i = 0; licences != NULL && i < json_array_get_length (licences); i++)
    if (g_strcmp0 (json_array_get_string_element (licences, i), licence) == 0)
      return TRUE;

  return FALSE;
}

static GStrv
dup_strings (JsonArray *array)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;
  GStrv strings = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    strings[i] = g_strdup (json_array_get_string_element (array, i));

  return strings;
}

/* The licence of @spec as a record kept elsewhere: its own dates of creation and change. */
static MopsLicence *
build_licence (MopsDemo   *d,
               JsonObject *spec)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  const char *key = mops_demo_get_string (spec, "key");
  JsonArray *media = mops_demo_get_array (spec, "media");
  JsonArray *territories = mops_demo_get_array (spec, "territories");
  int created = (int) mops_demo_get_int (spec, "created", 0);
  gboolean known = TRUE;

  licence->licensor = g_strdup (mops_demo_get_string (spec, "licensor"));
  known &= mops_licence_kind_from_name (mops_demo_get_string (spec, "kind"), &licence->kind);
  if (mops_demo_get_string (spec, "cc_variant") != NULL)
    known &= mops_cc_variant_from_name (mops_demo_get_string (spec, "cc_variant"), &licence->cc_variant);
  licence->cc_version = g_strdup (mops_demo_get_string (spec, "cc_version"));
  if (territories != NULL)
    licence->territories = dup_strings (territories);
  for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
    {
      MopsMedium medium = 0;

      known &= mops_medium_from_name (json_array_get_string_element (media, i), &medium);
      licence->media |= known ? medium : 0;
    }
  licence->starts_on = g_strdup (mops_demo_day (d, (int) mops_demo_get_int (spec, "starts", MOPS_DEMO_NO_DAY)));
  licence->expires_on = g_strdup (mops_demo_day (d, (int) mops_demo_get_int (spec, "expires", MOPS_DEMO_NO_DAY)));
  licence->cost = mops_demo_get_int (spec, "cost", 0);
  licence->has_cost = licence->cost > 0;
  licence->currency = g_strdup (licence->has_cost ? mops_demo_get_string (spec, "currency") : NULL);
  licence->attribution = g_strdup (mops_demo_get_string (spec, "attribution"));
  if (mops_demo_get_string (spec, "model_release") != NULL)
    known &= mops_release_from_name (mops_demo_get_string (spec, "model_release"), &licence->model_release);
  if (mops_demo_get_string (spec, "property_release") != NULL)
    known &= mops_release_from_name (mops_demo_get_string (spec, "property_release"), &licence->property_release);
  licence->contract_asset_id = mops_demo_asset_id (d, mops_demo_get_string (spec, "contract"));
  if (mops_demo_get_string (spec, "reference") != NULL)
    {
      g_autofree char *reference = g_strdup_printf ("{reference:%s}", key);

      licence->reference = g_strdup (mops_demo_expand (d, reference, NULL));
    }
  licence->notes = g_strdup (mops_demo_get_string (spec, "notes"));
  licence->confirmed = json_object_has_member (spec, "confirmed") ? mops_demo_get_bool (spec, "confirmed") : TRUE;
  if (mops_demo_get_string (spec, "source") != NULL)
    known &= mops_licence_source_from_name (mops_demo_get_string (spec, "source"), &licence->source);
  licence->created_at = mops_demo_past_instant (d, -created, 10, 15);
  licence->modified_at = mops_demo_past_instant (d, MIN (-created + 3, 0), 9, 0);

  if (!known)
    {
      mops_demo_data_error (d, "the licence “%s” names an unknown kind, medium, release or source", key);
      return NULL;
    }

  return g_steal_pointer (&licence);
}

/* Each licence with the assets it covers, as an agreement kept elsewhere: its own dates. The
 * assets' search text follows with their tags. */
void
mops_demo_add_licences (MopsDemo *d)
{
  JsonArray *licences = mops_demo_data_get_array (d, "licences.json");

  MOPS_DEMO_FOR_EACH_OBJECT (d, licences, i, spec)
    {
      g_autoptr(MopsLicence) licence = build_licence (d, spec);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      const char *key = mops_demo_get_string (spec, "key");
      gint64 id;

      if (licence == NULL)
        return;

      for (guint a = 0; a < d->n_assets; a++)
        if (d->assets[a].id != 0 && asset_has_licence (&d->assets[a], key))
          g_array_append_val (ids, d->assets[a].id);

      id = mops_licences_import (d->library, licence, (gint64 *) ids->data, ids->len, &d->error);
      mops_demo_set_id (d, "licence", key, id);
    }
}

/* ---- tags, collections, saved searches ----------------------------------------------------- */

static void
add_tags (MopsDemo *d)
{
  /* in the order the assets mention them: the tag ids follow */
  for (guint i = 0; i < d->n_assets && d->error == NULL; i++)
    {
      JsonArray *tags = mops_demo_get_array (d->assets[i].spec, "tags");

      for (guint t = 0; d->assets[i].id != 0 && tags != NULL && t < json_array_get_length (tags)
                        && d->error == NULL; t++)
        {
          const char *path = mops_demo_expand (d, json_array_get_string_element (tags, t), NULL);

          if (path != NULL)
            mops_tags_add_to_assets (d->library, path, &d->assets[i].id, 1, &d->error);
        }
    }
}

static void
add_collections (MopsDemo   *d,
                 JsonObject *data)
{
  JsonArray *collections = mops_demo_get_array (data, "collections");

  MOPS_DEMO_FOR_EACH_OBJECT (d, collections, c, spec)
    {
      JsonArray *members = mops_demo_get_array (spec, "assets");
      int created = (int) mops_demo_get_int (spec, "created", 0);
      gint64 id;

      id = mops_collections_add (d->library, mops_demo_get_string (spec, "name"),
                                 mops_demo_get_string (spec, "description"),
                                 mops_demo_past_instant (d, created, 14, 0), &d->error);

      /* added over a few days after the collection was made */
      for (guint m = 0; id > 0 && members != NULL && m < json_array_get_length (members)
                        && d->error == NULL; m++)
        {
          gint64 asset = mops_demo_asset_id (d, json_array_get_string_element (members, m));

          if (asset != 0)
            mops_collections_insert_asset (d->library, id, asset, (int) m,
                                           mops_demo_past_instant (d, created + (int) m / 3, 14,
                                                                   5 + (int) m),
                                           &d->error);
        }
    }
}

static void
add_saved_searches (MopsDemo   *d,
                    JsonObject *data)
{
  JsonArray *searches = mops_demo_get_array (data, "saved_searches");

  MOPS_DEMO_FOR_EACH_OBJECT (d, searches, s, spec)
    {
      const char *name = mops_demo_get_string (spec, "name");
      JsonNode *filters = json_object_get_member (spec, "filters");
      g_autofree char *filters_text = NULL;
      gint64 id;

      id = mops_saved_searches_lookup (d->library, name, &d->error);
      if (id != 0)
        continue;

      if (filters != NULL && JSON_NODE_HOLDS_OBJECT (filters))
        filters_text = json_to_string (filters, FALSE);
      mops_saved_searches_add (d->library, name, mops_demo_get_string (spec, "query"),
                               filters_text,
                               mops_demo_past_instant (d, (int) mops_demo_get_int (spec, "created", 0),
                                                       11, 0),
                               &d->error);
    }
}

void
mops_demo_add_tags_and_collections (MopsDemo *d)
{
  JsonObject *collections = mops_demo_data_get_object (d, "collections.json");

  add_tags (d);
  add_collections (d, collections);
  add_saved_searches (d, collections);
}

/* ---- brand kits -------------------------------------------------------------------------- */

MopsDemoColor *
mops_demo_dup_palette (MopsDemo *d,
                       guint    *out_n_colors)
{
  JsonArray *kits = mops_demo_data_get_array (d, "kits.json");
  JsonObject *current = kits != NULL && json_array_get_length (kits) > 0
                        ? json_array_get_object_element (kits, 0) : NULL;
  JsonArray *colors = mops_demo_get_array (current, "colors");
  guint n = colors != NULL ? json_array_get_length (colors) : 0;
  MopsDemoColor *palette = g_new0 (MopsDemoColor, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      JsonObject *color = json_array_get_object_element (colors, i);

      palette[i].name = mops_demo_get_string (color, "name");
      palette[i].role = mops_demo_get_string (color, "role");
      palette[i].hex = mops_demo_get_string (color, "hex");
      palette[i].cmyk = mops_demo_get_string (color, "cmyk");
      palette[i].pantone = mops_demo_get_string (color, "pantone");
    }

  *out_n_colors = n;
  return palette;
}

/* Kits first, then each part for every kit in turn: colours and fonts are numbered rows. */
void
mops_demo_add_kits (MopsDemo *d)
{
  JsonArray *kits = mops_demo_data_get_array (d, "kits.json");
  guint n_kits = kits != NULL ? json_array_get_length (kits) : 0;
  g_autofree gint64 *ids = g_new0 (gint64, MAX (n_kits, 1));

  MOPS_DEMO_FOR_EACH_OBJECT (d, kits, k, spec)
    {
      MopsBrandKitInfo info = {
        .name = mops_demo_get_string (spec, "name"),
        .version = mops_demo_get_string (spec, "version"),
        .description = mops_demo_get_string (spec, "description"),
        .created_at = mops_demo_get_instant (d, spec, "created"),
        .modified_at = mops_demo_get_instant (d, spec, "modified"),
      };

      ids[k] = mops_brand_kits_add (d->library, &info, &d->error);
    }

  MOPS_DEMO_FOR_EACH_OBJECT (d, kits, k, spec)
    {
      JsonArray *items = mops_demo_get_array (spec, "items");
      int position = 0;

      MOPS_DEMO_FOR_EACH_OBJECT (d, items, i, item)
        {
          gint64 asset = mops_demo_asset_id (d, mops_demo_get_string (item, "asset"));
          MopsKitRole role;

          if (!mops_kit_role_from_name (mops_demo_get_string (item, "role"), &role))
            mops_demo_data_error (d, "a kit item has no role");
          else if (asset != 0)
            mops_brand_kits_add_item (d->library, ids[k], asset, role, position++, &d->error);
        }
    }

  MOPS_DEMO_FOR_EACH_OBJECT (d, kits, k, spec)
    {
      JsonArray *colors = mops_demo_get_array (spec, "colors");

      MOPS_DEMO_FOR_EACH_OBJECT (d, colors, i, color)
        {
          MopsKitColorInfo info = {
            .name = mops_demo_get_string (color, "name"),
            .role = mops_demo_get_string (color, "role"),
            .hex = mops_demo_get_string (color, "hex"),
            .cmyk = mops_demo_get_string (color, "cmyk"),
            .pantone = mops_demo_get_string (color, "pantone"),
            .position = (int) i,
          };

          mops_brand_kits_add_color (d->library, ids[k], &info, &d->error);
        }
    }

  MOPS_DEMO_FOR_EACH_OBJECT (d, kits, k, spec)
    {
      JsonArray *fonts = mops_demo_get_array (spec, "fonts");

      MOPS_DEMO_FOR_EACH_OBJECT (d, fonts, i, font)
        {
          MopsKitFontInfo info = {
            .family = mops_demo_get_string (font, "family"),
            .role = mops_demo_get_string (font, "role"),
            .asset_id = mops_demo_asset_id (d, mops_demo_get_string (font, "asset")),
            .position = (int) i,
          };

          if (d->error == NULL)
            mops_brand_kits_add_font (d->library, ids[k], &info, &d->error);
        }
    }

  MOPS_DEMO_FOR_EACH_OBJECT (d, kits, k, spec)
    {
      g_autoptr(GBytes) voice = mops_demo_data_get_bytes (d, mops_demo_get_string (spec, "voice"));
      g_autofree char *text = NULL;
      gsize size;
      const char *data;

      if (voice == NULL)
        return;
      data = g_bytes_get_data (voice, &size);
      text = g_strndup (data, size);
      mops_brand_kits_set_voice (d->library, ids[k], text, &d->error);
    }
}
