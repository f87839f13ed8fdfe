/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-kits.c — brand kits: items by role, colours, fonts, tone of voice */

#include "config.h"

#include <string.h>

#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-kits.h"
#include "core/mops-library.h"
#include "mops-test-util.h"

/* One column of one row as text ("NULL" for NULL), @sql with ?1 bound to @id. */
static char *
query_text (MopsTestLibrary *fixture,
            const char      *sql,
            gint64           id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL
                   ? "NULL" : (const char *) sqlite3_column_text (stmt, 0));
}

static gint64
add_kit (MopsTestLibrary        *fixture,
         const MopsBrandKitInfo *info)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mops_brand_kits_add (fixture->library, info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_roles_convert_both_ways (void)
{
  MopsKitRole role = MOPS_KIT_ROLE_IMAGE;

  for (int i = MOPS_KIT_ROLE_LOGO_PRIMARY; i <= MOPS_KIT_ROLE_IMAGE; i++)
    {
      g_assert_true (mops_kit_role_from_name (mops_kit_role_to_name (i), &role));
      g_assert_cmpint (role, ==, i);
    }
  g_assert_cmpstr (mops_kit_role_to_name (MOPS_KIT_ROLE_LOGO_MONO), ==, "logo_mono");
  g_assert_false (mops_kit_role_from_name ("logo", &role));
}

static void
test_kits_keep_version_and_dates (MopsTestLibrary *fixture,
                                  gconstpointer    user_data)
{
  MopsBrandKitInfo current = {
    .name = "Fjellvind Brand Kit", .version = "2.1", .description = "Logos, colours, type.",
    .created_at = 1786262400, .modified_at = 1795770000,
  };
  MopsBrandKitInfo plain = { .name = "Partner kit", .created_at = 1786262400 };
  g_autofree char *stored = NULL;
  g_autofree char *defaults = NULL;
  g_autoptr(GError) error = NULL;

  stored = query_text (fixture, "SELECT name || ' ' || version || ' ' || created_at || ' '"
                                " || modified_at FROM brand_kits WHERE id = ?1",
                       add_kit (fixture, &current));
  g_assert_cmpstr (stored, ==, "Fjellvind Brand Kit 2.1 1786262400 1795770000");
  defaults = query_text (fixture, "SELECT version || ' ' || modified_at FROM brand_kits"
                                  " WHERE id = ?1", add_kit (fixture, &plain));
  g_assert_cmpstr (defaults, ==, "1.0 1786262400");

  plain.name = "";
  g_assert_cmpint (mops_brand_kits_add (fixture->library, &plain, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_items_colours_fonts_and_voice_belong_to_the_kit (MopsTestLibrary *fixture,
                                                      gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsBrandKitInfo info = { .name = "Fjellvind Brand Kit" };
  gint64 kit = add_kit (fixture, &info);
  gint64 logo = mops_test_store_file (fixture->library, fixture->dir, "logo.svg", "<svg/>", NULL);
  gint64 font = mops_test_store_file (fixture->library, fixture->dir, "DejaVuSans.ttf", "font", NULL);
  MopsKitColorInfo navy = {
    .name = "Fjord Navy", .role = "Primary", .hex = "#14324A", .cmyk = "88/58/25/50",
    .pantone = "PMS 7546 C", .position = 0,
  };
  MopsKitFontInfo sans = { .family = "DejaVu Sans", .role = "Body text", .asset_id = font, .position = 1 };
  MopsKitFontInfo missing = { .family = "Brand Serif" };
  g_autofree char *items = NULL;
  g_autofree char *colour = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *voice = NULL;
  gint64 colour_id;

  /* one asset may hold two roles, not the same one twice */
  g_assert_true (mops_brand_kits_add_item (fixture->library, kit, logo, MOPS_KIT_ROLE_LOGO_PRIMARY, 0, &error));
  g_assert_true (mops_brand_kits_add_item (fixture->library, kit, logo, MOPS_KIT_ROLE_ICON, 1, &error));
  g_assert_no_error (error);
  g_assert_false (mops_brand_kits_add_item (fixture->library, kit, logo, MOPS_KIT_ROLE_ICON, 2, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (mops_brand_kits_add_item (fixture->library, kit + 1, logo, MOPS_KIT_ROLE_ICON, 2, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "brand kit"));
  g_clear_error (&error);
  items = query_text (fixture, "SELECT group_concat (role, ',') FROM (SELECT role FROM kit_items"
                               " WHERE kit_id = ?1 ORDER BY position)", kit);
  g_assert_cmpstr (items, ==, "logo_primary,icon");

  colour_id = mops_brand_kits_add_color (fixture->library, kit, &navy, &error);
  g_assert_no_error (error);
  colour = query_text (fixture, "SELECT name || '|' || role || '|' || hex || '|' || cmyk || '|'"
                                " || pantone FROM kit_colors WHERE id = ?1", colour_id);
  g_assert_cmpstr (colour, ==, "Fjord Navy|Primary|#14324A|88/58/25/50|PMS 7546 C");
  navy.cmyk = "88/58/25";
  g_assert_cmpint (mops_brand_kits_add_color (fixture->library, kit, &navy, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  navy.cmyk = NULL;
  navy.hex = "14324A";
  g_assert_cmpint (mops_brand_kits_add_color (fixture->library, kit, &navy, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (mops_brand_kits_add_font (fixture->library, kit, &sans, &error), >, 0);
  g_assert_cmpint (mops_brand_kits_add_font (fixture->library, kit, &missing, &error), >, 0);
  g_assert_no_error (error);
  fonts = query_text (fixture, "SELECT group_concat (family || ':' || quote (asset_id), ',') FROM"
                               " (SELECT * FROM kit_fonts WHERE kit_id = ?1 ORDER BY id)", kit);
  expected = g_strdup_printf ("DejaVu Sans:%" G_GINT64_FORMAT ",Brand Serif:NULL", font);
  g_assert_cmpstr (fonts, ==, expected);

  /* the voice is one text per kit: setting it again replaces it */
  g_assert_true (mops_brand_kits_set_voice (fixture->library, kit, "Loud.", &error));
  g_assert_true (mops_brand_kits_set_voice (fixture->library, kit, "Calm, clear, specific.", &error));
  g_assert_no_error (error);
  voice = query_text (fixture, "SELECT group_concat (text) FROM kit_voice WHERE kit_id = ?1", kit);
  g_assert_cmpstr (voice, ==, "Calm, clear, specific.");
  g_assert_false (mops_brand_kits_set_voice (fixture->library, kit, "", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kits/roles/convert-both-ways", test_roles_convert_both_ways);

#define ADD(path, func) \
  g_test_add (path, MopsTestLibrary, NULL, mops_test_library_set_up, func, mops_test_library_tear_down)
  ADD ("/kits/add/keeps-version-and-dates", test_kits_keep_version_and_dates);
  ADD ("/kits/parts/items-colours-fonts-and-voice-belong-to-the-kit",
       test_items_colours_fonts_and_voice_belong_to_the_kit);
#undef ADD

  return g_test_run ();
}
