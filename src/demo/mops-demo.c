/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo.c — filling an empty library with the deterministic demo data set */

#include "config.h"

#define G_LOG_DOMAIN "mops-demo"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/mops-asset-store.h"
#include "core/mops-assets.h"
#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "mops-demo-private.h"

/* The fonts GTK brings along: the demo's typefaces, copied as they are. */
#define FONT_DIR "/usr/share/fonts/truetype/dejavu"

/* What assets.json's "variant" names, for each kind of drawing. */
typedef struct
{
  const char *name;
  int         value;
} Variant;

static const Variant logo_styles[] = {
  { "colour", MOPS_DEMO_LOGO_COLOUR },
  { "mono", MOPS_DEMO_LOGO_MONO },
};

static const Variant scenes[] = {
  { "fjord_sunrise", MOPS_DEMO_SCENE_FJORD_SUNRISE },
  { "alpine_lake", MOPS_DEMO_SCENE_ALPINE_LAKE },
  { "winter_ridge", MOPS_DEMO_SCENE_WINTER_RIDGE },
  { "forest_trail", MOPS_DEMO_SCENE_FOREST_TRAIL },
  { "campfire", MOPS_DEMO_SCENE_CAMPFIRE },
  { "coastal_hike", MOPS_DEMO_SCENE_COASTAL_HIKE },
  { "aurora_camp", MOPS_DEMO_SCENE_AURORA_CAMP },
  { "misty_valley", MOPS_DEMO_SCENE_MISTY_VALLEY },
  { "summit_team", MOPS_DEMO_SCENE_SUMMIT_TEAM },
  { "bryggen_dusk", MOPS_DEMO_SCENE_BRYGGEN_DUSK },
  { "autumn_birches", MOPS_DEMO_SCENE_AUTUMN_BIRCHES },
  { "spring_waterfall", MOPS_DEMO_SCENE_SPRING_WATERFALL },
  { "lofoten_midnight_sun", MOPS_DEMO_SCENE_LOFOTEN_MIDNIGHT_SUN },
  { "ski_touring", MOPS_DEMO_SCENE_SKI_TOURING },
  { "rainy_fjord", MOPS_DEMO_SCENE_RAINY_FJORD },
  { "lighthouse", MOPS_DEMO_SCENE_LIGHTHOUSE },
  { "starry_lake", MOPS_DEMO_SCENE_STARRY_LAKE },
  { "canoe_mist", MOPS_DEMO_SCENE_CANOE_MIST },
  { "fagaras_sunrise", MOPS_DEMO_SCENE_FAGARAS_SUNRISE },
  { "northern_alps", MOPS_DEMO_SCENE_NORTHERN_ALPS },
  { "winter_cabin", MOPS_DEMO_SCENE_WINTER_CABIN },
  { "glacier_hike", MOPS_DEMO_SCENE_GLACIER_HIKE },
  { "ridge_runner", MOPS_DEMO_SCENE_RIDGE_RUNNER },
};

static const Variant products[] = {
  { "backpack", MOPS_DEMO_PRODUCT_BACKPACK },
  { "jacket", MOPS_DEMO_PRODUCT_JACKET },
  { "bottle", MOPS_DEMO_PRODUCT_BOTTLE },
  { "backpack_moss", MOPS_DEMO_PRODUCT_BACKPACK_MOSS },
  { "jacket_glacier", MOPS_DEMO_PRODUCT_JACKET_GLACIER },
  { "down_jacket", MOPS_DEMO_PRODUCT_DOWN_JACKET },
  { "tent", MOPS_DEMO_PRODUCT_TENT },
  { "boots", MOPS_DEMO_PRODUCT_BOOTS },
  { "steel_bottles", MOPS_DEMO_PRODUCT_STEEL_BOTTLES },
  { "headlamp", MOPS_DEMO_PRODUCT_HEADLAMP },
  { "flat_lay", MOPS_DEMO_PRODUCT_FLAT_LAY },
};

static const Variant posts[] = {
  { "season_square", MOPS_DEMO_POST_SEASON_SQUARE },
  { "launch_portrait", MOPS_DEMO_POST_LAUNCH_PORTRAIT },
  { "linkedin_banner", MOPS_DEMO_POST_LINKEDIN_BANNER },
  { "web_hero", MOPS_DEMO_POST_WEB_HERO },
  { "newsletter_header", MOPS_DEMO_POST_NEWSLETTER_HEADER },
  { "launch_story", MOPS_DEMO_POST_LAUNCH_STORY },
  { "down_square", MOPS_DEMO_POST_DOWN_SQUARE },
  { "members_cover", MOPS_DEMO_POST_MEMBERS_COVER },
  { "meetup_poster", MOPS_DEMO_POST_MEETUP_POSTER },
  { "film_poster", MOPS_DEMO_POST_FILM_POSTER },
  { "repair_poster", MOPS_DEMO_POST_REPAIR_POSTER },
  { "hiring_banner", MOPS_DEMO_POST_HIRING_BANNER },
  { "giveaway_square", MOPS_DEMO_POST_GIVEAWAY_SQUARE },
  { "black_week_banner", MOPS_DEMO_POST_BLACK_WEEK_BANNER },
  { "blog_header", MOPS_DEMO_POST_BLOG_HEADER },
  { "lakes_header", MOPS_DEMO_POST_LAKES_HEADER },
};

static const Variant vectors[] = {
  { "pictograms", MOPS_DEMO_VECTOR_PICTOGRAMS },
  { "route_map", MOPS_DEMO_VECTOR_ROUTE_MAP },
};

/* ------------------------------------------------------------------ helpers */

static void
report (MopsDemo   *d,
        double      fraction,
        const char *what)
{
  if (d->progress != NULL)
    d->progress (CLAMP (fraction, 0.0, 1.0), what, d->user_data);
}

static gboolean
failed (MopsDemo *d)
{
  if (d->error == NULL && d->cancellable != NULL)
    g_cancellable_set_error_if_cancelled (d->cancellable, &d->error);

  return d->error != NULL;
}

/* The drawing @asset's "variant" names in @variants. */
static int
variant (MopsDemo      *d,
         MopsDemoAsset *asset,
         const Variant *variants,
         guint          n_variants)
{
  const char *name = mops_demo_get_string (asset->spec, "variant");

  for (guint i = 0; name != NULL && i < n_variants; i++)
    if (g_str_equal (name, variants[i].name))
      return variants[i].value;

  mops_demo_data_error (d, "the asset “%s” names no known drawing", asset->key);
  return 0;
}

/* The data the generator reads more than once: the assets, by key too, and the licences. */
static gboolean
load_data (MopsDemo *d)
{
  JsonNode *assets = mops_demo_data_get (d, "assets.json");
  JsonNode *licences = mops_demo_data_get (d, "licences.json");
  JsonArray *array;

  if (assets == NULL || licences == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (assets) || !JSON_NODE_HOLDS_ARRAY (licences))
    return mops_demo_data_error (d, "assets.json and licences.json must be lists");

  array = json_node_get_array (assets);
  d->n_assets = json_array_get_length (array);
  d->assets = g_new0 (MopsDemoAsset, d->n_assets);
  for (guint i = 0; i < d->n_assets; i++)
    {
      MopsDemoAsset *asset = &d->assets[i];

      asset->spec = json_array_get_object_element (array, i);
      asset->key = mops_demo_get_string (asset->spec, "key");
      asset->index = i + 1;
      if (asset->key == NULL || g_hash_table_contains (d->asset_by_key, asset->key))
        return mops_demo_data_error (d, "asset %u has no key of its own", i + 1);
      g_hash_table_insert (d->asset_by_key, (gpointer) asset->key, asset);
    }

  array = json_node_get_array (licences);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *licence = json_array_get_object_element (array, i);
      const char *key = mops_demo_get_string (licence, "key");

      if (key == NULL)
        return mops_demo_data_error (d, "licence %u has no key", i + 1);
      g_hash_table_insert (d->licence_specs, (gpointer) key, licence);
    }

  d->palette = mops_demo_dup_palette (d, &d->n_colors);
  return d->error == NULL;
}

/* ------------------------------------------------------------------ files */

/* A contract or a receipt: the text of its fields, filled in. */
static gboolean
write_document (MopsDemo      *d,
                MopsDemoAsset *asset,
                const char    *kind,
                const char    *path)
{
  JsonObject *document = mops_demo_get_object (asset->spec, "document");

#define FIELD(name) mops_demo_expand (d, mops_demo_get_string (document, name), NULL)
  if (g_str_equal (kind, "contract"))
    {
      MopsDemoContract contract = {
        .number = FIELD ("number"),
        .licensor = FIELD ("licensor"),
        .licensor_address = FIELD ("licensor_address"),
        .licensee = FIELD ("licensee"),
        .images = FIELD ("images"),
        .media = FIELD ("media"),
        .territories = FIELD ("territories"),
        .starts_on = FIELD ("starts_on"),
        .expires_on = FIELD ("expires_on"),
        .fee = FIELD ("fee"),
        .signed_on = FIELD ("signed_on"),
        .signatory = FIELD ("signatory"),
      };

      return d->error == NULL && mops_demo_art_contract_pdf (d->art, &contract, path, &d->error);
    }
  else
    {
      MopsDemoReceipt receipt = {
        .number = FIELD ("number"),
        .vendor = FIELD ("vendor"),
        .vendor_address = FIELD ("vendor_address"),
        .customer = FIELD ("customer"),
        .date = FIELD ("date"),
        .item = FIELD ("item"),
        .net = FIELD ("net"),
        .vat = FIELD ("vat"),
        .total = FIELD ("total"),
        .payment = FIELD ("payment"),
      };

      return d->error == NULL && mops_demo_art_receipt_pdf (d->art, &receipt, path, &d->error);
    }
#undef FIELD
}

/* Fourteen days of Instagram insights up to yesterday, as Meta Business Suite exports them.
 * Its own random numbers: the demo's sequence stays the same for the rows after it. */
static char *
make_insights_json (MopsDemo *d)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (MOPS_DEMO_SEED ^ 0x1657u);
  g_autoptr(GString) json = g_string_new (NULL);
  int followers = 18240;

  g_string_append_printf (json,
                          "{\n"
                          "  \"account\": \"@fjellvind\",\n"
                          "  \"source\": \"Meta Business Suite\",\n"
                          "  \"since\": \"%s\",\n"
                          "  \"until\": \"%s\",\n"
                          "  \"days\": [\n",
                          mops_demo_day (d, -14), mops_demo_day (d, -1));
  for (int i = 14; i >= 1; i--)
    {
      int reach = g_rand_int_range (rand, 4200, 9800);
      int impressions = reach + g_rand_int_range (rand, 800, 4200);
      int engagements = reach / g_rand_int_range (rand, 14, 30);
      int follows = g_rand_int_range (rand, 3, 41);

      followers += follows;
      g_string_append_printf (json,
                              "    { \"date\": \"%s\", \"reach\": %d, \"impressions\": %d,"
                              " \"engagements\": %d, \"follows\": %d, \"followers\": %d }%s\n",
                              mops_demo_day (d, -i), reach, impressions, engagements, follows,
                              followers, i > 1 ? "," : "");
    }
  g_string_append (json, "  ]\n}\n");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* A text or data file as the data set holds it, or made on the spot. */
static gboolean
write_text (MopsDemo      *d,
            MopsDemoAsset *asset,
            const char    *path)
{
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize size;

  if (g_strcmp0 (mops_demo_get_string (asset->spec, "generated"), "instagram_insights") == 0)
    {
      g_autofree char *insights = make_insights_json (d);

      return mops_demo_write_text (path, insights, -1, &d->error);
    }

  bytes = mops_demo_data_get_bytes (d, mops_demo_get_string (asset->spec, "text"));
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return mops_demo_write_text (path, data, (gssize) size, &d->error);
}

/* Draws (or copies) one file into the staging folder; a missing system font is skipped. */
static gboolean
make_file (MopsDemo      *d,
           MopsDemoAsset *asset)
{
  const char *art = mops_demo_get_string (asset->spec, "art");
  const char *name = asset->file_name;
  g_autofree char *path = g_build_filename (d->staging, name, NULL);
  gboolean ok = TRUE;

  asset->width = (int) mops_demo_get_int (asset->spec, "width", 0);
  asset->height = (int) mops_demo_get_int (asset->spec, "height", 0);

  if (art == NULL)
    return mops_demo_data_error (d, "the asset “%s” says nothing of how it is made", asset->key);

  if (g_str_equal (art, "logo_svg"))
    ok = mops_demo_art_logo_svg (d->art, variant (d, asset, logo_styles, G_N_ELEMENTS (logo_styles)),
                                 path, &asset->width, &asset->height, &d->error);
  else if (g_str_equal (art, "logo_png"))
    ok = mops_demo_art_logo_png (d->art, variant (d, asset, logo_styles, G_N_ELEMENTS (logo_styles)),
                                 asset->width, path, &asset->height, &d->error);
  else if (g_str_equal (art, "icon"))
    ok = mops_demo_art_icon_png (d->art, asset->width, path, &d->error);
  else if (g_str_equal (art, "scene"))
    ok = mops_demo_art_scene_png (d->art, variant (d, asset, scenes, G_N_ELEMENTS (scenes)),
                                  asset->width, asset->height, path, &d->error);
  else if (g_str_equal (art, "product"))
    ok = mops_demo_art_product_png (d->art, variant (d, asset, products, G_N_ELEMENTS (products)),
                                    asset->width, asset->height, path, &d->error);
  else if (g_str_equal (art, "post"))
    ok = mops_demo_art_post_png (d->art, variant (d, asset, posts, G_N_ELEMENTS (posts)),
                                 asset->width, asset->height, path, &d->error);
  else if (g_str_equal (art, "template"))
    ok = mops_demo_art_template_svg (d->art, path, &d->error);
  else if (g_str_equal (art, "vector"))
    ok = mops_demo_art_vector_svg (d->art, variant (d, asset, vectors, G_N_ELEMENTS (vectors)),
                                   path, &asset->width, &asset->height, &d->error);
  else if (g_str_equal (art, "guidelines"))
    ok = mops_demo_art_guidelines_pdf (d->art, d->palette, d->n_colors, path, &asset->pages,
                                       &d->error);
  else if (g_str_equal (art, "size_chart"))
    {
      ok = mops_demo_art_size_chart_pdf (d->art, path, &d->error);
      asset->pages = 1;
    }
  else if (g_str_equal (art, "contract") || g_str_equal (art, "receipt"))
    {
      ok = write_document (d, asset, art, path);
      asset->pages = 1;
    }
  else if (g_str_equal (art, "text") || g_str_equal (art, "data"))
    ok = write_text (d, asset, path);
  else if (g_str_equal (art, "font"))
    {
      /* no download, and no font is no error */
      g_autofree char *system = g_build_filename (FONT_DIR, name, NULL);

      if (!g_file_test (system, G_FILE_TEST_IS_REGULAR))
        return TRUE;
      g_free (path);
      path = g_steal_pointer (&system);
    }
  else
    return mops_demo_data_error (d, "the asset “%s” is made as “%s”, which is unknown",
                                 asset->key, art);

  if (!ok || d->error != NULL)
    return FALSE;

  asset->file_path = g_steal_pointer (&path);
  return TRUE;
}

static gboolean
store_file (MopsDemo      *d,
            MopsDemoAsset *asset)
{
  JsonObject *spec = asset->spec;
  int captured = (int) mops_demo_get_int (spec, "captured", 0);
  MopsAssetInfo info = { 0 };
  gboolean duplicate = FALSE;
  gint64 id;

  if (asset->file_path == NULL)
    return TRUE;

  info.original_name = asset->file_name;
  info.mime = mops_demo_get_string (spec, "mime");
  info.title = mops_demo_get_string (spec, "title");
  info.description = mops_demo_get_string (spec, "description");
  info.creator = mops_demo_get_string (spec, "creator");
  info.source = mops_demo_get_string (spec, "source");
  info.role = mops_demo_get_bool (spec, "record") ? "record" : "asset";
  info.rating = (int) mops_demo_get_int (spec, "rating", 0);
  info.width = asset->width;
  info.height = asset->height;
  info.page_count = asset->pages;
  /* taken on the day it says, at an hour of its own */
  info.created_at = captured > 0 ? mops_demo_past_instant (d, -captured, 7 + asset->index % 9,
                                                           (int) (asset->index * 7) % 60)
                                 : 0;

  id = mops_asset_store_file (d->library, asset->file_path, &info, &duplicate, d->cancellable,
                              &d->error);
  if (id <= 0)
    return FALSE;

  asset->id = id;
  if (!duplicate)
    g_array_append_val (d->added, id);
  return TRUE;
}

/* Removes the assets this run stored, rows and files, so a failed run leaves the library
 * empty and the demo can be tried again: it was empty, so its Trash holds only them. */
static void
remove_added_assets (MopsDemo *d)
{
  g_autoptr(GError) error = NULL;

  if (d->added->len == 0)
    return;

  if (!mops_assets_trash (d->library, (gint64 *) d->added->data, d->added->len, &error)
      || mops_assets_empty_trash (d->library, NULL, &error) < 0)
    g_warning ("Could not remove the demo's assets again: %s", error->message);
}

/* ------------------------------------------------------------------ the run */

static gboolean
fill (MopsDemo *d)
{
  guint n_files = MAX (d->n_assets, 1);

  /* Files: drawn (recorded) here, painted and encoded on worker threads, then stored like an
   * import, in order so the ids are always the same. Storing one file while the next ones
   * are painted keeps the disk and the cores busy at once. */
  for (guint i = 0; i < d->n_assets; i++)
    {
      MopsDemoAsset *asset = &d->assets[i];
      g_autofree char *what = NULL;

      asset->file_name = g_strdup (mops_demo_expand (d, mops_demo_get_string (asset->spec, "name"),
                                                     NULL));
      if (failed (d))
        return FALSE;
      if (asset->file_name == NULL)
        return mops_demo_data_error (d, "the asset “%s” has no file name", asset->key);

      what = g_strdup_printf (_("Drawing “%s”…"), asset->file_name);
      report (d, 0.2 * i / n_files, what);
      if (!make_file (d, asset))
        return FALSE;
    }

  /* most of the time goes here, waiting for the painters */
  for (guint i = 0; i < d->n_assets; i++)
    {
      MopsDemoAsset *asset = &d->assets[i];

      if (failed (d))
        return FALSE;
      report (d, 0.2 + 0.65 * i / n_files, _("Adding the files to the library…"));
      if (asset->file_path != NULL
          && !mops_demo_art_wait_for (d->art, asset->file_path, &d->error))
        return FALSE;
      if (!store_file (d, asset))
        return FALSE;
    }
  if (!mops_demo_art_wait (d->art, &d->error))
    return FALSE;

  /* Everything else in one transaction, through the library's domain functions */
  report (d, 0.86, _("Adding people, licences and the calendar…"));
  if (failed (d) || !mops_library_begin (d->library, &d->error))
    return FALSE;

  mops_demo_add_people_and_places (d);
  mops_demo_add_asset_details (d);
  mops_demo_add_licences (d);
  mops_demo_add_tags_and_collections (d);
  mops_demo_add_content (d);
  if (failed (d))
    goto rollback;

  report (d, 0.93, _("Adding the budget and brand kits…"));
  mops_demo_add_budget (d);
  mops_demo_add_kits (d);
  if (!failed (d))
    {
      /* the licensors are in since the tags came; this is the last word on it */
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < d->n_assets; i++)
        if (d->assets[i].id != 0)
          g_array_append_val (ids, d->assets[i].id);
      mops_assets_refresh_search_text (d->library, (gint64 *) ids->data, ids->len, &d->error);
    }
  if (failed (d) || !mops_library_commit (d->library, &d->error))
    goto rollback;

  return TRUE;

rollback:
  mops_library_rollback (d->library);
  return FALSE;
}

static void
demo_clear (MopsDemo *d)
{
  for (guint i = 0; i < d->n_assets; i++)
    {
      g_free (d->assets[i].file_name);
      g_free (d->assets[i].file_path);
    }
  g_free (d->assets);
  g_free (d->palette);
  g_free (d->season);
  g_free (d->staging);
  g_clear_pointer (&d->asset_by_key, g_hash_table_unref);
  g_clear_pointer (&d->licence_specs, g_hash_table_unref);
  g_clear_pointer (&d->ids, g_hash_table_unref);
  g_clear_pointer (&d->data, g_hash_table_unref);
  g_array_unref (d->added);
  g_string_chunk_free (d->strings);
  g_rand_free (d->rand);
}

gboolean
mops_demo_generate (MopsLibrary           *library,
                    MopsDemoProgressFunc   progress,
                    gpointer               user_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  MopsDemo demo = { 0 };
  MopsDemo *d = &demo;
  g_autoptr(GDate) today = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!mops_library_is_empty (library))
    {
      g_autofree char *display = mops_library_dup_display_name (library);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_EMPTY,
                   _("The demo data set can only be added to an empty library, and “%s” "
                     "already holds files, licences, content, expenses or brand kits"), display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  today = mops_clock_today ();
  d->library = library;
  d->today = *today;
  d->now = mops_clock_now_unix ();
  d->year = g_date_get_year (today);
  d->season = g_strdup_printf ("%s %d", mops_demo_season_name (today), d->year);
  d->rand = g_rand_new_with_seed (MOPS_DEMO_SEED);
  d->strings = g_string_chunk_new (4096);
  d->progress = progress;
  d->user_data = user_data;
  d->cancellable = cancellable;
  d->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  d->asset_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  d->licence_specs = g_hash_table_new (g_str_hash, g_str_equal);
  d->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  report (d, 0, _("Preparing the demo library…"));
  if (load_data (d))
    d->staging = mops_library_create_staging (library, &d->error);
  if (d->staging != NULL)
    {
      d->art = mops_demo_art_new (today);
      ok = fill (d);
      /* the encoders must be done with the staging folder before it goes */
      g_clear_pointer (&d->art, mops_demo_art_free);
      mops_library_release_staging (library, d->staging);
    }

  if (!ok)
    remove_added_assets (d);
  else
    report (d, 1.0, _("The demo library is ready"));

  demo_clear (d);

  if (!ok)
    {
      g_autofree char *display = mops_library_dup_display_name (library);

      if (d->error == NULL)
        g_set_error_literal (&d->error, MOPS_ERROR, MOPS_ERROR_FAILED, _("Unknown error"));
      if (g_error_matches (d->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, d->error);
      else
        {
          g_set_error (error, d->error->domain, d->error->code,
                       _("Could not fill “%s” with the demo data set: %s"), display,
                       d->error->message);
          g_error_free (d->error);
        }
      return FALSE;
    }

  return TRUE;
}
