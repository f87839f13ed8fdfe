/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-assets.c — the asset browser on the demo library: grid, search, inspector, rating,
 * import of a folder, Trash with undo, narrow and dark layouts */

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "core/mops-asset.h"
#include "core/mops-db-private.h"
#include "core/mops-library-private.h"
#include "core/mops-licences-private.h"
#include "core/mops-licences.h"
#include "core/mops-search-private.h"
#include "core/mops-search.h"
#include "core/mops-tags.h"
#include "mops-ui-test.h"
#include "ui/assets/mops-assets-page.h"
#include "ui/licences/mops-licence-editor.h"

static MopsAssetsPage *
get_page (void)
{
  GtkWidget *page = mops_ui_test_find_by_type (GTK_WIDGET (mops_ui_test_get_window ()), MOPS_TYPE_ASSETS_PAGE);

  g_assert_nonnull (page);
  return MOPS_ASSETS_PAGE (page);
}

static gboolean
page_is_idle (gpointer user_data)
{
  return !mops_assets_page_is_busy (get_page ());
}

static void
wait_idle (const char *what)
{
  mops_ui_test_wait_until (page_is_idle, NULL, 60000, what);
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
}

typedef struct
{
  guint n;
} Count;

static gboolean
shows_n (gpointer user_data)
{
  return mops_assets_page_get_n_shown (get_page ()) == ((Count *) user_data)->n;
}

static void
wait_shown (guint       n,
            const char *what)
{
  Count count = { n };

  mops_ui_test_wait_until (shows_n, &count, 10000, what);
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
}

/* What the library holds outside the Trash, records left out, by the CLI's own search. */
static guint
count_in_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);
  MopsSearchQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;

  g_assert_no_error (error);
  ids = mops_search_assets_in_db (mops_library_get_db (library), &query, &error);
  g_assert_no_error (error);
  return ids->len;
}

static GtkWidget *
find (const char *id)
{
  GtkWidget *widget = mops_ui_test_find_by_id (GTK_WIDGET (get_page ()), id);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_grid_shows_the_library (void)
{
  guint expected = count_in_library ();

  mops_ui_test_resize (GTK_WINDOW (mops_ui_test_get_window ()), 1366, 768);
  mops_ui_test_show_page ("assets");
  wait_idle ("the index to load and the thumbnails to be made");

  g_assert_cmpuint (expected, >, 20);
  g_assert_cmpuint (mops_assets_page_get_n_shown (get_page ()), ==, expected);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find ("view_stack"))), ==, "grid");
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-grid");
}

static GtkWidget *
find_by_css_class (GtkWidget  *widget,
                   const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Ctrl+plus/minus (the page's zoom actions) and the slider size the tiles, remembered in GSettings. */
static void
test_thumbnail_zoom (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkRange *scale = GTK_RANGE (find ("zoom_scale"));
  GtkWidget *thumb;
  int width, height;

  g_settings_reset (settings, "thumbnail-size");
  mops_ui_test_iterate ();
  g_assert_cmpint ((int) gtk_range_get_value (scale), ==, 160);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.zoom-in", NULL));
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
  g_assert_cmpint (g_settings_get_int (settings, "thumbnail-size"), ==, 224);
  g_assert_cmpint ((int) gtk_range_get_value (scale), ==, 224);
  thumb = find_by_css_class (GTK_WIDGET (find ("grid_view")), "asset-thumb");
  g_assert_nonnull (thumb);
  gtk_widget_get_size_request (thumb, &width, &height);
  g_assert_cmpint (width, ==, 224);
  g_assert_cmpint (height, ==, 168);
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-zoomed-in");

  /* The slider goes no further than its ends; the setting follows it. */
  gtk_range_set_value (scale, 96);
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
  g_assert_cmpint (g_settings_get_int (settings, "thumbnail-size"), ==, 96);
  gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.zoom-out", NULL);
  mops_ui_test_iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "thumbnail-size"), ==, 96);
  thumb = find_by_css_class (GTK_WIDGET (find ("grid_view")), "asset-thumb");
  gtk_widget_get_size_request (thumb, &width, &height);
  g_assert_cmpint (width, ==, 96);
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-zoomed-out");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.zoom-reset", NULL));
  mops_ui_test_iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "thumbnail-size"), ==, 160);
}

static void
test_search_finds_japanese_and_filters_by_type (void)
{
  GtkEditable *entry = GTK_EDITABLE (find ("search_entry"));
  guint all = mops_assets_page_get_n_shown (get_page ());

  gtk_editable_set_text (entry, "ロゴ");
  wait_shown (1, "the search for ロゴ");
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-search");

  gtk_editable_set_text (entry, "zzzz-nothing");
  wait_shown (0, "a search with no result");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find ("view_stack"))), ==, "empty");

  gtk_editable_set_text (entry, "");
  wait_shown (all, "the search to clear");

  /* Fonts only */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("type_dropdown")), 4);
  mops_ui_test_iterate ();
  g_assert_cmpuint (mops_assets_page_get_n_shown (get_page ()), >=, 1);
  g_assert_cmpuint (mops_assets_page_get_n_shown (get_page ()), <, all);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("type_dropdown")), 0);
  mops_ui_test_iterate ();
  g_assert_cmpuint (mops_assets_page_get_n_shown (get_page ()), ==, all);
}

static void
test_inspector_edits_rating_and_title (void)
{
  GtkGridView *grid = GTK_GRID_VIEW (find ("grid_view"));
  GtkSelectionModel *selection = gtk_grid_view_get_model (grid);
  g_autoptr(MopsAsset) selected = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(MopsAsset) reread = NULL;
  gint64 id = mops_asset_get_id (selected);

  gtk_selection_model_select_item (selection, 0, TRUE);
  mops_ui_test_iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (find ("inspector_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find ("inspector_name"))), ==,
                   mops_asset_get_display_name (selected));

  /* Key 4 on the grid is the same action */
  gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.rate", "i", 4);
  gtk_editable_set_text (GTK_EDITABLE (find ("title_row")), "Fjellvind mark, primary");
  g_signal_emit_by_name (find ("title_row"), "apply");
  mops_ui_test_iterate ();
  /* the rating is written in a worker */
  wait_idle ("the rating to be written");
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-inspector");

  library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, NULL);
  reread = mops_asset_load (library, id, NULL);
  g_assert_cmpint (mops_asset_get_rating (reread), ==, 4);
  g_assert_cmpstr (mops_asset_get_title (reread), ==, "Fjellvind mark, primary");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (mops_ui_test_find_by_type (find ("rating_box"),
                                                                                            GTK_TYPE_TOGGLE_BUTTON))));
}

/* Keywords the file carries are offered in the inspector; one click makes one a tag. */
static void
test_inspector_offers_file_keywords (void)
{
  GtkSelectionModel *selection = gtk_grid_view_get_model (GTK_GRID_VIEW (find ("grid_view")));
  g_autoptr(MopsAsset) asset = g_list_model_get_item (G_LIST_MODEL (selection), 2);
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_auto(GStrv) tags = NULL;
  GtkWidget *button;

  library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO asset_meta (asset_id, key, seq, value) VALUES"
                         " (%lld, 'keywords', 0, 'glacier'), (%lld, 'keywords', 1, 'blue hour')",
                         (long long) mops_asset_get_id (asset), (long long) mops_asset_get_id (asset));
  g_assert_true (mops_db_exec (mops_library_get_db (library), sql, &error));

  gtk_selection_model_select_item (selection, 2, TRUE);
  mops_ui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (find ("keyword_area")));
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-inspector-keywords");

  button = mops_ui_test_find_by_type (find ("keyword_box"), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (button), "keyword"), ==, "glacier");
  g_signal_emit_by_name (button, "clicked");
  mops_ui_test_iterate ();
  wait_idle ("the tag to be written");

  tags = mops_tags_for_asset (library, mops_asset_get_id (asset), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) tags, "glacier"));
  button = mops_ui_test_find_by_type (find ("keyword_box"), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (button), "keyword"), ==, "blue hour");
}

/* Position in the grid of the first asset with licence status @status, G_MAXUINT if none. */
static guint
position_with_status (MopsLicenceStatus status,
                      gint64           *out_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);
  g_autoptr(GArray) ids = NULL;
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (find ("grid_view"))));

  g_assert_no_error (error);
  ids = mops_licences_assets_with_status_in_db (mops_library_get_db (library), 1u << status, NULL, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MopsAsset) asset = g_list_model_get_item (model, i);

      for (guint k = 0; k < ids->len; k++)
        if (g_array_index (ids, gint64, k) == mops_asset_get_id (asset))
          {
            *out_id = mops_asset_get_id (asset);
            return i;
          }
    }

  return G_MAXUINT;
}

static gboolean
badges_shown (gpointer user_data)
{
  return find_by_css_class (GTK_WIDGET (find ("grid_view")), user_data) != NULL;
}

/* The inspector says where an asset's licence stands and opens the licence editor over the
 * selection; tiles carry badges for the states that need attention. */
static void
test_inspector_shows_the_licence (void)
{
  GtkSelectionModel *selection = gtk_grid_view_get_model (GTK_GRID_VIEW (find ("grid_view")));
  gint64 expiring_id = 0, missing_id = 0;
  guint expiring = position_with_status (MOPS_LICENCE_STATUS_EXPIRING, &expiring_id);
  guint missing = position_with_status (MOPS_LICENCE_STATUS_MISSING, &missing_id);
  GtkWindow *editor;

  g_assert_cmpuint (expiring, !=, G_MAXUINT);
  g_assert_cmpuint (missing, !=, G_MAXUINT);

  mops_ui_test_resize (GTK_WINDOW (mops_ui_test_get_window ()), 1366, 768);
  mops_ui_test_wait_until (badges_shown, (gpointer) "licence-badge", 10000, "licence badges on the tiles");

  gtk_selection_model_select_item (selection, expiring, TRUE);
  mops_ui_test_iterate ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find ("licence_row"))), "Expires in"));
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-inspector-licence");

  /* A missing licence: "New Licence…" opens the editor for the selection. */
  gtk_selection_model_select_item (selection, missing, TRUE);
  mops_ui_test_iterate ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find ("licence_row"))), "Missing"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.new-licence", NULL));
  editor = mops_ui_test_wait_for_toplevel (MOPS_TYPE_LICENCE_EDITOR, GTK_WINDOW (mops_ui_test_get_window ()));
  g_assert_cmpint (mops_licence_editor_get_licence_id (MOPS_LICENCE_EDITOR (editor)), ==, 0);
  gtk_window_destroy (editor);
  mops_ui_test_iterate ();
}

static void
write_picture (const char *path,
               double      hue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 400);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, hue, 0.5, 1 - hue);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static GtkWidget *
find_message_dialog (const char *naming)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), naming) != NULL)
        return window;
    }

  return NULL;
}

static void
test_import_a_folder_with_progress (void)
{
  g_autofree char *folder = g_build_filename (mops_ui_test_get_tmp_dir (), "Agency delivery", NULL);
  g_autofree char *sub = g_build_filename (folder, "Summer", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  guint before = mops_assets_page_get_n_shown (get_page ());

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("beach-%u.png", i);
      g_autofree char *path = g_build_filename (sub, name, NULL);

      write_picture (path, i / 3.0);
    }
  {
    g_autofree char *empty = g_build_filename (folder, "empty.pdf", NULL);
    g_autofree char *broken = g_build_filename (folder, "broken.png", NULL);

    g_assert_true (g_file_set_contents (empty, "", 0, NULL));
    g_assert_true (g_file_set_contents (broken, "\x89PNG\r\n\x1a\nnot the rest of a PNG", -1, NULL));
  }

  g_list_store_append (files, file);
  mops_assets_page_import_files (get_page (), G_LIST_MODEL (files));
  g_assert_true (mops_assets_page_is_busy (get_page ()));
  wait_idle ("the import and its thumbnails");
  g_assert_cmpuint (mops_assets_page_get_n_shown (get_page ()), ==, before + 4);

  /* The zero-byte file is reported in a dialog naming it. */
  {
    GtkWidget *dialog = find_message_dialog ("empty.pdf");

    g_assert_nonnull (dialog);
    mops_ui_test_screenshot_dialog (GTK_WINDOW (mops_ui_test_get_window ()), GTK_WINDOW (dialog), "assets-import-report");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* The corrupt picture is in the library; once previews are done, a toast's Details name it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.show-preview-problems", NULL));
  mops_ui_test_iterate ();
  {
    GtkWidget *dialog = find_message_dialog ("broken.png");

    g_assert_nonnull (dialog);
    g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "beach-"));
    mops_ui_test_screenshot_dialog (GTK_WINDOW (mops_ui_test_get_window ()), GTK_WINDOW (dialog), "assets-cannot-preview-report");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* Writes a picture @name in the folder @folder_name of the test's tmp dir and imports it the
 * way the file chooser does with @flags; returns the picture's path. */
static char *
import_one_picture (const char            *folder_name,
                    const char            *name,
                    double                 shade,
                    MopsAssetsImportFlags  flags)
{
  g_autofree char *folder = g_build_filename (mops_ui_test_get_tmp_dir (), folder_name, NULL);
  char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  write_picture (path, shade);
  g_list_store_append (files, file);
  mops_assets_page_import_files_full (get_page (), G_LIST_MODEL (files), flags);
  wait_idle ("the import of one picture");

  return path;
}

/* "Keep files where they are": the library points at the file instead of copying it. */
static void
test_import_keeps_files_in_place (void)
{
  guint before = mops_assets_page_get_n_shown (get_page ());
  g_autofree char *path = import_one_picture ("Shared drive", "kept-in-place.png", 0.8,
                                              MOPS_ASSETS_IMPORT_KEEP_IN_PLACE);
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpuint (mops_assets_page_get_n_shown (get_page ()), ==, before + 1);

  library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT is_reference, stored_path FROM assets WHERE original_name = 'kept-in-place.png'",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, path);
}

/* "These files are our own work": the new asset gets an owned licence, so no "missing" badge
 * and the inspector says so. */
static void
test_import_owned (void)
{
  g_autofree char *path = import_one_picture ("Our studio", "our-poster.png", 0.3, MOPS_ASSETS_IMPORT_OWNED);
  GtkSelectionModel *selection = gtk_grid_view_get_model (GTK_GRID_VIEW (find ("grid_view")));
  GListModel *model = G_LIST_MODEL (selection);
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  guint position = G_MAXUINT;
  gint64 id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model) && position == G_MAXUINT; i++)
    {
      g_autoptr(MopsAsset) asset = g_list_model_get_item (model, i);

      if (g_strcmp0 (mops_asset_get_original_name (asset), "our-poster.png") == 0)
        {
          position = i;
          id = mops_asset_get_id (asset);
        }
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM licence_assets JOIN licences ON licences.id = licence_id"
                         " WHERE asset_id = %" G_GINT64_FORMAT " AND kind = 'owned' AND confirmed = 1", id);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (library), sql, NULL), ==, 1);

  gtk_selection_model_select_item (selection, position, TRUE);
  wait_idle ("the selected asset's licence");
  {
    const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (find ("licence_row")));

    g_assert_nonnull (strstr (subtitle, "Active, with no end date"));
    g_assert_nonnull (strstr (subtitle, "Owned"));
  }
}

static void
test_trash_and_undo (void)
{
  GtkSelectionModel *selection = gtk_grid_view_get_model (GTK_GRID_VIEW (find ("grid_view")));
  guint before = mops_assets_page_get_n_shown (get_page ());

  gtk_selection_model_select_item (selection, 1, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.trash", NULL);
  mops_ui_test_iterate ();
  wait_idle ("the asset to go to the Trash");   /* written in a worker */
  g_assert_cmpuint (mops_assets_page_get_n_shown (get_page ()), ==, before - 1);

  gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.undo-trash", NULL);
  mops_ui_test_iterate ();
  wait_idle ("the asset to come back");
  g_assert_cmpuint (mops_assets_page_get_n_shown (get_page ()), ==, before);
}

static GtkListBoxRow *
sidebar_row (const char *key_prefix,
             const char *label)
{
  GtkWidget *sidebar = find ("sidebar");

  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *key = g_object_get_data (G_OBJECT (row), "key");

      if (key != NULL && g_str_has_prefix (key, key_prefix) &&
          (label == NULL || mops_ui_test_find_label (row, label) != NULL))
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
}

static gboolean
inspector_shown (gpointer user_data)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (find ("inspector_revealer")));
}

static gboolean
licence_filter_done (gpointer user_data)
{
  return !mops_assets_page_is_busy (get_page ());
}

/* The sidebar's collections and saved searches, the licence and rating filters, saving a
 * search, tag suggestions and renaming a tag. */
static void
test_collections_searches_and_filters (void)
{
  GtkListBox *sidebar = GTK_LIST_BOX (find ("sidebar"));
  GtkListBoxRow *row;
  guint all = mops_assets_page_get_n_shown (get_page ());
  guint in_collection, expiring;

  row = sidebar_row ("collection:", "Press kit");
  g_assert_nonnull (row);
  gtk_list_box_select_row (sidebar, row);
  mops_ui_test_iterate ();
  in_collection = mops_assets_page_get_n_shown (get_page ());
  g_assert_cmpuint (in_collection, >, 0);
  g_assert_cmpuint (in_collection, <, all);
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (find ("collection_bar"))));
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-collection");

  /* A saved search fills in the controls: "Expiring licences" is a licence filter */
  row = sidebar_row ("search:", "Expiring licences");
  g_assert_nonnull (row);
  gtk_list_box_select_row (sidebar, row);
  mops_ui_test_wait_until (licence_filter_done, NULL, 10000, "the licence filter");
  expiring = mops_assets_page_get_n_shown (get_page ());
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find ("licence_dropdown"))), ==, 2);
  g_assert_cmpuint (expiring, >=, 1);
  g_assert_cmpuint (expiring, <, all);

  /* Save the current filters as a new search: it shows in the sidebar */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("rating_dropdown")), 1);
  mops_ui_test_wait_until (licence_filter_done, NULL, 10000, "the filters");
  {
    g_autoptr(MopsLibrary) library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, NULL);
    gint64 before = mops_db_query_int (mops_library_get_db (library), "SELECT count(*) FROM saved_searches", NULL);

    gtk_widget_activate_action (GTK_WIDGET (get_page ()), "assets.save-search", NULL);
    mops_ui_test_iterate ();
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      AdwMessageDialog *dialog = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window))
            dialog = ADW_MESSAGE_DIALOG (window);
        }
      g_assert_nonnull (dialog);
      gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Expiring and rated");
      adw_message_dialog_response (dialog, "ok");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
    mops_ui_test_iterate ();
    g_assert_cmpint (mops_db_query_int (mops_library_get_db (library), "SELECT count(*) FROM saved_searches", NULL),
                     ==, before + 1);
    g_assert_nonnull (sidebar_row ("search:", "Expiring and rated"));
  }

  /* Back to everything */
  gtk_list_box_select_row (sidebar, sidebar_row ("all", NULL));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("licence_dropdown")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("rating_dropdown")), 0);
  gtk_editable_set_text (GTK_EDITABLE (find ("search_entry")), "");
  mops_ui_test_wait_until (licence_filter_done, NULL, 10000, "the filters to clear");
  wait_shown (all, "every asset again");

  /* Tag suggestions while typing, then a rename through the same action as the menu */
  gtk_selection_model_select_item (gtk_grid_view_get_model (GTK_GRID_VIEW (find ("grid_view"))), 0, TRUE);
  mops_ui_test_wait_until (inspector_shown, NULL, 5000, "the inspector to slide in");
  mops_ui_test_wait_for_draw (find ("tag_row"));
  gtk_editable_set_text (GTK_EDITABLE (find ("tag_row")), "logo");
  mops_ui_test_iterate ();
  {
    GtkWidget *list = find ("suggestion_list");

    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (find ("suggestion_revealer"))));
    g_assert_nonnull (gtk_widget_get_first_child (list));
    mops_ui_test_wait_for_draw (list);
    mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-tag-suggestions");
    gtk_editable_set_text (GTK_EDITABLE (find ("tag_row")), "");
    mops_ui_test_iterate ();
  }
  gtk_selection_model_unselect_all (gtk_grid_view_get_model (GTK_GRID_VIEW (find ("grid_view"))));
}

static void
test_narrow_and_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_selection_model_unselect_all (gtk_grid_view_get_model (GTK_GRID_VIEW (find ("grid_view"))));
  mops_ui_test_resize (GTK_WINDOW (mops_ui_test_get_window ()), 360, 720);
  g_assert_true (adw_flap_get_folded (ADW_FLAP (find ("flap"))));
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-narrow");

  mops_ui_test_resize (GTK_WINDOW (mops_ui_test_get_window ()), 1366, 768);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
  mops_ui_test_screenshot (GTK_WIDGET (mops_ui_test_get_window ()), "assets-grid-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  mops_ui_test_init (&argc, &argv);

  g_test_add_func ("/assets/grid/shows-the-library", test_grid_shows_the_library);
  g_test_add_func ("/assets/grid/thumbnail-zoom", test_thumbnail_zoom);
  g_test_add_func ("/assets/search/finds-japanese-and-filters-by-type", test_search_finds_japanese_and_filters_by_type);
  g_test_add_func ("/assets/inspector/edits-rating-and-title", test_inspector_edits_rating_and_title);
  g_test_add_func ("/assets/inspector/offers-file-keywords", test_inspector_offers_file_keywords);
  g_test_add_func ("/assets/inspector/shows-the-licence", test_inspector_shows_the_licence);
  g_test_add_func ("/assets/import/a-folder-with-progress-and-a-report", test_import_a_folder_with_progress);
  g_test_add_func ("/assets/import/keeps-files-in-place", test_import_keeps_files_in_place);
  g_test_add_func ("/assets/import/our-own-work-is-owned", test_import_owned);
  g_test_add_func ("/assets/trash/and-undo", test_trash_and_undo);
  g_test_add_func ("/assets/sidebar/collections-searches-and-filters", test_collections_searches_and_filters);
  g_test_add_func ("/assets/layout/narrow-and-dark", test_narrow_and_dark);

  return mops_ui_test_run ();
}
